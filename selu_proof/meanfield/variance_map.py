r"""Where the variance maps of an activation have no positive fixed point, proved.

For ``F = lambda*(f - beta)`` (a catalogue ``f``) and ``tau > 0`` two maps of a variance
``v`` of the pre-activation ``z ~ N(0, v)`` decide the mean field at ``omega = 0``:

* the centred variance map ``nu -> nu~ = Var F(z)``, ``v = nu*tau`` (the moment map of
  the paper with ``omega = 0``: the mean does not feed back);
* the map of the i.i.d.-weights kernel ``q -> q~ = tau E[F(z)^2]``, ``v = q``.

Both have the form ``v/tau_v -> tau M(v)/tau_v`` and the sign of ``map - identity`` is
the sign of ``R(v) - 1``, ``R(v) = tau M(v)/v`` (``M = Var F`` or ``E F^2``).  When no
Krawczyk-certified fixed point is found, this module proves what holds instead:

* ``nu = 0`` is always a fixed point of the centred map (a constant pre-activation has
  variance 0; the mean there is ``F(0)``), and ``q = 0`` of the other one when
  ``F(0) = 0``.  With ``F(y) = F(0) + y Q(y)`` and ``l, r`` the derivatives of ``F`` at
  ``0`` from the left and the right (equal unless ``0`` is a kink), the slope of the map
  at ``0`` is ``tau((l^2 + r^2)/2 - (r - l)^2/(2 pi))`` (centred) or
  ``tau (l^2 + r^2)/2`` (the limit of ``R`` as ``v -> 0``: :func:`slope_at_zero`);
* the sign of ``R - 1`` on ``(0, V]`` by branch and bound (:func:`exclude`): on boxes
  ``[lo, hi]`` of ``v`` from certified quadrature (``R`` over the box, and its mean-value
  form), on ``(0, v_0]`` from ``F(sx) = F(0) + s x Q(sx)``, ``s = sqrt(v)``, with
  ``Q(sx)`` in the hull of ``F'`` between ``0`` and ``s_0 x`` (``F`` is continuous and
  piecewise smooth, so ``Q`` is an average of ``F'``), on cells of ``x``, with Gaussian
  tails from the growth bound of ``F'``;
* a global bound first (Gaussian Poincare inequality): ``Var F(z) <= v E[F'(z)^2]``, so
  ``R <= tau sup F'^2`` for the centred map, for every mean of ``z``, and for the other
  map when ``F(0) = 0`` (``|F(z)| <= sup|F'| |z|``).

A fixed point is excluded only where the sign is certified; a box left undecided is
reported, never assumed.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from flint import acb, arb, ctx

from selu_proof.fixedpoint.scaled import Scaled
from selu_proof.kernel.activations import Growth
from selu_proof.kernel.exact import ball, fraction_str, upper_fraction
from selu_proof.kernel.quadrature import (
    gaussian_expectation_complex,
    gaussian_tail_bound,
    linear_growth,
)

__all__ = ["SEARCH_VAR", "Exclusion", "slope_at_zero", "poincare_bound", "exclude"]

#: the variances searched, ``(0, SEARCH_VAR]`` (of ``nu`` or ``q``)
SEARCH_VAR = Fraction(100)
#: below this variance only the expansion at 0 is tried
MIN_VAR = Fraction(1, 2**40)
#: box evaluations allowed to the branch and bound
MAX_BOXES = 96
#: a box narrower than this fraction of its upper end is left undecided, not split
GAP = Fraction(1, 1024)
#: cells of ``x`` on ``[-T, T]`` in the expansion at 0 (unit width) and ``T``
_T = 10


@dataclass
class Exclusion:
    """The sign of ``map - identity`` on ``(0, V]``, as far as it is certified.

    ``sign``: ``"below"`` (the map is below the identity: variances shrink), ``"above"``
    (they grow) or ``None``.  ``proved_from``: the certified sign holds on
    ``[proved_from, V]`` (``0``: on all of ``(0, V]``); ``None`` when nothing was
    proved.  ``sign_change``: two points with certified opposite signs, between which a
    fixed point exists (not certified unique).  ``reason``: why the search stopped short.
    """

    search_var: Fraction
    sign: str | None = None
    proved_from: Fraction | None = None
    everywhere: bool = False
    sign_change: tuple[Fraction, Fraction] | None = None
    reason: str = ""
    boxes: int = 0

    @property
    def none(self) -> bool:
        """No fixed point with variance in ``(0, V]`` (all of it certified)."""
        return self.sign is not None and self.proved_from == 0 and self.sign_change is None

    def statement(self, name: str) -> str:
        """One sentence on what is proved, ``name`` the variable (``nu`` or ``q``)."""
        grow = {"below": f"{name}~ < {name}: variances shrink",
                "above": f"{name}~ > {name}: variances grow"}
        if self.everywhere and self.sign is not None:
            return f"no fixed point with {name} > 0 (proved: {grow[self.sign]} for all {name} > 0)"
        v = fraction_str(self.search_var)
        if self.none:
            return f"no fixed point in (0, {v}] (proved: {grow[self.sign]} there)"
        if self.sign_change is not None:
            a, b = (fraction_str(x) for x in self.sign_change)
            return (f"a fixed point exists with {name} in [{a}, {b}] ({name}~ - {name} changes "
                    "sign), not certified unique")
        if self.sign is not None and self.proved_from is not None:
            lo = fraction_str(self.proved_from)
            return (f"no fixed point in [{lo}, {v}] (proved: {grow[self.sign]} there); "
                    f"(0, {lo}) undecided: {self.reason}")
        return f"no fixed point proved or excluded in (0, {v}]: {self.reason}"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"searched": ["0", fraction_str(self.search_var)], "sign": self.sign,
                "proved_from": None if self.proved_from is None
                else fraction_str(self.proved_from),
                "for_all_positive": self.everywhere,
                "sign_change": None if self.sign_change is None
                else [fraction_str(x) for x in self.sign_change],
                "none_in_range": self.none, "reason": self.reason, "boxes": self.boxes}


def _one_sided(sc: Scaled) -> tuple[arb, arb]:
    """``(F'(0-), F'(0+))`` (equal unless ``0`` is a kink)."""
    left = right = None
    for p in sc.act.pieces:
        if (p.lo is None or p.lo < 0) and (p.hi is None or p.hi >= 0):
            left = p.derivative(acb(0), False).real
        if (p.lo is None or p.lo <= 0) and (p.hi is None or p.hi > 0):
            right = p.derivative(acb(0), False).real
    assert left is not None and right is not None, "pieces cover the real line"
    return sc.lam * left, sc.lam * right


def value_at_zero(sc: Scaled) -> arb:
    """``F(0)`` (the mean at the trivial fixed point ``nu = 0`` of the centred map)."""
    return sc.lam * (sc.act.value(arb(0)) - sc.beta)


def slope_at_zero(sc: Scaled, tau: arb, centred: bool) -> arb:
    """Slope at ``v = 0`` of the centred variance map (``centred``) or of the q-map
    (which has the fixed point ``q = 0`` only when ``F(0) = 0``): the module docstring.
    """
    left, right = _one_sided(sc)
    second = (left * left + right * right) / 2
    if not centred:
        return tau * second
    d = right - left
    return tau * (second - d * d / (2 * arb.pi()))


#: what refuses a growth bound not of the form A + B|x| (:func:`linear_growth`)
_NEEDED_BY = "the scaled variance map"


def poincare_bound(sc: Scaled) -> arb | None:
    """``sup |F'|^2`` on the real line from the proved growth bound, when it is bounded."""
    g = sc.act.derivative_growth
    if g.threshold != 0 or g.rate != 0 or any(c != 0 for c in g.coeffs[1:]):
        return None
    a = abs(sc.lam) * ball(g.coeffs[0])
    return a * a


def _derivative_hull(sc: Scaled, lo: Fraction, hi: Fraction) -> arb:
    """An enclosure of ``F'`` on ``[lo, hi]`` (the union over the pieces it meets)."""
    out = None
    for p in sc.act.pieces:
        a = lo if p.lo is None else max(lo, p.lo)
        b = hi if p.hi is None else min(hi, p.hi)
        if a > b or (a == b and lo != hi):
            continue
        x = ball(a).union(ball(b))
        y = p.derivative(acb(x), False).real
        out = y if out is None else out.union(y)
    assert out is not None
    return sc.lam * out


def _cells(a: int, b: int) -> tuple[arb, arb, arb]:
    r"""``(\int_a^b phi, \int_a^b x phi, \int_a^b x^2 phi)``, ``phi`` the standard density."""
    r2 = arb(2).sqrt()
    phi_a, phi_b = ((-arb(t * t) / 2).exp() / (2 * arb.pi()).sqrt() for t in (a, b))
    p0 = ((arb(b) / r2).erf() - (arb(a) / r2).erf()) / 2
    return p0, phi_a - phi_b, p0 + a * phi_a - b * phi_b


def _expansion(sc: Scaled, s0: Fraction) -> tuple[arb, arb]:
    """Enclosures of ``E[x Q(sx)]`` and ``E[x^2 Q(sx)^2]`` over all ``0 < s <= s0``,
    ``x ~ N(0, 1)`` (cells of unit width on ``[-T, T]``, tails from the growth of ``F'``).
    """
    e1, e2 = arb(0), arb(0)
    for k in range(-_T, _T):
        y = s0 * (k if k < 0 else k + 1)  # the far end of the cell, scaled
        q = _derivative_hull(sc, min(Fraction(0), y), max(Fraction(0), y))
        _, m1, m2 = _cells(k, k + 1)
        e1 += q * m1
        e2 += abs(q) * abs(q) * m2
    c0, c1 = linear_growth(sc.act.derivative_growth, _NEEDED_BY)
    lam = abs(sc.lam)
    a, b = lam * ball(c0), lam * ball(c1) * ball(s0)  # |Q(sx)| <= a + b|x|
    t1 = gaussian_tail_bound([arb(0), a, b], arb(0), arb(1), arb(_T))
    t2 = gaussian_tail_bound([arb(0), arb(0), a * a, 2 * a * b, b * b], arb(0), arb(1), arb(_T))
    return e1 + arb(0, t1.upper()), e2 + arb(0, t2.upper())


def _near_zero_sign(sc: Scaled, tau: arb, centred: bool, v0: Fraction) -> str | None:
    """The certified sign of ``map - identity`` on ``(0, v0]`` (``None``: undecided)."""
    s0 = _sqrt_up(v0)
    e1, e2 = _expansion(sc, s0)
    if centred:
        r = tau * (e2 - e1 * e1)
        return "below" if r < 1 else "above" if r > 1 else None
    f0 = value_at_zero(sc)
    if f0.is_zero():
        r = tau * e2
        return "below" if r < 1 else "above" if r > 1 else None
    # tau E F^2 - v = tau F0^2 + 2 tau F0 s E[xQ] + s^2 (tau E[x^2 Q^2] - 1), 0 < s <= s0
    s = arb(0).union(ball(s0))
    d = tau * f0 * f0 + 2 * tau * f0 * s * e1 + s * s * (tau * e2 - 1)
    return "above" if d > 0 else "below" if d < 0 else None


def _sqrt_up(v: Fraction) -> Fraction:
    """A rational at least ``sqrt(v)`` (``v > 0``)."""
    from math import isqrt

    n, d = v.numerator, v.denominator
    scale = 2 ** max(0, 60 - (n * d).bit_length() // 2)  # about 60 significant bits
    return Fraction(isqrt(n * d * scale * scale) + 1, d * scale)


def _smooth_splits(sc: Scaled) -> set[Fraction]:
    """The split points where consecutive pieces share their formulas (no kink)."""
    ps = sc.act.pieces
    return {p.hi for p, q in zip(ps, ps[1:])  # type: ignore[misc]
            if p.value is q.value and p.derivative is q.derivative}


def _pieces_at_zero(sc: Scaled) -> list[tuple[Fraction | None, Fraction | None, Any, Any]]:
    """The pieces of ``F``, those sharing their formulas merged (splits that are no kink,
    e.g. gelu's at -2 and 2); ``ValueError`` unless every remaining kink is ``0``.
    """
    out: list[tuple[Fraction | None, Fraction | None, Any, Any]] = []
    for p in sc.act.pieces:
        if out and out[-1][2] is p.value and out[-1][3] is p.derivative:
            out[-1] = (out[-1][0], p.hi, p.value, p.derivative)
        else:
            out.append((p.lo, p.hi, p.value, p.derivative))
    if any(hi not in (None, 0) for _, hi, _, _ in out):
        raise ValueError("the scaled variance map needs kinks at 0 only")
    return out


def _scaled(sc: Scaled, s: arb) -> tuple[arb, arb, arb, arb]:
    """``(E F(sx), E F(sx)^2, E[x F'(sx)], E[2x F(sx) F'(sx)])``, ``x ~ N(0, 1)``, over the
    ball ``s > 0`` (the last two are the ``s``-derivatives of the first two).  The density
    is exact and ``s`` enters only through ``F``: the enclosures widen linearly with the
    radius of ``s``, not exponentially as with a variance ball.
    """
    lam, beta = sc.lam, sc.beta
    i = acb(0, 1)
    pieces_m, pieces_d = [], []
    for lo, hi, val, der in _pieces_at_zero(sc):
        def fm(x: acb, an: bool, val: Any = val) -> acb:
            y = lam * (val(s * x, an) - beta)
            return y + i * (y * y)

        def fd(x: acb, an: bool, val: Any = val, der: Any = der) -> acb:
            y, dy = lam * (val(s * x, an) - beta), lam * der(s * x, an)
            return x * dy + i * (2 * x * y * dy)
        pieces_m.append((lo, hi, fm))
        pieces_d.append((lo, hi, fd))
    g, dg = sc.act.growth, sc.act.derivative_growth
    lam_hi, s_hi = _up(abs(lam)), _up(s)
    beta_hi = _up(abs(beta))
    (c0, c1), (d0, d1) = linear_growth(g, _NEEDED_BY), linear_growth(dg, _NEEDED_BY)
    f_g = Growth(Fraction(0), (lam_hi * (c0 + beta_hi), lam_hi * c1 * s_hi))
    xd_g = Growth(Fraction(0), (Fraction(0), lam_hi * d0, lam_hi * d1 * s_hi))
    both = _sum(f_g, f_g.times(f_g))
    both_d = _sum(xd_g, Growth(Fraction(0), tuple(2 * c for c in f_g.times(xd_g).coeffs)))
    one, zero = arb(1), acb(0)
    m = gaussian_expectation_complex(pieces_m, both, zero, one)
    d = gaussian_expectation_complex(pieces_d, both_d, zero, one)
    return m.real, m.imag, d.real, d.imag


def _up(x: arb) -> Fraction:
    q = upper_fraction(x)
    if q is None:
        raise ArithmeticError("ball is not finite")
    return q


def _sum(a: Growth, b: Growth) -> Growth:
    n = max(len(a.coeffs), len(b.coeffs))
    pad = [Fraction(0)] * n
    return Growth(max(a.threshold, b.threshold),
                  tuple(x + y for x, y in zip((list(a.coeffs) + pad)[:n],
                                              (list(b.coeffs) + pad)[:n])))


def _box_sign(sc: Scaled, tau: arb, centred: bool, lo: Fraction, hi: Fraction) -> str | None:
    """The certified sign of ``R - 1`` over ``v`` in ``[lo, hi]`` (``lo > 0``), with
    ``s = sqrt(v)``: ``R(s) = tau M/s^2`` over the box intersected with its mean-value form
    ``R(m) + R'(box)(box - m)``, ``R' = tau(M_s s - 2M)/s^3``.
    """
    s_lo, s_hi = _sqrt_down(lo), _sqrt_up(hi)
    box, m = ball(s_lo).union(ball(s_hi)), ball((s_lo + s_hi) / 2)

    def moment(s: arb) -> tuple[arb, arb]:
        m1, m2, d1, d2 = _scaled(sc, s)
        return (m2 - m1 * m1, d2 - 2 * m1 * d1) if centred else (m2, d2)

    mb, msb = moment(box)
    direct = tau * mb / (box * box)
    if direct < 1 or direct > 1:
        return "below" if direct < 1 else "above"
    mm, _ = moment(m)
    r = tau * mm / (m * m) + tau * (msb * box - 2 * mb) / (box * box * box) * (box - m)
    return "below" if r < 1 else "above" if r > 1 else None


def _sqrt_down(v: Fraction) -> Fraction:
    """A positive rational at most ``sqrt(v)`` (``v > 0``)."""
    from math import isqrt

    n, d = v.numerator, v.denominator
    scale = 2 ** max(0, 60 - (n * d).bit_length() // 2)  # about 60 significant bits
    return Fraction(isqrt(n * d * scale * scale), d * scale)


def exclude(sc: Scaled, tau: Fraction, centred: bool, search_var: Fraction = SEARCH_VAR,
            max_boxes: int = MAX_BOXES, mean_free: bool = True) -> Exclusion:
    """The sign of ``map - identity`` on ``(0, V]``, ``V = search_var`` (of ``nu`` for the
    centred map, of ``q`` for the other), by the Poincare bound, then branch and bound from
    ``V`` down (module docstring).  ``mean_free``: the pre-activation has mean 0
    (``omega = 0`` for the centred map); otherwise only the Poincare bound, which holds for
    every mean, is tried.

    >>> from flint import arb
    >>> from fractions import Fraction
    >>> from selu_proof.fixedpoint.scaled import Scaled
    >>> from selu_proof.kernel.activations import parse_activation
    >>> ex = exclude(Scaled(parse_activation("tanh"), arb(1), arb(0)), Fraction(1, 2), True)
    >>> ex.statement("nu")
    'no fixed point with nu > 0 (proved: nu~ < nu: variances shrink for all nu > 0)'
    """
    out = Exclusion(search_var)
    tb = ball(tau)
    sup = poincare_bound(sc)
    if sup is not None and (centred or value_at_zero(sc).is_zero()) and tb * sup < 1:
        out.sign, out.proved_from, out.everywhere = "below", Fraction(0), True
        return out
    if not mean_free:
        out.reason = ("tau*sup F'^2 < 1 does not hold, and the search below it covers "
                      "omega = 0 only")
        return out
    if any(k != 0 for k in sc.act.kinks if k not in _smooth_splits(sc)):
        out.reason = ("tau*sup F'^2 < 1 does not hold, and the search below it needs kinks "
                      "at 0 only (F(s x) keeps them in place)")
        return out
    with ctx.workprec(64):
        return _search(sc, tb, tau, centred, search_var, max_boxes, out)


def _search(sc: Scaled, tb: arb, tau: Fraction, centred: bool, search_var: Fraction,
            max_boxes: int, out: Exclusion) -> Exclusion:
    """The branch and bound of :func:`exclude`."""
    tv = tau if centred else Fraction(1)  # v = nu*tau (centred) or q
    done: list[tuple[Fraction, Fraction, str]] = []  # decided boxes, from the top down
    gap: list[int] = []  # where the first box too narrow to split was left undecided

    def record(lo: Fraction, hi: Fraction, sign: str) -> bool:
        if done and done[-1][2] != sign:
            out.sign_change, out.reason = (lo, done[-1][1]), "the sign changes"
            return False
        done.append((lo, hi, sign))
        return True

    # octaves of nu (or q) from the top: (0, x] by the expansion at 0 when it decides,
    # else [x/2, x] by quadrature (halves first), and on to x/2
    x = search_var
    while True:
        out.boxes += 1
        sign = _near_zero_sign(sc, tb, centred, x * tv)
        if sign is not None:
            record(Fraction(0), x, sign)
            return _finish(out, done, gap)
        if x < MIN_VAR:
            out.reason = out.reason or f"undecided on (0, {fraction_str(x)}]"
            return _finish(out, done, gap)
        stack = [(x / 2, 3 * x / 4), (3 * x / 4, x)]  # pop() takes the top
        while stack:
            lo, hi = stack.pop()
            if out.boxes >= max_boxes:
                out.reason = out.reason or (f"box budget spent ({max_boxes} evaluations) "
                                            f"with the sign undecided near {float(hi):.6g}")
                return _finish(out, done, gap)
            out.boxes += 1
            sign = _box_sign(sc, tb, centred, lo * tv, hi * tv)
            if sign is None and hi - lo < hi * GAP:  # e.g. a fixed point: look past it
                if not gap:
                    gap.append(len(done))
                    out.reason = (f"undecided on [{float(lo):.6g}, {float(hi):.6g}] (a fixed "
                                  "point there?)")
            elif sign is None:
                mid = (lo + hi) / 2
                stack.extend([(lo, mid), (mid, hi)])
            elif not record(lo, hi, sign):
                return _finish(out, done, gap)
        x /= 2


def _finish(out: Exclusion, done: list[tuple[Fraction, Fraction, str]],
            gap: list[int] | None = None) -> Exclusion:
    """The sign and the lower end of the boxes proved contiguously from the top."""
    proved = done[:gap[0]] if gap else done
    if proved and out.sign_change is None:
        out.sign, out.proved_from = proved[0][2], proved[-1][0]
    return out
