"""The bundled sample article: the entities the issue names, and no junk."""

from pathlib import Path

import pytest

from tui.analysis.entities import find_entities

SAMPLE = Path(__file__).resolve().parent.parent / "seeds" / "kazakhstan-unrest-2022-scraped.txt"


@pytest.fixture(scope="module")
def sample():
    text = SAMPLE.read_text(encoding="utf-8")
    return text, find_entities(text)


def entity_with(entities, *names):
    want = {n.lower() for n in names}
    for e in entities:
        if want <= {e.name.lower(), *(a.lower() for a in e.aliases)}:
            return e
    return None


@pytest.mark.parametrize(
    ("names", "kind"),
    [
        (("CSTO", "Collective Security Treaty Organization"), "organization"),
        (("Tokayev", "Kassym-Jomart Tokayev"), "person"),
        (("Russia", "Russian Federation"), "place"),
        (("Almaty",), "place"),
        (("Kazakhstan",), "place"),
        (("Armenia",), "place"),
        (("Belarus",), "place"),
        (("Kyrgyzstan",), "place"),
        (("Tajikistan",), "place"),
        (("Central Asia",), "place"),
        (("Nikol Pashinyan",), "person"),
        (("Reuters",), "organization"),
        (("National Bank of Kazakhstan",), "organization"),
    ],
)
def test_the_sample_names_this_entity(sample, names, kind):
    e = entity_with(sample[1], *names)
    assert e is not None and e.kind == kind


def test_almaty_in_capitals_is_almaty(sample):
    text, entities = sample
    almaty = entity_with(entities, "Almaty")
    assert "ALMATY" in {text[a:b] for a, b in almaty.mentions}


def test_the_sample_has_no_junk_entities(sample):
    junk = {
        "the",
        "in",
        "on",
        "a",
        "according",
        "several",
        "three",
        "wednesday",
        "thursday",
        "on wednesday",
        "prime minister",
        "president",
        "the announcement",
        "the internet",
        "there",
        "more",
        "in the",
    }
    assert not [e.name for e in sample[1] if e.name.lower() in junk]


def test_every_sample_mention_reads_as_its_name_or_an_alias(sample):
    text, entities = sample
    for e in entities:
        forms = {e.name.lower(), *(a.lower() for a in e.aliases)}
        assert all(text[a:b].lower() in forms for a, b in e.mentions), e.name


def test_entity_ids_are_unique_and_stable(sample):
    text, entities = sample
    ids = [e.id for e in entities]
    assert len(set(ids)) == len(ids)
    assert ids == [e.id for e in find_entities(text)]
    assert "person:kassym-jomart-tokayev" in ids
