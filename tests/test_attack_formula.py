"""Formulas built to break the kernel's formula path: each must be refused with one
error line in bounded work, or its certified numbers must hold.
"""

from __future__ import annotations

import pytest

from selu_proof.kernel import formula_growth
from selu_proof.kernel.activations import parse_activation
from selu_proof.kernel.formula import ActivationError


def _count_pmul(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record the coefficient products of every polynomial multiplication of the rules."""
    work: list[int] = []
    original = formula_growth._pmul

    def counted(p: tuple, q: tuple) -> tuple:
        work.append(len(p) * len(q))
        assert sum(work) < 10**6, "unbounded work for a growth bound"
        return original(p, q)
    monkeypatch.setattr(formula_growth, "_pmul", counted)
    return work


@pytest.mark.parametrize("text", ["((x**16)**16)**16", "(((x**16)**16)**16)**16",
                                  "(x**16)**16*(x**16)**16*x**16"])
def test_nested_powers_are_refused_in_bounded_work(monkeypatch: pytest.MonkeyPatch,
                                                   text: str) -> None:
    # a 20-character formula once asked for a growth polynomial of degree 4096 (about a
    # minute of rational arithmetic) or 65536 (never ending)
    formula_growth.bound.cache_clear()
    _count_pmul(monkeypatch)
    with pytest.raises(ActivationError, match="degree"):
        parse_activation(text)


def test_powers_within_the_degree_limit_still_have_bounds() -> None:
    act = parse_activation("(x**8)**8")
    assert len(act.growth.coeffs) - 1 == formula_growth.MAX_DEGREE
    assert act.growth.coeffs[-1] == 1


def test_chi1_of_a_discontinuous_activation_is_not_certified(tmp_path) -> None:
    from selu_proof.kernel.checker import check_certificate
    from selu_proof.kernel.specs import SpecError, parse_spec
    from selu_proof.search.prover import prove_spec

    raw = {"name": "sign", "parameters": {"activation": "where(x > 0, 1, -1)"},
           "domain": {"mu": ["-0.01", "0.01"], "omega": ["-0.01", "0.01"],
                      "nu": ["0.95", "1.05"], "tau": ["0.99", "1.01"]},
           "claim": [{"kind": "chi1_below", "bound": "0.001"}]}
    try:
        (res,) = prove_spec(parse_spec(raw), out_dir=tmp_path, max_boxes=50)
    except (SpecError, ValueError):
        return  # refused: fine
    assert res.status != "proved"
    cert = tmp_path / "sign.cert.json"
    if cert.exists():
        import json
        assert not check_certificate(json.loads(cert.read_text())).valid
