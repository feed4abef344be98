"""Fixtures of the serving tests."""

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    """Where browser tests save screenshots: $TIDINGS_SCREENSHOTS, or a temporary folder."""
    folder = Path(os.environ.get("TIDINGS_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
