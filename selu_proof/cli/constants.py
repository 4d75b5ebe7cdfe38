"""``selu-proof constants``: certified digits of alpha_01, lambda_01 and their product."""

from __future__ import annotations

import argparse

from selu_proof.cli.common import CLIError, emit_json

#: most digits printed: about a second here (10,000 take 0.1 s, 100,000 about 20 s)
MAX_DIGITS = 30_000


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
                   help=f"significant digits (default 30, at most {MAX_DIGITS}; 10000 take a "
                   "fraction of a second)")
    p.add_argument("--json", action="store_true",
                   help="print {\"alpha\", \"lambda\", \"alpha_lambda\"} as decimal strings")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from selu_proof.kernel.constants import constant_digits

    if not 1 <= args.digits <= MAX_DIGITS:
        raise CLIError(f"--digits must be between 1 and {MAX_DIGITS} (the time grows about "
                       f"quadratically: {MAX_DIGITS} digits take about a second)")
    values = constant_digits(args.digits)
    if args.json:
        emit_json(values)
    else:
        width = max(len(k) for k in values)
        for key, value in values.items():
            print(f"{key:<{width}}  {value}")
    return 0
