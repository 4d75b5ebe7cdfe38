"""The any-activation tables of ``docs/any_activation.md``, generated from the certified code.

``python -m selu_proof.meanfield.table`` prints the two tables (affine normalization with
its mean field at ``omega = 0``, ``tau = 1``; GPN constants); ``--write`` replaces them in
the page between the ``<!-- table:... -->`` markers.  ``tests/test_docs_any_activation.py``
checks that every printed interval contains the code's enclosure.  Every number is an
outward-rounded enclosure.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from selu_proof.files import write_marked_blocks

__all__ = ["affine_rows", "gpn_rows", "markdown", "LU_ET_AL", "PAGE"]

PAGE = Path(__file__).resolve().parents[2] / "docs" / "any_activation.md"

#: GPN constants tabulated by Lu, Gould and Ajanthan (2020) that are quoted here
LU_ET_AL: dict[str, tuple[str, str]] = {"relu": ("1.4142", "0")}


def affine_rows(digits: int = 6) -> list[dict[str, Any]]:
    """One row per catalogue activation (default parameters): affine constants and mean field."""
    from selu_proof.kernel.activations import CATALOGUE
    from selu_proof.meanfield.activation import activation_mean_field

    rows = []
    for name in CATALOGUE:
        r = activation_mean_field(name, normalize="affine", digits=digits, search=False)
        rows.append({"activation": r["activation"],
                     "lambda": r["parameters"]["lambda"], "beta": r["parameters"]["beta"],
                     "chi1": r["chi1"], "chi_c": r["chi_c"],
                     "xi_c": r["depth_scales"]["correlation_xi_c"],
                     "radius": r["jacobian"]["spectral_radius"],
                     "norm": r["jacobian"]["spectral_norm"], "attracting": r["attracting"]})
    return rows


def gpn_rows(digits: int = 6) -> list[dict[str, Any]]:
    """One row per catalogue activation: GPN ``gamma``, ``beta``, and Lu et al.'s values."""
    from selu_proof.fixedpoint.normalization import NormalizationError, normalize
    from selu_proof.kernel.activations import CATALOGUE, parse_activation

    rows = []
    for name in CATALOGUE:
        act = parse_activation(name)
        try:
            d = normalize(act, "gpn", digits=digits).as_dict(digits)["constants"]
        except NormalizationError as exc:
            rows.append({"activation": act.spec, "gamma": None, "beta": None,
                         "note": str(exc)})
            continue
        rows.append({"activation": act.spec, "gamma": d["gamma"], "beta": d["beta"],
                     "lu": LU_ET_AL.get(name)})
    return rows


def _iv(x: list[str] | None) -> str:
    return "-" if x is None else f"[{x[0]}, {x[1]}]"


def markdown(digits: int = 6) -> str:
    """Both tables as MyST markdown."""
    out = ["| activation | lambda | beta | chi1 | chi_c | xi_c (layers) | spectral radius of H "
           "| spectral norm of H | attracting |",
           "|---|---|---|---|---|---|---|---|---|"]
    for r in affine_rows(digits):
        att = {True: "yes", False: "no", None: "undecided"}[r["attracting"]]
        out.append(f"| `{r['activation']}` | {_iv(r['lambda'])} | {_iv(r['beta'])} | "
                   f"{_iv(r['chi1'])} | {_iv(r['chi_c'])} | {_iv(r['xi_c'])} | "
                   f"{_iv(r['radius'])} | {_iv(r['norm'])} | {att} |")
    out += ["", "| activation | gamma | beta | Lu et al. (2020): gamma, beta |",
            "|---|---|---|---|"]
    for r in gpn_rows(digits):
        lu = r.get("lu")
        lu_text = f"{lu[0]}, {lu[1]}" if lu else "not quoted here"
        out.append(f"| `{r['activation']}` | {_iv(r['gamma'])} | {_iv(r['beta'])} | "
                   f"{lu_text} |")
    return "\n".join(out)


def write(page: Path = PAGE, digits: int = 6) -> None:
    """Replace the tables in ``page`` between the markers."""
    write_marked_blocks(page, {"table": markdown(digits)})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"update {PAGE.name} in place")
    ap.add_argument("--digits", type=int, default=6)
    args = ap.parse_args()
    if args.write:
        write(digits=args.digits)
    else:
        print(markdown(args.digits))


if __name__ == "__main__":
    main()
