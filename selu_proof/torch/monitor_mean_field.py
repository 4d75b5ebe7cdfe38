r"""What the monitor compares a ``Normalized`` / ``Transformed`` layer with: that activation's
certified mean field.

A :class:`~selu_proof.torch.Normalized` module computes ``F(x) = scale*(f(x) + shift)``, a
:class:`~selu_proof.torch.Transformed` module ``F(x) = S*(f(alpha*x + b) + o)`` (or
``S*leaky_relu(x, s)``), for a catalogue activation ``f``.  Its moment model is read off
the module's :meth:`design` (the activation's spec and the float constants, each read as
the exact binary number it is): ``Scaled(f, scale, -shift)``, ``AffineInput(Scaled(f, S,
-o), alpha, b)`` (the change of variables ``u = alpha*z + b``) or ``Scaled(leaky_relu:s,
S, 0)`` (:mod:`selu_proof.fixedpoint.scaled`).  Per layer the monitor reports

* :func:`fixed_point` -- the certified fixed point ``(mu*, nu*)`` of the moment map at
  ``omega = 0, tau = 1`` (:func:`selu_proof.meanfield.activation.model_fixed_point`):
  ``(0, 1)`` exactly for an affine ``Normalized`` and a DKS ``Transformed`` module (their
  constants are certified to map ``N(0, 1)`` to mean 0, variance 1; the floats round
  them), else the Krawczyk test on the module's float constants (a TAT module's
  constants design the i.i.d.-weights kernel ``q* = 1``, which its row says, not the
  centred map);
* :func:`certified_chi1` -- ``chi1 = tau*E[F'(z)^2]``, ``z ~ N(mu*omega, nu*tau)`` at the
  layer's measured statistics, by certified quadrature over the cell of a dyadic grid
  (relative step ``2**-CELL_BITS``) that holds the measured ``(a, v) = (mu*omega,
  nu*tau)``: the enclosure holds for every statistic in the cell, so for the measured
  one, and is cached per (activation, cell).

Both are certified quadrature (milliseconds per moment), so they are computed only when
:meth:`~selu_proof.torch.SelfNormalizationMonitor.report` or
:meth:`~selu_proof.torch.SelfNormalizationMonitor.gradients` asks, never during a pass,
and cached.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from flint import arb, ctx

from selu_proof.kernel.exact import ball, ball_ends, interval_ball
from selu_proof.torch.statistics import outward

if TYPE_CHECKING:  # the quadrature's modules are imported when first needed
    from selu_proof.fixedpoint.scaled import AffineInput, Scaled

__all__ = ["WATCHED", "watched", "fixed_point", "certified_chi1", "mean_field_row",
           "CELL_BITS"]

#: the ``kind`` of the module designs compared with their activation's mean field
WATCHED = ("Normalized", "Transformed")
#: the grid of :func:`certified_chi1`: cells of relative width ``2**-CELL_BITS``
CELL_BITS = 12
#: digits of the fixed point's interval ends
DIGITS = 10
#: ``(status, how)`` of the fixed point ``(0, 1)`` of a DKS-transformed activation
DKS_EXACT = ("exact (DKS)", "DKS sets output_shift = -E f(u) (C(0) = 0) and output_scale = "
             "E[(f(u) + output_shift)^2]^(-1/2) (Q(1) = 1), u = input_scale*z + input_shift, "
             "z ~ N(0, 1): f^ maps N(0, 1) to mean 0, variance 1 by construction")
_FLOATS = "; the module's constants are the floats nearest the certified ones"
_TAT_KERNEL = ("TAT's constants set the i.i.d.-weights kernel's q* = 1 (Q(1) = E f^(z)^2 = 1 "
               "for z ~ N(0, 1)), not the centred moment map's fixed point")


def watched(design: dict[str, Any]) -> bool:
    """Whether a monitored call's design is a ``Normalized`` / ``Transformed`` module's."""
    return design.get("kind") in WATCHED


def _key(design: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted(design.items()))


def _exact(x: float) -> arb:
    """A float constant as the exact binary number it is."""
    return ball(Fraction(x))


@lru_cache(maxsize=64)
def _model(key: tuple[tuple[str, Any], ...]) -> Scaled | AffineInput:
    """The moment model of a module design (see the module docstring)."""
    from selu_proof.fixedpoint.scaled import AffineInput, Scaled
    from selu_proof.kernel.activations import parse_activation

    d = dict(key)
    if d["kind"] == "Normalized":
        return Scaled(parse_activation(d["activation"]), _exact(d["scale"]), -_exact(d["shift"]))
    if "negative_slope" in d:  # TAT leaky ReLU: S*leaky_relu(x, s)
        act = parse_activation(f"leaky_relu:slope={Decimal(d['negative_slope'])}")
        return Scaled(act, _exact(d["output_scale"]), arb(0))
    outer = Scaled(parse_activation(d["activation"]), _exact(d["output_scale"]),
                   -_exact(d["output_shift"]))
    return AffineInput(outer, _exact(d["input_scale"]), _exact(d["input_shift"]))


@lru_cache(maxsize=64)
def _fixed_point(key: tuple[tuple[str, Any], ...]) -> dict[str, Any]:
    from selu_proof.meanfield.activation import NORMALIZED_EXACT, model_fixed_point

    d = dict(key)
    exact = None
    if d["kind"] == "Normalized" and d["convention"] == "affine":
        exact = NORMALIZED_EXACT
    elif d["kind"] == "Transformed" and d["method"] == "dks":
        exact = DKS_EXACT
    out = model_fixed_point(_model(key), digits=DIGITS, exact=exact)
    out["how"] += _FLOATS if exact else "; for the module's float constants"
    if d["kind"] == "Transformed" and d["method"] == "tat":
        out["how"] += "; " + _TAT_KERNEL
    return {**out, "omega": "0", "tau": "1"}


def fixed_point(design: dict[str, Any]) -> dict[str, Any]:
    """The certified fixed point of a module design's moment map at ``omega = 0, tau = 1``.

    ``{"status", "mean": [lo, hi], "var": [lo, hi], "how", "omega", "tau"}`` (decimal
    strings rounded outward; no intervals when the status is ``"unknown"``).  Cached.
    """
    return dict(_fixed_point(_key(design)))


def _cell(x: Fraction, scale: float) -> tuple[Fraction, Fraction]:
    """The cell ``[m h, (m + 1) h]`` holding ``x`` of the dyadic grid of step
    ``h = 2**(e - CELL_BITS)``, ``2**(e - 1) <= scale < 2**e``.

    >>> _cell(Fraction(1, 3), 1.0)
    (Fraction(341, 1024), Fraction(683, 2048))
    """
    h = Fraction(2) ** (math.frexp(scale)[1] - CELL_BITS)
    m = math.floor(x / h)
    return m * h, (m + 1) * h


@lru_cache(maxsize=4096)
def _derivative_square(key: tuple[tuple[str, Any], ...], a: tuple[Fraction, Fraction],
                       v: tuple[Fraction, Fraction]) -> arb:
    """``E[F'(z)^2]`` enclosed for every ``z ~ N(a, v)`` with ``a``, ``v`` in the cells."""
    with ctx.workprec(64):
        return _model(key).derivative_moments(interval_ball(*a), interval_ball(*v))[1]


def certified_chi1(design: dict[str, Any], mu: float, nu: float, omega: float,
                   tau: float) -> dict[str, Any]:
    r"""``chi1 = tau*E[F'(z)^2]``, ``z ~ N(mu*omega, nu*tau)``, for a module design.

    ``{"chi1": (lo, hi), "growth": (lo, hi), "over": {"a": [lo, hi], "v": [lo, hi]}}``:
    an enclosure, rounded outward to floats, valid for every ``(a, v)`` in the cells
    ``over`` that hold the measured ``a = mu*omega``, ``v = nu*tau`` (the numbers read as
    exact), so for the measured statistics; ``growth`` is ``chi1`` (no dropout factor).
    """
    a, v = Fraction(mu) * Fraction(omega), Fraction(nu) * Fraction(tau)
    ca, cv = _cell(a, math.sqrt(float(v))), _cell(v, float(v))
    d2 = _derivative_square(_key(design), ca, cv)
    with ctx.workprec(64):
        chi1 = outward(*ball_ends(ball(Fraction(tau)) * d2))
    return {"chi1": chi1, "growth": chi1,
            "over": {"a": [float(ca[0]), float(ca[1])], "v": [float(cv[0]), float(cv[1])]}}


def mean_field_row(design: dict[str, Any]) -> dict[str, Any]:
    """The keys a report row of a watched module adds: the activation, the module's design
    and the certified fixed point (:func:`fixed_point`).
    """
    return {"activation_spec": design["activation"], "design": dict(design),
            "fixed_point": fixed_point(design)}
