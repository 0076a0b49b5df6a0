"""Speaker resolution: who a speaker phrase is (a listed speaker by any of their names, an
anonymous source, a role or organisation with its actor, a pronoun to the last person named).
The lowest module of :mod:`presslens.analyses.quotes`: attribution and extraction build on it.

One idea: who one speaker phrase names, from the phrase alone and story.yaml (a name, a description, a seat, a
possessor's kin or office); where the article's other sentences decide, :mod:`.in_article` does.
"""
from __future__ import annotations

import re
import regex as _regex

from presslens.story.model import Story
from presslens.text import resolver
from presslens.text.vocabulary import MONTHS, TITLE_ABBREVIATIONS, WEEKDAYS, alternation
from .whose_role import described_actor
from .wordclasses import NAME_PARTICLE, ORG_WORDS, TITLES, key


SHORT = 4  # a quoted stretch of this many words or fewer, with no speaker, is a cited term


_ANON = re.compile(r"\b(?:sources?|person|people|insiders?|employees?|someone|individuals?)\b.*?"
                   r"|\b(?:anonymous|anonymity|familiar with|knowledge of|not authori[sz]ed)\b", re.IGNORECASE)
_ROLE = re.compile(r"\b(?:spokes(?:person|man|woman)|representatives?|official|officials|executives?|statement|"
                   r"company|firm|website|site|outlet|publication|magazine|broadcaster|agency|ceo|chief|director|manager|founder|president|lawmakers?|analysts?|media|press|"
                   r"newspapers?|documents?|records?|reports?|filings?|administration|government|regulators?)\b",
                   re.IGNORECASE)
PRONOUN = re.compile(r"^(?:he|she|they|it|we)$", re.IGNORECASE)
# a person brought in without a name ("A worker who asked not to be named", "one resident"): "he" or
# "she" after it may be them, so it no longer points back to the last named speaker
ANON_PERSON = re.compile(r"(?i)\b(?:a|an|one|another)\s+(?:\w+\s+){0,2}(?:worker|employee|resident|official|source|"
                          r"person|man|woman|engineer|executive|staffer|insider|witness|neighbou?r|driver|member)\b")

# a dotted abbreviation is one word of a name ("The U.K. Harbour Agency", "J.R. Berg"): its dots end no name
# a middle initial before the surname ("Tom R. Berg") and a closing "Jr."/"Sr." are words of the name too
_NAME_WORD = (rf"(?:(?:\p{{Lu}}\.){{2,}}|\p{{Lu}}\.(?=\s+\p{{Lu}}\p{{Ll}})|(?:Jr|Sr)\.|"
              rf"{NAME_PARTICLE}?\p{{Lu}}\p{{L}}*(?:['’-]\p{{L}}+)*)")  # "Ruiz", "al-Rashid"
_PERSON = _regex.compile(rf"(?<![\p{{L}}'’-])({_NAME_WORD}(?:\s+(?:(?:de|van|von|der|den|da|di|la|le|del|bin|al)\s+)*"
                         rf"{_NAME_WORD})+)(?![\p{{L}}'’])")
# a run of capitals after a determiner that qualifies the lower-case noun after it: "The Norwegian
# consulate", "the Harbour State police" ("the" + name + "of"/"in"... is not one: "The Duke of Selby")
_MODIFIER_RUN = _regex.compile(r"(?:The|A|An|This|That|These|Those)\s+(?:\p{Lu}[\p{L}’'.-]*\s+){1,3}"
                               r"(?!(?:of|in|at|on|for|from|and|or|de|van|von|der|den|da|di|la|le|del|bin|al)\b)\p{Ll}[\p{L}’'-]{2,}")
_ORG_HEAD = re.compile(r"(?i)\b(?:university|college|institute|agency|ministry|department|council|committee|federation|"
                       r"association|union|organi[sz]ation|company|corporation|bank|school|hospital|centre|center|"
                       r"office|party|court|government|foundation|society|network|news|times|post)\b")
HONORIFIC = re.compile(rf"\b({alternation(TITLE_ABBREVIATIONS)})\.")
# someone who speaks for the person named after "of"/"for": kin, counsel, friends ("the family of Tom Berg")
_KIN_OF = re.compile(r"(?i)\b(?:family|relatives|parents|friends?|lawyers?|attorneys?|counsel|mother|father|wife|husband|"
                     r"sons?|daughters?|brothers?|sisters?|widow|widower|agent|colleagues?|neighbou?rs?)\s+(?:of|for)\s+$")
# a noun phrase whose head comes before the name, joined by a preposition: "The study in", "a paper from the"
_THING_OF = re.compile(r"^(?i:the|a|an|this|that|these|those|its|his|her|their)\s+(?:[a-z][\w’'-]*\s+){0,3}?"
                       r"(?P<head>[a-z][\w’'-]*)\s+(?:in|of|at|from|on|about|into|by|with)\s+(?:(?i:the)\s+)?$")
# a plural noun opening the phrase without a determiner: "Critics of Ana Ruiz", "Rivals of Tom Berg" speak, not the
# person named after them
_GROUP_OF = re.compile(r"^(?P<head>[A-Z][a-z]+s)\s+(?:of|for)\s+$")
_NOT_SPEAKER = re.compile(r"^(?:it|this|that|which|who|there)$", re.IGNORECASE)


# "Harbourwire quoted Tom Berg as (saying)", "the paper cited a council spokesman as": the one quoted speaks
_QUOTED_AS = re.compile(r"(?i)\b(?:quot|cit)(?:ed|es|ing)\s+(?P<who>[^,;:]{2,80}?)\s+as$")
_OBJECT_PRONOUN = {"him": "he", "her": "she", "them": "they"}


def trim_speaker(spk: str) -> str:
    spk = spk.strip(" ,;:—-\u00a0")
    quoted = _QUOTED_AS.search(spk)
    spk = _OBJECT_PRONOUN.get(quoted.group("who").lower(), quoted.group("who")) if quoted else spk
    spk = INTRO.sub("", spk)  # "In a six-page order, the agency", "Until then, the company"
    spk = re.sub(r"^(?:and|but|as|while|when|so|then|also)\s+", "", spk, flags=re.IGNORECASE)
    spk = re.sub(r"\s+(?:has|have|had|also|has also|had also)$", "", spk, flags=re.IGNORECASE)
    spk = re.sub(r"\s+(?!(?:family|ally|assembly|daily|weekly|monthly|quarterly|rally|supply)$)[a-z]+ly$", "",
                 spk)  # "The Verge recently", "the administration reportedly" (not "Grace Kelly", "Tom Berg's family")
    spk = re.sub(r"(?<=\w)\s+(?:himself|herself|themselves|itself)$", "", spk)  # "Ruiz herself": Ruiz
    # when, not who: "The Harbour Consulate earlier", "Ruiz later", "the agency then"
    spk = re.sub(r"(?<=\w)\s+(?:earlier|later|previously|again|then|now|once|initially|first|today|yesterday|"
                 r"too|meanwhile|since)$", "", spk)
    return spk


def resolve_speaker(spk: str, story: Story, last_person: str | None) -> tuple[str | None, str | None, str | None]:
    """(speaker, speaker_kind, actor) for a speaker phrase as written (see the module docstring)."""
    if spk.startswith("@"):  # a relative clause's antecedent (see _subject): the last actor named in it
        rx, entries = resolver.actor_regex(story.actors)
        found = list(rx.finditer(spk)) if entries else []
        if not found:
            return None, None, None
        actor = entries[found[-1].lastindex - 1][0]
        return actor, "role", actor
    spk = trim_speaker(spk)
    if not spk or _NOT_SPEAKER.match(spk):
        return None, None, None
    if PRONOUN.match(spk):
        if spk.lower() in ("he", "she") and last_person:
            return speaker_entry(story, last_person)
        return None, None, None  # "they", "it", "we", or no single person to refer to: not guessed
    rx, entries = resolver.actor_regex(story.actors)
    found = list(rx.finditer(spk)) if entries else []
    m = found[-1] if found else None  # the actor nearest the verb: "citing ByteDance documents, The Verge"
    actor = entries[m.lastindex - 1][0] if m else None
    if m is not None and not_its_voice(spk, m.start()):
        actor = None  # "internal documents from Acme", "the parent company of Instagram": not Acme's words
    if m is not None and _a_person(story, actor) and another_given_name(spk, m.start(), m.group(0)):
        actor = None  # "Jamal Haddad" is not the actor "Kamal Haddad" whose short form "Haddad" is
    if m is None:
        actor = described_actor(story, spk)  # "council spokesperson Lena Crane": the actor listed as "the council"
    if actor and m is not None and (_norm(spk).endswith(_norm(m.group(0))) or _titled(spk, m)):
        if any(sp.name == actor for sp in story.speakers):  # "the president, Ana Ruiz": a listed speaker
            return speaker_entry(story, actor)
        if any(a.name == actor and (a.kind or "").lower() == "person" for a in story.actors):
            return actor, "named", actor  # a person of the story's actors speaks for themself
    bare = spk
    for f in reversed(found):
        if not (_a_person(story, entries[f.lastindex - 1][0]) and another_given_name(spk, f.start(), f.group(0))):
            # "Jamal Haddad" keeps his family name
            bare = _strip_actor(bare, f)
    # actors' names are taken out before speakers are looked up: a speaker alias "Hansen" is not in
    # "Hansen Logistics said" nor in "a source at Hansen Logistics"
    if _ANON.search(spk) and not _PERSON.search(bare):
        return _lower_first(spk), "anonymous", actor
    for sp in story.speakers:
        for form in (sp.name, *sp.aliases):
            hit = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", bare) if form else None
            if hit and not another_given_name(bare, hit.start(), form):
                sp_actor = resolver.resolve(story, sp.affiliation) if sp.affiliation else None
                return sp.name, "named", sp_actor or sp.affiliation
    # the first run of capitalised words that names no organisation ("Harbour State University researcher
    # Ana Ruiz" is Ana Ruiz)
    person = _premodified_name(bare) or next((p for p in _PERSON.finditer(bare) if not _ORG_HEAD.search(p.group(1))), None)
    if person and org_across_and(bare, person.end()):
        # "a spokesman for the Selby Ports and Harbours Agency": capitals joined by "and" under one
        # organisation word are one organisation's name, never a person made of its first half
        return _lower_first(spk), "role", actor
    if person and _MODIFIER_RUN.match(bare[person.start():]):
        # "The Norwegian consulate in Selby": the capitals qualify the noun after them; the description
        # speaks, as written (never its fragment "The Norwegian")
        return _lower_first(spk), "role", actor
    if person and _KIN_OF.search(bare[:person.start()]):
        # "the family of Tom Berg", "a lawyer for Tom Berg": they speak, as the text says, for Tom Berg
        return _lower_first(spk), "role", actor or person.group(1)
    if person and re.search(r"['’]s$", person.group(1)) and bare[person.end():].strip():
        # "Tom Berg's lawyer": the lawyer speaks, as the text says, for Tom Berg
        return _lower_first(spk), "role", actor or re.sub(r"['’]s$", "", person.group(1))
    head = (_THING_OF.match(bare[:person.start()]) or _GROUP_OF.match(bare[:person.start()])) if person else None
    if head and not _ROLE.search(head.group("head")) and key(head.group("head")) not in TITLES:
        return None, None, None  # "The study in Harbour Letters is ...": the name says where the study is, not who speaks
    if person and not _ROLE.search(person.group(1)):
        return person.group(1), "named", actor
    one = _ONE_POSSESSOR.match(bare.strip()) if not person else None
    if one and (key(one.group("head")) in TITLES or _KIN_OF.match(one.group("head") + " of ")):
        # "Ruiz's lawyer", "Berg's mother": they speak, as the text says, for the one-word name before them
        return _lower_first(spk), "role", actor or one.group("who")
    if actor or _ROLE.search(spk):
        return (actor if actor and m is not None and _norm(spk) == _norm(m.group(0)) else _lower_first(spk)), "role", actor
    if _POSSESSED_BODY.match(bare.strip()):  # "Harbour's foreign ministry", "the mayor's team": the body speaks,
        return spk.strip(), "role", actor    # as the text words it
    return None, None, None


# one capitalised word's own person, by a title or a word of kin after the possessive: "Ruiz's lawyer", "Berg's
# younger brother" (a name of two words or more is read by the rules above: "Tom Berg's lawyer")
_ONE_POSSESSOR = re.compile(r"^(?:the\s+)?(?P<who>[A-Z][\w-]+)['’]s\s+(?:[a-z][\w-]*\s+){0,2}(?P<head>[a-z][\w-]+)$")
# a body of a place, a country or a person, by its noun: "Harbour's foreign ministry", "Berg's team"
_POSSESSED_BODY = re.compile(r"^(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}[’']s\s+(?:[a-z][\w-]*\s+){0,2}"
                             r"(?:ministry|agency|committee|council|court|department|office|service|government|police|"
                             r"army|team|commission|authority|board|embassy|campaign|party)$")


# what may stand after a person's name inside their speaker phrase and still leave them the speaker: where
# they are from ("Ana Lund of the Harbour Agency", "Ana Lund, who leads it"), not whose they are ("'s lawyer")
_POST_MODIFIER = re.compile(r"\s*(?:,|(?:of|from|at|with|in|on)\s)")


def _titled(spk: str, m) -> bool:
    """Whether an actor named in a speaker phrase is the phrase's head: only titles before it ("Rear
    Adm. Ana Lund", "U.K. Harbour Agency Commander Ana Lund": capitalised words, dotted abbreviations) and
    a post-modifier after it ("of the First District"). A reader takes the title's holder to speak."""
    before = re.sub(r"(?i)^the\s+", "", spk[:m.start()].strip())
    words = before.replace(".", ". ").split()
    return bool(_POST_MODIFIER.match(spk, m.end())) and all(w[:1].isupper() for w in words) and \
        any(key(w) in TITLES for w in words) if words else bool(_POST_MODIFIER.match(spk, m.end()))


# between a capitalised modifier and a name: a role noun or two in lower case, no preposition or
# conjunction ("Selby Rowers coach Tom Berg", "the Harbour stand-in captain Lena Hart")
_ROLE_GAP = re.compile(r"\s+(?:(?!(?:of|for|at|from|with|to|by|and|or|in|on|as|after|before|said|says)\b)[a-z][a-z’'-]*\s+){1,3}")


def _premodified_name(bare: str):
    """The name that ends a pre-modified description ("Selby Rowers coach Tom Berg", "Harbour
    Ports chief executive Ana Ruiz"): the capitals before the role noun say whose coach or which
    port's chief (a country, a team, an organisation); the person is the name after it."""
    runs = list(_PERSON.finditer(bare))
    if len(runs) < 2 or bare[runs[-1].end():].strip(" ,") or _ORG_HEAD.search(runs[-1].group(1)):
        return None
    return runs[-1] if _ROLE_GAP.fullmatch(bare, runs[-2].end(), runs[-1].start()) else None


# a noun phrase that describes its speaker, all in lower case after its determiner: "the teen", "a judge", "the
# consulate", "one witness", "the brave teenager" (not "the other", "the latter": they point back to a name)
# The modifiers may be capitalised ("the Harbour delegation", "a Selby fire brigade officer": the capitals say whose
# or which, the lower-case head says what speaks); a capitalised head alone after "the" is the name a text gives an
# institution by its seat or its office ("the Palace", "the Senate"), but never a nationality ("the French": a
# fragment of "the French regulator") nor a word that points back ("the Other")
_DESCRIPTION = re.compile(r"^(?P<det>[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:(?:[a-z][a-z’'-]*|[A-Z][\w’'.-]*)\s+){0,3}"
                          r"(?P<head>[a-z][a-z’'-]{2,})$")
# (or by its initials: "the HPP said", "the UN said")
_SEAT = re.compile(r"^(?P<det>[Tt]he)\s+(?P<head>[A-Z][a-z]{3,}|[A-Z]{2,6})$")
_DEMONYM_END = ("ish", "ese", "an", "ch", "ic", "i", "s")  # the French, the Japanese, the Ukrainians: a people
_NOT_A_HEAD = frozenset("other others latter former same first second last rest one two three few many most some all "
                        "both each either neither".split())


def described_speaker(spk: str) -> tuple[str, str, None] | None:
    """(speaker, kind, None) for a speaker phrase that describes rather than names, as the text words it:
    a reader takes '"...," the teen said' or '"...," a judge said' as said by that teen or judge, though
    the story names neither; "the" makes it a ``role``, "a"/"one"/"another" an ``anonymous`` source. None
    for anything else (a name, a fragment with a capital, a word that points back to someone named)."""
    m = _DESCRIPTION.match(trim_speaker(spk))
    seat = None if m else _SEAT.match(trim_speaker(spk))
    m = m or (seat if seat and (seat.group("head").isupper() or not seat.group("head").endswith(_DEMONYM_END)) and
              seat.group("head").lower() not in WEEKDAYS + MONTHS else None)
    if m is None or m.group("head").lower() in _NOT_A_HEAD or (m.group("head").endswith("ly") and m.group("head") not in _LY_NOUNS):
        return None
    phrase = m.group(0)
    return phrase[:1].lower() + phrase[1:], "role" if m.group("det").lower() == "the" else "anonymous", None


_LY_NOUNS = frozenset("family assembly ally supply rally".split())  # nouns in -ly: "the family said" is no adverb
# "the Berg family", "the Ruiz-Soto family": the family a later "the family" is
_NAMED_FAMILY = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w’'-]+\s+){1,3}family)\b")


def family_named(spk: str, earlier: str) -> str | None:
    """The family a speaker phrase "the family" is: the nearest "the <Name> family" in ``earlier`` (the
    article up to the quote), as a reader resolves a definite description to its nearest antecedent; None
    for any other phrase or when none is named."""
    if trim_speaker(spk).lower() != "the family" or "family" not in earlier:
        return None
    found = list(_NAMED_FAMILY.finditer(earlier[-3000:]))
    return found[-1].group(1) if found else None


_DETERMINERS = re.compile(r"^(?:a|an|the|one|two|three|some|several|many|other|another|its|their)$", re.IGNORECASE)


def _lower_first(spk: str) -> str:
    """A role or anonymous source opening with a determiner reads as it would mid-sentence: "An
    OpenAI spokesperson" is "an OpenAI spokesperson" (a name or proper adjective keeps its capital)."""
    w = spk.split()
    if len(w) >= 2 and _DETERMINERS.match(w[0]) and w[0][:1].isupper():
        return spk[:1].lower() + spk[1:]
    return spk


def merge_case(rows: list[dict]) -> None:
    """One spelling per role or anonymous source whose forms differ only in case ("Foreign media"
    opening a sentence, "foreign media" inside one): the form written with a lower-case first letter
    when there is one (how the phrase reads mid-sentence), else the first seen. In place."""
    forms: dict[str, str] = {}
    for r in rows:
        s = r.get("speaker")
        if isinstance(s, str) and r.get("speaker_kind") in ("role", "anonymous"):
            k = s.casefold()
            if k not in forms or (s[:1].islower() and not forms[k][:1].islower()):
                forms[k] = s
    for r in rows:
        s = r.get("speaker")
        if isinstance(s, str) and r.get("speaker_kind") in ("role", "anonymous"):
            r["speaker"] = forms[s.casefold()]


def person_before(story: Story, txt: str, spoken: str | None) -> str | None:
    """Who "he" or "she" is: the one story.yaml speaker named in ``txt`` (the quote's paragraph up to
    it and the paragraph before), else the last named person who spoke; None when two or more
    speakers are named there (ambiguous: not guessed)."""
    named = set()
    for sp in story.speakers:
        for form in (sp.name, *sp.aliases):
            if form and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", txt):
                named.add(sp.name)
    if len(named) == 1:
        return named.pop()
    if len(named) > 1:
        return None
    return spoken


def speaker_entry(story: Story, name: str):
    for sp in story.speakers:
        if sp.name == name:  # a speaker with no affiliation (an independent expert) stands for no actor
            aff = sp.affiliation
            return sp.name, "named", (resolver.resolve(story, aff) or aff) if aff else None
    return name, "named", None


# a definite description and the kind of actor it refers back to: "the website said" is the news site
# named in the nearest sentence before it, "the company said" the company
_DEFINITE = [(re.compile(r"(?i)^the\s+(?:news\s+)?(?:website|site|outlet|publication|newspaper|paper|magazine|"
                         r"broadcaster|news\s+agency|wire\s+service|blog|report)$"), ("media", "news", "outlet", "newspaper")),
             (re.compile(r"(?i)^the\s+(?:company|firm|group|startup|start-up|developer|maker)$"),
              ("company", "organisation", "organization", "business"))]
_SPOKES = re.compile(r"(?i)^the\s+(?:spokes(?:person|man|woman)|representative|official|executive)$")


def definite_speaker(story: Story, spk: str, earlier: str, last_role: tuple | None) -> tuple | None:
    """(speaker, kind, actor) for "the website", "the company" (the actor of that kind in the nearest
    sentence of ``earlier``, the article up to the quote, that names one, when it names only one,
    possessives aside) or "the spokesperson" (the one introduced before); None when the description
    is not one of these, or nothing fits, or two fit."""
    if _SPOKES.match(spk):
        return last_role
    for rx, kinds in _DEFINITE:
        if rx.match(spk):
            kind_of = {a.name: (a.kind or "").lower() for a in story.actors}
            arx, entries = resolver.actor_regex(story.actors)
            if not entries:
                return None
            # sentence by sentence back from the quote; in a sentence the first one of that kind, which
            # is usually its subject ("Documents show that ByteDance is using OpenAI's ...")
            for sent in reversed(re.split(r"(?<=[.!?”\"])\s+|\n+", earlier[-3000:])):
                named = [entries[m.lastindex - 1][0] for m in arx.finditer(sent)
                         if not re.match(r"[’']s\b", sent[m.end():m.end() + 3])]  # "OpenAI's technology": not a subject
                named = list(dict.fromkeys(n for n in named if kind_of.get(n) in kinds))
                if named:
                    # one company there is the company; two ("Globex sued Acme. The company said") is
                    # not guessed
                    return (named[0], "role", named[0]) if len(named) == 1 else None
            return None
    return None


# a document or another organisation: words about an actor that are not its voice; a person's role
# ("a spokesperson for Acme", "a lawyer of Acme") is
_NOT_VOICE_HEAD = re.compile(r"(?i)\b(?:documents?|records?|reports?|filings?|e-?mails?|messages?|memos?|papers?|data|"
                             r"figures|files?|studies|study|analysis|letters?|slides?|logs?|parent|owner|subsidiary|rival|"
                             r"competitor|partner|investor|unit|affiliate|regulator|critics?)\b[^,]{0,40}?\b(?:from|of|at|"
                             r"about|on|behind|inside|within|over|against|obtained\s+from|seen\s+by|reviewed\s+by)\s+"
                             r"(?:the\s+|an?\s+)?(?:[^\s,]+\s+){0,2}$")


_NAME_BEFORE = _regex.compile(r"(?<![\p{L}’'.-])(\p{Lu}\p{Ll}+)\s+$")


def _a_person(story: Story, actor: str | None) -> bool:
    """Whether ``actor`` is a person of the story (an actor of kind person, or a listed speaker)."""
    return actor is not None and (any(sp.name == actor for sp in story.speakers) or any(
        a.name == actor and (a.kind or "").casefold() == "person" for a in story.actors))


def another_given_name(text: str, at: int, form: str) -> bool:
    """Whether the one-word name ``form`` found at ``at`` in ``text`` follows a given name of its own: a
    capitalised word, no title, no English word ("Jamal Haddad" beside the known "Kamal Haddad" short-formed "Haddad": the
    brother, not him; "Inspector Haddad", "Mr Haddad" are him)."""
    if len(form.split()) != 1:
        return False
    m = _NAME_BEFORE.search(text[:at])
    if not m or key(m.group(1)) in TITLES:
        return False
    from lemminflect import getAllLemmas
    return not getAllLemmas(m.group(1).casefold())  # "When Haddad said", "Former inspector": words, not a name


def not_its_voice(spk: str, at: int) -> bool:
    """Whether the actor named at ``at`` in a speaker phrase is only what the phrase is about:
    "internal documents from Acme", "the parent company of Instagram" (see :data:`_NOT_VOICE_HEAD`);
    "Acme's documents", "a spokesperson for Acme" and "Acme" itself are its voice or its own."""
    return bool(_NOT_VOICE_HEAD.search(spk[:at]))


# capitals after "and" that end on an organisation's word: "... and Harbours Agency", "... & Rescue Board"
_AND_ORG = _regex.compile(r"\s+(?:and|&)\s+(?:\p{Lu}[\p{L}’'-]*\s+){0,3}(?P<last>\p{Lu}[\p{L}’'-]*)(?![\p{L}’'-])")


def org_across_and(text: str, end: int) -> bool:
    """Whether the capitalised run ending at ``end`` goes on over "and" to an organisation's word
    ("Selby Ports| and Harbours Agency", "Harbour Safety| and Rescue Board"): one organisation's
    name, as a reader takes it ("Ana Ruiz and Tom Berg" is two people: no organisation word)."""
    m = _AND_ORG.match(text, end)
    return bool(m) and key(m.group("last")) in ORG_WORDS


_AND = re.compile(r"\s+(?:and|&)\s+")
# one determiner before capitals that go on over "and": "the Selby Maritime| and Port Authority"
_CAP_BEFORE = _regex.compile(r"(?<![\p{L}’'-])(?i:the)\s+(?:\p{Lu}[\p{L}’'-]*\s+){0,3}(?P<last>\p{Lu}[\p{L}’'-]*)$")


def without_name_ands(text: str) -> str:
    """``text`` with each "and" inside one organisation's name blanked ("the Harbour Safety and Rescue
    Board" reads "the Harbour Safety     Rescue Board"; offsets kept), so that it is no compound subject:
    one "the" before capitals that end on an organisation word after "and". Two organisations ("the
    Harbour Council and Port Authority": an organisation word before "and"; "Acme and Globex Bank": no
    "the") and two people keep theirs."""
    out = text
    for m in _AND.finditer(text):
        cap = _CAP_BEFORE.search(text, 0, m.start())
        if cap and key(cap.group("last")) not in ORG_WORDS and org_across_and(text, m.start()):
            out = out[:m.start()] + " " * (m.end() - m.start()) + out[m.end():]
    return out


def _strip_actor(spk: str, m) -> str:
    return spk if m is None else spk[:m.start()] + spk[m.end():]


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("the ", "").split())
INTRO = re.compile(r"(?i)^(?:\w+ly|earlier|later|meanwhile|however|separately|previously|yesterday|today|also|"
                    r"(?:last|this|next|on|in|at|since|by|until|after|before|during|under|following|despite|from)"
                    r"\b[^,]{0,50})\s*,\s*(?=\S)")
