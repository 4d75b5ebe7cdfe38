"""A search under ``--max-seconds`` gives up an integration at the deadline.

Past :func:`~selu_proof.kernel.quadrature.give_up_at`'s time every integrand returns an
indeterminate ball and no new integration starts, so the enclosure is non-finite (it
proves and refutes nothing) and the search reports its budget spent; such results are
never remembered for later evaluations, and the checker, which never sets the time,
is unaffected.
"""

from __future__ import annotations

import json
import time
from fractions import Fraction

from flint import arb, ctx
from helpers_specs import counted_pieces

from selu_proof.kernel import activation_claims, quadrature, taylor
from selu_proof.kernel.activations import parse_activation
from selu_proof.kernel.give_up import give_up_at, give_up_time
from selu_proof.kernel.quadrature import _integrand, gaussian_expectation
from selu_proof.search.extremum import BUDGET_SPENT, maximise


def test_past_the_time_no_integration_starts_and_the_result_is_not_finite():
    pieces, growth = _integrand(parse_activation("softplus"), "f")
    pieces, calls = counted_pieces(pieces)
    with ctx.workprec(128):
        good = gaussian_expectation(pieces, growth, arb(0), arb(1))
        assert good.is_finite() and calls[0] > 0
        calls[0] = 0
        with give_up_at(time.monotonic() - 1):
            assert not gaussian_expectation(pieces, growth, arb(0), arb(1)).is_finite()
        assert calls[0] == 0
        assert give_up_time() is None  # restored after the block
        assert gaussian_expectation(pieces, growth, arb(0), arb(1)).overlaps(good)


def test_the_deadline_ends_an_integration_in_progress(monkeypatch):
    """A clock that passes the deadline after 40 evaluations: the activation is not
    evaluated again, the integrator sees indeterminate values and its result is not finite."""
    pieces, growth = _integrand(parse_activation("gelu"), "f")
    pieces, calls = counted_pieces(pieces)
    ticks = [0]

    def clock() -> float:
        ticks[0] += 1
        return float(ticks[0])

    monkeypatch.setattr(time, "monotonic", clock)
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
    res = maximise(extremum_key("norm-H", "max"), s.domain, s.model, Fraction(1, 10**6),
                   max_seconds=0.5)
    assert res.status == "unknown" and "budget spent" in res.reason
    assert res.upper is None or res.lower is None or res.upper - res.lower > Fraction(1, 10**6)


def _ticking(monkeypatch, start: int = 0) -> list[int]:
    """``time.monotonic`` replaced by a counter: one tick per call."""
    ticks = [start]

    def clock() -> float:
        ticks[0] += 1
        return float(ticks[0])

    monkeypatch.setattr(time, "monotonic", clock)
    return ticks


def test_a_given_up_complex_integral_is_indeterminate_in_both_parts(monkeypatch):
    """The pair (E f, E f^2) is one integral of f + i f^2: an indeterminate value with an
    exact zero imaginary part made E f^2 a finite, wrong 0 when the integration gave up."""
    act = parse_activation("gelu")
    with ctx.workprec(128):
        good = quadrature.moments(act, arb(0), arb(1))
        with give_up_at(time.monotonic() - 1):
            assert not any(m.is_finite() for m in quadrature.moments(act, arb(0), arb(1)))
        for tick in (5, 40, 250):  # the clock passes the time during the integration
            # (about 300 evaluations, one tick each)
            ticks = _ticking(monkeypatch)
            with give_up_at(tick + 0.5):
                out = quadrature.moments(act, arb(0), arb(1))
            monkeypatch.undo()
            assert ticks[0] > tick
            for m, g in zip(out, good, strict=True):
                assert not m.is_finite() or m.overlaps(g)


def test_each_thread_has_its_own_give_up_time():
    """Thread A enters, B enters, A leaves, B leaves: with one global time, B saw None
    after A left and left A's time set for good; each thread has its own now."""
    import threading

    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def first() -> None:
        with give_up_at(1.0):
            a_in.set()
            b_in.wait(10)
        a_out.set()
        seen["first after"] = give_up_time()

    def second() -> None:
        a_in.wait(10)
        with give_up_at(2.0):
            b_in.set()
            a_out.wait(10)
            seen["second"] = give_up_time()
        seen["second after"] = give_up_time()

    threads = [threading.Thread(target=f) for f in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert seen == {"first after": None, "second": 2.0, "second after": None}
    assert give_up_time() is None


def test_the_checker_never_gives_up_in_workers_forked_during_a_search(tmp_path):
    """A pool forked inside a search's block inherits its time; the checker's replay in
    those workers must not give up (it rejected valid certificates with "nan")."""
    from selu_proof.kernel.checker import check_file
    from selu_proof.kernel.parallel import process_pool
    from selu_proof.kernel.specs import parse_spec
    from selu_proof.search.prover import prove_spec

    raw = {"name": "tiny", "parameters": {"activation": "tanh", "normalize": "affine"},
           "domain": {"mu": ["-0.02", "0.02"], "omega": ["-0.02", "0.02"],
                      "nu": ["0.95", "1.1"], "tau": ["0.98", "1.02"]},
           "claim": [{"kind": "maps_into"}]}
    (res,) = prove_spec(parse_spec(raw), out_dir=tmp_path)
    assert res.status == "proved"
    cert = tmp_path / "tiny.cert.json"
    goals = json.loads(cert.read_text())["claims"][0]["goals"]
    assert sum(g["leaves"] for g in goals) >= 2  # sent out
    activation_claims._CACHE.clear()  # (forked workers inherit them: they would not integrate)
    taylor.forget()
    with give_up_at(time.monotonic() - 1):  # long past
        pool = process_pool(2)
        assert pool.submit(give_up_time).result() is not None  # forked in the block
    try:
        verdict = check_file(cert, pool, 2)
        assert verdict.valid, verdict.message
    finally:
        pool.shutdown()


def test_a_bracket_keeps_its_last_finite_bounds_when_the_time_runs_out(monkeypatch):
    """Children given up at the deadline (non-finite bounds) used to replace their parent,
    so ``bound --max-seconds`` printed no bracket; the parent's bound stays now, and the
    bracket contains the true maximum (compared with an un-timed run)."""
    from selu_proof.kernel.claims import extremum_key
    from selu_proof.kernel.specs import parse_spec

    raw = {"name": "e", "parameters": {"activation": "elu", "normalize": "affine"},
           "domain": {"mu": ["-0.04375", "0.04375"], "omega": ["-0.04375", "0.04375"],
                      "nu": ["0.9125", "1.21875"], "tau": ["0.978125", "1.04375"]},
           "claim": [{"kind": "spectral_norm_below", "bound": "1"}]}
    s = parse_spec(raw)
    key, tol = extremum_key("var", "max"), Fraction(1, 10**12)
    full = maximise(key, s.domain, s.model, tol)
    assert full.status == "proved"
    for ticks in (45_000, 55_000):  # the domain is bounded after 4e4, the bracket at 6.5e4
        activation_claims._CACHE.clear()
        taylor.forget()
        _ticking(monkeypatch)
        timed = maximise(key, s.domain, s.model, tol, max_seconds=ticks)
        monkeypatch.undo()
        assert timed.status == "unknown" and timed.reason == BUDGET_SPENT
        assert timed.upper is not None and timed.lower is not None
        assert timed.lower <= full.upper and timed.upper >= full.lower


def test_a_worker_deadline_is_a_wall_clock_time():
    """Deadlines cross to workers (possibly on other machines, whose monotonic clocks start
    anywhere) as ``time.time()``: the round trip keeps the budget left."""
    from selu_proof.search.prover import local, portable

    d = time.monotonic() + 5.0
    assert abs(local(portable(d)) - d) < 0.05
    assert portable(None) is None and local(None) is None
    assert abs(portable(d) - (time.time() + 5.0)) < 0.05


def test_out_of_time_without_an_upper_end_the_lower_end_and_witness_are_kept(monkeypatch):
    """A wide softplus domain has no finite upper bound within the budget; the witness's
    lower end was computed and used to be dropped with it (``bound`` printed [None, None]
    and an empty witness value)."""
    from selu_proof.kernel.specs import parse_spec
    from selu_proof.search.extremum import prove_extremum_claim

    raw = {"name": "w", "parameters": {"activation": "softplus", "normalize": "affine"},
           "domain": {"mu": ["-3", "3"], "omega": ["-1", "1"], "nu": ["0.05", "200"],
                      "tau": ["0.2", "3"]},
           "claim": [{"kind": "extremum", "quantity": "var", "sense": "max",
                      "tolerance": "1e-6"}]}
    s = parse_spec(raw)
    activation_claims._CACHE.clear()
    _ticking(monkeypatch)  # the witness takes about 2e4 evaluations
    res = prove_extremum_claim(s, s.claims[0], max_seconds=200_000)
    monkeypatch.undo()
    goal = res.goals[0]
    assert res.status == "unknown" and "upper" not in goal and "statement" not in goal
    lower = Fraction(goal["lower"])
    with ctx.workprec(128):  # the witness value as printed, 25 digits
        value = arb(goal["witness"]["value"])
        assert value.is_finite() and value.rad() < 1e-20
        assert lower <= Fraction(value.lower().str(40, radius=False)) < lower + Fraction(1, 10**12)
