"""The moment map ``g: (mu, nu) -> (mu~, nu~)`` as a vector field (paper Theorem 1, Figure 2).

Arrows ``g(mu, nu) - (mu, nu)`` over the Theorem 1 domain, the certified fixed
point (:func:`selu_proof.fixedpoint.fixed_point`) and the domain's box.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from selu_proof.plots.common import (
    FigureData,
    _draw_box,
    _new_axes,
    _selu_params,
    _theorem1_certified,
    _theorem1_domain,
)


@dataclass(repr=False)
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
