"""Memory estimates of simulations and training runs, checked before anything is allocated.

A request is refused when its estimate exceeds the memory this process can
still get (:func:`available_memory`: the kernel's ``MemAvailable``, or what is
left under the container's limit or the process's own limits, ``ulimit -v``
and ``ulimit -d``, when lower).  The estimates count the large arrays only
(weights, activations, gradients and the per-layer derivatives kept for a
backward pass), so they are lower bounds of the true peak, not upper ones:
a refusal is certain to be right, and a run that passes may still come close.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["available_memory", "simulation_bytes", "training_bytes", "check_memory",
           "format_bytes", "process_limit", "out_of_memory_message", "forget_estimate"]


def _read_int(path: str) -> int | None:
    try:
        text = Path(path).read_text().strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _status_bytes(field: str) -> int | None:
    """A ``kB`` field of ``/proc/self/status`` (``VmSize``, ``VmData``) in bytes."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def process_limit() -> int | None:
    """Bytes left under this process's own limits, or ``None`` when none is set.

    ``RLIMIT_AS`` (``ulimit -v``) bounds the address space, of which ``VmSize``
    is in use; ``RLIMIT_DATA`` (``ulimit -d``) the data segment and private
    mappings, of which ``VmData`` is in use.  Where the usage cannot be read, the
    limit itself is the bound.
    """
    try:
        import resource
    except ImportError:  # not a Unix
        return None
    left = None
    for name, field in (("RLIMIT_AS", "VmSize"), ("RLIMIT_DATA", "VmData")):
        which = getattr(resource, name, None)
        if which is None:
            continue
        try:
            soft, _ = resource.getrlimit(which)
        except (OSError, ValueError):
            continue
        if soft == resource.RLIM_INFINITY or soft < 0:
            continue
        used = _status_bytes(field) or 0
        room = max(0, soft - used)
        left = room if left is None else min(left, room)
    return left


def available_memory() -> int | None:
    """Bytes this process can still allocate, or ``None`` when the platform does not say.

    ``MemAvailable`` from ``/proc/meminfo`` (else free physical pages), lowered to
    what is left under a cgroup v2 limit (``memory.max - memory.current``) and
    under the process's own limits (:func:`process_limit`).
    """
    avail = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                avail = int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    if avail is None:
        try:
            avail = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        except (AttributeError, ValueError, OSError):
            return None
    limit = _read_int("/sys/fs/cgroup/memory.max")
    used = _read_int("/sys/fs/cgroup/memory.current")
    if limit is not None and used is not None:
        avail = min(avail, max(0, limit - used))
    own = process_limit()
    return avail if own is None else min(avail, own)


def simulation_bytes(depth: int, width: int, batch: int, itemsize: int, *,
                     gradients: bool = False, pairs: bool = False) -> int:
    """The large arrays of :func:`selu_proof.numeric.network.simulate` and its twins.

    Forward pass: two weight matrices (one in use, one drawn ahead) of
    ``width**2`` entries and four ``batch x width`` arrays (input, product,
    activation, the float64 moments' temporaries at twice the size); with
    ``gradients`` the derivative ``f'(z)`` of every layer is kept
    (``depth * batch * width`` entries); ``pairs`` doubles the activations.
    """
    weights = 2 * width * width * itemsize
    acts = batch * width * (3 * itemsize + 8)
    out = weights + acts * (2 if pairs else 1)
    if gradients:
        out += depth * batch * width * itemsize + acts
    return out + depth * 1024  # a record per layer


def training_bytes(depth: int, width: int, batch: int, features: int, samples: int) -> int:
    """The large tensors of :func:`selu_proof.experiments.training.train` (float32).

    Parameters four times over (weights, gradients, two optimizer moments),
    the activations autograd keeps for a minibatch (three per layer), and one
    forward pass over every sample for the monitor and the evaluation.
    """
    params = depth * width * width + features * width + width * 16
    kept = 3 * batch * width * depth
    evaluation = 2 * samples * width * depth
    return 4 * (4 * params + kept + evaluation)


def format_bytes(n: int) -> str:
    """``n`` bytes in binary units, e.g. ``'16.0 GiB'``."""
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB", "PiB"):
        if size < 1024 or unit == "PiB":
            return f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError  # unreachable


#: the last request checked by :func:`check_memory` in this process: ``(what, bytes)``
_last_estimate: list[tuple[str, int]] = []


def check_memory(estimate: int, what: str) -> None:
    """Raise ``MemoryError`` with the estimate when it exceeds :func:`available_memory`.

    The request is remembered, so that a ``MemoryError`` raised later by the
    work itself is reported with it (:func:`out_of_memory_message`).
    """
    _last_estimate[:] = [(what, estimate)]
    avail = available_memory()
    if avail is not None and estimate > avail:
        raise MemoryError(f"{what} needs about {format_bytes(estimate)} of memory, more than "
                          f"the {format_bytes(avail)} available")


def forget_estimate() -> None:
    """Forget the request remembered by :func:`check_memory` (a new command starts)."""
    _last_estimate.clear()


def out_of_memory_message(exc: MemoryError) -> str:
    """One line for a ``MemoryError`` met while working, with the estimate checked before.

    >>> forget_estimate(); check_memory(2**20, "a test")
    >>> print(out_of_memory_message(MemoryError("Unable to allocate 4.00 MiB")))
    ... # doctest: +NORMALIZE_WHITESPACE
    out of memory (Unable to allocate 4.00 MiB): a test needs about 1.0 MiB by the
    estimate (the large arrays only, a lower bound of the peak)
    """
    why = str(exc).strip()
    line = "out of memory" + (f" ({why})" if why else "")
    if _last_estimate:
        what, estimate = _last_estimate[0]
        line += (f": {what} needs about {format_bytes(estimate)} by the estimate (the large "
                 "arrays only, a lower bound of the peak)")
    return line
