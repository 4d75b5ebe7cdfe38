r"""``SelfNormalizationMonitor``: are a network's layers inside the Theorem 1 domain?

Theorem 1 (paper Section 3; ``selu_proof/proofs/theorem1.toml``, certified in
``theorem1.cert.json``) holds for ``alpha_01, lambda_01`` when the layer input
has moments ``mu in [-0.1, 0.1]``, ``nu in [0.8, 1.5]`` and the unit's
weights have ``omega = sum_i w_i in [-0.1, 0.1]``, ``tau = sum_i w_i**2 in
[0.95, 1.1]``.  The monitor puts forward hooks on every ``Linear`` / ``Conv``
layer that is followed by a SELU and records, per layer and forward pass:

* the layer input's mean and variance (pooled over the batch and the input
  units: the empirical ``(mu, nu)``) and whether they are in the box;
* each unit's ``omega_j`` and ``tau_j`` (rows of the weight; a ``Conv``
  unit is an output channel, its fan-in is ``in_channels * kernel size``):
  mean, min, max over units, and the fraction of units inside the box;
* the SELU output's mean and variance (the empirical ``(mu~, nu~)``);
* ``in_theorem1_domain``: the SELU has the Theorem 1 constants, the input
  moments are in the box and *every* unit's ``(omega_j, tau_j)`` is; and
  ``mean_in_theorem1_domain``, the mean-field reading of the paper (the
  units' *average* ``omega``, ``tau`` in the box instead of every unit).

A measurement, not a proof: the box membership of sampled statistics is tested
exactly against the decimal ends of the domain, but the statistics themselves
are samples.  A layer bias is outside the theorem's model ``z = sum_i w_i x_i``;
its largest magnitude is reported as ``bias_abs_max``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import torch
from torch import nn

from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01

__all__ = ["SelfNormalizationMonitor", "THEOREM1_BOX", "in_box"]


def _theorem1_box() -> dict[str, tuple[Fraction, Fraction]]:
    from selu_proof.kernel.specs import load_spec, shipped_specs

    spec = load_spec(shipped_specs()["theorem1"])
    return dict(zip(("mu", "omega", "nu", "tau"), spec.domain, strict=True))


#: Theorem 1's domain, exact ends read from ``proofs/theorem1.toml``.
THEOREM1_BOX: dict[str, tuple[Fraction, Fraction]] = _theorem1_box()

_WEIGHTED = (nn.Linear, nn.Conv1d, nn.Conv2d, nn.Conv3d)
_SKIPPED = (nn.Dropout, nn.AlphaDropout, nn.Identity)


def in_box(name: str, value: float) -> bool:
    """Whether ``value`` lies in Theorem 1's interval for ``name`` (exact comparison).

    >>> in_box("tau", 1.0999999), in_box("tau", 1.1), in_box("nu", float("nan"))
    (True, False, False)

    (The float ``1.1`` is slightly above ``11/10``.)
    """
    lo, hi = THEOREM1_BOX[name]
    return value == value and lo <= value <= hi  # NaN is outside


def _is_selu(m: nn.Module) -> bool:
    from selu_proof.torch.modules import SELU

    return isinstance(m, (SELU, nn.SELU))


def _theorem1_constants(m: nn.Module) -> bool:
    if isinstance(m, nn.SELU):
        return True  # torch's constants are alpha_01, lambda_01 rounded to float
    return m.alpha == ALPHA_01 and m.lam == LAMBDA_01


def _moments(x: torch.Tensor) -> tuple[float, float]:
    x = x.detach().to(torch.float64)
    m = x.mean()
    return float(m), float(((x - m) ** 2).mean())


def _summary(t: torch.Tensor) -> dict[str, float]:
    return {"mean": float(t.mean()), "min": float(t.min()), "max": float(t.max())}


class SelfNormalizationMonitor:
    """Forward hooks on every weight layer followed by a SELU; see the module docstring.

    Use as a context manager (hooks are removed on exit).  With ``every=N`` only
    every ``N``-th forward pass is recorded, so the monitor can stay on during
    training.  :meth:`report` returns the rows of the last recorded pass.

    Examples
    --------
    >>> import torch
    >>> from selu_proof.torch import SELU, selu_normal_
    >>> torch.manual_seed(0)  # doctest: +ELLIPSIS
    <torch._C.Generator object at ...>
    >>> net = torch.nn.Sequential(torch.nn.Linear(64, 64, bias=False), SELU())
    >>> _ = selu_normal_(net[0].weight)
    >>> with SelfNormalizationMonitor(net) as mon:
    ...     _ = net(torch.randn(512, 64))
    >>> row = mon.report()[0]
    >>> row["layer"], round(row["tau"]["min"], 6), row["units_in_box"], row["in_theorem1_domain"]
    ('0', 1.0, 1.0, True)
    """

    def __init__(self, model: nn.Module, *, every: int = 1) -> None:
        if int(every) < 1:
            raise ValueError(f"every must be a positive integer, got {every!r}")
        self.model = model
        self.every = int(every)
        self.pairs = self._find_pairs(model)
        self._handles: list[Any] = []
        self._calls = 0
        self._recording = False
        self._rows: dict[str, dict[str, Any]] = {}
        self._last: list[dict[str, Any]] = []

    @staticmethod
    def _find_pairs(model: nn.Module) -> list[tuple[str, nn.Module, nn.Module]]:
        leaves = [(n, m) for n, m in model.named_modules() if not list(m.children())]
        pairs = []
        for i, (name, mod) in enumerate(leaves):
            if not isinstance(mod, _WEIGHTED):
                continue
            for _, nxt in leaves[i + 1:]:
                if isinstance(nxt, _SKIPPED) or type(nxt).__name__ == "AlphaDropout":
                    continue
                if _is_selu(nxt):
                    pairs.append((name, mod, nxt))
                break
        return pairs

    def __enter__(self) -> SelfNormalizationMonitor:
        """Register the hooks."""
        for k, (name, lin, act) in enumerate(self.pairs):
            self._handles.append(lin.register_forward_hook(self._layer_hook(k, name)))
            self._handles.append(act.register_forward_hook(self._act_hook(name)))
        return self

    def __exit__(self, *exc: object) -> None:
        """Remove the hooks."""
        self.close()

    def close(self) -> None:
        """Remove every hook (idempotent)."""
        for h in self._handles:
            h.remove()
        self._handles.clear()

    def _layer_hook(self, k: int, name: str):
        def hook(module: nn.Module, inputs: tuple[torch.Tensor, ...], output: torch.Tensor):
            if k == 0:
                self._finish_pass()
                self._recording = self._calls % self.every == 0
                self._calls += 1
            if self._recording:
                self._rows[name] = self._layer_row(k, name, module, inputs[0])
        return hook

    def _act_hook(self, name: str):
        def hook(module: nn.Module, inputs: tuple[torch.Tensor, ...], output: torch.Tensor):
            row = self._rows.get(name)
            if self._recording and row is not None and "mean" not in row:
                row["mean"], row["var"] = _moments(output)
                row["theorem1_constants"] = _theorem1_constants(module)
                row["in_theorem1_domain"] = (row["theorem1_constants"] and row["input_in_box"]
                                             and row["units_in_box"] == 1.0)
                row["mean_in_theorem1_domain"] = (row["theorem1_constants"]
                                                  and row["input_in_box"]
                                                  and row["mean_weights_in_box"])
        return hook

    def _layer_row(self, k: int, name: str, module: nn.Module,
                   x: torch.Tensor) -> dict[str, Any]:
        w = module.weight.detach().to(torch.float64).flatten(1)
        omega, tau = w.sum(1), (w * w).sum(1)
        inside = [in_box("omega", float(o)) and in_box("tau", float(t))
                  for o, t in zip(omega.tolist(), tau.tolist())]
        mu, nu = _moments(x)
        om, ta = _summary(omega), _summary(tau)
        bias = getattr(module, "bias", None)
        return {
            "layer": name, "index": k, "kind": type(module).__name__,
            "units": int(w.shape[0]), "fan_in": int(w.shape[1]),
            "input_mean": mu, "input_var": nu,
            "input_in_box": in_box("mu", mu) and in_box("nu", nu),
            "omega": om, "tau": ta, "units_in_box": sum(inside) / len(inside),
            "mean_weights_in_box": in_box("omega", om["mean"]) and in_box("tau", ta["mean"]),
            "bias_abs_max": None if bias is None else float(bias.detach().abs().max()),
        }

    def _finish_pass(self) -> None:
        if self._rows:
            self._last = [self._rows[n] for n, _, _ in self.pairs if n in self._rows]
            self._rows = {}

    def report(self) -> list[dict[str, Any]]:
        """One dict per monitored layer of the last recorded forward pass.

        Keys: ``layer``, ``index``, ``kind``, ``units``, ``fan_in``,
        ``input_mean``, ``input_var``, ``input_in_box``, ``omega`` and ``tau``
        (each ``{"mean", "min", "max"}`` over units), ``units_in_box``,
        ``mean_weights_in_box``, ``bias_abs_max``, ``mean``, ``var`` (SELU
        output), ``theorem1_constants``, ``in_theorem1_domain``,
        ``mean_in_theorem1_domain``.
        """
        self._finish_pass()
        return [dict(r) for r in self._last]

    def table(self) -> str:
        """The report as a fixed-width text table."""
        head = (f"{'layer':>8} {'in mean':>8} {'in var':>7} {'mean':>8} {'var':>7} "
                f"{'omega mean':>10} {'omega range':>17} {'tau mean':>8} {'tau range':>15} "
                f"{'in box':>6} {'Thm 1':>5}")
        lines = [head]
        for r in self.report():
            o, t = r["omega"], r["tau"]
            lines.append(
                f"{r['layer']:>8} {r['input_mean']:8.4f} {r['input_var']:7.4f} "
                f"{r.get('mean', float('nan')):8.4f} {r.get('var', float('nan')):7.4f} "
                f"{o['mean']:10.4f} [{o['min']:7.3f}, {o['max']:6.3f}] {t['mean']:8.4f} "
                f"[{t['min']:6.3f}, {t['max']:6.3f}] {r['units_in_box']:6.0%} "
                f"{'yes' if r.get('in_theorem1_domain') else 'no':>5}")
        return "\n".join(lines)

    def summary(self) -> None:
        """Print :meth:`table`."""
        print(self.table())
