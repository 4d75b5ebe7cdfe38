"""The registry of generated code, and the command that writes it.

``python -m selu_proof.derive.regenerate`` rewrites every module of
:mod:`selu_proof.generated` from the sympy expressions of
:mod:`selu_proof.derive.symbolic` (printer: :mod:`selu_proof.derive.codegen`);
``--check`` only compares and exits 1 if a module differs.  Nothing else in
the package generates code at run time.

What is generated is enumerated from the tables where the expressions are
defined, so that a new entry there is picked up by rerunning the command:

* the goal expressions ``F`` of the claims: every key of the table in
  :func:`selu_proof.derive.expressions.goal_expression` (value and gradient, arb);
* the Gaussian blocks: every :class:`selu_proof.derive.symbolic.GaussianBlock`
  subclass exported by :mod:`selu_proof.derive.symbolic` (value and gradient, arb);
* the backend functions: every name
  :func:`selu_proof.derive.expressions.backend_expressions` accepts, for numpy, mpmath and arb;
* the constants' closed forms (:func:`selu_proof.derive.symbolic.alpha01`, ``lambda01``), arb;
* the design system of :mod:`selu_proof.fixedpoint` (:func:`design_expressions`;
  mpmath and arb).

It imports no generated module, so it also repairs a missing or broken one.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import keyword
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import sympy as sp

from selu_proof.derive import codegen, expressions
from selu_proof.derive import symbolic as sym
from selu_proof.files import write_atomic
from selu_proof.generated import REGENERATE

__all__ = ["Function", "Module", "modules", "render", "write", "main", "goal_keys",
           "backend_names", "GENERATED_DIR"]

GENERATED_DIR = Path(__file__).resolve().parent.parent / "generated"


@dataclass(frozen=True)
class Function:
    """One generated function: its Python name, expressions, arguments, docstring."""

    name: str
    exprs: tuple[sp.Expr, ...]
    args: tuple[sp.Symbol, ...]
    doc: str


@dataclass(frozen=True)
class Module:
    """One generated module: file stem, target, what it holds, and its table.

    ``entries`` maps each key of the module's ``FUNCTIONS`` table to the names
    of its functions (one name: the function; several: a tuple of them).
    """

    stem: str
    target: str
    title: str
    source: str
    functions: tuple[Function, ...]
    entries: dict[str, tuple[str, ...]]
    block_mode: str = "monotone"


# --------------------------------------------------------------------------- enumeration


def _string_constants(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [s for elt in node.elts for s in _string_constants(elt)]
    return []


def _function_ast(fn: Callable) -> ast.FunctionDef:
    tree = ast.parse(textwrap.dedent(inspect.getsource(inspect.unwrap(fn))))
    return next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))


def goal_keys() -> list[str]:
    """The keys of the table in :func:`selu_proof.derive.expressions.goal_expression`.

    Read from the dictionary literal assigned to ``table`` in its source, so
    that a key added there is generated without being listed twice.
    """
    keys: list[str] = []
    for node in ast.walk(_function_ast(expressions.goal_expression)):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict) and \
                any(isinstance(t, ast.Name) and t.id == "table" for t in node.targets):
            keys += [s for k in node.value.keys if k is not None for s in _string_constants(k)]
    if not keys:
        raise RuntimeError("no goal table found in expressions.goal_expression")
    return keys


def backend_names() -> list[str]:
    """The names :func:`~selu_proof.derive.expressions.backend_expressions` accepts.

    Read from its ``name == "..."`` tests.
    """
    names: list[str] = []
    for node in ast.walk(_function_ast(expressions.backend_expressions)):
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Name) and \
                node.left.id == "name":
            for comp in node.comparators:
                names += [s for s in _string_constants(comp) if s not in names]
    if not names:
        raise RuntimeError("no names found in expressions.backend_expressions")
    return names


def gaussian_blocks() -> list[type]:
    """The Gaussian block classes exported by :mod:`selu_proof.derive.symbolic`."""
    out = []
    for name in sym.__all__:
        obj = getattr(sym, name)
        if isinstance(obj, type) and issubclass(obj, sym.GaussianBlock) and \
                obj is not sym.GaussianBlock:
            out.append(obj)
    return out


def python_name(key: str) -> str:
    """A Python identifier for a table key: ``"S(H)" -> "S_H"``, ``"var-nu" -> "var_minus_nu"``.

    >>> python_name("S(H)"), python_name("-mean"), python_name("var-nu")
    ('S_H', 'minus_mean', 'var_minus_nu')
    """
    name = re.sub(r"[^0-9A-Za-z]+", "_", key.replace("-", " minus ")).strip("_")
    if not name or name[0].isdigit() or keyword.iskeyword(name):
        name = "f_" + name
    return name


def _expression_doc(head: str, exprs: Sequence[sp.Expr], labels: Sequence[str]) -> str:
    lines = [head, ""]
    for label, e in zip(labels, exprs):
        lines.append(f"{label} = " + sp.sstr(e))
    return "\n".join(textwrap.fill(line, 92, subsequent_indent="    ", break_long_words=False,
                                   break_on_hyphens=False) if line else ""
                     for line in lines)


# --------------------------------------------------------------------------- the registry


def _blocks_module() -> Module:
    functions, entries = [], {}
    for block in gaussian_blocks():
        name = block.__name__
        parts = codegen.block_expressions(block)
        exprs, args = parts["value"]
        functions.append(Function(f"{name}_value", tuple(exprs), args, _expression_doc(
            f"``({name},)`` at the points or balls ``(a, v)``, the block written out explicitly.",
            [exprs[0], block.explicit(*args)], [name, f"{name}(a, v)"])))
        exprs, args = parts["gradient"]
        functions.append(Function(f"{name}_gradient", tuple(exprs), args, _expression_doc(
            f"``({name}, d{name}/da, d{name}/dv)`` (derivatives by the block's rules).",
            exprs, [name, f"d{name}/da", f"d{name}/dv"])))
        entries[name] = (f"{name}_value", f"{name}_gradient")
    return Module("arb_blocks", "arb", "Gaussian blocks: value and gradient, in ball arithmetic.",
                  "the GaussianBlock subclasses of selu_proof.derive.symbolic (explicit forms and "
                  "derivative rules)", tuple(functions), entries, block_mode="explicit")


def _goals_module() -> Module:
    from selu_proof.derive.expressions import VARS, goal_expression

    args = VARS + (sym.alpha, sym.lam)
    functions, entries = [], {}
    keys = goal_keys()
    for key in keys:
        f = goal_expression(key)
        if key.startswith("-") and key[1:] in keys and f == -goal_expression(key[1:]):
            continue  # the negated twin: selu_proof.kernel.model.compiled_goal negates
        name = python_name(key)
        functions.append(Function(f"{name}_value", (f,), args, _expression_doc(
            f"``(F,)`` for the goal {key!r} on balls (blocks enclosed by arb_runtime.block).",
            [f], ["F"])))
        grads = tuple(sp.diff(f, x) for x in args[:4])
        functions.append(Function(f"{name}_gradient", (f,) + grads, args, _expression_doc(
            f"``(F, dF/dmu, dF/domega, dF/dnu, dF/dtau)`` for the goal {key!r}; F as in "
            f"{name}_value, the derivatives by sympy.diff.", [], [])))
        entries[key] = (f"{name}_value", f"{name}_gradient")
    if len({python_name(k) for k in entries}) != len(entries):
        raise RuntimeError("two goal keys map to the same Python name")
    return Module("arb_goals", "arb",
                  "Goal expressions F of the claims: value and gradient, in ball arithmetic.",
                  "selu_proof.derive.expressions.goal_expression",
                  tuple(functions), entries)


def _backend_module(target: str) -> Module:
    functions, entries = [], {}
    # the goals in floats serve the prover's local searches for witnesses, and in
    # mpmath the tests' high-precision references
    goals = [f"goal:{key}" for key in goal_keys()] if target in ("numpy", "mpmath") else []
    for name in backend_names() + goals:
        exprs, args = expressions.backend_expressions(name)
        labels = [f"out[{i}]" for i in range(len(exprs))]
        ident = python_name(name)
        functions.append(Function(ident, tuple(exprs), tuple(args), _expression_doc(
            f"Backend function {name!r} (selu_proof.backends.compiled).", exprs, labels)))
        entries[name] = (ident,)
    return Module(f"{target}_backends", target,
                  f"Backend functions of selu_proof.backends for {target}.",
                  "selu_proof.derive.expressions.backend_expressions",
                  tuple(functions), entries)


def design_expressions() -> tuple[list[sp.Expr], tuple[sp.Symbol, ...]]:
    """The design system of :mod:`selu_proof.fixedpoint` in ``(a, v, alpha, lambda)``.

    ``(mu~, nu~)`` (:func:`~selu_proof.derive.symbolic.mean_map`,
    :func:`~selu_proof.derive.symbolic.variance_map`) and their derivatives with
    respect to ``alpha`` and ``lambda`` by sympy.
    """
    mean, var = sym.mean_map(), sym.variance_map()
    exprs = [mean, var, sp.diff(mean, sym.alpha), sp.diff(mean, sym.lam),
             sp.diff(var, sym.alpha), sp.diff(var, sym.lam)]
    return exprs, (sym.a, sym.v, sym.alpha, sym.lam)


def _design_module(target: str) -> Module:
    exprs, args = design_expressions()
    labels = ["mu~", "nu~", "dmu~/dalpha", "dmu~/dlambda", "dnu~/dalpha", "dnu~/dlambda"]
    fn = Function("design_system", tuple(exprs), tuple(args), _expression_doc(
        "The design equations and their (alpha, lambda) Jacobian (selu_proof.fixedpoint).",
        exprs, labels))
    return Module(f"{target}_design", target,
                  f"Design system of selu_proof.fixedpoint for {target}.",
                  "selu_proof.derive.regenerate.design_expressions",
                  (fn,), {"design_system": ("design_system",)})


def _constants_module() -> Module:
    exprs = (sym.alpha01(), sym.lambda01())
    fn = Function("selu_constants", tuple(exprs), (), _expression_doc(
        "``(alpha_01, lambda_01)`` from their closed forms (paper Eq. (8)-(9)).", exprs,
        ["alpha_01", "lambda_01"]))
    return Module("arb_constants", "arb", "The closed forms of alpha_01 and lambda_01, in balls.",
                  "selu_proof.derive.symbolic.alpha01 and lambda01", (fn,),
                  {"selu_constants": ("selu_constants",)})


def modules() -> list[Module]:
    """Every generated module, in a fixed order."""
    return [_blocks_module(), _goals_module(), _constants_module(),
            *(_backend_module(t) for t in ("numpy", "mpmath", "arb")),
            *(_design_module(t) for t in ("mpmath", "arb"))]


# --------------------------------------------------------------------------- rendering


def render(module: Module) -> str:
    """The full text of a generated module."""
    constants = codegen.Constants()  # one table for the module's functions

    def sources() -> list[codegen.Source]:
        return [codegen.generate_source(f.exprs, f.args, module.target, name=f.name,
                                        block_mode=module.block_mode, doc=f.doc, ssa=True,
                                        constants=constants)
                for f in module.functions]

    sources()  # first pass: collect every constant; the second unpacks the full table
    sources = sources()
    blocks = sorted({b for s in sources for b in s.blocks})
    head = (f'"""{module.title}\n\n'
            f"GENERATED, DO NOT EDIT: written by `{REGENERATE}`\n"
            f"(printer selu_proof.derive.codegen, target {module.target}) from {module.source}.\n"
            "tests/test_generated.py regenerates it and requires identical bytes.\n"
            '"""\n\n'
            "# ruff: noqa\n"
            "from __future__ import annotations\n\n")
    parts = [head + codegen.PREAMBLE[module.target]]
    if blocks:
        parts.append("from selu_proof.generated import arb_blocks as _blocks\n\n"
                     + "".join(f'_blk_{b} = _blocks.FUNCTIONS["{b}"]\n' for b in blocks))
    if constants.names:
        parts.append(constants.source())
    parts += [s.text for s in sources]
    table = ["FUNCTIONS = {"]
    for key, names in module.entries.items():
        value = names[0] if len(names) == 1 else "(" + ", ".join(names) + ")"
        table.append(f"    {key!r}: {value},")
    table.append("}")
    parts.append("\n".join(table) + "\n")
    return "\n\n".join(parts)


def write(check: bool = False, directory: Path = GENERATED_DIR) -> list[str]:
    """Write (or with ``check`` only compare) every module; the stems that changed."""
    changed = []
    for module in modules():
        path = directory / f"{module.stem}.py"
        text = render(module)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            changed.append(module.stem)
            if not check:
                write_atomic(path, text)
    return changed


def main(argv: list[str] | None = None) -> int:
    """``python -m selu_proof.derive.regenerate [--check]``."""
    parser = argparse.ArgumentParser(
        prog="python -m selu_proof.derive.regenerate",
        description="Regenerate the numeric code in selu_proof/generated from symbolic.py.")
    parser.add_argument("--check", action="store_true",
                        help="only compare; exit 1 if a module is out of date")
    args = parser.parse_args(argv)
    changed = write(check=args.check)
    verb = "out of date" if args.check else "rewritten"
    print(f"{len(changed)} module(s) {verb}" + (": " + ", ".join(changed) if changed else ""))
    return 1 if args.check and changed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
