"""Batch extraction: several processes give the same records as one, in input order."""

from pathlib import Path

from tidings.articles import find_article_files, read_article
from tidings.pipeline import extract_many

EXAMPLES = Path(__file__).parents[1] / "examples"


def test_two_processes_match_one(pipeline):
    articles = [read_article(p) for p in find_article_files([EXAMPLES]) if p.suffix == ".json"]
    one = [r.to_dict() for r in extract_many(articles, pipeline=pipeline, batch_size=2)]
    two = [
        r.to_dict() for r in extract_many(articles, pipeline=pipeline, processes=2, batch_size=2)
    ]
    assert [r["article"]["id"] for r in two] == [a.id for a in articles]
    assert two == one
