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
"""
from __future__ import annotations

import re
import pandas as pd

from presslens.engine import perarticle, tables
from presslens.engine.memo import story_table
from presslens.story.model import Story
from presslens.text import resolver, segment
from .attribution import SECOND_VERB, find_attribution, indirect_rx, verb_class, verb_near
from .resolve import (ANON_PERSON, PRONOUN, SHORT, definite_speaker, merge_case, person_before,
    resolve_speaker, trim_speaker)


QUOTE_COLS = ["article_id", "outlet", "para_idx", "start", "end", "quote", "kind", "speaker_text", "speaker",
              "speaker_kind", "actor", "verb", "verb_class", "floating", "attribution", "paragraph"]


def extract_article(article_id: str, outlet: str, paragraphs: list[str], story: Story,
                    indirect: bool = True) -> list[dict]:
    """Every quoted stretch of one article (paragraphs in order, title first when it has one), and
    with ``indirect`` the reported speech of its paragraphs without quotation marks."""
    rows: list[dict] = []
    last_person: str | None = None
    last_role: tuple | None = None
    prev_par_speaker: tuple | None = None
    for p_idx, par in enumerate(paragraphs):
        spans = segment.quote_spans(par).spans
        par_speaker: tuple | None = None
        if not spans:
            prev_par_speaker = None
            if ANON_PERSON.search(par):  # "A worker who asked not to be named said ...": "he" no
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
            n_words = len(segment.TOKEN.findall(quote))
            if n_words == 0:
                continue
            prev_end = spans[q_i - 1][1] + 1 if q_i else 0
            next_start = spans[q_i + 1][0] - 1 if q_i + 1 < len(spans) else len(par)
            before, after = par[prev_end:max(prev_end, a - 1)], par[min(b + 1, len(par)):max(b + 1, next_start)]
            att = find_attribution(before, after, n_words, quote)
            floating = False
            row = {"article_id": article_id, "outlet": outlet, "para_idx": p_idx, "start": a, "end": b, "quote": quote,
                   "speaker_text": None, "speaker": None, "speaker_kind": None, "actor": None, "verb": None,
                   "verb_class": None, "attribution": None, "paragraph": par}
            who = None
            if att and att[2] == "partial" and (resolver.resolve(story, quote.strip(" ,.;:")) is not None
                                                or all(w[:1].isupper() for w in quote.split())):
                att = None  # 'deployed it on "Project Seed"': a name in quotation marks is cited, not said
            if att:
                spk, verb, where = att
                person = last_person
                if PRONOUN.match(trim_speaker(spk)):
                    window = "\n".join(paragraphs[max(0, p_idx - 1):p_idx] + [par[:a]])[-1500:]  # linear
                    person = person_before(story, window, last_person)
                who = resolve_speaker(spk, story, person)
                if who[1] == "role" and who[2] is None:
                    earlier = "\n".join(paragraphs[max(0, p_idx - 6):p_idx] + [par[max(0, a - 3000):a]])  # linear
                    who = definite_speaker(story, trim_speaker(spk), earlier, last_role) or who
                row.update(speaker_text=trim_speaker(spk).lstrip("@"), verb=verb, verb_class=verb_class(verb),
                           attribution=where)
                if who[0] is None:  # an attribution the story cannot resolve ("said one crane operator"):
                    who = None  # kept, never replaced by the previous speaker
            sentence_like = quote.rstrip(" ,”\"’'").endswith((".", "!", "?")) or quote[:1].islower()
            if who is None and att is None and (n_words > SHORT or (par_speaker and sentence_like)) \
                    and not verb_near().search(re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]):  # its own attribution
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
    merge_case(rows)
    return rows


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
            m = indirect_rx().match(cand)
            if m and verb_class(m.group("verb")) is not None and not _NOT_A_SUBJECT.search(trim_speaker(m.group("spk"))):
                who = resolve_speaker(m.group("spk"), story, None)
                if who[0] is not None:
                    break
        else:
            continue
        sent, clause = cand, m.group("clause")
        if any(len(segment.TOKEN.findall(clause[a:b])) > SHORT for a, b in segment.quote_spans(clause).spans):
            continue  # a whole quote in the clause: the quote is the words, listed as direct
        if m.group("verb").lower() in ("respond", "responds", "responded", "responding", "ask", "asks", "asked") or \
                re.match(r"(?i)(?:told|tells|tell)\s+\S+(?:\s+\S+)?\s+to\s", sent[m.start("verb"):]):
            continue  # a request ("told the union to return") or a non-answer is not a statement
        # "confirmed that ... – but asserted any related text ...": two statements, each with its verb
        parts, verb, at = [], m.group("verb"), 0
        for c in SECOND_VERB().finditer(clause):
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
                 "kind": "indirect", "speaker_text": trim_speaker(spk), "speaker": who[0],
                 "speaker_kind": who[1], "actor": who[2], "verb": verb,
                 "verb_class": verb_class(verb), "floating": False, "attribution": "indirect",
                 "paragraph": par})


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


@story_table
def quotes(story: Story, indirect: bool = True) -> pd.DataFrame:
    """Every quote of the story, one row each (columns ``QUOTE_COLS``), in article order; kind is
    'direct', 'cited' or 'indirect'."""
    per = rows_by_article(story, indirect=indirect)
    rows = [dict(r) for aid in story.articles["id"] for r in per[aid]]
    merge_case(rows)  # across articles too: one spelling per source in every table
    out = pd.DataFrame(rows, columns=QUOTE_COLS)
    order = {a: i for i, a in enumerate(story.articles["id"])}
    return out.assign(_a=out["article_id"].map(order)).sort_values(["_a", "para_idx", "start"], kind="mergesort") \
        .drop(columns="_a").reset_index(drop=True)
