"""Pieces of a split tree shared by the searches (untrusted).

The one-sided prover (:mod:`selu_proof.search.prover`) and the two-sided extremum
search (:mod:`selu_proof.search.extremum`) both choose split variables, assemble a
preorder tree from searched subtrees and report a :class:`ClaimResult`; they live here
so that neither search imports the other's internals.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from selu_proof.kernel import forms
from selu_proof.kernel.exact import upper_fraction

__all__ = ["MIN_RELATIVE_WIDTH", "split_dimension", "assemble", "ClaimResult"]

#: a box narrower than this (relative to the domain) in every free variable is not split
MIN_RELATIVE_WIDTH = Fraction(1, 2**44)

def split_dimension(box: forms.Box, mask: str, grads, domain: forms.Box) -> int:
    """The free variable with the largest smear ``|dF/dx_i| * width_i`` (-1: none left).

    Variables fixed by ``mask`` and those already narrower than
    :data:`MIN_RELATIVE_WIDTH` of the domain are not split.
    """
    best_dim, best_score = -1, Fraction(-1)
    for i, ((lo_i, hi_i), m) in enumerate(zip(box, mask)):
        if m != "." or lo_i == hi_i:
            continue
        width = hi_i - lo_i
        dom_w = domain[i][1] - domain[i][0]
        if width <= dom_w * MIN_RELATIVE_WIDTH:
            continue
        g = upper_fraction(grads[i].abs_upper())
        if g is not None:
            score = g * width
        else:
            score = Fraction(10**30) * width / dom_w
        if score > best_score:
            best_dim, best_score = i, score
    return best_dim


def assemble(top: dict[str, Any], subtrees: dict[str, list[Any]]) -> list[Any]:
    """Preorder encoding of the whole tree from the top nodes and the searched subtrees."""
    out: list[Any] = []
    stack = [""]
    while stack:
        path = stack.pop()
        if path in subtrees:
            out.extend(subtrees[path])
            continue
        node = top[path]
        out.append(node)
        if isinstance(node, int):
            stack.append(path + "1")
            stack.append(path + "0")
    return out


@dataclass
class ClaimResult:
    """Outcome of one claim of a specification."""

    name: str
    claim: str
    status: str  # "proved" | "refuted" | "unknown"
    boxes: int
    evaluations: int
    seconds: float
    goals: list[dict[str, Any]]
    certificate: str | None = None
    witness: dict[str, str] | None = None
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        d = {"name": self.name, "claim": self.claim, "status": self.status,
             "boxes": self.boxes, "evaluations": self.evaluations,
             "seconds": round(self.seconds, 3), "certificate": self.certificate,
             "goals": self.goals}
        if self.witness is not None:
            d["witness"] = self.witness
        if self.reason:
            d["reason"] = self.reason
        return d
