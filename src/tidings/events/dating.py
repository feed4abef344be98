"""Date of an event: its own time expression, else what the telling and the tense say.

Convention (README "Event dates", gold/voa/README.md), in order:

- the time of the event's own clause (`clause_times.own_time`); an act told as coming first
  ("had agreed", "after clashes killed …", "sanctioned on Monday for supplying drones")
  happened on or before the time of the word it depends on;
- a planned, possible or conditional act, or a prospect ("need to destroy"), has no date
  unless its own clause gives one ("threatened Monday to strike" dates no strike);
- the discourse: a definite event noun refers to the same event dated elsewhere ("Tuesday's
  attack … the attack"), an act in an event to that event ("killed in the attack");
- the telling: an act reported by a speech verb the text dates ("officials said Thursday
  troops were deployed") happened on or before that day, a state then held that day; a
  direct quote's present is the speaker's, dated by the cue or the speaker's other dated words;
- the narrative: a past act of a main clause that goes on with the sentence before it (its
  subject a pronoun, a definite description, a name just used) takes the time the narrative
  has reached ("Rebels stormed the village in 2019. They burned the market"), a period before
  publication;
- the tense (`tense.event_tense`): the past is on or before publication, the open interval
  ``../2025-03-14`` (ISO 8601-2, granularity ``before``), never the dateline alone; the present
  is the publication day; the future has no date, except an intent stated with "will", dated
  when stated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache

import numpy
from spacy.attrs import LEMMA
from spacy.symbols import NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from tidings.events.clause_times import (
    OCCASION_PREPOSITIONS,
    as_date,
    clause_date,
    evokes_event,
    is_deadline,
    is_occasion,
    own_time,
    told_since,
)
from tidings.events.detect import match_trigger
from tidings.events.lexicon import load_lexicon
from tidings.events.modality import governing_chain, reporting_verb
from tidings.events.tense import (
    anterior,
    backshifted,
    continued,
    event_tense,
    in_condition,
    made,
    ongoing,
    outcome,
    perfect,
    stated_intent,
    verb_tense,
)
from tidings.lexicons import data_table
from tidings.model import EventDate, Modality, Quote, QuoteKind, TimeExpression
from tidings.quotes import cue_outside, speech_verbs

ANTERIOR_MARKS = frozenset({"after", "following"})  # the clause's event came first
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
UNREAL = frozenset({Modality.PLANNED, Modality.HYPOTHETICAL, Modality.CONDITIONAL})
BEFORE = "before"  # the granularity of an open interval "on or before" a day
SCENE_SENTENCES = 3  # how far back a narrative's time carries over undated past sentences
# the units of a while ("P3D", "PXM") and of a period, in order of length
OFFSET_UNITS = {"H": 0, "D": 1, "W": 2, "M": 3, "Y": 4}
PERIOD_RANKS = {"day": 1, "week": 2, "month": 3, "year": 4}
CALENDAR = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")  # a year, month or day value


def before(day: str) -> EventDate:
    """On or before a day: an open interval ending there."""
    return EventDate(f"../{day}", BEFORE, None)


def _trailing(trigger: Token) -> Token | None:
    """A speech verb after the clause, hung on its verb by the parse ("460 people were
    killed …, the WHO said on Thursday")."""
    verb = next((t for t in [trigger, *trigger.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("conj", "parataxis", "ccomp")
            and c.i > trigger.i
            and c.lemma_.lower() in speech_verbs()
            and any(t.text == "," for t in c.doc[trigger.i : c.i])
            # "…, but Trump said Tuesday that …" reports its own clause, not this one
            and not any(g.dep_ in ("ccomp", "dobj", "xcomp") for g in c.children)
        ),
        None,
    )


def _direct_quote(trigger: Token, quotes: list[Quote]) -> Quote | None:
    """The direct or partial quote holding the trigger, if any."""
    return next(
        (
            q
            for q in quotes
            if q.kind in (QuoteKind.DIRECT, QuoteKind.PARTIAL) and q.start <= trigger.idx < q.end
        ),
        None,
    )


def _cue(quote: Quote, doc: Doc) -> Token | None:
    """The speech verb a quote is given by."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return cue_outside(doc, span) if span is not None and len(span) else None


def _speaker_date(
    speaker: str | None, position: int, doc: Doc, quotes: list[Quote], times: list[TimeExpression]
) -> EventDate | None:
    """When a speaker's words were said, from the nearest of their quotes the text dates: a
    story quotes one speaker at one occasion unless it dates another."""
    if speaker is None:
        return None
    theirs = sorted(
        (q for q in quotes if q.speaker == speaker), key=lambda q: abs(q.start - position)
    )
    for quote in theirs:
        cue = _cue(quote, doc)
        dated = clause_date(cue, times) if cue is not None else None
        if dated is not None:
            return dated
    return next((d for q in theirs if (d := _statement_before(q, doc, times)) is not None), None)


def _statement_before(quote: Quote, doc: Doc, times: list[TimeExpression]) -> EventDate | None:
    """The date of a statement the sentence before a quote reports ("Guterres on Friday
    condemned the killings. 'This is unacceptable,' his spokesman said"): the quote gives
    its words. Reported speech with a subject of its own ("Russia has warned that …") is a
    statement of its own, not the words of the one before."""
    if quote.kind is QuoteKind.INDIRECT:
        return None
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or not len(span) or span[0].sent.start == 0:
        return None
    told = doc[span[0].sent.start - 1].sent.root
    # a speech or a stance ("condemned", "praised"), not an act ("agreed to raise spending")
    return clause_date(told, times) if told.lemma_.lower() in statement_verbs() else None


@cache
def statement_verbs() -> frozenset[str]:
    """Speech verbs and the stance verbs of data/attribution_verbs.tsv that take an object
    ("condemned the killings", "praised the withdrawal")."""
    table = data_table("data/attribution_verbs.tsv")
    return speech_verbs() | {r["lemma"] for r in table if r["content"] == "object"}


def _speech_date(
    trigger: Token,
    reporter: Token | None,
    quote: Quote | None,
    quotes: list[Quote],
    times: list[TimeExpression],
) -> EventDate | None:
    """The date of the words an event is told in (or, for a speech verb, of its words): the
    verb reporting them, else the speaker's other dated words."""
    doc = trigger.doc
    if quote is None and trigger.lemma_.lower() in speech_verbs():
        quote = next((q for q in quotes if _cue(q, doc) == trigger), None)
        reporter = trigger if quote is not None else reporter
    elif quote is not None:
        reporter = _cue(quote, doc)
    dated = clause_date(reporter, times) if reporter is not None else None
    if dated is None and quote is not None:
        dated = _speaker_date(quote.speaker, quote.start, doc, quotes, times)
        dated = dated or _statement_before(quote, doc, times)
    return dated


def _definite(noun: Token) -> bool:
    return any(
        (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) or c.dep_ == "poss"
        for c in noun.children
    )


def _event_word(token: Token) -> str:
    """The word an event is named by, the same for its verb and its -ing noun ("killed",
    "killing": kill)."""
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN" and lemma.endswith("ing") and len(lemma) > 6:
        return lemma[:-3]
    return lemma


def _kind(noun: Token) -> bool:
    """Whether an event noun names a kind of act, its of-object a bare plural ("the killing
    of peaceful demonstrators"), rather than one event told elsewhere."""
    objects = [g for c in noun.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(
        o.tag_ == "NNS" and not any(c.dep_ in ("det", "nummod", "poss") for c in o.children)
        for o in objects
    )


def mentioned_date(noun: Token, times: list[TimeExpression]) -> EventDate | None:
    """The date of an event a definite noun refers back (or ahead) to ("Tuesday's attack …
    the attack", "al-Rufay'i was killed Thursday … his killing"): the nearest mention of the
    same event word, as a noun or a verb, that its own phrase dates."""
    if noun.pos_ != "NOUN" or not _definite(noun) or not evokes_event(noun) or _kind(noun):
        return None
    word = _event_word(noun)
    doc = noun.doc
    # the story's words of that lemma, found in the lemma array rather than word by word
    lemmas = [doc.vocab.strings[form] for form in (word, f"{word}ing", word.capitalize())]
    same = numpy.flatnonzero(numpy.isin(doc.to_array(LEMMA), lemmas))
    mentions = sorted(
        (
            t
            for t in (doc[int(i)] for i in same)
            if t.i != noun.i
            and t.pos in (NOUN, VERB)
            and _event_word(t) == word
            and evokes_event(t)
        ),
        # a definite noun refers back before it refers ahead
        key=lambda t: (t.i > noun.i, abs(t.i - noun.i)),
    )
    for mention in mentions:
        dated = clause_date(mention, times)
        if dated is not None:
            return dated
    return _named_otherwise(noun, times)


def _names(verb: Token) -> set[tuple[str, tuple[str, ...]]]:
    """The names among those a verb's act is done to ("Arnel Joseph was killed"), with its
    particle ("turned them over" is not "turned them down")."""
    particle = tuple(c.lower_ for c in verb.children if c.dep_ == "prt")
    patients = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    return {(t.lower_, particle) for a in patients for t in a.subtree if t.pos == PROPN}


def _same_act(verb: Token, times: list[TimeExpression]) -> EventDate | None:
    """The date of the same act told before of the same named people ("Joseph was killed
    Friday … 'The police returned fire and Joseph was killed,' he said"): the nearest earlier
    verb of the same word sharing a name with it, when its own clause dates it."""
    names = _names(verb) if verb.pos == VERB else set()
    if not names:
        return None
    lemma = verb.lemma_.lower()
    for earlier in reversed(verb.doc[: verb.sent.start]):
        if earlier.pos != VERB or earlier.lemma_.lower() != lemma:
            continue
        if names & _names(earlier):
            return clause_date(earlier, times)
    return None


def _event_type(token: Token) -> str | None:
    found = match_trigger(token, load_lexicon())
    return found[0].type if found is not None and found[0].type != "-" else None


def _named_otherwise(noun: Token, times: list[TimeExpression]) -> EventDate | None:
    """The date of the same event named before by another noun of its type and told of the
    same thing ("Saturday's blasts outside a girls' school … plotting the attack on the
    school"): the nearest earlier one its own phrase dates."""
    about = _about(noun)
    kind = _event_type(noun)
    earlier = (t for t in reversed(noun.doc[: noun.i]) if t.pos == NOUN and t.lemma_ != noun.lemma_)
    for mention in earlier:
        if _event_type(mention) != kind:
            continue
        if not about:
            # a bare "the attack" is the last event of its type named before it
            if mention.tag_ != "NN":
                return None
            return clause_date(mention, times) or mentioned_date(mention, times)
        if not about & _about(mention):
            continue
        dated = clause_date(mention, times)
        if dated is not None:
            return dated
    return None


def _about(noun: Token) -> set[str]:
    """The nouns an event noun's own phrase names (its target, its place), not those of a
    noun conjoined with it ("the attack and the government's response")."""
    own = [c for c in noun.children if c.dep_ not in ("conj", "cc", "appos")]
    return {t.lemma_.lower() for c in own for t in c.subtree if t.pos in (NOUN, PROPN)}


def _occasion_date(trigger: Token, times: list[TimeExpression]) -> EventDate | None:
    """The date of the event an act took place in ("were killed in the attack")."""
    occasions = [
        g
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ in OCCASION_PREPOSITIONS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return next((d for o in occasions if (d := mentioned_date(o, times)) is not None), None)


def _place_date(trigger: Token, times: list[TimeExpression]) -> EventDate | None:
    """The date of the occasion a sentence opening "There," points back to ("… failed at the
    summit held in February. There, Kim asked …"): the last occasion of the sentence before
    that its own phrase dates."""
    sentence = trigger.sent
    first = sentence[0]
    if first.lower_ != "there" or first.dep_ == "expl" or sentence.start == 0:
        return None
    if len(sentence) < 2 or sentence[1].text != ",":
        return None
    before_it = trigger.doc[sentence.start - 1].sent
    occasions = [t for t in reversed(before_it) if t.pos_ in ("NOUN", "PROPN") and is_occasion(t)]
    return next((d for o in occasions if (d := clause_date(o, times)) is not None), None)


def _narrated_date(
    trigger: Token, quote: Quote | None, quotes: list[Quote], times: list[TimeExpression]
) -> EventDate | None:
    """The time a speaker's account has reached ("They attacked the hotel at dawn this
    morning … Five people were killed"): in a direct quote, or the same speaker's quote just
    before, a simple past with no time of its own goes on at the last past act dated."""
    if quote is None or quote.kind is not QuoteKind.DIRECT or anterior(trigger):
        return None
    doc = trigger.doc
    theirs = [q for q in quotes if q.speaker == quote.speaker and q.kind is QuoteKind.DIRECT]
    before_it = [q for q in theirs if q.end <= quote.start]
    told = [quote, *before_it[-1:]] if quote.speaker is not None else [quote]
    for time in sorted(times, key=lambda t: -t.start):
        if time.start >= trigger.idx or not any(q.start <= time.start < q.end for q in told):
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        ancestors = span.root.ancestors if span is not None else iter(())
        verb = next((a for a in ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None and verb.tag_ in ("VBD", "VBN") and verb.i != trigger.i:
            return clause_date(verb, times)
    return None


def _narrative_past(verb: Token) -> bool:
    """Whether a sentence's verb tells an act in the simple past (or past perfect) of a
    narrative: not a state or present perfect reaching up to now, nor a report of words
    ("the minister said that …")."""
    reports = any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
    up_to_now = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)
    return verb_tense(verb) == "past" and not up_to_now and not reports


def _main_clause(trigger: Token) -> Token | None:
    """The verb of the trigger's clause when that clause is the sentence's main one, its
    conjunct or an adverbial clause on it ("fled, as the soldiers opened fire")."""
    verb = next((t for t in [trigger, *trigger.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    current = verb
    while current is not None and current.dep_ != "ROOT":
        if current.dep_ not in ("conj", "advcl"):
            return None
        current = current.head
    return verb


def _subjects(verb: Token) -> list[Token]:
    """The subjects of a verb, a conjunct sharing its head's ("burned the market and killed
    the chief")."""
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if own or verb.dep_ != "conj":
        return own
    return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]


def _continues(verb: Token, previous: Span) -> bool:
    """Whether a clause goes on with the sentence before it: a subject that refers back (a
    pronoun, a definite description, a name just used: "They burned the market", "the
    minister rejected it"), or a passive with no agent, whose doer the context gives ("Four
    drivers were kidnapped"). A new subject reacting to a thing told ("the president called
    the move a threat") is not the narrative going on."""
    names = {t.lower_ for t in previous if t.pos == PROPN}
    for subject in _subjects(verb):
        if subject.tag_ == "PRP" or _definite(subject) or subject.lower_ in names:
            return True
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    return passive and not any(c.dep_ == "agent" for c in verb.children)


def _scene_time(sentence: Span, times: list[TimeExpression]) -> TimeExpression | None:
    """The last time of a sentence that dates what it narrates, not when words were said
    ("said at a news conference on Monday")."""
    doc = sentence.doc
    for time in reversed(_times_in(sentence, times)):
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None:
            continue
        verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.lemma_.lower() not in speech_verbs():
            return time
    return None


def _goes_on(trigger: Token, times: list[TimeExpression]) -> bool:
    """Whether a trigger's sentence goes on with the narrative before it: a past act of its
    main clause, one act and not acts repeated over time ("famous for its raids on
    smugglers"), linked to the sentence before, in a sentence with no time of its own."""
    sentence = trigger.sent
    verb = _main_clause(trigger)
    if verb is None or trigger.tag_ == "NNS" or sentence.start == 0:
        return False
    if _times_in(sentence, times) or not _narrative_past(sentence.root):
        return False
    return _continues(verb, trigger.doc[sentence.start - 1].sent)


def _scene_date(
    trigger: Token, times: list[TimeExpression], published: date | None
) -> EventDate | None:
    """The time a narrative has reached ("Gunmen ambushed a convoy in January. The trucks
    stopped on a bridge. Four drivers were kidnapped"): an act going on with the narrative
    is dated by the last time of the sentences before it, when those between tell undated
    past acts and that time is a calendar period before publication (the news of the day is
    the lead's, and a week or a period not yet over sets no scene)."""
    if published is None or not _goes_on(trigger, times):
        return None
    sentence = trigger.sent
    for _ in range(SCENE_SENTENCES):
        if sentence.start == 0:
            return None
        sentence = trigger.doc[sentence.start - 1].sent
        if not _times_in(sentence, times):
            if not _narrative_past(sentence.root):
                return None
            continue
        time = _scene_time(sentence, times)
        found = as_date(time) if time is not None else None
        value = (found.value if found is not None else None) or ""
        if found is None or not CALENDAR.fullmatch(value):
            return None
        if value >= published.isoformat()[: len(value)]:
            return None
        return before(value) if anterior(trigger) else found
    return None


def _later_date(trigger: Token, times: list[TimeExpression]) -> EventDate | None:
    """The date of an act told as coming a while after the time the narrative has reached
    ("Last month, insurgents ambushed a bus. Days later, a bomb killed 11 miners"): that
    period, when the while is shorter than it (days within a month, months within a year)."""
    sentence = trigger.sent
    own = _times_in(sentence, times)
    later = next(
        (t for t in own if t.text.lower().endswith(" later") and t.start < trigger.idx), None
    )
    if later is None or later is not own[0] or sentence.start == 0:
        return None
    unit = OFFSET_UNITS.get((later.value or "")[-1:])
    previous = trigger.doc[sentence.start - 1].sent
    time = _scene_time(previous, times)
    found = as_date(time) if time is not None else None
    if unit is None or found is None or not CALENDAR.fullmatch(found.value or ""):
        return None
    return found if unit < PERIOD_RANKS.get(found.granularity, 0) else None


def _times_in(sentence: Span, times: list[TimeExpression]) -> list[TimeExpression]:
    """The time expressions of a sentence, in order."""
    return sorted(
        (t for t in times if sentence.start_char <= t.start < sentence.end_char),
        key=lambda t: t.start,
    )


def _in_force(trigger: Token) -> bool:
    """Whether an event noun is told as in force now by its own words ("sanctions currently
    in place", "the ongoing withdrawal"), whatever is said of it ("must maintain")."""
    return trigger.pos_ == "NOUN" and (
        ongoing(trigger) or any(c.dep_ == "prep" and ongoing(c) for c in trigger.children)
    )


def _told_date(
    trigger: Token,
    anchors: list[Token],
    times: list[TimeExpression],
    reporter: Token | None,
    quote: Quote | None,
    unreal: bool,
) -> EventDate | None:
    """The date the event's sentence gives it: its own time, or one of the words it depends
    on; a planned act only by its own clause ("threatened Monday to strike" dates no strike).
    An act told as coming first ("had agreed", "after clashes killed …", "sanctioned on
    Monday for supplying drones") happened on or before the time of the word it depends on."""
    chain = [a for a in anchors if a is not reporter]
    # in a quote only the speaker's own words date the act; the cue's time is the speech's
    quoted = [t for t in times if quote.start <= t.start < quote.end] if quote else times
    if not unreal:
        quoted = [t for t in quoted if not is_deadline(t, trigger.doc)]
    found = own_time(trigger, _own_clause(trigger) if unreal else chain, quoted, reporter)
    if found is not None and found[1] is trigger:
        return found[0]
    if unreal:
        return found[0] if found is not None and found[1] is not None else None
    clause = _earlier_clause(trigger) if event_tense(trigger) == "past" else None
    if found is not None and clause is not None and found[1] in list(clause.subtree):
        return found[0]  # "after civilians were displaced this week by fighting"
    if clause is not None:
        governor = clause.head
        then = own_time(governor, governing_chain(governor)[0][1:], quoted, reporter)
        found = then if then is not None else found
        if found is None:
            return None
        return before(found[0].value or "") if _point(found[0]) else found[0]
    if found is None:
        return None
    if found[1] is not None and anterior(trigger) and _point(found[0]):
        return before(found[0].value or "")  # "had agreed", "a previous raid": before then
    return found[0]


def _since_range(
    trigger: Token, told: EventDate, times: list[TimeExpression], published: date | None
) -> EventDate:
    """An event told from a "since" clause or phrase ("has received 23 loans since gaining
    independence in 1947") runs from that time to publication, as "since 1947" does."""
    if published is None or not told.value or not CALENDAR.fullmatch(told.value):
        return told
    sentence = _times_in(trigger.sent, times)
    since = [t for t in sentence if t.text == told.text and told_since(t, trigger)]
    if not since:
        return told
    return EventDate(f"{told.value}/{published.isoformat()}", "range", told.text)


def _point(told: EventDate) -> bool:
    """Whether a date names one period an open interval can end on (not a range)."""
    return bool(told.value) and "/" not in (told.value or "")


def _earlier_clause(trigger: Token) -> Token | None:
    """The "after" clause, "following" phrase or reason ("for supplying drones") holding the
    trigger: the event of the word it depends on came after the trigger's."""
    previous = trigger
    for ancestor in [trigger, *trigger.ancestors]:
        if ancestor.head.i == ancestor.i or ancestor.dep_ in ("relcl", "ccomp"):
            return None
        if any(c.dep_ == "mark" and c.lower_ in ANTERIOR_MARKS for c in ancestor.children):
            return ancestor
        preposition = ancestor.dep_ == "prep"
        if preposition and ancestor.lower_ in ANTERIOR_MARKS:
            return ancestor
        reason = ancestor.lower_ == "for" and previous.tag_ == "VBG"
        if preposition and reason and ancestor.head.pos_ == "VERB":
            return ancestor
        previous = ancestor
    return None


def _own_clause(trigger: Token) -> list[Token]:
    """For an event noun, the words up to the verb whose subject or object it is ("the
    tariffs would take effect Wednesday", "will host a round of talks on Sunday"); nothing
    for a verb."""
    path: list[Token] = []
    current = trigger
    while current.pos_ in ("NOUN", "PROPN") and current.head.i != current.i:
        if current.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return [*path, current.head]
        if current.dep_ != "pobj" or current.head.lower_ != "of":
            return []
        path += [current.head, current.head.head]  # "a round of talks": the round's verb
        current = current.head.head
    return []


def event_date(
    trigger: Token,
    anchors: list[Token],
    times: list[TimeExpression],
    published: date | None,
    *,
    modality: Modality = Modality.ASSERTED,
    quotes: Iterable[Quote] = (),
) -> EventDate | None:
    """The date of the event a trigger evokes; `anchors` are the words it depends on.

    `modality` is the event's; `quotes` the article's quotes, whose present is the speaker's.
    """
    quotes = list(quotes)
    reporter = governing_chain(trigger)[1] or reporting_verb(trigger) or _trailing(trigger)
    quote = _direct_quote(trigger, quotes)
    tense = event_tense(trigger)
    # what goes on when told ("will continue to stand with", "sanctions currently in place")
    # is dated then, whatever is planned or wanted of it
    current = continued(trigger) or _in_force(trigger)
    tense = "present" if current else tense
    unreal = not current and (
        modality in UNREAL
        or (tense == "future" and not stated_intent(trigger))
        or in_condition(trigger)
    )
    told = _told_date(trigger, anchors, times, reporter, quote, unreal)
    told = _since_range(trigger, told, times, published) if told is not None else told
    if told is not None or unreal:
        return told
    # the word whose time is the event's: how an event subject ended ("talks failed in
    # February"), the thing a relative clause made ("the February 2020 pact it negotiated")
    bearer = outcome(trigger) or made(trigger)
    mentioned = (
        mentioned_date(trigger, times)
        or _occasion_date(trigger, times)
        or (clause_date(bearer, times) if bearer is not None else None)
        or _place_date(trigger, times)
        or (_narrated_date(trigger, quote, quotes, times) if tense == "past" else None)
        or (_same_act(trigger, times) if tense == "past" else None)
        or (_later_date(trigger, times) if tense == "past" else None)
    )
    if mentioned is not None:
        return mentioned
    spoken = quote is not None or reporter is not None or trigger.lemma_.lower() in speech_verbs()
    if tense == "future" and not (
        spoken and modality is Modality.ASSERTED and stated_intent(trigger)
    ):
        return None  # a stated intent is dated when stated; a bare future has no date yet
    speech = _speech_date(trigger, reporter, quote, quotes, times) if spoken else None
    if speech is not None and speech.value:
        saying = quote is None and reporter is None  # the trigger is the speech verb itself
        # a present kept in indirect speech holds now ("said he is pressuring"); not a demand
        # ("must act", made then) nor what has been going on up to the words ("reported that
        # the U.S. has been sharing intelligence")
        kept = tense == "present" and trigger.tag_ != "MD" and not perfect(trigger)
        if kept and quote is None and not saying and published is not None:
            return EventDate(published.isoformat(), "day", None)
        present = tense in ("present", "future") or backshifted(trigger)
        if saying or present or speech.granularity != "day":
            return speech  # "said this week that rebels attacked": that week
        return before(speech.value)
    if published is None:
        return None
    told_plainly = tense == "past" and quote is None and reporter is None
    scene = _scene_date(trigger, times, published) if told_plainly else None
    if scene is not None:
        return scene
    if tense == "present" and quote is None:
        return EventDate(published.isoformat(), "day", None)
    return before(published.isoformat())
