"""``python -m selu_proof`` runs the CLI."""

from selu_proof.cli import main

raise SystemExit(main())
