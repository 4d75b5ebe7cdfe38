"""Training experiments: does self-normalization survive training?  (``selu_proof.torch``)

Regenerates the committed results and figures::

    nice -n 10 python experiments/training.py --part figure1
    nice -n 10 python experiments/training.py --part lr-sweep
    python experiments/training.py --figures                      # figures from the JSON

Every run: digits (scikit-learn, standardized, fixed stratified 75/25 split),
fully connected, width 64, minibatch 64, one CPU thread (results depend on
the thread count only through floating-point summation order).

* ``figure1``: the paper's Figure-1 comparison -- SELU, ReLU, ReLU+BatchNorm,
  ELU at depths 8, 16, 32, 64, seeds 0-4, SGD (lr 0.01) and Adam (lr 1e-3),
  10 epochs.  SELU runs also keep, per epoch and layer, the weight statistics
  ``(omega, tau)`` and the input moments measured by the
  :class:`~selu_proof.torch.SelfNormalizationMonitor` (seed 0 in full, every
  seed as fractions of layers in the Theorem 1 box).
* ``lr-sweep``: learning rates ``1e-4 ... 1`` (half-decade grid), every
  activation, depths 8 and 32, SGD and Adam, seeds 0-4, 10 epochs.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

import torch

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
FIGURES = HERE / "figures"

ACTS = ("selu", "relu", "relu-bn", "elu")
FIG1 = {"depths": (8, 16, 32, 64), "seeds": (0, 1, 2, 3, 4), "epochs": 10,
        "optimizers": {"sgd": 0.01, "adam": 0.001}}
SWEEP = {"depths": (8, 32), "lrs": tuple(round(10 ** (k / 2), 6) for k in range(-8, 1)),
         "epochs": 10, "optimizers": ("sgd", "adam"), "seeds": (0, 1, 2, 3, 4)}
DRIFT_KEYS = (("omega", "mean"), ("omega", "min"), ("omega", "max"), ("tau", "mean"),
              ("tau", "min"), ("tau", "max"), ("units_in_box", None), ("input_mean", None),
              ("input_var", None))


def _r(x: float | None, digits: int = 4) -> float | None:
    if x is None or not math.isfinite(x):
        return None
    return float(f"{x:.{digits}g}")


def compact(result: dict, full_drift: bool) -> dict:
    """Loss curves, accuracies and (for SELU) the weight drift, rounded for the JSON file."""
    out = {"config": result["config"], "diverged": result["diverged"],
           "train_loss": [_r(h["train_loss"], 5) for h in result["history"]],
           "test_accuracy": [_r(h["test_accuracy"]) for h in result["history"]]}
    if result["config"]["activation"] == "selu":
        hist = result["history"]
        out["layers_in_domain"] = [_r(sum(r["in_theorem1_domain"] for r in h["layers"])
                                      / len(h["layers"])) for h in hist]
        out["layers_mean_in_domain"] = [_r(sum(r["mean_in_theorem1_domain"] for r in h["layers"])
                                           / len(h["layers"])) for h in hist]
        out["units_in_box"] = [_r(sum(r["units_in_box"] for r in h["layers"]) / len(h["layers"]))
                               for h in hist]
        if full_drift:
            out["drift"] = {f"{k}_{s}" if s else k:
                            [[_r(r[k][s] if s else r[k]) for r in h["layers"]] for h in hist]
                            for k, s in DRIFT_KEYS}
    return out


def _run(cfg, data, done: list, total: int) -> dict:
    from selu_proof.experiments.training import train

    t = time.perf_counter()
    res = train(cfg, data=data)
    done.append(1)
    print(f"[{len(done)}/{total}] {cfg.activation:8s} depth {cfg.depth:3d} {cfg.optimizer:4s} "
          f"lr {cfg.lr:<8g} seed {cfg.seed}: loss {res['final']['train_loss']} "
          f"acc {res['final']['test_accuracy']:.3f} ({time.perf_counter() - t:.1f} s)",
          file=sys.stderr, flush=True)
    return res


def figure1(data) -> dict:
    from selu_proof.experiments.training import TrainConfig

    runs, done = [], []
    total = len(ACTS) * len(FIG1["optimizers"]) * len(FIG1["seeds"]) * len(FIG1["depths"])
    for opt, lr in FIG1["optimizers"].items():
        for depth in FIG1["depths"]:
            for act in ACTS:
                for seed in FIG1["seeds"]:
                    cfg = TrainConfig(dataset="digits", depth=depth, width=64, activation=act,
                                      optimizer=opt, lr=lr, epochs=FIG1["epochs"], seed=seed)
                    runs.append(compact(_run(cfg, data, done, total), full_drift=seed == 0))
    return {"setup": {k: v for k, v in FIG1.items()}, "runs": runs}


def lr_sweep(data) -> dict:
    from selu_proof.experiments.training import TrainConfig

    runs, done = [], []
    total = (len(ACTS) * len(SWEEP["depths"]) * len(SWEEP["lrs"]) * len(SWEEP["optimizers"])
             * len(SWEEP["seeds"]))
    for opt in SWEEP["optimizers"]:
        for depth in SWEEP["depths"]:
            for act in ACTS:
                for lr in SWEEP["lrs"]:
                    for seed in SWEEP["seeds"]:
                        cfg = TrainConfig(dataset="digits", depth=depth, width=64,
                                          activation=act, optimizer=opt, lr=lr,
                                          epochs=SWEEP["epochs"], seed=seed)
                        runs.append(compact(_run(cfg, data, done, total), full_drift=False))
    return {"setup": dict(SWEEP), "runs": runs}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--part", choices=("figure1", "lr-sweep"), action="append", default=[])
    p.add_argument("--figures", action="store_true", help="draw the figures from the JSON")
    args = p.parse_args(argv)
    torch.set_num_threads(1)
    if args.part:
        from selu_proof.experiments.training import load_dataset

        data = load_dataset("digits")
        RESULTS.mkdir(exist_ok=True)
        for part in args.part:
            start = time.process_time()
            res = figure1(data) if part == "figure1" else lr_sweep(data)
            res["cpu_seconds"] = round(time.process_time() - start, 1)
            res["torch"] = torch.__version__.split("+")[0]
            path = RESULTS / f"{part.replace('-', '_')}.json"
            path.write_text(json.dumps(res, separators=(",", ":")) + "\n")
            print(f"wrote {path}", file=sys.stderr)
    if args.figures:
        from selu_proof.experiments import results as figures

        FIGURES.mkdir(exist_ok=True)
        for name, fig in figures.experiment_figures(RESULTS).items():
            fig.savefig(FIGURES / f"{name}.png", dpi=90, metadata={"Software": None})
            print(f"wrote experiments/figures/{name}.png", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
