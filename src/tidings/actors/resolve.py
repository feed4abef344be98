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

from bisect import insort
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span, Token

from tidings.actors.kb import Entry, KnowledgeBase, Organisation, Title, fold, token_key
from tidings.lexicons import data_lines, data_table
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
SURNAME_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "ibn-")


@cache
def family_name_first() -> frozenset[str]:
    """Countries whose names put the family name first (data/kb/family_name_first.txt)."""
    return frozenset(data_lines("data/kb/family_name_first.txt"))


def surname_forms(name: str, country: str | None = None) -> set[str]:
    """The ways an article may shorten a name: its last word, without an Arabic article
    ("Mohammed al-Bashir" is also "Bashir"), or its first word where the family name comes
    first ("Qin Gang" is "Qin")."""
    words = name.split()
    if not words:
        return set()
    if country in family_name_first() and len(words) > 1:
        return {words[0].lower()}
    last = words[-1].lower()
    forms = {last}
    for particle in SURNAME_PARTICLES:
        if last.startswith(particle) and len(last) > len(particle) + 1:
            forms.add(last[len(particle) :])
    return forms


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

    def add(self, start: int, end: int, draft: Draft, kind: str) -> None:
        """Record a mention of `draft` over tokens start..end unless they are taken."""
        if any(i in self.taken for i in range(start, end)):
            return
        existing = self.drafts.setdefault(draft.key, draft)
        if existing.role is None and draft.role:
            existing.role, existing.sector = draft.role, draft.sector or existing.sector
        self.found.append(Found(start, end, draft.key, kind))
        self.taken.update(range(start, end))


@cache
def not_actors() -> frozenset[str]:
    """Names the statistical model takes for people but are weapons or products."""
    return frozenset(line.lower() for line in data_lines("data/kb/not_actors.txt"))


def match_surfaces(doc: Doc, kb: KnowledgeBase) -> list[tuple[int, int, Entry]]:
    """Knowledge-base surface forms in the text as token spans, longest first, no overlaps."""
    original = document_text(doc)
    text = fold(original)
    if len(text) != len(original):
        text = original  # folding changed offsets (rare ligatures): match unfolded text
    lowered = text.lower()
    offsets = doc.to_array([IDX, LENGTH])  # one array call: a per-token loop costs ~10 ms/article
    ends = {int(i + n): k + 1 for k, (i, n) in enumerate(offsets.tolist())}
    matches = []
    position = 0
    while position < len(doc):
        token = doc[position]
        key = token_key(token.text)
        best = None
        for form, case_sensitive, entry in kb.candidates(key):
            haystack = text if case_sensitive else lowered
            if haystack.startswith(form, token.idx):
                end = ends.get(token.idx + len(form))
                if end is not None:
                    best = (token.i, end, entry)
                    break
        if best is None:
            position += 1
            continue
        start, end, _ = best
        entries = [e for f, cs, e in kb.candidates(key) if _same_form(f, cs, doc, start, end)]
        matches.append((start, end, _prefer(entries, doc[start:end])))
        position = end
    return matches


def _same_form(form: str, case_sensitive: bool, doc: Doc, start: int, end: int) -> bool:
    surface = fold(doc[start:end].text)
    return form == (surface if case_sensitive else surface.lower())


def _prefer(entries: list[Entry], span: Span) -> Entry:
    """Among entries sharing a surface form, the one the context makes likeliest."""
    order = {"person": 0, "organisation": 1, "seat": 2, "capital": 3, "country": 4, "demonym": 5}
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
        return True
    if root.dep_ == "compound" and head.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    return root.dep_ == "appos" and head.ent_type_ in ("GPE", "LOC")


def _title_from(tokens: list[Token], kb: KnowledgeBase) -> tuple[str | None, str | None, bool]:
    """The longest known title among tokens, its sector, and whether it is a 'former' one.

    A current title wins over a longer former one ("a senior advisor ... and former deputy
    assistant secretary of defense" is a senior advisor now).
    """
    words = [t.lower_ for t in tokens]
    found: list[tuple[bool, int, str, str]] = []
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            phrase = " ".join(words[i:j])
            title = kb.titles.get(phrase)
            if title is not None:
                former = any(w in FORMER_WORDS for w in words[max(0, i - 4) : i])
                found.append((not former, len(phrase), phrase, title.sector))
                break
    if not found:
        return None, None, False
    current, _, phrase, sector = max(found)
    return phrase, sector, not current


def is_subordinate(tokens: list[Token], title: str) -> bool:
    """Whether a rank word ("deputy", "vice") qualifies the title among the tokens."""
    words = [t.lower_ for t in tokens]
    first = title.split()[0]
    for i, word in enumerate(words):
        if word == first and any(w in SUBORDINATE_WORDS for w in words[max(0, i - 2) : i]):
            return True
    return False


def country_in(tokens: list[Token], matches: dict[int, Entry]) -> str | None:
    """The first country (by name, demonym or capital) among tokens."""
    for token in tokens:
        entry = matches.get(token.i)
        if entry is not None and entry.kind in ("country", "demonym", "capital", "seat"):
            return entry.ref
    return None


def person_draft(kb: KnowledgeBase, person_id: str, published: date | None) -> Draft:
    """A draft for a knowledge-base person, coded by the role held at the article's date."""
    person = kb.people[person_id]
    role = person.role_at(published)
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
        return Draft(
            f"org:{org.id}", org.name, org.country, org.sector, None, "organisation", org.id
        )
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
    """The noun a modifier token attaches to ("Russian" -> "forces")."""
    if token.dep_ in ("amod", "compound", "nmod", "poss") and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head
    return None


def resolve_kb_matches(reading: Reading, matches: list[tuple[int, int, Entry]]) -> None:
    """Steps 1, 3 and 4: knowledge-base matches, group actors and places."""
    doc, kb = reading.doc, reading.kb
    by_token = {i: e for s, e_, e in matches for i in range(s, e_)}
    for start, end, entry in matches:
        span = doc[start:end]
        if entry.kind in ("country", "capital", "seat", "seat-org") and is_place(span):
            if entry.kind in ("country", "capital"):
                reading.places.append(entry.ref)
                reading.place_spans.append((start, end, entry.ref))
            continue
        if entry.kind in ("country", "demonym") and titles_a_person(span):
            continue
        modifier = entry.kind in ("demonym", "country", "organisation")
        if modifier and resolve_modifier(reading, span, entry, by_token):
            continue
        if entry.kind == "demonym" and span.root.pos_ not in ("PROPN", "ADJ", "NOUN"):
            continue
        if entry.kind == "demonym" and _names_people(span):
            # "Americans detained in China", "ethnic Armenians": people, not the government
            iso3 = entry.ref
            draft = Draft(f"group:{iso3}:CVL", span.text, iso3, "CVL", None, "group", None)
            reading.add(start, end, draft, "demonym")
            continue
        reading.add(start, end, entry_draft(kb, entry, reading.published), _mention_kind(entry))


def _names_people(span: Span) -> bool:
    """A plural demonym standing as a noun ("Americans", "Palestinians"), not a modifier."""
    root = span.root
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
    phrase_start = min([span.start] + [t.i for t in head.lefts if t.i < span.start])
    tokens = [t for t in doc[span.start : head.i + 1] if not t.is_punct]
    title, sector, former = _title_from([t for t in tokens if t.i >= span.end] or [head], kb)
    if title is None or former:
        return False
    country = entry.ref if entry.kind != "organisation" else kb.country_of_org(entry.ref)
    known = kb.titles[title]
    subordinate = is_subordinate(tokens, title)
    if known.kind == "person" and known.office and entry.kind != "organisation" and not subordinate:
        holder = kb.office_holder(country, known.office, reading.published)
        if holder is not None:
            draft = person_draft(kb, holder.id, reading.published)
            reading.add(phrase_start, head.i + 1, draft, "description")
            return True
    if entry.kind == "organisation":
        draft = entry_draft(kb, entry, reading.published)
        reading.add(phrase_start, head.i + 1, draft, "description")
        return True
    name = doc[span.start : head.i + 1].text
    if known.kind == "group":
        key = f"group:{country}:{sector}"
        draft = Draft(key, name, country, sector, None, "group", None)
    else:
        role = f"deputy {title}" if subordinate else title
        key = f"generic:{country}:{sector}:{role}"
        draft = Draft(key, name, country, sector, role, "person", None)
    reading.add(phrase_start, head.i + 1, draft, "description")
    return True


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
    return next((e for e in doc.ents if e.start == following), None)


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
    for child in name_root.children:
        if child.dep_ == "appos":
            return list(child.subtree)
    if name_root.dep_ == "appos" and name_root.head.pos_ == "NOUN":
        head = name_root.head
        return [t for t in head.subtree if t.i < name_root.i and t.i >= head.left_edge.i]
    entity = entity_span(name_root)
    title = apposed_title(entity, kb) if entity is not None else None
    if title is not None:
        return [t for t in title.subtree if t.i < entity.start - 1]
    return []


def title_tokens_before(span: Span) -> list[Token]:
    """The run of title words right before a name: "Former British prime minister" Sunak."""
    tokens: list[Token] = []
    index = span.start - 1
    while index >= max(span.sent.start, span.start - 8):
        token = span.doc[index]
        if token.is_punct and token.text not in (".", "'"):
            break
        if token.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ") and token.lower_ != "of":
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
    country = country_in(described, by_token)
    affiliation: Organisation | None = None
    for token in described:
        entry = by_token.get(token.i)
        # "ambassador to the UN" is posted there; "advisor at the Atlantic Council" works there
        posted = token.head.lower_ == "to" and token.head.head.i != token.i
        if entry is not None and entry.kind == "organisation" and not posted:
            affiliation = kb.organisations.get(entry.ref)
            if affiliation is not None:
                break
    if affiliation is not None:
        country = affiliation.country  # an IGO's envoy "for Syria" is no Syrian
    if country is None:
        possessor = next((t for t in described if t.dep_ == "poss"), None)
        if possessor is not None:
            owner = reading.drafts.get(_key_at(reading, possessor.i) or "")
            country = owner.country if owner else None
    if country is None and affiliation is None and (title or described):
        # A titled stranger ("Prime Minister Ariel Henry") belongs to the country named
        # before him in the sentence, else to the article's.
        country = _country_before(reading, span) or focus_country(reading, reading.places)
    name = span.text
    return Draft(
        key=f"person:{name.lower()}",
        name=name,
        country=country,
        sector=(affiliation.sector if affiliation else None)
        or (None if former else sector)
        or ("ELI" if former else None),
        role=None if former else title,
        kind="person",
        surnames=surname_forms(name, country),
        affiliation=affiliation.id if affiliation is not None and not affiliation.country else None,
    )


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


def _key_at(reading: Reading, token_index: int) -> str | None:
    return next((f.key for f in reading.found if f.start <= token_index < f.end), None)


def resolve_people(reading: Reading, by_token: dict[int, Entry]) -> None:
    """Step 2: persons (known or not) with roles from titles and appositions."""
    doc = reading.doc
    for entity in doc.ents:
        if entity.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        tokens = range(entity.start, entity.end)
        if any(i in reading.taken for i in tokens):
            _describe_known(reading, entity, by_token)
            key = _key_at(reading, entity.start)
            title = apposed_title(entity, reading.kb) if entity.label_ == "PERSON" else None
            if key is not None and title is not None:
                reading.add(title.i, title.i + 1, reading.drafts[key], "description")
            continue
        surname_key = _surname_key(reading, entity)
        if surname_key is not None:
            reading.add(entity.start, entity.end, reading.drafts[surname_key], "surname")
        elif (
            entity.label_ == "PERSON"
            and entity.root.pos_ == "PROPN"
            and fold(entity.text).lower() not in not_actors()
            and not in_headline(entity)
            and resolve_place(entity.text) is None
            and not reading.kb.lookup(entity.text)  # "Azerbaijani" tagged as a person
        ):
            draft = describe_person(reading, entity, by_token)
            reading.add(entity.start, entity.end, draft, "name")
            title = apposed_title(entity, reading.kb)
            if title is not None:
                reading.add(title.i, title.i + 1, draft, "description")


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


def resolve_bare_surnames(reading: Reading) -> None:
    """Surnames the model left untagged ("Bazoum wrote …") after the person was named."""
    people = {
        form: key
        for key, draft in reading.drafts.items()
        if draft.kind == "person"
        for form in draft.surnames
    }
    first_named = {f.key: f.start for f in reading.found if f.kind == "name"}
    for token in tokens_with_pos(reading.doc, "PROPN"):
        key = people.get(token.lower_)
        if key is None or token.i in reading.taken or not token.is_title:
            continue
        if first_named.get(key, len(reading.doc)) > token.i:
            continue
        reading.add(token.i, token.i + 1, reading.drafts[key], "surname")


def _describe_known(reading: Reading, entity: Span, by_token: dict[int, Entry]) -> None:
    """Fill in role and sector of a known person from the text when the KB has none now."""
    key = _key_at(reading, entity.start)
    draft = reading.drafts.get(key or "")
    if draft is None or draft.kind != "person" or (draft.sector not in (None, "ELI")):
        return
    described = describe_person(reading, entity, by_token)
    if described.sector and described.sector != "ELI":
        draft.sector, draft.role = described.sector, described.role
        draft.country = described.country or draft.country


def _surname_key(reading: Reading, entity: Span) -> str | None:
    last = entity.text.split()[-1].lower() if entity.text.split() else ""
    for key, draft in reading.drafts.items():
        if draft.kind == "person" and last in draft.surnames:
            return key
    return None


def resolve_pronouns(reading: Reading) -> None:
    """Step 5: he/she/it and friends to the most recent compatible actor.

    A pronoun outside quote marks never refers to a name inside them: 'There will be no
    Maidan,' he said" is not about Maidan.
    """
    doc = reading.doc
    quoted = [
        (doc.char_span(s, e, alignment_mode="expand"))
        for s, e in quoted_stretches(document_text(doc))
    ]
    inside = {t.i for span in quoted if span is not None for t in span}
    anchors = sorted((f for f in reading.found if f.start not in inside), key=lambda f: f.start)
    for token in doc:
        lower = token.lower_
        if token.pos_ != "PRON" or token.i in reading.taken:
            continue
        if lower in MALE_PRONOUNS or lower in FEMALE_PRONOUNS:
            gender = "m" if lower in MALE_PRONOUNS else "f"
            key = _antecedent(
                reading,
                anchors,
                token,
                lambda d, g=gender: d.kind == "person" and d.gender in (g, "x"),
            )
        elif lower in PLURAL_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass", "poss"):
            key = _antecedent(
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
        else:
            continue
        if key is not None:
            found = Found(token.i, token.i + 1, key, "pronoun")
            reading.found.append(found)
            reading.taken.add(token.i)
            # Later pronouns may refer back through this one ("He said … his").
            insort(anchors, found, key=lambda f: f.start)


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
) -> str | None:
    """The most recent fitting actor: a subject first, this sentence, then up to 3 before."""
    doc = reading.doc
    sentence = token.sent
    earlier = [f for f in anchors if f.start < token.i and fits(reading.drafts[f.key])]
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
    for _ in range(window):
        if window_start == 0:
            break
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


def group_title(head: Token, kb: KnowledgeBase) -> Title | None:
    """The group title a noun phrase names: the longest title its modifiers and head spell
    ("riot police", "security forces"), else the head's own ("police"), else, for a generic
    head ("separatist groups"), its modifier's."""
    modifiers = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
    for start in sorted(c.i for c in modifiers):
        phrase = head.doc[start : head.i + 1].text.lower()
        title = kb.titles.get(phrase)
        if title is not None and title.kind == "group":
            return title
    title = kb.titles.get(head.lower_)
    if title is not None and title.kind == "group":
        return title
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    if head.lemma_.lower() in GENERIC_GROUP_HEADS and not definite:
        # "the paramilitary group" refers back to a group named before; "militia groups" do not
        for modifier in modifiers:
            for form in (modifier.lower_, f"{modifier.lower_}s", modifier.lemma_.lower()):
                title = kb.titles.get(form)
                if title is not None and title.sector != "GOV":
                    return title
    return None


def resolve_bare_groups(reading: Reading, by_token: dict[int, Entry]) -> None:
    """Role nouns standing alone as participants: "police in Lagos", "rebels said"."""
    doc, kb = reading.doc, reading.kb
    for token in doc:
        if token.i in reading.taken or token.pos_ != "NOUN":
            continue
        # "police firing", "army operation": a group noun modifying a noun is its actor too
        # (the parser tags the gerund of "police firing" a verb as often as a noun)
        modifying = token.dep_ == "compound" and (
            token.head.pos_ == "NOUN" or token.head.tag_ == "VBG"
        )
        participant = token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "poss")
        if not (participant or modifying):
            continue
        title = group_title(token, kb)
        if title is None:
            continue
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
        country = entry.ref if entry and entry.kind in ("country", "capital", "demonym") else None
        start = token.left_edge.i if doc[token.left_edge.i].pos_ == "DET" else token.i
        name = doc[start : token.i + 1].text
        key = f"group:{country}:{title.sector}" if country else f"bare:{token.lemma_}"
        draft = Draft(key, name, country, title.sector, None, "group")
        reading.add(start, token.i + 1, draft, "description")


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


def focus_country(reading: Reading, places: list[str]) -> str | None:
    """The country an article is about: the most mentioned one, as actor or place (twice at
    least), or the only one."""
    counts: dict[str, int] = {}
    for country in places:
        counts[country] = counts.get(country, 0) + 1
    for found in reading.found:
        draft = reading.drafts[found.key]
        if draft.country:
            counts[draft.country] = counts.get(draft.country, 0) + 1
    if not counts:
        return None
    country, count = max(counts.items(), key=lambda item: item[1])
    return country if count >= 2 or len(counts) == 1 else None


def place_bare_groups(reading: Reading) -> None:
    """Bare groups ("the army", "police") belong to the article's focus country.

    News names a country's own institutions without the country once the article is about it.
    """
    focus = focus_country(reading, reading.places)
    for key, draft in list(reading.drafts.items()):
        if key.startswith("bare:") and draft.country is None and draft.sector != "BUS":
            # companies have no country by default: an article's focus says nothing of them
            first = min((f.start for f in reading.found if f.key == key), default=None)
            speaker = _reporting_country(reading, first) if first is not None else None
            draft.country = speaker or focus


def _reporting_country(reading: Reading, index: int) -> str | None:
    """The country of whoever reports the clause a token is in: in "Israel's defence minister
    said the army was moving forces", the army is Israel's."""
    verbs = speech_verbs()
    for ancestor in reading.doc[index].ancestors:
        if ancestor.lemma_.lower() not in verbs:
            continue
        for child in ancestor.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                key = _key_at(reading, child.i) or next(
                    (_key_at(reading, t.i) for t in child.subtree if _key_at(reading, t.i)), None
                )
                draft = reading.drafts.get(key or "")
                if draft is not None and draft.country and draft.sector != "MED":
                    return draft.country
        return None
    return None


def build_resolution(reading: Reading) -> ActorResolution:
    """Actors in order of first mention, with ids a1, a2... and the token map."""
    place_bare_groups(reading)
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
                country=draft.country,
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
    token_place = {
        i: by_country[iso3]
        for start, end, iso3 in reading.place_spans
        if iso3 in by_country
        for i in range(start, end)
    }
    return ActorResolution(
        actors=list(actors.values()), token_actor=token_actor, latent=latent,
        token_place=token_place,
    )  # fmt: skip


def country_places(reading: Reading, named: set[str], numbered: int) -> list[Actor]:
    """The countries an article names only as places ("a base in Mali") or through their
    people and bodies, as actors an event may fall on; numbered after the acting actors.

    A place mention is kept, of kind "place", so that the event's target shows where it is
    named."""
    countries = [iso3 for _, _, iso3 in reading.place_spans]
    countries += [d.country for d in reading.drafts.values() if d.country]
    latent: list[Actor] = []
    for iso3 in dict.fromkeys(countries):
        country = reading.kb.countries.get(iso3)
        if iso3 in named or country is None:
            continue
        actor = Actor(id=f"a{numbered + len(latent) + 1}", name=country.name, country=iso3,
                      sector="GOV", kind="country", kb_id=iso3)  # fmt: skip
        for start, end, ref in reading.place_spans:
            if ref == iso3:
                span = reading.doc[start:end]
                actor.mentions.append(Mention(span.text, span.start_char, span.end_char, "place"))
        latent.append(actor)
    return latent


def resolve_actors(doc: Doc, *, published: date | None, kb: KnowledgeBase) -> ActorResolution:
    """The actors of a parsed article and which tokens refer to them."""
    reading = Reading(doc=doc, kb=kb, published=published)
    matches = match_surfaces(doc, kb)
    by_token = {i: entry for start, end, entry in matches for i in range(start, end)}
    resolve_kb_matches(reading, matches)
    resolve_people(reading, by_token)
    resolve_bare_surnames(reading)
    resolve_definite_descriptions(reading)
    resolve_region_groups(reading)
    resolve_bare_groups(reading, by_token)
    resolve_pronouns(reading)
    return build_resolution(reading)
