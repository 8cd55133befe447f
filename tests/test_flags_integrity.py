"""Hidden characters inside words."""

from tui.analysis.flags import find_flags


def hidden(text):
    flags = find_flags(
        text, paragraphs=((0, len(text)),), entities=(), figures=(), article_date=None
    )
    return [f for f in flags if f.rule == "hidden-characters"]


def test_a_zero_width_space_inside_a_word_is_flagged_with_the_word():
    text = "Troops reached Al\u200bmaty on Thursday."
    [flag] = hidden(text)
    assert text[slice(*flag.spans[0])] == "Al\u200bmaty"
    assert "Almaty" in flag.message and "U+200B" in flag.message


def test_a_bidi_override_is_flagged_anywhere():
    [flag] = hidden("The file is named \u202eexe.txt here.")
    assert "U+202E" in flag.message


def test_a_joiner_between_non_latin_letters_is_left_alone():
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    assert hidden(f"Persian words such as {persian} use it.") == []


def test_one_flag_links_every_place_the_same_word_occurs():
    [flag] = hidden("Al\u200bmaty and Al\u200bmaty again.")
    assert len(flag.spans) == 2


def test_clean_text_raises_nothing():
    assert hidden("Plain text, with “quotes” and a dash – nothing hidden.") == []
