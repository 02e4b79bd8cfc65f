"""Parsing in several processes gives the same events, in the same order."""

from __future__ import annotations

from brinkwatch.config import Options
from brinkwatch.pipeline import Coder
from brinkwatch.records import Document
from brinkwatch.serialize import document_dict

TEXTS = [
    "Russian forces shelled Kharkiv on Tuesday, Ukrainian officials said.",
    "Le gouvernement a annoncé mardi de nouvelles mesures contre la corruption dans les "
    "ministères, selon un communiqué publié par le cabinet du premier ministre à Paris. "
    "Les syndicats ont appelé à une grève nationale pour la semaine prochaine.",
    "Serbia expelled two Croatian diplomats on Thursday.\n\nZagreb condemned the move.",
    "India and Pakistan agreed to hold talks next week, diplomats said.",
]


def test_two_workers_match_one(coder: Coder) -> None:
    documents = [Document(doc_id=f"d{i}", text=t) for i, t in enumerate(TEXTS)]
    one = [document_dict(c) for c in coder.code_documents(documents)]
    two_coder = Coder(Options(workers=2), nlp=coder.nlp)
    two = [document_dict(c) for c in two_coder.code_documents(documents)]
    assert [d["doc_id"] for d in two] == ["d0", "d1", "d2", "d3"]
    assert two == one
    assert one[1]["warnings"] and one[1]["events"] == []
