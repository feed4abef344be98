"""The parse stage's reading of news layout."""

from tidings.parse import dateline_span


def test_the_dateline_is_found_only_at_the_start_of_the_body(pipeline):
    doc = pipeline.nlp("KABUL (Reuters) - The Taliban said on Monday they would attend.")
    assert doc.text[slice(*dateline_span(doc))] == "KABUL (Reuters) - "
    for text in ("US-led forces struck a depot.", "UN officials said: the talks are over."):
        assert dateline_span(pipeline.nlp(text)) == (-1, -1)
