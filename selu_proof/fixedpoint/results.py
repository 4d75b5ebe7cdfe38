"""Three-valued results of the root solvers: :class:`RootResult` and :class:`KrawczykOutcome`.

A status is ``"unique"`` (the Krawczyk image lies strictly inside the box: exactly
one root there), ``"none"`` (the image misses the box: no root there) or
``"unknown"`` (nothing proved; the reason says why), as in IntervalRootFinding.jl.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from flint import arb

STATUS_UNIQUE, STATUS_UNKNOWN, STATUS_NONE = "unique", "unknown", "none"


@dataclass(frozen=True)
class RootResult:
    """A certified root of a 2-D system, in the style of IntervalRootFinding.jl.

    Attributes
    ----------
    status
        ``"unique"``: the Krawczyk image of the test box lies strictly inside
        it, so ``uniqueness_box`` holds exactly one root, and that root lies in
        ``box``.  ``"none"``: the Krawczyk image misses the tested ``box``,
        which therefore holds no root.  ``"unknown"``: neither was proved;
        ``reason`` says why.  The statement is about the boxes only: other
        roots may exist elsewhere.
    values
        Name -> decimal string.  Only certified digits are printed: the string
        is the correct rounding (half to even) of the exact root to ``digits``
        significant digits, or, when the enclosure contains zero, to ``digits``
        decimal places.  Empty unless ``status == "unique"``.
    box
        Name -> ``[lower, upper]`` decimal strings.  For ``unique`` an
        enclosure of the root (``K(X) ∩ X``), rounded outward; for ``none``
        the box shown to hold no root, rounded inward; for ``unknown`` the
        last box tested (empty if none was).
    reason
        Why the status is ``unknown`` or ``none``; ``""`` for ``unique``.
    convention
        The weight statistics (and parameters) the result refers to.
    uniqueness_box
        Name -> ``[lower, upper]``, rounded inward: the largest Krawczyk box
        ``X`` tried in which the root was proved unique (``unique`` only).
    dropout
        For :func:`~selu_proof.fixedpoint.design_selu` with ``dropout_rate``:
        the alpha-dropout terms (see :func:`~selu_proof.fixedpoint.dropout_terms`),
        else ``None``.
    digits
        The number of digits requested.
    """

    status: str
    values: dict[str, str]
    box: dict[str, list[str]]
    reason: str
    convention: str
    uniqueness_box: dict[str, list[str]] = field(default_factory=dict)
    dropout: dict[str, str] | None = None
    digits: int = 20

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary: the values, then status, reason, convention, boxes."""
        out: dict[str, Any] = dict(self.values)
        out.update(status=self.status, reason=self.reason, convention=self.convention,
                   digits=self.digits, box=self.box, uniqueness_box=self.uniqueness_box)
        if self.dropout is not None:
            out["dropout"] = self.dropout
        return out

    def float(self, name: str) -> float:
        """The certified value ``name`` as the nearest float (needs status ``unique``)."""
        if name not in self.values:
            raise KeyError(f"no certified value {name!r} (status {self.status})")
        return float(Fraction(self.values[name]))

    @property
    def is_unique(self) -> bool:
        """True when a unique root was certified."""
        return self.status == STATUS_UNIQUE


@dataclass(frozen=True)
class KrawczykOutcome:
    """Result of one Krawczyk test on a box ``X``.

    ``image`` is ``K(X)`` (``None`` if it could not be evaluated) and
    ``enclosure`` is ``K(X) ∩ X`` for ``status == "unique"`` (else ``None``).
    """

    status: str
    image: tuple[arb, ...] | None
    enclosure: tuple[arb, ...] | None
    reason: str
