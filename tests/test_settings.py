"""Settings as a user meets them: a theme picked in the palette is kept, misspelt rule and key
ids are named, a missing --config is an error, ``config path|init``, and --help's commands."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest

from tui.app import ReaderApp
from tui.cli import given_config, main
from tui.config import Config, check_names, default_config_path, load_config, save_theme
from tui.config_cli import template
from tui.keymap import binding_ids

SIZE = (120, 40)


def _settings(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def test_a_theme_picked_in_the_palette_is_saved_and_used_next_time(article: Path):
    path = default_config_path()
    assert not path.exists()
    app = ReaderApp(str(article), config=load_config(path))
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "theme":
            await pilot.press(key)
        await pilot.pause(0.3)
        await pilot.press("enter")  # "Theme": the theme list
        await pilot.pause(0.3)
        for key in "nord":
            await pilot.press(key)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord"
    assert tomllib.loads(path.read_text(encoding="utf-8"))["theme"] == "nord"
    again = ReaderApp(str(article), config=load_config(path))
    async with again.run_test(size=SIZE) as pilot:
        await again.wait_for_analysis()
        await pilot.pause()
        assert again.theme == "nord"


def test_saving_a_theme_keeps_every_other_line(tmp_path: Path):
    path = _settings(
        tmp_path,
        '# my settings\ntheme = "gruvbox"  # warm\n[rules]\ndisabled = ["scare-quotes"]\n',
    )
    assert save_theme(path, "nord") is None
    assert path.read_text(encoding="utf-8") == (
        '# my settings\ntheme = "nord"\n[rules]\ndisabled = ["scare-quotes"]\n'
    )
    path = _settings(tmp_path, '[keys]\nquit = "q"')
    assert save_theme(path, "nord") is None
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {
        "theme": "nord",
        "keys": {"quit": "q"},
    }


def test_a_broken_settings_file_is_not_overwritten_by_a_theme(tmp_path: Path):
    path = _settings(tmp_path, "theme = [unclosed\n")
    assert "not saved" in (save_theme(path, "nord") or "")
    assert path.read_text(encoding="utf-8") == "theme = [unclosed\n"


def test_unknown_rule_and_binding_ids_are_named(tmp_path: Path):
    path = _settings(
        tmp_path,
        '[rules]\ndisabled = ["scare-quote", "hedged-claim", "nonsense"]\n'
        '[keys]\nnext_flg = "x"\nquit = "q"\n',
    )
    config = check_names(load_config(path), binding_ids())
    rules, keys = config.warnings
    assert "unknown rule ids in [rules] disabled" in rules
    assert "'nonsense'" in rules and "'scare-quote' (did you mean 'scare-quotes'?)" in rules
    assert "hedged-claim" not in rules
    assert "unknown binding id in [keys]" in keys
    assert "'next_flg' (did you mean 'next_flag'?)" in keys and "quit" not in keys


def test_known_names_raise_no_warning(tmp_path: Path):
    path = _settings(tmp_path, '[rules]\ndisabled = ["whitespace", "loaded-term"]\n')
    assert check_names(load_config(path), binding_ids()).warnings == ()
    assert check_names(Config()).warnings == ()


def test_analyze_config_warns_by_name_and_a_missing_file_is_an_error(
    article: Path, tmp_path: Path, capsys
):
    path = _settings(tmp_path, '[rules]\ndisabled = ["scare-quote"]\n[keys]\nqiut = "q"\n')
    assert main(["analyze", str(article), "--config", str(path)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2
    assert "'scare-quote' (did you mean 'scare-quotes'?)" in err[0]
    assert "'qiut' (did you mean 'quit'?)" in err[1]
    assert main(["analyze", str(article), "--config", str(tmp_path / "nope.toml")]) == 1
    missing = tmp_path / "nope.toml"
    assert capsys.readouterr().err == f"closeread: {missing}: no such settings file\n"
    assert main([str(article), "--config", str(tmp_path)]) == 1
    assert "is a directory, not a settings file" in capsys.readouterr().err


async def test_the_reader_warns_of_unknown_names(article: Path, tmp_path: Path):
    path = _settings(tmp_path, '[rules]\ndisabled = ["scare-quote"]\n[keys]\nqiut = "q"\n')
    app = ReaderApp(str(article), config=given_config(path, for_reader=True))
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        shown = [str(n.message) for n in app._notifications]
        assert any("'scare-quote'" in m for m in shown)
        assert any("'qiut'" in m for m in shown)


def test_config_path_and_init(tmp_path: Path, capsys):
    assert main(["config", "path"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == str(default_config_path()) and "config init" in err
    assert main(["config", "init"]) == 0
    written = default_config_path().read_text(encoding="utf-8")
    assert written == template()
    assert tomllib.loads(written) == {"rules": {}, "keys": {}}  # every option commented out
    for name in ("# theme =", "scare-quotes", "whitespace", "# next_flag = ", "# quit = "):
        assert name in written
    default_config_path().write_text('theme = "nord"\n', encoding="utf-8")
    assert main(["config", "init"]) == 1
    assert "exists; left as it is" in capsys.readouterr().err
    assert default_config_path().read_text(encoding="utf-8") == 'theme = "nord"\n'
    other = tmp_path / "elsewhere" / "settings.toml"
    assert main(["config", "init", "--config", str(other)]) == 0 and other.exists()


def test_every_commented_option_works_when_uncommented(tmp_path: Path):
    option = re.compile(r"# [a-z_]+ = ")
    lines = [line[2:] if option.match(line) else line for line in template().splitlines()]
    path = _settings(tmp_path, "\n".join(lines) + "\n")
    config = check_names(load_config(path), binding_ids())
    assert config.warnings == ()
    assert config.theme == "textual-dark" and "scare-quotes" in config.disabled_rules


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("analyze PATH|URL", "review PATH", "notes add|list", "config path|init"):
        assert command in out


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_settings_folder_is_a_warning(tmp_path: Path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert "not saved" in (save_theme(folder / "config.toml", "nord") or "")
    finally:
        folder.chmod(0o700)


def test_a_key_given_to_two_bindings_is_named(tmp_path: Path):
    from tui.keymap import bindings, key_conflicts

    path = _settings(tmp_path, '[keys]\nnext_flag = "F"\n')
    config = load_config(path)
    config = check_names(config, binding_ids(), key_conflicts(config.keys))
    assert config.warnings == (
        f"{path}: [keys]: 'F' is bound to both next_flag and search_notes: one of them "
        "cannot be reached",
    )
    assert key_conflicts({"next_flag": "j"}) == [
        "'j' is bound to both next_flag and sidebar_down",
        "'j' is bound to both line_down and next_flag",
    ]
    assert key_conflicts({"next_flag": "F", "search_notes": "ctrl+f"}) == []
    every_default = {b.id: b.keys for b in bindings()}
    # The defaults clash only where the sidebar repeats the reader's own f (filters) on purpose.
    assert key_conflicts(every_default) == ["'f' is bound to both filters and sidebar_filters"]
