"""Article sources: the files a corpus comes in, each read into zero or more articles.

- `.txt` and `.json`: one article (`articles.read_article`);
- `.html` / `.htm`: one article, its boilerplate (menus, ads, footers) removed by trafilatura,
  title, date, outlet and URL taken from the page's metadata;
- `.jsonl`: one article object per line, in the `.json` article format;
- `.xml` / `.rss` / `.atom`: a feed file, one article per item (title, link, date, outlet from
  the feed; the item's content, or its summary, as text, HTML stripped).

Every file or line that cannot become an article is reported as a `Skipped` with its reason,
never dropped silently. Untrusted markup is only ever parsed into text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.articles import (
    article_from_fields,
    decode_text,
    find_article_files,
    read_article,
)
from tidings.errors import MalformedMetadataError, TidingsError
from tidings.model import Article
from tidings.settings import Settings

HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
SOURCE_SUFFIXES = (".json", ".txt", ".jsonl", *HTML_SUFFIXES, *FEED_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file, line or feed item that did not become an article, and why."""

    source: str
    reason: str


def find_source_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files under the given paths that hold articles, in a stable order."""
    paths = list(paths)  # read twice below: a generator would be spent by the first pass
    for path in find_article_files(paths):
        yield path
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in SOURCE_SUFFIXES[2:])


def read_sources(paths: Iterable[Path], settings: Settings) -> Iterator[Article | Skipped]:
    """Every article in the given files and directories, or the reason a piece was skipped."""
    for path in find_source_files(paths):
        suffix = path.suffix.lower()
        try:
            if suffix == ".jsonl":
                yield from read_jsonl(path, settings)
            elif suffix in FEED_SUFFIXES:
                yield from read_feed(path, settings)
            elif suffix in HTML_SUFFIXES:
                yield read_html(path, settings)
            else:
                yield read_article(path, settings=settings)
        except TidingsError as error:
            yield Skipped(str(path), str(error))


def read_jsonl(path: Path, settings: Settings) -> Iterator[Article | Skipped]:
    """One article per line; a bad line is skipped with its line number, the rest go on."""
    text = decode_text(path.read_bytes(), str(path), settings_for_container(settings))
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            fields = json.loads(line)
            if not isinstance(fields, dict) or not isinstance(fields.get("text"), str):
                raise MalformedMetadataError(f"{source}: expected an object with a 'text' field.")
            fields = {**fields, "id": fields.get("id") or f"{path.stem}-{number}"}
            yield article_from_fields(fields, fields["text"], source, settings)
        except json.JSONDecodeError as error:
            yield Skipped(source, f"{source}: malformed JSON ({error.msg}).")
        except TidingsError as error:
            yield Skipped(source, str(error))


def read_html(path: Path, settings: Settings) -> Article:
    """The main text of an HTML page, with its metadata, boilerplate removed."""
    import trafilatura

    html = decode_text(path.read_bytes(), str(path), settings_for_container(settings))
    extracted = trafilatura.bare_extraction(html, with_metadata=True, favor_precision=True)
    fields = _fields(extracted)
    body = fields.pop("text", "") or ""
    title = fields.get("title") or ""
    return article_from_fields(
        {**fields, "id": path.stem}, f"{title}\n\n{body}" if title else body, str(path), settings
    )


def read_feed(path: Path, settings: Settings) -> Iterator[Article | Skipped]:
    """The items of an RSS or Atom feed file as articles."""
    import feedparser

    raw = path.read_bytes()
    decode_text(raw, str(path), settings_for_container(settings))  # bounds, binary
    feed = feedparser.parse(raw)
    if feed.get("bozo") and not feed.entries:
        raise MalformedMetadataError(f"{path}: not a readable RSS or Atom feed.")
    outlet = str(feed.feed.get("title") or "")
    for number, entry in enumerate(feed.entries, 1):
        source = f"{path}#{number}"
        body = _entry_text(entry)
        fields = {
            "id": str(entry.get("id") or entry.get("link") or f"{path.stem}-{number}"),
            "title": str(entry.get("title") or ""),
            "outlet": outlet,
            "url": str(entry.get("link") or ""),
            "published": _entry_date(entry),
        }
        title = fields["title"]
        try:
            yield article_from_fields(
                fields, f"{title}\n\n{body}" if title else body, source, settings
            )
        except TidingsError as error:
            yield Skipped(source, str(error))


def settings_for_container(settings: Settings) -> Settings:
    """Bounds for a file that holds many articles: each article keeps the per-article bound."""
    return settings.with_overrides(max_article_chars=settings.max_article_chars * 200)


def _fields(extracted: Any) -> dict[str, Any]:
    if extracted is None:
        return {}
    record = extracted if isinstance(extracted, dict) else extracted.as_dict()
    return {
        "title": record.get("title") or "",
        "outlet": record.get("sitename") or "",
        "url": record.get("url") or "",
        "published": record.get("date") or None,
        "text": record.get("text") or "",
    }


def _entry_text(entry: Any) -> str:
    """An item's content (or summary), with any markup reduced to text."""
    import trafilatura

    parts = [c.get("value", "") for c in entry.get("content") or []] or [entry.get("summary", "")]
    html = "\n".join(p for p in parts if p)
    if "<" not in html:
        return html
    text = trafilatura.extract(f"<html><body>{html}</body></html>", favor_recall=True)
    return text or ""


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
