"""Reported speech whose source comes after the words (cataphora): "The quay will reopen next week,
the Port Authority said.", "..., said Ana Ruiz, the mayor.", "..., according to Globex." The reader
decides by the end of the sentence: a comma, a source, a verb of saying (or "according to") and
nothing after them but when and where it was said. The clause before the comma is the reported
content. Nothing is given when the evidence is weak: the clause is too short to be a statement,
opens as a question or a condition, holds a whole quotation, or the source does not resolve to
someone (a person, an organisation, a collective source such as "local authorities").
"""
from __future__ import annotations

import functools
import re

from presslens.text import segment
from presslens.text.vocabulary import (AUXILIARIES, COORDINATORS, FINITE_AUXILIARIES, OCCASION_PREPOSITIONS, PERIODS,
                                       PHRASE_PREPOSITIONS, QUESTION_WORDS, RELATIVES, SAYING_VERBS, SUBORDINATORS,
                                       TIME_ADVERBS, TIME_OPENERS, WEEKDAYS, alternation)
from .attribution import verbs
from .resolve import SHORT
from .subject import has_finite_verb
from .wordclasses import TITLES, key

# verbs that report words when the source follows the words ("..., the agency announced")
_SAYING = SAYING_VERBS
# what may follow the verb: when, where, to whom or through what it was said ("on Sunday", "in a
# statement", "told reporters", "told the AP"), and after a comma anything the writer adds
_REST = (rf"(?:\s+(?:{alternation(TIME_OPENERS[:5])}|(?:last|this)\s+(?:{alternation(PERIODS)})|"
         rf"{alternation(OCCASION_PREPOSITIONS, 'over', TIME_ADVERBS, 'also', 'separately', 'previously', WEEKDAYS)}|"
         r"reporters|journalists|as|while|when|a|an|the|him|her|them|us|me|(?-i:[A-Z])[\w’'.-]*)\b[^,;:\"“”]{0,80}?)?")
_WHEN = re.compile(rf"(?i)^(?:{alternation(TIME_OPENERS, TIME_ADVERBS, WEEKDAYS)})\b")
# the verbs that go before their source in news English ("..., said its chief executive")
_INVERTED = frozenset("said says added adds wrote writes told tells".split())
_FINITE_VERB = re.compile(r"(?:ed|s|said|told|wrote)$")
# a clause that is only opening phrases ("Following the landing", "Later, in a statement from her
# lawyer", "To make things worse"): the statement is in the rest of the sentence, not before the comma
_OPENER = re.compile(rf"(?i)^\W*(?!at\s+(?:least|most)\b)(?:{alternation(PHRASE_PREPOSITIONS, 'later', 'earlier', 'meanwhile')}|"
                     r"days?\s+after|a\s+day\s+after|\w+ing)\b")
# a clause opening with a word in -ing that holds a finite auxiliary of its own is a statement whose subject the
# word opens ("Fishing crews will move ...", "Rising prices have ..."), not a participle phrase ("Speaking to reporters")
# ("Speaking after the vote was counted": a preposition, a determiner or a pronoun after the -ing word is its object)
_ING_SUBJECT = re.compile(rf"(?i)^\W*\w+ing\s+(?!(?:{alternation(PHRASE_PREPOSITIONS, 'to', 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'that', 'it', 'them', 'him', 'us', 'me', 'reporters', 'journalists')})\b)"
                          rf"[^,]*?\b(?:{alternation(FINITE_AUXILIARIES)})\b")
_SUBORDINATE = re.compile(rf"(?i)^(?:{alternation(SUBORDINATORS, COORDINATORS, RELATIVES)})\b")
_TAIL_END = r"\s*(?:,\s+[^\"“”]{0,160})?[.!?]?\s*$"
# who carried the words, after their source: "as reported by the Courier", "according to local media"
_CARRIED = r"(?:as\s+reported\s+by|as\s+quoted\s+by|according\s+to)\s+[^,;:\"“”()]{2,80}?"
# a speaker phrase: no sentence end, no quotation mark, no clause of its own
_SPK = r"(?P<spk>[^,;:\"“”()]{2,80}?)(?:\s*\([^)]{1,40}\))?"


@functools.lru_cache(maxsize=1)
def _tails() -> tuple[re.Pattern, ...]:
    V = verbs()["rx"]
    spk_verb = re.compile(rf"^,\s+{_SPK},?\s+(?:has\s+|had\s+|also\s+|later\s+)?(?P<verb>(?-i:{V}))\b{_REST}{_TAIL_END}",
                          re.IGNORECASE)
    # "..., said Tom Berg as reported by the Courier.": the one who said it speaks; the report only carries it
    verb_spk = re.compile(rf"^,\s+(?P<verb>(?-i:{V}))\s+{_SPK}(?:\s+{_CARRIED})?(?:,\s+[^\"“”]{{2,160}}?)?[.!?]?\s*$",
                          re.IGNORECASE)
    # "..., according to researchers who studied the quay.": the relative clause describes the source
    according = re.compile(rf"^,\s+(?P<verb>according\s+to|as\s+reported\s+by|as\s+per)\s+{_SPK}"
                           rf"(?:\s+(?:who|whose)\s+[^\"“”]{{2,200}}?|,\s+[^\"“”]{{2,160}}?)?[.!?]?\s*$", re.IGNORECASE)
    return spk_verb, verb_spk, according


# a clause that asks, supposes or is a condition reports nothing; one opening with a conjunction is
# the second half of the writer's own sentence
_NOT_A_STATEMENT = re.compile(rf"(?i)^\W*(?:{alternation('if', 'unless', QUESTION_WORDS, AUXILIARIES, COORDINATORS[:4], 'as', 'while', 'because', 'although', 'though')})\b")
# a place and agency line before the text ("PORT SELBY, May 4 (Wire) -- "): not the reported words
DATELINE = re.compile(r"^(?:\s*date\s+\d{4}-\d\d-\d\d\s+)?(?:(?:[A-Z][A-Z .'’-]{2,40}(?:,\s+[^,()—–]{1,30})?"
                       r"(?:\s*\([^)]{1,30}\))?|"
                       # or the whole dateline in brackets, as some networks write it: "(HARBOUR TOWN, Selby) —"
                       r"\([A-Z][A-Z .'’-]{2,40}(?:,\s+[^,()—–]{1,30})?\))\s*(?:--|—|–|-)\s+)?")


def trailing(sent: str) -> list[tuple[str, str, str]]:
    """Candidates (clause, speaker phrase, verb) for a sentence whose source follows the reported
    words, the rightmost comma first (the caller keeps the first whose speaker resolves)."""
    if sent[:1] in "\"“‘'«" or not re.search(r",", sent) or not re.search(r"[.!?][”\"’']?\s*$", sent):
        return []  # a headline or a line cut short is no sentence to read to its end
    out = []
    # a comma closing a short quoted term ('identified only as “Tom,” the chief said.') ends the clause as well:
    # the mark stays with the clause, the comma opens the tail
    commas = [(m.start(), m.end(1)) for m in re.finditer(r",([”\"’']?)\s", sent)]
    for c, mark in reversed(commas):
        if mark > c + 1 and not _term_closes(sent[:mark]):
            continue
        tail = "," + sent[mark:] if mark > c + 1 else sent[c:]
        if segment.quote_spans(tail).spans:
            continue
        for rx in _tails():
            m = rx.match(tail)
            if not m:
                continue
            verb = re.sub(r"\s+", " ", m.group("verb")).lower()
            if rx is _tails()[0] and re.match(r"(?i)(?:according\s+to|as\s+reported\s+by|as\s+per)\s", m.group("spk")):
                continue  # ", according to the state broadcaster.": the frame names the source; "state" is no verb there
            if rx is _tails()[1] and verb in ("told", "tells", "tell"):
                continue  # "..., told NPR.": the one told is the listener; the teller is before the comma
            if " " not in verb and (verb not in _SAYING or (rx is _tails()[1] and not _FINITE_VERB.search(verb))):
                continue  # ", state epidemiologist at ...": a base form before a noun is no verb of saying
            if rx is _tails()[0] and re.match(r"(?i)\s+(?:a|an|the|its|his|her|their|our|this|these|those)\b",
                                              tail[m.end("verb"):]) and \
                    not verb.startswith(("tell", "told")):
                break  # "residents reported a smell": an object, so the verb reports a fact, not the clause
            clause = DATELINE.sub("", sent[:mark] if mark > c + 1 else sent[:c]).strip()  # "... as “Tom,”": kept as written
            spk = m.group("spk").strip()
            if rx is _tails()[1] and verb not in _INVERTED and re.match(r"(?i)(?:its|his|her|their|our)\s", spk):
                break  # "..., announced its new model": an object, not a source ("..., said its chief" is one)
            if _SUBORDINATE.match(spk):
                break  # ", although residents said ...": the writer's own second clause
            if _WHEN.match(spk) or (verb in ("writes", "write") and rx is _tails()[1]):
                break  # "..., said Wednesday": when, not who; "..., writes Ana Ruiz": the article's own author
            words = spk.split()
            if any((w in verbs()["form_class"] and not (i + 1 < len(words) and _base_form(w))) or w.endswith("ing")
                   for i, w in enumerate(words) if w[:1].islower()):
                break  # "Caliber reports citing the message posted": no single source phrase ("state media",
                # "state news agency": a verb's bare form before a noun is the noun's modifier, not a verb)

            head, _, last = clause.rpartition(", ")
            if head and _a_title(last):  # "..., Governor of the state, Ana Ruiz, said": the title joins the source
                clause, spk = head, f"{last}, {spk}"
            out.append((clause, spk, verb))
            break
    return out


def _term_closes(clause: str) -> bool:
    """Whether a clause ending in a comma and a closing mark ('... identified only as “Tom,”') is one statement
    with a short quoted term at its end: the term opens inside the clause and has a few words, the clause has
    no other comma (not '..., with the potential to cause “catastrophic damage,”': a phrase of the writer's
    before it) and five words of its own besides the term (not 'The patient “has received care,”')."""
    spans = segment.quote_spans(clause).spans
    if not spans or spans[-1][1] < len(clause) - 2 or "," in clause[:spans[-1][0]]:
        return False
    a, b = spans[-1]
    return len(segment.TOKEN.findall(clause[a:b])) <= SHORT and len(segment.TOKEN.findall(clause[:a])) >= 5


def _base_form(word: str) -> bool:
    """Whether a word is a reporting verb's bare form as listed ("state", "report", "post"), not an
    inflection ("states", "reported")."""
    return word.lower() in _BASES()


@functools.lru_cache(maxsize=1)
def _BASES() -> frozenset:
    return frozenset(v.lower() for c in verbs()["classes"].values() for v in c["verbs"] if " " not in v)


def plausible_clause(clause: str) -> bool:
    """Whether the words before the source read as a statement of its own: at least five words, a
    capital or a figure at the start, no question or condition, no whole quotation inside."""
    words = segment.TOKEN.findall(clause)
    if len(words) < 5 or not re.match(r"[\"“‘'«]?[A-Z0-9]", clause) or _NOT_A_STATEMENT.match(clause):
        return False
    parts = clause.split(", ")
    if clause.rstrip().endswith("?") or _a_title(clause) or (all(_OPENER.match(x) for x in parts)
                                                             and not (len(parts) == 1 and _ING_SUBJECT.match(clause))):
        return False
    return not mostly_quoted(clause)


def mostly_quoted(clause: str) -> bool:
    """Whether a clause holds a whole quote of more than a few words: then the quote is the words,
    listed as direct, and the clause is no reported speech of its own."""
    return any(len(segment.TOKEN.findall(clause[a:b])) > SHORT for a, b in segment.quote_spans(clause).spans)


def _a_title(words: str) -> bool:
    """A title in apposition before a name ("Governor of Harbour State", "the port's director"): a
    few words, one of them a title, none a verb's ending of a clause."""
    w = words.split()
    return 0 < len(w) <= 6 and any(key(x) in TITLES for x in w) and not re.search(r"\b[a-z]+ed\b", words)


def paired_dash(clause: str, m: re.Match) -> bool:
    """Whether the dash ``m`` opens or closes an aside in a pair of the same dashes ("the three people — the two
    crew and the pilot — knew each other"): the clause goes on after the aside, so neither dash ends it. An aside
    with a verb of its own ("— the union disagreed —") is the writer's, and ends the words."""
    dash = m.group(0).strip()
    if dash not in ("–", "—", "--") or clause.count(f" {dash} ") != 2:
        return False
    # a participle or a plural right after a determiner or a number is an adjective or a noun ("the suspected
    # shooter", "the two deceased", "two pilots"), no verb
    aside = re.sub(r"(?i)\b((?:the|a|an|his|her|their|its|both|all|two|three|four|five|six)\s+)\w+(?:ed|s)\b", r"\1x",
                   clause.split(f" {dash} ")[1])
    return not has_finite_verb(aside) and bool(clause.split(f" {dash} ")[2].strip(" ."))


def quote_continues(clause: str, a: int) -> bool:
    """Whether a quoted stretch of more than a few words that starts at ``a`` in a reported clause goes on with
    the clause (the reporting subject's words, partly in the marks, partly not: 'said the council is set to pass
    a motion “condemning the closure ...”', 'said she felt “betrayed by the whole board”'): words of the clause
    before it (two at least, not a colon or a comma's lead-in), a finite verb of the clause outside the marks, the
    quote opening in lower case (in the middle of the sentence) and ending the clause, and no source of its own
    after it ('..., and “we will reopen it,” Berg added'). The clause is then the reported words, the marks and all;
    a quote that opens the clause ('said that “we will ...”') is the direct quote only, as before."""
    pre = clause[:max(0, a - 1)]
    found = segment.quote_spans(clause)
    if found.unclosed is not None:
        return False  # 'said it was a “defect in one update. Mac hosts are not hit.”': the quote runs past the sentence
    if len(segment.TOKEN.findall(pre)) < 2 or pre.rstrip()[-1:] in (":", ",") or not clause[a:a + 1].islower():
        return False
    spans = found.spans
    outside = "".join(clause[(spans[i - 1][1] + 1 if i else 0):max(0, s - 1)] for i, (s, _) in enumerate(spans))
    outside += clause[spans[-1][1] + 1:] if spans else ""
    if not has_finite_verb(outside) or not re.fullmatch(r"[\s.,;!?”\"’']*", clause[spans[-1][1] + 1:]):
        return False  # the words after the quote are the writer's as often as the speaker's: only a quote that
        # ends the clause is read with it
    return not any(_own_attribution().match(clause[b + 1:]) for _, b in spans)


@functools.lru_cache(maxsize=1)
def _own_attribution() -> re.Pattern:
    """A source and its verb of saying right after a closing mark: the quote's own attribution ('“...,” Berg added')."""
    return re.compile(rf"^[\s,.]*(?:[\w’'.-]+\s+){{1,5}}?(?:{verbs()['rx']})\b")
