"""Exact conversions (trusted): integer arithmetic gives what the definitions say.

``exp10``, ``round_sig`` and ``decimal_up``/``decimal_down`` work on the
numerator and denominator as integers; here they are compared with the
definitions written in :class:`fractions.Fraction` arithmetic (the direct
statement of what each returns), and the ball ends with arb's own comparisons.
"""

from __future__ import annotations

import math
from fractions import Fraction

from flint import arb, ctx
from hypothesis import given, settings
from hypothesis import strategies as st

from selu_proof.kernel.exact import (
    ball,
    ball_ends,
    decimal_down,
    decimal_up,
    exp10,
    fraction_str,
    lower_fraction,
    parse_decimal,
    round_sig,
    upper_fraction,
)

nonzero = st.one_of(
    st.builds(lambda n, k: Fraction(n, 2**k), st.integers(-10**40, 10**40), st.integers(0, 300)),
    st.builds(lambda n, k: Fraction(n, 10**k), st.integers(-10**8, 10**8), st.integers(0, 40)),
    st.builds(lambda n, d: Fraction(n, d), st.integers(-999, 999), st.integers(1, 10**6)),
    st.builds(lambda k, s: s * Fraction(10) ** k, st.integers(-40, 40), st.sampled_from([1, -1])),
).filter(lambda q: q != 0)


@settings(max_examples=3000, deadline=None)
@given(nonzero, st.sampled_from([1, 2, 6, 17, 25]))
def test_rounding_matches_its_definition(q, digits):
    e = exp10(q)
    assert Fraction(10) ** e <= abs(q) < Fraction(10) ** (e + 1)
    for up in (True, False):
        n, k = round_sig(q, digits, up)
        scaled = q / Fraction(10) ** k
        assert k == e - digits + 1 and n == (math.ceil(scaled) if up else math.floor(scaled))
        text = decimal_up(q, digits) if up else decimal_down(q, digits)
        assert text == fraction_str(Fraction(n) * Fraction(10) ** k)  # the shortest exact form
        assert parse_decimal(text) == Fraction(n) * Fraction(10) ** k
        assert (parse_decimal(text) >= q) if up else (parse_decimal(text) <= q)


def test_rounding_examples():
    assert decimal_up(Fraction(1, 3), 3) == "0.334" and decimal_down(Fraction(-1, 3), 3) == "-0.334"
    assert decimal_up(Fraction(1200)) == "1200" and decimal_up(Fraction(0)) == "0"
    assert decimal_up(Fraction(-1, 10**30), 2) == "-0.000000000000000000000000000001"
    assert decimal_up(Fraction(99999, 100000), 2) == "1" and exp10(Fraction(99999, 100000)) == -1


@settings(max_examples=500, deadline=None)
@given(nonzero, nonzero)
def test_ball_ends_are_exact(p, q):
    with ctx.workprec(128):
        x = ball(p) + ball(q) / 3  # inexact: a ball with a radius
        lo, hi = ball_ends(x)
        assert (lo, hi) == (lower_fraction(x), upper_fraction(x))
    with ctx.workprec(1024):  # the ends of a 128-bit ball are exact at 1024 bits
        assert ball(lo) == x.lower() and ball(hi) == x.upper() and lo <= hi
    assert upper_fraction(arb("nan")) is None and lower_fraction(arb("inf")) is None


def test_ends_of_a_high_precision_ball_are_exact():
    """A ball wider in bits than the rounding cap keeps exact ends (``constants --digits``)."""
    with ctx.workprec(40000):
        x = arb(1).exp()
    lo, hi = ball_ends(x)
    with ctx.workprec(80000):
        assert ball(lo) == x.lower() and ball(hi) == x.upper()
        assert 0 < hi - lo < Fraction(1, 2**39000)
