"""selu-proof: derive the SELU constants and prove the self-normalizing theorems.

Klambauer, Unterthiner, Mayr, Hochreiter, "Self-Normalizing Neural Networks",
NeurIPS 2017 (arXiv:1706.02515).

>>> from selu_proof import ALPHA_01, LAMBDA_01, constant_digits
>>> ALPHA_01, LAMBDA_01
(1.6732632423543772, 1.0507009873554805)
>>> constant_digits(25)["lambda"]
'1.050700987355480493419335'

Every name is loaded on first use, so that importing the trusted checker
(:mod:`selu_proof.kernel.checker`) loads nothing else, and so that the
command line starts without importing anything heavy before it can handle
Ctrl-C.
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    **{name: "selu_proof.kernel.constants" for name in (
        "ALPHA_01", "LAMBDA_01", "ALPHA_LAMBDA_01", "constant_balls", "constant_digits")},
    "moment_map": "selu_proof.backends", "jacobian": "selu_proof.backends",
    "spectral_norm": "selu_proof.backends",
    "RootResult": "selu_proof.fixedpoint", "design_selu": "selu_proof.fixedpoint",
    "fixed_point": "selu_proof.fixedpoint", "dropout_terms": "selu_proof.fixedpoint",
    "fixed_point_set": "selu_proof.fixedpoint.over_box",
    "plot_fixed_point_set": "selu_proof.plots.fixed_point_set",
    **{name: "selu_proof.plots" for name in (
        "plot_simulation", "plot_activation", "plot_mapping_field", "plot_spectral_norm",
        "plot_certificate_cover", "save_figure")},
    "plot_correlation_map": "selu_proof.plots.mean_field",
    "plot_gradients": "selu_proof.plots.mean_field",
    "mean_field": "selu_proof.meanfield",
    "simulate_gradients": "selu_proof.numeric.backprop",
    "simulate_pairs": "selu_proof.meanfield.pairs",
    **{name: "selu_proof.numeric" for name in (
        "selu", "selu_derivative", "elu", "relu", "tanh", "alpha_dropout",
        "alpha_dropout_affine", "lecun_normal", "truncated_normal", "uniform", "exact",
        "initialize")},
    "simulate": "selu_proof.simulation",
}

__all__ = [*_LAZY]
__version__ = "0.1.0"


#: Modules reachable as attributes of the package (``from selu_proof import symbolic``): the
#: sympy moment maps, which load sympy, so they are not in ``__all__``.
_MODULES = {"symbolic": "selu_proof.derive.symbolic"}


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        return importlib.import_module(_MODULES[name])
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'selu_proof' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
