"""Taylor models of the Gaussian moments on cells of the (a, v) grid (kernel/taylor.py).

* the density's derivatives obey the heat equation and are Hermite polynomials (exact);
* the cell enclosures of every partial the claims use contain 25-digit mpmath values at
  points of random boxes, for kinked and smooth activations, and the Cauchy bounds
  dominate the true derivatives on their cells;
* the enclosure of Theorem 1's (a, v) box is about as tight as its range (the mean-value
  form around quadratures on ball arguments was not), and a box that fits no cell proves
  nothing.
"""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import numpy as np
import pytest
from flint import arb, ctx
from test_quadrature import _mp_pair

from selu_proof.kernel import taylor
from selu_proof.kernel.activation_claims import activation_model, integrator_settings
from selu_proof.kernel.activations import parse_activation
from selu_proof.kernel.exact import interval_ball
from selu_proof.kernel.quadrature import density_derivative

mp = mpmath.mp
ORDERS = [(0, 0), (1, 0), (0, 1), (2, 0), (1, 1), (0, 2)]


@pytest.mark.parametrize("i, j", [(i, j) for i in range(7) for j in range(6)])
def test_density_derivatives_obey_the_heat_equation(i, j):
    """d^i/da^i d^j/dv^j phi = 2^-j d^(i+2j)/da^(i+2j) phi, as exact polynomials in d, 1/v."""
    lhs = {(k, m): c for k, m, c in density_derivative(i, j)}
    rhs = {(k, m): c / 2**j for k, m, c in density_derivative(i + 2 * j, 0)}
    assert lhs == rhs


@pytest.mark.parametrize("n", range(25))
def test_density_derivatives_in_a_are_hermite_polynomials(n):
    """d^n/da^n phi = phi v^(-n/2) He_n(d/sqrt(v)), He_n(u) = sum_k (-1)^k n!/(k!(n-2k)!2^k)
    u^(n-2k)."""
    got = {(k, m): c for k, m, c in density_derivative(n, 0)}
    want = {(n - 2 * k, k - n): Fraction((-1) ** k * math.factorial(n),
                                         math.factorial(k) * math.factorial(n - 2 * k) * 2**k)
            for k in range(n // 2 + 1)}
    assert got == want


def _mp_partial(h, kinks, p: int, q: int, a: mpmath.mpf, v: mpmath.mpf) -> mpmath.mpf:
    """``d^p/da^p d^q/dv^q E h(z)``: the ``a`` derivatives by the Hermite form of the
    density's (mpmath's physicists' polynomials), the ``v`` ones by mpmath's numerical
    differentiation of the integral."""
    def in_a(vv: mpmath.mpf) -> mpmath.mpf:
        s = mp.sqrt(vv)

        def w(x):
            u = (x - a) / s
            return (mp.npdf(x, a, s) * s ** -p * 2 ** (-mpmath.mpf(p) / 2)
                    * mp.hermite(p, u / mp.sqrt(2)))
        pts = sorted({*[mp.mpf(k) for k in kinks], a - 4 * s, a, a + 4 * s})
        return mp.quad(lambda x: h(x) * w(x), [-mp.inf, *pts, mp.inf])
    return in_a(v) if q == 0 else mp.diff(in_a, v, q)


def _mp(q: Fraction) -> mpmath.mpf:
    return mp.mpf(q.numerator) / q.denominator


CASES = [("selu", "f"), ("selu", "f2"), ("elu:alpha=2", "f2"), ("tanh", "f"),
         ("gelu", "f2"), ("relu", "df2"), ("softplus", "f")]


@pytest.mark.parametrize("spec, h", CASES)
def test_cell_enclosures_contain_mpmath_values_on_random_boxes(spec, h):
    act = parse_activation(spec)
    f, df, kinks = _mp_pair(spec)
    fn = {"f": f, "f2": lambda x: f(x) ** 2, "df2": lambda x: df(x) ** 2}[h]
    rng = np.random.default_rng(sum(map(ord, spec + h)))
    settings = integrator_settings(64)
    with ctx.workprec(64), mp.workdps(25):
        for _ in range(3):
            a0 = Fraction(int(rng.integers(-1500, 1500)), 1000)
            v0 = Fraction(int(rng.integers(300, 3000)), 1000)
            ra = Fraction(int(rng.integers(1, 300)), 10000)
            rv = v0 * Fraction(int(rng.integers(1, 3000)), 10000)  # at most 0.3 v0
            a, v = interval_ball(a0 - ra, a0 + ra), interval_ball(v0 - rv, v0 + rv)
            p, q = ORDERS[int(rng.integers(len(ORDERS)))]
            got = taylor.enclosure(act, h, (p, q), a, v, 64, settings["eval_limit"])
            assert got.is_finite(), (spec, h, a, v)
            for ta, tv in ((-1, -1), (1, 1), (rng.uniform(-1, 1), rng.uniform(-1, 1))):
                pa, pv = _mp(a0) + ta * _mp(ra), _mp(v0) + tv * _mp(rv)
                ref = _mp_partial(fn, kinks, p, q, pa, pv)
                assert got.overlaps(arb(mpmath.nstr(ref, 20), "1e-15")), \
                    (spec, h, (p, q), a, v, got, ref)


@pytest.mark.parametrize("spec, h", [("selu", "f2"), ("tanh", "f"), ("gelu", "df2")])
def test_cauchy_bounds_dominate_the_derivatives_on_their_cells(spec, h):
    act = parse_activation(spec)
    f, df, kinks = _mp_pair(spec)
    fn = {"f": f, "f2": lambda x: f(x) ** 2, "df2": lambda x: df(x) ** 2}[h]
    rng = np.random.default_rng(7)
    with ctx.workprec(64), mp.workdps(20):
        for _ in range(3):
            a0, v0 = rng.uniform(-1, 1), rng.uniform(0.5, 2)
            c = taylor.cell(arb(a0), arb(v0, 1e-3))
            assert c is not None
            ca, ha, cv, hv = (mp.mpf(float(x.mid())) for x in c)
            for n in (0, 3, 8, 15):
                bound = taylor.cauchy_bound(act, h, n, c)
                for ta, tv in ((-1, -1), (1, 1), (0, 0)):
                    ref = _mp_partial(fn, kinks, n, 0, ca + ta * ha, cv + tv * hv)
                    assert abs(ref) <= bound.upper(), (spec, h, n, ref, bound)


@pytest.mark.parametrize("h", ["f", "f2"])
def test_theorem1s_box_is_enclosed_about_as_tightly_as_its_range(h):
    """Every partial of E selu(z), E selu(z)^2 on the (a, v) box of Theorem 1's domain,
    a in [-0.01, 0.01], v in [0.76, 1.65]: the enclosure is within 10% (plus 10^-3) of the
    range the point values span; the mean-value form around quadratures on ball arguments
    gave 28 (E f) to 5,000 (d^2/dv^2 E f^2) times the range."""
    model = activation_model("selu:alpha=alpha_01,lambda=lambda_01|none", 64)
    with ctx.workprec(64):
        a = interval_ball(Fraction(-1, 100), Fraction(1, 100))
        v = interval_ball(Fraction(76, 100), Fraction(165, 100))
        for order in ORDERS:
            got = model._e(h, order, a, v)
            points = [model._e(h, order, arb(x) / 100, arb(y) / 100)
                      for x in (-1, 0, 1) for y in (76, 90, 100, 120, 140, 165)]
            assert all(got.overlaps(x) for x in points)
            mids = [float(x.mid()) for x in points]
            assert 2 * float(got.rad()) <= 1.1 * (max(mids) - min(mids)) + 1e-3, (h, order)


def test_a_box_that_fits_no_cell_is_not_finite_and_integrates_nothing():
    act = parse_activation("tanh")
    with ctx.workprec(64):
        a = interval_ball(Fraction(-1), Fraction(1))
        v = interval_ball(Fraction(1, 100), Fraction(50))
        assert taylor.cell(a, v) is None
        assert not taylor.enclosure(act, "f", (0, 0), a, v, 64, 2048).is_finite()


def test_cauchy_bounds_carry_an_exponential_growth_factor():
    """``f = exp(x/2)`` (growth ``e^{|x|/2}``): ``d^n/da^n E f(z) = 2^-n e^{a/2 + v/8}`` and
    ``d^n/da^n E f(z)^2 = e^{a + v/2}``, ``z ~ N(a, v)``.  The bound on each cell dominates
    them; read as a polynomial bound (the factor ``e^{r|x|}`` left out) it does not.
    """
    act = parse_activation("exp(x/2)")
    assert act.growth.rate == Fraction(1, 2)
    with ctx.workprec(64):
        c = taylor.cell(arb(3), arb(2, 1e-3))
        ca, ha, cv, hv = (float(x.mid()) for x in c)
        for n in (0, 2, 6):
            a, v = ca + ha, cv + hv
            for h, exact in (("f", 0.5 ** n * np.exp(a / 2 + v / 8)), ("f2", np.exp(a + v / 2))):
                bound = taylor.cauchy_bound(act, h, n, c)
                assert exact <= float(bound.upper()), (h, n)
        polynomial = taylor._bound_at(act.growth.coeffs, 0, arb(1), arb(ca + ha), arb(cv - hv),
                                      arb(cv + hv))
        assert float(polynomial.upper()) < np.exp((ca + ha) / 2 + (cv + hv) / 8)
