"""The mean field of a wide network: what one layer does to the statistics of its units.

:mod:`~selu_proof.meanfield.core` is the certified mean field of any model (SELU's closed
forms or an activation by quadrature), read from its Gaussian moments alone (the fixed
point by Krawczyk, the Jacobian, ``chi_1``, ``chi_c``, the depth scales);
:mod:`~selu_proof.meanfield.report` the one report of every model (:func:`mean_field` of a
:class:`MeanFieldModel`: :func:`selu_model`, :func:`catalogue_model`), with the fixed points
of the correlation map certified by :mod:`~selu_proof.meanfield.correlation`;
:mod:`~selu_proof.meanfield.selu` holds SELU's float correlation map and ``chi`` balls,
:mod:`~selu_proof.meanfield.activation` the fixed points of catalogue activations,
:mod:`~selu_proof.meanfield.variance_map` the variance map's certified exclusions and
:mod:`~selu_proof.meanfield.table` the generated table of docs/any_activation.md.  The
package loads numpy and mpmath, never torch, and the checker (``selu-proof check``)
imports none of it.
"""

from selu_proof.meanfield.report import MeanFieldModel, catalogue_model, mean_field, selu_model
from selu_proof.meanfield.selu import (
    CHI1_WITNESSES,
    chi1_range_witnesses,
    chi_balls,
    correlation_map,
    correlation_slope,
)

__all__ = ["mean_field", "MeanFieldModel", "selu_model", "catalogue_model", "correlation_map",
           "correlation_slope", "chi_balls", "chi1_range_witnesses", "CHI1_WITNESSES"]
