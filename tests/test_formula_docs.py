"""docs/your_activation.md: its catalogue table is the code's, and its refusals are real."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from selu_proof.cli.activations import catalogue_markdown

PAGE = Path(__file__).resolve().parent.parent / "docs" / "your_activation.md"


def test_the_catalogue_table_is_generated_from_the_code():
    text = PAGE.read_text(encoding="utf-8")
    block = text.split("<!-- catalogue:start -->", 1)[1].split("<!-- catalogue:end -->", 1)[0]
    assert block.strip() == catalogue_markdown().strip()


def test_the_refusals_shown_are_what_the_cli_prints():
    text = PAGE.read_text(encoding="utf-8")
    block = text.split("```text\n", 1)[1].split("```", 1)[0]
    pairs = re.findall(r"^\$ (.*)\n(.*)$", block, flags=re.M)
    assert len(pairs) == 2
    for cmd, line in pairs:
        args = re.findall(r'"[^"]*"|\S+', cmd)[1:]
        out = subprocess.run([sys.executable, "-m", "selu_proof",
                              *[a.strip('"') for a in args]], capture_output=True, text=True)
        assert out.returncode == 2 and out.stderr.strip() == line
