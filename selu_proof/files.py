"""Every file the package writes is written whole or not at all (:func:`write_atomic`).

The bytes go to a new file in the target's folder, created exclusively under a name
nobody else chose, and are flushed to disk; then ``os.replace`` puts that file at the
target name in one step.  A reader sees the old file or the new one, never a half; a
crash leaves at most a hidden temporary behind; and whatever stood at the name (a
symbolic link included) is replaced, not followed: a link planted at an output name
cannot make a write land outside the folder.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

__all__ = ["write_atomic", "marked_block", "write_marked_blocks"]


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write ``data`` (text is encoded as UTF-8) to ``path`` atomically; return the path.

    Raises ``OSError`` (the target untouched) when the folder is missing or not writable.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a.json", "{}").read_text()
    '{}'
    >>> sorted(p.name for p in folder.iterdir())  # no temporary left behind
    ['a.json']
    """
    target = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
    # O_EXCL: a new file, never one already there (nor what a link there points to)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _marked(marker: str) -> re.Pattern[str]:
    m = re.escape(marker)
    return re.compile(rf"(<!-- {m}:start -->\n)(?:.*?\n)?(<!-- {m}:end -->)", re.S)


def marked_block(text: str, marker: str) -> str:
    r"""The text between ``<!-- MARKER:start -->`` and ``<!-- MARKER:end -->`` lines (a
    generated table of a docs page); ``ValueError`` when the page has no such block.

    >>> marked_block("a\n<!-- t:start -->\n| x |\n<!-- t:end -->\n", "t")
    '| x |'
    """
    found = _marked(marker).search(text)
    if found is None:
        raise ValueError(f"no <!-- {marker}:start --> ... <!-- {marker}:end --> block")
    return text[found.end(1):found.start(2)].rstrip("\n")


def write_marked_blocks(page: Path, blocks: dict[str, str]) -> None:
    """Replace each marked block of ``page`` (:func:`marked_block`) by the text given for
    its marker, and write the page atomically; ``ValueError`` (the page untouched) when a
    marker's block is missing.
    """
    text = page.read_text(encoding="utf-8")
    for marker, body in blocks.items():
        marked_block(text, marker)  # the markers are there
        text = _marked(marker).sub(lambda m, b=body: m.group(1) + b + "\n" + m.group(2), text)
    write_atomic(page, text)
