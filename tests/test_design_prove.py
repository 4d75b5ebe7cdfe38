"""design --prove: the designed SELU's digits are what is proved; failing requests say why."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from selu_proof.cli import main
from selu_proof.kernel.checker import check_file
from selu_proof.search.design_proof import designed_domain


@pytest.mark.parametrize("var", ["2", "1.5"])
def test_designed_selu_proves(var, tmp_path, capsys):
    assert main(["design", "--mean", "0", "--var", var, "--prove", "--out", str(tmp_path),
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    proof = out["proof"]
    assert out["status"] == "unique" and proof["status"] == "proved"
    (path,) = proof["certificates"]
    chk = check_file(path)
    assert chk.valid, chk.message
    cert = json.loads(open(path).read())
    # the certificate proves exactly the printed digits
    assert cert["spec"]["parameters"] == {"alpha": out["alpha"], "lambda": out["lambda"]}
    assert cert["spec"]["domain"] == proof["domain"]
    assert [c["kind"] for c in cert["spec"]["claim"]] == ["spectral_norm_below", "maps_into"]
    # the domain surrounds the target fixed point and the weight statistics
    for name, centre in (("mu", 0), ("omega", 0), ("nu", Fraction(var)), ("tau", 1)):
        lo, hi = (Fraction(x) for x in proof["domain"][name])
        assert lo < centre < hi
    runs = proof["runs"]
    assert any(r["status"] == "proved" for r in runs)
    assert Fraction(proof["scale"]) in {Fraction(r["value"]) for r in runs
                                        if r["status"] == "proved"}


def test_theorem1_proportions_at_scale_one():
    assert designed_domain(Fraction(0), Fraction(1), Fraction(0), Fraction(1), Fraction(1)) == \
        {"mu": ["-0.1", "0.1"], "omega": ["-0.1", "0.1"], "nu": ["0.8", "1.5"],
         "tau": ["0.95", "1.1"]}


def test_omega_one_is_refuted_with_the_reason(tmp_path, capsys):
    code = main(["design", "--mean", "0", "--var", "1", "--omega", "1", "--tau", "1",
                 "--prove", "--out", str(tmp_path)])
    assert code == 1
    cap = capsys.readouterr()
    assert cap.err == ""
    line = next(x for x in cap.out.splitlines() if x.startswith("proof:"))
    assert line.startswith("proof:      refuted (Theorem 1's claims fail")
    assert "S(H) = " in line and "not < 1" in line
    assert not list(tmp_path.glob("*.cert.json"))


def test_prove_rejects_dropout_rate(capsys):
    assert main(["design", "--mean", "0", "--var", "1", "--prove", "--dropout-rate",
                 "0.1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--prove does not take --dropout-rate" in err[0]


def test_design_prove_has_a_default_budget_and_leaves_no_empty_folder(tmp_path, capsys):
    """``design --activation tanh --prove`` ran without a time limit; now the whole search
    has a default budget, a spent one ends with the reason on the proof line and exit 1,
    and the output folder created for it (with its parents) is removed again."""
    from selu_proof.cli import build_parser
    from selu_proof.cli.design import PROVE_SECONDS

    args = build_parser().parse_args(["design", "--activation", "tanh", "--prove"])
    assert args.max_seconds == PROVE_SECONDS == 300
    out = tmp_path / "new" / "certs"
    assert main(["design", "--activation", "tanh", "--prove", "--max-seconds", "0.000001",
                 "--out", str(out)]) == 1
    lines = capsys.readouterr().out.splitlines()
    (line,) = [x for x in lines if x.startswith("proof:")]
    assert line.startswith("proof:      unknown (Theorem 1's claims are not proved")
    assert line.endswith("time budget of the search spent (--max-seconds))")
    assert not (tmp_path / "new").exists()
    kept = tmp_path / "kept"
    kept.mkdir()
    assert main(["design", "--activation", "tanh", "--prove", "--max-seconds", "0.000001",
                 "--out", str(kept)]) == 1
    assert kept.is_dir()  # a folder that was there stays


def test_design_prove_shows_progress_within_each_prover_run(tmp_path, capsys, monkeypatch):
    """On a terminal the bar moves as each prover run starts and after each subtree of it
    (it moved only when a whole run ended, so a long first run showed nothing)."""
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    main(["design", "--activation", "tanh", "--prove", "--max-seconds", "2",
          "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert "proving tanh" in err and "scale 0.0625: running" in err
