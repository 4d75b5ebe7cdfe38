"""Deprecated alias of :mod:`selu_proof.search.extremum`."""

from selu_proof._moved import alias

alias(__name__, "selu_proof.search.extremum")
