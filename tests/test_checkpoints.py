"""``prove --resume`` trusts no checkpoint: strict validation, then the checker's replay."""

from __future__ import annotations

import json

import pytest
from helpers_specs import prove_until_interrupted

from selu_proof.cli import main
from selu_proof.kernel.claims import goals_of_claim
from selu_proof.kernel.model import model_of
from selu_proof.kernel.specs import load_spec, shipped_specs
from selu_proof.search import prover

# Theorem 1's domain with a false bound: max S(H) is about 0.89761 > 0.8975
FALSE_BOUND = ('name = "falsemax"\n[domain]\nmu = ["-0.1", "0.1"]\nomega = ["-0.1", "0.1"]\n'
               'nu = ["0.8", "1.5"]\ntau = ["0.95", "1.1"]\n[[claim]]\n'
               'kind = "spectral_norm_below"\nbound = "0.8975"\n')


def _record(tree):
    return {"status": "proved", "tree": tree, "boxes": 1, "evaluations": 1,
            "max_bound": "1/2", "witness": None, "witness_value": "", "reason": ""}


def test_forged_checkpoint_of_a_false_claim_is_not_proved(tmp_path, capsys):
    path = tmp_path / "falsemax.toml"
    path.write_text(FALSE_BOUND)
    spec = load_spec(path)
    (goal,) = goals_of_claim(spec, spec.claims[0])
    params = model_of(spec.model, 128)
    frontier = prover.expand_frontier(goal.key, goal.bound, spec.domain, params)
    assert frontier.open and frontier.refuted is None
    forged = {"format": prover.CHECKPOINT_FORMAT, "spec": spec.raw, "precision": 128,
              "goals": {"0/0": {"done": {p: _record([["natural", "....", "0.5"]])
                                         for p in frontier.open}}}}
    (tmp_path / "falsemax.checkpoint.json").write_text(json.dumps(forged))
    assert main(["prove", str(path), "--out", str(tmp_path), "--resume", "--json"]) == 1
    (r,) = json.loads(capsys.readouterr().out)["results"]
    assert r["status"] == "unknown" and r["certificate"] is None
    assert "the checker rejects the certificate" in r["reason"]
    assert not (tmp_path / "falsemax.cert.json").exists()


def _interrupted_lemma12(tmp_path, monkeypatch) -> dict:
    spec = load_spec(shipped_specs()["lemma12"])
    prove_until_interrupted(spec, tmp_path, monkeypatch, after=4)
    return json.loads((tmp_path / "lemma12.checkpoint.json").read_text())


def test_corrupted_subtree_in_checkpoint_is_refused(tmp_path, monkeypatch, capsys):
    ckpt = _interrupted_lemma12(tmp_path, monkeypatch)
    done = ckpt["goals"]["0/0"]["done"]
    done[next(iter(done))]["tree"] = "xx"
    (tmp_path / "lemma12.checkpoint.json").write_text(json.dumps(ckpt))
    assert main(["prove", "lemma12", "--out", str(tmp_path), "--resume"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1
    assert "checkpoint" in err and "refused" in err and "tree must be a nonempty list" in err
    assert not (tmp_path / "lemma12.cert.json").exists()


def test_wrong_evidence_in_a_wellformed_checkpoint_is_caught_by_the_checker(
        tmp_path, monkeypatch, capsys):
    ckpt = _interrupted_lemma12(tmp_path, monkeypatch)
    done = ckpt["goals"]["0/0"]["done"]
    rec = done[next(iter(done))]
    leaf = next(n for n in rec["tree"] if isinstance(n, list))
    leaf[2] = "0.1"  # a recorded bound the evidence does not give
    (tmp_path / "lemma12.checkpoint.json").write_text(json.dumps(ckpt))
    assert main(["prove", "lemma12", "--out", str(tmp_path), "--resume", "--json"]) == 1
    results = json.loads(capsys.readouterr().out)["results"]
    assert {r["status"] for r in results} == {"unknown"}
    assert "without --resume" in results[0]["reason"]
    assert not (tmp_path / "lemma12.cert.json").exists()


CORRUPT = {
    "binary": b"\x80\x81\x00\xff",
    "list": b"[1, 2, 3]",
    "goals_list": None,  # filled in below from a valid checkpoint
    "done_list": None,
    "missing_key": None,
    "wrong_type": None,
    "other_precision": None,
    "deep": b"[" * 100_000 + b"]" * 100_000,
}


def _corrupt(case: str, spec) -> bytes:
    good = {"format": prover.CHECKPOINT_FORMAT, "spec": spec.raw, "precision": 128,
            "goals": {"0/0": {"done": {"00000": _record([["natural", "....", "0.5"]])}}}}
    if CORRUPT[case] is not None:
        return CORRUPT[case]
    if case == "goals_list":
        good["goals"] = []
    elif case == "done_list":
        good["goals"]["0/0"]["done"] = []
    elif case == "missing_key":
        del good["goals"]["0/0"]["done"]["00000"]["boxes"]
    elif case == "wrong_type":
        good["goals"]["0/0"]["done"]["00000"]["boxes"] = "many"
    elif case == "other_precision":
        good["precision"] = 256
    return json.dumps(good).encode()


@pytest.mark.parametrize("case", sorted(CORRUPT) + ["directory"])
def test_corrupt_checkpoint_is_one_error_line(case, tmp_path, capsys):
    spec = load_spec(shipped_specs()["theorem2"])
    target = tmp_path / "theorem2.checkpoint.json"
    if case == "directory":
        target.mkdir()
    else:
        target.write_bytes(_corrupt(case, spec))
    assert main(["prove", "theorem2", "--out", str(tmp_path), "--resume"]) == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert out == "" and len(lines) == 1, err
    assert lines[0].startswith("selu-proof: error: checkpoint") and "refused" in lines[0]


def test_a_run_that_fails_before_any_work_leaves_no_checkpoint(tmp_path, monkeypatch):
    """A failure before the first finished subtree leaves nothing to resume: no checkpoint
    (one was written with no work in it, and named in the error as if there were).
    """
    spec = load_spec(shipped_specs()["theorem1"])

    def broken(*args, **kwargs):
        raise RuntimeError("the first evaluation failed")

    monkeypatch.setattr(prover, "run_goal", broken)
    with pytest.raises(RuntimeError):
        prover.prove_spec(spec, out_dir=tmp_path)
    assert not (tmp_path / "theorem1.checkpoint.json").exists()

    def one_subtree_then_broken(*args, on_task, **kwargs):  # finished work is kept
        on_task("0", {"status": "proved", "tree": ["natural", "....", "0.5"]})
        raise KeyboardInterrupt

    monkeypatch.setattr(prover, "run_goal", one_subtree_then_broken)
    with pytest.raises(KeyboardInterrupt):
        prover.prove_spec(spec, out_dir=tmp_path)
    saved = json.loads((tmp_path / "theorem1.checkpoint.json").read_text())
    assert saved["goals"]["0/0"]["done"] == {"0": {"status": "proved",
                                                   "tree": ["natural", "....", "0.5"]}}
