"""A search under ``--max-seconds`` gives up an integration at the deadline.

Past :func:`~selu_proof.kernel.quadrature.give_up_at`'s time every integrand returns an
indeterminate ball and no new integration starts, so the enclosure is non-finite (it
proves and refutes nothing) and the search reports its budget spent; such results are
never remembered for later evaluations, and the checker, which never sets the time,
is unaffected.
"""

from __future__ import annotations

import time
from fractions import Fraction

from flint import arb, ctx

from selu_proof.kernel import activation_claims, quadrature
from selu_proof.kernel.activations import parse_activation
from selu_proof.kernel.quadrature import _integrand, gaussian_expectation, give_up_at
from selu_proof.search.extremum import maximise


def _counted(pieces):
    calls = [0]

    def wrap(fn):
        def counted(x, analytic):
            calls[0] += 1
            return fn(x, analytic)
        return counted
    return [(lo, hi, wrap(fn)) for lo, hi, fn in pieces], calls


def test_past_the_time_no_integration_starts_and_the_result_is_not_finite():
    pieces, growth = _integrand(parse_activation("softplus"), "f")
    pieces, calls = _counted(pieces)
    with ctx.workprec(128):
        good = gaussian_expectation(pieces, growth, arb(0), arb(1))
        assert good.is_finite() and calls[0] > 0
        calls[0] = 0
        with give_up_at(time.monotonic() - 1):
            assert not gaussian_expectation(pieces, growth, arb(0), arb(1)).is_finite()
        assert calls[0] == 0
        assert quadrature._GIVE_UP[0] is None  # restored after the block
        assert gaussian_expectation(pieces, growth, arb(0), arb(1)).overlaps(good)


def test_the_deadline_ends_an_integration_in_progress(monkeypatch):
    """A clock that passes the deadline after 40 evaluations: the activation is not
    evaluated again, the integrator sees indeterminate values and its result is not finite."""
    pieces, growth = _integrand(parse_activation("gelu"), "f")
    pieces, calls = _counted(pieces)
    ticks = [0]

    def clock() -> float:
        ticks[0] += 1
        return float(ticks[0])

    monkeypatch.setattr(quadrature.time, "monotonic", clock)
    with ctx.workprec(128), give_up_at(40.5):
        out = gaussian_expectation(pieces, growth, arb(0), arb(4))
    assert not out.is_finite()
    assert 0 < calls[0] < 40 < ticks[0]


def test_a_given_up_result_is_not_remembered():
    act = parse_activation("mish")
    a, v = arb(1) / 3, arb(7) / 5
    activation_claims._CACHE.clear()
    with ctx.workprec(128):
        with give_up_at(time.monotonic() - 1):
            assert not activation_claims._cached(act, "f", (0, 0), a, v).is_finite()
        assert not activation_claims._CACHE
        out = activation_claims._cached(act, "f", (0, 0), a, v)
    assert out.is_finite() and out.rad() < 1e-12 and len(activation_claims._CACHE) == 1


def test_constants_are_computed_whole_even_past_the_time():
    activation_claims.activation_model.cache_clear()
    with give_up_at(time.monotonic() - 1):
        model = activation_claims.activation_model("tanh|affine:0,1", 128)
    assert model.lam.is_finite() and model.beta.is_finite() and model.lam.rad() < 1e-30


def test_a_bracket_search_out_of_time_says_so_and_proves_nothing(tmp_path):
    from selu_proof.kernel.claims import extremum_key
    from selu_proof.kernel.specs import load_spec

    spec = tmp_path / "wide.toml"
    spec.write_text('name = "wide"\n[parameters]\nactivation = "softplus"\n'
                    'normalize = "affine"\n[domain]\nmu = ["-3", "3"]\nomega = ["-1", "1"]\n'
                    'nu = ["0.05", "200"]\ntau = ["0.2", "3"]\n[[claim]]\n'
                    'kind = "spectral_norm_below"\nbound = "1"\n')
    s = load_spec(spec)
    res = maximise(extremum_key("norm-H", "max"), s.domain, s.alpha, s.lam, Fraction(1, 10**6),
                   max_seconds=0.5)
    assert res.status == "unknown" and "budget spent" in res.reason
    assert res.upper is None or res.lower is None or res.upper - res.lower > Fraction(1, 10**6)
