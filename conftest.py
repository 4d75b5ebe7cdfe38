"""Doctest collection: skip the optional PyTorch layer when torch/scikit-learn are missing,
and the stubs that alias pre-0.2 module paths (importing one *is* the moved module).
"""

from importlib.util import find_spec

collect_ignore_glob = [
    "selu_proof/interval/*", "selu_proof/arb_runtime.py", "selu_proof/constants.py",
    "selu_proof/parallel.py", "selu_proof/_moved.py",
] + ([] if find_spec("torch") and find_spec("sklearn") else ["selu_proof/torch/*"])
