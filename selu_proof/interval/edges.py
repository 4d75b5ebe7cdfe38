"""The edges of a theorem: how far one end of its domain can move while the claims hold.

Untrusted search built on :func:`~selu_proof.interval.prover.prove_spec`.  One
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
import math
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from selu_proof.interval.exact import fraction_str
from selu_proof.interval.specs import VARIABLES, Spec, SpecError, parse_spec

__all__ = ["Trial", "EdgeResult", "explore_edge", "run_trial", "grid_midpoint", "MAX_TRIALS"]

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
              max_seconds: float | None = None) -> Trial:
    """Prove ``spec`` in a scratch directory; the certificate bytes when every claim is proved."""
    from selu_proof.interval.prover import prove_spec

    with tempfile.TemporaryDirectory() as tmp:
        results = prove_spec(spec, out_dir=tmp, precision=precision, max_boxes=max_boxes,
                             max_seconds=max_seconds)
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
        return Trial(Fraction(0), "unknown", boxes, seconds,
                     reason=f"claim {unknown[0].claim}: {unknown[0].reason}")
    return Trial(Fraction(0), "proved", boxes, seconds, certificate=data)


def grid_midpoint(p: Fraction, r: Fraction, tol: Fraction) -> Fraction:
    """A short decimal strictly between ``p`` and ``r`` near their midpoint.

    >>> grid_midpoint(Fraction(1), Fraction(2), Fraction(1, 1000))
    Fraction(3, 2)
    """
    mid = (p + r) / 2
    step = Fraction(10) ** (math.floor(math.log10(tol)) - 1)
    for s in (step * 10**k for k in range(8, -1, -1)):  # the coarsest grid that fits
        q = Fraction(round(mid / s)) * s
        if min(p, r) < q < max(p, r) and abs(q - mid) <= abs(r - p) / 4:
            return q
    return mid


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
    start = lo0 if end == "lo" else hi0
    other = hi0 if end == "lo" else lo0
    out_sign = -1 if end == "lo" else 1
    positive = variable in ("nu", "tau") and end == "lo"
    name = f"{spec.name}_{variable}_{end}"
    res = EdgeResult(variable, end, "unknown", None, None, tol)
    best_cert: bytes | None = None

    def trial(value: Fraction) -> Trial:
        s = _with_end(spec, variable, end, value, claims, name)
        t = run_trial(s, precision=precision, max_boxes=max_boxes, max_seconds=max_seconds)
        t.value = value
        res.trials.append(t)
        if progress is not None:
            progress(t)
        return t

    def record(t: Trial) -> bool:
        """Update the bracket with a trial; False when it was unknown."""
        nonlocal best_cert
        if t.status == "proved":
            res.proved, best_cert = t.value, t.certificate
        elif t.status == "refuted":
            res.refuted, res.witness = t.value, t.witness
        else:
            res.reason = f"unknown at {variable} {end} = {fraction_str(t.value)} ({t.reason})"
            return False
        return True

    def finish(status: str, reason: str = "") -> EdgeResult:
        res.status = status
        if reason:
            res.reason = reason
        if best_cert is not None and out_dir is not None:
            out = Path(out_dir)
            out.mkdir(parents=True, exist_ok=True)
            path = out / f"{name}.cert.json"
            path.write_bytes(best_cert)
            res.certificate = str(path)
        return res

    try:
        first = trial(start)
    except SpecError as exc:  # pragma: no cover - the start is the spec's own domain
        raise ValueError(str(exc)) from None
    if not record(first):
        return finish("unknown")
    # bracket the edge: step away from the proved side until the other kind appears
    step = max((hi0 - lo0) / 8, tol)
    value = start
    while res.proved is None or res.refuted is None:
        if len(res.trials) >= MAX_TRIALS:
            return finish("unknown", f"no edge within {MAX_TRIALS} prover runs")
        if res.refuted is None:  # outward
            if step > (hi0 - lo0 + 1) * MAX_OUTWARD:
                return finish("no-refutation", f"proved up to {variable} = "
                              f"{fraction_str(value)} without a refutation")
            nxt = value + out_sign * step
            if positive and nxt <= 0:
                nxt = value / 2
                if nxt < tol:
                    return finish("no-refutation", f"proved down to {variable} = "
                                  f"{fraction_str(value)} without a refutation")
        else:  # inward, not past the other end
            nxt = value - out_sign * step
            if (nxt - other) * out_sign <= 0:
                if value == other:
                    return finish("no-proof", f"refuted even at {variable} {end} = "
                                  f"{fraction_str(other)} (the other end)")
                nxt = other
        value = nxt
        step *= 2
        if not record(trial(value)):
            return finish("unknown")
    # bisect between the proved and the refuted value
    while abs(res.proved - res.refuted) > tol:
        if len(res.trials) >= MAX_TRIALS:
            return finish("unknown", f"bracket still wider than the tolerance after "
                          f"{MAX_TRIALS} prover runs")
        if not record(trial(grid_midpoint(res.proved, res.refuted, tol))):
            return finish("unknown")
    return finish("edge")
