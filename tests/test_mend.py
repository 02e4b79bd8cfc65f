"""Mending the parser's known misreadings (brinkwatch.mend) on sentences of our own."""

from __future__ import annotations

import pytest

from brinkwatch.mend import CompoundMender
from brinkwatch.pipeline import Coder


def _tree(coder: Coder, text: str) -> dict[str, tuple[str, str]]:
    doc = CompoundMender(coder.lexicon.verb_read_compounds).mend(coder.nlp(text))
    return {t.text: (t.dep_, t.head.text) for t in doc}


@pytest.mark.parametrize(
    "text",
    [
        "Oslo imposed asset freezes on four Sudanese generals.",  # read as a clause
        "Switzerland imposed asset freezes and travel bans on nine Malian officers.",  # a root
        "The bloc imposed travel bans and asset freezes on six Guinean ministers.",  # joined
    ],
)
def test_asset_freezes_are_the_object_of_the_verb(coder: Coder, text: str) -> None:
    tree = _tree(coder, text)
    assert tree["asset"] == ("compound", "freezes")
    assert tree["imposed"][0] == "ROOT"
    assert tree["on"] == ("prep", "imposed")
    assert "freezes" in {w for w, (dep, head) in tree.items() if head in ("imposed", "bans")}


def test_a_real_verb_after_a_noun_is_left_alone(coder: Coder) -> None:
    tree = _tree(coder, "The price freezes when the market closes.")
    assert tree["freezes"][1] == "freezes"  # still the sentence's verb


def test_a_verb_read_as_the_subjects_participle_is_the_verb(coder: Coder) -> None:
    tree = _tree(
        coder,
        "Turkey's foreign minister offered to host further talks between the warring parties.",
    )
    assert tree["offered"][0] == "ROOT"
    assert tree["minister"] == ("nsubj", "offered")
    assert tree["."] == ("punct", "offered")


def test_a_headline_keeps_its_participle(coder: Coder) -> None:
    doc = CompoundMender(coder.lexicon.verb_read_compounds).mend(
        coder.nlp(
            "Turkey's foreign minister offered to host further talks between the warring parties"
        ),
        body=False,
    )
    assert [t.dep_ for t in doc if t.text in ("minister", "offered")] == ["ROOT", "acl"]


@pytest.mark.parametrize(
    ("text", "noun", "verb"),
    [
        (
            "Georgia rejected Azerbaijani claims that its guards had crossed the line.",
            "claims",
            "rejected",
        ),
        ("Baku's mayor dismissed Azerbaijani demands for a recount.", "demands", "dismissed"),
    ],
)
def test_a_plural_noun_misread_beside_a_demonym_is_the_object(
    coder: Coder, text: str, noun: str, verb: str
) -> None:
    mender = CompoundMender(
        coder.lexicon.verb_read_compounds, coder.lexicon.answered_nouns, coder.actors.is_demonym
    )
    tree = {t.text: (t.dep_, t.head.text) for t in mender.mend(coder.nlp(text))}
    assert tree[noun] == ("dobj", verb)
    assert tree["Azerbaijani"] == ("amod", noun)


def test_a_rejected_claim_is_no_event_of_its_own(coder: Coder) -> None:
    coded = coder.code_text(
        "Iran rejected Azerbaijani claims that Iranian drones had attacked a convoy."
    )
    assert [(e.type, e.status) for e in coded.events] == [
        ("REJECT", "occurred"),
        ("ASSAULT", "negated"),
    ]


def test_a_verb_read_as_a_plural_noun_in_a_statement_is_the_verb(coder: Coder) -> None:
    mender = CompoundMender(
        coder.lexicon.verb_read_compounds,
        coder.lexicon.answered_nouns,
        coder.actors.is_demonym,
        coder.lexicon.plural_read_verbs,
    )
    doc = mender.mend(
        coder.nlp("The Government of Vanuatu thanks the Government of Australia for its help.")
    )
    tree = {(t.i, t.text): (t.dep_, t.head.text) for t in doc}
    assert tree[4, "thanks"] == ("ROOT", "thanks")
    assert tree[1, "Government"] == ("nsubj", "thanks")
    assert tree[6, "Government"] == ("dobj", "thanks")
    assert tree[3, "Vanuatu"] == ("pobj", "of")
