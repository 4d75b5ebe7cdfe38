"""Figures (matplotlib, Agg backend); each function is self-contained.

The format of a saved figure follows the file extension (PNG, PDF or SVG).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

__all__ = ["plot_simulation", "save_figure", "FIGURE_FORMATS", "FigureData",
           "plot_activation", "ActivationPlot", "plot_mapping_field", "MappingFieldPlot",
           "plot_spectral_norm", "SpectralNormPlot", "worst_case_weights",
           "plot_certificate_cover", "CoverPlot", "CertificateLeaf", "certificate_leaves"]


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
    fp = result.fixed_point
    for ax, key, label in ((ax_m, "mean", "mean"), (ax_v, "var", "variance")):
        emp = np.array([getattr(r, key) for r in result.layers], dtype=float)
        se = np.array([getattr(r, "se_" + key) for r in result.layers], dtype=float)
        pred = np.array([np.nan if getattr(r, "predicted_" + key) is None
                         else getattr(r, "predicted_" + key) for r in result.layers])
        if fp is not None and fp.get("status") == "unique":
            lo, hi = (float(t) for t in fp["box"][key])
            ax.axhspan(lo, hi, color="tab:green", alpha=0.25, lw=0)
            ax.axhline(float(fp[key]), color="tab:green", ls="--", lw=1.2,
                       label=f"certified fixed point: {label} {float(fp[key]):.6f}")
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
        fig.savefig(path, dpi=130)
    return fig


# ---------------------------------------------------------------------------
# Exploration figures: activation, mapping field, spectral norm, certificate cover.
#
# Each ``plot_*`` function draws into an optional Axes (a new Figure, rendered
# by matplotlib's Agg canvas, when none is given) and returns a dataclass with
# the data it drew; the dataclass renders itself as PNG in Jupyter and has a
# JSON-ready ``summary()``.  No pyplot state is touched.

#: file extensions :func:`save_figure` writes, and the matplotlib format of each
FIGURE_FORMATS: dict[str, str] = {".png": "png", ".pdf": "pdf", ".svg": "svg"}

#: colours of the leaf categories in :func:`plot_certificate_cover`
COVER_COLOURS: dict[str, str] = {"natural": "tab:blue", "mean_value": "tab:orange",
                                 "monotone": "tab:green"}
_COVER_LABELS = {"natural": "natural interval form", "mean_value": "mean-value form",
                 "monotone": "monotone (on a face)"}
_VARS = ("mu", "omega", "nu", "tau")
_PLANES: dict[str, tuple[str, str]] = {"mu-nu": ("μ", "ν"), "a-v": ("a = μω", "v = ντ"),
                                       "omega-tau": ("ω", "τ")}


def save_figure(fig: Any, path: str | os.PathLike[str], *, dpi: int = 150) -> Path:
    """Save ``fig`` in the format named by the extension of ``path`` (PNG, PDF or SVG).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to write.
    path : str or path
        Target file; its extension (case-insensitive) chooses the format.
    dpi : int
        Resolution of PNG output.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    ValueError
        If the extension is not ``.png``, ``.pdf`` or ``.svg``.
    """
    p = Path(path)
    fmt = FIGURE_FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot save a figure as {p.name!r}: the file name must end in "
                         f"{', '.join(FIGURE_FORMATS)}")
    fig.savefig(p, format=fmt, dpi=dpi)
    return p


def _new_axes(ax: Any, figsize: tuple[float, float]) -> tuple[Any, Any]:
    """``(figure, axes)``: ``ax`` and its figure, or a new Agg-rendered Figure."""
    if ax is not None:
        return ax.figure, ax
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize, layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


@dataclass
class FigureData:
    """Base of the values returned by the ``plot_*`` functions: the figure and what it shows."""

    figure: Any = field(repr=False)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the figure (:func:`save_figure`)."""
        return save_figure(self.figure, path)

    def summary(self) -> dict[str, Any]:  # pragma: no cover - overridden
        """Key numbers of the figure, JSON-ready."""
        return {}

    def _repr_png_(self) -> bytes:
        import io

        buf = io.BytesIO()
        self.figure.savefig(buf, format="png", dpi=100)
        return buf.getvalue()


# --------------------------------------------------------------------------- activation


@dataclass
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

    from selu_proof.constants import ALPHA_01, LAMBDA_01
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


# --------------------------------------------------------------------------- helpers


def _theorem1_domain() -> tuple[tuple[float, float], ...]:
    """The Theorem 1 domain ``(mu, omega, nu, tau)`` as floats, from ``proofs/theorem1.toml``."""
    from selu_proof.interval.specs import load_spec, shipped_specs

    spec = load_spec(shipped_specs()["theorem1"])
    return tuple((float(lo), float(hi)) for lo, hi in spec.domain)


def _committed_certificate(name: str = "theorem1") -> Path:
    from selu_proof.interval.specs import PROOFS_DIR

    return PROOFS_DIR / f"{name}.cert.json"


def _theorem1_certified() -> dict[str, Any] | None:
    """Certified maxima of the committed Theorem 1 certificate (``None`` if absent).

    Keys ``"S(H)"``, ``"mean"``, ``"-mean"``, ``"var"``, ``"-var"``: upper bounds
    (decimal strings) of these expressions over the whole domain.  Read as
    data, not re-checked here: ``selu-proof check`` replays them.
    """
    import json

    path = _committed_certificate()
    try:
        cert = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    out: dict[str, Any] = {"file": path.name}
    for claim in cert.get("claims", []):
        for goal in claim.get("goals", []):
            out[goal["expression"]] = goal["certified_max"]
    return out


def _selu_params(alpha: float | None, lam: float | None) -> tuple[float, float]:
    from selu_proof.constants import ALPHA_01, LAMBDA_01

    return (ALPHA_01 if alpha is None else float(alpha),
            LAMBDA_01 if lam is None else float(lam))


def _draw_box(ax: Any, box: tuple[tuple[float, float], tuple[float, float]], **kw: Any) -> Any:
    from matplotlib.patches import Rectangle

    (x0, x1), (y0, y1) = box
    return ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, **kw))


# --------------------------------------------------------------------------- mapping field


@dataclass
class MappingFieldPlot(FigureData):
    """Data of :func:`plot_mapping_field`.

    Attributes
    ----------
    omega, tau : float
        The weight statistics of the map ``g``.
    mu, nu : ndarray
        The grid (2-D, ``meshgrid`` order) where arrows start.
    d_mu, d_nu : ndarray
        ``g(mu, nu) - (mu, nu)`` on the grid.
    fixed_point : dict
        :meth:`selu_proof.fixedpoint.RootResult.as_dict` of the certified fixed
        point of ``g`` at ``(omega, tau)``.
    box : tuple
        The Theorem 1 ``(mu, nu)`` box ``((mu_lo, mu_hi), (nu_lo, nu_hi))``.
    image : ndarray
        Shape ``(2, n)``: ``g`` applied to points along the boundary of ``box``.
    image_bounds : tuple
        ``((min mu~, max mu~), (min nu~, max nu~))`` of ``image``.
    certified_image : tuple or None
        The enclosure of ``g(box)`` for *all* ``(omega, tau)`` of the Theorem 1
        domain certified by the committed certificate (claim ``maps_into``);
        ``None`` when ``(omega, tau)`` is outside that domain, other SELU
        parameters are used, or the certificate is missing.
    window : tuple
        The ``(mu_range, nu_range)`` drawn.
    """

    omega: float
    tau: float
    mu: Any = field(repr=False)
    nu: Any = field(repr=False)
    d_mu: Any = field(repr=False)
    d_nu: Any = field(repr=False)
    fixed_point: dict[str, Any]
    box: tuple[tuple[float, float], tuple[float, float]]
    image: Any = field(repr=False)
    image_bounds: tuple[tuple[float, float], tuple[float, float]]
    certified_image: tuple[tuple[float, float], tuple[float, float]] | None
    window: tuple[tuple[float, float], tuple[float, float]]

    @property
    def image_inside(self) -> bool:
        """Whether the sampled image of the box lies inside the box (a numeric check only)."""
        (m0, m1), (n0, n1) = self.image_bounds
        (b0, b1), (c0, c1) = self.box
        return b0 <= m0 and m1 <= b1 and c0 <= n0 and n1 <= c1

    def summary(self) -> dict[str, Any]:
        """Weight statistics, fixed point, box, image bounds."""
        fp = self.fixed_point
        return {"omega": self.omega, "tau": self.tau,
                "fixed_point": {"status": fp.get("status"), "mean": fp.get("mean"),
                                "var": fp.get("var")},
                "box": {"mu": list(self.box[0]), "nu": list(self.box[1])},
                "image_bounds": {"mu": list(self.image_bounds[0]),
                                 "nu": list(self.image_bounds[1])},
                "image_inside_box": self.image_inside,
                "certified_image": None if self.certified_image is None else
                {"mu": list(self.certified_image[0]), "nu": list(self.certified_image[1])}}


def plot_mapping_field(omega: float | str = 0.0, tau: float | str = 1.0, ax: Any = None, *,
                       mu_range: tuple[float, float] | None = None,
                       nu_range: tuple[float, float] | None = None, arrows: int = 15,
                       alpha: float | None = None, lam: float | None = None
                       ) -> MappingFieldPlot:
    r"""The moment map ``g`` on the ``(mu, nu)`` plane (paper Figure 2).

    .. math:: g: (\mu, \nu) \mapsto (\tilde\mu, \tilde\nu)(\mu\omega, \nu\tau)

    Arrows start at grid points and show the step ``g(mu, nu) - (mu, nu)``
    (drawn at half length so they do not overlap); streamlines follow the
    same field.  Drawn on top: the certified fixed point of ``g``
    (:func:`selu_proof.fixedpoint.fixed_point`), the Theorem 1 ``(mu, nu)`` box,
    its image under ``g`` at this ``(omega, tau)``, and, when ``(omega, tau)``
    lies in the Theorem 1 domain and the committed certificate is present, the
    enclosure of the image for every ``(omega, tau)`` of that domain that the
    certificate proves.

    Parameters
    ----------
    omega, tau : float or str
        Weight statistics (strings are passed exactly to the fixed-point
        certification).  ``(0, 1)`` is the paper's figure.
    ax : matplotlib Axes, optional
        Where to draw; a new figure when omitted.
    mu_range, nu_range : (float, float), optional
        The window; by default ``[-0.4, 0.4] x [0.6, 1.7]`` (as in the paper),
        widened when needed to show the fixed point and the image of the box.
    arrows : int
        Arrows per axis.
    alpha, lam : float, optional
        SELU parameters (default ``alpha_01``, ``lambda_01``).

    Returns
    -------
    MappingFieldPlot
    """
    import numpy as np

    from selu_proof.backends import moment_map
    from selu_proof.fixedpoint import fixed_point

    w, t = float(omega), float(tau)
    if not t > 0:
        raise ValueError(f"tau must be positive, got {tau}")
    al, la = _selu_params(alpha, lam)

    def g(m: Any, n: Any) -> tuple[Any, Any]:
        return moment_map(np.asarray(m, dtype=float), np.asarray(n, dtype=float), w, t, al, la)

    dom = _theorem1_domain()
    box = (dom[0], dom[2])
    (b0, b1), (c0, c1) = box
    k = np.linspace(0.0, 1.0, 200)
    edge_mu = np.concatenate([b0 + (b1 - b0) * k, np.full_like(k, b1), b1 - (b1 - b0) * k,
                              np.full_like(k, b0)])
    edge_nu = np.concatenate([np.full_like(k, c0), c0 + (c1 - c0) * k, np.full_like(k, c1),
                              c1 - (c1 - c0) * k])
    im_mu, im_nu = g(edge_mu, edge_nu)  # the image of the boundary outlines g(box)
    Mi, Ni = np.meshgrid(np.linspace(b0, b1, 41), np.linspace(c0, c1, 71))
    gi_m, gi_n = g(Mi, Ni)  # and a dense sample of the inside bounds it
    image_bounds = ((float(min(im_mu.min(), gi_m.min())), float(max(im_mu.max(), gi_m.max()))),
                    (float(min(im_nu.min(), gi_n.min())), float(max(im_nu.max(), gi_n.max()))))
    fp = fixed_point(omega if isinstance(omega, str) else repr(w),
                     tau if isinstance(tau, str) else repr(t),
                     None if alpha is None else repr(al), None if lam is None else repr(la),
                     digits=12).as_dict()
    unique = fp.get("status") == "unique"

    # the window: as given, else the paper's, widened to show the fixed point and g(box)
    if mu_range is None or nu_range is None:
        xs, ys = [-0.4, 0.4, image_bounds[0][0], image_bounds[0][1]], \
            [0.6, 1.7, image_bounds[1][0], image_bounds[1][1]]
        if unique:
            xs.append(float(fp["mean"]))
            ys.append(float(fp["var"]))
        pad_x, pad_y = 0.1 * (max(xs) - min(xs)), 0.1 * (max(ys) - min(ys))
        if mu_range is None:
            mu_range = (min(xs) - (pad_x if min(xs) < -0.4 else 0),
                        max(xs) + (pad_x if max(xs) > 0.4 else 0))
        if nu_range is None:
            lo = min(ys) - (pad_y if min(ys) < 0.6 else 0)
            nu_range = (max(lo, 0.5 * min(ys)), max(ys) + (pad_y if max(ys) > 1.7 else 0))
    if not (mu_range[0] < mu_range[1] and 0 < nu_range[0] < nu_range[1]):
        raise ValueError("mu_range and nu_range must be increasing, with nu > 0")
    fig, ax = _new_axes(ax, (6.6, 6.6))

    # streamlines on a fine grid; direction arrows, coloured by step length, on a coarse one
    ms, ns = np.linspace(*mu_range, 120), np.linspace(*nu_range, 120)
    Ms, Ns = np.meshgrid(ms, ns)
    gm, gn = g(Ms, Ns)
    ax.streamplot(ms, ns, gm - Ms, gn - Ns, color="0.72", density=1.1, linewidth=0.6,
                  arrowsize=0.6, zorder=1)
    M, N = np.meshgrid(np.linspace(*mu_range, arrows), np.linspace(*nu_range, arrows))
    gmc, gnc = g(M, N)
    dm, dn = gmc - M, gnc - N
    # unit arrows in screen-like coordinates (each axis scaled by its window width)
    sx, sy = mu_range[1] - mu_range[0], nu_range[1] - nu_range[0]
    length = np.hypot(dm / sx, dn / sy)
    safe = np.where(length > 0, length, 1.0)
    q = ax.quiver(M, N, dm / sx / safe, dn / sy / safe, np.hypot(dm, dn), cmap="viridis",
                  pivot="mid", scale=arrows * 1.4, width=0.004, zorder=2)
    cb = fig.colorbar(q, ax=ax, shrink=0.8, pad=0.01)
    cb.set_label("step length |g(μ, ν) − (μ, ν)|")

    _draw_box(ax, box, edgecolor="black", lw=1.8, zorder=4,
              label=f"Theorem 1 box μ∈[{b0:g}, {b1:g}], ν∈[{c0:g}, {c1:g}]")
    degenerate = "\n(a curve: at ω = 0, g ignores μ)" if w == 0 else ""
    ax.fill(im_mu, im_nu, facecolor=(1.0, 0.5, 0.05, 0.4), edgecolor="darkorange", lw=2.0,
            zorder=3, label=f"image of the box under g at (ω, τ) = ({w:g}, {t:g}){degenerate}")
    cert = _theorem1_certified()
    certified = None
    in_theorem = dom[1][0] <= w <= dom[1][1] and dom[3][0] <= t <= dom[3][1] \
        and alpha is None and lam is None
    if in_theorem and cert is not None and all(k_ in cert for k_ in ("mean", "-mean", "var",
                                                                     "-var")):
        certified = ((-float(cert["-mean"]), float(cert["mean"])),
                     (-float(cert["-var"]), float(cert["var"])))
        _draw_box(ax, certified, edgecolor="tab:red", lw=1.2, ls="--", zorder=4,
                  label="certified enclosure of g(box) for all (ω, τ)\nof Theorem 1 "
                  "(theorem1.cert.json)")
    if unique:
        fm, fv = float(fp["mean"]), float(fp["var"])
        ax.plot([fm], [fv], marker="*", ms=15, color="tab:red", mec="black", zorder=6,
                ls="none", label=f"certified fixed point ({fm:.4f}, {fv:.4f})")
    ax.set_xlim(*mu_range)
    ax.set_ylim(*nu_range)
    ax.set_xlabel("mean μ")
    ax.set_ylabel("variance ν")
    ax.set_title(f"Moment map g for SELU at ω = {w:g}, τ = {t:g}\n"
                 "arrows: direction of (μ, ν) → g(μ, ν); grey: streamlines", fontsize=10)
    ax.legend(fontsize=7.5, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2)
    return MappingFieldPlot(fig, w, t, M, N, dm, dn, fp, box, np.vstack([im_mu, im_nu]),
                            image_bounds, certified,
                            (tuple(map(float, mu_range)), tuple(map(float, nu_range))))


# --------------------------------------------------------------------------- spectral norm


def worst_case_weights(kind: str = "variance", *, alpha: float | None = None,
                       lam: float | None = None, resolution: int = 81
                       ) -> tuple[float, float, float]:
    """The ``(omega, tau)`` corner of the Theorem 1 domain where ``S`` is largest.

    For each of the four corners ``(omega, tau)`` the spectral norm ``S`` of
    the Jacobian (:func:`selu_proof.backends.spectral_norm`) is maximised over
    a ``resolution``-point grid per axis of the Theorem 1 ``(mu, nu)`` box.
    A floating-point estimate, not a bound.

    Returns
    -------
    (omega, tau, S_max)

    Examples
    --------
    >>> w, t, s = worst_case_weights()
    >>> abs(w), t, round(s, 4)
    (0.1, 1.1, 0.8976)
    """
    import numpy as np

    from selu_proof.backends import spectral_norm

    al, la = _selu_params(alpha, lam)
    (m0, m1), (w0, w1), (n0, n1), (t0, t1) = _theorem1_domain()
    M, N = np.meshgrid(np.linspace(m0, m1, resolution), np.linspace(n0, n1, resolution))
    best: tuple[float, float, float] | None = None
    for w in (w0, w1):
        for t in (t0, t1):
            s = float(np.max(spectral_norm(M, N, w, t, al, la, kind=kind)))
            if best is None or s > best[2]:
                best = (w, t, s)
    assert best is not None
    return best


@dataclass
class SpectralNormPlot(FigureData):
    """Data of :func:`plot_spectral_norm`.

    Attributes
    ----------
    omega, tau : float
        The weight statistics of the heatmap.
    worst_case : bool
        Whether ``(omega, tau)`` was chosen by :func:`worst_case_weights`.
    kind : str
        ``"variance"`` (``S(H)``) or ``"second_moment"`` (``S(J)``).
    mu, nu, S : ndarray
        The grid and the spectral norm on it.
    domain : tuple
        The Theorem 1 ``(mu, nu)`` box (the certified region).
    domain_max : float
        Largest ``S`` of the grid points inside the box (an estimate).
    certified_max : str or None
        Certified upper bound of ``S(H)`` over the whole 4-D Theorem 1 domain,
        read from the committed certificate.
    """

    omega: float
    tau: float
    worst_case: bool
    kind: str
    mu: Any = field(repr=False)
    nu: Any = field(repr=False)
    S: Any = field(repr=False)
    domain: tuple[tuple[float, float], tuple[float, float]]
    domain_max: float
    certified_max: str | None

    def summary(self) -> dict[str, Any]:
        """Weight statistics, ranges and maxima."""
        return {"omega": self.omega, "tau": self.tau, "worst_case": self.worst_case,
                "jacobian": self.kind, "S_min": float(self.S.min()),
                "S_max": float(self.S.max()), "domain_max_estimate": self.domain_max,
                "certified_max": self.certified_max,
                "domain": {"mu": list(self.domain[0]), "nu": list(self.domain[1])}}


def plot_spectral_norm(omega: float | None = None, tau: float | None = None, ax: Any = None, *,
                       kind: str = "variance", mu_range: tuple[float, float] = (-0.5, 0.5),
                       nu_range: tuple[float, float] = (0.3, 1.8), resolution: int = 201,
                       alpha: float | None = None, lam: float | None = None
                       ) -> SpectralNormPlot:
    r"""Heatmap of the spectral norm ``S`` of the Jacobian of ``g`` over ``(mu, nu)``.

    .. math:: S = \tfrac12\left(\sqrt{(h_{11} + h_{22})^2 + (h_{21} - h_{12})^2}
              + \sqrt{(h_{11} - h_{22})^2 + (h_{21} + h_{12})^2}\right)

    with the ``S = 1`` contour (``g`` is a contraction where ``S < 1``) and the
    Theorem 1 ``(mu, nu)`` box, on which the committed certificate proves
    ``S < 1`` for every ``(omega, tau)`` of the domain.

    Parameters
    ----------
    omega, tau : float, optional
        Weight statistics; by default (both omitted) the corner of the
        Theorem 1 domain where ``S`` is largest (:func:`worst_case_weights`).
    ax : matplotlib Axes, optional
        Where to draw; a new figure when omitted.
    kind : str
        ``"variance"``: ``H``, Jacobian of ``(mu, nu) -> (mu~, nu~)`` (the
        paper's Theorem 1); ``"second_moment"``: ``J``, of ``(mu, nu) -> (mu~, xi~)``.
    mu_range, nu_range : (float, float)
        The window.
    resolution : int
        Grid points per axis.
    alpha, lam : float, optional
        SELU parameters (default ``alpha_01``, ``lambda_01``).

    Returns
    -------
    SpectralNormPlot
    """
    import numpy as np
    from matplotlib.colors import TwoSlopeNorm
    from matplotlib.lines import Line2D

    from selu_proof.backends import spectral_norm

    if kind not in ("variance", "second_moment"):
        raise ValueError("kind must be 'variance' or 'second_moment'")
    if (omega is None) != (tau is None):
        raise ValueError("give both omega and tau, or neither (worst case)")
    if not (mu_range[0] < mu_range[1] and 0 < nu_range[0] < nu_range[1]):
        raise ValueError("mu_range and nu_range must be increasing, with nu > 0")
    al, la = _selu_params(alpha, lam)
    worst = omega is None
    if worst:
        w, t, _ = worst_case_weights(kind, alpha=alpha, lam=lam)
    else:
        w, t = float(omega), float(tau)  # type: ignore[arg-type]
        if not t > 0:
            raise ValueError(f"tau must be positive, got {tau}")
    fig, ax = _new_axes(ax, (6.8, 6.4))
    mu = np.linspace(*mu_range, resolution)
    nu = np.linspace(*nu_range, resolution)
    M, N = np.meshgrid(mu, nu)
    S = np.asarray(spectral_norm(M, N, w, t, al, la, kind=kind), dtype=float)
    dom = _theorem1_domain()
    box = (dom[0], dom[2])
    inside = (M >= box[0][0]) & (M <= box[0][1]) & (N >= box[1][0]) & (N <= box[1][1])
    Mb, Nb = np.meshgrid(np.linspace(*box[0], 81), np.linspace(*box[1], 141))
    domain_max = float(np.max(spectral_norm(Mb, Nb, w, t, al, la, kind=kind)))
    if inside.any():
        domain_max = max(domain_max, float(S[inside].max()))
    vmin, vmax = float(S.min()), float(S.max())
    norm = TwoSlopeNorm(vcenter=1.0, vmin=min(vmin, 0.999), vmax=max(vmax, 1.001))
    mesh = ax.pcolormesh(M, N, S, cmap="RdBu_r", norm=norm, shading="auto")
    cb = fig.colorbar(mesh, ax=ax, pad=0.01)
    sym_name = "S(H)" if kind == "variance" else "S(J)"
    cb.set_label(f"spectral norm {sym_name}")
    handles = []
    if vmin < 1 < vmax:
        cs = ax.contour(M, N, S, levels=[1.0], colors="black", linewidths=1.6)
        ax.clabel(cs, fmt={1.0: "S = 1"}, fontsize=8)
        handles.append(Line2D([], [], color="black", lw=1.6,
                              label="S = 1 (contraction where S < 1)"))
    levels = [x for x in (0.7, 0.8, 0.9) if vmin < x < vmax]
    if levels:
        cs2 = ax.contour(M, N, S, levels=levels, colors="0.3", linewidths=0.6, linestyles=":")
        ax.clabel(cs2, fontsize=7, fmt="%.1f")
    cert = _theorem1_certified() if kind == "variance" and alpha is None and lam is None \
        else None
    certified_max = None if cert is None else cert.get("S(H)")
    label = f"Theorem 1 domain μ∈[{box[0][0]:g}, {box[0][1]:g}], ν∈[{box[1][0]:g}, {box[1][1]:g}]"
    if certified_max is not None:
        label += (f":\nS < 1 proved for all ω∈[{dom[1][0]:g}, {dom[1][1]:g}], "
                  f"τ∈[{dom[3][0]:g}, {dom[3][1]:g}]\n(certified max ≤ "
                  f"{float(certified_max):.5f}, {cert['file']})")  # type: ignore[index]
    handles.append(_draw_box(ax, box, edgecolor="lime", lw=2.0, label=label))
    handles.append(Line2D([], [], ls="none", label=f"max of {sym_name} on the box at this "
                          f"(ω, τ) ≈ {domain_max:.4f} (grid)"))
    ax.legend(handles=handles, fontsize=7.5, loc="upper center", bbox_to_anchor=(0.5, -0.1))
    ax.set_xlabel("mean μ")
    ax.set_ylabel("variance ν")
    which = (f"worst case of the Theorem 1 domain: ω = {w:g}, τ = {t:g}" if worst
             else f"ω = {w:g}, τ = {t:g}")
    ax.set_title(f"Spectral norm {sym_name} of the Jacobian of g\n{which}", fontsize=10)
    return SpectralNormPlot(fig, w, t, worst, kind, M, N, S, box, domain_max, certified_max)


# --------------------------------------------------------------------------- certificate cover


@dataclass(frozen=True)
class CertificateLeaf:
    """One leaf of a certificate split tree.

    Attributes
    ----------
    box : tuple
        Exact ``(lo, hi)`` Fractions of ``(mu, omega, nu, tau)``.
    form : str
        ``"natural"`` or ``"mean_value"``.
    mask : str
        Face mask (``"."`` free, ``"<"``/``">"`` fixed at the lower/upper end).
    bound : str
        The recorded upper bound.
    """

    box: tuple[tuple[Fraction, Fraction], ...]
    form: str
    mask: str
    bound: str

    @property
    def category(self) -> str:
        """``"monotone"`` when some variable is fixed on a face, else the form."""
        return "monotone" if self.mask != "...." else self.form

    def project(self, plane: str) -> tuple[tuple[Fraction, Fraction], tuple[Fraction, Fraction]]:
        """Exact ranges of the leaf in ``plane`` (``"mu-nu"``, ``"a-v"`` or ``"omega-tau"``).

        ``a = mu*omega`` and ``v = nu*tau`` ranges are interval products.
        """
        (m0, m1), (w0, w1), (n0, n1), (t0, t1) = self.box
        if plane == "mu-nu":
            return (m0, m1), (n0, n1)
        if plane == "omega-tau":
            return (w0, w1), (t0, t1)
        if plane == "a-v":
            a = [m0 * w0, m0 * w1, m1 * w0, m1 * w1]
            v = [n0 * t0, n0 * t1, n1 * t0, n1 * t1]
            return (min(a), max(a)), (min(v), max(v))
        raise ValueError(f"unknown plane {plane!r}; choose one of {', '.join(_PLANES)}")

    @property
    def volume(self) -> Fraction:
        """Exact 4-D volume of the box."""
        out = Fraction(1)
        for lo, hi in self.box:
            out *= hi - lo
        return out


def certificate_leaves(cert: dict[str, Any], claim: int = 0, goal: int = 0
                       ) -> list[CertificateLeaf]:
    """Replay the split tree of one goal geometrically: the leaves and their exact boxes.

    The tree is preorder: an integer ``d`` bisects the current box at the exact
    midpoint of variable ``d`` (``mu, omega, nu, tau``), left child first; a
    list ``[form, mask, bound]`` is a leaf.  Only the geometry is replayed
    (no ball arithmetic): to *check* the evidence use
    :func:`selu_proof.interval.checker.check_file`.

    Parameters
    ----------
    cert : dict
        A certificate document (parsed JSON).
    claim, goal : int
        Which claim of the specification, and which goal of that claim.

    Returns
    -------
    list of CertificateLeaf
        In tree order.

    Raises
    ------
    ValueError
        If the indices do not exist or the tree is malformed.
    """
    from selu_proof.interval.exact import parse_decimal

    try:
        dom = cert["spec"]["domain"]
        ends = [(dom[v][0], dom[v][1]) for v in _VARS]
        claims = cert["claims"]
        if not isinstance(claims, list):
            raise TypeError
    except (KeyError, TypeError, IndexError):
        raise ValueError("not a certificate: no spec.domain or claims") from None
    try:
        domain = tuple((parse_decimal(lo), parse_decimal(hi)) for lo, hi in ends)
    except ValueError as exc:
        raise ValueError(f"not a certificate: spec.domain: {exc}") from None
    if not 0 <= claim < len(claims):
        raise ValueError(f"claim {claim} does not exist: the certificate has claims 0.."
                         f"{len(claims) - 1}")
    goals = claims[claim].get("goals") if isinstance(claims[claim], dict) else None
    if not isinstance(goals, list) or not all(isinstance(g, dict) for g in goals):
        raise ValueError(f"claim {claim}: malformed goals")
    if not 0 <= goal < len(goals):
        raise ValueError(f"goal {goal} does not exist: claim {claim} "
                         f"({claims[claim].get('kind')}) has goals 0..{len(goals) - 1}")
    tree = goals[goal].get("tree")
    if not isinstance(tree, list):
        raise ValueError("goal has no split tree")
    from selu_proof.interval.forms import replay_tree

    return [CertificateLeaf(box, str(form), str(mask), str(bound))
            for _, box, (form, mask, bound) in replay_tree(domain, tree)]


_CELL_WEIGHT_NOTE = {
    "mu-nu": "colour: forms of the leaves over each point,\nmixed by their share of the "
             "(ω, τ) range",
    "omega-tau": "colour: forms of the leaves over each point,\nmixed by their share of the "
                 "(μ, ν) range",
    "a-v": "colour: forms of the leaves over each point,\nmixed by their number",
}


def _lighten(rgb: Any) -> Any:
    """Pastel version of RGB values so that the leaf outlines stay visible."""
    return 0.4 + 0.6 * rgb


def _fraction_weight(leaf: CertificateLeaf, domain: tuple[tuple[Fraction, Fraction], ...],
                     plane: str) -> Fraction | None:
    """Share of the leaf in the two variables not drawn (``None`` for the ``a-v`` plane)."""
    hidden = {"mu-nu": (1, 3), "omega-tau": (0, 2)}.get(plane)
    if hidden is None:
        return None
    out = Fraction(1)
    for d in hidden:
        if domain[d][1] > domain[d][0]:  # a zero-width variable is covered whole
            out *= (leaf.box[d][1] - leaf.box[d][0]) / (domain[d][1] - domain[d][0])
    return out


@dataclass
class CoverPlot(FigureData):
    """Data of :func:`plot_certificate_cover`.

    Attributes
    ----------
    certificate : str
        The file drawn.
    name, claim_kind, goal_label : str
        Specification name, claim kind, goal label.
    claim, goal : int
        Indices.
    plane : str
        ``"mu-nu"``, ``"a-v"`` or ``"omega-tau"``.
    leaves : list of CertificateLeaf
        The leaves, with exact 4-D boxes, in tree order.
    rectangles : list
        Per leaf, its projection ``((x0, x1), (y0, y1))`` (exact Fractions).
    counts : dict
        Leaves per category (``natural``, ``mean_value``, ``monotone``).
    domain : tuple
        The 4-D domain of the specification, exact.
    recorded_leaves : int
        The ``leaves`` field of the goal in the certificate.
    x_edges, y_edges : ndarray
        The cells of the drawing: all projected leaf edges.
    shares : dict
        Category -> array ``(len(y_edges) - 1, len(x_edges) - 1)``: per cell,
        the summed weight of the leaves of that category over it (share of the
        hidden variables' range for ``mu-nu`` and ``omega-tau``, so the three
        arrays add up to 1 on a complete cover; leaf count for ``a-v``).
    covered_area : Fraction or None
        ``sum(area of projection * share of the hidden range)`` over leaves:
        equals the area of the domain's rectangle in the plane exactly when
        the leaves tile the domain (``None`` for ``a-v``).
    """

    certificate: str
    name: str
    claim: int
    goal: int
    claim_kind: str
    goal_label: str
    plane: str
    leaves: list[CertificateLeaf] = field(repr=False)
    rectangles: list[Any] = field(repr=False)
    counts: dict[str, int]
    domain: tuple[tuple[Fraction, Fraction], ...]
    recorded_leaves: int
    x_edges: Any = field(repr=False)
    y_edges: Any = field(repr=False)
    shares: dict[str, Any] = field(repr=False)
    covered_area: Fraction | None

    @property
    def extent(self) -> tuple[tuple[Fraction, Fraction], tuple[Fraction, Fraction]]:
        """Exact bounding rectangle of the projected leaves."""
        xs = [r[0] for r in self.rectangles]
        ys = [r[1] for r in self.rectangles]
        return ((min(x[0] for x in xs), max(x[1] for x in xs)),
                (min(y[0] for y in ys), max(y[1] for y in ys)))

    def summary(self) -> dict[str, Any]:
        """Counts and where the cover lies."""
        (x0, x1), (y0, y1) = self.extent
        return {"certificate": self.certificate, "name": self.name, "claim": self.claim,
                "claim_kind": self.claim_kind, "goal": self.goal, "goal_label": self.goal_label,
                "plane": self.plane, "leaves": len(self.leaves),
                "recorded_leaves": self.recorded_leaves, "counts": self.counts,
                "extent": [[float(x0), float(x1)], [float(y0), float(y1)]],
                "covered_area": None if self.covered_area is None else str(self.covered_area)}


def plot_certificate_cover(certificate: str | os.PathLike[str] | None = None, ax: Any = None, *,
                           claim: int = 0, goal: int = 0, plane: str = "mu-nu") -> CoverPlot:
    """The leaves of a certificate drawn in a plane, coloured by the form that closed them.

    Each leaf of the goal's split tree (:func:`certificate_leaves`) is a 4-D
    box; its projection to the ``(mu, nu)`` plane, the reduced
    ``(a, v) = (mu*omega, nu*tau)`` plane, or the ``(omega, tau)`` plane is
    outlined.  Leaves that differ only in the hidden variables project onto
    the same place, so each point is coloured by the mix of the forms of all
    leaves above it (weighted by their share of the hidden variables' range).
    Categories: natural interval form, mean-value form, and monotone leaves
    (bounded on a face because a partial derivative has constant sign).

    Parameters
    ----------
    certificate : str or path, optional
        A certificate file; default the committed Theorem 1 certificate.
    ax : matplotlib Axes, optional
        Where to draw; a new figure when omitted.
    claim, goal : int
        Which claim and goal (default the first: ``S(H) < 1`` for Theorem 1).
    plane : str
        ``"mu-nu"`` (default), ``"a-v"`` or ``"omega-tau"``.

    Returns
    -------
    CoverPlot

    Raises
    ------
    ValueError
        If the file cannot be read, is not a certificate, or the indices or
        plane do not exist.
    """
    import json

    import numpy as np
    from matplotlib.collections import PatchCollection
    from matplotlib.colors import to_rgb
    from matplotlib.patches import Patch, Rectangle

    if plane not in _PLANES:
        raise ValueError(f"unknown plane {plane!r}; choose one of {', '.join(_PLANES)}")
    path = Path(certificate) if certificate is not None else _committed_certificate()
    try:
        cert = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path} is not valid JSON: {exc}") from None
    if not isinstance(cert, dict):
        raise ValueError(f"{path} is not a certificate")
    leaves = certificate_leaves(cert, claim, goal)
    entry = cert["claims"][claim]
    g = entry["goals"][goal]
    dom = cert["spec"]["domain"]
    domain = tuple((Fraction(dom[v][0]), Fraction(dom[v][1])) for v in _VARS)

    rects = [leaf.project(plane) for leaf in leaves]
    counts = {c: 0 for c in COVER_COLOURS}
    for leaf in leaves:
        counts[leaf.category] += 1
    xe = sorted({x for r in rects for x in r[0]})
    ye = sorted({y for r in rects for y in r[1]})
    if len(xe) < 2 or len(ye) < 2:
        raise ValueError(f"the {plane} plane is degenerate for this certificate (a drawn "
                         "variable has zero width); choose another plane")
    x_index = {x: i for i, x in enumerate(xe)}
    y_index = {y: j for j, y in enumerate(ye)}
    shares = {c: np.zeros((len(ye) - 1, len(xe) - 1)) for c in COVER_COLOURS}
    covered: Fraction | None = Fraction(0) if plane != "a-v" else None
    for leaf, ((x0, x1), (y0, y1)) in zip(leaves, rects):
        w = _fraction_weight(leaf, domain, plane)
        shares[leaf.category][y_index[y0]:y_index[y1], x_index[x0]:x_index[x1]] += \
            1.0 if w is None else float(w)
        if covered is not None and w is not None:
            covered += (x1 - x0) * (y1 - y0) * w
    total = sum(shares.values())
    rgb = sum(shares[c][..., None] * np.array(to_rgb(COVER_COLOURS[c])) for c in COVER_COLOURS)
    with np.errstate(invalid="ignore", divide="ignore"):
        rgb = np.where(total[..., None] > 0, rgb / total[..., None], 1.0)
    rgba = np.concatenate([_lighten(rgb), np.ones(total.shape + (1,))], axis=-1)
    x_edges = np.array([float(x) for x in xe])
    y_edges = np.array([float(y) for y in ye])

    fig, ax = _new_axes(ax, (7.0, 5.6))
    ax.pcolormesh(x_edges, y_edges, rgba, shading="flat")
    outlines = [Rectangle((float(x0), float(y0)), float(x1 - x0), float(y1 - y0))
                for (x0, x1), (y0, y1) in rects]
    ax.add_collection(PatchCollection(outlines, facecolors="none", edgecolors="0.15",
                                      linewidths=0.35 if len(leaves) > 500 else 0.6))
    pad_x = 0.02 * (x_edges[-1] - x_edges[0] or 1.0)
    pad_y = 0.02 * (y_edges[-1] - y_edges[0] or 1.0)
    ax.set_xlim(x_edges[0] - pad_x, x_edges[-1] + pad_x)
    ax.set_ylim(y_edges[0] - pad_y, y_edges[-1] + pad_y)
    handles = [Patch(facecolor=_lighten(np.array(to_rgb(COVER_COLOURS[c]))),
                     edgecolor="0.15", label=f"{_COVER_LABELS[c]}: {counts[c]}")
               for c in COVER_COLOURS]
    ax.legend(handles=handles, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.11),
              ncol=3, title=f"{len(leaves)} leaves by form; {_CELL_WEIGHT_NOTE[plane]}",
              title_fontsize=8)
    xl, yl = _PLANES[plane]
    ax.set_xlabel(xl)
    ax.set_ylabel(yl)
    name = cert["spec"].get("name", path.stem)
    ax.set_title(f"{name}, claim {claim} ({entry.get('kind')}), goal {g.get('label')}:\n"
                 f"split-tree leaves projected to the ({xl.split(' ')[0]}, "
                 f"{yl.split(' ')[0]}) plane", fontsize=10)
    return CoverPlot(fig, str(path), str(name), claim, goal, str(entry.get("kind")),
                     str(g.get("label")), plane, leaves, rects, counts, domain,
                     int(g.get("leaves", -1)), x_edges, y_edges, shares, covered)
