"""Aliases that keep the pre-0.2 module paths importable for one release."""

from __future__ import annotations

import importlib
import sys
import warnings
from types import ModuleType


def alias(old: str, new: str) -> ModuleType:
    """Make module ``old`` the module ``new``, with a :class:`DeprecationWarning`.

    Called from the stub left at the old path; afterwards ``import old`` gives ``new``
    itself (same objects, same state), so old and new imports can be mixed.
    """
    warnings.warn(f"{old} moved to {new}; import it from there ({old} is removed in 0.3)",
                  DeprecationWarning, stacklevel=3)
    module = importlib.import_module(new)
    sys.modules[old] = module
    return module
