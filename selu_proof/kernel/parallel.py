"""Cores and worker processes: parallel replay, proving and simulation on one machine.

Workers are forked where the platform allows it, so they start in
milliseconds with this process's modules already imported.  Results never
depend on the number of workers.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a pool is made: multiprocessing costs start-up time
    from concurrent.futures import ProcessPoolExecutor

__all__ = ["usable_cores", "process_pool"]


def usable_cores() -> int:
    """The number of cores this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def process_pool(n: int) -> ProcessPoolExecutor:
    """A pool of ``n`` worker processes, forked where the platform allows it."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if "fork" in methods else None
    return ProcessPoolExecutor(max_workers=n, mp_context=context)
