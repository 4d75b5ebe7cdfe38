"""The trusted kernel: everything ``selu-proof check`` executes to accept a certificate.

Read these files (and the generated modules in :mod:`selu_proof.generated`) to trust a
result; nothing else of the package runs during a check (``tests/test_trusted_base.py``
traces a real ``check`` run and enforces it).

:mod:`~selu_proof.kernel.specs`
    theorem specifications (TOML) and their supported domain.
:mod:`~selu_proof.kernel.claims`
    what each claim kind means, as goals ``F < c``.
:mod:`~selu_proof.kernel.model`
    the one model interface: SELU's closed forms or an activation's quadrature.
:mod:`~selu_proof.kernel.moments`
    the raw Gaussian moments a model answers, with their ``(a, v)`` partials.
:mod:`~selu_proof.kernel.forms`
    the evaluation forms a leaf may use, and the split-tree walk.
:mod:`~selu_proof.kernel.exact`
    exact rationals and decimal strings to balls and back, outward rounding.
:mod:`~selu_proof.kernel.arb_runtime`
    ball primitives of the generated code (monotone ends, Gaussian blocks).
:mod:`~selu_proof.kernel.constants`
    ``alpha_01``, ``lambda_01`` as balls from their closed forms.
:mod:`~selu_proof.kernel.formula`
    activations as formulas: the whitelist parser, kinks, derivatives, ball evaluators.
:mod:`~selu_proof.kernel.formula_growth`
    growth bounds of formulas by proved rules.
:mod:`~selu_proof.kernel.activations`
    the activation catalogue as formulas: pieces, holomorphic extensions, growth bounds.
:mod:`~selu_proof.kernel.quadrature`
    certified Gaussian expectations of any catalogue activation (``acb.integral``).
:mod:`~selu_proof.kernel.taylor`
    the moments on boxes: Taylor models on cells of the ``(a, v)`` grid.
:mod:`~selu_proof.kernel.activation_claims`
    claim meanings for a specification with a catalogue activation (quadrature).
:mod:`~selu_proof.kernel.parallel`
    the worker pool that re-evaluates leaves.
:mod:`~selu_proof.kernel.checker`
    the certificate reader and checker.

The kernel imports nothing from :mod:`selu_proof.search` (the untrusted prover), which
may import the kernel.
"""
