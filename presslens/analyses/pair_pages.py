"""One page or two: whether two articles of a story are one page captured twice, or one publisher's page on two
hosts, from their outlets, addresses and titles (read by the pair verdicts, :mod:`presslens.analyses.verdicts`,
through :class:`presslens.analyses.pair_evidence.Evidence`).

One idea: the page behind an article: its address's page name (:func:`slug_of`), its registered site
(:func:`site_of`), and the readers comparing two (:meth:`Pages.same_page`, :meth:`~Pages.publisher_page`,
:meth:`~Pages.same_outlet`, :meth:`~Pages.twin`)."""
from __future__ import annotations

from urllib.parse import urlparse

from tld import get_fld

from presslens.story import publishers


class Pages:
    """The page readers of :class:`~presslens.analyses.pair_evidence.Evidence` (a part of it: they read ``pub``, ``onorm``,
    ``host``, ``slug``, ``brand``, ``site`` and ``title``, and note captures of one page in ``twins``)."""

    def same_outlet(self, x: str, y: str) -> bool:
        """Whether x and y are one publisher's: compared by the publisher each names, not by host (an aggregator's
        host carries many publishers: :func:`presslens.story.publishers.same_publisher`)."""
        return publishers.same_publisher(self.pub[x], self.pub[y])

    def publisher_page(self, x: str, y: str) -> str | None:
        """Why x and y, on two hosts, are one publisher's page: the same page name or number ending both
        addresses, on hosts whose names share the publisher's (one host's first label begins the other's) or
        on two hosts of one registered site (subdomains of one domain: one site's database behind both; a
        blogging platform's users are separate sites by the public-suffix list: :func:`site_of`)."""
        if not self.slug[x] or self.slug[x] != self.slug[y]:
            return None
        bx, by = sorted((self.brand[x], self.brand[y]), key=len)
        if len(bx) >= 3 and by.startswith(bx):
            return f"the same page ({self.slug[x]}) on {self.host[x]} and {self.host[y]}"
        if self.site[x] and self.site[x] == self.site[y]:
            return f"the same page ({self.slug[x]}) on two hosts of {self.site[x]}: {self.host[x]} and {self.host[y]}"
        return None

    def twin(self, x: str, y: str) -> None:
        """Note that x and y are one page captured twice: neither is a third text holding what the other
        shares with a third article (one page is one witness, not two)."""
        self.twins[x].add(y)
        self.twins[y].add(x)

    def same_page(self, x: str, y: str) -> str | None:
        """Why x and y are one page captured twice (same outlet and the same URL slug or title), else None."""
        if not self.same_outlet(x, y):
            return None
        if self.slug[x] and self.slug[x] == self.slug[y]:
            return f"the same URL slug ({self.slug[x]})"
        if self.title[x] and self.title[x] == self.title[y]:
            return "the same title"
        return None


def slug_of(url) -> str:
    if not isinstance(url, str):
        return ""
    parts = [p for p in urlparse(url).path.split("/") if p]
    last = parts[-1] if parts else ""
    return last if len(last) >= 12 or (len(last) >= 6 and last.isdigit()) else ""  # a short last segment ("index.html", "news") names no page


def site_of(url) -> str:
    """The registered site of an address (its domain under the public-suffix list: "fastseoul.com" for
    "news.harbourcity.example", "harbour.co.uk", a blog's own "x.blogspot.com"), "" when there is none."""
    if not isinstance(url, str) or not url:
        return ""
    return get_fld(url if "://" in url else f"http://{url}", fail_silently=True, fix_protocol=True) or ""
