"""Exact rationals and arb balls: conversions that never lose containment.

Trusted.  Box ends are :class:`fractions.Fraction`; a ball built from a
fraction contains it exactly; the ends of a ball are read back exactly.
"""

from __future__ import annotations

import math
from fractions import Fraction

from flint import arb, ctx, fmpq

__all__ = ["parse_decimal", "ball", "interval_ball", "upper_fraction", "lower_fraction",
           "ball_ends", "exp10", "round_sig",
           "decimal_up", "decimal_down", "fraction_str"]


def parse_decimal(text: str) -> Fraction:
    """Parse an exact decimal string such as ``"-0.1"`` or ``"1.5e-2"``.

    Floats are refused (write ``"0.1"``, not ``0.1``) so that the value meant is
    the value used; NaN and infinities are refused.

    >>> parse_decimal("0.1")
    Fraction(1, 10)
    """
    if not isinstance(text, str):
        raise ValueError(f"expected an exact decimal string, got {text!r}")
    t = text.strip()
    if t.lower() in {"nan", "inf", "+inf", "-inf", "infinity", "-infinity"}:
        raise ValueError(f"not a finite number: {text!r}")
    try:
        return Fraction(t)
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"not an exact decimal: {text!r}") from None


def ball(q: Fraction) -> arb:
    """A ball that contains the rational ``q`` (exact when ``q`` is dyadic)."""
    return arb(fmpq(q.numerator, q.denominator))


def interval_ball(lo: Fraction, hi: Fraction) -> arb:
    """A ball containing the closed interval ``[lo, hi]``."""
    if lo == hi:
        return ball(lo)
    return ball(lo).union(ball(hi))


def ball_ends(x: arb) -> tuple[Fraction, Fraction]:
    """Exact rational lower and upper ends of a finite ball.

    The ends are read at a precision above the ball's own, so they are exact
    (``arb.lower()`` rounds to the working precision otherwise).
    """
    if not x.is_finite():
        raise ValueError("ball is not finite")
    with ctx.workprec(max(ctx.prec, x.bits() + 64)):
        ends = []
        for end in (x.lower(), x.upper()):
            m, e = (int(t) for t in end.man_exp())
            ends.append(Fraction(m << e) if e >= 0 else Fraction(m, 1 << -e))
        return ends[0], ends[1]


def upper_fraction(x: arb) -> Fraction | None:
    """The exact upper end of ``x`` (``None`` if ``x`` is not finite)."""
    return ball_ends(x)[1] if x.is_finite() else None


def lower_fraction(x: arb) -> Fraction | None:
    """The exact lower end of ``x`` (``None`` if ``x`` is not finite)."""
    return ball_ends(x)[0] if x.is_finite() else None


def exp10(q: Fraction) -> int:
    """``floor(log10(|q|))`` of a nonzero rational, exactly.

    >>> exp10(Fraction(999, 1000)), exp10(Fraction(1000)), exp10(Fraction(-1, 10))
    (-1, 3, -1)
    """
    q = abs(q)
    # estimate from bit lengths (str() of a huge integer is refused by Python), then correct
    e = int((q.numerator.bit_length() - q.denominator.bit_length()) * 0.30102999566398120)
    while Fraction(10) ** e > q:
        e -= 1
    while Fraction(10) ** (e + 1) <= q:
        e += 1
    return e


def round_sig(q: Fraction, digits: int, up: bool) -> tuple[int, int]:
    """``q`` rounded up (``up``) or down to ``digits`` significant digits.

    Returns ``(n, e)`` with the rounded value ``n * 10**e``; ``q`` must be nonzero.
    """
    e = exp10(q) - digits + 1
    scaled = q / Fraction(10) ** e
    return (math.ceil(scaled) if up else math.floor(scaled)), e


def _decimal(q: Fraction, digits: int, up: bool) -> str:
    if q == 0:
        return "0"
    n, e = round_sig(q, digits, up)
    return fraction_str(Fraction(n) * Fraction(10) ** e)


def decimal_up(q: Fraction, digits: int = 17) -> str:
    """A decimal string ``>= q`` with about ``digits`` significant digits."""
    return _decimal(q, digits, up=True)


def decimal_down(q: Fraction, digits: int = 17) -> str:
    """A decimal string ``<= q`` with about ``digits`` significant digits."""
    return _decimal(q, digits, up=False)


def fraction_str(q: Fraction) -> str:
    """Exact decimal string of a rational whose denominator is ``2^i 5^j``.

    >>> fraction_str(Fraction(3, 8)), fraction_str(Fraction(-1, 10))
    ('0.375', '-0.1')
    """
    den = q.denominator
    twos = (den & -den).bit_length() - 1
    den >>= twos
    fives = 0
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        raise ValueError(f"{q} has no finite decimal expansion")
    k = max(twos, fives)  # the smallest k with q * 10**k an integer
    n = q.numerator * 10**k // q.denominator
    sign = "-" if n < 0 else ""
    s = str(abs(n)).rjust(k + 1, "0")
    if k == 0:
        return sign + s
    return f"{sign}{s[:-k]}.{s[-k:]}"
