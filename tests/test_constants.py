"""Certified digits of alpha_01 and lambda_01 against the published 31 digits."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
from flint import arb, ctx
from hypothesis import given, settings
from hypothesis import strategies as st

from selu_proof import ALPHA_01, ALPHA_LAMBDA_01, LAMBDA_01
from selu_proof.kernel.constants import (
    ball_to_fraction_bounds,
    constant_balls,
    constant_digits,
    round_ball,
)

ALPHA_31 = "1.6732632423543772848170429916717"
LAMBDA_31 = "1.0507009873554804934193349852946"


def test_published_31_digits():
    d = constant_digits(32)  # 32 significant digits = the 31 decimals published
    assert d["alpha"] == ALPHA_31
    assert d["lambda"] == LAMBDA_31


def test_digits_are_prefixes_of_longer_expansions():
    long = constant_digits(60)
    short = constant_digits(20)
    for key in ("alpha", "lambda"):
        # rounding to 20 digits of the 60-digit value (no double-rounding issue here)
        assert abs(Fraction(short[key]) - Fraction(long[key])) <= Fraction(1, 2 * 10**19)


def test_product_is_product():
    d = constant_digits(40)
    prod = Fraction(d["alpha"]) * Fraction(d["lambda"])
    assert abs(prod - Fraction(d["alpha_lambda"])) < Fraction(1, 10**38)
    assert d["alpha_lambda"].startswith("1.758099340847376")


def test_float_constants_are_correctly_rounded():
    assert ALPHA_01 == float(Fraction(ALPHA_31))
    assert LAMBDA_01 == float(Fraction(LAMBDA_31))
    assert ALPHA_01 == 1.6732632423543772
    assert LAMBDA_01 == 1.0507009873554805
    assert ALPHA_LAMBDA_01 == pytest.approx(ALPHA_01 * LAMBDA_01, rel=1e-15)


def test_balls_contain_mpmath_closed_forms_at_100_digits():
    with mpmath.workdps(110):
        c = mpmath.erfc(1 / mpmath.sqrt(2))
        e = mpmath.e
        alpha = -mpmath.sqrt(2 / mpmath.pi) / (c * mpmath.sqrt(e) - 1)
        lam = ((1 - c * mpmath.sqrt(e)) * mpmath.sqrt(2 * mpmath.pi)
               / mpmath.sqrt(2 * mpmath.erfc(mpmath.sqrt(2)) * e**2 + mpmath.pi * c**2 * e
                             - 2 * (2 + mpmath.pi) * c * mpmath.sqrt(e) + mpmath.pi + 2))
        a_str, l_str = mpmath.nstr(alpha, 100), mpmath.nstr(lam, 100)
    al, la = constant_balls(400)
    old = ctx.prec
    ctx.prec = 400
    try:
        assert abs(al - arb(a_str)) < arb("1e-98")
        assert abs(la - arb(l_str)) < arb("1e-98")
    finally:
        ctx.prec = old


def test_ten_thousand_digits():
    d = constant_digits(10000)
    assert len(d["alpha"].replace(".", "")) == 10000
    assert d["alpha"].startswith(ALPHA_31[:-1])
    assert d["lambda"].startswith(LAMBDA_31[:-1])


def test_bad_digits():
    with pytest.raises(ValueError):
        constant_digits(0)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 10**6), st.integers(-30, 30), st.integers(1, 12))
def test_round_ball_is_the_correct_rounding(m, e, digits):
    old = ctx.prec
    ctx.prec = 200
    try:
        x = arb(m) * arb(10) ** e / 7  # a non-exact positive ball
        text = round_ball(x, digits)
        lo, hi = ball_to_fraction_bounds(x)
        assert lo <= Fraction(m) * Fraction(10) ** e / 7 <= hi
        if text is not None:
            # the printed value is within half a unit in the last digit of both ends
            value = Fraction(text)
            k = 0  # value = n * 10**k with n of `digits` digits
            while value >= Fraction(10) ** (k + digits):
                k += 1
            while value < Fraction(10) ** (k + digits - 1):
                k -= 1
            unit = Fraction(10) ** k
            assert (value / unit).denominator == 1
            assert abs(lo - value) <= unit / 2 and abs(hi - value) <= unit / 2
    finally:
        ctx.prec = old
