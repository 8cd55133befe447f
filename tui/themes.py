"""The reader's theme: the one the settings name, and one picked later in the palette, which is
saved as the reader's choice for the next start."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from textual import constants

from .safe_text import one_line

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.signal import Signal
    from textual.theme import Theme

    from .config import Config


class Themed(Protocol):
    """What this uses of the app."""

    config: Config
    theme: str

    @property
    def available_themes(self) -> dict[str, Theme]: ...
    @property
    def theme_changed_signal(self) -> Signal[Theme]: ...
    def notify(
        self, message: str, *, severity: SeverityLevel = ..., timeout: float | None = ...
    ) -> None: ...


def use_theme(app: Themed, owner: Any) -> None:
    """Apply the settings' theme (an unknown one is a warning) and keep what the reader picks
    later; ``owner`` is the app as the signal's subscriber."""
    wanted = app.config.theme
    if wanted and wanted in app.available_themes:
        app.theme = wanted
    elif wanted:
        app.notify(f"Unknown theme '{wanted}'; using the default.", severity="warning")
    app.theme_changed_signal.subscribe(owner, lambda theme: _remember(app, theme))


def _remember(app: Themed, theme: Theme) -> None:
    if theme.name == (app.config.theme or constants.DEFAULT_THEME):
        return
    from .config import default_config_path, save_theme

    app.config = app.config._replace(theme=theme.name)
    problem = save_theme(app.config.path or default_config_path(), theme.name)
    if problem:
        app.notify(one_line(problem, 300), severity="warning", timeout=8)
