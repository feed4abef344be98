"""Senses of verbs and nouns that take their type from their complement or preposition:
refusing to take part, opposition from or to an actor, regretting an act, retracting a
statement, revoking a release, speaking up for someone; beside the senses that stay no event."""

import pytest


def typed(report, word: str) -> list[str]:
    """The types of the events whose trigger is `word`."""
    return [e.type for e in report.events if e.trigger == word]


@pytest.mark.parametrize(
    "text",
    [
        "Hungary declined to participate in the talks on the refugee quota.",
        "Ethiopia has declined to attend the summit in Cairo.",
        "Serbia declined to recognize the new government in Pristina.",
        "Turkey declined to ratify the accession protocol of Sweden.",
    ],
)
def test_declining_to_take_part_is_a_refusal(run, text):
    assert "REJECT" in typed(run(text), "declined")


@pytest.mark.parametrize(
    "text",
    [
        "Exports to China declined sharply in the third quarter.",
        "The number of migrants crossing the border declined to 300 a day.",
    ],
)
def test_a_fall_is_no_refusal(run, text):
    assert typed(run(text), "declined") == []


@pytest.mark.parametrize(
    "text",
    [
        "The plan to build the dam faces growing opposition from Egypt.",
        "Poland reaffirmed its opposition to the European migration pact.",
    ],
)
def test_opposition_from_or_to_is_a_rejection(run, text):
    assert "REJECT" in typed(run(text), "opposition")


@pytest.mark.parametrize(
    "text",
    [
        "The opposition won 40 seats in the election in Tanzania.",
        "Police arrested three opposition leaders in Kampala on Monday.",
    ],
)
def test_the_opposition_as_a_party_is_no_rejection(run, text):
    assert "REJECT" not in [e.type for e in run(text).events]


def test_regretting_a_decision_is_disapproval(run):
    report = run("The European Union regrets the decision of Mali to expel the French ambassador.")
    assert "ACCUSE" in typed(report, "regrets")


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan minister regrets that he could not attend the summit.",
        "The farmers regret the loss of their harvest to the floods.",
    ],
)
def test_regret_over_no_act_is_no_disapproval(run, text):
    assert typed(run(text), "regrets") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Indian minister later retracted his statement on Pakistan.", "retracted"),
        ("Seoul retracted its claim that Pyongyang had fired the missile.", "retracted"),
    ],
)
def test_retracting_a_statement_is_a_concession(run, text, word):
    assert "CONCEDE" in typed(run(text), word)


def test_retracting_a_hand_is_no_concession(run):
    assert typed(run("The Egyptian diplomat retracted his hand from the table."), "retracted") == []


@pytest.mark.parametrize(
    "text",
    [
        "A Guatemalan court revoked the house arrest of the journalist.",
        "The Egyptian judge revoked the bail of the opposition activist.",
    ],
)
def test_revoking_a_release_is_coercion(run, text):
    assert "COERCE" in typed(run(text), "revoked")


def test_speaking_up_for_an_actor_is_support(run):
    report = run("Many governments in Europe spoke up for Taiwan at the assembly.")
    assert "SUPPORT" in typed(report, "spoke")


def test_speaking_up_at_a_meeting_is_no_support(run):
    assert typed(run("The Kenyan delegate spoke up at the meeting in Geneva."), "spoke") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "The Kenyan lawyer characterized the ruling as a violation of the treaty.",
            "characterized",
        ),
        ("Amnesty International described the Egyptian arrests as a crime.", "described"),
        ("Tokyo regards the Chinese drills as reckless.", "regards"),
        ("The Indian minister portrayed the Pakistani move as dangerous.", "portrayed"),
    ],
)
def test_naming_an_act_a_wrong_is_disapproval(run, text, word):
    assert "ACCUSE" in typed(run(text), word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Kenyan minister described the floods as the worst in decades.", "described"),
        ("The Egyptian report characterized the talks as constructive.", "characterized"),
    ],
)
def test_naming_no_wrong_is_no_disapproval(run, text, word):
    assert "ACCUSE" not in typed(run(text), word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Kenyan minister said the Somali claims were false.", "false"),
        ("The Japanese embassy said the Chinese report was misleading.", "misleading"),
    ],
)
def test_calling_a_claim_false_is_disapproval(run, text, word):
    assert "ACCUSE" in typed(run(text), word)


def test_a_false_start_is_no_disapproval(run):
    report = run("The Kenyan runner said the race had a false start in Nairobi.")
    assert "ACCUSE" not in [e.type for e in report.events]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Duterte described the Chinese donation as a gesture of friendship.", "described"),
        ("The Ivorian government considers France a key partner.", "considers"),
        ("The Taliban called the American withdrawal a good step.", "called"),
    ],
)
def test_naming_an_actor_or_its_act_with_praise_is_support(run, text, word):
    assert "SUPPORT" in typed(run(text), word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Kenyan minister described the weather as good for farming.", "described"),
        ("The Kenyan president considers the economy a key priority.", "considers"),
    ],
)
def test_praising_a_thing_no_actor_did_is_no_support(run, text, word):
    assert "SUPPORT" not in typed(run(text), word)


@pytest.mark.parametrize(
    "text",
    [
        "A Kenyan court lifted the orders blocking the swearing-in of the deputy president.",
        "Beijing lifted the measures on imports of Australian wine.",
    ],
)
def test_lifting_an_order_or_measure_is_a_concession(run, text):
    assert "CONCEDE" in typed(run(text), "lifted")


def test_lifting_a_weight_is_no_concession(run):
    assert typed(run("The Kenyan athlete lifted the weight above his head."), "lifted") == []
