"""The shipped gazetteer: present, compact, loaded once, looked up by folded name."""

from importlib.resources import files

from tui.analysis.entities.gazetteer import fold, gazetteer

DATA_FILES = (
    "countries.tsv",
    "places.tsv",
    "organizations.tsv",
    "given_names.txt",
    "common_words.tsv",
)


def test_the_data_files_ship_with_the_package_and_stay_compact():
    data = files("tui.analysis") / "data"
    sizes = [(data / name).read_bytes() for name in DATA_FILES]
    assert all(sizes)
    assert sum(len(s) for s in sizes) < 600_000


def test_the_gazetteer_is_loaded_once():
    assert gazetteer() is gazetteer()


def test_fold_ignores_case_accents_dots_and_curly_apostrophes():
    assert fold("ALMATY") == fold("Almaty")
    assert fold("U.S.") == fold("US")
    assert fold("Côte d’Ivoire") == fold("Cote d'Ivoire")


def test_a_short_and_an_official_country_name_name_one_group():
    gaz = gazetteer()
    russia, federation = gaz.lookup("Russia"), gaz.lookup("Russian Federation")
    assert russia is not None and federation is not None
    assert russia.group == federation.group
    assert russia.name == "Russia" and russia.common and not federation.common


def test_a_demonym_names_its_country():
    known = gazetteer().demonyms[fold("Kazakh")]
    assert known.name == "Kazakhstan"


def test_an_acronym_and_its_long_form_name_one_organisation():
    gaz = gazetteer()
    assert gaz.lookup("CSTO") == gaz.lookup("Collective Security Treaty Organization")


def test_common_words_and_given_names_are_told_apart():
    gaz = gazetteer()
    assert "police" in gaz.common_words
    assert "john" in gaz.given_names
    assert "john" not in gaz.common_words
