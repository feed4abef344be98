"""Assembling events from triggers: type refinement, modality, date, place, roles filled from
the place and the story, and one event per happening (restatements and purpose clauses merged)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from functools import cache

from spacy.tokens import Doc, Span, Token

from tidings.events.dating import event_date
from tidings.events.detect import (
    CAUSE_PREPS,
    DEADLINE_PREPOSITIONS,
    FIRST_PERSON_SUBJECTS,
    NOT_AN_EVENT,
    OUTLET_SECTORS,
    PERSONAL_PRONOUNS,
    SETTING_PREPOSITIONS,
    SUBJECTS,
    Candidate,
    actors_in,
    candidates,
    country_of,
    governing_verbs,
    hyphenated,
    infinitival,
    is_subject,
    light_relative_clauses,
    match_trigger,
    object_phrases,
    of_complements,
    phrase_head,
    prep_objects,
    verb_subject,
)
from tidings.events.lexicon import Lexicon, load_lexicon
from tidings.events.modality import (
    charged_offence,
    embedded_question,
    event_modality,
    governing_chain,
    negated_litotes,
)
from tidings.lexicons import data_lines, data_table
from tidings.model import (
    Actor,
    ActorResolution,
    Citation,
    Event,
    EventDate,
    Evidence,
    Location,
    Modality,
    Quantity,
    Quote,
    TimeExpression,
)
from tidings.places import (
    coordinated_places,
    event_location,
    place_object,
    purpose_place,
    sea_names,
)
from tidings.quantities import casualty_cues, person_nouns
from tidings.quotes import speech_verbs

CASUALTY_TYPES = frozenset({"ASSAULT", "COERCE"})  # PLOVER types whose victims are counted
APPEAL_CODE = "020"  # make an appeal or request
LABOUR_CLASS = "c14-labour"
LABOUR_STRIKE_CODE = "143"  # conduct strike or boycott
PEACEKEEPING_CODE = "074"  # provide military protection or peacekeeping
PEACEKEEPING_STEM = "peacekeep"  # peacekeeping, peacekeeper(s)
NEARBY_PREPOSITIONS = frozenset({"near", "around", "along", "outside", "inside", "beside", "at"})
SHOW_OF_FORCE_CODE = "150"  # exercises, drills, patrols
JOINT_EXERCISE_CODE = "062"  # cooperate militarily
BLOCKADE_CODE = "191"  # CAMEO's blockade is force (19x); civilians blocking roads obstruct
PURPOSE_PREPOSITIONS = frozenset({"as", "on", "for", "to", "with"})
# Sectors of people acting as civilians: their violence is a riot, their blockades a protest.
CIVIL_SECTORS = frozenset({"CVL", "AGR", "LAB", "EDU", "HLH", "REL", "OPP", "REF", "HRI", "ENV"})


def refine(
    candidate: Candidate, lexicon: Lexicon, actors: ActorResolution
) -> tuple[str, str | None, str, tuple[str, ...]]:
    """Type, mode, CAMEO code and contexts after the trigger's modifiers or object refine them.

    Violence by civilians (protesters storming embassies) is a riot, not a military assault.
    """
    entry = candidate.entry
    event_type, mode, cameo, contexts = entry.type, entry.mode, entry.cameo, entry.contexts
    sources = [a for a in actors.actors if a.id in candidate.source]
    civil = bool(sources) and all(a.sector in CIVIL_SECTORS for a in sources)
    if event_type == "CONSULT" and appeal(candidate.token):
        return "REQUEST", None, APPEAL_CODE, ("diplomatic",)
    if event_type == "ASSAULT" and labour_strike(candidate.token, lexicon):
        return "PROTEST", "strike", LABOUR_STRIKE_CODE, ("economic",)
    blockade = cameo == BLOCKADE_CODE
    if event_type == "ASSAULT" and civil and not blockade and crowd_violence(mode, sources):
        return "PROTEST", "riot", "145", ("rights_freedoms",)
    if civil and (blockade or (event_type == "COERCE" and mode in (None, "restrict", "seize"))):
        # "farmers blocked highways", "students occupied the campus": obstruction, not coercion
        return "PROTEST", "obstruct", "144", ("rights_freedoms",)
    token = candidate.token
    if event_type == "ASSAULT" and weapon_launch(candidate, lexicon):
        return "MOBILIZE", "weapons", SHOW_OF_FORCE_CODE, ("military",)
    if event_type == "MOBILIZE" and peacekeeping(token):
        return "AID", None, PEACEKEEPING_CODE, ("peacekeeping",)
    if event_type == "MOBILIZE" and cameo == SHOW_OF_FORCE_CODE and joint(token, sources):
        # exercises held by, or with, the forces of another country are joint exercises
        return "COOPERATE", None, JOINT_EXERCISE_CODE, ("military",)
    if (
        event_type == "COERCE"
        and mode == "seize"
        and any(c.dep_ == "dobj" and c.ent_type_ in ("GPE", "LOC", "FAC") for c in token.children)
    ):
        return "ASSAULT", None, "192", ("military", "territory")  # "seized Damascus": taken
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "dobj", "nmod")]
    # "the deployment of peacekeeping troops": what a nominal event is of
    modifiers += of_complements(token)
    if event_type == "MOBILIZE":
        # what forces are sent as or for says what kind of deployment it is ("troops deployed
        # as observers", "monitors began deploying"; peacekeeping is read above)
        modifiers += [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        modifiers += [
            g for c in token.children if c.dep_ == "prep" and c.lower_ in PURPOSE_PREPOSITIONS
            for g in c.children if g.dep_ == "pobj"
        ]  # fmt: skip
    for child in list(modifiers):
        modifiers += [g for g in child.children if g.dep_ in ("compound", "amod")]
    for modifier in modifiers:
        rule = lexicon.modifiers.get((entry.type, modifier.lemma_.lower()))
        if rule is not None:
            event_type = rule.becomes or event_type
            mode, cameo, contexts = rule.mode or mode, rule.cameo, rule.contexts or contexts
            break
    return event_type, mode, cameo, contexts


# Modes of violence no riot takes: gunfire, bombs, torture, abduction, a targeted killing.
ARMED_MODES = frozenset(
    {"firearms", "explosives", "torture", "targeted", "abduct", "sexual", "suicide-attack"}
)


def crowd_violence(mode: str | None, sources: list[Actor]) -> bool:
    """Whether civilians' violence is a riot (CAMEO 145): done by a crowd or group, not one
    person ("a hitman hired to kill"), and unarmed ("prisoners exchanged gunfire with guards"
    is an armed attack, "protesters stormed the embassy" a riot)."""
    return mode not in ARMED_MODES and any(a.kind != "person" for a in sources)


def appeal(trigger: Token) -> bool:
    """Whether a "call" is an appeal, not a telephone call: it is a call for something or to
    do something ("calls for a ceasefire", "defied calls to step down")."""
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() != "call":
        return False
    if any(
        c.dep_ == "compound" or (c.dep_ == "prep" and c.lower_ == "with") for c in trigger.children
    ):
        return False  # "a phone call with his Saudi counterpart for talks"
    return any(
        (c.dep_ == "prep" and c.lower_ in ("for", "on")) or (c.dep_ == "acl" and infinitival(c))
        for c in trigger.children
    )


def labour_strike(trigger: Token, lexicon: Lexicon) -> bool:
    """Whether a "strike" with no weapon named is a stoppage of work: its sentence speaks of
    work (workers, unions, wages: `noun_classes.tsv` class c14-labour)."""
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() != "strike":
        return False
    armed = any(
        ("ASSAULT", c.lemma_.lower()) in lexicon.modifiers
        for c in trigger.children
        if c.dep_ in ("compound", "amod")
    )  # "a drone strike near the factory"
    return not armed and any(
        LABOUR_CLASS in lexicon.noun_classes.get(t.lemma_.lower(), ()) for t in trigger.sent
    )


WEAPON_CLASS = "c15-weapon"
AIMING_PREPOSITIONS = frozenset({"at", "on", "against", "into", "toward", "towards", "in", "over"})


def weapon_launch(candidate: Candidate, lexicon: Lexicon) -> bool:
    """Whether a missile fired or launched is aimed at no one: a test or a show of force
    (MOBILIZE weapons, as PLOVER codes missile tests), not an attack. "North Korea launched a
    ballistic missile on Friday", "test-fired a missile"; not "fired missiles at Kyiv" or
    "launched rockets into Israel", nor one that killed anyone."""
    token, weapon = candidate.token, candidate.object_token
    if token.pos_ != "VERB" or weapon is None or candidate.target:
        return False
    if WEAPON_CLASS not in lexicon.noun_classes.get(weapon.lemma_.lower(), ()):
        return False
    if f"test-{token.lemma_.lower()}" in hyphenated(token):
        return True
    aimed = any(
        c.dep_ == "prep"
        and c.lower_ in AIMING_PREPOSITIONS
        and not any(g.ent_type_ in ("DATE", "TIME") or open_water(g) for g in c.children)
        for c in (*token.children, *weapon.children)
    )
    harmed = any(
        t.lemma_.lower() in ("kill", "wound", "injure", "hit", "strike") for t in token.sent
    )
    return not aimed and not harmed


OPEN_WATERS = frozenset({"sea", "ocean", "water", "waters"})


def open_water(word: Token) -> bool:
    """Whether a word names the open sea a missile may fall into ("into the sea", "into the
    East Sea"), no one's ground."""
    return word.lemma_.lower() in OPEN_WATERS or word.text in sea_names()


def peacekeeping(trigger: Token) -> bool:
    """Whether a deployment is of peacekeepers: its own phrase or its subject's speaks of
    peacekeeping ("the deployment of 230 troops to Liberia on a peacekeeping mission", "sent
    troops to serve as a peacekeeping force", "peacekeepers began deploying")."""
    clause = [trigger, trigger.head] if trigger.dep_ == "xcomp" else [trigger]
    subjects = [c for t in clause for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
    words = {w for p in (trigger, *subjects) for w in p.subtree}
    # not where the troops go ("deployed troops near a peacekeeping base")
    nearby = {w for p in words if p.lower_ in NEARBY_PREPOSITIONS for w in p.subtree}
    return any(w.lemma_.lower().startswith(PEACEKEEPING_STEM) for w in words - nearby)


def joint(trigger: Token, sources: list) -> bool:
    """Whether an act is held together: by actors of two countries or more ("Chinese and
    Russian navies held war games"), or with a partner ("drills with the US Navy")."""
    if len({a.country for a in sources if a.country}) > 1:
        return True
    # "held drills with the US Navy": the partner may hang on the verb that holds them
    holders = [trigger, trigger.head] if trigger.dep_ == "dobj" else [trigger]
    return any(c.dep_ == "prep" and c.lower_ == "with" for h in holders for c in h.children)


FIRST_PERSON_POSSESSIVES = frozenset({"my", "our"})


def quoted_speaker(trigger: Token, quotes: list[Quote]) -> list[str]:
    """In a quote, "we" and "I" are its speaker: "'We reject the allegations,' the spokesman
    said" is the spokesman's rejection; "my readiness to travel" is the speaker's travel."""
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subject is None and trigger.pos_ == "VERB":
        # "'We will continue working with Kenya'": the controlling verb's "we" works
        inherited, inferred = verb_subject(trigger)
        subject = inherited if inferred else None
    if subject is None and trigger.dep_ == "acl" and infinitival(trigger):
        # "my willingness and availability to travel": the first noun of a pair holds it
        noun = trigger.head.head if trigger.head.dep_ == "conj" else trigger.head
        subject = next((c for c in noun.children if c.dep_ == "poss"), None)
    if subject is None or subject.lower_ not in FIRST_PERSON_SUBJECTS | FIRST_PERSON_POSSESSIVES:
        return []
    return speaker_of(subject, quotes)


def speaker_of(token: Token, quotes: list[Quote]) -> list[str]:
    """The speaker of the quote a word stands in, if the quote has one."""
    quote = next((q for q in quotes if q.start <= token.idx < q.end and q.speaker), None)
    return [quote.speaker] if quote is not None and quote.speaker else []


# Violence whose perpetrator a sentence leaves unsaid ("five people were killed") is, in a
# report, the violence the previous sentences told of; the source is taken from there.
CONTEXT_SOURCE_TYPES = frozenset({"ASSAULT"})
CONTEXT_SENTENCES = 2


def sentence_numbers(doc: Doc) -> Callable[[Event], int]:
    """The number of an event's sentence in the document, from its evidence offset."""
    starts = [s.start_char for s in doc.sents]
    return lambda event: bisect_right(starts, event.evidence.start)


def with_context_sources(events: list[Event], doc: Doc, subject_named: set[int]) -> list[Event]:
    """Fill the empty source of a violent event from the violent event with a source nearest
    to it in its own sentence ("one person was killed when police fired"), else the last one
    in the two previous sentences. An event whose clause names a subject that is neither an
    actor nor an event ("two bombs exploded", `subject_named`: trigger offsets) keeps its source
    empty: the text gave the doer, and it is not the police of the sentence before."""
    sentence = sentence_numbers(doc)

    def teller(event: Event, other: Event) -> bool:
        return (
            other is not event
            and other.type in CONTEXT_SOURCE_TYPES
            and bool(other.source)
            and set(other.source).isdisjoint(event.target)
        )

    filled: list[Event] = []
    for event in events:
        unnamed = event.trigger_start not in subject_named
        if event.type in CONTEXT_SOURCE_TYPES and not event.source and unnamed:
            here = sentence(event)
            same = [e for e in events if teller(event, e) and sentence(e) == here]
            same.sort(key=lambda e: abs(e.trigger_start - event.trigger_start))
            earlier = (
                e
                for e in reversed(filled)
                if teller(event, e) and 0 < here - sentence(e) <= CONTEXT_SENTENCES
            )
            told = same[0] if same else next(earlier, None)
            if told is not None:
                event = replace(
                    event, source=list(told.source), confidence=lowered(event.confidence, 0.1)
                )
        filled.append(event)
    return filled


ANAPHORIC_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "their"})
ANTECEDENT_SENTENCES = 5


def anaphoric(trigger: Token) -> bool:
    """Whether an event noun points back at a happening told before ("the attack", "these
    talks", "their withdrawal"): a definite or possessive determiner."""
    return trigger.pos_ == "NOUN" and any(
        c.dep_ in ("det", "poss") and c.lower_ in ANAPHORIC_DETERMINERS for c in trigger.children
    )


def without_rementions(events: list[Event], doc: Doc, anaphors: set[int]) -> list[Event]:
    """Drop an anaphoric event noun with neither side (`anaphors`: trigger offsets) that points
    back at an earlier event of its type within five sentences: "welcomed the agreement",
    "condemned the strikes" mention a happening the article has already recorded. With no such
    antecedent the noun is the article's first word on the happening, and stays."""
    sentence = sentence_numbers(doc)

    def remention(event: Event) -> bool:
        if event.trigger_start not in anaphors or event.source or event.target:
            return False
        here = sentence(event)
        return any(
            e.type == event.type
            and e.trigger_start < event.trigger_start
            and here - sentence(e) <= ANTECEDENT_SENTENCES
            for e in events
        )

    return [e for e in events if not remention(e)]


# Types whose target an article leaves implicit when it is the other side of the story's
# dyad ("Trump denied the request", "Pyongyang issued a series of warnings").
# Meetings, ceasefires and withdrawals are left alone: their other side is often not the
# story's adversary ("the war cabinet met", "a ceasefire in the east").
PARTNER_TYPES = frozenset(
    {"REQUEST", "REJECT", "ACCUSE", "THREATEN", "SANCTION", "SUPPORT", "CONCEDE", "AGREE", "AID",
     "COOPERATE"}
)  # fmt: skip
PARTNER_EVIDENCE = 2


def story_partner(pairs: dict[str, Counter[str]], country: str) -> str | None:
    """The country an article pairs `country` with most often, if at least twice."""
    best = pairs[country].most_common(1) if country in pairs else []
    return best[0][0] if best and best[0][1] >= PARTNER_EVIDENCE else None


def country_sides(
    events: list[Event], actors: ActorResolution, *, bodies: bool = False
) -> list[tuple[set[str], set[str]]]:
    """The countries of each event's source and of its target; with `bodies`, an
    international body without a country stands for itself (by its actor id)."""
    country = {
        a.id: a.country or (a.id if bodies and a.sector == "IGO" else None)
        for a in (*actors.actors, *actors.latent)
    }

    def countries(ids: list[str]) -> set[str]:
        return {c for c in (country.get(a) for a in ids) if c}

    return [(countries(e.source), countries(e.target)) for e in events]


def names_a_target(trigger: Token, objects: list[Token], lexicon: Lexicon) -> bool:
    """Whether the sentence says what the act is aimed at, actor or not: an object that is no
    event ("called on the international community") or a prepositional complement that is not
    what the act is about ("agreed to a ceasefire", but not "asked for talks")."""
    if any(match_trigger(o, lexicon) is None for o in objects):
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ not in CONTENT_PREPS
        and any(g.dep_ == "pobj" for g in c.children)
        for c in trigger.children
    )


# Prepositions that say what an act is about, not whom: "asked for talks", "called for calm".
CONTENT_PREPS = frozenset({"for", "about", "over", "on"})


@cache
def negotiation_words() -> frozenset[str]:
    """Lemmas of consultations held with a counterpart (data/events/negotiation_words.txt)."""
    return frozenset(data_lines("data/events/negotiation_words.txt"))


def with_partner_targets(
    events: list[Event],
    actors: ActorResolution,
    named_targets: set[int],
    nominal: set[int],
    negotiations: frozenset[int] = frozenset(),
) -> list[Event]:
    """Fill the empty target of a dyadic event with the country the article pairs its source
    with most often (at least twice, in either direction; itself, when its acts fall most on
    its own country), when the sentence names no target of its own (`named_targets`: trigger
    offsets whose object phrase is something other than an event); and the empty source of an
    event noun aimed at one country with that country's partner ("sanctions against Turkey":
    `nominal` offsets). A negotiation (`negotiations`: trigger offsets) is dyadic too."""
    sides = country_sides(events, actors, bodies=True)
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
    for event, (sources, targets) in zip(events, sides, strict=True):
        if event.mode == INTENT_MODE:
            continue  # a promise restates the sides of the act it announces
        for left in sorted(sources):  # sorted: ties fall the same way on every run
            for right in sorted(targets - {left}):
                pairs[left][right] += 1
                pairs[right][left] += 1
            if left in targets:
                # an act of a country on its own people pairs it with itself: in a story of
                # domestic politics a country's own side answers it, not a foreign one
                pairs[left][left] += 1
    filled = []
    for event, (sources, targets) in zip(events, sides, strict=True):
        unnamed = event.trigger_start not in named_targets
        dyadic = event.type in PARTNER_TYPES or event.trigger_start in negotiations
        if dyadic and not event.target and len(sources) == 1 and unnamed:
            partner = story_partner(pairs, next(iter(sources)))
            target = partner_side(partner, event.source, actors)
            if target:
                event = replace(event, target=target, confidence=lowered(event.confidence, 0.1))
        elif (
            event.type in PARTNER_TYPES
            and not event.source
            and len(targets) == 1
            and event.trigger_start in nominal
        ):
            # "sanctions against Turkey are awaiting ratification": by Turkey's counterpart
            partner = story_partner(pairs, next(iter(targets)))
            source = partner_side(partner, event.target, actors)
            if source:
                event = replace(event, source=source, confidence=lowered(event.confidence, 0.1))
        filled.append(event)
    return filled


# Acts that answer another act named as their object: they fall on whoever did it
# ("Kyiv condemned the strikes", "the court rejected the prosecutors' appeal").
ANSWERING_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})
# Acts that undo another act: they fall on whom it fell on ("lifted the sanctions imposed
# on Iran", "released the activists detained in Minsk").
UNDOING_TYPES = frozenset({"CONCEDE", "RETREAT"})
ANSWERED_DEPS = frozenset({"dobj", "nsubjpass"})


def answered_acts(trigger: Token) -> list[Token]:
    """The words of a trigger's clause that name the act it answers: its object, or the
    object of one of its prepositions ("objected to the ban"), and a participle on either
    ("the sanctions imposed on Iran")."""
    heads = [c for c in trigger.children if c.dep_ in ANSWERED_DEPS]
    heads += [
        g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
    ]
    return heads + [c for h in heads for c in h.children if c.dep_ == "acl"]


def with_answered_doers(events: list[Event], trigger_at: dict[int, Token]) -> list[Event]:
    """Fill the empty target of a criticism, rejection or support whose object is another
    event with that event's doer (condemning an attack condemns the attacker, rejecting an
    accusation answers the accuser, as CAMEO codes the answer), and of a concession or
    retreat with whom the act it undoes fell on."""
    by_trigger = {e.trigger_start: e for e in events}
    filled = []
    for event in events:
        token = trigger_at.get(event.trigger_start)
        answering = event.type in ANSWERING_TYPES
        undoing = event.type in UNDOING_TYPES
        if (answering or undoing) and not event.target and token is not None:
            for word in answered_acts(token):
                answered = by_trigger.get(word.idx)
                sides = (answered.source if answering else answered.target) if answered else []
                others = [a for a in sides if a not in event.source]
                if others:
                    event = replace(event, target=others)
                    break
        filled.append(event)
    return filled


ALLEGATION_CLASS = "c10-allegation"  # accusation, allegation, claim, charge (noun_classes.tsv)


def denied_allegation(trigger: Token, lexicon: Lexicon) -> bool:
    """Whether a rejection is aimed at allegations: its object is an allegation noun ("denies
    the allegations"), or it is a relative clause on one ("a charge Kabul rejected")."""
    words = answered_acts(trigger)
    if trigger.dep_ == "relcl":
        words.append(trigger.head)
    return any(ALLEGATION_CLASS in lexicon.noun_classes.get(w.lemma_.lower(), ()) for w in words)


def with_answered_accusers(
    events: list[Event], doc: Doc, trigger_at: dict[int, Token], actors: ActorResolution
) -> list[Event]:
    """Fill the empty target of a denial of allegations ("Beijing denies the allegations")
    with whoever made the last accusation against the denier within five sentences: a
    denial answers its accusers."""
    lexicon = load_lexicon()
    sentence = sentence_numbers(doc)

    def countries(ids: list[str]) -> set[str]:
        return {c for c in (country_of(a, actors) for a in ids) if c} | set(ids)

    filled = []
    for event in events:
        token = trigger_at.get(event.trigger_start)
        if (
            event.type == "REJECT"
            and event.source
            and not event.target
            and token is not None
            and denied_allegation(token, lexicon)
        ):
            here, accused = sentence(event), countries(event.source)
            accusations = [
                e
                for e in events
                if e.type == "ACCUSE"
                and e.trigger_start < event.trigger_start
                and 0 <= here - sentence(e) <= ANTECEDENT_SENTENCES
                and countries(e.target) & accused
                and set(e.source) - set(event.source)
            ]
            if accusations:
                accusers = [a for a in accusations[-1].source if a not in event.source]
                event = replace(event, target=accusers, confidence=lowered(event.confidence, 0.1))
        filled.append(event)
    return filled


def partner_side(partner: str | None, other: list[str], actors: ActorResolution) -> list[str]:
    """The actors standing for a story partner: an international body itself (its actor id),
    else the country's actor (see `territorial_target`)."""
    body = actors.actor(partner) if partner else None
    if body is not None and partner not in other:
        return [body.id]
    return territorial_target(partner, other, actors, at_home=True)


STORY_DYAD_EVIDENCE = 3  # events between the same two countries that make them the story


def story_dyad(
    events: list[Event], sides: list[tuple[set[str], set[str]]]
) -> Counter[tuple[str, str]] | None:
    """The directed counts of the pair of countries an article is about (one country, when
    its events are the country's own conflict): the pair that at least three of its events
    join, and at least half of the events that name a country on both sides."""
    directed: Counter[tuple[str, str]] = Counter()
    for event, (sources, targets) in zip(events, sides, strict=True):
        if event.mode != INTENT_MODE:
            directed.update((s, t) for s in sorted(sources) for t in sorted(targets))
    pairs: Counter[frozenset[str]] = Counter()
    for (left, right), count in directed.items():
        pairs[frozenset((left, right))] += count
    if not pairs:
        return None
    pair, count = pairs.most_common(1)[0]
    if count < STORY_DYAD_EVIDENCE or 2 * count < sum(pairs.values()):
        return None
    return Counter({key: n for key, n in directed.items() if frozenset(key) == pair})


# Sanctions, embargoes and boycotts (CAMEO 163) are imposed by one state on another: in a story
# of one country's politics, one falling on the country has a doer the story does not name.
FOREIGN_MEASURE_CODES = frozenset({"163"})


def doerless(trigger: Token) -> bool:
    """Whether a trigger's clause has no place for its doer: an event noun, or a passive verb
    without a by-agent ("sanctions placed on North Korea", "were killed")."""
    if trigger.pos_ == "NOUN":
        return True
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
    return (passive or trigger.dep_ == "acl") and not any(
        c.dep_ == "agent" for c in trigger.children
    )


def with_story_sides(
    events: list[Event], actors: ActorResolution, unnamed_doers: set[int], embedded: set[int]
) -> list[Event]:
    """Give a dyadic act that names neither side ("the threats") the two countries the
    article is about, in the direction its events of that type take (else the direction most
    of its events take); and an act with no place for its doer that falls on one of the two
    (`unnamed_doers`: trigger offsets; "sanctions placed on North Korea") the other as its
    source. An act named inside another (`embedded`: "rejected calls for elections") is left
    alone. At lower confidence."""
    sides = country_sides(events, actors)
    dyad = story_dyad(events, sides)
    if dyad is None:
        return events
    by_type: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for other, (lefts, rights) in zip(events, sides, strict=True):
        by_type[other.type].update(
            key for key in ((s, t) for s in sorted(lefts) for t in sorted(rights)) if key in dyad
        )
    filled = []
    for event, (_, targets) in zip(events, sides, strict=True):
        aimless = (
            event.type in PARTNER_TYPES
            and not event.source
            and not event.target
            and event.trigger_start not in embedded
        )
        doerless = (
            event.type in PARTNER_TYPES
            and not event.source
            and bool(targets)
            and event.trigger_start in unnamed_doers
        )
        if aimless or doerless:
            fits = [
                key
                for key, _ in (by_type[event.type] + dyad).most_common()
                if not targets or key[1] in targets
            ]
            if fits:
                left, right = fits[0]
                # a country's own state does not sanction it: the imposer stays unnamed
                foreign = left == right and event.cameo in FOREIGN_MEASURE_CODES
                source = [] if foreign else territorial_target(left, [], actors, at_home=True)
                target = event.target or territorial_target(right, source, actors, at_home=True)
                if target and (source or foreign):
                    event = replace(
                        event,
                        source=source,
                        target=target,
                        confidence=lowered(event.confidence, 0.2),
                    )
        filled.append(event)
    return filled


DOMESTIC_SHARE = 0.75  # of the countries events name that must be one for a domestic story


def home_country(sides: list[tuple[set[str], set[str]]]) -> str | None:
    """The country of a domestic story: the one that three quarters of the countries its
    events name on either side are, in three events at least."""
    named: Counter[str] = Counter(c for pair in sides for side in pair for c in sorted(side))
    involved: Counter[str] = Counter(c for pair in sides for c in pair[0] | pair[1])
    if not named:
        return None
    country, count = named.most_common(1)[0]
    domestic = count >= DOMESTIC_SHARE * sum(named.values())
    return country if domestic and involved[country] >= STORY_DYAD_EVIDENCE else None


def violent_at_home(sides: list[tuple[set[str], set[str]]], events: list[Event], home: str) -> int:
    """How many of a story's violent acts a named actor of `home` does at home."""
    return sum(
        event.type in VIOLENT_TYPES and sources == {home} and targets <= {home}
        for event, (sources, targets) in zip(events, sides, strict=True)
    )


def country_actor(country: str, actors: ActorResolution) -> Actor | None:
    """The article's actor for a country itself, or the latent one standing for it."""
    named = (a for a in actors.actors if a.country == country and a.kind == "country")
    return next(named, None) or actors.latent_country(country)


def with_domestic_doers(
    events: list[Event], actors: ActorResolution, unnamed_doers: set[int]
) -> list[Event]:
    """Give violence with no place for its doer (`unnamed_doers`: trigger offsets; "at least
    eight demonstrators were killed") in a story of one country's own conflict, where named
    actors of the country do violence at home twice at least, that country as its source
    (the country, not any one of its actors: the text does not say which), at lower
    confidence; and violence by the country's own actors aimed at no actor ("they attacked
    the hotel") the country as its target, as CAMEO codes domestic violence."""
    sides = country_sides(events, actors)
    home = home_country(sides)
    if home is None or violent_at_home(sides, events, home) < PARTNER_EVIDENCE:
        return events
    country = country_actor(home, actors)
    # an arrest is the state's by definition: its police or security forces when named
    police = max(
        (a for a in actors.actors if a.country == home and a.sector == "COP"),
        key=lambda a: len(a.mentions),
        default=country,
    )
    if country is None:
        return events
    filled = []
    for event, (sources, targets) in zip(events, sides, strict=True):
        at_home = event.location is None or event.location.country == home
        if event.type in VIOLENT_TYPES and sources == {home} and not event.target and at_home:
            event = replace(event, target=[country.id], confidence=lowered(event.confidence, 0.1))
        elif (
            event.type in VIOLENT_TYPES
            and not event.source
            and targets <= {home}
            and event.trigger_start in unnamed_doers
        ):
            doer = police if event.mode == "arrest" else country
            event = replace(
                event,
                source=[doer.id],
                target=event.target or [country.id],
                confidence=lowered(event.confidence, 0.2),
            )
        filled.append(event)
    return filled


# Force whose doer a story leaves unnamed is as often the country's enemy as its own:
# `with_domestic_doers` gives it a doer only where the story shows the country's own violence.
FORCEFUL_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"})
# What a country's state does to no one named, in a story of that country, falls on it.
HOME_TARGET_TYPES = frozenset(
    {"ACCUSE", "REJECT", "REQUEST", "PROTEST", "SANCTION", "COERCE", "CONCEDE"}
)
# Sentences whose events must name a country for a text to be a story of it: one sentence
# with three events ("Trump failed to reach a deal with North Korea ...") is no story.
HOME_STORY_SENTENCES = 3


def with_home_doers(
    events: list[Event], actors: ActorResolution, unnamed_doers: set[int], named_targets: set[int]
) -> list[Event]:
    """In a story of one country, give an act with no place for its doer (`unnamed_doers`:
    trigger offsets; "the candidate was convicted", "talks failed") that falls on nobody
    else that country as its source, force aside; and what the country's own actors accuse,
    reject, demand, sanction or concede aimed at nothing the text names (`named_targets`)
    that country as its target, as CAMEO codes domestic politics. At lower confidence."""
    sides = country_sides(events, actors)
    home = home_country(sides)
    if home is None:
        return events
    told = {
        e.evidence.start for e, pair in zip(events, sides, strict=True) if home in pair[0] | pair[1]
    }
    country = country_actor(home, actors)
    if country is None or len(told) < HOME_STORY_SENTENCES:
        return events
    filled = []
    for event, (_, targets) in zip(events, sides, strict=True):
        if (
            not event.source
            and event.type not in FORCEFUL_TYPES
            and event.cameo not in FOREIGN_MEASURE_CODES
            and targets <= {home}
            and event.trigger_start in unnamed_doers
        ):
            event = replace(event, source=[country.id], confidence=lowered(event.confidence, 0.2))
        if (
            not event.target
            and event.type in HOME_TARGET_TYPES
            and event.trigger_start not in named_targets
            and {country_of(a, actors) for a in event.source} == {home}
        ):
            event = replace(event, target=[country.id], confidence=lowered(event.confidence, 0.1))
        filled.append(event)
    return filled


# Acts only a state's police, courts or jailers do (arrest, detain, convict, sentence).
STATE_ACT_MODES = frozenset({("COERCE", "arrest"), ("SANCTION", "convict")})


def with_arresting_states(events: list[Event], actors: ActorResolution) -> list[Event]:
    """Give an arrest, detention or conviction whose doer the text leaves unnamed ("he was
    arrested in Brooklyn", "Dodik's arrest") the state of the country it happened in, else
    of the people it fell on when the article is about their country: only a state arrests
    or convicts, and it does so on its own soil (an act with no target falls on that
    country, as the own-soil convention codes it)."""
    focus = focus_country(actors)
    filled = []
    for event in events:
        if (event.type, event.mode) in STATE_ACT_MODES and not event.source:
            if event.location is not None and event.location.country:
                country: str | None = event.location.country
            else:
                # the people's own country only where the article is about it: a foreigner
                # may be held anywhere
                countries = {country_of(a, actors) for a in event.target}
                country = countries.pop() if countries == {focus} else None
            # the country itself (not one of its people) stands for its state, and its police
            # for the doer when the article names them, as an arrest is theirs
            state = country_actor(country, actors) if country else None
            if state is not None:
                doer = max(
                    (a for a in actors.actors if a.country == country and a.sector == "COP"),
                    key=lambda a: len(a.mentions),
                    default=state,
                )
                event = replace(event, source=[doer.id], target=event.target or [state.id])
        filled.append(event)
    return filled


# The forces that police and soldier: the doer a mobilisation leaves unnamed is one of them.
FORCE_SECTORS = frozenset({"COP", "MIL"})


def with_mobilising_forces(
    events: list[Event], doc: Doc, actors: ActorResolution, unnamed_doers: set[int]
) -> list[Event]:
    """Give a mobilisation with no place for its doer (`unnamed_doers`: trigger offsets;
    "additional forces were deployed", "security was tightened") the force named last before
    it in its sentence or the two before (of police only, for a raising of police power), else
    for a raising of police power the police the article names most; at lower confidence when
    the force is not named in the event's own sentence. Forces move by someone's order, and
    the story has just said whose forces they are."""
    starts = [s.start_char for s in doc.sents]
    mentions = sorted(
        (
            (m.start, actor)
            for actor in actors.actors
            if actor.sector in FORCE_SECTORS
            for m in actor.acting_mentions
        ),
        key=lambda pair: pair[0],
    )
    police = max(
        (a for a in actors.actors if a.sector == "COP" and a.acting_mentions),
        key=lambda a: len(a.acting_mentions),
        default=None,
    )

    def force(event: Event) -> tuple[Actor | None, bool]:
        """The force, and whether its sentence is the event's own."""
        here = bisect_right(starts, event.trigger_start)
        earliest = starts[max(here - 1 - CONTEXT_SENTENCES, 0)]
        sectors = {"COP"} if event.mode == "police" else FORCE_SECTORS
        named = (
            (actor, start >= starts[here - 1])
            for start, actor in reversed(mentions)
            if earliest <= start < event.trigger_start and actor.sector in sectors
        )
        return next(named, (police if event.mode == "police" else None, False))

    filled = []
    for event in events:
        if event.type == "MOBILIZE" and not event.source and event.trigger_start in unnamed_doers:
            doer, own_sentence = force(event)
            if doer is not None:
                confidence = event.confidence if own_sentence else lowered(event.confidence, 0.1)
                event = replace(event, source=[doer.id], confidence=confidence)
        filled.append(event)
    return filled


RECIPROCAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT"})


# Acts that two sides do to each other whatever their type ("the two armies clashed", "Japan
# and China dispute the islands").
MUTUAL_LEMMAS = frozenset(
    {"clash", "exchange", "trade", "fight", "fighting", "battle", "skirmish", "war", "hostility"}
    | {"dispute", "contest"}
)


def with_reciprocal_partners(events: list[Event], trigger_at: dict[int, Token]) -> list[Event]:
    """Coordinated actors who agree, meet or cooperate with nobody else ("Jordan and Britain
    agreed to hold exercises", "Trump and Putin met"), or who clash or exchange fire, act with
    each other: the first is the source and the others the target, as PLOVER and CAMEO code a
    joint act."""
    paired = []
    for event in events:
        token = trigger_at.get(event.trigger_start)
        lemma = token.lemma_.lower() if token is not None else ""
        mutual = event.type in RECIPROCAL_TYPES or lemma in MUTUAL_LEMMAS
        if mutual and not event.target and len(event.source) > 1:
            event = replace(event, source=event.source[:1], target=event.source[1:])
        paired.append(event)
    return paired


# Armed groups that are not a state's forces: their violence at home falls on their country.
NON_STATE_ARMED = frozenset({"REB", "INS", "SEP", "UAF"})
# Verbal conflict a country's own people voice, and the sectors that speak for its state.
DOMESTIC_VOICE_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "PROTEST"})
STATE_VOICE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "IGO"})
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE"})
# What undoes force: a ceasefire, a curfew eased, a release.
YIELDING_TYPES = frozenset({"RETREAT", "CONCEDE"})


def with_domestic_targets(
    events: list[Event], actors: ActorResolution, named_targets: set[int]
) -> list[Event]:
    """Fill the empty target of violence by armed groups of one country, which the text aims
    at nothing ("the rebels relaunched hostilities", "al-Shabab claimed the attack"), with that
    country, as CAMEO codes domestic violence; after the story partner had its say. Violence
    aimed at something the text names ("fired missiles at ships", `named_targets`) is left:
    the object says where it fell."""
    filled = []
    for event in events:
        sources = [actors.actor(a) for a in event.source]
        armed = sources and all(a and a.sector in NON_STATE_ARMED for a in sources)
        aimless = not event.target and event.trigger_start not in named_targets
        if event.type in VIOLENT_TYPES and aimless and armed:
            target = home_target(event, actors)
            if target:
                event = replace(event, target=target)
        filled.append(event)
    return filled


def home_target(event: Event, actors: ActorResolution) -> list[str]:
    """The actor standing for the one country all of an event's sources belong to, if they
    all belong to one (see `territorial_target`)."""
    countries = {a.country if a else None for a in map(actors.actor, event.source)}
    if len(countries) != 1 or None in countries:
        return []
    return territorial_target(next(iter(countries)), event.source, actors)


def generic_addressee(trigger: Token, actors: ActorResolution) -> bool:
    """Whether a verb is addressed to a bare plural that is no actor ("urged nations to look
    beyond their interests", "is urging like-minded governments to sign"): anyone who hears
    it, not the speaker's own country."""
    return any(
        c.dep_ == "dobj"
        and c.tag_ == "NNS"
        and c.i not in actors.token_actor
        and not any(g.dep_ in ("det", "poss", "nummod") for g in c.children)
        for c in trigger.children
    )


def with_domestic_answers(
    events: list[Event], actors: ActorResolution, generic: frozenset[int] = frozenset()
) -> list[Event]:
    """Fill the empty target of what a country's own people, opposition, courts or press
    denounce, reject, demand or protest ("opposition parties rejected the budget", "the
    journalist denies the charges") with their own country, as CAMEO codes domestic
    politics, and what an international body with no country says with the country the story
    is about; once restatements are merged, so that a fill does not split them. A request
    addressed to a generic audience (`generic`: trigger offsets) is left without one."""
    focus = focus_country(actors)
    filled = []
    for event in events:
        if event.type == "REQUEST" and event.trigger_start in generic:
            filled.append(event)
            continue
        sources = [actors.actor(a) for a in event.source]
        voiced = (
            event.type in DOMESTIC_VOICE_TYPES
            and not event.target
            and all(a and a.sector not in STATE_VOICE_SECTORS for a in sources)
        )
        if sources and voiced:
            target = home_target(event, actors)
            if target:
                event = replace(event, target=target)
        # "UNICEF demanded an end to the hostilities": a body speaks of the story's country
        bodies = sources and all(a and a.sector == "IGO" and not a.country for a in sources)
        if bodies and event.type in DOMESTIC_VOICE_TYPES and not event.target:
            target = territorial_target(focus, event.source, actors)
            if target:
                event = replace(event, target=target, confidence=lowered(event.confidence, 0.1))
        filled.append(event)
    return filled


VISITING_MODES = frozenset({"visit"})
# Sectors of people whose journeys are their own: civilians and refugees, not officials.
TRAVELLER_SECTORS = frozenset({"CVL", "REF"})


def private_journey(candidate: Candidate, actors: ActorResolution) -> bool:
    """Whether a verb of visiting leaves out the visitor or the visited, or its visitors are
    ordinary people: a visit is an event between actors, and one that names no visitor or no
    one visited is a private journey ("the train was traveling north", "foreigners have
    traveled to Vietnam", "barred from visiting parks"), as is migration ("thousands of
    Somalis arrived in Kenya"); a trip named by a noun may still get its sides from the story."""
    visiting = candidate.entry.mode in VISITING_MODES and candidate.token.pos_ == "VERB"
    visitors = [a for a in actors.actors if a.id in candidate.source]
    travellers = bool(visitors) and all(a.sector in TRAVELLER_SECTORS for a in visitors)
    return visiting and (travellers or not (candidate.source and candidate.target))


# Acts one actor does against another (sanctions, threats): with no actor on either side there
# is no act between actors to code, only a sense outside politics ("the city suspended its
# bike-sharing program", "a tariff freeze", "the airline threatened to cancel flights").
# Support and aid are left out: PLOVER sentences code them with sides the parse misses.
DIRECTED_TYPES = frozenset({"SANCTION", "THREATEN"})


def without_unsided_acts(events: list[Event]) -> list[Event]:
    """The events but the acts one actor does against another (sanctions, threats) that neither
    the sentence nor the story gives an actor on either side."""
    return [e for e in events if e.source or e.target or e.type not in DIRECTED_TYPES]


def stands_alone(trigger: Token) -> bool:
    """Whether a trigger with no actor on either side is still an event worth keeping: a verb
    heading a clause of its own ("150 people were arrested", "protesters were fired on"), or
    an event noun wherever it stands ("new protests erupted", "since talks failed", "claimed
    responsibility for the attack"): a coder codes the happening even when the text leaves
    its sides to the context. A modifier ("attack helicopters", "striking workers") is no
    event, nor is a predicate noun, which describes rather than reports ("there was a threat",
    "that should never have been a pause")."""
    trigger = phrase_head(trigger)  # "launched a mediation effort": the effort stands for it
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("attr", "oprd"):
        return False
    return trigger.dep_ not in ("amod", "compound", "nmod")  # nor "high-threat detainees"


def embedded(trigger: Token) -> bool:
    """Whether the trigger sits inside another predicate's clause or object rather than
    heading the sentence ("condemned the bombing", "urged them to withdraw")."""
    return trigger.dep_ != "ROOT" and not (trigger.dep_ == "conj" and trigger.head.dep_ == "ROOT")


MIN_CONFIDENCE = 0.05


def lowered(confidence: float, by: float) -> float:
    """A confidence lessened for a side inferred, never below the least an event keeps."""
    return max(MIN_CONFIDENCE, confidence - by)


def confidence(candidate: Candidate, modality: Modality) -> float:
    """How sure the event is, from how it was found.

    Modality cues are read less reliably than plain assertions, so a non-asserted event
    loses a little; so does an event embedded under another predicate, which the sentence
    mentions rather than reports, and more so background (a descriptive participle, a
    relative clause).
    """
    light = light_verb(candidate.token)
    clause = light or candidate.token
    score = 0.45 - (0.1 if modality is not Modality.ASSERTED else 0.0)
    score += 0.25 if candidate.source else 0.0
    score += 0.15 if candidate.target else 0.0
    score += 0.1 if clause.pos_ == "VERB" else 0.0
    score -= 0.15 if candidate.inferred_source and light is None else 0.0
    score -= 0.05 if embedded(clause) else 0.0
    score -= 0.15 if background(clause) else 0.0
    score -= DEPTH_PENALTY * min(clause_depth(clause), MAX_DEPTH)
    return max(MIN_CONFIDENCE, min(score, 0.95))


def light_verb(trigger: Token) -> Token | None:
    """The light verb whose object a nominal trigger is ("Iran held talks", "they signed an
    agreement", "talks were held", "expressed its rejection and condemnation"), or the verb
    of state whose "on" phrase it is ("remained on alert"): the verb and its noun say one act,
    reported in the verb's clause, and the verb's subject is its doer as a verb's own subject
    is, not a side inferred."""
    if trigger.pos_ != "NOUN":
        return None
    while trigger.dep_ == "conj" and trigger.head.pos_ == "NOUN":
        trigger = trigger.head  # "expressed its rejection and condemnation"
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "on" and trigger.head.dep_ == "prep":
        verb = trigger.head.head  # "troops remained on alert", "workers went on strike"
        state = verb.pos_ == "VERB" and governing_verbs().get(verb.lemma_.lower()) == "state"
        return verb if state else None
    if trigger.dep_ not in ("dobj", "nsubjpass") or trigger.head.pos_ != "VERB":
        return None
    return trigger.head if governing_verbs().get(trigger.head.lemma_.lower()) == "light" else None


# Dependencies that open a clause or phrase below the one they hang on: an event told there is
# told about ("a mediation effort designed to help them reach a deal": the reaching), not what
# the sentence reports. A light verb's object ("launched an investigation") opens none.
NESTING_DEPS = frozenset(
    {"advcl", "xcomp", "ccomp", "acl", "relcl", "csubj", "pcomp", "parataxis", "pobj"}
)
DEPTH_PENALTY = 0.05
MAX_DEPTH = 3


def clause_depth(trigger: Token) -> int:
    """How many clauses or prepositional phrases down from its sentence's root a trigger is."""
    return sum(1 for t in (trigger, *trigger.ancestors) if t.dep_ in NESTING_DEPS)


def background(trigger: Token) -> bool:
    """Whether a trigger tells background rather than what the sentence reports: a participle
    describing a noun ("the coalition fighting the rebels", "a Russia-backed offensive") or
    anything inside a relative clause ("a student who had been arrested on terrorism charges",
    "a pact that was designed to pave the way for talks")."""
    participle = trigger.tag_ in ("VBG", "VBN") and trigger.head.pos_ in ("NOUN", "PROPN")
    if participle and trigger.dep_ in ("acl", "amod"):
        return True  # also "a Russia-backed offensive"
    return any(t.dep_ == "relcl" for t in (trigger, *trigger.ancestors))


def _anchors(trigger: Token) -> list[Token]:
    chain, reporter = governing_chain(trigger)
    # the act's own phrases, then its object's ("imposed a curfew on Basra")
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    objects = [
        g for h in heads for c in h.children if c.dep_ == "prep" for g in c.children
        if g.dep_ == "pobj"
    ]  # fmt: skip
    # "the attacks it carried out in Kenya": the light verb of a relative clause performs the
    # noun's event, and its place is the event's
    performing = light_relative_clauses(trigger) if trigger.pos_ == "NOUN" else []
    return objects + chain[1:] + performing + ([reporter] if reporter is not None else [])


# An attack or a coercive act on a country's soil targets that country when the text names no
# other target ("an Israeli air strike on a building in central Beirut" -> Lebanon), and so do
# a ceasefire or withdrawal there, a sanction or suspension of aid there and a concession made
# there ("declared a ceasefire in Idlib" -> Syria; workers calling off a strike concede to
# their own country), as PLOVER codes the place. Armed
# groups and unnamed attackers acting in their own country target it too, as CAMEO codes
# domestic violence ("rebels attacked villages in the north"); a state acting on its own soil
# does not target itself.
TERRITORIAL_TYPES = frozenset(
    {"ASSAULT", "COERCE", "AID", "MOBILIZE", "RETREAT", "SANCTION", "CONCEDE"}
)
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def territorial_target(
    country: str | None, source: list[str], actors: ActorResolution, *, at_home: bool = False
) -> list[str]:
    """The article's actor standing for the country an event took place in (the country
    itself, else its government, else another of its actors), unless the source is that
    country's state and the event falls on no people (`at_home`: "detained 220 people")."""
    if country is None:
        return []
    sources = [a for a in actors.actors if a.id in source]
    if not at_home and any(a.country == country and a.sector in STATE_SECTORS for a in sources):
        return []
    candidates = [
        a
        for a in actors.actors
        if a.country == country and a.id not in source and a.sector not in OUTLET_SECTORS
    ]
    candidates.sort(key=lambda a: (a.kind != "country", a.sector != "GOV"))
    # a rebel group or the victims do not stand for their country; the country does
    state = any(a.kind == "country" or a.sector in STATE_SECTORS for a in candidates)
    latent = actors.latent_country(country)
    if not state and latent is not None:
        return [latent.id]
    return [a.id for a in candidates[:1]]


def places_targets(
    places: list[Location], candidate: Candidate, actors: ActorResolution, *, at_home: bool
) -> list[str]:
    """The territorial targets of an act on several coordinated places, one per country, in
    order ("attacks in Iraq and Syria": both)."""
    found: list[str] = []
    for place in places:
        for actor_id in territorial_target(
            place.country, candidate.source, actors, at_home=at_home
        ):
            if actor_id not in found:
                found.append(actor_id)
    return found or candidate.target


def promised_place_target(
    trigger: Token, source: list[str], actors: ActorResolution, lexicon: Lexicon
) -> list[str]:
    """The country where a promised act that is no event of its own is to happen ("agreed to
    set up a research centre in Mumbai", "pledged to build a port in Sri Lanka"): PLOVER codes
    the place that gains by the promise as its target. An act that is an event ("agreed to
    hold talks in Geneva") keeps its own sides: a venue is no target."""
    for act in announced_acts(trigger):
        match = match_trigger(act, lexicon)
        if match is not None and match[0].type != NOT_AN_EVENT:
            continue
        place = event_location(act, [])
        if place is not None:
            return territorial_target(place.country, source, actors, at_home=True)
    return []


def addresses_people(objects: list[Token]) -> bool:
    """Whether an act is addressed to people rather than an actor ("urged the population")."""
    return any(o.lemma_.lower() in person_nouns() for o in objects)


def own_people(source: list[str], actors: ActorResolution) -> list[str]:
    """The actor standing for the one country all of `source` belongs to, as its people."""
    countries = {a.country for a in map(actors.actor, source) if a}
    if len(countries) != 1:
        return []
    return territorial_target(next(iter(countries)), source, actors, at_home=True)


def focus_country(actors: ActorResolution) -> str | None:
    """The country most of an article's actor mentions belong to (two mentions at least)."""
    counts: dict[str, int] = {}
    for actor in actors.actors:
        if actor.country:
            counts[actor.country] = counts.get(actor.country, 0) + len(actor.mentions)
    if not counts:
        return None
    country, count = max(counts.items(), key=lambda item: item[1])
    return country if count >= 2 else None


def evidence_of(sentence: Span) -> Evidence:
    """The sentence as evidence, without surrounding whitespace."""
    text = sentence.text
    start = sentence.start_char + len(text) - len(text.lstrip())
    stripped = text.strip()
    return Evidence(stripped, start, start + len(stripped))


def find_events(
    doc: Doc,
    *,
    actors: ActorResolution,
    times: list[TimeExpression],
    citations: list[Citation],
    published: date | None,
    quantities: Iterable[Quantity] = (),
    quotes: Iterable[Quote] = (),
) -> list[Event]:
    """The events of a parsed article, in text order, with ids e1, e2...

    Casualty counts ("killing at least 12 people and injuring 90") go to the nearest
    violent event of their sentence.
    """
    lexicon = load_lexicon()
    focus = focus_country(actors)
    named_targets: set[int] = set()  # triggers whose object the text names, actor or not
    events = []
    triggers: list[Token] = []
    quoted = [q for q in quotes if q.speaker]
    for candidate in candidates(doc, actors, lexicon):
        if charged_offence(candidate.token):
            continue  # "sentenced for the murder of two policemen": the charge's content
        if candidate.speaker_says:
            candidate.source = speaker_of(candidate.token, quoted)
            if not candidate.source or set(candidate.source) & set(candidate.target):
                continue  # the writer's own judgement, or a speaker judging itself
        if not candidate.source:
            candidate.source = quoted_speaker(candidate.token, quoted)
        unsided = not candidate.source and not candidate.target
        if (unsided and not stands_alone(candidate.token)) or private_journey(candidate, actors):
            continue
        token = candidate.token
        triggers.append(token)
        event_type, mode, cameo, contexts = refine(candidate, lexicon, actors)
        # a demand or accusation made by saying so is as real as the saying of it
        said = candidate.stated_by or token
        reading = event_modality(said, event_type=event_type, lexicon=lexicon, citations=citations)
        if candidate.speaker_says and reading.modality is Modality.REPORTED_CLAIM:
            # "I am concerned," she told VOA: the words are the act, made to the outlet, not
            # a claim it reports
            reading = replace(reading, modality=Modality.ASSERTED)
        if candidate.saying_is_the_act or (
            reading.modality is Modality.NEGATED and candidate.denial_is_the_act
        ):
            reading = replace(reading, modality=Modality.ASSERTED)
        if reading.modality is Modality.NEGATED and held_stance(token, event_type):
            # "Dodik does not recognize the court": withholding support is a rejection
            event_type, mode, cameo = "REJECT", None, intent_codes()[event_type][1]
            reading = replace(reading, modality=Modality.ASSERTED)
        anchors = _anchors(token)
        location = event_location(token, anchors)
        objects = object_phrases(token, candidate.entry)
        if location is None and not candidate.target:
            location = place_object([o for o in objects if o.i not in actors.token_actor])
        if location is None and not candidate.target and event_type == "AID":
            location = purpose_place(token)
        if event_type in TERRITORIAL_TYPES and not candidate.target:
            # a place names the country; an object that is no actor ("attacked villages",
            # "2,400 people were arrested") is the article's country's
            if location is not None:
                country = location.country
            elif objects:
                country = focus
            else:
                country = None
            victims = any(o.lemma_.lower() in person_nouns() for o in objects)
            # force used on one's own soil falls on one's own country, as CAMEO codes it, and
            # so does force eased there ("declared a ceasefire in Tripoli"); a withdrawal
            # only leaves a place
            on_land = location is not None and location.name not in sea_names()
            eased = event_type in YIELDING_TYPES and mode != "withdraw"
            domestic = victims or ((event_type in VIOLENT_TYPES or eased) and on_land)
            candidate.target = territorial_target(
                country, candidate.source, actors, at_home=domestic
            )
            if location is not None and candidate.target:
                candidate.target = places_targets(
                    coordinated_places(token, anchors), candidate, actors, at_home=domestic
                )
        if event_type == "AGREE" and not candidate.target:
            candidate.target = promised_place_target(token, candidate.source, actors, lexicon)
        if event_type == "REQUEST" and not candidate.target and addresses_people(objects):
            # "urged residents to stay calm": an appeal to a country's people, as CAMEO codes it
            candidate.target = own_people(candidate.source, actors)
        if names_a_target(token, objects, lexicon):
            named_targets.add(token.idx)
        sentence = token.sent
        events.append(
            Event(
                id=f"e{len(events) + 1}",
                type=event_type,
                trigger=token.text,
                trigger_start=token.idx,
                trigger_end=token.idx + len(token),
                evidence=evidence_of(sentence),
                modality=reading.modality,
                mode=mode,
                contexts=list(contexts),
                cameo=cameo,
                goldstein=lexicon.goldstein.get(cameo),
                quad_class=lexicon.quad_class.get(event_type),
                source=candidate.source,
                target=candidate.target,
                date=event_date(
                    token, anchors, times, published, modality=reading.modality, quotes=quoted
                ),
                location=location,
                reported_by=reading.reported_by,
                confidence=confidence(candidate, reading.modality),
            )
        )
    trigger_at = {t.idx: t for t in triggers}
    events = with_intents(events, trigger_at, lexicon, times, published)
    # Only the triggers need classifying: no pass over every token of the article.
    verbal = {t.idx for t in triggers if t.pos_ in ("VERB", "AUX")}
    # a noun, a participle adjunct ("…, killing 12") or a reduced relative ("the missiles
    # fired by Israel struck …") can restate its clause's event
    restating = {
        t.idx
        for t in triggers
        if t.pos_ == "NOUN"
        or (t.tag_ == "VBG" and t.dep_ in ("advcl", "acl"))
        or (t.tag_ == "VBN" and t.dep_ == "acl" and not any(c.dep_ in SUBJECTS for c in t.children))
    }
    # "two bombs exploded" names its doer; "the strikes destroyed …" names an event, whose
    # doer the context gives
    subject_named = {
        t.idx
        for t in triggers
        if any(c.dep_ in SUBJECTS and match_trigger(c, lexicon) is None for c in t.children)
    }
    events = with_context_sources(events, doc, subject_named)
    events = without_rementions(events, doc, {t.idx for t in triggers if anaphoric(t)})
    events = with_reciprocal_partners(events, trigger_at)
    events = with_failures_to_agree(events, trigger_at, lexicon)
    nominal = {t.idx for t in triggers if t.pos_ == "NOUN"}
    events = with_answered_doers(events, trigger_at)
    events = with_answered_accusers(events, doc, trigger_at, actors)
    negotiations = frozenset(
        t.idx for t in triggers if t.lemma_.lower() in negotiation_words() and t.idx in trigger_at
    )
    events = with_partner_targets(events, actors, named_targets, nominal, negotiations)
    events = with_domestic_targets(events, actors, named_targets)
    events = without_restatements(events, verbal, restating, actors)
    generic = frozenset(t.idx for t in triggers if generic_addressee(t, actors))
    events = with_domestic_answers(events, actors, generic)
    purposes = {t.idx: t.head.idx for t in triggers if t.dep_ == "advcl" and infinitival(t)}
    events = without_purposes(events, purposes)
    # a noun in a prepositional phrase ("prior to his meeting"), not one a verb makes happen
    nouns = {t.idx for t in triggers if t.pos_ == "NOUN" and t.dep_ == "pobj"}
    events = without_unmarked_echoes(events, nouns, actors)
    # an act named as the object of another ("rejected calls for elections") is someone
    # else's, whom the story's pair does not tell
    answered = {t.idx for t in triggers if t.pos_ == "NOUN" and t.head.idx in trigger_at}
    unnamed_doers = {t.idx for t in triggers if doerless(t)} - answered
    events = with_story_sides(events, actors, unnamed_doers, answered)
    events = with_domestic_doers(events, actors, unnamed_doers)
    events = with_home_doers(events, actors, unnamed_doers, named_targets)
    events = with_mobilising_forces(events, doc, actors, unnamed_doers)
    events = with_arresting_states(events, actors)
    events = with_announced_targets(events, trigger_tokens(events, doc), actors)
    events = with_conditioned_refusals(events, trigger_tokens(events, doc), actors)
    events = on_announced_acts(events, trigger_tokens(events, doc))
    events = without_unsided_acts(events)
    attach_casualties(events, quantities)
    attach_caused_deaths(events, trigger_at)
    return [replace(e, id=f"e{i}") for i, e in enumerate(events, 1)]


# Words that state an intent to do what their clause says: the future auxiliaries and the
# adjectives of readiness ("is willing to withdraw").
INTENT_AUXILIARIES = frozenset({"will", "would", "'ll", "shall", "wo"})
INTENT_ADJECTIVES = frozenset({"willing", "ready", "prepared"})


@cache
def intent_codes() -> dict[str, tuple[str, str, str]]:
    """Announced act type -> the type of its announcement (AGREE, THREATEN) and the CAMEO
    codes of the announcement and of a refusal (data/events/intents.tsv)."""
    return {
        r["act"]: (r["promise"], r["refusal"], r["stated"])
        for r in data_table("data/events/intents.tsv")
    }


# Acts whose denial in the present is a stance of its own: not supporting, not recognising, not
# cooperating with, not agreeing to.
STANCE_TYPES = frozenset({"SUPPORT", "COOPERATE", "AGREE"})
PRESENT_AUXILIARIES = frozenset({"do", "does"})


def held_stance(trigger: Token, event_type: str) -> bool:
    """Whether a denied act states a present stance ("does not recognize", "no longer
    supports") rather than an act that did not happen ("did not sign") or one announced
    ("will not cooperate": the announcement is the refusal, see `with_intents`)."""
    if event_type not in STANCE_TYPES or trigger.pos_ != "VERB":
        return False
    auxiliaries = [c.lower_ for c in trigger.children if c.dep_ == "aux"]
    if auxiliaries:
        return all(a in PRESENT_AUXILIARIES for a in auxiliaries)
    return trigger.tag_ in ("VBZ", "VBP")


def speaking_verb(trigger: Token) -> Token | None:
    """The verb through which an act is stated: the trigger, or the light verb an event noun
    is the object of ("will hold talks"); None under another verb ("will require support"
    states a need, not an intent to support)."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        return light_verb(trigger)
    return trigger


def intent_word(trigger: Token, cues: dict[tuple[str, str], str]) -> Token | None:
    """The word by which the act's own doer states it will do it: "will" in "Farc said it
    will release", "willing" in "Egypt is willing to withdraw", "will" in "Obama will hold
    talks" (an event noun speaks through its verb), "hesitate" in "we will not hesitate to
    strike" (through the negated verb that commits to it); None for a plain report."""
    trigger = speaking_verb(trigger)
    if trigger is None or embedded_question(trigger, cues):
        return None  # "asked if he would meet Putin" states no intent
    if forecast(trigger, cues):
        return None  # "it is unlikely that Pyongyang will return": no pledge by Pyongyang
    if trigger.dep_ == "xcomp" and negated_litotes(trigger.head, cues):
        trigger = trigger.head
        return next((c for c in trigger.children if c.lower_ in INTENT_AUXILIARIES), None)
    aux = next(
        (c for c in trigger.children if c.dep_ == "aux" and c.lower_ in INTENT_AUXILIARIES), None
    )
    if aux is not None:
        return aux
    head = trigger.head
    if trigger.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lower_ in INTENT_ADJECTIVES:
        return head
    return None


def forecast(clause: Token, cues: dict[tuple[str, str], str]) -> bool:
    """Whether a clause is what a word of likelihood forecasts ("makes it unlikely Washington
    will end the freeze", "it is likely that they will meet"): data/events/modality.tsv, scope
    `likelihood`."""
    if clause.dep_ != "ccomp":
        return False
    head = clause.head
    words = [head, *(c for c in head.children if c.dep_ == "acomp")]
    return any(("likelihood", w.lower_) in cues for w in words)


NO_CODE = "-"
INTENT_MODE = "intent"


def has_doer(event: Event, trigger: Token) -> bool:
    """Whether the act has a doer who can state an intent: a source actor, or a personal
    pronoun the resolver left unlinked ("they will not end the strike")."""
    if event.source:
        return True
    verb = speaking_verb(trigger)
    if verb is not None and verb.dep_ == "xcomp":
        verb = verb.head  # the controller's subject does it: "we will not hesitate to strike"
    return verb is not None and any(
        c.dep_ == "nsubj" and c.lower_ in PERSONAL_PRONOUNS for c in verb.children
    )


def statement_date(
    act: Token, times: list[TimeExpression], published: date | None
) -> EventDate | None:
    """When an intent was stated: the date of the verb reporting it ("…, the Kremlin said on
    Monday"), else the publication date; not the date of the act announced ("next month")."""
    verbs = speech_verbs()
    reporter = next((a for a in act.ancestors if a.lemma_.lower() in verbs), None)
    if reporter is not None:
        return event_date(reporter, _anchors(reporter), times, published)
    return EventDate(published.isoformat(), "day", None) if published else None


def with_intents(
    events: list[Event],
    trigger_at: dict[int, Token],
    lexicon: Lexicon,
    times: list[TimeExpression],
    published: date | None,
) -> list[Event]:
    """Add the promise or refusal an actor makes when it says it will, or will not, yield, aid,
    meet, cooperate or support, and the threat it makes when it says it will attack, coerce,
    sanction or protest: PLOVER codes the statement (AGREE, REJECT, THREATEN), which was made,
    whatever becomes of the act, itself kept as planned or negated."""
    codes = intent_codes()
    stated: list[Event] = []
    for event in events:
        token = trigger_at.get(event.trigger_start)
        word = (
            intent_word(token, lexicon.modality_cues)
            if token is not None and has_doer(event, token)
            else None
        )
        refusal = event.modality is Modality.NEGATED
        cameo = codes[event.type][1 if refusal else 0] if event.type in codes else NO_CODE
        if cameo != NO_CODE and not refusal and codes[event.type][2] == "THREATEN":
            # a threat is a decided act announced ("will", "would … if"), not one weighed
            # ("would consider sanctions"), nor one a warning already states ("warned that …")
            decided = event.modality in (Modality.PLANNED, Modality.CONDITIONAL)
            warned = token is not None and any(
                (entry := lexicon.triggers.get(("verb", a.lemma_.lower()))) is not None
                and entry.type == "THREATEN"
                for a in token.ancestors
            )
            cameo = cameo if decided and not warned else NO_CODE
        if word is not None and cameo != NO_CODE:
            modality = (
                Modality.REPORTED_CLAIM
                if event.modality is Modality.REPORTED_CLAIM
                else Modality.ASSERTED
            )
            stance = "REJECT" if refusal else codes[event.type][2]
            statement = stated_by(event, word, stance, cameo, modality, INTENT_MODE, lexicon)
            stated.append(replace(statement, date=statement_date(token, times, published)))
        stated.append(event)
    return stated


def on_announced_acts(events: list[Event], trigger_at: dict[int, Token]) -> list[Event]:
    """Statements of intent marked on the act they announce, as coders mark them: the
    promise in "Japan will provide aid" is on "provide", the refusal in "was not ready to
    sign" on "sign"; the auxiliary or adjective stays the statement's word until every side
    is filled."""
    acts = {e.trigger_start: e for e in events if e.mode != INTENT_MODE}
    moved = []
    for event in events:
        word = trigger_at.get(event.trigger_start) if event.mode == INTENT_MODE else None
        act = announced_act_event(word, acts) if word is not None else None
        moved.append(
            replace(
                event,
                trigger=act.trigger,
                trigger_start=act.trigger_start,
                trigger_end=act.trigger_end,
            )
            if act is not None
            else event
        )
    return moved


def announced_act_event(word: Token, acts: dict[int, Event]) -> Event | None:
    """The event of the act a statement's word announces: on the act's verb, on the event
    noun a light verb takes ("will hold talks"), or on the act a verb of readiness or of
    restraint takes ("will not hesitate to strike")."""
    for verb in announced_acts(word):
        objects = [c for c in verb.children if c.dep_ in ("dobj", "xcomp")]
        near = [verb, *objects, *(c for x in objects for c in x.children if c.dep_ == "dobj")]
        found = next((acts[t.idx] for t in near if t.idx in acts), None)
        if found is not None:
            return found
    return None


def stated_by(
    event: Event,
    word: Token,
    event_type: str,
    cameo: str,
    modality: Modality,
    mode: str | None,
    lexicon: Lexicon,
) -> Event:
    """The statement an act's words make ("will" promising it, "failed" rejecting it): an
    event of its own on `word`, with the act's sides, a little surer than the act."""
    return replace(
        event,
        type=event_type,
        trigger=word.text,
        trigger_start=word.idx,
        trigger_end=word.idx + len(word),
        modality=modality,
        mode=mode,
        cameo=cameo,
        goldstein=lexicon.goldstein.get(cameo),
        quad_class=lexicon.quad_class.get(event_type),
        confidence=min(0.95, event.confidence + 0.1),
    )


AGREEMENT_TYPES = frozenset({"AGREE", "SUPPORT"})
FAILED_AGREEMENT_CODE = "127"  # reject plan, agreement to settle dispute


def with_failures_to_agree(
    events: list[Event], trigger_at: dict[int, Token], lexicon: Lexicon
) -> list[Event]:
    """Add the rejection that failing to agree is ("failed to reach a deal", "failed to
    agree on a ceasefire"): PLOVER codes the failure, which happened, as REJECT; the agreement
    itself stays negated."""
    found: list[Event] = []
    for event in events:
        token = trigger_at.get(event.trigger_start)
        failed = (
            token is not None
            and event.type in AGREEMENT_TYPES
            and event.modality is Modality.NEGATED
            and token.dep_ == "xcomp"
            and token.head.lemma_.lower() == "fail"
        )
        if failed:
            found.append(
                stated_by(
                    event,
                    token.head,
                    "REJECT",
                    FAILED_AGREEMENT_CODE,
                    Modality.ASSERTED,
                    None,
                    lexicon,
                )
            )
        found.append(event)
    return found


# Statements and answers whose target is whom the act they announce or accept falls on:
# "agreed to reopen its borders for South Koreans", "refused to let EU airlines land".
STATEMENT_TYPES = frozenset({"AGREE", "REJECT", "CONCEDE", "THREATEN", "SUPPORT"})


def announced_acts(trigger: Token) -> list[Token]:
    """The acts a statement's word announces: the verb of "will" or "willing to", else the
    to-infinitives the verb takes, one clause deep and then the next."""
    if trigger.dep_ == "aux":
        return [trigger.head]
    acts = [c for c in trigger.children if complement_act(c)]
    return acts + [c for act in acts for c in act.children if complement_act(c)]


AGREED_PREPS = frozenset({"to", "on"})


def agreed_acts(trigger: Token) -> list[Token]:
    """The acts a statement names as its prepositional object: "agreed to a ceasefire in
    eastern Ukraine", "agreed on a withdrawal": the nominal form of "agreed to withdraw"."""
    return [g for g in prep_objects(trigger, AGREED_PREPS) if g.pos_ == "NOUN"]


def complement_act(clause: Token) -> bool:
    """Whether a clause is an act a verb announces: its infinitive ("agreed to reopen"), not a
    gerund that reports a fact ("denied sending weapons")."""
    return clause.dep_ in ("xcomp", "ccomp") and (clause.tag_ == "VB" or infinitival(clause))


def trigger_tokens(events: list[Event], doc: Doc) -> dict[int, Token]:
    """Each event's trigger token by its character offset, statement words included."""
    spans = (doc.char_span(e.trigger_start, e.trigger_end) for e in events)
    return {span[0].idx: span[0] for span in spans if span is not None and len(span)}


@cache
def permission_verbs() -> frozenset[str]:
    """Verbs of letting someone act (data/events/permission_verbs.txt)."""
    return frozenset(data_lines("data/events/permission_verbs.txt"))


def permitted_actors(act: Token, actors: ActorResolution) -> list[str]:
    """Whom an act of letting lets act: "allow two airlines to land" -> the airlines."""
    if act.lemma_.lower() not in permission_verbs():
        return []
    let = [c for c in act.children if c.dep_ == "dobj"]
    let += [s for c in act.children if c.dep_ == "ccomp" for s in c.children if is_subject(s)]
    return [a for token in let for a in actors_in(token, actors)]


def with_announced_targets(
    events: list[Event], trigger_at: dict[int, Token], actors: ActorResolution
) -> list[Event]:
    """Give a statement or answer without a target the target of the act it announces, once
    every act has its sides, or whom it lets act ("refused to allow the airlines to land")."""
    targets = {e.trigger_start: e.target for e in events if e.target}
    filled = []
    for event in events:
        token = trigger_at.get(event.trigger_start)
        if event.target or event.type not in STATEMENT_TYPES or token is None:
            filled.append(event)
            continue
        acts = announced_acts(token) + agreed_acts(token)
        inherited = next(
            (
                [a for a in aimed if a not in event.source]
                for act in acts
                if (aimed := targets.get(act.idx) or permitted_actors(act, actors))
            ),
            [],
        )
        # "willing to provide weapons alongside aid to Ukraine": an act inside the act's own
        # phrase may name whom it falls on when the act's verb does not
        inherited = inherited or next(
            (
                [a for a in aimed if a not in event.source]
                for act in acts
                for part in act_phrase(act)
                if (aimed := targets.get(part.idx))
            ),
            [],
        )
        filled.append(replace(event, target=inherited) if inherited else event)
    return filled


# Conjunctions of a condition an act waits on: "will not end the strike until the government
# pays", "will not withdraw unless NATO guarantees".
REFUSAL_CONDITIONS = DEADLINE_PREPOSITIONS | {"unless"}


def condition_parties(act: Token, source: list[str], actors: ActorResolution) -> list[str]:
    """Who must act first for a refused act to happen: the first actor, other than the one
    refusing, that is a subject in the act's until- or unless-clause ("will not lift the
    embargo until Cuba undertakes reforms" -> Cuba)."""
    conditions = [
        c
        for c in act.children
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in REFUSAL_CONDITIONS for m in c.children)
    ]
    for condition in conditions:
        for word in condition.subtree:
            if word.dep_ in SUBJECTS:
                found = [a for a in actors_in(word, actors) if a not in source]
                if found:
                    return found
    return []


def with_conditioned_refusals(
    events: list[Event], trigger_at: dict[int, Token], actors: ActorResolution
) -> list[Event]:
    """Aim a refusal stated with its condition at whom the condition asks to act: PLOVER codes
    "the guards will not end the strike until the government pays them" as the guards
    rejecting the government's position, not as a refusal without an addressee."""
    aimed = []
    for event in events:
        word = trigger_at.get(event.trigger_start)
        parties = (
            condition_parties(word.head, event.source, actors)
            if event.type == "REJECT" and event.mode == INTENT_MODE and word is not None
            else []
        )
        aimed.append(replace(event, target=parties) if parties else event)
    return aimed


# Dependents that start a clause or scene of their own, outside the act's phrase.
CLAUSE_DEPS = NESTING_DEPS - {"pcomp", "pobj"}


def act_phrase(act: Token) -> list[Token]:
    """The words of an act's own phrase, nearest first: its objects and their prepositional
    phrases and conjoined acts, without clauses or scene-setting phrases ("after the attack")."""
    found: list[Token] = []
    stack = [act]
    while stack:
        word = stack.pop(0)
        for child in word.children:
            if child.dep_ in CLAUSE_DEPS or child.lower_ in SETTING_PREPOSITIONS:
                continue
            found.append(child)
            stack.append(child)
    return found


def country_refs(actors: ActorResolution) -> dict[str, str]:
    """Actor id -> its country, or its id when it has none: who an event involves, by state."""
    return {a.id: a.country or a.id for a in actors.actors}


def without_restatements(
    events: list[Event], verbal: set[int], restating: set[int], actors: ActorResolution
) -> list[Event]:
    """One event per happening in a sentence: "launched 300 drones at Israel in its first
    direct attack", "struck Kyiv …, killing 12", "will send €300 million in aid" each say one
    thing twice. An event goes when another of its sentence has the same type and modality and
    at least its actors, and is the fuller mention (more actors, else a verb, else earlier)."""

    countries = country_refs(actors)

    def refs(ids: list[str]) -> set[str]:
        return {countries.get(i, i) for i in ids}

    def fullness(event: Event) -> tuple[int, bool, int]:
        is_verb = event.trigger_start in verbal
        return (len(event.source) + len(event.target), is_verb, -event.trigger_start)

    def restates(event: Event, other: Event) -> bool:
        same = (
            event.trigger_start in restating
            and other is not event
            and other.type == event.type
            and other.modality == event.modality
        )
        covered = same and (
            refs(event.source) <= refs(other.source) and refs(event.target) <= refs(other.target)
        )
        return covered and fullness(other) > fullness(event)

    # Only events of one sentence can restate each other: comparing every pair of an article's
    # events made a long article quadratic (a 450,000-character one spent minutes here).
    by_sentence: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        by_sentence[event.evidence.start].append(event)
    return [
        e for e in events if not any(restates(e, other) for other in by_sentence[e.evidence.start])
    ]


def without_purposes(events: list[Event], purposes: dict[int, int]) -> list[Event]:
    """A purpose clause of the same type as its act says the act once more ("fired tear gas to
    disperse the crowds", "launched strikes to destroy the launchers"): it goes.

    `purposes` maps a trigger's offset to the offset of the trigger whose purpose it states."""
    types = {e.trigger_start: e.type for e in events}
    return [e for e in events if types.get(purposes.get(e.trigger_start, -1)) != e.type]


def without_unmarked_echoes(
    events: list[Event], nouns: set[int], actors: ActorResolution
) -> list[Event]:
    """A bare noun that names an event the article already gave as planned is that plan
    ("Trump will meet Zelensky on Friday … Just prior to his meeting with Zelensky, …"): with
    no cue of its own it is read as asserted, so it goes, unless it is dated or placed apart
    ("the summit in Alaska" is not the planned one in Budapest)."""
    refs = country_refs(actors)

    def parties(event: Event) -> frozenset[str]:
        return frozenset(refs.get(i, i) for i in (*event.source, *event.target))

    def day(event: Event) -> str | None:
        return event.date.value if event.date else None

    def place(event: Event) -> str | None:
        return event.location.name if event.location else None

    def same_place(plan: Event, echo: Event) -> bool:
        return place(echo) is None or place(echo) == place(plan)

    plans = [e for e in events if e.modality is Modality.PLANNED]
    return [
        e
        for e in events
        if not (
            e.trigger_start in nouns
            and e.modality is Modality.ASSERTED
            and any(
                p.type == e.type
                and p.mode == e.mode
                and parties(p) == parties(e)
                and (day(p) == day(e) or e.date is None or e.date.text is None)
                and same_place(p, e)
                for p in plans
            )
        )
    ]


def attach_casualties(events: list[Event], quantities: Iterable[Quantity]) -> None:
    """Add each casualty count to the nearest violent event in its sentence."""
    for quantity in quantities:
        if quantity.outcome is None or quantity.part_of_count:
            continue
        violent = [
            e
            for e in events
            if e.type in CASUALTY_TYPES and e.evidence.start <= quantity.start < e.evidence.end
        ]
        if not violent:
            continue
        nearest = min(violent, key=lambda e: abs(e.trigger_start - quantity.start))
        counts = nearest.casualties
        counts[quantity.outcome] = counts.get(quantity.outcome, 0) + quantity.normalized_value


def attach_caused_deaths(events: list[Event], trigger_at: dict[int, Token]) -> None:
    """Count one casualty for a violent event that killed or wounded one person the text names
    without a number ("a boy was killed", "a woman was injured in the blast"): quantities
    count only numbers."""
    cues = casualty_cues()
    for event in events:
        token = trigger_at.get(event.trigger_start)
        if event.type not in CASUALTY_TYPES or token is None:
            continue
        caused = token.dep_ == "pobj" and token.head.lower_ in CAUSE_PREPS
        # the verb that says what befell the victim: the event's own ("a boy was killed") or
        # the one whose cause it is ("a protester died in police firing")
        verb = token.head.head if caused else token
        outcome = cues.get(verb.lemma_.lower())
        if outcome is None or outcome in event.casualties:
            continue
        roles = ("nsubj", "nsubjpass") if caused else ("nsubjpass", "dobj")
        victim = next((c for c in verb.children if c.dep_ in roles), None)
        one = victim is not None and victim.tag_ == "NN" and victim.lemma_.lower() in person_nouns()
        if one and any(c.lower_ in ("a", "an", "one") for c in victim.children):
            event.casualties[outcome] = 1.0
