"""Time expressions are found and resolved against the publication date."""

from datetime import date

import pytest

from tidings.events.dating import event_date
from tidings.timex import find_times, is_time_phrase, parse_time_value, underspecified_value

WEDNESDAY = date(2025, 3, 5)


@pytest.mark.parametrize(
    ("text", "tense", "value", "granularity"),
    [
        ("Monday", "past", "2025-03-03", "day"),
        ("Wednesday", "past", "2025-03-05", "day"),
        ("Tuesday", "future", "2025-03-11", "day"),
        ("Wednesday", "future", "2025-03-05", "day"),
        ("yesterday", "past", "2025-03-04", "day"),
        ("this week", "present", "2025-W10", "week"),
        ("last month", "past", "2025-02", "month"),
        ("next year", "future", "2026", "year"),
        ("on March 3", "past", "2025-03-03", "day"),
        ("September 28", "past", "2024-09-28", "day"),
        ("28 September 2023", "past", "2023-09-28", "day"),
        ("in 2022", "past", "2022", "year"),
        ("since February", "present", "2025-02/2025-03-05", "range"),
        ("between March 1 and 4", "past", "2025-03-01/2025-03-04", "range"),
        ("nearly four years", "present", "P4Y", "duration"),
        ("two days ago", "past", "2025-03-03", "day"),
        ("the spring of 2024", "past", "2024-SP", "season"),
        ("February 30", "past", None, "day"),
        # years said in words, as broadcast transcripts write them
        ("the winter of nineteen ninety-four", "past", "1994-WI", "season"),
        ("January nineteen ninety-seven", "past", "1997-01", "month"),
        ("the year two thousand", "future", "2000", "year"),
        ("two thousand and five", "past", "2005", "year"),
        # decades are written by their first three digits
        ("the late 1970s", "past", "197", "decade"),
        ("the '80s", "past", "198", "decade"),
        ("the last half of the '80s", "past", "198", "decade"),
        ("the last decade", "past", "201", "decade"),
        # a weekend is the week it closes: the latest one in the past, the next one ahead
        ("over the weekend", "past", "2025-W09-WE", "week"),
        ("the weekend", "future", "2025-W10-WE", "week"),
        ("next weekend", "present", "2025-W10-WE", "week"),
        ("last weekend", "present", "2025-W09-WE", "week"),
    ],
)
def test_time_values_follow_the_documented_policy(text, tense, value, granularity):
    assert parse_time_value(text, WEDNESDAY, tense) == (value, granularity)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russian drones hit Odesa on Monday.", [("Monday", "2025-03-03")]),
        ("The ministers will meet on Friday in Doha.", [("Friday", "2025-03-07")]),
        ("Officials said on Wednesday that the talks had stalled.", [("Wednesday", "2025-03-05")]),
        ("Protests have continued since February.", [("since February", "2025-02/2025-03-05")]),
        # a subordinate clause's plan does not make its parent future
        ("Officials said on Tuesday the ministry intends to appeal.", [("Tuesday", "2025-03-04")]),
        # a passive in the past is past
        ("The envoy was received on Friday by the king.", [("Friday", "2025-02-28")]),
        # a past perfect wins over the plan it reports
        ("The ceasefire had been due to expire on Friday.", [("Friday", "2025-02-28")]),
        # "is to" + infinitive lies ahead
        ("The talks are to resume in Geneva on Monday.", [("Monday", "2025-03-10")]),
    ],
)
def test_weekday_direction_comes_from_the_clause_tense(nlp, sentence, expected):
    times = find_times(nlp(sentence), WEDNESDAY)
    assert [(t.text, t.value) for t in times] == expected


def test_offsets_point_at_the_expression(nlp):
    text = "The summit is scheduled for June 12 in Geneva."
    (time,) = find_times(nlp(text), WEDNESDAY)
    assert text[time.start : time.end] == "June 12"
    assert time.value == "2025-06-12"


def test_no_publication_date_leaves_relative_times_unanchored(nlp):
    (time,) = find_times(nlp("The envoy arrived on Monday."), None)
    assert time.value is None


@pytest.mark.parametrize(
    ("text", "value", "granularity"),
    [
        ("more than three years ago", "2022", "year"),
        ("the previous 48 hours", "PT48H", "duration"),
        ("a 90-day truce", None, "unknown"),
        ("90-day", "P90D", "duration"),
        ("18-month", "P18M", "duration"),
        ("five hours later", "PT5H", "duration"),
        ("several weeks", "PXW", "duration"),
        ("since January 9", "2025-01-09/2025-03-05", "range"),
        ("since June 30, 2024", "2024-06-30/2025-03-05", "range"),
        ("February 10 to 12", "2025-02-10/2025-02-12", "range"),
        ("February 10 and 11", "2025-02-10/2025-02-11", "range"),
        ("the end of the year", "2025", "year"),
        ("the start of next month", "2025-04", "month"),
        ("mid-January", "2025-01", "month"),
        ("earlier this month", "2025-03", "month"),
        ("late 2023", "2023", "year"),
    ],
)
def test_approximations_parts_and_offsets(text, value, granularity):
    assert parse_time_value(text, WEDNESDAY, "past") == (value, granularity)


def test_ordinals_tagged_as_dates_are_not_times(nlp):
    doc = nlp("The bloc adopted its 19th package and protests went on for a fourth night.")
    assert find_times(doc, WEDNESDAY) == []


def test_a_participle_clause_is_past(nlp):
    doc = nlp("Lavrov told CBS in an interview broadcast on Sunday that talks would go on.")
    assert [t.value for t in find_times(doc, WEDNESDAY)] == ["2025-03-02"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("since the start of the year", "2025/2025-03-05"),
        ("since the end of last month", "2025-02/2025-03-05"),
        ("from 2014 to 2016", "2014/2016"),
    ],
)
def test_ranges_from_periods_and_years(text, value):
    assert parse_time_value(text, WEDNESDAY, "past")[0] == value


def test_a_deadline_set_in_the_present_perfect_lies_ahead(nlp):
    doc = nlp("The bloc has given the generals until Saturday to free the president.")
    assert [t.value for t in find_times(doc, WEDNESDAY)] == ["2025-03-08"]


def test_a_deadline_in_the_simple_past_stays_past(nlp):
    doc = nlp("The talks went on until Saturday.")
    assert [t.value for t in find_times(doc, WEDNESDAY)] == ["2025-03-01"]


LAST_DAY = date(9999, 12, 31)  # a Friday, and a common database placeholder
FIRST_DAY = date(1, 1, 1)  # a Monday


@pytest.mark.parametrize(
    ("text", "published", "tense", "value"),
    [
        ("next week", LAST_DAY, "future", None),
        ("tomorrow", LAST_DAY, "future", None),
        ("next month", LAST_DAY, "future", None),
        ("next year", LAST_DAY, "future", None),
        ("Saturday", LAST_DAY, "future", None),
        ("the start of next month", LAST_DAY, "future", None),
        ("yesterday", LAST_DAY, "past", "9999-12-30"),
        ("this week", LAST_DAY, "present", "9999-W52"),
        ("yesterday", FIRST_DAY, "past", None),
        ("last week", FIRST_DAY, "past", None),
        ("last month", FIRST_DAY, "past", None),
        ("last year", FIRST_DAY, "past", None),
        ("three years ago", FIRST_DAY, "past", None),
        ("two days ago", FIRST_DAY, "past", None),
        ("Friday", FIRST_DAY, "past", None),
        ("since Monday", FIRST_DAY, "past", None),
        ("since last month", FIRST_DAY, "past", None),
        ("September 28", FIRST_DAY, "past", None),
        ("tomorrow", FIRST_DAY, "future", "0001-01-02"),
    ],
)
def test_dates_past_the_ends_of_the_calendar_stay_unresolved(text, published, tense, value):
    assert parse_time_value(text, published, tense)[0] == value


def test_relative_times_at_the_calendar_edge_do_not_raise(nlp):
    doc = nlp("Ministers will meet next week. Rebels attacked the town yesterday.")
    assert [t.value for t in find_times(doc, LAST_DAY)] == [None, "9999-12-30"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("in recent years", "PAST_REF"),
        ("the near future", "FUTURE_REF"),
        ("in the coming months", "FUTURE_REF"),
    ],
)
def test_present_past_and_future_references(text, value):
    assert parse_time_value(text, WEDNESDAY, "present") == (value, "reference")


def test_reference_words_the_model_misses_are_found(nlp):
    doc = nlp("The ceasefire is now holding, though shelling recently resumed near the border.")
    found = [(t.text, t.value) for t in find_times(doc, WEDNESDAY)]
    assert found == [("now", "PRESENT_REF"), ("recently", "PAST_REF")]


def test_a_time_word_modifying_a_noun_is_no_time(nlp):
    doc = nlp("The future government must hold elections.")
    assert find_times(doc, WEDNESDAY) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the first quarter", "2025-Q1"),
        ("the third quarter", "2024-Q3"),  # not yet begun in March: last year's
        ("third-quarter", "2024-Q3"),
        ("the second quarter of 2022", "2022-Q2"),
        ("the fiscal first quarter", "2025-Q1"),
        ("last year's fourth quarter", "2024-Q4"),
        ("the first half of 2023", "2023-H1"),
        ("the quarter", "2024-Q4"),  # none named: the last one ended
        ("fiscal 2024", "2024"),
        ("the current fiscal year", "2025"),
        ("a year earlier", "2024"),
    ],
)
def test_quarters_halves_and_fiscal_periods(text, value):
    assert parse_time_value(text, WEDNESDAY, "past")[0] == value


def test_the_quarter_in_focus_anchors_the_year_ago_period(nlp):
    doc = nlp(
        "The airline said profit doubled in the second quarter. A year earlier it lost money, "
        "and revenue in the year-ago quarter was lower. The quarter ended June 30."
    )
    found = [(t.text, t.value) for t in find_times(doc, date(2025, 8, 6))]
    assert found == [
        ("the second quarter", "2025-Q2"),
        ("A year earlier", "2024-Q2"),
        ("the year-ago quarter", "2024-Q2"),
        ("The quarter", "2025-Q2"),
        ("June 30", "2025-06-30"),
    ]


def test_the_year_ended_on_a_day_is_a_year_long(nlp):
    doc = nlp("The utility earned $2 million in the fiscal year ended March 31.")
    found = [(t.text, t.value) for t in find_times(doc, date(2025, 6, 2))]
    assert found == [("the fiscal year", "P1Y"), ("March 31", "2025-03-31")]


def test_a_found_time_whose_value_cannot_be_read_is_kept_underspecified(nlp):
    doc = nlp("Fighting raged through the early years of the war.")
    found = [(t.text, t.value, t.granularity) for t in find_times(doc, WEDNESDAY)]
    assert found == [("the early years", "PXY", "duration")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the early years", ("PXY", "duration")),
        ("a later week", ("XXXX-WXX", "unknown")),
        ("that evening", ("XXXX-XX-XXTEV", "time")),
    ],
)
def test_underspecified_values_keep_what_the_phrase_says(text, value):
    assert underspecified_value(text) == value


@pytest.mark.parametrize(
    ("text", "is_time"),
    [
        ("the early years", True),
        ("the late 1970s", True),
        ("a fifth night", False),
        ("17th", False),
        ("37 years old", False),
        ("a 90-year-old", False),
        ("49", False),
    ],
)
def test_ordinals_ages_and_bare_numbers_are_not_times(text, is_time):
    assert is_time_phrase(text) is is_time


@pytest.mark.parametrize(
    ("text", "value", "granularity"),
    [
        ("nearly forty years", "P40Y", "duration"),
        ("the last twenty-four hours", "PT24H", "duration"),
        ("a couple of years", "P2Y", "duration"),
        ("almost a hundred years", "P100Y", "duration"),
        ("two decades", "P20Y", "duration"),
        ("ten minutes", "PT10M", "duration"),
        # a number is a number, whatever stands around it
        ("at least 30 days", "P30D", "duration"),
        ("eight trading days", "P8D", "duration"),
        ("the first nine months of 2024", "P9M", "duration"),
        ("the latest nine months", "P9M", "duration"),
        ("at least the past 18 months", "P18M", "duration"),
        ("each of the past three years", "P3Y", "duration"),
        ("the next two years or so", "P2Y", "duration"),
        ("the next couple of years", "P2Y", "duration"),
        ("the next year or so", "2026", "year"),
        # ISO 8601 durations have no quarter
        ("the next three quarters", "P9M", "duration"),
        ("recent quarters", "PXM", "duration"),
        ("in recent months", "PXM", "duration"),
        ("recent weeks", "PXW", "duration"),
        ("every week", "P1W", "set"),
        ("each year", "P1Y", "set"),
        ("six weeks ago", "2025-W04", "week"),
        ("several years ago", "PAST_REF", "reference"),
    ],
)
def test_durations_in_words_sets_and_dates_back_from_now(text, value, granularity):
    assert parse_time_value(text, WEDNESDAY, "past") == (value, granularity)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the first three months of the year", "2025-Q1"),
        ("the first six months of 2024", "2024-H1"),
    ],
)
def test_months_counted_from_the_year_edge_are_its_quarter_or_half(text, value):
    assert parse_time_value(text, WEDNESDAY, "past")[0] == value


@pytest.mark.parametrize(
    ("text", "tense", "value", "granularity"),
    [
        ("last June", "past", "2024-06", "month"),
        ("last February", "past", "2025-02", "month"),  # the latest before this month
        ("this September", "future", "2025-09", "month"),
        ("January this year", "past", "2025-01", "month"),
        ("June last year", "past", "2024-06", "month"),
        ("last Friday", "past", "2025-02-28", "day"),
        ("last Wednesday", "past", "2025-02-26", "day"),
        ("next Monday", "future", "2025-03-10", "day"),
        ("Saturday, April 25", "future", "2025-04-25", "day"),
        ("this morning", "past", "2025-03-05TMO", "time"),
        ("last night", "past", "2025-03-04TNI", "time"),
        ("Sunday night", "past", "2025-03-02TNI", "time"),
        ("10 p.m. Tuesday", "past", "2025-03-04T22:00", "time"),
        ("noon Monday", "past", "2025-03-03T12:00", "time"),
    ],
)
def test_months_and_weekdays_with_modifiers_and_times_of_day(text, tense, value, granularity):
    assert parse_time_value(text, WEDNESDAY, tense) == (value, granularity)


def test_a_time_of_day_tagged_apart_from_its_day_is_one_expression(nlp):
    doc = nlp("The ceasefire took effect at noon Monday, the army said.")
    assert [(t.text, t.value) for t in find_times(doc, WEDNESDAY)] == [
        ("noon Monday", "2025-03-03T12:00")
    ]


def test_an_event_at_a_time_of_day_is_dated_to_its_day(nlp):

    doc = nlp("Rebels attacked the base at noon Monday.")
    times = find_times(doc, WEDNESDAY)
    trigger = next(t for t in doc if t.lemma_ == "attack")
    dated = event_date(trigger, [], times, WEDNESDAY)
    assert (dated.value, dated.granularity) == ("2025-03-03", "day")


NOVEMBER = date(2025, 11, 5)


@pytest.mark.parametrize(
    ("text", "published", "tense", "value"),
    [
        ("last fall", WEDNESDAY, "past", "2024-FA"),
        ("last spring", date(2025, 10, 8), "past", "2024-SP"),
        ("this past summer", WEDNESDAY, "past", "2024-SU"),
        ("this past spring", date(2025, 10, 8), "past", "2025-SP"),
        ("next winter", WEDNESDAY, "future", "2026-WI"),
    ],
)
def test_last_and_next_seasons_are_those_of_the_year_before_and_after(
    text, published, tense, value
):
    assert parse_time_value(text, published, tense) == (value, "season")


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # a present clause: a month more than seven months back is next year's
        ("The board meets again in February.", NOVEMBER, ("February", "2026-02")),
        ("The dividend is payable Jan. 2 to holders.", NOVEMBER, ("Jan. 2", "2026-01-02")),
        # a cue between the date and its verb: the date is the office's, ahead
        ("The bank created a new office, effective Feb. 1.", NOVEMBER, ("Feb. 1", "2026-02-01")),
        # a deadline set in the present perfect lies ahead
        ("Lenders have extended the loans through February.", NOVEMBER, ("February", "2026-02")),
        # a bare participle or a noun of the cue list announces no plan
        ("The index stayed below the peak set on Aug. 6.", WEDNESDAY, ("Aug. 6", "2024-08-06")),
        (
            "The company announced the plan on Aug. 21.",
            date(2025, 10, 29),
            ("Aug. 21", "2025-08-21"),
        ),
    ],
)
def test_yearless_dates_take_the_year_their_clause_points_to(nlp, sentence, published, expected):
    times = find_times(nlp(sentence), published)
    assert [(t.text, t.value) for t in times] == [expected]


def test_a_weekend_in_a_past_clause_is_the_one_before_publication(nlp):
    times = find_times(nlp("The ministers met in Doha over the weekend."), WEDNESDAY)
    assert [(t.text, t.value) for t in times] == [("the weekend", "2025-W09-WE")]
