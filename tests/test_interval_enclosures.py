"""Enclosure properties: the 50-digit value lies inside every ball the prover and checker use.

For random sub-boxes of the shipped theorem domains and random points in them,
the mpmath value (50 digits, from the same sympy expressions through the
mpmath backend) of each goal function and of its gradient must lie inside the
natural enclosure, the gradient enclosure and the mean-value enclosure, and
below every leaf bound whose face mask is justified.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import mpmath
import sympy as sp
from flint import arb, ctx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selu_proof.derive import symbolic as sym
from selu_proof.derive.codegen import generate
from selu_proof.derive.expressions import VARS, goal_expression
from selu_proof.kernel import arb_runtime as rt
from selu_proof.kernel import forms
from selu_proof.kernel.model import model_of
from selu_proof.kernel.specs import load_spec, shipped_specs

KEYS = ["S(H)", "S(J)", "mean", "-mean", "var", "-var", "var-nu", "nu-var"]
DOMAINS = [load_spec(p).domain for p in shipped_specs().values()]
N = 2**10


@cache
def _mp_functions(key):
    f = goal_expression(key)
    return generate([f] + [sp.diff(f, x) for x in VARS], VARS + (sym.alpha, sym.lam), "mpmath")


@cache
def _mp_constants():
    with mpmath.workdps(60):
        return (mpmath.mpf(str(sp.N(sym.alpha01(), 60))), mpmath.mpf(str(sp.N(sym.lambda01(), 60))))


def _mp(q: Fraction):
    return mpmath.mpf(q.numerator) / q.denominator


@st.composite
def box_and_point(draw):
    dom = draw(st.sampled_from(DOMAINS))
    box, point = [], []
    for lo, hi in dom:
        i, j = sorted(draw(st.lists(st.integers(0, N), min_size=2, max_size=2)))
        blo, bhi = lo + (hi - lo) * Fraction(i, N), lo + (hi - lo) * Fraction(j, N)
        t = Fraction(draw(st.integers(0, 64)), 64)
        box.append((blo, bhi))
        point.append(blo + (bhi - blo) * t)
    return tuple(box), tuple(point)


def _inside(x: arb, value) -> bool:
    """``value`` in ``x``; a non-finite ball (no information, never used as proof) is vacuous."""
    if not x.is_finite():
        return True
    return x.contains(_point(value))


def _point(value) -> arb:
    """A ~1e-77-wide ball at the 50-digit value (parsed at 256 bits, far below any width)."""
    old = ctx.prec
    ctx.prec = 256
    try:
        return arb(mpmath.nstr(value, 50))
    finally:
        ctx.prec = old


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=st.sampled_from(KEYS), bp=box_and_point())
def test_mpmath_value_inside_every_enclosure(key, bp):
    box, point = bp
    ctx.prec = 128
    params = model_of("closed-form:alpha01,lambda01", 128)
    with mpmath.workdps(50):
        vals = _mp_functions(key)(*[_mp(q) for q in point], *_mp_constants())
    value, grad = vals[0], vals[1:]
    nat = forms.natural(key, box, params)
    assert _inside(nat, value), (key, box, point, nat, value)
    f_box, g_box = forms.gradient(key, box, params)
    for g, gv in zip(g_box, grad):
        assert _inside(g, gv), (key, box, point, g, gv)
    mv = forms.mean_value(key, box, params)
    assert _inside(mv, value)
    # any justified face mask gives an upper bound at every point of the box
    mask = "".join(">" if g >= 0 else "<" if g <= 0 else "." for g in g_box)
    for form in forms.FORMS:
        b = forms.leaf_bound(key, box, mask, form, params)
        assert b is not None
        assert not b.is_finite() or b.upper() >= _point(value).lower()


@settings(max_examples=1000, deadline=None)
@given(lo=st.integers(-4000, 6000), w=st.integers(0, 3000), t=st.integers(0, 100))
def test_runtime_primitives_enclose(lo, w, t):
    """exp, erfc, erfcx, sqrt, square and odd powers on balls contain the mpmath value."""
    ctx.prec = 128
    a, b = Fraction(lo, 1000), Fraction(lo + w, 1000)
    x = a + (b - a) * Fraction(t, 100)
    ball = arb(a.numerator) / a.denominator
    ball = ball.union(arb(b.numerator) / b.denominator)
    with mpmath.workdps(50):
        xm = _mp(x)
        checks = [(rt.exp(ball), mpmath.exp(xm)), (rt.erfc(ball), mpmath.erfc(xm)),
                  (rt.erfcx(ball), mpmath.exp(xm**2) * mpmath.erfc(xm)),
                  (rt.square(ball), xm**2), (rt.ipow(ball, 3), xm**3),
                  (rt.ipow(ball, 4), xm**4)]
        if a >= 0:
            checks.append((rt.sqrt(ball), mpmath.sqrt(xm)))
    for enc, val in checks:
        assert _inside(enc, val), (a, b, x, enc, val)


def test_square_and_powers_are_tight_at_zero():
    ctx.prec = 64
    x = arb(-1).union(arb(3))  # [-1, 3]
    sq = rt.square(x)
    assert sq.lower() > arb("-1e-6") and sq.upper() < arb("9.0001")  # radius rounds up
    cube = rt.ipow(x, 3)
    assert cube.is_finite() and cube.lower() > arb("-1.0001") and cube.upper() < arb("27.001")


def test_erfcx_endpoint_enclosure_is_tight():
    """On [3, 4] arb's erfc of the ball overestimates; the endpoint form does not."""
    ctx.prec = 128
    x = arb(3).union(arb(4))
    enc = rt.erfcx(x)
    lo = (arb(16).exp() * arb(4).erfc())
    hi = (arb(9).exp() * arb(3).erfc())
    assert enc.contains(lo) and enc.contains(hi)
    assert enc.rad() < (hi - lo) * arb("0.5000001")


def test_enclosures_are_finite_and_tight_on_small_boxes():
    """Small boxes give finite, narrow enclosures (so the property test is not vacuous)."""
    ctx.prec = 128
    params = model_of("closed-form:alpha01,lambda01", 128)
    w = Fraction(1, 1000)
    for key in KEYS:
        for dom in DOMAINS:
            box = tuple((lo, lo + (hi - lo) * w) for lo, hi in dom)
            nat = forms.natural(key, box, params)
            mv = forms.mean_value(key, box, params)
            assert nat.is_finite() and mv.is_finite()
            assert mv.rad() < arb("0.01"), (key, dom, mv)


BLOCK_CLASSES = [sym.phi0, sym.Ppos, sym.Pneg, sym.Qexp1, sym.Qexp2, sym.Rexp1, sym.Rexp2]


@cache
def _mp_block(block):
    return generate([block(sym.a, sym.v)], (sym.a, sym.v), "mpmath")


@settings(max_examples=600, deadline=None)
@given(block=st.sampled_from(BLOCK_CLASSES), a0=st.integers(-1000, 1000),
       aw=st.integers(0, 400), v0=st.integers(10, 20000), vw=st.integers(0, 2000),
       s=st.integers(0, 16), t=st.integers(0, 16))
def test_block_enclosures_contain_the_value(block, a0, aw, v0, vw, s, t):
    """Block-level enclosures (signs of the block's own partials) contain 50-digit values."""
    from selu_proof.derive.codegen import block_functions

    ctx.prec = 128
    alo, ahi = Fraction(a0, 1000), Fraction(a0 + aw, 1000)
    vlo, vhi = Fraction(v0, 1000), Fraction(v0 + vw, 1000)
    a_ball = arb(alo.numerator) / alo.denominator
    a_ball = a_ball.union(arb(ahi.numerator) / ahi.denominator)
    v_ball = arb(vlo.numerator) / vlo.denominator
    v_ball = v_ball.union(arb(vhi.numerator) / vhi.denominator)
    enc = rt.block(block_functions(block), a_ball, v_ball)
    pa, pv = alo + (ahi - alo) * Fraction(s, 16), vlo + (vhi - vlo) * Fraction(t, 16)
    with mpmath.workdps(50):
        value = _mp_block(block)(_mp(pa), _mp(pv))[0]
    assert _inside(enc, value), (block.__name__, alo, ahi, vlo, vhi, enc, value)


def test_block_enclosure_of_r2_is_tight_at_small_variance():
    """R2 = Q2 - 2 Q1 + P- ~ v/2: as a block it is enclosed far tighter than as a difference."""
    from selu_proof.derive.codegen import block_functions

    ctx.prec = 128
    a_ball = arb("-0.01").union(arb("0.01"))
    v_ball = arb("0.016").union(arb("0.017"))
    as_block = rt.block(block_functions(sym.Rexp2), a_ball, v_ball)
    q1, q2, pn = (rt.block(block_functions(b), a_ball, v_ball)
                  for b in (sym.Qexp1, sym.Qexp2, sym.Pneg))
    as_difference = q2 - 2 * q1 + pn
    assert as_block.lower() > 0
    assert as_block.rad() * 20 < as_difference.rad()
