"""``--max-seconds`` bounds the breadth-first top of the tree as well as the subtrees."""

from __future__ import annotations

from selu_proof.kernel.claims import goals_of_claim
from selu_proof.kernel.specs import PROOFS_DIR, load_spec
from selu_proof.search import prover


def test_spent_time_budget_stops_the_frontier(monkeypatch):
    """The frontier (up to FRONTIER_SIZE boxes, breadth-first) was expanded without
    looking at the deadline: on a wide activation domain, where one box costs seconds of
    quadrature, --max-seconds 3 ran for over three minutes.  With the budget spent before
    the search starts, no box is decided.
    """
    spec = load_spec(PROOFS_DIR / "theorem1.toml")
    goal = goals_of_claim(spec, spec.claims[0])[0]
    decided = []
    real = prover.decide
    monkeypatch.setattr(prover, "decide", lambda *a: decided.append(a) or real(*a))
    res = prover.run_goal(goal.key, goal.bound, spec.domain, spec.model, 128,
                          max_seconds=0)
    assert res["status"] == "unknown" and "--max-seconds" in res["reason"]
    assert decided == []
    decided.clear()
    res = prover.run_goal(goal.key, goal.bound, spec.domain, spec.model, 128)
    assert res["status"] == "proved" and len(decided) == res["boxes"]
