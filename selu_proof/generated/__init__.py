"""Numeric code generated ahead of time from :mod:`selu_proof.derive.symbolic` (do not edit).

Every module here is written by ``python -m selu_proof.derive.regenerate`` from the
sympy expressions (printer: :mod:`selu_proof.derive.codegen`); its header names the
expressions it holds.  A test regenerates them and requires identical bytes,
so ``derive/symbolic.py`` stays the one source of truth while nothing on the proof,
check or simulation path needs sympy at run time.

Each module ends with a table ``FUNCTIONS`` from a key (a goal expression, a
backend function name, a Gaussian block) to the generated function(s).
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["REGENERATE", "MissingGeneratedCodeError", "lookup"]

#: the command that rewrites every module of this package from ``symbolic.py``
REGENERATE = "python -m selu_proof.derive.regenerate"


class MissingGeneratedCodeError(LookupError):
    """A key has no generated code: unknown, or added since the last regeneration."""


def lookup(module: str, key: str) -> Any:
    """``FUNCTIONS[key]`` of the generated module ``module`` (e.g. ``"arb_goals"``).

    Raises :class:`MissingGeneratedCodeError` naming the regeneration command
    when the module or the key is missing; there is no fallback to run-time
    code generation.
    """
    try:
        table = importlib.import_module(f"selu_proof.generated.{module}").FUNCTIONS
    except ModuleNotFoundError:
        table = {}
    if key not in table:
        raise MissingGeneratedCodeError(
            f"no generated code for {key!r} in selu_proof/generated/{module}.py: unknown "
            f"name, or the code was not regenerated since it was added (run `{REGENERATE}`)")
    return table[key]
