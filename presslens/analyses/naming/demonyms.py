"""One name written with a country's adjective or with the country's name: "Kestrelian Weather Agency",
"Kestrel Weather Agency" and "Weather Agency of Kestrel" are one body, as a reader takes them; and
"Eastern Kestrel" is "East Kestrel".

:func:`country_key` brings a form to one shape: each nationality adjective becomes its country
(``DEMONYMS``: the English adjectives of the commonest countries in the news, with their countries as
English writes them), "eastern" becomes "east" (and so on for the other points of the compass), and a
trailing "of <country>" (or "of the <country>") moves to the front. The rule ``nationality`` of
:func:`.variants.score` proposes a candidate whose key is a known form's key while its words differ.
"""
from __future__ import annotations

import functools

# adjective=country, lower case (a country of two words or more joined with "_": united_states)
_TABLE = """
afghan=afghanistan albanian=albania algerian=algeria american=united_states argentine=argentina
argentinian=argentina armenian=armenia australian=australia austrian=austria azerbaijani=azerbaijan
bangladeshi=bangladesh belarusian=belarus belgian=belgium bolivian=bolivia brazilian=brazil
british=united_kingdom bulgarian=bulgaria cambodian=cambodia canadian=canada chilean=chile
chinese=china colombian=colombia congolese=congo croatian=croatia cuban=cuba czech=czechia
danish=denmark dutch=netherlands ecuadorian=ecuador egyptian=egypt emirati=united_arab_emirates
estonian=estonia ethiopian=ethiopia filipino=philippines finnish=finland french=france
georgian=georgia german=germany ghanaian=ghana greek=greece hungarian=hungary icelandic=iceland
indian=india indonesian=indonesia iranian=iran iraqi=iraq irish=ireland israeli=israel italian=italy
ivorian=cote_d'ivoire jamaican=jamaica japanese=japan jordanian=jordan kazakh=kazakhstan
kenyan=kenya korean=korea kuwaiti=kuwait latvian=latvia lebanese=lebanon libyan=libya
lithuanian=lithuania malaysian=malaysia mexican=mexico moroccan=morocco nepali=nepal
nigerian=nigeria norwegian=norway pakistani=pakistan palestinian=palestine peruvian=peru
polish=poland portuguese=portugal qatari=qatar romanian=romania russian=russia rwandan=rwanda
saudi=saudi_arabia senegalese=senegal serbian=serbia singaporean=singapore slovak=slovakia
slovenian=slovenia somali=somalia spanish=spain sudanese=sudan swedish=sweden swiss=switzerland
syrian=syria taiwanese=taiwan thai=thailand tunisian=tunisia turkish=turkey ugandan=uganda
ukrainian=ukraine uruguayan=uruguay uzbek=uzbekistan venezuelan=venezuela vietnamese=vietnam
yemeni=yemen zambian=zambia zimbabwean=zimbabwe
"""
DEMONYMS = {a: c.replace("_", " ") for a, _, c in (item.partition("=") for item in _TABLE.split())}
COMPASS = {"eastern": "east", "western": "west", "northern": "north", "southern": "south"}


@functools.lru_cache(maxsize=1)
def _countries() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(c.split()) for c in DEMONYMS.values())


def country_key(words: tuple[str, ...]) -> tuple[str, ...]:
    """Lower-case words -> the key described in the module docstring."""
    out: list[str] = []
    for w in words:
        out.extend(DEMONYMS.get(w, COMPASS.get(w, w)).split())
    for n in (3, 2, 1):  # "... of (the) <country>" -> "<country> ..."
        tail = tuple(out[-n:])
        if len(out) > n + 1 and tail in _countries() and out[-n - 1] in ("of", "the"):
            head = out[:-n - 1]
            if head and head[-1] == "of":
                head = head[:-1]
            if head and head[0] == "the":
                head = head[1:]
            return tuple(list(tail) + head)
    return tuple(out[1:] if out and out[0] == "the" else out)
