"""Build time: the sympy derivation and the generator of :mod:`selu_proof.generated`.

Nothing here runs when the package proves, checks, simulates or trains: these modules
import sympy, and the proof, check and simulation paths never import them (a test holds
the checker to that, :mod:`selu_proof.generated` says where the code comes from).

:mod:`~selu_proof.derive.symbolic`
    the moment maps of SELU as sympy expressions, written once (the one source of truth);
:mod:`~selu_proof.derive.expressions`
    the expressions each generated function is printed from, by name;
:mod:`~selu_proof.derive.codegen`
    the printer: straight-line numpy, mpmath and arb code from sympy expressions;
:mod:`~selu_proof.derive.regenerate`
    ``python -m selu_proof.derive.regenerate [--check]`` rewrites every module of
    :mod:`selu_proof.generated`; ``tests/test_generated.py`` requires identical bytes.

The run-time front of the generated code, :mod:`selu_proof.backends` (``compiled(name,
backend)``, ``moments``, ``jacobian``...), is not here: it only looks functions up in
:mod:`selu_proof.generated` and is what the fixed-point solver, the mean field, the
simulations, the plots and the prover's float searches call. It stays a module of its
own at the package root, above ``generated/`` and below all of its callers, so that
``generated/`` holds nothing but written code and its lookup, and ``numeric/`` (the
float simulation twins) is not made a dependency of the rigorous solvers that evaluate
the same functions in mpmath and arb.
"""
