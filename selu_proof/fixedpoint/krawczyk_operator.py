r"""The Krawczyk test (Krawczyk 1969; Moore 1977) of a square system on a box.

.. math:: K(X) = y - C f(y) + (I - C F'(X))(X - y),

where ``F'(X)`` encloses every Jacobian of ``f`` on ``X``.  Every root of ``f`` in
``X`` lies in ``K(X)``; so ``K(X) ∩ X = ∅`` proves that ``X`` holds no root, and
``K(X) ⊂ int X`` proves that ``X`` holds exactly one.  Any other outcome proves
nothing and is reported as ``unknown``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import mpmath
from flint import arb

from selu_proof.fixedpoint.precision import _mpf, _with_prec
from selu_proof.fixedpoint.results import (
    STATUS_NONE,
    STATUS_UNIQUE,
    STATUS_UNKNOWN,
    KrawczykOutcome,
)


def krawczyk(residual: Callable[[Sequence[arb]], Sequence[arb]],
             jacobian: Callable[[Sequence[arb]], Sequence[Sequence[arb]]],
             box: Sequence[arb], prec: int = 128) -> KrawczykOutcome:
    r"""Krawczyk test of ``f`` on the box ``X`` (one ball per coordinate).

    .. math:: K(X) = y - C f(y) + (I - C F'(X))(X - y), \quad y = \mathrm{mid}\,X,
              \quad C \approx F'(y)^{-1}

    Parameters
    ----------
    residual
        ``f``: balls in, balls out; must enclose ``f`` at every point of its
        input balls (for every value of any ball parameters it closes over).
    jacobian
        ``F'``: balls in, a nested sequence of balls out, enclosing every
        Jacobian matrix of ``f`` on the input box.
    box
        The box ``X``.
    prec
        Working precision in bits.

    Returns
    -------
    KrawczykOutcome
        ``unique`` if ``K(X)`` lies in the interior of ``X`` in every
        coordinate (arb comparisons are True only when certain); ``none`` if
        ``K(X) ∩ X`` is empty in some coordinate; otherwise ``unknown``.

    Examples
    --------
    ``f(x) = x**2 - 2`` on ``[1.4, 1.5]`` (one unique root ``sqrt(2)``) and on
    ``[1.5, 1.6]`` (no root):

    >>> f = lambda x: [x[0] * x[0] - 2]
    >>> df = lambda x: [[2 * x[0]]]
    >>> krawczyk(f, df, [arb("1.45 +/- 0.05")]).status
    'unique'
    >>> krawczyk(f, df, [arb("1.55 +/- 0.05")]).status
    'none'
    """
    return _with_prec(prec, lambda: _krawczyk(residual, jacobian, list(box), prec))


def _krawczyk(residual, jacobian, X: list[arb], prec: int) -> KrawczykOutcome:
    n = len(X)
    if not all(x.is_finite() for x in X):
        return KrawczykOutcome(STATUS_UNKNOWN, None, None, "the box is not finite")
    y = [x.mid() for x in X]
    fy = list(residual(y))
    jy = [list(row) for row in jacobian(y)]
    jx = [list(row) for row in jacobian(X)]
    finite = all(t.is_finite() for t in fy) and \
        all(t.is_finite() for row in jy + jx for t in row)
    if not finite:
        return KrawczykOutcome(STATUS_UNKNOWN, None, None,
                               "f or its Jacobian has no finite enclosure on the box")
    with mpmath.workprec(prec):
        mid = mpmath.matrix([[_mpf(t) for t in row] for row in jy])
        try:
            inv = mid ** -1
        except ZeroDivisionError:
            return KrawczykOutcome(STATUS_UNKNOWN, None, None,
                                   "the Jacobian at the midpoint is singular")
        C = [[arb(mpmath.mpf(inv[i, j])) for j in range(n)] for i in range(n)]
    dx = [X[j] - y[j] for j in range(n)]
    K = []
    for i in range(n):
        k = y[i] - sum((C[i][j] * fy[j] for j in range(n)), arb(0))
        for j in range(n):
            m = (arb(1) if i == j else arb(0)) - sum((C[i][k_] * jx[k_][j] for k_ in range(n)),
                                                     arb(0))
            k += m * dx[j]
        K.append(k)
    image = tuple(K)
    if all(X[i].contains_interior(K[i]) for i in range(n)):
        return KrawczykOutcome(STATUS_UNIQUE, image,
                               tuple(X[i].intersection(K[i]) for i in range(n)), "")
    if any(not X[i].overlaps(K[i]) for i in range(n)):
        return KrawczykOutcome(STATUS_NONE, image, None,
                               "the Krawczyk image K(X) misses the box, so it holds no root")
    return KrawczykOutcome(STATUS_UNKNOWN, image, None,
                           "the Krawczyk image K(X) is not strictly inside the box "
                           "(box too wide, or the Jacobian nearly singular)")
