"""Event dates from the text, not the dateline: the clause's own time, else the telling and the
tense (README "Event dates"), on the real pipeline with texts written for the tests."""

from datetime import date

import pytest

from tidings.events.dating import before

WEDNESDAY = date(2025, 3, 5)  # the publication day of every text below unless said otherwise


def date_of(report, trigger):
    """The date value of the event a trigger word evokes (the last such event)."""
    events = [e for e in report.events if e.trigger == trigger]
    assert events, f"no event on {trigger!r}: {[e.trigger for e in report.events]}"
    found = events[-1].date
    return found.value if found else None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the clause's own time
        ("Rubio met Lavrov in Riyadh on Tuesday.", "met", "2025-03-04"),
        # the past with no time clue: on or before publication, not the publication day
        ("Iranian forces seized a foreign oil tanker in the Gulf.", "seized", "../2025-03-05"),
        ("Russia has deployed more troops to Belarus.", "deployed", "../2025-03-05"),
        # the present: the publication day
        ("Egypt and Qatar are mediating between Israel and Hamas.", "mediating", "2025-03-05"),
        ("Kyiv accuses Moscow of shelling the power plant.", "accuses", "2025-03-05"),
        # what one is accused of was done before
        ("Kyiv accuses Moscow of shelling the power plant.", "shelling", "../2025-03-05"),
        # something still going on is now
        ("Mali welcomed the ongoing withdrawal of French troops.", "withdrawal", "2025-03-05"),
        # "since": the range to publication
        ("Russia has launched 1,200 drones at Ukraine since February.", "launched", None),
    ],
)
def test_an_event_is_dated_by_its_clause_else_its_tense(run, text, trigger, expected):
    report = run(text, WEDNESDAY)
    if expected is None:  # the range "since February" ends on the publication day
        assert date_of(report, trigger) == "2025-02/2025-03-05"
    else:
        assert date_of(report, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Erdogan plans to visit Moscow.", "visit"),
        (
            "The European Union is considering sanctions against Minsk, two diplomats said.",
            "sanctions",
        ),
        ("The rebels would march on Goma if the army did not lay down its arms.", "lay"),
        ("Macron urged Iran to release the detained Europeans.", "release"),
    ],
)
def test_a_planned_possible_or_conditional_act_has_no_date_of_its_own(run, text, trigger):
    assert date_of(run(text, WEDNESDAY), trigger) is None


def test_a_planned_act_takes_the_time_of_its_own_clause_only(run):
    report = run("Erdogan will meet Putin in Sochi next week.", WEDNESDAY)
    assert date_of(report, "meet") == "2025-W11"
    # "Monday" dates the threat, not the strike it threatens
    report = run("On Monday Iran threatened to strike Israeli bases.", WEDNESDAY)
    assert date_of(report, "threatened") == "2025-03-03"
    assert date_of(report, "strike") is None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # an act reported by a speech verb the text dates happened by then
        (
            "Troops were sent to the border, the defence ministry said on Monday.",
            "sent",
            "../2025-03-03",
        ),
        (
            "Officials said on Monday that Hamas had agreed to release ten hostages.",
            "agreed",
            "../2025-03-03",
        ),
        # a state it reports held then
        ("On Monday the president said the army was on full alert.", "alert", "2025-03-03"),
        # "Monday's announcement" is the announcement's day, not the welcome's
        (
            "Lawmakers welcomed Monday's announcement that Kyiv had agreed to a truce.",
            "welcomed",
            "../2025-03-05",
        ),
        (
            "Lawmakers welcomed Monday's announcement that Kyiv had agreed to a truce.",
            "agreed",
            "../2025-03-03",
        ),
        # what came first: an "after" clause
        (
            "Authorities imposed a curfew on Friday after clashes killed dozens of students.",
            "killed",
            "../2025-02-28",
        ),
        # a deadline is no date of the act that set it
        ("ECOWAS has given the junta until Sunday to restore Bazoum.", "given", "../2025-03-05"),
        # a clause hanging on a time takes it
        (
            "The country descended into chaos in 2013, when rebels seized power in the capital.",
            "seized",
            "2013",
        ),
    ],
)
def test_an_act_told_in_relation_to_a_dated_one(run, text, trigger, expected):
    assert date_of(run(text, WEDNESDAY), trigger) == expected


def test_what_a_future_clause_speaks_of_is_done_what_it_plans_is_not(run):
    report = run(
        "The new sanctions will have consequences beyond the invasion of Ukraine.", WEDNESDAY
    )
    assert date_of(report, "invasion") == "../2025-03-05"
    assert date_of(run("A nuclear test could end the talks.", WEDNESDAY), "test") is None


def test_a_definite_event_noun_takes_the_date_of_the_same_event_told_elsewhere(run):
    report = run(
        "Gunmen attacked a hotel in Mogadishu on Tuesday. "
        "Al-Shabab later claimed responsibility for the attack.",
        WEDNESDAY,
    )
    assert date_of(report, "attack") == "2025-03-04"
    report = run(
        "Gunmen attacked a hotel in Mogadishu on Tuesday. Five guards were killed in the attack.",
        WEDNESDAY,
    )
    assert date_of(report, "killed") == "2025-03-04"


def test_the_present_of_a_quote_is_the_speakers(run):
    dated = run('"Russia is attacking our cities," Zelensky said on Monday.', WEDNESDAY)
    assert date_of(dated, "attacking") == "2025-03-03"
    undated = run('"Russia is attacking our cities," Zelensky said.', WEDNESDAY)
    assert date_of(undated, "attacking") == "../2025-03-05"


def test_an_open_interval_reads_on_or_before_a_day():
    assert before("2025-03-05").value == "../2025-03-05"
    assert before("2025-03-05").granularity == "before"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a quote gives the words of the statement the sentence before reports and dates
        (
            'Guterres condemned the raids on Monday. "The army continues to attack civilians," '
            "his spokesman said.",
            "attack",
            "2025-03-03",
        ),
        (
            '"We consider the withdrawal of foreign troops a good step," the Taliban leader said '
            "on Monday.",
            "withdrawal",
            "2025-03-03",
        ),
        # what will go on is going on when said
        (
            '"We will continue to support Ukraine," the minister said on Monday.',
            "support",
            "2025-03-03",
        ),
        # a present kept in indirect speech holds now; a perfect runs up to the words
        ("On Monday the minister said Russia is shelling Kharkiv.", "shelling", "2025-03-05"),
        ("On Monday the minister said Russia has been shelling Kharkiv.", "shelling", "2025-03-03"),
        (
            "The spokesman said on Monday that the U.N. must maintain sanctions currently in "
            "place.",
            "sanctions",
            "2025-03-05",
        ),
        # a time in an "after" clause is that clause's
        (
            "Officials are pleading with civilians to return home after fighting displaced "
            "thousands this week.",
            "pleading",
            "2025-03-05",
        ),
        # a conjunct with auxiliaries of its own does not take the other conjunct's time
        (
            "Talks opened in Doha last September and have mostly been deadlocked, with both "
            "sides accusing each other of delays.",
            "accusing",
            "../2025-03-05",
        ),
        # an act that failed happened before now, not later
        (
            "Lawmakers criticised Obama's failure to sell missiles to Turkey.",
            "sell",
            "../2025-03-05",
        ),
        # the discourse: an event subject takes the time of its ending
        (
            "The two sides have been at odds since talks failed at a summit held in February.",
            "talks",
            "2025-02",
        ),
        # "There," points back to the last dated occasion
        (
            "The talks failed at a summit held in Hanoi in February. There, Kim asked Trump for "
            "sanctions relief.",
            "asked",
            "2025-02",
        ),
        # the same event named before by another noun of its type, told of the same thing
        (
            "Saturday's blasts outside a school killed 60 people. Officials accused the rebels "
            "of plotting the attack on the school.",
            "attack",
            "2025-03-01",
        ),
        # a speaker's account goes on at the last past act it dated
        (
            '"Gunmen stormed the hotel on Monday. Two guards were killed," said lawmaker Ahmed '
            "Hassan.",
            "killed",
            "2025-03-03",
        ),
        # a bare "the attack" is the last event of its type told before it
        (
            "A strike on the consulate on Monday killed two guards. Iran blamed Israel for the "
            "attack.",
            "attack",
            "2025-03-03",
        ),
        # a noun of a kind refers to no one event told elsewhere
        (
            'Gunmen killed five villagers on Monday. "The killing of civilians is unacceptable," '
            "the spokesman said.",
            "killing",
            "../2025-03-05",
        ),
        # a relative clause making a dated thing
        (
            "The Taliban referred to the February 2020 pact the United States negotiated with "
            "them.",
            "negotiated",
            "2020-02",
        ),
    ],
)
def test_the_telling_and_the_discourse_date_an_event(run, text, trigger, expected):
    assert date_of(run(text, WEDNESDAY), trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            '"The rebels are not interested in talking to the government," the envoy said.',
            "talking",
        ),
        ('"A missile test is dangerous for Pyongyang," the analyst said.', "test"),
        ("Moscow made a proposal on Monday for the Council to lift sanctions.", "lift"),
        ("New sanctions against Turkey are awaiting ratification in Congress.", "sanctions"),
    ],
)
def test_a_prospect_a_kind_or_a_pending_act_has_no_date(run, text, trigger):
    assert date_of(run(text, WEDNESDAY), trigger) is None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a pronoun goes on with the scene the sentence before dated
        (
            "Rebels stormed the village of Kanyola in 2019. They burned the market and killed "
            "the chief.",
            "killed",
            "2019",
        ),
        # across an undated past sentence, and an agentless passive tells a result
        (
            "Gunmen ambushed a convoy near the border in January. The trucks stopped on a "
            "bridge. Four drivers were kidnapped.",
            "kidnapped",
            "2025-01",
        ),
        # a definite object refers back to the act just told
        (
            "At a summit held in Vienna in 2023, the envoy asked the minister for a truce. "
            "The minister rejected the request.",
            "rejected",
            "2023",
        ),
        # a past perfect came before the scene
        (
            "Rebels stormed the village of Kanyola in 2019. They had attacked the police post.",
            "attacked",
            "../2019",
        ),
    ],
)
def test_a_past_act_goes_on_at_the_time_the_narrative_has_reached(run, text, trigger, expected):
    assert date_of(run(text, WEDNESDAY), trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # nothing links the sentence to the one before: a new topic
        (
            "Rebels stormed the village of Kanyola in 2019. Soldiers shelled positions in Goma.",
            "shelled",
        ),
        # a present perfect ends the narrative
        (
            "Rebels stormed the village of Kanyola in 2019. The army has since returned. "
            "They attacked the police post.",
            "attacked",
        ),
        # acts repeated over time are no moment of the scene
        (
            "Okafor took over the border unit in 1998. The unit was famous for its raids on "
            "smugglers.",
            "raids",
        ),
        # the publication day is the news of the day, not a scene
        ("Rebels stormed the village of Kanyola on Wednesday. They killed the chief.", "killed"),
    ],
)
def test_a_past_act_takes_no_scene_unless_it_goes_on_with_a_dated_narrative(run, text, trigger):
    assert date_of(run(text, WEDNESDAY), trigger) == "../2025-03-05"


def test_an_act_done_in_the_saying_takes_the_time_of_the_saying(run):
    report = run(
        "The opposition rejected the election results, telling reporters on Monday that the "
        "count had been rigged.",
        WEDNESDAY,
    )
    assert date_of(report, "rejected") == "2025-03-03"


def test_a_time_in_a_gerund_with_its_own_object_dates_the_gerund(run):
    report = run("Kenya accused the rebels of attacking a convoy near Garissa in 2019.", WEDNESDAY)
    assert date_of(report, "attacking") == "2019"
    assert date_of(report, "accused") == "../2025-03-05"


def test_a_year_modifying_a_period_dates_the_act(run):
    text = "In the 2020 calendar year, the agency received $94 million from donors."
    assert date_of(run(text), "received") == "2020"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a "since" clause: from its time to publication
        (
            "No country has recognized the junta since it seized power in 2021.",
            "recognized",
            "2021/2025-03-05",
        ),
        # a "since" phrase with a gerund of its own
        (
            "Since gaining independence in 1960, Nigeria has received ten loans from the bank.",
            "received",
            "1960/2025-03-05",
        ),
        # a "since" phrase whose event noun a year dates
        (
            "Journalists have faced greater harassment since the 2023 election.",
            "harassment",
            "2023/2025-03-05",
        ),
    ],
)
def test_an_act_told_since_a_dated_clause_runs_from_then_to_publication(
    run, text, trigger, expected
):
    assert date_of(run(text, WEDNESDAY), trigger) == expected


def test_the_since_clause_keeps_its_own_time(run):
    report = run("No country has recognized the junta since it seized power in 2021.", WEDNESDAY)
    assert date_of(report, "seized") == "2021"


def test_a_day_modifying_another_noun_dates_that_noun_not_the_act(run):
    text = "The House voted 300-7, urging a probe of irregularities in the February 8 vote."
    assert date_of(run(text, WEDNESDAY), "urging") == "../2025-03-05"
    text = (
        "Lawmakers passed a resolution calling for a probe into fraud in Nigeria's February "
        "elections."
    )
    assert date_of(run(text, WEDNESDAY), "calling") == "../2025-03-05"


def test_a_day_modifying_the_occasion_of_the_act_dates_it(run):
    text = "In a February 28 statement, the ministry accused the rebels of looting."
    assert date_of(run(text, WEDNESDAY), "accused") == "2025-02-28"


def test_a_definite_event_noun_refers_back_before_it_refers_ahead(run):
    text = (
        "Islamic State commander Abu Khalid was killed on Thursday in an airstrike, Iraqi "
        "officials said. Prime Minister Sudani confirmed the killing of Abu Khalid in a post. "
        "On Friday his deputy was killed near Mosul."
    )
    assert date_of(run(text, WEDNESDAY), "killing") == "2025-02-27"


@pytest.mark.parametrize(
    "last",
    [
        # a bare "the attack": the last event of its type named before it
        "Kenyan officials believe the attack was a blunder by al-Shabab.",
        # a noun conjoined with it tells nothing of which attack it is
        "Kenya has long blamed the attack and the failed response on al-Shabab.",
    ],
)
def test_a_bare_event_noun_takes_the_date_of_the_last_event_of_its_type(run, last):
    text = (
        "Al-Shabab carried out the 2019 bombing of a Kenyan army base in Lamu. A court in "
        f"Nairobi opened a trial of three suspects on Monday. {last}"
    )
    assert date_of(run(text, WEDNESDAY), "attack") == "2019"


def test_the_same_act_done_to_the_same_named_person_takes_its_date(run):
    text = (
        "Gang leader Pierre Moise was killed in a gun battle with police on Friday, officials "
        'said. "He opened fire on a patrol. The police returned fire and Pierre Moise was '
        'killed," a spokesman told reporters.'
    )
    assert date_of(run(text, WEDNESDAY), "killed") == "2025-02-28"


def test_a_different_particle_is_a_different_act(nlp):
    from tidings.events.dating import _same_act
    from tidings.timex import find_times

    doc = nlp(
        "Thailand handed Ahmet Yusuf over to China on Friday. Later officials said Thailand "
        "had handed Ahmet Yusuf over to China."
    )
    times = find_times(doc, WEDNESDAY)
    later = [t for t in doc if t.lower_ == "handed"][-1]
    assert _same_act(later, times) is not None
    doc = nlp(
        "Thailand turned Ahmet Yusuf over to China on Friday. Later officials said Thailand "
        "had turned Ahmet Yusuf down for asylum."
    )
    later = [t for t in doc if t.lower_ == "turned"][-1]
    assert _same_act(later, find_times(doc, WEDNESDAY)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # days after a month: that month
        (
            "In February, militants attacked a convoy in Kalat, killing six soldiers. Days later, "
            "a roadside bomb killed 11 coal miners in the city.",
            "2025-02",
        ),
        # hours after a day: that day
        (
            "Rebels attacked the airport on Monday. Hours later, gunmen killed two guards at the "
            "port.",
            "2025-03-03",
        ),
        # months after a month: no longer that month
        (
            "In February, militants attacked a convoy in Kalat. Months later, a roadside bomb "
            "killed 11 coal miners in the city.",
            "../2025-03-05",
        ),
    ],
)
def test_an_act_a_short_while_later_falls_in_the_period_told_before(run, text, expected):
    assert date_of(run(text, WEDNESDAY), "killed") == expected


def test_a_bare_day_right_after_the_speech_verb_dates_the_speech(run):
    text = "Security sources said Monday an army operation killed 30 militants in Balochistan."
    assert date_of(run(text, WEDNESDAY), "killed") == "../2025-03-03"


def test_a_possessive_day_after_a_stance_verb_is_the_noun_s(run):
    text = "Lawmakers welcomed Monday's announcement that Ukraine had agreed to a ceasefire."
    assert date_of(run(text, WEDNESDAY), "welcomed") == "../2025-03-05"
