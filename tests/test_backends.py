"""The three generated backends agree with each other and with Monte Carlo."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
from flint import arb, ctx

from selu_proof import backends
from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01, constant_digits

ALPHA_S, LAMBDA_S = (constant_digits(45)[k] for k in ("alpha", "lambda"))

# (mu, omega, nu, tau) as exact decimal strings: corners and centres of the theorem domains
POINTS = [
    # Theorem 1: mu, omega in [-0.1, 0.1], nu in [0.8, 1.5], tau in [0.95, 1.1]
    ("0", "0", "1", "1"), ("-0.1", "0.1", "0.8", "0.95"), ("0.1", "0.1", "1.5", "1.1"),
    ("0.1", "-0.1", "0.8", "1.1"), ("0.05", "0.02", "1.2", "1.0"),
    # Theorem 2: mu in [-1, 1], omega in [-0.1, 0.1], nu in [3, 16], tau in [0.8, 1.25]
    ("-1", "0.1", "3", "0.8"), ("1", "0.1", "16", "1.25"), ("1", "-0.1", "16", "0.8"),
    ("0.5", "0.05", "9", "1"),
    # Theorem 3: mu, omega in [-0.1, 0.1], nu in [0.02, 0.24], tau in [0.8, 1.25]
    ("-0.1", "-0.1", "0.02", "0.8"), ("0.1", "0.1", "0.24", "1.25"), ("0.1", "-0.1", "0.02", "0.9"),
]
NAMES = ["moments", "jacobian_variance", "jacobian_second_moment", "spectral_variance",
         "spectral_second_moment"]


def _eval(name, backend, mu, omega, nu, tau, alpha, lam):
    fn = backends.compiled(name, backend)
    if name == "moments":
        return fn(mu * omega, nu * tau, alpha, lam)
    return fn(mu * omega, nu * tau, alpha, lam, omega, tau)


@pytest.mark.parametrize("point", POINTS, ids=lambda p: "_".join(p))
@pytest.mark.parametrize("name", NAMES)
def test_numpy_mpmath_arb_agree(point, name):
    with mpmath.workdps(80):
        ref = _eval(name, "mpmath", *(mpmath.mpf(s) for s in point),
                    mpmath.mpf(ALPHA_S), mpmath.mpf(LAMBDA_S))
        ref_str = [mpmath.nstr(r, 75) for r in ref]
    floats = _eval(name, "numpy", *(float(s) for s in point), ALPHA_01, LAMBDA_01)
    for f, r in zip(floats, ref, strict=True):
        assert float(f) == pytest.approx(float(r), rel=1e-12, abs=1e-15)
    old = ctx.prec
    ctx.prec = 170  # about 50 digits
    try:
        balls = _eval(name, "arb", *(arb(s) for s in point), arb(ALPHA_S), arb(LAMBDA_S))
        for ball, r in zip(balls, ref_str, strict=True):
            assert ball.contains(arb(r)), (ball, r)
            assert ball.rad() < arb("1e-40")
    finally:
        ctx.prec = old


def test_numpy_backend_is_vectorized():
    mu = np.linspace(-0.1, 0.1, 7)
    m, xi, var = backends.moments(mu * 0.1, np.full(7, 1.2), ALPHA_01, LAMBDA_01)
    assert m.shape == (7,)
    for i in range(7):
        single = backends.moments(mu[i] * 0.1, 1.2, ALPHA_01, LAMBDA_01)
        assert float(single[2]) == pytest.approx(var[i], rel=1e-14)


def test_wide_ball_encloses_point_evaluations():
    old = ctx.prec
    ctx.prec = 64
    try:
        wide = backends.moments(arb("0 +/- 0.01"), arb("1 +/- 0.05"), arb(ALPHA_S), arb(LAMBDA_S),
                                backend="arb")
        for a in np.linspace(-0.01, 0.01, 5):
            for v in np.linspace(0.95, 1.05, 5):
                pts = backends.moments(float(a), float(v), ALPHA_01, LAMBDA_01)
                for ball, p in zip(wide, pts, strict=True):
                    assert ball.contains(arb(float(p)))
    finally:
        ctx.prec = old


def _selu(x, alpha, lam):
    return lam * np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))


MC_POINTS = [("0", "0", "1", "1"), ("0.1", "0.1", "1.5", "1.1"), ("-1", "0.1", "3", "0.8"),
             ("1", "-0.1", "16", "1.25"), ("0.1", "-0.1", "0.02", "0.9")]


def _mc_check(point, alpha, lam, rng, n=1_000_000):
    mu, omega, nu, tau = (float(s) for s in point)
    m, xi, var = backends.moments(mu * omega, nu * tau, ALPHA_01, LAMBDA_01)
    y = _selu(rng.normal(mu * omega, np.sqrt(nu * tau), size=n), alpha, lam)
    se_m = y.std() / np.sqrt(n)
    y2 = y * y
    se_xi = y2.std() / np.sqrt(n)
    c = y - y.mean()
    se_var = np.sqrt((np.mean(c**4) - np.mean(c**2) ** 2) / n)
    return (abs(y.mean() - m) <= 4 * se_m, abs(y2.mean() - xi) <= 4 * se_xi,
            abs(y.var() - var) <= 4 * se_var)


@pytest.mark.parametrize("point", MC_POINTS, ids=lambda p: "_".join(p))
def test_moments_agree_with_monte_carlo(point):
    rng = np.random.default_rng(20170608)
    assert all(_mc_check(point, ALPHA_01, LAMBDA_01, rng))


def test_monte_carlo_check_detects_wrong_parameters():
    rng = np.random.default_rng(1)
    # a SELU with a 2% larger lambda must not pass as the one the moments describe
    assert not all(_mc_check(("0", "0", "1", "1"), ALPHA_01, LAMBDA_01 * 1.02, rng))


def test_dropout_affine_backends_agree():
    sat = -ALPHA_01 * LAMBDA_01
    a, b = backends.dropout_affine(0.9, sat, 0.0, 1.0)
    with mpmath.workdps(40):
        am, bm = backends.dropout_affine(mpmath.mpf("0.9"), -mpmath.mpf(ALPHA_S) *
                                         mpmath.mpf(LAMBDA_S), 0, 1, backend="mpmath")
    assert float(a) == pytest.approx(float(am), rel=1e-12)
    assert float(b) == pytest.approx(float(bm), rel=1e-12)
    # paper (alpha dropout, q = 0.9, (0, 1)): a ~ 0.9213, b ~ 0.1620
    assert round(float(a), 4) == 0.9213 and round(float(b), 4) == 0.1620
