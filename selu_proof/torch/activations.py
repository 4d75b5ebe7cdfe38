"""Torch twins of the kernel activation catalogue (:mod:`selu_proof.kernel.activations`).

Each catalogue entry maps to the ``torch.nn.functional`` form a user would write, with
the parameters bound as floats (:func:`selu_proof.numeric.activations.float_params`);
``tests/test_activations.py`` checks them against the ball values.

>>> import torch
>>> from selu_proof.kernel.activations import parse_activation
>>> f = torch_twin(parse_activation("silu:beta=1"))
>>> round(float(f(torch.tensor(1.0, dtype=torch.float64))), 12)
0.73105857863
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch
from torch.nn import functional as F  # noqa: N812 (torch's own convention)

from selu_proof.numeric.activations import float_params

__all__ = ["torch_twin", "TORCH_TWINS"]

Tensor = torch.Tensor

#: name -> ``f(x, **params)`` in torch
TORCH_TWINS: dict[str, Callable[..., Tensor]] = {
    "selu": lambda x, alpha, **kw: kw["lambda"] * F.elu(x, alpha),
    "elu": lambda x, alpha: F.elu(x, alpha),
    "celu": lambda x, alpha: F.celu(x, alpha),
    "relu": lambda x: F.relu(x),
    "leaky_relu": lambda x, slope: F.leaky_relu(x, slope),
    "gelu": lambda x: F.gelu(x),
    "silu": lambda x, beta: x * torch.sigmoid(beta * x),
    "mish": lambda x: F.mish(x),
    "tanh": lambda x: torch.tanh(x),
    "softplus": lambda x: F.softplus(x),
}


def torch_twin(act: Any) -> Callable[[Tensor], Tensor]:
    """``f`` as a torch function of a tensor, for a kernel catalogue activation."""
    fn = TORCH_TWINS[act.name]
    p = float_params(act)
    return lambda x: fn(x, **p)
