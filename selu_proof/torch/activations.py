"""Torch twins of the kernel activation catalogue (:mod:`selu_proof.kernel.activations`).

Each activation's twin is read off its formula's tree (:func:`tree_torch_twin`:
differentiable, ``torch.compile`` traces it), the parameters bound as floats; six
catalogue entries keep the ``torch.nn.functional`` form a user would write, which
``benchmarks/bench_twins.py`` measured clearly faster (:data:`TORCH_TWINS`).
``tests/test_formula_everywhere.py`` checks both against the ball values and each other.

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

__all__ = ["torch_twin", "tree_torch_twin", "TORCH_TWINS", "TORCH_OPS"]

Tensor = torch.Tensor

#: the hand-written torch twins kept: name -> ``f(x, **params)``, the
#: ``torch.nn.functional`` form a user would write.  Every other entry's twin is read off
#: its formula's tree (:func:`tree_torch_twin`); these six are kept because
#: ``benchmarks/bench_twins.py`` measured them clearly faster (forward and backward on a
#: float32 tensor of 10^6 points, time of the tree's twin over the hand-written one: selu
#: 5.3, elu 7.6, celu 7.6, relu 44, leaky_relu 46, gelu 4.8; silu 1.02, mish 0.77, tanh
#: 1.08 and softplus 1.02 use the tree's), and ``tests/test_formula_everywhere.py`` checks
#: that they agree with the tree's twin, values and gradients, far tails and kinks included.
TORCH_TWINS: dict[str, Callable[..., Tensor]] = {
    "selu": lambda x, alpha, **kw: kw["lambda"] * F.elu(x, alpha),
    "elu": lambda x, alpha: F.elu(x, alpha),
    "celu": lambda x, alpha: F.celu(x, alpha),
    "relu": lambda x: F.relu(x),
    "leaky_relu": lambda x, slope: F.leaky_relu(x, slope),
    "gelu": lambda x: F.gelu(x),
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


def tree_torch_twin(act: Any) -> Callable[[Tensor], Tensor]:
    """``f`` as a torch function of a tensor read off the formula's tree, evaluated with
    :data:`TORCH_OPS` (autograd gives ``f'``).
    """
    from selu_proof.numeric.formula_twin import evaluate

    tree = act.tree

    def f(x: Tensor) -> Tensor:
        y = evaluate(tree, x, TORCH_OPS)
        return y if isinstance(y, Tensor) and y.shape == x.shape else y + 0 * x
    return f


def torch_twin(act: Any) -> Callable[[Tensor], Tensor]:
    """``f`` as a torch function of a tensor, for a kernel activation: the
    ``torch.nn.functional`` form of :data:`TORCH_TWINS` for those entries, else the
    formula's tree (:func:`tree_torch_twin`).
    """
    if act.name not in TORCH_TWINS or act.tree is None:
        return tree_torch_twin(act)
    fn = TORCH_TWINS[act.name]
    p = float_params(act)
    return lambda x: fn(x, **p)
