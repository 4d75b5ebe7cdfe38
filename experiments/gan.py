"""GAN experiment: spectral normalization vs SNN discriminators against mode collapse.

Regenerates the committed results and figures::

    nice -n 10 python experiments/gan.py            # runs, results/gan*.json, figures
    python experiments/gan.py --figures             # figures from the JSON only
    python experiments/tables.py                    # tables in docs/experiments.md

Every run is :func:`selu_proof.experiments.gan.train_gan` (``selu-proof gan``) with
one torch thread: ring8 and grid25, the four discriminators (``lrelu``,
``selu``, ``sn-lrelu``, ``sn-selu``) at depths 3 and 8, a ReLU generator,
2000 steps, seeds 0-9.  ``results/gan.json`` holds one object per run with
the keys of ``selu-proof gan --json``; ``results/gan_samples.json`` keeps 500
generated points (3 decimals) of seed 0 of every configuration for the
sample figure.
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

SETUP = {"data": ["ring8", "grid25"], "discriminators": ["lrelu", "selu", "sn-lrelu", "sn-selu"],
         "depths": [3, 8], "seeds": list(range(10)), "steps": 2000, "generator": "relu",
         "threads": 1}


def run_all() -> tuple[dict, dict]:
    from selu_proof.experiments.gan import GANConfig, train_gan

    runs, samples = [], {}
    start = time.process_time()
    total = (len(SETUP["data"]) * len(SETUP["discriminators"]) * len(SETUP["depths"])
             * len(SETUP["seeds"]))
    for data in SETUP["data"]:
        for depth in SETUP["depths"]:
            for disc in SETUP["discriminators"]:
                for seed in SETUP["seeds"]:
                    cfg = GANConfig(data=data, discriminator=disc, generator=SETUP["generator"],
                                    depth=depth, steps=SETUP["steps"], seed=seed)
                    res = train_gan(cfg, return_samples=True)
                    pts = res.pop("samples")
                    if seed == SETUP["seeds"][0]:
                        samples[f"{data}/{depth}/{disc}"] = [[round(float(v), 3) for v in p]
                                                             for p in pts[:500]]
                    runs.append(res)
                    print(f"[{len(runs)}/{total}] {data} {disc:8s} depth {depth} seed {seed}: "
                          f"modes {res['modes']}/{res['modes_total']} hq "
                          f"{res['high_quality']:.3f} ({res['seconds']:.1f} s)",
                          file=sys.stderr, flush=True)
    setup = dict(SETUP, cpu_seconds=round(time.process_time() - start, 1))
    return {"setup": setup, "runs": runs}, {"setup": setup, "samples": samples}


def figures() -> None:
    import matplotlib

    matplotlib.use("Agg")
    from selu_proof.experiments import comparison

    FIGURES.mkdir(exist_ok=True)
    res, smp = comparison.load(RESULTS, "gan"), comparison.load(RESULTS, "gan_samples")
    for name, fig in (("gan_modes", comparison.plot_gan_modes(res)),
                      ("gan_samples", comparison.plot_gan_samples(smp))):
        fig.savefig(FIGURES / f"{name}.png", dpi=80, metadata={"Software": None})
        print(f"wrote experiments/figures/{name}.png", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--figures", action="store_true", help="only draw the figures from the JSON")
    args = p.parse_args(argv)
    if not args.figures:
        import torch

        torch.set_num_threads(1)
        res, smp = run_all()
        res["setup"]["torch"] = torch.__version__.split("+")[0]
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "gan.json").write_text(json.dumps(res, indent=1) + "\n")
        (RESULTS / "gan_samples.json").write_text(json.dumps(smp, separators=(",", ":")) + "\n")
        print(f"wrote results/gan.json, CPU {res['setup']['cpu_seconds']} s", file=sys.stderr)
    figures()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
