"""CSV cells a spreadsheet will not run: text that starts like a formula is prefixed with ``'``.

OWASP's CSV-injection rule: a cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is read by Excel, LibreOffice and Google Sheets as a formula (``=HYPERLINK(...)``,
``@SUM(...)``, ``-2+3+cmd|...``), so such text gets a leading apostrophe, which spreadsheets show
as text and hide. Numbers are written as numbers, negative ones included: only ``str`` cells
are changed. Every CSV dateline writes goes through ``safe_cell``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["FORMULA_STARTS", "safe_cell", "safe_row"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` unchanged, unless it is text a spreadsheet would take for a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A CSV row (column -> value) with every cell made safe."""
    return {key: safe_cell(value) for key, value in row.items()}
