r"""Claim meanings for a specification with a catalogue activation, through quadrature.

Trusted.  A specification with ``activation = "NAME[:params]"`` in its ``[parameters]``
(:mod:`selu_proof.kernel.specs`) is about the layer map of
:math:`F(x) = \lambda\,(f(x) - \beta)`, ``f`` the catalogue activation
(:mod:`selu_proof.kernel.activations`).  ``lambda`` and ``beta`` are

* ``normalize = "affine"``: the certified affine constants
  :math:`\lambda = \sqrt{V/(m_2 - m_1^2)}`, :math:`\beta = m_1 - M/\lambda` with
  :math:`m_k = E f(z)^k`, ``z ~ N(0, V)`` (target mean ``M`` and variance ``V``, default
  ``0`` and ``1``: the fixed point ``(M, V)`` at ``omega = 0``, ``tau = 1``);
* explicit exact decimals ``lambda``, ``beta``;
* neither: ``lambda = 1``, ``beta = 0`` (``f`` itself).

Every goal of :mod:`selu_proof.kernel.claims` keeps its meaning; only the moments change.
They depend on ``(a, v) = (mu*omega, nu*tau)`` (DESIGN.md): with
:math:`M_1(a, v) = E F(z)`, :math:`M_2(a, v) = E F(z)^2`, ``z ~ N(a, v)``,

.. math:: \tilde\mu = M_1, \quad \tilde\nu = M_2 - M_1^2, \quad
          J = \begin{pmatrix}\omega\,\partial_a M_1 & \tau\,\partial_v M_1\\
                             \omega\,\partial_a M_2 & \tau\,\partial_v M_2\end{pmatrix},
          \quad H_{2j} = J_{2j} - 2\tilde\mu J_{1j}, \quad
          \chi_1 = \tau\,E F'(z)^2 .

Each moment and its derivatives in ``a`` and ``v`` (first and second, for the gradients of
the mean-value form) are Gaussian integrals of ``f``, ``f^2`` or ``f'^2`` against the
density or its derivatives (:data:`selu_proof.kernel.quadrature.WEIGHTS`), enclosed by
:func:`~selu_proof.kernel.quadrature.gaussian_expectation`; ``f`` is never differentiated
twice.  The gradient in ``(mu, omega, nu, tau)`` is carried by forward-mode derivatives
over balls (:class:`_Dual`): ``d/dmu = omega d/da``, ``d/domega = mu d/da``,
``d/dnu = tau d/dv``, ``d/dtau = nu d/dv``.

The integrator's settings are part of the meaning a certificate records
(:func:`integrator_settings`): the accuracy goal ``2^-bits`` of the integrator and of the
tail truncation.  Any goal gives a valid enclosure; the checker requires the recorded one
to be the kernel's, so that a replay is the same computation.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from itertools import product
from typing import Any, ClassVar

from flint import acb, arb, ctx

from selu_proof.kernel import taylor
from selu_proof.kernel.activations import CatalogueActivation, Growth, parse_activation
from selu_proof.kernel.exact import ball, fraction_str, parse_decimal, shown6
from selu_proof.kernel.give_up import give_up_at, give_up_time, passed
from selu_proof.kernel.limits import MAX_QUADRATURE_PRECISION, PREACTIVATION_VAR
from selu_proof.kernel.moments import MOMENTS, Moments, Triple
from selu_proof.kernel.quadrature import _integrand, gaussian_expectation_complex, work_done

__all__ = ["ActivationModel", "NormalizeError", "model_token", "activation_model",
           "affine_constants", "check_affine_target", "MAX_AFFINE_MEAN",
           "integrator_settings", "model_record", "largest_singular_value"]


class NormalizeError(ValueError):
    """The normalization does not exist (or is not certified) for this activation."""


#: the integrator's evaluation limit is ``EVALUATIONS_PER_BIT * (p + 64)`` integrand
#: evaluations per integration at ``p`` bits (:func:`integrator_settings`)
EVALUATIONS_PER_BIT = 16


def integrator_settings(prec: int) -> dict[str, Any]:
    """The integrator's settings at ``prec`` bits (recorded in a certificate).

    ``accuracy_bits``: the goal ``2^-accuracy_bits`` of :meth:`acb.integral` (``rel_tol``
    and ``abs_tol``) and of the Gaussian tail truncation.  ``eval_limit``: the most
    integrand evaluations of one integration, ``16 (prec + 64)``: at least twice what any
    integration at a point of the supported domain needs (at most about ``7 prec`` for
    the catalogue; ``tests/test_leaf_work.py``).  An integration that reaches it is
    given up and its enclosure is not finite
    (:func:`~selu_proof.kernel.quadrature.gaussian_expectation_complex`), so that the
    work of a leaf is bounded whatever its box (docs/kernel.md, "Work per leaf").
    """
    return {"method": "acb.integral", "accuracy_bits": prec, "tails": "growth-bound",
            "eval_limit": EVALUATIONS_PER_BIT * (prec + 64), "boxes": taylor.settings()}


#: largest ``|M|`` of an affine target ``(M, V)``
MAX_AFFINE_MEAN = Fraction(1000)


def check_affine_target(mean: Fraction, var: Fraction) -> None:
    """Raise :class:`NormalizeError` unless ``(M, V)`` is a supported affine target: ``V`` in
    the range of the pre-activation variance ``nu*tau`` (:data:`.limits.PREACTIVATION_VAR`),
    since the constants come from the moments of ``f(z)``, ``z ~ N(0, V)``; ``|M| <= 1000``.
    """
    lo, hi = PREACTIVATION_VAR
    if var <= 0:
        raise NormalizeError(f"the target variance var must be positive, got {shown6(var)}")
    if not lo <= var <= hi:
        raise NormalizeError(
            f"the target variance var = {shown6(var)} is too {'small' if var < lo else 'large'}"
            f": the supported range is [{float(lo):g}, {float(hi):g}], that of the "
            "pre-activation variance nu*tau (lambda and beta come from the moments of f(z), "
            "z ~ N(0, var))")
    if abs(mean) > MAX_AFFINE_MEAN:
        raise NormalizeError(f"the target mean = {shown6(mean)} is outside the supported range "
                             f"[-{MAX_AFFINE_MEAN}, {MAX_AFFINE_MEAN}]")


def affine_constants(act: CatalogueActivation, mean: Fraction = Fraction(0),
                     var: Fraction = Fraction(1)) -> tuple[arb, arb]:
    r"""``(lambda, beta)`` with :math:`\lambda(f - \beta)` mapping ``z ~ N(0, V)`` to mean
    ``M``, variance ``V``: :math:`\lambda = \sqrt{V/(m_2 - m_1^2)}`,
    :math:`\beta = m_1 - M/\lambda` (the unique solution with ``lambda > 0``), for a
    supported target (:func:`check_affine_target`).
    """
    check_affine_target(mean, var)
    m1 = _plain(act, "f", arb(0), ball(var), "density")
    m2 = _plain(act, "f2", arb(0), ball(var), "density")
    variance = m2 - m1 * m1
    if not variance > 0:
        raise NormalizeError(f"{act.spec}: Var f(z) is not certified positive "
                             "(a constant activation has no affine normalization)")
    lam = (ball(var) / variance).sqrt()
    return lam, m1 - ball(mean) / lam


def model_token(activation: str, normalize: str | None, lam: str | None, beta: str | None,
                mean: str | None, var: str | None) -> str:
    """The canonical token of a specification's model: ``SPEC|affine:M,V``,
    ``SPEC|explicit:LAMBDA,BETA`` or ``SPEC|none`` (raises :class:`ValueError` with a
    one-line reason for an impossible combination).
    """
    act = parse_activation(activation)  # ActivationError is a ValueError
    if normalize is not None and (lam is not None or beta is not None):
        raise ValueError("give either normalize or explicit lambda/beta, not both")
    if normalize is None and (mean is not None or var is not None):
        raise ValueError("mean/var are the target of normalize = \"affine\"")
    if normalize is not None:
        if normalize != "affine":
            raise ValueError(f"normalize must be \"affine\", got {normalize!r}")
        m = parse_decimal(mean if mean is not None else "0")
        v = parse_decimal(var if var is not None else "1")
        check_affine_target(m, v)
        return f"{act.spec}|affine:{fraction_str(m)},{fraction_str(v)}"
    if lam is None and beta is None:
        return f"{act.spec}|none"
    lq = parse_decimal(lam if lam is not None else "1")
    bq = parse_decimal(beta if beta is not None else "0")
    if not Fraction(1, 100) <= lq <= 100:
        raise ValueError("lambda must be in [0.01, 100]")
    if abs(bq) > 100:
        raise ValueError("beta must be in [-100, 100]")
    return f"{act.spec}|explicit:{fraction_str(lq)},{fraction_str(bq)}"


# --------------------------------------------------------------------------- dual numbers


class _Dual:
    """A ball and (optionally) its gradient in ``(mu, omega, nu, tau)``."""

    __slots__ = ("x", "g")

    def __init__(self, x: arb, g: Sequence[arb] | None = None) -> None:
        self.x, self.g = x, None if g is None else list(g)

    def _lift(self, o: _Dual | arb | int) -> _Dual:
        return o if isinstance(o, _Dual) else _Dual(arb(o) if isinstance(o, int) else o,
                                                    None if self.g is None else [arb(0)] * 4)

    def __add__(self, o: _Dual | arb | int) -> _Dual:
        o = self._lift(o)
        return _Dual(self.x + o.x, None if self.g is None else
                     [p + q for p, q in zip(self.g, o.g)])

    def __sub__(self, o: _Dual | arb | int) -> _Dual:
        o = self._lift(o)
        return _Dual(self.x - o.x, None if self.g is None else
                     [p - q for p, q in zip(self.g, o.g)])

    def __neg__(self) -> _Dual:
        return _Dual(-self.x, None if self.g is None else [-p for p in self.g])

    def __mul__(self, o: _Dual | arb | int) -> _Dual:
        o = self._lift(o)
        return _Dual(self.x * o.x, None if self.g is None else
                     [p * o.x + self.x * q for p, q in zip(self.g, o.g)])

    __rmul__ = __mul__

    def sqrt(self) -> _Dual:
        r = self.x.sqrt()
        return _Dual(r, None if self.g is None else [p / (2 * r) for p in self.g])


#: quadrature results per (activation, integrand, weight, a ball, v ball, precision)
_CACHE: OrderedDict[tuple[Any, ...], arb] = OrderedDict()
_CACHE_SIZE = 20000


def _cached(act: CatalogueActivation, h: str, weight: tuple[int, int], a: arb, v: arb) -> arb:
    """One quadrature, remembered per ``(a, v)`` ball (as the closed-form blocks are): the
    boxes of a branch and bound share their ``(a, v)`` ranges along ``mu``/``omega`` and
    ``nu``/``tau`` splits, and a mean-value form re-uses a centre's integrals.
    """
    key = (act.spec, h, weight, _key(a), _key(v), ctx.prec)
    hit = _CACHE.get(key)
    if hit is not None:
        _CACHE.move_to_end(key)
        return hit
    out = _plain(act, h, a, v, weight)
    # one given up at a deadline depends on the clock: not remembered; one given up at the
    # evaluation limit is a count, the same every time: remembered like any other
    if out.is_finite() or not passed(give_up_time()):
        _CACHE[key] = out
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return out


def _plain(act: CatalogueActivation, h: str, a: arb, v: arb,
           weight: str | tuple[int, int]) -> arb:
    pieces, growth = _integrand(act, h)
    settings = integrator_settings(ctx.prec)
    return gaussian_expectation_complex(pieces, growth, acb(a), v, weight,
                                        tol_bits=settings["accuracy_bits"],
                                        eval_limit=settings["eval_limit"]).real


def _key(x: arb) -> tuple[Any, ...]:
    return (x.mid().man_exp(), x.rad().man_exp())


@dataclass(frozen=True, eq=False)
class ActivationModel:
    """``F = lambda*(f - beta)`` with the balls of its constants, at ``prec`` bits.

    A :class:`~selu_proof.kernel.model.Model`: its goals are evaluated by quadrature.
    """

    #: the work of each integration grows with the precision (docs/kernel.md)
    max_precision: ClassVar[int] = MAX_QUADRATURE_PRECISION

    token: str
    act: CatalogueActivation
    normalize: str  # "affine", "explicit" or "none"
    lam: arb
    beta: arb
    prec: int

    @classmethod
    def build(cls, key: str, prec: int) -> ActivationModel:
        """:func:`activation_model` of the token ``key``."""
        return activation_model(key, prec)

    @property
    def key(self) -> str:
        """The model's token (:func:`model_token`)."""
        return self.token

    def constants(self) -> dict[str, arb]:
        """The balls recorded in a certificate's ``constants``."""
        return {"lambda": self.lam, "beta": self.beta}

    def record(self) -> dict[str, Any]:
        """The certificate's ``activation`` entry (:func:`model_record`)."""
        return model_record(self)

    @classmethod
    def parameters_of(cls, key: str) -> dict[str, str]:
        """The ``[parameters]`` of a specification about the model ``key`` (a token of
        :func:`model_token`): the activation and its normalization as canonical text (the
        affine target only when it is not ``(0, 1)``), which parse back to ``key``.
        """
        spec, _, norm = key.partition("|")
        kind, _, args = norm.partition(":")
        out = {"activation": spec}
        if kind == "affine":
            out["normalize"] = "affine"
            mean, var = args.split(",")
            if (mean, var) != ("0", "1"):
                out.update(mean=mean, var=var)
        elif kind == "explicit":
            out["lambda"], out["beta"] = args.split(",")
        return out

    def parameters_summary(self) -> dict[str, str]:
        """:meth:`parameters_of` the model's token."""
        return self.parameters_of(self.token)

    def float_twin(self) -> None:
        """``None``: the goals of a catalogue activation have no float twin."""
        return None

    def given_up(self) -> int:
        """Integrations given up at their evaluation limit so far in this process."""
        return work_done()["given_up"]

    @property
    def eval_limit(self) -> int:
        """The most integrand evaluations of one integration (:func:`integrator_settings`)."""
        return integrator_settings(self.prec)["eval_limit"]

    # -- moments of f, f^2, f'^2 and their partials, as duals in (mu, omega, nu, tau)

    def _e(self, h: str, order: tuple[int, int], a: arb, v: arb) -> arb:
        r"""``d^i/da^i d^j/dv^j E h(z)`` over the balls ``a``, ``v``, ``order = (i, j)``.

        On a point (balls no wider than :func:`~selu_proof.kernel.taylor.pointlike`), one
        quadrature on the balls.  On a box, the Taylor models of the cells of the ``(a, v)``
        grid it meets (:func:`selu_proof.kernel.taylor.enclosure`): the true range plus a
        remainder that does not grow with the box, where quadrature on ball arguments
        loses most of its width to the dependency of the density's polynomial weights.
        """
        if taylor.pointlike(a, v):
            return _cached(self.act, h, order, a, v)
        settings = integrator_settings(ctx.prec)
        return taylor.enclosure(self.act, h, order, a, v, settings["accuracy_bits"],
                                settings["eval_limit"])

    def _moment(self, h: str, a: _Dual, v: _Dual, order: str = "") -> _Dual:
        """``E h`` (``order=""``), or its partial ``d/da`` (``"a"``) or ``d/dv`` (``"v"``)."""
        first = {"": (0, 0), "a": (1, 0), "v": (0, 1)}[order]
        x = self._e(h, first, a.x, v.x)
        if a.g is None:
            return _Dual(x)
        da = self._e(h, (first[0] + 1, first[1]), a.x, v.x)
        dv = self._e(h, (first[0], first[1] + 1), a.x, v.x)
        return _Dual(x, [da * p + dv * q for p, q in zip(a.g, v.g)])

    def _m1(self, a: _Dual, v: _Dual, order: str = "") -> _Dual:
        m = self._moment("f", a, v, order)
        return self.lam * (m if order else m - self.beta)

    def _m2(self, a: _Dual, v: _Dual, order: str = "") -> _Dual:
        m2 = self._moment("f2", a, v, order)
        m1 = self._moment("f", a, v, order)
        lam2, b = self.lam * self.lam, self.beta
        out = m2 - 2 * b * m1
        return lam2 * (out if order else out + b * b)

    def gaussian_moments(self, a: arb, v: arb, which: tuple[str, ...] = MOMENTS,
                         partials: str = "av") -> Moments:
        """:class:`~selu_proof.kernel.model.Moments` of ``F`` by quadrature, those asked for:
        on a point, one integral per moment and partial; on a box, the Taylor models of
        :meth:`_e`.
        """
        orders = ("",) + tuple(o for o in "av" if o in partials)
        if not v > 0:
            nan = tuple(arb("nan") if o in orders else None for o in ("", "a", "v"))
            return Moments(*(nan if h in which else None for h in MOMENTS))
        av = (_Dual(a), _Dual(v))
        lam2 = self.lam * self.lam
        moment = {"f": self._m1, "f2": self._m2,
                  "df": lambda a, v, o: self.lam * self._moment("df", a, v, o),
                  "df2": lambda a, v, o: lam2 * self._moment("df2", a, v, o)}

        def triple(h: str) -> Triple | None:
            if h not in which:
                return None
            return tuple(moment[h](*av, o).x if o in orders else None  # type: ignore[return-value]
                         for o in ("", "a", "v"))

        return Moments(*(triple(h) for h in MOMENTS))

    def quantity(self, key: str, xs: Sequence[arb], gradient: bool) -> _Dual:
        """The goal expression ``key`` (:func:`selu_proof.derive.expressions.goal_expression`)."""
        if key.startswith("-"):
            return -self.quantity(key[1:], xs, gradient)
        unit = [[arb(int(i == j)) for j in range(4)] for i in range(4)]
        mu, om, nu, tau = (_Dual(x, unit[i] if gradient else None) for i, x in enumerate(xs))
        a, v = mu * om, nu * tau
        if not v.x > 0:
            return _Dual(arb("nan"), None if not gradient else [arb("nan")] * 4)
        if key == "mean":
            return self._m1(a, v)
        if key in ("var", "var-nu", "nu-var"):
            m1 = self._m1(a, v)
            var = self._m2(a, v) - m1 * m1
            return var if key == "var" else var - nu if key == "var-nu" else nu - var
        if key == "chi1":
            return tau * (self.lam * self.lam) * self._moment("df2", a, v)
        if key in ("S(H)", "S(J)"):
            j11, j12 = om * self._m1(a, v, "a"), tau * self._m1(a, v, "v")
            j21, j22 = om * self._m2(a, v, "a"), tau * self._m2(a, v, "v")
            if key == "S(H)":
                two_m1 = 2 * self._m1(a, v)
                j21, j22 = j21 - two_m1 * j11, j22 - two_m1 * j12
            if not gradient:  # balls: the vertex bound of largest_singular_value
                return _Dual(largest_singular_value(j11.x, j12.x, j21.x, j22.x))
            return largest_singular_value(j11, j12, j21, j22)
        raise KeyError(f"unknown goal expression {key!r}")

    def goal(self, key: str) -> tuple[Callable[..., tuple[arb, ...]],
                                      Callable[..., tuple[arb, ...]]]:
        """``(value, value_and_gradient)`` with the signatures of a compiled goal,
        without the parameter arguments (see :func:`selu_proof.kernel.model.compiled_goal`).
        """
        def value(*xs: arb) -> tuple[arb, ...]:
            return (self.quantity(key, xs, False).x,)

        def value_and_gradient(*xs: arb) -> tuple[arb, ...]:
            d = self.quantity(key, xs, True)
            return (d.x, *d.g)

        return value, value_and_gradient


def largest_singular_value(a: Any, b: Any, c: Any, d: Any) -> Any:
    """``(sqrt((a+d)^2 + (c-b)^2) + sqrt((a-d)^2 + (c+b)^2))/2`` (DESIGN.md), the largest
    singular value of ``[[a, b], [c, d]]``, for balls or the dual numbers of the gradient.

    On balls, the upper end is the least of two bounds: the formula in ball arithmetic, and
    the largest of its values at the 16 matrices whose entries are the balls' ends.  The
    spectral norm is a norm, hence convex on matrices, so on the box of matrices the entry
    balls span its maximum is attained at one of those vertices; the formula in ball
    arithmetic instead treats ``a + d`` and ``a - d`` as independent, which on a box where
    ``a`` and ``d`` both vary is first-order wide.  A square root whose argument (a sum of
    squares, so truly non-negative) reaches below 0 in ball arithmetic is taken of the
    non-negative part only, not NaN.  The lower end is the formula's.
    """
    if not isinstance(a, arb):
        return _singular_value_formula(a, b, c, d)
    natural = _singular_value_formula(a, b, c, d)
    if not all(x.is_finite() for x in (a, b, c, d)):
        return natural
    top = None
    for ends in product(*((x.lower(), x.upper()) for x in (a, b, c, d))):
        s = _singular_value_formula(*ends).upper()
        top = s if top is None or s > top else top
    if not natural.is_finite() or top < natural.upper():
        return natural.lower().union(top) if natural.is_finite() else arb(0).union(top)
    return natural


def _singular_value_formula(a: Any, b: Any, c: Any, d: Any) -> Any:
    """The closed form of :func:`largest_singular_value`, evaluated as written."""
    def sq(x: Any) -> Any:
        return x * x  # not x**2: python-flint's is NaN on a ball reaching 0

    half = arb(1) / 2
    return half * (_root(sq(a + d) + sq(c - b)) + _root(sq(a - d) + sq(c + b)))


def _root(x: Any) -> Any:
    """``sqrt(x)`` of a quantity that is truly ``>= 0`` (a sum of squares): on a ball reaching
    below 0 (ball arithmetic on ``y*y`` with ``y`` near 0), the root of ``[0, upper]``.
    """
    if not isinstance(x, arb) or not x.is_finite() or x >= 0:
        return x.sqrt()
    return arb(0).union(x.upper().sqrt())


@lru_cache(maxsize=32)
def activation_model(token: str, prec: int) -> ActivationModel:
    """The model of a token (:func:`model_token`) with its constants enclosed at ``prec`` bits.

    Raises :class:`NormalizeError` when an affine normalization is not certified.
    """
    spec, _, norm = token.partition("|")
    act = parse_activation(spec)
    kind, _, args = norm.partition(":")
    with ctx.workprec(prec), give_up_at(None):  # the constants are needed whole, and cached
        if kind == "affine":
            m, v = (parse_decimal(x) for x in args.split(","))
            lam, beta = affine_constants(act, m, v)
        elif kind == "explicit":
            lq, bq = (parse_decimal(x) for x in args.split(","))
            lam, beta = ball(lq), ball(bq)
        elif kind == "none":
            lam, beta = arb(1), arb(0)
        else:
            raise ValueError(f"malformed model token {token!r}")
    return ActivationModel(token, act, kind, lam, beta, prec)


def _rational(q: Fraction) -> str:
    """An exact decimal, or ``p/q`` for a rational without one (a kink such as ``1/3``)."""
    try:
        return fraction_str(q)
    except ValueError:
        return f"{q.numerator}/{q.denominator}"


def _growth(g: Growth) -> dict[str, Any]:
    return {"coeffs": [fraction_str(c) for c in g.coeffs], "rate": fraction_str(g.rate)}


def model_record(model: ActivationModel) -> dict[str, Any]:
    """What a certificate records about the model besides the constants' balls: the
    activation's spec, its formula's canonical text and its parameters (exact decimals or
    kernel constant names), its kinks and growth bounds (``|f| <= (sum c_k |x|^k)
    e^{rate |x|}``, the same for ``f'``), the normalization and the integrator's settings.
    The checker re-derives every field from the specification's text alone.
    """
    act = model.act
    params = {k: v if isinstance(v, str) else fraction_str(v) for k, v in act.params.items()}
    return {"spec": act.spec, "name": act.name, "formula": act.formula, "parameters": params,
            "kinks": [_rational(k) for k in act.kinks], "growth": _growth(act.growth),
            "derivative_growth": _growth(act.derivative_growth),
            "normalize": model.token.partition("|")[2],
            "integrator": integrator_settings(model.prec)}

