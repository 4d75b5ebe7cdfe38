"""The edges of a theorem: how far one end of its domain can move while the claims hold.

Untrusted search built on :func:`~selu_proof.search.prover.prove_spec`.  One
end (``lo`` or ``hi``) of one domain variable is moved; each trial value is a
full prover run on the modified specification and ends ``proved``,
``refuted`` (a witness point where a claim fails) or ``unknown`` (budget
spent).  The search first steps outward from a proved value (inward from a
refuted one), doubling the step, until it holds a proved value ``p`` and a
refuted value ``r``; then it bisects between them until ``|p - r| <= tol``.
The answer is a pair: the proved end comes with its certificate, the refuted
end with its witness.  ``unknown`` is neither: the search stops there and
says so.

A lower end of ``nu`` or ``tau`` stays positive: approaching 0 the step halves
instead, and when the value falls below the tolerance without a refutation
the search reports that the claim was proved that far (``no-refutation``);
so it does when the outward step exceeds :data:`MAX_OUTWARD` domain widths.
"""

from __future__ import annotations

import copy
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from selu_proof.files import write_atomic
from selu_proof.kernel.exact import exp10, fraction_str, lower_fraction
from selu_proof.kernel.specs import VARIABLES, Spec, parse_spec

__all__ = ["Trial", "Edge", "EdgeResult", "search_edge", "explore_edge", "run_trial",
           "grid_midpoint", "search_witness", "MAX_TRIALS"]

#: the most prover runs one exploration makes
MAX_TRIALS = 60
#: the outward search gives up when its step exceeds this many domain widths (plus one)
MAX_OUTWARD = 256


@dataclass
class Trial:
    """One prover run at a trial value."""

    value: Fraction
    status: str  # "proved" | "refuted" | "unknown"
    boxes: int
    seconds: float
    certificate: bytes | None = None
    witness: dict[str, str] | None = None
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        return {"value": fraction_str(self.value), "status": self.status, "boxes": self.boxes,
                "seconds": round(self.seconds, 3)}


@dataclass
class EdgeResult:
    """Outcome of :func:`explore_edge`.

    ``status``: ``"edge"`` (a proved and a refuted value within the
    tolerance), ``"no-refutation"`` (proved up to the variable's limit),
    ``"no-proof"`` (refuted even with the domain shrunk to a point in this
    variable) or ``"unknown"`` (a trial ended unknown, or too many trials).
    """

    variable: str
    end: str
    status: str
    proved: Fraction | None
    refuted: Fraction | None
    tolerance: Fraction
    trials: list[Trial] = field(default_factory=list)
    certificate: str | None = None
    witness: dict[str, str] | None = None
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary (exact decimal strings)."""
        def fmt(x: Fraction | None) -> str | None:
            return None if x is None else fraction_str(x)

        d = {"variable": self.variable, "end": self.end, "status": self.status,
             "proved": fmt(self.proved), "refuted": fmt(self.refuted),
             "tolerance": fraction_str(self.tolerance), "certificate": self.certificate,
             "witness": self.witness, "runs": [t.as_dict() for t in self.trials]}
        if self.reason:
            d["reason"] = self.reason
        return d


def _with_end(spec: Spec, variable: str, end: str, value: Fraction,
              claims: list[int] | None, name: str) -> Spec:
    raw = copy.deepcopy(spec.raw)
    raw["name"] = name
    lo_hi = list(raw["domain"][variable])
    lo_hi[0 if end == "lo" else 1] = fraction_str(value)
    raw["domain"][variable] = lo_hi
    if claims is not None:
        raw["claim"] = [raw["claim"][i] for i in claims]
    return parse_spec(raw)


def run_trial(spec: Spec, *, precision: int = 128, max_boxes: int = 10**6,
              max_seconds: float | None = None,
              progress: Callable[[str], None] | None = None) -> Trial:
    """Prove ``spec`` in a scratch directory; the certificate bytes when every claim is proved.
    ``progress(message)`` is called after each subtree of the search.
    """
    from selu_proof.search.prover import prove_spec

    with tempfile.TemporaryDirectory() as tmp:
        results = prove_spec(spec, out_dir=tmp, precision=precision, max_boxes=max_boxes,
                             max_seconds=max_seconds, progress=progress)
        cert = Path(tmp, f"{spec.name}.cert.json")
        data = cert.read_bytes() if cert.exists() else None
    boxes = sum(r.boxes for r in results)
    seconds = sum(r.seconds for r in results)
    refuted = [r for r in results if r.status == "refuted"]
    if refuted:
        return Trial(Fraction(0), "refuted", boxes, seconds, witness=refuted[0].witness,
                     reason=f"claim {refuted[0].claim}: {refuted[0].reason}")
    unknown = [r for r in results if r.status != "proved"]
    if unknown:
        witness = search_witness(spec, precision)
        if witness is not None:
            return Trial(Fraction(0), "refuted", boxes, seconds, witness=witness,
                         reason="a local maximiser of a goal violates it")
        return Trial(Fraction(0), "unknown", boxes, seconds,
                     reason=f"claim {unknown[0].claim}: {unknown[0].reason}")
    return Trial(Fraction(0), "proved", boxes, seconds, certificate=data)


def search_witness(spec: Spec, precision: int = 128) -> dict[str, str] | None:
    """A point where some goal ``F < c`` of ``spec`` fails, certified in ball arithmetic.

    Candidates come from :func:`~selu_proof.search.extremum.local_maximisers`
    (a float search); a candidate counts only when the lower end of ``F``'s
    ball there is ``>= c``.  ``None`` when no candidate violates a goal.
    """
    from selu_proof.kernel.claims import goals_of_claim, violation_statement
    from selu_proof.kernel.model import model_of
    from selu_proof.search.extremum import local_maximisers
    from selu_proof.search.prover import witness_ball

    model = model_of(spec.model, precision)
    for claim in spec.claims:
        for goal in goals_of_claim(spec, claim):
            for point in local_maximisers(goal.key, spec.domain, model):
                val = witness_ball(goal.key, point, spec.model, precision)
                if val.is_finite() and lower_fraction(val) >= goal.bound:
                    w = {n: fraction_str(x) for n, x in zip(VARIABLES, point)}
                    w.update(goal=goal.label, value=val.str(20),
                             bound=fraction_str(goal.bound),
                             statement=violation_statement(goal.key, val, goal.bound))
                    return w
    return None


def grid_midpoint(p: Fraction, r: Fraction, tol: Fraction) -> Fraction:
    """A short decimal strictly between ``p`` and ``r`` near their midpoint.

    >>> grid_midpoint(Fraction(1), Fraction(2), Fraction(1, 1000))
    Fraction(3, 2)
    """
    mid = (p + r) / 2
    step = Fraction(10) ** (exp10(tol) - 1)  # exactly: log10 of a tiny float is -inf
    for s in (step * 10**k for k in range(8, -1, -1)):  # the coarsest grid that fits
        q = Fraction(round(mid / s)) * s
        if min(p, r) < q < max(p, r) and abs(q - mid) <= abs(r - p) / 4:
            return q
    return mid


@dataclass
class Edge:
    """Outcome of :func:`search_edge` on a scalar parameter (see :class:`EdgeResult`)."""

    status: str
    proved: Trial | None = None
    refuted: Trial | None = None
    trials: list[Trial] = field(default_factory=list)
    reason: str = ""


def search_edge(trial: Callable[[Fraction], Trial], start: Fraction, other: Fraction,
                direction: int, tol: Fraction, *, limit: Fraction | None = None,
                step: Fraction | None = None) -> Edge:
    """Proof-vs-refutation search along one scalar parameter.

    ``trial(value)`` runs the prover at ``value``.  From a proved ``start`` the
    search steps in ``direction`` (+1/-1), doubling the step (``step``, default
    ``(|other - start|)/8`` or ``tol``), never reaching the exclusive ``limit``
    (it halves the distance to it instead); from a refuted ``start`` it steps
    back towards ``other`` (reached at most).  Then it bisects between the
    last proved and the first refuted value down to ``tol``.  An ``unknown``
    trial stops the first phase; in the bisection it is neither side: the search
    goes on between the proved value and it, and ends ``unknown`` with the
    proved and refuted values reached.
    """
    edge = Edge("unknown")
    step = max(abs(other - start) / 8, tol) if step is None else step

    def run(value: Fraction) -> bool:
        t = trial(value)
        t.value = value
        edge.trials.append(t)
        if t.status == "proved":
            edge.proved = t
        elif t.status == "refuted":
            edge.refuted = t
        else:
            edge.reason = f"unknown at {fraction_str(value)} ({t.reason})"
            return False
        return True

    def done(status: str, reason: str = "") -> Edge:
        edge.status = status
        edge.reason = reason or edge.reason
        return edge

    if not run(start):
        return done("unknown")
    value = start
    while edge.proved is None or edge.refuted is None:
        if len(edge.trials) >= MAX_TRIALS:
            return done("unknown", f"no edge within {MAX_TRIALS} prover runs")
        if edge.refuted is None:  # outward
            if step > (abs(other - start) + 1) * MAX_OUTWARD:
                return done("no-refutation", f"proved up to {fraction_str(value)} without "
                            "a refutation")
            nxt = value + direction * step
            if limit is not None and (limit - nxt) * direction <= 0:
                nxt = (value + limit) / 2
                if abs(limit - value) < tol:
                    return done("no-refutation", f"proved up to {fraction_str(value)} "
                                f"without a refutation (the limit is {fraction_str(limit)})")
        else:  # inward, not past the other end
            nxt = value - direction * step
            if (nxt - other) * direction <= 0:
                if value == other:
                    return done("no-proof", f"refuted even at {fraction_str(other)}")
                nxt = other
        value = nxt
        step *= 2
        if not run(value):
            return done("unknown")
    # an unknown trial is no refutation: keep bisecting between the proved value and it,
    # so that the proved end is still pushed as far as the prover decides
    unknown: Fraction | None = None
    while True:
        near = edge.refuted.value if unknown is None else unknown
        if abs(edge.proved.value - near) <= tol:
            break
        if len(edge.trials) >= MAX_TRIALS:
            return done("unknown", f"bracket still wider than the tolerance after "
                        f"{MAX_TRIALS} prover runs")
        m = grid_midpoint(edge.proved.value, near, tol)
        if not run(m):
            unknown = m
    if unknown is not None:
        return done("unknown", f"{edge.reason}; proved up to {fraction_str(edge.proved.value)}, "
                    f"refuted from {fraction_str(edge.refuted.value)}")
    return done("edge")


def explore_edge(spec: Spec, variable: str, end: str, *, claims: list[int] | None = None,
                 tol: Fraction = Fraction(1, 1000), out_dir: str | Path | None = None,
                 precision: int = 128, max_boxes: int = 10**6,
                 max_seconds: float | None = None,
                 progress: Callable[[Trial], None] | None = None) -> EdgeResult:
    """Move the ``end`` (``"lo"``/``"hi"``) of ``variable`` as far as the claims hold.

    ``claims`` selects claims by index (default: all).  Each trial is a prover
    run with budget ``max_boxes`` per goal and ``max_seconds`` per run.  The
    proved end's certificate is written to
    ``<out_dir>/<spec>_<variable>_<end>.cert.json``.
    """
    if variable not in VARIABLES:
        raise ValueError(f"{variable!r} is not a domain variable ({', '.join(VARIABLES)})")
    if end not in ("lo", "hi"):
        raise ValueError(f"end must be 'lo' or 'hi', got {end!r}")
    if tol <= 0:
        raise ValueError("the tolerance must be positive")
    if claims is not None:
        bad = [i for i in claims if not 0 <= i < len(spec.claims)]
        if bad:
            raise ValueError(f"claim {bad[0]} does not exist: the specification has "
                             f"{len(spec.claims)} claim(s), numbered from 0")
    k = VARIABLES.index(variable)
    lo0, hi0 = spec.domain[k]
    name = f"{spec.name}_{variable}_{end}"

    def trial(value: Fraction) -> Trial:
        s = _with_end(spec, variable, end, value, claims, name)
        t = run_trial(s, precision=precision, max_boxes=max_boxes, max_seconds=max_seconds)
        t.value = value
        if progress is not None:
            progress(t)
        return t

    positive = variable in ("nu", "tau") and end == "lo"
    edge = search_edge(trial, lo0 if end == "lo" else hi0, hi0 if end == "lo" else lo0,
                       -1 if end == "lo" else 1, tol, limit=Fraction(0) if positive else None)
    res = EdgeResult(variable, end, edge.status,
                     edge.proved.value if edge.proved else None,
                     edge.refuted.value if edge.refuted else None, tol, edge.trials,
                     witness=edge.refuted.witness if edge.refuted else None,
                     reason=edge.reason and f"{variable} {end}: {edge.reason}")
    if edge.proved is not None and out_dir is not None:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"{name}.cert.json"
        write_atomic(path, edge.proved.certificate)
        res.certificate = str(path)
    return res
