"""The checker reads each file once, says what domain it checked, refuses respellings of
the numbers the prover writes, and stops at the first failing leaf.
"""

from __future__ import annotations

import copy
import json
import os
import threading
import time

import pytest

import selu_proof.kernel.forms as forms
from selu_proof.cli import main
from selu_proof.kernel.checker import check_certificate, check_file
from selu_proof.kernel.specs import PROOFS_DIR

THEOREM1 = PROOFS_DIR / "theorem1.cert.json"
#: Theorem 1's specification, name and domain included, with the false claim S(H) < 0.5
FALSE_SPEC = (PROOFS_DIR / "theorem1.toml").read_text().split("[[claim]]")[0] + \
    '[[claim]]\nkind = "spectral_norm_below"\nbound = "0.5"\n'


def _false_spec_raw():
    import tomllib

    return tomllib.loads(FALSE_SPEC)


def _serve(fifo: str, payloads: list[bytes]) -> threading.Thread:
    """Write each payload to one opening of the FIFO by a reader (as long as one comes)."""
    def run() -> None:
        for data in payloads:
            deadline = time.monotonic() + 20
            while True:
                try:
                    fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                    break
                except OSError:  # no reader yet
                    if time.monotonic() > deadline:
                        return
                    time.sleep(0.01)
            os.set_blocking(fd, True)
            try:
                os.write(fd, data)
            except BrokenPipeError:
                pass
            finally:
                os.close(fd)
            time.sleep(0.5)  # the reader reaches the end of this payload and closes
    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_check_spec_reads_the_certificate_once(tmp_path, capsys):
    """A FIFO gives the genuine certificate, then one stating a false spec: not valid."""
    genuine = THEOREM1.read_bytes()
    forged = json.loads(genuine)
    forged["spec"] = _false_spec_raw()
    (tmp_path / "false.toml").write_text(FALSE_SPEC)
    fifo = str(tmp_path / "cert.fifo")
    os.mkfifo(fifo)
    _serve(fifo, [genuine, json.dumps(forged).encode()])
    code = main(["check", fifo, "--spec", str(tmp_path / "false.toml"), "--workers", "1"])
    out = capsys.readouterr().out
    assert code == 1 and "INVALID: states a different specification than --spec" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_check_reads_a_pipe(tmp_path, capsys):
    """``check <(cat cert) --spec theorem1`` (a pipe that can be read once) is valid."""
    fifo = str(tmp_path / "cert.fifo")
    os.mkfifo(fifo)
    _serve(fifo, [THEOREM1.read_bytes()])
    assert main(["check", fifo, "--spec", "theorem1", "--workers", "1"]) == 0
    assert ": valid (theorem1" in capsys.readouterr().out


def test_check_file_compares_the_document_it_checked(tmp_path, monkeypatch):
    """Whatever a second read of the path would give, the spec compared is the one checked."""
    import builtins

    p = tmp_path / "c.json"
    p.write_bytes(THEOREM1.read_bytes())
    forged = json.loads(THEOREM1.read_bytes())
    forged["spec"] = _false_spec_raw()
    real_open, opened = builtins.open, []

    def swapping_open(file, *args, **kwargs):  # a second opening sees the forged file
        if str(file) == str(p):
            opened.append(1)
            if len(opened) > 1:
                p.write_text(json.dumps(forged))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", swapping_open)
    res = check_file(p, spec=_false_spec_raw())
    assert not res.valid and res.message == "states a different specification than --spec"
    assert len(opened) == 1


def test_check_prints_the_domain(capsys):
    assert main(["check", str(THEOREM1), "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "    on mu in [-0.1, 0.1], omega in [-0.1, 0.1], nu in [0.8, 1.5], " \
           "tau in [0.95, 1.1]\n" in out
    assert main(["check", str(THEOREM1), "--workers", "1", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)["results"][0]
    assert row["domain"] == {"mu": ["-0.1", "0.1"], "omega": ["-0.1", "0.1"],
                             "nu": ["0.8", "1.5"], "tau": ["0.95", "1.1"]}


def test_check_names_a_model_other_than_the_papers(tmp_path, capsys):
    """A certificate named theorem1, on Theorem 1's domain, for other constants printed
    exactly as Theorem 1's does: check says which model its claims are about.
    """
    spec = (PROOFS_DIR / "theorem1.toml").read_text()
    spec = spec.replace('alpha = "alpha01"', 'alpha = "1.6733"') \
        .replace('lambda = "lambda01"', 'lambda = "1.0507"')
    (tmp_path / "theorem1.toml").write_text(spec)
    assert main(["prove", str(tmp_path / "theorem1.toml"), "--out", str(tmp_path),
                 "--workers", "1"]) == 0
    capsys.readouterr()
    assert main(["check", str(tmp_path / "theorem1.cert.json"), "--workers", "1"]) == 0
    assert "\n    for alpha = 1.6733, lambda = 1.0507\n" in capsys.readouterr().out
    assert main(["check", str(THEOREM1), "--workers", "1", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)["results"][0]
    assert row["parameters"] == {"alpha": "alpha01", "lambda": "lambda01"}
    assert main(["check", str(THEOREM1), "--workers", "1"]) == 0
    assert "    for " not in capsys.readouterr().out  # the paper's SELU: as documented


@pytest.fixture(scope="module")
def chi1_range():
    return json.loads((PROOFS_DIR / "chi1_range.cert.json").read_text())


def _first_leaf(tree):
    return next(i for i, n in enumerate(tree) if isinstance(n, list))


def _respell(cert, how):
    c = copy.deepcopy(cert)
    goal, ext = c["claims"][1]["goals"][0], c["claims"][3]  # chi1 <= ..., max chi1
    leaf = goal["tree"][_first_leaf(goal["tree"])]
    if how == "leaf plus":
        leaf[2] = "+" + leaf[2]
    elif how == "leaf exponent":
        digits = leaf[2].replace(".", "").lstrip("0")
        leaf[2] = f"{digits}e-{len(digits) - len(leaf[2].split('.')[0].lstrip('0'))}"
    elif how == "leaf trailing zero":
        leaf[2] = leaf[2] + "0"
    elif how == "goal leaves float":
        goal["leaves"] = float(goal["leaves"])
    elif how == "extremum lower plus":
        ext["lower"] = "+" + ext["lower"]
    elif how == "extremum upper trailing zero":
        ext["upper"] = ext["upper"] + "0"
    elif how == "witness leading dot":
        ext["witness"]["mu"] = ext["witness"]["mu"].replace("0.", ".")
    elif how == "extremum leaves float":
        ext["leaves"] = float(ext["leaves"])
    elif how == "constant radius exponent":  # "+/- 9.2e-38" -> "+/- 9.20e-38"
        c["constants"]["alpha"] = c["constants"]["alpha"].replace("e-", "0e-", 1)
    elif how == "constant midpoint trailing zero":
        mid, _, rad = c["constants"]["lambda"].partition(" +/-")
        c["constants"]["lambda"] = f"{mid}0 +/-{rad}"
    return c


RESPELLINGS = ["leaf plus", "leaf exponent", "leaf trailing zero", "goal leaves float",
               "extremum lower plus", "extremum upper trailing zero", "witness leading dot",
               "extremum leaves float", "constant radius exponent",
               "constant midpoint trailing zero"]


def test_committed_certificate_is_canonical(chi1_range):
    assert check_certificate(chi1_range).valid


@pytest.mark.parametrize("how", RESPELLINGS)
def test_respelled_numbers_are_refused(chi1_range, how):
    """Any value-preserving respelling of a number the prover writes is an edit."""
    bad = _respell(chi1_range, how)
    assert json.dumps(bad) != json.dumps(chi1_range)
    res = check_certificate(bad)
    assert not res.valid, how


def test_respelled_spec_is_caught_by_spec(tmp_path):
    """The spec inside is the author's text: a respelling states the same claim, and
    ``--spec`` (exact comparison) refuses it."""
    cert = json.loads(THEOREM1.read_text())
    cert["spec"]["domain"]["mu"] = ["-.1", "0.1"]
    p = tmp_path / "c.json"
    p.write_text(json.dumps(cert))
    import tomllib

    spec = tomllib.loads((PROOFS_DIR / "theorem1.toml").read_text())
    res = check_file(p, spec=spec)
    assert not res.valid and "different specification" in res.message


def test_checker_stops_at_the_first_failing_leaf(monkeypatch):
    """A failure in an early leaf of the first goal costs a few leaf evaluations, not all."""
    cert = json.loads((PROOFS_DIR / "lemma12.cert.json").read_text())
    tree = cert["claims"][0]["goals"][0]["tree"]
    leaves = [i for i, n in enumerate(tree) if isinstance(n, list)]
    tree[leaves[3]][2] = "0.5"
    calls = []
    real = forms.leaf_bound

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(forms, "leaf_bound", counting)
    res = check_certificate(cert)
    assert not res.valid and f"leaf {leaves[3]} " in res.message
    assert len(calls) == 4  # leaves 0..2 pass, leaf 3 (recorded 0.5) fails: no more


@pytest.fixture(scope="module")
def pool():
    from selu_proof.kernel.parallel import process_pool

    ex = process_pool(2)
    yield ex
    ex.shutdown()


def test_first_failing_leaf_identical_for_any_worker_count(pool):
    """Failures spread over every chunk: the same first leaf for 1, 2 and 3 workers."""
    cert = json.loads((PROOFS_DIR / "lemma12.cert.json").read_text())
    tree = cert["claims"][0]["goals"][0]["tree"]
    leaves = [i for i, n in enumerate(tree) if isinstance(n, list)]
    for i in leaves[7::9]:
        tree[i][2] = "0.5"
    messages = {check_certificate(cert).message}
    for workers in (2, 3):
        messages.add(check_certificate(cert, pool, workers).message)
    assert len(messages) == 1 and f"leaf {leaves[7]} " in messages.pop()


def test_workers_capped(capsys, monkeypatch):
    """``--workers 1000`` on 76 leaves makes at most the usable cores of processes."""
    import selu_proof.cli.prove as prove

    made = []
    real = prove.process_pool
    monkeypatch.setattr(prove, "process_pool", lambda n: made.append(n) or real(n))
    assert main(["check", str(THEOREM1), "--workers", "1000"]) == 0
    from selu_proof.kernel.parallel import usable_cores

    assert all(n <= min(usable_cores(), 76) for n in made)


#: chi1 at the corner of Theorem 1's domain where it is largest, a point domain
TIGHT_SPEC = "\n".join([
    'name = "tight"', "[domain]",
    *(f'{v} = ["{x}", "{x}"]' for v, x in zip(("mu", "omega", "nu", "tau"),
                                              ("-0.1", "-0.1", "0.8", "1.1"))),
    "[[claim]]", 'kind = "chi1_below"', 'bound = "1.2089663256891167283195445259"', ""])


def test_tight_true_claim_is_proved_and_checked(tmp_path, capsys):
    """chi1 = 1.2089663256891167283195445258390... at the point: the bound is above it
    by 6e-30 (relative 5e-30), far below the 17 digits a leaf used to be recorded to.
    What the prover decides, the checker accepts."""
    from selu_proof.kernel.exact import parse_decimal

    (tmp_path / "tight.toml").write_text(TIGHT_SPEC)
    assert main(["prove", str(tmp_path / "tight.toml"), "--out", str(tmp_path)]) == 0
    assert "proved" in capsys.readouterr().out
    cert = json.loads((tmp_path / "tight.cert.json").read_text())
    (leaf,) = cert["claims"][0]["goals"][0]["tree"]
    bound = parse_decimal("1.2089663256891167283195445259")
    assert parse_decimal(leaf[2]) < bound and len(leaf[2]) > 19
    assert check_certificate(cert).valid
    # the recorded digits are the fewest that stay below the bound: one fewer is refused
    bad = copy.deepcopy(cert)
    bad["claims"][0]["goals"][0]["tree"][0][2] = leaf[2][:-1]
    assert not check_certificate(bad).valid
    from selu_proof.kernel.exact import record_up

    assert record_up(bound - parse_decimal("1e-40"), bound) is not None
    assert record_up(bound, bound) is None


@pytest.mark.parametrize("spec", [[1], "theorem1", 3, None], ids=["list", "str", "int", "null"])
def test_a_spec_that_is_not_a_table_is_invalid_not_a_crash(tmp_path, capsys, spec):
    """The checker's own error path read ``spec.name`` from whatever ``spec`` was: a list
    there gave an AttributeError traceback instead of a verdict."""
    cert = json.loads(THEOREM1.read_text())
    cert["spec"] = spec
    res = check_certificate(cert)
    assert not res.valid and "specification" in res.message and res.name == ""
    path = tmp_path / "bad.cert.json"
    path.write_text(json.dumps(cert))
    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "INVALID" in out and "Traceback" not in out + err
