"""language: which language a document is in (only English is coded; others are skipped
with a warning that names the language)."""

from __future__ import annotations

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

# langdetect guesses wildly on a sentence or two: only longer texts are judged, and
# only a clear verdict against English skips one.
_MIN_LETTERS = 160
_SURE = 0.9
# Plain English shows itself in its commonest words; langdetect runs only on the rest.
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "said",
        "was",
        "as",
        "by",
        "at",
    ]
)
_ENGLISH_SHARE = 0.12
_SAMPLE = 1500


class LanguageDetector:
    """A deterministic langdetect detector, built once per process and passed down."""

    def __init__(self) -> None:
        self._factory = DetectorFactory()
        self._factory.load_profile(PROFILES_DIRECTORY)
        self._factory.seed = 0

    def detect(self, text: str) -> str:
        """ISO 639-1 code of the text's language; 'en' when too short or unsure."""
        if sum(c.isalpha() for c in text) < _MIN_LETTERS:
            return "en"
        words = text[:_SAMPLE].lower().split()
        if sum(w in _ENGLISH_WORDS for w in words) >= _ENGLISH_SHARE * len(words):
            return "en"
        detector = self._factory.create()
        detector.append(text[:_SAMPLE])
        try:
            guesses = detector.get_probabilities()
        except LangDetectException:
            return "en"
        best = guesses[0] if guesses else None
        if best is None or best.lang == "en" or best.prob < _SURE:
            return "en"
        return str(best.lang)
