"""Certified kernel maps on [-1, 1]: ``selu_proof.kernel_maps`` and ``selu-proof kernel``."""

from __future__ import annotations

import json
from fractions import Fraction

import mpmath
import pytest

from selu_proof.cli import main
from selu_proof.kernel_maps import grid_points, kernel_maps


def _contains(iv: list[str], x) -> bool:
    return Fraction(iv[0]) <= Fraction(x) <= Fraction(iv[1])


def _mp(x) -> Fraction:
    return Fraction(mpmath.nstr(x, 40, min_fixed=-60, max_fixed=60))


def test_relu_is_the_arc_cosine_kernel_on_all_of_minus_1_1():
    cs = [Fraction(-1), Fraction(-9, 10), Fraction(0), Fraction(3, 10), Fraction(1)]
    out = kernel_maps("relu", cs, q=Fraction(2), digits=15)
    assert _contains(out["Q"], 1) and _contains(out["Q_slope"], Fraction(1, 2))  # q/2
    with mpmath.workdps(40):
        for c, pt in zip(cs, out["points"], strict=True):
            x = mpmath.mpf(c.numerator) / c.denominator
            k = (mpmath.sqrt(1 - x * x) + (mpmath.pi - mpmath.acos(x)) * x) / mpmath.pi
            assert _contains(pt["C"], _mp(k)), (c, pt)
            assert _contains(pt["slope"], _mp((mpmath.pi - mpmath.acos(x)) / mpmath.pi)), c
    assert out["points"][-1]["C"] == ["1", "1"]


def test_tanh_is_odd_and_its_slope_at_1_is_chi1_over_q():
    out = kernel_maps("tanh", [Fraction(-1), Fraction(-1, 2), Fraction(1, 2), Fraction(1)],
                      digits=10)
    c = {p["c"]: p for p in out["points"]}
    assert _contains(c["-1"]["C"], -1)
    lo, hi = (Fraction(t) for t in c["0.5"]["C"])
    mlo, mhi = (Fraction(t) for t in c["-0.5"]["C"])
    assert mlo <= -lo and -hi <= mhi and hi > Fraction(1, 4)  # C(-c) = -C(c) overlap
    with mpmath.workdps(30):
        e = lambda g: mpmath.quad(lambda x: g(x) * mpmath.npdf(x), [-mpmath.inf, 0, mpmath.inf])  # noqa: E731
        slope1 = e(lambda x: mpmath.sech(x) ** 4) / e(lambda x: mpmath.tanh(x) ** 2)
        assert _contains(c["1"]["slope"], _mp(slope1))


def test_grid_points_are_exact():
    assert grid_points(2) == [-1, 1]
    assert grid_points(4)[1] == Fraction(-1, 3)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["kernel", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_kernel_json(capsys):
    code, out, err = _run(capsys, "relu", "--c", "0", "--json", "--digits", "8")
    assert code == 0, err
    data = json.loads(out)
    assert data["C"] == ["0.31830988", "0.31830989"] and data["certified"] is True
    assert set(data) >= {"C", "slope", "Q", "Q_slope", "points", "convention"}
    code, out, err = _run(capsys, "relu", "--grid", "3", "--json", "--digits", "6")
    assert [p["c"] for p in json.loads(out)["points"]] == ["-1", "0", "1"]


@pytest.mark.parametrize("argv,fragment", [
    (["relu", "--c", "1.5"], "--c must be in [-1, 1]"),
    (["relu", "--c", "inf"], "--c must be a finite number"),
    (["relu", "--q", "-1"], "--q must be in [0.001, 1000]"),
    # a variance below the supported range was a traceback after a long search
    (["tanh", "--q", "1e-40"], "--q must be in [0.001, 1000]"),
    (["relu", "--grid", "42"], "--grid must be between 2 and 41"),
    (["relu", "--digits", "0"], "--digits must be between"),
    (["nope"], "unknown activation"),
    (["relu", "--c", "0", "--grid", "3"], "not allowed with"),
])
def test_bad_input_is_one_line(capsys, argv, fragment):
    try:
        code = main(["kernel", *argv])
    except SystemExit as exc:
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert fragment in err and len(err.strip().splitlines()) == 1, err
