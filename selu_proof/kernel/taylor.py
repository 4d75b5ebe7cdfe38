r"""Taylor models of the Gaussian moments on cells of the ``(a, v)`` plane.

Trusted.  ``M(a, v) = E h(z)``, ``z ~ N(a, v)``, is entire in ``a`` and analytic in ``v > 0``,
and it solves the heat equation: :math:`\partial_v\varphi_{a,v} = \tfrac12\partial_a^2
\varphi_{a,v}`, so every partial is one in ``a`` alone,

.. math:: \partial_a^i\partial_v^j M = 2^{-j}\,\partial_a^{i + 2j} M .

A box of ``(a, v)`` balls is enclosed through the *cell* that holds it (:func:`cell`): a
square of the dyadic grid, ``[(k - 1) h, (k + 1) h]`` in each variable, ``h`` a power of two
no finer than :data:`CELL_BITS` bits below the scale of ``v`` (``sqrt(v)`` for ``a``), so
that the boxes of a branch and bound share a few cells.  On a cell with centre
``c = (c_a, c_v)`` the partial ``G = d^p/da^p d^q/dv^q M`` is

.. math:: G(c + \delta) = \sum_{i < K_a,\ j < K_v}
          \frac{2^{-(q+j)} A_{p + i + 2q + 2j}}{i!\,j!}\,\delta_a^i\delta_v^j
          + \sum_{j < K_v} \frac{2^{-(q+j)}\,[\pm C_{p + K_a + 2q + 2j}]}{K_a!\,j!}\,
          |\delta_a|^{K_a}|\delta_v|^j
          + \frac{2^{-(q+K_v)}\,[\pm C_{p + 2q + 2K_v}]}{K_v!}\,|\delta_v|^{K_v}

(Taylor's theorem in ``v`` to degree ``K_v - 1``, then each coefficient in ``a`` to degree
``K_a - 1``, each with its Lagrange remainder; ``K_a``, ``K_v`` = :data:`DEGREES`), where

* ``A_n = d^n/da^n M(c)``, a point quadrature of the density's ``n``-th derivative in ``a``
  (:func:`~selu_proof.kernel.quadrature.density_derivative`; ``f`` and ``f^2`` in one
  integral of ``f + i f^2``, :func:`~selu_proof.kernel.quadrature.joint_integrand`);
* ``C_n`` bounds ``|d^n/da^n M|`` on the whole cell by Cauchy's estimate on a circle of
  radius ``R`` in the complex ``a`` plane (:func:`cauchy_bound`), whose integrand needs no
  quadrature: for complex ``a``, :math:`|\varphi_{a,v}(x)| = e^{(\mathrm{Im}\,a)^2/(2v)}
  \varphi_{\mathrm{Re}\,a,v}(x)`, and the activation's growth bound
  ``|h(x)| <= sum c_k |x|^k`` (valid on the whole line) gives
  :math:`|M| \le e^{R^2/(2v)} \sum_k c_k\,E|\mathrm{Re}\,a + \sqrt v\,u|^k`.

The polynomial is re-expanded at the box's midpoint (exact in ball arithmetic) and bounded
there term by term, so the enclosure of a small box is its true range to first order, plus
the cell's remainder, which does not shrink with the box: :data:`CELL_BITS` and
:data:`DEGREES` keep it far below the margins of the claims.  A box that fits no cell (a
``v`` range reaching ``0``) gets a non-finite enclosure: it proves nothing and is split.
These choices are recorded in a certificate's integrator settings (:func:`settings`).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from flint import acb, arb, ctx

from selu_proof.kernel.activations import CatalogueActivation
from selu_proof.kernel.give_up import give_up_time, passed
from selu_proof.kernel.quadrature import (
    _integrand,
    gaussian_expectation_complex,
    joint_integrand,
)

__all__ = ["DEGREES", "CELL_BITS", "HIGHEST_PARTIAL", "MAX_PIECES", "highest_coefficient",
           "settings", "pointlike", "cell", "forget", "cauchy_bound", "enclosure"]

#: the Taylor degrees plus one, ``(K_a, K_v)``, in ``a`` and ``v``
DEGREES = (4, 7)
#: cells are at most ``2^-CELL_BITS`` of the scale of ``v`` (of ``sqrt(v)`` in ``a``) wide,
#: unless the box is wider
CELL_BITS = 2
#: most pieces of a box wider than the finest cells (:func:`_pieces_of`); a box that would
#: take more is enclosed through one coarser cell
MAX_PIECES = 16

#: the highest ``p + 2q`` of a partial ``d^p/da^p d^q/dv^q`` the claim meanings ask for
#: (``(0, 2)``, in the gradient of the Jacobian's entries)
HIGHEST_PARTIAL = 4


def highest_coefficient() -> int:
    """The highest ``n`` of a coefficient ``A_n`` a cell computes (:data:`HIGHEST_PARTIAL`,
    :data:`DEGREES`).
    """
    ka, kv = DEGREES
    return HIGHEST_PARTIAL + ka - 1 + 2 * (kv - 1)


#: the integrands packed in one integral (:func:`~selu_proof.kernel.quadrature.joint_integrand`)
_PACKED = ("f", "f2")


def settings() -> dict[str, Any]:
    """The enclosure's settings, recorded in a certificate's integrator settings."""
    return {"form": "taylor", "degrees": list(DEGREES), "cell_bits": CELL_BITS,
            "max_pieces": MAX_PIECES}


Cell = tuple[arb, arb, arb, arb]


def pointlike(a: arb, v: arb) -> bool:
    """Balls no wider than ``2^-(p/2)`` at ``p`` bits (a point rounded to balls, such as a
    box's centre): enclosed by one quadrature on the balls themselves, as tight as the
    integrator makes it, instead of through a cell.
    """
    eps = arb(2) ** -(ctx.prec // 2)
    return bool(a.rad() <= eps and v.rad() <= eps)


def _grid(lo: float, hi: float, e_min: int) -> tuple[float, float] | None:
    """``(k h, h)``: the cell ``[(k - 1) h, (k + 1) h]`` holding ``[lo, hi]``, ``h = 2^e``,
    ``e >= e_min`` (chosen in floats; :func:`cell` checks containment exactly).
    """
    e = e_min
    if hi > lo:  # the least 2^e >= hi - lo, allowing for the radius of a ball rounded up
        m, w = math.frexp((hi - lo) * (1 - 2.0 ** -20))  # = m 2^w, 1/2 <= m < 1
        e = max(e_min, w - 1 if m == 0.5 else w)
    for _ in range(4):
        h = math.ldexp(1.0, e)
        c = round((lo + hi) / 2 / h) * h
        if c - h <= lo and hi <= c + h:
            return c, h
        e += 1
    return None


def _fine(v_low: float) -> tuple[int, int]:
    """Exponents of the finest spacings ``h`` in ``a`` and ``v`` at the variance ``v_low``."""
    scale = math.frexp(v_low)[1] - 1  # 2^scale <= v_low
    return scale // 2 - CELL_BITS, scale - CELL_BITS


def cell(a: arb, v: arb) -> Cell | None:
    """``(c_a, h_a, c_v, h_v)``: exact centre and half-widths of the cell holding the balls
    ``a`` and ``v``, or ``None`` when there is none (``v`` not certainly positive, or
    reaching down to the cell's lower end at ``0``).
    """
    if not (a.is_finite() and v.is_finite() and v > 0):
        return None
    vlo, vhi = float(v.lower()), float(v.upper())
    alo, ahi = float(a.lower()), float(a.upper())
    if not (vlo > 0 and math.isfinite(vhi) and math.isfinite(alo) and math.isfinite(ahi)):
        return None
    ea, ev = _fine(vlo)
    gv, ga = _grid(vlo, vhi, ev), _grid(alo, ahi, ea)
    if gv is None or ga is None:
        return None
    (ca, ha), (cv, hv) = ga, gv
    c_a, h_a, c_v, h_v = arb(ca), arb(ha), arb(cv), arb(hv)
    # the cell must hold the balls exactly, and stay in v > 0
    if not (a >= c_a - h_a and a <= c_a + h_a and v >= c_v - h_v and v <= c_v + h_v
            and c_v - h_v > 0):
        return None
    return c_a, h_a, c_v, h_v


#: point coefficients ``A_n`` and Cauchy bounds ``C_n`` per cell
_STORE: OrderedDict[tuple[Any, ...], arb] = OrderedDict()
_STORE_SIZE = 50000


def _remember(key: tuple[Any, ...], compute: Callable[[], arb]) -> arb:
    hit = _STORE.get(key)
    if hit is not None:
        _STORE.move_to_end(key)
        return hit
    out = compute()
    # one given up at a deadline depends on the clock: not remembered
    if out.is_finite() or not passed(give_up_time()):
        _STORE[key] = out
        if len(_STORE) > _STORE_SIZE:
            _STORE.popitem(last=False)
    return out


_PIECES: dict[tuple[str, str], Any] = {}


def _pieces(act: CatalogueActivation, h: str) -> Any:
    """The pieces and growth bound of ``h`` (``"f|f2"``: of ``f + i f^2``), built once."""
    key = (act.spec, h)
    got = _PIECES.get(key)
    if got is None:
        got = _PIECES[key] = joint_integrand(act) if h == "f|f2" else _integrand(act, h)
    return got


def _coefficient(act: CatalogueActivation, h: str, n: int, ca: arb, cv: arb,
                 tol_bits: int, eval_limit: int) -> arb:
    """``A_n = d^n/da^n E h(z)`` at the point ``(c_a, c_v)``."""
    packed = h in _PACKED
    key = ("A", act.spec, "f|f2" if packed else h, n, ca.mid().man_exp(),
           cv.mid().man_exp(), ctx.prec, tol_bits, eval_limit)
    got = _STORE.get(key + (h,))
    if got is not None:
        return got
    pieces, growth = _pieces(act, "f|f2" if packed else h)
    out = gaussian_expectation_complex(pieces, growth, acb(ca), cv, (n, 0),
                                       tol_bits=tol_bits, eval_limit=eval_limit)
    parts = {"f": out.real, "f2": out.imag} if packed else {h: out.real}
    for name, x in parts.items():
        _remember(key + (name,), lambda x=x: x)
    return parts[h]


def _abs_moments(k: int) -> list[arb]:
    """``E|u|^j = 2^(j/2) Gamma((j + 1)/2)/sqrt(pi)``, ``u ~ N(0, 1)``, ``j <= k``."""
    return [arb(2).sqrt() ** j * (arb(j + 1) / 2).gamma() / arb.pi().sqrt()
            for j in range(k + 1)]


def _bound_at(coeffs: tuple[Fraction, ...], n: int, r: arb, amax: arb, vlo: arb,
              vhi: arb, rate: Fraction = Fraction(0)) -> arb:
    r""":math:`n!\,R^{-n}\,e^{R^2/(2v_-)}\sum_k c_k \sum_j \binom kj (A + R)^{k-j}
    v_+^{j/2} E|u|^j` (:func:`cauchy_bound`); with an exponential factor ``e^{r|x|}`` in the
    growth bound (``rate`` ``r > 0``), ``A + R`` becomes ``A + R + r v_+`` and the sum gains
    the factor :math:`2 e^{r(A + R) + r^2 v_+/2}` (:func:`cauchy_bound`).
    """
    mom = _abs_moments(len(coeffs) - 1)
    shift, s = amax + r, vhi.sqrt()
    c_rate = arb(rate.numerator) / rate.denominator
    if rate:
        tilt = 2 * (c_rate * shift + c_rate * c_rate * vhi / 2).exp()
        shift = shift + c_rate * vhi
    total = arb(0)
    for k, c in enumerate(coeffs):
        inner = arb(0)
        for j in range(k + 1):
            inner += math.comb(k, j) * _pow(shift, k - j) * _pow(s, j) * mom[j]
        total += arb(c.numerator) / c.denominator * inner
    if rate:
        total = total * tilt
    return arb.fac_ui(n) * total * (r * r / (2 * vlo)).exp() / _pow(r, n)


def _pow(x: arb, n: int) -> arb:
    out = arb(1)
    for _ in range(n):
        out = out * x
    return out


_RADII: dict[tuple[Any, ...], list[tuple[arb, float]]] = {}


def _radii(coeffs: tuple[Fraction, ...], amax: arb, vlo: arb, vhi: arb,
           rate: Fraction = Fraction(0)) -> list[tuple[arb, float]]:
    """Candidate radii ``R`` (dyadic, a geometric grid around ``sqrt(v_-)``) with the
    logarithm of the bound on ``|M|`` on the circle of each (:func:`cauchy_bound`), its
    midpoint as a float: only to choose ``R``, the same on every machine (ball arithmetic,
    no libm).
    """
    key = (coeffs, rate, _key(amax), _key(vlo), _key(vhi), ctx.prec)
    out = _RADII.get(key)
    if out is None:
        e0 = math.frexp(float(vlo.mid()))[1] // 2
        out = []
        for t in range(64):
            r = arb(math.ldexp(1 + (t % 8) / 8, t // 8 - 4 + e0))
            bound = _bound_at(coeffs, 0, r, amax, vlo, vhi, rate)
            out.append((r, float(bound.log().mid()) if bound > 0 else math.inf))
        if len(_RADII) > 4096:
            _RADII.clear()
        _RADII[key] = out
    return out


def cauchy_bound(act: CatalogueActivation, h: str, n: int, c: Cell) -> arb:
    r"""An upper bound of :math:`|\partial_a^n E h(z)|` for every ``(a, v)`` of the cell ``c``.

    For real ``a'`` in the cell and any ``R > 0``, Cauchy's estimate on the circle
    ``|a - a'| = R`` gives :math:`|\partial_a^n M(a', v)| \le n!\,R^{-n}\max|M(a, v)|`,
    and on that circle, for ``u ~ N(0, 1)``,

    .. math:: |M(a, v)| \le \int |h(x)|\,|\varphi_{a,v}(x)|\,dx
              = e^{(\mathrm{Im}\,a)^2/(2v)} E|h(\mathrm{Re}\,a + \sqrt v\,u)|
              \le e^{R^2/(2v_-)} \sum_k c_k \sum_j \binom kj (A + R)^{k-j}
              v_+^{j/2} E|u|^j,

    ``A = |c_a| + h_a`` the largest ``|a'|``, ``v_-``, ``v_+`` the cell's ends in ``v``, from
    ``|h(x)| <= sum c_k |x|^k`` on the whole line (a catalogue growth bound with ``T = 0``;
    another threshold gives an infinite bound).  A bound ``|h(x)| <= P(|x|) e^{r|x|}``
    uses :math:`e^{r|y|} \le e^{ry} + e^{-ry}` and, for ``y ~ N(m, v)``,
    :math:`E[g(y) e^{\pm ry}] = e^{\pm rm + r^2 v/2} E\,g(y_\pm)`,
    ``y_± ~ N(m ± rv, v)``: with ``|m| <= A + R`` each term is at most
    :math:`e^{r(A + R) + r^2 v_+/2}` times the sum above with ``A + R + r v_+`` for ``A + R``.
    ``R`` is chosen in floats to make the bound
    small (any ``R`` is sound).
    """
    ca, ha, cv, hv = c
    key = ("C", act.spec, h, n, ca.mid().man_exp(), ha.mid().man_exp(), cv.mid().man_exp(),
           hv.mid().man_exp(), ctx.prec)

    def compute() -> arb:
        growth = _pieces(act, h)[1]
        if growth.threshold != 0:
            return arb("inf")
        amax, vlo, vhi = abs(ca) + ha, cv - hv, cv + hv
        radii = _radii(growth.coeffs, amax, vlo, vhi, growth.rate)
        r = min(radii, key=lambda t: t[1] - n * float(t[0].log().mid()))[0]
        return _bound_at(growth.coeffs, n, r, amax, vlo, vhi, growth.rate)
    return _remember(key, compute)


#: enclosures per (activation, integrand, order, a ball, v ball, settings)
_BOXES: OrderedDict[tuple[Any, ...], arb] = OrderedDict()
_BOXES_SIZE = 50000


def forget() -> None:
    """Forget every remembered coefficient, bound and enclosure (a cold start)."""
    _STORE.clear()
    _BOXES.clear()


def _key(x: arb) -> tuple[Any, ...]:
    return (x.mid().man_exp(), x.rad().man_exp())


def _shift(coeffs: list[arb], s: arb) -> list[arb]:
    """The coefficients of ``p(s + e)`` in ``e`` from those of ``p`` (Horner's shift)."""
    out = list(coeffs)
    n = len(out)
    for i in range(n - 1):
        for j in range(n - 2, i - 1, -1):
            out[j] = out[j] + s * out[j + 1]
    return out


def enclosure(act: CatalogueActivation, h: str, order: tuple[int, int], a: arb, v: arb,
              tol_bits: int, eval_limit: int) -> arb:
    """``d^p/da^p d^q/dv^q E h(z)`` over the balls ``a``, ``v`` (``order = (p, q)``) by the
    Taylor model of the cell holding them (module docstring); not finite without a cell.
    """
    key = (act.spec, h, order, _key(a), _key(v), ctx.prec, tol_bits, eval_limit)
    hit = _BOXES.get(key)
    if hit is not None:
        _BOXES.move_to_end(key)
        return hit
    out = _enclosure(act, h, order, a, v, tol_bits, eval_limit)
    if out.is_finite() or not passed(give_up_time()):
        _BOXES[key] = out
        if len(_BOXES) > _BOXES_SIZE:
            _BOXES.popitem(last=False)
    return out


def _cuts(lo: float, hi: float, spacing: Callable[[float], float]) -> list[float]:
    """The points ``(j + 1/2) h`` strictly between ``lo`` and ``hi``, walking up, with
    ``h = spacing(x)`` at the last cut ``x``: the pieces between them are centred on the
    grid points ``j h``, the centres of their cells.
    """
    out, x = [], lo
    while len(out) <= MAX_PIECES:
        h = spacing(x)
        x = (math.floor(x / h - 0.5) + 1.5) * h
        if x >= hi:
            return out
        out.append(x)
    return out


def _split(x: arb, cuts: list[float]) -> list[arb]:
    """``x`` as consecutive balls meeting at ``cuts`` (exact dyadics inside ``x``)."""
    ends = [x.lower(), *(arb(c) for c in cuts), x.upper()]
    return [lo.union(hi) for lo, hi in zip(ends, ends[1:])]


def _pieces_of(a: arb, v: arb) -> list[tuple[arb, arb]] | None:
    """The box cut along the finest grid, when it is wider than the finest cells (``None``
    when it is not, or when that would take more than :data:`MAX_PIECES` pieces).
    """
    if not (a.is_finite() and v.is_finite() and v > 0):
        return None
    vlo, vhi = float(v.lower()), float(v.upper())
    alo, ahi = float(a.lower()), float(a.upper())
    if not vlo > 0:
        return None
    ea = _fine(vlo)[0]
    vcuts = _cuts(vlo, vhi, lambda x: math.ldexp(1.0, _fine(x)[1]))
    acuts = _cuts(alo, ahi, lambda x: math.ldexp(1.0, ea))
    count = (len(vcuts) + 1) * (len(acuts) + 1)
    if count == 1 or count > MAX_PIECES:
        return None
    return [(pa, pv) for pa in _split(a, acuts) for pv in _split(v, vcuts)]


def _enclosure(act: CatalogueActivation, h: str, order: tuple[int, int], a: arb, v: arb,
               tol_bits: int, eval_limit: int) -> arb:
    pieces = _pieces_of(a, v)
    if pieces is None:
        return _cell_enclosure(act, h, order, a, v, tol_bits, eval_limit)
    out = None  # the union of the pieces' enclosures
    for pa, pv in pieces:
        key = (act.spec, h, order, _key(pa), _key(pv), ctx.prec, tol_bits, eval_limit)
        e = _BOXES.get(key)
        if e is None:
            e = _cell_enclosure(act, h, order, pa, pv, tol_bits, eval_limit)
            if e.is_finite() or not passed(give_up_time()):
                _BOXES[key] = e
        if not e.is_finite():
            return arb.nan()
        out = e if out is None else out.union(e)
    return out


def _cell_enclosure(act: CatalogueActivation, h: str, order: tuple[int, int], a: arb, v: arb,
                    tol_bits: int, eval_limit: int) -> arb:
    """The Taylor model of the cell holding the balls (module docstring)."""
    c = cell(a, v)
    if c is None:
        return arb.nan()
    ca, ha, cv, hv = c
    p, q = order
    if p + 2 * q > HIGHEST_PARTIAL:
        raise ValueError(f"partial {order} is above the highest the cells hold")
    ka, kv = DEGREES

    def coef(n: int) -> arb:
        return _coefficient(act, h, n, ca, cv, tol_bits, eval_limit)

    def bound(n: int) -> arb:
        return cauchy_bound(act, h, n, c)

    # the polynomial, rows in a (i) and columns in v (j), re-expanded at the box's midpoint
    rows = [[coef(p + i + 2 * q + 2 * j) / (arb.fac_ui(i) * arb.fac_ui(j) * 2 ** (q + j))
             for j in range(kv)] for i in range(ka)]
    sa, sv = arb(a.mid()) - ca, arb(v.mid()) - cv
    cols = [_shift([rows[i][j] for i in range(ka)], sa) for j in range(kv)]
    rows = [_shift([cols[j][i] for j in range(kv)], sv) for i in range(ka)]
    ra, rv = arb(a.rad()), arb(v.rad())
    total, spread = rows[0][0], arb(0)
    for i in range(ka):
        for j in range(kv):
            if i or j:
                spread += rows[i][j].abs_upper() * _pow(ra, i) * _pow(rv, j)
    # the remainders, with |delta| <= |s| + r
    da, dv = abs(sa) + ra, abs(sv) + rv
    rest = arb(0)
    for j in range(kv):
        rest += bound(p + ka + 2 * q + 2 * j) * _pow(da, ka) * _pow(dv, j) / (
            arb.fac_ui(ka) * arb.fac_ui(j) * 2 ** (q + j))
    rest += bound(p + 2 * q + 2 * kv) * _pow(dv, kv) / (arb.fac_ui(kv) * 2 ** (q + kv))
    err = (spread + rest).upper()
    return total + arb(0, err) if err.is_finite() else arb.nan()
