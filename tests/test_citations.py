"""Cited sources: outlets and channels the text attributes information to."""

import pytest


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
