"""The pure analysis core: ``analyze(source) -> Analysis``. Never imports Textual.

``analyze`` is imported on first use: its stages compile many patterns, and the reader shows
the article before it needs them.
"""

from typing import TYPE_CHECKING, Any

from .model import Analysis, Edit, Entity, Figure, Flag, ReferenceDate, Source, Span

if TYPE_CHECKING:
    from .pipeline import analyze

__all__ = [
    "Analysis",
    "Edit",
    "Entity",
    "Figure",
    "Flag",
    "ReferenceDate",
    "Source",
    "Span",
    "analyze",
]


def __getattr__(name: str) -> Any:
    if name == "analyze":
        from .pipeline import analyze

        return analyze
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
