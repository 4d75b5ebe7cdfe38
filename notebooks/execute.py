"""Re-execute the notebooks in this folder and write their outputs back.

Usage (from the repository root)::

    python notebooks/execute.py                      # every notebook in notebooks/
    python notebooks/execute.py notebooks/03_the_proof.ipynb

Each notebook runs top to bottom in a kernel started by this interpreter (so it
imports the same ``selu_proof``), in a temporary working directory and without
timing metadata, so the stored outputs depend only on the code.  The notebooks
must keep their outputs deterministic: fixed seeds, no timings, no paths.
``tests/test_notebooks.py`` executes the notebooks the same way and fails when
a stored output differs from a fresh one (:func:`compare_outputs`): the text must
be the same and the numbers in it equal within each cell's stated tolerance, since
another CPU, BLAS or thread count changes floats in their last digits.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import struct
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def notebooks() -> list[Path]:
    """Every notebook in this folder, in name order."""
    return sorted(HERE.glob("*.ipynb"))


@contextlib.contextmanager
def this_interpreter_kernel() -> Iterator[None]:
    """While active, the ``python3`` kernel runs ``sys.executable``.

    A temporary kernelspec found first through ``JUPYTER_PATH``; ``MPLBACKEND``
    is unset so that the kernel uses its inline backend; ``SELU_PROOF_REPO`` names
    the repository for notebooks that read committed results.
    """
    saved = {k: os.environ.get(k) for k in ("JUPYTER_PATH", "MPLBACKEND", "SELU_PROOF_REPO")}
    with tempfile.TemporaryDirectory() as root:
        spec = Path(root) / "kernels" / "python3"
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(json.dumps({
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (ipykernel)", "language": "python"}))
        os.environ["JUPYTER_PATH"] = root
        os.environ["SELU_PROOF_REPO"] = str(HERE.parent)  # notebooks that read committed results
        os.environ.pop("MPLBACKEND", None)
        try:
            yield
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def execute(path: Path) -> Any:
    """Execute the notebook at ``path`` (inside :func:`this_interpreter_kernel`); return it."""
    import nbclient
    import nbformat

    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as work:
        client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                         record_timing=False,
                                         resources={"metadata": {"path": work}})
        client.execute()
    for cell in nb.cells:  # timings recorded by an earlier run are not outputs
        cell.metadata.pop("execution", None)
    return nb


def _png_size(data: str) -> tuple[int, int]:
    raw = base64.b64decode(data)
    return struct.unpack(">II", raw[16:24])


def merged_outputs(cell: Any) -> list[dict[str, Any]]:
    """The outputs of a code cell, each run of one stream's outputs joined into one.

    How a stream is cut into outputs is timing: ipykernel sends what a cell has
    written when its IO thread flushes (on a timer, and when woken), so one
    ``print("certificate:", "valid")`` may arrive as ``"certificate:"`` and
    ``" valid\\n"``.  Joined, the text is what the cell printed, whatever the cuts.
    """
    out: list[dict[str, Any]] = []
    for o in cell.get("outputs", []):
        if o["output_type"] == "stream" and out and out[-1]["output_type"] == "stream" \
                and out[-1]["name"] == o["name"]:
            out[-1] = {**out[-1], "text": "".join(out[-1]["text"]) + "".join(o["text"])}
        else:
            out.append(o)
    return out


def output_summary(nb: Any) -> list[list[str]]:
    """Per code cell, its outputs as comparable text.

    Streams, ``text/plain`` results and errors are kept verbatim (with object
    addresses masked); an image is reduced to its type and pixel size, since
    PNG bytes need not be reproducible across matplotlib builds.
    """
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        items: list[str] = []
        for o in merged_outputs(cell):
            if o["output_type"] == "stream":
                items.append(f"{o['name']}: {o['text']}")
            elif o["output_type"] == "error":
                items.append(f"error: {o['ename']}: {o['evalue']}")
            else:
                data = o.get("data", {})
                for mime in sorted(data):
                    if mime == "image/png":
                        width, height = _png_size(data[mime])
                        items.append(f"image/png {width}x{height}")
                    elif mime.startswith("image/"):
                        items.append(mime)
                    else:
                        items.append(f"{mime}: {data[mime]}")
        out.append([re.sub(r" at 0x[0-9a-f]+", " at 0x…", s) for s in items])
    return out


#: A number as cells print it: sign, digits with an optional point, optional exponent.
NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")

#: Relative tolerance for a cell that declares none: its numbers come from exact or
#: ball arithmetic, or from float64 element-wise functions whose SIMD implementations
#: differ between CPUs in the last bits.
DEFAULT_RTOL = 1e-9


def cell_tolerance(cell: Any) -> tuple[float, bool]:
    """The relative tolerance for a code cell's numbers, and whether counts may move.

    A cell whose numbers come from BLAS products, threads or a simulation (float32 deep
    nets, PyTorch training) declares it in its metadata, with the reason::

        "selu_proof": {"rtol": 0.001, "why": "float32 simulation over 40 layers"}

    Such a cell's integers may also move by one (a count of layers in a box, an accuracy
    numerator).  Every other cell gets :data:`DEFAULT_RTOL` and exact integers.
    """
    meta = cell.get("metadata", {}).get("selu_proof", {})
    if "rtol" in meta:
        return float(meta["rtol"]), True
    return DEFAULT_RTOL, False


def _last_place(token: str) -> float:
    """One unit in the last printed place of a decimal ``token``."""
    mantissa, _, exponent = token.lower().partition("e")
    decimals = len(mantissa.partition(".")[2])
    return 10.0 ** (int(exponent or 0) - decimals)


def _numbers_agree(a: str, b: str, rtol: float, counts_move: bool) -> bool:
    """``a`` and ``b`` agree within ``rtol`` (relative) plus one unit in the last place.

    The unit in the last place allows for a value near a rounding boundary printed on
    either side of it.  Integers must be equal unless ``counts_move``.
    """
    x, y = float(a), float(b)
    integer = not any(ch in a + b for ch in ".eE")
    if integer and not counts_move:
        return a.lstrip("+") == b.lstrip("+")
    slack = max(_last_place(a), _last_place(b))
    return abs(x - y) <= rtol * max(abs(x), abs(y)) + slack


def compare_outputs(stored: Any, fresh: Any) -> list[str]:
    """Where the outputs of two runs of one notebook differ, one line per difference.

    Each code cell's outputs (as :func:`output_summary` gives them) must have the same
    text once every number is replaced by a placeholder, and the numbers must agree
    within the cell's tolerance (:func:`cell_tolerance`): another CPU, BLAS or thread
    count changes floats in their last digits, so printed floats are never compared
    as text.  Images compare by count and pixel size.
    """
    cells = [c for c in stored.cells if c.cell_type == "code"]
    old, new = output_summary(stored), output_summary(fresh)
    if len(old) != len(new):
        return [f"{len(old)} code cells stored, {len(new)} in a fresh run"]
    problems = []
    for i, (cell, a, b) in enumerate(zip(cells, old, new)):
        rtol, counts_move = cell_tolerance(cell)
        if len(a) != len(b):
            problems.append(f"code cell {i}: {len(a)} outputs stored, {len(b)} fresh")
            continue
        for x, y in zip(a, b):
            if NUMBER.sub("#", x) != NUMBER.sub("#", y):
                problems.append(f"code cell {i}: text differs: {x[:200]!r} vs {y[:200]!r}")
                continue
            for p, q in zip(NUMBER.findall(x), NUMBER.findall(y)):
                if not _numbers_agree(p, q, rtol, counts_move):
                    problems.append(f"code cell {i}: {p} stored, {q} fresh (rtol {rtol:g})")
                    break
    return problems


def main(argv: list[str]) -> int:
    import nbformat

    paths = [Path(a) for a in argv] or notebooks()
    with this_interpreter_kernel():
        for path in paths:
            nb = execute(path)
            nbformat.write(nb, path)
            print(f"{path.name}: executed, outputs written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
