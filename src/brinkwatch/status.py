"""status: occurred, planned, possible, hypothetical or negated, from cues that govern the trigger.

A cue counts only where it has the trigger in its scope: on the trigger itself, on
a word on the trigger's path to the root, or attached to such a word. Reporting
verbs are transparent ("officials said Russia will attack": planned), except those
that deny what they report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from brinkwatch.records import Status

_CHILD_CUES = frozenset(
    {"aux", "auxpass", "neg", "advmod", "mark", "det", "acomp", "npadvmod", "prep"}
)


@dataclass(frozen=True)
class StatusRules:
    """Cue lists from ``rules/status.yaml``."""

    possible_modals: frozenset[str]
    planned_modals: frozenset[str]
    conditional_modals: frozenset[str]
    negations: frozenset[str]
    negating_subjects: frozenset[str]
    possible_adverbs: frozenset[str]
    planned_adverbs: frozenset[str]
    possible_adjectives: frozenset[str]
    planned_adjectives: frozenset[str]
    governors: dict[str, frozenset[str]]
    decreeing: frozenset[str]
    negated_with_no: frozenset[str]
    conditional_marks: frozenset[str]
    question_marks: frozenset[str]
    hypothetical_determiners: frozenset[str]
    future_words: frozenset[str]
    infinitive_future: frozenset[str]
    speech_verbs: frozenset[str]

    @classmethod
    def from_data(cls, status: dict[str, Any], speech_verbs: list[str]) -> StatusRules:
        """Build from the parsed status and attribution YAML files."""

        def words(*keys: str) -> frozenset[str]:
            node: Any = status
            for key in keys:
                node = node[key]
            return frozenset(str(word) for word in node)

        return cls(
            possible_modals=words("modals", "possible"),
            planned_modals=words("modals", "planned"),
            conditional_modals=words("modals", "conditional"),
            negations=words("negation_words"),
            negating_subjects=words("negating_subjects"),
            possible_adverbs=words("adverbs", "possible"),
            planned_adverbs=words("adverbs", "planned"),
            possible_adjectives=words("adjectives", "possible"),
            planned_adjectives=words("adjectives", "planned"),
            governors={key: frozenset(value) for key, value in status["governors"].items()},
            decreeing=words("decreeing"),
            negated_with_no=words("negated_with_no"),
            conditional_marks=words("conditional_marks") - words("question_marks"),
            question_marks=words("question_marks"),
            hypothetical_determiners=words("hypothetical_determiners"),
            future_words=words("future_words"),
            infinitive_future=words("infinitive_future"),
            speech_verbs=frozenset(speech_verbs),
        )


@dataclass
class _Cues:
    hypothetical: bool = False
    negated: bool = False
    would: bool = False
    reported: bool = False
    nearest: Status | None = None
    possible: bool = False

    def add(self, status: Status) -> None:
        if status == "possible":
            self.possible = True
        if self.nearest is None:
            self.nearest = status


def status_of(anchor: Token, rules: StatusRules, terms: bool = False) -> Status:
    """The status of the event whose trigger (or claim) is ``anchor``; with ``terms`` (a
    threat), a condition on the anchor itself states the threat's terms and does not
    make it hypothetical: "threatened to strike if the drills continued" was made."""
    cues = _Cues()
    path = [anchor]
    while path[-1].head != path[-1]:
        path.append(path[-1].head)
    sibling_of: Token | None = None
    for position, node in enumerate(path):
        below = path[position - 1] if position else None
        if below is not None and below.dep_ in ("ccomp", "parataxis") and _is_speech(node, rules):
            cues.reported = True
            if node.lemma_.lower() in rules.governors.get("negated", ()):
                cues.negated = True
            break
        if (
            below is not None
            and below.dep_ == "pcomp"
            and node.lower_ == "with"
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in below.children)
        ):
            break  # "vetoed the text, with its envoy accusing X": a clause of its own
        if below is not None and node.lemma_.lower() == "contrary":
            cues.negated = True
        if position == 0 and any(
            c.dep_ in ("nsubj", "nsubjpass") and _no_one(c, rules) for c in node.children
        ):
            cues.negated = True  # "nobody was hurt", "no shots were fired"
        if _own_predicate(below):
            # "denied shelling the market and blamed the army": the second verb asserts
            # on its own, though both are said or both are conditions
            if (node.dep_ == "advcl" and _conditional_clause(node, rules)) or _inverted(node):
                cues.hypothetical = True
            if node.dep_ == "xcomp" and node.tag_ == "VB":
                # "refused to release him and extended his detention": joined to the
                # refusal, not to what was refused
                sibling_of = node
            continue
        participle = below is not None and below.dep_ == "advcl" and below.tag_ == "VBG"
        if not participle and (below is None or below is not sibling_of):
            # "moved troops to the border, accusing its neighbour": the participle is done,
            # whatever the verb it hangs on says of its own act
            _governor(node, below, rules, cues)
        if position == 0 and _ahead_of(node):
            cues.add("planned")  # "deployed ahead of a march by opposition supporters"
        for child in node.children:
            if child.dep_ == "amod" and position == 0:
                _trigger_modifier(node, child, rules, cues)  # "ahead of planned protests"
                continue
            if child == below or (child.dep_ not in _CHILD_CUES and child.dep_ != "advcl"):
                continue
            if terms and position == 0 and child.dep_ == "advcl" and child.i > node.i:
                continue  # terms follow the threat; "if talks fail, Iran could threaten"
            _child_cue(node, child, rules, cues)
        if (node.dep_ == "advcl" and _conditional_clause(node, rules)) or _inverted(node):
            cues.hypothetical = True  # the event is itself the condition
        if node.dep_ == "relcl":
            break  # a relative clause asserts on its own: "the bases that were hit will be rebuilt"
    return _decide(cues)


def _own_predicate(verb: Token | None) -> bool:
    """Whether a coordinated verb is a predicate of its own: finite, or with its own
    subject ("had not shot ... and accused"), not one sharing the first verb's
    auxiliaries and negation ("will meet and sign", "did not attack or shell")."""
    return (
        verb is not None
        and verb.dep_ == "conj"
        and verb.pos_ in ("VERB", "AUX")
        and (
            verb.tag_ in ("VBD", "VBZ", "VBP")
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        )
    )


def _is_speech(token: Token, rules: StatusRules) -> bool:
    return token.lemma_.lower() in rules.speech_verbs and token.pos_ in ("VERB", "AUX")


def _governor(node: Token, below: Token | None, rules: StatusRules, cues: _Cues) -> None:
    if below is None:
        return
    if below.dep_ == "advcl" and below.tag_ in ("VBD", "VBZ", "VBP"):
        return  # "ordered troops to the border after rebels killed 12": told as done
    lemma = node.lemma_.lower()
    if lemma in rules.infinitive_future and below.dep_ == "xcomp":
        cues.add("planned")  # "Israel is to release 90 detainees"
        return
    if lemma in rules.governors.get("negated", ()) and below.dep_ != "nsubj":
        cues.negated = True
    elif (
        lemma in rules.governors.get("planned", ())
        and below.dep_ not in ("nsubj", "nsubjpass")
        and not (lemma in rules.decreeing and below.dep_ == "dobj")
    ):
        cues.add("planned")
    elif lemma in rules.governors.get("possible", ()) and below.dep_ not in ("nsubj", "nsubjpass"):
        cues.add("possible")
    if lemma in rules.negated_with_no and _with_no(node):
        cues.negated = True
    elif any(
        c.dep_ == "dobj" and c.lemma_.lower() in rules.negated_with_no and _with_no(c)
        for c in node.children
    ):
        cues.negated = True  # "have no interest whatsoever in sitting down": on the verb


def _trigger_modifier(node: Token, child: Token, rules: StatusRules, cues: _Cues) -> None:
    """An adjective on an event noun that says it is not (yet) done: "ahead of planned
    protests", "a possible strike"."""
    if node.pos_ not in ("NOUN", "PROPN"):
        return
    if child.lower_ in rules.possible_adjectives:
        cues.add("possible")
    elif child.lower_ in rules.planned_adjectives:
        cues.add("planned")


def _ahead_of(noun: Token) -> bool:
    """Whether an event noun is what something is done "ahead of": not yet held."""
    preposition = noun.head
    return (
        noun.pos_ in ("NOUN", "PROPN")
        and noun.dep_ == "pobj"
        and preposition.lower_ == "of"
        and preposition.head.lower_ == "ahead"
    )


def _with_no(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _child_cue(node: Token, child: Token, rules: StatusRules, cues: _Cues) -> None:
    word = child.lower_
    dep = child.dep_
    if dep in ("aux", "auxpass"):
        if word in rules.possible_modals:
            cues.add("possible")
        elif word in rules.planned_modals:
            cues.add("planned")
        elif word in rules.conditional_modals:
            cues.would = True
    elif dep == "neg" or (dep == "det" and word == "no") or (dep == "advmod" and word == "never"):
        cues.negated = True
    elif dep == "advmod":
        if word in rules.possible_adverbs:
            cues.add("possible")
        elif word in rules.planned_adverbs:
            cues.add("planned")
    elif dep == "mark":
        if word in rules.question_marks:
            cues.add("possible")
        elif word in rules.conditional_marks:
            cues.hypothetical = True
    elif dep == "det" and word in rules.hypothetical_determiners:
        cues.hypothetical = cues.hypothetical or _has_would(node)
    elif dep == "acomp":
        lemma = child.lemma_.lower()
        if lemma in rules.governors.get("planned", ()):
            cues.add("planned")
        elif lemma in rules.governors.get("possible", ()):
            cues.add("possible")
    elif dep == "npadvmod" or (dep == "prep" and word not in ("of", "ahead")):
        # "for next week"; not "accused the organisers of ... ahead of next year's vote",
        # nor "sent two ships later that day" (told in the past)
        if not _past(node) and any(t.lower_ in rules.future_words for t in child.subtree):
            cues.add("planned")
    elif dep == "advcl" and _conditional_clause(child, rules):
        cues.hypothetical = True


def _conditional_clause(clause: Token, rules: StatusRules) -> bool:
    """'if X attacks', and the inverted 'should X attack', 'had X attacked'."""
    if any(c.dep_ == "mark" and c.lower_ in rules.conditional_marks for c in clause.children):
        return True
    return _inverted(clause)


def _inverted(clause: Token) -> bool:
    """'Should Moscow deploy ...', 'Had Israel struck ...': a condition by inversion."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(
        c.dep_ in ("aux", "auxpass")
        and c.lower_ in ("should", "had", "were")
        and c.i < subject.i
        and (c.i == c.sent.start or c.nbor(-1).is_punct)
        for c in clause.children
    )


def _has_would(noun: Token) -> bool:
    head = noun.head if noun.dep_ in ("nsubj", "nsubjpass") else noun
    return any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in head.children)


def _decide(cues: _Cues) -> Status:
    if cues.hypothetical:
        return "hypothetical"
    if cues.negated:
        return "possible" if cues.possible else "negated"
    if cues.nearest is not None:
        return cues.nearest
    if cues.would:
        return "planned" if cues.reported else "hypothetical"
    return "occurred"


def _no_one(subject: Token, rules: StatusRules) -> bool:
    """Whether a subject says that no one did it or nothing was done: "nobody", "no one",
    "no shots were fired", "not a single rocket was launched", "not one soldier"."""
    words = [c.lower_ for c in subject.children if c.dep_ == "det"] + [subject.lower_]
    if subject.lower_ in rules.negating_subjects or " ".join(words) in rules.negating_subjects:
        return True
    return any(
        (c.dep_ == "det" and c.lower_ == "no")
        or c.dep_ == "neg"
        or (c.dep_ == "nummod" and _not_one(c))
        for c in subject.children
    )


def _not_one(number: Token) -> bool:
    """'Not one', not "no fewer than 30": a number negated, not bounded."""
    marks = list(number.children)
    return any(c.dep_ == "neg" for c in marks) and not any(
        c.dep_ == "quantmod" or c.tag_ in ("JJR", "RBR") for c in marks
    )


def _past(verb: Token) -> bool:
    """Whether a verb is told in the past: "sent", "had sent" (not "will have sent")."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in auxiliaries):
        return False
    return verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxiliaries)
