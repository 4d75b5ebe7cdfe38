"""Evaluation forms: rigorous upper bounds of a goal ``F`` on a box.

Trusted.  A box is a tuple of four closed intervals ``(lo, hi)`` of exact
rationals in the order ``(mu, omega, nu, tau)``.  A *face mask* is a string
of four characters: ``.`` the variable is free, ``<`` fixed at its lower
end, ``>`` fixed at its upper end.

Forms (cheapest first):

``natural``
    ``F`` evaluated in ball arithmetic on the (face of the) box.
``mean_value``
    ``F(c) + sum_i G_i (X_i - c_i)`` with ``c`` the centre of the face and
    ``G_i`` an enclosure of ``dF/dx_i`` on the face (mean-value theorem).
``monotone`` faces
    if ``dF/dx_i >= 0`` on the whole box, the maximum over the box is attained
    where ``x_i`` is at its upper end (``<=0``: lower end), so it suffices to
    bound ``F`` on that face.  Fixing several variables at once is valid since
    each sign holds on the whole box.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from flint import arb, ctx

from selu_proof.kernel.exact import ball, interval_ball
from selu_proof.kernel.model import Model

__all__ = ["Box", "MAX_SPLITS", "box_balls", "centre", "centre_value", "face", "replay_tree",
           "natural", "gradient", "mean_value",
           "mask_holds", "FORMS", "leaf_bound", "split"]

Box = tuple[tuple[Fraction, Fraction], ...]
#: most bisections of one variable on a path from the root (the prover stops at 44)
MAX_SPLITS = 64
FORMS = ("natural", "mean_value")


def box_balls(box: Box) -> list[arb]:
    """Balls containing each interval of ``box``."""
    return [interval_ball(lo, hi) for lo, hi in box]


def centre(box: Box) -> tuple[Fraction, ...]:
    """The exact centre of ``box``."""
    return tuple((lo + hi) / 2 for lo, hi in box)


def split(box: Box, dim: int) -> tuple[Box, Box]:
    """Bisect ``box`` at the exact midpoint of variable ``dim``."""
    lo, hi = box[dim]
    mid = (lo + hi) / 2
    left = box[:dim] + ((lo, mid),) + box[dim + 1:]
    right = box[:dim] + ((mid, hi),) + box[dim + 1:]
    return left, right


def replay_tree(domain: Box, tree: list[Any]) -> Iterator[tuple[int, Box, list[Any]]]:
    """Walk a preorder split tree over ``domain``; yield ``(index, box, leaf)`` per leaf.

    An integer ``d`` bisects the current box at the exact midpoint of variable
    ``d`` (left child first); any other node is a leaf and must be a list of
    three items (its contents are the caller's to check).  Since every split
    halves a box, the leaves cover ``domain`` exactly when the walk ends with
    nothing left over.  Raises ``ValueError`` for a malformed split or leaf, for
    nodes beyond a complete cover, for an incomplete one, and for a variable
    split more than :data:`MAX_SPLITS` times on one path (which bounds the size
    of every box end, hence the work per leaf).
    """
    stack = [(domain, (0,) * len(domain))]
    for n, node in enumerate(tree):
        if not stack:
            raise ValueError(f"node {n}: the tree has nodes beyond a complete cover")
        box, depth = stack.pop()
        if isinstance(node, int) and not isinstance(node, bool):
            if not 0 <= node < len(box) or box[node][0] == box[node][1]:
                raise ValueError(f"node {n}: malformed node {node!r} (cannot split "
                                 f"variable {node})")
            if depth[node] >= MAX_SPLITS:
                raise ValueError(f"node {n}: variable {node} split more than {MAX_SPLITS} "
                                 "times on one path")
            left, right = split(box, node)
            deeper = depth[:node] + (depth[node] + 1,) + depth[node + 1:]
            stack.append((right, deeper))
            stack.append((left, deeper))
        elif isinstance(node, list) and len(node) == 3:
            yield n, box, node
        else:
            raise ValueError(f"node {n}: malformed node {node!r}")
    if stack:
        raise ValueError(f"the tree ends with {len(stack)} part(s) of the domain uncovered")


def face(box: Box, mask: str) -> Box:
    """The face of ``box`` selected by ``mask``."""
    out = []
    for (lo, hi), m in zip(box, mask):
        out.append((lo, lo) if m == "<" else (hi, hi) if m == ">" else (lo, hi))
    return tuple(out)


def natural(key: str, box: Box, model: Model) -> arb:
    """Enclosure of ``F`` over ``box`` by direct ball evaluation (``F`` the goal ``key`` of
    ``model``, :mod:`selu_proof.kernel.model`).
    """
    return model.goal(key)[0](*box_balls(box))[0]


def gradient(key: str, box: Box, model: Model) -> tuple[arb, list[arb]]:
    """Enclosures of ``F`` and of its four partial derivatives over ``box``."""
    out = model.goal(key)[1](*box_balls(box))
    return out[0], list(out[1:])


def centre_value(key: str, box: Box, model: Model) -> arb:
    """Enclosure of ``F`` at the exact centre of ``box``."""
    return natural(key, tuple((x, x) for x in centre(box)), model)


def mean_value(key: str, box: Box, model: Model,
               grads: list[arb] | None = None, f_centre: arb | None = None) -> arb:
    """Mean-value enclosure ``F(c) + sum_i G_i [-h_i, h_i]`` of ``F`` over ``box``.

    ``grads`` must enclose the gradient over ``box`` and ``f_centre`` the value
    :func:`centre_value` (each computed if omitted).
    """
    if grads is None:
        _, grads = gradient(key, box, model)
    total = centre_value(key, box, model) if f_centre is None else f_centre
    for g, (lo, hi) in zip(grads, box):
        if lo != hi:
            h = ball((hi - lo) / 2)
            total += g.abs_upper() * arb(0, 1) * h
    return total


def mask_holds(grads: list[arb], mask: str) -> bool:
    """True when every fixed variable of ``mask`` is justified by the sign of ``grads``."""
    for g, m in zip(grads, mask):
        if m == ">" and not g >= 0:
            return False
        if m == "<" and not g <= 0:
            return False
    return True


def leaf_bound(key: str, box: Box, mask: str, form: str, model: Model) -> arb | None:
    """Upper enclosure of ``F`` over ``box`` by the leaf evidence ``(mask, form)``.

    Returns ``None`` when the mask is not justified (a derivative sign fails).
    The returned ball's upper end bounds ``max F`` over the box.
    """
    if form not in FORMS:
        raise ValueError(f"unknown form {form!r}")
    if any(m != "." for m in mask):
        _, grads = gradient(key, box, model)
        if not mask_holds(grads, mask):
            return None
    fbox = face(box, mask)
    if form == "natural":
        return natural(key, fbox, model)
    return mean_value(key, fbox, model)


def working_precision(bits: int) -> None:
    """Set the ball precision (bits) used by all evaluations."""
    ctx.prec = bits
