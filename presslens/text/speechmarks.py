"""Direct speech marked the way another language marks it, left in an English article: a signal of translation from
any language that punctuates speech otherwise (issue 26).

English news puts a speaker's own words between quotation marks, “...,” she said, and nothing else. Many languages do
not, and a machine translation (or a hurried human one) keeps their marks or drops them:

- ``guillemets`` - « » (French, Italian, Spanish, Portuguese, Russian, Ukrainian ...) around or beside English words:
  listed, never counted (an English desk of such a newsroom keeps its own marks; an article written in English was
  called a translation by them, pass 26g);
- ``dash`` - speech introduced or closed by a dash before the speech verb, the Slavic and Scandinavian dialogue dash
  ("..., — said Olena Kovalenko", "– We are ready, says Kovalenko.");
- ``unmarked`` - first-person words followed by a speech tag with no quotation mark in the sentence ("We have vaccines
  in readiness, says Kovalenko."): the source's dash was dropped, and no English desk prints a speaker's "we" without
  marks.

:func:`speech_signals` reads one article's sentences: a dash or unmarked form seen in one sentence weighs 2 (a stray mark can be a typo
or a quoted foreign headline), in two sentences or more 3 (a house convention, not a slip): one signal per article,
rule :data:`RULE`, with the first sentence. A signal of the whole article's punctuation, so a shared wire sentence
read by many articles counts for each of them. The unmarked form alone never weighs more than 2, however many
sentences show it (two sentences weigh 3 only when a dash is among them): British live blogs and features report a speaker's words with "..., he says" and no marks ("The
whole affair raises questions about the ethics of our police, says the minister"), so it corroborates other
evidence and never carries a verdict alone (a false call on a live blog of an unseen dev set, session 13). The sources are CLDR's quotation-mark data and the style guides that
describe the dialogue dash (``mt_phrases.yaml``'s sources ``cldr`` and ``tt-style``). Until ``mt_phrases.yaml``
version 10 the unmarked form was a formula of that list for the Nordic languages alone ("– Vi ..., säger X.").
"""
from __future__ import annotations

import re

import regex as _regex

from .mtsignals import Signal, zipf

RULE = "speech marked the source's way"
# the unmarked form alone: its own rule, so that it corroborates no other corroboration (an English edition's
# address): a British article on a bilingual site's /en/ address with one "..., he says" was called a translation
UNMARKED_RULE = "speech without quotation marks"
GUILLEMET_RULE = "guillemets « »"
KIND = "locale format"
ONE, SEVERAL = 2, 3  # the weight of one sentence showing it, of two sentences or more
# the languages each form points to: guillemets are the quotation marks of Romance and East Slavic news; the dialogue
# dash closing a quotation ("«...», — said X" with the marks lost) is Slavic and Nordic; a quotation opened by a dash
# alone and closed by "says X" is the Nordic news convention (TT, NTB, Ritzau, STT), so its lost dash points there
LANGUAGES = {"guillemets": ("fr", "it", "es", "pt", "ru", "uk"), "dash": ("ru", "uk", "bg", "pl", "sv", "no", "da", "fi"),
             "unmarked": ("sv", "no", "da", "fi")}
SOURCES = {"guillemets": "cldr", "dash": "tt-style", "unmarked": "tt-style"}  # mt_phrases.yaml's sources
_SPEECH_VERB = r"(?:says|said|adds|added|stressed|stresses|explained|explains|noted|notes|emphasi[sz]ed|stated|writes|wrote)"
_NAME = r"(?:the\s+)?(?:[A-Z][\w’'-]+\s*){1,3}"
GUILLEMET = re.compile(r"[«»]")
QUOTED = re.compile(r"«([^«»]*)»")
DASH_TAG = re.compile(rf"[,.!?]\s?[—–]\s?{_SPEECH_VERB}\s+{_NAME}")
DASH_OPEN = re.compile(rf"^[—–]\s?(?:We|I|Our|My)\b.*,\s?(?:[—–]\s?)?{_SPEECH_VERB}\s+{_NAME}[.!]?$")
UNMARKED = re.compile(rf",\s+(?:{_SPEECH_VERB}\s+(?:he|she|{_NAME})|(?:he|she)\s+{_SPEECH_VERB})(?:,\s+[^,.]{{3,90}})?[.!]?$")
# a speaker's first person, as presslens.analyses.quotes.reported reads it: "US" (the country), "ME" (Maine) and a
# numeral "I" after a capitalised word ("World War I", "Clade I") are none; "I" only before a verb or "'m"
FIRST_PERSON = _regex.compile(r"(?<![\w’'-])(?:[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)(?![\w’'-])|"
                              r"(?<![\w’'-])(?<!\p{Lu}[\w’'.-]*\s+)I(?=[’'](?:m|ve|ll|d)\b|\s+(?-i:[a-z]))|"
                              r"(?<![\w’'-])[Ww]e[’'](?:re|ve|ll|d)\b")
# a quotation mark of any kind (an apostrophe inside a word is no mark)
QUOTE_MARK = re.compile(r"[\"“”„«»‘‚]|(?<![A-Za-z])['’]|['’](?![A-Za-z])")
_WORD = re.compile(r"[A-Za-z]{2,}")


def _english(text: str, bare: bool = False) -> bool:
    """Whether ``text`` reads as English: four Latin words or more, most of them ordinary English ones (a French
    quotation in its own marks is no translation artefact); with ``bare``, also a text of fewer than four words (a
    mark left alone on its line of an English article)."""
    ws = _WORD.findall(text)
    if len(ws) < 4:
        return bare
    return sum(zipf(w.casefold(), "en") >= 3.0 for w in ws) >= 0.7 * len(ws)


def form(sentence: str) -> str | None:
    """Which of the forms (see the module docstring) one sentence shows, or None (a counted form first)."""
    s = sentence.strip()
    if (DASH_TAG.search(s) or DASH_OPEN.search(s)) and _english(s):
        return "dash"
    m = UNMARKED.search(s)
    if m and not QUOTE_MARK.search(s) and FIRST_PERSON.search(s[:m.start()]) and _english(s[:m.start()]):
        return "unmarked"
    inner = QUOTED.findall(s)  # words between « and »: a quotation in French is not a translation's mark
    if GUILLEMET.search(s) and (all(_english(q, bare=True) for q in inner) if inner
                                else _english(GUILLEMET.sub(" ", s), bare=True)):
        return "guillemets"
    return None


def speech_signals(sentences: list[tuple[int, str]]) -> list[tuple[int, str, Signal]]:
    """One article's sentences (sent_id, text) -> (sent_id, sentence, Signal) rows: speech marked the way another
    language marks it (a dash, or no marks), weight :data:`ONE` in one sentence, :data:`SEVERAL` in two or more with
    a dash among them, at
    most one row (rule :data:`RULE`, :data:`UNMARKED_RULE` when no dash is among them); and guillemets, listed
    with weight 0 (rule :data:`GUILLEMET_RULE`), never counted: an English desk of a French- or Russian-speaking newsroom keeps its own quotation marks, as it keeps a
    name in its own script, so they are no sign of a translation by themselves."""
    found = [(sid, txt, f) for sid, txt in sentences if (f := form(txt))]
    out = []
    counted = [x for x in found if x[2] != "guillemets"]
    if counted:
        forms = list(dict.fromkeys(f for _, _, f in counted))
        langs = tuple(dict.fromkeys(code for f in forms for code in LANGUAGES[f]))
        sid, txt, _ = counted[0]
        detail = (f"direct speech marked the source's way ({', '.join(forms)}) in {len(counted)} sentence"
                  f"{'s' if len(counted) > 1 else ''}: English puts a speaker's words between quotation marks")
        dashes = sum(f == "dash" for _, _, f in counted)
        out.append((sid, txt, Signal(KIND, detail, langs, SEVERAL if dashes and len(counted) >= 2 else ONE,
                                     RULE if dashes else UNMARKED_RULE, SOURCES[forms[0]])))
    marks = [x for x in found if x[2] == "guillemets"]
    if marks:
        sid, txt, _ = marks[0]
        out.append((sid, txt, Signal(KIND, f"guillemets « » in {len(marks)} sentence{'s' if len(marks) > 1 else ''} "
                                     "(listed, never counted: a newsroom's own quotation marks)",
                                     LANGUAGES["guillemets"], 0, GUILLEMET_RULE, SOURCES["guillemets"])))
    return out
