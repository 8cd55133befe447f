"""Closed word classes that decide what a capitalised span is: titles, organisation and place
head words, connectors, calendar words. General English, never names fitted to one text."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A title that names a person's office; the words after it are that person's name.
HEAD_TITLES = _words("""
president minister secretary chancellor premier king queen prince princess pope emperor
senator sen rep representative congressman congresswoman governor gov mayor judge justice
mr mrs ms miss dr prof professor sir dame lord lady baron count duke
captain capt colonel col lieutenant lt sergeant sgt gen admiral commander marshal
coach chairman chairwoman chairperson director ambassador envoy speaker spokesman spokeswoman
spokesperson leader officer attorney inspector detective sheikh emir sultan ayatollah imam
rabbi bishop archbishop cardinal reverend rev patriarch mufti
chief ceo manager
""")
# Words that only make a title together with a head ("Prime Minister", "Foreign Secretary").
TITLE_MODIFIERS = _words("""
vice deputy prime foreign defence defense finance interior home economy economic trade justice
health education energy first acting former late chief executive senior junior assistant
general state head opposition party supreme grand crown major brigadier lieutenant
""")
# Lower-case roles that, just before a name, say it is a person's ("striker Alan Shearer").
ROLES = _words("""
president minister secretary chancellor premier king queen prince senator governor mayor judge
coach chairman chairwoman director ambassador envoy speaker spokesman spokeswoman spokesperson
leader officer attorney inspector detective chief manager striker midfielder defender goalkeeper
forward captain batsman bowler player rider driver champion skipper winger keeper cyclist
left-back right-back full-back centre-back boss
actor actress singer writer author novelist director producer analyst economist lawyer
journalist correspondent reporter editor photographer economist dealer trader banker
colleague rival wife husband son daughter brother sister father mother
""")
# Words that end an organisation's name ("National Bank", "Ministry", "Inc").
ORG_HEADS = _words("""
bank ministry organization organisation council agency party university college school
academy institute institution inc ltd llc plc corp corporation co company group holdings
fc association federation union league committee commission board bureau office department
court parliament assembly congress senate house government administration authority service services
army navy forces force police guard church foundation fund trust society club exchange
airlines airways motors industries international partners network news times post press
telegraph journal herald tribune radio television tv channel studios records
systems technologies technology electronics communications pharmaceuticals holdings capital
investments securities petroleum oil energy media entertainment pictures networks software
laboratories labs foods brands stores insurance bancorp financial resources mining steel
chemicals instruments products solutions enterprises ventures associates consulting telecom
chambers ag sa nv bv gmbh spa ab asa oyj kk bhd berhad tbk ltda sae
""")
# Words that open (or end) a sports club's name ("Real Madrid", "Dynamo Kiev", "Leeds United").
CLUB_FIRST = _words("""
fc afc ac as cf cd ud rc sc sv vfb vfl tsv real atletico athletic sporting inter dynamo dinamo
spartak lokomotiv cska olympique olympiakos borussia eintracht bayern werder fortuna hertha
rapid steaua hapoel maccabi slavia sparta dukla legia racing deportivo
""")
CLUB_LAST = _words("united rovers wanderers albion hotspur rangers athletic afc cf sc sv")
# Words that open a company's name where the law puts its form first ("PT Telkom").
ORG_PREFIXES = _words("pt")
# Words that end the name of an event, a competition, a law or a treaty: kind "other".
EVENT_HEADS = _words("""
cup open championship championships series war revolution day classic masters games olympics
olympiad prix trophy award awards prize festival tournament slam marathon rally derby
act accord accords agreement convention protocol treaty amendment doctrine plan
summit conference crisis election elections
""")
# Lower-case words before a name that say it is a place ("in Arbil", "near Tavildara").
PLACE_CUES = _words("in at near outside across throughout inside around towards via")
# Company suffixes: "of" after one starts a place, not more of the name ("Inc of St. Petersburg").
ORG_SUFFIXES = _words("inc ltd llc plc corp co ag sa nv bv gmbh spa ab asa oyj kk bhd tbk")
# Words that end (or start) a place's name.
PLACE_HEADS = _words("""
river island islands mountains mountain lake sea ocean street avenue square road county
province region district valley bay gulf peninsula desert coast strait canal airport
city territory republic oblast krai park bridge stadium palace hills heights centre center
arena
""")
PLACE_PREFIXES = _words("mount lake cape port fort saint st san santa")
# Lower-case words that may stand inside a name between capitalised words.
PARTICLES = _words("""
al el bin ibn van von der den de del della di da dos das du la le ter ten zu abu
""")
CONNECTORS = _words("of for")
ARTICLES = _words("the a an")
CALENDAR = _words("""
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
""")
# Words a sentence may open with that are never names, even if a word list misses them.
FUNCTION_WORDS = _words("""
the a an and or but if so as at by for from in into of on onto to with without within
he she it we they you i his her its our their my your this that these those there here
what which who whom whose when where why how all any both each every few more most
other some such no not nor only own same than too very can will just should now
according after before since until while although though because however meanwhile
also yet still then thus hence instead otherwise besides moreover furthermore
is are was were be been being have has had do does did said says say
one two three four five six seven eight nine ten several many much
""")
