"""The paper's comparison: SNN against the baselines on every bundled classification set.

Regenerates the committed results and figure::

    nice -n 10 python experiments/baselines.py      # runs, results/baselines.json, figure
    python experiments/baselines.py --figures       # figure from the JSON only
    python experiments/tables.py                    # tables in docs/experiments.md

Every run is :func:`selu_proof.experiments.training.train` (``selu-proof train``)
with one torch thread: the nine activations of ``selu-proof train``, the four
classification sets of scikit-learn, depths 8, 16, 32 and 64, width 64,
minibatch 64, SGD with learning rate 0.01 (one setting for every method: no
per-method tuning, unlike the paper), seeds 0-4.  The number of epochs makes
about 210 SGD steps on every data set (full minibatches only): digits 10
(21 steps each), breast_cancer 35 (6), wine 105 (2), iris 210 (1).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
FIGURES = HERE / "figures"

SETUP = {"datasets": ["digits", "breast_cancer", "wine", "iris"],
         "epochs": {"digits": 10, "breast_cancer": 35, "wine": 105, "iris": 210},
         "activations": ["selu", "selu-ad", "relu", "relu-bn", "relu-ln", "relu-wn", "highway",
                         "resnet", "elu"],
         "depths": [8, 16, 32, 64], "seeds": [0, 1, 2, 3, 4], "width": 64, "batch_size": 64,
         "optimizer": "sgd", "lr": 0.01, "threads": 1}


def run_all() -> dict:
    from selu_proof.experiments.training import TrainConfig, load_dataset, train

    runs = []
    start = time.process_time()
    total = (len(SETUP["datasets"]) * len(SETUP["activations"]) * len(SETUP["depths"])
             * len(SETUP["seeds"]))
    for ds in SETUP["datasets"]:
        data = load_dataset(ds)
        for depth in SETUP["depths"]:
            for act in SETUP["activations"]:
                for seed in SETUP["seeds"]:
                    t = time.process_time()
                    cfg = TrainConfig(dataset=ds, depth=depth, width=SETUP["width"],
                                      activation=act, optimizer=SETUP["optimizer"],
                                      lr=SETUP["lr"], epochs=SETUP["epochs"][ds],
                                      batch_size=SETUP["batch_size"], seed=seed)
                    res = train(cfg, data=data)
                    fin = res["final"]
                    runs.append({"dataset": ds, "depth": depth, "activation": act,
                                 "seed": seed, "diverged": res["diverged"],
                                 "train_loss": None if fin["train_loss"] is None
                                 else round(fin["train_loss"], 5),
                                 "test_accuracy": round(fin["test_accuracy"], 5),
                                 "seconds": round(time.process_time() - t, 2)})
                    print(f"[{len(runs)}/{total}] {ds} depth {depth} {act:8s} seed {seed}: "
                          f"acc {fin['test_accuracy']:.3f} diverged {res['diverged']} "
                          f"({runs[-1]['seconds']} s)", file=sys.stderr, flush=True)
    return {"setup": dict(SETUP, cpu_seconds=round(time.process_time() - start, 1)),
            "runs": runs}


def figures() -> None:
    import matplotlib

    matplotlib.use("Agg")
    from selu_proof.experiments import comparison

    FIGURES.mkdir(exist_ok=True)
    fig = comparison.plot_baselines(comparison.load(RESULTS, "baselines"))
    fig.savefig(FIGURES / "baselines.png", dpi=80, metadata={"Software": None})
    print("wrote experiments/figures/baselines.png", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--figures", action="store_true", help="only draw the figure from the JSON")
    args = p.parse_args(argv)
    if not args.figures:
        import torch

        torch.set_num_threads(1)
        res = run_all()
        res["setup"]["torch"] = torch.__version__.split("+")[0]
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "baselines.json").write_text(json.dumps(res, indent=1) + "\n")
        print(f"wrote results/baselines.json, CPU {res['setup']['cpu_seconds']} s",
              file=sys.stderr)
    figures()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
