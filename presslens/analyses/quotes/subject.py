"""The subject of a sentence as a reader finds it before reported speech: the words before the first
finite verb, read past an opening phrase ("In the evening, ..."), a description in commas ("Ana Ruiz,
who runs the port, said", "Tom Berg, the harbour master, announced") and, for a verb of saying later
in the sentence, past a first verb phrase of the same subject ("Ruiz called it a farce and said ...",
"Acme apologised, but later said ..."). :func:`framed_candidates` gives the sentence rewritten as
"subject + verb of saying + clause" for the rules of :mod:`.reported`; the clause keeps its words,
so its place in the paragraph is found as written. :func:`participle_statement` finds who a
participle of saying after a comma speaks for ("Ruiz thanked the crews, saying ...").
"""
from __future__ import annotations

import functools
import re

import regex as _regex

from presslens.text.vocabulary import (FINITE_AUXILIARIES, NOT_SUBJECT_HEADS, NOT_SUBJECT_WORDS, alternation,
                                       is_finite_verb)
from .attribution import verbs
from .resolve import INTRO, trim_speaker
from .wordclasses import FEMALE, FUNCTION, MALE, ORG_WORDS, TITLES, key

# words that show the phrase before a verb is no plain subject: "The company has denied wrongdoing
# and said", "Lee never said", "did not respond"
# "a day after Acme announced": a time, not the one who announced; "a harbour firm that said": the verb is a
# relative clause's, its subject the antecedent before; "..., stated that Globex": the words, not a source
NOT_A_SUBJECT = re.compile(rf"(?i)^(?:{alternation(NOT_SUBJECT_HEADS)})\b|\b(?:{alternation(NOT_SUBJECT_WORDS)})\b"
                           r"|n[’']t\b|(?-i:\b(?:that|which|who|whom|whose))$|^(?-i:that)\s")  # not "the WHO"
_WORD = re.compile(r"[^\s,]+|,")
# the words a writer puts between "and" and a second verb of the same subject ("and later said")
_ADVERBS = r"(?:(?:[a-z]+ly|also|later|then|further|again|still|separately|earlier|now|subsequently|too)\s+){0,2}"
_LIST_OPEN = frozenset("and or nor".split())
_DETERMINERS = frozenset("the a an this that these those his her its their our my".split())
_NAME = re.compile(r"^(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'.-]*$")
# words that open no subject: a sentence that starts with one opens with a clause or a phrase
_NOT_SUBJECT_START = frozenset("if when while as because although though since after before once until unless "
                               "whether with without despite amid during following according".split())


def _finite(words: list[str], i: int) -> bool:
    """Whether words[i] is the finite verb of its clause: an auxiliary, or a past or present form
    in lower case; a form that is also a plural noun ("teams", "reports") counts only when the
    next word is no verb ("Rescue teams said": the noun "teams", then the verb)."""
    w = words[i]
    if not w[:1].islower() or not w.isalpha():
        return False
    if w in FINITE_AUXILIARIES:
        return True
    if not is_finite_verb(w):
        return False
    if w.endswith("s") and i + 1 < len(words) and words[i + 1] != "," and \
            (words[i + 1] in FINITE_AUXILIARIES or is_finite_verb(words[i + 1])):
        return False
    return True


def main_subject(sent: str) -> tuple[str, int, bool] | None:
    """(subject, where its finite verb starts, whether a description in commas was read past) of a
    sentence that opens with its subject; None when the opening is no subject (a clause, a list, more
    than ten words before the verb, no finite verb)."""
    toks = list(_WORD.finditer(sent))
    words = [t.group(0) for t in toks]
    if not words or words[0].lower() in _NOT_SUBJECT_START:
        return None
    head_end, name, i, n_appos, after = None, None, 0, 0, 0
    while i < len(words):
        w = words[i]
        if w == ",":  # a description in commas: "Ana Ruiz, who runs the port, said", "X, however, said"
            if i + 1 >= len(words) or words[i + 1].lower() in _LIST_OPEN or n_appos == 2 or i == 0:
                return None  # "Acme, Globex and ...", ", and ...": a list, or the sentence goes on
            close = next((j for j in range(i + 1, min(len(words), i + 30)) if words[j] == ","), None)
            if close is None:
                return None
            if head_end is None:
                head_end = toks[i].start()
            inner = sent[toks[i + 1].start():toks[close - 1].end()]
            if n_appos == 0 and _NAME.match(inner):
                name = inner  # "The airline's chief executive, Ana Ruiz, said": the name speaks
            n_appos, i, after = n_appos + 1, close + 1, 0
            continue
        if _finite(words, i) and not (i and words[i - 1].lower() in _DETERMINERS):  # "the besieged president"
            if i == 0:
                return None
            subject = sent[:head_end if head_end is not None else toks[i].start()].strip()
            if name and not _NAME.match(subject):
                subject = name
            return subject, toks[i].start(), n_appos > 0
        if head_end is None:
            if i >= 10:
                return None
        else:
            after += 1  # after a description only an adverb comes before the verb ("X, the mayor, also said")
            if after > 1 or not re.fullmatch(r"[a-z]+ly|also|later|further|then|again|now|separately", w):
                return None
        i += 1
    return None


@functools.lru_cache(maxsize=1)
def _second_verb() -> re.Pattern:
    """A second verb of saying after "and" or "but", with at most two adverbs between: "and said",
    ", but later confirmed"."""
    return re.compile(rf"(?:,\s+|\s+)(?:and|but)\s+{_ADVERBS}(?P<verb>(?-i:{verbs()['rx']}))\b")


# a name, its description and a relative pronoun: "..., Acme, a harbour firm that said ...": the name speaks
_RELATIVE_SOURCE = re.compile(r"(?:^|(?<=[\s,]))(?P<ante>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3}),\s+(?:a|an|the)\s+"
                              r"[^,;:\"“”]{1,60}?\s+(?:that|which|who)\s+(?=[a-z])")


def framed_candidates(sent: str) -> list[str]:
    """The sentence as "subject + verb of saying + its clause", read past an opening phrase, a
    description in commas, or a first verb phrase of the subject, or a relative clause's antecedent
    ("..., Acme, a harbour firm that said ..."); [] when none of these applies."""
    rel = [f"{m.group('ante')} {sent[m.end():]}" for m in _RELATIVE_SOURCE.finditer(sent)
           if _relative_says().match(sent, m.end())][:1]
    return _framed(sent) + rel


@functools.lru_cache(maxsize=1)
def _relative_says() -> re.Pattern:
    """A verb of saying in a relative clause, then "that" or the clause's subject ("that said the
    problem ...", "which announced it would ..."; not "that has claimed at least 27 lives")."""
    return re.compile(rf"(?:{verbs()['rx']})\s+(?:that\s|(?:the|a|an|it|he|she|they|we|its|his|her|their|this|"
                      r"these|those)\s)")


def _framed(sent: str) -> list[str]:
    s = sent
    for _ in range(2):  # "In the evening, ...", "Later, in a statement, ..."
        m = INTRO.match(s)
        if m:
            s = s[m.end():]
    found = main_subject(s)
    if not found:
        return []
    subject, v, appos = found
    if "," in subject:
        return []
    out = []
    rest = s[v:]
    if appos:
        out.append(f"{subject} {rest}")
    second = _second_verb().search(rest)
    # the same subject goes on with a second verb only when no subject of its own stands between ("Ruiz
    # apologised, however, Berg refused ... and later confirmed": Berg confirmed)
    if second and not re.search(r"[.;:!?]\s", rest[:second.start()]):
        nearer = _new_subject(rest[:second.start()])  # "..., however, Berg refused ... and later confirmed"
        if nearer is None:
            out.append(f"{subject} {rest[second.start('verb'):]}")
        elif "," not in nearer:
            out.append(f"{nearer} {rest[second.start('verb'):]}")
    issued = _ISSUED.match(rest)
    if issued:  # "The consulate issued a statement confirming that ...": the subject's own statement
        out.append(f"{subject} {rest[issued.start('verb'):]}")
    return out


# a statement its subject issued, then what it says in a participle of saying: "issued a statement saying",
# "released a short statement on Friday confirming that", "put out a notice on its website stating"
_ISSUED = re.compile(r"(?:also\s+|later\s+|then\s+)?(?:issued|released|put\s+out|published|posted|sent\s+out)\s+"
                     r"(?:a|an|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:statement|message|notice|communiqu[eé]|"
                     r"release|note)(?:\s+[^,;:\"“”]{1,50}?)??\s+(?P<verb>saying|stating|confirming|announcing|"
                     r"explaining|noting|warning|adding)\s+(?=\S)")


_RELATIVE = frozenset("which who whom whose that where when".split())


def _new_subject(stretch: str) -> str | None:
    """The last subject of its own that a stretch after a first verb holds after a comma, the subject
    of a second verb later on (", however, Berg refused ... and confirmed"); None when there is only a
    relative clause (", which was closed,") or a verb phrase of the same subject (", thanked them and")."""
    last = None
    for c in re.finditer(r",\s+(?:(?:however|but|yet|and|while|though|although)\s*,?\s+)?", stretch):
        found = main_subject(stretch[c.end():])
        if found and found[0].split()[0].lower() not in _RELATIVE | _LIST_OPEN:
            last = found[0]
    return last


def has_finite_verb(clause: str) -> bool:
    """Whether a clause holds a finite verb of its own (:func:`_finite`), not one that modifies the
    noun after a determiner or a possessive ("the U.S.'s continued dominance", "the besieged president")."""
    words = [w for w in _WORD.findall(clause) if w != ","]
    return any(_finite(words, i) and not (i and (words[i - 1].lower() in _DETERMINERS or
                                                 re.search(r"[’']s$", words[i - 1])))
               for i in range(len(words)))


# a statement made by the subject of the sentence through a participle after a comma: "Ruiz thanked the
# crews, saying the wall would be rebuilt", "..., telling reporters that ...", "..., stating that ..." (the comma
# may close a quoted word first: 'called it “precautionary,” saying ...')
_PARTICIPLE = re.compile(r",[”\"’']?\s+(?P<verb>saying|stating|telling|adding|insisting|arguing|warning|noting|explaining|"
                         r"claiming|suggesting|maintaining|confirming|pointing\s+out|indicating|stressing|emphasi[sz]ing|"
                         r"acknowledging|asserting|declaring|announcing|revealing|reiterating|assuring|contending)\s+(?:(?<=telling\s)(?:reporters|journalists|the\s+media|the\s+press|(?:the\s+)?"
                         r"[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,2})\s+)?"
                         # where it was said, before the words: "saying in a statement ...", "adding on social media"
                         r"(?:(?:in|on)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:statement|interview|post|"
                         r"letter|video|release|speech|briefing)\s+|on\s+social\s+media\s+)?"
                         r"(?P<that>that\s+)?(?P<clause>(?!that\s+[\"“])[^\"“”].{7,})$")
# the subject opening a sentence, before its first verb in the past or present ("Ruiz thanked", "The
# agency has warned"): words without a comma, at most six
_OPENING_SUBJECT = re.compile(r"^(?P<spk>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+(?:[a-z]+ly\s+)?(?:has\s+|had\s+)?"
                              r"(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bthe )(?<!\ba )[a-z]+(?:ed|s)\b")


def participle_statement(sent: str) -> tuple[re.Match, str] | None:
    """(match of :data:`_PARTICIPLE`, source phrase) of a sentence that goes on after a comma with a
    participle of saying ("Ruiz thanked the crews, saying ..."): the participle speaks for the
    sentence's opening subject, else for the source of the quote before it or the subject read past
    an opening phrase (:func:`_participle_subject`); None when the participle has a subject of its
    own ("with some saying ...") or no subject is found."""
    pm = _PARTICIPLE.search(sent)
    if not pm or re.search(r"(?i)\bwith\s+(?:\S+\s+){1,3}$", sent[:pm.start("verb")]):
        return None
    sm = _OPENING_SUBJECT.match(sent)
    if sm and sm.end() <= pm.start() and not NOT_A_SUBJECT.search(trim_speaker(sm.group("spk"))) and \
            not has_finite_verb(sm.group("spk")):  # "Residents in Selby began reporting floods": "floods" is no verb
        return pm, sm.group("spk")
    # "Ruiz, the mayor, sent a message, saying ...", '“...,” the young man said, confirming that ...'
    spk = _participle_subject(sent[:pm.start()])
    return (pm, spk) if spk else None


# the source of a quote just before a participle: '“...,” the young man said, confirming ...', '..., said Ruiz, adding'
@functools.lru_cache(maxsize=1)
def _quote_source() -> re.Pattern:
    """The source of the quote just before a participle, with any verb of saying: '“...,” he commented'."""
    v = verbs()["rx"]
    return re.compile(rf"[”\"’]\s*,?\s+(?:(?P<spk>[^,”\"’]{{2,60}}?)\s+(?-i:{v})|(?-i:{v})\s+(?P<spk2>[^,”\"’]{{2,60}}?))\s*$")


def _participle_subject(head: str) -> str | None:
    """Who a participle of saying after a comma speaks for, when the sentence does not open with a
    plain subject: the source of the quote just before it, or the sentence's subject read past an
    opening phrase and a description in commas (:func:`main_subject`)."""
    q = _quote_source().search(head)
    if q:
        return q.group("spk") or q.group("spk2")
    for _ in range(2):
        m = INTRO.match(head)
        if m:
            head = head[m.end():]
    found = main_subject(head)
    if not found or "," in found[0] or NOT_A_SUBJECT.search(trim_speaker(found[0])) or found[0][:1] in "“\"‘'«„":
        return None
    return found[0]


# a first name alone, introduced as a person: "Jeff, a 65-year-old Canadian in Selby, said ...", "Maria, a
# nurse at the clinic, said ..."
_INTRODUCED = _regex.compile(r"^(?P<name>\p{Lu}[\p{Ll}’'-]+),\s+(?:a|an)\s+(?P<desc>[^,;:\"“”]{3,60}),\s+(?=\p{Ll})")
_PERSON_WORDS = frozenset("resident worker student teacher nurse driver owner fisherman survivor witness "
                          "volunteer employee tourist visitor local neighbour neighbor victim passenger fan".split())


def introduced_name(sent: str) -> str | None:
    """The first name that opens a sentence and is introduced there as a person (an age, a title or
    role, a word for a person in its description); None otherwise ("Harbourwire, a news site, said")."""
    m = _INTRODUCED.match(sent)
    if not m or key(m.group("name")) in FUNCTION | ORG_WORDS | TITLES:
        return None
    desc = re.split(r"\s+(?:at|in|of|from|for|with|on|who|whose|and)\b", m.group("desc"))[0]  # "a nurse at the clinic"
    if re.match(r"\d+-year-old\b", desc) or key(desc.split()[-1]) in TITLES | MALE | FEMALE | _PERSON_WORDS:
        return m.group("name")
    return None
