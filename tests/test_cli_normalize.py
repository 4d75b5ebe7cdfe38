"""``selu-proof normalize``: certified affine and GPN constants of catalogue activations."""

from __future__ import annotations

import json
from fractions import Fraction

import mpmath
import pytest
from flint import arb, ctx
from helpers_specs import TANH_SMALL

from selu_proof.cli import main
from selu_proof.fixedpoint.normalization import normalize, outward_interval
from selu_proof.kernel.activations import parse_activation
from selu_proof.kernel.constants import constant_digits
from selu_proof.kernel.exact import ball_ends
from selu_proof.kernel.specs import PROOFS_DIR as PROOFS


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["normalize", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys, *argv: str) -> dict:
    code, out, err = _run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def _contains(interval: list[str], x: str | Fraction) -> bool:
    lo, hi = (Fraction(s) for s in interval)
    return lo <= Fraction(x) <= hi


def test_elu_at_alpha01_is_selu_rederived_by_quadrature(capsys):
    """``normalize elu:alpha=<alpha_01>`` gives ``lambda = lambda_01``, ``beta = 0``."""
    digits = constant_digits(60)
    out = _json(capsys, f"elu:alpha={digits['alpha']}", "--digits", "30")
    assert out["activation"].startswith("elu:alpha=1.6732632423543772848")
    assert out["convention"] == "affine" and out["certified"] is True
    lam, beta = out["constants"]["lambda"], out["constants"]["beta"]
    assert _contains(lam, digits["lambda"]) and _contains(beta, 0)
    assert Fraction(lam[1]) - Fraction(lam[0]) < Fraction(1, 10**28)
    # the default SELU is already normalized
    out = _json(capsys, "selu", "--digits", "15")
    assert _contains(out["constants"]["lambda"], 1) and _contains(out["constants"]["beta"], 0)


def test_relu_gpn_is_lu_et_al_sqrt2_and_zero(capsys):
    out = _json(capsys, "relu", "--convention", "gpn", "--digits", "20")
    gamma = [Fraction(s) for s in out["constants"]["gamma"]]
    assert gamma[0] ** 2 <= 2 <= gamma[1] ** 2
    assert _contains(out["constants"]["beta"], 0)
    assert round(float(gamma[0]), 4) == 1.4142  # Lu, Gould, Ajanthan (2020), Table 1


def test_gelu_affine_against_independent_mpmath_moments(capsys):
    out = _json(capsys, "gelu", "--digits", "25")
    with mpmath.workdps(40):
        cdf = lambda x: mpmath.erfc(-x / mpmath.sqrt(2)) / 2  # noqa: E731
        m1 = 1 / (2 * mpmath.sqrt(mpmath.pi))  # E[z Phi(z)] = E[phi(z)] (Stein)
        m2 = mpmath.quad(lambda x: (x * cdf(x)) ** 2 * mpmath.npdf(x), [-mpmath.inf, 0,
                                                                          mpmath.inf])
        lam = 1 / mpmath.sqrt(m2 - m1 ** 2)
        assert _contains(out["constants"]["beta"], Fraction(mpmath.nstr(m1, 35)))
        lo, hi = (Fraction(s) for s in out["constants"]["lambda"])
        assert abs(Fraction(mpmath.nstr(lam, 35)) - (lo + hi) / 2) < Fraction(1, 10**23)


def test_target_mean_and_variance_are_met(capsys):
    """``lambda*(E f(z) - beta) = M`` and ``lambda^2 Var f(z) = V`` for ``z ~ N(0, V)``."""
    act = parse_activation("silu:beta=1.5")
    res = normalize(act, "affine", Fraction(1, 2), Fraction(2), digits=20)
    from selu_proof.kernel.quadrature import moments

    with ctx.workprec(128):
        m1, m2 = moments(act, arb(0), arb(2))
        lam, beta = res.constants["lambda"], res.constants["beta"]
        assert (lam * (m1 - beta)).overlaps(arb("0.5"))
        assert (lam * lam * (m2 - m1 * m1)).overlaps(arb(2))
        assert abs(lam * (m1 - beta) - arb("0.5")) < arb("1e-25")


def test_gpn_constants_solve_both_equations_and_pick_the_smaller_root():
    from selu_proof.kernel.quadrature import derivative_moments, moments

    for spec in ("tanh", "softplus", "elu", "gelu", "selu"):
        act = parse_activation(spec)
        res = normalize(act, "gpn", digits=20)
        g, b = res.constants["gamma"], res.constants["beta"]
        with ctx.workprec(128):
            m1, m2 = moments(act, arb(0), arb(1))
            _, d2 = derivative_moments(act, arb(0), arb(1))
            assert (g * g * (m2 + 2 * b * m1 + b * b)).overlaps(arb(1)), spec
            assert (g * g * d2).overlaps(arb(1)), spec
            other = -2 * m1 - b  # the second root
            assert abs(b) < abs(other) or (spec in ("tanh", "selu") and b > 0), spec


def test_printed_intervals_are_rounded_outward():
    x = arb("0.123456789123456789", "1e-15")
    lo, hi = ball_ends(x)
    out = outward_interval(x, 6)
    assert Fraction(out[0]) <= lo and hi <= Fraction(out[1])
    assert out == ["0.123456", "0.123457"]


def test_text_output_names_the_convention(capsys):
    code, out, _ = _run(capsys, "tanh", "--convention", "gpn", "--digits", "8")
    assert code == 0
    assert "gpn (Lu, Gould, Ajanthan 2020)" in out and "gamma in [" in out
    assert "certified" in out


def test_nf_convention_is_the_gain_alone_and_contains_relus_closed_form(capsys):
    """``--convention nf``: ``gamma = 1/std f(z)`` with no shift, the affine ``lambda``;
    ReLU's is ``1/sqrt(1/2 - 1/(2 pi))`` = 1.7128585504... (Brock et al. publish 1.71396).
    """
    mpmath.mp.dps = 40
    exact = 1 / mpmath.sqrt(mpmath.mpf(1) / 2 - 1 / (2 * mpmath.pi))
    out = _json(capsys, "relu", "--convention", "nf", "--digits", "30")
    assert out["convention"] == "nf" and set(out["constants"]) == {"gamma"}
    assert _contains(out["constants"]["gamma"], Fraction(mpmath.nstr(exact, 40)))
    assert not _contains(out["constants"]["gamma"], Fraction("1.7139588594"))
    affine = _json(capsys, "tanh", "--digits", "25")["constants"]["lambda"]
    assert _json(capsys, "tanh", "--convention", "nf", "--digits", "25")["constants"] == \
        {"gamma": affine}
    code, text, _ = _run(capsys, "gelu", "--convention", "nf", "--digits", "8")
    assert code == 0 and "no shift" in text and "beta" not in text.split("convention:")[1]


@pytest.mark.parametrize("argv, message", [
    (["elu", "--convention", "nf", "--var", "2"], "affine convention only"),
    (["softmax"], "unknown activation 'softmax'"),
    (["elu:beta=2"], "unknown parameter 'beta'"),
    (["elu:alpha=nan"], "not a finite exact decimal"),
    (["celu:alpha=-1"], "out of range"),
    (["elu", "--var", "0"], "--var must be positive"),
    (["elu", "--var", "inf"], "--var must be a finite number"),
    (["elu", "--convention", "gpn", "--mean", "1"], "affine convention only"),
    (["leaky_relu:slope=1", "--convention", "gpn"], "not certified positive"),
    (["elu", "--digits", "0"], "--digits must be between 1 and 200"),
])
def test_bad_input_one_line_and_nonzero_exit(capsys, argv, message):
    code, out, err = _run(capsys, *argv)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1, err


def test_help(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["normalize", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "gpn" in out and "leaky_relu:slope=0.01" in out


@pytest.mark.parametrize("var", ["1e-300", "1e-1000", "0.0009", "1001"])
@pytest.mark.parametrize("command", ["prove", "bound", "explore", "check", "design",
                                     "normalize"])
def test_unsupported_target_variance_is_one_line_for_every_command(tmp_path, capsys, command,
                                                                   var):
    """A target variance outside [0.001, 1000] is refused in one place, for every command.

    It used to end ``prove`` and ``bound`` in a NormalizeError (ValueError for 1e-1000)
    traceback with a checkpoint left behind, and to be reported by the others as a
    'constant activation' or a 'decimal string longer than 1000 characters'.
    """
    spec = tmp_path / "tiny.toml"
    spec.write_text(TANH_SMALL.replace('normalize = "affine"\n',
                                       f'normalize = "affine"\nvar = "{var}"\n'))
    out_dir = tmp_path / "out"
    argv = {"prove": ["prove", str(spec), "--out", str(out_dir)],
            "bound": ["bound", "norm-H", "--max", "--spec", str(spec), "--out", str(out_dir)],
            "explore": ["explore", str(spec), "--vary", "nu:hi", "--out", str(out_dir)],
            "check": ["check", "--spec", str(spec), str(PROOFS / "theorem1.cert.json")],
            "design": ["design", "--activation", "tanh", "--var", var],
            "normalize": ["normalize", "tanh", "--var", var]}[command]
    code = main(argv)
    out, err = capsys.readouterr()
    size = "small" if Fraction(var) < 1 else "large"
    why = (f"the target variance var = {var} is too {size}: the supported range is "
           "[0.001, 1000]")
    if command == "check":  # and a certificate stating such a target is INVALID, saying why
        cert = json.loads((PROOFS / "theorem1.cert.json").read_text())
        cert["spec"]["parameters"] = {"activation": "tanh", "normalize": "affine", "var": var}
        cert["activation"] = {}
        forged = tmp_path / "forged.cert.json"
        forged.write_text(json.dumps(cert))
        assert main(["check", str(forged)]) == 1
        shown = capsys.readouterr().out
        assert shown.count("\n") == 1 and "INVALID" in shown and why in shown, shown
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err, err
    assert why in err, err
    assert not list(tmp_path.rglob("*.checkpoint.json"))  # nothing was started


def test_supported_target_variance_ends_are_normalized():
    """The ends of the supported range, 0.001 and 1000, are normalized for a tiny domain."""
    act = parse_activation("tanh")
    for var in ("0.001", "1000"):
        consts = normalize(act, "affine", Fraction(0), Fraction(var), digits=10).constants
        assert consts["lambda"] > 0 and consts["lambda"].rad() < 1e-9
