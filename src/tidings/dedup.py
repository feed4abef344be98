"""Cross-article deduplication: the same real-world event reported by many articles is one.

The merge rule, applied to two events from different articles (all must hold):
1. the same PLOVER type and a compatible modality: asserted and reported-claim both say it
   happened; planned, hypothetical, conditional and negated only match themselves;
2. the same actors: the sets of source and target references (ISO-3 country or organisation id)
   are equal where both articles name them (for CONSULT, AGREE and COOPERATE, whose direction
   is arbitrary, the participants as one set, one may name fewer); an empty target is filled by
   the event's place country; another empty side makes the match lenient;
3. dates within a window: day-dated events at most `DAY_WINDOW` days apart, periods (weeks,
   months, ranges) overlapping; an event "on or before" a day covers the `OPEN_DAYS` before it
   and makes the match lenient; an undated event makes the match lenient;
4. nothing contradicts: two known place countries agree; the countries each sentence names
   (actors and place) are one a subset of the other; when both sentences hold numbers, they
   share one ("13 hostages" and "17 hostages" are two releases);
5. evidence sentences that share content: a Jaccard similarity of their content words of at
   least `TEXT_THRESHOLD` (`TEXT_THRESHOLD_WEAK` when the match is lenient).
Events that match are joined transitively into clusters (union-find); each cluster lists every
article, sentence and outlet that reported it. Articles whose texts are near copies (word
5-shingle Jaccard at least `COPY_THRESHOLD`) are flagged as wire copies.

Both scale near-linearly with the corpus, and neither holds it in memory. Events are compared
only within blocks the rule itself implies (lossless: every pair the rule would merge is
compared): the same type and actors that can agree (the same sources and targets, or an empty
side; for symmetric types, a shared participant), and dates within the window. A store's
events are read a type and a range of days at a time, in order of their days, and one is kept
only while a later one can still be within its window; undated events (and the rare dates
whose stored first day is not the one the rule reads: quarters, open months) are kept while
their type is merged, as they match any date.
Wire-copy candidates come from MinHash signatures of the shingles cut into
locality-sensitive-hashing bands (`datasketch`), with a band threshold well below
`COPY_THRESHOLD` so that no copy is missed in practice: texts are streamed, only each one's
band hashes kept (25 integers), and each candidate pair is then measured exactly on its two
texts, read again.
"""

from __future__ import annotations

import calendar
import gc
import re
import zlib
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import combinations
from typing import Any

from tidings.lexicons import data_lines
from tidings.model import Event, Report

DAY_WINDOW = 1
# An event "on or before" a day happened in the weeks before it: reports of it match events of
# those weeks, not of any year (the texts give past events no time when they are recent).
OPEN_DAYS = 30
OPEN = timedelta(days=OPEN_DAYS)
TEXT_THRESHOLD = 0.05
TEXT_THRESHOLD_WEAK = 0.1
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
FACTUAL = frozenset({"asserted", "reported-claim"})
COPY_THRESHOLD = 0.8
# MinHash signatures of 128 values cut into LSH bands for pairs near 0.5: a pair at 0.8 shares a
# band with probability above 0.9999, so wire copies are not missed (tests/test_dedup.py).
COPY_PERMUTATIONS = 128
COPY_BAND_THRESHOLD = 0.5
COPY_SCHEME = "affine32"  # datasketch 2's scheme for 32-bit hashes (CRC-32 of each shingle)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class EventView:
    """What the merge rule compares of one event."""

    id: str
    article_id: str
    type: str
    modality: str
    sources: frozenset[str]
    targets: frozenset[str]
    start: date | None
    end: date | None
    place_country: str | None
    words: frozenset[str]
    named: frozenset[str] = frozenset()  # countries the sentence names, as actors or place
    numbers: frozenset[str] = frozenset()
    open_start: bool = False  # dated "on or before" its last day (`event_span`)


@cache
def stop_words() -> frozenset[str]:
    """Words that say nothing of what happened (data/stop_words.txt)."""
    return frozenset(data_lines("data/stop_words.txt"))


def content_words(sentence: str) -> frozenset[str]:
    """The lower-cased content words of a sentence, crudely stemmed (plural -s dropped)."""
    words = (w.lower() for w in _WORD.findall(sentence))
    return frozenset(w[:-1] if len(w) > 4 and w.endswith("s") else w for w in words
                     if w not in stop_words() and len(w) > 2)  # fmt: skip


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def date_span(value: str | None) -> tuple[date | None, date | None]:
    """First and last day an ISO date value covers: a day, week, month, year or range."""
    if not value or value.startswith("P"):
        return None, None
    if "/" in value:
        first, _, last = value.partition("/")
        return date_span(first)[0], date_span(last)[1]
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = date.fromisoformat(value)
            return day, day
        if re.fullmatch(r"\d{4}-W\d{2}", value):
            start = date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
            # the calendar's last week ends on 9999-12-31, not on the Sunday after it
            return start, date.fromordinal(min(start.toordinal() + 6, date.max.toordinal()))
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = int(value[:4]), int(value[5:])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None, None
    return None, None


def event_span(value: str | None) -> tuple[date | None, date | None, bool]:
    """The days an event's date value lets it be on, for the merge rule: `date_span`'s, but
    an open interval "on or before" a day (`../2025-03-14`, a past event the text gives no
    time of) covers the `OPEN_DAYS` before that day too, and says so (True)."""
    if value and value.startswith("../"):
        end = date_span(value[3:])[1]
        if end is None:
            return None, None, False
        return date.fromordinal(max(end.toordinal() - OPEN_DAYS, 1)), end, True
    return (*date_span(value), False)


def _actors_agree(a: EventView, b: EventView) -> tuple[bool, bool]:
    """Whether the actors agree, and whether that needed leniency (an empty side)."""
    if not (a.sources or a.targets) or not (b.sources or b.targets):
        return False, False
    if a.type in SYMMETRIC_TYPES:
        mine, theirs = a.sources | a.targets, b.sources | b.targets
        if mine == theirs:
            return True, False
        return (mine <= theirs or theirs <= mine), True
    lenient = False
    a_targets = a.targets or frozenset({a.place_country} - {None})
    b_targets = b.targets or frozenset({b.place_country} - {None})
    for mine, theirs in ((a.sources, b.sources), (a_targets, b_targets)):
        if mine and theirs:
            if mine != theirs:
                return False, False
        elif mine or theirs:
            lenient = True
        else:
            lenient = True  # neither names this side: the actors say less than they might
    return True, lenient


def _dates_agree(a: EventView, b: EventView) -> tuple[bool, bool]:
    """Whether the dates agree, and whether that needed leniency (a date missing, or only
    "on or before" a day)."""
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return True, True
    window = timedelta(days=DAY_WINDOW)
    # differences of dates, not end + window: that overflows past 9999-12-31
    agree = a.start - b.end <= window and b.start - a.end <= window
    return agree, a.open_start or b.open_start


def same_event(a: EventView, b: EventView) -> bool:
    """The documented merge rule (module docstring)."""
    if a.article_id == b.article_id or a.type != b.type:
        return False
    if a.modality != b.modality and not {a.modality, b.modality} <= FACTUAL:
        return False
    if a.named and b.named and not (a.named <= b.named or b.named <= a.named):
        return False
    if a.numbers and b.numbers and not a.numbers & b.numbers:
        return False
    actors, lenient_actors = _actors_agree(a, b)
    dates, lenient_dates = _dates_agree(a, b)
    if not actors or not dates:
        return False
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return False
    threshold = TEXT_THRESHOLD_WEAK if lenient_actors or lenient_dates else TEXT_THRESHOLD
    return jaccard(a.words, b.words) >= threshold


# A block: the type, which sides it keys on ("ST", "S", "T" or "P": a participant of a
# symmetric type), and those sides' references.
BlockKey = tuple[str, str, frozenset[str], frozenset[str]]
_NONE: frozenset[str] = frozenset()


def block_keys(view: EventView) -> list[BlockKey]:
    """The blocks an event is filed under: by both sides, by its sources alone and by its
    targets alone (the place's country standing in for no target); for a symmetric type, by
    each participant. None for an event whose actors can never agree."""
    if not (view.sources or view.targets):
        return []
    if view.type in SYMMETRIC_TYPES:
        return [(view.type, "P", frozenset({who}), _NONE) for who in view.sources | view.targets]
    targets = view.targets or frozenset({view.place_country} - {None})
    return [
        (view.type, "ST", view.sources, targets),
        (view.type, "S", view.sources, _NONE),
        (view.type, "T", _NONE, targets),
    ]


def partner_keys(view: EventView) -> list[BlockKey]:
    """The blocks that hold every event whose actors can agree with this one's
    (`_actors_agree`): each side the same, or empty on either event; for a symmetric type,
    the participants' blocks (events that agree share a participant)."""
    keys = block_keys(view)
    if not keys or view.type in SYMMETRIC_TYPES:
        return keys
    kind, _, sources, targets = keys[0]
    if not sources:  # any sources agree: targets the same or none
        return [(kind, "T", _NONE, targets), (kind, "T", _NONE, _NONE)]
    if not targets:
        return [(kind, "S", sources, _NONE), (kind, "S", _NONE, _NONE)]
    return [(kind, "ST", sources, targets), (kind, "ST", sources, _NONE),
            (kind, "ST", _NONE, targets)]  # fmt: skip


class Merges:
    """Union-find over the events that merged: each cluster's root is its smallest event id;
    an event never merged is not held (it is a cluster of its own)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def root(self, event_id: str) -> str:
        """The cluster id of an event."""
        parent = self.parent
        while (up := parent.get(event_id, event_id)) != event_id:
            parent[event_id] = event_id = parent.get(up, up)
        return event_id

    def join(self, first: str, second: str) -> None:
        """Merge the clusters of two events."""
        low, high = sorted((self.root(first), self.root(second)))
        self.parent[low] = low
        self.parent[high] = low

    def clusters(self) -> dict[str, str]:
        """Event id -> cluster id of every event that merged with another."""
        return {event_id: self.root(event_id) for event_id in self.parent}


SWEEP_FLOOR = 4096  # events filed before the window's first sweep of every block


class Blocks:
    """Events filed under their blocks (`block_keys`). Dated events filed in order of their
    first day can be dropped once they end too early to be within the window of the next."""

    def __init__(self) -> None:
        self.members: dict[BlockKey, list[EventView]] = defaultdict(list)
        self.first_end: dict[BlockKey, int] = {}  # the earliest last day in a block (ordinal)
        self.filed = 0
        self.kept_at_last_sweep = 0

    def add(self, view: EventView) -> None:
        """File an event under each of its blocks."""
        end = view.end.toordinal() if view.end else date.max.toordinal()
        for key in block_keys(view):
            self.members[key].append(view)
            self.first_end[key] = min(self.first_end.get(key, end), end)
            self.filed += 1

    def partners(self, view: EventView, *, after: int | None = None) -> Iterator[EventView]:
        """The filed events in `view`'s partner blocks; with `after` (a day's ordinal), only
        those ending on or after it, the others dropped for good."""
        for key in partner_keys(view):
            if key not in self.members:
                continue
            if after is not None and self.first_end[key] < after:
                self._keep_ending_after(key, after)
            yield from self.members.get(key, ())

    def _keep_ending_after(self, key: BlockKey, after: int) -> None:
        found = self.members[key]
        kept = [v for v in found if v.end and v.end.toordinal() >= after]
        self.filed -= len(found) - len(kept)
        if kept:
            self.members[key] = kept
            self.first_end[key] = min(v.end.toordinal() for v in kept if v.end)
        else:
            del self.members[key], self.first_end[key]

    def drop_ended(self, before: int) -> None:
        """Drop the events ending before the day `before` from every block, when the blocks
        hold twice what they did at the last sweep (blocks never visited keep theirs
        otherwise)."""
        if self.filed < 2 * self.kept_at_last_sweep + SWEEP_FLOOR:
            return
        for key in [k for k, end in self.first_end.items() if end < before]:
            self._keep_ending_after(key, before)
        self.kept_at_last_sweep = self.filed


def sweep_day(view: EventView) -> date | None:
    """The day a dated event is swept in order of: its first day, or for an event "on or
    before" a day, that day (its first is `OPEN_DAYS` earlier: the store keeps that one)."""
    return view.end if view.open_start else view.start


def merged_events(held: Iterable[EventView], dated: Iterable[EventView]) -> dict[str, str]:
    """Event id -> cluster id (the cluster's smallest event id) of every event that the rule
    merges with another; the others are clusters of their own.

    `held` (events without a day span, and any others) are compared with every event; `dated`
    must come in order of their `sweep_day`: each is compared with the held ones and with the
    dated ones that end at most `OPEN_DAYS` and `DAY_WINDOW` days before that day, which is
    every earlier one whose dates can agree with its (no later event starts earlier than
    `OPEN_DAYS` before its sweep day). So only the held events and a window of dated ones
    are in memory, and every pair the rule would merge is compared.
    """
    merges = Merges()
    held_blocks, window = Blocks(), Blocks()

    def compare(view: EventView, others: Iterable[EventView]) -> None:
        for other in others:
            if merges.root(view.id) != merges.root(other.id) and same_event(view, other):
                merges.join(view.id, other.id)

    for view in held:
        compare(view, held_blocks.partners(view))
        held_blocks.add(view)
    last_day = date.min
    for view in dated:
        day = sweep_day(view)
        if day is None or view.start is None or day < last_day or day - view.start > OPEN:
            raise ValueError(f"dated events out of order of their sweep day at {view.id}")
        last_day = day
        # no later event starts before its sweep day less OPEN_DAYS (`sweep_day`)
        earliest_end = day.toordinal() - OPEN_DAYS - DAY_WINDOW
        window.drop_ended(earliest_end)
        compare(view, window.partners(view, after=earliest_end))
        compare(view, held_blocks.partners(view))
        window.add(view)
    return merges.clusters()


def clusters(events: Iterable[EventView]) -> dict[str, str]:
    """Event id -> cluster id (the cluster's smallest event id) of every event."""
    views = list(events)
    dated = sorted((v for v in views if v.start and v.end), key=lambda v: sweep_day(v) or date.min)
    merged = merged_events((v for v in views if not (v.start and v.end)), dated)
    return {v.id: merged.get(v.id, v.id) for v in views}


# Dated events read and compared at a time by `merge_stored_events` (besides the window).
CHUNK_EVENTS = 50_000


def date_chunks(
    date_values: Iterable[tuple[str | None, date | None, int]], size: int = CHUNK_EVENTS
) -> tuple[list[str], list[tuple[date, date]]]:
    """From each stored date value with its stored first day and count of events: the values
    whose events are held (no day span, or a `sweep_day` that is not the stored first day, so
    that the stored order is not theirs), and ranges of stored first days of about `size` dated
    events each, in order."""
    held, days = [], defaultdict(int)
    for value, stored_start, count in date_values:
        start, end, open_start = event_span(value)
        day = end if open_start else start
        if stored_start is None or start is None or end is None or day != stored_start:
            if value is not None:
                held.append(value)
        else:
            days[day] += count
    chunks: list[tuple[date, date]] = []
    first, filled = None, 0
    for day in sorted(days):
        first, filled = first or day, filled + days[day]
        if filled >= size:
            chunks.append((first, day))
            first, filled = None, 0
    if first:
        chunks.append((first, max(days)))
    return sorted(held), chunks


def merge_stored_events(store: Any, *, chunk_events: int = CHUNK_EVENTS) -> dict[str, str]:
    """`merged_events` over a store's events, a type at a time (events of two types never
    merge) and a range of days at a time (`date_chunks`): memory holds the held events of
    one type, one chunk and the window, not the whole store."""
    by_type: dict[str, list[tuple[str | None, date | None, int]]] = defaultdict(list)
    for kind, value, stored_start, count in store.event_date_values():
        by_type[kind].append((value, stored_start, count))
    merged: dict[str, str] = {}
    with collector_paused():
        for kind, values in sorted(by_type.items()):
            held_values, chunks = date_chunks(values, chunk_events)
            dated = (
                view
                for first, last in chunks
                for view in store.event_views_between(kind, first, last, held_values)
            )
            merged |= merged_events(store.held_event_views(kind, held_values), dated)
    return merged


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off inside the block. Reading events makes millions of small
    sets that hold no cycles, and the collector's passes over them took a third of dedup's
    time (124 s against 79 s for a million events)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def shingles(text: str, size: int = 5) -> frozenset[tuple[str, ...]]:
    """The word `size`-grams of a text, lower-cased."""
    words = [w.lower() for w in _WORD.findall(text)]
    return frozenset(tuple(words[i : i + size]) for i in range(max(len(words) - size + 1, 0)))


def copy_similarity(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    """The shingle Jaccard of two texts; 0 when either is empty or their sizes alone rule
    out `COPY_THRESHOLD`."""
    if not a or not b or min(len(a), len(b)) < COPY_THRESHOLD * max(len(a), len(b)):
        return 0.0
    return len(a & b) / len(a | b)


@cache
def _permutations() -> Any:
    """The MinHash permutations, drawn once (drawing them per text costs more than hashing)."""
    from datasketch import MinHash

    return MinHash(num_perm=COPY_PERMUTATIONS, scheme=COPY_SCHEME).permutations


def text_signature(found: frozenset[tuple[str, ...]]) -> Any:
    """The MinHash signature of a text's shingles (CRC-32 of each: deterministic, fast)."""
    from datasketch import MinHash

    signature = MinHash(
        num_perm=COPY_PERMUTATIONS,
        permutations=_permutations(),
        hashfunc=_shingle_hash,
        scheme=COPY_SCHEME,
    )
    signature.update_batch(found)
    return signature


def _shingle_hash(shingle: tuple[str, ...]) -> int:
    return zlib.crc32(" ".join(shingle).encode("utf-8"))


@cache
def copy_bands() -> tuple[int, int]:
    """How many LSH bands, of how many signature values each: datasketch's choice for
    `COPY_BAND_THRESHOLD` (25 of 5 for 128 permutations at 0.5)."""
    from datasketch import MinHashLSH

    index = MinHashLSH(threshold=COPY_BAND_THRESHOLD, num_perm=COPY_PERMUTATIONS)
    return index.b, index.r


def copy_candidates(texts: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """Pairs of articles (ids in order) whose MinHash signatures share an LSH band, from a
    stream of (id, text): only each text's band hashes are kept (25 integers), not the text
    or its signature, and the pairs come from sorting each band's hashes."""
    import numpy as np

    bands, rows = copy_bands()
    ids: list[str] = []
    hashes = array("q")
    for article_id, text in texts:
        found = shingles(text)
        if not found:
            continue
        values = text_signature(found).hashvalues
        ids.append(article_id)
        hashes.extend(hash(values[b * rows : (b + 1) * rows].tobytes()) for b in range(bands))
    table = np.frombuffer(hashes, dtype=np.int64).reshape(-1, bands)
    pairs: set[tuple[str, str]] = set()
    for band in table.T:
        order = np.argsort(band, kind="stable")
        ordered = band[order]
        # positions i where the i-th and (i+1)-th sorted hashes are equal: runs of a bucket
        equal = np.flatnonzero(ordered[1:] == ordered[:-1]).tolist()
        for at, position in enumerate(equal):
            if at and equal[at - 1] == position - 1:
                continue  # inside a run of more than two, listed from its start
            end = position + 1
            while at + 1 < len(equal) and equal[at + 1] == end:
                at, end = at + 1, end + 1
            members = sorted(ids[i] for i in order[position : end + 1].tolist())
            pairs.update(combinations(members, 2))
    return pairs


def near_copies(texts: dict[str, str]) -> list[tuple[str, str, float]]:
    """Pairs of articles whose texts are near copies (wire copies), with their similarity."""
    return measured_copies(copy_candidates(texts.items()), lambda ids: texts)


# Candidate pairs whose texts are read and measured at a time by `measured_copies`.
COPY_CHECK_BATCH = 2_000


def measured_copies(
    candidates: set[tuple[str, str]], read_texts: Callable[[list[str]], dict[str, str]]
) -> list[tuple[str, str, float]]:
    """The candidate pairs whose texts are near copies, with their similarity, in order;
    `read_texts` gives the texts of a batch's article ids (a batch at a time in memory)."""
    found = []
    ordered = sorted(candidates)
    for first in range(0, len(ordered), COPY_CHECK_BATCH):
        batch = ordered[first : first + COPY_CHECK_BATCH]
        texts = read_texts(sorted({i for pair in batch for i in pair}))
        for one, other in batch:
            similarity = copy_similarity(shingles(texts[one]), shingles(texts[other]))
            if similarity >= COPY_THRESHOLD:
                found.append((one, other, round(similarity, 3)))
    return found


def stored_wire_copies(store: Any) -> list[tuple[str, str, float]]:
    """`near_copies` of a store's articles, their texts streamed (`article_text_batches`)
    and read again only for the candidate pairs."""
    texts = (item for batch in store.article_text_batches() for item in batch)
    return measured_copies(copy_candidates(texts), store.article_texts)


def views_of_report(report: Report) -> list[EventView]:
    """The events of one extracted article as the merge rule sees them."""

    def refs(actor_ids: list[str]) -> frozenset[str]:
        actors = (report.actor(i) for i in actor_ids)
        return frozenset(a.reference for a in actors if a)

    views = []
    for event in report.events:
        start, end, open_start = event_span(event.date.value if event.date else None)
        views.append(
            EventView(
                id=f"{report.article.id}:{event.id}",
                article_id=report.article.id,
                type=event.type,
                modality=str(event.modality),
                sources=refs(event.source),
                targets=refs(event.target),
                start=start,
                end=end,
                place_country=event.location.country if event.location else None,
                words=content_words(event.evidence.sentence),
                named=_named_countries(report, event),
                numbers=numbers_in(event.evidence.sentence),
                open_start=open_start,
            )
        )
    return views


NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
    "fifteen": "15", "twenty": "20", "thirty": "30", "dozen": "12", "dozens": "24",
}  # fmt: skip
_DIGITS = re.compile(r"(?<![\w-])\d[\d,]*(?![\w-])")  # not "G7", not "30-day"


def numbers_in(sentence: str) -> frozenset[str]:
    """The counts a sentence gives ("13", "four" as "4"), years and days of month left out."""
    found = {n.replace(",", "") for n in _DIGITS.findall(sentence)}
    words = re.findall(r"[^\W\d_]+(?!-)", sentence)  # "ten-year" is no count
    found |= {NUMBER_WORDS[w.lower()] for w in words if w.lower() in NUMBER_WORDS}
    return frozenset(n for n in found if not (len(n) == 4 and n.startswith(("19", "20"))))


def _named_countries(report: Report, event: Event) -> frozenset[str]:
    start, end = event.evidence.start, event.evidence.end
    named = {
        actor.country
        for actor in report.actors
        if actor.country and any(start <= m.start < end for m in actor.mentions)
    }
    if event.location and event.location.country:
        named.add(event.location.country)
    return frozenset(named)
