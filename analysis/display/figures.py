"""Figure files: each drawn from a table, saved beside that table (PNG + CSV),
identically on every build."""
from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from .spreadsheet import csv_bytes

# Fixed so that two builds give identical files.
plt.rcParams.update({"svg.hashsalt": "messaging-book", "figure.dpi": 100,
                     "savefig.dpi": 150, "font.size": 10})


def _write_png(fig, png: Path) -> Path:
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png, metadata={"Software": None})   # no version stamp: identical across builds
    plt.close(fig)  # the page shows the saved file, not an inline copy
    return png


def save(fig, data: pd.DataFrame, stem: Path) -> tuple[Path, Path]:
    """Save a figure as PNG and the table it was drawn from as CSV, side by side."""
    png, csv = _write_png(fig, stem.with_suffix(".png")), stem.with_suffix(".csv")
    csv.write_bytes(csv_bytes(data))  # offered for download: formulas neutralised
    return png, csv


def save_variant(fig, of: Path, variant: str) -> Path:
    """Save another drawing of a figure already saved with ``save`` (a phone
    variant, say) as ``<of>-<variant>.png``. Its table is the one beside the
    original, offered once: no second copy of the same data."""
    return _write_png(fig, of.with_name(f"{of.name}-{variant}.png"))
