"""language: which language a document is in (only English is coded; others are skipped
with a warning that names the language)."""

from __future__ import annotations

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

# langdetect guesses wildly on a sentence or two: only longer texts are judged, and
# only a clear verdict against English skips one.
_MIN_LETTERS = 160
_SURE = 0.9


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
        detector = self._factory.create()
        detector.append(text[:4000])
        try:
            guesses = detector.get_probabilities()
        except LangDetectException:
            return "en"
        best = guesses[0] if guesses else None
        if best is None or best.lang == "en" or best.prob < _SURE:
            return "en"
        return str(best.lang)
