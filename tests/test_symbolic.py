"""The sympy moment maps: integration from the definition, block derivative rules,
closed forms of alpha_01 and lambda_01, and the Jacobian at the fixed point (0, 1)."""

from __future__ import annotations

import pytest
import sympy as sp
from flint import arb, ctx

from selu_proof import backends
from selu_proof.derive import symbolic as sym
from selu_proof.kernel.constants import constant_balls

BLOCKS = [sym.phi0, sym.Ppos, sym.Pneg, sym.Qexp1, sym.Qexp2, sym.Rexp1, sym.Rexp2]


def _is_zero(expr: sp.Expr) -> bool:
    return sp.simplify(sp.expand(expr.rewrite(sp.erfc))) == 0


@pytest.mark.parametrize("index", [0, 1], ids=["mean", "second_moment"])
def test_closed_forms_equal_integrals_of_the_definition(index):
    integrated = sym.moments_by_integration()[index]
    closed = (sym.mean_map(), sym.second_moment_map())[index]
    assert _is_zero(integrated - sym.expand_blocks(closed))


def test_a_wrong_closed_form_is_detected():
    # the check above must be able to fail: drop the alpha term from the mean
    integrated = sym.moments_by_integration()[0]
    wrong = sym.expand_blocks(sym.mean_map()).subs(sym.alpha, 0)
    assert not _is_zero(integrated - wrong)


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: b.__name__)
@pytest.mark.parametrize("var", [sym.a, sym.v], ids=["d_da", "d_dv"])
def test_block_derivative_rule_matches_explicit_form(block, var):
    rule = sym.expand_blocks(sp.diff(block(sym.a, sym.v), var))
    direct = sp.diff(block.explicit(sym.a, sym.v), var)
    assert _is_zero(rule - direct)


@pytest.mark.parametrize("which", ["mean", "second"])
@pytest.mark.parametrize("var", [sym.a, sym.v], ids=["a", "v"])
def test_moment_partial_equals_derivative_of_explicit_map(which, var):
    explicit = sym.expand_blocks(sym.mean_map() if which == "mean" else sym.second_moment_map())
    assert _is_zero(sym.expand_blocks(sym.moment_partial(which, var)) - sp.diff(explicit, var))


def test_closed_form_constants_give_fixed_point_0_1_to_50_digits():
    al, la = sym.alpha01(), sym.lambda01()
    m = sym.expand_blocks(sym.mean_map(0, 1, al, la)).evalf(60)
    var = sym.expand_blocks(sym.variance_map(0, 1, al, la)).evalf(60)
    assert abs(m) < sp.Float("1e-50")
    assert abs(var - 1) < sp.Float("1e-50")
    # the published 31 digits are the correct rounding of the closed forms
    assert abs(sp.N(al, 50) - sp.Rational("1.6732632423543772848170429916717")) < 5e-32
    assert abs(sp.N(la, 50) - sp.Rational("1.0507009873554804934193349852946")) < 5e-32


def test_arb_moments_at_constant_balls_contain_0_and_1():
    old = ctx.prec
    ctx.prec = 200
    try:
        al, la = constant_balls(200)
        m, xi, var = backends.moments(arb(0), arb(1), al, la, backend="arb")
        assert m.contains(0) and var.contains(1) and xi.contains(1)
        assert m.rad() < arb("1e-50") and var.rad() < arb("1e-50")
        # and not some other value
        assert not var.contains(arb("1.000000000000000000000000000001"))
    finally:
        ctx.prec = old


def test_jacobian_and_singular_value_at_fixed_point():
    """H = [[0, 0.0888347551...], [0, 0.7826478832...]], S = 0.78767336... at (0, 1), omega=0."""
    old = ctx.prec
    ctx.prec = 128
    try:
        al, la = constant_balls(128)
        H = backends.jacobian(arb(0), arb(1), arb(0), arb(1), al, la, backend="arb")
        S = backends.spectral_norm(arb(0), arb(1), arb(0), arb(1), al, la, backend="arb")
    finally:
        ctx.prec = old
    assert H[0].contains(0) and H[2].contains(0)
    for ball, ref in ((H[1], "0.0888347551"), (H[3], "0.7826478832"), (S, "0.78767336")):
        ulp = arb(10) ** -(len(ref) - 2)
        assert abs(ball - arb(ref)) < ulp / 2, (ball, ref)
        assert ball.rad() < arb("1e-30")
    # the sympy expression itself (not only the generated code) at the closed forms
    point = {sym.a: 0, sym.v: 1, sym.omega: 0, sym.tau: 1,
             sym.alpha: sp.Float(al.mid().str(40, radius=False), 40),
             sym.lam: sp.Float(la.mid().str(40, radius=False), 40)}
    h22 = sym.expand_blocks(sym.jacobian_variance()[1, 1]).subs(point).evalf(30)
    assert abs(h22 - sp.Rational("0.7826478832")) < 5e-11


def test_largest_singular_value_formula_matches_svd():
    import numpy as np

    rng = np.random.default_rng(7)
    p, q, r, s = sp.symbols("p q r s", real=True)
    S = sp.lambdify((p, q, r, s), sym.largest_singular_value(sp.Matrix([[p, q], [r, s]])))
    for _ in range(20):
        m = rng.normal(size=(2, 2))
        assert S(*m.ravel()) == pytest.approx(np.linalg.svd(m, compute_uv=False)[0], rel=1e-12)


def test_dropout_affine_restores_mean_and_variance_symbolically():
    q, sat, m, var = sp.symbols("q saturation mean var", positive=True)
    aa, bb = sym.dropout_affine(q, sat, m, var)
    # y = a*(x*d + sat*(1 - d)) + b, x ~ (m, var), d ~ Bernoulli(q) independent
    e_inner = q * m + (1 - q) * sat
    e_inner2 = q * (var + m**2) + (1 - q) * sat**2
    mean_y = aa * e_inner + bb
    var_y = aa**2 * (e_inner2 - e_inner**2)
    assert sp.simplify(mean_y - m) == 0
    assert sp.simplify(var_y - var) == 0


def test_the_package_gives_the_sympy_module_by_its_short_name():
    """``from selu_proof import symbolic`` (notebook 1) is the build-time module."""
    import selu_proof
    from selu_proof.derive import symbolic

    assert selu_proof.symbolic is symbolic and "symbolic" not in selu_proof.__all__
