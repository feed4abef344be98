"""Judgements a speaker states of another actor or of what it did: criticism and disapproval
(CAMEO 11, PLOVER ACCUSE), read from sentences written for the tests."""

import pytest

from tests.events.test_events import events_of


def accusations(report):
    """(trigger, source codes, target codes) of each ACCUSE event."""
    codes = {a.id: a.country or a.affiliation or a.name for a in report.actors}
    return [
        (e.trigger, sorted(codes[i] for i in e.source), sorted(codes[i] for i in e.target))
        for e in report.events
        if e.type == "ACCUSE"
    ]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        # an act or decision judged, whoever did it unnamed: the speaker disapproves of it
        (
            "Ethiopian Foreign Minister Gedu Andargachew said the new ruling was unconstitutional.",
            "unconstitutional",
            ["ETH"],
        ),
        (
            "“This verdict is unjust,” Nigerian Justice Minister Lateef Fagbemi said.",
            "unjust",
            ["NGA"],
        ),
        # a predicate noun naming a decision, its adjective the judgement
        (
            "“It is a reckless move,” Nigerian Justice Minister Lateef Fagbemi said.",
            "reckless",
            ["NGA"],
        ),
        # "it" or "this" in a speaker's words points at what was done
        (
            "“It was so untimely,” Nigerian Justice Minister Lateef Fagbemi said.",
            "untimely",
            ["NGA"],
        ),
        # an act that sends a bad signal is judged by it
        (
            "Nigerian Justice Minister Lateef Fagbemi said the detention of the editor sent a "
            "chilling message.",
            "chilling",
            ["NGA"],
        ),
        # a merit denied judges as its opposite does
        (
            "Ethiopian Foreign Minister Gedu Andargachew said the vote was not fair.",
            "fair",
            ["ETH"],
        ),
        # coordinated predicates: any of them may judge
        (
            "“The expulsion of the reporters is hasty, unfair and cruel,” Nigerian Justice "
            "Minister Lateef Fagbemi said.",
            "unfair",
            ["NGA"],
        ),
    ],
)
def test_judging_an_act_disapproves_of_whoever_did_it(run, text, trigger, source):
    found = accusations(run(text))
    assert [(t, s) for t, s, _ in found] == [(trigger, source)]


def test_a_judged_act_falls_on_its_doer_not_on_the_one_it_befell(run):
    found = accusations(
        run("Polish Foreign Minister Radoslaw Sikorski said Belarus's arrest of the "
            "reporter was illegal.")
    )  # fmt: skip
    assert found == [("illegal", ["POL"], ["BLR"])]


@pytest.mark.parametrize(
    "text",
    [
        # a situation or the weather is no act: judging it accuses nobody
        "Ethiopian Foreign Minister Gedu Andargachew said the situation was dangerous.",
        "Ethiopian Foreign Minister Gedu Andargachew said the weather was horrific.",
        # a risk to someone is no judgement of the act
        "Ethiopian Foreign Minister Gedu Andargachew said the test was dangerous for Eritrea.",
        # a merit granted is no criticism
        "Ethiopian Foreign Minister Gedu Andargachew said the vote was fair.",
        # a clause judged with "it" is the speaker's hedge, not something done
        "“It would be wrong to assume the worst,” Nigerian Justice Minister Lateef Fagbemi said.",
        "“It is not appropriate to comment,” Nigerian Justice Minister Lateef Fagbemi said.",
        # the writer's own judgement is no event
        "The ruling was unconstitutional.",
    ],
)
def test_judging_a_situation_a_risk_or_in_the_writers_voice_is_no_accusation(run, text):
    assert accusations(run(text)) == []


def test_judging_another_actor_still_targets_it(run):
    found = events_of(run("Pakistan said India's claims were baseless."))
    assert ("ACCUSE", ["PAK"], ["IND"], "asserted") in found


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # dismay at an act is aimed at its doer, or at no one when the text names none
        ("Norway was troubled by the passage of the new law.", ["NOR"], []),
        ("Norway is deeply disappointed by Ethiopia's decision.", ["NOR"], ["ETH"]),
        # a clause says whom the dismay is about
        ("Norway is concerned that Ethiopia expelled the aid workers.", ["NOR"], ["ETH"]),
        # said of nothing, by a speaker, it is about what the story tells of
        ("“We are deeply concerned,” Norwegian Foreign Minister Espen Barth Eide said.",
         ["NOR"], []),
    ],
)  # fmt: skip
def test_dismay_at_an_act_or_at_nothing_said_is_disapproval(run, text, source, target):
    found = accusations(run(text))
    assert [(s, t) for _, s, t in found] == [(source, target)]


@pytest.mark.parametrize(
    "text",
    [
        "Residents are concerned about the floods.",
        "Norway is concerned for the safety of its citizens.",
        "Farmers were disappointed by the harvest.",
    ],
)
def test_dismay_at_a_thing_or_for_someone_is_no_accusation(run, text):
    assert accusations(run(text)) == []


def demands(report):
    """(source codes, target codes, modality) of each REQUEST event."""
    codes = {a.id: a.country or a.affiliation or a.name for a in report.actors}
    return [
        (sorted(codes[i] for i in e.source), sorted(codes[i] for i in e.target), e.modality.value)
        for e in report.events
        if e.type == "REQUEST"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the speaker demands in the quote's own words
        "The Philippine foreign secretary spoke in Manila. “Vietnam must stop the attacks. "
        "We must defend our waters,” Foreign Secretary Enrique Manalo said.",
        # a demand not to act is still a demand made
        "“Vietnam shouldn’t send more ships,” Philippine Foreign Secretary Enrique Manalo said.",
    ],
)
def test_an_obligation_in_quoted_words_is_the_speakers_demand(run, text):
    assert demands(run(text)) == [(["PHL"], ["VNM"], "asserted")]


def test_a_modal_of_inference_is_no_demand(run):
    text = "Philippine Foreign Secretary Enrique Manalo said Vietnam must have sent the ships."
    assert demands(run(text)) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # dismay at a situation, told to an outlet: the words are the act, not a claim it reports
        (
            "“I am deeply concerned with the mutiny,” U.N. envoy Helen La Lime told VOA.",
            ["UN"],
        ),
        ("The Norwegian Foreign Ministry shares that concern.", ["NOR"]),
        ("Amnesty International echoed those concerns.", ["AMNESTY"]),
    ],
)
def test_stating_or_sharing_dismay_at_a_situation_is_disapproval(run, text, source):
    report = run(text)
    found = [
        (s, e.modality.value)
        for e, (_, s, _) in zip(
            (e for e in report.events if e.type == "ACCUSE"), accusations(report), strict=True
        )
    ]
    assert found == [(source, "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "Farmers in Kenya are worried about the drought.",
        "Kenyan residents are concerned about the situation in the camps.",
    ],
)
def test_dismay_at_a_misfortune_or_by_private_people_is_no_accusation(run, text):
    assert accusations(run(text)) == []


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Amnesty International said Thailand violated its treaty obligations.", "said", ["THA"]),
        (
            "Human Rights Watch says Ethiopian forces committed grave abuses in Tigray.",
            "says",
            ["ETH"],
        ),
        (
            "The U.N. said the abuse of detainees by Libyan guards may amount to war crimes.",
            "said",
            ["LBY"],
        ),
    ],
)
def test_saying_another_actor_did_wrong_is_an_accusation(run, text, trigger, target):
    found = accusations(run(text))
    assert [(t, s) for t, _, s in found if t == trigger] == [(trigger, target)]


@pytest.mark.parametrize(
    "text",
    [
        "Ethiopian officials said the army killed five militants in Tigray.",
        "The Ethiopian army said it had not violated the ceasefire.",
        "Amnesty International alleged that Thailand violated its treaty obligations.",
    ],
)
def test_a_plain_report_a_denial_or_a_verb_of_accusing_adds_no_allegation(run, text):
    found = accusations(run(text))
    assert [t for t, _, _ in found if t in ("said", "says")] == []
    assert len([t for t, _, _ in found if t == "alleged"]) <= 1


def stances(report):
    """(trigger, type, source codes, target codes, modality) of each event."""
    codes = {a.id: a.country or a.affiliation or a.name for a in report.actors}
    return [
        (
            e.trigger,
            e.type,
            sorted(codes[i] for i in e.source),
            sorted(codes[i] for i in e.target),
            e.modality,
        )
        for e in report.events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the copula's subject holds the stand; the preposition's object is its target
        (
            "The Hungarian government has been increasingly critical of the European Commission.",
            ("critical", "ACCUSE", ["HUN"], ["EC"], "asserted"),
        ),
        (
            "Turkey is opposed to the Swedish bid.",
            ("opposed", "ACCUSE", ["TUR"], ["SWE"], "asserted"),
        ),
        # the maker of a document holds the stand its document takes
        (
            "Amnesty International published a report highly critical of the Egyptian government.",
            ("critical", "ACCUSE", ["AMNESTY"], ["EGY"], "asserted"),
        ),
        (
            "We are supportive of Ukraine, the Polish defense minister said.",
            ("supportive", "SUPPORT", ["POL"], ["UKR"], "asserted"),
        ),
        (
            "Kenyan opposition lawmakers were not critical of President William Ruto.",
            ("critical", "ACCUSE", ["KEN"], ["KEN"], "negated"),
        ),
    ],
)
def test_a_stand_told_by_an_adjective_is_an_event(run, text, expected):
    assert expected in stances(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "It was a critical moment for Germany.",  # no preposition: no stand
        "Training would be in Moscow, as opposed to decades of American training.",
    ],
)
def test_an_adjective_without_its_stand_is_no_event(run, text):
    assert [e for e in run(text).events if e.type == "ACCUSE"] == []


def test_a_verb_with_its_own_object_keeps_its_reading(run):
    """'to that end' is no stand's preposition when the verb has an object."""
    report = run("The United States opposes Chinese expansion and, to that end, arms Vietnam.")
    assert ("opposes", "ACCUSE", ["USA"], ["CHN"], "asserted") in stances(report)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Serbian President Aleksandar Vucic railed against the European Union on Monday.",
            ("railed", "ACCUSE", ["SRB"], ["EU"], "asserted"),
        ),
        (
            "The Kenyan opposition pushed for a new election.",
            ("pushed", "REQUEST", ["KEN"], ["KEN"], "asserted"),
        ),
    ],
)
def test_verbs_of_criticism_and_advocacy(run, text, expected):
    assert expected in stances(run(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "call for X to act": a request to the clause's subject
        (
            "Germany called for Russia to withdraw its troops from Ukraine.",
            ("called", "REQUEST", ["DEU"], ["RUS"], "asserted"),
        ),
        # wanting another actor to act is a demand on it
        (
            "The European Union wants Serbia to recognise Kosovo.",
            ("wants", "REQUEST", ["EU"], ["SRB"], "asserted"),
        ),
    ],
)
def test_a_clause_saying_what_another_is_to_do_is_a_request(run, text, expected):
    found = stances(run(text))
    assert expected in found
    # the act asked for is an event of its own, hypothetical
    assert {e[4] for e in found if e[0] != expected[0]} == {"hypothetical"}


@pytest.mark.parametrize(
    "text",
    [
        "Vietnam wants peace.",  # a thing wanted asks no one
        "The party lets them go only where it wants them to go.",  # a place wanted
    ],
)
def test_wanting_a_thing_or_a_place_is_no_request(run, text):
    assert [e for e in run(text).events if e.type == "REQUEST"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan senator said the government needs to release the activists.",
        "Kenyan Senator Okiya Omtatah said the government has to release the activists.",
    ],
)
def test_needing_or_having_to_act_is_a_demand_and_the_act_not_done(run, text):
    report = run(text)
    assert (["KEN"], ["KEN"], "asserted") in demands(report)
    assert {e.modality.value for e in report.events if e.type != "REQUEST"} == {"hypothetical"}


@pytest.mark.parametrize(
    "text",
    [
        # an obligation only foreseen is no demand
        "Yoon Suk Yeol said Japan may have to consider developing its own weapons.",
        # a thing needed is no act demanded
        "Japanese Prime Minister Shigeru Ishiba said Taiwan needs more drones.",
    ],
)
def test_a_foreseen_obligation_or_a_need_is_no_demand(run, text):
    assert demands(run(text)) == []


def test_an_obligation_in_the_past_was_met(run):
    report = run("Congolese troops had to withdraw from Goma.")
    assert [e.modality.value for e in report.events if e.type == "RETREAT"] == ["asserted"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Amid concerns over Chinese military drills, Japan raised its defense budget.",
            "concerns",
        ),
        ("There is mounting frustration in Ankara with Washington over the sale.", "frustration"),
        ("The vote came amid anger at the Russian government's decision.", "anger"),
    ],
)
def test_a_noun_of_dismay_at_an_actor_is_disapproval(run, text, word):
    assert "ACCUSE" in [e.type for e in run(text).events if e.trigger == word]


@pytest.mark.parametrize(
    "text",
    [
        "Amid concerns over rising food prices, the central bank raised interest rates.",
        "There is growing frustration with the slow internet in rural Kenya.",
        "There was anger at the weather in Kenya after the harvest failed.",
    ],
)
def test_a_noun_of_dismay_at_no_actor_is_no_event(run, text):
    assert "ACCUSE" not in [e.type for e in run(text).events]


def test_a_voiced_dismay_is_one_event_on_its_verb(run):
    report = run(
        "The European Union expressed concern over Uganda's arrest of the opposition leader."
    )
    accusations = [e for e in report.events if e.type == "ACCUSE"]
    assert [e.trigger for e in accusations] == ["expressed"]


@pytest.mark.parametrize(
    "text",
    [
        "Ishiba sees the need to protect Taiwan from China.",
        '"This underscores the need for the Haitian government to reform its police," '
        "the U.S. spokesperson said.",
    ],
)
def test_the_need_for_an_act_is_a_demand(run, text):
    assert "REQUEST" in [e.type for e in run(text).events if e.trigger == "need"]


@pytest.mark.parametrize(
    "text",
    [
        "There is an urgent need for food aid in Sudan.",
        "The Kenyan minister said there was no need to panic.",
        "The report underscores the need for the Haitian government to reform its police.",
    ],
)
def test_a_need_for_a_thing_or_told_by_the_writer_is_no_demand(run, text):
    assert "REQUEST" not in [e.type for e in run(text).events if e.trigger == "need"]
