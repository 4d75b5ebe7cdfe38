"""Ball primitives used by the generated arb code.

Monotone functions are evaluated at the two ends of a ball and the results
joined (``exp`` and ``sqrt`` increase, ``erfc`` and ``erfcx`` decrease), which
is tight up to rounding, where arb's own evaluation of a wide ball may
overestimate.  ``erfcx(x) = exp(x**2)*erfc(x)`` is evaluated at exact points,
where arb's ``erfc`` has small relative error even in the far tail.
"""

from __future__ import annotations

from flint import arb, ctx

__all__ = ["ctx", "exp", "erfc", "erf", "erfcx", "sqrt", "sqrt_nonneg", "square",
           "absolute", "hull", "ipow", "block"]


def hull(lo: arb, hi: arb) -> arb:
    """Smallest ball (up to rounding) containing the balls ``lo`` and ``hi``."""
    return lo.union(hi)


def _ball(x) -> arb:
    return x if type(x) is arb else arb(x)


def _ends(x: arb) -> tuple[arb, arb]:
    return x.lower(), x.upper()


def exp(x: arb) -> arb:
    """``exp`` on a ball, from its two ends (exp is increasing)."""
    x = _ball(x)
    if x.is_exact():
        return x.exp()
    lo, hi = _ends(x)
    return hull(lo.exp(), hi.exp())


def erfc(x: arb) -> arb:
    """``erfc`` on a ball, from its two ends (erfc is decreasing)."""
    x = _ball(x)
    if x.is_exact():
        return x.erfc()
    lo, hi = _ends(x)
    return hull(hi.erfc(), lo.erfc())


def erf(x: arb) -> arb:
    """``erf`` on a ball, from its two ends (erf is increasing)."""
    x = _ball(x)
    if x.is_exact():
        return x.erf()
    lo, hi = _ends(x)
    return hull(lo.erf(), hi.erf())


def _erfcx_point(p: arb) -> arb:
    return (p * p).exp() * p.erfc()


def erfcx(x: arb) -> arb:
    """Scaled ``erfc`` on a ball: decreasing, so the hull of ``erfcx(hi)``, ``erfcx(lo)``."""
    x = _ball(x)
    if x.is_exact():
        return _erfcx_point(x)
    lo, hi = _ends(x)
    return hull(_erfcx_point(hi), _erfcx_point(lo))


def sqrt(x: arb) -> arb:
    """``sqrt`` on a ball (NaN if the ball reaches below zero)."""
    x = _ball(x)
    if x.is_exact():
        return x.sqrt()
    lo, hi = _ends(x)
    return hull(lo.sqrt(), hi.sqrt())


def sqrt_nonneg(x: arb) -> arb:
    """``sqrt(max(x, 0))`` for an argument known to be mathematically nonnegative."""
    x = _ball(x)
    return sqrt(x.nonnegative_part())


def square(x: arb) -> arb:
    """``x**2`` as ``[min |x|, max |x|]**2`` (tight when ``x`` contains zero)."""
    x = _ball(x)
    if x.is_exact():
        return x * x
    lo, hi = x.abs_lower(), x.abs_upper()
    return hull(lo * lo, hi * hi)


def ipow(x: arb, n: int) -> arb:
    """``x**n`` for an integer ``n >= 1``, tight on balls of any sign.

    (python-flint's ``x ** n`` goes through ``exp(n log x)`` and is NaN when the
    ball reaches zero or below.)  Odd powers increase, so they are evaluated
    at the two ends; even powers at the ends of ``|x|``.
    """
    x = _ball(x)
    if n == 1:
        return x
    if n == 2:
        return square(x)

    def pw(p: arb) -> arb:
        r = p
        for _ in range(n - 1):
            r = r * p
        return r

    if x.is_exact():
        return pw(x)
    if n % 2:
        lo, hi = _ends(x)
        return hull(pw(lo), pw(hi))
    return hull(pw(x.abs_lower()), pw(x.abs_upper()))


#: enclosures already computed, by (block, exact a, exact v, precision); bounded
_MEMO: dict[tuple, arb] = {}
_MEMO_SIZE = 1 << 16


def _exact_key(x: arb) -> tuple:
    """The ball ``x`` exactly: midpoint and radius as (mantissa, exponent) pairs."""
    return x.mid().man_exp() + x.rad().man_exp()


def block(fns: tuple, a: arb, v: arb) -> arb:
    """Enclosure of a Gaussian block ``f(a, v)`` over the balls ``a``, ``v``.

    The same block on the same balls at the same precision gives the same
    ball, so results are remembered (the checker and the prover meet the same
    ``(a, v)`` in the value and the gradient of a goal, and in several goals
    over one domain); see :func:`_block` for the enclosure itself.
    """
    a, v = _ball(a), _ball(v)
    key = (fns, _exact_key(a), _exact_key(v), ctx.prec)
    out = _MEMO.get(key)
    if out is None:
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.clear()
        out = _MEMO[key] = _block(fns, a, v)
    return out


def _block(fns: tuple, a: arb, v: arb) -> arb:
    """Enclosure of a Gaussian block ``f(a, v)`` over the balls ``a``, ``v``.

    ``fns = (value, value_and_gradient)`` are the block's generated arb
    functions.  Where a partial derivative has a certain sign on the box, the
    extremes lie at the corresponding ends, so ``f`` is evaluated there (at
    points, or on the other variable's ball); otherwise the mean-value form
    with the same partials is intersected with the direct evaluation.  The signs
    are taken on the box spanned by the exact ends used, which contains the
    balls, so every evaluated point is inside the box where the sign holds.
    """
    value, grad = fns
    a, v = _ball(a), _ball(v)
    if a.is_exact() and v.is_exact():
        return value(a, v)[0]
    a_lo, a_hi = (a, a) if a.is_exact() else _ends(a)
    v_lo, v_hi = (v, v) if v.is_exact() else _ends(v)
    a_box, v_box = hull(a_lo, a_hi), hull(v_lo, v_hi)
    direct, da, dv = grad(a_box, v_box)

    def order(lo: arb, hi: arb, d: arb) -> tuple[arb, arb] | None:
        if lo is hi:
            return lo, hi
        if d >= 0:
            return lo, hi
        if d <= 0:
            return hi, lo
        return None

    oa, ov = order(a_lo, a_hi, da), order(v_lo, v_hi, dv)
    if oa is not None and ov is not None:
        return hull(value(oa[0], ov[0])[0], value(oa[1], ov[1])[0])
    # mean-value form f(c) + f_a (a - c_a) + f_v (v - c_v), intersected with the others
    ca, cv = a_box.mid(), v_box.mid()
    out = _meet(direct, value(ca, cv)[0] + da * (a_box - ca) + dv * (v_box - cv))
    if oa is not None:
        out = _meet(out, hull(value(oa[0], v_box)[0], value(oa[1], v_box)[0]))
    if ov is not None:
        out = _meet(out, hull(value(a_box, ov[0])[0], value(a_box, ov[1])[0]))
    return out


def _meet(x: arb, y: arb) -> arb:
    """Intersection of two enclosures of the same value (either may be non-finite)."""
    if not x.is_finite():
        return y
    if not y.is_finite():
        return x
    return x.intersection(y)


def absolute(x: arb) -> arb:
    """``|x|`` on a ball."""
    x = _ball(x)
    return hull(x.abs_lower(), x.abs_upper())
