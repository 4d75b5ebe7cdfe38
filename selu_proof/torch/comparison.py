"""Ranks, paired tests and tables for the baseline and GAN experiments (``experiments/``).

The results are the JSON files written by ``experiments/baselines.py``
(``baselines.json``) and ``experiments/gan.py`` (``gan.json``); the tables of
docs/experiments.md and the figures are computed here from them.

* Baselines, as Klambauer et al. (2017, Section 4.1) do on the UCI tasks: a
  *task* is a (data set, depth) pair; per task the methods are ranked by mean
  test accuracy over seeds (rank 1 best, ties share the average rank,
  ``scipy.stats.rankdata``), and each method's ranks are averaged over the
  tasks.  SNN (``selu``) is compared with every other method by the
  Wilcoxon signed-rank test over the tasks (``scipy.stats.wilcoxon``,
  two-sided, on the per-task mean accuracies; pairs with equal means are
  dropped, as the default ``zero_method='wilcox'`` does).
* GANs: per data set, depth and discriminator, the mean ± sd over seeds of
  modes captured, high-quality fraction and reverse KL; per data set and depth,
  two-sided Mann-Whitney U tests across seeds (``scipy.stats.mannwhitneyu``) on
  the modes captured for the pairs of discriminators in :data:`GAN_PAIRS`.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from statistics import mean, stdev
from typing import Any

import numpy as np

__all__ = ["load", "task_accuracies", "rank_methods", "wilcoxon_vs", "baseline_tables",
           "gan_summary", "gan_tests", "gan_tables", "GAN_PAIRS", "METHOD_NAMES",
           "plot_baselines", "plot_gan_modes", "plot_gan_samples"]

METHOD_NAMES = {"selu": "SNN", "selu-ad": "SNN+AD", "relu": "ReLU", "relu-bn": "BatchNorm",
                "relu-ln": "LayerNorm", "relu-wn": "WeightNorm", "highway": "Highway",
                "resnet": "ResNet", "elu": "ELU"}
#: (a, b, question) pairs of discriminators compared by Mann-Whitney tests
GAN_PAIRS = (("selu", "lrelu", "SNN vs LeakyReLU"),
             ("sn-lrelu", "lrelu", "spectral norm vs LeakyReLU"),
             ("selu", "sn-lrelu", "SNN vs spectral norm"),
             ("sn-selu", "selu", "spectral norm on top of SNN"))


def load(directory: str | Path, name: str) -> dict[str, Any] | None:
    """The results file ``name.json`` in ``directory`` (``None`` when absent)."""
    path = Path(directory) / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def _fmt_p(p: float) -> str:
    return "n/a" if p is None or math.isnan(p) else (f"{p:.2g}" if p >= 0.001 else f"{p:.0e}")


# --------------------------------------------------------------------------- baselines


def task_accuracies(res: dict[str, Any]) -> dict[tuple[str, int], dict[str, list[float]]]:
    """``{(dataset, depth): {method: [test accuracy per seed]}}`` (a diverged run counts 0)."""
    out: dict[tuple[str, int], dict[str, list[float]]] = {}
    for r in res["runs"]:
        acc = 0.0 if r["diverged"] is not None else r["test_accuracy"]
        out.setdefault((r["dataset"], r["depth"]), {}).setdefault(r["activation"], []).append(acc)
    return out


def rank_methods(res: dict[str, Any]) -> tuple[dict[tuple[str, int], dict[str, float]],
                                                dict[str, float]]:
    """Per task the rank of every method (1 = best mean accuracy), and the average ranks.

    >>> res = {"runs": [{"dataset": "d", "depth": 1, "activation": a, "diverged": None,
    ...                  "test_accuracy": x} for a, x in (("selu", .9), ("relu", .8))]}
    >>> rank_methods(res)[1]
    {'selu': 1.0, 'relu': 2.0}
    """
    from scipy.stats import rankdata

    ranks: dict[tuple[str, int], dict[str, float]] = {}
    for task, accs in task_accuracies(res).items():
        methods = list(accs)
        r = rankdata([-round(mean(accs[m]), 9) for m in methods])  # float noise is no rank
        ranks[task] = {m: float(x) for m, x in zip(methods, r)}
    methods = list(next(iter(ranks.values())))
    return ranks, {m: mean(ranks[t][m] for t in ranks) for m in methods}


def wilcoxon_vs(res: dict[str, Any], reference: str = "selu") -> dict[str, dict[str, Any]]:
    """Wilcoxon signed-rank test of ``reference`` against every other method, over the tasks.

    Returns per method ``{"tasks", "wins", "ties", "losses", "statistic", "p"}``
    (wins: tasks where ``reference`` has the higher mean accuracy).
    """
    from scipy.stats import wilcoxon

    accs = task_accuracies(res)
    tasks = sorted(accs)
    out = {}
    for m in next(iter(accs.values())):
        if m == reference:
            continue
        a = np.array([round(mean(accs[t][reference]), 9) for t in tasks])
        b = np.array([round(mean(accs[t][m]), 9) for t in tasks])
        d = a - b
        stat, p = (math.nan, math.nan)
        if np.any(d != 0):
            w = wilcoxon(a, b)
            stat, p = float(w.statistic), float(w.pvalue)
        out[m] = {"tasks": len(tasks), "wins": int((d > 0).sum()), "ties": int((d == 0).sum()),
                  "losses": int((d < 0).sum()), "statistic": stat, "p": p}
    return out


def baseline_tables(res: dict[str, Any]) -> str:
    """Markdown: accuracies per task, ranks, average rank and the Wilcoxon tests."""
    setup = res["setup"]
    accs = task_accuracies(res)
    ranks, avg = rank_methods(res)
    methods = sorted(avg, key=lambda m: (avg[m], m))
    tasks = sorted(accs, key=lambda t: (setup["datasets"].index(t[0]), t[1]))
    seeds = len(setup["seeds"])
    lines = [f"Test accuracy (mean over {seeds} seeds; rank among the {len(methods)} methods "
             f"in brackets), {setup['optimizer'].upper()} lr {setup['lr']:g}, width "
             f"{setup['width']}, minibatch {setup['batch_size']}; a diverged run counts as "
             "accuracy 0", "",
             "| data set | depth | " + " | ".join(METHOD_NAMES[m] for m in methods) + " |",
             "|---|---|" + "---|" * len(methods)]
    for t in tasks:
        cells = [f"{mean(accs[t][m]):.3f} ({ranks[t][m]:g})" for m in methods]
        lines.append(f"| {t[0]} | {t[1]} | " + " | ".join(cells) + " |")
    lines.append("| **average rank** | | " + " | ".join(f"**{avg[m]:.2f}**" for m in methods)
                 + " |")
    lines += ["", f"SNN against each method, over the {len(tasks)} tasks (data set x depth): "
              "tasks where SNN's mean accuracy is higher / equal / lower, and the two-sided "
              "Wilcoxon signed-rank p-value", "",
              "| method | SNN higher | equal | SNN lower | Wilcoxon p |", "|---|---|---|---|---|"]
    for m, w in sorted(wilcoxon_vs(res).items(), key=lambda kv: avg[kv[0]]):
        lines.append(f"| {METHOD_NAMES[m]} | {w['wins']} | {w['ties']} | {w['losses']} | "
                     f"{_fmt_p(w['p'])} |")
    return "\n".join(lines) + "\n"


def plot_baselines(res: dict[str, Any]) -> Any:
    """Mean test accuracy against depth, one panel per data set, one line per method."""
    import matplotlib.pyplot as plt

    accs = task_accuracies(res)
    datasets, depths = res["setup"]["datasets"], res["setup"]["depths"]
    fig, axes = plt.subplots(1, len(datasets), figsize=(3.6 * len(datasets), 3.4),
                             squeeze=False)
    for j, ds in enumerate(datasets):
        ax = axes[0][j]
        for k, m in enumerate(METHOD_NAMES):
            if m not in accs[(ds, depths[0])]:
                continue
            ys = [mean(accs[(ds, d)][m]) for d in depths]
            ax.plot(depths, ys, "o-", ms=3, lw=2.4 if m == "selu" else 1,
                    color="k" if m == "selu" else f"C{k % 10}", label=METHOD_NAMES[m])
        ax.set(xscale="log", xlabel="depth", title=ds, ylim=(0, 1.02))
        ax.set_xticks(depths, [str(d) for d in depths])
        ax.minorticks_off()
        if j == 0:
            ax.set_ylabel("test accuracy (mean over seeds)")
    axes[0][-1].legend(fontsize=7, loc="lower left")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- GANs


def _gan_groups(res: dict[str, Any]) -> dict[tuple[str, int, str], list[dict[str, Any]]]:
    out: dict[tuple[str, int, str], list[dict[str, Any]]] = {}
    for r in res["runs"]:
        out.setdefault((r["data"], r["depth"], r["discriminator"]), []).append(r)
    return out


def _ms(values: list[float], fmt: str) -> str:
    vals = [v for v in values if v is not None]
    if not vals:
        return "undefined"
    s = f"{mean(vals):{fmt}} ± {stdev(vals):{fmt}}" if len(vals) > 1 else f"{vals[0]:{fmt}}"
    return s + (f" ({len(vals)} of {len(values)})" if len(vals) < len(values) else "")


def gan_summary(res: dict[str, Any]) -> dict[tuple[str, int, str], dict[str, str]]:
    """Per (data, depth, discriminator): mean ± sd of modes, high quality and reverse KL."""
    return {k: {"modes": _ms([r["modes"] for r in runs], ".1f"),
                "high_quality": _ms([r["high_quality"] for r in runs], ".3f"),
                "reverse_kl": _ms([r["reverse_kl"] for r in runs], ".2f"),
                "seeds": str(len(runs))}
            for k, runs in _gan_groups(res).items()}


def gan_tests(res: dict[str, Any], metric: str = "modes") -> list[dict[str, Any]]:
    """Two-sided Mann-Whitney U tests across seeds on ``metric`` for :data:`GAN_PAIRS`."""
    from scipy.stats import mannwhitneyu

    groups = _gan_groups(res)
    out = []
    for data in res["setup"]["data"]:
        for depth in res["setup"]["depths"]:
            for a, b, question in GAN_PAIRS:
                xa = [r[metric] for r in groups[(data, depth, a)]]
                xb = [r[metric] for r in groups[(data, depth, b)]]
                p = (1.0 if len(set(xa + xb)) == 1
                     else float(mannwhitneyu(xa, xb, alternative="two-sided").pvalue))
                out.append({"data": data, "depth": depth, "a": a, "b": b,
                            "question": question, "mean_a": mean(xa), "mean_b": mean(xb),
                            "p": p})
    return out


def gan_tables(res: dict[str, Any]) -> str:
    """Markdown: the GAN metrics per configuration and the Mann-Whitney tests."""
    s = res["setup"]
    summary = gan_summary(res)
    totals = {r["data"]: r["modes_total"] for r in res["runs"]}
    lines = [f"{s['steps']} steps, {len(s['seeds'])} seeds per configuration, "
             f"{s['generator']} generator; mean ± sd over seeds (reverse KL over the seeds "
             "with high-quality samples)", "",
             "| data | depth | discriminator | modes captured | high-quality fraction | "
             "reverse KL |", "|---|---|---|---|---|---|"]
    for data in s["data"]:
        for depth in s["depths"]:
            for d in s["discriminators"]:
                row = summary[(data, depth, d)]
                lines.append(f"| {data} | {depth} | {d} | {row['modes']} of {totals[data]} | "
                             f"{row['high_quality']} | {row['reverse_kl']} |")
    lines += ["", "Modes captured, two-sided Mann-Whitney U test across seeds (mean of each "
              "side, p-value)", "",
              "| data | depth | comparison | means | p |", "|---|---|---|---|---|"]
    for t in gan_tests(res):
        lines.append(f"| {t['data']} | {t['depth']} | {t['a']} vs {t['b']} ({t['question']}) | "
                     f"{t['mean_a']:.1f} vs {t['mean_b']:.1f} | {_fmt_p(t['p'])} |")
    return "\n".join(lines) + "\n"


def plot_gan_modes(res: dict[str, Any]) -> Any:
    """Modes captured per seed (dots) and mean (bar), one panel per data set and depth."""
    import matplotlib.pyplot as plt

    s = res["setup"]
    groups = _gan_groups(res)
    fig, axes = plt.subplots(len(s["data"]), len(s["depths"]),
                             figsize=(3.6 * len(s["depths"]), 3.0 * len(s["data"])),
                             squeeze=False)
    for i, data in enumerate(s["data"]):
        for j, depth in enumerate(s["depths"]):
            ax = axes[i][j]
            for k, d in enumerate(s["discriminators"]):
                runs = groups[(data, depth, d)]
                ys = [r["modes"] for r in runs]
                ax.bar(k, mean(ys), color=f"C{k}", alpha=0.35)
                ax.plot(k + np.linspace(-0.2, 0.2, len(ys)), ys, "o", color=f"C{k}", ms=3)
            ax.set_xticks(range(len(s["discriminators"])), s["discriminators"], fontsize=8)
            ax.set_ylim(0, runs[0]["modes_total"] + 0.5)
            ax.set_title(f"{data}, discriminator depth {depth}", fontsize=9)
            if j == 0:
                ax.set_ylabel("modes captured")
    fig.tight_layout()
    return fig


def plot_gan_samples(samples: dict[str, Any]) -> Any:
    """Generated samples of one seed per configuration over the true modes (``gan_samples``)."""
    import matplotlib.pyplot as plt

    from selu_proof.torch.gan import plot_samples

    keys = sorted(samples["samples"], key=lambda k: (k.split("/")[0], int(k.split("/")[1]),
                                                     k.split("/")[2]))
    rows = sorted({"/".join(k.split("/")[:2]) for k in keys},
                  key=lambda r: (r.split("/")[0], int(r.split("/")[1])))
    discs = list(dict.fromkeys(k.split("/")[2] for k in keys))
    fig, axes = plt.subplots(len(rows), len(discs), figsize=(2.6 * len(discs), 2.6 * len(rows)),
                             squeeze=False)
    for i, row in enumerate(rows):
        for j, d in enumerate(discs):
            data, depth = row.split("/")
            pts = np.array(samples["samples"][f"{row}/{d}"], dtype=float)
            plot_samples(pts, data, ax=axes[i][j], title=f"{data}, {d}, depth {depth}")
            axes[i][j].tick_params(labelsize=6)
    fig.tight_layout()
    return fig
