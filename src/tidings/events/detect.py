"""Event detection: triggers from the lexicon and their source and target from the parse.

Arguments come only from the trigger's own dependency structure, never from an unrelated
clause: for a verb, its subject (or passive agent) and its object or a preposition the lexicon
names for the target; for a noun, its possessor, actor modifiers, "by" and "between" phrases
and target prepositions. A verb without a subject of its own (control, "agreed to convene";
coordination; gerunds, "behavior of reaching out") takes the subject it depends on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Token

from tidings.events.lexicon import (
    ASKED_ACT_CLASS,
    OWN_ACT_CLASS,
    PERSON_NAME_CLASS,
    THING_CLASS,
    Lexicon,
    Trigger,
    load_lexicon,
    noun_doer_preps,
)
from tidings.lexicons import data_lines, data_table, receiving_verbs
from tidings.model import ActorResolution
from tidings.parse import (
    in_dateline,
    in_headline,
    tokens_with_dep,
    tokens_with_lower,
    tokens_with_pos,
)
from tidings.quotes import speech_verbs

SUBJECTS = ("nsubj", "csubj")
OBJECTS = ("dobj", "dative", "iobj", "attr")
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "appos")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Events whose direct object is the thing moved ("sent troops", "supplied missiles").
# Object classes that name whom an act of giving is for, not what is given ("accepted
# refugees", "took in migrants").
RECIPIENT_OBJECTS = ("+@c06-refugee",)
THEME_OBJECT_TYPES = frozenset({"AID", "MOBILIZE"})
THEME_OBJECT_MODES = frozenset({"withdraw"})  # "withdrew peacekeepers from Sinai": what leaves


def takes_theme_object(entry: Trigger) -> bool:
    """Whether a trigger's direct object is what it moves, not whom it aims at."""
    return entry.type in THEME_OBJECT_TYPES or entry.mode in THEME_OBJECT_MODES


NOT_AN_EVENT = "-"  # lexicon type of combinations that are no event ("pay a price")
# Nouns that only measure what they hold: "€5 billion in aid", "two days of drills".
# A gerund after these is done by the clause's subject, not its object ("increased pressure by
# conducting tests", "left after meeting Putin"); after "against", "from", "into" the object acts.
MEANS_PREPS = frozenset({"by", "after", "before", "while", "through", "upon", "without", "since"})
CONTAINER_NOUNS = frozenset(
    {"round", "package", "series", "wave", "batch", "tranche", "day", "week", "month", "hour",
     "increase", "boost"}
)  # fmt: skip
OUTLET_SECTORS = frozenset({"MED"})
# Types whose target may be the subject of the trigger's complement clause.
COMPLEMENT_TARGET_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT"})


@dataclass(slots=True)
class Candidate:
    """A trigger found in the text, with its lexicon entry and arguments."""

    token: Token
    entry: Trigger
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    object_token: Token | None = None
    inferred_source: bool = False
    # The verb that made a statement an event (a demand, an accusation): its clause, not the
    # trigger's, gives the event's modality.
    stated_by: Token | None = None
    # Said in a quote's own words ("Putin is the aggressor"): the event is its speaker's, and
    # none when it stands outside any quote (the writer's own judgement is no event).
    speaker_says: bool = False
    # Its word's denial is the act ("did not respond to requests" is a refusal to answer):
    # a negated reading of the word is an asserted event.
    denial_is_the_act: bool = False
    # Its saying is the act ("China must stop," he said: a demand made by saying so), whatever
    # the mood of the words said.
    saying_is_the_act: bool = False


def listed(modifier: Token) -> bool:
    """Whether a modifier is one of a list ("US, British and French warships")."""
    return bool(modifier.conjuncts) or any(c.dep_ in ("cc", "punct") for c in modifier.children)


LISTED_MODIFIER_DEPS = ("amod", "compound", "nmod", "poss")


def listed_modifiers(modifier: Token) -> list[Token]:
    """A listed modifier and the others of its list. The parser may leave the last one
    unlinked, a plain modifier of the same head ("UK and EU negotiators"): a sibling after
    the conjunction counts when the list has no conjunct of its own."""
    parts = [modifier, *modifier.conjuncts]
    conjunction = next((c for c in modifier.children if c.dep_ == "cc"), None)
    if conjunction is not None and not modifier.conjuncts:
        parts += [
            c
            for c in modifier.head.children
            if c.dep_ in LISTED_MODIFIER_DEPS and conjunction.i < c.i < modifier.head.i
        ]
    return parts


def listed_owners(noun: Token) -> list[Token]:
    """The "of" objects of a plural noun listed with "and", one owner each ("the armies of
    Brazil and Argentina", "the foreign ministers of India and China"), or none ("forces of
    the mission, or MINUSCA": one owner named twice)."""
    if noun.tag_ not in ("NNS", "NNPS"):
        return []
    return [
        part
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for g in prep.children
        if g.dep_ == "pobj" and any(c.dep_ == "cc" and c.lower_ == "and" for c in g.children)
        for part in (g, *g.conjuncts)
    ]


@cache
def relational_nouns() -> frozenset[str]:
    """Nouns for the other party of a relation ("its foes", "his counterpart"; data file
    data/events/relational_nouns.txt)."""
    return frozenset(data_lines("data/events/relational_nouns.txt"))


def actors_in(token: Token | None, actors: ActorResolution) -> list[str]:
    """Actor ids an argument refers to: the token, its actor modifiers, its conjuncts."""
    if token is None:
        return []
    found: list[str] = []
    stack = [token]
    while stack:
        current = stack.pop()
        actor_id = actors.token_actor.get(current.i)
        owners = [o for o in listed_owners(current) if o.i in actors.token_actor]
        if actor_id is not None and len({actors.token_actor[o.i] for o in owners}) > 1:
            # "the armies of Brazil and Argentina": each country's armies, not one side
            stack.extend(c for c in current.children if c.dep_ == "conj")
            stack.extend(reversed(owners))  # the first named taken first
            continue
        if actor_id is not None:
            if actor_id not in found:
                found.append(actor_id)
            # A name covers its own compounds: do not look inside it for more actors, but
            # coordinated modifiers name actors of their own ("Indian and Pakistani troops",
            # "Russia and Turkey's ministers").
            stack.extend(c for c in current.children if c.dep_ == "conj")
            stack.extend(
                part
                for c in current.children
                if c.dep_ in LISTED_MODIFIER_DEPS and listed(c)
                for part in listed_modifiers(c)
                if actors.token_actor.get(part.i) not in (None, actor_id)
            )
            continue
        # "his Saudi counterpart", "its foes Saudi Arabia and the UAE": named, not his or its
        specific = any(
            c.dep_ in ("amod", "compound", "appos") and c.i in actors.token_actor
            for c in current.children
        )
        relational = current.lemma_.lower() in relational_nouns()
        for child in current.children:
            if (specific or relational) and child.dep_ == "poss" and child.pos_ == "PRON":
                continue  # "his Saudi counterpart" is the Saudi, not him; "its foes" not it
            if names_no_place(current, child):
                continue
            if child.dep_ in (*MODIFIER_DEPS, "conj"):
                stack.append(child)
            elif child.dep_ == "prep" and child.lower_ == "of":
                stack.extend(g for g in child.children if g.dep_ == "pobj")
    return found


def _relative_head(subject: Token) -> Token:
    """For 'the envoy, who met…', the noun the relative pronoun stands for."""
    verb = subject.head
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return member_of(verb.head) or verb.head
    return subject


def member_of(group: Token) -> Token | None:
    """Who a copular clause counts in a group: "Canada is among (one of) the countries that
    banned it" names Canada as one that did."""
    link = group.head
    if group.dep_ != "pobj" or link.lower_ not in ("among", "of"):
        return None
    if link.lower_ == "of":
        link = link.head if link.head.lower_ == "one" else link
        if link.lower_ != "one":
            return None
    copula = link.head
    if copula.lemma_ != "be":
        return None
    return next((c for c in copula.children if c.dep_ == "nsubj"), None)


def is_subject(token: Token) -> bool:
    """Whether a token is its verb's subject, and not a dateline the parser took for one."""
    return token.dep_ in SUBJECTS and not in_dateline(token)


QUESTION_MARKS = frozenset({"whether", "if"})
QUESTION_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


CONCURRING_VERBS = frozenset({"agree", "concur"})


def concurs(verb: Token) -> bool:
    """Whether a verb of agreeing shares a view rather than agrees to act: its only complement
    is what is held true ("agreed that the situation was dire", a quote it reports), with no
    act, object or party agreed with ("agreed to withdraw", "agreed a deal", "agreed with
    Kyiv", "agreed on a ceasefire")."""
    if verb.lemma_.lower() not in CONCURRING_VERBS:
        return False
    children = list(verb.children)
    if not any(c.dep_ == "ccomp" for c in children):
        return False
    return not any(c.dep_ in ("xcomp", "dobj", "prep", "advcl") for c in children)


def asks_a_question(verb: Token) -> bool:
    """Whether a verb of asking asks a question rather than for something: "asked about the
    sanctions", "asked whether Iran would retaliate", "asked what comes next", "when asked,
    he declined" (no one asked to do anything, and nothing asked for)."""
    children = list(verb.children)
    if any(c.dep_ == "prep" and c.lower_ == "about" for c in children):
        return True
    for clause in (c for c in children if c.dep_ in ("ccomp", "advcl")):
        first = clause.doc[clause.left_edge.i]
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if marks & QUESTION_MARKS or first.tag_ in QUESTION_TAGS:
            return True
    asked_for = any(
        c.dep_ in ("xcomp", "dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "for")
        for c in children
    )
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not asked_for


@cache
def public_nouns() -> frozenset[str]:
    """Words for the public at large (data/events/public_nouns.txt)."""
    return frozenset(data_lines("data/events/public_nouns.txt"))


def addresses_the_public(verb: Token) -> bool:
    """Whether a verb of asking, warning or thanking addresses only the public at large: "urged
    people to seek medical attention", "warned tourists to avoid the area", "we encourage
    everybody feeling feverish to visit a clinic" are advice, "I thank everyone" courtesy, not
    a request, threat or praise of an actor; "urged individuals and governments to sign" still
    asks governments."""
    asked = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    # "encourage everybody feeling feverish to ...": the parse may make the asked the subject
    # of the verb's clause
    asked += [
        g for c in verb.children if c.dep_ in ("ccomp", "xcomp")
        for g in c.children if g.dep_ == "nsubj"
    ]  # fmt: skip
    people = [w for a in asked for w in (a, *a.conjuncts)]
    return bool(people) and all(the_public(w) for w in people)


def the_public(word: Token) -> bool:
    """Whether a word names the public at large: "people", "everyone", not "the Afghan people"
    or "Kenya's people", whose country makes them an actor."""
    named = any(c.ent_type_ in ("NORP", "GPE", "ORG", "LOC") for c in word.children)
    return word.lemma_.lower() in public_nouns() and not named


@cache
def press_nouns() -> frozenset[str]:
    """Words for the press (data/events/press_nouns.txt)."""
    return frozenset(data_lines("data/events/press_nouns.txt"))


PARTNER_PREPS = frozenset({"with", "to", "between"})


def meets_the_press(token: Token, actors: ActorResolution) -> bool:
    """Whether a consultation is a talk with the press: an outlet talking ("VOA spoke with
    experts") or only the press as partner ("in a conversation with journalists", "briefed
    reporters via videoconference"). An interview or a briefing is a public statement, not a
    consultation between political actors."""
    subjects = [c for c in token.children if c.dep_ in SUBJECTS] if token.pos_ == "VERB" else []
    if token.pos_ == "VERB" and not subjects:
        subjects = [s for s in [verb_subject(token)[0]] if s is not None]
    # "VOA: Putin visited China": an interviewer's label before a colon is no subject
    subjects = [s for s in subjects if not (s.i + 1 < len(s.doc) and s.nbor().text == ":")]
    talking = [a for s in subjects for a in actors_in(s, actors)]
    if talking and all(_is_outlet(a, actors) for a in talking):
        return True
    # a noun trigger in a means phrase talks to whom its verb addresses ("briefed reporters
    # via videoconference")
    speakers = [token, token.head.head] if token.head.dep_ == "prep" else [token]
    partners = [
        w for word in speakers for c in word.children
        if c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in PARTNER_PREPS)
        for w in ([g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c])
    ]  # fmt: skip
    people = [w for p in partners for w in (p, *p.conjuncts)]
    return bool(people) and all(
        w.lemma_.lower() in press_nouns()
        or any(_is_outlet(a, actors) for a in actors_in(w, actors))
        for w in people
    )


@cache
def exchange_verbs() -> frozenset[str]:
    """Verbs of talking that need a partner (data/events/exchange_verbs.txt)."""
    return frozenset(data_lines("data/events/exchange_verbs.txt"))


def talks_alone(verb: Token) -> bool:
    """Whether a verb of talking names only its topic: an about-phrase, no with/to/between
    phrase and a single speaker ("I'm not talking about students", "the deal talks about
    security"); "Macron talked with Putin", "Biden and Xi talked about trade" and "the two
    sides talked" consult."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in exchange_verbs():
        return False
    preps = [c.lower_ for c in verb.children if c.dep_ == "prep"]
    if "about" not in preps or PARTNER_PREPS.intersection(preps):
        return False
    subject, _ = verb_subject(verb)
    if subject is None:
        return False  # "to talk about peace": whoever talks may have a partner
    several = subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("we", "they")
    return not (several or subject.conjuncts)


FEELING_CLASS = "c02-feeling"


def felt(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a verb of asking names a feeling: passive, with nothing it asks to be done
    ("we are encouraged by the progress"; not "the Philippines was encouraged to resist")."""
    if FEELING_CLASS not in lexicon.noun_classes.get(verb.lemma_.lower(), ()):
        return False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return passive and not any(c.dep_ == "xcomp" for c in verb.children)


@cache
def result_nouns() -> dict[str, frozenset[str]]:
    """Nouns naming what an act makes -> the verbs that make them tell it
    (data/events/result_nouns.tsv)."""
    return {
        row["noun"]: frozenset(row["verbs"].split("|"))
        for row in data_table("data/events/result_nouns.tsv")
    }


def made_by_verb(noun: Token) -> bool:
    """Whether an event noun tells an act: any noun but those naming what an act makes, which
    tell it only as the object or passive subject of a verb making them ("signed a deal", "the
    pact was sealed")."""
    verbs = result_nouns().get(noun.lemma_.lower())
    if verbs is None:
        return True
    head = noun
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "signed a trade deal and a security pact"
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        head = head.head  # "agreed on a deal", "an agreement to which both signed"
    return head.dep_ in ("dobj", "nsubjpass", "prep") and head.head.lemma_.lower() in verbs


def nearest_subject(verb: Token, deps: tuple[str, ...] | frozenset[str]) -> Token | None:
    """A verb's subject; of several, the nearest ("The rebel Free Syrian Army threatened": the
    parse may give a premodifier a subject arc of its own, the head noun being nearer)."""
    subjects = [c for c in verb.children if c.dep_ in deps and not in_dateline(c)]
    return min(subjects, key=lambda c: abs(verb.i - c.i)) if subjects else None


# Entity labels of names that can be a subject the parser mislabelled as a modifier.
ACTOR_ENTITY_LABELS = frozenset({"ORG", "GPE", "NORP", "PERSON"})


def mislabelled_subject(verb: Token) -> Token | None:
    """A name right before a subjectless active verb (or its auxiliaries) that the parser took
    for its modifier ("In cooperation with partners, USAID provided tents": USAID as an
    adverb)."""
    if any(c.dep_ in ("nsubjpass", "auxpass", "expl") for c in verb.children):
        return None
    left = [c for c in verb.lefts if c.dep_ in ("advmod", "npadvmod", "amod", "dep", "nmod")]
    named = [
        c
        for c in left
        if (c.ent_type_ in ACTOR_ENTITY_LABELS or (c.is_upper and len(c) > 2))
        and all(t.dep_ in ("aux", "neg") for t in verb.doc[c.i + 1 : verb.i])
    ]
    return named[-1] if named else None


def verb_subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb, or (inferred) the one it inherits through control/coordination."""
    subject = nearest_subject(verb, SUBJECTS) or mislabelled_subject(verb)
    if subject is not None:
        return _relative_head(subject), False
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None), False
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        # "designated as a terrorist group by the United States": the parse hangs the agent
        # on the predicate noun
        predicates = prep_objects(verb, frozenset({"as"}))
        agent = next((p for n in predicates for p in prep_objects(n, frozenset({"by"}))), None)
        if agent is not None:
            return agent, False
    if any(c.dep_ in ("nsubjpass", "expl") for c in verb.children):
        return None, False  # "100 people were killed": a passive without agent names no one
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return None, False  # "condemned the force used against protesters": not the condemner
    if reduced_passive_patient(verb) is not None:
        return None, False  # "two commanders are dead, killed in a strike": not the killers
    current = verb
    for _ in range(4):
        if current.dep_ == "xcomp":
            # Object control: in "urged both sides to agree", the sides would agree.
            controller = next((c for c in current.head.children if c.dep_ == "dobj"), None)
            # "called on the international community to impose sanctions"
            controller = controller or next(
                (
                    g
                    for c in current.head.children
                    if c.dep_ in ("prep", "prt") and c.lower_ == "on"
                    for g in c.children
                    if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")
                ),
                None,
            )
            if controller is not None:
                return controller, True
        if current.dep_ in ("xcomp", "conj", "advcl") and current.head.i != current.i:
            current = current.head
            if current.pos_ == "ADJ" and current.dep_ == "acomp":
                # "Armenia was ready to sign": the copula's subject
                holder = next((c for c in current.head.children if is_subject(c)), None)
                return (_relative_head(holder), True) if holder is not None else (None, False)
            if current.pos_ == "ADJ":
                return None, False  # "countries willing to transfer": the parse loses who
            holder = nearest_subject(current, (*SUBJECTS, "nsubjpass"))
            if holder is not None:
                return _relative_head(holder), True
            continue
        if current.dep_ in ("pcomp", "pobj", "acl") and current.head.i != current.i:
            current = current.head
            preposition = ""
            if current.pos_ == "ADP":
                if current.dep_ == "agent":
                    return None, False  # "killed by a rocket fired from …": not the victims
                preposition = current.lower_
                current = current.head
            if current.pos_ == "ADJ" and current.dep_ == "acomp":
                # "Nigeria is interested in talking to Cameroon": the copula's subject talks
                holder = next((c for c in current.head.children if is_subject(c)), None)
                return (_relative_head(holder), True) if holder is not None else (None, False)
            owner = next((c for c in current.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner, True
            if preposition == "for" and current.lemma_.lower() in undergoer_nouns():
                # "the arrest of Dodik for ignoring a summons": the one arrested did it
                undergoer = next(iter(of_complements(current)), None)
                if undergoer is not None:
                    return undergoer, True
            if (
                preposition in ("of", "for")
                and current.dep_ == "dobj"
                and governing_verbs().get(current.head.lemma_.lower()) == "object"
            ):
                return current, True  # "accused the group of looting": the group loots
            if current.pos_ == "NOUN" and current.dep_ == "dobj" and current.head.pos_ == "VERB":
                # "the Council passed a resolution demanding …": whoever passed it demands
                carrier = next((c for c in current.head.children if is_subject(c)), None)
                if carrier is not None:
                    return _relative_head(carrier), True
            if current.pos_ == "VERB":
                # "warned NATO against deploying": the object acts; "said after meeting
                # Putin", "raised tensions by conducting tests": the subject does.
                order = ("dobj", *SUBJECTS, "nsubjpass")
                if preposition in MEANS_PREPS:
                    order = (*SUBJECTS, "nsubjpass", "dobj")
                for dep in order:
                    actor = next(
                        (c for c in current.children if c.dep_ == dep and not in_dateline(c)),
                        None,
                    )
                    if actor is not None:
                        return _relative_head(actor), True
            continue
        break
    return None, False


def reduced_passive_patient(verb: Token) -> Token | None:
    """Who undergoes a bare past participle that shares its clause's subject: "two commanders
    are dead, killed in a strike", "the journalist was arrested and charged"."""
    if verb.tag_ != "VBN" or any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in verb.children
    ):
        return None
    head = verb.head
    if verb.dep_ == "conj":
        deps: tuple[str, ...] = ("nsubjpass",)  # only a passive head's subject undergoes it
    elif verb.dep_ == "advcl":
        deps = ("nsubjpass", "nsubj")
    else:
        return None
    return next((c for c in head.children if c.dep_ in deps and not in_dateline(c)), None)


# Entity labels of place names: a place is never what an act moves.
PLACE_ENTITY_LABELS = frozenset({"GPE", "LOC"})
# Prepositions of a verb's venue or company, whose noun the parser often gives the phrase that
# follows it ("in a court against X", "alongside food aid to Ukraine").
VENUE_PREPOSITIONS = frozenset({"in", "at", "alongside"})


def targets_of_verb(verb: Token, entry: Trigger) -> list[Token]:
    """A verb's objects, passive subject and target prepositional objects.

    A target preposition may hang off the verb's object or by-agent instead of the verb
    ("shared intelligence with Ukraine", "brokered by Trump between Israel and Gaza").
    """
    patient = reduced_passive_patient(verb)
    tokens = [_relative_head(patient)] if patient is not None else []
    holders = [verb]
    for child in verb.children:
        supplied_with = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
        theme_deps = (
            ("dobj", "attr", "nsubjpass") if entry.mode in THEME_OBJECT_MODES else ("dobj", "attr")
        )
        if (
            child.dep_ in theme_deps
            and takes_theme_object(entry)
            and not supplied_with
            and not entry.trigger.endswith(RECIPIENT_OBJECTS)
        ):
            holders.append(child)  # what is sent, not whom: its "to" phrase may name the target
            if child.ent_type_ in PLACE_ENTITY_LABELS:
                tokens.append(child)  # "troops left Afghanistan": a place, not what moves
        elif child.dep_ == "dative" and child.pos_ == "ADP":
            # "sending missiles to Kyiv": the parser marks the preposition itself as dative.
            tokens.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ in OBJECTS or child.dep_ == "nsubjpass":
            if not owned_by_pronoun(child):
                tokens.append(child)  # "recall its ambassadors": its own, no target
            holders.append(child)
        elif child.dep_ == "ccomp" and child.pos_ in ("ADJ", "NOUN"):
            # "found Nielsen guilty", "called Putin a war criminal": whom the predicate is of
            tokens.extend(g for g in child.children if g.dep_ == "nsubj")
        elif child.dep_ == "ccomp" and participle_object(child):
            # "will not accept refugees fleeing the war", "condemned police beating
            # protesters": the parse makes the object the subject of its participle
            tokens.extend(g for g in child.children if g.dep_ == "nsubj")
        elif child.dep_ in ("advmod", "npadvmod", "oprd") and child.pos_ == "PROPN":
            tokens.append(child)  # a name the parser mislabels ("meet Dagalo in Jeddah")
        elif child.dep_ == "agent":
            holders.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in VENUE_PREPOSITIONS:
            # "filed a lawsuit in a Paris court against X": the parse hangs the target's
            # phrase on the nearest noun, the venue
            holders.extend(g for g in child.children if g.dep_ == "pobj")
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("prep", "prt") and child.lower_ in entry.target_preps:
                tokens.extend(g for g in child.children if g.dep_ == "pobj")
                if child.dep_ == "prt":
                    tokens.extend(c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to")
    if verb.dep_ == "acl":
        owner = verb.head
        for child in owner.children:
            if child.dep_ == "prep" and child.lower_ in entry.target_preps:
                tokens.extend(g for g in child.children if g.dep_ == "pobj")
    # "reneged on the accord with Iran", "withdrew from the deal with Iran"
    agreements = prep_objects(verb, AGREEMENT_PREPOSITIONS)
    tokens.extend(party for agreement in agreements for party in agreement_parties(agreement))
    return tokens


def participle_object(clause: Token) -> bool:
    """Whether a verb's clausal complement is its object with a participle the parse made a
    clause of ("accept any refugees fleeing the war"): a bare -ing form, no auxiliary, beside
    no direct object of the verb's own."""
    return (
        clause.tag_ == "VBG"
        and not any(c.dep_ in ("aux", "mark") for c in clause.children)
        and not any(c.dep_ == "dobj" for c in clause.head.children)
    )


AGREEMENT_CLASS = "agreement"  # data/events/noun_classes.tsv
# Prepositions through which an act names the agreement it keeps, leaves or breaks.
AGREEMENT_PREPOSITIONS = frozenset({"on", "from", "of", "to", "under"})
PARTY_PREPOSITIONS = frozenset({"with", "between"})


def agreement_parties(noun: Token) -> list[Token]:
    """The other parties of an agreement an act is aimed at through a preposition ("reneged on
    the nuclear accord with Iran", "withdrew from the deal with Iran"): the agreement's with-
    or between-phrase."""
    if AGREEMENT_CLASS not in load_lexicon().noun_classes.get(noun.lemma_.lower(), ()):
        return []
    return prep_objects(noun, PARTY_PREPOSITIONS)


# Giving and promising aim at whom the purpose clause names ("provided aid to support refugees").
PURPOSE_TARGET_TYPES = frozenset({"AID", "AGREE"})


def infinitival(clause: Token) -> bool:
    """Whether a clause is a to-infinitive ("agreed to meet", "sent troops to help")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def complement_targets(
    verb: Token, deps: tuple[str, ...], actors: ActorResolution, lexicon: Lexicon, event_type: str
) -> list[str]:
    """The target named inside a verb's infinitival complement or purpose clause, one clause
    deep and then the next: "agreed to hand over the prisoners to Kyiv", "agreed to allow
    access to the aid workers of the UN", "offered to send troops to help the army"."""
    clauses = [c for c in verb.children if c.dep_ in deps and infinitival(c)]
    for _ in range(3):
        for clause in clauses:
            entry = entry_for_complement(clause, lexicon)
            found: list[str] = []
            for target in targets_of_verb(clause, entry):
                found += [a for a in actors_in(target, actors) if a not in found]
            found = found or actors_in_phrase(
                object_phrases(clause, entry), actors, set(), lexicon, event_type
            )
            if found:
                return found
        clauses = [
            c
            for clause in clauses
            for c in clause.children
            if c.dep_ in ("xcomp", "advcl", "ccomp") and infinitival(c)
        ]
    return []


WEAPON_CLASS = "c15-munition"  # what is fired, launched or dropped (data/events/noun_classes.tsv)


def event_subject_agents(
    subject: Token | None, actors: ActorResolution, lexicon: Lexicon
) -> list[str]:
    """When a verb's subject is an event ("a car bombing by the Islamic State killed 75",
    "Israeli strikes destroyed the bridge"), whoever performed that event; when it is a weapon
    ("missiles fired by the Israeli military struck a depot"), whoever fired it."""
    if subject is None or subject.pos_ != "NOUN":
        return []
    if WEAPON_CLASS in lexicon.noun_classes.get(subject.lemma_.lower(), ()):
        return [
            a
            for fired in subject.children
            if fired.dep_ == "acl" and fired.tag_ == "VBN"
            for a in actors_in(next(iter(agent_objects(fired)), None), actors)
        ]
    match = match_trigger(subject, lexicon)
    if match is None or match[0].type == NOT_AN_EVENT:
        return []
    found: list[str] = []
    for source in noun_arguments(subject, match[0])[0]:
        found += [a for a in actors_in(source, actors) if a not in found]
    return found


def owned_by_pronoun(token: Token) -> bool:
    """A common noun with a pronoun possessor ("its ambassadors"), as opposed to a name."""
    return token.pos_ != "PROPN" and any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children
    )


# Head nouns that only frame the event noun compounded with them: "mediation effort",
# "evacuation operation", "bombing campaign", "aid mission".
FRAME_NOUNS = frozenset(
    {"effort", "operation", "campaign", "mission", "bid", "drive", "initiative", "process"}
)


def phrase_head(noun: Token) -> Token:
    """The frame noun an event noun is compounded with ("mediation effort"), else the noun."""
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in FRAME_NOUNS:
        return noun.head
    return noun


def givers(receiving: Token, actors: ActorResolution) -> list[str]:
    """Who gave what a verb of receiving received: its "from" phrase, or its object's
    ("received missiles from Germany"), else the object's own actor modifier ("accepted
    Chinese funding", "received Japan's aid", "accepted $2 billion in Chinese loans")."""
    received = [c for c in receiving.children if c.dep_ == "dobj"]
    received += [thing for r in received for thing in measured_things(r)]  # "$2 billion in aid"
    found: list[str] = []
    for giver in (g for w in (receiving, *received) for g in prep_objects(w, frozenset({"from"}))):
        found += [a for a in actors_in(giver, actors) if a not in found]
    if not found:
        for giver in (m for r in received for m in r.children if m.dep_ in ("amod", "poss")):
            found += [a for a in actors_in(giver, actors) if a not in found]
    return found


@cache
def undergoer_nouns() -> frozenset[str]:
    """Event nouns whose possessor undergoes the act (data/events/undergoer_nouns.txt)."""
    return frozenset(data_lines("data/events/undergoer_nouns.txt"))


def noun_arguments(noun: Token, entry: Trigger) -> tuple[list[Token], list[Token]]:
    """A nominal event's source tokens (possessor, modifiers, by/between) and target tokens."""
    sources: list[Token] = []
    targets: list[Token] = []
    doers = noun_doer_preps()
    for child in noun.children:
        undergone = noun.lemma_.lower() in undergoer_nouns() and not of_complements(noun)
        if child.dep_ == "poss" and undergone:
            targets.append(child)  # "Navalny's arrest": Navalny was arrested
        elif child.dep_ in ("poss", "compound", "amod", "nmod"):
            sources.append(child)
        elif child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if child.lower_ == "between" and entry.mode == "third-party":
                targets.extend(objects)  # "mediation between India and Pakistan": the parties
            elif child.lower_ in ("by", "between"):
                sources.extend(objects)  # "talks between Israel and Hamas": they talk
            elif child.lower_ in entry.target_preps:
                targets.extend(objects)  # the row's own: "the release of the prisoners"
                targets.extend(content_subjects(child))
            elif child.lower_ in doers.get(entry.type, ()):
                sources.extend(objects)  # "the withdrawal of Ethiopian troops"
    verb = noun.head
    if (
        noun.dep_ == "dobj"
        and verb.pos_ == "VERB"
        and not any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children)
    ):
        # "faced coercion by China", "suffered attacks by the rebels": an active verb takes
        # no by-agent of its own, so the phrase the parse hangs on it is its object's
        sources += prep_objects(verb, frozenset({"by"}) | doers.get(entry.type, frozenset()))
    # "a suspension of air links with Spain": what the noun is of may carry its target
    for complement in of_complements(noun):
        targets += prep_objects(complement, entry.target_preps - {"of"})
        # "the expulsion of a diplomat by Sofia": the by-phrase hung on the noun's object
        sources += prep_objects(complement, frozenset({"by"}))
    return sources, targets


# Nouns whose that-clause says what they hold true ("claims that the envoy took bribes").
CONTENT_NOUNS = frozenset({"claim", "allegation", "accusation", "report", "charge", "suspicion"})


def content_subjects(preposition: Token) -> list[Token]:
    """Who a nominal event's prepositional phrase is about when it holds a clause: "an
    investigation into whether the envoy was spied on", "an inquiry into claims that two
    soldiers abused children": the clause's subject."""
    clauses = [c for c in preposition.children if c.dep_ == "pcomp" and c.pos_ in ("VERB", "AUX")]
    clauses += [
        c
        for g in preposition.children
        if g.dep_ == "pobj" and g.lemma_.lower() in CONTENT_NOUNS
        for c in g.children
        if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)
    ]
    return [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]


def threatened_in_complement(verb: Token, actors: ActorResolution, source: list[str]) -> list[str]:
    """For 'warned that …': the actor the warning is about, read from its complement clause.

    Recipients ("supply of missiles to Ukraine") are passed over when another actor is named:
    the warning is aimed at whoever would act, or pay, not at who would receive.
    """
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    # "threatened to close the strait if the United States joined": the condition names them
    clauses += [
        c
        for c in verb.children
        if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
    ]
    if not clauses:
        return []
    named: list[tuple[str, bool]] = []
    countries = {country_of(a, actors) for a in source} - {None}
    for token in (t for clause in clauses for t in clause.subtree):
        actor_id = actors.token_actor.get(token.i)
        if actor_id is None or actor_id in source or any(a == actor_id for a, _ in named):
            continue
        if country_of(actor_id, actors) in countries:
            continue  # "Putin warned that Russia could …": his own country is no target
        recipient = token.dep_ == "pobj" and token.head.lower_ == "to"
        named.append((actor_id, recipient))
    preferred = [a for a, recipient in named if not recipient]
    return preferred[:1] or [a for a, _ in named][:1]


WARNING_VERBS = frozenset({"warn", "caution"})
PERSONAL_PRONOUNS = frozenset({"i", "we", "he", "she", "it", "they"})
# What a speaker warns of doing itself: "warned of retaliation", "cautioned against any response".
OWN_ACT_NOUNS = frozenset(
    {"retaliation", "reprisal", "response", "consequence", "action", "measure", "countermeasure",
     "force", "sanction", "war", "attack", "strike"}
)  # fmt: skip


def warns_of_acts(verb: Token, actors: ActorResolution, lexicon: Lexicon) -> bool:
    """Whether a warning is about acts, the only warning that threatens: what the speaker would
    do ("Iran warned it would retaliate", "warned of consequences") or what others' acts would
    bring ("warned that the supply of missiles could escalate the war"), not a forecast
    ("warned that the situation could worsen", "warned of a possible resurgence")."""
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ == "it" and clause.lemma_ == "be":
            continue  # "it is important to stress that …": a judgement, no act of anyone's
        if subject is None or subject.lower_ in PERSONAL_PRONOUNS:
            return True
        if actors_in(subject, actors) or match_trigger(subject, lexicon) is not None:
            return True
    return any(
        g.lemma_.lower() in OWN_ACT_NOUNS
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("of", "against")
        for g in c.children
        if g.dep_ == "pobj"
    )


def entry_for_complement(verb: Token, lexicon: Lexicon) -> Trigger:
    """The lexicon entry of a complement verb, or a neutral one taking with/to/from targets."""
    match = match_trigger(verb, lexicon)
    if match is not None:
        return match[0]
    return Trigger(verb.lemma_, "verb", "", None, (), "", frozenset({"with", "to", "from"}))


# Prepositions whose phrase sets the scene of an act, never completes its sense.
SETTING_PREPOSITIONS = frozenset(
    {"under", "during", "after", "before", "amid", "following", "despite", "since"}
)


IDIOM_DEPS = ("prep", "advmod", "acomp", "oprd")


def idiom_entry(verb: Token, lemma: str, lexicon: Lexicon) -> tuple[Trigger, Token] | None:
    """The no-event row an idiom of the verb completes ("held at ransom", "caught unawares"),
    which wins over the sense its object would give ("students held", "residents caught")."""
    for child in (c for c in verb.children if c.dep_ in IDIOM_DEPS):
        if child.dep_ == "prep" and (child.i < verb.i or child.lower_ == "in"):
            continue  # "In a statement, the group gave …": a setting, not an idiom's phrase
        # the word itself, or the noun of a prepositional phrase ("at ransom", "off guard"),
        # not the preposition alone: "recovered rifles from the farmhouse" is no "recover from"
        words = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
        entry = verb_entry([f"{lemma}+{w.lemma_.lower()}" for w in words], lexicon)
        if entry is not None and entry.type == NOT_AN_EVENT:
            return entry, child
    return None


def sense_order(child: Token) -> int:
    """The order in which a verb's dependents select its sense: an "as" role, then its
    subject ("the cyclone inflicted damage"), object or particle, then the rest in text order
    (sorting is stable)."""
    if child.dep_ == "prep" and child.lower_ == "as":
        return 0
    return 1 if child.dep_ in ("dobj", "prt", *SUBJECTS) else 2


# Prepositions whose time is a deadline the verb sets, not when it happened ("gave the junta
# until Sunday": `give+until`).
DEADLINE_PREPOSITIONS = frozenset({"until", "till"})


def resultative_adjective(verb: Token) -> Token | None:
    """The adjective that follows a verb and says what its object ends up ("set free two
    dissidents", "let free activists"), whether the parser hangs it on the verb or, as an
    adjective, on the object that follows it."""
    if verb.i + 1 >= len(verb.doc):
        return None
    after = verb.doc[verb.i + 1]
    if after.pos_ != "ADJ":
        return None
    on_object = after.dep_ == "amod" and after.head.dep_ == "dobj" and after.head.head == verb
    return after if after.head == verb or on_object else None


def match_trigger(token: Token, lexicon: Lexicon) -> tuple[Trigger, Token | None] | None:
    """The lexicon entry a token evokes, with the object that completes a two-word trigger."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and token.dep_ in ("prep", "mark", "cc"):
        return None  # "given Obama's failure", "following the attack": a preposition's job
    if nominal_gerund(token):
        entry = lexicon.triggers.get(("noun", token.lower_))
        if entry is not None:
            return entry, None
    if token.pos_ == "VERB":
        if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN"):
            # "a video message released Sunday": the noun is what was released
            entry = verb_entry(sense_keys(lemma, token.head, lexicon, as_subject=False), lexicon)
            if entry is not None:
                return entry, None
        # a phrasal verb takes its object as one ("called off the strike": `call_off+strike`)
        # "sent them back": the parser may take the particle "back" for an adverb
        particle = next(
            (
                c
                for c in token.children
                if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "back")
            ),
            None,
        )
        if particle is not None:
            phrasal = f"{lemma}_{particle.lower_}"
            # "stood up to China", "pushed back against the claims": its preposition too
            preps = [c for c in token.children if c.dep_ == "prep"]
            for child in [*phrasal_objects(token), *preps]:
                keys = sense_keys(phrasal, child, lexicon, as_subject=False)
                if stands_for_people(child):
                    keys.append(f"{phrasal}+@{PEOPLE_CLASS}")
                entry = verb_entry(keys, lexicon)
                if entry is not None:
                    return entry, child
        # "set free two dissidents", "let free the activists": the adjective right after the
        # verb completes it as a particle would, however the parser hangs it
        after = resultative_adjective(token)
        if after is not None:
            entry = verb_entry([f"{lemma}+{after.lower_}"], lexicon)
            if entry is not None:
                return entry, None
        # "come back to the table": the phrase hangs on the adverb
        returning = [
            g for c in token.children if c.dep_ == "advmod" and c.lower_ == "back"
            for g in c.children if g.dep_ == "prep"
        ]  # fmt: skip
        idiom = idiom_entry(token, lemma, lexicon)
        if idiom is not None:
            return idiom
        relative = relative_object(token)
        if relative is not None:
            # "the deadline Pyongyang imposed", "controls, which they imposed": the noun the
            # clause describes is the verb's object
            entry = verb_entry(sense_keys(lemma, relative, lexicon, as_subject=False), lexicon)
            if entry is not None:
                return entry, None
        # "held civilians as human shields": the role the "as" phrase names selects first, then
        # the object ("in a statement, the group gave authorities 48 hours")
        children = sorted(token.children, key=sense_order)
        for child in [*children, *returning]:
            if (
                child.dep_ == "prep"
                and child.lower_ not in DEADLINE_PREPOSITIONS
                and any(g.ent_type_ in ("DATE", "TIME") for g in child.children)
            ):
                continue  # "called … on Wednesday" is no "call on"
            if child.dep_ == "prep" and child.lower_ in SETTING_PREPOSITIONS:
                continue  # "under the deal, troops will leave": the setting, not what is left
            if child.dep_ == "prep" and fronted(child, token):
                # "with the added duty, bills would increase", "in a statement, Japan gave":
                # no duty is increased, nothing given in
                continue
            if child.dep_ == "prep" and amount_phrase(child):
                continue  # "gave $40 million in aid" does not give in
            if for_clause(child) or asks_another(child):
                # "called for the charges to be dropped": the clause is what "for" takes;
                # "wants Serbia to recognise Kosovo": what another is to do
                key = f"{lemma}+for" if for_clause(child) else f"{lemma}+@{ASKED_ACT_CLASS}"
                entry = verb_entry([key], lexicon)
                if entry is not None:
                    return entry, None  # the act asked for is an event of its own
            if child.dep_ in ("dobj", "prt", "prep", "xcomp", "nsubjpass", "advcl"):
                entry = verb_entry(sense_keys(lemma, child, lexicon, as_subject=False), lexicon)
                if entry is not None:
                    return entry, child
            if child.dep_ in SUBJECTS:
                entry = verb_entry(sense_keys(lemma, child, lexicon, as_subject=True), lexicon)
                if entry is not None:
                    return entry, None
        if not any(c.dep_ in SUBJECTS for c in token.children):
            # "peacekeepers began deploying": the subject the verb shares selects its sense too
            shared, _ = verb_subject(token)
            if shared is not None:
                keys = sense_keys(lemma, shared, lexicon, as_subject=True)
                entry = verb_entry(keys, lexicon)
                if entry is not None:
                    return entry, None
        entry = verb_entry(naming_keys(lemma, token, lexicon), lexicon)
        if entry is not None:
            return entry, None
        entry = lexicon.triggers.get(("verb", lemma))
        if entry is None and token.tag_ == "VBG" and token.dep_ == "acl":
            # "died in police firing" parsed as police, firing: the gerund is the event noun
            entry = lexicon.triggers.get(("noun", token.lower_))
        return (entry, None) if entry is not None else None
    if token.pos_ == "NOUN":
        entry = first_row("noun", modified_senses(token, lexicon), lexicon)
        if entry is not None:
            return entry, None
        # "a request for comment", "a threat to stability", "a provision of the charter": what
        # the preposition takes, or its class, may make it no event, before the preposition
        # alone selects a sense
        prep_takes = (g for c in token.children if c.dep_ == "prep" for g in c.children)
        for taken in (g for g in prep_takes if g.dep_ == "pobj"):
            entry = first_row("noun", sense_keys(lemma, taken, lexicon, as_subject=False), lexicon)
            if entry is not None and entry.type == NOT_AN_EVENT:
                return entry, taken
        # "operations against al-Shabab": a preposition may select the noun's sense too
        aimed = [f"{lemma}+{c.lower_}" for c in token.children if c.dep_ == "prep"]
        # "calls to impose sanctions": its to-infinitive selects it as the preposition "to" would
        aimed += [f"{lemma}+to" for c in token.children if c.dep_ == "acl" and infinitival(c)]
        entry = first_row("noun", aimed, lexicon)
        if entry is not None:
            return entry, None
        # "a suspension of aid": what the noun is of may select its sense, as a compound does
        for complement in of_complements(token):
            entry = first_row(
                "noun", sense_keys(lemma, complement, lexicon, as_subject=True), lexicon
            )
            if entry is not None and entry.type == NOT_AN_EVENT:
                # "the threat of terrorist attacks": the noun is no event, the attacks stay one
                return entry, None
            if entry is not None:
                return entry, complement
        # "the lifting of sanctions", "a ban on rallies": a noun naming a verb's act takes
        # that verb's object as its "of" or "on" phrase (data/events/nominalizations.tsv), or
        # its compound: "an internet shutdown", "a border closure"
        arguments = [*of_complements(token), *prep_objects(token, frozenset({"on"}))]
        arguments += compound_nouns(token)
        for argument in arguments if lemma in lexicon.object_nouns else ():
            keys = sense_keys(lemma, argument, lexicon, as_subject=False)
            entry = first_row("noun", keys, lexicon)
            if entry is not None:
                return entry, argument
        entry = first_row("noun", [*hyphenated(token), lemma], lexicon)
        if entry is not None:
            return entry, None
        entry = verb_entry(gerund_verbs(token), lexicon)
        return (entry, None) if entry is not None else None
    return None


def for_clause(child: Token) -> bool:
    """Whether a verb's clause is introduced by "for" ("called for the army to withdraw")."""
    return child.dep_ in ("advcl", "ccomp") and any(
        g.dep_ == "mark" and g.lower_ == "for" for g in child.children
    )


def relative_object(verb: Token) -> Token | None:
    """The noun a relative clause describes when it is the clause verb's object: "the
    deadline Pyongyang imposed", "controls which they imposed" (the clause has a subject of
    its own and no object but the relative pronoun)."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.lower_ in RELATIVE_PRONOUNS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(o.lower_ not in RELATIVE_PRONOUNS for o in objects):
        return None
    # "the treaty from which Washington withdrew", "the town where troops fired": the noun is
    # a preposition's or a place's, not the object
    elsewhere = [g for c in verb.children if c.dep_ == "prep" for g in c.children]
    elsewhere += [c for c in verb.children if c.dep_ == "advmod"]
    if any(w.lower_ in RELATIVE_PRONOUNS or w.tag_ in ("WRB", "WDT", "WP") for w in elsewhere):
        return None
    return verb.head


def fronted(phrase: Token, verb: Token) -> bool:
    """Whether a prepositional phrase opens the verb's clause, before its subject ("With the
    added duty, bills would increase"): it sets the scene, and is no complement that could
    select the verb's sense."""
    if phrase.i > verb.i or any(t.tag_ in ("WDT", "WP", "WRB") for t in phrase.subtree):
        return False  # "the treaty from which it withdrew": a relative's phrase is its own
    subjects = [c for c in verb.children if c.dep_ in (*SUBJECTS, "nsubjpass")]
    return all(phrase.i < s.left_edge.i for s in subjects)


def phrasal_objects(verb: Token) -> list[Token]:
    """What a phrasal verb acts on: its object or passive subject, or the noun its participle
    describes ("those sent back to China")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects and verb.dep_ == "acl" and verb.tag_ == "VBN":
        objects = [verb.head]
    return objects


# Pronouns a phrasal verb's people may be besides the personal ones (`people_of_a_group`).
PEOPLE_PRONOUNS = frozenset({"those", "who", "whom", "us"})


def stands_for_people(word: Token) -> bool:
    """Whether a pronoun or a bare number stands for the people a phrasal verb moves ("those
    sent back", "sent 109 back to China", "the five will be sent back")."""
    return word.lower_ in PEOPLE_PRONOUNS or (word.pos_ == "NUM" and word.dep_ != "nummod")


def naming_predicates(verb: Token) -> list[Token]:
    """What a verb of naming calls its object, wherever the parse hangs it: "called him a
    liar" (a predicate, or an apposition to the object), "called the comments egregious" (an
    adjective after the object), "described the sanctions as illegal"."""
    found = [c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp")]
    for child in verb.children:
        if child.dep_ == "oprd":
            # "called Britain's ambassador a very stupid guy", parsed as a predicate with an
            # apposition
            found += [c for c in child.children if c.dep_ == "appos"]
        if child.dep_ == "dobj":
            found += [
                c
                for c in child.children
                if c.dep_ == "appos" or (c.dep_ in ("amod", "acomp") and c.i > child.i)
            ]
        elif child.dep_ == "prep" and child.lower_ == "as":
            found += [g for g in child.children if g.dep_ in ("pobj", "amod")]
    return found


# Words of praise a verb of naming calls its object with ("described the donation as a
# gesture of friendship"): praise of a thing no actor did is none ("described the weather as
# good").
LAUDATORY_CLASS = "c05-laudatory"


def names_no_actor(verb: Token, entry: Trigger, lexicon: Lexicon) -> bool:
    """Whether a verb of naming praises a thing no actor did: its object ("described the
    weather as good", "considers the economy a priority"; its passive subject too) is neither
    an act nor a decision, or is a meeting ("called the talks productive"). Called only for an
    event with no target actor."""
    if verb.pos_ != "VERB" or entry.trigger.rpartition("+@")[2] != LAUDATORY_CLASS:
        return False
    named = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if named is None:
        # "considers the economy a priority", parsed as a small clause: its subject
        clauses = (c for c in verb.children if c.dep_ in ("ccomp", "xcomp"))
        named = next((g for c in clauses for g in c.children if g.dep_ == "nsubj"), None)
    if named is None:
        # "called the meeting productive", parsed as one noun: its compound
        predicates = (c for c in verb.children if c.dep_ == "oprd")
        named = next((g for c in predicates for g in c.children if g.dep_ == "compound"), None)
    if named is None or named.pos_ != "NOUN":
        return False
    # "called the meeting productive": a meeting rated by one who held it praises no one
    match = match_trigger(named, lexicon)
    return not names_an_act(named, lexicon) or (match is not None and match[0].type == "CONSULT")


def naming_keys(lemma: str, verb: Token, lexicon: Lexicon) -> list[str]:
    """Keys `verb+@class` for what a verb of naming calls its object, the predicate's own
    word, its adjectives and its coordinated words ("egregious and insulting") each counting."""
    # "called it a case of persecution", "one of the worst offenders": what the predicate
    # is of says it too
    predicates = [w for p in naming_predicates(verb) for w in (p, *of_complements(p))]
    words = [
        w
        for predicate in predicates
        for w in (predicate, *predicate.children)
        if w is predicate or w.dep_ in ("amod", "compound", "conj")
    ]
    return [f"{lemma}+@{c}" for w in words for c in lexicon.noun_classes.get(w.lemma_.lower(), ())]


def of_complements(noun: Token) -> list[Token]:
    """The objects of a noun's "of" phrase ("suspension of aid" -> aid)."""
    return [
        g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children if g.dep_ == "pobj"
    ]  # fmt: skip


def compound_nouns(token: Token) -> list[Token]:
    """The nouns compounded with a noun ("ceasefire" in "the ceasefire agreement")."""
    return [c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"]


def nominal_gerund(token: Token) -> bool:
    """A gerund the parser tags a verb where it stands as a noun with a noun modifier or its
    parties: "killed in police firing", "army shelling continued", "displaced by fighting
    between rebels and troops"."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in ("pobj", "pcomp", "nsubj", "nsubjpass", "dobj")
        and any(
            c.dep_ == "compound" or (c.dep_ == "prep" and c.lower_ == "between")
            for c in token.children
        )
    )


def modified_senses(token: Token, lexicon: Lexicon) -> list[str]:
    """Keys `@class+noun` for an event noun whose modifier selects its sense: "missile
    tests" and "nuclear test" are a show of force, "sanctions relief" a concession, "military
    operations" an attack, where the bare noun is no event."""
    lemma = token.lemma_.lower()
    return [
        key
        for child in token.children
        if child.dep_ in ("compound", "amod", "nmod")
        for key in sense_keys(lemma, child, lexicon, as_subject=True)
    ]


def gerund_verbs(token: Token) -> list[str]:
    """The verbs a noun in -ing may be the gerund of, most likely first ("looting" -> loot,
    "raping" -> rape, "sitting" -> sit): the parser leaves such nouns unlemmatised, and the
    event is the verb's."""
    word = token.lower_
    if not word.endswith("ing") or len(word) < 6:
        return []
    stem = word[:-3]
    doubled = [stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else []
    return [stem, stem + "e", *doubled]


def first_row(pos: str, keys: list[str], lexicon: Lexicon) -> Trigger | None:
    """The `pos` row of the first key the lexicon has."""
    return next((e for k in keys if (e := lexicon.triggers.get((pos, k))) is not None), None)


def verb_entry(keys: list[str], lexicon: Lexicon) -> Trigger | None:
    """The verb row of the first key the lexicon has."""
    return first_row("verb", keys, lexicon)


def hyphenated(token: Token) -> list[str]:
    """The keys of a hyphenated compound the tokenizer split ("cease-fire" -> "ceasefire",
    "cease-fire"; "sit-in"), read at its last part, which the parse makes the head."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-":
        return []
    left, dash = doc[token.i - 2], doc[token.i - 1]
    if left.whitespace_ or dash.whitespace_:
        return []
    return [f"{left.lower_}{token.lemma_.lower()}", f"{left.lower_}-{token.lemma_.lower()}"]


# Words that name a part of what follows "of" ("some of the sanctions", "most of its troops").
PARTITIVES = frozenset(
    {"some", "all", "most", "many", "much", "part", "rest", "half", "several", "any", "none",
     "portion", "bulk", "majority", "remainder", "each", "one", "two", "three", "thousands",
     "hundreds", "dozens", "scores"}
)  # fmt: skip


AMOUNT_ENTITIES = frozenset({"MONEY", "QUANTITY"})


def measured_things(argument: Token) -> list[Token]:
    """What an amount is an amount of: "$3 billion in assets", "200 tons of food"; also the
    "in" phrase the parser hangs on the verb right after the amount ("gave $40 million in
    aid")."""
    if argument.ent_type_ not in AMOUNT_ENTITIES or argument.pos_ not in ("NOUN", "NUM"):
        return []
    preps = [c for c in argument.children if c.dep_ == "prep" and c.lower_ in ("in", "of")]
    if argument.dep_ in ("dobj", "nsubjpass"):
        preps += [c for c in argument.head.children if c.dep_ == "prep" and amount_phrase(c)]
    return [g for p in preps for g in p.children if g.dep_ == "pobj"]


def amount_phrase(prep: Token) -> bool:
    """Whether a verb's "in" phrase says what the amount right before it is of ("gave $40
    million in aid")."""
    if prep.lower_ != "in" or prep.i == 0:
        return False
    amount = prep.doc[prep.i - 1]
    if amount.ent_type_ not in AMOUNT_ENTITIES:
        return False
    while amount.head.ent_type_ == amount.ent_type_ and amount.head != amount:
        amount = amount.head
    return amount.head == prep.head and amount.dep_ in ("dobj", "nsubjpass")


# Verbs of speaking whose "on condition of anonymity" aside tells why a source is unnamed.
ANONYMITY_VERBS = frozenset({"speak", "talk"})


def anonymous_aside(token: Token) -> bool:
    """Whether a word sits in the reason a source gives for not being named ("speaking on
    condition of anonymity to discuss the operation"): no event of its own."""
    return any(
        a.lemma_.lower() in ANONYMITY_VERBS and any(w.lower_ == "anonymity" for w in a.subtree)
        for a in token.ancestors
    )


def names_a_person(argument: Token) -> bool:
    """Whether an object is a person's name and its verb does not name it something: "called
    Putin" is a call, "called Putin a liar" is not."""
    return (
        argument.dep_ in ("dobj", "nsubjpass")
        and argument.ent_type_ == "PERSON"
        and not any(c.dep_ in ("oprd", "ccomp") for c in argument.head.children)
    )


# Named entities that are people or peoples, never things acted on.
PEOPLE_ENTITIES = frozenset({"PERSON", "NORP"})


def names_a_thing(argument: Token) -> bool:
    """Whether a verb's object (or passive subject) is a thing, not people ("returned the
    mandate", "the paintings were returned"): a noun or name that is no person or people."""
    return (
        argument.dep_ in ("dobj", "nsubjpass")
        and argument.pos_ in ("NOUN", "PROPN")
        and argument.ent_type_ not in PEOPLE_ENTITIES
        and not people_of_a_group(argument)
    )


def names_an_own_act(argument: Token, lexicon: Lexicon) -> bool:
    """Whether a verb's complement is an infinitive of an act the lexicon codes, done by the
    verb's own subject ("declined to resign", not "declined to comment")."""
    if argument.dep_ != "xcomp" or argument.pos_ != "VERB" or not infinitival(argument):
        return False
    entry = lexicon.triggers.get(("verb", argument.lemma_.lower()))
    return entry is not None and entry.type != NOT_AN_EVENT


# A nationality or ethnic group in the plural ("held 48 Uyghurs", "deported Afghans") is people,
# as the nouns of this class are.
PEOPLE_CLASS = "c15-person"


PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})


def people_of_a_group(word: Token) -> bool:
    """Whether a word names people by their nationality or group, in the plural ("Uyghurs"),
    by a personal pronoun ("caught him"), or as "those who" ("those who escaped were caught")."""
    if word.ent_type_ == "NORP" and word.tag_ in ("NNS", "NNPS"):
        return True
    if word.tag_ == "PRP":
        return word.lower_ in PERSONAL_PRONOUNS
    return word.lower_ == "those" and any(
        c.dep_ == "relcl" and any(g.lower_ in ("who", "whom") for g in c.children)
        for c in word.children
    )


def sense_keys(lemma: str, argument: Token, lexicon: Lexicon, *, as_subject: bool) -> list[str]:
    """Two-word trigger keys an argument may complete: `verb+object` and `verb+@class` for an
    object, particle or preposition; `@class+verb` for a subject ("the earthquake hit").
    A preposition's own object stands for its class ("fight against corruption")."""
    words = [argument]
    if argument.dep_ == "prep":
        words += [g for g in argument.children if g.dep_ == "pobj"]
    # "lifted some of the sanctions": the part stands for the whole it is part of
    whole = of_complements(argument) if argument.lower_ in PARTITIVES or argument.like_num else []
    # "froze $3 billion in assets": an amount stands for what it is an amount of
    whole += measured_things(argument)
    words += whole
    # "violated the ceasefire agreement", "ended mediation efforts": a noun's compound may say
    # what kind of thing it is, after the noun itself has had its say
    # ("strengthening the army embargo" is about the embargo, an event noun of its own; an
    # agreement is a thing made, whose kind still says what it is)
    kinds = [
        c
        for w in words
        if ("noun", w.lemma_.lower()) not in lexicon.triggers or w.lemma_.lower() in result_nouns()
        for c in compound_nouns(w)
    ]
    # "the militant group": a class noun used as an adjective says what kind too
    kinds += [
        c
        for w in words
        for c in w.children
        if c.dep_ == "amod" and c.lemma_.lower() in lexicon.noun_classes
    ]
    # people are acted on as the object itself: "held with members", "civilian infrastructure",
    # "an official residence" and "the old boys association" are no people held or targeted
    people_excluded = argument.dep_ == "prep"
    classes = [
        c
        for word in (*words, *kinds)
        for c in lexicon.noun_classes.get(word.lemma_.lower(), ())
        if c != PEOPLE_CLASS or not (people_excluded or word in kinds)
    ]
    if not people_excluded and any(people_of_a_group(w) for w in words):
        classes.append(PEOPLE_CLASS)
    if as_subject:
        return [f"@{c}+{lemma}" for c in classes]
    if names_a_person(argument):
        classes.append(PERSON_NAME_CLASS)
    if names_a_thing(argument) and PEOPLE_CLASS not in classes:
        classes.append(THING_CLASS)
    if names_an_own_act(argument, lexicon):
        classes.append(OWN_ACT_CLASS)
    objects = [argument, *whole, *kinds]
    return [*(f"{lemma}+{w.lemma_.lower()}" for w in objects), *(f"{lemma}+@{c}" for c in classes)]


def asks_another(clause: Token) -> bool:
    """Whether a verb's complement says what someone else is to do: an infinitive with its own
    subject ("wants the Commission to release the funds", "want the hunts to be stopped"); not
    a place, manner or thing wanted ("go where it wants them to go", "see what it wants them
    to see")."""
    return (
        clause.dep_ in ("ccomp", "xcomp")
        and not any(
            c.tag_ in ("WRB", "WP") and c.dep_ not in SUBJECTS  # "those who want" still asks
            for c in (*clause.head.children, *clause.children)
        )
        and infinitival(clause)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    )


def asked_for_act(entry: Trigger, completing: Token, lexicon: Lexicon) -> bool:
    """Whether a request's object is an act of its own ("demanded the release of the
    prisoners", "called for talks", "urged an inquiry"): the act asked for is an event too,
    hypothetical, as it is when a verb names it ("urged Iran to release them")."""
    if entry.type != "REQUEST":
        return False
    # "called for talks": the phrase ends in the preposition, the act is what it takes
    acts = [g for g in completing.children if g.dep_ == "pobj"] if completing.dep_ == "prep" else []
    for act in acts or [completing]:
        match = match_trigger(act, lexicon) if act.pos_ == "NOUN" else None
        if match is not None and match[0].type not in (NOT_AN_EVENT, "REQUEST"):
            return True
    return False


def hyphenated_participle(token: Token) -> bool:
    """Whether a participle ends a hyphenated adjective on a noun ("China-funded port",
    "Iranian-backed militias"): it describes the noun, it tells no act."""
    if token.tag_ != "VBN" or token.dep_ != "amod" or token.i == 0:
        return False
    hyphen = token.doc[token.i - 1]
    return hyphen.text == "-" and not hyphen.whitespace_ and hyphen.i > 0


# Nouns for what befalls people rather than what anyone does ("concerned about the floods").
MISFORTUNE_CLASSES = frozenset({"disaster", "c10-hazard"})
# Classes of doers that are no actors: what befalls people, and animals.
NATURAL_DOER_CLASSES = MISFORTUNE_CLASSES | {"animal"}
# Things that bear out a view or a cause rather than take sides: "the findings support the
# theory", "an agreement supporting refugees' return" (media that praise are their makers').
EVIDENCE_CLASS = "c05-evidence"


def doer_classes(verb: Token, actors: ActorResolution, lexicon: Lexicon) -> frozenset[str]:
    """The noun classes of a verb's doer when it names no actor ("a heat wave": the compound
    says what kind of wave); none for "Israeli fire", whose modifier is an actor."""
    doer, _ = verb_subject(verb)
    if doer is None or doer.is_upper:
        return frozenset()  # "ICE returned the paintings": an agency's acronym
    owners = [c for c in doer.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    if any(t.i in actors.token_actor for o in owners for t in o.subtree):
        return frozenset()
    words = [doer, *compound_nouns(doer)]
    lemmas = {w.lemma_.lower() for w in words}
    if doer.is_sent_start and doer.pos_ == "PROPN" and doer.lower_.endswith("s"):
        lemmas.add(doer.lower_[:-1])  # "Landslides blocked": the parser's name for a plural
    return frozenset(c for w in lemmas for c in lexicon.noun_classes.get(w, ()))


def natural_doer(verb: Token, actors: ActorResolution, lexicon: Lexicon) -> bool:
    """Whether a verb's doer is a disaster, a hazard or an animal that names no actor ("a heat
    wave killed dozens", "landslides blocked the highway", "wolves attacked sheep"): natural
    disasters and accidents are no events; "Israeli fire killed five" keeps its actor."""
    return bool(NATURAL_DOER_CLASSES & doer_classes(verb, actors, lexicon))


def supported_by_evidence(verb: Token, actors: ActorResolution, lexicon: Lexicon) -> bool:
    """Whether a verb of support has a thing for its doer, evidence, a document or money ("the
    data support the theory", "the agreement supports refugees' return", "a fund supporting
    research"): it bears out or pays for something, no actor backs another."""
    return EVIDENCE_CLASS in doer_classes(verb, actors, lexicon)


def candidates(doc: Doc, actors: ActorResolution, lexicon: Lexicon) -> list[Candidate]:
    """Every trigger in the document with the actors of its source and target."""
    found: list[Candidate] = []
    completed: set[int] = set()
    for token in doc:
        if token.i in completed:
            continue
        match = match_trigger(token, lexicon)
        if match is None:
            continue
        entry, completing = match
        if completing is not None and not asked_for_act(entry, completing, lexicon):
            completed.add(completing.i)
            # "ended mediation efforts": the kind of thing ended is part of the phrase
            completed.update(c.i for c in compound_nouns(completing))
            if completing.lower_ in PARTITIVES:
                # "eased some of its restrictions": the restrictions are the object too
                completed.update(g.i for g in of_complements(completing))
            completed.update(g.i for g in measured_things(completing))
            if completing.dep_ == "prep":
                # "went on strike", "withdrew from the treaty": the noun is part of the phrase
                completed.update(g.i for g in completing.children if g.dep_ == "pobj")
        if entry.type == NOT_AN_EVENT or in_headline(token) or anonymous_aside(token):
            continue
        if token.pos_ == "NOUN" and not made_by_verb(token):
            continue  # "under the 2020 deal": the thing an act made, not the act
        if hyphenated_participle(token):
            continue  # "a China-funded port": what the port is, not an act told
        if token.pos_ == "VERB" and natural_doer(token, actors, lexicon):
            continue  # "a heat wave killed dozens", "wolves attacked sheep": no actor acts
        supporting = entry.type == "SUPPORT" and token.pos_ == "VERB"
        if supporting and supported_by_evidence(token, actors, lexicon):
            continue  # "the findings support the theory": no actor takes a side
        if entry.type == "AGREE" and token.pos_ == "VERB" and concurs(token):
            continue  # "'the danger is not over,' agreed X": sharing a view, no agreement to act
        if entry.type == "REQUEST" and token.pos_ == "VERB" and asks_a_question(token):
            continue  # "asked whether Iran would retaliate": a question, no request
        if entry.type == "REQUEST" and token.pos_ == "VERB" and felt(token, lexicon):
            continue  # "we are encouraged by the progress": a feeling, no request
        addressed = entry.type in ("REQUEST", "SUPPORT", "THREATEN") and token.pos_ == "VERB"
        if addressed and addresses_the_public(token):
            continue  # "urged people to seek medical care", "warned tourists": advice to the public
        if entry.type == "CONSULT" and completing is None and talks_alone(token):
            continue  # "I'm not talking about students": no one to consult
        candidate = Candidate(token, entry, object_token=completing)
        owners: list[str] = []
        if token.pos_ == "VERB" and not nominal_gerund(token):
            # "troops firing on protesters", "police firing": a gerund's actor noun fires;
            # "a resolution demanding …" falls through to whoever passed it
            gerund_agent = token.dep_ == "acl" and token.tag_ == "VBG"
            candidate.source = actors_in(token.head, actors) if gerund_agent else []
            if not candidate.source:
                subject, inferred = verb_subject(token)
                candidate.source = actors_in(subject, actors) or event_subject_agents(
                    subject, actors, lexicon
                )
                candidate.inferred_source = inferred
            for target in targets_of_verb(token, entry):
                candidate.target += [
                    a for a in actors_in(target, actors) if a not in candidate.target
                ]
            owners = light_object_owners(token, completing, actors)
            candidate.target = [a for a in candidate.target if a not in owners]
            candidate.source = candidate.source or owners
            received = "from" in entry.target_preps  # not "accepted refugees", given refuge
            if entry.type == "AID" and received and token.lemma_.lower() in receiving_verbs():
                # "Pakistan received a loan from the IMF": the giver gives to the receiver
                candidate.source, candidate.target = givers(token, actors), candidate.source
        else:
            # "a mediation effort between India and Pakistan": the effort's arguments are the
            # mediation's
            token = phrase_head(token)
            sources, targets = noun_arguments(token, entry)
            # "the expulsion of a Russian diplomat": the noun's object undergoes it, as the
            # verb's would, unless it is what is moved ("the withdrawal of troops")
            if (
                completing is not None
                and completing.head.head.i == token.i
                and completing.head.lower_ == "of"
                and not takes_theme_object(entry)
            ):
                targets.append(completing)
            for source in sources:
                candidate.source += [
                    a for a in actors_in(source, actors) if a not in candidate.source
                ]
            for target in targets:
                candidate.target += [
                    a for a in actors_in(target, actors) if a not in candidate.target
                ]
            if not candidate.target:
                candidate.target = governing_targets(token, entry, actors)
            attendees = attending_actors(token, entry, actors)
            if attendees and not set(attendees) & set(candidate.source):
                # "Scholz attended a meeting of the European Council": he meets the body
                hosts = [a for g in of_complements(token) for a in actors_in(g, actors)]
                candidate.target = candidate.target or candidate.source or hosts
                candidate.source = attendees
            if not candidate.source:
                candidate.source, candidate.inferred_source = governing_participants(
                    token, entry, actors, found
                )
            token = candidate.token
        # "stopped its war on X": the owner is the source, no target that stops the search;
        # "voiced Kenya's support": whose support it is, no target either
        candidate.target = [
            a for a in candidate.target if a not in candidate.source and a not in owners
        ]
        denial = token.lemma_.lower() == "deny"  # "denied supplying missiles to Russia": no one
        if entry.type in ("REJECT", "AGREE") and not candidate.target and not denial:
            # "refused to meet Dagalo", "agreed to hand over the prisoners to Kyiv"
            candidate.target = complement_targets(token, ("xcomp",), actors, lexicon, entry.type)
        if not candidate.source and token.pos_ == "VERB":
            # "were killed in police firing", "died in an Israeli air strike"
            candidate.source = cause_agents(token, actors, lexicon)
        if entry.type in COMPLEMENT_TARGET_TYPES and not candidate.target:
            candidate.target = complement_subjects(token, entry, actors)
        if entry.type == "THREATEN" and not candidate.target:
            if token.lemma_.lower() in WARNING_VERBS and not warns_of_acts(token, actors, lexicon):
                continue  # "warned that the situation could get worse": a forecast, no threat
            candidate.target = threatened_in_complement(token, actors, candidate.source)
        if entry.type in ANSWER_TYPES and not candidate.target:
            candidate.target = requesters(token, actors, lexicon, candidate.source)
        if not candidate.target and token.pos_ == "VERB":
            # "returned a painting that was stolen in 1989 to the Louvre"
            candidate.target = stranded_recipients(token, entry, actors)
        if not candidate.target:
            # "condemned the attacks made by the government": the actor inside the object
            candidate.target = actors_in_phrase(
                object_phrases(token, entry), actors, {*candidate.source, *owners}, lexicon,
                entry.type,
            )  # fmt: skip
        if entry.type in PURPOSE_TARGET_TYPES and not candidate.target:
            # "gave $5 million to help Ethiopia", "offered troops to support the army"
            candidate.target = complement_targets(
                token, ("advcl", "xcomp"), actors, lexicon, entry.type
            )
        if entry.type in ADDRESSED_TYPES and not candidate.target:
            # "called Erdogan to express his support": said to the one called
            candidate.target = contacted(token, found, candidate.source)
        if entry.mode == THIRD_PARTY_MODE and not candidate.target:
            # "a mediation effort to end the dispute between Israel and Hamas"
            candidate.target = disputing_parties(token, actors)
        if entry.type == "MOBILIZE" and not candidate.target:
            # "mobilized the army for an assault on Gaza": the act it readies for aims it
            candidate.target = purpose_targets(token, actors, lexicon)
        if entry.type == "MOBILIZE":
            # the forces deployed are the mobilising side, never its target: "troops were
            # rushed to the border" is the troops' own mobilisation
            forces = deployed_forces(token, actors)
            candidate.target = [a for a in candidate.target if a not in forces]
            candidate.source = candidate.source or forces
        dropped = own_forces(candidate.source, candidate.target, actors, entry.type)
        candidate.target = [
            a
            for a in candidate.target
            if a not in candidate.source and a not in dropped and a not in owners
        ]
        if dropped and not candidate.target:
            # "withdrew its troops from Kherson": past the own forces, the place
            others = actors_in_phrase(
                object_phrases(token, entry), actors, {*candidate.source, *dropped}, lexicon,
                entry.type,
            )  # fmt: skip
            mine = own_forces(candidate.source, others, actors, entry.type)
            candidate.target = [a for a in others if a not in mine]
        if entry.type == "CONSULT" and meets_the_press(token, actors):
            continue  # "briefed reporters via videoconference": a public statement
        if not candidate.target and names_no_actor(token, entry, lexicon):
            continue  # "described the weather as good": praise of no one
        if private_breach(candidate, actors):
            continue  # "travelers who violate the rules": an offence, no defiance
        found.append(candidate)
    answers_fall_on_complements(found)
    found = without_means_of_sending(found, actors)
    found += obligations(doc, actors)
    found += stated_needs(doc, actors)
    found += blame_statements(doc, actors)
    found += disapproval_statements(doc, actors, lexicon)
    found += dismay_statements(doc, actors, lexicon)
    found += dismay_nouns(doc, actors, lexicon)
    # "is opposed to the bid": the stand, not the verb's passive, tells who opposes whom
    found = [c for c in found if not stance_word(c.token)]
    found += stance_statements(doc, actors, lexicon)
    found += withheld_answers(doc, actors, lexicon)
    found += alleged_wrongs(doc, actors, lexicon)
    # A light verb whose object is itself a trigger ("pledged support") is not an event of
    # its own: the noun is.
    nouns = {c.token.i for c in found if c.token.pos_ == "NOUN"}
    found = [
        c
        for c in found
        if not (
            c.token.pos_ == "VERB"
            and governing_verbs().get(c.token.lemma_.lower()) == "light"
            and any(child.dep_ == "dobj" and child.i in nouns for child in c.token.children)
        )
    ]
    # A noun that a verb trigger of the same type governs ("imposed sanctions") is that event.
    verbs = {c.token.i: c for c in found if c.token.pos_ == "VERB"}
    return [
        c
        for c in found
        if not (c.token.pos_ == "NOUN" and c.token.head.i in verbs and c.token.head.i != c.token.i
                and verbs[c.token.head.i].entry.type == c.entry.type)
    ]  # fmt: skip


OBLIGATION_MODALS = frozenset({"must", "should"})
# A demand that another actor act (CAMEO 10), made by saying it must: no lexicon entry, the
# modal itself is the trigger.
DEMAND = Trigger("must", "aux", "REQUEST", "change", ("diplomatic",), "100", frozenset())


def obligations(doc: Doc, actors: ActorResolution) -> list[Candidate]:
    """Demands stated as obligations of another actor: "Russia must withdraw its troops,
    Macron said" is a REQUEST by Macron to Russia, whatever the act (CAMEO 10). The speaker
    is the subject of the reporting verb; the one obliged, the subject of the modal's verb;
    an actor's own obligation ("we must defend ourselves") is no demand."""
    found = []
    verbs = speech_verbs()
    for modal in tokens_with_lower(doc, OBLIGATION_MODALS | OBLIGATION_VERBS):
        act = modal if modal.lower_ in OBLIGATION_VERBS else modal.head
        if modal.lower_ in OBLIGATION_VERBS and not obligation_verb(modal):
            continue
        if modal.lower_ in OBLIGATION_MODALS and modal.dep_ != "aux":
            continue
        if in_headline(modal) or inferred_past(modal):
            continue
        obliged = next((c for c in act.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        reporting = act.head if act.dep_ in ("ccomp", "parataxis") else None
        reported = reporting is not None and reporting.lemma_.lower() in verbs
        demands = stated(modal, DEMAND, reporting, obliged, actors) if reported else []
        if not demands and (reported or own_words(act)):
            # the reporting subject is no actor ("the spokesman for the group said"): the
            # speaker is the quote's, if the words are quoted
            demands = quoted_obligation(modal, obliged, actors)
        found += demands
    return found


# Present forms of verbs that oblige their subject to act: "Taiwan has to concentrate on
# drones", "the government needs to release them" (past forms tell what was done: "had to flee").
OBLIGATION_VERBS = frozenset({"has", "have", "needs", "need", "ought"})


def obligation_verb(verb: Token) -> bool:
    """Whether a verb obliges its subject to the act of its to-infinitive ("needs to release"),
    not a thing needed ("needs help"), a perfect ("have released") or an obligation only
    foreseen ("may have to consider", "will need to")."""
    return (
        verb.pos_ == "VERB"
        and verb.tag_ in ("VBZ", "VBP", "MD", "VB")
        and not any(c.dep_ == "aux" for c in verb.children)
        and any(c.dep_ == "xcomp" and infinitival(c) for c in verb.children)
    )


NEED_NOUNS = frozenset({"need", "needs"})
# A demand stated as a need for an act (CAMEO 10): the noun is the trigger.
NEED = Trigger("need", "noun", "REQUEST", "change", ("diplomatic",), "100", frozenset())


def stated_needs(doc: Doc, actors: ActorResolution) -> list[Candidate]:
    """Demands stated as the need for an act: "Ishiba sees the need to protect Taiwan" (a
    REQUEST by Ishiba), "this underscores the need for the Haitian government to invest in
    its police" (to Haiti, by the quote's speaker when the stating subject is no actor). The
    need holds an infinitive, the act asked for; its subject is the one asked. A need for a
    thing ("an urgent need for food aid"), a denied need ("no need to panic") and a need
    the writer states outside any quote are none."""
    found = []
    for noun in tokens_with_lower(doc, NEED_NOUNS):
        if noun.pos_ != "NOUN" or in_headline(noun):
            continue
        if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not") for c in noun.children):
            continue
        acts = [c for c in noun.children if c.dep_ in ("acl", "advcl") and infinitival(c)]
        if not acts:
            continue
        asked = [g for a in acts for g in a.children if g.dep_ in ("nsubj", "nsubjpass")]
        target = [a for g in asked for a in actors_in(g, actors)]
        stating = noun.head if noun.dep_ == "dobj" else None
        subject = next((c for c in stating.children if is_subject(c)), None) if stating else None
        source = actors_in(_relative_head(subject), actors) if subject is not None else []
        source = [a for a in source if a not in target and not _is_outlet(a, actors)]
        if source:
            found.append(Candidate(noun, NEED, source=source, target=target, stated_by=stating))
        else:
            found.append(Candidate(noun, NEED, target=target, speaker_says=True))
    return found


def inferred_past(modal: Token) -> bool:
    """Whether a modal infers what happened rather than demands it: "must have given the
    orders", "should have known" (a modal with a perfect "have")."""
    return any(
        c.dep_ == "aux" and c.lower_ == "have" and c.i > modal.i for c in modal.head.children
    )


def quoted_obligation(
    modal: Token, obliged: Token | None, actors: ActorResolution
) -> list[Candidate]:
    """A demand in a speaker's quoted words ("China must stop intimidating Taiwan," he said):
    the one obliged is its target; the speaker, its source, is the quote's (filled in when
    quotes are known). What the speaker's own side must do is no demand on another."""
    if obliged is None or obliged.lower_ in FIRST_PERSON_SUBJECTS:
        return []
    target = actors_in(_relative_head(obliged), actors)
    if not target:
        return []
    return [Candidate(modal, DEMAND, target=target, speaker_says=True, saying_is_the_act=True)]


def stated(
    token: Token, entry: Trigger, reporting: Token, aimed_at: Token | None, actors: ActorResolution
) -> list[Candidate]:
    """The event a speaker makes by saying something of another actor (a demand on them, an
    accusation against them), when speaker and addressee are both actors and not the same."""
    source = speaker_actors(reporting, actors)
    target = actors_in(aimed_at, actors)
    if source and target and set(source).isdisjoint(target):
        return [Candidate(token, entry, source=source, target=target, stated_by=reporting)]
    return []


def speaker_actors(reporting: Token, actors: ActorResolution) -> list[str]:
    """The actors of the subject of a verb that reports a statement."""
    speaker = next((c for c in reporting.children if is_subject(c)), None)
    return actors_in(_relative_head(speaker), actors) if speaker is not None else []


BLAME_ADJECTIVES = frozenset({"responsible", "guilty", "culpable"})
# An accusation made by declaring someone responsible (CAMEO 112): the adjective is the trigger.
BLAME = Trigger("responsible", "adj", "ACCUSE", "allege", ("diplomatic",), "112", frozenset())


def blame_statements(doc: Doc, actors: ActorResolution) -> list[Candidate]:
    """Accusations made by declaring another actor responsible: "officials said the Taliban
    were responsible for the attack", "Israel held Hamas responsible"."""
    found = []
    verbs = speech_verbs()
    for adjective in tokens_with_lower(doc, BLAME_ADJECTIVES):
        head = adjective.head
        if in_headline(adjective):
            continue
        if adjective.dep_ == "acomp" and own_words(head):
            found += quoted_judgement(adjective, BLAME, head, actors)
            continue
        if adjective.dep_ == "acomp" and head.dep_ in ("ccomp", "parataxis"):
            # "X said Y was responsible": the speaker accuses the copula's subject
            reporting = head.head
            if reporting.lemma_.lower() not in verbs:
                continue
            accused = next((c for c in head.children if c.dep_ == "nsubj"), None)
        elif (
            head.lemma_.lower() == "hold"
            and head.pos_ == "VERB"
            and adjective.dep_ in ("oprd", "amod", "acomp")
        ):
            # "X held Y responsible", the adjective on the verb
            reporting = head
            accused = next((c for c in head.children if c.dep_ == "dobj"), None)
        elif adjective.dep_ == "amod" and head.dep_ == "dobj" and head.head.lemma_ == "hold":
            reporting, accused = head.head, head  # the adjective hung on Y
        else:
            continue
        found += stated(adjective, BLAME, reporting, accused, actors)
    return found


# Disapproval stated by calling another actor something bad (CAMEO 111): the word is the trigger.
DISAPPROVAL = Trigger(
    "unacceptable", "adj", "ACCUSE", "disapprove", ("diplomatic",), "111", frozenset()
)
PEJORATIVE_CLASS = "c11-pejorative"
# Nouns for what an actor does, decides or makes, that a judgement may fall on when it names
# no actor ("the decision was unconstitutional"): the doer is then whoever made it.
JUDGED_CLASS = "c11-judged"
# Words of merit whose denial judges ("this case is not legal").
MERIT_CLASS = "c11-merit"
# Nouns for what an act says to others ("a chilling message", "a worrying signal").
SIGNAL_CLASS = "c11-signal"


def disapproval_statements(doc: Doc, actors: ActorResolution, lexicon: Lexicon) -> list[Candidate]:
    """Disapproval stated by saying another actor, or what it did, is something bad: "Pakistan
    said India's claims were baseless", "officials said Putin is the aggressor", "the
    minister said the ruling was unconstitutional" (an act judged, its doer unnamed)."""
    found = []
    verbs = speech_verbs()
    for predicate in tokens_with_dep(doc, ("acomp", "attr", "dobj")):
        # "is legally problematic, grossly unfair and inhumane": any of the coordinated words
        words = (
            p if denied_merit(p, lexicon) else judging_word(p, lexicon)
            for p in (predicate, *predicate.conjuncts)
        )
        word = next((w for w in words if w is not None), None)
        if word is None:
            continue
        copula = predicate.head
        reporting = copula.head
        if own_words(copula):
            # a merit denied in the speaker's own words ("it is not legal") would read as a
            # negated judgement: only a reported one is taken
            if not denied_merit(predicate, lexicon):
                found += quoted_judgement(word, DISAPPROVAL, copula, actors, lexicon=lexicon)
            continue
        if copula.dep_ not in ("ccomp", "parataxis") or reporting.lemma_.lower() not in verbs:
            continue
        subject = judged_subject(copula)
        if not judges_an_act(copula, subject, lexicon):
            found += stated(word, DISAPPROVAL, reporting, subject, actors)
            continue
        source = speaker_actors(reporting, actors)
        target = doers_of(subject, actors, lexicon)
        if source and set(source).isdisjoint(target):
            found.append(
                Candidate(word, DISAPPROVAL, source=source, target=target, stated_by=reporting)
            )
    return found


def judging_word(predicate: Token, lexicon: Lexicon) -> Token | None:
    """The word of a copula's predicate that judges its subject: the predicate itself
    ("was illegal", "is a sham") or the adjective of a predicate noun that names an act or
    decision ("is a baseless case", "was a reckless move"). A signal sent works as a
    predicate: "the arrest sent a chilling message" judges the arrest."""
    classes = lexicon.noun_classes.get(predicate.lemma_.lower(), ())
    if predicate.dep_ == "dobj":
        if SIGNAL_CLASS not in classes:
            return None
    elif PEJORATIVE_CLASS in classes:
        return predicate
    elif predicate.dep_ != "attr" or not (
        SIGNAL_CLASS in classes or names_an_act(predicate, lexicon)
    ):
        return None
    return next(
        (
            c
            for c in predicate.children
            if c.dep_ == "amod"
            and PEJORATIVE_CLASS in lexicon.noun_classes.get(c.lemma_.lower(), ())
        ),
        None,
    )


def denied_merit(predicate: Token, lexicon: Lexicon) -> bool:
    """Whether a predicate denies its subject a merit ("is not legal", "was not fair"): a
    word of class c11-merit under a negated copula, a judgement as much as "illegal"."""
    copula = predicate.head if predicate.dep_ != "conj" else predicate.head.head
    return MERIT_CLASS in lexicon.noun_classes.get(predicate.lemma_.lower(), ()) and any(
        c.dep_ == "neg" for c in copula.children
    )


def judged_subject(copula: Token) -> Token | None:
    """What a copula clause judges: its subject, or its clausal subject ("detaining them
    is illegal")."""
    return next((c for c in copula.children if c.dep_ in ("nsubj", "csubj")), None)


def names_an_act(noun: Token, lexicon: Lexicon) -> bool:
    """Whether a noun names an act, a decision or another thing an actor made: a noun of
    class c11-judged ("decision", "law", "case") or an event noun ("the arrest")."""
    if JUDGED_CLASS in lexicon.noun_classes.get(noun.lemma_.lower(), ()):
        return True
    if noun.pos_ != "NOUN":
        return False
    match = match_trigger(noun, lexicon)
    return match is not None and match[0].type != NOT_AN_EVENT


POINTING_PRONOUNS = frozenset({"it", "this", "that"})


def judges_an_act(copula: Token, subject: Token | None, lexicon: Lexicon) -> bool:
    """Whether a judgement falls on an act or decision rather than on an actor, so that it
    disapproves of whoever did it: an act noun or a clause as subject ("the arrest was
    unconstitutional", "detaining them is illegal"), or a predicate noun naming one ("it is a
    baseless case"). A situation, a place or the weather judged is no accusation, and neither
    is a risk to someone ("a test is dangerous for Kim")."""
    if subject is None or at_risk(copula):
        return False
    if subject.dep_ == "csubj" or names_an_act(subject, lexicon):
        return True
    if subject.lower_ in POINTING_PRONOUNS:
        # "it is wrong to assume", "it is not appropriate to comment": the clause is judged,
        # a hedge of the speaker's own, not something done
        clauses = (c for w in (copula, *copula_predicates(copula)) for c in w.children)
        return not any(c.dep_ in ("xcomp", "ccomp") for c in clauses)
    return any(c.dep_ == "attr" and names_an_act(c, lexicon) for c in copula.children)


def at_risk(copula: Token) -> bool:
    """Whether a predicate says whom something endangers or harms ("dangerous for Kim",
    "a disaster for farmers"), not what is wrong with it."""
    preps = (c for p in copula_predicates(copula) for c in p.children if c.dep_ == "prep")
    return any(c.lower_ == "for" for c in preps)


def copula_predicates(copula: Token) -> list[Token]:
    """The predicate adjectives and nouns of a copula ("is unfair", "is a sham")."""
    return [c for c in copula.children if c.dep_ in ("acomp", "attr")]


def doers_of(judged: Token | None, actors: ActorResolution, lexicon: Lexicon) -> list[str]:
    """Who did an act that is judged: an event noun's own doers ("Nairobi's ban", "the arrest
    by police", not the one arrested in "his arrest"), else the noun's actor, its modifiers
    and an actor its "of" or "by" phrase names ("Kenya's decision", "the decision of the
    court"; not "his" in "the revocation of his bail", whose bail it was)."""
    if judged is None or judged.dep_ == "csubj":
        return []
    match = match_trigger(judged, lexicon) if judged.pos_ == "NOUN" else None
    if match is not None and match[0].type != NOT_AN_EVENT:
        sources, _ = noun_arguments(judged, match[0])
    else:
        sources = [judged] if judged.i in actors.token_actor else []
        sources += [c for c in judged.children if c.dep_ in MODIFIER_DEPS]
        sources += [
            o for o in prep_objects(judged, frozenset({"of", "by"})) if o.i in actors.token_actor
        ]
    return [a for s in sources for a in actors_in(s, actors)]


FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})


def own_words(copula: Token) -> bool:
    """Whether a copula clause is said in the speaker's own voice, no verb reporting it: the
    sentence itself ("Putin is the aggressor.") or the complement of the speaker's own thought
    ("we have to understand that Putin is the aggressor")."""
    clause = copula
    while clause.dep_ != "ROOT":
        if clause.dep_ not in ("ccomp", "xcomp") or clause.head.pos_ not in ("VERB", "AUX"):
            return False
        clause = clause.head
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in FIRST_PERSON_SUBJECTS:
            return False
    return clause.pos_ in ("VERB", "AUX") and not in_headline(copula)


def quoted_judgement(
    token: Token,
    entry: Trigger,
    copula: Token,
    actors: ActorResolution,
    *,
    lexicon: Lexicon | None = None,
) -> list[Candidate]:
    """A judgement of another actor in a speaker's own words: the copula's subject is its
    target; the speaker, its source, is the quote's (filled in when quotes are known). Given
    the lexicon, a judgement of an act or decision whose doer it does not name is one too,
    with no target ("this ruling is unjust")."""
    subject = judged_subject(copula)
    if lexicon is not None and judges_an_act(copula, subject, lexicon):
        target = doers_of(subject, actors, lexicon)
    else:
        target = actors_in(subject, actors)
        if not target:
            return []
    return [Candidate(token, entry, target=target, stated_by=copula, speaker_says=True)]


# Disapproval stated by saying one is dismayed at another actor or its acts (CAMEO 110, like
# "expressed concern over"): the adjective is the trigger.
DISMAY = Trigger("concerned", "adj", "ACCUSE", "disapprove", ("diplomatic",), "110", frozenset())
DISMAYED_CLASS = "c10-dismayed"
DISMAY_PREPS = frozenset({"by", "about", "over", "with", "at"})


def dismay_statements(doc: Doc, actors: ActorResolution, lexicon: Lexicon) -> list[Candidate]:
    """Disapproval an actor states by being dismayed at another or at its acts: "the United
    States is deeply disappointed by the decision of Somalia's parliament", "we are deeply
    concerned about the actions of Milorad Dodik" (a quote's "we" is its speaker), "Norway
    was troubled by the passage of the law" (an act, aimed at its doer or no one)."""
    found = []
    for token in tokens_with_dep(doc, ("acomp", "ROOT", "ccomp", "conj")):
        if DISMAYED_CLASS not in lexicon.noun_classes.get(token.lower_, ()):
            continue
        # "is concerned about" (an adjective) or "was alarmed by" (a passive participle)
        passive = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if token.dep_ != "acomp" and passive is None:
            continue
        subject = passive or nearest_subject(token.head, SUBJECTS)
        aimed = prep_objects(token, DISMAY_PREPS) + agent_objects(token)
        # "concerned that Russia was massing troops": the clause's subject
        aimed += [
            g
            for c in token.children
            if c.dep_ == "ccomp"
            for g in c.children
            if g.dep_ in ("nsubj", "nsubjpass")
        ]
        target = [a for g in aimed for a in actors_in(g, actors)]
        acts: list[Token] = []
        if not target:
            # "disappointed by the approval of the bill": dismay at an act is at its doer;
            # "we are very concerned", said of nothing or of a situation ("concerned with the
            # mutiny"), at what the story tells of
            acts = [g for g in aimed if names_an_act(g, lexicon)]
            if not acts and (dismay_complement(token) or any(befalls(g, lexicon) for g in aimed)):
                continue
            target = [a for g in acts for a in doers_of(g, actors, lexicon)]
        if subject is None or in_headline(token):
            continue
        if subject.lower_ in FIRST_PERSON_SUBJECTS:
            found.append(Candidate(token, DISMAY, target=target, speaker_says=True))
            continue
        source = actors_in(_relative_head(subject), actors)
        if not (target or acts) and all(private_actor(a, actors) for a in source):
            continue  # "residents are concerned about the situation": no political act
        if source and set(source).isdisjoint(target):
            found.append(Candidate(token, DISMAY, source=source, target=target))
    return found


# Disapproval told by a noun of dismay that no verb states ("amid concerns over U.S. foreign
# policy", "frustration in Ankara with Washington"): the noun is the trigger (CAMEO 110).
DISMAY_NOUN = Trigger(
    "concern", "noun", "ACCUSE", "disapprove", ("diplomatic",), "110", frozenset()
)
DISMAY_NOUN_CLASS = "c10-dismay"
# Prepositions of such a noun naming whose dismay it is ("concerns in Tokyo", "anger among allies").
DISMAY_HOLDER_PREPS = frozenset({"in", "among", "within"})
DISMAY_NOUN_PREPS = frozenset({"over", "about", "at", "with", "toward", "towards", "regarding"})


def dismay_nouns(doc: Doc, actors: ActorResolution, lexicon: Lexicon) -> list[Candidate]:
    """Disapproval named by a noun of dismay aimed at an actor or at what one did, with no
    verb that voices it: "amid concerns over U.S. foreign policy", "mounting frustration in
    Ankara with Washington" (its holder, when named, is the source). A dismay about no actor
    or act ("concerns over the economy"), or a noun the lexicon gives a sense of its own
    ("opposition from China"), is none; a voicing verb ("expressed concern over") makes the
    event itself."""
    found = []
    for noun in tokens_with_pos(doc, "NOUN"):
        if DISMAY_NOUN_CLASS not in lexicon.noun_classes.get(noun.lemma_.lower(), ()):
            continue
        if in_headline(noun) or match_trigger(noun, lexicon) is not None:
            continue
        voicing = match_trigger(noun.head, lexicon) if noun.dep_ == "dobj" else None
        if voicing is not None and voicing[1] is not None and voicing[1].i == noun.i:
            continue  # "expressed concern over": the verb makes the event
        aimed = prep_objects(noun, DISMAY_NOUN_PREPS)
        target = [a for g in aimed for a in actors_in(g, actors)]
        if not target:
            acts = [g for g in aimed if names_an_act(g, lexicon)]
            target = [a for g in acts for a in doers_of(g, actors, lexicon)]
        if not target:
            continue
        holders = [c for c in noun.children if c.dep_ == "poss"]
        holders += prep_objects(noun, DISMAY_HOLDER_PREPS)
        source = [a for h in holders for a in actors_in(h, actors) if a not in target]
        found.append(Candidate(noun, DISMAY_NOUN, source=source, target=target))
    return found


@cache
def stance_adjectives() -> dict[str, tuple[frozenset[str], Trigger]]:
    """Adjectives of a stand taken on another actor -> the prepositions naming what it is on,
    and the event the stand states (data/events/stance_adjectives.tsv)."""
    return {
        row["adjective"]: (
            frozenset(row["preps"].split("|")),
            Trigger(
                row["adjective"],
                "adj",
                row["type"],
                row["mode"],
                ("diplomatic",),
                row["cameo"],
                frozenset(),
            ),
        )
        for row in data_table("data/events/stance_adjectives.tsv")
    }


def stance_statements(doc: Doc, actors: ActorResolution, lexicon: Lexicon) -> list[Candidate]:
    """A stand an actor takes on another, told by an adjective and its preposition: "Hungary
    has been critical of the Commission" (ACCUSE), "Turkey is opposed to the Swedish bid",
    "countries hostile to Moscow", "a report highly critical of the government" (the report's
    maker holds it), "we are supportive of Kyiv" (a quote's "we" is its speaker)."""
    found = []
    table = stance_adjectives()
    for adjective in tokens_with_lower(doc, frozenset(table)):
        comparison = any(c.lower_ == "as" for c in adjective.children)  # "as opposed to"
        if not stance_word(adjective) or comparison or in_headline(adjective):
            continue
        preps, entry = table[adjective.lower_]
        aimed = prep_objects(adjective, preps)
        holder = stance_holder(adjective, lexicon)
        if holder is None:
            continue
        target = [a for g in aimed for a in actors_in(g, actors)]
        if not target:
            acts = [g for g in aimed if names_an_act(g, lexicon)]
            target = [a for g in acts for a in doers_of(g, actors, lexicon)]
        if holder.lower_ in FIRST_PERSON_SUBJECTS:
            found.append(Candidate(adjective, entry, target=target, speaker_says=True))
            continue
        source = actors_in(_relative_head(holder), actors)
        if source and set(source).isdisjoint(target):
            found.append(Candidate(adjective, entry, source=source, target=target))
    return found


def stance_word(token: Token) -> bool:
    """Whether a word is a stand word with its preposition ("critical of", "opposed to",
    "as opposed to"), not a verb with an object of its own ("opposed the plan and, to that
    end, ...")."""
    row = stance_adjectives().get(token.lower_)
    if row is None or not prep_objects(token, row[0]):
        return False
    return not any(c.dep_ == "dobj" for c in token.children)


def stance_holder(adjective: Token, lexicon: Lexicon) -> Token | None:
    """Who holds the stand an adjective tells: the subject of its copula ("X is critical of",
    "X is opposed to"), the noun it describes ("countries opposed to"), or the maker of a
    described document ("issued a report critical of": the issuer; "the UN's report")."""
    if adjective.dep_ in ("acomp", "oprd"):
        return nearest_subject(adjective.head, SUBJECTS)
    passive = next((c for c in adjective.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        return passive
    described = adjective.head
    if adjective.dep_ not in ("amod", "acl") or described.pos_ not in ("NOUN", "PROPN"):
        return None
    if DOCUMENT_CLASS not in lexicon.noun_classes.get(described.lemma_.lower(), ()):
        return described
    owner = next((c for c in described.children if c.dep_ == "poss"), None)
    if owner is None and described.dep_ == "dobj":
        owner = nearest_subject(described.head, SUBJECTS)
    return owner


DOCUMENT_CLASS = "c15-document"


# Sectors of people who speak for no one but themselves: their dismay at a situation is a
# feeling, not a political act.
PRIVATE_SECTORS = frozenset({"CVL", "AGR", "BUS", "EDU", "HLH", "REL", "REF"})


# The sense rows of breaking a rule ("violate+@c10-norm"): defiance (CAMEO 128) only by actors.
NORM_BREACH = "+@c10-norm"


def private_breach(candidate: Candidate, actors: ActorResolution) -> bool:
    """Whether a broken rule was broken by no political actor ("travelers who violate the
    rules", "the company violated privacy rules", "the moves violate U.S. law"): an offence or
    a judgement of an act, not a state's or group's open defiance ("Pyongyang violated a U.N.
    ban")."""
    entry = candidate.entry
    if entry.type != "REJECT" or not entry.trigger.endswith(NORM_BREACH):
        return False
    return all(private_actor(a, actors) for a in candidate.source)


def private_actor(actor_id: str, actors: ActorResolution) -> bool:
    """Whether an actor is a private person or group (civilians, farmers, firms)."""
    actor = actors.actor(actor_id)
    return actor is not None and actor.sector in PRIVATE_SECTORS


def befalls(noun: Token, lexicon: Lexicon) -> bool:
    """Whether a noun names a misfortune no one does: a disaster or hazard ("the floods",
    "the drought", "rising prices")."""
    return bool(MISFORTUNE_CLASSES & set(lexicon.noun_classes.get(noun.lemma_.lower(), ())))


# An accusation made by saying another actor did wrong (CAMEO 112): the reporting verb is
# the trigger, as "accuse" would be.
ALLEGATION = Trigger("say", "verb", "ACCUSE", "allege", ("diplomatic",), "112", frozenset())
WRONGDOING_CLASS = "c11-wrongdoing"
# Nouns for a wrong one commits or an act amounts to ("committed abuses", "may amount to
# crimes against humanity").
WRONG_CLASSES = ("c10-crime", "c10-abuse", "c10-atrocity")
WRONG_COMMITTING_VERBS = frozenset({"commit", "perpetrate", "amount", "constitute"})


def alleged_wrongs(doc: Doc, actors: ActorResolution, lexicon: Lexicon) -> list[Candidate]:
    """Accusations made by reporting that another actor did wrong: "the United Nations says
    both sides have committed grave abuses", "Amnesty said Thailand violated its treaty
    obligations", "rights groups say their treatment may amount to crimes against humanity"
    (an act judged, aimed at its doer). A plain report of an act ("officials said the army
    killed five militants") is none; nor is a denial ("said it had not violated")."""
    found = []
    verbs = speech_verbs()
    for reporting in doc:
        if reporting.pos_ != "VERB" or reporting.lemma_.lower() not in verbs:
            continue
        if in_headline(reporting) or match_trigger(reporting, lexicon) is not None:
            continue  # "alleged that ...", "accused": the verb is an event of its own
        source = speaker_actors(reporting, actors)
        if not source:
            continue
        for clause in reported_clauses(reporting):
            if not names_a_wrong(clause, lexicon) or any(c.dep_ == "neg" for c in clause.children):
                continue
            target = wrongdoers(clause, actors, lexicon)
            if target and set(source).isdisjoint(target):
                found.append(
                    Candidate(
                        reporting, ALLEGATION, source=source, target=target, stated_by=reporting
                    )
                )
                break
    return found


def reported_clauses(reporting: Token) -> list[Token]:
    """The clauses a verb of speech reports ("said Thailand violated its obligations")."""
    return [c for c in reporting.children if c.dep_ in ("ccomp", "parataxis")]


def names_a_wrong(clause: Token, lexicon: Lexicon) -> bool:
    """Whether a clause says its subject did wrong: its verb is one of wrongdoing
    ("violated", "persecutes"), or commits or amounts to a crime, an abuse or an atrocity."""
    lemma = clause.lemma_.lower()
    if WRONGDOING_CLASS in lexicon.noun_classes.get(lemma, ()):
        return True
    if lemma not in WRONG_COMMITTING_VERBS:
        return False
    objects = [c for c in clause.children if c.dep_ == "dobj"] + prep_objects(
        clause, frozenset({"to"})
    )
    return any(
        set(WRONG_CLASSES) & set(lexicon.noun_classes.get(o.lemma_.lower(), ())) for o in objects
    )


def wrongdoers(clause: Token, actors: ActorResolution, lexicon: Lexicon) -> list[str]:
    """Who a clause says did wrong: its subject, or, for an act ("their treatment amounts to
    torture"), the act's doers; the by-agent of a passive ("rights were violated by police")."""
    agents = agent_objects(clause)
    if agents:
        return [a for g in agents for a in actors_in(g, actors)]
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return []
    if names_an_act(subject, lexicon):
        return doers_of(subject, actors, lexicon)
    return actors_in(_relative_head(subject), actors)


# A refusal to answer (CAMEO 12): not responding to a request or query, declining comment.
WITHHELD_ANSWER = Trigger("respond", "verb", "REJECT", None, ("diplomatic",), "120", frozenset())
ANSWER_VERBS = frozenset({"respond", "reply", "answer", "comment"})
REFUSING_VERBS = frozenset({"decline", "refuse"})
ASKED_CLASS = "c12-asked"


def withheld_answers(doc: Doc, actors: ActorResolution, lexicon: Lexicon) -> list[Candidate]:
    """Refusals to answer: "officials did not respond to requests for comment", "neither the
    ministry nor the army replied to VOA's questions", "the embassy declined to comment",
    "declined comment". The one who withholds the answer rejects whoever asked, when the
    text names them."""
    found = []
    for token in doc:
        refusing = token.lemma_.lower() in REFUSING_VERBS and token.pos_ == "VERB"
        answer = token.lemma_.lower() in ANSWER_VERBS and token.pos_ == "VERB"
        if in_headline(token) or not (refusing or answer or token.lower_ == UNANSWERED):
            continue
        if refusing:
            # "declined to comment", "declined comment": the refusal is the event
            said = [c for c in token.children if c.dep_ in ("xcomp", "dobj")]
            if not any(c.lemma_.lower() in ANSWER_VERBS for c in said):
                continue
            asked = [g for c in said for g in prep_objects(c, frozenset({"to"}))]
            found.append(answer_withheld(token, asked, actors))
            continue
        request = unanswered_request(token, lexicon)
        if request is not None:
            found += requests_unanswered(token, request, actors)
            continue
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in REFUSING_VERBS:
            continue  # the refusing verb makes the event
        asked = [
            g
            for g in prep_objects(token, frozenset({"to"}))
            if ASKED_CLASS in lexicon.noun_classes.get(g.lemma_.lower(), ())
        ]
        if asked and withheld(token):
            found.append(answer_withheld(token, asked, actors))
    return found


UNANSWERED = "unanswered"
# Prepositions of a request that name whom it was put to ("calls on the parties", "requests
# to the ministry", "questions sent to the embassy").
ASKED_OF_PREPS = frozenset({"to", "on", "from"})


def unanswered_request(word: Token, lexicon: Lexicon) -> Token | None:
    """The request a word says went without answer: the subject "unanswered" is the predicate
    of ("their calls on the parties have gone unanswered", "requests for comment remained
    unanswered"), or None."""
    if word.lower_ != UNANSWERED or word.dep_ not in ("acomp", "oprd", "xcomp"):
        return None
    subject = nearest_subject(word.head, ("nsubj", "nsubjpass"))
    if subject is None or ASKED_CLASS not in lexicon.noun_classes.get(subject.lemma_.lower(), ()):
        return None
    return subject


def requests_unanswered(word: Token, request: Token, actors: ActorResolution) -> list[Candidate]:
    """The refusal to answer that an unanswered request tells: whoever it was put to refuses
    whoever put it (the request's possessor); none when the text names neither ("many
    questions remain unanswered")."""
    # "requests for comment to the army": the addressee may hang on what is asked for
    asking = [request, *prep_objects(request, frozenset({"for"}))]
    asked = [g for w in asking for g in prep_objects(w, ASKED_OF_PREPS) for g in (g, *g.conjuncts)]
    source = [a for g in asked for a in actors_in(g, actors)]
    askers = [c for c in request.children if c.dep_ == "poss"]
    target = [a for asker in askers for a in actors_in(_relative_head(asker), actors)]
    target = [a for a in target if a not in source]
    if not (source or target):
        return []
    return [Candidate(word, WITHHELD_ANSWER, source=source, target=target)]


def withheld(verb: Token) -> bool:
    """Whether a verb of answering is denied: "did not respond", "neither X nor Y replied",
    "has yet to respond"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    return any(
        c.dep_ in ("preconj", "det") and c.lower_ == "neither" for s in subjects for c in s.children
    )


def answer_withheld(verb: Token, asked: list[Token], actors: ActorResolution) -> Candidate:
    """The refusal to answer made at `verb`: its subject refuses whoever asked (the
    possessor of the request, "VOA's email")."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    source = actors_in(_relative_head(subject), actors) if subject is not None else []
    askers = [c for noun in asked for c in noun.children if c.dep_ == "poss"]
    target = [a for asker in askers for a in actors_in(asker, actors) if a not in source]
    return Candidate(verb, WITHHELD_ANSWER, source=source, target=target, denial_is_the_act=True)


def dismay_complement(adjective: Token) -> bool:
    """Whether an adjective of dismay says what or whom it is about in a way no judgement
    reads: a fear for someone ("concerned for their safety"), of what may come ("worried to
    lose"), or a clause about no actor or act ("concerned that prices will rise")."""
    return any(
        (c.dep_ == "prep" and c.lower_ == "for") or c.dep_ in ("xcomp", "ccomp", "advcl")
        for c in adjective.children
    )


CAUSE_PREPS = frozenset({"in", "by", "during"})


def cause_agents(verb: Token, actors: ActorResolution, lexicon: Lexicon) -> list[str]:
    """Who acted, when a verb names no agent but the act that caused it: the actors of an event
    in its "in"/"by" phrase ("were killed in police firing", "injured in an Israeli strike")."""
    for prep in (
        c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in CAUSE_PREPS
    ):
        for cause in (g for g in prep.children if g.dep_ == "pobj"):
            acts = [cause, *(c for c in cause.children if c.dep_ == "acl")]
            # a gerund the parser hangs off its agent ("police firing") is still the event noun
            if not any(
                match_trigger(t, lexicon) or ("noun", t.lower_) in lexicon.triggers for t in acts
            ):
                continue
            found = actors_in(cause, actors)  # "police firing", "an Israeli air strike"
            if found:
                return found
    return []


def complement_subjects(verb: Token, entry: Trigger, actors: ActorResolution) -> list[str]:
    """The target a verb names as the subject of its complement clause, or of its object's
    ("expressed concern that Russia was massing troops"): the one asked
    ("demanded that Russia withdraw"), accused ("alleged that Iran armed them") or turned down
    ("rejected Netanyahu['s request] to delay", an infinitival complement only: in "denied that
    its forces fired" the subject is the denier's own)."""
    found: list[str] = []
    # "called for Russia to withdraw": the clause "for" takes
    clauses = [c for c in verb.children if c.dep_ == "ccomp" or for_clause(c)]
    # "expressed concern that China had used it": the clause of the verb's object noun
    clauses += [
        c
        for o in verb.children
        if o.dep_ == "dobj" and o.pos_ == "NOUN"
        for c in o.children
        if c.dep_ in ("acl", "ccomp")
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]
    for clause in clauses:
        if entry.type == "REJECT" and not infinitival(clause):
            continue
        for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
            found += [a for a in actors_in(subject, actors) if a not in found]
    return found


# Inside an object phrase, the dependencies that still describe the object and may name whose
# it is ("the attacks made by the government", "Iran's programme", "the agreement between
# Rwanda and Congo"); other prepositions say what it is about ("intelligence on Russian
# submarines") and clauses of their own are left alone.
PHRASE_DEPS = frozenset(
    {"pobj", "agent", "acl", "compound", "amod", "poss", "nmod", "conj", "appos"}
)
PHRASE_PREPS = frozenset({"of", "by", "between"})
# Prepositions inside an object phrase that say whom it is aimed at: "talks with the
# government", "a solution for refugees", "detentions in Venezuela". An event noun inside the
# phrase aims through its own lexicon prepositions instead ("the attack on the embassy", but
# "intelligence on submarines" is about them). Searched after the phrase's own actors, so the
# object's owner comes first.
AIM_PREPS = frozenset({"with", "for", "against", "in", "into", "to", "at", "toward"})
# Events that fall on the place they happen in, as PLOVER codes it ("shelling in Kharkiv",
# "aid to people in Iraq", "troops deployed in Lebanon", "an inquiry into abuses in Darfur").
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "AID", "MOBILIZE", "ACCUSE", "RETREAT"})


def object_phrases(trigger: Token, entry: Trigger) -> list[Token]:
    """The heads of a trigger's object phrases: its direct object (or passive subject) and
    the objects of its target prepositions."""
    heads = []
    for child in trigger.children:
        if child.dep_ in ("dobj", "attr", "nsubjpass") and trigger.pos_ == "VERB":
            theme = child.dep_ == "dobj" or entry.mode in THEME_OBJECT_MODES
            if not (theme and takes_theme_object(entry)):
                heads.append(child)  # "sent troops": what is sent is no target
        elif child.dep_ == "prep" and child.lower_ in entry.target_preps:
            heads.extend(g for g in child.children if g.dep_ == "pobj")
    return heads


def actors_in_phrase(
    heads: list[Token],
    actors: ActorResolution,
    exclude: set[str],
    lexicon: Lexicon,
    event_type: str,
) -> list[str]:
    """The first actors met inside object phrases, nearest the head first, skipping the
    event's own source and outlets: first among the phrase's own words, then through the
    prepositions that aim it. A place stands for its country where the event type falls on
    places, or where it fills the trigger's own target slot ("arrived in Pyongyang")."""
    for aimed in (False, True):
        for head in heads:
            queue = [head]
            while queue:
                current = queue.pop(0)
                actor_id = actors.token_actor.get(current.i)
                if (
                    actor_id is None
                    and aimed
                    and (current is head or event_type in PLACE_TARGET_TYPES)
                ):
                    actor_id = actors.token_place.get(current.i)
                if (
                    actor_id is not None
                    and actor_id not in exclude
                    and not _is_outlet(actor_id, actors)
                ):
                    found = [actor_id]
                    found += [
                        a for a in actors_in(current, actors) if a not in found and a not in exclude
                    ]
                    return found
                preps = PHRASE_PREPS | (aiming_preps(current, lexicon) if aimed else set())
                queue.extend(
                    c
                    for c in current.children
                    if (c.dep_ in PHRASE_DEPS or (c.dep_ == "prep" and c.lower_ in preps))
                    and not names_no_place(current, c)
                )
    return []


def names_no_place(place: Token, appositive: Token) -> bool:
    """A person the parser hung on a place name as its appositive ("withdrawing troops from
    Syria, Defence Minister Sergei Shoigu said"): a place's appositive describes the place."""
    return (
        appositive.dep_ == "appos"
        and place.ent_type_ in ("GPE", "LOC", "FAC")
        and appositive.ent_type_ == "PERSON"
    )


# Acts that answer a request: who made the request is who they fall on ("refused a request from
# the justice minister", "conceded to the demands of the truck drivers", "Russia's request").
ANSWER_TYPES = frozenset({"REJECT", "AGREE", "CONCEDE", "YIELD"})
REQUESTER_PREPS = frozenset({"from", "of", "by"})


def requesters(
    trigger: Token, actors: ActorResolution, lexicon: Lexicon, exclude: list[str]
) -> list[str]:
    """The actors who made the request, demand or appeal an act answers."""
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [
        g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
    ]
    for noun in objects:
        match = match_trigger(noun, lexicon) if noun.pos_ == "NOUN" else None
        if match is None or match[0].type != "REQUEST":
            continue
        makers = [c for c in noun.children if c.dep_ == "poss"]
        makers += [
            g
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in REQUESTER_PREPS
            for g in c.children
            if g.dep_ == "pobj"
        ]
        found = [
            a
            for maker in makers
            # "a request from Russia": the country read as a place is who asked
            for a in actors_in(maker, actors) or [actors.token_place.get(maker.i)]
            if a is not None and a not in exclude
        ]
        if found:
            return list(dict.fromkeys(found))
    return []


def aiming_preps(noun: Token, lexicon: Lexicon) -> frozenset[str]:
    """The prepositions through which a word of an object phrase names whom it is aimed at."""
    match = match_trigger(noun, lexicon) if noun.pos_ == "NOUN" else None
    if match is not None and match[0].type != NOT_AN_EVENT:
        return match[0].target_preps
    return AIM_PREPS


def is_container(token: Token) -> bool:
    """An amount or container noun a nominal event sits in ("€5 billion in aid")."""
    return (
        token.like_num
        or token.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY")
        or (token.lemma_.lower() in CONTAINER_NOUNS)
    )


def governing_targets(noun: Token, entry: Trigger, actors: ActorResolution) -> list[str]:
    """Target prepositions hung on the words above a nominal event ("€5 billion in aid for
    Kyiv"), or on the light verb of its relative clause ("the talks Iran held with France")."""
    aimed = [
        pobj
        for clause in light_relative_clauses(noun)
        for pobj in prep_objects(clause, entry.target_preps)
    ]
    targets = list(dict.fromkeys(a for t in aimed for a in actors_in(t, actors)))
    current = noun
    for _ in range(3):
        if current.dep_ not in ("pobj", "prep", "dobj", "npadvmod") or current.head.i == current.i:
            break
        current = current.head
        if current.pos_ in ("NOUN", "PROPN", "NUM") and not is_container(current):
            break
        for pobj in prep_objects(current, entry.target_preps):
            targets += [a for a in actors_in(pobj, actors) if a not in targets]
        for prep in (c for c in current.children if c.dep_ == "prep"):
            if prep.lower_ in entry.target_preps:
                for subject in content_subjects(prep):
                    targets += [a for a in actors_in(subject, actors) if a not in targets]
        if current.pos_ == "VERB":
            break
    return targets


def prep_objects(word: Token, preps: frozenset[str]) -> list[Token]:
    """The objects of a word's prepositions among `preps` ("held talks with France": France)."""
    return [
        pobj
        for child in word.children
        if child.dep_ == "prep" and child.lower_ in preps
        for pobj in child.children
        if pobj.dep_ == "pobj"
    ]


def agent_objects(verb: Token) -> list[Token]:
    """The objects of a passive verb's by-agent ("alarmed by Russia's moves": moves)."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


@cache
def governing_verbs() -> dict[str, str]:
    """Verb lemma -> 'light' or 'enabling' (data/events/governing_verbs.tsv)."""
    return {row["verb"]: row["role"] for row in data_table("data/events/governing_verbs.tsv")}


def governing_participants(
    noun: Token, entry: Trigger, actors: ActorResolution, found: list[Candidate]
) -> tuple[list[str], bool]:
    """Who performs a nominal event that names no source of its own.

    - the subject of a light verb it is the object of ("Iran held talks");
    - the target of the event an enabling verb serves ("sharing intelligence with Ukraine,
      facilitating drone attacks": Ukraine's attacks);
    - the objects of the verb it is the subject of ("the meeting will include Vance");
    - as a last resort, the subject of the sentence's main clause when that clause is not
      reporting speech ("Trump is scheduled to meet …, and talks on the provision of missiles
      are expected": the provision is Trump's side's).
    """
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "expressed its rejection and condemnation": the first conjunct's
    blamed = blamed_actors(noun, actors)
    if blamed:
        return blamed, True
    performer = light_verb_performers(noun, actors)
    if performer:
        return performer, True
    head = noun.head
    # "approved €5 billion in military aid": climb through the amount to the verb.
    climbed = noun
    for _ in range(3):
        if head.pos_ == "VERB" or climbed.dep_ not in ("pobj", "prep", "dobj", "npadvmod"):
            break
        if head.pos_ in ("NOUN", "PROPN", "NUM") and not is_container(head):
            break  # "in retaliation for weeks of attacks": the attacks are not the striker's
        if head.pos_ == "ADP" and head.lower_ not in ("in", "of"):
            break  # "sending troops after a ceasefire": the sender makes no ceasefire
        climbed, head = head, head.head
    if climbed.dep_ in ("dobj", "pobj", "prep", "npadvmod") and head.pos_ == "VERB":
        role = governing_verbs().get(head.lemma_.lower())
        if role == "light":
            subject, _ = verb_subject(head)
            source = [a for a in actors_in(subject, actors) if not _is_outlet(a, actors)]
            # "accused the Taliban of plotting the attack": who is blamed for the planning
            source = source or blamed_actors(head, actors)
            if source:
                return source, True
        if role == "enabling":
            served = head.head if head.dep_ in ("advcl", "xcomp", "conj") else None
            for candidate in found:
                if served is not None and candidate.token.i == served.i and candidate.target:
                    return list(candidate.target), True
    scene = noun.dep_ == "pobj" and noun.head.lower_ in ("during", "in", "at", "on")
    if scene and head.pos_ == "ADP":
        head = noun.head.head  # the verb the phrase hangs on: "in" was climbed through above
    if scene and head.pos_ == "VERB":
        subject, _ = verb_subject(head)
        source = [a for a in actors_in(subject, actors) if not _is_outlet(a, actors)]
        if source and noun.head.lower_ == "during":
            return source, True  # "Wang Yi called … during a phone call with …"
        if source and noun.head.lower_ == "on" and entry.mode == "visit":
            return source, True  # "On a visit to Ghana, Tinubu voiced support"
        intransitive = not any(c.dep_ in ("dobj", "attr") for c in head.children)
        if source and noun.head.lower_ == "on" and intransitive:
            return source, True  # "troops remained on alert", "workers went on strike"
        active = any(c.dep_ == "nsubj" for c in head.children)
        if source and noun.head.lower_ == "in" and active:
            return source, True  # "forces crossed into Kursk in a surprise attack"
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        for child in head.children:
            if child.dep_ in OBJECTS:
                participants = actors_in(child, actors)
                if participants:
                    return participants, True
    root = noun.sent.root
    directed = any(actors_in(target, actors) for target in noun_arguments(noun, entry)[1])
    # "condemned Navalny's arrest", "welcomed the sailors' release": the object of another
    # act is not that act's subject's doing
    judged = any(candidate.token.i == root.i for candidate in found)
    about = judged and any(noun in c.subtree for c in root.children if c.dep_ == "dobj")
    if directed and root.lemma_.lower() not in speech_verbs() and noun.i > root.i and not about:
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        source = [a for a in actors_in(subject, actors) if not _is_outlet(a, actors)]
        if source:
            return source, True
    return [], False


@cache
def attendance_verbs() -> frozenset[str]:
    """Verbs of taking part in a meeting (data/events/attendance_verbs.txt)."""
    return frozenset(data_lines("data/events/attendance_verbs.txt"))


def attending_actors(noun: Token, entry: Trigger, actors: ActorResolution) -> list[str]:
    """Who attends or hosts a meeting noun ("Scholz attended a meeting of the European
    Council", "Kenya hosted an African Union summit"): the subject of the verb of attending
    whose object, or whose "in" phrase, the meeting is."""
    if entry.type != "CONSULT" or any(
        c.dep_ == "prep" and c.lower_ == "between" for c in noun.children
    ):
        return []  # "hosted talks between Israel and Hamas": they are the ones who talk
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "in":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return []
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in attendance_verbs():
        return []
    subject, _ = verb_subject(verb)
    return [a for a in actors_in(subject, actors) if not _is_outlet(a, actors)]


def light_relative_clauses(noun: Token) -> list[Token]:
    """The relative clauses on a noun whose verb is a light one ("the talks Iran held")."""
    light = governing_verbs()
    return [
        c for c in noun.children if c.dep_ == "relcl" and light.get(c.lemma_.lower()) == "light"
    ]


def light_verb_performers(noun: Token, actors: ActorResolution) -> list[str]:
    """Who performs a nominal event through a light verb that is not its clause's head: the
    by-agent of a passive ("the bombings were claimed by the Islamic State group") and the
    subject of a relative clause ("the talks that Iran held", "the attacks it carried out")."""
    light = governing_verbs()
    verb = noun.head
    if noun.dep_ == "nsubjpass" and light.get(verb.lemma_.lower()) == "light":
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
        return [a for agent in agents for a in actors_in(agent, actors)]
    for clause in light_relative_clauses(noun):
        if not any(c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP") for c in clause.children):
            subject, _ = verb_subject(clause)
            return [a for a in actors_in(subject, actors) if not _is_outlet(a, actors)]
    return []


def blamed_actors(event: Token, actors: ActorResolution) -> list[str]:
    """For an event named in the complement of a verb of blame ("blamed the militants for the
    attacks", "accused Iran of the strike", "credited the army with the rescue"), the one
    blamed or credited: the verb's object performs the event, not its subject. Acts listed
    together share it ("accused the group of killing, maiming and looting"), and so does a
    complement the parse hung on the object ("accuses the group of killing")."""
    while event.dep_ == "conj" and event.head.i != event.i:
        event = event.head
    prep = event.head
    if (
        event.dep_ not in ("pobj", "pcomp")
        or prep.dep_ != "prep"
        or prep.lower_ not in ("for", "of", "with", "over")
    ):
        return []
    verb = prep.head
    if verb.lower_ in BLAME_ADJECTIVES:
        # "the Taliban were responsible for the attack", "held Hamas responsible for it"
        holder = verb.head if verb.dep_ in ("amod", "oprd") and verb.head.pos_ != "AUX" else None
        owner = next((c for c in verb.head.children if c.dep_ in ("nsubj", "dobj")), None)
        return actors_in(holder if holder is not None and holder.pos_ != "VERB" else owner, actors)
    if verb.lemma_.lower() == "responsibility" and verb.dep_ == "dobj":
        # "al-Shabab claimed responsibility for the attack"; a denial names no doer
        if verb.head.lemma_.lower() in RESPONSIBILITY_VERBS:
            subject, _ = verb_subject(verb.head)
            return actors_in(subject, actors)
        return []
    if (
        verb.dep_ in ("dobj", "nsubjpass")
        and verb.pos_ in ("NOUN", "PROPN")
        and governing_verbs().get(verb.head.lemma_.lower()) == "object"
    ):
        return actors_in(verb, actors)
    if governing_verbs().get(verb.lemma_.lower()) != "object":
        return []
    found: list[str] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            found += [a for a in actors_in(child, actors) if a not in found]
    return found


RESPONSIBILITY_VERBS = frozenset({"claim", "accept", "take", "assume", "admit", "bear"})


def country_of(actor_id: str, actors: ActorResolution) -> str | None:
    """The country of an actor id."""
    actor = actors.actor(actor_id)
    return actor.country if actor is not None else None


STATE_SOURCE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD"})
HOSTILE_TYPES = frozenset(
    {"ASSAULT", "COERCE", "THREATEN", "ACCUSE", "SANCTION", "PROTEST", "REJECT", "REQUEST"}
)


STANCE_TYPES = frozenset({"AGREE", "REJECT"})


def answers_fall_on_complements(found: list[Candidate]) -> None:
    """Agreeing or refusing to do something falls on whom that act falls on, when nothing
    else names a target ("refused to accept a request from Russia": Russia)."""
    by_token = {c.token.i: c for c in found}
    for candidate in found:
        if candidate.entry.type not in STANCE_TYPES or candidate.target:
            continue
        for child in candidate.token.children:
            # "refused to accept": an act of the complement; "denied sending": the denied act
            complement = child.dep_ == "xcomp" and infinitival(child)
            act = by_token.get(child.i) if complement else None
            if act is not None and act.target and act.source == candidate.source:
                candidate.target = list(act.target)
                break


ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "INS", "SEP", "UAF", "SPY"})


def deployed_forces(trigger: Token, actors: ActorResolution) -> list[str]:
    """Armed actors a mobilising act moves: its object, passive subject or `of` complement
    ("deployed troops", "police were rushed", "the deployment of 230 troops")."""
    moved = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    moved += of_complements(trigger)
    found = [a for phrase in moved for a in actors_in(phrase, actors)]
    return [a for a in found if (actor := actors.actor(a)) and actor.sector in ARMED_SECTORS]


RECIPIENT_PREP = "to"
STRANDING_DEPS = frozenset({"relcl", "acl", "advcl", "appos"})


def stranded_recipients(verb: Token, entry: Trigger, actors: ActorResolution) -> list[str]:
    """The recipient of a giving or returning verb whose "to" phrase the parser hangs inside
    a clause on its object ("returned skulls that date back to the ninth century to Peru",
    "returned a manuscript, missing since 1943, to Italy"): the last "to" phrase of that
    clause, when the verb has none of its own."""
    if RECIPIENT_PREP not in entry.target_preps or prep_objects(verb, frozenset({"to"})):
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return []
    clauses = [c for o in objects for c in o.subtree if c.dep_ in STRANDING_DEPS]
    clauses += [c for c in verb.children if c.dep_ == "advcl" and c.i > objects[0].i]
    # a clause with an act of its own takes its own "to" ("to assist Ethiopia with its
    # response to the virus", "inviting him to Jerusalem")
    clauses = [
        c for c in clauses if not infinitival(c) and not any(g.dep_ == "dobj" for g in c.children)
    ]
    stranded = [
        t
        for clause in clauses
        for t in clause.subtree
        if t.dep_ == "prep" and t.lower_ == RECIPIENT_PREP
    ]
    if not stranded:
        return []
    last = max(stranded, key=lambda t: t.i)
    found: list[str] = []
    for pobj in (g for g in last.children if g.dep_ == "pobj"):
        named = actors_in(pobj, actors) or [actors.token_place.get(pobj.i)]
        found += [a for a in named if a is not None and a not in found]
    return found


def light_object_owners(
    verb: Token, completing: Token | None, actors: ActorResolution
) -> list[str]:
    """The owners of the event noun a light verb takes ("voiced Kenya's support", "reiterated
    the government's support to the talks"): the side that supports, never the target."""
    if completing is None or completing.dep_ != "dobj" or completing.head.i != verb.i:
        return []
    if governing_verbs().get(verb.lemma_.lower()) != "light":
        return []
    return [a for c in completing.children if c.dep_ == "poss" for a in actors_in(c, actors)]


# Acts of speech that a call, visit or meeting may be made for.
ADDRESSED_TYPES = frozenset({"SUPPORT", "ACCUSE", "CONCEDE", "REQUEST", "THREATEN", "AGREE"})


def contacted(act: Token, found: list[Candidate], source: list[str]) -> list[str]:
    """Whom a call, visit or meeting was with, for the act of speech it was made to do
    ("called Erdogan on Friday to express his support", "met Ruto to congratulate him"):
    the act is addressed to them."""
    if act.dep_ not in ("advcl", "xcomp") or not infinitival(act):
        return []
    meeting = next(
        (c for c in found if c.token.i == act.head.i and c.entry.type == "CONSULT"), None
    )
    if meeting is None:
        return []
    return [a for a in meeting.target if a not in source]


THIRD_PARTY_MODE = "third-party"  # mediation between two sides (CAMEO 045)
PURPOSE_CLAUSE_DEPS = frozenset({"acl", "advcl", "xcomp"})


def disputing_parties(trigger: Token, actors: ActorResolution) -> list[str]:
    """The sides a mediation's purpose clause names in its "between" phrase ("launched a
    mediation effort to end the dispute between Israel and Hamas", "to try to prevent a
    confrontation between Sudan and Ethiopia"): whom the mediator deals with."""
    holders = [trigger, phrase_head(trigger)] if trigger.pos_ == "NOUN" else [trigger]
    clauses = [
        c for h in holders for c in h.children if c.dep_ in PURPOSE_CLAUSE_DEPS and infinitival(c)
    ]
    clauses += [
        g for c in clauses for g in c.children if g.dep_ in PURPOSE_CLAUSE_DEPS and infinitival(g)
    ]
    found: list[str] = []
    for clause in clauses:
        between = [t for t in clause.subtree if t.dep_ == "prep" and t.lower_ == "between"]
        for pobj in (g for t in between[:1] for g in t.children if g.dep_ == "pobj"):
            found += [a for a in actors_in(pobj, actors) if a not in found]
        if found:
            return found
    return found


PURPOSE_PREPS = frozenset({"for"})


def purpose_targets(trigger: Token, actors: ActorResolution, lexicon: Lexicon) -> list[str]:
    """The target of the act a mobilisation readies for, named in its purpose phrase
    ("mobilized troops for a ground offensive against the rebels", "for the war against
    Iraq"): the actors of that event noun's own target prepositions."""
    found: list[str] = []
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in PURPOSE_PREPS:
            continue
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            preps = aiming_preps(noun, lexicon)
            if preps is AIM_PREPS:
                continue  # no event noun: "troops for the region" aims at nothing
            for aimed in prep_objects(noun, preps):
                found += [a for a in actors_in(aimed, actors) if a not in found]
    return found


# Verbs of sending people: what they are sent to do is the act ("sent experts to investigate").
SENDING_VERBS = frozenset({"send", "dispatch"})


def without_means_of_sending(found: list[Candidate], actors: ActorResolution) -> list[Candidate]:
    """Drop a bare sending ("sent seven experts to Riyadh") whose purpose clause is itself an
    act ("... to investigate the attacks"): the sender does that act, at the destination, and
    the people sent are its means, not its target. Sending aid or troops, whose lexicon row
    names the object, stays an event of its own."""
    by_token = {c.token.i: c for c in found}
    kept = []
    for candidate in found:
        token = candidate.token
        bare = candidate.object_token is None and candidate.entry.trigger == token.lemma_.lower()
        purpose = next(
            (
                by_token[c.i]
                for c in token.children
                if c.dep_ in ("advcl", "xcomp") and infinitival(c) and c.i in by_token
            ),
            None,
        )
        if token.lemma_.lower() in SENDING_VERBS and bare and purpose is not None:
            sent = {a for c in token.children if c.dep_ == "dobj" for a in actors_in(c, actors)}
            purpose.source = purpose.source or candidate.source
            purpose.target = [a for a in purpose.target if a not in sent] or candidate.target
            continue
        kept.append(candidate)
    return kept


def own_forces(
    source: list[str], target: list[str], actors: ActorResolution, event_type: str
) -> list[str]:
    """Targets that are the source state's own military ("withdraw its troops") or, for acts
    that fall on places, its own country read from the place it acts in ("Nigerian police
    raided homes in Lagos"); anyone pulling back on their own soil ("unless they withdraw from
    homes in Khartoum") falls on no one. A rebel group's attack on its country's army is no
    such case."""
    sources = [a for a in map(actors.actor, source) if a and a.country]
    states = {a.country for a in sources if a.sector in STATE_SOURCE_SECTORS}
    at_home = {a.country for a in sources if a.sector in STATE_SOURCE_SECTORS | {"COP", "SPY"}}
    retreat = event_type == "RETREAT"
    # a state does not attack, accuse or threaten its own army: a hostile act that names
    # one falls on it ("the Taliban attacked an Afghan army base", whatever the year)
    hostile = event_type in HOSTILE_TYPES
    if retreat:
        at_home |= {a.country for a in sources}
    own = []
    for actor_id in target:
        actor = actors.actor(actor_id)
        if actor is None:
            continue
        forces = actor.sector == "MIL" and actor.country in states and not hostile
        # a country the text names as an actor elsewhere is still its own soil for a retreat
        place = actor.kind == "country" and (retreat or not actor.acting_mentions)
        soil = event_type in PLACE_TARGET_TYPES and place and actor.country in at_home
        if forces or soil:
            own.append(actor_id)
    return own


def _is_outlet(actor_id: str, actors: ActorResolution) -> bool:
    actor = actors.actor(actor_id)
    return actor is not None and actor.sector in OUTLET_SECTORS
