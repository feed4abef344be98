"""Quotes: direct, split, partial, guillemets and indirect, with speakers through coreference."""


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
