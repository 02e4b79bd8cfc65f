"""folding: mentions in one sentence that tell one event, or that are not events.

"Killed two and wounded five" is one attack; "staged protests to demand reforms" is one
protest whose aim is the demand; what an ultimatum's "unless" clause asks is not an
event of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from brinkwatch.actors import countries_of, is_placed
from brinkwatch.parse import ParsedSentence
from brinkwatch.records import Actor, Mention
from brinkwatch.syntax import carrier, infinitive, linked

_ULTIMATUMS = frozenset({"unless", "until"})
# a riot is one event, whatever its crowd burns, loots or storms
_RIOT = "145"


@dataclass(frozen=True)
class Found:
    """A mention found in a sentence, with the token whose scope decides status and source."""

    mention: Mention
    anchor: int
    parsed: ParsedSentence
    speech_act: bool
    speaker_is_source: bool = False


def fold_same_kind(results: list[Found]) -> list[Found]:
    """'killed two and wounded five', 'imposed sanctions', 'shelled the city, killing 20':
    mentions of one type joined in the parse are one event; the first keeps the target and
    the source the others name when it has none ("were killed when rebels ambushed the
    convoy"). Different targets stay separate events."""
    kept: list[Found] = []
    for item in results:
        joined = next((k for k in kept if _same_event(k, item)), None)
        if joined is None:
            kept.append(item)
            continue
        first, other = joined.mention, item.mention
        fuller = first
        if first.target is None and other.target is not None:
            fuller = replace(fuller, target=other.target)
        if first.source is None and other.source is not None:
            fuller = replace(fuller, source=other.source)  # "were killed when rebels struck"
        if fuller is not first:
            fuller = replace(fuller, confidence=max(first.confidence, other.confidence))
            kept[kept.index(joined)] = replace(joined, mention=fuller)
    return kept


def without_aims(results: list[Found]) -> list[Found]:
    """'Staged demonstrations to demand reforms by the government': what a protest
    demands is its aim, one PROTEST event that takes the demand's target if it has none."""
    kept = list(results)
    for item in results:
        if item.mention.type != "REQUEST":
            continue
        doc = item.parsed.span.doc
        aim = doc[item.anchor]
        protest = next(
            (
                k
                for k in kept
                if k.mention.type == "PROTEST" and _aim_of(aim, carrier(doc[k.anchor]))
            ),
            None,
        )
        if protest is None:
            continue
        kept.remove(item)
        if protest.mention.target is None and item.mention.target is not None:
            index = kept.index(protest)
            kept[index] = replace(
                protest, mention=replace(protest.mention, target=item.mention.target)
            )
    return kept


# how a protest hangs on the verb that carries it ("began a strike", "used X to block")
_CARRIED = frozenset({"dobj", "xcomp", "advcl"})


def _aim_of(aim: Token, act: Token) -> bool:
    """Whether ``aim`` is the purpose of ``act`` ("to demand", "in demanding", "blocked
    roads demanding", "went on hunger strike demanding"), within three steps, or
    describes who protests ("protesters demanding voting rights threw stones")."""
    if aim.dep_ == "acl" and aim.head.dep_ == "nsubj" and aim.head.head == act:
        return True
    if aim.dep_ in ("advcl", "xcomp") and aim.head == act.head and act.dep_ in _CARRIED:
        # "used tractors to block the crossings, demanding ...", "began a strike to press
        # the government": the aim hangs on the verb that carries the protest
        return True
    node = aim
    for _ in range(3):
        if node.head == node:
            return False
        node = node.head
        if node == act:
            # ("a strike to press the government": an infinitive on the protest noun)
            purposed = aim.dep_ == "relcl" and infinitive(aim)
            return (
                aim.dep_ in ("advcl", "xcomp", "pcomp", "conj", "acl")
                or aim.head.dep_ == "prep"
                or purposed
            )
    return False


def without_venue_meetings(results: list[Found]) -> list[Found]:
    """'Travelled to Muscat, where he held talks with his Omani counterpart', 'hosted him
    at his residence, where the two leaders discussed trade': the talks at the place of a
    visit or a hosting are that meeting, one CONSULT event."""
    doc = results[0].parsed.span.doc if results else None
    meetings = {r.anchor for r in results if r.mention.type == "CONSULT"}
    kept = []
    for item in results:
        if item.mention.type == "CONSULT" and doc is not None:
            venue = _venue_clause(doc[item.anchor])
            if venue is not None and any(a.i in meetings for a in venue.head.ancestors):
                continue
        kept.append(item)
    return kept


def _venue_clause(token: Token) -> Token | None:
    """The "where" relative clause on a place noun that a trigger stands in, if any."""
    for node in (token, *token.ancestors):
        if node.dep_ == "relcl":
            where = any(c.dep_ == "advmod" and c.lower_ == "where" for c in node.children)
            return node if where else None
    return None


def without_conditions(results: list[Found], conditions: frozenset[str]) -> list[Found]:
    """'Will withdraw its force unless X arranges a ceasefire', 'threatened to strike if
    X arms the rebels': what an ultimatum or a threat asks of the other side is not an
    event of its own."""
    if not results:
        return results
    doc = results[0].parsed.span.doc
    inside: set[int] = set()
    for found in results:
        marks = conditions if found.mention.type == "THREATEN" else _ULTIMATUMS
        act = carrier(doc[found.anchor])
        # the terms may hang on the act threatened or refused: "threatened to close the
        # strait if its exports were blocked", "warned that it would close the strait if
        # X attacked", "refused to disarm until X resigns"
        acts = [act, *(c for c in act.children if c.dep_ in ("xcomp", "ccomp"))]
        acts += [c for a in acts[1:] for c in a.children if c.dep_ == "conj"]
        for clause in (c for a in acts for c in a.children):
            if clause.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in marks for m in clause.children
            ):
                inside.update(t.i for t in clause.subtree)
    return [f for f in results if f.anchor not in inside]


def _same_event(kept: Found, item: Found) -> bool:
    first, other = kept.mention, item.mention
    if first.type != other.type or kept.speech_act or item.speech_act:
        return False
    if (
        other.source is not None
        and first.source is not None
        and other.source.country != first.source.country
    ):
        return False
    if (
        _placed_actor(first.target)
        and _placed_actor(other.target)
        and countries_of(first.target) != countries_of(other.target)
    ):
        return False  # "shelled Juba, killing 20 people" is one event; two countries are two
    doc = kept.parsed.span.doc
    a, b = carrier(doc[kept.anchor]), carrier(doc[item.anchor])
    if (
        b.dep_ != "advcl"
        and not first.cameo == other.cameo == _RIOT  # "torched a police station and looted depots"
        and first.target is not None
        and other.target is not None
        and None not in (first.target.sector, other.target.sector)
        and first.target.sector != other.target.sector
    ):
        return False  # "arrested protesters and detained journalists"; not "..., killing 20"
    result = b.dep_ == "advcl" or (b.dep_ == "conj" and b.head.dep_ == "advcl")
    if not result and distinct_acts(first.cameo, other.cameo):
        return False  # "kidnapped advisers and exploded bombs" are two attacks
    # "Russian air strikes killed 20", "a bombing that killed 12": the strikes are the
    # killing
    one, two = doc[kept.anchor], doc[item.anchor]
    doing = any(
        x.head == y and (x.dep_ == "nsubj" or (x.dep_ == "relcl" and y.pos_ == "NOUN"))
        for x, y in ((a, b), (b, a), (one, two), (two, one))
    )
    return a == b or doing or linked(a, b) or linked(b, a)


def distinct_acts(one: str, other: str) -> bool:
    """Two specific CAMEO codes of different kinds ("181" abduct, "183" bomb; "1723" curfew,
    "1724" state of emergency); a generic one ("190", "1823" kill) may be either."""
    specific = [code[:3] for code in (one, other) if len(code) >= 3 and code[2] != "0"]
    if len(specific) == 2 and specific[0] == specific[1] == "172":
        return one != other  # "declared a state of emergency and imposed a curfew"
    return len(specific) == 2 and specific[0] != specific[1] and "182" not in specific


def _placed_actor(actor: Actor | None) -> bool:
    return actor is not None and is_placed(actor)


def credit_claims(results: list[Found], responsibility: frozenset[str]) -> list[Found]:
    """'A bomber killed 12 people, and the Taliban claimed responsibility for the attack':
    the attack claimed is the one of its kind told before it in the sentence, and the
    claimant is its source; the claim is no second attack."""
    out = list(results)
    for claim in results:
        token = claim.parsed.span.doc[claim.anchor]
        if claim.mention.source is None or not refers_back(token, responsibility):
            continue
        before = [
            i
            for i, f in enumerate(out)
            if f is not claim and f.mention.type == claim.mention.type and f.anchor < claim.anchor
        ]
        if not before:
            continue
        told = out[before[-1]]
        out[before[-1]] = replace(told, mention=replace(told.mention, source=claim.mention.source))
        out = [f for f in out if f is not claim]
    return out


def refers_back(noun: Token, responsibility: frozenset[str]) -> bool:
    """'responsibility for the attack': a definite event noun a claim of responsibility
    names."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "for"
        and noun.head.head.lemma_.lower() in responsibility
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
    )
