"""The pure analysis core: ``analyze(source) -> Analysis``. Never imports Textual."""

from .model import Analysis, Edit, Entity, Figure, Flag, ReferenceDate, Source, Span
from .pipeline import analyze

__all__ = [
    "Analysis", "Edit", "Entity", "Figure", "Flag", "ReferenceDate", "Source", "Span", "analyze",
]
