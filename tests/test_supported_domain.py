"""The supported domain: specifications and certificates outside it are refused at once,
and the checker's work is bounded by the certificate's size."""

from __future__ import annotations

import copy
import json
from fractions import Fraction

import pytest
from flint import arb
from helpers_specs import THEOREM1

from selu_proof.cli import main
from selu_proof.kernel.checker import check_certificate, check_file
from selu_proof.kernel.exact import MAX_BITS, ball_ends, upper_fraction
from selu_proof.kernel.specs import PROOFS_DIR, SpecError, parse_spec


@pytest.fixture(scope="module")
def cert():
    return json.loads((PROOFS_DIR / "theorem1.cert.json").read_text())


def _spec(**domain):
    raw = copy.deepcopy(THEOREM1)
    raw["domain"].update(domain)
    return raw


@pytest.mark.parametrize("domain,words", [
    ({"nu": ["1e-40", "1"]}, "nu*tau ranges over [9.5e-41"),
    ({"nu": ["9.024e-51", "1.5"]}, "nu*tau ranges over"),
    ({"nu": ["0.8", "2000"]}, "nu or tau above 1000"),
    ({"nu": ["500", "900"], "tau": ["1", "2"]}, "nu*tau ranges over"),
    ({"mu": ["-200", "0"]}, "|mu| or |omega| above 100"),
    ({"mu": ["-50", "50"], "omega": ["0", "1"]}, "|mu*omega| reaches 50"),
])
def test_specification_outside_the_supported_domain(domain, words):
    with pytest.raises(SpecError, match="supported domain") as info:
        parse_spec(_spec(**domain))
    assert words in str(info.value)


def test_theorem3_and_designs_are_inside():
    parse_spec(_spec(nu=["0.001", "1000"], tau=["1", "1"]))  # the range's two ends
    parse_spec(_spec(mu=["-10", "10"], omega=["-1", "1"]))


@pytest.mark.parametrize("value", ["1000", "0.001", "-1"])
def test_parameters_outside_the_supported_range(value):
    raw = copy.deepcopy(THEOREM1)
    raw["parameters"]["alpha"] = value
    with pytest.raises(SpecError, match="parameters.alpha"):
        parse_spec(raw)


def test_prove_refuses_a_tiny_variance_with_one_line(tmp_path, capsys):
    path = tmp_path / "tiny.toml"
    path.write_text('name = "tiny"\n[domain]\nmu = ["-0.1", "0.1"]\nomega = ["-0.1", "0.1"]\n'
                    'nu = ["1e-40", "1e-39"]\ntau = ["0.95", "1.1"]\n[[claim]]\n'
                    'kind = "variance_increases"\n')
    assert main(["prove", str(path), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "supported domain" in err[0]


def test_checker_refuses_a_certificate_outside_the_domain(cert, tmp_path):
    bad = copy.deepcopy(cert)
    bad["spec"]["domain"]["nu"] = ["9.024e-51", "1.5"]
    res = check_certificate(bad)
    assert not res.valid and "supported domain" in res.message
    path = tmp_path / "tiny.cert.json"
    path.write_text(json.dumps(bad))
    assert not check_file(path).valid


def test_checker_refuses_precision_above_the_cap(cert):
    bad = copy.deepcopy(cert)
    bad["precision"] = 4096
    res = check_certificate(bad)
    assert not res.valid and "[53, 1024]" in res.message


def test_checker_refuses_a_tree_deeper_than_the_split_cap(cert):
    bad = copy.deepcopy(cert)
    leaf = ["natural", "....", "0.5"]
    # 65 bisections of mu, always descending into the left half
    bad["claims"][0]["goals"][0]["tree"] = [0] * 65 + [leaf] * 66
    res = check_certificate(bad)
    assert not res.valid and "split more than 64 times" in res.message


def test_deeply_nested_json_is_invalid_not_a_crash(tmp_path, capsys):
    path = tmp_path / "deep.cert.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    assert not check_file(path).valid
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: INVALID: ") and len(out.strip().splitlines()) == 1


def test_ball_ends_stay_small():
    tiny = arb("1e-100000")
    lo, hi = ball_ends(tiny)
    assert lo == 0 and hi == Fraction(1, 2**MAX_BITS)  # outward, not exact
    lo, hi = ball_ends(-tiny)
    assert lo == -Fraction(1, 2**MAX_BITS) and hi == 0
    assert upper_fraction(arb("1e100000")) is None
    assert ball_ends(arb("0.5")) == (Fraction(1, 2), Fraction(1, 2))
