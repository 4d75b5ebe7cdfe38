"""Working-precision helpers shared by the Krawczyk test, the systems and the dropout terms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import mpmath
from flint import arb, ctx


def _with_prec(prec: int, fn: Callable[[], Any]) -> Any:
    with ctx.workprec(prec):
        return fn()


def _mpf(x: arb) -> mpmath.mpf:
    """The (exact, dyadic) midpoint of a ball as an mpmath number."""
    m, e = x.mid().man_exp()
    return mpmath.mpf((int(m), int(e)))
