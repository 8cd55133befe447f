"""Words that look like numbers but are not: clean news must not get junk."""

from __future__ import annotations

import pytest

from tui.analysis.figures import find_figures


@pytest.mark.parametrize(
    "text",
    [
        "No one was hurt.",
        "It is one of the oldest towns.",
        "She is the one who called.",
        "Officials fear a second wave of arrests.",
        "They left at once.",
        "The First Minister spoke.",
        "Those pupils may march to the square.",
        "Mr Brown said he would stay.",
        "Formula One teams met in the Six Nations week.",
        "He scored in the second-half and at half-time.",
        "The fly-half kicked well.",
        "At first the crowd was calm.",
        "They seek a third term.",
        "Opening hours are 24/7 since 9/11.",
    ],
)
def test_no_figure_in(text: str) -> None:
    assert find_figures(text).figures == ()
