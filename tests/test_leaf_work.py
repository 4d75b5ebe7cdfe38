"""The checker's work per leaf of a specification with an activation is bounded.

A certificate chooses its precision, domain and leaves; the checker replays each leaf by
certified quadrature.  Each integration evaluates its integrand at most ``eval_limit``
times (``integrator_settings``) and is given up (a non-finite enclosure, which proves
nothing) when it reaches that; the precision of such a certificate is at most
``MAX_QUADRATURE_PRECISION``, refused before any integration, by the checker and by the
prover alike.  Work is measured by counting the activation's evaluations, never by a
clock (a subprocess has a generous timeout only as a guard).
"""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction

import pytest
from flint import arb, ctx
from helpers_specs import counted_pieces

from selu_proof.kernel import activation_claims, quadrature, taylor
from selu_proof.kernel.activation_claims import integrator_settings
from selu_proof.kernel.activations import CATALOGUE, parse_activation
from selu_proof.kernel.checker import check_certificate
from selu_proof.kernel.claims import goals_of_claim
from selu_proof.kernel.exact import ball, interval_ball
from selu_proof.kernel.model import model_of
from selu_proof.kernel.specs import MAX_QUADRATURE_PRECISION, SpecError, parse_spec
from selu_proof.search.certificate import build_certificate, dump_certificate
from selu_proof.search.prover import prove_spec

#: the box of the issue's Mish example: a ball of pre-activation means [-10, 10] and
#: variances [1, 100], on which the integrals do not converge to the accuracy goal
WIDE = {"mu": ["-10", "10"], "omega": ["1", "1"], "nu": ["1", "100"], "tau": ["1", "1"]}
#: the widest box the supported domain allows
WIDEST = {"mu": ["-100", "100"], "omega": ["-0.1", "0.1"], "nu": ["0.001", "1000"],
          "tau": ["1", "1"]}
SMALL = {"mu": ["-0.01", "0.01"], "omega": ["-0.01", "0.01"], "nu": ["0.95", "1.05"],
         "tau": ["0.99", "1.01"]}
#: most quadratures of one leaf (docs/kernel.md, "Work per leaf"): the cells of the box and
#: of the face, each with its coefficients, and the point quadratures at the face's centre
QUADRATURES_PER_LEAF = 2 * taylor.MAX_PIECES * (taylor.highest_coefficient() + 1) + 13
#: ... each of at most 3 pieces
INTEGRATIONS_PER_LEAF = 3 * QUADRATURES_PER_LEAF
#: a box of the supported domain over several cells
CELLS = {"mu": ["-0.01", "0.01"], "omega": ["-0.01", "0.01"], "nu": ["0.5", "1.5"],
         "tau": ["1", "1"]}


def one_leaf(activation: str, prec: int, domain: dict, claim: dict,
             form: str = "natural") -> dict:
    """A certificate of ``claim`` whose every goal's tree is one leaf recording ``bound - 1``
    (the prover's writer, so every other field is what the checker expects)."""
    raw = {"name": "one_leaf", "parameters": {"activation": activation}, "domain": domain,
           "claim": [claim]}
    spec = parse_spec(raw)
    with ctx.workprec(prec):
        model = model_of(spec.model, prec)
    goals = [{"label": g.label, "expression": g.key, "bound": g.bound,
              "max_bound": g.bound - 1, "tree": [[form, "....", str(g.bound - 1)]]}
             for g in goals_of_claim(spec, spec.claims[0])]
    cert = build_certificate(raw, prec, model, [{"kind": claim["kind"], "goals": goals}])
    return json.loads(dump_certificate(cert))


class _Work:
    """Counters of :func:`counted`, read as numbers."""

    def __init__(self, calls: list[int], quadratures: list[int]) -> None:
        self._calls, self._quadratures = calls, quadratures

    @property
    def evaluations(self) -> int:
        return self._calls[0]

    @property
    def quadratures(self) -> int:
        return self._quadratures[0]


@pytest.fixture
def counted(monkeypatch):
    """Count the activation's evaluations and the quadratures asked for (each of at most
    one integration per piece), points and cells alike, from empty caches."""
    calls, quadratures = [0], [0]
    integrand, plain = activation_claims._integrand, activation_claims._plain
    pieces_of, expectation = taylor._pieces, taylor.gaussian_expectation_complex

    def counting_integrand(act, h):
        pieces, growth = integrand(act, h)
        return counted_pieces(pieces, calls)[0], growth

    def counting_plain(*args):
        quadratures[0] += 1
        return plain(*args)

    def counting_pieces(act, h):
        pieces, growth = pieces_of(act, h)
        return counted_pieces(pieces, calls)[0], growth

    def counting_expectation(*args, **kwargs):
        quadratures[0] += 1
        return expectation(*args, **kwargs)

    monkeypatch.setattr(activation_claims, "_integrand", counting_integrand)
    monkeypatch.setattr(activation_claims, "_plain", counting_plain)
    monkeypatch.setattr(taylor, "_pieces", counting_pieces)
    monkeypatch.setattr(taylor, "gaussian_expectation_complex", counting_expectation)
    activation_claims._CACHE.clear()
    taylor.forget()
    yield _Work(calls, quadratures)
    activation_claims._CACHE.clear()
    taylor.forget()


def test_a_leaf_wider_than_any_cell_is_invalid_without_an_integration(counted):
    """The issue's Mish leaf (51 s at 128 bits before the evaluation limit): its variances
    [1, 100] fit no cell of the Taylor enclosures (one would reach v = 0), so it proves
    nothing, at once."""
    cert = one_leaf("mish", 64, WIDE, {"kind": "variance_decreases"})
    res = check_certificate(cert)
    assert not res.valid
    assert "leaf 0" in res.message and "gives nan" in res.message
    assert counted.evaluations == 0 and counted.quadratures == 0


def test_the_costliest_leaf_stays_within_the_stated_bound(counted):
    """S(H) by the mean-value form on a box over several cells, at the highest precision
    allowed, for the costliest integrand (gelu's three pieces)."""
    prec = MAX_QUADRATURE_PRECISION
    cert = one_leaf("gelu", prec, CELLS, {"kind": "spectral_norm_below", "bound": "1"},
                    "mean_value")
    before = quadrature.work_done()
    check_certificate(cert)
    after = quadrature.work_done()
    limit = integrator_settings(prec)["eval_limit"]
    # the coefficients of several cells, within the bound
    assert 2 * taylor.highest_coefficient() < counted.quadratures <= QUADRATURES_PER_LEAF
    assert after["integrations"] - before["integrations"] <= INTEGRATIONS_PER_LEAF
    assert counted.evaluations <= INTEGRATIONS_PER_LEAF * limit
    # every activation evaluation is an integrand evaluation (an ellipse too large to help
    # the integrator is refused without evaluating the activation)
    assert counted.evaluations <= after["evaluations"] - before["evaluations"]


def test_a_precision_above_the_ceiling_is_refused_before_any_integration(counted):
    cert = one_leaf("tanh", 1024, WIDEST, {"kind": "chi1_below", "bound": "2"})
    res = check_certificate(cert)
    assert not res.valid
    assert res.message == (f"precision 1024 is above {MAX_QUADRATURE_PRECISION} bits, the "
                           "most for a specification with an activation (the work of its "
                           "integrations grows with the precision)")
    assert counted.evaluations == 0


def test_the_issue_certificate_is_invalid_on_the_command_line(tmp_path):
    """tanh, precision 1024, the widest box, one leaf (over 300 s before): one INVALID line;
    the timeout only guards against the old behaviour."""
    path = tmp_path / "tanh.cert.json"
    cert = one_leaf("tanh", 1024, WIDEST, {"kind": "spectral_norm_below", "bound": "1"},
                    "mean_value")
    path.write_text(json.dumps(cert))
    assert path.stat().st_size < 1500
    out = subprocess.run([sys.executable, "-m", "selu_proof", "check", str(path)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert out.stdout.splitlines() == [f"{path}: INVALID: precision 1024 is above "
                                       f"{MAX_QUADRATURE_PRECISION} bits, the most for a "
                                       "specification with an activation (the work of its "
                                       "integrations grows with the precision)"]


def test_the_prover_refuses_that_precision_before_any_work(tmp_path, counted):
    raw = {"name": "t", "parameters": {"activation": "tanh"}, "domain": SMALL,
           "claim": [{"kind": "chi1_below", "bound": "2"}]}
    with pytest.raises(SpecError, match="precision 256 is above 128 bits"):
        prove_spec(parse_spec(raw), out_dir=tmp_path, precision=256)
    assert counted.evaluations == 0 and not list(tmp_path.iterdir())
    # the SELU closed forms keep the whole range
    selu = dict(raw, parameters={"alpha": "alpha01", "lambda": "lambda01"})
    (res,) = prove_spec(parse_spec(selu), out_dir=tmp_path, precision=256)
    assert res.status == "proved"


def test_the_command_line_refuses_that_precision_in_one_line(tmp_path):
    spec = tmp_path / "t.toml"
    spec.write_text('name = "t"\n[parameters]\nactivation = "tanh"\n[domain]\n'
                    'mu = ["-0.01", "0.01"]\nomega = ["-0.01", "0.01"]\n'
                    'nu = ["0.95", "1.05"]\ntau = ["0.99", "1.01"]\n'
                    '[[claim]]\nkind = "chi1_below"\nbound = "2"\n')
    for cmd in (["prove", str(spec)], ["bound", "chi1", "--max", "--spec", str(spec)]):
        out = subprocess.run([sys.executable, "-m", "selu_proof", *cmd, "--precision", "512",
                              "--out", str(tmp_path / "o")],
                             capture_output=True, text=True, timeout=120)
        assert out.returncode == 2 and out.stdout == ""
        (line,) = out.stderr.splitlines()
        assert "--precision" in line and "precision 512 is above 128 bits" in line


def test_an_integration_at_its_limit_is_given_up_and_evaluates_no_more():
    pieces, growth = quadrature._integrand(parse_activation("gelu"), "f")
    pieces, calls = counted_pieces(pieces)
    with ctx.workprec(128):
        free = quadrature.gaussian_expectation(pieces, growth, arb(0), arb(4))
        need = calls[0]
        assert free.is_finite() and need > 50
        given_up = quadrature.work_done()["given_up"]
        calls[0] = 0
        capped = quadrature.gaussian_expectation_complex(pieces, growth, arb(0), arb(4),
                                                         eval_limit=20)
        assert not capped.real.is_finite() and not capped.imag.is_finite()
        assert 0 < calls[0] <= 20 * len(pieces)
        assert quadrature.work_done()["given_up"] > given_up
        calls[0] = 0
        enough = quadrature.gaussian_expectation_complex(pieces, growth, arb(0), arb(4),
                                                         eval_limit=4 * need)
        assert calls[0] == need  # the same computation, the same ball
        assert (enough.real.mid().man_exp(), enough.real.rad().man_exp()) == \
            (free.mid().man_exp(), free.rad().man_exp())


def test_a_given_up_quadrature_is_remembered(counted, monkeypatch):
    """Giving up at the evaluation limit is a count, the same every time: unlike one given
    up at a deadline, it is remembered and not computed again."""
    monkeypatch.setattr(activation_claims, "EVALUATIONS_PER_BIT", 1)  # a limit it reaches
    act = parse_activation("mish")
    with ctx.workprec(64):
        a, v = interval_ball(Fraction(-10), Fraction(10)), interval_ball(Fraction(1), Fraction(100))
        first = activation_claims._cached(act, "f", (2, 0), a, v)
        spent = counted.evaluations
        assert not first.is_finite() and spent > 0
        again = activation_claims._cached(act, "f", (2, 0), a, v)
    assert not again.is_finite() and counted.evaluations == spent


@pytest.mark.parametrize("prec", [53, 128])
def test_the_limit_is_twice_what_points_of_the_supported_domain_need(prec, monkeypatch):
    """Every catalogue activation, at the corners of the supported (a, v) range and at the
    fixed point, for the integrands and highest derivative weights the goals use."""
    most = [0]
    integral = quadrature._integral

    def recording(f, lo, hi, goal, eval_limit):
        start = quadrature.work_done()["evaluations"]
        out = integral(f, lo, hi, goal, eval_limit)
        most[0] = max(most[0], quadrature.work_done()["evaluations"] - start)
        return out

    monkeypatch.setattr(quadrature, "_integral", recording)
    with ctx.workprec(prec):
        for name in CATALOGUE:
            act = parse_activation(name)
            for a, v in ((0, 1), (10, Fraction(1, 1000)), (-10, Fraction(1, 1000)),
                         (-10, 1000), (0, Fraction(1, 1000))):
                for h, order in (("f", (0, 0)), ("f2", (1, 2)), ("df2", (0, 0)),
                                 ("f", (3, 0)), ("f2", (0, 3))):
                    out = activation_claims._plain(act, h, ball(Fraction(a)),
                                                   ball(Fraction(v)), order)
                    assert out.is_finite(), (name, a, v, h, order)
                for h in ("f", "df2"):  # a cell's coefficients (f and f^2 in one integral)
                    for n in (0, taylor.highest_coefficient()):
                        out = taylor._coefficient(act, h, n, ball(Fraction(a)),
                                                  ball(Fraction(v)), prec,
                                                  integrator_settings(prec)["eval_limit"])
                        assert out.is_finite(), (name, a, v, h, n)
    assert 0 < 2 * most[0] <= integrator_settings(prec)["eval_limit"]
