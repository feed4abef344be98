"""Reading and validating article files: every kind of bad input gets a clear error."""

import json
from datetime import date

import pytest

from tidings.articles import find_article_files, read_article
from tidings.errors import (
    ArticleTooLargeError,
    BinaryArticleError,
    EmptyArticleError,
    InvalidDateError,
    MalformedMetadataError,
    NotEnglishError,
)
from tidings.settings import Settings

ENGLISH = "Officials in the capital said on Monday that the talks would resume after a pause.\n"


def test_reads_text_file_with_sibling_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("Headline here\n\n" + ENGLISH, encoding="utf-8")
    (tmp_path / "a.json").write_text(
        json.dumps({"id": "art-1", "outlet": "Wire", "published": "2025-03-04"}), encoding="utf-8"
    )
    article = read_article(tmp_path / "a.txt")
    assert (article.id, article.outlet, article.published) == ("art-1", "Wire", date(2025, 3, 4))
    assert article.title == "Headline here"


def test_reads_json_with_text_file_and_flags_override(tmp_path):
    (tmp_path / "body.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"text_file": "body.txt"}), encoding="utf-8")
    article = read_article(tmp_path / "a.json", published=date(2024, 1, 2), outlet="Desk")
    assert article.text == ENGLISH.strip()
    assert (article.id, article.published, article.outlet) == ("a", date(2024, 1, 2), "Desk")


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", EmptyArticleError),
        (b"   \n\n  ", EmptyArticleError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryArticleError),
        ("Les ministres se sont réunis à Paris.".encode("latin-1"), BinaryArticleError),
        (
            "Die Minister trafen sich am Montag in Berlin und sprachen über die Lage.".encode(),
            NotEnglishError,
        ),
    ],
)
def test_rejects_bad_text_files(tmp_path, content, error):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(error, match=r"^\[E1\d\d\] .*bad\.txt"):
        read_article(path)


def test_control_characters_become_spaces(tmp_path):
    text = "Kenya\x00 asked the\x1f IMF for a loan\x7f on Monday.\tIt agreed.\n"
    path = tmp_path / "controls.json"
    path.write_text(json.dumps({"id": "c", "text": text}), encoding="utf-8")
    article = read_article(path)
    assert article.text == "Kenya  asked the  IMF for a loan  on Monday.\tIt agreed."


def test_rejects_huge_article(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(ENGLISH * 50, encoding="utf-8")
    with pytest.raises(ArticleTooLargeError, match="max_article_chars"):
        read_article(path, settings=Settings(max_article_chars=1000))


@pytest.mark.parametrize(
    ("metadata", "error"),
    [
        ("{not json", MalformedMetadataError),
        ("[1, 2]", MalformedMetadataError),
        (json.dumps({"title": "no text"}), MalformedMetadataError),
        (json.dumps({"text": ENGLISH, "published": "2025-02-30"}), InvalidDateError),
        (json.dumps({"text": ENGLISH, "language": "fr"}), NotEnglishError),
    ],
)
def test_rejects_bad_json_articles(tmp_path, metadata, error):
    path = tmp_path / "bad.json"
    path.write_text(metadata, encoding="utf-8")
    with pytest.raises(error):
        read_article(path)


def test_directory_lists_each_article_once(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"text_file": "a.txt"}), encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    assert [p.name for p in find_article_files([tmp_path])] == ["a.json", "b.txt"]
