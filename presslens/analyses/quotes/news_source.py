"""The source of reported speech when story.yaml and the article's people do not name it, read as a
reader reads it from the frame alone: a news organisation (an acronym, a web address, a wire agency,
"a name + news agency", or a single name that *reports*: "Harbourwire reported", "as reported by
Harbourwire"), or a description as written ("the young man told ...", "Selby's mayor says ...").
Used for reported speech only: a reporting frame with a clause is the evidence that someone speaks,
so the phrase in its source slot is taken as written; a direct quote has its own rules (:mod:`.extract`).
"""
from __future__ import annotations

import functools
import re

import regex as _regex

from presslens import data
from presslens.text.vocabulary import MONTHS, WEEKDAYS
from .resolve import described_speaker, trim_speaker
from .wordclasses import FUNCTION, ORG_WORDS, TITLES, key

# words the writer puts between the source and the verb ("HTV News further reported", "the HBC now reports")
_ADVERB_END = re.compile(r"(?i)\s+(?:further|now|also|again|then|still|too|later|earlier|first|previously|separately)$")
# an acronym ("HTV", "the HBC"), a web address as a name ("Harbour.net", "Courier.co.uk")
_ACRONYM = re.compile(r"^(?:[Tt]he\s+)?[A-Z][A-Z0-9&]{1,5}$")
_WEB_NAME = _regex.compile(r"^\p{Lu}[\p{L}\d-]*(?:\.[a-z]{2,4}){1,2}$")
# a name and what kind of newsroom it is, in lower case: "Harbour news agency", "Nord TV", "Courier daily"
_NAMED_NEWSROOM = _regex.compile(r"^(?:[Tt]he\s+)?(?:\p{Lu}[\p{L}\d’'.&-]*\s+){1,3}(?:news\s+agency|news\s+service|"
                                 r"newspaper|daily|broadcaster|television|tv|TV|radio|news\s+channel|channel|"
                                 r"news\s+outlet|outlet|news\s+website|website|news\s+portal|portal)$")
# a place or organisation's office holder: "Harbour State's governor", "Selby's mayor"
_POSSESSIVE_TITLE = _regex.compile(r"^\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,2}[’']s\s+(?P<title>[a-z]+)$")
# a single name, as the subject of "reported" or the object of "according to" / "as reported by"
_ONE_NAME = _regex.compile(r"^\p{Lu}[\p{Ll}\d]+$")
_REPORTING = re.compile(r"(?i)^(?:report|reports|reported|reporting|according\s+to|as\s+reported\s+by|per)$")
_NOT_A_NAME = frozenset(MONTHS) | frozenset(WEEKDAYS)
# heads of a description that name someone who can speak (besides titles and organisation words)
_SPEAKING_HEADS = frozenset("""man men woman women person people teen teens teenager teenagers boy boys girl girls child
children youth academics scholars resident residents witness witnesses survivor survivors victim victims family families mother father
parent parents son daughter wife husband friend friends neighbour neighbor neighbours neighbors local locals official
officials source sources staff crew team brigade squad panel jury""".split())
# people of a kind, in the plural and lower case, with no determiner: "divers", "local academics"
_BARE_PLURAL = re.compile(r"^(?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*s$")
# a description with its head before "of", "in", "for" or "at" and what follows it ("The operator of the Harbour gas
# terminal", "the largest ferry company in the town", "The chief of the Harbour Safety Board (HSB)"): no comma, no verb
HEADED = re.compile(r"^(?P<det>[Tt]he|[Aa]n?)\s+(?:[a-z][a-z’'-]*\s+){0,3}(?P<head>[a-z][a-z’'-]{2,})\s+(?:of|in|for|at)\s+"
                    r"(?:the\s+)?[^,;:“”\"]{2,60}$")
# agent nouns: "creators", "organisers", "scientists", "physicians"
_PERSON_HEAD = re.compile(r"(?:er|ers|or|ors|ist|ists|ian|ians|ant|ants|ent|ents)$")


@functools.lru_cache(maxsize=1)
def _agency_names() -> frozenset:
    """Every name a wire agency is credited by (``presslens/data/wire_agencies.yaml``)."""
    return frozenset(n for a in data.wire_agencies()["agencies"] for n in a["names"])


def fallback_source(spk: str, verb: str | None) -> tuple | None:
    """(speaker, kind, actor) for a source phrase nothing else resolved, read from the frame: a news
    organisation (kind ``role``) or a description as written (:func:`~.resolve.described_speaker`);
    None when the phrase is neither (then nobody is named, and nothing is reported)."""
    phrase = _ADVERB_END.sub("", trim_speaker(spk)).strip()
    if not phrase or key(phrase.split()[0]) in FUNCTION - {"the"}:
        return None
    bare = re.sub(r"^[Tt]he\s+", "", phrase)
    if bare in _agency_names() or _ACRONYM.match(phrase) or _WEB_NAME.match(phrase) or _NAMED_NEWSROOM.match(phrase):
        return phrase[:1].lower() + phrase[1:] if phrase[:4] == "The " else phrase, "role", None
    if _ONE_NAME.match(phrase) and verb and _REPORTING.match(verb.strip()) and \
            key(phrase) not in FUNCTION | ORG_WORDS | TITLES | _NOT_A_NAME:
        return phrase, "role", None  # "Harbourwire reported", "as reported by Harbourwire": a newsroom reports
    pt = _POSSESSIVE_TITLE.match(phrase)
    if pt and key(pt.group("title")) in TITLES:
        return phrase, "role", None  # "Harbour State's governor says": the office, as the text words it
    described = described_speaker(phrase)
    headed = HEADED.match(phrase) if described is None else None
    if headed and (key(headed.group("head")) in TITLES | ORG_WORDS | _SPEAKING_HEADS or _PERSON_HEAD.search(headed.group("head"))):
        # "The operator of the Harbour gas terminal said", "the largest ferry company in the town said": a description
        # whose head can speak, with where or whose it is after it (the head, not the last word, is who speaks)
        return phrase[:1].lower() + phrase[1:], "role" if headed.group("det").lower() == "the" else "anonymous", None
    if described is None and _BARE_PLURAL.match(phrase) and verb and _REPORTING.match(verb.strip()):
        head = key(phrase.split()[-1])  # "according to divers", "as per eyewitnesses": people of that kind, unnamed
        return (phrase, "anonymous", None) if head in _SPEAKING_HEADS or _PERSON_HEAD.search(head) else None
    if described is None:
        return None
    head = key(phrase.split()[-1])
    # who can speak: a person ("the young man", "the harbour master", "its creators") or a body ("the fire brigade"),
    # not a thing ("the hurricane claimed the lives of ...") nor a fragment ("the dollar rallied amid")
    if head in TITLES or head in ORG_WORDS or head in _SPEAKING_HEADS or _PERSON_HEAD.search(head):
        return described
    return None


# heads that are people or bodies by their ending alone: "fisherman", "chairwoman", "scientist", "physician"
# (not the agent ending -er/-or/-ent: "the water", "the answer", "the current" are things as often as people)
_PEOPLE_END = re.compile(r"(?:man|men|woman|women|person|people|ist|ists|ian|ians)$")


def speaking_description(phrase: str) -> tuple | None:
    """(speaker, kind, None) for a description whose head is someone who can speak by its word alone, with no
    verb of saying to vouch for it ('The fire brigade was blunt: "..."'): a title, an organisation word, a
    person noun (:data:`_SPEAKING_HEADS`, "-man", "-ist"); None for anything else ("The answer was simple:")."""
    described = described_speaker(phrase)
    if described is None:
        return None
    head = key(described[0].split()[-1])
    return described if head in TITLES or head in ORG_WORDS or head in _SPEAKING_HEADS or _PEOPLE_END.search(head) \
        else None
