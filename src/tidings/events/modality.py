"""Modality: whether an event happened, is planned, possible, conditional, denied or reported.

The cues (data/events/modality.tsv) are read along the event's governing chain: the trigger
and the words it depends on, up to the speech verb that reports it. A reporting verb whose
subject is an outlet or an anonymous source, an "according to" in the sentence, or an
interview the reporting clause cites, makes the event a reported claim. When several cues
apply, the strongest wins: negated, conditional, reported-claim, hypothetical, planned.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from tidings.events.lexicon import Lexicon
from tidings.lexicons import data_lines
from tidings.model import Citation, CitationKind, Modality
from tidings.quotes import speech_verbs

STRENGTH = [
    Modality.NEGATED,
    Modality.CONDITIONAL,
    Modality.REPORTED_CLAIM,
    Modality.HYPOTHETICAL,
    Modality.PLANNED,
]
CONDITION_MARKS = frozenset({"if", "unless"})
CHARGE_PREPOSITIONS = frozenset({"for", "of", "over", "with"})
TIME_ADJUNCTS = frozenset({"during", "after", "before", "amid", "following", "despite", "since"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # tensed verbs: a clause of their own


@dataclass(frozen=True, slots=True)
class ModalityReading:
    """An event's modality and, for reported claims, who reported it."""

    modality: Modality
    reported_by: str | None = None


@cache
def occurrence_verbs() -> frozenset[str]:
    """Verbs whose subject is an event that happens, or is to happen ("talks will resume",
    "protests erupted"): data/events/occurrence_verbs.txt."""
    return frozenset(data_lines("data/events/occurrence_verbs.txt"))


ABILITY_WORDS = frozenset({"able"})


def realised_ability(word: Token) -> bool:
    """Whether an ability is told as used: "were able to arrest", "have been able to
    arrest" (a past or perfect copula) says the arrest was made; "will be able to" does not."""
    if word.lemma_.lower() not in ABILITY_WORDS or word.dep_ != "acomp":
        return False
    copula = word.head
    perfect = copula.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in copula.children
    )
    return copula.tag_ == "VBD" or perfect


def obliged_to(verb: Token, act: Token) -> bool:
    """Whether a verb obliges its subject to an act in the present: "has to release", "have
    to leave" (the past "had to flee" tells what was done)."""
    return verb.lemma_.lower() == "have" and verb.tag_ in ("VBZ", "VBP") and act.dep_ == "xcomp"


def governing_chain(trigger: Token) -> tuple[list[Token], Token | None]:
    """The trigger and the words it depends on, and the speech verb reporting it (if any).

    The chain stops at a noun the trigger's phrase modifies ("the conflict stemming from
    Russia's invasion"): that noun's clause says nothing of whether the invasion happened.
    """
    chain = [trigger]
    current = trigger
    verbs = speech_verbs()
    while current.head.i != current.i:
        parent = current.head
        if current.dep_ in ("ccomp", "parataxis") and parent.lemma_.lower() in verbs:
            return chain, parent
        if current.dep_ == "relcl":
            break
        if (
            current.pos_ == "NOUN"
            and current.dep_ in ("nsubj", "nsubjpass")
            and parent.lemma_.lower() not in occurrence_verbs()
        ):
            break  # "the buildup would halt": what befalls an event says not whether it was
        if current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ != "for" for c in current.children
        ):
            # "While Trump has indicated …": the main clause's modality stays there; "called
            # for Russia to withdraw" is the verb's own complement
            break
        if current.dep_ == "conj" and any(c.dep_ in ("aux", "auxpass") for c in current.children):
            break  # "does not possess … and will require": each conjunct has its own modality
        if current.dep_ == "prep" and current.lower_ in TIME_ADJUNCTS:
            break  # "called for a truce during a call": the call is not what was called for
        chain.append(parent)
        # "a round of talks", "the provision of missiles": an of-phrase belongs to its head.
        passes_of = current.dep_ == "prep" and current.lower_ == "of"
        if (
            parent.pos_ in ("NOUN", "PROPN")
            and current.dep_ in ("prep", "acl", "amod", "appos")
            and not passes_of
        ):
            break
        current = parent
    return chain, None


def reporting_verb(trigger: Token) -> Token | None:
    """The speech verb whose complement holds the trigger, across relative clauses too."""
    verbs = speech_verbs()
    current = trigger
    while current.head.i != current.i:
        parent = current.head
        if current.dep_ in ("ccomp", "parataxis") and parent.lemma_.lower() in verbs:
            return parent
        current = parent
    root = trigger.sent.root
    # "The U.S. imposed sanctions …, Reuters reported.": the report is the root.
    if root.lemma_.lower() in verbs and any(
        c.dep_ in ("ccomp", "parataxis") for c in root.children
    ):
        return root if trigger.i != root.i else None
    # "Seoul could supply shells, a senior official said": the report hangs off the event.
    trailing = [
        c
        for c in root.children
        if c.dep_ in ("parataxis", "ccomp", "conj")
        and c.lemma_.lower() in verbs
        and c.i > trigger.i
        and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        and c.doc[c.left_edge.i - 1].text == ","
    ]
    return trailing[0] if trailing else None


def _has_condition(token: Token) -> bool:
    """Whether a verb carries an if/unless clause, or an inverted 'Should we…' one."""
    for child in token.children:
        if child.dep_ != "advcl":
            continue
        first = child.doc[child.left_edge.i]
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        if marks & CONDITION_MARKS or first.lower_ in ("should", "were", "had"):
            return True
    return False


def _cited(verb: Token, citations: list[Citation]) -> Citation | None:
    """The citation behind a reporting verb: its subject is an outlet, or its clause cites one."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    clause = (verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge))
    for citation in citations:
        if (
            subject is not None
            and subject.left_edge.idx <= citation.start < subject.idx + len(subject) + 1
        ):
            return citation
        if citation.kind is CitationKind.INTERVIEW and clause[0] <= citation.start < clause[1]:
            return citation
    return None


def _according_to(trigger: Token, citations: list[Citation]) -> Citation | None:
    sentence = trigger.sent
    for citation in citations:
        inside = sentence.start_char <= citation.start < sentence.end_char
        if inside and citation.text.lower().startswith("according"):
            return citation
    return None


def event_modality(
    trigger: Token, *, event_type: str, lexicon: Lexicon, citations: list[Citation]
) -> ModalityReading:
    """The modality of the event a trigger evokes."""
    cues = lexicon.modality_cues
    chain, reporter = governing_chain(trigger)
    found: set[Modality] = set()
    lexical: set[Modality] = set()  # cues from words ("consider", "potential"), not auxiliaries
    auxiliaries: list[Token] = []  # the auxiliaries that bear on the trigger's clause
    for position, token in enumerate(chain):
        # A finite conjunct ("would not affect trade and accused Washington") has its own tense,
        # negation and governor; a bare one ("did not meet or speak") shares its sibling's.
        sibling = position > 0 and chain[position - 1].dep_ == "conj"
        own_clause = sibling and chain[position - 1].tag_ in FINITE_TAGS
        denied_intent = any(c.lower_ == "no" and c.dep_ == "det" for c in token.children)
        if position > 0 and token.pos_ == "NOUN" and denied_intent:
            found.add(Modality.NEGATED)  # "had no intention of invading"
        if position > 0 and token.pos_ in ("VERB", "ADJ", "NOUN", "AUX") and not sibling:
            # A copula carries its predicate: "has been noncommittal regarding the provision".
            via_prep = chain[position - 1].dep_ == "prep"
            predicates = (
                [c for c in token.children if c.dep_ == "acomp"]
                if token.pos_ == "AUX" and via_prep
                else []
            )
            for governor in (token, *predicates):
                modality = cues.get(("governor", governor.lemma_.lower()))
                if modality and realised_ability(governor):
                    continue  # "were able to arrest them": they did
                if modality:
                    found.add(Modality(modality))
                    lexical.add(Modality(modality))
            if position == 1 and obliged_to(token, trigger):
                found.add(Modality.HYPOTHETICAL)  # "has to release them": not yet done
        # "did not hesitate to fire" says it fired; "will not hesitate to" commits by its "will"
        litotes = position > 0 and not sibling and negated_litotes(token, cues)
        for child in token.children:
            if litotes and child.dep_ == "neg":
                continue
            if child.dep_ == "preconj" and cues.get(("preconj", child.lower_)):
                found.add(Modality(cues[("preconj", child.lower_)]))
            if child.dep_ == "advmod" and no_longer(child) and not own_clause:
                found.add(Modality.NEGATED)  # "will no longer recognize him"
            if child.dep_ in ("aux", "auxpass", "neg") and not own_clause:
                auxiliaries.append(child)
                modality = cues.get(("aux", child.lower_))
                if modality:
                    found.add(Modality(modality))
            if child.dep_ in ("amod", "det", "neg") and token.pos_ == "NOUN" and position == 0:
                modality = cues.get(("modifier", child.lower_))
                if modality:
                    found.add(Modality(modality))
                    lexical.add(Modality(modality))
        if position == 0 and token.pos_ == "VERB" and negative_subject(token, cues):
            found.add(Modality.NEGATED)  # "no one was arrested", "none of them was held"
        if position > 1 and _charged_through(chain[:position]):
            # "arrested for collaborating with", "accused him of ordering": the charge
            modality = cues.get(("charge", token.lemma_.lower()))
            if modality:
                found.add(Modality(modality))
        if token.pos_ in ("VERB", "AUX") and _has_condition(token):
            found.add(Modality.CONDITIONAL)
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in token.children
        ):
            found.add(Modality.CONDITIONAL)
        if embedded_question(token, cues):
            found.add(Modality.HYPOTHETICAL)  # "asked if he would meet Putin": a question
            lexical.add(Modality.HYPOTHETICAL)
    if event_type == "THREATEN":
        # A threat happened when it was uttered; its condition ("unless Baghdad accepts") is
        # part of what was threatened, not a condition on the threat (PLOVER, CAMEO 13).
        found.discard(Modality.CONDITIONAL)
    if reporter is not None:
        # "Israel denied that its forces had attacked": the reporting verb itself negates.
        modality = cues.get(("governor", reporter.lemma_.lower()))
        if modality:
            found.add(Modality(modality))
    reporter = reporter or reporting_verb(trigger)
    citation = _cited(reporter, citations) if reporter is not None else None
    citation = citation or _according_to(trigger, citations)
    if citation is not None:
        found.add(Modality.REPORTED_CLAIM)
    if (
        reporter is not None
        and _backshifted_future(auxiliaries)
        and Modality.HYPOTHETICAL not in lexical
    ):
        # "announced that the U.S. would lift sanctions": reported "will", not a maybe
        found.discard(Modality.HYPOTHETICAL)
        found.add(Modality.PLANNED)
    strongest = next((m for m in STRENGTH if m in found), Modality.ASSERTED)
    reported_by = citation.outlet if citation is not None else None
    return ModalityReading(strongest, reported_by)


def negative_subject(verb: Token, cues: dict[tuple[str, str], str]) -> bool:
    """Whether the verb's subject denies that anyone did or underwent it: it is a negative
    pronoun ("none", "nobody") or opens with a negative word ("no one", "not a single
    activist")."""
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        first = next(iter(subject.subtree))
        words = (subject.lower_, first.lower_)
        if any(cues.get(("subject", w)) == Modality.NEGATED.value for w in words):
            return True
    return False


def no_longer(adverb: Token) -> bool:
    """Whether an adverb is "no longer" (or "not any longer"), which negates its clause."""
    return adverb.lower_ == "longer" and any(c.lower_ in ("no", "any") for c in adverb.children)


def embedded_question(clause: Token, cues: dict[tuple[str, str], str]) -> bool:
    """Whether a clause is a question another verb asks ("asked if he would meet Putin")."""
    return clause.dep_ == "ccomp" and any(
        c.dep_ == "mark" and ("question", c.lower_) in cues for c in clause.children
    )


def negated_litotes(verb: Token, cues: dict[tuple[str, str], str]) -> bool:
    """Whether a verb's negation commits to the act it governs ("will not hesitate to strike",
    "did not shy away from"): data/events/modality.tsv, scope `litotes`."""
    return ("litotes", verb.lemma_.lower()) in cues and any(c.dep_ == "neg" for c in verb.children)


@cache
def offence_words() -> frozenset[str]:
    """Verbs and nouns of legal proceedings whose complement names the offence
    (data/events/offence_verbs.txt)."""
    return frozenset(data_lines("data/events/offence_verbs.txt"))


OFFENCE_PREPOSITIONS = CHARGE_PREPOSITIONS | {"to"}  # "pleaded guilty to", "confessed to"
# participles through which a charge names its offence ("charges relating to incitement")
RELATING = frozenset({"relate", "link", "connect", "pertain"})


def charged_offence(trigger: Token) -> bool:
    """Whether a trigger names the offence of a legal proceeding ("sentenced for the murder of
    two policemen", "charged with robbing, kidnapping and attacking motorists", "pleaded guilty
    to attempted murder", "on charges of sedition"): what a court or prosecutor holds against
    someone is the content of the charge, not an act the story reports."""
    chain, _ = governing_chain(trigger)
    for position in range(2, len(chain)):
        word = chain[position]
        if word.lemma_.lower() not in offence_words():
            continue
        if word.pos_ == "NOUN" and word.head.lower_ == "in":
            continue  # "in charge of the operation"
        link = chain[position - 1]
        if link.dep_ == "acomp" and position > 2:
            link = chain[position - 2]  # "pleaded guilty to"
        if link.dep_ == "acl" and link.lemma_.lower() in RELATING and position > 2:
            link = chain[position - 2]  # "charges related to the post-election violence"
        if link.dep_ == "prep" and link.lower_ in OFFENCE_PREPOSITIONS:
            return True
    return False


def _charged_through(below: list[Token]) -> bool:
    """Whether the words below a verb on the chain make a charge complement: its "for/of/over/
    with" phrase, or one the parse hung on its object ("accused the group of looting")."""
    preposition = below[-1]
    if preposition.dep_ in ("dobj", "nsubjpass") and len(below) > 2:
        preposition = below[-2]
    return preposition.dep_ == "prep" and preposition.lower_ in CHARGE_PREPOSITIONS


def _backshifted_future(auxiliaries: list[Token]) -> bool:
    """Whether the clause's only modal is "would" (a reported "will")."""
    return [a.lower_ for a in auxiliaries if a.dep_ == "aux" and a.tag_ == "MD"] == ["would"]
