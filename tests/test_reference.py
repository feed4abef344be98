"""The reference article (read from ../shared/corpus, skipped when absent): first quality bar."""

import pytest


def codes(report, actor_ids):
    refs = {a.id: a.country or a.affiliation or a.name for a in report.actors}
    return sorted(refs[i] for i in actor_ids)


def event_with(report, trigger):
    matches = [e for e in report.events if e.trigger == trigger]
    assert matches, f"no event triggered by {trigger!r}"
    return matches[0]


@pytest.mark.parametrize(
    ("trigger", "type_", "source", "target", "modality", "date"),
    [
        ("confer", "CONSULT", ["USA"], ["UKR"], "planned", "2025-10-17"),
        ("provision", "AID", ["USA"], ["UKR"], "hypothetical", None),
        ("summit", "CONSULT", ["USA"], ["RUS"], "asserted", "../2025-10-17"),
        ("agreed", "AGREE", ["USA"], ["RUS"], "asserted", "../2025-10-17"),
        ("convene", "CONSULT", ["USA"], ["RUS"], "planned", None),
        ("warned", "THREATEN", ["RUS"], ["USA"], "asserted", "../2025-10-17"),
        ("reaching", "CONSULT", ["RUS"], ["USA"], "asserted", "2025-10-16"),
        ("sharing", "COOPERATE", ["USA"], ["UKR"], "reported-claim", "2025-W42"),
        ("attacks", "ASSAULT", ["UKR"], ["RUS"], "reported-claim", "2025-W42"),
        ("cautioned", "THREATEN", ["USA"], ["RUS"], "asserted", "2025-W42"),
        ("requested", "REQUEST", ["UKR"], ["USA"], "reported-claim", "../2025-09-28"),
    ],
)
def test_reference_events(reference_report, trigger, type_, source, target, modality, date):
    event = event_with(reference_report, trigger)
    value = event.date.value if event.date else None
    assert (event.type, str(event.modality), value) == (type_, modality, date)
    assert codes(reference_report, event.source) == source
    assert codes(reference_report, event.target) == target


def test_reference_places(reference_report):
    assert event_with(reference_report, "confer").location.name == "White House"
    assert event_with(reference_report, "summit").location.name == "Alaska"
    assert event_with(reference_report, "convene").location.name == "Budapest"
    assert event_with(reference_report, "cautioned").location.name == "Brussels"


def test_reported_claims_name_their_outlet(reference_report):
    assert event_with(reference_report, "sharing").reported_by == "Financial Times"
    assert event_with(reference_report, "requested").reported_by == "Fox News"


def test_possible_missiles_are_never_a_delivery(reference_report):
    aid = [e for e in reference_report.events if e.type == "AID"]
    assert aid and all(str(e.modality) != "asserted" for e in aid)


@pytest.mark.parametrize(
    ("name", "code", "role"),
    [
        ("Donald Trump", "USAGOV", "President"),
        ("Volodymyr Zelensky", "UKRGOV", "President"),
        ("Vladimir Putin", "RUSGOV", "President"),
        ("Jim Townsend", "USAEDU", "senior advisor"),
        ("Pete Hegseth", "USAGOV", "Defense Secretary"),
        ("J.D. Vance", "USAGOV", "Vice President"),
        ("Steve Witkoff", "USAGOV", "Special Envoy"),
    ],
)
def test_reference_people(reference_report, name, code, role):
    actor = next(a for a in reference_report.actors if a.name == name)
    assert (actor.code, actor.role) == (code, role)


def test_reference_metonyms(reference_report):
    by_text = {m.text: a.code for a in reference_report.actors for m in a.mentions}
    assert by_text["Kyiv"] == "UKRGOV"
    assert by_text["Moscow"] == "RUSGOV"
    assert by_text["Washington"] == "USAGOV"


def test_reference_quotes_and_speakers(reference_report):
    names = {a.id: a.name for a in reference_report.actors}
    quotes = {(q.text[:20], str(q.kind), names.get(q.speaker)) for q in reference_report.quotes}
    expected = {
        ("inglorious", "partial", "Donald Trump"),
        ("deplete", "partial", "Donald Trump"),
        ("We can already see t", "direct", "Volodymyr Zelensky"),
        ("Trump’s approach inv", "direct", "Jim Townsend"),
        ("If a reconciliation ", "direct", "Pete Hegseth"),
        ("Should we need to ta", "direct", "Pete Hegseth"),
        ("Witkoff has earned P", "direct", "Jim Townsend"),
    }
    assert expected <= quotes


def test_reference_citations(reference_report):
    names = {a.id: a.name for a in reference_report.actors}
    found = {
        (c.outlet, str(c.kind), names.get(c.speaker), c.date) for c in reference_report.citations
    }
    assert found == {
        ("Financial Times", "report", None, None),
        ("Fox News", "interview", "J.D. Vance", "2025-09-28"),
        ("The Moscow Times", "interview", "Jim Townsend", None),
    }


def test_reference_times_and_range(reference_report):
    values = {(t.text, t.value) for t in reference_report.times}
    assert {
        ("Friday", "2025-10-17"),
        ("Thursday", "2025-10-16"),
        ("September 28", "2025-09-28"),
        ("this week", "2025-W42"),
    } <= values
    (distance,) = reference_report.quantities
    assert (distance.value, distance.unit) == (1000, "mi")
    assert distance.normalized_value == pytest.approx(1609.344)
    assert "1,600-kilometer" in distance.text
