"""Editing widgets that show what the reader types, and stored text they edit, safely.

``Input`` and ``TextArea`` hand their text to the terminal as it is: a tag or note body holding
ESC ] 0 ; … BEL would retitle the terminal. These subclasses make every control visible in each
rendered line (one character for one, so nothing shifts) while the value itself, and so what is
saved, stays exactly what was typed or stored.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.strip import Strip
from textual.widgets import Input, TextArea

from ..safe_text import plain, visible


def guarded_strip(strip: Strip, width: int) -> Strip:
    """``strip`` with every segment's controls made visible, cropped back to ``width`` cells
    (a control is drawn zero cells wide, its stand-in one)."""
    segments = list(strip)
    if not any(visible(segment.text) != segment.text for segment in segments):
        return strip
    shown = Strip([Segment(visible(text), style, control) for text, style, control in segments])
    return shown.crop(0, width) if shown.cell_length > width else shown


class GuardedInput(Input):
    """An ``Input`` whose value and completion are drawn with their controls made visible.
    (In the completion's tail Rich drops BEL, BS and CR before the guard sees them: unseen,
    but they never reach the terminal either.)"""

    @property
    def _value(self) -> Text:
        """The value as drawn: controls as their pictures, one character for one."""
        return Text(plain(self.value), no_wrap=True, overflow="ignore", end="")

    def render_line(self, y: int) -> Strip:
        return guarded_strip(super().render_line(y), max(self.size.width, 1))


# Characters Python's ``str.splitlines`` (and so Textual's Document) takes for a line break,
# besides "\n". The document joins its lines with one newline, so each of these would be lost
# or changed on the way through the editor.
_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_PRIVATE_USE = range(0xE000, 0xF900)


class GuardedTextArea(TextArea):
    """A ``TextArea`` whose lines are drawn with their controls made visible, and which gives
    back exactly the text it was given (``exact_text``), every line-break character kept.

    Each break character other than "\n" is held in the document as a private-use character
    that the text does not contain, and drawn as its control picture."""

    def __init__(self, text: str = "", **options: object) -> None:
        unused = (chr(c) for c in _PRIVATE_USE if chr(c) not in text)
        present = [b for b in _BREAKS if b in text]
        self._held = dict(zip(present, unused, strict=False))
        self._given_back = {ord(v): k for k, v in self._held.items()}
        self._drawn = {ord(v): visible(k) for k, v in self._held.items()}
        super().__init__(text.translate({ord(k): v for k, v in self._held.items()}), **options)  # type: ignore[arg-type]

    @property
    def exact_text(self) -> str:
        """The text as edited, with the break characters it was given put back."""
        return self.text.translate(self._given_back)

    def get_line(self, line_index: int) -> Text:
        """The line as drawn: controls as their pictures, one character for one, tabs kept
        (Rich would drop BEL, BS and CR from a ``Text`` silently)."""
        line = self.document.get_line(line_index)  # not super's Text: it has dropped them
        shown = plain(line.translate(self._drawn) if self._drawn else line)
        return Text(shown, end="", no_wrap=True)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if self._drawn:
            strip = Strip(
                [Segment(t.translate(self._drawn), style, c) for t, style, c in strip],
                strip.cell_length,
            )
        return guarded_strip(strip, max(self.size.width, 1))
