r"""The certified mean field of a model, read from its Gaussian moments alone.

One implementation for SELU's closed forms and for any activation by quadrature: each
function here takes a :class:`~selu_proof.kernel.model.MomentModel` (a
:class:`~selu_proof.kernel.model.Model`, or the mean field's scaled activations of
:mod:`selu_proof.fixedpoint.scaled`) and asks it only for
:meth:`~selu_proof.kernel.model.Model.gaussian_moments`, never which kind it is.  With
``z ~ N(a, v)``, ``a = mu*omega``, ``v = nu*tau`` and ``F`` the model's activation:

.. math:: g(\mu, \nu) = (E F,\ E F^2 - (E F)^2), \quad
          H = \begin{pmatrix}\omega\,\partial_a E F & \tau\,\partial_v E F\\
              \omega\,(\partial_a E F^2 - 2 E F\,\partial_a E F) &
              \tau\,(\partial_v E F^2 - 2 E F\,\partial_v E F)\end{pmatrix}, \quad
          \chi_1 = \tau\,E F'^2, \quad \chi_c = \tau\,(E F')^2 .

The fixed point of ``g`` is certified unique in a box by the Krawczyk test
(:func:`krawczyk_fixed_point`), that of the i.i.d.-weights kernel ``q -> tau E F(z)^2``,
``z ~ N(0, q)``, likewise (:func:`krawczyk_q`); :func:`depth_scales` turns ``chi1``,
``chi_c`` into layers per factor ``e``.  Every number is an outward-rounded enclosure;
:func:`interval` writes one as decimal text rounded outward.
"""

from __future__ import annotations

from decimal import Context, Decimal
from fractions import Fraction
from typing import Any

from flint import arb, ctx

from selu_proof.fixedpoint.krawczyk_operator import krawczyk
from selu_proof.kernel.activation_claims import largest_singular_value
from selu_proof.kernel.exact import ball_ends, decimal_down, decimal_up
from selu_proof.kernel.model import MomentModel

__all__ = ["interval", "depth_scale", "depth_scales", "moment_map", "slopes", "spectral",
           "krawczyk_fixed_point", "krawczyk_q", "guarded", "iterate_g"]


def interval(x: arb, digits: int) -> list[str]:
    """``[lo, hi]`` decimal strings enclosing the ball ``x`` (rounded outward)."""
    lo, hi = ball_ends(x)
    out = [decimal_down(lo, digits), decimal_up(hi, digits)]
    big = max(abs(lo), abs(hi))
    if big > 10**12 or 0 < big < Fraction(1, 10**6):  # exponent notation, same digits
        # exactly: normalize() rounds to nearest in its context (28 digits by default)
        out = [str(Decimal(t).normalize(Context(prec=len(t)))) for t in out]
    return out


def depth_scale(x: arb, digits: int) -> list[str] | None:
    """``1/|ln x|`` layers per factor e (``x >= 0``), or ``None`` when ``x`` may be 1.

    ``1/|ln x|`` increases on ``(0, 1)`` from its limit ``0`` at ``x = 0`` (a slope 0, as
    ``chi_c`` of an even activation: one layer forgets the correlation entirely), so a ball
    reaching down to ``0`` gives ``[0, 1/|ln x_hi|]``.
    """
    if not (x > 1 or x < 1):
        return None
    if x < 1 and not x > 0:
        hi = x.upper()
        if not hi > 0:
            return ["0", "0"]
        return ["0", interval(1 / abs(hi.log()), digits)[1]]
    return interval(1 / abs(x.log()), digits)


def depth_scales(chi1: arb, chi_c: arb, digits: int) -> dict[str, Any]:
    """The depth scales of :func:`slopes`: correlations ``xi_c = 1/|ln chi_c|`` (when
    ``chi_c < 1``), gradients ``1/|ln chi1|`` layers per factor ``e``, and the gradient's
    direction (``"preserved"`` only for ``chi1`` exactly 1, a ball of radius 0).
    """
    exact_one = chi1 == 1 and chi1.rad() == 0
    return {"correlation_xi_c": depth_scale(chi_c, digits) if chi_c < 1 else None,
            "gradient_layers_per_e": depth_scale(chi1, digits),
            "gradient_direction": "grows toward the input" if chi1 > 1 else
            "shrinks toward the input" if chi1 < 1 else
            "preserved (chi1 = 1)" if exact_one else "undecided (chi1 may be 1)"}


def moment_map(model: MomentModel, mu: arb, nu: arb, omega: arb,
               tau: arb) -> tuple[list[arb], list[list[arb]]]:
    """``g(mu, nu) = (mu~, nu~)`` and its Jacobian ``H`` over the balls (module docstring);
    at ``omega = 0`` the ``a``-partials are not asked for (their column is 0).
    """
    a, v = mu * omega, nu * tau
    m = model.gaussian_moments(a, v, ("f", "f2"), "v" if omega.is_zero() else "av")
    (m1, m1a, m1v), (m2, m2a, m2v) = m.f, m.f2
    if m1a is None or m2a is None:
        m1a = m2a = arb(0)
    h = [[omega * m1a, tau * m1v],
         [omega * (m2a - 2 * m1 * m1a), tau * (m2v - 2 * m1 * m1v)]]
    return [m1, m2 - m1 * m1], h


def slopes(model: MomentModel, a: arb, v: arb, tau: arb) -> tuple[arb, arb]:
    """``(chi1, chi_c) = (tau E F'^2, tau (E F')^2)`` for ``z ~ N(a, v)`` over the balls."""
    m = model.gaussian_moments(a, v, ("df", "df2"), "")
    d1, d2 = m.df[0], m.df2[0]
    return tau * d2, tau * d1 * d1


def spectral(h: list[list[arb]]) -> tuple[arb, arb]:
    """Spectral norm and spectral radius of a 2x2 ball matrix (enclosures).

    Norm: ``(sqrt((a+d)^2 + (c-b)^2) + sqrt((a-d)^2 + (c+b)^2))/2``.  Radius: with
    ``t = tr/2``, ``D = t^2 - det``: ``max|t +/- sqrt(D)|`` when ``D >= 0``, ``sqrt(det)``
    when ``D < 0``; the union of both when the sign of ``D`` is undecided.
    """
    (a, b), (c, d) = h
    norm = largest_singular_value(a, b, c, d)
    t, det = (a + d) / 2, a * d - b * c
    disc = t * t - det

    def real_case(dd: arb) -> arb:
        r = dd.sqrt()
        x, y = abs(t + r), abs(t - r)
        return (x + y + abs(x - y)) / 2  # max

    if disc >= 0:
        return norm, real_case(disc)
    if disc < 0:
        return norm, det.sqrt()
    clipped = arb(0).union(disc.upper())
    return norm, real_case(clipped).union(abs(det).sqrt())


def _solve2(m: list[list[arb]], r: list[arb]) -> list[arb]:
    (a, b), (c, d) = m
    det = a * d - b * c
    return [(d * r[0] - b * r[1]) / det, (a * r[1] - c * r[0]) / det]


def _mid(x: arb) -> arb:
    return x.mid()


def _minus_identity(h: list[list[arb]], at_mid: bool) -> list[list[arb]]:
    """``H - I`` (the Jacobian of ``g(x) - x``), at ``H``'s midpoints when ``at_mid``."""
    f = _mid if at_mid else (lambda y: y)
    return [[f(h[0][0]) - 1, f(h[0][1])], [f(h[1][0]), f(h[1][1]) - 1]]


def iterate_g(model: MomentModel, omega: arb, tau: arb, start: tuple[arb, arb],
              steps: int = 40) -> tuple[arb, arb]:
    """``g`` iterated ``steps`` times from ``start`` at midpoints (a Newton start: ``g``
    contracts near an attracting fixed point), or ``start`` itself when the iteration leaves
    ``0 < nu <= 1e6`` or meets a state the moments refuse.
    """
    x = start
    try:
        for _ in range(steps):
            g, _ = moment_map(model, x[0], x[1], omega, tau)
            x = (_mid(g[0]), _mid(g[1]))
            if not (x[0].is_finite() and x[1] > 0 and x[1] < 10**6):
                return start
    except (ValueError, ArithmeticError):
        return start
    return x


def krawczyk_fixed_point(model: MomentModel, omega: arb, tau: arb, start: tuple[arb, arb]
                         ) -> tuple[str, tuple[arb, arb], str]:
    """Newton from ``start``, then the Krawczyk test on a small box around the result:
    ``(status, (mu, nu), how)``, ``"unique"`` with the Krawczyk image when it lies strictly
    inside the box, else ``"unknown"`` with the reason.
    """
    x = list(start)
    for _ in range(40):
        g, h = moment_map(model, x[0], x[1], omega, tau)
        f = [g[0] - x[0], g[1] - x[1]]
        step = _solve2(_minus_identity(h, True), [_mid(f[0]), _mid(f[1])])
        if not all(s.is_finite() for s in step):
            return "unknown", (x[0], x[1]), "Newton step not finite (singular Jacobian)"
        x = [_mid(x[0] - step[0]), _mid(x[1] - step[1])]
        if not x[1] > 0:
            return "unknown", (x[0], x[1]), "Newton left nu > 0"
        if all(abs(s) < arb(2) ** (20 - ctx.prec) for s in step):
            break
    r = arb(2) ** (-(ctx.prec // 2))
    box = [xi + arb(0, r.upper()) * (1 + abs(xi)) for xi in x]
    if not box[1] > arb(2) ** -30:
        return "unknown", (x[0], x[1]), "Newton went to nu -> 0"

    def residual(y: list[arb]) -> list[arb]:
        g, _ = moment_map(model, y[0], y[1], omega, tau)
        return [g[0] - y[0], g[1] - y[1]]

    def jacobian(y: list[arb]) -> list[list[arb]]:
        return _minus_identity(moment_map(model, y[0], y[1], omega, tau)[1], False)

    out = krawczyk(residual, jacobian, box, ctx.prec)
    if out.status == "unique":
        return "unique", out.image, "Krawczyk image strictly inside the box"
    return "unknown", (box[0], box[1]), "Krawczyk image not inside the box"


def krawczyk_q(model: MomentModel, tau: arb) -> tuple[str, arb, str]:
    """Fixed point ``q*`` of ``q -> tau*E[F(z)^2]``, ``z ~ N(0, q)`` (1-D Krawczyk)."""
    zero = arb(0)

    def p_and_dp(q: arb) -> tuple[arb, arb]:
        m2, _, m2v = model.gaussian_moments(zero, q, ("f2",), "v").f2
        return tau * m2 - q, tau * m2v - 1

    q = arb(1)
    for _ in range(40):
        p, dp = p_and_dp(q)
        if abs(dp.mid()) < arb(2) ** (-(ctx.prec // 2)):
            return "unknown", arb(1), f"Newton met slope 1 at q = {float(q.mid()):.3g}"
        step = p.mid() / dp.mid()
        q = (q - step).mid()
        if not q > 0:
            return "unknown", arb(1), "Newton left q > 0"
        if abs(step) < arb(2) ** (20 - ctx.prec):
            break
    r = arb(2) ** (-(ctx.prec // 2)) * (1 + q)
    box = q + arb(0, r.upper())
    if not box > arb(2) ** -30:
        return "unknown", arb(1), "Newton went to q -> 0"
    out = krawczyk(lambda y: [p_and_dp(y[0])[0]], lambda y: [[p_and_dp(y[0])[1]]], [box],
                   ctx.prec)
    if out.status == "unique":
        return "unique", out.image[0], "Krawczyk image strictly inside the interval"
    return "unknown", box, "Krawczyk image not inside the interval"


def guarded(solver: Any, *args: Any) -> Any:
    """A Newton-Krawczyk solver's answer, or ``unknown`` when its iteration met a state the
    quadrature refuses (e.g. a variance ball reaching 0).
    """
    try:
        return solver(*args)
    except (ValueError, ArithmeticError) as exc:
        return "unknown", (arb(0), arb(1)) if solver is krawczyk_fixed_point else arb(1), \
            f"Newton: {exc}"
