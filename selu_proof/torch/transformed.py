"""``Normalized`` and ``Transformed``: catalogue activations with certified constants as modules.

* :class:`Normalized` -- ``lam*(f(x) - beta)`` (``convention="affine"``; ``lam`` is the
  normalizer-free gain ``1/std f(z)``) or ``gamma*(f(x) + beta)`` (``"gpn"``), constants
  from :func:`selu_proof.fixedpoint.normalization.normalize`;
* :class:`Transformed` -- ``output_scale*(f(input_scale*x + input_shift) + output_shift)``
  (or ``output_scale*leaky_relu(x, negative_slope)``), the DKS / TAT parameters of
  :func:`selu_proof.transform.transform` in the ``dks`` package's conventions.

Each constant is the float64 nearest the certified value: both ends of the enclosure round
to the same float, or, for a value whose enclosure straddles two floats (a value at 0, such
as the ``beta`` of an odd activation), ``0.0`` when the enclosure holds 0, else the float
nearest its midpoint: within the enclosure's width (below ``1e-25`` here) of the exact
value.  The activation, its settings
and the constants travel in ``state_dict()`` under ``_extra_state``; loading a state saved
from a module with another activation, settings or constants raises ``ValueError``, as
:class:`~selu_proof.torch.SELU` does.  Modules follow ``torch.nn``: plain float attributes,
``extra_repr``, ``forward`` computes only.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F  # noqa: N812 (torch's own convention)

from selu_proof.torch.activations import TORCH_OPS, TORCH_TWINS

__all__ = ["Normalized", "Transformed", "nearest_float"]

_DIGITS = 30


def nearest_float(interval: list[str]) -> float:
    """The float64 nearest a certified value from its ``[lo, hi]`` enclosure (see the module
    docstring).

    >>> nearest_float(["0.1", "0.1000000000000000000001"])
    0.1
    """
    lo, hi = (Fraction(t) for t in interval)
    if float(lo) == float(hi):
        return float(lo)
    if hi - lo > Fraction(1, 10**25):
        raise ArithmeticError(f"the enclosure {interval} is too wide to name a float")
    return 0.0 if lo <= 0 <= hi else float((lo + hi) / 2)


@lru_cache(maxsize=64)
def _normalized(spec: str, convention: str) -> tuple[str, tuple[tuple[str, float], ...]]:
    from selu_proof.fixedpoint.normalization import normalize
    from selu_proof.kernel.activations import parse_activation

    act = parse_activation(spec)
    res = normalize(act, convention, digits=_DIGITS).as_dict(_DIGITS)
    return act.spec, tuple((k, nearest_float(v)) for k, v in res["constants"].items())


def _text(x: Any) -> str | None:
    if x is None:
        return None
    from selu_proof.kernel.exact import fraction_str

    return fraction_str(Fraction(str(x)))


@lru_cache(maxsize=64)
def _transformed(spec: str, method: str, depth: int, zeta: str | None, eta: str | None,
                 tau: str | None, shortcut_weight: str | None
                 ) -> tuple[str, tuple[tuple[str, float], ...]]:
    from selu_proof.transform import transform

    def q(x: str | None) -> Fraction | None:
        return None if x is None else Fraction(x)

    res = transform(spec, method, depth=depth, zeta=q(zeta), eta=q(eta), tau=q(tau),
                    shortcut_weight=q(shortcut_weight), digits=_DIGITS).as_dict(_DIGITS)
    return res["activation"], tuple((k, nearest_float(v)) for k, v in res["parameters"].items())


class _CarriesState(nn.Module):
    """The settings and constants in ``state_dict()``; a mismatched load raises."""

    def design(self) -> dict[str, Any]:  # pragma: no cover - implemented below
        raise NotImplementedError

    def get_extra_state(self) -> dict[str, Any]:
        """The activation, settings and constants (floats and strings)."""
        return self.design()

    def set_extra_state(self, state: Any) -> None:
        """Accept only a state designed like this module; else ``ValueError`` naming both."""
        mine = self.design()
        if state != mine:
            raise ValueError(f"the state was saved from {state!r} but this module is {mine!r}; "
                             "build the module with the same activation and settings before "
                             "loading")

    def _load_from_state_dict(self, state_dict: dict[str, Any], prefix: str, *args: Any,
                              **kwargs: Any) -> None:
        key = prefix + "_extra_state"
        if key not in state_dict:  # a state without it: nothing to check, nothing missing
            state_dict = {**state_dict, key: self.design()}
        super()._load_from_state_dict(state_dict, prefix, *args, **kwargs)

    def _f(self, x: torch.Tensor) -> torch.Tensor:
        if self._name in TORCH_TWINS:
            return TORCH_TWINS[self._name](x, **self._params)
        from selu_proof.numeric.formula_twin import evaluate

        return evaluate(self._tree, x, TORCH_OPS) + 0 * x  # a formula: read off its tree


class Normalized(_CarriesState):
    r"""A catalogue activation normalized with certified constants.

    .. math:: \mathrm{affine:}\ \lambda\,(f(x) - \beta), \qquad
              \mathrm{gpn:}\ \gamma\,(f(x) + \beta), \qquad \mathrm{nf:}\ \gamma\,f(x)

    Parameters
    ----------
    activation : str
        ``NAME[:key=value,...]`` (the catalogue of ``selu-proof normalize``) or a formula
        ``FORMULA; key=value, ...`` (docs/your_activation.md).
    convention : str
        ``"affine"`` (``z ~ N(0, 1)`` to mean 0, variance 1; ``lam`` is the
        normalizer-free gain), ``"gpn"`` (Lu, Gould, Ajanthan 2020) or ``"nf"`` (the
        normalizer-free gain alone, no shift: variance 1, mean ``gamma E f(z)``).

    Examples
    --------
    >>> import torch
    >>> Normalized("relu")  # doctest: +ELLIPSIS
    Normalized(activation='relu', convention='affine', lam=1.712858550..., beta=0.3989422...)
    >>> Normalized("relu", "gpn")(torch.tensor([2.0]))
    tensor([2.8284])
    """

    def __init__(self, activation: str, convention: str = "affine") -> None:
        super().__init__()
        from selu_proof.kernel.activations import parse_activation
        from selu_proof.numeric.activations import float_params

        if convention not in ("affine", "gpn", "nf"):
            raise ValueError(f"unknown convention {convention!r}; choose affine, gpn or nf")
        self.activation, constants = _normalized(activation, convention)
        self.convention = convention
        c = dict(constants)
        self.scale = c["lambda"] if convention == "affine" else c["gamma"]
        self.shift = -c["beta"] if convention == "affine" else c.get("beta", 0.0)
        act = parse_activation(self.activation)
        self._name, self._params, self._tree = act.name, float_params(act), act.tree

    def design(self) -> dict[str, Any]:
        """The activation, the convention and the float constants."""
        return {"kind": "Normalized", "activation": self.activation,
                "convention": self.convention, "scale": self.scale, "shift": self.shift}

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``scale*(f(x) + shift)``."""
        return self.scale * (self._f(x) + self.shift)

    def extra_repr(self) -> str:
        """The activation, the convention and the constants under their usual names."""
        if self.convention == "affine":
            consts = f"lam={self.scale!r}, beta={-self.shift!r}"
        elif self.convention == "nf":
            consts = f"gamma={self.scale!r}"
        else:
            consts = f"gamma={self.scale!r}, beta={self.shift!r}"
        return f"activation={self.activation!r}, convention={self.convention!r}, {consts}"


class Transformed(_CarriesState):
    r"""A catalogue activation transformed by DKS or TAT with certified parameters.

    .. math:: \hat f(x) = S\,\bigl(f(\alpha x + b) + o\bigr) \quad
              (\text{TAT leaky ReLU: } S\,\mathrm{leaky\_relu}(x, s))

    Parameters
    ----------
    activation : str
        ``NAME[:key=value,...]``; ``leaky_relu`` for TAT with ``eta``.
    method : str
        ``"dks"`` or ``"tat"``.
    depth : int
        The network's depth ``L``.
    zeta, eta, tau : exact number, optional
        Network-level targets as for ``selu-proof transform`` (``dks``'s defaults).
    shortcut_weight : exact number, optional
        A residual chain's shortcut weight; ``None`` for a plain chain.

    Examples
    --------
    >>> Transformed("leaky_relu", "tat", depth=20, eta="0.9")  # doctest: +ELLIPSIS
    Transformed(activation='leaky_relu', ..., negative_slope=0.181380277..., output_scale=1.3915...)
    """

    def __init__(self, activation: str, method: str = "dks", *, depth: int,
                 zeta: Any = None, eta: Any = None, tau: Any = None,
                 shortcut_weight: Any = None) -> None:
        super().__init__()
        from selu_proof.kernel.activations import parse_activation
        from selu_proof.numeric.activations import float_params

        self.method, self.depth = method, int(depth)
        self.settings = {k: _text(v) for k, v in (("zeta", zeta), ("eta", eta), ("tau", tau),
                                                   ("shortcut_weight", shortcut_weight))
                         if v is not None}
        s = self.settings
        self.activation, params = _transformed(activation, method, self.depth, s.get("zeta"),
                                               s.get("eta"), s.get("tau"),
                                               s.get("shortcut_weight"))
        self.parameters_ = dict(params)
        act = parse_activation(self.activation)
        self._name, self._params, self._tree = act.name, float_params(act), act.tree
        for k, v in self.parameters_.items():
            setattr(self, k, v)

    def design(self) -> dict[str, Any]:
        """The activation, the method and settings, and the float parameters."""
        return {"kind": "Transformed", "activation": self.activation, "method": self.method,
                "depth": self.depth, **self.settings, **self.parameters_}

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``S*(f(alpha*x + b) + o)``, or ``S*leaky_relu(x, s)``."""
        if "negative_slope" in self.parameters_:
            return self.output_scale * F.leaky_relu(x, self.negative_slope)
        return self.output_scale * (self._f(self.input_scale * x + self.input_shift)
                                    + self.output_shift)

    def extra_repr(self) -> str:
        """The activation, settings and parameters."""
        settings = "".join(f", {k}={v!r}" for k, v in self.settings.items())
        params = ", ".join(f"{k}={v!r}" for k, v in self.parameters_.items())
        return (f"activation={self.activation!r}, method={self.method!r}, depth={self.depth}"
                f"{settings}, {params}")
