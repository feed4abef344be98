"""The public API is explicit and every name in it resolves."""

import tidings


def test_public_names_are_pinned():
    assert sorted(tidings.__all__) == [
        "Actor", "Article", "Citation", "Event", "EventDate", "Evidence", "Location", "Mention",
        "Modality", "Quantity", "Quote", "Report", "Settings", "TidingsError", "TimeExpression",
        "extract", "extract_many", "load_pipeline", "load_settings", "open_store", "read_article",
    ]  # fmt: skip


def test_every_public_name_resolves():
    for name in tidings.__all__:
        assert getattr(tidings, name) is not None
