"""A user's own formula everywhere an activation is accepted: Python functions, the CLI,
a specification proved and checked in a fresh process (tampering refused), design, simulate,
and the numpy and torch twins read off the same tree.
"""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest
import torch
from flint import arb, ctx
from helpers_specs import TANH_SMALL

from selu_proof.fixedpoint.normalization import normalize
from selu_proof.kernel.activations import CATALOGUE, parse_activation
from selu_proof.meanfield.activation import activation_mean_field
from selu_proof.numeric.activations import FLOAT_TWINS, float_params, float_twin
from selu_proof.numeric.formula_twin import numpy_twin
from selu_proof.torch.activations import TORCH_TWINS, torch_twin, tree_torch_twin

OWN = "x*sigmoid(b*x); b=1.702"
#: attracting once affine-normalized (its fixed point (0, 1) contracts)
SOFT = "x/(1 + abs(x))"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "selu_proof", *args], capture_output=True,
                          text=True, timeout=600)


def test_python_functions_take_a_name_a_formula_or_an_object():
    act = parse_activation(OWN)
    by_text = normalize(OWN, digits=12).as_dict(12)["constants"]
    by_object = normalize(act, digits=12).as_dict(12)["constants"]
    assert by_text == by_object
    same = normalize("silu:beta=1.702", digits=12).as_dict(12)["constants"]
    assert same == by_text  # the catalogue entry with that parameter is the same function
    a = activation_mean_field(act, normalize="affine", digits=6)
    b = activation_mean_field(OWN, normalize="affine", digits=6)
    assert a["chi1"] == b["chi1"] and a["activation"] == act.spec


def test_cli_normalize_and_mean_field_with_correlation_take_a_formula():
    out = _run("normalize", OWN, "--json", "--digits", "12")
    assert out.returncode == 0, out.stderr
    lam = json.loads(out.stdout)["constants"]["lambda"]
    assert lam == normalize(OWN, digits=12).as_dict(12)["constants"]["lambda"]
    out = _run("mean-field", "--activation", OWN, "--normalize", "affine", "--correlation",
               "0.5", "--digits", "6", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["activation"] == "x*sigmoid(b*x); b=1.702"


@pytest.mark.parametrize("argv", [["normalize", "exp(x**2)"], ["normalize", "1/x"],
                                  ["normalize", "x.real"], ["normalize", "x*b; b=1, b=2"],
                                  ["mean-field", "--activation", "log(x)"],
                                  ["design", "--activation", "foo(x)"]])
def test_cli_refuses_bad_formulas_with_one_line(argv):
    out = _run(*argv)
    assert out.returncode == 2 and out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


def test_activations_lists_the_catalogue_as_formulas():
    out = _run("activations", "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert [r["name"] for r in rows] == list(CATALOGUE) and len(rows) >= 22
    hs = next(r for r in rows if r["name"] == "hardswish")
    assert hs["formula"] == "x*min(max(x + 3, 0), 6)/6" and hs["kinks"] == ["-3", "3"]
    silu = next(r for r in rows if r["name"] == "silu")
    assert silu["parameters"]["beta"]["default"] == "1" and silu["aliases"] == ["swish"]
    text = _run("activations")
    assert text.returncode == 0 and "bent_identity: (sqrt(x**2 + 1) - 1)/2 + x" in text.stdout


SPEC = TANH_SMALL.replace('"tanh_small"', '"own"').replace('"tanh"', f'"{SOFT}"')


@pytest.fixture(scope="module")
def proved(tmp_path_factory):
    d = tmp_path_factory.mktemp("own")
    (d / "own.toml").write_text(SPEC)
    out = _run("prove", str(d / "own.toml"), "--out", str(d), "--max-boxes", "2000")
    assert out.returncode == 0, out.stderr + out.stdout
    return d / "own.cert.json"


def test_a_user_formula_is_proved_and_checked_in_a_fresh_process(proved):
    cert = json.loads(proved.read_text())
    rec = cert["activation"]
    assert rec["formula"] == SOFT and rec["kinks"] == ["0"] and rec["parameters"] == {}
    assert rec["growth"] == {"coeffs": ["0", "1"], "rate": "0"}
    out = _run("check", str(proved))
    assert out.returncode == 0, out.stderr + out.stdout


@pytest.mark.parametrize("path, value", [
    (("spec", "parameters", "activation"), "x/(1 + abs(x))*1"),
    (("spec", "parameters", "activation"), "x/(1.01 + abs(x))"),
    (("activation", "formula"), "x/(2 + abs(x))"),
    (("activation", "kinks"), []),
    (("activation", "growth", "coeffs"), ["0", "0.5"]),
    (("activation", "derivative_growth", "rate"), "1"),
    (("activation", "integrator", "accuracy_bits"), 64),
])
def test_tampering_with_the_formula_record_is_invalid(proved, tmp_path, path, value):
    cert = json.loads(proved.read_text())
    obj = cert
    for k in path[:-1]:
        obj = obj[k]
    obj[path[-1]] = value
    bad = tmp_path / "bad.cert.json"
    bad.write_text(json.dumps(cert))
    out = _run("check", str(bad))
    assert out.returncode != 0 and "INVALID" in out.stdout + out.stderr


def test_a_formula_parameter_is_recorded_and_a_changed_one_is_invalid(tmp_path):
    from selu_proof.kernel.checker import check_certificate
    from selu_proof.kernel.specs import parse_spec
    from selu_proof.search.prover import prove_spec

    raw = {"name": "p", "parameters": {"activation": "x*sigmoid(b*x) - x/2; b=0.5",
                                       "normalize": "affine"},
           "domain": {"mu": ["-0.001", "0.001"], "omega": ["-0.001", "0.001"],
                      "nu": ["0.99", "1.01"], "tau": ["0.999", "1.001"]},
           "claim": [{"kind": "chi1_below", "bound": "10"}]}
    (res,) = prove_spec(parse_spec(raw), out_dir=tmp_path, max_boxes=200)
    assert res.status == "proved", res.reason
    cert = json.loads((tmp_path / "p.cert.json").read_text())
    assert cert["activation"]["parameters"] == {"b": "0.5"}
    assert check_certificate(cert).valid
    cert["spec"]["parameters"]["activation"] = "x*sigmoid(b*x) - x/2; b=0.6"
    verdict = check_certificate(cert)
    assert not verdict.valid and "activation" in verdict.message


def test_design_prove_and_simulate_take_a_formula(tmp_path):
    out = _run("design", "--activation", SOFT, "--prove", "--out", str(tmp_path),
               "--max-seconds", "5", "--json")
    assert out.returncode == 0, out.stderr
    proof = json.loads(out.stdout)["proof"]
    assert proof["status"] == "proved"
    assert _run("check", proof["certificates"][0]).returncode == 0
    out = _run("simulate", "--activation", OWN, "--depth", "4", "--width", "64", "--batch",
               "64", "--json")
    assert out.returncode == 0, out.stderr
    assert "x*sigmoid(b*x); b=1.702" in out.stdout


# ------------------------------------------------------------------------------- twins

TWIN_SPECS = list(CATALOGUE) + [OWN, "where(x > 0, x, 0.5*expm1(x))", "x*exp(x/4)",
                                "log1p(x**2)", "max(x, 0)**2/2"]


@pytest.mark.parametrize("spec", TWIN_SPECS)
def test_numpy_and_torch_twins_match_the_ball_values(spec):
    act = parse_activation(spec)
    xs = np.concatenate([np.linspace(-7, 7, 57), [-3.0, 0.0, 3.0, 6.0, 0.5]])
    tree_f, tree_df = numpy_twin(act)
    f, df = float_twin(act)
    ys, gs = [], []
    for tf in (torch_twin(act), tree_torch_twin(act)):
        xt = torch.tensor(xs, dtype=torch.float64, requires_grad=True)
        yt = tf(xt)
        (gt,) = torch.autograd.grad(yt.sum(), xt)
        ys.append(yt.detach())
        gs.append(gt)
    with ctx.workprec(128):
        for i, x in enumerate(xs):
            q = Fraction(float(x))
            xb = arb(q.numerator) / q.denominator
            want_f, want_df = act.value(xb), act.derivative(xb)
            tol = 1e-12 * (1 + abs(float(want_f.mid())))
            for got in (tree_f(x), f(x), *(float(y[i]) for y in ys)):
                assert abs(float(got) - float(want_f.mid())) <= tol, (spec, x, got, want_f)
            if any(abs(q - k) < Fraction(1, 10**6) for k in act.kinks):
                continue  # autograd's choice of one-sided derivative at a kink is its own
            tol = 1e-11 * (1 + abs(float(want_df.mid())))
            for got in (tree_df(x), df(x), *(float(g[i]) for g in gs)):
                assert abs(float(got) - float(want_df.mid())) <= tol, (spec, x, got, want_df)


def _points(act) -> np.ndarray:
    """Far tails, a dense grid, every kink and points next to it, tiny values."""
    kinks = [float(k) for k in act.kinks]
    near = [k + d for k in kinks for d in (-1e-9, -1e-300, 1e-300, 1e-9)]
    return np.unique(np.concatenate([np.linspace(-40, 40, 4001), [-700.0, -300.0, 300.0],
                                     kinks, near, [-1e-300, -0.0, 1e-300]]))


#: the tolerance between a hand-written twin and the tree's: relative, plus a tiny absolute
TWIN_RTOL, TWIN_ATOL = 1e-12, 1e-300


@pytest.mark.parametrize("spec", sorted(FLOAT_TWINS) + ["selu:alpha=1.5,lambda=2",
                                                       "silu:beta=2.5"])
def test_hand_written_numpy_twins_agree_with_the_tree_twins(spec):
    """A hand-written numpy twin is kept only where it is faster (benchmarks/bench_twins.py);
    it must give what the tree's twin gives, f and f' (left derivatives at kinks, as the
    kernel), within 1e-12 relative, far tails and kinks included."""
    act = parse_activation(spec)
    xs = _points(act)
    hand_f, hand_df = FLOAT_TWINS[act.name]
    p = float_params(act)
    tree_f, tree_df = numpy_twin(act)
    with np.errstate(over="ignore", under="ignore"):
        for hand, tree in ((hand_f(xs, **p), tree_f(xs)), (hand_df(xs, **p), tree_df(xs))):
            assert np.all(np.isfinite(tree)) and np.allclose(hand, tree, rtol=TWIN_RTOL,
                                                             atol=TWIN_ATOL)
    assert tree_f(np.float32([1.5, -2.0])).dtype == np.float32  # the input's dtype kept


@pytest.mark.parametrize("spec", sorted(TORCH_TWINS) + ["elu:alpha=2", "leaky_relu:slope=0.2"])
def test_hand_written_torch_twins_agree_with_the_tree_twins(spec):
    """Values and autograd gradients of a kept ``torch.nn.functional`` twin and of the tree's
    twin agree within 1e-12 relative and 1e-15 absolute (gradients away from kinks, where
    autograd picks a side of its own), far tails included; the tree's gradient is the
    certified f' at points."""
    act = parse_activation(spec)
    xs = _points(act)
    p = float_params(act)
    out = []
    for tf in (lambda x: TORCH_TWINS[act.name](x, **p), tree_torch_twin(act)):
        xt = torch.tensor(xs, dtype=torch.float64, requires_grad=True)
        y = tf(xt)
        (g,) = torch.autograd.grad(y.sum(), xt)
        out.append((y.detach().numpy(), g.numpy()))
    (hy, hg), (ty, tg) = out
    # values: also 1e-15 absolute (F.gelu is x (1 + erf(x/sqrt 2))/2, whose cancellation
    # in the left tail leaves about 1e-16 absolute: 4.885e-15 for 4.977e-15 at x = -8)
    assert np.allclose(hy, ty, rtol=TWIN_RTOL, atol=1e-15)
    away = np.array([all(abs(x - float(k)) > 1e-6 for k in act.kinks) for x in xs])
    # gradients: also 1e-15 absolute (torch differentiates expm1 as expm1(x) + 1, which is 0
    # below about -37, where e^x is)
    assert np.allclose(hg[away], tg[away], rtol=TWIN_RTOL, atol=1e-15)
    with ctx.workprec(128):
        for x in (-3.25, -0.5, 0.75, 4.5):
            i = int(np.argmin(abs(xs - x)))
            want = float(act.derivative(arb(float(xs[i]))).mid())
            assert abs(tg[i] - want) <= 1e-12 * (1 + abs(want)), (spec, xs[i])


@pytest.mark.parametrize("spec", ["mish", "softplus"])
def test_catalogue_tree_twins_compile_and_differentiate(spec):
    """The catalogue entries now twinned by their trees in torch: ``torch.compile`` traces
    them, and the compiled gradient is the certified f' at points."""
    act = parse_activation(spec)
    tf = torch_twin(act)
    compiled = torch.compile(tf, backend="eager")
    x = torch.linspace(-3, 3, 13, dtype=torch.float64, requires_grad=True)
    (g,) = torch.autograd.grad(compiled(x).sum(), x)
    assert torch.allclose(compiled(x), tf(x))
    with ctx.workprec(128):
        for xi, gi in zip(x.detach().tolist(), g.tolist(), strict=True):
            q = Fraction(xi)
            want = act.derivative(arb(q.numerator) / q.denominator)
            assert abs(gi - float(want.mid())) <= 1e-12 * (1 + abs(gi)), (spec, xi)


def test_torch_twin_of_a_formula_compiles():
    tf = torch_twin(parse_activation(OWN))
    compiled = torch.compile(tf, backend="eager")
    x = torch.linspace(-3, 3, 11, dtype=torch.float64)
    assert torch.allclose(compiled(x), tf(x))


def test_the_normalized_torch_module_takes_a_formula():
    from selu_proof.torch import Normalized

    m = Normalized(OWN)
    x = torch.randn(200_000, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    y = m(x)
    assert torch.allclose(y, m.scale * (torch_twin(parse_activation(OWN))(x) + m.shift))
    # Monte Carlo: mean 0 and variance 1 within 5 standard errors (about 0.011, 0.02)
    assert abs(float(y.mean())) < 0.012 and abs(float(y.var()) - 1) < 0.03
