"""Formulas built to fool the symmetry rules (``CatalogueActivation.centre``): each
claimed centre ``k`` must satisfy ``f(x) + f(-x) = 2k``, checked with balls at points
across ``[-8, 8]`` and at the kinks; formulas that are not odd about any centre must
claim none.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from flint import arb

from selu_proof.kernel.activations import parse_activation
from selu_proof.kernel.formula import ActivationError

#: formula -> the centre the rules prove (None: none claimed, here rightly so)
CASES = {
    "min(max(x, -1), 1)": Fraction(0),
    "max(-1, min(1, x))": Fraction(0),
    "min(max(x, -1), 2)": None,
    "min(max(x, 0), 1)": None,
    "min(max(x + 1, 0), 2)": Fraction(1),  # 1 + min(max(x, -1), 1)
    "min(max(min(max(x, -1), 2), -2), 2)": None,
    "min(max(x, 0), 1)*2 - 1": None,
    "max(x, 0) - max(-x, 0)": None,
    "max(x, 1) + min(x, -1)": None,
    "sigmoid(x + 1)": None,
    "sigmoid(x**3)": Fraction(1, 2),
    "sigmoid(x*abs(x))": Fraction(1, 2),
    "sigmoid(sigmoid(x))": None,
    "sigmoid(sigmoid(x) - 0.5)": Fraction(1, 2),
    "erfc(x + 1)": None,
    "erfc(erfc(x) - 1)": Fraction(1),
    "erfc(erfc(x))": None,
    "sigmoid(x)*sigmoid(x)": None,
    "(sigmoid(x) - 0.5)**3": Fraction(0),
    "(sigmoid(x) - 0.5)**2": None,
    "sigmoid(x)**3": None,
    "(x + 1)**3": None,
    "abs(x - 1)*x": None,
    "x*abs(x) + 1": Fraction(1),
    "2*sigmoid(x)*3": Fraction(3),
    "sigmoid(x)/(0 - 2)": Fraction(-1, 4),
    "(sigmoid(x) - 0.5)/(1 + x**2)": Fraction(0),
    "sigmoid(x)/(1 + x**2)": None,
    "sigmoid(x) + erfc(x)": Fraction(3, 2),
    "sigmoid(x) - erfc(x)": Fraction(-1, 2),
    "0 - erfc(x + 1)": None,
    "tanh(sigmoid(x))": None,
    "asinh(x - 1)": None,
    "softplus(x) - x/2": None,
    "sigmoid(x)*(x*0 + 2)": Fraction(1),
    "where(x > 0.5, tanh(x), tanh(x))": None,
    "lam*sigmoid(x); lam=lambda_01": None,
}

POINTS = [arb(-8) + arb(16) * i / 37 for i in range(38)] + \
    [arb(t) for t in ("0.5", "-0.5", "1", "-1", "2", "-2", "0", "0.25", "-0.25", "7.9")]


@pytest.mark.parametrize("text", list(CASES))
def test_claimed_centres_hold_and_no_false_claims(text: str) -> None:
    act = parse_activation(text)
    assert act.centre == CASES[text]
    if act.centre is None:
        return
    two_k = 2 * arb(act.centre.numerator) / act.centre.denominator
    for x in POINTS + [arb(k.numerator) / k.denominator for k in act.kinks]:
        if not x.is_exact():  # a kink with no finite binary expansion: points around it
            x = arb(x.mid())
        s = act.value(x) + act.value(-x)
        assert (s - two_k).contains(0), (text, x, s)


@pytest.mark.parametrize("text", ["min(max(sigmoid(x), 0.25), 0.75)", "max(min(erfc(x), 1.5), 0.5)",
                                  "abs(sigmoid(x) - 0.5)"])
def test_clamps_of_non_affine_arguments_are_refused(text: str) -> None:
    with pytest.raises(ActivationError, match="not affine in x"):
        parse_activation(text)


def test_a_false_claim_would_be_seen() -> None:
    # the check above distinguishes: sigmoid(x + 1) is not odd about 1/2
    act = parse_activation("sigmoid(x + 1)")
    s = act.value(arb(2)) + act.value(arb(-2))
    assert not (s - 1).contains(0)
