"""The untrusted search: it may be wrong without harm, since only its output is checked.

:mod:`~selu_proof.search.prover`
    branch and bound for one-sided claims, checkpoints, whole specifications.
:mod:`~selu_proof.search.extremum`
    two-sided brackets of an extremum (best-first tree plus a witness).
:mod:`~selu_proof.search.tree`
    split-variable choice, tree assembly and claim results shared by both searches.
:mod:`~selu_proof.search.edges`
    the edge of a theorem: a proof at one end value and a refutation just past it.
:mod:`~selu_proof.search.design_proof`
    proving Theorem 1's claims around a designed fixed point.
:mod:`~selu_proof.search.certificate`
    writing certificates (the format is defined by the kernel's reader).

Every result of the search is replayed by :mod:`selu_proof.kernel.checker` before it is
written or reported as proved.
"""
