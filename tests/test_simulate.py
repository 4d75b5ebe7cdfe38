"""Deep simulated networks against the certified fixed point, and the ``simulate`` CLI.

Tolerance for the deep-network checks: a layer's pooled moments have the
crossed standard error ``se`` reported by :func:`moment_statistics`; the
deviation from the fixed point at layer ``l`` is a sum of the per-layer errors
propagated by the Jacobian ``H`` of ``g``, which shrinks them by at least its
spectral norm ``S < 1`` per layer, so its standard deviation is at most
``se/sqrt(1 - S**2)``.  We allow 4 of those.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from selu_proof import backends
from selu_proof.cli import main
from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01
from selu_proof.numeric import moment_statistics, selu, simulate
from selu_proof.numeric.activations import get_activation
from selu_proof.numeric.initializers import initialize, weight_statistics
from selu_proof.numeric.network import BLOCKS, SimulationResult, _activate, layer_rngs

PAIRS = [("0", "1"), ("0.05", "1.05"), ("-0.05", "1.1")]


def _tolerance_factor(mu: float, nu: float, omega: float, tau: float) -> float:
    s = float(backends.spectral_norm(mu, nu, omega, tau, ALPHA_01, LAMBDA_01))
    assert s < 1
    return 4.0 / math.sqrt(1.0 - s * s)


@pytest.mark.parametrize("omega,tau", PAIRS)
def test_deep_net_reaches_certified_fixed_point(omega: str, tau: str) -> None:
    res = simulate(50, 1000, 500, rng=np.random.default_rng(42), init="exact", omega=omega,
                   tau=tau, input_mean=0.3, input_var=1.6)
    fp = res.fixed_point
    assert fp["status"] == "unique"
    mu, nu = float(fp["mean"]), float(fp["var"])
    k = _tolerance_factor(mu, nu, float(omega), float(tau))
    last = res.layers[-1]
    assert abs(last.mean - mu) < k * last.se_mean
    assert abs(last.var - nu) < k * last.se_var
    # the iterated prediction has converged to the certified value long before (up to the
    # float32 rounding of the realised omega, tau)
    assert last.predicted_mean == pytest.approx(mu, abs=1e-4)
    assert last.predicted_var == pytest.approx(nu, abs=1e-4)


def test_lecun_default_reaches_zero_one() -> None:
    res = simulate(50, 1000, 500, rng=np.random.default_rng(3))
    k = _tolerance_factor(0.0, 1.0, 0.0, 1.0)
    last = res.layers[-1]
    assert res.fixed_point["mean"].strip("0.") == "" and float(res.fixed_point["var"]) == 1
    assert abs(last.mean) < k * last.se_mean
    assert abs(last.var - 1.0) < k * last.se_var


def test_alpha_dropout_in_deep_net_keeps_fixed_point() -> None:
    res = simulate(30, 800, 500, rng=np.random.default_rng(8), init="exact", omega="0.05",
                   tau="1.05", dropout_rate=0.1)
    mu, nu = float(res.fixed_point["mean"]), float(res.fixed_point["var"])
    assert res.config["dropout_target"] == pytest.approx([mu, nu])
    last = res.layers[-1]
    k = _tolerance_factor(mu, nu, 0.05, 1.05)
    assert abs(last.mean - mu) < k * last.se_mean and abs(last.var - nu) < k * last.se_var


def test_one_step_deviations_are_standard_errors() -> None:
    # exact init: g's assumptions hold per unit; one-step deviations should look N(0, 1)
    res = simulate(60, 600, 400, rng=np.random.default_rng(1), init="exact", omega="0.05",
                   tau="1.05")
    dm = np.array([r.step_dev_mean for r in res.layers[1:]])
    dv = np.array([r.step_dev_var for r in res.layers[1:]])
    assert np.abs(dm).max() < 4.5 and np.abs(dv).max() < 4.5
    assert 0.5 < dm.std() < 1.6 and 0.5 < dv.std() < 1.6


def test_relu_and_tanh_without_self_normalization() -> None:
    from selu_proof.meanfield.activation import catalogue_fixed_point

    relu = simulate(40, 300, 200, rng=np.random.default_rng(0), activation="relu",
                    certify_catalogue=catalogue_fixed_point)
    tanh = simulate(40, 300, 200, rng=np.random.default_rng(0), activation="tanh",
                    certify_catalogue=catalogue_fixed_point)
    for res in (relu, tanh):  # their own g has no fixed point with nu > 0 at (0, 1)
        assert res.fixed_point["status"] == "unknown" and "nu" in res.fixed_point["reason"]
        assert res.fixed_point_enclosure() is None and res.drift() is None
    assert relu.layers[-1].var < 1e-8  # second moment halves per layer: variance collapses
    assert relu.layers[-1].predicted_var < 1e-8
    assert tanh.layers[-1].var < 0.1  # slow collapse towards 0
    # tanh's variance map has slope -> 1 near 0, so finite-width errors are not damped and
    # the iterated prediction drifts; one step of the quadrature map stays within a few SE
    assert tanh.layers[-1].var == pytest.approx(tanh.layers[-1].predicted_var, rel=0.3)
    assert max(abs(r.step_dev_var) for r in tanh.layers[1:]) < 5


def test_in_place_activation_equals_selu() -> None:
    z = np.random.default_rng(0).standard_normal((50, 60)).astype(np.float32)
    np.testing.assert_array_equal(_activate(get_activation("selu"), z.copy()), selu(z))


def test_moment_statistics_standard_error_is_calibrated() -> None:
    # i.i.d. entries: the crossed SE must reduce to the ordinary one
    y = np.random.default_rng(0).standard_normal((300, 400))
    _, _, se_m, se_v = moment_statistics(y)
    assert se_m == pytest.approx(1 / math.sqrt(y.size), rel=0.15)
    assert se_v == pytest.approx(math.sqrt(2 / y.size), rel=0.15)
    # a random column effect of sd 0.5 dominates: SE ~ 0.5/sqrt(N)
    y2 = y + 0.5 * np.random.default_rng(1).standard_normal(400)
    assert moment_statistics(y2)[2] == pytest.approx(0.5 / math.sqrt(400), rel=0.2)


@pytest.mark.parametrize("kw", [{}, {"dropout_rate": 0.1}, {"init": "exact"},
                                {"activation": "tanh", "init": "truncated"},
                                {"width": 5, "batch": 3, "init": "uniform"}])
def test_seeded_reproducible_and_prefetch_independent(kw: dict) -> None:
    # the pool (threads, blocks in any order) and the serial loop give the same numbers
    # bit for bit, and so does a second pooled run (no dependence on thread timing)
    args = {"depth": 6, "width": 64, "batch": 48, "certify": False} | kw
    runs = [simulate(**args, rng=np.random.default_rng(9), prefetch=p) for p in (True, False,
                                                                             True)]
    rows = [[r.as_dict() for r in run.layers] for run in runs]
    assert rows[0] == rows[1] == rows[2]
    assert rows[0][-1]["mean"] != simulate(**args, rng=np.random.default_rng(10)).layers[-1].mean


def test_layer_weights_come_from_their_block_streams() -> None:
    # layer l's weights are initialize(..., layer_rngs(rng, depth).weights[l]): their realised
    # (omega, tau) is what simulate records for that layer
    res = simulate(3, 40, 20, rng=np.random.default_rng(5), certify=False)
    streams = layer_rngs(np.random.default_rng(5), 3)
    for layer in range(3):
        w = initialize("lecun", 40, 40, streams.weights[layer], dtype=np.float32).weights
        om, ta = weight_statistics(w)
        rec = res.layers[layer + 1]
        assert rec.omega == pytest.approx(float(om.mean()), abs=1e-12)
        assert rec.tau == pytest.approx(float(ta.mean()), rel=1e-7)  # float32 squares
    assert len(streams.weights[0]) == BLOCKS


@pytest.mark.parametrize("name", ["lecun", "truncated", "uniform", "exact"])
def test_initializer_row_blocks_independent_of_executor(name: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def gens() -> list[np.random.Generator]:
        return np.random.default_rng(3).spawn(4)

    serial = initialize(name, 30, 7, gens(), omega=0.2, tau=1.1, dtype=np.float32).weights
    with ThreadPoolExecutor(3) as pool:
        pooled = initialize(name, 30, 7, gens(), omega=0.2, tau=1.1, dtype=np.float32,
                            executor=pool).weights
    np.testing.assert_array_equal(serial, pooled)
    if name != "exact":  # rows 0-6 (the first of four blocks) come from the first stream alone,
        # scaled for fan-in 30: the same as 7 rows with omega and tau scaled by 7/30
        first = initialize(name, 7, 7, gens()[0], omega=0.2 * 7 / 30, tau=1.1 * 7 / 30,
                           dtype=np.float32).weights
        np.testing.assert_allclose(first, serial[:7], rtol=1e-6, atol=1e-7)
    with pytest.raises(ValueError, match="generators"):
        initialize(name, 3, 2, gens(), dtype=np.float32)


def test_cli_json_and_plot(tmp_path, capsys) -> None:
    png = tmp_path / "sim.png"
    code = main(["simulate", "--depth", "12", "--width", "300", "--batch", "200", "--omega",
                 "0.05", "--tau", "1.05", "--json", "--plot", str(png)])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["layers"]) == 13
    assert set(out["layers"][0]) >= {"layer", "mean", "var", "predicted_mean", "predicted_var"}
    assert out["fixed_point"]["status"] == "unique"
    assert out["config"]["init"] == "exact"
    assert png.stat().st_size > 10_000 and png.read_bytes()[:4] == b"\x89PNG"


def test_cli_table_and_non_selu(capsys, tmp_path) -> None:
    assert main(["simulate", "--depth", "5", "--width", "100", "--batch", "50",
                 "--activation", "tanh", "--plot", str(tmp_path / "t.svg")]) == 0
    text = capsys.readouterr().out
    assert "certified fixed point: unknown" in text and "no comparison" in text
    assert (tmp_path / "t.svg").exists()


@pytest.mark.parametrize("argv,msg", [
    (["--tau", "0"], "--tau"), (["--input-var", "-1"], "--input-var"),
    (["--dropout-rate", "1"], "--dropout-rate"), (["--omega", "nan"], "--omega"),
    (["--activation", "relu", "--dropout-rate", "0.1"], "selu only"),
    (["--plot", "x.gif"], "--plot"), (["--depth", "0"], "--depth"),
])
def test_cli_errors(argv, msg, capsys) -> None:
    assert main(["simulate", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and msg in err and "Traceback" not in err


def test_blas_thread_count_restored_after_simulate() -> None:
    threadpoolctl = pytest.importorskip("threadpoolctl")
    before = [i["num_threads"] for i in threadpoolctl.threadpool_info()
              if i["user_api"] == "blas"]
    simulate(2, 16, 8, rng=np.random.default_rng(0), certify=False)
    after = [i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]
    assert after == before and before  # numpy's BLAS is loaded and back to its own count


def test_every_simulation_is_compared_with_its_own_certified_fixed_point(capsys):
    """GELU, affine-normalized: its certified fixed point (0, 1) is repelling in nu (slope
    1.06), and the simulation drifts away; the layers beyond DRIFT_SE standard errors are
    flagged, in the table and in --json.  (It said 'not applicable (the map g is for SELU)'.)
    """
    from selu_proof.numeric.network import DRIFT_SE

    argv = ["simulate", "--activation", "gelu", "--normalize", "affine", "--depth", "20",
            "--width", "500", "--batch", "500", "--seed", "0"]
    assert main([*argv, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    fp = out["fixed_point"]
    assert fp["status"] == "exact (normalized)" and fp["box"] == {"mean": ["0", "0"],
                                                                  "var": ["1", "1"]}
    assert "gelu, affine-normalized" in fp["convention"]
    drift = out["summary"]["fixed_point_drift"]
    assert drift["threshold_se"] == DRIFT_SE == 5
    for key in ("mean", "var"):  # a drift: flagged layers up to the last one
        assert 20 in drift[f"layers_{key}"] and drift[f"last_dev_{key}"] > 5.5
    for layer in out["layers"]:  # the distance from the enclosure [0, 0] x [1, 1], in SE
        assert layer["fixed_point_dev_mean"] == pytest.approx(layer["mean"] / layer["se_mean"],
                                                              rel=1e-12)
        assert layer["fixed_point_dev_var"] == pytest.approx(
            (layer["var"] - 1) / layer["se_var"], rel=1e-12)
        flagged = abs(layer["fixed_point_dev_var"]) > 5 and layer["layer"] > 0
        assert flagged == (layer["layer"] in drift["layers_var"])
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "certified fixed point (weight statistics omega=0, tau=1; gelu, affine-normalized" \
        in text and "mean in [0, 0], var in [1, 1]" in text
    line = next(ln for ln in text.splitlines() if ln.startswith("farther than 5 SE"))
    assert "var at layers " in line and "-20 (largest" in line


def test_selu_at_its_fixed_point_flags_no_layer():
    res = simulate(30, 500, 500, rng=np.random.default_rng(1))
    drift = res.drift()
    assert drift["layers_mean"] == [] and drift["layers_var"] == []
    assert drift["max_abs_dev_mean"] < 4 and drift["max_abs_dev_var"] < 4.5
    inside = SimulationResult(res.layers[:1], {"box": {"mean": ["-1", "1"], "var": ["0", "9"]}})
    assert inside.fixed_point_deviations() == [(0.0, 0.0)]


def test_closed_form_and_quadrature_fixed_points_overlap():
    """ELU's fixed point at (omega, tau) = (0.05, 1.05): closed forms and quadrature agree."""
    from selu_proof.meanfield.activation import catalogue_fixed_point
    from selu_proof.numeric.network import certified_fixed_point

    closed = certified_fixed_point("0.05", "1.05", 1.0, 1.0)
    quad = catalogue_fixed_point("elu:alpha=1", None, "0.05", "1.05")
    assert closed["status"] == quad["status"] == "unique"
    for key in ("mean", "var"):
        lo, hi = (float(x) for x in quad["box"][key])
        assert lo <= float(closed[key]) <= hi and hi - lo < 1e-8
    elu = simulate(5, 50, 50, rng=np.random.default_rng(0), activation="elu", init="exact",
                   omega="0.05", tau="1.05")
    assert elu.fixed_point["box"] == closed["box"]


def test_the_public_simulate_certifies_a_catalogue_activation():
    """``selu_proof.simulate`` compares a catalogue activation with its certified fixed point;
    the numeric layer alone cannot import the certification and says so."""
    import numpy as np

    import selu_proof
    from selu_proof.numeric.activations import catalogue_activation
    from selu_proof.numeric.network import simulate as bare

    act = catalogue_activation("gelu", "affine")
    res = selu_proof.simulate(3, 50, 50, rng=np.random.default_rng(0), activation=act)
    assert res.fixed_point["status"] == "exact (normalized)", res.fixed_point
    assert res.fixed_point["mean"] == ["0", "0"] and res.fixed_point["var"] == ["1", "1"]
    res0 = bare(3, 50, 50, rng=np.random.default_rng(0), activation=act)
    assert res0.fixed_point["status"] == "unknown"
    assert "certify_catalogue" in res0.fixed_point["reason"]
