"""The colours of the article's marks, worked out from the active theme.

Stylesheet variables cannot promise what a close reader needs: that text stays readable on
every mark, in dark and light themes, and that a highlight never looks like the selection
(Textual's dark theme gives ``$warning`` and ``$accent`` one orange). So the colours are
computed here from the theme's own: each highlight takes the theme colour of its hue when the
theme has one (its warning for yellow, success for green, primary for blue), else a plain hue;
the selection's marks take hues that stand apart from the highlights'; every background is a
tint of the pane's, and the text on it moves toward black or white as far as it takes to keep
WCAG AA contrast (4.5:1).
The stylesheet keeps the text styles (underline, strike, bold) and can still restyle them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.style import Style
from textual.color import Color, ColorParseError

TEXT_CONTRAST = 4.5
"""WCAG AA for body text: text on every mark keeps at least this contrast."""
MUTED_CONTRAST = 3.0
"""Struck-out (removed) text is muted, but no less readable than WCAG's large-text minimum."""
HUE_APART = 45.0
"""Degrees of hue that tell two marks apart at a glance."""

_HIGHLIGHTS = {
    "hl-yellow": ("warning", 52.0, "#e8c33a"),
    "hl-green": ("success", 125.0, "#3fb950"),
    "hl-blue": ("primary", 215.0, "#3b82f6"),
    "hl-pink": ("error", 325.0, "#e05aa8"),
}
"""Each highlight: the theme colour that may give it, the hue it must have, a plain fallback."""
_SPARE = ("#14b8a6", "#a855f7", "#f97316", "#84cc16", "#06b6d4", "#f43f5e")
"""Plain hues the selection's marks fall back on, when the theme's clash with a highlight."""


def mark_colours(variables: Mapping[str, str]) -> dict[str, Style]:
    """Colour styles for the article's layers, from a theme's CSS variables (as
    ``App.get_css_variables`` gives them). A theme of ANSI colours gets the terminal's named
    colours: its palette is not known, so contrast cannot be worked out."""
    surface = _colour(variables.get("surface")) or _colour(variables.get("background"))
    text = _colour(variables.get("foreground"))
    if surface is None or text is None:
        return dict(_ANSI)
    text = readable(text, surface, TEXT_CONTRAST)
    styles: dict[str, Style] = {}
    hues: list[float] = []
    for layer, (variable, hue, plain) in _HIGHLIGHTS.items():
        colour = _colour(variables.get(variable))
        if colour is None or _saturation(colour) < 0.3 or _hue_gap(_hue(colour), hue) > 25:
            colour = Color.parse(plain)
        hues.append(_hue(colour))
        styles[layer] = _tinted(surface, colour, text, 0.45)
    candidates = [_colour(variables.get(name)) for name in ("accent", "secondary", "primary")]
    linked = _apart([c for c in candidates if c is not None], hues)
    hues.append(_hue(linked))
    selected = _apart([c for c in candidates if c is not None], hues)
    styles["linked"] = _tinted(surface, linked, text, 0.3)
    styles["current"] = _tinted(surface, linked, text, 0.65)
    styles["visual"] = _tinted(surface, selected, text, 0.5)
    styles["selection"] = styles["visual"]
    styles["sentence"] = Style(bgcolor=surface.blend(text, 0.07).rich_color)
    styles["removed"] = Style(color=_muted(text, surface).rich_color)
    error = _colour(variables.get("error")) or Color.parse("#e5484d")
    styles["mark-error"] = Style(color=readable(error, surface, TEXT_CONTRAST).rich_color)
    warning = _colour(variables.get("warning")) or Color.parse("#e8c33a")
    styles["changed"] = Style(color=readable(warning, surface, TEXT_CONTRAST).rich_color)
    styles["pending"] = Style(color=_muted(text, surface).rich_color)
    return styles


_ANSI = {
    "hl-yellow": Style(color="black", bgcolor="yellow"),
    "hl-green": Style(color="black", bgcolor="green"),
    "hl-blue": Style(color="white", bgcolor="blue"),
    "hl-pink": Style(color="black", bgcolor="magenta"),
    "linked": Style(color="black", bgcolor="cyan"),
    "current": Style(color="black", bgcolor="bright_cyan"),
    "visual": Style(reverse=True),
    "selection": Style(reverse=True),
    "removed": Style(dim=True),
    "mark-error": Style(color="red"),
    "changed": Style(color="yellow"),
    "pending": Style(dim=True),
}


MONOCHROME = {
    **{f"hl-{colour}": Style(bold=True) for colour in ("yellow", "green", "blue", "pink")},
    "linked": Style(underline=True),
    "current": Style(reverse=True, bold=True),
    "visual": Style(reverse=True),
    "selection": Style(reverse=True),
    "removed": Style(dim=True),
    "pending": Style(dim=True),
}
"""With NO_COLOR: the marks' text styles alone (the stylesheet adds underline, strike...)."""


def contrast(a: Color, b: Color) -> float:
    """The WCAG 2 contrast ratio of two opaque colours, 1 to 21."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: Color, background: Color, least: float) -> Color:
    """``colour``, moved toward black or white (whichever the background is not) only as far
    as it takes to reach ``least`` contrast on ``background``."""
    target = Color(0, 0, 0) if _luminance(background) > 0.18 else Color(255, 255, 255)
    for step in range(21):
        moved = colour.blend(target, step / 20)
        if contrast(moved, background) >= least:
            return moved
    return target


def _tinted(surface: Color, hue: Color, text: Color, strength: float) -> Style:
    """A background of ``hue`` laid over ``surface`` at ``strength``, with the text moved
    toward black or white as far as it takes to read on it at ``TEXT_CONTRAST``."""
    background = surface.blend(hue, strength)
    colour = readable(text, background, TEXT_CONTRAST)
    return Style(color=colour.rich_color, bgcolor=background.rich_color)


def _muted(text: Color, surface: Color) -> Color:
    """Text halfway to the background, or as near it as ``MUTED_CONTRAST`` allows."""
    for step in range(10, -1, -1):
        colour = text.blend(surface, step / 20)
        if contrast(colour, surface) >= MUTED_CONTRAST:
            return colour
    return text


def _apart(theme: Sequence[Color], taken: Sequence[float]) -> Color:
    """The first theme colour (then a plain one) whose hue stands ``HUE_APART`` from every hue
    in ``taken``; failing that, the one that stands furthest."""
    pool = [c for c in theme if _saturation(c) >= 0.3] + [Color.parse(c) for c in _SPARE]
    for colour in pool:
        if all(_hue_gap(_hue(colour), hue) >= HUE_APART for hue in taken):
            return colour
    return max(pool, key=lambda c: min(_hue_gap(_hue(c), hue) for hue in taken))


def _colour(value: str | None) -> Color | None:
    """A theme variable as an opaque colour; None for an ANSI or "auto" colour."""
    if not value or value.startswith(("ansi", "auto")):
        return None
    try:
        colour = Color.parse(value)
    except ColorParseError:
        return None
    return None if colour.ansi is not None else colour.with_alpha(1.0)


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def _hue(colour: Color) -> float:
    return colour.hsl.h * 360


def _saturation(colour: Color) -> float:
    return colour.hsl.s


def _hue_gap(a: float, b: float) -> float:
    gap = abs(a - b) % 360
    return min(gap, 360 - gap)
