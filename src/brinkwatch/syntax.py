"""syntax: what the dependency tree says around a trigger.

Whether a word describes rather than reports ("the banned movement", "officials
accused of..."), which verb carries an event noun, where a phrase's objects and agents
are, and which nouns a trigger's phrase reaches.
"""

from __future__ import annotations

from spacy.tokens import Token

from brinkwatch.parse import ParsedSentence

_FRAMES = frozenset({"during", "before", "after", "since", "amid", "following", "ahead"})
_SPANS = frozenset({"during", "before", "since", "until", "ahead"})
_SOURCING = frozenset({"according"})  # "according to South Korean officials" tells, is not hit
_LOCATIVE = frozenset(
    {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "off"}
)
_REACH = frozenset(
    {
        "dobj",
        "dative",
        "prep",
        "pobj",
        "pcomp",
        "xcomp",
        "poss",
        "amod",
        "compound",
        "conj",
        "acl",
        "appos",
        "nmod",
        "attr",
        "oprd",
    }
)
_JOINING = frozenset({"conj", "dobj", "advcl", "xcomp", "pobj", "prep"})
# possessive pronouns, by which a phrase is tied to someone named ("its troops")
POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})


def backdrop(token: Token) -> bool:
    """Words that describe rather than report: "a Syrian-backed militia", "the banned
    movement" (participles used as adjectives), "during a summit" (a time frame), and
    event nouns inside such a description ("nationals wanted over the murder of ...")."""
    if _describes(token):
        return True
    node = token
    while node.pos_ in ("NOUN", "PROPN", "ADP") and node.dep_ in ("pobj", "prep", "dobj"):
        if node.dep_ == "pobj" and node.head.lower_ in _FRAMES and node.head.dep_ == "prep":
            return True  # "after three decades of deployment"
        node = node.head
        if node.pos_ == "VERB":
            return _passive_participle(node)
    return False


def _describes(token: Token) -> bool:
    if token.pos_ == "VERB" and token.dep_ == "amod":
        return True
    if token.dep_ == "conj" and token.pos_ == "VERB" and _describes(token.head):
        return True  # "in which 15 people were killed or wounded": both describe
    if _passive_participle(token):
        return True  # "officials accused of...", "the activists jailed for...": who they are
    if token.dep_ == "relcl" and _agentless_passive(token) and _relative_setting(token):
        return True  # "a curfew in Abkhazia, where nine protesters were shot": the setting
    if token.dep_ == "xcomp" and token.head.dep_ == "relcl":
        token = token.head  # "countries that had voted to censure Iran"
    if token.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children):
        return True  # "Karim Haddad, who had been detained for two years": who he is
    if (
        token.dep_ == "ccomp"
        and token.head.dep_ == "relcl"
        and _agentless_passive(token)
        and _relative_setting(token.head)
    ):
        return True  # "strikes in which it said 15 civilians died"
    if token.dep_ == "advcl" and _agentless_passive(token) and _framed(token):
        return True  # "postponed a trip after martial law was imposed"
    return token.dep_ == "pobj" and token.head.lower_ in _FRAMES and token.head.dep_ == "prep"


def within_description(token: Token) -> bool:
    return any(_passive_participle(ancestor) for ancestor in list(token.ancestors)[:6])


def _passive_participle(verb: Token) -> bool:
    """'men sought in...': a participle after a noun (tagged VBD when the parser errs)."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or agent_of(verb):
        return False
    if verb.tag_ == "VBD" and any(c.dep_ in ("dobj", "prt") for c in verb.children):
        return False  # "The rebels handed over their weapons" parsed as a noun phrase
    return not any(c.dep_ in ("nsubj", "mark") for c in verb.children)  # "reports that X did"


def _agentless_passive(verb: Token) -> bool:
    deps = {child.dep_ for child in verb.children}
    return "nsubjpass" in deps and "agent" not in deps


def that_clause(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _framed(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _FRAMES for c in verb.children)


def _relative_setting(verb: Token) -> bool:
    """Whether a relative clause opens with "where", "when" or "in which"."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in ("where", "when"):
            return True
        if child.dep_ == "prep" and any(c.lower_ == "which" for c in child.children):
            return True
    return False


def prep_objects(prep: Token, carrier: Token) -> list[Token]:
    """A preposition's objects; when the parser made the object the subject of a reduced
    relative clause ("gave asylum to three generals sheltering in ..."), that subject; the
    object of "visiting" taken for a clause after it ("talks with visiting X")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    # "talks with visiting Prime Minister X", parsed as a clause: the one visiting
    objects += [
        o
        for c in prep.children
        if c.dep_ == "pcomp" and c.tag_ == "VBG" and c.lemma_ == "visit"
        for o in c.children
        if o.dep_ == "dobj"
    ]
    if objects or prep.n_rights:
        return objects
    following = prep.doc[prep.i + 1 : carrier.sent.end]
    for token in following:
        clause = token.head
        if (
            token.dep_ in ("nsubj", "nsubjpass")
            and clause.i > token.i
            and clause.pos_ == "VERB"
            and clause.head == carrier
        ):
            return [token]
    return []


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def answers_named(verb: Token, answered: frozenset[str]) -> bool:
    """Whether a verb's object is a demand, proposal or accusation named before ("rejected
    the demand", "accepted this offer"): a definite noun with no owner of its own, or the
    noun a relative clause answers ("a demand the junta rejected")."""
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in answered:
        return not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)
    return any(
        c.dep_ in ("dobj", "nsubjpass")
        and c.lemma_.lower() in answered
        and any(
            d.dep_ == "det" and d.lower_ in ("the", "this", "that", "these", "those")
            for d in c.children
        )
        # ("the demand of the rebels" names its maker; "the appeal on Monday" does not)
        and not any(d.dep_ == "poss" or (d.dep_ == "prep" and not dating(d)) for d in c.children)
        for c in verb.children
    )


def dating(prep: Token) -> bool:
    """Whether a preposition only says when ("on Monday evening")."""
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive ("to leave", "to free him")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def objects_of(head: Token, preposition: str) -> list[Token]:
    """The objects of ``head``'s preposition ``preposition`` ("the expulsion *of* X")."""
    return [
        o
        for c in head.children
        if c.dep_ in ("prep", "agent") and c.lower_ == preposition
        for o in c.children
        if o.dep_ == "pobj"
    ]


def owned(head: Token) -> bool:
    """'its troops', 'their force': a phrase a possessive pronoun ties to someone named."""
    return any(c.dep_ == "poss" and c.lower_ in POSSESSIVES for c in head.children)


def carrier(token: Token) -> Token:
    """The verb that carries an event noun ("launched rocket fire"), or the token itself."""
    node = token
    # through measures too: "announced $500 million in aid"
    while node.pos_ in ("NOUN", "PROPN", "ADP", "NUM") and object_link(node):
        node = node.head
    return node if node.pos_ == "VERB" else token


def object_link(node: Token) -> bool:
    """Whether a noun hangs as (part of) an object from the word above it: "launched
    artillery, mortar and rocket fire" reaches "launched" from "fire"."""
    if node.head == node:
        return False
    if node.dep_ == "conj":
        return node.head.pos_ in ("NOUN", "PROPN")
    return node.dep_ in ("dobj", "pobj", "prep", "attr", "oprd")


def linked(upper: Token, lower: Token) -> bool:
    """Whether ``lower`` hangs from ``upper`` within two steps of conjunction, object or
    participle clause."""
    node = lower
    for _ in range(2):
        if node.dep_ not in _JOINING or node.head == node:
            return False
        node = node.head
        if node == upper:
            return True
    return False


def in_quotation(parsed: ParsedSentence, token: Token) -> bool:
    """Whether a token stands inside quotation marks opened earlier in its paragraph."""
    block_text = token.doc.text[: token.idx]
    return block_text.count('"') % 2 == 1


def clause_tokens(head: Token) -> list[int]:
    """Token indices of the complements a demand covers (they are not coded again)."""
    return [t.i for c in head.children if c.dep_ == "ccomp" for t in c.subtree]


def anaphoric(noun: Token) -> bool:
    """'the strikes', 'these attacks': a definite noun refers back to an event told before."""
    return any(
        c.dep_ == "det" and c.lower_ in ("the", "these", "those", "this") for c in noun.children
    )


def reachable_nouns(token: Token, depth: int = 5) -> list[tuple[Token, str]]:
    """Nominal heads inside a trigger's phrase, nearest first, each with the locative
    preposition that leads to it ("" for none); the walk does not cross into the subject,
    reported speech or relative clauses, but purpose clauses ("to disperse protesters")
    count."""
    found: list[tuple[Token, str]] = []
    layer = [(token, "")]
    for _ in range(depth):
        following = []
        for node, located in layer:
            for child in node.children:
                purpose = child.dep_ == "advcl" and infinitive(child)
                if child.dep_ not in _REACH and not purpose:
                    continue
                if child.dep_ == "prep" and child.lower_ in _SPANS | _SOURCING:
                    # "since the accord between X and Y": a time, not a party (what an
                    # act comes after may be what it answers: "after Chinese drills")
                    continue
                inside = located or (
                    child.lower_ if child.dep_ == "prep" and child.lower_ in _LOCATIVE else ""
                )
                if child.pos_ in ("NOUN", "PROPN", "ADJ") and child.dep_ != "conj":
                    found.append((child, inside))
                following.append((child, inside))
        layer = following
    return found


def distant_agents(verb: Token) -> list[Token]:
    """Objects of "by" inside a passive verb's phrase, nearest first, not crossing into a
    clause with a subject of its own."""
    found: list[Token] = []
    layer = [verb]
    for _ in range(4):
        following = []
        for node in layer:
            for child in node.children:
                if child.dep_ not in ("prep", "pobj", "pcomp", "dobj", "agent", "conj"):
                    continue
                if child.pos_ == "VERB" and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in child.children
                ):
                    continue
                if child.lower_ == "by" and child.dep_ in ("prep", "agent"):
                    found.extend(c for c in child.children if c.dep_ == "pobj")
                following.append(child)
        layer = following
    return found


def agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None
