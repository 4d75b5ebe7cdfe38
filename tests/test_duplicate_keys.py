"""A key named twice in one object is refused in certificates, checkpoints and specifications.

Python's JSON reader keeps the last of two equal keys, another reader may keep the first:
a certificate with both would state one claim to the checker and another to that reader.
"""

from __future__ import annotations

import json

import pytest

from selu_proof.cli import main
from selu_proof.kernel.checker import DuplicateKeyError, check_file, parse_json
from selu_proof.kernel.specs import SpecError, load_spec, parse_spec
from selu_proof.search.prover import prove_spec


@pytest.fixture(scope="module")
def tanh_certificate(tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("tanh")
    raw = {"name": "tanh_small", "parameters": {"activation": "tanh"},
           "domain": {"mu": ["-0.01", "0.01"], "omega": ["-0.01", "0.01"],
                      "nu": ["0.95", "1.05"], "tau": ["0.99", "1.01"]},
           "claim": [{"kind": "chi1_below", "bound": "2"}]}
    (res,) = prove_spec(parse_spec(raw), out_dir=out, precision=64)
    assert res.status == "proved"
    return (out / "tanh_small.cert.json").read_bytes()


def _insert_before(data: bytes, anchor: bytes, extra: bytes) -> bytes:
    assert data.count(anchor) == 1
    return data.replace(anchor, extra + anchor)


@pytest.mark.parametrize("anchor, extra, key", [
    # an earlier, wider mu in the certificate's domain
    (b'"mu": [\n    "-0.01",', b'"mu": ["-1", "1"],\n    ', "mu"),
    # an earlier activation name
    (b'"name": "tanh",', b'"name": "elu",\n  ', "name"),
])
def test_a_duplicate_key_makes_the_certificate_invalid(tanh_certificate, tmp_path, capsys,
                                                       anchor, extra, key):
    path = tmp_path / "dup.cert.json"
    path.write_bytes(tanh_certificate)
    assert check_file(path).valid
    path.write_bytes(_insert_before(tanh_certificate, anchor, extra))
    json.loads(path.read_text())  # a plain reader takes it (the last key wins)
    res = check_file(path)
    assert not res.valid
    assert res.message == f"not a certificate: the key {key!r} appears twice in one JSON object"
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().out == f"{path}: INVALID: {res.message}\n"


def test_parse_json_refuses_a_repeated_key_at_any_depth():
    assert parse_json('{"a": {"b": 1, "c": [{"d": 2}]}}') == {"a": {"b": 1, "c": [{"d": 2}]}}
    with pytest.raises(DuplicateKeyError, match="the key 'd' appears twice"):
        parse_json('{"a": {"b": 1, "c": [{"d": 2, "d": 2}]}}')


def test_a_checkpoint_with_a_duplicate_key_is_refused_in_one_line(tmp_path, capsys):
    spec = tmp_path / "f.toml"
    spec.write_text('name = "f"\n[domain]\nmu = ["-0.01", "0.01"]\nomega = ["-0.01", "0.01"]\n'
                    'nu = ["0.95", "1.05"]\ntau = ["0.99", "1.01"]\n[[claim]]\n'
                    'kind = "spectral_norm_below"\nbound = "0.5"\n')
    assert main(["prove", str(spec), "--out", str(tmp_path)]) == 1  # refuted: a checkpoint
    ckpt = tmp_path / "f.checkpoint.json"
    text = ckpt.read_text()
    assert text.startswith('{"format":')
    ckpt.write_text('{"precision":53,' + text[1:])
    capsys.readouterr()
    assert main(["prove", str(spec), "--out", str(tmp_path), "--resume"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [f"selu-proof: error: checkpoint {ckpt} refused: the key "
                                "'precision' appears twice in one JSON object; delete it or "
                                "run without --resume"]


@pytest.mark.parametrize("text", [
    'name = "t"\nname = "u"\n',
    '[domain]\nmu = ["-1", "1"]\nmu = ["-0.1", "0.1"]\n',
    '[parameters]\nactivation = "elu"\n[parameters]\nactivation = "tanh"\n',
])
def test_a_specification_with_a_duplicate_key_is_refused(tmp_path, text):
    """TOML itself forbids a key or table defined twice; tomllib refuses it."""
    path = tmp_path / "dup.toml"
    path.write_text(text)
    with pytest.raises(SpecError, match="is not valid TOML: Cannot (overwrite a value|declare)"):
        load_spec(path)
