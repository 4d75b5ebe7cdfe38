"""The activation catalogue, as formulas: what a rigorous Gaussian integrator needs to know.

Trusted.  Every activation is a formula (:mod:`selu_proof.kernel.formula`), the catalogue
entries included (:data:`CATALOGUE`: a name, its formula, its parameters with defaults).
From the formula's tree alone come

* its **pieces**: the open intervals between the kinks (exact rationals: they do not move
  when the Gaussian's mean and variance are balls), each with a holomorphic extension of
  ``f`` and ``f'`` as complex-ball functions ``(x: acb, analytic: bool) -> acb`` following
  python-flint's :meth:`acb.integral` convention (non-finite at poles, and where a branch
  cut may be touched when ``analytic`` is set);
* proved **growth bounds** ``|f(x)| <= P(|x|) e^{c|x|}`` and the same for ``|f'|`` on the
  whole line (:class:`Growth`, :mod:`selu_proof.kernel.formula_growth`), which bound the
  truncated Gaussian tails.

Text accepted by :func:`parse_activation`: a catalogue name with exact decimal parameters,
``NAME:key=value,...`` (``elu:alpha=1.5``), or a formula in ``x`` with its parameters after
a semicolon, ``FORMULA; key=value, ...`` (``x*sigmoid(b*x); b=1.702``).  A parameter's value
is an exact decimal or a kernel constant's name (``alpha_01``, ``lambda_01``).
Float (numpy) twins live in :mod:`selu_proof.numeric.activations`, torch twins in
:mod:`selu_proof.torch.activations`; both are read off the same tree and tested against the
ball values here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

from flint import acb, arb, ctx

from selu_proof.kernel.exact import ball, exact_str, fraction_str, parse_decimal
from selu_proof.kernel.formula import (
    CONSTANTS,
    ActivationError,
    Node,
    bind,
    compile_ball,
    derivative,
    formula_text,
    parse_formula,
    split,
)
from selu_proof.kernel.formula_growth import growth_of

__all__ = ["Growth", "Piece", "CatalogueActivation", "CATALOGUE", "ALIASES", "parse_activation",
           "make_activation", "formula_activation", "ActivationError"]

Fn = Callable[[acb, bool], acb]


@dataclass(frozen=True)
class Growth:
    r"""A proved growth bound of a function ``h`` on the real line.

    .. math:: |h(x)| \le \Bigl(\sum_k c_k |x|^k\Bigr) e^{r|x|}
              \qquad (x \in \mathbb{R},\ |x| \ge T)

    Attributes
    ----------
    threshold : Fraction
        ``T``.
    coeffs : tuple of Fraction
        ``c_0, c_1, ...``, all ``>= 0``.
    rate : Fraction
        ``r >= 0`` (``0``: polynomial growth).
    """

    threshold: Fraction
    coeffs: tuple[Fraction, ...]
    rate: Fraction = Fraction(0)

    def __post_init__(self) -> None:
        if self.threshold < 0 or any(c < 0 for c in self.coeffs) or self.rate < 0:
            raise ValueError("a growth bound has T >= 0 and non-negative coefficients and rate")

    def times(self, other: Growth) -> Growth:
        """The bound of a product ``h1*h2`` (coefficients convolved, rates added, ``T`` the
        larger).
        """
        out = [Fraction(0)] * (len(self.coeffs) + len(other.coeffs) - 1)
        for i, c in enumerate(self.coeffs):
            for j, d in enumerate(other.coeffs):
                out[i + j] += c * d
        return Growth(max(self.threshold, other.threshold), tuple(out), self.rate + other.rate)

    def at(self, x: arb) -> arb:
        """The bound's value ``(sum c_k |x|^k) e^{r|x|}`` as a ball."""
        ax = abs(x)
        total = arb(0)
        for c in reversed(self.coeffs):
            total = total * ax + ball(c)
        return total * (ball(self.rate) * ax).exp() if self.rate else total


@dataclass(frozen=True)
class Piece:
    """``f`` and ``f'`` on the open interval ``(lo, hi)`` (``None``: unbounded)."""

    lo: Fraction | None
    hi: Fraction | None
    value: Fn
    derivative: Fn


@dataclass(frozen=True)
class CatalogueActivation:
    """A catalogue activation with its parameters bound.

    Attributes
    ----------
    name : str
        Catalogue name (aliases resolved, e.g. ``swish`` -> ``silu``).
    params : Mapping[str, Fraction | str]
        Parameter name -> exact value (:class:`~fractions.Fraction`) or the name of a
        kernel constant (``"alpha_01"``, ``"lambda_01"``).
    pieces : tuple of Piece
        Ordered, covering the real line; consecutive pieces meet at a kink.
    growth, derivative_growth : Growth
        Proved bounds on ``|f|`` and ``|f'|``.
    centre : Fraction or None
        An exact rational ``k`` with ``f(x) + f(-x) = 2k`` for every real ``x`` (``f`` is
        odd about ``k``: ``f - k`` is odd, so ``E f(z) = k`` for ``z ~ N(0, v)``), proved
        from the formula's syntax (:func:`_symmetry`); ``None`` when no rule proves one.
    spec : str
        ``NAME:key=value,...`` with every parameter, or ``FORMULA; key=value, ...``, as
        :func:`parse_activation` reads it.
    formula : str
        The canonical text of the formula (parameters by name, unbound).
    tree : Node or None
        The formula's tree with the parameters bound.
    """

    name: str
    params: Mapping[str, Fraction | str]
    pieces: tuple[Piece, ...]
    growth: Growth
    derivative_growth: Growth
    centre: Fraction | None = None
    spec: str = field(default="", compare=False)
    formula: str = field(default="", compare=False)
    tree: Node | None = field(default=None, compare=False, repr=False)

    @property
    def odd(self) -> bool:
        """``f(-x) = -f(x)`` exactly (odd about 0, :attr:`centre`), so ``E f(z) = 0`` for
        ``z ~ N(0, v)``.
        """
        return self.centre == 0

    @property
    def zero_mean(self) -> bool:
        """Whether ``E f(z) = 0`` exactly, ``z ~ N(0, 1)`` (odd ``f``, or SELU at ``alpha_01``)."""
        return self.odd or (self.name == "selu" and self.params.get("alpha") == "alpha_01")

    @property
    def kinks(self) -> tuple[Fraction, ...]:
        """The points where consecutive pieces meet (kinks of ``f``, and for a catalogue
        entry the points where the integrator is helped by a split: ``0``, where the
        numerically stable form of a logistic function changes, or ``-2`` and ``2`` for
        GELU).
        """
        return tuple(p.hi for p in self.pieces[:-1])  # type: ignore[misc]

    def value(self, x: arb) -> arb:
        """``f(x)`` for a real ball ``x`` inside one piece (at a kink: the left piece)."""
        return self._eval(x, derivative=False)

    def derivative(self, x: arb) -> arb:
        """``f'(x)`` for a real ball ``x`` inside one piece (at a kink: the left piece)."""
        return self._eval(x, derivative=True)

    def _eval(self, x: arb, derivative: bool) -> arb:
        for p in self.pieces:
            if p.hi is None or x <= ball(p.hi):
                if p.lo is not None and not x >= ball(p.lo):
                    raise ValueError("point ball straddles a kink of the activation")
                fn = p.derivative if derivative else p.value
                return fn(acb(x), False).real
        raise AssertionError("pieces cover the real line")




# ---------------------------------------------------------------------------------------
# formulas to activations

#: functions odd about a centre ``m``: ``phi(t) + phi(-t) = 2m`` for every real ``t``
_ODD_FUNCTIONS = {
    "tanh": Fraction(0), "erf": Fraction(0), "atan": Fraction(0), "asinh": Fraction(0),
    # 1/(1 + e^-t) + 1/(1 + e^t) = 1/(1 + e^-t) + e^-t/(e^-t + 1) = 1
    "sigmoid": Fraction(1, 2),
    # erfc(t) + erfc(-t) = (1 - erf(t)) + (1 + erf(t)) = 2 (erf is odd)
    "erfc": Fraction(1),
}


@dataclass(frozen=True)
class Symmetry:
    """What the rules of :func:`_symmetry` prove about a tree ``g`` under ``x -> -x``.

    ``centre``: an exact rational ``k`` with ``g(x) + g(-x) = 2k`` for every real ``x``
    (``g`` is *odd about* ``k``: ``g - k`` is odd; odd is odd about 0), or ``None``;
    ``even``: ``g(-x) = g(x)``.  Both at once say ``g`` is the constant ``k``.
    """

    centre: Fraction | None = None
    even: bool = False

    @property
    def constant(self) -> Fraction | None:
        """``k`` when ``g`` is the constant ``k`` (odd about ``k`` and even)."""
        return self.centre if self.even else None


_UNKNOWN = Symmetry()


def _symmetry(n: Node) -> Symmetry:
    """The symmetry of a tree under ``x -> -x`` proved from its syntax (see
    :class:`Symmetry`); each rule's proof is beside it.  ``g``, ``h`` are the arguments
    with ``g(x) + g(-x) = 2k``, ``h(x) + h(-x) = 2m``.
    """
    if n.op == "x":
        return Symmetry(Fraction(0))  # -x = -(x)
    if n.op == "num":
        return Symmetry(n.value, True)  # c + c = 2c, and c does not depend on x
    if n.op == "const":
        return Symmetry(None, True)  # not a rational: even only
    if n.op in ("max", "min"):
        clamp = _clamp(n)
        if clamp is not None:
            return clamp
    args = [_symmetry(c) for c in n.args]
    even = all(s.even for s in args)  # a function of even arguments is even
    if n.op in ("max", "min", "where"):
        return Symmetry(None, even and n.op != "where")
    g = args[0]
    k = g.centre
    if n.op in ("add", "sub"):
        h = args[1]
        # g(x) +- h(x) + g(-x) +- h(-x) = 2(k +- m)
        centre = None if k is None or h.centre is None else \
            k + h.centre if n.op == "add" else k - h.centre
        return Symmetry(centre, even)
    if n.op == "neg":
        return Symmetry(None if k is None else -k, g.even)  # -g(x) - g(-x) = -2k
    if n.op in ("mul", "div"):
        h = args[1]
        m = h.centre
        # odd*odd, odd/odd and even*even, even/even are even
        even = even or (k == 0 and m == 0)
        centre = None
        if (k == 0 and h.even) or (g.even and m == 0):
            centre = Fraction(0)  # odd*even, odd/even, even/odd are odd
        elif n.op == "mul" and g.constant is not None and m is not None:
            centre = g.constant * m  # c h(x) + c h(-x) = 2cm
        elif n.op == "mul" and h.constant is not None and k is not None:
            centre = h.constant * k
        elif n.op == "div" and h.constant and k is not None:
            centre = k / h.constant  # g(x)/c + g(-x)/c = 2k/c
        return Symmetry(centre, even)
    if n.op == "pow":
        if g.constant is not None and not (g.constant == 0 and n.value < 0):
            return Symmetry(g.constant ** n.value, True)
        if k == 0:  # (-g)^n = (-1)^n g^n
            return Symmetry(Fraction(0), False) if n.value % 2 else Symmetry(None, True)
        return Symmetry(None, g.even)
    if n.op == "abs":
        if g.constant is not None:
            return Symmetry(abs(g.constant), True)
        return Symmetry(None, g.even or k == 0)  # |-g| = |g|
    if g.even:
        return Symmetry(None, True)  # phi(g(-x)) = phi(g(x)) for even g
    m = _ODD_FUNCTIONS.get(n.op)
    if k == 0 and m is not None:
        return Symmetry(m)  # phi(g(-x)) = phi(-g(x)) = 2m - phi(g(x))
    return _UNKNOWN


def _clamp(n: Node) -> Symmetry | None:
    """``min(max(g, lo), hi)`` or ``max(min(g, hi), lo)`` (either argument order), ``lo``
    and ``hi`` numbers with ``lo <= hi``, ``g`` odd about ``k`` and ``lo + hi = 2k``: odd
    about ``k``.  With ``d = (hi - lo)/2 >= 0`` both orders of clamping are
    ``k + c(g - k)``, ``c(t) = min(max(t, -d), d)``, and ``c`` is odd:
    ``c(-t) = min(-min(t, d), d) = -max(min(t, d), -d) = -c(t)`` (the two orders agree for
    ``-d <= d``), so ``k + c(g(x) - k) + k + c(g(-x) - k) = 2k``.
    """
    outer = n.op
    inner = "min" if outer == "max" else "max"
    for i in (0, 1):
        c, rest = _number(n.args[i]), n.args[1 - i]
        if c is None or rest.op != inner:
            continue
        for j in (0, 1):
            c2, g = _number(rest.args[j]), rest.args[1 - j]
            if c2 is None:
                continue
            lo, hi = (c, c2) if outer == "max" else (c2, c)
            k = _symmetry(g).centre
            if lo <= hi and k is not None and lo + hi == 2 * k:
                return Symmetry(k)
    return None


def _number(n: Node) -> Fraction | None:
    """The exact value of a number node, or of a negated one (``-1`` parses as ``neg``)."""
    if n.op == "num":
        return n.value
    if n.op == "neg" and n.args[0].op == "num":
        return -n.args[0].value
    return None


_RATIONAL_OPS = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b,
                 "mul": lambda a, b: a * b, "neg": lambda a: -a, "abs": abs}


def _exact(n: Node, x: Fraction) -> Fraction | None:
    """The value of a tree at ``x`` as an exact rational, when it is built of numbers, ``x``
    and ``+ - * / abs`` and integer powers only (``None`` otherwise, or on a zero divisor).
    """
    if n.op == "num":
        return n.value
    if n.op == "x":
        return x
    args = [_exact(c, x) for c in n.args]
    if any(a is None for a in args):
        return None
    if n.op == "div":
        return None if args[1] == 0 else args[0] / args[1]
    if n.op == "pow":
        return None if args[0] == 0 and n.value < 0 else args[0] ** n.value
    fn = _RATIONAL_OPS.get(n.op)
    return None if fn is None else fn(*args)


def _at(n: Node, x: Fraction) -> Node:
    """The tree with the number ``x`` in place of the variable, each part with an exact
    rational value (:func:`_exact`) folded into that number, so that ``-0.5`` written as a
    negated number and the kink ``-0.5`` put for ``x`` compare equal.
    """
    q = _exact(n, x)
    if q is not None:
        return Node("num", (), q)
    return Node(n.op, tuple(_at(c, x) for c in n.args), n.value) if n.args else n


def _check_continuous(pieces: list[tuple[tuple[Fraction | None, Fraction | None], Node]]
                      ) -> None:
    """Raise :class:`ActivationError` unless ``f`` is proved continuous at every point where
    two pieces meet: the same tree on both sides (also once the kink is put for ``x``), or
    both sides' values at the (exact rational) kink proved equal, as exact rationals or as
    exact balls (``expm1(0) = 0``,
    ``lambda*0 = 0``).  A jump would make ``f'`` (``chi1``, the GPN constants, the kernel
    slope) the derivative of the pieces alone, which misses the jump's delta.
    """
    for ((_, k), left), ((_, _), right) in zip(pieces, pieces[1:]):
        if left == right:
            continue
        assert k is not None
        if _at(left, k) == _at(right, k):  # the same expression once x is the kink
            continue
        a, b = _exact(left, k), _exact(right, k)
        if a is not None and b is not None:
            if a == b:
                continue
            raise ActivationError(f"formula: f jumps at x = {exact_str(k)} (from "
                                  f"{exact_str(a)} to {exact_str(b)}); only continuous "
                                  "activations are supported")
        with ctx.workprec(256):
            ya, yb = (compile_ball(t)(acb(ball(k)), False) for t in (left, right))
        if ya.is_exact() and yb.is_exact() and ya == yb:
            continue
        if not ya.overlaps(yb):
            raise ActivationError(f"formula: f jumps at x = {exact_str(k)}; only "
                                  "continuous activations are supported")
        raise ActivationError(f"formula: f is not proved continuous at x = {exact_str(k)} "
                              f"({formula_text(left)} and {formula_text(right)} are not "
                              "proved equal there); only continuous activations are supported")


@lru_cache(maxsize=256)
def _build(formula: str, params: tuple[tuple[str, Fraction | str], ...], name: str, spec: str,
           splits: tuple[Fraction, ...], rename: tuple[tuple[str, str], ...] = ()
           ) -> CatalogueActivation:
    """The activation of a formula; ``rename``: parameter name -> its name in the formula
    (``lambda`` is a Python keyword: SELU's formula calls it ``lam``).
    """
    tree = parse_formula(formula)
    names = dict(rename)
    bound = bind(tree, {names.get(k, k): v for k, v in params})
    pieces = split(bound, splits)
    _check_continuous(pieces)
    derivs = [(region, derivative(t)) for region, t in pieces]
    grow = growth_of(pieces)
    try:
        dgrow = growth_of(derivs)
    except ActivationError as exc:
        raise ActivationError(f"the derivative of {formula_text(tree)}: {exc}") from None
    fns: dict[Node, Callable[[acb, bool], acb]] = {}

    def fn(t: Node) -> Callable[[acb, bool], acb]:
        got = fns.get(t)
        if got is None:
            got = fns[t] = compile_ball(t)
        return got

    out = tuple(Piece(lo, hi, fn(t), fn(d)) for ((lo, hi), t), (_, d) in zip(pieces, derivs))
    return CatalogueActivation(
        name, dict(params), out, Growth(Fraction(0), *grow), Growth(Fraction(0), *dgrow),
        _symmetry(bound).centre, spec, formula_text(tree), bound)


def _show(v: Fraction | str) -> str:
    return v if isinstance(v, str) else fraction_str(v)


def _value_of(key: str, text: str, where: str) -> Fraction | str:
    if text in CONSTANTS and text != "pi":
        return text
    try:
        return parse_decimal(text)
    except ValueError as exc:
        raise ActivationError(f"{where}: parameter {key}={text!r}: {exc}") from None


def formula_activation(formula: str, params: Mapping[str, str] | None = None,
                       splits: tuple[Fraction, ...] = ()) -> CatalogueActivation:
    """The activation of a formula in ``x`` with its parameters (exact decimal strings or
    kernel constant names).

    >>> act = formula_activation("x*sigmoid(b*x)", {"b": "1.702"})
    >>> act.spec, act.kinks
    ('x*sigmoid(b*x); b=1.702', ())
    """
    tree = parse_formula(formula)
    given = dict(params or {})
    order = [p for p in _names(tree) if p in given] + sorted(set(given) - set(_names(tree)))
    bound = tuple((k, _value_of(k, given[k], "formula")) for k in order)
    text = formula_text(tree)
    spec = text + ("; " + ", ".join(f"{k}={_show(v)}" for k, v in bound) if bound else "")
    return _build(text, bound, text, spec, tuple(sorted(splits)))


def _names(tree: Node) -> list[str]:
    from selu_proof.kernel.formula import parameters_of
    return parameters_of(tree)


# ---------------------------------------------------------------------------------------
# the catalogue


@dataclass(frozen=True)
class _Param:
    default: str  # an exact decimal or a kernel constant's name
    check: Callable[[Fraction], bool]
    meaning: str  # the allowed range, for the error message


_CONSTANTS = ("alpha_01", "lambda_01")


def _positive(q: Fraction) -> bool:
    return 0 < q <= 1000


def _nonneg(q: Fraction) -> bool:
    return 0 <= q <= 1000


def _bounded(q: Fraction) -> bool:
    return -1000 <= q <= 1000


def _beta(q: Fraction) -> bool:
    return 0 < q <= 100


@dataclass(frozen=True)
class _Entry:
    formula: str
    params: Mapping[str, _Param] = field(default_factory=dict)
    #: parameter name -> its name in the formula
    rename: tuple[tuple[str, str], ...] = ()
    #: points where the integrator is helped by a split (not kinks: the formula is smooth
    #: there); 0 where a logistic function's stable form changes, -2 and 2 for GELU
    #: (about 20% fewer integrand evaluations measured, where Phi turns to 1)
    splits: tuple[Fraction, ...] = ()
    summary: str = ""


_ALPHA = _Param("1", _nonneg, "0 <= alpha <= 1000")
_MID = (Fraction(0),)
_GELU = (Fraction(-2), Fraction(2))
#: branch points at +/-i keep the integrator's ellipses thin near 0: splits at -4, 0, 4
#: spread that work (at v = 1000 the largest integration needs about a third of the
#: evaluations of one piece; tests/test_leaf_work.py)
_CUTS = (Fraction(-4), Fraction(0), Fraction(4))

#: name -> entry; the formula, its parameters with their defaults and allowed ranges
CATALOGUE: dict[str, _Entry] = {
    "selu": _Entry("lam*where(x > 0, x, alpha*expm1(x))",
                   {"alpha": _Param("alpha_01", _nonneg, "0 <= alpha <= 1000"),
                    "lambda": _Param("lambda_01", _positive, "0 < lambda <= 1000")},
                   rename=(("lambda", "lam"),),
                   summary="lambda*x (x>0), lambda*alpha*(e^x-1) (x<=0)"),
    "elu": _Entry("where(x > 0, x, alpha*expm1(x))", {"alpha": _ALPHA},
                  summary="x (x>0), alpha*(e^x-1) (x<=0)"),
    "celu": _Entry("where(x > 0, x, alpha*expm1(x/alpha))",
                   {"alpha": _Param("1", _positive, "0 < alpha <= 1000")},
                   summary="x (x>0), alpha*(e^(x/alpha)-1) (x<=0)"),
    "relu": _Entry("max(x, 0)", summary="max(x, 0)"),
    "leaky_relu": _Entry("where(x > 0, x, slope*x)",
                         {"slope": _Param("0.01", _bounded, "-1000 <= slope <= 1000")},
                         summary="x (x>0), slope*x (x<=0)"),
    "gelu": _Entry("x*erfc(-x/sqrt(2))/2", splits=_GELU, summary="x*Phi(x) (erf form)"),
    "silu": _Entry("x*sigmoid(beta*x)", {"beta": _Param("1", _beta, "0 < beta <= 100")},
                   splits=_MID, summary="x*sigmoid(beta*x)"),
    "mish": _Entry("x*tanh(softplus(x))", splits=_MID, summary="x*tanh(softplus(x))"),
    "tanh": _Entry("tanh(x)", splits=_MID, summary="tanh(x)"),
    "softplus": _Entry("softplus(x)", splits=_MID, summary="log(1 + e^x)"),
    "relu6": _Entry("min(max(x, 0), 6)", summary="min(max(x, 0), 6)"),
    "sigmoid": _Entry("sigmoid(x)", splits=_MID, summary="1/(1 + e^-x)"),
    "log_sigmoid": _Entry("-softplus(-x)", splits=_MID, summary="log(1/(1 + e^-x))"),
    "softsign": _Entry("x/(1 + abs(x))", summary="x/(1 + |x|)"),
    "hardtanh": _Entry("max(-1, min(1, x))", summary="max(-1, min(1, x))"),
    "hardswish": _Entry("x*min(max(x + 3, 0), 6)/6", summary="x*relu6(x + 3)/6"),
    "hardsigmoid": _Entry("min(max(x + 3, 0), 6)/6", summary="relu6(x + 3)/6"),
    "gelu_tanh": _Entry("x*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x**3)))/2", splits=_GELU,
                        summary="GELU, tanh approximation"),
    "erf": _Entry("erf(x)", splits=_MID, summary="erf(x)"),
    "atan": _Entry("atan(x)", splits=_CUTS, summary="atan(x)"),
    "asinh": _Entry("asinh(x)", splits=_CUTS, summary="asinh(x)"),
    "bent_identity": _Entry("(sqrt(x**2 + 1) - 1)/2 + x", splits=_CUTS,
                            summary="(sqrt(x^2 + 1) - 1)/2 + x"),
}

#: alternative names
ALIASES: dict[str, str] = {"swish": "silu"}


def make_activation(name: str, **params: str) -> CatalogueActivation:
    """The catalogue activation ``name`` with exact decimal parameters (defaults for the rest).

    >>> make_activation("elu", alpha="1.5").params
    {'alpha': Fraction(3, 2)}
    """
    key = ALIASES.get(name, name)
    entry = CATALOGUE.get(key)
    if entry is None:
        raise ActivationError(f"unknown activation {name!r}; choose one of "
                              f"{', '.join([*CATALOGUE, *ALIASES])}, or write a formula in x")
    bound: dict[str, Fraction | str] = {}
    for p, spec in entry.params.items():
        text = params.pop(p, None)
        if text is None or (text == spec.default and text in _CONSTANTS):
            # a kernel constant's name, as a spec string shows it (so specs round-trip)
            bound[p] = spec.default if spec.default in _CONSTANTS else Fraction(spec.default)
            continue
        try:
            q = parse_decimal(text)
        except ValueError as exc:
            raise ActivationError(f"{key}: parameter {p}={text!r}: {exc}") from None
        if not spec.check(q):
            raise ActivationError(f"{key}: parameter {p}={text} out of range ({spec.meaning})")
        bound[p] = q
    if params:
        allowed = ", ".join(entry.params) or "none"
        raise ActivationError(f"{key}: unknown parameter {sorted(params)[0]!r} "
                              f"(parameters: {allowed})")
    shown = ",".join(f"{k}={_show(v)}" for k, v in bound.items())
    return _build(entry.formula, tuple(bound.items()), key, key + (":" + shown if shown else ""),
                  entry.splits, entry.rename)


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _pairs(text: str, sep: str, where: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in text.split(sep):
        k, eq, val = item.partition("=")
        if not eq or not k.strip() or not val.strip():
            raise ActivationError(f"{where}: expected key=value in {item.strip()!r}")
        if k.strip() in params:
            raise ActivationError(f"{where}: parameter {k.strip()!r} given twice")
        params[k.strip()] = val.strip()
    return params


def parse_activation(text: str) -> CatalogueActivation:
    """Parse ``NAME``, ``NAME:key=value,...`` (exact decimal values), or a formula
    ``FORMULA`` or ``FORMULA; key=value, ...``.

    >>> parse_activation("silu:beta=2").spec
    'silu:beta=2'
    >>> parse_activation("x/(1 + abs(x))").kinks
    (Fraction(0, 1),)
    >>> parse_activation("tanh:beta=1")
    Traceback (most recent call last):
    ...
    selu_proof.kernel.formula.ActivationError: tanh: unknown parameter 'beta' (parameters: none)
    """
    if isinstance(text, CatalogueActivation):
        return text
    if not isinstance(text, str):
        raise ActivationError(f"an activation is a name or a formula, got {type(text).__name__}")
    text = text.strip()
    name, colon, rest = text.partition(":")
    name = name.strip()
    if _NAME.fullmatch(name) and name != "x" and (colon or ";" not in text):
        # a catalogue name (a bare name other than x is never a formula: x is the variable)
        params = _pairs(rest, ",", name) if rest.strip() or colon else {}
        return make_activation(name, **params)
    formula, semi, rest = text.partition(";")
    return formula_activation(formula, _pairs(rest, ",", "formula") if semi else {})
