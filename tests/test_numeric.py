"""Numeric twins of the analytic quantities: activations, g, its Jacobian, dropout, initializers.

Statistical tests are seeded and use 4 standard errors: for a sample of ``n``
i.i.d. values the SE of the mean is ``s/sqrt(n)`` and the SE of the variance
``sqrt((m4 - s**4)/n)`` (``m4`` the fourth central moment); a correct formula
fails such a check with probability ~6e-5 per comparison.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from selu_proof import backends
from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01
from selu_proof.numeric import (
    alpha_dropout,
    alpha_dropout_affine,
    alpha_dropout_moments,
    elu,
    exact,
    gaussian_moments,
    get_activation,
    implied_omega_tau,
    initialize,
    lecun_normal,
    relu,
    selu,
    selu_derivative,
    tanh,
    truncated_normal,
    uniform,
)
from selu_proof.numeric.initializers import TRUNCATED_VARIANCE

K = 4.0  # tolerance in standard errors


def mean_var_se(x: np.ndarray) -> tuple[float, float, float, float]:
    x = np.asarray(x, dtype=np.float64)
    n = x.size
    m = x.mean()
    d = x - m
    var = float((d * d).mean())
    m4 = float((d**4).mean())
    return float(m), var, math.sqrt(var / n), math.sqrt(max(m4 - var * var, 0.0) / n)


# --- selu in float64 -------------------------------------------------------------------------

def exact_selu(x: float, alpha: float = ALPHA_01, lam: float = LAMBDA_01) -> float:
    with mpmath.workdps(80):
        xm = mpmath.mpf(x)
        val = lam * xm if x > 0 else lam * alpha * mpmath.expm1(xm)
        return float(val)  # correctly rounded (80 digits, then one rounding)


def ulps(a: float, b: float) -> float:
    if a == b:
        return 0.0
    return abs(a - b) / math.ulp(max(abs(a), abs(b)))


@pytest.mark.parametrize("x", [-1e-300, -5e-324, -0.0, 0.0, 5e-324, 1e-300, -1e-17, -1e-8,
                               -0.3, -1.0, -2.5, -20.0, -40.0, -745.0, -1e5, -1e300, 0.7,
                               1.0, 3.0, 1e300])
def test_selu_within_two_ulps(x: float) -> None:
    got = float(selu(x))
    assert ulps(got, exact_selu(x)) <= 2
    if x < 0:
        assert got < 0 or x > -1e-320  # tiny negatives are not flushed to zero


def test_selu_tiny_negative_not_zero() -> None:
    assert float(selu(-1e-300)) == pytest.approx(-ALPHA_01 * LAMBDA_01 * 1e-300, rel=1e-15)
    assert math.copysign(1.0, float(selu(-0.0))) == -1.0
    assert float(selu(-np.inf)) == -ALPHA_01 * LAMBDA_01 or \
        ulps(float(selu(-np.inf)), -ALPHA_01 * LAMBDA_01) <= 1


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=-800, max_value=800, allow_nan=False))
def test_selu_property_two_ulps(x: float) -> None:
    assert ulps(float(selu(x)), exact_selu(x)) <= 2


def test_dtype_preserved_and_family() -> None:
    x32 = np.linspace(-3, 3, 7, dtype=np.float32)
    assert selu(x32).dtype == np.float32
    assert selu([1, -1]).dtype == np.float64
    x = np.linspace(-5, 5, 101)
    np.testing.assert_array_equal(elu(x), selu(x, alpha=1.0, scale=1.0))
    np.testing.assert_array_equal(relu(x), np.maximum(x, 0))
    np.testing.assert_array_equal(tanh(x), np.tanh(x))


@pytest.mark.parametrize("name", ["selu", "elu", "relu", "tanh"])
def test_derivatives_match_finite_differences(name: str) -> None:
    act = get_activation(name)
    x = np.array([-3.0, -1.0, -0.2, 0.3, 1.5])
    h = 1e-6
    fd = (act.fn(x + h) - act.fn(x - h)) / (2 * h)
    np.testing.assert_allclose(act.derivative(x), fd, rtol=1e-7, atol=1e-9)
    assert float(selu_derivative(0.0)) == pytest.approx(ALPHA_01 * LAMBDA_01)


# --- the moment map g against Monte Carlo ----------------------------------------------------

# (mu, nu, omega, tau) in the domains of Theorem 1 (corners), Theorem 2 and Theorem 3
CASES = [
    (0.0, 1.0, 0.0, 1.0),
    (0.1, 1.5, 0.1, 1.1),
    (-0.1, 0.8, -0.1, 0.95),
    (-1.0, 16.0, 0.1, 1.25),
    (1.0, 3.0, -0.1, 0.8),
    (0.1, 0.02, 0.1, 0.8),
    (-0.1, 0.24, -0.1, 1.25),
]


@pytest.mark.parametrize("mu,nu,omega,tau", CASES)
def test_moment_map_matches_monte_carlo(mu: float, nu: float, omega: float, tau: float) -> None:
    rng = np.random.default_rng(1234)
    z = rng.normal(mu * omega, math.sqrt(nu * tau), size=400_000)
    m, var, se_m, se_v = mean_var_se(selu(z))
    pm, pv = backends.moment_map(mu, nu, omega, tau, ALPHA_01, LAMBDA_01)
    assert abs(m - pm) < K * se_m
    assert abs(var - pv) < K * se_v


@pytest.mark.parametrize("name,a,v", [("elu", 0.3, 2.0), ("relu", -0.5, 1.5),
                                      ("relu", 0.0, 1.0), ("tanh", 0.2, 0.7),
                                      ("tanh", -1.0, 3.0)])
def test_comparison_activation_moments(name: str, a: float, v: float) -> None:
    act = get_activation(name)
    rng = np.random.default_rng(99)
    z = rng.normal(a, math.sqrt(v), size=400_000)
    m, var, se_m, se_v = mean_var_se(act.fn(z))
    pm, pv = act.moments(a, v)
    assert abs(m - float(pm)) < K * se_m
    assert abs(var - float(pv)) < K * se_v


def test_relu_closed_form_with_alpha_zero() -> None:
    m, var = get_activation("relu").moments(0.0, 1.0)
    assert float(m) == pytest.approx(1 / math.sqrt(2 * math.pi), rel=1e-14)
    assert float(var) == pytest.approx(0.5 - 1 / (2 * math.pi), rel=1e-13)


def test_gauss_hermite_agrees_with_closed_form_for_smooth_part() -> None:
    # E[exp(z)] = exp(a + v/2): the quadrature is exact to rounding for smooth integrands
    m, var = gaussian_moments(np.exp, 0.3, 0.5)
    assert float(m) == pytest.approx(math.exp(0.55), rel=1e-13)
    assert float(var) == pytest.approx(math.exp(1.1) * (math.exp(0.5) - 1), rel=1e-12)


@pytest.mark.parametrize("mu,nu,omega,tau", [(0.0, 1.0, 0.0, 1.0), (0.1, 1.5, 0.1, 1.1),
                                             (-0.1, 0.8, -0.1, 0.95)])
def test_jacobian_matches_monte_carlo(mu: float, nu: float, omega: float, tau: float) -> None:
    """Price/Stein identities: d/da E f = E f', d/dv E f = E[f'(z) eps]/(2 sqrt v)."""
    a, v = mu * omega, nu * tau
    eps = np.random.default_rng(7).standard_normal(400_000)
    z = a + math.sqrt(v) * eps
    f, fp = selu(z), selu_derivative(z)
    samples = {
        "m_a": fp, "m_v": fp * eps / (2 * math.sqrt(v)),
        "x_a": 2 * f * fp, "x_v": 2 * f * fp * eps / (2 * math.sqrt(v)),
    }
    est = {k: (s.mean(), s.std() / math.sqrt(s.size)) for k, s in samples.items()}
    m_mc = f.mean()
    # H entries: [[w m_a, t m_v], [w (x_a - 2 m m_a), t (x_v - 2 m m_v)]]; compare J and H
    h11, h12, h21, h22 = backends.jacobian(mu, nu, omega, tau, ALPHA_01, LAMBDA_01)
    m_true = backends.moment_map(mu, nu, omega, tau, ALPHA_01, LAMBDA_01)[0]
    j11, j12, j21, j22 = backends.jacobian(mu, nu, omega, tau, ALPHA_01, LAMBDA_01,
                                           kind="second_moment")
    pairs = [(omega * est["m_a"][0], j11, abs(omega) * est["m_a"][1]),
             (tau * est["m_v"][0], j12, tau * est["m_v"][1]),
             (omega * est["x_a"][0], j21, abs(omega) * est["x_a"][1]),
             (tau * est["x_v"][0], j22, tau * est["x_v"][1])]
    for mc, exact_val, se in pairs:
        assert abs(mc - float(exact_val)) <= K * se + 1e-12
    # H rows 2 from J with the analytic mean (the MC mean enters only through H)
    assert float(h21) == pytest.approx(float(j21) - 2 * float(m_true) * float(j11), abs=1e-12)
    assert float(h22) == pytest.approx(float(j22) - 2 * float(m_true) * float(j12), abs=1e-12)
    assert abs(m_mc - float(m_true)) < K * f.std() / math.sqrt(f.size)


# --- alpha dropout ---------------------------------------------------------------------------

def test_dropout_affine_is_the_symbolic_formula() -> None:
    q, sat, m, var = sp.symbols("q saturation mean var", positive=True)
    from selu_proof.derive.symbolic import dropout_affine, dropout_moments

    a, b = dropout_affine(q, sat, m, var)
    mu_out, nu_out = dropout_moments(m, var, q, sat, a, b)
    assert sp.simplify(mu_out - m) == 0
    assert sp.simplify(nu_out - var) == 0
    got = alpha_dropout_affine(0.2, mean=0.3, var=2.0, alpha=1.5, scale=1.2)
    want = [float(t) for t in dropout_affine(sp.Rational(8, 10), -1.5 * 1.2, 0.3, 2.0)]
    assert got == pytest.approx(want, rel=1e-14)
    mo, vo = alpha_dropout_moments(0.3, 2.0, 0.2, mean=0.3, var=2.0, alpha=1.5, scale=1.2)
    assert (mo, vo) == pytest.approx((0.3, 2.0), rel=1e-14)


@pytest.fixture(scope="module")
def designed_var2() -> tuple[float, float]:
    from selu_proof.fixedpoint import design_selu

    r = design_selu("0", "2")
    assert r.status == "unique"
    return r.float("alpha"), r.float("lambda")


@pytest.mark.parametrize("rate", [0.05, 0.2, 0.5])
@pytest.mark.parametrize("fixed", ["01", "var2"])
def test_alpha_dropout_keeps_fixed_point(rate: float, fixed: str, request) -> None:
    if fixed == "01":
        alpha, lam, target = ALPHA_01, LAMBDA_01, (0.0, 1.0)
    else:
        alpha, lam = request.getfixturevalue("designed_var2")
        target = (0.0, 2.0)
    rng = np.random.default_rng(2024)
    # the fixed point at omega=0, tau=1: pre-activations N(0, nu*)
    x = selu(rng.normal(0.0, math.sqrt(target[1]), size=500_000), alpha, lam)
    m0, v0, se0, sev0 = mean_var_se(x)
    assert abs(m0 - target[0]) < K * se0 and abs(v0 - target[1]) < K * sev0
    y = alpha_dropout(x, rate, rng, mean=target[0], var=target[1], alpha=alpha, scale=lam)
    m, var, se_m, se_v = mean_var_se(y)
    assert abs(m - target[0]) < K * se_m
    assert abs(var - target[1]) < K * se_v
    frac = float(np.mean(np.isclose(y, y.min())))  # dropped units all sit at one value
    assert abs(frac - rate) < K * math.sqrt(rate * (1 - rate) / y.size) + 1e-3


def test_alpha_dropout_moments_off_fixed_point() -> None:
    rng = np.random.default_rng(5)
    x = rng.normal(0.4, math.sqrt(0.6), size=400_000)  # any distribution: only 2 moments matter
    y = alpha_dropout(x, 0.3, rng)
    m, var, se_m, se_v = mean_var_se(y)
    pm, pv = alpha_dropout_moments(0.4, 0.6, 0.3)
    assert abs(m - pm) < K * se_m and abs(var - pv) < K * se_v


def test_alpha_dropout_validation() -> None:
    rng = np.random.default_rng(0)
    for bad in (-0.1, 1.0, float("nan")):
        with pytest.raises(ValueError):
            alpha_dropout(np.zeros(3), bad, rng)
    x = np.arange(4.0)
    np.testing.assert_array_equal(alpha_dropout(x, 0.0, rng), x)
    assert alpha_dropout(np.zeros(3, dtype=np.float32), 0.5, rng).dtype == np.float32


# --- initializers ----------------------------------------------------------------------------

@pytest.mark.parametrize("init,kw", [("lecun", {}), ("uniform", {}), ("truncated", {}),
                                     ("truncated", {"corrected": False}),
                                     ("lecun", {"omega": 0.5, "tau": 1.2}),
                                     ("uniform", {"omega": -0.3, "tau": 0.9})])
def test_initializers_realise_the_implied_statistics(init: str, kw: dict) -> None:
    n_in, n_out = 1000, 2000
    res = initialize(init, n_in, n_out, np.random.default_rng(11), **kw)
    om, ta = res.realised
    assert (res.omega, res.tau) == implied_omega_tau(init, n_in, **kw)
    # per-unit statistics are i.i.d. over units: SE of their average is sd/sqrt(n_out)
    assert abs(om.mean() - res.omega) < K * om.std() / math.sqrt(n_out)
    assert abs(ta.mean() - res.tau) < K * ta.std() / math.sqrt(n_out)


def test_truncated_normal_bounds_and_factor() -> None:
    n = 400
    r = truncated_normal(n, 50, np.random.default_rng(3), corrected=False)
    assert np.abs(r.weights).max() <= 2 / math.sqrt(n)
    assert r.tau == pytest.approx(TRUNCATED_VARIANCE)
    assert TRUNCATED_VARIANCE == pytest.approx(0.7737413035499232, rel=1e-13)
    rc = truncated_normal(n, 50, np.random.default_rng(3))
    assert np.abs(rc.weights).max() <= 2 / math.sqrt(n * TRUNCATED_VARIANCE) * (1 + 1e-12)


@pytest.mark.parametrize("omega,tau", [(0.0, 1.0), (0.1, 1.1), (-2.0, 0.5)])
def test_exact_initializer_per_unit(omega: float, tau: float) -> None:
    r = exact(64, 300, np.random.default_rng(4), omega=omega, tau=tau)
    om, ta = r.realised
    np.testing.assert_allclose(om, omega, atol=1e-13)
    np.testing.assert_allclose(ta, tau, rtol=1e-13)
    assert np.unique(r.weights[:, 0]).size == 64  # random, not constant


def test_initializer_errors_and_rng_only() -> None:
    with pytest.raises(ValueError):
        exact(4, 1, np.random.default_rng(0), omega=3.0, tau=1.0)  # tau < omega**2/n
    with pytest.raises(ValueError):
        lecun_normal(4, 1, np.random.default_rng(0), tau=0.0)
    with pytest.raises(ValueError):
        initialize("xavier", 4, 4, np.random.default_rng(0))
    a = uniform(10, 10, np.random.default_rng(8)).weights
    b = uniform(10, 10, np.random.default_rng(8)).weights
    np.testing.assert_array_equal(a, b)
    assert lecun_normal(8, 8, np.random.default_rng(0), dtype=np.float32).weights.dtype == \
        np.float32
