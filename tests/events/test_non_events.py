"""Words of event types used where no actor acts on another: senses a coder leaves uncoded."""

import pytest


def typed(report, word: str) -> list[str]:
    """The types of the events whose trigger is `word`."""
    return [e.type for e in report.events if e.trigger == word]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a danger to a common good, or one perceived, is no threat an actor makes
        (
            "The opposition said the mandate extension is a threat to the stability of Kenya.",
            "threat",
        ),
        (
            "Both face pressure from Russia, with threats to their territorial integrity.",
            "threats",
        ),
        ("Analysts said the allies perceive a growing threat from Beijing.", "threat"),
    ],
)
def test_danger_is_no_threat(run, text, word):
    assert "THREATEN" not in typed(run(text), word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("China's threat to Taiwan alarmed officials in Tokyo.", "threat"),
        ("The rebels issued a threat to the government on Monday.", "threat"),
        ("The Taliban threatened to break the ceasefire with NATO forces.", "threatened"),
    ],
)
def test_threat_made_by_an_actor_stays(run, text, word):
    assert "THREATEN" in typed(run(text), word)


@pytest.mark.parametrize(
    "text",
    [
        "The night train was traveling north from the capital when the storm began.",
        "More than 5,000 foreigners have traveled to Thailand this year for dental care.",
        "Women are barred from visiting parks and gyms in the province.",
        "Thousands of Somalis arrived in Kenya in 2011, fleeing the drought.",
        "Ukrainian refugees traveled to Poland last year.",
    ],
)
def test_journey_without_visitor_or_visited_is_no_visit(run, text):
    assert "CONSULT" not in [e.type for e in run(text).events]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("President Macron visited China in April.", "FRA", "CHN"),
        ("The Chinese foreign minister arrived in Manila on Monday.", "CHN", "PHL"),
        ('"I reiterate my readiness to travel to Kenya," the Turkish envoy said.', "TUR", "KEN"),
    ],
)
def test_visit_between_actors_stays(run, text, source, target):
    report = run(text)
    visits = [e for e in report.events if e.type == "CONSULT"]
    assert visits
    assert report.actor(visits[0].source[0]).country == source
    assert report.actor(visits[0].target[0]).country == target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Students stormed the ministry in Dhaka on Monday.", ("PROTEST", "riot")),
        ("Angry villagers attacked the police station in Kano.", ("PROTEST", "riot")),
        # armed violence, or violence by one person, is no riot
        (
            "Armed prisoners exchanged gunfire with guards at the prison in Kano.",
            ("ASSAULT", "firearms"),
        ),
        ("The farmer Ali Musa killed a soldier in Kano.", ("ASSAULT", None)),
    ],
)
def test_riot_is_unarmed_crowd_violence(run, text, expected):
    assert [(e.type, e.mode) for e in run(text).events][0] == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The man was sentenced in 2019 for the murder of two police officers.", "murder"),
        ("He was charged with kidnapping and attacking motorists.", "kidnapping"),
        ("He was charged with kidnapping and attacking motorists.", "attacking"),
        ("The driver pleaded guilty to attempted murder in Lagos.", "murder"),
    ],
)
def test_offence_of_a_charge_is_no_event_of_its_own(run, text, word):
    assert typed(run(text), word) == []


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("He was charged with kidnapping and attacking motorists.", "charged", "ACCUSE"),
        # an accusation keeps the act it names, as a claim
        ("The army accused the rebels of killing civilians.", "killing", "ASSAULT"),
        ("He is in charge of the offensive against the rebels.", "offensive", "ASSAULT"),
    ],
)
def test_charges_and_accusations_stay(run, text, word, kind):
    assert kind in typed(run(text), word)


@pytest.mark.parametrize(
    ("text", "promised"),
    [
        # a forecast of what an actor will do is the writer's, no statement of intent
        (
            "Analysts said it is unlikely that North Korea will come to the negotiating table.",
            False,
        ),
        ("The test makes it unlikely Washington will lift the sanctions on Turkey.", False),
        ("North Korea said it will come to the negotiating table.", True),
    ],
)
def test_forecast_is_no_statement_of_intent(run, text, promised):
    intents = [e for e in run(text).events if e.mode == "intent"]
    assert bool(intents) == promised


@pytest.mark.parametrize(
    "text",
    [
        "Thailand deported 173 to Turkey but sent 109 back to China.",
        "The five will be sent back to Syria after their sentences end.",
        "The government is sending them back to Syria.",
    ],
)
def test_people_sent_back_are_deported(run, text):
    sent = [e for e in run(text).events if e.trigger.startswith("sen")]
    assert [(e.type, e.mode) for e in sent] == [("COERCE", "deport")]


def test_things_sent_back_are_no_deportation(run):
    report = run("The parliament sent the bill back to the senate.")
    assert "COERCE" not in [e.type for e in report.events]


@pytest.mark.parametrize(
    ("text", "aid"),
    [
        ("Critics said this provision of the constitution could exclude minorities.", False),
        ("The provisions of the new charter give the president wide powers.", False),
        ("The provision of missiles to Kyiv by Germany angered Moscow.", True),
    ],
)
def test_provision_is_aid_only_with_what_it_provides(run, text, aid):
    assert ("AID" in typed(run(text), "provision") + typed(run(text), "provisions")) == aid


@pytest.mark.parametrize(
    ("text", "word", "source", "target"),
    [
        ("Iran has long provided support to Houthi rebels in Yemen.", "provided", "IRN", "YEM"),
        ("The European Union gives financial support to Ukraine.", "gives", None, "UKR"),
        ("Russia gave military support to the Syrian government.", "gave", "RUS", "SYR"),
        ("Washington's military support for Taiwan angered Beijing.", "support", "USA", "TWN"),
    ],
)
def test_support_provided_or_material_is_aid(run, text, word, source, target):
    report = run(text)
    aid = [e for e in report.events if e.type == "AID" and e.trigger == word]
    assert aid and "SUPPORT" not in [e.type for e in report.events]
    assert target in {report.actor(a).country for a in aid[0].target}
    assert source is None or source in {report.actor(a).country for a in aid[0].source}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Germany voiced support for the French proposal on Monday.", "voiced"),
        ("Japan pledged support for South Korea's efforts.", "pledged"),
        ("Britain and France signed an economic agreement in London.", "agreement"),
    ],
)
def test_support_declared_stays_support(run, text, word):
    assert typed(run(text), word) == ["SUPPORT"]


@pytest.mark.parametrize(
    "text",
    [
        "The country descended into violence after the disputed election.",
        "Police arrested the activist for inciting violence against the government.",
        "The court dropped charges related to the 2010 violence in the capital.",
        "The envoy called on the rebels and the army to reduce hostilities in the north.",
    ],
)
def test_violence_fallen_into_incited_charged_or_lowered_is_no_assault(run, text):
    assert "ASSAULT" not in [e.type for e in run(text).events]


def test_lowering_hostilities_is_a_de_escalation(run):
    report = run("The envoy called on the rebels and the army to reduce hostilities in the north.")
    assert typed(report, "reduce") == ["RETREAT"]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels unleashed violence against villagers in the north of Mali.",
        "The army has increased the violence against protesters in Yangon.",
    ],
)
def test_violence_done_by_an_actor_stays_assault(run, text):
    assert typed(run(text), "violence") == ["ASSAULT"]


def test_fronted_phrase_selects_no_sense_of_the_verb(run):
    report = run(
        "With the new tariffs, prices in the region would increase by ten percent, "
        "the minister said."
    )
    assert typed(report, "increase") == []


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("The United States will increase tariffs on Chinese steel.", "increase", "SANCTION"),
        ("This is the treaty from which Washington withdrew in 2019.", "withdrew", "RETREAT"),
    ],
)
def test_complements_still_select_the_verb_sense(run, text, word, kind):
    assert kind in typed(run(text), word)


@pytest.mark.parametrize(
    "text",
    [
        "Health officials urged people to wash their hands and stay at home.",
        '"We encourage everyone feeling sick to visit the nearest clinic," the minister said.',
        '"I want to thank everyone for their patience," the governor said.',
    ],
)
def test_advice_or_thanks_to_the_public_is_no_event(run, text):
    assert not {"REQUEST", "SUPPORT"} & {e.type for e in run(text).events}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The foundation is urging individuals and governments to sign the charter.", "urging"),
        ("The United Nations urged the government to release the prisoners.", "urged"),
        ("Police urged residents to leave the area before the storm.", "urged"),
        ("The president urged the Afghan people to support the peace process.", "urged"),
    ],
)
def test_request_of_an_actor_or_named_group_stays(run, text, word):
    assert typed(run(text), word) == ["REQUEST"]


@pytest.mark.parametrize(
    ("text", "consults"),
    [
        ("The ministry hired a new secretary of state for communication.", False),
        ("Prosecutors presented electronic communications found on his phone.", False),
        ("Seoul has kept communication with Pyongyang open since the summit.", True),
        ("Communication between the two militaries resumed in June.", True),
    ],
)
def test_communication_is_an_exchange_only_with_a_partner(run, text, consults):
    assert ("CONSULT" in [e.type for e in run(text).events]) is consults


@pytest.mark.parametrize(
    ("text", "cooperates"),
    [
        ("Without sharing details of the deal, officials said the army had left the town.", False),
        ("Britain agreed to share intelligence with Ukraine.", True),
    ],
)
def test_details_shared_are_no_cooperation(run, text, cooperates):
    assert ("COOPERATE" in [e.type for e in run(text).events]) is cooperates


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a flag march is a show of force; burning a flag is a protest
        ("Police staged a flag march in the old city of Hyderabad.", "MOBILIZE"),
        ("Protesters burned the Macedonian flag outside the embassy.", "PROTEST"),
    ],
)
def test_a_flag_marched_or_burned(run, sentence, expected):
    assert [e.type for e in run(sentence).events] == [expected]
