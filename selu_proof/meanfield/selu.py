r"""Mean-field maps: what a SELU layer does to gradients and to pairs of inputs.

Poole et al. 2016 (arXiv:1606.05340) and Schoenholz et al. 2017
(arXiv:1611.01232), in this package's setting (paper Section 3): the
pre-activation of a unit is ``z ~ N(a, v)`` with ``a = mu*omega``,
``v = nu*tau`` and, at a fixed point ``(mu*, nu*)`` of ``g``,

.. math::

    \chi_1 = \tau\,E[\mathrm{selu}'(z)^2], \qquad
    \chi_c = \tau\,E[\mathrm{selu}'(z)]^2, \qquad
    \tilde c(c) = \frac{E[\mathrm{selu}(z)\mathrm{selu}(z')] - \tilde\mu^2}{\tilde\nu}

for two inputs whose units have correlation ``c`` (``Cov(z, z') = v c``).
``chi1`` is the factor by which the mean squared backpropagated gradient grows
per layer toward the input, and the slope of ``c -> c~`` at ``c = 1``;
``chi_c`` its slope at ``c = 0``.  ``c = 0`` and ``c = 1`` are fixed points of
the map for any parameters.

What is certified and what is not:

* The fixed point ``(mu*, nu*)`` (:func:`selu_proof.meanfield.core.krawczyk_fixed_point`)
  and ``chi1``, ``chi_c`` (:func:`selu_proof.meanfield.core.slopes`) are the core's, read
  from the closed forms' :meth:`~selu_proof.kernel.model.SeluClosedForm.gaussian_moments`
  as from any model; ``chi1``, ``chi_c`` are arb enclosures over the certified fixed-point
  box, as are the depth scales and growth factors derived from them, and the
  alpha-dropout factors.
* The fixed points of the correlation map in ``[-1, 1]`` (SELU and ReLU): every one
  certified, exact (``c = 0``, ``c = 1``) or unique in its interval, with the slope there,
  by the branch and bound of :mod:`selu_proof.meanfield.correlation` on the certified
  quadrature of the catalogue's ``selu`` with the exact ``alpha``, ``lambda``, or, for a
  designed SELU (``--mean``/``--var``: ``alpha`` and ``lambda`` are intervals), of
  :class:`~selu_proof.fixedpoint.scaled.SeluBalls` (three exact pieces combined by
  polarization); the list is complete, or the output names the undecided intervals.
* The correlation map at ``0 < |c| < 1`` (:func:`correlation_map`) is a one-dimensional
  integral of the closed-form inner expectation ``E[selu(z') | z]``
  (:func:`selu_proof.derive.symbolic.correlation_integrands`), evaluated by mpmath
  quadrature (tanh-sinh): accurate, **not** rigorous; simulations and figures compare
  with it.  ``tanh`` (no closed form) uses Gauss-Hermite quadrature in one and two dimensions.

Alpha dropout of rate ``p = 1 - q`` after every SELU keeps the fixed point
and multiplies ``chi1`` by ``A**2 q`` and the covariance of two different
inputs by ``A**2 q**2`` (:func:`selu_proof.derive.symbolic.dropout_mean_field`);
``c = 1`` is then no longer a fixed point.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import mpmath
import numpy as np
from flint import arb, ctx

from selu_proof import backends
from selu_proof.kernel.arb_runtime import ipow
from selu_proof.kernel.exact import ball, interval_ball
from selu_proof.kernel.model import SeluClosedForm
from selu_proof.meanfield.core import (
    depth_scales,
    guarded,
    interval,
    iterate_g,
    krawczyk_fixed_point,
    slopes,
)
from selu_proof.meanfield.correlation import MAX_BOXES

__all__ = ["MeanFieldResult", "mean_field", "correlation_map", "correlation_slope",
           "correlation_fixed_points", "chi_balls", "chi1_range_witnesses", "CHI1_WITNESSES",
           "METHOD_GAUSS_HERMITE"]

METHOD_GAUSS_HERMITE = "two-dimensional Gauss-Hermite quadrature (160 x 160 nodes); not rigorous"
#: fewest grid intervals of the numerical scan (tanh)
SCAN_GRID = 40

METHOD_CERTIFIED = ("certified quadrature (python-flint acb.integral with proved tail bounds) of "
                    "the pair expectations")
FIXED_POINTS_CERTIFIED = ("every fixed point in [-1, 1] by interval branch and bound "
                          "(selu_proof.meanfield.correlation)")


def _certified_fixed_points(pairs: Any, a: arb, v: arb, factor: arb | None, digits: int,
                            grid: int, max_boxes: int, callback: Callable[[], None] | None
                            ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Every fixed point of the (centred) correlation map of ``pairs`` (a
    :class:`~selu_proof.fixedpoint.scaled.Scaled` catalogue activation, or
    :class:`~selu_proof.fixedpoint.scaled.SeluBalls` for ball parameters) at the
    pre-activations ``N(a, v)``, certified
    (:func:`selu_proof.meanfield.correlation.fixed_point_records`; ``factor``: alpha
    dropout's covariance factor).  Each as ``{"c", "slope"}`` (midpoints, floats),
    ``"c_interval"``, ``"slope_certified"`` (``[lo, hi]``), ``"stable"``, ``"status"``,
    ``"how"``; and the search's ``complete``, ``undecided``, ``boxes``, ``evaluations``.
    """
    from selu_proof.meanfield.correlation import METHOD, fixed_point_records

    res = fixed_point_records(pairs, a, v, True, digits, interval, seeds=max(grid, 2),
                              max_boxes=max_boxes, factor=factor, step=callback)
    fps = []
    for p in res.pop("fixed_points"):
        lo, hi = (Fraction(x) for x in p["c"])
        slo, shi = (Fraction(x) for x in p["slope"])
        fps.append({"c": float((lo + hi) / 2), "slope": float((slo + shi) / 2),
                    "stable": p["stable"], "how": p["how"], "status": p["status"],
                    "c_interval": p["c"], "slope_certified": p["slope"]})
    res["method"] = METHOD
    return fps, res


def _pairs(activation: str, alpha: str | None, lam: str | None, model: SeluClosedForm,
           designed: bool) -> Any:
    """The pair expectations of the correlation search: the catalogue's ``relu``, or
    ``selu`` with the exact ``alpha``, ``lambda``; a designed SELU (ball ``alpha``,
    ``lambda``) by :class:`~selu_proof.fixedpoint.scaled.SeluBalls`.
    """
    from selu_proof.fixedpoint.scaled import Scaled, SeluBalls
    from selu_proof.kernel.activations import make_activation

    if designed:
        return SeluBalls(*model.constants().values())
    act = make_activation("relu") if activation == "relu" else make_activation(
        "selu", alpha=alpha or "alpha_01", **{"lambda": lam or "lambda_01"})
    return Scaled(act, arb(1), arb(0))

#: corners of Theorem 1's domain where chi1 attains its minimum and maximum
#: (``proofs/chi1_range.toml``), as ``(mu, omega, nu, tau)``
CHI1_WITNESSES: dict[str, tuple[str, str, str, str]] = {
    "min": ("-0.1", "0.1", "1.5", "0.95"),
    "max": ("-0.1", "-0.1", "0.8", "1.1"),
}


def chi_balls(a: arb, v: arb, alpha: arb, lam: arb, tau: arb) -> tuple[arb, arb]:
    """Enclosures of ``(chi1, chi_c)`` for ``z ~ N(a, v)`` over the balls given.

    >>> from selu_proof.kernel.constants import constant_balls
    >>> al, la = constant_balls(128)
    >>> c1, cc = chi_balls(arb(0), arb(1), al, la, arb(1))
    >>> c1.str(10, radius=False), cc.str(10, radius=False)
    ('1.071574992', '0.9706803523')
    """
    return slopes(SeluClosedForm.of_balls(alpha, lam, ctx.prec), a, v, tau)


def chi1_range_witnesses(prec: int = 200) -> dict[str, dict[str, Any]]:
    """``chi1`` in ball arithmetic at the corners of Theorem 1's domain where it is extreme.

    Together with the certificate ``proofs/chi1_range.cert.json`` (``0.95266 <
    chi1 < 1.20897`` on the whole domain) these make the range two-sided.
    """
    from selu_proof.kernel.constants import constant_balls

    out = {}
    with ctx.workprec(prec):
        al, la = constant_balls(prec)
        for which, point in CHI1_WITNESSES.items():
            m, o, n, t = (ball(Fraction(x)) for x in point)
            c1, _ = chi_balls(m * o, n * t, al, la, t)
            out[which] = {"point": dict(zip(("mu", "omega", "nu", "tau"), point)),
                          "chi1": interval(c1, 25), "ball": c1}
    return out


# --------------------------------------------------------------------------- correlation map


def _selu_moments_mp(a: Any, v: Any, alpha: Any, lam: Any) -> tuple[Any, Any]:
    m, _, var = backends.compiled("moments", "mpmath")(a, v, alpha, lam)
    return m, var


def _pair_expectations(c: Any, a: Any, v: Any, alpha: Any, lam: Any) -> tuple[Any, Any]:
    """``E[selu(z) selu(z')]`` and ``E[selu'(z) selu'(z')]`` by 1-D quadrature (|c| < 1)."""
    f = backends.compiled("correlation_integrands", "mpmath")
    c, a, v = mpmath.mpf(c), mpmath.mpf(a), mpmath.mpf(v)
    s = mpmath.sqrt(v)
    lo_pts = [-mpmath.inf, min(mpmath.mpf(0), a - 8 * s), mpmath.mpf(0)]
    hi_pts = [mpmath.mpf(0), max(mpmath.mpf(0), a + 8 * s), mpmath.inf]

    memo: dict[Any, tuple[Any, ...]] = {}

    def g(x: Any) -> tuple[Any, ...]:  # the product and slope integrands share nodes
        if x not in memo:
            memo[x] = f(x, a, v, c, alpha, lam)
        return memo[x]

    def part(i: int, pts: list) -> Any:
        return mpmath.quad(lambda x: g(x)[i], pts)

    prod = part(0, lo_pts) + part(1, hi_pts)
    dprod = part(2, lo_pts) + part(3, hi_pts)
    return prod, dprod


def _pair_expectations_float(c: float, a: float, v: float, alpha: float,
                             lam: float) -> tuple[float, float]:
    """:func:`_pair_expectations` in float64 by ``scipy.integrate.quad_vec`` (fast, ~1e-13)."""
    from scipy.integrate import quad_vec

    f = backends.compiled("correlation_integrands", "numpy")
    s = float(np.sqrt(v))
    reach = abs(a) + 30 * s  # the Gaussian factor beyond is below 1e-190

    slow = backends.compiled("correlation_integrands", "mpmath")

    def g(x: float) -> np.ndarray:
        with np.errstate(all="ignore"):
            out = np.array(f(x, a, v, c, alpha, lam), dtype=float)
        if not np.isfinite(out).all():  # erfcx overflow far in the tail: redo this node
            with mpmath.workdps(20):
                out = np.array([float(t) for t in slow(x, a, v, c, alpha, lam)])
        return out

    neg = quad_vec(g, min(-reach, -s), 0.0, epsabs=1e-14, epsrel=1e-13)[0] if a - reach < 0 \
        else np.zeros(4)
    pos = quad_vec(g, 0.0, max(reach, s), epsabs=1e-14, epsrel=1e-13)[0] if a + reach > 0 \
        else np.zeros(4)
    return float(neg[0] + pos[1]), float(neg[2] + pos[3])


def _endpoint_expectations(c: int, a: Any, v: Any, alpha: Any, lam: Any) -> tuple[Any, Any]:
    """The same at ``c = 1`` (``z' = z``) and ``c = -1`` (``z' = 2a - z``)."""
    br = backends.compiled("selu_branches", "mpmath")
    a, v = mpmath.mpf(a), mpmath.mpf(v)
    s = mpmath.sqrt(v)

    def sel(x: Any, i: int) -> Any:
        out = br(x, alpha, lam)
        return out[i] if x <= 0 else out[i + 1]

    def dens(x: Any) -> Any:
        return mpmath.npdf(x, a, s)

    pts = sorted({mpmath.mpf(-mpmath.inf), mpmath.mpf(0), 2 * a, mpmath.inf} if c == -1 else
                 {-mpmath.inf, mpmath.mpf(0), mpmath.inf})
    other = (lambda x: x) if c == 1 else (lambda x: 2 * a - x)
    prod = mpmath.quad(lambda x: sel(x, 0) * sel(other(x), 0) * dens(x), pts)
    dprod = mpmath.quad(lambda x: sel(x, 2) * sel(other(x), 2) * dens(x), pts)
    return prod, dprod


def correlation_map(c: Any, a: Any, v: Any, alpha: Any, lam: Any, *, dps: int = 20,
                    method: str = "mpmath") -> Any:
    r"""The correlation map ``c -> c~`` of a SELU layer (mpmath quadrature, not rigorous).

    .. math:: \tilde c = \frac{E[\mathrm{selu}(z)\mathrm{selu}(z')] - \tilde\mu^2}{\tilde\nu},
              \quad (z, z') \sim
              N\Bigl(\binom{a}{a}, v\begin{pmatrix}1 & c\\ c & 1\end{pmatrix}\Bigr)

    >>> from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01
    >>> float(correlation_map(1, 0, 1, ALPHA_01, LAMBDA_01))
    1.0
    >>> round(float(correlation_map(0.5, 0, 1, ALPHA_01, LAMBDA_01)), 10)
    0.4905691283

    ``method="mpmath"`` works at ``dps`` digits; ``"scipy"`` in float64
    (``scipy.integrate.quad_vec``, ~100 times faster, ~1e-13).
    """
    return _map_and_slope(c, a, v, alpha, lam, dps, method)[0]


def correlation_slope(c: Any, a: Any, v: Any, alpha: Any, lam: Any, *, dps: int = 20,
                      method: str = "mpmath") -> Any:
    r"""``d c~/dc = v E[selu'(z) selu'(z')] / nu~`` (Price's theorem; quadrature as above)."""
    return _map_and_slope(c, a, v, alpha, lam, dps, method)[1]


def _map_and_slope(c: Any, a: Any, v: Any, alpha: Any, lam: Any, dps: int,
                   method: str = "mpmath") -> tuple[Any, Any]:
    if method == "scipy" and abs(float(c)) < 1 and float(c) != 0:
        a, v, alpha, lam, c = (float(x) for x in (a, v, alpha, lam, c))
        m, _, var = backends.compiled("moments", "numpy")(a, v, alpha, lam)
        prod, dprod = _pair_expectations_float(c, a, v, alpha, lam)
        return (prod - float(m) ** 2) / float(var), v * dprod / float(var)
    if method not in ("mpmath", "scipy"):
        raise ValueError("method must be 'mpmath' or 'scipy'")
    with mpmath.workdps(dps):
        alpha, lam = mpmath.mpf(alpha), mpmath.mpf(lam)
        m, var = _selu_moments_mp(mpmath.mpf(a), mpmath.mpf(v), alpha, lam)
        c = mpmath.mpf(c)
        if c == 0:
            d1 = backends.compiled("mean_field_slopes", "mpmath")(a, v, alpha, lam, 1)[2]
            return mpmath.mpf(0), v * d1**2 / var
        if abs(c) == 1:
            prod, dprod = _endpoint_expectations(int(c), a, v, alpha, lam)
        else:
            prod, dprod = _pair_expectations(c, a, v, alpha, lam)
        if c == 1:
            return mpmath.mpf(1), v * dprod / var
        return (prod - m * m) / var, v * dprod / var


def _tanh_pair(c: float, a: float, v: float, nodes: int = 160) -> tuple[float, float, float]:
    """``(c~, d c~/dc, nu~)`` of tanh by 2-D Gauss-Hermite quadrature."""
    x, w = np.polynomial.hermite.hermgauss(nodes)
    u, wu = x[:, None] * np.sqrt(2), w[:, None] / np.sqrt(np.pi)
    r, wr = x[None, :] * np.sqrt(2), w[None, :] / np.sqrt(np.pi)
    s = np.sqrt(v)
    cc = min(max(c, -1.0), 1.0)
    z1 = a + s * u
    z2 = a + s * (cc * u + np.sqrt(1 - cc * cc) * r)
    ww = wu * wr
    m = float((np.tanh(z1) * ww).sum())
    var = float((np.tanh(z1) ** 2 * ww).sum()) - m * m
    prod = float((np.tanh(z1) * np.tanh(z2) * ww).sum())
    dprod = float(((1 - np.tanh(z1) ** 2) * (1 - np.tanh(z2) ** 2) * ww).sum())
    return (prod - m * m) / var, v * dprod / var, var


@dataclass
class _Map:
    """A correlation map with its slope, as floats-of-mpf callables."""

    fn: Callable[[float], tuple[float, float]]
    method: str
    fixed_one: bool = True


def correlation_fixed_points(cmap: Callable[[float], tuple[float, float]], *,
                             fixed_one: bool = True, grid: int = 40,
                             callback: Callable[[], None] | None = None) -> list[dict[str, Any]]:
    """Fixed points of ``c -> c~`` in ``[-1, 1]`` and their stability (numerical).

    ``cmap(c) -> (c~, dc~/dc)``.  ``c = 0`` (and ``c = 1`` when
    ``fixed_one``) are fixed by construction; others are located by sign changes
    of ``c~ - c`` on a grid of ``grid`` intervals and refined by bisection.  A
    fixed point is ``stable`` when ``|dc~/dc| < 1`` there.
    """
    cs = [-1 + 2 * k / grid for k in range(grid + 1)]
    vals = []
    for c in cs:
        vals.append(cmap(c)[0] - c if c not in (0.0,) and not (fixed_one and c == 1) else 0.0)
        if callback:
            callback()
    found: list[tuple[float, str]] = [(0.0, "exact (c = 0 is always fixed)")]
    if fixed_one:
        found.append((1.0, "exact (c = 1 is always fixed)"))
    for (c0, h0), (c1, h1) in zip(zip(cs, vals), zip(cs[1:], vals[1:])):
        if c0 == 0.0 or c1 == 0.0 or (fixed_one and c1 == 1.0):
            continue
        if h0 == 0.0 and c0 not in (0.0, 1.0):
            found.append((c0, "grid point"))
        elif h0 * h1 < 0:
            lo, hi, hlo = c0, c1, h0
            for _ in range(50):
                mid = (lo + hi) / 2
                hm = cmap(mid)[0] - mid
                if (hm < 0) == (hlo < 0):
                    lo, hlo = mid, hm
                else:
                    hi = mid
            found.append(((lo + hi) / 2, "bisection on the quadrature map"))
    out = []
    for c, how in sorted(found):
        slope = float(cmap(c)[1])
        out.append({"c": c, "slope": slope, "stable": abs(slope) < 1, "how": how})
    return out


# --------------------------------------------------------------------------- the summary


@dataclass
class MeanFieldResult:
    """Everything ``selu-proof mean-field`` reports (see :func:`mean_field`)."""

    activation: str
    convention: str
    fixed_point: dict[str, Any]
    parameters: dict[str, Any]
    chi1: list[str] | None
    chi_c: list[str] | None
    certified: bool
    correlation_fixed_points: list[dict[str, Any]]
    c_star: float | None
    depth_scales: dict[str, Any]
    gradient_growth: dict[str, Any]
    correlation_map_method: str
    dropout: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)
    correlation_search: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary (certified quantities as ``[lo, hi]`` decimal strings)."""
        return {"activation": self.activation, "convention": self.convention,
                "fixed_point": self.fixed_point, "parameters": self.parameters,
                "chi1": self.chi1, "chi_c": self.chi_c, "certified": self.certified,
                "c_star": self.c_star,
                "correlation_fixed_points": self.correlation_fixed_points,
                "depth_scales": self.depth_scales, "gradient_growth": self.gradient_growth,
                "correlation_map_method": self.correlation_map_method,
                "dropout": self.dropout, "notes": self.notes,
                "correlation_search": self.correlation_search}


def _certified_fixed_point(model: SeluClosedForm, omega: Fraction, tau: Fraction,
                           convention: str, digits: int) -> tuple[dict[str, Any], arb, arb]:
    """The fixed point of ``g`` for ``model`` by the core's Krawczyk test
    (:func:`selu_proof.meanfield.core.krawczyk_fixed_point`, as for any model): its record
    (``mean``, ``var`` correctly rounded to ``digits``, the enclosure ``box`` rounded
    outward to ``digits + 5`` digits) and the balls ``(mu, nu)``.
    """
    from selu_proof.fixedpoint.rounding import _bounds_strings, _round_certified

    om, ta = ball(omega), ball(tau)
    status, (mu, nu), how = guarded(krawczyk_fixed_point, model, om, ta,
                                    iterate_g(model, om, ta, (arb(0), arb(1))))
    values = {"mean": _round_certified(mu, digits), "var": _round_certified(nu, digits)}
    if status == "unknown" or None in values.values():
        why = how if status == "unknown" else f"{digits} digits not decided"
        raise ValueError(f"the fixed point of g is not certified: {why}")
    fp = {**values, "status": status, "reason": "", "how": how, "convention": convention,
          "digits": digits,
          "box": {"mean": _bounds_strings(mu, digits + 5), "var": _bounds_strings(nu, digits + 5)}}
    return fp, mu, nu


def _selu_state(omega: str, tau: str, alpha: str | None, lam: str | None, mean: str | None,
                var: str | None, digits: int) -> tuple[dict[str, Any], dict[str, Any],
                                                       SeluClosedForm, tuple[arb, arb]]:
    """Fixed point, parameters, the model (SELU's closed forms with its balls) and the fixed
    point's balls ``(mu, nu)``.
    """
    from selu_proof.fixedpoint import design_selu
    from selu_proof.fixedpoint.moment_map_fixed_point import fixed_point_convention
    from selu_proof.kernel.constants import constant_balls

    prec = ctx.prec
    om, ta = Fraction(omega), Fraction(tau)
    if mean is not None:
        res = design_selu(mean, var, omega, tau, digits=digits)
        if not res.is_unique:
            raise ValueError(f"no certified SELU for the fixed point ({mean}, {var}): "
                             f"{res.reason}")
        model = SeluClosedForm.of_balls(
            *(interval_ball(*(Fraction(x) for x in res.box[name])) for name in
              ("alpha", "lambda")), prec)
        fp = {"mean": mean, "var": var, "status": "exact (designed)", "convention": res.convention}
        params = {"alpha": res.values["alpha"], "lambda": res.values["lambda"],
                  "alpha_interval": res.box["alpha"], "lambda_interval": res.box["lambda"]}
        return fp, params, model, (ball(Fraction(mean)), ball(Fraction(var)))
    a01, l01 = constant_balls(prec)
    model = SeluClosedForm.of_balls(a01 if alpha is None else ball(Fraction(alpha)),
                                    l01 if lam is None else ball(Fraction(lam)), prec)
    params = {"alpha": "alpha_01" if alpha is None else alpha,
              "lambda": "lambda_01" if lam is None else lam}
    convention = fixed_point_convention(om, ta, *(None if x is None else Fraction(x)
                                                  for x in (alpha, lam)))
    fp, mu_b, nu_b = _certified_fixed_point(model, om, ta, convention, digits)
    return fp, params, model, (mu_b, nu_b)


def mean_field(*, activation: str = "selu", omega: str = "0", tau: str | None = None,
               alpha: str | None = None, lam: str | None = None, mean: str | None = None,
               var: str | None = None, dropout_rate: str | None = None, digits: int = 10,
               grid: int = 2, max_boxes: int = MAX_BOXES,
               callback: Callable[[], None] | None = None) -> MeanFieldResult:
    r"""Gradient and correlation propagation of one layer at its fixed point.

    Parameters
    ----------
    activation : {"selu", "relu", "tanh"}
        ``selu``: at the certified fixed point ``(mu*, nu*)`` of ``g`` for
        ``(omega, tau, alpha, lambda)`` (default ``alpha_01``, ``lambda_01``), or,
        with ``mean``/``var``, the SELU designed for that fixed point.
        ``relu``: He initialization (``tau = 2`` by default); ReLU is positively
        homogeneous, so ``chi1 = tau/2`` and the map do not depend on the
        variance (evaluated at ``var``, default 1).  ``tanh``: default
        ``tau = 1``, its edge of chaos without biases (variance fixed point
        ``nu* = 0``), evaluated at ``var`` (default 1); for ``tau > 1`` without
        ``mean``/``var`` at the variance fixed point ``nu* > 0``.  Numerical only.
    omega, tau : str
        Weight statistics, exact decimals.
    alpha, lam : str, optional
        SELU parameters (exact decimals; default ``alpha_01``, ``lambda_01``).
    mean, var : str, optional
        SELU: design ``(alpha, lambda)`` for this fixed point instead; ReLU,
        tanh: the state ``(mu, nu)`` at which the maps are evaluated.
    dropout_rate : str, optional
        Alpha dropout after every SELU (keeps the fixed point).
    digits : int
        Significant digits of the certified intervals.
    grid : int
        Equal boxes of ``[-1, 1]`` that seed the certified search for the correlation fixed
        points (it is complete for any value); for tanh, a numerical scan on at least
        :data:`SCAN_GRID` grid intervals.
    max_boxes : int
        Boxes the certified search examines at most (then the rest is reported undecided).
    callback : callable, optional
        Called once per certified integral of the search (per grid point of the scan):
        progress bars.

    Returns
    -------
    MeanFieldResult

    Examples
    --------
    >>> r = mean_field()
    >>> r.chi1, r.chi_c, r.c_star
    (['1.071574992', '1.071574993'], ['0.9706803523', '0.9706803524'], 0.0)
    """
    if activation not in ("selu", "relu", "tanh"):
        raise ValueError(f"unknown activation {activation!r}; choose selu, relu or tanh")
    if not 1 <= digits <= 60:
        raise ValueError("digits must be in [1, 60]")
    if (mean is None) != (var is None) and activation == "selu":
        raise ValueError("give both --mean and --var (the fixed point to design for)")
    if mean is not None and activation == "selu" and (alpha is not None or lam is not None):
        raise ValueError("give either --alpha/--lambda or --mean/--var, not both")
    if dropout_rate is not None and Fraction(dropout_rate) != 0 and activation != "selu":
        raise ValueError("alpha dropout applies to SELU only")
    if activation != "selu" and (alpha is not None or lam is not None):
        raise ValueError(f"{activation} takes no alpha/lambda")
    tau = tau if tau is not None else ("2" if activation == "relu" else "1")
    if Fraction(tau) <= 0:
        raise ValueError(f"tau must be positive, got {tau}")
    prec = int(digits * 3.33) + 40
    with ctx.workprec(prec):
        if activation == "tanh":
            return _tanh_result(omega, tau, mean, var, grid, callback)
        return _selu_family_result(activation, omega, tau, alpha, lam, mean, var,
                                   dropout_rate, digits, (grid, max_boxes), callback)


def _selu_family_result(activation, omega, tau, alpha, lam, mean, var, dropout_rate, digits,
                        search_budget, callback) -> MeanFieldResult:
    grid, max_boxes = search_budget
    notes: list[str] = []
    if activation == "selu":
        fp, params, model, (mu_b, nu_b) = _selu_state(omega, tau, alpha, lam, mean, var,
                                                      digits)
        convention = fp.get("convention", "")
    else:  # relu = SELU family with alpha = 0, lambda = 1
        mean_s, var_s = mean or "0", var or "1"
        if Fraction(var_s) <= 0:
            raise ValueError("var must be positive")
        mu_b, nu_b = ball(Fraction(mean_s)), ball(Fraction(var_s))
        model = SeluClosedForm.of_balls(arb(0), arb(1), ctx.prec)
        fp = {"status": "none with nu > 0" if Fraction(omega) == 0 else "not computed",
              "mean": mean_s, "var": var_s,
              "convention": f"state mean={mean_s}, var={var_s}; weight statistics "
                            f"omega={omega}, tau={tau}"}
        convention = fp["convention"]
        params = {"alpha": "0", "lambda": "1"}
        notes.append("ReLU is positively homogeneous: chi1 = tau*P(z > 0) and the correlation "
                     "map do not depend on the variance; the variance map has no fixed point "
                     "with nu > 0 at omega = 0 (nu~ = nu*(1 - 1/pi) for tau = 2).")
    om_b, ta_b = ball(Fraction(omega)), ball(Fraction(tau))
    al, la = model.constants().values()  # SELU's (alpha, lambda): alpha dropout, the scan
    a_b, v_b = mu_b * om_b, nu_b * ta_b
    c1, cc = slopes(model, a_b, v_b, ta_b)
    certified = True
    drop = None
    g1 = g2 = arb(1)
    rate = Fraction(dropout_rate) if dropout_rate is not None else Fraction(0)
    if rate:
        if not 0 < rate < 1:
            raise ValueError("dropout rate must be in [0, 1)")
        g1, g2 = backends.compiled("dropout_mean_field", "arb")(
            ball(1 - rate), -(la * al), mu_b, nu_b)
        drop = {"rate": dropout_rate, "gradient_factor": interval(g1, digits),
                "covariance_factor": interval(g2, digits),
                "chi1_without_dropout": interval(c1, digits),
                "chi_c_without_dropout": interval(cc, digits),
                "slope_at_1": interval(g2 * c1, digits)}
        c1, cc = g1 * c1, g2 * cc
        notes.append("with alpha dropout, two different inputs get independent masks: "
                     "c = 1 is no longer a fixed point (c~(1) = A^2 q^2 < 1)")
    pairs = _pairs(activation, alpha, lam, model, activation == "selu" and mean is not None)
    fps, search = _certified_fixed_points(pairs, a_b, v_b, g2 if rate else None, digits, grid,
                                          max_boxes, callback)
    method = f"{METHOD_CERTIFIED}; {FIXED_POINTS_CERTIFIED}"
    stable = [p["c"] for p in fps if p["stable"]]
    c_star = stable[0] if len(stable) == 1 else (max(stable) if stable else None)
    slope0 = next(p["slope"] for p in fps if p["c"] == 0.0)
    scales = depth_scales(c1, cc, digits)
    if activation != "selu":  # off the variance fixed point the slope at 0 is not chi_c
        scales["correlation_xi_c"] = float(-1 / np.log(slope0)) if 0 < slope0 < 1 else None
    growth = {str(n): interval(ipow(c1, n), digits) for n in (10, 100, 1000)}
    return MeanFieldResult(activation, convention, fp, params, interval(c1, digits),
                           interval(cc, digits), certified, fps, c_star, scales, growth,
                           method, drop, notes, search)


def _tanh_result(omega, tau, mean, var, grid, callback) -> MeanFieldResult:
    mean_s, var_s = mean or "0", var or "1"
    t = float(Fraction(tau))
    status = "not computed"
    if var is None and mean is None and Fraction(omega) == 0 and t > 1:
        from selu_proof.numeric.activations import gaussian_moments

        nu = 1.0  # the variance map of tanh at omega = 0 contracts to its fixed point
        for _ in range(10000):
            nxt = float(gaussian_moments(np.tanh, 0.0, nu * t)[1])
            if abs(nxt - nu) < 1e-15:
                break
            nu = nxt
        var_s, status = repr(nu), "variance fixed point (iterated, float)"
    a = float(Fraction(mean_s) * Fraction(omega))
    v = float(Fraction(var_s) * Fraction(tau))
    if v <= 0:
        raise ValueError("var must be positive")
    x, w = np.polynomial.hermite.hermgauss(160)
    z = a + np.sqrt(2 * v) * x
    d = 1 - np.tanh(z) ** 2
    chi1 = t * float((d * d * w).sum() / np.sqrt(np.pi))
    chic = t * float((d * w).sum() / np.sqrt(np.pi)) ** 2

    def cmap(c: float) -> tuple[float, float]:
        m, s, _ = _tanh_pair(c, a, v)
        return (1.0, s) if c == 1 else (0.0, s) if c == 0 else (m, s)

    fps = correlation_fixed_points(cmap, grid=max(grid, SCAN_GRID), callback=callback)
    stable = [p["c"] for p in fps if p["stable"]]
    c_star = stable[0] if len(stable) == 1 else (max(stable) if stable else None)
    fmt = [f"{chi1:.10g}"] * 2
    return MeanFieldResult(
        "tanh", f"state mean={mean_s}, var={var_s}; weight statistics omega={omega}, tau={tau}",
        {"status": status, "mean": mean_s, "var": var_s}, {}, fmt,
        [f"{chic:.10g}"] * 2, False, fps, c_star,
        {"correlation_xi_c": (-1 / np.log(chic)) if chic < 1 else None,
         "gradient_layers_per_e": (1 / abs(np.log(chi1))) if chi1 != 1 else None,
         "gradient_direction": "grows toward the input" if chi1 > 1 else
         "shrinks toward the input"},
        {str(n): [f"{chi1 ** n:.6g}"] * 2 for n in (10, 100, 1000)},
        METHOD_GAUSS_HERMITE, None,
        ["tanh has no closed form here: chi1 and chi_c by Gauss-Hermite quadrature "
         "(not certified).  Without biases its edge of chaos is tau = 1, where the only "
         "variance fixed point is nu* = 0 (chi1 = 1 there) and the maps are evaluated at "
         "--var (default 1); for tau > 1 (and no --mean/--var) at the variance fixed point "
         "nu* > 0."])
