"""Scoring tidings on labelled sets in other people's formats (TimeML, attribution spans,
PLOVER-coded sentences, sentence labels, blind story gold): `tidings dev-eval` and
`tidings evaluate --as`."""

from tidings.devsets.common import ErrorCase, SetScore

__all__ = ["ErrorCase", "SetScore"]
