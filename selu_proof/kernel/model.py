"""One model interface: what the evaluation forms, the checker and the prover ask of a model.

Trusted.  A *model* is the activation a specification's claims are about, with its
constants: SELU by its closed forms (:class:`SeluClosedForm`, the generated arb code of
:mod:`selu_proof.generated.arb_goals`), or a catalogue activation with its normalization
by certified quadrature (:class:`~selu_proof.kernel.activation_claims.ActivationModel`).
Both answer :class:`Model`; no caller asks which kind it holds.  What a model answers: its
constants as balls and its record for a certificate, the goal functions of the claims, and
the raw Gaussian moments of its activation with their ``(a, v)`` partials
(:meth:`Model.gaussian_moments`, a :class:`Moments`) on a point or a box alike, a point
being a thin ball.

A model is named by its *key*, a canonical text: ``closed-form:ALPHA,LAMBDA`` for SELU
(each ``alpha01``/``lambda01`` or an exact decimal, as the specification writes it), or
an activation's token ``SPEC|NORMALIZATION``
(:func:`~selu_proof.kernel.activation_claims.model_token`; a catalogue name never starts
with ``closed-form``).  The key is what a specification carries
(:attr:`selu_proof.kernel.specs.Spec.model`), what worker processes receive, and what
:func:`model_of` builds a model from; :func:`model_class` is the one place that reads the
kind from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, ClassVar, Protocol, runtime_checkable

from flint import arb, ctx

from selu_proof.generated import MissingGeneratedCodeError, lookup
from selu_proof.kernel.exact import ball, parse_decimal
from selu_proof.kernel.limits import PRECISION_RANGE
from selu_proof.kernel.moments import MOMENTS, MomentModel, Moments

__all__ = ["Model", "MomentModel", "Moments", "MOMENTS", "GoalFunctions", "SeluClosedForm",
           "model_of", "model_class", "model_parameters", "selu_key", "compiled_goal",
           "CLOSED_FORM"]

#: the pair ``(value, value_and_gradient)`` of a goal ``F``, with
#: ``value(mu, omega, nu, tau) -> (F,)`` and
#: ``value_and_gradient(...) -> (F, dF/dmu, dF/domega, dF/dnu, dF/dtau)`` on balls
GoalFunctions = tuple[Callable[..., tuple[arb, ...]], Callable[..., tuple[arb, ...]]]

#: the prefix of a SELU closed-form model's key
CLOSED_FORM = "closed-form:"
#: the names of the paper's constants, which a SELU's ``(alpha, lambda)`` may be
_NAMED = ("alpha01", "lambda01")


@runtime_checkable
class Model(Protocol):
    """What every model answers (module docstring)."""

    #: the highest precision (bits) a certificate about this kind of model may ask for
    max_precision: ClassVar[int]
    #: the precision (bits) of the model's balls
    prec: int

    @property
    def key(self) -> str:
        """The model's canonical text, hashable and picklable, from which :func:`model_of`
        rebuilds it.
        """
        ...

    def constants(self) -> dict[str, arb]:
        """The balls a certificate records under ``constants``, by name."""
        ...

    def record(self) -> dict[str, Any] | None:
        """What a certificate records about the model under ``activation`` (``None``: no
        such entry).
        """
        ...

    def goal(self, key: str) -> GoalFunctions:
        """The arb functions of the goal expression ``key`` (:data:`GoalFunctions`)."""
        ...

    def gaussian_moments(self, a: arb, v: arb, which: tuple[str, ...] = MOMENTS,
                         partials: str = "av") -> Moments:
        """:class:`Moments` over the balls ``a``, ``v`` (``v > 0``) at the working precision:
        each an enclosure of the value's range over the balls, the same for a thin ball (a
        point) as for a wide one (a box).

        ``which`` (of :data:`MOMENTS`) and ``partials`` (letters of ``"av"``) say what the
        caller reads; the rest may be ``None``, so that a model whose every entry costs an
        integral computes only those.
        """
        ...

    def parameters_summary(self) -> dict[str, str]:
        """The model's parameters as exact text, for a reader (``check`` prints them)."""
        ...

    def float_twin(self) -> tuple[float, ...] | None:
        """The trailing float arguments of the float twin ``goal:KEY`` of every goal
        (:func:`selu_proof.backends.compiled`), or ``None`` when it has none.
        """
        ...

    def given_up(self) -> int:
        """Integrations given up at their evaluation limit so far in this process."""
        ...

    @property
    def eval_limit(self) -> int | None:
        """The most integrand evaluations of one integration, or ``None`` for a model that
        integrates nothing.
        """
        ...


@cache
def compiled_goal(key: str) -> GoalFunctions:
    """Arb functions ``(value, value_and_gradient)`` of the SELU goal expression ``key``.

    ``value(mu, omega, nu, tau, alpha, lam) -> (F,)`` and
    ``value_and_gradient(...) -> (F, dF/dmu, dF/domega, dF/dnu, dF/dtau)``, both
    generated from the same sympy expression
    (:func:`selu_proof.derive.expressions.goal_expression`) into
    :mod:`selu_proof.generated.arb_goals`.  A key without generated code raises
    :class:`~selu_proof.generated.MissingGeneratedCodeError`.
    """
    try:
        return lookup("arb_goals", key)
    except MissingGeneratedCodeError:
        if not key.startswith("-"):
            raise
    # -F is generated once, as F: arb negation is exact and grad(-F) = -grad F
    value, gradient = lookup("arb_goals", key[1:])
    return (lambda *a: tuple(-y for y in value(*a)),
            lambda *a: tuple(-y for y in gradient(*a)))


def selu_key(alpha: str, lam: str) -> str:
    """The key of the SELU with parameters ``alpha``, ``lam`` (``"alpha01"``/``"lambda01"``
    or exact decimals, as a specification writes them).

    >>> selu_key("alpha01", "lambda01")
    'closed-form:alpha01,lambda01'
    """
    return f"{CLOSED_FORM}{alpha},{lam}"


@dataclass(frozen=True, eq=False)
class SeluClosedForm:
    """SELU with parameters ``(alpha, lambda)``, its goals by the generated closed forms.

    ``alpha`` and ``lam`` are the specification's text; the balls are enclosed at
    ``prec`` bits, the named constants from their closed forms (paper Eq. (8)-(9)).
    """

    max_precision: ClassVar[int] = PRECISION_RANGE[1]

    alpha: str
    lam: str
    balls: tuple[arb, arb]
    prec: int
    _goals: dict[str, GoalFunctions] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, key: str, prec: int) -> SeluClosedForm:
        """The model of ``key`` (:func:`selu_key`) with its balls at ``prec`` bits."""
        from selu_proof.kernel.constants import constant_balls

        alpha, lam = cls.parameters_of(key).values()
        named = constant_balls(prec)
        with ctx.workprec(prec):
            a, lm = (own if text == name else ball(parse_decimal(text))
                     for text, name, own in zip((alpha, lam), _NAMED, named))
        return cls(alpha, lam, (a, lm), prec)

    @classmethod
    def of_balls(cls, alpha: arb, lam: arb, prec: int) -> SeluClosedForm:
        """The SELU whose parameters are the balls ``alpha``, ``lam`` (e.g. the intervals
        of a designed SELU, or ReLU's ``(0, 1)``), for its moments and goals; its key names
        the balls' midpoints (``~`` marks them), from which :func:`model_of` builds nothing.
        """
        return cls(*(f"~{x.mid().str(20, radius=False)}" for x in (alpha, lam)),
                   (alpha, lam), prec)

    @property
    def key(self) -> str:
        """:func:`selu_key` of the parameters."""
        return selu_key(self.alpha, self.lam)

    def constants(self) -> dict[str, arb]:
        """``{"alpha": ..., "lambda": ...}`` as balls."""
        return {"alpha": self.balls[0], "lambda": self.balls[1]}

    def record(self) -> None:
        """Nothing besides the constants: the closed forms are the kernel's own."""
        return None

    def goal(self, key: str) -> GoalFunctions:
        """:func:`compiled_goal` with this model's balls as its trailing arguments."""
        hit = self._goals.get(key)
        if hit is None:
            value, gradient = compiled_goal(key)
            a, lm = self.balls
            hit = self._goals[key] = (lambda *xs: value(*xs, a, lm),
                                      lambda *xs: gradient(*xs, a, lm))
        return hit

    def gaussian_moments(self, a: arb, v: arb, which: tuple[str, ...] = MOMENTS,
                         partials: str = "av") -> Moments:
        """:class:`Moments` by the generated closed forms
        (:func:`selu_proof.derive.symbolic.gaussian_moments`), evaluated on the balls: all of
        them, whatever ``which`` and ``partials`` ask (they cost a few ball operations).

        >>> m = model_of(selu_key("alpha01", "lambda01"), 64).gaussian_moments(arb(0), arb(1))
        >>> m.f[0].contains(0), m.f2[0].overlaps(arb(1)), m.df[0].overlaps(m.f[1])
        (True, True, True)
        """
        out = lookup("arb_backends", "gaussian_moments")(a, v, *self.balls)
        return Moments(out[0:3], out[3:6], out[6:9], out[9:12])

    @classmethod
    def parameters_of(cls, key: str) -> dict[str, str]:
        """The ``[parameters]`` of a specification about the model ``key``:
        ``{"alpha": ..., "lambda": ...}`` as :func:`selu_key` holds them.

        >>> SeluClosedForm.parameters_of(selu_key("alpha01", "1.05"))
        {'alpha': 'alpha01', 'lambda': '1.05'}
        """
        alpha, sep, lam = key[len(CLOSED_FORM):].partition(",")
        if not key.startswith(CLOSED_FORM) or not sep:
            raise ValueError(f"malformed model key {key!r}")
        return {"alpha": alpha, "lambda": lam}

    def parameters_summary(self) -> dict[str, str]:
        """``{"alpha": ..., "lambda": ...}`` as the specification writes them."""
        return {"alpha": self.alpha, "lambda": self.lam}

    def float_twin(self) -> tuple[float, float]:
        """``(alpha, lambda)`` as floats, the trailing arguments of ``goal:KEY`` in numpy."""
        from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01

        a, lm = (own if text == name else float(parse_decimal(text)) for text, name, own
                 in zip((self.alpha, self.lam), _NAMED, (ALPHA_01, LAMBDA_01)))
        return a, lm

    def given_up(self) -> int:
        """0: the closed forms integrate nothing."""
        return 0

    @property
    def eval_limit(self) -> None:
        """``None``, since the closed forms integrate nothing."""
        return None


def model_class(key: str) -> type[Model]:
    """The kind of model ``key`` names: :class:`SeluClosedForm` or
    :class:`~selu_proof.kernel.activation_claims.ActivationModel`.
    """
    if key.startswith(CLOSED_FORM):
        return SeluClosedForm
    from selu_proof.kernel.activation_claims import ActivationModel  # not run for a SELU

    return ActivationModel


def model_parameters(key: str) -> dict[str, str]:
    """The ``[parameters]`` table of a specification about the model ``key``, from the key
    alone (no constant is computed): parsed, it gives a specification whose
    :attr:`~selu_proof.kernel.specs.Spec.model` is ``key``.

    >>> model_parameters("gelu|affine:0.1,2")
    {'activation': 'gelu', 'normalize': 'affine', 'mean': '0.1', 'var': '2'}
    """
    return model_class(key).parameters_of(key)


@lru_cache(maxsize=16)
def model_of(key: str, prec: int) -> Model:
    """The model named by ``key`` with its constants enclosed at ``prec`` bits.

    Remembered by its arguments (the checker's and the prover's worker processes ask
    once per leaf batch or box).  Raises :class:`ValueError` for a malformed key, and
    :class:`~selu_proof.kernel.activation_claims.NormalizeError` (a ``ValueError``) when
    an activation's affine normalization is not certified.
    """
    return model_class(key).build(key, prec)
