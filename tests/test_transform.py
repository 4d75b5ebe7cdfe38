"""Certified DKS / TAT transformations: ``selu_proof.transform`` and ``selu-proof transform``."""

from __future__ import annotations

import json
from fractions import Fraction

import mpmath
import pytest
from flint import acb, arb, ctx

from selu_proof.cli import main
from selu_proof.kernel.activations import parse_activation
from selu_proof.kernel.quadrature import moments, pair_expectation
from selu_proof.transform import (
    TransformError,
    has_second_derivative,
    leaky_relu_cmap,
    per_layer_target,
    second_derivative,
    transform,
)


def _contains(iv: list[str], x) -> bool:
    return Fraction(iv[0]) <= Fraction(x) <= Fraction(iv[1])


def _mp(x) -> Fraction:
    return Fraction(mpmath.nstr(x, 40, min_fixed=-60, max_fixed=60))


def _mid(iv: list[str]) -> mpmath.mpf:
    return (mpmath.mpf(iv[0]) + mpmath.mpf(iv[1])) / 2


# ------------------------------------------------------------------ independent references


def test_dks_relu_contains_the_mpmath_root():
    """ReLU under DKS: ``b = 1``, ``alpha^2 Phi(1/alpha)/Var relu(u) = 1.5^(1/20)`` solved by
    mpmath from the closed-form moments of ``relu(N(1, alpha^2))``."""
    out = transform("relu", "dks", depth=20, digits=20).as_dict(20)
    p = out["parameters"]
    assert p["input_shift"] == ["1", "1"]
    with mpmath.workdps(40):
        xi = mpmath.mpf("1.5") ** (mpmath.mpf(1) / 20)

        def var(a):
            t = 1 / a
            m1 = mpmath.ncdf(t) + a * mpmath.npdf(t)
            m2 = (1 + a * a) * mpmath.ncdf(t) + a * mpmath.npdf(t)
            return m2 - m1 * m1, m1

        alpha = mpmath.findroot(lambda a: a * a * mpmath.ncdf(1 / a) / var(a)[0] - xi, 0.5)
        v, m1 = var(alpha)
        assert _contains(p["input_scale"], _mp(alpha))
        assert _contains(p["output_shift"], _mp(-m1))
        assert _contains(p["output_scale"], _mp(1 / mpmath.sqrt(v)))
    assert _contains(out["network"]["C'_f(1)"], Fraction(3, 2))
    # dks's float answer (0.5163060...) is off by 4.4e-5 here: its 100,000-node
    # Gauss-Legendre rule integrates the step f'^2 with an O(h) error
    assert abs(float(_mid(p["input_scale"])) - 0.5163060193501289) > 4e-5


def test_dks_tanh_solves_the_equations_by_mpmath_quadrature():
    out = transform("tanh", "dks", depth=20, digits=15).as_dict(15)
    p = {k: _mid(v) for k, v in out["parameters"].items()}
    with mpmath.workdps(30):
        a, b, o, s = p["input_scale"], p["input_shift"], p["output_shift"], p["output_scale"]
        fh = lambda x: s * (mpmath.tanh(a * x + b) + o)  # noqa: E731
        dfh = lambda x: s * a / mpmath.cosh(a * x + b) ** 2  # noqa: E731
        e = lambda g: mpmath.quad(lambda x: g(x) * mpmath.npdf(x), [-mpmath.inf, 0, mpmath.inf])  # noqa: E731
        assert abs(e(lambda x: fh(x) ** 2) - 1) < 1e-12  # Q(1)
        assert abs(e(fh)) < 1e-12  # C(0) = 0
        assert abs(e(lambda x: fh(x) * dfh(x) * x) - 1) < 1e-12  # Q'(1)
        assert abs(e(lambda x: dfh(x) ** 2) - mpmath.mpf("1.5") ** (mpmath.mpf(1) / 20)) < 1e-12


def test_tat_leaky_relu_contains_the_mpmath_root_and_is_unique_on_0_1():
    out = transform("leaky_relu", "tat", depth=20, eta=Fraction(9, 10), digits=20).as_dict(20)
    with mpmath.workdps(40):
        def cmap(c, s):
            k = mpmath.sqrt(1 - c * c) + (mpmath.pi - mpmath.acos(c)) * c
            return ((1 - s) ** 2 * k / mpmath.pi + 2 * s * c) / (1 + s * s)

        def net(s):
            c = mpmath.mpf(0)
            for _ in range(20):
                c = cmap(c, s)
            return c - mpmath.mpf("0.9")

        s = mpmath.findroot(net, 0.18)
        assert _contains(out["parameters"]["negative_slope"], _mp(s))
        assert _contains(out["parameters"]["output_scale"], _mp(mpmath.sqrt(2 / (1 + s * s))))
    assert any("only one in [0, 1]" in n for n in out["notes"])


def test_leaky_relu_cmap_is_the_quadrature_kernel():
    """The closed-form C map against the certified pair expectation (slope 1/4, c = 1/2)."""
    with ctx.workprec(80):
        act = parse_activation("leaky_relu:slope=0.25")
        c = arb("0.5")
        q = moments(act, arb(0), arb(1))[1]
        kernel = pair_expectation(act, "f", arb(0), arb(1), c) / q
        closed, slope, _ = leaky_relu_cmap(c, arb("0.25"))
        assert kernel.overlaps(closed) and closed.rad() < 1e-15
        assert slope.overlaps(pair_expectation(act, "df", arb(0), arb(1), c) / q)


SMOOTH = {"tanh": mpmath.tanh, "softplus": lambda x: mpmath.log1p(mpmath.exp(x)),
          "gelu": lambda x: x * mpmath.ncdf(x), "silu": lambda x: x / (1 + mpmath.exp(-1.5 * x)),
          "mish": lambda x: x * mpmath.tanh(mpmath.log1p(mpmath.exp(x))), "erf": mpmath.erf,
          "bent_identity": lambda x: (mpmath.sqrt(x * x + 1) - 1) / 2 + x}


@pytest.mark.parametrize("name", sorted(SMOOTH))
def test_second_derivatives_match_mpmath(name):
    act = parse_activation(name if name != "silu" else "silu:beta=1.5")
    assert has_second_derivative(act)
    pieces, growth = second_derivative(act)
    fmp = SMOOTH[name]
    for x in ("-3.5", "-0.7", "0.4", "2.25"):
        lo, hi, fn = next(p for p in pieces if (p[0] is None or p[0] < Fraction(x))
                          and (p[1] is None or Fraction(x) < p[1]))
        with ctx.workprec(100):
            got = fn(acb(arb(x)), False).real
        with mpmath.workdps(40):
            want = mpmath.diff(fmp, mpmath.mpf(x), 2)
        assert got.overlaps(arb(mpmath.nstr(want, 30))) or abs(float(got.mid()) - want) < 1e-25
        # the growth bound holds at these points
        assert abs(want) <= float(growth.at(arb(x)).upper())


def test_per_layer_targets():
    with ctx.workprec(100):
        name, xi = per_layer_target("dks", Fraction(3, 2), 100, None)
        assert name == "C'(1)" and (xi ** 100).overlaps(arb(1.5))
        # residual: (w^2 + (1 - w^2) xi)^L = zeta unless xi itself reaches zeta first
        _, xi = per_layer_target("dks", Fraction(3, 2), 100, Fraction(1, 2))
        assert ((arb("0.25") + arb("0.75") * xi) ** 100).overlaps(arb(1.5))
        _, xi = per_layer_target("dks", Fraction(3, 2), 2, Fraction(99, 100))
        assert xi.overlaps(arb(1.5))
        _, k = per_layer_target("tat", Fraction(3, 10), 20, None)
        assert k.overlaps(arb("0.015"))
        _, k = per_layer_target("tat", Fraction(3, 10), 20, Fraction(1, 2))
        assert k.overlaps(arb("0.02"))  # tau/(L(1 - w^2)) = 0.3/15


def test_tat_smooth_rejects_nothing_it_reports_and_meets_its_targets():
    out = transform("softplus", "tat", depth=20, digits=12).as_dict(12)
    p, maps = out["parameters"], out["maps"]
    assert Fraction(p["input_scale"][1]) * Fraction(p["output_scale"][1]) < 2
    for key in ("Q(1)", "Q'(1)", "C'(1)"):
        assert _contains(maps[key], 1)
    assert _contains(maps["C''(1)"], Fraction(3, 200))
    assert _contains(out["network"]["C''_f(1)"], Fraction(3, 10))


def test_errors():
    with pytest.raises(TransformError, match="does not transform ReLU"):
        transform("relu", "tat", depth=10)
    with pytest.raises(TransformError, match="needs f''"):
        transform("relu6", "tat", depth=10)
    assert not has_second_derivative(parse_activation("elu"))
    with pytest.raises(TransformError, match="decreases in the slope"):
        transform("leaky_relu", "tat", depth=2, eta=Fraction(99, 100))


# ------------------------------------------------------------------ the command


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["transform", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_transform_json_uses_dks_names(capsys):
    code, out, err = _run(capsys, "gelu", "--method", "dks", "--depth", "20", "--json",
                          "--digits", "10")
    assert code == 0, err
    data = json.loads(out)
    assert list(data["parameters"]) == ["input_scale", "input_shift", "output_shift",
                                        "output_scale"]
    assert data["uniqueness"]["status"] == "unique" and data["certified"] is True
    assert _contains(data["network"]["C'_f(1)"], Fraction(3, 2))
    code, out, err = _run(capsys, "leaky_relu", "--method", "tat", "--depth", "100",
                          "--eta", "0.9", "--json")
    assert code == 0, err
    assert list(json.loads(out)["parameters"]) == ["negative_slope", "output_scale"]


@pytest.mark.parametrize("argv,fragment", [
    (["tanh", "--method", "dks", "--depth", "0"], "--depth must be between 1 and 10000"),
    (["tanh", "--method", "dks", "--depth", "10001"], "--depth must be between 1 and 10000"),
    (["tanh", "--method", "dks", "--depth", "5", "--zeta", "inf"], "--zeta must be"),
    (["tanh", "--method", "dks", "--depth", "5", "--zeta", "0.5"], "greater than 1"),
    (["tanh", "--method", "tat", "--depth", "5", "--tau", "-1"], "--tau must be positive"),
    # a huge target was an 83 s search (zeta) or a traceback from the tail bound (tau)
    (["tanh", "--method", "dks", "--depth", "5", "--zeta", "1e999"],
     "--zeta must be at most 1000000, got 1.00000e+999"),
    (["tanh", "--method", "tat", "--depth", "5", "--tau", "1e30"], "at most 1000000"),
    (["tanh", "--method", "tat", "--depth", "5", "--eta", "0.5"], "smooth activations take"),
    (["leaky_relu", "--method", "tat", "--depth", "5", "--eta", "1"], "--eta must be in"),
    (["relu", "--method", "tat", "--depth", "5"], "does not transform ReLU"),
    (["nope", "--method", "dks", "--depth", "5"], "unknown activation"),
    (["tanh", "--method", "dks", "--depth", "5", "--shortcut-weight", "1"], "[0, 1)"),
    (["tanh", "--method", "dks", "--depth", "5", "--digits", "0"], "--digits must be"),
    (["tanh", "--method", "xyz", "--depth", "5"], "invalid choice"),
])
def test_bad_input_is_one_line(capsys, argv, fragment):
    try:
        code = main(["transform", *argv])
    except SystemExit as exc:
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert fragment in err and len(err.strip().splitlines()) == 1, err


def test_uniqueness_box_is_printed_inward_and_holds_the_solution():
    from selu_proof.kernel.exact import ball_ends
    from selu_proof.transform import _inward

    with ctx.workprec(100):
        x = arb("0.25") + arb(0, 1e-12)
        lo, hi = (Fraction(t) for t in _inward(x))
        a, b = ball_ends(x)
        assert a <= lo < hi <= b
    out = transform("gelu", "dks", depth=20, digits=12).as_dict(12)
    for key, (blo, bhi) in out["uniqueness"]["box"].items():
        plo, phi = out["parameters"][key]
        assert Fraction(blo) < Fraction(plo) and Fraction(phi) < Fraction(bhi), key


def test_a_deep_network_is_certified_with_more_bits():
    """Depth 10,000: input_scale ~ 0.009 and the equations cancel about 50 bits; the Krawczyk
    test at the base precision fails and is repeated with more bits."""
    out = transform("tanh", "dks", depth=10_000, digits=8).as_dict(8)
    assert _contains(out["network"]["C'_f(1)"], Fraction(3, 2))
    assert Fraction(out["parameters"]["input_scale"][1]) < Fraction(1, 100)


def test_help_states_the_librarys_depth_limit():
    from selu_proof.cli.kernel_map import HELP_MAX_GRID
    from selu_proof.cli.transform import HELP_MAX_DEPTH
    from selu_proof.kernel_maps import MAX_GRID
    from selu_proof.transform import MAX_DEPTH

    assert (HELP_MAX_DEPTH, HELP_MAX_GRID) == (MAX_DEPTH, MAX_GRID)


def test_an_enclosure_the_quadrature_refuses_is_an_uncertified_solution():
    """A ValueError from the quadrature (here: no finite tail bound) is a TransformError."""
    from selu_proof.transform import TransformError, _uncertified_as_error

    def refused(*args):
        raise ValueError("tail bound needs R > |a|")

    with pytest.raises(TransformError, match="not certified: tail bound needs R"):
        _uncertified_as_error(refused, 1, 2)
