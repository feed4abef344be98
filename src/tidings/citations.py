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
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from tidings.lexicons import data_lines, data_table
from tidings.model import ActorResolution, Citation, CitationKind, Quote, TimeExpression
from tidings.parse import entity_span
from tidings.quotes import actor_of, outlet_classes, speaker_token, speech_verbs

REPORT_VERBS = frozenset({"report", "say", "publish", "write", "reveal", "cite", "quote", "claim"})
BY_VERBS = frozenset({"broadcast", "air", "publish", "quote", "carry", "report", "cite"})
POST_NOUNS = frozenset({"post", "message", "video", "statement", "posting", "tweet", "address"})
POST_VERBS = frozenset({"write", "post", "say", "announce", "publish", "declare", "add", "tweet"})
INTERVIEW_NOUNS = frozenset({"interview", "conversation", "podcast", "appearance"})
SPEAKING_VERBS = frozenset({"tell", "say", "speak", "talk"})
REPORT_NOUNS = frozenset(
    {
        "report",
        "publish",
        "broadcast",
        "air",
        "article",
        "story",
        "readout",
        "transcript",
        "piece",
        "op-ed",
        "column",
        "editorial",
        "essay",
    }
)


@cache
def generic_sources() -> dict[str, tuple[str, CitationKind]]:
    """Head lemmas of generic sources ("media", "source") -> outlet label and kind."""
    return {
        row["head"]: (row["outlet"], CitationKind(row["kind"]))
        for row in data_table("data/citation_sources.tsv")
    }


def _class_name(token: Token) -> Token | None:
    """The proper name a class noun introduces: "the broadcaster ZDF", "the Yonhap news agency"."""
    if token.lemma_.lower() not in outlet_classes() or not _is_news_agency(token):
        return None
    named = [
        c
        for c in token.children
        if c.dep_ in ("appos", "compound", "npadvmod") and c.pos_ == "PROPN" and c.text[0].isupper()
    ]
    if named:
        return named[0]
    # "the state news agency KCNA" parsed apart: the name right after the class noun
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.pos_ == "PROPN" and following.ent_type_ == "ORG":
        return following
    return None


_NAME_LINKS = frozenset({"and", "of", "for", "on", "the", "&", "-"})


def _is_news_agency(token: Token) -> bool:
    """An "agency" is an outlet only as a news or press agency (not "the refugee agency")."""
    if token.lemma_.lower() != "agency":
        return True
    return any(c.lower_ in ("news", "press", "wire") for c in token.children)


def _name_end(token: Token) -> int:
    """Where a name ends when it goes on past its head: "Conference on Trade and Development"."""
    end = token.i + 1
    for prep in token.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "for", "of") or prep.i != end:
            break
        objects = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
        words = [t for t in prep.subtree if t != prep]
        hyphenated = {t.i for t in words if t.i > 0 and t.doc[t.i - 1].text == "-"}
        named = all(t.is_title or t.lower_ in _NAME_LINKS or t.i in hyphenated for t in words)
        if not objects or not named:
            break
        end = prep.right_edge.i + 1
    return end


def outlet_span(token: Token) -> Span:
    """The name a token heads: its compounds, the article when part of the name, no trailing 's.

    A class noun gives way to the name it introduces ("the news agency APA" is APA), and the
    class noun is left out of a name it precedes ("the broadcaster ZDF" is ZDF).
    """
    doc = token.doc
    named = _class_name(token)
    if named is not None:
        return outlet_span(named)
    entity = entity_span(token)
    end = max(_name_end(token), entity.end if entity is not None else 0)
    if entity is not None:
        start = entity.start
        while start < token.i and doc[start].lemma_.lower() in outlet_classes():
            start += 1  # "the broadcaster RAI" tagged as one name
        return doc[start:end]
    left = token.i
    while left > 0:
        previous = doc[left - 1]
        is_part = previous.head == token and previous.dep_ in ("compound", "amod", "det")
        if not is_part or previous.lemma_.lower() in outlet_classes():
            break
        left -= 1
    return doc[left:end]


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
    """Whether the name a token heads is an outlet: known to the KB, named like one, or
    introduced as one ("the news agency APA", "SOHR, a war monitor")."""
    if _class_name(token) is not None:
        return True
    introduced = (c for c in token.children if c.dep_ in ("appos", "compound"))
    if any(c.lemma_.lower() in outlet_classes() and _is_news_agency(c) for c in introduced):
        return True
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


def _interview_date(verb: Token, times: list[TimeExpression]) -> str | None:
    """The date of "told CBS in an interview aired on Sunday": from the interview phrase."""
    for prep in verb.children:
        for noun in prep.children:
            if prep.dep_ == "prep" and noun.lemma_.lower() in INTERVIEW_NOUNS:
                return _time_in(verb.doc[noun.left_edge.i : noun.right_edge.i + 1], times)
    return None


def _clause_subject(token: Token) -> Token | None:
    for ancestor in [token, *token.ancestors]:
        if ancestor.pos_ in ("VERB", "AUX"):
            subject = speaker_token(ancestor)
            if subject is not None:
                return subject
    return None


def _subject_citation(token: Token, is_outlet: Callable[[str], bool]) -> Citation | None:
    """'the Financial Times reported', 'state media said', 'two officials … told Reuters'."""
    head = token.head
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    anchor = token.doc[token.left_edge.i : head.i + 1]
    lemma = head.lemma_.lower()
    if lemma in REPORT_VERBS and _is_outlet_token(token, is_outlet):
        return _citation(outlet_span(token), CitationKind.REPORT, anchor, None, None)
    if lemma in REPORT_VERBS or lemma in speech_verbs():
        return _generic_citation(token, anchor)
    return None


def _generic_citation(token: Token, anchor: Span, *, marked: bool = True) -> Citation | None:
    """A source with no name ("state media", "a source familiar with the talks"), when modified
    or indefinite (`marked`; "according to the person" needs neither)."""
    generic = generic_sources().get(token.lemma_.lower())
    if not _is_news_agency(token):
        return None  # "the refugee agency" is an actor, not an unnamed news agency
    if _class_name(token) is not None:
        return None  # "the Interfax news agency" is named: not a generic source
    modified = any(c.dep_ in ("amod", "compound", "acl", "nummod", "prep") for c in token.children)
    # "diplomats said", "an official said": unnamed; "the official said" may be named before
    unnamed = token.tag_ in ("NNS", "NNPS") or any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children
    )
    if generic is None or (marked and not (modified or unnamed)):
        return None
    label, kind = generic
    span = token.doc[token.left_edge.i : token.i + 1]
    return Citation(label, kind, span.start_char, span.end_char, anchor.text, None, None)


def _channel_citation(token: Token, actors: ActorResolution) -> Citation | None:
    """'wrote on X', 'in a post on Telegram', 'said on social media': the channel of a statement."""
    head = token.head
    if token.dep_ != "pobj" or head.lower_ != "on":
        return None
    doc = token.doc
    words = doc[token.left_edge.i : token.i + 1]
    written = token.text.rstrip(".")  # "on X." at a sentence end is one token
    name = channels().get(words.text.rstrip(".").lower()) or channels().get(written.lower())
    if name is None or (written.lower() == "x" and written != "X"):
        return None
    holder = head.head
    if holder.lemma_.lower() in POST_NOUNS:
        speaker = actor_of(_clause_subject(holder), actors)
    elif holder.pos_ in ("VERB", "AUX") and holder.lemma_.lower() in POST_VERBS:
        speaker = actor_of(speaker_token(holder), actors)
    else:
        return None
    anchor = doc[holder.i : token.i + 1]
    return Citation(
        name, CitationKind.STATEMENT, words.start_char, words.end_char, anchor.text, speaker, None
    )


@cache
def channels() -> dict[str, str]:
    """Channels statements are published on (lower-case surface -> name), from data."""
    return {row["surface"]: row["channel"] for row in data_table("data/channels.tsv")}


def _according_to(token: Token) -> bool:
    """Whether a token is the object of 'according to' and names someone."""
    head = token.head
    return (
        token.dep_ == "pobj"
        and head.lower_ == "to"
        and head.head.lower_ == "according"
        and (
            token.pos_ == "PROPN"
            or token.lemma_.lower() in generic_sources()
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
        anchor = token.doc[token.head.head.i : token.i + 1]
        generic = _generic_citation(token, anchor)
        if generic is not None:
            return generic
        # "according to Sudan's health ministry": any named source, outlet or not.
        span = token.doc[token.left_edge.i : _name_end(token)]
        if not any(t.pos_ == "PROPN" for t in span):  # "according to the person": no name
            generic = _generic_citation(token, anchor, marked=False)
            if generic is not None:
                return generic
        return _citation(span, CitationKind.REPORT, anchor, actor_of(token, actors), None)
    if token.dep_ == "dobj" and token.head.lemma_.lower() == "cite":
        return _generic_citation(token, token.doc[token.head.i : token.i + 1])
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
            outlet_span(token),
            CitationKind.INTERVIEW,
            doc[verb.i : token.i + 1],
            speaker,
            _interview_date(verb, times),
        )
    if head.lower_ == "with" and head.head.lemma_.lower() in INTERVIEW_NOUNS:
        if not _is_outlet_token(token, is_outlet):
            return None
        noun = head.head
        phrase = doc[noun.left_edge.i : token.i + 1]
        speaker = actor_of(_clause_subject(noun), actors)
        date = _time_in(phrase, times)
        return _citation(outlet_span(token), CitationKind.INTERVIEW, phrase, speaker, date)
    holder = head.head.lemma_.lower()
    reported = head.lower_ in ("on", "by", "in", "from") and holder in REPORT_NOUNS
    if head.lower_ == "by" and holder in BY_VERBS:
        reported = True  # "broadcast by state television", "quoted by the Interfax news agency"
        generic = _generic_citation(token, doc[head.head.i : token.i + 1])
        if generic is not None:
            return generic
    if reported:
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
        citation = (
            _subject_citation(token, is_outlet)
            or _object_citation(token, actors, times, is_outlet)
            or _channel_citation(token, actors)
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


def link_outlets(quotes: list[Quote], citations: list[Citation], doc: Doc) -> list[Quote]:
    """Each quote with the outlet or channel its sentences cite ("Lavrov told CBS News …",
    "Peskov, quoted by Interfax, said …", "he wrote on X"), the nearest one when several."""
    linked = []
    for quote in quotes:
        first = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if first is None:
            linked.append(quote)
            continue
        start, end = first[0].sent.start_char, first[-1].sent.end_char
        inside = [c for c in citations if start <= c.start < end]
        nearest = min(inside, key=lambda c: abs(c.start - quote.end), default=None)
        linked.append(replace(quote, outlet=nearest.outlet) if nearest else quote)
    return linked
