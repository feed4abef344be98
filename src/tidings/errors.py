"""Errors tidings raises, each with a code users can search for.

TidingsError                 base class; `str(error)` is one line: "[E###] cause. fix."
├── ArticleError             an input file cannot be read as an article
│   ├── EmptyArticleError        nothing to read (E101)
│   ├── BinaryArticleError       binary or non-UTF-8 content (E102)
│   ├── ArticleTooLargeError     over the size bound (E103)
│   ├── NotEnglishError          the text is not English (E104)
│   ├── MalformedMetadataError   JSON that does not parse or lacks the text (E105)
│   ├── InvalidDateError         a publication date that does not exist (E106)
│   ├── UnreadableFileError      a file or directory the system refuses to read (E107)
│   └── ExtractionError          extraction failed on the article: a bug to report (E108)
├── GoldError                a gold file is malformed (E201)
│   └── GoldFormatError          a gold file's format cannot be told or is unknown (E202)
└── StoreError               the database cannot be opened or written (E301)
"""

from __future__ import annotations


class TidingsError(Exception):
    """Base class of every error tidings raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class ArticleError(TidingsError):
    """An input file cannot be read as an article."""

    code = "E100"


class EmptyArticleError(ArticleError):
    """The article has no text."""

    code = "E101"


class BinaryArticleError(ArticleError):
    """The file is binary or not UTF-8 text."""

    code = "E102"


class ArticleTooLargeError(ArticleError):
    """The article is larger than the configured bound."""

    code = "E103"


class NotEnglishError(ArticleError):
    """The text does not look like English."""

    code = "E104"


class MalformedMetadataError(ArticleError):
    """A JSON article file does not parse or does not hold the text."""

    code = "E105"


class InvalidDateError(ArticleError):
    """A publication date is not a real calendar date."""

    code = "E106"


class UnreadableFileError(ArticleError):
    """A file or directory cannot be read (permission denied, a broken link, an I/O error)."""

    code = "E107"


class ExtractionError(ArticleError):
    """Extraction raised an unexpected error on one article; the run goes on without it."""

    code = "E108"


class GoldError(TidingsError):
    """A gold file is malformed."""

    code = "E201"


class GoldFormatError(GoldError):
    """The annotation format of a gold file cannot be told, or is not one tidings reads."""

    code = "E202"


class StoreError(TidingsError):
    """The store cannot be opened or written."""

    code = "E301"
