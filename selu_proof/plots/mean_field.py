"""Mean-field figures: the correlation map and backpropagated gradients.

Same conventions as :mod:`selu_proof.plots.common`: each function draws into a given
Axes (or a new Agg figure) and returns a :class:`~selu_proof.plots.common.FigureData`
with the data drawn and a JSON-ready ``summary()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from selu_proof.plots.common import FigureData, _new_axes

__all__ = ["CorrelationMapPlot", "GradientsPlot", "plot_correlation_map", "plot_gradients"]


@dataclass(repr=False)
class CorrelationMapPlot(FigureData):
    """Data of :func:`plot_correlation_map`: ``curves[name] = (c, c~)`` and the fixed points."""

    c: Any = None
    curves: dict[str, Any] = field(default_factory=dict)
    fixed_points: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        """Fixed points of each map with their slopes and stability."""
        return {"fixed_points": {k: [{"c": p["c"], "slope": p["slope"], "stable": p["stable"]}
                                     for p in v] for k, v in self.fixed_points.items()},
                "points": len(self.c)}


@dataclass(repr=False)
class GradientsPlot(FigureData):
    """Data of :func:`plot_gradients`."""

    layers: Any = None
    grad_sq: Any = None
    predicted: Any = None
    config: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        """Input-layer gradient, its prediction, and the run's configuration."""
        return {"grad_sq_input": float(self.grad_sq[0]),
                "predicted_grad_sq_input": float(self.predicted[0]),
                "grad_sq_output": float(self.grad_sq[-1]), "config": self.config}


def plot_correlation_map(ax: Any = None, *, points: int = 41,
                         dropout_rate: str | None = "0.1") -> CorrelationMapPlot:
    r"""``c~`` against ``c``: SELU at its fixed point (with and without alpha dropout), ReLU, tanh.

    SELU (``alpha_01, lambda_01``, ``omega = 0, tau = 1``, fixed point ``(0, 1)``)
    by quadrature of the closed-form inner expectation; ReLU with He
    initialization (``tau = 2``, zero-sum weights, centred correlation); tanh at
    ``tau = 1`` and ``nu = 1``.  The diagonal and the fixed points, certified by
    :func:`selu_proof.meanfield.report.mean_field` (filled: stable, open: unstable), are
    drawn.
    """
    import numpy as np

    from selu_proof.meanfield.report import catalogue_model, mean_field, selu_model

    fig, ax = _new_axes(ax, (5.6, 4.6))
    c = np.linspace(-1, 1, points)
    selu = selu_model(digits=8)
    runs = {"SELU": (selu, {}), "ReLU (He)": (catalogue_model("relu", digits=8), {"tau": "2"}),
            "tanh (τ = 1, ν = 1)": (catalogue_model("tanh", digits=8), {})}
    if dropout_rate:
        runs[f"SELU + alpha dropout {dropout_rate}"] = (selu, {"dropout_rate": dropout_rate})
    colours = dict(zip(runs, ("tab:blue", "tab:gray", "tab:green", "tab:purple")))
    curves, fixed = {}, {}
    for name, (model, kw) in runs.items():
        res = mean_field(model, digits=8, search=True, **kw)  # at the states too
        cmap = _map_of(res)
        values = [cmap(float(t)) for t in c]
        curves[name] = (c, np.array(values))
        fixed[name] = [_midpoints(p) for p in
                       res["correlation_fixed_points"]["centred"]["fixed_points"]]
        ax.plot(c, values, color=colours[name], lw=1.8, label=name)
        for p in fixed[name]:
            y = cmap(p["c"])
            ax.plot([p["c"]], [y], "o", color=colours[name], ms=6,
                    mfc=colours[name] if p["stable"] else "white")
    ax.plot([-1, 1], [-1, 1], color="0.5", lw=0.8, ls="--", label="c~ = c")
    ax.set_xlabel("input correlation c")
    ax.set_ylabel("output correlation c~")
    ax.set_title("correlation map (filled: stable fixed point)")
    ax.legend(fontsize=8, loc="upper left")
    return CorrelationMapPlot(fig, c, curves, fixed)


def _midpoints(p: dict[str, Any]) -> dict[str, Any]:
    """A certified fixed point (``c``, ``slope`` as ``[lo, hi]``) at its midpoints, floats."""
    from fractions import Fraction

    def mid(iv: list[str]) -> float:
        return float((Fraction(iv[0]) + Fraction(iv[1])) / 2)

    return {"c": mid(p["c"]), "slope": mid(p["slope"]), "stable": p["stable"]}


def _map_of(res: dict[str, Any]) -> Any:
    """The float correlation map (centred) of a mean-field report at its pre-activations
    (the fixed point, or the state the report evaluated at), times alpha dropout's
    covariance factor.
    """
    from fractions import Fraction

    from selu_proof.meanfield.selu import _tanh_pair, correlation_map
    from selu_proof.numeric.activations import get_activation

    act = get_activation(res["activation"])
    fp, w = res["fixed_point"], res["weights"]
    a, v = (float(sum(Fraction(x) for x in fp[k]) / 2 * Fraction(w[m]))
            for k, m in (("mean", "omega"), ("var", "tau")))
    if act.selu_params is None:
        return lambda t: 1.0 if t == 1 else _tanh_pair(t, a, v)[0]
    alpha, lam = act.selu_params
    factor = float(res["dropout"]["covariance_factor"][0]) if res["dropout"] else 1.0

    def cmap(t: float) -> float:
        return factor * float(correlation_map(t, a, v, alpha, lam, method="scipy"))

    return cmap


def plot_gradients(result: Any = None, ax: Any = None, *, depth: int = 50, width: int = 500,
                   batch: int = 500, seed: int = 0,
                   dropout_rate: float = 0.0) -> GradientsPlot:
    r"""Simulated ``grad_sq`` per layer (log scale) against ``grad_sq[L] * prod chi1``.

    ``result`` is a :class:`~selu_proof.numeric.backprop.GradientResult`; when
    omitted, a SELU network (LeCun normal) of the given size is simulated.
    """
    import numpy as np

    if result is None:
        from selu_proof.numeric.backprop import simulate_gradients

        result = simulate_gradients(depth, width, batch, rng=np.random.default_rng(seed),
                                    dropout_rate=dropout_rate)
    fig, ax = _new_axes(ax, (5.6, 4.2))
    layers = np.array([r.layer for r in result.layers])
    g = np.array([r.grad_sq for r in result.layers])
    se = np.array([r.se_grad_sq for r in result.layers])
    pred = np.array([r.predicted_grad_sq for r in result.layers])
    ax.errorbar(layers, g, yerr=2 * se, fmt="o", ms=3, color="tab:blue",
                label="simulation (±2 SE)")
    ax.plot(layers, pred, color="tab:red", lw=1.5, label="grad_sq[L] · ∏ χ₁ (mean field)")
    ax.set_yscale("log")
    ax.set_xlabel("layer (0 = input)")
    ax.set_ylabel("mean squared gradient per unit")
    cfg = result.config
    ax.set_title(f"{cfg['activation']}, depth {cfg['depth']}, width {cfg['width']}"
                 + (f", alpha dropout {cfg['dropout_rate']:g}" if cfg["dropout_rate"] else ""))
    ax.legend(fontsize=8)
    return GradientsPlot(fig, layers, g, pred, dict(cfg))
