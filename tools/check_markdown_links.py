"""Fail on a broken relative link in the Markdown docs: a missing file, or a #heading the target file lacks.

`make docs-lint` runs it next to `antsibull-docs lint-collection-docs`, which reads RST and plugin docs only.
Anchors follow GitHub's heading slugs, which the docs site (myst_heading_anchors) reproduces.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ["README.md", "docs/*.md", "roles/*/README.md"]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$", re.M)


def slug(heading):
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(path):
    return {slug(h) for h in HEADING.findall(FENCE.sub("", path.read_text(encoding="utf-8")))}


def broken_links(path):
    text = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), path.read_text(encoding="utf-8"))
    for lineno, line in enumerate(text.splitlines(), 1):
        for target in LINK.findall(line):
            if re.match(r"[a-z]+:", target):
                continue
            file_part, anchor = (target.split("#", 1) + [""])[:2]
            linked = (path.parent / file_part).resolve() if file_part else path
            if not linked.exists():
                yield lineno, target, "no such file"
            elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
                yield lineno, target, "no such heading"


def main():
    problems = [
        "%s:%d: %s: %s" % (path.relative_to(ROOT), lineno, target, why)
        for pattern in DOCS
        for path in sorted(ROOT.glob(pattern))
        for lineno, target, why in broken_links(path)
    ]
    print("\n".join(problems) or "Markdown links: all resolve")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
