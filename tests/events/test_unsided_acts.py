"""Sanctions and threats need an actor on one side at least; with none they are no event."""

import pytest


def typed(report, word: str) -> list[str]:
    """The types of the events whose trigger is `word`."""
    return [e.type for e in report.events if e.trigger == word]


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("The city suspended its bike-sharing program in the winter.", "suspended", "SANCTION"),
        ("The low-cost carrier threatened to cancel its summer flights.", "threatened", "THREATEN"),
    ],
)
def test_act_with_no_actor_on_either_side_is_dropped(run, text, word, kind):
    assert kind not in typed(run(text), word)


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("The United States imposed new sanctions on Iran on Monday.", "imposed", "SANCTION"),
        ("Russia threatened to cut gas supplies to Ukraine.", "threatened", "THREATEN"),
    ],
)
def test_act_between_actors_stays(run, text, word, kind):
    assert kind in typed(run(text), word)
