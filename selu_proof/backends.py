"""Numeric backends generated from the symbolic moment maps.

Three evaluators of the same sympy expressions (:mod:`selu_proof.derive.symbolic`):

``"numpy"``
    vectorized float64 (special functions from ``scipy.special``);
``"mpmath"``
    any precision (``mpmath.mp``);
``"arb"``
    rigorous balls via python-flint; results contain the exact value.

All functions take the reduced variables ``a = mu*omega`` and ``v = nu*tau``
or the paper's ``(mu, nu, omega, tau)`` and the SELU parameters ``alpha``
and ``lam`` (``lambda``).

The code is generated ahead of time (``python -m selu_proof.derive.regenerate``) into
:mod:`selu_proof.generated` (``numpy_backends``, ``mpmath_backends``,
``arb_backends``); :func:`selu_proof.derive.expressions.backend_expressions` holds the
expressions it is generated from.  This module is the run-time front of that code and
imports no sympy.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

from selu_proof.generated import lookup

__all__ = ["BACKENDS", "compiled", "moments", "moment_map", "jacobian", "spectral_norm",
           "dropout_affine"]

Backend = Literal["numpy", "mpmath", "arb"]
BACKENDS: tuple[str, ...] = ("numpy", "mpmath", "arb")


def _check(backend: str) -> None:
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")


@cache
def compiled(name: str, backend: str) -> Any:
    """The generated function ``name`` for ``backend`` (from :mod:`selu_proof.generated`).

    Names: ``moments`` -> ``(mu~, xi~, nu~)`` of ``(a, v, alpha, lam)``;
    ``jacobian_variance`` / ``jacobian_second_moment`` -> the four entries
    ``(H11, H12, H21, H22)`` of ``(a, v, alpha, lam, omega, tau)``;
    ``spectral_variance`` / ``spectral_second_moment`` -> ``(S,)``;
    ``dropout_affine`` -> ``(a, b)`` of ``(q, saturation, mean, var)``;
    ``dropout_moments`` -> output ``(mean, var)`` of ``(mean_in, var_in, q, saturation, a, b)``;
    ``gaussian_moments`` -> ``E h`` and its ``a``, ``v`` partials for ``h = selu, selu**2,
    selu', selu'**2`` (12 outputs, :func:`selu_proof.derive.symbolic.gaussian_moments`) of
    ``(a, v, alpha, lam)``;
    ``mean_field_slopes`` -> ``(chi1, chi_c, E[selu'], E[selu'**2])`` of
    ``(a, v, alpha, lam, tau)``; ``correlation_integrands`` -> the four
    integrands of :func:`selu_proof.derive.symbolic.correlation_integrands` of
    ``(z, a, v, c, alpha, lam)``; ``selu_branches`` -> ``(neg, pos, neg', pos')``
    of ``(z, alpha, lam)``; ``dropout_mean_field`` -> ``(A**2 q, A**2 q**2)``
    of ``(q, saturation, mean, var)``.
    ``goal:KEY`` (``numpy`` and ``mpmath``) -> ``(F,)`` of ``(mu, omega, nu, tau, alpha, lam)``
    for the goal expression ``KEY`` of :func:`selu_proof.derive.expressions.goal_expression`.
    """
    _check(backend)
    return lookup(f"{backend}_backends", name)


def moments(a: Any, v: Any, alpha: Any, lam: Any, backend: str = "numpy") -> tuple[Any, Any, Any]:
    """``(mu~, xi~, nu~)`` for ``z ~ N(a, v)``: mean, second moment, variance of selu(z).

    Examples
    --------
    >>> from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01
    >>> m, xi, var = moments(0.0, 1.0, ALPHA_01, LAMBDA_01)
    >>> round(float(m), 12) == 0.0, round(float(var), 12)
    (True, 1.0)
    """
    return compiled("moments", backend)(a, v, alpha, lam)


def moment_map(mu: Any, nu: Any, omega: Any, tau: Any, alpha: Any, lam: Any,
               backend: str = "numpy") -> tuple[Any, Any]:
    """The map ``g: (mu, nu) -> (mu~, nu~)`` at weight statistics ``(omega, tau)``."""
    m, _, var = moments(mu * omega, nu * tau, alpha, lam, backend)
    return m, var


def jacobian(mu: Any, nu: Any, omega: Any, tau: Any, alpha: Any, lam: Any,
             kind: str = "variance", backend: str = "numpy") -> tuple[Any, Any, Any, Any]:
    """Entries ``(11, 12, 21, 22)`` of ``H`` (``kind="variance"``) or ``J``.

    ``kind="second_moment"`` gives ``J``, the Jacobian of ``(mu, nu) -> (mu~, xi~)``.
    """
    if kind not in ("variance", "second_moment"):
        raise ValueError("kind must be 'variance' or 'second_moment'")
    return compiled(f"jacobian_{kind}", backend)(mu * omega, nu * tau, alpha, lam, omega, tau)


def spectral_norm(mu: Any, nu: Any, omega: Any, tau: Any, alpha: Any, lam: Any,
                  kind: str = "variance", backend: str = "numpy") -> Any:
    """Largest singular value ``S`` of ``H`` (or ``J``) at ``(mu, nu, omega, tau)``."""
    if kind not in ("variance", "second_moment"):
        raise ValueError("kind must be 'variance' or 'second_moment'")
    return compiled(f"spectral_{kind}", backend)(mu * omega, nu * tau, alpha, lam, omega, tau)[0]


def dropout_affine(keep: Any, saturation: Any, mean: Any, var: Any,
                   backend: str = "numpy") -> tuple[Any, Any]:
    """Alpha-dropout affine terms ``(a, b)`` (:func:`selu_proof.derive.symbolic.dropout_affine`).

    ``keep`` is the keep probability ``q = 1 - rate``; ``saturation`` the value
    ``-lambda*alpha`` a dropped unit takes; ``(mean, var)`` the fixed point.

    >>> a, b = dropout_affine(0.9, -1.7580993408473766, 0.0, 1.0)
    >>> round(float(a), 6), round(float(b), 6)
    (0.921285, 0.161971)
    """
    return compiled("dropout_affine", backend)(keep, saturation, mean, var)
