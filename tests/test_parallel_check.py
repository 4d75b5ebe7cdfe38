"""Leaves re-evaluated in worker processes give the verdict of the serial replay.

The checker cuts each tree's leaves into one run per worker
(``check_certificate(cert, executor, workers)``); whatever the number of
workers, a valid certificate is valid with the same summary, and a tampered or
false one is rejected naming the same (first, in tree order) failing leaf.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import pytest

from selu_proof.kernel.checker import check_certificate
from selu_proof.kernel.parallel import process_pool, usable_cores
from selu_proof.kernel.specs import PROOFS_DIR


@pytest.fixture(scope="module")
def pool():
    ex = process_pool(2)
    yield ex
    ex.shutdown()


@pytest.fixture(scope="module")
def lemma12():
    return json.loads((PROOFS_DIR / "lemma12.cert.json").read_text())


def _leaves(tree):
    return [i for i, n in enumerate(tree) if isinstance(n, list)]


def test_valid_certificate_same_summary(pool, lemma12):
    serial = check_certificate(lemma12)
    assert serial.valid, serial.message
    for workers in (2, 3):
        par = check_certificate(lemma12, pool, workers)
        assert par.valid and par.goals == serial.goals


def test_first_failing_leaf_reported_whatever_the_workers(pool, lemma12):
    """Two leaves far apart are lowered: both runs name the first one in tree order."""
    bad = copy.deepcopy(lemma12)
    tree = bad["claims"][0]["goals"][0]["tree"]
    leaves = _leaves(tree)
    first, last = leaves[5], leaves[-3]
    for i in (first, last):
        tree[i][2] = "0.5"  # below the replayed enclosure: a false leaf claim
    serial = check_certificate(bad)
    par = check_certificate(bad, pool, 2)
    assert not serial.valid and not par.valid
    assert par.message == serial.message
    assert f"leaf {first} " in par.message and "not <= recorded 0.5" in par.message


def test_false_claim_refused_in_parallel(pool, lemma12):
    """A bound the function exceeds: every leaf near the maximum fails its replay."""
    bad = copy.deepcopy(lemma12)
    goal = bad["claims"][0]["goals"][0]
    for i in _leaves(goal["tree"]):
        goal["tree"][i][2] = "0.9"  # max S(H) is about 0.98903 on this domain
    res = check_certificate(bad, pool, 2)
    assert not res.valid and "gives" in res.message and "not <= recorded 0.9" in res.message


def test_unjustified_face_rejected_in_parallel(pool, lemma12):
    bad = copy.deepcopy(lemma12)
    tree = bad["claims"][0]["goals"][0]["tree"]
    i = next(i for i in _leaves(tree) if tree[i][1] == "....")
    tree[i][1] = ">..."  # fixing mu at its upper end needs dF/dmu >= 0 on the whole box
    serial, par = check_certificate(bad), check_certificate(bad, pool, 2)
    assert not par.valid and par.message == serial.message


def test_cli_workers_option():
    cert = str(PROOFS_DIR / "theorem1.cert.json")
    outs = [subprocess.run([sys.executable, "-m", "selu_proof", "check", "--workers", w, cert],
                           capture_output=True, text=True) for w in ("1", "2")]
    assert all(o.returncode == 0 for o in outs) and outs[0].stdout == outs[1].stdout
    bad = subprocess.run([sys.executable, "-m", "selu_proof", "check", "--workers", "0", cert],
                         capture_output=True, text=True)
    assert bad.returncode != 0 and bad.stderr.strip() == \
        "selu-proof: error: --workers must be at least 1"
    assert usable_cores() >= 1


def test_a_worker_that_dies_is_an_error_not_a_verdict(monkeypatch, capsys):
    """A killed worker (e.g. by the out-of-memory killer) decides nothing: one error line,
    exit status 2, and no INVALID for a valid certificate."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    from selu_proof.cli import main
    from selu_proof.cli import prove as prove_cli

    def dying_pool(n):
        return ProcessPoolExecutor(n, initializer=os._exit, initargs=(9,))

    monkeypatch.setattr(prove_cli, "process_pool", dying_pool)
    monkeypatch.setattr(prove_cli, "usable_cores", lambda: 2)
    code = main(["check", "--workers", "2", str(PROOFS_DIR / "lemma12.cert.json")])
    out, err = capsys.readouterr()
    assert code == 2 and "INVALID" not in out and "valid" not in out
    assert err.count("\n") == 1 and err.startswith("selu-proof: error: the replay could not run")


def test_extremum_certificate_same_summary(pool):
    """Both sides of the brackets (tree and witness) replayed with workers."""
    cert = json.loads((PROOFS_DIR / "theorem1_extrema.cert.json").read_text())
    serial = check_certificate(cert)
    par = check_certificate(cert, pool, 2)
    assert serial.valid and par.valid and par.goals == serial.goals
    bad = copy.deepcopy(cert)
    bad["claims"][0]["upper"] = bad["claims"][0]["lower"]  # the tree cannot prove this
    serial, par = check_certificate(bad), check_certificate(bad, pool, 2)
    assert not par.valid and par.message == serial.message
