"""``selu-proof constants``: certified digits of alpha_01, lambda_01 and their product."""

from __future__ import annotations

import argparse

from selu_proof.cli.common import CLIError, emit_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "constants",
        help="print alpha_01, lambda_01 and alpha*lambda with certified digits",
        description="Print the SELU constants alpha_01 and lambda_01 (paper Eq. 8-9) and "
        "their product alpha*lambda (the magnitude of the saturation value -lambda*alpha), "
        "correctly rounded to N significant digits; every digit is certified by an arb "
        "enclosure of the closed form.",
    )
    p.add_argument("--digits", type=int, default=30, metavar="N",
                   help="significant digits (default 30; 10000 takes a fraction of a second)")
    p.add_argument("--json", action="store_true",
                   help="print {\"alpha\", \"lambda\", \"alpha_lambda\"} as decimal strings")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from selu_proof.constants import constant_digits

    if args.digits < 1 or args.digits > 1_000_000:
        raise CLIError("--digits must be between 1 and 1000000")
    values = constant_digits(args.digits)
    if args.json:
        emit_json(values)
    else:
        width = max(len(k) for k in values)
        for key, value in values.items():
            print(f"{key:<{width}}  {value}")
    return 0
