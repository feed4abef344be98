"""Cited sources: outlets and channels the text attributes information to."""

from datetime import date

import pytest

from tidings.evaluate import normalise_outlet


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("According to Reuters, the talks collapsed.", [("Reuters", "report")]),
        ("State media said the army had repelled the attack.", [("state media", "report")]),
        (
            "A source familiar with the talks said Iran had refused.",
            [("anonymous source", "statement")],
        ),
        (
            "The Wall Street Journal reported on Monday that Qatar had paid.",
            [("Wall Street Journal", "report")],
        ),
        ("Lavrov told the BBC that Moscow was ready.", [("BBC", "interview")]),
        ("Speaking to Al Jazeera, the minister denied it.", [("Al Jazeera", "interview")]),
        (
            "According to Sudan's health ministry, 14 people died.",
            [("Sudan's health ministry", "report")],
        ),
    ],
)
def test_citation_patterns(run, sentence, expected):
    assert [(c.outlet, str(c.kind)) for c in run(sentence).citations] == expected


def test_interview_citation_has_speaker_and_date(run):
    from datetime import date

    report = run(
        "In a September 28 interview with Fox News, Vance said the decision was Trump's.",
        date(2025, 10, 17),
    )
    (citation,) = report.citations
    speaker = report.actor(citation.speaker)
    assert (citation.outlet, citation.date, speaker.name) == (
        "Fox News",
        "2025-09-28",
        "J.D. Vance",
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Speaking to the broadcaster RAI, the minister ruled out a deal.",
            [("RAI", "interview")],
        ),
        ("The Anadolu news agency reported that the talks had ended.", [("Anadolu", "report")]),
        (
            "The minister told the news agency PAP that Warsaw would not pay.",
            [("PAP", "interview")],
        ),
        (
            "The spokesman, quoted by the Tass news agency, said Moscow was open to talks.",
            [("Tass", "report")],
        ),
        ('"We will respond," the president wrote on Telegram.', [("Telegram", "statement")]),
        ("In a post on X, the minister thanked Ankara.", [("X", "statement")]),
        (
            "Three officials familiar with the matter told Reuters the plan was dropped.",
            [("anonymous official", "statement"), ("Reuters", "interview")],
        ),
        (
            "According to a source close to the negotiations, Hamas had accepted.",
            [("anonymous source", "statement")],
        ),
        # a person is no outlet: "a person familiar with the talks" is an unnamed source
        (
            "The ceasefire will hold, according to a person familiar with the talks.",
            [("anonymous source", "statement")],
        ),
        (
            "According to people briefed on the plan, Ankara will buy the jets.",
            [("anonymous source", "statement")],
        ),
        ("According to the person, the vote was delayed.", [("anonymous source", "statement")]),
        (
            "Exports fell by a third, according to the Organisation for Economic Co-operation"
            " and Development.",
            [("Organisation for Economic Co-operation and Development", "report")],
        ),
        (
            "The Airwars Project, a London-based monitor, reported that 20 people died.",
            [("Airwars Project", "report")],
        ),
    ],
)
def test_named_channels_classes_and_unnamed_sources(run, sentence, expected):
    assert [(c.outlet, str(c.kind)) for c in run(sentence).citations] == expected


def test_an_interview_aired_on_a_past_day_is_dated(run):
    report = run(
        "Rubio told NBC in an interview aired on Sunday that sanctions would stay.",
        published=date(2025, 3, 5),
    )
    (citation,) = report.citations
    assert (citation.outlet, citation.date) == ("NBC", "2025-03-02")


def test_quotes_carry_the_outlet_that_carried_them(run):
    report = run('"The border stays closed," the minister told Le Monde on Monday.')
    (quote,) = report.quotes
    assert quote.outlet == "Le Monde"


def test_a_name_right_after_a_class_noun_is_the_outlet(run):
    text = "Kim said in a statement carried by the state news agency KCNA that talks were over."
    assert [c.outlet for c in run(text).citations][:1] == ["KCNA"]


def test_an_opinion_piece_cites_its_newspaper(run):
    text = (
        "The former president wrote in an opinion piece in The Guardian that sanctions had failed."
    )
    found = [(normalise_outlet(c.outlet), str(c.kind)) for c in run(text).citations]
    assert found == [("guardian", "report")]
