"""The exploration notebooks run top to bottom and show the right numbers.

Each notebook is executed with nbclient in a kernel started by *this*
interpreter (a temporary ``python3`` kernelspec whose argv is
``sys.executable`` takes precedence through ``JUPYTER_PATH``), so the kernel
imports the same installed ``selu_proof`` whatever kernels the machine has.
"""

from __future__ import annotations

import json
import re
import sys
from fractions import Fraction
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = ["01_constants_and_moment_maps", "02_fixed_points_and_contraction", "03_the_proof",
         "04_deep_nets", "05_beyond_the_paper"]


@pytest.fixture(scope="module")
def kernel_env(tmp_path_factory):
    """A ``python3`` kernelspec running ``sys.executable``, found first via JUPYTER_PATH."""
    root = tmp_path_factory.mktemp("jupyter")
    spec = root / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (selu-proof tests)", "language": "python"}))
    mp = pytest.MonkeyPatch()
    mp.setenv("JUPYTER_PATH", str(root))
    mp.delenv("MPLBACKEND", raising=False)  # let the kernel use its inline backend
    yield root
    mp.undo()


_executed: dict[str, object] = {}


def _execute(name: str, kernel_env: Path, workdir: Path):
    if name not in _executed:
        nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
        client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                         resources={"metadata": {"path": str(workdir)}})
        client.execute()
        _executed[name] = nb
    return _executed[name]


def _text(nb) -> str:
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            if o["output_type"] == "stream":
                out.append(o["text"])
            elif "data" in o:
                out.append(o["data"].get("text/plain", ""))
    return "\n".join(out)


def _images(nb) -> int:
    return sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_stored_without_outputs(name):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)
    assert (NOTEBOOKS / f"{name}.ipynb").stat().st_size < 20_000


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs(name, kernel_env, tmp_path):
    nb = _execute(name, kernel_env, tmp_path)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors
    assert _images(nb) >= {"01": 1, "02": 3, "03": 3, "04": 4, "05": 1}[name[:2]]


@pytest.mark.slow
def test_notebook1_values(kernel_env, tmp_path):
    text = _text(_execute(NAMES[0], kernel_env, tmp_path))
    assert "alpha_01 to 20 digits: 1.6732632423543772848\n" in text
    assert "lambda = 1.0507009873554804934193349852946063519589812043764" in text
    closed = re.search(r"closed form   : (\S+)", text).group(1)
    assert re.search(r"by integration: (\S+)", text).group(1) == closed
    assert "S = 0.7876733605" in text
    assert "[0.7876733604657" in text  # the ball enclosure


@pytest.mark.slow
def test_notebook2_values(kernel_env, tmp_path):
    text = _text(_execute(NAMES[1], kernel_env, tmp_path))
    assert "omega =  0.1, tau =  1.1: unique  mean =  0.0547059806182  var = 1.41028982928" in text
    means = [Fraction(m) for m in re.findall(r"unique  mean = +(\S+)", text)]
    vars_ = [Fraction(v) for v in re.findall(r"unique  mean = +\S+  var = (\S+)", text)]
    assert len(means) == 5
    assert all(Fraction("-0.03106") <= m <= Fraction("0.06773") for m in means)
    assert all(Fraction("0.80009") <= v <= Fraction("1.48617") for v in vars_)
    assert "'alpha': '1.8339602235162955900', 'lambda': '1.0565712327230750134'" in text
    assert "'var': '1.50000000000'" in text
    assert "worst corner: omega = -0.1, tau = 1.1" in text


@pytest.mark.slow
def test_notebook3_values(kernel_env, tmp_path):
    text = _text(_execute(NAMES[2], kernel_env, tmp_path))
    assert "spectral_norm_below: proved" in text and "maps_into: proved" in text
    assert "identical to the committed certificate: True" in text
    assert "theorem1 valid" in text
    assert "INVALID: claim 0 (spectral_norm_below)" in text
    assert "refuted - the claim fails at the witness point" in text
    nu_next = float(re.search(r"g\(witness\) = \(\S+, (\S+)\)", text).group(1))
    assert nu_next > 1.35


@pytest.mark.slow
def test_notebook4_values(kernel_env, tmp_path):
    text = _text(_execute(NAMES[3], kernel_env, tmp_path))
    m, v = (float(x) for x in re.search(r"layer 40: mean = (\S+), var = (\S+)", text).groups())
    assert abs(m) < 0.05 and abs(v - 1) < 0.1
    dm, dv = (float(x) for x in
              re.search(r"final layer: mean (\S+), var (\S+)", text).groups())
    assert abs(dm) < 0.05 and abs(dv - 1) < 0.1
    assert float(re.search(r"relu: var after 30 layers = (\S+)", text).group(1)) < 1e-6
    # exact weights: the first layer matches g to a few parts in a thousand
    row = re.search(r"layer 1: mean +(\S+) \(g: +(\S+)\) +var +(\S+) \(g: +(\S+)\)", text)
    mean, pred_mean, var, pred_var = (float(x) for x in row.groups())
    assert abs(mean - pred_mean) < 0.01 and abs(var - pred_var) / pred_var < 0.02


@pytest.mark.slow
def test_notebook5_values(kernel_env, tmp_path):
    text = _text(_execute(NAMES[4], kernel_env, tmp_path))
    rows = re.findall(r"^(\w+_extrema) +(max|min) (\S+) +\[(\S+), (\S+)\]", text, flags=re.M)
    assert len(rows) == 10
    for _, _, _, lo, hi in rows:
        assert 0 <= Fraction(hi) - Fraction(lo) <= Fraction("2e-6")  # 9 printed digits
    assert "max norm-H      [0.897608358, 0.897608797]" in text
    assert "min mean        [-0.031060844, -0.031060502]" in text  # below the paper's -0.03106
    assert "proved max mu~ in [0.067725101690, 0.067725703912]" in text
    assert "'mu': '-0.1', 'omega': '-0.1', 'nu': '1.5', 'tau': '1.1'" in text
    assert "theorem1_nu_lo.cert.json   valid  nu in ['0.5107', '1.5']" in text
    assert "INVALID" not in text
    assert "alpha = 1.8339602235162955900  lambda = 1.0565712327230750134" in text
    assert "proof: proved at scale" in text and "certificate valid: True" in text
