"""The settings file: read when there, defaults when not, and a bad setting is only a warning."""

from __future__ import annotations

from pathlib import Path

from tui.app import ReaderApp
from tui.config import Config, load_config


def test_no_file_means_the_defaults(tmp_path: Path):
    assert load_config(tmp_path / "absent.toml") == Config(path=tmp_path / "absent.toml")
    assert load_config(None) == Config()


def test_settings_are_read(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text(
        'theme = "nord"\n[rules]\ndisabled = ["loaded-word"]\n[keys]\nnext_flag = "x"\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.theme == "nord"
    assert config.disabled_rules == frozenset({"loaded-word"})
    assert dict(config.keys) == {"next_flag": "x"}
    assert config.warnings == ()


def test_a_bad_setting_is_a_warning_and_the_default(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text('theme = 3\ncolour = "red"\n[rules]\ndisabled = "all"\n', encoding="utf-8")
    config = load_config(path)
    assert config.theme is None and config.disabled_rules == frozenset()
    assert len(config.warnings) == 3


def test_a_file_that_is_not_toml_is_ignored_with_a_warning(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text("theme = [unclosed\n", encoding="utf-8")
    config = load_config(path)
    assert config.theme is None and "cannot be read as TOML" in config.warnings[0]


async def test_a_key_set_in_the_file_works_in_the_reader(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text('[keys]\nnext_flag = "x"\n', encoding="utf-8")
    app = ReaderApp(config=load_config(path), data_dir=tmp_path / "data")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        await pilot.press("x")
        assert app.selection is not None and app.selection.kind == "flag"
