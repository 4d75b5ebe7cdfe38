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
  two-sided Mann-Whitney U tests across seeds on the modes captured for the
  pairs of discriminators in :data:`GAN_PAIRS`, exact and conditional on the
  ties (:func:`rank_sum_exact_p`; the modes are small integers, so most
  samples have ties, where ``scipy.stats.mannwhitneyu(method="exact")`` is
  not exact), with Holm's step-down correction over the whole family of
  comparisons (:func:`holm`).

Every p-value is reported raw and Holm-adjusted; the Wilcoxon tests of the
baselines are adjusted over their family (one test per method) too.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from statistics import mean, stdev
from typing import Any

import numpy as np

__all__ = ["load", "holm", "rank_sum_exact_p", "smallest_rank_sum_p", "task_accuracies",
           "rank_methods", "wilcoxon_vs", "baseline_tables", "baseline_findings", "gan_summary",
           "gan_tests", "spectral_norm_summary", "gan_findings", "gan_tables", "GAN_PAIRS",
           "METHOD_NAMES", "plot_baselines", "plot_gan_modes", "plot_gan_samples"]

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
    """Two significant digits: ``0.28``, ``0.0055``, ``1.3e-04``."""
    return "n/a" if p is None or math.isnan(p) else (f"{p:.2g}" if p >= 0.001 else f"{p:.1e}")


# --------------------------------------------------------------------------- tests


def holm(pvalues: Sequence[float]) -> list[float]:
    """Holm's step-down adjusted p-values (Holm 1979), in the order given.

    With the raw p-values sorted, ``p_(1) <= ... <= p_(m)``, the adjusted
    value of ``p_(i)`` is ``max_{j <= i} min(1, (m - j + 1) p_(j))``; rejecting
    where it is below ``a`` keeps the family-wise error rate at most ``a``.
    ``nan`` (no test) stays ``nan`` and does not count in ``m``.

    >>> holm([0.01, 0.04, 0.03, 0.5])
    [0.04, 0.09, 0.09, 0.5]
    """
    idx = sorted((i for i, p in enumerate(pvalues) if not math.isnan(p)),
                 key=lambda i: pvalues[i])
    out = [math.nan] * len(pvalues)
    running = 0.0
    for k, i in enumerate(idx):
        running = max(running, min(1.0, (len(idx) - k) * pvalues[i]))
        out[i] = running
    return out


def rank_sum_exact_p(x: Sequence[float], y: Sequence[float]) -> float:
    r"""Exact two-sided p-value of the Mann-Whitney (Wilcoxon rank-sum) test, given the ties.

    The pooled sample is ranked with mid-ranks; under the null hypothesis
    every choice of ``len(x)`` of the pooled values as the ``x`` sample is
    equally likely (the permutation distribution, conditional on the ties).
    The p-value is the probability that the rank sum ``W`` of ``x`` is at
    least as far from its mean :math:`n_x (N + 1) / 2` as the observed one,
    counted exactly over all :math:`\binom{N}{n_x}` choices (tie groups are
    enumerated by how many of their members ``x`` takes).  For equal sample
    sizes this equals ``scipy.stats.mannwhitneyu(x, y, method=PermutationMethod
    (n_resamples=np.inf)).pvalue`` (both distributions are symmetric), without
    enumerating the permutations.

    >>> rank_sum_exact_p([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]) == 2 / 252
    True
    >>> rank_sum_exact_p([1, 1, 1], [1, 1, 1])
    1.0
    """
    nx, n = len(x), len(x) + len(y)
    if nx == 0 or nx == n:
        raise ValueError("both samples need at least one value")
    pooled = sorted(list(x) + list(y))
    groups: dict[float, list[int]] = {}  # value -> [doubled mid-rank, size]
    for k, v in enumerate(pooled):
        g = groups.setdefault(v, [0, 0])
        g[0] += 2 * (k + 1)
        g[1] += 1
    for g in groups.values():
        g[0] //= g[1]  # doubled mid-rank (an integer: the mean of 2i over consecutive i)
    observed = sum(groups[v][0] for v in x)
    centre = nx * (n + 1)  # doubled mean rank sum
    # counts[(taken, doubled rank sum)] = number of ways, over the tie groups so far
    counts: dict[tuple[int, int], int] = {(0, 0): 1}
    for rank2, size in groups.values():
        nxt: dict[tuple[int, int], int] = {}
        for (taken, total), ways in counts.items():
            for j in range(min(size, nx - taken) + 1):
                key = (taken + j, total + j * rank2)
                nxt[key] = nxt.get(key, 0) + ways * math.comb(size, j)
        counts = nxt
    extreme = sum(w for (taken, total), w in counts.items()
                  if taken == nx and abs(total - centre) >= abs(observed - centre))
    return extreme / math.comb(n, nx)


def smallest_rank_sum_p(nx: int, ny: int) -> float:
    """The smallest p-value :func:`rank_sum_exact_p` can give for samples of these sizes
    (no ties, complete separation): ``2 / C(nx + ny, nx)`` for ``nx == ny``.

    >>> smallest_rank_sum_p(5, 5) == 2 / 252
    True
    """
    return rank_sum_exact_p(range(nx), range(nx, nx + ny))


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

    Returns per method ``{"tasks", "wins", "ties", "losses", "statistic", "p", "p_holm"}``
    (wins: tasks where ``reference`` has the higher mean accuracy; ``p_holm``: adjusted
    by :func:`holm` over the family of these tests, one per method).
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
    for w, adjusted in zip(out.values(), holm([w["p"] for w in out.values()])):
        w["p_holm"] = adjusted
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
              f"Wilcoxon signed-rank p-value, raw and Holm-adjusted over the {len(methods) - 1} "
              "comparisons", "",
              "| method | SNN higher | equal | SNN lower | Wilcoxon p | Holm p |",
              "|---|---|---|---|---|---|"]
    for m, w in sorted(wilcoxon_vs(res).items(), key=lambda kv: avg[kv[0]]):
        lines.append(f"| {METHOD_NAMES[m]} | {w['wins']} | {w['ties']} | {w['losses']} | "
                     f"{_fmt_p(w['p'])} | {_fmt_p(w['p_holm'])} |")
    return "\n".join(lines) + "\n"


def _and(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _depths(ds: list[int]) -> str:
    return ("depth " if len(ds) == 1 else "depths ") + _and([str(d) for d in ds])


def _tasks_text(tasks: Sequence[tuple[str, int]], datasets: Sequence[str]) -> str:
    """``digits at depth 8, wine at depths 8 and 16``: tasks grouped by data set."""
    by: dict[str, list[int]] = {}
    for ds, depth in tasks:
        by.setdefault(ds, []).append(depth)
    return _and([f"{ds} at {_depths(sorted(by[ds]))}" for ds in datasets if ds in by])


def baseline_findings(res: dict[str, Any], reference: str = "selu",
                      dropout: str = "selu-ad", alpha: float = 0.05) -> str:
    """Markdown bullets: what the baseline tables say, generated from the results.

    Average ranks; where ``reference`` ranks first or second; the Wilcoxon tests
    significant after :func:`holm` at level ``alpha`` and those that are not; the
    best method per data set at the largest depth; the tasks where ``dropout`` ranks
    above ``reference``; every diverged run.  Each number is computed here, so the
    sentences cannot disagree with the tables.
    """
    setup = res["setup"]
    accs = task_accuracies(res)
    ranks, avg = rank_methods(res)
    tasks = sorted(accs, key=lambda t: (setup["datasets"].index(t[0]), t[1]))
    name = METHOD_NAMES.get
    order = sorted(avg, key=lambda m: (avg[m], m))
    ref = name(reference)
    top2 = sum(ranks[t][reference] <= 2 for t in tasks)
    out = [f"- **{name(order[0])} has the best average rank, {avg[order[0]]:.2f} of "
           f"{len(order)}**, then " + _and([f"{name(m)} ({avg[m]:.2f})" for m in order[1:]])
           + f". {ref} is first or second on {top2} of the {len(tasks)} tasks."]

    tests = wilcoxon_vs(res, reference)
    better = [m for m in order if m in tests and tests[m]["p_holm"] < alpha
              and tests[m]["wins"] > tests[m]["losses"]]
    worse = [m for m in order if m in tests and tests[m]["p_holm"] < alpha
             and tests[m]["wins"] < tests[m]["losses"]]
    unclear = [m for m in order if m in tests and m not in better + worse]
    if better:
        who = ("every baseline" if not unclear and not worse
               else "every baseline but " + _and([name(m) for m in unclear + worse]))
        all_lost = [name(m) for m in better if tests[m]["wins"] == len(tasks)]
        line = (f"- **{ref} is significantly better than {who}** (Wilcoxon signed-rank over "
                f"the {len(tasks)} tasks, p ≤ {_fmt_p(max(tests[m]['p'] for m in better))}, "
                f"Holm-adjusted over the {len(tests)} comparisons p ≤ "
                f"{_fmt_p(max(tests[m]['p_holm'] for m in better))}")
        if all_lost:
            line += (f"; {_and(all_lost)} {'loses' if len(all_lost) == 1 else 'lose'} on "
                     f"all {len(tasks)} tasks")
        out.append(line + ").")
    for m in worse:
        w = tests[m]
        out.append(f"- **{name(m)} is significantly better than {ref}** ({ref} higher on "
                   f"{w['wins']} tasks, lower on {w['losses']}; p = {_fmt_p(w['p'])}, Holm "
                   f"p = {_fmt_p(w['p_holm'])}).")
    for m in unclear:
        w = tests[m]
        out.append(f"- **Against {name(m)} there is no significant difference** ({ref} higher "
                   f"on {w['wins']} tasks, lower on {w['losses']}; p = {_fmt_p(w['p'])}, Holm "
                   f"p = {_fmt_p(w['p_holm'])}).")

    deepest, shallowest = max(setup["depths"]), min(setup["depths"])
    firsts = []
    for ds in setup["datasets"]:
        t, t0 = (ds, deepest), (ds, shallowest)
        best = [m for m in order if ranks[t][m] == min(ranks[t].values())]
        shown = best + ([] if reference in best else [reference])
        firsts.append(f"{ds}: " + ", ".join(
            f"{name(m)} {mean(accs[t][m]):.3f} ({mean(accs[t0][m]):.3f})" for m in shown))
    out.append(f"- **At depth {deepest}** the first-ranked method and {ref} (mean accuracy, "
               f"in brackets at depth {shallowest}) are, per data set: " + "; ".join(firsts)
               + ".")

    if dropout in avg:
        above = [t for t in tasks if ranks[t][dropout] < ranks[t][reference]]
        below = [t for t in tasks if ranks[t][dropout] > ranks[t][reference]]
        firsts_ad = [t for t in above if ranks[t][dropout] == 1]
        line = f"- **{ref} with alpha dropout** ({name(dropout)}) ranks above {ref} on "
        line += (_tasks_text(above, setup["datasets"]) if above else "no task")
        if above and firsts_ad == above:
            line += " (first on " + ("each" if len(above) > 1 else "it") + ")"
        line += f" and below it on {'the other ' if above else ''}{len(below)} tasks"
        line += "." if len(above) + len(below) == len(tasks) else \
            f" ({len(tasks) - len(above) - len(below)} ties)."
        out.append(line)

    diverged: dict[str, dict[tuple[str, int], list[int]]] = {}
    for r in res["runs"]:
        if r["diverged"] is not None:
            diverged.setdefault(r["activation"], {}).setdefault(
                (r["dataset"], r["depth"]), []).append(r["diverged"])
    seeds = len(setup["seeds"])
    parts = []
    for m in sorted(diverged, key=lambda m: -sum(map(len, diverged[m].values()))):
        cells = diverged[m]
        per_depth = []
        for depth in setup["depths"]:
            here = [(ds, len(cells[(ds, depth)])) for ds in setup["datasets"]
                    if (ds, depth) in cells]
            if not here:
                continue
            total = sum(k for _, k in here)
            of = seeds * len(setup["datasets"])
            detail = ("" if total == of else
                      " (" + ", ".join(f"{ds} {k}" for ds, k in here) + ")")
            per_depth.append(f"{total} of {of} at depth {depth}{detail}")
        epochs = [e for runs in cells.values() for e in runs]
        first = sum(e == 1 for e in epochs)
        parts.append(f"{name(m)} {', '.join(per_depth)}, {first} of its {len(epochs)} in the "
                     "first epoch")
    clean = [name(m) for m in order if m not in diverged]
    out.append("- **Diverged runs** (a non-finite loss; counted as accuracy 0), of "
               f"{seeds} seeds on each of the {len(setup['datasets'])} data sets: "
               + ("; ".join(parts) if parts else "none")
               + (f". No run of {_and(clean)} diverged." if clean and parts else "."))
    return "\n".join(out) + "\n"


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
    """Two-sided exact Mann-Whitney tests across seeds on ``metric`` for :data:`GAN_PAIRS`.

    One test per data set, depth and pair (:func:`rank_sum_exact_p`); ``p_holm`` is
    adjusted by :func:`holm` over all of them (the family the page reports).
    """
    groups = _gan_groups(res)
    out = []
    for data in res["setup"]["data"]:
        for depth in res["setup"]["depths"]:
            for a, b, question in GAN_PAIRS:
                xa = [r[metric] for r in groups[(data, depth, a)]]
                xb = [r[metric] for r in groups[(data, depth, b)]]
                out.append({"data": data, "depth": depth, "a": a, "b": b,
                            "question": question, "mean_a": mean(xa), "mean_b": mean(xb),
                            "n_a": len(xa), "n_b": len(xb), "p": rank_sum_exact_p(xa, xb)})
    for t, adjusted in zip(out, holm([t["p"] for t in out])):
        t["p_holm"] = adjusted
    return out


def gan_tables(res: dict[str, Any]) -> str:
    """Markdown: the GAN metrics per configuration and the Mann-Whitney tests (raw and Holm)."""
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
    tests = gan_tests(res)
    lines += ["", "Modes captured, two-sided Mann-Whitney U test across seeds, exact given the "
              "ties (mean of each side; p-value raw and Holm-adjusted over the "
              f"{len(tests)} comparisons)", "",
              "| data | depth | comparison | means | p | Holm p |", "|---|---|---|---|---|---|"]
    for t in tests:
        lines.append(f"| {t['data']} | {t['depth']} | {t['a']} vs {t['b']} ({t['question']}) | "
                     f"{t['mean_a']:.1f} vs {t['mean_b']:.1f} | {_fmt_p(t['p'])} | "
                     f"{_fmt_p(t['p_holm'])} |")
    return "\n".join(lines) + "\n"


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def spectral_norm_summary(res: dict[str, Any], alpha: float = 0.05,
                          tests: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Spectral normalization against the same discriminator without it (``sn-X`` vs ``X``).

    ``max_modes`` (over every run with spectral normalization), ``max_high_quality``
    (the largest mean over seeds of a configuration with it), and lists of the
    :func:`gan_tests` rows: ``pairs`` (every ``sn-X`` vs ``X``), ``learned`` (``X``
    captured a mode in at least one seed), ``fewer`` (of those, ``sn-X`` has the lower
    mean), ``raw01`` (of those, p < 0.01) and ``holm`` (of those, Holm p < ``alpha``).
    """
    s = res["setup"]
    groups = _gan_groups(res)
    tests = gan_tests(res) if tests is None else tests
    by = {(t["data"], t["depth"], t["a"], t["b"]): t for t in tests}
    sn = [d for d in s["discriminators"] if d.startswith("sn-")]
    pairs = [by[(data, depth, d, d[3:])] for data in s["data"] for depth in s["depths"]
             for d in sn if (data, depth, d, d[3:]) in by]
    learned = [t for t in pairs
               if any(r["modes"] > 0 for r in groups[(t["data"], t["depth"], t["b"])])]
    fewer = [t for t in learned if t["mean_a"] < t["mean_b"]]
    return {"max_modes": max(r["modes"] for r in res["runs"] if r["discriminator"] in sn),
            "max_high_quality": max(mean(r["high_quality"] for r in groups[(data, depth, d)])
                                    for data in s["data"] for depth in s["depths"]
                                    for d in sn),
            "pairs": pairs, "learned": learned, "fewer": fewer,
            "raw01": [t for t in fewer if t["p"] < 0.01],
            "holm": [t for t in fewer if t["p_holm"] < alpha]}


def gan_findings(res: dict[str, Any], alpha: float = 0.05) -> str:
    """Markdown bullets: what the GAN tables say, generated from the results.

    Per data set and depth, SNN (``selu``) against LeakyReLU (``lrelu``); spectral
    normalization against the same discriminator without it; the best run per data
    set; how sure (seeds, the smallest attainable p-value, how many comparisons are
    significant at level ``alpha`` raw and after :func:`holm`).  Each number and each
    verdict (more, fewer, significant or not) is computed here.
    """
    s = res["setup"]
    groups = _gan_groups(res)
    tests = gan_tests(res)
    by = {(t["data"], t["depth"], t["a"], t["b"]): t for t in tests}
    totals = {r["data"]: r["modes_total"] for r in res["runs"]}
    seeds = sorted({len(v) for v in groups.values()})

    def vals(data: str, depth: int, d: str, key: str) -> list[float]:
        return [r[key] for r in groups[(data, depth, d)] if r[key] is not None]

    def modes(data: str, depth: int, d: str) -> str:
        v = vals(data, depth, d, "modes")
        spread = f"{min(v)} in every seed" if min(v) == max(v) else f"{min(v)}-{max(v)}"
        return f"{mean(v):.1f} ± {stdev(v):.1f} ({spread})"

    def avg(data: str, depth: int, d: str, key: str) -> str:
        v = vals(data, depth, d, key)
        return "undefined" if not v else f"{mean(v):.3f}" if key == "high_quality" \
            else f"{mean(v):.2f}"

    def pp(t: dict[str, Any]) -> str:
        return f"p = {_fmt_p(t['p'])}, Holm p = {_fmt_p(t['p_holm'])}"

    def verdict(t: dict[str, Any], a: str, b: str) -> str:
        if t["mean_a"] == t["mean_b"] or t["p"] >= alpha:
            return f"no significant difference between {a} and {b}"
        more = "more" if t["mean_a"] > t["mean_b"] else "fewer"
        if t["p_holm"] < alpha:
            return f"{a} captures {more} modes than {b}, significant after Holm"
        return f"{a} captures {more} modes than {b} (p < {alpha:g}, not after Holm)"

    out = []
    for data in s["data"]:
        for depth in s["depths"]:
            t = by[(data, depth, "selu", "lrelu")]
            out.append(
                f"- **{data}, depth {depth}: {verdict(t, 'SNN', 'LeakyReLU')}.** Modes "
                f"captured of {totals[data]}: SELU {modes(data, depth, 'selu')}, LeakyReLU "
                f"{modes(data, depth, 'lrelu')}; {pp(t)}; mean reverse KL "
                f"{avg(data, depth, 'selu', 'reverse_kl')} against "
                f"{avg(data, depth, 'lrelu', 'reverse_kl')}, high-quality fraction "
                f"{avg(data, depth, 'selu', 'high_quality')} against "
                f"{avg(data, depth, 'lrelu', 'high_quality')}.")

    sn = spectral_norm_summary(res, alpha, tests)
    pairs, raw01 = sn["pairs"], sn["raw01"]
    rest = [t for t in pairs if t not in raw01]
    line = (f"- **Spectral normalization**: no run with it captures more than "
            f"{sn['max_modes']} modes, and its mean high-quality fraction is at most "
            f"{_pct(sn['max_high_quality'])} in every configuration. Against the same "
            f"discriminator without it ({len(pairs)} comparisons), the unnormalized one "
            f"captured modes in at least one seed in {len(sn['learned'])}; spectral "
            f"normalization has fewer modes on average in {len(sn['fewer'])} of those, with "
            f"p < 0.01 in {len(raw01)} and Holm p < {alpha:g} in {len(sn['holm'])}.")
    if rest:
        line += " The others: " + "; ".join(
            f"{t['data']} depth {t['depth']}, {t['a']} {t['mean_a']:.1f} against {t['b']} "
            f"{t['mean_b']:.1f} ({pp(t)})" for t in rest) + "."
    out.append(line)

    for data in s["data"]:
        per_depth = [f"depth {depth}: " + str(max(r["modes"] for r in res["runs"]
                                                  if (r["data"], r["depth"]) == (data, depth)))
                     for depth in s["depths"]]
        hq = max(mean(vals(data, depth, d, "high_quality"))
                 for depth in s["depths"] for d in s["discriminators"])
        out.append(f"- **{data}**: the best run captures "
                   f"{max(r['modes'] for r in res['runs'] if r['data'] == data)} of "
                   f"{totals[data]} modes ({', '.join(per_depth)}); the best configuration's "
                   f"mean high-quality fraction is {_pct(hq)}.")

    n = seeds[0]
    raw = [t for t in tests if t["p"] < alpha]
    sig = [t for t in tests if t["p_holm"] < alpha]
    out.append(
        f"- **How sure.** {_and([str(k) for k in seeds])} seeds per configuration; "
        f"an exact two-sided rank test of {n} against {n} runs cannot go below "
        f"p = {smallest_rank_sum_p(n, n):.2g} (complete separation). Of the {len(tests)} "
        f"comparisons, {len(raw)} have p < {alpha:g} and {len(sig)} stay below {alpha:g} "
        f"after Holm's correction for all {len(tests)}"
        + (": " + "; ".join(f"{t['data']} depth {t['depth']} {t['a']} vs {t['b']}"
                           for t in sig) if sig else "") + ".")
    return "\n".join(out) + "\n"


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

    from selu_proof.experiments.gan import plot_samples

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
