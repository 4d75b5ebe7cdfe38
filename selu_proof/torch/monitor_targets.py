"""What :class:`~selu_proof.torch.monitor.SelfNormalizationMonitor` watches.

The SELU modules and functions and the :class:`~selu_proof.torch.Normalized` /
:class:`~selu_proof.torch.Transformed` modules (:func:`activation_design`), the weight layers
whose outputs feed them, the modules a tensor passes through unchanged on the way (dropout,
``Identity``), and the pairs ``(weight layer, activation)`` read off one ``torch.fx`` trace
of the model (:func:`static_pairs`).
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn
from torch.nn import functional

from selu_proof.torch.design import selu_constants
from selu_proof.torch.dropout import AlphaDropout
from selu_proof.torch.transformed import Normalized, Transformed

__all__ = ["static_pairs", "activation_design"]

_WEIGHTED = (nn.Linear, nn.Conv1d, nn.Conv2d, nn.Conv3d)
_TRANSPARENT = (nn.Dropout, nn.AlphaDropout, nn.FeatureAlphaDropout, nn.Identity)
_SELU_FUNCTIONS = (functional.selu, torch.selu, torch.selu_)
_FUNCTIONAL = "F.selu"


def activation_design(m: nn.Module) -> dict[str, Any] | None:
    """The design of a module the monitor watches: a SELU's constants
    (:func:`~selu_proof.torch.design.selu_constants`), or a ``Normalized`` /
    ``Transformed`` module's activation and constants (its ``design()``); else ``None``.
    """
    if isinstance(m, (Normalized, Transformed)):
        return m.design()
    return selu_constants(m)


def _is_dropout(m: nn.Module) -> bool:
    return isinstance(m, (AlphaDropout, nn.AlphaDropout, nn.FeatureAlphaDropout))


def _transparent(m: nn.Module) -> bool:
    return isinstance(m, _TRANSPARENT) or _is_dropout(m)


def _dropout_design(m: nn.Module) -> dict[str, Any]:
    """A dropout module's design; ``torch.nn``'s are for ``alpha_01``, ``lambda_01``, (0, 1)."""
    if hasattr(m, "design"):
        return m.design()
    std = selu_constants(nn.SELU())
    return {**std, "kind": type(m).__name__, "p": float(m.p)}


def static_pairs(model: nn.Module) -> tuple[list[tuple[str, nn.Module, Any]], bool, bool]:
    """``(pairs, traced, functional)`` from tracing ``model`` once with ``torch.fx``.

    ``pairs`` are ``(layer name, weight module, activation)`` in graph order,
    ``functional`` whether ``forward`` calls a functional SELU; ``traced`` is
    False when ``torch.fx`` cannot trace the model (then ``pairs`` is empty).
    """
    from torch import fx

    mods = dict(model.named_modules())

    class Tracer(fx.Tracer):
        def is_leaf_module(self, m: nn.Module, qualname: str) -> bool:
            return (activation_design(m) is not None or _is_dropout(m)
                    or super().is_leaf_module(m, qualname))

    try:
        graph = Tracer().trace(model)
    except Exception:  # noqa: BLE001 - any failure of tracing means "not traceable"
        return [], False, False
    pairs, functional = [], False
    for node in graph.nodes:
        if node.op == "call_module" and activation_design(mods[node.target]) is not None:
            act: Any = mods[node.target]
        elif node.op == "call_function" and node.target in _SELU_FUNCTIONS:
            act, functional = _FUNCTIONAL, True
        else:
            continue
        src = node.args[0] if node.args else None
        while (isinstance(src, fx.Node) and src.op == "call_module"
               and _transparent(mods[src.target])):
            src = src.args[0]
        if (isinstance(src, fx.Node) and src.op == "call_module"
                and isinstance(mods[src.target], _WEIGHTED)):
            pairs.append((src.target, mods[src.target], act))
    return pairs, True, functional
