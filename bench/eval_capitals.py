"""Capital claims, true and false, in every form and place in a sentence: how many false ones the
``wrong-capital`` rule catches and how many true ones it flags.

    python bench/eval_capitals.py [--seed 17] [--misses]

Built from the shipped tables alone (no corpus needed): for each country with a capital today and
another city of its own of the gazetteer, a claim is written in one of the forms news uses ("X's
capital, Y", "the capital of X, Y", "Y, the capital of X", "Y is X's capital", "the Xian capital
Y"), with a capitalised word or a clause before it, once naming the capital (true) and once
another city of the country (false). The false city is written under one of its other names where
GeoNames gives one ("Gomel" for Homyel'), as copy from other sources spells it. Today's date is
the article's, so only today's capitals count.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.analysis.flags.facts import check_wrong_capital, fold, places  # noqa: E402
from tui.analysis.flags.rule import Article, Rule  # noqa: E402
from tui.analysis.flags.tables import rows  # noqa: E402

RULE = Rule("wrong-capital", "facts", "error", "", check_wrong_capital)
FORMS = (
    "{Xs} capital, {Y}, was quiet on Monday.",
    "Protests reached {Xs} capital, {Y}, on Monday.",
    "In {Xs} capital {Y} the streets were quiet.",
    "{Y}, the capital of {X}, was quiet.",
    "Officials said {Y}, the capital of {X}, was quiet.",
    "The capital of {X}, {Y}, was quiet.",
    "Crowds gathered in the capital of {X}, {Y}.",
    "{Y} is {Xs} capital.",
    "Everyone knows that {Y} is {Xs} capital and largest city.",
    "Crowds filled the {A} capital, {Y}.",
    "On Monday in {Y}, the {A} capital, it rained.",
)


def _possessive(name: str) -> str:
    the = "the " if name.startswith(("United ", "Republic ", "Czech ", "Dominican ")) else ""
    return f"{the}{name}'s"


def _alternates() -> dict[str, list[str]]:
    """Other names of each city (folded name -> names), where the tables give them."""
    try:
        table = rows("city_names.tsv")
    except FileNotFoundError:
        return {}
    return {fold(name): [a for a in alternates.split("|") if a] for name, _, alternates in table}


def claims(seed: int) -> list[tuple[bool, str, str]]:
    """``(true?, form, sentence)`` for every country with a capital and another city."""
    rng = random.Random(seed)
    info = places()
    cities: dict[str, list[str]] = defaultdict(list)
    for name, kind, code, *_ in rows("places.tsv"):
        if kind == "city" and code:
            cities[code].append(name)
    demonyms = {
        code: [d for d in forms.split("|") if d and not d.endswith("s")]
        for code, _, _, _, forms, *_ in rows("countries.tsv")
    }
    alternates = _alternates()
    out = []
    for code, caps in sorted(info.capitals.items()):
        today = [c for c in caps if c.until is None and "-" not in c.code]
        if not today or code not in cities:
            continue
        capital = today[0]
        others = [c for c in cities[code] if fold(c) not in capital.spellings]
        others = [c for c in others if all(fold(c) not in k.spellings for k in today)]
        if not others:
            continue
        country = info.names.get(code, capital.country)
        false_city = rng.choice(others)
        spelled = [a for a in alternates.get(fold(false_city), []) if a != false_city]
        if spelled and rng.random() < 0.5:
            false_city = rng.choice(spelled)
        for form in FORMS:
            if "{A}" in form and not demonyms.get(code):
                continue
            fill = {"X": country, "Xs": _possessive(country), "A": (demonyms.get(code) or [""])[0]}
            for truth, city in ((True, capital.name), (False, false_city)):
                sentence = form.format(Y=city, **fill)
                out.append((truth, form, sentence[0].upper() + sentence[1:]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    tried: Counter[bool] = Counter()
    flagged: Counter[bool] = Counter()
    by_form: dict[str, Counter[str]] = defaultdict(Counter)
    shown = []
    for truth, form, sentence in claims(args.seed):
        found = list(check_wrong_capital(RULE, Article(sentence)))
        tried[truth] += 1
        flagged[truth] += bool(found)
        by_form[form]["false" if not truth else "true"] += 1
        by_form[form]["caught" if (not truth and found) else "flagged-true" if found else ""] += 1
        if args.misses and (bool(found) == truth):
            shown.append(("FLAGGED TRUE" if truth else "missed") + ": " + sentence)
    caught = flagged[False] / tried[False] if tried[False] else 0.0
    wrong = flagged[True] / tried[True] if tried[True] else 0.0
    print(f"false claims caught: {flagged[False]}/{tried[False]} = {caught:.3f}")
    print(f"true claims flagged: {flagged[True]}/{tried[True]} = {wrong:.3f}\n")
    print(f"{'form':<62} {'false':>6} {'caught':>7} {'true':>6} {'flagged':>8}")
    for form, n in by_form.items():
        print(f"{form:<62} {n['false']:>6} {n['caught']:>7} {n['true']:>6} {n['flagged-true']:>8}")
    for line in shown[:80]:
        print(" ", line)


if __name__ == "__main__":
    main()
