"""Batch extraction: several processes give the same records as one, in input order."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.articles import find_article_files, read_article
from tidings.model import Article
from tidings.pipeline import extract, extract_many
from tidings.sources import read_sources

EXAMPLES = Path(__file__).parents[1] / "examples"


def test_two_processes_match_one(pipeline):
    articles = [read_article(p) for p in find_article_files([EXAMPLES]) if p.suffix == ".json"]
    one = [r.to_dict() for r in extract_many(articles, pipeline=pipeline, batch_size=2)]
    two = [
        r.to_dict() for r in extract_many(articles, pipeline=pipeline, processes=2, batch_size=2)
    ]
    assert [r["article"]["id"] for r in two] == [a.id for a in articles]
    assert two == one


HEADLINED = [
    ("Rebels seize town in eastern Congo", "M23 rebels seized the town of Sake on Monday."),
    ("Kenya asks IMF for emergency loan", "Kenya asked the IMF for an emergency loan on Monday."),
]


@pytest.mark.parametrize(("title", "body"), HEADLINED)
def test_a_sentence_case_title_from_metadata_is_the_headline(pipeline, tmp_path, title, body):
    feed = tmp_path / "wire.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>{title}</title><link>https://example.org/1</link>"
        f"<description>{body}</description></item></channel></rss>"
    )
    (article,) = read_sources([feed], pipeline.settings)
    assert article.text == f"{title}\n\n{body}"
    events = extract(article, pipeline).events
    assert events and {e.evidence.sentence for e in events} == {body}


def test_a_first_line_without_a_metadata_title_keeps_its_events(pipeline):
    article = Article(id="t", text="Kenya asked the IMF for a loan\n\nTalks went on for a week.")
    request = next(e for e in extract(article, pipeline).events if e.type == "REQUEST")
    assert request.evidence.sentence == "Kenya asked the IMF for a loan"


SEEDED_RUN = """
import json, sys
from datetime import date
import os
import subprocess
import sys
from pathlib import Path
from tidings.model import Article
from tidings.pipeline import extract, load_pipeline
texts = [p.read_text(encoding="utf-8") for p in sorted(Path("examples").glob("*.txt"))]
article = Article(id="all", text="\\n\\n".join(texts * 2), published=date(2025, 3, 1))
print(json.dumps(extract(article, load_pipeline()).to_dict(), sort_keys=True))
"""


def test_the_same_article_gives_the_same_record_whatever_the_hash_seed():
    # ties between a story's pairs of countries were broken by set order, which Python's
    # string hashing changes from one process to the next
    root = Path(__file__).resolve().parents[1]
    records = [
        subprocess.run(
            [sys.executable, "-c", SEEDED_RUN],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert records[0] == records[1] and '"events"' in records[0]


def test_extraction_on_processes_reads_its_input_a_few_batches_at_a_time(pipeline):
    from tidings.pipeline import extract_each

    pulled = 0

    def articles():
        nonlocal pulled
        for i in range(100_000):
            pulled += 1
            yield Article(id=f"a{i}", text="The army shelled the town on Monday.")

    results = extract_each(articles(), pipeline=pipeline, processes=2, batch_size=4)
    first = [next(results) for _ in range(8)]
    assert [r.article.id for r in first] == [f"a{i}" for i in range(8)]
    assert pulled <= 2 * 2 * 4 + 4 * 4  # the batches in flight and the next, not the corpus
    results.close()
