"""Docs as tests: every command has --help and is documented in the README."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import main

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_readme(command):
    assert re.search(rf"`tidings {command}\b", README), f"README does not document {command}"


def test_readme_names_the_two_setup_commands():
    assert "make demo" in README and "make test" in README


def test_extract_reports_bad_input_in_one_line_and_fails(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = CliRunner().invoke(main, ["extract", str(empty)])
    assert result.exit_code == 1
    assert "[E101]" in result.output and len(result.output.strip().splitlines()) == 1


def test_extract_rejects_impossible_published_date(tmp_path):
    result = CliRunner().invoke(main, ["extract", "x.txt", "--published", "2025-02-30"])
    assert result.exit_code == 2
    assert "not a real date" in result.output
