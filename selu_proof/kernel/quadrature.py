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

from flint import acb, arb, ctx

from selu_proof.kernel.activations import CatalogueActivation, Fn, Growth
from selu_proof.kernel.exact import ball, upper_fraction
from selu_proof.kernel.give_up import give_up_time, passed

__all__ = ["gaussian_tail_bound", "gaussian_expectation", "gaussian_expectation_complex",
           "expectation", "moments",
           "moment_gradients", "derivative_moments", "pair_expectation", "INTEGRANDS",
           "WEIGHTS", "density_derivative", "weight_polynomial"]

#: the weights multiplying ``h`` (the density and its first and second derivatives in
#: ``a`` and ``v``)
WEIGHTS = ("density", "d_mean", "d_var", "d2_mean", "d_mean_var", "d2_var")


def _indeterminate() -> acb:
    """A ball that says nothing: not finite in its real nor in its imaginary part."""
    return acb(arb.nan(), arb.nan())


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
        if len(weight) != 2 or not all(isinstance(n, int) and 0 <= n <= 4 for n in weight):
            raise ValueError(f"derivative orders must be two integers in [0, 4], got {weight!r}")
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
    total = arb(0)
    for k, c in enumerate(coeffs):
        inner = arb(0)
        for j in range(k + 1):
            inner += _binomial(k, j) * _pow(absa, k - j) * _pow(s, j) * m[j]
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
    if truncation is None:
        r, tail = _truncation(coeffs, re, v, growth.threshold, goal)
    else:
        if truncation < growth.threshold:
            raise ValueError("truncation point below the growth bound's threshold T")
        r, tail = truncation, gaussian_tail_bound(coeffs, re, v, ball(truncation))
    if not im.is_zero():
        tail = tail * (im * im / (2 * v)).exp()
    ca, inv2v = a, 1 / (2 * v)
    norm = 1 / (2 * arb.pi() * v).sqrt()

    def weighted(fn: Fn) -> Callable[[acb, bool], acb]:
        if weight == "density":
            def integrand(x: acb, analytic: bool) -> acb:
                d = x - ca
                return fn(x, analytic) * (-(d * d) * inv2v).exp() * norm
        elif weight == "d_mean":
            def integrand(x: acb, analytic: bool) -> acb:
                d = x - ca
                return fn(x, analytic) * (-(d * d) * inv2v).exp() * norm * d / v
        elif weight == "d_var":
            def integrand(x: acb, analytic: bool) -> acb:
                d = x - ca
                d2 = d * d
                return fn(x, analytic) * (-d2 * inv2v).exp() * norm * (d2 - v) * inv2v / v
        else:
            poly = weight_polynomial(weight, v)

            def integrand(x: acb, analytic: bool) -> acb:
                d = x - ca
                p = acb(0)
                for c in reversed(poly):
                    p = p * d + c
                return fn(x, analytic) * (-(d * d) * inv2v).exp() * norm * p
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
    pieces, growth = _integrand(act, "f")
    square = growth.times(growth)
    both = Growth(square.threshold, tuple(
        c + (growth.coeffs[k] if k < len(growth.coeffs) else 0)
        for k, c in enumerate(square.coeffs)))
    i = acb(0, 1)

    def joint(fn: Fn) -> Fn:
        def g(x: acb, analytic: bool) -> acb:
            y = fn(x, analytic)
            return y + i * (y * y)
        return g

    out = gaussian_expectation_complex([(lo, hi, joint(fn)) for lo, hi, fn in pieces], both,
                                       acb(a), v)
    return out.real, out.imag


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


def pair_expectation(act: CatalogueActivation, h: str, a: arb, v: arb, c: arb) -> arb:
    r"""``E[h(z) h(z')]`` for jointly Gaussian ``z, z'`` with mean ``a``, variance ``v`` and
    correlation ``c`` (``|c| < 1`` certainly), ``h`` = ``"f"`` or ``"df"``.

    Conditioning on ``z``: ``z' | z ~ N(m(z), v(1 - c^2))``, ``m(z) = a + c(z - a)``, and

    .. math:: E[h(z)h(z')] = E_z\bigl[h(z)\,G(z)\bigr], \qquad G(z) = E[h(w)],\
              w \sim N(m(z), v(1 - c^2)).

    ``G`` is entire in ``z`` (the Gaussian kernel is entire in its mean), so the outer
    integrand is holomorphic on each piece of ``h``; on the outer ellipses ``m(z)`` is
    complex and the inner tails carry the factor :math:`e^{(\mathrm{Im}\,m)^2/(2v(1-c^2))}`
    (:func:`gaussian_expectation_complex`).  Outer tails: for real ``z`` and
    ``|h(w)| <= c_0 + c_1|w|``, :math:`|G(z)| \le c_0 + c_1 E|m(z) + s u|
    \le c_0 + c_1(|a||1 - c| + s) + c_1|c||z|` (``s^2 = v(1 - c^2)``, ``E|u| <= 1``).
    """
    if h not in ("f", "df"):
        raise ValueError("pair integrand must be 'f' or 'df'")
    s2 = v * (1 - c * c)
    if not s2 > 0:
        raise ValueError("pair expectation needs |c| < 1 certainly")
    pieces, growth = _integrand(act, h)
    if len(growth.coeffs) > 2 or growth.threshold != 0:
        raise ValueError("pair expectation needs a growth bound A + B|x| valid on the whole line")
    c0, c1 = (list(growth.coeffs) + [Fraction(0)])[:2]
    ac, cc = acb(a), acb(c)

    s = s2.sqrt()

    def inner(z: acb, analytic: bool) -> acb:
        m = ac + cc * (z - ac)
        if not m.is_finite():
            return acb("nan")  # the outer integrator subdivides
        if analytic:
            # on the integrator's ellipses a bound is all it needs: for real w,
            # |h(w) phi(w; m, s^2)| <= (c0 + c1|w|) e^{(Im m)^2/(2 s^2)} phi(w; Re m, s^2)
            # and E|w| <= |Re m| + s for w ~ N(Re m, s^2)
            im = m.imag
            b = (ball(c0) + ball(c1) * (abs(m.real) + s)) * (im * im / (2 * s2)).exp()
            rad = arb(0, b.upper())
            return acb(rad, rad)
        try:
            return gaussian_expectation_complex(pieces, growth, m, s2)
        except ValueError:  # a mean ball too wide to truncate: subdivide
            return acb("nan")

    bound = [ball(c0) + ball(c1) * (abs(a) * abs(1 - c) + s), ball(c1) * abs(c)]
    g_growth = Growth(Fraction(0), tuple(_upper(x) for x in bound))

    def outer(fn: Fn) -> Fn:
        def product(z: acb, analytic: bool) -> acb:
            return fn(z, analytic) * inner(z, analytic)
        return product

    return gaussian_expectation([(lo, hi, outer(fn)) for lo, hi, fn in pieces],
                                growth.times(g_growth), a, v)


def _upper(x: arb) -> Fraction:
    """An exact rational upper bound of a finite ball."""
    q = upper_fraction(x)
    if q is None:
        raise ValueError("growth coefficient is not finite")
    return q
