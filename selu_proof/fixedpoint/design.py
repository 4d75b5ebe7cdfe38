r"""Certified SELU parameters ``(alpha, lambda)`` for a target fixed point (paper Eq. (4)-(5)).

Given a target fixed point ``(mu*, nu*)`` and weight statistics ``(omega, tau)``,
:func:`design_selu` finds ``(alpha, lambda)`` with

.. math:: \tilde\mu(a, v; \alpha, \lambda) = \mu^*, \qquad
          \tilde\nu(a, v; \alpha, \lambda) = \nu^*, \qquad
          a = \mu^*\omega,\ v = \nu^*\tau

(``omega = 0, tau = 1`` gives ``alpha_01, lambda_01``, paper Eq. (8)-(9)).  The
derivatives with respect to ``(alpha, lambda)`` are taken by sympy and generated
ahead of time (``python -m selu_proof.derive.regenerate``,
:mod:`selu_proof.generated.arb_design`).
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import mpmath
from flint import arb

from selu_proof import backends
from selu_proof.fixedpoint.conventions import convention_name
from selu_proof.fixedpoint.dropout import _dropout_rounded, _rate
from selu_proof.fixedpoint.exact_input import Number, _check_digits, _exact, _fmt_exact
from selu_proof.fixedpoint.precision import _with_prec
from selu_proof.fixedpoint.results import RootResult
from selu_proof.fixedpoint.solver import _Problem, _solve
from selu_proof.generated import lookup
from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01
from selu_proof.kernel.exact import ball


def _design_functions(target: str) -> Callable:
    """``(mu~, nu~, d mu~/d alpha, d mu~/d lambda, d nu~/d alpha, d nu~/d lambda)``.

    Functions of ``(a, v, alpha, lambda)`` for ``target`` (``"mpmath"`` or
    ``"arb"``), generated from :func:`selu_proof.derive.symbolic.mean_map` and
    :func:`selu_proof.derive.symbolic.variance_map` by sympy differentiation
    (:func:`selu_proof.derive.regenerate.design_expressions`).
    """
    return lookup(f"{target}_design", "design_system")


def _design_problem(mean: Fraction, var: Fraction, omega: Fraction, tau: Fraction) -> _Problem:
    a_q, v_q = mean * omega, var * tau

    def mp_system(x):
        a_, v_ = mpmath.mpf(a_q.numerator) / a_q.denominator, \
            mpmath.mpf(v_q.numerator) / v_q.denominator
        m, s, ma, ml, sa, sl = _design_functions("mpmath")(a_, v_, x[0], x[1])
        mq = mpmath.mpf(mean.numerator) / mean.denominator
        vq = mpmath.mpf(var.numerator) / var.denominator
        return [m - mq, s - vq], [[ma, ml], [sa, sl]]

    def arb_system(prec):
        def build():
            return ball(a_q), ball(v_q), ball(mean), ball(var)

        a_b, v_b, m_b, s_b = _with_prec(prec, build)
        fn = _design_functions("arb")

        def residual(x):
            m, s, *_ = fn(a_b, v_b, x[0], x[1])
            return [m - m_b, s - s_b]

        def jacobian(x):
            _, _, ma, ml, sa, sl = fn(a_b, v_b, x[0], x[1])
            return [[ma, ml], [sa, sl]]

        return residual, jacobian

    return _Problem(("alpha", "lambda"), mp_system, arb_system)


def _design_guess(mean: Fraction, var: Fraction, omega: Fraction, tau: Fraction
                  ) -> tuple[list, str]:
    """Initial ``(alpha, lambda)`` from the structure of the maps.

    ``mu~`` is ``lambda*(A + alpha*B)`` and ``xi~ = nu~ + mu~**2`` is
    ``lambda**2 (C + alpha**2 D)`` with ``A, B, C, D`` depending on ``(a, v)``
    only (read off the generated maps at ``alpha in {0, 1}, lambda = 1``).
    With ``r = mu*^2 / (mu*^2 + nu*)`` the design equations give the
    quadratic ``(A + alpha B)**2 = r (C + alpha**2 D)`` for ``alpha``.
    Returns the guess and a note ("" or why the guess is only a fallback).
    """
    fallback = [mpmath.mpf(ALPHA_01), mpmath.mpf(LAMBDA_01)]
    with mpmath.workprec(80):
        a_ = mpmath.mpf((mean * omega).numerator) / (mean * omega).denominator
        v_ = mpmath.mpf((var * tau).numerator) / (var * tau).denominator
        mom = backends.compiled("moments", "mpmath")
        m0, x0, _ = mom(a_, v_, 0, 1)
        m1, x1, _ = mom(a_, v_, 1, 1)
        A, B, C, D = m0, m1 - m0, x0, x1 - x0
        M = mpmath.mpf(mean.numerator) / mean.denominator
        V = mpmath.mpf(var.numerator) / var.denominator
        r = M * M / (M * M + V)
        qa, qb, qc = B * B - r * D, 2 * A * B, A * A - r * C
        roots = []
        if abs(qa) > mpmath.mpf(2) ** -60:
            disc = qb * qb - 4 * qa * qc
            if disc < 0 and -disc < mpmath.mpf(2) ** -40 * (qb * qb + abs(4 * qa * qc)):
                disc = mpmath.mpf(0)  # a double root (mean = 0) spoiled by rounding
            if disc >= 0:
                roots = [(-qb + s * mpmath.sqrt(disc)) / (2 * qa) for s in (1, -1)]
        elif qb != 0:
            roots = [-qc / qb]
        cands = []
        for al in roots:
            s = A + al * B
            denom = C + al * al * D
            if denom <= 0:
                continue
            la = mpmath.sqrt((V + M * M) / denom)
            if M != 0 and s * M < 0:
                la = -la
            cands.append((la <= 0, al <= 0, [al, la]))
        if not cands:
            return fallback, ("the reduced quadratic for alpha has no real root, so the "
                              "target is probably not reachable by any (alpha, lambda)")
        cands.sort(key=lambda c: (c[0], c[1]))
        return cands[0][2], ""


def design_selu(mean: Number, var: Number, omega: Number = 0, tau: Number = 1, *,
                digits: int = 20, dropout_rate: Number | None = None) -> RootResult:
    r"""Certified SELU parameters ``(alpha, lambda)`` for the fixed point ``(mean, var)``.

    Solves (paper Eq. (4)-(5), the fixed-point condition of Section 3)

    .. math:: \tilde\mu(a, v; \alpha, \lambda) = \mu^*, \quad
              \tilde\nu(a, v; \alpha, \lambda) = \nu^*, \quad
              a = \mu^*\omega, \ v = \nu^*\tau

    for ``(alpha, lambda)`` by Newton's method and certifies the root with
    :func:`~selu_proof.fixedpoint.krawczyk`.  Among the roots
    (``lambda -> -lambda`` maps one root to another when ``mean = 0``) the
    Newton start is chosen with
    ``lambda > 0`` and ``alpha > 0`` when possible; uniqueness holds in the
    returned ``uniqueness_box``.

    Parameters
    ----------
    mean, var
        The target fixed point ``(mu*, nu*)``, ``var > 0``; exact (strings or
        rationals; floats are read as their shortest decimal).
    omega, tau
        Weight statistics ``omega = sum w_i``, ``tau = sum w_i**2`` (``tau > 0``).
        ``(0, 1)``: the paper's normalized weights; ``(1, 1)``: the authors'
        notebook, pre-activation ``N(mean, var)``.
    digits
        Certified significant digits of the values.
    dropout_rate
        If given (in ``[0, 1)``), also the alpha-dropout terms for this fixed
        point, certified to ``digits`` digits
        (:func:`~selu_proof.fixedpoint.dropout_terms`).

    Examples
    --------
    >>> r = design_selu("0", "1", digits=25)
    >>> r.status, r.values["alpha"], r.values["lambda"]
    ('unique', '1.673263242354377284817043', '1.050700987355480493419335')
    """
    m, s = _exact(mean, "mean"), _exact(var, "var")
    w, t = _exact(omega, "omega"), _exact(tau, "tau")
    if s <= 0:
        raise ValueError(f"var must be positive, got {_fmt_exact(s)}")
    if t <= 0:
        raise ValueError(f"tau must be positive, got {_fmt_exact(t)}")
    _check_digits(digits)
    rate = None if dropout_rate is None else _rate(dropout_rate)
    problem = _design_problem(m, s, w, t)
    extra = None
    if rate is not None:
        def extra(enc: tuple[arb, ...], nd: int) -> dict[str, str] | None:
            return _dropout_rounded(rate, m, s, enc[0], enc[1], nd)
    guess, hint = _design_guess(m, s, w, t)
    return _solve(problem, guess, digits, convention_name(w, t), extra, hint)
