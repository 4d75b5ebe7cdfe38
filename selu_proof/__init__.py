"""selu-proof: derive the SELU constants and prove the self-normalizing theorems.

Klambauer, Unterthiner, Mayr, Hochreiter, "Self-Normalizing Neural Networks",
NeurIPS 2017 (arXiv:1706.02515).

>>> from selu_proof import ALPHA_01, LAMBDA_01
>>> ALPHA_01, LAMBDA_01
(1.6732632423543772, 1.0507009873554805)
>>> constant_digits(25)["lambda"]
'1.050700987355480493419335'
"""

from selu_proof.backends import jacobian, moment_map, spectral_norm
from selu_proof.constants import (
    ALPHA_01,
    ALPHA_LAMBDA_01,
    LAMBDA_01,
    constant_balls,
    constant_digits,
)
from selu_proof.fixedpoint import RootResult, design_selu, dropout_terms, fixed_point
from selu_proof.numeric import (
    alpha_dropout,
    alpha_dropout_affine,
    elu,
    exact,
    initialize,
    lecun_normal,
    relu,
    selu,
    selu_derivative,
    simulate,
    tanh,
    truncated_normal,
    uniform,
)

__all__ = [
    "ALPHA_01", "LAMBDA_01", "ALPHA_LAMBDA_01", "constant_balls", "constant_digits",
    "moment_map", "jacobian", "spectral_norm",
    "RootResult", "design_selu", "fixed_point", "dropout_terms",
    "selu", "selu_derivative", "elu", "relu", "tanh", "alpha_dropout", "alpha_dropout_affine",
    "lecun_normal", "truncated_normal", "uniform", "exact", "initialize", "simulate",
    "plot_simulation",
]
__version__ = "0.1.0"


def __getattr__(name: str):
    if name == "plot_simulation":  # matplotlib is imported only when plotting
        from selu_proof.plots import plot_simulation

        return plot_simulation
    raise AttributeError(f"module 'selu_proof' has no attribute {name!r}")
