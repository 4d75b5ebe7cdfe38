"""Float twins of a formula activation, read off the same tree as its ball evaluators.

The kernel parses a formula once (:mod:`selu_proof.kernel.formula`); here the tree is
evaluated with numpy (or torch: :mod:`selu_proof.torch.activations`) functions, one per
node, in their numerically stable forms (``expit``, ``expm1``, ``log1p``, softplus as
``max(y, 0) + log1p(e^-|y|)``), each shared subtree once.  In numpy ``f`` and ``f'`` are
the switch-free trees of the pieces between kinks (``f'`` by the kernel's derivative
rules), chosen per point; in torch ``f`` is the tree itself (switches as
``abs``/``maximum``/``minimum``/``where``) and autograd gives ``f'``.  This is the twin of
every activation but the few whose hand-written twins ``benchmarks/bench_twins.py``
measured clearly faster (:data:`selu_proof.numeric.activations.FLOAT_TWINS`,
:data:`selu_proof.torch.activations.TORCH_TWINS`); ``tests/test_formula_everywhere.py``
checks all of them against the ball values and the hand-written ones against these.
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


def _softplus(y: Any) -> Any:
    """``log(1 + e^y) = max(y, 0) + log1p(e^-|y|)`` (three times faster than ``logaddexp``)."""
    return np.maximum(y, 0) + np.log1p(np.exp(-np.abs(y)))


def _numpy_ops() -> dict[str, Callable[..., Any]]:
    from scipy.special import erf, erfc, expit

    return {
        "exp": np.exp, "expm1": np.expm1, "log": np.log, "log1p": np.log1p, "sqrt": np.sqrt,
        "tanh": np.tanh, "sigmoid": expit, "erf": erf, "erfc": erfc, "atan": np.arctan,
        "asinh": np.arcsinh, "softplus": _softplus, "abs": np.abs,
        "max": np.maximum, "min": np.minimum, "where": np.where,
    }


NUMPY_OPS: Mapping[str, Callable[..., Any]] = _numpy_ops()


def evaluate(n: Node, x: Any, ops: Mapping[str, Callable[..., Any]],
             memo: dict[int, Any] | None = None) -> Any:
    """The tree at ``x`` (an array or tensor) with the functions ``ops``; a subtree that
    appears more than once (derivative trees share them) is evaluated once (``memo``).
    """
    memo = {} if memo is None else memo
    got = memo.get(id(n))
    if got is None:
        got = memo[id(n)] = _node(n, x, ops, memo)
    return got


def _node(n: Node, x: Any, ops: Mapping[str, Callable[..., Any]], memo: dict[int, Any]) -> Any:
    if n.args and ops is not NUMPY_OPS and not uses_x(n):
        return float(evaluate(n, 0.0, NUMPY_OPS))  # a constant subexpression, as a float
    if n.op == "x":
        return x
    if n.op == "num":
        return float(n.value)
    if n.op == "const":
        return CONSTANT_FLOATS[n.value]
    if n.op == "where":
        lhs, rhs, a, b = (evaluate(c, x, ops, memo) for c in n.args)
        cond = {">": lhs > rhs, "<": lhs < rhs, ">=": lhs >= rhs, "<=": lhs <= rhs}[n.value]
        return ops["where"](cond, a, b)
    args = [evaluate(c, x, ops, memo) for c in n.args]
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
        k, y = n.value, args[0]
        if 1 <= k <= 4:  # by multiplication: a general power is many times slower
            out = y
            for _ in range(k - 1):
                out = out * y
            return out
        return y ** k
    if n.op in ("max", "min") and not all(hasattr(a, "shape") for a in args):
        t = args[0] if hasattr(args[0], "shape") else args[1]  # a number and an array
        args = [a if hasattr(a, "shape") else a + 0 * t for a in args]
    return ops[n.op](*args)


def _as_float(x: Any) -> np.ndarray:
    arr = np.asarray(x)
    return arr if np.issubdtype(arr.dtype, np.floating) else arr.astype(np.float64)


def numpy_twin(act: Any) -> tuple[Callable[[Any], np.ndarray], Callable[[Any], np.ndarray]]:
    """``(f, f')`` in numpy floats for an activation with a formula tree (``act.tree``), the
    input's floating dtype kept (float32 in, float32 out).

    Each is the switch-free tree of each piece between kinks, chosen per point (at a kink:
    the left piece, as the kernel's value), consecutive pieces with the same tree merged
    (splits that are no kinks, such as tanh's at 0, cost nothing).
    """
    value, slope = [], []
    for (lo, hi), t in split(act.tree, tuple(act.kinks)):
        for out, tree in ((value, t), (slope, derivative(t))):
            if out and out[-1][2] == tree:
                out[-1] = (out[-1][0], hi, tree)
            else:
                out.append((lo, hi, tree))

    def piecewise(pieces: list[tuple[Any, Any, Node]]) -> Callable[[Any], np.ndarray]:
        def fn(x: Any) -> np.ndarray:
            arr = _as_float(x)
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                out = evaluate(pieces[-1][2], arr, NUMPY_OPS)
                for _, hi, tree in reversed(pieces[:-1]):  # at a kink: the left piece
                    out = np.where(arr <= float(hi), evaluate(tree, arr, NUMPY_OPS), out)
                return np.asarray(out + 0 * arr, dtype=arr.dtype)
        return fn
    return piecewise(value), piecewise(slope)
