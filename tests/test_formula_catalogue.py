"""The catalogue as formulas: the ten former hand-written entries agree with their formulas
(enclosures intersect on 1,000 random boxes each), and the catalogue has what it promises.
"""

from __future__ import annotations

import numpy as np
import pytest
from flint import acb, arb, ctx
from former_catalogue import FORMER

from selu_proof.kernel.activations import CATALOGUE, parse_activation
from selu_proof.kernel.formula import formula_text, parse_formula
from selu_proof.kernel.quadrature import expectation, gaussian_expectation, moments

SPECS = ["selu", "elu", "elu:alpha=1.5", "celu:alpha=0.5", "relu", "leaky_relu:slope=0.2",
         "gelu", "silu", "silu:beta=1.702", "mish", "tanh", "softplus"]


def _piece(pieces, x: float):
    for p in pieces:
        if p.hi is None or x < p.hi:
            return p
    raise AssertionError


@pytest.mark.parametrize("spec", SPECS)
def test_former_entries_intersect_their_formulas_on_1000_boxes(spec):
    act = parse_activation(spec)
    old, old_growth, old_dgrowth = FORMER[act.name](act.params)
    assert tuple(p.hi for p in old[:-1]) == act.kinks
    rng = np.random.default_rng(29)
    finite = 0
    with ctx.workprec(128):
        for _ in range(1000):
            re, im = rng.uniform(-8, 8), rng.uniform(-0.5, 0.5) * rng.integers(0, 2)
            rad = 10.0 ** rng.uniform(-12, -1)
            # a box inside one piece (kinks are integers here, the centre away from them)
            re = float(np.floor(re)) + min(max(re - np.floor(re), rad + 1e-3), 1 - rad - 1e-3)
            z = acb(arb(re, rad), arb(im, rad))
            analytic = bool(rng.integers(0, 2))
            for attr in ("value", "derivative"):
                new = getattr(_piece(act.pieces, re), attr)(z, analytic)
                was = getattr(_piece(old, re), attr)(z, analytic)
                if new.is_finite() and was.is_finite():
                    finite += 1
                    assert new.overlaps(was), (spec, attr, z, new, was)
    assert finite > 1500  # the comparison is not vacuous


@pytest.mark.parametrize("spec", SPECS)
def test_former_entries_moments_intersect_on_gaussian_boxes(spec):
    act = parse_activation(spec)
    old, growth, _ = FORMER[act.name](act.params)
    pieces = [(p.lo, p.hi, p.value) for p in old]
    rng = np.random.default_rng(3)
    with ctx.workprec(64):
        for _ in range(8):
            a = arb(rng.uniform(-1, 1), 10.0 ** rng.uniform(-6, -2))
            v = arb(rng.uniform(0.5, 2), 10.0 ** rng.uniform(-6, -2))
            new = expectation(act, "f", a, v)
            was = gaussian_expectation(pieces, growth, a, v)
            assert new.is_finite() and new.overlaps(was), (spec, a, v, new, was)


def test_the_catalogue_has_at_least_22_entries_each_a_formula():
    assert len(CATALOGUE) >= 22
    for name in ("relu6", "sigmoid", "log_sigmoid", "softsign", "hardtanh", "hardswish",
                 "hardsigmoid", "gelu_tanh", "erf", "atan", "asinh", "bent_identity"):
        act = parse_activation(name)
        assert act.formula == formula_text(parse_formula(CATALOGUE[name].formula))
        assert act.growth.coeffs and act.derivative_growth.coeffs
    assert parse_activation("hardswish").kinks == (-3, 3)
    assert parse_activation("relu6").kinks == (0, 6)


@pytest.mark.parametrize("name", ["tanh", "erf", "atan", "asinh", "softsign"])
def test_odd_entries_are_proved_odd_and_have_zero_mean(name):
    act = parse_activation(name)
    assert act.odd and act.zero_mean
    with ctx.workprec(96):
        m1, _ = moments(act, arb(0), arb("1.3"))
    assert m1.contains(0)


def test_a_formula_equal_to_an_entry_has_the_same_moments():
    a, b = parse_activation("hardswish"), parse_activation("x*relu6(x + 3)/6".replace(
        "relu6(x + 3)", "min(max(x + 3, 0), 6)"))
    with ctx.workprec(96):
        for x, y in zip(moments(a, arb("0.2"), arb("0.9")), moments(b, arb("0.2"), arb("0.9"))):
            assert x.overlaps(y) and x.rad() < arb("1e-20")
