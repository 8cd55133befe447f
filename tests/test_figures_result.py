"""The figures API: order, ids, spans and the bundled sample article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tui.analysis.figures import FigureResult, find_figures

SAMPLE = Path(__file__).resolve().parent.parent / "seeds" / "kazakhstan-unrest-2022-scraped.txt"


def sample() -> tuple[str, list[str]]:
    """The sample with its two photo captions lifted out, as cleaning does."""
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    captions = [line for line in lines if line.startswith("5th of January")]
    body = "\n".join(line for line in lines if not line.startswith("5th of January"))
    return body, captions


def test_every_figure_text_is_exactly_its_span() -> None:
    body, captions = sample()
    for f in find_figures(body, captions=captions).figures:
        if f.span is not None:
            assert body[f.span[0] : f.span[1]] == f.text


def test_figures_are_in_text_order_with_caption_figures_last() -> None:
    body, captions = sample()
    figures = find_figures(body, captions=captions).figures
    starts = [f.span[0] for f in figures if f.span is not None]
    assert starts == sorted(starts)
    spans = [f.span for f in figures]
    first_caption = spans.index(None)
    assert all(s is None for s in spans[first_caption:])


def test_ids_are_stable_and_name_the_caption() -> None:
    result = find_figures("Twelve were hurt.", captions=["On 5 January 2022, a fire."])
    assert [f.id for f in result.figures] == ["fig:0", "fig:c0:3"]


def test_the_sample_counts_and_vague_amounts() -> None:
    body, captions = sample()
    figures = find_figures(body, captions=captions).figures
    by_text = {f.text.lower(): f for f in figures}
    assert by_text["three hundred and fifty-three"].value == 353
    assert by_text["twelve"].value == 12
    assert by_text["dozens"].kind == "approximate" and by_text["dozens"].low >= 24
    assert by_text["scores"].kind == "approximate"


def test_the_sample_resolves_its_weekdays_from_the_caption_date() -> None:
    body, captions = sample()
    result = find_figures(body, captions=captions)
    assert result.reference_date is not None
    assert (result.reference_date.date, result.reference_date.kind) == (date(2022, 1, 5), "caption")
    days = {f.text: f.date for f in result.figures if f.kind == "relative-date"}
    assert {d for t, d in days.items() if "Wednesday" in t} == {date(2022, 1, 5)}
    assert {d for t, d in days.items() if "Thursday" in t} == {date(2022, 1, 6)}


def test_an_empty_text_has_no_figures_and_no_reference() -> None:
    assert find_figures("") == FigureResult((), None)


def test_a_long_text_is_read_whole() -> None:
    """Every figure of 0.7 MB is found (how fast: bench/analysis.py, the figures stage)."""
    paragraph = (
        "On Thursday, more than 300 people - about 12% of the town - marched 5 km, police said. "
        "Damage of £2.5m was reported on 5 January 2022.\n"
    )
    result = find_figures(paragraph * 5000)  # 0.7 MB
    assert len(result.figures) == 6 * 5000
