"""Certificate format and writer (untrusted side).

A certificate is one JSON document per specification, exact numbers only
(decimal strings and integers), readable without this package::

    {
      "format": "selu-proof-certificate/2",
      "spec": { ...the TOML specification, verbatim... },
      "precision": 128,                      # bits of the ball arithmetic
      "variables": ["mu", "omega", "nu", "tau"],
      "constants": {"alpha": "[1.67... +/- 9.2e-38]", "lambda": "[...]"},
      "claims": [
        {"kind": "spectral_norm_below",
         "goals": [
           {"label": "S(H) < 1", "expression": "S(H)", "bound": "1",
            "certified_max": "0.99648...",   # max of the leaves' bounds
            "leaves": 112,
            "tree": [0, ["natural", "....", "0.83"], 2, ...]}
         ]}
      ]
    }

``tree`` is the preorder encoding of the split tree: an integer ``d`` bisects
the current box at the exact midpoint of variable ``d`` (left child first);
a list ``[form, mask, bound]`` is a leaf whose evidence is replayed by the
checker (:mod:`selu_proof.kernel.forms`): the ``form`` evaluated on the
face ``mask`` gives an upper enclosure of ``F`` not above ``bound``, and
``bound`` is below the goal's bound.

Every field is verified by the checker, none is merely descriptive: the keys
are exactly these; ``variables`` is the list above; each ``constants`` ball
contains the checker's own enclosure of the parameter at ``precision`` and is
at most twice as wide (plus one unit in the last place); a goal's ``label``,
``expression`` (the name of ``F``, see :mod:`selu_proof.kernel.claims`) and
``bound`` are those the specification's claim defines, in order; ``leaves``
is the number of leaves of ``tree`` and ``certified_max`` the largest leaf
bound, rounded up to 17 digits.  Format ``/2`` differs from ``/1`` by dropping
the goal's ``boxes`` (the prover's search effort, which no replay can confirm)
and by this strictness.  A new claim kind adds goals in this same shape.

``constants`` and the one optional key come from the specification's model
(:mod:`selu_proof.kernel.model`).  A specification with a catalogue activation
(``[parameters] activation = ...``) has ``constants`` ``{"lambda", "beta"}`` (the balls of
``F = lambda*(f - beta)``) and one more key, ``activation`` (the model's record):
``{"spec", "name", "parameters", "normalize", "integrator"}``, each of which the checker
re-derives from the specification and compares (:mod:`selu_proof.kernel.activation_claims`).

An ``extremum`` claim has no goals; its entry holds the bracket and both
pieces of evidence::

    {"kind": "extremum", "quantity": "norm-H", "sense": "max", "expression": "S(H)",
     "lower": "0.89760835...", "upper": "0.89760846...",
     "witness": {"mu": "-0.1", "omega": "-0.1", "nu": "0.8", "tau": "1.1"},
     "leaves": 201, "tree": [...]}

The tree bounds the expression (``-F`` for a minimum) by ``upper`` (by
``-lower`` for a minimum); the expression at the witness is at least
``lower`` (``-upper``).  The checker verifies every field of this entry too: the
keys are exactly these, ``quantity``/``sense`` are the claim's, ``expression`` is
the goal key they name, ``leaves`` counts the tree's leaves, ``upper`` (``-lower``)
is the tree's largest leaf bound and ``lower`` (``-upper``) the witness's ball value
rounded down, and the bracket is no wider than the claim's ``tolerance``.
"""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

from selu_proof.kernel.checker import FORMAT  # the reader defines the format
from selu_proof.kernel.exact import ball_str
from selu_proof.kernel.model import Model

__all__ = ["FORMAT", "build_certificate", "dump_certificate", "ball_str"]



def build_certificate(spec_raw: dict[str, Any], precision: int, model: Model,
                      claims: list[dict[str, Any]]) -> dict[str, Any]:
    """Assemble the certificate document about ``model``
    (:func:`~selu_proof.kernel.model.model_of` of the specification).

    ``claims`` holds, per claim, ``{"kind", "goals": [{"label", "expression",
    "bound" (Fraction), "max_bound" (Fraction), "tree"}]}``.
    """
    from selu_proof.kernel.exact import decimal_up, fraction_str

    out_claims = []
    for c in claims:
        if c["kind"] == "extremum":  # entry written by search.extremum, tree included
            out_claims.append(c["entry"])
            continue
        goals = []
        for g in c["goals"]:
            bound: Fraction = g["bound"]
            goals.append({
                "label": g["label"],
                "expression": g["expression"],
                "bound": fraction_str(bound),
                "certified_max": decimal_up(g["max_bound"]),
                "leaves": sum(1 for n in g["tree"] if isinstance(n, list)),
                "tree": g["tree"],
            })
        out_claims.append({"kind": c["kind"], "goals": goals})
    cert = {
        "format": FORMAT,
        "spec": spec_raw,
        "precision": precision,
        "variables": ["mu", "omega", "nu", "tau"],
        "constants": {k: ball_str(x, precision) for k, x in model.constants().items()},
        "claims": out_claims,
    }
    record = model.record()
    if record is not None:
        cert["activation"] = record
    return cert


def dump_certificate(cert: dict[str, Any]) -> bytes:
    """Deterministic bytes: sorted keys, one goal tree per line."""
    trees = []

    def strip(obj: Any) -> Any:
        if isinstance(obj, dict):
            return {k: (_Placeholder(len(trees), trees.append(v))  # type: ignore[func-returns-value]
                        if k == "tree" else strip(v)) for k, v in obj.items()}
        if isinstance(obj, list):
            return [strip(v) for v in obj]
        return obj

    skeleton = strip(cert)
    text = json.dumps(skeleton, indent=1, sort_keys=True, default=lambda p: f"@@TREE{p.i}@@")
    for i, tree in enumerate(trees):
        text = text.replace(f'"@@TREE{i}@@"', json.dumps(tree, separators=(",", ":")), 1)
    return (text + "\n").encode("utf-8")


class _Placeholder:
    def __init__(self, i: int, _: Any) -> None:
        self.i = i
