"""Shared CLI plumbing: one-line errors, JSON printing, number parsing, progress."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

__all__ = ["CLIError", "emit_json", "parse_exact", "parse_float", "progress", "check_supported",
           "check_parameter", "check_output_file", "check_output_dir",
           "check_precision", "check_network_size", "check_seed", "check_tolerance",
           "run_guarded"]


class CLIError(Exception):
    """A user error: printed as one line ``selu-proof: error: ...`` with exit code 2."""


def emit_json(obj: Any) -> None:
    """Print ``obj`` as indented JSON on stdout."""
    sys.stdout.write(json.dumps(obj, indent=2) + "\n")


def parse_exact(text: str, name: str) -> Fraction:
    """Parse an exact decimal (``"0.1"``, ``"-2"``, ``"1e-3"``) as a Fraction.

    The grammar is that of specifications (:func:`selu_proof.kernel.exact.parse_decimal`):
    no fractions, underscores, non-ASCII digits, NaN or infinities, a bounded exponent.
    """
    from selu_proof.kernel.exact import parse_decimal

    try:
        return parse_decimal(text.strip())
    except ValueError as exc:
        raise CLIError(f"{name} must be a finite number: {exc}") from None


def parse_float(text: str, name: str) -> float:
    """Parse a decimal number (the grammar of :func:`parse_exact`) to a finite float."""
    value = parse_exact(text, name)
    try:
        out = float(value)
    except OverflowError:
        out = math.inf
    if not math.isfinite(out):
        raise CLIError(f"{name} is out of the floating-point range, got {text!r}")
    return out


def check_supported(what: str, mu: Any = 0, omega: Any = 0, nu: Any = 1, tau: Any = 1) -> None:
    """Refuse a point or box ``(mu, omega, nu, tau)`` outside the supported domain.

    Each value is a number or an interval ``(lo, hi)``.  The domain is that of
    specifications (:func:`selu_proof.kernel.specs.check_supported`, see
    docs/limitations.md); ``what`` names the options the values came from.
    """
    from selu_proof.kernel.specs import SpecError
    from selu_proof.kernel.specs import check_supported as check

    def interval(x: Any) -> tuple[Fraction, Fraction]:
        lo, hi = x if isinstance(x, tuple) else (x, x)
        return Fraction(lo), Fraction(hi)

    try:
        check(tuple(interval(x) for x in (mu, omega, nu, tau)))
    except SpecError as exc:
        raise CLIError(f"{what}: {exc}") from None


def check_parameter(value: Fraction, option: str) -> Fraction:
    """Refuse a SELU parameter (alpha or lambda) outside the supported range."""
    from selu_proof.kernel.specs import PARAMETER_RANGE

    lo, hi = PARAMETER_RANGE
    if not lo <= value <= hi:
        raise CLIError(f"{option} must be in [{float(lo):g}, {float(hi):g}] (the supported "
                       "range, as in specifications)")
    return value


def check_output_file(path: str, option: str) -> None:
    """Refuse an output file whose directory does not exist, before any work is done."""
    from pathlib import Path

    parent = Path(path).parent
    if not parent.is_dir():
        raise CLIError(f"{option} {path}: directory {str(parent)!r} does not exist")
    if Path(path).is_dir():
        raise CLIError(f"{option} {path} is a directory")


def check_network_size(depth: int, width: int, batch: int, *, itemsize: int = 4,
                       gradients: bool = False, pairs: bool = False) -> None:
    """Refuse, before allocating, a simulated network too large for this machine.

    The estimate (:func:`selu_proof.numeric.memory.simulation_bytes`) counts the
    weights, the activations and, with ``gradients``, the derivatives kept per layer.
    """
    from selu_proof.numeric.memory import check_memory, simulation_bytes

    if depth < 1 or width < 2 or batch < 2:
        raise CLIError("need --depth >= 1, --width >= 2 and --batch >= 2")
    if width * batch > 2**31 or width > 65536:
        raise CLIError("--width/--batch too large for a simulation in memory")
    what = f"depth {depth}, width {width}, batch {batch}" + \
        (" with --gradients" if gradients else "")
    try:
        check_memory(simulation_bytes(depth, width, batch, itemsize, gradients=gradients,
                                      pairs=pairs), what)
    except MemoryError as exc:
        raise CLIError(str(exc)) from None


def check_tolerance(text: str, option: str = "--tol") -> Fraction:
    """A positive tolerance of at least :data:`~selu_proof.kernel.specs.MIN_TOLERANCE`."""
    from selu_proof.kernel.specs import MIN_TOLERANCE

    tol = parse_exact(text, option)
    if not MIN_TOLERANCE <= tol:
        raise CLIError(f"{option} must be positive and at least 1e-30, got {text!r}")
    return tol


def check_seed(seed: int, option: str = "--seed") -> int:
    """A seed in ``[0, 2**63)`` (numpy needs it non-negative, torch below ``2**63``)."""
    if not 0 <= seed < 2**63:
        raise CLIError(f"{option} must be an integer in [0, 2**63), got {seed}")
    return seed


def check_precision(bits: int, specs: Sequence[Any] = ()) -> None:
    """Refuse a ``--precision`` the checker would not accept (one limit for every command),
    also for each of ``specs`` (a specification with an activation has a lower ceiling,
    :func:`selu_proof.kernel.specs.check_precision`).
    """
    from selu_proof.kernel.specs import PRECISION_RANGE, SpecError
    from selu_proof.kernel.specs import check_precision as check_spec

    lo, hi = PRECISION_RANGE
    if not lo <= bits <= hi:
        raise CLIError(f"--precision must be between {lo} and {hi} bits (the checker's range)")
    for spec in specs:
        try:
            check_spec(spec, bits)
        except SpecError as exc:
            raise CLIError(f"--precision: {spec.name}: {exc}") from None


def check_output_dir(path: str, option: str) -> None:
    """Create the output directory ``path`` now, or refuse it, before any work is done."""
    from pathlib import Path

    try:
        Path(path).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CLIError(f"cannot write to {path} ({option}, a directory): "
                       f"{exc.strerror or exc}") from None


def missing_dirs(path: str) -> list[str]:
    """``path`` and its ancestors that do not exist yet, deepest first (what
    :func:`check_output_dir` will create).
    """
    import os

    out = []
    while path and not os.path.lexists(path):
        out.append(path)
        parent = os.path.dirname(path.rstrip(os.sep))
        if parent == path:
            break
        path = parent
    return out


def remove_if_empty(dirs: list[str]) -> None:
    """Remove the directories ``dirs`` (deepest first, from :func:`missing_dirs`) that are
    empty: an output directory created for a search that then wrote nothing into it.
    """
    import os

    for d in dirs:
        try:
            os.rmdir(d)
        except OSError:  # not empty (nor are its ancestors), or gone
            return


def progress(total: int | None, desc: str, enabled: bool) -> Any:
    """A tqdm progress bar on stderr when ``enabled`` (a terminal, not ``--json``)."""
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, disable=not enabled, file=sys.stderr, leave=False)


#: longest error line printed; a longer message (e.g. quoting a 100,000-character name) is cut
#: in the middle
MAX_ERROR_LINE = 500


def _one_line(message: str) -> str:
    """``message`` on one line of at most :data:`MAX_ERROR_LINE` characters."""
    message = " ".join(message.split())
    if len(message) <= MAX_ERROR_LINE:
        return message
    half = (MAX_ERROR_LINE - 30) // 2
    return f"{message[:half]} ... ({len(message) - 2 * half} characters) ... {message[-half:]}"


def run_guarded(fn: Callable[[], int]) -> int:
    """Run a command body; user errors become one line on stderr and exit code 2.

    So does running out of memory (a ``MemoryError`` anywhere in the command): the
    line names the allocation that failed and the estimate of the request checked
    before the work (:func:`selu_proof.numeric.memory.out_of_memory_message`).
    Floating-point ``RuntimeWarning``s (numpy's overflow/invalid-value notes
    from float evaluations of figures and simulations, whose results are checked
    where they matter) are not printed.
    """
    import warnings

    memory = sys.modules.get("selu_proof.numeric.memory")  # not imported: nothing to forget
    if memory is not None:
        memory.forget_estimate()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            return fn()
    except CLIError as exc:
        sys.stderr.write(f"selu-proof: error: {_one_line(str(exc))}\n")
        return 2
    except MemoryError as exc:
        from selu_proof.numeric.memory import out_of_memory_message

        sys.stderr.write(f"selu-proof: error: {_one_line(out_of_memory_message(exc))}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("selu-proof: interrupted\n")
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
