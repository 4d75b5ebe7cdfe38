"""CLI: constants, design, fixed-point (JSON, text, exit codes, one-line errors)."""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction

import pytest

from selu_proof.cli import main

ALPHA_31 = "1.6732632423543772848170429916717"
LAMBDA_31 = "1.0507009873554804934193349852946"


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _run_exit(capsys, *argv):
    """Like _run, for argparse errors that raise SystemExit."""
    with pytest.raises(SystemExit) as exc:
        main(list(argv))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def _one_error_line(err: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "error" in lines[0] and "Traceback" not in err


# --------------------------------------------------------------------------- constants


def test_constants_json(capsys):
    code, out, _ = _run(capsys, "constants", "--digits", "32", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"alpha", "lambda", "alpha_lambda"}
    assert data["alpha"] == ALPHA_31 and data["lambda"] == LAMBDA_31


def test_constants_text(capsys):
    code, out, _ = _run(capsys, "constants")
    assert code == 0
    assert "alpha" in out and "1.67326324235437728481704299167" in out


def test_constants_ten_thousand_digits(capsys):
    code, out, _ = _run(capsys, "constants", "--digits", "10000", "--json")
    assert code == 0
    data = json.loads(out)
    assert len(data["lambda"].replace(".", "")) == 10000
    assert data["lambda"].startswith(LAMBDA_31[:-1])


@pytest.mark.parametrize("digits", ["0", "-5", "30001", "1000000", "2000000"])
def test_constants_bad_digits(capsys, digits):
    code, out, err = _run(capsys, "constants", "--digits", digits)
    assert code == 2 and out == ""
    _one_error_line(err)


def test_constants_non_integer_digits(capsys):
    code, _, err = _run_exit(capsys, "constants", "--digits", "many")
    assert code == 2
    _one_error_line(err)


# --------------------------------------------------------------------------- design


def test_design_json_recovers_constants(capsys):
    code, out, _ = _run(capsys, "design", "--mean", "0", "--var", "1", "--digits", "32",
                        "--json")
    assert code == 0
    data = json.loads(out)
    assert data["alpha"] == ALPHA_31 and data["lambda"] == LAMBDA_31
    assert data["status"] == "unique" and data["reason"] == ""
    assert data["convention"] == "normalized weights (omega=0, tau=1)"
    lo, hi = (Fraction(t) for t in data["box"]["alpha"])
    assert lo <= Fraction(ALPHA_31) + Fraction(1, 10**31) and hi - lo < Fraction(1, 10**30)
    assert "dropout" not in data


def test_design_notebook_convention(capsys):
    code, out, _ = _run(capsys, "design", "--omega", "1", "--tau", "1", "--mean", "0",
                        "--var", "1", "--digits", "30", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["convention"] == "pre-activation N(mean, var) (omega=tau=1)"
    assert data["alpha"].startswith("1.673263242354377284817042991")


def test_design_with_dropout(capsys):
    code, out, _ = _run(capsys, "design", "--mean", "0", "--var", "1", "--dropout-rate", "0.1",
                        "--json")
    assert code == 0
    d = json.loads(out)["dropout"]
    assert set(d) == {"rate", "keep", "saturation", "a", "b"}
    assert d["a"].startswith("0.92128") and d["b"].startswith("0.16197")
    assert d["saturation"].startswith("-1.75809934084737685")


def test_design_text_output(capsys):
    code, out, _ = _run(capsys, "design", "--mean", "0", "--var", "2", "--dropout-rate", "0.05")
    assert code == 0
    assert "status:     unique" in out
    assert "alpha  = 1.97125575034626893" in out
    assert "alpha dropout" in out and "unique in:" in out


@pytest.mark.parametrize("argv,fragment", [
    (["--mean", "0", "--var", "0"], "--var must be positive"),
    (["--mean", "0", "--var", "-2"], "--var must be positive"),
    (["--mean", "nan", "--var", "1"], "--mean must be a finite number"),
    (["--mean", "0", "--var", "inf"], "--var must be a finite number"),
    (["--mean", "0", "--var", "1", "--tau", "0"], "--tau must be positive"),
    (["--mean", "0", "--var", "1", "--omega", "NaN"], "--omega must be a finite number"),
    (["--mean", "0", "--var", "1", "--dropout-rate", "1"], "--dropout-rate must be in [0, 1)"),
    (["--mean", "0", "--var", "1", "--dropout-rate", "-0.5"], "--dropout-rate must be in"),
    (["--mean", "0", "--var", "1", "--digits", "0"], "--digits must be between"),
])
def test_design_bad_input_is_one_line(capsys, argv, fragment):
    code, out, err = _run(capsys, "design", *argv)
    assert code == 2 and out == ""
    _one_error_line(err)
    assert fragment in err


def test_design_missing_argument(capsys):
    code, _, err = _run_exit(capsys, "design", "--mean", "0")
    assert code == 2
    _one_error_line(err)


# --------------------------------------------------------------------------- fixed-point


def test_fixed_point_0_1(capsys):
    code, out, _ = _run(capsys, "fixed-point", "--omega", "0", "--tau", "1", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["status"] == "unique"
    assert Fraction(data["mean"]) == 0 and Fraction(data["var"]) == 1
    assert set(data["box"]) == {"mean", "var"}


def test_fixed_point_theorem1(capsys):
    code, out, _ = _run(capsys, "fixed-point", "--omega", "0.05", "--tau", "1.05", "--json")
    assert code == 0
    data = json.loads(out)
    assert Fraction("-0.03106") <= Fraction(data["mean"]) <= Fraction("0.06773")
    assert Fraction("0.80009") <= Fraction(data["var"]) <= Fraction("1.48617")


def test_fixed_point_custom_parameters_text(capsys):
    code, out, _ = _run(capsys, "fixed-point", "--omega", "0", "--tau", "1", "--alpha", "1.5",
                        "--lambda", "1.1", "--digits", "12")
    assert code == 0
    assert "alpha=1.5, lambda=1.1" in out and "status:     unique" in out


def test_fixed_point_unknown_exits_1(capsys):
    code, out, _ = _run(capsys, "fixed-point", "--omega", "0", "--tau", "3", "--json")
    assert code == 1
    data = json.loads(out)
    assert data["status"] == "unknown" and data["reason"]
    assert "mean" not in data


@pytest.mark.parametrize("argv,fragment", [
    (["--omega", "0", "--tau", "-1"], "--tau must be positive"),
    (["--omega", "nan", "--tau", "1"], "--omega must be a finite number"),
    (["--omega", "0", "--tau", "1", "--alpha", "inf"], "--alpha must be a finite number"),
    # the decimal grammar of specifications, with a bounded exponent
    (["--omega", "0", "--tau", "1e99999"], "exponent beyond"),
    (["--omega", "1/3", "--tau", "1"], "--omega must be a finite number"),
    (["--omega", "1_0", "--tau", "1"], "--omega must be a finite number"),
    (["--omega", "\u0661", "--tau", "1"], "--omega must be a finite number"),
])
def test_fixed_point_bad_input(capsys, argv, fragment):
    code, out, err = _run(capsys, "fixed-point", *argv)
    assert code == 2 and out == ""
    _one_error_line(err)
    assert fragment in err


def test_help_texts(capsys):
    for cmd in ("design", "fixed-point"):
        code, out, _ = _run_exit(capsys, cmd, "--help")
        assert code == 0
        assert "Krawczyk" in out and "Exit status" in out


# --------------------------------------------------------------------------- subprocess


def test_python_dash_m_design():
    proc = subprocess.run([sys.executable, "-m", "selu_proof", "design", "--mean", "0",
                           "--var", "1", "--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["alpha"] == "1.6732632423543772848"
    assert data["lambda"] == "1.0507009873554804934"


def test_python_dash_m_bad_input():
    proc = subprocess.run([sys.executable, "-m", "selu_proof", "design", "--mean", "0",
                           "--var", "-1"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "selu-proof: error: --var must be positive, got '-1'"


# --------------------------------------------------------------------------- help, activations


def test_bare_command_prints_the_help(capsys):
    """``selu-proof`` alone prints the help (exit 0), as ``selu-proof --help`` does."""
    assert main([]) == 0
    out, err = capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0 and err == ""
    assert out == capsys.readouterr().out and out.startswith("usage: selu-proof")
    for command in ("prove", "check", "simulate", "plot"):
        assert command in out


def _option(command: list[str], flag: str):
    """The argparse action of ``flag`` in the parser of ``command`` (e.g. ``["plot"]``)."""
    from selu_proof.cli import build_parser

    parser = build_parser()
    for name in command:
        parser = next(a for a in parser._actions if a.dest == "command").choices[name]
    return next(a for a in parser._actions if flag in a.option_strings)


def test_plot_simulation_takes_the_activations_of_simulate(capsys, tmp_path):
    """``plot simulation --activation`` accepted 4 names; now the catalogue, as ``simulate``."""
    for flag in ("--activation", "--normalize"):
        plot, sim = _option(["plot"], flag), _option(["simulate"], flag)
        assert (plot.choices, plot.help, plot.metavar) == (sim.choices, sim.help, sim.metavar)
    out = tmp_path / "sim.png"
    for argv in (["--activation", "gelu", "--normalize", "affine"],
                 ["--activation", "silu:beta=1.5"], ["--activation", "tanh"]):
        code = main(["plot", "simulation", "--depth", "3", "--width", "30", "--batch", "30",
                     "--out", str(out), "--json", *argv])
        text, err = capsys.readouterr()
        assert code == 0, err
        name = json.loads(text)["config"]["activation"]
        assert name.split(" ")[0] == argv[1], name
    for command in (["plot", "simulation", "--out", str(out)], ["simulate"]):
        assert main([*command, "--activation", "softmax"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "unknown activation 'softmax'" in err
