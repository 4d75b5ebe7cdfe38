r"""The one mean-field report of a model: ``selu-proof mean-field`` for SELU and any activation.

A :class:`MeanFieldModel` carries what the report needs of a model, and nothing asks which
kind it is:

* ``moments``: :meth:`~selu_proof.kernel.model.Model.gaussian_moments`, read by the core
  (:mod:`selu_proof.meanfield.core`: the fixed point by Krawczyk, the Jacobian, ``chi1``,
  ``chi_c``, the i.i.d.-weights kernel);
* ``pairs``: the pair expectations ``E[F(z)F(z')]``, ``E[F'(z)F'(z')]`` of the correlation
  search (:class:`~selu_proof.meanfield.correlation.CorrelationMap`);
* a display name, the parameters record, the fixed points that hold exactly, the
  identities of the correlation search, and optionally alpha dropout's saturation value.

:func:`selu_model` builds SELU's closed forms (``alpha``, ``lambda`` exact, or designed for
a fixed point: balls, with :class:`~selu_proof.fixedpoint.scaled.SeluBalls` for the pairs);
:func:`catalogue_model` any catalogue activation or formula, plain or affine-normalized
(:class:`~selu_proof.fixedpoint.scaled.Scaled`).  :func:`mean_field` is the report: the
fixed point (or what is proved where there is none), the Jacobian with its spectral norm
and radius, ``chi1``, ``chi_c``, the depth scales and the gradient growth ``chi1^L``,
alpha dropout's factors when asked, the i.i.d.-weights kernel, every fixed point of the
correlation map in ``[-1, 1]`` in both conventions, and ``c~(C)`` with its slope.  Every
number is an outward-rounded enclosure (:func:`~selu_proof.meanfield.core.interval`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from flint import arb, ctx

from selu_proof import backends
from selu_proof.fixedpoint.scaled import Scaled, SeluBalls
from selu_proof.kernel.activations import CatalogueActivation, make_activation, parse_activation
from selu_proof.kernel.arb_runtime import ipow
from selu_proof.kernel.exact import ball, decimal_down, decimal_up, interval_ball
from selu_proof.kernel.give_up import give_up_at, passed
from selu_proof.kernel.model import MomentModel, SeluClosedForm
from selu_proof.meanfield.core import (
    depth_scales,
    guarded,
    interval,
    iterate_g,
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

__all__ = ["MeanFieldModel", "selu_model", "catalogue_model", "mean_field", "CENTRED", "IID",
           "NORMALIZED_EXACT", "NORMALIZED_Q", "HOMOGENEOUS", "GROWTH_DEPTHS",
           "TimeBudgetError", "precision", "scaled_activation"]

CENTRED = ("centred map of the paper (weights with fixed per-unit omega, tau): "
           "c~ = (E[f(z)f(z')] - mu~^2)/nu~, z ~ N(mu*omega, nu*tau) at the fixed point")
IID = ("mean-field kernel of i.i.d. zero-mean Gaussian weights (Poole et al. 2016): "
       "z ~ N(0, q), q = tau*E[f(z)^2] (uncentred) at its fixed point q*, "
       "c~ = E[f(z)f(z')]/E[f(z)^2]")

#: ``(status, how)`` of the fixed point ``(0, 1)`` of an affine-normalized activation (or
#: SELU with ``alpha_01``, ``lambda_01``) at ``omega = 0``, ``tau = 1``
NORMALIZED_EXACT = ("exact (normalized)",
                    "lambda*(f - beta) maps N(0, 1) to mean 0, variance 1 by construction")

#: ``(status, how)`` of the i.i.d. kernel's ``q* = 1`` for the same models at ``tau = 1``
NORMALIZED_Q = ("exact (normalized)",
                "E F(z)^2 = Var F + (E F)^2 = 1 at z ~ N(0, 1) by construction")

#: activations with ``f(x) = x f'(x)``, ``f'`` constant on each side of 0
HOMOGENEOUS = ("relu", "leaky_relu")

#: depths ``L`` of the gradient growth ``chi1^L``
GROWTH_DEPTHS = (10, 100, 1000)

_STABILITY = {"below": "attracting: variances shrink to 0 geometrically near 0",
              "above": "repelling: variances grow away from 0",
              "neutral": "neutral: slope exactly 1, no geometric rate"}


def precision(digits: int) -> int:
    """Working bits for ``digits`` significant digits."""
    return int(digits * 3.33) + 40


@dataclass(frozen=True)
class MeanFieldModel:
    """What :func:`mean_field` needs of a model (see the module docstring).

    ``exact``: ``(omega, tau, mean, var, status, how)``, a fixed point that holds by
    construction at those weight statistics; ``exact_q``: ``(tau, status, how)``, the i.i.d.
    kernel's ``q* = 1`` likewise; ``unit_mean``: ``E F = 0`` exactly at ``N(0, 1)``;
    ``search``: the parity options of the correlation search (``odd``, ``symmetric``,
    ``homogeneous``); ``exclusions``: the catalogue form that proves where the variance map
    has no fixed point (:mod:`selu_proof.meanfield.variance_map`), when there is one;
    ``saturation``: alpha dropout's value of a dropped unit, ``-lambda*alpha`` for SELU.
    """

    name: str
    moments: MomentModel
    pairs: Any
    parameters: dict[str, Any]
    exact: tuple[Fraction, Fraction, Fraction, Fraction, str, str] | None = None
    exact_q: tuple[Fraction, str, str] | None = None
    unit_mean: bool = False
    search: dict[str, bool] = field(default_factory=dict)
    exclusions: Scaled | None = None
    saturation: arb | None = None
    notes: tuple[str, ...] = ()


def selu_model(*, omega: str = "0", tau: str = "1", alpha: str | None = None,
               lam: str | None = None, mean: str | None = None, var: str | None = None,
               digits: int = 10) -> MeanFieldModel:
    """SELU's closed forms with ``alpha``, ``lambda`` (default ``alpha_01``, ``lambda_01``),
    or designed (:func:`~selu_proof.fixedpoint.design_selu`) for the fixed point
    ``(mean, var)`` at ``(omega, tau)``: then ``alpha`` and ``lambda`` are the design's
    certified intervals, and the pairs are :class:`~selu_proof.fixedpoint.scaled.SeluBalls`.
    """
    from selu_proof.fixedpoint import design_selu
    from selu_proof.kernel.constants import constant_balls

    if (mean is None) != (var is None):
        raise ValueError("give both --mean and --var (the fixed point to design for)")
    if mean is not None and (alpha is not None or lam is not None):
        raise ValueError("give either --alpha/--lambda or --mean/--var, not both")
    prec = precision(digits)
    with ctx.workprec(prec):
        if mean is not None:
            res = design_selu(mean, var, omega, tau, digits=digits)
            if not res.is_unique:
                raise ValueError(f"no certified SELU for the fixed point ({mean}, {var}): "
                                 f"{res.reason}")
            al, la = (interval_ball(*(Fraction(x) for x in res.box[name]))
                      for name in ("alpha", "lambda"))
            params = {"alpha": res.box["alpha"], "lambda": res.box["lambda"],
                      "designed_for": {"mean": mean, "var": var}}
            exact = (Fraction(omega), Fraction(tau), Fraction(mean), Fraction(var),
                     "exact (designed)", "alpha, lambda certified for this fixed point "
                     "(selu-proof design)")
            return MeanFieldModel("selu", SeluClosedForm.of_balls(al, la, prec),
                                  SeluBalls(al, la), params, exact=exact,
                                  saturation=-(al * la))
        a01, l01 = constant_balls(prec)
        al = a01 if alpha is None else ball(Fraction(alpha))
        la = l01 if lam is None else ball(Fraction(lam))
        act = make_activation("selu", alpha=alpha or "alpha_01",
                              **{"lambda": lam or "lambda_01"})
        pairs = Scaled(act, arb(1), arb(0))
        return MeanFieldModel(
            "selu", SeluClosedForm.of_balls(al, la, prec), pairs,
            {"alpha": alpha or "alpha_01", "lambda": lam or "lambda_01"},
            exact_q=(Fraction(1), *NORMALIZED_Q) if _is_selu01(act) else None,
            unit_mean=act.zero_mean, search=parity_options(act, False), exclusions=pairs,
            saturation=-(al * la))


def _is_selu01(act: CatalogueActivation) -> bool:
    """The catalogue's default SELU (``alpha_01``, ``lambda_01``): mean 0, variance 1 at
    ``N(0, 1)`` exactly.
    """
    return act.spec == make_activation("selu").spec


def catalogue_model(spec: str | CatalogueActivation, normalize: str | None = None, *,
                    digits: int = 10) -> MeanFieldModel:
    """A catalogue activation or formula by certified quadrature, plain or affine-normalized
    (``lambda*(f - beta)``, :mod:`selu_proof.fixedpoint.normalization`).
    """
    act = parse_activation(spec)
    with ctx.workprec(precision(digits)):
        sc, params = scaled_activation(act, normalize, digits)
    affine = normalize == "affine"
    normalized = affine or _is_selu01(act)
    return MeanFieldModel(
        act.spec, sc, sc, params,
        exact=(Fraction(0), Fraction(1), Fraction(0), Fraction(1), *NORMALIZED_EXACT)
        if affine else None,
        exact_q=(Fraction(1), *NORMALIZED_Q) if normalized else None,
        unit_mean=affine or act.zero_mean,
        search={**parity_options(act, affine),
                "homogeneous": not affine and act.name in HOMOGENEOUS},
        exclusions=sc)


def scaled_activation(act: CatalogueActivation, normalize: str | None,
                      digits: int) -> tuple[Scaled, dict[str, Any]]:
    """``lambda*(f - beta)`` of the normalization (``f`` itself for ``None``) and its
    parameters record (``lambda``, ``beta`` rounded outward, the convention), at the working
    precision.
    """
    if normalize is None:
        return Scaled(act, arb(1), arb(0)), {}
    if normalize != "affine":
        raise ValueError(f"unknown normalization {normalize!r}; choose affine")
    from selu_proof.fixedpoint.normalization import normalize as norm

    n = norm(act, "affine", digits=digits + 5)
    sc = Scaled(act, n.constants["lambda"], n.constants["beta"])
    return sc, {"lambda": interval(sc.lam, digits), "beta": interval(sc.beta, digits),
                "normalization": n.describe()}


class TimeBudgetError(RuntimeError):
    """:func:`mean_field` did not finish within its ``max_seconds``."""


def mean_field(model: MeanFieldModel | None = None, *, omega: str = "0", tau: str = "1",
               correlation: str | None = None, dropout_rate: str | None = None,
               digits: int = 10, grid: int = 2, max_boxes: int = MAX_BOXES,
               max_seconds: float | None = None, search: bool | None = None,
               progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """The certified mean-field report of ``model`` (default: SELU with ``alpha_01``,
    ``lambda_01``) at weight statistics ``(omega, tau)`` (see the module docstring).

    Returns a JSON-ready dictionary; ``"certified"`` is true when the fixed point is
    certified (every printed number is an enclosure either way; without a certified fixed
    point they are evaluated at the state ``(0, 1)``, which the output says).
    ``dropout_rate``: alpha dropout after every unit (a model with a saturation value);
    ``correlation``: also ``c~(C)`` and its slope in both conventions; ``grid`` equal boxes
    seed the correlation fixed-point search, ``max_boxes`` bounds it.  ``search``: ``None``
    searches each convention whose state is a certified fixed point, and every state when
    ``correlation`` asks about the map (a convention not searched is ``None``); ``True``
    every state (figures); ``False`` none (``"correlation_fixed_points": None``: tables that
    read only the rest).
    Past ``max_seconds``
    the integrations give up (:mod:`selu_proof.kernel.give_up`) and :class:`TimeBudgetError`
    is raised; ``progress(stage)`` is called as each stage starts.

    >>> r = mean_field(digits=8)
    >>> r["chi1"], r["gradient_growth"]["100"]
    (['1.0715749', '1.071575'], ['1005.2104', '1005.2105'])
    >>> [p["c"] for p in r["correlation_fixed_points"]["centred"]["fixed_points"]]
    [['0', '0'], ['1', '1']]
    """
    if not 1 <= digits <= 60:
        raise ValueError("digits must be in [1, 60]")
    if model is None:
        model = selu_model(digits=digits)
    deadline = None if max_seconds is None else time.monotonic() + max_seconds
    spent = TimeBudgetError(f"time budget of {max_seconds:g} s spent (--max-seconds) before "
                            "the mean field was certified" if max_seconds is not None else "")
    with give_up_at(deadline):
        try:
            out = _report(model, omega, tau, correlation, dropout_rate, digits,
                          None if search is False else (grid, max_boxes),
                          progress or (lambda stage: None), everywhere=bool(search))
        except (ValueError, ArithmeticError):
            if passed(deadline):
                raise spent from None
            raise
    if passed(deadline):  # numbers computed past it may be uninformative: none is shown
        raise spent
    return out


def _without_fixed_point(sc: Scaled | None, tau: Fraction, centred: bool, mean_free: bool,
                         newton: str, digits: int) -> tuple[str, str, dict[str, Any]]:
    """Status, explanation and details when no fixed point was certified: the trivial fixed
    point at variance 0 with its slope, and where a positive one is excluded (proved) or
    not (:mod:`selu_proof.meanfield.variance_map`, on the catalogue form ``sc``; without
    one, ``unknown`` with Newton's reason).  ``centred``: the moment map (``nu``), else the
    i.i.d.-weights kernel (``q``).
    """
    if sc is None:
        return "unknown", newton, {"findings": [newton]}
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


def _fixed_point(model: MeanFieldModel, omega: Fraction,
                 tau: Fraction) -> tuple[str, tuple[arb, arb], str]:
    """``(status, (mu, nu), how)`` of the fixed point of ``g``: the model's exact one at its
    weight statistics, else the Krawczyk test from where a few dozen steps of ``g`` lead.
    """
    if model.exact is not None and model.exact[:2] == (omega, tau):
        mu, nu, status, how = model.exact[2:]
        return status, (ball(mu), ball(nu)), how
    om, ta = ball(omega), ball(tau)
    return guarded(krawczyk_fixed_point, model.moments, om, ta,
                   iterate_g(model.moments, om, ta, (arb(0), arb(1))))


def _shown(model: MeanFieldModel, i: int, x: arb, omega: Fraction, tau: Fraction,
           digits: int) -> list[str]:
    """The fixed point's mean (``i = 2``) or variance (``i = 3``) rounded outward: the exact
    decimal itself when the model's exact fixed point holds at ``(omega, tau)``.
    """
    if model.exact is not None and model.exact[:2] == (omega, tau):
        value = model.exact[i]
        return [decimal_down(value, digits), decimal_up(value, digits)]
    return interval(x, digits)


def _report(model: MeanFieldModel, omega: str, tau: str, correlation: str | None,
            dropout_rate: str | None, digits: int, search: tuple[int, int] | None,
            step: Callable[[str], None], everywhere: bool = False) -> dict[str, Any]:
    """The body of :func:`mean_field` (``search``: ``(grid, max_boxes)``, or ``None``;
    ``everywhere``: search at states that are not fixed points too).
    """
    om, ta = Fraction(omega), Fraction(tau)
    if ta <= 0:
        raise ValueError(f"tau must be positive, got {tau}")
    c_val = None if correlation is None else Fraction(correlation)
    if c_val is not None and not -1 <= c_val <= 1:
        raise ValueError(f"--correlation must be in [-1, 1], got {correlation}")
    rate = Fraction(0) if dropout_rate is None else Fraction(dropout_rate)
    if not 0 <= rate < 1:
        raise ValueError(f"--dropout-rate must be in [0, 1), got {dropout_rate}")
    if rate and model.saturation is None:
        raise ValueError(f"alpha dropout needs a saturation value, which {model.name} does "
                         "not have (SELU's is -lambda*alpha): --dropout-rate applies to "
                         "--activation selu")
    out: dict[str, Any] = {"activation": model.name, "parameters": model.parameters,
                           "weights": {"omega": omega, "tau": tau}}
    notes = list(model.notes)
    with ctx.workprec(precision(digits)):
        omb, tab = ball(om), ball(ta)
        extra: dict[str, Any] = {}
        step("fixed point")
        status, (mu, nu), how = _fixed_point(model, om, ta)
        certified = status != "unknown"
        if not certified:
            status, how, extra = _without_fixed_point(model.exclusions, ta, True, om == 0, how,
                                                      digits)
            mu, nu = arb(0), arb(1)
            how += "; maps evaluated at the state (0, 1), which is not a fixed point"
        out["fixed_point"] = {"mean": _shown(model, 2, mu, om, ta, digits),
                              "var": _shown(model, 3, nu, om, ta, digits),
                              "status": status, "how": how, **extra}
        step("jacobian, chi1, chi_c")
        a, v = mu * omb, nu * tab
        g, h = moment_map(model.moments, mu, nu, omb, tab)
        chi1, chi_c = slopes(model.moments, a, v, tab)
        norm2, radius = spectral(h)
        out["jacobian"] = {"dmu_dmu": interval(h[0][0], digits),
                           "dmu_dnu": interval(h[0][1], digits),
                           "dnu_dmu": interval(h[1][0], digits),
                           "dnu_dnu": interval(h[1][1], digits),
                           "spectral_norm": interval(norm2, digits),
                           "spectral_radius": interval(radius, digits)}
        out["attracting"] = (True if radius < 1 else False if radius >= 1 else None) \
            if certified else None
        factor = None
        out["dropout"] = None
        if rate:
            g1, factor = backends.compiled("dropout_mean_field", "arb")(
                ball(1 - rate), model.saturation, mu, nu)
            out["dropout"] = {"rate": dropout_rate, "gradient_factor": interval(g1, digits),
                              "covariance_factor": interval(factor, digits),
                              "chi1_without_dropout": interval(chi1, digits),
                              "chi_c_without_dropout": interval(chi_c, digits)}
            chi1, chi_c = g1 * chi1, factor * chi_c
            notes.append("alpha dropout keeps the fixed point and multiplies chi1 by A^2 q "
                         "and the covariance of two different inputs by A^2 q^2; the "
                         "Jacobian H and the i.i.d.-weights kernel are those without "
                         "dropout; c = 1 is no longer a fixed point (c~(1) = A^2 q^2 < 1)")
        out["chi1"] = interval(chi1, digits)
        out["chi_c"] = interval(chi_c, digits)
        out["depth_scales"] = depth_scales(chi1, chi_c, digits)
        out["gradient_growth"] = {str(n): _growth(chi1, n, digits) for n in GROWTH_DEPTHS}
        out["correlation_convention"] = CENTRED
        step("i.i.d.-weights kernel")
        q, out["iid_kernel"] = _iid_kernel(model, ta, tab, digits)
        anyway = everywhere or c_val is not None
        at_fixed_point = {"centred": anyway or certified,
                          "iid": anyway or out["iid_kernel"]["status"] not in ("unknown", "none")}
        if c_val is not None:
            step(f"correlation map at c = {correlation}")
            out.update(_map_at(model, correlation, c_val, a, v, g, q, factor, digits))
        out["correlation_fixed_points"] = None if search is None else _fixed_point_searches(
            model, a, v, q, factor, digits, search, step, at_fixed_point)
        out["certified"] = certified
        out["notes"] = notes
    return out


#: ``chi1^L`` is shown when it lies within ``2**(+-GROWTH_RANGE)`` (beyond, ``None``)
GROWTH_RANGE = 8000


def _growth(chi1: arb, n: int, digits: int) -> list[str] | None:
    """``chi1^n`` rounded outward, or ``None`` when it may leave ``2**(+-GROWTH_RANGE)``."""
    x = ipow(chi1, n)
    inside = abs(x) < arb(2) ** GROWTH_RANGE and (x.is_zero() or abs(x) > arb(2) ** -GROWTH_RANGE)
    return interval(x, digits) if inside else None


def _iid_kernel(model: MeanFieldModel, ta: Fraction, tab: arb,
                digits: int) -> tuple[arb, dict[str, Any]]:
    """``q*`` of the i.i.d.-weights kernel (exact, Krawczyk, or what is proved instead) and
    its record with ``chi1``, ``chi_c`` there.
    """
    if model.exact_q is not None and model.exact_q[0] == ta:
        qstatus, q, qhow = model.exact_q[1], arb(1), model.exact_q[2]
    else:
        qstatus, q, qhow = guarded(krawczyk_q, model.moments, tab)
    qextra: dict[str, Any] = {}
    if qstatus == "unknown":
        qstatus, qhow, qextra = _without_fixed_point(model.exclusions, ta, False, True, qhow,
                                                     digits)
        q = arb(1)
        qhow += "; evaluated at q = 1, which is not a fixed point"
    qchi1, qchi_c = slopes(model.moments, arb(0), q, tab)
    return q, {"convention": IID, "q_star": interval(q, digits), "status": qstatus,
               "how": qhow, **qextra, "chi1": interval(qchi1, digits),
               "chi_c": interval(qchi_c, digits)}


def _map_at(model: MeanFieldModel, text: str, c_val: Fraction, a: arb, v: arb, g: list[arb],
            q: arb, factor: arb | None, digits: int) -> dict[str, Any]:
    """``c~(C)`` and its slope in both conventions (the centred one times alpha dropout's
    covariance factor when given).
    """
    with ctx.workprec(ctx.prec + 64):  # 1 - c keeps its digits for c near 1
        cb = ball(c_val)
    k = arb(1) if factor is None else factor
    pv, ps = model.pairs.pair_value(a, v, cb), model.pairs.pair_slope(a, v, cb)
    out = {"correlation_map": {"c": text, "convention": CENTRED,
                               "value": interval(k * (pv - g[0] * g[0]) / g[1], digits),
                               "slope": interval(k * v * ps / g[1], digits),
                               "certified": True}}
    zero = arb(0)
    qv, qs = model.pairs.pair_value(zero, q, cb), model.pairs.pair_slope(zero, q, cb)
    _, qm2 = model.pairs.moments(zero, q)
    out["correlation_map_iid"] = {"c": text, "convention": IID,
                                  "value": interval(qv / qm2, digits),
                                  "slope": interval(q * qs / qm2, digits), "certified": True}
    return out


def _fixed_point_searches(model: MeanFieldModel, a: arb, v: arb, q: arb, factor: arb | None,
                          digits: int, search: tuple[int, int], step: Callable[[str], None],
                          at_fixed_point: dict[str, bool]) -> dict[str, Any]:
    """Every fixed point of the correlation map in ``[-1, 1]`` in both conventions
    (:func:`~selu_proof.meanfield.correlation.fixed_point_records`; the centred map times
    alpha dropout's covariance factor when given); ``None`` for a convention whose state is
    not a certified fixed point (``at_fixed_point``): the map there describes no layer of a
    deep network.
    """
    zero = arb(0)
    out: dict[str, Any] = {"method": METHOD}
    # the same pre-activations in both conventions: the same integrals
    same = a.rad() == 0 and v.rad() == 0 and q.rad() == 0 and a == zero and v == q
    shared: dict[Any, arb] = {}
    for key, (ca, cv, centred) in (("centred", (a, v, True)), ("iid", (zero, q, False))):
        if not at_fixed_point[key]:
            out[key] = None
            continue
        work = [0]

        def tick(key: str = key, work: list[int] = work) -> None:
            work[0] += 1
            step(f"correlation fixed points ({key}): {work[0]} integrals")

        # E F = 0 exactly: the model's identity at N(0, 1)
        zero_mean = model.unit_mean and ca.is_zero() and cv == 1 and cv.rad() == 0
        out[key] = fixed_point_records(
            model.pairs, ca, cv, centred, digits, interval, seeds=max(search[0], 2),
            max_boxes=search[1], zero_mean=zero_mean, **model.search,
            factor=factor if centred else None, step=tick, cache=shared if same else None)
    return out
