"""Specifications with a catalogue activation: parsing, claim meanings by quadrature,
proofs, refutations and certificates the checker replays (and rejects when tampered).
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from fractions import Fraction

import mpmath
import pytest
from flint import arb, ctx

from selu_proof.kernel.checker import check_certificate
from selu_proof.kernel.model import SeluClosedForm, compiled_goal, model_of
from selu_proof.kernel.specs import SpecError, parse_spec
from selu_proof.search.prover import prove_spec

TINY = {"mu": ["-0.00001", "0.00001"], "omega": ["-0.00001", "0.00001"],
        "nu": ["0.99999", "1.00001"], "tau": ["0.99999", "1.00001"]}
SMALL = {"mu": ["-0.01", "0.01"], "omega": ["-0.01", "0.01"], "nu": ["0.95", "1.05"],
         "tau": ["0.99", "1.01"]}


def _raw(name: str, activation: str, claims: list[dict], domain: dict | None = None,
         **params: str) -> dict:
    p = {"activation": activation, **params}
    return {"name": name, "parameters": p, "domain": copy.deepcopy(domain or SMALL),
            "claim": claims}


# --------------------------------------------------------------------------- references


def _f(name: str, x: mpmath.mpf, p: mpmath.mpf) -> mpmath.mpf:
    if name == "elu":
        return x if x > 0 else p * mpmath.expm1(x)
    if name == "leaky_relu":
        return x if x > 0 else p * x
    return mpmath.tanh(x)


def _df(name: str, x: mpmath.mpf, p: mpmath.mpf) -> mpmath.mpf:
    if name == "elu":
        return mpmath.mpf(1) if x > 0 else p * mpmath.exp(x)
    if name == "leaky_relu":
        return mpmath.mpf(1) if x > 0 else p
    return 1 / mpmath.cosh(x) ** 2


def _gauss(h, a: mpmath.mpf, v: mpmath.mpf) -> mpmath.mpf:
    s = mpmath.sqrt(v)
    return mpmath.quad(lambda x: h(x) * mpmath.npdf(x, a, s), [-mpmath.inf, 0, mpmath.inf])


def _reference_chi1(name: str, p: str, point: dict[str, str]) -> mpmath.mpf:
    """``tau lambda^2 E f'(z)^2`` at ``point``, ``lambda`` of the affine normalization,
    by mpmath quadrature (independent of the ball integrator) at 30 digits.
    """
    with mpmath.workdps(30):
        q = mpmath.mpf(p) if p else mpmath.mpf(0)
        m1 = _gauss(lambda x: _f(name, x, q), 0, 1)
        m2 = _gauss(lambda x: _f(name, x, q) ** 2, 0, 1)
        lam2 = 1 / (m2 - m1 ** 2)
        mu, om, nu, tau = (mpmath.mpf(Fraction(point[k]).numerator)
                           / Fraction(point[k]).denominator for k in ("mu", "omega", "nu", "tau"))
        return tau * lam2 * _gauss(lambda x: _df(name, x, q) ** 2, mu * om, nu * tau)


CASES = [("elu:alpha=1.5", "elu", "1.5"), ("tanh", "tanh", ""),
         ("leaky_relu:slope=0.2", "leaky_relu", "0.2")]


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize("params, message", [
    ({"activation": "nosuch"}, "unknown activation 'nosuch'"),
    ({"activation": "celu:alpha=0"}, "out of range"),
    ({"activation": "elu:alpha=x"}, "not a finite exact decimal"),
    ({"activation": "tanh", "normalize": "gpn"}, "normalize must be \"affine\""),
    ({"activation": "tanh", "normalize": "affine", "var": "-1"}, "must be positive"),
    ({"activation": "tanh", "normalize": "affine", "lambda": "1.2"}, "not both"),
    ({"activation": "tanh", "alpha": "1.2"}, "not alpha"),
    ({"activation": "tanh", "mean": "0.1"}, "target of normalize"),
])
def test_bad_activation_parameters_are_one_line_errors(params, message):
    raw = _raw("bad", "tanh", [{"kind": "maps_into"}])
    raw["parameters"] = params
    with pytest.raises(SpecError, match=message) as exc:
        parse_spec(raw)
    assert "\n" not in str(exc.value)


def test_cli_reports_a_bad_activation_in_one_line(tmp_path):
    spec = tmp_path / "bad.toml"
    spec.write_text('name = "bad"\n[parameters]\nactivation = "tanh"\nnormalize = "affine"\n'
                    'lambda = "1"\n[domain]\nmu = ["0", "0"]\nomega = ["0", "0"]\n'
                    'nu = ["1", "1"]\ntau = ["1", "1"]\n[[claim]]\nkind = "maps_into"\n')
    out = subprocess.run([sys.executable, "-m", "selu_proof", "prove", str(spec), "--out",
                          str(tmp_path)], capture_output=True, text=True)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "not both" in out.stderr
    assert "Traceback" not in out.stderr


def test_spec_without_activation_is_selu_closed_form():
    spec = parse_spec({"name": "s", "domain": SMALL, "claim": [{"kind": "maps_into"}]})
    assert spec.model == "closed-form:alpha01,lambda01"
    assert isinstance(model_of(spec.model, 64), SeluClosedForm)


# --------------------------------------------------------------------------- meanings


@pytest.mark.parametrize("key", ["S(H)", "S(J)", "mean", "var", "var-nu", "chi1", "-S(H)"])
def test_selu_by_quadrature_agrees_with_the_closed_form(key):
    """Values and gradients (through second derivatives of the density) overlap."""
    with ctx.workprec(80):
        model = model_of(parse_spec(_raw("q", "selu", [{"kind": "maps_into"}])).model, 80)
        closed = model_of("closed-form:alpha01,lambda01", 80).constants().values()
        xs = [arb("0.07"), arb("-0.09"), arb("1.3"), arb("1.05")]
        ours = model.goal(key)[1](*xs)
        theirs = compiled_goal(key)[1](*xs, *closed)
        for x, y in zip(ours, theirs):
            assert x.overlaps(y) and x.rad() < 1e-15, (key, x, y)


def test_elu_alpha01_affine_is_selu():
    """SELU is the affine normalization of ELU with alpha = alpha_01 (beta = 0)."""
    from selu_proof.kernel.constants import constant_balls

    with ctx.workprec(100):
        raw = _raw("e", "elu:alpha=1.67326324235437728481704299167171128", [{"kind": "maps_into"}],
                   normalize="affine")
        model = model_of(parse_spec(raw).model, 100)
        lam01 = constant_balls(100)[1]
        assert abs(model.lam - lam01) < 1e-25 and abs(model.beta) < 1e-25  # 35 digits of alpha


# --------------------------------------------------------------------------- proofs


@pytest.mark.parametrize("act, name, p", CASES, ids=[c[0] for c in CASES])
def test_true_claim_proved_false_claim_refuted_with_small_margins(act, name, p, tmp_path):
    """chi1 bounds 5e-4 above (proved) and below (refuted) its value on a tiny domain."""
    centre = _reference_chi1(name, p, {"mu": "0", "omega": "0", "nu": "1", "tau": "1"})
    above = mpmath.nstr(centre + mpmath.mpf("5e-4"), 8)
    below = mpmath.nstr(centre - mpmath.mpf("5e-4"), 8)
    true = parse_spec(_raw("t", act, [{"kind": "chi1_below", "bound": above}], TINY,
                           normalize="affine"))
    (res,) = prove_spec(true, out_dir=tmp_path, max_boxes=200)
    assert res.status == "proved", res.reason
    cert = json.loads((tmp_path / "t.cert.json").read_text())
    assert check_certificate(cert).valid
    false = parse_spec(_raw("f", act, [{"kind": "chi1_below", "bound": below}], TINY,
                            normalize="affine"))
    (res,) = prove_spec(false, out_dir=tmp_path, max_boxes=200)
    assert res.status == "refuted" and not (tmp_path / "f.cert.json").exists()
    w = res.witness
    for k, (lo, hi) in TINY.items():
        assert Fraction(lo) <= Fraction(w[k]) <= Fraction(hi)
    with mpmath.workdps(30):
        assert _reference_chi1(name, p, w) >= mpmath.mpf(below) - mpmath.mpf("1e-20")


@pytest.mark.parametrize("act", ["elu:alpha=1.5", "tanh"])
def test_contraction_and_invariance_proved_and_refuted(act, tmp_path):
    """Theorem 1's claims near (0, 1) hold; the variance decreases from above, increases
    from below, and does not decrease from below.
    """
    spec = parse_spec(_raw("c", act, [{"kind": "spectral_norm_below", "bound": "1"},
                                      {"kind": "maps_into"}], normalize="affine"))
    results = prove_spec(spec, out_dir=tmp_path, max_boxes=500)
    assert [r.status for r in results] == ["proved"] * 2
    assert check_certificate(json.loads((tmp_path / "c.cert.json").read_text())).valid
    tau = ["0.999", "1.001"]
    above = dict(SMALL, nu=["1.02", "1.05"], tau=tau)
    below = dict(SMALL, nu=["0.95", "0.98"], tau=tau)
    for claim, domain, status in [("variance_decreases", above, "proved"),
                                  ("variance_increases", below, "proved"),
                                  ("variance_decreases", below, "refuted")]:
        spec = parse_spec(_raw("d", act, [{"kind": claim}], domain, normalize="affine"))
        (res,) = prove_spec(spec, out_dir=tmp_path, max_boxes=500)
        assert res.status == status, (claim, res.reason)


# --------------------------------------------------------------------------- tampering


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    out = tmp_path_factory.mktemp("cert")
    spec = parse_spec(_raw("elu", "elu:alpha=1.5", [{"kind": "spectral_norm_below",
                                                     "bound": "1"}], normalize="affine"))
    (res,) = prove_spec(spec, out_dir=out, max_boxes=500)
    assert res.status == "proved"
    return json.loads((out / "elu.cert.json").read_text())


def test_certificate_records_activation_constants_and_integrator(certificate):
    assert certificate["activation"]["spec"] == "elu:alpha=1.5"
    assert certificate["activation"]["parameters"] == {"alpha": "1.5"}
    assert certificate["activation"]["integrator"]["accuracy_bits"] == certificate["precision"]
    assert set(certificate["constants"]) == {"lambda", "beta"}
    verdict = check_certificate(certificate)
    assert verdict.valid
    assert verdict.parameters == {"activation": "elu:alpha=1.5", "normalize": "affine"}


def _set(cert: dict, path: tuple[str, ...], value) -> dict:
    out = copy.deepcopy(cert)
    obj = out
    for k in path[:-1]:
        obj = obj[k]
    obj[path[-1]] = value
    return out


@pytest.mark.parametrize("path, value, message", [
    (("activation", "spec"), "elu:alpha=1.6", "activation.spec"),
    (("activation", "name"), "celu", "activation.name"),
    (("activation", "parameters"), {"alpha": "1.6"}, "activation.parameters"),
    (("activation", "integrator", "accuracy_bits"), 64, "activation.integrator"),
    (("activation", "integrator", "boxes", "degrees"), [4, 6], "activation.integrator"),
    (("activation", "integrator", "boxes", "cell_bits"), 1, "activation.integrator"),
    (("activation", "integrator", "boxes", "max_pieces"), 17, "activation.integrator"),
    (("activation", "integrator", "boxes", "form"), "mean-value", "activation.integrator"),
    (("activation", "normalize"), "none", "activation.normalize"),
    (("activation", "formula"), "where(x > 0, x, alpha*expm1(x))*1", "activation.formula"),
    (("activation", "kinks"), ["0.5"], "activation.kinks"),
    (("activation", "growth", "coeffs"), ["1", "0.5"], "activation.growth"),
    (("activation", "growth", "rate"), "0.1", "activation.growth"),
    (("activation", "derivative_growth", "coeffs"), ["0.5"], "activation.derivative_growth"),
    (("activation", "integrator", "eval_limit"), 10**6, "activation.integrator"),
    (("constants", "lambda"), "[1.1013505094900800 +/- 1e-17]", "constants.lambda"),
    (("constants", "beta"), "[0.05 +/- 1e-30]", "constants.beta"),
    (("spec", "parameters", "activation"), "elu:alpha=1.6", "activation"),
    (("spec", "parameters", "normalize"), None, ""),
])
def test_tampered_certificate_is_rejected(certificate, path, value, message):
    if value is None:
        bad = copy.deepcopy(certificate)
        del bad["spec"]["parameters"]["normalize"]
    else:
        bad = _set(certificate, path, value)
    verdict = check_certificate(bad)
    assert not verdict.valid and message in verdict.message, verdict.message


@pytest.mark.parametrize("path, message", [
    (("activation", "integrator", "accuracy_bits"), "activation.integrator"),
    (("constants", "lambda"), "constants.lambda"),
])
def test_value_preserving_respelling_is_refused(certificate, path, message):
    """128.0 for the integer 128 and a ball's midpoint with a trailing zero state the same
    values, but any edit of a field the prover writes is detected.
    """
    obj = certificate
    for k in path:
        obj = obj[k]
    value = float(obj) if isinstance(obj, int) else obj.replace(" +/-", "0 +/-", 1)
    bad = _set(certificate, path, value)
    verdict = check_certificate(bad)
    assert not verdict.valid and message in verdict.message, verdict.message


def test_activation_key_is_required(certificate):
    bad = copy.deepcopy(certificate)
    del bad["activation"]
    assert not check_certificate(bad).valid


def test_extremum_and_second_moment_jacobian(tmp_path):
    """An extremum bracket of chi1 and S(J) < 1 for tanh, checked; the bracket holds the
    independent reference value.
    """
    spec = parse_spec(_raw("x", "tanh", [
        {"kind": "extremum", "quantity": "chi1", "sense": "max", "tolerance": "1e-4"},
        {"kind": "spectral_norm_below", "bound": "1", "jacobian": "second_moment"}],
        TINY, normalize="affine"))
    results = prove_spec(spec, out_dir=tmp_path, max_boxes=500)
    assert [r.status for r in results] == ["proved"] * 2
    cert = json.loads((tmp_path / "x.cert.json").read_text())
    verdict = check_certificate(cert)
    assert verdict.valid
    entry = cert["claims"][0]
    with mpmath.workdps(30):  # the reference is good to about 25 digits
        ref = _reference_chi1("tanh", "", entry["witness"])
        assert mpmath.mpf(entry["lower"]) <= ref + mpmath.mpf("1e-20")
        assert ref <= mpmath.mpf(entry["upper"]) + mpmath.mpf("1e-20")
