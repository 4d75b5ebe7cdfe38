"""Decimal output of certified enclosures: outward/inward bounds and certified digits.

A ball's ends are turned into decimal strings rounded outward (an enclosure) or
inward (a box about whose every subset a statement holds); a value is printed only
to the digits on which both ends of its enclosure agree (the rule stated in
:class:`~selu_proof.fixedpoint.results.RootResult`).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from flint import arb

from selu_proof.kernel.constants import ball_to_fraction_bounds, round_ball
from selu_proof.kernel.exact import round_sig


def _decimal_bound(q: Fraction, sig: int, up: bool) -> str:
    """``q`` rounded up (``up``) or down to ``sig`` significant digits, as a decimal string."""
    if q == 0:
        return "0"
    n, shift = round_sig(q, sig, up)
    return str(Decimal(f"{n}E{shift}"))


def _bounds_strings(x: arb, sig: int, inward: bool = False) -> list[str]:
    """``[lower, upper]`` of a ball, rounded outward (an enclosure) or inward.

    Inward rounding is for boxes about which a statement holds for every
    subset (uniqueness of a root, absence of roots).
    """
    lo, hi = ball_to_fraction_bounds(x)
    return [_decimal_bound(lo, sig, up=inward), _decimal_bound(hi, sig, up=not inward)]


def _round_certified(x: arb, digits: int) -> str | None:
    """Certified rounding of the number in ``x`` (:class:`~selu_proof.fixedpoint.RootResult`).

    ``digits`` significant digits when the ball excludes zero, ``digits``
    decimal places when it contains zero; ``None`` when the ball's two ends
    round differently.
    """
    if not x.is_finite():
        return None
    if x > 0:
        return round_ball(x, digits)
    if x < 0:
        text = round_ball(x.neg(exact=True), digits)  # plain -x rounds to ctx.prec
        return None if text is None else "-" + text
    lo, hi = ball_to_fraction_bounds(x)
    scale = Fraction(10) ** digits
    n_lo, n_hi = round(lo * scale), round(hi * scale)
    if n_lo != n_hi:
        return None
    return format(Decimal(f"{n_lo}E-{digits}"), "f")
