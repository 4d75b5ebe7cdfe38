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


def test_map_covers_its_activations_and_matches_the_mean_field():
    from selu_proof.kernel.activations import CATALOGUE

    rows = {r["activation"].split(":")[0]: r for r in DATA["activations"]}
    assert set(rows) == set(_script().MAPPED) <= set(CATALOGUE)
    assert rows["selu"]["status"] == rows["tanh"]["status"] == "proved"
    for name in ("selu", "elu", "celu", "tanh"):  # attracting: proved on shaped domains
        assert rows[name]["status"] == "proved", name
        assert rows[name]["shape"]["kind"] == "activation", name
    for name in ("relu", "leaky_relu", "gelu", "silu", "mish", "softplus"):
        assert rows[name]["status"] == "refuted"
        assert rows[name]["witness"]["goal"] == "S(H) < 1"
    for name in ("gelu", "silu", "mish", "softplus"):  # repelling: radius certified > 1
        assert Fraction(rows[name]["spectral_radius_at_fixed_point"][0]) > 1


@pytest.mark.parametrize("row", [r for r in DATA["activations"] if r["witness"]],
                         ids=lambda r: r["activation"])
def test_each_refutation_witness_violates_its_claim(row):
    from selu_proof.search.design_proof import activation_parameters

    w = row["witness"]
    spec = parse_spec({"name": "w", "parameters": activation_parameters(
        row["activation"], Fraction(0), Fraction(1)),
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
