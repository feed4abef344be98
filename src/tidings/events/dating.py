"""Date of an event: the time expression attached to it, else its sentence's, else publication.

A time expression inside the trigger's own phrase wins ("Thursday's call", "met on Monday");
then one attached to the words the trigger depends on ("In a September 28 interview, Vance
said that …"); then any in the sentence that dates a point in time (durations such as
"nearly four years" do not; nor do "now" or "recently", which name no date). A time of day
dates the event to its day. An event with no time clue gets the publication day.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from tidings.model import EventDate, TimeExpression

POINT_GRANULARITIES = frozenset(
    {"day", "week", "month", "quarter", "year", "range", "season", "time"}
)
TEMPORAL_MARKS = frozenset({"since", "after", "before", "when", "while", "until", "as", "once"})


def _inside(time: TimeExpression, token: Token) -> bool:
    """Whether a time expression lies in the subtree of a token."""
    return token.left_edge.idx <= time.start and time.end <= token.right_edge.idx + len(
        token.right_edge
    )


def _in_other_clause(time: TimeExpression, trigger: Token) -> bool:
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
    ):
        return True  # "the 2015 nuclear accord": the year names the accord
    for ancestor in [token, *token.ancestors]:
        if ancestor.dep_ not in ("relcl", "acl", "ccomp", "advcl"):
            continue
        if ancestor.left_edge.i <= trigger.i <= ancestor.right_edge.i:
            continue
        marks = {c.lower_ for c in ancestor.children if c.dep_ == "mark"}
        if ancestor.dep_ == "advcl" and marks & TEMPORAL_MARKS:
            continue  # "refused … since the war began in April 2023" dates the refusal
        return True
    return False


def _as_date(time: TimeExpression) -> EventDate:
    if time.granularity == "time" and time.value:  # "at noon Monday": the day it fell on
        return EventDate(time.value.split("T")[0], "day", time.text)
    return EventDate(time.value, time.granularity, time.text)


def event_date(
    trigger: Token, anchors: list[Token], times: list[TimeExpression], published: date | None
) -> EventDate | None:
    """The date of the event a trigger evokes; `anchors` are the words it depends on."""
    sentence = trigger.sent
    dated = [
        t
        for t in times
        if t.value
        and t.granularity in POINT_GRANULARITIES
        and sentence.start_char <= t.start < sentence.end_char
    ]
    # A time inside another clause (relative, complement, adverbial) dates that clause.
    free = [t for t in dated if not _in_other_clause(t, trigger)]
    for token in [trigger, *anchors]:
        for time in free:
            if _inside(time, token):
                return _as_date(time)
    if free:
        return _as_date(free[0])
    if published is None:
        return None
    return EventDate(published.isoformat(), "day", None)
