"""Simulated deep networks compared with their activation's certified fixed point.

:func:`simulate` is :func:`selu_proof.numeric.network.simulate` given the certification
of catalogue activations (:func:`selu_proof.meanfield.activation.catalogue_fixed_point`,
certified quadrature), which the numeric layer cannot import itself: it sits below the
mean field.  SELU and ELU are certified by their closed forms either way; a SELU
simulation does not load the catalogue's mean field.
"""

from __future__ import annotations

from typing import Any

from selu_proof.numeric import network
from selu_proof.numeric.network import SimulationResult

__all__ = ["simulate", "certify_catalogue"]


def certify_catalogue(*args: Any) -> dict[str, Any]:
    """:func:`selu_proof.meanfield.activation.catalogue_fixed_point`, imported on first use."""
    from selu_proof.meanfield.activation import catalogue_fixed_point

    return catalogue_fixed_point(*args)


def simulate(*args: Any, **kwargs: Any) -> SimulationResult:
    """:func:`selu_proof.numeric.network.simulate` (same arguments) with
    ``certify_catalogue`` set to :func:`certify_catalogue` unless given.
    """
    kwargs.setdefault("certify_catalogue", certify_catalogue)
    return network.simulate(*args, **kwargs)
