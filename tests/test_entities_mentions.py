"""Where a mention starts and ends, and which capitalised words are never entities."""

from tui.analysis.entities import find_entities


def spans(text: str) -> dict[str, str]:
    """Each mention's text mapped to its entity's name."""
    return {text[a:b]: e.name for e in find_entities(text) for a, b in e.mentions}


def names(text: str) -> set[str]:
    return {e.name for e in find_entities(text)}


def test_a_leading_article_is_not_part_of_the_name():
    text = "Rates were cut by the National Bank of Kazakhstan on Monday."
    assert "National Bank of Kazakhstan" in spans(text)


def test_a_possessive_ending_is_not_part_of_the_name():
    text = "Troops entered Almaty’s main square. Later they left Almaty's airport."
    assert set(spans(text)) == {"Almaty"}


def test_a_title_is_a_cue_but_not_part_of_the_span():
    text = "The talks were led by Prime Minister Nikol Pashinyan of Armenia."
    found = {e.name: e for e in find_entities(text)}
    assert found["Nikol Pashinyan"].kind == "person"
    assert "Prime Minister" not in spans(text)
    assert "Prime Minister Nikol Pashinyan" not in spans(text)


def test_a_title_alone_is_never_an_entity():
    text = "The Prime Minister said the President would travel. The Foreign Minister agreed."
    assert names(text) == set()


def test_weekdays_and_months_are_never_entities():
    text = "On Wednesday the talks resumed. In January they stopped again on Thursday."
    assert names(text) == set()


def test_common_words_opening_a_sentence_are_not_entities():
    text = "According to officials, the vote passed. Several members left. Police arrived."
    assert names(text) == set()


def test_a_name_in_headline_capitals_is_the_same_entity():
    text = "ALMATY, KAZAKHSTAN\nProtesters gathered in Almaty, the largest city of Kazakhstan."
    found = {e.name: e for e in find_entities(text)}
    assert len(found["Almaty"].mentions) == 2
    assert len(found["Kazakhstan"].mentions) == 2


def test_a_headline_word_is_kept_only_if_the_text_names_it():
    text = "LEICESTERSHIRE TAKE OVER AT TOP\nLeicestershire beat Somerset by an innings."
    found = {e.name for e in find_entities(text)}
    assert "Leicestershire" in found
    assert not found & {"Take", "Top", "Take Over"}


def test_hyphenated_and_particle_names_are_one_mention():
    text = "Kassym-Jomart Tokayev met Ursula von der Leyen and Bashar al-Assad."
    assert {"Kassym-Jomart Tokayev", "Ursula von der Leyen", "Bashar al-Assad"} <= set(spans(text))


def test_a_demonym_before_a_title_is_a_demonym_mention_not_a_name():
    text = "Kazakh President Kassym-Jomart Tokayev asked for help."
    found = {e.name: e for e in find_entities(text)}
    assert [text[a:b] for a, b in found["Kazakhstan"].demonym_mentions] == ["Kazakh"]
    assert found["Kazakhstan"].mentions == ()
    assert "Kassym-Jomart Tokayev" in spans(text)


def test_an_adjective_ending_is_not_part_of_the_name():
    text = "The Moscow-based group denied it."
    assert set(spans(text)) == {"Moscow"}


def test_every_mention_reads_as_its_name_or_an_alias():
    text = (
        "The Collective Security Treaty Organization (CSTO) met in ALMATY. Russia and the "
        "Russian Federation sent troops; Tokayev thanked Kassym-Jomart Tokayev’s allies."
    )
    for e in find_entities(text):
        forms = {e.name.lower(), *(a.lower() for a in e.aliases)}
        assert all(text[a:b].lower() in forms for a, b in e.mentions), e


def test_mentions_are_sorted_and_entities_follow_their_first_mention():
    text = "Reuters reported from Almaty. Almaty was calm, Reuters said."
    entities = find_entities(text)
    assert [e.name for e in entities] == ["Reuters", "Almaty"]
    assert all(list(e.mentions) == sorted(e.mentions) for e in entities)


def test_a_weekday_with_a_possessive_is_not_an_entity():
    assert names("Analysts awaited Friday’s figures and Monday's vote.") == set()


def test_plural_and_hyphenated_common_words_opening_a_sentence_are_not_entities():
    assert names("Prosecutors appealed. Anti-social behaviour rose. No-one came.") == set()


def test_a_plural_acronym_is_not_a_name():
    assert names("Several MPs and CEOs voted against it.") == set()


def test_a_plural_acronym_after_a_name_is_not_part_of_it():
    assert set(spans("Angry Labour MPs voted against it.")) == {"Labour"}


def test_a_function_word_opening_a_sentence_is_not_part_of_a_name():
    assert set(spans("For Wall Street, it was a quiet day. In China, it rained.")) == {
        "Wall Street",
        "China",
    }


def test_a_known_name_opening_a_sentence_keeps_its_first_word():
    assert "Far East" in spans("Far East markets fell sharply.")


def test_a_title_after_a_name_is_not_part_of_it():
    text = "The former South Carolina Gov. Carroll Campbell spoke."
    assert {"South Carolina", "Carroll Campbell"} <= set(spans(text))


def test_two_known_names_side_by_side_are_two_mentions():
    assert set(spans("He leads the OSCE Chechnya mission.")) == {"OSCE", "Chechnya"}
