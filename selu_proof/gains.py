r"""Certified gains and normalizing constants of every catalogue activation, and the published
normalizer-free gains next to them.

The **normalizer-free gain** of an activation ``f`` (Brock, De, Smith 2021, "Characterizing
signal propagation to close the performance gap in unnormalized ResNets", arXiv:2101.08692)
is :math:`\gamma = 1/\mathrm{std}\, f(z)`, ``z ~ N(0, 1)``: the factor that gives
``gamma*f(z)`` variance 1.  It is exactly the ``lambda`` of the affine normalization
:math:`\lambda(f - \beta)` (:mod:`selu_proof.fixedpoint.normalization`,
:math:`\lambda = (m_2 - m_1^2)^{-1/2}` at ``M = 0``, ``V = 1``), which also removes the mean
(``beta = E f(z)``); normalizer-free networks leave the mean alone.  Every number here comes
from that certified code (and from :mod:`selu_proof.meanfield.table` for the table of all
constants); nothing is re-derived.

:data:`PUBLISHED_NF_GAINS` holds the gains the NF-Nets code publishes, as copied into timm
(``timm/models/nfnet.py``, dictionary ``_nonlin_gamma``, timm 1.0.31, noted there as taken
from the DeepMind NFNets code, ``deepmind-research/nfnets``): floats estimated by sampling,
quoted here as data.  :func:`nf_comparison_rows` sets each next to the certified gain of the
same function.

``python -m selu_proof.gains --write`` regenerates the tables of ``docs/gains.md`` between
its ``<!-- table:... -->`` markers; ``tests/test_gains.py`` checks the page against the code.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from flint import ctx

from selu_proof.files import marked_block, write_marked_blocks

__all__ = ["PublishedGain", "PUBLISHED_NF_GAINS", "PUBLISHED_SOURCE", "CHI1", "constants_rows",
           "nf_comparison_rows", "constants_markdown", "comparison_markdown", "PAGE",
           "REL_DIGITS"]

PAGE = Path(__file__).resolve().parent.parent / "docs" / "gains.md"

#: where the published gains come from
PUBLISHED_SOURCE = ("Brock, De, Smith (2021), arXiv:2101.08692, as tabulated in timm 1.0.31, "
                    "timm/models/nfnet.py, _nonlin_gamma (from the DeepMind NFNets code)")

#: what ``chi1`` in the constants table is
CHI1 = ("chi1 = E[F'(z)^2] of the affine-normalized F = lambda*(f - beta), z ~ N(0, 1) "
        "(omega = 0, tau = 1); the same for the NF-scaled gamma*f, and 1 for GPN by "
        "construction")

#: significant digits of the relative errors in the comparison table (rounded to nearest)
REL_DIGITS = 3


@dataclass(frozen=True)
class PublishedGain:
    """One published gain and the catalogue activation it belongs to.

    Attributes
    ----------
    name : str
        The key in timm's ``_nonlin_gamma``.
    activation : str
        The catalogue spec of the same function as timm builds it (PyTorch's defaults).
    value : str
        The published float as printed there (read as an exact decimal).
    note : str
        Why the catalogue spec is that function, when it is not obvious.
    """

    name: str
    activation: str
    value: str
    note: str = ""


#: the published normalizer-free gains of catalogue activations (see the module docstring)
PUBLISHED_NF_GAINS: tuple[PublishedGain, ...] = (
    PublishedGain("celu", "celu:alpha=1", "1.270926833152771", "torch CELU, alpha = 1"),
    PublishedGain("elu", "elu:alpha=1", "1.2716004848480225",
                  "torch ELU, alpha = 1: the same function as CELU at alpha = 1"),
    PublishedGain("gelu", "gelu", "1.7015043497085571", "timm applies it to torch's erf GELU"),
    PublishedGain("leaky_relu", "leaky_relu:slope=0.01", "1.70590341091156",
                  "torch LeakyReLU, negative_slope = 0.01"),
    PublishedGain("log_sigmoid", "log_sigmoid", "1.9193484783172607",
                  "log_sigmoid(x) = -softplus(-x), and -z ~ z: the same gain as softplus"),
    PublishedGain("relu", "relu", "1.7139588594436646"),
    PublishedGain("relu6", "relu6", "1.7131484746932983"),
    PublishedGain("selu", "selu", "1.0008515119552612",
                  "torch SELU, alpha_01 and lambda_01 to double precision: variance 1 by "
                  "construction, gain 1"),
    PublishedGain("sigmoid", "sigmoid", "4.803835391998291"),
    PublishedGain("silu", "silu:beta=1", "1.7881293296813965"),
    PublishedGain("softsign", "softsign", "2.338853120803833"),
    PublishedGain("softplus", "softplus", "1.9203323125839233", "torch Softplus, beta = 1"),
    PublishedGain("tanh", "tanh", "1.5939117670059204"),
)


def constants_rows(digits: int = 10) -> list[dict[str, Any]]:
    """Every catalogue activation (default parameters) with its certified constants.

    Keys: ``activation``; ``gain`` (the NF gain ``gamma`` = affine ``lambda``),
    ``affine_beta``, ``gpn_gamma``, ``gpn_beta``, ``chi1`` (see :data:`CHI1`), each
    ``[lo, hi]`` rounded outward to ``digits`` significant digits (``None`` where the
    normalization does not exist or is not certified, with a ``note``).

    >>> r = constants_rows(6)[3]
    >>> r["activation"], r["gain"], r["gpn_gamma"]
    ('relu', ['1.71285', '1.71286'], ['1.41421', '1.41422'])
    """
    from selu_proof.meanfield.table import affine_rows, gpn_rows

    out = []
    for aff, gpn in zip(affine_rows(digits), gpn_rows(digits), strict=True):
        row = {"activation": aff["activation"], "gain": aff["lambda"],
               "affine_beta": aff["beta"], "gpn_gamma": gpn["gamma"], "gpn_beta": gpn["beta"],
               "chi1": aff["chi1"]}
        if "note" in gpn:
            row["note"] = gpn["note"]
        out.append(row)
    return out


def nf_comparison_rows(digits: int = 10) -> list[dict[str, Any]]:
    """The published NF gains next to the certified ones.

    Keys: ``name`` (timm's), ``activation`` (catalogue spec), ``published`` (text),
    ``certified_gain`` ``[lo, hi]`` (``digits`` significant digits, rounded outward),
    ``relative_error`` ``[lo, hi]`` enclosing ``published/gamma - 1`` (6 digits, rounded
    outward), ``relative_error_rounded`` (that number to :data:`REL_DIGITS` significant
    digits, rounded to nearest: for display), ``note``.

    >>> r = {x["name"]: x for x in nf_comparison_rows(8)}["relu"]
    >>> r["certified_gain"], r["relative_error_rounded"]
    (['1.7128585', '1.7128586'], '+6.42e-4')
    """
    from selu_proof.fixedpoint.normalization import normalize, outward_interval, precision_for
    from selu_proof.kernel.activations import parse_activation
    from selu_proof.kernel.exact import ball

    out = []
    for pub in PUBLISHED_NF_GAINS:
        gain = normalize(parse_activation(pub.activation), "affine",
                         digits=digits + 5).constants["lambda"]
        with ctx.workprec(precision_for(digits + 5)):
            rel = ball(Fraction(pub.value)) / gain - 1
            out.append({"name": pub.name, "activation": parse_activation(pub.activation).spec,
                        "published": pub.value,
                        "certified_gain": outward_interval(gain, digits),
                        "relative_error": outward_interval(rel, 6),
                        "relative_error_rounded": _rounded(rel.mid()), "note": pub.note})
    return out


def _rounded(x: Any) -> str:
    """``x`` to :data:`REL_DIGITS` significant digits, rounded to nearest: ``+6.42e-4``."""
    mant, _, exp = f"{float(x):+.{REL_DIGITS - 1}e}".partition("e")
    return f"{mant}e{int(exp)}"


def _iv(x: list[str] | None) -> str:
    return "-" if x is None else f"[{x[0]}, {x[1]}]"


def constants_markdown(digits: int = 10) -> str:
    """The table of :func:`constants_rows` as MyST markdown."""
    out = ["| activation | NF gain gamma = affine lambda | affine beta | GPN gamma | GPN beta "
           "| chi1 |", "|---|---|---|---|---|---|"]
    for r in constants_rows(digits):
        out.append(f"| `{r['activation']}` | {_iv(r['gain'])} | {_iv(r['affine_beta'])} | "
                   f"{_iv(r['gpn_gamma'])} | {_iv(r['gpn_beta'])} | {_iv(r['chi1'])} |")
    return "\n".join(out)


def comparison_markdown(digits: int = 10) -> str:
    """The table of :func:`nf_comparison_rows` as MyST markdown."""
    out = ["| timm name | catalogue activation | published gain | certified gain "
           "| relative error of the published gain |", "|---|---|---|---|---|"]
    for r in nf_comparison_rows(digits):
        out.append(f"| {r['name']} | `{r['activation']}` | {r['published']} | "
                   f"{_iv(r['certified_gain'])} | {r['relative_error_rounded']} |")
    return "\n".join(out)


_TABLES = {"constants": constants_markdown, "nf-gains": comparison_markdown}


def page_table(text: str, name: str) -> str:
    """The table named ``name`` in a page's text (between its markers)."""
    return marked_block(text, f"table:{name}")


def write(page: Path = PAGE, digits: int = 10) -> None:
    """Replace both tables in ``page`` between their markers."""
    write_marked_blocks(page, {f"table:{name}": make(digits) for name, make in _TABLES.items()})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"update docs/{PAGE.name} in place")
    ap.add_argument("--digits", type=int, default=10)
    args = ap.parse_args()
    if args.write:
        write(digits=args.digits)
    else:
        print(constants_markdown(args.digits) + "\n\n" + comparison_markdown(args.digits))


if __name__ == "__main__":
    main()
