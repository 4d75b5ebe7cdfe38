r"""Alpha-dropout affine terms ``(a, b)`` for a fixed point (paper Section 3).

A dropped unit takes ``alpha' = -lambda*alpha``; with keep probability ``q`` the
terms

.. math:: a = \sqrt{\frac{\nu^*}{q((1-q)(\alpha'-\mu^*)^2 + \nu^*)}}, \quad
          b = \mu^* - a(q\mu^* + (1-q)\alpha')

keep mean and variance (:func:`selu_proof.derive.symbolic.dropout_affine`, evaluated by the
generated arb backend), certified to the requested digits.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from flint import arb

from selu_proof import backends
from selu_proof.fixedpoint.exact_input import Number, _check_digits, _exact, _fmt_exact
from selu_proof.fixedpoint.precision import _with_prec
from selu_proof.fixedpoint.rounding import _round_certified
from selu_proof.fixedpoint.solver import _MAX_REFINEMENTS
from selu_proof.kernel.exact import ball


def _rate(rate: Number) -> Fraction:
    r = _exact(rate, "dropout rate")
    if not 0 <= r < 1:
        raise ValueError(f"dropout rate must be in [0, 1), got {_fmt_exact(r)}")
    return r


def _dropout_balls(rate: Fraction, mean: Any, var: Any, alpha: arb, lam: arb
                   ) -> tuple[arb, arb, arb]:
    """``(a, b, saturation)`` as balls at the working precision.

    ``saturation = -lambda*alpha``, keep probability ``q = 1 - rate``; ``a, b``
    from the generated :func:`selu_proof.backends.dropout_affine`.
    """
    keep = ball(1 - rate)
    m = mean if isinstance(mean, arb) else ball(mean)
    s = var if isinstance(var, arb) else ball(var)
    sat = -(lam * alpha)
    aff_a, aff_b = backends.dropout_affine(keep, sat, m, s, backend="arb")
    return aff_a, aff_b, sat


def _dropout_rounded(rate: Fraction, mean: Any, var: Any, alpha: arb, lam: arb,
                     digits: int) -> dict[str, str] | None:
    aff_a, aff_b, sat = _dropout_balls(rate, mean, var, alpha, lam)
    out = {"a": _round_certified(aff_a, digits), "b": _round_certified(aff_b, digits),
           "saturation": _round_certified(sat, digits)}
    if any(v is None for v in out.values()):
        return None
    return {"rate": _fmt_exact(rate), "keep": _fmt_exact(1 - rate),
            **{k: str(v) for k, v in out.items()}}


def dropout_terms(rate: Number, mean: Number, var: Number, alpha: Number, lam: Number, *,
                  digits: int = 20) -> dict[str, str]:
    r"""Alpha-dropout affine terms for the fixed point ``(mean, var)`` (paper Section 3).

    A dropped unit takes ``alpha' = -lambda*alpha``; with keep probability
    ``q = 1 - rate`` the output ``a*(x*d + alpha'*(1 - d)) + b`` keeps mean
    and variance when

    .. math:: a = \sqrt{\frac{\nu^*}{q((1-q)(\alpha'-\mu^*)^2 + \nu^*)}}, \quad
              b = \mu^* - a(q\mu^* + (1-q)\alpha')

    (:func:`selu_proof.derive.symbolic.dropout_affine`, evaluated by the generated
    arb backend).  Returns ``rate``, ``keep``, ``saturation``, ``a``, ``b`` as
    decimal strings with ``digits`` certified digits.

    >>> d = dropout_terms("0.1", 0, 1, "1.6732632423543772848", "1.0507009873554804934",
    ...                   digits=6)
    >>> d["a"], d["b"]
    ('0.921285', '0.161971')
    """
    r = _rate(rate)
    m, s = _exact(mean, "mean"), _exact(var, "var")
    al, la = _exact(alpha, "alpha"), _exact(lam, "lambda")
    if s <= 0:
        raise ValueError(f"var must be positive, got {_fmt_exact(s)}")
    _check_digits(digits)
    prec = int(digits * 3.33) + 48
    for _ in range(_MAX_REFINEMENTS):
        out = _with_prec(prec, lambda p=prec: _dropout_rounded(r, m, s, ball(al), ball(la),
                                                              digits))
        if out is not None:
            return out
        prec *= 2
    raise ArithmeticError(f"could not decide {digits} digits of the dropout terms")
