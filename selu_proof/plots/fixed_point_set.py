"""Figure of the certified set of fixed points inside the paper's box (Theorem 1).

:func:`plot_fixed_point_set` draws the pieces of
:func:`selu_proof.fixedpoint.over_box.fixed_point_set` in the ``(mean, var)`` plane,
the certified outer hull, and the box ``[-0.03106, 0.06773] x [0.80009, 1.48617]``
in which the paper states the fixed point lies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from selu_proof.fixedpoint.over_box import (
    PAPER_BOX,
    FixedPointSet,
    compare_with_box,
    fixed_point_set,
)
from selu_proof.plots.common import FigureData, _new_axes

__all__ = ["plot_fixed_point_set", "FixedPointSetPlot", "THEOREM1_WEIGHTS"]

#: Theorem 1's weight statistics: ``omega in [-0.1, 0.1]``, ``tau in [0.95, 1.1]``.
THEOREM1_WEIGHTS: tuple[tuple[str, str], tuple[str, str]] = (("-0.1", "0.1"), ("0.95", "1.1"))


@dataclass(repr=False)
class FixedPointSetPlot(FigureData):
    """Data of :func:`plot_fixed_point_set`.

    Attributes
    ----------
    result : FixedPointSet
        The certified set drawn.
    comparison : dict
        :func:`selu_proof.fixedpoint.over_box.compare_with_box` against the paper's box.
    edge_curve : ndarray
        Float fixed points along the boundary of the ``(omega, tau)`` box
        (an illustration, not part of the proof), shape ``(n, 2)``.
    """

    result: FixedPointSet = field(repr=False)
    comparison: dict[str, str] = field(default_factory=dict)
    edge_curve: Any = field(default=None, repr=False)

    def summary(self) -> dict[str, Any]:
        """The certified hull, status, piece count and the ratios to the paper's box."""
        return {"mean": self.result.mean, "var": self.result.var, "status": self.result.status,
                "pieces": len(self.result.pieces), "paper_box": {k: list(v) for k, v in
                                                                 PAPER_BOX.items()},
                **self.comparison}


def _edge_curve(result: FixedPointSet, n: int = 60) -> Any:
    """Float fixed points along the four edges of the parameter box (numerical only)."""
    import numpy as np

    from selu_proof.fixedpoint.set_engine import _Engine

    engine = _Engine(None, None, 53, Fraction(1))
    (w0, w1), (t0, t1) = ([float(Fraction(x)) for x in result.omega],
                          [float(Fraction(x)) for x in result.tau])
    s = np.linspace(0.0, 1.0, n)
    path = np.concatenate([
        np.stack([w0 + (w1 - w0) * s, np.full(n, t0)], 1),
        np.stack([np.full(n, w1), t0 + (t1 - t0) * s], 1),
        np.stack([w1 - (w1 - w0) * s, np.full(n, t1)], 1),
        np.stack([np.full(n, w0), t1 - (t1 - t0) * s], 1)])
    pts, x = [], [0.0, 1.0]
    for w, t in path:
        y = engine.newton(float(w), float(t), x)
        if y is not None:
            pts.append(y)
            x = y
    return np.array(pts)


def plot_fixed_point_set(result: FixedPointSet | None = None, ax: Any = None
                         ) -> FixedPointSetPlot:
    """The certified set of fixed points of ``g`` inside the paper's box (Theorem 1).

    Each certified piece (a sub-box of the weight statistics) is drawn as the
    rectangle that encloses its fixed points; the solid outline is the certified
    hull (within the tolerance of the true one), the dashed one the paper's
    ``[-0.03106, 0.06773] x [0.80009, 1.48617]``; the thin line joins float fixed
    points along the boundary of the ``(omega, tau)`` box (an illustration).

    Parameters
    ----------
    result : FixedPointSet, optional
        Default: :func:`~selu_proof.fixedpoint.over_box.fixed_point_set` over Theorem 1's
        ``omega in [-0.1, 0.1], tau in [0.95, 1.1]``, started from a grid of
        4 x 64 pieces (omega x tau) so that the pieces show the set's shape.
    ax : matplotlib Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    FixedPointSetPlot
    """
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    if result is None:
        result = fixed_point_set(*THEOREM1_WEIGHTS, grid=(4, 64))
    if result.mean is None or result.var is None:
        raise ValueError(f"nothing to draw: status {result.status} ({result.reason})")
    fig, ax = _new_axes(ax, (6.4, 5.2))
    rects = [Rectangle((float(p.enclosure["mean"][0]), float(p.enclosure["var"][0])),
                       float(p.enclosure["mean"][1] - p.enclosure["mean"][0]),
                       float(p.enclosure["var"][1] - p.enclosure["var"][0]))
             for p in result.pieces]
    ax.add_collection(PatchCollection(rects, facecolors="#9ecae1", edgecolors="#3182bd",
                                      linewidths=0.4, alpha=0.8))
    (m0, m1), (v0, v1) = ([float(Fraction(x)) for x in result.mean],
                          [float(Fraction(x)) for x in result.var])
    ax.add_patch(Rectangle((m0, v0), m1 - m0, v1 - v0, fill=False, edgecolor="#08519c",
                           linewidth=1.4, label=f"certified hull ({len(result.pieces)} pieces)"))
    (pm0, pm1), (pv0, pv1) = ([float(Fraction(x)) for x in PAPER_BOX["mean"]],
                              [float(Fraction(x)) for x in PAPER_BOX["var"]])
    ax.add_patch(Rectangle((pm0, pv0), pm1 - pm0, pv1 - pv0, fill=False, edgecolor="#d62728",
                           linestyle="--", linewidth=1.2, label="paper's box (Theorem 1)"))
    curve = _edge_curve(result)
    if len(curve):
        ax.plot(curve[:, 0], curve[:, 1], color="0.2", linewidth=0.8,
                label="fixed points on the box edges (float)")
    for w in result.witnesses.values():
        ax.plot(float(Fraction(w["mean"][0])), float(Fraction(w["var"][0])), "o", color="k",
                markersize=3)
    pad_m, pad_v = 0.05 * (pm1 - pm0), 0.05 * (pv1 - pv0)
    ax.set_xlim(min(pm0, m0) - pad_m, max(pm1, m1) + pad_m)
    ax.set_ylim(min(pv0, v0) - pad_v, max(pv1, v1) + pad_v)
    ax.set_xlabel("mean  mu*")
    ax.set_ylabel("variance  nu*")
    comparison = compare_with_box(result)
    ax.set_title(f"Fixed points for omega in [{', '.join(result.omega)}], tau in "
                 f"[{', '.join(result.tau)}]\nwidths {comparison['mean_ratio']} x "
                 f"{comparison['var_ratio']} of the paper's box, area "
                 f"{comparison['area_ratio']}", fontsize=10)
    ax.legend(fontsize=8, loc="upper left")
    return FixedPointSetPlot(fig, result, comparison, curve)
