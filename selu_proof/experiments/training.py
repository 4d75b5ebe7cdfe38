"""Training runs on small scikit-learn datasets, with the monitor on (``selu-proof train``).

A *run* trains a fully connected network of ``depth`` hidden layers of
``width`` units on a data set of :mod:`selu_proof.experiments.datasets` (scikit-learn's
bundled classification sets, no download, or a user's CSV file), one fixed
stratified 75/25 train/test split (``random_state=0``) whatever the seed.  The
seed sets the initial weights, the minibatch order and the dropout masks, so a
run is reproducible on the same machine and thread count.

Activations and their authors' initializations (biases start at zero):

=============  ==============================================  ===============================
name           hidden layer                                     weights
=============  ==============================================  ===============================
``selu``       ``Linear -> SELU [-> AlphaDropout]``             :func:`lecun_normal_` (gain 1)
``selu-ad``    ``Linear -> SELU -> AlphaDropout`` (rate         :func:`lecun_normal_`
               ``dropout_rate``, 0.05 when that is 0)
``relu``       ``Linear -> ReLU [-> Dropout]``                  He normal (gain ``sqrt 2``)
``relu-bn``    ``Linear -> BatchNorm1d -> ReLU [-> Dropout]``   He normal
``relu-ln``    ``Linear -> LayerNorm -> ReLU [-> Dropout]``     He normal
``relu-wn``    weight-normalized ``Linear -> ReLU``             ``N(0, 0.05^2)`` + data init
``highway``    projection, then highway layers                  He normal, gate bias -2
``resnet``     projection, then residual blocks                 He normal
``elu``        ``Linear -> ELU [-> Dropout]``                   He normal
=============  ==============================================  ===============================

(:mod:`selu_proof.experiments.baselines` has the details and references of
``relu-ln``, ``relu-wn``, ``highway`` and ``resnet``.)

The output layer is a ``Linear`` with the same initialization; the loss is
cross-entropy.  After every epoch (and before the first) the model is
evaluated in ``eval()`` mode on the training set with a
:class:`~selu_proof.torch.monitor.SelfNormalizationMonitor` (rows for SELU
networks only) and on the test set (accuracy).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

import torch
from torch import nn

from selu_proof.experiments.baselines import baseline_hidden, weight_norm_data_init_
from selu_proof.experiments.datasets import DATASETS, is_csv, load_dataset
from selu_proof.torch.init import lecun_normal_
from selu_proof.torch.modules import SELU, AlphaDropout
from selu_proof.torch.monitor import SelfNormalizationMonitor

__all__ = ["DATASETS", "ACTIVATIONS", "OPTIMIZERS", "TrainConfig", "load_dataset",
           "build_model", "train"]

ACTIVATIONS: tuple[str, ...] = ("selu", "selu-ad", "relu", "relu-bn", "relu-ln", "relu-wn",
                                 "highway", "resnet", "elu")
#: alpha dropout rate of ``selu-ad`` when no ``dropout_rate`` is given
SELU_AD_RATE = 0.05
OPTIMIZERS: tuple[str, ...] = ("sgd", "adam")
#: largest finite float32 (a learning rate beyond it cannot scale a float32 step)
FLOAT32_MAX = 3.4028234663852886e38


@dataclass(frozen=True)
class TrainConfig:
    """One training run; :meth:`check` refuses bad values with a one-line ``ValueError``."""

    dataset: str = "digits"
    depth: int = 8
    width: int = 64
    activation: str = "selu"
    optimizer: str = "sgd"
    lr: float = 0.01
    epochs: int = 10
    batch_size: int = 64
    dropout_rate: float = 0.0
    seed: int = 0
    target: str | None = None

    def check(self) -> TrainConfig:
        """Return ``self`` if every field is valid, else raise ``ValueError``."""
        if is_csv(self.dataset):
            if not self.target:
                raise ValueError("a CSV data set needs a target column (--target COLUMN)")
        elif self.dataset not in DATASETS:
            raise ValueError(f"unknown dataset {self.dataset!r}; choose one of "
                             f"{', '.join(DATASETS)} or a FILE.csv")
        elif self.target is not None:
            raise ValueError("--target applies to a CSV data set only")
        if self.activation not in ACTIVATIONS:
            raise ValueError(f"unknown activation {self.activation!r}; choose one of "
                             f"{', '.join(ACTIVATIONS)}")
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(f"unknown optimizer {self.optimizer!r}; choose one of "
                             f"{', '.join(OPTIMIZERS)}")
        for name in ("depth", "width", "epochs", "batch_size"):
            if int(getattr(self, name)) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if not (math.isfinite(self.lr) and 0 < self.lr <= FLOAT32_MAX):
            raise ValueError(f"learning rate must be positive and at most {FLOAT32_MAX:.4g} "
                             f"(the parameters are float32), got {self.lr:g}")
        if not 0 <= int(self.seed) < 2**63:
            raise ValueError(f"seed must be in [0, 2**63), got {self.seed}")
        if not 0.0 <= self.dropout_rate < 1.0:
            raise ValueError(f"dropout rate must be in [0, 1), got {self.dropout_rate}")
        return self


def is_selu(activation: str) -> bool:
    """Whether ``activation`` is a SELU network (``selu``, ``selu-ad``): monitored, LeCun init."""
    return activation in ("selu", "selu-ad")


def effective_dropout(activation: str, dropout_rate: float) -> float:
    """The dropout rate a network uses: ``selu-ad`` defaults to :data:`SELU_AD_RATE`."""
    return SELU_AD_RATE if activation == "selu-ad" and not dropout_rate else dropout_rate


def _init_(layer: nn.Linear, activation: str) -> None:
    if is_selu(activation):
        lecun_normal_(layer.weight)
    else:
        nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
    nn.init.zeros_(layer.bias)


def build_model(activation: str, depth: int, width: int, n_in: int, n_out: int,
                dropout_rate: float = 0.0) -> nn.Sequential:
    """A fully connected network with ``depth`` hidden layers (see the module docstring).

    >>> build_model("selu", 2, 8, 4, 3, dropout_rate=0.05)  # doctest: +ELLIPSIS
    Sequential(
      (0): Linear(in_features=4, out_features=8, bias=True)
      (1): SELU(alpha=1.6732632423543772, lam=1.0507009873554805)
      (2): AlphaDropout(p=0.05, a=0.954844476005..., b=0.083935572193..., saturation=...)
      (3): Linear(in_features=8, out_features=8, bias=True)
      (4): SELU(alpha=1.6732632423543772, lam=1.0507009873554805)
      (5): AlphaDropout(p=0.05, a=0.954844476005..., b=0.083935572193..., saturation=...)
      (6): Linear(in_features=8, out_features=3, bias=True)
    )
    """
    dropout_rate = effective_dropout(activation, dropout_rate)
    layers: list[nn.Module] = []
    n = n_in
    if activation in ("relu-ln", "relu-wn", "highway", "resnet"):
        layers = baseline_hidden(activation, depth, width, n_in, dropout_rate)
        depth, n = 0, width
    for _ in range(depth):
        lin = nn.Linear(n, width)
        _init_(lin, activation)
        layers.append(lin)
        if is_selu(activation):
            layers.append(SELU())
            if dropout_rate:
                layers.append(AlphaDropout(dropout_rate))
        else:
            if activation == "relu-bn":
                layers.append(nn.BatchNorm1d(width))
            layers.append(nn.ELU() if activation == "elu" else nn.ReLU())
            if dropout_rate:
                layers.append(nn.Dropout(dropout_rate))
        n = width
    out = nn.Linear(n, n_out)
    _init_(out, activation)
    layers.append(out)
    return nn.Sequential(*layers)


def _evaluate(model: nn.Module, x: torch.Tensor, y: torch.Tensor,
              loss_fn: nn.Module) -> tuple[float, float]:
    with torch.no_grad():
        logits = model(x)
        return float(loss_fn(logits, y)), float((logits.argmax(1) == y).float().mean())


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


def train(config: TrainConfig, *, data: tuple[torch.Tensor, ...] | None = None,
          progress: Any = None) -> dict[str, Any]:
    """Train one network and return its history (JSON-ready).

    Returns ``{"config", "history", "final", "diverged"}``: ``history`` has one
    entry per epoch (epoch 0 = at initialization) with ``epoch``,
    ``train_loss`` (mean minibatch loss of the epoch; at epoch 0 the loss on
    the whole training set), ``test_loss``, ``test_accuracy`` and ``layers``
    (monitor rows, :meth:`SelfNormalizationMonitor.report`).  Training stops
    at the first non-finite loss (``diverged`` is then the epoch, else
    ``None``; non-finite numbers are stored as ``None``).  ``progress`` is
    an optional tqdm-like object advanced once per epoch.
    """
    cfg = config.check()
    x, y, xt, yt = data if data is not None else load_dataset(cfg.dataset, cfg.target)
    torch.manual_seed(cfg.seed)
    gen = torch.Generator().manual_seed(cfg.seed)
    model = build_model(cfg.activation, cfg.depth, cfg.width, x.shape[1], int(y.max()) + 1,
                        cfg.dropout_rate)
    if cfg.activation == "relu-wn":  # Salimans & Kingma: g and b from the first minibatch
        first = torch.randperm(len(x), generator=torch.Generator().manual_seed(cfg.seed))
        weight_norm_data_init_(model, x[first[:cfg.batch_size]])
    opt_cls = torch.optim.SGD if cfg.optimizer == "sgd" else torch.optim.Adam
    opt = opt_cls(model.parameters(), lr=cfg.lr)
    loss_fn = nn.CrossEntropyLoss()
    monitor = (SelfNormalizationMonitor(model, gradients=False, start=False)
               if is_selu(cfg.activation) else None)

    def snapshot(epoch: int, train_loss: float) -> dict[str, Any]:
        model.eval()
        if monitor is None:
            _evaluate(model, x, y, loss_fn)
            rows: list[dict[str, Any]] = []
        else:
            with monitor:
                _evaluate(model, x, y, loss_fn)
            rows = monitor.report()
        test_loss, acc = _evaluate(model, xt, yt, loss_fn)
        model.train()
        return {"epoch": epoch, "train_loss": _finite(train_loss),
                "test_loss": _finite(test_loss), "test_accuracy": acc, "layers": rows,
                "monitored_layers": len(rows),
                "layers_in_domain_mean_field": sum(r["mean_in_theorem1_domain"] for r in rows),
                "layers_in_domain_every_unit": sum(r["in_theorem1_domain"] for r in rows)}

    history = [snapshot(0, _evaluate(model, x, y, loss_fn)[0])]
    diverged = None
    for epoch in range(1, cfg.epochs + 1):
        order = torch.randperm(len(x), generator=gen)
        total, count = 0.0, 0
        for start in range(0, max(len(x) - cfg.batch_size, 0) + 1, cfg.batch_size):
            idx = order[start:start + cfg.batch_size]  # full batches only (BatchNorm)
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            if not torch.isfinite(loss):
                diverged = epoch
                break
            loss.backward()
            opt.step()
            total += float(loss.detach()) * len(idx)
            count += len(idx)
        if diverged is not None:
            break
        history.append(snapshot(epoch, total / count))
        if progress is not None:
            progress.update(1)
    last = history[-1]
    return {"config": asdict(cfg), "history": history, "diverged": diverged,
            "final": {"epoch": last["epoch"], "train_loss": last["train_loss"],
                      "test_accuracy": last["test_accuracy"]}}
