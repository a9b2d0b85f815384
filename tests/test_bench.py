"""``make bench`` runs to its end: its synthetic projects are valid projects (a
bench that stops half-way prints no numbers). No timing is asserted here."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import bench_build  # noqa: E402


def test_a_synthetic_project_validates_and_prepares(tmp_path, capsys):
    # it replaced the real articles: their annotations and translations must go too
    bench_build.validate_prepare([3])
    out = capsys.readouterr().out
    assert out.splitlines()[-1].split()[0] == "3", out
