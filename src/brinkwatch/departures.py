"""departures: acts that tell someone to leave.

"Gave the ambassador 72 hours to leave" expels him (a deadline given to an army is an
ultimatum, still a threat); "the rebels ordered villagers to leave" drives them out
(a mass expulsion), "the gang warned residents to leave their homes" threatens them,
and a government ordering residents out evacuates them (no event). A deadline that
gives the terms of an expulsion or a break told beside it is no event of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from brinkwatch.lexicon import Lexicon
from brinkwatch.records import Actor
from brinkwatch.syntax import infinitive
from brinkwatch.triggers import Match

# armed forces and groups: hours given them "to leave" are an ultimatum
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "SEP", "UAF"})
# those whose order to civilians to leave is an evacuation
_EVACUATORS = frozenset({"GOV", "COP", "JUD", "LEG"})
# people an armed group drives from their homes
_CIVILIANS = frozenset({"CVL", "REF", "AGR", "LAB", "BUS"})
# sanctions on diplomats a deadline to leave gives the terms of (break ties, expel), and
# the expulsion of other people (174)
_DIPLOMATIC_BREAKS = ("161", "166", "174")
# expelling people: what hours given to someone not armed "to leave" do
_EXPEL = "166"
# civilians an armed group orders to leave are driven out (CAMEO 201, mass expulsion) or,
# warned to leave, threatened with force (138)
_DRIVEN_OUT = "201"
_WARNED_AWAY = "138"


class Departures:
    """Recodes threats and sanctions that tell someone to leave."""

    def __init__(self, lexicon: Lexicon, match: Callable[[Token], Match | None]):
        self._leaving = lexicon.leaving_verbs
        self._match = match

    def recode(
        self,
        verb: Token,
        kind: str,
        cameo: str,
        source: Actor | None,
        told: Actor | None,
        teller: Callable[[], Actor | None],
    ) -> tuple[str, Actor | None] | None:
        """The code and source of a threat or sanction of type ``kind`` once what it tells
        ``told`` to do is read ("to leave"), or None when it is no event of its own;
        ``teller`` gives who says the clause."""
        armed = source is not None and source.sector in ARMED_SECTORS | {"CRM"}
        # those an armed group tells to leave are civilians unless named otherwise
        unnamed = armed and (told is None or told.sector is None)
        if (
            (unnamed or (told is not None and told.sector in _CIVILIANS))
            and kind in ("THREATEN", "SANCTION")
            and self._told_to_leave(verb)
        ):
            # "the rebels ordered villagers to leave": a mass expulsion; "the gang warned
            # residents to leave their homes": a threat; by a government, an evacuation
            if armed:
                return (_WARNED_AWAY if kind == "THREATEN" else _DRIVEN_OUT), source
            if source is not None and source.sector in _EVACUATORS:
                return None
        elif kind == "THREATEN" and self._leave_deadline(verb, told):
            if source is None:
                # "Tehran said the ambassador had been given 72 hours to leave": the speaker's
                source = teller()
            if source is None or self._joined_sanction(verb):
                # "cut ties with Iran and gave its diplomats 48 hours to leave"; "the
                # diplomat was given 72 hours to leave": the terms of an expulsion told
                return None
            return _EXPEL, source  # "gave the ambassador 72 hours to leave" expels him
        return cameo, source

    def _told_to_leave(self, verb: Token) -> bool:
        """Whether a verb tells someone to leave ("ordered villagers to leave the area")."""
        return any(
            c.lemma_.lower() in self._leaving
            and (c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and infinitive(c)))
            for c in verb.children
        )

    def _leave_deadline(self, verb: Token, given: Actor | None) -> bool:
        """Whether hours are given to someone not armed "to leave": an expulsion's
        deadline, not an ultimatum ("gave the army 48 hours to leave Kosovo" is one)."""
        leaving = any(
            c.dep_ in ("advcl", "xcomp", "acl", "relcl") and c.lemma_.lower() in self._leaving
            for child in verb.children
            for c in (child, *child.children)  # ("72 hours to leave": on the amount)
        )
        return leaving and (given is None or given.sector not in ARMED_SECTORS)

    def _joined_sanction(self, verb: Token) -> bool:
        """Whether a verb is joined to a sanction it gives the terms of ("expelled the
        envoy and gave him 72 hours to leave", "cut ties, giving diplomats 48 hours")."""
        joined = [c for c in verb.children if c.dep_ in ("conj", "advcl")]
        if verb.dep_ in ("conj", "advcl"):
            joined.append(verb.head)
        # (breaking ties or expelling: "revoked defence agreements and gave the ambassador
        # 48 hours to leave" expels him too)
        return any(
            hit[1].startswith(_DIPLOMATIC_BREAKS)
            for hit in (self._match(v) for v in joined)
            if hit is not None
        )
