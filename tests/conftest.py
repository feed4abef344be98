"""Shared fixtures: the real spaCy pipeline (loaded once) and the reference article."""

from datetime import date
from pathlib import Path

import pytest

from tidings.articles import read_article
from tidings.model import Article
from tidings.pipeline import Pipeline, extract, load_pipeline

REFERENCE = Path(__file__).parents[1].parent / "shared" / "corpus" / "tomahawk-2025-10-17.json"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return load_pipeline()


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def run(pipeline):
    """Extract the record of a text written in a test, published on a given day."""

    def extract_text(text: str, published: date = date(2025, 3, 5)):
        return extract(Article(id="t", text=text, published=published), pipeline)

    return extract_text


@pytest.fixture(scope="session")
def reference_report(pipeline):
    if not REFERENCE.exists():
        pytest.skip("the reference corpus (../shared/corpus) is not present")
    return extract(read_article(REFERENCE), pipeline)
