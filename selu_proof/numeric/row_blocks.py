"""Row blocks: the one way arrays are cut for block-wise work (weights, batches).

Work done block by block gives the same numbers whether the blocks run one
after the other or in an executor, since each block's result depends only
on its rows.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any, TypeVar

__all__ = ["row_blocks", "run_blocks"]

T = TypeVar("T")


def row_blocks(n: int, blocks: int) -> list[slice]:
    """``min(blocks, n)`` (at least one) consecutive, nearly equal slices covering ``range(n)``.

    >>> row_blocks(10, 4)
    [slice(0, 2, None), slice(2, 5, None), slice(5, 7, None), slice(7, 10, None)]
    """
    k = max(1, min(blocks, n))
    return [slice(n * i // k, n * (i + 1) // k) for i in range(k)]


def run_blocks(fn: Callable[[T], Any], items: list[T], executor: Executor | None) -> list[Any]:
    """``[fn(item) for item in items]``, in ``executor`` if given (results in order)."""
    return list(executor.map(fn, items) if executor is not None else map(fn, items))
