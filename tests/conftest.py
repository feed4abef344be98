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


@pytest.fixture
def postgres_url():
    """A PostgreSQL store URL on a fresh schema of the CI server (skipped when there is none)."""
    import os
    import uuid

    server = os.environ.get("TIDINGS_TEST_POSTGRES")
    if not server:
        pytest.skip("no PostgreSQL server (TIDINGS_TEST_POSTGRES is not set; .ci/run sets it)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{server}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")
