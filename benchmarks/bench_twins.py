"""Time the float twins of every catalogue activation: read off the formula's tree, and
hand-written where one exists, in the same run.

numpy: ``f`` and ``f'`` on an array of ``--size`` float64 points (standard normal);
torch: ``f`` forward and backward (``sum().backward()``) on a float32 tensor of the same
size.  Each time is the least of ``--repeat`` runs (CPU time of this process), so a
shared machine slows both columns alike; the ratio tree/hand-written says which twin is
the default (:data:`selu_proof.numeric.activations.FLOAT_TWINS`,
:data:`selu_proof.torch.activations.TORCH_TWINS` keep a hand-written twin only where it
is clearly faster).

    python benchmarks/bench_twins.py [--size 1000000] [--repeat 7] [--only NAME,...]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import torch
from torch.nn import functional as F  # noqa: N812 (torch's own convention)

from selu_proof.kernel.activations import CATALOGUE, parse_activation
from selu_proof.numeric import activations as na
from selu_proof.numeric.formula_twin import numpy_twin
from selu_proof.torch.activations import TORCH_TWINS, tree_torch_twin

#: the hand-written numpy twins (name -> (f, f')): those kept and those the tree replaced
NUMPY_HAND = {**na.FLOAT_TWINS, "elu": (na.elu, na.elu_derivative),
              "celu": (na.celu, na.celu_derivative),
              "leaky_relu": (na.leaky_relu, na.leaky_relu_derivative),
              "tanh": (na.tanh, na.tanh_derivative),
              "softplus": (na.softplus, na.softplus_derivative)}
#: the hand-written torch twins (``torch.nn.functional``): those kept and those replaced
TORCH_HAND = {**TORCH_TWINS, "silu": lambda x, beta: x * torch.sigmoid(beta * x),
              "mish": lambda x: F.mish(x), "tanh": lambda x: torch.tanh(x),
              "softplus": lambda x: F.softplus(x)}


def _least(fn, repeat: int) -> float:
    fn()
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _numpy(f, df, x: np.ndarray, repeat: int) -> float:
    return _least(lambda: (f(x), df(x)), repeat)


def _torch(f, x: torch.Tensor, repeat: int) -> float:
    def run() -> None:
        xg = x.detach().requires_grad_(True)
        f(xg).sum().backward()
    return _least(run, repeat)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--only", default="", help="comma-separated catalogue names")
    args = ap.parse_args()
    only = [n for n in args.only.split(",") if n] or list(CATALOGUE)
    torch.set_num_threads(1)
    rng = np.random.default_rng(0)
    x = rng.standard_normal(args.size)
    xt = torch.tensor(x, dtype=torch.float32)
    print(f"{args.size} points, least of {args.repeat} runs, ms (CPU, one thread)")
    print(f"{'activation':<14} {'numpy tree':>10} {'hand':>8} {'tree/hand':>9} "
          f"{'torch tree':>10} {'hand':>8} {'tree/hand':>9}")
    for name in only:
        act = parse_activation(name)
        p = na.float_params(act)
        f, df = numpy_twin(act)
        nt = _numpy(f, df, x, args.repeat)
        tt = _torch(tree_torch_twin(act), xt, args.repeat)
        row = f"{name:<14} {nt * 1e3:>10.2f}"
        if name in NUMPY_HAND:
            hf, hdf = NUMPY_HAND[name]
            nh = _numpy(lambda y, hf=hf, p=p: hf(y, **p), lambda y, hdf=hdf, p=p: hdf(y, **p),
                        x, args.repeat)
            row += f" {nh * 1e3:>8.2f} {nt / nh:>9.2f}"
        else:
            row += f" {'':>8} {'':>9}"
        row += f" {tt * 1e3:>10.2f}"
        if name in TORCH_HAND:
            fn = TORCH_HAND[name]
            th = _torch(lambda y, fn=fn, p=p: fn(y, **p), xt, args.repeat)
            row += f" {th * 1e3:>8.2f} {tt / th:>9.2f}"
        print(row, flush=True)


if __name__ == "__main__":
    main()
