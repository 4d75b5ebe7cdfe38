"""The mean field of a wide network: what one layer does to the statistics of its units.

:mod:`~selu_proof.meanfield.core` is the certified mean field of any model (SELU's closed
forms or an activation by quadrature), read from its Gaussian moments alone (the fixed
point by Krawczyk, the Jacobian, ``chi_1``, ``chi_c``, the depth scales);
:mod:`~selu_proof.meanfield.selu` holds the SELU maps (gradient growth ``chi_1``, the
correlation map and its fixed points, alpha dropout, a designed SELU),
:mod:`~selu_proof.meanfield.activation` the same certified quantities for any catalogue
activation, :mod:`~selu_proof.meanfield.variance_map`
the variance map's certified exclusions and :mod:`~selu_proof.meanfield.table` the
generated table of docs/any_activation.md.  The SELU names are re-exported here
(``from selu_proof.meanfield import mean_field``); the package loads numpy and mpmath,
never torch, and the checker (``selu-proof check``) imports none of it.
"""

from selu_proof.meanfield.selu import (
    CHI1_WITNESSES,
    METHOD_GAUSS_HERMITE,
    MeanFieldResult,
    chi1_range_witnesses,
    chi_balls,
    correlation_fixed_points,
    correlation_map,
    correlation_slope,
    mean_field,
)

__all__ = ["MeanFieldResult", "mean_field", "correlation_map", "correlation_slope",
           "correlation_fixed_points", "chi_balls", "chi1_range_witnesses", "CHI1_WITNESSES",
           "METHOD_GAUSS_HERMITE"]
