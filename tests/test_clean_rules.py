"""The rule registry: ordered, named, each switched off by its name."""

from __future__ import annotations

from tui.analysis.clean import RULE_NAMES, clean


def test_rule_names_are_unique_and_ordered_whitespace_first():
    assert len(set(RULE_NAMES)) == len(RULE_NAMES)
    assert RULE_NAMES[0] == "whitespace"


def test_a_disabled_edit_rule_leaves_its_defect():
    source = "More information can be found here."
    assert clean(source, disabled=frozenset({"boilerplate"})).text == source


def test_a_disabled_check_rule_raises_no_flag():
    source = "atch military are being sent in to stabilise the country."
    assert clean(source, disabled=frozenset({"truncated-text"})).flags == ()


def test_names_that_are_no_cleaning_rule_are_ignored():
    assert clean("Fine.  Text.", disabled=frozenset({"loaded-language"})).text == "Fine. Text."
