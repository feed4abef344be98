"""The extraction pipeline: article -> parse -> actors -> time, quotes -> events -> report.

Each stage is a plain function over the parsed document; this module only wires them in
order and runs them over many articles, in one process or several.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import TypeVar, cast

from spacy.language import Language
from spacy.tokens import Doc

from tidings.actors import KnowledgeBase, load_knowledge_base, resolve_actors
from tidings.attributions import find_attributions, link_events
from tidings.citations import find_citations, link_outlets
from tidings.errors import ExtractionError
from tidings.events import find_events
from tidings.model import Article, Report
from tidings.parse import load_nlp, mark_headline
from tidings.quantities import find_quantities
from tidings.quotes import find_quotes
from tidings.settings import Settings
from tidings.timex import find_times

logger = logging.getLogger(__name__)
BATCHES_IN_FLIGHT = 2  # per worker process: one being extracted, one waiting
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Pipeline:
    """The loaded resources of a run: the spaCy model, the actor knowledge base, the settings."""

    nlp: Language
    kb: KnowledgeBase
    settings: Settings


def load_pipeline(settings: Settings | None = None) -> Pipeline:
    """Load the spaCy model and the knowledge base once for many articles."""
    settings = settings or Settings()
    return Pipeline(
        nlp=load_nlp(settings.model, settings.max_article_chars),
        kb=load_knowledge_base(extra_files=settings.actor_files),
        settings=settings,
    )


def analyse(article: Article, doc: Doc, pipeline: Pipeline) -> Report:
    """Run every stage after parsing over one article's parsed text."""
    if article.opens_with_title:
        mark_headline(doc)
    published = article.published
    times = find_times(doc, published)
    quantities = find_quantities(doc)
    actors = resolve_actors(doc, published=published, kb=pipeline.kb)
    citations = find_citations(doc, actors=actors, times=times, is_outlet=pipeline.kb.is_outlet)
    quotes = find_quotes(doc, actors=actors)
    events = find_events(
        doc,
        actors=actors,
        times=times,
        citations=citations,
        published=published,
        quantities=quantities,
        quotes=quotes,
    )
    quotes = link_outlets(quotes, citations, doc)
    attributions = find_attributions(doc, actors=actors, quotes=quotes, citations=citations)
    min_confidence = pipeline.settings.min_confidence
    events = link_events([e for e in events if e.confidence >= min_confidence], attributions)
    sides = {a for e in events for a in (*e.source, *e.target)}
    return Report(
        article=article,
        actors=actors.actors + [a for a in actors.latent if a.id in sides],
        events=events,
        quotes=quotes,
        attributions=attributions,
        citations=citations,
        times=times,
        quantities=quantities,
    )


def extract(article: Article, pipeline: Pipeline | None = None) -> Report:
    """The record of one article."""
    pipeline = pipeline or load_pipeline()
    return analyse(article, pipeline.nlp(article.text), pipeline)


@dataclass(frozen=True, slots=True)
class ExtractionFailure:
    """An article whose extraction raised, and the one-line reason (code E108)."""

    article: Article
    reason: str


def extract_or_fail(
    article: Article, pipeline: Pipeline, doc: Doc | None = None
) -> Report | ExtractionFailure:
    """The record of one article (parsed here unless `doc` is given), or why it failed."""
    try:
        return analyse(article, pipeline.nlp(article.text) if doc is None else doc, pipeline)
    except Exception as error:  # one article's bug must not cost a run the others
        logger.info("extraction failed on article %s", article.id, exc_info=True)
        reason = ExtractionError(
            f"article {article.id!r}: extraction failed ({type(error).__name__}: {error}). "
            "This is a bug in tidings: please report it with the article."
        )
        return ExtractionFailure(article, str(reason))


def _extract_batch(
    articles: list[Article], pipeline: Pipeline, batch_size: int, *, guarded: bool = False
) -> list[Report | ExtractionFailure]:
    docs = pipeline.nlp.pipe((a.text for a in articles), batch_size=batch_size)
    if not guarded:
        return [
            analyse(article, doc, pipeline) for article, doc in zip(articles, docs, strict=True)
        ]
    try:
        parsed = list(docs)
    except Exception:  # the batch's parse broke on one article: find it alone
        return [extract_or_fail(article, pipeline) for article in articles]
    return [extract_or_fail(a, pipeline, doc) for a, doc in zip(articles, parsed, strict=True)]


# Set in each worker process: the pipeline is loaded once per worker, not once per article.
_worker_pipeline: Pipeline | None = None


def _start_worker(settings: Settings) -> None:
    global _worker_pipeline
    _worker_pipeline = load_pipeline(settings)


def _extract_in_worker(
    articles: list[Article], *, guarded: bool = False
) -> list[Report | ExtractionFailure]:
    if _worker_pipeline is None:
        raise RuntimeError("a worker process started without its pipeline")
    batch_size = _worker_pipeline.settings.batch_size
    return _extract_batch(articles, _worker_pipeline, batch_size, guarded=guarded)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def extract_many(
    articles: Iterable[Article],
    *,
    pipeline: Pipeline | None = None,
    processes: int = 1,
    batch_size: int = 16,
) -> Iterator[Report]:
    """Records of many articles, in input order, parsed in batches on `processes` processes."""
    unguarded = _extract_all(articles, pipeline, processes, batch_size, guarded=False)
    yield from cast(Iterator[Report], unguarded)  # unguarded, every item is a Report


def extract_each(
    articles: Iterable[Article],
    *,
    pipeline: Pipeline | None = None,
    processes: int = 1,
    batch_size: int = 16,
) -> Iterator[Report | ExtractionFailure]:
    """As `extract_many`, but an article whose extraction raises becomes an
    `ExtractionFailure` in its place, and the other articles go on."""
    yield from _extract_all(articles, pipeline, processes, batch_size, guarded=True)


def _extract_all(
    articles: Iterable[Article],
    pipeline: Pipeline | None,
    processes: int,
    batch_size: int,
    *,
    guarded: bool,
) -> Iterator[Report | ExtractionFailure]:
    pipeline = pipeline or load_pipeline()
    if processes <= 1:
        for chunk in chunked(articles, batch_size):
            yield from _extract_batch(chunk, pipeline, batch_size, guarded=guarded)
        return
    # fork shares the already-loaded model pages with the workers instead of reloading them.
    context = multiprocessing.get_context("fork")
    settings = pipeline.settings.with_overrides(batch_size=batch_size)
    work = partial(_extract_in_worker, guarded=guarded)
    with context.Pool(processes, initializer=_start_worker, initargs=(settings,)) as pool:
        # Batches are handed out a few at a time (not `pool.imap`, whose feeder thread reads
        # the whole input at once): memory stays bounded however long the stream of articles.
        in_flight: deque[AsyncResult[list[Report | ExtractionFailure]]] = deque()
        for chunk in chunked(articles, batch_size):
            in_flight.append(pool.apply_async(work, (chunk,)))
            if len(in_flight) >= processes * BATCHES_IN_FLIGHT:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()
