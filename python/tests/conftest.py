"""Shared helpers: the `loyalty` command to compare with, the example programs, and a walk that
finds floats."""

import json
import os
import pathlib
import subprocess
import sys
from decimal import Decimal

import pytest

sys.path.insert(0, os.path.dirname(__file__))

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROGRAMS = ROOT / "examples" / "programs"
# scripts/python.sh builds the command and says where it is; by hand, the root's debug build.
CLI = os.environ.get("LOYALTY_CLI", str(ROOT / "target" / "debug" / "loyalty"))


class CommandError(Exception):
    def __init__(self, error: dict):
        super().__init__(error)
        self.error = error


def run_cli(*args: str, stdin: str = "") -> str:
    """The command's stdout, or a CommandError holding the {code, path, message} it printed."""
    done = subprocess.run([CLI, *args], input=stdin, capture_output=True, text=True)
    if done.returncode != 0:
        raise CommandError(json.loads(done.stderr.strip().splitlines()[-1]))
    return done.stdout


def program(name: str) -> dict:
    return json.loads((PROGRAMS / f"{name}.json").read_text())


def as_json(value) -> object:
    """A result as the command's JSON would read: every Decimal back to its exact string."""
    return json.loads(json.dumps(value, default=lambda d: format(d, "f")))


def floats_in(value, path="") -> list:
    if isinstance(value, float):
        return [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in floats_in(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in floats_in(v, f"{path}[{i}]")]
    return []


@pytest.fixture(scope="session", autouse=True)
def command_is_built():
    if not os.path.exists(CLI):
        pytest.exit(f"{CLI} is missing: run `cargo build --features cli` (scripts/python.sh does)")
