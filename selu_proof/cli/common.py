"""Shared CLI plumbing: one-line errors, JSON printing, number parsing, progress."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from fractions import Fraction
from typing import Any

__all__ = ["CLIError", "emit_json", "parse_exact", "parse_float", "progress"]


class CLIError(Exception):
    """A user error: printed as one line ``selu-proof: error: ...`` with exit code 2."""


def emit_json(obj: Any) -> None:
    """Print ``obj`` as indented JSON on stdout."""
    sys.stdout.write(json.dumps(obj, indent=2) + "\n")


def parse_exact(text: str, name: str) -> Fraction:
    """Parse an exact decimal (``"0.1"``, ``"-2"``, ``"1e-3"``) as a Fraction; refuse NaN/inf."""
    try:
        value = Fraction(text.strip())
    except (ValueError, ZeroDivisionError):
        raise CLIError(f"{name} must be a finite number, got {text!r}") from None
    return value


def parse_float(text: str, name: str) -> float:
    """Parse a finite float; refuse NaN and infinities with a clear message."""
    try:
        value = float(text)
    except ValueError:
        raise CLIError(f"{name} must be a number, got {text!r}") from None
    if not math.isfinite(value):
        raise CLIError(f"{name} must be finite, got {text!r}")
    return value


def progress(total: int | None, desc: str, enabled: bool) -> Any:
    """A tqdm progress bar on stderr when ``enabled`` (a terminal, not ``--json``)."""
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, disable=not enabled, file=sys.stderr, leave=False)


def run_guarded(fn: Callable[[], int]) -> int:
    """Run a command body; user errors become one line on stderr and exit code 2."""
    try:
        return fn()
    except CLIError as exc:
        sys.stderr.write(f"selu-proof: error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("selu-proof: interrupted\n")
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
