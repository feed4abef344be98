"""Fixtures of the store tests: damaging a DuckDB file the ways disks and copies do."""

import pytest

BLOCK_SIZE, HEADERS = 262_144, 3 * 4096  # DuckDB's file layout: three headers, then blocks


def cut_short(path):
    """Keep the first half of the file, as a copy interrupted midway would."""
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])


def rot_data_blocks(path):
    """Overwrite bytes inside every block but the first (which holds the catalogue): the store
    opens, and reading its rows fails on a checksum."""
    with path.open("r+b") as file:
        for block in range(1, (path.stat().st_size - HEADERS) // BLOCK_SIZE):
            file.seek(HEADERS + block * BLOCK_SIZE + 64)
            file.write(b"\xff" * 64)


@pytest.fixture
def damage():
    """Damage the DuckDB file at a path: `cut` (truncated) or `rot` (unreadable rows)."""

    def damaged(path, how):
        {"cut": cut_short, "rot": rot_data_blocks}[how](path)
        return path.read_bytes()

    return damaged
