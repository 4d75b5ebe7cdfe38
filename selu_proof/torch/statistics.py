r"""The monitor's statistics: Theorem 1's box as float bounds rounded outward, and layer rows.

Statistics are computed on the tensors' device in float64, one reduction per
quantity, with one transfer to Python per layer.  The box test of the units'
``(omega_j, tau_j)`` is vectorized against float64 bounds rounded *outward*
from the exact decimal ends of ``proofs/theorem1.toml`` (:func:`outward`): a
unit inside the exact box always counts as inside, one within an ulp outside
it may too.  These are measurements of samples, not proofs: nothing here is
certified.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np
import torch

from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01

__all__ = ["theorem1_box", "outward", "float_bounds", "in_box", "moments", "layer_row"]


def theorem1_box() -> dict[str, tuple[Fraction, Fraction]]:
    """Theorem 1's domain ``{name: (lo, hi)}``, exact ends read from ``proofs/theorem1.toml``."""
    from selu_proof.kernel.specs import load_spec, shipped_specs

    spec = load_spec(shipped_specs()["theorem1"])
    return dict(zip(("mu", "omega", "nu", "tau"), spec.domain, strict=True))


#: Theorem 1's domain, exact ends.
THEOREM1_BOX: dict[str, tuple[Fraction, Fraction]] = theorem1_box()


def outward(lo: Fraction, hi: Fraction) -> tuple[float, float]:
    """The tightest float64 interval ``[lo', hi']`` with ``lo' <= lo`` and ``hi' >= hi``.

    >>> outward(Fraction(1, 10), Fraction(11, 10))
    (0.09999999999999999, 1.1)
    >>> Fraction(1.1) >= Fraction(11, 10)
    True
    """
    a, b = float(lo), float(hi)  # nearest; step outward where that rounded inward
    if Fraction(a) > lo:
        a = float(np.nextafter(a, -math.inf))
    if Fraction(b) < hi:
        b = float(np.nextafter(b, math.inf))
    return a, b


#: ``{name: (lo, hi)}`` of :data:`THEOREM1_BOX` rounded outward to float64.
FLOAT_BOX: dict[str, tuple[float, float]] = {k: outward(*v) for k, v in THEOREM1_BOX.items()}


def float_bounds(device: torch.device) -> torch.Tensor:
    """``[omega lo, omega hi, tau lo, tau hi]`` (outward, float64) on ``device``."""
    return torch.tensor([*FLOAT_BOX["omega"], *FLOAT_BOX["tau"]], dtype=torch.float64,
                        device=device)


def in_box(name: str, value: float) -> bool:
    """Whether ``value`` lies in Theorem 1's interval for ``name`` (exact comparison).

    >>> in_box("tau", 1.0999999), in_box("tau", 1.1), in_box("nu", float("nan"))
    (True, False, False)

    (The float ``1.1`` is slightly above ``11/10``.)
    """
    lo, hi = THEOREM1_BOX[name]
    return value == value and lo <= value <= hi  # NaN is outside


def moments(x: torch.Tensor) -> tuple[float, float]:
    """Mean and (biased) variance of all entries, in float64."""
    x = x.detach().to(torch.float64)
    m = x.mean()
    v = ((x - m) ** 2).mean()
    mv = torch.stack([m, v]).tolist()
    return mv[0], mv[1]


def _unchanged(t: torch.Tensor, version: int) -> bool:
    return t._version == version


def theorem1_constants(design: dict[str, Any]) -> bool:
    """Whether a SELU's constants are Theorem 1's ``alpha_01``, ``lambda_01`` (as float64)."""
    return design.get("alpha") == ALPHA_01 and design.get("lam") == LAMBDA_01


def layer_row(index: int, name: str, module: torch.nn.Module, weight: torch.Tensor,
              bias: torch.Tensor | None, x: torch.Tensor, x_version: int, y: torch.Tensor,
              y_version: int, activation: str, design: dict[str, Any]) -> dict[str, Any]:
    """One monitor row: input moments, the units' ``(omega_j, tau_j)`` against the box, output.

    ``weight`` and ``bias`` are the copies taken at the forward pass; ``x`` is the
    layer input and ``y`` the SELU output, read now.  A tensor changed in place
    since the pass (its version counter moved) gives NaN moments, not wrong ones.
    """
    w = weight.to(torch.float64).flatten(1)
    omega, tau = w.sum(1), (w * w).sum(1)
    b = float_bounds(w.device)
    inside = (omega >= b[0]) & (omega <= b[1]) & (tau >= b[2]) & (tau <= b[3])
    stats = torch.stack([omega.mean(), omega.min(), omega.max(), tau.mean(), tau.min(),
                         tau.max(), inside.to(torch.float64).mean(),
                         bias.detach().abs().max().to(torch.float64) if bias is not None
                         and bias.numel() else omega.new_zeros(())]).tolist()
    om = {"mean": stats[0], "min": stats[1], "max": stats[2]}
    ta = {"mean": stats[3], "min": stats[4], "max": stats[5]}
    nan = (math.nan, math.nan)
    mu, nu = moments(x) if _unchanged(x, x_version) else nan
    mean, var = moments(y) if _unchanged(y, y_version) else nan
    input_in_box = in_box("mu", mu) and in_box("nu", nu)
    weights_in_box = in_box("omega", om["mean"]) and in_box("tau", ta["mean"])
    constants = theorem1_constants(design)
    units = stats[6]
    return {
        "layer": name, "index": index, "kind": type(module).__name__,
        "units": int(w.shape[0]), "fan_in": int(w.shape[1]),
        "input_mean": mu, "input_var": nu, "input_in_box": input_in_box,
        "omega": om, "tau": ta, "units_in_box": units, "mean_weights_in_box": weights_in_box,
        "bias_abs_max": None if bias is None else stats[7],
        "activation": activation, "mean": mean, "var": var, "theorem1_constants": constants,
        "in_theorem1_domain": constants and input_in_box and units == 1.0,
        "mean_in_theorem1_domain": constants and input_in_box and weights_in_box,
    }
