r"""Mean-field maps: what a SELU layer does to gradients and to pairs of inputs.

Poole et al. 2016 (arXiv:1606.05340) and Schoenholz et al. 2017
(arXiv:1611.01232), in this package's setting (paper Section 3): the
pre-activation of a unit is ``z ~ N(a, v)`` with ``a = mu*omega``,
``v = nu*tau`` and, at a fixed point ``(mu*, nu*)`` of ``g``,

.. math::

    \chi_1 = \tau\,E[\mathrm{selu}'(z)^2], \qquad
    \chi_c = \tau\,E[\mathrm{selu}'(z)]^2, \qquad
    \tilde c(c) = \frac{E[\mathrm{selu}(z)\mathrm{selu}(z')] - \tilde\mu^2}{\tilde\nu}

for two inputs whose units have correlation ``c`` (``Cov(z, z') = v c``).
``chi1`` is the factor by which the mean squared backpropagated gradient grows
per layer toward the input, and the slope of ``c -> c~`` at ``c = 1``;
``chi_c`` its slope at ``c = 0``.  ``c = 0`` and ``c = 1`` are fixed points of
the map for any parameters.

Here: :func:`chi_balls` (enclosures of ``chi1``, ``chi_c`` from the closed forms, the
core's :func:`selu_proof.meanfield.core.slopes` on
:class:`~selu_proof.kernel.model.SeluClosedForm`), :func:`chi1_range_witnesses`, and the
float correlation map :func:`correlation_map` with its slope: a one-dimensional integral
of the closed-form inner expectation ``E[selu(z') | z]``
(:func:`selu_proof.derive.symbolic.correlation_integrands`) by mpmath quadrature
(tanh-sinh) or scipy: accurate, **not** rigorous; simulations and figures compare with
it (tanh, without closed form, by two-dimensional Gauss-Hermite quadrature).  The
certified report, the fixed points of the correlation map included, is
:func:`selu_proof.meanfield.report.mean_field`.

Alpha dropout of rate ``p = 1 - q`` after every SELU keeps the fixed point
and multiplies ``chi1`` by ``A**2 q`` and the covariance of two different
inputs by ``A**2 q**2`` (:func:`selu_proof.derive.symbolic.dropout_mean_field`);
``c = 1`` is then no longer a fixed point.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import mpmath
import numpy as np
from flint import arb, ctx

from selu_proof import backends
from selu_proof.kernel.exact import ball
from selu_proof.kernel.model import SeluClosedForm
from selu_proof.meanfield.core import interval, slopes

__all__ = ["correlation_map", "correlation_slope", "chi_balls", "chi1_range_witnesses",
           "CHI1_WITNESSES"]

#: corners of Theorem 1's domain where chi1 attains its minimum and maximum
#: (``proofs/chi1_range.toml``), as ``(mu, omega, nu, tau)``
CHI1_WITNESSES: dict[str, tuple[str, str, str, str]] = {
    "min": ("-0.1", "0.1", "1.5", "0.95"),
    "max": ("-0.1", "-0.1", "0.8", "1.1"),
}


def chi_balls(a: arb, v: arb, alpha: arb, lam: arb, tau: arb) -> tuple[arb, arb]:
    """Enclosures of ``(chi1, chi_c)`` for ``z ~ N(a, v)`` over the balls given.

    >>> from selu_proof.kernel.constants import constant_balls
    >>> al, la = constant_balls(128)
    >>> c1, cc = chi_balls(arb(0), arb(1), al, la, arb(1))
    >>> c1.str(10, radius=False), cc.str(10, radius=False)
    ('1.071574992', '0.9706803523')
    """
    return slopes(SeluClosedForm.of_balls(alpha, lam, ctx.prec), a, v, tau)


def chi1_range_witnesses(prec: int = 200) -> dict[str, dict[str, Any]]:
    """``chi1`` in ball arithmetic at the corners of Theorem 1's domain where it is extreme.

    Together with the certificate ``proofs/chi1_range.cert.json`` (``0.95266 <
    chi1 < 1.20897`` on the whole domain) these make the range two-sided.
    """
    from selu_proof.kernel.constants import constant_balls

    out = {}
    with ctx.workprec(prec):
        al, la = constant_balls(prec)
        for which, point in CHI1_WITNESSES.items():
            m, o, n, t = (ball(Fraction(x)) for x in point)
            c1, _ = chi_balls(m * o, n * t, al, la, t)
            out[which] = {"point": dict(zip(("mu", "omega", "nu", "tau"), point)),
                          "chi1": interval(c1, 25), "ball": c1}
    return out


# --------------------------------------------------------------------------- correlation map


def _selu_moments_mp(a: Any, v: Any, alpha: Any, lam: Any) -> tuple[Any, Any]:
    m, _, var = backends.compiled("moments", "mpmath")(a, v, alpha, lam)
    return m, var


def _pair_expectations(c: Any, a: Any, v: Any, alpha: Any, lam: Any) -> tuple[Any, Any]:
    """``E[selu(z) selu(z')]`` and ``E[selu'(z) selu'(z')]`` by 1-D quadrature (|c| < 1)."""
    f = backends.compiled("correlation_integrands", "mpmath")
    c, a, v = mpmath.mpf(c), mpmath.mpf(a), mpmath.mpf(v)
    s = mpmath.sqrt(v)
    lo_pts = [-mpmath.inf, min(mpmath.mpf(0), a - 8 * s), mpmath.mpf(0)]
    hi_pts = [mpmath.mpf(0), max(mpmath.mpf(0), a + 8 * s), mpmath.inf]

    memo: dict[Any, tuple[Any, ...]] = {}

    def g(x: Any) -> tuple[Any, ...]:  # the product and slope integrands share nodes
        if x not in memo:
            memo[x] = f(x, a, v, c, alpha, lam)
        return memo[x]

    def part(i: int, pts: list) -> Any:
        return mpmath.quad(lambda x: g(x)[i], pts)

    prod = part(0, lo_pts) + part(1, hi_pts)
    dprod = part(2, lo_pts) + part(3, hi_pts)
    return prod, dprod


def _pair_expectations_float(c: float, a: float, v: float, alpha: float,
                             lam: float) -> tuple[float, float]:
    """:func:`_pair_expectations` in float64 by ``scipy.integrate.quad_vec`` (fast, ~1e-13)."""
    from scipy.integrate import quad_vec

    f = backends.compiled("correlation_integrands", "numpy")
    s = float(np.sqrt(v))
    reach = abs(a) + 30 * s  # the Gaussian factor beyond is below 1e-190

    slow = backends.compiled("correlation_integrands", "mpmath")

    def g(x: float) -> np.ndarray:
        with np.errstate(all="ignore"):
            out = np.array(f(x, a, v, c, alpha, lam), dtype=float)
        if not np.isfinite(out).all():  # erfcx overflow far in the tail: redo this node
            with mpmath.workdps(20):
                out = np.array([float(t) for t in slow(x, a, v, c, alpha, lam)])
        return out

    neg = quad_vec(g, min(-reach, -s), 0.0, epsabs=1e-14, epsrel=1e-13)[0] if a - reach < 0 \
        else np.zeros(4)
    pos = quad_vec(g, 0.0, max(reach, s), epsabs=1e-14, epsrel=1e-13)[0] if a + reach > 0 \
        else np.zeros(4)
    return float(neg[0] + pos[1]), float(neg[2] + pos[3])


def _endpoint_expectations(c: int, a: Any, v: Any, alpha: Any, lam: Any) -> tuple[Any, Any]:
    """The same at ``c = 1`` (``z' = z``) and ``c = -1`` (``z' = 2a - z``)."""
    br = backends.compiled("selu_branches", "mpmath")
    a, v = mpmath.mpf(a), mpmath.mpf(v)
    s = mpmath.sqrt(v)

    def sel(x: Any, i: int) -> Any:
        out = br(x, alpha, lam)
        return out[i] if x <= 0 else out[i + 1]

    def dens(x: Any) -> Any:
        return mpmath.npdf(x, a, s)

    pts = sorted({mpmath.mpf(-mpmath.inf), mpmath.mpf(0), 2 * a, mpmath.inf} if c == -1 else
                 {-mpmath.inf, mpmath.mpf(0), mpmath.inf})
    other = (lambda x: x) if c == 1 else (lambda x: 2 * a - x)
    prod = mpmath.quad(lambda x: sel(x, 0) * sel(other(x), 0) * dens(x), pts)
    dprod = mpmath.quad(lambda x: sel(x, 2) * sel(other(x), 2) * dens(x), pts)
    return prod, dprod


def correlation_map(c: Any, a: Any, v: Any, alpha: Any, lam: Any, *, dps: int = 20,
                    method: str = "mpmath") -> Any:
    r"""The correlation map ``c -> c~`` of a SELU layer (mpmath quadrature, not rigorous).

    .. math:: \tilde c = \frac{E[\mathrm{selu}(z)\mathrm{selu}(z')] - \tilde\mu^2}{\tilde\nu},
              \quad (z, z') \sim
              N\Bigl(\binom{a}{a}, v\begin{pmatrix}1 & c\\ c & 1\end{pmatrix}\Bigr)

    >>> from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01
    >>> float(correlation_map(1, 0, 1, ALPHA_01, LAMBDA_01))
    1.0
    >>> round(float(correlation_map(0.5, 0, 1, ALPHA_01, LAMBDA_01)), 10)
    0.4905691283

    ``method="mpmath"`` works at ``dps`` digits; ``"scipy"`` in float64
    (``scipy.integrate.quad_vec``, ~100 times faster, ~1e-13).
    """
    return _map_and_slope(c, a, v, alpha, lam, dps, method)[0]


def correlation_slope(c: Any, a: Any, v: Any, alpha: Any, lam: Any, *, dps: int = 20,
                      method: str = "mpmath") -> Any:
    r"""``d c~/dc = v E[selu'(z) selu'(z')] / nu~`` (Price's theorem; quadrature as above)."""
    return _map_and_slope(c, a, v, alpha, lam, dps, method)[1]


def _map_and_slope(c: Any, a: Any, v: Any, alpha: Any, lam: Any, dps: int,
                   method: str = "mpmath") -> tuple[Any, Any]:
    if method == "scipy" and abs(float(c)) < 1 and float(c) != 0:
        a, v, alpha, lam, c = (float(x) for x in (a, v, alpha, lam, c))
        m, _, var = backends.compiled("moments", "numpy")(a, v, alpha, lam)
        prod, dprod = _pair_expectations_float(c, a, v, alpha, lam)
        return (prod - float(m) ** 2) / float(var), v * dprod / float(var)
    if method not in ("mpmath", "scipy"):
        raise ValueError("method must be 'mpmath' or 'scipy'")
    with mpmath.workdps(dps):
        alpha, lam = mpmath.mpf(alpha), mpmath.mpf(lam)
        m, var = _selu_moments_mp(mpmath.mpf(a), mpmath.mpf(v), alpha, lam)
        c = mpmath.mpf(c)
        if c == 0:
            d1 = backends.compiled("mean_field_slopes", "mpmath")(a, v, alpha, lam, 1)[2]
            return mpmath.mpf(0), v * d1**2 / var
        if abs(c) == 1:
            prod, dprod = _endpoint_expectations(int(c), a, v, alpha, lam)
        else:
            prod, dprod = _pair_expectations(c, a, v, alpha, lam)
        if c == 1:
            return mpmath.mpf(1), v * dprod / var
        return (prod - m * m) / var, v * dprod / var


def _tanh_pair(c: float, a: float, v: float, nodes: int = 160) -> tuple[float, float, float]:
    """``(c~, d c~/dc, nu~)`` of tanh by 2-D Gauss-Hermite quadrature."""
    x, w = np.polynomial.hermite.hermgauss(nodes)
    u, wu = x[:, None] * np.sqrt(2), w[:, None] / np.sqrt(np.pi)
    r, wr = x[None, :] * np.sqrt(2), w[None, :] / np.sqrt(np.pi)
    s = np.sqrt(v)
    cc = min(max(c, -1.0), 1.0)
    z1 = a + s * u
    z2 = a + s * (cc * u + np.sqrt(1 - cc * cc) * r)
    ww = wu * wr
    m = float((np.tanh(z1) * ww).sum())
    var = float((np.tanh(z1) ** 2 * ww).sum()) - m * m
    prod = float((np.tanh(z1) * np.tanh(z2) * ww).sum())
    dprod = float(((1 - np.tanh(z1) ** 2) * (1 - np.tanh(z2) ** 2) * ww).sum())
    return (prod - m * m) / var, v * dprod / var, var
