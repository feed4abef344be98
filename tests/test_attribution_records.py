"""Attribution records: one per statement, whole, with source, cue, kind and quoted fragments."""

import json

from tidings.model import AttributionKind


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
