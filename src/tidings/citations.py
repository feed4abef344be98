"""Cited sources: the outlets, channels and sources a text attributes information to.

Patterns read off the dependency parse:
- an outlet as subject of a reporting verb: "the Financial Times reported that …" (report);
- an outlet as object of "tell"/"say to": "Townsend told The Moscow Times" (interview);
- "in an interview with Fox News", "speaking to the BBC" (interview, dated when the noun phrase
  holds a date: "a September 28 interview");
- "according to Reuters" (report);
- generic channels: "state media said", "a source familiar with the talks said" (statement).
An outlet is a name the knowledge base knows as media, or a proper-noun organisation in one of
these slots.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Span, Token

from tidings.lexicons import data_lines, data_table
from tidings.model import ActorResolution, Citation, CitationKind, TimeExpression
from tidings.parse import entity_span
from tidings.quotes import actor_of, speaker_token

REPORT_VERBS = frozenset({"report", "say", "publish", "write", "reveal", "cite", "quote", "claim"})
INTERVIEW_NOUNS = frozenset({"interview", "conversation", "podcast", "appearance"})
SPEAKING_VERBS = frozenset({"tell", "say", "speak", "talk"})
REPORT_NOUNS = frozenset({"report", "publish", "broadcast", "air", "article", "story"})


@cache
def generic_sources() -> dict[str, tuple[str, CitationKind]]:
    """Head lemmas of generic sources ("media", "source") -> outlet label and kind."""
    return {
        row["head"]: (row["outlet"], CitationKind(row["kind"]))
        for row in data_table("data/citation_sources.tsv")
    }


def outlet_span(token: Token) -> Span:
    """The name a token heads: its compounds, the article when part of the name, no trailing 's."""
    doc = token.doc
    entity = entity_span(token)
    if entity is not None:
        return entity
    left = min([token.i] + [c.i for c in token.lefts if c.dep_ in ("compound", "amod", "det")])
    return doc[left : token.i + 1]


def outlet_name(span: Span) -> str:
    """The outlet as written, without a leading article that only the sentence start capitalised.

    "told The Moscow Times" keeps its capital "The": it is part of the name.
    """
    text = span.text
    if text.startswith("the ") or (text.startswith("The ") and span[0].is_sent_start):
        return text[4:]
    return text


@cache
def outlet_words() -> frozenset[str]:
    """Words that mark an organisation's name as an outlet's (Times, News, Agency...)."""
    return frozenset(data_lines("data/outlet_words.txt"))


def _is_outlet_token(token: Token, is_outlet: Callable[[str], bool]) -> bool:
    """Whether the name a token heads is an outlet: known to the KB, or named like one."""
    span = outlet_span(token)
    if is_outlet(span.text) or is_outlet(outlet_name(span)):
        return True
    named_like_outlet = any(t.text in outlet_words() for t in span)
    return token.pos_ == "PROPN" and named_like_outlet


def _time_in(span: Span, times: list[TimeExpression]) -> str | None:
    return next(
        (t.value for t in times if span.start_char <= t.start and t.end <= span.end_char), None
    )


def _citation(
    outlet: Span, kind: CitationKind, anchor: Span, speaker: str | None, date: str | None
) -> Citation:
    return Citation(
        outlet=outlet_name(outlet),
        kind=kind,
        start=outlet.start_char,
        end=outlet.end_char,
        text=anchor.text,
        speaker=speaker,
        date=date,
    )


def _clause_subject(token: Token) -> Token | None:
    for ancestor in [token, *token.ancestors]:
        if ancestor.pos_ in ("VERB", "AUX"):
            subject = speaker_token(ancestor)
            if subject is not None:
                return subject
    return None


def _subject_citation(token: Token, is_outlet: Callable[[str], bool]) -> Citation | None:
    """'the Financial Times reported', 'state media said', 'a source familiar … said'."""
    head = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or head.lemma_.lower() not in REPORT_VERBS:
        return None
    anchor = token.doc[token.left_edge.i : head.i + 1]
    if _is_outlet_token(token, is_outlet):
        return _citation(outlet_span(token), CitationKind.REPORT, anchor, None, None)
    generic = generic_sources().get(token.lemma_.lower())
    modified = any(c.dep_ in ("amod", "compound", "acl", "nummod") for c in token.children)
    if generic is None or not modified:
        return None
    label, kind = generic
    span = token.doc[token.left_edge.i : token.i + 1]
    return Citation(label, kind, span.start_char, span.end_char, anchor.text, None, None)


def _according_to(token: Token) -> bool:
    """Whether a token is the object of 'according to' and names someone."""
    head = token.head
    return (
        token.dep_ == "pobj"
        and head.lower_ == "to"
        and head.head.lower_ == "according"
        and (
            token.pos_ == "PROPN"
            or token.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")
            or any(c.dep_ in ("poss", "compound", "amod") for c in token.children)
        )
    )


def _object_citation(
    token: Token,
    actors: ActorResolution,
    times: list[TimeExpression],
    is_outlet: Callable[[str], bool],
) -> Citation | None:
    """'told The Moscow Times', 'according to Reuters', 'in an interview with Fox News'."""
    if _according_to(token):
        # "according to Sudan's health ministry": any named source, outlet or not.
        span = token.doc[token.left_edge.i : token.i + 1]
        anchor = token.doc[token.head.head.i : token.i + 1]
        return _citation(span, CitationKind.REPORT, anchor, actor_of(token, actors), None)
    if token.dep_ not in ("dobj", "dative", "pobj"):
        return None
    doc, head = token.doc, token.head
    verb = head if token.dep_ != "pobj" else head.head
    # The slot is checked before the name: asking the knowledge base is the costly part.
    if verb.lemma_.lower() in SPEAKING_VERBS:
        if not _is_outlet_token(token, is_outlet):
            return None
        speaker = actor_of(speaker_token(verb), actors)
        return _citation(
            outlet_span(token), CitationKind.INTERVIEW, doc[verb.i : token.i + 1], speaker, None
        )
    if head.lower_ == "with" and head.head.lemma_.lower() in INTERVIEW_NOUNS:
        if not _is_outlet_token(token, is_outlet):
            return None
        noun = head.head
        phrase = doc[noun.left_edge.i : token.i + 1]
        speaker = actor_of(_clause_subject(noun), actors)
        date = _time_in(phrase, times)
        return _citation(outlet_span(token), CitationKind.INTERVIEW, phrase, speaker, date)
    if head.lower_ in ("on", "by", "in") and head.head.lemma_.lower() in REPORT_NOUNS:
        if not _is_outlet_token(token, is_outlet):
            return None
        anchor = doc[head.head.i : token.i + 1]
        return _citation(outlet_span(token), CitationKind.REPORT, anchor, None, None)
    return None


def find_citations(
    doc: Doc,
    *,
    actors: ActorResolution,
    times: list[TimeExpression],
    is_outlet: Callable[[str], bool],
) -> list[Citation]:
    """Outlets and sources the article attributes information to, in text order."""
    citations = []
    for token in doc:
        citation = _subject_citation(token, is_outlet) or _object_citation(
            token, actors, times, is_outlet
        )
        if citation is not None:
            citations.append(citation)
    return _unique(citations)


def _unique(citations: list[Citation]) -> list[Citation]:
    seen: set[tuple[int, int]] = set()
    result = []
    for citation in sorted(citations, key=lambda c: c.start):
        if (citation.start, citation.end) not in seen:
            seen.add((citation.start, citation.end))
            result.append(citation)
    return result
