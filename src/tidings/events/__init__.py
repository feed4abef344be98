"""Events: PLOVER-typed, directed, dated and placed events with their modality and evidence.

`detect` finds triggers and their arguments in the parse, `modality` and `dating` read whether
and when each happened, `assemble` turns them into the article's events.
"""

from tidings.events.assemble import find_events

__all__ = ["find_events"]
