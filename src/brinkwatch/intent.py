"""intent: a promised cooperative act is coded as the expressed intent to do it (CAMEO 03).

"Spain will back Ukraine's bid" is an AGREE event that occurred (the promise),
not a SUPPORT event that is planned. Only verb triggers are recoded: a scheduled
meeting named by a noun ("talks next week") stays a planned CONSULT.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Token

from brinkwatch.ontology import Ontology
from brinkwatch.records import Mention
from brinkwatch.syntax import carrier

_OWN = frozenset({"it", "they", "he", "she", "we", "i"})


@dataclass(frozen=True)
class IntentRules:
    """Which statuses count as a promise and which code expresses each act's intent."""

    statuses: frozenset[str]
    codes: dict[str, str]
    threat_governors: frozenset[str]
    threat_codes: dict[str, str]
    commitment_modals: frozenset[str]
    commitment_governors: frozenset[str]
    declaring_verbs: frozenset[str]
    condition_marks: frozenset[str]
    refusal_codes: dict[str, str]
    onlookers: frozenset[str]
    declared_plans: tuple[str, ...] = ()
    own_descriptions: frozenset[str] = frozenset()
    own_speakers: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> IntentRules:
        """Build from the parsed ``rules/intent.yaml``."""
        return cls(
            statuses=frozenset(data["statuses"]),
            codes={str(k): str(v) for k, v in data["codes"].items()},
            threat_governors=frozenset(data["threat_governors"]),
            threat_codes={str(k): str(v) for k, v in data["threat_codes"].items()},
            commitment_modals=frozenset(data["commitment_modals"]),
            commitment_governors=frozenset(data["commitment_governors"]),
            declaring_verbs=frozenset(data["declaring_verbs"]),
            condition_marks=frozenset(data["condition_marks"]),
            refusal_codes={str(k): str(v) for k, v in data["refusal_codes"].items()},
            onlookers=frozenset(data["onlookers"]),
            declared_plans=tuple(str(c) for c in data.get("declared_plans", ())),
            own_descriptions=frozenset(data.get("own_descriptions", ())),
            own_speakers=frozenset(data.get("own_speakers", ())),
        )

    def intent_code(self, cameo: str, hostile: bool = False) -> str | None:
        """The code for the intent to do ``cameo``: CAMEO 03 for cooperation, 13 for a
        hostile act (``hostile``)."""
        return _longest_prefix(self.threat_codes if hostile else self.codes, cameo)

    def refusal_code(self, cameo: str) -> str | None:
        """The code for refusing to do the cooperative act ``cameo`` (CAMEO 12)."""
        return _longest_prefix(self.refusal_codes, cameo)


def _longest_prefix(table: dict[str, str], cameo: str) -> str | None:
    for length in range(len(cameo), 1, -1):
        code = table.get(cameo[:length])
        if code is not None:
            return code
    return None


def _committed(anchor: Token, rules: IntentRules) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in rules.commitment_modals for c in anchor.children):
        return True
    head = anchor.head
    return anchor.dep_ in ("xcomp", "acomp") and (
        head.lemma_.lower() in rules.commitment_governors
        or any(
            c.dep_ == "acomp" and c.lemma_.lower() in rules.commitment_governors
            for c in head.children
        )
    )


def _vowed(anchor: Token, rules: IntentRules) -> str | None:
    """How a hostile act is vowed: "governed" ("vowed to attack"), "conditional" ("would
    strike if attacked") or "declared" ("announced that it will withdraw"); else None."""
    governor = anchor.head
    if anchor.dep_ == "dobj" and governor.lemma_.lower() in rules.threat_governors:
        return "governed"  # "promised a tough response"
    if (
        anchor.dep_ == "xcomp"
        and governor.lemma_.lower() in rules.threat_governors
        # "the army is ready to attack" says so; "a colonel ready to arrest the president" is
        # someone's description of him
        and (governor.pos_ in ("VERB", "AUX") or governor.dep_ == "acomp")
    ):
        return "governed"
    if (
        anchor.dep_ == "ccomp"
        and governor.lemma_.lower() in rules.threat_governors
        and any(c.dep_ == "aux" and c.lower_ in rules.commitment_modals for c in anchor.children)
    ):
        return "governed"  # "vowed that the army would hunt down the attackers"
    if _conditional_modal(anchor, rules):
        return "conditional"  # "may halt mediation if cooperation founders": with terms
    # "Burundi announced that it will withdraw its contingent": the speaker declares its own act
    declared = anchor.dep_ == "ccomp" and anchor.head.lemma_.lower() in rules.declaring_verbs
    # "it will"; "the group would", said by its spokesman: the speaker's side named again
    speaker = next((c for c in anchor.head.children if c.dep_ == "nsubj"), None)
    spokesman = speaker is not None and speaker.lemma_.lower() in rules.own_speakers
    own = any(
        c.dep_ == "nsubj"
        and (
            c.lower_ in _OWN
            or (
                spokesman
                and c.lemma_.lower() in rules.own_descriptions
                and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)
            )
        )
        for c in anchor.children
    )
    future = any(c.dep_ == "aux" and c.lower_ in rules.commitment_modals for c in anchor.children)
    return "declared" if declared and own and future else None


def _conditional_modal(anchor: Token, rules: IntentRules) -> bool:
    """A said hostile act under a modal and a condition: "the EU may halt mediation if
    cooperation founders, its minister said" (the narrator's own "might ... if" is
    speculation, not a threat)."""
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in anchor.children)
    condition = any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in rules.condition_marks for m in c.children)
        for c in anchor.children
    )
    said = anchor.dep_ == "ccomp" and anchor.head.lemma_.lower() in rules.declaring_verbs
    # "..., diplomats said": onlookers speculate; only the actor's side can threaten
    speaker = next((c for c in anchor.head.children if c.dep_ == "nsubj"), None)
    onlooker = speaker is not None and speaker.lemma_.lower() in rules.onlookers
    return modal and condition and said and not onlooker


def intent_anchor(
    anchor: Token, light_verbs: frozenset[str], rules: IntentRules, cameo: str
) -> Token:
    """The verb whose governor says whether an act is promised: the trigger itself, the
    light verb carrying an event noun under a governor ("is willing to hold talks"), or
    the verb carrying a cooperative act under a modal ("Japan will extend $500 million in
    loans"). Other acts under a bare modal stay planned events: meetings ("will hold talks
    next week", as the PETR-2 gold codes them) and hostile acts ("would expand its
    offensive")."""
    head = anchor.head
    if anchor.pos_ != "NOUN":
        return anchor
    if (
        anchor.dep_ == "dobj"
        and head.pos_ == "VERB"
        and head.dep_ == "xcomp"
        and head.lemma_.lower() in light_verbs
    ):
        return head
    verb = carrier(anchor)  # through measures: "will extend $500 million in loans"
    promised = any(c.dep_ == "aux" and c.lower_ in rules.commitment_modals for c in verb.children)
    # cooperative acts with an intent code, meetings (CAMEO 04) aside
    cooperative = rules.intent_code(cameo) is not None and not cameo.startswith("04")
    return verb if verb is not anchor and promised and cooperative else anchor


def as_intent(
    mention: Mention, anchor: Token, is_verb: bool, rules: IntentRules, ontology: Ontology
) -> Mention:
    """The mention recoded as an expressed intent (a promise or a threat), a refusal
    ("said she would not lend support": CAMEO 12), or unchanged."""
    if is_verb and mention.status == "negated" and _committed(anchor, rules):
        code = rules.refusal_code(mention.cameo)
        plover = ontology.plover_of(code) if code else None
        if code is not None and plover is not None:
            return replace(mention, cameo=code, type=plover[0], mode=plover[1], status="occurred")
    # "promised a tough response": a hostile act named as what is vowed
    vowed_object = anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in rules.threat_governors
    if not (is_verb or vowed_object) or mention.status not in rules.statuses:
        return mention
    vowed = _vowed(anchor, rules)
    passive = any(c.dep_ == "auxpass" for c in anchor.children)
    if mention.type == "THREATEN" and is_verb and passive and _committed(anchor, rules):
        # "any provocation will be met with a merciless response": the threat is made now
        # (but "Iran will threaten the shipping lanes" is still to come)
        return replace(mention, status="occurred")
    if vowed == "declared" and mention.cameo.startswith(rules.declared_plans):
        vowed = None  # "said it would send 1,000 police officers": a planned deployment
    if vowed and mention.type == "THREATEN":
        return replace(mention, status="occurred")  # "vowed to answer any violation with force"
    code = rules.intent_code(mention.cameo, hostile=True) if vowed else None
    if code is None and (vowed or _committed(anchor, rules)):
        code = rules.intent_code(mention.cameo)
    plover = ontology.plover_of(code) if code else None
    if code is None or plover is None:
        return mention
    return replace(mention, cameo=code, type=plover[0], mode=plover[1], status="occurred")
