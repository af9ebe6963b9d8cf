# Appended by tools/docs_site.sh to the conf.py that `antsibull-docs sphinx-init` generates.

# Offline: no intersphinx inventory is fetched; references to docs.ansible.com stay plain text.
extensions = [name for name in extensions if name != "sphinx.ext.intersphinx"]  # noqa: F821 (defined above)
intersphinx_mapping = {}

# The guides are Markdown (docs/*.md); links between them (`pbx-as-code.md#states`) become page and heading links.
extensions.append("myst_parser")
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]
