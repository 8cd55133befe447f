"""User corrections re-applied to a fresh analysis."""

from tui.analysis.entities import Correction, find_entities

TEXT = (
    "Kassym-Jomart Tokayev asked the Collective Security Treaty Organization (CSTO) for help. "
    "Tokayev spoke in Almaty. The Akorda palace staff confirmed it."
)


def by_name(corrections: list[Correction]) -> dict:
    return {e.name: e for e in find_entities(TEXT, corrections=corrections)}


def test_hide_removes_the_entity():
    assert "Almaty" not in by_name([Correction("hide", "Almaty")])


def test_kind_changes_the_kind_and_the_id():
    e = by_name([Correction("kind", "Almaty", "organization")])["Almaty"]
    assert (e.kind, e.id) == ("organization", "organization:almaty")


def test_a_kind_outside_the_model_is_ignored():
    assert by_name([Correction("kind", "Almaty", "planet")])["Almaty"].kind == "place"


def test_rename_keeps_the_old_name_as_an_alias():
    e = by_name([Correction("rename", "Kassym-Jomart Tokayev", "President Tokayev")])[
        "President Tokayev"
    ]
    assert "Kassym-Jomart Tokayev" in e.aliases
    assert len(e.mentions) == 2


def test_merge_moves_the_other_entity_into_this_one():
    found = by_name([Correction("merge", "Kassym-Jomart Tokayev", "Almaty")])
    assert "Almaty" not in found
    e = found["Kassym-Jomart Tokayev"]
    assert "Almaty" in e.aliases
    assert len(e.mentions) == 3


def test_split_moves_an_alias_into_an_entity_of_its_own():
    found = by_name([Correction("split", "Kassym-Jomart Tokayev", "Tokayev")])
    assert [TEXT[a:b] for a, b in found["Tokayev"].mentions] == ["Tokayev"]
    assert found["Kassym-Jomart Tokayev"].aliases == ()
    assert found["Tokayev"].kind == "person"


def test_a_correction_may_name_the_entity_by_an_alias():
    assert "Collective Security Treaty Organization" not in by_name([Correction("hide", "CSTO")])


def test_a_correction_whose_entity_is_gone_is_skipped():
    assert by_name([Correction("hide", "Bishkek")]) == by_name([])


def test_corrections_apply_in_order():
    found = by_name(
        [Correction("rename", "Almaty", "Alma-Ata"), Correction("kind", "Alma-Ata", "other")]
    )
    assert found["Alma-Ata"].kind == "other"
