"""Normalizer-free gains and the constants table: ``selu_proof.gains``, ``selu-proof table``,
and the tables of docs/gains.md."""

from __future__ import annotations

import csv
import io
import json
import re
from fractions import Fraction

import mpmath
import pytest
from test_docs_any_activation import _inside

from selu_proof.cli import main
from selu_proof.gains import (
    PAGE,
    PUBLISHED_NF_GAINS,
    REL_DIGITS,
    constants_rows,
    nf_comparison_rows,
    page_table,
)
from selu_proof.kernel.activations import CATALOGUE

_ROW = re.compile(r"^\| (.*) \|$", re.M)


def _cells(table: str) -> list[list[str]]:
    rows = [[c.strip() for c in m.group(1).split(" | ")] for m in _ROW.finditer(table)]
    return rows[1:]  # the header (the rule |---| does not match)


def _contains(iv: list[str], x) -> bool:
    return Fraction(iv[0]) <= Fraction(x) <= Fraction(iv[1])


def _mp(x) -> Fraction:
    return Fraction(mpmath.nstr(x, 40, min_fixed=-50, max_fixed=50))


def test_gains_contain_independent_mpmath_values():
    """The gain is 1/std f(z): closed form for ReLU, mpmath quadrature for tanh and GELU."""
    rows = {r["activation"]: r for r in constants_rows(15)}
    with mpmath.workdps(40):
        relu = 1 / mpmath.sqrt(mpmath.mpf(1) / 2 - 1 / (2 * mpmath.pi))
        assert _contains(rows["relu"]["gain"], _mp(relu))
        phi = lambda x: mpmath.exp(-x * x / 2) / mpmath.sqrt(2 * mpmath.pi)  # noqa: E731
        e2 = mpmath.quad(lambda x: mpmath.tanh(x) ** 2 * phi(x), [-mpmath.inf, 0, mpmath.inf])
        assert _contains(rows["tanh"]["gain"], _mp(1 / mpmath.sqrt(e2)))
        gelu = lambda x: x * mpmath.ncdf(x)  # noqa: E731
        m1 = mpmath.quad(lambda x: gelu(x) * phi(x), [-mpmath.inf, 0, mpmath.inf])
        m2 = mpmath.quad(lambda x: gelu(x) ** 2 * phi(x), [-mpmath.inf, 0, mpmath.inf])
        assert _contains(rows["gelu"]["gain"], _mp(1 / mpmath.sqrt(m2 - m1 * m1)))
        assert _contains(rows["gelu"]["affine_beta"], _mp(m1))
        # chi1 of the normalized ReLU: lambda^2 E[relu'^2] = lambda^2/2
        assert _contains(rows["relu"]["chi1"], _mp(relu * relu / 2))
    # GPN gamma of ReLU is sqrt 2; SELU's gain is 1
    assert _contains(rows["relu"]["gpn_gamma"], _mp(mpmath.sqrt(2)))
    assert _contains(rows["selu:alpha=alpha_01,lambda=lambda_01"]["gain"], 1)


def test_published_gains_are_high_by_the_stated_relative_errors():
    rows = {r["name"]: r for r in nf_comparison_rows(12)}
    assert set(rows) == {p.name for p in PUBLISHED_NF_GAINS}
    for r in rows.values():  # every published gain is too high
        assert Fraction(r["relative_error"][0]) > 0, r
    # ReLU: 1.7139588594/1.7128585504 - 1 (closed form of the gain)
    relu = 1 / mpmath.sqrt(mpmath.mpf(1) / 2 - 1 / (2 * mpmath.pi))
    assert _contains(rows["relu"]["relative_error"],
                     _mp(mpmath.mpf("1.7139588594436646") / relu - 1))
    # the same function, different published gains, one certified gain
    assert rows["elu"]["certified_gain"] == rows["celu"]["certified_gain"]
    assert rows["log_sigmoid"]["certified_gain"] == rows["softplus"]["certified_gain"]
    assert rows["tanh"]["relative_error_rounded"] == "+8.63e-4"
    # ReLU6 differs from ReLU only where z > 6: the certified gains agree within 1e-8, the
    # published ones differ by 4.7e-4
    gap = Fraction(rows["relu6"]["certified_gain"][1]) - Fraction(rows["relu"]["certified_gain"][0])
    assert 0 < gap < Fraction(1, 10**8)
    assert abs(Fraction(rows["relu6"]["published"]) / Fraction(rows["relu"]["published"]) - 1) \
        > Fraction(4, 10**4)


def test_page_tables_hold_the_codes_values():
    text = PAGE.read_text(encoding="utf-8")
    cons = _cells(page_table(text, "constants"))
    assert [c[0] for c in cons] == [f"`{r['activation']}`" for r in constants_rows(6)]
    assert len(cons) == len(CATALOGUE)
    keys = ["gain", "affine_beta", "gpn_gamma", "gpn_beta", "chi1"]
    for cells, row in zip(cons, constants_rows(14), strict=True):
        for key, cell in zip(keys, cells[1:], strict=True):
            assert _inside(row[key], cell), (row["activation"], key, row[key], cell)
    nf = _cells(page_table(text, "nf-gains"))
    fresh = nf_comparison_rows(14)
    assert [c[0] for c in nf] == [r["name"] for r in fresh]
    for cells, row in zip(nf, fresh, strict=True):
        assert cells[1] == f"`{row['activation']}`" and cells[2] == row["published"]
        assert _inside(row["certified_gain"], cells[3])
        # rounded to nearest to REL_DIGITS digits: within half a unit of the last digit
        page, exact = float(cells[4]), float(Fraction(row["relative_error"][0]))
        unit = 10.0 ** (int(f"{exact:e}".split("e")[1]) - REL_DIGITS + 1)
        assert abs(page - exact) <= unit / 2 * (1 + 1e-9), (row["name"], page, exact)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_table_constants_json_and_csv(capsys):
    code, out, err = _run(capsys, "table", "constants", "--json", "--digits", "8")
    assert code == 0, err
    data = json.loads(out)
    assert data["certified"] is True and data["table"] == "constants"
    assert len(data["rows"]) == len(CATALOGUE)
    relu = next(r for r in data["rows"] if r["activation"] == "relu")
    assert relu["gain"] == ["1.7128585", "1.7128586"]
    code, out, _ = _run(capsys, "table", "constants", "--csv", "--digits", "8")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(CATALOGUE)
    relu = next(r for r in rows if r["activation"] == "relu")
    assert (relu["gain_lo"], relu["gain_hi"]) == ("1.7128585", "1.7128586")
    code, out, _ = _run(capsys, "table", "nf-gains", "--csv", "--digits", "6")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["name"] == "celu" and rows[0]["published"] == "1.270926833152771"


@pytest.mark.parametrize("argv,message", [
    (["table", "constants", "--digits", "0"], "--digits must be between 1 and 60"),
    (["table", "constants", "--digits", "61"], "--digits must be between 1 and 60"),
    (["table", "gains"], "invalid choice"),
    (["table", "constants", "--json", "--csv"], "not allowed with"),
])
def test_table_bad_input_is_one_line(capsys, argv, message):
    with pytest.raises(SystemExit) as exc:
        code = main(argv)
        raise SystemExit(code)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_normalize_help_names_the_nf_gain(capsys):
    with pytest.raises(SystemExit):
        main(["normalize", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "normalizer-free gain gamma = 1/std f(z)" in out
