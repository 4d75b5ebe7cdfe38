"""selu-proof: derive the SELU constants and prove the self-normalizing theorems.

Klambauer, Unterthiner, Mayr, Hochreiter, "Self-Normalizing Neural Networks",
NeurIPS 2017 (arXiv:1706.02515).

>>> from selu_proof import ALPHA_01, LAMBDA_01
>>> ALPHA_01, LAMBDA_01
(1.6732632423543772, 1.0507009873554805)
"""

from selu_proof.constants import (
    ALPHA_01,
    ALPHA_LAMBDA_01,
    LAMBDA_01,
    constant_balls,
    constant_digits,
)

__all__ = ["ALPHA_01", "LAMBDA_01", "ALPHA_LAMBDA_01", "constant_balls", "constant_digits"]
__version__ = "0.1.0"
