"""The attributions scorer: readers, gold kinds, matching and scoring arithmetic, the pipeline."""

import json
from datetime import date

import pytest

from tidings.devsets.attributions import (
    Attribution,
    AttributionDocument,
    Part,
    attribution_kind,
    cue_correct,
    false_positive_cause,
    load_attributions,
    match_contents,
    match_exact,
    miss_cause,
    predicted_attributions,
    score_attributions,
    score_predictions,
    speaker_correct,
    word_lemma,
)

# Sentences written for these tests.
ARTICLE = (
    'The mayor said the bridge would reopen in May. "We are nearly done," '
    "Alvarez told reporters. Critics fear the costs will rise, according to the council."
)


def spans_of(text: str, piece: str) -> list[list[int]]:
    start = text.index(piece)
    return [[start, start + len(piece)]]


def part(text: str, piece: str) -> dict:
    return {"text": piece, "spans": spans_of(text, piece)}


def gold(
    content: str, kind: str, source: str | None = "x", cue: str | None = "said"
) -> Attribution:
    return Attribution(
        Part(content, ()),
        Part(source, ()) if source else None,
        Part(cue, ()) if cue else None,
        kind,
    )


@pytest.fixture
def jsonl_file(tmp_path):
    row = {
        "id": "a1",
        "text": ARTICLE,
        "labels": {
            "publication_date": "2016-05-02",
            "attributions": [
                {
                    "source": part(ARTICLE, "The mayor"),
                    "cue": part(ARTICLE, "said"),
                    "content": [part(ARTICLE, "the bridge would reopen in May")],
                    "has_source": True,
                },
                {
                    "source": part(ARTICLE, "Alvarez"),
                    "cue": part(ARTICLE, "told"),
                    "content": [part(ARTICLE, '"We are nearly done,"')],
                    "has_source": True,
                },
                {
                    "source": part(ARTICLE, "the council"),
                    "cue": part(ARTICLE, "according to"),
                    "content": [part(ARTICLE, "Critics fear the costs will rise")],
                    "has_source": True,
                },
                {"source": None, "cue": None, "content": [], "has_source": False},
            ],
        },
    }
    path = tmp_path / "attributions.jsonl"
    path.write_text(json.dumps(row) + "\n\n", encoding="utf-8")
    return path


def test_jsonl_reader_reads_parts_dates_and_kinds(jsonl_file):
    (document,) = load_attributions(jsonl_file)
    assert document.id == "a1" and document.published == date(2016, 5, 2)
    # the attribution without content is dropped: there is nothing to match it with
    assert [a.kind for a in document.attributions] == ["indirect", "direct", "other"]
    first = document.attributions[0]
    assert first.source == Part("The mayor", ((0, 9),))
    assert first.cue is not None and first.cue.text == "said"
    assert first.content.text == "the bridge would reopen in May"


BRAT_TEXT = 'Ana Ruiz said the vote was "a disgrace" and that she would appeal, her lawyer wrote.'


def brat_line(tag: str, kind: str, *pieces: str) -> str:
    spans = ";".join(f"{BRAT_TEXT.index(p)} {BRAT_TEXT.index(p) + len(p)}" for p in pieces)
    return f"{tag}\t{kind} {spans}\t{' '.join(pieces)}"


@pytest.mark.parametrize(
    "links",
    [
        ["R1\tSOURCE Arg1:T3 Arg2:T1", "R2\tCUE Arg1:T3 Arg2:T2"],
        ["R1\tHAS_SOURCE Arg1:T2 Arg2:T1", "R2\tHAS_CONTENT Arg1:T2 Arg2:T3"],
        ["E1\tAttribution:T2 Source:T1 Content:T3"],
        ["A1\tAttributionId T1 a1", "A2\tAttributionId T2 a1", "A3\tAttributionId T3 a1"],
    ],
    ids=["relations-from-content", "relations-from-cue", "event", "id-attributes"],
)
def test_brat_reader_links_source_cue_and_discontinuous_content(tmp_path, links):
    lines = [
        brat_line("T1", "Source", "Ana Ruiz"),
        brat_line("T2", "Attribution" if links[0].startswith("E") else "Cue", "said"),
        brat_line("T3", "Content", 'the vote was "a disgrace"', "she would appeal"),
        *links,
    ]
    (tmp_path / "ruiz_2016-10-01_appeal.txt").write_text(BRAT_TEXT, encoding="utf-8")
    (tmp_path / "ruiz_2016-10-01_appeal.ann").write_text("\n".join(lines), encoding="utf-8")
    (document,) = load_attributions(tmp_path)
    (attribution,) = document.attributions
    assert document.published == date(2016, 10, 1)
    assert attribution.source is not None and attribution.source.text == "Ana Ruiz"
    assert attribution.cue is not None and attribution.cue.text == "said"
    assert attribution.content.text == 'the vote was "a disgrace" she would appeal'
    assert len(attribution.content.spans) == 2
    assert attribution.kind == "mixed"


def test_brat_reader_keeps_a_shared_source_in_two_attributions(tmp_path):
    lines = [
        brat_line("T1", "Source", "Ana Ruiz"),
        brat_line("T2", "Cue", "said"),
        brat_line("T3", "Content", 'the vote was "a disgrace"'),
        brat_line("T4", "Cue", "wrote"),
        brat_line("T5", "Content", "she would appeal"),
        "R1\tSOURCE Arg1:T2 Arg2:T1",
        "R2\tCONTENT Arg1:T2 Arg2:T3",
        "R3\tSOURCE Arg1:T4 Arg2:T1",
        "R4\tCONTENT Arg1:T4 Arg2:T5",
    ]
    (tmp_path / "one.txt").write_text(BRAT_TEXT, encoding="utf-8")
    (tmp_path / "one.ann").write_text("\n".join(lines), encoding="utf-8")
    (document,) = load_attributions(tmp_path / "one.txt")
    assert [a.cue.text for a in document.attributions if a.cue] == ["said", "wrote"]
    assert {a.source.text for a in document.attributions if a.source} == {"Ana Ruiz"}


@pytest.mark.parametrize(
    ("text", "content", "cue", "kind"),
    [
        ('He said: "We will win."', "We will win.", "said", "direct"),
        ('He said: "We will win."', '"We will win."', "said", "direct"),
        ("He said: ''We will win.''", "We will win.", "said", "direct"),
        (
            'He called the plan "a fraud" and a waste.',
            'the plan "a fraud" and a waste',
            "called",
            "mixed",
        ),
        ("He says the plan is a fraud.", "the plan is a fraud", "says", "indirect"),
        ("Polls show the race is tight.", "the race is tight", "show", "other"),
        ("The race is tight, according to polls.", "The race is tight", "according to", "other"),
        ("Clinton’s aides insisted the plan works.", "the plan works", "insisted", "indirect"),
    ],
)
def test_attribution_kind_reads_quotation_marks_and_cue(text, content, cue, kind):
    start = text.index(content)
    assert attribution_kind(text, [(start, start + len(content))], cue) == kind


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("said", "say"),
        ("says", "say"),
        ("saying", "say"),
        ("admitted", "admit"),
        ("called", "call"),
        ("stressed", "stress"),
        ("told", "tell"),
    ],
)
def test_word_lemma_folds_verb_forms(word, lemma):
    assert word_lemma(word) == lemma


def test_contents_match_one_to_one_by_best_jaccard():
    gold_texts = ["the bridge will reopen in May", "costs will rise sharply this year"]
    predicted = [
        '"The bridge will reopen in May,"',  # marks and punctuation do not count
        "the bridge will reopen",  # 4/6: a weaker candidate for the same gold item
        "costs will rise",  # 3/6 = 0.5: just enough
        "something else entirely",
    ]
    matches = match_contents(gold_texts, predicted)
    assert [(m.gold, m.predicted) for m in matches] == [(0, 0), (1, 2)]
    assert matches[0].jaccard == 1.0 and matches[1].jaccard == 0.5


def test_exact_match_strips_marks_punctuation_and_that():
    matches = match_exact(
        ['"We are done,"', "that the costs will rise", "a longer text here"],
        ["We are done", "the costs will rise.", "a longer text"],
    )
    assert [(m.gold, m.predicted) for m in matches] == [(0, 0), (1, 1)]


@pytest.mark.parametrize(
    ("gold_source", "predicted", "right"),
    [
        (Part("Alvarez", ((10, 17),)), Part("Maria Alvarez", ((40, 47),)), True),  # shared name
        (Part("she", ((10, 13),)), Part("Maria Alvarez", ((0, 13), (10, 13))), True),  # mention
        (Part("The Post", ((0, 8),)), Part("The Times", ((20, 29),)), False),  # only "the"
        (Part("the council", ((0, 11),)), None, False),
    ],
)
def test_speaker_correct_by_mention_overlap_or_shared_name_word(gold_source, predicted, right):
    assert speaker_correct(gold_source, predicted) is right


@pytest.mark.parametrize(
    ("gold_cue", "predicted", "right"),
    [
        (Part("has said", ((5, 13),)), Part("says", ()), True),
        (Part("according to", ((5, 17),)), Part("according to", ((5, 17),)), True),
        (Part("told", ((5, 9),)), Part("wrote", ()), False),
    ],
)
def test_cue_correct_by_span_or_lemma(gold_cue, predicted, right):
    assert cue_correct(gold_cue, predicted) is right


def test_scores_count_matches_per_gold_kind_and_false_positives_per_own_kind():
    document = AttributionDocument(
        "d",
        "",
        (
            gold("we are nearly done with it", "direct", "Alvarez", "told"),
            gold("the bridge would reopen in May", "indirect", "The mayor", "said"),
            gold("critics fear the costs will rise", "other", "the council", "according to"),
        ),
    )
    predicted = (
        gold("we are nearly done with it", "direct", "Maria Alvarez", "told"),
        gold("the bridge would reopen in May", "mixed", "Alvarez", "says"),  # wrong speaker
        gold("a phrase nobody said", "mixed", None, None),
    )
    score = score_predictions([document], [predicted], errors=5)
    rows = {row["kind"]: row for row in score.tables["per_kind"]}
    assert score.counts == {"documents": 1, "gold": 3, "predicted": 3, "matched": 2}
    # the mixed prediction matched to indirect gold is a true positive for indirect
    assert rows["indirect"]["matched"] == 1 and rows["indirect"]["precision"] == 1.0
    assert rows["mixed"]["predicted"] == 1 and rows["mixed"]["precision"] == 0.0
    assert rows["speech"] == {
        "kind": "speech",
        "gold": 2,
        "predicted": 3,
        "matched": 2,
        "precision": round(2 / 3, 4),
        "recall": 1.0,
        "f1": 0.8,
        "exact_f1": 0.8,
        "speaker_accuracy": 0.5,
        "cue_accuracy": 1.0,
    }
    assert score.metrics["all_f1"] == round(2 * (2 / 3) * (2 / 3) / (4 / 3), 4)
    assert score.metrics["other_f1"] == 0.0 and score.metrics["direct_exact_f1"] == 1.0
    assert sorted((e.kind, e.cause) for e in score.errors) == [
        ("false-positive", "scare quote or title"),
        ("miss", "no attribution, cue not a speech verb"),
        ("wrong", "wrong speaker"),
    ]
    wrong = next(e for e in score.errors if e.kind == "wrong")
    assert (wrong.gold, wrong.output) == ("The mayor | said", "Alvarez | says")


def test_score_keeps_at_most_n_errors_of_each_kind():
    documents = [
        AttributionDocument(str(i), "", (gold("one two three", "indirect"),)) for i in range(4)
    ]
    score = score_predictions(documents, [()] * 4, errors=2)
    assert len(score.errors) == 2
    assert score.tables["error_causes"] == [{"kind": "miss", "cause": "no attribution", "count": 4}]


def located(text: str, piece: str, kind: str = "indirect") -> Attribution:
    start = text.index(piece)
    return Attribution(Part(piece, ((start, start + len(piece)),)), None, None, kind)


def test_error_causes_tell_split_short_and_long_contents_apart():
    text = "Alpha beta gamma delta epsilon zeta eta theta."
    whole = located(text, "Alpha beta gamma delta epsilon zeta eta theta")
    head, tail = located(text, "Alpha beta gamma"), located(text, "epsilon zeta eta")
    assert miss_cause(whole, []) == "no attribution"
    assert miss_cause(located("''Alpha beta,''", "''Alpha beta,''", "direct"), []) == (
        "no attribution, quoted with ''"
    )
    assert miss_cause(whole, [head, tail]) == "content split"
    assert miss_cause(whole, [head]) == "content too short"
    assert miss_cause(head, [whole]) == "content too long"
    assert false_positive_cause(tail, [whole], matched=True) == "content split"
    assert false_positive_cause(head, [located(text, "theta")], matched=False) == (
        "not an attribution"
    )


PIPELINE_TEXT = (
    "Mayor Elena Alvarez said on Monday that the new bridge would reopen in May.\n\n"
    '"We are nearly done with the repairs," Alvarez told reporters at City Hall.'
)


def test_pipeline_quotes_become_attributions_with_speaker_and_cue(run):
    report = run(PIPELINE_TEXT, date(2016, 5, 2))
    found = {a.kind: a for a in predicted_attributions(report)}
    assert found["indirect"].content.text == "the new bridge would reopen in May"
    assert found["direct"].content.text.startswith("We are nearly done")
    assert all(a.source is not None and "Alvarez" in a.source.text for a in found.values())
    assert found["direct"].cue == Part("told", ((124, 128),))


def test_pipeline_scores_against_gold_written_by_hand(pipeline):
    text = PIPELINE_TEXT
    content = "the new bridge would reopen in May"
    start = text.index(content)
    document = AttributionDocument(
        "bridge",
        text,
        (
            Attribution(
                Part(content, ((start, start + len(content)),)),
                Part("Mayor Elena Alvarez", ((0, 19),)),
                Part("said", ((20, 24),)),
                "indirect",
            ),
        ),
        date(2016, 5, 2),
    )
    score = score_attributions([document], pipeline, errors=3)
    assert score.name == "attributions"
    assert score.counts == {"documents": 1, "gold": 1, "predicted": 2, "matched": 1}
    assert score.metrics["indirect_f1"] == 1.0 and score.metrics["speaker_accuracy"] == 1.0
    # the direct quote is missing from this gold on purpose: one false positive
    assert [(e.kind, e.cause) for e in score.errors] == [("false-positive", "not an attribution")]
