"""Defects of unseen copy: rewritten repeats, cut-off heads and datelines, paywall endings, glued
debris, credits in agency forms and bylines with share buttons."""

from __future__ import annotations

from tui.analysis.clean import clean

BODY = (
    "The council said the new bridge would open in the spring after two years of work.\n"
    "Traffic on the old crossing has doubled since 2001, the survey found last month.\n"
)
QUOTED = (
    'The chief executive, Anna Lee, said: "We have seen strong demand this winter and we expect '
    'it to continue into the new year, whatever the weather does."'
)


def _removed(text: str) -> list[tuple[str, str]]:
    return [(e.kind, e.text) for e in clean(text).edits if e.kind != "whitespace"]


def _flags(text: str) -> list[str]:
    """The words each truncated-text flag points at."""
    result = clean(text)
    return [
        result.text[f.spans[0][0] : f.spans[0][1]]
        for f in result.flags
        if f.rule == "truncated-text"
    ]


def test_a_repeat_with_other_quotes_and_case_is_a_near_duplicate() -> None:
    rewritten = (
        QUOTED.replace('"', "“", 1)
        .replace('."', ".”")
        .replace("chief executive", "Chief Executive")
    )
    edits = _removed(BODY + QUOTED + "\n" + BODY.upper().lower() + rewritten + "\n")
    assert any(
        kind in ("near-duplicate", "duplicate") and "strong demand" in t for kind, t in edits
    )


def test_a_long_line_with_a_label_and_a_colon_is_still_prose() -> None:
    edits = _removed(
        BODY + QUOTED + "\nOther words in between, so the copy is not adjacent.\n" + QUOTED
    )
    assert ("duplicate", QUOTED) in edits


def test_a_short_labelled_line_is_a_list_item_and_repeats_freely() -> None:
    line = "Portion Fix Containers: one green, two red and a yellow one."
    assert _removed(f"{line}\nSomething else.\n{line}\n") == []


def test_numbers_count_once_so_a_markets_paragraph_is_prose() -> None:
    markets = (
        "The FTSE 100 rose 1.2% to 4,852.3 points, while the Dow Jones gained 0.8% to 10,729.4 "
        "and the dollar slipped to $1.8721 against the pound."
    )
    assert ("duplicate", markets) in _removed(f"{markets}\n{BODY}{markets}\n")


def test_a_copy_naming_a_fact_the_fuller_one_lacks_stays() -> None:
    a = (
        "Shares in the company rose 5% to 120p in London trading on Monday after the results "
        "beat forecasts."
    )
    b = a.replace("London", "Paris").replace("120p in ", "120p in early ")
    assert _removed(f"{a}\n{BODY}{b}\n") == []


def test_debris_glued_to_a_word_is_removed() -> None:
    result = clean("Johnny Deppbr> won the award for the film.")
    assert result.text == "Johnny Depp won the award for the film."


def test_agency_credit_forms_leave_with_their_caption() -> None:
    for credit in ("John Smith/Getty Images", "Picture: John Smith Source: Reuters"):
        edits = _removed(f"{BODY}Fans gather outside the court. {credit}\n{BODY}")
        assert any(kind == "credit" for kind, _ in edits), credit
        assert any(kind == "caption" for kind, _ in edits), credit
    assert clean(f"{BODY}John Smith/Getty Images\n").text == BODY.rstrip("\n")


def test_a_byline_with_share_buttons_is_boilerplate() -> None:
    for line in ("By Staff Reporter | Share", "By Anna Lee Share | Tweet"):
        assert ("boilerplate", line) in _removed(f"{line}\n{BODY}")
    assert _removed("By the end of the year share prices rose.\n") == []


def test_a_paragraph_opening_in_lower_case_after_a_finished_one_is_cut() -> None:
    text = BODY + "lice are searching for the driver, who left the scene.\n"
    assert _flags(text) == ["lice"]
    # a brand written in lower case, or a paragraph after one that runs on, is no cut
    assert _flags(BODY + "eBay said its sales rose by a third over the year.\n") == []
    assert _flags("The list goes on with\nthe rest of the names here and there.\n") == []


def test_a_dateline_cut_at_its_start_is_flagged() -> None:
    text = "ASHINGTON - The president met his advisers in Washington on Monday.\n" + BODY
    assert _flags(text) == ["ASHINGTON"]
    assert _flags("NATO - The alliance met in Brussels.\n" + BODY) == []


def test_an_article_cut_off_by_a_paywall_is_flagged() -> None:
    for end in ("The company said it would …", "The company said it would All..."):
        assert len(_flags(BODY + end + "\n")) == 1, end
    assert _flags(BODY + 'He said: "We will see..."\n') == []


def test_an_image_alt_text_with_a_credit_leaves_the_body() -> None:
    edits = _removed(f"{BODY}Flooded street Photo: Reuters\n{BODY}")
    assert ("credit", "Photo: Reuters") in edits
    assert ("caption", "Flooded street") in edits
    # a sentence of the story that mentions a photo stays
    line = "He said the photo: a fake, and the agency agreed."
    assert _removed(f"{BODY}{line}\n") == []
