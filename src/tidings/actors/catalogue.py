"""Looking into the knowledge base: search, show one record, validate every file's facts.

`tidings actors` is built on these. Validation checks what the loader cannot: codes that exist,
sectors CAMEO knows, dates in order, organisations that roles name, one holder per office at a
time, and surface forms that name two different things.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from tidings.actors.kb import Entry, KnowledgeBase, fold
from tidings.lexicons import data_lines

KINDS = ("country", "person", "organisation")


def sector_codes() -> frozenset[str]:
    """CAMEO sector codes a record may use (data/kb/sectors.txt)."""
    return frozenset(data_lines("data/kb/sectors.txt"))


def search(kb: KnowledgeBase, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Records whose id, name or any alias contains `query` (case and accents ignored)."""
    needle = fold(query).lower().strip()
    found: list[dict[str, Any]] = []
    records: list[tuple[str, str, str, tuple[str, ...]]] = [
        ("country", c.iso3, c.name, (*c.aliases, *c.demonyms, *c.capitals, *c.seats))
        for c in kb.countries.values()
    ]
    records += [("person", p.id, p.name, p.aliases) for p in kb.people.values()]
    records += [("organisation", o.id, o.name, o.aliases) for o in kb.organisations.values()]
    for kind, record_id, name, aliases in records:
        surfaces = (record_id, name, *aliases)
        if any(needle in fold(s).lower() for s in surfaces):
            found.append({"kind": kind, "id": record_id, "name": name})
    exact = [r for r in found if needle in (r["id"].lower(), fold(r["name"]).lower())]
    rest = [r for r in found if r not in exact]
    return (exact + rest)[:limit]


def show(kb: KnowledgeBase, record_id: str, day: date | None = None) -> dict[str, Any] | None:
    """One record in full; for a person, also the role held on `day`."""
    country = kb.countries.get(record_id.upper())
    if country is not None:
        return {"kind": "country", **asdict(country)}
    organisation = kb.organisations.get(record_id.upper())
    if organisation is not None:
        return {"kind": "organisation", **asdict(organisation)}
    person = kb.people.get(record_id.lower())
    if person is None:
        return None
    record = {"kind": "person", **asdict(person)}
    if day is not None:
        role = person.role_at(day, kb.titles)
        record["role_on"] = {"date": day.isoformat(), "role": asdict(role) if role else None}
    return record


def validate(kb: KnowledgeBase) -> list[str]:
    """Every problem found in the knowledge base, one line each (empty when it is sound)."""
    problems: list[str] = [f"{line}: ids must be unique" for line in kb.duplicates]
    sectors = sector_codes()
    for country in kb.countries.values():
        if len(country.iso3) != 3 or not country.iso3.isupper():
            problems.append(f"country {country.iso3}: the code is not ISO-3 (three capitals)")
    for org in kb.organisations.values():
        if org.country and org.country not in kb.countries:
            problems.append(f"organisation {org.id}: unknown country {org.country}")
        if org.sector not in sectors:
            problems.append(f"organisation {org.id}: unknown sector {org.sector}")
    for person in kb.people.values():
        problems += _person_problems(kb, person, sectors)
    problems += _office_overlaps(kb)
    problems += _ambiguous_surfaces(kb)
    return problems


def _person_problems(kb: KnowledgeBase, person: Any, sectors: frozenset[str]) -> list[str]:
    problems = []
    where = f"person {person.id}"
    if not person.name or person.name == "None":
        problems.append(f"{where}: no name")
    if person.country and person.country not in kb.countries:
        problems.append(f"{where}: unknown country {person.country}")
    if person.gender not in ("m", "f", "x"):
        problems.append(f"{where}: gender {person.gender!r} is not m, f or x")
    for role in person.roles:
        label = f"{where}, {role.title}"
        if role.sector not in sectors:
            problems.append(f"{label}: unknown sector {role.sector}")
        if role.country and role.country not in kb.countries:
            problems.append(f"{label}: unknown country {role.country}")
        if role.org and role.org not in kb.organisations:
            problems.append(f"{label}: unknown organisation {role.org}")
        if role.start and role.end and role.end < role.start:
            problems.append(f"{label}: ends ({role.end}) before it starts ({role.start})")
        if role.start is None:
            problems.append(f"{label}: no start date")
    return problems


def _office_overlaps(kb: KnowledgeBase) -> list[str]:
    """Two people holding the same single-holder office of a country on the same day."""
    problems = []
    held: dict[tuple[str, str], list[tuple[date, date, str]]] = {}
    for person in kb.people.values():
        for role in person.roles:
            title = kb.titles.get(role.title.lower())
            if title is None or title.office != "head" or not role.country or not role.start:
                continue
            key = (role.country, role.title.lower())
            held.setdefault(key, []).append((role.start, role.end or date.max, person.id))
    for (country, title), terms in held.items():
        terms.sort()
        for (_start, end, who), (next_start, _, other) in zip(terms, terms[1:], strict=False):
            if next_start < end and (end - next_start).days > 7:
                problems.append(
                    f"office {title} of {country}: {who} (to {end}) and {other} "
                    f"(from {next_start}) overlap"
                )
    return problems


def _ambiguous_surfaces(kb: KnowledgeBase) -> list[str]:
    """A surface form (case aside) that names two different records of the same kind."""
    problems = []
    by_form: dict[str, set[tuple[str, str]]] = {}
    for entries in kb.index.values():
        for form, _case_sensitive, entry in entries:
            by_form.setdefault(form.lower(), set()).add(_identity(entry))
    for form, identities in sorted(by_form.items()):
        kinds = {kind for kind, _ in identities}
        for kind in kinds & {"person", "organisation"}:
            same_kind = sorted(ref for k, ref in identities if k == kind)
            if len(same_kind) > 1:
                problems.append(f"surface {form!r} names several {kind}s: {', '.join(same_kind)}")
    return problems


def _identity(entry: Entry) -> tuple[str, str]:
    kind = "organisation" if entry.kind in ("organisation", "seat-org") else entry.kind
    return kind, entry.ref
