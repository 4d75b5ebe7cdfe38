"""Deprecated alias of :mod:`selu_proof.kernel.constants`."""

from selu_proof._moved import alias

alias(__name__, "selu_proof.kernel.constants")
