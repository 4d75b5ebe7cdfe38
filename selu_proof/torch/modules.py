"""``SELU`` and ``AlphaDropout`` as ``torch.nn`` modules with constants from the certified core.

Both follow ``torch.nn`` conventions: the constants are plain float attributes
shown by ``extra_repr``, ``forward`` only computes, and ``AlphaDropout`` is the
identity in ``eval()`` mode.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

import torch
from torch import nn

from selu_proof.fixedpoint import Number, design_selu, dropout_terms
from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01

__all__ = ["SELU", "AlphaDropout", "certified_selu_parameters"]


def _key(x: Number) -> str | int | Fraction:
    """An exact, hashable input: a float becomes the Fraction of its shortest repr."""
    return Fraction(str(x)) if isinstance(x, float) else x


@lru_cache(maxsize=64)
def _design(mean: Number, var: Number, omega: Number, tau: Number,
            rate: Number | None) -> tuple[float, float, dict[str, str] | None]:
    r = design_selu(mean, var, omega, tau, digits=25, dropout_rate=rate)
    if not r.is_unique:
        raise ValueError(f"no certified SELU for the fixed point ({mean}, {var}) at "
                         f"omega={omega}, tau={tau}: {r.reason}")
    out = []
    for name in ("alpha", "lambda"):
        lo, hi = (float(Fraction(s)) for s in r.box[name])
        if lo != hi:  # the enclosure straddles two floats: cannot name the nearest one
            raise ArithmeticError(f"{name} is too close to a float64 tie to round it")
        out.append(lo)
    return out[0], out[1], r.dropout


def certified_selu_parameters(mean: Number, var: Number, omega: Number = 0,
                              tau: Number = 1) -> tuple[float, float]:
    r"""``(alpha, lambda)``: float64 nearest the certified values for the fixed point ``(M, V)``.

    The root of ``mu~ = mean, nu~ = var`` (paper Eq. (4)-(5)) is certified by
    :func:`selu_proof.fixedpoint.design_selu`; both ends of its enclosure round
    to the same float64, which is therefore the float nearest the exact value.

    >>> certified_selu_parameters(0, 1) == (ALPHA_01, LAMBDA_01)
    True
    """
    alpha, lam, _ = _design(_key(mean), _key(var), _key(omega), _key(tau), None)
    return alpha, lam


class SELU(nn.Module):
    r"""Scaled exponential linear unit (paper Eq. (2)) with certified constants.

    .. math:: \mathrm{selu}(x) = \lambda x \ (x > 0), \qquad
              \lambda\alpha\,\mathrm{expm1}(x) \ (x \le 0)

    Parameters
    ----------
    alpha, lam : float, optional
        Explicit constants; default ``alpha_01``, ``lambda_01`` (fixed point
        ``(0, 1)`` at ``omega = 0, tau = 1``), the values of
        ``torch.nn.SELU``.
    fixed_point : (mean, var), optional
        Instead of ``alpha, lam``: the SELU whose moment map has the fixed point
        ``(mean, var)`` at weight statistics ``(omega, tau)``, with ``(alpha,
        lambda)`` the float64 nearest the values certified by
        :func:`selu_proof.fixedpoint.design_selu` (exact inputs: ``"0.1"`` or
        ``Fraction``; floats are read at their shortest decimal).
    omega, tau : exact number
        Weight statistics for ``fixed_point`` (``(0, 1)``: normalized weights).

    Examples
    --------
    >>> import torch
    >>> SELU(fixed_point=("0", "1.5"))
    SELU(alpha=1.8339602235162955, lam=1.056571232723075, fixed_point=('0', '1.5'))
    >>> SELU()(torch.tensor([1.0, -1e-30]))
    tensor([ 1.0507e+00, -1.7581e-30])
    """

    def __init__(self, alpha: float | None = None, lam: float | None = None, *,
                 fixed_point: tuple[Number, Number] | None = None, omega: Number = 0,
                 tau: Number = 1) -> None:
        super().__init__()
        if fixed_point is not None:
            if alpha is not None or lam is not None:
                raise ValueError("give either fixed_point or alpha/lam, not both")
            mean, var = fixed_point
            alpha, lam = certified_selu_parameters(mean, var, omega, tau)
        elif (omega, tau) != (0, 1):
            raise ValueError("omega and tau only apply together with fixed_point")
        self.alpha = float(ALPHA_01 if alpha is None else alpha)
        self.lam = float(LAMBDA_01 if lam is None else lam)
        if not (self.alpha >= 0 and self.lam > 0):
            raise ValueError(f"need alpha >= 0 and lam > 0, got alpha={self.alpha}, "
                             f"lam={self.lam}")
        self.fixed_point = None if fixed_point is None else tuple(fixed_point)

    @property
    def saturation(self) -> float:
        """``lim selu(x)`` for ``x -> -inf``: ``-lambda*alpha``."""
        return -self.lam * self.alpha

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Apply SELU elementwise.

        One fused ATen ``elu`` kernel with ``scale = lambda`` (the kernel behind
        ``torch.nn.functional.selu``, which evaluates the negative side with
        ``expm1``: tiny negative inputs keep their relative precision).
        """
        return torch.ops.aten.elu(x, self.alpha, self.lam, 1.0)

    def extra_repr(self) -> str:
        """The constants (and the fixed point they were designed for)."""
        s = f"alpha={self.alpha!r}, lam={self.lam!r}"
        return s if self.fixed_point is None else f"{s}, fixed_point={self.fixed_point!r}"


class AlphaDropout(nn.Module):
    r"""Alpha dropout that keeps the fixed point ``(mean, var)`` (paper Section 3).

    In training mode each unit is kept with probability ``q = 1 - p`` and
    otherwise set to the saturation value ``alpha' = -lambda*alpha``; then

    .. math:: y = a\,(x d + \alpha'(1 - d)) + b, \quad
              a = \sqrt{\frac{\nu^*}{q((1-q)(\alpha'-\mu^*)^2 + \nu^*)}}, \quad
              b = \mu^* - a(q\mu^* + (1-q)\alpha')

    with ``a, b`` from the one symbolic formula
    (:func:`selu_proof.symbolic.dropout_affine`), certified to 20 digits by
    :func:`selu_proof.fixedpoint.design_selu` / ``dropout_terms`` and rounded
    to float64.  In ``eval()`` mode (and for ``p = 0``) it is the identity.
    At the standard fixed point it equals ``torch.nn.AlphaDropout`` (same
    ``a``, ``b`` and, with the same seed, the same mask).

    Parameters
    ----------
    p : float
        Drop probability in ``[0, 1)``.
    fixed_point : (mean, var)
        The fixed point to keep (default ``(0, 1)``).
    alpha, lam : float, optional
        SELU constants; default: the certified SELU for ``fixed_point`` at
        ``(omega, tau)``, i.e. the one of ``SELU(fixed_point=...)``.
    omega, tau : exact number
        Weight statistics for the default constants.

    Examples
    --------
    >>> AlphaDropout(0.1)
    AlphaDropout(p=0.1, a=0.9212845161497115, b=0.16197097005757022, saturation=-1.7580993408473768)
    """

    def __init__(self, p: float, *, fixed_point: tuple[Number, Number] = (0, 1),
                 alpha: float | None = None, lam: float | None = None, omega: Number = 0,
                 tau: Number = 1) -> None:
        super().__init__()
        p = float(p)
        if not 0.0 <= p < 1.0:  # also refuses NaN
            raise ValueError(f"dropout probability must be in [0, 1), got {p!r}")
        mean, var = fixed_point
        if (alpha is None) != (lam is None):
            raise ValueError("give both alpha and lam, or neither")
        if alpha is None:
            *_, terms = _design(_key(mean), _key(var), _key(omega), _key(tau), _key(p))
            if terms is None:
                raise ArithmeticError("could not certify the dropout terms")
        else:
            terms = dropout_terms(p, mean, var, alpha, lam, digits=20)
        self.p = p
        self.fixed_point = (mean, var)
        self.a = float(Fraction(terms["a"]))
        self.b = float(Fraction(terms["b"]))
        self.saturation = float(Fraction(terms["saturation"]))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Drop units to the saturation value and rescale (training mode only)."""
        if not self.training or self.p == 0.0:
            return x
        keep = torch.empty_like(x).bernoulli_(1.0 - self.p)
        return (x * keep + self.saturation * (1 - keep)) * self.a + self.b

    def extra_repr(self) -> str:
        """Drop probability and the affine terms."""
        return f"p={self.p!r}, a={self.a!r}, b={self.b!r}, saturation={self.saturation!r}"
