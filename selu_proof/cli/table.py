"""``selu-proof table``: certified constants of every catalogue activation, as tables to paste.

Thin wrapper around :mod:`selu_proof.gains`.
"""

from __future__ import annotations

import argparse
import csv
import sys

from selu_proof.cli.common import CLIError, emit_json

#: most significant digits of ``--digits`` (about a second for the whole catalogue at 60)
MAX_DIGITS = 60

_CONSTANT_COLUMNS = ("gain", "affine_beta", "gpn_gamma", "gpn_beta", "chi1")
_NF_COLUMNS = ("published", "certified_gain", "relative_error")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "table",
        help="certified constants of every catalogue activation (NF gains, affine, GPN, chi1)",
        description="Tables of certified constants for every catalogue activation (default "
        "parameters), from the rigorous quadrature of `normalize` and `mean-field`. "
        "constants: the normalizer-free gain gamma = 1/std f(z), z ~ N(0, 1) (Brock, De, "
        "Smith 2021; timm's _nonlin_gamma), which is the affine lambda of `normalize`; the "
        "affine beta = E f(z); the GPN gamma and beta (Lu, Gould, Ajanthan 2020); chi1 = "
        "E[F'(z)^2] of the normalized F = lambda*(f - beta). nf-gains: the published "
        "normalizer-free gains (timm 1.0.31, timm/models/nfnet.py, _nonlin_gamma) next to "
        "the certified ones, with the relative error published/certified - 1. Every "
        "interval is rounded outward to N significant digits.",
    )
    p.add_argument("which", choices=("constants", "nf-gains"), metavar="TABLE",
                   help="constants (every catalogue activation) or nf-gains (the published "
                   "normalizer-free gains against the certified ones)")
    p.add_argument("--digits", type=int, default=10, metavar="N",
                   help=f"significant digits of the enclosures (default 10, at most {MAX_DIGITS})")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true",
                     help='print {"table", "rows": [{NAME: [lo, hi], ...}], ...} as JSON')
    fmt.add_argument("--csv", action="store_true",
                     help="print CSV, one column per end (NAME_lo, NAME_hi)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from selu_proof.gains import (
        CHI1,
        PUBLISHED_SOURCE,
        REL_DIGITS,
        constants_rows,
        nf_comparison_rows,
    )

    if not 1 <= args.digits <= MAX_DIGITS:
        raise CLIError(f"--digits must be between 1 and {MAX_DIGITS}, got {args.digits}")
    if args.which == "constants":
        rows, columns = constants_rows(args.digits), _CONSTANT_COLUMNS
        meta = {"gain": "normalizer-free gain gamma = 1/std f(z), z ~ N(0, 1) = affine lambda",
                "chi1": CHI1}
    else:
        rows, columns = nf_comparison_rows(args.digits), _NF_COLUMNS
        meta = {"source": PUBLISHED_SOURCE,
                "relative_error": "published/certified - 1, enclosure rounded outward to 6 "
                                  "digits (relative_error_rounded: "
                                  f"{REL_DIGITS} digits, rounded to nearest)"}
    if args.json:
        emit_json({"table": args.which, "digits": args.digits, **meta, "rows": rows,
                   "certified": True})
        return 0
    if args.csv:
        _csv(rows, columns)
        return 0
    _text(args.which, rows, columns)
    return 0


def _cells(row: dict, columns: tuple[str, ...]) -> list[str]:
    out = []
    for c in columns:
        x = row.get(c)
        out.append("-" if x is None else x if isinstance(x, str) else f"[{x[0]}, {x[1]}]")
    return out


def _csv(rows: list[dict], columns: tuple[str, ...]) -> None:
    w = csv.writer(sys.stdout, lineterminator="\n")
    head = ["activation"]
    for c in columns:
        head += [c] if c == "published" else [f"{c}_lo", f"{c}_hi"]
    w.writerow((["name"] if "name" in rows[0] else []) + head)
    for r in rows:
        line = [r["activation"]]
        for c in columns:
            x = r.get(c)
            line += [x] if isinstance(x, str) else ["", ""] if x is None else list(x)
        w.writerow(([r["name"]] if "name" in r else []) + line)


def _text(which: str, rows: list[dict], columns: tuple[str, ...]) -> None:
    names = ["name"] if which == "nf-gains" else []
    table = [names + ["activation", *columns]]
    for r in rows:
        table.append(([r["name"]] if names else []) + [r["activation"]] + _cells(r, columns))
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    for line in table:
        print("  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip())
    for r in rows:
        if "note" in r and which == "constants":
            print(f"{r['activation']}: {r['note']}")
    print("certified: every interval from rigorous quadrature, rounded outward"
          + ("; the published gains are floats quoted as data" if which == "nf-gains" else ""))
