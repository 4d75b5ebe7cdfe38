"""Subexpressions free of ``x`` whose real value does not exist (the square root or the
logarithm of a negative number) must be refused even when the whole constant comes out
real in complex arithmetic: otherwise the kernel certifies numbers for a formula the float
twins evaluate to NaN.
"""

from __future__ import annotations

import numpy as np
import pytest

from selu_proof.kernel.activations import parse_activation
from selu_proof.kernel.formula import ActivationError, parse_formula
from selu_proof.numeric.formula_twin import _numpy_ops, evaluate


@pytest.mark.parametrize("text", [
    "x + sqrt(pi - 4)**2",  # (i sqrt(4 - pi))^2 = pi - 4 in complex arithmetic
    "x + sqrt(0.5 - 1)*sqrt(0.5 - 1)",
    "x + 0*log(0 - 1)",  # 0 * (i pi) = 0
])
def test_a_constant_with_no_real_value_is_refused(text: str) -> None:
    with np.errstate(invalid="ignore"):
        twin = evaluate(parse_formula(text), np.array([0.7]), _numpy_ops())
    assert np.isnan(twin).all()  # the formula has no real value
    with pytest.raises(ActivationError, match="not a finite real number"):
        parse_activation(text)
