"""The time expressions of an event's own clause: which of a sentence's times date it.

A time inside the trigger's own phrase wins ("Thursday's call", "met on Monday"); then one
attached to the words the trigger depends on ("In a September 28 interview, Vance said that
…"); then, for an event of the main clause, any other time of the sentence that dates a point
(the parse may hang it on the wrong word). Durations ("nearly four years"), "now" and
"recently" name no date; a time of day dates its day. A time inside another clause (relative,
complement, adverbial, a conjoined clause with its own subject) dates that clause, and a
possessive time ("welcomed Tuesday's announcement") the noun it qualifies, a gerund with an object
of its own ("accused the rebels of attacking a convoy in 2019") the gerund; but a participle of
speech on the event's verb tells the act itself ("rejected the ruling, telling reporters on
Monday that …").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.events.detect import governing_verbs, match_trigger
from tidings.events.lexicon import load_lexicon
from tidings.events.modality import FINITE_TAGS, occurrence_verbs
from tidings.model import EventDate, TimeExpression
from tidings.quotes import speech_verbs

POINT_GRANULARITIES = frozenset(
    {"day", "week", "month", "quarter", "year", "range", "season", "time"}
)
TEMPORAL_MARKS = frozenset({"since", "after", "before", "when", "while", "until", "as", "once"})
# a time in an "after" or "before" clause dates that clause's event, not the main clause's
# ("are pleading … after civilians were displaced this week" is not this week's plea)
SEQUENCE_MARKS = frozenset({"after", "before"})
DEADLINE_WORDS = frozenset({"until", "till", "by"})
GRANULARITY_BY_LENGTH = {4: "year", 7: "month", 10: "day"}  # "2025", "2025-04", "2025-04-01"
OCCASION_PREPOSITIONS = frozenset({"in", "at", "during"})
SUBORDINATE = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "xcomp"})


def inside(time: TimeExpression, token: Token) -> bool:
    """Whether a time expression lies in the subtree of a token."""
    return token.left_edge.idx <= time.start and time.end <= token.right_edge.idx + len(
        token.right_edge
    )


# Nouns a year modifies that are periods of time themselves ("the 2020 calendar year").
PERIOD_NOUNS = frozenset({"year", "season", "quarter", "half", "term", "period", "session"})


def in_other_clause(time: TimeExpression, trigger: Token) -> bool:
    """Whether a time of the trigger's sentence dates another clause or another noun."""
    inside = [t for t in trigger.sent if time.start <= t.idx < time.end]
    if not inside:
        return False
    # The expression's root: its token whose head lies outside it ("next year" -> "year").
    token = next((t for t in inside if not time.start <= t.head.idx < time.end), inside[0])
    if (
        time.granularity == "year"
        and token.dep_ in ("compound", "nmod", "amod", "nummod")
        and token.head.pos_ == "NOUN"
        and token.head.i != trigger.i
        and token.head.lemma_.lower() not in PERIOD_NOUNS
        and not since_phrase(token.head)
    ):
        return True  # "the 2015 nuclear accord": the year names the accord, not "the 2020
        # calendar year", a time itself
    if said_then(time, trigger):
        return False  # "officials said Thursday troops were deployed": the saying's day
    if modifies_other_noun(token, trigger):
        return True  # "calling for a probe into the February elections": the elections' month
    if token.dep_ == "poss" and token.head.i != trigger.i and token.head in trigger.subtree:
        return True  # "welcomed Tuesday's announcement": the day is the announcement's
    for ancestor in [token, *token.ancestors]:
        if (
            gerund_clause(ancestor)
            and not ancestor.left_edge.i <= trigger.i <= ancestor.right_edge.i
        ):
            return True  # "explained the reasons behind founding the group in 2017"
        # a conjoined clause with a subject of its own is another clause ("…, but Trump said
        # Tuesday"); an elided one is not ("killed and 900 wounded since Sunday")
        own_subject = ancestor.tag_ in FINITE_TAGS and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in ancestor.children
        )
        if ancestor.dep_ not in ("relcl", "acl", "ccomp", "advcl") and not (
            ancestor.dep_ == "conj" and own_subject
        ):
            continue
        if ancestor.left_edge.i <= trigger.i <= ancestor.right_edge.i:
            continue
        if ancestor.dep_ == "acl" and is_occasion(ancestor.head):
            continue  # "pointed … in a video message released Sunday": the message's day
        if (
            ancestor.dep_ in ("relcl", "acl")
            and ancestor.head.i == trigger.i
            and tells_itself(ancestor)
        ):
            continue  # "attacks it carried out last year": the clause tells the event itself
        if ancestor.dep_ == "acl" and ancestor.tag_ != "VBN" and not evokes_event(ancestor):
            continue  # "blew up roads linking it to the South on Tuesday": the blast's day
        if said_doing(ancestor, trigger):
            continue  # "rejected the ruling, telling reporters on Monday that …": one act
        marks = {c.lower_ for c in ancestor.children if c.dep_ == "mark"}
        if ancestor.dep_ == "advcl" and marks & TEMPORAL_MARKS and not marks & SEQUENCE_MARKS:
            continue  # "refused … since the war began in April 2023" dates the refusal
        return True
    return False


def modifies_other_noun(token: Token, trigger: Token) -> bool:
    """Whether a day or month modifies a noun other than the trigger ("an investigation of
    irregularities in the February 8 vote"): it dates that noun, unless the noun is the
    occasion of the trigger's own act ("In a March 3 statement, the ministry accused …")."""
    noun = token.head
    if token.dep_ not in ("compound", "nmod", "amod", "nummod") or noun.pos_ != "NOUN":
        return False
    if noun.i == trigger.i or noun.lemma_.lower() in PERIOD_NOUNS or since_phrase(noun):
        return False
    occasion = is_occasion(noun) and noun.head.head in [trigger, *trigger.ancestors]
    return not occasion


def since_phrase(token: Token) -> bool:
    """Whether a word heads a "since" clause or phrase ("since he took office", "since
    gaining independence", "since the 2023 election"): the time it names is when what the
    main clause tells began, not when it happened."""
    if token.dep_ in ("pobj", "pcomp"):
        return token.head.lower_ == "since" and token.head.dep_ == "prep"
    return any(c.dep_ == "mark" and c.lower_ == "since" for c in token.children)


def told_since(time: TimeExpression, trigger: Token) -> bool:
    """Whether a time of the trigger's clause lies in a "since" clause or phrase on it ("has
    made trips since he took office in 2022"): the event runs from then to now."""
    inside = [t for t in trigger.sent if time.start <= t.idx < time.end]
    if not inside or time.text.lower().startswith("since"):
        return False  # "since February" is a range already
    token = next((t for t in inside if not time.start <= t.head.idx < time.end), inside[0])
    for ancestor in token.ancestors:
        if ancestor.i == trigger.i:
            return False
        if since_phrase(ancestor) and trigger not in ancestor.subtree:
            return True
    return False


def gerund_clause(verb: Token) -> bool:
    """Whether a word is a gerund with an object of its own after a preposition ("behind
    founding the group", "of killing civilians"): a clause whose time is its own, unless it
    is the means of the act it hangs on ("by shelling the city on Monday") or a time it is
    told from ("since leaving office in February")."""
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and verb.head.lower_ != "by"
        and verb.head.lower_ not in TEMPORAL_MARKS
        and any(c.dep_ == "dobj" for c in verb.children)
    )


def said_doing(clause: Token, trigger: Token) -> bool:
    """Whether a clause is a participle of speech on the trigger's verb ("rejected the ruling,
    telling reporters on Monday that …", "denounced the move, saying …"): the act was done in
    the saying, so the saying's time is the act's."""
    return (
        clause.dep_ == "advcl"
        and clause.tag_ == "VBG"
        and clause.head.i == trigger.i
        and clause.lemma_.lower() in speech_verbs()
        and not any(c.dep_ == "mark" for c in clause.children)
    )


def tells_itself(verb: Token) -> bool:
    """Whether a clause on an event noun tells that event itself: a light verb carrying it out
    ("attacks it carried out", "talks held in February") or one saying it happened ("talks
    that lasted eight hours")."""
    lemma = verb.lemma_.lower()
    return governing_verbs().get(lemma) == "light" or lemma in occurrence_verbs()


def is_occasion(noun: Token) -> bool:
    """Whether a noun is the occasion an act took place at ("in a message", "at the summit",
    "during talks"): whatever dates the occasion dates the act."""
    return noun.dep_ == "pobj" and noun.head.lower_ in OCCASION_PREPOSITIONS


def named_date(time: TimeExpression) -> EventDate:
    """The period a time names: "since April, when China deployed ships" is April."""
    value = time.value or ""
    if time.text.lower().startswith("since") and "/" in value:
        first = value.split("/")[0]
        return EventDate(first, GRANULARITY_BY_LENGTH.get(len(first), "day"), time.text)
    return as_date(time)


def is_deadline(time: TimeExpression, doc: Doc) -> bool:
    """Whether a time is a deadline ("until Sunday", "by 2035"): when an act is due, not
    when one that happened took place."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in DEADLINE_WORDS


def as_date(time: TimeExpression) -> EventDate:
    """An event date from a time expression."""
    if time.granularity == "time" and time.value:  # "at noon Monday": the day it fell on
        return EventDate(time.value.split("T")[0], "day", time.text)
    return EventDate(time.value, time.granularity, time.text)


def clause_times(
    trigger: Token, times: list[TimeExpression], reporter: Token | None
) -> list[TimeExpression]:
    """The times of the trigger's sentence that date a point and belong to its clause, not
    to the verb reporting it ("said on Thursday that troops were deployed")."""
    sentence = trigger.sent
    dated = [
        t
        for t in times
        if t.value
        and "X" not in t.value  # "that evening" XXXX-XX-XXTEV names no day
        and t.granularity in POINT_GRANULARITIES
        and sentence.start_char <= t.start < sentence.end_char
    ]
    if reporter is not None:
        reported = next((a for a in [trigger, *trigger.ancestors] if a.head.i == reporter.i), None)
        dated = [
            t
            for t in dated
            if (not inside(t, reporter) or (reported is not None and inside(t, reported)))
            and not said_then(t, reporter)
        ]
    # A time inside another clause (relative, complement, adverbial) dates that clause.
    return [t for t in dated if not in_other_clause(t, trigger)]


def said_then(time: TimeExpression, reporter: Token) -> bool:
    """Whether a bare time right after a speech verb is the speech's ("officials said Thursday
    troops were deployed"), whichever verb the parse hangs it on; not a possessive
    ("welcomed Tuesday's announcement")."""
    doc = reporter.doc
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or span.start == 0 or doc[span.start - 1].i != reporter.i:
        return False
    return not any(t.dep_ in ("poss", "case") for t in doc[span.start : span.end + 1])


def own_time(
    trigger: Token,
    anchors: list[Token],
    times: list[TimeExpression],
    reporter: Token | None = None,
) -> tuple[EventDate, Token | None] | None:
    """The time expression dating a trigger's own clause, if the sentence gives one, with the
    word it is attached to (None for a time elsewhere in the sentence); `reporter` is the
    speech verb reporting the clause, whose time is the speech's."""
    free = clause_times(trigger, times, reporter)
    for time in free:
        if any(time.start <= a.idx < time.end for a in trigger.ancestors):
            return named_date(time), trigger  # "in 2013, when rebels seized power"
    for token in [trigger, *anchors]:
        for time in free:
            if inside(time, token):
                return as_date(time), token
    # a time elsewhere in the sentence: the parse may have hung it on the wrong word, but
    # only a main-clause event can take it ("whom Kinshasa accuses" is not Monday's)
    main = not any(
        (a.dep_ in SUBORDINATE and not (a.dep_ == "acl" and a.tag_ == "VBG"))
        # a conjunct with auxiliaries of its own has its own time ("started last September
        # and has been deadlocked")
        or (a.dep_ == "conj" and any(c.dep_ in ("aux", "auxpass") for c in a.children))
        for a in [trigger, *trigger.ancestors]
    )  # "passed a resolution demanding …" is the passing
    return (as_date(free[0]), None) if free and main else None


def clause_date(token: Token, times: list[TimeExpression]) -> EventDate | None:
    """The time expression in a word's own phrase, if any."""
    found = own_time(token, [], times)
    return found[0] if found is not None and found[1] is not None else None


def evokes_event(token: Token) -> bool:
    """Whether a word names an event in the trigger lexicon ("attack", "killing")."""
    found = match_trigger(token, load_lexicon())
    return found is not None and found[0].type != "-"
