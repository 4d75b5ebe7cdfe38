"""Names of the weight-statistics conventions ``(omega, tau)``.

``(0, 1)``: the paper's normalized weights (Eq. (8)-(9) give ``alpha_01,
lambda_01``); ``(1, 1)``: the authors' public notebook, where the pre-activation is
``N(mean, var)``; anything else: pre-activation ``N(mean*omega, var*tau)``.
"""

from __future__ import annotations

from fractions import Fraction

from selu_proof.fixedpoint.exact_input import _fmt_exact


def convention_name(omega: Fraction, tau: Fraction) -> str:
    """Human-readable name of the weight-statistics convention ``(omega, tau)``.

    >>> convention_name(Fraction(0), Fraction(1))
    'normalized weights (omega=0, tau=1)'
    >>> convention_name(Fraction(1), Fraction(1))
    'pre-activation N(mean, var) (omega=tau=1)'
    """
    if omega == 0 and tau == 1:
        return "normalized weights (omega=0, tau=1)"
    if omega == 1 and tau == 1:
        return "pre-activation N(mean, var) (omega=tau=1)"
    return (f"weight statistics omega={_fmt_exact(omega)}, tau={_fmt_exact(tau)} "
            "(pre-activation N(mean*omega, var*tau))")
