r"""Every fixed point of the correlation map in ``[-1, 1]``, certified by branch and bound.

For ``F`` (a :class:`~selu_proof.fixedpoint.scaled.Scaled` activation) and jointly Gaussian
``z, z'`` with mean ``a``, variance ``v`` and correlation ``c``, the correlation map and its
slope (Price's theorem) are

.. math:: \tilde c(c) = K\,\frac{P(c) - \sigma}{D}, \qquad
          s(c) = \tilde c'(c) = K\,\frac{v\,Q(c)}{D}, \qquad
          P(c) = E[F(z)F(z')], \quad Q(c) = E[F'(z)F'(z')],

with ``sigma = (E F)^2``, ``D = Var F`` in the centred convention and ``sigma = 0``,
``D = E F^2`` in the i.i.d. one; ``K = 1`` (alpha dropout multiplies the map by its
covariance factor ``K < 1``).

What the search rests on besides the enclosures themselves: Mehler's formula (the dual
activation, Daniely, Frostig and Singer 2016).  With ``u = (z - a)/sqrt(v)`` and the Hermite
coefficients ``b_k`` of ``F(a + sqrt(v) u)`` and ``d_k`` of ``F'``, ``P(c) = sum b_k^2 c^k``
and ``Q(c) = sum d_k^2 c^k``, both absolutely convergent on ``[-1, 1]`` (``F`` and ``F'``
are square integrable for every catalogue activation).  Hence, exactly:

1. on ``[0, 1]`` the slope ``s`` is nondecreasing, so ``c~`` is convex there and
   ``h(c) = c~(c) - c`` is convex: a chord above, tangents below, and a sign change
   between two points proves exactly one root between them;
2. the even and odd parts ``e(x) = (c~(x) + c~(-x))/2``, ``o(x) = (c~(x) - c~(-x))/2``
   (and those of ``s``) are nondecreasing on ``[0, 1]``, and ``c~(-x) = e(x) - o(x)``:
   enclosures on a box of ``[-1, 0]`` from values at its ends and their mirror points,
   with ``e(1) + o(1) = c~(1) = K`` where ``c~(-1)`` is not evaluated;
3. ``c~(1) = K``; ``c~(0) = 0`` in the centred convention and ``K (E F)^2/E F^2`` in the
   i.i.d. one; for an odd ``F`` at ``a = 0`` the map is odd, ``c~(-c) = -c~(c)``, and in
   the centred convention already for an ``F`` odd about a centre ``k``
   (``F(x) + F(-x) = 2k``): ``E F = k`` and the centred map is that of the odd ``F - k``.

The fixed points that hold exactly (``c = 1`` when ``K = 1``; ``c = 0`` in the centred
convention, and in the i.i.d. one where ``E F = 0`` exactly; ``c = -1`` where the map is
odd (item 3) and ``K = 1``) are listed as exact intervals, each proved alone in its boxes
by a slope bound or the convexity chord.  Every other box of ``[-1, 1]`` is excluded
(``h`` certified non-zero on it), or certified to hold exactly one fixed point (a sign
change under convexity or monotonicity, or the Krawczyk test), which is then narrowed by
Krawczyk steps; a box still open when the budget is spent is reported undecided.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from flint import arb, ctx

from selu_proof.fixedpoint.scaled import Scaled
from selu_proof.kernel.activations import CatalogueActivation
from selu_proof.kernel.exact import ball, ball_ends, interval_ball
from selu_proof.kernel.give_up import give_up_time, passed

__all__ = ["CorrelationMap", "FixedPointSearch", "search_fixed_points", "METHOD",
           "MAX_BOXES", "fixed_point_records", "as_records", "parity_options"]

METHOD = ("interval branch and bound over [-1, 1] on certified enclosures of c~ and its "
          "slope (convexity of c~ on [0, 1] and monotone even/odd parts on [-1, 0], from the "
          "non-negative Hermite coefficients of the dual activation); each fixed point "
          "exact by an identity or certified unique in its interval (a sign change under "
          "convexity or monotonicity, or the Krawczyk test) and narrowed by Krawczyk steps")

#: how many boxes the search examines at most (default)
MAX_BOXES = 200

#: bits at which the search decides boxes (fixed points are narrowed at the working precision)
SEARCH_PREC = 80


class CorrelationMap:
    """``c~`` and its slope at exact points of ``[-1, 1]``, with a cache (see the module).

    Parameters
    ----------
    model : Scaled
        The activation ``F``.
    a, v : arb
        Mean and variance of the pre-activations.
    centred : bool
        The centred convention (else the i.i.d. one).
    factor : arb, optional
        ``K`` (default exactly 1).
    zero_mean : bool
        ``E F(z) = 0`` exactly (an identity the caller proves, e.g. the affine normalization
        at ``N(0, 1)``).
    odd : bool
        ``F`` is odd and ``a = 0`` exactly, so the map is odd (in both conventions).
    symmetric : bool
        ``F`` is odd about a centre (``F(x) + F(-x)`` is a constant ``k``) and ``a = 0``
        exactly: then ``F - E F = F - k`` is odd, and the centred map, which is that of
        ``F - k``, is odd (in the i.i.d. one only ``odd`` makes the map odd:
        ``E[F(z)F(-z)]/E F^2 = (k^2 - E(F - k)^2)/(k^2 + E(F - k)^2)``).
    homogeneous : bool
        ``F(x) = x F'(x)`` with ``F'`` constant on each side of 0 (ReLU, leaky ReLU) and
        ``a = 0``: then ``z^2`` is independent of ``F'(z)^2``, ``E F^2 = v E F'^2``, and in
        the i.i.d. convention ``s(1) = K`` exactly.
    step : callable, optional
        Called after each certified integral (progress).
    cache : dict, optional
        The integrals ``E[F(z)F(z')]``, ``E[F'(z)F'(z')]`` by point: a map with the same
        ``model``, ``a`` and ``v`` (the other convention) may share it.
    """

    def __init__(self, model: Scaled, a: arb, v: arb, centred: bool, *,
                 factor: arb | None = None, zero_mean: bool = False, odd: bool = False,
                 symmetric: bool = False, homogeneous: bool = False,
                 step: Callable[[], None] | None = None,
                 cache: dict[tuple[str, Fraction], arb] | None = None) -> None:
        self.model, self.a, self.v, self.centred = model, a, v, centred
        self.factor = arb(1) if factor is None else factor
        self.unit = factor is None  # K = 1 exactly
        self.odd = a.is_zero() and (odd or symmetric and centred)  # the map is odd
        self.odd_f = odd and a.is_zero()  # F itself is odd
        self.zero_mean = zero_mean or self.odd_f
        m1, m2 = model.moments(a, v)
        d1, d2 = model.derivative_moments(a, v)
        den = m2 - m1 * m1 if centred else m2
        self.shift = m1 * m1 if centred else arb(0)
        self.scale = self.factor / den
        self.zero = (arb(0) if centred or self.zero_mean else self.scale * m1 * m1,
                     self.scale * v * d1 * d1)
        self.one = (self.factor, self.factor if homogeneous and a.is_zero() and not centred
                     else self.scale * v * d2)
        self._step = step or (lambda: None)
        self._cache = {} if cache is None else cache
        self.evaluations = 0

    def exact_roots(self) -> list[Fraction]:
        """The fixed points that hold by an identity (module docstring, item 3)."""
        out = [Fraction(0)] if self.centred or self.zero_mean else []
        if self.unit:
            out.append(Fraction(1))
            if self.odd:
                out.insert(0, Fraction(-1))
        return out

    def _integral(self, which: str, x: Fraction, fine: bool) -> arb:
        """``E[F(z)F(z')]`` (``which = "f"``) or ``E[F'(z)F'(z')]`` (``"df"``) at ``x``: at the
        working precision when ``fine``, else at most :data:`SEARCH_PREC` bits (enough to
        decide boxes).
        """
        prec = ctx.prec if fine else min(ctx.prec, SEARCH_PREC)
        key = (which, x, prec)
        if key not in self._cache:
            fn = self.model.pair_value if which == "f" else self.model.pair_slope
            with ctx.workprec(prec):
                self._cache[key] = fn(self.a, self.v, ball(x))
            self.evaluations += 1
            self._step()
        return self._cache[key]

    def value(self, x: Fraction, fine: bool = False) -> arb | None:
        """``c~(x)`` (``None`` at ``x = -1`` unless the map is odd); ``fine``: at the working
        precision.
        """
        if x == 1:
            return self.one[0]
        if x == 0:
            return self.zero[0]
        if x < 0 and self.odd:
            v = self.value(-x, fine)
            return None if v is None else -v
        if x == -1:
            return None
        return self.scale * (self._integral("f", x, fine) - self.shift)

    def slope(self, x: Fraction) -> arb | None:
        """``s(x) = dc~/dc`` (``None`` at ``x = -1`` unless the map is odd)."""
        if x == 1:
            return self.one[1]
        if x == 0:
            return self.zero[1]
        if x < 0 and self.odd:
            return self.slope(-x)
        if x == -1:
            return None
        return self.scale * self.v * self._integral("df", x, False)

    def slope_on(self, lo: Fraction, hi: Fraction) -> arb:
        """An enclosure of ``s`` on ``[lo, hi]`` (``-1 < lo <= hi < 1``) by quadrature over
        the ball.
        """
        out = self.scale * self.v * self.model.pair_slope(self.a, self.v, interval_ball(lo, hi))
        self.evaluations += 1
        self._step()
        return out

    def h(self, x: Fraction, fine: bool = False) -> arb | None:
        """``h(x) = c~(x) - x``."""
        v = self.value(x, fine)
        return None if v is None else v - ball(x)


def _sign(x: arb | None, exact: bool = False) -> int | None:
    """``0`` at an exact fixed point (``exact``), else ``-1`` or ``1`` when certain, ``None``
    when undecided.
    """
    if exact:
        return 0
    if x is None:
        return None
    return 1 if x > 0 else -1 if x < 0 else None


def _parts(f: Callable[[Fraction], arb | None], x: Fraction) -> tuple[arb, arb] | None:
    """Even and odd parts ``((f(x) + f(-x))/2, (f(x) - f(-x))/2)``, ``0 <= x < 1``."""
    p, m = f(x), f(-x)
    if p is None or m is None:
        return None
    return (p + m) / 2, (p - m) / 2


def _negative_range(f: Callable[[Fraction], arb | None], total: arb, lo: Fraction,
                    hi: Fraction) -> arb:
    """An enclosure of ``f`` on ``[lo, hi]`` inside ``[-1, 0]`` from its even and odd parts
    (nondecreasing on ``[0, 1]``, item 2 of the module; ``total = f(1)``).
    """
    x1, x2 = -hi, -lo
    e1, o1 = _parts(f, x1)  # type: ignore[misc]
    far = _parts(f, x2) if x2 < 1 else None
    if far is None:  # f(-1) not evaluated: e(1) <= total - o(x1), o(1) <= total - e(x1)
        e2, o2 = total - o1, total - e1
    else:
        e2, o2 = far
    low, up = e1 - o2, e2 - o1
    return low.lower().union(up.upper())


def _krawczyk(cm: CorrelationMap, lo: Fraction, hi: Fraction, slope: arb,
              fine: bool = False) -> arb:
    """``K = m - h(m)/d + (1 - (s(C) - 1)/d)(C - m)``, ``d = mid(s(C)) - 1``: every root of
    ``h`` in ``C = [lo, hi]`` lies in ``K``, and ``K`` strictly inside ``C`` proves exactly one.
    """
    m = (lo + hi) / 2
    hm = cm.h(m, fine)
    mb, box = ball(m), interval_ball(lo, hi)
    dh = slope - 1
    d = dh.mid()
    if hm is None or d == 0:
        return arb("nan")
    return mb - hm / d + (1 - dh / d) * (box - mb)


@dataclass
class _Verdict:
    kind: str  # "none", "end", "bracket", "krawczyk", "split"
    box: tuple[Fraction, Fraction] | None = None


def _positive_box(cm: CorrelationMap, lo: Fraction, hi: Fraction) -> _Verdict:
    """A box of ``[0, 1]``, where ``h`` is convex (item 1 of the module).  ``"end"``: no
    root but the exact ones at the ends.
    """
    exact = cm.exact_roots()
    hl, hu = cm.h(lo), cm.h(hi)
    sl, su = _sign(hl, lo in exact), _sign(hu, hi in exact)
    if sl is not None and su is not None:
        if sl <= 0 and su <= 0 and (sl, su) != (0, 0):
            # the chord is <= 0 and < 0 off the ends where h is exactly 0
            return _Verdict("end" if 0 in (sl, su) else "none")
        if sl * su == -1:
            return _Verdict("bracket")
    assert hl is not None and hu is not None
    dl, du = cm.slope(lo) - 1, cm.slope(hi) - 1  # type: ignore[operator]
    if sl == 0 and dl > 0:  # h' >= h'(lo) > 0 on the box: h > 0 off lo
        return _Verdict("end")
    if su == 0 and du < 0:  # h' <= h'(hi) < 0: h > 0 off hi
        return _Verdict("end")
    if (su == 0 and du <= 0 and sl == 1) or (sl == 0 and dl >= 0 and su == 1):
        # h monotone between 0 at one end and > 0 at the other: a second zero would make
        # h vanish on a segment, so everywhere (h is analytic on (-1, 1)); it does not
        return _Verdict("end")
    # lower bounds from the tangents at the ends (h lies above both)
    w = ball(hi - lo)
    if dl >= 0:
        lows = [hl]
    elif du <= 0:
        lows = [hu]
    elif dl < 0 and du > 0:  # the least value of the larger tangent: where they meet
        lows = [hl + dl * ((hu - hl - du * w) / (dl - du))]
    else:
        lows = [hl + _at_most_zero(arb(dl.lower())) * w, hu - _at_least_zero(arb(du.upper())) * w]
    if any(low > 0 for low in lows):
        return _Verdict("none")
    return _Verdict("split")


def _at_most_zero(x: arb) -> arb:
    return x if x < 0 else arb(0)


def _at_least_zero(x: arb) -> arb:
    return x if x > 0 else arb(0)


def _negative_box(cm: CorrelationMap, lo: Fraction, hi: Fraction) -> _Verdict:
    """A box of ``[-1, 0]``: enclosures from the even and odd parts and the mean-value form."""
    x1, x2 = -hi, -lo
    crange = _negative_range(cm.value, cm.one[0], lo, hi)
    hrange = crange + ball(x1).union(ball(x2))  # -c over the box
    srange = _negative_range(cm.slope, cm.one[1], lo, hi)
    m = (lo + hi) / 2
    hm = cm.h(m)
    box = interval_ball(lo, hi)
    assert hm is not None
    mean_value = hm + (srange - 1) * (box - ball(m))
    if not (hrange.overlaps(arb(0)) and mean_value.overlaps(arb(0))):
        return _Verdict("none")
    dh = srange - 1
    if dh > 0 or dh < 0:  # h strictly monotone on the box
        if lo in cm.exact_roots() or hi in cm.exact_roots():
            return _Verdict("end")  # h(e) = 0 at the exact end e, and h is monotone
        sl, su = _sign(cm.h(lo)), _sign(cm.h(hi))
        if sl is not None and su is not None and sl * su == -1:
            return _Verdict("bracket")
        k = _krawczyk(cm, lo, hi, srange)
        if k.is_finite() and box.contains_interior(k):
            return _Verdict("krawczyk", box=ball_ends(k))
        if k.is_finite() and (k.upper() < box.lower() or k.lower() > box.upper()):
            return _Verdict("none")
    return _Verdict("split")


@dataclass
class FixedPointSearch:
    """The result of :func:`search_fixed_points`.

    ``fixed_points``: ``(lo, hi, slope, status, how)`` with exact ends (``lo = hi`` for an
    exact fixed point); ``undecided``: boxes left open; ``complete``: none left open.
    """

    fixed_points: list[tuple[Fraction, Fraction, arb, str, str]] = field(default_factory=list)
    undecided: list[tuple[Fraction, Fraction]] = field(default_factory=list)
    boxes: int = 0
    evaluations: int = 0

    @property
    def complete(self) -> bool:
        """Whether every box of ``[-1, 1]`` was decided."""
        return not self.undecided


def _point(x: arb, lo: Fraction, hi: Fraction) -> Fraction:
    """The midpoint of ``x`` as a rational, or the middle of ``[lo, hi]`` when it is not
    finite or not strictly inside.
    """
    if x.is_finite():
        q = ball_ends(x.mid())[0]
        if lo < q < hi:
            return q
    return (lo + hi) / 2


def _narrow(cm: CorrelationMap, lo: Fraction, hi: Fraction, tol: Fraction,
            ) -> tuple[Fraction, Fraction, arb]:
    """A narrower interval holding the one root of ``h`` in ``[lo, hi]``, and ``s`` on it.

    While the signs of ``h`` at the ends are certified opposite: secant steps, each new
    point replacing the end of its sign (the root stays inside), and once the steps are
    below ``tol`` (or a step lands where the sign of ``h`` is not certified), two points
    ``tol/4`` either side of the last one, spread four times wider while neither sign is
    certified there (the secant of a convex ``h`` moves one end only; the probes move the
    other).  Otherwise Krawczyk steps, each intersecting the
    box with ``K`` (every root in the box lies in ``K``).
    """
    prev: list[Fraction] = []
    spread = tol / 4
    for _ in range(40):
        if hi - lo <= tol:
            break
        hl, hh = cm.h(lo, True), cm.h(hi, True)
        sl, sh = _sign(hl), _sign(hh)
        if sl is not None and sh is not None and sl * sh == -1:
            assert hl is not None and hh is not None
            x0, x1 = (prev[-2], prev[-1]) if len(prev) >= 2 else (lo, hi)
            f0, f1 = cm.h(x0, True), cm.h(x1, True)
            x = _point(ball(x1) - f1 * ball(x1 - x0) / (f1 - f0), lo, hi)  # type: ignore
            sx = _sign(cm.h(x, True))
            if sx is not None and not (prev and abs(x - prev[-1]) < spread):
                lo, hi = (x, hi) if sx == sl else (lo, x)
                prev.append(x)
                continue
            moved = False  # x is (nearly) the root: bracket it, farther out until certified
            while not moved and spread < hi - lo:
                for p in (x - spread, x + spread):
                    sp = _sign(cm.h(p, True)) if lo < p < hi else None
                    if sp is not None:
                        lo, hi = (p, hi) if sp == sl else (lo, p)
                        moved = True
                spread *= 1 if moved else 4
            if not moved:
                break  # h is not resolved from 0 near x: the interval is as narrow as it gets
            prev.append(x)
            continue
        if not -1 < lo or not hi < 1:
            break
        k = _krawczyk(cm, lo, hi, cm.slope_on(lo, hi), True)
        if not k.is_finite():
            break
        klo, khi = ball_ends(k)
        nlo, nhi = max(lo, klo), min(hi, khi)
        if nlo > nhi or (nhi - nlo) > (hi - lo) / 2:
            break
        lo, hi = nlo, nhi
    return lo, hi, cm.slope_on(lo, hi)


def search_fixed_points(cm: CorrelationMap, *, seeds: int = 2, max_boxes: int = MAX_BOXES,
                        min_width: Fraction = Fraction(1, 2**14),
                        tol: Fraction = Fraction(1, 10**10)) -> FixedPointSearch:
    """Every fixed point of ``c~`` in ``[-1, 1]`` (see the module docstring).

    Parameters
    ----------
    cm : CorrelationMap
        The map.
    seeds : int
        Equal boxes the search starts from (plus a split at each exact fixed point and at
        0); the answer is complete for any value, only the work differs.
    max_boxes : int
        Boxes examined at most (the widest first); boxes still open then are reported
        undecided.
    min_width : Fraction
        Boxes narrower than this are not split further (reported undecided).
    tol : Fraction
        Width to which certified fixed points are narrowed (when the steps still gain).
    """
    exact = cm.exact_roots()
    start = Fraction(0) if cm.odd else Fraction(-1)  # an odd map: [0, 1], then mirrored
    cuts = {start, Fraction(0), Fraction(1), *exact}
    cuts |= {Fraction(-1) + Fraction(2 * i, seeds) for i in range(1, seeds)}
    cuts = sorted(c for c in cuts if start <= c <= 1)
    queue = [(lo - hi, lo, hi) for lo, hi in zip(cuts, cuts[1:])]  # widest box first
    heapq.heapify(queue)
    out = FixedPointSearch()
    found: list[tuple[Fraction, Fraction, arb, str, str]] = []
    stop = give_up_time()
    while queue:
        _, lo, hi = heapq.heappop(queue)
        if out.boxes >= max_boxes or passed(stop):
            out.undecided.append((lo, hi))
            continue
        out.boxes += 1
        verdict = _positive_box(cm, lo, hi) if lo >= 0 else _negative_box(cm, lo, hi)
        if verdict.kind in ("none", "end"):
            continue
        if verdict.kind in ("bracket", "krawczyk"):
            blo, bhi = verdict.box or (lo, hi)
            how = ("unique: " + ("sign change of c~ - c at the ends, c~ convex on [0, 1]"
                                 if lo >= 0 and verdict.kind == "bracket" else
                                 "sign change of c~ - c at the ends, slope of c~ - c "
                                 "certified non-zero" if verdict.kind == "bracket" else
                                 "Krawczyk image strictly inside the box"))
            nlo, nhi, slope = _narrow(cm, blo, bhi, tol)
            found.append((nlo, nhi, slope, "unique", how))
            continue
        if hi - lo < 2 * min_width:
            out.undecided.append((lo, hi))
            continue
        mid = (lo + hi) / 2
        heapq.heappush(queue, (lo - mid, lo, mid))
        heapq.heappush(queue, (mid - hi, mid, hi))
    if cm.odd:  # c~(-c) = -c~(c), s(-c) = s(c)
        found += [(-hi, -lo, s, st, how + " (mirror of an odd map)")
                  for lo, hi, s, st, how in found]
        out.undecided += [(-hi, -lo) for lo, hi in out.undecided]
    for e in exact:
        s = cm.slope(e)
        assert s is not None
        how = _EXACT_HOW[int(e)] if e != -1 or cm.odd_f else _EXACT_HOW_CENTRED
        found.append((e, e, s, "exact", how))
    out.fixed_points = sorted(found, key=lambda r: r[0])
    out.undecided.sort()
    out.evaluations = cm.evaluations
    return out


_EXACT_HOW = {1: "exact: c~(1) = 1 (the same input twice)",
              0: "exact: c~(0) = 0 (z, z' independent; centred, or E F = 0)",
              -1: "exact: c~(-1) = -1 (odd F at mean 0: F(z') = -F(z))"}
_EXACT_HOW_CENTRED = ("exact: c~(-1) = -1 (F odd about a centre k at mean 0, centred: "
                      "F(z') - k = -(F(z) - k))")


def parity_options(act: CatalogueActivation, affine: bool) -> dict[str, bool]:
    """``odd`` and ``symmetric`` of :class:`CorrelationMap` for ``F = lambda*(f - beta)``.

    ``f`` odd about ``k`` (:attr:`~selu_proof.kernel.activations.CatalogueActivation.centre`)
    makes ``F`` odd about ``lambda*(k - beta)``: ``symmetric``.  ``F`` is odd when ``f`` is
    (``F = f`` unnormalized), or under the affine normalization to mean 0 at ``N(0, 1)``
    (``affine``), whose ``beta = E f(z) = k`` exactly: ``F = lambda*(f - k)``.
    """
    symmetric = act.centre is not None
    return {"odd": act.odd or affine and symmetric, "symmetric": symmetric}


def stability(slope: arb) -> bool | None:
    """``True`` when ``|slope| < 1`` certainly, ``False`` when ``|slope| > 1``, else ``None``."""
    if abs(slope) < 1:
        return True
    if abs(slope) > 1:
        return False
    return None


def fixed_point_records(model: Scaled, a: arb, v: arb, centred: bool, digits: int,
                        interval: Callable[[arb, int], list[str]], *, seeds: int = 2,
                        max_boxes: int = MAX_BOXES, **options: Any) -> dict[str, Any]:
    """:func:`search_fixed_points` on the :class:`CorrelationMap` of ``model`` (``options``:
    its keyword arguments), fixed points narrowed to ``digits`` and shown by
    :func:`as_records` (``interval`` rounds a ball outward to ``[lo, hi]`` strings).
    """
    cm = CorrelationMap(model, a, v, centred, **options)
    res = search_fixed_points(cm, seeds=seeds, max_boxes=max_boxes,
                              tol=Fraction(1, 10 ** (digits + 1)))
    return as_records(res, interval, digits)


def as_records(res: FixedPointSearch, interval: Callable[[arb, int], list[str]],
               digits: int) -> dict[str, Any]:
    """JSON-ready record: ``fixed_points`` (``c`` and ``slope`` as ``[lo, hi]``, rounded
    outward), ``undecided`` intervals with their widths, ``complete``, the work done.
    """
    points = []
    for lo, hi, slope, status, how in res.fixed_points:
        points.append({"c": interval(interval_ball(lo, hi), digits),
                       "slope": interval(slope, digits), "status": status,
                       "stable": stability(slope), "how": how})
    open_ = [{"c": interval(interval_ball(lo, hi), digits),
              "width": interval(ball(hi - lo), 3)[1]} for lo, hi in res.undecided]
    return {"fixed_points": points, "undecided": open_, "complete": res.complete,
            "boxes": res.boxes, "evaluations": res.evaluations}
