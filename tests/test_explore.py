"""explore: the proved end is a proof (its certificate checks), the refuted end a refutation."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from helpers_specs import make_spec

from selu_proof.cli import main
from selu_proof.kernel.checker import check_file
from selu_proof.kernel.exact import fraction_str, parse_decimal
from selu_proof.kernel.specs import load_spec, parse_spec, shipped_specs
from selu_proof.search.edges import explore_edge, grid_midpoint, run_trial


@pytest.fixture(scope="module")
def nu_edge(tmp_path_factory):
    out = tmp_path_factory.mktemp("edge")
    spec = load_spec(shipped_specs()["theorem1"])
    return explore_edge(spec, "nu", "lo", claims=[0], tol=Fraction(1, 100), out_dir=out), spec


def test_edge_is_a_proof_and_a_refutation(nu_edge):
    res, spec = nu_edge
    assert res.status == "edge" and res.refuted < res.proved
    assert res.proved - res.refuted <= Fraction(1, 100)
    # the proved end: a certificate of the contraction on the widened domain
    chk = check_file(res.certificate)
    assert chk.valid, chk.message
    cert = json.loads(open(res.certificate).read())
    assert parse_decimal(cert["spec"]["domain"]["nu"][0]) == res.proved
    assert [c["kind"] for c in cert["spec"]["claim"]] == ["spectral_norm_below"]
    # the refuted end: proving there is refuted again, with a witness inside that domain
    raw = dict(cert["spec"], domain=dict(cert["spec"]["domain"]))
    raw["domain"]["nu"] = [fraction_str(res.refuted), raw["domain"]["nu"][1]]
    trial = run_trial(parse_spec(raw))
    assert trial.status == "refuted"
    w = res.witness
    assert res.refuted <= Fraction(w["nu"]) <= Fraction("1.5")
    assert w["goal"] == "S(H) < 1" and "not < 1" in w["statement"]
    # the contraction holds below the paper's nu = 0.8, down to about 0.51
    assert Fraction("0.5") < res.refuted < res.proved < Fraction("0.8")


def test_every_run_is_recorded(nu_edge):
    res, _ = nu_edge
    statuses = {t.status for t in res.trials}
    assert statuses == {"proved", "refuted"}
    assert res.trials[0].value == Fraction("0.8") and res.trials[0].status == "proved"


def test_no_proof_when_the_claim_fails_everywhere(tmp_path):
    spec = make_spec("never", claim={"kind": "maps_into", "var": ["0.1", "0.2"]})
    res = explore_edge(spec, "nu", "hi", tol=Fraction(1, 10), out_dir=tmp_path)
    assert res.status == "no-proof" and res.proved is None and res.certificate is None
    assert res.refuted == Fraction("0.8") and res.witness is not None


def test_grid_midpoint_is_short_and_strictly_inside():
    q = grid_midpoint(Fraction("0.51"), Fraction("0.5234567"), Fraction("1e-4"))
    assert Fraction("0.51") < q < Fraction("0.5234567") and len(str(float(q))) <= 8


@pytest.mark.parametrize("argv,words", [
    (["explore", "theorem1", "--vary", "sigma:lo"], "not a variable of the domain"),
    (["explore", "theorem1", "--vary", "nu:mid"], "--vary must be VAR:lo or VAR:hi"),
    (["explore", "theorem1", "--vary", "nu"], "--vary must be VAR:lo or VAR:hi"),
    (["explore", "theorem1", "--vary", "nu:lo", "--tol", "0"], "--tol must be positive"),
    (["explore", "theorem1", "--vary", "nu:lo", "--claim", "5"], "claim 5 does not exist"),
    (["explore", "theorem9", "--vary", "nu:lo"], "unknown theorem"),
])
def test_bad_input_is_one_error_line(argv, words, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("selu-proof: error:") and words in err[0], err


def test_cli_json_and_exit_code(tmp_path, capsys):
    spec = make_spec("never", claim={"kind": "maps_into", "var": ["0.1", "0.2"]})
    path = tmp_path / "never.toml"
    path.write_text(
        'name = "never"\n[domain]\nmu = ["-0.1", "0.1"]\nomega = ["-0.1", "0.1"]\n'
        'nu = ["0.8", "1.5"]\ntau = ["0.95", "1.1"]\n[[claim]]\nkind = "maps_into"\n'
        'var = ["0.1", "0.2"]\n')
    assert spec.claims[0]["var"] == ["0.1", "0.2"]
    assert main(["explore", str(path), "--vary", "nu:hi", "--tol", "0.1", "--out",
                 str(tmp_path), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert {"variable", "end", "proved", "refuted", "certificate"} <= set(out)
    assert (out["variable"], out["end"], out["status"]) == ("nu", "hi", "no-proof")
    assert out["proved"] is None and out["refuted"] == "0.8" and out["certificate"] is None


#: the committed edges: certificate -> (variable, end, proved value) stated in the README
EDGES = {"theorem1_nu_lo": ("nu", 0, "0.5107"), "theorem1_tau_lo": ("tau", 0, "0.9445"),
         "theorem1_tau_hi": ("tau", 1, "1.1176"), "theorem2_nu_lo": ("nu", 0, "2.4978"),
         "theorem3a_nu_hi": ("nu", 1, "0.4074"), "theorem3b_nu_hi": ("nu", 1, "0.6658")}


@pytest.mark.parametrize("name", sorted(EDGES))
def test_committed_edge_certificates_check(name):
    from selu_proof.kernel.specs import PROOFS_DIR

    path = PROOFS_DIR / "edges" / f"{name}.cert.json"
    res = check_file(path)
    assert res.valid, res.message
    var, i, value = EDGES[name]
    assert json.loads(path.read_text())["spec"]["domain"][var][i] == value
