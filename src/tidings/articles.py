"""Reading articles from files: plain text, or JSON with metadata, validated before parsing.

A `.txt` file may have a sibling `.json` of the same stem holding its metadata; a `.json`
article holds its text inline (`text`) or names a text file in its own folder tree
(`text_file`).
"""

from __future__ import annotations

import codecs
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
    UnreadableFileError,
)
from tidings.model import Article
from tidings.settings import Settings

ARTICLE_SUFFIXES = (".json", ".txt")
_WORD = re.compile(r"[^\W\d_]+")
# Control characters other than newline and tab: never prose, and NUL is no PostgreSQL text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# UTF-32 before UTF-16: the UTF-32 little-endian mark begins with the UTF-16 one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Metadata fields and the JSON types they may hold (null is always allowed: the field is absent).
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "id": (str, int),
    "title": (str,),
    "outlet": (str,),
    "published": (str,),
    "url": (str,),
    "language": (str,),
}
# A JSON article may spell each character as a six-byte escape (\u00e9).
JSON_BYTES_PER_CHAR = 6


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


def _check_byte_size(size: int, source: str, settings: Settings, bytes_per_char: int) -> None:
    if size > settings.max_article_chars * bytes_per_char:
        raise ArticleTooLargeError(
            f"{source}: {size:,} bytes is over the bound of {settings.max_article_chars:,} "
            "characters. Split the file or raise max_article_chars in the settings."
        )


def read_file(path: Path, settings: Settings, *, bytes_per_char: int = 4) -> bytes:
    """The bytes of a file, its size checked against the bound before anything is read.

    `bytes_per_char` is how many bytes the format may spend on one character of text.
    """
    try:
        _check_byte_size(path.stat().st_size, str(path), settings, bytes_per_char)
        return path.read_bytes()
    except OSError as error:
        raise UnreadableFileError(
            f"{path}: cannot read the file ({error.strerror or error}). "
            "Check that it exists and that you may read it."
        ) from error


def decode_text(raw: bytes, source: str, settings: Settings) -> str:
    """Text from raw bytes (UTF-8, or UTF-16/32 with a byte order mark), rejecting binary,
    oversized and empty content."""
    _check_byte_size(len(raw), source, settings, 4)
    for mark, encoding in _BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            return _decode(raw, encoding, source)
    if b"\x00" in raw[:8192]:
        raise BinaryArticleError(f"{source}: binary content (NUL bytes). Give a UTF-8 text file.")
    return _decode(raw, "utf-8-sig", source)


def _decode(raw: bytes, encoding: str, source: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise BinaryArticleError(
            f"{source}: not {encoding.removesuffix('-sig').upper()} text (byte {error.start}). "
            "Convert the file to UTF-8."
        ) from error


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


def checked_fields(fields: dict[str, Any], source: str) -> dict[str, Any]:
    """The metadata fields, refused when one holds the wrong JSON type (a list for a title)."""
    for name, types in _FIELD_TYPES.items():
        value = fields.get(name)
        # bool is an int to Python, but `"id": true` is no id
        if value is not None and (isinstance(value, bool) or not isinstance(value, types)):
            expected = " or ".join("a string" if t is str else "an integer" for t in types)
            raise MalformedMetadataError(
                f"{source}: the field {name!r} is {type(value).__name__} {value!r:.60}; "
                f"give {expected}."
            )
    return fields


def article_from_fields(
    fields: dict[str, Any], text: str, source: str, settings: Settings
) -> Article:
    """An Article from metadata fields and its text, validated."""
    fields = checked_fields(fields, source)
    language = str(fields.get("language") or "en")
    if not language.lower().startswith("en"):
        raise NotEnglishError(f"{source}: language is {language!r}. tidings reads English only.")
    text = check_text(text, source, settings)
    title = str(fields.get("title") or "")
    return Article(
        id=str(fields.get("id") or Path(source).stem),
        text=text,
        title=title or title_from_text(text),
        outlet=str(fields.get("outlet") or ""),
        published=parse_published(fields.get("published"), source),
        url=str(fields.get("url") or ""),
        language=language,
        opens_with_title=bool(title) and same_line(text.partition("\n")[0], title),
    )


def same_line(first: str, second: str) -> bool:
    """Whether two lines say the same, whatever their spacing and capitalisation."""
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


def read_json_metadata(path: Path, settings: Settings) -> dict[str, Any]:
    """The metadata object of a JSON article file."""
    raw = read_file(path, settings, bytes_per_char=JSON_BYTES_PER_CHAR)
    try:
        fields = json.loads(raw)
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
        fields = read_json_metadata(path, settings)
        if isinstance(fields.get("text"), str):
            text = fields["text"]
        elif isinstance(fields.get("text_file"), str):
            text_path = confined_text_file(path, fields["text_file"])
            text = decode_text(read_file(text_path, settings), str(text_path), settings)
        elif path.with_suffix(".txt").is_file():  # metadata beside its text, as a .txt has it
            text_path = path.with_suffix(".txt")
            text = decode_text(read_file(text_path, settings), str(text_path), settings)
        else:
            raise MalformedMetadataError(f"{source}: no 'text' or 'text_file' field.")
    else:
        sibling = path.with_suffix(".json")
        fields = read_json_metadata(sibling, settings) if sibling.is_file() else {}
        text = decode_text(read_file(path, settings), source, settings)
    fields = {**fields, "id": fields.get("id") or path.stem}
    if published is not None:
        fields["published"] = published.isoformat()
    if outlet:
        fields["outlet"] = outlet
    return article_from_fields(fields, text, source, settings)


def confined_text_file(json_path: Path, name: str) -> Path:
    """The file a JSON article's `text_file` names, which must lie in the JSON file's own
    folder tree: an article file must not make tidings read (and serve) any file it can."""
    folder = json_path.parent.resolve()
    text_path = (folder / name).resolve()
    if not text_path.is_relative_to(folder):
        raise MalformedMetadataError(
            f"{json_path}: its text_file {name!r} lies outside the folder {folder}. "
            "Put the text file beside the JSON file (or below it) and name it relatively."
        )
    if not text_path.is_file():
        raise MalformedMetadataError(f"{json_path}: its text_file {text_path} does not exist.")
    return text_path


def find_article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Article files under the given files and directories, each article once.

    In a directory, a `.txt` whose text a `.json` beside it already names is not listed again.
    """
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES)
        yield from without_covered_texts(files)


def without_covered_texts(files: list[Path]) -> list[Path]:
    """The files, less each `.txt` that a `.json` of the same stem beside it covers (the JSON
    holds its metadata, and reading it reads the text)."""
    covered = {p.with_suffix(".txt") for p in files if p.suffix.lower() == ".json"}
    return [p for p in files if p not in covered]
