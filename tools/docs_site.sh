#!/usr/bin/env bash
# Build the static docs site into $1 (default build/docs-site), offline: `make docs-site` runs it.
#
# The reference pages come from the collection itself (modules, plugins, role argument specs) through
# `antsibull-docs sphinx-init --use-current` and `antsibull-docs collection --use-current`, the steps of the build.sh
# that sphinx-init writes. The guides are docs/*.md, the one source of each: antsibull-docs takes only RST extra
# docs (docs/docsite/rst/), so instead of keeping an RST copy the build copies the Markdown into the Sphinx source
# tree and renders it with myst-parser, under the root page docs/docsite/index.rst.
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
dest=$(realpath -m "${1:-$root/build/docs-site}")

rm -rf "$dest"
mkdir -p -m 700 "$dest"   # antsibull-docs wants its directories writable by their owner only
antsibull-docs sphinx-init --use-current --lenient --dest-dir "$dest" \
    --index-rst-source "$root/docs/docsite/index.rst" \
    --project telephony.pbx --copyright "telephony.pbx maintainers" \
    --title "telephony.pbx" --html-short-title "telephony.pbx" \
    telephony.pbx

antsibull-docs --config-file "$dest/antsibull-docs.cfg" collection --use-current --dest-dir "$dest/rst" telephony.pbx
# The repository's layout, so that relative links between guides and role READMEs resolve as they do on GitHub.
(cd "$root" && cp --parents docs/*.md roles/*/README.md "$dest/rst/")

# Overrides of the generated conf.py: its extensions without sphinx.ext.intersphinx, which would fetch inventories
# from the internet (references to docs.ansible.com stay plain text), plus myst-parser for the Markdown, with
# GitHub's heading anchors so that links such as `pbx-as-code.md#states` land on their heading.
sphinx-build -M html "$dest/rst" "$dest/build" -c "$dest" --quiet \
    -D extensions=sphinx.ext.autodoc,sphinx_antsibull_ext,myst_parser \
    -D myst_heading_anchors=3
echo "Docs site: $dest/build/html/index.html"
