"""Breaking a rule is defiance (REJECT, CAMEO 128) only when a political actor breaks it."""

import pytest


def typed(report, word: str) -> list[str]:
    """The types of the events whose trigger is `word`."""
    return [e.type for e in report.events if e.trigger == word]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Tourists who violate the new beach rules can be fined.", "violate"),
        ("The airline violated consumer protection regulations, the ministry said.", "violated"),
        ("Critics say the new fees violate European law.", "violate"),
        ("A resident who breaches the building code may lose the permit.", "breaches"),
    ],
)
def test_rule_broken_by_no_political_actor_is_no_rejection(run, text, word):
    assert "REJECT" not in typed(run(text), word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Pyongyang has violated a U.N. ban on ballistic missile tests.", "violated"),
        ("The government breached the constitution by extending its mandate.", "breached"),
    ],
)
def test_rule_broken_by_a_state_stays_a_rejection(run, text, word):
    assert "REJECT" in typed(run(text), word)
