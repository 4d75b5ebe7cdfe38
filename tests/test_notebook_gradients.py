"""Notebook 06 (gradients and correlations): committed executed, reruns to the same outputs."""

from __future__ import annotations

import re

import pytest
from test_notebooks import NOTEBOOKS, _execute, _images, _text, kernel_env  # noqa: F401

nbformat = pytest.importorskip("nbformat")
NAME = "06_gradients_and_correlations"


def test_notebook6_is_committed_executed():
    nb = nbformat.read(NOTEBOOKS / f"{NAME}.ipynb", as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs for c in code)
    assert "chi1  = ['1.071574992', '1.071574993']" in _text(nb)


@pytest.mark.slow
def test_notebook6_values(kernel_env, tmp_path):  # noqa: F811
    nb = _execute(NAME, kernel_env, tmp_path)
    assert not [o for c in nb.cells for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert _images(nb) >= 2
    text = _text(nb)
    stored = _text(nbformat.read(NOTEBOOKS / f"{NAME}.ipynb", as_version=4))
    assert text == stored  # the committed outputs are the deterministic ones
    assert "chi1  = ['1.071574992', '1.071574993'] (certified)" in text
    assert "rate 0.1: chi1 = 0.8185639676" in text
    assert "certificate: valid" in text
    se = [float(x) for x in re.findall(r"chi1 \S+, (\S+) SE\)", text)]
    assert len(se) == 2 and max(se) < 4
    assert float(re.search(r"largest deviation: (\S+) SE", text).group(1)) < 5
    assert "exact: True" in text
