"""Sources and quotes: who speaks, with which verb, in which words (rule-based, for news English).

:func:`extract_article` works on one article's paragraphs (title first), whose quotation marks
:func:`presslens.text.quote_spans` has already paired. For every quoted stretch it looks for an
attribution right after the closing mark (", Felix said", ", said an OpenAI spokesperson") or right
before the opening one ("Felix said:", "according to X,"); a quote with none continues the speaker
of the quote before it in the paragraph (a split quote) or, opening a paragraph, the speaker of the
previous paragraph's last quote (a *floating* quote); otherwise it is *unattributed*, never
guessed. A quoted word or short phrase that nobody is said to say is a *cited* term ("secretly",
"cut corners"). Sentences that report speech without quotation marks ("ByteDance said it was ...")
are kept apart as *indirect*.

Speakers resolve through story.yaml: a listed speaker by any of their names (kind ``named``, actor =
their affiliation), an anonymous source ("a person with knowledge of ..."; kind ``anonymous``), a
role or organisation ("an OpenAI spokesperson", "ByteDance"; kind ``role``) with its actor through
the naming resolver, a pronoun to the last person named, else another capitalised name (``named``).
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import pandas as pd

from . import naming, text
from .corpus import Story
from .memo import story_table

QUOTE_COLS = ["article_id", "outlet", "para_idx", "start", "end", "quote", "kind", "speaker_text", "speaker",
              "speaker_kind", "actor", "verb", "verb_class", "floating", "attribution", "paragraph"]
SHORT = 4  # a quoted stretch of this many words or fewer, with no speaker, is a cited term


@functools.lru_cache(maxsize=1)
def verbs() -> dict:
    """The reporting-verb classes (``presslens/data/reporting_verbs.yaml``), each with its forms."""
    from . import lexicon
    from .corpus import parse_yaml

    data = parse_yaml((Path(__file__).parent / "data" / "reporting_verbs.yaml").read_text(encoding="utf-8"))
    form_class: dict[str, str] = {}
    for name, c in data["classes"].items():
        for v in c["verbs"]:
            forms = {v} if " " in v else set(lexicon.inflections(v)) | {v}
            for f in forms:
                form_class.setdefault(f.lower(), name)
    data["form_class"] = form_class
    partial = {n for n, c in data["classes"].items() if c.get("partial_only")}
    single = sorted((f for f in form_class if " " not in f), key=len, reverse=True)
    data["rx"] = "|".join(re.escape(f) for f in single if form_class[f] not in partial)
    data["rx_partial"] = "|".join(map(re.escape, single))  # with the partial-only classes
    return data


def verb_class(verb: str | None) -> str | None:
    if not verb:
        return None
    v = verb.lower().split()
    fc = verbs()["form_class"]
    return fc.get(verb.lower()) or (fc.get(v[0]) if v else None)


@functools.lru_cache(maxsize=1)
def _patterns():
    V = verbs()["rx"]
    # a speaker phrase: words without sentence ends or quotation marks, at most about ten
    after_spk_verb = re.compile(rf"^\s*[,.—-]?\s*(?P<spk>[^,.!?\"“”:;]{{1,90}}?)\s+(?:has\s+|had\s+|also\s+)?(?P<verb>{V})\b",
                                re.IGNORECASE)
    after_verb_spk = re.compile(rf"^\s*[,.—-]?\s*(?P<verb>{V})\s+(?P<spk>[^.!?\"“”:;,]{{1,90}})", re.IGNORECASE)
    according = re.compile(r"according\s+to\s+(?P<spk>[^,.!?\"“”]{1,90}?)\s*[,:]?\s*$", re.IGNORECASE)
    according_after = re.compile(r"^\s*[,.]?\s*according\s+to\s+(?P<spk>[^,.!?\"“”]{1,90})", re.IGNORECASE)
    # a quote inside a sentence that ends with its attribution: '... "every phase" of it, The Verge reported.'
    sentence_end = re.compile(rf"^[^.!?\"“”,]*(?:,[^.!?\"“”,]*)*?,\s*(?P<spk>[^,.!?\"“”]{{1,60}}?)\s+(?P<verb>{V})\b"
                              rf"[^.!?\"“”]{{0,40}}[.!?]", re.IGNORECASE)
    return after_spk_verb, after_verb_spk, _Before(V), according, according_after, sentence_end


@functools.lru_cache(maxsize=1)
def _partial_before() -> "_Before":
    """The attribution of a short quote inside its clause, with the partial-only verbs too."""
    return _Before(verbs()["rx_partial"], gap=160)  # a partial quote can sit far into its clause


class _Before:
    """The attribution ending the text before a quote ('Jones said in a statement that', 'Felix
    said:'): the verb is found first, then the speaker before it and the gap after it are checked,
    which is linear in the text where one regular expression with both lazy groups was quadratic."""

    _SPK = re.compile(r"(?P<spk>[^.!?\"“”:;]{1,90}?)\s+(?:has\s+|had\s+|also\s+)?$", re.IGNORECASE)
    _DETERMINER = re.compile(r"(?i)(?<![\w'’])(?:the|a|an|its|their|his|her|our|these|those|such)\s+$")

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
            return {"spk": sm.group("spk"), "verb": vm.group(0), "gap": gm.group("gap")}
        return None


_ANON = re.compile(r"\b(?:sources?|person|people|insiders?|employees?|someone|individuals?)\b.*?"
                   r"|\b(?:anonymous|anonymity|familiar with|knowledge of|not authori[sz]ed)\b", re.IGNORECASE)
_ROLE = re.compile(r"\b(?:spokes(?:person|man|woman)|representatives?|official|officials|executives?|statement|"
                   r"company|firm|website|site|outlet|publication|magazine|broadcaster|agency|ceo|chief|director|manager|founder|president|lawmakers?|analysts?|media|press|"
                   r"newspapers?|documents?|records?|reports?|filings?|administration|government|regulators?)\b",
                   re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:he|she|they|it|we)$", re.IGNORECASE)
# a person brought in without a name ("A worker who asked not to be named", "one resident"): "he" or
# "she" after it may be them, so it no longer points back to the last named speaker
_ANON_PERSON = re.compile(r"(?i)\b(?:a|an|one|another)\s+(?:\w+\s+){0,2}(?:worker|employee|resident|official|source|"
                          r"person|man|woman|engineer|executive|staffer|insider|witness|neighbou?r|driver|member)\b")
import regex as _regex  # noqa: E402  (\p{Lu}, \p{L}: names in every script)

_NAME_WORD = r"\p{Lu}\p{L}*(?:['’-]\p{L}+)*"
_PERSON = _regex.compile(rf"(?<![\p{{L}}'’-])({_NAME_WORD}(?:\s+(?:(?:de|van|von|der|den|da|di|la|le|del|bin|al)\s+)*"
                         rf"{_NAME_WORD})+)(?![\p{{L}}'’])")
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Mx|Dr|Prof|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Supt|Insp|St|Rev|Hon|Pres)\.")
_NOT_SPEAKER = re.compile(r"^(?:it|this|that|which|who|there)$", re.IGNORECASE)


def _trim_speaker(spk: str) -> str:
    spk = spk.strip(" ,;:—-\u00a0")
    spk = _INTRO.sub("", spk)  # "In a six-page order, the agency", "Until then, the company"
    spk = re.sub(r"^(?:and|but|as|while|when|so|then|also)\s+", "", spk, flags=re.IGNORECASE)
    spk = re.sub(r"\s+(?:has|have|had|also|has also|had also)$", "", spk, flags=re.IGNORECASE)
    spk = re.sub(r"\s+\w+ly$", "", spk)  # "The Verge recently", "the administration reportedly"
    return spk


def resolve_speaker(spk: str, story: Story, last_person: str | None) -> tuple[str | None, str | None, str | None]:
    """(speaker, speaker_kind, actor) for a speaker phrase as written (see the module docstring)."""
    if spk.startswith("@"):  # a relative clause's antecedent (see _subject): the last actor named in it
        rx, entries = naming.actor_regex(story.actors)
        found = list(rx.finditer(spk)) if entries else []
        if not found:
            return None, None, None
        actor = entries[found[-1].lastindex - 1][0]
        return actor, "role", actor
    spk = _trim_speaker(spk)
    if not spk or _NOT_SPEAKER.match(spk):
        return None, None, None
    if _PRONOUN.match(spk):
        if spk.lower() in ("he", "she") and last_person:
            return _speaker_entry(story, last_person)
        return None, None, None  # "they", "it", "we", or no single person to refer to: not guessed
    rx, entries = naming.actor_regex(story.actors)
    found = list(rx.finditer(spk)) if entries else []
    m = found[-1] if found else None  # the actor nearest the verb: "citing ByteDance documents, The Verge"
    actor = entries[m.lastindex - 1][0] if m else None
    bare = spk
    for f in reversed(found):
        bare = _strip_actor(bare, f)
    # actors' names are taken out before speakers are looked up: a speaker alias "Hansen" is not in
    # "Hansen Logistics said" nor in "a source at Hansen Logistics"
    if _ANON.search(spk) and not _PERSON.search(bare):
        return _lower_first(spk), "anonymous", actor
    for sp in story.speakers:
        for form in (sp.name, *sp.aliases):
            if form and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", bare):
                sp_actor = naming.resolve(story, sp.affiliation) if sp.affiliation else None
                return sp.name, "named", sp_actor or sp.affiliation
    person = _PERSON.search(bare)
    if person and not _ROLE.search(person.group(1)):
        return person.group(1), "named", actor
    if actor or _ROLE.search(spk):
        return (actor if actor and _norm(spk) == _norm(m.group(0)) else _lower_first(spk)), "role", actor
    return None, None, None


_DETERMINERS = re.compile(r"^(?:a|an|the|one|two|three|some|several|many|other|another|its|their)$", re.IGNORECASE)


def _lower_first(spk: str) -> str:
    """A role or anonymous source opening with a determiner reads as it would mid-sentence: "An
    OpenAI spokesperson" is "an OpenAI spokesperson" (a name or proper adjective keeps its capital)."""
    w = spk.split()
    if len(w) >= 2 and _DETERMINERS.match(w[0]) and w[0][:1].isupper():
        return spk[:1].lower() + spk[1:]
    return spk


def _merge_case(rows: list[dict]) -> None:
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


def _last_person(story: Story, txt: str, spoken: str | None) -> str | None:
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


def _speaker_entry(story: Story, name: str):
    for sp in story.speakers:
        if sp.name == name:
            return sp.name, "named", naming.resolve(story, sp.affiliation) or sp.affiliation
    return name, "named", None


# a definite description and the kind of actor it refers back to: "the website said" is the news site
# named in the nearest sentence before it, "the company said" the company
_DEFINITE = [(re.compile(r"(?i)^the\s+(?:news\s+)?(?:website|site|outlet|publication|newspaper|paper|magazine|"
                         r"broadcaster|news\s+agency|wire\s+service|blog|report)$"), ("media", "news", "outlet", "newspaper")),
             (re.compile(r"(?i)^the\s+(?:company|firm|group|startup|start-up|developer|maker)$"),
              ("company", "organisation", "organization", "business"))]
_SPOKES = re.compile(r"(?i)^the\s+(?:spokes(?:person|man|woman)|representative|official|executive)$")


def _definite(story: Story, spk: str, earlier: str, last_role: tuple | None) -> tuple | None:
    """(speaker, kind, actor) for "the website", "the company" (the actor of that kind in the nearest
    sentence of ``earlier``, the article up to the quote, that names one, when it names only one,
    possessives aside) or "the spokesperson" (the one introduced before); None when the description
    is not one of these, or nothing fits, or two fit."""
    if _SPOKES.match(spk):
        return last_role
    for rx, kinds in _DEFINITE:
        if rx.match(spk):
            kind_of = {a.name: (a.kind or "").lower() for a in story.actors}
            arx, entries = naming.actor_regex(story.actors)
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


def _strip_actor(spk: str, m) -> str:
    return spk if m is None else spk[:m.start()] + spk[m.end():]


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("the ", "").split())


_REST_OK = re.compile(r"^\s*(?:(?:in|on|at|to|during|after|before|from|by|with|for|via|late|early|last|this|on)\b.*"
                      r"|(?:[A-Z][\w’'&.-]*\s*)+)?$")  # "in a statement", "on Monday", "The Verge", "Reuters"


def _attribution(before: str, after: str, n_words: int, quote: str = ""):
    """(speaker phrase, verb, where) from the text before and after one quote, or None."""
    after_spk_verb, after_verb_spk, before_rx, according, according_after, sentence_end = _patterns()
    before, after = _HONORIFIC.sub(r"\1", before), _HONORIFIC.sub(r"\1", after)  # "Mr. Lee said": one name
    tail = re.split(r"(?<=[.!?])\s+", before[-300:])[-1] if before.strip() else ""  # the clause before it
    lead_in = re.search(r"[:,]\s*$", tail) is not None  # 'O'Brien said: "..."' wins over the next sentence
    if lead_in:
        m = before_rx.search(tail)
        if m and not m["gap"].strip() and len(m["spk"].split()) <= 12:
            return m["spk"], m["verb"], "before"
    full_sentence = quote.rstrip(" ”\"’'").endswith((".", "!", "?"))
    for rx, where in ((after_verb_spk, "after"), (after_spk_verb, "after"), (according_after, "after"),
                      (sentence_end, "sentence end")):
        m = rx.search(after)
        if m:
            verb = m.groupdict().get("verb") or "according to"
            spk = m.group("spk")
            if _FUNCTION_WORD.match(spk.strip()) or re.match(r"(?i)\s*(?:in|on|at|with|during|after|before|from|to|for|"
                                                              r"by)\b|.*\b(?:and|but)\s*$", spk):
                continue  # '"baseless" and denied wrongdoing', '"unfair" in an interview with Reuters and said'
            if _negated(spk) or re.match(r"(?i)\s*(?:which|who|that)\b", spk) or \
                    re.match(r"\s*(?:nothing|no\s+more|little)\b", after[m.end("verb"):] if "verb" in m.groupdict() else ""):
                continue  # "Reed declined to comment", "which Acme denied", "Acme said nothing"
            if verb[:1].isupper() and verb != "According to":
                continue  # "the State Environmental Agency", "the Daily Report": a name, not a verb
            rest = after[m.end():]
            rest = re.split(r"[.!?]", rest, maxsplit=1)[0]
            if full_sentence and not _REST_OK.match(rest):
                continue  # a new sentence about something else: 'Lee said the port would sue.'
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
    if m and _negated(m["spk"]):
        return None
    if m and m["gap"].strip():
        spk = _subject(m["spk"])
        return (spk, m["verb"], "partial" if n_words <= SHORT else "before") if spk else None
    return None


_FUNCTION_WORD = re.compile(r"(?i)^(?:and|but|or|nor|then|also|so|as|while|when|yet|which|who|that|it|this)?$")
_INTRO = re.compile(r"(?i)^(?:\w+ly|earlier|later|meanwhile|however|separately|previously|yesterday|today|also|"
                    r"(?:last|this|next|on|in|at|since|by|until|after|before|during|under|following|despite|from)"
                    r"\b[^,]{0,50})\s*,\s*(?=\S)")
_RELATIVE = re.compile(r"(?i)\b(?:who|whom|whose|which|that)\b")
_PREPOSITION = re.compile(r"(?i)(?:^|\s)(?:in|of|on|at|by|for|to|with|from|about|under|through|during)$")
# the words before a reporting verb that take the words away from its subject: a negation or refusal
# ("Acme never called it ...", "refused to call"), a passive ("Acme was ordered to ...")
_NEGATED = re.compile(r"(?i)\b(?:not|never|no|neither|nor|refused|refuses|declined|declines|denied|denies|"
                      r"without)\b|n[’']t\b|\b(?:was|were|is|are|been|be|being)$")
def _negated(spk: str) -> bool:
    """Whether the words before a reporting verb negate it or make it passive (:data:`_NEGATED`);
    a source's anonymity ("who declined to be named", "not authorised to speak") is no negation."""
    return bool(_NEGATED.search(re.sub(r"(?i)\b(?:declined|refused|asked\s+not)\s+to\s+be\s+(?:named|identified)|"
                                       r"not\s+authori[sz]ed\b.*", "", spk)))


# a sentence that asks or supposes rather than reports: "Did Acme call ...?", "If Acme calls ..."
_NOT_A_REPORT = re.compile(r"(?i)^\s*(?:did|does|do|why|how|what|when|where|would|will|can|could|should|is|are|"
                           r"was|were|if|unless|whether)\b")


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
    s = _trim_speaker(spk)
    rel = list(_RELATIVE.finditer(s))
    if rel:
        r = rel[-1]
        before, rest = s[:r.start()], _trim_speaker(s[r.end():])
        word = r.group(0).lower()
        prev = before.split()[-1].lower().strip(",") if before.split() else ""
        if word == "whose" and rest:
            return _subject(f"{before.rstrip(' ,')} {rest}")
        if (word == "that" and verb_class(prev)) or _PREPOSITION.search(before.rstrip(" ,")):
            return rest if rest and len(rest.split()) <= 5 and not _RELATIVE.search(rest) else None
        if not rest:
            ante = _trim_speaker(" ".join(before.split()[-6:]))
            return "@" + ante if ante else None
        return _subject(before) if before.strip(" ,") else None  # the relative clause describes the head
    s = _INTRO.sub("", s)  # "Earlier, foreign media", "On Monday, Acme", "In a six-page order, the agency"
    if re.search(r"(?i)\b(?:and|or|nor|not)\b", s) or re.search(rf"(?i)\b(?:{verbs()['rx']})\b", s):
        return None
    if len(s.split()) <= 5:
        return s
    last = _trim_speaker(s.rsplit(",", 1)[-1])
    return last if "," in s and 0 < len(last.split()) <= 5 else None


def extract_article(article_id: str, outlet: str, paragraphs: list[str], story: Story,
                    indirect: bool = True) -> list[dict]:
    """Every quoted stretch of one article (paragraphs in order, title first when it has one), and
    with ``indirect`` the reported speech of its paragraphs without quotation marks."""
    rows: list[dict] = []
    last_person: str | None = None
    last_role: tuple | None = None
    prev_par_speaker: tuple | None = None
    for p_idx, par in enumerate(paragraphs):
        spans = text.quote_spans(par).spans
        par_speaker: tuple | None = None
        if not spans:
            prev_par_speaker = None
            if _ANON_PERSON.search(par):  # "A worker who asked not to be named said ...": "he" no
                last_person = None  # longer points back to the last named person
        if not spans and indirect:
            for row in _indirect_rows(article_id, outlet, p_idx, par, story):
                rows.append(row)
                if row["speaker_kind"] == "named":
                    last_person = row["speaker"]
                else:  # "A worker who asked not to be named said ...": "he" no longer points back
                    last_person = None  # to the last named person
                    if row["speaker_kind"] == "role" and row["actor"]:
                        last_role = (row["speaker"], row["speaker_kind"], row["actor"])
            continue
        if indirect:  # reported clauses around short quoted terms; listed beside the quoted stretches
            rows.extend(_indirect_rows(article_id, outlet, p_idx, par, story))
        for q_i, (a, b) in enumerate(spans):
            quote = par[a:b]
            n_words = len(text.TOKEN.findall(quote))
            if n_words == 0:
                continue
            prev_end = spans[q_i - 1][1] + 1 if q_i else 0
            next_start = spans[q_i + 1][0] - 1 if q_i + 1 < len(spans) else len(par)
            before, after = par[prev_end:max(prev_end, a - 1)], par[min(b + 1, len(par)):max(b + 1, next_start)]
            att = _attribution(before, after, n_words, quote)
            floating = False
            row = {"article_id": article_id, "outlet": outlet, "para_idx": p_idx, "start": a, "end": b, "quote": quote,
                   "speaker_text": None, "speaker": None, "speaker_kind": None, "actor": None, "verb": None,
                   "verb_class": None, "attribution": None, "paragraph": par}
            who = None
            if att and att[2] == "partial" and (naming.resolve(story, quote.strip(" ,.;:")) is not None
                                                or all(w[:1].isupper() for w in quote.split())):
                att = None  # 'deployed it on "Project Seed"': a name in quotation marks is cited, not said
            if att:
                spk, verb, where = att
                person = last_person
                if _PRONOUN.match(_trim_speaker(spk)):
                    window = "\n".join(paragraphs[max(0, p_idx - 1):p_idx] + [par[:a]])[-1500:]  # linear
                    person = _last_person(story, window, last_person)
                who = resolve_speaker(spk, story, person)
                if who[1] == "role" and who[2] is None:
                    earlier = "\n".join(paragraphs[max(0, p_idx - 6):p_idx] + [par[max(0, a - 3000):a]])  # linear
                    who = _definite(story, _trim_speaker(spk), earlier, last_role) or who
                row.update(speaker_text=_trim_speaker(spk).lstrip("@"), verb=verb, verb_class=verb_class(verb),
                           attribution=where)
                if who[0] is None:  # an attribution the story cannot resolve ("said one crane operator"):
                    who = None  # kept, never replaced by the previous speaker
            sentence_like = quote.rstrip(" ,”\"’'").endswith((".", "!", "?")) or quote[:1].islower()
            if who is None and att is None and (n_words > SHORT or (par_speaker and sentence_like)) \
                    and not _verb_near().search(re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]):  # its own attribution
                inherit = par_speaker or (prev_par_speaker if q_i == 0 and par.lstrip()[:1] in "\"“‘'" else None)
                if inherit:
                    who = inherit[:3]
                    row.update(speaker_text=inherit[3], verb=inherit[4], verb_class=verb_class(inherit[4]),
                               attribution="continues")
                    floating = par_speaker is None
            if who is None:
                spoken = row["verb"] is not None or n_words > SHORT
                row.update(kind="direct" if spoken else "cited", floating=False)
                rows.append(row)
                continue
            row.update(kind="direct", speaker=who[0], speaker_kind=who[1], actor=who[2], floating=floating)
            if row["attribution"] != "partial":  # "Reed called the fine “overdue”." starts no chain
                par_speaker = (*who, row["speaker_text"], row["verb"])
            if who[1] == "named":
                last_person = who[0]
            else:
                last_person = None
                if who[1] == "role" and who[2]:
                    last_role = who
            rows.append(row)
        prev_par_speaker = par_speaker if spans else None  # a paragraph of narration ends the chain
    _merge_case(rows)
    return rows


@functools.lru_cache(maxsize=1)
def _verb_near() -> re.Pattern:
    """A reporting verb (lower case) in the words after a quote: the quote has an attribution of its
    own ('“...,” an Acme lawyer, John Smith, said.') even when the rules cannot read its speaker."""
    return re.compile(rf"(?<![\w'’])(?:{verbs()['rx']})\b")


@functools.lru_cache(maxsize=1)
def _indirect_rx() -> re.Pattern:
    V = verbs()["rx"]
    # the clause may hold short quoted terms ('that ByteDance was “secretly” using ...'), never a
    # quote of its own: a quotation mark right after the verb makes the sentence a direct quote
    return re.compile(rf"^(?P<spk>(?:[^\s,.!?\"“”]+\s+){{0,5}}[^\s,.!?\"“”]+)\s+(?:has\s+|had\s+|also\s+)?"
                      rf"(?P<verb>{V})\s+(?:(?:(?<=told\s)|(?<=warned\s)|(?<=assured\s)|(?<=informed\s)|(?<=reminded\s))(?:(?:[\w’'-]+\s+){{1,4}}?(?=that\s)|[A-Z][\w’']*(?:\s+[A-Z][\w’']*)*\s+))?"
                      rf"(?:that\s+)?(?P<clause>[^\"“”:][^:]{{7,}})$")


# words that show the phrase before a verb is no plain subject: "The company has denied wrongdoing
# and said", "Lee never said", "did not respond"
_NOT_A_SUBJECT = re.compile(r"(?i)\b(?:and|or|but|has|have|had|was|were|is|are|been|not|never|did|does|do|will|would|"
                            r"could|may|might|declined|refused|after|before|since|until|because|when|while|if|unless)\b"
                            r"|n[’']t\b")  # "a day after Acme announced": a time, not the one who announced


def _indirect_rows(article_id: str, outlet: str, p_idx: int, par: str, story: Story) -> list[dict]:
    """Reported speech without quotation marks in one paragraph: a sentence whose subject is a
    speaker or an actor and whose verb reports ("ByteDance said it was ..."); kind 'indirect'."""
    rows = []
    for sent in re.split(r"(?<=[.!?])[”\"’]?\s+(?=[A-Z“\"])", par):
        sent = sent.strip()
        # the subject opens the sentence, or follows an opening phrase or clause and its comma
        # ("Meanwhile, a spokesperson told ...", "While acknowledging that ..., OpenAI stated that ...")
        cands = [sent] + [sent[c.end():] for c in list(re.finditer(r",\s+", sent))[:3]]
        appos = _APPOSITIVE.match(sent)  # "ByteDance, the parent company of TikTok, has stated that ..."
        if appos:
            cands.insert(1, appos.group(1) + " " + sent[appos.end():])
        acc = _ACCORDING.match(sent)  # "According to a spokesperson from ByteDance, the team uses ..."
        if acc:
            who = resolve_speaker(acc.group("spk"), story, None)
            if who[0] is not None:
                _add_indirect(rows, article_id, outlet, p_idx, par, acc.group("clause"), acc.group("spk"), who,
                              "according to")
                continue
        for cand in cands:
            m = _indirect_rx().match(cand)
            if m and verb_class(m.group("verb")) is not None and not _NOT_A_SUBJECT.search(_trim_speaker(m.group("spk"))):
                who = resolve_speaker(m.group("spk"), story, None)
                if who[0] is not None:
                    break
        else:
            continue
        sent, clause = cand, m.group("clause")
        if any(len(text.TOKEN.findall(clause[a:b])) > SHORT for a, b in text.quote_spans(clause).spans):
            continue  # a whole quote in the clause: the quote is the words, listed as direct
        if m.group("verb").lower() in ("respond", "responds", "responded", "responding", "ask", "asks", "asked") or \
                re.match(r"(?i)(?:told|tells|tell)\s+\S+(?:\s+\S+)?\s+to\s", sent[m.start("verb"):]):
            continue  # a request ("told the union to return") or a non-answer is not a statement
        # "confirmed that ... – but asserted any related text ...": two statements, each with its verb
        parts, verb, at = [], m.group("verb"), 0
        for c in _SECOND_VERB().finditer(clause):
            parts.append((clause[at:c.start()], verb))
            verb, at = c.group("verb"), c.end()
        parts.append((clause[at:], verb))
        for part, verb in parts:
            _add_indirect(rows, article_id, outlet, p_idx, par, part, m.group("spk"), who, verb)
    return rows


_APPOSITIVE = re.compile(r"^(\S+(?:\s+\S+){0,3}),\s+(?:the|a|an|its)\s+[^,\"“”]{3,60},\s+(?=\S)")
_ACCORDING = re.compile(r"^According\s+to\s+(?P<spk>[^,\"“”]{2,80}),\s+(?P<clause>[^\"“”]{8,})$")


def _add_indirect(rows: list, article_id: str, outlet: str, p_idx: int, par: str, part: str, spk: str, who: tuple,
                  verb: str) -> None:
    if len(part.strip()) < 8:
        return
    a = par.find(part)
    rows.append({"article_id": article_id, "outlet": outlet, "para_idx": p_idx, "start": a,
                 "end": a + len(part), "quote": part.rstrip(". "),
                 "kind": "indirect", "speaker_text": _trim_speaker(spk), "speaker": who[0],
                 "speaker_kind": who[1], "actor": who[2], "verb": verb,
                 "verb_class": verb_class(verb), "floating": False, "attribution": "indirect",
                 "paragraph": par})


@functools.lru_cache(maxsize=1)
def _SECOND_VERB() -> re.Pattern:
    return re.compile(rf"\s*(?:[–—;]|,)?\s+(?:but|and)\s+(?:also\s+)?(?P<verb>{verbs()['rx']})\s+(?:that\s+)?",
                      re.IGNORECASE)


def article_paragraphs(story: Story) -> dict[str, list[str]]:
    """Each article's paragraphs as presslens reads them: its title first (when it has one), then the
    cleaned body's paragraphs."""
    p = text.process(story)
    out = {}
    for r in story.articles.itertuples(index=False):
        title = r.title if isinstance(r.title, str) and r.title.strip() else None
        out[r.id] = ([title] if title else []) + text.paragraphs(p.clean_text.get(r.id, ""))
    return out


@story_table
def quotes(story: Story, indirect: bool = True) -> pd.DataFrame:
    """Every quote of the story, one row each (columns ``QUOTE_COLS``), in article order; kind is
    'direct', 'cited' or 'indirect'."""
    rows = []
    pars = article_paragraphs(story)
    for r in story.articles.itertuples(index=False):
        rows += extract_article(r.id, r.outlet, pars[r.id], story, indirect=indirect)
    _merge_case(rows)  # across articles too: one spelling per source in every table
    out = pd.DataFrame(rows, columns=QUOTE_COLS)
    order = {a: i for i, a in enumerate(story.articles["id"])}
    return out.assign(_a=out["article_id"].map(order)).sort_values(["_a", "para_idx", "start"], kind="mergesort") \
        .drop(columns="_a").reset_index(drop=True)


# ----------------------------------------------------------------------------------------------
# evaluation against a hand-labelled gold file


def _norm_text(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.casefold()).split())


def _same_span(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    x, y = _norm_text(a), _norm_text(b)
    if not x or not y:
        return False
    return x == y or fuzz.ratio(x, y) >= 90 or (min(len(x), len(y)) >= 0.8 * max(len(x), len(y))
                                                and (x in y or y in x))


def _same_speaker(gold: dict, row: dict) -> bool:
    g, e = gold.get("speaker"), row.get("speaker")
    if not g or not e or (isinstance(e, float)):
        return False
    gn, en = _norm_text(g), _norm_text(e)
    if gn == en or gn in en or en in gn:
        return True
    # a role or anonymous source: the same actor and kind is the same speaker
    return (gold.get("speaker_kind") in ("role", "anonymous") and gold.get("speaker_kind") == row.get("speaker_kind")
            and gold.get("actor") is not None and gold.get("actor") == row.get("actor"))


def evaluate(story: Story, gold_path: str | Path, kinds: tuple[str, ...] = ("direct", "cited", "indirect")) -> dict:
    """Precision and recall of :func:`quotes` against a gold file (tests/fixtures/quotes-gold.yaml):
    spans (a found quote matches a gold one of the same article when their words agree: equal, 90%
    similar, or one holding 80% of the other), kinds of the matched spans, and speakers (of direct
    and indirect quotes: the same person, or for a role or anonymous source the same actor). Returns
    the figures and the unmatched rows, for reading."""
    from .corpus import parse_yaml

    gold = parse_yaml(Path(gold_path).read_text(encoding="utf-8"))["articles"]
    q = quotes.uncached(story)  # measured afresh, never from the result cache
    q = q[q["kind"].isin(kinds)]
    by_file = {f"{aid}.md": aid for aid in story.articles["id"]}
    found_rows, gold_rows = [], []
    for fname, entries in gold.items():
        aid = by_file.get(fname, fname.removesuffix(".md"))
        for g in entries or []:
            if g.get("kind") in kinds:
                gold_rows.append({**g, "article_id": aid})
    found_rows = q.to_dict("records")
    matched_gold: dict[int, int] = {}
    for i, r in enumerate(found_rows):
        for j, g in enumerate(gold_rows):
            if j in matched_gold.values() or g["article_id"] != r["article_id"]:
                continue
            if _same_span(g["text"], r["quote"]):
                matched_gold[i] = j
                break
    pairs = [(found_rows[i], gold_rows[j]) for i, j in matched_gold.items()]
    spoken = ("direct", "indirect")
    gold_spk = [g for g in gold_rows if g.get("speaker") and g["kind"] in spoken]
    found_spk = [r for r in found_rows if isinstance(r.get("speaker"), str) and r["kind"] in spoken]
    right = sum(1 for r, g in pairs if g.get("speaker") and g["kind"] in spoken and _same_speaker(g, r))
    out = {
        "spans": {"precision": len(pairs) / len(found_rows) if found_rows else 1.0,
                  "recall": len(pairs) / len(gold_rows) if gold_rows else 1.0,
                  "found": len(found_rows), "gold": len(gold_rows), "matched": len(pairs)},
        "kind_accuracy": sum(r["kind"] == g["kind"] for r, g in pairs) / len(pairs) if pairs else 1.0,
        "speakers": {"precision": right / len(found_spk) if found_spk else 1.0,
                     "recall": right / len(gold_spk) if gold_spk else 1.0,
                     "found": len(found_spk), "gold": len(gold_spk), "right": right},
        "missed": [g for j, g in enumerate(gold_rows) if j not in matched_gold.values()],
        "spurious": [r for i, r in enumerate(found_rows) if i not in matched_gold],
        "wrong_speaker": [(r, g) for r, g in pairs if g.get("speaker") and g["kind"] in spoken
                          and not _same_speaker(g, r)],
    }
    return out


# ----------------------------------------------------------------------------------------------
# fidelity: the same statement as each outlet quotes it

FIDELITY_COLS = ["statement", "outlet", "article_id", "label", "negation", "similarity", "version", "reference",
                 "diff", "speaker", "reference_outlet"]
MATCH = 70  # rapidfuzz ratio (0-100) at which two quoted sentences are the same statement
NARRATION_MATCH = 85  # partial ratio at which a clause of a quote is found in another outlet's narration


def _sentences_of(quote: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", quote) if len(text.TOKEN.findall(s)) >= 4]


def word_diff(a: str, b: str) -> str:
    """A word-level diff of ``b`` against ``a`` (rapidfuzz's Indel opcodes over the words): removed
    words in [-...-], added ones in {+...+}."""
    from rapidfuzz.distance import Indel

    wa, wb = a.split(), b.split()
    out = []
    for tag, i1, i2, j1, j2 in Indel.opcodes(wa, wb):
        if tag == "equal":
            out.append(" ".join(wa[i1:i2]))
        if tag in ("delete", "replace"):
            out.append("[-" + " ".join(wa[i1:i2]) + "-]")
        if tag in ("insert", "replace"):
            out.append("{+" + " ".join(wb[j1:j2]) + "+}")
    return " ".join(x for x in out if x)


def _label(ref: str, version: str) -> str:
    """verbatim (the same words), trimmed (words of the reference left out, none added or changed),
    extended (words added, none left out), else reworded; case, punctuation and apostrophes aside."""
    from rapidfuzz.distance import Indel

    r, v = _norm_text(ref).split(), _norm_text(version).split()
    if r == v:
        return "verbatim"
    tags = {op[0] for op in Indel.opcodes(r, v)} - {"equal"}
    if tags == {"delete"}:
        return "trimmed"
    if tags == {"insert"}:
        return "extended"
    return "reworded"


def _rejoined(q: pd.DataFrame) -> list[tuple[str, str, str, str | None]]:
    """Direct quotes with the fragments of one statement split around its attribution put back
    together (same article, paragraph and speaker, one after the other): '"The sale was legal," she
    said. "We will appeal."' is one quotation; the comma the attribution left becomes the full stop
    the speaker said, or goes when the sentence goes on ('"The decision," she said, "was final."')."""
    out: list[list] = []
    for r in q.itertuples(index=False):
        speaker = r.speaker if isinstance(r.speaker, str) else None
        prev = out[-1] if out else None
        if prev and speaker and prev[3] == speaker and prev[0] == r.article_id and prev[4] == r.para_idx:
            head = prev[2].rstrip()
            if head.endswith(","):
                head = head[:-1] + ("." if r.quote[:1].isupper() else "")
            prev[2] = f"{head} {r.quote.strip()}"
            continue
        out.append([r.article_id, r.outlet, r.quote, speaker, r.para_idx])
    return [(a, o, t, sp) for a, o, t, sp, _ in out]


_NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot)\b|n[’']t\b", re.IGNORECASE)


def _negation_change(ref: str, version: str) -> str:
    """'dropped' or 'added' when the version has fewer or more negations than the reference."""
    a, b = len(_NEGATION.findall(ref)), len(_NEGATION.findall(version))
    return "" if a == b else ("dropped" if b < a else "added")


@story_table
def fidelity(story: Story, match: int = MATCH) -> pd.DataFrame:
    """The same quoted statement across outlets: every sentence of a direct quote (four words or
    more) is grouped with the sentences other articles quote that are at least ``match`` similar
    (rapidfuzz ratio on their words); a group quoted by two articles or more is a statement. Each
    version is labelled against the reference: verbatim, trimmed, extended or
    reworded, with a word diff and ``negation`` ('dropped' or 'added' when a not, no or never is); the
    fragments of a quote split around its attribution are put back together first; an article that
    carries the statement in its own narration, unquoted,
    gets 'paraphrased into narration' with the sentence. The reference is the version closest to all
    the others (the medoid), so one outlet's rewording does not become the yardstick. Columns
    ``FIDELITY_COLS``."""
    from rapidfuzz import fuzz, process

    q = quotes(story)
    q = q[q["kind"] == "direct"]
    items = []  # (article_id, outlet, sentence, speaker)
    for aid, outlet, quote, speaker in _rejoined(q):
        for s in _sentences_of(quote):
            items.append((aid, outlet, s, speaker))
    norm = [_norm_text(s) for _, _, s, _ in items]
    group = list(range(len(items)))

    def find(i):
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    if norm:
        import numpy as np

        uniq = sorted(set(norm))  # the same words quoted many times are compared once
        first_of = {u: [] for u in uniq}
        for i, n in enumerate(norm):
            first_of[n].append(i)
        for members in first_of.values():  # identical sentences are one statement
            for j in members[1:]:
                group[find(j)] = find(members[0])
        step = 2000  # rows of the similarity matrix at a time: memory stays bounded
        for lo in range(0, len(uniq), step):
            sim = process.cdist(uniq[lo:lo + step], uniq, scorer=fuzz.ratio, score_cutoff=match, workers=1)
            for a, b in zip(*np.nonzero(sim)):
                if lo + a < b:
                    group[find(first_of[uniq[b]][0])] = find(first_of[uniq[lo + a]][0])
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    sents = text.process(story).sentences
    from .keyness import STOPWORDS

    art_rank = {a: i for i, a in enumerate(story.articles["id"])}
    narr: list[tuple[str, str, str, str]] = []  # (article, outlet, sentence, its words) of unquoted sentences
    word_index: dict[str, list[int]] = {}  # content word -> narration sentences holding it
    for aid, outlet, t, nq in zip(sents["article_id"].tolist(), sents["outlet"].tolist(), sents["text"].tolist(),
                                  sents["n_quoted"].tolist()):
        if nq == 0:
            n = _norm_text(t)
            for w in set(n.split()):
                if len(w) > 3 and w not in STOPWORDS:
                    word_index.setdefault(w, []).append(len(narr))
            narr.append((aid, outlet, t, n))
    rows = []
    n_statement = 0
    for members in groups.values():
        arts = {items[i][0] for i in members}
        if len(arts) < 2:
            continue
        n_statement += 1
        # the reference: the version closest to all the others (then the longer, then the first)
        ref_i = max(members, key=lambda i: (sum(fuzz.ratio(norm[i], norm[j]) for j in members), len(norm[i]), -i))
        ref = items[ref_i]
        speaker = next((items[i][3] for i in members if items[i][3]), None)
        for i in sorted(members):
            aid, outlet, s, _ = items[i]
            rows.append({"statement": n_statement, "outlet": outlet, "article_id": aid,
                         "label": "reference" if i == ref_i else _label(ref[2], s),
                         "negation": _negation_change(ref[2], s),
                         "similarity": round(fuzz.ratio(norm[i], norm[ref_i]), 1), "version": s,
                         "reference": ref[2], "diff": word_diff(ref[2], s), "speaker": speaker,
                         "reference_outlet": ref[1]})
        clauses = [_norm_text(c) for c in re.split(r"[,;:]\s+", ref[2]) if len(c.split()) >= 4] or [norm[ref_i]]
        # candidates: narration sentences sharing two content words with a clause (an index, not all pairs)
        best_of: dict[str, tuple] = {}
        for c in clauses:
            counts: dict[int, int] = {}
            for w in sorted({w for w in c.split() if len(w) > 3 and w not in STOPWORDS}):
                for k in word_index.get(w, ()):
                    counts[k] = counts.get(k, 0) + 1
            for k, shared in counts.items():
                aid = narr[k][0]
                if shared < 2 or aid in arts:
                    continue
                score = fuzz.partial_ratio(c, narr[k][3], score_cutoff=NARRATION_MATCH)
                if score and (aid not in best_of or score > best_of[aid][0]):
                    best_of[aid] = (score, k)
        for aid, (score, k) in sorted(best_of.items(), key=lambda kv: art_rank.get(kv[0], 0)):
            t = narr[k][2]
            rows.append({"statement": n_statement, "outlet": narr[k][1], "article_id": aid,
                         "label": "paraphrased into narration", "negation": _negation_change(ref[2], t),
                         "similarity": round(score, 1), "version": t,
                         "reference": ref[2], "diff": word_diff(ref[2], t), "speaker": speaker,
                         "reference_outlet": ref[1]})
    return pd.DataFrame(rows, columns=FIDELITY_COLS)


# ----------------------------------------------------------------------------------------------
# per outlet


@story_table
def voice_share(story: Story) -> pd.DataFrame:
    """Whose words each outlet quotes: words inside direct quotes per outlet and speaking actor (a
    speaker without an actor counts under their own name; 'unattributed' when no speaker is found).
    Columns: outlet, voice, quoted_words, n_quotes, share (of the outlet's quoted words)."""
    q = quotes(story)
    q = q[q["kind"] == "direct"].copy()
    cols = ["outlet", "voice", "quoted_words", "n_quotes", "share"]
    if q.empty:
        return pd.DataFrame(columns=cols)
    q["voice"] = [a if isinstance(a, str) else (s if isinstance(s, str) else "unattributed")
                  for a, s in zip(q["actor"], q["speaker"])]
    q["quoted_words"] = [len(text.TOKEN.findall(t)) for t in q["quote"]]
    g = q.groupby(["outlet", "voice"], sort=False).agg(quoted_words=("quoted_words", "sum"),
                                                       n_quotes=("quote", "size")).reset_index()
    g["share"] = g["quoted_words"] / g.groupby("outlet")["quoted_words"].transform("sum")
    rank = {o: i for i, o in enumerate(story.outlets)}
    g = g.assign(_o=g["outlet"].map(rank)).sort_values(["_o", "quoted_words", "voice"], ascending=[True, False, True],
                                                        kind="mergesort")
    return g[cols].reset_index(drop=True)


@story_table
def speakers(story: Story) -> pd.DataFrame:
    """Who speaks in each outlet, in order: one row per outlet x speaker of direct or indirect
    quotes with speaker_kind, actor, n_direct, n_indirect, quoted_words, verbs (as written, most
    used first), verb_classes, first (speaks first in one of the outlet's articles), last."""
    q = quotes(story)
    q = q[q["kind"].isin(["direct", "indirect"]) & q["speaker"].notna()].copy()
    cols = ["outlet", "speaker", "speaker_kind", "actor", "n_direct", "n_indirect", "quoted_words", "verbs",
            "verb_classes", "first", "last"]
    if q.empty:
        return pd.DataFrame(columns=cols)
    recs = q[["article_id", "outlet", "speaker", "speaker_kind", "actor", "kind", "quote", "verb", "verb_class"]] \
        .astype(object).where(q.notna(), None).to_dict("records")  # plain rows: no per-group frame slicing
    firsts, lasts, seen = set(), set(), {}
    for r in recs:
        key = (r["outlet"], r["speaker"])
        if r["article_id"] not in seen:
            firsts.add(key)
        seen[r["article_id"]] = key
    lasts.update(seen.values())
    agg: dict[tuple, dict] = {}
    for r in recs:
        key = (r["outlet"], r["speaker"])
        a = agg.setdefault(key, {"speaker_kind": r["speaker_kind"], "actor": None, "n_direct": 0, "n_indirect": 0,
                                 "quoted_words": 0, "verbs": {}, "classes": {}})
        a["actor"] = a["actor"] or r["actor"]
        if r["kind"] == "direct":
            a["n_direct"] += 1
            a["quoted_words"] += len(text.TOKEN.findall(r["quote"]))
        else:
            a["n_indirect"] += 1
        if r["verb"]:
            a["verbs"][r["verb"].lower()] = a["verbs"].get(r["verb"].lower(), 0) + 1
        if r["verb_class"]:
            a["classes"][r["verb_class"]] = a["classes"].get(r["verb_class"], 0) + 1
    rows = []
    for (outlet, spk), a in agg.items():
        by_count = lambda d: ", ".join(sorted(d, key=lambda k: (-d[k], k)))  # noqa: E731
        rows.append({"outlet": outlet, "speaker": spk, "speaker_kind": a["speaker_kind"], "actor": a["actor"],
                     "n_direct": a["n_direct"], "n_indirect": a["n_indirect"], "quoted_words": a["quoted_words"],
                     "verbs": by_count(a["verbs"]), "verb_classes": by_count(a["classes"]),
                     "first": (outlet, spk) in firsts, "last": (outlet, spk) in lasts})
    out = pd.DataFrame(rows, columns=cols)
    rank = {o: i for i, o in enumerate(story.outlets)}
    return out.assign(_o=out["outlet"].map(rank)).sort_values(["_o", "quoted_words", "speaker"],
                                                              ascending=[True, False, True], kind="mergesort") \
        .drop(columns="_o").reset_index(drop=True)


RESPONSE_COLS = ["outlet", "party", "actor", "carried", "n_direct", "n_indirect", "first_para", "first_quote",
                 "speakers"]


@story_table
def responses(story: Story) -> pd.DataFrame:
    """Balance: for each outlet and each party of the story (story.yaml ``parties``: accused,
    accusers), whether the outlet lets that actor speak, in direct or reported speech, through any of
    its speakers (a spokesperson, an executive, the company itself). One row per outlet x party x
    actor: carried, n_direct, n_indirect, first_para (the paragraph of the first such quote in the
    outlet's first article that has one), first_quote and speakers. Empty when story.yaml names no
    parties (the notebook says how to add them)."""
    rows = []
    q = quotes(story)
    q = q[q["kind"].isin(["direct", "indirect"])]
    by = {(o, a): g for (o, a), g in q.groupby(["outlet", "actor"], sort=False)} if not q.empty else {}
    for role in ("accused", "accusers"):
        for actor in story.parties.get(role, ()):
            for outlet in story.outlets:
                g = by.get((outlet, actor))
                if g is None:
                    rows.append({"outlet": outlet, "party": role, "actor": actor, "carried": False, "n_direct": 0,
                                 "n_indirect": 0, "first_para": None, "first_quote": None, "speakers": ""})
                    continue
                first = g.iloc[0]
                rows.append({"outlet": outlet, "party": role, "actor": actor, "carried": True,
                             "n_direct": int((g["kind"] == "direct").sum()),
                             "n_indirect": int((g["kind"] == "indirect").sum()),
                             "first_para": int(first["para_idx"]), "first_quote": first["quote"],
                             "speakers": ", ".join(dict.fromkeys(str(s) for s in g["speaker"] if isinstance(s, str)))})
    return pd.DataFrame(rows, columns=RESPONSE_COLS)


def parties_summary(story: Story) -> str:
    """One line on the story's parties (story.yaml ``parties``), or how to add them."""
    if not story.parties:
        return ("story.yaml names no parties, so balance is not measured: add e.g. "
                "`parties: {accused: [ActorName], accusers: [OtherActor]}` (actor names) and re-run.")
    return "Parties (story.yaml): " + "; ".join(f"{role} {', '.join(names)}" for role, names in story.parties.items()
                                                 if names) + "."
