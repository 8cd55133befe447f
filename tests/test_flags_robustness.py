"""Odd input never breaks the rules: every flag's spans stay inside the text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.analysis.flags import find_flags
from tui.analysis.model import Entity, Figure

PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "(",
        ")",
        "said",
        "according to",
        "the",
        "capital",
        "Almaty",
        ", ",
        ". ",
        "\n",
        "MPC",
        "e-mail",
        "email",
        "murdered",
        "\u200b",
        "\u202e",
        "İ",
        "reports say",
        "a “peacekeeping” mission",
        "Kazakhstan's capital, ",
        "protestors",
        "protesters",
        " ",
    ]
)


def paragraphs(text):
    spans, at = [], 0
    for line in text.split("\n"):
        if line:
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return tuple(spans)


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_spans_stay_in_bounds_on_any_mix_of_pieces(pieces):
    text = "".join(pieces)
    n = len(text)
    entity = Entity(
        "e",
        "Almaty",
        "place",
        (),
        tuple((i, i + 6) for i in range(n) if text.startswith("Almaty", i)),
    )
    figure = Figure("f", text[:1], "count", 1, span=(0, min(1, n)), counts="people ... killed")
    flags = find_flags(
        text,
        paragraphs=paragraphs(text),
        entities=(entity,),
        figures=(figure,) if n else (),
        article_date=None,
    )
    assert all(0 <= a <= b <= n for f in flags for a, b in f.spans)
    assert len({f.id for f in flags}) == len(flags)


def test_a_text_with_no_paragraphs_given_is_read_as_one():
    text = "Officials said so. Dubious videos showed it."
    flags = find_flags(text, paragraphs=(), entities=(), figures=(), article_date=None)
    assert {f.rule for f in flags} >= {"unnamed-source", "unverified-material"}
