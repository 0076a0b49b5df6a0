"""Pairs of similar quoted sentences (analyses.quotes.similar): the exact path equals a brute-force
loop of fuzz.ratio, and the blocked path (by rare words, for stories with many distinct quotes)
finds the same pairs, hence the same statements, on statements quoted in several wordings."""
import random

from rapidfuzz import fuzz

from presslens.analyses.quotes.similar import similar_pairs


def _brute(texts, cutoff):
    return sorted((i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))
                  if fuzz.ratio(texts[i], texts[j]) >= cutoff)


def _versions(seed, n_statements, per):
    """Made-up statements over a shared vocabulary (so unrelated ones share common words), each
    quoted in up to ``per`` wordings: words dropped, swapped for a synonym, a clause added."""
    rng = random.Random(seed)
    common = "the we our this that will have said for and not are with our its all be".split()
    topic = [f"w{k}x" for k in range(400)]  # story words, shared across statements
    out = set()
    for s in range(n_statements):
        words = [rng.choice(common if rng.random() < 0.5 else topic) for _ in range(rng.randint(6, 18))]
        words.insert(rng.randrange(len(words)), f"name{s}")  # each statement's own word, as names are
        for _ in range(rng.randint(1, per)):
            v = list(words)
            for _ in range(rng.randint(0, 3)):
                k = rng.randrange(len(v))
                r = rng.random()
                if r < 0.3 and len(v) > 5:
                    del v[k]
                elif r < 0.6:
                    v[k] = rng.choice(topic)
                else:
                    v.insert(k, rng.choice(common))
            out.add(" ".join(v))
    return sorted(out)


def test_exact_path_is_every_pair():
    texts = _versions(1, 40, 4)
    for cutoff in (70, 90):
        assert similar_pairs(texts, cutoff) == _brute(texts, cutoff)


def test_blocked_path_finds_the_same_pairs():
    texts = _versions(2, 300, 5)
    assert len(texts) > 600
    exact = similar_pairs(texts, 70)
    assert len(exact) > 300  # the data hold many pairs to find
    assert similar_pairs(texts, 70, exact_max=0) == exact
    assert similar_pairs(texts, 90, exact_max=0) == similar_pairs(texts, 90)


def test_blocked_path_compares_few_pairs(monkeypatch):
    """Near-linear: the candidates are a small share of all pairs."""
    from rapidfuzz import process

    seen = []
    real = process.cpdist
    monkeypatch.setattr(process, "cpdist", lambda a, b, **kw: (seen.append(len(a)), real(a, b, **kw))[1])
    texts = _versions(3, 600, 3)
    similar_pairs(texts, 70, exact_max=0)
    assert sum(seen) < len(texts) * (len(texts) - 1) / 2 / 20
