r"""Activations written as formulas: the grammar, the expression tree, and what is read off it.

Trusted.  A formula such as ``x*sigmoid(b*x)`` is parsed by a whitelist over Python's
:mod:`ast` (never ``eval``) into a small immutable tree (:class:`Node`).  From that tree
alone come

* its **canonical text** (:func:`formula_text`: parsing it gives the same tree);
* its **kinks**: ``abs``, ``max``, ``min`` and ``where`` switch where an argument, affine
  in ``x`` with exact rational coefficients on the piece where it is read, crosses zero
  (:func:`split`), so every kink is an exact rational; on each piece between kinks the
  switches are resolved and the tree is switch-free;
* **derivatives** by rules on the switch-free tree (:func:`derivative`);
* **complex-ball evaluators** for python-flint's :meth:`acb.integral` (:func:`compile_ball`):
  poles (``tanh``, ``sigmoid``, a division) give non-finite balls by ball arithmetic, and a
  branch cut (``log``, ``log1p``, ``sqrt``, ``softplus``, ``atan``, ``asinh``) is checked
  when the integrator asks for holomorphy, returning a non-finite ball where it may be
  touched;
* **growth bounds** by proved rules (:mod:`selu_proof.kernel.formula_growth`).

Grammar: ``x``; exact decimals; parameters (any other name; bound by :func:`bind`); the
constants ``pi``, ``alpha_01``, ``lambda_01``; ``+ - * /``; integer powers ``**n``
(``|n| <= 16``); the functions of :data:`FUNCTIONS`; ``where(L > R, a, b)`` (also ``<``,
``>=``, ``<=``).  Limits: :data:`MAX_LENGTH` characters, depth :data:`MAX_DEPTH`,
:data:`MAX_NODES` nodes, :data:`MAX_KINKS` kinks, numbers ``|q| <= 10^6`` with at most 12
decimals.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from flint import acb, arb, ctx

from selu_proof.kernel.constants import constant_balls
from selu_proof.kernel.exact import ball, fraction_str, parse_decimal

__all__ = ["Node", "ActivationError", "FUNCTIONS", "CONSTANTS", "parse_formula", "formula_text",
           "parameters_of", "bind", "split", "derivative", "compile_ball", "uses_x",
           "MAX_LENGTH", "MAX_DEPTH", "MAX_NODES", "MAX_KINKS", "Region"]

MAX_LENGTH = 400
MAX_DEPTH = 24
MAX_NODES = 160
MAX_KINKS = 32
MAX_POWER = 16
_MAX_NUMBER = Fraction(10**6)
_MAX_DENOMINATOR = 10**12

#: function name -> number of arguments
FUNCTIONS = {"exp": 1, "expm1": 1, "log": 1, "log1p": 1, "sqrt": 1, "tanh": 1, "sigmoid": 1,
             "erf": 1, "erfc": 1, "atan": 1, "asinh": 1, "softplus": 1, "abs": 1, "max": 2,
             "min": 2, "where": 3}
#: named constants (their balls from constant_ball)
CONSTANTS = ("pi", "alpha_01", "lambda_01")
_SWITCHES = ("abs", "max", "min", "where")
_COMPARE = {ast.Gt: ">", ast.Lt: "<", ast.GtE: ">=", ast.LtE: "<="}
_BINARY = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div"}

#: an interval of the real line between kinks, ``None`` for an infinite end
Region = tuple[Fraction | None, Fraction | None]


class ActivationError(ValueError):
    """An activation the kernel does not accept: unknown name or parameter, a formula outside
    the grammar or its limits, a switch that is not affine, or a growth with no rule.
    """


@dataclass(frozen=True)
class Node:
    """One node of a formula: ``op`` is ``x``, ``num`` (``value`` a Fraction), ``const`` or
    ``par`` (``value`` its name), ``add sub mul div neg``, ``pow`` (``value`` the integer
    exponent), a function of :data:`FUNCTIONS` (``where``: ``value`` the comparison, args
    ``L, R, a, b``).
    """

    op: str
    args: tuple[Node, ...] = ()
    value: Any = None


def _num(q: Fraction | int) -> Node:
    return Node("num", (), Fraction(q))


X = Node("x")
ZERO, ONE = _num(0), _num(1)


# --------------------------------------------------------------------------------- parsing


def _number(text: str, where: str) -> Fraction:
    try:
        q = parse_decimal(text)
    except ValueError as exc:
        raise ActivationError(f"{where}: {exc}") from None
    if abs(q) > _MAX_NUMBER or q.denominator > _MAX_DENOMINATOR:
        raise ActivationError(f"{where}: numbers are limited to |q| <= 10^6 with at most 12 "
                              f"decimals, got {text}")
    return q


class _Parser:
    def __init__(self, text: str) -> None:
        self.text, self.nodes = text, 0

    def seg(self, n: ast.AST) -> str:
        s = ast.get_source_segment(self.text, n) or type(n).__name__
        return s if len(s) <= 60 else s[:57] + "..."

    def refuse(self, n: ast.AST, why: str) -> ActivationError:
        return ActivationError(f"formula: {why}: {self.seg(n)}")

    def node(self, n: ast.AST, depth: int) -> Node:
        self.nodes += 1
        if depth > MAX_DEPTH or self.nodes > MAX_NODES:
            raise ActivationError(f"formula deeper than {MAX_DEPTH} or larger than {MAX_NODES} "
                                  "nodes")
        d = depth + 1
        if isinstance(n, ast.BinOp):
            if isinstance(n.op, ast.Pow):
                return Node("pow", (self.node(n.left, d),), self.exponent(n.right))
            if isinstance(n.op, ast.BitXor):
                raise self.refuse(n, "'^' is not a power here, write '**'")
            op = _BINARY.get(type(n.op))
            if op is None:
                raise self.refuse(n, f"operator {type(n.op).__name__} is not allowed")
            return Node(op, (self.node(n.left, d), self.node(n.right, d)))
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, (ast.USub, ast.UAdd)):
            inner = self.node(n.operand, d)
            return Node("neg", (inner,)) if isinstance(n.op, ast.USub) else inner
        if isinstance(n, ast.Constant) and type(n.value) in (int, float):
            return _num(_number(self.seg(n), "formula"))
        if isinstance(n, ast.Name):
            if n.id == "x":
                return X
            if n.id in CONSTANTS:
                return Node("const", (), n.id)
            if n.id in FUNCTIONS:
                raise self.refuse(n, "a function name used as a value")
            return Node("par", (), n.id)
        if isinstance(n, ast.Call):
            return self.call(n, d)
        if isinstance(n, ast.Compare):
            raise self.refuse(n, "a comparison is allowed only as where's first argument")
        kind = {ast.Attribute: "an attribute", ast.Subscript: "a subscript",
                ast.Lambda: "a lambda"}.get(type(n), type(n).__name__)
        if isinstance(n, ast.Constant):
            kind = "a string" if isinstance(n.value, str) else f"the constant {n.value!r}"
        elif isinstance(n, (ast.ListComp, ast.GeneratorExp, ast.SetComp, ast.DictComp)):
            kind = "a comprehension"
        raise self.refuse(n, f"{kind} is not allowed (only x, numbers, parameters, "
                             "+ - * / **, and calls of the listed functions)")

    def exponent(self, n: ast.AST) -> int:
        sign = 1
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub):
            sign, n = -1, n.operand
        if not (isinstance(n, ast.Constant) and type(n.value) is int and n.value <= MAX_POWER):
            raise self.refuse(n, f"a power must be an integer literal in [-{MAX_POWER}, "
                                 f"{MAX_POWER}]")
        return sign * n.value

    def call(self, n: ast.Call, d: int) -> Node:
        name = n.func.id if isinstance(n.func, ast.Name) else None
        if name not in FUNCTIONS:
            shown = name if name is not None else self.seg(n.func)
            raise self.refuse(n, f"unknown function {shown!r} (functions: "
                                 f"{', '.join(FUNCTIONS)})")
        if n.keywords or any(isinstance(a, ast.Starred) for a in n.args) \
                or len(n.args) != FUNCTIONS[name]:
            raise self.refuse(n, f"{name} takes {FUNCTIONS[name]} positional argument(s)")
        if name != "where":
            return Node(name, tuple(self.node(a, d) for a in n.args))
        cond, a, b = n.args
        if not (isinstance(cond, ast.Compare) and len(cond.ops) == 1
                and type(cond.ops[0]) in _COMPARE):
            raise self.refuse(cond, "where's first argument must be one comparison L > R "
                                    "(or <, >=, <=)")
        parts = (cond.left, cond.comparators[0], a, b)
        return Node("where", tuple(self.node(p, d) for p in parts), _COMPARE[type(cond.ops[0])])


def parse_formula(text: str) -> Node:
    """The tree of a formula (parameters unbound).

    >>> formula_text(parse_formula("x * sigmoid(1.702*x)"))
    'x*sigmoid(1.702*x)'
    >>> parse_formula("x^2")
    Traceback (most recent call last):
    ...
    selu_proof.kernel.formula.ActivationError: formula: '^' is not a power here, write '**': x^2
    """
    if not isinstance(text, str):
        raise ActivationError("a formula is a string")
    if len(text) > MAX_LENGTH:
        raise ActivationError(f"formula longer than {MAX_LENGTH} characters")
    try:
        body = ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        msg = getattr(exc, "msg", None) or str(exc) or type(exc).__name__
        raise ActivationError(f"formula: not an expression ({msg}): {text.strip()[:60]}") \
            from None
    try:
        return _Parser(text.strip()).node(body, 0)
    except RecursionError:
        raise ActivationError(f"formula deeper than {MAX_DEPTH}") from None


# ------------------------------------------------------------------------------ canonical text

_PREC = {"add": 1, "sub": 1, "mul": 2, "div": 2, "neg": 3, "pow": 4}
_SYMBOL = {"add": " + ", "sub": " - ", "mul": "*", "div": "/"}


def formula_text(n: Node) -> str:
    """The canonical text of a tree: :func:`parse_formula` of it gives the same tree."""
    if n.op == "x":
        return "x"
    if n.op == "num":
        return fraction_str(n.value)
    if n.op in ("const", "par"):
        return n.value
    if n.op in _SYMBOL:
        p = _PREC[n.op]
        left, right = n.args
        return _wrap(left, _PREC.get(left.op, 5) < p) + _SYMBOL[n.op] + \
            _wrap(right, _PREC.get(right.op, 5) <= p)
    if n.op == "neg":
        return "-" + _wrap(n.args[0], _PREC.get(n.args[0].op, 5) < 3)
    if n.op == "pow":
        base = n.args[0]
        return _wrap(base, _PREC.get(base.op, 5) <= 4 or base.op == "num" and base.value < 0) \
            + "**" + str(n.value)
    if n.op == "where":
        lhs, rhs, a, b = (formula_text(c) for c in n.args)
        return f"where({lhs} {n.value} {rhs}, {a}, {b})"
    return f"{n.op}({', '.join(formula_text(c) for c in n.args)})"


def _wrap(n: Node, paren: bool) -> str:
    s = formula_text(n)
    return f"({s})" if paren else s


# ---------------------------------------------------------------------------------- parameters


def parameters_of(n: Node) -> list[str]:
    """The parameter names of a tree, in order of first appearance."""
    out: list[str] = []

    def visit(m: Node) -> None:
        if m.op == "par" and m.value not in out:
            out.append(m.value)
        for c in m.args:
            visit(c)
    visit(n)
    return out


def bind(n: Node, params: Mapping[str, Fraction | str]) -> Node:
    """The tree with each parameter replaced by its value (a number, or a constant's name).

    Raises :class:`ActivationError` for a parameter with no value or a value for no parameter.
    """
    names = parameters_of(n)
    missing = [p for p in names if p not in params]
    if missing:
        raise ActivationError(f"formula: parameter {missing[0]!r} has no value")
    extra = sorted(set(params) - set(names))
    if extra:
        raise ActivationError(f"formula: unknown parameter {extra[0]!r} (parameters: "
                              f"{', '.join(names) or 'none'})")

    def sub(m: Node) -> Node:
        if m.op == "par":
            v = params[m.value]
            return Node("const", (), v) if isinstance(v, str) else _num(v)
        return Node(m.op, tuple(sub(c) for c in m.args), m.value) if m.args else m
    return sub(n)


def uses_x(n: Node) -> bool:
    """Whether the tree depends on ``x`` syntactically."""
    return n.op == "x" or any(uses_x(c) for c in n.args)


# ------------------------------------------------------------------------- kinks and pieces


def _affine(n: Node) -> tuple[Fraction, Fraction] | None:
    """``(p, q)`` with ``n = p x + q`` exactly (rational), or ``None``."""
    if n.op == "x":
        return Fraction(1), Fraction(0)
    if n.op == "num":
        return Fraction(0), n.value
    args = [_affine(c) for c in n.args] if n.op in ("add", "sub", "mul", "div", "neg") else []
    if not args or any(a is None for a in args):
        return None
    if n.op == "neg":
        return -args[0][0], -args[0][1]
    (p1, q1), (p2, q2) = args
    if n.op in ("add", "sub"):
        s = 1 if n.op == "add" else -1
        return p1 + s * p2, q1 + s * q2
    if n.op == "mul" and (p1 == 0 or p2 == 0):
        return p1 * q2 + p2 * q1, q1 * q2
    if n.op == "div" and p2 == 0 and q2 != 0:
        return p1 / q2, q1 / q2
    return None


def _point(region: Region) -> Fraction:
    lo, hi = region
    if lo is None:
        return Fraction(0) if hi is None else hi - 1
    return lo + 1 if hi is None else (lo + hi) / 2


def _resolve(n: Node, region: Region, new: set[Fraction]) -> Node:
    """The tree on ``region`` with its switches resolved; a switch whose argument vanishes
    inside the region adds that kink to ``new`` (the caller splits and resolves again).
    """
    if not n.args:
        return n
    before = len(new)
    args = tuple(_resolve(c, region, new) for c in n.args)
    if n.op not in _SWITCHES or len(new) > before:  # (an inner switch splits first)
        return Node(n.op, args, n.value)
    if n.op == "abs":
        arg = args[0]
    elif n.op == "where":
        arg = Node("sub", args[:2])
    else:
        arg = Node("sub", args)
    form = _affine(arg)
    if form is None:
        raise ActivationError(f"formula: {n.op} switches on {formula_text(arg)}, which is not "
                              "affine in x with exact coefficients")
    p, q = form
    lo, hi = region
    if p != 0 and (lo is None or -q / p > lo) and (hi is None or -q / p < hi):
        new.add(-q / p)
        return n
    s = p * _point(region) + q  # the argument's sign on the whole region (0: identically 0)
    if n.op == "abs":
        return args[0] if s >= 0 else Node("neg", args[:1])
    if n.op == "max":
        return args[0] if s >= 0 else args[1]
    if n.op == "min":
        return args[0] if s <= 0 else args[1]
    holds = {">": s > 0, "<": s < 0, ">=": s >= 0, "<=": s <= 0}[n.value]
    return args[2] if holds else args[3]


def split(n: Node, extra: tuple[Fraction, ...] = ()) -> list[tuple[Region, Node]]:
    """The pieces of a bound tree: ``[((lo, hi), switch-free tree), ...]`` covering the line,
    split at every kink and at the points ``extra`` (splits that help the integrator).
    """
    kinks = set(extra)
    while True:
        ends: list[Fraction | None] = [None, *sorted(kinks), None]
        new: set[Fraction] = set()
        pieces = [((lo, hi), _resolve(n, (lo, hi), new)) for lo, hi in zip(ends, ends[1:])]
        if not new:
            return pieces
        kinks |= new
        if len(kinks) > MAX_KINKS:
            raise ActivationError(f"formula: more than {MAX_KINKS} kinks")


# --------------------------------------------------------------------------------- derivatives


def _add(a: Node, b: Node) -> Node:
    return b if a == ZERO else a if b == ZERO else Node("add", (a, b))


def _mul(a: Node, b: Node) -> Node:
    if ZERO in (a, b):
        return ZERO
    return b if a == ONE else a if b == ONE else Node("mul", (a, b))


def _neg(a: Node) -> Node:
    return ZERO if a == ZERO else Node("neg", (a,))


def _div(a: Node, b: Node) -> Node:
    return ZERO if a == ZERO else a if b == ONE else Node("div", (a, b))


def _call(name: str, *args: Node) -> Node:
    return Node(name, args)


def _gauss(a: Node) -> Node:
    """``2 exp(-a^2)/sqrt(pi)`` (the derivative of ``erf``)."""
    return _div(_mul(_num(2), _call("exp", _neg(Node("pow", (a,), 2)))),
                _call("sqrt", Node("const", (), "pi")))


def derivative(n: Node) -> Node:
    """``d n / d x`` of a switch-free tree, by the rules of calculus (one rule per node)."""
    if not uses_x(n):
        return ZERO
    op, args = n.op, n.args
    if op == "x":
        return ONE
    da = [derivative(c) for c in args]
    a = args[0]
    if op in ("add", "sub"):
        return _add(da[0], da[1] if op == "add" else _neg(da[1]))
    if op == "neg":
        return _neg(da[0])
    if op == "mul":
        return _add(_mul(da[0], args[1]), _mul(a, da[1]))
    if op == "div":
        if not uses_x(args[1]):
            return _div(da[0], args[1])
        top = Node("sub", (_mul(da[0], args[1]), _mul(a, da[1])))
        return _div(top, Node("pow", (args[1],), 2))
    if op == "pow":
        k = n.value
        inner = ONE if k == 1 else a if k == 2 else Node("pow", (a,), k - 1)
        return _mul(_mul(_num(k), inner), da[0])
    outer = {
        "exp": lambda: n, "expm1": lambda: _call("exp", a),
        "log": lambda: _div(ONE, a), "log1p": lambda: _div(ONE, _add(ONE, a)),
        "sqrt": lambda: _div(ONE, _mul(_num(2), n)),
        "tanh": lambda: Node("sub", (ONE, Node("pow", (n,), 2))),
        "sigmoid": lambda: _mul(n, _call("sigmoid", _neg(a))),
        "softplus": lambda: _call("sigmoid", a),
        "erf": lambda: _gauss(a), "erfc": lambda: _neg(_gauss(a)),
        "atan": lambda: _div(ONE, _add(ONE, Node("pow", (a,), 2))),
        "asinh": lambda: _div(ONE, _call("sqrt", _add(Node("pow", (a,), 2), ONE))),
    }[op]()
    return _mul(outer, da[0])


# ------------------------------------------------------------------------ ball evaluation

Fn = Callable[[acb, bool], acb]


def _nan() -> acb:
    return acb(arb.nan(), arb.nan())


def _imaginary_cut(y: acb, analytic: bool) -> bool:
    """Whether ``y`` may touch the cuts ``{i t : |t| >= 1}`` of ``atan``."""
    return analytic and not (y.real > 0 or y.real < 0 or abs(y.imag) < 1)


def _sigmoid(y: acb) -> acb:
    # 1/(1 + e^-y) = e^y/(1 + e^y): the form whose exponential is small on the ball
    if y.real.mid() >= 0:
        return 1 / (1 + (-y).exp())
    e = y.exp()
    return e / (1 + e)


def _softplus(y: acb, an: bool) -> acb:
    # log(1 + e^y) = y + log(1 + e^-y); the cut of log is checked when asked
    if y.real.mid() >= 0:
        return y + (1 + (-y).exp()).log(analytic=an)
    return (1 + y.exp()).log(analytic=an)


def _asinh(y: acb, an: bool) -> acb:
    # on the integrator's balls (analytic): asinh's cuts {i t : |t| >= 1} checked on y itself,
    # then log(y + sqrt(y^2 + 1)) with principal branches, an identity on the whole plane,
    # enclosing asinh on the ball (the cut checks of sqrt and log on the wide balls of
    # y^2 + 1 and of the sum would refuse balls far from asinh's cuts); on -y for Re y < 0
    # (asinh is odd): no cancellation, and tighter on wide complex balls than acb.asinh
    if not an:
        return y.asinh()
    if _imaginary_cut(y, an):
        return _nan()
    if y.real.mid() < 0:
        return -_asinh(-y, an)
    return (y + (_power_wide(y, 2) + 1).sqrt()).log()


def _log1p(y: acb, an: bool) -> acb:
    if an and not (1 + y).log(analytic=True).is_finite():
        return _nan()
    return y.log1p()


_UNARY: dict[str, Callable[[acb, bool], acb]] = {
    "neg": lambda y, an: -y,
    "exp": lambda y, an: y.exp(),
    "expm1": lambda y, an: y.expm1(),
    "log": lambda y, an: y.log(analytic=an),
    "log1p": _log1p,
    "sqrt": lambda y, an: y.sqrt(analytic=an),
    "tanh": lambda y, an: y.tanh(),
    "sigmoid": lambda y, an: _sigmoid(y),
    "softplus": _softplus,
    # erf = 1 - erfc on the whole plane; on the integrator's complex balls Arb's erfc is
    # 2-10 times faster than its erf, with the same enclosure of the magnitude
    "erf": lambda y, an: 1 - y.erfc() if an else y.erf(),
    "erfc": lambda y, an: y.erfc(),
    "atan": lambda y, an: _nan() if _imaginary_cut(y, an) else y.atan(),
    "asinh": _asinh,
}
_BINARY_BALL: dict[str, Callable[[acb, acb], acb]] = {
    "add": operator.add, "sub": operator.sub, "mul": operator.mul, "div": operator.truediv,
}


def _power_real(t: arb, k: int) -> arb:
    """A ball containing ``{s^k : s in t}`` (``k >= 0``) from the ends of ``t``: ``s^k`` is
    monotone in ``s`` for odd ``k`` and in ``|s|`` for even ``k`` (``t*t`` is
    ``m^2 +/- (2|m|r + r^2)``, which for a wide ball reaches far below 0).
    """
    if k == 0:
        return arb(1)
    lo, hi = t.lower(), t.upper()
    if k % 2 == 0:
        if lo > 0:
            pass
        elif hi < 0:
            lo, hi = -hi, -lo
        else:
            lo, hi = arb(0), (hi if hi > -lo else -lo)
    return _pow_exact(lo, k).union(_pow_exact(hi, k))


def _pow_exact(e: arb, k: int) -> arb:
    out = arb(1)
    for _ in range(k):
        out = out * e
    return out


def _power_wide(y: acb, k: int) -> acb:
    r"""A ball containing ``{w^k : w in y}``, ``k >= 2``, for the integrator's wide balls:
    :math:`(p + iq)^k = \sum_j \binom{k}{j} p^{k-j} (iq)^j` with each real power by
    :func:`_power_real` (the product ``y*y*...`` multiplies the dependency of every factor).
    """
    p, q = y.real, y.imag
    re, im = arb(0), arb(0)
    for j in range(k + 1):
        term = math.comb(k, j) * _power_real(p, k - j) * _power_real(q, j)
        if j % 2 == 0:
            re += term if j % 4 == 0 else -term
        else:
            im += term if j % 4 == 1 else -term
    return acb(re, im)


def _power(y: acb, k: int, wide: bool = False) -> acb:
    if wide and abs(k) >= 2:
        out = _power_wide(y, abs(k))
    else:
        out = y
        for _ in range(abs(k) - 1):
            out = out * y  # by multiplication: ** is NaN on a ball reaching 0
        if k == 0:
            out = acb(1)
    return out if k >= 0 else 1 / out


def constant_ball(name: str) -> arb:
    """The ball of a named constant at the working precision."""
    if name == "pi":
        return arb.pi()
    alpha, lam = constant_balls(ctx.prec)
    return {"alpha_01": alpha, "lambda_01": lam}[name]


#: one node compiled at one precision: ``(x, analytic, shared values) -> acb``
_Step = Callable[[acb, bool, Any], acb]


def compile_ball(n: Node) -> Fn:
    """``(x: acb, analytic: bool) -> acb`` evaluating a switch-free tree (the
    :meth:`acb.integral` convention: non-finite where not holomorphic).

    Compiled once per working precision (:func:`_compile`) into nested closures, one per
    node: no dispatch on the node's type at call time, subtrees free of ``x`` folded into
    their balls at that precision, and a subtree met more than once (derivative trees share
    them) evaluated once per call.
    """
    by_prec: dict[int, Fn] = {}

    def fn(x: acb, analytic: bool) -> acb:
        run = by_prec.get(ctx.prec)
        if run is None:
            run = by_prec[ctx.prec] = _compile(n)
        return run(x, analytic)
    return fn


def _compile(n: Node) -> Fn:
    """:func:`compile_ball`'s evaluator at the working precision."""
    uses: dict[Node, int] = {}
    has_x: dict[Node, bool] = {}

    def count(m: Node) -> bool:
        uses[m] = uses.get(m, 0) + 1
        if m not in has_x:
            has_x[m] = any([count(c) for c in m.args]) or m.op == "x"
        return has_x[m]
    count(n)
    shared: list[_Step] = []  # evaluated first, in order (children before parents)
    built: dict[Node, tuple[str, Any]] = {}  # node -> ("x", None), ("c", ball), ("f", step)

    def build(m: Node) -> tuple[str, Any]:
        got = built.get(m)
        if got is None:
            if not has_x[m]:
                got = ("c", _constant(m))
            elif m.op == "x":
                got = ("x", None)
            else:
                step = _step(m, [build(c) for c in m.args])
                if uses[m] > 1:
                    shared.append(step)
                    step = _read(len(shared) - 1)
                got = ("f", step)
            built[m] = got
        return got

    kind, root = build(n)
    if kind == "c":
        return lambda x, an: root
    if kind == "x":
        return lambda x, an: x
    if not shared:
        return lambda x, an: root(x, an, None)
    steps = tuple(shared)

    def run(x: acb, analytic: bool) -> acb:
        s: list[acb] = []
        for step in steps:
            s.append(step(x, analytic, s))
        return root(x, analytic, s)
    return run


def _read(i: int) -> _Step:
    return lambda x, an, s: s[i]


def _constant(m: Node) -> acb:
    """The ball of a subtree free of ``x`` at the working precision."""
    if m.op == "num":
        return acb(ball(m.value))
    if m.op == "const":
        return acb(constant_ball(m.value))
    args = [_constant(c) for c in m.args]
    if m.op == "pow":
        return _power(args[0], m.value)
    if m.op in _BINARY_BALL:
        return _BINARY_BALL[m.op](*args)
    return _UNARY[m.op](args[0], False)  # a constant function is entire


def _step(m: Node, kids: list[tuple[str, Any]]) -> _Step:
    """The closure of one node depending on ``x``, its children compiled (``kids``)."""
    if m.op in _BINARY_BALL:
        op = _BINARY_BALL[m.op]
        (ka, a), (kb, b) = kids
        if ka == "f" and kb == "f":
            return lambda x, an, s: op(a(x, an, s), b(x, an, s))
        if ka == "f":
            return (lambda x, an, s: op(a(x, an, s), x)) if kb == "x" else \
                (lambda x, an, s: op(a(x, an, s), b))
        if kb == "f":
            return (lambda x, an, s: op(x, b(x, an, s))) if ka == "x" else \
                (lambda x, an, s: op(a, b(x, an, s)))
        if ka == "x" and kb == "x":
            return lambda x, an, s: op(x, x)
        return (lambda x, an, s: op(x, b)) if ka == "x" else (lambda x, an, s: op(a, x))
    (kind, g), = kids
    if m.op == "pow":
        k = m.value
        return (lambda x, an, s: _power(x, k, an)) if kind == "x" else \
            (lambda x, an, s: _power(g(x, an, s), k, an))
    f1 = _UNARY[m.op]  # a switch left here is a bug of the caller: KeyError
    return (lambda x, an, s: f1(x, an)) if kind == "x" else \
        (lambda x, an, s: f1(g(x, an, s), an))
