"""The ``dks`` package's float DKS/TAT parameters lie within 1e-6 of the certified enclosures.

Runs under the ``compare`` extra (part of ``test``); skipped only when ``dks`` is missing.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

pytest.importorskip("dks")
pytest.importorskip("absl")

from dks.base import activation_transform  # noqa: E402

from selu_proof.transform import subnet_max_func, transform  # noqa: E402

TOL = Fraction(1, 10**6)

#: (catalogue name, dks name, method, dks keyword arguments)
CASES = [
    ("tanh", "tanh", "dks", {"dks_params": {"c_slope_1_target": 1.5}}),
    ("softplus", "softplus", "dks", {"dks_params": {"c_slope_1_target": 1.5}}),
    ("gelu", "gelu_exact", "dks", {"dks_params": {"c_slope_1_target": 1.5}}),
    ("leaky_relu", "leaky_relu", "tat", {"tat_params": {"c_val_0_target": 0.9}}),
    ("softplus", "softplus", "tat", {"tat_params": {"c_curve_target": 0.3}}),
]


@pytest.mark.parametrize("depth", [20, 100])
@pytest.mark.parametrize("name,dks_name,method,kw", CASES,
                         ids=[f"{c[2]}-{c[0]}" for c in CASES])
def test_dks_parameters_lie_in_the_certified_enclosures(name, dks_name, method, kw, depth):
    theirs = activation_transform._get_activations_params(
        [dks_name], method=method.upper(), subnet_max_func=subnet_max_func(depth), **kw)[dks_name]
    ours = transform(name, method, depth=depth, digits=12).as_dict(12)["parameters"]
    assert set(theirs) == set(ours)
    odd = name == "tanh" and float(theirs["input_shift"]) < 0  # the mirror solution
    for key, value in theirs.items():
        x = Fraction(float(value))
        if key == "input_scale":
            x = abs(x)
        if odd and key in ("input_shift", "output_shift"):
            x = -x
        lo, hi = (Fraction(t) for t in ours[key])
        assert lo - TOL <= x <= hi + TOL, (key, float(x), ours[key])


def test_residual_chain_agrees_with_dks():
    """The residual chain (shortcut weight 0.8, depth 50) handed to dks as its
    subnet_max_func gives parameters inside the certified enclosures too."""
    theirs = activation_transform._get_activations_params(
        ["softplus"], method="DKS", dks_params={"c_slope_1_target": 1.5},
        subnet_max_func=subnet_max_func(50, 0.8))["softplus"]
    ours = transform("softplus", "dks", depth=50, shortcut_weight=Fraction(4, 5),
                     digits=12).as_dict(12)["parameters"]
    for key, value in theirs.items():
        lo, hi = (Fraction(t) for t in ours[key])
        assert lo - TOL <= Fraction(float(value)) <= hi + TOL, key
