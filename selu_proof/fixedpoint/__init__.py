r"""Certified parameter design and fixed points of the SELU moment map.

Two square systems of two equations are solved here, each first by a float
(mpmath) Newton iteration and then certified with the Krawczyk test in arb
ball arithmetic:

* **design** -- given a target fixed point ``(mu*, nu*)`` and weight
  statistics ``(omega, tau)``, find ``(alpha, lambda)`` with

  .. math:: \tilde\mu(a, v; \alpha, \lambda) = \mu^*, \qquad
            \tilde\nu(a, v; \alpha, \lambda) = \nu^*, \qquad
            a = \mu^*\omega,\ v = \nu^*\tau

  (paper Eq. (4)-(5); ``omega = 0, tau = 1`` gives ``alpha_01, lambda_01``,
  paper Eq. (8)-(9); ``omega = tau = 1`` is the convention of the authors'
  public notebook, where the pre-activation is ``N(mu*, nu*)``);
* **fixed point** -- given ``(omega, tau, alpha, lambda)``, find
  ``(mu, nu)`` with ``g(mu, nu) = (mu, nu)`` (paper Theorem 1).

The Krawczyk operator (Krawczyk 1969; Moore 1977) of ``f`` on a box ``X``
with a point ``y`` in ``X`` and any matrix ``C`` is

.. math:: K(X) = y - C f(y) + (I - C F'(X))(X - y),

where ``F'(X)`` encloses every Jacobian of ``f`` on ``X``.  Every root of
``f`` in ``X`` lies in ``K(X)``; so ``K(X) ∩ X = ∅`` proves that ``X``
holds no root, and ``K(X) ⊂ int X`` proves that ``X`` holds exactly one.
Any other outcome proves nothing and is reported as ``unknown`` (as in
IntervalRootFinding.jl: bisection or a Newton iteration alone never proves
existence).  When parameters of ``f`` are themselves balls (the constants
``alpha_01``, ``lambda_01``, or a decimal target such as ``0.1``), the
enclosures hold for every parameter value in the balls, so the statement holds
for the exact parameters.

Every formula comes from :mod:`selu_proof.derive.symbolic`; the derivatives with
respect to ``(alpha, lambda)`` are taken by sympy and generated ahead of time
(``python -m selu_proof.derive.regenerate``, :mod:`selu_proof.generated.arb_design`).

Modules, one concept each:

* :mod:`~selu_proof.fixedpoint.exact_input` -- the ``Number`` type and exact conversion;
* :mod:`~selu_proof.fixedpoint.results` -- :class:`RootResult`, :class:`KrawczykOutcome`
  and the three statuses;
* :mod:`~selu_proof.fixedpoint.krawczyk_operator` -- :func:`krawczyk`;
* :mod:`~selu_proof.fixedpoint.newton` -- the (uncertified) damped Newton iteration;
* :mod:`~selu_proof.fixedpoint.solver` -- Newton, then Krawczyk on shrinking boxes;
* :mod:`~selu_proof.fixedpoint.rounding` -- certified decimal output of enclosures;
* :mod:`~selu_proof.fixedpoint.precision` -- working-precision helpers;
* :mod:`~selu_proof.fixedpoint.conventions` -- :func:`convention_name`;
* :mod:`~selu_proof.fixedpoint.design` -- :func:`design_selu` (paper Eq. (4)-(5));
* :mod:`~selu_proof.fixedpoint.moment_map_fixed_point` -- :func:`fixed_point`
  (paper Theorem 1);
* :mod:`~selu_proof.fixedpoint.dropout` -- :func:`dropout_terms` (paper Section 3);
* :mod:`~selu_proof.fixedpoint.over_box` -- the certified set of fixed points over a box
  of weight statistics (:func:`~selu_proof.fixedpoint.over_box.fixed_point_set`; not
  imported here, it loads numpy), with its per-piece mathematics in
  :mod:`~selu_proof.fixedpoint.set_engine` and its results in
  :mod:`~selu_proof.fixedpoint.set_results`.
"""

from __future__ import annotations

from selu_proof.fixedpoint.conventions import convention_name
from selu_proof.fixedpoint.design import design_selu
from selu_proof.fixedpoint.dropout import dropout_terms
from selu_proof.fixedpoint.exact_input import Number
from selu_proof.fixedpoint.krawczyk_operator import krawczyk
from selu_proof.fixedpoint.moment_map_fixed_point import fixed_point
from selu_proof.fixedpoint.results import STATUS_NONE as STATUS_NONE
from selu_proof.fixedpoint.results import STATUS_UNIQUE as STATUS_UNIQUE
from selu_proof.fixedpoint.results import STATUS_UNKNOWN as STATUS_UNKNOWN
from selu_proof.fixedpoint.results import KrawczykOutcome, RootResult

__all__ = ["RootResult", "KrawczykOutcome", "krawczyk", "design_selu", "fixed_point",
           "dropout_terms", "convention_name", "Number"]
