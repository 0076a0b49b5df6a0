"""Who speaks in words a reader is told are coming: a sentence ending in a colon ('Hu shared the
plan: "..."', whatever its verb), a headline's speaker before a colon, by name ("Ruiz at the council:")
or by what they are ("Harbour FA boss:"), and a paragraph of narration that introduces the next
paragraph's quote ('Ruiz joined the broadcaster to give her own comments.'). The speaker is read
from the lead-in, never from the quote, through what the article says of its people (:mod:`.in_article`).
"""
from __future__ import annotations

import re

from presslens.story.model import Story
from presslens.text.vocabulary import PREPOSITIONS
from .ambiguity import ADDRESSED
from .in_article import article_speaker, person_entry, sentence_subject
from .people import SENT_END, People
from .resolve import resolve_speaker
from .attribution import verb_class
from .news_source import speaking_description
from .wordclasses import FUNCTION, QUESTION, key, title_cased


# a headline's speaker named by what they are, before a colon: "Harbour FA boss:", "Harbour master Tom Berg:"
_LABEL = re.compile(r"^\W*(?:(?P<desc>(?:[\w’'.&-]+\s+){0,3}[a-z][\w’'.&-]*)\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})|"
                    r"(?P<d>(?:[\w’'.&-]+\s+){0,4}[\w’'.&-]+))\s*:\s*[“\"‘'«„]?\s*$")
_HEADS = frozenset("boss chief head minister president mayor governor spokesperson spokesman spokeswoman director ceo "
                   "coach manager chairman chairwoman chair leader secretary ambassador commissioner judge captain "
                   "master founder owner".split())


def headline_label(text: str) -> tuple[str, str] | None:
    """A headline's speaker named before a colon with what they are, the text before the quote being all
    of it: ("name", "Tom Berg") for "Harbour master Tom Berg:", ("role", "Harbour FA boss") for a phrase
    ending in a head noun (:data:`_HEADS`); None for a kicker ("Breaking news:") or a clause with a verb."""
    lab = _LABEL.match(text)
    if not lab or re.search(r"\b[a-z]+(?:ed|(?<!s)s)\s", (lab.group("d") or lab.group("desc")) + " "):
        return None
    if lab.group("name"):
        return "name", lab.group("name")
    return ("role", lab.group("d")) if lab.group("d").split()[-1].lower() in _HEADS else None


# the predicate of a clause after its subject's name, two words in lower case: 'Ana Ruiz put it simply: "..."', 'Ruiz was
# blunt: "..."' are sentences, not a kicker ("Selby Storm:") nor a headline's label ("Ruiz at the council:", "Ruiz live:")
_PREDICATE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?!(?:at|in|on|of|for|from|to|with|by|and|or|after|before|during|live|latest|"
                        r"interview|exclusive|speech|statement|says|said)\b)[a-z][\w’'-]*\s+[a-z][\w’'-]*")
# a label before a quote that names whose words follow ("Quote from Ruiz:", "Words of the mayor:")
_QUOTE_FROM = re.compile(r"\W*(?i:quotes?|words)\s+(?:from|of|by)\s+")


def colon_lead_in(people: People, story: Story, p_idx: int, par: str, a: int, last_person: str | None) -> tuple | None:
    """The speaker of a quote that a sentence ending in a colon introduces, whatever its verb ('Hu
    shared the team's plan: "..."', 'Ruiz, the judge, highlighted one point: "..."'): the subject of
    that sentence when it is a person or an actor, else the person the sentence credits with "by"."""
    start = max([0] + [m.end() for m in SENT_END.finditer(par, 0, max(0, a - 1))])
    sent = par[start:a]
    if len(sent) > 400 or re.search(r"(?i)^\W*(?:if|when|whether|why|how|what)\b", sent) or ADDRESSED.search(sent):
        return None
    ms = [m for m in people.mentions if m[0] == p_idx and start <= m[1] < a and m[3].name]
    subj = [m for m in ms if m[4] is True]
    if subj and subj[0][1] - start < 80 and (_PREDICATE.match(par, subj[0][2], a) or not _kicker(people, p_idx, sent, subj[0])):
        return person_entry(story, people, subj[0][3])
    by = [m for m in ms if re.search(r"\bby\s+(?:\S+\s+){0,3}$", par[max(start, m[1] - 30):m[1]])
          or _QUOTE_FROM.fullmatch(par, start, m[1])]  # 'Quote from Ruiz: "..."': a label naming the speaker
    if by:
        return person_entry(story, people, by[0][3])
    pron = re.match(r"^\W*(?:[A-Z][^,]{0,60},\s+)?(he|she)\b", sent, re.IGNORECASE)
    if pron:  # 'He thanked the team, saying, "..."'
        g = "m" if pron.group(1).lower() == "he" else "f"
        p = people.antecedent(p_idx, start + pron.start(1), g) or people.antecedent(p_idx, start + pron.start(1), g, back=8)
        return person_entry(story, people, p) if p is not None and p.name else None
    head = re.match(r"^\W*(?P<spk>(?:(?:the|a|an)\s+)?(?:[\w’'.-]+\s+){0,4}?)(?:[a-z]+ly\s+)?(?:has\s+|had\s+)?"
                    r"[a-z]+(?:ed|(?<!s)s)\b(?!:)", sent)  # "Port Authority boss:" is no verb
    if head and head.group("spk").strip():
        who = resolve_speaker(head.group("spk"), story, last_person)
        if who[0] is not None and who[1] in ("role", "named") and (who[2] or who[1] == "named"):
            return who
        described = speaking_description(head.group("spk").strip())  # 'The fire brigade was blunt: "..."'
        if described is not None and described[1] == "role":
            return described
    hl = _HEADLINE_SPEAKER.search(sent.rstrip(" \"“‘'«「„"))
    if hl and not re.search(r"\b[a-z]+(?:ed|s)\s", hl.group(0)) and len(sent) < 200 and \
            key(hl.group("name").split()[0]) not in FUNCTION | PREPOSITIONS:  # "Via Ana Ruiz's account:" is no speaker
        who = resolve_speaker(hl.group("name"), story, last_person)  # 'Ruiz at the council: “...”', a headline's speaker
        if who[0] is not None and (who[1] == "named" or (who[1] == "role" and who[2])) and \
                not (who[2] is None and _kicker(people, p_idx, sent, ms[0] if ms else None)):
            return who
    lab = headline_label(sent) if start == 0 else None  # a headline's speaker by description: "Harbour FA boss:"
    if lab and lab[0] == "name":  # "Harbour master Tom Berg:": the name
        got = article_speaker(lab[1], story, people, [par], 0, a, last_person)
        return got if got[0] is not None else None
    if lab:
        return lab[1], "role", resolve_speaker(lab[1], story, last_person)[2]
    return None


def _kicker(people: People, p_idx: int, sent: str, mention: tuple | None) -> bool:
    """Whether a lead-in that is a capitalised label alone ("Selby Storm:", "Harbour Storm Latest:") is a
    kicker, not a speaker: the label is no person the article names elsewhere (``mention``: its mention
    here, None when the label names no person at all), no person of story.yaml and has no title (a
    reader takes "Mayor Ana Ruiz:" and "Ruiz:", in a story about Ruiz, for a speaker; "Selby Storm:"
    for the topic)."""
    if not _LABEL_ALONE.fullmatch(sent):
        return False
    if mention is None:
        return True
    person = mention[3]
    if person.listed or person.titles or person.name in people.story_people:
        return False
    return not any(m[3] is person and m[0] != p_idx for m in people.mentions)


_LABEL_ALONE = re.compile(r"\W*[\w’'.\s-]+:\s*[“\"‘'«„]?\s*")


# a headline's speaker before a colon: a name, maybe with where it spoke ("Ruiz at the council:")
_HEADLINE_SPEAKER = re.compile(r"(?:^|,\s+)(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})(?:\s+(?:at|in|on|to|after|"
                               r"before|during|from)\s+[^:,]{1,80})?\s*:\s*$")


# a sentence that says someone is about to speak: a word of speech ("comments", "a statement", "told")
_SPEECH = re.compile(r"(?i)\b(?:comments?|statements?|interview|remarks|context|reaction|response|message|video|"
                     r"post(?:ed)?|speech|address|explained|told|said|says|added|wrote|spoke|responded|replied)\b")


def introducer(people: People, story: Story, paragraphs: list[str], p_idx: int, par: str,
               last_person: str | None) -> tuple | None:
    """(speaker, kind, actor, speaker phrase, verb) of a paragraph of narration that introduces the
    quote of the next paragraph ('A company spokesperson gave some context in a comment to AFP.',
    'Ruiz joined the broadcaster to give her own comments.'): the subject of its last sentence with a
    word of speech, when that subject is someone the article names or an organisation's role."""
    if par.rstrip().endswith(":"):  # 'Ruiz sent the crews the following message:' ¶ '“...”': whatever its verb
        lead = colon_lead_in(people, story, p_idx, par, len(par.rstrip()), last_person)
        if lead is not None and lead[0] is not None:
            return (*lead, lead[0], ":")
    sents = [x for x in re.split(r"(?<=[.!?])\s+", par.strip()) if x]
    for sent in reversed(sents[-3:]):
        if not _SPEECH.search(sent) or QUESTION.search(sent):
            continue
        subj = sentence_subject(sent)
        if not subj or len(subj.split()) > 6:
            return None
        who = article_speaker(subj, story, people, paragraphs, p_idx, par.find(sent), last_person)
        if who[0] is None or (who[1] == "role" and who[2] is None) or who[1] == "anonymous":
            return None
        return (*who, subj, None)
    return None


# the present and past of the verbs a headline ends with its source ("Says", "Tells", "Warns")
_FINITE_SAYING = ("says said tells told warns warned claims claimed admits admitted insists insisted denies denied "
                  "confirms confirmed vows vowed urges urged adds added writes wrote reports reported states stated "
                  "argues argued").split()
# the end of a headline in title case: ", Mayor Ana Ruiz Says", ", Harbour Officials Warn", and what a headline
# may add after its source: ", Ana Ruiz Says, After the Storm", ", Ana Ruiz tells inquiry – as it happened"
_TITLE_SAYS = re.compile(r"(?P<lead>,?\s+(?:[A-Z][\w’'.-]*\s+){1,5})(?P<verb>[A-Z][a-z]+)(?P<tail>\s*$|,\s+[A-Z][^.!?\"“”]*$|"
                         r"\s+[–—-]\s+[^.!?\"“”]*$)")
# the same in a headline in sentence case, with its verb in lower case and at most one word of object after it
# (", Ana Ruiz says", ", Ana Ruiz tells inquiry – as it happened")
_SENTENCE_SAYS = re.compile(rf"(?P<lead>,\s+(?:[A-Z][\w’'.-]*\s+){{1,5}})(?P<verb>{'|'.join(_FINITE_SAYING)})"
                            r"(?:\s+[a-z]+)?(?P<tail>\s*$|\s+[–—-]\s+[^.!?\"“”]*$)")


def title_case_verb(par: str, after: str) -> str:
    """The words after a headline's quote with a final verb of saying in title case written in lower case
    and the sentence ended (', Mayor Ana Ruiz Says' reads ', Mayor Ana Ruiz says.'), so that the source
    after the words is read as in a sentence; also a headline in sentence case (no full stop at its end, at
    most 25 words) that ends with its source (', Ana Ruiz tells inquiry – as it happened'); ``after``
    unchanged in any other paragraph or shape."""
    if len(par) > 400:  # a headline is short: a paragraph costs no search
        return after
    if title_cased(par):
        m = next((t for t in (_TITLE_SAYS.match(after, i) for i in range(len(after)) if after[i] in ", ")
                  if t is not None and t.group("verb").lower() in _FINITE_SAYING), None)
    elif not par.rstrip().endswith((".", "!", "?", "\"", "”", "’", "'", ":")) and len(par.split()) <= 25:
        m = _SENTENCE_SAYS.search(after)
    else:
        return after
    if m is None or verb_class(m.group("verb").lower()) is None:
        return after
    return after[:m.start("verb")] + m.group("verb").lower() + "."  # the headline's end is its sentence's

