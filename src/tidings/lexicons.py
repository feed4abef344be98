"""Reading the data files shipped under `tidings/data/`: word lists and tab-separated tables."""

from __future__ import annotations

from functools import cache
from importlib import resources


def data_text(name: str) -> str:
    """The text of a shipped data file, by its path inside the package (`data/...`)."""
    return resources.files("tidings").joinpath(name).read_text("utf-8")


def data_lines(name: str) -> list[str]:
    """The non-empty, non-comment lines of a shipped word list, stripped."""
    lines = (line.strip() for line in data_text(name).splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def data_table(name: str) -> list[dict[str, str]]:
    """Rows of a shipped tab-separated file whose first non-comment line is the header."""
    lines = [line for line in data_text(name).splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True)))
    return rows


def data_files(main: str, folder: str, suffix: str) -> list[str]:
    """A shipped table and the files of its folder after it, by name: `main`, then
    `folder/*suffix` (tables split by scope so each file stays reviewable)."""
    directory = resources.files("tidings").joinpath(folder)
    names = [f.name for f in directory.iterdir()] if directory.is_dir() else []
    return [main, *(f"{folder}/{name}" for name in sorted(names) if name.endswith(suffix))]


@cache
def receiving_verbs() -> frozenset[str]:
    """Verbs whose subject receives what is given and whose "from" phrase names the giver
    ("received a loan from the IMF"; data/receiving_verbs.txt)."""
    return frozenset(data_lines("data/receiving_verbs.txt"))
