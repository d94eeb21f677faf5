"""Write the place ranker's table (data/place_weights.yaml) into docs/places.md, between its markers.

    .venv/bin/python scripts/gen_place_table.py          # rewrite the table
    .venv/bin/python scripts/gen_place_table.py --check  # exit 1 when the docs' table is stale

tests/test_place_weights.py fails when the two differ.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dateline.geo.weights import markdown_table

DOC = Path(__file__).resolve().parents[1] / "docs" / "places.md"
BEGIN = "<!-- place-weights:begin (scripts/gen_place_table.py writes this table) -->"
END = "<!-- place-weights:end -->"


def with_table(text: str) -> str:
    """The document's text with the table between the markers replaced by the current one."""
    try:
        head, rest = text.split(BEGIN, 1)
        _old, tail = rest.split(END, 1)
    except ValueError:
        raise SystemExit(f"Error: {DOC} lacks the markers {BEGIN!r} ... {END!r}") from None
    return f"{head}{BEGIN}\n{markdown_table()}{END}{tail}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check; exit 1 when the table is stale")
    args = parser.parse_args()
    text = DOC.read_text(encoding="utf-8")
    new = with_table(text)
    if args.check:
        if new != text:
            print(f"{DOC} is stale: run scripts/gen_place_table.py", file=sys.stderr)
            sys.exit(1)
        return
    if new != text:
        DOC.write_text(new, encoding="utf-8")
        print(f"wrote {DOC}")


if __name__ == "__main__":
    main()
