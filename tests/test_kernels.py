"""Chapter kernels forked from the build's warm server (``analysis/book/kernels.py``)
look, from inside, like kernels started from scratch; and a dead or interrupted one
is seen as such."""
from __future__ import annotations

import json
import os

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from analysis.book import kernels

# What a chapter could notice of how its kernel was started.
LOOK = r"""
import json, os, sys
from ipykernel.kernelapp import IPKernelApp
print(json.dumps({
    "cwd": os.getcwd(),
    "argv0": os.path.basename(sys.argv[0]),
    "argv": sys.argv[1:2],
    "path": sys.path,
    "env": os.environ.get("BOOK_KERNEL_TEST"),
    "own_session": os.getsid(0) == os.getpid(),
    "book_modules": sorted(m for m in sys.modules if m == "analysis" or m.startswith("analysis.")),
    "matplotlib": sorted(m for m in sys.modules if m.split(".")[0] == "matplotlib"),
    "main": sys.modules["__main__"].__name__,
    "watches_its_parent": IPKernelApp.instance().parent_handle == int(os.environ.get("JPY_PARENT_PID") or 0) != 0,
}))
"""

# What a chapter could notice of matplotlib once it imports pyplot: the backend,
# every setting, the rc file read, the font list, and the inline backend's hooks
# into the kernel's shell (figures shown and closed after each cell).
PLOT = r"""
import json, os
import matplotlib, matplotlib.pyplot as plt
from matplotlib import font_manager
plt.close(plt.figure())          # the backend is loaded with the first figure
ip = get_ipython()
print(json.dumps({
    "backend": matplotlib.get_backend(),
    "mplbackend": os.environ.get("MPLBACKEND"),
    "rc": {k: repr(v) for k, v in sorted(matplotlib.rcParams.items())},
    "rc_file": matplotlib.matplotlib_fname(),
    "fonts": len(font_manager.fontManager.ttflist),
    "hooks": sorted(f.__name__ for f in ip.events.callbacks["post_execute"]),
    "formats": sorted(ip.display_formatter.formatters["image/png"].type_printers and
                      [t.__name__ for t in ip.display_formatter.formatters["image/png"].type_printers]),
}))
"""


def run_cell(tmp_path, source: str, manager=None) -> str:
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell(source))
    extra = {"kernel_manager_class": manager} if manager else {}
    client = NotebookClient(nb, kernel_name="python3", timeout=60, startup_timeout=60,
                            resources={"metadata": {"path": str(tmp_path)}}, **extra)
    client.execute()
    return "".join(o.get("text", "") for o in nb.cells[0].outputs if o.output_type == "stream")


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setenv("BOOK_KERNEL_TEST", "seen")
    with kernels.ForkServer() as s:
        yield s
    assert kernels.ENV not in os.environ


def test_a_forked_kernel_sees_what_a_fresh_one_sees(server, tmp_path):
    forked = json.loads(run_cell(tmp_path, LOOK, kernels.kernel_manager_class()))
    os.environ.pop(kernels.ENV)          # the same call with no server: jupyter_client's own
    assert kernels.kernel_manager_class() is None
    fresh = json.loads(run_cell(tmp_path, LOOK))
    os.environ[kernels.ENV] = server.path
    assert forked == fresh
    assert forked["cwd"] == str(tmp_path) and forked["env"] == "seen" and forked["own_session"]
    assert forked["book_modules"] == [] and forked["matplotlib"] == []
    assert forked["watches_its_parent"]      # it ends if the process that asked for it dies


def _plot_look(tmp_path, manager=None) -> dict:
    return json.loads(run_cell(tmp_path, PLOT, manager))


def test_matplotlib_imported_ahead_is_what_a_fresh_kernel_imports(server, tmp_path):
    forked = _plot_look(tmp_path, kernels.kernel_manager_class())
    os.environ.pop(kernels.ENV)
    fresh = _plot_look(tmp_path)
    os.environ[kernels.ENV] = server.path
    assert forked == fresh
    assert forked["backend"] == kernels.MPL_INLINE and "flush_figures" in forked["hooks"]


@pytest.mark.parametrize("where", ["rc file in the folder", "another backend"])
def test_a_kernel_whose_matplotlib_would_differ_starts_from_scratch(server, tmp_path, monkeypatch, where):
    if where == "rc file in the folder":
        (tmp_path / "matplotlibrc").write_text("font.size: 17\n", encoding="utf-8")
    else:
        monkeypatch.setenv("MPLBACKEND", "agg")
    forked = _plot_look(tmp_path, kernels.kernel_manager_class())
    look = json.loads(run_cell(tmp_path, LOOK, kernels.kernel_manager_class()))
    os.environ.pop(kernels.ENV)
    fresh = _plot_look(tmp_path)
    fresh_look = json.loads(run_cell(tmp_path, LOOK))
    os.environ[kernels.ENV] = server.path
    assert forked == fresh and look == fresh_look
    if where == "rc file in the folder":
        assert forked["rc"]["font.size"] == "17.0"
    else:
        assert forked["backend"] == "agg"


def test_a_failing_cell_and_an_interrupt_reach_a_forked_kernel(server, tmp_path):
    with pytest.raises(CellExecutionError, match="ZeroDivisionError"):
        run_cell(tmp_path, "1 / 0", kernels.kernel_manager_class())
    # a cell past its time is interrupted through the kernel's own session
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell("import time\ntime.sleep(60)"))
    client = NotebookClient(nb, kernel_name="python3", timeout=2, startup_timeout=60,
                            interrupt_on_timeout=True, kernel_manager_class=kernels.kernel_manager_class(),
                            resources={"metadata": {"path": str(tmp_path)}})
    with pytest.raises(CellExecutionError, match="KeyboardInterrupt"):
        client.execute()


def test_the_server_ends_with_the_build(tmp_path):
    s = kernels.ForkServer()
    proc = s.proc
    s.close()
    assert proc.poll() is not None and not os.path.exists(s.path)
