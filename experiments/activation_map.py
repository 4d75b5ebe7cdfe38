"""The map of which catalogue activations self-normalize (Theorem 1 by certified quadrature).

For every catalogue activation with its default parameters, affine-normalized so that
``(0, 1)`` is the fixed point at ``omega = 0``, ``tau = 1``:

* the proof-vs-refutation search of ``selu-proof design --activation NAME --prove`` on
  domains of Theorem 1's proportions (``search.design_proof``): the largest proved scale,
  the smallest refuted scale with the failing claim and its witness;
* on the largest proved domain, certified brackets of ``max S(H)``, ``min chi1`` and
  ``max chi1`` (extremum claims, checked certificates);

and a sweep of ELU's ``alpha`` (0.5 to 3): the certified spectral radius of ``H`` at the
fixed point (attracting when below 1), the entries ``dmu~/dnu`` and ``dnu~/dnu`` of ``H``
there (which decide Theorem 1's proportions at small scales, docs/any_activation.md) and
``chi1`` there.

Writes ``experiments/results/activation_map.json`` (read by ``notebooks/10_prove_any_
activation.ipynb`` and ``docs/any_activation.md``) and the figure
``experiments/figures/activation_map.png``.  Run: ``python experiments/activation_map.py``
(one core; each prover run has a wall-clock budget, so a slower machine may report smaller
proved scales, never a false one).
"""

from __future__ import annotations

import json
import tempfile
import time
from fractions import Fraction
from pathlib import Path

from selu_proof.kernel.activations import parse_activation
from selu_proof.kernel.checker import check_certificate
from selu_proof.kernel.exact import decimal_down, decimal_up, fraction_str
from selu_proof.kernel.specs import parse_spec
from selu_proof.meanfield.activation import activation_mean_field
from selu_proof.search.design_proof import (
    activation_parameters,
    designed_domain,
    prove_design,
)
from selu_proof.search.prover import prove_spec

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results" / "activation_map.json"
FIGURE = ROOT / "figures" / "activation_map.png"
#: wall-clock budget of one prover run (seconds)
RUN_SECONDS = 8.0
ALPHAS = ["0.5", "0.75", "1", "1.25", "1.3", "1.35", "1.4", "1.45", "1.5", "1.6732632423543772",
          "1.75", "2", "2.5", "3"]


def _extrema(params: dict[str, str], scale: Fraction) -> dict[str, list[str] | None]:
    """Certified brackets of max S(H), min chi1 and max chi1 on the designed domain."""
    raw = {"name": "extrema", "parameters": params,
           "domain": designed_domain(Fraction(0), Fraction(1), Fraction(0), Fraction(1), scale),
           "claim": [{"kind": "extremum", "quantity": "norm-H", "sense": "max",
                      "tolerance": "1e-2"},
                     {"kind": "extremum", "quantity": "chi1", "sense": "min",
                      "tolerance": "1e-2"},
                     {"kind": "extremum", "quantity": "chi1", "sense": "max",
                      "tolerance": "1e-2"}]}
    with tempfile.TemporaryDirectory() as tmp:
        results = prove_spec(parse_spec(raw), out_dir=tmp, precision=64,
                             max_seconds=4 * RUN_SECONDS)
        cert = Path(tmp, "extrema.cert.json")
        ok = cert.exists() and check_certificate(json.loads(cert.read_text())).valid
        entries = json.loads(cert.read_text())["claims"] if ok else [None] * 3
    out: dict[str, list[str] | None] = {}
    for name, r, e in zip(("max_norm_H", "min_chi1", "max_chi1"), results, entries):
        out[name] = [e["lower"], e["upper"]] if e is not None and r.status == "proved" else None
    return out


def activation_row(name: str) -> dict:
    """Proved and refuted scales, failing claim, witness and extrema for one activation."""
    spec = parse_activation(name).spec
    params = activation_parameters(spec, Fraction(0), Fraction(1))
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        res = prove_design("", "", Fraction(0), Fraction(1), Fraction(0), Fraction(1),
                           out_dir=tmp, precision=64, max_seconds=RUN_SECONDS,
                           parameters=params)
    refuted = [t for t in res.trials if t.status == "refuted"]
    first = min(refuted, key=lambda t: t.value) if refuted else None
    mf = activation_mean_field(spec, normalize="affine", digits=8)
    row = {"activation": spec, "status": res.status,
           "proved_scale": None if res.scale is None else fraction_str(res.scale),
           "refuted_scale": None if first is None else fraction_str(first.value),
           "failing_claim": None if first is None else first.reason,
           "witness": None if first is None else first.witness,
           "runs": [t.as_dict() for t in res.trials],
           "attracting_at_fixed_point": mf["attracting"],
           "spectral_radius_at_fixed_point": mf["jacobian"]["spectral_radius"],
           "chi1_at_fixed_point": mf["chi1"],
           "dmu_dnu_at_fixed_point": mf["jacobian"]["dmu_dnu"],
           "dnu_dnu_at_fixed_point": mf["jacobian"]["dnu_dnu"]}
    if res.scale is not None:
        row.update(_extrema(params, res.scale))
    row["seconds"] = round(time.monotonic() - t0, 1)
    return row


def alpha_sweep() -> list[dict]:
    """ELU's alpha: certified spectral radius of H and chi1 at the fixed point (0, 1)."""
    out = []
    for a in ALPHAS:
        mf = activation_mean_field(f"elu:alpha={a}", normalize="affine", digits=8)
        out.append({"alpha": a, "attracting": mf["attracting"],
                    "spectral_radius": mf["jacobian"]["spectral_radius"],
                    "dmu_dnu": mf["jacobian"]["dmu_dnu"], "dnu_dnu": mf["jacobian"]["dnu_dnu"],
                    "chi1": mf["chi1"]})
    return out


#: ELU alphas whose Theorem-1-proportioned domains are searched like the catalogue's
DESIGN_ALPHAS = ["1", "1.25", "1.5", "1.75", "2", "2.5", "3"]


def alpha_designs() -> list[dict]:
    """The design search of :func:`activation_row` for ELU at :data:`DESIGN_ALPHAS`."""
    out = []
    for a in DESIGN_ALPHAS:
        params = activation_parameters(f"elu:alpha={a}", Fraction(0), Fraction(1))
        with tempfile.TemporaryDirectory() as tmp:
            res = prove_design("", "", Fraction(0), Fraction(1), Fraction(0), Fraction(1),
                               out_dir=tmp, precision=64, max_seconds=RUN_SECONDS,
                               parameters=params)
        refuted = [t for t in res.trials if t.status == "refuted"]
        out.append({"alpha": a, "status": res.status,
                    "proved_scale": None if res.scale is None else fraction_str(res.scale),
                    "refuted_scale": None if not refuted else
                    fraction_str(min(t.value for t in refuted)),
                    "failing_goal": None if not refuted else
                    min(refuted, key=lambda t: t.value).witness["goal"]})
        print(json.dumps(out[-1]), flush=True)
    return out


def figure(data: dict) -> None:
    """Proved (solid) and refuted (hatched) (mu, nu) boxes per activation, and the sweep."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    rows = data["activations"]
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(11, 4.5))
    cmap = plt.get_cmap("tab10")
    for i, r in enumerate(rows):
        for key, hatch in (("proved_scale", None), ("refuted_scale", "//")):
            if r[key] is None:
                continue
            d = designed_domain(Fraction(0), Fraction(1), Fraction(0), Fraction(1),
                                Fraction(r[key]))
            (m0, m1), (n0, n1) = ([float(x) for x in d["mu"]], [float(x) for x in d["nu"]])
            ax.add_patch(Rectangle((m0, n0), m1 - m0, n1 - n0, fill=hatch is None,
                                   alpha=0.35 if hatch is None else 0.9, hatch=hatch,
                                   edgecolor=cmap(i % 10), facecolor=cmap(i % 10),
                                   label=r["activation"] if key == "proved_scale" else None))
        if r["proved_scale"] is None:
            ax.plot([], [], color=cmap(i % 10), label=f"{r['activation']}: none proved")
    ax.set_xlim(-0.45, 0.45)
    ax.set_ylim(0.1, 3.1)
    ax.set_xlabel("mu")
    ax.set_ylabel("nu")
    ax.set_title("Theorem 1 proved on (mu, nu) boxes (filled), refuted (hatched)")
    ax.legend(fontsize=7, loc="upper left")
    sweep = data["elu_alpha_sweep"]
    alphas = [float(s["alpha"]) for s in sweep]
    bx.plot(alphas, [float(s["spectral_radius"][1]) for s in sweep], "o-",
            label="spectral radius of H at (0, 1)")
    bx.plot(alphas, [float(s["chi1"][1]) for s in sweep], "s-", label="chi1 at (0, 1)")
    bx.axhline(1, color="grey", lw=0.8)
    bx.set_xlabel("ELU alpha (affine-normalized)")
    bx.set_title("ELU alpha sweep (certified upper ends)")
    bx.legend(fontsize=8)
    fig.tight_layout()
    FIGURE.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(FIGURE, dpi=110)


#: the activations the map was run on (the catalogue when it was made; later entries of
#: the catalogue are not in it)
MAPPED = ("selu", "elu", "celu", "relu", "leaky_relu", "gelu", "silu", "mish", "tanh",
          "softplus")


def main() -> None:
    t0 = time.monotonic()
    rows = []
    for name in MAPPED:
        rows.append(activation_row(name))
        print(json.dumps({k: rows[-1][k] for k in ("activation", "status", "proved_scale",
                                                     "refuted_scale", "seconds")}), flush=True)
    data = {"run_seconds_budget": RUN_SECONDS, "activations": rows,
            "elu_alpha_sweep": alpha_sweep(), "elu_alpha_designs": alpha_designs(),
            "seconds": round(time.monotonic() - t0, 1)}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(data, indent=1) + "\n")
    figure(data)


if __name__ == "__main__":
    main()


def markdown_table(data: dict) -> str:
    """The map as the Markdown table of docs/any_activation.md (tests/test_activation_map.py
    holds the page to this).
    """
    lines = ["| activation | proved scale | refuted scale | failing claim at the refuted scale "
             "| radius of H at (0, 1) | chi1 at (0, 1) | max S(H) on the proved domain "
             "| chi1 on the proved domain |", "|---|---|---|---|---|---|---|---|"]

    def iv(x: list[str] | None) -> str:  # 6 digits, rounded outward
        if x is None:
            return "-"
        return f"[{decimal_down(Fraction(x[0]), 6)}, {decimal_up(Fraction(x[1]), 6)}]"

    for r in data["activations"]:
        fail = "-" if r["witness"] is None else f"`{r['witness']['goal']}` fails"
        chi = "-" if r.get("min_chi1") is None else iv([r["min_chi1"][0], r["max_chi1"][1]])
        lines.append(f"| `{r['activation']}` | {r['proved_scale'] or '-'} | "
                     f"{r['refuted_scale'] or '-'} | {fail} | "
                     f"{iv(r['spectral_radius_at_fixed_point'])} | "
                     f"{iv(r['chi1_at_fixed_point'])} | "
                     f"{iv(r.get('max_norm_H'))} | {chi} |")
    return "\n".join(lines)
