"""The spectral norm of the Jacobian over a box: the vertex bound of
:func:`selu_proof.kernel.activation_claims.largest_singular_value` and what it proves.

The spectral norm is convex in the matrix, so on a box of matrices its maximum is at a
vertex; the closed form in ball arithmetic treats ``a + d`` and ``a - d`` as independent.
"""

from __future__ import annotations

import copy
import json
import random
from fractions import Fraction

import mpmath
import pytest
from flint import arb, ctx

from selu_proof.kernel.activation_claims import largest_singular_value
from selu_proof.kernel.checker import check_certificate
from selu_proof.search.design_proof import activation_key, design_shape, designed_spec
from selu_proof.search.prover import prove_spec


def _ball(lo: float, hi: float) -> arb:
    return arb(lo).union(arb(hi))


def _norm(entries: list[mpmath.mpf]) -> mpmath.mpf:
    """The largest singular value by mpmath's SVD at 40 digits (independent of the formula)."""
    with mpmath.workdps(40):
        return max(mpmath.svd_r(mpmath.matrix([entries[:2], entries[2:]]), compute_uv=False))


def test_enclosure_contains_the_norm_of_every_sampled_matrix():
    """400 random entry boxes (a third of the entries straddling 0), 20 matrices in each:
    every norm by SVD lies in the enclosure, and the upper end is the best vertex's norm
    (to 1e-7: a ball's radius has a 30-bit mantissa, so its ends lie up to about 1e-9
    outside the interval it was made from).
    """
    rng = random.Random(7)
    with ctx.workprec(128):
        for _ in range(400):
            ends = []
            for _k in range(4):
                c = rng.uniform(-1, 1) if rng.random() > 1 / 3 else 0.0
                r = rng.uniform(0, 0.3)
                ends.append((c - r, c + r))
            s = largest_singular_value(*(_ball(lo, hi) for lo, hi in ends))
            assert s.is_finite()
            for _j in range(20):
                m = [mpmath.mpf(rng.uniform(lo, hi)) for lo, hi in ends]
                x = _norm(m)
                assert mpmath.mpf(s.lower()) <= x <= mpmath.mpf(s.upper()), (ends, m)
            best = max(_norm([mpmath.mpf(e[i]) for e, i in zip(ends, idx)])
                       for idx in [(i, j, k, m) for i in (0, 1) for j in (0, 1)
                                   for k in (0, 1) for m in (0, 1)])
            assert mpmath.mpf(s.upper()) - best < mpmath.mpf("1e-7")


def test_vertex_bound_is_tighter_than_the_formula():
    """A near-diagonal box: the maximum is max |d| plus a little (at a vertex), not
    ``(max(a + d) + max|a - d|)/2 = 0.75`` as the closed form on balls gives.
    """
    with ctx.workprec(128):
        s = largest_singular_value(_ball(0.25, 0.35), _ball(-0.005, 0.005),
                                   _ball(-0.005, 0.005), _ball(0.6, 0.7))
    assert s.upper() < 0.7002
    best = _norm([mpmath.mpf(x) for x in (0.35, 0.005, 0.005, 0.7)])
    assert s.upper() >= best


def test_root_of_a_sum_of_squares_reaching_below_zero_is_not_nan():
    """``(c - b)^2`` with ``c - b`` a ball around 0 reaches below 0 in ball arithmetic; the
    enclosure is finite (it was NaN, which forced the prover to split such boxes).
    """
    with ctx.workprec(64):
        s = largest_singular_value(_ball(0.2, 0.3), _ball(-0.01, 0.01), _ball(-0.02, 0.01),
                                   _ball(0.5, 0.7))
    assert s.is_finite() and 0 <= s.lower() and s.upper() < 0.71


@pytest.fixture(scope="module")
def tanh_model():
    model = activation_key("tanh", Fraction(0), Fraction(1))
    shaped = design_shape(model, Fraction(0), Fraction(1), Fraction(0), Fraction(1), 64)
    assert shaped.status == "shaped"
    return model, shaped.widths


def _spec(tanh_model, scale: Fraction):
    model, widths = tanh_model
    return designed_spec(model, Fraction(0), Fraction(1), Fraction(0), Fraction(1), scale,
                         widths)


def test_tanh_shaped_scale_3_proved_in_few_boxes_and_checked(tanh_model, tmp_path):
    """Affine tanh on its shaped domain of scale 3 (``mu`` within 0.0345, ``omega`` within
    0.3, ``nu`` from 0.616 to 1.513): proved within 300 boxes (16,163 boxes at scale
    2.9375 with the closed form on balls alone); the certificate checks, and with the
    bound lowered to 0.6 (below the true maximum, about 0.72) it is rejected.
    """
    spec = _spec(tanh_model, Fraction(3))
    results = prove_spec(spec, out_dir=tmp_path, max_boxes=300, precision=64)
    assert [r.status for r in results] == ["proved"] * len(results)
    (path,) = tmp_path.glob("*.cert.json")
    cert = json.loads(path.read_text())
    assert check_certificate(cert).valid
    bad = copy.deepcopy(cert)
    claims = bad["spec"]["claim"]
    (i,) = [k for k, c in enumerate(claims) if c["kind"] == "spectral_norm_below"]
    claims[i]["bound"] = "0.6"
    assert not check_certificate(bad).valid


def test_tanh_shaped_scale_5_refuted_at_a_witness(tanh_model, tmp_path):
    """At scale 5 the spectral norm reaches 1 inside the domain: refuted with a witness,
    where an independent float evaluation of ``S(H)`` also exceeds 1.
    """
    spec = _spec(tanh_model, Fraction(5))
    results = prove_spec(spec, out_dir=tmp_path, max_boxes=2000, precision=64)
    refuted = [r for r in results if r.status == "refuted"]
    assert refuted and refuted[0].witness["goal"] == "S(H) < 1"
    assert not list(tmp_path.glob("*.cert.json"))
    w = {k: mpmath.mpf(Fraction(refuted[0].witness[k]).numerator)
         / Fraction(refuted[0].witness[k]).denominator for k in ("mu", "omega", "nu", "tau")}
    lam, beta = (mpmath.mpf(x.mid()) for x in tanh_constants())
    assert _float_norm_h(w, lam, beta) > 1 - 1e-12


def tanh_constants() -> tuple[arb, arb]:
    from selu_proof.kernel.activation_claims import activation_model

    m = activation_model(activation_key("tanh", Fraction(0), Fraction(1)), 128)
    return m.lam, m.beta


def _float_norm_h(w: dict, lam: mpmath.mpf, beta: mpmath.mpf) -> mpmath.mpf:
    """``S(H)`` at a point by mpmath quadrature of the moments of ``lam*(tanh - beta)`` and
    their ``(a, v)`` partials (Price: ``d/da E h = E h'``, ``d/dv E h = E h''/2``).
    """
    with mpmath.workdps(20):
        a, v = w["mu"] * w["omega"], w["nu"] * w["tau"]

        def e(h):
            return mpmath.quad(lambda u: h(a + mpmath.sqrt(v) * u) * mpmath.npdf(u),
                               [-mpmath.inf, 0, mpmath.inf])

        f = lambda z: lam * (mpmath.tanh(z) - beta)  # noqa: E731
        df = lambda z: lam / mpmath.cosh(z) ** 2  # noqa: E731
        d2f = lambda z: -2 * lam * mpmath.tanh(z) / mpmath.cosh(z) ** 2  # noqa: E731
        m1, m1a, m1v = e(f), e(df), e(d2f) / 2
        m2a, m2v = e(lambda z: 2 * f(z) * df(z)), e(lambda z: df(z) ** 2 + f(z) * d2f(z))
        h = [w["omega"] * m1a, w["tau"] * m1v,
             w["omega"] * (m2a - 2 * m1 * m1a), w["tau"] * (m2v - 2 * m1 * m1v)]
        return _norm(h)
