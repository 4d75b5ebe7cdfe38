"""Tables and figures of training runs (``selu-proof train --plot``, ``experiments/training.py``).

The experiment results are the JSON files written by ``experiments/training.py``
(``figure1.json``, ``lr_sweep.json``); every table and figure here is computed
from them, so the experiments page (docs/experiments.md), the notebook and the committed
figures agree.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from statistics import mean, stdev
from typing import Any

import matplotlib

matplotlib.use(matplotlib.get_backend())  # keep the caller's backend
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from selu_proof.torch.monitor import THEOREM1_BOX  # noqa: E402

__all__ = ["load_results", "loss_table", "lr_table", "drift_table", "plot_history",
           "plot_loss_curves", "plot_lr_sweep", "plot_weight_drift", "experiment_figures",
           "COLORS"]

COLORS = {"selu": "C3", "relu": "C0", "relu-bn": "C2", "elu": "C1"}
_NAMES = {"selu": "SELU", "relu": "ReLU", "relu-bn": "ReLU+BN", "elu": "ELU"}


def load_results(directory: str | Path) -> dict[str, Any]:
    """``{"figure1": ..., "lr_sweep": ...}`` from the JSON files in ``directory``."""
    d = Path(directory)
    return {name: json.loads((d / f"{name}.json").read_text())
            for name in ("figure1", "lr_sweep") if (d / f"{name}.json").exists()}


def _final(run: dict[str, Any]) -> float:
    """Last training loss; ``inf`` for a diverged run."""
    if run["diverged"] is not None or run["train_loss"][-1] is None:
        return math.inf
    return run["train_loss"][-1]


def _group(runs: list[dict], *keys: str) -> dict[tuple, list[dict]]:
    out: dict[tuple, list[dict]] = {}
    for r in runs:
        out.setdefault(tuple(r["config"][k] for k in keys), []).append(r)
    return out


def _ms(values: list[float], fmt: str = ".3f") -> str:
    if any(math.isinf(v) for v in values):
        return f"diverged ({sum(math.isinf(v) for v in values)}/{len(values)})"
    if len(values) == 1:
        return f"{values[0]:{fmt}}"
    return f"{mean(values):{fmt}} ± {stdev(values):{fmt}}"


def loss_table(fig1: dict[str, Any]) -> str:
    """Markdown: final training loss and test accuracy (mean ± sd over seeds) per depth."""
    groups = _group(fig1["runs"], "optimizer", "depth", "activation")
    depths, opts = fig1["setup"]["depths"], list(fig1["setup"]["optimizers"])
    lines = []
    for opt in opts:
        lr = fig1["setup"]["optimizers"][opt]
        one = fig1["setup"].get("seeds_at_depth_64")
        lines += [f"{opt.upper()} (lr {lr:g}), {fig1['setup']['epochs']} epochs, "
                  f"{len(fig1['setup']['seeds'])} seeds"
                  + (f" ({len(one)} at depth 64)" if one else "")
                  + ": final training loss (mean ± sd) / mean test accuracy",
                  "", "| activation | " + " | ".join(f"depth {d}" for d in depths) + " |",
                  "|---" * (len(depths) + 1) + "|"]
        for act in _NAMES:
            cells = []
            for d in depths:
                runs = groups[(opt, d, act)]
                acc = [r["test_accuracy"][-1] for r in runs]
                cells.append(f"{_ms([_final(r) for r in runs])} / {mean(acc):.3f}")
            lines.append(f"| {_NAMES[act]} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _by_lr(runs: list[dict]) -> dict[float, tuple[float, float, float]]:
    """Per learning rate: mean final loss (``inf`` if a seed diverged), accuracy, initial loss."""
    by: dict[float, list[dict]] = {}
    for r in runs:
        by.setdefault(r["config"]["lr"], []).append(r)
    return {lr: (mean(_final(r) for r in rs), mean(r["test_accuracy"][-1] for r in rs),
                 mean(r["train_loss"][0] or math.inf for r in rs))
            for lr, rs in sorted(by.items())}


def _seeds_text(setup: dict[str, Any]) -> str:
    seeds = setup.get("seeds", [setup.get("seed")])
    if len(seeds) == 1:
        return f"seed {seeds[0]}"
    return f"seeds {min(seeds)}-{max(seeds)}, means over seeds"


def lr_table(sweep: dict[str, Any]) -> str:
    """Markdown: per depth and optimizer, the best rate and the largest rate that trains."""
    groups = _group(sweep["runs"], "optimizer", "depth", "activation")
    lines = [f"Learning-rate sweep ({sweep['setup']['epochs']} epochs, "
             f"{_seeds_text(sweep['setup'])}): best rate (final training loss, test accuracy); "
             "largest rate that does not diverge and ends below the initial loss", "",
             "| optimizer | depth | " + " | ".join(_NAMES.values()) + " |",
             "|---|---|" + "---|" * len(_NAMES)]
    for opt in sweep["setup"]["optimizers"]:
        for d in sweep["setup"]["depths"]:
            cells = []
            for act in _NAMES:
                stats = _by_lr(groups[(opt, d, act)])
                best = min(stats, key=lambda lr: stats[lr][0])
                ok = [lr for lr, (fin, _, first) in stats.items() if fin < first]
                top = f"{max(ok):g}" if ok else "none"
                cells.append(f"{best:g} ({stats[best][0]:.3f}, {stats[best][1]:.2f}); max {top}")
            lines.append(f"| {opt.upper()} | {d} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def drift_table(fig1: dict[str, Any]) -> str:
    """Markdown: SELU weight statistics at initialization and after training (seed 0)."""
    lines = ["SELU layers, seed 0: ranges over layers of the units' average omega and tau and "
             "of the layer inputs' mean and variance (training set, eval mode). Theorem 1 "
             "domain: mu in [-0.1, 0.1], nu in [0.8, 1.5], omega in [-0.1, 0.1], "
             "tau in [0.95, 1.1]; mean-field: input moments and the units' average (omega, tau) "
             "inside; every unit: input moments and each unit's (omega, tau) inside", "",
             "| optimizer | depth | epoch | omega (layer means) | tau (layer means) | "
             "input mean | input var | layers in domain, mean-field | units in box | "
             "layers in domain, every unit |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in fig1["runs"]:
        c = r["config"]
        if c["activation"] != "selu" or "drift" not in r:
            continue
        dr = r["drift"]
        for e in (0, len(r["train_loss"]) - 1):
            om, ta = dr["omega_mean"][e], dr["tau_mean"][e]
            mu, nu = dr["input_mean"][e], dr["input_var"][e]
            lines.append(
                f"| {c['optimizer'].upper()} | {c['depth']} | {e} | "
                f"[{min(om):.3f}, {max(om):.3f}] | [{min(ta):.3f}, {max(ta):.3f}] | "
                f"[{min(mu):.2f}, {max(mu):.2f}] | [{min(nu):.2f}, {max(nu):.2f}] | "
                f"{r['layers_mean_in_domain'][e]:.0%} | {r['units_in_box'][e]:.1%} | "
                f"{r['layers_in_domain'][e]:.0%} |")
    return "\n".join(lines) + "\n"


def _box(ax: Any) -> None:
    (o0, o1), (t0, t1) = (tuple(float(x) for x in THEOREM1_BOX[k]) for k in ("omega", "tau"))
    ax.add_patch(plt.Rectangle((o0, t0), o1 - o0, t1 - t0, fill=False, ec="k", lw=1.2,
                               ls="--", label="Theorem 1 box"))


def plot_history(result: dict[str, Any]) -> Figure:
    """Loss (log scale), test accuracy and, for SELU, per-layer ``tau`` of one training run."""
    hist = result["history"]
    epochs = [h["epoch"] for h in hist]
    selu = bool(hist[0]["layers"])
    fig, axes = plt.subplots(1, 3 if selu else 2, figsize=(12 if selu else 8, 3.4))
    axes[0].semilogy(epochs, [h["train_loss"] or math.nan for h in hist], "o-")
    axes[0].set(xlabel="epoch", ylabel="training loss")
    axes[1].plot(epochs, [h["test_accuracy"] for h in hist], "o-")
    axes[1].set(xlabel="epoch", ylabel="test accuracy", ylim=(0, 1))
    if selu:
        lo, hi = (float(x) for x in THEOREM1_BOX["tau"])
        axes[2].axhspan(lo, hi, color="0.85", label="Theorem 1 tau range")
        for k in range(len(hist[0]["layers"])):
            axes[2].plot(epochs, [h["layers"][k]["tau"]["mean"] for h in hist], lw=0.8)
        axes[2].set(xlabel="epoch", ylabel="tau (mean over units), one line per layer")
        axes[2].legend(fontsize=7)
    c = result["config"]
    fig.suptitle(f"{c['activation']}, depth {c['depth']}, {c['optimizer']} lr {c['lr']:g}, "
                 f"{c['dataset']}")
    fig.tight_layout()
    return fig


def _panels(res: dict[str, Any], w: float, h: float) -> tuple[Figure, Any, list]:
    """A grid of axes, one row per optimizer and one column per depth, with the runs of each."""
    groups = _group(res["runs"], "optimizer", "depth", "activation")
    opts, depths = list(res["setup"]["optimizers"]), res["setup"]["depths"]
    fig, axes = plt.subplots(len(opts), len(depths), figsize=(w * len(depths), h * len(opts)),
                             sharey=True, squeeze=False)
    panels = [(i, j, opt, d, {act: groups[(opt, d, act)] for act in _NAMES})
              for i, opt in enumerate(opts) for j, d in enumerate(depths)]
    return fig, axes, panels


def plot_loss_curves(fig1: dict[str, Any]) -> Figure:
    """Training loss (log scale) per epoch, mean ± sd over seeds (paper Figure 1)."""
    import numpy as np

    fig, axes, panels = _panels(fig1, 3.2, 3.0)
    for i, j, opt, d, groups in panels:
        ax = axes[i][j]
        for act in _NAMES:
            runs = groups[act]
            n = max(len(r["train_loss"]) for r in runs)
            arr = np.array([[x if x is not None else np.nan for x in r["train_loss"]]
                            + [np.nan] * (n - len(r["train_loss"])) for r in runs], float)
            m, s = np.nanmean(arr, 0), np.nanstd(arr, 0)
            ep = np.arange(n)
            ax.plot(ep, m, color=COLORS[act], label=_NAMES[act])
            ax.fill_between(ep, np.maximum(m - s, 1e-4), m + s, color=COLORS[act],
                            alpha=0.2, lw=0)
        ax.set_yscale("log")
        ax.set_title(f"{opt.upper()}, depth {d}", fontsize=9)
        if i == len(axes) - 1:
            ax.set_xlabel("epoch")
        if j == 0:
            ax.set_ylabel("training loss")
    axes[0][0].legend(fontsize=8)
    fig.tight_layout()
    return fig


def plot_lr_sweep(sweep: dict[str, Any]) -> Figure:
    """Final training loss (mean over seeds) against the learning rate.

    Clipped at 20; ``x``: a seed's loss was non-finite.
    """
    fig, axes, panels = _panels(sweep, 4.2, 3.2)
    for i, j, opt, d, groups in panels:
        ax = axes[i][j]
        for act in _NAMES:
            stats = _by_lr(groups[act])
            lrs = list(stats)
            fin = [stats[lr][0] for lr in lrs]
            ax.plot([lr for lr, f in zip(lrs, fin) if math.isfinite(f)],
                    [min(f, 20.0) for f in fin if math.isfinite(f)], "o-", color=COLORS[act],
                    label=_NAMES[act], ms=3)
            ax.plot([lr for lr, f in zip(lrs, fin) if not math.isfinite(f)],
                    [20.0] * sum(not math.isfinite(f) for f in fin), "x",
                    color=COLORS[act], ms=7)
        ax.set(xscale="log", yscale="log", title=f"{opt.upper()}, depth {d}")
        ax.set_xlabel("learning rate")
        if j == 0:
            ax.set_ylabel("final training loss\n(clipped at 20; x: non-finite)")
    axes[0][0].legend(fontsize=8)
    fig.tight_layout()
    return fig


def plot_weight_drift(fig1: dict[str, Any], depth: int = 32) -> Figure:
    """SELU weight statistics during training against the Theorem 1 box (seed 0).

    Top: each layer's mean ``(omega, tau)`` from initialization (dot) to the
    last epoch (square), SGD and Adam.  Bottom: per epoch and depth, the
    fraction of layers in the mean-field Theorem 1 domain (input moments and
    the units' mean ``(omega, tau)`` inside) and of units with ``(omega, tau)``
    in the box.
    """
    runs = [r for r in fig1["runs"] if r["config"]["activation"] == "selu" and "drift" in r]
    opts = list(fig1["setup"]["optimizers"])
    if depth not in {r["config"]["depth"] for r in runs}:
        depth = max(r["config"]["depth"] for r in runs)
    fig, axes = plt.subplots(2, len(opts), figsize=(5 * len(opts), 8), squeeze=False)
    cmap = plt.get_cmap("viridis")
    for j, opt in enumerate(opts):
        ax = axes[0][j]
        (run,) = [r for r in runs if r["config"]["optimizer"] == opt
                  and r["config"]["depth"] == depth]
        om, ta = run["drift"]["omega_mean"], run["drift"]["tau_mean"]
        n_layers = len(om[0])
        for k in range(n_layers):
            col = cmap(k / max(n_layers - 1, 1))
            ax.plot([e[k] for e in om], [e[k] for e in ta], "-", color=col, lw=0.8)
            ax.plot(om[0][k], ta[0][k], "o", color=col, ms=3)
            ax.plot(om[-1][k], ta[-1][k], "s", color=col, ms=4)
        _box(ax)
        ax.set(xlabel="omega (mean over units)", ylabel="tau (mean over units)",
               title=f"SELU depth {depth}, {opt.upper()}: layers (colour = depth)")
        ax.legend(fontsize=8)
        ax2 = axes[1][j]
        for r in sorted((r for r in runs if r["config"]["optimizer"] == opt),
                        key=lambda r: r["config"]["depth"]):
            ax2.plot(r["layers_mean_in_domain"], "o-", ms=3,
                     label=f"depth {r['config']['depth']}")
            ax2.plot(r["units_in_box"], ":", color=ax2.lines[-1].get_color())
        ax2.set(xlabel="epoch", ylim=(-0.05, 1.05),
                ylabel="solid: layers in the mean-field domain\n(input moments, mean (omega, tau))"
                "\ndotted: units with (omega, tau) in box",
                title=f"{opt.upper()}")
        ax2.legend(fontsize=8)
    fig.tight_layout()
    return fig


def experiment_figures(directory: str | Path) -> dict[str, Figure]:
    """All experiment figures from the JSON results in ``directory``, by file stem."""
    res = load_results(directory)
    out: dict[str, Figure] = {}
    if "figure1" in res:
        out["loss_curves"] = plot_loss_curves(res["figure1"])
        out["weight_drift"] = plot_weight_drift(res["figure1"])
    if "lr_sweep" in res:
        out["lr_sweep"] = plot_lr_sweep(res["lr_sweep"])
    return out
