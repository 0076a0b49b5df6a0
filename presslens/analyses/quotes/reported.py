"""Reported speech without quotation marks (kind ``indirect``): a sentence whose subject is a
speaker or an actor and whose verb reports ("Acme said it would appeal"), the clause it reports cut
where the writer's own words take over, and nothing when the evidence is weak: a verb with a noun
rather than a clause ("promised support for ..."), a document or a figure as the source ("according
to figures compiled by ..."), a sentence inside somebody's quoted words. Precision before recall:
a reported clause given to the wrong source is worse than one left out.

One idea: reported speech in one paragraph, from its candidate subjects to the clause reported; the
clause's cut is in :mod:`.trailing`, the subject's grammar in :mod:`.subject`.
"""
from __future__ import annotations

import functools
import re

import regex as _regex

from presslens.story.model import Story
from presslens.text import segment
from presslens.text.vocabulary import (BE_FORMS, DO_FORMS, FINITE_AUXILIARIES, HAVE_FORMS, MODALS, MONTHS,
                                       NEGATED_AUXILIARIES, OCCASION_PREPOSITIONS, PERIODS, TIME_ADVERBS,
                                       TIME_OPENERS, WEEKDAYS, alternation, contraction, without)
from .attribution import SECOND_VERB, bare_clause_verb, verb_class, verbs
from . import frames, readings
from .according import ACCORDING_NAMED, OBJECT_PRONOUN, REPORTING_OPEN, according, pronoun_source
from .documents import CITING, DOCUMENT_HEAD, no_voice
from .in_article import article_speaker
from .news_source import fallback_source
from .resolve import SHORT, trim_speaker
from .subject import NOT_A_SUBJECT, has_finite_verb
from .trailing import DATELINE, mostly_quoted, paired_dash, plausible_clause, quote_continues
from .wordclasses import TITLES, key

_DAYS = alternation(WEEKDAYS, MONTHS)
# when, where, through or about what a statement was made, between the verb and its clause ("said on Tuesday that",
# "said about the wins that"; not "said about 145 people were hurt": "about" a number is no topic)
_SAID_WHEN = alternation(TIME_OPENERS[:3], "during", TIME_OPENERS[3:], OCCASION_PREPOSITIONS, TIME_ADVERBS, WEEKDAYS, MONTHS, r"about(?!\s+\d)")
# the words between "said on" and "that": a short phrase, or one with a description in commas ("said on X, the
# platform formerly called Twitter, that ...")
_WHERE_SAID = r"(?:[^.;:,]{0,50}?|[^.;:,]{0,40}?,\s[^.;:,]{1,60},\s*)"
# "said after the game the crew was ...": a short phrase of when or where, then a clause opening with its subject
_SHORT_PP = re.compile(r"(?i)(?:after|before|during|at|following)\s+(?:the|a|an|this|that|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?!(?:of|for|in|on|at|to|with|by|from)\s)[\w-]+\s+(?=(?:the|a|an|his|her|their|its|he|she|they|we)\s)")


def indirect_rows(article_id: str, outlet: str, p_idx: int, par: str, story: Story, ctx: tuple) -> list[dict]:
    """Reported speech without quotation marks in one paragraph: a sentence whose subject is a
    speaker or an actor and whose verb reports ("ByteDance said it was ..."); kind 'indirect'."""
    rows = []
    for s0, s1 in readings.sentences(par):  # "Gov. Ana Ruiz", "the U.S. agency": no sentence ends there
        sent = par[s0:s1].strip()
        read = _reading(sent)
        if read is None:
            continue  # "According to X, the harbour was shut, stated Y.": two sources, neither alone
        cands, undated, acc, source = read
        at = par.find(sent, s0)  # where this sentence stands (a search from the start costs a long paragraph's square)
        if acc:
            pron = OBJECT_PRONOUN.get(source.strip().lower())  # "According to him, ...": who spoke last
            who = _who(source, story, ctx, p_idx, at, "according to") if pron is None else pronoun_source(
                pron, lambda p: _who(p, story, ctx, p_idx, at, "according to"), *ctx, p_idx, at)
            if no_voice(trim_speaker(source)):
                continue  # "according to figures compiled by the agency": a document's content, not a voice
            if who[0] is not None and not _own_source(acc.group("clause"), story, ctx, p_idx, at, subject_too=False):
                clause = CITING.sub("", acc.group("clause"), count=1)  # "..., citing Harbour Radio, the ...":
                # whom the source cites is no part of the words
                inner = _NESTED_REPORT().match(clause)  # "According to X, an official told CCTV that ...":
                if inner:                               # the words are what follows "that"
                    clause = inner.group("clause")
                _add_indirect(rows, article_id, outlet, p_idx, par, _clause_end(clause), source, who,
                              "according to", near=at)
                continue
        if _add_parenthetical(rows, article_id, outlet, p_idx, par, sent, at, story, ctx):
            continue  # "This, he said, would ...": his words are the rest of the sentence
        if _add_trailing(rows, article_id, outlet, p_idx, par, sent, at, story, ctx):
            continue  # "..., the agency said.": the source after the words wins over a subject after a comma
        n0 = len(rows)
        hit = _subject_and_verb(cands, story, ctx, p_idx, at)
        if hit:
            _add_subject_clause(rows, article_id, outlet, p_idx, par, *hit, at)
        if len(rows) == n0:  # "Ruiz, who runs the port, said ...", "Lee called it a farce and said ...": the
            # sentence's subject, read past a description in commas or a first verb phrase
            framed, introduced = readings.framed(undated)
            hit = _subject_and_verb(framed, story, ctx, p_idx, at, introduced)
            if hit and (re.match(r"that\s", hit[1].group("clause")) or has_finite_verb(hit[1].group("clause"))):
                _add_subject_clause(rows, article_id, outlet, p_idx, par, *hit, at)
        if len(rows) == n0:
            _add_participle(rows, article_id, outlet, p_idx, par, sent, at, story, ctx)
    return rows


def clear_readings() -> None:
    """Forget every sentence's kept readings (:func:`_reading`, :func:`.readings.clear`)."""
    _reading.cache_clear()
    readings.clear()


@functools.lru_cache(maxsize=readings.MEMO)
def _reading(sent: str) -> tuple | None:
    """What one sentence's words give :func:`indirect_rows` before the story is asked: its candidate
    subjects' texts, the sentence without a dateline, the "according to" match and its source; None
    when two sources frame it. A pure function of the sentence, kept for the last sentences read."""
    # the subject opens the sentence, or follows an opening phrase or clause and its comma
    # ("Meanwhile, a spokesperson told ...", "While acknowledging that ..., OpenAI stated that ...")
    # (not the last member of a list, "Acme, Globex, and the Courier said": the list speaks; a second clause
    # with its own subject, "..., and the police said", is read below when a finite verb comes before it)
    cands = [sent] + [sent[c.end():] for c in list(re.finditer(r",\s+", sent))[:3]
                      if not re.match(r"(?:and|or|&)\s", sent[c.end():])]
    # a statement inside a clause of time or reason ("The order came shortly after Acme said it had ...",
    # "..., as the police said they were adding patrols"): its subject follows the conjunction
    cands += [sent[c.end():] for c in list(_SUBORDINATE_OPEN.finditer(sent))[:2]]
    # a second clause with a subject of its own ("..., and the harbour police said they were ...")
    cands += [sent[c.end():] for c in list(_AND_SUBJECT.finditer(sent))[:2]
              if has_finite_verb(sent[:c.start()].rsplit(",", 1)[-1]) or  # not "Acme and the mayor said"
              (sent[c.start()] == "," and has_finite_verb(sent[:c.start()]))]  # "..., and the mayor said"
    if _COMMA_THAT_NEEDS.search(sent):  # every candidate is a part of the sentence: no ", that" in it, none in them
        cands += [_COMMA_THAT().sub(r"\g<verb> that ", c, count=1) for c in cands if _COMMA_THAT().search(c)]
    undated = _TIME_LINE.sub("", DATELINE.sub("", sent, count=1), count=1)
    if undated != sent:  # "HARBOUR TOWN (Wire) — Officials said ...": the dateline is nobody's subject
        cands[0] = undated
    aside = _ASIDE.match(undated)  # "Reporters, citing anonymous sources, report that ...": the subject's verb
    if aside and not re.search(r"(?i)\b(?:family|ally|rally|supply|assembly)$", aside.group(0).rstrip(" ,")):
        cands.insert(1, aside.group("subj") + " " + undated[aside.end():])
    appos = _APPOSITIVE.match(sent)  # "ByteDance, the parent company of TikTok, has stated that ..."
    if appos and appos.group("desc") and not any(key(w) in TITLES for w in appos.group("desc").split()):
        appos = None  # without a determiner, the description must hold a title ("NILS technical officer of ...")
    if appos:
        cands.insert(1, appos.group(1) + " " + sent[appos.end():])
    elif (unclosed := frames.open_apposition(sent, TITLES)) is not None:
        cands.insert(1, unclosed)  # "Tom Berg, the head of Globex said ...": Tom Berg said ...
    told = frames.passive_told(sent) or frames.quoted_as_saying(sent)  # "The jury was told by Tom Berg that ...":
    if told:  # Tom Berg told that ...; "Ruiz was quoted by the radio as saying ...": Ruiz said that ...
        cands.insert(0, told)
    per = frames.as_according(sent)  # "As per witnesses, ...": according to them
    acc = according(per)  # "According to a spokesperson from ByteDance, the team uses ..."
    named = ACCORDING_NAMED.match(per)  # "According to the country's president, Ana Ruiz, the ..."
    if acc and REPORTING_OPEN.match(acc.group("clause")):
        return None  # "According to X, the harbour was shut, stated Y.": two sources, neither alone
    source = acc.group("spk") if acc else None
    if named and key(named.group("spk").split()[-1]) in TITLES:
        acc, source = named, f"{named.group('spk')}, {named.group('name')}"
    return tuple(cands), undated, acc, source


# a live blog's time line before an entry ("08:42.- ", "14:05 GMT - "): when, not who
_TIME_LINE = re.compile(r"^\d{1,2}[:.h]\d{2}(?:\s*(?:GMT|UTC|[AP]\.?M\.?|[ap]\.?m\.?))?\s*(?:\.?-|[–—:|]|\.)\s*(?=\S)")
@functools.lru_cache(maxsize=1)
def _OWN_SOURCE_BEFORE() -> re.Pattern:
    """", and its chief, Tom Berg, told ...", ", but the mayor said ...": a second subject and its verb of
    saying after a comma and a conjunction (the first such, at most twelve words from the conjunction)."""
    return re.compile(rf",\s+(?:and|but|while)\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:[A-Z]|[a-z]+\s)"
                      rf"[^.;:!?\"“”]{{0,80}}?\s(?:{verbs()['rx']})\b")


_AND_SUBJECT = re.compile(r"(?<=\w)(?:,)?\s+(?:and|but)\s+(?=(?:the\s+)?[A-Za-z])")
_SUBORDINATE_OPEN = re.compile(r"(?<=\w)(?:,)?\s+(?:after|as|when|before|since|because|once|until)\s+(?=(?:the\s+)?[A-Z])")


def _subject_and_verb(cands: list[str], story: Story, ctx: tuple, p_idx: int, at: int,
                      introduced: str | None = None) -> tuple | None:
    """(candidate, match, who) of the first candidate that opens with a subject that resolves and a
    reporting verb (:func:`.attribution.indirect_rx`), or None; ``introduced`` is a first name the
    sentence introduces as a person (:func:`.subject.introduced_name`): it speaks as written."""
    for cand in cands:
        for m, subj in readings.subject_verbs(cand):
            who = _who(m.group("spk"), story, ctx, p_idx, at, m.group("verb"))
            if who[0] is None and introduced and trim_speaker(m.group("spk")) == introduced:
                who = (introduced, "named", None)
            if who[0] is not None or (subj.lower() in ("he", "she") and ctx[0].entries):
                return cand, m, who  # a live blog's "He assures that ..." is reported speech, its source
                # not guessed across entries (:mod:`.liveblog`)
    return None


def _add_subject_clause(rows: list, article_id: str, outlet: str, p_idx: int, par: str, cand: str, m: re.Match,
                        who: tuple, at: int) -> None:
    """The reported clause after a subject and its reporting verb (``m`` of :func:`.attribution.indirect_rx`
    on ``cand``), when it is one: a clause, not a noun, a request or a whole quote."""
    clause = re.sub(r"^that\s+", "", m.group("clause"))
    if re.match(r"\S+(?:\s+\S+)?\s+[–—]\s", clause):
        return  # "tells inquiry – as it happened": a word or two, then the writer's dash; no clause reported
    if clause[:1] in "‘'«„":
        return  # "and said ‘It was not an attack.’": the speaker's own words, in single marks
    adv = re.match(rf"(?i)(?:{_SAID_WHEN})\b{_WHERE_SAID}\bthat\s+", clause)
    that = re.search(r"\bthat\b", cand[m.end("verb"):m.start("clause")])
    if not that and adv and _FINITE.search(adv.group(0)[:-5]) is None and not _SUBJECT_PRONOUN.search(adv.group(0)) \
            and not bare_clause_verb(m.group("verb")):
        clause, that = clause[adv.end():], True  # "announced on Tuesday that ...": when, then "that" and the words
    if not that:
        # without "that", only a verb of saying takes a clause ("Acme said it would appeal"); "Sweden
        # reported its first case", "the agency declared an emergency" report an act, not words
        when = _WHEN.match(clause)
        if not bare_clause_verb(m.group("verb")) and not _PRONOUN_CLAUSE.match(clause[when.end() if when else 0:]):
            return  # "announced Wednesday he was convening ...": a pronoun and its verb open a clause
        # "said on Tuesday that ...": a short adverbial (no comma, no verb of its own) before "that";
        # a "that" further on belongs to the clause ("said on Thursday it had closed a plant, a site
        # that makes parts")
        adv = re.match(rf"(?i)(?:{_SAID_WHEN})\b{_WHERE_SAID}\bthat\s+", clause)
        when = _WHEN.match(clause)
        if adv and _FINITE.search(adv.group(0)[:-5]) is None and not _SUBJECT_PRONOUN.search(adv.group(0)):
            clause, that = clause[adv.end():], True  # "said on Tuesday that ...", "wrote in a paper that ..."
        elif adv and when and _CLAUSE_START.match(clause[when.end():]):
            clause = clause[when.end():]  # "said on Thursday they have detected a version that ..."
        elif when and _CLAUSE_START.match(clause[when.end():]):
            clause = clause[when.end():]  # "said on Thursday it had confirmed ..."
        elif (pp := _SHORT_PP.match(clause)) and has_finite_verb(_clause_end(clause[pp.end():])):
            clause = clause[pp.end():]  # "said after the game the crew was ..."
        elif re.match(rf"(?i)(?!at\s+(?:least|most)\b)(?:{_SAID_WHEN}|so|nothing|little|much)\b", clause) \
                or (len(segment.TOKEN.findall(clause)) < 4 and not _SHORT_CLAUSE.fullmatch(clause.strip())):
            return  # "said on social media", "said in a statement": the words are elsewhere (a subject
            # pronoun, an auxiliary and one word is a clause however short: "said she would resign", "said it was over")
        if not that and not _CLAUSE_VERB.match(m.group("verb").lower()) and not (
                _FINITE.search(_clause_end(clause)) and _CLAUSE_START.match(clause)):
            return  # "emphasized the complexities of ...", "promised support for ...", "Guerrero state
            # governor ... said": a noun, not a clause
        if not (that or _CLAUSE_START.match(clause) or clause[:1].isupper() or has_finite_verb(_clause_end(clause))
                or _FINITE.search(_clause_end(clause))):
            return  # "claimed responsibility for the fire", "claimed victory": a bare noun and no verb
    whole = [a for a, b in segment.quote_spans(clause).spans if len(segment.TOKEN.findall(clause[a:b])) > SHORT]
    if whole:  # a whole quote in the clause: the quote is the words, listed as direct; the words before it
        # are this subject's when a second subject and its verb of saying lead into the quote ("Acme said it had
        # a fix, and its chief, Tom Berg, told the radio he wanted to “...”": Acme said it had a fix); a quote
        # that ends the clause it goes on with is part of it (.trailing.quote_continues)
        own = _OWN_SOURCE_BEFORE().search(clause[:whole[0]])
        if own is None:  # "said 133 bodies had been recovered and doctors were “fighting for ...”": the clause
            # before "and" and a second clause of its own, which holds the quote (given as direct)
            own = next((c for c in reversed(list(re.finditer(r",?\s+(?:and|but)\s+(?=(?:the|a|an|his|her|its|their|"
                                                             r"this|these|those|he|she|it|they|we|[A-Z][\w’'-]*|[a-z]+s)\s)",
                                                             clause[:whole[0]])))
                        if has_finite_verb(clause[c.end():whole[0]])), None)  # a subject after "and": not "and felt"
        if own is not None and has_finite_verb(clause[:own.start()]):
            clause = clause[:own.start()]
        elif _FIRST_PERSON.search(clause[whole[0]:]) or not quote_continues(clause, whole[0]):
            return  # 'said her agent would “defend my interests”': in the first person, the speaker's own words only
    if m.group("verb").lower() in _NOT_A_STATEMENT_VERBS or (_a_request(m.group("verb"), clause) and not
                                                             re.search(r"\bthat\b", cand[m.end("verb"):m.start("clause")])):
        return  # a request ("told the union to return") or a non-answer is not a statement
    # "confirmed that ... – but asserted any related text ...": two statements, each with its verb
    parts, verb, at, that = [], m.group("verb"), 0, True
    for c in _statements(clause):
        parts.append((_clause_end(clause[at:c.start()]), verb, that))
        verb, at, that = c.group("verb"), c.end(), c.group(0).rstrip().lower().endswith("that")
    parts.append((_clause_end(clause[at:]), verb, that))
    for part, verb, that in parts:
        if verb.lower() in _NOT_A_STATEMENT_VERBS or (not that and _a_request(verb, part)):
            break  # '..., and he asked her for a kiss', '..., and it warned residents to stay inside': a request
        if not that and not _CLAUSE_VERB.match(verb.lower()) and _DETERMINER_OBJECT.match(part):
            break  # '..., but he acknowledged the challenge posed by ...': a noun, not a second statement
        _add_indirect(rows, article_id, outlet, p_idx, par, part, m.group("spk"), who, verb, near=at)


# a verb that can direct someone to act, then its object and a to-infinitive: a request, not a statement
# ("told the union to return", "warned residents in the area to remain calm", "urged people to leave")
_DIRECTIVE = re.compile(r"(?i)(?:tell|tells|told|telling|warn|warns|warned|warning|urge|urges|urged|urging|ask|asks|asked|"
                        r"asking|advise[sd]?|advising|order|orders|ordered|ordering|instruct(?:s|ed|ing)?|"
                        r"encourage[sd]?|encouraging|remind(?:s|ed|ing)?|invite[sd]?|inviting|call(?:s|ed|ing)?\s+on|"
                        r"beg(?:s|ged|ging)?|implore[sd]?|imploring|direct(?:s|ed|ing)?)$")
_OBJECT_TO = re.compile(r"(?:(?!(?:that|" + "|".join(FINITE_AUXILIARIES) + r"|be|been|being)\b)[\w’'-]+,?\s+){1,6}?"
                        r"to\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b)[a-z]")


def _who(spk: str, story: Story, ctx: tuple, p_idx: int, at: int, verb: str | None) -> tuple:
    """(speaker, kind, actor) of a reported clause's source phrase: what the story and the article say
    of it (:func:`.in_article.article_speaker`), else what the frame says (:func:`.news_source.fallback_source`:
    "HTV reported", "the young man told ...")."""
    who = article_speaker(spk, story, *ctx, p_idx, at, None, direct=False)
    return who if who[0] is not None else (fallback_source(spk, verb) or who)


def _a_request(verb: str, clause: str) -> bool:
    """Whether a directive verb and what follows it ask someone to act (:data:`_DIRECTIVE` + object + to);
    the caller checks that no "that" follows the verb ("told the Verge that the firm requires ... to")."""
    return bool(_DIRECTIVE.match(verb.strip())) and bool(_OBJECT_TO.match(clause))


# verbs that ask or answer without stating: "asked her to ...", "did not respond"
_NOT_A_STATEMENT_VERBS = ("respond", "responds", "responded", "responding", "ask", "asks", "asked")
# a noun phrase after a verb that takes one as often as a clause ("acknowledged the challenge")
# the auxiliaries that make "the challenge was" a clause rather than an object (no do-forms, "must", "shall")
_OBJECT_CLAUSE_AUX = alternation(BE_FORMS, HAVE_FORMS, without(MODALS, "must", "shall"))
_DETERMINER_OBJECT = re.compile(rf"(?i)(?:the|a|an|its|his|her|their|this|these|those)\s+(?!\S+\s+(?:{_OBJECT_CLAUSE_AUX})\b)")
# a subject ending in a possessive: the "verb" after it is a noun ("Globex's claim that ...")
# a time or place said before the reported clause ("said on Thursday it had ...", "said late Friday")
_WHEN = re.compile(rf"(?i)(?:(?:{alternation(TIME_OPENERS[0], TIME_OPENERS[3:], TIME_ADVERBS[:2])})\s+)?"
                   rf"(?:{_DAYS}|{alternation(TIME_ADVERBS[2:5], PERIODS)})(?:\s+(?:{alternation(PERIODS[4:])}|\d{{1,2}}(?:st|nd|rd|th)?))?\s+")
# what opens a clause: a pronoun, a determiner or a name (its subject)
_CLAUSE_START = re.compile(r"(?:he|she|it|they|we|i|there|this|that|these|those|the|a|an|its|his|her|their|our|"
                           r"some|no|all|more|[A-Z]|one|two|three|four|five|six|seven|eight|nine|ten|several|many|"
                           r"most|both|each|every|any|none|nobody|everyone|everything|nothing)\b|\d", re.IGNORECASE)
# verbs of saying that take a bare clause whatever follows ("said the DRC reported ..."); the others
# ("emphasized", "promised", "acknowledged", "noted") take a noun as often, so their bare clause needs
# a finite verb of its own
_CLAUSE_VERB = re.compile(r"(?:say|said|says|saying|add|added|adds|adding|tell|told|tells|telling|claim\w*|argu\w*|"
                          r"insist\w*|maintain\w*|assert\w*|contend\w*|alleg\w*|believ\w*|repl\w*|think\w*|thought)$")
# the auxiliaries after a pronoun that open a clause ("he was", "they had", "it did"): no "can", "may",
# "might", "must", "shall", "do"
_PRONOUN_CLAUSE_AUX = alternation(BE_FORMS, HAVE_FORMS, without(MODALS, "can", "may", "might", "must", "shall"),
                                  without(DO_FORMS, "do"))
_PRONOUN_CLAUSE = re.compile(rf"(?i)(?:he|she|they|it|we)\s+(?:{_PRONOUN_CLAUSE_AUX})\b")
_SUBJECT_PRONOUN = re.compile(r"(?i)\b(?:he|she|they|we|i|it)\b")
_SHORT_CLAUSE = re.compile(rf"(?i)(?:he|she|they|it|we)\s+(?:{_PRONOUN_CLAUSE_AUX})\s+(?:not\s+)?[a-z][\w’'-]*[.!?]?")
# a finite verb: every auxiliary and the negated contractions
_FINITE = re.compile(rf"(?i)\b(?:{alternation(FINITE_AUXILIARIES, tuple(map(contraction, NEGATED_AUXILIARIES)))})\b")
# a participle of saying goes on with a second statement of the same speaker (", adding that ...")
_NEXT_STATEMENT = re.compile(r",\s+(?P<verb>adding|saying|noting|stressing|explaining|insisting|arguing|warning)"
                             r"\s+(?:that\s+)?(?=\S)")
# where the sentence leaves the reported clause for the writer's own words (or names where it has them
# from: ", according to a news release"): a concession, a time or
# a consequence after a comma (", although ...", ", after ...", ", urging ..."), a dash or a semicolon
# (", which ...", ", while ...", ", but ..." often go on with the speaker's own content: kept, but
# ", which she denied" is the writer's, and so is ", but he also ...", ", while the club ...": a new
# subject after the conjunction; ", but has now ...", ", a claim she denied", ", before refusing to ...",
# "during a speech to ...": the writer's account of the act and the occasion; ", but the weather has
# slowed ...", ", but they could not confirm ...": the same report goes on, kept; ", as the police said
# ...": the writer's circumstance; "..., the report added": the source after the words; "before leaving the
# meeting": the speaker's next act, the writer's; "after" and a participle with no comma goes on with the speaker's
# account, "the boat sank after hitting the pier": kept)
_CLAUSE_END = re.compile(r",\s+(?:although|though|after|before|despite|prompting|sparking|urging|citing|calling|"
                         r"even\s+as|which\s+(?:he|she|they|it|we)\s|(?:but|while|whereas)\s+(?:he|she|his|her|"
                         r"their|with)\s|(?:while|whereas)\s+the\s|but\s+(?:has|have|had|was|is|now|later|then)\s|(?:a|an)\s+(?:claim|charge|"
                         r"assertion|allegation|account|version)\s)\b|\s+before\s+(?:\w+ly\s+)?\w+ing\b|"
                         r"\s+during\s+(?:a|an|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}?(?:speech|press\s+conference|"
                         r"news\s+conference|interview|meeting|briefing|visit|address|session|hearing)\b|"
                         r"\s+[–—]\s+|\s+--\s+|;\s+|,\s+according\s+to\s|"
                         r",\s+(?:claiming|saying|promising|vowing|pledging|threatening)\s+to\s|"
                         r",\s+as\s+(?!well\b|soon\b|much\b|many\b|long\b|far\b|of\b|a\s+result\b)(?:[A-Z]|the\s|"
                         r"his\s|her\s|their\s|its\s)|"
                         r",\s+(?:[^,\s\"“”]+\s+){1,4}?(?:added|mentioned|said|says|noted|reported|reports|wrote)\s*[.]?$|"
                         r",\s+(?:reported|said|added)\s+(?:the\s+)?[^,\s]+(?:\s+[^,\s]+){0,3}\s*[.]?$|"
                         # "..., and Lund said they were not": another named source's statement, not this one's words
                         r",?\s+(?:and|but|while|whereas)\s+(?:[A-Z][\w’'-]+\s+){1,3}(?:said|says|told|added|insisted|"
                         r"argued|claimed|stated|countered|replied)\b")


def _clause_end(clause: str) -> str:
    """The reported clause up to where the writer's own words take over (:data:`_CLAUSE_END`); a
    second statement (", adding that ...") is kept for :func:`_statements` to split."""
    ends = [m.start() for m in _CLAUSE_END.finditer(clause)
            if not any(a <= m.start() < b for a, b in segment.quote_spans(clause).spans) and not paired_dash(clause, m)]
    return clause[:ends[0]] if ends and len(segment.TOKEN.findall(clause[:ends[0]])) >= 3 else clause


def _statements(clause: str) -> list:
    """The places where a clause goes on with a second statement: "and added that", ", adding that"."""
    found = list(SECOND_VERB().finditer(clause)) + list(_NEXT_STATEMENT.finditer(clause))
    return sorted(found, key=lambda c: c.start())


_APPOSITIVE = re.compile(r"^(\S+(?:\s+\S+){0,3}),\s+(?:(?:the|a|an|its)\s+[^,\"“”]{3,60}|(?P<desc>[^,\"“”]{3,60})),\s+(?=\S)")
# what any match of _COMMA_THAT holds: searched once per sentence, it spares the verbs' alternation tried at
# every word of every candidate (issue 20: the largest cost of reading reported speech)
_COMMA_THAT_NEEDS = re.compile(r",\s+that\s")
@functools.lru_cache(maxsize=1)
def _COMMA_THAT() -> re.Pattern:
    """A comma between a verb of saying and its "that" (translated text: "she also declared, that ..."),
    read as the verb and "that"."""
    return re.compile(rf"\b(?P<verb>{verbs()['rx']}),\s+that\s+(?!is\b)(?=\S)")


@functools.lru_cache(maxsize=1)
def _NESTED_REPORT() -> re.Pattern:
    return re.compile(rf"(?i)^[^,;]{{0,160}}?\b(?:{verbs()['rx']})\b[^,;]{{0,60}}?\bthat\s+(?P<clause>.{{8,}})$")


# a source phrase that opens on a verb in the past and its object ("issued a statement on Monday saying ..."): the
# sentence's predicate, whose subject stands before it, never the source ("armed men", "unnamed officials" stay)
_PREDICATE = re.compile(r"^[a-z]+ed\s+(?:a|an|the|his|her|its|their|our|this|that)\s")


def _add_indirect(rows: list, article_id: str, outlet: str, p_idx: int, par: str, part: str, spk: str, who: tuple,
                  verb: str, near: int = 0) -> None:
    if len(part.strip()) < 8 or _PREDICATE.match(trim_speaker(spk) or ""):
        return
    a = par.find(part, near)  # from the sentence it is in: the same part earlier in the paragraph is another's
    if a < 0:
        a = par.find(part)
    rows.append({"article_id": article_id, "outlet": outlet, "para_idx": p_idx, "start": a,
                 "end": a + len(part), "quote": part.rstrip(". "),
                 "kind": "indirect", "speaker_text": trim_speaker(spk), "speaker": who[0],
                 "speaker_kind": who[1], "actor": who[2], "verb": verb,
                 "verb_class": verb_class(verb), "floating": False, "attribution": "indirect",
                 "paragraph": par})


def _own_source(clause: str, story: Story, ctx: tuple, p_idx: int, at: int, trailing_too: bool = True,
                subject_too: bool = True) -> bool:
    """Whether a clause that an outer source reports names its own source: a subject and a verb of
    saying with "that" ("Ruiz announced Tuesday that ..."), or a source after its words (", Acme said,
    adding ..."): the words are that source's, the outer one only reports them. ("According to X, an
    official told CCTV that ...": X's account, :data:`_NESTED_REPORT`, so the caller leaves the subject out.)"""
    inner = _subject_and_verb([clause], story, ctx, p_idx, at) if subject_too else None
    if inner and re.match(r"(?:\S+\s+){0,3}?that\s", clause[inner[1].end("verb"):].lstrip()):
        return True
    return trailing_too and any(_who(spk, story, ctx, p_idx, at, verb)[0] is not None and verb != "according to"
                                for _, spk, verb in readings.trailing_sources(clause.rstrip(". ") + "."))


def _add_parenthetical(rows: list, article_id: str, outlet: str, p_idx: int, par: str, sent: str, at: int,
                       story: Story, ctx: tuple) -> bool:
    """The words after a parenthetical source ("This, he said, would put ..."): the rest of the sentence,
    cut where the writer's own words take over, when the source resolves. Whether a row was added."""
    m = frames.parenthetical(sent)
    if m is None or _FIRST_PERSON.search(m.group("clause")):
        return False  # "This, he said, would hurt us": his own words without the marks, not reported speech
    who = _who(m.group("spk"), story, ctx, p_idx, at + m.start("spk"), m.group("verb"))
    if who[0] is None:
        return False
    n = len(rows)
    _add_indirect(rows, article_id, outlet, p_idx, par, _clause_end(m.group("clause")).rstrip(". "), m.group("spk"),
                  who, m.group("verb"), near=at)
    return len(rows) > n


def _add_trailing(rows: list, article_id: str, outlet: str, p_idx: int, par: str, sent: str, at: int, story: Story,
                  ctx: tuple) -> bool:
    """The reported clause of a sentence whose source comes after it ("..., the agency said."), when
    the source resolves and the clause reads as a statement (:mod:`.trailing`); nothing otherwise.
    Whether a row was added."""
    found = readings.trailing_sources(sent)
    for i, (clause, spk, verb) in enumerate(found):
        phrase = trim_speaker(spk)
        if any(clause.startswith(inner + ", ") and "," not in clause[len(inner) + 2:] and
               inner_spk.strip() in clause[len(inner) + 2:] and
               _who(inner_spk, story, ctx, p_idx, at + len(inner) + 2, inner_verb)[0] is not None
               for inner, inner_spk, inner_verb in found[i + 1:]):
            continue  # "..., Acme said in a post, the Courier reported.": the nearer source spoke the words
        if not plausible_clause(clause) or (NOT_A_SUBJECT.search(phrase) and not _GROUP.match(phrase)):
            continue
        if verb != "according to" and DOCUMENT_HEAD.match(phrase):
            pass  # "..., the report said": a document speaks for its authors, as the text says
        elif verb == "according to" and no_voice(phrase):
            return False  # "according to figures compiled by ...": a document's content, not a voice
        if _FIRST_PERSON.search(clause) or (verb == "according to" and _REPORTS_ITSELF().search(clause)):
            return False  # "We will rebuild, says Ruiz": her own words without the marks, not reported speech;
            # "Ruiz announced a week of mourning, according to X": the clause has its own source (nested)
        if _own_source(clause, story, ctx, p_idx, at, trailing_too=False):
            return False  # "Ruiz announced Tuesday that ..., the Courier reported": Ruiz's words, reported
        who = _who(spk, story, ctx, p_idx, at + len(sent) - len(spk), verb)
        if who[0] is None:
            continue  # "..., Ana Ruiz, said Wednesday": "Wednesday" is nobody; the comma before has the source
        n = len(rows)
        _add_indirect(rows, article_id, outlet, p_idx, par, clause, spk, who, verb, near=at)
        return len(rows) > n
    return False


# an aside in commas between a subject and its verb: a participle's phrase (", citing anonymous sources,"), an
# adverb (", however,", ", passionately and publicly"): the verb after it is the subject's
_ASIDE = re.compile(r"^(?P<subj>[^,\"“”]{2,80}),\s+(?:(?:citing|quoting|speaking|writing|according)\b[^,\"“”]{0,80},|"
                    r"(?:however|meanwhile|too|also|though|instead|in\s+turn|for\s+(?:its|his|her|their)\s+part),|"
                    r"(?:[a-z]+ly\s+and\s+)?[a-z]{3,}ly,?)\s+(?=[a-z])")


# the first person of the speaker's own words: reported speech shifts it to the third ("we" -> "they")
# ("I" only as a subject, after no capitalised word: "Clade I has", "World War I was" are names)
_FIRST_PERSON = _regex.compile(r"(?<![\w’'-])(?:[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)(?![\w’'-])|"
                               r"(?<![\w’'-])(?<!\p{Lu}[\w’'.-]*\s+)I(?=[’']m\b|\s+(?-i:[a-z]))")


@functools.lru_cache(maxsize=1)
def _REPORTS_ITSELF() -> re.Pattern:
    """A verb of saying inside a clause, in lower case, not as a noun after a determiner nor as a
    passive ("has been confirmed"): the clause reports someone's words already ("Ruiz has announced
    five days of mourning")."""
    passive = "".join(rf"(?<!\b{b}\s)" for b in ("be", "been", "being", "is", "are", "was", "were"))
    return re.compile(rf"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<![’']s\s){passive}(?<!\bpreviously\s)\b(?-i:{verbs()['rx']})\b")


_GROUP = readings.GROUP


def _add_participle(rows: list, article_id: str, outlet: str, p_idx: int, par: str, sent: str, at: int, story: Story,
                    ctx: tuple) -> None:
    """The reported clause of ", saying ..." after a sentence whose subject resolves
    (:func:`.subject.participle_statement`; nothing when the participle has a subject of its own:
    "with some saying ...")."""
    found = readings.participle(sent)
    if not found:
        return
    pm, spk = found
    if DOCUMENT_HEAD.match(trim_speaker(spk)) or re.match(r"(?i)the\s+(?:declaration|law|bill|plan|rule|order)\b",
                                                              trim_speaker(spk)):
        return  # "The declaration calls for ..., emphasizing that ...": a document described, not quoted
    clause = _clause_end(pm.group("clause"))
    if not pm.group("that") and not ((_CLAUSE_START.match(clause) or re.match(r"[A-Z]", clause)) and _FINITE.search(clause)):
        return  # "saying goodbye to the crews": no clause ("saying Selby could ...": a name opens one)
    if not pm.group("that") and not _CLAUSE_VERB.match(pm.group("verb").lower()) and _DETERMINER_OBJECT.match(clause):
        return  # "..., announcing a response plan that will ...": a noun, not a clause
    if mostly_quoted(clause):
        return
    who = _who(spk, story, ctx, p_idx, at, None)
    if who[0] is not None:
        _add_indirect(rows, article_id, outlet, p_idx, par, clause, spk, who, pm.group("verb"), near=at)
