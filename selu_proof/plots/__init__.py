"""Figures (matplotlib, Agg backend); each function is self-contained.

Each ``plot_*`` function draws into an optional Axes (or a new Agg figure) and
returns a :class:`~selu_proof.plots.common.FigureData` with the data it drew and a
JSON-ready ``summary()``; the format of a saved figure follows the file extension
(PNG, PDF or SVG).  Modules, one figure each:

* :mod:`~selu_proof.plots.common` -- :func:`save_figure`, :class:`FigureData` and the
  helpers every figure shares;
* :mod:`~selu_proof.plots.simulation` -- :func:`plot_simulation`, a simulated network
  against the moment map (paper Eq. (4)-(5));
* :mod:`~selu_proof.plots.activation` -- :func:`plot_activation` (paper Eq. (2));
* :mod:`~selu_proof.plots.mapping_field` -- :func:`plot_mapping_field`, the map ``g``
  as a vector field (paper Theorem 1, Figure 2);
* :mod:`~selu_proof.plots.spectral_norm` -- :func:`plot_spectral_norm` and
  :func:`worst_case_weights` (the contraction of Theorem 1);
* :mod:`~selu_proof.plots.certificate_cover` -- :func:`plot_certificate_cover` and
  :func:`certificate_leaves`;
* :mod:`~selu_proof.plots.mean_field` -- :func:`plot_correlation_map` and
  :func:`plot_gradients`;
* :mod:`~selu_proof.plots.fixed_point_set` -- :func:`plot_fixed_point_set`, the
  certified set of fixed points inside the paper's box (loaded on first use: it
  imports numpy and the set solver).

matplotlib and numpy are imported inside the functions, so importing this package
is cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

from selu_proof.plots.activation import ActivationPlot, plot_activation
from selu_proof.plots.certificate_cover import (
    COVER_COLOURS,
    CertificateLeaf,
    CoverPlot,
    certificate_leaves,
    plot_certificate_cover,
)
from selu_proof.plots.common import FIGURE_FORMATS, FigureData, save_figure
from selu_proof.plots.mapping_field import MappingFieldPlot, plot_mapping_field
from selu_proof.plots.mean_field import (
    CorrelationMapPlot,
    GradientsPlot,
    plot_correlation_map,
    plot_gradients,
)
from selu_proof.plots.simulation import plot_simulation
from selu_proof.plots.spectral_norm import SpectralNormPlot, plot_spectral_norm, worst_case_weights

__all__ = ["plot_simulation", "save_figure", "FIGURE_FORMATS", "FigureData",
           "plot_activation", "ActivationPlot", "plot_mapping_field", "MappingFieldPlot",
           "plot_spectral_norm", "SpectralNormPlot", "worst_case_weights",
           "plot_certificate_cover", "CoverPlot", "CertificateLeaf", "certificate_leaves",
           "COVER_COLOURS",
           "plot_correlation_map", "CorrelationMapPlot", "plot_gradients", "GradientsPlot",
           "plot_fixed_point_set", "FixedPointSetPlot", "THEOREM1_WEIGHTS"]


# Loaded on first use: the set solver imports numpy.
_LAZY = {name: "selu_proof.plots.fixed_point_set"
         for name in ("plot_fixed_point_set", "FixedPointSetPlot", "THEOREM1_WEIGHTS")}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'selu_proof.plots' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
