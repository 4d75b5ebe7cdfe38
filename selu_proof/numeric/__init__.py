"""Numeric twins of the analytic results: activations, alpha dropout, initializers, networks.

Thin numpy modules (no deep-learning framework).  Every analytic quantity of the
package has a simulated counterpart here, and the tests compare the two:

* :func:`selu` and the moment map ``g`` (Monte Carlo of ``selu(z)``, ``z`` Gaussian);
* :func:`alpha_dropout` and the affine terms of :func:`alpha_dropout_affine`;
* :func:`simulate` (deep networks) and the certified fixed point of ``g``.

>>> from selu_proof.numeric import selu
>>> float(selu(1.0))
1.0507009873554805
"""

from selu_proof.numeric.activations import (
    ACTIVATIONS,
    Activation,
    elu,
    elu_derivative,
    gaussian_moments,
    get_activation,
    relu,
    relu_derivative,
    selu,
    selu_derivative,
    tanh,
    tanh_derivative,
)
from selu_proof.numeric.dropout import (
    alpha_dropout,
    alpha_dropout_affine,
    alpha_dropout_moments,
    alpha_dropout_with_mask,
)
from selu_proof.numeric.initializers import (
    INITIALIZERS,
    TRUNCATED_VARIANCE,
    Init,
    exact,
    implied_omega_tau,
    initialize,
    lecun_normal,
    truncated_normal,
    uniform,
    weight_statistics,
)
from selu_proof.numeric.network import (
    LayerRecord,
    SimulationResult,
    certified_fixed_point,
    moment_statistics,
    simulate,
)

__all__ = [
    "selu", "selu_derivative", "elu", "elu_derivative", "relu", "relu_derivative", "tanh",
    "tanh_derivative", "Activation", "ACTIVATIONS", "get_activation", "gaussian_moments",
    "alpha_dropout", "alpha_dropout_with_mask", "alpha_dropout_affine", "alpha_dropout_moments",
    "Init", "INITIALIZERS", "TRUNCATED_VARIANCE", "initialize", "lecun_normal",
    "truncated_normal", "uniform", "exact", "implied_omega_tau", "weight_statistics",
    "LayerRecord", "SimulationResult", "simulate", "moment_statistics", "certified_fixed_point",
]
