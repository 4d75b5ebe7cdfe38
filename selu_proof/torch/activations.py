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


#: the formula functions in torch (differentiable; ``torch.compile`` traces them)
TORCH_OPS: dict[str, Callable[..., Tensor]] = {
    "exp": torch.exp, "expm1": torch.expm1, "log": torch.log, "log1p": torch.log1p,
    "sqrt": torch.sqrt, "tanh": torch.tanh, "sigmoid": torch.sigmoid,
    "erf": torch.special.erf, "erfc": torch.special.erfc, "atan": torch.atan,
    "asinh": torch.asinh, "softplus": F.softplus, "abs": torch.abs,
    "max": lambda a, b: torch.maximum(torch.as_tensor(a), torch.as_tensor(b)),
    "min": lambda a, b: torch.minimum(torch.as_tensor(a), torch.as_tensor(b)),
    "where": lambda c, a, b: torch.where(c, torch.as_tensor(a), torch.as_tensor(b)),
}


def torch_twin(act: Any) -> Callable[[Tensor], Tensor]:
    """``f`` as a torch function of a tensor, for a kernel activation: the
    ``torch.nn.functional`` form of :data:`TORCH_TWINS` for those entries, else the
    formula's tree evaluated with :data:`TORCH_OPS` (autograd gives ``f'``).
    """
    if act.name not in TORCH_TWINS or act.tree is None:
        from selu_proof.numeric.formula_twin import evaluate

        tree = act.tree
        return lambda x: evaluate(tree, x, TORCH_OPS) + 0 * x
    fn = TORCH_TWINS[act.name]
    p = float_params(act)
    return lambda x: fn(x, **p)
