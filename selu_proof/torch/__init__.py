"""PyTorch layer of selu-proof: modules, initializers and a monitor, numbers from the core.

Optional (``pip install 'selu-proof[torch]'``); the core package never imports
torch.  Every constant comes from the certified core:

* :class:`SELU` -- ``(alpha, lambda)`` of :func:`selu_proof.fixedpoint.design_selu`
  (default ``alpha_01``, ``lambda_01``, paper Eq. (8)-(9));
* :class:`AlphaDropout`, :class:`FeatureAlphaDropout` -- the affine terms of the one
  symbolic dropout formula (:func:`selu_proof.derive.symbolic.dropout_affine` via
  :func:`selu_proof.fixedpoint.dropout_terms`), for the SELU's own float constants;
* :func:`lecun_normal_`, :func:`selu_normal_` -- weights with the statistics
  ``(omega, tau)`` the theorems are stated for (see :mod:`selu_proof.torch.init`
  for the ``torch.nn.init`` gain question);
* :class:`Normalized`, :class:`Transformed` -- any catalogue activation normalized (affine,
  whose ``lam`` is the normalizer-free gain, or GPN) or transformed by DKS / TAT, with the
  certified constants of :mod:`selu_proof.fixedpoint.normalization` and
  :mod:`selu_proof.transform` (:mod:`selu_proof.torch.transformed`);
* :class:`SelfNormalizationMonitor` -- hooks that follow the data flow to every SELU
  and compare the layers' activations and weight statistics with the Theorem 1
  domain (``selu_proof/proofs/theorem1.toml``), and their gradients with ``chi1``; layers
  of a ``Normalized`` or ``Transformed`` module are compared with that activation's
  certified fixed point and ``chi1`` (:mod:`selu_proof.torch.monitor_mean_field`).

The designed constants of the modules travel in ``state_dict()``
(:mod:`selu_proof.torch.design`).  Narrative and quick start: ``docs/pytorch.md``.

>>> import torch
>>> from selu_proof.torch import SELU
>>> SELU()
SELU(alpha=1.6732632423543772, lam=1.0507009873554805)
"""

from selu_proof.torch.init import fixed_point_of_init, lecun_normal_, selu_normal_
from selu_proof.torch.modules import SELU, AlphaDropout, FeatureAlphaDropout
from selu_proof.torch.monitor import (
    THEOREM1_BOX,
    SelfNormalizationMonitor,
    SelfNormalizationWarning,
)
from selu_proof.torch.transformed import Normalized, Transformed

__all__ = ["SELU", "AlphaDropout", "FeatureAlphaDropout", "lecun_normal_", "selu_normal_",
           "fixed_point_of_init", "SelfNormalizationMonitor", "SelfNormalizationWarning",
           "THEOREM1_BOX", "Normalized", "Transformed"]
