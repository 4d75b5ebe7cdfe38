"""Every command in the README runs, and its printed output is the real one.

In ``console`` blocks, ``$ cmd`` lines are run from the repository root; the lines
after them are the expected output.  ``…`` inside a line matches anything on that
line; a line that is only ``…`` matches any number of lines.
"""

from __future__ import annotations

import doctest
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str, text: str = README) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


def _examples(text: str = README) -> list[tuple[str, list[str]]]:
    out = []
    for block in _blocks("console", text):
        cmd, expected = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if cmd:
                    out.append((cmd, expected))
                cmd, expected = line[2:], []
            elif cmd:
                expected.append(line)
        if cmd:
            out.append((cmd, expected))
    return out


def _matches(expected: list[str], actual: list[str]) -> bool:
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head == "…":
        return any(_matches(rest, actual[i:]) for i in range(len(actual) + 1))
    if not actual:
        return False
    return _line_matches(head, actual[0]) and _matches(rest, actual[1:])


#: A printed number: sign, digits with an optional point, optional exponent.
_NUMBER = r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?"
#: Relative tolerance for a printed decimal (plus one unit in its last place): ball
#: arithmetic prints the same digits everywhere, but a float printed by numpy or scipy may
#: differ in its last digits on another CPU.  Integers (counts) must be equal.
_RTOL = 1e-9


def _line_matches(expected: str, actual: str) -> bool:
    """``actual`` matches ``expected`` (``…`` matches anything), numbers within tolerance."""
    pattern, numbers = [], []
    parts = expected.split("…")
    for i, part in enumerate(parts):
        if i:
            pattern.append(".*?")
        pos = 0
        for m in re.finditer(_NUMBER, part):
            if (m.start() == 0 and i) or (m.end() == len(part) and i < len(parts) - 1):
                continue  # digits next to "…" are a literal prefix or suffix ("0.0…")
            pattern.append(re.escape(part[pos:m.start()]) + f"({_NUMBER})")
            numbers.append(m.group())
            pos = m.end()
        pattern.append(re.escape(part[pos:]))
    found = re.fullmatch("".join(pattern), actual)
    return found is not None and all(_number_agrees(a, b) for a, b in zip(numbers, found.groups()))


def _number_agrees(expected: str, actual: str) -> bool:
    if not any(ch in expected + actual for ch in ".eE"):
        return expected.lstrip("+") == actual.lstrip("+")
    mantissa, _, exponent = expected.lower().partition("e")
    last_place = 10.0 ** (int(exponent or 0) - len(mantissa.partition(".")[2]))
    x, y = float(expected), float(actual)
    return abs(x - y) <= _RTOL * max(abs(x), abs(y)) + last_place


def test_number_tolerance_of_the_output_matcher():
    assert _line_matches("S(H) <= 0.996482 (… boxes)", "S(H) <= 0.996483 (111 boxes)")
    assert not _line_matches("S(H) <= 0.996482 (… boxes)", "S(H) <= 0.996485 (111 boxes)")
    assert not _line_matches("valid (5 goals, 76 leaves)", "valid (5 goals, 77 leaves)")
    assert not _line_matches("proved", "refuted")
    assert _line_matches("    0 …    0.0… 0/4", "    0     2.7206    0.084        0/4")
    assert not _line_matches("    0 …    0.0… 0/4", "    0     2.7206    0.184        0/4")
    assert _line_matches("mu~ = [-0.0310601916166924035 +/- 2.43e-22]",
                         "mu~ = [-0.0310601916166924035 +/- 2.43e-22]")


def _run(cmd: str) -> subprocess.CompletedProcess:
    Path("/tmp/selu-readme").mkdir(exist_ok=True)  # the README's commands write there
    argv = shlex.split(cmd)
    assert argv[0] == "selu-proof", cmd
    return subprocess.run([sys.executable, "-m", "selu_proof", *argv[1:]], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


EXAMPLES = _examples()


@pytest.mark.parametrize("cmd,expected", EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_command_output(cmd, expected):
    res = _run(cmd)
    assert res.returncode in (0, 1), res.stderr
    actual = res.stdout.rstrip("\n").splitlines()
    assert _matches(expected, actual), "\n".join(["expected:", *expected, "actual:", *actual])


def test_quick_start_is_two_commands_and_ci_runs_the_test_one():
    (block,) = [b for b in _blocks("console") if not b.startswith("$")]
    lines = block.strip().splitlines()
    assert lines == ["pip install . && selu-proof prove --all",
                     "pip install '.[test]' && python -m pytest"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python -m pip install '.[test]' && python -m pytest" in ci


def test_quick_start_main_job(tmp_path):
    """`selu-proof prove --all` (the main job) proves every shipped claim, with the box
    counts of the README's results table."""
    res = subprocess.run([sys.executable, "-m", "selu_proof", "prove", "--all", "--json",
                          "--out", str(tmp_path)], capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr
    results = json.loads(res.stdout)["results"]
    assert len(results) == 24 and {r["status"] for r in results} == {"proved"}
    rows = re.findall(r"^\| (.+?) \| `(\w+)` \| proved \| (\d+) \|", README, flags=re.M)
    assert len(rows) == 8
    boxes: dict[str, list[int]] = {}
    for r in results:  # claims in the order of their specification
        boxes.setdefault(r["name"], []).append(r["boxes"])
    for _claim, spec, n in rows:  # rows of one spec in the same order
        assert boxes[spec].pop(0) == int(n), (spec, n)


def test_readme_python_examples():
    for block in _blocks("python"):
        test = doctest.DocTestParser().get_doctest(block, {}, "README", "README.md", 0)
        runner = doctest.DocTestRunner()
        runner.run(test)
        assert runner.failures == 0


def test_code_fences_are_well_formed():
    """Every fence is alone on its line (```lang to open, ``` to close) and they pair up,
    so no text is swallowed into or out of a code block when the README is rendered."""
    fences = [(i, line) for i, line in enumerate(README.splitlines(), 1)
              if line.lstrip().startswith("```")]
    opening = True
    for i, line in fences:
        if opening:
            assert re.fullmatch(r"```[a-z]*", line), (i, line)
        else:
            assert line == "```", f"line {i}: a closing fence must stand alone: {line!r}"
        opening = not opening
    assert opening, "an unclosed code fence"


def test_no_paragraph_is_repeated():
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", README)]
    sentences = [s for p in paragraphs for s in re.split(r"(?<=\.) ", p) if len(s) > 60]
    repeated = {s for s in sentences if sentences.count(s) > 1}
    assert not repeated, repeated
