"""Exact inputs of the solvers: the ``Number`` type and its conversion to ``Fraction``.

Everything that feeds a proof is exact: decimal strings, ints and Fractions are
taken as written and a float is read at its shortest decimal representation
(``0.1`` means 1/10), so a statement certified for a parameter holds for the
number the user wrote.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Union

from selu_proof.kernel.exact import fraction_str

#: An exact input: a decimal string, an int, a Fraction, or a float taken at its
#: shortest decimal representation (``0.1`` means 1/10).
Number = Union[str, int, Fraction, float]


_MAX_DIGITS = 1000


def _exact(x: Number, name: str) -> Fraction:
    """``x`` as an exact Fraction; ``ValueError`` for NaN, infinities and garbage."""
    if isinstance(x, bool):
        raise ValueError(f"{name} must be a number, got {x!r}")
    if isinstance(x, float):
        if not math.isfinite(x):
            raise ValueError(f"{name} must be a finite number, got {x!r}")
        return Fraction(repr(x))
    if isinstance(x, str):
        from selu_proof.kernel.exact import parse_decimal

        try:
            return parse_decimal(x.strip())
        except ValueError as exc:
            raise ValueError(f"{name} must be a finite number: {exc}") from None
    try:
        return Fraction(x)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a finite number, got {x!r}") from None


def _check_digits(digits: int) -> int:
    if isinstance(digits, bool) or not isinstance(digits, int) or not \
            1 <= digits <= _MAX_DIGITS:
        raise ValueError(f"digits must be an integer between 1 and {_MAX_DIGITS}, got {digits!r}")
    return digits


def _fmt_exact(q: Fraction) -> str:
    """``q`` as a terminating decimal when it is one, else ``p/q``."""
    try:
        return fraction_str(q)
    except ValueError:
        return f"{q.numerator}/{q.denominator}"
