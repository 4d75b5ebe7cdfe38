"""Deprecated: the verifier moved to :mod:`selu_proof.kernel` and :mod:`selu_proof.search`.

``selu_proof.interval.checker``, ``.specs``, ``.claims``, ``.forms`` and ``.exact`` are now
in :mod:`selu_proof.kernel` (trusted); ``.prover``, ``.extremum``, ``.edges``,
``.design_proof`` and ``.certificate`` in :mod:`selu_proof.search`.  The old paths import
the new modules with a :class:`DeprecationWarning` until 0.3.
"""

from __future__ import annotations

from typing import Any

_NAMES = {"check_file": "selu_proof.kernel.checker", "check_certificate":
          "selu_proof.kernel.checker", "load_spec": "selu_proof.kernel.specs",
          "prove_spec": "selu_proof.search.prover"}


def __getattr__(name: str) -> Any:
    import importlib
    import warnings

    if name in _NAMES:
        warnings.warn(f"selu_proof.interval.{name} moved to {_NAMES[name]}.{name}",
                      DeprecationWarning, stacklevel=2)
        return getattr(importlib.import_module(_NAMES[name]), name)
    raise AttributeError(f"module 'selu_proof.interval' has no attribute {name!r}")
