"""Training runs (selu_proof.experiments.training) and the ``selu-proof train`` command."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("sklearn")

from selu_proof.cli import main  # noqa: E402
from selu_proof.experiments.training import (  # noqa: E402
    ACTIVATIONS,
    DATASETS,
    TrainConfig,
    build_model,
    load_dataset,
    train,
)

SMALL = TrainConfig(dataset="digits", depth=4, width=32, optimizer="adam", lr=0.003, epochs=3)


@pytest.fixture(autouse=True)
def _one_thread():
    """One thread: fast on a shared machine, and the same summation order in every run."""
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)


@pytest.fixture(scope="module")
def digits():
    return load_dataset("digits")


def test_datasets_are_standardized_stratified_and_fixed():
    x, y, xt, yt = load_dataset("wine")
    assert x.shape == (133, 13) and xt.shape == (45, 13)
    assert torch.allclose(x.mean(0), torch.zeros(13), atol=1e-5)
    assert torch.allclose(x.std(0, unbiased=False), torch.ones(13), atol=1e-5)
    assert torch.bincount(yt).tolist() == [15, 18, 12]  # stratified: 59/71/48 * 0.25
    assert torch.equal(load_dataset("wine")[3], yt)


def test_short_digits_run_reaches_ninety_percent_and_is_reproducible(digits):
    a = train(SMALL, data=digits)
    assert a["diverged"] is None and [h["epoch"] for h in a["history"]] == [0, 1, 2, 3]
    assert a["history"][0]["test_accuracy"] < 0.2  # chance level at initialization
    assert a["final"]["test_accuracy"] >= 0.90
    assert a["history"][-1]["train_loss"] < 0.5 * a["history"][0]["train_loss"]
    b = train(SMALL, data=digits)
    assert json.dumps(a) == json.dumps(b)
    c = train(TrainConfig(**{**a["config"], "seed": 1}), data=digits)
    assert c["history"][-1]["train_loss"] != a["history"][-1]["train_loss"]


def test_history_carries_monitor_rows_for_selu_only(digits):
    res = train(TrainConfig(depth=3, width=16, epochs=1), data=digits)
    rows = res["history"][1]["layers"]
    assert len(rows) == 3 and {"omega", "tau", "in_theorem1_domain", "mean", "var"} <= set(rows[0])
    relu = train(TrainConfig(depth=3, width=16, epochs=1, activation="relu"), data=digits)
    assert relu["history"][1]["layers"] == []


def test_divergence_is_reported_not_raised(digits):
    res = train(TrainConfig(depth=8, width=32, epochs=3, lr=1000.0), data=digits)
    assert res["diverged"] == 1 and len(res["history"]) == 1


@pytest.mark.parametrize("activation,kinds", [
    ("relu-bn", ["Linear", "BatchNorm1d", "ReLU", "Linear"]),
    ("elu", ["Linear", "ELU", "Dropout", "Linear"]),
])
def test_build_model_layers(activation, kinds):
    net = build_model(activation, 1, 8, 4, 3, dropout_rate=0.1 if activation == "elu" else 0)
    assert [type(m).__name__ for m in net] == kinds
    linear = [m for m in net if isinstance(m, torch.nn.Linear)]
    assert all(float(m.bias.detach().abs().max()) == 0 for m in linear)


@pytest.fixture(scope="module")
def all_data():
    return {name: load_dataset(name) for name in DATASETS}


def test_every_bundled_classification_set_is_there():
    shapes = {name: tuple(load_dataset(name)[0].shape) for name in DATASETS}
    assert shapes == {"digits": (1347, 64), "breast_cancer": (426, 30), "wine": (133, 13),
                      "iris": (112, 4)}
    assert torch.bincount(load_dataset("iris")[3]).tolist() == [13, 13, 12]


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_each_activation_trains_on_every_dataset(activation, all_data):
    for name, data in all_data.items():
        cfg = TrainConfig(dataset=name, depth=3, width=16, activation=activation, epochs=2,
                          batch_size=32, seed=1)
        res = train(cfg, data=data)
        assert res["diverged"] is None, name
        losses = [h["train_loss"] for h in res["history"]]
        assert len(losses) == 3 and all(x is not None and math.isfinite(x) for x in losses)
        assert 0 <= res["final"]["test_accuracy"] <= 1
        assert (res["history"][1]["monitored_layers"] == 3) == activation.startswith("selu")


@pytest.mark.parametrize("activation,kinds", [
    ("selu-ad", ["Linear", "SELU", "AlphaDropout", "Linear", "SELU", "AlphaDropout", "Linear"]),
    ("relu-ln", ["Linear", "LayerNorm", "ReLU", "Linear", "LayerNorm", "ReLU", "Linear"]),
    ("relu-wn", ["ParametrizedLinear", "ReLU", "ParametrizedLinear", "ReLU", "Linear"]),
    ("highway", ["Linear", "ReLU", "Highway", "Linear"]),
    ("resnet", ["Linear", "ResidualBlock", "Linear"]),
])
def test_build_baseline_layers(activation, kinds):
    net = build_model(activation, 2, 8, 4, 3)
    assert [type(m).__name__ for m in net] == kinds


def test_baseline_depth_counts_hidden_linear_layers():
    for depth in (1, 2, 5, 8):
        for act in ("highway", "resnet"):
            net = build_model(act, depth, 8, 4, 3)
            hidden = [m for m in net.modules() if isinstance(m, torch.nn.Linear)
                      and m.out_features == 8 and not getattr(m, "_gate", False)]
            if act == "highway":  # a highway layer counts once (H and T are one layer)
                n = 1 + sum(type(m).__name__ == "Highway" for m in net)
            else:
                n = len(hidden)
            assert n == depth, (act, depth)


def test_selu_ad_uses_alpha_dropout_rate_005_by_default():
    net = build_model("selu-ad", 1, 8, 4, 3)
    assert net[2].p == 0.05
    assert build_model("selu-ad", 1, 8, 4, 3, dropout_rate=0.1)[2].p == 0.1


def test_highway_gate_bias_and_he_init():
    torch.manual_seed(0)
    net = build_model("highway", 2, 256, 4, 3)
    hw = net[2]
    assert torch.all(hw.t.bias == -2.0) and torch.all(hw.h.bias == 0)
    assert float(hw.h.weight.detach().var()) * 256 == pytest.approx(2.0, rel=0.05)  # He: 2/fan-in


def test_weight_norm_data_dependent_init_gives_unit_pre_activations():
    from selu_proof.experiments.baselines import weight_norm_data_init_

    torch.manual_seed(0)
    x = torch.randn(200, 5) * 3 + 1
    net = build_model("relu-wn", 3, 32, 5, 2)
    weight_norm_data_init_(net, x)
    h = x
    with torch.no_grad():
        for m in net:
            if hasattr(m, "parametrizations"):
                t = m(h)
                assert torch.allclose(t.mean(0), torch.zeros(32), atol=1e-4)
                assert torch.allclose(t.std(0, unbiased=False), torch.ones(32), atol=1e-3)
            h = m(h)


def _csv(tmp_path, text):
    path = tmp_path / "table.csv"
    path.write_text(text)
    return str(path)


GOOD_CSV = "a,b,label\n" + "".join(f"{i},{i % 3 - 1.5},{'yes' if i % 2 else 'no'}\n"
                                   for i in range(40))


def test_csv_dataset_trains(tmp_path):
    path = _csv(tmp_path, GOOD_CSV)
    x, y, xt, yt = load_dataset(path, "label")
    assert x.shape == (30, 2) and xt.shape == (10, 2) and set(y.tolist()) == {0, 1}
    res = train(TrainConfig(dataset=path, target="label", depth=2, width=8, epochs=2,
                            batch_size=8))
    assert res["diverged"] is None and res["config"]["target"] == "label"


@pytest.mark.parametrize("text,target,fragment", [
    (GOOD_CSV, "class", "has no column 'class' (columns: a, b, label)"),
    ("a,label\n1,x\n2,y\noops,x\n3,y\n", "label",
     "line 4, column 'a': 'oops' is not a finite number"),
    ("a,label\n1,x\n2,y\nnan,x\n3,y\n", "label", "'nan' is not a finite number"),
    ("a,label\n1,x\n2,x\n3,x\n", "label", "has a single class ('x')"),
    ("a,label\n1,x\n2\n", "label", "line 3: 1 cells, the header has 2"),
    ("", "label", "is empty"),
    ("a,label\n1,x\n2,x\n3,y\n", "label", "class 'y' of 'label' has a single row"),
])
def test_bad_csv_is_refused_in_one_line(tmp_path, capsys, text, target, fragment):
    path = _csv(tmp_path, text)
    with pytest.raises(ValueError, match=None) as exc:
        load_dataset(path, target)
    assert fragment in str(exc.value) and "\n" not in str(exc.value)
    code = main(["train", "--dataset", path, "--target", target, "--epochs", "1"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    _one_error_line(err)
    assert fragment in err


@pytest.mark.parametrize("field,value,fragment", [
    ("dataset", "mnist", "unknown dataset 'mnist'"),
    ("dataset", "x.csv", "needs a target column"),
    ("target", "y", "--target applies to a CSV data set only"),
    ("depth", 0, "depth must be at least 1"),
    ("lr", -0.1, "learning rate must be positive"),
    ("lr", float("nan"), "learning rate must be positive"),
    ("dropout_rate", 1.0, r"dropout rate must be in \[0, 1\)"),
    ("activation", "tanh", "unknown activation"),
    ("optimizer", "lbfgs", "unknown optimizer"),
])
def test_bad_config(field, value, fragment):
    with pytest.raises(ValueError, match=fragment):
        TrainConfig(**{field: value}).check()


# --------------------------------------------------------------------------- CLI


def _one_error_line(err: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("selu-proof: error: ")
    assert "Traceback" not in err


@pytest.mark.parametrize("argv,fragment", [
    (["--dataset", "mnist"], "unknown dataset"),
    (["--depth", "0"], "depth must be at least 1"),
    (["--lr", "-1"], "learning rate must be positive"),
    (["--lr", "fast"], "--lr must be a finite number"),
    (["--dropout-rate", "1"], "dropout rate must be in [0, 1)"),
    (["--plot", "out.txt"], "--plot FILE must end in"),
])
def test_cli_bad_arguments_one_line(capsys, argv, fragment):
    code = main(["train", *argv])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    _one_error_line(err)
    assert fragment in err


def test_cli_json_and_text(capsys, tmp_path):
    argv = ["train", "--depth", "2", "--width", "16", "--epochs", "1", "--threads", "1"]
    assert main([*argv, "--json", "--plot", str(tmp_path / "h.png")]) == 0
    res = json.loads(capsys.readouterr().out)
    assert set(res) == {"config", "history", "diverged", "final"}
    assert res["config"]["depth"] == 2 and len(res["history"]) == 2
    assert {"epoch", "train_loss", "test_accuracy", "layers"} <= set(res["history"][1])
    assert (tmp_path / "h.png").stat().st_size > 10_000
    assert main(argv) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[0].startswith("selu net, depth 2, width 16, sgd lr 0.01, digits, seed 0")
    assert text[-1].split()[0] == "1" and text[-1].endswith("0/2")


def test_cli_diverged_run_exits_1(capsys):
    code = main(["train", "--depth", "8", "--width", "16", "--epochs", "2", "--lr", "1000"])
    assert code == 1 and "diverged: non-finite loss in epoch 1" in capsys.readouterr().out


def test_cli_without_torch_is_one_clean_line():
    """With torch and scikit-learn unimportable, `train` says what to install, in one line."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('torch', 'sklearn'):\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from selu_proof.cli import main\n"
        "sys.exit(main(['train', '--epochs', '1']))\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 2 and res.stdout == ""
    _one_error_line(res.stderr)
    assert "pip install 'selu-proof[train]'" in res.stderr
    help_text = subprocess.run([sys.executable, "-c", code.replace(
        "['train', '--epochs', '1']", "['train', '--help']")], capture_output=True, text=True)
    assert help_text.returncode == 0 and "Theorem 1" in help_text.stdout


def test_cli_help_names_every_activation_and_its_initialization(capsys):
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for act in ACTIVATIONS:
        assert act in text
    for fragment in ("LeCun normal", "He normal", "N(0, 0.05^2)", "gate bias -2",
                     "weight_norm", "iris", "FILE.csv"):
        assert fragment in text


def test_readme_tables_are_the_committed_results():
    from pathlib import Path

    from selu_proof.experiments import results

    root = Path(__file__).resolve().parent.parent
    readme = (root / "docs" / "experiments.md").read_text(encoding="utf-8")
    res = results.load_results(root / "experiments" / "results")
    assert set(res) == {"figure1", "lr_sweep"}
    for table in (results.loss_table(res["figure1"]), results.lr_table(res["lr_sweep"]),
                  results.drift_table(res["figure1"])):
        assert table in readme


def test_epoch_column_shows_both_domain_counts_and_says_which_is_which(capsys, digits):
    """Layers in the Theorem 1 domain by the units' average (omega, tau) ('mean-field')
    next to those with every unit inside ('every unit'), in the text and the JSON."""
    res = train(TrainConfig(depth=3, width=16, epochs=1), data=digits)
    for h in res["history"]:
        rows = h["layers"]
        assert h["monitored_layers"] == len(rows) == 3
        assert h["layers_in_domain_mean_field"] == sum(r["mean_in_theorem1_domain"] for r in rows)
        assert h["layers_in_domain_every_unit"] == sum(r["in_theorem1_domain"] for r in rows)
        # every unit in the (convex) box puts their average in it too
        assert h["layers_in_domain_every_unit"] <= h["layers_in_domain_mean_field"]
    argv = ["train", "--depth", "2", "--width", "16", "--epochs", "1", "--threads", "1"]
    assert main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].split()[-5:] == ["layers", "in", "Thm", "1", "box"]
    for line in out[2:]:
        assert re.fullmatch(r"\s*\d+\s+\S+\s+\S+ mean-field \d/2, every unit \d/2", line), line
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "units' average (omega, tau) in the box: mean-field" in help_text
    assert "every unit's: every unit" in help_text
