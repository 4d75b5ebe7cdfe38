"""GANs on the 2-D mixtures (selu_proof.experiments.gan) and the ``selu-proof gan`` command."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from selu_proof.cli import main  # noqa: E402
from selu_proof.experiments.gan import (  # noqa: E402
    DISCRIMINATORS,
    MIN_PER_MODE,
    GANConfig,
    build_discriminator,
    mode_metrics,
    modes,
    sample_data,
    train_gan,
)

KEYS = {"data", "discriminator", "generator", "depth", "seed", "steps", "modes", "modes_total",
        "high_quality", "reverse_kl", "seconds"}


@pytest.fixture(autouse=True)
def _one_thread():
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)


# --------------------------------------------------------------------------- data and metrics


def test_modes_are_the_conventional_ones():
    ring, std = modes("ring8")
    assert std == 0.01 and ring.shape == (8, 2)
    assert np.allclose(np.hypot(ring[:, 0], ring[:, 1]), 1.0)
    assert np.allclose(ring[2], [0.0, 1.0], atol=1e-15)
    grid, std = modes("grid25")
    assert std == 0.05 and sorted(set(grid[:, 0])) == [-4.0, -2.0, 0.0, 2.0, 4.0]
    assert len({tuple(p) for p in grid}) == 25


@pytest.mark.parametrize("data", ["ring8", "grid25"])
def test_sample_data_has_the_stated_spread(data):
    centres, std = modes(data)
    x = sample_data(data, 20000, torch.Generator().manual_seed(0)).double().numpy()
    d = np.sqrt(((x[:, None] - centres[None]) ** 2).sum(-1))
    nearest = d.argmin(1)
    off = x - centres[nearest]
    # per-coordinate sd of 20000 normal draws: relative SE 1/sqrt(2 * 40000) = 0.35%
    assert abs(off.std() / std - 1) < 0.02
    counts = np.bincount(nearest, minlength=len(centres))
    expected = 20000 / len(centres)
    assert np.all(np.abs(counts - expected) < 5 * np.sqrt(expected))  # 5 binomial SE
    m = mode_metrics(x, data)
    assert m["modes"] == len(centres) and m["high_quality"] > 0.98  # P(chi_2 <= 3) = 0.989
    assert m["reverse_kl"] < 0.01


@pytest.mark.parametrize("data", ["ring8", "grid25"])
def test_metrics_all_modes(data):
    centres, std = modes(data)
    rng = np.random.default_rng(0)
    x = np.repeat(centres, 100, axis=0) + rng.uniform(-std, std, (100 * len(centres), 2))
    m = mode_metrics(x, data)
    assert (m["modes"], m["modes_total"], m["high_quality"]) == (len(centres), len(centres), 1.0)
    assert m["reverse_kl"] == pytest.approx(0.0, abs=1e-12)
    assert m["per_mode"] == [100] * len(centres)


@pytest.mark.parametrize("data", ["ring8", "grid25"])
def test_metrics_one_mode(data):
    centres, std = modes(data)
    x = np.tile(centres[3] + [2.9 * std, 0.0], (500, 1))  # inside 3 std
    m = mode_metrics(x, data)
    assert (m["modes"], m["high_quality"]) == (1, 1.0)
    assert m["reverse_kl"] == pytest.approx(math.log(len(centres)), rel=1e-12)


@pytest.mark.parametrize("data", ["ring8", "grid25"])
def test_metrics_no_mode(data):
    centres, std = modes(data)
    x = np.tile(centres[0] + [3.1 * std, 0.0], (500, 1))  # just outside 3 std
    m = mode_metrics(x, data)
    assert (m["modes"], m["high_quality"], m["reverse_kl"]) == (0, 0.0, None)
    far = mode_metrics(np.full((100, 2), 10.0), data)
    assert (far["modes"], far["high_quality"], far["reverse_kl"]) == (0, 0.0, None)


def test_metrics_two_modes_half_high_quality_and_threshold():
    centres, std = modes("ring8")
    good = np.concatenate([np.tile(centres[0], (300, 1)), np.tile(centres[1], (100, 1)),
                           np.tile(centres[2], (MIN_PER_MODE - 1, 1))])
    bad = np.zeros((len(good), 2))  # the ring's centre: far from every mode
    m = mode_metrics(np.concatenate([good, bad]), "ring8")
    assert m["modes"] == 2  # the third mode has one sample too few
    assert m["high_quality"] == pytest.approx(0.5)
    p = np.array([300, 100, MIN_PER_MODE - 1]) / len(good)
    assert m["reverse_kl"] == pytest.approx(float(np.sum(p * np.log(8 * p))), rel=1e-12)


# --------------------------------------------------------------------------- networks, training


@pytest.mark.parametrize("name", DISCRIMINATORS)
def test_discriminator_layers_and_init(name):
    torch.manual_seed(0)  # the initial weights and power-iteration vectors
    net = build_discriminator(name, 3)
    linear = [m for m in net if isinstance(m, torch.nn.Linear)]
    assert len(linear) == 4 and linear[-1].out_features == 1
    assert all(float(m.bias.detach().abs().max()) == 0 for m in linear)
    spectral = name.startswith("sn-")
    assert all(hasattr(m, "parametrizations") == spectral for m in linear)
    acts = {type(m).__name__ for m in net if not isinstance(m, torch.nn.Linear)}
    assert acts == ({"SELU"} if "selu" in name else {"LeakyReLU"})
    if spectral:
        net.train()
        for _ in range(300):  # power iterations run in training-mode forward passes
            net(torch.randn(8, 2))  # (the estimate converges at the rate of the spectral gap)
        for m in linear[1:]:
            assert torch.linalg.matrix_norm(m.weight.detach(), ord=2) == pytest.approx(1, rel=2e-2)
    else:  # LeCun normal (selu) or He normal for slope 0.2: variance gain / fan-in
        w = linear[1].weight.detach()
        gain2 = 1.0 if name == "selu" else 2 / (1 + 0.2 ** 2)
        assert float(w.var()) * w.shape[1] == pytest.approx(gain2, rel=0.1)


@pytest.mark.parametrize("data", ["ring8", "grid25"])
@pytest.mark.parametrize("name", DISCRIMINATORS)
def test_each_discriminator_trains_and_gives_finite_numbers(data, name):
    res = train_gan(GANConfig(data=data, discriminator=name, depth=2, steps=5, seed=1))
    assert set(res) == KEYS
    assert 0 <= res["modes"] <= res["modes_total"] and 0 <= res["high_quality"] <= 1
    assert res["reverse_kl"] is None or math.isfinite(res["reverse_kl"])
    assert res["modes_total"] == (8 if data == "ring8" else 25)


def test_selu_generator_and_alpha_dropout_train():
    res = train_gan(GANConfig(discriminator="selu", generator="selu", depth=2, steps=5,
                              dropout_rate=0.05))
    assert res["generator"] == "selu" and 0 <= res["high_quality"] <= 1


def test_gan_run_is_deterministic_with_one_thread():
    cfg = GANConfig(data="ring8", discriminator="sn-selu", depth=3, steps=40, seed=3)
    a, b = train_gan(cfg, return_samples=True), train_gan(cfg, return_samples=True)
    assert np.array_equal(a.pop("samples"), b.pop("samples"))
    a.pop("seconds"), b.pop("seconds")
    assert a == b
    c = train_gan(GANConfig(**{**cfg.__dict__, "seed": 4}), return_samples=True)
    assert not np.array_equal(c["samples"], train_gan(cfg, return_samples=True)["samples"])


def test_progress_is_advanced_every_hundred_steps():
    class Bar:
        n = 0

        def update(self, k):
            self.n += k

    bar = Bar()
    train_gan(GANConfig(depth=1, steps=250), progress=bar)
    assert bar.n == 200


@pytest.mark.parametrize("field,value,fragment", [
    ("data", "ring9", "unknown data 'ring9'; choose one of ring8, grid25"),
    ("discriminator", "relu", "unknown discriminator 'relu'"),
    ("generator", "tanh", "unknown generator 'tanh'"),
    ("depth", 0, r"depth must be in \[1, 1000\]"),
    ("depth", 1_000_000, r"depth must be in \[1, 1000\]"),
    ("steps", 0, r"steps must be in \[1, 10000000\]"),
    ("dropout_rate", 1.0, r"dropout rate must be in \[0, 1\)"),
])
def test_bad_config(field, value, fragment):
    with pytest.raises(ValueError, match=fragment):
        GANConfig(**{field: value}).check()


# --------------------------------------------------------------------------- CLI


def test_cli_json_has_exactly_the_listed_keys_and_reproduces(capsys, tmp_path):
    argv = ["gan", "--data", "grid25", "--discriminator", "sn-lrelu", "--depth", "2",
            "--steps", "30", "--seed", "2", "--threads", "1", "--json"]
    assert main([*argv, "--plot", str(tmp_path / "s.png")]) == 0
    a = json.loads(capsys.readouterr().out)
    assert set(a) == KEYS and a["data"] == "grid25" and a["modes_total"] == 25
    assert (tmp_path / "s.png").stat().st_size > 5_000
    assert main(argv) == 0
    b = json.loads(capsys.readouterr().out)
    a.pop("seconds"), b.pop("seconds")
    assert a == b


def test_cli_text(capsys):
    assert main(["gan", "--steps", "10", "--depth", "1", "--threads", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "ring8, selu discriminator (depth 1), relu generator, 10 steps, seed 0"
    assert out[1].startswith("modes captured") and out[1].endswith("/8")


@pytest.mark.parametrize("argv,fragment", [
    (["--data", "spiral"], "unknown data 'spiral'"),
    (["--discriminator", "sn-relu"], "unknown discriminator 'sn-relu'"),
    (["--generator", "elu"], "unknown generator 'elu'"),
    (["--depth", "0"], "depth must be in [1, 1000]"),
    (["--depth", "1000000"], "depth must be in [1, 1000]"),
    (["--steps", "-5"], "steps must be in [1, 10000000]"),
    (["--seed", "-1"], "--seed must be an integer in [0, 2**63)"),
    (["--seed", "99999999999999999999999"], "--seed must be an integer in [0, 2**63)"),
    (["--threads", "0"], "--threads must be at least 1"),
    (["--plot", "out.txt"], "--plot FILE must end in"),
    (["--plot", "/no/such/dir/x.png"], "does not exist"),
    (["--dropout-rate", "0.1", "--discriminator", "lrelu"], "SELU discriminators"),
])
def test_cli_bad_arguments_one_line(capsys, argv, fragment):
    code = main(["gan", *argv])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("selu-proof: error: ") and fragment in err


def test_cli_help_states_data_and_discriminators(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["gan", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert exc.value.code == 0
    for fragment in ("std 0.01", "std 0.05", "spectral_norm", "LeCun normal", "He normal",
                     "reverse KL"):
        assert fragment in text


def test_cli_without_torch_is_one_clean_line():
    """With torch unimportable, `gan` says what to install, in one line; --help still works."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'torch':\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from selu_proof.cli import main\n"
        "sys.exit(main(ARGV))\n")
    res = subprocess.run([sys.executable, "-c", code.replace("ARGV", "['gan', '--steps', '1']")],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr.strip().splitlines() == [
        "selu-proof: error: 'selu-proof gan' needs PyTorch (torch is not installed): "
        "pip install 'selu-proof[torch]'"]
    help_text = subprocess.run([sys.executable, "-c", code.replace("ARGV", "['gan', '--help']")],
                               capture_output=True, text=True, timeout=120)
    assert help_text.returncode == 0 and "spectral_norm" in help_text.stdout
