"""Re-execute the notebooks in this folder and write their outputs back.

Usage (from the repository root)::

    python notebooks/execute.py                      # every notebook in notebooks/
    python notebooks/execute.py notebooks/03_the_proof.ipynb

Each notebook runs top to bottom in a kernel started by this interpreter (so it
imports the same ``selu_proof``), in a temporary working directory and without
timing metadata, so the stored outputs depend only on the code.  The notebooks
must keep their outputs deterministic: fixed seeds, no timings, no paths.
``tests/test_notebooks.py`` executes the notebooks the same way and fails when
a stored output differs from a fresh one (:func:`output_summary`).
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
        stream = ""
        for o in cell.get("outputs", []):
            if o["output_type"] == "stream":  # how a stream is cut into outputs is timing
                prefix = f"{o['name']}: "
                if items and items[-1].startswith(prefix) and stream == o["name"]:
                    items[-1] += o["text"]
                else:
                    items.append(prefix + o["text"])
                stream = o["name"]
                continue
            stream = ""
            if o["output_type"] == "error":
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
