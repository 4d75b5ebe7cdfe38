"""``selu-proof prove`` and ``selu-proof check``: rerun and re-check the machine proof."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from selu_proof.cli.common import CLIError, emit_json, progress
from selu_proof.kernel.parallel import process_pool, usable_cores

#: seconds to wait for a Dask scheduler before giving up
SCHEDULER_TIMEOUT = 5
#: the paper's SELU; a certificate about any other model says which in ``check``'s output
PAPER_PARAMETERS = {"alpha": "alpha01", "lambda": "lambda01"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "prove",
        help="prove theorem specifications and write certificates",
        description="Prove the claims of theorem specifications (shipped names such as "
        "theorem1, or your own TOML files) with rigorous ball arithmetic, and write one "
        "certificate per specification (<out>/<name>.cert.json) when every claim is proved. "
        "Exit status 0 only if every claim is proved; 1 if some claim is refuted or unknown.",
    )
    p.add_argument("specs", nargs="*", metavar="NAME|SPEC.toml",
                   help="shipped specification name or path to a TOML specification")
    p.add_argument("--all", action="store_true", help="prove every shipped specification")
    p.add_argument("--list", action="store_true", help="list the shipped specifications and exit")
    p.add_argument("--out", default="certificates", metavar="DIR",
                   help="directory for certificates and checkpoints (default: ./certificates)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="worker processes for the search and the replay, at most the usable "
                   "cores (default 1: the "
                   "paper's proofs are small enough that one process, whose cache of "
                   "block enclosures serves every box, is as fast as two); results do "
                   "not depend on it")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on a Dask distributed cluster at ADDRESS (needs the 'cluster' "
                   "extra) instead of local processes")
    p.add_argument("--max-boxes", type=int, default=10_000_000, metavar="N",
                   help="box budget per goal; past it the claim is 'unknown' (default 1e7)")
    p.add_argument("--max-seconds", type=float, default=None, metavar="S",
                   help="wall-clock budget per specification; past it the claim is 'unknown'")
    p.add_argument("--precision", type=int, default=128, metavar="BITS",
                   help="ball arithmetic precision in bits (default 128)")
    p.add_argument("--resume", action="store_true",
                   help="continue from <out>/<name>.checkpoint.json without redoing "
                   "finished subtrees (a checkpoint is kept while a run is in progress)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.set_defaults(func=run_prove)

    c = sub.add_parser(
        "check",
        help="check certificates with the small independent checker",
        description="Replay certificates with the trusted checker: rebuild the cover of the "
        "stated domain from the split tree and re-evaluate every leaf in ball arithmetic. "
        "Exit status 0 only if every file is valid.",
    )
    c.add_argument("files", nargs="+", metavar="FILE", help="certificate files (NAME.cert.json)")
    c.add_argument("--spec", metavar="NAME|SPEC.toml",
                   help="also require the certificate to state exactly this specification")
    c.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes re-evaluating leaves (default and at most: the "
                   f"usable cores, here {usable_cores()}, and no more than the leaves); the "
                   "verdict does not depend on it")
    c.add_argument("--json", action="store_true", help="print the results as JSON")
    c.set_defaults(func=run_check)


def _resolve_spec(item: str):
    from selu_proof.kernel.specs import SpecError, load_spec, shipped_specs

    shipped = shipped_specs()
    path = shipped.get(item)
    if path is None:
        path = Path(item)
        if path.suffix == ".toml" and not path.is_file():
            raise CLIError(f"{item}: no such specification file")
        if path.suffix != ".toml":
            names = ", ".join(shipped)
            raise CLIError(f"unknown theorem {item!r}: give a shipped name ({names}) "
                           "or a path to a .toml specification")
    try:
        return load_spec(path)
    except SpecError as exc:
        raise CLIError(f"{item}: {exc}") from None


def _executor(args: argparse.Namespace):
    if args.scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise CLIError("--scheduler needs Dask distributed: pip install "
                           "'selu-proof[cluster]'") from None
        try:
            client = Client(args.scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError, ValueError, TypeError) as exc:
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise CLIError(f"--scheduler {args.scheduler}: cannot connect (waited at most "
                           f"{SCHEDULER_TIMEOUT} s): {reason}") from None
        return client.get_executor()
    if args.workers == 1:
        return None
    return process_pool(args.workers)


def _workers(args: argparse.Namespace) -> int:
    """``--workers``, defaulting to and (on this machine) capped at the usable cores."""
    if args.workers is None:
        args.workers = usable_cores()
    if args.workers < 1:
        raise CLIError("--workers must be at least 1")
    if not getattr(args, "scheduler", None):  # a cluster's workers are not counted here
        args.workers = min(args.workers, usable_cores())
    return args.workers


def run_prove(args: argparse.Namespace) -> int:
    from selu_proof.kernel.specs import shipped_specs
    from selu_proof.search.prover import CheckpointError, prove_spec

    if args.list:
        for name, path in shipped_specs().items():
            print(f"{name:<12} {path}")
        return 0
    items = list(args.specs) + (list(shipped_specs()) if args.all else [])
    if not items:
        raise CLIError("name a specification (e.g. theorem1), a .toml file, or use --all")
    if args.max_boxes < 1:
        raise CLIError("--max-boxes must be positive")
    if args.max_seconds is not None and not args.max_seconds > 0:
        raise CLIError("--max-seconds must be positive")
    from selu_proof.cli.common import check_output_dir, check_precision

    check_precision(args.precision)
    specs = [_resolve_spec(item) for item in items]
    check_precision(args.precision, specs)
    names = [s.name for s in specs]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:  # their certificates and checkpoints would overwrite each other
        raise CLIError(f"two specifications are named {', '.join(map(repr, twice))}: "
                       "each writes <out>/<name>.cert.json, so names must differ")
    check_output_dir(args.out, "--out")
    workers = _workers(args)
    # columns wide enough for every name and for the largest possible box count
    widths = (max(10, *(len(s.name) for s in specs)), len(str(4 * args.max_boxes)))
    executor = _executor(args)
    show = not args.json and sys.stderr.isatty()
    results: list[Any] = []
    try:
        for spec in specs:
            bar = progress(None, f"proving {spec.name}", show)
            try:
                res = prove_spec(spec, out_dir=args.out, precision=args.precision,
                                 executor=executor, workers=workers,
                                 max_boxes=args.max_boxes,
                                 max_seconds=args.max_seconds, resume=args.resume,
                                 progress=lambda msg, bar=bar: bar.update(1))
            except CheckpointError as exc:
                bar.close()
                ckpt = Path(args.out) / f"{spec.name}.checkpoint.json"
                raise CLIError(f"checkpoint {ckpt} refused: {exc}; delete it or run "
                               "without --resume") from None
            except OSError as exc:
                bar.close()
                raise CLIError(f"cannot write to {args.out}: "
                               f"{exc.strerror or exc}") from None
            except KeyboardInterrupt:
                bar.close()
                sys.stderr.write(f"selu-proof: interrupted; finished work is kept in "
                                 f"{Path(args.out) / (spec.name + '.checkpoint.json')}; "
                                 "rerun with --resume to continue\n")
                return 130
            bar.close()
            results.extend(res)
            if not args.json:
                for r in res:
                    _print_result(r, widths)
    finally:
        if executor is not None:
            try:
                executor.shutdown(cancel_futures=True)
            except TypeError:  # Dask's ClientExecutor takes no cancel_futures
                executor.shutdown()
            client = getattr(executor, "_client", None)
            if client is not None:
                client.close()
    if args.json:
        emit_json({"results": [r.as_dict() for r in results]})
    return 0 if all(r.status == "proved" for r in results) else 1


def _print_result(r: Any, widths: tuple[int, int]) -> None:
    name_w, boxes_w = widths
    line = (f"{r.name:<{name_w}} {r.claim:<20} {r.status:<8} boxes={r.boxes:<{boxes_w}} "
            f"{r.seconds:7.2f}s")
    best = [g for g in r.goals if "certified_max" in g]
    if r.status == "proved":
        line += "  " + "; ".join(g["statement"] for g in best)
        print(line)
        if r.certificate:
            print(f"{'':<{name_w}} certificate: {r.certificate}")
        return
    print(line + f"  ({r.reason})")
    if r.witness:
        w = r.witness
        print(f"{'':<{name_w}} witness: mu={w['mu']} omega={w['omega']} nu={w['nu']} "
              f"tau={w['tau']}: {w['statement']}")


def run_check(args: argparse.Namespace) -> int:
    from concurrent.futures import BrokenExecutor

    from selu_proof.kernel.checker import read_document

    expected = _resolve_spec(args.spec).raw if args.spec else None
    # each file is read once, into memory: what is checked is what is compared with --spec
    docs = [read_document(f) for f in args.files]
    most = max([_count_leaves(doc) for doc, _ in docs] + [1])
    workers = min(_workers(args), most)  # no more workers than leaves to replay
    executor = None if workers == 1 else process_pool(workers)
    try:
        rows, ok = _check_files(args, docs, expected, executor, workers)
    except BrokenExecutor:  # a worker was killed (e.g. out of memory): no verdict, not INVALID
        raise CLIError(f"the replay could not run: a worker process ended unexpectedly "
                       f"(killed, e.g. out of memory); nothing was decided; rerun, or use "
                       f"--workers 1 (here {workers})") from None
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)
    if args.json:
        emit_json({"results": rows})
    return 0 if ok else 1


def _count_leaves(data: Any) -> int:
    """The number of leaves a certificate document's trees hold (0 if it has none).

    A size, read before any check, to size a worker pool; not trusted for anything else.
    """
    claims = data.get("claims") if isinstance(data, dict) else None
    trees = []
    for c in claims if isinstance(claims, list) else []:
        if isinstance(c, dict):
            trees.append(c.get("tree"))
            goals = c.get("goals")
            trees.extend(g.get("tree") for g in (goals if isinstance(goals, list) else [])
                         if isinstance(g, dict))
    return sum(isinstance(node, list) for t in trees if isinstance(t, list) for node in t)


def _check_files(args: argparse.Namespace, docs: list[tuple[Any, str]], expected: Any,
                 executor: Any, workers: int) -> tuple[list[dict[str, Any]], bool]:
    from selu_proof.kernel.checker import CheckResult, check_document

    rows = []
    ok = True
    for f, (doc, reason) in zip(args.files, docs):
        res = CheckResult(False, reason) if reason else \
            check_document(doc, executor, workers, spec=expected)
        ok &= res.valid
        rows.append({"file": f, "valid": res.valid, "message": res.message, "name": res.name,
                     "domain": res.domain, "parameters": res.parameters,
                     "goals": [{"claim": g["claim"], "goal": g["goal"], "leaves": g["leaves"],
                                "certified_max": g["certified_max"],
                                "statement": g["statement"]}
                               for g in res.goals]})
        if not args.json:
            if res.valid:
                leaves = sum(g["leaves"] for g in res.goals)
                print(f"{f}: valid ({res.name}: {len(res.goals)} goals, {leaves} leaves "
                      "re-evaluated)")
                print("    on " + ", ".join(f"{v} in [{lo}, {hi}]"
                                            for v, (lo, hi) in res.domain.items()))
                if res.parameters != PAPER_PARAMETERS:  # so no other model passes as the paper's
                    print("    for " + ", ".join(f"{k} = {v}" for k, v in res.parameters.items()))
                for g in res.goals:
                    print(f"    {g['claim']:<20} {g['statement']}")
            else:
                print(f"{f}: INVALID: {res.message}")
    return rows, ok
