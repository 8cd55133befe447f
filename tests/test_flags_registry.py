"""The flag registry: what the config and the README read, and how ``find_flags`` runs it."""

from datetime import date

from tui.analysis.flags import RULES, find_flags, rule_table
from tui.analysis.model import SEVERITIES

TEXT = "Officials said the “peacekeeping” mission had ended. Unverified videos showed it."


def run(text=TEXT, **kw):
    return find_flags(
        text,
        paragraphs=((0, len(text)),),
        entities=(),
        figures=(),
        article_date=kw.pop("article_date", None),
        **kw,
    )


def test_rule_ids_are_unique_and_kebab_case():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(i == i.lower() and " " not in i for i in ids)


def test_every_rule_has_a_family_a_severity_and_a_one_line_reason():
    for rule in RULES:
        assert rule.family in {"integrity", "consistency", "facts", "sourcing", "wording"}
        assert rule.severity in SEVERITIES
        assert rule.reason and "\n" not in rule.reason


def test_rule_table_lists_the_registry_in_order():
    assert [row[0] for row in rule_table()] == [r.id for r in RULES]


def test_rules_that_fire_on_most_articles_start_at_info():
    severity = {r.id: r.severity for r in RULES}
    assert severity["acronym-undefined"] == "info"
    assert severity["unattributed-count"] == "info"
    assert severity["unnamed-source"] == "info"


def test_a_disabled_rule_raises_nothing():
    assert any(f.rule == "unverified-material" for f in run())
    assert not any(f.rule == "unverified-material" for f in run(disabled={"unverified-material"}))


def test_flags_are_ordered_by_position_and_their_spans_index_the_text():
    flags = run()
    starts = [f.spans[0][0] for f in flags]
    assert starts == sorted(starts)
    assert all(0 <= a <= b <= len(TEXT) for f in flags for a, b in f.spans)


def test_flag_ids_are_unique():
    flags = run(article_date=date(2022, 1, 6))
    assert len({f.id for f in flags}) == len(flags)


def test_a_flag_carries_its_rule_reason_when_it_has_none_of_its_own():
    flag = next(f for f in run() if f.rule == "unverified-material")
    assert flag.reason == next(r.reason for r in RULES if r.id == "unverified-material")


def test_an_empty_article_raises_nothing():
    assert run("") == ()
