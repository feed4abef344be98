"""The actor resolver: mentions in a parsed article resolved to coded actors.

Order of work, each step reading what the previous ones found:
1. knowledge-base surface forms matched in the text (names, aliases, capitals, seats,
   demonyms), corrected against the statistical NER where the knowledge base knows better;
2. PERSON entities the knowledge base does not know become actors coded from their titles,
   appositions and affiliations ("Jim Townsend, a senior advisor at the Atlantic Council");
3. demonyms and countries heading a role noun become group actors ("Russian forces" RUSMIL) or
   the office holder ("the Russian leader"); as modifiers of other nouns they point at the
   country ("Russian oil facilities");
4. capitals and countries used as places ("in Kyiv") are not actors;
5. pronouns and bare surnames link to the most recent compatible actor.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import NamedTuple

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span, Token

from tidings.actors.kb import (
    Entry,
    KnowledgeBase,
    Organisation,
    Person,
    Role,
    Title,
    family_name_first,
    fold,
    office_of,
    token_key,
    without_particle,
)
from tidings.lexicons import data_lines, data_table, receiving_verbs
from tidings.model import Actor, ActorResolution, Mention
from tidings.parse import (
    document_text,
    entity_span,
    in_dateline,
    in_headline,
    tokens_with_lower,
    tokens_with_pos,
)
from tidings.places import resolve_place
from tidings.quotes import quoted_stretches, speech_verbs

PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "from", "over", "across", "into", "around", "outside", "inside",
     "toward", "towards", "through", "within", "throughout", "via"}
)  # fmt: skip
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
GENDERED_PRONOUNS = dict.fromkeys(MALE_PRONOUNS, "m") | dict.fromkeys(FEMALE_PRONOUNS, "f")
# Quoted sentences a pronoun's reach passes over without counting them: bounded, so a
# transcript quoted whole does not make every pronoun walk back to the top.
MAX_QUOTED_SENTENCES_SKIPPED = 12
REGION_GROUPS = {
    "european": "European countries",
    "western": "Western countries",
    "arab": "Arab states",
    "african": "African countries",
    "gulf": "Gulf states",
    "asian": "Asian countries",
    "nordic": "Nordic countries",
    "baltic": "Baltic states",
}
PLURAL_PRONOUNS = frozenset({"they", "their"})
FORMER_WORDS = frozenset({"former", "ex", "onetime", "erstwhile", "retired", "late"})
# A rank word before a title: the deputy foreign minister is not the foreign minister.
SUBORDINATE_WORDS = frozenset({"deputy", "vice", "assistant", "under", "junior", "associate"})


def surname_forms(name: str, country: str | None = None) -> set[str]:
    """The ways an article may shorten a name: its last word, without an Arabic article
    ("Mohammed al-Bashir" is also "Bashir"), or its first word where the family name comes
    first ("Qin Gang" is "Qin")."""
    words = fold(name).split()  # "Arevalo" for "Arévalo": copy drops accents as often as not
    if not words:
        return set()
    if country in family_name_first() and len(words) > 1:
        return {words[0].lower()}
    last = words[-1].lower()
    return {last, without_particle(last)}


@dataclass(slots=True)
class Found:
    """A mention being resolved: its token span and the key of the actor it names."""

    start: int  # token index
    end: int
    key: str
    kind: str  # mention kind: name, surname, title, pronoun, metonym, demonym, description


@dataclass(slots=True)
class Draft:
    """What is known of an actor while the article is being read."""

    key: str
    name: str
    country: str | None
    sector: str | None
    role: str | None
    kind: str
    kb_id: str | None = None
    gender: str = "x"
    affiliation: str | None = None
    surnames: set[str] = field(default_factory=set)
    # the country was taken from the article, not from what the text says of the actor
    guessed: bool = False


@dataclass(slots=True)
class Reading:
    """The resolver's working state over one article."""

    doc: Doc
    kb: KnowledgeBase
    published: date | None
    drafts: dict[str, Draft] = field(default_factory=dict)
    found: list[Found] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)
    places: list[str] = field(default_factory=list)  # countries named as places ("in Nigeria")
    place_spans: list[tuple[int, int, str]] = field(default_factory=list)  # their token spans
    # tokens of names that look like a known person's but are someone else ("Jane Bennett")
    strangers: set[int] = field(default_factory=set)
    # token -> the key of the mention over it: mentions never overlap, so one key a token
    key_at: dict[int, str] = field(default_factory=dict)
    venue: str | None = None  # the country of the trial or court the article tells of

    def add(self, start: int, end: int, draft: Draft, kind: str) -> None:
        """Record a mention of `draft` over tokens start..end unless they are taken."""
        if any(i in self.taken for i in range(start, end)):
            return
        existing = self.drafts.setdefault(draft.key, draft)
        if existing.role is None and draft.role:
            existing.role, existing.sector = draft.role, draft.sector or existing.sector
        if existing.guessed and draft.country and not draft.guessed:
            # the text says at last what the article's country only stood in for
            existing.country, existing.guessed = draft.country, False
            existing.surnames |= draft.surnames
        self.record(Found(start, end, draft.key, kind))

    def record(self, found: Found) -> None:
        """Take the tokens of a mention of an actor whose draft is known."""
        self.found.append(found)
        self.taken.update(range(found.start, found.end))
        self.key_at.update(dict.fromkeys(range(found.start, found.end), found.key))


@cache
def attribute_nouns() -> frozenset[str]:
    """Nouns for a quality or capacity a state has, which a role word before them describes
    rather than names a body ("China's military might") (data/kb/attribute_nouns.txt)."""
    return frozenset(data_lines("data/kb/attribute_nouns.txt"))


@cache
def not_actors() -> frozenset[str]:
    """Names the statistical model takes for people but are weapons or products."""
    return frozenset(line.lower() for line in data_lines("data/kb/not_actors.txt"))


def match_surfaces(
    doc: Doc, kb: KnowledgeBase, published: date | None = None
) -> list[tuple[int, int, Entry]]:
    """Knowledge-base surface forms in the text as token spans, longest first, no overlaps;
    a name several records share goes to the one the date and context make likeliest."""
    original = document_text(doc)
    text = fold(original)
    if len(text) != len(original):
        text = original  # folding changed offsets (rare ligatures): match unfolded text
    lowered = text.lower()
    offsets = doc.to_array([IDX, LENGTH])  # one array call: a per-token loop costs ~10 ms/article
    ends = {int(i + n): k + 1 for k, (i, n) in enumerate(offsets.tolist())}
    matches = []
    shared: dict[int, list[Entry]] = {}  # every entry a matched form names, by its start
    position = 0
    while position < len(doc):
        token = doc[position]
        key = token_key(token.text)
        best = None
        for form, case_sensitive, entry in kb.candidates(key):
            haystack = text if case_sensitive else lowered
            if case_sensitive and shouted_word(token):
                continue
            if not haystack.startswith(form, token.idx):
                continue
            end = ends.get(token.idx + len(form))
            if end is not None and not _common_words(form, entry, text, token.idx):
                best = (token.i, end, entry)
                break
        if best is None:
            position += 1
            continue
        start, end, _ = best
        entries = [e for f, cs, e in kb.candidates(key) if _same_form(f, cs, doc, start, end)]
        entries = states_of_the_day(kb, entries, published)
        matches.append((start, end, _prefer(entries, doc[start:end])))
        shared[start] = entries
        position = end
    return _seats_of_named_countries(matches, shared)


def _seats_of_named_countries(
    matches: list[tuple[int, int, Entry]], shared: dict[int, list[Entry]]
) -> list[tuple[int, int, Entry]]:
    """A city that is both a capital and the seat of an organisation ("Brussels") names the
    organisation, unless the article names the capital's country too."""
    named = {e.ref for _, _, e in matches if e.kind in ("country", "demonym")}
    kept = []
    for start, end, entry in matches:
        if entry.kind == "seat-org":
            entry = next(
                (e for e in shared[start] if e.kind == "capital" and e.ref in named), entry
            )
        kept.append((start, end, entry))
    return kept


def _common_words(form: str, entry: Entry, text: str, start: int) -> bool:
    """Whether a name of several words of a person or organisation stands in the text in
    lower case only: "a new unity government" does not name the party New Unity."""
    written = text[start : start + len(form)]
    named = entry.kind in ("person", "organisation") and " " in form
    return named and written == written.lower()


def shouted_word(token: Token) -> bool:
    """Whether an all-capital function word stands in all-capital text ("WHAT IS NEXT"), where
    it is the word, not the acronym it spells (IS, US, WHO)."""
    if not (token.is_stop and token.is_upper):
        return False
    doc = token.doc
    neighbours = (doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc))
    return any(n.is_alpha and n.is_upper and len(n) > 1 for n in neighbours)


def _same_form(form: str, case_sensitive: bool, doc: Doc, start: int, end: int) -> bool:
    surface = fold(doc[start:end].text)
    return form == (surface if case_sensitive else surface.lower())


STATE_ENTRY_KINDS = frozenset({"country", "capital", "demonym", "seat"})
# Entries that place a group in a country when they name or modify it.
PLACE_ENTRY_KINDS = frozenset({"country", "capital", "demonym", "regional"})


def states_of_the_day(kb: KnowledgeBase, entries: list[Entry], day: date | None) -> list[Entry]:
    """Entries naming states that existed on `day`; where a former state and its successor
    share a name ("Moscow" in 1985), the former state alone."""
    states = [e for e in entries if e.kind in STATE_ENTRY_KINDS]
    if not states:
        return entries
    living = [e for e in entries if e.kind not in STATE_ENTRY_KINDS or _exists(kb, e, day)]
    superseded: set[str] = set()
    heirs = [kb.countries[e.ref].successors for e in living if e.kind in STATE_ENTRY_KINDS]
    pending = [code for codes in heirs for code in codes]
    while pending:  # Yugoslavia -> Serbia and Montenegro -> Serbia
        code = pending.pop()
        if code not in superseded and code in kb.countries:
            superseded.add(code)
            pending.extend(kb.countries[code].successors)
    kept = [e for e in living if not (e.kind in STATE_ENTRY_KINDS and e.ref in superseded)]
    return kept or entries


def _exists(kb: KnowledgeBase, entry: Entry, day: date | None) -> bool:
    country = kb.countries.get(entry.ref)
    return country is None or country.exists_on(day)


def _prefer(entries: list[Entry], span: Span) -> Entry:
    """Among entries sharing a surface form, the one the context makes likeliest."""
    order = {"person": 0, "organisation": 1, "seat": 2, "seat-org": 2, "capital": 3}
    order |= {"country": 4, "demonym": 5}
    if span.root.dep_ in ("amod",) or span.root.tag_ == "JJ":
        order["demonym"] = -1
    return min(entries, key=lambda e: order.get(e.kind, 9))


def is_place(span: Span) -> bool:
    """Whether a span is used as a location: object of in/at/near..., in a place compound, or
    in the dateline ("KABUL (AP) -")."""
    root = span.root
    if in_dateline(root):
        return True
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in PLACE_PREPOSITIONS:
        # "received missiles from Germany": a giver, not a place of origin
        return not (head.lower_ == "from" and head.head.lemma_.lower() in receiving_verbs())
    if root.dep_ == "compound" and head.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    return root.dep_ == "appos" and head.ent_type_ in ("GPE", "LOC")


def _title_from(tokens: list[Token], kb: KnowledgeBase) -> tuple[str | None, str | None, bool]:
    """The longest known title among tokens, its sector, and whether it is a 'former' one.

    A current title wins over a longer former one ("a senior advisor ... and former deputy
    assistant secretary of defense" is a senior advisor now). A possessor's title is its
    owner's, not the person's: "the journalist's lawyer" is a lawyer.
    """
    within = {t.i for t in tokens}
    owners = {
        t.i
        for token in tokens
        if token.dep_ == "poss" and token.head.i in within
        for t in token.subtree
    }
    words = [t.lower_ if t.i not in owners else "" for t in tokens]
    found: list[tuple[bool, int, str, str]] = []
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            phrase = " ".join(words[i:j])
            title = kb.titles.get(phrase)
            if title is not None:
                # "then-president", "the then president": a post held at the time told of
                then = words[max(0, i - 2) : i] in (["then", "-"], ["the", "then"])
                former = then or any(w in FORMER_WORDS for w in words[max(0, i - 4) : i])
                # "a former coordinator in the Obama administration": all of it is past
                former = former or _under_former(tokens[j - 1], within)
                found.append((not former, len(phrase), phrase, title.sector))
                break
    if not found:
        return None, None, False
    current, _, phrase, sector = max(found)
    return phrase, sector, not current


def _under_former(token: Token, within: set[int]) -> bool:
    """Whether a word of a description lies under a noun the description calls former ("a
    former coordinator in the Obama administration")."""
    for ancestor in token.ancestors:
        if ancestor.i not in within:
            return False
        if ancestor.pos_ in ("NOUN", "PROPN") and any(
            c.lower_ in FORMER_WORDS for c in ancestor.children
        ):
            return True
    return False


def is_subordinate(tokens: list[Token], title: str) -> bool:
    """Whether a rank word ("deputy", "vice") qualifies the title among the tokens."""
    words = [t.lower_ for t in tokens]
    first = title.split()[0]
    for i, word in enumerate(words):
        if word == first and any(w in SUBORDINATE_WORDS for w in words[max(0, i - 2) : i]):
            return True
    return False


def country_in(
    tokens: list[Token], matches: dict[int, Entry], titles: dict[str, Title]
) -> str | None:
    """The first country (by name, demonym or capital) among tokens, unless it names the
    subject of an expert's title ("a North Korea expert", "a Moscow correspondent")."""
    for token in tokens:
        entry = matches.get(token.i)
        if entry is None or entry.kind not in ("country", "demonym", "capital", "seat"):
            continue
        head = token.head if token.dep_ in ("amod", "compound", "nmod") else None
        while head is not None and head.dep_ in ("amod", "compound") and head.head.i > head.i:
            head = head.head  # "North Korean" -> "Korean" -> "expert"
        title = titles.get(head.lower_) if head is not None else None
        if title is not None and title.office == "topic":
            continue
        return entry.ref
    return None


def person_draft(kb: KnowledgeBase, person_id: str, published: date | None) -> Draft:
    """A draft for a knowledge-base person, coded by the role held at the article's date."""
    person = kb.people[person_id]
    role = person.role_at(published, kb.titles)
    if role is None:
        country, sector, title, org = person.country, "ELI", None, None
    else:
        org = role.org
        country = role.country or kb.country_of_org(org) or (None if org else person.country)
        sector, title = role.sector, role.title
    return Draft(
        key=f"person:{person.id}",
        name=person.name,
        country=country,
        sector=sector,
        role=title,
        kind="person",
        kb_id=person.id,
        gender=person.gender,
        surnames=surname_forms(person.name, person.country),
        affiliation=org,
    )


def entry_draft(kb: KnowledgeBase, entry: Entry, published: date | None) -> Draft:
    """A draft for a knowledge-base entry (person, organisation, country or metonym)."""
    if entry.kind == "person":
        return person_draft(kb, entry.ref, published)
    if entry.kind in ("organisation", "seat-org"):
        org = kb.organisations.get(entry.ref)
        if org is None:
            return Draft(
                f"org:{entry.ref}", entry.ref, None, "IGO", None, "organisation", entry.ref
            )
        country, sector = org.code_on(published)
        return Draft(f"org:{org.id}", org.name, country, sector, None, "organisation", org.id)
    country = kb.countries[entry.ref]
    sector = entry.sector or "GOV"
    if sector != "GOV":
        return Draft(f"group:{country.iso3}:{sector}", f"{country.name} ({sector})",
                     country.iso3, sector, None, "organisation", country.iso3)  # fmt: skip
    return Draft(f"country:{country.iso3}", country.name, country.iso3, "GOV", None, "country",
                 country.iso3)  # fmt: skip


def _mention_kind(entry: Entry) -> str:
    kinds = {"capital": "metonym", "seat": "metonym", "seat-org": "metonym", "demonym": "demonym"}
    return kinds.get(entry.kind, "name")


def _noun_phrase_head(token: Token) -> Token | None:
    """The noun a modifier token attaches to ("Russian" -> "forces"), through the nouns of a
    compound ("Bolivian" -> "coca" -> "farmers")."""
    if token.dep_ not in ("amod", "compound", "nmod", "poss") or token.head.pos_ not in (
        "NOUN",
        "PROPN",
    ):
        return None
    head = token.head
    while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
        head = head.head
    return head


def is_stance(span: Span) -> bool:
    """Whether a country or demonym follows "pro-": "pro-Russian separatists" are not Russia's
    (but "anti-Pakistan militants" fight in Pakistan and are coded as its rebels)."""
    doc = span.doc
    return (
        span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ == "pro"
    )


def resolve_kb_matches(reading: Reading, matches: list[tuple[int, int, Entry]]) -> None:
    """Steps 1, 3 and 4: knowledge-base matches, group actors and places."""
    doc, kb = reading.doc, reading.kb
    by_token = {i: e for s, e_, e in matches for i in range(s, e_)}
    for start, end, entry in matches:
        span = doc[start:end]
        # "a tougher line from the Kantei", "a statement from the White House": a seat of
        # power a word comes from speaks ("returned from the White House" is a place)
        origin = span.root.head
        spoken_from = (
            entry.kind == "seat" and origin.lower_ == "from" and origin.head.pos_ == "NOUN"
        )
        placed = entry.kind in ("country", "capital", "seat", "seat-org") and is_place(span)
        if placed and not spoken_from:
            if entry.kind in ("country", "capital"):
                reading.places.append(entry.ref)
                reading.place_spans.append((start, end, entry.ref))
            continue
        if entry.kind in ("country", "demonym") and (titles_a_person(span) or is_stance(span)):
            continue
        if entry.kind in ("country", "demonym") and nationality_of(span.root) is not None:
            continue  # "X, who is Azerbaijani": what X is, not an actor
        if entry.kind == "capital" and seat_of_a_post(span, entry, by_token):
            continue
        if entry.kind in ("country", "demonym") and branch_of(span, by_token, kb):
            continue
        head = _noun_phrase_head(span.root)
        owned = by_token.get(head.i) if head is not None else None
        if entry.kind in ("country", "demonym") and owned is not None and owned.kind == "seat":
            continue  # "Peru's Congress": the owner is part of the institution's name
        modifier = entry.kind in ("demonym", "country", "capital", "organisation", "regional")
        if modifier and resolve_modifier(reading, span, entry, by_token):
            continue
        if entry.kind == "regional":
            if _names_people(span):  # "Tibetans", "Rohingya refugees" are people of the country
                draft = Draft(f"group:{entry.ref}:CVL", span.text, entry.ref, "CVL", None, "group")
                reading.add(start, end, draft, "demonym")
            continue  # a region is never its country's government
        if entry.kind == "demonym" and span.root.pos_ not in ("PROPN", "ADJ", "NOUN"):
            continue
        if entry.kind == "demonym" and _names_people(span):
            # "Americans detained in China", "ethnic Armenians": people, not the government
            iso3 = entry.ref
            draft = Draft(f"group:{iso3}:CVL", span.text, iso3, "CVL", None, "group", None)
            reading.add(start, end, draft, "demonym")
            continue
        owner = seat_owner(span, entry, by_token)
        if owner is not None:
            draft = Draft(f"group:{owner}:{entry.sector}", span.text, owner, entry.sector,
                          None, "organisation", owner)  # fmt: skip
            reading.add(start, end, draft, "name")
            continue
        reading.add(start, end, entry_draft(kb, entry, reading.published), _mention_kind(entry))


# Organisations with offices or services named for a country or a language after their name.
BRANCHED_KINDS = frozenset({"igo", "un-agency", "eu-body", "ngo", "media"})


def branch_of(span: Span, by_token: dict[int, Entry], kb: KnowledgeBase) -> bool:
    """Whether a country or demonym right after an international body's or outlet's name
    names its office or service there ("UNICEF Nigeria", "VOA Somali"), not the country."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    owner = by_token.get(before.i)
    org = kb.organisations.get(owner.ref) if owner and owner.kind == "organisation" else None
    if org is None or org.kind not in BRANCHED_KINDS or not before.whitespace_:
        return False
    return before.head.i in range(span.start, span.end) or span.root.head.i == before.i


def seat_of_a_post(span: Span, entry: Entry, by_token: dict[int, Entry]) -> bool:
    """Whether a capital only says where another country's post is: "Guatemala's Washington
    embassy" is Guatemala's, in Washington."""
    root = span.root
    if root.dep_ not in ("compound", "nmod"):
        return False
    for owner in root.head.children:
        if owner.dep_ not in ("poss", "amod", "compound") or owner.i >= span.start:
            continue
        found = by_token.get(owner.i)
        if found is not None and found.kind in ("country", "demonym") and found.ref != entry.ref:
            return True
    return False


def seat_owner(span: Span, entry: Entry, by_token: dict[int, Entry]) -> str | None:
    """Another country named as the owner of an institution whose bare name is one country's
    ("Peru's Congress", "the Philippine Senate"): that country."""
    if entry.kind != "seat":
        return None
    for child in span.root.children:
        if child.dep_ not in ("poss", "amod", "compound") or child.i > span.start:
            continue
        owner = by_token.get(child.i)
        if owner is not None and owner.kind in ("country", "demonym") and owner.ref != entry.ref:
            return owner.ref
    return None


def _names_people(span: Span) -> bool:
    """A plural demonym standing as a noun ("Americans", "Palestinians"), not a modifier."""
    root = span.root
    if any(c.dep_ == "det" and c.lower_ == "the" for c in root.children):
        return False  # "the Russians are not interested in talks": the Russian side
    return root.tag_ in ("NNS", "NNPS") and root.dep_ not in ("amod", "compound", "poss", "nmod")


def resolve_modifier(
    reading: Reading, span: Span, entry: Entry, by_token: dict[int, Entry]
) -> bool:
    """A country/demonym/organisation modifying a role noun: a group or an office holder."""
    doc, kb = reading.doc, reading.kb
    head = _noun_phrase_head(span.root)
    if head is None or head.ent_type_ == "PERSON" or head.i in by_token:
        return False
    # "Syria's interim prime minister, Mohammed al-Bashir,": the named person takes the title.
    if apposed_person(head) is not None:
        return False
    # A title before a name belongs to the person: "Iranian Foreign Minister Abbas Araghchi".
    if head.i + 1 < len(doc) and doc[head.i + 1].ent_type_ == "PERSON":
        return False
    if "\n" in doc[span.start : head.i + 1].text:
        return False
    if describes_a_quality(span, head):
        return False  # "China's military might" is China's, not its armed forces
    phrase_start = min([span.start] + [t.i for t in head.lefts if t.i < span.start])
    tokens = [t for t in doc[span.start : head.i + 1] if not t.is_punct]
    title, sector, former = _title_from([t for t in tokens if t.i >= span.end] or [head], kb)
    if title is None:
        return False
    country = entry.ref if entry.kind != "organisation" else kb.country_of_org(entry.ref)
    known = kb.titles[title]
    if former or any(c.lower_ in FORMER_WORDS for c in head.children):
        if entry.kind == "organisation":
            return False
        if known.kind != "group":
            # "the former French foreign minister": one of the country's elites, no office now
            draft = Draft(f"generic:{country}:ELI:{title}", doc[span.start : head.i + 1].text,
                          country, "ELI", None, "person", None)  # fmt: skip
            reading.add(phrase_start, head.i + 1, draft, "description")
            return True
        # "France's former ministers", "former Iraqi officials": the country's elites
        draft = Draft(f"group:{country}:ELI", doc[span.start : head.i + 1].text, country, "ELI",
                      None, "group", None)  # fmt: skip
        reading.add(phrase_start, head.i + 1, draft, "description")
        return True
    if known.office == "topic" and entry.kind != "organisation":
        country = None  # "a North Korea expert" studies the country
    subordinate = is_subordinate(tokens, title)
    national = entry.kind not in ("organisation", "regional")
    if known.kind == "person" and known.office and national and not subordinate:
        holder = kb.office_holder(country, known.office, reading.published)
        if holder is not None:
            draft = person_draft(kb, holder.id, reading.published)
            reading.add(phrase_start, head.i + 1, draft, "description")
            return True
    if entry.kind == "organisation" and own_body(kb, entry, known):
        # "Republika Srpska's national assembly": the government, and its state's assembly
        country = kb.country_of_org(entry.ref)
        reading.add(span.start, span.end, entry_draft(kb, entry, reading.published), "name")
        body_start = next((t.i + 1 for t in doc[span.end : head.i] if t.dep_ == "case"), span.end)
        body = Draft(f"group:{country}:{known.sector}", doc[body_start : head.i + 1].text,
                     country, known.sector, None, "group", None)  # fmt: skip
        reading.add(body_start, head.i + 1, body, "description")
        return True
    if entry.kind == "organisation":
        draft = entry_draft(kb, entry, reading.published)
        org = kb.organisations.get(entry.ref)
        if org is not None and organ_of(org, known):
            # "the United Nations' highest court": the body's court, not the body
            organ = Draft(f"organ:{org.id}:{known.sector}", doc[span.start : head.i + 1].text,
                          None, known.sector, None, "group", None, affiliation=org.id)  # fmt: skip
            reading.add(phrase_start, head.i + 1, organ, "description")
            return True
        reading.add(phrase_start, head.i + 1, draft, "description")
        return True
    name = doc[span.start : head.i + 1].text
    partners = coordinated_partners(span.root, by_token) if known.kind == "group" else []
    if partners and country is not None:
        # "Indian and Pakistani troops": each country's troops are an actor of their own
        last = max(t.i for t, _ in partners) + 1
        noun = doc[last : head.i + 1].text
        own = Draft(f"group:{country}:{sector}", f"{span.text} {noun}", country, sector, None,
                    "group", None)  # fmt: skip
        reading.add(phrase_start, span.end, own, "description")
        for token, partner in partners:
            if partner.kind == "organisation":
                # "U.S. and NATO troops": the alliance's troops are the alliance acting
                reading.add(token.i, token.i + 1, entry_draft(kb, partner, reading.published),
                            "description")  # fmt: skip
                continue
            other = Draft(f"group:{partner.ref}:{sector}", f"{token.text} {noun}", partner.ref,
                          sector, None, "group", None)  # fmt: skip
            reading.add(token.i, token.i + 1, other, "description")
        reading.add(last, head.i + 1, own, "description")
        return True
    if known.kind == "group":
        key = f"group:{country}:{sector}"
        draft = Draft(key, name, country, sector, None, "group", None)
    else:
        role = f"deputy {title}" if subordinate else title
        key = f"generic:{country}:{sector}:{role}"
        draft = Draft(key, name, country, sector, role, "person", None)
    reading.add(phrase_start, head.i + 1, draft, "description")
    return True


FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def describes_a_quality(span: Span, head: Token) -> bool:
    """Whether the noun a modifier attaches to is a quality or capacity of its owner ("China's
    growing military might"), not a misparse that joins a subject to its verb's object
    ("Thailand's military seized power": a finite verb in between, the noun the root)."""
    if head.lemma_.lower() not in attribute_nouns() or head.dep_ == "ROOT":
        return False
    return not any(t.tag_ in FINITE_VERB_TAGS for t in span.doc[span.end : head.i])


def own_body(kb: KnowledgeBase, entry: Entry, title: Title) -> bool:
    """Whether a government body names another branch of its own state as its possession ("the
    regional government's assembly", "X's national assembly"): a group of another state sector."""
    org = kb.organisations.get(entry.ref)
    return (
        org is not None
        and org.kind == "government-body"
        and org.country is not None
        and title.kind == "group"
        and title.sector in STATE_SECTORS
        and title.sector != org.sector
    )


def organ_of(org: Organisation, title: Title) -> bool:
    """Whether a group title names an organ of another branch than an international body's own
    ("the United Nations' highest court", "the EU's parliament"), of no country as the body;
    its forces ("UN peacekeepers", "AMISOM troops") and its officials ("EU officials") are the
    body acting."""
    return (
        org.country is None
        and org.kind in ("igo", "un-agency", "eu-body")
        and title.kind == "group"
        and title.sector in STATE_SECTORS - FORCE_SECTORS - {"GOV"}
        and title.sector != org.sector
    )


def coordinated_partners(modifier: Token, by_token: dict[int, Entry]) -> list[tuple[Token, Entry]]:
    """The partners coordinated with a country modifier ("Indian and Pakistani troops",
    "US, British and French warplanes"): each conjunct that is a country or its demonym, or
    an organisation ("U.S. and NATO troops")."""
    doc = modifier.doc
    # the parser joins a list of modifiers as conjuncts or leaves them side by side
    siblings = (
        [t for t in modifier.head.lefts if t.i > modifier.i] if modifier.dep_ != "conj" else []
    )
    found = []
    for token in sorted(
        {*modifier.conjuncts, *siblings, *(c for t in siblings for c in t.conjuncts)}
    ):
        listed = any(t.dep_ in ("cc", "punct") for t in doc[modifier.i + 1 : token.i])
        entry = by_token.get(token.i)
        kinds = ("country", "demonym", "organisation")
        if token.i > modifier.i and listed and entry and entry.kind in kinds:
            found.append((token, entry))
    return found


def apposed_person(head: Token) -> Span | None:
    """The person named in apposition right after a title's noun phrase: "the U.N. envoy for
    Syria, Geir Pedersen," (the parse may hang the name on any word of the phrase)."""
    doc = head.doc
    index = head.i + 1
    while index < head.sent.end and doc[index].text != ",":
        if doc[index].pos_ in ("VERB", "AUX") or head not in doc[index].ancestors:
            return None
        index += 1
    following = index + 1
    # rank words before the name: "…, General Abdourahamane Tchiani,"
    while following < len(doc) and doc[following].ent_type_ != "PERSON" and doc[following].is_title:
        if following - index > 3:
            return None
        following += 1
    if following >= len(doc) or doc[following].ent_type_ != "PERSON":
        return None
    if doc[following].ent_iob_ != "B":
        return None
    return entity_span(doc[following])  # not a scan of doc.ents: that is built on each access


def apposed_title(entity: Span, kb: KnowledgeBase) -> Token | None:
    """For a name in apposition ("…, Geir Pedersen,"), the head noun of the title before it."""
    doc = entity.doc
    comma = entity.start - 1
    while comma > entity.sent.start and doc[comma].is_title and entity.start - comma <= 3:
        comma -= 1
    if comma < 1 or doc[comma].text != ",":
        return None
    for token in doc[entity.sent.start : comma]:
        if token.pos_ == "NOUN" and apposed_person(token) == entity:
            title, _, _ = _title_from(list(doc[token.left_edge.i : token.i + 1]), kb)
            return token if title is not None else None
    return None


def titles_a_person(span: Span) -> bool:
    """Whether a country or demonym is part of a person's title ("Russian President Putin")."""
    head = _noun_phrase_head(span.root)
    while head is not None and head.ent_type_ != "PERSON":
        following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
        if following is not None and following.ent_type_ == "PERSON":
            return True
        head = _noun_phrase_head(head)
    return head is not None


def _appositive_tokens(name_root: Token, kb: KnowledgeBase) -> list[Token]:
    """Tokens describing a person: an apposition after the name or the noun the name is in."""
    # all of them: the parser splits "co-founder and executive director of Y" into three
    apposed = [t for child in name_root.children if child.dep_ == "appos" for t in child.subtree]
    if apposed:
        return apposed
    if name_root.dep_ == "appos" and name_root.head.pos_ == "NOUN":
        head = name_root.head
        return [t for t in head.subtree if t.i < name_root.i and t.i >= head.left_edge.i]
    entity = entity_span(name_root)
    title = apposed_title(entity, kb) if entity is not None else None
    if title is not None:
        return [t for t in title.subtree if t.i < entity.start - 1]
    return copula_description(name_root)


def copula_attribute(name_root: Token) -> Token | None:
    """The noun a copula says a name, its subject, is ("X is executive director at …"), or
    the class it places the name in ("X was among the refugees", "X is one of the lawyers")."""
    verb = name_root.head
    if name_root.dep_ != "nsubj" or verb.lemma_ != "be":
        return None
    for child in verb.children:
        if child.dep_ == "attr" and child.pos_ == "NOUN":
            return child
        if child.dep_ == "attr" and child.lower_ == "one":
            return _member_class(child, "of")
        if child.dep_ == "prep" and child.lower_ == "among":
            return _member_class(child, None)
    return None


def _member_class(token: Token, preposition: str | None) -> Token | None:
    """The plural noun a word places its subject among ("one of the lawyers", "among the
    refugees"): the object of `preposition` under it, or its own object."""
    heads = [token] if preposition is None else [
        c for c in token.children if c.dep_ == "prep" and c.lower_ == preposition
    ]  # fmt: skip
    return next(
        (o for h in heads for o in h.children if o.dep_ == "pobj" and o.tag_ == "NNS"), None
    )


def copula_description(name_root: Token) -> list[Token]:
    """The description a copula gives a name as its subject, as an apposition would ("X is
    executive director at a watchdog in Nairobi"), with what a second copula of the same
    subject adds ("X is a former minister and is now dean of law at Y")."""
    attribute = copula_attribute(name_root)
    if attribute is None:
        return []
    verb = name_root.head
    more = [
        t
        for conjunct in verb.conjuncts
        if conjunct.lemma_ == "be" and conjunct.i > verb.i
        for child in conjunct.children
        if child.dep_ == "attr" and child.pos_ == "NOUN"
        for t in child.subtree
    ]
    return [*attribute.subtree, *more]


def hyphen_joined(token: Token) -> bool:
    """A hyphen inside a word, or the word after it: "UN-appointed", "Kremlin-backed"."""
    if token.text == "-":
        return not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return previous is not None and previous.text == "-" and not previous.whitespace_


def title_tokens_before(span: Span) -> list[Token]:
    """The run of title words right before a name: "Former British prime minister" Sunak."""
    tokens: list[Token] = []
    index = span.start - 1
    while index >= max(span.sent.start, span.start - 8):
        token = span.doc[index]
        if not hyphen_joined(token) and token.is_punct and token.text not in (".", "'"):
            break
        # a title's own complement: "Minister of Defence", "Resident Coordinator for Myanmar"
        verb = token.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ") and token.lower_ not in (
            "of",
            "for",
        )
        acronym = token.is_upper and len(token.text) > 1  # "IS deputy commander": no verb
        if verb and not hyphen_joined(token) and not acronym:
            break
        tokens.insert(0, token)
        index -= 1
    return tokens


def describe_person(reading: Reading, span: Span, by_token: dict[int, Entry]) -> Draft:
    """A draft for a person: KB-coded when known, else from titles, appositions, affiliation."""
    kb = reading.kb
    left = title_tokens_before(span)
    described = left + _appositive_tokens(span.root, kb)
    title, sector, former = _title_from(described, kb)
    if sector == "REF":
        # a refugee's country is the one they come from, not the camp's: "a refugee living in
        # Kenya" says nothing of it, "driven from Somalia" does
        country = origin_country(span, described, by_token)
    else:
        country = country_in(described, by_token, kb.titles) or place_country(described)
    if country is None and title is not None:
        country = kb.titles[title].country  # "Democratic Representative Glenn Ivey"
    affiliation: Organisation | None = None
    affiliated_by: Token | None = None  # the word naming the affiliation
    past: Organisation | None = None  # "a former State Department official"
    stranger: Draft | None = None  # an organisation the knowledge base does not know
    for token in [*described, *tied_tokens(span)]:
        entry = by_token.get(token.i)
        # "ambassador to the UN" is posted there; "advisor at the Atlantic Council" works there
        posted = token.head.lower_ == "to" and token.head.head.i != token.i
        if posted or held_formerly(token):
            found = kb.organisations.get(entry.ref) if entry is not None else None
            past = past or (found if found is not None and not posted else None)
            continue
        if entry is not None and entry.kind == "organisation":
            found = kb.organisations.get(entry.ref)
            if found is not None:
                affiliation, affiliated_by = found, token
                break
        stranger = unknown_affiliation(reading, token)
        if stranger is not None:
            break
    affiliated_sector = None
    if stranger is not None:
        # "managing director with X Brokerage in Hanoi": the firm's sector and country, not
        # those of the countries the sentence talks about
        country = stranger.country or country
        affiliated_sector = stranger.sector
    elif affiliation is not None and affiliated_by is not None:
        # an IGO's envoy "for Syria" is no Syrian
        country, affiliated_sector = affiliation.code_on(reading.published)
        branch = owned_branch(affiliated_by, by_token, kb)
        affiliated_sector = branch.sector if branch is not None else affiliated_sector
    elif past is not None:
        # someone who has left an office is one of the country's elites, no longer its state
        country, former = past.code_on(reading.published)[0], True
    if affiliated_by in left and any(t.lower_ in FORMER_WORDS for t in left):
        # "Former top EU official X": the body is part of the post left, whose holder is now
        # one of their own country's elites
        affiliation, affiliated_sector = None, None
        country = None
    former = former or (title is None and any(held_formerly(t) for t in described))
    affiliated_sector = people_sector(affiliated_sector)
    served: str | None = None  # the body of an international official whose aide this is
    if country is None:
        possessor = next((t for t in described if t.dep_ == "poss"), None)
        if possessor is not None:
            owner = reading.drafts.get(reading.key_at.get(possessor.i) or "")
            country = owner.country if owner else None
            if owner is not None and owner.country is None and owner.sector == "IGO":
                # "Guterres' spokesman": the UN's, not the article's country's
                served, affiliated_sector = owner.affiliation, "IGO"
    # A titled stranger ("Prime Minister Ariel Henry") belongs to the country named before him
    # in the sentence, else to the article's; not a refugee, for the article's country is as
    # often their host as their own.
    unplaced = country is None and affiliation is None and served is None
    if unplaced and stranger is not None:
        # the countries the sentence names are what someone working for a firm or a think tank
        # talks about; the article's own country is as often where the firm is
        country = focus_country(reading, reading.places)
    elif unplaced and (title or described) and sector != "REF":
        # a prosecutor or a lawyer of a trial in New York is American, whoever is on trial
        venue = reading.venue if of_the_court(title, sector) else None
        country = _country_before(reading, span) or venue or focus_country(reading, reading.places)
    name = span.text
    guessed = unplaced and country is not None
    return Draft(
        key=f"person:{name.lower()}",
        name=name,
        country=country,
        sector=affiliated_sector or (None if former else sector) or ("ELI" if former else None),
        role=None if former else title,
        kind="person",
        # a country only guessed from the article says little of how the name is ordered
        surnames=surname_forms(name, country) | (surname_forms(name) if guessed else set()),
        affiliation=(
            affiliation.id if affiliation is not None and not affiliation.country else served
        ),
        guessed=guessed,
    )


# The sector of the people who work for a body of a sector, where it differs: an outlet's
# people ("a VOA host", "X of the BBC's Urdu service") are journalists.
MEMBER_SECTORS = {"MED": "JRN"}


def people_sector(body_sector: str | None) -> str | None:
    """The sector of a person who works for a body of the given sector."""
    return MEMBER_SECTORS.get(body_sector or "", body_sector)


# Prepositions that tie a person to the body they work for: "X of the think tank Y", "director
# at Y", "managing director with Y", "a fellow for Y", "Anna Berg from Y".
AFFILIATION_PREPOSITIONS = frozenset({"of", "at", "with", "for", "from"})


# Verbs whose subject works for the body their "at", "for" or "with" phrase names: "X lectures
# at the University of Y", "X works for Y", "X teaches at Y".
AFFILIATION_VERBS = frozenset({"lecture", "teach", "work", "research", "study"})
WORKPLACE_PREPOSITIONS = frozenset({"at", "for", "with"})
# Verbs whose subject heads the body that is their object: "X heads the Y Foundation".
HEADING_VERBS = frozenset({"head", "lead", "chair", "direct", "run", "found", "manage"})


def who_clause(clause: Token) -> bool:
    """Whether a dependent of a name is a relative clause about a person ("X, who heads Y")."""
    return clause.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children
    )


def tied_tokens(span: Span) -> list[Token]:
    """The words of the prepositional phrases a name itself heads ("Andrew Lane of the X
    Institute") or that follow a verb of work it is the subject of ("X lectures at the Y
    University"): where the body the person works for is named when no apposition says it."""
    root = span.root
    verb = root.head if root.dep_ == "nsubj" and root.head.lemma_ in AFFILIATION_VERBS else None
    worked = [
        child
        for child in (verb.rights if verb is not None else ())
        if child.dep_ == "prep" and child.lower_ in WORKPLACE_PREPOSITIONS
    ]
    # "X, who heads the Y Foundation,": the body a "who" clause says they head or work for
    for clause in root.rights:
        if not who_clause(clause):
            continue
        if clause.lemma_ in HEADING_VERBS:
            worked += [c for c in clause.rights if c.dep_ == "dobj"]
        if clause.lemma_ in AFFILIATION_VERBS | HEADING_VERBS:
            worked += [
                c for c in clause.rights if c.dep_ == "prep" and c.lower_ in WORKPLACE_PREPOSITIONS
            ]
    return [
        t
        for child in [*root.rights, *worked]
        if (child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPOSITIONS) or child in worked
        for t in child.subtree
    ]


def unknown_affiliation(reading: Reading, token: Token) -> Draft | None:
    """The organisation the knowledge base does not know that a word of a person's description
    names, when it was read as one ("managing director with X Brokerage")."""
    draft = reading.drafts.get(reading.key_at.get(token.i) or "")
    if draft is None or draft.kind != "organisation" or draft.kb_id is not None:
        return None
    return draft


def owned_branch(name: Token, by_token: dict[int, Entry], kb: KnowledgeBase) -> Title | None:
    """The branch of its own state a government body's name owns in a description ("president
    of Republika Srpska's national assembly": the assembly), whose sector its officials take."""
    while name.dep_ == "compound" and name.head.i in by_token:
        name = name.head  # to the name's last word
    entry = by_token.get(name.i)
    branch = group_title(name.head, kb) if name.dep_ == "poss" else None
    fits = entry is not None and branch is not None and own_body(kb, entry, branch)
    return branch if fits else None


def origin_country(span: Span, described: list[Token], by_token: dict[int, Entry]) -> str | None:
    """The country a person comes from: a demonym or a country after "from" in their
    description ("a Somali refugee", "a refugee from Somalia"), or after "from" in a
    participle of their clause ("…, driven from Somalia by war"); never a place they are in."""
    verb = span.root.head if span.root.dep_ in ("nsubj", "nsubjpass") else None
    clause = [t for t in verb.subtree if t.i < span.start or t.i >= span.end] if verb else []
    for token in [*described, *clause]:
        entry = by_token.get(token.i)
        if entry is None or entry.kind not in ("country", "demonym"):
            continue
        if entry.kind == "demonym" and token.dep_ == "amod" and token in described:
            return entry.ref
        preposition = token.head if token.dep_ == "pobj" else None
        if preposition is None or preposition.lower_ != "from":
            continue
        origin = preposition.head
        participle = origin.tag_ in ("VBN", "VBG") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in origin.children
        )
        if origin in described or participle:
            return entry.ref
    return None


def place_country(tokens: list[Token]) -> str | None:
    """The country of the first city or region the gazetteer knows among a person's
    description ("a nurse in Sao Paulo")."""
    for token in tokens:
        entity = entity_span(token)
        if entity is None or entity.label_ not in ("GPE", "LOC", "FAC"):
            continue
        location = resolve_place(entity.text)
        if location is None and len(entity) > 1 and entity[-1].lower_ in ADMINISTRATIVE_NOUNS:
            location = resolve_place(entity[:-1].text)  # "Nakuru County" is Nakuru's
        if location is not None:
            return location.country
    return None


# Nouns after a place's name that make it the administrative unit named for the place.
ADMINISTRATIVE_NOUNS = frozenset(
    {"county", "district", "province", "region", "governorate", "prefecture", "state"}
)


def held_formerly(token: Token) -> bool:
    """Whether a word of a description names a past post: the noun it is part of is "former"
    ("a former State Department official", "the ex-commander")."""
    noun = token
    while noun.dep_ in ("compound", "poss") and noun.head.i != noun.i:
        noun = noun.head
    return any(c.lower_ in FORMER_WORDS for c in (*noun.children, noun))


# Nouns an apposition says someone's nationality with: "an Azerbaijani national", "a citizen of
# Kyrgyzstan", "a native of Georgia".
NATIONALITY_NOUNS = frozenset({"national", "citizen", "native", "nationals", "citizens", "natives"})


def nationality_of(token: Token) -> Token | None:
    """The person a demonym or country word states the nationality of, when it does: the
    predicate of their "who is" clause ("X, who is Azerbaijani", "who is a Kazakh citizen",
    "who is from Azerbaijan"), a nationality noun in apposition ("X, an Azerbaijani national",
    "X, a citizen of Azerbaijan"), or their own "from" phrase set off by a comma ("X and Y,
    both from Azerbaijan")."""
    head = token.head
    if token.dep_ == "amod" and head.lower_ in NATIONALITY_NOUNS:
        named = apposed_name(head)
        if named is not None:
            return named  # "a French national, X,": the name in apposition to the noun
        token, head = head, head.head  # "an Azerbaijani national" -> the noun
    if token.dep_ == "appos" and head.pos_ == "PROPN" and _indefinite(token):
        return head  # "X, an American who …": a demonym for a noun in apposition
    elif token.dep_ == "pobj" and head.lower_ in ("of", "from"):
        preposition = head
        token, head = preposition, preposition.head
        if head.lower_ in NATIONALITY_NOUNS:
            token, head = head, head.head  # "a citizen of Azerbaijan"
        elif preposition.lower_ == "of":
            return None
    if token.dep_ in ("attr", "acomp", "prep") and head.lemma_ == "be" and head.dep_ == "relcl":
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        if subjects and subjects[0].lower_ == "who":
            return head.head  # "X, who is Azerbaijani"
        return None
    if token.dep_ == "appos" and token.lower_ in NATIONALITY_NOUNS:
        return head
    if token.dep_ != "prep" or token.lower_ != "from":
        return None
    if head.dep_ == "appos" and head.lower_ in ("both", "all", "each"):
        token, head = head, head.head  # "X and Y, both from Azerbaijan"
    set_off = token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == ","
    return head if head.pos_ == "PROPN" and set_off else None  # "X, from Azerbaijan,"


def apposed_name(noun: Token) -> Token | None:
    """The proper name set in apposition to a noun ("a French national, X,"), if any."""
    return next((c for c in noun.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


def _indefinite(token: Token) -> bool:
    """Whether a noun has an indefinite article ("an American"), as a description has."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)


def resolve_stated_nationalities(reading: Reading, by_token: dict[int, Entry]) -> None:
    """A person the knowledge base does not know is of the country the text says they are of,
    in a later clause or apposition too ("X, who is Azerbaijani", "X and Y, both from
    Azerbaijan", "an Azerbaijani national"), not of the article's, unless they serve a body
    whose country codes them (an office, an organisation)."""
    for index, entry in by_token.items():
        if entry.kind not in ("country", "demonym") or by_token.get(index - 1) == entry:
            continue
        person = nationality_of(reading.doc[index])
        if person is None:
            continue
        for name in (person, *person.conjuncts):
            draft = reading.drafts.get(reading.key_at.get(name.i) or "")
            if draft is None or draft.kind != "person" or draft.kb_id is not None:
                continue
            if draft.affiliation or draft.sector in STATE_SECTORS | {"IGO"}:
                continue
            draft.country = entry.ref


def _country_before(reading: Reading, span: Span) -> str | None:
    """The last country named (as actor or place) in a span's sentence before it."""
    found = None
    for entity in span.sent.ents:
        if entity.label_ != "GPE" or entity.start >= span.start:
            continue
        for entry in reading.kb.lookup(entity.text):
            if entry.kind in ("country", "capital"):
                found = entry.ref
    return found


def resolve_people(reading: Reading, by_token: dict[int, Entry]) -> None:
    """Step 2: persons (known or not) with roles from titles and appositions."""
    doc = reading.doc
    for entity in doc.ents:
        if entity.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        entity = without_title(with_given_name(without_possessive(entity), reading), reading.kb)
        if not len(entity):
            continue
        tokens = range(entity.start, entity.end)
        if any(i in reading.taken for i in tokens):
            _describe_known(reading, entity, by_token)
            key = reading.key_at.get(entity.start)
            title = apposed_title(entity, reading.kb) if entity.label_ == "PERSON" else None
            if key is not None and title is not None:
                reading.add(title.i, title.i + 1, reading.drafts[key], "description")
            continue
        stranger = any(i in reading.strangers for i in tokens)
        # a place the model tags as one is no surname: "in Aden" after "Amina Yusuf Aden"
        placed = entity.label_ != "PERSON" and is_place(entity)
        surname_key = None if stranger or placed else _surname_key(reading, entity)
        known = spelled_otherwise(reading.kb, entity) or titled_holder(reading, entity)
        if known is not None and surname_key is None:
            reading.add(entity.start, entity.end, person_draft(reading.kb, known,
                        reading.published), "name")  # fmt: skip
            _describe_known(reading, entity, by_token)
            continue
        short_key = None if stranger or placed or surname_key else short_name_key(reading, entity)
        alias_key = None if surname_key or short_key else known_as(reading, entity)
        if alias_key is not None:
            # "X, known in China as Y": Y is X's other name, and names X later too
            reading.drafts[alias_key].surnames |= surname_forms(entity.text)
            reading.add(entity.start, entity.end, reading.drafts[alias_key], "name")
        elif surname_key is not None:
            reading.add(entity.start, entity.end, reading.drafts[surname_key], "surname")
            describe_again(reading, entity, reading.drafts[surname_key], by_token)
        elif short_key is not None:
            reading.add(entity.start, entity.end, reading.drafts[short_key], "surname")
        elif (
            entity.label_ == "PERSON"
            and entity.root.pos_ == "PROPN"
            and not _modifies_group(entity, reading.kb)
            and fold(entity.text).lower() not in not_actors()
            and not in_headline(entity)
            and resolve_place(entity.text) is None
            and not reading.kb.lookup(entity.text)  # "Azerbaijani" tagged as a person
            and not stands_as_place(entity)
            and not lone_word_of_a_thing(entity, reading.kb)
        ):
            draft = describe_person(reading, entity, by_token)
            reading.add(entity.start, entity.end, draft, "name")
            title = apposed_title(entity, reading.kb)
            if title is not None:
                reading.add(title.i, title.i + 1, draft, "description")


def known_as(reading: Reading, entity: Span) -> str | None:
    """The person a name is another name of: the object of "known as" or "also known as"
    after a person's name ("X, known in China as Y", "X, also known as Y")."""
    root = entity.root
    verb = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else None
    if verb is None or verb.lemma_ != "know" or verb.dep_ != "acl":
        return None
    draft = reading.drafts.get(reading.key_at.get(verb.head.i) or "")
    return draft.key if draft is not None and draft.kind == "person" else None


def with_given_name(entity: Span, reading: Reading) -> Span:
    """A person's name with the given name the model left out of it ("Tural | Huseynov"): a
    capitalised proper noun right before, compounded with the name and neither a title, a
    known name nor part of another entity."""
    doc = entity.doc
    before = doc[entity.start - 1] if entity.start > entity.sent.start else None
    if (
        entity.label_ != "PERSON"
        or before is None
        or before.pos_ != "PROPN"
        or not before.is_title
        or before.dep_ != "compound"
        or not entity.start <= before.head.i < entity.end
        or before.ent_type_
        or before.i in reading.taken
        or _title_word(before, reading.kb)
        or before.lower_.rstrip(".") in reading.kb.titles
        or reading.kb.lookup(before.text)
    ):
        return entity
    return Span(doc, before.i, entity.end, label=entity.label_)


def describe_again(
    reading: Reading, entity: Span, draft: Draft, by_token: dict[int, Entry]
) -> None:
    """What a later mention says of a stranger whose first mention said nothing ("Kenneth Doe
    said …", then "Doe teaches history at the University of X"): their sector and role, and
    their country when they had none or only the article's ("Richard Roe, a former deputy
    secretary of state" in a story about Taiwan, then "Richard Roe, former U.S. deputy
    secretary of state")."""
    if draft.kb_id is not None:
        return
    if draft.sector is not None or draft.role is not None:
        if draft.guessed:
            later = describe_person(reading, entity, by_token)
            if later.country is not None and not later.guessed:
                draft.country, draft.guessed = later.country, False
        return
    later = describe_person(reading, entity, by_token)
    if later.sector is None:
        return
    draft.sector, draft.role = later.sector, later.role
    draft.country = draft.country or later.country
    draft.affiliation = draft.affiliation or later.affiliation


def without_title(entity: Span, kb: KnowledgeBase) -> Span:
    """A person's name without the title word the tagger took into it ("Lawyer | Lionel
    Bethune de Moro"): the title then describes the name as one written before it would."""
    first = entity[0] if len(entity) > 2 else None
    title = kb.titles.get(first.lower_) if first is not None else None
    if entity.label_ != "PERSON" or title is None or title.kind != "person":
        return entity
    return Span(entity.doc, entity.start + 1, entity.end, label=entity.label_)


POSSESSIVE_ENDINGS = frozenset({"'s", "’s", "'", "’"})


def without_possessive(entity: Span) -> Span:
    """An entity without the possessive ending the model took into it ("Zamora’s" case is
    Zamora's), keeping its label."""
    if len(entity) > 1 and entity[-1].text.lower() in POSSESSIVE_ENDINGS:
        return Span(entity.doc, entity.start, entity.end - 1, label=entity.label_)
    return entity


def lone_word_of_a_thing(entity: Span, kb: KnowledgeBase) -> bool:
    """Whether a one-word name the model tagged a person names a thing: some use of the word
    modifies a noun that is no person's title ("the X system", "X talks", "the X zone"), and no
    use speaks, follows a person's title or takes an apposition or a "who" clause. A person
    named by one word alone is introduced as one; a name modifying "system" or "deal" is the
    name of that system or deal."""
    root = entity.root
    uses = [t for t in tokens_with_lower(entity.doc, (root.lower_,)) if t.text == root.text]
    if len(entity) != 1:
        # a longer name only where it is used so ("the X Y prison")
        uses = [root] if _names_a_thing(root, kb) else []
    return any(_names_a_thing(t, kb) for t in uses) and not any(
        _told_of_as_person(t, kb) for t in uses
    )


def _names_a_thing(token: Token, kb: KnowledgeBase) -> bool:
    """Whether a name modifies a common noun that is no person's title ("X negotiations")."""
    head = token.head
    return (
        token.dep_ in ("compound", "nmod")
        and head.pos_ == "NOUN"
        and head.i > token.i
        and not person_title_before(head, kb)
    )


def _told_of_as_person(token: Token, kb: KnowledgeBase) -> bool:
    """Whether a use of a name says it is a person's: it speaks, a person's title stands
    right before it, or an apposition or a "who" clause describes it."""
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in speech_verbs():
        return True
    if token.i > token.sent.start and person_title_before(token.nbor(-1), kb):
        return True
    return any(child.dep_ == "appos" or who_clause(child) for child in token.children)


def stands_as_place(entity: Span) -> bool:
    """Whether a one-word name the model tagged a person is a place the article names as one
    elsewhere: the model's place there, after "in", "at" and the like ("close X and Y camps"
    beside "arrived at X")."""
    if len(entity) != 1:
        return False
    return any(
        token.text == entity.text
        and token.ent_type_ in ("GPE", "LOC", "FAC")
        and token.dep_ == "pobj"
        and token.head.lower_ in PLACE_PREPOSITIONS
        for token in entity.doc
    )


@cache
def definite_descriptions() -> dict[str, frozenset[str]]:
    """Nouns that refer back to an organisation -> the ids or kinds they may refer to."""
    return {
        row["noun"]: frozenset(row["refers_to"].split("|"))
        for row in data_table("data/kb/definite_descriptions.tsv")
    }


def resolve_definite_descriptions(reading: Reading) -> None:
    """ "The bloc", "the assembly", "the alliance": the organisation the article named before."""
    doc, kb = reading.doc, reading.kb
    descriptions = definite_descriptions()
    for token in doc:
        fits = descriptions.get(token.lower_)
        if fits is None or token.i in reading.taken:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            continue
        horizon = token.sent.start
        for _ in range(6):
            horizon = doc[horizon - 1].sent.start if horizon > 0 else 0
        earlier = sorted(
            (f for f in reading.found if horizon <= f.start < token.i), key=lambda f: -f.start
        )
        for found in earlier:
            draft = reading.drafts[found.key]
            org = kb.organisations.get(draft.kb_id or "") if draft.kind == "organisation" else None
            if org is not None and (org.id in fits or org.kind in fits):
                start = token.i - 1 if doc[token.i - 1].lower_ == "the" else token.i
                reading.add(start, token.i + 1, draft, "description")
                break


def person_description(head: Token, kb: KnowledgeBase) -> tuple[int, str | None] | None:
    """The start and demonym country of a definite description of one person ("the French
    politician", "the former minister"): "the", then only demonyms, adjectives and "former"
    before a person's title as its head. An office named
    alone that is held now ("the president") is the office's, not a description."""
    words = [t for t in head.lefts if t.i >= head.left_edge.i]
    if not words or words[0].lower_ != "the" or words[0].dep_ != "det" or head.pos_ != "NOUN":
        return None
    between = words[1:]
    if any(t.pos_ not in ("ADJ", "PROPN", "NOUN", "PUNCT") or t.dep_ == "poss" for t in between):
        return None
    phrase, _, former = _title_from([*between, head], kb)
    title = kb.titles.get(phrase) if phrase is not None else None
    if title is None or title.kind != "person" or (title.office and not former):
        return None
    countries = {
        entry.ref
        for t in between
        for entry in kb.lookup(t.text)
        if entry.kind in ("demonym", "country")
    }
    if len(countries) > 1 or any(t.ent_type_ in ("ORG", "PERSON") for t in between):
        return None
    return words[0].i, next(iter(countries), None)


def named_subject_before(reading: Reading, start: int, country: str | None) -> str | None:
    """The key of the person named by a full name as a sentence's subject nearest before token
    `start`, in its sentence or the two before, when the country agrees (if one is given) and
    no other person is mentioned between them ("the acquittal of X" after the subject leaves
    "the former president" to either)."""
    doc = reading.doc
    first = doc[start].sent.start
    for _ in range(2):
        first = doc[first - 1].sent.start if first > 0 else 0
    people = [
        f
        for f in reading.found
        if first <= f.start < start and reading.drafts[f.key].kind == "person"
        and f.kind != "pronoun"
    ]  # fmt: skip
    subjects = [f for f in people if _named_subject(reading, f)]
    if not subjects:
        return None
    subject = max(subjects, key=lambda f: f.start)
    if any(f.key != subject.key and f.start > subject.start for f in people):
        return None
    draft = reading.drafts[subject.key]
    if country is None or draft.country is None or draft.guessed or draft.country == country:
        return subject.key
    return None


def _named_subject(reading: Reading, found: Found) -> bool:
    """Whether a mention names a person by a full name (or a known one) as a clause subject."""
    span = reading.doc[found.start : found.end]
    draft = reading.drafts[found.key]
    full = draft.kb_id is not None or len(span) > 1
    return found.kind == "name" and full and span.root.dep_ in ("nsubj", "nsubjpass")


def resolve_described_people(reading: Reading) -> None:
    """A definite description of a person ("The French politician", "the former minister") is
    the person named by a full name as a subject just before it ("Jean Roe says … . The French
    politician, who …"), not an unnamed person of its own: stories name a person, then go on
    with what they are. What the description says of a stranger with none of it yet (country,
    post) is theirs."""
    doc, kb = reading.doc, reading.kb
    by_start = {f.start: n for n, f in enumerate(reading.found)}
    for article in tokens_with_lower(doc, ("the",)):
        head = article.head
        if article.dep_ != "det" or head.i <= article.i:
            continue
        described = person_description(head, kb)
        if described is None:
            continue
        start, country = described
        index = by_start.get(start)
        found = reading.found[index] if index is not None else None
        if found is not None:
            draft = reading.drafts[found.key]
            if found.end != head.i + 1 or draft.kind != "person" or draft.kb_id is not None:
                continue
        elif any(i in reading.taken for i in range(start, head.i + 1)) or head.dep_ not in (
            "nsubj",
            "nsubjpass",
        ):
            continue
        key = named_subject_before(reading, start, country)
        if key is None:
            continue
        person = reading.drafts[key]
        if found is not None:
            other = reading.drafts[found.key]
            if person.kb_id is None and person.role is None and other.role is not None:
                person.sector, person.role = other.sector, other.role
            if person.kb_id is None and (person.country is None or person.guessed):
                person.country = other.country or person.country
            reading.found[index] = Found(start, head.i + 1, key, "description")
            reading.key_at.update(dict.fromkeys(range(start, head.i + 1), key))
        else:
            reading.record(Found(start, head.i + 1, key, "description"))


# Entity labels that settle what a name is: people (read by resolve_people), organisations,
# nationalities and buildings; a place or product label on a titled name is the model's slip.
NOT_PERSON_LABELS = frozenset({"ORG", "NORP", "FAC", "PERSON"})


def untagged_name(doc: Doc, start: int) -> Span | None:
    """The run of two or more capitalised proper nouns starting at `start`, when the model
    tagged none of it as a person or an organisation (a name read as a product)."""
    end = start
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
        end += 1
    if end - start < 2 or (end < len(doc) and doc[end].text in ("'s", "’s")):
        return None
    name = doc[start:end]
    if any(t.ent_type_ in NOT_PERSON_LABELS for t in name):
        return None
    return name


def person_title_before(token: Token, kb: KnowledgeBase) -> bool:
    """Whether a person's title ends at `token` ("foreign ministry spokesperson")."""
    if token.pos_ != "NOUN":
        return False
    phrases = (token.doc[start : token.i + 1].text.lower() for start in range(
        max(token.sent.start, token.i - 4), token.i + 1))  # fmt: skip
    titles = (kb.titles.get(p) for p in phrases)
    return any(t is not None and t.kind == "person" for t in titles)


def titled_by_copula(name: Span, kb: KnowledgeBase) -> bool:
    """Whether a name is the subject of "is <title> …" ("X is executive director at a
    watchdog", "X is the spokesman of the party")."""
    attribute = copula_attribute(name.root)
    return attribute is not None and person_title_before(attribute, kb)


def speaks_by_surname(name: Span) -> bool:
    """Whether the name's last word comes back alone later as the subject of a speech verb
    ("… Moyo said"): places and things the model took the name for do not speak."""
    surname = name[-1]
    return any(
        t.text == surname.text
        and t.dep_ == "nsubj"
        and t.head.lemma_.lower() in speech_verbs()
        and not any(c.dep_ in ("compound", "det") for c in t.children)
        for t in name.doc[name.end :]
    )


def described_as_person(name: Span, kb: KnowledgeBase) -> bool:
    """Whether the text describes a name of two or three capitalised words as a person's,
    whatever label the model gave it: a person's title right before it ("federal prosecutor
    X"), an apposition headed by one ("X, program director for Y"), or a "who" clause ("X,
    who heads Y"). A name whose words say it is a body ("X Foundation") is none."""
    words = [t for t in name if not t.is_punct]
    if not 2 <= len(words) <= 3 or not all(t.pos_ == "PROPN" and t.is_title for t in words):
        return False
    if org_name_sector(name) is not None or any(t.lower_ in kb.title_words for t in words):
        return False
    root = name.root
    if name.start > 0 and person_title_before(name.doc[name.start - 1], kb):
        return True
    for child in root.rights:
        if who_clause(child):
            return True
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            # the noun heading it, not a word of the body it names ("director of Reporters
            # Without Borders" is a director, no reporter)
            title, _, _ = _title_from([t for t in child.subtree if t.i <= child.i], kb)
            if title is not None and kb.titles[title].kind == "person":
                return True
    return False


def resolve_titled_names(reading: Reading, by_token: dict[int, Entry]) -> None:
    """Names the model did not tag as people, read as people where a person's title stands
    right before them ("spokesperson Otieno Barasa told reporters"), their copula gives one
    ("X is the chief negotiator of …") or their surname comes back to say something."""
    doc, kb = reading.doc, reading.kb
    index = 0
    while index < len(doc):
        starts = index == 0 or doc[index - 1].pos_ != "PROPN"
        name = untagged_name(doc, index) if starts else None
        if name is None:
            index += 1
            continue
        index = name.end
        tokens = range(name.start, name.end)
        if any(i in reading.taken or i in reading.strangers for i in tokens):
            continue
        if kb.lookup(name.text) or resolve_place(name.text) is not None or in_headline(name):
            continue
        if fold(name.text).lower() in not_actors():
            continue
        if (
            (name.start > 0 and person_title_before(doc[name.start - 1], kb))
            or titled_by_copula(name, kb)
            or speaks_by_surname(name)
        ):
            reading.add(name.start, name.end, describe_person(reading, name, by_token), "name")
    for entity in doc.ents:
        # a person's name the model read as a body or a place, described as a person's
        if entity.label_ not in ("ORG", "GPE") or in_headline(entity):
            continue
        tokens = range(entity.start, entity.end)
        if any(i in reading.taken or i in reading.strangers or i in by_token for i in tokens):
            continue
        if resolve_place(entity.text) is None and described_as_person(entity, kb):
            draft = describe_person(reading, entity, by_token)
            reading.add(entity.start, entity.end, draft, "name")


def same_title_word(word: Token, title: Token) -> bool:
    """Whether a rank before a name is the description's title or its abbreviation ("Gen."
    for "general", "Col." for "colonel")."""
    rank = word.lower_.rstrip(".")
    return word.lower_ == title.lower_ or (
        word.text.endswith(".") and len(rank) >= 2 and title.lower_.startswith(rank)
    )


def named_next(reading: Reading, head: Token) -> str | None:
    """The person an unnamed speaker turns out to be in the next sentence: "a senior general said
    … . '…,' said Gen. X": a named person who also speaks there, with the same rank."""
    doc = head.doc
    if head.sent.end >= len(doc):
        return None
    for token in doc[head.sent.end].sent:
        key = reading.key_at.get(token.i)
        if key is None or reading.drafts[key].kind != "person" or token.dep_ != "nsubj":
            continue
        if token.head.lemma_.lower() not in speech_verbs():
            continue
        name = entity_span(token) or doc[token.i : token.i + 1]
        if any(same_title_word(word, head) for word in title_tokens_before(name)):
            return key
    return None


def resolve_unnamed_speakers(reading: Reading) -> None:
    """An unnamed speaker described by an indefinite title ("a senior army general said")
    is the person of that rank named speaking in the very next sentence."""
    doc = reading.doc
    mentions: list[Found] = []
    for found in reading.found:
        head = doc[found.end - 1]
        key = named_next(reading, head) if unnamed_speaker(found, head) else None
        if key is None:
            mentions.append(found)
            continue
        # the body a description names stays a mention of the body ("Kenyan" army)
        named = [t.i for t in doc[found.start : head.i] if t.pos_ == "PROPN"]
        kept = [Found(named[0], named[-1] + 1, found.key, found.kind)] if named else []
        person = Found(head.i if named else found.start, found.end, key, "description")
        mentions.extend((*kept, person))
        for mention in (*kept, person):
            reading.key_at.update(dict.fromkeys(range(mention.start, mention.end), mention.key))
    reading.found[:] = mentions


def unnamed_speaker(found: Found, head: Token) -> bool:
    """Whether a mention is an indefinite description that speaks ("a senior official said")."""
    articles = {c.lower_ for c in head.children if c.dep_ == "det"}
    return (
        found.kind == "description"
        and bool(articles & {"a", "an"})
        and head.dep_ == "nsubj"
        and head.head.lemma_.lower() in speech_verbs()
    )


# The roles in which a word the tagger took for a common noun may be a surname standing alone.
SURNAME_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "poss"})


def resolve_bare_surnames(reading: Reading, by_token: dict[int, Entry]) -> None:
    """Surnames the model left untagged ("Bazoum wrote …") after the person was named."""
    people = {
        form: key
        for key, draft in reading.drafts.items()
        if draft.kind == "person"
        for form in draft.surnames
    }
    first_named = {f.key: f.start for f in reading.found if f.kind == "name"}
    # the tagger reads a foreign surname heading its clause as a common noun as often as not
    # ("Mehdiyev, who is …"); one that stands alone as a participant is the name all the same
    lone_nouns = [
        t
        for t in tokens_with_pos(reading.doc, "NOUN")
        if t.dep_ in SURNAME_DEPS
        and not any(c.dep_ in ("det", "amod", "compound") for c in t.children)
    ]
    given = given_names(reading)
    for token in sorted([*tokens_with_pos(reading.doc, "PROPN"), *lone_nouns]):
        word = fold(token.text).lower()
        key = people.get(word) or given.get(word)
        if key is None or token.i in reading.taken or token.i in reading.strangers:
            continue
        if not token.is_title:
            continue
        if first_named.get(key, len(reading.doc)) > token.i:
            continue
        if token.ent_type_ in ("GPE", "LOC") and is_place(reading.doc[token.i : token.i + 1]):
            continue  # "in Aden" after "Amina Yusuf Aden": the city
        reading.add(token.i, token.i + 1, reading.drafts[key], "surname")
        describe_again(reading, reading.doc[token.i : token.i + 1], reading.drafts[key], by_token)


def _modifies_group(entity: Span, kb: KnowledgeBase) -> bool:
    """A name-like word that is part of a group's name ("Riot police"), not a person."""
    root = entity.root
    return root.dep_ == "compound" and group_title(root.head, kb) is not None


def spelled_otherwise(kb: KnowledgeBase, entity: Span) -> str | None:
    """The one known person whose name has the entity's first and last words, the middle
    spelled otherwise or left out ("Abdrabbuh Mansour Hadi", "Iftikhar Chaudhry")."""
    if entity.label_ != "PERSON":
        return None
    words = fold(entity.text).lower().split()
    if len(words) < 2:
        return None
    found = kb.first_and_last.get((words[0], words[-1]), set())
    return next(iter(found)) if len(found) == 1 else None


RULER_TITLES = frozenset({"king", "queen", "emir", "sultan", "prince", "crown prince"})


def titled_holder(reading: Reading, entity: Span) -> str | None:
    """The one known person a title and a name the knowledge base does not list stand for: a
    ruler by given name ("King Abdullah", "Emir Tamim"), anyone else by surname ("Mayor
    Adams", "Gen. Milley"), holding an office of that title on the article's date."""
    if entity.label_ != "PERSON":
        return None
    kb = reading.kb
    tokens = [*title_tokens_before(entity), *entity]
    first = len(tokens) - len(entity)
    while first < len(tokens) - 1 and tokens[first].lower_ in kb.title_words:
        first += 1  # the parser put the title inside the name: "Emir Tamim"
    name = [fold(t.text).lower() for t in tokens[first:]]
    title, sector, former = _title_from(tokens[:first], kb)
    if title is None or former or kb.titles[title].kind != "person":
        return None
    ruler = title if title in RULER_TITLES else None
    if ruler is None and tokens[first - 1].lower_ in RULER_TITLES:
        ruler = tokens[first - 1].lower_  # "Saudi Crown Prince", "the Jordanian king"
    if ruler is not None:
        bearers = kb.given_names.get(name[0], set())
    elif len(name) == 1:
        bearers = kb.surnames.get(name[0], set())
    else:
        return None
    found = set()
    for person_id in bearers:
        person = kb.people[person_id]
        if ruler is not None and not any(
            fold(form).lower().split()[: len(name)] == name
            for form in (person.name, *person.aliases)
        ):
            continue
        held = [r for r in person.roles if r.held_on(reading.published)]
        if any(
            ruler in r.title.lower() if ruler else _role_fits(kb, title, sector, r) for r in held
        ):
            found.add(person_id)
    if len(found) > 1:  # "King Abdullah ... in Riyadh": the king of the country named
        named = set(reading.places) | {d.country for d in reading.drafts.values()}
        found = {p for p in found if kb.people[p].country in named}
    return next(iter(found)) if len(found) == 1 else None


def _role_fits(kb: KnowledgeBase, title: str, sector: str | None, role: Role) -> bool:
    """Whether a title names a role: its wording is in the role's, or it is the same office
    or, for a title naming no particular office, the same sector."""
    if title in role.title.lower():
        return True
    office = office_of(title, kb.titles)
    if office in ("", "dignity"):
        return role.sector == sector
    return office == office_of(role.title, kb.titles)


def _describe_known(reading: Reading, entity: Span, by_token: dict[int, Entry]) -> None:
    """Fill in role and sector of a known person from the text when the KB has none now."""
    key = reading.key_at.get(entity.start)
    draft = reading.drafts.get(key or "")
    if draft is None or draft.kind != "person" or (draft.sector not in (None, "ELI")):
        return
    described = describe_person(reading, entity, by_token)
    if described.sector and described.sector != "ELI":
        draft.sector, draft.role = described.sector, described.role
        if described.affiliation:  # a former minister now a UN envoy acts for the UN
            draft.country, draft.affiliation = None, described.affiliation
        else:
            draft.country = described.country or draft.country


def given_names(reading: Reading) -> dict[str, str]:
    """Given name -> the stranger who alone bears it among the people named in full so far,
    where the given name comes first and is no one's surname: Thai, Indonesian and many other
    names are shortened to the given name ("Kannavee" after "Kannavee Suebsang"), and a given
    name alone refers to no one else."""
    bearers: dict[str, list[str]] = {}
    surnames: set[str] = set()
    for key, draft in reading.drafts.items():
        if draft.kind != "person":
            continue
        surnames |= draft.surnames
        name = fold(draft.name).lower().split()
        if draft.kb_id is None and len(name) > 1 and draft.country not in family_name_first():
            bearers.setdefault(name[0], []).append(key)
    return {
        word: keys[0]
        for word, keys in bearers.items()
        if len(keys) == 1 and word not in surnames and word.isalpha()
    }


def short_name_key(reading: Reading, entity: Span) -> str | None:
    """The actor named in full earlier that a shorter name stands for: a stranger's given name
    alone (`given_names`), or the first words of a firm's name without its "& Associates" or
    "Research" ("Dezan Shira" after "Dezan Shira & Associates")."""
    words = [w for w in fold(entity.text).lower().split() if w not in ("the", "'s", "’s")]
    if not words or not all(t.is_title or t.pos_ == "DET" for t in entity if t.is_alpha):
        return None
    if reading.kb.lookup(entity.text):
        return None  # "Baloch" is a people, not "Baloch separatist groups" shortened
    for key, draft in reading.drafts.items():
        name = fold(draft.name).lower().split()
        if draft.kind != "organisation" or draft.kb_id is not None or len(name) <= len(words):
            continue
        rest = name[len(words) :]
        capitalised = all(w[0].isupper() or w == "&" for w in draft.name.split())
        firm = capitalised and (rest[0] == "&" or " ".join(rest) in org_name_words())
        if name[: len(words)] == words and firm:
            return key
    return given_names(reading).get(words[0]) if len(words) == 1 else None


def _surname_key(reading: Reading, entity: Span) -> str | None:
    """The person drafted earlier whose surname ends the entity, unless the entity gives
    another first name ("Jane Bennett" after "Naftali Bennett")."""
    words = fold(entity.text).lower().split()
    if not words:
        return None
    for key, draft in reading.drafts.items():
        if draft.kind != "person" or words[-1] not in draft.surnames:
            continue
        first = entity[0]
        if (
            len(words) > 1  # "al-Bunni" is one word in three tokens
            and first.pos_ == "PROPN"
            and first.is_alpha
            and first.lower_ not in reading.kb.titles
            and first.lower_ not in draft.name.lower().split()
        ):
            continue
        return key
    return None


@cache
def honorific_genders() -> dict[str, str]:
    """Honorifics and role nouns that say a person's gender ("Mr." m, "spokeswoman" f),
    lower-cased."""
    return {row["honorific"]: row["gender"] for row in data_table("data/honorific_genders.tsv")}


def learn_genders(reading: Reading) -> None:
    """Step 4b: a person the knowledge base gives no gender takes the one an honorific or a
    role noun says, before a name or in a description ("Mr. Kasich", "spokeswoman Jane Roe",
    "the chairwoman"), else the one the base's people of its first name share ("Melanie Roe"),
    so "he" and "she" find the right person."""
    genders = honorific_genders()
    doc = reading.doc
    for found in reading.found:
        draft = reading.drafts[found.key]
        if draft.kind != "person" or draft.gender != "x":
            continue
        # a name's word is read only first ("Mr." before or inside): "Billie Jean King" is no king
        end = found.end if found.kind in ("title", "description") else found.start + 1
        words = doc[max(found.start - 1, 0) : end]
        gender = next((genders[t.lower_] for t in words if t.lower_ in genders), None)
        if gender is not None:
            draft.gender = gender
    for draft in reading.drafts.values():
        if draft.kind == "person" and draft.gender == "x":
            draft.gender = reading.kb.given_name_gender(draft.name)


def resolve_pronouns(reading: Reading) -> None:
    """Step 5: he/she/it and friends to the most recent compatible actor.

    A pronoun outside quote marks never refers to a name or pronoun inside them: 'There will
    be no Maidan,' he said" is not about Maidan, and in '"He will win," she said' she is not
    whoever he is. A person of unknown gender takes the gender of the first "he said" or "she
    said" outside quote marks that refers to them, so a later "she" does not reach back to a
    man (a pronoun elsewhere, as in "X asked Y whether he …", is too often someone else).
    """
    doc = reading.doc
    quoted = [
        (doc.char_span(s, e, alignment_mode="expand"))
        for s, e in quoted_stretches(document_text(doc))
    ]
    inside = frozenset(t.i for span in quoted if span is not None for t in span)
    anchors = sorted((f for f in reading.found if f.start not in inside), key=lambda f: f.start)
    for token in doc:
        lower = token.lower_
        if token.pos_ != "PRON" or token.i in reading.taken:
            continue
        if lower in GENDERED_PRONOUNS:
            gender = GENDERED_PRONOUNS[lower]
            key = _antecedent(
                reading,
                anchors,
                token,
                lambda d, g=gender: d.kind == "person" and d.gender in (g, "x"),
                quoted=inside,
            )
        elif lower in PLURAL_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass", "poss"):
            key = named_together(reading, token) or _antecedent(
                reading, anchors, token, lambda d: d.kind in ("group", "organisation"), window=1
            )
        elif lower == "its" or (lower == "it" and token.dep_ in ("nsubj", "nsubjpass")):
            key = _antecedent(
                reading,
                anchors,
                token,
                lambda d: (
                    (d.kind in ("country", "organisation") and d.sector != "MED")
                    or _singular_group(d)
                ),
                same_sentence=True,
            )
            if key is None and lower == "it":
                key = previous_subject(reading, anchors, token)
            key = key or _possessor_country(reading, token)
        else:
            continue
        if key is None:
            continue
        found = Found(token.i, token.i + 1, key, "pronoun")
        reading.record(found)
        draft = reading.drafts[key]
        if draft.gender == "x" and token.i not in inside and speaks(token):
            draft.gender = GENDERED_PRONOUNS[lower]
        if token.i not in inside:
            # Later pronouns may refer back through this one ("He said … his").
            insort(anchors, found, key=lambda f: f.start)


def previous_subject(reading: Reading, anchors: list[Found], pronoun: Token) -> str | None:
    """The body a sentence-opening "It" continues with: the subject of the previous sentence's
    main verb when that is an organisation or a country ("The agency said … . It added …")."""
    doc, sentence = pronoun.doc, pronoun.sent
    opening = all(t.is_punct or t.is_space for t in doc[sentence.start : pronoun.i])
    if not opening or sentence.start == 0:
        return None
    previous = doc[sentence.start - 1].sent
    for found in anchors:
        if not previous.start <= found.start < previous.end:
            continue
        draft = reading.drafts[found.key]
        if draft.kind not in ("organisation", "country") or draft.sector == "MED":
            continue
        words = doc[found.start : found.end]
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" for t in words):
            return found.key
    return None


def _possessor_country(reading: Reading, pronoun: Token) -> str | None:
    """For an "it" nothing else fits, the country whose office holder the sentence named by
    its possessive ("Turkey's president says it will begin an operation"): that country."""
    for token in reversed(reading.doc[pronoun.sent.start : pronoun.i]):
        if token.dep_ != "poss" or token.head.pos_ != "NOUN":
            continue
        countries = [e for e in reading.kb.lookup(token.text) if e.kind == "country"]
        if countries:
            draft = entry_draft(reading.kb, countries[0], reading.published)
            reading.drafts.setdefault(draft.key, draft)
            return draft.key
    return None


def named_together(reading: Reading, pronoun: Token) -> str | None:
    """For "they": the first of the people a subject names together, before it in its
    sentence or in the sentence before ("Three senators — A, B and C — wrote to the minister.
    They …"), as coordinated actors are coded first -> others."""
    doc = pronoun.doc
    sentences = [pronoun.sent]
    if pronoun.sent.start > 0:
        sentences.append(doc[pronoun.sent.start - 1].sent)
    for sentence in sentences:
        subjects = (t for t in sentence if t.dep_ in ("nsubj", "nsubjpass") and t.i < pronoun.i)
        for subject in subjects:
            people = list(dict.fromkeys(_people_listed(reading, subject)))
            if len(people) >= 2:
                return people[0]
    return None


def _people_listed(reading: Reading, head: Token) -> Iterator[str]:
    """The keys of the people a phrase names: its head, and the names in apposition or
    coordination below it, in text order."""
    key = reading.key_at.get(head.i)
    if key is not None and reading.drafts[key].kind == "person":
        yield key
    for child in head.children:
        if child.dep_ in ("appos", "conj"):
            yield from _people_listed(reading, child)


def speaks(pronoun: Token) -> bool:
    """Whether a pronoun is "he" or "she" as the subject of a speech verb ("she said")."""
    return (
        pronoun.lower_ in ("he", "she")
        and pronoun.dep_ == "nsubj"
        and pronoun.head.lemma_.lower() in speech_verbs()
    )


def _singular_group(draft: Draft) -> bool:
    """A group named by a singular institution ("Niger's military government"): an "it"."""
    last = draft.name.split()[-1].lower() if draft.name.split() else ""
    return draft.kind == "group" and not last.endswith("s")


def _antecedent(
    reading: Reading,
    anchors: list[Found],
    token: Token,
    fits,
    same_sentence: bool = False,
    window: int = 3,
    quoted: frozenset[int] = frozenset(),
) -> str | None:
    """The most recent fitting actor: a subject first, this sentence, then up to 3 before.

    Sentences wholly inside quote marks (`quoted` token indices) do not count toward the
    window: they hold no anchor, and a long quote must not put its speaker out of reach of the
    "she said" after it.
    """
    doc = reading.doc
    sentence = token.sent

    def counts(previous: Span) -> bool:
        return any(t.i not in quoted for t in previous if not (t.is_punct or t.is_space))

    horizon, steps, skipped = sentence.start, 0, 0
    while horizon > 0 and steps < (0 if same_sentence else window):
        previous = doc[horizon - 1].sent
        horizon = previous.start
        if counts(previous) or skipped >= MAX_QUOTED_SENTENCES_SKIPPED:
            steps += 1
        else:
            skipped += 1
    # Only anchors in the window can answer (`anchors` is sorted by start): scanning them all
    # for every pronoun made a long article quadratic.
    first = bisect_left(anchors, horizon, key=lambda f: f.start)
    last = bisect_left(anchors, token.i, key=lambda f: f.start)
    earlier = [f for f in anchors[first:last] if fits(reading.drafts[f.key])]
    here = [f for f in earlier if f.start >= sentence.start]
    if here:
        subjects = [
            f
            for f in here
            if doc[f.end - 1].dep_ in ("nsubj", "nsubjpass")
            or doc[f.start].dep_ in ("nsubj", "nsubjpass")
        ]
        return (subjects or here)[-1].key
    if same_sentence:
        return None
    window_start = sentence.start
    while window_start > horizon:
        previous = doc[window_start - 1].sent
        window_start = previous.start
        there = [f for f in earlier if previous.start <= f.start < previous.end]
        if there:
            root_subjects = [
                f
                for f in there
                if any(
                    doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].head.dep_ == "ROOT"
                    for i in range(f.start, f.end)
                )
            ]
            return (root_subjects or there)[0].key if root_subjects else there[-1].key
    return None


# Heads that only say "a body of" what their modifier names ("separatist groups", "militia
# members", "rebel units"): the modifier says who they are.
GENERIC_GROUP_HEADS = frozenset(
    {"group", "member", "unit", "faction", "cell", "wing", "outfit", "movement", "personnel"}
)


# Nouns for a body of men of a force: "companies of the reserve police" are police.
FORCE_UNIT_NOUNS = frozenset(
    {"company", "platoon", "battalion", "contingent", "posse", "column", "detachment", "squad"}
)


def force_unit_title(head: Token, kb: KnowledgeBase) -> Title | None:
    """The title of the force a unit noun's `of` phrase names ("two companies of the rapid
    action force", "a posse of policemen"), which the unit belongs to."""
    if head.lemma_.lower() not in FORCE_UNIT_NOUNS:
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for member in (g for g in child.children if g.dep_ == "pobj"):
                title = group_title(member, kb)
                if title is not None and title.sector in FORCE_SECTORS:
                    return title
    return None


def coordinated_phrases(head: Token, modifiers: list[Token]) -> list[str]:
    """Each conjunct of a coordinated modifier with the head it shares ("police and security
    forces": "police forces", "security forces"), in text order."""
    return [
        f"{word.lower_} {head.lower_}"
        for modifier in modifiers
        if any(c.dep_ == "conj" for c in modifier.children)
        for word in (modifier, *(c for c in modifier.children if c.dep_ == "conj"))
    ]


def group_title(head: Token, kb: KnowledgeBase) -> Title | None:
    """The group title a noun phrase names: the longest title its modifiers and head spell
    ("riot police", "security forces"), else that of a coordinated modifier with the head
    ("police and security forces"), else the force of a unit ("companies of police"), else
    the head's own ("police"), else, for a generic head ("separatist groups"), its
    modifier's."""
    modifiers = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
    # a modifier's own compounds too: "law enforcement officials"
    for start in sorted({i for c in modifiers for i in (c.left_edge.i, c.i)}):
        phrase = head.doc[start : head.i + 1].text.lower()
        title = kb.titles.get(phrase)
        if title is not None and title.kind == "group":
            return title
    shared = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i]
    for phrase in coordinated_phrases(head, shared):
        title = kb.titles.get(phrase)
        if title is not None and title.kind == "group":
            return title
    title = force_unit_title(head, kb)
    if title is not None:
        return title
    title = kb.titles.get(head.lower_)
    if title is not None and title.kind == "group":
        return title
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    if head.lemma_.lower() in GENERIC_GROUP_HEADS and not definite:
        # "the paramilitary group" refers back to a group named before; "militia groups" do not
        title = modifying_title(head, modifiers, kb)
        if title is not None:
            return title
        for modifier in modifiers:
            for form in (modifier.lower_, f"{modifier.lower_}s", modifier.lemma_.lower()):
                title = kb.titles.get(form)
                if title is not None and title.sector != "GOV":
                    return title
    return None


def modifying_title(head: Token, modifiers: list[Token], kb: KnowledgeBase) -> Title | None:
    """The title the words before a generic head spell together ("rapid action force
    personnel", "state reserve police units"), longest first."""
    for start in sorted({c.left_edge.i for c in modifiers}):
        title = kb.titles.get(head.doc[start : head.i].text.lower())
        if title is not None and title.sector != "GOV":
            return title
    return None


def lone_person_title(token: Token, kb: KnowledgeBase) -> Title | None:
    """The title of an unnamed person standing as a participant ("a Shiite cleric called for
    calm", "a soldier was killed"); offices that name one holder ("the president") are
    resolved as office holders instead."""
    phrases = (token.doc[start : token.i + 1].text.lower() for start in range(
        token.left_edge.i, token.i + 1))  # fmt: skip
    title = next((kb.titles[p] for p in phrases if p in kb.titles), None)  # the longest
    if title is None or title.kind != "person" or title.office in ("head", "foreign", "defence"):
        return None
    determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
    # "the constable fired": a rank of the forces, many of whom hold it, is no single office
    definite_rank = title.sector in FORCE_SECTORS and not title.office and "the" in determiners
    if not (determiners & {"a", "an", "one", "another"} or definite_rank):
        return None
    return title


FORCE_SECTORS = frozenset({"COP", "MIL"})


DATELINE_DASHES = frozenset({"-", "--", "\u2013", "\u2014", ":"})


def capitalised_first(token: Token) -> bool:
    """Whether a word the tagger took for a name only for its capital opens a sentence or
    follows a dateline's dash ("BOGOTA - Police in ...")."""
    if token.tag_ != "NNP" or token.ent_type_ or not token.is_title:
        return False
    return token.i == token.sent.start or token.nbor(-1).text in DATELINE_DASHES


def resolve_bare_groups(reading: Reading, by_token: dict[int, Entry]) -> None:
    """Role nouns standing alone as participants: "police in Lagos", "rebels said"."""
    doc, kb = reading.doc, reading.kb
    for token in doc:
        # plural proper nouns name groups too ("Christians", "Shiites"), and so does a group
        # noun capitalised at the start of a sentence or dateline ("BOGOTA - Police in ...")
        if token.i in reading.taken or not (
            token.pos_ == "NOUN" or token.tag_ == "NNPS" or capitalised_first(token)
        ):
            continue
        # "police firing", "army operation": a group noun modifying a noun is its actor too
        # (the parser tags the gerund of "police firing" a verb as often as a noun)
        modifying = token.dep_ == "compound" and (
            token.head.pos_ == "NOUN" or token.head.tag_ == "VBG"
        )
        participant = token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "poss")
        if not (participant or modifying):
            continue
        if token.dep_ == "appos" and token.lower_ in NATIONALITY_NOUNS:
            continue  # "X, a citizen of Y": what X is, not a group
        title = group_title(token, kb) or (None if modifying else lone_person_title(token, kb))
        if title is None or (modifying and group_title(token.head, kb) is not None):
            continue  # "government troops" are troops
        if title.sector == "MED" and describes_a_name(token, by_token):
            continue  # "the X news website", "the newspaper X": the outlet's description
        place = next(
            (
                grandchild
                for child in token.children
                if child.lower_ in ("in", "of", "from")
                for object_ in child.children
                # "diplomats from Moldova's embassy": the embassy's owner
                for grandchild in (object_, *(c for c in object_.children if c.dep_ == "poss"))
                if grandchild.i in by_token
            ),
            None,
        )
        entry = by_token.get(place.i) if place is not None else None
        country = entry.ref if entry and entry.kind in PLACE_ENTRY_KINDS else None
        country = country or city_modifier_country(token) or leader_country(reading, token)
        start = token.left_edge.i if doc[token.left_edge.i].pos_ == "DET" else token.i
        if any(i in reading.taken for i in range(start, token.i)):
            start = token.i  # "the Mahathir administration": the leader is a mention of his own
        name = doc[start : token.i + 1].text
        # "the Gujarat government" and "the Kerala government" are two governments
        names = " ".join(
            c.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN"
        )
        # "former officials" are elites, no longer the state
        former = any(c.lower_ in FORMER_WORDS for c in token.children)
        sector = "ELI" if former and title.kind == "group" else title.sector
        key = f"group:{country}:{sector}" if country else f"bare:{names}:{token.lemma_}"
        draft = Draft(key, name, country, sector, None, "group")
        reading.add(start, token.i + 1, draft, "description")


def describes_a_name(noun: Token, by_token: dict[int, Entry]) -> bool:
    """Whether a noun describes an organisation named right before or after it ("the X news
    website", "the newspaper X", "the news website X Asia"), as the noun of its name rather
    than a group of its own; a country before it is its owner ("C.A.R. state TV")."""
    doc = noun.doc
    following = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    named_after = (
        following is not None and following.ent_type_ == "ORG" and following.ent_iob_ == "B"
    )
    named_after = named_after or (
        noun.dep_ == "compound" and noun.head.pos_ == "PROPN" and noun.head.i > noun.i
    )
    named_after = named_after or any(
        c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == noun.i + 1
        for c in noun.children
    )
    named_before = any(
        c.dep_ == "compound" and c.ent_type_ == "ORG" and c.i < noun.i and c.i not in by_token
        for c in noun.children
    )
    return named_after or named_before


def leader_country(reading: Reading, head: Token) -> str | None:
    """The country of the person a group is named for ("Mahathir's government", "the Assad
    regime", "Putin's troops"): the leader's, whichever country the article is about."""
    for child in head.children:
        if child.dep_ not in ("poss", "compound") or child.i > head.i:
            continue
        draft = reading.drafts.get(reading.key_at.get(child.i) or "")
        if draft is not None and draft.kind == "person" and draft.country:
            return draft.country
    return None


def city_modifier_country(head: Token) -> str | None:
    """The country of a city or region naming a group ("Shanghai police", "Aleppo
    residents"), from the gazetteer."""
    for child in head.children:
        if child.dep_ not in ("compound", "nmod") or child.i > head.i:
            continue
        entity = entity_span(child)
        if entity is None or entity.label_ not in ("GPE", "LOC"):
            continue
        location = resolve_place(entity.text)
        if location is not None and location.country:
            return location.country
    return None


def resolve_region_groups(reading: Reading) -> None:
    """'European countries', 'Western allies': region adjectives heading a group noun."""
    doc = reading.doc
    for token in tokens_with_lower(doc, REGION_GROUPS):
        label = REGION_GROUPS[token.lower_]
        if token.i in reading.taken:
            continue
        head = _noun_phrase_head(token)
        if head is None:
            continue
        if head.lemma_ in ("country", "state", "government", "ally", "nation", "leader"):
            draft = Draft(f"region:{label}", label, None, "GOV", None, "group")
            reading.add(token.i, head.i + 1, draft, "description")


ELSEWHERE_SECTORS = frozenset({"BUS", "MNC", "MED", "JRN"})
LONE_OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD"})


def lone_office(token: Token, kb: KnowledgeBase) -> tuple[int, str] | None:
    """The start and title of an office named alone ("the prime minister", "the justice
    minister"): a definite person title of the state with no country, owner, name or
    complement of its own."""
    if token.pos_ != "NOUN" or token.dep_ == "compound":
        return None
    for start in (token.i - 1, token.i):
        words = token.doc[start : token.i + 1]
        title = kb.titles.get(words.text.lower())
        if title is None or title.kind != "person" or title.sector not in LONE_OFFICE_SECTORS:
            continue
        if title.office == "topic" or start < 1 or token.doc[start - 1].lower_ != "the":
            return None
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if nxt is not None and (nxt.ent_type_ == "PERSON" or nxt.lower_ == "of"):
            return None  # "the president of Iran", "the prime minister Keir Starmer"
        if apposed_person(token) is not None:
            return None
        return start - 1, words.text.lower()
    return None


def resolve_lone_offices(reading: Reading) -> None:
    """Offices named alone are the person the article named before with that title ("the
    minister" after "Finance Minister X"), else belong to the article's country: its holder on
    the article's day when the knowledge base knows one ("the prime minister" in an article
    about Iceland), else an unnamed official of that country."""
    doc, kb = reading.doc, reading.kb
    focus = focus_country(reading, reading.places)
    for token in doc:
        found = lone_office(token, kb) if token.i not in reading.taken else None
        if found is None:
            continue
        start, title = found
        earlier = titled_earlier(reading, start, title)
        if earlier is not None:
            reading.record(Found(start, token.i + 1, earlier, "description"))
            continue
        if focus is None:
            continue
        holder = next(
            (
                person
                for person in kb.office_people.get(focus, ())
                for role in person.roles
                if role.country == focus and role.title.lower() == title
                and role.held_on(reading.published)
            ),
            None,
        )  # fmt: skip
        if holder is not None:
            draft = person_draft(kb, holder.id, reading.published)
        else:
            sector = kb.titles[title].sector
            draft = Draft(f"generic:{focus}:{sector}:{title}", doc[start + 1 : token.i + 1].text,
                          focus, sector, title, "person", None)  # fmt: skip
        reading.add(start, token.i + 1, draft, "description")


def titled_earlier(reading: Reading, before: int, title: str) -> str | None:
    """The person an office named alone refers back to: the nearest one named before with
    that title ("Finance Minister X … the minister said" is X), every word of it before the
    name."""
    words = title.split()
    for found in sorted(reading.found, key=lambda f: f.start, reverse=True):
        if found.start >= before or found.kind != "name":
            continue
        if reading.drafts[found.key].kind != "person":
            continue
        name = reading.doc[found.start : found.end]
        titled = [t.lower_ for t in title_tokens_before(name)]
        if all(word in titled for word in words):
            return found.key
    return None


def focus_country(reading: Reading, places: list[str]) -> str | None:
    """The country an article is about: the most mentioned one, as actor or place (twice at
    least), or the only one."""
    counts = country_counts(reading, places)
    if not counts:
        return None
    country, count = max(counts.items(), key=lambda item: item[1])
    return country if count >= 2 or len(counts) == 1 else None


def country_counts(reading: Reading, places: list[str]) -> dict[str, int]:
    """How often an article names each country, as a place or through an actor's mention."""
    counts: dict[str, int] = {}
    for country in places:
        counts[country] = counts.get(country, 0) + 1
    for found in reading.found:
        draft = reading.drafts[found.key]
        # a platform or an outlet ("posted on Facebook", "told Reuters") says nothing of where,
        # nor does the think tank or university whose expert comments
        commentator = draft.kind == "organisation" and draft.sector == "EDU"
        # and a refugee's country is the one they fled, not the one the story is in
        elsewhere = draft.sector in ELSEWHERE_SECTORS or draft.sector == "REF"
        if draft.country and not elsewhere and not commentator:
            counts[draft.country] = counts.get(draft.country, 0) + 1
    return counts


OUTSIDERS = frozenset({"foreign", "international", "external", "outside", "overseas", "western"})


def place_bare_groups(reading: Reading) -> None:
    """Bare groups ("the army", "police") belong to the article's focus country.

    News names a country's own institutions without the country once the article is about it.
    """
    focus = focus_country(reading, reading.places)
    for key, draft in list(reading.drafts.items()):
        if key.startswith("bare:") and draft.country is None and draft.sector != "BUS":
            # companies have no country by default: an article's focus says nothing of them
            spans = [(f.start, f.end) for f in reading.found if f.key == key]
            words = (
                w
                for start, end in spans
                for w in (*reading.doc[start:end], *reading.doc[end - 1].children)
            )
            if any(w.lower_ in OUTSIDERS for w in words):
                continue  # "all foreign forces", "Western media" are no one country's
            first = min((start for start, _ in spans), default=None)
            speaker = _reporting_country(reading, first) if first is not None else None
            noun = key.rsplit(":", 1)[-1]
            venue = reading.venue if of_the_court(noun, draft.sector) else None
            earlier = _same_group_before(reading, first) if first is not None else None
            draft.country = speaker or earlier or venue or focus


def _same_group_before(reading: Reading, start: int) -> str | None:
    """The country of the group a definite group noun refers back to: the nearest group named
    before with the same head noun and a country ("relatives in Iran … The relatives
    refused")."""
    doc = reading.doc
    own = next((f for f in reading.found if f.start == start), None)
    if own is None or doc[start].lower_ != "the":
        return None
    head = doc[own.end - 1].lemma_.lower()
    for found in sorted(reading.found, key=lambda f: f.start, reverse=True):
        draft = reading.drafts[found.key]
        if found.start >= start or draft.kind != "group" or not draft.country:
            continue
        if doc[found.end - 1].lemma_.lower() == head:
            return draft.country
    return None


# Sectors of a state's own institutions: an unknown body named by them alone ("the High
# Court", "the Interior Ministry") is a state's, and news leaves the state out when it is the
# one the article is about.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def place_state_bodies(reading: Reading) -> None:
    """Unknown state institutions and parties named without their country ("the Public
    Ministry", "the High Court", "the Communist Party") belong to the country of whoever
    reports them, else to the article's dominant country; with no clearly dominant country
    they keep none. Parties, like the state, are national."""
    dominant = dominant_country(reading)
    for key, draft in reading.drafts.items():
        unknown_body = key.startswith("org:") and draft.kb_id is None
        national = draft.sector in STATE_SECTORS or draft.sector == "PTY"
        if not unknown_body or draft.country is not None or not national:
            continue
        first = min((f.start for f in reading.found if f.key == key), default=None)
        if first is None:
            continue  # its mentions turned out to be another's
        venue = reading.venue if draft.sector == "JUD" else None
        draft.country = _reporting_country(reading, first) or venue or dominant


@cache
def court_words() -> dict[str, str]:
    """Nouns of trials and courts (`venue`) and of the lawyers pleading there (`profession`)
    (data/kb/court_words.tsv)."""
    return {row["word"]: row["kind"] for row in data_table("data/kb/court_words.tsv")}


def trial_venue(doc: Doc, by_token: dict[int, Entry]) -> str | None:
    """The country of the first trial or court the article places ("a trial in New York", "a
    Paris court", "A trial opened in Paris"); a known body's seat ("the International Criminal
    Court in The Hague") is not its jurisdiction."""
    venues = court_words()
    for token in doc:
        if venues.get(token.lower_) != "venue" or token.i in by_token:
            continue
        holders = [token]
        if token.dep_ in ("nsubj", "nsubjpass"):
            holders.append(token.head)  # "a trial opened in Paris"
        places = [c for c in token.children if c.dep_ in ("compound", "nmod") and c.i < token.i]
        places += [
            grandchild
            for holder in holders
            for child in holder.children
            if child.dep_ == "prep" and child.lower_ == "in"
            for grandchild in child.children
            if grandchild.dep_ == "pobj"
        ]
        for place in places:
            country = _place_of(place, by_token)
            if country is not None:
                return country
    return None


def _place_of(token: Token, by_token: dict[int, Entry]) -> str | None:
    """The country a word names as a place: a country or capital of the knowledge base, else a
    city or region the gazetteer knows."""
    entry = by_token.get(token.i)
    if entry is not None:
        return entry.ref if entry.kind in ("country", "capital") else None
    entity = entity_span(token)
    if entity is None or entity.label_ not in ("GPE", "LOC"):
        return None
    location = resolve_place(entity.text)
    return location.country if location is not None else None


def of_the_court(title: str | None, sector: str | None) -> bool:
    """Whether a title names someone of a trial: a judicial office, or a lawyer pleading there
    ("federal prosecutor", "defense lawyer", "attorney")."""
    if sector == "JUD":
        return True
    return title is not None and court_words().get(title.split()[-1]) == "profession"


def place_private_people(reading: Reading) -> None:
    """People the knowledge base does not know whom the text gives no title, affiliation or
    country ("Chris Doe said") belong to the article's dominant country: a story clearly
    about one country quotes its own people; with no dominant country they keep none."""
    dominant = dominant_country(reading)
    if dominant is None:
        return
    for draft in reading.drafts.values():
        private = draft.kind == "person" and draft.kb_id is None and draft.role is None
        if private and draft.country is None and draft.sector is None and not draft.affiliation:
            draft.country = dominant


def code_private_people(reading: Reading) -> None:
    """People the knowledge base does not know whom the text gives no title, affiliation or
    sector are private persons: civilians (CVL), as CAMEO codes an individual of no role."""
    for draft in reading.drafts.values():
        private = draft.kind == "person" and draft.kb_id is None and not draft.affiliation
        if private and draft.sector is None:
            draft.sector = "CVL"


def dominant_country(reading: Reading) -> str | None:
    """The country an article is clearly about: named (as actor or place) three times at
    least and at least twice as often as any other."""
    counts = country_counts(reading, reading.places)
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 3 or (len(ranked) > 1 and ranked[0] < 2 * ranked[1]):
        return None
    return max(counts, key=lambda country: counts[country])


def _reporting_country(reading: Reading, index: int) -> str | None:
    """The country of whoever reports the clause a token is in: in "Israel's defence minister
    said the army was moving forces", the army is Israel's."""
    verbs = speech_verbs()
    for ancestor in reading.doc[index].ancestors:
        if ancestor.lemma_.lower() not in verbs:
            continue
        for child in ancestor.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                key = reading.key_at.get(child.i) or next(
                    (reading.key_at.get(t.i) for t in child.subtree if reading.key_at.get(t.i)),
                    None,
                )
                draft = reading.drafts.get(key or "")
                if draft is not None and draft.country and draft.sector != "MED":
                    return draft.country
        return None
    return None


def build_resolution(reading: Reading) -> ActorResolution:
    """Actors in order of first mention, with ids a1, a2... and the token map."""
    place_state_bodies(reading)
    place_bare_groups(reading)
    place_private_people(reading)
    code_private_people(reading)
    doc = reading.doc
    order: dict[str, str] = {}
    actors: dict[str, Actor] = {}
    token_actor: dict[int, str] = {}
    for found in sorted(reading.found, key=lambda f: f.start):
        draft = reading.drafts[found.key]
        if found.key not in order:
            actor_id = f"a{len(order) + 1}"
            order[found.key] = actor_id
            actors[actor_id] = Actor(
                id=actor_id,
                name=draft.name,
                country=reading.kb.country_on(draft.country, reading.published),
                sector=draft.sector,
                role=draft.role,
                kind=draft.kind,
                kb_id=draft.kb_id,
                affiliation=draft.affiliation
                or (draft.kb_id if draft.kind == "organisation" and not draft.country else None),
            )
        actor_id = order[found.key]
        span = doc[found.start : found.end]
        actors[actor_id].mentions.append(
            Mention(span.text, span.start_char, span.end_char, found.kind)
        )
        token_actor.update({i: actor_id for i in range(found.start, found.end)})
    named = {a.country for a in actors.values() if a.kind == "country"}
    latent = country_places(reading, named, len(order))
    by_country = {a.country: a.id for a in (*actors.values(), *latent) if a.kind == "country"}
    day = reading.published
    token_place = {
        i: by_country[reading.kb.country_on(iso3, day)]
        for start, end, iso3 in reading.place_spans
        if reading.kb.country_on(iso3, day) in by_country
        for i in range(start, end)
    }
    return ActorResolution(
        actors=list(actors.values()), token_actor=token_actor, latent=latent,
        token_place=token_place,
    )  # fmt: skip


def resolve_city_places(reading: Reading, by_token: dict[int, Entry]) -> None:
    """Cities and regions the gazetteer places in a country ("shelled Kharkiv", "a raid near
    Kandahar"): places of that country, on which an event may fall as on the country."""
    for entity in reading.doc.ents:
        # the parser tags "Kharkiv" a facility, and "from Kherson" a person
        placed = entity.label_ in ("GPE", "LOC", "FAC")
        if not (placed or (entity.label_ == "PERSON" and is_place(entity))):
            continue
        tokens = range(entity.start, entity.end)
        if any(i in reading.taken or i in by_token for i in tokens):
            continue
        location = resolve_place(entity.text)
        if location is not None and location.country in reading.kb.countries:
            reading.place_spans.append((entity.start, entity.end, location.country))


def country_places(reading: Reading, named: set[str], numbered: int) -> list[Actor]:
    """The countries an article names only as places ("a base in Mali") or through their
    people and bodies, as actors an event may fall on; numbered after the acting actors.

    A place mention is kept, of kind "place", so that the event's target shows where it is
    named."""
    kb, day = reading.kb, reading.published
    countries = [iso3 for _, _, iso3 in reading.place_spans]
    countries += [d.country for d in reading.drafts.values() if d.country]
    latent: list[Actor] = []
    for iso3 in dict.fromkeys(kb.country_on(c, day) for c in countries):
        country = kb.countries.get(iso3 or "")
        if iso3 in named or country is None:
            continue
        actor = Actor(id=f"a{numbered + len(latent) + 1}", name=country.name, country=iso3,
                      sector="GOV", kind="country", kb_id=iso3)  # fmt: skip
        for start, end, ref in reading.place_spans:
            if kb.country_on(ref, day) == iso3:
                span = reading.doc[start:end]
                actor.mentions.append(Mention(span.text, span.start_char, span.end_char, "place"))
        latent.append(actor)
    return latent


def trusted_matches(
    doc: Doc, kb: KnowledgeBase, matches: list[tuple[int, int, Entry]]
) -> list[tuple[int, int, Entry]]:
    """The matches without person links the text does not bear out. A name that is part of a
    longer place or organisation name ("Bandar Abbas") or of another person's full name
    ("Jane Bennett") is not the known person; nor is a surname after a title or organisation
    that fits none of the person's offices ("UN rapporteur Bennett", "Mayor Hadi"). A surname
    other known people share needs support: the full name, a title, or the person's country
    or organisation named in the article."""
    evidence = LinkEvidence(
        named={e.ref for s, e_, e in matches if e.kind == "person" and e_ - s > 1},
        contexts={e.ref for _, _, e in matches if e.kind != "person"}
        | {kb.people[e.ref].country for _, _, e in matches if e.kind == "person"},
        by_token={i: e for s, e_, e in matches for i in range(s, e_)},
        full_names=full_person_names(doc),
    )
    trusted = []
    for start, end, entry in matches:
        span = doc[start:end]
        if entry.kind in NAME_PART_KINDS and part_of_person_name(span, kb, evidence):
            continue
        if entry.kind in ("country", "capital") and inside_longer_place(span, evidence):
            continue
        if entry.kind == "person" and end - start == 1:
            entry = _named_bearer(span, entry, kb, evidence)
        if entry.kind == "person" and not _borne_out(span, kb.people[entry.ref], kb, evidence):
            continue
        if entry.kind == "person":
            start, end = _whole_name(span, kb.people[entry.ref])
        if entry.kind in ("organisation", "seat") and _inside_other_name(span, entry, kb, evidence):
            continue
        trusted.append((start, end, entry))
    return trusted


# Entries naming a state or a region: a word of a person's name never makes them one.
NAME_PART_KINDS = STATE_ENTRY_KINDS | {"regional", "seat-org"}


def part_of_person_name(span: Span, kb: KnowledgeBase, evidence: LinkEvidence) -> bool:
    """Whether a place or demonym the knowledge base knows is a word of a person's name: inside
    a name the model tags a person, next to another of its given or family names ("Amina
    Yusuf Aden" is no Yemen), or alone as the family name of a person the article named in
    full before ("Aden said" after "Amina Yusuf Aden"), where it is not used as a place."""
    entity = entity_span(span.root)
    if entity is not None and entity.label_ == "PERSON" and len(entity) > len(span):
        # the word next to it inside the name: "Kenyan President Ruto" keeps its demonym
        neighbour = span.doc[span.end] if span.start == entity.start else span.doc[span.start - 1]
        return _other_name_word(neighbour, kb, evidence, span.text)
    if len(span) > 1 or is_place(span):
        return False
    return any(
        name.end <= span.start
        and name[-1].text == span.text
        and all(_other_name_word(t, kb, evidence, span.text) for t in name[:-1])
        for name in evidence.full_names
    )


def inside_longer_place(span: Span, evidence: LinkEvidence) -> bool:
    """Whether a country's or capital's name ends a longer place name the knowledge base does
    not know: "Latin America", "New Mexico" and "Northern Ireland" are no America, Mexico or
    Ireland."""
    entity = entity_span(span.root)
    if entity is None or entity.label_ not in ("GPE", "LOC") or entity.start >= span.start:
        return False
    before = entity[: span.start - entity.start]
    return all(
        t.is_alpha and t.is_title and t.i not in evidence.by_token and t.pos_ != "DET"
        for t in before
    )


def _other_name_word(token: Token, kb: KnowledgeBase, evidence: LinkEvidence, word: str) -> bool:
    """Whether a word beside `word` in a name is another given or family name of the same
    person: a capitalised word that is no title, honorific or place, nor the name of a known
    person whose names do not include `word` ("Erdogan Ankara" is a slip of the model)."""
    entry = evidence.by_token.get(token.i)
    if entry is not None and entry.kind == "person":
        return word.lower() in _own_names(kb.people[entry.ref])
    return token.is_alpha and token.is_title and not _title_word(token, kb) and entry is None


def _inside_other_name(span: Span, entry: Entry, kb: KnowledgeBase, evidence: LinkEvidence) -> bool:
    """Whether a known organisation's or seat's name is the tail of a longer organisation
    name: "the Free Syrian Army" is not the Syrian army, "the Sudan People's Liberation Army"
    not China's, "the World Uyghur Congress" not the U.S. one."""
    entity = entity_span(span.root)
    if entity is None or entity.label_ != "ORG" or entity.start >= span.start:
        return False
    home = kb.organisations[entry.ref].country if entry.ref in kb.organisations else None
    home = entry.ref if entry.kind == "seat" else home
    for token in entity[: span.start - entity.start]:
        if not (token.is_alpha and token.is_title) or token.pos_ == "DET":
            continue
        other = evidence.by_token.get(token.i)
        if other is None or (other.kind in ("country", "demonym") and other.ref != home):
            return True
    return False


def _named_bearer(span: Span, entry: Entry, kb: KnowledgeBase, evidence: LinkEvidence) -> Entry:
    """A bare surname stands for the person the article named in full who bears it ("Bashir"
    after "Mohammed al-Bashir"), whoever else the knowledge base gives it to."""
    bearers = kb.surnames.get(fold(span.text).lower(), set()) & evidence.named
    if entry.ref in bearers or len(bearers) != 1:
        return entry
    return Entry("person", next(iter(bearers)))


def abbreviated_title(extra: list[Token], span: Span) -> bool:
    """Whether the words the model took into a full name's entity are a title's abbreviation
    before it ("DP Rigathi Gachagua", "MP Jane Doe"): a name of two words or more after a short
    word in capitals is that person, not a place or body named after them."""
    return (
        len(span) > 1
        and len(extra) == 1
        and extra[0].i == span.start - 1
        and extra[0].is_upper
        and extra[0].is_alpha
        and len(extra[0]) <= 3
    )


@dataclass(frozen=True, slots=True)
class LinkEvidence:
    """What an article says that bears on a person link: people named in full, countries and
    organisations named, the knowledge-base entry at each token, and the full names the model
    tagged."""

    named: set[str]
    contexts: set[str]
    by_token: dict[int, Entry]
    full_names: list[Span]  # people named by two words or more


def _borne_out(span: Span, person: Person, kb: KnowledgeBase, evidence: LinkEvidence) -> bool:
    own = _own_names(person)
    entity = entity_span(span.root)
    if entity is not None and (entity.start < span.start or entity.end > span.end):
        extra = [t for t in entity if t.i < span.start or t.i >= span.end]
        if entity.label_ != "PERSON" and not abbreviated_title(extra, span):
            return False  # "Bandar Abbas", "the Ben Gurion airport"
        if any(t.is_title and not _title_word(t, kb) and not _spelled_as(t, own) for t in extra):
            return False  # "Jane Bennett" is not Naftali Bennett
    if len(span) > 1:
        return True
    if _other_bearer_named(span, own, kb, evidence.full_names):
        return False  # "Bennett" after "Richard Bennett" is not Naftali Bennett
    previous = span.doc[span.start - 1] if span.start > 0 else None
    if previous is not None and previous.text == "-" and not previous.whitespace_:
        return False  # "Mazar-i-Sharif" is a city, not Sharif
    if (
        previous is not None
        and previous.pos_ == "PROPN"
        and previous.is_alpha
        and previous.is_title
        and not _title_word(previous, kb)
        and not _spelled_as(previous, own)
        and previous.i not in evidence.by_token
    ):
        return False  # "Francesca Albanese" (the parser did not join the names)
    before = title_tokens_before(span)
    title, sector, _former = _title_from(before, kb)
    if title is not None and person.roles and not _fits_roles(kb, title, sector, person):
        return False
    orgs = {evidence.by_token[t.i].ref for t in before if t.i in evidence.by_token}
    orgs &= set(kb.organisations)
    if orgs - {r.org for r in person.roles}:
        return False  # "UN rapporteur Bennett" is nobody's prime minister
    if title is not None or person.id in evidence.named:
        return True
    if len(kb.surnames.get(span.text.lower(), ())) < 2:
        return True
    homes = {person.country} | {r.country for r in person.roles} | {r.org for r in person.roles}
    return bool(homes & evidence.contexts)


def full_person_names(doc: Doc) -> list[Span]:
    """The people the model tagged by two words or more (doc.ents is built on each access)."""
    return [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]


def _other_bearer_named(
    span: Span, own: set[str], kb: KnowledgeBase, full_names: list[Span]
) -> bool:
    """Whether the article names in full another person who bears the surname: a full name
    ending in it whose given names are not the known person's ("Richard Bennett")."""
    surname = span.text.lower()
    for entity in full_names:
        if entity[-1].lower_ != surname:
            continue
        given = [t for t in entity[:-1] if t.is_alpha and t.is_title and not _title_word(t, kb)]
        if given and not any(_spelled_as(t, own) for t in given):
            return True
    return False


def _own_names(person: Person) -> set[str]:
    return {w.lower() for form in (person.name, *person.aliases) for w in form.split()}


def _whole_name(span: Span, person: Person) -> tuple[int, int]:
    """The bounds of the full name a known name stands in when the rest of it is the person's
    own names otherwise spelled ("Abdrabbuh Mansour Hadi" around the alias "Hadi"), or when
    the name begins and ends with the person's own names around a middle name."""
    entity = entity_span(span.root)
    if entity is None or entity.label_ != "PERSON" or entity == span:
        return span.start, span.end
    own = _own_names(person)
    extra = [t for t in entity if t.i < span.start or t.i >= span.end]
    if extra and all(_spelled_as(t, own) for t in extra):
        return entity.start, entity.end
    if len(entity) > 2 and all(_spelled_as(t, own) for t in (entity[0], entity[-1])):
        return entity.start, entity.end  # a middle name the base leaves out: "Ana Luisa Ruiz"
    return span.start, span.end


def consonants(word: str) -> str:
    """A word's consonants, doubled ones once: how transliterations of a name agree
    ("Valery" and "Valerii" are "vlr", "Mohammed" and "Muhammad" "mhmd")."""
    word = fold(word).lower().replace("x", "ks")
    kept = [c for c in word if c.isalpha() and c not in "aeiouyw"]
    return "".join(c for i, c in enumerate(kept) if i == 0 or c != kept[i - 1])


def _spelled_as(token: Token, names: set[str]) -> bool:
    """Whether a word is one of a person's names, perhaps transliterated otherwise."""
    if token.lower_ in names:
        return True
    own = consonants(token.text)
    return len(own) >= 3 and any(consonants(name) == own for name in names)


def _title_word(token: Token, kb: KnowledgeBase) -> bool:
    """Whether a word before a name is part of a title or an honorific ("Crown" in "Crown
    Prince", "Sheikh"), not another first name."""
    return token.lower_ in kb.title_words or token.lower_ in honorific_genders()


def _fits_roles(kb: KnowledgeBase, title: str, sector: str | None, person: Person) -> bool:
    """Whether a title the text gives a person agrees with one of their offices: same sector,
    and the same office kind or wording when the title names a particular office. A dignity
    ("Ayatollah") fits any office; a military rank fits a defence minister ("Gen. Sisi")."""
    office = office_of(title, kb.titles)
    if office == "dignity":
        return True
    if sector == "MIL" and any(office_of(r.title, kb.titles) == "defence" for r in person.roles):
        return True
    if not any(r.sector == sector for r in person.roles):
        return False
    if not office:
        return True
    return any(
        office_of(r.title, kb.titles) == office or title in r.title.lower() for r in person.roles
    )


@cache
def org_name_words() -> dict[str, str]:
    """Words of an organisation's name -> the sector they give (data/kb/org_name_words.tsv)."""
    return {row["words"]: row["sector"] for row in data_table("data/kb/org_name_words.tsv")}


def org_name_sector(entity: Span) -> str | None:
    """The sector an organisation's own name gives: the longest known phrase in the words
    before "of"/"for", the rightmost on a tie ("Human Rights Commission of Pakistan": HRI);
    when they give none, the field the words after them name ("Center for Legal Studies")."""
    words: list[str] = []
    field: list[str] | None = None  # the words after "of"/"for", once reached
    for token in entity:
        if token.lower_ in ("of", "for") and words and field is None:
            field = []
        elif token.pos_ != "DET" and (not token.is_punct or token.text == "&"):
            # "& Associates", "Smith & Co."
            (words if field is None else field).append(token.lower_.rstrip("'."))
    table = org_name_words()
    best: tuple[int, int, str] | None = None
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + 4) + 1):
            sector = table.get(" ".join(words[start:end]))
            if sector is not None and (best is None or (end - start, end) > best[:2]):
                best = (end - start, end, sector)
    if best is not None:
        return best[2]
    fields = org_field_words()
    for start in range(len(field or ())):
        for end in range(min(len(field or ()), start + 3), start, -1):
            sector = fields.get(" ".join((field or [])[start:end]))
            if sector is not None:
                return sector
    return None


@cache
def org_field_words() -> dict[str, str]:
    """Fields named after "of"/"for" in an organisation's name -> the sector they give
    (data/kb/org_field_words.tsv)."""
    return {row["words"]: row["sector"] for row in data_table("data/kb/org_field_words.tsv")}


def name_root(entity: Span) -> Token:
    """The head word of a name, without the article the tagger may take into it ("the X
    Research consultancy": "the" hangs on the consultancy, as "Research" does)."""
    return entity[1:].root if len(entity) > 1 and entity[0].pos_ == "DET" else entity.root


def description_head(entity: Span) -> Token | None:
    """The common noun a text describes a named organisation by: a noun right before the name
    ("business consultancy X", "the Dutch think tank X"), the noun the name modifies ("the X
    Research consultancy"), or an apposition after it ("X, a brokerage")."""
    doc, root = entity.doc, name_root(entity)
    before = doc[entity.start - 1] if entity.start > 0 else None
    if (
        before is not None
        and before.pos_ == "NOUN"
        and before.is_lower
        and (entity.start <= before.head.i < entity.end or root.head.i == before.i)
    ):
        return before
    if root.dep_ in ("compound", "nmod") and root.head.i >= entity.end:
        between = doc[entity.end : root.head.i + 1]
        # "the X Research consultancy" is X; "the X military" is X's, told by the sector
        owned = description_sector(root.head) in STATE_SECTORS
        if all(t.pos_ == "NOUN" and t.is_lower for t in between) and not owned:
            return root.head
    return next(
        (c for c in root.rights if c.dep_ == "appos" and c.pos_ == "NOUN" and c.is_lower), None
    )


def description_sector(head: Token) -> str | None:
    """The sector the noun describing an organisation gives: the longest phrase of
    org_name_words.tsv that ends with it ("think tank", "news website", "consultancy")."""
    words = [head.lower_]
    for token in reversed(head.doc[max(head.left_edge.i, head.i - 3) : head.i]):
        if not (token.is_lower or token.text == "-") or token.pos_ == "DET":
            break
        words.insert(0, token.lower_)
    table = org_name_words()
    phrases = (" ".join(words[i:]) for i in range(len(words)))
    return next((table[p] for p in phrases if p in table), None)


SETTING_VERBS = frozenset({"base", "headquarter", "locate"})


class UnknownOrganisation(NamedTuple):
    """An organisation the knowledge base does not know: its name, the sector its description
    or name gives, and the words describing it (modifiers, and the places it is said to be in)."""

    entity: Span
    sector: str | None
    modifiers: list[Token]
    settings: list[Token]
    body: str | None = None  # the international body it is an organ of


def described_by(entity: Span, head: Token | None) -> tuple[list[Token], list[Token]]:
    """The words that describe an organisation without naming it: the modifiers of its name
    and of the noun describing it ("the Dutch think tank", "the London consultancy"), and the
    places it is said to be in ("X in Hanoi", "a brokerage based in Oslo")."""
    root = name_root(entity)
    first = root.left_edge.i
    if head is not None:
        first = min(first, head.left_edge.i)
    last = head.i if head is not None and head.i < entity.start else entity.start - 1
    # an owner is no modifier: "Sri Lanka's navy" is Sri Lanka's, read as such elsewhere
    owners = {t.i for c in root.children if c.dep_ == "poss" for t in c.subtree}
    modifiers = [
        t
        for t in entity.doc[first : last + 1]
        if not entity.start <= t.i < entity.end and t.i not in owners
    ]
    if head is not None and head.i >= entity.end:
        # "the X news website", "X, a Thai rights group"
        modifiers += [t for t in head.subtree if entity.end <= t.i < head.i]
    settings = []
    for word in (root, head) if head is not None else (root,):
        for child in word.rights:
            placed = child.dep_ == "prep" and child.lower_ == "in"
            if placed or (child.dep_ == "acl" and child.lemma_ in SETTING_VERBS):
                settings += list(child.subtree)
    return modifiers, settings


def unknown_organisations(
    doc: Doc, matches: list[tuple[int, int, Entry]], kb: KnowledgeBase
) -> list[UnknownOrganisation]:
    """Organisations the knowledge base does not know but whose name or description says what
    they are ("the Free Syrian Army", "the Egyptian Initiative for Personal Rights", "the think
    tank X") or that act, with the sector their description, else their name, gives, and the
    words that describe them."""
    known = {
        i for s, e, entry in matches if entry.kind not in PLACE_ENTRY_KINDS for i in range(s, e)
    }
    matched = {i for s, e, _ in matches for i in range(s, e)}
    surnames = {fold(n.text.split()[-1]).lower(): n.start for n in full_person_names(doc)}
    found = []
    joined = -1  # the end of the last name joined to its "for" or "of" phrase
    for entity in doc.ents:
        organ = with_organ_subject(entity) if entity.label_ == "ORG" else entity
        body = organ_body(organ, matches, kb) if entity.label_ == "ORG" else None
        if body is not None and entity.start >= joined:
            # "the U.N. Integrated Bureau for Haiti": the body's organ, the country its subject
            joined = organ.end
            found.append(UnknownOrganisation(organ, "IGO", [], [], body))
            continue
        if (
            entity.label_ not in ("ORG", "PERSON")
            or entity.start < joined
            or any(i in known for i in range(entity.start, entity.end))
            or entity.root.i in matched  # "the DPRK" is the country, not a body named for it
            or in_headline(entity)
        ):
            continue
        entity = with_named_complement(with_named_owner(entity))
        joined = entity.end
        head = description_head(entity)
        described = description_sector(head) if head is not None else None
        if entity.label_ == "PERSON":
            # a name right after a noun for an organisation is its name, whatever the tagger
            # says: "the consultancy Grayline Advisory"
            # (but a person's title is the person's: "federal prosecutor X")
            person_titled = head is not None and person_title_before(head, kb)
            if (
                described is not None
                and head is not None
                and head.i == entity.start - 1
                and not person_titled
            ):
                found.append(UnknownOrganisation(entity, described, *described_by(entity, head)))
            continue
        if described is None and described_as_person(entity, kb):
            continue  # "federal prosecutor X", "X, who heads …": a person the model missed
        sector = described or org_name_sector(entity)
        if sector is None and surname_named(entity, surnames):
            continue  # "Dakin-Grimm said" after "Linda Dakin-Grimm": her, not a body
        if sector is not None or acts(entity) or acted_on(entity):
            found.append(UnknownOrganisation(entity, sector, *described_by(entity, head)))
    return found


def surname_named(entity: Span, surnames: dict[str, int]) -> bool:
    """Whether a name is the last word of a person's full name written before it: a surname
    the tagger took for an organisation ("Dakin-Grimm said" after "Linda Dakin-Grimm")."""
    text = fold(entity.text).lower().removeprefix("the ").strip()
    return surnames.get(text, entity.start) < entity.start


def organ_body(
    entity: Span, matches: list[tuple[int, int, Entry]], kb: KnowledgeBase
) -> str | None:
    """The international body whose organ a name the knowledge base does not know is: the
    body's name followed by capitalised words of the organ's own ("the U.N. Integrated Bureau
    for Haiti", "the U.N. Commission on the Limits of the Continental Shelf")."""
    words = entity[1:] if entity[0].pos_ == "DET" else entity
    first = next((m for m in matches if m[0] == words.start), None)
    if first is None or first[2].kind != "organisation" or first[1] >= entity.end:
        return None
    org = kb.organisations.get(first[2].ref)
    if org is None or org.country is not None or org.kind not in ("igo", "un-agency", "eu-body"):
        return None
    doc = entity.doc
    rest = doc[first[1] : entity.end]
    others = [m for m in matches if m[0] >= first[1] and m[0] < entity.end]
    placed = {i for m in others if m[2].kind in PLACE_ENTRY_KINDS for i in range(m[0], m[1])}
    # "UNICEF Nigeria" is the body's office there (`branch_of`), no organ of its own
    own = [t for t in rest if t.is_title and t.pos_ in ("PROPN", "NOUN") and t.i not in placed]
    # a one-word alias inside ("Commission") is the organ's own word, not another body
    if not own or any(m[2].kind == "organisation" and m[1] - m[0] > 1 for m in others):
        return None
    if entity.end < len(doc) and doc[entity.end].text == "(":
        return None  # "the United Nations High Commission for Refugees (UNHCR)": its abbreviation
    return org.id


ORGAN_SUBJECT_PREPOSITIONS = frozenset({"for", "on", "in", "of"})
NUMERIC_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "PERSON"}
)


def with_organ_subject(entity: Span) -> Span:
    """An organ's name with the name of what it deals with, which the tagger cut off ("the
    U.N. Integrated Bureau | for Haiti", "the U.N. Commission | on the Limits of the
    Continental Shelf")."""
    doc = entity.doc
    index = entity.end
    if index + 1 >= len(doc) or doc[index].lower_ not in ORGAN_SUBJECT_PREPOSITIONS:
        return entity
    index += 2 if doc[index + 1].lower_ == "the" else 1
    subject = entity_span(doc[index]) if index < len(doc) else None
    if subject is None or subject.start != index or subject.label_ in NUMERIC_LABELS:
        return entity
    return doc[entity.start : subject.end]


@cache
def place_head_words() -> frozenset[str]:
    """Head words of place names the tagger may call organisations
    (data/kb/place_head_words.txt)."""
    return frozenset(data_lines("data/kb/place_head_words.txt"))


# Prepositions whose object takes part in what a verb or event noun tells: "talks with X",
# "a lawsuit against X", "aid to X", "demands from X".
PARTICIPANT_PREPOSITIONS = frozenset({"with", "against", "to", "from", "on", "into", "by"})


def acted_on(entity: Span) -> bool:
    """Whether a name is what a verb acts on or an event is aimed at ("will investigate
    Yale", "a strike on Freeport-McMoRan"), its conjuncts included ("India and MERCOSUR"):
    an organisation the knowledge base does not know, returned all the same."""
    root = entity.root
    if root.lower_ in place_head_words() or any(c.dep_ == "poss" for c in root.children):
        return False  # "from the Boni Forest"; "told VOA's Korean Service": VOA's unit
    conjoined = root.dep_ == "conj"
    while root.dep_ == "conj":
        root = root.head
    if root.dep_ == "dobj" or (conjoined and root.dep_ in ("nsubj", "nsubjpass")):
        return True  # "India and MERCOSUR agreed": a partner of a subject acts with it
    return root.dep_ == "pobj" and root.head.lower_ in PARTICIPANT_PREPOSITIONS


def with_named_owner(entity: Span) -> Span:
    """An organisation name the parser cut before its "of" phrase ("the Interior Ministry of |
    Kenya"): the name with the place that completes it."""
    doc = entity.doc
    if entity[-1].lower_ != "of" or entity.end >= len(doc):
        return entity
    owner = entity_span(doc[entity.end])
    if owner is None or owner.label_ != "GPE" or owner.start != entity.end:
        return entity
    return doc[entity.start : owner.end]


def with_named_complement(entity: Span) -> Span:
    """An organisation name the tagger cut in two at its "for" or "of" ("The Cambodian League |
    for | the Promotion and Defense of Human Rights"): the whole name, when the second part is
    a name of its own and the first governs it."""
    doc = entity.doc
    if entity.label_ != "ORG" or entity.end + 1 >= len(doc):
        return entity
    preposition = doc[entity.end]
    if preposition.lower_ not in ("for", "of") or preposition.head.i != entity.root.i:
        return entity
    start = entity.end + 2 if doc[entity.end + 1].lower_ == "the" else entity.end + 1
    rest = entity_span(doc[start]) if start < len(doc) else None
    if rest is None or rest.label_ != "ORG" or rest.root.head.i != preposition.i:
        return entity
    return doc[entity.start : rest.end]


def acts(entity: Span) -> bool:
    """Whether a name is the subject of a verb ("Jurisdiction for Peace ordered an inquiry"):
    an organisation the knowledge base does not know, acting all the same."""
    root = entity.root
    words = [t for t in entity if t.pos_ != "DET" and not t.is_punct]
    # a lone word is as often a surname the parser took for a body ("Wang said")
    subject = root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX")
    return len(words) > 1 and subject


def resolve_unknown_organisations(
    reading: Reading, found: list[UnknownOrganisation], by_token: dict[int, Entry]
) -> None:
    """Actors for organisations named but unknown: their name, the sector the name gives,
    and the country named in it or owning it ("Somalia's National Security Agency")."""
    for unknown in found:
        entity = unknown.entity
        reading.add(entity.start, entity.end, unknown_org_draft(reading, unknown, by_token),
                    "name")  # fmt: skip


def unknown_org_draft(
    reading: Reading, unknown: UnknownOrganisation, by_token: dict[int, Entry]
) -> Draft:
    """The draft of an organisation the knowledge base does not know: its name, `sector`, and
    the country named in or owning it ("Somalia's National Security Agency"), else the one its
    description names ("the Dutch think tank X", "X in Hanoi")."""
    entity, sector = unknown.entity, unknown.sector
    if unknown.body is not None:
        start = entity.start + 1 if entity[0].pos_ == "DET" else entity.start
        name = reading.doc[start : entity.end].text
        return Draft(f"org:{name.lower()}", name, None, sector, None, "organisation", None,
                     affiliation=unknown.body)  # fmt: skip
    country = None
    # "Somalia's National Security Agency", "Thailand's People's Empowerment Foundation"
    owners = [
        *entity,
        *(t for c in entity.root.children if c.dep_ == "poss" for t in c.subtree),
    ]
    for token in owners:
        entry = by_token.get(token.i)
        if entry is not None and entry.kind in PLACE_ENTRY_KINDS:
            country = entry.ref
            break
    if country is None:
        described = unknown.modifiers + unknown.settings
        country = country_in(described, by_token, reading.kb.titles) or place_country(described)
    if sector == "MIL" and not any(by_token.get(t.i) for t in entity):
        sector = "REB"  # an army named for no country: "the Mahdi Army", "the Arakan Army"
    start = entity.start + 1 if entity[0].pos_ == "DET" else entity.start
    name = reading.doc[start : entity.end].text
    return Draft(f"org:{name.lower()}", name, country, sector, None, "organisation", None)


MAX_DEFINED_NAME = 12


@cache
def name_link_words() -> frozenset[str]:
    """Small words inside an organisation's name that its abbreviation leaves out ("of")."""
    return frozenset(data_lines("data/kb/name_link_words.txt"))


def defined_name(paren: Token) -> Span | None:
    """The name an abbreviation in brackets defines ("the United Nations High Commission for
    Refugees (UNHCR)"): the capitalised words right before the bracket whose initials, "of",
    "for" and the like left out, spell the abbreviation."""
    doc = paren.doc
    letters = "".join(c for c in doc[paren.i + 1].lower_ if c.isalpha())
    start = paren.i
    words: list[Token] = []
    while start > max(paren.sent.start, paren.i - MAX_DEFINED_NAME) and len(words) < len(letters):
        before = doc[start - 1]
        if before.lower_ in name_link_words():
            start -= 1
            continue
        if before.is_punct or not (before.is_title or before.is_upper):
            return None
        words.insert(0, before)
        start -= 1
    initials = "".join(word.lower_[0] for word in words)
    return doc[words[0].i : paren.i] if len(letters) > 1 and initials == letters else None


def resolve_defined_abbreviations(reading: Reading) -> None:
    """A name and the abbreviation defined for it in brackets are one organisation: a name
    known in full gives its actor to the abbreviation, wherever the article uses it ("the
    Rapid Support Forces (RSF)"), and so does an unknown name to an unknown abbreviation; a
    known abbreviation gives its actor to a name written otherwise than the knowledge base
    writes it."""
    doc = reading.doc
    for paren in doc:
        if paren.text != "(" or paren.i + 2 >= len(doc) or doc[paren.i + 2].text != ")":
            continue
        abbreviation = doc[paren.i + 1]
        if not (abbreviation.is_upper and abbreviation.is_alpha and len(abbreviation) > 1):
            continue
        name = defined_name(paren)
        if name is None:
            continue
        name_keys = {reading.key_at.get(t.i) for t in name if t.lower_ not in name_link_words()}
        named = next(iter(name_keys)) if len(name_keys) == 1 else None
        named_draft = reading.drafts[named] if named is not None else None
        abbreviated = reading.key_at.get(abbreviation.i)
        known = reading.drafts[abbreviated] if abbreviated is not None else None
        if (
            named_draft is not None
            and named_draft.kind == "organisation"
            and (named_draft.kb_id is not None or known is None)
        ):
            for token in doc:
                key = reading.key_at.get(token.i)
                if token.text == abbreviation.text and key in (None, abbreviated):
                    _remention(reading, token.i, token.i + 1, named)
        elif (
            known is not None
            and known.kind == "organisation"
            and known.kb_id is not None
            and not any(k and reading.drafts[k].kind == "person" for k in name_keys)
        ):
            strange = all(k is None or reading.drafts[k].kb_id is None for k in name_keys)
            if strange and not _spelled_by_known(reading.kb, known.kb_id, abbreviation.text):
                # "the Board of Immigration Appeals (BIA)" is not Serbia's BIA, the Security
                # Information Agency: a name spelling the abbreviation the body's own names do
                # not spell is another body, which the article's own abbreviation names
                for token in doc:
                    if (
                        token.text != abbreviation.text
                        or reading.key_at.get(token.i) != abbreviated
                    ):
                        continue
                    if named is not None:
                        _remention(reading, token.i, token.i + 1, named)
                    else:
                        _unmention(reading, token.i)
                continue
            _remention(reading, name.start, name.end, abbreviated)


def initials(name: str) -> str:
    """The initials of a name's words, small words such as "of" and "the" left out, and all
    the letters of an abbreviation inside it ("UN High Commissioner for Refugees": unhcr)."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in name_link_words()]
    return "".join(
        (w.replace(".", "") if w.isupper() else w[0]).lower() for w in words if w[0].isalpha()
    )


def _spelled_by_known(kb: KnowledgeBase, org_id: str, abbreviation: str) -> bool:
    """Whether the initials of a knowledge-base organisation's name or of one of its aliases
    spell an abbreviation, or spell it after the body it belongs to ("UN")."""
    org = kb.organisations.get(org_id)
    if org is None:
        return True
    letters = "".join(c for c in abbreviation.lower() if c.isalpha())
    names = [n for n in (org.name, *org.aliases) if len(n.split()) > 1]  # not "BIA" itself
    # "United Nations Office for the Coordination of Humanitarian Affairs" spells OCHA too
    return any(letters in initials(name) for name in names)


def _unmention(reading: Reading, index: int) -> None:
    """Forget the mention over a token, which another reading shows to be no actor of its."""
    found = next((f for f in reading.found if f.start <= index < f.end), None)
    if found is None:
        return
    reading.found.remove(found)
    for i in range(found.start, found.end):
        reading.taken.discard(i)
        reading.key_at.pop(i, None)


def _remention(reading: Reading, start: int, end: int, key: str) -> None:
    """Make tokens start..end one mention of `key`, in place of the mentions over them."""
    reading.found[:] = [f for f in reading.found if f.end <= start or f.start >= end]
    for index in range(start, end):
        reading.taken.discard(index)
        reading.key_at.pop(index, None)
    reading.record(Found(start, end, key, "name"))


def resolve_actors(doc: Doc, *, published: date | None, kb: KnowledgeBase) -> ActorResolution:
    """The actors of a parsed article and which tokens refer to them."""
    reading = Reading(doc=doc, kb=kb, published=published)
    candidates = match_surfaces(doc, kb, published)
    matches = trusted_matches(doc, kb, candidates)
    # a surname left to the article's own bearer ("Bennett" after "Richard Bennett") is theirs,
    # and so is a place in a person's name ("Aden" after "Amina Yusuf Aden")
    full_names = full_person_names(doc)
    reading.strangers = {
        i
        for s, e, entry in set(candidates) - set(matches)
        if entry.kind not in NAME_PART_KINDS
        and not (
            e - s == 1
            and entry.kind == "person"
            and _other_bearer_named(doc[s:e], _own_names(kb.people[entry.ref]), kb, full_names)
        )
        for i in range(s, e)
    }
    by_token = {i: entry for start, end, entry in matches for i in range(start, end)}
    reading.venue = trial_venue(doc, by_token)
    unknown = unknown_organisations(doc, matches, kb)
    in_names = {i for found in unknown for i in range(found.entity.start, found.entity.end)}
    # "the Dutch think tank X", "the London consultancy X": where it is, not an actor of its own
    in_names.update(t.i for found in unknown for t in found.modifiers)
    resolve_kb_matches(reading, [m for m in matches if m[0] not in in_names])
    resolve_unknown_organisations(reading, unknown, by_token)
    resolve_defined_abbreviations(reading)
    resolve_people(reading, by_token)
    resolve_titled_names(reading, by_token)
    resolve_bare_surnames(reading, by_token)
    resolve_stated_nationalities(reading, by_token)
    resolve_unnamed_speakers(reading)
    resolve_definite_descriptions(reading)
    resolve_described_people(reading)
    resolve_region_groups(reading)
    resolve_bare_groups(reading, by_token)
    resolve_lone_offices(reading)
    learn_genders(reading)
    resolve_pronouns(reading)
    resolve_city_places(reading, by_token)
    return build_resolution(reading)
