"""Design, then prove: a Theorem-1-style domain around a designed SELU's fixed point.

Untrusted search built on :func:`~selu_proof.search.edges.search_edge`.
For a model, named by its key (:mod:`selu_proof.kernel.model`: a SELU with the exact
decimals ``(alpha, lambda)`` printed by ``selu-proof design``, :func:`selu_key`, or an
affine-normalized activation, :func:`activation_key`), a target fixed point ``(M, V)`` and
weight statistics ``(W, T)``, the domain of scale ``s`` has Theorem 1's proportions::

    mu    in [M - s/10, M + s/10]        omega in [W - s/10, W + s/10]
    nu    in [V (1 - s/5), V (1 + s/2)]  tau   in [T (1 - s/20), T (1 + s/10)]

(``s = 1`` with ``(M, V, W, T) = (0, 1, 0, 1)`` is Theorem 1's domain) and
carries Theorem 1's two claims: the contraction ``S(H) < 1`` and the
invariance of the ``(mu, nu)`` box (``maps_into``).  With ``shape="activation"`` the
``omega`` and ``tau`` ranges stay these and the ``(mu, nu)`` widths come from the
Jacobian at the fixed point (:mod:`selu_proof.search.domain_shape`).  The scale is grown
from 1 (or shrunk, if 1 fails) by the same proof-vs-refutation bisection as
``selu-proof explore``; the largest proved domain's certificate is written.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from selu_proof.files import write_atomic
from selu_proof.kernel.exact import fraction_str
from selu_proof.kernel.model import model_class, model_of, model_parameters, selu_key
from selu_proof.kernel.specs import VARIABLES, Spec, SpecError, parse_spec
from selu_proof.search.domain_shape import ShapeResult, Widths, theorem1_widths
from selu_proof.search.edges import Trial, run_trial, search_edge

__all__ = ["designed_domain", "designed_spec", "activation_key", "selu_key", "DesignProof",
           "prove_design", "design_shape", "weight_ranges", "SHAPES", "SCALE_LIMIT", "scale_limit",
           "SMALLEST_SCALE"]

#: the domain shapes (Theorem 1's proportions, or widths from the Jacobian at the fixed point)
SHAPES = ("activation", "theorem1")

#: the scale stays below this whatever the shape (``omega`` within 0.8, ``tau`` from
#: ``0.6 T``); Theorem 1's proportions stop at 4 already (:func:`scale_limit`)
SCALE_LIMIT = Fraction(8)
#: the smallest scale tried when Theorem 1's proportions fail
SMALLEST_SCALE = Fraction(1, 16)
#: why a trial past the search's time budget did not run
TIME_SPENT = "time budget of the search spent (--max-seconds)"


def weight_ranges(omega: Fraction, tau: Fraction,
                  scale: Fraction) -> dict[str, tuple[Fraction, Fraction]]:
    """The ``omega`` and ``tau`` intervals of scale ``scale`` (Theorem 1's proportions)."""
    s = scale
    return {"omega": (omega - s / 10, omega + s / 10), "tau": (tau * (1 - s / 20),
                                                             tau * (1 + s / 10))}


def designed_domain(mean: Fraction, var: Fraction, omega: Fraction, tau: Fraction,
                    scale: Fraction, widths: Widths | None = None) -> dict[str, list[str]]:
    """The domain of scale ``scale`` around ``(mean, var, omega, tau)`` (module docstring);
    the ``(mu, nu)`` half-widths per unit of scale are ``widths`` (default Theorem 1's).
    """
    s, w = scale, theorem1_widths(var) if widths is None else widths
    weights = weight_ranges(omega, tau, s)
    ends = {"mu": (mean - s * w.mu[0], mean + s * w.mu[1]), "omega": weights["omega"],
            "nu": (var - s * w.nu[0], var + s * w.nu[1]), "tau": weights["tau"]}
    return {k: [fraction_str(lo), fraction_str(hi)] for k, (lo, hi) in ends.items()}


def _tag(q: Fraction) -> str:
    return fraction_str(q).replace("-", "m").replace(".", "p")


def _name(stem: str) -> str:
    """``stem`` as a specification name; a digest of it when that is longer than a name may be."""
    if len(stem) <= 64:
        return stem
    import hashlib

    return "design_" + hashlib.sha256(stem.encode()).hexdigest()[:16]


def activation_key(activation: str, mean: Fraction, var: Fraction) -> str:
    """The model key of the affine-normalized ``activation`` with fixed point ``(M, V)`` at
    ``omega = 0``, ``tau = 1`` (:func:`~selu_proof.kernel.activation_claims.model_token`);
    :class:`~selu_proof.kernel.activation_claims.NormalizeError` for an unsupported target
    (before it is written out as a decimal string).
    """
    from selu_proof.kernel.activation_claims import check_affine_target, model_token

    check_affine_target(mean, var)
    return model_token(activation, "affine", None, None, fraction_str(mean), fraction_str(var))


def designed_spec(model: str, mean: Fraction, var: Fraction, omega: Fraction, tau: Fraction,
                  scale: Fraction, widths: Widths | None = None) -> Spec:
    """Theorem 1's claims for the model ``model`` (its key) on :func:`designed_domain`; its
    ``[parameters]`` are the key's (:func:`~selu_proof.kernel.model.model_parameters`), the
    ``(mu, nu)`` widths are ``widths`` (default Theorem 1's proportions).
    """
    parameters = model_parameters(model)
    what = "the SELU designed"
    stem = f"design_mean{_tag(mean)}_var{_tag(var)}"
    if "activation" in parameters:  # named by its activation
        what = f"{parameters['activation']} (affine) normalized"
        tag = "".join(c if c.isalnum() else "_" for c in parameters["activation"])
        stem = f"design_{tag}_mean{_tag(mean)}_var{_tag(var)}"
    raw = {"name": _name(stem),
           "description": f"Theorem 1's claims for {what} for the fixed point "
           f"({fraction_str(mean)}, {fraction_str(var)}) at omega={fraction_str(omega)}, "
           f"tau={fraction_str(tau)} (domain scale {fraction_str(scale)}"
           + (")" if widths is None else ", shaped by the Jacobian at the fixed point)"),
           "parameters": parameters,
           "domain": designed_domain(mean, var, omega, tau, scale, widths),
           "claim": [{"kind": "spectral_norm_below", "bound": "1"}, {"kind": "maps_into"}]}
    return parse_spec(raw)


@dataclass
class DesignProof:
    """Outcome of :func:`prove_design`.

    ``status``: ``"proved"`` (a domain was proved; ``domain``, ``scale`` and the
    certificate say which), ``"refuted"`` (the claims fail even at the
    smallest scale; ``reason`` and ``witness`` say where) or ``"unknown"`` (also when no
    axis-aligned box can be invariant, :mod:`~selu_proof.search.domain_shape`).
    ``shape``: how the domain's proportions were chosen.
    """

    status: str
    scale: Fraction | None = None
    domain: dict[str, list[str]] = field(default_factory=dict)
    certificates: list[str] = field(default_factory=list)
    reason: str = ""
    witness: dict[str, str] | None = None
    trials: list[Trial] = field(default_factory=list)
    shape: dict[str, Any] = field(default_factory=lambda: {"kind": "theorem1"})

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        d: dict[str, Any] = {"status": self.status, "shape": self.shape, "domain": self.domain,
                             "certificates": self.certificates,
                             "scale": None if self.scale is None else fraction_str(self.scale),
                             "runs": [t.as_dict() for t in self.trials]}
        if self.reason:
            d["reason"] = self.reason
        if self.witness:
            d["witness"] = self.witness
        return d


def scale_limit(var: Fraction, widths: Widths | None = None) -> Fraction:
    """The largest scale whose domain keeps ``nu`` at least a fifth of ``V``, at most
    :data:`SCALE_LIMIT`: ``4`` for Theorem 1's proportions (``nu >= V(1 - s/5)``), and for
    a shaped domain ``(4V/5)/w`` with ``w`` its ``nu`` half-width below ``V`` per unit of
    scale, rounded down to a multiple of :data:`SMALLEST_SCALE`.

    >>> scale_limit(Fraction(1))
    Fraction(4, 1)
    >>> scale_limit(Fraction(1), Widths((Fraction(1, 100),) * 2, (Fraction(1, 8), Fraction(1, 6))))
    Fraction(51, 8)
    """
    below = (theorem1_widths(var) if widths is None else widths).nu[0]
    if below <= 0:
        return SCALE_LIMIT
    room = var * Fraction(4, 5) / below  # rounded down to a multiple of SMALLEST_SCALE
    return min(SCALE_LIMIT, SMALLEST_SCALE * math.floor(room / SMALLEST_SCALE))


def _supported_limit(model: str, mean: Fraction, var: Fraction, omega: Fraction,
                     tau: Fraction, widths: Widths | None = None) -> Fraction:
    """:func:`scale_limit`, or the first of its halves whose domain is supported.

    The domain grows with the scale, so the scales below the returned one all
    give supported specifications (those down to :data:`SMALLEST_SCALE` at least,
    which the caller checks).
    """
    s = scale_limit(var, widths)
    while s > SMALLEST_SCALE:
        try:
            designed_spec(model, mean, var, omega, tau, s, widths)
            return s
        except SpecError:
            s /= 2
    return s


def prove_design(model: str, mean: Fraction, var: Fraction, omega: Fraction, tau: Fraction,
                 *, out_dir: str | Path, tol: Fraction = Fraction(1, 8),
                 precision: int = 128, max_boxes: int = 200_000,
                 max_seconds: float | None = None,
                 progress: Callable[[Trial], None] | None = None,
                 total_seconds: float | None = None,
                 run_progress: Callable[[str], None] | None = None,
                 shape: str = "theorem1") -> DesignProof:
    """Grow the largest Theorem-1-style domain on which the claims about the model ``model``
    (its key: a designed SELU, or an affine-normalized activation) are proved.

    The scale is bisected to ``tol``; each trial is a prover run (budget
    ``max_boxes`` per goal, ``max_seconds`` per run, and what is left of
    ``total_seconds``, the budget of the whole search; a trial past it ends ``unknown``
    without running).  ``progress(trial)`` is called after each run,
    ``run_progress(message)`` as each run starts and after each subtree of it.  Writes
    ``<out_dir>/<name>.cert.json`` for the largest proved scale.  A model whose claims are
    evaluated by integrals (an evaluation limit, :attr:`~selu_proof.kernel.model.Model.eval_limit`)
    costs more per box: its search starts at :data:`SMALLEST_SCALE` and grows.
    ``shape`` (:data:`SHAPES`): ``"theorem1"`` keeps Theorem 1's proportions,
    ``"activation"`` takes the ``(mu, nu)`` widths from the Jacobian at the fixed point
    (:func:`design_shape`); where no axis-aligned box can be invariant at small scales the
    result is ``unknown`` with that reason, and no prover runs.
    """
    if shape not in SHAPES:
        raise ValueError(f"unknown domain shape {shape!r}; choose one of {', '.join(SHAPES)}")
    widths, shape_info = None, {"kind": "theorem1"}
    if shape == "activation":
        shaped = design_shape(model, mean, var, omega, tau, precision)
        shape_info = shaped.as_dict()
        if shaped.status == "no box":
            return DesignProof("unknown", reason=shaped.reason, shape=shape_info)
        widths = shaped.widths if shaped.status == "shaped" else None
    t_end = None if total_seconds is None else time.monotonic() + total_seconds

    def trial(s: Fraction) -> Trial:
        left = None if t_end is None else t_end - time.monotonic()
        budget = max_seconds if left is None else left if max_seconds is None \
            else min(max_seconds, left)
        try:
            spec = designed_spec(model, mean, var, omega, tau, s, widths)
        except SpecError as exc:  # a larger scale left the supported domain
            t = Trial(s, "unknown", 0, 0.0, reason=f"not a supported specification: {exc}")
        else:
            if budget is not None and budget <= 0:
                t = Trial(s, "unknown", 0, 0.0, reason=TIME_SPENT)
            else:
                step = None
                if run_progress is not None:
                    run_progress(f"scale {float(s):.4g}: running")

                    def step(message: str) -> None:
                        run_progress(f"scale {float(s):.4g}: {message}")
                t = run_trial(spec, precision=precision, max_boxes=max_boxes,
                              max_seconds=budget, progress=step)
        if progress is not None:
            t.value = s
            progress(t)
        return t

    limit = _supported_limit(model, mean, var, omega, tau, widths)
    # closed forms start at Theorem 1's own domain; claims by quadrature cost more per box,
    # so their search starts small and grows
    prec = min(precision, model_class(model).max_precision)
    integrates = model_of(model, prec).eval_limit is not None
    start = SMALLEST_SCALE if integrates else min(Fraction(1), limit / 2)
    edge = search_edge(trial, start, min(SMALLEST_SCALE, start), +1, tol, limit=limit)
    res = DesignProof("unknown", trials=edge.trials, shape=shape_info)
    if edge.proved is None:
        last = edge.trials[-1]
        res.status = "refuted" if edge.refuted is not None and last.status == "refuted" \
            else "unknown"
        where = designed_domain(mean, var, omega, tau, last.value, widths)
        verb = "fail" if res.status == "refuted" else "are not proved"
        shown = ("mu", "omega") if widths is None else ("mu", "nu", "omega")
        res.reason = (f"Theorem 1's claims {verb} on the domain of scale "
                      f"{fraction_str(last.value)} ("
                      + ", ".join(f"{k} in [{', '.join(where[k])}]" for k in shown)
                      + f"): {last.reason}")
        if last.witness:
            res.witness = last.witness
            res.reason += "; witness: " + ", ".join(
                f"{k}={last.witness[k]}" for k in VARIABLES) + f": {last.witness['statement']}"
        return res
    s = edge.proved.value
    spec = designed_spec(model, mean, var, omega, tau, s, widths)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{spec.name}.cert.json"
    write_atomic(path, edge.proved.certificate)
    res.status, res.scale, res.certificates = "proved", s, [str(path)]
    res.domain = designed_domain(mean, var, omega, tau, s, widths)
    if edge.status != "edge":
        res.reason = f"growth stopped: {edge.reason}"
    return res


def design_shape(model: str, mean: Fraction, var: Fraction, omega: Fraction, tau: Fraction,
                 precision: int = 128) -> ShapeResult:
    """The ``(mu, nu)`` proportions from the certified Jacobian of the model ``model`` (its
    key) at ``(mean, var)`` with weight statistics ``(omega, tau)``
    (:func:`selu_proof.search.domain_shape.activation_shape`).

    For a designed SELU the point is the design's target, the fixed point of the exact root,
    which the printed digits of ``(alpha, lam)`` move by less than their last digit: the
    proportions are the prover's untrusted choice, so that suffices.
    """
    from selu_proof.search.domain_shape import activation_shape, jacobians

    h, g = jacobians(model, (mean, omega, var, tau), precision)
    unit = weight_ranges(omega, tau, Fraction(1))
    below = (omega - unit["omega"][0], tau - unit["tau"][0])
    above = (unit["omega"][1] - omega, unit["tau"][1] - tau)
    return activation_shape(h, g, below, above, var)
