"""The actor knowledge base: countries, people with dated roles, organisations, titles.

Loaded once from the data files under `tidings/data/kb/` (schema: the README there) plus any
user files. Surface forms are matched against article text by characters, not by tokens, so
the match does not depend on how the tokenizer splits "U.S." or "al-Shabaab".
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tidings.errors import TidingsError
from tidings.lexicons import data_files, data_lines, data_table, data_text

KB_VERSION = 1
# A role that starts this many days after an article already names its holder in it.
TERM_TOLERANCE_DAYS = 14
# Surnames written with an Arabic article are also written without it ("al-Bashir", "Bashir").
SURNAME_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "ibn-")
# Offices of the state; a party or opposition role held alongside one does not code the person.
STATE_SECTORS = frozenset({"GOV", "MIL", "SPY", "JUD", "LEG", "COP", "IGO"})
_FIRST_WORD = re.compile(r"[^\W_]+")


class KnowledgeBaseError(TidingsError):
    """A knowledge-base file is malformed."""

    code = "E601"


def spans(start: date | None, end: date | None, day: date | None) -> bool:
    """Whether `day` falls from `start` (open when None) to before `end` (open when None);
    with no day known, whether the span still runs."""
    if day is None:
        return end is None
    return (start is None or start <= day) and (end is None or day < end)


@dataclass(frozen=True, slots=True)
class Country:
    """A country or territory with its codes, names and metonyms."""

    iso3: str
    name: str
    cow: int | None = None
    gwcode: int | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    # A state that ceased to exist (former_states.tsv): its span and the states it became.
    start: date | None = None
    end: date | None = None
    successors: tuple[str, ...] = ()

    def exists_on(self, day: date | None) -> bool:
        """Whether the state existed on `day` (today when no day is known)."""
        return spans(self.start, self.end, day)


@dataclass(frozen=True, slots=True)
class Role:
    """An office a person held from `start` to `end` (None: still held)."""

    title: str
    sector: str
    country: str | None = None
    org: str | None = None
    start: date | None = None
    end: date | None = None

    def held_on(self, day: date | None) -> bool:
        """Whether the role was held on `day` (a role is current when no day is known)."""
        return spans(self.start, self.end, day)


@dataclass(frozen=True, slots=True)
class Person:
    """A person with dated roles."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    gender: str = "x"
    country: str | None = None
    roles: tuple[Role, ...] = ()

    def role_at(self, day: date | None, titles: dict[str, Title] | None = None) -> Role | None:
        """The role held on `day`: an office of state before a party or opposition role
        held alongside it, the head of state or government's office before a portfolio the
        head also holds (with `titles` to tell), then the latest-starting one."""
        held = [r for r in self.roles if r.held_on(day)]
        if not held and day is not None:
            # news gives a person the office they are about to take ("the new US envoy")
            # a difference of dates, not day + tolerance: that overflows past 9999-12-31
            held = [
                r
                for r in self.roles
                if r.start is not None and 0 < (r.start - day).days <= TERM_TOLERANCE_DAYS
            ]

        def rank(role: Role) -> tuple[bool, bool, date]:
            head = titles is not None and office_of(role.title, titles) == "head"
            return role.sector in STATE_SECTORS, head, role.start or date.min

        return max(held, key=rank, default=None)


@dataclass(frozen=True, slots=True)
class OrgPeriod:
    """A stretch of time in which an organisation had another country or sector than its
    record's (the Taliban governed Afghanistan from 1996 to 2001 and again from 2021)."""

    start: date | None
    end: date | None
    country: str | None
    sector: str


@dataclass(frozen=True, slots=True)
class Organisation:
    """An organisation with its country (None for international ones) and sector."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: str = "UNK"
    kind: str = "organisation"
    periods: tuple[OrgPeriod, ...] = ()

    def code_on(self, day: date | None) -> tuple[str | None, str]:
        """Country and sector on `day`: those of the period then, else the record's own."""
        for period in self.periods:
            if spans(period.start, period.end, day):
                return period.country, period.sector
        return self.country, self.sector


@dataclass(frozen=True, slots=True)
class Title:
    """A role noun and the sector it implies."""

    title: str
    sector: str
    kind: str = "person"
    office: str = ""
    country: str | None = None  # a title of one country's institutions ("Republican senator")


@dataclass(frozen=True, slots=True)
class Entry:
    """What a surface form names: a country, capital, seat, demonym, person or organisation."""

    kind: str
    ref: str
    sector: str | None = None


@dataclass(slots=True)
class KnowledgeBase:
    """Countries, people, organisations and titles, indexed by surface form."""

    countries: dict[str, Country] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    titles: dict[str, Title] = field(default_factory=dict)
    # first word of a folded surface form -> (folded surface form, case-sensitive?, entry)
    index: dict[str, list[tuple[str, bool, Entry]]] = field(default_factory=dict)
    # last word of a person's name (lower case) -> the ids of the people who bear it
    surnames: dict[str, set[str]] = field(default_factory=dict)
    # (first word, last word) of a person's name or alias -> their ids: "Abdrabbuh Mansour
    # Hadi" is the "Abdrabbuh Mansur Hadi" the knowledge base spells otherwise
    first_and_last: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    # first word of a person's name or alias of two words or more -> their ids: rulers are
    # named by title and given name ("King Abdullah", "Emir Tamim")
    given_names: dict[str, set[str]] = field(default_factory=dict)
    # every word of every title ("crown", "prince", "field", "marshal"): such a word before a
    # name is part of a title, not another first name
    title_words: set[str] = field(default_factory=set)
    # shipped records whose id an earlier shipped file already used (validate reports them)
    duplicates: list[str] = field(default_factory=list)
    # a state independent since 1990 -> (the day it began, the state it was part of before)
    births: dict[str, tuple[date, str]] = field(default_factory=dict)
    # country -> the people who held an office of it (office_holder looks only there)
    office_people: dict[str, list[Person]] = field(default_factory=dict)

    def add_surface(self, surface: str, entry: Entry) -> None:
        """Make `surface` (a leading "the" is optional in text) name `entry`."""
        surface = surface.strip()
        if surface.lower().startswith("the "):
            surface = surface[4:]
        folded = fold(surface)
        key = first_word(folded)
        if not key:
            return
        # Short all-capital forms (US, AP, IS) must match case; longer ones need not, except
        # one-word names of people and organisations, which are often words too ("an
        # economist", "the commission", "amnesty for the rebels").
        one_word = entry.kind in ("person", "organisation") and " " not in surface
        case_sensitive = len(surface) <= 4 or surface.isupper() or one_word
        candidates = self.index.setdefault(key, [])
        form = folded if case_sensitive else folded.lower()
        if not any(f == form and e == entry for f, _, e in candidates):
            candidates.append((form, case_sensitive, entry))
            candidates.sort(key=lambda c: -len(c[0]))

    def candidates(self, word: str) -> list[tuple[str, bool, Entry]]:
        """Surface forms whose first word is `word` (folded, lower case), longest first."""
        return self.index.get(word, [])

    def lookup(self, text: str) -> list[Entry]:
        """Entries whose surface form is exactly `text` (a leading "the" optional)."""
        text = text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        folded = fold(text)
        return [
            entry
            for form, case_sensitive, entry in self.candidates(first_word(folded))
            if form == (folded if case_sensitive else folded.lower())
        ]

    def is_outlet(self, name: str) -> bool:
        """Whether `name` is a news outlet or channel the knowledge base knows."""
        return any(
            e.kind == "organisation" and self.organisations[e.ref].kind == "media"
            for e in self.lookup(name)
        )

    def office_holder(self, country: str | None, office: str, day: date | None) -> Person | None:
        """The person holding an office ("head", "foreign", "defence") of a country on `day`
        (a prime minister who is also foreign minister holds both)."""
        for person in self.office_people.get(country or "", ()):
            for role in person.roles:
                if role.country != country or not role.held_on(day):
                    continue
                if office_of(role.title, self.titles) == office:
                    return person
        return None

    def given_name_gender(self, name: str) -> str:
        """The gender ("m" or "f") that every person of the base whose first name is the first
        word of `name` shares, or "x": a one-word name (a surname, often), a name of either
        gender in the base or in data/kb/unisex_given_names.txt ("Jean", "Robin")."""
        words = name.split()
        first = fold(words[0]).lower() if len(words) > 1 else ""
        if not first.isalpha() or first in unisex_given_names():
            return "x"
        genders = {
            person.gender
            for person in map(self.people.get, self.given_names.get(first, ()))
            if person is not None
            and person.gender in ("m", "f")
            and person.country not in family_name_first()
        }
        return next(iter(genders)) if len(genders) == 1 else "x"

    def country_on(self, iso3: str | None, day: date | None) -> str | None:
        """The state a country's territory belonged to on `day`: Kosovo was Serbia's in 2007
        and Yugoslavia's in 1998; a country that existed then is itself."""
        seen: set[str] = set()
        while iso3 is not None and day is not None and iso3 not in seen:
            seen.add(iso3)
            birth = self.births.get(iso3)
            if birth is not None and day < birth[0]:
                iso3 = birth[1]
                continue
            country = self.countries.get(iso3)
            if country is None or country.start is None or day >= country.start:
                break
            iso3 = next(
                (
                    c.iso3
                    for c in self.countries.values()
                    if iso3 in c.successors and c.exists_on(day)
                ),
                iso3,
            )
        return iso3

    def country_of_org(self, org_id: str | None) -> str | None:
        """The country of an organisation id, if any."""
        org = self.organisations.get(org_id or "")
        return org.country if org else None


def fold(text: str) -> str:
    """Text with diacritics removed and typographic apostrophes and dashes made plain."""
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def token_key(token_text: str) -> str:
    """The index key of a token: its folded first word (cached: tokens repeat)."""
    return first_word(fold(token_text))


def first_word(folded: str) -> str:
    """The first run of letters or digits, lower case: the index key of a surface form."""
    match = _FIRST_WORD.search(folded)
    return match.group(0).lower() if match else ""


def without_particle(surname: str) -> str:
    """A surname without its Arabic article ("al-bashir" -> "bashir"), else itself."""
    for particle in SURNAME_PARTICLES:
        if surname.startswith(particle) and len(surname) > len(particle) + 1:
            return surname[len(particle) :]
    return surname


def office_of(title: str, titles: dict[str, Title]) -> str:
    """The office a role title stands for ("head", "foreign", "defence" or "")."""
    words = title.lower()
    known = titles.get(words)
    if known is not None:
        return known.office
    tokens = set(words.replace("-", " ").split())
    portfolio = bool(tokens & {"minister", "secretary"})
    if words == "secretary of state" or (portfolio and "foreign" in tokens):
        return "foreign"  # not the "Foreign Policy Adviser"
    if portfolio and tokens & {"defence", "defense", "war"}:
        return "defence"  # not the "Chief of the Defence Staff" or the "Mayor of Warsaw"
    return ""


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _int(cell: str) -> int | None:
    return int(cell) if cell.strip().isdigit() else None


def _date(value: Any, source: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise KnowledgeBaseError(f"{source}: {value!r} is not a date (YYYY-MM-DD).") from error


def person_from_record(record: dict[str, Any], source: str) -> Person:
    """A Person from a YAML record."""
    try:
        roles = tuple(
            Role(
                title=str(r["title"]),
                sector=str(r["sector"]),
                country=r.get("country"),
                org=r.get("org"),
                start=_date(r.get("start"), source),
                end=_date(r.get("end"), source),
            )
            for r in record.get("roles") or ()
        )
        return Person(
            id=str(record["id"]),
            name=str(record["name"]),
            aliases=tuple(str(a) for a in record.get("aliases") or ()),
            gender=str(record.get("gender") or "x"),
            country=record.get("country"),
            roles=roles,
        )
    except (KeyError, TypeError) as error:
        raise KnowledgeBaseError(f"{source}: person record {record!r} lacks {error}.") from error


def organisation_from_record(record: dict[str, Any], source: str) -> Organisation:
    """An Organisation from a YAML or CSV record."""
    try:
        aliases = record.get("aliases") or ()
        if isinstance(aliases, str):
            aliases = _split(aliases)
        return Organisation(
            id=str(record.get("id") or record["name"]).upper(),
            name=str(record["name"]),
            aliases=tuple(str(a) for a in aliases),
            country=record.get("country") or None,
            sector=str(record.get("sector") or "UNK"),
            kind=str(record.get("kind") or "organisation"),
        )
    except (KeyError, TypeError) as error:
        raise KnowledgeBaseError(f"{source}: organisation {record!r} lacks {error}.") from error


# libyaml's safe loader when PyYAML was built with it: the knowledge base loads about 5x faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(text: str, source: str) -> Any:
    try:
        return yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        raise KnowledgeBaseError(f"{source}: malformed YAML ({error}).") from error


def kb_cache_dir() -> Path:
    """Where parsed knowledge-base files are kept between runs ($TIDINGS_CACHE, else the
    user's cache folder)."""
    root = os.environ.get("TIDINGS_CACHE") or os.environ.get("XDG_CACHE_HOME")
    base = Path(root) if root else Path.home() / ".cache"
    return (base if os.environ.get("TIDINGS_CACHE") else base / "tidings") / "kb"


def shipped_records(source: str) -> list[dict[str, Any]]:
    """The records of a shipped YAML file. Parsing YAML is most of the knowledge base's load
    time, so the records are also kept as JSON under the file's digest and read from there
    while the file is unchanged; a cache that cannot be read or written is ignored."""
    text = data_text(source)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    cached = kb_cache_dir() / f"{digest}.json"
    try:
        return json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    records = _load_yaml(text, source) or []
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(records, default=str), encoding="utf-8")
        partial.replace(cached)
    except OSError:
        pass
    return records


@cache
def family_name_first() -> frozenset[str]:
    """Countries whose names put the family name first (data/kb/family_name_first.txt)."""
    return frozenset(data_lines("data/kb/family_name_first.txt"))


@cache
def unisex_given_names() -> frozenset[str]:
    """First names borne by men and women alike (data/kb/unisex_given_names.txt)."""
    return frozenset(data_lines("data/kb/unisex_given_names.txt"))


def add_person(kb: KnowledgeBase, person: Person) -> None:
    """Add a person and index their name and aliases."""
    previous = kb.people.get(person.id)
    if previous is not None:  # a user file's record replaces the shipped one
        for holders in kb.office_people.values():
            if previous in holders:
                holders.remove(previous)
    kb.people[person.id] = person
    for country in {r.country for r in person.roles if r.country}:
        kb.office_people.setdefault(country, []).append(person)
    if person.name.split():
        last = fold(person.name.split()[-1]).lower()
        for form in (last, without_particle(last)):
            kb.surnames.setdefault(form, set()).add(person.id)
    for surface in (person.name, *person.aliases):
        kb.add_surface(surface, Entry("person", person.id))
        words = fold(surface).lower().split()
        if len(words) > 1:
            kb.first_and_last.setdefault((words[0], words[-1]), set()).add(person.id)
            kb.given_names.setdefault(words[0], set()).add(person.id)


def add_organisation(kb: KnowledgeBase, org: Organisation) -> None:
    """Add an organisation and index its name and aliases; an acronym of four letters or more
    also as British papers write it ("Nato", "Farc", "Asean")."""
    kb.organisations[org.id] = org
    for surface in (org.name, *org.aliases):
        kb.add_surface(surface, Entry("organisation", org.id))
        if surface.isalpha() and surface.isupper() and len(surface) >= 4:
            kb.add_surface(surface.title(), Entry("organisation", org.id))


def add_country(kb: KnowledgeBase, country: Country) -> None:
    """Add a country and index its names, demonyms, capitals and seats."""
    kb.countries[country.iso3] = country
    for surface in (country.name, *country.aliases):
        kb.add_surface(surface, Entry("country", country.iso3))
    for surface in country.demonyms:
        kb.add_surface(surface, Entry("demonym", country.iso3))
    for surface in country.capitals:
        kb.add_surface(surface, Entry("capital", country.iso3))
    for surface in country.seats:
        kb.add_surface(surface, Entry("seat", country.iso3, "GOV"))


def load_user_file(kb: KnowledgeBase, path: Path) -> None:
    """Add the people and organisations of a user YAML or CSV file."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeBaseError(f"{source}: cannot read actor file ({error}).") from error
    if path.suffix.lower() == ".csv":
        for row in csv.DictReader(text.splitlines()):
            add_organisation(kb, organisation_from_record(row, source))
        return
    document = _load_yaml(text, source) or {}
    if not isinstance(document, dict):
        raise KnowledgeBaseError(f"{source}: expected `people:` and/or `organisations:` lists.")
    for record in document.get("people") or ():
        add_person(kb, person_from_record(record, source))
    for record in document.get("organisations") or ():
        add_organisation(kb, organisation_from_record(record, source))


def country_from_row(row: dict[str, str], source: str) -> Country:
    """A Country from a row of countries.tsv or former_states.tsv (which adds its dates)."""
    return Country(
        iso3=row.get("iso3") or row["code"],
        name=row["name"],
        cow=_int(row["cow"]),
        gwcode=_int(row["gwcode"]),
        aliases=_split(row["aliases"]),
        demonyms=_split(row["demonyms"]),
        capitals=_split(row["capitals"]),
        seats=_split(row["seats"]),
        start=_date(row.get("start"), source),
        end=_date(row.get("end"), source),
        successors=_split(row.get("successors") or ""),
    )


def organisation_periods(kb: KnowledgeBase, rows: Iterable[dict[str, str]], source: str) -> None:
    """Attach dated country/sector periods (organisation_periods.tsv) to their organisations."""
    periods: dict[str, list[OrgPeriod]] = {}
    for row in rows:
        org_id = row["org_id"].upper()
        if org_id not in kb.organisations:
            raise KnowledgeBaseError(f"{source}: unknown organisation {row['org_id']!r}.")
        period = OrgPeriod(
            start=_date(row["start"], source),
            end=_date(row["end"], source),
            country=row["country"] or None,
            sector=row["sector"],
        )
        periods.setdefault(org_id, []).append(period)
    for org_id, found in periods.items():
        kb.organisations[org_id] = replace(kb.organisations[org_id], periods=tuple(found))


def optional_table(name: str) -> list[dict[str, str]]:
    """Rows of a shipped table that a trimmed install may lack (none then)."""
    if not resources.files("tidings").joinpath(name).is_file():
        return []
    return data_table(name)


def _shipped_knowledge_base() -> KnowledgeBase:
    kb = KnowledgeBase()
    for row in data_table("data/kb/titles.tsv"):
        kb.titles[row["title"]] = Title(
            row["title"], row["sector"], row["kind"], row["office"], row.get("country") or None
        )
        kb.title_words.update(row["title"].split())
    for source in ("data/kb/countries.tsv", "data/kb/former_states.tsv"):
        for row in optional_table(source):
            add_country(kb, country_from_row(row, source))
    for row in optional_table("data/kb/new_states.tsv"):
        start = _date(row["start"], "data/kb/new_states.tsv")
        if start is not None:
            kb.births[row["iso3"]] = (start, row["part_of"])
    for row in optional_table("data/kb/regional_demonyms.tsv"):
        kb.add_surface(row["demonym"], Entry("regional", row["iso3"]))
    for row in data_table("data/kb/seats.tsv"):
        if row["org"]:
            kb.add_surface(row["name"], Entry("seat-org", row["org"]))
        else:
            kb.add_surface(row["name"], Entry("seat", row["iso3"], row["sector"]))
    for kind in ("people", "organisations"):
        for source in kb_record_files(kind):
            records = shipped_records(source)
            for record in records:
                if kind == "people":
                    person = person_from_record(record, source)
                    if person.id in kb.people:
                        kb.duplicates.append(f"person {person.id} again in {source}")
                    add_person(kb, person)
                else:
                    org = organisation_from_record(record, source)
                    if org.id in kb.organisations:
                        kb.duplicates.append(f"organisation {org.id} again in {source}")
                    add_organisation(kb, org)
    periods = "data/kb/organisation_periods.tsv"
    organisation_periods(kb, optional_table(periods), periods)
    return kb


def kb_record_files(kind: str) -> list[str]:
    """The shipped record files of a kind: `data/kb/<kind>.yaml`, then `data/kb/<kind>/*.yaml`
    by name (regions and kinds of records kept apart so each file stays reviewable)."""
    return data_files(f"data/kb/{kind}.yaml", f"data/kb/{kind}", ".yaml")


@cache
def _default_knowledge_base() -> KnowledgeBase:
    return _shipped_knowledge_base()


def load_knowledge_base(extra_files: Sequence[Path] = ()) -> KnowledgeBase:
    """The shipped knowledge base plus user actor files (YAML or CSV)."""
    if not extra_files:
        return _default_knowledge_base()
    kb = _shipped_knowledge_base()
    for path in extra_files:
        load_user_file(kb, Path(path))
    return kb


def kb_sizes(kb: KnowledgeBase) -> dict[str, int]:
    """How many countries, people, organisations and titles the knowledge base holds."""
    return {
        "countries": len(kb.countries),
        "people": len(kb.people),
        "organisations": len(kb.organisations),
        "titles": len(kb.titles),
    }
