r"""Dual-activation kernel maps of any catalogue activation on all of ``[-1, 1]``, certified.

In the convention of i.i.d. zero-mean Gaussian weights of variance ``1/fan_in`` and no bias
(neural-tangents' ``Elementwise`` / ``ElementwiseNumerical`` layers before the weight
variance, and ``dks``'s maps): two pre-activations ``u``, ``v`` standard normal scaled to
variance ``q`` with correlation ``c``, and

.. math:: C(c) = \frac{E[f(u) f(v)]}{E[f(u)^2]}, \qquad
          C'(c) = \frac{q\,E[f'(u) f'(v)]}{E[f(u)^2]} \ \text{(Price's theorem)}, \qquad
          Q(q) = E[f(u)^2].

``C(1) = 1`` and ``C'(1) = q E f'(u)^2/E f(u)^2`` are one-dimensional; ``c = -1`` reflects
(``v = -u``); otherwise the pair expectation conditions on ``u``
(:func:`selu_proof.kernel.quadrature.pair_expectation`).  The maps are those of
:mod:`selu_proof.meanfield.activation` (its i.i.d. kernel), evaluated at a given ``q``;
every number is an outward-rounded enclosure.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from flint import arb, ctx

__all__ = ["CONVENTION", "MAX_GRID", "kernel_maps", "grid_points"]

CONVENTION = ("i.i.d. zero-mean Gaussian weights of variance 1/fan_in, no bias: u, v ~ N(0, q) "
              "with correlation c; C(c) = E[f(u)f(v)]/E[f(u)^2], slope = dC/dc = "
              "q E[f'(u)f'(v)]/E[f(u)^2], Q(q) = E[f(u)^2] (neural-tangents, dks)")

#: most grid points
MAX_GRID = 41


def grid_points(n: int) -> list[Fraction]:
    """``n >= 2`` equally spaced exact points from ``-1`` to ``1``.

    >>> [str(c) for c in grid_points(5)]
    ['-1', '-1/2', '0', '1/2', '1']
    """
    return [Fraction(-1) + Fraction(2 * i, n - 1) for i in range(n)]


def kernel_maps(spec: str, cs: list[Fraction], q: Fraction = Fraction(1), digits: int = 10,
                step: Callable[[], Any] | None = None) -> dict[str, Any]:
    """Certified ``C(c)``, its slope at each ``c`` in ``cs``, and ``Q(q)`` with its slope.

    ``step`` is called after each point (a progress bar).

    >>> r = kernel_maps("relu", [Fraction(0)], digits=8)
    >>> r["points"][0]["C"], r["Q"]
    (['0.31830988', '0.31830989'], ['0.49999999', '0.50000001'])
    """
    from selu_proof.fixedpoint.normalization import precision_for
    from selu_proof.kernel.activations import parse_activation
    from selu_proof.kernel.exact import ball
    from selu_proof.kernel.limits import PREACTIVATION_VAR
    from selu_proof.meanfield.activation import Scaled, _cmap
    from selu_proof.meanfield.core import interval as _interval

    lo, hi = PREACTIVATION_VAR
    if not lo <= q <= hi:  # the pre-activation variances the quadrature supports
        raise ValueError(f"q must be in [{float(lo):g}, {float(hi):g}], got {_fraction_text(q)}")
    if any(not -1 <= c <= 1 for c in cs):
        raise ValueError("every c must be in [-1, 1]")
    act = parse_activation(spec)
    points = []
    with ctx.workprec(precision_for(digits)):
        sc = Scaled(act, arb(1), arb(0))
        zero, qb = arb(0), ball(q)
        m2 = sc.moments(zero, qb)[1]
        q_slope = sc.gradients(zero, qb, with_a=False)[1][1]
        for c in cs:
            value, slope = _cmap(sc, zero, qb, ball(c), False)
            if c == 1:
                value = arb(1)  # exactly: E[f(u)f(u)]/E[f(u)^2]
            points.append({"c": _fraction_text(c), "C": _interval(value, digits),
                           "slope": _interval(slope, digits)})
            if step is not None:
                step()
    return {"activation": act.spec, "convention": CONVENTION, "q": _fraction_text(q),
            "Q": _interval(m2, digits), "Q_slope": _interval(q_slope, digits),
            "points": points, "certified": True}


def _fraction_text(x: Fraction) -> str:
    """An exact decimal when ``x`` has one, else ``p/q``."""
    from selu_proof.kernel.exact import fraction_str

    try:
        return fraction_str(x)
    except ValueError:
        return f"{x.numerator}/{x.denominator}"
