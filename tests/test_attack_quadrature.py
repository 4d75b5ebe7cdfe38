"""Enclosures checked against independent 30-digit mpmath values: the compiled complex-ball
evaluators on wide complex balls (the integrator's analytic calls and point calls), the
Gaussian moments of activations with polynomial growth, and pair expectations of
polynomials, whose exact values are rational.
"""

from __future__ import annotations

import random
from fractions import Fraction
from math import comb

import mpmath as mp
import pytest
from flint import acb, arb

from selu_proof.kernel.activations import parse_activation
from selu_proof.kernel.formula import Node, compile_ball, derivative, parse_formula, split
from selu_proof.kernel.quadrature import moments, pair_expectation

_FUNCTIONS = {"exp": mp.exp, "expm1": mp.expm1, "log": mp.log, "log1p": mp.log1p,
              "sqrt": mp.sqrt, "tanh": mp.tanh, "sigmoid": lambda t: 1 / (1 + mp.exp(-t)),
              "erf": mp.erf, "erfc": mp.erfc, "atan": mp.atan, "asinh": mp.asinh}
_OPS = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
        "div": lambda a, b: a / b, "neg": lambda a: -a}


def _mp(n: Node, x: mp.mpc) -> mp.mpc:
    """A switch-free tree at ``x`` by mpmath (principal branches); pi the only constant."""
    if n.op == "x":
        return x
    if n.op == "num":
        return mp.mpf(n.value.numerator) / n.value.denominator
    if n.op == "const":
        assert n.value == "pi"
        return +mp.pi
    args = [_mp(c, x) for c in n.args]
    if n.op == "pow":
        return args[0] ** n.value
    return (_OPS.get(n.op) or _FUNCTIONS[n.op])(*args)


def _holds(ball: arb, t: mp.mpf) -> bool:
    m = mp.mpf(ball.mid().str(50, radius=False))
    r = mp.mpf(ball.rad().str(5, radius=False))
    return abs(t - m) <= r * (1 + mp.mpf(10) ** -4) + mp.mpf(10) ** -28 * (1 + abs(t))


def _trees() -> list[Node]:
    out = []
    for text in ["x**3", "(x + 1)**4", "x**-2", "asinh(x)", "erf(x)", "atan(2*x - 0.3)",
                 "x*sigmoid(1.702*x)", "sqrt(x**2 + 1)", "asinh(x)*x**2"]:
        out.append(parse_formula(text))
    for name in ("gelu_tanh", "bent_identity"):
        out.extend(t for _, t in split(parse_activation(name).tree))
    return out + [derivative(t) for t in out]


def test_compiled_evaluators_enclose_the_function_on_wide_complex_balls() -> None:
    rng = random.Random(20261206)
    points = 0
    with mp.workdps(40):
        for tree in _trees():
            fn = compile_ball(tree)
            for _ in range(12):
                mr, mi = rng.uniform(-6, 6), rng.choice([0.0, rng.uniform(-3, 3)])
                if rng.random() < 0.3:  # near the cuts of asinh and atan at +-i
                    mr, mi = rng.uniform(-0.7, 0.7), rng.uniform(-1.3, 1.3)
                rr, ri = 10 ** rng.uniform(-6, 0.3), 10 ** rng.uniform(-6, 0.3)
                y = acb(arb(mr, rr), arb(mi, ri))
                for analytic in (True, False):
                    out = fn(y, analytic)
                    if not out.is_finite():
                        continue
                    for u, w in [(1, 1), (1, -1), (-1, 1), (-1, -1), (0, 0), (0.5, -0.3)]:
                        z = mp.mpc(mp.mpf(mr) + u * mp.mpf(rr), mp.mpf(mi) + w * mp.mpf(ri))
                        try:
                            val = mp.mpc(_mp(tree, z))
                        except ZeroDivisionError:
                            continue
                        points += 1
                        assert _holds(out.real, val.real) and _holds(out.imag, val.imag), \
                            (tree, y, analytic, z)
    assert points > 1000


def _reference(text: str, a: mp.mpf, v: mp.mpf, power: int) -> mp.mpf:
    act = parse_activation(text)
    sd = mp.sqrt(v)
    cuts = sorted({a + k * sd for k in range(-14, 15)}
                  | {mp.mpf(k.numerator) / k.denominator for k in act.kinks})
    pieces = split(act.tree)

    def f(x: mp.mpf) -> mp.mpf:
        tree = next(t for (lo, hi), t in pieces if hi is None or x <= hi)
        return _mp(tree, x).real ** power * mp.npdf(x, a, sd)
    return mp.quad(f, [-mp.inf] + [c for c in cuts if abs(c - a) <= 14 * sd] + [mp.inf])


@pytest.mark.parametrize("text,a,v", [
    ("gelu_tanh", "-2.41", "117"), ("bent_identity", "4.08", "0.0661"), ("asinh", "0", "287"),
    ("erf", "-0.279", "0.004"), ("x + x**2/8", "4.67", "301"), ("x**3/10 + x", "-4.99", "0.915"),
    ("x*sigmoid(1.702*x)", "3.7", "0.014"), ("x**3/10 + x", "0", "1000"),
])
def test_moments_contain_the_mpmath_values(text: str, a: str, v: str) -> None:
    m1, m2 = moments(parse_activation(text), arb(a), arb(v))
    with mp.workdps(40):
        for got, power in ((m1, 1), (m2, 2)):
            assert _holds(got, _reference(text, mp.mpf(a), mp.mpf(v), power)), (text, power)


def _gaussian_moment(k: int, m: Fraction, var: Fraction) -> Fraction:
    """``E X^k``, ``X ~ N(m, var)``, exactly."""
    return sum((comb(k, j) * m ** (k - j) * var ** (j // 2) * _double_factorial(j - 1)
                for j in range(0, k + 1, 2)), Fraction(0))


def _double_factorial(n: int) -> int:
    return 1 if n <= 0 else n * _double_factorial(n - 2)


def _pair_exact(coeffs: list[Fraction], a: Fraction, v: Fraction, c: Fraction) -> Fraction:
    """``E p(z) p(z')`` for a polynomial ``p``: with ``s = (z + z')/2 ~ N(a, v(1 + c)/2)``
    and ``t = (z - z')/2 ~ N(0, v(1 - c)/2)`` independent, ``E p(s + t) p(s - t)``.
    """
    def shifted(sign: int) -> dict[tuple[int, int], Fraction]:
        out: dict[tuple[int, int], Fraction] = {}
        for n, cn in enumerate(coeffs):
            for j in range(n + 1):
                out[n - j, j] = out.get((n - j, j), Fraction(0)) + cn * comb(n, j) * sign ** j
        return out
    total = Fraction(0)
    for (i1, j1), c1 in shifted(1).items():
        for (i2, j2), c2 in shifted(-1).items():
            total += c1 * c2 * _gaussian_moment(i1 + i2, a, v * (1 + c) / 2) \
                * _gaussian_moment(j1 + j2, Fraction(0), v * (1 - c) / 2)
    return total


@pytest.mark.parametrize("text,coeffs", [("x + x**2/8", ["0", "1", "1/8"]),
                                         ("x**3/10 + x", ["0", "1", "0", "1/10"])])
def test_pair_expectations_of_polynomials_contain_the_exact_values(text: str,
                                                                   coeffs: list[str]) -> None:
    act = parse_activation(text)
    p = [Fraction(q) for q in coeffs]
    dp = [i * q for i, q in enumerate(p)][1:]
    for c in ("-0.95", "0.3", "0.97", "0.995"):
        for a, v in (("0", "0.5"), ("1", "2")):
            for h, poly in (("f", p), ("df", dp)):
                got = pair_expectation(act, h, arb(a), arb(v), arb(c))
                want = _pair_exact(poly, Fraction(a), Fraction(v), Fraction(c))
                assert got.is_finite()
                assert got.overlaps(arb(want.numerator) / want.denominator), (text, h, c, a, v)
