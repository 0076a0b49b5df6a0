"""Attribution rules: the reporting verbs (``presslens/data/reporting_verbs.yaml``, with their
inflections and classes) and the patterns that find who said a quote, after or before it, and
the subject of reported speech without quotation marks.

One idea: the words that attribute (a reporting verb and the frame around it) and the speaker phrase they
point to, as written; who that phrase is, is decided in :mod:`.resolve` and :mod:`.in_article`.
"""
from __future__ import annotations

import functools
import re

from presslens import paths
from presslens.story.yamlio import parse_yaml
from presslens.text import vocabulary
from .resolve import HONORIFIC, INTRO, SHORT, trim_speaker, without_name_ands


@functools.lru_cache(maxsize=1)
def verbs() -> dict:
    """The reporting-verb classes (``presslens/data/reporting_verbs.yaml``), each with its forms."""

    data = parse_yaml((paths.PACKAGE_DATA / "reporting_verbs.yaml").read_text(encoding="utf-8"))
    form_class: dict[str, str] = {}
    phrasal: set[str] = set()
    for name, c in data["classes"].items():
        for v in c["verbs"]:
            forms = {v} if " " in v else set(vocabulary.inflections(v)) | {v}
            for f in forms:
                form_class.setdefault(f.lower(), name)
        for v in c.get("phrasal", ()):  # "point out": the verb inflected, its particle kept
            head, particle = v.split(" ", 1)
            for f in set(vocabulary.inflections(head)) | {head}:
                form_class.setdefault(f"{f} {particle}".lower(), name)
                phrasal.add(f"{f} {particle}".lower())
    data["form_class"] = form_class
    partial = {n for n, c in data["classes"].items() if c.get("partial_only")}
    # one word, or a phrasal verb (not "according to", a preposition that the rules read apart);
    # the longest first, so that "pointed out" is read whole
    usable = sorted((f for f in form_class if " " not in f or f in phrasal), key=len, reverse=True)
    data["rx"] = "|".join(_form_rx(f) for f in usable if form_class[f] not in partial)
    data["rx_partial"] = "|".join(map(_form_rx, usable))  # with the partial-only classes
    # the first words of the forms ``rx`` holds: a text with none of them among its words matches no verb of it
    data["heads"] = frozenset(f.split(" ")[0] for f in usable if form_class[f] not in partial)
    return data


def _form_rx(form: str) -> str:
    return r"\s+".join(map(re.escape, form.split(" ")))


# verbs that attribute a quote only right after it, ending the attribution: '“...,” Lund continued.', '“...,” the
# court ruled.' ("continue" is a quote verb of the Gender Gap Tracker's extractor, ggt2021 in reporting_verbs.yaml;
# a ruling is PARC 3.0's kind of attribution cue, parc2016). Elsewhere they are no verb of saying ("continued the
# statement by adding:", "to continue the fight ... and emphasized that", "ruled that X be placed under arrest, the
# court's press service said"), so they stay out of the verb list and its other readers; their class is the one
# their meaning belongs to.
AFTER_ONLY = {"continued": "speech", "continues": "speech", "ruled": "confirmation"}


def verb_class(verb: str | None) -> str | None:
    if not verb:
        return None
    v = verb.lower().split()
    fc = verbs()["form_class"]
    return fc.get(verb.lower()) or (fc.get(v[0]) if v else None) or AFTER_ONLY.get(verb.lower())


@functools.lru_cache(maxsize=1)
def _patterns():
    V = verbs()["rx"]
    # a speaker phrase: words without sentence ends or quotation marks, at most about ten
    # (and a verb of AFTER_ONLY that ends the attribution: '“...,” Lund continued.', '“...,” the court ruled on Friday.')
    VA = rf"{V}|(?:{'|'.join(AFTER_ONLY)})(?=\s*[,.!?]|\s*$|\s+(?:on|in|at|late|early|last|this)\b)"
    after_spk_verb = re.compile(rf"^\s*[,.—-]?\s*(?P<spk>[^,.!?\"“”:;]{{1,90}}?)\s+(?:has\s+|had\s+|also\s+)?"
                                rf"(?<![Tt]he\s)(?<!\sa\s)(?<!\san\s)(?<!its\s)(?=(?-i:[a-z]))(?P<verb>{VA})\b",
                                re.IGNORECASE)
    after_verb_spk = re.compile(rf"^\s*[,.—-]?\s*(?P<verb>{V}|{'|'.join(AFTER_ONLY)})\s+(?P<spk>[^.!?\"“”:;,]{{1,90}})",
                                re.IGNORECASE)
    # "according to X:", "According to Ana Ruiz, a nurse on the ward:" (the description after the name)
    according = re.compile(r"according\s+to\s+(?P<spk>[^,.!?\"“”]{1,90}?)(?:,[^.!?\"“”]{1,160}?)?\s*[,:]?\s*$",
                           re.IGNORECASE)
    according_after = re.compile(r"^\s*[,.]?\s*(?:according\s+to|per)\s+(?P<spk>[^,.!?\"“”]{1,90})", re.IGNORECASE)
    # a quote inside a sentence that ends with its attribution: '... "every phase" of it, The Verge reported.'
    # (a verb in lower case: "State" in "Harbour State University" is a name)
    # (not a noun after a possessive: "according to the port's state radio": "state" is no verb there; the
    # source is the "according to" phrase)
    sentence_end = re.compile(rf"^[^.!?\"“”,]*(?:,[^.!?\"“”,]*)*?,\s*(?:according\s+to\s+(?P<acc>[^,.!?\"“”]{{1,60}}?)"
                              rf"\s*[.!?](?:\s|$)|(?P<spk>[^,.!?\"“”]{{1,60}}?)(?<![’']s)\s+(?=(?-i:[a-z]))(?P<verb>{V})\b"
                              rf"[^.!?\"“”]{{0,40}}[.!?])", re.IGNORECASE)
    # a speaker with a description in apposition: '“...,” Ana Ruiz, a nurse on the ward, said.'
    appos_after = re.compile(rf"^\s*[,—-]?\s*(?P<spk>[^,.!?\"“”:;]{{1,60}}?)\s*,\s+(?P<desc>(?:(?![.!?]\s)[^\"“”!?;:]){{1,220}}?)"
                             rf"\s*,?\s+(?:has\s+|had\s+|also\s+)?(?P<verb>{V})\b")
    return after_spk_verb, after_verb_spk, _Before(V), according, according_after, sentence_end, appos_after, headline


# a headline's quote and its speaker: "‘I won’t resign’: Ana Ruiz"
headline = re.compile(r"^\s*[:–—-]\s*(?P<spk>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s*$")


@functools.lru_cache(maxsize=1)
def _headline_verb() -> re.Pattern:
    """A headline's quote, then a colon and a name with a verb of saying in the present ("‘We will
    rebuild’: Ruiz vows to restore the quay"): the name says it."""
    return re.compile(rf"^\s*[:–—-]\s*(?P<spk>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,3}})\s+(?P<verb>{verbs()['rx']})\b")


@functools.lru_cache(maxsize=1)
def _partial_before() -> "_Before":
    """The attribution of a short quote inside its clause, with the partial-only verbs too."""
    return _Before(verbs()["rx_partial"], gap=160)  # a partial quote can sit far into its clause


class _Before:
    """The attribution ending the text before a quote ('Jones said in a statement that', 'Felix
    said:'): the verb is found first, then the speaker before it and the gap after it are checked,
    which is linear in the text where one regular expression with both lazy groups was quadratic."""

    _SPK = re.compile(r"(?P<spk>[^.!?\"“”:;]{1,90}?)\s+(?:has\s+|had\s+|also\s+)?$", re.IGNORECASE)
    # a determiner or a possessive before the verb's word makes it a noun ("the report", "the agency's reports")
    _DETERMINER = re.compile(r"(?i)(?<![\w'’])(?:the|a|an|its|their|his|her|our|these|those|such)\s+$|\w['’]s\s+$")

    def __init__(self, verbs_rx: str, gap: int = 80):
        self.verb = re.compile(rf"(?<![\w'’])(?:{verbs_rx})\b", re.IGNORECASE)
        self._GAP = re.compile(rf"(?P<gap>[^.!?\"“”]{{0,{gap}}}?)\s*(?:that\s*)?[:,]?\s*$", re.IGNORECASE)

    def search(self, tail: str):
        for vm in reversed(list(self.verb.finditer(tail))):
            if self._DETERMINER.search(tail, max(0, vm.start() - 12), vm.start()) or \
                    (vm.group(0)[:1].isupper() and vm.start() > 0):
                continue  # "called the claims", "a report", "the State Agency": a noun or a name, not the verb
            gm = self._GAP.match(tail, vm.end())
            if not gm:
                continue
            head = tail[max(0, vm.start() - 120):vm.start()]
            sm = self._SPK.search(head)
            if not sm or not sm.group("spk").strip():
                continue
            last = sm.group("spk").split()[-1].lower()
            if last in verbs()["form_class"] and last not in ("report", "statement"):
                continue  # "Lee said calls for ...": the word after a reporting verb is its object, not a verb
            spk = sm.group("spk")
            # "Acme said it had a fix, and its chief, Tom Berg, told": a clause of its own before ", and": the
            # subject of the verb is after the conjunction (not "Ruiz, Berg, and Jones told": no verb before it)
            conj = list(re.finditer(r",\s+(?:and|but)\s+", spk))
            if conj and any(v.group(0)[:1].islower() for v in self.verb.finditer(spk, 0, conj[-1].start())):
                spk = spk[conj[-1].end():]
            # (not a participle of the same subject, "Ruiz, speaking after the vote, said", nor a verb whose
            # words go on with where it was said, "Ruiz posted on social media, adding that")
            inner = [v for v in self.verb.finditer(spk) if v.group(0)[:1].islower() and not v.group(0).endswith("ing")
                     and not re.search(r"(?i)\b(?:was|were|is|are|been|be|being)\s+$", spk[:v.start()])]
            last_part = spk.rstrip(" ,").rsplit(",", 1)[-1]
            own = [v for v in self.verb.finditer(last_part) if v.group(0)[:1].islower()]
            if inner and vm.group(0).endswith("ing") and spk.rstrip().endswith(","):
                if own and last_part[:own[-1].start()].strip():  # "Ruiz posted on social media, adding that": Ruiz
                    spk = last_part[:own[-1].start()]
                elif own:  # the verb opens its clause: the subject is before that clause ("Tom Berg, co-founder of
                    # Globex, commented to the radio, stating that"), or after the verb, inverted (', said the
                    # harbour chief Tom Berg, adding "..."')
                    prior = spk.rstrip(" ,")[:len(spk.rstrip(" ,")) - len(last_part)].strip(" ,")
                    spk = prior if prior else last_part[own[-1].end():]
            elif inner and not _RELATIVE.search(spk[inner[-1].end():]) and not spk.rstrip().endswith(",") and \
                    not re.match(r"(?i)\s*(?:on|in|at|to|during|after|before|from|via|through|with|for)\b", spk[inner[-1].end():]):  # "Ruiz said the inspector had told her that": the nested speaker is the inspector
                spk = re.sub(r"(?i)^\s*(?:that\s+)?", "", spk[inner[-1].end():])
                if not spk.strip():
                    continue
            return {"spk": spk, "verb": vm.group(0), "gap": gm.group("gap")}
        return None


_ABBREV = re.compile(r"\b(?:[A-Z]\.){2,}(?=\s+[A-Z])|\b[A-Z]\.(?=\s+[A-Z])")
_REST_OK = re.compile(r"^\s*(?:(?:in|on|at|to|during|after|before|from|by|with|for|via|late|early|(?:last|this)\s+"
                      r"(?:week|weekend|month|year|morning|afternoon|evening|night|monday|tuesday|wednesday|thursday|"
                      r"friday|saturday|sunday))\b.*"
                      r"|(?:[A-Z][\w’'&.-]*\s*)+)?$")  # "in a statement", "on Monday", "The Verge", "Reuters"


def find_attribution(before: str, after: str, n_words: int, quote: str = ""):
    """(speaker phrase, verb, where) from the text before and after one quote, or None."""
    after_spk_verb, after_verb_spk, before_rx, according, according_after, sentence_end, appos_after, hl = _patterns()
    m = hl.match(after)
    if m and not re.search(r"\w", before):
        return m.group("spk"), ":", "after"
    m = _headline_verb().match(after)
    if m and not re.search(r"\w", before) and n_words > 1:  # "‘We will rebuild’: Ruiz vows to restore the quay"
        return m.group("spk"), m.group("verb"), "after"
    before, after = HONORIFIC.sub(r"\1", before), HONORIFIC.sub(r"\1", after)  # "Mr. Lee said": one name
    # an aside in brackets inside the attribution ('Ruiz (pictured) said', 'a spokesperson (who asked not
    # to be named) said'): read around it, as a reader does; its words are neither the speaker nor the verb
    before, after = _ASIDE.sub("", before), _ASIDE.sub("", after)
    # the same of the anonymity formula ('one witness, who asked not to be named, told'): it says why no name
    # is given, the verb after it is the speaker's
    after = _ANONYMITY.sub("", after)
    # "U.S. District Judge Ana Ruiz", "J. R. Smith": the dots of abbreviations and initials end no sentence
    before, after = _ABBREV.sub(lambda m: m.group(0).replace(".", ""), before), \
        _ABBREV.sub(lambda m: m.group(0).replace(".", ""), after)
    tail = re.split(r"(?<=[.!?])\s+", before[-300:])[-1] if before.strip() else ""  # the clause before it
    lead_in = re.search(r"[:,]\s*$", tail) is not None  # 'O'Brien said: "..."' wins over the next sentence
    if lead_in:
        m = before_rx.search(tail)
        if m and not m["gap"].strip() and len(m["spk"].split()) <= 12:
            if _negated(m["spk"]):
                return None  # 'Ruiz was asked:', 'Ruiz never said:': the subject is not the one who speaks
            return m["spk"], m["verb"], "before"
    full_sentence = quote.rstrip(" ”\"’'").endswith((".", "!", "?"))
    has_comma = re.match(r"\s*[,—-]?\s*[^,.!?\"“”:;]{1,60}?\s*,", after) is not None
    for rx, where in ((after_verb_spk, "after"), (after_spk_verb, "after"), (according_after, "after"),
                      (appos_after, "after"), (sentence_end, "sentence end")):
        if rx is appos_after and not has_comma:
            continue  # no "Name," right after the quote: no apposition to read
        if rx is sentence_end and full_sentence:
            continue  # '“We are ready.” Meanwhile, Tom Reed revealed ...': a whole sentence quoted; the next is another's
        m = rx.search(after)
        if m:
            verb = m.groupdict().get("verb") or "according to"
            spk = m.group("spk") or m.groupdict().get("acc")  # '“...,” it said': an organisation's pronoun, read by the caller
            it_said = spk.strip().lower() == "it" and quote.rstrip(" ”\"’'")[-1:] in (",", ".", "!", "?")
            if (_FUNCTION_WORD.match(spk.strip()) and not it_said) or re.match(r"(?i)\s*(?:in|on|at|with|during|after|before|from|to|for|"
                                                              r"by)\b|.*\b(?:and|but)\s*$", spk):
                continue  # '"baseless" and denied wrongdoing', '"unfair" in an interview with Reuters and said'
            if _negated(spk) or re.match(r"\s*(?:[Ww]hich|[Ww]ho|[Tt]hat)\b", spk) or \
                    re.match(r"\s*(?:nothing|no\s+more|little)\b", after[m.end("verb"):] if "verb" in m.groupdict() else ""):
                continue  # "Reed declined to comment", "which Acme denied", "Acme said nothing"
            if verb[:1].isupper() and verb != "According to":
                continue  # "the State Environmental Agency", "the Daily Report": a name, not a verb
            if rx is after_verb_spk and verb.lower().endswith("ing"):
                continue  # '"a farce," saying the port had been sold': a participle inverts no subject; its
                # words are a clause, and the quote's speaker is the subject before it
            rest = after[m.end():]
            rest = re.split(r"[.!?]", rest, maxsplit=1)[0]
            if (full_sentence or after.lstrip()[:1] in (".", "!", "?")) and not _REST_OK.match(rest) and not (rx is after_verb_spk and _DESCRIBED.match(rest)):
                continue  # a new sentence about something else: 'Lee said the port would sue.' (or 'is "unfair". Lee said ...')
            if rx is after_spk_verb and re.match(r"\s*[a-z]+ed\b", spk):
                continue  # '“...”, issued a statement in which he said': the clause goes on, with its own verb
            # a description, then the name in apposition ('Globex's lawyer, Sara Kim, told', 'said Ruiz's deputy,
            # Tom Berg.'): the name is who speaks
            if rx is appos_after and _DESCRIBES.search(spk) and (_PERSON_NAME.fullmatch(m.group("desc").strip()) or (
                    _KIN_OR_TITLE.search(spk) and re.fullmatch(r"[A-Z][a-z]{2,}", m.group("desc").strip()))):
                spk = m.group("desc")
            elif rx is after_verb_spk and _DESCRIBES.search(spk) and _NAME_AFTER_DESCRIPTION.match(after, m.end()):
                spk = _NAME_AFTER_DESCRIPTION.match(after, m.end()).group("name")
            elif rx is appos_after and (not re.match(r"\s*(?:[Tt]he\s+)?[A-Z]", spk) or _RELATIVE.search(spk)
                                      or re.search(rf"(?i)\b(?:{verbs()['rx']})\b", m.group("desc"))
                                      or _NAME_LIST.match(m.group("desc"))):
                continue  # the head of an apposition is a name ("Ana Ruiz, a nurse, said"), never a clause,
                # and a list of names goes on ("Ana Ruiz, Tom Berg and Mary Jones said"): the list speaks
            if rx is after_verb_spk and re.match(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s+(?:as|while|when|after|"
                                                 r"before|because|amid|following)\s", spk.strip()):
                spk = re.split(r"\s+(?:as|while|when|after|before|because|amid|following)\s", spk.strip(), maxsplit=1)[0]
                # '‘...,’ says Ruiz as the quay reopens': the name, not the clause after it
            if len(spk.split()) > 6 and rx is after_verb_spk:  # "said Ruiz at the press conference with the ..."
                spk = re.split(r"\s+(?:during|in|on|with|after|before|while|when|as|via|following|amid)\s", spk,
                               maxsplit=1)[0]
            quoted = re.match(r"(?i).*\bquoted\s+(?P<who>.+?)\s+as$", spk.strip())
            if quoted and verb.lower() == "saying":  # "the press service quoted the judge as saying": the judge
                spk = quoted.group("who")
            if len(spk.split()) <= 10:
                return spk, verb, where
    m = according.search(tail)
    if m:
        return m.group("spk"), "according to", "before"
    if _NOT_A_REPORT.match(tail) or after.lstrip(" ”\"’'").startswith("?"):
        return None  # a question or a supposition quotes nobody: "Did Acme call it “a scam”?"
    m = before_rx.search(tail)
    if m and _negated(m["spk"]):
        return None  # "Acme never called it ...", "Acme was ordered to ...": not the subject's words
    if m and not (n_words <= SHORT and m["gap"].strip()):
        spk = m["spk"] if len(m["spk"].split()) <= 12 and not _RELATIVE.search(m["spk"]) else _subject(m["spk"])
        return (spk, m["verb"], "before") if spk else None
    # a short quote inside the reported clause ('The Verge reported that ByteDance had been
    # "secretly" ...', 'ByteDance slammed the allegations as "baseless"') is a partial quote of the
    # clause's subject, unless it is a name (a cited term; the caller checks)
    m = _partial_before().search(tail)
    if m and (_negated(m["spk"]) or (m["verb"].lower().endswith("ed") and re.match(r"\s*(?:of|by)\b", m["gap"]))):
        return None  # "residents accused of “looting”", "described by the mayor as": a passive, nobody's words
    if m and m["gap"].strip():
        spk = _subject(m["spk"])
        return (spk, m["verb"], "partial" if n_words <= SHORT else "before") if spk else None
    return None


# a speaker phrase that describes rather than names: a lower-case word or a possessive ("Globex's lawyer")
_DESCRIBES = re.compile(r"(?:^|\s)[a-z][\w’'-]*\b|\w[’']s\b")
# a person's kin or office at the end of a description: a single given name may follow it in apposition ("Lund's
# daughter, Mia, told"; not "a port in the north, Selby,": a place is no one's kin)
_KIN_OR_TITLE = re.compile(r"(?i)\b(?:daughter|son|wife|husband|mother|father|sister|brother|widow|widower|partner|friend|"
                           r"cousin|aunt|uncle|niece|nephew|grandmother|grandfather|granddaughter|grandson|girlfriend|"
                           r"boyfriend|fiancée?|lawyer|spokes(?:man|woman|person))$")
# a person's name: two or three capitalised words
_PERSON_NAME = re.compile(r"(?:[A-Z][\w’'-]+\s+){1,2}[A-Z][\w’'-]+")
_NAME_AFTER_DESCRIPTION = re.compile(r"\s*,\s*(?P<name>(?:[A-Z][\w’'-]+\s+){1,2}[A-Z][\w’'-]+)\s*(?:[,.!?]|$)")
# an aside in brackets of a few words, no sentence inside: '(pictured)', '(who asked not to be named)', '(Globex)'
_ASIDE = re.compile(r"\s*\([^()\"“”.!?]{1,80}\)")
# the news formula of an unnamed source, as a relative clause: "who asked not to be named", ", who declined to
# be identified by name,", "who spoke on condition of anonymity"
_ANONYMITY = re.compile(r"(?i)(?<=\w),?\s+who\s+(?:asked|requested|declined|refused|spoke|wished|did\s+not\s+want)\b"
                        r"[^,.!?\"“”]{0,60}?\b(?:named|identified(?:\s+by\s+name)?|anonymity|anonymously)\b,?")
# what follows "Name," when it is the rest of a list of names, not a description: "Tom Berg and Mary Jones"
_NAME_LIST = re.compile(r"^(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*(?:,\s+(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)*,?"
                        r"\s+(?:and|&)\s+(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*$")
# a conjunction that opens a subordinate clause (or "what": "that is what she said"): its subject is the one who speaks
_SUBORDINATOR = re.compile(r"(?i)\b(?:after|when|because|since|while|before|until|once|although|though|as|whereas|what)\s+"
                           r"(?=\S)")
# a description of the speaker named after the verb ('“...!” said Ana Ruiz, who runs the port.')
_DESCRIBED = re.compile(r"^\s*,\s+(?:who|whose|a|an|the|his|her|their|its|[\w-]+[’']s)\s")
_FUNCTION_WORD = re.compile(r"(?i)^(?:and|but|or|nor|then|also|so|as|while|when|yet|which|who|that|it|this)?$")
_RELATIVE = re.compile(r"\b(?:[Ww]ho|[Ww]hom|[Ww]hose|[Ww]hich|[Tt]hat)\b")  # "WHO chief" is no relative pronoun
_PREPOSITION = re.compile(r"(?i)(?:^|\s)(?:in|of|on|at|by|for|to|with|from|about|under|through|during)$")
# the words before a reporting verb that take the words away from its subject: a negation or refusal
# ("Acme never called it ...", "refused to call"), a passive ("Acme was ordered to ...")
_NEGATED = re.compile(r"(?i)\b(?:not|never|no|neither|nor|refused|refuses|declined|declines|denied|denies|"
                      r"without)\b|n[’']t\b|\b(?:was|were|is|are|been|be|being)$")
def _negated(spk: str) -> bool:
    """Whether the words before a reporting verb negate it or make it passive (:data:`_NEGATED`);
    a source's anonymity ("who declined to be named", "not authorised to speak") is no negation."""
    # only the verb's own clause counts: "Lee would not resign and claimed", "was not liked by Ruiz, who
    # described": the negation belongs to the clause before "and" or "who"
    own = re.split(r"(?i)\b(?:who|which|and|but)\b", spk)[-1]
    return bool(_NEGATED.search(re.sub(r"(?i)\b(?:declined|refused|asked\s+not)\s+to\s+be\s+(?:named|identified)|"
                                       r"not\s+authori[sz]ed\b.*", "", own)))


# a sentence that asks or supposes rather than reports: "Did Acme call ...?", "If Acme calls ..."
_NOT_A_REPORT = re.compile(r"(?i)^\s*(?:did|does|do|why|how|what|when|where|would|will|can|could|should|is|are|"
                           r"was|were|if|unless|whether)\b")


# a name and its description in apposition, nothing after it: "Tom Berg, a harbour pilot and adviser to the mayor"
_NAME_AND_DESCRIPTION = re.compile(r"^(?P<name>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*),\s+(?:a|an|the|his|her|its|their)"
                                   r"\s+[^,;:\"“”]{2,120}$")


def _subject(spk: str) -> str | None:
    """The subject of a reporting verb out of the words before it, when it is near enough to say
    whose words follow; None when it is not (then the words are not given to anyone):

    - a relative clause inside the subject ("Reed, who fined Acme last year, called"; "a Globex
      engineer who once worked for Acme described"): the head before it, "Reed";
    - an object relative or a complement ("a channel in which employees chatted", "reported that
      ByteDance said"): the words after it, "employees", "ByteDance"; "Globex, whose CEO said": "Globex CEO";
    - a relative clause with no subject of its own ("OpenAI's terms of service, which state"): the
      last actor named before it (marked with a leading "@");
    - else the phrase itself or its last comma-separated part ("Last May, a former ByteDance
      executive"), of at most five words;
    - two actors joined ("Acme and Globex", "Acme, not Globex") or a report inside the subject
      ("Acme, Reuters reported,"): None."""
    s = trim_speaker(spk)
    named = _NAME_AND_DESCRIPTION.match(s)  # "Tom Berg, a pilot and adviser to Mayor Ana Lund": the name is
    if named:                               # the subject, whatever its description holds
        return named.group("name")
    rel = list(_RELATIVE.finditer(s))
    if rel:
        r = rel[-1]
        before, rest = s[:r.start()], trim_speaker(s[r.end():])
        word = r.group(0).lower()
        prev = before.split()[-1].lower().strip(",") if before.split() else ""
        if word == "whose" and rest:
            return _subject(f"{before.rstrip(' ,')} {rest}")
        if (word == "that" and verb_class(prev)) or _PREPOSITION.search(before.rstrip(" ,")):
            return rest if rest and len(rest.split()) <= 5 and not _RELATIVE.search(rest) else None
        if not rest:
            ante = trim_speaker(" ".join(before.split()[-6:]))
            return "@" + ante if ante else None
        return _subject(before) if before.strip(" ,") else None  # the relative clause describes the head
    s = INTRO.sub("", s)  # "Earlier, foreign media", "On Monday, Acme", "In a six-page order, the agency"
    sub = list(_SUBORDINATOR.finditer(s))
    if sub:  # "The announcement came after the Federation apologised": the subordinate clause's subject
        rest = trim_speaker(s[sub[-1].end():])
        return rest if rest and len(rest.split()) <= 5 and not re.search(r"(?i)\b(?:and|or|nor|not)\b", rest) else None
    if re.match(r"(?i)^[^,]{2,80}\s+and\s+(?:his|her|their|its)\s+[\w’'-]+$", s):
        return s  # a group named by one member: "Ruiz and her deputies"
    one = without_name_ands(s)  # "Acme and Globex": two; "the Harbour Safety and Rescue Board" is one
    if re.search(r"(?i)\b(?:and|or|nor|not)\b", one) or re.search(rf"(?i)\b(?:{verbs()['rx']})\b", s):
        return None
    if len(one.split()) <= 5:
        return s
    last = trim_speaker(s.rsplit(",", 1)[-1])
    return last if "," in s and 0 < len(last.split()) <= 5 else None


@functools.lru_cache(maxsize=1)
def verb_near() -> re.Pattern:
    """A reporting verb (lower case) in the words after a quote: the quote has an attribution of its
    own ('“...,” an Acme lawyer, John Smith, said.') even when the rules cannot read its speaker."""
    return re.compile(rf"(?<![\w'’])(?:{verbs()['rx']})\b")


@functools.lru_cache(maxsize=1)
def indirect_rx_lazy() -> re.Pattern:
    """:func:`indirect_rx` with the subject ending at the first reporting verb ("Acme said it would
    appeal": "said", not "appeal")."""
    return _indirect(lazy=True)


@functools.lru_cache(maxsize=1)
def indirect_rx() -> re.Pattern:
    return _indirect(lazy=False)


@functools.lru_cache(maxsize=2)
def _indirect(lazy: bool) -> re.Pattern:
    V = verbs()["rx"]
    q = "?" if lazy else ""
    # the clause may hold short quoted terms ('that ByteDance was “secretly” using ...'), never a
    # quote of its own: a quotation mark right after the verb makes the sentence a direct quote
    # a word of the subject: no sentence end inside, but a title's or initials' dot ("Mr. Reed", "U.S. officials")
    w = rf"(?:(?:{vocabulary.alternation(vocabulary.TITLE_ABBREVIATIONS)})\.|(?:[A-Z]\.)+|(?:Jr|Sr)\.|[^\s,.!?\"“”]+)"
    return re.compile(rf"^(?P<spk>(?:{w}\s+){{0,11}}{q}{w})\s+(?:has\s+|had\s+|also\s+)?"
                      rf"(?P<verb>{V})\s+(?:(?:(?<=told\s)|(?<=tells\s)|(?<=tell\s)|(?<=telling\s)|(?<=warned\s)|(?<=assured\s)|(?<=informed\s)|(?<=reminded\s))(?:(?:[\w’'-]+,?\s+){{1,6}}?(?=that\s)|(?:the\s+)?(?:(?:Mr|Mrs|Ms|Dr|Prof)\.\s+)?[A-Z][\w’']*(?:\s+[A-Z][\w’']*)*\s+|{_TOLD_OBJECT}))?"
                      rf"(?:that\s+)?(?P<clause>[^\"“”:](?:[^:]|(?<=\d):(?=\d\d)){{7,}})$")  # "at 1:27 a.m.": a time's colon


# the listener of "told" as one word before the clause it tells ("told reporters the quay would reopen", "told him
# she would stay"): a plural noun or an object pronoun, then a clause that opens with a subject
_TOLD_OBJECT = (r"(?:(?:[a-z]+s|him|her|them|us|me)\s+(?=(?:the|a|an|he|she|it|they|we|i|his|her|its|their|this|"
                r"these|those|[A-Z][\w’'-]*)\s)|(?:the\s+)?[a-z]+(?:\s+(?:yesterday|today|tonight|on\s+[A-Z][a-z]+day|"
                r"last\s+(?:week|night|month)))?\s+(?=(?:he|she|it|they|we|there)\s))")  # "told the jury yesterday he ..."


@functools.lru_cache(maxsize=1)
def SECOND_VERB() -> re.Pattern:
    # "... and added that", "..., and it warned residents": the same speaker, by a pronoun or not at all
    return re.compile(rf"\s*(?:[–—;]|,)?\s+(?:but|and)\s+(?:(?:he|she|it|they|we)\s+)?(?:also\s+)?"
                      rf"(?P<verb>{verbs()['rx']})\s+(?:that\s+)?", re.IGNORECASE)


# verbs of saying that take a clause without "that" ("Acme said it would appeal"); the others report
# speech only with "that" ("the agency confirmed that ..."), and with a noun they report an act
# ("confirmed its first case", "declared an emergency")
_BARE_CLAUSE = frozenset("say add tell state claim argue insist warn note explain stress maintain assert contend allege "
                         "admit acknowledge concede write reply tweet post emphasize emphasise reiterate repeat predict estimate suggest "
                         "promise vow pledge believe remark recall observe conclude caution".split())


@functools.lru_cache(maxsize=1)
def _bare_forms() -> frozenset[str]:
    from presslens.text import vocabulary

    return frozenset(f for v in _BARE_CLAUSE for f in vocabulary.inflections(v)) | _BARE_CLAUSE


def bare_clause_verb(verb: str) -> bool:
    return verb.lower() in _bare_forms()
