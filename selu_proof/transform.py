r"""DKS and TAT activation transformations, certified.

Deep kernel shaping (DKS; Martens, Ballard, Desjardins, Swirszcz, Dalibard, Sohl-Dickstein,
Schoenholz 2021, arXiv:2110.01765) and tailored activation transformations (TAT; Zhang,
Martens, Grosse 2022, ICLR) replace an activation ``f`` by

.. math:: \hat f(x) = S\,\bigl(f(\alpha x + b) + o\bigr)

(``input_scale`` :math:`\alpha`, ``input_shift`` ``b``, ``output_shift`` ``o``,
``output_scale`` ``S``; a leaky ReLU under TAT has ``negative_slope`` and ``S`` only) so
that the network's kernel maps meet targets.  The conventions are those of the ``dks``
package (``dks/base/activation_transform.py``, version 0.1.2), number for number; here
every parameter is an outward-rounded enclosure and the solution of the equations is
certified unique in a stated box by the Krawczyk test
(:func:`selu_proof.fixedpoint.krawczyk_operator.krawczyk`).

Local maps at ``q = 1`` (``z ~ N(0, 1)``, ``u = alpha z + b ~ N(b, v)``, ``v = alpha^2``):

* :math:`Q(1) = E[\hat f(z)^2] = S^2 P`, :math:`P = E[(f(u) + o)^2]`;
* :math:`Q'(1) = E[\hat f \hat f' z] = S^2 v\,\partial_v P` (differentiating the density);
* :math:`C(0) = E[\hat f(z)]^2/Q(1)`;
* :math:`C'(1) = E[\hat f'(z)^2]/Q(1) = S^2 v\,E[f'(u)^2]/Q(1)`;
* :math:`C''(1) = E[\hat f''(z)^2]/Q(1) = S^2 v^2 E[f''(u)^2]/Q(1)`.

DKS (``dks_params``: ``c_slope_1_target`` = ``zeta``, ``local_q_slope_target`` = 1):
``o = -E f(u)`` (so ``C(0) = 0``), ``S = P^{-1/2}`` (so ``Q(1) = 1``), and
``(alpha, b)`` solve ``Q'(1) = 1``, ``C'(1) = xi``.  For ReLU ``dks`` fixes ``b = 1`` when
``xi < 1.466942206924260361`` (else ``b = -1``) and solves ``C'(1) = xi`` alone.

TAT, smooth ``f`` (``c_curve_target`` = ``tau``): ``S = P^{-1/2}``, and
``(alpha, b, o)`` solve ``Q'(1) = 1``, ``C'(1) = 1``, ``C''(1) = k``; a solution with
``alpha*S >= 2`` is rejected (``dks``'s ``reject_condition``).  TAT, leaky ReLU
(``c_val_0_target`` = ``eta``): the local C map is the closed form
:math:`C(c) = \bigl((1-s)^2(\sqrt{1-c^2} + (\pi - \arccos c)\,c)/\pi + 2sc\bigr)/(1+s^2)`
(``s`` the negative slope), ``S = \sqrt{2/(1+s^2)}``, and ``s`` solves the network-level
equation directly.

Network-level targets (``dks``'s maximal slope / curvature / C-value functions, which it
takes from the user as ``subnet_max_func``; here for two architectures):

* plain chain of depth ``L``: ``M(x, r) = r^L(x)`` (``r`` composed ``L`` times);
* residual chain of depth ``L``, shortcut weight ``w``: ``L`` blocks
  :math:`x \mapsto w x + \sqrt{1-w^2}\,\phi(Wx)`, kernel map ``R(c) = w^2 c + (1-w^2) r(c)``,
  and ``M(x, r) = max(R^L(x), r(x))`` (the whole chain and one residual branch).

DKS: ``M(1, y -> xi*y) = zeta`` gives ``xi = zeta^(1/L)`` (plain) and
``xi = min((zeta^(1/L) - w^2)/(1 - w^2), zeta)`` (residual).  TAT smooth:
``M(0, y -> k + y) = tau`` gives ``k = tau/L`` (plain) and ``k = tau/max(L(1 - w^2), 1)``
(residual).  TAT leaky ReLU: ``M(0, C) = eta``.  ``dks`` bisects these to ``1e-8``; here
they are exact formulas in ball arithmetic (the leaky-ReLU one a 1-D Krawczyk test).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from flint import acb, arb, arb_mat, ctx

from selu_proof.kernel.activations import CatalogueActivation, Growth, parse_activation
from selu_proof.kernel.exact import ball
from selu_proof.kernel.formula import ActivationError, compile_ball, derivative, split
from selu_proof.kernel.formula_growth import growth_of
from selu_proof.meanfield.core import interval as _interval

__all__ = ["METHODS", "MAX_DEPTH", "DEFAULTS", "TransformError", "Transform", "transform",
           "per_layer_target", "second_derivative", "leaky_relu_cmap", "has_second_derivative",
           "RELU_SHIFT_SWITCH", "subnet_max_func"]

#: the two methods
METHODS = ("dks", "tat")
#: the deepest network accepted
MAX_DEPTH = 10_000
#: the largest network-level target ``zeta`` (DKS) or ``tau`` (TAT) accepted: far beyond
#: any in use (``dks`` suggests 1.5 and 0.3), and it keeps every exact number small
MAX_TARGET = Fraction(10**6)
#: ``dks``'s defaults (c_slope_1_target, c_val_0_target, c_curve_target)
DEFAULTS = {"zeta": Fraction(3, 2), "eta": Fraction(9, 10), "tau": Fraction(3, 10)}
#: ``dks`` fixes ReLU's input shift at 1 below this local slope target, at -1 above
RELU_SHIFT_SWITCH = Fraction("1.466942206924260361")


class TransformError(ValueError):
    """A transformation that is not defined, has no solution found, or is not certified."""


# ------------------------------------------------------------------ second derivatives

Fn = Callable[[acb, bool], acb]


def has_second_derivative(act: CatalogueActivation) -> bool:
    """Whether ``f''`` exists as a function: one formula on the whole line (its splits, if
    any, are no kinks), so no delta at a kink.
    """
    ps = act.pieces
    return act.tree is not None and all(p.value is q.value for p, q in zip(ps, ps[1:]))


def second_derivative(act: CatalogueActivation) -> tuple[list[tuple[Fraction | None,
                                                                  Fraction | None, Fn]], Growth]:
    """``f''`` of a smooth activation as quadrature pieces, with a growth bound, read off its
    formula (the derivative rules applied twice, the growth rules of the kernel).

    Raises :class:`TransformError` for a kinked activation (whose ``f''`` has a delta) or a
    second derivative with no growth rule.
    """
    if not has_second_derivative(act):
        raise TransformError(f"{act.spec}: C''(1) needs f'', which has a delta at a kink; "
                             "only activations smooth on the whole line have it")
    ((_, tree),) = split(act.tree)
    d2 = derivative(derivative(tree))
    try:
        growth = growth_of([((None, None), d2)])
    except ActivationError as exc:
        raise TransformError(f"{act.spec}: f'': {exc}") from None
    fn = compile_ball(d2)
    return [(p.lo, p.hi, fn) for p in act.pieces], Growth(Fraction(0), *growth)


# ------------------------------------------------------------------ forward-mode jets


class _Jet:
    """A ball with its gradient in the unknowns (``g is None``: value only)."""

    __slots__ = ("v", "g")

    def __init__(self, v: arb, g: list[arb] | None = None) -> None:
        self.v, self.g = v, g

    @staticmethod
    def _lift(x: Any, like: _Jet) -> _Jet:
        if isinstance(x, _Jet):
            return x
        return _Jet(arb(x) if not isinstance(x, arb) else x,
                    None if like.g is None else [arb(0)] * len(like.g))

    def __add__(self, o: Any) -> _Jet:
        o = self._lift(o, self)
        g = None if self.g is None else [a + b for a, b in zip(self.g, o.g, strict=True)]
        return _Jet(self.v + o.v, g)

    __radd__ = __add__

    def __neg__(self) -> _Jet:
        return _Jet(-self.v, None if self.g is None else [-a for a in self.g])

    def __sub__(self, o: Any) -> _Jet:
        return self + (-self._lift(o, self))

    def __rsub__(self, o: Any) -> _Jet:
        return self._lift(o, self) - self

    def __mul__(self, o: Any) -> _Jet:
        o = self._lift(o, self)
        g = None if self.g is None else [a * o.v + self.v * b
                                         for a, b in zip(self.g, o.g, strict=True)]
        return _Jet(self.v * o.v, g)

    __rmul__ = __mul__


_WEIGHT_NAMES = {(0, 0): "density", (1, 0): "d_mean", (0, 1): "d_var"}


class _Moments:
    """``E h(u)`` and its density derivatives at ``u ~ N(b, alpha^2)``, as jets in the
    unknowns ``names`` (a subset of ``input_scale``, ``input_shift``, ``output_shift``).
    """

    def __init__(self, act: CatalogueActivation, alpha: arb, b: arb, names: Sequence[str],
                 grad: bool) -> None:
        self.act, self.alpha, self.b, self.v = act, alpha, b, alpha * alpha
        self.names, self.grad = tuple(names), grad
        self._cache: dict[tuple[str, int, int], arb] = {}

    def _q(self, h: str, i: int, j: int) -> arb:
        key = (h, i, j)
        if key not in self._cache:
            w = _WEIGHT_NAMES.get((i, j), (i, j))
            if h == "ddf2":
                from selu_proof.kernel.quadrature import gaussian_expectation

                pieces, growth = second_derivative(self.act)
                square = [(lo, hi, _squared(fn)) for lo, hi, fn in pieces]
                val = gaussian_expectation(square, growth.times(growth), self.b, self.v, w)
            else:
                from selu_proof.kernel.quadrature import expectation

                val = expectation(self.act, h, self.b, self.v, w)  # type: ignore[arg-type]
            self._cache[key] = val
        return self._cache[key]

    def e(self, h: str, j: int = 0) -> _Jet:
        """``d^j/dv^j E h(u)`` as a jet (``h`` = ``f``, ``f2``, ``df2`` or ``ddf2``)."""
        val = self._q(h, 0, j)
        if not self.grad:
            return _Jet(val)
        g = []
        for n in self.names:
            if n == "input_scale":
                g.append(2 * self.alpha * self._q(h, 0, j + 1))
            elif n == "input_shift":
                g.append(self._q(h, 1, j))
            else:
                g.append(arb(0))
        return _Jet(val, g)

    def var(self) -> _Jet:
        """``v = alpha^2`` as a jet."""
        return self.variable("input_scale", self.v, 2 * self.alpha)

    def variable(self, name: str, value: arb, slope: arb | int = 1) -> _Jet:
        """An unknown (or a function of one) as a jet."""
        if not self.grad:
            return _Jet(value)
        return _Jet(value, [arb(slope) if n == name else arb(0) for n in self.names])


def _squared(fn: Fn) -> Fn:
    def sq(x: acb, an: bool) -> acb:
        y = fn(x, an)
        return y * y
    return sq


# ------------------------------------------------------------------ network-level targets


def leaky_relu_cmap(c: arb, s: arb) -> tuple[arb, arb, arb]:
    r"""The local C map of a leaky ReLU with negative slope ``s`` (i.i.d. weights, ``q = 1``)
    and its partial derivatives in ``c`` and ``s``.

    .. math:: C(c) = \frac{(1-s)^2 K(c)/\pi + 2sc}{1+s^2},\quad
              K(c) = \sqrt{1-c^2} + (\pi - \arccos c)\,c,\quad K'(c) = \pi - \arccos c.

    (Cho and Saul 2009's arc-cosine kernel of degree 1, as ``dks``'s ``_leaky_relu_cmap``.)
    ``sqrt(1 - c^2)`` and ``arccos c`` have unbounded slopes at ``c = 1``, which would
    inflate a ball ``c`` near 1 at every layer; the value is taken in the mean-value form
    ``C(m) + C'(c)(c - m)``, ``m`` the midpoint (``|C'| <= 1``).
    """
    pi = arb.pi()
    den = 1 + s * s

    def value(x: arb) -> tuple[arb, arb]:
        k = (1 - x * x).sqrt() + (pi - x.acos()) * x
        return ((1 - s) * (1 - s) * k / pi + 2 * s * x) / den, k

    dc = ((1 - s) * (1 - s) * (pi - c.acos()) / pi + 2 * s) / den
    val, k = value(c)
    if c.rad() > 0:
        mid = c.mid()
        val = val.intersection(value(mid)[0] + dc * (c - mid)) if val.is_finite() \
            else value(mid)[0] + dc * (c - mid)
    dnum = -2 * (1 - s) * k / pi + 2 * c
    ds = (dnum * den - val * den * 2 * s) / (den * den)
    return val, dc, ds


def _network_c0(s: arb, depth: int, w: Fraction | None) -> tuple[arb, arb]:
    """``M(0, C)`` for the leaky-ReLU C map and its derivative in ``s``."""
    c, dc = arb(0), arb(0)
    if w is None:
        for _ in range(depth):
            val, d_c, d_s = leaky_relu_cmap(c, s)
            c, dc = val, d_c * dc + d_s
        return c, dc
    w2 = ball(w) ** 2
    for _ in range(depth):
        val, d_c, d_s = leaky_relu_cmap(c, s)
        c, dc = w2 * c + (1 - w2) * val, w2 * dc + (1 - w2) * (d_c * dc + d_s)
    branch, _, dbranch = leaky_relu_cmap(arb(0), s)
    if c > branch:
        return c, dc
    if branch > c:
        return branch, dbranch
    if c.overlaps(branch) and not (c - branch).is_zero():
        raise TransformError("the maximum over subnetworks of C_f(0) is not decided "
                             "(the chain and its residual branch are too close)")
    return c, dc


def per_layer_target(method: str, value: Fraction, depth: int,
                     shortcut_weight: Fraction | None) -> tuple[str, arb]:
    """The local target that meets the network-level one (see the module docstring):
    ``("C'(1)", xi)`` for DKS, ``("C''(1)", k)`` for smooth TAT.
    """
    if method == "dks":
        root = ball(value) ** (arb(1) / depth)
        if shortcut_weight is None:
            return "C'(1)", root
        w2 = ball(shortcut_weight) ** 2
        xi = (root - w2) / (1 - w2)
        z = ball(value)
        if xi < z:
            return "C'(1)", xi
        if z < xi or (z - xi).is_zero():
            return "C'(1)", z
        raise TransformError("the per-layer slope target is not decided (the chain and its "
                             "residual branch give nearly the same value)")
    if shortcut_weight is None:
        return "C''(1)", ball(value) / depth
    w2 = ball(shortcut_weight) ** 2
    scale = depth * (1 - w2)
    return "C''(1)", ball(value) / (scale if scale > 1 else arb(1))


def subnet_max_func(depth: int, shortcut_weight: float | None = None
                    ) -> Callable[[float, Callable[[float], float]], float]:
    """The two architectures above as ``dks``'s ``subnet_max_func(x, r_fn)`` (floats), to
    hand to ``dks`` so that its results are comparable with :func:`transform`'s.

    >>> subnet_max_func(3)(1.0, lambda y: 2 * y), subnet_max_func(2, 0.5)(0.0, lambda y: y + 1)
    (8.0, 1.5)
    """
    def plain(x: float, r_fn: Callable[[float], float]) -> float:
        for _ in range(depth):
            x = r_fn(x)
        return x

    def residual(x: float, r_fn: Callable[[float], float]) -> float:
        w2 = float(shortcut_weight) ** 2  # type: ignore[arg-type]
        y = x
        for _ in range(depth):
            y = w2 * y + (1 - w2) * r_fn(y)
        return max(y, r_fn(x))

    return plain if shortcut_weight is None else residual


def _network_value(method: str, local: arb, depth: int, w: Fraction | None) -> arb:
    """The network-level value ``M`` from a local one (the inverse of
    :func:`per_layer_target`, evaluated on the certified enclosure).
    """
    if method == "dks":
        if w is None:
            return local ** depth
        w2 = ball(w) ** 2
        chain = (w2 + (1 - w2) * local) ** depth
        return chain if chain > local else local if local > chain else chain.union(local)
    if w is None:
        return local * depth
    w2 = ball(w) ** 2
    chain = depth * (1 - w2) * local
    return chain if chain > local else local if local > chain else chain.union(local)


# ------------------------------------------------------------------ result


@dataclass(frozen=True)
class Transform:
    """A certified DKS or TAT transformation (see the module docstring).

    Attributes
    ----------
    activation, method : str
        The catalogue spec and ``"dks"`` or ``"tat"``.
    target : dict
        The network-level target (``{"zeta": ...}``, ``{"tau": ...}`` or ``{"eta": ...}``),
        exact.
    depth : int
    shortcut_weight : Fraction or None
        ``None`` for a plain chain.
    local_target : tuple of (str, arb)
        The per-layer target's name and enclosure (``None`` for the leaky ReLU).
    parameters : dict
        ``dks``'s names -> enclosures.
    fixed : tuple of str
        Parameters fixed by convention, not solved for (ReLU's ``input_shift``).
    box : dict
        The box in which the solution is certified unique (name -> ball).
    maps : dict
        ``Q(1)``, ``Q'(1)``, ``C(0)``, ``C'(1)``, ``C''(1)`` of the transformed activation
        (enclosures on the certified solution box).
    network : dict
        The network-level value reached (an enclosure containing the target).
    """

    activation: str
    method: str
    target: dict[str, Fraction]
    depth: int
    shortcut_weight: Fraction | None
    local_target: tuple[str, arb] | None
    parameters: dict[str, arb]
    fixed: tuple[str, ...]
    box: dict[str, arb]
    maps: dict[str, arb]
    network: dict[str, arb]
    notes: list[str] = field(default_factory=list)

    def as_dict(self, digits: int) -> dict[str, Any]:
        """The JSON form: every enclosure ``[lo, hi]``, rounded outward to ``digits``."""
        def iv(x: arb) -> list[str]:
            return _interval(x, digits)

        arch = ("plain chain" if self.shortcut_weight is None else
                f"residual chain, shortcut weight {_show(self.shortcut_weight)}")
        out: dict[str, Any] = {
            "activation": self.activation, "method": self.method,
            "target": {k: _show(v) for k, v in self.target.items()},
            "depth": self.depth, "architecture": arch,
            "shortcut_weight": None if self.shortcut_weight is None
            else _show(self.shortcut_weight)}
        if self.local_target is not None:
            out["per_layer_target"] = {self.local_target[0]: iv(self.local_target[1])}
        out["parameters"] = {k: iv(x) for k, x in self.parameters.items()}
        out["fixed_by_convention"] = list(self.fixed)
        out["uniqueness"] = {
            "status": "unique",
            "box": {k: _inward(x) for k, x in self.box.items()},
            "how": "Krawczyk image strictly inside the box (rounded inward here): exactly "
                   "one solution there (solutions outside the box are not excluded)"}
        out["maps"] = {k: iv(x) for k, x in self.maps.items()}
        out["network"] = {k: iv(x) for k, x in self.network.items()}
        out["notes"] = list(self.notes)
        out["certified"] = True
        return out


def _show(q: Fraction) -> str:
    """``q`` exactly when that is short, else to 6 significant digits (``1e+999``)."""
    from selu_proof.kernel.exact import fraction_str, shown6

    text = fraction_str(q)
    return text if len(text) <= 24 else shown6(q)


# ------------------------------------------------------------------ solving


def _residual_fn(act: CatalogueActivation, method: str, names: tuple[str, ...],
                 fixed_shift: arb | None, target: Callable[[], arb]
                 ) -> Callable[[Sequence[arb], bool], list[_Jet]]:
    """The equations as jets in the unknowns ``names`` (cleared of denominators); ``target()``
    is the per-layer target at the working precision.
    """
    def equations(x: Sequence[arb], grad: bool) -> list[_Jet]:
        local = target()
        val = dict(zip(names, x, strict=True))
        alpha = val["input_scale"]
        b = val.get("input_shift", fixed_shift)
        assert b is not None
        m = _Moments(act, alpha, b, names, grad)
        v = m.var()
        m1, m2, d2 = m.e("f"), m.e("f2"), m.e("df2")
        if method == "dks":
            var = m2 - m1 * m1
            slope = v * d2 - local * var  # C'(1) = xi
            if "input_shift" not in names:  # ReLU: dks solves C'(1) alone
                return [slope]
            qslope = v * (m.e("f2", 1) - 2 * m1 * m.e("f", 1)) - var  # Q'(1) = 1
            return [qslope, slope]
        o = m.variable("output_shift", val["output_shift"])
        p = m2 + 2 * o * m1 + o * o
        qslope = v * (m.e("f2", 1) + 2 * o * m.e("f", 1)) - p  # Q'(1) = 1
        slope = v * d2 - p  # C'(1) = 1
        curv = v * v * m.e("ddf2") - local * p  # C''(1) = k
        return [qslope, slope, curv]
    return equations


def _float_equations(act: CatalogueActivation, method: str, names: tuple[str, ...],
                     fixed_shift: float | None, local: float
                     ) -> Callable[[Sequence[float]], list[float]]:
    """The equations in floats, in ``dks``'s form (``Q'(1) - 1``, ``C'(1) - target``, ...),
    by Gauss-Hermite quadrature of float twins (``f''`` by a central difference of ``f'``):
    candidates only, every claim is certified afterwards.
    """
    import numpy as np

    from selu_proof.numeric.activations import float_twin

    f, df = float_twin(act)
    x, w = np.polynomial.hermite_e.hermegauss(160)
    w = w / w.sum()

    def equations(p: Sequence[float]) -> list[float]:
        val = dict(zip(names, p, strict=True))
        alpha = val["input_scale"]
        b = val.get("input_shift", fixed_shift)
        u = alpha * x + b
        fu = f(u)
        o = val.get("output_shift", -float(w @ fu)) if method == "tat" else -float(w @ fu)
        g = fu + o
        p2 = float(w @ (g * g))
        if not p2 > 0 or not np.isfinite(p2):
            return [1e6] * len(names)
        s2 = 1 / p2
        dg = alpha * df(u)
        out = [s2 * float(w @ (g * dg * x)) - 1] if "input_shift" in names else []
        out.append(s2 * float(w @ (dg * dg)) - (local if method == "dks" else 1))
        if method == "tat":
            h = 1e-5
            d2 = alpha * alpha * (df(u + h) - df(u - h)) / (2 * h)
            out.append(s2 * float(w @ (d2 * d2)) - local)
        return out
    return equations


def _float_candidates(equations: Callable[[Sequence[float]], list[float]],
                      starts: Sequence[Sequence[float]],
                      accept: Callable[[list[float]], bool]) -> list[float] | None:
    """A float solution from the first start (``dks``'s order) where scipy's ``hybr``
    converges to one that ``accept`` takes; ``None`` when none does.
    """
    import numpy as np
    from scipy.optimize import root

    for start in starts:
        with np.errstate(all="ignore"):
            sol = root(equations, np.asarray(start, dtype=float), method="hybr")
        if sol.success and np.all(np.isfinite(sol.x)) and sol.x[0] != 0:
            x = [float(t) for t in sol.x]
            x[0] = abs(x[0])  # the maps depend on input_scale through its square only
            if accept(x):
                return x
    return None


def _certify(equations: Callable[[Sequence[arb], bool], list[_Jet]], x0: Sequence[float],
             prec: int) -> tuple[tuple[arb, ...], tuple[arb, ...], int]:
    """Newton from ``x0``, then the Krawczyk test on a small box: ``(box, enclosure, bits)``.

    The equations lose digits to cancellation when ``input_scale`` is small (deep networks:
    ``Var f(u)`` is of order ``input_scale^2``), so a test that fails is repeated with 64 and
    then 192 more bits.
    """
    reason = ""
    for bits in (prec, prec + 64, prec + 192):
        got = _certify_at(equations, x0, bits)
        if isinstance(got, str):
            reason = got
            continue
        return got[0], got[1], bits
    raise TransformError(f"the solution is not certified: {reason}")


def _certify_at(equations: Callable[[Sequence[arb], bool], list[_Jet]], x0: Sequence[float],
                prec: int) -> tuple[tuple[arb, ...], tuple[arb, ...]] | str:
    from selu_proof.fixedpoint.krawczyk_operator import krawczyk

    n = len(x0)
    with ctx.workprec(prec):
        x = [arb(t) for t in x0]
        for _ in range(20):
            eqs = equations(x, True)
            jac = arb_mat([[g.mid() for g in e.g] for e in eqs])  # type: ignore[union-attr]
            step = jac.solve(arb_mat([[e.v.mid()] for e in eqs]), nonstop=True)
            steps = [step[i, 0] for i in range(n)]
            if not all(s.is_finite() for s in steps):
                raise TransformError("Newton's step is not finite (a singular Jacobian)")
            x = [(xi - s).mid() for xi, s in zip(x, steps, strict=True)]
            if all(abs(s) < arb(2) ** (16 - prec) * (1 + abs(xi)) for s, xi in zip(steps, x)):
                break
        boxes = [[xi + arb(0, (arb(2) ** -bits * (1 + abs(xi))).upper()) for xi in x]
                 for bits in (30, prec // 2)]

    def test(box: list[arb]) -> Any:
        return krawczyk(lambda y: [e.v for e in equations(y, False)],
                        lambda y: [e.g for e in equations(y, True)], box, prec)

    # the tight box gives the enclosure; the wide one (relative radius 2^-30), when the
    # test passes there too, a stronger uniqueness statement (the tight box lies inside it)
    tight = test(boxes[1])
    if tight.status != "unique" or tight.enclosure is None:
        return tight.reason
    wide = test(boxes[0])
    box = boxes[0] if wide.status == "unique" else boxes[1]
    return tuple(box), tuple(tight.enclosure)


def _inward(x: arb) -> list[str]:
    """``[lo, hi]`` inside the ball ``x``, with the fewest digits (at least 6) that keep
    ``lo < hi``: a box in which a claim holds is never printed larger than it is.
    """
    from selu_proof.kernel.exact import ball_ends, decimal_down, decimal_up

    lo, hi = ball_ends(x)
    for d in range(6, 80):
        a, b = decimal_up(lo, d), decimal_down(hi, d)
        if Fraction(a) < Fraction(b):
            return [a, b]
    raise ValueError("the box is too narrow to print")


def transform(spec: str, method: str, *, depth: int, zeta: Fraction | None = None,
              eta: Fraction | None = None, tau: Fraction | None = None,
              shortcut_weight: Fraction | None = None, digits: int = 15) -> Transform:
    """The certified DKS or TAT transformation of a catalogue activation.

    Parameters
    ----------
    spec : str
        ``NAME[:key=value,...]`` (catalogue).  TAT with ``eta``: ``leaky_relu``.
    method : str
        ``"dks"`` or ``"tat"``.
    depth : int
        ``L``, between 1 and :data:`MAX_DEPTH`.
    zeta, eta, tau : Fraction, optional
        The network-level target: ``zeta > 1`` (DKS, default 1.5); ``0 < eta < 1`` (TAT,
        leaky ReLU, default 0.9); ``tau > 0`` (TAT, smooth, default 0.3).
    shortcut_weight : Fraction, optional
        ``0 <= w < 1`` for a residual chain; ``None`` for a plain chain.
    digits : int
        Significant digits the enclosures are computed for.

    >>> t = transform("tanh", "dks", depth=20, digits=8)
    >>> t.as_dict(8)["parameters"]["input_scale"]
    ['0.20561832', '0.20561833']
    """
    from selu_proof.fixedpoint.normalization import precision_for

    if method not in METHODS:
        raise TransformError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    if not 1 <= depth <= MAX_DEPTH:
        raise TransformError(f"--depth must be between 1 and {MAX_DEPTH}, got {depth}")
    if shortcut_weight is not None and not 0 <= shortcut_weight < 1:
        raise TransformError(f"--shortcut-weight must be in [0, 1), got {_show(shortcut_weight)}")
    act = parse_activation(spec)
    prec = precision_for(digits) + 20
    if method == "dks":
        if eta is not None or tau is not None:
            raise TransformError("DKS takes --zeta (not --eta or --tau)")
        z = DEFAULTS["zeta"] if zeta is None else zeta
        if not z > 1:
            raise TransformError(f"--zeta must be greater than 1 (C'_f(1) >= 1 for every "
                                 f"network), got {_show(z)}")
        if z > MAX_TARGET:
            raise TransformError(f"--zeta must be at most {MAX_TARGET}, got {_show(z)}")
        return _uncertified_as_error(_dks, act, z, depth, shortcut_weight, prec)
    if zeta is not None:
        raise TransformError("TAT takes --eta (leaky_relu) or --tau (smooth activations), "
                             "not --zeta")
    if act.name == "relu":
        raise TransformError("TAT does not transform ReLU (as in dks); use leaky_relu")
    if act.name == "leaky_relu":
        if tau is not None:
            raise TransformError("TAT for leaky_relu takes --eta (the target C_f(0)), not --tau")
        e = DEFAULTS["eta"] if eta is None else eta
        if not 0 < e < 1:
            raise TransformError(f"--eta must be in (0, 1), got {_show(e)}")
        return _uncertified_as_error(_tat_leaky, e, depth, shortcut_weight, prec)
    if eta is not None:
        raise TransformError("--eta is the TAT target of leaky_relu; smooth activations take "
                             "--tau")
    t = DEFAULTS["tau"] if tau is None else tau
    if not 0 < t <= MAX_TARGET:
        raise TransformError(f"--tau must be positive and at most {MAX_TARGET}, got {_show(t)}")
    second_derivative(act)  # refuses activations without f''
    return _uncertified_as_error(_tat_smooth, act, t, depth, shortcut_weight, prec)


def _uncertified_as_error(solve: Callable[..., Transform], *args: Any) -> Transform:
    """``solve(*args)``; an enclosure the quadrature refuses (a ball that is not finite, a
    truncation it cannot place) is a :class:`TransformError`: nothing is certified.
    """
    try:
        return solve(*args)
    except TransformError:
        raise
    except (ValueError, ArithmeticError) as exc:
        raise TransformError(f"the solution is not certified: {exc}") from None


# dks's starting points (its _ALWAYS_TRY_VALUES, in its order)
_SCALES, _SHIFTS, _OUT_SHIFTS = (1.0, 0.1), (0.0, 1.0, -1.0), (0.0, 1.0, -1.0)


def _flip_odd(act: CatalogueActivation, x: list[float], with_o: bool) -> list[float]:
    """For odd ``f``, ``(alpha, b, o)`` and ``(alpha, -b, -o)`` give the same maps: ``b >= 0``."""
    if act.odd and x[1] < 0:
        return [x[0], -x[1]] + ([-x[2]] if with_o else [])
    return x


def _local_maps(act: CatalogueActivation, alpha: arb, b: arb, o: arb | None,
                smooth: bool) -> tuple[arb, arb, dict[str, arb]]:
    """``(o, S, maps)`` on a box (``o = None``: DKS's ``o = -E f(u)``)."""
    m = _Moments(act, alpha, b, (), False)
    v = m.var().v
    m1, m2, d2 = m.e("f").v, m.e("f2").v, m.e("df2").v
    if o is None:
        o = -m1
        p = m2 - m1 * m1
    else:
        p = m2 + 2 * o * m1 + o * o
    s = 1 / p.sqrt()
    q1 = s * s * p
    maps = {"Q(1)": q1,
            "Q'(1)": s * s * v * (m.e("f2", 1).v + 2 * o * m.e("f", 1).v),
            "C(0)": s * s * (m1 + o) * (m1 + o) / q1,
            "C'(1)": s * s * v * d2 / q1}
    if smooth:
        maps["C''(1)"] = s * s * v * v * m.e("ddf2").v / q1
    return o, s, maps


def _dks(act: CatalogueActivation, zeta: Fraction, depth: int, w: Fraction | None,
         prec: int) -> Transform:
    with ctx.workprec(prec):
        name, xi = per_layer_target("dks", zeta, depth, w)
    notes = []
    if act.name == "relu":
        shift = Fraction(1) if xi < ball(RELU_SHIFT_SWITCH) else Fraction(-1)
        if not (xi < ball(RELU_SHIFT_SWITCH) or xi > ball(RELU_SHIFT_SWITCH)):
            raise TransformError("the per-layer target is too close to dks's ReLU switch "
                                 "1.466942206924260361 to decide the input shift")
        names: tuple[str, ...] = ("input_scale",)
        fixed = ball(shift)
        starts: list[list[float]] = [[s] for s in _SCALES]
        notes.append(f"ReLU: input_shift fixed at {_show(shift)} and Q'(1) not targeted, as "
                     "in dks")
    else:
        names, fixed = ("input_scale", "input_shift"), None
        starts = [[s, b] for s in _SCALES for b in _SHIFTS]
    eqs = _residual_fn(act, "dks", names, fixed,
                       lambda: per_layer_target("dks", zeta, depth, w)[1])
    x0 = _float_candidates(_float_equations(act, "dks", names, None if fixed is None
                                            else float(fixed.mid()), float(xi.mid())),
                           starts, lambda x: True)
    if x0 is None:
        raise TransformError(f"{act.spec}: no solution of the DKS equations found from dks's "
                             "starting points (not a proof that none exists)")
    if fixed is None:
        x0 = _flip_odd(act, x0, False)
    xbox, root, bits = _certify(eqs, x0, prec)
    box = dict(zip(names, xbox, strict=True))
    with ctx.workprec(bits):
        alpha = root[0]
        b = root[1] if fixed is None else fixed
        o, s, maps = _local_maps(act, alpha, b, None, has_second_derivative(act))
        params = {"input_scale": alpha, "input_shift": b, "output_shift": o, "output_scale": s}
        network = {"C'_f(1)": _network_value("dks", maps["C'(1)"], depth, w)}
    if act.odd:
        notes.append("odd f: (input_shift, output_shift) and their negatives give the same "
                     "maps; the solution with input_shift >= 0 is reported")
    notes.append("input_scale > 0: the maps depend on it through its square only")
    return Transform(act.spec, "dks", {"zeta": zeta}, depth, w, (name, xi), params,
                     ("input_shift",) if fixed is not None else (), box, maps, network, notes)


def _tat_smooth(act: CatalogueActivation, tau: Fraction, depth: int, w: Fraction | None,
                prec: int) -> Transform:
    with ctx.workprec(prec):
        name, k = per_layer_target("tat", tau, depth, w)
    names = ("input_scale", "input_shift", "output_shift")
    eqs = _residual_fn(act, "tat", names, None, lambda: per_layer_target("tat", tau, depth, w)[1])

    def accept(x: list[float]) -> bool:  # dks's reject_condition: input_scale*S >= 2
        with ctx.workprec(64):
            _, s, _ = _local_maps(act, arb(x[0]), arb(x[1]), arb(x[2]), False)
        return float(x[0]) * float(s.mid()) < 2

    starts = [[s, b, o] for s in _SCALES for b in _SHIFTS for o in _OUT_SHIFTS]
    x0 = _float_candidates(_float_equations(act, "tat", names, None, float(k.mid())),
                           starts, accept)
    if x0 is None:
        raise TransformError(f"{act.spec}: no solution of the TAT equations with "
                             "input_scale*output_scale < 2 found from dks's starting points "
                             "(not a proof that none exists)")
    x0 = _flip_odd(act, x0, True)
    xbox, root, bits = _certify(eqs, x0, prec)
    box = dict(zip(names, xbox, strict=True))
    with ctx.workprec(bits):
        alpha, b, o = root
        _, s, maps = _local_maps(act, alpha, b, o, True)
        if not alpha * s < 2:
            raise TransformError("input_scale*output_scale < 2 (dks's acceptance condition) "
                                 "is not certified for the solution found")
        params = {"input_scale": alpha, "input_shift": b, "output_shift": o, "output_scale": s}
        network = {"C''_f(1)": _network_value("tat", maps["C''(1)"], depth, w)}
    notes = ["input_scale*output_scale < 2 certified (dks rejects other solutions)",
             "input_scale > 0: the maps depend on it through its square only"]
    if act.odd:
        notes.append("odd f: (input_shift, output_shift) and their negatives give the same "
                     "maps; the solution with input_shift >= 0 is reported")
    return Transform(act.spec, "tat", {"tau": tau}, depth, w, (name, k), params, (), box,
                     maps, network, notes)


def _tat_leaky(eta: Fraction, depth: int, w: Fraction | None, prec: int) -> Transform:
    def equations(x: Sequence[arb], grad: bool) -> list[_Jet]:
        c, dc = _network_c0(x[0], depth, w)
        return [_Jet(c - ball(eta), [dc] if grad else None)]  # ball at the working precision

    # a float start: bisection of the decreasing C_f(0) in the slope on [0, 1]
    lo, hi = 0.0, 1.0
    with ctx.workprec(64):
        top = _network_c0(arb(0), depth, w)[0]
        if not top > ball(eta):
            # C(c; s) = c + (1 - s)^2/(1 + s^2) (K(c)/pi - c) decreases in s on [0, 1] and
            # increases in c, so C_f(0) is largest at s = 0
            raise TransformError(
                f"no negative slope in [0, 1] reaches C_f(0) = {_show(eta)}: C_f(0) decreases "
                f"in the slope and is in [{', '.join(_interval(top, 6))}] at slope 0 (deepen "
                "the network or lower --eta)")
        for _ in range(60):
            mid = (lo + hi) / 2
            if float(_network_c0(arb(mid), depth, w)[0].mid()) > float(eta):
                lo = mid
            else:
                hi = mid
    xbox, (s,), bits = _certify(equations, [(lo + hi) / 2], prec)
    with ctx.workprec(bits):
        scale = (2 / (1 + s * s)).sqrt()
        c0, dc0, _ = leaky_relu_cmap(arb(0), s)
        one = arb(1)
        maps = {"Q(1)": scale * scale * (1 + s * s) / 2, "Q'(1)": scale * scale * (1 + s * s) / 2,
                "C(0)": c0, "C'(1)": ((1 - s) * (1 - s) * (arb.pi() - one.acos()) / arb.pi()
                                      + 2 * s) / (1 + s * s)}
        network = {"C_f(0)": _network_c0(s, depth, w)[0]}
    return Transform("leaky_relu", "tat", {"eta": eta}, depth, w, None,
                     {"negative_slope": s, "output_scale": scale}, (), {"negative_slope": xbox[0]},
                     maps, network,
                     ["leaky ReLU: the local C map in closed form (arc-cosine kernel), "
                      "output_scale = sqrt(2/(1 + negative_slope^2)) gives Q(1) = 1, as in dks",
                      "the solution is the only one in [0, 1]: C_f(0) strictly decreases in "
                      "the slope there"])
