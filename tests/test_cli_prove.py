"""The prove and check subcommands: exit codes, JSON, one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from selu_proof.cli import main
from selu_proof.kernel.specs import PROOFS_DIR

BAD_SPECS = {
    "inverted": ('name = "x"\n[domain]\nmu = ["0.1", "-0.1"]\nomega = ["-0.1", "0.1"]\n'
                 'nu = ["0.8", "1.5"]\ntau = ["0.95", "1.1"]\n[[claim]]\nkind = "maps_into"\n',
                 "inverted"),
    "nan": ('name = "x"\n[domain]\nmu = ["nan", "0.1"]\nomega = ["-0.1", "0.1"]\n'
            'nu = ["0.8", "1.5"]\ntau = ["0.95", "1.1"]\n[[claim]]\nkind = "maps_into"\n',
            "finite"),
    "nu0": ('name = "x"\n[domain]\nmu = ["-0.1", "0.1"]\nomega = ["-0.1", "0.1"]\n'
            'nu = ["0", "1.5"]\ntau = ["0.95", "1.1"]\n[[claim]]\nkind = "maps_into"\n',
            "nu must be positive"),
    "tau0": ('name = "x"\n[domain]\nmu = ["-0.1", "0.1"]\nomega = ["-0.1", "0.1"]\n'
             'nu = ["0.8", "1.5"]\ntau = ["-1", "1.1"]\n[[claim]]\nkind = "maps_into"\n',
             "tau must be positive"),
    "float": ('name = "x"\n[domain]\nmu = [-0.1, 0.1]\nomega = ["-0.1", "0.1"]\n'
              'nu = ["0.8", "1.5"]\ntau = ["0.95", "1.1"]\n[[claim]]\nkind = "maps_into"\n',
              "exact decimal string"),
    "kind": ('name = "x"\n[domain]\nmu = ["-0.1", "0.1"]\nomega = ["-0.1", "0.1"]\n'
             'nu = ["0.8", "1.5"]\ntau = ["0.95", "1.1"]\n[[claim]]\nkind = "bogus"\n',
             "kind must be one of"),
    "toml": ("name = \n", "not valid TOML"),
}
# names that are not plain identifiers (they name the files written under --out)
for _case, _name in [("abs_name", "/tmp/x"), ("dotdot_name", "../x"), ("slash_name", "a/b"),
                     ("nul_name", "a\\u0000b"), ("long_name", "x" * 300), ("dot_name", ".x"),
                     ("empty_name", ""), ("dash_name", "-x"), ("space_name", "a b")]:
    BAD_SPECS[_case] = (f'name = "{_name}"\n[domain]\nmu = ["-0.1", "0.1"]\n'
                        'omega = ["-0.1", "0.1"]\nnu = ["0.8", "1.5"]\ntau = ["0.95", "1.1"]\n'
                        '[[claim]]\nkind = "maps_into"\n', "plain identifier")
# numbers outside the decimal grammar (Python's Fraction/float would take them)
for _case, _text, _words in [("fraction", "1/3", "not a finite exact decimal"),
                             ("underscore", "1_0", "not a finite exact decimal"),
                             ("arabic_digit", "\u0661", "not a finite exact decimal"),
                             ("fullwidth_digit", "\uff11", "not a finite exact decimal"),
                             ("space", " 1", "not a finite exact decimal"),
                             ("huge_exponent", "1e999999", "exponent beyond"),
                             ("long", "1" * 1001, "longer than 1000")]:
    BAD_SPECS[_case] = (f'name = "x"\n[parameters]\nalpha = "{_text}"\n[domain]\n'
                        'mu = ["-0.1", "0.1"]\nomega = ["-0.1", "0.1"]\nnu = ["0.8", "1.5"]\n'
                        'tau = ["0.95", "1.1"]\n[[claim]]\nkind = "maps_into"\n', _words)


@pytest.mark.parametrize("case", sorted(BAD_SPECS))
def test_bad_spec_is_one_error_line(case, tmp_path, capsys):
    text, words = BAD_SPECS[case]
    path = tmp_path / f"{case}.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["prove", str(path), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("selu-proof: error:") and words in err[0]


def test_unknown_theorem(capsys):
    assert main(["prove", "theorem9"]) == 2
    err = capsys.readouterr().err
    assert "unknown theorem 'theorem9'" in err and "theorem1" in err


def test_prove_json_and_check(tmp_path, capsys):
    assert main(["prove", "theorem2", "--out", str(tmp_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    (r,) = out["results"]
    assert set(r) >= {"name", "claim", "status", "boxes", "seconds", "certificate"}
    assert (r["name"], r["claim"], r["status"]) == ("theorem2", "variance_decreases", "proved")
    assert r["boxes"] > 0 and r["goals"][0]["statement"].startswith("nu~ - nu <= -0.000")
    cert = tmp_path / "theorem2.cert.json"
    assert r["certificate"] == str(cert)
    assert main(["check", str(cert), "--spec", "theorem2", "--json"]) == 0
    chk = json.loads(capsys.readouterr().out)["results"][0]
    assert chk["valid"] and chk["name"] == "theorem2"


def test_false_claim_exit_code_and_witness(tmp_path, capsys):
    spec = tmp_path / "false.toml"
    spec.write_text('name = "false"\n[domain]\nmu = ["-0.1", "0.1"]\nomega = ["-0.1", "0.1"]\n'
                    'nu = ["0.8", "1.35"]\ntau = ["0.95", "1.1"]\n[[claim]]\nkind = "maps_into"\n')
    assert main(["prove", str(spec), "--out", str(tmp_path), "--json"]) == 1
    (r,) = json.loads(capsys.readouterr().out)["results"]
    assert r["status"] == "refuted" and r["certificate"] is None
    assert r["witness"]["goal"] == "nu~ < nu_hi"
    assert not (tmp_path / "false.cert.json").exists()


def test_check_rejects_tampered_and_corrupt(tmp_path, capsys):
    good = tmp_path / "theorem1.cert.json"
    shutil.copy(PROOFS_DIR / "theorem1.cert.json", good)
    data = json.loads(good.read_text())
    data["spec"]["domain"]["nu"] = ["0.7", "1.5"]
    bad = tmp_path / "bad.cert.json"
    bad.write_text(json.dumps(data))
    trunc = tmp_path / "trunc.cert.json"
    trunc.write_text(good.read_text()[:500])
    assert main(["check", str(good)]) == 0
    assert main(["check", str(good), str(bad), str(trunc)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}: INVALID" in out and f"{trunc}: INVALID: not valid JSON" in out


def test_budget_flags(tmp_path, capsys):
    assert main(["prove", "theorem1", "--out", str(tmp_path), "--max-boxes", "3"]) == 1
    assert "unknown" in capsys.readouterr().out
    assert main(["prove", "theorem1", "--max-boxes", "0"]) == 2
    assert main(["prove", "theorem1", "--workers", "0"]) == 2
    assert main(["prove"]) == 2


def test_module_entry_point_help():
    out = subprocess.run([sys.executable, "-m", "selu_proof", "prove", "--help"],
                         capture_output=True, text=True, check=True).stdout
    assert "--resume" in out and "--max-seconds" in out and "--workers" in out
