"""Shared fixtures."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _restore_precision():
    """Tests may change the global ball precision; put it back."""
    from flint import ctx

    old = ctx.prec
    yield
    ctx.prec = old
