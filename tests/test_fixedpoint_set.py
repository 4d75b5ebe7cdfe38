"""The certified set of fixed points over a box of weight statistics (fixedpoint.over_box)."""

from __future__ import annotations

import json
from fractions import Fraction

import mpmath
import numpy as np
import pytest

from selu_proof import backends
from selu_proof.cli import main
from selu_proof.fixedpoint import fixed_point
from selu_proof.fixedpoint.over_box import PAPER_BOX, compare_with_box, fixed_point_set
from selu_proof.kernel.constants import constant_balls

THEOREM1 = (("-0.1", "0.1"), ("0.95", "1.1"))
# a designed SELU with fixed point (0, 2) at omega=0, tau=1 (README, `design --mean 0 --var 2`)
ALPHA_02, LAMBDA_02 = "1.9712557503462689381", "1.0607090761030122194"


@pytest.fixture(scope="module")
def theorem1():
    return fixed_point_set(*THEOREM1)


def _mp_fixed_point(omega, tau, alpha=None, lam=None, guess=(0, 1)):
    """The fixed point of g at (omega, tau), 50 digits, by mpmath (independent of arb)."""
    with mpmath.workdps(60):
        if alpha is None:
            a01, l01 = constant_balls(260)
            al, la = (mpmath.mpf(x.mid().str(70, radius=False)) for x in (a01, l01))
        else:
            al, la = mpmath.mpf(alpha), mpmath.mpf(lam)
        w, t = mpmath.mpf(Fraction(omega).numerator) / Fraction(omega).denominator, \
            mpmath.mpf(Fraction(tau).numerator) / Fraction(tau).denominator

        def f(m, s):
            mm, _, ss = backends.moments(m * w, s * t, al, la, backend="mpmath")
            return [mm - m, ss - s]

        root = mpmath.findroot(f, [mpmath.mpf(guess[0]), mpmath.mpf(guess[1])], tol=1e-55)
        return Fraction(mpmath.nstr(root[0], 50)), Fraction(mpmath.nstr(root[1], 50))


def _inside(value: Fraction, pair) -> bool:
    return Fraction(pair[0]) <= value <= Fraction(pair[1])


# --------------------------------------------------------------------------- Theorem 1's box


def test_theorem1_set_is_unique_and_has_the_reference_hull(theorem1):
    s = theorem1
    assert s.status == "unique" and s.reason == ""
    assert s.mean == ["-0.02087031", "0.05470599"]
    assert s.var == ["0.82647375", "1.41028983"]
    assert s.boxes >= len(s.pieces) >= 1
    assert s.tolerance == "0.000001"


def test_theorem1_hull_is_within_the_tolerance_at_every_end(theorem1):
    tol = Fraction(theorem1.tolerance)
    for name in ("mean", "var"):
        lo_gap, hi_gap = theorem1.gap(name)
        assert 0 <= lo_gap <= tol and 0 <= hi_gap <= tol, (name, lo_gap, hi_gap)


def test_inner_ends_are_reached_by_real_fixed_points(theorem1):
    """At each witness the 50-digit fixed point lies between the outer and the inner end."""
    for end, w in theorem1.witnesses.items():
        name, sense = end.split("_")
        k = 0 if name == "mean" else 1
        value = _mp_fixed_point(w["omega"], w["tau"])[k]
        outer = (theorem1.mean if name == "mean" else theorem1.var)[0 if sense == "min" else 1]
        inner = theorem1.inner[name][0 if sense == "min" else 1]
        assert min(Fraction(outer), Fraction(inner)) <= value <= \
            max(Fraction(outer), Fraction(inner)), (end, value)
        assert _inside(value, w[name])


@pytest.mark.parametrize("omega,tau", [("-0.1", "0.95"), ("-0.1", "1.1"), ("0.1", "0.95"),
                                       ("0.1", "1.1"), ("0", "1")])
def test_enclosure_contains_corner_fixed_points(theorem1, omega, tau):
    m, s = _mp_fixed_point(omega, tau)
    assert _inside(m, theorem1.mean) and _inside(s, theorem1.var)


def test_enclosure_and_pieces_contain_random_fixed_points(theorem1):
    rng = np.random.default_rng(8)
    for _ in range(8):
        omega = Fraction(int(rng.integers(-1000, 1001)), 10000)
        tau = Fraction(95, 100) + Fraction(int(rng.integers(0, 1501)), 10000)
        m, s = _mp_fixed_point(omega, tau)
        assert _inside(m, theorem1.mean) and _inside(s, theorem1.var)
        holders = [p for p in theorem1.pieces
                   if p.omega[0] <= omega <= p.omega[1] and p.tau[0] <= tau <= p.tau[1]]
        assert holders
        for p in holders:
            assert p.enclosure["mean"][0] <= m <= p.enclosure["mean"][1]
            assert p.enclosure["var"][0] <= s <= p.enclosure["var"][1]
            assert p.box["mean"][0] <= p.enclosure["mean"][0] <= p.enclosure["mean"][1] \
                <= p.box["mean"][1]


def test_pieces_cover_the_parameter_box(theorem1):
    area = sum((p.omega[1] - p.omega[0]) * (p.tau[1] - p.tau[0]) for p in theorem1.pieces)
    assert area == Fraction(2, 10) * Fraction(15, 100)
    for p in theorem1.pieces:
        assert Fraction("-0.1") <= p.omega[0] < p.omega[1] <= Fraction("0.1")
        assert Fraction("0.95") <= p.tau[0] < p.tau[1] <= Fraction("1.1")


def test_the_set_is_smaller_than_the_papers_box(theorem1):
    for name in ("mean", "var"):
        lo, hi = (Fraction(x) for x in (theorem1.mean if name == "mean" else theorem1.var))
        assert Fraction(PAPER_BOX[name][0]) < lo < hi < Fraction(PAPER_BOX[name][1])
    c = compare_with_box(theorem1)
    assert c["mean_width"] == "0.0755763" and c["var_width"] == "0.58381608"
    assert c["mean_ratio"] == "0.76502" and c["var_ratio"] == "0.850945"
    assert c["area_ratio"] == "0.650989"
    assert Fraction(c["union_area_ratio"]) < Fraction(c["area_ratio"])


def test_as_dict_is_json_with_the_documented_keys(theorem1):
    d = json.loads(json.dumps(theorem1.as_dict()))
    assert {"mean", "var", "status", "boxes", "seconds", "inner", "witnesses"} <= set(d)
    full = theorem1.as_dict(pieces=True)
    assert len(full["piece_list"]) == len(theorem1.pieces)


# --------------------------------------------------------------------------- other boxes


def test_point_box_agrees_with_fixed_point():
    s = fixed_point_set(("0.05", "0.05"), ("1.05", "1.05"))
    r = fixed_point("0.05", "1.05")
    assert s.status == "unique" and len(s.pieces) == 1
    assert _inside(Fraction(r.values["mean"]), s.mean)
    assert _inside(Fraction(r.values["var"]), s.var)


def test_other_selu_parameters_and_tolerance():
    s = fixed_point_set(("-0.02", "0.02"), ("0.98", "1.02"), ALPHA_02, LAMBDA_02, tol="1e-9")
    assert s.status == "unique" and "alpha=1.9712557503462689381" in s.convention
    for omega in ("-0.02", "0.02"):
        for tau in ("0.98", "1.02"):
            m, v = _mp_fixed_point(omega, tau, ALPHA_02, LAMBDA_02, guess=(0, 2))
            assert _inside(m, s.mean) and _inside(v, s.var)
    for name in ("mean", "var"):
        assert max(s.gap(name)) <= Fraction("1e-9")


def test_result_is_deterministic():
    a = fixed_point_set(("-0.01", "0.01"), ("0.99", "1.01")).as_dict(pieces=True)
    b = fixed_point_set(("-0.01", "0.01"), ("0.99", "1.01")).as_dict(pieces=True)
    a.pop("seconds"), b.pop("seconds")
    assert a == b


@pytest.mark.parametrize("omega,tau", [(("-10", "10"), ("0.1", "10")),
                                       (("-0.1", "0.1"), ("0.95", "3"))])
def test_huge_box_is_unknown_never_unique(omega, tau):
    """No fixed point exists for large tau (the variance grows without bound)."""
    s = fixed_point_set(omega, tau)
    assert s.status == "unknown" and not s.is_unique
    assert "no fixed point certified" in s.reason
    assert s.mean is None and s.var is None


def test_box_limit_gives_unknown():
    s = fixed_point_set(*THEOREM1, max_boxes=2)
    assert s.status == "unknown" and s.reason.startswith("box limit reached")
    assert s.mean is None and s.var is None and s.boxes == 2


@pytest.mark.parametrize("kwargs,fragment", [
    ({"omega": ("0.1", "-0.1"), "tau": "1"}, "empty"),
    ({"omega": "0", "tau": ("0", "1")}, "tau must be positive"),
    ({"omega": "nan", "tau": "1"}, "finite"),
    ({"omega": "0", "tau": "1", "tol": "0"}, "tol must be positive"),
    ({"omega": "0", "tau": "1", "tol": "-1e-6"}, "tol must be positive"),
    ({"omega": ("0", "1", "2"), "tau": "1"}, "pair"),
])
def test_bad_input_is_refused(kwargs, fragment):
    with pytest.raises(ValueError, match=fragment):
        fixed_point_set(**kwargs)


# --------------------------------------------------------------------------- CLI


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_both_spellings_give_the_same_json(capsys):
    outs = []
    for argv in (["--omega=-0.01,0.01", "--tau=0.99,1.01"],
                 ["--omega", "-0.01,0.01", "--tau", "0.99,1.01"]):
        code, out, _ = _run(capsys, "fixed-point", *argv, "--json")
        assert code == 0
        data = json.loads(out)
        data.pop("seconds")
        outs.append(data)
    assert outs[0] == outs[1]
    assert outs[0]["status"] == "unique" and outs[0]["omega"] == ["-0.01", "0.01"]
    m, v = _mp_fixed_point("-0.01", "0.99")
    assert _inside(m, outs[0]["mean"]) and _inside(v, outs[0]["var"])


def test_cli_text_output(capsys):
    code, out, _ = _run(capsys, "fixed-point", "--omega", "-.01,.01", "--tau", "1.0,1.01",
                        "--tol", "1e-8")
    assert code == 0
    assert "status:     unique" in out and "within 0.00000001 of the true hull" in out
    assert "min in [" in out and "witness omega=" in out


def test_cli_single_values_keep_the_point_behaviour(capsys):
    code, out, _ = _run(capsys, "fixed-point", "--omega", "-0.1", "--tau", "1.05", "--json")
    assert code == 0
    assert json.loads(out)["mean"] == "0.020082941214682049548"


def test_cli_unknown_exits_1(capsys):
    code, out, _ = _run(capsys, "fixed-point", "--omega", "-10,10", "--tau", "0.1,10", "--json")
    assert code == 1
    data = json.loads(out)
    assert data["status"] == "unknown" and data["mean"] is None and data["reason"]


@pytest.mark.parametrize("argv,fragment", [
    (["--omega", "0.1,-0.1", "--tau", "1"], "--omega interval '0.1,-0.1' is empty"),
    (["--omega", "0", "--tau", "1.1,1"], "--tau interval '1.1,1' is empty"),
    (["--omega", "0,0.1", "--tau", "-1,2"], "--tau must be positive"),
    (["--omega", "0,0.1", "--tau", "0,2"], "--tau must be positive"),
    (["--omega", "nan,0.1", "--tau", "1,2"], "--omega must be a finite number"),
    (["--omega", "0,0.1", "--tau", "1,2", "--tol", "0"], "--tol must be positive"),
    (["--omega", "0,0.1", "--tau", "1,2", "--tol", "nan"], "--tol must be a finite number"),
    (["--omega", "0", "--tau", "1", "--tol", "1e-3"], "--tol needs an interval"),
    (["--omega", "0,1,2", "--tau", "1"], "--omega must be a number or LO,HI"),
    (["--omega", "0,", "--tau", "1"], "--omega must be a number or LO,HI"),
    # the supported domain and parameter range hold for intervals as for single values
    (["--omega", "-1000,0.1", "--tau", "1,1.1"], "outside the supported domain"),
    (["--omega", "0,0.1", "--tau", "1e-300,1.1"], "outside the supported domain"),
    (["--omega", "0,0.1", "--tau", "1,1.1", "--alpha", "-1"], "--alpha must be in"),
    (["--omega", "0,0.1", "--tau", "1,1.1", "--lambda", "1000"], "--lambda must be in"),
])
def test_cli_bad_input_is_one_line(capsys, argv, fragment):
    code, out, err = _run(capsys, "fixed-point", *argv)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("selu-proof: error: ")
    assert fragment in err


# --------------------------------------------------------------------------- figure


def test_plot_fixed_point_set(theorem1):
    from selu_proof import plot_fixed_point_set

    fig = plot_fixed_point_set(theorem1)
    summary = fig.summary()
    assert summary["mean"] == theorem1.mean and summary["area_ratio"] == "0.650989"
    ax = fig.figure.axes[0]
    assert len(ax.collections[0].get_paths()) == len(theorem1.pieces)
    assert fig.edge_curve.shape[1] == 2 and len(fig.edge_curve) > 100
    m, v = _mp_fixed_point("-0.1", "0.95")
    d = np.hypot(fig.edge_curve[:, 0] - float(m), fig.edge_curve[:, 1] - float(v))
    assert d.min() < 1e-9  # the float curve passes through the corner's fixed point


# --------------------------------------------------------------------------- implicit derivative


@pytest.mark.parametrize("omega,tau", [(("0.09", "0.1"), ("0.95", "0.955")),
                                       (("-0.1", "-0.09"), ("1.095", "1.1")),
                                       (("-0.02", "0.02"), ("0.99", "1.01"))])
def test_implicit_derivative_encloses_finite_differences(omega, tau):
    """d(mean*, var*)/d(omega, tau) on a piece contains 50-digit central differences."""
    from selu_proof.fixedpoint.set_engine import _Engine

    engine = _Engine(None, None, 128, Fraction(1, 10 ** 20))
    w = tuple(Fraction(x) for x in omega)
    t = tuple(Fraction(x) for x in tau)
    got = engine.certify(w, t, None)
    assert not isinstance(got, str)
    D = engine.derivative(got[1], *engine._params(w, t))
    assert D is not None
    wc, tc = (w[0] + w[1]) / 2, (t[0] + t[1]) / 2
    h = Fraction(1, 10 ** 12)
    for j, (dw, dt) in enumerate(((h, 0), (0, h))):
        plus = _mp_fixed_point(wc + dw, tc + dt)
        minus = _mp_fixed_point(wc - dw, tc - dt)
        for i in range(2):
            fd = (plus[i] - minus[i]) / (2 * h)
            lo, hi = (Fraction(x) for x in (D[i][j].lower().str(30, radius=False),
                                            D[i][j].upper().str(30, radius=False)))
            assert lo - Fraction(1, 10 ** 9) <= fd <= hi + Fraction(1, 10 ** 9), (i, j, fd)
