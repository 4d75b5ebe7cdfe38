"""``selu-proof activations``: the catalogue, each entry a formula, with what is read off it.

Thin: :mod:`selu_proof.kernel.activations` holds the catalogue; this prints it.
"""

from __future__ import annotations

import argparse
from typing import Any

from selu_proof.cli.common import emit_json


def catalogue_rows() -> list[dict[str, Any]]:
    """One row per catalogue entry (default parameters): name, formula, parameters with
    their defaults and ranges, kinks, and the growth bounds of ``f`` and ``f'``
    (``|f(x)| <= (sum c_k |x|^k) e^{rate |x|}``), as the kernel derives them.
    """
    from selu_proof.kernel.activation_claims import _growth, _rational
    from selu_proof.kernel.activations import ALIASES, CATALOGUE, parse_activation

    rows = []
    for name, entry in CATALOGUE.items():
        act = parse_activation(name)
        rows.append({
            "name": name, "formula": act.formula,
            "aliases": [a for a, t in ALIASES.items() if t == name],
            "parameters": {k: {"default": p.default, "range": p.meaning}
                           for k, p in entry.params.items()},
            "renamed": dict(entry.rename),
            "kinks": [_rational(k) for k in act.kinks], "odd": act.odd,
            "growth": _growth(act.growth), "derivative_growth": _growth(act.derivative_growth),
            "summary": entry.summary})
    return rows


def _bound(g: dict[str, Any], ax: str = "|x|") -> str:
    terms = [c if k == 0 else f"{c} {ax}" + (f"^{k}" if k > 1 else "")
             for k, c in enumerate(g["coeffs"]) if c != "0"] or ["0"]
    poly = " + ".join(terms)
    return poly if g["rate"] == "0" else f"({poly}) e^({g['rate']} {ax})"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "activations",
        help="list the activation catalogue: formulas, parameters, kinks, growth bounds",
        description="Every catalogue activation is a formula in x (docs/your_activation.md "
        "gives the grammar); any --activation or NAME argument also takes a formula of your "
        "own, 'FORMULA; key=value, ...'. Listed per entry: the formula, its parameters with "
        "defaults, the kinks (exact rationals) and the proved growth bounds of abs(f) and "
        "abs(f') that bound the Gaussian tails.",
    )
    p.add_argument("--json", action="store_true",
                   help='print [{"name", "formula", "aliases", "parameters", "renamed", "kinks", '
                   '"odd", "growth", "derivative_growth", "summary"}] as JSON (renamed: '
                   'parameter -> its name in the formula, lambda being a Python keyword)')
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    rows = catalogue_rows()
    if args.json:
        emit_json(rows)
        return 0
    for r in rows:
        params = ", ".join(f"{k}={v['default']}" for k, v in r["parameters"].items())
        print(f"{r['name']}: {r['formula']}" + (f"; {params}" if params else ""))
        print(f"    kinks: {', '.join(r['kinks']) or 'none'}; |f| <= {_bound(r['growth'])}; "
              f"|f'| <= {_bound(r['derivative_growth'])}")
    return 0


def catalogue_markdown() -> str:
    """The catalogue as a markdown table (docs/your_activation.md holds it between its
    ``<!-- catalogue:start -->`` markers; a test compares them).
    """
    out = ["| name | formula | parameters (defaults) | kinks | abs(f) at most | "
           "abs(f') at most |", "|---|---|---|---|---|---|"]
    for r in catalogue_rows():
        params = ", ".join(f"{k}={v['default']}" + (f" (`{r['renamed'][k]}` in the formula)"
                                                    if k in r["renamed"] else "")
                           for k, v in r["parameters"].items()) or "-"
        names = ", ".join(f"`{n}`" for n in [r["name"], *r["aliases"]])
        out.append(f"| {names} | `{r['formula']}` | {params} | {', '.join(r['kinks']) or '-'} "
                   f"| {_bound(r['growth'], 'abs(x)')} "
                   f"| {_bound(r['derivative_growth'], 'abs(x)')} |")
    return "\n".join(out)
