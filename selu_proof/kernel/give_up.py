"""The time past which a search gives up an integration (:func:`give_up_at`).

Trusted in the sense that the checker imports it to switch it off: a search under
``--max-seconds`` enters ``give_up_at(deadline)``, and past that time
:mod:`selu_proof.kernel.quadrature` returns indeterminate balls, which prove and refute
nothing.  The checker enters ``give_up_at(None)`` at its entry points, so that it never
gives up, also in a worker process forked while a search's deadline was set.  A context
variable, so each thread has its own.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["give_up_at", "give_up_time", "passed"]

#: ``time.monotonic()`` past which integrands return indeterminate balls
_GIVE_UP: contextvars.ContextVar[float | None] = contextvars.ContextVar("give_up", default=None)


@contextmanager
def give_up_at(deadline: float | None) -> Iterator[None]:
    """Within the block, integrations give up once ``time.monotonic()`` passes
    ``deadline`` (``None``: never); the enclosures computed then are non-finite.
    """
    token = _GIVE_UP.set(deadline)
    try:
        yield
    finally:
        _GIVE_UP.reset(token)


def give_up_time() -> float | None:
    """The ``time.monotonic()`` set by the innermost :func:`give_up_at` (``None``: never)."""
    return _GIVE_UP.get()


def passed(deadline: float | None) -> bool:
    """Whether ``time.monotonic()`` is past ``deadline`` (``None``: never)."""
    return deadline is not None and time.monotonic() > deadline
