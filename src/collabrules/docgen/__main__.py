"""``python -m collabrules.docgen [--check] [--root DIR]``: regenerate the reference pages.

With ``--check`` nothing is written; the exit code is 1 when a page is stale.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..model.text import Text
from .site_pages import check, write

STALE = Text("{path}: out of date; run: python -m collabrules.docgen",
             "{path}: verouderd; voer uit: python -m collabrules.docgen")
WROTE = Text("wrote docs/{path}", "docs/{path} geschreven")
CURRENT = Text("all generated pages are current", "alle gegenereerde pagina's zijn actueel")


def main(argv: list[str] | None = None) -> int:
    """Run the generator; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m collabrules.docgen",
                                     description=__doc__)
    parser.add_argument("--check", action="store_true",
                        help="only report stale pages (exit 1) / alleen controleren")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="the repository root (default: the current folder)")
    parser.add_argument("--lang", choices=("en", "nl"), default="en")
    args = parser.parse_args(argv)
    if args.check:
        stale = check(args.root)
        for path in stale:
            print(STALE.format(path=f"docs/{path}").get(args.lang), file=sys.stderr)
        if not stale:
            print(CURRENT.get(args.lang))
        return 1 if stale else 0
    for path in write(args.root):
        print(WROTE.format(path=path).get(args.lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
