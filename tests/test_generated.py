"""The committed generated code is exactly what ``selu_proof.derive`` generates; sympy stays away.

* every module of ``selu_proof/generated`` is regenerated here from the sympy
  expressions and must be byte-identical to the committed file;
* the registry enumerates the tables the expressions live in (goal keys,
  backend names, Gaussian blocks), so nothing there goes without code;
* a name without generated code raises an error naming the regeneration command;
* the commands that prove, check, simulate and design, and ``import selu_proof``,
  do not import sympy (checked in a fresh interpreter via ``sys.modules``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from flint import arb, ctx

from selu_proof.derive import regenerate
from selu_proof.derive import symbolic as sym
from selu_proof.derive.codegen import generate
from selu_proof.derive.expressions import VARS, goal_expression
from selu_proof.generated import REGENERATE, MissingGeneratedCodeError, lookup
from selu_proof.kernel.model import compiled_goal
from selu_proof.kernel.specs import PROOFS_DIR

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def modules():
    return regenerate.modules()


def test_committed_modules_are_the_regenerated_bytes(modules, tmp_path):
    for module in modules:
        committed = (regenerate.GENERATED_DIR / f"{module.stem}.py").read_text(encoding="utf-8")
        assert committed == regenerate.render(module), (
            f"selu_proof/generated/{module.stem}.py is stale: run `{REGENERATE}`")
    # and the command itself writes nothing new when they are current
    assert regenerate.write(check=True) == []


def test_write_restores_a_missing_or_broken_module(modules, tmp_path):
    target = tmp_path / "generated"
    target.mkdir()
    (target / "arb_goals.py").write_text("<<<<<<< a merge conflict\n", encoding="utf-8")
    changed = regenerate.write(directory=target)
    assert changed == [m.stem for m in modules]
    assert (target / "arb_goals.py").read_text(encoding="utf-8") == \
        (regenerate.GENERATED_DIR / "arb_goals.py").read_text(encoding="utf-8")


def test_registry_enumerates_every_table_entry(modules):
    by_stem = {m.stem: m for m in modules}
    keys = regenerate.goal_keys()
    assert {"S(H)", "S(J)", "mean", "-mean", "var", "-var", "var-nu", "nu-var"} <= set(keys)
    generated = list(by_stem["arb_goals"].entries)
    assert generated == [k for k in keys if k in generated]
    for key in set(keys) - set(generated):  # folded: the exact negation of a generated twin
        assert key[1:] in generated and goal_expression(key) == -goal_expression(key[1:])
    assert {"-S(H)", "-S(J)", "-mean", "-var", "-chi1"} == set(keys) - set(generated)
    for key in keys:  # each key names an expression of the table
        goal_expression(key)
    names = regenerate.backend_names()
    assert {"moments", "jacobian_variance", "jacobian_second_moment", "spectral_variance",
            "spectral_second_moment", "dropout_affine", "dropout_moments"} <= set(names)
    goals = [f"goal:{key}" for key in keys]  # float goals for the witness search
    for target in ("numpy", "mpmath", "arb"):
        assert list(by_stem[f"{target}_backends"].entries) == \
            names + (goals if target in ("numpy", "mpmath") else [])
    blocks = {b.__name__ for b in regenerate.gaussian_blocks()}
    assert blocks == {"phi0", "Ppos", "Pneg", "Qexp1", "Qexp2", "Rexp1", "Rexp2"}
    assert set(by_stem["arb_blocks"].entries) == blocks


def test_generated_module_records_its_source_and_command():
    text = (regenerate.GENERATED_DIR / "arb_goals.py").read_text(encoding="utf-8")
    assert REGENERATE in text.splitlines()[2]
    assert "selu_proof.derive.expressions.goal_expression" in text
    # the goal's sympy expression is in the docstring of its value function
    assert "F = " + "sqrt(" in text


@pytest.mark.parametrize("key", ["S(H)", "var-nu"])
def test_committed_goal_code_equals_runtime_generation(key):
    """Same balls out as code generated now from the sympy expression."""
    import sympy as sp

    f = goal_expression(key)
    args = tuple(VARS) + (sym.alpha, sym.lam)
    fresh = generate([f] + [sp.diff(f, x) for x in VARS], args, "arb")
    _, committed = compiled_goal(key)
    with ctx.workprec(128):
        point = [arb("0.05", "0.01"), arb("-0.03", "0.02"), arb("1.1", "0.05"),
                 arb("1.02", "0.01"), arb("1.6732632423543772"), arb("1.0507009873554805")]
        for x, y in zip(fresh(*point), committed(*point)):
            assert x.mid() == y.mid() and x.rad() == y.rad()


def test_missing_entry_names_the_regeneration_command():
    with pytest.raises(MissingGeneratedCodeError, match="python -m selu_proof.derive.regenerate"):
        compiled_goal("no-such-goal")
    with pytest.raises(MissingGeneratedCodeError, match="regenerate"):
        lookup("no_such_module", "x")
    from selu_proof import backends

    with pytest.raises(MissingGeneratedCodeError, match="regenerate"):
        backends.compiled("no_such_function", "numpy")


def test_python_names_are_distinct_identifiers():
    names = [regenerate.python_name(k) for k in regenerate.goal_keys()]
    assert len(set(names)) == len(names)
    assert all(n.isidentifier() for n in names)


_PROBE = """
import sys, runpy
sys.argv = ["selu-proof"] + {argv!r}
try:
    runpy.run_module("selu_proof", run_name="__main__")
except SystemExit:
    pass
import json
print(json.dumps(sorted(m for m in sys.modules
                        if m.split('.')[0] in ('sympy', 'selu_proof', 'numpy', 'scipy',
                                               'mpmath', 'matplotlib', 'tqdm'))))
"""


def _modules_after(argv: list[str], tmp_path: Path) -> set[str]:
    out = subprocess.run([sys.executable, "-c", _PROBE.format(argv=argv)], capture_output=True,
                         text=True, cwd=tmp_path, check=True).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


@pytest.mark.parametrize("argv", [
    ["constants"],
    ["check", str(PROOFS_DIR / "theorem1.cert.json")],
    ["prove", "theorem3b", "--out", "certs"],
    ["fixed-point", "--omega", "0", "--tau", "1", "--digits", "10"],
    ["design", "--mean", "0", "--var", "1", "--digits", "10"],
    ["simulate", "--depth", "2", "--width", "20", "--batch", "20"],
], ids=lambda a: a[0])
def test_commands_do_not_import_sympy(argv, tmp_path):
    loaded = _modules_after(argv, tmp_path)
    assert "selu_proof.cli" in loaded  # the command ran
    assert not any(m.split(".")[0] == "sympy" for m in loaded)
    assert not any(m.startswith("selu_proof.derive") for m in loaded)
    if argv[0] in ("constants", "check", "prove"):
        assert not any(m.split(".")[0] in ("numpy", "scipy", "mpmath", "matplotlib")
                       for m in loaded)


def test_import_selu_proof_loads_neither_sympy_nor_numpy(tmp_path):
    code = ("import sys, selu_proof; "
            "print(sorted({m.split('.')[0] for m in sys.modules}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=tmp_path, check=True).stdout
    tops = set(eval(out))  # noqa: S307 - our own list literal
    assert "sympy" not in tops and "numpy" not in tops and "flint" not in tops


def test_module_constants_are_computed_at_each_working_precision():
    """A module's one ``_constants()`` is cached per precision: a call at 300 bits after
    one at 53 bits does not reuse the 53-bit ``pi`` and ``sqrt(2)``."""
    from selu_proof.generated import arb_blocks

    value, _ = arb_blocks.FUNCTIONS["phi0"]
    with ctx.workprec(53):
        low = value(arb(0), arb(1))[0]
    with ctx.workprec(300):
        high = value(arb(0), arb(1))[0]
        exact = 1 / (2 * arb.pi()).sqrt()  # phi0(0, 1), the standard normal density at 0
        assert high.overlaps(exact) and low.overlaps(exact)
        assert high.rad() < arb(2) ** -280 < low.rad()
