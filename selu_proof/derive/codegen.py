"""Generate straight-line numeric code from the sympy expressions.

One printer, three targets: ``numpy`` (vectorized float64 via scipy.special),
``mpmath`` (any precision) and ``arb`` (rigorous balls via python-flint).
Exact numbers are printed exactly: integers as integers, rationals as a
quotient of two target numbers, symbolic constants (``pi``, ``sqrt(2)``,
``erfc(1/sqrt(2))``...) by evaluating their own expression in the target,
never as a float literal (except in the float backend, where everything is a
float anyway).

The generated source is kept on the returned function as ``__source__`` so
that it can be read.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import sympy as sp

from selu_proof.derive.symbolic import GaussianBlock

__all__ = ["generate", "generate_source", "Source", "Target", "Constants", "sqrt_nonneg", "square",
           "block_functions", "block_expressions", "PREAMBLE"]


class sqrt_nonneg(sp.Function):  # noqa: N801
    """``sqrt`` of an argument that sympy proved nonnegative (e.g. a sum of squares).

    The arb backend evaluates it as ``sqrt(max(x, 0))``: a ball argument that
    dips below zero only through overestimation keeps a finite enclosure.
    """

    nargs = 1

    def _eval_is_nonnegative(self):
        return True

    def _eval_is_real(self):
        return True


class square(sp.Function):  # noqa: N801
    """``x**2``; the arb backend returns the tight ``[min |x|^2, max |x|^2]``."""

    nargs = 1

    def _eval_is_nonnegative(self):
        return True if self.args[0].is_real else None

    def _eval_is_real(self):
        return True if self.args[0].is_real else None


_FUNCS = {
    "numpy": {"exp": "_np.exp", "erfc": "_sc.erfc", "erf": "_sc.erf", "erfcx": "_sc.erfcx",
              "sqrt": "_np.sqrt", "sqrt_nonneg": "_np.sqrt", "square": "_np.square",
              "Abs": "_np.abs"},
    "mpmath": {"exp": "_mp.exp", "erfc": "_mp.erfc", "erf": "_mp.erf",
               "erfcx": "_mp_erfcx", "sqrt": "_mp.sqrt", "sqrt_nonneg": "_mp.sqrt",
               "square": "_mp_square", "Abs": "abs"},
    "arb": {"exp": "_rt.exp", "erfc": "_rt.erfc", "erf": "_rt.erf", "erfcx": "_rt.erfcx",
            "sqrt": "_rt.sqrt", "sqrt_nonneg": "_rt.sqrt_nonneg", "square": "_rt.square",
            "Abs": "_rt.absolute"},
}


@dataclass
class Constants:
    """The number constants of one generated arb module, hoisted out of its functions.

    ``names`` maps each constant (``1/2``, ``pi``, ``sqrt(2)``...) to its name
    ``_k<i>``; ``lines`` compute them in order.  :meth:`source` writes them as
    the module's one ``_constants()``, evaluated once per working precision:
    the functions of a module share it instead of each carrying its own copy.
    """

    names: dict[sp.Expr, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def source(self) -> str:
        """``_constants()`` and its per-precision cache (empty text without constants)."""
        if not self.names:
            return ""
        names = "".join(n + ", " for n in self.names.values())
        return ("def _constants():\n"
                '    """The module\'s constants ``_k<i>``, computed once per working '
                'precision."""\n'
                "    k = _constants_cache.get(_rt.ctx.prec)\n"
                "    if k is None:\n"
                + "".join(f"    {line}\n" for line in self.lines)
                + f"        k = _constants_cache[_rt.ctx.prec] = ({names})\n"
                "    return k\n\n\n"
                "_constants_cache = {}\n")


@dataclass
class Target:
    """How one backend spells numbers and functions."""

    name: str
    constants: Constants = field(default_factory=Constants)
    block_mode: str = "monotone"
    blocks: dict[str, Any] = field(default_factory=dict)
    uses_constants: bool = False

    def number(self, p: int, q: int = 1) -> str:
        if self.name == "arb" and q == 1:
            return str(p) if p >= 0 else f"({p})"
        if self.name == "numpy":
            return repr(float(sp.Rational(p, q))) if q != 1 else f"{p}.0"
        ctor = "_mp.mpf" if self.name == "mpmath" else "_arb"
        return f"{ctor}({p})" if q == 1 else f"({ctor}({p}) / {q})"


def _prepare(expr: sp.Expr) -> sp.Expr:
    """Mark square roots of provably nonnegative arguments and squares."""

    def repl_pow(e):
        if isinstance(e, sp.Pow) and e.exp == sp.Rational(1, 2) and e.base.is_nonnegative:
            return sqrt_nonneg(e.base)
        if isinstance(e, sp.Pow) and e.exp == sp.Rational(-1, 2) and e.base.is_positive:
            return 1 / sqrt_nonneg(e.base)
        if isinstance(e, sp.Pow) and e.exp == 2 and not e.base.is_number:
            return square(e.base)
        return e

    return expr.replace(lambda e: isinstance(e, sp.Pow), repl_pow)


def _ident(sym: sp.Symbol) -> str:
    return sym.name + "_" if keyword.iskeyword(sym.name) else sym.name


class _Printer:
    """Prints one sympy expression tree as Python source for a target.

    With ``ssa`` every compound subexpression gets its own named temporary
    (``_v0 = ...``), appended to ``lines`` with the sympy expression in a
    comment; the returned text is then a name.  The Python operations, and
    their order, are those of the nested form: only names are added.
    """

    def __init__(self, target: Target, ssa: bool = False):
        self.t = target
        self.funcs = _FUNCS[target.name]
        self.ssa = ssa
        self.lines: list[str] = []
        self.memo: dict[sp.Expr, str] = {}

    def ipow(self, base: str, n: int) -> str:
        """``base**n`` for a positive integer ``n`` (arb: tight, defined for any sign)."""
        if self.t.name == "arb":
            return f"_rt.ipow({base}, {n})"
        return f"(({base}) ** {n})"

    def const(self, e: sp.Expr) -> str:
        """A number-valued subexpression: hoist it (arb) or print it inline."""
        if self.t.name != "arb":
            return self.p(e, allow_const=False)
        k = self.t.constants
        self.t.uses_constants = True
        if e not in k.names:
            text = self.p(e, allow_const=False)
            name = f"_k{len(k.names)}"
            k.names[e] = name
            k.lines.append(f"    {name} = {_strip(text)}{_comment(e)}")
        return k.names[e]

    def p(self, e: sp.Expr, allow_const: bool = True) -> str:
        """Source text of ``e`` (a temporary's name for compound ``e`` with ``ssa``)."""
        if isinstance(e, (sp.Symbol, sp.Rational)) or not self.ssa or not allow_const \
                or e.is_number:
            return self.text(e, allow_const)
        if e not in self.memo:
            text = self.text(e)
            name = f"_v{len(self.memo)}"
            self.memo[e] = name
            self.lines.append(f"    {name} = {_strip(text)}{_comment(e)}")
        return self.memo[e]

    def text(self, e: sp.Expr, allow_const: bool = True) -> str:
        """Source text of the node ``e`` with its arguments printed by :meth:`p`."""
        if isinstance(e, sp.Symbol):
            return _ident(e)
        if isinstance(e, sp.Integer):
            return self.t.number(int(e))
        if isinstance(e, sp.Rational):
            if allow_const and self.t.name == "arb":
                return self.const(e)
            return self.t.number(int(e.p), int(e.q))
        if isinstance(e, sp.Float):
            raise TypeError(f"float literal {e} in an expression; use exact numbers")
        if allow_const and e.is_number:
            return self.const(e)
        if e is sp.pi:
            return {"numpy": "_np.pi", "mpmath": "(+_mp.pi)", "arb": "_arb.pi()"}[self.t.name]
        if e is sp.E:
            return self.p(sp.exp(1, evaluate=False), allow_const=False)
        if isinstance(e, sp.Add):
            terms = [self.p(t) for t in e.args]
            return "(" + " + ".join(terms) + ")"
        if isinstance(e, sp.Mul):
            coeff, rest = e.as_coeff_Mul()
            if coeff == -1:
                return "(-" + self.p(rest) + ")"
            num, den = [], []
            for f in e.args:
                if isinstance(f, sp.Pow) and f.exp.is_negative and f.exp.is_number:
                    den.append(f.base if f.exp == -1 else sp.Pow(f.base, -f.exp))
                else:
                    num.append(f)
            top = " * ".join(self.p(f) for f in num) if num else self.t.number(1)
            if den:
                return "(" + top + " / (" + " * ".join(self.p(f) for f in den) + "))"
            return "(" + top + ")"
        if isinstance(e, sp.Pow):
            b, x = e.base, e.exp
            if x == sp.Rational(1, 2):
                return f"{self.funcs['sqrt']}({self.p(b)})"
            if x == sp.Rational(-1, 2):
                return f"({self.t.number(1)} / {self.funcs['sqrt']}({self.p(b)}))"
            if x == -1:
                return f"({self.t.number(1)} / {self.p(b)})"
            if x.is_Integer and int(x) < 0:
                return f"({self.t.number(1)} / {self.ipow(self.p(b), -int(x))})"
            if x.is_Integer:
                return self.ipow(self.p(b), int(x))
            if x.is_Rational and x.q == 2:
                root = f"{self.funcs['sqrt']}({self.p(b)})"
                if x.p < 0:
                    return f"({self.t.number(1)} / {self.ipow(root, -int(x.p))})"
                return self.ipow(root, int(x.p))
            raise TypeError(f"unsupported power {e}")
        if isinstance(e, GaussianBlock):
            if self.t.name == "arb" and self.t.block_mode == "monotone":
                name = type(e).__name__
                self.t.blocks[f"_blk_{name}"] = name
                args = ", ".join(self.p(x) for x in e.args)
                return f"_rt.block(_blk_{name}, {args})"
            return self.p(_prepare(e.expand_explicit()))
        if isinstance(e, sp.Function):
            name = type(e).__name__
            if name not in self.funcs:
                raise TypeError(f"unsupported function {name}")
            return f"{self.funcs[name]}({', '.join(self.p(x) for x in e.args)})"
        if isinstance(e, sp.exp):
            return f"{self.funcs['exp']}({self.p(e.args[0])})"
        raise TypeError(f"cannot print {type(e).__name__}: {e}")


_COMMENT_WIDTH = 72


def _strip(text: str) -> str:
    """Drop one pair of outer parentheses (the right-hand side of an assignment)."""
    if text.startswith("(") and text.endswith(")"):
        depth = 0
        for i, ch in enumerate(text):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0 and i < len(text) - 1:
                return text
        return text[1:-1]
    return text


def _comment(e: sp.Expr) -> str:
    """``  # <sympy expression>`` when it is short enough to read at a glance."""
    s = sp.sstr(e)
    return f"  # {s}" if len(s) <= _COMMENT_WIDTH else ""


def _namespace(target: str) -> dict:
    if target == "numpy":
        import numpy as np
        import scipy.special as sc

        return {"_np": np, "_sc": sc}
    if target == "mpmath":
        import mpmath as mp

        def _mp_erfcx(x):
            return mp.exp(x * x) * mp.erfc(x)

        return {"_mp": mp, "_mp_erfcx": _mp_erfcx, "_mp_square": lambda x: x * x}
    from flint import arb

    from selu_proof.kernel import arb_runtime

    return {"_arb": arb, "_rt": arb_runtime}


#: module preamble of each target: the names the generated code uses
PREAMBLE = {
    "numpy": "import numpy as _np\nimport scipy.special as _sc\n",
    "mpmath": ("import mpmath as _mp\n\n\n"
               "def _mp_erfcx(x):\n    return _mp.exp(x * x) * _mp.erfc(x)\n\n\n"
               "def _mp_square(x):\n    return x * x\n"),
    "arb": "from flint import arb as _arb\n\nfrom selu_proof.kernel import arb_runtime as _rt\n",
}


def block_expressions(block: type) -> dict[str, tuple[list[sp.Expr], tuple[sp.Symbol, ...]]]:
    """The expressions of a Gaussian block's ``value`` and ``gradient`` functions.

    ``value(a, v) -> (f,)`` and ``gradient(a, v) -> (f, df/da, df/dv)``, the
    derivatives by the block's own rules (:mod:`selu_proof.derive.symbolic`).
    """
    from selu_proof.derive.symbolic import a, v

    e = block(a, v)
    return {"value": ([e], (a, v)), "gradient": ([e, sp.diff(e, a), sp.diff(e, v)], (a, v))}


@cache
def block_functions(block: type) -> tuple[Callable, Callable]:
    """Arb functions ``(value(a, v), value_and_gradient(a, v))`` of a Gaussian block.

    Generated from the block's explicit form and its derivative rules, with
    the blocks inside written out explicitly (so that
    :func:`selu_proof.kernel.arb_runtime.block` can use them without recursion).
    The committed :mod:`selu_proof.generated.arb_blocks` holds the same code.
    """
    parts = block_expressions(block)
    return tuple(generate(exprs, args, "arb", name=f"{block.__name__}_{kind}",
                          block_mode="explicit")
                 for kind, (exprs, args) in parts.items())  # type: ignore[return-value]


@dataclass
class Source:
    """Generated source of one function: its text and the Gaussian blocks it calls."""

    name: str
    text: str
    blocks: list[str]


def _docstring(doc: str) -> str:
    doc = doc.replace("\\", "\\\\").replace('"""', "'''")
    lines = [("    " + line) if line else "" for line in doc.split("\n")]
    return '    """' + "\n".join(lines)[4:] + '\n    """'


def generate_source(exprs: Sequence[sp.Expr], args: Sequence[sp.Symbol], target: str,
                    name: str = "f", block_mode: str = "monotone", doc: str = "",
                    ssa: bool = False, constants: Constants | None = None) -> Source:
    """Straight-line source of a function computing ``exprs`` (functions of ``args``).

    The function returns a tuple with one value per expression.  Common
    subexpressions are shared (``sympy.cse``); with ``ssa`` every other
    compound subexpression also gets a named temporary with its sympy form in
    a comment.  For ``arb`` the number constants are hoisted into
    ``constants`` (the module's one ``_constants()``, computed once per
    working precision, see :class:`Constants`; a fresh table if not given),
    and the function unpacks every name the table holds when it is generated;
    each Gaussian block is enclosed by
    :func:`selu_proof.kernel.arb_runtime.block` (through its own generated
    functions ``_blk_<block>``) unless ``block_mode`` is ``"explicit"``.
    """
    prepared = [_prepare(sp.sympify(e)) for e in exprs]
    for e in prepared:
        extra = e.free_symbols - set(args)
        if extra:
            raise ValueError(f"free symbols {extra} not among the arguments")
    repl, reduced = sp.cse(prepared, symbols=sp.numbered_symbols("_t"), optimizations=None)
    tgt = Target(target, constants=Constants() if constants is None else constants,
                 block_mode=block_mode)
    pr = _Printer(tgt, ssa=ssa)
    for s, e in repl:
        text = pr.text(e)
        pr.lines.append(f"    {s.name} = {_strip(text)}{_comment(e) if ssa else ''}")
    outs = [pr.p(e) for e in reduced]
    body = pr.lines + ["    return (" + ", ".join(outs) + ",)"]
    argnames = ", ".join(_ident(s) for s in args)
    src = [f"def {name}({argnames}):"]
    if doc:
        src.append(_docstring(doc))
    if tgt.uses_constants:
        src.append("    " + "".join(n + ", " for n in tgt.constants.names.values())
                   + "= _constants()")
    src.extend(body)
    return Source(name, "\n".join(src) + "\n", sorted(set(tgt.blocks.values())))


def generate(exprs: Sequence[sp.Expr], args: Sequence[sp.Symbol], target: str,
             name: str = "f", block_mode: str = "monotone") -> Callable:
    """Compile ``exprs`` (functions of ``args``) into one function for ``target`` now.

    Run-time code generation, for tests and exploration; the package itself
    runs the committed modules of :mod:`selu_proof.generated` (written by
    :mod:`selu_proof.derive.regenerate`).  The source is kept on the function as
    ``__source__``.
    """
    from selu_proof.derive import symbolic

    constants = Constants()
    source = generate_source(exprs, args, target, name=name, block_mode=block_mode,
                             constants=constants)
    ns = _namespace(target)
    for blk in source.blocks:
        ns[f"_blk_{blk}"] = block_functions(getattr(symbolic, blk))
    text = constants.source() + "\n\n" + source.text
    exec(compile(text, f"<selu_proof generated {target}:{name}>", "exec"), ns)  # noqa: S102
    fn = ns[name]
    fn.__source__ = text
    return fn
