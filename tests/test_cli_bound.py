"""The bound subcommand: JSON, exit codes, a certificate `check` replays, one-line errors."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from selu_proof.cli import main

INVERTED = ('name = "x"\n[domain]\nmu = ["0.1", "-0.1"]\nomega = ["-0.1", "0.1"]\n'
            'nu = ["0.8", "1.5"]\ntau = ["0.95", "1.1"]\n[[claim]]\nkind = "maps_into"\n')


def test_bound_json_and_check(tmp_path, capsys):
    assert main(["bound", "mean", "--spec", "theorem1", "--max", "--out", str(tmp_path),
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"quantity", "sense", "lower", "upper", "witness", "boxes", "seconds",
                        "certificate"}
    assert (out["quantity"], out["sense"], out["status"]) == ("mean", "max", "proved")
    lo, up = Fraction(out["lower"]), Fraction(out["upper"])
    assert 0 <= up - lo <= Fraction("1e-6") and lo < Fraction("0.06773") < up + 1
    assert out["witness"] == {"mu": "-0.1", "omega": "-0.1", "nu": "1.5", "tau": "1.1"}
    cert = tmp_path / "theorem1_max_mean.cert.json"
    assert out["certificate"] == str(cert)
    assert main(["check", str(cert), "--json"]) == 0
    (chk,) = json.loads(capsys.readouterr().out)["results"]
    assert chk["valid"] and chk["goals"][0]["statement"] == \
        f"max mu~ in [{out['lower']}, {out['upper']}]"


def test_bound_text_output_and_min(tmp_path, capsys):
    assert main(["bound", "var", "--spec", "theorem1", "--min", "--tol", "1e-4",
                 "--out", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("min nu~ over theorem1: [0.803")
    assert lines[1].startswith("witness: mu=-0.1 omega=0.1 nu=0.8 tau=0.95")
    assert lines[2].startswith("proved (width <= 0.0001)")


def test_budget_spent_is_unknown_with_the_best_bracket(tmp_path, capsys):
    assert main(["bound", "norm-H", "--spec", "theorem1", "--max", "--max-boxes", "3",
                 "--out", str(tmp_path), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "unknown" and out["certificate"] is None and "budget" in out["reason"]
    assert Fraction(out["lower"]) < Fraction(out["upper"])


@pytest.mark.parametrize("argv,words", [
    (["bound", "mean", "--spec", "theorem1", "--max", "--tol", "0"], "--tol must be positive"),
    (["bound", "mean", "--spec", "theorem1", "--max", "--tol=-1e-3"], "--tol must be positive"),
    (["bound", "mean", "--spec", "theorem1", "--max", "--tol", "nan"], "finite number"),
    (["bound", "speed", "--spec", "theorem1", "--max"], "cannot bound 'speed'"),
    (["bound", "mean", "--spec", "theorem9", "--max"], "unknown theorem"),
    (["bound", "mean", "--spec", "theorem1"], "one of the arguments --max --min is required"),
    (["bound", "mean", "--spec", "theorem1", "--max", "--min"], "not allowed with"),
    (["bound", "mean", "--spec", "theorem1", "--max", "--max-boxes", "0"], "--max-boxes"),
])
def test_bad_input_is_one_error_line(argv, words, capsys):
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "error:" in err[0] and words in err[0], err


def test_inverted_domain_is_one_error_line(tmp_path, capsys):
    spec = tmp_path / "inv.toml"
    spec.write_text(INVERTED)
    assert main(["bound", "mean", "--spec", str(spec), "--max"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "inverted" in err[0]


POINT = ('name = "point"\n[domain]\nmu = ["0.05", "0.05"]\nomega = ["0.05", "0.05"]\n'
         'nu = ["1.1", "1.1"]\ntau = ["1.05", "1.05"]\n[[claim]]\nkind = "maps_into"\n')


@pytest.mark.parametrize("quantity,sense,tol", [
    ("norm-H", "max", "1e-20"), ("norm-H", "max", "1e-30"), ("var", "min", "1e-25"),
    ("chi1", "max", "3e-18"),
])
def test_tight_tolerance_on_a_point_is_proved_with_enough_digits(tmp_path, capsys, quantity,
                                                                 sense, tol):
    """On a one-point domain any tolerance the precision resolves is proved: the ends are
    written with the digits it needs (they were cut to 17, so below about 1e-16*|value|
    every bracket ended 'unknown').  The bracket holds the value, rounded outward.
    """
    from flint import arb, ctx

    from selu_proof.kernel.claims import extremum_key
    from selu_proof.kernel.forms import natural
    from selu_proof.kernel.model import model_of

    spec = tmp_path / "point.toml"
    spec.write_text(POINT)
    argv = ["bound", quantity, "--spec", str(spec), f"--{sense}", "--tol", tol, "--out",
            str(tmp_path), "--json"]
    assert main(argv) == 0, capsys.readouterr().err
    out = json.loads(capsys.readouterr().out)
    lo, up = Fraction(out["lower"]), Fraction(out["upper"])
    assert out["status"] == "proved" and 0 < up - lo <= Fraction(tol)
    with ctx.workprec(256):  # the quantity at the point, at twice the search's precision
        point = tuple((Fraction(x), Fraction(x)) for x in ("0.05", "0.05", "1.1", "1.05"))
        g = natural(extremum_key(quantity, sense), point,
                    model_of("closed-form:alpha01,lambda01", 256))
        value = g if sense == "max" else -g
        assert value.rad() < 1e-60
        assert arb(lo.numerator) / lo.denominator < value < arb(up.numerator) / up.denominator
    assert main(["check", out["certificate"]]) == 0, capsys.readouterr().out


def test_extremum_tolerance_below_the_smallest_is_refused(tmp_path, capsys):
    """``bound --tol`` and a specification's ``tolerance`` share one floor, 1e-30."""
    spec = tmp_path / "point.toml"
    spec.write_text(POINT.replace('kind = "maps_into"', 'kind = "extremum"\nquantity = "mean"\n'
                                  'sense = "max"\ntolerance = "1e-31"'))
    for argv in (["prove", str(spec), "--out", str(tmp_path)],
                 ["bound", "mean", "--spec", "theorem1", "--max", "--tol", "1e-31"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "at least 1e-30" in err, err
