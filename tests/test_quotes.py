"""Quotes: direct, split, partial, guillemets and indirect, with speakers through coreference."""

import pytest


def quotes_of(report):
    names = {a.id: a.name for a in report.actors}
    return [(q.text, str(q.kind), names.get(q.speaker), q.cue) for q in report.quotes]


def test_split_quote_keeps_its_speaker(run):
    text = '"We will not retreat," Maia Sandu said. "Moldova has chosen Europe."'
    assert quotes_of(run(text)) == [
        ("We will not retreat,", "direct", "Maia Sandu", "said"),
        ("Moldova has chosen Europe.", "direct", "Maia Sandu", "said"),
    ]


def test_curly_quote_with_cue_before(run):
    text = "Lavrov told reporters: “Moscow is ready for talks without preconditions.”"
    ((quote_text, kind, speaker, _),) = quotes_of(run(text))
    assert (kind, speaker) == ("direct", "Sergei Lavrov")
    assert quote_text.startswith("Moscow is ready")


def test_guillemets_partial_quote_through_pronoun(run):
    text = "Macron spoke after the summit. He said Europe must not «deplete» its reserves."
    assert ("deplete", "partial", "Emmanuel Macron", "said") in quotes_of(run(text))


def test_indirect_speech_has_speaker_and_complement(run):
    text = "Vance indicated that the final decision would rest with Trump."
    (quote,) = quotes_of(run(text))
    assert quote == (
        "the final decision would rest with Trump",
        "indirect",
        "J.D. Vance",
        "indicated",
    )


def test_outlet_reports_are_citations_not_quotes(run):
    report = run("The Financial Times reported that Kyiv had received new jets.")
    assert report.quotes == []
    assert [c.outlet for c in report.citations] == ["Financial Times"]


def test_multi_paragraph_quote_continues(run):
    text = (
        '"The ceasefire is fragile," Guterres said.\n\n'
        '"We call on all parties to respect it.'
        '\n\n"Civilians are paying the price," he added.'
    )
    speakers = {speaker for _, _, speaker, _ in quotes_of(run(text))}
    assert speakers == {"Antonio Guterres"}


def test_a_short_quote_that_opens_its_sentence_is_direct(run):
    text = (
        "The summit ended.\n\n“Greece is ready,” Prime Minister Kyriakos Mitsotakis told reporters."
    )
    ((_, kind, speaker, _),) = quotes_of(run(text))
    assert (kind, speaker) == ("direct", "Kyriakos Mitsotakis")


def test_guillemets_before_the_cue_keep_the_speaker(run):
    text = "« Nobody will divide us, » Merz told lawmakers in Berlin."
    ((_, kind, speaker, cue),) = quotes_of(run(text))
    assert (kind, speaker, cue) == ("direct", "Friedrich Merz", "told")


def test_quoted_words_after_a_writer_word_are_partial_at_any_length(run):
    text = 'Parliament listed the groups as "agents acting against the interests of the state".'
    ((_, kind, _, _),) = quotes_of(run(text))
    assert kind == "partial"


def test_each_that_clause_is_its_own_indirect_quote(run):
    text = "Erdogan said Turkey would host the talks and that both sides had accepted."
    found = [(q, k) for q, k, _, _ in quotes_of(run(text))]
    assert found == [
        ("Turkey would host the talks", "indirect"),
        ("both sides had accepted", "indirect"),
    ]


def test_a_that_clause_after_a_phrase_is_still_reported(run):
    text = "Scholz told Zelensky during a call on Monday that Berlin would send more air defence."
    ((quote_text, kind, speaker, _),) = quotes_of(run(text))
    assert (kind, speaker) == ("indirect", "Olaf Scholz")
    assert quote_text.startswith("Berlin would send")


def test_an_object_pronoun_is_not_an_inverted_speaker(run):
    text = 'Sandu vetoed the bill and called it "a gift to Moscow".'
    ((_, kind, speaker, _),) = quotes_of(run(text))
    assert (kind, speaker) == ("partial", "Maia Sandu")


def test_a_monitor_that_reports_is_cited_not_quoted(run):
    text = "The Conflict Observatory, a Kyiv-based monitor, reported that 40 shelters were hit."
    report = run(text)
    assert report.quotes == []
    assert [c.outlet for c in report.citations] == ["Conflict Observatory"]


def test_a_quoted_name_is_not_a_quote(run):
    text = 'The navy began an exercise named "Joint Sword" near the island on Monday.'
    assert run(text).quotes == []


def test_a_surname_the_model_did_not_tag_still_speaks(run):
    text = (
        "Soldiers detained President Mohamed Bazoum in July.\n\n"
        'Bazoum wrote in a newspaper column that the coup would have "grave consequences".'
    )
    ((_, kind, speaker, _),) = quotes_of(run(text))
    assert (kind, speaker) == ("partial", "Mohamed Bazoum")


def test_a_rank_before_an_apposed_name_keeps_the_title_with_the_person(run):
    text = "Mali's interim leader, Colonel Assimi Goita, said the troops would leave by June."
    ((_, kind, speaker, _),) = quotes_of(run(text))
    assert (kind, speaker) == ("indirect", "Assimi Goita")


def test_doubled_single_marks_enclose_a_quote(run):
    text = "''We will keep the border open,'' Maia Sandu said on Tuesday."
    ((quote_text, kind, speaker, cue),) = quotes_of(run(text))
    assert (quote_text, kind, speaker, cue) == (
        "We will keep the border open,",
        "direct",
        "Maia Sandu",
        "said",
    )


def test_a_curly_opening_mark_closed_by_a_straight_one_ends_there(run):
    text = (
        'The army said it had “pushed back 300" rebels. '
        "“We will hold the bridge,” General Tomas Berg said."
    )
    found = [(q, k, s) for q, k, s, _ in quotes_of(run(text))]
    assert [q for q, _, _ in found] == ["pushed back 300", "We will hold the bridge,"]
    assert found[1] == ("We will hold the bridge,", "direct", "Tomas Berg")


def test_a_straight_quote_never_closed_ends_with_its_sentence(run):
    text = (
        'Maia Sandu said, "The border stays open only . Talks resume later, her aides said. '
        '"We are ready," said Ion Munteanu.'
    )
    found = [(q, s) for q, _, s, _ in quotes_of(run(text))]
    assert found[0][0].startswith("The border stays open only")
    assert ("We are ready,", "Ion Munteanu") in found


def test_the_listener_of_told_is_never_the_speaker(run):
    text = '"The dam will hold," Senator Dara Quill, told Radio Kestrel on Monday.'
    ((_, kind, speaker, _),) = quotes_of(run(text))
    assert (kind, speaker) == ("direct", "Dara Quill")


def test_a_partial_quote_running_into_a_second_sentence_keeps_its_verb(run):
    text = (
        '"We need the funds now," Mayor John Ostrow told reporters. '
        'Olaf Scholz noted the plan "leaves the east out. I think that is a mistake."'
    )
    speakers = [s for _, _, s, _ in quotes_of(run(text))]
    assert speakers == ["John Ostrow", "Olaf Scholz"]


def test_a_possessed_object_is_not_an_inverted_speaker(run):
    # the parser reads "Leavitt called …" as a name the verb describes, with no subject
    text = 'Leavitt called Carney\'s plan "reckless and cruel."'
    ((_, kind, speaker, _),) = quotes_of(run(text))
    assert kind == "partial" and "Leavitt" in speaker


def test_a_verb_right_before_a_quote_with_no_colon_is_not_its_cue(run):
    text = (
        "Maia Sandu spoke in Chisinau. Talks continue “The border must stay open for trade,” "
        "Olaf Scholz said."
    )
    ((_, kind, speaker, cue),) = quotes_of(run(text))
    assert (kind, speaker, cue) == ("direct", "Olaf Scholz", "said")


def test_a_person_named_at_the_end_of_a_body_s_title_speaks(run):
    text = '"The camps are full," UNHCR Representative for Chad Maria Lopez said.'
    ((_, _, speaker, _),) = quotes_of(run(text))
    assert "Maria Lopez" in speaker  # not the UN Refugee Agency


def test_according_to_before_a_quote_gives_its_speaker(run):
    text = (
        "Maia Sandu met Olaf Scholz on Monday. According to Scholz, “The talks went well. "
        "Both sides want a deal.”"
    )
    ((_, kind, speaker, cue),) = quotes_of(run(text))
    assert (kind, speaker, cue) == ("direct", "Olaf Scholz", "according to")


def test_a_speech_verb_right_after_a_partial_quote_gives_its_speaker(run):
    text = 'The launch came after another "very important test" Iran said it carried out.'
    partial = [(k, s) for _, k, s, _ in quotes_of(run(text)) if k == "partial"]
    assert partial == [("partial", "Iran")]


def test_of_two_subjects_the_name_next_to_the_verb_speaks(run):
    # the parse makes both "chief" and the name subjects of "said"
    text = (
        "In response, Iran's army chief of staff Mohammad Bagheri said, "
        '"We are ready for anything."'
    )
    ((_, _, speaker, _),) = quotes_of(run(text))
    assert speaker == "Mohammad Bagheri"


def test_she_never_names_a_man_an_honorific_marks(run):
    text = 'Mr. John Pratt met Jane Holloway in Ohio. "We agreed on nothing," she said.'
    ((_, _, speaker, _),) = quotes_of(run(text))
    assert speaker == "Jane Holloway"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the first name: the knowledge base's Daniels are men
        ('Maria Oduya met the mayor. Daniel Kessler spoke first. "We lost," she said.',
         "Maria Oduya"),
        # a role noun before the name
        ('Tove Brandt met spokesman Ossi Laine. Laine urged calm. "No one was hurt," she said.',
         "Tove Brandt"),
        # "he said" before made him a man
        ('Jorma Kallio met Aino Virtanen in Oslo. "We talked for an hour," he said. '
         'The port reopened later. "Nobody was hurt," she said.', "Aino Virtanen"),
        # a long quote does not put the speaker named before it out of reach
        ("Tove Brandt spoke to reporters at the harbour on Monday.\n\n"
         '"The docks are closed. The cranes are down. The ships wait outside. '
         'Nobody knows for how long," she said.', "Tove Brandt"),
    ],
)  # fmt: skip
def test_she_said_after_a_quote_is_the_nearest_woman_before_it(run, text, speaker):
    assert quotes_of(run(text))[-1][2] == speaker


def test_a_bare_title_refers_back_to_the_person_it_named(run):
    text = (
        "Punjab Chief Minister Maryam Nawaz visited the flooded district on Monday. Aid trucks "
        'arrived later. "Every family will be housed," the chief minister said.'
    )
    ((_, _, speaker, _),) = quotes_of(run(text))
    assert speaker == "Maryam Nawaz"


def test_answered_is_a_cue(run):
    text = (
        '"We answered every question," Mayor John Ostrow said.\n\n'
        '"Nobody was hiding anything," he answered.'
    )
    assert [c for _, _, _, c in quotes_of(run(text))] == ["said", "answered"]


def test_an_opening_curly_mark_set_as_a_closing_one_closes(run):
    text = "“Will the border stay open?“ Maia Sandu asked. “We hope so,” Olaf Scholz said."
    found = [(q, s) for q, _, s, _ in quotes_of(run(text))]
    assert found == [
        ("Will the border stay open?", "Maia Sandu"),
        ("We hope so,", "Olaf Scholz"),
    ]


def test_a_quote_signed_after_a_dash_is_the_signer_s(run):
    text = (
        "Readers wrote in after the debate.\n\n"
        "“He never answered a single question about farm prices.”\u00a0― Maria Lindqvist\n\n"
        "“We deserve better than this.”― Tomas Berg."
    )
    assert [(speaker, cue) for _, _, speaker, cue in quotes_of(run(text))] == [
        ("Maria Lindqvist", "―"),
        ("Tomas Berg", "―"),
    ]


def test_marks_inside_markup_tags_are_no_quotes(run):
    text = (
        'The mayor posted a reply.\n\n<tweet author="@harbourmayor" date="2016-05-02">We will '
        "rebuild the pier.</tweet>\n\n"
        '"The pier will open in June," the mayor said.'
    )
    assert [q.text for q in run(text).quotes] == ["The pier will open in June,"]


def test_a_cue_the_parser_split_off_after_an_exclamation_is_the_quote_s(run):
    text = 'The crowd grew.\n\n"Power to the harbour!" the dock workers shouted outside.'
    ((_, _, _, cue),) = quotes_of(run(text))
    assert cue == "shouted"
    (record,) = run(text).attributions
    assert record.source_text == "the dock workers"
    # a sentence of its own after the quote reports something else
    (_, second) = run('"Never!" She said the vote was rigged.').attributions
    assert (second.source_text, second.text) == ("She", "the vote was rigged")


def test_a_quote_after_a_colon_is_what_the_clause_before_announces(run):
    text = 'Later, Maia Sandu delivered a blunt message to the mayor: "It is time to stop."'
    assert quotes_of(run(text)) == [("It is time to stop.", "direct", "Maia Sandu", "delivered")]
    (record,) = run('The sign read: "Welcome to the harbour."').attributions
    assert (record.source_text, record.cue) == ("The sign", "read")


def test_one_capitalised_word_set_off_as_said_is_a_quote_not_a_name(run):
    said = quotes_of(run('Asked about the pier, the mayor said, "Probably."'))
    assert [text for text, *_ in said] == ["Probably."]
    assert quotes_of(run('The exercise, named "Strait Thunder", began on Monday.')) == []


def test_participle_cue_speaks_for_the_subject_of_the_verb_it_trails(run):
    text = (
        "Kaja Kallas pointed to the long queues at the border crossings, while adding "
        '"nobody in Brussels wants a new wall in Europe."'
    )
    ((_, kind, speaker, cue),) = quotes_of(run(text))
    assert (kind, speaker, cue) == ("direct", "Kaja Kallas", "adding")


def test_participle_after_a_comma_takes_the_clause_subject_when_the_parse_loses_it(run):
    # a capitalised group name after the quote makes the parser hang the participle elsewhere
    text = (
        "Defence Minister Ahmed Khan was quick to claim the raid, announcing on Sunday that "
        'the special forces had "neutralised" IS commander Abu Hamza in the desert.'
    )
    assert ("neutralised", "partial", "Ahmed Khan", "announcing") in quotes_of(run(text))


def test_a_quote_with_no_cue_goes_on_in_the_voice_of_the_partial_quote_before_it(run):
    text = (
        "Tendai Moyo, a lawyer for the editor, spoke outside the court on Monday. "
        'The ruling is "deeply troubling for the press," he added. '
        '"My client did nothing but publish what officials had already said in public, '
        'and he will appeal."'
    )
    assert [speaker for _, _, speaker, _ in quotes_of(run(text))] == ["Tendai Moyo"] * 2


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The prosecutor, who was sanctioned by the European Union in 2023 for "
            "“obstructing justice,” resigned.",
            "European Union",
        ),
        ("The law was condemned by Amnesty International as “a tool of repression.”",
         "Amnesty International"),
    ],
)  # fmt: skip
def test_a_partial_quote_under_a_passive_verb_is_its_by_agent_s(run, text, speaker):
    ((_, kind, found, _),) = quotes_of(run(text))
    assert (kind, found) == ("partial", speaker)


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('"I will not go back to that town," fumed Halima Warsame, a teacher who fled in 2019.',
         "Halima Warsame", "fumed"),
        ('"We cannot wait any longer," Peter Odhiambo grumbled on Tuesday.', "Peter Odhiambo",
         "grumbled"),
    ],
)  # fmt: skip
def test_any_verb_framing_a_quote_as_its_cue_gives_the_speaker(run, text, speaker, cue):
    ((_, kind, found, found_cue),) = quotes_of(run(text))
    assert (kind, found, found_cue) == ("direct", speaker, cue)


def test_a_verb_after_a_quote_closed_by_a_full_stop_is_no_cue(run):
    text = '"The border is closed." Peter Odhiambo drove home on Tuesday.'
    ((_, _, found, cue),) = quotes_of(run(text))
    assert (found, cue) == (None, None)


def test_a_quote_that_is_the_predicate_of_the_writer_s_sentence_is_its_subject_s(run):
    text = (
        "Nadia Osman, a nurse, left the city in March. "
        '"The clinic was empty," Jonas Berg said. Nadia Osman returned to her village in May. '
        'But she and her husband, like many others, "could not find work or clean water."'
    )
    speakers = [speaker for _, _, speaker, _ in quotes_of(run(text))]
    assert speakers == ["Jonas Berg", "Nadia Osman"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the body speaks, then its minister is named confirming it
        ('Nigeria said on Monday that the new refinery "is almost ready." Finance Minister '
         "Adaeze Okonkwo confirmed at a briefing that output would start in June.",
         "Adaeze Okonkwo"),
        # a person of another country who speaks next is no voice of the body
        ('Nigeria said on Monday that the new refinery "is almost ready." Ghanaian President '
         "Kofi Mensah said he hoped to buy its fuel.", "Nigeria"),
    ],
)  # fmt: skip
def test_a_body_s_quote_is_its_official_s_who_speaks_in_the_next_sentence(run, text, speaker):
    ((_, _, found, _),) = [q for q in quotes_of(run(text)) if q[1] == "partial"]
    assert found == speaker


def test_a_quote_the_body_did_not_say_keeps_it_before_an_official_who_speaks_next(run):
    text = (
        'Nigeria froze the accounts of the firm and its "shadow partners" in May. '
        "Finance Minister Adaeze Okonkwo said the firm owed taxes."
    )
    ((_, _, found, _),) = [q for q in quotes_of(run(text)) if q[1] == "partial"]
    assert found != "Adaeze Okonkwo"


@pytest.mark.parametrize("verb", ["disclosed", "said"])
def test_disclosing_is_saying(run, verb):
    text = f"Finance Minister Adaeze Okonkwo {verb} that the refinery would open in June."
    assert quotes_of(run(text))[0][2:] == ("Adaeze Okonkwo", verb)


def test_a_verb_of_saying_is_the_cue_before_a_word_the_tagger_took_for_a_verb(run):
    text = '"We are appalled," WHO chief Tedros Adhanom Ghebreyesus wrote on social media.'
    ((_, _, speaker, cue),) = quotes_of(run(text))
    assert (speaker, cue) == ("Tedros Adhanom Ghebreyesus", "wrote")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the quoted word only describes what the reported speaker did: the accuser's word
        ("Prosecutors in Chisinau alleged that Ilan Shor had posted “misleading” videos about "
         "the vote.", "Prosecutors"),
        ("The Moldovan government said Russia had requested the extradition of 12 “Russian "
         "citizens.”", "Moldovan government"),
        # the quoted words are what the reported speaker said or called something
        ("Maia Sandu told the forum that Moldova was a “reliable partner” for Europe.",
         "Maia Sandu"),
        ("Maia Sandu said Vladimir Putin called the vote “a provocation.”", "Vladimir Putin"),
        ("Maia Sandu said Vladimir Putin promised “a swift response” to the sanctions.",
         "Vladimir Putin"),
    ],
)  # fmt: skip
def test_a_partial_quote_in_reported_speech_is_the_reporting_source_s_unless_said_inside(
    run, text, speaker
):
    ((_, kind, found, _),) = quotes_of(run(text))
    assert (kind, found) == ("partial", speaker)


@pytest.mark.parametrize(
    "text",
    [
        "Ilan Shor was charged with “high treason” in March.",
        # nor is the speaker of the next sentence the cue of a quote that ends its own
        "Ilan Shor was accused of “undermining the constitutional order.” Maia Sandu said the "
        "court would rule in May.",
    ],
)
def test_the_subject_of_a_passive_verb_is_not_the_speaker_of_the_quote_under_it(run, text):
    partial = [(kind, speaker) for _, kind, speaker, _ in quotes_of(run(text)) if kind == "partial"]
    assert partial == [("partial", None)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The main worry, Maia Sandu said, is that the vote could see “massive interference” "
         "from abroad.", "Maia Sandu"),
        ("More than 5,000 people have left the region for “safer places” the Red Cross says.",
         "International Committee of the Red Cross"),
    ],
)  # fmt: skip
def test_a_reporting_aside_gives_the_partial_quote_in_its_clause_its_speaker(run, text, speaker):
    ((_, kind, found, _),) = quotes_of(run(text))
    assert (kind, found) == ("partial", speaker)


def test_an_it_opening_its_sentence_speaks_for_the_body_that_was_the_last_subject(run):
    text = (
        "The Red Cross has warned about the camps for months. It issued a statement on Monday "
        "saying the camps were “no longer safe for children.”"
    )
    ((_, _, found, _),) = quotes_of(run(text))
    assert found == "International Committee of the Red Cross"


@pytest.mark.parametrize(
    "text",
    [
        "The consultancy Brightwater Analytics expects strong growth next year. "
        "“Moldova is becoming a regional hub,” the consultancy says.",
        "Business consultancy Brightwater Analytics expects strong growth next year. "
        "“Moldova is becoming a regional hub,” the consultancy says.",
    ],
)
def test_a_class_noun_with_the_speaks_for_the_body_it_named_before(run, text):
    ((_, _, speaker, _),) = quotes_of(run(text))
    assert speaker == "Brightwater Analytics"


def test_a_word_quoted_as_what_a_speaker_calls_something_is_theirs(run):
    report = run(
        "Macron announced that he and Scholz had agreed to convene in Paris to explore "
        "possibilities for concluding what he referred to as the \u201cfutile\u201d dispute "
        "between the two parties."
    )
    (quote,) = [q for q in report.quotes if "futile" in q.text]
    assert report.actor(quote.speaker).name == "Emmanuel Macron"


def test_a_dashed_apposition_is_not_the_speaker(run):
    report = run(
        "Syrian interim President Ahmed al-Sharaa signed the declaration on Thursday. "
        "Al-Sharaa — leader of the group that led the offensive against Assad's army — said "
        "he hoped it would mark “the beginning of a new history for Syria.”"
    )
    # the speaker is al-Sharaa, not Assad whom the apposition names
    assert ["sharaa" in (q[2] or "").lower() for q in quotes_of(report)] == [True]


def test_a_definite_description_speaking_is_the_person_named_before(run):
    text = (
        "Former European Union official Michel Barnier, who led the bloc's Brexit talks, says "
        "immigration should stop. The French politician, who may run for president, says "
        "immigration in the EU is “not working.”"
    )
    report = run(text)
    (quote,) = [q for q in report.quotes if q.text.startswith("not working")]
    assert report.actor(quote.speaker).name == "Michel Barnier"


def test_a_description_takes_no_one_named_by_a_single_word(run):
    text = (
        "The Schengen system needs reexamination, analysts say. The French politician says "
        "immigration is “not working.”"
    )
    report = run(text)
    (quote,) = [q for q in report.quotes if q.text.startswith("not working")]
    speaker = report.actor(quote.speaker)
    assert speaker is None or speaker.name != "Schengen"
