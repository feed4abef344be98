"""Article sources: the files a corpus comes in, each read into zero or more articles.

- `.txt` and `.json`: one article (`articles.read_article`);
- `.html` / `.htm`: one article, its boilerplate (menus, ads, footers) removed by trafilatura,
  title, date, outlet and URL taken from the page's metadata;
- `.jsonl`: one article object per line, in the `.json` article format;
- `.xml` / `.rss` / `.atom`: a feed file, one article per item (title, link, date, outlet from
  the feed; the item's content, or its summary, as text, HTML stripped).

A title from metadata (a page's, a feed item's) opens the text as its headline, and a first
body line repeating it is dropped. Every file, directory, line or item that cannot become an
article is reported as a `Skipped` with its reason, never dropped silently. Untrusted markup
is only ever parsed into text.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.articles import (
    article_from_fields,
    decode_text,
    read_article,
    read_file,
    same_line,
    without_covered_texts,
)
from tidings.errors import (
    EmptyArticleError,
    MalformedMetadataError,
    TidingsError,
    UnreadableFileError,
)
from tidings.model import Article
from tidings.settings import Settings

logger = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
SOURCE_SUFFIXES = (".json", ".txt", ".jsonl", *HTML_SUFFIXES, *FEED_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file, line or feed item that did not become an article, and why."""

    source: str
    reason: str


@dataclass(slots=True)
class SourceReading:
    """What the files under some paths gave: the articles, the file each article came from,
    what was skipped, and every file or directory looked at."""

    articles: list[Article] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    looked_at: set[str] = field(default_factory=set)


def list_directory(folder: Path) -> tuple[list[Path], list[Skipped]]:
    """The files under `folder` holding articles, sorted, and the directories not entered:
    those that cannot be read, and links to directories (not followed, so none can loop)."""
    files: list[Path] = []
    problems: list[Skipped] = []

    def unreadable(error: OSError) -> None:
        reason = UnreadableFileError(
            f"{error.filename}: cannot read the directory ({error.strerror or error}). "
            "Check its permissions."
        )
        problems.append(Skipped(str(error.filename), str(reason)))

    for parent, directories, names in os.walk(folder, onerror=unreadable):
        for name in sorted(directories):
            if (link := Path(parent, name)).is_symlink():
                reason = UnreadableFileError(
                    f"{link}: a link to a directory, not followed. Give its target "
                    f"({os.path.realpath(link)}) on the command line to read it."
                )
                problems.append(Skipped(str(link), str(reason)))
        files.extend(Path(parent, n) for n in names if Path(n).suffix.lower() in SOURCE_SUFFIXES)
    return without_covered_texts(sorted(files)), problems


def find_source_files(paths: Iterable[Path]) -> Iterator[Path | Skipped]:
    """Files under the given paths that hold articles, in a stable order, and the directories
    under them that could not be entered."""
    for path in paths:
        if path.is_dir():
            files, problems = list_directory(path)
            yield from problems
            yield from files
        else:
            yield path


def read_source(path: Path, settings: Settings) -> Iterator[Article | Skipped]:
    """The articles of one file (text, JSON, JSONL, HTML, RSS/Atom), or why it was skipped."""
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


def read_sources(paths: Iterable[Path], settings: Settings) -> Iterator[Article | Skipped]:
    """Every article in the given files and directories, or the reason a piece was skipped."""
    for found in find_source_files(paths):
        if isinstance(found, Skipped):
            yield found
        else:
            yield from read_source(found, settings)


def read_with_origins(
    paths: Iterable[Path], settings: Settings
) -> Iterator[tuple[str, Article | Skipped]]:
    """Every article in the given files and directories with the file it came from (or the
    reason a piece was skipped, with where it was), read one file at a time: nothing holds
    more than one file's articles."""
    for found in find_source_files(paths):
        if isinstance(found, Skipped):
            yield found.source, found
        else:
            for item in read_source(found, settings):
                yield str(found), item


def read_all(paths: Iterable[Path], settings: Settings) -> SourceReading:
    """Every article in the given files and directories, with the file each came from."""
    reading = SourceReading()
    for found in find_source_files(paths):
        if isinstance(found, Skipped):
            reading.skipped.append(found)
            reading.looked_at.add(found.source)
            continue
        reading.looked_at.add(str(found))
        for item in read_source(found, settings):
            if isinstance(item, Skipped):
                reading.skipped.append(item)
            else:
                reading.articles.append(item)
                reading.origins[item.id] = str(found)
    return reading


def read_jsonl(path: Path, settings: Settings) -> Iterator[Article | Skipped]:
    """One article per line; a bad line is skipped with its line number, the rest go on."""
    container = settings_for_container(settings)
    text = decode_text(read_file(path, container), str(path), container)
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            yield article_from_fields(*_jsonl_fields(line, path, number), source, settings)
        except TidingsError as error:
            yield Skipped(source, str(error))


def _jsonl_fields(line: str, path: Path, number: int) -> tuple[dict[str, Any], str]:
    """The metadata and text of one JSONL line."""
    source = f"{path}:{number}"
    try:
        fields = json.loads(line)
    except json.JSONDecodeError as error:
        raise MalformedMetadataError(
            f"{source}: malformed JSON ({error.msg}, column {error.colno}). Fix the line."
        ) from error
    if not isinstance(fields, dict) or not isinstance(fields.get("text"), str):
        raise MalformedMetadataError(f"{source}: expected an object with a 'text' field.")
    return {**fields, "id": fields.get("id") or f"{path.stem}-{number}"}, fields["text"]


# Dates from the page's metadata and markup only: htmldate's extensive search would take a
# "© 2019" footer for the publication date.
_HTML_DATES = {"extensive_search": False, "original_date": True}


def read_html(path: Path, settings: Settings) -> Article:
    """The main text of an HTML page, with its metadata, boilerplate removed. A page whose
    metadata gives no date stays undated (a warning says so): no date is guessed."""
    import trafilatura

    container = settings_for_container(settings)
    html = decode_text(read_file(path, container), str(path), container)
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, favor_precision=True, date_extraction_params=_HTML_DATES
    )
    fields = _fields(extracted)
    body = fields.pop("text", "") or ""
    if not fields.get("published"):
        logger.warning(
            "%s: the page's metadata gives no publication date; the article stays "
            "undated and its relative dates (yesterday, next week) unresolved.",
            path,
        )
    text = with_headline(fields.get("title") or "", body)
    return article_from_fields({**fields, "id": path.stem}, text, str(path), settings)


def with_headline(title: str, body: str) -> str:
    """The text of an article whose title comes from metadata: the title as its headline
    line, then the body, less a first body line that repeats the title (a page's `<h1>`)."""
    if not title:
        return body
    first, _, rest = body.lstrip().partition("\n")
    if same_line(first, title):
        body = rest
    return f"{title}\n\n{body.lstrip()}"


def read_feed(path: Path, settings: Settings) -> Iterator[Article | Skipped]:
    """The items of an RSS or Atom feed file as articles; an item with no text is skipped."""
    import feedparser

    container = settings_for_container(settings)
    raw = read_file(path, container)
    decode_text(raw, str(path), container)  # bounds, binary
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
        if not body.strip():
            reason = EmptyArticleError(
                f"{source}: the feed item has no text (title {fields['title']!r:.80}). "
                "Feeds that carry headlines only need their pages fetched and read as HTML."
            )
            yield Skipped(source, str(reason))
            continue
        try:
            yield article_from_fields(
                fields, with_headline(fields["title"], body), source, settings
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
