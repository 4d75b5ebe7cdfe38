"""The SELU constants ``alpha_01`` and ``lambda_01`` (paper Eq. (8)-(9)), certified.

The closed forms live in :mod:`selu_proof.derive.symbolic`; here they are evaluated
with arb balls (by code generated from them ahead of time,
:mod:`selu_proof.generated.arb_constants`), and every decimal digit that is
printed is certified: the whole enclosing ball rounds to the same ``N`` significant digits.
"""

from __future__ import annotations

from fractions import Fraction

from flint import arb, ctx, fmpz

from selu_proof.generated.arb_constants import selu_constants
from selu_proof.kernel.exact import ball_ends, exp10

__all__ = ["ALPHA_01", "LAMBDA_01", "ALPHA_LAMBDA_01", "constant_balls", "constant_digits",
           "round_ball", "ball_to_fraction_bounds"]


def constant_balls(prec: int = 128) -> tuple[arb, arb]:
    """Arb enclosures of ``(alpha_01, lambda_01)`` at ``prec`` bits.

    >>> alpha, lam = constant_balls()
    >>> print(alpha.str(25, radius=False), lam.str(25, radius=False))
    1.673263242354377284817043 1.050700987355480493419335
    >>> alpha.rad() < arb("1e-37")
    True
    """
    with ctx.workprec(prec):
        alpha, lam = selu_constants()
        return +alpha, +lam


def _with_product(prec: int) -> tuple[arb, arb, arb]:
    """``(alpha_01, lambda_01, alpha_01*lambda_01)`` as balls at ``prec`` bits."""
    alpha, lam = constant_balls(prec)
    with ctx.workprec(prec):
        return alpha, lam, alpha * lam


def ball_to_fraction_bounds(x: arb) -> tuple[Fraction, Fraction]:
    """Exact rational lower and upper ends of a finite ball (see ``kernel.exact.ball_ends``)."""
    return ball_ends(x)


def _ndigits(n: int) -> int:
    """Number of decimal digits of a positive integer (no str() size limit)."""
    return len(fmpz(n).str())


def _round_sig(q: Fraction, digits: int) -> tuple[int, int]:
    """Round a positive rational to ``digits`` significant digits (half to even).

    Returns ``(mantissa, exponent)`` with value ``mantissa * 10**exponent``.
    """
    if q <= 0:
        raise ValueError("positive values only")
    e = exp10(q) - digits + 1
    scaled = q / Fraction(10) ** e
    n = round(scaled)  # Fraction rounds half to even
    if _ndigits(n) > digits:  # 9.99 -> 10.0
        e += 1
        n = round(q / Fraction(10) ** e)
    return int(n), e


def round_ball(x: arb, digits: int) -> str | None:
    """``x`` correctly rounded to ``digits`` significant digits, if the ball decides it.

    Returns ``None`` when the two ends of the ball round differently (more
    precision is needed).  Positive balls only.
    """
    lo, hi = ball_to_fraction_bounds(x)
    if lo <= 0:
        return None
    r_lo, r_hi = _round_sig(lo, digits), _round_sig(hi, digits)
    if r_lo != r_hi:
        return None
    n, e = r_lo
    s = fmpz(n).str()
    point = len(s) + e
    if point <= 0:
        return "0." + "0" * (-point) + s
    if point >= len(s):
        return s + "0" * (point - len(s))
    return s[:point] + "." + s[point:]


def constant_digits(digits: int = 30) -> dict[str, str]:
    """``alpha``, ``lambda`` and ``alpha_lambda`` with ``digits`` certified significant digits.

    Each string is the correct rounding (half to even) of the exact constant:
    the precision is raised until the whole arb enclosure rounds the same way.

    >>> constant_digits(20)["alpha"]
    '1.6732632423543772848'
    """
    if digits < 1:
        raise ValueError("digits must be at least 1")
    prec = int(digits * 3.33) + 64
    while True:
        alpha, lam, prod = _with_product(prec)
        out = {"alpha": round_ball(alpha, digits), "lambda": round_ball(lam, digits),
               "alpha_lambda": round_ball(prod, digits)}
        if all(out.values()):
            return out  # type: ignore[return-value]
        prec *= 2


def _float_of(x: arb) -> float:
    lo, hi = ball_to_fraction_bounds(x)
    if float(lo) != float(hi):
        raise ArithmeticError("ball too wide to round to float64")
    return float(lo)


def _floats() -> tuple[float, float, float]:
    return tuple(_float_of(x) for x in _with_product(256))  # type: ignore[return-value]


#: ``alpha_01``, ``lambda_01`` and their product, correctly rounded to float64.
ALPHA_01, LAMBDA_01, ALPHA_LAMBDA_01 = _floats()
