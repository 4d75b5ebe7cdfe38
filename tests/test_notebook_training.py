"""notebooks/07_training.ipynb runs (it is committed executed) and shows the right numbers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("torch")
pytest.importorskip("sklearn")
nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

from test_notebooks import _images, _text, kernel_env  # noqa: E402, F401  (shared fixture)

ROOT = Path(__file__).resolve().parent.parent
PATH = ROOT / "notebooks" / "07_training.ipynb"


def test_training_notebook_is_committed_executed():
    nb = nbformat.read(PATH, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code)
    assert not [o for c in code for o in c.outputs if o["output_type"] == "error"]
    assert _images(nb) >= 4
    assert "S = 1.0310" in _text(nb)


@pytest.mark.slow
def test_training_notebook_runs(kernel_env, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setenv("SELU_PROOF_REPO", str(ROOT))
    nb = nbformat.read(PATH, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert not [o for c in nb.cells for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert _images(nb) >= 4
    text = _text(nb)
    assert "gain 1 (nonlinearity='linear')  tau = 1     fixed point (0.000000000000, " \
           "1.00000000000)  S = 0.7877" in text
    assert "tau = 9/16  fixed point (-0.0284180809907, 0.0267643294021)  S = 1.0310" in text
    acc = [float(a) for a in re.findall(r"epoch \d: train loss \S+  test accuracy (\S+)", text)]
    assert len(acc) == 4 and acc[0] < 0.2 and acc[-1] > 0.85
    assert "| SELU |" in text and "Learning-rate sweep" in text
