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


def save(fig, data: pd.DataFrame, stem: Path) -> tuple[Path, Path]:
    """Save a figure as PNG and the table it was drawn from as CSV, side by side."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    png, csv = stem.with_suffix(".png"), stem.with_suffix(".csv")
    fig.savefig(png, metadata={"Software": None})
    plt.close(fig)  # the page shows the saved file, not an inline copy
    csv.write_bytes(csv_bytes(data))  # offered for download: formulas neutralised
    return png, csv


def save_variant(fig, of: Path, variant: str) -> Path:
    """Save another drawing of a figure already saved with ``save`` (a phone
    variant, say) as ``<of>-<variant>.png``. Its table is the one beside the
    original, offered once: no second copy of the same data."""
    png = of.with_name(f"{of.name}-{variant}.png")
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png, metadata={"Software": None})
    plt.close(fig)
    return png
