"""Exports of a store to the formats existing analysis code reads unchanged.

- PLOVER JSONL: one event per line, PLOVER field names plus tidings' modality, evidence and
  who the article says stated the event (`attributed_to`, `attribution_cue`);
- GDELT 2.0 Events: 61 tab-separated columns, no header, CAMEO codes as strings, FIPS 10-4
  country codes in the geo fields (the event's place as ActionGeo; Actor1Geo and Actor2Geo
  empty, since no record knows where an actor is); and GDELT 2.0 Mentions (16 columns), one per
  event, with its sentence number and the offsets of both actors and the trigger;
- ICEWS-style TSV with its header (and the event date's granularity);
- Parquet: every table of the store, one file each, without the events' internal read model;
- country-day and dyad aggregates with iso3c, cown and gwcode;
- GEXF: the actor network (who acts on whom, weighted by events).

Only asserted events are "events" for GDELT, ICEWS and the aggregates by default: a planned
meeting or a possible delivery did not happen. PLOVER JSONL keeps every event with its modality.
"""

from __future__ import annotations

import csv
import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from tidings.actors import load_knowledge_base
from tidings.lexicons import data_table

GDELT_EVENT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code",
    "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code",
    "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
GDELT_MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)  # fmt: skip
ICEWS_COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude", "Date Granularity",
)  # fmt: skip
# A sentence ends after ., ! or ? (closing quotes or brackets kept) before a capital or digit,
# or at a line break (a headline is a sentence).
SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])"
    r"|\n\s*"
)
FORMATS = ("plover", "gdelt", "gdelt-mentions", "icews", "parquet", "country-day", "dyads", "gexf")


@cache
def fips_codes() -> dict[str, str]:
    """ISO-3 -> FIPS 10-4 country codes (data/fips.tsv)."""
    return {row["iso3"]: row["fips"] for row in data_table("data/fips.tsv")}


def event_day(record: dict[str, Any]) -> date | None:
    """The day an event is dated to (its range or period's first day), else its article's."""
    return record.get("date_start") or record.get("published")


def global_id(record: dict[str, Any]) -> int:
    """A stable positive integer id for an event (GDELT wants integers)."""
    digest = 0
    for char in record["id"]:
        digest = (digest * 131 + ord(char)) % (2**53)
    return digest or 1


def asserted_only(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The events that happened: what GDELT and ICEWS count as events."""
    return (r for r in records if r["modality"] == "asserted")


def plover_lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """PLOVER JSONL, one event per line."""
    for r in records:
        day = event_day(r)
        yield json.dumps(
            {
                "event_id": r["id"],
                "event_date": day.isoformat() if day else None,
                "event_type": r["type"],
                "event_mode": r["mode"],
                "event_context": json.loads(r["contexts"] or "[]"),
                "source_actor": r["source_name"],
                "source_agent": r["source_sector"],
                "source_country": r["source_country"],
                "target_actor": r["target_name"],
                "target_agent": r["target_sector"],
                "target_country": r["target_country"],
                "event_text": r["evidence"],
                "modality": r["modality"],
                "date_value": r["date_value"],
                "date_granularity": r["date_granularity"],
                "date_text": r["date_text"],
                "location": r["location_name"],
                "location_country": r["location_country"],
                "latitude": r["lat"],
                "longitude": r["lon"],
                "cameo": r["cameo"],
                "goldstein": r["goldstein"],
                "quad_class": r["quad_class"],
                "story_id": r["article_id"],
                "publisher": r["outlet"] or None,
                "url": r["url"] or None,
                "reported_by": r["reported_by"],
                "attributed_to": r["attributed_to"],
                "attribution_cue": r["attribution_cue"],
                "confidence": r["confidence"],
            },
            ensure_ascii=False,
            default=str,
        )


def _gdelt_actor(code: Any, name: Any, country: Any, sector: Any) -> list[str]:
    return [
        _text(code), _text(name), _text(country), "", "", "", "",
        _text(sector), "", "",
    ]  # fmt: skip


def _geo(record: dict[str, Any]) -> list[str]:
    """One GDELT geo block (type, name, FIPS country, ADM1, ADM2, lat, long, feature id)."""
    if not record["location_name"]:
        return [""] * 8
    fips = fips_codes().get(record["location_country"] or "", "")
    geo_type = "1" if record["location_name"] == record["location_country"] else "4"
    return [geo_type, _text(record["location_name"]), fips, fips, "", _number(record["lat"]),
            _number(record["lon"]), ""]  # fmt: skip


def gdelt_event_rows(records: Iterable[dict[str, Any]]) -> Iterator[list[str]]:
    """GDELT 2.0 Events rows (61 fields each)."""
    for r in records:
        day = event_day(r)
        cameo = str(r["cameo"] or "")
        added = r["ingested_at"]
        row = [
            str(global_id(r)),
            day.strftime("%Y%m%d") if day else "",
            day.strftime("%Y%m") if day else "",
            str(day.year) if day else "",
            f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
            *_gdelt_actor(*(r[f"source_{k}"] for k in ("code", "name", "country", "sector"))),
            *_gdelt_actor(*(r[f"target_{k}"] for k in ("code", "name", "country", "sector"))),
            "1",
            cameo,
            cameo[:3],
            cameo[:2],
            _number(r["quad_class"]),
            _number(r["goldstein"]),
            "1",
            "1",
            "1",
            "",
            # Actor1Geo and Actor2Geo: where each actor is, which no record knows (the event's
            # place is ActionGeo's, not theirs).
            *[""] * 16,
            *_geo(r),
            added.strftime("%Y%m%d%H%M%S") if isinstance(added, datetime) else "",
            _text(r["url"]),
        ]  # fmt: skip
        yield row


def sentence_ends(text: str) -> list[int]:
    """Offsets where a sentence of `text` ends: after ., ! or ? (and closing quotes or
    brackets) followed by space and a capital, or at a line break. A rule, not a parser: an
    abbreviation before a capital ("Mr. Smith") counts as an end."""
    return [match.start() for match in SENTENCE_END.finditer(text)]


def sentence_number(ends: list[int], offset: int) -> int:
    """The 1-based number of the sentence holding `offset`, given the text's `sentence_ends`."""
    return bisect_right(ends, offset) + 1


def gdelt_mention_rows(
    records: Iterable[dict[str, Any]], texts: Mapping[str, str] | None = None
) -> Iterator[list[str]]:
    """GDELT 2.0 Mentions rows (16 fields): where each event was read; with the articles'
    `texts` (article id -> text), the number of its sentence (SentenceID)."""
    ends: dict[str, list[int]] = {}
    for r in records:
        text = (texts or {}).get(r["article_id"])
        if text is not None and r["article_id"] not in ends:
            ends[r["article_id"]] = sentence_ends(text)
        sentence = (
            str(sentence_number(ends[r["article_id"]], r["evidence_start"]))
            if text is not None and r["evidence_start"] is not None
            else ""
        )
        day = event_day(r)
        stamp = day.strftime("%Y%m%d000000") if day else ""
        added = r["ingested_at"]
        row = [
            str(global_id(r)),
            stamp,
            added.strftime("%Y%m%d%H%M%S") if isinstance(added, datetime) else stamp,
            "1",
            _text(r["outlet"]),
            _text(r["url"] or r["article_id"]),
            sentence,
            _offset(r["source_offset"]),
            _offset(r["target_offset"]),
            _offset(r["trigger_start"]),
            "1",
            str(round(float(r["confidence"] or 0) * 100)),
            "",
            "",
            "",
            _text(r["evidence"]),
        ]
        yield row


def icews_rows(records: Iterable[dict[str, Any]]) -> Iterator[list[str]]:
    """ICEWS-style rows under ICEWS_COLUMNS."""
    for r in records:
        day = event_day(r)
        yield [
            r["id"], day.isoformat() if day else "", _text(r["source_name"]),
            _text(r["source_sector"]), _text(r["source_country"]), _text(r["evidence"]),
            _text(r["cameo"]), _number(r["goldstein"]), _text(r["target_name"]),
            _text(r["target_sector"]), _text(r["target_country"]), r["article_id"], "",
            _text(r["outlet"]), _text(r["location_name"]), "", "", _text(r["location_country"]),
            _number(r["lat"]), _number(r["lon"]), _text(r["date_granularity"]),
        ]  # fmt: skip


def country_day_rows(records: Iterable[dict[str, Any]]) -> Iterator[list[str]]:
    """Events per country (as source or target), day and QuadClass, with iso3c/cown/gwcode."""
    counts: Counter[tuple[str, str, int]] = Counter()
    for r in records:
        day = event_day(r)
        for country in {r["source_country"], r["target_country"]} - {None}:
            counts[(country, day.isoformat() if day else "", int(r["quad_class"] or 0))] += 1
    kb = load_knowledge_base()
    for (country, day, quad), count in sorted(counts.items()):
        codes = kb.countries.get(country)
        yield [country, _number(codes.cow if codes else None),
               _number(codes.gwcode if codes else None), day, str(quad), str(count)]  # fmt: skip


def dyad_rows(records: Iterable[dict[str, Any]]) -> Iterator[list[str]]:
    """Events per directed country dyad and PLOVER type, with Goldstein sums."""
    counts: Counter[tuple[str, str, str]] = Counter()
    goldstein: Counter[tuple[str, str, str]] = Counter()
    for r in records:
        if r["source_country"] and r["target_country"]:
            key = (r["source_country"], r["target_country"], r["type"])
            counts[key] += 1
            goldstein[key] += float(r["goldstein"] or 0)
    kb = load_knowledge_base()
    for (source, target, event_type), count in sorted(counts.items()):
        row = [source, target]
        for country in (source, target):
            codes = kb.countries.get(country)
            row += [_number(codes.cow if codes else None), _number(codes.gwcode if codes else None)]
        yield [*row, event_type, str(count), f"{goldstein[(source, target, event_type)]:.1f}"]


def gexf_document(records: Iterable[dict[str, Any]]) -> str:
    """The actor network as GEXF 1.3: actors (by code) as nodes, directed weighted edges."""
    names: dict[str, str] = {}
    weights: Counter[tuple[str, str]] = Counter()
    for r in records:
        source, target = r["source_code"] or r["source_name"], r["target_code"] or r["target_name"]
        if not source or not target or source == target:
            continue
        names.setdefault(source, r["source_name"] or source)
        names.setdefault(target, r["target_name"] or target)
        weights[(source, target)] += 1
    nodes = "\n".join(
        f"      <node id={quoteattr(code)} label={quoteattr(names[code])}/>"
        for code in sorted(names)
    )
    edges = "\n".join(
        f'      <edge id="{i}" source={quoteattr(s)} target={quoteattr(t)} weight="{w}"/>'
        for i, ((s, t), w) in enumerate(sorted(weights.items()))
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n'
        f"  <meta><creator>{escape('tidings')}</creator></meta>\n"
        '  <graph mode="static" defaultedgetype="directed">\n'
        f"    <nodes>\n{nodes}\n    </nodes>\n    <edges>\n{edges}\n    </edges>\n"
        "  </graph>\n</gexf>\n"
    )


def write_tsv(path: Path, rows: Iterable[list[str]], header: tuple[str, ...] | None) -> int:
    """Write tab-separated rows (a header first when given); returns the number of rows."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        if header:
            writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _text(value: Any) -> str:
    """A field as text with no tab or line break (they would split GDELT's rows)."""
    return " ".join(str(value).split()) if value is not None else ""


def _offset(value: Any) -> str:
    """A character offset as GDELT writes it: -1 where the part was not found."""
    return "-1" if value is None else str(value)


def _number(value: Any) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
