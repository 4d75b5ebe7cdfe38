r"""Certified Gaussian expectations of any catalogue activation by rigorous quadrature.

Trusted.  For ``z ~ N(a, v)`` with ``a``, ``v`` balls,

.. math:: E[h(z)] = \int_{-\infty}^{\infty} h(x)\,\varphi_{a,v}(x)\,dx, \qquad
          \varphi_{a,v}(x) = \frac{e^{-(x-a)^2/(2v)}}{\sqrt{2\pi v}},

is enclosed as follows (Johansson, "Numerical integration in arbitrary-precision ball
arithmetic", 2018, for the integrator):

1. truncate to ``[-R, R]``, ``R >= T``, ``R > |a|``, and bound both tails with the proved
   growth bound ``|h(x)| <= sum_k c_k |x|^k`` (``|x| >= T``): :func:`gaussian_tail_bound`;
   the bound is added to the radius of the result;
2. split ``[-R, R]`` at the kinks of the activation (fixed ``x``: they stay put when
   ``a``, ``v`` are balls) and integrate each piece's holomorphic extension times the
   density (entire in ``x`` for ball ``a``, ``v``) with python-flint's
   :meth:`acb.integral` (Petras' algorithm with Gauss-Legendre error bounds on Bernstein
   ellipses: rigorous for integrands holomorphic near the segment, which the pieces
   guarantee or report by non-finite balls).

Derivatives in ``a`` and ``v`` differentiate the density, never ``f``
(``weight="d_mean"``: :math:`\partial_a\varphi = \varphi\,(x-a)/v`;
``weight="d_var"``: :math:`\partial_v\varphi = \varphi\,((x-a)^2-v)/(2v^2)`), so kinked
activations need no delta functions.

With an evaluation limit (``eval_limit``, which the claim meanings always set:
:func:`~selu_proof.kernel.activation_claims.integrator_settings`), an integration that
evaluates its integrand that many times is given up (:func:`_integral`): its enclosure
is not finite, so the work of one integration is bounded whatever the balls ``a``, ``v``
and however wide they are.

A search under a time budget sets :func:`~selu_proof.kernel.give_up.give_up_at`: past
that time every integrand returns an indeterminate ball, so an integration in progress
ends within a few evaluations with a non-finite (uninformative, still sound) enclosure
instead of running to its end.  The checker never sets it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from functools import lru_cache

from flint import acb, acb_poly, arb, ctx

from selu_proof.kernel.activations import CatalogueActivation, Fn, Growth
from selu_proof.kernel.exact import ball, upper_fraction
from selu_proof.kernel.give_up import give_up_time, passed

__all__ = ["gaussian_tail_bound", "gaussian_expectation", "gaussian_expectation_complex",
           "expectation", "moments", "joint_integrand", "MAX_ORDER",
           "moment_gradients", "derivative_moments", "pair_expectation", "INTEGRANDS",
           "WEIGHTS", "density_derivative", "weight_polynomial", "polynomial_growth"]

#: the weights multiplying ``h`` (the density and its first and second derivatives in
#: ``a`` and ``v``)
WEIGHTS = ("density", "d_mean", "d_var", "d2_mean", "d_mean_var", "d2_var")


def _indeterminate() -> acb:
    """A ball that says nothing: not finite in its real nor in its imaginary part."""
    return acb(arb.nan(), arb.nan())


#: the highest derivative order in ``a`` or ``v`` of a weight (the Taylor models of
#: :mod:`selu_proof.kernel.taylor` ask for ``d^n/da^n`` up to a few tens)
MAX_ORDER = 40

#: the second-derivative weights by name: orders ``(i, j)`` of ``d^i/da^i d^j/dv^j``
_NAMED_ORDERS = {"d2_mean": (2, 0), "d_mean_var": (1, 1), "d2_var": (0, 2)}


@lru_cache(maxsize=64)
def density_derivative(i: int, j: int) -> tuple[tuple[int, int, Fraction], ...]:
    r""":math:`\partial_a^i\partial_v^j\varphi_{a,v} = \varphi_{a,v}\,P_{ij}(d, v)`,
    ``d = x - a``: the terms ``(k, m, c)`` of ``P_ij = sum c d^k v^m`` (``m <= 0``).

    From :math:`\partial_a\log\varphi = d/v` and :math:`\partial_v\log\varphi =
    (d^2 - v)/(2v^2)`: :math:`\partial_a(\varphi P) = \varphi\,(dP/v - \partial_d P)`
    and :math:`\partial_v(\varphi P) = \varphi\,((d^2 - v)P/(2v^2) + \partial_v P)`
    (Hermite-type polynomials: a derivative of a moment differentiates the density, never
    ``f``).  E.g. ``P_20 = d^2/v^2 - 1/v``, ``P_11 = d^3/(2v^3) - 3d/(2v^2)``,
    ``P_02 = d^4/(4v^4) - 3d^2/(2v^3) + 3/(4v^2)``.
    """
    poly: dict[tuple[int, int], Fraction] = {(0, 0): Fraction(1)}

    def add(out: dict[tuple[int, int], Fraction], key: tuple[int, int], c: Fraction) -> None:
        out[key] = out.get(key, Fraction(0)) + c

    for _ in range(i):
        out: dict[tuple[int, int], Fraction] = {}
        for (k, m), c in poly.items():
            add(out, (k + 1, m - 1), c)
            if k:
                add(out, (k - 1, m), -k * c)
        poly = out
    for _ in range(j):
        out = {}
        for (k, m), c in poly.items():
            add(out, (k + 2, m - 2), c / 2)
            add(out, (k, m - 1), -c / 2)
            if m:
                add(out, (k, m - 1), m * c)
        poly = out
    return tuple(sorted((k, m, c) for (k, m), c in poly.items() if c))


def _weight_order(weight: str | tuple[int, int]) -> tuple[int, int]:
    if isinstance(weight, tuple):
        if len(weight) != 2 or not all(isinstance(n, int) and 0 <= n <= MAX_ORDER
                                       for n in weight):
            raise ValueError(f"derivative orders must be two integers in [0, {MAX_ORDER}], "
                             f"got {weight!r}")
        return weight
    return {"density": (0, 0), "d_mean": (1, 0), "d_var": (0, 1), **_NAMED_ORDERS}[weight]


def weight_polynomial(weight: str | tuple[int, int], v: arb) -> list[arb]:
    """Coefficients ``p_k`` (powers of ``d = x - a``) of :func:`density_derivative` at ``v``."""
    terms = density_derivative(*_weight_order(weight))
    out = [arb(0)] * (max(k for k, _, _ in terms) + 1)
    for k, m, c in terms:
        out[k] += ball(c) * _pow(1 / v, -m)
    return out


def _binomial(n: int, k: int) -> int:
    return math.comb(n, k)


def _pow(x: arb, n: int) -> arb:
    """``x**n`` (``n >= 0``) by multiplication: python-flint's ``**`` is NaN on a ball
    that reaches 0, such as ``|a|`` for a mean ball around 0.
    """
    out = arb(1)
    for _ in range(n):
        out = out * x
    return out


def gaussian_tail_bound(coeffs: Sequence[arb], a: arb, v: arb, r: arb) -> arb:
    r"""Both Gaussian tails of a polynomial growth bound, as a ball whose upper end is a bound.

    .. math:: \int_{|x| \ge R} \sum_k c_k |x|^k \varphi_{a,v}(x)\,dx
              \le 2\sum_k c_k \sum_{j \le k} \binom{k}{j} |a|^{k-j} s^j M_j(t_0),
              \quad s = \sqrt v,\ t_0 = (R - |a|)/s > 0,

    with :math:`M_j(t) = \int_t^\infty u^j \varphi(u)\,du`: :math:`M_0 = \mathrm{erfc}(t/\sqrt2)/2`,
    :math:`M_1 = \varphi(t)`, :math:`M_j = t^{j-1}\varphi(t) + (j-1)M_{j-2}`.
    Derivation: on ``x >= R`` put ``x = a + s u``; then ``u >= (R - a)/s >= t_0 > 0`` and
    ``0 < x <= |a| + s u``; the left tail is the mirror image (``|x| <= |a| + s|u|``,
    ``u <= -t_0``).  The expression increases with ``c_k``, ``|a|``, ``s`` and decreases
    with ``t_0``; evaluated on balls it contains the bound for every point of the balls.

    Raises ``ValueError`` unless ``R > |a|`` certainly.
    """
    s = v.sqrt()
    absa = abs(a)
    t0 = (r - absa) / s
    if not t0 > 0:
        raise ValueError("tail bound needs R > |a|")
    phi = (-(t0 * t0) / 2).exp() / (2 * arb.pi()).sqrt()
    k_max = len(coeffs) - 1
    m = [(t0 / arb(2).sqrt()).erfc() / 2, phi]
    for j in range(2, k_max + 1):
        m.append(_pow(t0, j - 1) * phi + (j - 1) * m[j - 2])
    pa, sm = [arb(1)], [m[0]]  # |a|^i and s^j M_j
    for j in range(1, k_max + 1):
        pa.append(pa[-1] * absa)
        sm.append(_pow(s, j) * m[j])
    total = arb(0)
    for k, c in enumerate(coeffs):
        inner = arb(0)
        for j in range(k + 1):
            inner += _binomial(k, j) * pa[k - j] * sm[j]
        total += c * inner
    return 2 * total


def _weight_growth(weight: str, a: arb, v: arb) -> list[arb]:
    """A growth bound of the weight factor: ``|x - a|/v <= (|x| + |a|)/v``, and
    ``|(x - a)^2 - v|/(2v^2) <= ((|x| + |a|)^2 + v)/(2v^2)``.
    """
    absa = abs(a)
    if weight == "density":
        return [arb(1)]
    if weight == "d_mean":
        return [absa / v, 1 / v]
    if weight == "d_var":
        w = 2 * v * v
        return [(absa * absa + v) / w, 2 * absa / w, 1 / w]
    if weight in WEIGHTS or isinstance(weight, tuple):
        # |sum p_k d^k| <= sum |p_k| (|x| + |a|)^k
        out = [arb(0)]
        power = [arb(1)]  # coefficients of (|x| + |a|)^k in |x|
        for k, p in enumerate(weight_polynomial(weight, v)):
            if k:
                power = _convolve(power, [absa, arb(1)])
            out = [x + y for x, y in zip(out + [arb(0)] * (len(power) - len(out)),
                                         [abs(p) * c for c in power])]
        return out
    raise ValueError(f"unknown weight {weight!r}; choose one of {', '.join(WEIGHTS)}")


def _convolve(p: Sequence[arb], q: Sequence[arb]) -> list[arb]:
    out = [arb(0)] * (len(p) + len(q) - 1)
    for i, c in enumerate(p):
        for j, d in enumerate(q):
            out[i + j] += c * d
    return out


def _truncation(coeffs: Sequence[arb], a: arb, v: arb, threshold: Fraction,
                target: arb) -> tuple[Fraction, arb]:
    """An integer ``R`` (chosen in floats: any choice is sound) whose tail bound is below
    ``target`` when that is reachable within a few tries, with the bound.
    """
    a_hi = float(abs(a).upper())
    s_hi = math.sqrt(float(v.upper()))
    t = math.sqrt(2 * ctx.prec * math.log(2)) + 1
    best: tuple[Fraction, arb] | None = None
    for _ in range(8):
        r = Fraction(max(math.ceil(a_hi + s_hi * t) + 1, math.ceil(threshold)))
        tail = gaussian_tail_bound(coeffs, a, v, ball(r))
        best = (r, tail)
        if tail.upper() < target:
            break
        t += 2
    assert best is not None
    return best


def gaussian_expectation(pieces: Sequence[tuple[Fraction | None, Fraction | None, Fn]],
                         growth: Growth, a: arb, v: arb, weight: str = "density",
                         truncation: Fraction | None = None) -> arb:
    r"""Enclosure of :math:`\int h(x)\,w(x)\,dx` for a real mean ball ``a`` (see
    :func:`gaussian_expectation_complex`, of which this is the real part).
    """
    return gaussian_expectation_complex(pieces, growth, acb(a), v, weight, truncation).real


def gaussian_expectation_complex(pieces: Sequence[tuple[Fraction | None, Fraction | None, Fn]],
                                 growth: Growth, a: acb, v: arb, weight: str = "density",
                                 truncation: Fraction | None = None,
                                 tol_bits: int | None = None,
                                 eval_limit: int | None = None) -> acb:
    r"""Enclosure of :math:`\int h(x)\,w(x)\,dx`, ``w`` the density :math:`\varphi_{a,v}` or
    its derivative in ``a`` (``"d_mean"``) or ``v`` (``"d_var"``).

    Parameters
    ----------
    pieces : sequence of (lo, hi, fn)
        ``h`` on consecutive intervals covering the line (``None``: unbounded), each ``fn``
        holomorphic near its interval (or reporting non-finite, per :meth:`acb.integral`).
    growth : Growth
        A proved bound ``|h(x)| <= sum c_k |x|^k`` for ``|x| >= T``.
    a : acb
        Mean ball, possibly complex: then :math:`\varphi_{a,v}` is the entire continuation
        in ``a``, and on the real line :math:`|\varphi_{a,v}(x)| = e^{(\mathrm{Im}\,a)^2/(2v)}
        \varphi_{\mathrm{Re}\,a,v}(x)`, so the tail bound is that of ``Re a`` times this factor.
    v : arb
        Variance ball (``v > 0`` certainly).
    weight : str
        ``"density"``, ``"d_mean"`` or ``"d_var"`` (see the module docstring).
    truncation : Fraction, optional
        ``R``; by default the smallest tried whose tail bound is below ``2^-tol_bits``.
    tol_bits : int, optional
        Accuracy goal ``2^-tol_bits`` of the integrator and the truncation (default the
        working precision); any goal gives a valid enclosure, a loose one a wider one.
    eval_limit : int, optional
        Most integrand evaluations of each piece's integration (:func:`_integral`); one that
        reaches it is given up and the result is not finite.  Default: python-flint's
        (``1000 p + p^2`` at ``p`` bits).
    """
    if not v > 0:
        raise ValueError("variance ball must be certainly positive")
    if weight not in WEIGHTS and not isinstance(weight, tuple):
        raise ValueError(f"unknown weight {weight!r}; choose one of {', '.join(WEIGHTS)} "
                         "or derivative orders (i, j)")
    _weight_order(weight)
    stop = give_up_time()
    if passed(stop):  # given up: no information
        return _indeterminate()
    bits = ctx.prec if tol_bits is None else tol_bits
    goal = arb(2) ** -bits
    re, im = a.real, a.imag
    coeffs = _convolve([ball(c) for c in growth.coeffs], _weight_growth(weight, abs(a), v))
    # an exponential factor is a shifted Gaussian: for x >= R, e^{cx} phi_{a,v}(x) =
    # e^{ca + c^2 v/2} phi_{a+cv,v}(x), and for x <= -R, e^{-cx} phi_{a,v}(x) =
    # e^{-ca + c^2 v/2} phi_{a-cv,v}(x); both factors are at most e^{c|a| + c^2 v/2} and
    # both means at most |a| + cv in magnitude, for which the tail bound (increasing in |a|)
    # bounds each tail
    c = ball(growth.rate)
    shift, factor = (abs(re) + c * v, (c * abs(re) + c * c * v / 2).exp()) if growth.rate \
        else (re, arb(1))
    if truncation is None:
        r, tail = _truncation(coeffs, shift, v, growth.threshold, goal / factor)
    else:
        if truncation < growth.threshold:
            raise ValueError("truncation point below the growth bound's threshold T")
        r, tail = truncation, gaussian_tail_bound(coeffs, shift, v, ball(truncation))
    tail = tail * factor
    if not im.is_zero():
        tail = tail * (im * im / (2 * v)).exp()
    ca, inv2v = a, 1 / (2 * v)
    norm = 1 / (2 * arb.pi() * v).sqrt()

    neg_inv2v = acb(-inv2v)
    # on the integrator's ellipses the density's modulus is bounded by _density_bound for the
    # named weights (fewer evaluations: larger ellipses); the Taylor models' derivative
    # orders keep ball arithmetic there, since their certificates record last digits that
    # depend on the integrator's subdivision (proofs/theorem1_quadrature)
    tight = isinstance(weight, str)
    if weight == "density":
        factor_of = None
    elif weight == "d_mean":
        inv_v = acb(1 / v)

        def factor_of(d: acb) -> acb:
            return d * inv_v
    elif weight == "d_var":
        half_inv_v2, minus_v = acb(inv2v / v), acb(-v)

        def factor_of(d: acb) -> acb:
            return (d * d + minus_v) * half_inv_v2
    else:
        factor_of = acb_poly(weight_polynomial(weight, v))  # one Horner pass in C

    def weighted(fn: Fn) -> Callable[[acb, bool], acb]:
        def integrand(x: acb, analytic: bool) -> acb:
            d = x - ca
            if analytic and tight:
                bound = _density_bound(d, inv2v, norm)
                if bound is None:
                    return _indeterminate()
                out = fn(x, True) * bound
            elif analytic:
                out = fn(x, True) * ((d * d) * neg_inv2v).exp() * norm
            else:
                out = fn(x, False) * ((d * d) * neg_inv2v).exp() * norm
            return out if factor_of is None else out * factor_of(d)
        if stop is None:
            return integrand

        def give_up(x: acb, analytic: bool) -> acb:
            return _indeterminate() if passed(stop) else integrand(x, analytic)
        return give_up

    total = acb(0)
    for lo, hi, fn in pieces:
        lo_ = -r if lo is None else max(lo, -r)
        hi_ = r if hi is None else min(hi, r)
        if lo_ >= hi_:
            continue
        if passed(stop):  # given up: no information
            return _indeterminate()
        total += _integral(weighted(fn), ball(lo_), ball(hi_), goal, eval_limit)
    err = arb(0, tail.upper())
    return total + acb(err, err)


#: an ellipse on which the density may reach ``e^LIMIT`` times its peak is too large to help
#: the integrator (:func:`_density_bound`)
_ELLIPSE_LIMIT = 1000


def _density_bound(d: acb, inv2v: arb, norm: arb) -> acb | None:
    r"""A ball containing :math:`\varphi = \mathrm{norm}\,e^{-D^2/(2v)}` for every ``D`` in the
    complex ball ``d`` (and every ``v`` with ``1/(2v)`` in ``inv2v``), centred at 0; ``None``
    when that bound exceeds ``e^LIMIT`` times ``norm``.

    With ``D = p + iq``, :math:`|e^{-D^2/(2v)}| = e^{(q^2 - p^2)/(2v)} \le
    e^{(Q^2 - P^2)/(2v)}`, ``Q`` an upper bound of ``|q|`` and ``P >= 0`` a lower bound of
    ``|p|`` on the ball.  Ball arithmetic on ``d*d`` instead loses ``2|p| r`` in ``Re D^2``
    (the dependency of ``p*p``), which the integrator pays in a smaller ellipse.
    """
    p = abs(d.real).lower()
    if not p > 0:
        p = arb(0)
    q = abs(d.imag).upper()
    e = (q * q - p * p) * inv2v
    if not e < _ELLIPSE_LIMIT:
        return None
    m = (e.exp() * norm).upper()
    return acb(arb(0, m), arb(0, m))


#: work done by :func:`_integral` in this process (:func:`work_done`)
_WORK = {"integrations": 0, "evaluations": 0, "given_up": 0}


def work_done() -> dict[str, int]:
    """Counts since the process started: ``integrations`` run by :meth:`acb.integral`, the
    integrand ``evaluations`` they made, and the integrations ``given_up`` at their
    evaluation limit.
    """
    return dict(_WORK)


def _integral(f: Callable[[acb, bool], acb], lo: arb, hi: arb, goal: arb,
              eval_limit: int | None) -> acb:
    r""":math:`\int_{lo}^{hi} f` by :meth:`acb.integral` with the accuracy goal ``goal``.

    With ``eval_limit``, ``f`` is evaluated at most ``eval_limit`` times: the integrator
    stops subdividing once it has called the integrand ``eval_limit - 1`` times (Arb's
    ``acb_calc_integrate``; the rule it is applying may still call it a few more times,
    and past ``eval_limit`` calls the integrand returns indeterminate balls without
    evaluating ``f``).  An integration that reaches ``eval_limit - 1`` calls is given up:
    its result is indeterminate, whatever the crude enclosures Arb would add for the
    pieces left, so that whether an integration is decided is a plain count, the same in
    every run.
    """
    calls = 0

    def counted(x: acb, analytic: bool) -> acb:
        nonlocal calls
        calls += 1
        if eval_limit is not None and calls > eval_limit:
            return _indeterminate()
        return f(x, analytic)

    out = acb.integral(counted, lo, hi, rel_tol=goal, abs_tol=goal, eval_limit=eval_limit)
    _WORK["integrations"] += 1
    _WORK["evaluations"] += calls if eval_limit is None else min(calls, eval_limit)
    if eval_limit is not None and calls >= eval_limit - 1:
        _WORK["given_up"] += 1
        return _indeterminate()
    return out


#: the integrands ``h`` built from ``f`` and ``f'``
INTEGRANDS = ("f", "f2", "df", "df2")


def _integrand(act: CatalogueActivation, h: str) -> tuple[list[tuple[Fraction | None,
                                                            Fraction | None, Fn]], Growth]:
    out: list[tuple[Fraction | None, Fraction | None, Fn]] = []
    for p in act.pieces:
        f, df = p.value, p.derivative
        fn: Fn
        if h == "f":
            fn = f
        elif h == "df":
            fn = df
        elif h == "f2":
            def fn(x: acb, an: bool, f: Fn = f) -> acb:
                y = f(x, an)
                return y * y
        elif h == "df2":
            def fn(x: acb, an: bool, df: Fn = df) -> acb:
                y = df(x, an)
                return y * y
        else:
            raise ValueError(f"unknown integrand {h!r}; choose one of {', '.join(INTEGRANDS)}")
        out.append((p.lo, p.hi, fn))
    g = {"f": act.growth, "df": act.derivative_growth,
         "f2": act.growth.times(act.growth),
         "df2": act.derivative_growth.times(act.derivative_growth)}[h]
    return out, g


def expectation(act: CatalogueActivation, h: str, a: arb, v: arb, weight: str = "density") -> arb:
    """``E h(z)`` (or its derivative in ``a`` / ``v``), ``h`` one of :data:`INTEGRANDS`."""
    pieces, growth = _integrand(act, h)
    return gaussian_expectation(pieces, growth, a, v, weight)


def moments(act: CatalogueActivation, a: arb, v: arb) -> tuple[arb, arb]:
    r"""``(E f(z), E f(z)^2)`` for ``z ~ N(a, v)`` (paper Eq. (4)-(5) for any activation).

    Both from one integral: :math:`g = f + i f^2` is holomorphic where ``f`` is, and on
    the real line (real ``a``, ``v``, so a real density) :math:`\mathrm{Re}\,g = f`,
    :math:`\mathrm{Im}\,g = f^2`; the real and imaginary parts of the enclosure of
    :math:`\int g\,\varphi_{a,v}` enclose the two moments, for one pass of the integrator
    (``|g| <= |f| + |f|^2`` bounds the tails).
    """
    pieces, both = joint_integrand(act)
    out = gaussian_expectation_complex(pieces, both, acb(a), v)
    return out.real, out.imag


def joint_integrand(act: CatalogueActivation) -> tuple[list[tuple[Fraction | None,
                                                                 Fraction | None, Fn]], Growth]:
    """The pieces of ``g = f + i f^2`` and the growth bound ``|g| <= |f| + |f|^2`` (for a
    real density the real part of a weighted integral of ``g`` is that of ``f``, the
    imaginary part that of ``f^2``: :func:`moments`).
    """
    pieces, growth = _integrand(act, "f")
    square = growth.times(growth)
    # P e^{r|x|} + P^2 e^{2r|x|} <= (P + P^2) e^{2r|x|}
    both = Growth(square.threshold, tuple(
        c + (growth.coeffs[k] if k < len(growth.coeffs) else 0)
        for k, c in enumerate(square.coeffs)), square.rate)
    i = acb(0, 1)

    def joint(fn: Fn) -> Fn:
        def g(x: acb, analytic: bool) -> acb:
            y = fn(x, analytic)
            return y + i * (y * y)
        return g

    return [(lo, hi, joint(fn)) for lo, hi, fn in pieces], both


def moment_gradients(act: CatalogueActivation, a: arb,
                     v: arb) -> tuple[tuple[arb, arb], tuple[arb, arb]]:
    """``((dEf/da, dEf/dv), (dEf^2/da, dEf^2/dv))`` by differentiating the density."""
    return ((expectation(act, "f", a, v, "d_mean"), expectation(act, "f", a, v, "d_var")),
            (expectation(act, "f2", a, v, "d_mean"), expectation(act, "f2", a, v, "d_var")))


def derivative_moments(act: CatalogueActivation, a: arb, v: arb) -> tuple[arb, arb]:
    """``(E f'(z), E f'(z)^2)`` (``chi_c/tau`` is the square of the first, ``chi_1/tau`` the
    second).
    """
    return expectation(act, "df", a, v), expectation(act, "df2", a, v)


#: ``[0, 1]`` as eight balls (an integrand's magnitude on a segment, bounded piecewise)
_EIGHTHS = [acb(arb(2 * i + 1, 1) / 16) for i in range(8)]


#: from this correlation on, :func:`pair_expectation` integrates over the midpoint of ``z``
#: and ``z'`` (cost independent of ``c``), below it by conditioning on ``z`` (cheaper there;
#: its cost grows like ``1/sqrt(1 - c)``)
MIDPOINT_FROM = Fraction(97, 100)


def pair_expectation(act: CatalogueActivation, h: str, a: arb, v: arb, c: arb) -> arb:
    r"""``E[h(z) h(z')]`` for jointly Gaussian ``z, z'`` with mean ``a``, variance ``v`` and
    correlation ``c`` (``|c| < 1`` certainly), ``h`` = ``"f"`` or ``"df"``.

    Two exact rewritings of the same double integral, each enclosed rigorously: by
    conditioning on ``z`` (:func:`_pair_conditional`) for ``c`` below
    :data:`MIDPOINT_FROM`, over the midpoint ``(z + z')/2`` (:func:`_pair_midpoint`) from
    there on, where conditioning would need outer steps of size ``~sqrt(1 - c)``.
    """
    if h not in ("f", "df"):
        raise ValueError("pair integrand must be 'f' or 'df'")
    if c.mid() >= ball(MIDPOINT_FROM):
        return _pair_midpoint(act, h, a, v, c)
    return _pair_conditional(act, h, a, v, c)


def _pair_conditional(act: CatalogueActivation, h: str, a: arb, v: arb, c: arb) -> arb:
    r""":func:`pair_expectation` by conditioning on ``z``: ``z' | z ~ N(m(z), v(1 - c^2))``,
    ``m(z) = a + c(z - a)``, and

    .. math:: E[h(z)h(z')] = E_z\bigl[h(z)\,G(z)\bigr], \qquad G(z) = E[h(w)],\
              w \sim N(m(z), v(1 - c^2)).

    ``G`` is entire in ``z`` (the Gaussian kernel is entire in its mean), so the outer
    integrand is holomorphic on each piece of ``h``; on the outer ellipses ``m(z)`` is
    complex and the inner tails carry the factor :math:`e^{(\mathrm{Im}\,m)^2/(2v(1-c^2))}`
    (:func:`gaussian_expectation_complex`).

    Bounds, from the growth bound ``|h(w)| <= P(|w|) = sum_k c_k |w|^k`` on the whole line
    (:func:`polynomial_growth`), ``s^2 = v(1 - c^2)``, ``u ~ N(0, 1)``:

    * on the ellipses (complex ``m``), for real ``w``,
      :math:`|h(w)\varphi(w; m, s^2)| \le P(|w|)\,e^{(\mathrm{Im}\,m)^2/(2s^2)}
      \varphi(w; \mathrm{Re}\,m, s^2)`, so :math:`|G| \le e^{(\mathrm{Im}\,m)^2/(2s^2)}
      E\,P(|\mathrm{Re}\,m + s u|)`, and with ``|Re m + s u| <= |Re m| + s|u|`` and ``P``
      nondecreasing, :math:`E\,P \le \sum_k c_k \sum_{j \le k} \binom{k}{j}
      |\mathrm{Re}\,m|^{k-j} s^j\,E|u|^j` (:func:`_shifted_moments`);
    * the outer growth: for real ``z``, ``|m(z)| <= |a||1 - c| + |c||z|``, so the same sum
      with ``|Re m|`` replaced by ``|a||1 - c| + |c||z|`` is a polynomial in ``|z|``
      bounding ``|G(z)|``, and ``P`` times it bounds the outer integrand.
    """
    s2 = v * (1 - c * c)
    if not s2 > 0:
        raise ValueError("pair expectation needs |c| < 1 certainly")
    pieces, growth = _integrand(act, h)
    coeffs = polynomial_growth(growth)
    ac, cc = acb(a), acb(c)

    s = s2.sqrt()

    def inner(z: acb, analytic: bool) -> acb:
        m = ac + cc * (z - ac)
        if not m.is_finite():
            return acb("nan")  # the outer integrator subdivides
        if analytic:  # on the integrator's ellipses a bound is all it needs (docstring)
            im = m.imag
            b = _growth_mean(coeffs, _shifted_moments(abs(m.real), s, len(coeffs) - 1)) \
                * (im * im / (2 * s2)).exp()
            rad = arb(0, b.upper())
            return acb(rad, rad)
        try:
            return gaussian_expectation_complex(pieces, growth, m, s2)
        except ValueError:  # a mean ball too wide to truncate: subdivide
            return acb("nan")

    # |G(z)| <= sum_k c_k sum_j C(k, j) s^j E|u|^j (A + B|z|)^(k - j), A = |a||1 - c|, B = |c|
    line = [abs(a) * abs(1 - c), abs(c)]

    def line_power(n: int) -> list[arb]:
        power = [arb(1)]
        for _ in range(n):
            power = _convolve(power, line)
        return power

    bound = [arb(0)]
    for k, ck in enumerate(coeffs):
        bound = _padd(bound, [ball(ck) * t for t in _binomial_sum(k, line_power, s)])
    g_growth = Growth(Fraction(0), tuple(_upper(x) for x in bound))

    def outer(fn: Fn) -> Fn:
        def product(z: acb, analytic: bool) -> acb:
            return fn(z, analytic) * inner(z, analytic)
        return product

    return gaussian_expectation([(lo, hi, outer(fn)) for lo, hi, fn in pieces],
                                growth.times(g_growth), a, v)


def _abs_moment(j: int) -> Fraction:
    """An exact rational upper bound of ``E|u|^j``, ``u ~ N(0, 1)``: ``(j - 1)!!``, the exact
    value for even ``j``; for odd ``j`` the exact value is ``sqrt(2/pi) (j - 1)!!``, below it.
    """
    return Fraction(math.prod(range(j - 1, 0, -2)))


def _shifted_moments(t: arb, s: arb, k_max: int) -> list[arb]:
    r"""Upper bounds of :math:`E(t + s|u|)^k`, ``k = 0..k_max``, ``u ~ N(0, 1)``, ``t, s >= 0``:
    :math:`\sum_{j \le k} \binom{k}{j} t^{k-j} s^j\,E|u|^j` (binomial expansion,
    :func:`_abs_moment`); also bounds of :math:`E|x|^k` for ``x ~ N(mu, s^2)``, ``|mu| <= t``.
    """
    return [_binomial_sum(k, lambda n: [_pow(t, n)], s)[0] for k in range(k_max + 1)]


def _binomial_sum(k: int, t_power: Callable[[int], list[arb]], s: arb) -> list[arb]:
    r"""Coefficients of :math:`\sum_{j \le k} \binom{k}{j} t^{k-j} s^j\,E|u|^j`, an upper
    bound of :math:`E(t + s|u|)^k` for ``t, s >= 0``, with ``t^n`` given as the coefficient
    list ``t_power(n)`` of a polynomial with non-negative coefficients (one number:
    :func:`_shifted_moments`; a polynomial in ``|z|``: :func:`_pair_conditional`).
    """
    out = [arb(0)]
    for j in range(k + 1):
        out = _padd(out, [_binomial(k, j) * p * _pow(s, j) * ball(_abs_moment(j))
                          for p in t_power(k - j)])
    return out


def _growth_mean(coeffs: Sequence[Fraction], moments: Sequence[arb]) -> arb:
    """``sum_k c_k m_k``: a bound of ``E P(|x|)`` from bounds ``m_k`` of ``E|x|^k``."""
    return sum((ball(ck) * m for ck, m in zip(coeffs, moments)), arb(0))


def _padd(p: Sequence[arb], q: Sequence[arb]) -> list[arb]:
    """The sum of two coefficient lists."""
    n = max(len(p), len(q))
    return [(p[i] if i < len(p) else arb(0)) + (q[i] if i < len(q) else arb(0))
            for i in range(n)]


def _pair_midpoint(act: CatalogueActivation, h: str, a: arb, v: arb, c: arb) -> arb:
    r""":func:`pair_expectation` by midpoint and half-difference: ``z = x + y``,
    ``z' = x - y`` with independent ``x ~ N(a, v(1 + c)/2)`` and ``y ~ N(0, b^2)``,
    ``b^2 = v(1 - c)/2``, and

    .. math:: E[h(z)h(z')] = E_x\big[K(x)\big], \qquad K(x) = E_y[h(x + y)\,h(x - y)].

    The inner integral is truncated to ``|y| <= r`` (``r`` rational, a few ``b``): its
    breakpoints are the kinks of each factor, ``y = k - x`` and ``y = x - k``, and their
    order changes only at ``x = (k_i + k_j)/2`` and ``x = k +/- r``.  Between consecutive
    such points (rational) the truncated ``K_r`` is a sum of integrals of products of
    piece functions between endpoints affine in ``x``: holomorphic in ``x``, so the outer
    integral is one :func:`gaussian_expectation` over these pieces.  Neither integral gets
    narrower as ``c -> 1``: ``x`` has a variance near ``v`` and the inner integrand is a
    Gaussian on its own scale ``b`` (a conditional variance ``v(1 - c^2)`` instead forces
    an outer step of size ``~sqrt(1 - c)``).

    Bounds, from the growth bound ``|h(w)| <= P(|w|) = sum_k c_k |w|^k`` on the whole line
    (:func:`polynomial_growth`; ``P`` is nondecreasing on ``[0, inf)``, and
    ``|x +- y| <= |x| + |y|``):

    * the outer growth: for ``|y| <= r``, ``|h(x + y)h(x - y)| <= P(|x| + r)^2``, and the
      density of ``y`` integrates to at most 1, so ``|K_r(x)| <= P(|x| + r)^2``, a polynomial
      in ``|x|`` with exact rational coefficients (``r`` is rational);
    * the inner truncation, added to the radius: the part of the double integral with
      ``|y| > r`` is at most :math:`E_x \int_{|y|>r} P(|x| + |y|)^2 \varphi_b(y)\,dy`.
      Written as :math:`P(|x| + |y|)^2 = \sum_n q_n(|x|)\,|y|^n` (binomial expansion; the
      ``q_n`` have non-negative coefficients), it is at most
      :math:`\sum_n E_x[q_n(|x|)] \int_{|y|>r} |y|^n \varphi_b(y)\,dy` (the tails of
      :func:`gaussian_tail_bound`), with ``E_x q_n(|x|)`` from the moments of ``|x|``,
      ``x ~ N(a, s_x^2)``: exact for even powers,
      :math:`E x^{2i} = \sum_{j} \binom{2i}{2j} a^{2i-2j} s_x^{2j} (2j-1)!!`, and for odd
      ones :math:`E|x|^k \le E(|a| + s_x|u|)^k` (:func:`_shifted_moments`).

    On the outer integrator's ellipses a bound is all it needs: ``|K_r(x)|`` is at most the
    sum over segments of the segment's length times the integrand's magnitude on it.
    """
    b2, vx = v * (1 - c) / 2, v * (1 + c) / 2
    if not (b2 > 0 and vx > 0):
        raise ValueError("pair expectation needs |c| < 1 certainly")
    pieces, growth = _integrand(act, h)
    coeffs = polynomial_growth(growth)
    # one formula for consecutive pieces that share it (splits that are no kink of h, e.g.
    # tanh's at 0 or gelu's at -2 and 2): fewer outer pieces
    merged: list[tuple[Fraction | None, Fn]] = []  # (upper end, formula)
    for _, hi, fn in pieces:
        if merged and merged[-1][1] is fn:
            merged[-1] = (hi, fn)
        else:
            merged.append((hi, fn))
    kinks = [hi for hi, _ in merged[:-1]]
    fns = [fn for _, fn in merged]
    goal = arb(2) ** -ctx.prec
    stop = give_up_time()
    # P(|x| + |y|)^2 = sum_n q_n(|x|) |y|^n, each q_n's mean over x from moments of |x|
    moments_x = _abs_moments(a, vx, 2 * (len(coeffs) - 1))
    r, inner_tail = _inner_radius([_growth_mean(q, moments_x) for q in _square_split(coeffs)],
                                  b2, goal)
    norm = 1 / (2 * arb.pi() * b2).sqrt()
    inv2b2 = 1 / (2 * b2)

    def piece_at(w: Fraction) -> int:
        return next(i for i, (hi, _) in enumerate(merged) if hi is None or w < hi)

    def outer_piece(x0: Fraction) -> Fn:
        """``K_r`` on the outer piece containing ``x0`` (not a breakpoint)."""
        # inner breakpoints as (constant, coefficient of x): k - x and x - k inside (-r, r)
        ends = [(-r, 0), (r, 0)] + [e for k in kinks for e in ((k, -1), (-k, 1))
                                    if -r < e[0] + e[1] * x0 < r]
        ends.sort(key=lambda e: e[0] + e[1] * x0)
        segments = []
        for (k0, s0), (k1, s1) in zip(ends, ends[1:]):
            y0 = (k0 + s0 * x0 + k1 + s1 * x0) / 2
            segments.append((ball(k0), s0, ball(k1), s1, fns[piece_at(x0 + y0)],
                             fns[piece_at(x0 - y0)]))

        def integrand(x: acb, analytic: bool) -> acb:
            total = acb(0)
            for k0, s0, k1, s1, f1, f2 in segments:
                lo, hi = k0 + s0 * x, k1 + s1 * x
                width = hi - lo

                def g(t: acb, an: bool, lo: acb = lo, width: acb = width, f1: Fn = f1,
                      f2: Fn = f2) -> acb:
                    if passed(stop):
                        return _indeterminate()
                    y = lo + t * width
                    return (f1(x + y, an) * f2(x - y, an) * (-(y * y) * inv2b2).exp()
                            * (width * norm))  # the density's scale: values of order 1
                if analytic:  # a bound: the largest magnitude on eighths of the segment
                    m = arb(0)
                    for t in _EIGHTHS:
                        y = abs(g(t, True))
                        if not y.is_finite():
                            return _indeterminate()
                        m = m.union(y)
                    m = m.upper()
                    total += acb(arb(0, m), arb(0, m))
                else:
                    total += acb.integral(g, 0, 1, rel_tol=goal, abs_tol=goal)
            return total
        return integrand

    points = sorted({(ki + kj) / 2 for ki in kinks for kj in kinks}
                    | {k + d for k in kinks for d in (-r, r)})
    reps = [points[0] - 1] + [(p + q) / 2 for p, q in zip(points, points[1:])] + \
        [points[-1] + 1] if points else [Fraction(0)]
    bounds = [None, *points, None]
    outer = [(lo, hi, outer_piece(x0)) for lo, hi, x0 in zip(bounds, bounds[1:], reps)]
    shifted = Growth(Fraction(0), _shift(coeffs, r))  # |K_r(x)| <= P(|x| + r)^2
    k_growth = shifted.times(shifted)
    total = gaussian_expectation(outer, k_growth, a, vx)
    return total + arb(0, inner_tail.upper())


def polynomial_growth(growth: Growth, needed_by: str = "pair expectation"
                      ) -> tuple[Fraction, ...]:
    """``(c_0, c_1, ...)`` of a growth bound ``sum_k c_k |x|^k`` valid on the whole line, or
    ``ValueError`` naming what ``needed_by`` it (a threshold or an exponential factor).
    """
    if growth.threshold != 0 or growth.rate != 0:
        raise ValueError(f"{needed_by} needs a polynomial growth bound valid on the whole "
                         "line (no exponential factor)")
    return growth.coeffs or (Fraction(0),)


def linear_growth(growth: Growth, needed_by: str = "pair expectation"
                  ) -> tuple[Fraction, Fraction]:
    """``(c_0, c_1)`` of a growth bound ``c_0 + c_1|x|`` valid on the whole line, or
    ``ValueError`` naming what ``needed_by`` it (a threshold, an exponential factor or a
    higher degree).
    """
    if len(growth.coeffs) > 2 or growth.threshold != 0 or growth.rate != 0:
        raise ValueError(f"{needed_by} needs a growth bound A + B|x| valid on the whole line")
    c0, c1 = (list(growth.coeffs) + [Fraction(0)])[:2]
    return c0, c1


def _shift(coeffs: Sequence[Fraction], r: Fraction) -> tuple[Fraction, ...]:
    """The coefficients of ``P(t + r)`` in ``t``:
    ``sum_k c_k sum_i C(k, i) r^(k - i) t^i``.
    """
    return tuple(sum((ck * _binomial(k, i) * r ** (k - i) for k, ck in enumerate(coeffs)
                      if k >= i), Fraction(0)) for i in range(len(coeffs)))


def _square_split(coeffs: Sequence[Fraction]) -> list[list[Fraction]]:
    """``q_n`` (coefficients in ``t``) with ``P(t + y)^2 = sum_n q_n(t) y^n``: from
    ``P(t + y) = sum_i p_i(t) y^i``, ``p_i(t) = sum_k c_k C(k, i) t^(k - i)``, ``q_n`` is
    ``sum_{i + l = n} p_i p_l``.
    """
    d = len(coeffs) - 1
    p = [[ck * _binomial(k, i) for k, ck in enumerate(coeffs) if k >= i] for i in range(d + 1)]
    out = [[Fraction(0)] * (2 * d + 1 - n) for n in range(2 * d + 1)]
    for i in range(d + 1):
        for j in range(d + 1):
            for e, x in enumerate(p[i]):
                for f, y in enumerate(p[j]):
                    out[i + j][e + f] += x * y
    return out


def _abs_moments(a: arb, v: arb, k_max: int) -> list[arb]:
    """Bounds of ``E|x|^k``, ``x ~ N(a, v)``, ``k = 0..k_max`` (see :func:`_pair_midpoint`):
    exact for even ``k``, :func:`_shifted_moments` for odd ``k``.
    """
    up = _shifted_moments(abs(a), v.sqrt(), k_max)
    out = []
    for k in range(k_max + 1):
        if k % 2:
            out.append(up[k])
        else:
            out.append(sum((_binomial(k, j) * _pow(a, k - j) * _pow(v, j // 2)
                            * ball(_abs_moment(j)) for j in range(0, k + 1, 2)), arb(0)))
    return out


def _inner_radius(coeffs: Sequence[arb], b2: arb, goal: arb) -> tuple[Fraction, arb]:
    """A rational ``r`` (a few ``b = sqrt(b2)``; chosen in floats, any choice is sound) with
    ``int_{|y| > r} sum_k c_k |y|^k phi_{0,b2}(y) dy`` below ``goal`` if a few tries reach
    it, and that bound.
    """
    b = math.sqrt(float(b2.upper()))
    t = math.sqrt(2 * ctx.prec * math.log(2)) + 1
    best: tuple[Fraction, arb] | None = None
    for _ in range(8):
        scale = 2 ** max(0, math.ceil(math.log2(16 / (b * t))))  # r to within 1/16
        r = Fraction(math.ceil(b * t * scale), scale)
        best = (r, gaussian_tail_bound(coeffs, arb(0), b2, ball(r)))
        if best[1].upper() < goal:
            break
        t += 2
    assert best is not None
    return best


def _upper(x: arb) -> Fraction:
    """An exact rational upper bound of a finite ball."""
    q = upper_fraction(x)
    if q is None:
        raise ValueError("growth coefficient is not finite")
    return q
