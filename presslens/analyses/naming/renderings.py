"""What discovery keeps of its proposals, and the names only a translation would use.

- :func:`prune` drops a proposal that is only ever a piece of a longer proposal for the same actor
  ("Tovarr" inside "Ana Tovarr"), and keeps one of the candidates that differ only in case,
  apostrophes or dashes ("ANA TOVAR" beside "Ana Tovar", "O’Neil 2" beside "O'Neil 2").
- :func:`translation_renderings`: multi-word capitalised names that appear **only in articles read as
  translations** (declared, or a likely undeclared translation: :mod:`.translation`) and either share
  a word (or, from five letters, a word one edit away: "Marta" ~ "Martha") with an actor's multi-word
  form while changing another ("Marta Beautiful" for Marta Bello, "Iberian Chess Federation" for
  the Royal Spanish Chess Federation). The actor is the one it shares the most words with, then the one
  with a form most of whose words it shares (a tie: none);
  one shared word that is a common English word (wordfreq zipf >= ``COMMON_ZIPF``: "Information Bureau"
  beside "State Information Office") is not enough, nor, for an actor that is not a person, the country's
  name or adjective alone ("Norwegian Parliament" beside "Norwegian Army": two bodies of one country), nor one shared
  word beside words no English dictionary holds ("Tanvel Xiaobo" beside "Tanvel News Agency": another
  entity sharing a word, where a translation renders an organisation's words into English ones); for a
  person, one shared word (the given name: "Lina Kowalski" beside "Lina Okafor") beside such words that
  spell none of the person's other words is another person, and so is the person's family name with a
  given name before it that spells none of theirs ("Grace Okafor" beside "Lina Okafor", in any language).
  Each is proposed with the rule ``translation: shared part``
  and its evidence: the shared word and the translated articles. A run that holds a known multi-word
  form ("Secretary Marta Bello"), a title or role before the actor's own words ("Foreign Minister Bello"),
  a function word ("Storm In ...") or two words glued
  ("CityWarrior") is not one. (A Chinese form glossed word by word is the scorer's ``calque`` rule.)
"""
from __future__ import annotations

import functools
import re
import pandas as pd
from rapidfuzz.distance import Levenshtein

from presslens.story.model import Story
from presslens.text.resolver import form_key
from presslens.text.vocabulary import ordinary_words
from presslens.data import STOPWORDS
from .demonyms import DEMONYMS
from .translation import likely_translations

TRANSLATED = ("declared translation", "likely undeclared translation")
COMMON_ZIPF = 4.0  # wordfreq: a word this frequent in English (about once in 100,000 words) is no name's own part


def _zipf_en(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")
RULE = "translation: shared part"


# words that stand before a name without being part of it: titles, honorifics, forms of address ("Dear X"),
# roles, nationalities
NOT_NAME_PART = frozenset("""
dear mr mrs ms mx dr prof sir dame lady lord saint st pope father sister brother king queen prince princess
president vice minister premier chancellor mayor governor senator secretary judge justice speaker chief head
director chairman chairwoman chair spokesman spokeswoman spokesperson deputy ambassador commissioner general
colonel captain coach manager striker forward defender midfielder goalkeeper player star officer agent
professor doctor reporter journalist writer editor founder ceo former late then new
american arab argentine asian australian brazilian british canadian chinese english european french german
indian iranian italian japanese korean mexican portuguese russian spanish swedish turkish ukrainian african
""".split()) | frozenset("""
begum shri shrimati smt datuk dato datin tun haji hajji mullah maulana mufti ayatollah hojatoleslam hazrat janab
herr frau monsieur madame mme mlle señor señora senhor senhora signor signora
fr br rt hr sra srta
""".split())  # honorifics of other languages written before a name, never a given name of their own (Wikipedia,
# "Honorifics" of Bengali, Hindi, Malay, Persian and Arabic usage, German, French, Spanish, Portuguese, Italian);
# not "Sheikh", "Syed", "Sri" or "Don", which are also given names or parts of a name; and the abbreviated titles a
# given name's contraction could be mistaken for: "Fr" (Father), "Br" (Brother), "Rt" (Right Honourable), "Hr" (Herr),
# "Sra", "Srta" (Señora, Señorita) (attack19)


def _inside_unknown_name(c: str, runs: set[str], own: set[str]) -> bool:
    """``c`` (one word) always comes after a capitalised word of an unknown name in its runs ("Jenna
    Velascon" for a proposal "Velascon", "Palazzo Velascon"): the name as written is the whole run, so the
    word alone is a fragment of it. Not when c opens a run, nor when the word before it is a title,
    a role or a nationality ("Mayor Velascon", "Spanish CBF") or a word of the actor's own forms."""
    if " " in c:
        return False
    for r in runs:
        ws = [w.strip(".,;:!?\"“”'’()") for w in r.split()]
        if c not in ws or ws.index(c) == 0:
            return False
        prev = ws[ws.index(c) - 1]
        if (not prev[:1].isupper() or prev.casefold() in NOT_NAME_PART or prev.casefold() in STOPWORDS
                or prev.casefold() in own):
            return False
    return True


def prune(out: pd.DataFrame, cands: pd.DataFrame, story: Story | None = None) -> pd.DataFrame:
    """``out`` (discover's rows) without pieces of longer proposals (every run a candidate comes from holds
    a longer proposal for the same actor that holds it: "Harbour al-Sadiq" only ever inside "Port Harbour
    al-Sadiq", the proposal, and "Mara's Port Harbour al-Sadiq"), capitalised duplicates and (given
    ``story``) one-word fragments of an unknown longer name (:func:`_inside_unknown_name`)."""
    if out.empty:
        return out
    own = ({a.name: {w.casefold() for f in a.forms for w in f.split()} for a in story.actors}
           | {sp.name: {w.casefold() for f in (sp.name, *sp.aliases) for w in f.split()} for sp in story.speakers}
           if story is not None else {})
    proposed = set(zip(out["candidate"], out["actor"]))
    props: dict[str, list[str]] = {}
    for c, actor in proposed:
        props.setdefault(actor, []).append(c)
    runs = cands.groupby("candidate")["run"].agg(lambda r: set(r)).to_dict()
    # one proposal per way of writing: the form in ordinary case, then with the most mentions, wins
    order = sorted(range(len(out)), key=lambda i: (out["candidate"].iat[i].isupper(), -int(out["n"].iat[i])))
    seen: set[tuple[str, str]] = set()
    keep = [False] * len(out)
    for i in order:
        c, actor = out["candidate"].iat[i], out["actor"].iat[i]
        rs = runs.get(c, {c})
        longer = [p for p in props.get(actor, ()) if p != c and c in p]  # proposals holding this one
        piece = all(r != c and ((r, actor) in proposed or any(p in r for p in longer)) for r in rs)
        piece = piece or story is not None and _inside_unknown_name(c, rs, own.get(actor, set()))
        key = (form_key(c), actor)
        if not piece and key not in seen:
            keep[i] = True
            seen.add(key)
    return out[keep].reset_index(drop=True)


def _other_of_family(words: list[str], keys: list[str], shared: set[str], story: Story, actor: str) -> bool:
    """``words`` end on the person's family name (the last word of a form of theirs: the one word shared)
    and put before it a given name that spells none of theirs, not even near ("Grace Okafor" beside
    "Lina Okafor"): a reader takes that for another member of the family, whatever language the given
    name is in. (A given name shared and the family name changed, "Lina Beautiful", is a rendering.)"""
    forms = [f.split() for a in story.actors if a.name == actor for f in a.forms if len(f.split()) >= 2]
    family = {_word_key(f[-1]) for f in forms}
    given = {_word_key(w) for f in forms for w in f[:-1]}
    if keys[-1] not in family or keys[-1] not in shared:
        return False
    return not any(_near(k, given) or k in given for k in keys[:-1])


def _country_word(k: str) -> bool:
    """A country's name of one word or its adjective (:data:`.demonyms.DEMONYMS`: "sweden" and "swedish"
    are, "kestrel" is not): every body of that country shares it, so it ties a rendering to no one of them."""
    return k in DEMONYMS or k in _COUNTRIES


_COUNTRIES = frozenset(c for c in DEMONYMS.values() if " " not in c)


def _word_key(w: str) -> str:
    return re.sub(r"['’]s$", "", w).casefold()


def titled_name(words: list[str], keys: list[str], own: set[str]) -> bool:
    """The words that are not the actor's come before its words and end on a title or role: "Foreign
    Minister Okafor" is the known name with its title, not a rendering of it."""
    first = next((i for i, k in enumerate(keys) if k in own), None)
    return (first is not None and first > 0 and all(k in own for k in keys[first:])
            and words[first - 1].casefold().strip(".") in NOT_NAME_PART)


def _shown(shared: str) -> str:
    """'bello', or for a near word "'martha' (one edit from 'marta')"."""
    word, _, near = shared.partition("~")
    return f"{word!r}" + (f" (one edit from {near!r})" if near else "")


def _camel(w: str) -> bool:
    """A lower-case letter followed by a capital inside a word: two words glued ("CityWarrior")."""
    return bool(re.search(r"[a-zà-ÿ]{2}[A-ZÀ-Þ]", w))


@functools.lru_cache(maxsize=65536)
def dictionary_word(w: str) -> bool:
    """An English word of lemminflect's dictionary (a noun, verb, adjective...): "Winner", "Kissed",
    "Designer" are words, "Amara" or "Okafor" are not."""
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(w.casefold()))


def _foreign_name_word(w: str) -> bool:
    """A capitalised word no English dictionary holds ("Xiaobo", "Emomali"): a translation renders an
    organisation's or a place's words into English words ("Iberian", "Agency"), so one shared word with
    such words beside it is another entity sharing a word ("Tanvel Xiaobo", a paper, beside "Tanvel News
    Agency"; "Velmora Akiro Tanvel", a person, beside "Harbour Council of Velmora"), not a rendering."""
    return w[:1].isupper() and not w.isupper() and w.replace("-", "").isalpha() and not dictionary_word(w)


def _near(word: str, words: set[str]) -> bool:
    """``word`` is a spelling of one of ``words`` (of four letters or more): a third of its letters edited
    at most ("vendarykof" of "wendarikov")."""
    return any(len(o) >= 4 and Levenshtein.distance(word, o, score_cutoff=len(o) // 3) <= len(o) // 3 for o in words)


def _multi_word_regex(forms: list[tuple[str, str]]) -> re.Pattern:
    """Any known multi-word form, as words ("Secretary Marta Bello" holds "Marta Bello")."""
    alts = sorted({re.escape(f) for _, f in forms}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE) if alts else re.compile(r"(?!x)x")


def translation_renderings(story: Story, cands: pd.DataFrame, taken: set[str]) -> list[dict]:
    """Proposals of the rule ``translation: shared part`` (see the module docstring), one dict per
    candidate and actor: candidate, actor, rule, known_form, evidence. ``taken``: candidates another
    rule already proposed."""
    v = likely_translations(story)
    translated = set(v.loc[v["verdict"].isin(TRANSLATED), "article_id"])
    if not translated or cands.empty:
        return []
    ordinary = ordinary_words()
    forms = [(a.name, f.strip()) for a in story.actors for f in a.forms if len(f.split()) >= 2]
    by_word: dict[str, list[tuple[str, str]]] = {}
    for actor, f in forms:
        for w in f.split():
            k = _word_key(w)
            if k not in STOPWORDS and len(k) >= 3:
                by_word.setdefault(k, []).append((actor, f))
    own = {a.name: {_word_key(w) for f in a.forms for w in f.split()} for a in story.actors}
    capitalised = {_word_key(w) for _, f in forms for w in f.split() if w[:1].isupper()}
    long_words = [k for k in by_word if len(k) >= 5 and k in capitalised]  # names, not words ("resident")
    multi = _multi_word_regex(forms)
    people = {a.name for a in story.actors if (a.kind or "").casefold() == "person"}
    out = []
    for c, g in cands[cands["candidate"] == cands["run"]].groupby("candidate", sort=True):
        words = c.split()
        if c in taken or not 2 <= len(words) <= 4 or not set(g["article_id"]) <= translated:
            continue
        if any(w.casefold() in STOPWORDS or _camel(w) for w in words) or multi.search(c):
            continue  # a run across a sentence end, words glued, or a known name with a title
        keys = [_word_key(w) for w in words]
        hits = {(actor, f, k) for k in keys for actor, f in by_word.get(k, ())}
        hits |= {(actor, f, f"{k}~{o}") for k in keys if len(k) >= 5 and k not in by_word
                 for o in long_words if Levenshtein.distance(k, o) == 1 for actor, f in by_word[o]}
        shared_by: dict[str, set[str]] = {}
        per_form: dict[tuple[str, str], set[str]] = {}
        for actor, f, k in hits:
            shared_by.setdefault(actor, set()).add(k.split("~")[0])
            per_form.setdefault((actor, f), set()).add(k)
        # the actor sharing the most words, then the one with a form most of whose words are shared
        rank = {a: (len(v), max(len(ks) / len(f.split()) for (b, f), ks in per_form.items() if b == a))
                for a, v in shared_by.items()}
        best = max(rank.values(), default=(0, 0.0))
        leaders = [a for a, r in rank.items() if r == best]
        if len(leaders) != 1:
            continue  # no shared word, or shared alike with several actors (a title, a country)
        actor, most = leaders[0], best[0]
        if most == 1 and all(k in ordinary and _zipf_en(k) >= COMMON_ZIPF for k in shared_by[actor]):
            continue  # one shared word that is a common English word ("Information Bureau"): no rendering
        hits = {h for h in hits if h[0] == actor}
        new = [w for w, k in zip(words, keys) if k not in own[actor]]
        if not new or titled_name(words, keys, own[actor]):
            continue
        if most == 1 and all(_foreign_name_word(w) for w in new) and (
                actor not in people or not any(_near(_word_key(w), own[actor]) for w in new)):
            continue  # one word shared, the rest names of no word of the actor's: another entity
        if most == 1 and actor not in people and all(_country_word(k) for k in shared_by[actor]):
            continue  # only the country shared: another body of it ("Norwegian Parliament", "Norwegian Army")
        if most == 1 and actor in people and _other_of_family(words, keys, shared_by[actor], story, actor):
            continue  # the family name shared, another given name before it: another person of the family
        shared = ", ".join(sorted({_shown(h[2]) for h in hits}))
        f = sorted(h[1] for h in hits)[0]
        arts = ", ".join(sorted(set(g["article_id"])))
        out.append({"candidate": c, "actor": actor, "rule": RULE, "known_form": f,
                    "evidence": f"shares {shared} with {f!r}, changes "
                                f"{', '.join(repr(w) for w in new)}; only in articles read as translations ({arts})"})
    return out
