"""Odd inputs get one error line and a non-zero exit, never a traceback; smaller oddities."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from selu_proof.cli import main

ROOT = Path(__file__).resolve().parent.parent
SPEC = ('name = "{name}"\n[domain]\nmu = ["-0.1", "0.1"]\nomega = {omega}\nnu = ["0.8", "1.5"]\n'
        'tau = {tau}\n[[claim]]\nkind = "spectral_norm_below"\nbound = "1"\n')


def _one_line(capsys, code: int, expected_code: int = 2) -> str:
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert code == expected_code and len(lines) == 1, err
    assert lines[0].startswith("selu-proof: error: ")
    return lines[0]


def test_out_is_an_existing_file(tmp_path, capsys):
    target = tmp_path / "afile"
    target.write_text("x")
    line = _one_line(capsys, main(["prove", "theorem2", "--out", str(target)]))
    assert "cannot write to" in line


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_out_is_unwritable(tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    line = _one_line(capsys, main(["prove", "theorem2", "--out", str(locked / "sub")]))
    assert "cannot write to" in line


def test_out_below_proc_is_one_line(capsys):
    line = _one_line(capsys, main(["prove", "theorem2", "--out", "/proc/selu-proof-x"]))
    assert "cannot write to" in line


def test_spec_that_is_not_utf8(tmp_path, capsys):
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'name = "\xff"\n')
    assert "not UTF-8" in _one_line(capsys, main(["prove", str(path)]))


def test_design_huge_variance(capsys):
    line = _one_line(capsys, main(["design", "--mean", "0", "--var", "1e308"]))
    assert "supported domain" in line


def test_simulate_plot_into_a_missing_directory(tmp_path, capsys):
    code = main(["simulate", "--depth", "2", "--width", "10", "--batch", "10", "--plot",
                 str(tmp_path / "missing" / "x.png")])
    assert "does not exist" in _one_line(capsys, code)


def test_plot_into_a_missing_directory(tmp_path, capsys):
    code = main(["plot", "activation", "--out", str(tmp_path / "missing" / "x.png")])
    assert "does not exist" in _one_line(capsys, code)


def test_certificate_cover_with_a_zero_width_variable(tmp_path, capsys):
    spec = tmp_path / "zw.toml"
    spec.write_text(SPEC.format(name="zw", omega='["0", "0"]', tau='["1", "1"]'))
    assert main(["prove", str(spec), "--out", str(tmp_path)]) == 0
    cert = str(tmp_path / "zw.cert.json")
    capsys.readouterr()
    # the hidden variables omega and tau are single points: the leaves cover all of them
    assert main(["plot", "certificate-cover", "--certificate", cert, "--json",
                 "--out", str(tmp_path / "cover.png")]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert Fraction(summary["covered_area"]) == Fraction("0.2") * Fraction("0.7")
    code = main(["plot", "certificate-cover", "--certificate", cert, "--plane", "omega-tau",
                 "--out", str(tmp_path / "cover2.png")])
    assert "degenerate" in _one_line(capsys, code)


def test_scheduler_unreachable_or_malformed(capsys, monkeypatch):
    pytest.importorskip("distributed")
    from selu_proof.cli import prove

    monkeypatch.setattr(prove, "SCHEDULER_TIMEOUT", 1)
    for address in ("tcp://127.0.0.1:1", "garbage::://"):
        code = main(["prove", "theorem2", "--scheduler", address])
        assert "cannot connect" in _one_line(capsys, code)


def test_ctrl_c_during_imports_in_process(capsys, monkeypatch):
    import importlib

    def interrupted(name, *args):
        raise KeyboardInterrupt

    monkeypatch.setattr(importlib, "import_module", interrupted)
    assert main(["constants"]) == 130
    assert capsys.readouterr().err == "selu-proof: interrupted\n"


@pytest.mark.parametrize("entry", [
    ["-m", "selu_proof", "constants"],
    # what the console script does
    ["-c", "import sys; from selu_proof.cli import main; sys.exit(main(['constants']))"],
])
def test_ctrl_c_during_imports(tmp_path, entry):
    fake = tmp_path / "flint"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise KeyboardInterrupt\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]))
    res = subprocess.run([sys.executable, *entry], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=120)
    assert res.returncode == 130
    assert res.stderr == "selu-proof: interrupted\n" and res.stdout == ""


# ---------------------------------------------------------------------------- oddities


def test_max_boxes_is_a_budget_for_the_whole_tree(tmp_path, capsys):
    assert main(["prove", "theorem2", "--out", str(tmp_path), "--max-boxes", "1",
                 "--json"]) == 1
    (r,) = json.loads(capsys.readouterr().out)["results"]
    assert r["status"] == "unknown" and r["boxes"] == 1


def test_missing_toml_is_not_an_unknown_theorem(tmp_path, capsys):
    line = _one_line(capsys, main(["prove", str(tmp_path / "nope.toml")]))
    assert "no such specification file" in line and "unknown theorem" not in line


@pytest.mark.parametrize("argv,words", [
    (["fixed-point", "--omega", "0", "--tau", "1e-300"], "supported domain"),
    (["fixed-point", "--omega", "0", "--tau", "1", "--alpha", "-1"], "--alpha must be in"),
    (["fixed-point", "--omega", "0", "--tau", "1", "--lambda", "1000"], "--lambda must be in"),
    (["simulate", "--tau", "1e300"], "supported domain"),
    (["simulate", "--input-var", "1e300"], "supported domain"),
    (["plot", "mapping-field", "--out", "x.png", "--tau", "1e300"], "supported domain"),
])
def test_values_outside_the_supported_domain(capsys, argv, words):
    assert words in _one_line(capsys, main(argv))


def test_diverging_simulation_is_an_error_without_numpy_warnings(capsys):
    code = main(["simulate", "--depth", "30", "--width", "50", "--batch", "50",
                 "--omega", "100", "--tau", "1000"])
    line = _one_line(capsys, code)
    assert "overflow" in line and "RuntimeWarning" not in line


def test_prove_columns_line_up_for_long_names(tmp_path, capsys):
    long = tmp_path / "long.toml"
    long.write_text(SPEC.format(name="a_rather_long_specification_name",
                                omega='["-0.1", "0.1"]', tau='["0.95", "1.1"]'))
    assert main(["prove", "theorem2", str(long), "--out", str(tmp_path)]) == 0
    lines = [ln for ln in capsys.readouterr().out.splitlines() if "boxes=" in ln]
    assert len(lines) == 2
    starts = {ln.index(" proved ") for ln in lines}
    seconds = {re.search(r"boxes=\d+ +\d+\.\d\ds", ln).end() for ln in lines}
    assert len(starts) == 1 and len(seconds) == 1


def test_no_numpy_warnings_on_stderr(tmp_path):
    """Float evaluations far from the theorems' domain overflow quietly (a subprocess, so
    that pytest's own warning capture is not what hides them)."""
    res = subprocess.run([sys.executable, "-m", "selu_proof", "plot", "spectral-norm",
                          "--omega", "10", "--tau", "0.001", "--out", str(tmp_path / "s.png")],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert res.returncode == 0 and res.stderr == ""
    assert (tmp_path / "s.png").stat().st_size > 0


@pytest.mark.parametrize("data,words", [
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),  # was a RecursionError traceback
    (b"\xff\xfe", "not valid JSON"),
], ids=["deep", "binary"])
def test_certificate_cover_of_an_unreadable_file(tmp_path, capsys, data, words):
    path = tmp_path / "bad.cert.json"
    path.write_bytes(data)
    code = main(["plot", "certificate-cover", "--certificate", str(path),
                 "--out", str(tmp_path / "x.png")])
    assert words in _one_line(capsys, code)


@pytest.mark.parametrize("edit,words", [
    (lambda c: c["spec"]["domain"].update(nu=["1e999999", "2e999999"]), "exponent beyond"),
    (lambda c: c.update(spec=[1]), "no spec.domain"),
    (lambda c: c["claims"].__setitem__(0, [1]), "malformed goals"),
])
def test_certificate_cover_of_a_malformed_certificate(tmp_path, capsys, edit, words):
    cert = json.loads((ROOT / "proofs" / "theorem2.cert.json").read_text())
    edit(cert)
    path = tmp_path / "bad.cert.json"
    path.write_text(json.dumps(cert))
    code = main(["plot", "certificate-cover", "--certificate", str(path),
                 "--out", str(tmp_path / "x.png")])
    assert "does not check" in _one_line(capsys, code)  # the checker refuses it first
    code = main(["plot", "certificate-cover", "--certificate", str(path), "--no-check",
                 "--out", str(tmp_path / "x.png")])  # and the drawing code reads it safely
    assert words in _one_line(capsys, code)
