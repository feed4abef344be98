"""The story's other side as the counterpart of a negotiation that names none."""

from tests.events.test_events import events_of


def test_a_negotiation_with_no_counterpart_named_is_with_the_story_s_other_side(run):
    text = (
        "Ghana asked the IMF for a loan on Monday. The IMF urged Ghana to cut spending. "
        "Ghana rejected the IMF's demand. Ghana is still negotiating."
    )
    found = [(t, s, g) for t, s, g, _ in events_of(run(text))]
    assert ("CONSULT", ["GHA"], ["IMF"]) in found


def test_a_meeting_with_no_counterpart_named_stays_without_one(run):
    text = (
        "Ghana asked the IMF for a loan on Monday. The IMF urged Ghana to cut spending. "
        "Ghana rejected the IMF's demand. Ghana's cabinet met on Tuesday."
    )
    found = [(t, g) for t, _, g, _ in events_of(run(text)) if t == "CONSULT"]
    assert all(not g for _, g in found)


def test_an_appeal_to_a_generic_audience_has_no_target(run):
    text = (
        "The Kenyan Human Rights Commission criticised the police on Monday. "
        "The Kenyan Human Rights Commission urged governments to sign the treaty."
    )
    found = [(t, s, g) for t, s, g, _ in events_of(run(text)) if t == "REQUEST"]
    assert ("REQUEST", ["KEN"], []) in found


def test_an_appeal_to_the_story_s_own_parties_keeps_its_home_target(run):
    text = "Kenyan opposition leaders urged the protesters to go home."
    found = [(t, s, g) for t, s, g, _ in events_of(run(text)) if t == "REQUEST"]
    assert all(g for _, _, g in found)
