"""Overhead of ``SelfNormalizationMonitor`` per training step, against the same loop without it.

    python benchmarks/bench_monitor.py                          # depth 16, width 64, batch 64
    python benchmarks/bench_monitor.py --depth 8 --width 512 --steps 100

One SGD step (forward, cross-entropy, backward, update) of a ``Linear -> SELU``
network, one torch thread.  Each configuration trains its own copy of the same
network; the configurations take turns step by step in the same process, so
that load from other processes spreads over all of them, and the median step
time of each is printed:

baseline       the loop without a monitor;
every=1        the monitor recording every step (forward and backward view);
every=1, fwd   the same with ``gradients=False``;
every=10       recording every 10th step;
every=1+report every step recorded *and* ``report()`` and ``gradients()`` computed
               after it (what a loop that logs every step pays; statistics are
               otherwise computed only when read).

``ratio`` is the configuration's median step time over the baseline's.  The load
average (``os.getloadavg``) is printed before and after.
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import time
import warnings


def main() -> None:
    import torch
    from torch import nn

    from selu_proof.torch import SELU, SelfNormalizationMonitor, lecun_normal_

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--depth", type=int, default=16)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--steps", type=int, default=100, help="steps per round")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    layers: list[nn.Module] = []
    for _ in range(args.depth):
        lin = nn.Linear(args.width, args.width)
        lecun_normal_(lin.weight)
        layers += [lin, SELU()]
    template = nn.Sequential(*layers, nn.Linear(args.width, 10))
    loss_fn = nn.CrossEntropyLoss()
    x = torch.randn(args.batch, args.width)
    y = torch.randint(0, 10, (args.batch,))
    configs = ["baseline", "every=1", "every=1, fwd", "every=10", "every=1+report"]
    warnings.simplefilter("ignore")
    runs = {}
    for c in configs:  # one copy of the same network per configuration
        net = copy.deepcopy(template)
        mon = None
        if c != "baseline":
            mon = SelfNormalizationMonitor(net, every=10 if c == "every=10" else 1,
                                           gradients=c != "every=1, fwd")
        runs[c] = (net, torch.optim.SGD(net.parameters(), lr=1e-4), mon)

    def step(c: str) -> float:
        net, opt, mon = runs[c]
        t0 = time.perf_counter()
        opt.zero_grad()
        loss_fn(net(x), y).backward()
        opt.step()
        if c == "every=1+report":
            mon.gradients(mon.report())
        return time.perf_counter() - t0

    for _ in range(10):  # warm-up
        for c in configs:
            step(c)
    times: dict[str, list[float]] = {c: [] for c in configs}
    load0 = os.getloadavg()
    for _ in range(args.rounds * args.steps):  # interleaved step by step
        for c in configs:
            times[c].append(step(c))
    load1 = os.getloadavg()
    base = statistics.median(times["baseline"])
    print(f"depth {args.depth}, width {args.width}, batch {args.batch}, "
          f"{args.steps * args.rounds} steps each, one thread;"
          f" load average {load0[0]:.2f} -> {load1[0]:.2f}")
    print(f"{'configuration':>16} {'ms/step':>8} {'ratio':>6}")
    for c in configs:
        med = statistics.median(times[c])
        print(f"{c:>16} {med * 1e3:8.3f} {med / base:6.3f}")


if __name__ == "__main__":
    main()
