"""Builders shared by the tests: specifications, interrupted proofs, counted integrands."""

from __future__ import annotations

import copy
from typing import Any

from selu_proof.kernel.specs import parse_spec

THEOREM1: dict[str, Any] = {
    "name": "t1",
    "parameters": {"alpha": "alpha01", "lambda": "lambda01"},
    "domain": {"mu": ["-0.1", "0.1"], "omega": ["-0.1", "0.1"], "nu": ["0.8", "1.5"],
               "tau": ["0.95", "1.1"]},
    "claim": [{"kind": "spectral_norm_below", "bound": "1"}],
}

#: a small Theorem 1 claim for affine-normalized tanh (quadrature), as TOML text
TANH_SMALL = """name = "tanh_small"
[parameters]
activation = "tanh"
normalize = "affine"
[domain]
mu = ["-0.01", "0.01"]
omega = ["-0.01", "0.01"]
nu = ["0.95", "1.05"]
tau = ["0.99", "1.01"]
[[claim]]
kind = "spectral_norm_below"
bound = "1"
"""


def make_spec(name: str = "t", *, claim: dict[str, Any] | None = None,
              domain: dict[str, list[str]] | None = None, alpha: str = "alpha01",
              lam: str = "lambda01"):
    raw = copy.deepcopy(THEOREM1)
    raw["name"] = name
    raw["parameters"] = {"alpha": alpha, "lambda": lam}
    if domain:
        raw["domain"].update(domain)
    if claim is not None:
        raw["claim"] = [claim]
    return parse_spec(raw)


def prove_until_interrupted(spec, out_dir, monkeypatch, after: int) -> None:
    """Prove ``spec`` and interrupt it, as Ctrl-C would, once ``after`` subtrees finished.

    The checkpoint is written after every subtree, so it holds exactly those.
    """
    import pytest

    from selu_proof.search import prover

    monkeypatch.setattr(prover, "CHECKPOINT_INTERVAL", 0.0)
    calls = {"n": 0}

    def interrupt(_msg):
        calls["n"] += 1
        if calls["n"] == after:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        prover.prove_spec(spec, out_dir=out_dir, progress=interrupt)


def counted_pieces(pieces, calls: list[int] | None = None):
    """``(pieces, calls)``: each piece's function wrapped to add 1 to ``calls[0]`` per
    evaluation (a new counter unless one is given)."""
    calls = [0] if calls is None else calls

    def wrap(fn):
        def counted(x, analytic):
            calls[0] += 1
            return fn(x, analytic)
        return counted
    return [(lo, hi, wrap(fn)) for lo, hi, fn in pieces], calls
