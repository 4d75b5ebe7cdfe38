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

The report itself is :func:`selu_proof.meanfield.report.mean_field`, the one for every
model; :func:`activation_mean_field` is that report for
:func:`~selu_proof.meanfield.report.catalogue_model`.  The fixed point, the Jacobian,
``chi1``, ``chi_c`` and the depth scales are those of :mod:`selu_proof.meanfield.core`,
which reads the activation's :meth:`~selu_proof.fixedpoint.scaled.Scaled.gaussian_moments`
as it reads any model's (:func:`model_fixed_point` takes any
:class:`~selu_proof.kernel.model.MomentModel`).  Every number here is an outward-rounded
enclosure unless the output says otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from flint import arb, ctx

from selu_proof.fixedpoint.scaled import AffineInput, Scaled
from selu_proof.kernel.activations import CatalogueActivation, parse_activation
from selu_proof.kernel.exact import ball
from selu_proof.kernel.model import MomentModel
from selu_proof.meanfield.core import guarded, interval, krawczyk_fixed_point, spectral
from selu_proof.meanfield.correlation import MAX_BOXES, fixed_point_records
from selu_proof.meanfield.report import (
    CENTRED,
    HOMOGENEOUS,
    IID,
    NORMALIZED_EXACT,
    TimeBudgetError,
    catalogue_model,
    mean_field,
    precision,
    scaled_activation,
)

__all__ = ["CENTRED", "IID", "Scaled", "AffineInput", "MomentModel", "spectral",
           "activation_mean_field", "HOMOGENEOUS",
           "activation_fixed_point", "catalogue_fixed_point", "model_fixed_point",
           "NORMALIZED_EXACT", "correlation_fixed_points", "TimeBudgetError", "MAX_BOXES"]


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
    with ctx.workprec(precision(digits)):
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
    with ctx.workprec(precision(digits)):
        sc, _ = scaled_activation(parse_activation(spec), normalize, digits)
    return model_fixed_point(sc, omega=omega, tau=tau, digits=digits,
                             exact=_exact(normalize, om, ta))


def activation_mean_field(spec: str | CatalogueActivation, *, normalize: str | None = None,
                          omega: str = "0", tau: str = "1", correlation: str | None = None,
                          digits: int = 10, grid: int = 2, max_boxes: int = MAX_BOXES,
                          max_seconds: float | None = None, search: bool | None = None,
                          progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """The mean-field report (:func:`selu_proof.meanfield.report.mean_field`) of a catalogue
    activation: ``spec`` is a catalogue name with parameters, a formula
    (:func:`~selu_proof.kernel.activations.parse_activation`) or an activation object,
    plain or affine-normalized (:func:`~selu_proof.meanfield.report.catalogue_model`).

    >>> r = activation_mean_field("relu", normalize="affine", digits=6)
    >>> r["attracting"], r["fixed_point"]["status"]
    (None, 'exact (normalized)')
    """
    return mean_field(catalogue_model(spec, normalize, digits=digits), omega=omega, tau=tau,
                      correlation=correlation, digits=digits, grid=grid,
                      max_boxes=max_boxes, max_seconds=max_seconds, search=search,
                      progress=progress)


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
