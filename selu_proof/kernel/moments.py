"""The raw Gaussian moments a model answers, and the one-method protocol of the mean field.

Trusted.  :class:`Moments` holds ``E h(z)``, ``z ~ N(a, v)``, with its partials in ``a``
and ``v`` for ``h = F, F^2, F', F'^2`` (``F`` a model's activation), as enclosures over
balls; every :class:`~selu_proof.kernel.model.Model` answers them
(:meth:`~selu_proof.kernel.model.Model.gaussian_moments`), and :class:`MomentModel` is that
one method alone, which the mean field (:mod:`selu_proof.meanfield.core`) asks of whatever
it is given.  Its own module, so that both models' modules import it and not each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from flint import arb

__all__ = ["MOMENTS", "Triple", "Moments", "MomentModel"]


#: the integrands ``F``, ``F^2``, ``F'``, ``F'^2`` of :class:`Moments`, by name
MOMENTS = ("f", "f2", "df", "df2")

#: one entry ``(E h, dE h/da, dE h/dv)`` of :class:`Moments`, a partial ``None`` when not
#: asked for
Triple = tuple[arb, arb | None, arb | None]


@dataclass(frozen=True)
class Moments:
    r"""The Gaussian moments of a model's activation ``F`` for ``z ~ N(a, v)`` over balls
    ``a``, ``v``, each a triple ``(E h, dE h/da, dE h/dv)`` (:data:`Triple`):

    ``f``: ``h = F``; ``f2``: ``h = F^2``; ``df``: ``h = F'``; ``df2``: ``h = F'^2``.

    An entry not asked for may be ``None``
    (:meth:`~selu_proof.kernel.model.Model.gaussian_moments`).  The mean field
    reads everything from these: :math:`\tilde\mu = E F`,
    :math:`\tilde\nu = E F^2 - (E F)^2`, the Jacobian from the partials,
    :math:`\chi_1 = \tau\,E F'^2`, :math:`\chi_c = \tau\,(E F')^2`.
    """

    f: Triple | None
    f2: Triple | None
    df: Triple | None
    df2: Triple | None


@runtime_checkable
class MomentModel(Protocol):
    """What the mean field asks of an activation: :meth:`gaussian_moments` alone.

    Every :class:`~selu_proof.kernel.model.Model` answers it, and so do the mean field's
    activations that are not a specification's model
    (:class:`selu_proof.fixedpoint.scaled.Scaled`, ``AffineInput``).
    """

    def gaussian_moments(self, a: arb, v: arb, which: tuple[str, ...] = MOMENTS,
                         partials: str = "av") -> Moments:
        """:class:`Moments` over the balls ``a``, ``v``
        (:meth:`selu_proof.kernel.model.Model.gaussian_moments`).
        """
        ...
