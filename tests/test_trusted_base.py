"""The README's "Trusted base" table is what ``selu-proof check`` really executes.

A fresh interpreter runs ``selu-proof check`` on a shipped certificate; every
file of the package it loaded must be in the table with its true line count,
and nothing else may be (python-flint and the standard library aside).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from selu_proof.kernel.specs import PROOFS_DIR

ROOT = Path(__file__).resolve().parent.parent

_PROBE = """
import json, sys, runpy
sys.argv = ["selu-proof", "check", {cert!r}]
try:
    runpy.run_module("selu_proof", run_name="__main__", alter_sys=True)
except SystemExit as exc:
    assert exc.code == 0, exc.code
import importlib.util
files = [getattr(m, "__file__", None) for n, m in list(sys.modules.items())
         if n.split(".")[0] == "selu_proof"]
files.append(importlib.util.find_spec("selu_proof.__main__").origin)  # what runpy ran
third = sorted({{n.split(".")[0] for n in sys.modules}} - set(sys.stdlib_module_names))
print(json.dumps({{"files": sorted(f for f in files if f), "third": third}}))
"""


def _readme_table() -> dict[str, int]:
    text = (ROOT / "docs" / "kernel.md").read_text(encoding="utf-8")
    section = text.split("## Trusted base", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(selu_proof/[^`]+\.py)` \| (\d+) \|", section, flags=re.M)
    return {path: int(n) for path, n in rows}


def _traced(tmp_path: Path, cert: str | None = None) -> tuple[set[str], list[str]]:
    cert = cert or str(PROOFS_DIR / "theorem1.cert.json")
    # this checkout's package, also where a copy is installed (non-editable) in site-packages
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p))
    out = subprocess.run([sys.executable, "-c", _PROBE.format(cert=cert)], cwd=tmp_path,
                         capture_output=True, text=True, check=True, env=env).stdout
    data = json.loads(out.strip().splitlines()[-1])
    pkg = ROOT / "selu_proof"
    files = {Path(f).resolve().relative_to(ROOT).as_posix() for f in data["files"]
             if Path(f).resolve().is_relative_to(pkg)}
    return files, data["third"]


#: Loaded by ``check`` outside the kernel: the command-line entry (argument parser and
#: each subcommand's ``register()``; only ``check``'s handler runs) and the lazy package
#: root.  Nothing in them decides a verdict.
ENTRY = ("selu_proof/__init__.py", "selu_proof/__main__.py", "selu_proof/cli/")


def test_check_executes_only_the_kernel_the_generated_code_and_the_entry(tmp_path):
    files, third = _traced(tmp_path)
    outside = sorted(f for f in files if not f.startswith(
        ("selu_proof/kernel/", "selu_proof/generated/", *ENTRY)))
    assert not outside, outside
    assert not any(f.startswith(("selu_proof/search/", "selu_proof/derive/")) for f in files)
    # besides the package: python-flint and interpreter/site machinery only
    # (__mp_main__: multiprocessing's alias of the main module, for the worker processes)
    allowed = {"flint", "selu_proof", "__main__", "__mp_main__", "cython_runtime",
               "_distutils_hack", "certifi"}
    extra = {m for m in third if m not in allowed and not m.startswith(("_cython", "__editable"))}
    assert not extra, extra


def test_check_of_an_activation_certificate_executes_only_the_kernel(tmp_path):
    """A certificate of a catalogue activation is replayed by quadrature, in the kernel."""
    from selu_proof.kernel.specs import parse_spec
    from selu_proof.search.prover import prove_spec

    spec = parse_spec({"name": "tanh_tiny", "parameters": {"activation": "tanh",
                                                           "normalize": "affine"},
                       "domain": {"mu": ["0", "0.001"], "omega": ["0", "0.001"],
                                  "nu": ["1", "1.001"], "tau": ["1", "1.001"]},
                       "claim": [{"kind": "spectral_norm_below", "bound": "1"}]})
    (res,) = prove_spec(spec, out_dir=tmp_path, max_boxes=100)
    assert res.status == "proved"
    files, _ = _traced(tmp_path, str(tmp_path / "tanh_tiny.cert.json"))
    assert "selu_proof/kernel/activation_claims.py" in files
    outside = sorted(f for f in files if not f.startswith(
        ("selu_proof/kernel/", "selu_proof/generated/", *ENTRY)))
    assert not outside, outside


def test_readme_lists_the_kernel_and_the_generated_code_check_executes(tmp_path):
    """The table is every file under ``selu_proof/kernel/`` plus each generated module
    ``check`` loads, with true line counts."""
    table = _readme_table()
    files, _ = _traced(tmp_path)
    kernel = {p.relative_to(ROOT).as_posix() for p in (ROOT / "selu_proof" / "kernel").glob("*.py")}
    wanted = kernel | {f for f in files if f.startswith("selu_proof/generated/")}
    expected = "\n".join(f"| `{f}` | {len((ROOT / f).read_text().splitlines())} |"
                         for f in sorted(wanted))
    assert set(table) == wanted, f"README Trusted base table should list:\n{expected}"
    generated = sum(n for path, n in table.items() if path.startswith("selu_proof/generated/"))
    assert generated <= 2000, f"check runs {generated} lines of generated code (at most 2,000)"
    for path, n in table.items():
        assert len((ROOT / path).read_text(encoding="utf-8").splitlines()) == n, \
            f"{path}: README says {n} lines; table should read:\n{expected}"


def test_kernel_imports_nothing_outside_itself_and_the_generated_code():
    """No import of the search (or of anything else of the package) from the kernel."""
    for path in (ROOT / "selu_proof" / "kernel").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for target in re.findall(r"(?:from|import) (selu_proof[\w.]*(?: import \w+)?)", text):
            assert target.startswith(("selu_proof.kernel", "selu_proof.generated")), \
                f"{path.name} imports {target}"

