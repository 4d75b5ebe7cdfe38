"""False claims are never proved; refutation witnesses really violate the claim."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from helpers_specs import make_spec

from selu_proof.derive import symbolic as sym
from selu_proof.derive.expressions import goal_expression
from selu_proof.search.prover import prove_spec

TH1_L12_DOMAIN = {"tau": ["0.8", "1.25"]}

FALSE_CLAIMS = [
    # (id, claim, domain change, alpha, lambda)
    ("contraction-from-nu-0.4", {"kind": "spectral_norm_below", "bound": "1"},
     {"nu": ["0.4", "1.5"]}, "alpha01", "lambda01"),
    ("bound-below-true-max", {"kind": "spectral_norm_below", "bound": "0.897"},
     {}, "alpha01", "lambda01"),
    ("J-bound-below-true-max", {"kind": "spectral_norm_below", "bound": "0.99",
                                "jacobian": "second_moment"},
     TH1_L12_DOMAIN, "alpha01", "lambda01"),
    ("decreases-from-nu-1", {"kind": "variance_decreases"},
     {"mu": ["-1", "1"], "nu": ["1", "16"], "tau": ["0.8", "1.25"]}, "alpha01", "lambda01"),
    ("decreases-at-small-nu", {"kind": "variance_decreases"},
     {"nu": ["0.02", "0.16"], "tau": ["0.8", "1.25"]}, "alpha01", "lambda01"),
    ("increases-up-to-nu-0.7", {"kind": "variance_increases"},
     {"nu": ["0.02", "0.7"], "tau": ["0.8", "1.25"]}, "alpha01", "lambda01"),
    ("maps-into-nu-1.35", {"kind": "maps_into"}, {"nu": ["0.8", "1.35"]}, "alpha01", "lambda01"),
    ("maps-into-perturbed-alpha", {"kind": "maps_into"}, {}, "1.5", "lambda01"),
    ("maps-into-perturbed-lambda", {"kind": "maps_into"}, {}, "alpha01", "1.1"),
]


def _mp_value(key: str, point: dict[str, str], alpha: str, lam: str) -> mpmath.mpf:
    """The goal expression at an exact point, by sympy/mpmath at 50 digits."""
    alpha_v = sym.alpha01() if alpha == "alpha01" else sp.Rational(alpha)
    lam_v = sym.lambda01() if lam == "lambda01" else sp.Rational(lam)
    subs = {getattr(sym, n): sp.Rational(point[n]) for n in ("mu", "omega", "nu", "tau")}
    subs.update({sym.alpha: alpha_v, sym.lam: lam_v})
    expr = sym.expand_blocks(goal_expression(key)).subs(subs)
    return mpmath.mpf(str(sp.N(expr, 50)))


@pytest.mark.parametrize("case", FALSE_CLAIMS, ids=[c[0] for c in FALSE_CLAIMS])
def test_false_claim_is_not_proved(case, tmp_path):
    name, claim, dom, alpha, lam = case
    spec = make_spec(name, claim=claim, domain=dom, alpha=alpha, lam=lam)
    (res,) = prove_spec(spec, out_dir=tmp_path, max_boxes=3000)
    assert res.status in ("refuted", "unknown")
    assert res.certificate is None
    assert not (tmp_path / f"{name}.cert.json").exists()
    if res.status == "refuted":
        w = res.witness
        key = {"S(H) < 1": "S(H)", "S(H) < 0.897": "S(H)", "S(J) < 0.99": "S(J)",
               "nu~ < nu": "var-nu", "nu~ > nu": "nu-var", "mu~ < mu_hi": "mean",
               "mu~ > mu_lo": "-mean", "nu~ < nu_hi": "var", "nu~ > nu_lo": "-var"}[w["goal"]]
        for n in ("mu", "omega", "nu", "tau"):  # the witness lies in the domain
            lo, hi = (Fraction(x) for x in spec.raw["domain"][n])
            assert lo <= Fraction(w[n]) <= hi
        value = _mp_value(key, w, alpha, lam)
        assert value >= mpmath.mpf(w["bound"]), (w, value)


def test_refutations_happen(tmp_path):
    """At least the clear-cut false claims are refuted with a witness, not just 'unknown'."""
    spec = make_spec("clear", claim={"kind": "variance_increases"},
                     domain={"nu": ["0.02", "0.7"], "tau": ["0.8", "1.25"]})
    (res,) = prove_spec(spec, out_dir=tmp_path, max_boxes=3000)
    assert res.status == "refuted"
    assert res.witness is not None and Fraction(res.witness["nu"]) > Fraction("0.16")


def test_budget_gives_unknown(tmp_path):
    spec = make_spec("budget")  # true claim, but two boxes are not enough
    (res,) = prove_spec(spec, out_dir=tmp_path, max_boxes=2)
    assert res.status == "unknown"
    assert "budget" in res.reason


def test_paper_image_box_is_refuted_at_its_lower_mean_end(tmp_path):
    """The paper's mu~ >= -0.03106 fails near (-0.1, 0.1, 0.8, 0.95); one digit more holds."""
    from pathlib import Path

    from selu_proof.kernel.specs import load_spec

    root = Path(__file__).resolve().parent.parent
    (res,) = prove_spec(load_spec(root / "examples" / "paper_image_box.toml"), out_dir=tmp_path)
    assert res.status == "refuted" and res.witness["goal"] == "mu~ > mu_lo"
    value = _mp_value("-mean", res.witness, "alpha01", "lambda01")
    assert -value < mpmath.mpf("-0.03106")  # mu~ really is below the paper's bound
    (ok,) = prove_spec(load_spec(root / "proofs" / "theorem1_image.toml"), out_dir=tmp_path)
    assert ok.status == "proved"
