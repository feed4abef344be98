"""Attribution records: one per statement, whole, with source, cue, kind and quoted fragments."""

import json
from dataclasses import replace

import pytest

from tidings.attributions import attribution_holding, link_events
from tidings.model import Attribution, AttributionKind


def records_of(report):
    text = report.article.text
    return [
        (
            str(a.kind),
            " ".join(text[start:end] for start, end in a.content),
            a.source_text,
            a.cue,
        )
        for a in report.attributions
    ]


def test_a_quote_split_around_its_cue_is_one_attribution(run):
    text = '"We will not retreat," Maia Sandu said, "and Moldova has chosen Europe."'
    (record,) = run(text).attributions
    assert record.kind is AttributionKind.DIRECT
    assert len(record.content) == 2 and record.cue == "said"
    assert record.source_text == "Maia Sandu"


def test_quoted_words_inside_reported_speech_make_one_mixed_attribution(run):
    text = 'Sandu said the new tariffs were "reckless" and "a gift to Moscow".'
    report = run(text)
    (record,) = report.attributions
    assert record.kind is AttributionKind.MIXED
    assert report.article.text[slice(*record.content[0])].startswith("the new tariffs were")
    assert len(record.fragments) == 2
    # the quotes layer keeps the partial quotes for its users
    assert [str(q.kind) for q in report.quotes] == ["partial", "partial"]


def test_an_unnamed_source_is_a_source(run):
    text = "Officials in Chisinau said that the border crossing would reopen on Friday."
    assert records_of(run(text)) == [
        (
            "indirect",
            "the border crossing would reopen on Friday",
            "Officials in Chisinau",
            "said",
        )
    ]


def test_a_belief_is_an_other_attribution(run):
    text = "Most farmers believe that the new subsidy will come too late."
    ((kind, content, source, cue),) = records_of(run(text))
    assert (kind, content, source, cue) == (
        "other",
        "the new subsidy will come too late",
        "Most farmers",
        "believe",
    )


def test_a_stance_verb_attributes_its_object(run):
    text = "The regional council endorsed the plan to rebuild the harbour."
    ((kind, content, source, cue),) = records_of(run(text))
    assert (kind, source, cue) == ("other", "The regional council", "endorsed")
    assert content == "the plan to rebuild the harbour"


def test_according_to_attributes_the_rest_of_the_sentence(run):
    text = "The harbour will reopen in March, according to a memo seen by reporters."
    ((kind, content, source, cue),) = records_of(run(text))
    assert (kind, content, cue) == ("other", "The harbour will reopen in March", "according to")
    assert source.startswith("a memo")


def test_attributions_are_in_the_json_contract(run):
    text = '"The talks went well," Maia Sandu said.'
    (record,) = json.loads(json.dumps(run(text).to_dict()))["attributions"]
    assert record["kind"] == "direct" and record["cue"] == "said"
    assert record["content"] == [[1, 21]] and record["fragments"] == [[1, 21]]


def test_a_quote_from_an_unnamed_group_names_its_source(run):
    text = '"We will appeal the ruling," one dock worker said on Monday.'
    (record,) = run(text).attributions
    assert record.kind is AttributionKind.DIRECT
    assert record.source_span is not None
    assert text[slice(*record.source_span)] == "one dock worker"


def test_a_relative_pronoun_source_is_the_person_it_stands_for(run):
    text = "Maia Sandu, who says that the vote was fair, left for Brussels on Monday."
    (record,) = run(text).attributions
    actor = run(text).actor(record.source)
    assert (record.source_text, actor.name if actor else None) == ("who", "Maia Sandu")


def test_a_quote_split_around_an_unnamed_speaker_s_cue_is_one_attribution(run):
    text = '"The rent doubled," one tenant said, "and nobody told us why."'
    (record,) = run(text).attributions
    assert record.kind is AttributionKind.DIRECT and len(record.content) == 2
    assert text[slice(*record.source_span)] == "one tenant"


def test_a_quote_split_around_a_long_description_of_its_speaker_is_one_attribution(run):
    text = (
        '"The rent doubled in a year," Jane Roe, a tenant organiser who has lived in the '
        'building since the nineteen-nineties, said. "Nobody told us why."'
    )
    (record,) = run(text).attributions
    assert record.kind is AttributionKind.DIRECT and len(record.content) == 2


def test_a_line_opened_by_a_name_and_a_colon_is_that_name_s(run):
    text = (
        "Kasich: Ohio will not back a national sales tax\n\n"
        "NAIROBI: The finance ministry published the budget on Monday.\n\n"
        "Update: This story was corrected to fix a date.\n\n"
        "MUIR: Will you accept the result of the election tonight?"
    )
    records = records_of(run(text))
    assert ("other", "Ohio will not back a national sales tax", "Kasich", ":") in records
    assert ("other", "Will you accept the result of the election tonight?", "MUIR", ":") in records
    # a dateline place and page furniture name no speaker
    assert not any(source in ("NAIROBI", "Update") for _, _, source, _ in records)


def test_an_accusation_attributes_its_object_and_charge(run):
    text = "Farm unions accused the ministry of hiding the drought figures from parliament."
    ((kind, content, source, cue),) = records_of(run(text))
    assert (kind, source, cue) == ("indirect", "Farm unions", "accused")
    assert content == "the ministry of hiding the drought figures from parliament"


def test_a_verb_of_naming_attributes_the_name_it_gives_and_nothing_without_one(run):
    named = records_of(run("The mayor called the new port tax reckless and unfair."))
    assert [(content, source) for _, content, source, _ in named] == [
        ("the new port tax reckless and unfair", "The mayor")
    ]
    assert records_of(run("The mayor called her lawyer on Monday.")) == []


def test_a_phrasal_cue_attributes_the_object_of_its_preposition(run):
    text = "The senator called for an independent inquiry into the harbour contract."
    ((_, content, source, cue),) = records_of(run(text))
    assert (content, source, cue) == (
        "an independent inquiry into the harbour contract",
        "The senator",
        "called",
    )


def test_a_gerund_after_a_preposition_has_the_doer_of_its_clause(run):
    by = records_of(run("The minister opened the session by saying that the budget was balanced."))
    assert ("the budget was balanced", "The minister") in [(c, s) for _, c, s, _ in by]
    for_ = run("Critics faulted the mayor for calling the strike a success.")
    record = next(a for a in for_.attributions if a.cue == "calling")
    assert record.source_text == "the mayor"


def test_a_participle_s_object_is_not_its_source(run):
    text = "Kasich left the stage early, criticizing the moderators for their questions."
    record = next(a for a in run(text).attributions if a.cue == "criticizing")
    assert record.source_text == "Kasich"


def test_a_gerund_modifying_a_noun_is_that_noun_s(run):
    text = "Farmers hoping to sell their harvest blocked the road to the port."
    ((kind, content, source, cue),) = records_of(run(text))
    assert (kind, content, source, cue) == ("other", "to sell their harvest", "Farmers", "hoping")


def test_a_gerund_cue_with_no_source_in_reach_is_still_an_attribution(run):
    text = "It is worth noting that the harbour closed in May."
    ((_, content, source, cue),) = records_of(run(text))
    assert (content, source, cue) == ("the harbour closed in May", None, "noting")


def test_a_few_quoted_words_no_speech_verb_introduces_are_no_attribution(run):
    report = run('Residents of the "new town" moved in last spring.')
    assert report.attributions == []
    assert [q.text for q in report.quotes] == ["new town"]  # still a quote for its users
    chanted = run('The crowd outside the court chanted "Not again!" for an hour.')
    assert [a.text for a in chanted.attributions] == ["Not again!"]
    # words set off as said are said, however few
    answered = run('Asked about the pier, the mayor said, "Probably."')
    assert "Probably." in [a.text for a in answered.attributions]


def test_a_parenthetical_cue_attributes_the_sentence_around_it(run):
    text = "The harbour, port officials say, will reopen in March."
    (record,) = run(text).attributions
    assert (str(record.kind), record.source_text, record.cue) == (
        "indirect",
        "port officials",
        "say",
    )
    assert [text[start:end] for start, end in record.content] == [
        "The harbour",
        "will reopen in March",
    ]


def test_a_finding_or_wish_attributes_its_object(run):
    shown = records_of(run("A new survey of dock workers shows strong support for the strike."))
    assert shown == [
        ("other", "strong support for the strike", "A new survey of dock workers", "shows")
    ]
    wanted = records_of(run("The harbour workers want higher wages and shorter shifts."))
    assert ("other", "higher wages and shorter shifts", "The harbour workers", "want") in wanted


def test_a_sentence_qualified_by_a_poll_is_the_poll_s(run):
    text = "The mayor led her rival by six points in the latest poll by the Harbour Herald."
    ((kind, content, source, cue),) = records_of(run(text))
    assert (kind, content, cue) == ("other", "The mayor led her rival by six points", "in")
    assert source.startswith("the latest poll")
    # a poll inside a noun phrase qualifies the noun, not the sentence
    assert records_of(run("Her lead in the poll surprised the harbour board.")) == []
    # "in the polls" says how someone stands, not who says so
    assert records_of(run("The mayor has risen to double digits in the polls.")) == []


def test_how_things_seem_is_an_attribution_of_the_clause(run):
    seemed = records_of(run("The harbour board seemed unwilling to delay the vote."))
    assert seemed == [
        ("other", "The harbour board unwilling to delay the vote", "The harbour board", "seemed")
    ]
    ((_, content, source, _),) = records_of(run("It appears that the vote was delayed again."))
    assert (content, source) == ("the vote was delayed again", None)


def test_a_cue_the_lemmatizer_cut_short_is_still_a_cue(run):
    # the model lemmatises "hopes" and "hoping" as "hop"
    text = "The harbour board hopes the strike will end before the holidays."
    ((kind, content, source, cue),) = records_of(run(text))
    assert (kind, content, source, cue) == (
        "other",
        "the strike will end before the holidays",
        "The harbour board",
        "hopes",
    )


def test_according_to_holds_the_attributions_inside_its_sentence(run):
    text = "Dock workers who backed the strike will return on Monday, according to the union."
    records = records_of(run(text))
    assert ("other", "the strike", "who", "backed") in records
    assert (
        "other",
        "Dock workers who backed the strike will return on Monday",
        "the union",
        "according to",
    ) in records


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "The governor hailed the deal as a victory for workers.",
            "the deal as a victory for workers",
            "hailed",
        ),
        (
            "The minister expressed concern about the harbour closures.",
            "concern about the harbour closures",
            "expressed",
        ),
    ],
)
def test_stance_and_speech_verbs_attribute_their_object(run, text, content, cue):
    ((_, found_content, _, found_cue),) = records_of(run(text))
    assert (found_content, found_cue) == (content, cue)


def test_the_complement_after_the_cue_wins_over_one_before_a_colon(run):
    text = "So let me get this straight: the harbour board says that the pier will close."
    records = records_of(run(text))
    assert ("indirect", "the pier will close", "the harbour board", "says") in records


def test_a_speech_verb_s_infinitive_is_an_aspect_not_a_statement(run):
    assert records_of(run("Harbour traffic continued to grow in the spring.")) == []
    vowed = records_of(run("The mayor vowed to reopen the pier by June."))
    assert vowed == [("indirect", "to reopen the pier by June", "The mayor", "vowed")]


def statement(start, end, source_text):
    """A hand-made attribution of the text between `start` and `end`."""
    return Attribution(AttributionKind.OTHER, "", ((start, end),), source_text=source_text)


def test_the_innermost_statement_holds_a_span():
    # "According to the union, Lee said the talks collapsed.": the union's holds Lee's
    outer, inner = statement(0, 60, "the union"), statement(30, 60, "Lee")
    assert attribution_holding((40, 48), [outer, inner]) == 1
    assert attribution_holding((5, 10), [outer, inner]) == 0
    assert attribution_holding((55, 65), [outer, inner]) is None  # runs out of both


def test_an_event_stated_in_an_attribution_carries_it(run):
    report = run("Russia launched drones at Kyiv on Monday, officials said.")
    (attack,) = [e for e in report.events if e.type == "ASSAULT"]
    record = report.attributions[attack.attribution]
    assert (record.source_text, record.cue) == ("officials", "said")
    assert report.to_dict()["events"][0]["attribution"] == attack.attribution


def test_an_event_carries_the_innermost_statement_it_is_stated_in(run):
    report = run("According to the union, Lee said the police arrested two strikers.")
    (arrest,) = report.events
    assert report.attributions[arrest.attribution].source_text == "Lee"


def test_an_event_the_writer_states_carries_no_attribution(run):
    report = run("Russia launched drones at Kyiv on Monday.")
    assert report.events and all(e.attribution is None for e in report.events)
    assert report.to_dict()["events"][0]["attribution"] is None


def test_events_keep_their_order_and_fields_when_linked(run):
    report = run("Russia launched drones at Kyiv on Monday, officials said.")
    relinked = link_events(report.events, [])
    assert [e.id for e in relinked] == [e.id for e in report.events]
    assert all(e.attribution is None for e in relinked)
    assert [replace(e, attribution=None) for e in report.events] == relinked
