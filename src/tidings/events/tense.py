"""The tense an event is told in: past, present or future, for events with no time of their own.

Read from the trigger's verb and auxiliaries, or for an event noun, gerund or infinitive from
the verb that tells it, with the cues of data/events/tense.tsv ("the ongoing withdrawal",
"since the invasion", "continues to defy") and the modality table's governors ("is considering
sanctions", "urged both sides to agree": not done yet) and charges ("accused of killing": done).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from tidings.events.lexicon import load_lexicon
from tidings.events.modality import CHARGE_PREPOSITIONS, CONDITION_MARKS, occurrence_verbs
from tidings.lexicons import data_table

PAST_TAGS = frozenset({"VBD"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
INTENT_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo"})
# the purpose, means or part of an act share its tense ("will travel to Moscow for talks",
# "could raise tensions with missile launches", "would not take part in any counter-attack")
PURPOSES = frozenset({"for", "to", "with", "by", "in"})
GOVERNED = frozenset({"dobj", "xcomp", "ccomp"})  # what a governor wants or weighs
MAX_CLIMB = 8  # words climbed from an event noun or participle to the verb that tells it


@cache
def tense_cues() -> dict[tuple[str, str], str]:
    """(scope, cue) -> tense, from data/events/tense.tsv."""
    return {(r["scope"], r["cue"]): r["tense"] for r in data_table("data/events/tense.tsv")}


def verb_tense(verb: Token) -> str | None:
    """The tense a verb's own form and auxiliaries give: past, present, future, or None (a
    participle or infinitive, told by the verb it depends on)."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxiliaries):
        return "future"
    if any(a.lower_ == "to" for a in auxiliaries):
        return None
    perfect = any(a.lemma_ == "have" for a in auxiliaries)
    if any(a.tag_ in PAST_TAGS for a in auxiliaries):
        return "past"
    if perfect:
        # "has been under way", "there has been ongoing gunfire": still going on
        progressive = verb.tag_ == "VBG" or (verb.lemma_ == "be" and ongoing(verb))
        return "present" if progressive else "past"
    if any(a.tag_ in PRESENT_TAGS for a in auxiliaries) or verb.tag_ in PRESENT_TAGS:
        return "present"
    if verb.tag_ in PAST_TAGS:
        return "past"
    marked = any(c.dep_ == "mark" or c.tag_ == "WRB" for c in verb.children)  # "when attacked"
    if verb.tag_ == "VBN" and verb.dep_ in ("amod", "acl", "advcl", "ROOT", "conj") and not marked:
        return "past"  # "areas abandoned by …", "killed in what officials describe as …"
    return None  # "escape … when attacked": its governor's tense


def ongoing(token: Token) -> bool:
    """Whether a word's modifiers tell it is going on ("ongoing", "still", "under way")."""
    cues = tense_cues()
    return any(
        cues.get(("modifier", c.lower_)) == "present"
        or (c.lower_ == "under" and any(g.lower_ == "way" for g in c.children))
        for c in token.children
    )


def prospective(verb: Token) -> bool:
    """Whether a to-infinitive or a gerund names an act not yet done ("need to destroy",
    "threats to use force", "preparations for launching"), not one told in its governor's
    tense ("continues to defy", "led talks to reach the agreement")."""
    head = verb.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    # a purpose is done when its governor was; not a wish with its own subject ("a proposal
    # for the Council to lift sanctions")
    if infinitive and verb.dep_ == "advcl" and not own_subject_for(verb):
        return False
    if tense_cues().get(("infinitive", head.lemma_.lower())) == "same":
        return False
    if infinitive:
        return True
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp":
        return False
    # "preparations for launching", "warned against deploying", "no intention of invading";
    # not "sanctioned for supplying drones", a reason, nor "his usual way of reaching out"
    governor = head.head
    return head.lower_ == "against" or intends(governor)


def own_subject_for(verb: Token) -> bool:
    """Whether an infinitive has a subject of its own brought by "for" ("for the Council to
    lift sanctions"), however the parse hangs it."""
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
        return True
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    subject = verb.doc[to.i - 1] if to is not None and to.i > 0 else None
    return subject is not None and subject.dep_ == "pobj" and subject.head.lower_ == "for"


def intends(governor: Token) -> bool:
    """Whether a word governs an act wanted, planned or weighed, not done ("consider",
    "urge", "plan": the modality table's governors)."""
    lemma = governor.lemma_.lower()
    cue = load_lexicon().modality_cues.get(("governor", lemma))
    return cue in ("planned", "hypothetical") or ("intent", lemma) in tense_cues()


def charged(current: Token, head: Token) -> bool:
    """Whether a word is the charge of an accusation or arrest ("accuses the group of
    killing"): an act done before it was charged."""
    if current.dep_ not in ("pobj", "pcomp") or head.lower_ not in CHARGE_PREPOSITIONS:
        return False
    charger = head.head
    if charger.pos_ == "NOUN" and charger.dep_ == "dobj":
        charger = charger.head  # "accuses the rebel group of killing": the parse's "group of"
    return ("charge", charger.lemma_.lower()) in load_lexicon().modality_cues


def event_tense(trigger: Token) -> str | None:
    """Past, present or future: the tense the event is told in, read from the trigger's verb,
    or for an event noun or participle from the verb that tells it."""
    cues = tense_cues()
    if trigger.tag_ == "MD":
        return "present"  # "the U.N. must maintain sanctions": the demand is in the saying
    current = trigger
    spoken_of = False  # an event noun in a phrase: "consequences beyond Ankara's procurement"
    for _ in range(MAX_CLIMB):
        marked = {cues.get(("modifier", c.lower_)) for c in current.children} - {None}
        if current.pos_ == "NOUN" and marked:
            return marked.pop()  # "the ongoing withdrawal", "a previous raid"
        if current.pos_ in ("VERB", "AUX") or (current.pos_ == "ADJ" and current.dep_ == "ROOT"):
            tense = verb_tense(current)
            if tense == "future" and spoken_of:
                return "past"  # what a future clause speaks of is done; what it plans is not
            if tense is not None:
                return "present" if tense == "past" and ongoing(current) else tense
            if tense_cues().get(("infinitive", current.head.lemma_.lower())) == "past":
                return "past"  # "Obama's failure to sell": an act that did not take place
            if prospective(current):
                return "future"
        head = current.head
        if head.i == current.i:
            return None
        if current.dep_ == "pobj" and cues.get(("preposition", head.lower_)):
            return cues[("preposition", head.lower_)]  # "since the invasion", "despite threats"
        if charged(current, head):
            return "past"
        if current.dep_ == "pobj" and current.pos_ == "NOUN" and head.lower_ not in PURPOSES:
            spoken_of = True
        governed = current.dep_ in GOVERNED or (
            current.dep_ == "prep" and current.lower_ in ("for", "of")
        )  # "calls for a truce", "threats of sanctions"
        # a small clause is a judgement, not an act weighed ("consider the withdrawal a step")
        judged = current.pos_ in ("NOUN", "ADJ") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in current.children
        )
        if governed and intends(head) and not judged:
            return "future"  # "is considering sanctions", "urged both sides to agree"
        if (
            current.pos_ == "NOUN"
            and current.dep_ in ("nsubj", "nsubjpass")
            and head.pos_ in ("VERB", "AUX")  # not a small clause: "consider the move a step"
            and head.lemma_.lower() not in occurrence_verbs()
        ):
            # "the purchase is a point of tension": an event spoken of is done, unless it is
            # still going on ("the drawdown has been under way") or still to come ("a nuclear
            # test could end the talks")
            if verb_tense(head) == "future" or generic(current, head) or pending(head):
                return "future"
            return "present" if ongoing(head) else "past"
        current = head
    return None


def generic(noun: Token, verb: Token) -> bool:
    """Whether an indefinite event noun is the subject of a present "be" ("a full missile test
    is dangerous"): a kind of event weighed, not one that took place."""
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
    return indefinite and verb.lemma_ == "be" and verb_tense(verb) == "present"


def pending(verb: Token) -> bool:
    """Whether a verb, or a participle on it, says its event subject is yet to come
    ("sanctions are waiting", "are in Congress awaiting ratification")."""
    cues = tense_cues()
    return any(
        ("pending", v.lemma_.lower()) in cues
        for v in [verb, *(c for c in verb.children if c.dep_ in ("advcl", "xcomp"))]
    )


def continued(trigger: Token) -> bool:
    """Whether an act is told as carrying on, even in the future ("will continue to stand
    with"): going on when told."""
    verb = next((t for t in [trigger, *trigger.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    return (
        verb is trigger
        and verb.dep_ == "xcomp"
        and tense_cues().get(("continuation", verb.head.lemma_.lower())) == "present"
    )


def outcome(noun: Token) -> Token | None:
    """The verb saying how an event subject ended ("talks failed at the summit held in
    February"), whose time is the event's."""
    head = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or head.pos_ != "VERB":
        return None
    return head if ("outcome", head.lemma_.lower()) in tense_cues() else None


def made(verb: Token) -> Token | None:
    """The noun a relative clause's verb makes ("the pact the U.S. negotiated"), whose own
    time is the verb's."""
    making = ("making", verb.lemma_.lower()) in tense_cues()
    return verb.head if making and verb.dep_ == "relcl" and verb.head.pos_ == "NOUN" else None


def anterior(trigger: Token) -> bool:
    """Whether an event is told as done before the time of the words it depends on: a past
    perfect ("had agreed"), or marked so ("a previous raid", "earlier talks")."""
    cues = tense_cues()
    return any(
        (c.dep_ == "aux" and c.lower_ in ("had", "'d"))
        or (c.dep_ in ("amod", "advmod") and cues.get(("modifier", c.lower_)) == "past")
        for c in trigger.children
    )


def in_condition(trigger: Token) -> bool:
    """Whether the trigger lies in an if or unless clause ("if the army did not lay down its
    arms"): a condition, not an event."""
    for ancestor in [trigger, *trigger.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in ancestor.children):
            return True
        if ancestor.dep_ in ("relcl", "ccomp"):
            return False
    return False


def perfect(trigger: Token) -> bool:
    """Whether the trigger's clause, up to the reported clause it lies in, is told in a
    perfect ("has been sharing intelligence, facilitating attacks"): what went on up to then."""
    for token in [trigger, *trigger.ancestors]:
        if any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children):
            return True
        if token.dep_ in ("ccomp", "ROOT"):
            return False
    return False


def backshifted(trigger: Token) -> bool:
    """Whether a past state or progressive reports what held when it was said ("said the
    armed forces were on full alert", "said the army was moving forces")."""
    verb = next((t for t in [trigger, *trigger.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    progressive = verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxiliaries)
    return (verb.lemma_ == "be" and verb.tag_ in PAST_TAGS) or progressive


def stated_intent(trigger: Token) -> bool:
    """Whether the trigger's clause says its doer will act ("will", "'ll", "shall"): an
    intent stated, not a possibility ("could", "may")."""
    clause = next((t for t in [trigger, *trigger.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    while clause is not None:
        auxiliaries = [c.lower_ for c in clause.children if c.dep_ == "aux"]
        if any(a in INTENT_AUXILIARIES for a in auxiliaries):
            return True
        if "to" not in auxiliaries or clause.head.i == clause.i:
            return False
        clause = clause.head  # "will not hesitate to shut": the will of the governing verb
    return False
