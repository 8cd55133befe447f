"""Sourcing: attribution cues, unsourced casualty counts, vague sources, unverified material."""

from tui.analysis.flags import Article, find_cues, find_flags
from tui.analysis.model import Figure


def cues(text):
    return [text[a:b] for a, b in find_cues(Article(text))]


def flags(text, rule, figures=()):
    found = find_flags(
        text, paragraphs=((0, len(text)),), entities=(), figures=figures, article_date=None
    )
    return [f for f in found if f.rule == rule]


def test_verbs_of_saying_and_according_to_are_cues():
    text = "He said it was over, police told reporters, according to Reuters."
    assert cues(text) == ["said", "told", "according to"]


def test_was_quoted_and_has_said_are_cues_with_their_auxiliary():
    assert cues("She was quoted as saying so; he has said more.") == ["was quoted", "has said"]


def test_a_cue_inside_quoted_words_is_the_speakers_own():
    assert cues("“They told us to leave,” she said.") == ["said"]


def test_said_to_be_is_a_hedge_not_a_cue():
    assert cues("The bridge is said to be unsafe.") == []


def test_a_quoted_object_is_no_cue_without_a_speaker():
    assert cues("Prices quoted on Monday fell.") == []


KILLED = Figure("f", "Four", "count", 4, span=(0, 4), counts="people ... died")


def test_a_casualty_count_with_no_cue_in_its_paragraph_is_flagged_as_info():
    text = "Four people died when the bridge fell."
    [flag] = flags(text, "unattributed-count", (KILLED,))
    assert flag.severity == "info" and flag.spans[0] == (0, 4)


def test_a_casualty_count_with_a_source_is_left_alone():
    text = "Four people died when the bridge fell, police said."
    assert flags(text, "unattributed-count", (KILLED,)) == []


def test_a_count_of_anything_else_is_no_casualty_count():
    text = "Four people joined the club."
    figure = Figure("f", "Four", "count", 4, span=(0, 4), counts="people ... joined")
    assert flags(text, "unattributed-count", (figure,)) == []


def test_unnamed_news_sources_are_a_vague_source():
    text = "According to Russian news sources, troops arrived."
    [flag] = flags(text, "vague-source")
    assert text[slice(*flag.spans[0])] == "According to Russian news sources"
    assert flag.severity == "warning"


def test_a_speaker_quoted_by_unnamed_outlets_is_a_vague_source():
    text = "A spokeswoman was quoted by local news outlets as saying so."
    assert len(flags(text, "vague-source")) == 1


def test_reports_in_a_named_outlet_are_not_vague():
    assert flags("According to reports in The Times, talks failed.", "vague-source") == []


def test_a_speaker_who_told_the_media_is_not_a_vague_source():
    assert flags("The actress told media she was leaving.", "vague-source") == []


def test_one_flag_links_every_place_the_same_vague_phrase_occurs():
    text = "Reports say it fell. Later, reports say it rose."
    [flag] = flags(text, "vague-source")
    assert len(flag.spans) == 2 and "(2 times)" in flag.message


def test_officials_said_is_an_unnamed_source_at_info():
    [flag] = flags("Officials said the road was closed.", "unnamed-source")
    assert flag.severity == "info"


def test_material_the_article_calls_unverified_is_flagged():
    text = "Dubious videos showed fires; unverified videos showed more."
    found = flags(text, "unverified-material")
    assert sorted(text[slice(*f.spans[0])].lower() for f in found) == [
        "dubious videos",
        "unverified videos",
    ]


def test_reportedly_is_a_hedge_at_info():
    [flag] = flags("The minister reportedly resigned.", "hedged-claim")
    assert flag.severity == "info"
