"""docs/any_activation.md: its tables hold the code's certified enclosures."""

from __future__ import annotations

import re
from fractions import Fraction

from selu_proof.kernel.activations import CATALOGUE
from selu_proof.meanfield.table import PAGE, affine_rows, gpn_rows

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


def _flat_page() -> str:
    return " ".join(PAGE.read_text(encoding="utf-8").split())


def test_elu_invariance_explained_by_the_variance_bounds():
    """The map's ELU(1) paragraph: the first-order conditions follow from Theorem 1's
    proportions (``designed_domain``), the certified slopes at the fixed point break both
    variance bounds, and certified point evaluations agree at three scales."""
    from flint import arb

    from selu_proof.kernel.activation_claims import activation_model, model_token
    from selu_proof.kernel.claims import goals_of_claim
    from selu_proof.meanfield.activation import activation_mean_field
    from selu_proof.search.design_proof import designed_domain, designed_spec

    text = _flat_page()
    # first order in s: v = nu*tau - 1 spans [dv_lo*s, dv_hi*s]; a = mu*omega is O(s^2)
    d = {k: [Fraction(x) for x in v] for k, v in
         designed_domain(Fraction(0), Fraction(1), Fraction(0), Fraction(1), Fraction(1)).items()}
    dv_lo, dv_hi = d["nu"][0] + d["tau"][0] - 2, d["nu"][1] + d["tau"][1] - 2
    assert (dv_lo, dv_hi) == (Fraction(-1, 4), Fraction(3, 5))
    mu_bound = d["mu"][1] / dv_hi
    nu_lo_bound, nu_hi_bound = (1 - d["nu"][0]) / -dv_lo, (d["nu"][1] - 1) / dv_hi
    assert (mu_bound, nu_lo_bound, nu_hi_bound) == (Fraction(1, 6), Fraction(4, 5),
                                                   Fraction(5, 6))
    for claim in ("`dmu~/dnu < (1/10)/(3/5) = 1/6`", "`dnu~/dnu < (1/5)/(1/4) = 0.8`",
                  "`dnu~/dnu < (1/2)/(3/5) = 5/6`", "`[1 - s/4, 1 + 3s/5]`"):
        assert claim in text, claim

    mf = activation_mean_field("elu:alpha=1", normalize="affine", digits=12)["jacobian"]
    dmu, dnu = ([Fraction(x) for x in mf[k]] for k in ("dmu_dnu", "dnu_dnu"))
    assert dmu[1] < mu_bound and dnu[0] > max(nu_lo_bound, nu_hi_bound)
    for name, fresh in (("dmu~/dnu", mf["dmu_dnu"]), ("dnu~/dnu", mf["dnu_dnu"])):
        cell = re.search(rf"ELU at `alpha = 1` has .*?`{re.escape(name)}` in `(\[[^\]]+\])`",
                         text).group(1)
        assert _inside(fresh, cell), (name, fresh, cell)

    # the search reports the first refuted goal, in the order of the map's specification
    spec = designed_spec("elu:alpha=1|affine:0,1", Fraction(0), Fraction(1), Fraction(0),
                         Fraction(1), Fraction(1, 16))
    labels = [g.label for g in goals_of_claim(spec, spec.claims[1])]
    assert "in the order " + ", ".join(f"`{x}`" for x in labels) + ";" in text

    def num(pattern: str) -> Fraction:
        return Fraction(re.search(pattern, text).group(1))

    below_lo = num(r"below `nu_lo` by more than `([0-9.]+)\*s`")
    above_hi = num(r"above `nu_hi` by more than `([0-9.]+)\*s`")
    mu_over = num(r"exceeds `mu_hi` by more than `([0-9.]+)\*s`")
    mu_under = num(r"stays more than `([0-9.]+)\*s` below it")
    model = activation_model(model_token("elu:alpha=1", "affine", None, None, None, None), 128)

    def ball(x: Fraction) -> arb:
        return arb(x.numerator) / x.denominator

    def q(key: str, *xs: Fraction) -> arb:
        return model.quantity(key, [ball(x) for x in xs], False).x

    for s in (Fraction(1, 16), Fraction(1, 64), Fraction(1, 256)):
        b = designed_domain(Fraction(0), Fraction(1), Fraction(0), Fraction(1), s)
        (nlo, nhi), (tlo, thi) = ([Fraction(x) for x in b[k]] for k in ("nu", "tau"))
        zero = Fraction(0)
        assert q("var", zero, zero, nlo, tlo) < ball(nlo - below_lo * s)
        assert q("var", zero, zero, nhi, thi) > ball(nhi + above_hi * s)
    s = Fraction(1, 16)
    mu_hi = s / 10
    assert q("mean", mu_hi, mu_hi, 1 + s / 2, 1 + s / 10) > ball(mu_hi + mu_over * s)
    assert q("mean", Fraction(0), Fraction(0), 1 + s / 2, 1 + s / 10) < ball(mu_hi - mu_under * s)
