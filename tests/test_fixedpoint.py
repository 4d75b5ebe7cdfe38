"""Certified design of (alpha, lambda), fixed points of g, and the Krawczyk test."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import numpy as np
import pytest
from flint import arb, ctx
from hypothesis import given, settings
from hypothesis import strategies as st

from selu_proof import backends
from selu_proof.fixedpoint import (
    RootResult,
    design_selu,
    dropout_terms,
    fixed_point,
    krawczyk,
)
from selu_proof.fixedpoint.design import _design_problem
from selu_proof.fixedpoint.moment_map_fixed_point import _fixed_point_problem
from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01, constant_digits

PREC = 256


@pytest.fixture(autouse=True)
def _precision():
    old = ctx.prec
    ctx.prec = PREC
    yield
    ctx.prec = old


def _ball(bounds: list[str]) -> arb:
    lo, hi = bounds
    assert Fraction(lo) <= Fraction(hi)
    return arb(lo).union(arb(hi))


def _map_at_box(result: RootResult, mean: str, var: str, omega: str, tau: str):
    """The moment map (mean~, var~) evaluated with arb on the certified (alpha, lambda) box."""
    al, la = _ball(result.box["alpha"]), _ball(result.box["lambda"])
    a = arb(mean) * arb(omega)
    v = arb(var) * arb(tau)
    m, _, s = backends.moments(a, v, al, la, backend="arb")
    return m, s


def _check_consistent(result: RootResult) -> None:
    """Printed values round the enclosure; the enclosure lies in the uniqueness box."""
    assert result.status == "unique" and result.reason == ""
    for name, text in result.values.items():
        lo, hi = (Fraction(t) for t in result.box[name])
        ulo, uhi = (Fraction(t) for t in result.uniqueness_box[name])
        assert ulo < lo <= hi < uhi
        value = Fraction(text)
        decimals = len(text.split(".")[1]) if "." in text else 0
        half = Fraction(1, 2 * 10**decimals)
        assert lo - half <= value <= hi + half


# --------------------------------------------------------------------------- design


def test_design_recovers_alpha01_lambda01():
    r = design_selu("0", "1", digits=30)
    ref = constant_digits(30)
    assert r.status == "unique"
    assert r.values == {"alpha": ref["alpha"], "lambda": ref["lambda"]}
    assert r.convention == "normalized weights (omega=0, tau=1)"
    assert r.values["alpha"].startswith("1.673263242354377284817042991")
    assert r.values["lambda"].startswith("1.050700987355480493419334985")
    _check_consistent(r)
    m, s = _map_at_box(r, "0", "1", "0", "1")
    assert m.contains(0) and s.contains(1)


def test_design_notebook_convention_plugs_back_at_30_digits():
    r = design_selu("0", "1", omega="1", tau="1", digits=32)
    assert r.status == "unique"
    assert r.convention == "pre-activation N(mean, var) (omega=tau=1)"
    # for (0, 1) the pre-activation is N(0, 1) in both conventions: the paper's constants
    assert r.values["alpha"] == "1.6732632423543772848170429916717"
    assert r.values["lambda"] == "1.0507009873554804934193349852946"
    with mpmath.workdps(50):
        m, _, s = backends.moments(mpmath.mpf(0), mpmath.mpf(1), mpmath.mpf(r.values["alpha"]),
                                   mpmath.mpf(r.values["lambda"]), backend="mpmath")
        assert abs(m) < mpmath.mpf("1e-30") and abs(s - 1) < mpmath.mpf("1e-30")


def test_design_notebook_convention_differs_for_nonzero_mean():
    notebook = design_selu("0.1", "1.5", omega=1, tau=1, digits=25)
    paper = design_selu("0.1", "1.5", omega=0, tau=1, digits=25)
    assert notebook.status == paper.status == "unique"
    assert notebook.values != paper.values
    with mpmath.workdps(50):
        m, _, s = backends.moments(mpmath.mpf("0.1"), mpmath.mpf("1.5"),
                                   mpmath.mpf(notebook.values["alpha"]),
                                   mpmath.mpf(notebook.values["lambda"]), backend="mpmath")
        assert abs(m - mpmath.mpf("0.1")) < mpmath.mpf("1e-23")
        assert abs(s - mpmath.mpf("1.5")) < mpmath.mpf("1e-23")
    m, s = _map_at_box(notebook, "0.1", "1.5", "1", "1")
    assert m.contains(arb("0.1")) and s.contains(arb("1.5"))
    m, s = _map_at_box(paper, "0.1", "1.5", "0", "1")
    assert m.contains(arb("0.1")) and s.contains(arb("1.5"))


def test_design_other_fixed_point_really_is_fixed():
    r = design_selu("0", "2", digits=25)
    _check_consistent(r)
    m, s = _map_at_box(r, "0", "2", "0", "1")
    assert m.contains(0) and s.contains(2)
    assert m.rad() < arb("1e-25") and s.rad() < arb("1e-25")
    # and the (0, 1) constants do not have that fixed point
    m01, _, s01 = backends.moments(arb(0), arb(2), arb(str(ALPHA_01)), arb(str(LAMBDA_01)),
                                   backend="arb")
    assert not s01.contains(2)
    # the designed SELU's map also fixes (0, 2) under iteration of g (it attracts)
    x = (0.3, 1.0)
    for _ in range(200):
        x = backends.moment_map(x[0], x[1], 0.0, 1.0, r.float("alpha"), r.float("lambda"))
    assert abs(x[0]) < 1e-9 and abs(x[1] - 2) < 1e-9


@settings(max_examples=8, deadline=None)
@given(mean=st.integers(-30, 30), var=st.integers(50, 300), omega=st.sampled_from(["0", "1"]))
def test_design_property_map_contains_target(mean, var, omega):
    mean_s, var_s = f"{mean}e-2", f"{var}e-2"  # exact decimals, e.g. "-17e-2"
    r = design_selu(mean_s, var_s, omega=omega, tau="1", digits=15)
    assert r.status == "unique", r.reason
    _check_consistent(r)
    m, s = _map_at_box(r, mean_s, var_s, omega, "1")
    assert m.contains(arb(mean_s)) and s.contains(arb(var_s))


def test_design_digits_are_significant_digits():
    r = design_selu("0", "1", digits=50)
    assert len(r.values["alpha"].replace(".", "")) == 50
    assert constant_digits(50)["lambda"] == r.values["lambda"]
    short = design_selu("0", "1", digits=3)
    assert short.values == {"alpha": "1.67", "lambda": "1.05"}


# --------------------------------------------------------------------------- fixed points


def test_fixed_point_of_alpha01_lambda01_is_0_1():
    r = fixed_point("0", "1", digits=25)
    assert r.status == "unique"
    assert r.values == {"mean": "0." + "0" * 25, "var": "1." + "0" * 24}
    assert r.float("mean") == 0.0 and r.float("var") == 1.0
    assert "alpha_01, lambda_01" in r.convention
    mlo, mhi = (Fraction(t) for t in r.box["mean"])
    assert mlo <= 0 <= mhi and mhi - mlo < Fraction(1, 10**30)


THEOREM1_IMAGE = ((Fraction("-0.03106"), Fraction("0.06773")),
                  (Fraction("0.80009"), Fraction("1.48617")))


@pytest.mark.parametrize("omega,tau", [("0.05", "1.05"), ("-0.1", "0.95"), ("0.1", "1.1"),
                                       ("0.1", "0.95"), ("-0.1", "1.1")])
def test_fixed_point_in_theorem1_box(omega, tau):
    r = fixed_point(omega, tau, digits=20)
    _check_consistent(r)
    for name, (lo, hi) in zip(("mean", "var"), THEOREM1_IMAGE, strict=True):
        blo, bhi = (Fraction(t) for t in r.box[name])
        assert lo <= blo and bhi <= hi, (name, r.box[name])
    # it really is a fixed point: g(enclosure) meets the enclosure in both coordinates
    mu, nu = _ball(r.box["mean"]), _ball(r.box["var"])
    from selu_proof.kernel.constants import constant_balls

    al, la = constant_balls(PREC)
    g = backends.moment_map(mu, nu, arb(omega), arb(tau), al, la, backend="arb")
    assert g[0].overlaps(mu) and g[1].overlaps(nu)


def test_fixed_point_reference_value():
    r = fixed_point("0.05", "1.05", digits=20)
    assert r.values == {"mean": "0.023651640678203572073", "var": "1.1914867509199587673"}


def test_fixed_point_with_given_parameters():
    designed = design_selu("0", "2", digits=30)
    r = fixed_point("0", "1", alpha=designed.values["alpha"], lam=designed.values["lambda"],
                    digits=15)
    assert r.status == "unique"
    assert r.values["var"] == "2.00000000000000"
    assert "alpha=1.97" in r.convention


def test_fixed_point_without_convergence_is_unknown():
    # tau = 3: the variance grows without bound, Newton finds nothing to certify
    r = fixed_point("0", "3", digits=10)
    assert r.status == "unknown" and r.values == {} and "Newton" in r.reason
    with pytest.raises(KeyError):
        r.float("mean")


# --------------------------------------------------------------------------- Krawczyk


def _design_system(mean="0", var="1", omega="0", tau="1"):
    return _design_problem(Fraction(mean), Fraction(var), Fraction(omega),
                           Fraction(tau)).arb_system(PREC)


def test_krawczyk_unique_on_small_box_around_root():
    res, jac = _design_system()
    box = [arb("1.6732632423543772848 +/- 1e-6"), arb("1.0507009873554804934 +/- 1e-6")]
    out = krawczyk(res, jac, box, PREC)
    assert out.status == "unique" and out.enclosure is not None
    assert out.enclosure[0].contains(arb("1.67326324235437728481704299167165"))


def test_krawczyk_none_on_box_without_root():
    res, jac = _design_system()
    box = [arb("2.5 +/- 0.01"), arb("1.05 +/- 0.01")]
    out = krawczyk(res, jac, box, PREC)
    assert out.status == "none" and "no root" in out.reason


def test_krawczyk_unknown_on_too_wide_box():
    res, jac = _design_system()
    box = [arb("1.7 +/- 0.9"), arb("1.0 +/- 0.9")]
    out = krawczyk(res, jac, box, PREC)
    assert out.status == "unknown" and "not strictly inside" in out.reason


def test_krawczyk_fixed_point_system_statuses():
    res, jac = _fixed_point_problem(Fraction(0), Fraction(1), None, None).arb_system(PREC)
    assert krawczyk(res, jac, [arb("0 +/- 0.01"), arb("1 +/- 0.01")], PREC).status == "unique"
    assert krawczyk(res, jac, [arb("0 +/- 0.01"), arb("1.2 +/- 0.01")], PREC).status == "none"


def test_krawczyk_one_dimensional_edge_cases():
    def f(x):
        return [x[0] * x[0] - 1]

    def df(x):
        return [[2 * x[0]]]

    # two roots in the box: never "unique"
    assert krawczyk(f, df, [arb("0 +/- 2")]).status == "unknown"
    # singular Jacobian at the midpoint
    out = krawczyk(lambda x: [x[0] * x[0]], df, [arb("0 +/- 0.1")])
    assert out.status == "unknown" and "singular" in out.reason
    # the root sits on the boundary of the box: not strictly inside
    assert krawczyk(f, df, [arb("1.5 +/- 0.5")]).status != "unique"
    # unbounded enclosure
    out = krawczyk(lambda x: [x[0].sqrt()], lambda x: [[1 / (2 * x[0].sqrt())]],
                   [arb("0 +/- 1")])
    assert out.status == "unknown"


# --------------------------------------------------------------------------- dropout


def test_dropout_terms_keep_mean_and_variance():
    r = design_selu("0", "1", digits=25, dropout_rate="0.1")
    d = r.dropout
    assert d is not None and d["rate"] == "0.1" and d["keep"] == "0.9"
    assert d["a"].startswith("0.92128") and d["b"].startswith("0.16197")
    # the same terms from the rounded parameters agree to the rounding of the parameters
    same = dropout_terms("0.1", 0, 1, r.values["alpha"], r.values["lambda"], digits=20)
    assert abs(Fraction(same["a"]) - Fraction(d["a"])) < Fraction(1, 10**19)
    assert abs(Fraction(same["b"]) - Fraction(d["b"])) < Fraction(1, 10**19)
    q, sat, a, b = Fraction("0.9"), Fraction(d["saturation"]), Fraction(d["a"]), Fraction(d["b"])
    mean_y = a * (q * 0 + (1 - q) * sat) + b
    var_y = a * a * (q * (1 + 0) + (1 - q) * sat**2 - (q * 0 + (1 - q) * sat) ** 2)
    assert abs(mean_y) < Fraction(1, 10**20) and abs(var_y - 1) < Fraction(1, 10**20)


def test_dropout_keeps_moments_monte_carlo():
    rng = np.random.default_rng(3)
    n = 1_000_000
    r = design_selu("0", "2", digits=17, dropout_rate="0.2")
    alpha, lam = r.float("alpha"), r.float("lambda")
    a, b, sat = (float(Fraction(r.dropout[k])) for k in ("a", "b", "saturation"))
    z = rng.normal(0.0, np.sqrt(2.0), size=n)
    x = lam * np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0)))  # mean 0, var 2
    keep = rng.random(n) < 0.8
    y = a * np.where(keep, x, sat) + b
    assert abs(y.mean()) < 4 * y.std() / np.sqrt(n)
    c = y - y.mean()
    assert abs(y.var() - 2) < 4 * np.sqrt((np.mean(c**4) - np.mean(c**2) ** 2) / n)


def test_dropout_rate_zero_is_identity():
    d = dropout_terms("0", "0.5", "2", "1.5", "1.1", digits=10)
    assert d["a"] == "1.000000000" and d["b"] == "0.0000000000"


# --------------------------------------------------------------------------- inputs


@pytest.mark.parametrize("kwargs,message", [
    ({"mean": "0", "var": "0"}, "var must be positive"),
    ({"mean": "0", "var": "-1"}, "var must be positive"),
    ({"mean": "nan", "var": "1"}, "mean must be a finite number"),
    ({"mean": float("inf"), "var": "1"}, "mean must be a finite number"),
    ({"mean": "0", "var": "1", "tau": "0"}, "tau must be positive"),
    ({"mean": "0", "var": "1", "omega": "x"}, "omega must be a finite number"),
    ({"mean": "0", "var": "1", "dropout_rate": "1"}, "dropout rate must be in [0, 1)"),
    ({"mean": "0", "var": "1", "dropout_rate": "-0.1"}, "dropout rate must be in [0, 1)"),
    ({"mean": "0", "var": "1", "digits": 0}, "digits must be"),
])
def test_design_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace(")", r"\)")):
        design_selu(**kwargs)


def test_fixed_point_rejects_bad_input():
    with pytest.raises(ValueError, match="tau must be positive"):
        fixed_point("0", "-1")
    with pytest.raises(ValueError, match="alpha must be a finite number"):
        fixed_point("0", "1", alpha=float("nan"))


def test_result_as_dict_and_floats():
    r = design_selu(0.0, 1.0, digits=12)  # floats are read as their shortest decimal
    d = r.as_dict()
    assert {"alpha", "lambda", "status", "reason", "convention", "box",
            "uniqueness_box"} <= set(d)
    assert "dropout" not in d
    assert r.float("alpha") == pytest.approx(ALPHA_01, rel=1e-11)
    assert r.is_unique


def test_unreachable_design_target_is_unknown_not_a_guess():
    # mean^2 / (mean^2 + var) = 0.89: no SELU (omega = 0) has this fixed point
    r = design_selu("2", "0.5", digits=10)
    assert r.status == "unknown" and r.values == {}
    assert "no real root" in r.reason


def test_rounding_never_prints_undecided_digits():
    from selu_proof.fixedpoint.rounding import _round_certified

    assert _round_certified(arb("1.25 +/- 1e-10"), 2) is None  # 1.2 or 1.3: undecided
    assert _round_certified(arb("1.25 +/- 1e-10"), 5) == "1.2500"
    assert _round_certified(arb("-1.2345 +/- 1e-10"), 3) == "-1.23"
    assert _round_certified(arb("0 +/- 1e-10"), 5) == "0.00000"
    assert _round_certified(arb("0 +/- 1e-3"), 5) is None


@pytest.mark.parametrize("omega,tau", [("0.1", "0.95"), ("-0.1", "0.95"), ("0", "0.77374")])
def test_fixed_point_for_tau_below_one_is_certified(omega, tau):
    """Negative means with tau < 1 once failed to print their digits (negation rounded)."""
    res = fixed_point(omega, tau)
    assert res.status == "unique"
    m = Fraction(res.values["mean"])
    lo, hi = (Fraction(x) for x in res.box["mean"])
    assert lo <= m <= hi or abs(m - lo) < Fraction(1, 10**19)
    assert m < 0
