"""List the thesaurus's alternative labels that may be narrower than their concept.

usage: python scripts/audit_thesaurus.py [FILE]   (default: the built-in thesaurus)

An alternative label says "the same competence"; a label that names a kind of the
concept belongs to a narrower concept (``regnvandshåndtering`` is not a synonym of
``klimatilpasning``). For review, one line per suspect Danish label, with the reason:

- ``own head``: a compound or a phrase whose last part is the concept itself or one of
  its labels (``alkoholmisbrug`` under ``misbrug``, ``vaskulær demens`` under ``demens``):
  a kind of it.
- ``other head``: a compound or a phrase whose last part is another concept
  (``skærmbesøg`` under ``velfærdsteknologi``): a kind of that one, perhaps narrower or
  related here.
- ``shared``: the label is also a label of another concept (the matcher gives the best of
  both).

Inflections and spellings of the concept's own name (``skolen``, ``demenssygdomme``)
are not listed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from composer.lexicon import key, words
from composer.thesaurus import Thesaurus, as_thesaurus


def suspects(th: Thesaurus) -> Iterator[tuple[str, str, str, str]]:
    """(concept, label, reason, detail) for each suspect Danish alternative label."""
    for cid in sorted(th.concepts):
        c = th.concepts[cid]
        own = {key(x) for x in (cid, *c.alt)}
        for label in c.alt:
            k = key(label)
            if k == key(cid):
                continue
            others = sorted({x.concept for x in th.find_key(k)} - {cid})
            if others:
                yield cid, label, "shared", ", ".join(others)
            ws = words(label)
            if not ws:
                continue
            last = ws[-1]
            heads = {last.head} if len(ws) == 1 else {last.base, last.head}
            heads.discard("")
            if heads & own or (len(ws) > 1 and key(" ".join(w.text for w in ws[1:])) in own):
                yield cid, label, "own head", "/".join(sorted(heads))
                continue
            found = sorted({x.concept for h in heads for x in th.find_key(h)} - {cid})
            if found:
                yield cid, label, "other head", ", ".join(found)


def main(argv: list[str]) -> int:
    th = as_thesaurus(argv[0] if argv else None)
    n = 0
    for cid, label, reason, detail in suspects(th):
        print(f"{cid}\t{label}\t{reason}\t{detail}")
        n += 1
    labels = sum(len(c.alt) for c in th.concepts.values())
    print(f"{n} suspect labels of {labels} Danish alternative labels", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
