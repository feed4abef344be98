"""Event arguments beyond the trigger's own subject and object: agentless events, places and
context as targets, actors inside object phrases, blame, purpose clauses, quotes' "we"."""

import pytest

from tests.events.test_events import events_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an agentless passive is still an event, with its source unknown
        (
            "More than 150 protesters were arrested in Nairobi on Sunday.",
            ("COERCE", [], ["KEN"], "asserted"),
        ),
        # armed groups attacking in their own country target it, as CAMEO codes domestic violence
        (
            "Mali's army said rebels attacked three villages near Kidal in Mali on Monday.",
            ("ASSAULT", ["MLI"], ["MLI"], "asserted"),
        ),
        # the actor inside the object phrase is the target
        (
            "The European Union condemned the attacks carried out by Hamas.",
            ("ACCUSE", ["EU"], ["PSE"], "asserted"),
        ),
        # an accusation's complement names whom it accuses
        (
            "Ukraine alleged that Russia had shelled the power plant.",
            ("ACCUSE", ["UKR"], ["RUS"], "asserted"),
        ),
        # the event's type gives the prepositions of its target ("sanctions on X")
        (
            "Canada imposed new sanctions on Iran on Tuesday.",
            ("SANCTION", ["CAN"], ["IRN"], "asserted"),
        ),
    ],
)
def test_event_arguments(run, text, expected):
    assert expected in events_of(run(text))


def test_a_state_acting_on_its_own_soil_does_not_target_itself(run):
    found = events_of(run("Nigerian police raided several homes in Lagos on Friday."))
    assert [(t, s, tg) for t, s, tg, _ in found] == [("COERCE", ["NGA"], [])] or all(
        tg == [] for _, _, tg, _ in found
    )


def test_the_blamed_perform_the_act_they_are_blamed_for(run):
    found = events_of(run("Pakistan blamed the militants for the bombing of the police station."))
    assert ("ACCUSE", ["PAK"], ["PAK"], "asserted") in found
    bombing = [e for e in found if e[0] == "ASSAULT"]
    assert bombing and bombing[0][1] == ["PAK"]  # the militants (Pakistan's), not Pakistan's state


def test_a_purpose_clause_of_the_same_type_is_one_event(run):
    found = events_of(run("Kenyan police fired tear gas to disperse the crowd in Nairobi."))
    assert [e[0] for e in found].count("ASSAULT") == 1


def test_we_in_a_quote_is_its_speaker(run):
    report = run(
        '"We reject the baseless allegations made by Pakistan," Indian foreign ministry '
        "spokesperson Randhir Jaiswal told reporters."
    )
    assert ("REJECT", ["IND"], ["PAK"], "asserted") in events_of(report)


def test_an_agentless_killing_takes_its_source_from_the_attack_just_told(run):
    report = run(
        "Al-Shabab gunmen stormed a hotel in Mogadishu on Tuesday. "
        "At least five people were killed."
    )
    killed = [e for e in report.events if e.trigger == "killed"]
    assert killed and [report.actor(a).country for a in killed[0].source] == ["SOM"]


def test_a_generic_group_head_takes_its_modifier_as_the_actor(run):
    report = run("Separatist groups killed twelve soldiers in Balochistan.")
    (attack,) = [e for e in report.events if e.type == "ASSAULT"]
    assert [report.actor(a).sector for a in attack.source] == ["REB"]


def test_the_act_that_caused_a_death_names_its_agent(run):
    report = run("Two protesters were killed in police firing in Dhaka on Sunday.")
    killed = next(e for e in report.events if e.trigger == "killed")
    assert [report.actor(a).sector for a in killed.source] == ["COP"]


def test_a_hyphenated_event_noun_is_one_trigger(run):
    found = events_of(run("Ethiopia announced a cease-fire with Eritrea on Monday."))
    assert ("RETREAT", ["ETH"], ["ERI"], "asserted") in found


def test_an_unsaid_target_is_the_other_side_of_the_story(run):
    report = run(
        "North Korea threatened the United States on Monday. Washington urged Pyongyang to "
        "return to talks, and North Korea rejected the United States' offer. "
        "Pyongyang then issued new warnings."
    )
    warnings = [e for e in report.events if e.trigger == "warnings"]
    assert warnings and [report.actor(a).country for a in warnings[0].target] == ["USA"]


def test_an_unsaid_source_is_the_other_side_of_the_story(run):
    report = run(
        "The United States warned Turkey on Monday. Washington threatened Ankara with "
        "sanctions, and Turkey rejected the United States' demands. "
        "New sanctions against Turkey are awaiting a vote."
    )
    sanctions = [e for e in report.events if e.trigger == "sanctions" and e.evidence.start > 100]
    assert sanctions and [report.actor(a).country for a in sanctions[0].source] == ["USA"]


@pytest.mark.parametrize(
    "text",
    [
        "Turkey is frustrated with Washington, given Obama's refusal to sell Patriot missiles.",
        "In a video message released Sunday, the president spoke of the economy.",
    ],
)
def test_words_that_only_look_like_events_are_not(run, text):
    report = run(text)
    assert not [e for e in report.events if e.trigger in ("given", "released")]
