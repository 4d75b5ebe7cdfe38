"""The checker accepts real certificates and rejects tampered ones."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from fractions import Fraction

import pytest

from selu_proof.kernel.checker import check_certificate, check_file
from selu_proof.kernel.specs import load_spec, shipped_specs
from selu_proof.search.prover import prove_spec


@pytest.fixture(scope="module")
def cert(tmp_path_factory):
    out = tmp_path_factory.mktemp("cert")
    results = prove_spec(load_spec(shipped_specs()["theorem1"]), out_dir=out)
    assert all(r.status == "proved" for r in results)
    return json.loads((out / "theorem1.cert.json").read_text())


def _leaf_indices(tree):
    return [i for i, n in enumerate(tree) if isinstance(n, list)]


def test_valid_certificate_checks(cert):
    res = check_certificate(cert)
    assert res.valid, res.message
    assert res.name == "theorem1"
    assert len(res.goals) == 5  # S(H) and the four sides of maps_into
    s = res.goals[0]
    assert s["goal"] == "S(H) < 1" and Fraction(s["certified_max"]) < 1


def _mutated(cert, fn):
    c = copy.deepcopy(cert)
    fn(c)
    return check_certificate(c)


def test_widened_domain_rejected(cert):
    def widen(c):
        c["spec"]["domain"]["nu"] = ["0.4", "1.5"]
    res = _mutated(cert, widen)
    assert not res.valid


def test_lowered_bound_rejected(cert):
    def lower(c):
        c["spec"]["claim"][0]["bound"] = "0.5"
    res = _mutated(cert, lower)
    assert not res.valid and "not below" in res.message


def test_deleted_leaf_rejected(cert):
    def delete(c):
        tree = c["claims"][0]["goals"][0]["tree"]
        del tree[_leaf_indices(tree)[-1]]
    res = _mutated(cert, delete)
    assert not res.valid and "uncovered" in res.message


def test_extra_node_rejected(cert):
    def extra(c):
        c["claims"][0]["goals"][0]["tree"].append(["natural", "....", "0.5"])
    assert not _mutated(cert, extra).valid


def test_edited_leaf_number_rejected(cert):
    def edit(c):
        tree = c["claims"][0]["goals"][0]["tree"]
        tree[_leaf_indices(tree)[0]][2] = "0.1"
    res = _mutated(cert, edit)
    assert not res.valid and "not <= recorded" in res.message


def test_edited_split_rejected(cert):
    def edit(c):
        tree = c["claims"][0]["goals"][0]["tree"]
        i = next(i for i, n in enumerate(tree) if isinstance(n, int))
        tree[i] = (tree[i] + 1) % 4
    assert not _mutated(cert, edit).valid


def test_unjustified_face_rejected(cert):
    def edit(c):
        tree = c["claims"][0]["goals"][0]["tree"]
        i = _leaf_indices(tree)[0]
        tree[i] = [tree[i][0], "<<<<", tree[i][2]]
    assert not _mutated(cert, edit).valid


def test_edited_constant_rejected(cert):
    def edit(c):
        c["spec"]["parameters"]["alpha"] = "1.5"
    assert not _mutated(cert, edit).valid

    def edit2(c):
        c["constants"]["lambda"] = "[1.06 +/- 1e-30]"
    res = _mutated(cert, edit2)
    assert not res.valid and "constants.lambda" in res.message


def test_edited_domain_end_rejected(cert):
    def edit(c):
        c["spec"]["domain"]["tau"] = ["0.95", "1.3"]
    assert not _mutated(cert, edit).valid


def test_missing_claim_rejected(cert):
    def edit(c):
        del c["claims"][1]
    assert not _mutated(cert, edit).valid


def test_wrong_format_rejected(cert):
    assert not _mutated(cert, lambda c: c.update(format="other")).valid
    assert not check_certificate([1, 2, 3]).valid
    assert not _mutated(cert, lambda c: c.update(precision="128")).valid


def test_truncated_and_corrupt_files(cert, tmp_path):
    text = json.dumps(cert)
    p = tmp_path / "trunc.cert.json"
    p.write_text(text[: len(text) // 2])
    res = check_file(p)
    assert not res.valid and "truncated" in res.message
    q = tmp_path / "binary.cert.json"
    q.write_bytes(b"\x00\xff\xfe")
    assert not check_file(q).valid
    assert not check_file(tmp_path / "missing.json").valid


def test_checker_imports_nothing_from_the_prover():
    code = ("import sys, selu_proof.kernel.checker as c; "
            "print(sorted(m for m in sys.modules if m.startswith('selu_proof')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    mods = eval(out)  # noqa: S307 - our own printed list
    assert "selu_proof.kernel.checker" in mods
    for bad in ("selu_proof.search.prover", "selu_proof.search.certificate",
                "selu_proof.fixedpoint", "selu_proof.cli"):
        assert not any(m == bad or m.startswith(bad + ".") for m in mods), bad


def _goal(c):
    return c["claims"][0]["goals"][0]


@pytest.mark.parametrize("edit,words", [
    (lambda c: _goal(c).update(bound="0.5"), "bound is '0.5'"),
    (lambda c: _goal(c).update(label="S(H) < 0.5"), "label is"),
    (lambda c: _goal(c).update(expression="S(J)"), "expression is"),
    (lambda c: _goal(c).update(certified_max="0.5"), "certified_max is"),
    (lambda c: _goal(c).update(leaves=_goal(c)["leaves"] + 1), "leaves is"),
    (lambda c: _goal(c).update(leaves=True), "leaves is"),
    (lambda c: _goal(c).update(boxes=1), "exactly the keys"),
    (lambda c: c["claims"][0].update(note="x"), "does not match"),
    (lambda c: c.update(variables=["mu", "nu", "omega", "tau"]), "variables must be"),
    (lambda c: c.update(comment="x"), "keys must be exactly"),
    (lambda c: c["constants"].update(alpha="[0 +/- 1e10]"), "wider than"),
    (lambda c: c["constants"].update(alpha="[1.6732632423543772848 +/- 1e-15]"), "wider than"),
    (lambda c: c["constants"].update(alpha="[1.6732632423 +/- 1e-40]"), "does not contain"),
    (lambda c: c["constants"].update(alpha="1" * 3000), "not a ball"),
    (lambda c: c["constants"].update(extra="1"), "exactly alpha and lambda"),
])
def test_every_field_is_verified(cert, edit, words):
    res = _mutated(cert, edit)
    assert not res.valid and words in res.message, res.message


def test_constants_as_tight_as_the_replay(cert):
    from flint import arb

    from selu_proof.kernel.model import model_of

    res = check_certificate(cert)
    assert res.valid
    alpha, lam = model_of("closed-form:alpha01,lambda01", cert["precision"]).constants().values()
    for own, text in ((alpha, cert["constants"]["alpha"]), (lam, cert["constants"]["lambda"])):
        stated = arb(text)
        assert stated.contains(own) and stated.rad() <= 2 * own.rad()
