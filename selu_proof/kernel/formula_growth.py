r"""Growth bounds of formulas by proved rules, node by node.

Trusted.  For a switch-free tree ``g`` on a region ``S`` of the real line (an interval
between kinks, :func:`selu_proof.kernel.formula.split`) each rule gives some of

* ``mag``:  :math:`|g(x)| \le P(|x|)\,e^{c|x|}` (``P`` with non-negative rational
  coefficients, ``c >= 0`` rational),
* ``up``:   :math:`g(x) \le u_0 + u_1|x|` (``u_1 >= 0``),
* ``dn``:   :math:`-g(x) \le d_0 + d_1|x|` (``d_1 >= 0``),

each valid for every real ``x`` in ``S``, with every constant an exact rational rounded
outward from a ball.  A division, ``log``, ``log1p``, ``sqrt`` or negative power is
accepted only when ``up``/``dn`` prove its argument away from zero (or above ``-1``) on
``S``; ``exp`` only of an argument with an ``up`` bound (at most affine growth upwards).
Without a rule the formula is refused with the subexpression and the reason
(:class:`~selu_proof.kernel.formula.ActivationError`): nothing is integrated with an
unproved tail.  Each rule's proof is the comment beside it; ``tests/test_formula.py``
checks the bounds far out.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from flint import acb, arb, ctx

from selu_proof.kernel.exact import ball, decimal_down, decimal_up, lower_fraction, upper_fraction
from selu_proof.kernel.formula import (
    ActivationError,
    Node,
    Region,
    compile_ball,
    formula_text,
    uses_x,
)

__all__ = ["Bound", "bound", "growth_of", "MAX_DEGREE"]

#: highest degree of a growth polynomial ``P`` (nested powers would otherwise ask for
#: degrees such as ``16^4``: unbounded work for a short formula)
MAX_DEGREE = 64

Poly = tuple[Fraction, ...]
Lin = tuple[Fraction, Fraction]


@dataclass(frozen=True)
class Bound:
    """What the rules prove about one subexpression on one region (see the module)."""

    mag: tuple[Poly, Fraction] | None
    up: Lin | None
    dn: Lin | None


def _round(x: arb, up: bool, what: str) -> Fraction:
    """An end of ``x`` rounded outward to 9 significant decimals (small exact rationals)."""
    q = upper_fraction(x) if up else lower_fraction(x)
    if q is None or abs(q) > 10**30:
        raise ActivationError(f"formula: a bound of {what} is too large")
    return _decimal(q, up, 9)


def _decimal(q: Fraction, up: bool, digits: int) -> Fraction:
    return Fraction(decimal_up(q, digits) if up else decimal_down(q, digits)) if q else q


def _fn(q: Fraction, f: str, up: bool, what: str) -> Fraction:
    """``f(q)`` (``exp``, ``log``, ``sqrt``) rounded up or down to a rational."""
    with ctx.workprec(64):
        return _round(getattr(ball(q), f)(), up, what)


def _padd(p: Poly, q: Poly) -> Poly:
    n = max(len(p), len(q))
    return tuple((p[i] if i < len(p) else 0) + (q[i] if i < len(q) else 0) for i in range(n))


def _degree(d: int, what: str) -> None:
    if d > MAX_DEGREE:
        raise ActivationError(f"formula: the growth bound of {what} has degree {d}, above "
                              f"{MAX_DEGREE}")


def _pmul(p: Poly, q: Poly) -> Poly:
    out = [Fraction(0)] * (len(p) + len(q) - 1)
    for i, c in enumerate(p):
        for j, d in enumerate(q):
            out[i + j] += c * d
    return tuple(out)


def _pmax(p: Poly, q: Poly) -> Poly:
    n = max(len(p), len(q))
    return tuple(max(p[i] if i < len(p) else 0, q[i] if i < len(q) else 0) for i in range(n))


def _linear(m: tuple[Poly, Fraction] | None) -> Lin | None:
    """``|g| <= a + b|x|`` from a magnitude bound of degree <= 1 and rate 0."""
    if m is None or m[1] != 0:
        return None
    p = m[0]
    while len(p) > 2 and p[-1] == 0:  # |x|^2 with coefficient 0 is no term
        p = p[:-1]
    if len(p) > 2:
        return None
    p = (*p, Fraction(0))
    return p[0], p[1]


def _fill(mag: tuple[Poly, Fraction] | None, up: Lin | None, dn: Lin | None) -> Bound:
    # |g| = max(g, -g) <= max(u0, d0, 0) + max(u1, d1)|x|; and g, -g <= |g|
    if up is not None and dn is not None:
        lin = ((max(up[0], dn[0], Fraction(0)), max(up[1], dn[1])), Fraction(0))
        # both are bounds of |g|: take the one-sided one where it is nowhere larger
        # (coefficient by coefficient, rate 0), e.g. 0 <= 1 - tanh(x)^2 <= 1 gives 1, not 2
        if mag is None or mag[1] > 0 or len(mag[0]) > 2 or \
                all(c <= d for c, d in zip(lin[0], (*mag[0], Fraction(0)))):
            mag = lin
    lin2 = _linear(mag)
    return Bound(mag, up if up is not None else lin2, dn if dn is not None else lin2)


def _scale(b: Bound, q: Fraction) -> Bound:
    """``q*g`` for an exact rational ``q``: ``q >= 0`` keeps up/dn, ``q < 0`` swaps them."""
    def s(lin: Lin | None) -> Lin | None:
        return None if lin is None else (abs(q) * lin[0], abs(q) * lin[1])
    mag = None if b.mag is None else (tuple(abs(q) * c for c in b.mag[0]), b.mag[1])
    up, dn = (s(b.up), s(b.dn)) if q >= 0 else (s(b.dn), s(b.up))
    return _fill(mag, up, dn)


def _away(b: Bound) -> Fraction | None:
    """``m > 0`` with ``|g| >= m`` on the region (``g >= m`` or ``g <= -m``), if proved."""
    if b.dn is not None and b.dn[1] == 0 and b.dn[0] < 0:
        return -b.dn[0]
    if b.up is not None and b.up[1] == 0 and b.up[0] < 0:
        return -b.up[0]
    return None


def _positive(b: Bound) -> Fraction | None:
    """``m > 0`` with ``g >= m`` on the region, if proved."""
    return -b.dn[0] if b.dn is not None and b.dn[1] == 0 and b.dn[0] < 0 else None


_BOUNDED = {  # (up, dn) for functions bounded on the real line whatever their argument
    "tanh": (1, 1),             # |tanh y| < 1
    "sigmoid": (1, 0),          # 0 < 1/(1 + e^-y) < 1
    "erf": (1, 1),              # |erf y| < 1
    "erfc": (2, 0),             # 0 < erfc y < 2
    "atan": (Fraction(1571, 1000), Fraction(1571, 1000)),  # |atan y| < pi/2 < 1.571
}


def _real_constant(n: Node) -> acb:
    """The ball of a subexpression without ``x``, refused unless it and every subexpression
    of it is a finite real number: a real activation computes each step in the reals
    (``sqrt(pi - 4)**2`` is real only through an imaginary step, which the float twins
    compute as NaN).
    """
    for c in n.args:
        _real_constant(c)
    with ctx.workprec(64):
        y = compile_ball(n)(acb(0), True)
    if not (y.is_finite() and y.imag.is_zero()):
        raise ActivationError(f"formula: {formula_text(n)} is not a finite real number")
    return y


@lru_cache(maxsize=4096)
def bound(n: Node, region: Region) -> Bound:
    """The bounds of a switch-free tree ``n`` on ``region`` (raises
    :class:`~selu_proof.kernel.formula.ActivationError` where no rule applies).
    """
    op = n.op
    lo, hi = region
    if op == "x":
        # x <= hi on the region (or x <= |x|); -x <= -lo (or -x <= |x|)
        up = (hi, Fraction(0)) if hi is not None else (Fraction(0), Fraction(1))
        dn = (-lo, Fraction(0)) if lo is not None else (Fraction(0), Fraction(1))
        return _fill(None, up, dn)
    if op == "num" or not uses_x(n):
        # a number is itself; any other subexpression without x is a real constant, whose
        # ball (evaluated as a complex ball, refused unless exactly real) encloses it
        if op == "num":
            qlo = qhi = n.value
        else:
            y = _real_constant(n)
            qlo, qhi = _round(y.real, False, formula_text(n)), _round(y.real, True,
                                                                       formula_text(n))
        return _fill(((max(abs(qlo), abs(qhi)),), Fraction(0)), (qhi, Fraction(0)),
                     (-qlo, Fraction(0)))
    bs = [bound(c, region) for c in n.args]
    b = bs[0]
    what = formula_text(n)
    if op == "neg":
        return Bound(b.mag, b.dn, b.up)
    if op in ("add", "sub"):
        c = bs[1] if op == "add" else Bound(bs[1].mag, bs[1].dn, bs[1].up)
        # triangle inequality; P1 e^{c1|x|} + P2 e^{c2|x|} <= (P1 + P2) e^{max(c1,c2)|x|}
        mag = None if b.mag is None or c.mag is None else \
            (_padd(b.mag[0], c.mag[0]), max(b.mag[1], c.mag[1]))
        up = None if b.up is None or c.up is None else (b.up[0] + c.up[0], b.up[1] + c.up[1])
        dn = None if b.dn is None or c.dn is None else (b.dn[0] + c.dn[0], b.dn[1] + c.dn[1])
        return _need(_fill(mag, up, dn), what)
    if op == "mul":
        for k in (0, 1):  # an exact rational factor scales the bounds
            if n.args[k].op == "num":
                return _need(_scale(bs[1 - k], n.args[k].value), what)
        # |gh| = |g||h| <= P1 P2 e^{(c1 + c2)|x|}
        if b.mag is not None and bs[1].mag is not None:
            _degree(len(b.mag[0]) + len(bs[1].mag[0]) - 2, what)
        mag = None if b.mag is None or bs[1].mag is None else \
            (_pmul(b.mag[0], bs[1].mag[0]), b.mag[1] + bs[1].mag[1])
        return _need(_fill(mag, None, None), what)
    if op == "div":
        den = n.args[1]
        if den.op == "num" and den.value != 0:
            return _need(_scale(b, 1 / den.value), what)
        m = _away(bs[1])
        if m is None:
            raise ActivationError(f"formula: division by {formula_text(den)}, which is not "
                                  f"proved away from zero{_on(region)}")
        # |g/h| <= |g|/m
        mag = None if b.mag is None else (tuple(c / m for c in b.mag[0]), b.mag[1])
        return _need(_fill(mag, None, None), what)
    if op == "pow":
        k = n.value
        if k == 0:
            return bound(Node("num", (), Fraction(1)), region)
        m = _away(b)
        if k < 0:
            if m is None:
                raise ActivationError(f"formula: negative power of {formula_text(n.args[0])}, "
                                      f"which is not proved away from zero{_on(region)}")
            # |g^k| = |g|^-|k| <= m^-|k|
            return _fill(((m ** k,), Fraction(0)), None, None)
        mag = None
        if b.mag is not None:  # |g|^k <= P^k e^{k c|x|}
            _degree(k * (len(b.mag[0]) - 1), what)
            p: Poly = (Fraction(1),)
            for _ in range(k):
                p = _pmul(p, b.mag[0])
            mag = (p, k * b.mag[1])
        up = dn = None
        if m is not None and (k % 2 == 0 or _positive(b) is not None):
            dn = (-(m ** k), Fraction(0))  # |g| >= m, g^k = |g|^k (even k or g > 0) >= m^k
        elif k % 2 == 0:
            dn = (Fraction(0), Fraction(0))  # g^k >= 0 for even k
        elif m is not None:
            up = (-(m ** k), Fraction(0))  # g <= -m, k odd: g^k <= -m^k
        return _need(_fill(mag, up, dn), what)
    return _need(_function(op, b, region, what), what)


def _function(op: str, b: Bound, region: Region, what: str) -> Bound:
    zero, one = Fraction(0), Fraction(1)
    if op in _BOUNDED:
        u, d = (Fraction(t) for t in _BOUNDED[op])
        return _fill(((max(u, d),), zero), (u, zero), (d, zero))
    if op in ("exp", "expm1"):
        if b.up is None:
            raise ActivationError(f"formula: no growth rule for {what}: its argument is not "
                                  f"bounded above by an affine function of |x|{_on(region)}")
        u0, u1 = b.up
        e = _fn(u0, "exp", True, what)
        if op == "exp":
            # 0 < e^g <= e^{u0} e^{u1|x|}
            return _fill(((e,), u1), (e, zero) if u1 == 0 else None, (zero, zero))
        # -1 < e^g - 1 <= e^g: |expm1 g| <= max(1, e^{u0}) e^{u1|x|}
        return _fill(((max(one, e),), u1), (e - 1, zero) if u1 == 0 else None, (one, zero))
    if op in ("log", "log1p", "sqrt"):
        shift = one if op == "log1p" else zero  # log1p(g) = log(1 + g)
        if op == "log1p":  # 1 + g >= 1 - d0 > 0
            ok = b.dn is not None and b.dn[1] == 0 and b.dn[0] < 1
            m = one - b.dn[0] if ok else None  # type: ignore[index]
        else:
            m = _positive(b)
        if m is None:
            least = "-1" if op == "log1p" else "0"
            raise ActivationError(f"formula: {what} needs its argument proved above {least}"
                                  f"{_on(region)}")
        if b.mag is None:
            raise ActivationError(f"formula: no growth rule for {what}")
        p, c = b.mag
        if op == "sqrt":
            # sqrt(y) <= (1 + y)/2 (AM-GM); (1 + P e^{c|x|})/2 <= ((1 + P)/2) e^{c|x|}
            mag = (tuple(t / 2 for t in _padd((one,), p)), c)
            up = None if b.up is None else ((1 + b.up[0]) / 2, b.up[1] / 2)
            return _fill(mag, up, (-_fn(m, "sqrt", False, what), zero))  # sqrt(g) >= sqrt(m)
        # 1 + g <= S (1 + |x|)^d e^{c|x|}, S = shift + sum P, d = deg P (|x|^k <= (1+|x|)^d);
        # log(1 + t) <= t  =>  log(1 + g) <= log S + (d + c)|x|;  log(1 + g) >= log m
        s = shift + sum(p)
        up = (_fn(s, "log", True, what), Fraction(len(p) - 1) + c)
        return _fill(None, up, (-_fn(m, "log", False, what), zero))
    if op == "softplus":
        if b.mag is None:
            raise ActivationError(f"formula: no growth rule for {what}")
        # 0 < log(1 + e^y) <= log 2 + max(y, 0) <= log 2 + |y|
        l2 = _fn(Fraction(2), "log", True, what)
        mag = (_padd((l2,), b.mag[0]), b.mag[1])
        up = None if b.up is None else (l2 + max(b.up[0], zero), b.up[1])
        return _fill(mag, up, (zero, zero))
    if op == "asinh":
        # asinh is odd and increasing with |asinh y| <= |y|: asinh y <= max(y, 0)
        def pos(lin: Lin | None) -> Lin | None:
            return None if lin is None else (max(lin[0], zero), lin[1])
        return _fill(b.mag, pos(b.up), pos(b.dn))
    raise ActivationError(f"formula: no growth rule for {what}")


def _on(region: Region) -> str:
    lo, hi = region
    if lo is None and hi is None:
        return ""
    return f" on ({'-inf' if lo is None else lo}, {'inf' if hi is None else hi})"


def _need(b: Bound, what: str) -> Bound:
    if b.mag is None:
        raise ActivationError(f"formula: no growth rule for {what}")
    return b


def growth_of(pieces: list[tuple[Region, Node]]) -> tuple[Poly, Fraction]:
    """A bound ``|g(x)| <= P(|x|) e^{c|x|}`` on the whole line from the pieces' bounds
    (coefficient-wise maximum: each piece's bound holds on its region).
    """
    p: Poly = (Fraction(0),)
    c = Fraction(0)
    for region, tree in pieces:
        m = bound(tree, region).mag
        assert m is not None
        p, c = _pmax(p, m[0]), max(c, m[1])
    # rounded up to 6 significant decimals: a larger bound is still a bound, and a
    # certificate records it as an exact decimal
    while len(p) > 1 and p[-1] == 0:
        p = p[:-1]
    return tuple(_decimal(t, True, 6) for t in p), _decimal(c, True, 6)
