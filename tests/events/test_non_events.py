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
