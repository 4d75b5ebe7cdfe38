"""Damped Newton iteration in mpmath floats: the uncertified first stage of every solve.

It only proposes a point; existence and uniqueness are proved afterwards by
:func:`selu_proof.fixedpoint.krawczyk_operator.krawczyk` (a Newton iteration alone
never proves existence).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import mpmath


def _newton(system: Callable[[list], tuple[list, list]], x0: Sequence[Any], prec: int,
            maxiter: int = 200) -> list[mpmath.mpf] | None:
    """Damped Newton iteration at ``prec`` bits; ``None`` if it does not converge.

    ``system(x)`` returns ``(f(x), F'(x))`` in mpmath numbers (evaluated at the
    current precision).
    """
    with mpmath.workprec(prec + 20):
        x = [mpmath.mpf(t) for t in x0]
        tol = mpmath.mpf(2) ** (-prec)

        def norm(vec):
            return max(abs(t) for t in vec)

        def ok(vec):
            return all(isinstance(t, mpmath.mpf) and mpmath.isfinite(t) for t in vec)

        try:
            fx, jx = system(x)
        except (ValueError, ZeroDivisionError):
            return None
        if not ok(fx):
            return None
        for _ in range(maxiter):
            try:
                step = mpmath.lu_solve(mpmath.matrix(jx), mpmath.matrix(fx))
            except ZeroDivisionError:
                return None
            t = mpmath.mpf(1)
            for _halving in range(40):
                cand = [x[i] - t * step[i] for i in range(len(x))]
                try:
                    fc, jc = system(cand)
                except (ValueError, ZeroDivisionError):
                    fc, jc = None, None
                if fc is not None and ok(fc) and norm(fc) <= norm(fx) * (1 - t / 4) + tol:
                    break
                t /= 2
            else:
                return None
            done = norm([t * s for s in step]) <= tol * max(1, norm(x))
            x, fx, jx = cand, fc, jc
            if done:
                return x
        return None
