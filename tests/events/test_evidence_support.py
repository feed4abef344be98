"""Evidence, documents and money that "support" something take no side; actors that do stay."""

import pytest


def typed(report, word: str) -> list[str]:
    """The types of the events whose trigger is `word`."""
    return [e.type for e in report.events if e.trigger == word]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The findings support the theory that the ice sheet is thinning.", "support"),
        ("New data back the view that the heat wave was made worse by warming.", "back"),
        ("The fund supports research on drought-resistant crops.", "supports"),
    ],
)
def test_thing_that_supports_is_no_actor(run, text, word):
    assert "SUPPORT" not in typed(run(text), word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Opposition figures supported the former president.", "supported"),
        ("China backed Russia's position at the council.", "backed"),
        ("The United States supports Ukraine's bid to join NATO.", "supports"),
    ],
)
def test_actor_that_supports_stays(run, text, word):
    assert "SUPPORT" in typed(run(text), word)
