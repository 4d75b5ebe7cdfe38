r"""Mean field of any catalogue activation, certified by rigorous quadrature.

For an activation ``f`` (optionally affine-normalized, ``lambda*(f - beta)``,
:mod:`selu_proof.fixedpoint.normalization`) and weight statistics ``(omega, tau)``:

* the fixed point ``(mu*, nu*)`` of the moment map ``g(mu, nu) = (E f(z), Var f(z))``,
  ``z ~ N(mu*omega, nu*tau)``, certified unique in a box by the Krawczyk test (or exactly
  ``(0, 1)`` for an affine-normalized activation at ``omega = 0, tau = 1``);
* the Jacobian ``H`` of ``(mu, nu) -> (mu~, nu~)`` there (density derivatives, no second
  derivative of ``f``), its spectral norm and spectral radius, and whether the fixed point
  is attracting (``True`` only when the radius is certified below 1, ``False`` when
  certified at or above 1, ``None`` when undecided, e.g. the exactly neutral ReLU);
* ``chi1 = tau E[f'(z)^2]``, ``chi_c = tau E[f'(z)]^2`` and the depth scales;
* the correlation map in two conventions, each named in the output:

  - :data:`CENTRED` -- the paper's map for weights with fixed per-unit ``omega``:
    ``c~ = (E[f(z)f(z')] - mu~^2)/nu~`` at the fixed point;
  - :data:`IID` -- the mean-field kernel of i.i.d. zero-mean Gaussian weights (Poole et
    al. 2016): pre-activations ``N(0, q)``, ``q = tau E[f(z)^2]`` (uncentred second
    moments) at its fixed point ``q*``, ``c~ = E[f(z)f(z')]/E[f(z)^2]``.

  They differ for activations with a non-zero mean (ReLU with He initialization follows
  the second: ``c* = 1``, slope ``chi1 = 1`` there).  ``c~(C)`` and its slope are certified
  by nested quadrature (:func:`selu_proof.kernel.quadrature.pair_expectation`).

The fixed point, the Jacobian, ``chi1``, ``chi_c`` and the depth scales are those of
:mod:`selu_proof.meanfield.core`, which reads the activation's
:meth:`~selu_proof.fixedpoint.scaled.Scaled.gaussian_moments` as it reads any model's
(:func:`model_fixed_point` takes any :class:`~selu_proof.kernel.model.MomentModel`).
Every number here is an outward-rounded enclosure unless the output says otherwise.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from flint import arb, ctx

from selu_proof.fixedpoint.scaled import AffineInput, Scaled
from selu_proof.kernel.activations import CatalogueActivation, parse_activation
from selu_proof.kernel.exact import ball
from selu_proof.kernel.give_up import give_up_at, passed
from selu_proof.kernel.model import MomentModel
from selu_proof.meanfield.core import (
    depth_scales,
    guarded,
    interval,
    krawczyk_fixed_point,
    krawczyk_q,
    moment_map,
    slopes,
    spectral,
)
from selu_proof.meanfield.correlation import (
    MAX_BOXES,
    METHOD,
    fixed_point_records,
    parity_options,
)

__all__ = ["CENTRED", "IID", "Scaled", "AffineInput", "MomentModel", "spectral",
           "activation_mean_field",
           "activation_fixed_point", "catalogue_fixed_point", "model_fixed_point",
           "NORMALIZED_EXACT", "correlation_fixed_points", "TimeBudgetError", "MAX_BOXES"]

CENTRED = ("centred map of the paper (weights with fixed per-unit omega, tau): "
           "c~ = (E[f(z)f(z')] - mu~^2)/nu~, z ~ N(mu*omega, nu*tau) at the fixed point")
IID = ("mean-field kernel of i.i.d. zero-mean Gaussian weights (Poole et al. 2016): "
       "z ~ N(0, q), q = tau*E[f(z)^2] (uncentred) at its fixed point q*, "
       "c~ = E[f(z)f(z')]/E[f(z)^2]")


_STABILITY = {"below": "attracting: variances shrink to 0 geometrically near 0",
              "above": "repelling: variances grow away from 0",
              "neutral": "neutral: slope exactly 1, no geometric rate"}


def _without_fixed_point(sc: Scaled, tau: Fraction, centred: bool, mean_free: bool,
                         newton: str, digits: int) -> tuple[str, str, dict[str, Any]]:
    """Status, explanation and details when no fixed point was certified: the trivial fixed
    point at variance 0 with its slope, and where a positive one is excluded (proved) or
    not (:mod:`selu_proof.meanfield.variance_map`).  ``centred``: the moment map (``nu``),
    else the i.i.d.-weights kernel (``q``).
    """
    from selu_proof.meanfield.variance_map import exclude, slope_at_zero, value_at_zero

    name = "nu" if centred else "q"
    extra: dict[str, Any] = {}
    parts = []
    neutral = False
    f0 = value_at_zero(sc)
    if mean_free and (centred or f0.is_zero()):
        slope = slope_at_zero(sc, ball(tau), centred)
        neutral = slope == 1 and slope.rad() == 0
        word = "neutral" if neutral else "below" if slope < 1 else "above" if slope > 1 \
            else None
        stability = _STABILITY[word] if word else "undecided"
        extra["zero_variance"] = {"var": "0", "mean": interval(f0, digits) if centred else None,
                                  "slope": interval(slope, digits), "stability": stability}
        at = f" (mean F(0) = {_show(interval(f0, digits))})" if centred else ""
        parts.append(f"{name} = 0 is a fixed point{at}, slope of {name} -> {name}~ there "
                     f"{_show(interval(slope, digits))} ({stability})")
    elif not centred and (f0 > 0 or f0 < 0):
        parts.append("q = 0 is not fixed (q~(0) = tau F(0)^2 > 0)")
    ex = exclude(sc, tau, centred, mean_free=mean_free)
    if neutral and ex.proved_from and ex.sign_change is None:
        ex.reason = (f"the map has slope 1 at {name} = 0 (neutral): near 0 its bounds do not "
                     "separate it from the identity")
    extra["search"] = ex.as_dict()
    parts.insert(0, ex.statement(name))
    if not ex.none:
        parts.append(newton)
    extra["findings"] = parts
    return ("none" if ex.none else "unknown"), "; ".join(parts), extra


def _show(iv: list[str]) -> str:
    return iv[0] if iv[0] == iv[1] else f"[{iv[0]}, {iv[1]}]"


# ------------------------------------------------------------------ correlation fixed points


def _cmap(sc: Scaled, a: arb, v: arb, c: arb, centred: bool) -> tuple[arb, arb]:
    """Certified ``(c~(c), dc~/dc)`` over the ball ``c`` (``|c| < 1``)."""
    prod, dprod = sc.pair(a, v, c)
    m1, m2 = sc.moments(a, v)
    if centred:
        var = m2 - m1 * m1
        return (prod - m1 * m1) / var, v * dprod / var
    return prod / m2, v * dprod / m2


def correlation_fixed_points(sc: Scaled, a: arb, v: arb, centred: bool, digits: int, *,
                             seeds: int = 2, max_boxes: int = MAX_BOXES,
                             zero_mean: bool = False, odd: bool = False,
                             symmetric: bool = False,
                             homogeneous: bool = False, factor: arb | None = None,
                             step: Callable[[], None] | None = None,
                             cache: dict[Any, arb] | None = None) -> dict[str, Any]:
    """Every fixed point of the correlation map in ``[-1, 1]``, certified
    (:func:`selu_proof.meanfield.correlation.search_fixed_points`).

    ``{"fixed_points": [{"c", "slope", "status", "stable", "how"}], "undecided": [{"c",
    "width"}], "complete", "boxes", "evaluations"}``: ``c`` and ``slope`` as ``[lo, hi]``
    rounded outward; ``status`` ``"exact"`` (an identity) or ``"unique"`` (certified alone in
    its interval); ``stable`` from the slope (``|slope| < 1``: ``True``, ``> 1``: ``False``,
    else ``None``).  ``complete``: nothing undecided, so these are all the fixed points.
    ``zero_mean``, ``odd``, ``symmetric``, ``homogeneous``, ``factor``, ``cache``: as for
    :class:`~selu_proof.meanfield.correlation.CorrelationMap`.

    >>> from selu_proof.kernel.activations import parse_activation
    >>> r = correlation_fixed_points(Scaled(parse_activation("tanh"), arb(1), arb(0)),
    ...                              arb(0), arb(1), True, 6, odd=True)
    >>> [p["c"] for p in r["fixed_points"]], r["complete"]
    ([['-1', '-1'], ['0', '0'], ['1', '1']], True)
    """
    return fixed_point_records(sc, a, v, centred, digits, interval, seeds=seeds,
                               max_boxes=max_boxes, factor=factor, zero_mean=zero_mean,
                               odd=odd, symmetric=symmetric, homogeneous=homogeneous,
                               step=step, cache=cache)


# --------------------------------------------------------------------------- the summary


def _precision(digits: int) -> int:
    return int(digits * 3.33) + 40


def _scaled(act: CatalogueActivation, normalize: str | None,
            digits: int) -> tuple[Scaled, dict[str, Any] | None]:
    """``lambda*(f - beta)`` of the normalization (``f`` itself for ``None``) and its record."""
    if normalize is None:
        return Scaled(act, arb(1), arb(0)), None
    if normalize != "affine":
        raise ValueError(f"unknown normalization {normalize!r}; choose affine")
    from selu_proof.fixedpoint.normalization import normalize as norm

    n = norm(act, "affine", digits=digits + 5)
    sc = Scaled(act, n.constants["lambda"], n.constants["beta"])
    return sc, {"convention": n.describe(), "lambda": interval(sc.lam, digits),
                "beta": interval(sc.beta, digits)}


#: activations with ``f(x) = x f'(x)``, ``f'`` constant on each side of 0
HOMOGENEOUS = ("relu", "leaky_relu")

#: ``(status, q*, how)`` of the i.i.d. kernel of an affine-normalized activation (or SELU
#: with ``alpha_01``, ``lambda_01``) at ``tau = 1``
NORMALIZED_Q = ("exact (normalized)", arb(1),
                "E F(z)^2 = Var F + (E F)^2 = 1 at z ~ N(0, 1) by construction")


def _is_selu01(act: CatalogueActivation) -> bool:
    """SELU with ``alpha_01``, ``lambda_01``: mean 0, variance 1 at ``N(0, 1)`` exactly."""
    return act.name == "selu" and act.params.get("alpha") == "alpha_01" and \
        act.params.get("lambda") == "lambda_01"

#: ``(status, how)`` of the fixed point ``(0, 1)`` of an affine-normalized activation
NORMALIZED_EXACT = ("exact (normalized)",
                    "lambda*(f - beta) maps N(0, 1) to mean 0, variance 1 by construction")

def _exact(normalize: str | None, omega: Fraction, tau: Fraction) -> tuple[str, str] | None:
    """:data:`NORMALIZED_EXACT` for an affine normalization at ``omega = 0, tau = 1``."""
    return NORMALIZED_EXACT if normalize == "affine" and omega == 0 and tau == 1 else None


def _fixed_point(sc: MomentModel, exact: tuple[str, str] | None, omega: Fraction,
                 tau: Fraction) -> tuple[str, tuple[arb, arb], str]:
    """``(status, (mu, nu), how)`` of the fixed point of ``g`` at ``(omega, tau)``:
    ``(0, 1)`` exactly when ``exact`` says why, else the Krawczyk test.
    """
    if exact is not None:
        return exact[0], (arb(0), arb(1)), exact[1]
    return guarded(krawczyk_fixed_point, sc, ball(omega), ball(tau), (arb(0), arb(1)))


def model_fixed_point(model: MomentModel, *, omega: str = "0", tau: str = "1", digits: int = 10,
                      exact: tuple[str, str] | None = None) -> dict[str, Any]:
    """The certified fixed point ``(mu*, nu*)`` of ``g`` for a moment model.

    ``{"status", "mean": [lo, hi], "var": [lo, hi], "how"}`` (the intervals rounded
    outward; with status ``"unknown"`` no intervals): the Krawczyk test on the quadrature
    enclosures, or ``(0, 1)`` exactly when ``exact = (status, how)`` says why (an
    activation whose constants were certified to map ``N(0, 1)`` to mean 0, variance 1, at
    ``omega = 0, tau = 1``).
    """
    om, ta = Fraction(omega), Fraction(tau)
    if ta <= 0:
        raise ValueError(f"tau must be positive, got {tau}")
    with ctx.workprec(_precision(digits)):
        status, (mu, nu), how = _fixed_point(model, exact, om, ta)
        if status == "unknown":
            return {"status": status, "how": how}
        return {"status": status, "mean": interval(mu, digits), "var": interval(nu, digits),
                "how": how}


def activation_fixed_point(spec: str | CatalogueActivation, *, normalize: str | None = None,
                           omega: str = "0", tau: str = "1", digits: int = 10) -> dict[str, Any]:
    """The certified fixed point ``(mu*, nu*)`` of ``g`` for a catalogue activation.

    As in :func:`activation_mean_field` (the Krawczyk test on the quadrature
    enclosures, or exactly ``(0, 1)`` for an affine-normalized activation at
    ``omega = 0, tau = 1``): ``{"status", "mean": [lo, hi], "var": [lo, hi], "how"}``,
    the intervals rounded outward; with status ``"unknown"`` no intervals.

    >>> activation_fixed_point("gelu", normalize="affine")["var"]
    ['1', '1']
    """
    om, ta = Fraction(omega), Fraction(tau)
    if ta <= 0:
        raise ValueError(f"tau must be positive, got {tau}")
    with ctx.workprec(_precision(digits)):
        sc, _ = _scaled(parse_activation(spec), normalize, digits)
    return model_fixed_point(sc, omega=omega, tau=tau, digits=digits,
                             exact=_exact(normalize, om, ta))


class TimeBudgetError(RuntimeError):
    """:func:`activation_mean_field` did not finish within its ``max_seconds``."""


def activation_mean_field(spec: str | CatalogueActivation, *, normalize: str | None = None,
                          omega: str = "0", tau: str = "1", correlation: str | None = None,
                          digits: int = 10, grid: int = 2, max_boxes: int = MAX_BOXES,
                          max_seconds: float | None = None,
                          progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Certified mean field of an activation (see the module docstring): ``spec`` is a
    catalogue name with parameters, a formula
    (:func:`~selu_proof.kernel.activations.parse_activation`) or an activation object.

    Returns a JSON-ready dictionary; ``"certified"`` is true when the fixed point is
    certified (all printed numbers are enclosures either way; without a certified fixed
    point they are evaluated at the state ``(0, 1)``, which the output says).  With
    ``correlation``, every fixed point of the correlation map in ``[-1, 1]`` in both
    conventions (:func:`correlation_fixed_points`; ``grid`` equal boxes seed the search,
    ``max_boxes`` bounds it).  Past
    ``max_seconds`` the integrations give up (:mod:`selu_proof.kernel.give_up`) and
    :class:`TimeBudgetError` is raised; ``progress(stage)`` is called as each stage starts.

    >>> r = activation_mean_field("relu", normalize="affine", digits=6)
    >>> r["attracting"], r["fixed_point"]["status"]
    (None, 'exact (normalized)')
    """
    deadline = None if max_seconds is None else time.monotonic() + max_seconds
    spent = TimeBudgetError(f"time budget of {max_seconds:g} s spent (--max-seconds) before "
                            "the mean field was certified" if max_seconds is not None else "")
    with give_up_at(deadline):
        try:
            out = _mean_field(spec, normalize, omega, tau, correlation, digits,
                              (grid, max_boxes), progress or (lambda stage: None))
        except (ValueError, ArithmeticError):
            if passed(deadline):
                raise spent from None
            raise
    if passed(deadline):  # numbers computed past it may be uninformative: none is shown
        raise spent
    return out


def _mean_field(spec: str | CatalogueActivation, normalize: str | None, omega: str, tau: str,
                correlation: str | None, digits: int, search: tuple[int, int],
                step: Callable[[str], None]) -> dict[str, Any]:
    """The body of :func:`activation_mean_field`."""
    act = parse_activation(spec)
    om, ta = Fraction(omega), Fraction(tau)
    if ta <= 0:
        raise ValueError(f"tau must be positive, got {tau}")
    c_val = None if correlation is None else Fraction(correlation)
    if c_val is not None and not -1 <= c_val <= 1:
        raise ValueError(f"--correlation must be in [-1, 1], got {correlation}")
    out: dict[str, Any] = {"activation": act.spec}
    with ctx.workprec(_precision(digits)):
        sc, out["normalization"] = _scaled(act, normalize, digits)
        omb, tab = ball(om), ball(ta)
        out["weights"] = {"omega": omega, "tau": tau}
        extra: dict[str, Any] = {}
        step("fixed point")
        status, (mu, nu), how = _fixed_point(sc, _exact(normalize, om, ta), om, ta)
        certified = status != "unknown"
        if not certified:
            status, how, extra = _without_fixed_point(sc, ta, True, om == 0, how, digits)
            mu, nu = arb(0), arb(1)
            how += "; maps evaluated at the state (0, 1), which is not a fixed point"
        out["fixed_point"] = {"mean": interval(mu, digits), "var": interval(nu, digits),
                              "status": status, "how": how, **extra}
        step("jacobian, chi1, chi_c")
        a, v = mu * omb, nu * tab
        g, h = moment_map(sc, mu, nu, omb, tab)
        chi1, chi_c = slopes(sc, a, v, tab)
        norm2, radius = spectral(h)
        attracting = True if radius < 1 else False if radius >= 1 else None
        out["jacobian"] = {"dmu_dmu": interval(h[0][0], digits),
                           "dmu_dnu": interval(h[0][1], digits),
                           "dnu_dmu": interval(h[1][0], digits),
                           "dnu_dnu": interval(h[1][1], digits),
                           "spectral_norm": interval(norm2, digits),
                           "spectral_radius": interval(radius, digits)}
        out["attracting"] = attracting if certified else None
        out["chi1"] = interval(chi1, digits)
        out["chi_c"] = interval(chi_c, digits)
        out["depth_scales"] = depth_scales(chi1, chi_c, digits)
        out["correlation_convention"] = CENTRED
        step("i.i.d.-weights kernel")
        if ta == 1 and (normalize == "affine" or normalize is None and _is_selu01(act)):
            qstatus, q, qhow = NORMALIZED_Q
        else:
            qstatus, q, qhow = guarded(krawczyk_q, sc, tab)
        qextra: dict[str, Any] = {}
        if qstatus == "unknown":
            qstatus, qhow, qextra = _without_fixed_point(sc, ta, False, True, qhow, digits)
            q = arb(1)
            qhow += "; evaluated at q = 1, which is not a fixed point"
        zero = arb(0)
        qchi1, qchi_c = slopes(sc, zero, q, tab)
        out["iid_kernel"] = {"convention": IID, "q_star": interval(q, digits),
                             "status": qstatus, "how": qhow, **qextra,
                             "chi1": interval(qchi1, digits), "chi_c": interval(qchi_c, digits)}
        if c_val is not None:
            step(f"correlation map at c = {correlation}")
            with ctx.workprec(ctx.prec + 64):  # 1 - c keeps its digits for c near 1
                cb = ball(c_val)
            prod, dprod = sc.pair(a, v, cb)
            out["correlation_map"] = {"c": correlation, "convention": CENTRED,
                                      "value": interval((prod - g[0] * g[0]) / g[1], digits),
                                      "slope": interval(v * dprod / g[1], digits),
                                      "certified": True}
            qprod, qdprod = sc.pair(zero, q, cb)
            _, qm2 = sc.moments(zero, q)
            out["correlation_map_iid"] = {"c": correlation, "convention": IID,
                                          "value": interval(qprod / qm2, digits),
                                          "slope": interval(q * qdprod / qm2, digits),
                                          "certified": True}
            out["correlation_fixed_points"] = {"method": METHOD}
            # f odd about k: F is odd about a centre, and odd once normalized (beta = k)
            parity = parity_options(act, normalize == "affine")
            homogeneous = normalize is None and act.name in HOMOGENEOUS
            # the same pre-activations in both conventions: the same integrals
            same = a.rad() == 0 and v.rad() == 0 and q.rad() == 0 and a == zero and v == q
            shared: dict[Any, arb] = {}
            for key, (ca, cv, centred) in (("centred", (a, v, True)), ("iid", (zero, q, False))):
                work = [0]

                def tick(key: str = key, work: list[int] = work) -> None:
                    work[0] += 1
                    step(f"correlation fixed points ({key}): {work[0]} integrals")

                # E F = 0 exactly: the affine normalization (or alpha_01) at N(0, 1)
                zero_mean = (normalize == "affine" or normalize is None and act.zero_mean) \
                    and ca.is_zero() and cv == 1 and cv.rad() == 0
                out["correlation_fixed_points"][key] = correlation_fixed_points(
                    sc, ca, cv, centred, digits, seeds=search[0], max_boxes=search[1],
                    zero_mean=zero_mean, **parity, homogeneous=homogeneous, step=tick,
                    cache=shared if same else None)
        out["certified"] = certified
    return out


def catalogue_fixed_point(spec: str | CatalogueActivation, normalize: str | None,
                          omega: float | str, tau: float | str, *,
                          digits: int = 10) -> dict[str, Any]:
    """The certified fixed point of ``g`` for a catalogue activation (certified quadrature,
    :func:`activation_fixed_point`), as a simulation compares it with its layers.

    ``{"status", "mean": [lo, hi], "var": [lo, hi], "box": {"mean", "var"}, "reason",
    "convention"}``; without a certified fixed point (e.g. ReLU, whose variance
    collapses), no intervals and the reason.  ``omega`` and ``tau`` are read as exact
    decimals (floats by their shortest repr).  The ``certify_catalogue`` of
    :func:`selu_proof.numeric.network.simulate`.
    """
    from selu_proof.numeric.network import _exact

    w, t = _exact(omega), _exact(tau)
    shown = spec if isinstance(spec, str) else spec.spec
    convention = (f"weight statistics omega={w}, tau={t}; {shown}"
                  + (f", {normalize}-normalized" if normalize else "")
                  + ", certified quadrature")
    try:
        fp = activation_fixed_point(spec, normalize=normalize, omega=w, tau=t, digits=digits)
    except (ValueError, ArithmeticError) as exc:  # the certification gave up: say so
        return {"status": "unknown", "reason": f"certification failed: {exc}",
                "convention": convention}
    out = {"status": fp["status"], "reason": fp["how"], "convention": convention}
    if "mean" in fp:
        out.update(mean=fp["mean"], var=fp["var"], box={"mean": fp["mean"], "var": fp["var"]})
    return out
