"""The bundled sample raises what an editor would circle, and not much more."""

from pathlib import Path

import pytest

from tui.analysis.clean import clean
from tui.analysis.entities import find_entities
from tui.analysis.figures import find_figures
from tui.analysis.flags import find_flags

SAMPLE = Path(__file__).resolve().parent.parent / "seeds" / "kazakhstan-unrest-2022-scraped.txt"


@pytest.fixture(scope="module")
def sample():
    cleaned = clean(SAMPLE.read_text(encoding="utf-8"))
    text = cleaned.text
    entities = find_entities(text, paragraphs=cleaned.paragraphs)
    captions = [e.text for e in cleaned.edits if e.kind == "caption"]
    figures = find_figures(text, paragraphs=cleaned.paragraphs, captions=captions)
    day = figures.reference_date.date if figures.reference_date else None
    flags = find_flags(
        text,
        paragraphs=cleaned.paragraphs,
        entities=entities,
        figures=figures.figures,
        article_date=day,
    )
    return text, flags, cleaned.flags


def quoted(sample, rule):
    text, flags, _ = sample
    return [[text[a:b] for a, b in f.spans] for f in flags if f.rule == rule]


def test_the_list_naming_russia_twice(sample):
    assert ["Russia", "Russian Federation"] in quoted(sample, "alias-in-list")


def test_almaty_called_the_capital(sample):
    assert ["Almaty", "Almaty is the country’s capital"] in quoted(sample, "wrong-capital")


def test_murdered_as_loaded(sample):
    assert ["murdered", "murdered"] in quoted(sample, "loaded-term")


def test_the_vague_sources(sample):
    found = {s for spans in quoted(sample, "vague-source") for s in spans}
    assert {"According to Russian news sources", "quoted by local news outlets"} <= found


def test_scare_quotes_around_peacekeeping(sample):
    assert ["“peacekeeping”"] in quoted(sample, "scare-quotes")


def test_protestors_against_protesters(sample):
    assert ["protestors", "protesters"] in quoted(sample, "spelling-variants")


def test_these_photographs_point_at_nothing(sample):
    assert ["as seen in these photographs"] in quoted(sample, "absent-material")


def test_dubious_and_unverified_videos(sample):
    found = {s for spans in quoted(sample, "unverified-material") for s in spans}
    assert {"dubious videos", "unverified videos"} <= found


def test_not_flooded(sample):
    _, flags, cleaning = sample
    assert len(flags) + len(cleaning) <= 40
