"""docs/any_activation.md: its tables hold the code's certified enclosures."""

from __future__ import annotations

import re
from fractions import Fraction

from selu_proof.activation_table import PAGE, affine_rows, gpn_rows
from selu_proof.kernel.activations import CATALOGUE

_ROW = re.compile(r"^\| `([^`]+)` \| (.*) \|$", re.M)
_IV = re.compile(r"\[([^,\]]+), ([^\]]+)\]")


def _page_rows() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    text = PAGE.read_text(encoding="utf-8")
    block = text.split("<!-- table:start -->", 1)[1].split("<!-- table:end -->", 1)[0]
    affine_part, gpn_part = block.split("| activation | gamma", 1)
    parse = lambda part: {m.group(1): [c.strip() for c in m.group(2).split(" | ")]  # noqa: E731
                          for m in _ROW.finditer(part)}
    return parse(affine_part), parse(gpn_part)


def _inside(fresh: list[str] | None, cell: str) -> bool:
    if fresh is None:
        return cell == "-"
    m = _IV.fullmatch(cell)
    assert m, cell
    lo, hi = Fraction(m.group(1)), Fraction(m.group(2))
    return lo <= Fraction(fresh[0]) and Fraction(fresh[1]) <= hi


def test_every_interval_on_the_page_contains_the_codes_enclosure():
    affine, gpn = _page_rows()
    assert len(affine) == len(CATALOGUE) == len(gpn)
    keys = ["lambda", "beta", "chi1", "chi_c", "xi_c", "radius", "norm"]
    for row in affine_rows(digits=12):
        cells = affine[row["activation"]]
        for key, cell in zip(keys, cells, strict=False):
            assert _inside(row[key], cell), (row["activation"], key, row[key], cell)
        assert cells[7] == {True: "yes", False: "no", None: "undecided"}[row["attracting"]]
        # Gaussian Poincare: chi1 >= 1 for every affine-normalized activation at (0, 1)
        assert Fraction(row["chi1"][0]) >= 1
    for row in gpn_rows(digits=12):
        cells = gpn[row["activation"]]
        assert _inside(row["gamma"], cells[0]) and _inside(row["beta"], cells[1])


def test_relu_gpn_next_to_lu_et_al():
    _, gpn = _page_rows()
    assert gpn["relu"][2] == "1.4142, 0"
    lo, hi = (Fraction(x) for x in _IV.fullmatch(gpn["relu"][0]).groups())
    assert round(float(lo), 4) == 1.4142 and lo * lo <= 2 <= hi * hi
