"""The parse stage's reading of news layout."""

from tidings.parse import dateline_span


def test_the_dateline_is_found_only_at_the_start_of_the_body(pipeline):
    doc = pipeline.nlp("KABUL (Reuters) - The Taliban said on Monday they would attend.")
    assert doc.text[slice(*dateline_span(doc))] == "KABUL (Reuters) - "
    for text in ("US-led forces struck a depot.", "UN officials said: the talks are over."):
        assert dateline_span(pipeline.nlp(text)) == (-1, -1)


def test_verbs_the_model_lemmatises_wrongly_get_their_lemma(pipeline):
    doc = pipeline.nlp(
        "Workers staged a protest while the army was waging war and police cordoned it off."
    )
    lemmas = {t.lower_: t.lemma_ for t in doc if t.pos_ == "VERB"}
    assert (lemmas["staged"], lemmas["waging"], lemmas["cordoned"]) == ("stage", "wage", "cordon")
