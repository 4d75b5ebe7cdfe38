"""Every certified number a command prints encloses the truth, at any ``--digits``.

The truth is computed here with mpmath at 40 digits beyond the requested ones, from the
closed forms of the Gaussian moments of SELU (written out below, independently of the
package's generated code):  for ``z ~ N(a, v)``, ``s = sqrt(v)``,

    E[z; z > 0] = a Phi(a/s) + s phi(a/s),   E[z^2; z > 0] = (a^2 + v) Phi(a/s) + a s phi(a/s),
    E[e^z; z <= 0] = e^(a + v/2) Phi(-(a + v)/s),   E[e^2z; z <= 0] = e^(2a + 2v) Phi(-(a + 2v)/s).

A printed interval ``[lo, hi]`` must satisfy ``lo <= truth <= hi`` (both ends compared as
exact rationals); a correctly rounded constant must be within half a unit in its last
place.  The digit counts straddle Python's 28-digit default decimal context (a rounding to
nearest there once made ``mean-field --digits 40`` print ``chi1^1000`` as a point below
the true value).
"""

from __future__ import annotations

import json
from fractions import Fraction

import mpmath
import pytest

from selu_proof.cli import main

DIGITS = (10, 28, 29, 40, 100)
#: mean-field accepts at most 60 digits
MEAN_FIELD_DIGITS = (10, 28, 29, 40, 60)


def _run(capsys, *argv: str) -> dict:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def _frac(x: mpmath.mpf) -> Fraction:
    m, e = mpmath.mpf(x).man_exp
    return Fraction(int(m)) * Fraction(2) ** int(e)


def _encloses(interval: list[str], truth: mpmath.mpf, what: str) -> None:
    lo, hi = Fraction(interval[0]), Fraction(interval[1])
    t = _frac(truth)
    err = abs(t) * Fraction(1, 10**(mpmath.mp.dps - 10)) + Fraction(1, 10**(mpmath.mp.dps - 10))
    assert lo <= t - err and t + err <= hi, f"{what}: {interval} misses {mpmath.nstr(truth, 50)}"


def _rounded(text: str, truth: mpmath.mpf, digits: int, what: str) -> None:
    q, t = Fraction(text), _frac(truth)
    ulp = Fraction(10) ** (int(mpmath.floor(mpmath.log10(abs(truth)))) - digits + 1)
    assert abs(q - t) <= ulp / 2, f"{what}: {text} is not {mpmath.nstr(truth, digits + 5)}"


def _Phi(x):
    return mpmath.erfc(-x / mpmath.sqrt(2)) / 2


def _moments(a, v, alpha, lam):
    """(mean, variance, chi1 / tau, chi_c / tau) of selu(z), z ~ N(a, v)."""
    s = mpmath.sqrt(v)
    p, dens = _Phi(a / s), mpmath.npdf(a / s)
    e1 = mpmath.exp(a + v / 2) * _Phi(-(a + v) / s)
    e2 = mpmath.exp(2 * a + 2 * v) * _Phi(-(a + 2 * v) / s)
    mean = lam * (a * p + s * dens + alpha * (e1 - (1 - p)))
    second = lam**2 * ((a * a + v) * p + a * s * dens + alpha**2 * (e2 - 2 * e1 + (1 - p)))
    chi1 = lam**2 * (p + alpha**2 * e2)
    chi_c = (lam * (p + alpha * e1)) ** 2
    return mean, second - mean**2, chi1, chi_c


def _alpha01_lambda01():
    e, r = mpmath.e, mpmath.erfc(1 / mpmath.sqrt(2))
    alpha = -mpmath.sqrt(2 / mpmath.pi) / (r * mpmath.sqrt(e) - 1)
    lam = (1 - r * mpmath.sqrt(e)) * mpmath.sqrt(2 * mpmath.pi) * (
        2 * mpmath.erfc(mpmath.sqrt(2)) * e**2 + mpmath.pi * r**2 * e
        - 2 * (2 + mpmath.pi) * r * mpmath.sqrt(e) + mpmath.pi + 2) ** mpmath.mpf(-0.5)
    return alpha, lam


def _design(mean, var):
    """(alpha, lambda) with the fixed point (mean, var) for omega = 0, tau = 1."""
    def eqs(alpha, lam):
        m, v, _, _ = _moments(0, var, alpha, lam)
        return [m - mean, v - var]
    return mpmath.findroot(eqs, _alpha01_lambda01())


@pytest.mark.parametrize("digits", DIGITS)
def test_constants_are_correctly_rounded(capsys, digits):
    out = _run(capsys, "constants", "--digits", str(digits), "--json")
    with mpmath.workdps(digits + 40):
        alpha, lam = _alpha01_lambda01()
        for name, truth in (("alpha", alpha), ("lambda", lam), ("alpha_lambda", alpha * lam)):
            _rounded(out[name], truth, digits, name)


@pytest.mark.parametrize("digits", DIGITS)
def test_design_encloses_the_parameters(capsys, digits):
    out = _run(capsys, "design", "--mean", "0.1", "--var", "1.2", "--digits", str(digits),
               "--json")
    with mpmath.workdps(digits + 40):
        alpha, lam = _design(mpmath.mpf("0.1"), mpmath.mpf("1.2"))
        _encloses(out["box"]["alpha"], alpha, "alpha")
        _encloses(out["box"]["lambda"], lam, "lambda")
        _rounded(out["alpha"], alpha, digits, "alpha")
        _rounded(out["lambda"], lam, digits, "lambda")


@pytest.mark.parametrize("digits", DIGITS)
def test_fixed_point_encloses_the_fixed_point(capsys, digits):
    out = _run(capsys, "fixed-point", "--omega", "0.05", "--tau", "1.05", "--digits",
               str(digits), "--json")
    with mpmath.workdps(digits + 40):
        alpha, lam = _alpha01_lambda01()
        om, tau = mpmath.mpf("0.05"), mpmath.mpf("1.05")

        def eqs(mu, nu):
            m, v, _, _ = _moments(mu * om, nu * tau, alpha, lam)
            return [m - mu, v - nu]
        mu, nu = mpmath.findroot(eqs, (mpmath.mpf(0), mpmath.mpf(1)))
        _encloses(out["box"]["mean"], mu, "mean")
        _encloses(out["box"]["var"], nu, "var")


def _mean_field_truth(mean, var, tau=1):
    alpha, lam = (_alpha01_lambda01() if mean is None else _design(mean, var))
    mean, var = (0, 1) if mean is None else (mean, var)
    _, _, c1, cc = _moments(0, var * tau, alpha, lam)
    return alpha, lam, mean, var, c1 * tau, cc * tau


@pytest.mark.parametrize("digits", MEAN_FIELD_DIGITS)
@pytest.mark.parametrize("design", [(), ("--mean", "0.1", "--var", "1.2")])
def test_mean_field_encloses_every_certified_field(capsys, digits, design):
    out = _run(capsys, "mean-field", "--digits", str(digits), "--grid", "4", *design, "--json")
    with mpmath.workdps(digits + 40):
        target = (mpmath.mpf(design[1]), mpmath.mpf(design[3])) if design else (None, None)
        _, _, mean, var, chi1, chi_c = _mean_field_truth(*target)
        _encloses(out["chi1"], chi1, "chi1")
        _encloses(out["chi_c"], chi_c, "chi_c")
        for p in out["correlation_fixed_points"]["centred"]["fixed_points"]:
            _encloses(p["slope"], chi_c if p["c"] == ["0", "0"] else chi1, f"slope at {p['c']}")
        _encloses(out["depth_scales"]["correlation_xi_c"], -1 / mpmath.log(chi_c), "xi_c")
        _encloses(out["depth_scales"]["gradient_layers_per_e"], 1 / abs(mpmath.log(chi1)),
                  "1/|ln chi1|")
        for n, iv in out["gradient_growth"].items():
            _encloses(iv, chi1 ** int(n), f"chi1^{n}")
        if not design:
            _encloses(out["fixed_point"]["mean"], mpmath.mpf(mean), "mean")
            _encloses(out["fixed_point"]["var"], mpmath.mpf(var), "var")


@pytest.mark.parametrize("digits", MEAN_FIELD_DIGITS)
def test_mean_field_dropout_fields_enclose_the_undropped_factors(capsys, digits):
    out = _run(capsys, "mean-field", "--digits", str(digits), "--grid", "4", "--mean", "0.1",
               "--var", "1.2", "--dropout-rate", "0.1", "--json")
    with mpmath.workdps(digits + 40):
        _, _, _, _, chi1, chi_c = _mean_field_truth(mpmath.mpf("0.1"), mpmath.mpf("1.2"))
        _encloses(out["dropout"]["chi1_without_dropout"], chi1, "chi1 without dropout")
        _encloses(out["dropout"]["chi_c_without_dropout"], chi_c, "chi_c without dropout")


def test_bound_bracket_contains_the_value_at_its_witness(capsys, tmp_path):
    """``bound`` prints exact 17-digit ends: the value at the witness lies between them."""
    out = _run(capsys, "bound", "chi1", "--spec", "theorem1", "--max", "--out", str(tmp_path),
               "--json")
    w = out["witness"]
    with mpmath.workdps(60):
        alpha, lam = _alpha01_lambda01()
        mu, om, nu, tau = (mpmath.mpf(w[k]) for k in ("mu", "omega", "nu", "tau"))
        _, _, c1, _ = _moments(mu * om, nu * tau, alpha, lam)
        _encloses([out["lower"], out["upper"]], c1 * tau, "max chi1")
