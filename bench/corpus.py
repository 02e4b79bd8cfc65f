"""A realistic news-like corpus generated from templates written for brinkwatch."""

from __future__ import annotations

import random

COUNTRIES = [
    ("Russia", "Russian", "Moscow"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("India", "Indian", "New Delhi"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("China", "Chinese", "Beijing"),
    ("the Philippines", "Philippine", "Manila"),
    ("Israel", "Israeli", "Jerusalem"),
    ("Lebanon", "Lebanese", "Beirut"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Eritrea", "Eritrean", "Asmara"),
    ("Venezuela", "Venezuelan", "Caracas"),
    ("Colombia", "Colombian", "Bogota"),
    ("Serbia", "Serbian", "Belgrade"),
    ("Kosovo", "Kosovar", "Pristina"),
    ("Armenia", "Armenian", "Yerevan"),
    ("Azerbaijan", "Azerbaijani", "Baku"),
    ("Sudan", "Sudanese", "Khartoum"),
    ("Chad", "Chadian", "N'Djamena"),
    ("Iran", "Iranian", "Tehran"),
    ("Turkey", "Turkish", "Ankara"),
]
PLACES = [
    "Kharkiv",
    "Odesa",
    "Kashmir",
    "Goma",
    "Aleppo",
    "Mosul",
    "El Fasher",
    "Tigray",
    "Donetsk",
]
SENTENCES = [
    "{A} troops shelled {B} positions near {place} on {day}, officials in {capB} said.",
    "{A} forces attacked a {b} border post overnight, killing two soldiers, the army said.",
    "The foreign ministry in {capA} accused {Bn} of violating the ceasefire agreement.",
    "{An} and {Bn} agreed to hold talks in Geneva next week, diplomats said.",
    "Police in {capA} arrested a dozen protesters who rallied against the government on {day}.",
    "{A} officials, speaking on condition of anonymity, said {capA} was preparing new sanctions on {Bn}.",
    "State television reported that {a} jets could strike targets inside {Bn} within days.",
    '"We will not allow anyone to threaten our security," the {a} defence minister told reporters.',
    "{Bn} denied that its soldiers had crossed the frontier and called the claims baseless.",
    "If the talks fail, {An} would close its embassy in {capB}, a senior official said.",
    "Analysts said the dispute could escalate if neither side backs down before the deadline.",
    "The {a} president met the {b} envoy in {capA} on {day} to discuss prisoner exchanges.",
    "Aid agencies said thousands of civilians had fled the fighting around {place} since last month.",
    "{A} lawmakers voted to suspend military aid to {Bn} pending an investigation.",
    "Reuters reported, citing three diplomats, that {An} had expelled two {b} diplomats.",
    "Local media said residents heard explosions in {place} late on {day}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(rng: random.Random, number: int) -> dict[str, str]:
    """One article of 6-10 sentences about a random pair of countries."""
    (an, a, capa), (bn, b, capb) = rng.sample(COUNTRIES, 2)
    fill = {
        "A": a,
        "a": a,
        "An": an,
        "capA": capa,
        "B": b,
        "b": b,
        "Bn": bn,
        "capB": capb,
        "place": rng.choice(PLACES),
        "day": rng.choice(DAYS),
    }
    chosen = rng.sample(SENTENCES, rng.randint(6, 10))
    paragraphs = [s.format(**fill) for s in chosen]
    paragraphs = [p[0].upper() + p[1:] for p in paragraphs]
    return {
        "id": f"bench-{number:05d}",
        "title": f"{an} and {bn} trade accusations as tensions rise",
        "text": "\n\n".join(paragraphs),
        "published_at": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    }


def corpus(min_bytes: int, seed: int = 7) -> list[dict[str, str]]:
    """Articles until their text reaches ``min_bytes``."""
    rng = random.Random(seed)
    articles: list[dict[str, str]] = []
    size = 0
    while size < min_bytes:
        item = article(rng, len(articles))
        articles.append(item)
        size += len(item["text"].encode("utf-8"))
    return articles
