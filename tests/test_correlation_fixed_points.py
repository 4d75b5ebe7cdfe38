"""Every fixed point of the correlation map in [-1, 1], certified (meanfield.correlation).

The larger sweep (every catalogue activation, plain and affine-normalized, at 10 digits, with
times) is ``benchmarks/bench_correlation_fixed_points.py``.
"""

from __future__ import annotations

import json
from fractions import Fraction

import mpmath
import pytest
from flint import arb, ctx

from selu_proof.cli import main
from selu_proof.kernel.activations import CATALOGUE, parse_activation
from selu_proof.meanfield.activation import (
    HOMOGENEOUS,
    MAX_BOXES,
    Scaled,
    activation_mean_field,
    correlation_fixed_points,
)
from selu_proof.meanfield.correlation import parity_options
from selu_proof.meanfield.report import scaled_activation


def _contains(interval: list[str], x: float | str | Fraction | mpmath.mpf) -> bool:
    lo, hi = (mpmath.mpf(s) for s in interval)
    return lo <= mpmath.mpf(x) <= hi


def _points(part: dict) -> list[tuple[list[str], str, bool | None]]:
    return [(p["c"], p["status"], p["stable"]) for p in part["fixed_points"]]


def test_tanh_finds_c_star_zero_at_default_settings(capsys):
    """The float scan missed tanh's c* = 0 (on a node of the default grid of 40): 'none
    found'.  Now c = 0 is an exact fixed point in both conventions, attracting, and the list
    is complete: exactly -1, 0 and 1 (tanh is odd)."""
    assert main(["mean-field", "--activation", "tanh", "--normalize", "affine",
                 "--correlation", "0.5", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)["correlation_fixed_points"]
    for key in ("centred", "iid"):
        part = out[key]
        assert part["complete"] is True and part["undecided"] == []
        assert _points(part) == [(["-1", "-1"], "exact", False), (["0", "0"], "exact", True),
                                 (["1", "1"], "exact", False)]
        chi_c = part["fixed_points"][1]["slope"]
        assert 0.93 < float(chi_c[0]) <= float(chi_c[1]) < 0.931
    from selu_proof.cli.mean_field import _fixed_points_line

    assert _fixed_points_line(out["iid"]).startswith(
        "exactly these: c = -1 (exact, slope [1.17780")


def test_gelu_finds_c_star_zero_at_default_settings():
    r = activation_mean_field("gelu", normalize="affine", correlation="0.5", digits=4)
    for key in ("centred", "iid"):
        part = r["correlation_fixed_points"][key]
        assert part["complete"] is True
        assert _points(part) == [(["0", "0"], "exact", True), (["1", "1"], "exact", False)]


def _chi(name: str) -> tuple[mpmath.mpf, mpmath.mpf]:
    """``(chi_c, chi1)`` of the affine-normalized ``name`` at ``N(0, 1)`` by mpmath quadrature
    (30 digits) of the float-free formulas: ``chi_c = lambda^2 (E f')^2``,
    ``chi1 = lambda^2 E f'^2``, ``lambda^-2 = Var f``."""
    with mpmath.workdps(30):
        fs = _FORMULAS[name]
        pts = [-mpmath.inf, *_KINKS.get(name, (0,)), mpmath.inf]

        def e(g):
            return mpmath.quad(lambda x: g(x) * mpmath.npdf(x), pts)
        m1, m2 = e(fs[0]), e(lambda x: fs[0](x) ** 2)
        d1, d2 = e(fs[1]), e(lambda x: fs[1](x) ** 2)
        var = m2 - m1 * m1
        return d1 * d1 / var, d2 / var


def _sig(x):
    return 1 / (1 + mpmath.exp(-x))


def _sp(x):
    return mpmath.log1p(mpmath.exp(x)) if x < 30 else x + mpmath.log1p(mpmath.exp(-x))


def _alpha01():
    with mpmath.workdps(40):
        e = mpmath.erfc(1 / mpmath.sqrt(2)) * mpmath.exp(mpmath.mpf(1) / 2)
        return -mpmath.sqrt(2 / mpmath.pi) / (e - 1)


_FORMULAS = {
    "selu": (lambda x: x if x > 0 else _alpha01() * mpmath.expm1(x),
             lambda x: 1 if x > 0 else _alpha01() * mpmath.exp(x)),
    "elu": (lambda x: x if x > 0 else mpmath.expm1(x), lambda x: 1 if x > 0 else mpmath.exp(x)),
    "celu": (lambda x: x if x > 0 else mpmath.expm1(x), lambda x: 1 if x > 0 else mpmath.exp(x)),
    "relu": (lambda x: x if x > 0 else 0, lambda x: 1 if x > 0 else 0),
    "leaky_relu": (lambda x: x if x > 0 else x / 100,
                   lambda x: 1 if x > 0 else mpmath.mpf(1) / 100),
    "gelu": (lambda x: x * mpmath.ncdf(x), lambda x: mpmath.ncdf(x) + x * mpmath.npdf(x)),
    "silu": (lambda x: x * _sig(x), lambda x: _sig(x) * (1 + x * (1 - _sig(x)))),
    "mish": (lambda x: x * mpmath.tanh(_sp(x)),
             lambda x: mpmath.tanh(_sp(x)) + x * _sig(x) / mpmath.cosh(_sp(x)) ** 2),
    "tanh": (mpmath.tanh, lambda x: 1 / mpmath.cosh(x) ** 2),
    "softplus": (_sp, _sig),
    "relu6": (lambda x: min(max(x, 0), 6), lambda x: 1 if 0 < x < 6 else 0),
    "sigmoid": (_sig, lambda x: _sig(x) * (1 - _sig(x))),
    "log_sigmoid": (lambda x: -_sp(-x), lambda x: _sig(-x)),
    "softsign": (lambda x: x / (1 + abs(x)), lambda x: 1 / (1 + abs(x)) ** 2),
    "hardtanh": (lambda x: max(-1, min(1, x)), lambda x: 1 if -1 < x < 1 else 0),
    "hardswish": (lambda x: x * min(max(x + 3, 0), 6) / 6,
                  lambda x: 0 if x < -3 else 1 if x > 3 else (2 * x + 3) / mpmath.mpf(6)),
    "hardsigmoid": (lambda x: min(max(x + 3, 0), 6) / mpmath.mpf(6),
                    lambda x: mpmath.mpf(1) / 6 if -3 < x < 3 else 0),
    "gelu_tanh": (lambda x: x * (1 + mpmath.tanh(_K() * (x + _C() * x ** 3))) / 2,
                  lambda x: (1 + mpmath.tanh(_K() * (x + _C() * x ** 3))) / 2
                  + x * _K() * (1 + 3 * _C() * x * x)
                  / (2 * mpmath.cosh(_K() * (x + _C() * x ** 3)) ** 2)),
    "erf": (mpmath.erf, lambda x: 2 / mpmath.sqrt(mpmath.pi) * mpmath.exp(-x * x)),
    "atan": (mpmath.atan, lambda x: 1 / (1 + x * x)),
    "asinh": (mpmath.asinh, lambda x: 1 / mpmath.sqrt(1 + x * x)),
    "bent_identity": (lambda x: (mpmath.sqrt(x * x + 1) - 1) / 2 + x,
                      lambda x: x / (2 * mpmath.sqrt(x * x + 1)) + 1),
}


def _K():
    return mpmath.sqrt(2 / mpmath.pi)  # at the working precision of the caller


def _C():
    return mpmath.mpf(8943) / 200000  # 0.044715


#: the kinks of the piecewise entries (mpmath.quad's interval ends)
_KINKS = {"relu6": (0, 6), "hardtanh": (-1, 0, 1), "hardswish": (-3, 0, 3),
          "hardsigmoid": (-3, 0, 3)}
#: the odd entries: c = -1 is a fixed point exactly
_ODD = {"tanh", "softsign", "hardtanh", "erf", "atan", "asinh"}
#: odd about 1/2 (``f - 1/2`` odd): odd once normalized, so c = -1 is a fixed point exactly
_ODD_ABOUT_HALF = {"sigmoid", "hardsigmoid"}


#: entries whose search is not complete today (docs/limitations.md)
NOT_COMPLETE: set[str] = set()


@pytest.mark.parametrize("name", sorted(set(CATALOGUE) - NOT_COMPLETE))
def test_every_catalogue_activation_affine_both_conventions_certified_complete(name):
    """Affine-normalized at (0, 1): in both conventions exactly c = 0 (attracting, slope
    chi_c) and c = 1 (repelling, slope chi1), and c = -1 for the odd entries, certified
    complete; each slope encloses an independent mpmath value (30 digits)."""
    assert set(_FORMULAS) == set(CATALOGUE) and NOT_COMPLETE <= set(CATALOGUE)
    digits = 4
    with ctx.workprec(int(digits * 3.33) + 40):
        sc, _ = scaled_activation(parse_activation(name), "affine", digits)
        shared: dict = {}
        parts = [correlation_fixed_points(sc, arb(0), arb(1), centred, digits, zero_mean=True,
                                          **parity_options(sc.act, True), cache=shared)
                 for centred in (True, False)]
    chi_c, chi1 = _chi(name)
    expected = [(["0", "0"], "exact", True), (["1", "1"], "exact", False)]
    if name in _ODD | _ODD_ABOUT_HALF:
        expected.insert(0, (["-1", "-1"], "exact", False))
    for part in parts:
        assert part["complete"] is True, part["undecided"]
        assert _points(part) == expected
        slopes = {p["c"][0]: p["slope"] for p in part["fixed_points"]}
        assert _contains(slopes["0"], chi_c) and _contains(slopes["1"], chi1)
        if "-1" in slopes:  # s(-1) = E[F'(z)F'(-z)]/Var F = chi1: F' is even
            assert _contains(slopes["-1"], chi1)
        assert part["boxes"] <= 10


@pytest.mark.parametrize("name", sorted(_ODD_ABOUT_HALF))
def test_an_activation_odd_about_a_centre_has_c_minus_one_in_the_centred_convention(name):
    """Plain sigmoid / hardsigmoid (``f - 1/2`` odd, not normalized) at ``N(0, 1)``: the
    centred map is that of ``f - 1/2``, odd, so ``c = -1`` is exact there, with slope chi1
    (mpmath); the i.i.d. map ``E[f(z)f(z')]/E f^2`` is not odd (``c~(-1) =
    (1/4 - Var f)/(1/4 + Var f) > -1``), and ``c = -1`` is not claimed there.  Both searches
    are complete."""
    with ctx.workprec(60):
        sc = Scaled(parse_activation(name), arb(1), arb(0))
        opts = parity_options(sc.act, False)
        assert opts == {"odd": False, "symmetric": True}
        centred, iid = (correlation_fixed_points(sc, arb(0), arb(1), c, 4, **opts)
                        for c in (True, False))
    assert centred["complete"] and iid["complete"]
    first = centred["fixed_points"][0]
    assert first["c"] == ["-1", "-1"] and first["status"] == "exact"
    assert "odd about a centre" in first["how"]
    with mpmath.workdps(30):
        f, df = _FORMULAS[name]
        pts = [-mpmath.inf, *_KINKS.get(name, (0,)), mpmath.inf]
        m1, m2, d2 = (mpmath.quad(lambda x, g=g: g(x) * mpmath.npdf(x), pts)
                      for g in (f, lambda x: f(x) ** 2, lambda x: df(x) ** 2))
        assert abs(m1 - mpmath.mpf(1) / 2) < mpmath.mpf(10) ** -25  # E f = the centre
    assert _contains(first["slope"], d2 / (m2 - m1 * m1))
    assert ["-1", "-1"] not in [p["c"] for p in iid["fixed_points"]]


def _elu_inner(m, s):
    """``E[elu(m + s Y)]``, ``Y ~ N(0, 1)``, in closed form (hand-derived for this test)."""
    pos = m * mpmath.ncdf(m / s) + s * mpmath.npdf(m / s)
    neg = mpmath.exp(m + s * s / 2) * mpmath.ncdf(-m / s - s) - mpmath.ncdf(-m / s)
    return pos + neg


def _elu_iid(c):
    """``c~(c) = E[elu(z)elu(z')]/E[elu(z)^2]`` at ``N(0, 1)``: mpmath quad of the bivariate
    Gaussian, conditioned on ``z`` (the inner expectation in closed form)."""
    s = mpmath.sqrt(1 - c * c)
    f = _FORMULAS["elu"][0]
    pts = [-mpmath.inf, 0, mpmath.inf]
    prod = mpmath.quad(lambda x: f(x) * mpmath.npdf(x) * _elu_inner(c * x, s), pts)
    m2 = mpmath.quad(lambda x: f(x) ** 2 * mpmath.npdf(x), pts)
    return prod / m2


def test_plain_elu_iid_fixed_point_contains_the_mpmath_root():
    """Plain ELU(1), i.i.d. convention at q = 1: besides the exact c = 1 (repelling), one
    fixed point near 0.5976, certified unique, attracting, and containing a root of an
    independent mpmath computation (32 digits: its sign changes across the interval); the
    search is complete."""
    digits = 10
    with ctx.workprec(int(digits * 3.33) + 40):
        sc = Scaled(parse_activation("elu"), arb(1), arb(0))
        part = correlation_fixed_points(sc, arb(0), arb(1), False, digits)
    assert part["complete"] is True
    (root, one) = part["fixed_points"]
    assert one["c"] == ["1", "1"] and one["stable"] is False
    assert root["status"] == "unique" and root["stable"] is True
    lo, hi = (Fraction(x) for x in root["c"])
    assert hi - lo < Fraction(1, 10**8)
    with mpmath.workdps(32):  # an mpmath root inside: c~ - c changes sign across the interval
        pad = mpmath.mpf(10) ** -14
        below, above = (_elu_iid(mpmath.mpf(x) + d) - mpmath.mpf(x) - d
                        for x, d in ((root["c"][0], -pad), (root["c"][1], pad)))
    assert below > 0 > above


def test_plain_relu_iid_is_neutral_at_one_and_has_no_other_fixed_point():
    """He-initialized ReLU (i.i.d. kernel): c~(c) > c on [-1, 1), slope exactly 1 at c = 1
    (z^2 is independent of relu'(z)^2): complete with c = 1 alone, stability undecided."""
    with ctx.workprec(80):
        sc = Scaled(parse_activation("relu"), arb(1), arb(0))
        part = correlation_fixed_points(sc, arb(0), arb(1), False, 8,
                                        homogeneous="relu" in HOMOGENEOUS)
    assert part["complete"] is True
    assert _points(part) == [(["1", "1"], "exact", None)]
    assert part["fixed_points"][0]["slope"] == ["1", "1"]


def test_a_linear_activation_is_left_undecided_within_the_budget():
    """``leaky_relu:slope=1`` is the identity: every c is fixed.  No box can be excluded or
    hold a unique root; within the box budget the search reports undecided intervals and
    claims nothing else (no 'unique' fixed point)."""
    with ctx.workprec(60):
        sc = Scaled(parse_activation("leaky_relu:slope=1"), arb(1), arb(0))
        part = correlation_fixed_points(sc, arb(0), arb(1), True, 6, max_boxes=12)
    assert part["complete"] is False and part["boxes"] == 12
    assert {p["status"] for p in part["fixed_points"]} == {"exact"}
    covered = sum(Fraction(u["width"]) for u in part["undecided"])
    assert covered >= Fraction(1, 2)  # a lower bound: the widths are rounded up to 3 digits


def test_grid_only_seeds_the_search_and_budgets_are_range_checked(capsys):
    """``--grid K`` seeds the search with K boxes; the answer is the same; bad values exit 2
    with one line."""
    assert main(["mean-field", "--activation", "tanh", "--normalize", "affine",
                 "--correlation", "0.5", "--grid", "8", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)["correlation_fixed_points"]["centred"]
    assert out["complete"] and [p["c"] for p in out["fixed_points"]] == \
        [["-1", "-1"], ["0", "0"], ["1", "1"]]
    assert out["boxes"] > 3  # the seeds were examined
    for bad, msg in ((["--grid", "1"], "--grid must be in [2, 64]"),
                     (["--max-boxes", "0"], "--max-boxes must be in [1, 100000]")):
        assert main(["mean-field", "--activation", "tanh", *bad]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and msg in err[0]


def test_the_cli_default_budget_is_the_library_one():
    from selu_proof.cli import mean_field as cli

    assert cli.MAX_BOXES == MAX_BOXES
