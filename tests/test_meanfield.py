"""Mean-field maps: chi1, chi_c, the correlation map, their certificates and simulation twins."""

from __future__ import annotations

import copy
import json
from fractions import Fraction

import mpmath
import numpy as np
import pytest
import sympy as sp
from flint import arb, ctx
from helpers_specs import make_spec

from selu_proof.derive import symbolic as sym
from selu_proof.kernel.checker import check_certificate
from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01, constant_balls
from selu_proof.kernel.exact import fraction_str
from selu_proof.kernel.specs import PROOFS_DIR
from selu_proof.meanfield import (
    chi1_range_witnesses,
    chi_balls,
    correlation_map,
    correlation_slope,
    mean_field,
    selu_model,
)
from selu_proof.meanfield.report import catalogue_model
from selu_proof.search.prover import prove_spec

# -------------------------------------------------------------- direct quadrature references


def _mp_constants():
    return (mpmath.mpf(str(sp.N(sym.alpha01(), 70))), mpmath.mpf(str(sp.N(sym.lambda01(), 70))))


def _direct_chis(a, v, tau, alpha, lam):
    """tau*E[selu'(z)^2] and tau*E[selu'(z)]^2 by quadrature of the defining integrals."""
    s = mpmath.sqrt(v)

    def dens(x):
        return mpmath.exp(-(x - a) ** 2 / (2 * v)) / mpmath.sqrt(2 * mpmath.pi * v)

    def d(x):  # selu'(z), the definition (left derivative at 0)
        return lam if x > 0 else lam * alpha * mpmath.exp(x)

    pts_neg = [-mpmath.inf, min(0, a - 10 * s), 0]
    pts_pos = [0, max(0, a + 10 * s), mpmath.inf]
    e2 = mpmath.quad(lambda x: d(x) ** 2 * dens(x), pts_neg) + \
        mpmath.quad(lambda x: d(x) ** 2 * dens(x), pts_pos)
    e1 = mpmath.quad(lambda x: d(x) * dens(x), pts_neg) + \
        mpmath.quad(lambda x: d(x) * dens(x), pts_pos)
    return tau * e2, tau * e1**2


POINTS = [("0", "1", "1"), ("-0.01", "0.8", "0.95"), ("0.01", "1.65", "1.1"),
          ("0.3", "0.2", "1.3"), ("-1.5", "3", "0.8")]


@pytest.mark.parametrize("point", POINTS)
def test_chi_enclosures_contain_50_digit_quadrature(point):
    a_s, v_s, t_s = point
    with mpmath.workdps(55):
        alpha, lam = _mp_constants()
        ref1, refc = _direct_chis(mpmath.mpf(a_s), mpmath.mpf(v_s), mpmath.mpf(t_s), alpha, lam)
    with ctx.workprec(200):
        al, la = constant_balls(200)
        c1, cc = chi_balls(arb(a_s), arb(v_s), al, la, arb(t_s))
        assert c1.rad() < 1e-50 and cc.rad() < 1e-50
        # the enclosure, widened by the reference's own 50-digit accuracy, contains it
        tol = arb("1e-50")
        assert (c1 + tol * arb(0, 1)).contains(arb(mpmath.nstr(ref1, 55))), (c1, ref1)
        assert (cc + tol * arb(0, 1)).contains(arb(mpmath.nstr(refc, 55))), (cc, refc)


def test_mean_of_derivative_is_the_partial_of_the_mean_map():
    """Price's theorem: E[selu'(z)] = d mu~/da, symbolically."""
    d1, _ = sym.derivative_moments()
    assert sp.simplify(sym.expand_blocks(d1 - sym.moment_partial("mean", sym.a))) == 0


def test_relu_with_he_init_has_chi1_exactly_one():
    c1, cc = chi_balls(arb(0), arb("1.37"), arb(0), arb(1), arb(2))
    assert c1.is_exact() and c1 == 1
    assert cc.is_exact() and cc == arb("0.5")
    res = mean_field(catalogue_model("relu"), tau="2", grid=4)  # by quadrature: a ball
    assert Fraction(res["chi1"][0]) <= 1 <= Fraction(res["chi1"][1])
    assert Fraction(res["chi1"][1]) - Fraction(res["chi1"][0]) <= Fraction(2, 10**9)


# -------------------------------------------------------------- the correlation map


def _two_d_map(c, a, v, alpha, lam):
    """c~ by 2-D quadrature of selu(z) selu(z') over independent standard normals."""
    from scipy.integrate import quad

    s = np.sqrt(v)
    r = np.sqrt(1 - c * c)

    def f(x):
        return lam * x if x > 0 else lam * alpha * np.expm1(x)

    def inner(u):
        kink = (-a / s - c * u) / r  # z' = 0

        def g(w):
            return f(a + s * (c * u + r * w)) * np.exp(-w * w / 2) / np.sqrt(2 * np.pi)

        return quad(g, -12, kink, epsabs=1e-13)[0] + quad(g, kink, 12, epsabs=1e-13)[0]

    def outer(u):
        return f(a + s * u) * inner(u) * np.exp(-u * u / 2) / np.sqrt(2 * np.pi)

    u0 = -a / s
    prod = quad(outer, -12, u0, epsabs=1e-12)[0] + quad(outer, u0, 12, epsabs=1e-12)[0]
    m = quad(lambda u: f(a + s * u) * np.exp(-u * u / 2) / np.sqrt(2 * np.pi), -12, 12,
             points=[u0], epsabs=1e-13)[0]
    m2 = quad(lambda u: f(a + s * u) ** 2 * np.exp(-u * u / 2) / np.sqrt(2 * np.pi), -12, 12,
              points=[u0], epsabs=1e-13)[0]
    return (prod - m * m) / (m2 - m * m)


def test_correlation_map_agrees_with_two_dimensional_quadrature():
    rng = np.random.default_rng(9)
    for c, a, v in [(rng.uniform(-0.95, 0.95), 0.0, 1.0) for _ in range(3)] + \
            [(0.7, 0.05, 1.3), (-0.4, -0.1, 0.6)]:
        ref = _two_d_map(c, a, v, ALPHA_01, LAMBDA_01)
        got = float(correlation_map(c, a, v, ALPHA_01, LAMBDA_01))
        fast = float(correlation_map(c, a, v, ALPHA_01, LAMBDA_01, method="scipy"))
        assert abs(got - ref) < 1e-8, (c, got, ref)
        assert abs(fast - got) < 1e-11


def test_correlation_map_endpoints_and_slopes():
    alpha, lam = ALPHA_01, LAMBDA_01
    assert float(correlation_map(0, 0, 1, alpha, lam)) == 0.0
    assert float(correlation_map(1, 0, 1, alpha, lam)) == 1.0
    with ctx.workprec(128):
        c1, cc = chi_balls(arb(0), arb(1), *constant_balls(128), arb(1))
    # at the fixed point (0, 1) the slopes at 1 and 0 are chi1 and chi_c
    assert abs(float(correlation_slope(1, 0, 1, alpha, lam)) - float(c1.mid())) < 1e-13
    assert abs(float(correlation_slope(0, 0, 1, alpha, lam)) - float(cc.mid())) < 1e-13
    # slope by a finite difference of the map
    h = mpmath.mpf("1e-6")
    with mpmath.workdps(30):
        fd = (correlation_map(0.5 + h, 0, 1, alpha, lam, dps=30)
              - correlation_map(0.5 - h, 0, 1, alpha, lam, dps=30)) / (2 * h)
        assert abs(fd - correlation_slope(0.5, 0, 1, alpha, lam, dps=30)) < 1e-10
    # c = -1 by continuity
    near = correlation_map(-1 + 1e-9, 0, 1, alpha, lam)
    assert abs(near - correlation_map(-1, 0, 1, alpha, lam)) < 1e-3


# -------------------------------------------------------------- the summary at the fixed point


def test_mean_field_at_the_papers_fixed_point():
    res = mean_field()
    lo, hi = (Fraction(x) for x in res["chi1"])
    assert lo < Fraction("1.07157499245") < hi and hi - lo <= Fraction(1, 10**9)
    assert Fraction(res["chi_c"][0]) < Fraction("0.97068035230071") < Fraction(res["chi_c"][1])
    assert res["certified"] and res["attracting"] is True
    for key in ("centred", "iid"):  # q* = 1: both conventions are the same map here
        part = res["correlation_fixed_points"][key]
        assert [(p["c"], p["stable"], p["status"]) for p in part["fixed_points"]] == [
            (["0", "0"], True, "exact"), (["1", "1"], False, "exact")]
        assert part["complete"]  # certified: no other fixed point in [-1, 1]
    xi = [float(x) for x in res["depth_scales"]["correlation_xi_c"]]
    assert xi[0] < -1 / np.log(0.9706803523) < xi[1]
    g100 = [float(x) for x in res["gradient_growth"]["100"]]
    assert g100[0] < 1.0715749924557992**100 < g100[1]


def test_selu_fixed_point_is_the_cores_for_its_model():
    """SELU's fixed point is the core's Krawczyk test on SELU's closed-form model (as for any
    model), and meets the enclosure of the closed-form solver.
    """
    from selu_proof.fixedpoint import fixed_point

    def model(omega, tau, alpha, lam):
        return selu_model(omega=omega, tau=tau, alpha=alpha, lam=lam, digits=12)

    res = mean_field(model("0.1", "1.05", "1.7", "1.02"), omega="0.1", tau="1.05", digits=12)
    fp = res["fixed_point"]
    assert fp["status"] == "unique" and fp["how"] == "Krawczyk image strictly inside the box"
    ref = fixed_point("0.1", "1.05", "1.7", "1.02", digits=12)
    for name in ("mean", "var"):
        lo, hi = (Fraction(x) for x in fp[name])
        rlo, rhi = (Fraction(x) for x in ref.box[name])
        assert lo <= rhi and rlo <= hi and hi - lo < Fraction(1, 10**10)
        assert lo <= Fraction(ref.values[name]) <= hi or hi - lo < Fraction(1, 10**11)
    # far from (0, 1): Newton starts where a few dozen steps of g lead, as the solver's does
    far = mean_field(model("-0.5", "3", "3", "0.9"), omega="-0.5", tau="3")["fixed_point"]
    ref = fixed_point("-0.5", "3", "3", "0.9", digits=10)
    assert far["status"] == "unique"
    for name in ("mean", "var"):
        lo, hi = (Fraction(x) for x in far[name])
        rlo, rhi = (Fraction(x) for x in ref.box[name])
        assert lo <= rhi and rlo <= hi


def test_alpha_dropout_multiplies_chi1_by_a_squared_q():
    from selu_proof.numeric.dropout import alpha_dropout_affine

    res = mean_field(dropout_rate="0.1")
    a, _ = alpha_dropout_affine(0.1)
    g1 = [float(x) for x in res["dropout"]["gradient_factor"]]
    g2 = [float(x) for x in res["dropout"]["covariance_factor"]]
    assert g1[0] <= a * a * 0.9 * (1 + 1e-12) and a * a * 0.9 <= g1[1] * (1 + 1e-12)
    assert abs(g2[0] - a * a * 0.81) < 1e-9
    chi = float(res["chi1"][0])
    assert abs(chi - a * a * 0.9 * 1.0715749924557992) < 1e-9 and chi < 1
    part = res["correlation_fixed_points"]["centred"]
    assert [p["c"] for p in part["fixed_points"]] == [["0", "0"]]  # c = 1 is not fixed
    assert part["complete"]


def test_designed_selu_for_its_own_fixed_point():
    res = mean_field(selu_model(mean="0", var="1", digits=8), grid=4, digits=8)
    assert Fraction(res["chi1"][0]) < Fraction("1.07157499245") < Fraction(res["chi1"][1])
    with pytest.raises(ValueError):
        selu_model(mean="0", var="1", alpha="1.6")
    with pytest.raises(ValueError, match="saturation"):
        mean_field(catalogue_model("tanh"), dropout_rate="0.1")


# ------------------------------------------------------- a designed SELU (ball alpha, lambda)

#: ``(a, v, c)`` at which the SELU pair expectations are compared (``c = -1`` needs ``a = 0``)
PAIR_POINTS = [(0, 1, "0.5"), (0, 1, "-0.3"), (0, 1, "-1"), (0, 1, "1"), ("0.1", "1.2", "0.9"),
               ("-0.3", "0.5", "-0.7"), ("0.2", "2", "0.2")]


@pytest.mark.parametrize("alpha, lam", [("1.6", "1.05"), ("1.3957824553", "1.1534674331")])
def test_selu_balls_overlap_the_catalogue_selu(alpha, lam):
    """For exact parameters the polarized pieces (``SeluBalls``) and the catalogue's ``selu``
    (one certified integral of ``lambda*where(x > 0, x, alpha*expm1(x))``) enclose the same
    pair expectations and moments; the pieces' balls stay below 1e-25 at 120 bits."""
    from selu_proof.fixedpoint.scaled import Scaled, SeluBalls
    from selu_proof.kernel.activations import make_activation

    with ctx.workprec(120):
        balls = SeluBalls(arb(alpha), arb(lam))
        exact = Scaled(make_activation("selu", alpha=alpha, **{"lambda": lam}), arb(1), arb(0))
        for a, v, c in PAIR_POINTS:
            a, v, c = arb(a), arb(v), arb(c)
            for name in ("pair_value", "pair_slope"):
                mine, ref = getattr(balls, name)(a, v, c), getattr(exact, name)(a, v, c)
                assert mine.overlaps(ref) and mine.rad() < 1e-25, (name, a, v, c, mine, ref)
            for name in ("moments", "derivative_moments"):
                for mine, ref in zip(getattr(balls, name)(a, v), getattr(exact, name)(a, v)):
                    assert mine.overlaps(ref), (name, a, v, mine, ref)


def test_selu_balls_over_an_interval_of_alpha_contain_both_ends():
    """Ball parameters: the enclosure over ``alpha in [1.6, 1.61]``, ``lambda in
    [1.05, 1.06]`` contains the exact SELU's pair expectations at both corners."""
    from selu_proof.fixedpoint.scaled import Scaled, SeluBalls
    from selu_proof.kernel.activations import make_activation
    from selu_proof.kernel.exact import interval_ball

    with ctx.workprec(100):
        balls = SeluBalls(interval_ball(Fraction("1.6"), Fraction("1.61")),
                          interval_ball(Fraction("1.05"), Fraction("1.06")))
        a, v, c = arb("0.1"), arb("1.2"), arb("0.4")
        wide = balls.pair_value(a, v, c), balls.pair_slope(a, v, c)
        for al, la in (("1.6", "1.05"), ("1.61", "1.06")):
            exact = Scaled(make_activation("selu", alpha=al, **{"lambda": la}), arb(1), arb(0))
            assert wide[0].contains(exact.pair_value(a, v, c))
            assert wide[1].contains(exact.pair_slope(a, v, c))


def _designed_map(res, c):
    """``c~(c) - c`` of the designed SELU at the midpoints of its ``alpha``, ``lambda``
    intervals: mpmath tanh-sinh quadrature of the closed-form inner expectation (no arb)."""
    al, la = (sum(mpmath.mpf(x) for x in res["parameters"][k]) / 2
              for k in ("alpha", "lambda"))
    v = mpmath.mpf(res["parameters"]["designed_for"]["var"])  # tau = 1, omega = 0: N(0, var)
    return correlation_map(c, 0, v, al, la, dps=mpmath.mp.dps) - c


def test_designed_selu_correlation_fixed_points_are_certified_and_complete():
    """``--mean 0.1 --var 1.2``: alpha, lambda are intervals; the correlation fixed points
    are certified by the branch and bound (not a float scan): exactly c = 0 and c = 1.  An
    independent mpmath root of c~(c) - c (``findroot`` at 20 digits from -0.6 and 0.3, on
    the mpmath map at the balls' midpoints) lies within 1e-12 of a certified fixed point,
    and mpmath's c~(c) - c has the signs the search certified on both sides of 0 and just
    below 1 (no root missed)."""
    res = mean_field(selu_model(mean="0.1", var="1.2"))
    part = res["correlation_fixed_points"]["centred"]
    assert part["complete"] is True and part["undecided"] == []
    fps = part["fixed_points"]
    assert [(p["c"], p["status"], p["stable"]) for p in fps] == [
        (["0", "0"], "exact", True), (["1", "1"], "exact", False)]
    assert fps[0]["slope"] == res["chi_c"] and fps[1]["slope"] == res["chi1"]
    certified = [[mpmath.mpf(x) for x in p["c"]] for p in fps]
    with mpmath.workdps(20):
        for start in ("-0.6", "0.3"):
            root = mpmath.findroot(lambda c: _designed_map(res, c), mpmath.mpf(start),
                                   tol=mpmath.mpf(10) ** -18)
            assert any(lo - 1e-12 <= root <= hi + 1e-12 for lo, hi in certified), root
        for c in ("-0.9", "-0.4"):
            assert _designed_map(res, mpmath.mpf(c)) > 0
        for c in ("0.2", "0.6", "0.99"):
            assert _designed_map(res, mpmath.mpf(c)) < 0


def test_designed_selu_iid_fixed_point_contains_the_mpmath_root():
    """The i.i.d.-weights convention of the same designed SELU has a fixed point besides
    c = 1, certified unique in an interval of width 1e-10 at 10 digits (the narrowing once
    stopped at 8e-4: a secant step landed where the sign of c~ - c is not certified); the
    root of an independent mpmath computation at the balls' midpoints (c~ = E[F F']/E F^2
    at N(0, q*) from the centred mpmath map and the closed-form moments, 20 digits) lies in
    it within 1e-13."""
    from selu_proof import backends

    res = mean_field(selu_model(mean="0.1", var="1.2"))
    part = res["correlation_fixed_points"]["iid"]
    assert part["complete"] is True
    (root, one) = part["fixed_points"]
    assert root["status"] == "unique" and root["stable"] is True and one["c"] == ["1", "1"]
    assert Fraction(root["c"][1]) - Fraction(root["c"][0]) <= Fraction(1, 10**10)
    lo, hi = (mpmath.mpf(x) for x in root["c"])
    with mpmath.workdps(20):
        al, la, q = (sum(mpmath.mpf(x) for x in iv) / 2 for iv in (
            res["parameters"]["alpha"], res["parameters"]["lambda"],
            res["iid_kernel"]["q_star"]))
        m, _, var = backends.compiled("moments", "mpmath")(0, q, al, la)

        def h(c):
            centred = correlation_map(c, 0, q, al, la, dps=20)
            return (centred * var + m * m) / (var + m * m) - c

        found = mpmath.findroot(h, mpmath.mpf("0.19"), tol=mpmath.mpf(10) ** -18)
    assert lo - 1e-13 <= found <= hi + 1e-13, (found, root["c"])


def test_designed_selu_with_alpha_dropout_is_certified_too():
    """With alpha dropout c = 1 is no longer fixed: c = 0 alone, certified complete."""
    res = mean_field(selu_model(mean="0.1", var="1.2", digits=8), dropout_rate="0.1", digits=8)
    part = res["correlation_fixed_points"]["centred"]
    assert part["complete"] is True
    assert [(p["c"], p["status"]) for p in part["fixed_points"]] == [(["0", "0"], "exact")]


def test_cli_designed_selu_reports_certified_fixed_points(capsys):
    """Exit code 0 and "exactly these (certified)" for ``--mean 0.1 --var 1.2``; no float
    scan in the text."""
    from selu_proof.cli import main

    assert main(["mean-field", "--mean", "0.1", "--var", "1.2"]) == 0
    out = capsys.readouterr().out
    assert ("correlation fixed points in [-1, 1], centred: exactly these: c = 0 (exact, slope "
            "[0.9557817409, 0.955781741], stable), c = 1 (exact, slope [1.071830838, "
            "1.071830839], unstable) [") in out
    assert "not rigorous" not in out and "float64" not in out


# -------------------------------------------------------------- claims and certificates


def test_chi1_range_certificate_and_witnesses():
    cert = json.loads((PROOFS_DIR / "chi1_range.cert.json").read_text())
    res = check_certificate(cert)
    assert res.valid, res.message
    lo = -Fraction(res.goals[0]["certified_max"])
    hi = Fraction(res.goals[1]["certified_max"])
    w = chi1_range_witnesses()
    wmin, wmax = (Fraction(x) for x in w["min"]["chi1"]), (Fraction(x) for x in w["max"]["chi1"])
    wmin_lo, wmin_hi = wmin
    wmax_lo, wmax_hi = wmax
    assert lo <= wmin_lo and wmax_hi <= hi  # the witnesses lie in the certified range
    assert (wmin_hi - lo) / lo < Fraction(1, 10**5)  # and the range is tight at both ends
    assert (hi - wmax_lo) / hi < Fraction(1, 10**5)
    assert Fraction("0.95266") < lo and hi < Fraction("1.20897")
    # the extremum claims bracket both ends within 1e-6, witnesses included
    (mn,), (mx,) = [[g for g in res.goals if g["claim"] == "extremum" and g["goal"] == f"{s} chi1"]
                    for s in ("min", "max")]
    assert Fraction(mn["upper"]) - Fraction(mn["lower"]) <= Fraction(1, 10**6)
    assert Fraction(mx["upper"]) - Fraction(mx["lower"]) <= Fraction(1, 10**6)
    ulp = Fraction(1, 10**20)  # the witness values are printed to 25 digits
    assert Fraction(mn["lower"]) <= wmin_lo and wmin_hi <= Fraction(mn["upper"]) + ulp
    assert Fraction(mx["lower"]) - ulp <= wmax_lo and wmax_hi <= Fraction(mx["upper"])


@pytest.mark.parametrize("claim", [{"kind": "chi1_above", "bound": "0.9527"},
                                   {"kind": "chi1_below", "bound": "1.2089"},
                                   {"kind": "chi1_above", "bound": "1"}])
def test_false_chi1_claims_are_refuted(claim, tmp_path):
    (res,) = prove_spec(make_spec("chi1false", claim=claim), out_dir=tmp_path, max_boxes=3000)
    assert res.status == "refuted" and res.certificate is None
    point = {n: res.witness[n] for n in ("mu", "omega", "nu", "tau")}
    with mpmath.workdps(40):
        alpha, lam = _mp_constants()
        a = mpmath.fraction(*(Fraction(point["mu"]) * Fraction(point["omega"])).as_integer_ratio())
        t = mpmath.fraction(*Fraction(point["tau"]).as_integer_ratio())
        v = mpmath.fraction(*Fraction(point["nu"]).as_integer_ratio()) * t
        ref, _ = _direct_chis(a, v, t, alpha, lam)
    bound = mpmath.mpf(claim["bound"])
    assert ref <= bound if claim["kind"] == "chi1_above" else ref >= bound


def test_true_chi1_claim_is_proved_and_checked(tmp_path):
    (res,) = prove_spec(make_spec("chi1true", claim={"kind": "chi1_below", "bound": "1.21"}),
                        out_dir=tmp_path)
    assert res.status == "proved"
    cert = json.loads((tmp_path / "chi1true.cert.json").read_text())
    assert check_certificate(cert).valid


@pytest.mark.parametrize("edit", ["bound", "kind", "leaf", "domain"])
def test_tampered_chi1_certificate_rejected(edit):
    cert = json.loads((PROOFS_DIR / "chi1_range.cert.json").read_text())
    bad = copy.deepcopy(cert)
    if edit == "bound":  # claim more than was proved
        bad["spec"]["claim"][1]["bound"] = "1.2089"
    elif edit == "kind":  # swap which side is claimed
        bad["spec"]["claim"][0]["kind"] = "chi1_below"
        bad["claims"][0]["kind"] = "chi1_below"
    elif edit == "leaf":
        tree = bad["claims"][1]["goals"][0]["tree"]
        i = next(k for k, n in enumerate(tree) if isinstance(n, list))
        tree[i][2] = fraction_str(Fraction(tree[i][2]) - Fraction(1, 10**6))
    else:
        bad["spec"]["domain"]["nu"] = ["0.7", "1.5"]
    res = check_certificate(bad)
    assert not res.valid, edit


# -------------------------------------------------------------- simulation twins


def test_simulated_gradients_match_chi1_per_layer():
    """Depth 50: the mean per-layer log growth is within 4 standard errors of mean ln chi1.

    The standard error is the scatter of the 50 per-layer log ratios (independent
    weights per layer) over sqrt(50); the input-layer gradient then matches the
    product of the chi1 within the same 4 SE, scaled by sqrt(50).
    """
    from selu_proof.numeric.backprop import simulate_gradients

    for rate in (0.0, 0.1):
        res = simulate_gradients(50, 400, 400, rng=np.random.default_rng(3), dropout_rate=rate)
        rows = res.layers[1:]
        lr = np.log([r.ratio for r in rows])
        lc = np.log([r.chi1 for r in rows])
        se = lr.std(ddof=1) / np.sqrt(len(lr))
        assert abs(lr.mean() - lc.mean()) < 4 * se, (rate, lr.mean(), lc.mean(), se)
        expected = 1.0715749924557992 * (0.7638886437 if rate else 1.0)
        assert abs(lc.mean() - np.log(expected)) < 0.01
        first = res.layers[0]
        drift = np.log(first.grad_sq / first.predicted_grad_sq)
        assert abs(drift) < 4 * se * len(lr)
    assert res.config["memory_bytes"] == 50 * 400 * 400 * 4


def test_simulated_pairs_follow_the_correlation_map():
    """Depth 50: every layer's pooled correlation is within 5 standard errors of the map."""
    from selu_proof.meanfield.pairs import simulate_pairs

    res = simulate_pairs(50, 400, 400, rng=np.random.default_rng(4), input_corr=0.9)
    devs = [abs(r.dev) for r in res.layers[1:]]
    assert max(devs) < 5, max(devs)
    assert res.layers[-1].predicted_corr < 0.6  # SELU decorrelates (c* = 0 attracts)
    res = simulate_pairs(20, 300, 300, rng=np.random.default_rng(5), input_corr=0.9,
                         dropout_rate=0.1)
    assert max(abs(r.dev) for r in res.layers[1:]) < 5
    assert abs(res.layers[-1].corr) < 0.02


def test_cli_mean_field_json_and_errors(capsys):
    from selu_proof.cli import main

    assert main(["mean-field", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"fixed_point", "jacobian", "chi1", "chi_c", "depth_scales",
                        "gradient_growth", "dropout", "iid_kernel", "correlation_fixed_points",
                        "parameters", "certified"}
    assert out["correlation_fixed_points"]["method"].startswith("interval branch and bound")
    assert out["correlation_fixed_points"]["centred"]["complete"] is True
    assert main(["mean-field", "--activation", "tanh", "--grid", "4", "--json"]) == 1
    capsys.readouterr()
    for bad in (["--tau", "0"], ["--dropout-rate", "1"], ["--omega", "nan"],
                ["--activation", "relu", "--alpha", "1"],
                ["--activation", "gelu", "--dropout-rate", "0.1"],
                ["--activation", "selu", "--normalize", "affine", "--mean", "0", "--var", "1"]):
        assert main(["mean-field", "--grid", "4", *bad]) == 2
        err = capsys.readouterr().err
        assert err.startswith("selu-proof: error: ") and err.count("\n") == 1


def test_one_report_and_one_schema_for_every_model(capsys):
    """SELU's closed forms, a designed SELU and a catalogue activation answer with the same
    JSON keys: the Jacobian, the i.i.d. kernel, the gradient growth chi1^L (meeting the
    powers of chi1's printed ends) and the correlation fixed points in both conventions."""
    from selu_proof.cli import main

    keys = None
    for args in ([], ["--mean", "0.1", "--var", "1.2"],
                 ["--activation", "gelu", "--normalize", "affine"]):
        assert main(["mean-field", "--digits", "8", *args, "--json"]) == 0, args
        out = json.loads(capsys.readouterr().out)
        keys = keys or set(out)
        assert set(out) == keys, args
        assert set(out["jacobian"]) >= {"spectral_norm", "spectral_radius"}
        assert out["iid_kernel"]["status"] != "unknown"
        lo, hi = (Fraction(x) for x in out["chi1"])
        for n in (10, 100, 1000):
            glo, ghi = (Fraction(x) for x in out["gradient_growth"][str(n)])
            assert glo <= hi ** n and lo ** n <= ghi, (args, n)  # both enclose chi1^n
        for key in ("centred", "iid"):
            assert out["correlation_fixed_points"][key]["complete"] is True, (args, key)
    assert {"activation", "parameters", "weights", "fixed_point", "jacobian", "attracting",
            "chi1", "chi_c", "depth_scales", "gradient_growth", "dropout", "iid_kernel",
            "correlation_fixed_points", "certified", "notes"} <= keys


def test_cli_simulate_gradients_and_pairs(capsys):
    from selu_proof.cli import main

    assert main(["simulate", "--depth", "5", "--width", "100", "--batch", "100", "--gradients",
                 "--pairs", "0.7", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["gradients"]["layers"]) == 6 and len(out["pairs"]["layers"]) == 6
    assert out["pairs"]["layers"][0]["predicted_corr"] == 0.7


def test_gradients_figure_and_public_api(tmp_path, capsys):
    import selu_proof
    from selu_proof.cli import main

    assert selu_proof.mean_field is mean_field
    from selu_proof.numeric.backprop import simulate_gradients

    res = simulate_gradients(6, 60, 60, rng=np.random.default_rng(0))
    fig = selu_proof.plot_gradients(res)
    assert list(fig.layers) == list(range(7))
    assert fig.summary()["grad_sq_input"] == res.layers[0].grad_sq
    out = tmp_path / "g.png"
    assert main(["plot", "gradients", "--out", str(out), "--depth", "4", "--width", "40",
                 "--batch", "40", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert out.stat().st_size > 1000 and summary["config"]["depth"] == 4
    assert main(["plot", "correlation-map", "--out", str(out), "--depth", "4"]) == 2
    assert "does not apply" in capsys.readouterr().err
