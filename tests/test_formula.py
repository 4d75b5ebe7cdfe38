"""The formula language: whitelist, canonical text, kinks, derivatives, ball evaluation at
poles and cuts, growth rules far out, and Gaussian moments against 40-digit mpmath.
"""

from __future__ import annotations

import re
from fractions import Fraction

import mpmath
import numpy as np
import pytest
from flint import acb, arb, ctx

from selu_proof.kernel.activations import CATALOGUE, parse_activation
from selu_proof.kernel.exact import ball
from selu_proof.kernel.formula import (
    MAX_LENGTH,
    ActivationError,
    Node,
    compile_ball,
    derivative,
    formula_text,
    parse_formula,
    split,
)
from selu_proof.kernel.quadrature import expectation

# ------------------------------------------------------------------------------ refusals


@pytest.mark.parametrize("text, message", [
    ("x.real", "an attribute is not allowed"),
    ("foo(x)", "unknown function 'foo'"),
    ("print(x)", "unknown function 'print'"),
    ("__import__('os')", "unknown function"),
    ("(lambda y: y)(x)", "unknown function"),
    ("lambda y: y", "a lambda is not allowed"),
    ("'x'", "a string is not allowed"),
    ("x[0]", "a subscript is not allowed"),
    ("[x for x in y]", "a comprehension is not allowed"),
    ("x^2", "write '\\*\\*'"),
    ("x**0.5", "integer literal"),
    ("x**x", "integer literal"),
    ("x**17", "integer literal"),
    ("exp(x=1)", "positional"),
    ("max(x)", "takes 2"),
    ("x > 0", "comparison is allowed only"),
    ("where(0 < x < 1, x, 0)", "one comparison"),
    ("x if x > 0 else 0", "IfExp is not allowed"),
    ("1j*x", "the constant 1j"),
    ("True*x", "the constant True"),
    ("x +", "not an expression"),
    ("1_000*x", "not a finite exact decimal"),
    ("1e9*x", "limited to"),
    ("abs(x**2 - 1)", "not affine"),
    ("max(x*x, 0)", "not affine"),
    ("where(tanh(x) > 0, x, 0)", "not affine"),
    ("where(x > b, x, 0); b=alpha_01", "not affine"),
    ("exp(x**2)", "no growth rule for exp"),
    ("exp(exp(x))", "no growth rule for exp"),
    ("1/x", "division by x"),
    ("x**-2", "negative power"),
    ("1/(1 + x)", "division by 1 \\+ x"),
    ("log(x)", "log\\(x\\) needs its argument proved above 0"),
    ("log1p(x)", "above -1"),
    ("sqrt(x)", "sqrt\\(x\\) needs"),
    ("sqrt(abs(x))", "needs its argument proved above 0"),
    ("log(-1) + x", "not a finite real number"),
    ("x*sigmoid(b*x)", "parameter 'b' has no value"),
    ("x*sigmoid(b*x); b=1, c=2", "unknown parameter 'c'"),
    ("x*sigmoid(b*x); b=1, b=2", "given twice"),
    ("x*sigmoid(b*x); b", "expected key=value"),
    ("x*sigmoid(b*x); b=0.1.2", "not a finite exact decimal"),
    ("x" + " + x" * 200, f"longer than {MAX_LENGTH}"),
    ("(" * 30 + "x" + ")*2" * 30, "deeper than"),
    ("tanh(" * 30 + "x" + ")" * 30, "deeper than"),
    ("softmax", "unknown activation 'softmax'"),
])
def test_outside_the_grammar_or_its_rules_is_one_line(text, message):
    with pytest.raises(ActivationError, match=message) as err:
        parse_activation(text)
    assert "\n" not in str(err.value)


def test_the_derivative_needs_a_rule_too():
    # sqrt(1 + x^2)... is fine; x*exp(-x^2) has growth but its derivative is fine too;
    # a kinked sqrt is refused whatever the piece
    with pytest.raises(ActivationError, match="sqrt"):
        parse_activation("sqrt(max(x, 0))")


# ------------------------------------------------------------------------- canonical text


@pytest.mark.parametrize("text", [
    "x*sigmoid(1.702*x)", "where(x > 0, x, 0.5*expm1(x))", "x*min(max(x + 3, 0), 6)/6",
    "x/(1 + abs(x))", "-x**2 + (-x)**3", "x - (x - 1)", "x/(x/(2 + x**2))", "2**-1*x",
    "--x", "x*-x", "(sqrt(x**2 + 1) - 1)/2 + x", "where(2*x >= 1, x, -x)",
    "lam*where(x > 0, x, alpha*expm1(x))", "pi*x", "x - -1",
])
def test_canonical_text_parses_back_to_the_same_tree(text):
    tree = parse_formula(text)
    again = parse_formula(formula_text(tree))
    assert again == tree
    assert formula_text(again) == formula_text(tree)


def test_the_spec_of_a_formula_is_canonical_and_parses_back():
    act = parse_activation("x * sigmoid( b*x ) ;b = 1.7020")
    assert act.spec == "x*sigmoid(b*x); b=1.702"
    assert parse_activation(act.spec).spec == act.spec
    assert act.params == {"b": Fraction(1702, 1000)}


# ---------------------------------------------------------------------------------- kinks


@pytest.mark.parametrize("text, kinks", [
    ("x*min(max(x + 3, 0), 6)/6", (-3, 3)),
    ("abs(x - 0.5)", (Fraction(1, 2),)),
    ("where(2*x >= 1, x, 0)", (Fraction(1, 2),)),
    ("max(-1, min(1, x))", (-1, 1)),
    ("max(x, 2*x - 1) + abs(x/3 + 1)", (-3, 1)),
    ("tanh(x)", ()),
    ("where(x > 0, abs(x - 1), 0)", (0, 1)),
])
def test_kinks_are_exact_rationals(text, kinks):
    pieces = split(parse_formula(text))
    assert tuple(p[0][1] for p in pieces[:-1]) == tuple(Fraction(k) for k in kinks)
    for (_, tree) in pieces:  # switch-free on every piece
        assert not _has_switch(tree)


def _has_switch(n: Node) -> bool:
    return n.op in ("abs", "max", "min", "where") or any(_has_switch(c) for c in n.args)


# ----------------------------------------------------- an independent evaluator (mpmath)


def mp_eval(n: Node, x, env=None):
    """The formula at ``x`` in mpmath, switches read directly (not through split)."""
    e = [mp_eval(c, x) for c in n.args] if n.op != "where" else None
    op = n.op
    if op == "x":
        return x
    if op == "num":
        return mpmath.mpf(n.value.numerator) / n.value.denominator
    if op == "const":
        from selu_proof.kernel.constants import constant_balls
        if n.value == "pi":
            return +mpmath.pi
        a, lam = constant_balls(256)
        return mpmath.mpf((a if n.value == "alpha_01" else lam).mid().str(70, radius=False))
    if op == "where":
        lhs, rhs, a, b = n.args
        d = mp_eval(lhs, x) - mp_eval(rhs, x)
        holds = {">": d > 0, "<": d < 0, ">=": d >= 0, "<=": d <= 0}[n.value]
        return mp_eval(a if holds else b, x)
    table = {
        "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
        "div": lambda a, b: a / b, "neg": lambda a: -a, "pow": lambda a: a ** n.value,
        "exp": mpmath.exp, "expm1": mpmath.expm1, "log": mpmath.log, "log1p": mpmath.log1p,
        "sqrt": mpmath.sqrt, "tanh": mpmath.tanh, "sigmoid": lambda a: 1 / (1 + mpmath.exp(-a)),
        "erf": mpmath.erf, "erfc": mpmath.erfc, "atan": mpmath.atan, "asinh": mpmath.asinh,
        "softplus": lambda a: mpmath.log1p(mpmath.exp(a)), "abs": abs, "max": max, "min": min,
    }
    return table[op](*e)


USER = ["x*sigmoid(b*x); b=1.702", "where(x > 0, x, 0.5*expm1(x))", "x*exp(x/4)",
        "where(x > 0, expm1(x/2), x)", "x**3/(1 + x**2)", "log(1 + exp(2*x))/2",
        "log1p(x**2)", "sqrt(x**2 + 1)", "x*erf(x)"]
ALL = list(CATALOGUE) + USER


@pytest.mark.parametrize("spec", ALL)
def test_derivative_rules_match_mpmath_away_from_kinks(spec):
    act = parse_activation(spec)
    rng = np.random.default_rng(7)
    mpmath.mp.dps = 40
    for x in rng.uniform(-6, 6, 12):
        xq = Fraction(float(x)).limit_denominator(1000)
        if any(abs(xq - k) < Fraction(1, 100) for k in act.kinks):
            continue
        xm = mpmath.mpf(xq.numerator) / xq.denominator
        want = mpmath.diff(lambda t: mp_eval(act.tree, t), xm)
        with ctx.workprec(128):
            got = act.derivative(arb(xq.numerator) / xq.denominator)
            f = act.value(arb(xq.numerator) / xq.denominator)
        assert got.overlaps(arb(mpmath.nstr(want, 35), 1e-28)), (spec, xq, got, want)
        assert f.overlaps(arb(mpmath.nstr(mp_eval(act.tree, xm), 35), 1e-30))


# ----------------------------------------------------------------- poles and branch cuts


@pytest.mark.parametrize("text, z", [
    ("tanh(x)", acb(0, "1.5707963267948966")),
    ("sigmoid(x)", acb(0, "3.141592653589793")),
    ("softplus(x)", acb(0, "3.141592653589793")),
    ("log(1 + x**2)", acb(0, 1)),
    ("log1p(x**2)", acb(0, 1)),
    ("sqrt(x**2 + 1)", acb(0, 1)),
    ("atan(x)", acb(0, 1)),
    ("asinh(x)", acb(0, 1)),
    ("atan(x)", acb(0, 2)),
    ("asinh(x)", acb("0", "1.5")),
    ("1/(1 + exp(x))", acb(0, "3.141592653589793")),
])
def test_poles_and_cuts_give_non_finite_balls_when_holomorphy_is_asked(text, z):
    (_, tree), = split(parse_formula(text))
    fn = compile_ball(tree)
    near = acb(arb(z.real, "1e-3"), arb(z.imag, "1e-3"))
    assert not fn(near, True).is_finite()
    assert fn(acb("0.3"), True).is_finite()  # and finite on the real line


# ---------------------------------------------------------------------- growth far out


@pytest.mark.parametrize("spec", ALL)
def test_growth_bounds_hold_far_out(spec):
    act = parse_activation(spec)
    with ctx.workprec(256):
        for t in ("0.5", "3", "10", "50", "200", "1000"):
            for s in (1, -1):
                x = s * arb(t)
                for g, fn in ((act.growth, act.value), (act.derivative_growth, act.derivative)):
                    # never certainly above the bound (some bounds are tight, e.g. |tanh| <= 1)
                    assert not abs(fn(x)) > g.at(x), (spec, t, s)
                    assert abs(fn(x)).lower() <= g.at(x).upper()


def test_an_exponential_growth_is_integrated_with_its_shifted_gaussian_tail():
    act = parse_activation("x*exp(x/4)")
    assert act.growth.rate == Fraction(1, 4)
    with ctx.workprec(128):
        got = expectation(act, "f", arb(0), arb(1))
    # E[z e^{z/4}] = (1/4) e^{1/32} for z ~ N(0, 1)
    mpmath.mp.dps = 50
    assert got.overlaps(arb(mpmath.nstr(mpmath.exp(mpmath.mpf(1) / 32) / 4, 45), 1e-40))
    assert got.rad() < 1e-30


# ------------------------------------------------------------------ moments vs mpmath


def _mp_moment(act, h: str, a, v):
    """``E h(z)`` in mpmath on each piece; ``f'`` from the derivative rules (which
    test_derivative_rules_match_mpmath_away_from_kinks checks against mpmath.diff).
    """
    mpmath.mp.dps = 50
    s = mpmath.sqrt(v)

    def phi(x):
        return mpmath.exp(-(x - a) ** 2 / (2 * v)) / (s * mpmath.sqrt(2 * mpmath.pi))

    total = mpmath.mpf(0)
    for (lo, hi), tree in split(act.tree, tuple(act.kinks)):
        g = derivative(tree) if h == "df2" else tree
        lo = -mpmath.inf if lo is None else mpmath.mpf(lo.numerator) / lo.denominator
        hi = mpmath.inf if hi is None else mpmath.mpf(hi.numerator) / hi.denominator
        lo_, hi_ = max(lo, a - 16 * s), min(hi, a + 16 * s)  # tails beyond 16 s: < 1e-50
        if lo_ < hi_:
            n = int((hi_ - lo_) / (s / 2)) + 1
            total += mpmath.quad(lambda x, g=g: mp_eval(g, x) ** (1 if h == "f" else 2)
                                 * phi(x), mpmath.linspace(lo_, hi_, n + 1))
    return total


@pytest.mark.parametrize("spec", ALL)
def test_moment_enclosures_contain_40_digit_mpmath_values(spec):
    act = parse_activation(spec)
    rng = np.random.default_rng(abs(hash(spec)) % 2**32)
    a = Fraction(float(rng.uniform(-1, 1))).limit_denominator(100)
    v = Fraction(float(rng.uniform(0.3, 3))).limit_denominator(100)
    am, vm = mpmath.mpf(a.numerator) / a.denominator, mpmath.mpf(v.numerator) / v.denominator
    for h in ("f", "f2", "df2"):
        with ctx.workprec(160):
            got = expectation(act, h, arb(a.numerator) / a.denominator,
                              arb(v.numerator) / v.denominator)
        want = _mp_moment(act, h, am, vm)
        assert got.rad() < 1e-40, (spec, h, got)
        assert got.overlaps(arb(mpmath.nstr(want, 45), 1e-40)), (spec, h, got, want)


def test_one_sided_bounds_tighten_the_magnitude():
    """``0 <= 1 - tanh(x)^2 <= 1`` gives ``|tanh'| <= 1`` (the triangle inequality alone
    gives 2), so the Poincare bound proves tanh's variances shrink for every ``nu``.
    """
    from selu_proof.kernel.activations import parse_activation

    assert parse_activation("tanh").derivative_growth.coeffs == (Fraction(1),)
    assert parse_activation("mish").derivative_growth.coeffs == (Fraction(1), Fraction(1))


def test_an_exponential_derivative_bound_is_not_read_as_a_constant():
    """``|f'| <= (5/4) e^{|x|/4}`` for ``x + exp(x/4)`` is unbounded: no Poincare constant
    (which would claim ``sup |F'|^2 <= 25/16``) and no affine growth for the variance map.
    """
    from flint import arb

    from selu_proof.fixedpoint.scaled import Scaled
    from selu_proof.kernel.activations import parse_activation
    from selu_proof.kernel.quadrature import linear_growth
    from selu_proof.meanfield.variance_map import poincare_bound

    act = parse_activation("x + exp(x/4)")
    assert act.derivative_growth.rate == Fraction(1, 4)
    assert poincare_bound(Scaled(act, arb(1), arb(0))) is None
    with pytest.raises(ValueError, match="A \\+ B"):
        linear_growth(act.derivative_growth)


@pytest.mark.parametrize("formula, message", [
    ("where(x > 0, 1, -1)", "f jumps at x = 0 (from -1 to 1)"),
    ("where(x > 0.1, x, 0.2)", "f jumps at x = 0.1 (from 0.2 to 0.1)"),
    ("where(x > 0, exp(x), 2)", "f jumps at x = 0"),
    ("where(x > 1, tanh(x), tanh(1.5))", "f jumps at x = 1"),
    # equal (tanh's double-angle formula) but not proved so by ball arithmetic
    ("where(x > 1, tanh(x), 2*tanh(0.5)/(1 + tanh(0.5)**2))",
     "f is not proved continuous at x = 1"),
])
def test_a_jump_at_a_kink_is_refused(formula, message):
    """``f'`` is taken piece by piece (chi1, GPN, the kernel slope), which misses the delta
    of a jump: the sign function would get ``chi1 = 0``.  So every kink must be proved
    continuous."""
    with pytest.raises(ActivationError, match=re.escape(message)):
        parse_activation(formula)


@pytest.mark.parametrize("formula", [
    "where(x > 1/3, x, 1/3)", "where(x > 0.5, x*x, 0.25)", "where(x > 1, tanh(x), tanh(1))",
    "where(x > 0, x, 0.5*expm1(x))", "where(x > 1, exp(x - 1), x)", "min(max(x, -0.3), 0.7)",
])
def test_continuous_kinks_are_proved(formula):
    assert parse_activation(formula).kinks


@pytest.mark.parametrize("formula, odd", [
    ("hardtanh", True), ("min(1, max(-1, x))", True), ("min(max(x, -0.5), 0.5)", True),
    ("max(-1, min(1, 2*x))", True), ("max(-1, min(2, x))", False),
    ("max(-1, min(1, x + 1))", False), ("max(1, min(-1, x))", False), ("relu6", False),
])
def test_a_symmetric_clamp_of_an_odd_function_is_odd(formula, odd):
    """``h(x) = max(-c, min(c, g(x)))`` with ``g`` odd: ``h(-x) = -h(x)``; an asymmetric
    clamp or a shifted argument is not proved odd.  (An odd activation has the exact
    correlation fixed point ``c = -1``.)"""
    act = parse_activation(formula)
    assert act.odd is odd
    if odd:  # checked at points: f(-x) = -f(x)
        for x in (Fraction(1, 3), Fraction(7, 5), Fraction(5)):
            assert act.value(ball(-x)).overlaps(-act.value(ball(x)))


# ------------------------------------------------ wide complex balls (the integrator's ellipses)


def _inside(z: acb, rng: np.random.Generator, n: int = 6) -> list[mpmath.mpc]:
    """Corners and random points of the rectangle ``z`` (slightly inside it)."""
    re, im = z.real, z.imag
    mr, rr = float(re.mid()), 0.999 * float(re.rad())
    mi, ri = float(im.mid()), 0.999 * float(im.rad())
    pts = [(mr + s * rr, mi + t * ri) for s in (-1, 1) for t in (-1, 1)]
    pts += [(mr + rr * rng.uniform(-1, 1), mi + ri * rng.uniform(-1, 1)) for _ in range(n)]
    return [mpmath.mpc(a, b) for a, b in pts]


@pytest.mark.parametrize("spec", ALL)
def test_wide_complex_balls_enclose_every_value_inside(spec):
    """With holomorphy asked (the integrator's ellipses: wide complex balls centred on the
    real line), ``f`` and ``f'`` of every piece, where finite, contain the mpmath values at
    the corners of the ball and at points inside: the tighter forms used there (powers
    from the ends of the real and imaginary parts, asinh's cuts checked on its argument,
    erf as 1 - erfc) are enclosures."""
    act = parse_activation(spec)
    rng = np.random.default_rng(5)
    mpmath.mp.dps = 30
    finite = 0
    for (lo, hi), tree in split(act.tree, act.kinks):
        for t in (tree, derivative(tree)):
            fn = compile_ball(t)
            for _ in range(12):
                left = float(lo) if lo is not None else -12.0
                right = float(hi) if hi is not None else 12.0
                mid = rng.uniform(max(left, -12.0), min(right, 12.0))
                r = float(rng.choice([0.1, 0.5, 1, 2, 4]))
                z = acb(arb(mid, r), arb(0, 0.87 * r))
                with ctx.workprec(128):
                    got = fn(z, True)
                if not got.is_finite():
                    continue
                finite += 1
                for p in _inside(z, rng):
                    want = mp_eval(t, p)
                    tol = 1e-20 * (1 + abs(want))
                    w = acb(arb(mpmath.nstr(want.real, 25), tol),
                            arb(mpmath.nstr(want.imag, 25), tol))
                    assert got.overlaps(w), (spec, formula_text(t), z, p, got, want)
    assert finite > 0


def test_powers_and_asinh_are_tight_enough_on_wide_balls():
    """``x*x`` on 14.5 +/- 7 (imaginary part +/- 6) has a real part reaching -499 by ball
    arithmetic; from the ends of ``|Re|`` and ``|Im|`` it stays above 20 (the truth: 20.25),
    and asinh, whose cuts lie on the imaginary axis, is finite on a ball far from it (the
    cut checks of sqrt and log on the wide balls of ``y^2 + 1`` refused it): the
    integrator's ellipses may be larger, and it needs fewer evaluations."""
    z = acb(arb("14.5", 7), arb(0, 6))
    with ctx.workprec(128):
        (_, square), = split(parse_formula("x**2"))
        assert compile_ball(square)(z, True).real > 20
        (_, asinh), = split(parse_formula("asinh(x)"))
        assert compile_ball(asinh)(z, True).is_finite()
        assert compile_ball(asinh)(acb(arb("5.75", "3.5"), arb(0, "3.03")), True).is_finite()
        assert not compile_ball(asinh)(acb(arb("0.5", 1), arb(0, 2)), True).is_finite()


def test_constants_are_folded_at_each_precision():
    """A subtree free of x (``sqrt(2/pi)``) is one ball per working precision: at 256 bits
    after a call at 64 bits the value is as accurate as 256 bits allow."""
    (_, tree), = split(parse_formula("x*sqrt(2/pi)"))
    fn = compile_ball(tree)
    with ctx.workprec(64):
        low = fn(acb(1), False)
    with ctx.workprec(256):
        high = fn(acb(1), False)
        assert high.real.rad() < arb(2) ** -250
        assert high.real.overlaps(low.real) and high.real.overlaps((2 / arb.pi()).sqrt())
@pytest.mark.parametrize("formula, centre", [
    ("sigmoid", Fraction(1, 2)), ("hardsigmoid", Fraction(1, 2)), ("tanh", Fraction(0)),
    ("erfc(-x/sqrt(2))/2", Fraction(1, 2)), ("1 - sigmoid(x)", Fraction(1, 2)),
    ("3*tanh(x) + 2", Fraction(2)), ("2 - sigmoid(-2*x)/4", Fraction(15, 8)),
    ("sigmoid(x)*2 - 1", Fraction(0)), ("max(-0.5, min(1.5, 2*x + 1/2))", Fraction(1, 2)),
    ("min(6, max(0, x + 3))/6", Fraction(1, 2)), ("max(min(x + 1, 3), -1)", Fraction(1)),
    ("x**3 + x", Fraction(0)), ("x/(1 + x**2)", Fraction(0)), ("-erfc(x) + 4", Fraction(3)),
    ("relu6", None), ("max(min(x + 1, 3), 0)", None), ("max(min(x + 1, 0), -2)", None),
    ("tanh(x + 1)", None), ("x*sigmoid(x)", None), ("sigmoid(x)*sigmoid(x)", None),
    ("x*tanh(x)", None), ("abs(x)", None), ("softplus(x)", None), ("gelu", None),
    ("sigmoid(x) + x**2", None), ("exp(x)", None),
])
def test_a_function_odd_about_a_centre_is_proved_from_its_tree(formula, centre):
    """``f(x) + f(-x) = 2k`` exactly (``f`` odd about ``k``), from rules on the tree:
    sigmoid is odd about 1/2, erfc about 1, sums and rational multiples move the centre,
    and a clamp ``[lo, hi]`` of a function odd about ``(lo + hi)/2`` keeps it (hardsigmoid is
    ``min(max(x + 3, 0), 6)/6``).  Odd is odd about 0; nothing else is claimed."""
    act = parse_activation(formula)
    assert act.centre == centre
    assert act.odd is (centre == 0)
    if centre is not None:  # checked at points
        for x in (Fraction(1, 3), Fraction(7, 5), Fraction(5), Fraction(-2)):
            assert (act.value(ball(x)) + act.value(ball(-x))).overlaps(2 * ball(centre))
    else:  # a rule that claimed one would be wrong here: no centre fits two points
        k1, k2 = ((act.value(ball(x)) + act.value(ball(-x))) / 2
                  for x in (Fraction(1, 2), Fraction(3)))
        assert formula in ("x*tanh(x)", "abs(x)") or not k1.overlaps(k2)
