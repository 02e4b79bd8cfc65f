"""brinkwatch: structured, source-attributed political event data from news articles."""

from brinkwatch.config import Options, load_options
from brinkwatch.pipeline import Coder
from brinkwatch.records import (
    Actor,
    Attribution,
    CodedDocument,
    Document,
    Event,
    EventDate,
    Location,
    Mention,
)

__all__ = [
    "Actor",
    "Attribution",
    "CodedDocument",
    "Coder",
    "Document",
    "Event",
    "EventDate",
    "Location",
    "Mention",
    "Options",
    "load_options",
]
__version__ = "0.1.0"
