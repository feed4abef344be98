"""Reading articles from files: plain text, or JSON with metadata, validated before parsing.

A `.txt` file may have a sibling `.json` of the same stem holding its metadata; a `.json`
article holds its text inline (`text`) or names a text file beside it (`text_file`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from tidings.errors import (
    ArticleTooLargeError,
    BinaryArticleError,
    EmptyArticleError,
    InvalidDateError,
    MalformedMetadataError,
    NotEnglishError,
)
from tidings.model import Article
from tidings.settings import Settings

ARTICLE_SUFFIXES = (".json", ".txt")
_WORD = re.compile(r"[^\W\d_]+")
# Control characters other than newline and tab: never prose, and NUL is no PostgreSQL text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@cache
def function_words() -> dict[str, frozenset[str]]:
    """Frequent function words per language, to tell English from other languages."""
    table = resources.files("tidings").joinpath("data/function_words.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in table.splitlines() if line and not line.startswith("#"))
    return {language: frozenset(words.split()) for language, words in rows}


def english_share(text: str) -> tuple[float, str, int]:
    """Share of English function words in `text`, the likeliest language, and the word count.

    Ties go to English, so a short headline with no function words at all is not rejected.
    """
    words = _WORD.findall(text[:20_000].lower())
    shares = {
        language: sum(w in vocabulary for w in words) / max(len(words), 1)
        for language, vocabulary in function_words().items()
    }
    return shares["en"], max(shares, key=shares.__getitem__), len(words)


def parse_published(value: Any, source: str) -> date | None:
    """A publication date from `YYYY-MM-DD` (a longer ISO timestamp keeps its date part)."""
    if value in (None, ""):
        return None
    text = str(value).strip()[:10]
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise InvalidDateError(
            f"{source}: publication date {value!r} is not a real date. Use YYYY-MM-DD."
        ) from error


def decode_text(raw: bytes, source: str, settings: Settings) -> str:
    """UTF-8 text from raw bytes, rejecting binary, oversized and empty content."""
    if len(raw) > settings.max_article_chars * 4:
        raise ArticleTooLargeError(
            f"{source}: {len(raw):,} bytes is over the bound of {settings.max_article_chars:,} "
            "characters. Split the file or raise max_article_chars in the settings."
        )
    if b"\x00" in raw[:8192]:
        raise BinaryArticleError(f"{source}: binary content (NUL bytes). Give a UTF-8 text file.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BinaryArticleError(
            f"{source}: not UTF-8 text (byte {error.start}). Convert the file to UTF-8."
        ) from error
    return text


def check_text(text: str, source: str, settings: Settings) -> str:
    """The text, normalised (line ends to newlines, other control characters to spaces), once
    it is non-empty, within bounds and English."""
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not text:
        raise EmptyArticleError(f"{source}: the article is empty. Give a file with text.")
    if len(text) > settings.max_article_chars:
        raise ArticleTooLargeError(
            f"{source}: {len(text):,} characters is over the bound of "
            f"{settings.max_article_chars:,}. Split it or raise max_article_chars."
        )
    share, language, word_count = english_share(text)
    # Short texts may hold no function word at all; only longer ones must reach the ratio.
    if language != "en" or (word_count >= 12 and share < settings.min_english_ratio):
        raise NotEnglishError(
            f"{source}: the text does not look like English ({share:.0%} English function words, "
            f"closest language {language!r}). tidings reads English articles only."
        )
    return text


def title_from_text(text: str) -> str:
    """The headline: the first line when a blank line follows it."""
    first, _, rest = text.partition("\n")
    return first.strip() if rest.startswith("\n") and len(first) < 300 else ""


def article_from_fields(
    fields: dict[str, Any], text: str, source: str, settings: Settings
) -> Article:
    """An Article from metadata fields and its text, validated."""
    language = str(fields.get("language") or "en")
    if not language.lower().startswith("en"):
        raise NotEnglishError(f"{source}: language is {language!r}. tidings reads English only.")
    text = check_text(text, source, settings)
    return Article(
        id=str(fields.get("id") or Path(source).stem),
        text=text,
        title=str(fields.get("title") or title_from_text(text)),
        outlet=str(fields.get("outlet") or ""),
        published=parse_published(fields.get("published"), source),
        url=str(fields.get("url") or ""),
        language=language,
    )


def read_json_metadata(path: Path) -> dict[str, Any]:
    """The metadata object of a JSON article file."""
    try:
        fields = json.loads(path.read_bytes())
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise MalformedMetadataError(f"{path}: malformed JSON ({error}). Fix the file.") from error
    if not isinstance(fields, dict):
        raise MalformedMetadataError(f"{path}: expected a JSON object with a 'text' field.")
    return fields


def read_article(
    path: Path,
    *,
    settings: Settings | None = None,
    published: date | None = None,
    outlet: str | None = None,
) -> Article:
    """Read and validate one article file (.txt or .json); flags override file metadata."""
    settings = settings or Settings()
    source = str(path)
    if not path.is_file():
        raise EmptyArticleError(f"{source}: no such file.")
    if path.suffix.lower() == ".json":
        fields = read_json_metadata(path)
        if isinstance(fields.get("text"), str):
            text = fields["text"]
        elif isinstance(fields.get("text_file"), str):
            text_path = path.parent / fields["text_file"]
            if not text_path.is_file():
                raise MalformedMetadataError(f"{source}: its text_file {text_path} does not exist.")
            text = decode_text(text_path.read_bytes(), str(text_path), settings)
        else:
            raise MalformedMetadataError(f"{source}: no 'text' or 'text_file' field.")
    else:
        sibling = path.with_suffix(".json")
        fields = read_json_metadata(sibling) if sibling.is_file() else {}
        text = decode_text(path.read_bytes(), source, settings)
    fields = {**fields, "id": fields.get("id") or path.stem}
    if published is not None:
        fields["published"] = published.isoformat()
    if outlet:
        fields["outlet"] = outlet
    return article_from_fields(fields, text, source, settings)


def find_article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Article files under the given files and directories, each article once.

    In a directory, a `.txt` whose text a `.json` beside it already names is not listed again.
    """
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES)
        covered = {p.with_suffix(".txt") for p in files if p.suffix.lower() == ".json"}
        yield from (p for p in files if p not in covered)
