r"""Normalizing constants of any catalogue activation, certified by quadrature.

Two conventions (``z`` the pre-activation, weights with ``omega = 0``, ``tau = 1``):

* ``affine`` -- :math:`\lambda\,(f(x) - \beta)` maps ``z ~ N(0, V)`` to mean ``M`` and
  variance ``V`` (default ``M = 0``, ``V = 1``, the fixed point ``(0, 1)``).  With
  :math:`m_1 = E f(z)`, :math:`m_2 = E f(z)^2` the equations
  :math:`\lambda(m_1 - \beta) = M`, :math:`\lambda^2 (m_2 - m_1^2) = V` have the unique
  solution with :math:`\lambda > 0`:
  :math:`\lambda = \sqrt{V/(m_2 - m_1^2)}`, :math:`\beta = m_1 - M/\lambda`.
  SELU is the affine normalization of ELU with ``alpha = alpha_01`` (and ``beta = 0``).
  At ``M = 0``, ``V = 1``, :math:`\lambda = 1/\mathrm{std} f(z)` is the normalizer-free
  gain :math:`\gamma` of Brock, De, Smith (2021) (timm's ``_nonlin_gamma``), and
  :math:`\beta = E f(z)` the shift that normalizer-free networks leave out
  (:mod:`selu_proof.gains`).
* ``gpn`` -- Gaussian-Poincare normalization (Lu, Gould, Ajanthan 2020, "Bidirectionally
  self-normalizing neural networks"): :math:`\gamma\,(f(x) + \beta)` with
  :math:`E[\phi(z)^2] = 1` and :math:`E[\phi'(z)^2] = 1` for ``z ~ N(0, 1)``:
  :math:`\gamma = (E f'(z)^2)^{-1/2}` and :math:`\beta^2 + 2 m_1 \beta + m_2 - E f'^2 = 0`,
  :math:`\beta = -m_1 \pm \sqrt{D}`, :math:`D = E f'(z)^2 - \mathrm{Var} f(z)`; the root
  of smaller ``|beta|`` is reported (the positive one on a tie, ``m_1 = 0``).  The
  Gaussian Poincare inequality gives ``D >= 0`` (equality only for affine ``f``).

* ``nf`` -- the normalizer-free convention (Brock, De, Smith 2021): :math:`\gamma\,f(x)`
  with :math:`\gamma = 1/\mathrm{std} f(z)`, ``z ~ N(0, 1)``, and no shift.  ``gamma`` is
  the affine ``lambda`` at ``M = 0``, ``V = 1`` (one computation, :func:`_affine`), so
  ``gamma*f(z)`` has variance 1 but keeps the mean ``gamma*E f(z)``.

All three are closed-form in the certified moments (no equation is solved iteratively), so each
enclosure is the ball arithmetic of these formulas on the quadrature enclosures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from flint import arb, ctx

from selu_proof.kernel.activations import CatalogueActivation, parse_activation
from selu_proof.kernel.exact import ball_ends, decimal_down, decimal_up
from selu_proof.kernel.quadrature import derivative_moments, moments

__all__ = ["CONVENTIONS", "Normalization", "NormalizationError", "normalize",
           "outward_interval", "precision_for"]

#: the normalization conventions
CONVENTIONS = ("affine", "gpn", "nf")


class NormalizationError(ValueError):
    """The normalization does not exist (or cannot be certified) for this activation."""


def precision_for(digits: int) -> int:
    """Working precision (bits) for ``digits`` certified decimal digits, with guard bits."""
    return math.ceil(digits * 3.33) + 40


def outward_interval(x: arb, digits: int) -> list[str]:
    """``[lo, hi]`` decimal strings with ``digits`` significant digits, rounded outward."""
    lo, hi = ball_ends(x)
    return [decimal_down(lo, digits), decimal_up(hi, digits)]


@dataclass(frozen=True)
class Normalization:
    """Certified normalizing constants of one activation.

    Attributes
    ----------
    activation : str
        The activation's spec (``NAME:key=value,...``).
    convention : str
        ``"affine"``, ``"gpn"`` or ``"nf"``.
    constants : dict
        ``{"lambda", "beta"}`` (affine), ``{"gamma", "beta"}`` (gpn) or ``{"gamma"}`` (nf)
        as balls.
    target : tuple of Fraction
        ``(M, V)`` of the affine convention (``(0, 1)`` for gpn and nf).
    """

    activation: str
    convention: str
    constants: dict[str, arb]
    target: tuple[Fraction, Fraction]

    def describe(self) -> str:
        """One line naming the convention and what it normalizes."""
        m, v = self.target
        if self.convention == "affine":
            return (f"affine: lambda*(f(x) - beta) maps z ~ N(0, {v}) to mean {m}, variance "
                    f"{v} (omega = 0, tau = 1)")
        if self.convention == "nf":
            return ("nf (Brock, De, Smith 2021): gamma*f(x) with gamma = 1/std f(z), "
                    "z ~ N(0, 1), no shift (gamma is the affine lambda)")
        return ("gpn (Lu, Gould, Ajanthan 2020): gamma*(f(x) + beta) has E[phi(z)^2] = 1 and "
                "E[phi'(z)^2] = 1 for z ~ N(0, 1); beta the root of smaller |beta|")

    def as_dict(self, digits: int) -> dict[str, Any]:
        """The JSON form: enclosures as outward-rounded decimal strings."""
        return {"activation": self.activation, "convention": self.convention,
                "constants": {k: outward_interval(x, digits) for k, x in self.constants.items()},
                "certified": True}


def _affine(act: CatalogueActivation, mean: Fraction, var: Fraction) -> dict[str, arb]:
    from selu_proof.kernel.activation_claims import NormalizeError, affine_constants

    try:
        lam, beta = affine_constants(act, mean, var)
    except NormalizeError as exc:
        raise NormalizationError(str(exc)) from None
    return {"lambda": lam, "beta": beta}


def _gpn(act: CatalogueActivation) -> dict[str, arb]:
    m1, m2 = moments(act, arb(0), arb(1))
    d1, d2 = derivative_moments(act, arb(0), arb(1))
    if not d2 > 0:
        raise NormalizationError(f"{act.spec}: E f'(z)^2 is not certified positive")
    disc = d2 - (m2 - m1 * m1)
    if disc < 0:
        raise NormalizationError(f"{act.spec}: no real root beta (E f'^2 < Var f)")
    if not disc > 0:
        raise NormalizationError(f"{act.spec}: the discriminant E f'^2 - Var f is not "
                                 "certified positive (an affine f has a double root)")
    root = disc.sqrt()
    if act.zero_mean:  # E f(z) = 0 exactly: a tie, the positive root
        beta = root
    elif m1 > 0:
        beta = root - m1
    elif m1 < 0:
        beta = -root - m1
    else:
        raise NormalizationError(f"{act.spec}: the sign of E f(z) is not certified, so the "
                                 "root of smaller |beta| is not decided; raise --digits")
    return {"gamma": 1 / d2.sqrt(), "beta": beta}


def normalize(act: CatalogueActivation | str, convention: str = "affine",
              mean: Fraction = Fraction(0), var: Fraction = Fraction(1),
              digits: int = 20) -> Normalization:
    """Certified normalizing constants of ``act`` (see the module docstring): an activation
    object, a catalogue name with parameters (``"elu:alpha=1.5"``) or a formula
    (``"x*sigmoid(b*x); b=1.702"``).

    An affine target ``(mean, var)`` outside the supported range is refused with
    :class:`NormalizationError` before any integral
    (:func:`selu_proof.kernel.activation_claims.check_affine_target`).

    >>> from selu_proof.kernel.activations import parse_activation
    >>> n = normalize(parse_activation("relu"), "gpn", digits=10)
    >>> n.as_dict(10)["constants"]["gamma"]
    ['1.414213562', '1.414213563']
    """
    act = parse_activation(act)
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown convention {convention!r}; choose one of "
                         f"{', '.join(CONVENTIONS)}")
    if convention != "affine" and (mean, var) != (0, 1):
        raise ValueError("--mean/--var apply to the affine convention only")
    with ctx.workprec(precision_for(digits)):
        if convention == "affine":
            consts = _affine(act, mean, var)
        elif convention == "nf":
            consts = {"gamma": _affine(act, mean, var)["lambda"]}
        else:
            consts = _gpn(act)
    return Normalization(act.spec, convention, consts, (mean, var))
