"""Certified Gaussian expectations by quadrature (selu_proof.kernel.quadrature).

* enclosures contain 40-digit mpmath values at random points, for every catalogue
  activation, for the density and both of its derivatives;
* the proved growth bounds hold beyond ``T``; the tail bound dominates the true tails;
* a wrong tail bound or a tampered constant is caught;
* SELU closed forms (generated arb code) and quadrature intersect on 1,000 random
  ``(a, v)`` boxes across the Theorem 1-3 domains, and agree to 1e-25 at points.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import numpy as np
import pytest
from flint import arb, ctx

from selu_proof.generated.arb_backends import moments as closed_moments
from selu_proof.kernel.activations import (
    CATALOGUE,
    ActivationError,
    CatalogueActivation,
    Growth,
    parse_activation,
)
from selu_proof.kernel.constants import constant_balls
from selu_proof.kernel.exact import ball, interval_ball
from selu_proof.kernel.quadrature import (
    derivative_moments,
    expectation,
    gaussian_expectation,
    gaussian_tail_bound,
    moments,
    work_done,
)

mp = mpmath.mp


def _mp_constants():
    """``alpha_01``, ``lambda_01`` from their closed forms (DESIGN.md), in mpmath."""
    e, r = mp.erfc(1 / mp.sqrt(2)), mp.sqrt(mp.e)
    alpha = -mp.sqrt(2 / mp.pi) / (e * r - 1)
    lam = ((1 - e * r) * mp.sqrt(2 * mp.pi)
           * (2 * mp.erfc(mp.sqrt(2)) * mp.e ** 2 + mp.pi * e ** 2 * mp.e
              - 2 * (2 + mp.pi) * e * r + mp.pi + 2) ** mp.mpf(-0.5))
    return alpha, lam


#: independent mpmath definitions (f, f', kinks); parameters as the specs below
SPECS = ["selu", "elu:alpha=1.5", "celu:alpha=0.7", "relu", "leaky_relu:slope=-0.2", "gelu",
         "silu:beta=1.7", "mish", "tanh", "softplus", "swish"]


def _mp_pair(spec: str):
    name, _, rest = spec.partition(":")
    p = {k: mp.mpf(v) for k, v in (item.split("=") for item in rest.split(",") if item)}
    sig = lambda u: 1 / (1 + mp.exp(-u))  # noqa: E731
    phi_cdf = lambda x: mp.erfc(-x / mp.sqrt(2)) / 2  # noqa: E731
    if name == "selu":
        al, la = _mp_constants()
        return (lambda x: la * x if x > 0 else la * al * mp.expm1(x),
                lambda x: la if x > 0 else la * al * mp.exp(x), [0])
    if name == "elu":
        al = p["alpha"]
        return (lambda x: x if x > 0 else al * mp.expm1(x),
                lambda x: 1 if x > 0 else al * mp.exp(x), [0])
    if name == "celu":
        al = p["alpha"]
        return (lambda x: x if x > 0 else al * mp.expm1(x / al),
                lambda x: 1 if x > 0 else mp.exp(x / al), [0])
    if name == "relu":
        return (lambda x: max(x, 0), lambda x: 1 if x > 0 else 0, [0])
    if name == "leaky_relu":
        s = p["slope"]
        return (lambda x: x if x > 0 else s * x, lambda x: 1 if x > 0 else s, [0])
    if name == "gelu":
        return (lambda x: x * phi_cdf(x),
                lambda x: phi_cdf(x) + x * mp.npdf(x), [])
    if name in ("silu", "swish"):
        b = p.get("beta", mp.mpf(1))
        return (lambda x: x * sig(b * x),
                lambda x: sig(b * x) + b * x * sig(b * x) * (1 - sig(b * x)), [])
    if name == "mish":
        sp = lambda x: mp.log1p(mp.exp(x))  # noqa: E731
        return (lambda x: x * mp.tanh(sp(x)),
                lambda x: mp.tanh(sp(x)) + x * mp.sech(sp(x)) ** 2 * sig(x), [])
    if name == "tanh":
        return (mp.tanh, lambda x: mp.sech(x) ** 2, [])
    if name == "softplus":
        return (lambda x: mp.log1p(mp.exp(x)), sig, [])
    raise AssertionError(name)


def _mp_expect(h, a, v, kinks, weight="density"):
    a, v = mp.mpf(a), mp.mpf(v)

    def w(x):
        d = x - a
        dens = mp.exp(-d * d / (2 * v)) / mp.sqrt(2 * mp.pi * v)
        if weight == "d_mean":
            return dens * d / v
        if weight == "d_var":
            return dens * (d * d - v) / (2 * v * v)
        return dens

    s = mp.sqrt(v)
    pts = sorted({*[mp.mpf(k) for k in kinks], a - 3 * s, a, a + 3 * s})
    return mp.quad(lambda x: h(x) * w(x), [-mp.inf, *pts, mp.inf])


@pytest.mark.parametrize("spec", SPECS)
def test_enclosures_contain_40_digit_mpmath_values(spec):
    act = parse_activation(spec)
    rng = np.random.default_rng(sum(map(ord, spec)))
    with mp.workdps(45):
        f, df, kinks = _mp_pair(spec)
        for _ in range(2):
            a = Fraction(int(rng.integers(-1500, 1500)), 1000)
            v = Fraction(int(rng.integers(100, 3000)), 1000)
            cases = [("f", f, "density"), ("f2", lambda x: f(x) ** 2, "density"),
                     ("df", df, "density"), ("df2", lambda x: df(x) ** 2, "density"),
                     ("f", f, "d_mean"), ("f2", lambda x: f(x) ** 2, "d_var")]
            with ctx.workprec(128):
                for h, fn, weight in cases:
                    got = expectation(act, h, arb(a.numerator) / a.denominator,
                                      arb(v.numerator) / v.denominator, weight)
                    ref = _mp_expect(fn, mp.mpf(a.numerator) / a.denominator,
                                     mp.mpf(v.numerator) / v.denominator, kinks, weight)
                    ref_ball = arb(mpmath.nstr(ref, 40, strip_zeros=False), "1e-38")
                    assert got.overlaps(ref_ball), (spec, h, weight, a, v, got, ref)
                    assert got.rad() < arb("1e-30"), (spec, h, weight, got)


def test_derivative_moments_are_steins_identity():
    """``d/da E f = E f'`` (integration by parts): two paths through the integrator."""
    for spec in ("elu:alpha=1.5", "gelu", "softplus"):
        act = parse_activation(spec)
        a, v = arb("0.3"), arb("1.2")
        assert expectation(act, "f", a, v, "d_mean").overlaps(derivative_moments(act, a, v)[0])


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_growth_bounds_hold_beyond_T(name):
    act = parse_activation(name)
    xs = np.concatenate([np.geomspace(1e-3, 1e4, 120), [0.5, 1, 2, 3, 30]])
    for g, fn in ((act.growth, act.value), (act.derivative_growth, act.derivative)):
        for x in xs:
            for sx in (x, -x):
                xb = arb(float(sx))  # exact: a binary double
                if abs(sx) < float(g.threshold):
                    continue
                with ctx.workprec(256):  # never certainly above the bound
                    assert abs(fn(xb)).lower() <= g.at(xb).upper(), (name, sx)


def test_tail_bound_dominates_the_true_tails():
    with mp.workdps(30):
        for coeffs, a, v, r in [((1, 1), "0.5", "2", 6), ((0, 0, 1), "-1", "0.3", 3),
                                ((2, 0, 0, 1), "0", "1", 5)]:
            with ctx.workprec(128):
                bound = gaussian_tail_bound([arb(c) for c in coeffs], arb(a), arb(v), arb(r))

            def h(x, coeffs=coeffs, a=a, v=v):
                poly = sum(c * abs(x) ** k for k, c in enumerate(coeffs))
                return poly * mp.npdf(x, mp.mpf(a), mp.sqrt(mp.mpf(v)))
            true = mp.quad(h, [r, mp.inf]) + mp.quad(h, [-mp.inf, -r])
            up = mp.mpf(bound.upper().str(30, radius=False))  # 30 digits of an exact end
            # at a = 0 the bound is the exact tail: allow the rounding of the comparison
            assert up >= true * (1 - mp.mpf("1e-25")), (coeffs, a, v, r)
            assert up < 100 * true + mp.mpf("1e-30")


def test_a_wrong_tail_bound_is_caught():
    """Claiming ``|f| <= 0`` on the tails of ``softplus`` drops mass the enclosure must hold:
    with a short truncation the enclosure then misses the mpmath value (the honest bound
    widens the same truncated integral to contain it)."""
    good = parse_activation("softplus")
    bad = CatalogueActivation("softplus", good.params, good.pieces,
                              Growth(Fraction(0), (Fraction(0),)), good.derivative_growth)
    with mp.workdps(40):
        f, _, kinks = _mp_pair("softplus")
        ref = _mp_expect(f, 0, 1, kinks)
    ref_ball = arb(mpmath.nstr(ref, 35))
    pieces = [(p.lo, p.hi, p.value) for p in good.pieces]
    honest = gaussian_expectation(pieces, good.growth, arb(0), arb(1), truncation=Fraction(4))
    wrong = gaussian_expectation(pieces, bad.growth, arb(0), arb(1), truncation=Fraction(4))
    assert honest.overlaps(ref_ball)
    assert not wrong.overlaps(ref_ball)
    with pytest.raises(ValueError, match="threshold"):
        gaussian_expectation(pieces, Growth(Fraction(9), (Fraction(1),)), arb(0), arb(1),
                             truncation=Fraction(4))


def _selu_quadrature_and_closed(a: arb, v: arb, alpha: arb, lam: arb):
    act = parse_activation("selu")
    quad = moments(act, a, v)
    closed = closed_moments(a, v, alpha, lam)
    return quad, closed[:2]


#: (a, v) ranges: a = mu*omega, v = nu*tau over Theorems 1, 2 and 3's domains
DOMAINS = [((Fraction(-1, 100), Fraction(1, 100)), (Fraction(76, 100), Fraction(165, 100))),
           ((Fraction(-1, 10), Fraction(1, 10)), (Fraction(24, 10), Fraction(20))),
           ((Fraction(-1, 100), Fraction(1, 100)), (Fraction(16, 1000), Fraction(3, 10)))]


def _domain_point(rng: np.random.Generator, k: int) -> tuple[Fraction, Fraction]:
    """A random exact ``(a, v)`` in the ``k % 3``-th theorem's range."""
    (alo, ahi), (vlo, vhi) = DOMAINS[k % 3]
    a0 = alo + (ahi - alo) * Fraction(int(rng.integers(0, 10**6)), 10**6)
    return a0, vlo + (vhi - vlo) * Fraction(int(rng.integers(0, 10**6)), 10**6)


def test_selu_closed_forms_and_quadrature_intersect_on_1000_boxes():
    rng = np.random.default_rng(17)
    n = 0
    with ctx.workprec(64):
        alpha, lam = constant_balls(64)
        for k in range(1002):
            a0, v0 = _domain_point(rng, k)
            width = Fraction(1, 10**7)
            a, v = interval_ball(a0, a0 + width), interval_ball(v0, v0 + width)
            quad, closed = _selu_quadrature_and_closed(a, v, alpha, lam)
            for q, c in zip(quad, closed, strict=True):
                assert q.overlaps(c), (a0, v0, q, c)
                assert q.rad() < arb("1e-4") and c.rad() < arb("1e-4")
            n += 1
    assert n >= 1000


def test_selu_closed_forms_and_quadrature_agree_to_1e_25_at_points():
    rng = np.random.default_rng(25)
    with ctx.workprec(128):
        alpha, lam = constant_balls(128)
        for k in range(15):
            a0, v0 = _domain_point(rng, k)
            a, v = interval_ball(a0, a0), interval_ball(v0, v0)
            quad, closed = _selu_quadrature_and_closed(a, v, alpha, lam)
            for q, c in zip(quad, closed, strict=True):
                assert abs(q - c).upper() < arb("1e-25"), (a0, v0, q, c)


def test_a_tampered_constant_is_caught():
    """``alpha_01`` off by 1e-20: closed form and quadrature no longer intersect."""
    with ctx.workprec(128):
        alpha, lam = constant_balls(128)
        a, v = arb(0), arb(1)
        quad = moments(parse_activation("selu"), a, v)
        tampered = closed_moments(a, v, alpha + arb("1e-20"), lam)
        assert not quad[0].overlaps(tampered[0])
        assert quad[0].overlaps(closed_moments(a, v, alpha, lam)[0])


@pytest.mark.parametrize("spec", SPECS)
def test_float_and_torch_twins_agree_with_the_ball_values(spec):
    torch = pytest.importorskip("torch")
    from selu_proof.numeric.activations import float_twin
    from selu_proof.torch.activations import torch_twin

    act = parse_activation(spec)
    f, df = float_twin(act)
    tf = torch_twin(act)
    xs = np.linspace(-7, 7, 57)
    for x in xs:
        xb = arb(float(x))  # the binary double itself
        val, der = float(act.value(xb)), float(act.derivative(xb))
        assert abs(float(f(x)) - val) <= 1e-13 * max(1, abs(val)), (spec, x)
        assert abs(float(df(x)) - der) <= 1e-13 * max(1, abs(der)), (spec, x)
        t = float(tf(torch.tensor(x, dtype=torch.float64)))
        assert abs(t - val) <= 1e-12 * max(1, abs(val)), (spec, x)


@pytest.mark.parametrize("text, message", [
    ("softmax", "unknown activation"),
    ("elu:beta=1", "unknown parameter 'beta'"),
    ("elu:alpha=nan", "not a finite exact decimal"),
    ("elu:alpha=inf", "not a finite exact decimal"),
    ("elu:alpha=-1", "out of range"),
    ("celu:alpha=0", "out of range"),
    ("silu:beta=1e9", "out of range"),
    ("elu:alpha", "expected key=value"),
    ("elu:alpha=1,alpha=2", "given twice"),
])
def test_bad_activation_specs_are_refused_with_one_line(text, message):
    with pytest.raises(ActivationError, match=message) as err:
        parse_activation(text)
    assert "\n" not in str(err.value)


def test_parsed_parameters_are_exact_and_aliases_resolve():
    act = parse_activation("swish:beta=0.1")
    assert act.name == "silu" and act.params["beta"] == Fraction(1, 10)
    assert parse_activation("selu").params == {"alpha": "alpha_01", "lambda": "lambda_01"}
    assert parse_activation("relu").kinks == (0,)


def test_pair_expectations_contain_the_arc_cosine_kernel_and_the_closed_form_inner_map():
    """ReLU: ``E[relu(z)relu(z')] = (sin t + (pi - t) cos t)/(2 pi)``,
    ``E[relu'(z)relu'(z')] = (pi - t)/(2 pi)``, ``cos t = c`` (unit variance, zero mean);
    SELU: the (uncertified) mpmath map of the closed-form inner expectation."""
    from selu_proof.kernel.quadrature import pair_expectation
    from selu_proof.meanfield import correlation_map

    relu = parse_activation("relu")
    with ctx.workprec(96), mp.workdps(35):
        for c in ("-0.7", "0.3", "0.9"):
            t = mp.acos(mp.mpf(c))
            got = pair_expectation(relu, "f", arb(0), arb(1), arb(c))
            ref = (mp.sin(t) + (mp.pi - t) * mp.cos(t)) / (2 * mp.pi)
            assert got.overlaps(arb(mpmath.nstr(ref, 30), "1e-28")), (c, got)
            got = pair_expectation(relu, "df", arb(0), arb(1), arb(c))
            assert got.overlaps(arb(mpmath.nstr((mp.pi - t) / (2 * mp.pi), 30), "1e-28"))
            assert got.rad() < arb("1e-25")
        selu = parse_activation("selu")
        alpha, lam = _mp_constants()
        a, v, c = mp.mpf("0.05"), mp.mpf("1.2"), mp.mpf("0.6")
        with mp.workdps(30):
            ref = correlation_map(c, a, v, alpha, lam, dps=30)
        got = pair_expectation(selu, "f", arb("0.05"), arb("1.2"), arb("0.6"))
        m1, m2 = moments(selu, arb("0.05"), arb("1.2"))
        cmap = (got - m1 * m1) / (m2 - m1 * m1)
        assert cmap.overlaps(arb(mpmath.nstr(ref, 25), "1e-23")), (cmap, ref)


def test_pair_expectation_over_a_correlation_ball_contains_its_points():
    from selu_proof.kernel.quadrature import pair_expectation

    act = parse_activation("tanh")
    with ctx.workprec(64):
        wide = pair_expectation(act, "f", arb(0), arb(1), arb("0.5", "0.01"))
        for c in ("0.49", "0.5", "0.51"):
            assert wide.overlaps(pair_expectation(act, "f", arb(0), arb(1), arb(c)))
        assert wide.rad() < arb("0.01")


def _counting(act: CatalogueActivation, cap: int) -> tuple[CatalogueActivation, list[int]]:
    """``act`` whose piece functions count their calls and raise past ``cap`` (a formula
    shared by pieces stays shared)."""
    import dataclasses

    calls, wrapped = [0], {}

    def wrap(fn):
        if id(fn) not in wrapped:
            def counted(x, an, fn=fn):
                calls[0] += 1
                if calls[0] > cap:
                    raise RuntimeError(f"more than {cap} evaluations")
                return fn(x, an)
            wrapped[id(fn)] = counted
        return wrapped[id(fn)]

    pieces = tuple(dataclasses.replace(p, value=wrap(p.value), derivative=wrap(p.derivative))
                   for p in act.pieces)
    return dataclasses.replace(act, pieces=pieces), calls


def test_pair_expectation_near_c_one_costs_a_bounded_number_of_evaluations():
    """Conditioning on ``z`` needs outer steps of size ``~sqrt(1 - c)``: tanh took 0.6 and
    2.1 million evaluations at c = 0.99 and 0.999 (about 65 million at 1 - 1e-6, several
    minutes). Over the midpoint ``(z + z')/2`` the count does not grow as ``c -> 1``."""
    from selu_proof.kernel.quadrature import pair_expectation

    counts = []
    with ctx.workprec(64):
        for c in ("0.999", "0.999999"):
            act, calls = _counting(parse_activation("tanh"), 1_000_000)
            assert pair_expectation(act, "f", arb(0), arb(1), arb(c)).rad() < arb("1e-12")
            counts.append(calls[0])
    assert counts[1] < 1.5 * counts[0], counts


def test_pair_expectation_near_one_contains_the_series_of_price_theorem():
    """An independent value at c = 1 - d, d = 1e-4 (tanh, z ~ N(0, 1)): by Price's theorem
    ``d^k/dc^k E[f(z)f(z')] = E[f^(k)(z) f^(k)(z')]``, at ``c = 1`` ``E[f^(k)(z)^2]``; these
    derivatives are non-negative and increase on [0, 1] (Hermite expansion), so the Taylor
    sum to k = 4 errs by at most ``d^5/5! E[f^(5)(z)^2]`` (< 1e-19). ``f^(k)`` are
    polynomials in ``t = tanh x``: ``D p(t) = p'(t)(1 - t^2)``. The 2-D mpmath integral
    (conditioning, 60 s) gives the same 0.39424805160844278477."""
    from selu_proof.kernel.quadrature import pair_expectation

    with mp.workdps(30):
        polys = [[0, 1]]  # coefficients of t^0, t^1, ...
        for _ in range(5):
            dp = [k * c for k, c in enumerate(polys[-1])][1:]
            polys.append([a - b for a, b in zip(dp + [0, 0], [0, 0] + dp)])

        def moment(p):
            return mp.quad(lambda x: mp.polyval(p[::-1], mp.tanh(x)) ** 2 * mp.npdf(x),
                           [-mp.inf, 0, mp.inf])

        d = mp.mpf("1e-4")
        ref = mp.fsum((-d) ** k / mp.factorial(k) * moment(p) for k, p in enumerate(polys[:5]))
        assert d ** 5 / 120 * moment(polys[5]) < mp.mpf("1e-19")
    with ctx.workprec(128):
        c = arb("0.9999")  # exact to 128 bits: 1 - c keeps its digits at 80
    with ctx.workprec(80):
        got = pair_expectation(parse_activation("tanh"), "f", arb(0), arb(1), c)
    assert got.overlaps(arb(mpmath.nstr(ref, 25), "1e-18")), (got, ref)
    assert got.rad() < arb("1e-18")


@pytest.mark.parametrize("spec, h, a, v", [("relu", "f", "0", "1"), ("relu", "df", "0", "1"),
                                           ("tanh", "f", "0.2", "0.7"),
                                           ("elu:alpha=1.5", "f", "0.3", "1.3")])
def test_the_two_forms_of_the_pair_expectation_agree(spec, h, a, v):
    """Conditioning on ``z`` and integrating over the midpoint are two rewritings of one
    double integral (kinks: relu, elu; a split that is no kink: tanh; a mean: elu, tanh)."""
    from selu_proof.kernel.quadrature import _pair_conditional, _pair_midpoint

    act = parse_activation(spec)
    with ctx.workprec(53):
        x = _pair_midpoint(act, h, arb(a), arb(v), arb("0.97"))
        y = _pair_conditional(act, h, arb(a), arb(v), arb("0.97"))
    assert x.overlaps(y) and x.rad() < arb("1e-12") and y.rad() < arb("1e-12")


def test_a_mean_ball_around_zero_gives_a_finite_enclosure_of_its_points():
    """``|a|`` of a ball around 0 reaches 0: the tail bound must stay finite there."""
    act = parse_activation("elu:alpha=1.5")
    with ctx.workprec(96):
        wide = moments(act, arb(0, "1e-6"), arb("1.1", "1e-6"))
        for a in ("-1e-6", "0", "1e-6"):
            for w, p in zip(wide, moments(act, arb(a), arb("1.1")), strict=True):
                assert w.is_finite() and w.overlaps(p)
        assert wide[0].rad() < arb("1e-5")


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_moment_pair_from_one_integral_matches_two(name):
    """``moments`` takes ``E f`` and ``E f^2`` as the real and imaginary parts of one integral
    of ``f + i f^2``; each must agree with its own integral, tightly (a swap or a lost part
    fails: ``E f^2 > 0`` differs from ``E f``)."""
    act = parse_activation(name)
    with ctx.workprec(128):
        for a, v in (("0.1", "1.3"), ("-0.7", "0.05"), ("2", "9")):
            m1, m2 = moments(act, arb(a), arb(v))
            e1, e2 = expectation(act, "f", arb(a), arb(v)), expectation(act, "f2", arb(a), arb(v))
            assert m1.overlaps(e1) and m2.overlaps(e2), (name, a, v)
            assert m1.rad() < 1e-30 and m2.rad() < 1e-30 and m2 > 0


def test_the_density_bound_on_a_wide_ball_holds_at_every_point_of_it():
    """``quadrature._density_bound`` (the density's modulus on the integrator's ellipses,
    from the ends of ``|Re(x - a)|`` and ``|Im(x - a)|``) at the corners and inside of wide
    complex balls, for a complex mean ball and a variance ball: never below the modulus."""
    from flint import acb

    from selu_proof.kernel.quadrature import _density_bound

    rng = np.random.default_rng(3)
    mpmath.mp.dps = 30
    for _ in range(200):
        mid, r = rng.uniform(-15, 15), float(rng.choice([0.01, 0.3, 1, 3, 8]))
        a_re, a_im = rng.uniform(-2, 2), float(rng.choice([0, 0, 0.5]))
        v_lo = float(rng.uniform(0.05, 5))
        v_hi = v_lo * float(rng.choice([1, 1.5]))
        with ctx.workprec(128):
            x = acb(arb(mid, r), arb(0, 0.87 * r))
            a = acb(arb(a_re, 0.1), arb(a_im, 0.05))
            v = interval_ball(Fraction(v_lo), Fraction(v_hi))
            norm = 1 / (2 * arb.pi() * v).sqrt()
            got = _density_bound(x - a, 1 / (2 * v), norm)
        if got is None:  # refused as too large to help (e^1000): nothing to check
            continue
        bound = float(got.real.rad())
        for px in (mid - 0.999 * r, mid + 0.999 * r, mid):
            for py in (-0.87 * 0.999 * r, 0, 0.87 * 0.999 * r):
                for pa, pv in ((a_re - 0.099, v_lo), (a_re + 0.099, v_hi),
                               (a_re, (v_lo + v_hi) / 2)):
                    d = mpmath.mpc(px - pa, py - a_im)
                    phi = abs(mpmath.exp(-d * d / (2 * pv)) / mpmath.sqrt(2 * mpmath.pi * pv))
                    assert phi <= bound * (1 + 1e-12), (mid, r, pa, pv, phi, bound)


@pytest.mark.parametrize("name, most", [
    ("relu", 120), ("selu", 230), ("gelu", 340), ("erf", 490), ("gelu_tanh", 800),
    ("asinh", 760), ("bent_identity", 900)])
def test_a_point_moment_pair_needs_few_integrand_evaluations(name, most):
    """Counted, not timed (``benchmarks/bench_quadrature.py`` times it): the pair at 128
    bits, ``z ~ N(0.1, 1.3)``.  Before the density was bounded on the integrator's ellipses
    from the ends of the real and imaginary parts of ``x - a`` (ball arithmetic on
    ``(x - a)^2`` loses ``2|Re| r``, which the integrator paid in smaller ellipses), and
    before the tighter forms on wide balls, it took relu 208, selu 414, gelu 417, erf 538,
    gelu_tanh 984, asinh 1034 and bent_identity 1038 evaluations."""
    act = parse_activation(name)
    with ctx.workprec(128):
        before = work_done()["evaluations"]
        m1, m2 = moments(act, arb("0.1"), arb("1.3"))
        spent = work_done()["evaluations"] - before
    assert m2.rad() < 1e-35 and m1.is_finite()
    assert spent <= most, (name, spent)
def _quadratic_pair(h: str, a: Fraction, v: Fraction, c: Fraction) -> Fraction:
    """``E[h(z)h(z')]`` for ``f = x + x^2/8`` in closed form (Isserlis): with ``z = a + X``,
    ``z' = a + Y``, ``f(z) = al + be X + X^2/8`` (``al = a + a^2/8``, ``be = 1 + a/4``),
    ``E[XY] = cv``, third moments 0, ``E[X^2 Y^2] = v^2(1 + 2c^2)``; ``f' = be + X/4``."""
    al, be, ga = a + a * a / 8, 1 + a / 4, Fraction(1, 8)
    if h == "df":
        return be * be + c * v / 16
    return al * al + 2 * al * ga * v + be * be * c * v + ga * ga * v * v * (1 + 2 * c * c)


#: ``E[f(z)f(z')]``, ``z, z' ~ N(0, 1)`` with correlation ``c``: mpmath's ``quad`` nested, at
#: ``mp.dps = 20`` (gelu_tanh's constants at that precision; at 25 digits its value at -0.3
#: is 0.01264705245888220935213, 5e-23 away).  Conditioning on ``z`` (``z' = c z + s y``,
#: ``s = sqrt(1 - c^2)``) up to 0.4; at 0.98 that nesting is off by about 1e-5 without
#: warning (float Gauss-Hermite on 300^2 nodes gives 1.051033579035037 for bent_identity),
#: so there over the midpoint: ``z, z' = m +- d``, ``m ~ N(0, (1 + c)/2)``,
#: ``d ~ N(0, (1 - c)/2)`` independent (at 0.4 the two agree to 4e-22)
_PAIR_REFERENCES = {
    "gelu_tanh": {"-0.9": "-0.06905671277664696794951", "-0.3": "0.01264705245888220935218",
                  "0.4": "0.1940081804620415525136", "0.98": "0.4161320486420202920085"},
    "bent_identity": {"-0.9": "-0.8353687572081116020277", "-0.3": "-0.2649771994155458728528",
                      "0.4": "0.4378366044344831691042", "0.98": "1.051033579035037152973"},
}


@pytest.mark.parametrize("c", ["-0.9", "-0.3", "0.4", "0.98"])
def test_pair_expectations_with_polynomial_growth_contain_the_reference_values(c):
    """Growth bounds of higher degree (gelu_tanh's ``f'``: ``|x|^3``; bent_identity's ``f``:
    ``|x|^2``; ``x + x**2/8``: ``|x|^2``) in both forms of the pair expectation (c = 0.98
    takes the midpoint path): the enclosures contain the closed form of ``x + x**2/8`` (at a
    mean and variance other than 0 and 1 too) and the mpmath double integrals of
    :data:`_PAIR_REFERENCES`.  Before, only ``A + B|x|`` was accepted (one error line).

    The references take about a minute each, so they are stored."""
    from selu_proof.kernel.quadrature import pair_expectation

    quad = parse_activation("x + x**2/8")
    assert len(quad.growth.coeffs) == 3
    cq = Fraction(c)
    with ctx.workprec(64):
        for h in ("f", "df"):
            for a, v in ((Fraction(0), Fraction(1)), (Fraction(3, 10), Fraction(6, 5))):
                got = pair_expectation(quad, h, ball(a), ball(v), ball(cq))
                ref = _quadratic_pair(h, a, v, cq)
                assert got.overlaps(ball(ref)) and got.rad() < arb("1e-15"), (h, a, v, got)
        for name, refs in _PAIR_REFERENCES.items():
            act = parse_activation(name)
            assert len(act.growth.coeffs) + len(act.derivative_growth.coeffs) > 4
            got = pair_expectation(act, "f", arb(0), arb(1), ball(cq))
            assert got.overlaps(arb(refs[c], "1e-19")) and got.rad() < arb("1e-15"), \
                (name, got)


def test_a_pair_expectation_refuses_an_exponential_growth_factor_in_one_line():
    from selu_proof.kernel.quadrature import pair_expectation

    act = parse_activation("x + exp(x/4)")
    with pytest.raises(ValueError, match="no exponential factor") as err:
        pair_expectation(act, "f", arb(0), arb(1), arb("0.5"))
    assert "\n" not in str(err.value)
