"""Properties of the whole pure core, for any input text."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.analysis import Source, analyze
from tui.analysis.serialize import from_dict, to_dict

WORDS = st.sampled_from(
    [
        "The",
        "minister",
        "Kazakhstan",
        "said",
        "on",
        "Monday",
        "twelve",
        "3,000",
        "CSTO",
        "(",
        ")",
        "“peace”",
        "br>",
        "&amp;",
        "Almaty’s",
        "\u202e",
        "\u200b",
        "\x1b]0;x\x07",
        ".",
        ",",
        "Russian Federation",
        "\n",
        "\n\n",
        "  ",
        "dozens",
        "[bold]",
        "5th of January, 2022",
    ]
)
TEXTS = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400),
    st.lists(WORDS, max_size=80).map(" ".join),
)


def _in(span, length: int) -> bool:
    return 0 <= span[0] <= span[1] <= length


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_analysis_holds_its_contract_for_any_text(raw: str):
    source = Source(text=raw.replace("\r", "\n"))
    result = analyze(source)
    text, n = result.text, len(result.text)
    assert all(_in(p, n) for p in result.paragraphs)
    assert list(result.paragraphs) == sorted(result.paragraphs)
    assert all(a[1] <= b[0] for a, b in zip(result.paragraphs, result.paragraphs[1:], strict=False))
    for edit in result.edits:
        assert _in(edit.original, len(source.text))
        assert source.text[edit.original[0] : edit.original[1]] == edit.text
    for entity in result.entities:
        assert all(_in(s, n) for s in (*entity.mentions, *entity.demonym_mentions))
        assert list(entity.mentions) == sorted(entity.mentions)
    for figure in result.figures:
        if figure.span is not None:
            assert _in(figure.span, n) and text[figure.span[0] : figure.span[1]] == figure.text
    for flag in result.flags:
        assert all(_in(s, n) for s in flag.spans)
    offsets = result.offsets
    mapped = [offsets.to_original(i) for i in range(n + 1)]
    assert mapped == sorted(mapped) and all(0 <= m <= len(source.text) for m in mapped)


@settings(max_examples=60, deadline=None)
@given(TEXTS)
def test_json_round_trips(raw: str):
    data = to_dict(analyze(Source(text=raw)))
    wire = json.loads(json.dumps(data, ensure_ascii=False))
    assert to_dict(from_dict(wire)) == data
