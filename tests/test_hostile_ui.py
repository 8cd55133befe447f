"""Hostile tags, note bodies, file names and settings: every screen that shows them draws them
as typed, with controls made visible, and no key crashes the reader.

Each check renders the whole screen as the terminal would receive it (the compositor's full
update, the bytes Textual writes) and looks for what must never be in it: an OSC (title,
clipboard, hyperlink), a BEL, a C1 control, a bidi override, a zero-width character, or a
terminal-clearing CSI that came from the data.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from tui.app import ReaderApp
from tui.config import load_config
from tui.notes.cli import notes_add
from tui.screens.filters import FilterScreen
from tui.screens.note_editor import NoteEditor
from tui.screens.prompts import ChoiceScreen, ConfirmScreen, TextPrompt

SIZE = (110, 36)
TITLE = "\x1b]0;PWNED\x07"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
BIDI = "\u202eevil\u202c"
HOSTILE_TAGS = [
    TITLE + "title",
    CLIPBOARD + "clip",
    "[a=b=c]x",
    "[@click=app.quit]CLICKME",
    "[bold]loud[/bold]",
    BIDI,
    "zero\u200bwidth",
    "c1\x9bx",
]
HOSTILE_BODY = (
    "Body "
    + TITLE
    + " and "
    + CLIPBOARD
    + "\n\x1b[2J\x1b[Hcleared? [@click=app.quit]q[/] "
    + BIDI
    + "\n\ttabbed \x00 nul \x7f del \x85 nel"
)
FORBIDDEN = ["\x1b]", "\x07", "\x1b[2J", "\x1b[H", "PWNED\x07"]
FORBIDDEN_CHARS = {chr(c) for c in range(0x80, 0xA0)} | set(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200e\u200f\ufeff\x00\x7f"
)
ARTICLE = (
    "Storm closes harbour\n\n"
    "The harbour at Dover was closed on Monday after a storm damaged two piers, "
    "according to the port authority.\n"
    "Ferries to Calais were cancelled and about 3,000 passengers waited overnight.\n"
)


def terminal_output(app: ReaderApp) -> str:
    """What Textual would write to the terminal for the whole screen, dialogs and toasts too."""
    console = Console(
        width=app.size.width,
        height=app.size.height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return update.render_segments(console)


def assert_safe(app: ReaderApp) -> str:
    out = terminal_output(app)
    for sequence in FORBIDDEN:
        assert sequence not in out, (sequence, out[max(out.find(sequence) - 80, 0) :][:200])
    bad = FORBIDDEN_CHARS & set(out)
    assert not bad, sorted(map(ord, bad))
    # Whatever ESC is left starts one of Textual's own CSI sequences (colours, cursor moves).
    assert all(part.startswith("[") for part in out.split("\x1b")[1:])
    return out


@pytest.fixture
def hostile_article(tmp_path: Path) -> Path:
    path = tmp_path / "report [draft].txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _add(path: Path, quote: str, body: str = "", tags: list[str] | None = None) -> None:
    assert notes_add(str(path), quote, body, tags or []) == 0


async def _open(app: ReaderApp, pilot) -> None:
    await app.wait_for_analysis()
    await pilot.pause()
    await pilot.pause()


async def test_hostile_tags_in_sidebar_filters_and_tag_prompt(hostile_article: Path, capsys):
    _add(hostile_article, "Ferries to Calais", "short", HOSTILE_TAGS)
    capsys.readouterr()
    app = ReaderApp(str(hostile_article))
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        out = assert_safe(app)
        assert "report [draft].txt" in out or "Storm closes harbour" in out
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterScreen)
        out = assert_safe(app)
        assert "#[@click=app.quit]CLICKME" in out and "#[a=b=c]x" in out and "␛]0;PWNED␇" in out
        # Clicking every row of the list toggles it; no row is an action.
        for y in range(2, 30):
            await pilot.click(offset=(30, y))
        assert app.is_running
        await pilot.press("escape")
        # t on the tagged note: the prompt holds the tags, the completions come from them.
        app.go_to(next(i for i in app.outline_items() if i.kind == "note"))
        await pilot.pause()
        app.article.focus()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        out = assert_safe(app)
        assert "[a=b=c]x" in out
        await pilot.press("ctrl+u", "[", "@", "c")  # completion of a hostile tag is shown too
        await pilot.pause()
        assert_safe(app)
        await pilot.press("escape")
        assert app.is_running


async def test_tag_with_markup_typed_at_the_prompt_is_kept_and_filters(hostile_article: Path):
    app = ReaderApp(str(hostile_article))
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        await pilot.press("j", "j", "t")
        await pilot.pause()
        for key in "[a=b=c]x":
            await pilot.press(
                key
                if key.isalnum()
                else {"[": "left_square_bracket", "]": "right_square_bracket", "=": "equals_sign"}[
                    key
                ]
            )
        await pilot.press("enter")
        await pilot.pause()
        assert app.notebook.tags() == ["[a=b=c]x"]
        await pilot.press("f")
        await pilot.pause()
        assert "#[a=b=c]x" in assert_safe(app)
        await pilot.press("enter")
        assert app.is_running


async def test_hostile_body_in_the_note_editor_is_shown_safely_and_kept(
    hostile_article: Path, capsys
):
    _add(hostile_article, "Ferries to Calais", HOSTILE_BODY)
    capsys.readouterr()
    app = ReaderApp(str(hostile_article))
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        note = app.notebook.placed[0].note
        app.go_to(next(i for i in app.outline_items() if i.kind == "note"))
        await pilot.pause()
        app.article.focus()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert_safe(app)
        area = app.screen.query_one("#note-text")
        drawn = "".join(s.text for y in range(4) for s in area.render_line(y))
        assert "␛]0;PWNED␇" in drawn and "[@click=app.quit]q[/]" in drawn
        assert "␉" not in drawn and "tabbed" in drawn and "␀ nul ␡ del" in drawn
        await pilot.press("end", "!", "ctrl+s")
        await pilot.pause()
        saved = app.notebook.placed[0].note
        assert saved.id == note.id
        first, rest = HOSTILE_BODY.split("\n", 1)
        assert saved.body == first + "!\n" + rest  # edited, with every hostile byte kept


async def test_hostile_choice_confirm_and_status(hostile_article: Path, capsys):
    _add(hostile_article, "Ferries to Calais", HOSTILE_BODY, [TITLE])
    capsys.readouterr()
    app = ReaderApp(str(hostile_article))
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        app.push_screen(ChoiceScreen(TITLE + "[a=b=c]", [("x", "[@click=app.quit]" + TITLE)]))
        await pilot.pause()
        assert "[a=b=c]" in assert_safe(app)
        await pilot.press("escape")
        app.push_screen(ConfirmScreen("Delete “" + HOSTILE_BODY + "”?"))
        await pilot.pause()
        assert_safe(app)
        await pilot.press("n")
        app.set_status(HOSTILE_BODY)
        await pilot.pause()
        assert_safe(app)


@pytest.mark.parametrize(
    "name", ["x[a=b=c]y.txt", "report [draft].txt", "t\x1b]0;PWNED\x07.txt", "b\u202ecod.exe.txt"]
)
async def test_hostile_file_names_in_title_and_export_notice(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = tmp_path / name
    path.write_text(ARTICLE.replace("Storm closes harbour\n\n", ""), encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    monkeypatch.chdir(out_dir)
    app = ReaderApp(str(path))
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        await pilot.press("h")
        app.annotator.note_actions.export_notes("md")
        await pilot.pause()
        assert_safe(app)
        [written] = out_dir.iterdir()
        assert written.name.startswith(Path(name).stem)
        stem = Path(name).stem
        [notice] = [n for n in app._notifications if "written" in n.message]
        assert not notice.markup
        if "[" in name:
            assert f"{stem}.notes.md" in notice.message  # brackets shown, not eaten as markup
        assert app.is_running


@pytest.mark.parametrize(
    "settings",
    [
        'theme = "[a=b=c]"',
        'theme = "\\u001b]0;PWNED\\u0007"',
        'theme = "[@click=app.quit]x"',
        '"[a=b=c]" = 1',
        '"\\u001b]0;PWNED\\u0007" = 1',
        '[keys]\nhighlight = "[a=b=c]"',
        '[keys]\nhighlight = "\\u001b]0;PWNED\\u0007"',
        '[keys]\n"[a=b=c]" = "z"',
        '[rules]\ndisabled = ["\\u001b]0;PWNED\\u0007", "[a=b=c]"]',
        "theme = [\n",
    ],
)
async def test_hostile_settings_warn_safely(settings: str, tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text(settings, encoding="utf-8")
    app = ReaderApp(source=None, config=load_config(path))
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        assert_safe(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert_safe(app)
        await pilot.press("escape", "h", "j", "ctrl+p")
        await pilot.pause()
        assert_safe(app)
        await pilot.press("escape")
        assert app.is_running


def _every_dialog() -> set[type]:
    """Every dialog class the reader can push, found by walking the screens package."""
    import importlib
    import pkgutil

    import tui.screens
    from tui.screens.dialog import Dialog

    for module in pkgutil.iter_modules(tui.screens.__path__):
        importlib.import_module(f"tui.screens.{module.name}")
    found, todo = set(), [Dialog]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.add(sub)
            todo.append(sub)
    return {c for c in found if c.__module__.startswith("tui.")}


def _hostile_dialogs() -> dict[str, object]:
    from textual.binding import Binding

    from tui.screens.date import DateScreen
    from tui.screens.help import HelpScreen
    from tui.screens.prompts import LetterPrompt

    hostile = HOSTILE_BODY + " " + " ".join(HOSTILE_TAGS)
    return {
        "FilterScreen": lambda: FilterScreen([], [f"#{t}" for t in HOSTILE_TAGS]),
        "TextPrompt": lambda: TextPrompt(hostile, TITLE + "[a=b=c]", HOSTILE_TAGS),
        "LetterPrompt": lambda: LetterPrompt(hostile),
        "ConfirmScreen": lambda: ConfirmScreen(hostile),
        "ChoiceScreen": lambda: ChoiceScreen(hostile, [(t, t) for t in HOSTILE_TAGS]),
        "DateScreen": lambda: DateScreen(None, hostile),
        "NoteEditor": lambda: NoteEditor(hostile, HOSTILE_BODY),
        "HelpScreen": lambda: HelpScreen(
            [(TITLE + "[b]x", [Binding("z", "quit", hostile, key_display=TITLE)])]
        ),
    }


def test_every_dialog_has_a_hostile_case():
    """A new dialog fails this until it is given hostile text below."""
    assert {c.__name__ for c in _every_dialog()} == set(_hostile_dialogs())


@pytest.mark.parametrize("name", sorted(_hostile_dialogs()))
async def test_every_dialog_draws_hostile_text_safely(name: str):
    app = ReaderApp(source=None)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        app.notify(HOSTILE_BODY, title=TITLE)
        app.set_status(HOSTILE_BODY)
        app.push_screen(_hostile_dialogs()[name]())
        await pilot.pause()
        assert_safe(app)
        await pilot.press("down", "pagedown", "end")
        await pilot.pause()
        assert_safe(app)
        if name == "DateScreen":
            app.screen.query_one("#date-input").value = TITLE + "[a=b=c]"
            await pilot.press("enter")
            await pilot.pause()
            assert_safe(app)
        assert app.is_running


async def test_the_detail_pane_draws_hostile_text_safely():
    hostile = HOSTILE_BODY + " " + " ".join(HOSTILE_TAGS)
    for size in ((120, 40), (50, 40)):  # labels beside the text, and above it
        app = ReaderApp()
        async with app.run_test(size=size) as pilot:
            await _open(app, pilot)
            app.go_to(next(i for i in app.outline_items() if i.kind == "flag"))
            await pilot.press("i")
            await pilot.pause()
            pane = app.details
            pane.show(hostile + "[b]", [(TITLE, "[a=b=c]x"), ("", hostile), ("1.", hostile)], "1.")
            await pilot.pause()
            assert "[a=b=c]x" in assert_safe(app)


async def test_palette_and_sidebar_show_hostile_names_safely():
    from tui.source import decode

    text = (
        f"Talks in Paris\n\nPresident Anna {TITLE}Smith met [@click=app.quit]Jones[/] and "
        f"Karl {BIDI}Berg in Paris on Monday. Smith said Berg agreed.\n"
    )
    app = ReaderApp(source=decode(text.encode(), name="h.txt"))
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        assert_safe(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert_safe(app)
        await pilot.press("S", "m", "i")
        await pilot.pause()
        await pilot.pause()
        assert_safe(app)
        await pilot.press("escape")
        assert app.is_running


async def test_a_hostile_completion_is_drawn_safely(hostile_article: Path, capsys):
    _add(hostile_article, "Ferries to Calais", "", HOSTILE_TAGS)
    capsys.readouterr()
    app = ReaderApp(str(hostile_article))
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        await pilot.press("g", "t")
        await pilot.pause()
        field = app.screen.query_one("Input")
        field.value = "\x1b]0"  # completes to the tag that retitled the terminal
        field.cursor_position = len(field.value)
        await pilot.pause()
        await pilot.pause()
        assert field._suggestion.startswith("\x1b]0;PWNED")
        out = assert_safe(app)
        assert "␛]0" in out and "PWNED" in out  # the value and its completion after the cursor


async def test_a_huge_body_opens_read_only_at_once_and_is_kept(hostile_article: Path, capsys):
    from tui.screens.note_editor import EDIT_LIMIT

    body = ("word " * 15 + "\n") * (EDIT_LIMIT // 40)
    _add(hostile_article, "Ferries to Calais", body)
    capsys.readouterr()
    app = ReaderApp(str(hostile_article))
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        app.go_to(next(i for i in app.outline_items() if i.kind == "note"))
        await pilot.pause()
        app.article.focus()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        area = app.screen.query_one("#note-text")
        assert area.read_only and len(area.text) == EDIT_LIMIT
        assert "too many to edit here" in assert_safe(app)
        await pilot.press("x", "ctrl+s")
        await pilot.pause()
        assert app.notebook.placed[0].note.body == body


async def test_textual_own_notices_keep_their_markup_and_ours_never_have_any():
    app = ReaderApp(source=None)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        app.action_help_quit()  # Textual: "Press [b]q[/b] to quit the app" (ctrl+c copies here)
        await pilot.pause()
        [hint] = [n for n in app._notifications if "to quit" in n.message]
        assert hint.markup
        app.notify("[b]ours[/b]")
        app.screen.notify("[b]via a screen[/b]")
        await pilot.pause()
        ours = [n for n in app._notifications if "ours" in n.message or "screen" in n.message]
        assert len(ours) == 2 and not any(n.markup for n in ours)
