"""Command line interface ``selu-proof``: parses, calls the library, prints, sets the exit code.

Each subcommand lives in its own module exposing ``register(subparsers)``; the
module's ``run(args) -> int`` is attached as the parser default ``func``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from selu_proof.cli.common import run_guarded

__all__ = ["main", "build_parser"]

#: subcommand modules, in the order ``--help`` lists them
_COMMAND_MODULES = ("constants", "design", "normalize", "activations", "prove", "bound", "explore",
                    "simulate", "plot", "mean_field", "train", "gan", "table", "transform",
                    "kernel_map")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit code 2, no usage dump
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    """The ``selu-proof`` argument parser with every available subcommand."""
    parser = _Parser(
        prog="selu-proof",
        description="Derive the SELU constants and prove the self-normalizing theorems of "
        "Klambauer et al. (NeurIPS 2017) with rigorous ball arithmetic. Without a COMMAND, "
        "print this help (exit status 0).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(f"selu_proof.cli.{name}")
        except ModuleNotFoundError as exc:  # a subcommand module not written yet
            if exc.name != f"selu_proof.cli.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``selu-proof`` console script (and ``python -m selu_proof``).

    Without a command it prints the help and returns 0, like ``--help``.
    Ctrl-C at any time, also while the subcommands' modules are imported, ends
    with one line and exit status 130.
    """
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
    except KeyboardInterrupt:
        sys.stderr.write("selu-proof: interrupted\n")
        return 130
    if args.command is None:  # bare `selu-proof`: the help, as `selu-proof --help` prints it
        parser.print_help()
        return 0
    return run_guarded(lambda: args.func(args))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
