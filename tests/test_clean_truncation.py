"""Cut-off text is flagged, never repaired: we cannot know the lost letters."""

from __future__ import annotations

from tui.analysis.clean import clean


def flagged(cleaned, rule):
    return [cleaned.text[a:b] for f in cleaned.flags if f.rule == rule for a, b in f.spans]


def test_paragraph_starting_inside_a_word_is_flagged():
    cleaned = clean("atch military are being sent in to stabilise the country.")
    assert flagged(cleaned, "truncated-text") == ["atch"]
    assert cleaned.flags[0].severity == "warning"


def test_sentence_starting_inside_a_word_is_flagged():
    cleaned = clean("The office burned. rmed police arrived soon after the fire began.")
    assert flagged(cleaned, "truncated-text") == ["rmed"]


def test_lower_case_starts_that_are_words_stay_quiet():
    source = (
        "The meeting ended at 5 p.m. local time on Friday. iPhone sales rose. e.g. this one. "
        "and then the doors closed behind the last of the delegates."
    )
    assert flagged(clean(source), "truncated-text") == []


def test_a_lower_case_label_is_no_broken_sentence():
    assert flagged(clean("joie de vivre"), "truncated-text") == []


def test_unended_paragraph_is_flagged_at_its_last_words():
    source = (
        "Shots were fired in the square. Troops came on the scene on Thursday, according to "
        "witnesses who spoke to the news agency Reuters"
    )
    cleaned = clean(source)
    assert flagged(cleaned, "missing-end-punctuation") == ["news agency Reuters"]
    assert cleaned.flags[0].severity == "info"


def test_headlines_short_lines_and_list_items_need_no_full_stop():
    source = (
        "Storm closes harbour\n"
        "Seychelles v South Africa\n"
        "- the first item of a list that runs on for quite a few words. And more words here\n"
        "A single long sentence without an end that goes on and on about the harbour storm"
    )
    assert flagged(clean(source), "missing-end-punctuation") == []


def test_the_word_list_loads_through_the_library_when_its_file_cannot_be_read(monkeypatch):
    import pkgutil

    from tui.analysis.clean import words

    direct = words._word_list()
    real = pkgutil.get_data
    calls = []

    def first_call_fails(package: str, resource: str) -> bytes | None:
        calls.append(resource)
        return None if len(calls) == 1 else real(package, resource)

    monkeypatch.setattr(pkgutil, "get_data", first_call_fails)
    assert words._word_list.build() == direct  # the build itself, not its compact form
