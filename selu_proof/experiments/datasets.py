"""Classification data for ``selu-proof train``: scikit-learn's bundled sets and a user's CSV file.

Every data set is split once, stratified, 25% test, ``random_state=0``
(whatever the training seed), and its features are standardized with the
training split's mean and standard deviation (constant features stay 0).

* The classification sets that ship with scikit-learn (no download):
  ``digits`` (1797 x 64, 10 classes), ``breast_cancer`` (569 x 30, 2),
  ``wine`` (178 x 13, 3), ``iris`` (150 x 4, 3).
* ``FILE.csv`` with ``target=COLUMN``: a table with a header row; every other
  column must hold numbers in every row (the features), the target column any
  labels (strings or numbers, one class per distinct value, at least two
  classes, each with at least two rows so that the split can be stratified).
  A file that breaks a rule is refused with a one-line ``ValueError`` naming
  the line and column.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import torch

__all__ = ["DATASETS", "is_csv", "load_dataset", "read_csv_table"]

DATASETS: tuple[str, ...] = ("digits", "breast_cancer", "wine", "iris")


def is_csv(name: str) -> bool:
    """Whether the data set ``name`` is a file name ending in ``.csv``."""
    return name.lower().endswith(".csv")


def read_csv_table(path: str | Path, target: str) -> tuple[np.ndarray, np.ndarray]:
    """Features ``(n, p)`` (float64) and integer class labels ``(n,)`` of a CSV file.

    Labels are numbered in sorted order of the distinct target values.
    ``ValueError`` (one line) for an unreadable file, a missing target column,
    a row of the wrong length, a non-numeric or non-finite feature cell, fewer
    than two classes, or a class with fewer than two rows.
    """
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.reader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ValueError(f"cannot read {path}: {exc}") from None
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise ValueError(f"{path} is empty")
    header = [c.strip() for c in rows[0]]
    if target not in header:
        raise ValueError(f"{path} has no column {target!r} (columns: {', '.join(header)})")
    if len(rows) < 2:
        raise ValueError(f"{path} has a header but no data rows")
    t = header.index(target)
    features = [j for j in range(len(header)) if j != t]
    if not features:
        raise ValueError(f"{path} has no feature columns besides {target!r}")
    x = np.empty((len(rows) - 1, len(features)))
    labels = []
    for i, row in enumerate(rows[1:]):
        line = i + 2
        if len(row) != len(header):
            raise ValueError(f"{path} line {line}: {len(row)} cells, the header has "
                             f"{len(header)}")
        for k, j in enumerate(features):
            cell = row[j].strip()
            try:
                value = float(cell)
            except ValueError:
                value = math.nan
            if not math.isfinite(value):
                raise ValueError(f"{path} line {line}, column {header[j]!r}: {cell!r} is not "
                                 "a finite number")
            x[i, k] = value
        labels.append(row[t].strip())
    classes, y = np.unique(np.array(labels), return_inverse=True)
    if len(classes) < 2:
        raise ValueError(f"{path}: target column {target!r} has a single class "
                         f"({str(classes[0])!r}); classification needs at least two")
    counts = np.bincount(y)
    if counts.min() < 2:
        raise ValueError(f"{path}: class {str(classes[counts.argmin()])!r} of {target!r} has a "
                         "single row; every class needs at least two (stratified split)")
    return x, y


def load_dataset(name: str, target: str | None = None
                 ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """``(x_train, y_train, x_test, y_test)`` of a data set, standardized (module docstring).

    >>> x, y, xt, yt = load_dataset("digits")
    >>> tuple(x.shape), tuple(xt.shape), int(y.max()) + 1
    ((1347, 64), (450, 64), 10)
    """
    from sklearn import datasets
    from sklearn.model_selection import train_test_split

    if is_csv(name):
        if target is None:
            raise ValueError("a CSV data set needs a target column (--target COLUMN)")
        x, y = read_csv_table(name, target)
    elif name in DATASETS:
        x, y = getattr(datasets, f"load_{name}")(return_X_y=True)
    else:
        raise ValueError(f"unknown dataset {name!r}; choose one of {', '.join(DATASETS)} "
                         "or a FILE.csv")
    try:
        x_tr, x_te, y_tr, y_te = train_test_split(x, y, test_size=0.25, stratify=y,
                                                  random_state=0)
    except ValueError as exc:  # e.g. fewer test rows than classes
        raise ValueError(f"cannot split {name} into stratified train and test sets: "
                         f"{str(exc).splitlines()[0]}") from None
    mean, std = x_tr.mean(axis=0), x_tr.std(axis=0)
    std[std == 0] = 1.0
    f = lambda a: torch.tensor((a - mean) / std, dtype=torch.float32)  # noqa: E731
    return f(x_tr), torch.tensor(y_tr), f(x_te), torch.tensor(y_te)
