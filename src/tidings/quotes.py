"""Quotes: direct, partial and indirect speech, each with its speaker and cue verb.

Quoted stretches are found between matching marks (straight "…", curly “…”, guillemets «…»).
A quote of a few words inside a sentence that the quote does not make up is partial. A quote
split around its cue ('"…," she said, "…"') gives two quotes with the same speaker, and a
quote that follows another in the same paragraph with no cue of its own keeps that speaker;
a paragraph that opens a quote without closing it continues into the next paragraph's opening
mark, as journalists write multi-paragraph quotes. Indirect speech is a speech verb's
complement clause ("Vance indicated that the decision would rest with Trump").
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Span, Token

from tidings.lexicons import data_lines
from tidings.model import ActorResolution, Quote, QuoteKind
from tidings.parse import document_text

QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"', "„": "“"}
PARTIAL_MAX_WORDS = 6
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@cache
def speech_verbs() -> frozenset[str]:
    """Lemmas of verbs that introduce speech."""
    return frozenset(data_lines("data/speech_verbs.txt"))


def quoted_stretches(text: str) -> Iterator[tuple[int, int]]:
    """Character spans (without the marks) of the text between matching quote marks."""
    position = 0
    while position < len(text):
        char = text[position]
        if char not in QUOTE_PAIRS:
            position += 1
            continue
        closing = QUOTE_PAIRS[char]
        end = text.find(closing, position + 1)
        paragraph_end = text.find("\n\n", position + 1)
        if end < 0:
            return
        if 0 <= paragraph_end < end:
            # An unclosed quote in a paragraph continues if the next paragraph opens one: the
            # paragraph is one quote, and the next paragraph's mark opens the next one.
            next_start = paragraph_end + 2
            if text[next_start : next_start + 1] == char and paragraph_end > position + 1:
                yield position + 1, paragraph_end
            position = next_start
            continue
        if end > position + 1:
            yield position + 1, end
        position = end + 1


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def is_partial(doc: Doc, span: Span) -> bool:
    """A few quoted words inside a sentence they do not make up.

    Quoted words that follow a word directly ('the deal "does not give access"') are part of
    the writer's sentence; a quote after a colon, a comma or at a sentence start is the
    speaker's own sentence.
    """
    words = [t for t in span if not t.is_punct]
    if len(words) > PARTIAL_MAX_WORDS:
        return False
    before = document_text(doc)[: span.start_char].rstrip(' "“«„')[-1:]
    if before.isalnum():
        return True
    sentence = span.sent
    outside = [t for t in sentence if (t.i < span.start or t.i >= span.end) and not t.is_punct]
    return len(outside) > 3 and not any(t.pos_ == "VERB" for t in words)


def speaker_token(verb: Token) -> Token | None:
    """The subject of a speech verb (or the first noun after it when inverted)."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    for child in verb.rights:
        if child.pos_ in ("PROPN", "NOUN", "PRON") and child.dep_ in ("dobj", "attr", "npadvmod"):
            return child
    return None


def actor_of(token: Token | None, actors: ActorResolution) -> str | None:
    """The actor id a token, or a name/title it heads, refers to."""
    if token is None:
        return None
    if token.i in actors.token_actor:
        return actors.token_actor[token.i]
    for child in token.subtree:
        if child.i in actors.token_actor and child.dep_ in ("compound", "appos", "poss", "conj"):
            return actors.token_actor[child.i]
    return None


def cue_outside(doc: Doc, span: Span) -> Token | None:
    """A speech verb in the quote's sentences but outside the quoted words."""
    verbs = speech_verbs()
    sentences = {span[0].sent.start, span[-1].sent.start}
    candidates = [
        t
        for t in doc[min(sentences) : max(s.end for s in (span[0].sent, span[-1].sent))]
        if (t.i < span.start or t.i >= span.end) and t.lemma_.lower() in verbs and t.pos_ == "VERB"
    ]
    # Prefer the cue closest to the quote: '"…," he said' or 'He said: "…"'.
    return min(
        candidates, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)), default=None
    )


def inherited_subject(verb: Token) -> Token | None:
    """A verb's subject, or the one it shares ("denied … and said", "stated, adding that")."""
    current = verb
    for _ in range(3):
        subject = speaker_token(current)
        if subject is not None:
            return subject
        if current.dep_ not in ("conj", "advcl", "xcomp") or current.head.i == current.i:
            return None
        current = current.head
    return None


def governing_speaker(span: Span) -> tuple[Token | None, Token | None]:
    """For a partial quote: the speech verb it depends on and its subject, else the nearest
    verb with a subject ("Biden said the strikes were 'a clear message'": Biden)."""
    verbs = speech_verbs()
    fallback: tuple[Token | None, Token | None] = (None, None)
    for ancestor in span.root.ancestors:
        if ancestor.pos_ not in ("VERB", "AUX"):
            continue
        subject = inherited_subject(ancestor)
        if subject is None or subject.pos_ == "DET":
            continue
        if ancestor.lemma_.lower() in verbs:
            return ancestor, subject
        if fallback[0] is None:
            fallback = (ancestor, subject)
    return fallback


def direct_quotes(doc: Doc, actors: ActorResolution) -> list[Quote]:
    """Quotes between quote marks, with speaker and cue."""
    quotes: list[Quote] = []
    previous: Quote | None = None
    previous_paragraph = -1
    text = document_text(doc)
    for start, end in quoted_stretches(text):
        span = _tokens_in(doc, start, end)
        if span is None or not span.text.strip():
            continue
        paragraph = text.rfind("\n\n", 0, start)
        if is_partial(doc, span):
            cue, subject = governing_speaker(span)
            kind = QuoteKind.PARTIAL
        else:
            cue = cue_outside(doc, span)
            subject = speaker_token(cue) if cue is not None else None
            kind = QuoteKind.DIRECT
        speaker = actor_of(subject, actors)
        stands_alone = len(span) >= 0.8 * len([t for t in span.sent if not t.is_punct])
        continues = paragraph == previous_paragraph or stands_alone
        if cue is None and previous is not None and continues:
            speaker, cue_text = previous.speaker, previous.cue
        else:
            cue_text = cue.text if cue is not None else None
        quote = Quote(
            text=text[start:end].strip(),
            start=start,
            end=end,
            kind=kind,
            speaker=speaker,
            cue=cue_text,
        )
        quotes.append(quote)
        if kind is QuoteKind.DIRECT:
            previous, previous_paragraph = quote, paragraph
    return quotes


def indirect_quotes(
    doc: Doc, actors: ActorResolution, quoted: list[tuple[int, int]]
) -> list[Quote]:
    """Complement clauses of speech verbs whose subject is an actor that is not an outlet."""
    verbs = speech_verbs()
    quotes = []
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
            continue
        clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
        subject = inherited_subject(token)
        speaker = actor_of(subject, actors)
        if clause is None or speaker is None or _is_media(speaker, actors):
            continue
        words = list(clause.subtree)
        if words and words[0].dep_ == "mark":
            words = words[1:]
        if len(words) < 3:
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        if any(start < q_end and q_start < end for q_start, q_end in quoted):
            continue
        text = document_text(doc)[start:end].rstrip(" ,.;")
        quotes.append(
            Quote(text, start, start + len(text), QuoteKind.INDIRECT, speaker, token.text)
        )
    return quotes


def _is_media(actor_id: str, actors: ActorResolution) -> bool:
    actor = next((a for a in actors.actors if a.id == actor_id), None)
    return actor is not None and actor.sector == "MED"


def find_quotes(doc: Doc, *, actors: ActorResolution) -> list[Quote]:
    """Direct, partial and indirect quotes in a parsed article, in text order."""
    direct = direct_quotes(doc, actors)
    # Quote marks also enclose titles and scare quotes; a sentence-long run is still speech.
    quoted = [(q.start, q.end) for q in direct]
    indirect = indirect_quotes(doc, actors, quoted)
    return sorted(direct + indirect, key=lambda q: q.start)
