"""The map of which catalogue activations self-normalize (Theorem 1 by certified quadrature).

For every catalogue activation (:data:`MAPPED`, the whole catalogue) with its default
parameters, affine-normalized so that ``(0, 1)`` is the fixed point at ``omega = 0``,
``tau = 1``:

* the proof-vs-refutation search of ``selu-proof design --activation NAME --prove`` on
  domains shaped by the Jacobian at the fixed point (:data:`SHAPE`,
  ``search.domain_shape``; Theorem 1's proportions where ``S(H) < 1`` fails at the fixed
  point), and for :data:`THEOREM1_MAPPED` also on Theorem 1's proportions, continued past a
  run that ended by its budget (:func:`activation_row`): the edge in the scale as a bracket
  (:func:`bracket`, tolerance :data:`TOL`) between the largest proved scale and the
  smallest refuted one with its failing claim and witness, or "not refuted up to S" and why;
  every run recorded with its :func:`outcome` (proof, refutation, budget) and counted;
* on the largest proved domain, certified brackets of ``max S(H)``, ``min chi1`` and
  ``max chi1`` (extremum claims, checked certificates);

and a sweep of ELU's ``alpha`` (0.5 to 3): the certified spectral radius of ``H`` at the
fixed point (attracting when below 1), the entries ``dmu~/dnu`` and ``dnu~/dnu`` of ``H``
there (which decide Theorem 1's proportions at small scales, docs/any_activation.md) and
``chi1`` there; and the threshold in ``alpha`` above which ELU's domains of Theorem 1's
proportions are proved, as a bracket from a bisection in ``alpha``
(:func:`alpha_bracket`; ``python experiments/activation_map.py --alpha-bracket 1.5,1.75``
runs only that and merges it into the results).

Writes ``experiments/results/activation_map.json`` (read by ``notebooks/10_prove_any_
activation.ipynb`` and ``docs/any_activation.md``) and the figure
``experiments/figures/activation_map.png``.  Run: ``python experiments/activation_map.py``
(one core; each prover run has a wall-clock budget of :data:`RUN_SECONDS`, so a slower
machine may report smaller proved scales or more runs ended by their budget, never a false
proof or refutation; ``--rows-only`` keeps the ELU ``alpha`` results).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

from selu_proof.files import write_marked_blocks
from selu_proof.kernel.activations import CATALOGUE, parse_activation
from selu_proof.kernel.checker import check_certificate
from selu_proof.kernel.exact import decimal_down, decimal_up, fraction_str
from selu_proof.kernel.model import model_parameters
from selu_proof.kernel.specs import parse_spec
from selu_proof.meanfield.activation import activation_mean_field
from selu_proof.search.design_proof import (
    SMALLEST_SCALE,
    TIME_SPENT,
    activation_key,
    design_shape,
    designed_domain,
    designed_spec,
    prove_design,
)
from selu_proof.search.domain_shape import Widths
from selu_proof.search.edges import Trial, run_trial
from selu_proof.search.prover import BUDGET_SPENT, prove_spec

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results" / "activation_map.json"
FIGURE = ROOT / "figures" / "activation_map.png"
#: wall-clock budget of one prover run of the map (seconds)
RUN_SECONDS = 45.0
#: the bisection tolerance of the map's scale
TOL = Fraction(1, 8)
#: wall-clock budget of one prover run of the ELU ``alpha`` searches (seconds)
ALPHA_RUN_SECONDS = 8.0
#: the shape of the map's domains (``design --prove --shape``)
SHAPE = "activation"
ALPHAS = ["0.5", "0.75", "1", "1.25", "1.3", "1.35", "1.4", "1.45", "1.5", "1.6732632423543772",
          "1.75", "2", "2.5", "3"]


def _widths(shape: dict) -> Widths | None:
    """The ``(mu, nu)`` widths a search used (``DesignProof.shape``); ``None``: Theorem 1's."""
    w = shape.get("widths_per_scale") if shape.get("kind") == "activation" else None
    return None if w is None else Widths(tuple(Fraction(x) for x in w["mu"]),
                                         tuple(Fraction(x) for x in w["nu"]))


def _domain(shape: dict, scale: Fraction) -> dict[str, list[str]]:
    """The domain of scale ``scale`` around ``(0, 1)`` that a search with ``shape`` tried."""
    return designed_domain(Fraction(0), Fraction(1), Fraction(0), Fraction(1), scale,
                           _widths(shape))


def _extrema(model: str, domain: dict[str, list[str]],
             seconds: float = RUN_SECONDS) -> dict[str, list[str] | None]:
    """Certified brackets of max S(H), min chi1 and max chi1 on the designed domain."""
    raw = {"name": "extrema", "parameters": model_parameters(model),
           "domain": domain,
           "claim": [{"kind": "extremum", "quantity": "norm-H", "sense": "max",
                      "tolerance": "1e-2"},
                     {"kind": "extremum", "quantity": "chi1", "sense": "min",
                      "tolerance": "1e-2"},
                     {"kind": "extremum", "quantity": "chi1", "sense": "max",
                      "tolerance": "1e-2"}]}
    with tempfile.TemporaryDirectory() as tmp:
        results = prove_spec(parse_spec(raw), out_dir=tmp, precision=64,
                             max_seconds=seconds)
        cert = Path(tmp, "extrema.cert.json")
        ok = cert.exists() and check_certificate(json.loads(cert.read_text())).valid
        entries = json.loads(cert.read_text())["claims"] if ok else [None] * 3
    out: dict[str, list[str] | None] = {}
    for name, r, e in zip(("max_norm_H", "min_chi1", "max_chi1"), results, entries):
        out[name] = [e["lower"], e["upper"]] if e is not None and r.status == "proved" else None
    return out


def outcome(trial: Trial) -> str:
    """How one prover run ended: ``"proof"``, ``"refutation"`` (a certified witness),
    ``"budget"`` (its wall-clock or box budget ran out), ``"unsupported"`` (the domain of that
    scale leaves the supported domain; no run) or ``"undecided"`` (a box at the minimum width
    stayed undecided).  A run ended by its budget is never a refutation.
    """
    if trial.status == "proved":
        return "proof"
    if trial.status == "refuted":
        return "refutation"
    if BUDGET_SPENT in trial.reason or TIME_SPENT in trial.reason:
        return "budget"
    if "not a supported specification" in trial.reason:
        return "unsupported"
    return "undecided"


def bracket(runs: list[dict], tol: Fraction) -> dict:
    """The edge in the scale from a search's runs (each with ``value`` and ``outcome``).

    ``proved``: the largest proved scale; ``refuted``: the smallest refuted one (certified
    witness); ``edge``: ``"bracketed"`` (both, at most ``tol`` apart), ``"not refuted"``
    (no refutation: ``because`` says ``"budget"`` when a run above the proved scale ended by
    its budget or stayed undecided, ``"domain end"`` when the runs above it left the supported
    domain or the search reached it), ``"refuted at the smallest scale"`` (none proved) or
    ``"open"`` (a proof and a refutation further apart than ``tol``, the runs between them
    ended by their budget).  ``budget_from``: the smallest scale above the proved one whose
    run ended by its budget (or undecided), if any.
    """
    proved = [Fraction(r["value"]) for r in runs if r["outcome"] == "proof"]
    refuted = [Fraction(r["value"]) for r in runs if r["outcome"] == "refutation"]
    p = max(proved) if proved else None
    q = min(refuted) if refuted else None
    out: dict = {"proved": None if p is None else fraction_str(p),
                 "refuted": None if q is None else fraction_str(q),
                 "tolerance": fraction_str(tol), "because": None}
    above = [r["outcome"] for r in runs if p is None or Fraction(r["value"]) > p]
    budget = [Fraction(r["value"]) for r in runs if r["outcome"] in ("budget", "undecided")
              and (p is None or Fraction(r["value"]) > p)]
    out["budget_from"] = fraction_str(min(budget)) if budget else None
    if p is None:
        out["edge"] = "refuted at the smallest scale" if q is not None else "open"
        out["because"] = None if q is not None else (above[0] if above else None)
    elif q is not None:
        out["edge"] = "bracketed" if q - p <= tol else "open"
    else:
        out["edge"] = "not refuted"
        out["because"] = "budget" if {"budget", "undecided"} & set(above) else "domain end"
    return out


def _refine(trials: list[Trial], model: str, widths: Widths | None,
            seconds: float, tol: Fraction) -> list[Trial]:
    """Further runs of the design search's domains that bisect the scale between the largest
    proof and the smallest run above it that is not a proof (ended by its budget, undecided
    or refuted) until they are at most ``tol`` apart: the design search stops growing at a
    run ended by its budget, and a smaller domain costs less, so the edge may still decide.
    """
    proved = max(t.value for t in trials if t.status == "proved")
    above = [t.value for t in trials if t.value > proved and outcome(t) in
             ("budget", "undecided", "refutation")]
    if not above:
        return []
    lo, hi, out = proved, min(above), []
    while hi - lo > tol:
        mid = (lo + hi) / 2
        spec = designed_spec(model, Fraction(0), Fraction(1), Fraction(0), Fraction(1), mid,
                             widths)
        t = run_trial(spec, precision=64, max_boxes=200_000, max_seconds=seconds)
        t.value = mid
        out.append(t)
        print(f"  refine scale {fraction_str(mid)}: {outcome(t)} ({t.boxes} boxes, "
              f"{t.seconds:.1f} s)", file=sys.stderr, flush=True)
        lo, hi = (mid, hi) if t.status == "proved" else (lo, mid)
    return out


def _search(spec: str, shape: str, seconds: float, tol: Fraction, label: str):
    """The design search of :func:`activation_row` for the activation ``spec``: its model
    key, result, every prover run (:func:`_refine` included) as trials and as records with
    their :func:`outcome`, and the refuted run of the smallest scale (``None``: none).
    """
    model = activation_key(spec, Fraction(0), Fraction(1))
    with tempfile.TemporaryDirectory() as tmp:
        res = prove_design(model, Fraction(0), Fraction(1), Fraction(0), Fraction(1),
                           out_dir=tmp, precision=64, max_seconds=seconds, tol=tol,
                           shape=shape,
                           progress=lambda t: print(f"  {label} {shape} scale "
                                                    f"{fraction_str(t.value)}: {outcome(t)} "
                                                    f"({t.boxes} boxes, {t.seconds:.1f} s)",
                                                    file=sys.stderr, flush=True))
    trials = list(res.trials)
    if res.scale is not None:
        trials += _refine(trials, model, _widths(res.shape), seconds, tol)
    runs = [t.as_dict() | {"outcome": outcome(t)} for t in trials]
    refuted = [t for t in trials if t.status == "refuted"]
    return model, res, trials, runs, min(refuted, key=lambda t: t.value) if refuted else None


def activation_row(name: str, shape: str = SHAPE, *, seconds: float = RUN_SECONDS,
                   tol: Fraction = TOL) -> dict:
    """The edge of Theorem 1's claims in the scale for one activation, as a bracket.

    The design search (``design --prove``: grow the scale from 1/16 by doubling steps, then
    bisect between the largest proved and the smallest refuted scale to ``tol``), then
    :func:`_refine` past a run ended by its budget; each prover run at 64 bits with a
    budget of ``seconds`` (recorded as ``run_seconds_budget``); every run is recorded with its
    :func:`outcome`, the edge with :func:`bracket`; and the certified extrema on the largest
    proved domain.
    """
    spec = parse_activation(name).spec
    t0 = time.monotonic()
    model, res, trials, runs, first = _search(spec, shape, seconds, tol, name)
    scale = max((t.value for t in trials if t.status == "proved"), default=None)
    if scale is not None:
        res.domain = _domain(res.shape, scale)
    mf = activation_mean_field(spec, normalize="affine", digits=8, search=False)
    row = {"activation": spec, "status": res.status, "shape": res.shape,
           "run_seconds_budget": seconds,
           "reason": res.reason if res.status == "unknown" else None,
           "proved_scale": None if scale is None else fraction_str(scale),
           "refuted_scale": None if first is None else fraction_str(first.value),
           "bracket": bracket(runs, tol),
           "proved_domain": res.domain or None,
           "refuted_domain": None if first is None else _domain(res.shape, first.value),
           "failing_claim": None if first is None else first.reason,
           "witness": None if first is None else first.witness,
           "runs": runs,
           "attracting_at_fixed_point": mf["attracting"],
           "spectral_radius_at_fixed_point": mf["jacobian"]["spectral_radius"],
           "chi1_at_fixed_point": mf["chi1"],
           "dmu_dnu_at_fixed_point": mf["jacobian"]["dmu_dnu"],
           "dnu_dnu_at_fixed_point": mf["jacobian"]["dnu_dnu"]}
    if scale is not None:
        row.update(_extrema(model, res.domain, seconds))
    row["seconds"] = round(time.monotonic() - t0, 1)
    return row


def alpha_sweep() -> list[dict]:
    """ELU's alpha: certified spectral radius of H and chi1 at the fixed point (0, 1)."""
    out = []
    for a in ALPHAS:
        mf = activation_mean_field(f"elu:alpha={a}", normalize="affine", digits=8, search=False)
        out.append({"alpha": a, "attracting": mf["attracting"],
                    "spectral_radius": mf["jacobian"]["spectral_radius"],
                    "dmu_dnu": mf["jacobian"]["dmu_dnu"], "dnu_dnu": mf["jacobian"]["dnu_dnu"],
                    "chi1": mf["chi1"]})
    return out


#: ELU alphas whose Theorem-1-proportioned domains are searched like the catalogue's
DESIGN_ALPHAS = ["1", "1.25", "1.5", "1.75", "2", "2.5", "3"]


def alpha_designs(shape: str = "theorem1", seconds: float = RUN_SECONDS) -> list[dict]:
    """The design search of :func:`activation_row` (its growth, bisection and
    :func:`_refine`, the map's budget per run) for ELU at :data:`DESIGN_ALPHAS`: the edge in
    the scale as a :func:`bracket` for each ``alpha``.
    """
    out = []
    for a in DESIGN_ALPHAS:
        _, res, _, runs, first = _search(f"elu:alpha={a}", shape, seconds, TOL,
                                         f"elu:alpha={a}")
        b = bracket(runs, TOL)
        out.append({"alpha": a, "shape": shape, "status": res.status,
                    "run_seconds_budget": seconds,
                    "proved_scale": b["proved"], "refuted_scale": b["refuted"],
                    "bracket": b, "runs": runs,
                    "failing_goal": None if first is None else first.witness["goal"]})
        print(json.dumps({k: v for k, v in out[-1].items() if k != "runs"}), flush=True)
    return out


def _elu_trial(alpha: Fraction, shape: str, scale: Fraction, seconds: float) -> dict:
    """One prover run of Theorem 1's claims for affine ELU(``alpha``) on the domain of
    ``scale`` and ``shape`` around ``(0, 1)``: ``{"alpha", "status", "boxes", "seconds"}``.
    """
    model = activation_key(f"elu:alpha={fraction_str(alpha)}", Fraction(0), Fraction(1))
    widths = None
    if shape == "activation":
        shaped = design_shape(model, Fraction(0), Fraction(1), Fraction(0), Fraction(1), 64)
        widths = shaped.widths if shaped.status == "shaped" else None
    spec = designed_spec(model, Fraction(0), Fraction(1), Fraction(0), Fraction(1), scale,
                         widths)
    t = run_trial(spec, precision=64, max_seconds=seconds)
    out = {"alpha": fraction_str(alpha), "status": t.status, "boxes": t.boxes,
           "seconds": round(t.seconds, 2)}
    if t.witness:
        out["failing_goal"] = t.witness["goal"]
    print(json.dumps(out), flush=True)
    return out


def first_order_threshold(width: Fraction = Fraction(1, 10**4)) -> list[str]:
    """Bracket of the ``alpha`` where ELU's certified ``dnu~/dnu`` at the fixed point crosses
    0.8, the first-order limit of Theorem 1's lower variance bound (docs/any_activation.md):
    a bisection on which side the certified slope lies, from ``[1.25, 1.75]``.
    """
    def slope_below(a: Fraction) -> bool | None:
        model = activation_key(f"elu:alpha={fraction_str(a)}", Fraction(0), Fraction(1))
        lo, hi = (Fraction(x) for x in design_shape(
            model, Fraction(0), Fraction(1), Fraction(0), Fraction(1),
            128).info["jacobian_H"][1][1])
        return True if hi < Fraction(4, 5) else False if lo > Fraction(4, 5) else None

    lo, hi = Fraction(5, 4), Fraction(7, 4)
    while hi - lo > width:
        mid = (lo + hi) / 2
        side = slope_below(mid)
        if side is None:
            break
        lo, hi = (lo, mid) if side else (mid, hi)
    return [fraction_str(lo), fraction_str(hi)]


def alpha_bracket(unproved: str, proved: str, width: str = "0.001", *,
                  shape: str = "theorem1", scale: Fraction = SMALLEST_SCALE,
                  seconds: float = ALPHA_RUN_SECONDS) -> dict:
    """The ELU ``alpha`` threshold as a bracket ``[alpha_unproved, alpha_proved]``.

    Bisection in ``alpha`` (exact decimal midpoints) between a value whose claims are not
    proved (refuted, or unknown within ``seconds``) and a proved one, on the domain of
    ``scale`` and ``shape`` around the fixed point ``(0, 1)`` of the affine-normalized ELU,
    until the bracket is at most ``width`` wide.  Both ends are run first; an end on the
    wrong side raises ``ValueError``.  The proved end is a proof; the other is a refutation
    only when its status says ``refuted`` (the threshold need not be sharp: a larger budget
    may move it down).
    """
    lo, hi, w = Fraction(unproved), Fraction(proved), Fraction(width)
    runs = [_elu_trial(lo, shape, scale, seconds), _elu_trial(hi, shape, scale, seconds)]
    if runs[0]["status"] == "proved" or runs[1]["status"] != "proved":
        raise ValueError(f"alpha = {unproved} must not be proved and alpha = {proved} must be "
                         f"(got {runs[0]['status']}, {runs[1]['status']})")
    lo_status = runs[0]["status"]
    while abs(hi - lo) > w:
        mid = (lo + hi) / 2
        runs.append(_elu_trial(mid, shape, scale, seconds))
        if runs[-1]["status"] == "proved":
            hi = mid
        else:
            lo, lo_status = mid, runs[-1]["status"]
    return {"shape": shape, "scale": fraction_str(scale), "width": width,
            "run_seconds_budget": seconds,
            "bracket": [fraction_str(lo), fraction_str(hi)], "unproved_status": lo_status,
            "first_order_threshold": first_order_threshold(), "runs": runs}


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
        for key, hatch in (("proved_domain", None), ("refuted_domain", "//")):
            d = r.get(key)
            if d is None:
                continue
            (m0, m1), (n0, n1) = ([float(x) for x in d["mu"]], [float(x) for x in d["nu"]])
            ax.add_patch(Rectangle((m0, n0), m1 - m0, n1 - n0, fill=hatch is None,
                                   alpha=0.35 if hatch is None else 0.9, hatch=hatch,
                                   edgecolor=cmap(i % 10), facecolor=cmap(i % 10),
                                   label=r["activation"].split(":")[0]
                                   if key == "proved_domain" else None))
    boxes = [r[k] for r in rows for k in ("proved_domain", "refuted_domain") if r.get(k)]
    m = max(abs(float(x)) for d in boxes for x in d["mu"])
    ax.set_xlim(-1.05 * m, 1.05 * m)
    ax.set_ylim(min(float(d["nu"][0]) for d in boxes) - 0.05,
                max(float(d["nu"][1]) for d in boxes) + 0.05)
    ax.set_xlabel("mu")
    ax.set_ylabel("nu")
    ax.set_title("Theorem 1 proved on (mu, nu) boxes (filled), refuted (hatched)")
    ax.legend(fontsize=6, loc="upper left", ncol=2)
    sweep = data["elu_alpha_sweep"]
    alphas = [float(s["alpha"]) for s in sweep]
    bx.plot(alphas, [float(s["spectral_radius"][1]) for s in sweep], "o-",
            label="spectral radius of H at (0, 1)")
    bx.plot(alphas, [float(s["chi1"][1]) for s in sweep], "s-", label="chi1 at (0, 1)")
    bx.axhline(1, color="grey", lw=0.8)
    bracket = data.get("elu_alpha_bracket")
    if bracket is not None:
        lo, hi = (float(x) for x in bracket["bracket"])
        bx.axvspan(lo, hi, color="tab:red", alpha=0.3,
                   label="Theorem 1's proportions proved from here")
    bx.set_xlabel("ELU alpha (affine-normalized)")
    bx.set_title("ELU alpha sweep (certified upper ends)")
    bx.legend(fontsize=8)
    fig.tight_layout()
    FIGURE.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(FIGURE, dpi=110)


#: the activations the map is run on: the whole catalogue
MAPPED = tuple(CATALOGUE)
#: the activations also mapped on Theorem 1's proportions (``--shape theorem1``)
THEOREM1_MAPPED = ("selu", "tanh")


def outcome_counts(data: dict) -> dict[str, int]:
    """How many prover runs of the map (both shapes) ended by each :func:`outcome`."""
    counts: dict[str, int] = {}
    for r in data["activations"] + data.get("theorem1_activations", []):
        for run in r["runs"]:
            counts[run["outcome"]] = counts.get(run["outcome"], 0) + 1
    return dict(sorted(counts.items()))


#: the page that shows the map (:func:`write_page`)
PAGE = ROOT.parent / "docs" / "any_activation.md"


def write_page(data: dict) -> None:
    """Write the map's tables (:func:`markdown_table`), how its runs ended
    (:func:`runs_text`), ELU's design searches
    (:func:`designs_text`) and its ``alpha`` bracket (:func:`bracket_text`) into the marked
    blocks of :data:`PAGE`.
    """
    write_marked_blocks(PAGE, {"map": markdown_table(data),
                               "map-theorem1": markdown_table(data, "theorem1_activations"),
                               "runs": runs_text(data), "designs": designs_text(data),
                               "bracket": bracket_text(data)})


def main(argv: list[str] | None = None) -> None:
    import argparse

    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--alpha-bracket", metavar="UNPROVED,PROVED", default=None,
                   help="only bisect ELU's alpha between these (alpha_bracket) and merge the "
                   "bracket into the results")
    p.add_argument("--width", default="0.001", help="width of the alpha bracket (default 0.001)")
    p.add_argument("--shape", choices=("theorem1", "activation"), default="theorem1",
                   help="domain shape of the alpha bracket (default theorem1)")
    p.add_argument("--rows-only", action="store_true",
                   help="only recompute the catalogue's rows; keep the ELU alpha results")
    p.add_argument("--rows", metavar="NAME[,NAME...]", default=None,
                   help="only recompute these catalogue rows (on --row-shape, with --seconds "
                   "per prover run) and merge them into the results")
    p.add_argument("--row-shape", choices=("theorem1", "activation"), default=SHAPE,
                   help=f"domain shape of the rows of --rows (default {SHAPE})")
    p.add_argument("--alpha-designs", action="store_true",
                   help="only rerun ELU's design searches at DESIGN_ALPHAS (with --seconds) and "
                   "merge them into the results")
    p.add_argument("--seconds", type=float, default=RUN_SECONDS,
                   help=f"wall-clock budget of one prover run (default {RUN_SECONDS:g})")
    p.add_argument("--write-page", action="store_true",
                   help="only write the committed results' tables and sentences into "
                   "docs/any_activation.md")
    args = p.parse_args(argv)
    if args.write_page:
        write_page(json.loads(RESULTS.read_text()))
        return
    if args.seconds <= 0:
        p.error("--seconds must be positive")
    if args.rows is not None or args.alpha_designs:
        names = [] if args.rows is None else args.rows.split(",")
        for name in names:
            if name not in CATALOGUE:
                p.error(f"unknown catalogue activation {name!r}")
        key = "activations" if args.row_shape == SHAPE else "theorem1_activations"
        rows = []
        for name in names:
            rows.append(activation_row(name, args.row_shape, seconds=args.seconds))
            print(json.dumps(rows[-1]), flush=True)
        designs = alpha_designs(seconds=args.seconds) if args.alpha_designs else None
        data = json.loads(RESULTS.read_text())  # read last: other runs may have merged rows
        for row in rows:
            data[key] = [row if r["activation"] == row["activation"] else r
                         for r in data[key]]
        if designs is not None:
            data["elu_alpha_designs"] = designs
        data["runs_by_outcome"] = outcome_counts(data)
        RESULTS.write_text(json.dumps(data, indent=1) + "\n")
        figure(data)
        return
    if args.alpha_bracket is not None:
        unproved, proved = args.alpha_bracket.split(",")
        data = json.loads(RESULTS.read_text())
        data["elu_alpha_bracket"] = alpha_bracket(unproved, proved, args.width,
                                                  shape=args.shape)
        RESULTS.write_text(json.dumps(data, indent=1) + "\n")
        figure(data)
        return
    t0 = time.monotonic()
    rows = []
    for shape, names in ((SHAPE, MAPPED), ("theorem1", THEOREM1_MAPPED)):
        for name in names:
            rows.append(activation_row(name, shape))
            print(json.dumps(rows[-1]), flush=True)
    data = {"run_seconds_budget": RUN_SECONDS, "tolerance": fraction_str(TOL), "shape": SHAPE,
            "activations": rows[:len(MAPPED)], "theorem1_activations": rows[len(MAPPED):],
            "alpha_run_seconds_budget": ALPHA_RUN_SECONDS}
    if args.rows_only:
        old = json.loads(RESULTS.read_text())
        data.update({k: old[k] for k in ("elu_alpha_sweep", "elu_alpha_designs",
                                         "elu_alpha_bracket") if k in old})
        data["rows_seconds"] = round(time.monotonic() - t0, 1)
    else:
        data.update({"elu_alpha_sweep": alpha_sweep(),
                     "elu_alpha_designs": alpha_designs(seconds=RUN_SECONDS),
                     "elu_alpha_bracket": alpha_bracket("1.5", "1.75", "0.001"),
                     "seconds": round(time.monotonic() - t0, 1)})
    data["runs_by_outcome"] = outcome_counts(data)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(data, indent=1) + "\n")
    figure(data)



def edge_text(b: dict) -> str:
    """The edge column of :func:`markdown_table` for a row's :func:`bracket`."""
    if b["edge"] == "not refuted":
        return f"not refuted up to {b['proved']} ({b['because']})"
    if b["edge"] == "bracketed":
        return f"in [{b['proved']}, {b['refuted']}]"
    if b["edge"] == "open" and b["proved"] is not None:
        return (f"in [{b['proved']}, {b['refuted']}], open: the run at {b['budget_from']} "
                "ended by its budget")
    return b["edge"]


def markdown_table(data: dict, key: str = "activations") -> str:
    """The map (``data[key]``) as a Markdown table of docs/any_activation.md
    (tests/test_activation_map.py holds the page to this).
    """
    lines = ["| activation | shape | proved scale | refuted scale | edge | proved (mu, nu) box "
             "| failing claim at the refuted scale "
             "| radius of H at (0, 1) | chi1 at (0, 1) | max S(H) on the proved domain "
             "| chi1 on the proved domain |", "|---|---|---|---|---|---|---|---|---|---|---|"]

    def iv(x: list[str] | None) -> str:  # 6 digits, rounded outward
        if x is None:
            return "-"
        return f"[{decimal_down(Fraction(x[0]), 6)}, {decimal_up(Fraction(x[1]), 6)}]"

    for r in data[key]:
        fail = "-" if r["witness"] is None else f"`{r['witness']['goal']}` fails"
        chi = "-" if r.get("min_chi1") is None else iv([r["min_chi1"][0], r["max_chi1"][1]])
        box = "-" if not r.get("proved_domain") else \
            " x ".join(f"[{', '.join(r['proved_domain'][k])}]" for k in ("mu", "nu"))
        shape = r.get("shape", {"kind": "theorem1"})["kind"]
        edge = edge_text(r["bracket"])
        budget = r.get("run_seconds_budget", data["run_seconds_budget"])
        if budget != data["run_seconds_budget"]:
            edge += f" ({budget:g} s per run)"
        lines.append(f"| `{r['activation']}` | {shape} | {r['proved_scale'] or '-'} | "
                     f"{r['refuted_scale'] or '-'} | {edge} | {box} | "
                     f"{fail} | {iv(r['spectral_radius_at_fixed_point'])} | "
                     f"{iv(r['chi1_at_fixed_point'])} | "
                     f"{iv(r.get('max_norm_H'))} | {chi} |")
    return "\n".join(lines)


def runs_text(data: dict) -> str:
    """How the map's prover runs ended, and the rows run with a budget other than the map's,
    as the sentence of docs/any_activation.md (tests/test_activation_map.py holds the page
    to this).
    """
    counts = data["runs_by_outcome"]
    parts = [f"{n} {'ended ' if i == 0 else ''}by "
             f"{'a ' if k in ('proof', 'refutation') else ''}"
             f"{k if k != 'budget' else 'their budget'}"
             for i, (k, n) in enumerate(sorted(counts.items(), key=lambda kv: -kv[1]))]
    ended = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    where = {"activation": "shaped", "theorem1": "on Theorem 1's proportions"}
    other = [f"`{r['activation'].split(':')[0]}` {where[r['shape']['kind']]} "
             f"({r['run_seconds_budget']:g} s)"
             for r in data["activations"] + data["theorem1_activations"]
             if r.get("run_seconds_budget", data["run_seconds_budget"])
             != data["run_seconds_budget"]]
    out = f"Of the map's {sum(counts.values())} prover runs, {ended}."
    if other:
        out += (f" Rerun with a larger budget per prover run (`--rows NAME --seconds S`): "
                f"{', '.join(other)}.")
    return out


def designs_text(data: dict) -> str:
    """ELU's design searches at :data:`DESIGN_ALPHAS` as the sentence of
    docs/any_activation.md (tests/test_activation_map.py holds the page to this).
    """
    rows = data["elu_alpha_designs"]
    refuted = [r for r in rows if r["bracket"]["edge"] == "refuted at the smallest scale"]
    proved = [r for r in rows if r["proved_scale"] is not None]
    budgets = sorted({r["run_seconds_budget"] for r in rows})

    def edge(r: dict) -> str:
        b = r["bracket"]
        if b["edge"] == "bracketed":
            return f"`alpha = {r['alpha']}` in `[{b['proved']}, {b['refuted']}]`"
        return f"`alpha = {r['alpha']}` {edge_text(b)}"
    return (f"On Theorem 1's proportions the design search refutes `alpha` = "
            f"{', '.join(r['alpha'] for r in refuted)} at scale 1/16 and proves "
            f"{', '.join(r['alpha'] for r in proved)}, each with the edge in the scale "
            f"({', '.join(f'{b:g}' for b in budgets)} s per prover run): "
            f"{'; '.join(edge(r) for r in proved)}.")


def bracket_text(data: dict) -> str:
    """The ELU ``alpha`` bracket as the line of docs/any_activation.md
    (tests/test_activation_map.py holds the page to this).
    """
    b = data["elu_alpha_bracket"]
    lo, hi = b["bracket"]
    fail = next(r for r in b["runs"] if r["alpha"] == lo)
    how = (f"refuted at `alpha = {lo}` (`{fail['failing_goal']}` fails, certified witness)"
           if b["unproved_status"] == "refuted" else f"not proved at `alpha = {lo}` "
           f"({b['unproved_status']} within the budget)")
    f_lo, f_hi = b["first_order_threshold"]
    return (f"`alpha` in `[{lo}, {hi}]`: {how}, proved at `alpha = {hi}`; first-order limit "
            f"(`dnu~/dnu = 0.8` at the fixed point, bisected on the certified slope) in "
            f"`[{f_lo}, {f_hi}]`")


if __name__ == "__main__":
    main()
