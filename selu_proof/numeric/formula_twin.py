"""Float twins of a formula activation, read off the same tree as its ball evaluators.

The kernel parses a formula once (:mod:`selu_proof.kernel.formula`); here the tree is
evaluated with numpy (or torch: :mod:`selu_proof.torch.activations`) functions, one per
node, in their numerically stable forms (``expit``, ``logaddexp``, ``expm1``, ``log1p``).
``f`` is the tree itself (switches as ``abs``/``maximum``/``minimum``/``where``); ``f'`` is
the derivative tree of the piece each point lies in.  ``tests/test_formula_twins.py``
checks both against the ball values.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01
from selu_proof.kernel.formula import Node, derivative, split, uses_x

__all__ = ["evaluate", "NUMPY_OPS", "numpy_twin", "CONSTANT_FLOATS"]

#: the float values of the formula constants
CONSTANT_FLOATS = {"pi": math.pi, "alpha_01": ALPHA_01, "lambda_01": LAMBDA_01}


def _numpy_ops() -> dict[str, Callable[..., Any]]:
    from scipy.special import erf, erfc, expit

    return {
        "exp": np.exp, "expm1": np.expm1, "log": np.log, "log1p": np.log1p, "sqrt": np.sqrt,
        "tanh": np.tanh, "sigmoid": expit, "erf": erf, "erfc": erfc, "atan": np.arctan,
        "asinh": np.arcsinh, "softplus": lambda y: np.logaddexp(0, y), "abs": np.abs,
        "max": np.maximum, "min": np.minimum, "where": np.where,
    }


NUMPY_OPS: Mapping[str, Callable[..., Any]] = _numpy_ops()


def evaluate(n: Node, x: Any, ops: Mapping[str, Callable[..., Any]]) -> Any:
    """The tree at ``x`` (an array or tensor) with the functions ``ops``."""
    if n.args and ops is not NUMPY_OPS and not uses_x(n):
        return float(evaluate(n, 0.0, NUMPY_OPS))  # a constant subexpression, as a float
    if n.op == "x":
        return x
    if n.op == "num":
        return float(n.value)
    if n.op == "const":
        return CONSTANT_FLOATS[n.value]
    if n.op == "where":
        lhs, rhs, a, b = (evaluate(c, x, ops) for c in n.args)
        cond = {">": lhs > rhs, "<": lhs < rhs, ">=": lhs >= rhs, "<=": lhs <= rhs}[n.value]
        return ops["where"](cond, a, b)
    args = [evaluate(c, x, ops) for c in n.args]
    if n.op == "add":
        return args[0] + args[1]
    if n.op == "sub":
        return args[0] - args[1]
    if n.op == "mul":
        return args[0] * args[1]
    if n.op == "div":
        return args[0] / args[1]
    if n.op == "neg":
        return -args[0]
    if n.op == "pow":
        return args[0] ** n.value
    if n.op in ("max", "min") and not all(hasattr(a, "shape") for a in args):
        t = args[0] if hasattr(args[0], "shape") else args[1]  # a number and an array
        args = [a if hasattr(a, "shape") else a + 0 * t for a in args]
    return ops[n.op](*args)


def numpy_twin(act: Any) -> tuple[Callable[[Any], np.ndarray], Callable[[Any], np.ndarray]]:
    """``(f, f')`` in numpy floats for an activation with a formula tree (``act.tree``)."""
    tree = act.tree
    pieces = [(lo, hi, derivative(t)) for (lo, hi), t in split(tree, tuple(act.kinks))]

    def f(x: Any) -> np.ndarray:
        arr = np.asarray(x, dtype=float)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            return np.asarray(evaluate(tree, arr, NUMPY_OPS) + 0 * arr)

    def df(x: Any) -> np.ndarray:
        arr = np.asarray(x, dtype=float)
        out = np.zeros_like(arr)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            for lo, hi, d in pieces:  # at a kink: the left piece, as the kernel's value
                inside = (arr > (-np.inf if lo is None else float(lo))) & \
                    (arr <= (np.inf if hi is None else float(hi)))
                if np.any(inside):
                    out = np.where(inside, evaluate(d, arr, NUMPY_OPS) + 0 * arr, out)
        return out
    return f, df
