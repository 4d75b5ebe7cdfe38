"""The activation map (experiments/results/activation_map.json) and its page agree, and its
refutations are real: each witness re-evaluated in ball arithmetic violates its claim.
"""

from __future__ import annotations

import importlib.util
import json
from fractions import Fraction
from pathlib import Path

import pytest
from flint import ctx

from selu_proof.kernel import forms
from selu_proof.kernel.exact import lower_fraction
from selu_proof.kernel.model import model_of
from selu_proof.kernel.specs import parse_spec

ROOT = Path(__file__).resolve().parent.parent
DATA = json.loads((ROOT / "experiments" / "results" / "activation_map.json").read_text())


def _script():
    spec = importlib.util.spec_from_file_location("activation_map",
                                                  ROOT / "experiments" / "activation_map.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_page_table_is_the_committed_map():
    page = (ROOT / "docs" / "any_activation.md").read_text(encoding="utf-8")
    block = page.split("<!-- map:start -->", 1)[1].split("<!-- map:end -->", 1)[0]
    assert block.strip() == _script().markdown_table(DATA).strip()


def test_page_theorem1_table_is_the_committed_map():
    page = (ROOT / "docs" / "any_activation.md").read_text(encoding="utf-8")
    block = page.split("<!-- map-theorem1:start -->", 1)[1].split("<!-- map-theorem1:end -->",
                                                                   1)[0]
    assert block.strip() == _script().markdown_table(DATA, "theorem1_activations").strip()


def test_map_covers_its_activations_and_matches_the_mean_field():
    from selu_proof.kernel.activations import CATALOGUE

    rows = {r["activation"].split(":")[0]: r for r in DATA["activations"]}
    assert set(rows) == set(_script().MAPPED) == set(CATALOGUE)
    for name, r in rows.items():  # proved only where it attracts, on a shaped domain
        if r["status"] == "proved":
            assert r["attracting_at_fixed_point"], name
            assert r["shape"]["kind"] == "activation", name
    assert {n for n, r in rows.items() if r["status"] == "proved"} == {
        "selu", "elu", "celu", "tanh", "sigmoid", "softsign", "hardtanh", "erf", "atan", "asinh"}
    # attracting, but S(H) > 1 at the fixed point (ReLU6) or on the smallest shaped domain
    assert rows["relu6"]["attracting_at_fixed_point"] and rows["relu6"]["status"] == "refuted"
    assert rows["hardsigmoid"]["shape"]["kind"] == "activation"
    assert rows["hardsigmoid"]["refuted_scale"] == "0.0625"
    for name in ("relu", "leaky_relu", "gelu", "silu", "mish", "softplus"):
        assert rows[name]["status"] == "refuted"
        assert rows[name]["refuted_scale"] == "0.0625"
        assert rows[name]["witness"]["goal"] == "S(H) < 1"
    for name in ("gelu", "silu", "mish", "softplus"):  # repelling: radius certified > 1
        assert Fraction(rows[name]["spectral_radius_at_fixed_point"][0]) > 1


def _all_rows():
    return DATA["activations"] + DATA["theorem1_activations"]


@pytest.mark.parametrize("row", _all_rows(),
                         ids=lambda r: f"{r['activation'].split(':')[0]}-{r['shape']['kind']}")
def test_each_bracket_is_read_off_its_runs(row):
    """The proved end is the largest proof, the refuted end the smallest refutation (never a
    run ended by its budget), a bracket is at most the tolerance wide, and "not refuted"
    names why.
    """
    runs, b = row["runs"], row["bracket"]
    assert all(r["outcome"] in {"proof", "refutation", "budget", "unsupported", "undecided"}
               for r in runs)
    assert all((r["outcome"] == "refutation") == (r["status"] == "refuted") for r in runs)
    assert all((r["outcome"] == "proof") == (r["status"] == "proved") for r in runs)
    proofs = [Fraction(r["value"]) for r in runs if r["outcome"] == "proof"]
    refutations = [Fraction(r["value"]) for r in runs if r["outcome"] == "refutation"]
    assert (b["proved"] is None) == (row["proved_scale"] is None) == (not proofs)
    if proofs:
        assert Fraction(b["proved"]) == max(proofs) == Fraction(row["proved_scale"])
    assert (b["refuted"] is None) == (not refutations)
    if refutations:
        assert Fraction(b["refuted"]) == min(refutations) == Fraction(row["refuted_scale"])
    if b["edge"] == "bracketed":
        assert 0 < Fraction(b["refuted"]) - Fraction(b["proved"]) <= Fraction(b["tolerance"])
    if b["edge"] == "not refuted":
        above = {r["outcome"] for r in runs if Fraction(r["value"]) > max(proofs)}
        assert b["because"] == ("budget" if above & {"budget", "undecided"} else "domain end")


def test_runs_by_outcome_counts_every_run():
    assert DATA["runs_by_outcome"] == _script().outcome_counts(DATA)
    assert sum(DATA["runs_by_outcome"].values()) == sum(len(r["runs"]) for r in _all_rows())


def test_theorem1_proportions_reach_the_targets():
    """On Theorem 1's proportions SELU is proved up to scale 1 at least, tanh up to 2."""
    rows = {r["activation"].split(":")[0]: r for r in DATA["theorem1_activations"]}
    assert set(rows) == set(_script().THEOREM1_MAPPED) == {"selu", "tanh"}
    assert all(r["shape"]["kind"] == "theorem1" for r in rows.values())
    assert Fraction(rows["selu"]["proved_scale"]) >= 1
    assert Fraction(rows["tanh"]["proved_scale"]) >= 2


def test_outcome_and_bracket_of_runs():
    """A run ended by its budget is 'budget', never a refutation; the bracket says why an
    edge was not refuted.
    """
    from selu_proof.search.design_proof import TIME_SPENT
    from selu_proof.search.edges import Trial
    from selu_proof.search.prover import BUDGET_SPENT

    m = _script()
    assert m.outcome(Trial(Fraction(1), "unknown", 9, 45.0,
                           reason=f"claim spectral_norm_below: {BUDGET_SPENT}")) == "budget"
    assert m.outcome(Trial(Fraction(1), "unknown", 0, 0.0, reason=TIME_SPENT)) == "budget"
    assert m.outcome(Trial(Fraction(1), "unknown", 0, 0.0,
                           reason="not a supported specification: nu")) == "unsupported"
    assert m.outcome(Trial(Fraction(1), "refuted", 3, 1.0)) == "refutation"
    tol = Fraction(1, 8)

    def runs(*pairs):
        return [{"value": v, "outcome": o} for v, o in pairs]

    b = m.bracket(runs(("1/16", "proof"), ("3/16", "proof"), ("7/16", "budget")), tol)
    assert (b["proved"], b["refuted"], b["edge"], b["because"]) == \
        ("0.1875", None, "not refuted", "budget")
    b = m.bracket(runs(("1/16", "proof"), ("2", "unsupported")), tol)
    assert (b["edge"], b["because"]) == ("not refuted", "domain end")
    b = m.bracket(runs(("1/16", "proof"), ("1", "refutation"), ("15/16", "proof")), tol)
    assert (b["proved"], b["refuted"], b["edge"]) == ("0.9375", "1", "bracketed")
    b = m.bracket(runs(("1/16", "proof"), ("1", "refutation"), ("1/2", "budget")), tol)
    assert b["edge"] == "open"
    assert m.bracket(runs(("1/16", "refutation")), tol)["edge"] == \
        "refuted at the smallest scale"


@pytest.mark.parametrize("row", [r for r in DATA["activations"] if r["witness"]],
                         ids=lambda r: r["activation"])
def test_each_refutation_witness_violates_its_claim(row):
    from selu_proof.kernel.model import model_parameters
    from selu_proof.search.design_proof import activation_key

    w = row["witness"]
    spec = parse_spec({"name": "w", "parameters": model_parameters(activation_key(
        row["activation"], Fraction(0), Fraction(1))),
        "domain": {k: [w[k], w[k]] for k in ("mu", "omega", "nu", "tau")},
        "claim": [{"kind": "maps_into"}]})
    key = {"S(H) < 1": "S(H)", "mu~ < mu_hi": "mean", "mu~ > mu_lo": "-mean",
           "nu~ < nu_hi": "var", "nu~ > nu_lo": "-var"}[w["goal"]]
    bound = Fraction(w["bound"])
    with ctx.workprec(64):
        value = forms.natural(key, spec.domain, model_of(spec.model, 64))
        low = lower_fraction(value)
    assert low is not None and low >= bound, (row["activation"], value, bound)


def test_page_states_the_committed_alpha_bracket():
    page = (ROOT / "docs" / "any_activation.md").read_text(encoding="utf-8")
    block = page.split("<!-- bracket:start -->", 1)[1].split("<!-- bracket:end -->", 1)[0]
    assert block.strip() == _script().bracket_text(DATA).strip()


@pytest.mark.parametrize("marker, writer", [("designs", "designs_text"), ("runs", "runs_text")])
def test_page_states_the_committed_sentences(marker, writer):
    page = (ROOT / "docs" / "any_activation.md").read_text(encoding="utf-8")
    block = page.split(f"<!-- {marker}:start -->", 1)[1].split(f"<!-- {marker}:end -->", 1)[0]
    assert block.strip() == getattr(_script(), writer)(DATA)


def test_alpha_designs_are_brackets_read_off_their_runs():
    """ELU's design rows: each edge read off its own runs, every run at the recorded budget."""
    script = _script()
    for r in DATA["elu_alpha_designs"]:
        assert r["bracket"] == script.bracket(r["runs"], Fraction(r["bracket"]["tolerance"]))
        assert r["proved_scale"] == r["bracket"]["proved"]
        assert all(run["seconds"] <= r["run_seconds_budget"] + 1 for run in r["runs"])


def test_alpha_bracket_is_a_bisection_between_a_refutation_and_a_proof():
    """The ends are runs of the right status, the bracket is at most its width, it lies
    above the first-order limit and below SELU's alpha_01 (1.6733), and every run of the
    bisection is on its side of the bracket.
    """
    b = DATA["elu_alpha_bracket"]
    lo, hi = (Fraction(x) for x in b["bracket"])
    runs = {Fraction(r["alpha"]): r["status"] for r in b["runs"]}
    assert runs[lo] == b["unproved_status"] == "refuted" and runs[hi] == "proved"
    assert 0 < hi - lo <= Fraction(b["width"])
    assert all((st == "proved") == (a >= hi) for a, st in runs.items())
    f_lo, f_hi = (Fraction(x) for x in b["first_order_threshold"])
    assert f_hi - f_lo <= Fraction(1, 10**4) and f_hi <= lo
    assert hi < Fraction("1.6733")
    # the refuted end's failing goal is Theorem 1's lower variance bound
    assert next(r for r in b["runs"] if Fraction(r["alpha"]) == lo)["failing_goal"] == \
        "nu~ > nu_lo"
