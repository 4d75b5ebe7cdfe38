"""Discontinuous formulas whose kink or jump values are rationals with no finite decimal
expansion: each must be refused with :class:`ActivationError` (one error line, exit 2 on
the command line), as decimal kinks are.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from selu_proof.kernel.activations import parse_activation
from selu_proof.kernel.formula import ActivationError


@pytest.mark.parametrize("text", [
    "where(3*x > 1, x, 0.5)",  # a jump at x = 1/3 between exact rationals
    "where(x > 0.5, x/3, 1)",  # at x = 1/2, from 1 to 1/6
    "where(3*x > 1, exp(x), 0)",  # at x = 1/3, values proved apart by balls
])
def test_a_jump_at_a_non_decimal_rational_is_refused_as_a_jump(text: str) -> None:
    with pytest.raises(ActivationError, match="jumps at x = "):
        parse_activation(text)


def test_the_command_line_refuses_it_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from selu_proof.cli import main
    with pytest.raises(SystemExit) as exc:
        code = main(["normalize", "where(3*x > 1, x, 0.5)"])
        raise SystemExit(code)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "jumps at x = " in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_clamp_times_a_smooth_function_is_continuous_at_its_kinks():
    """``min(max(x, -0.5), 0.5)*sigmoid(x)``: at ``x = -0.5`` the left piece's ``-0.5`` is a
    negated number and the right piece's ``x`` the number ``-0.5``; both are the same value.
    """
    act = parse_activation("min(max(x, -0.5), 0.5)*sigmoid(x)")
    assert act.kinks == (Fraction(-1, 2), Fraction(1, 2))
    with pytest.raises(ActivationError, match="jumps at x = -0.5"):
        parse_activation("min(max(x, -0.5), 0.5)*sigmoid(x) + where(x > -0.5, 1, 0)")
