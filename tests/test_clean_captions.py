"""Captions and credits leave the body as edits, found by their form, not by any article's words."""

from __future__ import annotations

from tui.analysis.clean import clean

BODY = "Troops arrived in the city on Thursday, officials said."


def lifted(cleaned):
    return [(e.kind, e.text) for e in cleaned.edits if e.kind in ("caption", "credit")]


def test_dateline_caption_leaves_the_body():
    caption = "5th of January, 2022, at ALMATY, KAZAKHSTAN A burning car outside the town hall."
    cleaned = clean(f"{BODY}\n{caption}")
    assert cleaned.text == BODY
    assert lifted(cleaned) == [("caption", caption)]


def test_getty_style_caption_leaves_the_body():
    caption = "KYIV, UKRAINE - MARCH 1: People queue for bread in the centre."
    assert clean(f"{BODY}\n{caption}").text == BODY


def test_caption_stops_where_body_text_was_glued_on_in_lower_case():
    source = "6 May 2021, in LONDON, UK A man waves a flag. atch crowds gathered before noon today."
    cleaned = clean(source)
    assert cleaned.text == "atch crowds gathered before noon today."


def test_article_dateline_is_not_a_caption():
    source = "LONDON (Reuters) - Prices rose on Monday, the statistics office said."
    assert clean(source).text == source


def test_credit_after_a_caption_is_lifted_as_a_credit():
    cleaned = clean(
        f"{BODY}\nA burning car. TASS photo by Ivan Petrov (Photo courtesy of Ivan "
        "Petrov/TASS/Getty Images)…"
    )
    assert cleaned.text == BODY
    assert [k for k, _ in lifted(cleaned)] == ["caption", "credit"]
    assert lifted(cleaned)[1][1].startswith("TASS photo by")


def test_guardian_credit_ends_its_caption():
    cleaned = clean(f"{BODY}\nProtesters outside parliament. Photograph: Jane Doe/Reuters")
    assert cleaned.text == BODY


def test_bracketed_agency_credit_is_removed_from_a_sentence():
    cleaned = clean("Police stand guard outside the court (AP Photo/John Roe) as the trial opens.")
    assert cleaned.text == "Police stand guard outside the court as the trial opens."
    assert lifted(cleaned) == [("credit", " (AP Photo/John Roe)")]


def test_picture_credit_on_its_own_line_is_lifted():
    assert clean(f"{BODY}\nPicture: Reuters").text == BODY


def test_agency_credit_lines_are_lifted():
    source = f"{BODY}\nGetty Images\nImage copyright Reuters\nJane Doe/AFP"
    assert clean(source).text == BODY


def test_an_agency_named_in_a_sentence_is_body_text():
    source = "Getty Images declined to comment on the photograph, a spokesman said."
    assert clean(source).text == source


def test_photo_by_inside_a_sentence_is_body_text():
    source = "A photo by Reuters shows the square empty on Sunday morning."
    assert clean(source).text == source


def test_a_long_paragraph_ending_in_a_credit_keeps_its_text():
    long = " ".join(["The council met again and argued about the budget for hours."] * 6)
    cleaned = clean(f"{long} Photograph: Jane Doe/Reuters")
    assert cleaned.text == long
