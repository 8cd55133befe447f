"""Repeated paragraphs: exact and near copies removed with a flag, restatements linked."""

from __future__ import annotations

from tui.analysis.clean import clean

FIRST = "The National Bank has stopped all financial institutions, according to state television."
OTHER = "The internet is largely unavailable throughout the country, residents said."


def rules(cleaned):
    return [f.rule for f in cleaned.flags]


def test_exact_repeat_is_removed_and_the_kept_copy_flagged():
    cleaned = clean(f"{FIRST}\n{OTHER}\n{FIRST}")
    assert cleaned.text == f"{FIRST}\n{OTHER}"
    (flag,) = cleaned.flags
    assert flag.rule == "duplicate-paragraph" and flag.severity == "warning"
    kept, removed = flag.spans
    assert cleaned.text[slice(*kept)] == FIRST
    assert removed[0] == removed[1] == len(cleaned.text)


def test_repeat_differing_in_case_spacing_and_quotes_is_exact():
    a = "He said “we will stay” and left the room before the vote."
    b = 'he said  "We will stay" and left the room before the vote.'
    assert clean(f"{a}\n{b}").text == a


def test_short_lines_may_repeat():
    source = "Winners meet in final match\nLesotho v Malawi\nWinners meet in final match"
    assert clean(source).text == source


def test_lightly_edited_copy_is_removed_and_the_fuller_one_kept():
    edited = FIRST.replace("stopped", "halted")
    cleaned = clean(f"{edited}\n{OTHER}\n{FIRST}")
    assert cleaned.text == f"{OTHER}\n{FIRST}"
    assert rules(cleaned) == ["near-duplicate"]
    (edit,) = [e for e in cleaned.edits if e.kind == "near-duplicate"]
    assert edit.text == edited and "%" in edit.reason


def test_truncated_copy_is_removed():
    cut = FIRST[:60]
    cleaned = clean(f"{FIRST}\n{cut}")
    assert cleaned.text == FIRST


def test_copies_that_differ_in_a_name_are_two_facts():
    a = "- Tim Dams, Screen International: Film - The Aviator; director - Clint Eastwood."
    b = "- Tim Dams, Screen International: Film - Million Dollar Baby; director - Clint Eastwood."
    source = f"{a}\n{b}"
    assert clean(source).text == source


def test_restatement_keeps_both_and_links_them():
    a = (
        "The claims of violent skirmishes and shooting in Almaty and other places on Wednesday "
        "were accompanied by dubious videos saying protestors had been killed or injured."
    )
    b = (
        "On Wednesday, there had been reports of violent clashes and shooting in Almaty and other "
        "cities, as well as unverified videos suggesting casualties among protesters."
    )
    cleaned = clean(f"{a}\n{OTHER}\n{b}")
    assert cleaned.text == f"{a}\n{OTHER}\n{b}"
    (flag,) = cleaned.flags
    assert flag.rule == "possible-restatement" and flag.severity == "info"
    assert [cleaned.text[x:y] for x, y in flag.spans] == [a, b]


def test_paragraphs_about_the_same_people_are_no_restatement():
    a = "Mr Brown met Mr Blair in Downing Street on Monday to discuss the timing of the election."
    b = "Mr Blair later told reporters in Downing Street that Mr Brown would lead the campaign."
    assert clean(f"{a}\n{b}").flags == ()
