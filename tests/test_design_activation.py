"""``design --activation ... --prove`` and ``explore``/``bound`` on activation specs."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from helpers_specs import TANH_SMALL

from selu_proof.kernel.checker import check_file

SPEC = TANH_SMALL


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "selu_proof", *args], capture_output=True,
                          text=True)


def test_design_prove_selu_by_quadrature_writes_a_checked_certificate(tmp_path):
    out = _run("design", "--activation", "selu", "--prove", "--out", str(tmp_path),
               "--max-seconds", "1", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    lo, hi = (float(x) for x in data["constants"]["lambda"])
    assert lo <= 1 <= hi  # SELU is already normalized
    proof = data["proof"]
    assert proof["status"] == "proved" and float(proof["scale"]) >= 0.0625
    assert check_file(proof["certificates"][0]).valid


def test_design_prove_refutes_a_repelling_fixed_point(tmp_path):
    """Affine GELU's fixed point (0, 1) repels: S(H) > 1 there, refuted with a witness."""
    out = _run("design", "--activation", "gelu", "--prove", "--out", str(tmp_path),
               "--max-seconds", "2", "--json")
    assert out.returncode == 1
    proof = json.loads(out.stdout)["proof"]
    assert proof["status"] == "refuted" and proof["witness"]["goal"] == "S(H) < 1"
    assert "S(H) = [1.12" in proof["reason"]
    assert not list(tmp_path.glob("*.cert.json"))


@pytest.mark.parametrize("args, message", [
    (["--activation", "nosuch"], "unknown activation"),
    (["--activation", "celu:alpha=0"], "out of range"),
    (["--activation", "tanh", "--omega", "1"], "omega = 0, tau = 1"),
    (["--activation", "tanh", "--var", "0"], "--var must be positive"),
    (["--normalize", "affine", "--mean", "0", "--var", "1"], "--activation only"),
    (["--var", "1"], "arguments are required: --mean, --var"),
])
def test_design_activation_errors_are_one_line(args, message):
    out = _run("design", *args)
    assert out.returncode == 2
    assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_bound_and_explore_accept_activation_specs(tmp_path):
    spec = tmp_path / "tanh_small.toml"
    spec.write_text(SPEC)
    out = _run("bound", "chi1", "--max", "--spec", str(spec), "--tol", "1e-3", "--out",
               str(tmp_path), "--json")
    assert out.returncode == 0, out.stderr
    assert check_file(tmp_path / "tanh_small_max_chi1.cert.json").valid
    out = _run("explore", str(spec), "--vary", "nu:hi", "--tol", "0.2", "--max-boxes", "20",
               "--out", str(tmp_path), "--json")
    assert out.returncode in (0, 1), out.stderr
    data = json.loads(out.stdout)
    assert data["proved"] is not None
    assert check_file(tmp_path / "tanh_small_nu_hi.cert.json").valid


def test_scale_limit_follows_the_shape():
    """The search's largest scale keeps ``nu >= V/5``: 4 on Theorem 1's proportions, and on
    affine tanh's shaped domain (``nu`` half-width 0.128 below per unit of scale) 6.25
    rounded down to 6.1875, where the domain is still supported; past it ``nu`` would go
    below ``V/5``.
    """
    from fractions import Fraction

    from selu_proof.search.design_proof import (
        activation_key,
        design_shape,
        designed_domain,
        designed_spec,
        scale_limit,
    )

    assert scale_limit(Fraction(1)) == 4
    model = activation_key("tanh", Fraction(0), Fraction(1))
    shaped = design_shape(model, Fraction(0), Fraction(1), Fraction(0), Fraction(1), 64)
    limit = scale_limit(Fraction(1), shaped.widths)
    assert Fraction(6) < limit <= Fraction(25, 4)
    designed_spec(model, Fraction(0), Fraction(1), Fraction(0), Fraction(1), limit,
                  shaped.widths)  # supported
    nu_lo = Fraction(designed_domain(Fraction(0), Fraction(1), Fraction(0), Fraction(1),
                                     limit, shaped.widths)["nu"][0])
    assert Fraction(1, 5) <= nu_lo < Fraction(1, 5) + Fraction(1, 100)
