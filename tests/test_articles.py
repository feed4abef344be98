"""Reading and validating article files: every kind of bad input gets a clear error."""

import json
from datetime import date
from pathlib import Path

import pytest

from tidings.articles import find_article_files, read_article
from tidings.errors import (
    ArticleTooLargeError,
    BinaryArticleError,
    EmptyArticleError,
    InvalidDateError,
    MalformedMetadataError,
    NotEnglishError,
    UnreadableFileError,
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


@pytest.mark.parametrize(
    "text_file", ["../private.txt", "{outside}/private.txt", "sub/../../private.txt"]
)
def test_text_file_outside_the_json_files_folder_is_refused(tmp_path, text_file):
    (tmp_path / "private.txt").write_text(ENGLISH, encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    path = folder / "a.json"
    name = text_file.format(outside=tmp_path)
    path.write_text(json.dumps({"text_file": name}), encoding="utf-8")
    with pytest.raises(MalformedMetadataError, match=r"^\[E105\] .*outside the folder"):
        read_article(path)


def test_text_file_in_a_subfolder_is_read(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "body.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"text_file": "texts/body.txt"}), encoding="utf-8")
    assert read_article(tmp_path / "a.json").text == ENGLISH.strip()


def test_a_file_the_system_refuses_to_read_is_an_unreadable_file_error(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(ENGLISH, encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    # chmod 000 is still readable for root, so the refusal is simulated
    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(UnreadableFileError, match=r"^\[E107\] .*locked\.txt.*Permission denied"):
        read_article(path)


def test_the_size_bound_is_checked_before_the_file_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    path.write_text(ENGLISH * 200, encoding="utf-8")

    def never(self):
        raise AssertionError("the whole file was read before its size was checked")

    monkeypatch.setattr(Path, "read_bytes", never)
    with pytest.raises(ArticleTooLargeError, match="max_article_chars"):
        read_article(path, settings=Settings(max_article_chars=1000))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_decoded(tmp_path, encoding):
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + ENGLISH.encode(encoding))
    assert read_article(path).text == ENGLISH.strip()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ["a", "list"]),
        ("outlet", {"name": "Wire"}),
        ("url", 3),
        ("published", 20250304),
        ("language", ["en"]),
        ("id", {"x": 1}),
        ("id", True),
    ],
)
def test_metadata_fields_of_the_wrong_type_are_refused(tmp_path, field, value):
    path = tmp_path / "typed.json"
    path.write_text(json.dumps({"text": ENGLISH, field: value}), encoding="utf-8")
    with pytest.raises(MalformedMetadataError, match=rf"^\[E105\] .*'{field}'"):
        read_article(path)


def test_a_numeric_id_is_read_as_its_digits(tmp_path):
    path = tmp_path / "numbered.json"
    path.write_text(json.dumps({"text": ENGLISH, "id": 42, "title": None}), encoding="utf-8")
    article = read_article(path)
    assert (article.id, article.title) == ("42", "")


def test_a_directory_reads_a_text_with_metadata_beside_it(tmp_path):
    (tmp_path / "a.txt").write_text("Talks resume\n\n" + ENGLISH, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"id": "a1"}), encoding="utf-8")
    (listed,) = find_article_files([tmp_path])
    article = read_article(listed)
    assert (article.id, article.title) == ("a1", "Talks resume")
