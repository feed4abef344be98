"""More words of event types in senses a coder leaves uncoded, beside the senses that stay."""

import pytest


def typed(report, word: str) -> list[str]:
    """The types of the events whose trigger is `word`."""
    return [e.type for e in report.events if e.trigger == word]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Seoul and Tokyo will focus on the nuclear threat from Pyongyang.", "threat"),
        ("Officials said terrorist threats in the region keep growing.", "threats"),
        ("The minister said the country faces a serious security threat.", "threat"),
        ("If missile threats escalate, the alliance will need new plans.", "threats"),
    ],
)
def test_threat_named_by_its_kind_of_danger_is_no_threat(run, text, word):
    assert "THREATEN" not in typed(run(text), word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Hamas issued new threats against Israel on Monday.", "threats"),
        ("Putin renewed his threats to use nuclear weapons against Ukraine.", "threats"),
        ("The rebels' threats to attack the capital alarmed diplomats.", "threats"),
    ],
)
def test_threat_an_actor_makes_stays(run, text, word):
    assert "THREATEN" in typed(run(text), word)


def test_danger_threat_leaves_the_attacks_it_names(run):
    report = run("Refugees fear the ongoing threat of terrorist attacks by al-Shabab in Somalia.")
    assert "THREATEN" not in typed(report, "threat")
    assert "ASSAULT" in typed(report, "attacks")


@pytest.mark.parametrize(
    "text",
    [
        "Al Jazeera spoke with the two ministers after the vote.",
        "In a conversation with journalists, the governor said the port would reopen.",
        "The envoy briefed reporters via videoconference from Nairobi.",
        "Zelenskyy spoke with the BBC about the front line.",
    ],
)
def test_talk_with_the_press_is_no_consultation(run, text):
    assert "CONSULT" not in [e.type for e in run(text).events]


@pytest.mark.parametrize(
    "text",
    [
        "I am not talking about students, I am talking about criminals.",
        "The new charter also talks about security guarantees for Kyiv.",
        "Trump talked about tariffs at a rally in Ohio.",
    ],
)
def test_talking_without_a_partner_is_no_consultation(run, text):
    assert "CONSULT" not in [e.type for e in run(text).events]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Macron talked with Putin about Ukraine on Monday.", "talked"),
        ("Biden and Xi talked about trade for two hours.", "talked"),
        ("The two leaders talked about the border on Friday.", "talked"),
        ("The Kenyan minister spoke with her Somali counterpart by phone.", "spoke"),
    ],
)
def test_talking_with_a_partner_stays_a_consultation(run, text, word):
    assert "CONSULT" in typed(run(text), word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The US authorities shared evidence with their Chinese counterparts.", "shared"),
        ("Britain stepped up the sharing of intelligence with Kyiv.", "sharing"),
        ("Washington said it would resume intelligence sharing with Kyiv.", "sharing"),
    ],
)
def test_sharing_intelligence_or_evidence_is_cooperation(run, text, word):
    assert "COOPERATE" in typed(run(text), word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The volunteers were asked to film their day and share the clips online.", "share"),
        ("The app began with the sharing of short cooking videos.", "sharing"),
        ("It is not about nuclear sharing, the analyst said.", "sharing"),
        ("Two captains cannot share the same ship.", "share"),
    ],
)
def test_sharing_anything_else_is_no_cooperation(run, text, word):
    assert "COOPERATE" not in typed(run(text), word)


@pytest.mark.parametrize(
    "text",
    [
        "Extended deterrence involves an American commitment to defend the region.",
        "Such a commitment would deter potential adversaries, the analyst said.",
        "Washington says the group has not lived up to its commitment to the truce.",
    ],
)
def test_commitment_as_a_standing_thing_is_no_promise(run, text):
    assert "AGREE" not in typed(run(text), "commitment")


@pytest.mark.parametrize(
    "text",
    [
        "Guterres reiterated the commitment of the United Nations to Lebanon.",
        "Japan made a commitment to double its aid to Kenya.",
        "Germany reaffirmed its commitment to Jordan on Monday.",
    ],
)
def test_commitment_made_or_restated_stays_a_promise(run, text):
    assert "AGREE" in typed(run(text), "commitment")


@pytest.mark.parametrize(
    "text",
    [
        "The White House sent a delegation to attend the inauguration in Taipei.",
        "Ankara will send envoys to check on the detained sailors.",
        "The dissident escaped a hitman sent by the plotters.",
        "The ministry is giving us figures of the money made from tourism.",
    ],
)
def test_people_on_a_mission_or_figures_are_no_aid(run, text):
    assert "AID" not in [e.type for e in run(text).events]


def test_goods_sent_stay_aid(run):
    assert "AID" in typed(run("Japan sent food and medicine to Gaza."), "sent")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The speaker denounced the moves as an attack on the constitutional order.", "attack"),
        ("Critics called the new law an assault on press freedom.", "assault"),
    ],
)
def test_attack_on_an_ideal_is_no_assault(run, text, word):
    assert "ASSAULT" not in typed(run(text), word)


def test_attack_on_a_place_stays_assault(run):
    assert "ASSAULT" in typed(run("Rebels carried out an attack on the army base."), "attack")


@pytest.mark.parametrize(
    ("text", "word", "concedes"),
    [
        ("Fewer hunters will come to hunt in community concessions.", "concessions", False),
        ("The firm won mining concessions in the north.", "concessions", False),
        ("Israel made territorial concessions to the Palestinians.", "concessions", True),
    ],
)
def test_concession_of_a_tract_is_no_concession(run, text, word, concedes):
    assert ("CONCEDE" in typed(run(text), word)) is concedes


def sides(report, word: str) -> list[tuple[str, list[str], list[str]]]:
    """Type, source and target references of the events whose trigger is `word`."""
    ref = lambda ids: sorted(report.actor(a).reference for a in ids if report.actor(a))  # noqa: E731
    return [(e.type, ref(e.source), ref(e.target)) for e in report.events if e.trigger == word]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "Japan and China have been disputing the uninhabited islands for years.",
            "disputing",
            ("REJECT", ["JPN"], ["CHN"]),
        ),
        (
            "Manila has long contested Beijing's claims in the South China Sea.",
            "contested",
            ("REJECT", ["PHL"], ["CHN"]),
        ),
    ],
)
def test_disputing_a_claim_or_territory_rejects_the_other_side(run, text, word, expected):
    assert sides(run(text), word) == [expected]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The opposition disputed the minister's account of the meeting.", "disputed"),
        ("The lawyers are contesting the validity of the appointment.", "contesting"),
    ],
)
def test_disputing_what_someone_said_stays_disapproval(run, text, word):
    assert typed(run(text), word) == ["ACCUSE"]
