"""The checker (trusted, small): replays a certificate with ball arithmetic.

It reads only the certificate: the specification inside it (parsed by
:mod:`~selu_proof.kernel.specs`), the meaning of each claim
(:mod:`~selu_proof.kernel.claims`, built from :mod:`selu_proof.derive.symbolic`)
and, per goal ``F < c``, a split tree.  Starting from the stated domain it
bisects at exact midpoints exactly as the tree says, so the leaves cover the
domain by construction; every leaf's evidence is re-evaluated
(:func:`~selu_proof.kernel.forms.leaf_bound`) and must give an upper bound
``<=`` the recorded one, which must be ``< c``.  (Soundness needs only these
two inequalities; the checker also requires the recorded number to be the
replayed one rounded up to 17 digits, or to the fewest more digits that keep
it below the bound (:func:`~selu_proof.kernel.exact.record_up`), and every
other field -- the constants' balls, each goal's label, expression, bound,
leaf count and certified maximum -- to be what the specification and the
replay give, each number spelled exactly as the prover writes it
(:func:`~selu_proof.kernel.exact.fraction_str`, an integer count as a JSON
integer), so that any edit of a field the prover writes is detected.  The
specification inside is the author's text, kept verbatim: a respelling of one
of its numbers states the same claim, and ``check --spec`` compares it with
the given specification exactly.)  The format is described in
:mod:`selu_proof.search.certificate`.  It imports nothing from the prover.

An ``extremum`` claim (a bracket ``[lower, upper]`` of ``max F`` or
``min F``) is replayed on both sides (:func:`_check_extremum`): the split
tree proves ``G <= g_hi`` on the whole domain (``G = F`` for a maximum,
``-F`` for a minimum), a ball evaluation of ``G`` at the exact witness point,
which must lie in the domain, proves ``G(witness) >= g_lo``, and
``g_hi - g_lo`` must not exceed the claim's tolerance.  Its leaf bounds and witness
end are rounded (up, down) to :func:`~selu_proof.kernel.exact.bracket_digits` digits:
17, or more for a tolerance that 17 digits of the value cannot resolve.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flint import arb, ctx

from selu_proof.kernel import forms
from selu_proof.kernel.claims import (
    certified_statement,
    extremum_key,
    extremum_name,
    goals_of_claim,
)
from selu_proof.kernel.exact import (
    ball_str,
    bracket_digits,
    decimal_down,
    decimal_up,
    fraction_str,
    lower_fraction,
    parse_decimal,
    record_up,
    upper_fraction,
)
from selu_proof.kernel.give_up import give_up_at
from selu_proof.kernel.model import Model, model_of
from selu_proof.kernel.specs import (
    DEFAULT_TOLERANCE,
    VARIABLES,
    SpecError,
    check_precision,
    parse_spec,
)

if TYPE_CHECKING:
    from concurrent.futures import Executor

__all__ = ["CheckResult", "check_certificate", "check_file", "check_document", "read_document",
           "parse_json", "DuplicateKeyError", "same_spec", "FORMAT"]

FORMAT = "selu-proof-certificate/2"
_KEYS = {"format", "spec", "precision", "variables", "constants", "claims"}
_GOAL_KEYS = {"label", "expression", "bound", "certified_max", "leaves", "tree"}
_EXTREMUM_KEYS = {"kind", "quantity", "sense", "expression", "lower", "upper", "witness",
                  "leaves", "tree"}
#: longest constants string read (a ball at the highest precision is about 330 characters)
_MAX_BALL_STR = 2000
_MASK = set(".<>")


@dataclass
class CheckResult:
    """``valid`` with a summary per goal, or the first failure in ``message``."""

    valid: bool
    message: str
    name: str = ""
    goals: list[dict[str, Any]] = field(default_factory=list)
    #: the domain the claims were proved on, ``{variable: [lo, hi]}`` as exact decimals
    domain: dict[str, list[str]] = field(default_factory=dict)
    #: the model the claims are about, as exact text
    #: (:meth:`~selu_proof.kernel.model.Model.parameters_summary`)
    parameters: dict[str, str] = field(default_factory=dict)


class _InvalidError(Exception):
    pass


def _fmt_box(box: forms.Box) -> str:
    names = ("mu", "omega", "nu", "tau")
    return ", ".join(f"{n}=[{float(lo):.6g}, {float(hi):.6g}]" for n, (lo, hi) in zip(names, box))


class _Replay:
    """One split tree being replayed: walked and sent out now, verdicts collected later.

    The tree's shape is checked first (the walk bounds the work per leaf), and
    the leaves go to the executor of ``where`` at once, so that the workers
    can start on it while the checker walks the next tree; :meth:`result`
    collects the verdicts (without an executor, it evaluates the leaves
    itself, :func:`_leaf_chunk`).  Every leaf's recorded bound must be
    ``< bound`` (``<= bound`` for an extremum's bracket of width ``tol``).  Both steps raise
    _InvalidError; the failing leaf reported is the first in tree order,
    whatever the number of workers.
    """

    def __init__(self, key: str, bound: Fraction, domain: forms.Box, tree: Any,
                 where: _Where, tol: Fraction | None = None) -> None:
        if not isinstance(tree, list):
            raise _InvalidError("tree is not a list")
        try:
            walked = list(forms.replay_tree(domain, tree))
        except ValueError as exc:  # the tree's shape: malformed node, extra or missing parts
            raise _InvalidError(str(exc)) from None
        jobs = []
        for n, box, node in walked:
            if not (all(isinstance(x, str) for x in node) and node[0] in forms.FORMS
                    and len(node[1]) == 4 and set(node[1]) <= _MASK):
                raise _InvalidError(f"node {n}: malformed leaf {node!r}")
            jobs.append((n, _box_ints(box), tuple(node)))
        context = (key, bound.numerator, bound.denominator, tol, *where.parameters)
        self._verdicts = _leaf_verdicts(context, jobs, [box for _, box, _ in walked], where)

    def result(self) -> tuple[int, Fraction]:
        """(leaf count, certified max), or _InvalidError naming the first failing leaf."""
        best, count = None, 0
        for verdict in self._verdicts():
            if not isinstance(verdict, tuple):
                raise _InvalidError(verdict)
            recorded = Fraction(*verdict)
            best = recorded if best is None or recorded > best else best
            count += 1
        return count, best


@dataclass(frozen=True)
class _Where:
    """How leaves are evaluated: the model's key, the precision, and the workers."""

    parameters: tuple[str, int]  # model key (selu_proof.kernel.model), precision in bits
    executor: Executor | None = None
    workers: int = 1


def _leaf_verdicts(context: tuple, jobs: list[tuple], boxes: list[forms.Box],
                   where: _Where) -> Callable[[], list[Any]]:
    """A function giving the verdicts of :func:`_leaf_chunk` on ``jobs``, in their order.

    With an executor, the leaves are sent out now: sorted by their ``(v, a) =
    (nu*tau, mu*omega)`` ranges, which the Gaussian blocks depend on, and cut
    into one run per worker of about equal work, so that each worker's cache of
    block enclosures (:func:`selu_proof.kernel.arb_runtime.block`) serves leaves that
    meet the same blocks.
    """
    n = where.workers
    if where.executor is None or n <= 1 or len(jobs) < 2:
        return lambda: _leaf_chunk(context, jobs)
    # the goal's code imported before the first submit, so that forked workers inherit it
    model_of(*where.parameters).goal(context[0])
    order = sorted(range(len(jobs)), key=lambda i: _block_arguments(boxes[i]))
    weights = [_WORK[jobs[i][2][0]] + (jobs[i][2][1] != "....") for i in order]
    total, parts, acc = sum(weights), [[] for _ in range(n)], 0
    for i, w in zip(order, weights):
        parts[min(n - 1, acc * n // total)].append(i)
        acc += w
    parts = [sorted(part) for part in parts if part]  # tree order within a chunk
    futures = [where.executor.submit(_leaf_chunk, context, [jobs[i] for i in part])
               for part in parts]

    def collect() -> list[Any]:
        out: list[Any] = [None] * len(jobs)
        for part, fut in zip(parts, futures):
            for i, verdict in zip(part, fut.result()):
                out[i] = verdict
        # a chunk that failed left its later leaves unevaluated: they follow its failure
        first = next((i for i, v in enumerate(out) if not isinstance(v, tuple)), len(out))
        return out[:first + 1]

    return collect


#: relative work of a leaf by form (a face mask adds a gradient evaluation)
_WORK = {"natural": 1, "mean_value": 2}


def _block_arguments(box: forms.Box) -> tuple[Fraction, ...]:
    """The ranges of ``v = nu*tau`` and ``a = mu*omega`` over ``box`` (a sort key)."""
    (m0, m1), (o0, o1), (n0, n1), (t0, t1) = box
    a = (m0 * o0, m0 * o1, m1 * o0, m1 * o1)
    return n0 * t0, n1 * t1, min(a), max(a)


def _box_ints(box: forms.Box) -> tuple[int, ...]:
    return tuple(x for lo, hi in box
                 for x in (lo.numerator, lo.denominator, hi.numerator, hi.denominator))


def _leaf_chunk(context: tuple, jobs: list[tuple]) -> list[Any]:
    """Replay leaves; per leaf its recorded bound ``(numerator, denominator)`` or a failure.

    Plain data in and out, so that it can run in another process.  ``jobs``
    are in tree order and the replay stops at the first failure (the list is
    then shorter than ``jobs``): the first failing leaf of a tree is the
    earliest of the first failures of its chunks, whatever the grouping.
    """
    key, num, den, tol, model_key, prec = context
    bound = Fraction(num, den)
    out: list[Any] = []
    with ctx.workprec(prec), give_up_at(None):  # never a search's deadline
        model = model_of(model_key, prec)
        for n, ints, node in jobs:
            box = tuple((Fraction(ints[i], ints[i + 1]), Fraction(ints[i + 2], ints[i + 3]))
                        for i in range(0, len(ints), 4))
            try:
                recorded = _check_leaf(key, bound, n, box, node, model, tol)
            except _InvalidError as exc:
                out.append(str(exc))
                break
            out.append((recorded.numerator, recorded.denominator))
    return out


def _check_leaf(key: str, bound: Fraction, n: int, box: forms.Box, node: tuple[str, ...],
                model: Model, tol: Fraction | None = None) -> Fraction:
    """Replay one leaf's evidence; its recorded bound, or _InvalidError if it fails.

    With ``tol`` (a leaf of an extremum's tree) the bound may equal ``bound`` and is
    written with :func:`~selu_proof.kernel.exact.bracket_digits` digits.
    """
    form, mask, recorded_s = node
    closed = tol is not None
    try:
        recorded = parse_decimal(recorded_s)
    except ValueError:
        raise _InvalidError(f"node {n}: bad number {recorded_s!r}") from None
    if not (recorded <= bound if closed else recorded < bound):
        raise _InvalidError(f"leaf {n} ({_fmt_box(box)}): recorded bound {recorded_s} "
                            f"is not below {fraction_str(bound)}")
    before = model.given_up()
    enc = forms.leaf_bound(key, box, mask, form, model)
    undecided = f" (an integration reached the integrator's limit of {model.eval_limit} " \
        "evaluations)" if model.given_up() > before else ""
    if enc is None:
        raise _InvalidError(f"leaf {n} ({_fmt_box(box)}): derivative signs do not justify "
                            f"face {mask}{undecided}")
    up = upper_fraction(enc)
    if up is None or up > recorded:
        raise _InvalidError(f"leaf {n} ({_fmt_box(box)}): {form} gives {enc.str(10)}, "
                            f"not <= recorded {recorded_s}{undecided}")
    expected = record_up(up, bound, closed, 17 if tol is None else bracket_digits(up, tol))
    if expected != recorded_s:  # tamper evidence, not needed for soundness
        raise _InvalidError(f"leaf {n} ({_fmt_box(box)}): recorded bound {recorded_s} "
                            f"differs from the replayed {expected or decimal_up(up)}")
    return recorded


def check_certificate(cert: Any, executor: Executor | None = None,
                      workers: int = 1) -> CheckResult:
    """Check a certificate document (already parsed from JSON).

    With an ``executor`` of ``workers`` processes (e.g.
    :func:`selu_proof.kernel.parallel.process_pool`) the leaves are
    re-evaluated in parallel; the result is the same.
    """
    try:
        with give_up_at(None):  # never a search's deadline, also in a forked worker
            return _check(cert, executor, workers)
    except _InvalidError as exc:
        spec = cert.get("spec") if isinstance(cert, dict) else None
        name = spec.get("name", "") if isinstance(spec, dict) else ""
        return CheckResult(False, str(exc), name=name if isinstance(name, str) else "")


def _check_constant(name: str, text: Any, own: arb, prec: int) -> None:
    """The stated ball must contain the checker's own, be about as tight and be spelled
    as the prover writes the same ball (:func:`~selu_proof.kernel.exact.ball_str`).
    """
    if not isinstance(text, str) or len(text) > _MAX_BALL_STR:
        raise _InvalidError(f"constants.{name} missing or not a ball")
    try:
        stated = arb(text)
    except (TypeError, ValueError):
        raise _InvalidError(f"constants.{name} missing or not a ball") from None
    if not stated.contains(own):
        raise _InvalidError(f"constants.{name} = {text} does not contain {own.str(20)}")
    slack = 2 * own.rad() + own.abs_upper() * arb(2) ** -prec
    if not stated.rad() <= slack:
        raise _InvalidError(f"constants.{name} = {text} is wider than the enclosure at "
                            f"{prec} bits ({own.str(20, radius=True)})")
    if text != ball_str(own, prec):
        raise _InvalidError(f"constants.{name} = {text!r} is not spelled as the prover "
                            f"writes it ({ball_str(own, prec)!r})")


def _check_goal_fields(i: int, goal: Any, g: dict[str, Any], leaves: int,
                       best: Fraction) -> None:
    """The descriptive fields of a goal entry must be what the replay found."""
    expected = {"label": goal.label, "expression": goal.key,
                "bound": fraction_str(goal.bound), "certified_max": decimal_up(best),
                "leaves": leaves}
    for key, value in expected.items():
        if g.get(key) != value or type(g.get(key)) is not type(value):
            raise _InvalidError(f"claim {i}, goal {goal.label}: {key} is {g.get(key)!r}, "
                                f"the replay gives {value!r}")


def _check(cert: Any, executor: Executor | None, workers: int) -> CheckResult:
    if not isinstance(cert, dict) or cert.get("format") != FORMAT:
        raise _InvalidError(f"not a certificate (format must be {FORMAT!r})")
    if not _KEYS <= set(cert):
        raise _InvalidError(f"the certificate's keys must include {', '.join(sorted(_KEYS))}")
    try:
        spec = parse_spec(cert.get("spec"))
    except SpecError as exc:
        raise _InvalidError(f"specification: {exc}") from None
    prec = cert.get("precision")
    try:
        check_precision(spec, prec)
    except SpecError as exc:
        raise _InvalidError(str(exc)) from None
    with ctx.workprec(prec):
        try:
            model = model_of(spec.model, prec)
        except ValueError as exc:  # an activation's normalization not certified
            raise _InvalidError(f"parameters: {exc}") from None
        # the model's record, if it has one, is the one more key
        keys = _KEYS | ({"activation"} if model.record() is not None else set())
        if set(cert) != keys:
            raise _InvalidError(f"the certificate's keys must be exactly "
                                f"{', '.join(sorted(keys))}")
        if cert["variables"] != list(VARIABLES):
            raise _InvalidError(f"variables must be {list(VARIABLES)}")
        where = _Where((spec.model, prec), executor, workers)
        _check_model(cert, model, prec)
        claims = cert.get("claims")
        if not isinstance(claims, list) or len(claims) != len(spec.claims):
            raise _InvalidError("the certificate must have one entry per claim of the "
                                "specification")
        # each check runs up to its replay (every tree is walked and sent out in
        # certificate order), then each is finished in the same order
        checks: list[Iterator[None]] = []
        for i, (claim, entry) in enumerate(zip(spec.claims, claims)):
            if claim["kind"] == "extremum":
                checks.append(_check_extremum(i, claim, entry, spec.domain, model, where))
                next(checks[-1])
                continue
            goals = goals_of_claim(spec, claim)
            if not isinstance(entry, dict) or set(entry) != {"kind", "goals"} \
                    or entry.get("kind") != claim["kind"] \
                    or not isinstance(entry.get("goals"), list) \
                    or len(entry["goals"]) != len(goals):
                raise _InvalidError(f"claim {i}: entry does not match the specification")
            for goal, g in zip(goals, entry["goals"]):
                checks.append(_check_goal(i, claim, goal, g, spec.domain, where))
                next(checks[-1])
        summary = []
        for check in checks:
            try:
                next(check)
            except StopIteration as done:
                summary.append(done.value)
    domain = {v: [fraction_str(lo), fraction_str(hi)] for v, (lo, hi) in
              zip(VARIABLES, spec.domain)}
    return CheckResult(True, "valid", name=spec.name, goals=summary, domain=domain,
                       parameters=model.parameters_summary())


def _check_model(cert: dict[str, Any], model: Model, prec: int) -> None:
    """The model's record (for an activation: its spec, parameters, normalization and
    integrator settings), if it has one, must be what the checker re-derives from the
    specification, and each recorded constant ball must contain the checker's own
    enclosure (:func:`_check_constant`).
    """
    own = model.record()
    if own is not None:
        stated = cert.get("activation")
        if not isinstance(stated, dict) or set(stated) != set(own):
            raise _InvalidError(f"activation must give exactly {', '.join(sorted(own))}")
        for key, value in own.items():  # as canonical JSON: 128.0 is not the integer 128
            if json.dumps(stated[key], sort_keys=True) != json.dumps(value, sort_keys=True):
                raise _InvalidError(f"activation.{key} is {stated[key]!r}, the "
                                    f"specification gives {value!r}")
    consts = cert["constants"]
    balls = model.constants()
    if not isinstance(consts, dict) or set(consts) != set(balls):
        raise _InvalidError(f"constants must give exactly {' and '.join(balls)}")
    for name, ball_ in balls.items():
        _check_constant(name, consts[name], ball_, prec)


def _check_goal(i: int, claim: dict[str, Any], goal: Any, g: Any, domain: forms.Box,
                where: _Where) -> Generator[None, None, dict[str, Any]]:
    """Check one goal entry: up to its replay, then (resumed) the rest; its summary."""
    if not isinstance(g, dict) or set(g) != _GOAL_KEYS:
        raise _InvalidError(f"claim {i}: a goal entry must have exactly the keys "
                            f"{', '.join(sorted(_GOAL_KEYS))}")
    prefix = f"claim {i} ({claim['kind']}), goal {goal.label}"
    try:
        replay = _Replay(goal.key, goal.bound, domain, g.get("tree"), where)
        yield
        leaves, best = replay.result()
    except _InvalidError as exc:
        raise _InvalidError(f"{prefix}: {exc}") from None
    _check_goal_fields(i, goal, g, leaves, best)
    return {"claim": claim["kind"], "goal": goal.label, "leaves": leaves,
            "certified_max": fraction_str(best),
            "statement": certified_statement(goal.key, best)}


def _exact_field(obj: dict[str, Any], name: str, where: str) -> Fraction:
    """An exact decimal written by the prover, in its one spelling (``fraction_str``)."""
    try:
        value = parse_decimal(obj[name])
        canonical = fraction_str(value)
    except (KeyError, TypeError, ValueError):
        raise _InvalidError(f"{where}: {name} missing or not an exact decimal") from None
    if obj[name] != canonical:
        raise _InvalidError(f"{where}: {name} = {obj[name]!r} is not spelled as the prover "
                            f"writes it ({canonical!r})")
    return value


def _check_extremum(i: int, claim: dict[str, Any], entry: Any, domain: forms.Box,
                    model: Model,
                    evaluation: _Where) -> Generator[None, None, dict[str, Any]]:
    """Replay both ends of an extremum bracket: up to the tree's replay, then (resumed)
    the rest; its summary, or _InvalidError.
    """
    quantity, sense = claim["quantity"], claim["sense"]
    where = f"claim {i} (extremum, {sense} {quantity})"
    if not isinstance(entry, dict) or set(entry) != _EXTREMUM_KEYS \
            or entry.get("kind") != "extremum" \
            or entry.get("quantity") != quantity or entry.get("sense") != sense:
        raise _InvalidError(f"claim {i}: entry does not match the specification (keys must "
                            f"be exactly {', '.join(sorted(_EXTREMUM_KEYS))})")
    key = extremum_key(quantity, sense)
    if entry.get("expression") != key:
        raise _InvalidError(f"{where}: expression must be {key!r}")
    lower = _exact_field(entry, "lower", where)
    upper = _exact_field(entry, "upper", where)
    tol = parse_decimal(claim.get("tolerance", DEFAULT_TOLERANCE))
    if not lower <= upper:
        raise _InvalidError(f"{where}: lower {entry['lower']} is above upper {entry['upper']}")
    if upper - lower > tol:
        raise _InvalidError(f"{where}: bracket [{entry['lower']}, {entry['upper']}] is wider "
                            f"than the tolerance {fraction_str(tol)}")
    # in terms of G (max G is the extremum, up to sign): G <= g_hi everywhere, G(w) >= g_lo
    g_lo, g_hi = (lower, upper) if sense == "max" else (-upper, -lower)
    try:
        replay = _Replay(key, g_hi, domain, entry.get("tree"), evaluation, tol)
        yield
        leaves, best = replay.result()
    except _InvalidError as exc:
        raise _InvalidError(f"{where}, tree side: {exc}") from None
    if entry.get("leaves") != leaves or type(entry.get("leaves")) is not int:
        raise _InvalidError(f"{where}: leaves = {entry.get('leaves')!r}, the tree has {leaves}")
    if best != g_hi:  # tamper evidence: the stated end is the tree's own maximum
        raise _InvalidError(f"{where}: the tree proves {decimal_up(best)}, not the stated "
                            f"{fraction_str(g_hi)}")
    w = entry.get("witness")
    if not isinstance(w, dict) or set(w) != set(VARIABLES):
        raise _InvalidError(f"{where}: witness must give exactly {', '.join(VARIABLES)}")
    point = tuple(_exact_field(w, name, f"{where}, witness") for name in VARIABLES)
    for name, x, (lo, hi) in zip(VARIABLES, point, domain):
        if not lo <= x <= hi:
            raise _InvalidError(f"{where}: witness {name} = {w[name]} is outside the domain")
    value = forms.natural(key, tuple((x, x) for x in point), model)
    lo_val = lower_fraction(value) if value.is_finite() else None
    if lo_val is None or lo_val < g_lo:
        raise _InvalidError(f"{where}, witness side: the witness gives {value.str(10)}, not >= "
                            f"{fraction_str(g_lo)}")
    replayed = decimal_down(lo_val, bracket_digits(lo_val, tol))
    if parse_decimal(replayed) != g_lo:  # tamper evidence
        raise _InvalidError(f"{where}: stated witness end {fraction_str(g_lo)} differs from "
                            f"the replayed {replayed}")
    lo_s, hi_s = fraction_str(lower), fraction_str(upper)
    return {"claim": "extremum", "goal": f"{sense} {extremum_name(quantity)}", "leaves": leaves,
            "certified_max": fraction_str(g_hi), "lower": lo_s, "upper": hi_s,
            "statement": f"{sense} {extremum_name(quantity)} in [{lo_s}, {hi_s}]"}


class DuplicateKeyError(ValueError):
    """A JSON object names one key twice (see :func:`parse_json`)."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise DuplicateKeyError(f"the key {key!r} appears twice in one JSON object")
        out[key] = value
    return out


def parse_json(text: str) -> Any:
    """``json.loads`` that refuses an object with a repeated key (:class:`DuplicateKeyError`).

    Python's reader keeps the last of two equal keys and another reader may keep the
    first: a document with both would state one claim to this checker and another to
    that reader.  Raises what ``json.loads`` raises otherwise.
    """
    return json.loads(text, object_pairs_hook=_unique_keys)


def read_document(path: str | Path) -> tuple[Any, str]:
    """Read a certificate file once into memory and parse it: ``(document, "")``,
    or ``(None, reason)`` when it cannot be read or is not JSON.

    The file is read exactly once (it may be a pipe or change on disk), so
    that everything checked about it is checked about this one document.
    """
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return None, f"cannot read file: {exc.strerror or exc}"
    try:
        return parse_json(data.decode("utf-8")), ""
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return None, f"not valid JSON (corrupt or truncated): {exc}"
    except DuplicateKeyError as exc:
        return None, f"not a certificate: {exc}"
    except RecursionError:
        return None, "not a certificate (JSON nested too deeply)"
    except ValueError as exc:  # e.g. an integer beyond Python's int-string limit
        return None, f"not a certificate ({exc})"


def check_file(path: str | Path, executor: Executor | None = None, workers: int = 1,
               spec: dict[str, Any] | None = None) -> CheckResult:
    """Read and check a certificate file; unreadable or corrupt files are invalid.

    With ``spec`` (a specification structure, as read from TOML), the
    certificate must also state exactly that specification; the comparison is
    made on the same in-memory document that was checked.
    """
    data, reason = read_document(path)
    if reason:
        return CheckResult(False, reason)
    return check_document(data, executor, workers, spec)


def check_document(data: Any, executor: Executor | None = None, workers: int = 1,
                   spec: dict[str, Any] | None = None) -> CheckResult:
    """Check a parsed certificate and, with ``spec``, that it states exactly ``spec``."""
    res = check_certificate(data, executor, workers)
    if res.valid and spec is not None and not same_spec(data["spec"], spec):
        res.valid, res.message = False, "states a different specification than --spec"
    return res


def same_spec(a: Any, b: Any) -> bool:
    """Whether two specification structures are the same document.

    They are compared as canonical JSON, so that types count (``1`` is not
    ``1.0``, ``true`` is not ``1``) and a NaN is never equal to anything.
    """
    try:
        return json.dumps(a, sort_keys=True, allow_nan=False) == \
            json.dumps(b, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return False
