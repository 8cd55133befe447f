"""Boilerplate paragraphs go; the same words inside a story's sentence stay."""

from __future__ import annotations

import pytest

from tui.analysis.clean import clean

BODY = "The council approved the plan on Tuesday."


@pytest.mark.parametrize(
    "line",
    [
        "More information can be found here.",
        "Click here to subscribe.",
        "Read more: Floods hit the north",
        "Watch the video above.",
        "Advertisement",
        "Share this article",
        "Sign up for our daily newsletter.",
    ],
)
def test_boilerplate_paragraph_is_removed_as_an_edit(line):
    cleaned = clean(f"{BODY}\n{line}")
    assert cleaned.text == BODY
    assert [(e.kind, e.text) for e in cleaned.edits if e.kind != "whitespace"] == [
        ("boilerplate", line)
    ]


def test_the_same_words_inside_a_long_paragraph_stay():
    source = (
        "Officials said more information can be found here, at the town hall, where the "
        "plans have been on display since Monday and will remain until the end of the month."
    )
    assert clean(source).text == source


def test_an_invitation_to_follow_a_link_that_says_more_stays():
    source = "Please click on the link to the right here to see my ideas for the barn."
    assert clean(source).text == source
