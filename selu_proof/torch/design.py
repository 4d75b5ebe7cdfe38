"""Certified constants for the torch modules, and the state that carries them in a ``state_dict``.

One place for what :class:`~selu_proof.torch.SELU` and the alpha-dropout modules
share: the certified ``(alpha, lambda)`` of a designed fixed point
(:func:`certified_selu_parameters`), the saturation value ``-lambda*alpha``
(:func:`saturation`, the value the SELU kernel reaches for ``x -> -inf``), and
:class:`DesignedState`, which stores the constants in ``state_dict()`` under
``_extra_state`` and refuses to load constants designed for something else.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import Any

from torch import nn

from selu_proof.fixedpoint import Number, design_selu
from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01

__all__ = ["certified_selu_parameters", "saturation", "exact_key", "DesignedState",
           "selu_constants"]


def exact_key(x: Number) -> str | int | Fraction:
    """An exact, hashable input: a float becomes the Fraction of its shortest repr."""
    return Fraction(str(x)) if isinstance(x, float) else x


def _same(x: Number | None, y: Number | None) -> bool:
    """Exact equality of two exact inputs (``"1.5"``, ``Fraction(3, 2)`` and ``1.5`` agree)."""
    if x is None or y is None:
        return x is None and y is None
    return Fraction(str(exact_key(x))) == Fraction(str(exact_key(y)))


@lru_cache(maxsize=64)
def _design(mean: Number, var: Number, omega: Number, tau: Number) -> tuple[float, float]:
    r = design_selu(mean, var, omega, tau, digits=25)
    if not r.is_unique:
        raise ValueError(f"no certified SELU for the fixed point ({mean}, {var}) at "
                         f"omega={omega}, tau={tau}: {r.reason}")
    out = []
    for name in ("alpha", "lambda"):
        lo, hi = (float(Fraction(s)) for s in r.box[name])
        if lo != hi:  # the enclosure straddles two floats: cannot name the nearest one
            raise ArithmeticError(f"{name} is too close to a float64 tie to round it")
        out.append(lo)
    return out[0], out[1]


def certified_selu_parameters(mean: Number, var: Number, omega: Number = 0,
                              tau: Number = 1) -> tuple[float, float]:
    r"""``(alpha, lambda)``: float64 nearest the certified values for the fixed point ``(M, V)``.

    The root of ``mu~ = mean, nu~ = var`` (paper Eq. (4)-(5)) is certified by
    :func:`selu_proof.fixedpoint.design_selu`; both ends of its enclosure round
    to the same float64, which is therefore the float nearest the exact value.

    >>> certified_selu_parameters(0, 1) == (ALPHA_01, LAMBDA_01)
    True
    """
    return _design(exact_key(mean), exact_key(var), exact_key(omega), exact_key(tau))


def saturation(alpha: float, lam: float) -> float:
    """``-lambda*alpha`` in float64: ``selu(x)`` for ``x -> -inf`` as the SELU kernel computes it.

    The ATen ``elu`` kernel multiplies ``alpha`` and ``scale`` in float64 for
    double tensors; IEEE multiplication is correctly rounded, so this is also
    the float nearest the exact product of the two float constants.  SELU and
    both alpha-dropout modules use this one value.

    >>> saturation(ALPHA_01, LAMBDA_01)
    -1.7580993408473766
    """
    return -(float(alpha) * float(lam))


def selu_constants(module: nn.Module) -> dict[str, Any] | None:
    """``alpha``, ``lam`` and the designed fixed point of a SELU module (``None`` if not one).

    ``torch.nn.SELU`` has torch's constants, ``alpha_01``, ``lambda_01`` rounded
    to float64, designed for ``(0, 1)`` at ``omega = 0, tau = 1``.  A
    :class:`~selu_proof.torch.SELU` is recognised by its design's ``kind`` (the identity its
    state is saved and checked under, :class:`DesignedState`), so this module needs
    none of the modules built on it.
    """
    if isinstance(module, DesignedState) and (design := module.design())["kind"] == "SELU":
        return design
    if isinstance(module, nn.SELU):
        return {"alpha": ALPHA_01, "lam": LAMBDA_01, "fixed_point": ("0", "1"),
                "omega": "0", "tau": "1"}
    return None


def describe(design: dict[str, Any]) -> str:
    """One line naming a module's constants and the fixed point they were designed for."""
    fp = design.get("fixed_point")
    where = ("no designed fixed point" if fp is None else
             f"fixed point ({fp[0]}, {fp[1]}) at omega={design['omega']}, tau={design['tau']}")
    extra = f"p={design['p']!r}, " if "p" in design else ""
    return f"{design['kind']}({extra}alpha={design['alpha']!r}, lam={design['lam']!r}; {where})"


def same_design(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same constants and, where both name one, the same fixed point and weights."""
    if a["alpha"] != b["alpha"] or a["lam"] != b["lam"] or a.get("p") != b.get("p"):
        return False
    if a.get("fixed_point") is None or b.get("fixed_point") is None:
        return True
    return (all(_same(x, y) for x, y in zip(a["fixed_point"], b["fixed_point"], strict=True))
            and _same(a["omega"], b["omega"]) and _same(a["tau"], b["tau"]))


class DesignedState:
    """Mixin: the module's designed constants travel in ``state_dict()`` as ``_extra_state``.

    ``get_extra_state`` returns :meth:`design` (a dict of floats and exact
    decimal strings, loadable with ``torch.load(..., weights_only=True)``);
    ``set_extra_state`` raises ``ValueError`` naming both designs when a
    state saved for other constants or another fixed point is loaded.  A
    state without the key (saved before the constants travelled, or by
    ``torch.nn.SELU``) loads as before, also with ``strict=True``.
    """

    def design(self) -> dict[str, Any]:  # pragma: no cover - implemented by the modules
        raise NotImplementedError

    def get_extra_state(self) -> dict[str, Any]:
        """The designed constants (see :meth:`design`)."""
        return self.design()

    def set_extra_state(self, state: Any) -> None:
        """Accept only a state designed like this module; else ``ValueError`` naming both."""
        mine = self.design()
        if not isinstance(state, dict) or state.get("kind") != mine["kind"]:
            raise ValueError(f"cannot load the state {state!r} into {describe(mine)}")
        if not same_design(state, mine):
            raise ValueError(f"the state was saved from {describe(state)} but this module is "
                             f"{describe(mine)}; build the module with the same constants "
                             "before loading")

    def _load_from_state_dict(self, state_dict: dict[str, Any], prefix: str, *args: Any,
                              **kwargs: Any) -> None:
        key = prefix + "_extra_state"
        if key not in state_dict:  # older state: nothing to check, nothing missing
            state_dict = {**state_dict, key: self.design()}
        super()._load_from_state_dict(state_dict, prefix, *args, **kwargs)  # type: ignore[misc]
