"""What a search of :mod:`selu_proof.fixedpoint.over_box` returns, and how it compares.

:class:`FixedPointSet` (the certified enclosure of the fixed points over a box of weight
statistics, its inner bounds and witnesses) and its :class:`SetPiece` pieces, printed
with outward (enclosures) and inward (inner ends, Krawczyk boxes) rounding;
:func:`compare_with_box` sets the hull against the paper's box :data:`PAPER_BOX`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from selu_proof.fixedpoint.exact_input import _fmt_exact
from selu_proof.fixedpoint.results import STATUS_UNIQUE
from selu_proof.kernel.exact import fraction_str

__all__ = ["FixedPointSet", "SetPiece", "PAPER_BOX", "compare_with_box"]

#: The paper's statement of where the fixed point lies over Theorem 1's box
#: (Theorem 1): ``mean in [-0.03106, 0.06773]``, ``var in [0.80009, 1.48617]``.
PAPER_BOX: dict[str, tuple[str, str]] = {"mean": ("-0.03106", "0.06773"),
                                         "var": ("0.80009", "1.48617")}

_NAMES = ("mean", "var")


@dataclass(frozen=True)
class SetPiece:
    """One certified piece of the parameter box.

    For every ``(omega, tau)`` in ``omega x tau`` the fixed point is unique in
    ``box`` (the Krawczyk test box) and lies in ``enclosure``.  All ends are
    exact Fractions (the ends of the balls); ``box`` and ``enclosure`` map
    ``mean``, ``var`` to ``(lower, upper)``.  :meth:`FixedPointSet.as_dict`
    prints them rounded inward (``box``) and outward (``enclosure``).
    """

    omega: tuple[Fraction, Fraction]
    tau: tuple[Fraction, Fraction]
    box: dict[str, tuple[Fraction, Fraction]]
    enclosure: dict[str, tuple[Fraction, Fraction]]


@dataclass(frozen=True)
class FixedPointSet:
    """A certified outer enclosure of the fixed points over a box of ``(omega, tau)``.

    Attributes
    ----------
    status
        ``"unique"``: every piece of the parameter box was certified (each
        fixed point unique in its piece's box) and every end of ``mean``,
        ``var`` is within ``tolerance`` of the true hull.  ``"unknown"``:
        ``reason`` says what failed; ``mean``/``var`` are still a valid outer
        enclosure when the cover succeeded but the tolerance was not reached,
        and ``None`` when some piece could not be certified.
    mean, var
        ``[lower, upper]`` decimal strings, rounded outward: every fixed point
        of ``g_(omega, tau)`` for ``(omega, tau)`` in the box (the one unique in
        its piece's box) has its coordinates in them.
    inner
        ``{"mean": [lo, hi], "var": [lo, hi]}`` rounded inward: certified fixed
        points at exact parameter points reach these values, so the true hull
        contains ``[lo, hi]``.  ``mean[0] <= true min <= inner["mean"][0]``
        and so on; each gap is at most ``tolerance`` for ``unique``.
    witnesses
        For each end (``mean_min``, ``mean_max``, ``var_min``, ``var_max``):
        the exact ``omega``, ``tau`` of the fixed point giving the inner end,
        and that fixed point's enclosure.
    pieces
        The certified pieces (:class:`SetPiece`).
    boxes
        Parameter boxes tested with the interval-parameter Krawczyk test.
    seconds
        Wall-clock time (the only non-deterministic field).
    """

    status: str
    reason: str
    omega: list[str]
    tau: list[str]
    tolerance: str
    convention: str
    mean: list[str] | None
    var: list[str] | None
    inner: dict[str, list[str]]
    witnesses: dict[str, dict[str, Any]]
    pieces: tuple[SetPiece, ...] = field(repr=False)
    boxes: int = 0
    points: int = 0
    seconds: float = 0.0

    @property
    def is_unique(self) -> bool:
        """True when the whole set was certified within the tolerance."""
        return self.status == STATUS_UNIQUE

    def as_dict(self, pieces: bool = False) -> dict[str, Any]:
        """JSON-ready dictionary; ``pieces=True`` adds every piece as decimal strings."""
        out: dict[str, Any] = {
            "mean": self.mean, "var": self.var, "status": self.status, "reason": self.reason,
            "boxes": self.boxes, "pieces": len(self.pieces), "points": self.points,
            "seconds": round(self.seconds, 2), "omega": self.omega, "tau": self.tau,
            "tolerance": self.tolerance, "inner": self.inner, "witnesses": self.witnesses,
            "convention": self.convention}
        if pieces:
            out["piece_list"] = [_piece_dict(p) for p in self.pieces]
        return out

    def gap(self, name: str) -> tuple[Fraction, Fraction] | None:
        """``(inner_lo - outer_lo, outer_hi - inner_hi)`` for ``name``, exactly."""
        outer = self.mean if name == "mean" else self.var
        if outer is None or name not in self.inner:
            return None
        inner = self.inner[name]
        return (Fraction(inner[0]) - Fraction(outer[0]), Fraction(outer[1]) - Fraction(inner[1]))


def _piece_dict(p: SetPiece) -> dict[str, Any]:
    def pair(lo_hi, places=17):
        return [_round_places(lo_hi[0], places, False), _round_places(lo_hi[1], places, True)]

    def inward(lo_hi, places=17):
        return [_round_places(lo_hi[0], places, True), _round_places(lo_hi[1], places, False)]

    return {"omega": [_fmt_exact(p.omega[0]), _fmt_exact(p.omega[1])],
            "tau": [_fmt_exact(p.tau[0]), _fmt_exact(p.tau[1])],
            "enclosure": {n: pair(p.enclosure[n]) for n in _NAMES},
            "box": {n: inward(p.box[n]) for n in _NAMES}}


def _round_places(q: Fraction, places: int, up: bool) -> str:
    """``q`` rounded up or down to ``places`` decimal places, as a decimal string."""
    scaled = q * 10 ** places
    n = math.ceil(scaled) if up else math.floor(scaled)
    text = fraction_str(Fraction(n, 10 ** places))
    return "0" if text in ("-0", "0.0") else text



def compare_with_box(result: FixedPointSet, box: dict[str, tuple[str, str]] | None = None
                     ) -> dict[str, str]:
    """Widths and area of the certified hull relative to ``box`` (default :data:`PAPER_BOX`).

    Returns decimal strings (6 significant digits) of ``mean_width``,
    ``var_width`` (of the outer enclosure), ``mean_ratio``, ``var_ratio`` (hull width /
    box width) and ``area_ratio`` (their product).  The outer enclosure is within
    the tolerance of the true hull, so the ratios are those of the true hull to
    that accuracy.  ``union_area_ratio`` (3 digits) is the area of the union of
    the pieces' enclosures over the box's area, an upper bound of the area of
    the set itself (it shrinks as the pieces get finer, see ``grid``).

    >>> from selu_proof.fixedpoint.over_box import fixed_point_set
    >>> s = fixed_point_set(("-0.1", "0.1"), ("0.95", "1.1"))
    >>> compare_with_box(s)["area_ratio"]
    '0.650989'
    """
    if result.mean is None or result.var is None:
        raise ValueError(f"no enclosure to compare (status {result.status}: {result.reason})")
    box = PAPER_BOX if box is None else box
    out: dict[str, str] = {}
    area = Fraction(1)
    for name, outer in (("mean", result.mean), ("var", result.var)):
        width = Fraction(outer[1]) - Fraction(outer[0])
        ratio = width / (Fraction(box[name][1]) - Fraction(box[name][0]))
        area *= ratio
        out[f"{name}_width"] = fraction_str(width)
        out[f"{name}_ratio"] = f"{float(ratio):.6g}"
    out["area_ratio"] = f"{float(area):.6g}"
    if result.pieces:
        union = _union_area([(p.enclosure["mean"], p.enclosure["var"]) for p in result.pieces])
        box_area = ((Fraction(box["mean"][1]) - Fraction(box["mean"][0]))
                    * (Fraction(box["var"][1]) - Fraction(box["var"][0])))
        out["union_area_ratio"] = f"{float(union / box_area):.3g}"
    return out


def _union_area(rects: Sequence[tuple[tuple[Fraction, Fraction], tuple[Fraction, Fraction]]]
                ) -> Fraction:
    """Exact area of a union of rectangles (coordinate compression)."""
    xs = sorted({x for r in rects for x in r[0]})
    ys = sorted({y for r in rects for y in r[1]})
    xi = {x: i for i, x in enumerate(xs)}
    yi = {y: j for j, y in enumerate(ys)}
    covered = np.zeros((len(xs) - 1, len(ys) - 1), dtype=bool)
    for (x0, x1), (y0, y1) in rects:
        covered[xi[x0]:xi[x1], yi[y0]:yi[y1]] = True
    dx = [xs[i + 1] - xs[i] for i in range(len(xs) - 1)]
    dy = [ys[j + 1] - ys[j] for j in range(len(ys) - 1)]
    return sum((dx[i] * dy[j] for i, j in zip(*np.nonzero(covered), strict=True)), Fraction(0))
