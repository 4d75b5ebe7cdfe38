"""What one recorded pass of :class:`~selu_proof.torch.monitor.SelfNormalizationMonitor` keeps.

Each SELU call is a row attributed to the weight layer that produced its input; a pass
holds its rows and the tensors needed to attribute them; the weights as of the pass are
copied once when it ends, into buffers reused from pass to pass.  The statistics are
computed from these only when a report is asked for.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn


class _Row:
    """A SELU call attributed to the weight layer that produced its input.

    ``layer`` and ``layer_module`` name that weight layer, ``x`` is its input;
    ``activation``, ``module`` and ``design`` name the SELU, ``out`` its output
    (or the output of the alpha dropout after it, ``dropout`` that dropout's
    design).  The ``*_version`` fields are the tensors' version counters at the
    pass.  The layer's weights as of the pass are in the monitor's buffers
    (:class:`_WeightCopies`); its bias is read when the report is made.
    """

    __slots__ = ("layer", "layer_module", "x", "x_version", "activation", "module", "design",
                 "out", "out_version", "dropout")

    def __init__(self, layer: str, layer_module: nn.Module, x: torch.Tensor, x_version: int,
                 activation: str, module: Any, design: dict[str, Any], out: torch.Tensor,
                 out_version: int) -> None:
        self.layer, self.layer_module, self.x, self.x_version = layer, layer_module, x, x_version
        self.activation, self.module, self.design = activation, module, design
        self.out, self.out_version = out, out_version
        self.dropout: dict[str, Any] | None = None


class _Pass:
    """What one recorded forward pass (and its backward) left behind."""

    __slots__ = ("rows", "producers", "outputs", "activations_seen", "unattributed")

    def __init__(self) -> None:
        self.rows: list[_Row] = []
        #: id of a weight layer's output -> (output, name, module, input, input version)
        self.producers: dict[int, tuple[torch.Tensor, str, nn.Module, Any, int]] = {}
        self.outputs: dict[int, tuple[torch.Tensor, _Row]] = {}
        self.activations_seen = 0
        self.unattributed: list[str] = []


def _weight_of(m: nn.Module) -> torch.Tensor:
    """``m.weight`` as the pass used it, read without side effects.

    A registered parameter is read from ``_parameters`` (10x faster than the
    attribute).  A parametrized weight (``torch.nn.utils.parametrize``) is
    recomputed at every access, and in training mode some parametrizations change
    state when they are (``spectral_norm`` runs a power iteration on its ``u``,
    ``v`` buffers, a random weight mask draws from the generator): it is read
    without gradients and with its parametrizations in eval mode, which for
    ``spectral_norm`` gives the weight of the pass from the ``u``, ``v`` the pass
    left, and changes nothing in the model.
    """
    w = m._parameters.get("weight")
    if w is not None:
        return w
    plist = getattr(getattr(m, "parametrizations", None), "weight", None)
    if plist is None:
        return m.weight
    modes = [(q, q.training) for q in plist.modules()]
    try:
        for q, _ in modes:
            q.training = False
        with torch.no_grad():
            return m.weight
    finally:
        for q, mode in modes:
            q.training = mode


def _fits(buffer: torch.Tensor | None, w: torch.Tensor) -> bool:
    """Whether ``buffer`` can hold a copy of ``w`` (same shape, dtype and device)."""
    return (buffer is not None and buffer.shape == w.shape and buffer.dtype == w.dtype
            and buffer.device == w.device)


class _WeightCopies:
    """The weights of the monitored layers in the last recorded pass.

    ``snapshot=True``: one copy per module (a layer called several times in a
    pass shares it), all taken by one ``torch._foreach_copy_`` when the pass
    ends, before an optimizer step can change the weights in place, into
    buffers reused from pass to pass (only the last pass is ever read).  A
    parametrized weight is a new tensor at every access, so the weights are
    read anew at every pass; a buffer is replaced when its weight's shape, dtype
    or device changed.

    ``snapshot=False``: no copy; :meth:`weight` returns the weights as they are
    when read.  Whether they changed since the pass cannot be told cheaply (fused
    optimizers and ``.data`` writes leave the version counter alone), so such
    rows say ``"report"``.
    """

    __slots__ = ("snapshot", "buffers", "_modules", "_dst")

    def __init__(self, snapshot: bool = True) -> None:
        self.snapshot = snapshot
        self.buffers: dict[nn.Module, torch.Tensor] = {}
        self._modules: list[nn.Module] = []
        self._dst: list[torch.Tensor] = []

    def take(self, rows: list[_Row]) -> None:
        """Copy the weights of the layers of ``rows`` (nothing without ``snapshot``)."""
        if not self.snapshot:
            return
        modules = list(dict.fromkeys(r.layer_module for r in rows))
        if not modules:
            return
        src = [_weight_of(m) for m in modules]
        if modules != self._modules or not all(map(_fits, self._dst, src)):
            for m, w in zip(modules, src, strict=True):
                if not _fits(self.buffers.get(m), w):
                    self.buffers[m] = torch.empty_like(w, requires_grad=False)
            self._modules, self._dst = modules, [self.buffers[m] for m in modules]
        with torch.no_grad():
            if hasattr(torch, "_foreach_copy_"):  # (private, one call for the list)
                torch._foreach_copy_(self._dst, src)
            else:  # pragma: no cover - older torch
                for d, w in zip(self._dst, src, strict=True):
                    d.copy_(w)

    def weight(self, m: nn.Module) -> tuple[torch.Tensor, str]:
        """``(weights, "pass" or "report")``: the weights to report and as of when."""
        if self.snapshot:
            return self.buffers[m], "pass"
        return _weight_of(m).detach(), "report"
