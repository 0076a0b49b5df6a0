"""Who speaks, read in one article: a speaker phrase, a comma lead-in, or a short quote's
clause resolved through what the article says of its people (:mod:`.people`) after the story-wide
rules of :mod:`.resolve`: a pronoun's antecedent, a short name, a definite description ("the
46-year-old", "the chancellor"), an unnamed person ("a woman"), an organisation as written. Lead-ins that announce the words (a
colon, a headline label, a paragraph introducing the next one's quote) are read in :mod:`.lead_in`."""
from __future__ import annotations

import functools
import re

import regex as _regex

from presslens.story.model import Story
from presslens.text import segment
from presslens.text.vocabulary import MONTHS, WEEKDAYS
from .ambiguity import ADDRESSED, reply_to_question, reporter_before, rivalled, several_people
from .people import SENT_END, People, Person
from .resolve import resolve_speaker, speaker_entry, trim_speaker
from .whose_role import COMPANY_HEADS, another_body
from .subject import main_subject
from .wordclasses import FUNCTION, ORG_WORDS, QUESTION, TITLES, key


# "a woman", "one researcher", "some friends", "many": a person the text does not name
_ANON_PERSON = re.compile(r"(?i)^(?:a|an|one|another|some|several|many|two|three|other)\b(?:\s+[\w’'-]+){1,4}$|^many$")
_NOT_ORG = frozenset("north south east west central northern southern eastern western international world global "
                     "day week month summit conference forum festival games cup".split()) | frozenset(WEEKDAYS + MONTHS)
# (a weekday or a month is a time, never a body that speaks: "the Monday said" names no one)
_DOCUMENT = re.compile(r"(?i)^(?:note|statement|letter|report|document|memo|release|communiqu[eé]|filing|ruling|"
                       r"order|verdict|complaint|lawsuit|study|survey|post|tweet|message)s?$")
# the head of such a phrase names a person: "a woman", "one researcher", "some friends", "local residents"
_PERSON_NOUN = re.compile(r"(?i)(?:(?:\b|\w(?=(?:man|men|woman|women)$))(?:man|men|woman|women|person|people|friends?|residents?|locals?|witness(?:es)?|"
                          r"workers?|sources?|officials?|experts?|fans?|viewers?|survivors?|relatives?|neighbou?rs?|"
                          r"mother|father|parents?|child(?:ren)?|boy|girl|lady|guy|member|members|staff|voters?|"
                          r"doctors?|nurses?|patients?|students?|teachers?|users?|many)|\w{3,}(?:er|ers|ist|ists|ian|"
                          r"ians|or|ors|ent|ents|ant|ants))$")
# "the chancellor", "the 46-year-old", "the player": a person named before, by a definite description
_DEFINITE_PERSON = re.compile(r"(?i)^the\s+(?:(?:former|then|acting|new|\w+ish|\w+an|[\d-]+-year-old)\s+)*"
                              r"(?P<head>[\w-]+(?:\s+minister|\s+secretary|\s+general)?)$")


# "the agency", "the country's health ministry", "the federation": an organisation named before
_DEFINITE_ORG = re.compile(r"(?i)^the\s+(?:[\w’'-]+\s+){0,3}(?P<head>[a-z]{3,})$")


def article_speaker(spk: str, story: Story, people: People, paragraphs: list[str], p_idx: int, pos: int,
                    last_person: str | None, direct: bool = True, verb: str | None = None) -> tuple:
    """(speaker, kind, actor) for a speaker phrase at (paragraph, position) of an article: the
    story-wide rules of :func:`resolve_speaker` first, then what this article says of its people
    (a pronoun's antecedent, a short name, a definite description, an unnamed person)."""
    phrase = trim_speaker(spk)
    # "She later", "He further": a pronoun and an adverb; "Ricardo, a resident", "Ruiz, speaking after the
    # vote": a name and its description
    phrase = re.sub(r"(?i)^(he|she|it|they)\s+(?:later|further|again|then|also|once|still|previously|earlier|"
                    r"subsequently|too|now)$", r"\1", phrase)
    if "," in phrase and several_people(phrase):
        return None, None, None  # "Ruiz, Berg, and Jones told": the list speaks, not its last name alone
    # "Acme, in summarizing the measures,": an aside of what the subject was doing, not the subject
    aside = re.search(r",\s+(?:in|while|when|after|before|by)\s+[a-z]+ing\b[^,]*,?$", phrase)
    if aside:
        phrase = spk = phrase[:aside.start()]
    appos = re.match(r"^([^,]{2,60}),\s+(?:a|an|the|his|her|its|their|[\w-]+['’]s|[a-z]+ing)\s+[^,]+,?$", phrase)
    titled = re.match(r"^((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'.-]*),\s+([\w-]+)\s[^,]+,?$", phrase)
    if appos is None and titled and key(titled.group(2)) in TITLES:
        appos = titled  # "Tom Berg, co-founder of Globex": the name, its title after it
    if appos:
        phrase = spk = appos.group(1)
    elif "," in phrase:  # "In an Instagram video during the celebrations, the 33-year-old": the clause's subject
        tail = phrase.rsplit(",", 1)[1].strip()
        if 0 < len(tail.split()) <= 6:
            phrase = spk = tail
    low = phrase.lower()
    if low in ("he", "she"):
        g = "m" if low == "he" else "f"
        p = reply_to_question(people, paragraphs, p_idx, pos, g, verb)  # "X asked Y ... He replied": Y
        if p is not None:
            return person_entry(story, people, p)
        # a person named only after a preposition ("the try from Tom Berg ..., he said") is the last a "he"
        # points to: a subject further back, or the one the last "he" was (the man speaking all along), comes first
        p = people.antecedent(p_idx, pos, g, oblique=False) or people.antecedent(p_idx, pos, g, back=8, oblique=False) \
            or (None if people.entries else people.chain.get(g)) or people.antecedent(p_idx, pos, g) \
            or people.antecedent(p_idx, pos, g, back=8)
        if p is not None and rivalled(people, paragraphs, p_idx, pos, g, p):
            return None, None, None  # two people it could be: left unknown, not guessed
        if p is None and not people.entries:  # the last person quoted, unless the text gave them the other
            # gender; in a live blog, nobody (the entry above was written later, about something else)
            p = people.find(last_person) if last_person else None
            p = p if p is None or p.could_be(g) else None
        if p is not None and p.name:
            p.referred_to_as(g)
            people.chain[g] = p
        return person_entry(story, people, p) if p and p.name else (None, None, None)  # an unnamed person: not guessed
    if low == "it":
        rep = reporter_before(paragraphs, p_idx, pos)  # "Harbour Daily reported that ... It said": Harbour Daily
        if rep and people.find(rep) is None:
            who = resolve_speaker(rep, story, None)
            return who if who[1] == "role" else (rep, "role", None)
        actor = people.actor_before(paragraphs, p_idx, pos)
        return (actor, "role", actor) if actor else (None, None, None)
    if low == "they":  # "The federation ... in a statement in which they concluded": an organisation of the sentence
        par = paragraphs[p_idx]
        back = max(0, pos - people.LOOK_BACK)  # the sentence's start, looked for near it: a long paragraph costs no square
        start = max([back] + [m.end() for m in SENT_END.finditer(par, back, max(0, pos))])
        actor = people.actor_before([par[start:pos]], 0, pos - start)
        return (actor, "role", actor) if actor else (None, None, None)
    if several_people(phrase):
        return None, None, None  # "Ruiz and Jones said": two speakers, neither alone
    who = resolve_speaker(spk, story, last_person)
    titled = _TITLE_OF.match(phrase)
    title = titled and (titled.group("title") or titled.group("title2"))
    if who[1] in (None, "named") and title and key(title) in TITLES:
        # "the governor of Harbour State": the person the article introduced with that title, or the
        # description as written (a role: the office speaks), never the place it is the title of
        p = people.by_title(key(title))
        return person_entry(story, people, p) if p is not None and p.name else (phrase[:1].lower() + phrase[1:], "role", None)
    col = _collective(phrase)
    if who[1] in (None, "named") and col and not re.search(r"(?i)\b(?:and|or|nor|not|of|who|which|that)\b", phrase):
        # "local authorities", "Harbour State officials", "experts": a collective source, as the text says; "its
        # organisers", "their members": the people of a body named before (a role of it, like "its spokesperson")
        kind = "role" if col.group("head").lower() in _INSTITUTIONAL or re.match(r"(?i)(?:its|their)\s", phrase) else "anonymous"
        return phrase[:1].lower() + phrase[1:] if not _regex.match(r"\p{Lu}\p{Ll}+\s+\p{Lu}", phrase) and \
            key(phrase.split()[0]) in FUNCTION | _QUANTITY else phrase, kind, who[2]
    if who[1] == "named" and who[2] is None and " " in who[0] and key(who[0].split()[-1]) in ORG_WORDS - _NOT_ORG \
            and people.find(who[0]) is None:
        return who[0], "role", None  # "Harbour Daily", "Harbour Rescue Agency": an organisation by its name
    if who[1] == "named":
        p = people.find(who[0])
        if p is not None and p.name != who[0] and p.name.endswith(" " + who[0]) and \
                any(a.name == who[0] for a in story.actors):
            return who  # "Regional Director for Ports Ana Ruiz": the story's Ana Ruiz, not "Ports Ana Ruiz"
        if p is not None and (p.name != who[0] or (who[2] is None and p.actor)):
            return person_entry(story, people, p)  # "President Ana Ruiz" is Ana Ruiz
        return who
    if who[0] is not None and who[1] != "role":
        return who
    if who[0] is None or who[2] is None:
        p = people.find(_regex.sub(r"^\P{Lu}*", "", phrase)) if _regex.search(r"\p{Lu}", phrase) and \
            not _regex.search(r"\p{Lu}[\w-]*['’]s\s+\p{Ll}", phrase) else None  # "Tom Berg's lawyer" is not Berg
        if p is not None:
            return person_entry(story, people, p)
        org = _DEFINITE_ORG.match(phrase)
        if org and another_body(phrase):  # "the parent company": not the company named before
            return phrase[:1].lower() + phrase[1:], "role", None
        if org and (org.group("head").lower() in COMPANY_HEADS or not _PERSON_NOUN.search(phrase)) and \
                key(org.group("head")) not in TITLES:
            actor = people.actor_before(paragraphs, p_idx, pos, org.group("head").lower())
            if actor:  # "the agency said", "the country's health ministry said": the actor named before
                return actor, "role", actor
        d = _DEFINITE_PERSON.match(phrase)
        if d:
            head = d.group("head").lower()
            p = people.by_title(head.split()[-1])
            if p is None and re.search(r"\d-year-old$", head):
                p = people.antecedent(p_idx, pos, None) or people.antecedent(p_idx, pos, None, back=8)
            if p is not None and p.name:
                return person_entry(story, people, p)
            if who[0] is None and (_PERSON_NOUN.search(phrase) or head in TITLES or _DOCUMENT.search(head)):
                return phrase[:1].lower() + phrase[1:], "role", None  # "the player", "the note": as the text says
        if who[0] is None and re.match(r"(?i)the\s", phrase) and len(phrase.split()) <= 8 and \
                any(key(w) in ORG_WORDS - _NOT_ORG for w in phrase.split()):
            return phrase[:1].lower() + phrase[1:], "role", None  # "the Ministry of Transport": as the text says
        if who[0] is None and _ANON_PERSON.match(phrase) and _PERSON_NOUN.search(phrase):
            return (phrase[:1].lower() + phrase[1:] if phrase[:1].isupper() and " " in phrase else phrase), "anonymous", None
        if direct and who[0] is None and _regex.fullmatch(r"\p{Lu}[\p{Ll}’'-]+", phrase) and \
                key(phrase) not in FUNCTION | ORG_WORDS | TITLES:
            return phrase, "named", None  # one name the article gives ("Carolina said")
        if who[0] is None and _RELATION.match(phrase):
            return phrase[:1].lower() + phrase[1:], "anonymous", None  # "their sister", "his lawyer": as the text says
        if who[0] is None and _regex.fullmatch(r"(?:\p{Lu}[\w’'.&-]*\s+){1,4}\p{Lu}[\w’'.-]*", phrase) and \
                key(phrase.split()[-1]) in ORG_WORDS - _NOT_ORG:
            return phrase, "role", None  # "Harbour Daily", "Harbour Rescue Agency": an organisation by its name
    return who


# a title with what it is the title of: "the governor of Harbour State", "the head of the agency", "the
# party's chairman"
_TITLE_OF = re.compile(r"(?i)^the\s+(?:(?:former|acting|interim|deputy|new)\s+)?(?P<title>[a-z]+)\s+of\s+[^,;]{2,60}$|"
                       r"^the\s+[\w’'.-]+['’]s\s+(?:(?:former|acting|interim|deputy|new|chief|top|[\w-]+)\s+)?(?P<title2>[a-z]+)$")
# someone known by their tie to a person of the story: "their sister", "his lawyer"
_RELATION = re.compile(r"(?i)^(?:his|her|their)\s+(?:[\w’'-]+\s+)?(?:sister|brother|mother|father|son|daughter|wife|"
                       r"husband|partner|parents|family|friend|friends|cousin|uncle|aunt|lawyer|lawyers|attorney|"
                       r"attorneys|agent|spokes(?:person|man|woman)|representative|relatives)$")
# the plural head of a collective source: an institution's people, or a group the text does not name,
# maybe with where they are ("officials in Harbour State")
_INSTITUTIONAL = frozenset("authorities officials prosecutors police investigators regulators forecasters lawmakers "
                           "legislators diplomats rescuers negotiators delegates ministers judges senators inspectors "
                           "monitors firefighters soldiers troops spokespeople representatives".split())
_QUANTITY = frozenset("some many several most few other others local".split())
_COLLECTIVE = re.compile(r"(?i)^(?:the\s+|some\s+|many\s+|several\s+|most\s+|other\s+)?(?:[\w’'.-]+\s+){0,3}"
                         r"(?P<head>authorities|officials|prosecutors|police|investigators|regulators|forecasters|"
                         r"lawmakers|legislators|diplomats|rescuers|experts|scientists|researchers|analysts|observers|"
                         r"residents|witnesses|doctors|medics|survivors|locals|activists|campaigners|critics|"
                         r"organi[sz]ers|relatives|media|outlets|newspapers|broadcasters|negotiators|delegates|"
                         r"ministers|judges|senators|inspectors|monitors|firefighters|soldiers|troops|spokespeople|"
                         r"representatives|leaders|supporters|voters|protesters|demonstrators|seismologists|"
                         r"meteorologists|economists|nurses|teachers|students|workers|employees|fans|members)(?:\s+(?:in|at|from)\s+[^,]{2,40})?$")
# or any plural agent noun the list lacks ("officers", "engineers", "pathologists"): people who act, by their
# suffix, after a determiner or words of a name ("Selby harbour officers"), none of them a function word
# ("although engineers" is a clause's start), "others" and its like excepted
_AGENTS = re.compile(r"(?i)^(?:the\s+|some\s+|many\s+|several\s+|most\s+|other\s+)?(?P<mods>(?:[\w’'.-]+\s+){0,2})"
                     r"(?P<head>[a-z]{3,}(?:ers|ors|ists|ians))(?:\s+(?:in|at|from)\s+[^,]{2,40})?$")


def _collective(phrase: str) -> re.Match | None:
    """A collective source's match (:data:`_COLLECTIVE`, else :data:`_AGENTS`), None for a quantity ("others")."""
    col = _COLLECTIVE.match(phrase)
    if col is None:
        col = _AGENTS.match(phrase)
        if col and any(key(w) in FUNCTION for w in col.group("mods").split()):
            return None
    return col if col is None or col.group("head").lower() not in _QUANTITY else None


def person_entry(story: Story, people: People, p: Person) -> tuple:
    p.spoke = True
    if p.listed:
        return speaker_entry(story, p.name)
    return p.name, "named", p.actor


@functools.lru_cache(maxsize=4)
def _verb_rx(verbs_rx: str) -> re.Pattern:
    return re.compile(rf"(?<![\w'’])(?:{verbs_rx})\b")


def clause_subject(people: People, story: Story, p_idx: int, par: str, a: int, verbs_rx: str) -> tuple | None:
    """The speaker of a short quote inside a sentence whose reporting verb comes before it but whose
    subject the phrase rules cannot read ('Ruiz refused to resign, calling the ruling "a farce"',
    'Ruiz, a nurse for 20 years, had said on a video that she "did not like it"'): the sentence's
    subject when it is a person the article names, and nobody else is named between it and the verb."""
    start = max([0] + [m.end() for m in SENT_END.finditer(par, 0, max(0, a - 1))])
    sent = par[start:a]
    ms = [m for m in people.mentions if m[0] == p_idx and start <= m[1] < a]
    subj = [m for m in ms if m[4] is True and m[3].name]
    if not subj or subj[0][1] - start > 80 or QUESTION.search(sent) or ADDRESSED.search(sent):
        return None
    verbs_at = [m.start() for m in _verb_rx(verbs_rx).finditer(sent, subj[0][2] - start)]
    if not verbs_at:
        return None
    s0 = subj[0]
    verb = next((v for v in verbs_at if start + v > s0[2]), None)
    if verb is None or re.search(r"(?i)\bwith\s+(?:[\w’'-]+\s+){1,3}$", sent[:verb]):
        return None  # "..., with many labelling it": the participle has a subject of its own
    if _NEGATION.search(sent[:verb]) or _PASSIVE_AFTER.match(sent, verb + len(_verb_rx(verbs_rx).match(sent, verb)[0])):
        return None  # "Berg was called a “hero” by the council": the subject is who is called, not who speaks
    rel = _RELATIVE_ASIDE.match(par, s0[2])  # "Ruiz, whose town took in Berg after he was hurt, said ...": the
    aside = range(rel.start(), rel.end()) if rel else range(0)  # relative clause's people are not the subject
    if any(m is not s0 and s0[2] <= m[1] < start + verb and m[1] not in aside for m in ms):
        return None  # someone else named between the subject and the verb
    if people.actor_between(par, s0[2], start + verb):
        return None  # an organisation named there may be the one that speaks
    group = _GROUP_TAIL.match(par, s0[2])
    if group:  # "Ruiz and her teammates called for “...”": the group speaks, not its first member
        return article_speaker(par[s0[1]:group.end()], story, people, [par], 0, s0[1], None)
    return person_entry(story, people, s0[3])


# a relative clause in commas right after a name, without a quotation mark or a sentence end inside
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|whose)\s[^,;:.!?\"“”]{3,160},")
# the rest of a group named by one member: "(Ruiz) and her teammates", "(the mayor) and his deputies"
_GROUP_TAIL = re.compile(r"\s+and\s+(?:his|her|their)\s+[\w’'-]+")


# what ends the subject phrase of a verb, looking back from it: a clause boundary
_BOUNDARY = re.compile(r"(?i)(?:[,;:–—(]|\b(?:that|when|after|while|as|because|since|before|once|although|though|and|"
                       r"but|so|whereas|where|if|unless)\b)")
# words between a subject and its verb that are not the subject ("then apparently", "for weeks
# defiantly", "has", "would"), and the "to" of an infinitive ("the government to denounce")
_NOT_SUBJECT_TAIL = re.compile(r"(?i)(?:\s+(?:\w+ly|then|also|later|again|still|even|already|now|once|first|has|have|had|"
                               r"would|will|could|did|does|do|to|for\s+\w+))+\s*$")
_NEGATION = re.compile(r"(?i)\b(?:not|never|no|n[’']t|refused\s+to|declined\s+to|failed\s+to|without|was|were|been)"
                       r"(?:\s+\w+ly)?\s*$")
# a participle with its agent or charge right after it: a passive ("accused of “...”", "described by the mayor as")
_PASSIVE_AFTER = re.compile(r"\s+(?:of|by)\b")
# a phrase that is no subject: it opens with a preposition or an adverb ("for weeks", "in a statement")
_PREPOSITIONAL = re.compile(r"(?i)^(?:in|on|at|for|with|from|by|during|after|before|over|under|despite|amid|via|"
                            r"through|of|about|\w+ly)\b")
# a description in commas after a name (apposition) or a relative clause: skipped back over
_DESCRIPTION = re.compile(r"(?i)^\s*(?:who|whose|which|a|an|the|his|her|its|their|[a-z][\w’'-]*(?:\s|$))")


def verb_subject(people: People, story: Story, paragraphs: list[str], p_idx: int, par: str, a: int,
                 last_person: str | None, verbs_rx: str, short: bool) -> tuple | None:
    """(speaker phrase, (speaker, kind, actor), verb) for a quote whose sentence has a reporting verb
    before it that the phrase rules could not give a speaker: the subject of the verb nearest the
    quote ('Ruiz claimed she was the victim of "false critics"', 'when the mayor stated that the
    storm "raised the sea"', 'the council to denounce his "reckless acts"'); for a verb joined by
    "and" or a participle after a comma ('Ruiz refused to resign, calling it "a farce"'), the
    subject of the sentence. None when the verb is negated or passive, when the subject is no one
    the article names, or when the quote is long and stands far from the verb."""
    start = max([0] + [m.end() for m in SENT_END.finditer(par, 0, max(0, a - 1))])
    sent = par[start:a]
    if len(sent) > 500 or QUESTION.search(sent):
        return None
    inside = segment.quote_spans(sent).spans
    cands = [m for m in _verb_rx(verbs_rx).finditer(sent) if not any(x <= m.start() < y for x, y in inside)
             and not re.search(r"(?i)\b(?:the|a|an|its|their|his|her)\s+$|\w['’]s\s+$", sent[max(0, m.start() - 6):m.start()])]
    if not cands:
        return None
    v = cands[-1]
    gap = sent[v.end():]
    if len(gap) > (200 if short else 80) or _verb_rx(verbs_rx).search(gap):
        return None
    head = sent[:v.start()]
    if v.group(0).endswith("ing"):
        # "is also warning": progressive, not passive
        head = re.sub(r"(?i)\s(?:is|are|was|were|been)(?:\s+(?:\w+ly|also|still|now|again))*\s*$", " ", head)
        absolute = re.search(r"(?i)\bwith\s+((?:[\w’'-]+\s+){1,3})$", head)
        if absolute:  # "..., with many labelling the kiss “disgusting”": the participle's own subject
            who = article_speaker(absolute.group(1), story, people, paragraphs, p_idx, start + v.start(), last_person)
            return (absolute.group(1).strip(), who, v.group(0)) if who[0] is not None else None
    if _NEGATION.search(head) or (v.group(0).endswith("ed") and _PASSIVE_AFTER.match(sent, v.end())):
        return None  # "never called it", "refused to describe", "was described as", "residents accused of “...”"
    phrase = _phrase_before(head, verbs_rx)
    if phrase == "":
        return None  # "Acme and Globex called", "Acme, not Globex, called": not one speaker
    if phrase is None or v.group(0).endswith("ing") and re.search(r",\s*$", head):
        phrase = sentence_subject(sent)  # '..., calling it "a farce"', '... and claimed that ...'
    if not phrase:
        return None
    who = article_speaker(phrase, story, people, paragraphs, p_idx, start + v.start(), last_person)
    if who[0] is None or (who[1] == "role" and who[2] is None and not re.match(r"(?i)the\s", phrase)):
        return None
    return phrase, who, v.group(0)


def _phrase_before(head: str, verbs_rx: str) -> str | None:
    """The subject phrase right before a verb; None when the verb has none of its own (it is joined
    by "and", or opens with a preposition); "" when it has more than one or another's ("Acme and
    Globex called", "Acme, not Globex, called", "Acme, the Courier reported, called")."""
    head = _NOT_SUBJECT_TAIL.sub("", head)
    cuts = list(_BOUNDARY.finditer(head))
    while cuts:
        last = cuts[-1]
        phrase = head[last.end():].strip()
        if phrase:
            if last.group(0).lower() in ("and", "or"):
                before = head[cuts[-2].end() if len(cuts) > 1 else 0:last.start()]
                if not re.search(r"\b(?:[a-z]+ed|[a-z]+s|[a-z]+ing|to\s+[a-z]+|is|are|was|were|has|had|will|would)\b", before):
                    return ""  # a compound subject: "Acme and Globex called"
            break
        if last.group(0) == "," and len(cuts) >= 2:  # "Ruiz, who was fined last year, said": back over the description
            seg = head[cuts[-2].end():last.start()]
            if re.match(r"(?i)\s*(?:not|but|rather|instead|unlike)\b", seg) or _verb_rx(verbs_rx).search(seg):
                return ""  # "Acme, not Globex, called", "Acme, the Courier reported, called"
            if _DESCRIPTION.match(seg):
                head = head[:cuts[-2].start()] if cuts[-2].group(0) == "," else head[:cuts[-2].end()]
                cuts = list(_BOUNDARY.finditer(head))
                if not cuts:
                    phrase = head.strip()
                    break
                continue
        return None  # "... and said": the subject is the sentence's
    else:
        phrase = head.strip()
    pron = re.search(r"(?i)(?:^|\s)(he|she|they|we|i)$", phrase)
    if pron:  # "Despite the speculation he": a pronoun is a whole subject; what is before it is not
        return pron.group(1)
    if not phrase or _PREPOSITIONAL.match(phrase) or len(phrase.split()) > 8:
        return None
    return phrase


def sentence_subject(sent: str) -> str | None:
    """The subject of a sentence: the words before its first verb, after an opening phrase
    ("In a statement last Friday, Ruiz said" -> "Ruiz"; "He refused" -> "He")."""
    s = re.sub(r"^\W*(?:(?:in|on|at|during|after|despite|following|while|when|as|with|for|earlier|later|meanwhile)\b"
               r"[^,]{0,120},\s*)+", "", sent, flags=re.IGNORECASE)
    # (a noun after a determiner is no verb: "Ruiz and her deputies called", "the officials said")
    m = re.match(r"^\W*(?P<subj>(?:[\w’'.-]+\s+){0,7}?)(?:[a-z]+ly\s+)?(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bits )"
                 r"(?<!\bthe )(?<!\ba )(?<!\ban )(?:has|had|have|was|is|were|are|would|will|[a-z]+ed|[a-z]+s)\b", s)
    subj = m.group("subj").strip() if m else ""
    return subj if subj and not _PREPOSITIONAL.match(subj) else None


# a participle of naming or judging that opens its sentence: 'Calling Berg an "outstanding sailor" for ..., Ruiz
# said': the words are those of the main clause's subject, after the comma that closes the phrase
_OPENING_PARTICIPLE = re.compile(r"^\W*(?P<verb>Calling|Describing|Dubbing|Labell?ing|Branding|Praising|Hailing|Terming|"
                                 r"Condemning|Denouncing|Slamming|Welcoming)\s+[^,;:.!?\"“”‘’]{1,80}$")


def opening_participle_subject(people: People, story: Story, paragraphs: list[str], p_idx: int, par: str, a: int,
                               b: int, last_person: str | None) -> tuple | None:
    """The speaker of a short quote inside a participle phrase that opens its sentence ('Calling Berg an
    "outstanding sailor" for serving the town, Ruiz said ...'): the subject of the main clause after the
    phrase's comma, when it is someone the article names or an organisation's role, with the phrase and
    the participle (speaker, kind, actor, phrase, verb); None otherwise."""
    start = max([0] + [m.end() for m in SENT_END.finditer(par, 0, max(0, a - 1))])
    opening = _OPENING_PARTICIPLE.match(par[start:max(start, a - 1)])
    if not opening:
        return None
    rest = re.match(r"[”\"’']?[^,;:.!?\"“”‘’]{0,80},\s+", par[b:])
    found = main_subject(par[b + rest.end():]) if rest else None
    if not found or "," in found[0]:
        return None
    who = article_speaker(found[0], story, people, paragraphs, p_idx, b + rest.end(), last_person)
    if who[0] is None or who[1] == "anonymous" or (who[1] == "role" and who[2] is None):
        return None
    return (*who, found[0], opening.group("verb").lower())
