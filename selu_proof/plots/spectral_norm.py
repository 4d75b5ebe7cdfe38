"""The spectral norm ``S`` of the Jacobian of ``g`` over the Theorem 1 domain (paper Theorem 1).

``S < 1`` is the contraction that Theorem 1 proves.  The heatmap shows ``S`` over
``(mu, nu)`` (by default at the worst ``(omega, tau)`` corner,
:func:`worst_case_weights`), the ``S = 1`` contour, and the Theorem 1 box on which
the committed certificate proves ``S < 1``.
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


@dataclass(repr=False)
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
