"""selu_proof.torch: modules against torch and the symbolic maps, initializers, monitor."""

from __future__ import annotations

import math
import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest

torch = pytest.importorskip("torch")
F = torch.nn.functional

from selu_proof import backends  # noqa: E402
from selu_proof.fixedpoint import design_selu  # noqa: E402
from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01  # noqa: E402
from selu_proof.numeric.dropout import alpha_dropout_moments  # noqa: E402
from selu_proof.torch import (  # noqa: E402
    SELU,
    AlphaDropout,
    SelfNormalizationMonitor,
    fixed_point_of_init,
    lecun_normal_,
    selu_normal_,
)

GRID = [-50.0, -3.0, -1.0, -1e-3, -1e-30, -0.0, 0.0, 1e-30, 1e-3, 0.5, 2.0, 30.0]


# --------------------------------------------------------------------------- SELU


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_selu_equals_torch_selu(dtype):
    x = torch.tensor(GRID + list(np.linspace(-6, 6, 101)), dtype=dtype)
    torch.testing.assert_close(SELU()(x), F.selu(x), rtol=0, atol=0)
    assert SELU().alpha == ALPHA_01 and SELU().lam == LAMBDA_01


def test_selu_tiny_negative_inputs_keep_relative_precision():
    x = torch.tensor([-1e-30, -1e-300], dtype=torch.float64)
    assert torch.equal(SELU()(x), x * (LAMBDA_01 * ALPHA_01))  # expm1, not exp(x) - 1 = 0


def test_selu_with_other_constants_matches_closed_form():
    x = torch.linspace(-5, 5, 201, dtype=torch.float64)
    act = SELU(1.5, 1.2)
    want = torch.where(x > 0, 1.2 * x, 1.2 * 1.5 * torch.expm1(x))
    torch.testing.assert_close(act(x), want, rtol=1e-15, atol=1e-15)


def test_selu_fixed_point_constants_are_the_nearest_floats_of_the_certified_values():
    r = design_selu("0", "1.5", digits=30)
    act = SELU(fixed_point=("0", "1.5"))
    for name, value in (("alpha", act.alpha), ("lambda", act.lam)):
        exact = Fraction(r.values[name])  # 30 digits: far closer than half an ulp
        assert abs(Fraction(value) - exact) <= abs(Fraction(math.nextafter(value, 0)) - exact)
    assert SELU(fixed_point=(0, 1)).alpha == ALPHA_01
    assert "fixed_point=('0', '1.5')" in repr(act)


def test_selu_moments_by_monte_carlo_match_the_moment_map():
    """Mean and variance of SELU(z), z ~ N(a, v), within 5 standard errors of g (Eq. 4-5)."""
    gen = torch.Generator().manual_seed(1)
    n = 400_000
    for act, (a, v) in ((SELU(), (0.0, 1.0)), (SELU(), (0.3, 1.4)),
                        (SELU(fixed_point=("0", "1.5")), (0.0, 1.5))):
        z = a + math.sqrt(v) * torch.randn(n, dtype=torch.float64, generator=gen)
        y = act(z)
        m, _, var = backends.moments(a, v, act.alpha, act.lam)
        se_m = float(y.std()) / math.sqrt(n)
        se_v = float(((y - y.mean()) ** 2).std()) / math.sqrt(n)
        assert abs(float(y.mean()) - float(m)) < 5 * se_m
        assert abs(float(y.var()) - float(var)) < 5 * se_v
    # the designed SELU keeps its fixed point (0, 1.5) at omega = 0, tau = 1
    assert float(var) == pytest.approx(1.5, abs=1e-12)


@pytest.mark.parametrize("kwargs,fragment", [
    ({"alpha": 1.0, "fixed_point": (0, 1)}, "either fixed_point"),
    ({"omega": "0.1"}, "only apply together"),
    ({"fixed_point": (0, -1)}, "var must be positive"),
    ({"alpha": -1.0}, "need alpha >= 0"),
])
def test_selu_bad_arguments(kwargs, fragment):
    with pytest.raises(ValueError, match=fragment) as exc:
        SELU(**kwargs)
    assert "\n" not in str(exc.value)


# --------------------------------------------------------------------------- AlphaDropout


def test_alpha_dropout_equals_torch_alpha_dropout_at_the_standard_fixed_point():
    x = torch.randn(2000, generator=torch.Generator().manual_seed(0))
    for p in (0.05, 0.2, 0.5):
        torch.manual_seed(7)
        want = torch.nn.AlphaDropout(p)(x)
        torch.manual_seed(7)
        got = AlphaDropout(p)(x)
        torch.testing.assert_close(got, want, rtol=1e-6, atol=1e-6)


def test_alpha_dropout_terms_are_the_symbolic_formula():
    d = AlphaDropout(0.1)
    a, b = backends.dropout_affine(0.9, -ALPHA_01 * LAMBDA_01, 0.0, 1.0)
    assert d.a == pytest.approx(float(a), rel=1e-15) and d.b == pytest.approx(float(b), rel=1e-14)
    assert d.saturation == pytest.approx(-ALPHA_01 * LAMBDA_01, rel=1e-15)


def test_alpha_dropout_is_identity_in_eval_mode_and_for_p_zero():
    x = torch.randn(100)
    d = AlphaDropout(0.3).eval()
    assert d(x) is x
    assert AlphaDropout(0.0)(x) is x


@pytest.mark.parametrize("fixed_point,p", [((0, 1), 0.1), (("0.1", "1.2"), 0.2),
                                           ((0, 1), 0.5)])
def test_alpha_dropout_keeps_the_fixed_point_by_monte_carlo(fixed_point, p):
    """Output mean/variance within 5 standard errors of the fixed point (n = 10**6)."""
    m, v = (float(Fraction(str(t))) for t in fixed_point)
    torch.manual_seed(3)
    n = 1_000_000
    x = m + math.sqrt(v) * torch.randn(n, dtype=torch.float64)
    y = AlphaDropout(p, fixed_point=fixed_point)(x)
    se_m = float(y.std()) / math.sqrt(n)
    se_v = float(((y - y.mean()) ** 2).std()) / math.sqrt(n)
    assert abs(float(y.mean()) - m) < 5 * se_m
    assert abs(float(y.var()) - v) < 5 * se_v


def test_alpha_dropout_moments_off_the_fixed_point_match_the_symbolic_map():
    torch.manual_seed(4)
    n, mu, nu, p = 1_000_000, 0.3, 0.7, 0.2
    x = mu + math.sqrt(nu) * torch.randn(n, dtype=torch.float64)
    y = AlphaDropout(p)(x)
    m, v = alpha_dropout_moments(mu, nu, p)
    assert abs(float(y.mean()) - m) < 5 * float(y.std()) / math.sqrt(n)
    assert abs(float(y.var()) - v) < 5 * float(((y - y.mean()) ** 2).std()) / math.sqrt(n)


@pytest.mark.parametrize("p", [1.0, -0.1, float("nan"), 1.5])
def test_alpha_dropout_bad_probability(p):
    with pytest.raises(ValueError, match=r"in \[0, 1\)"):
        AlphaDropout(p)


def test_alpha_dropout_needs_both_constants():
    with pytest.raises(ValueError, match="both alpha and lam"):
        AlphaDropout(0.1, alpha=1.6)
    d = AlphaDropout(0.1, alpha=ALPHA_01, lam=LAMBDA_01)
    assert d.a == pytest.approx(AlphaDropout(0.1).a, rel=1e-15)


# --------------------------------------------------------------------------- initializers


def test_lecun_normal_is_in_place_and_has_variance_one_over_fan_in():
    w = torch.empty(200, 500)
    out = lecun_normal_(w, generator=torch.Generator().manual_seed(0))
    assert out is w
    n = w.numel()
    # sample variance of N(0, 1/500): standard error sqrt(2/n)/500
    assert abs(float(w.var()) * 500 - 1) < 5 * math.sqrt(2 / n)
    again = lecun_normal_(torch.empty(200, 500), generator=torch.Generator().manual_seed(0))
    assert torch.equal(w, again)


def test_selu_normal_gives_exact_statistics_per_unit_also_for_conv():
    w = torch.empty(8, 3, 5, 5, dtype=torch.float64)
    out = selu_normal_(w, omega=0.05, tau=1.02, generator=torch.Generator().manual_seed(1))
    assert out is w
    flat = w.flatten(1)
    torch.testing.assert_close(flat.sum(1), torch.full((8,), 0.05, dtype=torch.float64))
    torch.testing.assert_close((flat ** 2).sum(1), torch.full((8,), 1.02, dtype=torch.float64))


@pytest.mark.parametrize("fn", [lecun_normal_, selu_normal_])
def test_initializers_refuse_vectors(fn):
    with pytest.raises(ValueError, match="at least 2 dimensions"):
        fn(torch.empty(5))


def test_gain_question():
    """Gain 1 lands on the fixed point (0, 1) with S < 1; calculate_gain('selu') does not."""
    assert torch.nn.init.calculate_gain("selu") == 0.75
    one = fixed_point_of_init(1)
    assert (one["mean"], one["var"]) == ("0.000000000000", "1.00000000000")
    assert one["S"] == pytest.approx(0.7876733605, abs=1e-9)
    torch_gain = fixed_point_of_init("3/4")
    assert torch_gain["tau"] == "9/16"
    assert torch_gain["var"] == "0.0267643294021" and torch_gain["mean"] == "-0.0284180809907"
    assert torch_gain["S"] > 1 > torch_gain["spectral_radius"]


# --------------------------------------------------------------------------- monitor


def _net(width=32, depth=3, act=SELU):
    layers = []
    for _ in range(depth):
        layers += [torch.nn.Linear(width, width), act()]
    return torch.nn.Sequential(*layers, torch.nn.Linear(width, 10))


def test_monitor_omega_tau_are_the_weight_sums_and_input_moments_are_the_inputs():
    torch.manual_seed(0)
    net = _net()
    x = torch.randn(256, 32)
    with SelfNormalizationMonitor(net) as mon:
        net(x)
    rows = mon.report()
    assert [r["layer"] for r in rows] == ["0", "2", "4"]  # the output layer has no SELU
    h = x.double()
    torch.set_grad_enabled(False)
    for r, k in zip(rows, (0, 2, 4)):
        w = net[k].weight.detach().double()
        om, ta = w.sum(1), (w * w).sum(1)
        assert r["omega"] == {"mean": float(om.mean()), "min": float(om.min()),
                              "max": float(om.max())}
        assert r["tau"]["max"] == float(ta.max()) and r["tau"]["min"] == float(ta.min())
        assert r["input_mean"] == pytest.approx(float(h.mean()), rel=1e-12)
        assert r["input_var"] == pytest.approx(float(h.var(unbiased=False)), rel=1e-12)
        h = net[k + 1](net[k](h.float())).double()
        assert r["mean"] == pytest.approx(float(h.mean()), rel=1e-6)
        assert r["var"] == pytest.approx(float(h.var(unbiased=False)), rel=1e-6)
        inside = ((om.abs() <= 0.1) & (ta >= 0.95) & (ta <= 1.1)).double().mean()
        assert r["units_in_box"] == pytest.approx(float(inside))
    torch.set_grad_enabled(True)


def test_monitor_domain_flags():
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(64, 64, bias=False), SELU(),
                              torch.nn.Linear(64, 64, bias=False), torch.nn.SELU(),
                              torch.nn.Linear(64, 64, bias=False), SELU(1.0, 1.0))
    for k in (0, 2, 4):
        selu_normal_(net[k].weight)
    with SelfNormalizationMonitor(net) as mon:
        net(torch.randn(4096, 64))
    a, b, c = mon.report()
    assert a["units_in_box"] == 1.0 and a["in_theorem1_domain"] and a["bias_abs_max"] is None
    assert b["in_theorem1_domain"]  # torch.nn.SELU has the Theorem 1 constants
    assert not c["theorem1_constants"] and not c["in_theorem1_domain"]
    lecun_normal_(net[0].weight)  # Gaussian weights: per-unit omega ~ N(0, 1)
    with SelfNormalizationMonitor(net) as mon:
        net(torch.randn(4096, 64))
    first = mon.report()[0]
    assert first["units_in_box"] < 0.5 and not first["in_theorem1_domain"]


def test_monitor_every_n_and_hooks_removed():
    net = _net(depth=1)
    with SelfNormalizationMonitor(net, every=2) as mon:
        net(torch.zeros(8, 32))
        net(torch.ones(8, 32))  # not recorded
    assert mon.report()[0]["input_mean"] == 0.0
    assert not net[0]._forward_hooks and not net[1]._forward_hooks
    with pytest.raises(ValueError, match="positive integer"):
        SelfNormalizationMonitor(net, every=0)


def test_monitor_ignores_layers_without_selu_and_sees_through_dropout():
    assert SelfNormalizationMonitor(_net(act=torch.nn.ReLU)).pairs == []
    net = torch.nn.Sequential(torch.nn.Linear(4, 4), torch.nn.AlphaDropout(0.1), SELU())
    assert [n for n, _, _ in SelfNormalizationMonitor(net).pairs] == ["0"]


def test_monitor_table_has_one_row_per_layer():
    net = _net()
    with SelfNormalizationMonitor(net) as mon:
        net(torch.randn(64, 32))
    assert len(mon.table().splitlines()) == 4


# --------------------------------------------------------------------------- core stays torch-free


def test_core_package_does_not_import_torch():
    code = ("import sys, selu_proof, selu_proof.fixedpoint, selu_proof.numeric, "
            "selu_proof.backends, selu_proof.plots\n"
            "from selu_proof.cli import build_parser\n"
            "build_parser()\n"
            "print(sorted(m for m in ('torch', 'sklearn') if m in sys.modules))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[]"


def test_monitor_conv_units_are_output_channels():
    torch.manual_seed(2)
    net = torch.nn.Sequential(torch.nn.Conv2d(3, 6, 3), SELU())
    with SelfNormalizationMonitor(net) as mon:
        net(torch.randn(4, 3, 8, 8))
    (row,) = mon.report()
    w = net[0].weight.detach().double().flatten(1)
    assert row["kind"] == "Conv2d" and row["units"] == 6 and row["fan_in"] == 27
    assert row["omega"]["max"] == float(w.sum(1).max())
    assert row["tau"]["mean"] == pytest.approx(float((w * w).sum(1).mean()), rel=1e-15)
