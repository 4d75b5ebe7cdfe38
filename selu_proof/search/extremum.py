"""Certified extrema (untrusted search): a bracket ``[lower, upper]`` of ``max G`` on a box.

The checker needs two pieces of evidence (see
:func:`selu_proof.kernel.checker._check_extremum`):

upper side
    a split tree of the domain whose leaves each bound ``G`` from above
    (natural form, monotone faces, mean-value form; :mod:`.forms`).  The
    largest leaf bound is ``upper``.
lower side
    a witness point, an exact decimal point of the domain; a ball evaluation
    of ``G`` there has lower end ``lower``.

The search here is heuristic and trusted for nothing:

* the witness comes from a local maximiser (a float grid over the domain,
  then bounded L-BFGS-B from its best points, snapped to the exact ends of
  the domain where it sits on a face) and every box's face centre seen
  during the search; the extrema of the moment maps sit at corners or on
  faces of the domain, where the monotone-face form makes the box's bound
  exact up to rounding;
* the upper side is a best-first branch and bound: the open box with the
  largest upper bound is split next, until that largest bound is within the
  tolerance of the witness.  Ties are broken by the box's path in the tree, so
  the tree (and the certificate bytes) depend only on the inputs.

A minimum is the maximum of ``-F`` (:func:`~.claims.extremum_key`).
"""

from __future__ import annotations

import heapq
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from flint import arb, ctx

from selu_proof.kernel import forms
from selu_proof.kernel.claims import extremum_key, extremum_name
from selu_proof.kernel.exact import (
    bracket_digits,
    decimal_down,
    decimal_up,
    fraction_str,
    lower_fraction,
    parse_decimal,
    upper_fraction,
)
from selu_proof.kernel.give_up import give_up_at, passed
from selu_proof.kernel.model import Model, model_of
from selu_proof.kernel.specs import DEFAULT_TOLERANCE, VARIABLES, Spec
from selu_proof.search.tree import ClaimResult, assemble, split_dimension

__all__ = ["BoxBound", "bound_box", "local_maximisers", "MaxSearch", "maximise",
           "prove_extremum_claim", "bracket_of"]


@dataclass
class BoxBound:
    """One box's upper bound with its evidence, its split variable and a candidate point."""

    upper: Fraction | None  # None: no finite enclosure
    leaf: list[str] | None
    dim: int  # variable to split next (-1: none left)
    point: tuple[Fraction, ...]  # centre of the box's monotone face
    point_lower: Fraction | None  # lower end of G there
    evaluations: int


def _upper(x: arb) -> Fraction | None:
    return upper_fraction(x) if x.is_finite() else None


def bound_box(key: str, box: forms.Box, model: Model, domain: forms.Box,
              tol: Fraction | None = None) -> BoxBound:
    """The tightest of the checker's leaf forms on ``box`` (cf. :func:`.prover.decide`).

    Tries the natural enclosure of the box, and on the face selected by the
    signs of the gradient the natural and the mean-value forms; keeps the
    smallest upper bound, rounded up to the digits a bracket of width ``tol``
    needs (:func:`~selu_proof.kernel.exact.bracket_digits`; 17 without ``tol``).  Also returns ``G``
    at the centre of that face, a candidate witness.
    """
    candidates: list[tuple[Fraction, str, str]] = []
    nat = _upper(forms.natural(key, box, model))
    if nat is not None:
        candidates.append((nat, "natural", "...."))
    _, grads = forms.gradient(key, box, model)
    mask = "".join((">" if g >= 0 else "<" if g <= 0 else ".") if lo != hi else "."
                   for g, (lo, hi) in zip(grads, box))
    fbox = forms.face(box, mask)
    val = forms.centre_value(key, fbox, model)
    evals = 3
    point = all(lo == hi for lo, hi in fbox)
    if mask != "....":
        n = _upper(val) if point else _upper(forms.natural(key, fbox, model))
        evals += 0 if point else 1
        if n is not None:
            candidates.append((n, "natural", mask))
    if not point:
        fgrads = grads if mask == "...." else forms.gradient(key, fbox, model)[1]
        evals += 0 if mask == "...." else 1
        mv = _upper(forms.mean_value(key, fbox, model, fgrads, val))
        if mv is not None:
            candidates.append((mv, "mean_value", mask))
    up, leaf = None, None
    if candidates:
        best, form, m = min(candidates)
        rec = decimal_up(best, 17 if tol is None else bracket_digits(best, tol))
        up, leaf = parse_decimal(rec), [form, m, rec]
    return BoxBound(up, leaf, split_dimension(box, mask, grads, domain), forms.centre(fbox),
                    lower_fraction(val) if val.is_finite() else None, evals)


def _snap(x: float, lo: Fraction, hi: Fraction) -> Fraction:
    """An exact decimal near the float ``x`` inside ``[lo, hi]`` (an end when close to it)."""
    span = float(hi - lo)
    if x <= float(lo) + 1e-9 * span:
        return lo
    if x >= float(hi) - 1e-9 * span:
        return hi
    return min(max(Fraction(f"{x:.15g}"), lo), hi)


def local_maximisers(key: str, domain: forms.Box, model: Model,
                     starts: int = 4) -> list[tuple[Fraction, ...]]:
    """Candidate maximisers of ``G`` (float search), as exact points of ``domain``.

    A 5-point grid per variable, then bounded L-BFGS-B from the ``starts``
    best grid points, on the model's float twin of ``G``; plus every corner of the
    domain.  A model without a float twin gets :func:`_grid_maximisers`.  Heuristic
    only: the candidates are evaluated in ball arithmetic by the caller.
    """
    import itertools

    twin = model.float_twin()
    if twin is None:
        return _grid_maximisers(key, domain, model, starts)
    import numpy as np
    from scipy.optimize import minimize

    from selu_proof.backends import compiled

    f = compiled(f"goal:{key}", "numpy")
    bounds = [(float(lo), float(hi)) for lo, hi in domain]
    axes = [np.linspace(lo, hi, 5) for lo, hi in bounds]
    grid = np.meshgrid(*axes, indexing="ij")
    with np.errstate(all="ignore"):
        vals = np.asarray(f(*grid, *twin)[0], dtype=float) * np.ones(grid[0].shape)
    vals = np.where(np.isfinite(vals), vals, -np.inf).ravel()
    out = [tuple(c) for c in itertools.product(*domain)]
    for idx in np.argsort(-vals, kind="stable")[:starts]:
        x0 = [g.ravel()[idx] for g in grid]

        def neg(x):
            with np.errstate(all="ignore"):
                y = float(f(*x, *twin)[0])
            return -y if np.isfinite(y) else 1e300

        r = minimize(neg, x0, bounds=bounds, method="L-BFGS-B",
                     options={"ftol": 1e-15, "gtol": 1e-13, "maxiter": 500})
        out.append(tuple(_snap(float(x), lo, hi) for x, (lo, hi) in zip(r.x, domain)))
    return out


def _grid_maximisers(key: str, domain: forms.Box, model: Model,
                     starts: int) -> list[tuple[Fraction, ...]]:
    """Candidate maximisers of a goal without a float twin: the ``starts`` best points of a
    3-point grid per variable (ball midpoints at 53 bits, a heuristic), and the corners.
    """
    import itertools

    with ctx.workprec(53):
        coarse = model_of(model.key, 53)
        axes = [(lo, (lo + hi) / 2, hi) for lo, hi in domain]
        scored = []
        for point in itertools.product(*axes):
            val = forms.natural(key, tuple((x, x) for x in point), coarse)
            scored.append((float(val.mid()) if val.is_finite() else -math.inf, point))
    scored.sort(key=lambda t: -t[0])
    return [tuple(c) for c in itertools.product(*domain)] + [p for _, p in scored[:starts]]


@dataclass
class MaxSearch:
    """Outcome of :func:`maximise`: a bracket ``[lower, upper]`` of ``max G`` and its evidence."""

    status: str  # "proved" (within the tolerance) | "unknown"
    lower: Fraction | None
    upper: Fraction | None
    witness: tuple[Fraction, ...] | None
    witness_value: str = ""
    tree: list[Any] = field(default_factory=list)
    boxes: int = 0
    evaluations: int = 0
    seconds: float = 0.0
    reason: str = ""


def _witness_lower(key: str, point: tuple[Fraction, ...],
                   model: Model) -> tuple[Fraction | None, arb]:
    val = forms.natural(key, tuple((x, x) for x in point), model)
    return (lower_fraction(val) if val.is_finite() else None), val


BUDGET_SPENT = "budget spent (--max-boxes/--max-seconds) before the bracket reached the tolerance"


def maximise(key: str, domain: forms.Box, model_key: str, tol: Fraction, *,
             precision: int = 128, max_boxes: int = 10**6, max_seconds: float | None = None,
             progress: Callable[[int, Fraction | None, Fraction | None], None] | None = None
             ) -> MaxSearch:
    """Bracket ``max G`` over ``domain`` within ``tol`` (best-first branch and bound).

    ``lower`` and ``upper`` are decimals of 17 digits, or more where ``tol``
    needs them (:func:`~selu_proof.kernel.exact.bracket_digits`): ``upper`` is
    the largest leaf bound of the returned tree, ``lower`` the lower end of
    ``G`` at the witness rounded down.  Stops ``unknown`` (with the bracket reached so
    far) when the budget is spent or a box at the minimum width is still
    too wide.  ``progress(boxes, lower, upper)`` is called now and then.  The model is
    named by its key (:func:`~selu_proof.kernel.model.model_of`).
    """
    t0 = time.monotonic()
    deadline = None if max_seconds is None else t0 + max_seconds
    with ctx.workprec(precision), give_up_at(deadline):  # an integration at the deadline ends
        model = model_of(model_key, precision)
        best_w, best_lo, best_val = None, None, None
        for p in local_maximisers(key, domain, model):
            lo, val = _witness_lower(key, p, model)
            if lo is not None and (best_lo is None or lo > best_lo):
                best_w, best_lo, best_val = p, lo, val

        top: dict[str, Any] = {}
        heap: list[tuple[int, Fraction, str]] = []  # (-inf flag, -upper, path)
        open_: dict[str, tuple[forms.Box, BoxBound]] = {}
        boxes = evals = 0

        def bound(box: forms.Box) -> BoxBound:
            nonlocal boxes, evals, best_w, best_lo, best_val
            bb = bound_box(key, box, model, domain, tol)
            boxes += 1
            evals += bb.evaluations
            if bb.point_lower is not None and (best_lo is None or bb.point_lower > best_lo):
                lo, val = _witness_lower(key, bb.point, model)
                if lo is not None and (best_lo is None or lo > best_lo):
                    best_w, best_lo, best_val = bb.point, lo, val
            return bb

        def push(path: str, box: forms.Box, bb: BoxBound) -> None:
            open_[path] = (box, bb)
            key_up = (0, Fraction(0)) if bb.upper is None else (1, -bb.upper)
            heapq.heappush(heap, (*key_up, path))

        def bracket() -> tuple[Fraction | None, Fraction | None]:
            lo = None if best_lo is None else \
                parse_decimal(decimal_down(best_lo, bracket_digits(best_lo, tol)))
            if not heap or heap[0][0] == 0:
                return lo, None
            return lo, -heap[0][1]

        push("", domain, bound(domain))
        status, reason = "proved", ""
        while True:
            lo, up = bracket()
            if progress is not None and boxes % 64 == 0:
                progress(boxes, lo, up)
            if lo is not None and up is not None and up - lo <= tol:
                break
            if boxes >= max_boxes or passed(deadline):
                status, reason = "unknown", BUDGET_SPENT
                break
            _, _, path = heapq.heappop(heap)
            box, bb = open_.pop(path)
            if bb.dim < 0:
                heapq.heappush(heap, (0 if bb.upper is None else 1,
                                      Fraction(0) if bb.upper is None else -bb.upper, path))
                open_[path] = (box, bb)
                status, reason = "unknown", "a box at the minimum width keeps the bracket " \
                    "wider than the tolerance"
                break
            halves = forms.split(box, bb.dim)
            bounds = [bound(h) for h in halves]
            if passed(deadline) and any(c.upper is None for c in bounds):
                # given up at the deadline: the box keeps its own (finite or not) bound
                push(path, box, bb)
                status, reason = "unknown", BUDGET_SPENT
                break
            top[path] = bb.dim
            for suffix, half, c in zip("01", halves, bounds, strict=True):
                push(path + suffix, half, c)
        lo, up = bracket()
        at_witness = "" if best_val is None else best_val.str(25)
        if up is None:
            return MaxSearch("unknown", lo, None, best_w, at_witness, boxes=boxes,
                             evaluations=evals,
                             seconds=time.monotonic() - t0,
                             reason=BUDGET_SPENT if passed(deadline)
                             else "no finite enclosure of a box")
        for path, (_, bb) in open_.items():
            top[path] = bb.leaf
        return MaxSearch(status, lo, up, best_w, at_witness, assemble(top, {}), boxes,
                         evals, time.monotonic() - t0, reason)


def bracket_of(sense: str, search: MaxSearch) -> tuple[Fraction | None, Fraction | None]:
    """The bracket ``[lower, upper]`` of the quantity's extremum from a search on ``G``."""
    if sense == "max":
        return search.lower, search.upper
    return (None if search.upper is None else -search.upper,
            None if search.lower is None else -search.lower)


def prove_extremum_claim(spec: Spec, claim: dict[str, Any], *, precision: int = 128,
                         max_boxes: int = 10**6, max_seconds: float | None = None,
                         progress: Callable[[str], None] | None = None) -> ClaimResult:
    """Search an ``extremum`` claim; a :class:`.prover.ClaimResult` whose goal holds the bracket.

    The certificate entry (kind ``extremum``) is attached as ``_cert`` when
    the bracket reaches the tolerance.
    """
    quantity, sense = claim["quantity"], claim["sense"]
    tol = parse_decimal(claim.get("tolerance", DEFAULT_TOLERANCE))
    key = extremum_key(quantity, sense)

    def report(boxes: int, lo: Fraction | None, up: Fraction | None) -> None:
        if progress is not None:
            gap = "?" if lo is None or up is None else f"{float(up - lo):.2e}"
            progress(f"{spec.name} {sense} {quantity}: {boxes} boxes, width {gap}")

    s = maximise(key, spec.domain, spec.model, tol, precision=precision,
                 max_boxes=max_boxes, max_seconds=max_seconds, progress=report)
    lower, upper = bracket_of(sense, s)
    name = extremum_name(quantity)
    goal: dict[str, Any] = {"goal": f"{sense} {name}", "status": s.status, "boxes": s.boxes,
                            "quantity": quantity, "sense": sense,
                            "tolerance": fraction_str(tol)}
    for end, value in (("lower", lower), ("upper", upper)):  # a half bracket is news too
        if value is not None:
            goal[end] = fraction_str(value)
    if lower is not None and upper is not None:
        goal["statement"] = f"{sense} {name} in [{goal['lower']}, {goal['upper']}]"
        if s.status == "proved":
            goal["certified_max"] = fraction_str(s.upper)
    witness = None
    if s.witness is not None:
        witness = {n: fraction_str(x) for n, x in zip(VARIABLES, s.witness)}
        if s.witness_value:
            # the quantity's own value at the witness (G = -F for a minimum)
            witness["value"] = s.witness_value if sense == "max" else \
                (-arb(s.witness_value)).str(25)
        goal["witness"] = witness
    res = ClaimResult(spec.name, "extremum", s.status, s.boxes, s.evaluations, s.seconds, [goal],
                      witness=None, reason=s.reason)
    if s.status == "proved":
        res.__dict__["_cert"] = {
            "kind": "extremum", "entry": {
                "kind": "extremum", "quantity": quantity, "sense": sense,
                "expression": key, "lower": fraction_str(lower), "upper": fraction_str(upper),
                "witness": {n: fraction_str(x) for n, x in zip(VARIABLES, s.witness)},
                "leaves": sum(1 for n in s.tree if isinstance(n, list)),
                "tree": s.tree}}
    return res
