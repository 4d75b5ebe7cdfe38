"""Trajectory of a simulated network against the moment map ``g`` (paper Eq. (4)-(5)).

:func:`plot_simulation` draws the empirical mean and variance per layer of a
:func:`selu_proof.numeric.simulate` run next to ``g`` iterated with each layer's
realised ``(omega, tau)`` and the certified fixed point (paper Theorem 1).
"""

from __future__ import annotations

import os
from typing import Any


def _figure_and_axes(path_or_ax: Any, ncols: int) -> tuple[Any, list[Any], str | None]:
    import matplotlib

    if isinstance(path_or_ax, (str, os.PathLike)):
        matplotlib.use("Agg", force=False)
        from matplotlib.figure import Figure

        fig = Figure(figsize=(4.2 * ncols, 3.6), layout="constrained")
        axes = [fig.add_subplot(1, ncols, k + 1) for k in range(ncols)]
        return fig, axes, os.fspath(path_or_ax)
    if hasattr(path_or_ax, "ravel"):  # the array of Axes from ``plt.subplots(1, n)``
        path_or_ax = list(path_or_ax.ravel())
    axes = list(path_or_ax) if isinstance(path_or_ax, (list, tuple)) else None
    if axes is None or len(axes) != ncols:
        raise TypeError(f"path_or_ax must be a file path or a sequence of {ncols} Axes")
    return axes[0].figure, axes, None


def plot_simulation(result: Any, path_or_ax: Any) -> Any:
    """Trajectory of a simulated network: empirical vs predicted mean and variance per layer.

    Left panel the mean, right panel the variance of the activations, layer 0
    being the input.  Dots: the simulation, with ±2 standard-error bars;
    line: the moment map ``g`` iterated from the input moments with the
    realised ``(omega, tau)`` of each layer (paper Eq. (4)-(5)); dashed line
    and band: the certified fixed point and its enclosure, when applicable.

    Parameters
    ----------
    result : SimulationResult
        From :func:`selu_proof.numeric.simulate`.
    path_or_ax : str, path or sequence of two Axes
        A file name (format from the extension: ``.png``, ``.pdf``, ``.svg``)
        or two existing matplotlib Axes to draw into.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import numpy as np

    fig, (ax_m, ax_v), path = _figure_and_axes(path_or_ax, 2)
    layers = np.array([r.layer for r in result.layers])
    cfg = result.config
    box = result.fixed_point_enclosure()
    for k, (ax, key, label) in enumerate(((ax_m, "mean", "mean"), (ax_v, "var", "variance"))):
        emp = np.array([getattr(r, key) for r in result.layers], dtype=float)
        se = np.array([getattr(r, "se_" + key) for r in result.layers], dtype=float)
        pred = np.array([np.nan if getattr(r, "predicted_" + key) is None
                         else getattr(r, "predicted_" + key) for r in result.layers])
        if box is not None:  # the certified fixed point of the activation's own g
            lo, hi = box[k]
            ax.axhspan(lo, hi, color="tab:green", alpha=0.25, lw=0)
            ax.axhline((lo + hi) / 2, color="tab:green", ls="--", lw=1.2,
                       label=f"certified fixed point: {label} {(lo + hi) / 2:.6f}")
        ax.errorbar(layers, emp, yerr=2 * se, fmt="o", ms=2.5, lw=0.8, color="tab:blue",
                    elinewidth=0.6, label="simulation (±2 SE)")
        if np.isfinite(pred).any():
            ax.plot(layers, pred, color="tab:red", lw=1.3, label="g iterated")
        ax.set_xlabel("layer")
        ax.set_ylabel(label)
        ax.grid(alpha=0.3)
        if key == "var" and np.all(emp[np.isfinite(emp)] > 0) and \
                emp.max() / max(emp.min(), 1e-300) > 1e3:
            ax.set_yscale("log")
    ax_v.legend(fontsize=8, loc="best")
    title = (f"{cfg.get('activation', '')}, {cfg.get('init', '')} init "
             f"(ω={cfg.get('implied_omega', 0):g}, τ={cfg.get('implied_tau', 1):g}), "
             f"width {cfg.get('width')}, batch {cfg.get('batch')}")
    if cfg.get("dropout_rate"):
        title += f", alpha dropout {cfg['dropout_rate']:g}"
    fig.suptitle(title, fontsize=10)
    if path is not None:
        from selu_proof.plots.common import save_figure

        save_figure(fig, path, dpi=130)
    return fig
