"""The supported domain: the ranges every specification and certificate is checked against.

Trusted.  Inside them every goal evaluation costs milliseconds at any supported precision
and every exact number stays small (docs/limitations.md).  A module of its own, below
:mod:`selu_proof.kernel.specs` and :mod:`selu_proof.kernel.activation_claims`, which both
check inputs against them.
"""

from __future__ import annotations

from fractions import Fraction

__all__ = ["MAX_ABS_MU_OMEGA", "MAX_NU_TAU", "PREACTIVATION_VAR", "MAX_ABS_PREACTIVATION_MEAN",
           "PARAMETER_RANGE", "PRECISION_RANGE", "MAX_QUADRATURE_PRECISION"]

# The shipped theorems use nu*tau in [0.016, 20] and |mu*omega| <= 0.1, so there is
# ample room for SELUs designed for other fixed points.
#: largest ``|mu|`` and ``|omega|``
MAX_ABS_MU_OMEGA = Fraction(100)
#: largest nu and tau
MAX_NU_TAU = Fraction(1000)
#: range of the pre-activation variance nu*tau over the domain
PREACTIVATION_VAR = (Fraction(1, 1000), Fraction(1000))
#: largest ``|mu*omega|`` (the pre-activation mean) over the domain
MAX_ABS_PREACTIVATION_MEAN = Fraction(10)
#: range of the SELU parameters alpha and lambda
PARAMETER_RANGE = (Fraction(1, 100), Fraction(100))
#: range of the ball precision in bits
PRECISION_RANGE = (53, 1024)
#: highest precision of a specification with a catalogue activation: the work of each of
#: its integrations grows with the precision (docs/kernel.md, "Work per leaf")
MAX_QUADRATURE_PRECISION = 128
