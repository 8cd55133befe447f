"""Wording: loaded terms, scare quotes, references to material that is not there."""

from tui.analysis.flags import find_flags


def flags(text, rule):
    found = find_flags(
        text, paragraphs=((0, len(text)),), entities=(), figures=(), article_date=None
    )
    return [f for f in found if f.rule == rule]


def test_murdered_is_loaded_with_an_alternative_and_a_sourced_reason():
    [flag] = flags("Dozens of people were murdered in the attacks.", "loaded-term")
    assert flag.severity == "warning"
    assert "“killed”" in flag.message
    assert "AP Stylebook" in flag.reason


def test_murdered_after_a_conviction_is_not_loaded():
    text = "He murdered his wife, a jury found, and was jailed for life."
    assert flags(text, "loaded-term") == []


def test_a_loaded_term_inside_quoted_words_is_the_speakers():
    assert flags("“They were murdered,” his brother said.", "loaded-term") == []


def test_repeated_loaded_terms_make_one_flag():
    [flag] = flags("Dozens were murdered. Twelve were murdered.", "loaded-term")
    assert len(flag.spans) == 2 and "(2 times)" in flag.message


def test_a_single_quoted_word_used_as_a_label_is_a_scare_quote():
    text = "Troops arrived as part of a “peacekeeping” mission."
    [flag] = flags(text, "scare-quotes")
    assert text[slice(*flag.spans[0])] == "“peacekeeping”"
    assert flag.severity == "info"


def test_a_quoted_word_with_a_speaker_in_its_paragraph_is_a_quotation():
    text = "He dismissed the Tories as a “fading” force."
    assert flags(text, "scare-quotes") == []


def test_according_to_before_the_word_does_not_attribute_it():
    text = "According to state media, a “peacekeeping” force arrived."
    assert len(flags(text, "scare-quotes")) == 1


def test_a_longer_quotation_is_no_scare_quote():
    assert flags("It was “a very good day for all of us” in town.", "scare-quotes") == []


def test_a_reference_to_absent_photographs_is_flagged():
    text = "There were violent conflicts, as seen in these photographs."
    [flag] = flags(text, "absent-material")
    assert text[slice(*flag.spans[0])] == "as seen in these photographs"


def test_the_video_above_is_absent_material():
    assert len(flags("Watch the video above for more.", "absent-material")) == 1


def test_above_in_its_ordinary_sense_is_left_alone():
    assert flags("Prices rose above the forecast.", "absent-material") == []


def test_a_quotation_running_over_sentences_without_closing_marks_is_still_quoted():
    text = 'He said: "They came at night. "The men were murdered." Then he left.'
    assert flags(text, "loaded-term") == []


def test_straight_quotes_pair_by_their_place_around_words():
    text = 'It was "rather good" that "pro-choice" groups met.'
    assert flags(text, "loaded-term") == []


def test_a_loaded_term_inside_a_name_is_the_name():
    assert flags("The group the Pro-Life Alliance welcomed it.", "loaded-term") == []
