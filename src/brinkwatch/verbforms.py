"""verbforms: what a verb's form says — its lemmas, irregular ones included, and whether
it is a light verb that carries an event noun ("held talks", "carried out strikes")."""

from __future__ import annotations

from spacy.tokens import Token

from brinkwatch.lexicon import Lexicon
from brinkwatch.parse import verb_lemmas

# verbs that carry an event noun besides the light verbs: "is ready to talk", "used force"
_CARRIERS = frozenset({"be", "have", "ready", "use", "employ"})


class VerbForms:
    """Lemmas and light-verb tests, from the lexicon's irregular forms and verb lists."""

    def __init__(self, lexicon: Lexicon):
        self._irregular = dict(lexicon.irregular_verbs)
        self._light_verbs = lexicon.light_verbs
        self._travel_verbs = lexicon.travel_verbs
        # every rule asks about the verbs it meets: the answers by form, lemma and part of
        # speech (a vocabulary's worth, bounded by the words of the language)
        self._known: dict[tuple[str, str, str], tuple[str, ...]] = {}

    def lemmas(self, verb: Token) -> list[str]:
        """The verb's lemma and the ones its form suggests, irregular ones included
        ("retook" -> "retake")."""
        key = (verb.lower_, verb.lemma_, verb.pos_)
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = tuple(self._lemmas(verb))
        return list(known)

    def _lemmas(self, verb: Token) -> list[str]:
        forms = verb_lemmas(verb)
        if verb.pos_ in ("VERB", "AUX"):
            word = verb.lower_
            for stem, prefix in ((word, ""), (word[2:], "re")):
                lemma = self._irregular.get(stem)
                if lemma is not None and (not prefix or word.startswith(prefix)):
                    forms.append(prefix + lemma)
        return forms

    def light(self, verb: Token, carriers: bool = True, via: Token | None = None) -> bool:
        """Whether a verb carries an event noun ("staged protests", "held talks",
        "returned to Geneva for talks": a travel verb through its purpose, ``via``)."""
        known = self._light_verbs | (_CARRIERS if carriers else frozenset())
        if via is not None and via.dep_ == "prep" and via.lower_ == "for":
            known = known | self._travel_verbs
        forms = self.lemmas(verb)
        # "carried out strikes", "stepped up raids": the verb with its particle
        particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
        if via is not None and via.dep_ == "prep":
            particles.append(via.lower_)  # "stood by its demand"
            # "took part in drills": the verb, its object and the preposition
            particles += [f"{c.lower_} {via.lower_}" for c in verb.children if c.dep_ == "dobj"]
        forms += [f"{form} {particle}" for form in forms for particle in particles]
        return any(form in known for form in forms)
