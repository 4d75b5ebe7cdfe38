"""SELU next to ELU and ReLU (paper Eq. (2)), with the saturation ``-lambda*alpha``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from selu_proof.plots.common import FigureData, _new_axes


@dataclass(repr=False)
class ActivationPlot(FigureData):
    """Data of :func:`plot_activation`.

    Attributes
    ----------
    x : ndarray
        Abscissae.
    curves : dict
        Name -> values at ``x`` (``"selu"``, ``"elu"``, ``"relu"``).
    alpha, lam : float
        The SELU parameters drawn.
    saturation : float
        ``-lam*alpha``, the limit of SELU for ``x -> -inf``.
    """

    x: Any = field(repr=False)
    curves: dict[str, Any] = field(repr=False)
    alpha: float
    lam: float
    saturation: float

    def summary(self) -> dict[str, Any]:
        """Parameters and the saturation value."""
        return {"alpha": self.alpha, "lambda": self.lam, "saturation": self.saturation,
                "x_range": [float(self.x[0]), float(self.x[-1])], "curves": list(self.curves)}


def plot_activation(ax: Any = None, *, x_range: tuple[float, float] = (-5.0, 3.0),
                    alpha: float | None = None, lam: float | None = None) -> ActivationPlot:
    r"""SELU beside ELU and ReLU, with the saturation value ``-lambda*alpha`` marked.

    .. math:: \mathrm{selu}(x) = \lambda x \ (x > 0), \quad
              \lambda\alpha(e^x - 1) \ (x \le 0) \ \to\ -\lambda\alpha \ (x \to -\infty)

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where to draw; a new figure when omitted.
    x_range : (float, float)
        Abscissa range.
    alpha, lam : float, optional
        SELU parameters; default ``alpha_01``, ``lambda_01`` (paper Eq. (8)-(9)).

    Returns
    -------
    ActivationPlot

    Examples
    --------
    >>> p = plot_activation()
    >>> round(p.saturation, 10)
    -1.7580993408
    """
    import numpy as np

    from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01
    from selu_proof.numeric.activations import elu, relu, selu

    al = ALPHA_01 if alpha is None else float(alpha)
    la = LAMBDA_01 if lam is None else float(lam)
    lo, hi = (float(t) for t in x_range)
    if not lo < hi:
        raise ValueError(f"x_range must be increasing, got {x_range}")
    fig, ax = _new_axes(ax, (6.4, 4.2))
    x = np.linspace(lo, hi, 801)
    curves = {"selu": selu(x, al, la), "elu": elu(x), "relu": relu(x)}
    sat = -la * al
    names = "α01, λ01" if alpha is None and lam is None else "α, λ"
    ax.axhline(0, color="0.6", lw=0.6)
    ax.axvline(0, color="0.6", lw=0.6)
    ax.plot(x, curves["relu"], color="tab:gray", lw=1.5, ls=":", label="ReLU")
    ax.plot(x, curves["elu"], color="tab:orange", lw=1.5, ls="--", label="ELU (α = 1)")
    ax.plot(x, curves["selu"], color="tab:blue", lw=2.2,
            label=f"SELU ({names} = {al:.4f}, {la:.4f})")
    ax.axhline(sat, color="tab:red", lw=1.0, ls="--",
               label=f"saturation −λα = {sat:.4f}")
    ax.annotate(f"−λα ≈ {sat:.4f}\n(value of a dropped unit\nin alpha dropout)",
                xy=(lo + 0.15 * (hi - lo), sat), xytext=(lo + 0.15 * (hi - lo), sat + 1.1),
                fontsize=8, color="tab:red", ha="left",
                arrowprops={"arrowstyle": "->", "color": "tab:red", "lw": 0.8})
    ax.annotate(f"slope λ = {la:.4f} > 1", xy=(0.7 * hi, la * 0.7 * hi),
                xytext=(0.15 * hi, la * 0.95 * hi), fontsize=8, color="tab:blue",
                arrowprops={"arrowstyle": "->", "color": "tab:blue", "lw": 0.8})
    ax.set_xlim(lo, hi)
    ax.set_ylim(min(sat, -1.0) - 0.4, max(curves["selu"].max(), hi) + 0.2)
    ax.set_xlabel("x")
    ax.set_ylabel("f(x)")
    ax.set_title("SELU, ELU and ReLU")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="upper left")
    return ActivationPlot(fig, x, curves, al, la, sat)
