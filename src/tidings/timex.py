"""Time expressions: found in the parse and normalised against the publication date.

Values are ISO 8601 (TIMEX3 style): ``2025-10-17`` (day), ``2025-W42`` (week), ``2025-10``
(month), ``2025`` (year), ``2025-SU`` (season), ``2025-02/2025-10-17`` (range), ``P4Y``
(duration). An expression that cannot be anchored, names an impossible date ("February 30"),
or falls outside the calendar years 1 to 9999 ("next week" in an article dated 9999-12-31, a
database placeholder) gets the value None: never an exception.

Weekday policy. News names days without dates, so the tense of the governing clause decides:
- past tense ("said on Thursday"): the most recent such day on or before publication (a
  Friday article's "struck early on Friday" is that day: a week earlier would be "last Friday");
- future or planned ("will meet on Friday", "is scheduled to", "upcoming"): the next such day on
  or after publication (so "on Friday" in a planned sentence published on a Friday is that day);
- otherwise: the nearest such day, the past preferred on a tie.
The tense is the governing clause's own: a past passive ("was told Wednesday") is past, a past
perfect is past even when it reports a plan ("had been due to expire Friday"), "is to" +
infinitive is future, and a subordinate clause ("said Monday that it intends to") lends its
parent nothing.
Month-day dates without a year ("September 28") take the publication year, moved a year back
when that would be more than 60 days in the future for a past or present clause, and a year
forward when it would be more than 60 days in the past for a future clause or more than seven
months in the past for a present one ("payable Jan. 2", written in November). Bare months
follow the same policy by month. A cue between the date and its verb makes it future ("created
an office, effective Feb. 1"); a noun or a bare participle of the cue list does not ("announced
the plan Aug. 21", "the record set on Aug. 6"). "Last spring" is the spring of the year before,
as TimeML reads it.
"""

from __future__ import annotations

import calendar
import re
from datetime import MAXYEAR, MINYEAR, date
from functools import cache

from spacy.tokens import Doc, Span, Token

from tidings.lexicons import data_lines, data_table
from tidings.model import TimeExpression

WEEKDAYS = {name: i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
NUMBER_WORDS_FILE = "data/number_words.tsv"
UNIT_CODES = {
    "day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "hour": "H", "minute": "M",
}  # fmt: skip
TIME_UNITS = frozenset({"hour", "minute"})
VAGUE_COUNTS = frozenset({"several", "few", "a few", "many", "some", "a number of"})
SEASON_STEPS = {"last": -1, "next": 1}
SEASON_STARTS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
LEADING_WORDS = {"on", "in", "at", "by", "during", "from", "of", "the"}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_PATTERNS = [
    ("month_day", re.compile(rf"^{_MONTH} {_DAY}(?:,? {_YEAR})?$", re.I)),
    ("day_month", re.compile(rf"^{_DAY} (?:of )?{_MONTH}(?:,? {_YEAR})?$", re.I)),
    ("month_year", re.compile(rf"^{_MONTH},? {_YEAR}$", re.I)),
    ("year", re.compile(rf"^(?:(?:fiscal|calendar|(?:the )?year) )?{_YEAR}$", re.I)),
    ("iso", re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")),
    ("month", re.compile(rf"^{_MONTH}$", re.I)),
    ("weekday", re.compile(r"^(?P<weekday>" + "|".join(WEEKDAYS) + r")$", re.I)),
    (
        "relative",
        re.compile(r"^(?P<which>this|last|next|past|coming) (?P<unit>week|month|year)$", re.I),
    ),
    (
        "this_year",
        re.compile(r"^(?:(?:this|the|current|full) )*(?:fiscal |calendar )?year$", re.I),
    ),
    (
        "every",
        re.compile(r"^(?:each|every) (?P<unit>day|week|month|quarter|year|hour)$", re.I),
    ),
    ("deictic", re.compile(r"^(?P<word>today|yesterday|tomorrow|tonight)$", re.I)),
    (
        "weekend",
        re.compile(r"^(?:(?P<which>this past|this coming|this|last|next|the) )?weekend$", re.I),
    ),
    (
        "decade",
        re.compile(
            r"^(?:the )?(?:(?:early|late|mid)[- ])?(?:(?P<century>19|20)|')(?P<decade>\d)0'?s$",
            re.I,
        ),
    ),
    ("relative_decade", re.compile(r"^(?P<which>this|last|past|next) decade$", re.I)),
    (
        "ago",
        re.compile(r"^(?P<count>[\w -]+?) (?P<unit>day|week|month|year)s? (?P<dir>ago)$", re.I),
    ),
    ("since_day", re.compile(rf"^since {_MONTH} {_DAY}(?:,? {_YEAR})?$", re.I)),
    ("since", re.compile(rf"^since {_MONTH}(?:,? {_YEAR})?$", re.I)),
    ("since_year", re.compile(rf"^since {_YEAR}$", re.I)),
    ("since_period", re.compile(r"^since (?P<which>this|last) (?P<unit>year|month)$", re.I)),
    (
        "year_range",
        re.compile(rf"^(?:from )?{_YEAR} (?:to|-|–|and) (?P<year2>(?:19|20)\d{{2}})$", re.I),
    ),
    ("since_weekday", re.compile(r"^since (?P<weekday>" + "|".join(WEEKDAYS) + r")$", re.I)),
    (
        "between",
        re.compile(
            rf"^(?:between )?{_MONTH} {_DAY} (?:and|to|-|–) (?P<day2>\d{{1,2}})(?:,? {_YEAR})?$",
            re.I,
        ),
    ),
    (
        "season",
        re.compile(
            r"^(?:(?P<which>this past|this coming|this|last|next|the) )?"
            r"(?P<season>spring|summer|autumn|fall|winter)"
            rf"(?: of {_YEAR})?$",
            re.I,
        ),
    ),
    (
        "duration",
        re.compile(
            r"^(?:(?:nearly|almost|about|around|more than|over|at least|roughly) )?"
            r"(?P<count>[\w -]+?) (?:(?:trading|business|working|calendar) )?"
            r"(?P<unit>day|week|month|quarter|year|decade|century|hour|minute)s?"
            r"(?: of (?:the year|this year|last year|\d{4}))?$",
            re.I,
        ),
    ),
]

FUTURE_CUES_FILE = "data/future_cues.txt"
TIME_WORDS_FILE = "data/time_words.tsv"
# granularity of a fixed time word, by its kind in the data file
WORD_GRANULARITIES = {
    "reference": "reference", "set": "set", "part_of_day": "time", "duration": "duration",
}  # fmt: skip


@cache
def future_cues() -> frozenset[str]:
    """Lemmas that put a clause in the future: will, scheduled, plan, upcoming..."""
    return frozenset(data_lines(FUTURE_CUES_FILE))


@cache
def time_words() -> dict[str, tuple[str, str]]:
    """Phrases with a fixed TIMEX3 value ("now": PRESENT_REF), by lower-case phrase: (kind,
    value)."""
    return {row["phrase"]: (row["kind"], row["value"]) for row in data_table(TIME_WORDS_FILE)}


def fixed_word_value(text: str) -> tuple[str, str] | None:
    """The value and granularity of a phrase the time-word table lists, leading prepositions
    aside ("in recent years"), with or without its article ("coming months")."""
    words = text.lower().replace("’", "'").strip(" ,.;:").split()
    while len(words) > 1 and words[0] in LEADING_WORDS - {"the"}:
        words = words[1:]
    phrase = " ".join(words)
    table = time_words()
    entry = table.get(phrase) or table.get(re.sub(r"^the ", "", phrase))
    if entry is None:
        return None
    kind, value = entry
    return value, WORD_GRANULARITIES.get(kind, "unknown")


def governing_verb(token: Token) -> Token:
    """The verb whose clause a token belongs to (the token itself when it is a verb)."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


# Children that head a clause of their own: their tense and cues are not the parent's ("said
# Monday that it intends to bid" is past).
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "acl"})
# Children that lend a verb its infinitive or predicate: "due to expire", "is to resume".
LEANING_DEPS = frozenset({"xcomp", "acomp", "oprd"})


def _leaned_on(verb: Token) -> list[Token]:
    """The verb and the words its infinitive or predicate leans on, up to the finite verb
    ("expire" in "had been due to expire": expire, due, been)."""
    chain = [verb]
    while chain[-1].dep_ in LEANING_DEPS and len(chain) < 5:
        chain.append(chain[-1].head)
    return chain


def _path_to(token: Token, verb: Token) -> list[Token]:
    """The words between a token and the verb governing it, both excluded."""
    path = []
    current = token
    while current.head.i != current.i and current.head.i != verb.i and len(path) < 12:
        current = current.head
        path.append(current)
    return path


def _past_perfect(node: Token) -> bool:
    """Whether a verb is in the past perfect ("had been due", "had agreed")."""
    return any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d") and c.tag_ == "VBD" for c in node.children
    )


def _be_to(verb: Token) -> bool:
    """Whether a verb is the infinitive of "is to"/"are to" ("is to resume trading Tuesday")."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and verb.tag_ == "VB"
        and head.lemma_ == "be"
        and head.tag_ in ("VBZ", "VBP")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def is_future_cue(word: Token) -> bool:
    """Whether a word puts its clause in the future: a modal or adjective of the cue list
    ("will", "upcoming", "payable"), or a verb of it with the plan it announces ("scheduled to
    meet", "set for Friday"); not a noun ("announced the plan Aug. 21") nor a bare participle
    ("the record set on Aug. 6")."""
    if word.lower_ not in future_cues() and word.lemma_.lower() not in future_cues():
        return False
    if word.pos_ in ("NOUN", "PROPN"):
        return False
    if word.tag_ in ("VBN", "VBD"):
        return any(
            c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in word.children
        )
    return True


def clause_tense(token: Token) -> str:
    """'past', 'future' or 'present': the tense of the clause governing `token`.

    A past perfect wins over a plan ("had been due to expire Friday" lies behind); a
    subordinate clause's words say nothing of its parent's tense.
    """
    verb = governing_verb(token)
    if any(_past_perfect(node) for node in _leaned_on(verb)):
        return "past"
    if any(is_future_cue(word) for word in _path_to(token, verb)):
        return "future"  # "created an office, effective Feb. 1": the date is the office's
    if _be_to(verb):
        return "future"
    chain = [verb, *verb.ancestors][:4]
    for node in chain:
        words = [node, *(c for c in node.children if c.dep_ not in CLAUSE_DEPS)]
        if any(is_future_cue(w) for w in words):
            return "future"
        if node.tag_ == "VBD" or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in node.children
        ):
            return "past"
        if node.tag_ == "VBN" and any(c.lemma_ == "have" for c in node.children):
            return "past"
        if node.tag_ == "VBN" and node.dep_ == "acl":  # "an interview aired on Sunday"
            return "past"
        if node.pos_ == "VERB":
            break
    cues = future_cues()
    if any(t.lower_ in cues for t in token.sent if t.i < token.i and token.i - t.i < 8):
        return "future"
    return "present"


DEADLINE_PREPOSITIONS = frozenset({"until", "by", "before", "through"})


def expression_tense(span: Span) -> str:
    """The tense a time expression is read in: its clause's, except that a deadline set in
    the present perfect lies ahead ("has given the junta until Sunday")."""
    tense = clause_tense(span.root)
    before = span.doc[span.start - 1] if span.start > 0 else None
    if tense == "past" and before is not None and before.lower_ in DEADLINE_PREPOSITIONS:
        verb = governing_verb(span.root)
        simple_past = verb.tag_ == "VBD" or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children
        )
        if not simple_past:
            return "future"
    return tense


def weekday_date(weekday: int, published: date, tense: str) -> date | None:
    """The date of a named weekday relative to publication, by the module's policy (None
    past either end of the calendar)."""
    back = (published.weekday() - weekday) % 7 or 7
    forward = (weekday - published.weekday()) % 7
    if tense == "past":
        return _shift_days(published, -(back % 7))
    if tense == "future":
        return _shift_days(published, forward)
    return _shift_days(published, -back if back <= forward else forward)


# A yearless date in a present clause lies at most this far back; one further back is next
# year's ("payable Jan. 2", "the rights expire in February", written in November).
PRESENT_DAYS_BACK = 213
PRESENT_MONTHS_BACK = 7


def month_day_date(month: int, day: int, published: date, tense: str) -> date | None:
    """A yearless month-day placed in the year the tense and publication make likely."""
    try:
        candidate = date(published.year, month, day)
    except ValueError:
        return None
    if tense != "future" and (candidate - published).days > 60:
        return _same_day(candidate, published.year - 1)
    if tense == "future" and (published - candidate).days > 60:
        return _same_day(candidate, published.year + 1)
    if tense == "present" and (published - candidate).days > PRESENT_DAYS_BACK:
        return _same_day(candidate, published.year + 1)
    return candidate


def month_year(month: int, published: date, tense: str) -> int:
    """The year of a yearless month, by the same policy as `month_day_date`."""
    if tense != "future" and month > published.month + 2:
        return published.year - 1
    if tense == "future" and month < published.month - 2:
        return published.year + 1
    if tense == "present" and month < published.month - PRESENT_MONTHS_BACK:
        return published.year + 1
    return published.year


WEEKEND_STEPS = {"last": -1, "this past": -1, "next": 1, "this coming": 1}


def weekend_value(which: str, published: date, tense: str) -> str | None:
    """The ISO week of a weekend ("2025-W09-WE"): "last weekend" and a weekend in a past or
    present clause the latest one begun by publication ("said over the weekend"), "next
    weekend" and one in a future clause the next one."""
    step = WEEKEND_STEPS.get(which, 1 if tense == "future" else -1)
    saturday = 5
    if step < 0:
        day = _shift_days(published, -((published.weekday() - saturday) % 7))
    else:
        day = _shift_days(published, (saturday - published.weekday()) % 7)
    return f"{_iso_week(day)}-WE" if day else None


def _same_day(day: date, year: int) -> date | None:
    try:
        return day.replace(year=year)
    except ValueError:
        return None


@cache
def number_words() -> dict[str, int | None]:
    """Numbers in words by word ("forty": 40); None for a vague count ("several")."""
    table = data_table(NUMBER_WORDS_FILE)
    return {row["word"]: int(row["value"]) if row["value"] else None for row in table}


def spoken_number(text: str) -> int | None:
    """The number a count says, in digits or words ("24", "twenty-four", "a couple of",
    "almost a hundred" aside, "two thousand"); None for a vague or unreadable count."""
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w not in ("and", "of", "")]
    if len(words) > 1 and words[0] in ("a", "an"):
        words = words[1:]  # "a hundred", "a couple of"
    table = number_words()
    total = current = 0
    for word in words:
        if word.isdigit():
            current += int(word)
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total, current = total + (current or 1) * 1000, 0
        elif table.get(word) is not None:
            current += table[word] or 0
        else:
            return None
    return total + current if words else None


def _count(word: str) -> int | None:
    return spoken_number(word)


def _shift_days(day: date, days: int) -> date | None:
    """`day` moved by `days`, or None past either end of the calendar."""
    ordinal = day.toordinal() + days
    return date.fromordinal(ordinal) if 1 <= ordinal <= date.max.toordinal() else None


def _shift_months(day: date, months: int) -> date | None:
    index = day.year * 12 + day.month - 1 + months
    year = index // 12
    return date(year, index % 12 + 1, 1) if MINYEAR <= year <= MAXYEAR else None


def _year_value(year: int) -> str | None:
    return f"{year:04d}" if MINYEAR <= year <= MAXYEAR else None


def _month_value(year: int, month: int) -> str | None:
    return f"{year:04d}-{month:02d}" if MINYEAR <= year <= MAXYEAR else None


def _shifted_month_value(day: date, months: int) -> str | None:
    shifted = _shift_months(day, months)
    return _month_value(shifted.year, shifted.month) if shifted else None


def _day_value(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _range_value(start: str | None, end: str | None) -> str | None:
    return f"{start}/{end}" if start and end else None


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}
HALF_ORDINALS = {"first": 1, "second": 2, "last": 2}
_ORDINAL = r"(?P<ordinal>first|second|third|fourth|last)"
_QUARTER = re.compile(
    r"^(?:(?:its|their|the|a|an|this|that) )?"
    r"(?P<modifiers>(?:(?:comparable|corresponding|latest|current|same|flat|fiscal|calendar|"
    r"year-earlier|year-ago|this year's|last year's|next year's|\d{4}) )*)"
    rf"(?:{_ORDINAL} )?(?:fiscal )?(?P<unit>quarter|half|period)"
    r"(?: of (?:fiscal )?(?P<year>\d{4}))?(?P<ago> a year (?:ago|earlier))?$",
    re.I,
)
_YEAR_BEFORE = re.compile(r"^(?:the )?(?:year-earlier|year-ago|a year (?:earlier|ago))$", re.I)
_MONTHS_OF_YEAR = re.compile(
    r"^(?:the )?(?P<edge>first|last) (?P<count>three|six|3|6) months of "
    r"(?:the year|this year|(?P<year>\d{4}))$",
    re.I,
)
_PART_OF_YEAR = {
    ("first", "three"): "Q1", ("first", "3"): "Q1", ("last", "three"): "Q4", ("last", "3"): "Q4",
    ("first", "six"): "H1", ("first", "6"): "H1", ("last", "six"): "H2", ("last", "6"): "H2",
}  # fmt: skip
YEAR_SHIFTS = {"this year's": 0, "last year's": -1, "next year's": 1}


def quarter_of(day: date) -> tuple[int, int]:
    """The (year, quarter) a day falls in."""
    return day.year, (day.month - 1) // 3 + 1


def _quarter_value(year: int, quarter: int) -> str | None:
    return f"{year:04d}-Q{quarter}" if MINYEAR <= year <= MAXYEAR else None


def _last_quarter(day: date) -> tuple[int, int]:
    year, quarter = quarter_of(day)
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


def named_quarter(text: str, value: str | None) -> tuple[int, int] | None:
    """The (year, quarter) an expression names by its ordinal ("the third quarter"), not by
    reference to another ("the year-ago quarter", "a year earlier")."""
    named = re.match(r"^(\d{4})-Q(\d)$", value or "")
    ordinal = re.search(r"\b(?:first|second|third|fourth)\b", text, re.I)
    if named and ordinal and not re.search(r"year[- ](?:ago|earlier)", text, re.I):
        return int(named[1]), int(named[2])
    return None


def period_value(
    text: str, published: date | None, tense: str, quarter: tuple[int, int] | None = None
) -> tuple[str | None, str] | None:
    """The value of a business period: a quarter or half ("the third quarter", "fiscal
    first-quarter", "the first half of 2024"), or the period a report is about ("the quarter",
    "the year-earlier period", "a year ago" where a quarter is in focus).

    `quarter` is the (year, quarter) the text last named: "the quarter" is that one and
    "the year-ago quarter" the same a year before. None when the text is no such period.
    """
    cleaned = re.sub(r"(?<=\w)-(?=quarter|half)", " ", text.replace("’", "'").strip(" ,.;:"))
    months = _MONTHS_OF_YEAR.match(cleaned)
    if months:  # "the first three months of the year" is the first quarter
        part = _PART_OF_YEAR[(months["edge"].lower(), months["count"].lower())]
        named = int(months["year"]) if months["year"] else None
        part_year = named or (published.year if published else None)
        return (f"{part_year:04d}-{part}" if part_year else None), "quarter"
    match = _QUARTER.match(cleaned)
    if match is None:
        if quarter and _YEAR_BEFORE.match(cleaned):
            return _quarter_value(quarter[0] - 1, quarter[1]), "quarter"
        return None
    modifiers = (match["modifiers"] or "").lower()
    ordinal = (match["ordinal"] or "").lower()
    unit = match["unit"].lower()
    shift = next((step for words, step in YEAR_SHIFTS.items() if words in modifiers), None)
    year_before = (
        bool(match["ago"]) or "year-earlier" in modifiers or "year-ago" in modifiers or shift == -1
    )
    named_year = re.search(r"\d{4}", modifiers)
    year = int(match["year"] or (named_year[0] if named_year else 0)) or None
    if unit == "period" and (ordinal or not (year_before or "latest" in modifiers or year)):
        return None  # "the period" alone names nothing
    if published is None and year is None:
        return None, "quarter"
    if not ordinal:  # the period in focus
        if year and not (quarter and year_before):
            focus = (year, quarter[1]) if quarter else None
        elif "current" in modifiers or cleaned.lower().startswith("this"):
            focus = quarter_of(published) if published else None
        else:
            focus = quarter or (_last_quarter(published) if published else None)
        if focus is None or unit == "half":
            return None, "quarter"
        return _quarter_value(focus[0] - year_before, focus[1]), "quarter"
    if unit == "half":
        if ordinal not in HALF_ORDINALS:
            return None
        half_year = year or (published.year + (shift or 0) if published else 0)
        value = f"{half_year:04d}-H{HALF_ORDINALS[ordinal]}" if half_year else None
        return value, "quarter"
    number = QUARTER_ORDINALS[ordinal]
    if year is None and published is not None:
        year = published.year + (shift or 0)
        if shift is None and year_before:
            year = (quarter[0] if quarter else published.year) - 1
        elif shift is None and tense != "future" and number > quarter_of(published)[1]:
            year -= 1  # a quarter not yet begun, in a past or present clause: last year's
    return (_quarter_value(year, number) if year else None), "quarter"


PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_CLOCK = re.compile(
    r"\b(?:around |about |at )?(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))? ?(?P<half>[ap])\.?m\.?"
    r"(?: (?:[A-Z]{2,4}T|GMT))?,?(?: |$)",
    re.I,
)
_PART_OF_DAY = re.compile(
    r"(?:^|\b)(?:early |late |mid[- ]?(?!night)|this |later this |the )?"
    r"(?P<part>morning|afternoon|evening|night|noon|midnight|overnight|tonight)(?:\b|$)",
    re.I,
)


def time_of_day(text: str) -> tuple[str, str] | None:
    """The day part of an expression with a time of day, and the TIMEX3 time code:
    "10 p.m. Wednesday" -> ("Wednesday", "22:00"), "Sunday night" -> ("Sunday", "NI"),
    "this morning" -> ("", "MO"). None when the expression has no time of day."""
    clock = _CLOCK.search(text)
    if clock:
        hour = int(clock["hour"]) % 12 + (12 if clock["half"].lower() == "p" else 0)
        code = f"{hour:02d}:{clock['minute'] or '00'}"
        rest = (text[: clock.start()] + " " + text[clock.end() :]).strip(" ,")
    else:
        part = _PART_OF_DAY.search(text)
        if part is None:
            return None
        word = part["part"].lower()
        code = {"noon": "12:00", "midnight": "24:00", "overnight": "NI"}.get(word, "")
        code = code or ("NI" if word == "tonight" else PARTS_OF_DAY[word])
        rest = (text[: part.start()] + " " + text[part.end() :]).strip(" ,")
    rest = re.sub(r"^(?:on|of|in|the|at)\s+", "", rest, flags=re.I)
    if rest.lower() == "last":  # "last night" is the night before
        rest = "yesterday"
    return rest, code


_MODIFIED_MONTH = re.compile(rf"^(?P<which>last|next|this|the previous) {_MONTH}$", re.I)
_MONTH_OF_YEAR = re.compile(rf"^{_MONTH},? (?P<which>this|last|next) year$", re.I)
_MODIFIED_WEEKDAY = re.compile(
    r"^(?P<which>last|next|this|this coming|this past|the previous|the following) "
    r"(?P<weekday>" + "|".join(WEEKDAYS) + r")$",
    re.I,
)
_DATED_WEEKDAY = re.compile(
    r"^(?:" + "|".join(WEEKDAYS) + r"),? "
    rf"(?P<date>{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?)$",
    re.I,
)


def modified_calendar_value(
    text: str, published: date | None, tense: str
) -> tuple[str | None, str] | None:
    """A month or weekday with a modifier: "last June" (the latest June before this month),
    "June last year", "next Friday" (after publication), "last Friday" (before it), "Saturday,
    April 25" (the date says the day). None when the text is none of these."""
    dated = _DATED_WEEKDAY.match(text)
    if dated:
        return parse_time_value(dated["date"], published, tense)
    month_of_year = _MONTH_OF_YEAR.match(text)
    modified_month = _MODIFIED_MONTH.match(text)
    modified_weekday = _MODIFIED_WEEKDAY.match(text)
    if not (month_of_year or modified_month or modified_weekday):
        return None
    if published is None:
        return None, "day" if modified_weekday else "month"
    if month_of_year:
        step = {"this": 0, "last": -1, "next": 1}[month_of_year["which"].lower()]
        return _month_value(published.year + step, MONTHS[month_of_year["month"].lower()]), "month"
    if modified_month:
        month = MONTHS[modified_month["month"].lower().rstrip(".")]
        which = modified_month["which"].lower()
        year = published.year
        if which in ("last", "the previous") and month >= published.month:
            year -= 1
        elif which == "next" and month <= published.month:
            year += 1
        return _month_value(year, month), "month"
    weekday = WEEKDAYS[modified_weekday["weekday"].capitalize()]
    which = modified_weekday["which"].lower()
    if which in ("last", "this past", "the previous"):
        back = (published.weekday() - weekday) % 7 or 7
        return _day_value(_shift_days(published, -back)), "day"
    if which in ("next", "this coming", "the following"):
        forward = (weekday - published.weekday()) % 7 or 7
        return _day_value(_shift_days(published, forward)), "day"
    return _day_value(weekday_date(weekday, published, tense)), "day"


def parse_time_value(
    text: str, published: date | None, tense: str, *, quarter: tuple[int, int] | None = None
) -> tuple[str | None, str]:
    """The ISO value and granularity of a time expression, anchored at `published`;
    `quarter` is the (year, quarter) the text last named, if any."""
    fixed = fixed_word_value(text)
    if fixed:
        return fixed
    period = period_value(_strip_leading(text), published, tense, quarter)
    if period:
        return period
    clock = time_of_day(_strip_leading(text))
    if clock:
        rest, code = clock
        if not rest:
            day_value = _day_value(published) if published else None
        else:
            day_value, day_granularity = parse_time_value(rest, published, tense)
            if day_granularity != "day":
                return None, "unknown"
        return (f"{day_value}T{code}" if day_value else None), "time"
    cleaned = clean_expression(text)
    modified = modified_calendar_value(cleaned, published, tense)
    if modified:
        return modified
    for kind, pattern in _PATTERNS:
        match = pattern.match(cleaned)
        if match:
            return _value(kind, match.groupdict(), published, tense)
    return None, "unknown"


def _value(
    kind: str, parts: dict[str, str | None], published: date | None, tense: str
) -> tuple[str | None, str]:
    year = int(parts["year"]) if parts.get("year") else None
    month = MONTHS.get((parts.get("month") or "").lower().rstrip("."))
    if kind == "iso":
        month = int(parts["month"] or 0)
    day = int(parts["day"]) if parts.get("day") else None
    if kind == "duration":
        count = _count(parts["count"] or "")
        if count is None and (parts["count"] or "").lower() not in VAGUE_COUNTS:
            return None, "unknown"  # "first three months of the": not a count
        unit = (parts["unit"] or "").lower()
        if count is not None and unit == "decade":
            count, unit = count * 10, "year"  # "two decades" is P20Y
        if unit == "quarter":  # ISO 8601 durations have no quarter: "three quarters" is P9M
            count, unit = (count * 3 if count is not None else None), "month"
        code = UNIT_CODES[unit]
        amount = count or "X"  # TIMEX3 writes an unspecified count as X: "several months" is PXM
        value = f"PT{amount}{code}" if unit in TIME_UNITS else f"P{amount}{code}"
        return value, "duration"
    if kind == "year":
        return str(year), "year"
    if kind == "every":
        unit = (parts["unit"] or "").lower()
        code = UNIT_CODES[unit]
        return (f"PT1{code}" if unit in TIME_UNITS else f"P1{code}"), "set"
    if kind == "this_year":
        return (_year_value(published.year) if published else None), "year"
    if kind == "year_range":
        return f"{year}/{parts['year2']}", "range"
    if kind == "season" and year:
        return f"{year}-{SEASONS[(parts['season'] or 'spring').lower()]}", "season"
    if kind in ("month_day", "day_month", "iso") and month and day:
        if year:
            return _checked_date(year, month, day)
        if published is None:
            return None, "day"
        resolved = month_day_date(month, day, published, tense)
        return (resolved.isoformat() if resolved else None), "day"
    if kind == "month_year" and month:
        return f"{year}-{month:02d}", "month"
    if kind == "decade":  # TimeML writes a decade by its first three digits: 199
        return f"{parts['century'] or '19'}{parts['decade']}", "decade"
    if published is None:
        return None, _GRANULARITY.get(kind, "unknown")
    if kind == "month" and month:
        return _month_value(month_year(month, published, tense), month), "month"
    if kind == "weekday":
        weekday = WEEKDAYS[(parts["weekday"] or "").capitalize()]
        return _day_value(weekday_date(weekday, published, tense)), "day"
    if kind == "deictic":
        offset = {"yesterday": -1, "tomorrow": 1}.get((parts["word"] or "").lower(), 0)
        return _day_value(_shift_days(published, offset)), "day"
    if kind == "weekend":
        return weekend_value((parts["which"] or "").lower(), published, tense), "week"
    if kind == "relative_decade":
        step = {"this": 0, "last": -1, "past": -1, "next": 1}[(parts["which"] or "").lower()]
        return f"{published.year // 10 + step:03d}", "decade"
    if kind == "relative":
        step = {"this": 0, "last": -1, "past": -1, "next": 1, "coming": 1}[
            (parts["which"] or "").lower()
        ]
        unit = (parts["unit"] or "").lower()
        if unit == "week":
            shifted_day = _shift_days(published, 7 * step)
            return (_iso_week(shifted_day) if shifted_day else None), "week"
        if unit == "month":
            return _shifted_month_value(published, step), "month"
        return _year_value(published.year + step), "year"
    if kind == "ago":
        count = _count(parts["count"] or "")
        if count is None:
            return "PAST_REF", "reference"  # "several years ago": some time back
        sign = -1 if (parts["dir"] or "").lower() == "ago" else 1
        unit = (parts["unit"] or "").lower()
        if unit == "day":
            return _day_value(_shift_days(published, sign * count)), "day"
        if unit == "week":
            shifted_day = _shift_days(published, sign * 7 * count)
            return (_iso_week(shifted_day) if shifted_day else None), "week"
        if unit == "month":
            return _shifted_month_value(published, sign * count), "month"
        return _year_value(published.year + sign * count), "year"
    if kind == "since" and month:
        start_year = year or (published.year if month <= published.month else published.year - 1)
        return _range_value(_month_value(start_year, month), published.isoformat()), "range"
    if kind == "since_day" and month and day:
        first = (
            _checked_date(year, month, day)[0]
            if year
            else _day_value(month_day_date(month, day, published, "past"))
        )
        return _range_value(first, published.isoformat()), "range"
    if kind == "since_period":
        step = 0 if (parts["which"] or "").lower() == "this" else -1
        if (parts["unit"] or "").lower() == "year":
            start = _year_value(published.year + step)
        else:
            start = _shifted_month_value(published, step)
        return _range_value(start, published.isoformat()), "range"
    if kind == "since_year":
        return f"{year}/{published.isoformat()}", "range"
    if kind == "since_weekday":
        weekday = WEEKDAYS[(parts["weekday"] or "").capitalize()]
        day_before = _shift_days(published, -1)
        start = weekday_date(weekday, day_before, "past") if day_before else None
        return _range_value(_day_value(start), published.isoformat()), "range"
    if kind == "between" and month and day:
        range_year = year or published.year
        first, _ = _checked_date(range_year, month, day)
        last, _ = _checked_date(range_year, month, int(parts["day2"] or 0))
        return (f"{first}/{last}" if first and last else None), "range"
    if kind == "season":
        season = SEASONS[(parts["season"] or "spring").lower()]
        # "last spring" is the spring of last year, as TimeML reads it, even in October
        which = (parts["which"] or "").lower()
        step = SEASON_STEPS.get(which, 0)
        if which == "this past" and SEASON_STARTS[season] > published.month:
            step = -1  # "this past summer" in March: last year's
        return f"{published.year + step:04d}-{season}", "season"
    return None, "unknown"


_GRANULARITY = {
    "weekend": "week",
    "relative_decade": "decade",
    "weekday": "day",
    "deictic": "day",
    "ago": "day",
    "month": "month",
    "relative": "week",
    "since": "range",
    "since_day": "range",
    "since_period": "range",
    "since_year": "range",
    "since_weekday": "range",
    "between": "range",
    "season": "season",
}


def _checked_date(year: int, month: int, day: int) -> tuple[str | None, str]:
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None, "day"


_APPROXIMATION = re.compile(
    r"^(?:more than|nearly|almost|about|around|over|some|(?:at )?least|roughly|up to|just over|"
    r"just under|fewer than|less than|no more than|only|barely|just|an additional|another|"
    r"each of|(?:the )?(?:previous|past|first|last|next|latest|year-earlier|year-ago)"
    r"(?= (?:\d|(?:[\w-]+ ){1,3}\w+$)))\s+",
    re.I,
)
_PART_OF = re.compile(
    r"^(?:(?:the )?(?:end|beginning|start|middle|close|turn|(?:first|last|second) half) of "
    r"(?:the )?|mid-?|early |late |"
    r"earlier |later )",
    re.I,
)


_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_SPOKEN_YEAR = re.compile(
    r"\b(?P<century>nineteen|twenty)[ -]"
    rf"(?P<rest>{_TENS}(?:[ -]{_UNITS})?|{_TEENS}|oh[ -]{_UNITS})\b"
    rf"|\btwo thousand(?:(?: and)? (?P<tail>{_TENS}(?:[ -]{_UNITS})?|{_TEENS}|{_UNITS}))?\b",
    re.I,
)


def written_years(text: str) -> str:
    """The text with years said in words written in digits, as broadcast transcripts say them
    ("the winter of nineteen ninety-four", "the year two thousand")."""

    def digits(match: re.Match[str]) -> str:
        if match["century"]:
            rest = re.sub(r"^oh[ -]", "", match["rest"], flags=re.I)
            century = 19 if match["century"].lower() == "nineteen" else 20
            return str(century * 100 + (spoken_number(rest) or 0))
        return str(2000 + (spoken_number(match["tail"]) or 0 if match["tail"] else 0))

    return _SPOKEN_YEAR.sub(digits, text)


def _strip_leading(text: str) -> str:
    """The text without leading prepositions (an article stays)."""
    words = text.split()
    while len(words) > 1 and words[0].lower() in LEADING_WORDS - {"the"}:
        words = words[1:]
    return " ".join(words)


def clean_expression(text: str) -> str:
    """The expression reduced to what carries its value.

    Leading prepositions/articles, possessives and stray punctuation go; so do approximations
    ("nearly four years" is P4Y), parts of a period ("the end of the year" is this year,
    "mid-October" is October) and the "later"/"earlier" of an offset from a narrated moment
    ("six hours later" is the duration PT6H: its anchor is not the publication date).
    Hyphenated durations read as words: "18-month" is "18 month".
    """
    words = written_years(text.replace("’", "'")).strip(" ,.;:").split()
    while len(words) > 1 and words[0].lower() in LEADING_WORDS:
        words = words[1:]
    cleaned = re.sub(r"'s$", "", " ".join(words))
    cleaned = re.sub(r"(?<=\w)-(?=(?:day|week|month|year|hour)s?\b)", " ", cleaned, flags=re.I)
    cleaned = re.sub(r"\s+or so$", "", cleaned, flags=re.I)
    while _APPROXIMATION.match(cleaned):  # "at least the past 18 months"
        cleaned = _APPROXIMATION.sub("", cleaned, count=1)
    since = re.match(r"^since\s+", cleaned, re.I)
    if since:
        cleaned = cleaned[since.end() :]
        cleaned = re.sub(r"^the ", "", cleaned, flags=re.I)
    if _PART_OF.match(cleaned):
        cleaned = _PART_OF.sub("", cleaned)
        cleaned = re.sub(r"^(year|month|week)$", r"this \1", cleaned, flags=re.I)
    if since:
        cleaned = f"since {cleaned}"
    cleaned = re.sub(r"\s+earlier$", " ago", cleaned, flags=re.I)
    return re.sub(r"\s+later$", "", cleaned, flags=re.I)


def _expression_span(span: Span) -> Span:
    """The span without a leading preposition/article or a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while end - start > 1 and doc[start].lower_ in LEADING_WORDS - {"the"}:
        start += 1
    if end - start > 1 and doc[end - 1].tag_ == "POS":
        end -= 1
    return doc[start:end]


def _candidate_spans(doc: Doc) -> list[Span]:
    """DATE/TIME entities, plus weekday and deictic words the model missed, in text order."""
    spans = [_expression_span(e) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    covered = {i for span in spans for i in range(span.start, span.end)}
    for token in doc:
        if token.i in covered:
            continue
        if token.text in WEEKDAYS or token.lower_ in ("today", "yesterday", "tomorrow"):
            spans.append(doc[token.i : token.i + 1])
            covered.add(token.i)
    spans += _time_word_spans(doc, covered)
    # "since" belongs to the expression: it turns a month into a range.
    extended = []
    for span in [part for whole in spans for part in _split_period_ended(whole)]:
        if span.start > 0 and doc[span.start - 1].lower_ in ("since", "between"):
            span = doc[span.start - 1 : span.end]
        joined = doc[span.end].lower_ in ("and", "to", "-", "–") if span.end < len(doc) else False
        if joined and span.end + 1 < len(doc) and doc[span.end + 1].like_num:
            span = doc[span.start : span.end + 2]
        extended.append(span)
    return _join_times_of_day(sorted(extended, key=lambda s: s.start))


def _join_times_of_day(spans: list[Span]) -> list[Span]:
    """A time of day and the day next to it as one expression ("noon" + "Thursday", "Friday"
    + "evening"), as the model sometimes tags them apart."""
    joined: list[Span] = []
    for span in spans:
        previous = joined[-1] if joined else None
        gap = span.doc[previous.end : span.start] if previous is not None else None
        if (
            previous is not None
            and gap is not None
            and all(t.is_punct for t in gap)
            and len(gap) <= 1
            and (time_of_day(previous.text) or time_of_day(span.text))
        ):
            joined[-1] = span.doc[previous.start : span.end]
            continue
        joined.append(span)
    return joined


MAX_TIME_WORDS = 3
TIME_UNITS_FILE = "data/time_units.tsv"
ORDINAL_WORD = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|\w+teenth|\w+ieth)$",
    re.I,
)


@cache
def time_units() -> dict[str, tuple[str, str]]:
    """Words that make a phrase a time, by word: (underspecified value, granularity)."""
    return {row["word"]: (row["value"], row["granularity"]) for row in data_table(TIME_UNITS_FILE)}


def _time_words_of(text: str) -> list[str]:
    words = re.findall(r"[a-z]+", text.lower())
    named = [w for w in words if w in MONTHS or w.capitalize() in WEEKDAYS or w in SEASONS]
    return named + [w for w in words if w in time_units()]


def is_time_phrase(text: str) -> bool:
    """Whether a phrase the model tags as a date names a time: a month, weekday, season, year
    or time unit, and is not an ordinal count ("a fifth night", "the 17th")."""
    words = text.split()
    if words and words[-1].lower() == "old" or "-old" in text.lower():
        return False  # an age ("37 years old", "a 136-year-old bank")
    has_year = any(re.fullmatch(r"(?:'\d0s|\d{4}s?)", w.strip(",.")) for w in words)
    if any(ORDINAL_WORD.match(w.strip(",.")) for w in words):
        return has_year or any(w in MONTHS for w in _time_words_of(text))
    return has_year or bool(_time_words_of(text))


def underspecified_value(text: str) -> tuple[str, str]:
    """The value of a time phrase whose value cannot be read, by its first time word: TimeML's
    X for each unknown digit ("the early years": PXY, "a later week": XXXX-WXX)."""
    units = time_units()
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in units:
            return units[word]
    return "XXXX-XX-XX", "unknown"


PERIOD_END_WORDS = frozenset({"ended", "ending"})
_WHOLE_PERIOD = re.compile(r"^(?:the |its |their )?(?:fiscal |full )?year$", re.I)


def _split_period_ended(span: Span) -> list[Span]:
    """A period and the day it ended as two expressions ("the quarter ended Sept. 30"), as
    TimeML marks them; any other span as it is."""
    for token in span[1:-1]:
        if token.lower_ in PERIOD_END_WORDS:
            return [span.doc[span.start : token.i], span.doc[token.i + 1 : span.end]]
    return [span]


def _ends_a_period(span: Span) -> bool:
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.lower_ in PERIOD_END_WORDS


def _time_word_spans(doc: Doc, covered: set[int]) -> list[Span]:
    """Phrases of the time-word table the model did not tag ("now", "recently", "the
    future"), longest first; not where the phrase modifies a noun ("the future president")."""
    table = time_words()
    spans: list[Span] = []
    i = 0
    while i < len(doc):
        for size in range(MAX_TIME_WORDS, 0, -1):
            span = doc[i : i + size]
            if len(span) < size or covered & set(range(span.start, span.end)):
                continue
            last = span[-1]
            modifies = last.dep_ in ("amod", "compound") and last.head.i > last.i
            if span.text.lower() in table and not modifies:
                spans.append(span)
                i += size - 1
                break
        i += 1
    return spans


def find_times(doc: Doc, published: date | None) -> list[TimeExpression]:
    """Time expressions of a parsed article with values anchored at the publication date."""
    times = []
    quarter = None  # the quarter the text last named: "the quarter" and "a year ago" refer to it
    for span in _candidate_spans(doc):
        text = span.text
        if _ends_a_period(span) and _WHOLE_PERIOD.match(text):
            value, granularity = "P1Y", "duration"  # "the year ended March 31": that year
        else:
            tense = expression_tense(span)
            value, granularity = parse_time_value(text, published, tense, quarter=quarter)
        quarter = named_quarter(text, value) or quarter
        if value is None and granularity == "unknown":
            if not is_time_phrase(text):
                continue  # ordinals the model tags as dates ("17th", "a fifth night")
            value, granularity = underspecified_value(text)
        times.append(
            TimeExpression(
                text=text,
                start=span.start_char,
                end=span.end_char,
                value=value,
                granularity=granularity,
            )
        )
    return times
