"""Lexicons: actor dictionaries, trigger words and cue lists, loaded from data files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from brinkwatch._data import alternatives, data_text, data_yaml, tsv_rows
from brinkwatch.errors import ConfigError

EntryKind = Literal["country", "adjective", "capital", "person", "organization", "media", "region"]
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "OPP",
        "REB",
        "INS",
        "SEP",
        "SPY",
        "UAF",
        "CRM",
        "MED",
        "BUS",
        "CVL",
        "ELI",
        "EDU",
        "REL",
        "LAB",
        "HLH",
        "REF",
        "NGO",
        "IGO",
        "PTY",
        "HRI",
        "AGR",
    ]
)


@dataclass(frozen=True)
class ActorEntry:
    """A surface form that names an actor, with the code it stands for."""

    text: str
    country: str | None
    sector: str | None
    kind: EntryKind
    canonical: str


@dataclass(frozen=True)
class TriggerEntry:
    """One trigger word: its CAMEO code and how it finds its target."""

    lemma: str
    pos: Literal["verb", "noun"]
    cameo: str | None
    objects: tuple[tuple[str, str], ...]
    preps: tuple[str, ...]
    particle: str | None
    modifiers: tuple[str, ...]
    modifiers_exclude: tuple[str, ...]
    takes_object_target: bool
    by_forces: str | None = None  # the code when armed forces do it ("warships arrived")
    by_states: str | None = None  # the code when a state does it ("China protested")
    jointly: str | None = None  # the code when countries do it together ("joint drills")
    complements: tuple[tuple[str, str], ...] = ()  # "ordered the troops to leave"
    by_crowds: str | None = None  # the code when protesters do it ("clashed with police")
    by_workers: str | None = None  # the code when workers do it ("the union began a strike")
    by_police: str | None = None  # the code when police do it ("police raided the offices")
    spoken: str | None = None  # the code when it reports speech ("protested that ...")
    untargeted: str | None = None  # the code when no one is acted on ("test-fired a missile")
    unasked: str | None = None  # the code when nothing is asked ("called on the president")
    stative: bool = False  # the passive's subject acts ("is committed to")
    active_only: bool = False  # the passive is no event ("was met with force")
    needs_target: bool = False  # an event only when someone is acted on ("suspended Gabon")
    source_left: bool = False  # the country left acts when no one is named ("expelled from")
    carried_by: tuple[str, ...] = ()  # a noun is an event only as these verbs' object
    objects_exclude: tuple[str, ...] = ()  # objects that make a verb no event ("released a report")
    means: tuple[tuple[str, str], ...] = ()  # "hit Moscow with sanctions" -> 163


@dataclass(frozen=True)
class Lexicon:
    """Everything the coder looks words up in."""

    actors: tuple[ActorEntry, ...]
    sectors: tuple[tuple[str, str], ...]
    lowercase_names: tuple[tuple[str, str], ...]
    verbs: tuple[TriggerEntry, ...]
    nouns: tuple[TriggerEntry, ...]
    light_verbs: frozenset[str]
    travel_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    rebutting_verbs: frozenset[str]
    responsibility_verbs: frozenset[str]
    responsibility_nouns: frozenset[str]
    joint_words: frozenset[str]
    purpose_verbs: frozenset[str]
    topic_verbs: frozenset[str]
    ordinal_words: frozenset[str]
    warning_verbs: frozenset[str]
    stating_verbs: frozenset[str]
    backing_words: frozenset[str]
    foreign_words: frozenset[str]
    answered_nouns: frozenset[str]
    issuing_verbs: frozenset[str]
    idioms: frozenset[str]
    discussion_nouns: frozenset[str]
    topic_prepositions: frozenset[str]
    framework_nouns: frozenset[str]
    command_verbs: frozenset[str]
    intention_nouns: frozenset[str]
    allegation_verbs: frozenset[str]
    disaster_nouns: frozenset[str]
    trigger_compounds: frozenset[str]
    nonpolitical_nouns: frozenset[str]
    crowd_words: frozenset[str]
    representatives_abroad: frozenset[str]
    spoken_threats: frozenset[str]
    water_words: frozenset[str]
    landform_words: frozenset[str]
    irregular_verbs: tuple[tuple[str, str], ...]
    frame_nouns: frozenset[str]
    accusation_labels: tuple[str, ...]
    judged_nouns: tuple[tuple[str, str], ...]  # "seizure" -> "seize", for judged acts
    obligation_modals: tuple[str, ...]
    content_nouns: frozenset[str]
    speech_nouns: frozenset[str]
    wishing_verbs: frozenset[str]
    prohibiting_verbs: frozenset[str]
    aiming_words: frozenset[str]
    peacekeeping_words: frozenset[str]
    dying_verbs: frozenset[str]
    custody_nouns: frozenset[str]
    commemorating_nouns: frozenset[str]
    leaving_verbs: frozenset[str]
    easing_verbs: frozenset[str]
    preventing_verbs: frozenset[str]
    knowing_words: frozenset[str]
    conveyance_nouns: frozenset[str]
    projectile_nouns: frozenset[str]
    causing_verbs: frozenset[str]
    answer_nouns: frozenset[str]
    crime_nouns: frozenset[str]
    avenging_verbs: frozenset[str]
    narrating_verbs: frozenset[str]
    narrative_works: frozenset[str]
    question_openers: frozenset[str]
    anniversary_openers: frozenset[str]
    questioned_verbs: frozenset[str]
    plural_read_verbs: frozenset[str]
    describing_participles: frozenset[str]
    authoring_participles: frozenset[str]
    penalising_verbs: frozenset[str]
    deadline_nouns: frozenset[str]
    ballistic_words: frozenset[str]
    margin_nouns: frozenset[str]
    voting_verbs: frozenset[str]
    retaliating_verbs: frozenset[str]
    repeating_words: frozenset[str]
    place_nouns: frozenset[str]
    sports_words: frozenset[str]
    lowercase_words: frozenset[str]
    verb_read_compounds: frozenset[str]
    document_nouns: frozenset[str]
    generic_roles: frozenset[str]
    partitives: frozenset[str]
    attaching_words: frozenset[str]
    status: dict[str, Any]
    attribution: dict[str, Any]
    anaphora: dict[str, Any]

    def sector_of(self, phrase: str) -> str | None:
        """The sector a role word or phrase names, if any."""
        return dict(self.sectors).get(phrase.lower())


_DEFAULT_PREPS = ("on", "against", "at", "with", "to", "toward", "towards", "into", "upon")


def _preps(listed: Any) -> tuple[str, ...]:
    """A trigger's target prepositions: listed, "none", or the default ones."""
    if listed == "none":
        return ()
    return tuple(listed or _DEFAULT_PREPS)


def _trigger(lemma: str, pos: Literal["verb", "noun"], spec: Any) -> TriggerEntry:
    if isinstance(spec, str):
        spec = {"cameo": spec}
    words = lemma.split()
    particle = words[1] if pos == "verb" and len(words) == 2 else None
    return TriggerEntry(
        lemma=words[0] if particle else lemma,
        pos=pos,
        cameo=spec.get("cameo"),
        objects=tuple((str(k), str(v)) for k, v in (spec.get("objects") or {}).items()),
        preps=_preps(spec.get("preps")),
        particle=particle,
        modifiers=tuple(spec.get("modifiers") or ()),
        modifiers_exclude=tuple(spec.get("modifiers_exclude") or ()),
        takes_object_target=spec.get("target") != "none",
        by_forces=spec.get("forces"),
        by_states=spec.get("states"),
        jointly=spec.get("jointly"),
        complements=tuple((str(k), str(v)) for k, v in (spec.get("complements") or {}).items()),
        by_crowds=spec.get("crowds"),
        by_workers=spec.get("workers"),
        by_police=spec.get("police"),
        spoken=spec.get("spoken"),
        untargeted=spec.get("untargeted"),
        unasked=spec.get("unasked"),
        stative=spec.get("passive") == "actor",
        active_only=spec.get("passive") == "none",
        needs_target=spec.get("target") == "required",
        source_left=spec.get("source") == "left",
        carried_by=tuple(spec.get("carried_by") or ()),
        objects_exclude=tuple(spec.get("objects_exclude") or ()),
        means=tuple((str(k), str(v)) for k, v in (spec.get("means") or {}).items()),
    )


def _actor_rows(text: str, kind: EntryKind, origin: str) -> list[ActorEntry]:
    entries = []
    for row in tsv_rows(text):
        name = row.get("name", "")
        if not name:
            raise ConfigError(f"{origin}: a row has no 'name'; every row needs one")
        country = row.get("country") or None
        sector = row.get("sector") or None
        if kind == "media":
            sector = "MED"
        if sector is not None and sector not in SECTORS:
            raise ConfigError(f"{origin}: {name!r} has unknown sector {sector!r}")
        for form in [name, *alternatives(row.get("aliases", ""))]:
            entries.append(ActorEntry(form, country, sector, kind, name))
    return entries


def _country_rows(text: str) -> list[ActorEntry]:
    entries = []
    for row in tsv_rows(text):
        iso3, name = row["iso3"], row["name"]
        for form in [name, *alternatives(row.get("aliases", ""))]:
            entries.append(ActorEntry(form, iso3, None, "country", name))
        for form in alternatives(row.get("adjectives", "")):
            entries.append(ActorEntry(form, iso3, None, "adjective", name))
        for form in alternatives(row.get("capitals", "")):
            entries.append(ActorEntry(form, iso3, "GOV", "capital", name))
    return entries


def read_user_dictionary(path: str | Path) -> list[ActorEntry]:
    """Actor entries from a user TSV file with columns name, aliases, country, sector."""
    file = Path(path)
    try:
        text = file.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read actor dictionary ({exc})") from exc
    header = next((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")), "")
    columns = {cell.strip() for cell in header.split("\t")}
    if not {"name", "country", "sector"} <= columns:
        raise ConfigError(
            f"{file}: an actor dictionary needs a tab-separated header with name, country, sector"
            " (and optionally aliases)"
        )
    return _actor_rows(text, "organization", str(file))


# Word lists kept in rules/triggers.yaml, and those kept in files of their own (one word or
# phrase a line): each is a Lexicon field of the same name.
_TRIGGER_WORD_LISTS = (
    "light_verbs",
    "travel_verbs",
    "receiving_verbs",
    "rebutting_verbs",
    "responsibility_verbs",
    "responsibility_nouns",
    "joint_words",
    "purpose_verbs",
    "topic_verbs",
    "ordinal_words",
    "warning_verbs",
    "stating_verbs",
    "backing_words",
    "foreign_words",
    "answered_nouns",
    "issuing_verbs",
    "idioms",
    "discussion_nouns",
    "topic_prepositions",
    "framework_nouns",
    "command_verbs",
    "intention_nouns",
    "allegation_verbs",
    "crowd_words",
    "representatives_abroad",
    "spoken_threats",
    "frame_nouns",
    "content_nouns",
    "speech_nouns",
    "wishing_verbs",
    "prohibiting_verbs",
    "aiming_words",
    "peacekeeping_words",
    "dying_verbs",
    "custody_nouns",
    "commemorating_nouns",
    "leaving_verbs",
    "easing_verbs",
    "preventing_verbs",
    "knowing_words",
    "conveyance_nouns",
    "projectile_nouns",
    "causing_verbs",
    "answer_nouns",
    "crime_nouns",
    "avenging_verbs",
    "narrating_verbs",
    "narrative_works",
    "question_openers",
    "anniversary_openers",
    "questioned_verbs",
    "plural_read_verbs",
    "describing_participles",
    "authoring_participles",
    "penalising_verbs",
    "deadline_nouns",
    "ballistic_words",
    "margin_nouns",
    "voting_verbs",
    "retaliating_verbs",
    "repeating_words",
)
_WORD_FILES = {
    "water_words": "water_words.txt",
    "landform_words": "landform_words.txt",
    "place_nouns": "place_nouns.txt",
    "document_nouns": "document_nouns.txt",
    "generic_roles": "generic_roles.txt",
    "partitives": "partitive_nouns.txt",
    "attaching_words": "attaching_words.txt",
    "trigger_compounds": "trigger_compounds.txt",
    "nonpolitical_nouns": "nonpolitical_nouns.txt",
    "disaster_nouns": "disaster_nouns.txt",
    "sports_words": "sports_words.txt",
    "lowercase_words": "lowercase_words.txt",
    "verb_read_compounds": "verb_read_compounds.txt",
}


def _word_list(name: str) -> frozenset[str]:
    lines = data_text("rules", name).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def load_lexicon(dictionaries: tuple[str, ...] = ()) -> Lexicon:
    """Read the bundled lexicons, then the user's actor dictionaries (which win on conflicts)."""
    actors: list[ActorEntry] = []
    for path in dictionaries:
        actors.extend(read_user_dictionary(path))
    actors.extend(_actor_rows(data_text("actors", "people.tsv"), "person", "people.tsv"))
    actors.extend(
        _actor_rows(data_text("actors", "organizations.tsv"), "organization", "organizations.tsv")
    )
    actors.extend(_actor_rows(data_text("actors", "media.tsv"), "media", "media.tsv"))
    actors.extend(_country_rows(data_text("actors", "countries.tsv")))
    actors.extend(_actor_rows(data_text("actors", "peoples.tsv"), "adjective", "peoples.tsv"))
    actors.extend(_actor_rows(data_text("actors", "regions.tsv"), "region", "regions.tsv"))
    sectors = tuple(
        (row["word"].lower(), row["sector"]) for row in tsv_rows(data_text("rules", "sectors.tsv"))
    )
    triggers = data_yaml("rules", "triggers.yaml")
    return Lexicon(
        actors=tuple(actors),
        sectors=sectors,
        verbs=tuple(_trigger(k, "verb", v) for k, v in triggers["verbs"].items()),
        nouns=tuple(_trigger(k, "noun", v) for k, v in triggers["nouns"].items()),
        lowercase_names=tuple(
            (row["lower"], row["cased"])
            for row in tsv_rows(data_text("rules", "lowercase_names.tsv"))
        ),
        irregular_verbs=tuple(
            (row["form"], row["lemma"])
            for row in tsv_rows(data_text("rules", "irregular_verbs.tsv"))
        ),
        accusation_labels=tuple(triggers["accusation_labels"]),
        judged_nouns=tuple((str(k), str(v)) for k, v in triggers["judged_nouns"].items()),
        obligation_modals=tuple(triggers["obligation_modals"]),
        status=data_yaml("rules", "status.yaml"),
        attribution=data_yaml("rules", "attribution.yaml"),
        anaphora=data_yaml("rules", "anaphora.yaml"),
        **{name: frozenset(triggers[name]) for name in _TRIGGER_WORD_LISTS},
        **{name: _word_list(file) for name, file in _WORD_FILES.items()},
    )
