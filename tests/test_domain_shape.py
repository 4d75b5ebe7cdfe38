"""Domains shaped for the activation (``design --prove --shape activation``).

The widths come from the Jacobian at the fixed point (``search.domain_shape``); affine
ELU(1), refuted on Theorem 1's proportions, is proved on them; where ``|H|`` has spectral
radius >= 1 the search says so instead of running; ``--shape theorem1`` keeps the
specifications byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest
from flint import arb

from selu_proof.cli import main
from selu_proof.kernel.checker import check_file
from selu_proof.search import domain_shape
from selu_proof.search.design_proof import activation_key, designed_spec, prove_design, selu_key
from selu_proof.search.domain_shape import activation_shape, box_widths, perron

E_BELOW, E_ABOVE = np.array([0.1, 0.05]), np.array([0.1, 0.1])  # Theorem 1's omega, tau (T=1)


def test_perron_vector_by_hand():
    rho, u = perron(np.array([[0.0, 0.25], [0.0, 0.5]]))
    assert rho == pytest.approx(0.5, abs=1e-15)
    assert u == pytest.approx([0.5, 1.0], abs=1e-15)
    rho, u = perron(np.array([[0.5, 0.5], [0.5, 0.5]]))  # (1, 1), radius 1
    assert rho == pytest.approx(1.0, abs=1e-15) and u == pytest.approx([1, 1], abs=1e-15)
    rho, u = perron(np.array([[0.5, 0.0], [0.0, 0.25]]))  # reducible: a zero entry
    assert rho == pytest.approx(0.5, abs=1e-15) and u == pytest.approx([1, 0], abs=1e-15)


def test_widths_by_hand_for_an_elu_like_jacobian():
    """H = G = [[0, 1/4], [0, 1/2]] (omega = 0, V = T = 1).  Enlargement w* = (I - A)^-1 b:
    nu up 0.05/(1/2) = 0.1, down 0.025/(1/2) = 0.05; mu up 0.025 + 0.1/4 = 0.05, down
    0.0125 + 0.05/4 = 0.025.  Room along the Perron vector (1/2, 1): (1, 2) per unit,
    scaled to the enlargement's largest entry 0.1: (0.05, 0.1) on each side.
    """
    h = np.array([[0.0, 0.25], [0.0, 0.5]])
    w = box_widths(h, h, E_BELOW, E_ABOVE)
    assert w.mu == (Fraction("0.075"), Fraction("0.1"))
    assert w.nu == (Fraction("0.15"), Fraction("0.2"))


def test_widths_by_hand_with_a_negative_entry_and_a_zero_perron_entry():
    """H = diag(-1/2, 1/4), G = [[0, 0], [0, 1/4]]: the mean's two sides feed each other
    (H- couples mu up with mu down); |H| = diag(1/2, 1/4) has Perron vector (1, 0), raised to
    (1, 1/4).  Enlargement: nu up 0.025/(3/4) = 1/30, down 1/60, mu 0.  Room: mu
    1/(1 - 1/2) = 2 each side, nu (1/4)/(3/4) = 1/3, scaled by (1/30)/2: mu 1/30, nu 1/180.
    """
    w = box_widths(np.array([[-0.5, 0.0], [0.0, 0.25]]), np.array([[0.0, 0.0], [0.0, 0.25]]),
                   E_BELOW, E_ABOVE)
    assert w.mu == (Fraction("0.0333"), Fraction("0.0333"))
    assert w.nu == (Fraction("0.0222"), Fraction("0.0389"))  # 4/180, 7/180


def _rotation_like() -> tuple[list[list[arb]], list[list[arb]]]:
    """H = [[0.6, -0.5], [0.7, 0.5]]: S(H) = (sqrt(2.65) + sqrt(0.05))/2 = 0.9257 < 1 (and
    rho(H) = sqrt(0.65)), while |H| has radius 0.55 + sqrt(0.3525) = 1.14372.
    """
    h = [[arb("0.6"), arb("-0.5")], [arb("0.7"), arb("0.5")]]
    return h, [[arb(0), arb("0.1")], [arb(0), arb("0.5")]]


def test_no_box_when_abs_h_has_radius_at_least_one():
    h, g = _rotation_like()
    res = activation_shape(h, g, (Fraction(1, 10), Fraction(1, 20)),
                           (Fraction(1, 10), Fraction(1, 10)), Fraction(1))
    assert res.status == "no box" and res.widths is None
    for key, exact in (("spectral_radius_abs_H", 0.55 + 0.3525 ** 0.5),
                       ("spectral_norm_H", (2.65 ** 0.5 + 0.05 ** 0.5) / 2)):
        lo, hi = (float(x) for x in res.info[key])  # 6 digits, rounded outward
        assert lo - 1e-12 <= exact <= hi + 1e-12 and hi - lo < 2e-5, key
    shown = ", ".join(res.info["spectral_radius_abs_H"])
    assert f"spectral radius of |H| at the fixed point is in [{shown}]" in res.reason
    assert "no axis-aligned (mu, nu) box" in res.reason


def test_a_non_contracting_h_falls_back_to_theorem1_for_a_refutation():
    h = [[arb(0), arb("0.36")], [arb(0), arb("1.06")]]  # GELU-like: S(H) > 1
    res = activation_shape(h, h, (Fraction(1, 10), Fraction(1, 20)),
                           (Fraction(1, 10), Fraction(1, 10)), Fraction(1))
    assert res.status == "not contracting" and res.as_dict()["kind"] == "theorem1"
    assert res.widths.nu == (Fraction(1, 5), Fraction(1, 2))


def test_no_box_is_reported_by_the_search_and_the_cli(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(domain_shape, "jacobians", lambda *a: _rotation_like())
    res = prove_design("elu:alpha=1|affine:0,1", Fraction(0), Fraction(1), Fraction(0),
                       Fraction(1), out_dir=tmp_path, precision=64, shape="activation")
    assert res.status == "unknown" and res.trials == [] and "|H|" in res.reason
    code = main(["design", "--activation", "elu", "--prove", "--out", str(tmp_path / "o")])
    out = capsys.readouterr().out
    assert code == 1
    assert "shape:      activation: no axis-aligned box" in out
    assert "proof:      unknown (the spectral radius of |H|" in out
    assert not (tmp_path / "o").exists()


def test_affine_elu_is_proved_on_a_shaped_domain_and_checks(tmp_path):
    """Theorem 1's proportions are refuted for affine ELU(1) at scale 1/16; the shaped domain
    is proved there (7 boxes).  The box budget stops the growth after one more run.
    """
    out = subprocess.run([sys.executable, "-m", "selu_proof", "design", "--activation", "elu",
                          "--normalize", "affine", "--prove", "--out", str(tmp_path),
                          "--max-boxes", "12", "--digits", "5", "--max-seconds", "300", "--json"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    proof = json.loads(out.stdout)["proof"]
    assert proof["status"] == "proved" and Fraction(proof["scale"]) >= Fraction(1, 16)
    shape = proof["shape"]
    assert shape["kind"] == "activation" and shape["status"] == "shaped"
    assert shape["perron_vector_abs_H"] == pytest.approx([0.193218, 1], abs=1e-6)
    (path,) = proof["certificates"]
    chk = check_file(path)
    assert chk.valid, chk.message
    cert = json.loads(open(path).read())
    assert cert["spec"]["domain"] == proof["domain"]
    lo, hi = (Fraction(x) for x in proof["domain"]["nu"])
    assert lo < 1 < hi and hi - 1 > 1 - lo  # room on both sides, more above (tau's range)


#: sha256 of the specifications' JSON (sorted keys) for the cases below, as written by the
#: code before domain shapes existed
THEOREM1_SPECS = "9916119881c740eb00a125811abe85326f4e0c41ea46737c01db14fb343915d0"


def test_theorem1_shape_keeps_the_specifications_bytes():
    cases = [(selu_key("1.6733", "1.0507"), Fraction(0), Fraction(1), Fraction(0), Fraction(1),
              Fraction(1)),
             (selu_key("1.8339602235162955900", "1.0565712327230750134"), Fraction(0),
              Fraction(3, 2), Fraction(0), Fraction(1), Fraction(3, 16)),
             (selu_key("2", "1"), Fraction(1, 4), Fraction(2), Fraction(1, 2), Fraction(5, 4),
              Fraction(7, 32)),
             ("elu:alpha=1|affine:0,1", Fraction(0), Fraction(1), Fraction(0), Fraction(1),
              Fraction(1, 16)),
             (activation_key("tanh", Fraction(1, 10), Fraction(3, 2)), Fraction(1, 10),
              Fraction(3, 2), Fraction(0), Fraction(1), Fraction(5, 8))]
    h = hashlib.sha256()
    for c in cases:
        h.update(json.dumps(designed_spec(*c).raw, sort_keys=True).encode())
    assert h.hexdigest() == THEOREM1_SPECS


def test_shape_needs_prove(capsys):
    assert main(["design", "--activation", "elu", "--shape", "theorem1"]) == 2
    assert "--shape applies to --prove only" in capsys.readouterr().err
