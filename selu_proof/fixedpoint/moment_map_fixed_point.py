r"""The certified fixed point ``(mu*, nu*)`` of the moment map ``g`` (paper Theorem 1).

:func:`fixed_point` solves ``g(mu, nu) = (mu, nu)``, i.e.

.. math:: \tilde\mu(\mu\omega, \nu\tau) = \mu, \quad
          \tilde\nu(\mu\omega, \nu\tau) = \nu,

for given ``(omega, tau, alpha, lambda)``, with ``alpha, lambda`` defaulting to
the balls of ``alpha_01, lambda_01`` (paper Eq. (8)-(9)), so the statement holds
for the exact constants.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath

from selu_proof import backends
from selu_proof.fixedpoint.exact_input import Number, _check_digits, _exact, _fmt_exact
from selu_proof.fixedpoint.precision import _mpf, _with_prec
from selu_proof.fixedpoint.results import RootResult
from selu_proof.fixedpoint.solver import _Problem, _solve
from selu_proof.kernel.constants import constant_balls
from selu_proof.kernel.exact import ball


def _fixed_point_problem(omega: Fraction, tau: Fraction, alpha: Fraction | None,
                         lam: Fraction | None) -> _Problem:
    def params_mp():
        if alpha is not None and lam is not None:
            return (mpmath.mpf(alpha.numerator) / alpha.denominator,
                    mpmath.mpf(lam.numerator) / lam.denominator)
        prec = mpmath.mp.prec
        a01, l01 = (_mpf(b) for b in constant_balls(prec + 10))
        al = a01 if alpha is None else mpmath.mpf(alpha.numerator) / alpha.denominator
        la = l01 if lam is None else mpmath.mpf(lam.numerator) / lam.denominator
        return al, la

    cache: dict[int, tuple] = {}

    def mp_system(x):
        key = mpmath.mp.prec
        if key not in cache:
            cache[key] = params_mp()
        al, la = cache[key]
        w = mpmath.mpf(omega.numerator) / omega.denominator
        t = mpmath.mpf(tau.numerator) / tau.denominator
        if x[1] * t <= 0:
            raise ValueError("variance left the domain")
        m, _, s = backends.moments(x[0] * w, x[1] * t, al, la, backend="mpmath")
        h11, h12, h21, h22 = backends.jacobian(x[0], x[1], w, t, al, la, backend="mpmath")
        return [m - x[0], s - x[1]], [[h11 - 1, h12], [h21, h22 - 1]]

    def arb_system(prec):
        def build():
            a01, l01 = constant_balls(prec)
            al = a01 if alpha is None else ball(alpha)
            la = l01 if lam is None else ball(lam)
            return ball(omega), ball(tau), al, la

        w, t, al, la = _with_prec(prec, build)

        def residual(x):
            m, _, s = backends.moments(x[0] * w, x[1] * t, al, la, backend="arb")
            return [m - x[0], s - x[1]]

        def jacobian(x):
            h11, h12, h21, h22 = backends.jacobian(x[0], x[1], w, t, al, la, backend="arb")
            return [[h11 - 1, h12], [h21, h22 - 1]]

        return residual, jacobian

    return _Problem(("mean", "var"), mp_system, arb_system)


def _fixed_point_guess(problem: _Problem, omega: Fraction, tau: Fraction,
                       alpha: Fraction | None, lam: Fraction | None) -> list:
    """Iterate ``g`` from ``(0, 1)`` a few dozen times (it contracts near the fixed point)."""
    x = [mpmath.mpf(0), mpmath.mpf(1)]
    with mpmath.workprec(64):
        for _ in range(40):
            try:
                f, _ = problem.mp_system(x)
            except (ValueError, ZeroDivisionError):
                return [mpmath.mpf(0), mpmath.mpf(1)]
            nxt = [x[0] + f[0], x[1] + f[1]]
            if not all(mpmath.isfinite(t) for t in nxt) or nxt[1] <= 0 or abs(nxt[1]) > 1e6:
                return [mpmath.mpf(0), mpmath.mpf(1)]
            x = nxt
    return x


def fixed_point(omega: Number, tau: Number, alpha: Number | None = None,
                lam: Number | None = None, *, digits: int = 20) -> RootResult:
    r"""Certified fixed point ``(mu*, nu*)`` of the moment map ``g`` (paper Theorem 1).

    Solves ``g(mu, nu) - (mu, nu) = 0``, i.e.

    .. math:: \tilde\mu(\mu\omega, \nu\tau) = \mu, \quad
              \tilde\nu(\mu\omega, \nu\tau) = \nu,

    with Jacobian ``H - I`` (``H`` the Jacobian of the variance map), starting
    Newton after a few dozen iterations of ``g`` from ``(0, 1)``, and
    certifies it with :func:`~selu_proof.fixedpoint.krawczyk`.  ``alpha``,
    ``lam`` default to the closed forms ``alpha_01``, ``lambda_01`` (paper
    Eq. (8)-(9)), used as arb balls in the test.

    Examples
    --------
    >>> r = fixed_point("0", "1", digits=15)
    >>> r.status, r.values
    ('unique', {'mean': '0.000000000000000', 'var': '1.00000000000000'})
    """
    w, t = _exact(omega, "omega"), _exact(tau, "tau")
    if t <= 0:
        raise ValueError(f"tau must be positive, got {_fmt_exact(t)}")
    al = None if alpha is None else _exact(alpha, "alpha")
    la = None if lam is None else _exact(lam, "lambda")
    _check_digits(digits)
    problem = _fixed_point_problem(w, t, al, la)
    return _solve(problem, _fixed_point_guess(problem, w, t, al, la), digits,
                  fixed_point_convention(w, t, al, la))


def fixed_point_convention(omega: Fraction, tau: Fraction, alpha: Fraction | None,
                           lam: Fraction | None) -> str:
    """The weight statistics and SELU parameters a fixed point of ``g`` refers to (``None``:
    ``alpha_01``, ``lambda_01``).

    >>> fixed_point_convention(Fraction(0), Fraction(1), None, Fraction("1.05"))
    'weight statistics omega=0, tau=1; alpha=alpha_01, lambda=1.05'
    """
    params = "alpha_01, lambda_01" if alpha is None and lam is None else \
        (f"alpha={'alpha_01' if alpha is None else _fmt_exact(alpha)}, "
         f"lambda={'lambda_01' if lam is None else _fmt_exact(lam)}")
    return f"weight statistics omega={_fmt_exact(omega)}, tau={_fmt_exact(tau)}; {params}"
