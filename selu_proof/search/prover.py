"""Branch-and-bound prover (untrusted): searches for a certificate of ``F < c``.

The prover may use any heuristic; it is trusted for nothing.  It bisects the
domain at exact midpoints, and on each box tries, cheapest first, the natural
ball enclosure, monotonicity (a partial derivative of constant sign moves
that variable to a face) and the mean-value form.  Every box ends as a leaf
whose evidence the checker can replay, as a witness point where the claim is
false (``refuted``), or the search stops on its budget (``unknown``).

Parallelism: the first levels of the tree are expanded breadth-first to a
fixed number of open boxes; those subtrees are then searched independently,
in any ``concurrent.futures.Executor``.  A box's processing depends only on
the box, so the tree -- and the certificate bytes -- never depend on the
number of workers.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from flint import ctx

from selu_proof.files import write_atomic
from selu_proof.kernel import forms
from selu_proof.kernel.checker import DuplicateKeyError, check_certificate, parse_json
from selu_proof.kernel.claims import certified_statement, violation_statement
from selu_proof.kernel.exact import decimal_up, lower_fraction, record_up, upper_fraction
from selu_proof.kernel.give_up import give_up_at, passed
from selu_proof.kernel.model import Model, model_of
from selu_proof.kernel.specs import check_precision
from selu_proof.search.extremum import prove_extremum_claim
from selu_proof.search.tree import ClaimResult, assemble, split_dimension

__all__ = ["SubtreeResult", "prove_box", "expand_frontier", "FRONTIER_SIZE", "Decision",
           "decide", "run_goal", "prove_spec", "ClaimResult", "witness_ball", "CheckpointError",
           "load_checkpoint", "split_dimension"]

#: open boxes at which the breadth-first top of the tree is cut into tasks
FRONTIER_SIZE = 32
#: seconds between checkpoint writes (and one on interruption)
CHECKPOINT_INTERVAL = 5.0


@dataclass
class Decision:
    """What to do with one box."""

    kind: str  # "leaf" | "split" | "refuted" | "stuck"
    leaf: list[str] | None = None
    dim: int = -1
    bound: Fraction | None = None
    witness: tuple[Fraction, ...] | None = None
    witness_value: str = ""
    evaluations: int = 0


@dataclass
class SubtreeResult:
    """A searched subtree: its preorder encoding and counts."""

    status: str  # "proved" | "refuted" | "unknown"
    tree: list[Any] = field(default_factory=list)
    boxes: int = 0
    evaluations: int = 0
    max_bound: Fraction | None = None
    witness: tuple[Fraction, ...] | None = None
    witness_value: str = ""
    reason: str = ""


def _upper(x) -> Fraction | None:
    return upper_fraction(x) if x is not None and x.is_finite() else None


def decide(key: str, bound: Fraction, box: forms.Box, model: Model,
           domain: forms.Box) -> Decision:
    """Process one box: a leaf with evidence, a split dimension, or a witness."""
    evals = 1
    nat = forms.natural(key, box, model)
    u = _upper(nat)
    rec = None if u is None or not u < bound else record_up(u, bound)
    if rec is not None:
        return Decision("leaf", ["natural", "....", rec], bound=u, evaluations=evals)
    _, grads = forms.gradient(key, box, model)
    evals += 1
    free = [lo != hi for lo, hi in box]
    mask = "".join(
        (">" if g >= 0 else "<" if g <= 0 else ".") if f else "." for g, f in zip(grads, free))
    fbox = forms.face(box, mask)
    # F at the centre of the face: the mean-value form's F(c), the natural form on a
    # face that is a point, and the refutation test below all use this one value
    val = forms.centre_value(key, fbox, model)
    evals += 1
    point = all(lo == hi for lo, hi in fbox)
    candidates: list[tuple[Fraction, str]] = []
    if mask != "....":
        n = _upper(val if point else forms.natural(key, fbox, model))
        evals += 0 if point else 1
        if n is not None:
            candidates.append((n, "natural"))
    if not point:
        fgrads = grads if mask == "...." else forms.gradient(key, fbox, model)[1]
        evals += 0 if mask == "...." else 1
        mv = _upper(forms.mean_value(key, fbox, model, fgrads, val))
        if mv is not None:
            candidates.append((mv, "mean_value"))
    if candidates:
        best, form = min(candidates)
        rec = record_up(best, bound) if best < bound else None
        if rec is not None:  # recorded as the checker will require it
            return Decision("leaf", [form, mask, rec], bound=best, evaluations=evals)
    # refutation: the value at the centre of the face certainly reaches the bound
    c = forms.centre(fbox)
    lo = lower_fraction(val) if val.is_finite() else None
    if lo is not None and lo >= bound:
        return Decision("refuted", witness=c, witness_value=val.str(20), evaluations=evals)
    best_dim = split_dimension(box, mask, grads, domain)
    if best_dim < 0:
        return Decision("stuck", evaluations=evals)
    return Decision("split", dim=best_dim, evaluations=evals)


#: why a goal's search stopped unknown when a budget ran out
BUDGET_SPENT = "budget spent (--max-boxes/--max-seconds)"


def portable(deadline: float | None) -> float | None:
    """A ``time.monotonic()`` deadline as a ``time.time()`` one, to send to another machine
    (monotonic clocks start anywhere; the wall clocks of a cluster agree).
    """
    return None if deadline is None else time.time() + (deadline - time.monotonic())


def local(wall: float | None) -> float | None:
    """A ``time.time()`` deadline (:func:`portable`) as this machine's ``time.monotonic()``."""
    return None if wall is None else time.monotonic() + (wall - time.time())


def prove_box(key: str, bound: Fraction, box: forms.Box, model_key: str, prec: int,
              domain: forms.Box, max_boxes: int, wall_deadline: float | None) -> SubtreeResult:
    """Depth-first search of one subtree; returns its preorder encoding.

    Arguments are plain data (exact fractions and strings: the model by its key,
    :func:`~selu_proof.kernel.model.model_of`; the deadline a ``time.time()``,
    :func:`portable`) so that the call can run in another process, also on another machine.
    """
    deadline = local(wall_deadline)
    ctx.prec = prec
    model = model_of(model_key, prec)
    with give_up_at(deadline):  # an integration running at the deadline ends there
        return _prove_box(key, bound, box, model, domain, max_boxes, deadline)


def _prove_box(key: str, bound: Fraction, box: forms.Box, model: Model, domain: forms.Box,
               max_boxes: int, deadline: float | None) -> SubtreeResult:
    res = SubtreeResult("proved")
    stack = [box]
    while stack:
        b = stack.pop()
        res.boxes += 1
        if res.boxes > max_boxes or passed(deadline):
            return SubtreeResult("unknown", boxes=res.boxes, evaluations=res.evaluations,
                                 reason=BUDGET_SPENT)
        d = decide(key, bound, b, model, domain)
        if d.kind == "stuck" and passed(deadline):  # given up at the deadline, not stuck
            return SubtreeResult("unknown", boxes=res.boxes, evaluations=res.evaluations,
                                 reason=BUDGET_SPENT)
        res.evaluations += d.evaluations
        if d.kind == "leaf":
            res.tree.append(d.leaf)
            if res.max_bound is None or d.bound > res.max_bound:
                res.max_bound = d.bound
        elif d.kind == "split":
            res.tree.append(d.dim)
            left, right = forms.split(b, d.dim)
            stack.append(right)
            stack.append(left)
        elif d.kind == "refuted":
            return SubtreeResult("refuted", boxes=res.boxes, evaluations=res.evaluations,
                                 witness=d.witness, witness_value=d.witness_value,
                                 reason="the claim fails at the witness point")
        else:
            return SubtreeResult("unknown", boxes=res.boxes, evaluations=res.evaluations,
                                 reason="a box at the minimum width is undecided "
                                        "(the claim may be tight there)")
    return res


@dataclass
class Frontier:
    """The breadth-first top of the tree: decided nodes and open boxes (by path)."""

    top: dict[str, Any]  # path -> split dim or leaf, for decided top nodes
    open: dict[str, forms.Box]  # path -> box still to search
    boxes: int = 0
    evaluations: int = 0
    max_bound: Fraction | None = None
    refuted: Decision | None = None
    exhausted: bool = False  # the box budget ran out before the frontier was complete


def expand_frontier(key: str, bound: Fraction, domain: forms.Box, model: Model,
                    size: int = FRONTIER_SIZE, max_boxes: int | None = None,
                    executor: Executor | None = None,
                    deadline: float | None = None) -> Frontier:
    """Expand the tree breadth-first until ``size`` boxes are open (or none is).

    At most ``max_boxes`` boxes are processed, and none once ``time.monotonic()``
    reaches ``deadline``; past either, ``exhausted`` is set.
    With an ``executor`` (whose workers rebuild ``model`` from its key and precision)
    the boxes of each level are decided in parallel; the decisions, taken in the same
    order, are the same.
    """
    with give_up_at(deadline):  # an integration running at the deadline ends there
        return _expand_frontier(key, bound, domain, model, size, max_boxes, executor,
                                deadline)


def _expand_frontier(key: str, bound: Fraction, domain: forms.Box, model: Model, size: int,
                     max_boxes: int | None, executor: Executor | None,
                     deadline: float | None) -> Frontier:
    fr = Frontier(top={}, open={"": domain})

    while fr.open and len(fr.open) < size:
        items = list(fr.open.items())
        if max_boxes is not None:
            items = items[:max(0, max_boxes - fr.boxes)]
        if passed(deadline):
            items = []
        if executor is not None and len(items) > 1:
            wall = portable(deadline)
            parameters = (model.key, model.prec)
            decisions = executor.map(_decide, *zip(*((key, bound, b, parameters, domain, wall)
                                                     for _, b in items)))
        else:
            # one by one, and none once the time is up
            decisions = (decide(key, bound, b, model, domain)
                         for _, b in itertools.takewhile(lambda _: not passed(deadline), items))
        new_open: dict[str, forms.Box] = {}
        done = 0
        for (path, b), d in zip(items, decisions):
            done += 1
            fr.boxes += 1
            fr.evaluations += d.evaluations
            if d.kind == "leaf":
                fr.top[path] = d.leaf
                if fr.max_bound is None or d.bound > fr.max_bound:
                    fr.max_bound = d.bound
            elif d.kind == "split":
                fr.top[path] = d.dim
                left, right = forms.split(b, d.dim)
                new_open[path + "0"] = left
                new_open[path + "1"] = right
            elif d.kind == "refuted":
                fr.refuted = d
                fr.open = {}
                return fr
            elif passed(deadline):  # stuck after the deadline: given up, not stuck
                fr.exhausted = True
                fr.open = {}
                return fr
            else:
                new_open[path] = b  # stuck: leave it to the depth-first search to report
                fr.open = new_open
                return fr
        if done < len(fr.open):  # the box or time budget ran out within this level
            fr.exhausted = True
            fr.open = {}
            return fr
        fr.open = new_open
    return fr


def _decide(key: str, bound: Fraction, box: forms.Box, parameters: tuple[str, int],
            domain: forms.Box, wall_deadline: float | None = None) -> Decision:
    """:func:`decide` from plain data (for a worker process: the model's key and precision;
    the deadline a ``time.time()``).
    """
    model_key, prec = parameters
    with ctx.workprec(prec):
        model = model_of(model_key, prec)
        with give_up_at(local(wall_deadline)):
            return decide(key, bound, box, model, domain)


def run_goal(key: str, bound: Fraction, domain: forms.Box, model_key: str, prec: int,
             *, executor: Executor | None = None, max_boxes: int = 10**7,
             max_seconds: float | None = None, done: dict[str, Any] | None = None,
             on_task: Callable[[str, dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Prove one goal; returns a dict with status, tree, counts and evidence.

    ``done`` maps frontier paths to finished subtree records (from a
    checkpoint); ``on_task(path, record)`` is called as each subtree finishes.
    """
    t0 = time.monotonic()
    deadline = None if max_seconds is None else t0 + max_seconds
    ctx.prec = prec
    model = model_of(model_key, prec)
    fr = expand_frontier(key, bound, domain, model, max_boxes=max_boxes, executor=executor,
                         deadline=deadline)
    boxes, evals, max_b = fr.boxes, fr.evaluations, fr.max_bound
    if fr.exhausted:
        return {"status": "unknown", "boxes": boxes, "evaluations": evals,
                "reason": BUDGET_SPENT}
    if fr.refuted is not None:
        d = fr.refuted
        return {"status": "refuted", "boxes": boxes, "evaluations": evals,
                "witness": d.witness, "witness_value": d.witness_value,
                "reason": "the claim fails at the witness point"}
    done = dict(done or {})
    todo = {p: b for p, b in fr.open.items() if p not in done}
    records: dict[str, dict[str, Any]] = {p: done[p] for p in fr.open if p in done}
    args = {p: (key, bound, b, model_key, prec, domain, max_boxes, portable(deadline))
            for p, b in todo.items()}
    failure: dict[str, Any] | None = None

    def _record(path: str, r: SubtreeResult) -> dict[str, Any]:
        return {"status": r.status, "tree": r.tree, "boxes": r.boxes,
                "evaluations": r.evaluations,
                "max_bound": None if r.max_bound is None else str(r.max_bound),
                "witness": None if r.witness is None else [str(x) for x in r.witness],
                "witness_value": r.witness_value, "reason": r.reason}

    if executor is None:
        results = ((p, prove_box(*a)) for p, a in args.items())
    else:
        futs = {p: executor.submit(prove_box, *a) for p, a in args.items()}
        results = ((p, f.result()) for p, f in futs.items())
    try:
        for path, r in results:
            rec = _record(path, r)
            if r.status == "proved":
                records[path] = rec
                if on_task is not None:
                    on_task(path, rec)
            else:
                failure = rec
                boxes += r.boxes
                evals += r.evaluations
                break
    finally:
        if executor is not None and failure is not None:
            for f in futs.values():
                f.cancel()
    for rec in records.values():
        boxes += rec["boxes"]
        evals += rec["evaluations"]
        mb = rec["max_bound"]
        if mb is not None and (max_b is None or Fraction(mb) > max_b):
            max_b = Fraction(mb)
    if failure is None and boxes > max_boxes:
        failure = {"status": "unknown", "reason": "budget spent (--max-boxes)"}
    if failure is not None:
        out = {"status": failure["status"], "boxes": boxes, "evaluations": evals,
               "reason": failure["reason"]}
        if failure.get("witness"):
            out["witness"] = tuple(Fraction(x) for x in failure["witness"])
            out["witness_value"] = failure["witness_value"]
        return out
    tree = assemble(fr.top, {p: rec["tree"] for p, rec in records.items()})
    return {"status": "proved", "tree": tree, "boxes": boxes, "evaluations": evals,
            "max_bound": max_b, "seconds": time.monotonic() - t0}


def witness_ball(key: str, point: tuple[Fraction, ...], model_key: str, prec: int):
    """High-precision enclosure of ``F`` at a witness point."""
    ctx.prec = prec
    return forms.natural(key, tuple((x, x) for x in point), model_of(model_key, prec))


# ---------------------------------------------------------------------------
# whole specifications: claims, budgets, checkpoints, certificates


CHECKPOINT_FORMAT = "selu-proof-checkpoint/1"
_RECORD_KEYS = {"status", "tree", "boxes", "evaluations", "max_bound", "witness",
                "witness_value", "reason"}
_PATH = re.compile(r"[01]{0,64}")
_RATIONAL = re.compile(r"-?[0-9]{1,2000}(/[0-9]{1,2000})?")


class CheckpointError(ValueError):
    """A checkpoint file that cannot be resumed from (corrupt, or for another run)."""


def load_checkpoint(path, spec, precision: int) -> dict[str, Any]:
    """Read the checkpoint at ``path`` and validate it strictly against ``spec``.

    Every record must be a finished subtree in the exact shape the prover
    writes; anything else raises :class:`CheckpointError` with the reason.  (The
    subtrees' evidence is not trusted: the certificate assembled from them is
    replayed by the checker before anything is reported proved.)
    """
    import json

    from selu_proof.kernel.claims import goals_of_claim

    try:
        old = parse_json(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CheckpointError(f"cannot read it: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise CheckpointError("it is not valid JSON (corrupt or truncated)") from None
    except DuplicateKeyError as exc:
        raise CheckpointError(str(exc)) from None
    except ValueError as exc:  # e.g. an integer beyond Python's int-string limit
        raise CheckpointError(f"it cannot be read: {exc}") from None
    if not isinstance(old, dict) or set(old) != {"format", "spec", "precision", "goals"} \
            or old["format"] != CHECKPOINT_FORMAT:
        raise CheckpointError(f"it is not a checkpoint (format {CHECKPOINT_FORMAT!r})")
    if old["spec"] != spec.raw or old["precision"] != precision \
            or isinstance(old["precision"], bool):
        raise CheckpointError("it belongs to a different specification or precision")
    gids = {f"{ci}/{gi}" for ci, c in enumerate(spec.claims)
            for gi, _ in enumerate(goals_of_claim(spec, c))}
    goals = old["goals"]
    if not isinstance(goals, dict) or set(goals) - gids:
        raise CheckpointError("'goals' must map this specification's goals to their records")
    for gid, entry in goals.items():
        if not isinstance(entry, dict) or set(entry) != {"done"} \
                or not isinstance(entry["done"], dict):
            raise CheckpointError(f"goal {gid}: an entry must be {{\"done\": {{...}}}}")
        for tpath, rec in entry["done"].items():
            why = _record_problem(tpath, rec)
            if why:
                raise CheckpointError(f"goal {gid}, subtree {tpath!r}: {why}")
    return old


def _record_problem(tpath: str, rec: Any) -> str:
    """Why a checkpoint record is not a finished subtree ('' if it is one)."""
    def count(x: Any, low: int) -> bool:
        return isinstance(x, int) and not isinstance(x, bool) and x >= low

    if not _PATH.fullmatch(tpath):
        return "not a path of the tree"
    if not isinstance(rec, dict) or set(rec) != _RECORD_KEYS:
        return "malformed record"
    if rec["status"] != "proved" or rec["witness"] is not None or rec["witness_value"] != "" \
            or rec["reason"] != "":
        return "not a proved subtree"
    if not count(rec["boxes"], 1) or not count(rec["evaluations"], 0):
        return "box and evaluation counts must be integers"
    if not (rec["max_bound"] is None or isinstance(rec["max_bound"], str)
            and _RATIONAL.fullmatch(rec["max_bound"])):
        return "max_bound must be a rational number"
    tree = rec["tree"]
    if not isinstance(tree, list) or not tree:
        return "the tree must be a nonempty list"
    for node in tree:
        if not (count(node, 0) and node < 4 or isinstance(node, list) and len(node) == 3
                and all(isinstance(x, str) for x in node)):
            return f"malformed tree node {node!r}"
    return ""


def _checkpoint_path(out_dir, name: str):
    from pathlib import Path

    return Path(out_dir) / f"{name}.checkpoint.json"


def _save_json_atomic(path, obj: Any) -> None:
    import json

    write_atomic(path, json.dumps(obj, separators=(",", ":")))


def prove_spec(spec, *, out_dir, precision: int = 128, executor: Executor | None = None,
               workers: int = 1, max_boxes: int = 10**7, max_seconds: float | None = None,
               resume: bool = False,
               progress: Callable[[str], None] | None = None) -> list[ClaimResult]:
    """Prove every claim of ``spec``; write ``<out_dir>/<name>.cert.json`` if all are proved.

    ``max_boxes`` is the box budget of each goal; ``max_seconds`` the wall-clock
    budget of the whole run.  A checkpoint ``<name>.checkpoint.json`` records
    each finished subtree as it completes; with ``resume=True`` a run continues
    from it without redoing finished subtrees (:class:`CheckpointError` if it is
    corrupt or belongs to another specification or precision).  The
    certificate is replayed by the checker before it is written; if the checker
    rejects it, every claim is reported ``unknown`` and nothing is written.
    ``progress(message)`` is called after each subtree.  ``executor`` (with
    ``workers`` processes) runs the subtrees of the search and the replay's
    leaf evaluations; the certificate does not depend on either.  A precision the
    checker would refuse for ``spec`` raises :class:`~selu_proof.kernel.specs.SpecError`
    (:func:`~selu_proof.kernel.specs.check_precision`) before any work.
    """
    import json
    from pathlib import Path

    from selu_proof.search.certificate import build_certificate, dump_certificate

    check_precision(spec, precision)  # SpecError: the checker would refuse the certificate
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ckpt_path = _checkpoint_path(out, spec.name)
    ckpt = {"format": CHECKPOINT_FORMAT, "spec": spec.raw, "precision": precision,
            "goals": {}}
    if resume and (ckpt_path.exists() or ckpt_path.is_symlink()):
        ckpt = load_checkpoint(ckpt_path, spec, precision)
    t_start = time.monotonic()
    last_save = [t_start]
    try:
        results = _prove_claims(spec, ckpt, ckpt_path, last_save, t_start, precision, executor,
                                max_boxes, max_seconds, progress)
    except BaseException:  # KeyboardInterrupt included: keep the finished subtrees, if any
        if any(goal["done"] for goal in ckpt["goals"].values()):
            _save_json_atomic(ckpt_path, ckpt)
        raise
    if all(r.status == "proved" for r in results):
        ctx.prec = precision
        cert = build_certificate(spec.raw, precision, model_of(spec.model, precision),
                                 [r.__dict__.pop("_cert") for r in results])
        data = dump_certificate(cert)
        # the prover is trusted for nothing: report "proved" only for a certificate
        # that the checker accepts, replayed from the very bytes written
        verdict = check_certificate(json.loads(data), executor, workers)
        if not verdict.valid:
            for r in results:
                r.status = "unknown"
                r.reason = ("the checker rejects the certificate, so none was written"
                            + (" (the checkpoint resumed from may be corrupt: rerun "
                               "without --resume)" if resume else "")
                            + f": {verdict.message}")
            return results
        path = out / f"{spec.name}.cert.json"
        write_atomic(path, data)
        for r in results:
            r.certificate = str(path)
        if ckpt_path.exists():
            ckpt_path.unlink()
    else:
        for r in results:
            r.__dict__.pop("_cert", None)
        _save_json_atomic(ckpt_path, ckpt)
    return results


def _prove_claims(spec, ckpt, ckpt_path, last_save, t_start, precision, executor, max_boxes,
                  max_seconds, progress) -> list[ClaimResult]:
    from selu_proof.kernel.claims import goals_of_claim
    from selu_proof.kernel.exact import fraction_str

    results: list[ClaimResult] = []
    names = ("mu", "omega", "nu", "tau")
    for ci, claim in enumerate(spec.claims):
        if claim["kind"] == "extremum":  # a two-sided bracket: its own best-first search
            remaining = None
            if max_seconds is not None:
                remaining = max(0.0, max_seconds - (time.monotonic() - t_start))
            results.append(prove_extremum_claim(spec, claim, precision=precision,
                                                max_boxes=max_boxes, max_seconds=remaining,
                                                progress=progress))
            continue
        t0 = time.monotonic()
        goal_dicts, cert_goals = [], []
        status, boxes, evals, witness, reason = "proved", 0, 0, None, ""
        for gi, goal in enumerate(goals_of_claim(spec, claim)):
            gid = f"{ci}/{gi}"
            entry = ckpt["goals"].setdefault(gid, {"done": {}})

            def on_task(path: str, rec: dict[str, Any], entry=entry, ci=ci, goal=goal) -> None:
                entry["done"][path] = rec
                if time.monotonic() - last_save[0] > CHECKPOINT_INTERVAL:
                    _save_json_atomic(ckpt_path, ckpt)
                    last_save[0] = time.monotonic()
                if progress is not None:
                    progress(f"{spec.name} claim {ci} {goal.label}")

            remaining = None
            if max_seconds is not None:
                remaining = max(0.0, max_seconds - (time.monotonic() - t_start))
            r = run_goal(goal.key, goal.bound, spec.domain, spec.model, precision,
                         executor=executor, max_boxes=max_boxes, max_seconds=remaining,
                         done=entry["done"], on_task=on_task)
            boxes += r["boxes"]
            evals += r["evaluations"]
            gd = {"goal": goal.label, "status": r["status"], "boxes": r["boxes"]}
            if r["status"] == "proved":
                gd["certified_max"] = decimal_up(r["max_bound"])
                gd["statement"] = certified_statement(goal.key, r["max_bound"])
                cert_goals.append({"label": goal.label, "expression": goal.key,
                                   "bound": goal.bound, "max_bound": r["max_bound"],
                                   "boxes": r["boxes"], "tree": r["tree"]})
            else:
                gd["reason"] = r["reason"]
                if status == "proved" or r["status"] == "refuted":
                    status, reason = r["status"], r["reason"]
                if r["status"] == "refuted" and witness is None:
                    point = r["witness"]
                    val = witness_ball(goal.key, point, spec.model, 2 * precision)
                    witness = {n: fraction_str(x) for n, x in zip(names, point)}
                    witness["goal"] = goal.label
                    witness["value"] = val.str(20)
                    witness["bound"] = fraction_str(goal.bound)
                    witness["statement"] = violation_statement(goal.key, val, goal.bound)
            goal_dicts.append(gd)
            if r["status"] == "refuted":
                break
        res = ClaimResult(spec.name, claim["kind"], status, boxes, evals,
                          time.monotonic() - t0, goal_dicts, witness=witness, reason=reason)
        res.__dict__["_cert"] = {"kind": claim["kind"], "goals": cert_goals}
        results.append(res)
    return results
