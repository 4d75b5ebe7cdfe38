"""``selu_proof.torch.Normalized`` and ``Transformed``: certified constants as torch modules."""

from __future__ import annotations

import copy
import math

import mpmath
import pytest

torch = pytest.importorskip("torch")

from selu_proof.torch import Normalized, Transformed  # noqa: E402

N = 400_000


def _z(seed: int = 0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.randn(N, generator=g, dtype=torch.float64)


def _within(sample: torch.Tensor, target: float, k: float = 5.0) -> bool:
    """The sample mean is within ``k`` standard errors of ``target``."""
    se = float(sample.std()) / math.sqrt(sample.numel())
    return abs(float(sample.mean()) - target) <= k * se


def test_constants_are_the_nearest_floats_of_the_certified_values():
    with mpmath.workdps(40):
        gain = 1 / mpmath.sqrt(mpmath.mpf(1) / 2 - 1 / (2 * mpmath.pi))
        beta = 1 / mpmath.sqrt(2 * mpmath.pi)
        relu = Normalized("relu")
        assert relu.scale == float(gain) and relu.shift == -float(beta)
        gpn = Normalized("relu", "gpn")
        assert gpn.scale == float(mpmath.sqrt(2)) and gpn.shift == 0.0
    assert Normalized("tanh").shift == 0.0  # E tanh(z) = 0: the enclosure straddles 0


@pytest.mark.parametrize("spec", ["tanh", "gelu", "silu"])
def test_affine_output_has_mean_0_and_variance_1(spec):
    y = Normalized(spec)(_z())
    assert _within(y, 0.0) and _within(y * y, 1.0)


def test_nf_is_the_gain_alone_variance_1_mean_kept():
    """``nf``: ``gamma*f`` with the affine ``lambda`` as ``gamma``; ReLU keeps the mean
    ``gamma/sqrt(2 pi)`` and has variance 1 (Monte Carlo within 5 standard errors).
    """
    nf = Normalized("relu", "nf")
    assert nf.scale == Normalized("relu").scale and nf.shift == 0.0
    assert "gamma=" in repr(nf) and "beta" not in repr(nf)
    y = nf(_z())
    mean = nf.scale / math.sqrt(2 * math.pi)
    assert _within(y, mean) and _within((y - mean) ** 2, 1.0)


def test_gpn_has_unit_second_moments_of_value_and_derivative():
    x = _z().requires_grad_(True)
    y = Normalized("gelu", "gpn")(x)
    (dy,) = torch.autograd.grad(y.sum(), x)
    assert _within(y.detach() ** 2, 1.0) and _within(dy ** 2, 1.0)


def test_dks_tanh_meets_its_targets_in_monte_carlo():
    m = Transformed("tanh", "dks", depth=20, zeta="1.5")
    x = _z(1).requires_grad_(True)
    y = m(x)
    (dy,) = torch.autograd.grad(y.sum(), x)
    y = y.detach()
    assert _within(y, 0.0)  # C(0) = 0
    assert _within(y * y, 1.0)  # Q(1) = 1
    assert _within(dy ** 2, 1.5 ** (1 / 20))  # C'(1) = zeta^(1/L)
    assert _within(y * dy * x.detach(), 1.0)  # Q'(1) = 1


def test_tat_leaky_relu_keeps_q_and_its_parameters_are_dks_names():
    m = Transformed("leaky_relu", "tat", depth=100, eta="0.9")
    assert set(m.parameters_) == {"negative_slope", "output_scale"}
    y = m(_z(2))
    assert _within(y * y, 1.0)


def test_state_dict_round_trip_and_mismatch():
    a = Transformed("softplus", "tat", depth=20, tau="0.3")
    state = a.state_dict()
    assert state["_extra_state"]["activation"] == "softplus"
    Transformed("softplus", "tat", depth=20, tau="0.3").load_state_dict(state)
    with pytest.raises(ValueError, match="saved from"):
        Transformed("softplus", "tat", depth=100, tau="0.3").load_state_dict(state)
    with pytest.raises(ValueError, match="saved from"):
        Normalized("tanh", "gpn").load_state_dict(Normalized("tanh").state_dict())
    Normalized("tanh").load_state_dict({})  # a state without the key loads


def test_deepcopy_and_compile_give_the_same_output():
    x = torch.linspace(-3, 3, 101, dtype=torch.float64)
    for m in (Normalized("mish"), Transformed("gelu", "dks", depth=20)):
        assert torch.equal(copy.deepcopy(m)(x), m(x))
        compiled = torch.compile(m, fullgraph=True, backend="eager")
        assert torch.allclose(compiled(x), m(x), rtol=0, atol=1e-12)


def test_bad_settings_raise():
    from selu_proof.transform import TransformError

    with pytest.raises(ValueError, match="unknown convention"):
        Normalized("tanh", "batch")
    with pytest.raises(TransformError, match="does not transform ReLU"):
        Transformed("relu", "tat", depth=10)
