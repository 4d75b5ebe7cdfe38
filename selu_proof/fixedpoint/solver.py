"""The solve loop shared by design and fixed points: Newton, then Krawczyk on shrinking boxes.

:class:`_Problem` holds a 2-D system as an mpmath function (for
:func:`~selu_proof.fixedpoint.newton._newton`) and an arb function per precision
(for :func:`~selu_proof.fixedpoint.krawczyk_operator.krawczyk`); :func:`_solve`
certifies a root and doubles the precision until the requested digits are decided,
returning a :class:`~selu_proof.fixedpoint.results.RootResult`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import mpmath
from flint import arb

from selu_proof.fixedpoint.krawczyk_operator import krawczyk
from selu_proof.fixedpoint.newton import _newton
from selu_proof.fixedpoint.precision import _with_prec
from selu_proof.fixedpoint.results import (
    STATUS_NONE,
    STATUS_UNIQUE,
    STATUS_UNKNOWN,
    KrawczykOutcome,
    RootResult,
)
from selu_proof.fixedpoint.rounding import _bounds_strings, _round_certified

_MAX_REFINEMENTS = 8


@dataclass(frozen=True)
class _Problem:
    """A 2-D root problem: names, an mpmath system and an arb system per precision."""

    names: tuple[str, str]
    mp_system: Callable[[list], tuple[list, list]]
    arb_system: Callable[[int], tuple[Callable, Callable]]


def _box_around(y: Sequence[mpmath.mpf], bits: int) -> list[arb]:
    """``y_i ± 2**-bits * 2**floor(log2(max(1, |y_i|)))`` with exact dyadic ends."""
    out = []
    for t in y:
        scale = max(0, int(mpmath.floor(mpmath.log(max(abs(t), 1), 2))))
        out.append(arb(t, mpmath.ldexp(1, scale - bits)))
    return out


def _approx(y: Sequence[mpmath.mpf], names: Sequence[str]) -> str:
    return ", ".join(f"{n} ~ {mpmath.nstr(t, 8)}" for n, t in zip(names, y, strict=True))


def _solve(problem: _Problem, guess: Sequence[Any], digits: int, convention: str,
           extra: Callable[[tuple[arb, ...], int], dict[str, str] | None] | None = None,
           hint: str = "") -> RootResult:
    names = problem.names
    sig = digits + 5
    prec = int(digits * 3.33) + 48
    y = list(guess)
    last: tuple[KrawczykOutcome, list[arb]] | None = None
    for _refine in range(_MAX_REFINEMENTS):
        y_new = _newton(problem.mp_system, y, prec)
        if y_new is None:
            return RootResult(STATUS_UNKNOWN, {}, {}, "the Newton iteration did not converge "
                              f"from {_approx(y, names)}; no box was tested"
                              + (f" ({hint})" if hint else ""), convention, digits=digits)
        y = y_new
        residual, jacobian = problem.arb_system(prec)
        # Shrinking boxes around the Newton point: the largest box that passes
        # is where uniqueness is claimed; the smallest that passes gives the
        # tight enclosure (it lies inside the larger one, so it holds the same root).
        unique_box: list[arb] | None = None
        outcome = None
        for bits in (8, 16, prec // 4, prec // 2):
            box = _box_around(y, bits)
            trial = krawczyk(residual, jacobian, box, prec)
            last = (trial, box)
            if trial.status == STATUS_UNIQUE:
                unique_box = unique_box or box
                outcome = trial
        if outcome is None or unique_box is None:
            trial, box = last  # type: ignore[misc]
            tested = {n: _bounds_strings(b, sig, inward=trial.status == STATUS_NONE)
                      for n, b in zip(names, box, strict=True)}
            return RootResult(trial.status, {}, tested,
                              f"{trial.reason} (Newton: {_approx(y, names)})", convention,
                              uniqueness_box={}, digits=digits)
        enclosure = outcome.enclosure
        assert enclosure is not None
        values = {n: _round_certified(b, digits) for n, b in zip(names, enclosure, strict=True)}
        more = _with_prec(prec, lambda enc=enclosure: extra(enc, digits)) if extra else None
        if all(v is not None for v in values.values()) and (extra is None or more is not None):
            return RootResult(
                STATUS_UNIQUE, {n: str(v) for n, v in values.items()},
                {n: _bounds_strings(b, sig) for n, b in zip(names, enclosure, strict=True)}, "",
                convention,
                uniqueness_box={n: _bounds_strings(b, sig, inward=True)
                                for n, b in zip(names, unique_box, strict=True)},
                dropout=more, digits=digits)
        prec *= 2
    box = last[1]  # type: ignore[index]
    tested = {n: _bounds_strings(b, sig) for n, b in zip(names, box, strict=True)}
    return RootResult(STATUS_UNKNOWN, {}, tested,
                      f"a unique root was certified but {digits} digits could not be decided "
                      f"at {prec // 2} bits", convention, digits=digits)
