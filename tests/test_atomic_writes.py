"""Every file the package writes is written atomically (``selu_proof.files.write_atomic``).

A symbolic link planted at an output name is replaced by a regular file and its target,
outside the output folder, is left unchanged; a failed write leaves the old file and no
temporary.  A source scan holds every writer of the package to the one helper.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path
from typing import Any

import pytest

from selu_proof.files import write_atomic
from selu_proof.kernel.specs import parse_spec
from selu_proof.search.prover import prove_spec

PACKAGE = Path(__file__).resolve().parent.parent / "selu_proof"
SMALL = {"mu": ["-0.01", "0.01"], "omega": ["-0.01", "0.01"], "nu": ["0.95", "1.05"],
         "tau": ["0.99", "1.01"]}
SECRET = b"outside the output folder\n"


def _plant(link: Path, outside: Path) -> Path:
    """A link at ``link`` to a file in ``outside`` holding :data:`SECRET`."""
    outside.mkdir(exist_ok=True)
    target = outside / "target.txt"
    target.write_bytes(SECRET)
    link.symlink_to(target)
    return target


def _replaced(link: Path, target: Path) -> None:
    assert not link.is_symlink() and link.is_file()
    assert target.read_bytes() == SECRET


def test_a_link_at_the_name_is_replaced_not_followed(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    target = _plant(out / "a.json", tmp_path / "elsewhere")
    assert write_atomic(out / "a.json", '{"x": 1}') == out / "a.json"
    _replaced(out / "a.json", target)
    assert (out / "a.json").read_text() == '{"x": 1}'
    assert sorted(p.name for p in out.iterdir()) == ["a.json"]  # no temporary left


def test_an_existing_file_is_replaced_whole_with_the_usual_permissions(tmp_path):
    path = tmp_path / "c.json"
    path.write_text("old")
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "c.json"
    path.write_text("old")

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["c.json"]


def _prove_with_a_link(tmp_path: Path, name: str, bound: str, link: str) -> tuple[Any, Path]:
    """Prove ``S(H) < bound`` on a small box into ``tmp_path/out``, where a link named
    ``link`` points outside; the result and the link's target."""
    out = tmp_path / "out"
    out.mkdir()
    target = _plant(out / link, tmp_path / "elsewhere")
    raw = {"name": name, "domain": SMALL, "claim": [{"kind": "spectral_norm_below",
                                                     "bound": bound}]}
    (res,) = prove_spec(parse_spec(raw), out_dir=out)
    return res, target


def test_prove_replaces_a_link_at_the_certificate_name(tmp_path):
    res, target = _prove_with_a_link(tmp_path, "t", "1", "t.cert.json")
    path = tmp_path / "out" / "t.cert.json"
    assert res.status == "proved" and res.certificate == str(path)
    _replaced(path, target)
    assert path.read_bytes().startswith(b"{")


def test_prove_replaces_a_link_at_the_checkpoint_name(tmp_path):
    res, target = _prove_with_a_link(tmp_path, "f", "0.5", "f.checkpoint.json")
    assert res.status == "refuted"
    _replaced(tmp_path / "out" / "f.checkpoint.json", target)


def test_a_link_at_a_guessable_temporary_name_is_not_followed(tmp_path):
    """The temporary file has a fresh random name and is created exclusively: a link
    planted where a fixed temporary name would be is left alone."""
    res, target = _prove_with_a_link(tmp_path, "f", "0.5", "f.checkpoint.json.tmp")
    out = tmp_path / "out"
    assert res.status == "refuted"
    assert target.read_bytes() == SECRET and (out / "f.checkpoint.json.tmp").is_symlink()
    assert not (out / "f.checkpoint.json").is_symlink()
    assert (out / "f.checkpoint.json").read_bytes().startswith(b'{"format":')


def test_a_figure_replaces_a_link_at_its_name(tmp_path):
    from matplotlib.figure import Figure

    from selu_proof.plots import save_figure

    target = _plant(tmp_path / "fig.png", tmp_path / "elsewhere")
    fig = Figure()
    fig.add_subplot().plot([0, 1], [1, 0])
    save_figure(fig, tmp_path / "fig.png")
    _replaced(tmp_path / "fig.png", target)
    assert (tmp_path / "fig.png").read_bytes().startswith(b"\x89PNG")


def _writes(tree: ast.AST) -> list[str]:
    """Calls in ``tree`` that write a file by themselves (not through ``write_atomic``):
    ``write_bytes``, ``write_text``, ``json.dump``, ``os.replace``/``os.rename``,
    ``savefig`` other than into a buffer, and ``open`` with a writing mode.
    """
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else \
            func.id if isinstance(func, ast.Name) else ""
        owner = func.value.id if isinstance(func, ast.Attribute) \
            and isinstance(func.value, ast.Name) else ""
        first = node.args[0] if node.args else None
        mode = node.args[1] if len(node.args) > 1 else None
        if name in ("write_bytes", "write_text") or (owner, name) in (
                ("json", "dump"), ("os", "replace"), ("os", "rename")) \
                or name == "savefig" and not (isinstance(first, ast.Name) and first.id == "buf") \
                or name == "open" and isinstance(mode, ast.Constant) \
                and isinstance(mode.value, str) and set(mode.value) & set("wax+"):
            found.append(f"{owner + '.' if owner else ''}{name} at line {node.lineno}")
    return found


def test_every_file_the_package_writes_goes_through_the_helper():
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name != "files.py":
            found = _writes(ast.parse(path.read_text(encoding="utf-8")))
            if found:
                offenders[str(path.relative_to(PACKAGE))] = found
    assert offenders == {}
