"""Exact rationals and arb balls: conversions that never lose containment.

Trusted.  Box ends are :class:`fractions.Fraction`; a ball built from a
fraction contains it exactly; the ends of a ball are read back exactly.
"""

from __future__ import annotations

import re
from fractions import Fraction

from flint import arb, ctx, fmpq

__all__ = ["parse_decimal", "ball", "interval_ball", "upper_fraction", "lower_fraction",
           "ball_ends", "exp10", "round_sig",
           "decimal_up", "decimal_down", "fraction_str", "record_up", "MAX_RECORD_DIGITS",
           "bracket_digits", "shown6", "exact_str",
           "ball_str"]


#: longest decimal string and largest decimal exponent accepted (bounds the exact work)
MAX_DECIMAL_LENGTH = 1000
MAX_DECIMAL_EXPONENT = 1000
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE]([+-]?[0-9]+))?")


def parse_decimal(text: str) -> Fraction:
    """Parse an exact decimal string such as ``"-0.1"`` or ``"1.5e-2"``.

    The grammar is ``[+-] digits [. digits] [(e|E) [+-] digits]`` in ASCII
    digits, at most :data:`MAX_DECIMAL_LENGTH` characters, with a decimal
    exponent of at most :data:`MAX_DECIMAL_EXPONENT` in magnitude.  Floats are
    refused (write ``"0.1"``, not ``0.1``) so that the value meant is the value
    used; so are fractions (``"1/3"``), underscores, spaces, NaN and infinities.

    >>> parse_decimal("0.1"), parse_decimal("-1.5e-2")
    (Fraction(1, 10), Fraction(-3, 200))
    """
    if not isinstance(text, str):
        shown = repr(text) if isinstance(text, (int, float, bool)) else type(text).__name__
        raise ValueError(f"expected an exact decimal string, got {shown[:40]}")
    shown = text if len(text) <= 40 else text[:40] + "..."
    if len(text) > MAX_DECIMAL_LENGTH:
        raise ValueError(f"decimal string longer than {MAX_DECIMAL_LENGTH} characters: "
                         f"{shown!r}")
    m = _DECIMAL.fullmatch(text)
    if m is None:
        raise ValueError(f"not a finite exact decimal (digits, '.', exponent 'e'): {shown!r}")
    if m.group(1) is not None and abs(int(m.group(1))) > MAX_DECIMAL_EXPONENT:
        raise ValueError(f"decimal exponent beyond +/-{MAX_DECIMAL_EXPONENT}: {shown!r}")
    return Fraction(text)


def ball(q: Fraction) -> arb:
    """A ball that contains the rational ``q`` (exact when ``q`` is dyadic)."""
    return arb(fmpq(q.numerator, q.denominator))


def interval_ball(lo: Fraction, hi: Fraction) -> arb:
    """A ball containing the closed interval ``[lo, hi]``."""
    if lo == hi:
        return ball(lo)
    return ball(lo).union(ball(hi))


#: ball ends are read exactly only within ``2**-MAX_BITS <= |end| <= 2**MAX_BITS``
MAX_BITS = 8192


def _end_fraction(end: arb, up: bool) -> Fraction:
    """The exact value of an exact ball ``end``; below ``2**-MAX_BITS`` in magnitude,
    the nearest of ``0`` and ``+/-2**-MAX_BITS`` in the direction ``up`` (or down).
    """
    m, e = end.man_exp()
    m, e = int(m), int(e)
    if m == 0:
        return Fraction(0)
    size = m.bit_length() if m > 0 else (-m).bit_length()
    if size + e > MAX_BITS:
        raise ValueError(f"ball end beyond 2**{MAX_BITS} in magnitude")
    if size + e < -MAX_BITS:
        tiny = Fraction(1, 2**MAX_BITS)
        return (tiny if m > 0 else Fraction(0)) if up else (Fraction(0) if m > 0 else -tiny)
    return Fraction(m << e) if e >= 0 else Fraction(m, 1 << -e)


def _exact_end(x: arb, upper: bool) -> Fraction:
    """One end of a finite ball, exactly (see :func:`ball_ends`)."""
    if not x.is_finite():
        raise ValueError("ball is not finite")
    # mid +/- rad is exact at the precision spanning the top bit of either and the
    # lowest bit of both; arb rounds an end outward at any lower precision, which is
    # what happens, soundly, for ends so far apart that the work would not be bounded
    bits = []
    for m, e in (x.mid().man_exp(), x.rad().man_exp()):
        m, e = int(m), int(e)
        if m:
            bits.append((e, e + abs(m).bit_length()))
    need = max(top for _, top in bits) - min(low for low, _ in bits) + 2 if bits else 2
    with ctx.workprec(max(ctx.prec, x.bits() + 64, min(need, 2 * MAX_BITS + 128))):
        return _end_fraction(x.upper(), up=True) if upper else \
            _end_fraction(x.lower(), up=False)


def ball_ends(x: arb) -> tuple[Fraction, Fraction]:
    """Rational lower and upper ends of a finite ball.

    The ends are read at a precision that spans both the midpoint's and the
    radius's bits, so they are exact (``arb.lower()`` rounds outward to the
    working precision otherwise).  So that the
    work stays bounded, an end tinier than ``2**-MAX_BITS`` in magnitude is
    rounded outward to ``0`` or ``+/-2**-MAX_BITS``; an end above ``2**MAX_BITS``
    in magnitude raises ``ValueError``.
    """
    return _exact_end(x, upper=False), _exact_end(x, upper=True)


def upper_fraction(x: arb) -> Fraction | None:
    """The upper end of ``x`` (``None`` if ``x`` is not finite or beyond ``2**MAX_BITS``)."""
    try:
        return _exact_end(x, upper=True)
    except ValueError:
        return None


def lower_fraction(x: arb) -> Fraction | None:
    """The lower end of ``x`` (``None`` if ``x`` is not finite or beyond ``2**MAX_BITS``)."""
    try:
        return _exact_end(x, upper=False)
    except ValueError:
        return None


def exp10(q: Fraction) -> int:
    """``floor(log10(|q|))`` of a nonzero rational, exactly.

    >>> exp10(Fraction(999, 1000)), exp10(Fraction(1000)), exp10(Fraction(-1, 10))
    (-1, 3, -1)
    """
    n, d = abs(q.numerator), q.denominator
    # estimate from bit lengths (str() of a huge integer is refused by Python), then correct;
    # 10**e <= n/d  <=>  10**e * d <= n (e >= 0), d <= n * 10**-e (e < 0)
    e = int((n.bit_length() - d.bit_length()) * 0.30102999566398120)

    def at_most(k: int) -> bool:  # 10**k <= n/d
        return 10**k * d <= n if k >= 0 else d <= n * 10**-k

    while not at_most(e):
        e -= 1
    while at_most(e + 1):
        e += 1
    return e


def round_sig(q: Fraction, digits: int, up: bool) -> tuple[int, int]:
    """``q`` rounded up (``up``) or down to ``digits`` significant digits.

    Returns ``(n, e)`` with the rounded value ``n * 10**e``; ``q`` must be nonzero.
    """
    e = exp10(q) - digits + 1
    num, den = q.numerator, q.denominator  # q / 10**e = num / den
    if e >= 0:
        den *= 10**e
    else:
        num *= 10**-e
    return (-(-num // den) if up else num // den), e


def _decimal(q: Fraction, digits: int, up: bool) -> str:
    if q == 0:
        return "0"
    n, e = round_sig(q, digits, up)
    if e >= 0:
        return str(n * 10**e)
    while n % 10 == 0 and e < 0:  # the shortest exact form, as fraction_str writes it
        n //= 10
        e += 1
    if e == 0:
        return str(n)
    sign, digits_ = ("-" if n < 0 else ""), str(abs(n)).rjust(1 - e, "0")
    return f"{sign}{digits_[:e]}.{digits_[e:]}"


def decimal_up(q: Fraction, digits: int = 17) -> str:
    """A decimal string ``>= q`` with about ``digits`` significant digits."""
    return _decimal(q, digits, up=True)


def decimal_down(q: Fraction, digits: int = 17) -> str:
    """A decimal string ``<= q`` with about ``digits`` significant digits."""
    return _decimal(q, digits, up=False)


#: most significant digits a leaf's recorded bound may have (:func:`record_up`)
MAX_RECORD_DIGITS = 60


def record_up(q: Fraction, bound: Fraction, closed: bool = False,
              digits: int = 17) -> str | None:
    """The recorded form of a leaf's upper bound ``q`` below ``bound``.

    ``decimal_up(q, d)`` for the fewest digits ``d >= digits`` that keep it below
    ``bound`` (``<=`` when ``closed``), so that a bound the prover decided
    (``q < bound``) is recorded as one the checker accepts, even when the margin
    is below 17 digits; ``None`` when no ``d <= max(digits, MAX_RECORD_DIGITS)``
    does.  The prover writes this and the checker requires exactly this string.

    >>> record_up(Fraction(1) - Fraction(1, 10**20), Fraction(1))
    '0.99999999999999999999'
    """
    for d in range(digits, max(digits, MAX_RECORD_DIGITS) + 1):
        text = decimal_up(q, d)
        value = parse_decimal(text)
        if value < bound or (closed and value == bound):
            return text
        if value == q:  # exact already: more digits change nothing
            return None
    return None


def bracket_digits(x: Fraction, tol: Fraction) -> int:
    """Significant digits of an end ``x`` of a bracket no wider than ``tol``: 17, or more
    where 17 would round ``x`` by more than ``tol/100`` (one unit in the last place is
    then at most ``10**(floor(log10(tol)) - 2)``).

    >>> bracket_digits(Fraction(4, 5), Fraction(1, 10**6)), bracket_digits(Fraction(4, 5),
    ...     Fraction(1, 10**30))
    (17, 32)
    """
    return 17 if x == 0 else max(17, exp10(x) - exp10(tol) + 3)


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


def exact_str(q: Fraction) -> str:
    """``q`` exactly, for messages: its decimal (:func:`fraction_str`) where it has one,
    else ``p/q``.

    >>> exact_str(Fraction(3, 8)), exact_str(Fraction(-1, 3))
    ('0.375', '-1/3')
    """
    try:
        return fraction_str(q)
    except ValueError:
        return str(q)


def shown6(q: Fraction) -> str:
    """``q`` to 6 significant digits, any exponent, for messages (not for proofs).

    >>> shown6(Fraction(1, 10**300)), shown6(Fraction(10**999))
    ('1e-300', '1.00000e+999')
    """
    from decimal import Context, Decimal

    return format(Context(prec=6).divide(Decimal(q.numerator), Decimal(q.denominator)), "g")


def ball_str(x: arb, precision: int) -> str:
    """A decimal ``[mid +/- rad]`` string that arb parses back to a ball containing ``x``.

    The midpoint gets enough digits for ``precision`` bits, so the parsed ball is
    about as tight as ``x``.  It is the one spelling of a constant's ball in a
    certificate: the checker computes the same ball and compares the text.
    """
    return x.str(precision * 30103 // 100000 + 5, radius=True, more=True)
