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
