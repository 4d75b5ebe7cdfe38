"""The committed experiment results, the statistics computed from them, and the docs tables."""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path

import pytest

pytest.importorskip("scipy")
pytest.importorskip("torch")

from selu_proof.torch import comparison  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "experiments" / "results"
GAN_KEYS = {"data", "discriminator", "generator", "depth", "seed", "steps", "modes",
            "modes_total", "high_quality", "reverse_kl", "seconds"}


def _runs(dataset, depth, accs):
    return [{"dataset": dataset, "depth": depth, "activation": m, "seed": s, "diverged": None,
             "test_accuracy": a} for m, xs in accs.items() for s, a in enumerate(xs)]


def test_ranks_share_ties_and_average_over_tasks():
    res = {"runs": _runs("a", 1, {"selu": [0.9, 0.8], "relu": [0.85, 0.85], "elu": [0.5, 0.5]})
           + _runs("b", 1, {"selu": [0.4, 0.4], "relu": [0.6, 0.6], "elu": [0.6, 0.6]})}
    ranks, avg = comparison.rank_methods(res)
    assert ranks[("a", 1)] == {"selu": 1.5, "relu": 1.5, "elu": 3.0}  # 0.85 = 0.85: a tie
    assert ranks[("b", 1)] == {"selu": 3.0, "relu": 1.5, "elu": 1.5}
    assert avg == {"selu": 2.25, "relu": 1.5, "elu": 2.25}


def test_diverged_run_counts_as_accuracy_zero():
    runs = _runs("a", 1, {"selu": [0.9], "relu": [0.95]})
    runs[1]["diverged"] = 3
    assert comparison.task_accuracies({"runs": runs})[("a", 1)]["relu"] == [0.0]


def test_wilcoxon_against_scipy_and_counts():
    from scipy.stats import wilcoxon

    snn = [0.9, 0.8, 0.7, 0.95, 0.6, 0.85]
    other = [0.8, 0.82, 0.5, 0.9, 0.6, 0.7]
    runs = list(itertools.chain.from_iterable(
        _runs(f"d{k}", 8, {"selu": [a], "relu": [b]}) for k, (a, b) in enumerate(zip(snn, other))))
    w = comparison.wilcoxon_vs({"runs": runs})["relu"]
    assert (w["tasks"], w["wins"], w["ties"], w["losses"]) == (6, 4, 1, 1)
    assert w["p"] == pytest.approx(wilcoxon(snn, other).pvalue, rel=1e-12)


def test_mann_whitney_gan_tests():
    from scipy.stats import mannwhitneyu

    runs = [{"data": "ring8", "depth": 3, "discriminator": d, "modes": m, "seed": s}
            for d, ms in (("lrelu", [1, 2, 1, 2, 1]), ("selu", [6, 7, 8, 7, 6]),
                          ("sn-lrelu", [3, 3, 3, 3, 3]), ("sn-selu", [3, 3, 3, 3, 3]))
            for s, m in enumerate(ms)]
    res = {"setup": {"data": ["ring8"], "depths": [3]}, "runs": runs}
    tests = {(t["a"], t["b"]): t for t in comparison.gan_tests(res)}
    p = mannwhitneyu([6, 7, 8, 7, 6], [1, 2, 1, 2, 1], alternative="two-sided").pvalue
    assert tests[("selu", "lrelu")]["p"] == pytest.approx(p, rel=1e-12)
    assert tests[("selu", "lrelu")]["mean_a"] == 6.8
    assert set(tests) == {(a, b) for a, b, _ in comparison.GAN_PAIRS}


# --------------------------------------------------------------------------- committed results


def test_gan_results_cover_every_configuration_with_five_seeds():
    res = comparison.load(RESULTS, "gan")
    s = res["setup"]
    assert set(s["data"]) == {"ring8", "grid25"} and {3, 8} <= set(s["depths"])
    assert set(s["discriminators"]) == {"lrelu", "selu", "sn-lrelu", "sn-selu"}
    for r in res["runs"]:
        assert set(r) == GAN_KEYS
    seeds: dict[tuple, set] = {}
    for r in res["runs"]:
        seeds.setdefault((r["data"], r["discriminator"], r["depth"]), set()).add(r["seed"])
    assert len(seeds) == 16 and all(len(v) >= 5 for v in seeds.values())
    assert s["cpu_seconds"] > 0


def test_baseline_results_cover_every_method_dataset_and_depth_with_five_seeds():
    res = comparison.load(RESULTS, "baselines")
    s = res["setup"]
    assert set(s["datasets"]) == {"digits", "breast_cancer", "wine", "iris"}
    assert 64 in s["depths"] and len(s["activations"]) == 9
    seeds: dict[tuple, set] = {}
    for r in res["runs"]:
        seeds.setdefault((r["dataset"], r["activation"], r["depth"]), set()).add(r["seed"])
    assert len(seeds) == 4 * 9 * len(s["depths"]) and all(len(v) >= 5 for v in seeds.values())


def test_docs_tables_are_generated_from_the_committed_results():
    spec = importlib.util.spec_from_file_location("tables", ROOT / "experiments" / "tables.py")
    tables = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tables)
    page = (ROOT / "docs" / "experiments.md").read_text(encoding="utf-8")
    generated = tables.blocks()
    assert set(generated) == {"training", "baseline", "gan"}
    assert tables.rewrite(page, generated) == page, "run python experiments/tables.py"
