"""Attributions: every statement the article gives to a source, whole, one record each.

Built beside the quotes (quotes.py), which stay as they are for their users:

- direct quotes, the pieces of a quote split around its cue joined ('"A," he said, "B."');
- cue verbs with a subject: speech verbs (data/speech_verbs.txt) and the verbs of belief,
  finding, intention and stance of data/attribution_verbs.tsv, whose modes say where the
  content is: the complement clause ("said that …", "vowed to …"), the object ("endorsed
  Kasich", "accused the party of lying", "called the plan reckless") or a preposition's object
  ("called for an inquiry"); a parenthetical cue ("X, aides say, is …") attributes its
  sentence. Any subject is a source, a known actor or not ("officials", "the report", "the
  daily"); a gerund's source may be out of reach, and its record has none. A content that
  holds quoted words is mixed, the quoted words its fragments;
- partial quotes no cue verb's content holds, as mixed records of their own words, when they
  stand as a statement (not a scare quote or a title);
- indirect quotes the cue verbs did not give (content fronted before "…, the WHO said");
- how things seem ("the plan seems doomed") and report or statement citations;
- "according to X" and "in the latest poll": the rest of the sentence (other), holding the
  records inside it.

Events stated inside a record's content carry it (`link_events`): who says they happened.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from tidings.lexicons import data_lines, data_table
from tidings.model import (
    ActorResolution,
    Attribution,
    AttributionKind,
    Citation,
    CitationKind,
    Event,
    Quote,
    QuoteKind,
)
from tidings.parse import document_text
from tidings.places import resolve_place
from tidings.quotes import (
    BYLINE_DASHES,
    actor_of,
    clause_words,
    content_clauses,
    dash_byline,
    inherited_subject,
    quoted_stretches,
    speech_verbs,
)

CharSpan = tuple[int, int]

# Quote pieces further apart than this are two statements, not one split around its cue.
MAX_JOIN_GAP = 80
MAX_CUE_GAP = 240
# Subjects that name no source: "it seems that", "there is".
EMPTY_SUBJECTS = frozenset({"it", "there"})
RELATIVE_TAGS = frozenset({"WP", "WDT"})
# Dependents of a stance verb that hold what the stance is about.
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "xcomp", "ccomp", "dative", "acomp"})
# Dependents that say what a verb of naming gives its object ("called the plan reckless").
PREDICATE_DEPS = frozenset({"oprd", "ccomp", "xcomp"})
# Prepositions that carry what a stance holds of its object ("accused X of …").
PREDICATE_PREPOSITIONS = frozenset({"of", "as", "for", "over"})
# A gerund or infinitive cue may attribute with its source out of the parse's reach ("…,
# criticizing the plan"); a finite verb with no subject, or a participle ("a class called
# 'Perception'"), does not.
SOURCELESS_TAGS = frozenset({"VBG", "VB"})
MIN_PARTIAL_WORDS = 4
CONTENT_CITATIONS = frozenset({CitationKind.REPORT, CitationKind.STATEMENT})


@cache
def cue_verbs() -> dict[str, str]:
    """Lemma of each cue verb, or verb and preposition ("call for"), -> where its content is:
    "speech" (a complement clause only: "said that …", not "continued to grow"), "clause" (a
    complement clause or an infinitive: "vowed to …"), "object", "predicate" (the object only
    with what is said of it: "called the plan reckless") or "appearance" ("seems …")."""
    modes = dict.fromkeys(speech_verbs(), "speech")
    modes.update({row["lemma"]: row["content"] for row in data_table("data/attribution_verbs.tsv")})
    return modes


def cue_reading(verb: Token) -> tuple[str, Token | None] | None:
    """How a verb attributes: its mode and the preposition or particle that makes it a cue
    ("called for", "pointed out"), or None when it is no cue verb."""
    cues = cue_verbs()
    lemma = verb.lemma_.lower()
    silent_e = verb.lower_ == f"{lemma}ing" or verb.lower_.startswith(f"{lemma}e")
    if silent_e and lemma not in cues and f"{lemma}e" in cues:
        lemma = f"{lemma}e"  # the lemmatizer's "hopes", "hoping" -> "hop": a silent e lost
    for child in verb.rights:
        if child.dep_ in ("prep", "prt"):
            mode = cues.get(f"{lemma} {child.lower_}")
            if mode is not None:
                return mode, child
            break  # only the first preposition after the verb can make it a phrasal cue
    mode = cues.get(lemma)
    return (mode, None) if mode is not None else None


# --- spans --------------------------------------------------------------------------------------


def words_span(words: Sequence[Token]) -> CharSpan:
    """The characters from the first word's start to the last word's end."""
    return words[0].idx, words[-1].idx + len(words[-1])


def overlaps(span: CharSpan, others: Iterable[CharSpan]) -> bool:
    """Whether a span shares a character with any of the others."""
    return any(span[0] < end and start < span[1] for start, end in others)


def quoted_parts(span: CharSpan, quoted: Sequence[CharSpan], text: str) -> tuple[int, int]:
    """Letters and digits of a span inside and outside the quoted stretches."""
    inside = outside = 0
    for position in range(*span):
        if not text[position].isalnum():
            continue
        if any(start <= position < end for start, end in quoted):
            inside += 1
        else:
            outside += 1
    return inside, outside


def trimmed(words: Sequence[Token]) -> list[Token]:
    """Words without punctuation, spaces, a leading "that" or a trailing "and" at the edges."""
    words = list(words)
    while words and (words[0].is_punct or words[0].is_space or words[0].dep_ == "mark"):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].is_space or words[-1].dep_ == "cc"):
        words = words[:-1]
    return words


# --- cue verbs ----------------------------------------------------------------------------------


def verb_contents(verb: Token, mode: str, particle: Token | None = None) -> list[list[Token]]:
    """What a cue verb attributes: each complement clause ("said that A and that B"), else an
    infinitive ("vowed to …", "urged Congress to …"), else for a stance verb its object and
    what follows it ("criticized the plan as reckless", "accused the party of lying"), for a
    verb of naming its object and the name ("called the plan reckless"), for a phrasal cue
    the object of its preposition ("called for an inquiry")."""
    if particle is not None and particle.dep_ == "prep":
        objects = [c for c in particle.children if c.dep_ in ("pobj", "pcomp")]
        if not objects:
            return []
        return [
            with_predicate(
                verb, trimmed(verb.doc[objects[0].left_edge.i : objects[-1].right_edge.i + 1])
            )
        ]
    clauses = content_clauses(verb)
    if clauses:
        return [clause_words(clause) for clause in clauses]
    rights = [c for c in verb.rights if c.dep_ in OBJECT_DEPS]
    if not rights:
        return []
    predicate = any(c.dep_ in PREDICATE_DEPS for c in rights) or any(
        c.dep_ == "prep" and c.lower_ == "as" for c in verb.rights
    )
    if mode == "speech" or (mode == "clause" and not any(c.dep_ == "xcomp" for c in rights)):
        return []
    if mode == "predicate" and not predicate:
        return []  # "called the senator on Monday": a call, not a name given
    last = max(rights, key=lambda c: c.right_edge.i)
    words = with_predicate(verb, trimmed(verb.doc[rights[0].left_edge.i : last.right_edge.i + 1]))
    if len(words) == 1 and words[0].pos_ == "PRON":
        return []  # "denied it": nothing said
    return [words]


def with_predicate(verb: Token, words: list[Token]) -> list[Token]:
    """An object with the phrase that says what the cue holds of it, right after it ("the
    party of lying", "Trump as a danger", "the media for being dishonest")."""
    if not words:
        return words
    for child in verb.rights:
        if (
            child.dep_ == "prep"
            and child.lower_ in PREDICATE_PREPOSITIONS
            and child.i == words[-1].i + 1
        ):
            words = trimmed(verb.doc[words[0].i : child.right_edge.i + 1])
    return words


def source_token(verb: Token) -> Token | None:
    """Who a cue verb attributes to: its subject, shared along "… and said"."""
    subject = inherited_subject(verb)
    if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
        subject = verb.head  # "Democrats hoping to keep the Senate"
    if subject is None or subject.lower_ in EMPTY_SUBJECTS:
        return None
    return subject


def source_actor(source: Token, actors: ActorResolution) -> str | None:
    """The actor a source names, through a relative pronoun to what it stands for ("a
    senator who says …")."""
    if source.tag_ in RELATIVE_TAGS and source.head.dep_ == "relcl":
        return actor_of(source.head.head, actors)
    return actor_of(source, actors)


def source_phrase(token: Token) -> Span:
    """The words naming a source: the subject's phrase up to a relative clause or comma."""
    doc = token.doc
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "punct", "cc", "conj") or child.is_punct:
            break
        end = child.right_edge.i + 1
    return doc[token.left_edge.i : end]


def verb_attributions(
    doc: Doc, actors: ActorResolution, quoted: Sequence[CharSpan]
) -> list[Attribution]:
    """An attribution for each content of each cue verb with a source (or a gerund's)."""
    found: list[Attribution | None] = []
    for verb in doc:
        reading = cue_reading(verb) if verb.pos_ in ("VERB", "AUX") else None
        if reading is None:
            continue
        mode, particle = reading
        if mode == "appearance":
            continue  # how things look to no one named: appearance_attributions
        source = source_token(verb)
        if source is None and verb.tag_ not in SOURCELESS_TAGS:
            continue  # a participle's source may be out of reach ("…, criticizing the plan")
        for words in verb_contents(verb, mode, particle):
            if not words or words[0].i <= verb.i <= words[-1].i:
                continue
            found.append(cue_attribution(verb, [words_span(words)], source, actors, quoted))
        parenthetical = verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX")
        if parenthetical and mode in ("speech", "clause"):
            runs = parenthetical_runs(verb)
            if runs:
                found.append(cue_attribution(verb, runs, source, actors, quoted))
    return [record for record in found if record is not None]


def appearance_attribution(
    verb: Token, actors: ActorResolution, quoted: Sequence[CharSpan]
) -> Attribution | None:
    """ "The plan seems doomed", "it appears that …": how things look to no one named, the
    clause without its verb of appearance (in two pieces around it)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "expl")), None)
    complement = [c for c in verb.rights if c.dep_ in ("xcomp", "acomp", "ccomp", "attr", "oprd")]
    if subject is None or not complement:
        return None
    if subject.lower_ in EMPTY_SUBJECTS:  # "it appears that …": the that-clause, no one's
        return cue_attribution(verb, word_runs(list(complement[0].subtree)), None, actors, quoted)
    # the one who seems ("Rubio seemed hopeful that …") is as near a source as the text gives
    clause = [t for t in verb.subtree if t.i != verb.i]
    return cue_attribution(verb, word_runs(clause), subject, actors, quoted)


def appearance_attributions(
    doc: Doc, actors: ActorResolution, quoted: Sequence[CharSpan]
) -> list[Attribution]:
    """An attribution for each verb of appearance with a subject and a complement."""
    found = [
        appearance_attribution(verb, actors, quoted)
        for verb in doc
        if verb.pos_ in ("VERB", "AUX") and cue_reading(verb) == ("appearance", None)
    ]
    return [record for record in found if record is not None]


def word_runs(words: Sequence[Token]) -> list[CharSpan]:
    """The spans of the runs of consecutive words, each trimmed of edge punctuation."""
    runs: list[list[Token]] = []
    for word in words:
        if runs and word.i == runs[-1][-1].i + 1:
            runs[-1].append(word)
        else:
            runs.append([word])
    pieces = [trimmed(run) for run in runs]
    return [words_span(piece) for piece in pieces if piece]


def parenthetical_runs(verb: Token) -> list[CharSpan]:
    """The sentence a parenthetical cue stands in ("Syria, her aides say, remains a priority";
    "In any case, Mr. Roe said, the market was full"): its clause without the cue's own
    words, in one or two pieces."""
    own = {t.i for t in verb.subtree}
    return word_runs([t for t in verb.head.subtree if t.i not in own])


def cue_attribution(
    verb: Token,
    spans: Sequence[CharSpan],
    source: Token | None,
    actors: ActorResolution,
    quoted: Sequence[CharSpan],
) -> Attribution | None:
    """The record of what a cue verb attributes, in one or more pieces, of the kind its quoted
    words and its verb make it; None when it is all quoted (the direct quote is the record)."""
    text = document_text(verb.doc)
    inside = outside = 0
    for span in spans:
        piece_in, piece_out = quoted_parts(span, quoted, text)
        inside, outside = inside + piece_in, outside + piece_out
    if not outside:
        return None
    fragments = tuple(
        (max(start, span[0]), min(end, span[1]))
        for span in spans
        for start, end in quoted
        if start < span[1] and span[0] < end
    )
    if inside:
        kind = AttributionKind.MIXED
    elif verb.lemma_.lower() in speech_verbs():
        kind = AttributionKind.INDIRECT
    else:
        kind = AttributionKind.OTHER
    phrase = source_phrase(source) if source is not None else None
    return Attribution(
        kind=kind,
        text=" ".join(text[start:end] for start, end in spans),
        content=tuple(spans),
        source=source_actor(source, actors) if source is not None else None,
        source_text=phrase.text if phrase is not None else None,
        source_span=(phrase.start_char, phrase.end_char) if phrase is not None else None,
        cue=verb.text,
        cue_span=(verb.idx, verb.idx + len(verb)),
        fragments=fragments,
    )


# --- quotes -------------------------------------------------------------------------------------


def nearest_word(text: str, word: str, span: CharSpan) -> CharSpan | None:
    """The whole-word occurrence of a word nearest to a stretch and outside it."""
    best: CharSpan | None = None
    position = text.find(word)
    while position >= 0:
        end = position + len(word)
        whole = (position == 0 or not text[position - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        )
        if whole and (end <= span[0] or position >= span[1]):
            distance = min(abs(position - span[1]), abs(span[0] - end))
            if best is None or distance < min(abs(best[0] - span[1]), abs(span[0] - best[1])):
                best = (position, end)
        position = text.find(word, position + 1)
    return best


def quote_source_phrase(doc: Doc, cue_span: CharSpan | None) -> Span | None:
    """The words naming who speaks a quote: the subject of its cue verb, as written ("the
    group", "one resident", "she")."""
    if cue_span is None:
        return None
    cue = doc.char_span(*cue_span)
    if cue is None:
        return None
    announced = any(t.text == ":" for t in cue.root.rights)  # 'The sign read: "…"'
    if cue.root.lemma_.lower() not in cue_verbs() and not announced:
        return None
    source = source_token(cue.root)
    return source_phrase(source) if source is not None else None


def quote_attribution(
    doc: Doc, quote: Quote, actors: ActorResolution, kind: AttributionKind
) -> Attribution:
    """A quote as an attribution of its own words."""
    text = document_text(doc)
    span = (quote.start, quote.end)
    cue_span = nearest_word(text, quote.cue, span) if quote.cue else None
    phrase = quote_source_phrase(doc, cue_span)
    if phrase is None and quote.cue in BYLINE_DASHES:
        quote_span = doc.char_span(*span, alignment_mode="expand")
        phrase = dash_byline(quote_span) if quote_span is not None else None
    speaker = quote.speaker
    if speaker is None and phrase is not None:
        speaker = source_actor(phrase.root, actors)
    actor = actors.actor(speaker) if speaker else None
    source_text = actor.name if actor is not None else None
    return Attribution(
        kind=kind,
        text=quote.text,
        content=(span,),
        source=speaker,
        source_text=phrase.text if phrase is not None and source_text is None else source_text,
        source_span=(phrase.start_char, phrase.end_char) if phrase is not None else None,
        cue=quote.cue,
        cue_span=cue_span,
        fragments=(span,) if kind is not AttributionKind.INDIRECT else (),
    )


def continues(text: str, previous: Attribution, current: Attribution) -> bool:
    """Whether a direct quote goes on from the one before: close by, in the same paragraph,
    with the same speaker and cue, or around the very cue word, speaker known or not ('"A,"
    one voter said, "B."')."""
    gap = (previous.content[-1][1], current.content[0][0])
    same_speaker = previous.source is not None and previous.source == current.source
    same_cue_word = previous.cue_span is not None and previous.cue_span == current.cue_span
    around_cue = previous.cue_span is not None and gap[0] <= previous.cue_span[0] < gap[1]
    # around the very cue word the speaker's description may run long ('"A," Jane Roe, a
    # professor of law at a college in Ohio, said. "B."')
    limit = MAX_CUE_GAP if same_cue_word and around_cue else MAX_JOIN_GAP
    return (
        previous.cue == current.cue
        and (same_speaker or (same_cue_word and around_cue))
        and 0 <= gap[1] - gap[0] <= limit
        and "\n\n" not in text[gap[0] : gap[1]]
    )


def joined_direct_quotes(text: str, records: Sequence[Attribution]) -> list[Attribution]:
    """Direct quote records with the pieces of one quote split around its cue joined."""
    joined: list[Attribution] = []
    for record in records:
        previous = joined[-1] if joined else None
        if previous is None or not continues(text, previous, record):
            joined.append(record)
            continue
        content = (*previous.content, *record.content)
        joined[-1] = Attribution(
            kind=previous.kind,
            text=" ".join(text[start:end] for start, end in content),
            content=content,
            source=previous.source,
            source_text=previous.source_text,
            source_span=previous.source_span,
            cue=previous.cue,
            cue_span=previous.cue_span,
            fragments=content,
        )
    return joined


def stands_as_statement(doc: Doc, record: Attribution) -> bool:
    """Whether quoted words inside the writer's sentence are someone's statement: four words
    or more, an exclamation or question ("What curfew?"), words set off as said ('she said,
    "No."', '"Too much hate," she said'), or words a speech verb or a verb of naming gives
    ('called the system "rigged"')."""
    words = len(record.text.split())
    if words >= MIN_PARTIAL_WORDS or record.text.rstrip("”\"'’").endswith(("!", "?")):
        return True
    before = document_text(doc)[: record.content[0][0]].rstrip(" \"“«„'`")
    if before.endswith((",", ":")) or record.text.rstrip().endswith(","):
        return True
    cue = doc.char_span(*record.cue_span) if record.cue_span else None
    lemma = cue.root.lemma_.lower() if cue is not None else ""
    naming = cue_verbs().get(lemma) == "predicate"  # 'dubbed it "the yuca primary"'
    return naming or (words >= 2 and lemma in speech_verbs())


# --- "according to" and citations ---------------------------------------------------------------


def sentence_rest(sentence: Span, left_out: Span) -> list[CharSpan]:
    """The pieces of a sentence around a phrase, each of three words or more."""
    sides = [
        trimmed(sentence.doc[sentence.start : left_out.start]),
        trimmed(sentence.doc[left_out.end : sentence.end]),
    ]
    return [words_span(words) for words in sides if len(words) >= 3]


def according_to_attributions(doc: Doc, actors: ActorResolution) -> list[Attribution]:
    """ "X, according to Y": the rest of the sentence, attributed to Y."""
    text = document_text(doc)
    found = []
    for token in doc:
        if (
            token.lower_ != "according"
            or token.i + 1 >= len(doc)
            or doc[token.i + 1].lower_ != "to"
        ):
            continue
        objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
        if not objects:
            continue
        phrase = doc[token.i : objects[0].right_edge.i + 1]
        content = sentence_rest(token.sent, phrase)
        if not content:
            continue
        source = source_phrase(objects[0])
        found.append(
            Attribution(
                kind=AttributionKind.OTHER,
                text=" ".join(text[start:end] for start, end in content),
                content=tuple(content),
                source=actor_of(objects[0], actors),
                source_text=source.text,
                source_span=(source.start_char, source.end_char),
                cue="according to",
                cue_span=(token.idx, doc[token.i + 1].idx + 2),
            )
        )
    return found


@cache
def evidence_nouns() -> frozenset[str]:
    """Nouns of findings a sentence may be attributed to ("in a poll"): data/evidence_nouns.txt."""
    return frozenset(data_lines("data/evidence_nouns.txt"))


def evidence_attributions(doc: Doc, actors: ActorResolution) -> list[Attribution]:
    """ "X, in the latest poll" and "X, by one estimate": the rest of the sentence, attributed
    to the poll or estimate, when the phrase qualifies a verb (not "the lead in the poll")."""
    text = document_text(doc)
    found = []
    for token in doc:
        if token.lower_ not in ("in", "by") or token.dep_ not in ("prep", "agent"):
            continue
        if token.head.pos_ not in ("VERB", "AUX"):
            continue
        evidence = next((c for c in token.children if c.dep_ == "pobj"), None)
        if evidence is None or evidence.lemma_.lower() not in evidence_nouns():
            continue
        if evidence.tag_ == "NNS" and all(c.lower_ == "the" for c in evidence.children):
            continue  # "rose to double digits in the polls": a standing, not a source
        phrase = doc[token.i : evidence.right_edge.i + 1]
        content = sentence_rest(token.sent, phrase)
        if not content:
            continue
        source = source_phrase(evidence)
        found.append(
            Attribution(
                kind=AttributionKind.OTHER,
                text=" ".join(text[start:end] for start, end in content),
                content=tuple(content),
                source=actor_of(evidence, actors),
                source_text=source.text,
                source_span=(source.start_char, source.end_char),
                cue=token.text,
                cue_span=(token.idx, token.idx + len(token)),
            )
        )
    return found


def citation_attributions(doc: Doc, citations: Sequence[Citation]) -> list[Attribution]:
    """A report or statement citation: the rest of its sentence, attributed to the outlet."""
    text = document_text(doc)
    found = []
    for citation in citations:
        if citation.kind not in CONTENT_CITATIONS:
            continue
        outlet = doc.char_span(citation.start, citation.end, alignment_mode="expand")
        if outlet is None:
            continue
        words_start = text.rfind(citation.text, 0, citation.end) if citation.text else -1
        if words_start < 0 or words_start > citation.start:
            words_start = citation.start
        words_end = max(citation.end, words_start + len(citation.text))
        phrase = doc.char_span(words_start, words_end, alignment_mode="expand")
        if phrase is None:
            continue
        content = sentence_rest(outlet.sent, phrase)
        if content:
            found.append(
                Attribution(
                    kind=AttributionKind.OTHER,
                    text=" ".join(text[start:end] for start, end in content),
                    content=tuple(content),
                    source_text=citation.outlet,
                    source_span=(citation.start, citation.end),
                    cue=text[words_start:words_end],
                    cue_span=(words_start, words_end),
                )
            )
    return found


# A line opened by a short name and a colon: "PENCE: Well, look, …" in a transcript,
# "Sanders: Brexit could help Trump" in a headline, "Q: And the wall?" in an interview.
LABEL_LINE = re.compile(
    r"^[ \t]*[\"“]?(?P<label>[A-Z][\w.’'\-]*(?:[ \t]+[\w.’'\-()]+){0,5}?)[ \t]*:[ \t]+"
    r"(?P<content>\S[^\n]*)$",
    re.MULTILINE,
)
MIN_LABELLED_WORDS = 3


@cache
def page_labels() -> frozenset[str]:
    """Line labels that name no speaker ("Update:", "Photo:"): data/page_labels.txt."""
    return frozenset(data_lines("data/page_labels.txt"))


def names_a_speaker(label: Span, actors: ActorResolution) -> bool:
    """Whether a line's label can be who speaks: a name, not page furniture, a dateline place
    ("ISLAMABAD: The Japanese government …") or a time ("10:30 a.m.")."""
    if label.text.lower() in page_labels() or any(t.like_num for t in label):
        return False
    person = any(t.ent_type_ == "PERSON" for t in label)
    if not person and (resolve_place(label.text) or any(t.i in actors.token_place for t in label)):
        return False  # a place the parser does not take for a person ("Clinton: …" is one)
    return all(t.is_title or t.is_upper or not t.is_alpha or t.is_stop for t in label)


def labelled_attributions(doc: Doc, actors: ActorResolution) -> list[Attribution]:
    """Lines opened by a speaker's name and a colon: the rest of the line, attributed to the
    name. Direct when the rest is one quotation, else other (a headline's gist)."""
    text = document_text(doc)
    quoted = list(quoted_stretches(text))
    found = []
    for line in LABEL_LINE.finditer(text):
        label = doc.char_span(*line.span("label"), alignment_mode="expand")
        start, end = line.span("content")
        end = start + len(text[start:end].rstrip())
        content = doc.char_span(start, end, alignment_mode="expand")
        if label is None or content is None or not names_a_speaker(label, actors):
            continue
        if sum(t.is_alpha for t in content) < MIN_LABELLED_WORDS:
            continue
        inside, outside = quoted_parts((start, end), quoted, text)
        kind = AttributionKind.DIRECT if inside and not outside else AttributionKind.OTHER
        colon = text.index(":", line.end("label"))
        found.append(
            Attribution(
                kind=kind,
                text=text[start:end],
                content=((start, end),),
                source=next(
                    (actors.token_actor[t.i] for t in label if t.i in actors.token_actor), None
                ),
                source_text=label.text,
                source_span=(label.start_char, label.end_char),
                cue=":",
                cue_span=(colon, colon + 1),
            )
        )
    return found


# --- the stage ----------------------------------------------------------------------------------


def find_attributions(
    doc: Doc,
    *,
    actors: ActorResolution,
    quotes: Sequence[Quote],
    citations: Sequence[Citation] = (),
) -> list[Attribution]:
    """One attribution per statement in a parsed article, in text order.

    Readings come in order of trust; a later one is kept only when its content overlaps no
    content kept before it.
    """
    text = document_text(doc)
    quoted = list(quoted_stretches(text))
    direct = [
        quote_attribution(doc, q, actors, AttributionKind.DIRECT)
        for q in quotes
        if q.kind is QuoteKind.DIRECT
    ]
    # A few quoted words that no cue verb's content holds are more often the writer's scare
    # quotes, titles and terms than a statement: they stay quotes, not attributions.
    partial = [
        record
        for record in (
            quote_attribution(doc, q, actors, AttributionKind.MIXED)
            for q in quotes
            if q.kind is QuoteKind.PARTIAL
        )
        if stands_as_statement(doc, record)
    ]
    indirect = [
        quote_attribution(doc, q, actors, AttributionKind.INDIRECT)
        for q in quotes
        if q.kind is QuoteKind.INDIRECT
    ]
    kept: list[Attribution] = []
    readings = (
        labelled_attributions(doc, actors),
        joined_direct_quotes(text, direct),
        verb_attributions(doc, actors, quoted),
        partial,
        indirect,
        appearance_attributions(doc, actors, quoted),
        citation_attributions(doc, citations),
    )
    for reading in readings:
        for record in reading:
            taken = [span for other in kept for span in other.content]
            if not any(overlaps(span, taken) for span in record.content):
                kept.append(record)
    # A sentence's source ("according to X", "in a poll") holds what the people in the
    # sentence say or want: kept around the records inside it, not beside them.
    sentence_readings = (
        according_to_attributions(doc, actors),
        evidence_attributions(doc, actors),
    )
    for reading in sentence_readings:
        for record in reading:
            if not any(crosses(record, other) for other in kept):
                kept.append(record)
    return sorted(kept, key=lambda a: a.content[0])


def crosses(record: Attribution, other: Attribution) -> bool:
    """Whether a record's content overlaps another's without holding all of it."""
    if not any(overlaps(span, other.content) for span in record.content):
        return False
    start, end = record.content[0][0], record.content[-1][1]
    holds = all(start <= s and e <= end for s, e in other.content)
    return not holds or (start, end) == (other.content[0][0], other.content[-1][1])


# --- links to events ----------------------------------------------------------------------------


def attribution_holding(span: CharSpan, attributions: Sequence[Attribution]) -> int | None:
    """The index of the attribution whose content holds a span, the innermost when one holds
    another ("according to X, Y said …": Y's); None when no content holds it."""
    holding = [
        (sum(end - start for start, end in record.content), index)
        for index, record in enumerate(attributions)
        if any(start <= span[0] and span[1] <= end for start, end in record.content)
    ]
    return min(holding)[1] if holding else None


def link_events(events: Sequence[Event], attributions: Sequence[Attribution]) -> list[Event]:
    """The events, each carrying the attribution its trigger is stated in (who says it
    happened), when one holds it."""
    return [
        replace(
            event,
            attribution=attribution_holding((event.trigger_start, event.trigger_end), attributions),
        )
        for event in events
    ]
