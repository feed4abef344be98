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

import re
from collections.abc import Iterable, Iterator
from functools import cache

from spacy.tokens import Doc, Span, Token

from tidings.lexicons import data_lines
from tidings.model import Actor, ActorResolution, Quote, QuoteKind
from tidings.parse import document_text

PARTIAL_MAX_WORDS = 6
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Verb tags of a finite verb: a clause of its own, whose subject a comma may not part from it
# as it parts a participle from the noun it describes ("…, calling the vote rigged").
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


@cache
def speech_verbs() -> frozenset[str]:
    """Lemmas of verbs that introduce speech."""
    return frozenset(data_lines("data/speech_verbs.txt"))


DOUBLED_SINGLE_MARKS = re.compile(r"''|``")


def with_doubled_marks_read(text: str) -> str:
    """The text with doubled single marks (''…'' and ``…'', as some papers print quotes) written
    as one straight double mark beside the word they touch; the length stays, so offsets hold."""

    def one_mark(found: re.Match[str]) -> str:
        opens = found.end() < len(text) and text[found.end()].isalnum()
        return ' "' if opens else '" '

    return DOUBLED_SINGLE_MARKS.sub(one_mark, text) if "''" in text or "``" in text else text


# Marks that may close a quote opened by each opening mark: its own closing mark, and the
# other family's, as copy mixes them ('“killed 40" on Monday', '"We will stay” he said').
CLOSING_MARKS = {"“": '”"“', "«": "»", '"': '"”', "„": "“”"}
# Where a quote whose closing mark never comes ends: the first sentence end, a full stop after
# a lower-case word or digit ("U.S. only" is not one), before a capitalised word.
SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]])\s*[.!?](?=\s+[A-Z])")


def looks_opening(text: str, position: int) -> bool:
    """Whether a mark that may open or close a quote opens one: after a space or the start,
    before a word."""
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1 : position + 2]
    return (before.isspace() or before in "([—–") and after.isalnum()


def closing_mark(text: str, position: int) -> int:
    """Where the quote opened at `position` closes: the first mark that may close it, or -1
    when a straight mark that opens a quote comes first ('"A. … "B"': A is never closed)."""
    marks = CLOSING_MARKS[text[position]]
    found, nested = position, 0
    while True:
        found = min(
            (i for i in (text.find(mark, found + 1) for mark in marks) if i >= 0), default=-1
        )
        if found >= 0 and text[found] == "“" and text[position] == "“":
            # an opening curly mark set where a closing one belongs ('fascist?“ he asked')
            return -1 if looks_opening(text, found) else found
        if found < 0 or text[found] != '"':
            return found
        if text[position] == '"':
            return -1 if looks_opening(text, found) else found
        # straight marks inside a curly quote ('“He said "no" twice”') pair among themselves
        if looks_opening(text, found):
            nested += 1
        elif nested:
            nested -= 1
        else:
            return found


def next_opening(text: str, position: int) -> int:
    """The next mark after `position` that opens a quote of its kind, or -1: a curly quote
    may hold straight ones, so only curly marks and guillemets open after a curly mark."""
    straight = text[position] == '"'
    for index in range(position + 1, len(text)):
        char = text[index]
        if char in "“«„" or (straight and char == '"' and looks_opening(text, index)):
            return index
    return -1


def unclosed_end(text: str, position: int, limit: int) -> int:
    """The end of a quote whose closing mark never comes: its first sentence, and never past
    `limit` (the next quote's opening mark)."""
    found = SENTENCE_END.search(text, position + 1, limit)
    return found.end() if found else limit


# A markup tag left in the text ('<tweet author="@x">'): its marks delimit attribute values.
MARKUP_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s+[\w-]+=(?:\"[^\"<>]*\"|'[^'<>]*'))*\s*/?>")


def without_markup_marks(text: str) -> str:
    """The text with the quote marks inside markup tags blanked; the length stays."""
    if "<" not in text:
        return text
    return MARKUP_TAG.sub(lambda tag: re.sub(r"[\"']", " ", tag.group()), text)


def quoted_stretches(text: str) -> Iterator[tuple[int, int]]:
    """Character spans (without the marks) of the text between matching quote marks."""
    text = without_markup_marks(with_doubled_marks_read(text))
    position = 0
    while position < len(text):
        char = text[position]
        if char not in CLOSING_MARKS:
            position += 1
            continue
        end = closing_mark(text, position)
        paragraph_end = text.find("\n\n", position + 1)
        following = next_opening(text, position)
        if end < 0 and following < 0:
            return
        if 0 <= paragraph_end < (end if end >= 0 else len(text)):
            # An unclosed quote in a paragraph continues if the next paragraph opens one: the
            # paragraph is one quote, and the next paragraph's mark opens the next one.
            next_start = paragraph_end + 2
            if text[next_start : next_start + 1] == char and paragraph_end > position + 1:
                yield position + 1, paragraph_end
            position = next_start
            continue
        if end < 0 or (0 <= following < end):
            # Never closed before the next quote opens ('"A. B, he said, "C."'): its sentence.
            limit = following if following >= 0 else len(text)
            stop = unclosed_end(text, position, limit)
            if text[position + 1 : stop].strip():
                yield position + 1, len(text[:stop].rstrip())
            position = limit
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
    first_word = next((t for t in span.sent if not t.is_punct and not t.is_space), None)
    if first_word is not None and first_word.i >= span.start:
        return False  # the quote opens its sentence: the speaker's own sentence
    before = document_text(doc)[: span.start_char].rstrip(" \"“«„'`")[-1:]
    previous = doc[span.start - 2] if span.start >= 2 else None
    introduced = previous is not None and previous.lemma_.lower() in speech_verbs()
    if before.isalnum() and not introduced:
        return True  # 'called the law "a Russian law"', 'register as "pursuing …"'
    if len(words) > PARTIAL_MAX_WORDS:
        return False
    sentence = span.sent
    outside = [t for t in sentence if (t.i < span.start or t.i >= span.end) and not t.is_punct]
    return len(outside) > 3 and not any(t.pos_ == "VERB" for t in words)


@cache
def addressee_verbs() -> frozenset[str]:
    """Lemmas of speech verbs whose object is who is spoken to ("told reporters")."""
    return frozenset(data_lines("data/addressee_verbs.txt"))


def speaker_token(verb: Token) -> Token | None:
    """The subject of a speech verb (or the first noun after it when inverted)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not c.is_punct]
    if subjects:
        # "North Korea's army chief of staff Pak said": two subjects when the parse lost an
        # apposition; the one next to the verb is the name, unless dashes set it off as the
        # apposition ("Al-Sharaa — leader of the group that ... — said")
        if len(subjects) > 1 and dashed_apposition(subjects[0], subjects[-1]):
            return subjects[0]
        return subjects[-1] if subjects[-1].i < verb.i else subjects[0]
    head = verb.head
    if verb.dep_ == "acl" and head.pos_ == "PROPN" and head.i == verb.i - 1:
        return head  # 'Leavitt called …' parsed as a name the verb describes
    if verb.lemma_.lower() in addressee_verbs():
        return None  # "told reporters": the object is who listens
    if verb.tag_ not in FINITE_TAGS:
        return None  # "criticizing the fact-checkers": a participle's object is no subject
    for child in verb.rights:
        # '"…," said Foreign Minister X': an inverted subject, never an object pronoun ("called
        # it"), a possessed thing ("called Ford's comments …") nor a day ("said Monday")
        possessed = any(c.dep_ == "poss" for c in child.children)
        if (
            child.pos_ in ("PROPN", "NOUN")
            and child.dep_ in ("dobj", "attr", "npadvmod")
            and child.ent_type_ not in ("DATE", "TIME")
            and not possessed
        ):
            return child
    return None


DASHES = frozenset({"—", "–", "--"})


def dashed_apposition(name: Token, other: Token) -> bool:
    """Whether a second subject is set off from the first by a dash: an apposition that
    describes the first ("Al-Sharaa — leader of the group — said")."""
    between = name.doc[name.right_edge.i + 1 : other.left_edge.i + 1]
    return any(t.text in DASHES for t in between)


def actor_of(token: Token | None, actors: ActorResolution) -> str | None:
    """The actor id a token, or a name/title it heads, refers to."""
    if token is None:
        return None
    if token.i in actors.token_actor:
        return actors.token_actor[token.i]
    # "the U.N. envoy, Geir Pedersen,": the named apposition is who the phrase describes.
    for child in token.children:
        if child.dep_ == "appos" and child.i in actors.token_actor:
            return actors.token_actor[child.i]
    for child in token.subtree:
        if child.i in actors.token_actor and child.dep_ in (
            "compound",
            "appos",
            "poss",
            "conj",
            "nmod",
        ):
            return actors.token_actor[child.i]
    return None


def speaker_of(subject: Token | None, actors: ActorResolution) -> str | None:
    """The actor a speech verb's subject names: a person named at the end of the phrase
    before any body it also names ("the U.N. coordinator for Myanmar Andrew Kirkwood")."""
    speaker = actor_of(subject, actors)
    if subject is not None and speaker is None:
        return titled_earlier(subject, actors) or body_before(subject, actors)
    if subject is not None and speaker is not None and only_described(speaker, actors):
        speaker = described_earlier(subject, speaker, actors) or speaker
    if subject is None or speaker is None or _kind(speaker, actors) == "person":
        return speaker
    last = subject.right_edge.i
    named = actors.token_actor.get(last) if last > subject.i else None
    return named if named is not None and _kind(named, actors) == "person" else speaker


def only_described(actor_id: str, actors: ActorResolution) -> bool:
    """Whether an actor is a person known only by descriptions ("the French politician") and
    pronouns, no name and no knowledge-base record."""
    actor = actors.actor(actor_id)
    return (
        actor is not None
        and actor.kind == "person"
        and actor.kb_id is None
        and all(m.kind in ("description", "pronoun") for m in actor.acting_mentions)
    )


def fully_named(person: Actor) -> bool:
    """Whether a person is known by a full name (a knowledge-base record, or a name of more than
    one word), not a lone word read as a name ("Schengen")."""
    return person.kb_id is not None or any(
        m.kind == "name" and " " in m.text for m in person.mentions
    )


def described_earlier(subject: Token, described: str, actors: ActorResolution) -> str | None:
    """The named person a definite description opening a speaker's phrase refers back to ("Michel
    Barnier says … . The French politician says …"): the nearest person named in that sentence
    or the two before as a subject, by a full name, of the description's country when it gives
    one."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return None
    country = actors.actor(described).country
    doc = subject.doc
    first = subject.sent.start
    for _ in range(2):
        if first > 0:
            first = doc[first - 1].sent.start
    for token in reversed(doc[first : subject.left_edge.i]):
        key = actors.token_actor.get(token.i)
        person = actors.actor(key) if key is not None else None
        if person is None or person.kind != "person" or not fully_named(person):
            continue
        if token.dep_ not in SUBJECT_DEPS and token.head.dep_ not in SUBJECT_DEPS:
            continue  # the person the story was about: a subject, not a name in passing
        if country is None or person.country in (None, country):
            return person.id
    return None


def titled_earlier(subject: Token, actors: ActorResolution) -> str | None:
    """The actor a bare title or class noun refers back to ("the chief minister said", "the
    consultancy says"): the nearest actor named before with that word ("Chief Minister Sarfraz
    Bugti", "the consultancy Brightwater Analytics")."""
    determiner = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    if subject.pos_ != "NOUN" or not determiner:
        return None
    for token in reversed(subject.doc[: subject.left_edge.i]):
        if token.lower_ != subject.lower_:
            continue
        named = actor_of(token, actors) or actors.token_actor.get(token.head.i)
        if named is not None:
            return named
    return None


def body_before(subject: Token, actors: ActorResolution) -> str | None:
    """The body an "it" opening its sentence as a speaker refers back to, when nothing else
    is named before it: the body that was the last sentence's subject ("The Red Cross has
    warned for months. It issued a statement saying …"), as a subject goes on being talked
    about."""
    doc = subject.doc
    sentence = subject.sent
    if subject.lower_ != "it" or subject.dep_ != "nsubj" or sentence.start == 0:
        return None
    if any(t.i in actors.token_actor for t in doc[sentence.start : subject.i]):
        return None
    for token in doc[sentence.start - 1].sent:
        if token.dep_ in SUBJECT_DEPS:
            body = actor_of(token, actors)
            if body is not None and _kind(body, actors) in BODY_KINDS:
                return body
    return None


def _kind(actor_id: str, actors: ActorResolution) -> str | None:
    actor = actors.actor(actor_id)
    return actor.kind if actor is not None else None


NAME_LINKS = frozenset({"of", "the", "and", "for", "on", "&"})


def is_name(span: Span) -> bool:
    """Quoted words that are a name: a few capitalised words and no verb ("Strait Thunder",
    "Operation Sindoor")."""
    words = [t for t in span if not t.is_punct]
    capitalised = all(t.is_title or t.lower_ in NAME_LINKS or t.is_digit for t in words)
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    return 0 < len(words) <= 4 and capitalised and words[0].is_title and not has_verb


def said_before(span: Span) -> bool:
    """Whether a speech verb and a comma or colon come right before a quote ('she said,
    "Probably."'): words set off as said, not a name."""
    doc = span.doc
    position = span.start - 1
    while position >= 0 and doc[position].is_quote:
        position -= 1
    if position < 1 or doc[position].text not in (",", ":"):
        return False
    return doc[position - 1].lemma_.lower() in speech_verbs()


def cue_outside(doc: Doc, span: Span) -> Token | None:
    """A speech verb in the quote's sentences but outside the quoted words, or in the clause
    the parser split off right after a quote that ends in "!" or "?" ('"No!" the crowd
    shouted')."""
    verbs = speech_verbs()
    sentences = {span[0].sent.start, span[-1].sent.start}
    end = max(s.end for s in (span[0].sent, span[-1].sent))
    trailing = trailing_cue_clause(span, end)
    if trailing is not None:
        end = trailing.end
    candidates = [
        t
        for t in doc[min(sentences) : end]
        if (t.i < span.start or t.i >= span.end)
        and t.pos_ == "VERB"
        and (t.lemma_.lower() in verbs or frames_quote(t, span))
    ]
    # Prefer a cue placed as one ('"…," he said' or 'He said: "…"'), then a verb of saying
    # over one only its frame makes a cue ('"…," WHO chief X wrote', "chief" tagged a verb),
    # then the closest.
    return min(
        candidates,
        key=lambda t: (
            not introduces(t, span),
            t.lemma_.lower() not in verbs,
            min(abs(t.i - span.start), abs(t.i - span.end)),
        ),
        default=None,
    )


def frames_quote(verb: Token, span: Span) -> bool:
    """Whether a verb no speech list holds stands as a quote's cue: right after a quote that a
    comma closes, with the quote as its complement ('"…," fretted X', '"…," X grumbled'): that
    frame makes any verb a verb of saying."""
    doc = span.doc
    if verb.i < span.end or verb.i > span.end + 4:
        return False
    closing = [t for t in span if not t.is_quote and not t.is_space]
    if not closing or closing[-1].text != ",":
        return False
    between = doc[span.end : verb.i]
    if not all(t.is_punct or verb in t.ancestors for t in between):
        return False
    return any(t.head == verb and t.dep_ == "ccomp" for t in span)


def colon_introducer(span: Span) -> Token | None:
    """The verb of a clause that a colon ends right before a quote, when it has a subject: the
    quote is what that clause announces ('X delivered a blunt message: "…"', 'The sign
    read: "…"')."""
    doc = span.doc
    position = span.start - 1
    while position >= 0 and doc[position].is_quote:
        position -= 1
    if position < 0 or doc[position].text != ":":
        return None
    verb = doc[position].head
    if verb.pos_ not in ("VERB", "AUX") or verb.i >= position or verb.i < span[0].sent.start - 40:
        return None
    has_subject = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    return verb if has_subject and verb.tag_ in FINITE_TAGS else None


def trailing_cue_clause(span: Span, end: int) -> Span | None:
    """The sentence right after a quote when it is only the quote's cue: its verb reports
    nothing of its own ('"What a night!" the mayor said.', not '"No!" She said the vote was
    rigged.')."""
    doc = span.doc
    if end >= len(doc) or end - span.end > 2 or not span.text.rstrip().endswith(("!", "?")):
        return None
    following = doc[end].sent
    if "\n" in doc[span.end - 1 : end + 1].text or following[0].is_quote:
        return None  # a new paragraph or a new quote
    root = following.root
    if root.lemma_.lower() not in speech_verbs() or content_clauses(root):
        return None
    return following


def introduces(cue: Token, span: Span) -> bool:
    """Whether a speech verb stands where a cue stands: after the quote, or before it with a
    colon or comma before the opening mark ('He said: "…"'); a verb just before a mark with
    nothing between is more often a heading or the writer's ("Resistance continues “…”")."""
    if cue.i >= span.end:
        return True
    before = document_text(cue.doc)[: span.start_char].rstrip(" \"“«„'`")
    return before.endswith((",", ":"))


def inherited_subject(verb: Token) -> Token | None:
    """A verb's subject, or the one it shares ("denied … and said", "stated, adding that")."""
    current = verb
    for _ in range(3):
        subject = speaker_token(current)
        if subject is not None:
            return subject
        if current.dep_ == "pcomp" and current.head.head.pos_ in ("VERB", "AUX"):
            return gerund_doer(current.head)
        if current.dep_ not in ("conj", "advcl", "xcomp") or current.head.i == current.i:
            return None
        current = current.head
    return None


def gerund_doer(preposition: Token) -> Token | None:
    """Who does what a gerund after a preposition says: the subject of the verb the
    preposition hangs on ("began by saying"), or its object after "for" and "of" ("mocked
    Trump for calling himself …", "accused him of saying")."""
    verb = preposition.head
    if preposition.lower_ in ("for", "of"):
        target = next((c for c in verb.children if c.dep_ == "dobj" and c.i < preposition.i), None)
        if target is not None:
            return target
    return inherited_subject(verb)


def first_sentence_root(span: Span) -> Token:
    """The root of a quote's words in its first sentence: a quote that runs on into the next
    sentence is governed by the verb of the sentence it opens in."""
    first = span[0].sent
    words = [t for t in span if t.i < first.end]
    return next(
        (t for t in words if not span.start <= t.head.i < first.end or t.head == t), words[0]
    )


def governing_speaker(span: Span) -> tuple[Token | None, Token | None]:
    """For a partial quote: the speech verb it depends on and its subject, else the nearest
    verb with a subject ("Biden said the strikes were 'a clear message'": Biden)."""
    verbs = speech_verbs()
    fallback: tuple[Token | None, Token | None] = (None, None)
    below = first_sentence_root(span)
    for ancestor in below.ancestors:
        branch, below = below, ancestor
        if ancestor.pos_ not in ("VERB", "AUX"):
            continue
        aside = reporting_aside(ancestor, span)
        if aside is not None:
            return aside
        subject = passive_agent(ancestor) or inherited_subject(ancestor)
        if subject is None and ancestor.lemma_.lower() in verbs:
            subject = participle_doer(ancestor)
        if subject is None or subject.pos_ == "DET" or undergoes(subject, ancestor):
            continue
        if ancestor.lemma_.lower() in verbs:
            said = says_quoted(branch, span)
            return (None if said else outer_report(ancestor)) or (ancestor, subject)
        if fallback[0] is None:
            fallback = (ancestor, subject)
    return fallback


# Relations by which a speech verb's argument is what its subject said, not what it did.
SAID_DEPS = frozenset({"ccomp", "xcomp", "oprd", "acomp", "attr", "parataxis"})


def says_quoted(branch: Token, span: Span) -> bool:
    """Whether a speech verb says a partial quote, `branch` being the verb's dependent that
    holds it: the quoted words are in its reported clause or complement ('told the forum it
    was a "reliable partner"', 'called it "a provocation"') or make up the argument they
    stand in ('promised "a swift response"'), or name what the verb calls something
    ('referred to as the "inglorious" war', 'described them as "baseless"'), not only describe
    a thing it did ('shared "misleading" videos')."""
    naming = branch.dep_ == "prep" and branch.lower_ == "as"
    return branch.dep_ in SAID_DEPS or naming or span.start <= branch.i < span.end


def outer_report(verb: Token) -> tuple[Token, Token] | None:
    """The outermost speech verb, and its subject, whose reported clause holds a speech verb
    ('Prosecutors alleged that he had shared "misleading" videos': the prosecutors'): quoted
    words that only describe what the reported speaker did are the reporting source's, as the
    writer took them from its account."""
    found = None
    current = verb
    while current.dep_ == "ccomp" and current.head.lemma_.lower() in speech_verbs():
        current = current.head
        subject = passive_agent(current) or inherited_subject(current)
        if subject is not None and subject.pos_ != "DET":
            found = (current, subject)
    return found


def reporting_aside(verb: Token, span: Span) -> tuple[Token, Token] | None:
    """A speech verb with its subject set in or after a clause as an aside ('The main worry,
    she said, is "…"', '… for "safer places" the Red Cross says'): it reports the clause."""
    for child in verb.children:
        if child.dep_ != "parataxis" or child.lemma_.lower() not in speech_verbs():
            continue
        if span.start <= child.i < span.end:
            continue  # the quoted speaker's own "I said"
        subject = speaker_token(child)
        if subject is not None and subject.pos_ != "DET":
            return child, subject
    return None


def undergoes(subject: Token, verb: Token) -> bool:
    """Whether a subject is what its passive verb is done to ('he was accused of "…"', 'was
    charged with "…"'): the quoted words under it are the doer's, not its own."""
    return subject.dep_ == "nsubjpass" and subject.head == verb


def passive_agent(verb: Token) -> Token | None:
    """The doer a passive verb names after "by": whose words the quoted grounds or name are
    ('was sanctioned by the EU for "…"', 'was condemned by Amnesty as "…"')."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None


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
        if is_partial(doc, span) and is_name(span) and not said_before(span):
            continue  # 'the exercise, named "Strait Thunder"': a name, not anyone's words
        kind, cue_text, speaker, found = quote_speaker(span, actors)
        if speech_cued(span, cue_text):
            speaker = voice_named_next(span, speaker, actors) or speaker
        stands_alone = len(span) >= 0.8 * len([t for t in span.sent if not t.is_punct])
        continues = paragraph == previous_paragraph or stands_alone
        if not found and kind is QuoteKind.DIRECT and previous is not None and continues:
            # a quote with no cue after one by X, in its paragraph or on its own, is X's
            speaker, cue_text = previous.speaker, previous.cue
        quote = Quote(text[start:end].strip(), start, end, kind, speaker, cue_text)
        quotes.append(quote)
        if kind is QuoteKind.DIRECT:
            previous, previous_paragraph = quote, paragraph
        elif speaker is not None and spoken_partial(span, cue_text):
            # 'The ruling is "troubling," she added. "…"': the next quote goes on in her words
            previous, previous_paragraph = quote, paragraph
    return quotes


BODY_KINDS = frozenset({"country", "organisation"})


def speech_cued(span: Span, cue_text: str | None) -> bool:
    """Whether a quote's cue is a speech verb of its sentences (not a verb it only hangs on,
    'imposed sanctions on his "network"')."""
    sentences = span.doc[span[0].sent.start : span[-1].sent.end]
    return any(t.lemma_.lower() in speech_verbs() for t in cue_verbs(sentences, cue_text))


def cue_verbs(tokens: Iterable[Token], cue_text: str | None) -> Iterator[Token]:
    """The verbs among `tokens` written as a quote's cue is."""
    return (t for t in tokens if t.text == cue_text and t.pos_ == "VERB")


def voice_named_next(span: Span, speaker: str | None, actors: ActorResolution) -> str | None:
    """The person who speaks for a body the writer gives a quote to, named speaking in the
    next sentence ('Pakistan said the plan "is on track." Finance Minister X confirmed …'):
    a person of the body's country and sector, the subject of a speech verb there."""
    body = actors.actor(speaker)
    doc = span.doc
    last = span[-1].sent
    if body is None or body.kind not in BODY_KINDS or last.end >= len(doc):
        return None
    for token in doc[last.end].sent:
        if token.dep_ != "nsubj" or token.head.lemma_.lower() not in speech_verbs():
            continue
        person = actors.actor(actor_of(token, actors))
        if (
            person is not None
            and person.kind == "person"
            and (person.country, person.sector) == (body.country, body.sector)
        ):
            return person.id
    return None


def spoken_partial(span: Span, cue_text: str | None) -> bool:
    """Whether a partial quote's cue is a speech verb placed as a cue (after the quote, or
    before it with a comma or colon): a quote that follows with no cue goes on in the same
    voice ('The ruling is "troubling," she added. "…"')."""
    sentence = span[-1].sent
    cue = next(cue_verbs(sentence, cue_text), None)
    if cue is None or cue.lemma_.lower() not in speech_verbs():
        return False
    return cue.i >= span.end or introduces(cue, span)


def quote_speaker(
    span: Span, actors: ActorResolution
) -> tuple[QuoteKind, str | None, str | None, bool]:
    """A quote's kind, cue, speaker, and whether anything in its sentence gives it one."""
    if is_partial(span.doc, span):
        cue, subject = governing_speaker(span)
        if speaker_of(subject, actors) is None:
            cue, subject = speaker_after(span) or (cue, subject)
        kind = QuoteKind.PARTIAL
    else:
        source = according_to_source(span)
        if source is not None:
            return QuoteKind.DIRECT, "according to", speaker_of(source, actors), True
        byline = dash_byline(span)
        if byline is not None:
            named = next(
                (actors.token_actor[t.i] for t in byline if t.i in actors.token_actor), None
            )
            dash = span.doc[byline.start - 1].text.lstrip("\"”’'")
            return QuoteKind.DIRECT, dash, named, True
        cue = cue_outside(span.doc, span) or colon_introducer(span)
        subject = cue_subject(cue, span) if cue is not None else None
        kind = QuoteKind.DIRECT
        if cue is None:
            subject = writer_subject(span)
            if subject is not None:
                return kind, None, speaker_of(subject, actors), True
    speaker = speaker_of(subject, actors)
    if speaker is None and subject is None and cue is not None:
        speaker = adjacent_speaker(cue, actors)
    return kind, cue.text if cue is not None else None, speaker, cue is not None


def writer_subject(span: Span) -> Token | None:
    """The subject the writer gives a quote that goes on the writer's sentence ('But she and
    her family, "could not find work."'): the quoted words are its predicate, so its words."""
    root = first_sentence_root(span)
    if root.head != root or root.pos_ not in ("VERB", "AUX"):
        return None
    return next(
        (
            c
            for c in root.children
            if c.dep_ in SUBJECT_DEPS and c.i < span.start and c.pos_ in ("PRON", "PROPN", "NOUN")
        ),
        None,
    )


def cue_subject(cue: Token, span: Span) -> Token | None:
    """The subject of a direct quote's cue; for a participle ("…, while adding “…”") the
    subject of the verb it trails, when that lies outside the quote."""
    subject = speaker_token(cue)
    if subject is not None or cue.tag_ != "VBG":
        return subject
    shared = inherited_subject(cue) or participle_doer(cue)
    return shared if shared is not None and not span.start <= shared.i < span.end else None


def participle_doer(verb: Token) -> Token | None:
    """Who speaks through a participle set off by a comma after a finished clause ("X was
    first to share the news, announcing that …"): that clause's subject, when the parse hung
    the participle elsewhere."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.i < 1 or doc[verb.i - 1].text != ",":
        return None
    return next(
        (
            t
            for t in doc[verb.sent.start : verb.i]
            if t.dep_ in SUBJECT_DEPS and t.pos_ in ("PROPN", "NOUN") and finite_head(t)
        ),
        None,
    )


def finite_head(subject: Token) -> bool:
    """Whether a subject's verb is finite ("was", "has said"), not a participle or infinitive."""
    verb = subject.head
    return verb.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in (*FINITE_TAGS, "MD") for c in verb.children
    )


def speaker_after(span: Span) -> tuple[Token, Token] | None:
    """A speech verb and its subject named right after a quote in its sentence ('another
    "decisive test" the army said it ran'), when the parse did not hang the quote below the
    verb; the next sentence's speaker is no cue ('… with "treason." Her lawyer said …')."""
    doc = span.doc
    position = span.end
    while position < len(doc) and doc[position].is_punct:
        position += 1
    sentence_end = span[-1].sent.end
    for token in doc[position : min(position + 4, sentence_end)]:
        if token.dep_ in SUBJECT_DEPS and token.head.lemma_.lower() in speech_verbs():
            return token.head, token
        if token.dep_ not in ("compound", "det", "amod"):
            return None
    return None


# A byline may also open with a horizontal bar.
BYLINE_DASHES = DASHES | {"―"}
MAX_BYLINE_WORDS = 6


def is_byline_dash(token: Token) -> bool:
    """A dash that signs a quote, alone or glued to the closing mark ('”―')."""
    return token.text.lstrip("\"”’'") in BYLINE_DASHES


def dash_byline(span: Span) -> Span | None:
    """The name a quote is signed with after a dash ('"…" ― Pamela Padilla'), up to the end
    of its line or a comma; None when no dash and capitalised name follow the quote."""
    doc = span.doc
    position = span.end
    while (
        position < len(doc)
        and (doc[position].is_punct or doc[position].is_space)
        and not is_byline_dash(doc[position])
    ):
        position += 1
    if position + 1 >= len(doc) or not is_byline_dash(doc[position]):
        return None
    start = end = position + 1
    while end < len(doc) and end - start < MAX_BYLINE_WORDS:
        word = doc[end]
        if "\n" in word.text or word.is_space or word.text in (",", ";", ".", "("):
            break
        end += 1
    name = doc[start:end]
    if not len(name) or not name[0].is_title or "\n" in doc[start - 1 : end].text:
        return None
    return name


def according_to_source(span: Span) -> Token | None:
    """Who an 'according to X, "…"' opening gives the quote to: X, when only punctuation
    stands between X and the quote."""
    doc = span.doc
    for token in doc[span[0].sent.start : span.start]:
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.lower_ != "according" or following is None or following.lower_ != "to":
            continue
        source = next((c for c in following.children if c.dep_ == "pobj"), None)
        between = doc[source.right_edge.i + 1 : span.start] if source is not None else None
        if between is not None and all(t.is_punct for t in between):
            return source
    return None


def adjacent_speaker(cue: Token, actors: ActorResolution) -> str | None:
    """The actor named right before a cue whose subject the parse lost ("…, WHO chief Tedros
    Adhanom Ghebreyesus wrote")."""
    position = cue.i - 1
    if position >= 0 and cue.doc[position].text == "," and cue.tag_ in FINITE_TAGS:
        position -= 1  # '…," Representative X, told VOA': the comma of a lost apposition
    before = cue.doc[position] if position >= 0 else None
    if before is not None and before.pos_ in ("NOUN", "PROPN"):
        named = actor_of(before, actors)  # "…, the U.N. human rights office said"
        if named is not None:
            return named
    while position >= 0 and cue.doc[position].i not in actors.token_actor:
        if not cue.doc[position].is_title or cue.doc[position].is_sent_start:
            return None
        position -= 1
    return actors.token_actor.get(position) if position >= 0 else None


def content_clauses(verb: Token) -> list[Token]:
    """The clauses a speech verb reports: its complement, each further "and that …" clause,
    or, when the parse hung it elsewhere, a "that" clause below the verb ("told Netanyahu in
    a phone call that Washington would not take part")."""
    # the complement after the verb before one the parse hung before it across a colon
    # ("Let me get this straight: the Post reports that …")
    complements = sorted(
        (c for c in verb.children if c.dep_ == "ccomp"), key=lambda c: c.i < verb.i
    )
    clause = complements[0] if complements else None
    if clause is None:
        clause = next(
            (
                t
                for t in verb.subtree
                if t.i > verb.i
                and t.pos_ in ("VERB", "AUX")
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
                and not any(a.pos_ == "VERB" for a in _path_up(t, verb))
            ),
            None,
        )
    if clause is None:
        return []
    marked = [
        c for c in clause.children if c.dep_ == "conj" and any(m.dep_ == "mark" for m in c.children)
    ]
    return [clause, *marked]


def _speaks_again(words: list[Token], speaker: str, actors: ActorResolution) -> bool:
    """A complement that is the same speaker's own speech act ("X told Y that …: « … », he
    said"): it reports, it is not what was reported."""
    roots = [t for t in words if t.head not in words or t.head == t]
    for root in roots:
        reports = any(c.dep_ == "ccomp" for c in root.children)
        if reports and root.lemma_.lower() in speech_verbs():
            subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and actor_of(subject, actors) == speaker:
                return True
    return False


def _is_known_actor(actor_id: str, actors: ActorResolution) -> bool:
    actor = actors.actor(actor_id)
    return actor is not None and actor.sector is not None


def _path_up(token: Token, top: Token) -> list[Token]:
    """The words between a token and an ancestor of it, both left out."""
    path = []
    for ancestor in token.ancestors:
        if ancestor == top:
            return path
        path.append(ancestor)
    return path


def _is_new_clause(conj: Token) -> bool:
    """A coordinated clause that reports on its own ("and that …") or is a new speech act."""
    marked = any(c.dep_ == "mark" for c in conj.children)
    return marked or conj.lemma_.lower() in speech_verbs()


def clause_words(clause: Token) -> list[Token]:
    """The words of a content clause without its leading "that" or coordinated new clauses."""
    cut = {
        t.i for c in clause.children if c.dep_ == "conj" and _is_new_clause(c) for t in c.subtree
    }
    cc = {c.i for c in clause.children if c.dep_ == "cc" and c.i + 1 in cut}
    words = [t for t in clause.subtree if t.i not in cut and t.i not in cc]
    while words and (
        words[0].dep_ == "mark"
        or words[0].is_punct
        or (words[0].lower_ == "that" and words[0].pos_ == "SCONJ")
    ):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words = words[:-1]
    return words


def _fronted_content(verb: Token, actors: ActorResolution) -> tuple[list[Token], str | None]:
    """'At least 460 people were killed, the WHO said': content before the speaker and cue,
    when the parse did not make it the verb's complement."""
    speaker = adjacent_speaker(verb, actors)
    if speaker is None:
        return [], None
    sentence = verb.sent
    commas = [t for t in sentence if t.text == "," and t.i < verb.i]
    if not commas:
        return [], None
    comma = commas[-1]
    between = verb.doc[comma.i + 1 : verb.i]
    phrase_head = verb.doc[verb.i - 1]
    one_phrase = all(t == phrase_head or phrase_head in t.ancestors for t in between)
    if not one_phrase and not all(
        t.i in actors.token_actor or t.is_title or t.pos_ == "DET" for t in between
    ):
        return [], None
    words = [t for t in sentence if t.i < comma.i and not t.is_space]
    while words and words[0].is_punct:
        words = words[1:]
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    return (words, speaker) if has_verb else ([], None)


def indirect_quotes(
    doc: Doc, actors: ActorResolution, quoted: list[tuple[int, int]]
) -> list[Quote]:
    """Complement clauses of speech verbs whose subject is an actor that is not an outlet."""
    verbs = speech_verbs()
    quotes = []
    text = document_text(doc)
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
            continue
        subject = inherited_subject(token)
        speaker = actor_of(subject, actors)
        if subject is not None and _names_outlet(subject):
            continue
        stretches = [clause_words(clause) for clause in content_clauses(token)]
        if not stretches and speaker is None:
            fronted, speaker = _fronted_content(token, actors)
            stretches = [fronted] if fronted else []
        if speaker is None or _is_media(speaker, actors):
            continue
        if token.lemma_.lower() == "report" and not _is_known_actor(speaker, actors):
            continue  # what an outlet-like name "reported" is a citation (citations.py)
        stretches = [w for w in stretches if not _speaks_again(w, speaker, actors)]
        for words in stretches:
            if len(words) < 3:
                continue
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            if any(start < q_end and q_start < end for q_start, q_end in quoted):
                continue
            quote_text = text[start:end].rstrip(" ,.;")
            quotes.append(
                Quote(
                    quote_text,
                    start,
                    start + len(quote_text),
                    QuoteKind.INDIRECT,
                    speaker,
                    token.text,
                )
            )
    return quotes


@cache
def outlet_classes() -> frozenset[str]:
    """Nouns that say what an outlet is: broadcaster, newspaper, news agency, monitor..."""
    return frozenset(data_lines("data/outlet_classes.txt"))


def _names_outlet(subject: Token) -> bool:
    """A subject introduced as an outlet or monitor ("SOHR, a Britain-based war monitor"):
    what it reports is a cited source, not a quote."""
    return any(c.dep_ == "appos" and c.lemma_.lower() in outlet_classes() for c in subject.children)


def _is_media(actor_id: str, actors: ActorResolution) -> bool:
    actor = actors.actor(actor_id)
    return actor is not None and actor.sector == "MED"


def find_quotes(doc: Doc, *, actors: ActorResolution) -> list[Quote]:
    """Direct, partial and indirect quotes in a parsed article, in text order."""
    direct = direct_quotes(doc, actors)
    # Quote marks also enclose titles and scare quotes; a sentence-long run is still speech.
    quoted = [(q.start, q.end) for q in direct]
    indirect = indirect_quotes(doc, actors, quoted)
    return sorted(direct + indirect, key=lambda q: q.start)
