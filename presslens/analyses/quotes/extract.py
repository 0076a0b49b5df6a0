"""Sources and quotes: who speaks, with which verb, in which words (rule-based, for news English).

:func:`extract_article` works on one article's paragraphs (title first), whose quotation marks
:func:`presslens.text.segment.quote_spans` has already paired. For every quoted stretch it looks for an
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

One idea: reading one article's quotes paragraph by paragraph. The helpers below carry a speaker from one
quote or paragraph to the next (split, floating and answering quotes) and tell a quoted term from a quote;
the attribution rules are in :mod:`.attribution`, speakers in :mod:`.resolve` and reported speech in
:mod:`.reported`.
"""
from __future__ import annotations

import functools
import re

import pandas as pd

from presslens.engine import perarticle, sanity, tables
from presslens.engine.memo import story_table
from presslens.story.model import Story
from presslens.text import resolver, segment
from .attribution import verb_class, verb_near, verbs
from . import liveblog, nested, parsed, readings, redundancy, reported, transcript, wordclasses
from .ambiguity import several_people, someone_else_between
from .in_article import article_speaker, clause_subject, opening_participle_subject, sentence_subject, verb_subject
from .lead_in import colon_lead_in, introducer, title_case_verb
from .people import People
from .resolve import ANON_PERSON, SHORT, definite_speaker, described_speaker, family_named, merge_case, trim_speaker


# the marks a paragraph that is a quote opens with (”, as Swedish and Finnish print both ends, too)
OPENING_MARKS = "\"“”‘'«「„"
QUOTE_COLS = ["article_id", "outlet", "para_idx", "start", "end", "quote", "kind", "speaker_text", "speaker",
              "speaker_kind", "actor", "verb", "verb_class", "floating", "attribution", "paragraph", "speaker_rule"]


def _names_them(quote: str, speaker: str) -> bool:
    """Whether a quote names a person speaker (two capitalised words or more) by their family name: it speaks of
    them in the third person, another's words."""
    words = speaker.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and bool(
        re.search(rf"(?<![\w’'-]){re.escape(words[-1])}(?![\w-])", quote))


def extract_article(article_id: str, outlet: str, paragraphs: list[str], story: Story,
                    indirect: bool = True) -> list[dict]:
    """Every quoted stretch of one article (paragraphs in order, title first when it has one), and
    with ``indirect`` the reported speech of its paragraphs without quotation marks."""
    rows: list[dict] = []
    last_person: str | None = None
    last_role: tuple | None = None
    prev_par_speaker: tuple | None = None
    people = People(story, paragraphs, verbs()["rx"])
    partial = head_speaker = None
    ctx = (people, paragraphs)
    inner = []  # quotes inside quotes, listed after the article's other rows (.nested)
    for p_idx, par in enumerate(paragraphs):
        found = segment.quote_spans(par)
        spans = found.spans
        carried = None if spans or not p_idx else transcript.carried_over(par, paragraphs[p_idx - 1])
        spans = [carried] if carried else spans  # 'It was a great day." ends the quote the paragraph before opened
        par_speaker: tuple | None = None
        heading = transcript.speaker_heading(par) if not spans else None
        if heading:  # "Ana Ruiz, harbour master": a transcript's speaker line heads the answers under it
            who = article_speaker(heading, story, people, paragraphs, p_idx, 0, last_person)
            head_speaker = prev_par_speaker = (*who, heading, ":") if who[1] == "named" else None
        elif not spans and transcript.topic_line(par) and head_speaker:
            prev_par_speaker = head_speaker  # "On the new quay:" asks nothing: the answer is still theirs
        elif not spans:
            if liveblog.new_entry(par):  # a live blog's time line opens a new entry: no quote after it goes on with
                prev_par_speaker = head_speaker = None  # the last entry's speaker ("10:42 GMT", "11:05 GMT — ...")
            elif not _SUBHEAD.match(par):  # a subhead or a caption between two quotes does not end the chain
                # 'A spokesperson gave some context in a comment to AFP.' then a paragraph that is one quote
                opens = p_idx + 1 < len(paragraphs) and paragraphs[p_idx + 1].lstrip()[:1] in OPENING_MARKS
                prev_par_speaker = introducer(people, story, paragraphs, p_idx, par, last_person) if opens else None
            if ANON_PERSON.search(par):  # "A worker who asked not to be named said ...": "he" no
                last_person = None  # longer points back to the last named person
        if not spans and indirect:
            # a line of the body that does not end as a sentence does (a subhead, a link to another story)
            # reports nobody for this article: only the title is a headline of its own
            lines = [] if p_idx and _SUBHEAD.match(par) else reported.indirect_rows(article_id, outlet, p_idx, par,
                                                                                     story, ctx)
            for row in lines:
                rows.append(row)
                # 'Ruiz said in a statement that ...' then a paragraph that is one quote: hers
                prev_par_speaker = (row["speaker"], row["speaker_kind"], row["actor"], row["speaker_text"], row["verb"])
                if row["speaker_kind"] == "named":
                    last_person = row["speaker"]
                else:  # "A worker who asked not to be named said ...": "he" no longer points back
                    last_person = None  # to the last named person
                    if row["speaker_kind"] == "role" and (row["actor"] or wordclasses.organisation_name(row["speaker"])):
                        last_role = (row["speaker"], row["speaker_kind"], row["actor"])
            continue
        if indirect:  # reported clauses around short quoted terms; listed beside the quoted stretches
            # (never inside a quoted stretch: the speaker's own words report nobody for the writer)
            ind = [r for r in reported.indirect_rows(article_id, outlet, p_idx, par, story, ctx)
                   if not any(a <= r["start"] < b for a, b in spans)]
            rows.extend(ind)
        for q_i, (a, b) in enumerate(spans):
            quote = par[a:b]
            if indirect and par_speaker is None:  # 'Ruiz said the quay was shut. “We will reopen it.”': the
                # sentence that reports her words leads into the quote after it, which goes on with them
                led = next((r for r in reversed(ind) if isinstance(r["speaker"], str) and r["end"] < a and
                            re.fullmatch(r"[.!?]?\s+", par[r["end"]:a - 1])), None)
                par_speaker = (led["speaker"], led["speaker_kind"], led["actor"], led["speaker_text"], led["verb"]) \
                    if led else None
            n_words = len(segment.TOKEN.findall(quote))
            if n_words == 0:
                continue
            prev_end = spans[q_i - 1][1] + 1 if q_i else 0
            next_start = spans[q_i + 1][0] - 1 if q_i + 1 < len(spans) else len(par)
            before, after = par[prev_end:max(prev_end, a - 1)], par[min(b + 1, len(par)):max(b + 1, next_start)]
            # a capture that kept its escapes ('stated, \"I believe ...\"'): the backslash is no text
            before, quote = before[:-1] if before.endswith("\\") else before, quote[:-1] if quote.endswith("\\") else quote
            if q_i + 1 < len(spans) and _leads_in().search(before) and _leads_in().match(after):
                after = ""  # 'Ruiz says “We won.” Berg says “We lost.”': the words between lead into the next quote
            said_after = title_case_verb(par, after)  # "..., Mayor Ana Ruiz Says": a headline's source ends it
            att, floating = readings.attribution(before, said_after, n_words, quote), False  # read once a text
            row = {"article_id": article_id, "outlet": outlet, "para_idx": p_idx, "start": a, "end": b, "quote": quote,
                   "speaker_text": None, "speaker": None, "speaker_kind": None, "actor": None, "verb": None,
                   "verb_class": None, "attribution": None, "paragraph": par}
            who = None
            if (_a_term(quote, after) and not (att and (att[2] == "after" or said_after != after))) or \
                    _a_title(quote, before[-40:]):  # a term or a title, not somebody's words (a headline's is theirs)
                row.update(kind="cited", floating=False)
                rows.append(row)
                continue
            a_name = n_words <= SHORT and (resolver.resolve(story, quote.strip(" ,.;:")) is not None
                                           or all(w[:1].isupper() for w in quote.split()))
            if att and att[2] == "partial" and a_name:
                att = None  # 'deployed it on "Project Seed"': a name in quotation marks is cited, not said
            if att:
                spk, verb, where = att
                main = sentence_subject(trim_speaker(spk).rsplit(",", 1)[-1]) if where == "before" and verb.endswith("ing") else None
                spk = main or spk  # 'After a row, the judge freed him, saying: "..."': the clause before it, its subject
                who = article_speaker(spk, story, people, paragraphs, p_idx, a, last_person, verb=verb)
                if who[1] == "role" and who[2] is None:
                    earlier = "\n".join(paragraphs[max(0, p_idx - 6):p_idx] + [par[max(0, a - 3000):a]])  # linear
                    who = definite_speaker(story, trim_speaker(spk), earlier, last_role) or who
                row.update(speaker_text=trim_speaker(spk).lstrip("@"), verb=verb, verb_class=verb_class(verb),
                           attribution=where)
                if who[1] == "named" and trim_speaker(spk).lower() in ("he", "she") and _spoken_of(who[0], quote):
                    who = (None, None, None)  # '“... Ruiz will lead the port,” he said': "he" is not Ruiz; not guessed
                near = verb_subject(people, story, paragraphs, p_idx, par, a, last_person, verbs()["rx_partial"],
                                    n_words <= SHORT) if verb == "according to" else None
                if near and near[1][1] in ("named", "role"):  # 'According to X, Acme told staff that “...”',
                    who, spk, verb = near[1], near[0], near[2]  # 'Xi called it “...”, according to X': the nearer speaks
                    row.update(speaker_text=trim_speaker(spk), verb=verb, verb_class=verb_class(verb))
                if who[0] is None and trim_speaker(spk).lower() == "it" and last_role:  # after 'The agency
                    who = last_role  # added that ...' or 'Harbour Rescue Group said, “...”': '“...,” it said.'
                if who[0] is None and where in ("after", "before"):  # "“...,” the teen said", "The judge said: “...”": as written
                    who = described_speaker(spk) or who
                    fam = family_named(spk, "\n".join(paragraphs[max(0, p_idx - 6):p_idx] + [par[max(0, a - 3000):a]])) \
                        if who and who[0] == "the family" else None
                    who = (who[0], who[1], fam) if fam else who  # "the family said" after "the Berg family": theirs
                if who[0] is None:  # an attribution the story cannot resolve ("said one crane operator"):
                    who = None  # kept, never replaced by the previous speaker
            # a short quote goes on with the speaker of the quote before only in its own sentence ('“...,” she
            # said, “and soon.”'), not in a later one ('... more than 1,200 ‘likes’.')
            sentence_like = (quote.rstrip(" ,”\"’'").endswith((".", "!", "?")) or quote[:1].islower()) and \
                (n_words > SHORT or not re.search(r"[.!?][”\"’']?\s+[A-Z]", before))
            if who is None and att is None and q_i and partial and partial[0] == p_idx and \
                    not re.search(r"[.!?]\s", par[partial[1]:a]) and not _ENDS_INSIDE.match(par, max(0, partial[1] - 1)):  # 'a campaign of "X" by "Y"': one clause, one speaker
                who = partial[2]
                row.update(speaker_text=partial[3], verb=partial[4], verb_class=verb_class(partial[4]), attribution="partial")
            lead_tail = re.split(r"(?<=[.!?])\s+", before)[-1]
            # an attribution before the quote that was read but names no one alone ('Both Ruiz and Berg
            # said:'): its verb is not read again for another subject
            read_before = att is not None and att[2] == "before" and several_people(att[0])
            answers = transcript.answerer(before, paragraphs, p_idx) if who is None and q_i == 0 else None
            if answers:  # 'A: "..."' under an introduction of "exchanges between reporters and the harbour master"
                who = (None, None, None) if answers.lower().startswith("the ") else \
                    article_speaker(answers, story, people, paragraphs, p_idx, a, last_person)
                who = who if who[0] is not None else (answers[:1].lower() + answers[1:], "role", None)  # a title: the office
                row.update(speaker_text=answers, verb=":", verb_class=None, attribution="answer")
            if who is None and n_words > 2 and not read_before and (re.search(r":\s*$", before) or (  # 'Ruiz, a nurse, stated, "..."'
                    re.search(r",\s*$", before) and verb_near().search(lead_tail))):
                lead = colon_lead_in(people, story, p_idx, par, a, last_person)  # 'Hu shared the plan: "..."'
                if lead is not None:
                    who = lead
                    row.update(speaker_text=lead[0], verb=":", verb_class=None, attribution="before")
            if who is None and not a_name and not read_before:  # 'Calling Berg a "hero", Ruiz said ...'
                sub = opening_participle_subject(people, story, paragraphs, p_idx, par, a, b, last_person)
                if sub is not None:
                    who = sub[:3]
                    row.update(speaker_text=sub[3], verb=sub[4], verb_class=verb_class(sub[4]), attribution="partial")
            if who is None and not a_name and not read_before and not _negated_before(before):
                sub = clause_subject(people, story, p_idx, par, a, verbs()["rx_partial"])  # '..., calling it "a farce"'
                if sub is not None:
                    who = sub
                    row.update(speaker_text=sub[0], verb=row["verb"], attribution="partial")
            if who is None and not a_name and not read_before:  # the subject of the reporting verb nearest before the quote
                got = verb_subject(people, story, paragraphs, p_idx, par, a, last_person, verbs()["rx_partial"],
                                   n_words <= SHORT)
                if got is not None:
                    who = got[1]
                    row.update(speaker_text=got[0], verb=got[2], verb_class=verb_class(got[2]),
                               attribution="partial" if n_words <= SHORT else "before")
            if who is None and q_i == 0 and p_idx and not before.strip():
                prev = paragraphs[p_idx - 1].rstrip()
                caps = _CAPS_CAPTION.search(prev[-200:]) if prev[-2:].isupper() else None  # 'MINISTER ANA RUIZ\n"..."
                if caps:
                    name = caps.group(1).strip(" ,")
                    got = article_speaker(name.title(), story, people, paragraphs, p_idx, a, last_person)
                    who = got if got[0] is not None else (name, "named", None)
                    row.update(speaker_text=name, attribution="before")
            lone = _LONE_VERB.search(before) if who is None and att is None and q_i else None
            if lone and not before[:lone.start("spk")].strip() and \
                    not par[spans[q_i - 1][0]:spans[q_i - 1][1]].rstrip(" ”\"’'").endswith((".", "!", "?")):
                lone = None  # '“...,” the witness said. “...”': the attribution of the quote before, not a new sentence
            if lone:  # '“...” Fellow resident Ana Ruiz agrees. “...”': a sentence of a subject and its verb alone leads in
                got = article_speaker(lone.group("spk"), story, people, paragraphs, p_idx, a, last_person)
                if got[0] is not None and got[1] == "named":
                    who = got
                    row.update(speaker_text=trim_speaker(lone.group("spk")), verb=lone.group("verb"),
                               verb_class=verb_class(lone.group("verb")), attribution="before")
            new_sentence = quote.rstrip(" ”\"’'").endswith((".", "!", "?")) and re.match(r"\s*[A-Z]", after)
            if who is None and att is None and (n_words > SHORT or (par_speaker and sentence_like) or _left_open(rows, p_idx, q_i)) \
                    and (new_sentence or not verb_near().search(re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0])):
                inherit = par_speaker or (prev_par_speaker if q_i == 0 and (par.lstrip()[:1] in OPENING_MARKS or carried) else None)
                if inherit and par_speaker is None and _answers(rows):
                    inherit = None  # '“You're going to resign?” Lee asked. ¶ “Yes, ...”': the answer is another's
                if inherit and _since(rows, inherit[0]) and someone_else_between(people, paragraphs, _since(rows, inherit[0]), (p_idx, a), inherit[0]):
                    inherit = None  # another person became the subject since that speaker's last words
                if inherit and lone:
                    inherit = None  # '“...,” Berg said. The council disagreed. “...”': another subject spoke between
                if inherit and isinstance(inherit[0], str) and _names_them(quote, inherit[0]):
                    inherit = None  # 'Ruiz said ... “Ms Ruiz is wrong,”': words about her are another's
                if inherit and _ANOTHER_SOURCE.match(re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]):
                    inherit = None  # '“...”, enthuses the Harbour Daily.': a source of its own, by a verb not known
                if inherit:
                    who = inherit[:3]
                    row.update(speaker_text=inherit[3], verb=inherit[4], verb_class=verb_class(inherit[4]),
                               attribution="continues")
                    floating = par_speaker is None
            if who is None and att is None and n_words > SHORT:  # '“...” Ruiz said this on Monday.': the next sentence
                nxt = after if after.strip() or p_idx + 1 >= len(paragraphs) or q_i + 1 < len(spans) else paragraphs[p_idx + 1]
                named = _named_after(nxt)
                got = article_speaker(named[0], story, people, paragraphs, p_idx, b, last_person) if named else None
                if got and got[0] is not None:
                    who = got
                    row.update(speaker_text=trim_speaker(named[0]), verb=named[1], verb_class=verb_class(named[1]),
                               attribution="after")
            if who is None:
                # a whole sentence in quotation marks is somebody's words, however short ('“The deal is historic.”')
                spoken = row["verb"] is not None or n_words > SHORT or (
                    n_words >= 3 and quote[:1].isupper() and quote.rstrip(" ”\"’'").endswith((".", "!", "?")))
                row.update(kind="direct" if spoken else "cited", floating=False)
                rows.append(row)
                continue
            row.update(kind="direct", speaker=who[0], speaker_kind=who[1], actor=who[2], floating=floating)
            if row["attribution"] == "partial":
                partial = (p_idx, b, who, row["speaker_text"], row["verb"])
            if row["attribution"] != "partial":  # "Reed called the fine “overdue”." starts no chain
                par_speaker = (*who, row["speaker_text"], row["verb"])
            if who[1] == "named":
                last_person = who[0]
            else:
                last_person = None
                if who[1] == "role" and (who[2] or wordclasses.organisation_name(who[0])):
                    last_role = who
            rows.append(row)
        if spans:  # a paragraph of narration ends the chain (unless it introduces the next quote)
            prev_par_speaker = par_speaker
            inner.extend(nested.nested_rows(rows, p_idx, par, found.nested))
    _share_forward(rows)
    _share_back(rows, paragraphs)
    merge_case(rows)
    return rows + inner


# the sentence after a quote that names who said it: "Ruiz said this on Monday.", "That was how Ruiz put it.",
# "Those were the words of Ruiz."
_NAMED_AFTER = re.compile(r"^[”\"’'\s]*(?:(?P<a>[A-Z][^,.!?“”\"]{1,60}?)\s+(?P<v>said|wrote|posted|tweeted|stated|added)"
                          r"\s+(?:this|so|these\s+words|those\s+words)\b(?!\s+(?:was|is|were|are|would|will|had|has|could|"
                          r"should|must|might|may|did|does|can|\w+ed|\w+s)\b)|(?:That|This)\s+(?:was|is)\s+how\s+"
                          r"(?P<b>[^,.!?“”\"]{1,60}?)\s+(?P<w>put\s+it|described\s+it|summed\s+it\s+up)|(?:Those|These)\s+"
                          r"(?P<x>were)\s+the\s+words\s+of\s+(?P<c>[^,.!?“”\"]{1,60}))")


# a sentence of a named subject and one verb of saying or agreeing, nothing else, right before a quote
# ("Fellow resident Ana Ruiz agrees.", "Tom Berg explains:" is read by the colon rule)
_LONE_VERB = re.compile(r"(?:^|(?<=[.!?”\"’]\s))\s*(?P<spk>(?:[A-Z][\w’'.-]*|[a-z]+)(?:\s+(?:[A-Z][\w’'.-]*|[a-z]+)){0,5})\s+"
                        r"(?P<verb>agrees|agreed|disagrees|disagreed|concurs|concurred|explains|explained|adds|added|"
                        r"continues|continued|recalls|recalled|says|said)\.\s*$")


# a quote whose last word ends its sentence inside the marks ('are "at risk." The helicopter ...')
_ENDS_INSIDE = re.compile(r"[.!?][”\"’']\s+[“\"‘']?[A-Z]")


# the quote's own sentence goes on after it with a comma and ends naming someone: its source, whatever the verb
_ANOTHER_SOURCE = re.compile(r"\s*[,—-]\s*(?:[a-z]+\s+){1,3}(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s*[.!?]?\s*$")


def _since(rows: list[dict], name) -> tuple[int, int] | None:
    """(paragraph, offset) where the last row given to ``name`` ends."""
    last = next((r for r in reversed(rows) if r.get("speaker") == name and "end" in r), None)
    return (last["para_idx"], last["end"]) if last else None


@functools.lru_cache(maxsize=1)
def _leads_in() -> re.Pattern:
    """A subject and a reporting verb that end the words before a quote, nothing between them and the mark: a
    name ("Tom Berg says") or a description opening with its determiner ("The harbour master says")."""
    return re.compile(rf"(?:^|(?<=[.!?”\"’]\s)|(?<=[.!?]\s\s))\s*(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,4}}|"
                      rf"(?:The|A|An|One|Another)(?:\s+[\w’'.-]+){{1,4}}?)\s+(?:{verbs()['rx']})\s*[:,]?\s*$")


def _left_open(rows: list[dict], p_idx: int, q_i: int) -> bool:
    """Whether the paragraph before ended inside a quote (no closing mark): the first quote of this one
    goes on with it, however short ('“The pieces are small. ¶ “It takes patience.”')."""
    last = rows[-1] if rows and q_i == 0 else None
    return last is not None and last["kind"] == "direct" and last["para_idx"] == p_idx - 1 and \
        last["end"] >= len(last["paragraph"].rstrip())


def _answers(rows: list[dict]) -> bool:
    """Whether the quote before (the last quoted stretch so far) asks a question: a quote opening the next
    paragraph answers it, in an interview another person's words, so it does not go on with the asker
    (in the asker's own paragraph, '“Why close it?” she asked. “We have no reason to.”', it still does)."""
    last = next((r for r in reversed(rows) if r["kind"] in ("direct", "cited")), None)
    # a question whose paragraph ends with no closing mark is not handed over: the open quote says the
    # same voice goes on in the next paragraph ('“What is she doing? ¶ “We are about to vote.”')
    return last is not None and last["quote"].rstrip(" ,”\"’'").endswith("?") and \
        last["end"] < len(last["paragraph"].rstrip())


_NEGATION = re.compile(r"(?i)\b(?:not|never|no|n[’']t|refused\s+to\s+(?:call|say))\b")


def _negated_before(before: str) -> bool:
    """Whether the words before a quote deny that it was said ("Acme never called it “...”"): a negation,
    unless a verb of saying joined by "and" or "but" follows it ("he would not resign and claimed he was
    “...”": the negation is the first verb's; the second, which carries the quote, is not negated)."""
    neg = list(_NEGATION.finditer(before))
    return bool(neg) and not re.search(rf"(?i)\b(?:and|but)\s+(?:\w+ly\s+)?(?:{verbs()['rx_partial']})\b",
                                       before[neg[-1].end():])


def _spoken_of(name: str, quote: str) -> bool:
    """Whether the quote names ``name`` (a word of it of three letters or more, capitalised): a quote
    that speaks of a person in the third person is not that person's ('“Ruiz will lead,” he said')."""
    words = [w for w in re.split(r"[\s-]+", name) if len(w) >= 3 and w[:1].isupper()]
    return any(re.search(rf"(?<![\w’'-]){re.escape(w)}(?![\w-])", quote) for w in words)


def _named_after(text: str) -> tuple[str, str] | None:
    """(speaker phrase, verb) of a sentence that names who said the quote before it, else None."""
    m = _NAMED_AFTER.match(text)
    if not m:
        return None
    return (m.group("a"), m.group("v")) if m.group("a") else (m.group("b"), m.group("w")) if m.group("b") else \
        (m.group("c"), "words of")


def _share_back(rows: list[dict], paragraphs: list[str]) -> None:
    """A quote left open at the end of its paragraph goes on in the next paragraph, which opens with a
    quotation mark (the news convention); when only the later part names its speaker ('“We will
    rebuild. ¶ “The work starts in May,” Ruiz said.'), the earlier part is that speaker's too. In place."""
    first = {}
    for r in rows:
        if r["kind"] in ("direct", "cited"):
            first.setdefault(r["para_idx"], r)
    for p_idx in range(len(paragraphs) - 2, -1, -1):
        nxt = first.get(p_idx + 1)
        if nxt is None or not isinstance(nxt["speaker"], str) or nxt["kind"] != "direct" or \
                paragraphs[p_idx + 1].lstrip()[:1] not in OPENING_MARKS or nxt["start"] > len(paragraphs[p_idx + 1]) - \
                len(paragraphs[p_idx + 1].lstrip()) + 1:
            continue
        left_open = segment.quote_spans(paragraphs[p_idx]).unclosed
        last = [r for r in rows if r["para_idx"] == p_idx and r["kind"] in ("direct", "cited")]
        if left_open is None or not last or last[-1]["start"] != left_open or last[-1]["speaker"] is not None:
            continue
        last[-1].update(kind="direct", speaker=nxt["speaker"], speaker_kind=nxt["speaker_kind"], actor=nxt["actor"],
                        speaker_text=nxt["speaker_text"], verb=nxt["verb"], verb_class=nxt["verb_class"],
                        attribution="continues")
        if last[-1] is first.get(p_idx):
            first[p_idx] = last[-1]


def _share_forward(rows: list[dict]) -> None:
    """A quote without a speaker followed, in the same sentence, by a quote whose attribution comes
    after it ('“A person seeking care” in the city “has been diagnosed,” the agency said.'): one
    sentence, one speaker. In place."""
    quoted = [r for r in rows if r["kind"] in ("direct", "cited")]
    for r, nxt in zip(quoted, quoted[1:]):
        if r["speaker"] is None and r["para_idx"] == nxt["para_idx"] and isinstance(nxt["speaker"], str) \
                and nxt["attribution"] == "after" and not re.search(r"[.!?]\s", r["paragraph"][r["end"]:nxt["start"]]) \
                and not r["quote"].rstrip(" ”\"’'").endswith((".", "!", "?")):
            r.update(kind="direct", speaker=nxt["speaker"], speaker_kind=nxt["speaker_kind"], actor=nxt["actor"],
                     speaker_text=nxt["speaker_text"], verb=nxt["verb"], verb_class=nxt["verb_class"],
                     attribution="partial")


# a term given with its acronym ('a “public health emergency” (PHE)', '“Acme Data Service,” or ADS'), or a
# title in title case ('the “Harbour Safety and Rescue Plan”'): a name, cited, not somebody's words
# a line that does not end as a sentence does, and is short: a subhead, a caption, a headline
_SUBHEAD = re.compile(r"^(?:\S+\s+){0,14}\S*[^.!?:…”\"’'\s]\s*$")
_ACRONYM_AFTER = re.compile(r"\s*(?:\(\s*[A-Z]{2,}[a-z]?\s*\)|,?\s+or\s+(?:the\s+)?[A-Z]{2,}[a-z]?\b)")
_MINOR = frozenset("of the and for in on to a an at by with de".split())


def _a_title(quote: str, before: str) -> bool:
    """A title after a possessive ("the broadcaster's “Harbour Hour”"), whatever follows it."""
    words = quote.strip(" ,.;:").split()
    return 0 < len(words) <= 10 and re.search(r"\w[’']s\s*$", before) is not None and \
        all(w[:1].isupper() for w in words if w.lower() not in _MINOR)


def _a_term(quote: str, after: str) -> bool:
    words = quote.strip(" ,.;:").split()
    if not words or len(words) > 10:
        return False
    if _ACRONYM_AFTER.match(after):
        return True
    major = [w for w in words if w.lower() not in _MINOR]
    return len(major) >= 2 and all(w[:1].isupper() for w in major) and words[0][:1].isupper()


# a speaker's name in capitals ending the paragraph before a quote (a box of quotes, "WHAT THEY SAID")
_CAPS_CAPTION = re.compile(r"(?:^|[.!?”\"’]\s*)((?:[A-Z][A-Z'’.-]*,?\s+){1,12}[A-Z][A-Z'’.-]+)\s*$")


def article_paragraphs(story: Story, ids: list[str] | None = None) -> dict[str, list[str]]:
    """Each article's paragraphs as presslens reads them: its title first (when it has one), then the
    cleaned body's paragraphs (of the articles ``ids``, or all)."""
    p = tables.process(story)
    want = None if ids is None else set(ids)
    out = {}
    for r in story.articles.itertuples(index=False):
        if want is not None and r.id not in want:
            continue
        title = r.title if isinstance(r.title, str) and r.title.strip() else None
        out[r.id] = ([title] if title else []) + segment.paragraphs(p.clean_text.get(r.id, ""))
    return out


def rows_by_article(story: Story, indirect: bool = True) -> dict[str, list[dict]]:
    """Each article's quote rows as :func:`extract_article` gives them (before the story-wide
    spelling of sources, :func:`merge_case`), computed per article and cached with it
    (:func:`presslens.engine.perarticle.by_article`): one new article costs one article's work."""
    outlet = dict(zip(story.articles["id"], story.articles["outlet"]))

    def compute(ids: list[str]) -> dict[str, list[dict]]:
        pars = article_paragraphs(story, ids)
        return {aid: extract_article(aid, outlet[aid], pars[aid], story, indirect=indirect) for aid in ids}

    config = repr((story.actors, story.speakers, indirect))
    return perarticle.by_article(story, "quotes", config, compute)


def quote_rows(story: Story, indirect: bool = True) -> pd.DataFrame:
    """The rows of :func:`quotes`, unsorted and not kept as a story table: each article's rows as cached with it
    (:func:`rows_by_article`), one spelling per source and one speaker per statement across the articles. What the
    pair verdicts read (who speaks in a retold sentence): they run on the whole story where the quotes notebook runs
    on the screened articles, and leaving articles out must not cost a second story-wide quote table."""
    per = rows_by_article(story, indirect=indirect)
    rows = [dict(r) for aid in story.articles["id"] for r in per[aid]]
    merge_case(rows)  # across articles too: one spelling per source in every table
    redundancy.propagate(rows)  # the same words quoted by several outlets: one statement, one speaker
    parsed.apply(story, rows, article_paragraphs)  # speaker_rule; the parse's speakers when story.yaml asks (opt-in)
    return pd.DataFrame(rows, columns=QUOTE_COLS)


@story_table
def quotes(story: Story, indirect: bool = True) -> pd.DataFrame:
    """Every quote of the story, one row each (columns ``QUOTE_COLS``), in article order; kind is
    'direct', 'cited' or 'indirect'."""
    out = quote_rows(story, indirect)
    order = {a: i for i, a in enumerate(story.articles["id"])}
    return sanity.tag_language(out.assign(_a=out["article_id"].map(order)).sort_values(["_a", "para_idx", "start"], kind="mergesort")
                               .drop(columns="_a").reset_index(drop=True), story)
