"""events: triggers -> candidate mentions with PLOVER type, mode, CAMEO code, source and target."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Token

from brinkwatch.actors import (
    ActorResolver,
    SentenceActors,
    countries_of,
    is_coded,
    is_placed,
)
from brinkwatch.anaphora import Antecedents
from brinkwatch.context import VISITS, mention_confidence
from brinkwatch.departures import Departures
from brinkwatch.folding import (
    Found,
    credit_claims,
    fold_same_kind,
    without_aims,
    without_conditions,
    without_venue_meetings,
)
from brinkwatch.lexicon import Lexicon, TriggerEntry
from brinkwatch.nonevents import NonEvents
from brinkwatch.ontology import Ontology
from brinkwatch.parse import ParsedSentence
from brinkwatch.records import Actor, Mention, Trigger
from brinkwatch.sources import MOVES, SourceFinder
from brinkwatch.speech_acts import SpeechActs
from brinkwatch.syntax import (
    agent_of,
    anaphoric,
    backdrop,
    carrier,
    clause_tokens,
    dating,
    infinitive,
    objects_of,
    owned,
)
from brinkwatch.targets import TargetFinder
from brinkwatch.triggers import TriggerMatcher, coded_objects
from brinkwatch.verbforms import VerbForms

# releases of people or property and admissions: what the passive's subject undergoes
_RELEASES = ("084", "086")
_VERBAL_TYPES = frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT", "AGREE", "SUPPORT"})
_SPEECH_ACT_TYPES = frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT"})
_MUTUAL = frozenset({"CONSULT", "COOPERATE", "AGREE"})  # done together, with each other
# CAMEO roots of hostile acts: promised, they are threats (CAMEO 13), as is a threat
# promised ("vowed to answer any violation with force")
_HOSTILE_ROOTS = frozenset({"13", "15", "16", "17", "18", "19", "20"})
# civilians and refugees who travel somewhere visit no one
_PRIVATE_TRAVELLERS = frozenset({"CVL", "REF"})
# workers, teachers, doctors and farmers: their strikes are labour strikes
_WORKERS = frozenset({"LAB", "EDU", "HLH", "AGR"})
_ABSORBED_THROUGH = frozenset({"xcomp", "ccomp", "advcl", "dobj", "pobj", "prep", "pcomp"})
_STRIKES = frozenset({"ASSAULT"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# a state's own forces, which it moves or alerts
_FORCES = frozenset({"MIL", "COP"})
# prepositions that aim a launch at something ("fired two missiles at a carrier")
_AIMED_AT = frozenset({"at", "on", "against", "toward", "towards", "into"})
# what a crowd's demand is: a demonstration (CAMEO 141; 1411-1414 for the kinds of 104)
_DEMONSTRATE = "141"


class EventFinder:
    """Finds event mentions in parsed sentences using the trigger lexicon."""

    def __init__(self, nlp: Language, lexicon: Lexicon, ontology: Ontology, actors: ActorResolver):
        self._lexicon = lexicon
        self._ontology = ontology
        self._actors = actors
        self._antecedents = Antecedents(
            actors, lexicon.anaphora, frozenset(lexicon.attribution["speech_verbs"])
        )
        self._verbs = VerbForms(lexicon)
        self._triggers = TriggerMatcher(lexicon, self._verbs, actors.names_place, actors.names_body)
        self._match = self._triggers.match
        self._departures = Departures(lexicon, self._match)
        self._nonevents = NonEvents(
            lexicon, self._verbs.lemmas, lambda t: self._match(t) is not None
        )
        self._speech_acts = SpeechActs(nlp, lexicon, actors, self._nonevents, self._verbs)
        self._sources = SourceFinder(
            lexicon, ontology, actors, self._antecedents, self._triggers, self._verbs
        )
        self._targets_of = TargetFinder(
            lexicon,
            actors,
            self._antecedents,
            self._triggers,
            self._verbs,
            self._sources.noun_owner,
        )
        self._conditions = frozenset(lexicon.status["conditional_marks"])
        self._speech = frozenset(lexicon.attribution["speech_verbs"])
        self._hosting = frozenset(
            v.lemma for v in lexicon.verbs if v.cameo == "043" and v.particle is None
        )
        self._generic = frozenset(lexicon.status["hypothetical_determiners"])
        modals = lexicon.status["modals"]
        self._future_modals = frozenset(modals["planned"]) | frozenset(modals["conditional"])

    def find(self, parsed: ParsedSentence, doc_id: str) -> list[Found]:
        """Every mention in one sentence."""
        found = self._actors.annotate(parsed)
        results: list[Found] = list(self._speech_acts.obligations(parsed, found, doc_id))
        claimed: set[int] = {i for f in results for i in clause_tokens(parsed.span.doc[f.anchor])}
        for token in parsed.span:
            if token.i in claimed or token.i in found.entries:
                continue
            hit = self._match(token)
            if hit is None or self._nonevents.any(token, found):
                continue
            if backdrop(token) and not _visit_during(token, hit[1]):
                continue
            entry, cameo, first = hit
            if entry.pos == "noun" and self._acted_on(token, cameo):
                continue  # "ambushed an army patrol": the unit the act befell
            if entry.pos == "noun" and self._restated(token):
                continue  # "..., the first visit by a Japanese minister this year"
            # "prohibit all aid", "suspended talks", "aid was delivered", "lifted most of
            # its sanctions": the object that sets the code is not an event of its own
            coding = coded_objects(token, entry)
            if self._by_means(token):
                continue  # "retaliated by shutting the consulate": the means codes it
            if self._risk_warning(token):
                continue  # "doctors warned that his life could be at risk": no threat
            if self._vowed_harm(token, cameo):
                continue  # "vowed to attack": the attack, recoded as a threat, codes it
            outer = self._absorbing_trigger(token)
            if outer is not None:
                # "agreed to meet", "threatened to impose sanctions": the outer verb codes it
                claimed.update(coding)
                continue
            mention = self._mention(parsed, found, doc_id, token, first, entry, cameo)
            accused = self._accused_of(token)
            if mention is not None and accused is not None:
                # "accused X of firing on the boat, wounding two": the wounding, told as
                # done, is X's
                mention = replace(
                    mention,
                    mention=replace(
                        mention.mention, source=self._actors.actor(parsed, found, accused)
                    ),
                )
            if mention is not None:
                claimed.update(t.i for t in (first, token))
                claimed.update(coding)
                # an object named before its verb ("aid was delivered") was seen first
                results = [r for r in results if r.anchor not in coding]
                results.append(mention)
        results = credit_claims(results, self._lexicon.responsibility_nouns)
        results = without_aims(without_conditions(fold_same_kind(results), self._conditions))
        results = [self._crowd_demand(r) for r in without_venue_meetings(results)]
        results.extend(self._speech_acts.claimed_attacks(parsed, found, doc_id, results))
        results.extend(self._speech_acts.label_accusations(parsed, found, doc_id, results))
        return results

    def hosted(self, parsed: ParsedSentence) -> bool:
        """Whether a sentence says someone hosted ("at a lunch hosted by the ambassador")."""
        return any(t.pos_ == "VERB" and t.lemma_.lower() in self._hosting for t in parsed.span)

    def named_act(self, token: Token) -> frozenset[str] | None:
        """The kind of act a verb's definite object names as one told before, with no doer
        of its own: "condemned the abduction" (ASSAULT), "denounced the expulsions", "in an
        attack that was condemned by the UN"."""
        if token.dep_ == "relcl" and token.head.pos_ == "NOUN":
            return self._kind(token.head)
        for noun in token.children:
            if noun.dep_ not in ("dobj", "nsubjpass") or noun.pos_ != "NOUN":
                continue
            if not any(d.dep_ == "det" and d.lower_ in _DEFINITE for d in noun.children):
                continue
            if any(d.dep_ == "poss" or d.lower_ == "by" for d in noun.children):
                continue  # "condemned Russia's attack", "the attack by rebels": named here
            return self._kind(noun)
        return None

    def _kind(self, noun: Token) -> frozenset[str] | None:
        """The PLOVER types of the act an event noun names, if it names one: its own, and
        those the word takes when police, forces or crowds do it ("the raid" may be a
        police search, COERCE, as well as an attack)."""
        hit = self._match(noun)
        verb = dict(self._lexicon.judged_nouns).get(noun.lemma_.lower())
        if hit is None and verb is None:
            return None
        entries = [
            *([hit[0]] if hit is not None else []),
            *self._triggers.verb_entries_named(verb or noun.lemma_.lower()),
        ]
        codes = ({hit[1]} if hit is not None else set()) | {
            code
            for entry in entries
            for code in (entry.cameo, entry.by_police, entry.by_forces, entry.by_crowds)
            if code is not None
        }
        kinds = {plover[0] for code in codes if (plover := self._ontology.plover_of(code))}
        return frozenset(kinds) or None

    # -- triggers ---------------------------------------------------------------------------

    def _absorbing_trigger(self, token: Token) -> Token | None:
        """The trigger that codes this one: a verbal trigger governing it ("agreed to send",
        "agreed that they should cooperate"), or any trigger it is the purpose of
        ("telephoned X to discuss", "sent experts to investigate")."""
        hit = self._match(token)
        if hit is not None and _call_in(token, hit[1]):
            return None  # "thanked him in a phone call": the call took place too
        if self._drawn(token):
            return None  # "vetoed the draft, drawing condemnation from Britain": Britain's
        node = token
        purpose = False
        while (
            node.dep_ in _ABSORBED_THROUGH
            # "warned it would suspend X's membership and impose sanctions": a second act
            # joined to the first one said or threatened ("accused Sudan of interfering
            # and destabilising the north")
            # "accused Serbia of sabotaging the talks and of arming militants": a second
            # preposition joined to the first
            or (node.dep_ == "conj" and node.pos_ == "ADP" and node.head.dep_ == "prep")
            or (
                node.dep_ == "conj"
                and node.head.dep_ in ("xcomp", "ccomp", "pcomp")
                # ("refused to release him and extended his detention": told as done)
                and not (node.tag_ in ("VBD", "VBZ") and node.head.tag_ == "VB")
            )
            # "gave the rebels 72 hours to surrender": the terms of a deadline
            or (
                node.dep_ in ("relcl", "acl")
                and node.head.lemma_.lower() in self._lexicon.deadline_nouns
            )
        ) and node.head != node:
            purpose = purpose or (node.dep_ in ("advcl", "xcomp") and infinitive(node))
            if node.dep_ == "advcl" and not purpose and node.tag_ != "VBG":
                return None
            if node.dep_ == "pcomp" and node.head.lower_ == "with" and _has_subject(node):
                return None  # "..., with Moscow's envoy accusing Washington": an act of its own
            # "threatened to halt talks, accusing them of bad faith": a participle is an act
            # of its own unless it is the same kind ("opened fire, killing two")
            participle = (
                node is token and node.dep_ == "advcl" and node.tag_ == "VBG" and not purpose
            )
            sibling = node.dep_ == "conj"  # a coordinated verb is no governor of this one
            node = node.head
            if (
                node.lemma_.lower() in self._lexicon.causing_verbs
                and any(c.dep_ == "dobj" for c in node.children)
                and not self._match(node)
            ):
                return None  # "..., prompting Taipei to close its embassy": Taipei's act
            outer = self._match(node) if node.pos_ == "VERB" and not sibling else None
            if outer is not None and self._by_means(node) and node == token.head.head:
                continue  # "broke the truce by attacking posts": the means codes it
            if outer is not None:
                plover = self._ontology.plover_of(outer[1])
                verbal = plover is not None and plover[0] in _VERBAL_TYPES
                # "opened fire, killing two": a consequence of the same kind is one event
                inner = self._match(token)
                inner_type = self._ontology.plover_of(inner[1]) if inner else None
                same = token.tag_ == "VBG" and plover is not None and inner_type == plover
                # "arrested for spying for Iran": the charge, not a second event
                reason = token.dep_ == "pcomp" and token.head.lower_ in ("for", "of", "over")
                # "vowed to attack": a hostile act promised is a threat of its own
                if plover is not None and plover[0] == "AGREE" and outer[1].startswith("03"):
                    inner_code = inner[1] if inner else ""
                    if inner_code[:2] in _HOSTILE_ROOTS:
                        return None
                # "accepted demands from the rebels", "conceded to demands": the answer
                answered = (
                    plover is not None
                    and plover[0] == "CONCEDE"
                    and inner_type is not None
                    and inner_type[0] == "REQUEST"
                )
                if participle:
                    # "ordered the US to close its consulate, retaliating for ...": the
                    # retaliation is the act it hangs on
                    answering = token.lemma_.lower() in self._lexicon.retaliating_verbs
                    return node if same or answering else None
                if verbal or purpose or same or answered or reason:
                    return node
                # "urged the junta to allow the envoy to meet her": what the allowing that
                # is asked for would permit is asked for too
                chained = token.dep_ in ("xcomp", "ccomp", "dobj") and node.dep_ == "xcomp"
                return self._absorbing_trigger(node) if chained else None
        return None

    def _accused_of(self, token: Token) -> Token | None:
        """Whom an accusation charges with the act a participle on the accusing verb
        tells: "accused Venezuelan soldiers of firing on a patrol boat, wounding two"
        (the "of" clause names an act of the participle's kind)."""
        verb = token.head
        inner = self._match(token)
        outer = self._match(verb) if token.dep_ == "advcl" and token.tag_ == "VBG" else None
        if inner is None or outer is None:
            return None
        kind = self._ontology.plover_of(inner[1])
        if (self._ontology.plover_of(outer[1]) or ("",))[0] != "ACCUSE" or kind is None:
            return None
        charged = any(
            (told := self._match(act)) is not None and self._ontology.plover_of(told[1]) == kind
            for prep in verb.children
            if prep.dep_ == "prep"
            for act in prep.children
            if act.dep_ == "pcomp"
        )
        return next((c for c in verb.children if c.dep_ == "dobj"), None) if charged else None

    def _drawn(self, noun: Token) -> bool:
        """Whether an event noun is what a participle of receiving brings on the clause's
        subject ("..., drawing sharp condemnation from Britain"): an act of another."""
        verb = noun.head
        return (
            noun.dep_ == "dobj"
            and verb.dep_ == "advcl"
            and verb.tag_ == "VBG"
            and bool(self._lexicon.receiving_verbs.intersection(self._verbs.lemmas(verb)))
        )

    # -- actors -------------------------------------------------------------------------------

    def _vowed_harm(self, verb: Token, cameo: str) -> bool:
        """Whether a promise is of a hostile act ("vowed to attack any Kenyan troops"): the
        act itself is coded, and its intent makes it a threat (see intent.py)."""
        if not cameo.startswith("03"):
            return False
        for child in verb.children:
            # "vowed to attack", "vowed that the army would attack"
            said = child.dep_ == "ccomp" and any(
                c.dep_ == "aux" and c.lower_ in self._future_modals for c in child.children
            )
            # "promised a tough response"
            hit = self._match(child) if child.dep_ in ("xcomp", "dobj") or said else None
            if hit is None and child.dep_ == "xcomp" and self._verbs.light(child):
                # "vowed to exact revenge", "vowed to launch strikes": the noun carried
                carried = [self._match(o) for o in child.children if o.dep_ == "dobj"]
                hit = next((h for h in carried if h is not None), None)
            if hit is not None and hit[1][:2] in _HOSTILE_ROOTS:
                return True
        return False

    def _risk_warning(self, verb: Token) -> bool:
        """Whether a warning only says what may happen, with no act in what it says
        ("warned that his life could be at risk"); "warned that it would strike" threatens."""
        if verb.lemma_.lower() not in self._lexicon.warning_verbs:
            return False
        said = [c for c in verb.children if c.dep_ == "ccomp"]
        addressed = any(c.dep_ in ("dobj", "dative") for c in verb.children)
        # "warned that it would act if ...", "that his country would take all necessary
        # measures": the speaker's own act, or one on terms, is a threat
        own = any(
            (s.dep_ == "nsubj" and (s.pos_ == "PRON" or (owned(s) and self._will(clause))))
            # "warned Taiwan that any declaration of independence would lead to war",
            # "that another launch would mean war": terms set to the one warned ("warned
            # that any delay could hurt growth" sets none)
            or (
                s.dep_ == "nsubj"
                and addressed
                and any(
                    d.lower_ in self._generic or d.lower_ in self._lexicon.repeating_words
                    for d in s.children
                )
            )
            # "warned protesters that they would be met with an iron fist"
            or (s.dep_ == "nsubjpass" and addressed and s.pos_ == "PRON" and self._will(clause))
            or (
                s.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in self._conditions for m in s.children)
            )
            for clause in said
            for s in clause.children
        )
        # "warned that a locust outbreak threatens crops": a disaster's doing is no act
        return (
            bool(said)
            and not own
            and not any(
                self._match(t) is not None and not self._nonevents.natural(t)
                for clause in said
                for t in clause.subtree
            )
        )

    def _will(self, clause: Token) -> bool:
        """Whether a clause says what will be done ("would take all necessary measures")."""
        return any(c.dep_ == "aux" and c.lower_ in self._future_modals for c in clause.children)

    def _into_water(self, verb: Token) -> bool:
        """Whether what a verb fires lands in open water ("into the sea", "off its coast
        into the waters")."""
        waters = self._lexicon.water_words
        return any(
            prep.lower_ in ("into", "in")
            and any(o.lemma_.lower() in waters or o.lower_ == "waters" for o in prep.children)
            for prep in verb.children
        )

    def _by_means(self, verb: Token) -> bool:
        """Whether a verb is done by way of another trigger ("would retaliate by shutting
        Poland's consulate", "responded by expelling two diplomats")."""
        return verb.pos_ == "VERB" and any(
            c.dep_ == "prep"
            and c.lower_ == "by"
            and any(g.dep_ == "pcomp" and self._match(g) is not None for g in c.children)
            for c in verb.children
        )

    def _restated(self, noun: Token) -> bool:
        """Whether an event noun restates the sentence's event in a closing apposition:
        "the first visit by a senior minister this year", "the latest such raid"."""
        return (
            any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
            and any(
                c.dep_ == "amod" and c.lower_ in self._lexicon.ordinal_words for c in noun.children
            )
            and noun.dep_ not in ("nsubj", "nsubjpass", "dobj")
            and not self._carried(noun)
        )

    def _acted_on(self, noun: Token, cameo: str) -> bool:
        """Whether a noun of movement names the unit another act befalls, not an event of
        its own ("ambushed an army patrol", "opened fire on a convoy"); light verbs carry
        it instead ("sent a patrol")."""
        if (self._ontology.plover_of(cameo) or ("",))[0] not in MOVES:
            return False
        verb = noun.head
        if noun.dep_ == "pobj" and verb.dep_ == "prep":
            # "opened fire on a Thai army patrol", "an attack on a convoy": the target
            hit = self._match(verb.head)
            return hit is not None and verb.lower_ in hit[0].preps
        return (
            noun.dep_ in ("dobj", "nsubjpass")
            and verb.pos_ == "VERB"
            and not self._verbs.light(verb)
            and self._match(verb) is not None
        )

    def _carried(self, noun: Token) -> bool:
        """Whether a light verb ("launch", "prepare", "hold") carries the event noun."""
        node = noun
        while node.dep_ in ("dobj", "pobj", "prep", "conj", "attr") and node.head != node:
            child, node = node, node.head
            if node.pos_ == "NOUN" and self._match(node) is not None:
                return False  # "held talks ... on the port deal": the talks' topic
            if node.pos_ == "NOUN" and child.dep_ == "prep" and child.lower_ != "of":
                return False  # "remain under pressure as output outpaces growth in demand"
            if node.pos_ in ("VERB", "AUX"):
                if any(c.dep_ == "oprd" for c in node.children):
                    return False  # "called the attack unprovoked" names it, does not carry it
                return self._verbs.light(node, carriers=False, via=child)
        return False

    def _state(self, actor: Actor, found: SentenceActors, parsed: ParsedSentence) -> bool:
        """A country or its government, not its people, parties or forces: a name of the
        country or its capital, or a government body; or a body of states (the UN, the EU:
        "UNIFIL sent a formal protest to the Israeli army" complains, no one marches)."""
        words = actor.text.split()
        if actor.sector == "IGO" and not actor.members and words and words[-1][:1].isupper():
            return True  # (not "UN staff": people)
        if actor.country is None or actor.sector not in (None, "GOV"):
            return False
        return actor.sector == "GOV" or bool({"country", "capital"} & _kinds(actor, found, parsed))

    def _joint(
        self, token: Token, source: Actor | None, found: SentenceActors, parsed: ParsedSentence
    ) -> bool:
        """Whether an act is done together: by several countries, "joint", or "with" a
        party that has a country."""
        if source is not None and len(countries_of(source) - {None}) > 1:
            return True
        if any(c.lower_ in self._lexicon.joint_words for c in token.lefts):
            return True
        bearers = [token, carrier(token)]
        partners = [
            obj
            for bearer in bearers
            for prep in bearer.children
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        return any(
            is_placed(a) for a in (self._actors.actor(parsed, found, p) for p in partners) if a
        )

    def _in_protest(self, verb: Token) -> bool:
        """Whether a verb tells how a protest went ("rioted, setting fire to ...")."""
        return (
            verb.dep_ in ("advcl", "conj") and verb.head.pos_ == "VERB" and self._protest(verb.head)
        )

    def _protest(self, token: Token) -> bool:
        """Whether a word is a trigger of a protest ("protested", "rallies")."""
        hit = self._match(token)
        return hit is not None and (self._ontology.plover_of(hit[1]) or ("",))[0] == "PROTEST"

    def _teller(self, verb: Token, found: SentenceActors, parsed: ParsedSentence) -> Actor | None:
        """Who says a clause ("Tehran said the envoy had been given 72 hours to leave")."""
        speech = verb.head
        if verb.dep_ != "ccomp" or speech.lemma_.lower() not in self._speech:
            return None
        return self._sources.subject(speech, found, parsed)

    def _keeping_peace(self, verb: Token, source: Actor | None) -> bool:
        """Whether a deployment's object, purpose or destination is peacekeeping, or those
        deployed are peacekeepers ("Nigerian peacekeepers arrived in Monrovia")."""
        words = self._lexicon.peacekeeping_words
        if source is not None and words.intersection(source.text.lower().split()):
            return True
        return any(
            t.lower_ in words
            for c in verb.children
            if c.dep_ not in ("nsubj", "nsubjpass")
            for t in c.subtree
        )

    def _arriving_thing(self, verb: Token, source: Actor | None) -> bool:
        """Whether what arrives is a thing or no one known, not a visitor: one no actor is
        named for ("the aid arrived", "the three arrived in Paris"; a pronoun still stands
        for someone), or a conveyance ("a Turkish cargo plane landed")."""
        conveyances = self._lexicon.conveyance_nouns
        flown = [c for c in verb.children if c.dep_ == "dobj"]
        if verb.dep_ == "acl":
            flown.append(verb.head)  # "light aircraft flown by the rebels"
        return any(
            c.dep_ == "nsubj"
            and (
                (source is None and c.pos_ in ("NOUN", "NUM"))
                or (c.pos_ == "NOUN" and c.lemma_.lower() in conveyances)
            )
            for c in verb.children
        ) or any(c.lemma_.lower() in conveyances for c in flown)

    def _crowd_demand(self, found: Found) -> Found:
        """A crowd's demand is a demonstration for it ("protesters demanded the withdrawal
        of the bill": CAMEO 141, with the demand's kind: 1041 leadership change -> 1411)."""
        mention = found.mention
        source = mention.source
        if mention.type != "REQUEST":
            return found
        crowd = source is not None and self._crowd(source)
        if not crowd and not self._protest_told(found.parsed.span.doc[found.anchor]):
            return found
        kind = mention.cameo[3:] if mention.cameo.startswith("104") else ""
        cameo = _DEMONSTRATE + kind
        plover = self._ontology.plover_of(cameo) or ("PROTEST", None)
        return replace(found, mention=replace(mention, type=plover[0], mode=plover[1], cameo=cameo))

    def _protest_told(self, verb: Token) -> bool:
        """Whether a demand describes a protest noun: "street protests demanding his
        removal", "rallies calling for fresh elections"."""
        return (
            verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN" and self._protest(verb.head)
        )

    def _crowd(self, actor: Actor) -> bool:
        words = actor.text.lower().split()
        return bool(words) and words[-1] in self._lexicon.crowd_words

    def _receiver(self, noun: Token, plover: str) -> Token | None:
        """The verb by which its subject undergoes an event noun: "faces pressure",
        "came under attack", "denied accusations"."""
        head = noun.head
        if (
            plover == "ACCUSE"
            and noun.dep_ == "dobj"
            and self._lexicon.rebutting_verbs.intersection(self._verbs.lemmas(head))
        ):
            return head
        if noun.dep_ == "pobj" and head.lower_ == "under":
            # "withdrew under pressure from NATO", "the town was under attack": whoever
            # the clause is about undergoes it
            verb = head.head
            return verb if verb.pos_ in ("VERB", "AUX") else None
        if noun.dep_ != "dobj":
            return None
        if head.pos_ == "VERB" and self._lexicon.receiving_verbs.intersection(
            self._verbs.lemmas(head)
        ):
            return head
        return None

    # -- mentions -----------------------------------------------------------------------------

    def _mention(
        self,
        parsed: ParsedSentence,
        found: SentenceActors,
        doc_id: str,
        token: Token,
        first: Token,
        entry: TriggerEntry,
        cameo: str,
    ) -> Found | None:
        # "a mediation effort between X and Y": the frame noun carries the event's slots
        slot = token.head if token.dep_ == "compound" and entry.pos == "noun" else token
        passive = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        # "Senegal is committed to cutting duties"; "3,000 troops were withdrawn": who
        # moves is the actor of a retreat or a deployment (not "two hostages were freed":
        # those released are acted on)
        moves = (self._ontology.plover_of(cameo) or ("",))[0] in MOVES and not cameo.startswith(
            _RELEASES
        )
        mover = moves and entry.pos == "verb" and agent_of(token) is None
        stated = passive if entry.stative or mover else None
        if stated is not None:
            source = self._actors.actor(parsed, found, stated)
        elif entry.pos == "verb":
            source = self._sources.subject(token, found, parsed)
        else:
            source = self._sources.noun_source(slot, found, parsed)
        if (
            source is None
            and (_visit_during(token, cameo) or _call_in(token, cameo))
            and token.head.head.pos_ == "VERB"
        ):
            # "said during a visit", "thanked him in a phone call": the speaker's own
            source = self._sources.subject(token.head.head, found, parsed)
        if self._nonevents.sporting(token, source is None or source.sector is None):
            return None  # "his side beat Palmeiras 3-1", "attacked the leaders in the marathon"
        if entry.by_forces and source is not None and source.sector == "MIL":
            cameo = entry.by_forces  # "more warships are expected to arrive": a deployment
        if cameo.startswith("15") and self._keeping_peace(token, source):
            cameo = "074"  # "pledged to send troops to reinforce the peacekeeping force"
        if entry.by_police and source is not None and source.sector == "COP":
            cameo = entry.by_police  # "police raided the offices": a search, not an attack
        if entry.spoken and any(c.dep_ == "ccomp" for c in token.children):
            cameo = entry.spoken  # "the group protested that refugees are denied homes"
        if (
            entry.by_states
            and cameo == entry.cameo  # ("blocked a draft resolution" keeps its object's code)
            and source is not None
            and self._state(source, found, parsed)
        ):
            cameo = entry.by_states  # "China protested to Japan": an official complaint
        if entry.jointly and self._joint(slot, source, found, parsed):
            cameo = entry.jointly  # "Chinese and Russian warships held joint exercises"
        if entry.by_crowds and (
            (source is not None and self._crowd(source)) or self._in_protest(token)
        ):
            # "protesters clashed with police", "rioted, setting fire to ...": a riot
            cameo = entry.by_crowds
        if entry.by_workers and source is not None and source.sector in _WORKERS:
            cameo = entry.by_workers  # "the miners' union began an indefinite strike"
        if cameo in VISITS and source is not None and source.sector in _PRIVATE_TRAVELLERS:
            return None  # "the freed prisoners arrived in Guatemala City": no one's visit
        if entry.cameo in VISITS and any(
            w.lemma_.lower() in self._lexicon.projectile_nouns for w in _subject_words(token)
        ):
            return None  # "a missile that landed in the sea": fired, not flown
        if cameo in VISITS and self._arriving_thing(token, source):
            # "the aid Japan sent arrived in Kathmandu", "a Turkish cargo plane landed in
            # Benghazi": a thing, no one's visit
            return None
        plover = self._ontology.plover_of(cameo) or ("ASSAULT", None)
        # "fired rounds at positions in Afrin": an attack in a town strikes the town
        # what is discussed is a topic: "might discuss a route through southern Armenia"
        topical = entry.pos == "verb" and entry.lemma in self._lexicon.topic_verbs
        target = self._targets_of.target(
            parsed,
            found,
            slot,
            entry,
            source,
            # "expelled two priests to the Vatican": only the object is acted on
            reach=not topical and bool(entry.preps),
            strikes_place=plover[0] in _STRIKES,
            accuses=plover[0] == "ACCUSE",
        )
        if target is None and _call_in(token, cameo):
            # "thanked his counterpart in a phone call": the one thanked is on the line
            partner = next((c for c in token.head.head.children if c.dep_ == "dobj"), None)
            target = self._actors.actor(parsed, found, partner) if partner is not None else None
        if (
            plover[0] in _STRIKES | MOVES
            and target is not None
            and target.sector == "GOV"
            and _kinds(target, found, parsed) == {"capital"}
        ):
            # "fired rockets at Kyiv", "sent police to Lima": the city
            target = replace(target, sector=None)
        if (
            plover[0] == "MOBILIZE"
            and source is not None
            and target is not None
            and not target.members
            and target.sector in _FORCES
            and target.country in (None, source.country)
        ):
            target = None  # "put missile units on alert": its own forces, no one threatened
        if source is None and entry.source_left:
            source = self._targets_of.left_country(parsed, found, token, entry, target)
        receiver = self._receiver(slot, plover[0]) if entry.pos == "noun" else None
        if receiver is not None and plover[0] == "ACCUSE" and _told_before(slot):
            return None  # "denied the accusation": the one just told, not another
        if receiver is not None:
            # "the president faces pressure from parliament", "came under attack from rebels": the
            # one who faces it is acted on; the doer is only who the noun names
            source = self._sources.noun_owner(slot, found, parsed) or next(
                (  # "drew sharp criticism from the Commonwealth": "from" on the verb
                    self._actors.actor(parsed, found, o) for o in objects_of(receiver, "from")
                ),
                None,
            )
            target = self._sources.subject(receiver, found, parsed) or next(
                (  # "a US national has been put under investigation": the one it befell
                    self._actors.actor(parsed, found, c)
                    for c in receiver.children
                    if c.dep_ == "nsubjpass"
                ),
                None,
            )
            if source is None and target is None:
                return None  # "oil prices remained under pressure": no one on either side
        if (
            source is None
            and target is not None
            and target.members
            and (plover[0] in _MUTUAL or (plover[0] == "ASSAULT" and _between(slot)))
        ):
            # "talks between Serbia and Kosovo": both meet; "clashes between the army and
            # the rebels": both sides fight
            source, target = target, None
        acted_upon = self._targets_of.target(parsed, found, slot, entry, source, reach=False)
        unanchored = (
            entry.pos == "noun"
            and not is_coded(source)
            and not is_coded(acted_upon)
            # "talks between Serbia and Kosovo": a compound is someone too
            and not any(a is not None and a.members for a in (source, acted_upon))
            and not self._carried(slot)
        )
        if unanchored and not anaphoric(token):
            return None  # "tensions", "a security threat": no one acts on anyone
        # "suspended publication", "launched a rocket": no one acted on, no event; a code
        # set by a listed object stands alone ("suspended aid")
        unset = entry.cameo is None or cameo == entry.cameo
        acted_on = (
            target is not None
            and target.code is not None
            and (source is None or target.text != source.text)
        )
        # "the Russian and Turkish presidents spoke by telephone": with each other
        together = (
            source is not None
            and bool(source.members)
            and plover[0] in _MUTUAL
            and cameo not in VISITS
        )
        if entry.needs_target and not acted_on and not together:
            shown = is_coded(source) and (_launched(cameo) or cameo == entry.untargeted)
            if entry.untargeted and shown:
                # "launched a ballistic missile into the sea": a show of force
                cameo, target = entry.untargeted, None
                plover = self._ontology.plover_of(cameo) or plover
            elif unset:
                return None
        elif (
            entry.untargeted
            and not acted_on
            and _launched(cameo)
            and (
                self._into_water(token)
                or _test_fired(token)
                or _ballistic(token, self._lexicon.ballistic_words)
            )
        ):
            # "fired two missiles into the sea", "test-fired a missile": no one was hit, a
            # show of force
            cameo, target = entry.untargeted, None
            plover = self._ontology.plover_of(cameo) or plover
        given = next((c for c in token.children if c.dep_ == "dative"), None)
        told = self._actors.actor(parsed, found, given) if given is not None else target
        departed = self._departures.recode(
            token, plover[0], cameo, source, told, lambda: self._teller(token, found, parsed)
        )
        if departed is None:
            return None  # an evacuation, or the terms of an expulsion told beside it
        if departed[0] != cameo:
            cameo = departed[0]
            plover = self._ontology.plover_of(cameo) or plover
        source = departed[1]
        if (
            plover[0] == "THREATEN"
            and target is not None
            and is_placed(target)
            and countries_of(target) <= countries_of(source)
            and (target.sector in (None, "GOV") or target.sector == (source and source.sector))
        ):
            # "warned that Caracas would close its airspace if...": itself (but "warned
            # protesters in Nairobi" threatens its own country's protesters)
            target = None
        if target is not None and entry.means and _names_means(target, entry):
            target = None  # "will be met with force": what it is done with, not to whom
        if source is None and plover[0] == "THREATEN" and passive is not None:
            # "'Any provocation will be met with a merciless response,' the ministry said":
            # a threat told in the passive is the speaker's
            source = self._teller(token, found, parsed)
        if target is None and plover[0] == "THREATEN":
            target = self._targets_of.condition_party(parsed, found, slot, source)
        begin, end = (first, token) if first.i <= token.i else (token, first)
        trigger = Trigger(
            parsed.words(begin, end), parsed.char_span(begin, end), token.lemma_.lower()
        )
        mention = Mention(
            doc_id=doc_id,
            sentence=parsed.sentence,
            trigger=trigger,
            type=plover[0],
            mode=plover[1],
            cameo=cameo,
            source=source,
            target=target,
            confidence=mention_confidence(source, target),
            needs_antecedent=unanchored,  # "the strikes": kept only if told before
        )
        speech_act = entry.pos == "verb" and plover[0] in _SPEECH_ACT_TYPES
        # "Rwanda denied accusations": the denial governs what was alleged, not the
        # accusation, which was made
        anchor = receiver.i if receiver is not None and plover[0] == "ACCUSE" else token.i
        return Found(mention, anchor, parsed, speech_act)


def _visit_during(noun: Token, cameo: str) -> bool:
    """'Said during a visit to Kyiv': the speaker's own visit frames what is said, and took
    place (not "detained students during the president's visit": a time frame)."""
    return (
        cameo in VISITS
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "during"
        and not any(c.dep_ == "poss" or c.lower_ == "by" for c in noun.children)
    )


def _call_in(noun: Token, cameo: str) -> bool:
    """'Thanked his counterpart in a phone call': the call the speaker held."""
    return cameo == "041" and noun.dep_ == "pobj" and noun.head.lower_ == "in"


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _names_means(actor: Actor, entry: TriggerEntry) -> bool:
    """Whether an actor found after "with" is what an act is done with ("force")."""
    words = actor.text.lower().split()
    return bool(words) and words[-1] in {means.split()[-1] for means, _ in entry.means}


def _subject_words(verb: Token) -> list[Token]:
    """A verb's subject, or the noun a relative clause hangs on ("a missile that landed")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl" and all(c.tag_ in ("WDT", "WP") for c in subjects):
        return [verb.head]
    return subjects


def _ballistic(verb: Token, ballistic: frozenset[str]) -> bool:
    """Whether a verb fires a ballistic missile: aimed at no one named, a show of force
    ("fired an intermediate-range ballistic missile that came down off Japan")."""
    if any(c.dep_ == "prep" and c.lower_ in _AIMED_AT and not dating(c) for c in verb.children):
        return False  # "fired two anti-ship ballistic missiles at a bulk carrier"
    return any(
        m.lower_ in ballistic
        for o in verb.children
        if o.dep_ == "dobj"
        for m in o.children
        if m.dep_ in ("amod", "compound")
    )


def _test_fired(verb: Token) -> bool:
    """Whether a verb is written "test-fired" ("test-launched"), which the tokenizer
    splits into "test", "-" and the verb."""
    doc = verb.doc
    return verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "test"


def _between(noun: Token) -> bool:
    """Whether an event noun names its parties with "between" ("fighting between X and Y")."""
    return any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children)


def _launched(cameo: str) -> bool:
    """Whether a code is a launch of missiles, rockets or drones (CAMEO 194-195)."""
    return cameo[:3] in ("194", "195")


def _kinds(actor: Actor, found: SentenceActors, parsed: ParsedSentence) -> set[str]:
    """The kinds of dictionary names inside an actor's words (country, capital, ...)."""
    start, end = actor.span
    return {
        found.entries[t.i].kind
        for t in parsed.span
        if t.i in found.entries and start <= parsed.start_of(t) < end
    }


def _told_before(noun: Token) -> bool:
    """Whether an event noun only points back at one already told: definite, with no
    owner, content or party of its own ("denied the accusation", not "denied accusations
    that it backs the rebels" or "rejected Kenya's allegation")."""
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children) and not any(
        c.dep_ in ("poss", "acl", "relcl", "ccomp", "prep", "amod", "compound")
        for c in noun.children
    )
