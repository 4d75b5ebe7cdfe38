"""Rigorous verification of the self-normalizing theorems.

The folder layout is the trust boundary (cf. Flyspeck's ``formal_ineqs``):

trusted (the checker's base, read these to trust a result)
    :mod:`~selu_proof.interval.exact` exact numbers <-> balls,
    :mod:`~selu_proof.interval.specs` theorem specifications (TOML),
    :mod:`~selu_proof.interval.claims` what each claim kind means as
    inequalities ``F < c`` (built from :mod:`selu_proof.symbolic`),
    :mod:`~selu_proof.interval.forms` the evaluation forms a leaf may use,
    :mod:`~selu_proof.interval.checker` replay of a certificate.

untrusted (may be wrong without harm; only its output is checked)
    :mod:`~selu_proof.interval.prover` branch-and-bound search,
    :mod:`~selu_proof.interval.certificate` writing certificates.

The checker imports nothing from the untrusted modules (a test enforces it).
"""
