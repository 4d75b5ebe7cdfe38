"""The "Trusted base" table (docs/kernel.md) is what ``selu-proof check`` really executes.

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

from selu_proof.interval.specs import PROOFS_DIR

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


def _traced(tmp_path: Path) -> tuple[set[str], list[str]]:
    cert = str(PROOFS_DIR / "theorem1.cert.json")
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


def test_readme_lists_exactly_what_check_executes(tmp_path):
    table = _readme_table()
    files, third = _traced(tmp_path)
    expected = "\n".join(f"| `{f}` | {len((ROOT / f).read_text().splitlines())} |"
                         for f in sorted(files))
    assert set(table) == files, f"docs/kernel.md Trusted base table should list:\n{expected}"
    for path, n in table.items():
        assert len((ROOT / path).read_text(encoding="utf-8").splitlines()) == n, \
            f"{path}: docs/kernel.md says {n} lines; table should read:\n{expected}"
    # besides the package: python-flint and interpreter/site machinery only
    # (__mp_main__: multiprocessing's alias of the main module, for the worker processes)
    allowed = {"flint", "selu_proof", "__main__", "__mp_main__", "cython_runtime",
               "_distutils_hack", "certifi"}
    extra = {m for m in third if m not in allowed and not m.startswith(("_cython", "__editable"))}
    assert not extra, extra
    assert not any(f.startswith("selu_proof/interval/prover") or f.endswith("symbolic.py")
                   or f.endswith("codegen.py") for f in files)
