"""Doctest collection: skip the optional PyTorch layer when torch/scikit-learn are missing."""

from importlib.util import find_spec

collect_ignore_glob = [] if find_spec("torch") and find_spec("sklearn") else ["selu_proof/torch/*"]
