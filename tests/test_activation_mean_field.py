"""Certified mean field of any catalogue activation (selu_proof.meanfield.activation)."""

from __future__ import annotations

import json
import math
from fractions import Fraction

import numpy as np
import pytest
from flint import arb, ctx

import selu_proof.meanfield.activation as amf
from selu_proof.cli import main
from selu_proof.kernel.activations import parse_activation
from selu_proof.meanfield.activation import activation_mean_field, spectral


def _contains(interval: list[str], x: float | str | Fraction, slack: float = 0.0) -> bool:
    lo, hi = (Fraction(s) for s in interval)
    x = Fraction(x)
    return lo - Fraction(slack) <= x <= hi + Fraction(slack)


def test_affine_relu_is_exactly_neutral_and_reported_undecided():
    """ReLU is homogeneous: lambda^2 Var relu(z) = nu for every nu, so dnu~/dnu = 1 exactly."""
    r = activation_mean_field("relu", normalize="affine", digits=12)
    assert r["fixed_point"]["status"] == "exact (normalized)"
    assert _contains(r["jacobian"]["dnu_dnu"], 1)
    assert _contains(r["jacobian"]["spectral_radius"], 1)
    assert r["attracting"] is None
    # chi1 = lambda^2/2 = pi/(pi - 1) for the affine ReLU
    assert _contains(r["chi1"], Fraction(math.pi / (math.pi - 1)), 1e-12)
    assert r["certified"] is True


def test_selu_by_quadrature_matches_the_closed_forms():
    from selu_proof.kernel.constants import constant_balls
    from selu_proof.meanfield import chi_balls

    r = activation_mean_field("selu", digits=12)
    assert r["fixed_point"]["status"] == "unique" and r["attracting"] is True
    with ctx.workprec(128):
        al, la = constant_balls(128)
        c1, cc = chi_balls(arb(0), arb(1), al, la, arb(1))
    assert _contains(r["chi1"], Fraction(c1.mid().str(30, radius=False)), 1e-12)
    assert _contains(r["chi_c"], Fraction(cc.mid().str(30, radius=False)), 1e-12)
    # the variance map's slope at (0, 1), omega = 0: the paper's Theorem 1 Jacobian entry
    assert _contains(r["jacobian"]["spectral_radius"], "0.782647884", 1e-9)


def test_normalized_activations_have_chi1_above_one_poincare():
    """Gaussian Poincare: Var f <= E f'^2, so chi1 >= 1 at (0, 1) for affine-normalized f."""
    for spec in ("gelu", "tanh", "softplus", "silu"):
        r = activation_mean_field(spec, normalize="affine", digits=8)
        assert Fraction(r["chi1"][0]) > 1, spec
        assert r["fixed_point"]["mean"] == ["0", "0"]


def test_he_init_relu_follows_the_iid_kernel_not_the_centred_map():
    """He-init ReLU (tau = 2): the i.i.d.-weights kernel has chi1 = 1 and the arc-cosine map
    (c~(0.5) = (sin t + (pi - t) cos t)/pi, t = pi/3; slope (pi - t)/pi = 2/3); the centred
    map differs (it subtracts the non-zero mean)."""
    r = activation_mean_field("relu", tau="2", correlation="0.5", digits=10)
    t = math.pi / 3
    iid = r["correlation_map_iid"]
    assert iid["convention"].startswith("mean-field kernel of i.i.d.")
    assert _contains(iid["value"], (math.sin(t) + (math.pi - t) * math.cos(t)) / math.pi, 1e-9)
    assert _contains(iid["slope"], Fraction(2, 3))
    assert _contains(r["iid_kernel"]["chi1"], 1)
    cen = r["correlation_map"]
    assert cen["convention"].startswith("centred map of the paper")
    assert Fraction(cen["value"][1]) < Fraction(iid["value"][0]) - Fraction(1, 10)
    assert r["iid_kernel"]["status"] == "unknown" and "neutral" in r["iid_kernel"]["how"]


def test_correlation_map_at_the_ends():
    r = activation_mean_field("elu", normalize="affine", correlation="1", digits=10)
    m = r["correlation_map"]
    assert _contains(m["value"], 1)
    assert _contains(m["slope"], Fraction(r["chi1"][0]), 1e-9)  # slope at c = 1 is chi1
    r = activation_mean_field("tanh", normalize="affine", correlation="-1", digits=10)
    assert _contains(r["correlation_map"]["value"], -1)  # tanh is odd: z' = -z gives -1


def test_spectral_norm_and_radius_of_known_matrices():
    with ctx.workprec(64):
        rot = [[arb(0), arb("-0.5")], [arb("0.5"), arb(0)]]  # eigenvalues +/- 0.5i
        n, r = spectral(rot)
        assert n.overlaps(arb("0.5")) and r.overlaps(arb("0.5"))
        tri = [[arb(1), arb(2)], [arb(0), arb(3)]]
        n, r = spectral(tri)
        assert r.overlaps(arb(3))
        assert n.overlaps((arb(7) + arb(40).sqrt()).sqrt())  # sqrt of the top eigenvalue of A'A
        neutral = [[arb(0), arb("0.3")], [arb(0), arb(1) + arb(0, "1e-30")]]
        _, r = spectral(neutral)
        assert not r < 1 and not r >= 1  # undecided: attracting is null


def test_cli_json_and_errors(capsys):
    assert main(["mean-field", "--activation", "gelu", "--normalize", "affine",
                 "--correlation", "0.3", "--digits", "8", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out["jacobian"]) == {"dmu_dmu", "dmu_dnu", "dnu_dmu", "dnu_dnu",
                                    "spectral_norm", "spectral_radius"}
    assert out["attracting"] is False  # normalized GELU: dnu~/dnu > 1 at (0, 1)
    cm = out["correlation_map"]
    assert cm["c"] == "0.3" and cm["certified"] is True and len(cm["value"]) == 2
    for bad, msg in ((["--activation", "softmax"], "unknown activation"),
                     (["--activation", "gelu", "--correlation", "1.5"], "[-1, 1]"),
                     (["--activation", "gelu", "--alpha", "1"], "NAME:key=value"),
                     (["--activation", "elu:alpha=inf"], "not a finite"),
                     (["--activation", "leaky_relu:slope=0", "--normalize", "affine",
                       "--tau", "-1"], "--tau must be positive")):
        assert main(["mean-field", *bad]) == 2
        err = capsys.readouterr().err
        assert msg in err and err.count("\n") == 1, err


def test_cli_refuses_weight_statistics_outside_the_supported_domain(capsys):
    """--tau 1e999 said 'cannot convert float infinity to integer', --tau 1e-999 'ball is
    not finite': each is one line naming the supported domain.
    """
    for bad in (["--tau", "1e999"], ["--tau", "1e-999"], ["--omega", "1e999"]):
        assert main(["mean-field", "--activation", "gelu", *bad]) == 2
        err = capsys.readouterr().err
        assert "supported domain" in err and err.count("\n") == 1, err


def _log_ratio_stats(activation, init: str, tau: float, seed: int, depth: int = 40,
                     width: int = 400) -> tuple[float, float]:
    from selu_proof.numeric.backprop import simulate_gradients

    res = simulate_gradients(depth, width, width, rng=np.random.default_rng(seed),
                             activation=activation, init=init, tau=tau, dtype=np.float64)
    lr = np.log([r.ratio for r in res.layers[1:]])
    return float(lr.mean()), float(lr.std(ddof=1) / np.sqrt(len(lr)))


def test_simulated_gradients_match_certified_chi1_in_each_convention():
    """chi1 of simulated nets within 4 standard errors, two non-SELU activations:

    * centred convention: affine-normalized ELU (alpha = 1), weights with omega = 0,
      tau = 1 exactly per unit (``exact`` initializer), at its attracting fixed point (0, 1);
    * i.i.d. convention: ReLU with He initialization (i.i.d. N(0, 2/n) weights): chi1 = 1.
    """
    from selu_proof.numeric.activations import catalogue_activation

    r = activation_mean_field("elu", normalize="affine", digits=10)
    assert r["attracting"] is True
    chi1 = float(Fraction(r["chi1"][0]))
    mean, se = _log_ratio_stats(catalogue_activation("elu", "affine"), "exact", 1.0, 7)
    assert abs(mean - math.log(chi1)) < 4 * se, (mean, math.log(chi1), se)

    r = activation_mean_field("relu", tau="2", digits=10)
    chi1 = float(Fraction(r["iid_kernel"]["chi1"][0]))
    mean, se = _log_ratio_stats("relu", "lecun", 2.0, 8)
    assert abs(mean - math.log(chi1)) < 4 * se, (mean, math.log(chi1), se)


def test_cli_simulate_accepts_catalogue_activations(capsys):
    assert main(["simulate", "--activation", "gelu", "--normalize", "affine", "--depth", "4",
                 "--width", "60", "--batch", "60", "--gradients", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["gradients"]["layers"]) == 5
    assert main(["simulate", "--activation", "gelu:beta=1", "--depth", "2"]) == 2
    assert "unknown parameter" in capsys.readouterr().err


def test_krawczyk_fixed_point_matches_the_closed_form_solver_off_omega_zero():
    from selu_proof.fixedpoint import fixed_point

    closed = fixed_point("0.05", "1.02", digits=12)
    r = activation_mean_field("selu", omega="0.05", tau="1.02", digits=10)
    assert r["fixed_point"]["status"] == "unique" and r["attracting"] is True
    for key in ("mean", "var"):
        lo, hi = (Fraction(x) for x in closed.box[key])
        qlo, qhi = (Fraction(x) for x in r["fixed_point"][key])
        assert qlo <= hi and lo <= qhi, key  # the two enclosures intersect


def test_grid_seeds_the_correlation_fixed_point_search_of_the_catalogue_path(capsys,
                                                                            monkeypatch):
    """``--grid`` and ``--max-boxes`` reach the certified search of the correlation fixed
    points (``--grid`` was ignored with ``--activation``), and are range-checked there as on
    the SELU path."""
    import selu_proof.meanfield.report as report

    seen = []
    real = report.fixed_point_records

    def spy(*args, **kwargs):
        seen.append((kwargs["seeds"], kwargs["max_boxes"]))
        return real(*args, **kwargs)

    monkeypatch.setattr(report, "fixed_point_records", spy)
    assert main(["mean-field", "--activation", "tanh", "--normalize", "affine",
                 "--correlation", "0.5", "--grid", "12", "--max-boxes", "50", "--json"]) == 0
    assert seen == [(12, 50), (12, 50)]
    capsys.readouterr()
    assert main(["mean-field", "--activation", "tanh", "--grid", "65"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--grid must be in [2, 64]" in err[0]


def test_abs_value_has_chi_c_zero_and_no_positive_fixed_point(capsys):
    """``leaky_relu:slope=-1`` is ``|x|``: ``E[f'(z)] = 0``, so ``chi_c = 0`` and the
    correlation depth scale is 0 (it exited 2 with 'ball is not finite'); ``Var|z| =
    nu(1 - 2/pi)``, so the variance shrinks at every ``nu > 0`` (proved) toward the fixed
    point ``nu = 0``, whose slope is ``1 - 2/pi``."""
    assert main(["mean-field", "--activation", "leaky_relu:slope=-1", "--json"]) == 1
    r = json.loads(capsys.readouterr().out)
    assert _contains(r["chi_c"], 0)
    xi = r["depth_scales"]["correlation_xi_c"]
    assert xi[0] == "0" and Fraction(xi[1]) < Fraction(1, 50)
    fp = r["fixed_point"]
    assert fp["status"] == "none" and fp["search"]["none_in_range"] is True
    assert fp["search"]["sign"] == "below" and fp["search"]["searched"] == ["0", "100"]
    assert fp["findings"][0].startswith("no fixed point in (0, 100] (proved")
    zero = fp["zero_variance"]
    assert _contains(zero["slope"], 1 - 2 / math.pi, 1e-9) and zero["mean"] == ["0", "0"]
    assert zero["stability"].startswith("attracting")


def test_unnormalized_tanh_reports_the_neutral_fixed_point_at_zero_variance():
    """Odd tanh, tau = 1: ``nu = 0`` is fixed with slope ``tau*tanh'(0)^2 = 1`` exactly
    (neutral), and no fixed point is proved from a small variance up to 100 (it printed
    'Newton went to nu -> 0' and 'the q-map has slope 1 (neutral: e.g. ReLU ...)')."""
    r = activation_mean_field("tanh", digits=8)
    for part, name in ((r["fixed_point"], "nu"), (r["iid_kernel"], "q")):
        assert part["status"] == "unknown"
        zero = part["zero_variance"]
        assert zero["slope"] == ["1", "1"] and zero["stability"].startswith("neutral")
        found = part["findings"]
        assert found[0].startswith("no fixed point in [") and "undecided" in found[0]
        assert f"slope 1 at {name} = 0 (neutral)" in found[0]
        assert found[1].startswith(f"{name} = 0 is a fixed point")
        proved_from = Fraction(part["search"]["proved_from"])
        assert 0 < proved_from < Fraction(1, 100) and part["search"]["sign"] == "below"
    assert "ReLU" not in r["iid_kernel"]["how"]
    assert r["certified"] is False


@pytest.mark.parametrize("args, status, sign, everywhere", [
    (["silu", "--tau", "1000"], "none", "above", False),
    (["silu:beta=100", "--tau", "10"], "none", "above", False),
    (["tanh", "--omega", "100", "--tau", "0.001"], "none", "below", True),
    (["elu"], "unknown", "below", False),
    (["relu"], "none", "below", False),
    (["gelu"], "none", "below", False),
])
def test_no_positive_fixed_point_is_one_consistent_answer(args, status, sign, everywhere,
                                                          capsys):
    """These exited 2 ('variance ball must be certainly positive') or 1 with 'no fixed point
    found': now each says what is proved (exit 1: no certified fixed point)."""
    assert main(["mean-field", "--activation", *args, "--json"]) == 1
    fp = json.loads(capsys.readouterr().out)["fixed_point"]
    assert fp["status"] == status and fp["search"]["sign"] == sign
    assert fp["search"]["for_all_positive"] is everywhere
    if status == "none":
        assert fp["search"]["proved_from"] == "0"
        assert fp["findings"][0].startswith("no fixed point " + ("with nu > 0" if everywhere
                                                                else "in (0, 100]"))
    else:  # raw ELU(1): neutral at 0 (slope 1), proved down to a small variance
        assert 0 < Fraction(fp["search"]["proved_from"]) < Fraction(1, 100)
    assert ("zero_variance" in fp) is (args[1:2] != ["--omega"])  # nu = 0 fixed: omega = 0


def test_the_search_does_not_exclude_a_fixed_point_that_exists():
    """SELU's variance map (omega = 0, tau = 1) has its fixed point at nu = 1: the sign of
    nu~ - nu changes there, and the search says so instead of excluding it."""
    from selu_proof.meanfield.variance_map import exclude

    with ctx.workprec(64):
        sc = amf.Scaled(parse_activation("selu"), arb(1), arb(0))
        ex = exclude(sc, Fraction(1), True)
    assert not ex.none and ex.sign_change is not None
    lo, hi = ex.sign_change
    assert lo <= 1 <= hi
    assert "a fixed point exists with nu in" in ex.statement("nu")


def test_max_seconds_ends_with_one_line(capsys):
    """A spent budget: integrations give up, one line on stderr, exit 1, no numbers."""
    code = main(["mean-field", "--activation", "tanh", "--normalize", "affine",
                 "--correlation", "0.999", "--max-seconds", "0.001"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "--max-seconds" in err and "time budget" in err
    assert main(["mean-field", "--max-seconds", "0"]) == 2
    assert "--max-seconds must be positive" in capsys.readouterr().err
