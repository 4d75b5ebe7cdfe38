"""Overhead of ``SelfNormalizationMonitor`` per training step, against the same loop without it.

    python benchmarks/bench_monitor.py                          # depth 16, width 64, batch 64
    python benchmarks/bench_monitor.py --depth 8 --width 512 --rounds 5

One SGD step (forward, cross-entropy, backward, update) of a ``Linear -> SELU``
network, one torch thread.  Each configuration trains ``--copies`` copies of the
same network (where a network's tensors sit in memory moves a step's time by a
few percent, so every configuration gets several).  Each round runs ``--block``
consecutive steps on every copy of every configuration, in a shuffled order: a
block trains one network with its tensors in the cache, as a training loop does,
and the rounds spread load from other processes over all configurations.  The
median step time of each configuration is printed:

baseline        the loop without a monitor;
hooks           forward hooks that do nothing on the modules the monitor hooks (the
                model, every ``Linear``, every SELU): what PyTorch charges for calling
                a Python hook, before any work;
hooks+grads     the same hooks keeping each SELU output until the next pass and its
                gradient (``retain_grad``): the least a monitor with a backward view
                keeps, without attribution, statistics or the weight copy;
selu hooks+grads  the same without the hooks on the ``Linear`` modules (what a monitor
                attributing through autograd's graph instead would pay at least);
every=1         the monitor recording every step (forward and backward view);
every=1, fwd    the same with ``gradients=False``;
no snapshot     every=1 with ``snapshot=False`` (no copy of the weights at each pass);
every=10        recording every 10th step;
every=1+report  every step recorded *and* ``report()`` and ``gradients()`` computed
                after it (what a loop that logs every step pays; statistics are
                otherwise computed only when read).

``ratio`` is the configuration's median step time over the baseline's; ``/floor``
the monitor's over ``hooks+grads`` (with gradients) or ``hooks`` (without), the
least any forward-hook monitor with that view pays in the same run.  The
load average (``os.getloadavg``) is printed before and after.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import statistics
import time
import warnings

CONFIGS = ["baseline", "hooks", "hooks+grads", "selu hooks+grads", "every=1", "every=1, fwd",
           "no snapshot", "every=10", "every=1+report"]
FLOOR = {"every=1": "hooks+grads", "every=1+report": "hooks+grads", "every=1, fwd": "hooks",
         "no snapshot": "hooks+grads"}


def floor_hooks(net, keep: bool, linear: bool = True) -> None:
    """Hooks on what the monitor hooks; with ``keep`` the SELU outputs and their gradients."""
    from torch import nn

    from selu_proof.torch import SELU

    kept: list = []

    def begin(module, args) -> None:
        kept.clear()

    def nothing(*args) -> None:
        return None

    def selu(module, inputs, out) -> None:
        if keep:
            if out.requires_grad:
                out.retain_grad()
            kept.append(out)

    net.register_forward_pre_hook(begin)
    net.register_forward_hook(nothing, always_call=True)
    for m in net.modules():
        if isinstance(m, nn.Linear) and linear:
            m.register_forward_hook(nothing)
        elif isinstance(m, SELU):
            m.register_forward_hook(selu)


def main() -> None:
    import torch
    from torch import nn

    from selu_proof.torch import SELU, SelfNormalizationMonitor, lecun_normal_

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--depth", type=int, default=16)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--block", type=int, default=20, help="consecutive steps per network")
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--copies", type=int, default=3, help="networks per configuration")
    ap.add_argument("--json", action="store_true", help="print the medians as JSON")
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
    warnings.simplefilter("ignore")
    runs = {}
    for c in CONFIGS:
        for k in range(args.copies):
            net = copy.deepcopy(template)
            mon = None
            if "hooks" in c:
                floor_hooks(net, keep=c.endswith("grads"), linear=not c.startswith("selu"))
            elif c != "baseline":
                mon = SelfNormalizationMonitor(net, every=10 if c == "every=10" else 1,
                                               gradients=c != "every=1, fwd",
                                               snapshot=c != "no snapshot")
            runs[c, k] = (net, torch.optim.SGD(net.parameters(), lr=1e-4), mon)

    def step(key: tuple[str, int]) -> float:
        net, opt, mon = runs[key]
        t0 = time.perf_counter()
        opt.zero_grad()
        loss_fn(net(x), y).backward()
        opt.step()
        if key[0] == "every=1+report":
            mon.gradients(mon.report())
        return time.perf_counter() - t0

    keys = list(runs)
    for _ in range(10):  # warm-up
        for key in keys:
            step(key)
    times: dict[str, list[float]] = {c: [] for c in CONFIGS}
    order = random.Random(0)
    load0 = os.getloadavg()
    for _ in range(args.rounds):
        order.shuffle(keys)
        for key in keys:
            for _ in range(args.block):
                times[key[0]].append(step(key))
    load1 = os.getloadavg()
    med = {c: statistics.median(t) for c, t in times.items()}
    base = med["baseline"]
    if args.json:
        print(json.dumps({"depth": args.depth, "width": args.width, "batch": args.batch,
                          "steps": args.block * args.rounds, "copies": args.copies,
                          "load": [load0[0], load1[0]],
                          "ms_per_step": {c: m * 1e3 for c, m in med.items()},
                          "ratio": {c: m / base for c, m in med.items()}}, indent=1))
        return
    print(f"depth {args.depth}, width {args.width}, batch {args.batch}, "
          f"{args.block * args.rounds} steps on each of {args.copies} copies, one thread;"
          f" load average {load0[0]:.2f} -> {load1[0]:.2f}")
    print(f"{'configuration':>18} {'ms/step':>8} {'ratio':>6} {'/floor':>6}")
    for c in CONFIGS:
        fl = f"{med[c] / med[FLOOR[c]]:6.3f}" if c in FLOOR else ""
        print(f"{c:>18} {med[c] * 1e3:8.3f} {med[c] / base:6.3f} {fl:>6}")


if __name__ == "__main__":
    main()
