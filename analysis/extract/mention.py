"""The mention record every extractor returns."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KEYS = ("kind", "start", "end", "text", "value", "unit", "qualifier", "per",
        "date", "canonical")


@dataclass(slots=True)
class Mention:
    kind: str                      # quantity | date | platform | organization | person
    start: int                     # Python str offsets into the original text
    end: int
    text: str                      # == original_text[start:end]
    value: int | float | None = None
    unit: str | None = None
    qualifier: str | None = None
    per: str | None = None
    date: str | None = None        # ISO YYYY, YYYY-MM or YYYY-MM-DD
    canonical: str | None = None   # gazetteer id
    date_alt: str | None = None    # second Gregorian month/year of a Jalali month/year

    def iso_date(self) -> str | None:
        """``date``, or the ISO 8601 interval ``A/B`` when there is a date_alt."""
        if self.date is not None and self.date_alt is not None:
            return f"{self.date}/{self.date_alt}"
        return self.date

    def to_dict(self) -> dict[str, Any]:
        """The fixed output keys (the CLI adds ``file``)."""
        d = {k: getattr(self, k) for k in KEYS}
        d["date"] = self.iso_date()
        return d

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.kind)
