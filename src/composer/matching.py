"""How a phrase or a sentence covers one need: a value of a named kind, or nothing.

A :class:`NeedMatcher` reads one need once (its words, its concepts in the thesaurus and
the concepts around them) and then judges phrases and free text against it. Every value
it returns is a :class:`Match` of one kind, with the words that justify it; there are no
character n-grams and no substring tricks, so a word that merely contains the need
(``genetik`` for ``etik``, ``forældre`` for ``ældre``) covers nothing.

=================  =====  =============================================================
kind               value  when
=================  =====  =============================================================
exact              1.0    the same text (case, hyphens and spaces aside)
inflection         1.0    the same lemmas, in any order or form (``etiske dilemmaer`` →
                          etik, ``inddragelse af borgere`` → borgerinddragelse); 0.9
                          when a part of the need is found only inside a compound
spelling           1.0    ``ae``/``oe``/``aa`` for æ/ø/å; 0.9 for a one-letter typo in
                          a word of 6+ letters that is not itself a Danish word and
                          keeps the first letter (first letters are rarely mistyped)
synonym            1.0    a Danish label of the need's concept in the thesaurus
translation        1.0    an English label of the need's concept
narrower           0.9    a concept below the need's (a kind of it)
compound head      0.9    a compound whose last part is the need (``teknologietik``);
                          also a word nobody writes that ends in a need of 5+ letters
                          after a first part of 4+ letters, too rare to be split
                          (``stomipleje``, ``gerontopsykiatri``), and a compound the
                          thesaurus knows but places under no concept and links to
                          none of the need's (``mundpleje``)
compound modifier  0.75   a compound whose first part is the need and whose last part
                          names work on it, a role, a field or a means
                          (:data:`WORK_HEADS`: ``demenskoordinator``, ``ældreområdet``);
                          0.25 for any other last part (``plejehjem``, ``etikråd``)
broader            0.5    a concept above the need's
related            0.5    a concept related to the need's
free text          ≤ 0.8  a sentence in ``background`` or ``statement``: 0.8 at most
                          when it names the need, a label of its concept or a
                          narrower concept (a kind of it: ``skærmbesøg`` for
                          velfærdsteknologi), else 0.6;
                          a broader or related word in a sentence counts for nothing
                          (``ældre`` in a sentence does not partly cover ``demens``)
=================  =====  =============================================================

In a phrase of several words, one word's concept counts only when it names the need or
a kind of it (synonym, translation, narrower): ``inddragelse af jord`` is not partly
``borgerinddragelse``.

A compound the thesaurus knows as a label of some concept is judged by the thesaurus
alone (``naturpleje`` is nature management, not care; ``plejefamilie`` is foster care).

**Another sense.** A compound whose first part, or a phrase one of whose other words,
belongs to a class of the thesaurus's ``outside`` (vehicles, animals, plants, microbes,
materials, ...; see :attr:`composer.thesaurus.Thesaurus.outside`) uses the need's word in
a sense outside municipal work and covers nothing unless the thesaurus knows the whole
phrase: ``bilpleje``, ``pleje af bilen``, ``bakteriekultur``, ``køreskole``,
``ældre bygninger``. A compound modifier whose last part is such a word covers nothing
either (``naturgas``). Classes the need's concept is inside of do not count
(``biltrafik`` is traffic), nor do the need's own words (a need ``hundetræning`` is
covered by ``træning af hunde``). The first part of a compound is read with the last
part of a modifier of several parts (``kampsportsskole``: a sport; ``sportshestepleje``:
a horse). In a phrase, the other word must bear on the need's words: it counts when it
qualifies them or is what they act on or are found in (``ældre biler``, ``hestes
trivsel``, ``pleje af bilen``, ``angst hos katte``), not when a preposition leads from
it to the need's words (``dans for ældre``, ``golf i skolen``: the need is whom or where
the thing is for) nor after ``fra`` (``karriereskifte fra detailhandlen``: where a person
comes from); a compound that names a person (``buschauffør``, ``hundeejer``) counts only
by its last part (``rekruttering af buschauffører`` is recruitment).

**Another sense, read from what the other words are.** The classes reach only the words
they list, so these rules ask instead for positive evidence that the words around the
need's word belong to its world (:meth:`NeedMatcher._other_sense`,
:meth:`NeedMatcher._foreign_first`):

- an adjective that names people when used as a noun (:data:`PEOPLE_ADJECTIVES`:
  ``ældre``, ``unge``, ``frivillige``, ``ledige``) before a noun phrase in which no word
  names people (:data:`PERSONS`, an agent noun, a participle in ``-ende``/``-ede``, an
  adjective of the same list) or work (:data:`WORK_HEADS`) is a mere adjective:
  ``ældre huse``, ``unge skud``, ``ledig kapacitet``, ``frivillig opsparing`` cover
  nothing; ``ældre medicinske patienter``, ``unge ledige``, ``frivillige besøgsvenner``
  do;
- the need followed by a preposition of :data:`OBJECTS` and a noun phrase in which no
  word is of the need's world covers nothing (``rehabilitering af broer``, ``misbrug af
  data``): its world is people, work, the need's own words, the words of the labels of
  its field in the thesaurus (every concept at or below the concepts above the need,
  short of an umbrella concept, :data:`UMBRELLA`; for ``i``/``på``, :data:`PLACES`,
  the whole thesaurus) and the words of the ``outside`` classes the need is inside of
  (``ledelse af butik``). Not when the need's word names a person itself (``lederen af
  kantinen``);
- a genitive directly before the need's word must be of the need's world as above
  (``søernes sundhed``, ``sagens natur`` cover nothing; ``mænds sundhed``,
  ``borgernes sundhed`` do), and the need's word in a derived form (``sund`` for
  ``sundhed``, ``økonomisk`` for ``økonomi``, ``ensom`` for ``ensomhed``; not a person
  noun such as ``leder``) before a noun phrase asks the same of that phrase (``sund
  fornuft``, ``økonomisk kriminalitet`` cover nothing; ``sunde vaner``, ``ensomme
  ældre`` do);
- a compound whose last part is the need and whose first part is a Danish word of no
  municipal field covers nothing (:meth:`NeedMatcher._foreign_first`: ``omdømmepleje``,
  ``fotoskole``, ``orgelbyggeri``): the first part must name people (:data:`PERSONS`,
  an agent noun, a compound ending in a person noun), be a word or a compound part of
  the thesaurus's labels, be a word of an ``outside`` class the need is inside of or
  one of the need's own words, be a prefix, or be no Danish word at all. Not for a need
  of :data:`CONDITION_AREAS` (health, social work, employment: ``eksamensangst``,
  ``knoglesundhed``, ``pillemisbrug``, ``sæsonledighed``) nor for a need the thesaurus
  places under no broader concept (it has no field to be outside of).

A word names people also when it ends in a person noun of 4+ letters after 3+ letters
(``brandmænd``, ``vågekoner``): the splitter leaves many such compounds whole.

A compound's last part is never a stop word (``ungevejleder`` is ``unge`` +
``vejleder``, not ``ungevejle`` + ``der``; :func:`composer.lexicon.split`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cached_property

from .lexicon import PREFIXES, Word, damerau1, dictionary_lemma, firsts, known, lemma, words
from .text import STOP_WORDS, squash
from .thesaurus import BROADER, NARROWER, RELATED, Label, Thesaurus

__all__ = [
    "AGENT_ENDINGS",
    "CONDITION_AREAS",
    "FREE_TEXT_CAP",
    "FREE_TEXT_LABEL_CAP",
    "KEEP_JUDGED",
    "KIND_VALUES",
    "OBJECTS",
    "PEOPLE_ADJECTIVES",
    "PERSONS",
    "PLACES",
    "PREPOSITIONS",
    "SOURCES",
    "UMBRELLA",
    "WORK_HEADS",
    "Match",
    "NeedMatcher",
    "Sentences",
]

#: The value of each kind of match (the most it can give; see the module's table).
KIND_VALUES: dict[str, float] = {
    "exact": 1.0,
    "inflection": 1.0,
    "spelling": 1.0,
    "synonym": 1.0,
    "translation": 1.0,
    "narrower": NARROWER,
    "compound head": 0.9,
    "typo": 0.9,
    "compound modifier": 0.75,
    "loose compound modifier": 0.25,
    "broader": BROADER,
    "related": RELATED,
}
#: Free text that does not name a label of the need: at most this.
FREE_TEXT_CAP = 0.6
#: Free text that names the need, a label of its concept or a narrower concept (in any
#: inflection).
FREE_TEXT_LABEL_CAP = 0.8
#: Last parts (lemmas) of a compound that make it work on, a role in, a field of or a
#: means for its first part: ``demens|koordinator``, ``ældre|området``, ``misbrugs|behandling``.
WORK_HEADS: frozenset[str] = frozenset(
    """
    område indsats arbejde opgave strategi politik plan planlægning koordinering konsulent
    medarbejder specialist ekspert vejledning rådgivning behandling forløb pleje ledelse
    styring uddannelse undervisning forskning projekt proces metode design måling
    evaluering team center tilbud netværk gruppe klub liv sikkerhed fremme forebyggelse
    program kampagne vaner perspektiv lærer sygeplejerske pædagog terapeut udvikling
    kompetence viden erfaring service genopretning forvaltning beskyttelse analyse pakke
    model løsning teknologi fag faglighed afdeling enhed sektor felt kursus forløb
    """.split()
)
#: Prepositions. An ``outside`` word before one that leads to the need's words names
#: something the need is for, at or about (``dans for ældre``, ``golf i skolen``): the
#: need keeps its own sense. One after :data:`SOURCES` names where a person comes from
#: (``karriereskifte fra detailhandlen``).
PREPOSITIONS: frozenset[str] = frozenset(
    """
    af for fra i med mod om på til ved hos blandt efter under over uden gennem omkring
    mellem inden foran langs
    """.split()
)
#: Prepositions whose phrase says where a person comes from, not what the need acts on.
SOURCES: frozenset[str] = frozenset({"fra"})
#: Endings of Danish agent nouns (``chauffør``, ``ejer``, ``spiller``, ``bilist``).
AGENT_ENDINGS = ("er", "ør", "ist")
#: Prepositions after which a need's word is followed by what it acts on, whom it is
#: for or where it happens (``rehabilitering af broer``, ``trivsel for bier``,
#: ``dagtilbud i butikken``): that must be of the need's world (:meth:`NeedMatcher._world`).
#: Not ``efter`` (``genoptræning efter hofteoperation``: when), ``over``/``under`` (ages)
#: nor :data:`SOURCES`.
OBJECTS: frozenset[str] = frozenset("af for hos blandt mellem på i til med ved om omkring".split())
#: Of :data:`OBJECTS`, those that say where the need happens (``inklusion i
#: folkeskolen``, ``skoler i andre lande``): any word of municipal work places it there
#: (the whole thesaurus), not only a word of the need's field.
PLACES: frozenset[str] = frozenset({"i", "på"})
#: A concept above this share of the thesaurus's concepts (``kommunalt arbejde``) is an
#: umbrella: it does not mark out the field of a need under it (:meth:`NeedMatcher._domain`).
UMBRELLA = 0.4
#: Concepts whose needs name a condition of people (illness, a social problem,
#: unemployment): the first part of their compounds says what the condition is of,
#: about or from (``knoglesundhed``, ``eksamensangst``, ``pillemisbrug``,
#: ``sæsonledighed``), so no compound of them is read as another sense by its first
#: part alone (:meth:`NeedMatcher._foreign_first`).
CONDITION_AREAS: frozenset[str] = frozenset({"sundhed", "socialområdet", "beskæftigelse"})
#: Danish adjectives that, used as nouns, name people (``de ældre``, ``unge``,
#: ``frivillige``, ``ledige``), in the forms they take before a noun. Before a noun
#: that does not name people they are mere adjectives (``ældre huse``, ``unge skud``,
#: ``ledige lejligheder``, ``frivillig opsparing``): another sense of the need.
PEOPLE_ADJECTIVES: frozenset[str] = frozenset(
    """
    ældre yngre ung unge gammel gamle voksen voksne frivillig frivillige ledig ledige
    ensom ensomme dement demente handicappet handicappede syg syge hjemløs hjemløse
    udsat udsatte sårbar sårbare enlig enlige fattig fattige gravid gravide døv døve
    blind blinde svækket svækkede sygemeldt sygemeldte ansat ansatte indsat indsatte
    nyuddannet nyuddannede arbejdsløs arbejdsløse pensioneret pensionerede
    """.split()
)
#: Danish nouns that name people (lemmas, and plurals the lemmatiser keeps): with the
#: agent nouns (:data:`AGENT_ENDINGS`), the participles in ``-ende`` (``studerende``,
#: ``pårørende``) and :data:`PEOPLE_ADJECTIVES` they show that a word names people.
PERSONS: frozenset[str] = frozenset(
    """
    menneske mennesker person personer individ folk befolkning borger patient klient
    bruger beboer elev kursist student barn børn baby spædbarn småbarn teenager dreng
    pige piger mand mænd kvinde kvinder mor mødre far fædre forælder forældre søn
    datter døtre søster bror brødre søskende bedsteforælder bedsteforældre familie
    familier ægtepar ægtefælle hustru kone koner enke enker kæreste nabo ven veninde
    kollega medarbejder ansat chef leder pensionist senior junior veteran soldat
    flygtning indvandrer efterkommer udlænding nydansker migrant asylansøger lærling
    praktikant dimittend akademiker deltager gæst offer ofre fange indsat mentor
    træner hjælper frivillig sygeplejerske jordemoder læge psykolog terapeut pædagog
    lærer assistent kunde målgruppe
    """.split()
)
#: The person nouns of 4+ letters a compound that names people can end in, after 3+
#: letters (``brandmænd``, ``vågekoner``, ``plejemødre``): the splitter leaves many whole.
_PERSON_ENDINGS = tuple(sorted(p for p in PERSONS if len(p) >= 4))
_WEAK = frozenset({"broader", "related"})
_STRONG = frozenset({"synonym", "translation", "narrower"})
_LITERAL = frozenset({"exact", "inflection", "spelling", "synonym", "translation", "narrower"})
_WINDOW = 4


@dataclass(frozen=True, order=True)
class Match:
    """A justified coverage: its ``value``, its ``kind`` and the ``phrase`` (or the quoted
    words of a sentence) it comes from."""

    value: float
    kind: str
    phrase: str


class Sentences:
    """Free texts cut once into the pieces :meth:`NeedMatcher.sentence` reads, shared by
    every need: at each word the 3-, 2- and 1-word grams that start there, then the
    window of :data:`_WINDOW` words.

    With the ``thesaurus`` the needs' matchers read, each piece also keeps its *marks*
    (:func:`_piece_marks`): the strings and concepts a need must share with it for the
    piece to match at all, so a need skips the pieces that cannot cover it.
    """

    def __init__(self, thesaurus: Thesaurus | None = None) -> None:
        self.thesaurus = thesaurus
        self.pieces: list[tuple[bool, tuple[Word, ...], str]] = []
        self.marks: list[frozenset[str]] = []
        self._index: dict[tuple[bool, tuple[Word, ...]], int] = {}
        #: each matcher's judgement of each piece (the matcher is kept alive with it)
        self.memo: dict[NeedMatcher, dict[int, Match | None]] = {}
        self._texts: dict[str, tuple[int, ...]] = {}

    def of(self, text: str) -> tuple[int, ...]:
        """The pieces of a text (tokenised once, however many needs read it)."""
        ids = self._texts.get(text)
        if ids is None:
            ids = self._texts[text] = self.cut(words(text))
        return ids

    def cut(self, ws: tuple[Word, ...]) -> tuple[int, ...]:
        """The pieces of a sentence (its words) in reading order, as indices."""
        out = []
        for i in range(len(ws)):
            for n in (3, 2, 1):
                if i + n <= len(ws):
                    out.append(self._add(False, ws[i : i + n]))
            out.append(self._add(True, ws[i : i + _WINDOW]))
        return tuple(out)

    def _add(self, window: bool, gram: tuple[Word, ...]) -> int:
        k = self._index.get((window, gram))
        if k is None:
            k = self._index[(window, gram)] = len(self.pieces)
            self.pieces.append((window, gram, " ".join(w.text for w in gram)))
            if self.thesaurus is not None:
                self.marks.append(_piece_marks(window, gram, self.thesaurus))
        return k


#: Prefixes that keep a mark for a concept and for a typo's first letter apart from words.
_CONCEPT, _FIRST = "\x00c", "\x00f"


def _concept_marks(th: Thesaurus, *keys: str) -> set[str]:
    return {_CONCEPT + x.concept for k in keys if k for x in th.find_key(k)}


def _piece_marks(window: bool, gram: tuple[Word, ...], th: Thesaurus) -> frozenset[str]:
    """Everything through which a piece of a sentence can match a need (see
    :meth:`NeedMatcher._piece`): a need whose :attr:`NeedMatcher.marks` share none of it
    gets no match from the piece. The words a window names (:meth:`NeedMatcher._bag`);
    a gram's joined lemmas and their concepts (:meth:`NeedMatcher._gram`); a single
    word's forms and, when the thesaurus does not know it, its compound parts and their
    concepts and the first letter a typo keeps (:meth:`NeedMatcher._word`)."""
    if window:
        if len(gram) < 2:
            return frozenset()
        return frozenset(
            x for w in gram for x in (w.text, w.base, w.first, w.modifier, w.head) if x
        )
    k = "".join(w.base for w in gram)
    out = {k} | _concept_marks(th, k)
    if len(gram) == 1:
        w = gram[0]
        out |= {w.base, w.text}
        if _unplaced(th, th.find_key(w.base)):
            if w.head:
                out |= {w.head, w.modifier, w.first}
                out |= _concept_marks(th, w.head, w.modifier, w.first)
            if len(w.text) >= 6:
                out.add(_FIRST + w.text[0])
            if not w.head and not known(w.text):  # NeedMatcher._rare_head
                out |= {t[i:] for t in (w.text, w.base) for i in range(4, len(t) - 4)}
    return frozenset(out - {""})


def _run(ws: tuple[Word, ...], k: int) -> tuple[Word, ...]:
    """The words from ``ws[k]`` up to the next stop word (a noun phrase, roughly)."""
    end = k
    while end < len(ws) and ws[end].text not in STOP_WORDS:
        end += 1
    return ws[k:end]


def _person(w: Word, head: bool = True) -> bool:
    """Whether a word names people: :data:`PERSONS` (a compound by its last part:
    ``kræftpatienter``), :data:`PEOPLE_ADJECTIVES`, an agent noun (:data:`AGENT_ENDINGS`
    on its singular: ``borgere``, ``beboer``, ``pensionister``) or, when it ends a noun
    phrase (``head``), a participle in ``-ende`` or ``-ede`` (``studerende``,
    ``døende``, ``nyuddannede``; not ``dominerende stilling``). A word in ``-er`` whose
    singular would be the word less its ``r`` (``kirker``, ``bakterier``, ``borger``)
    is a plural or an agent; only :data:`PERSONS` decides it."""
    one = dictionary_lemma(w.text)
    forms = {w.text, w.base, w.head, one}
    if w.text.endswith("er") and one == w.text[:-1]:
        one = ""  # kirker (a plural) or borger (an agent): ambiguous
    return (
        bool(forms & PERSONS)
        or any(w.text.endswith(p) and len(w.text) >= len(p) + 3 for p in _PERSON_ENDINGS)
        or w.text in PEOPLE_ADJECTIVES
        or (head and w.text.endswith(("ende", "ede")))
        or one.endswith(AGENT_ENDINGS)
    )


def _genitive(w: Word) -> bool:
    """Whether a word is a noun in the genitive (``søernes``, ``mænds``)."""
    return w.text.endswith("s") and w.base != w.text and not w.base.endswith("s")


def _derived(w: Word) -> bool:
    """Whether a word names its base by a derivation (``sund`` for ``sundhed``,
    ``økonomisk`` for ``økonomi``: its dictionary lemma is neither its base nor, when
    its base differs, itself), not as an inflection of it (``sundheden``)."""
    return dictionary_lemma(w.text) not in (w.base, w.text) or (
        w.text != w.base and dictionary_lemma(w.text) == w.text
    )


def _work(w: Word) -> bool:
    """Whether a word names work on something (:data:`WORK_HEADS`: ``indsats``,
    ``arbejde``, ``projekt``)."""
    return w.base in WORK_HEADS


def _umbrellas(th: Thesaurus) -> frozenset[str]:
    """The concepts above at least :data:`UMBRELLA` of the thesaurus's concepts (made
    once, kept in its memo): they name no field of their own."""
    if "umbrellas" not in th.memo:
        above = Counter(b for c in th.concepts for b in th.broader(c, 4))
        th.memo["umbrellas"] = frozenset(
            c for c, n in above.items() if n >= UMBRELLA * len(th.concepts)
        )
    found: frozenset[str] = th.memo["umbrellas"]
    return found


def _label_words(th: Thesaurus, concepts: Iterable[str] | None = None) -> Iterator[Word]:
    """The words of the Danish labels of ``concepts`` (all of the thesaurus's when None)."""
    for c in th.concepts.values() if concepts is None else map(th.concepts.get, concepts):
        if c is not None:
            for label in (c.id, *c.alt):
                yield from words(label)


def _vocabulary(th: Thesaurus, concepts: Iterable[str] | None = None) -> frozenset[str]:
    """The words of the Danish labels of ``concepts`` (all of the thesaurus's when
    None), as lemmas, and the last parts of their compounds (``hjem`` of
    ``plejehjem``): the words of municipal work, or of one field of it. The whole
    thesaurus's is made once (kept in its memo)."""
    if concepts is None and "vocabulary" in th.memo:
        kept: frozenset[str] = th.memo["vocabulary"]
        return kept
    found = frozenset(x for w in _label_words(th, concepts) for x in (w.base, w.head) if x)
    if concepts is None:
        th.memo["vocabulary"] = found
    return found


def _parts_vocabulary(th: Thesaurus) -> frozenset[str]:
    """:func:`_vocabulary` of the whole thesaurus with the first parts of its labels'
    compounds, as written and as lemmas (``hjerne`` of ``hjernesundhed``, ``tand`` of
    ``tandpleje``): every word that names something of municipal work (made once, kept
    in the thesaurus's memo)."""
    if "parts" not in th.memo:
        th.memo["parts"] = _vocabulary(th) | frozenset(
            y for w in _label_words(th) for x in (w.first, w.modifier) if x for y in (x, lemma(x))
        )
    found: frozenset[str] = th.memo["parts"]
    return found


def _unplaced(
    th: Thesaurus, labels: list[Label], cover: Mapping[str, object] | None = None
) -> bool:
    """Whether the concepts of ``labels`` (none at all, or concepts the thesaurus puts
    under no broader concept) leave a compound to its parts: the thesaurus judges a
    word it places, or links to a concept in ``cover`` (a need's), alone."""
    return not any(th.concepts[x.concept].broader or x.concept in (cover or ()) for x in labels)


def _forms(w: Word) -> set[str]:
    return {w.text, w.base}


def _marks(w: Word) -> set[str]:
    """Every form of a word a class of the thesaurus's ``outside`` can name."""
    return firsts(w) | {w.text, w.base, w.head} if w.head else {w.text, w.base}


#: At most this many phrases and free texts are kept judged per need (:func:`matcher`);
#: past it a new one is judged each time, so a pool of 200,000 does not fill the memory.
MEMO_MAX = 50_000
#: Whether the matchers keep what they judge for later scorings (:func:`matcher`). The
#: web server sets it to False for each request (``composer.web.app.KeepNothing``): it
#: holds no candidate's phrases or sentences between requests.
KEEP_JUDGED: ContextVar[bool] = ContextVar("composer_keep_judged", default=True)


def _kept(
    memo: dict[str, Match | None], key: str, judge: Callable[[str], Match | None]
) -> Match | None:
    """``judge(key)``, remembered in ``memo`` while it holds fewer than :data:`MEMO_MAX`
    (and :data:`KEEP_JUDGED` allows)."""
    if key in memo:
        return memo[key]
    found = judge(key)
    if len(memo) < MEMO_MAX and KEEP_JUDGED.get():
        memo[key] = found
    return found


def matcher(need: str, thesaurus: Thesaurus) -> NeedMatcher:
    """The :class:`NeedMatcher` of ``need`` under ``thesaurus``, made once per process.

    Kept on the thesaurus with what it has judged, so scoring the same texts again (a
    what-if in the web page, a notebook, the next compose of the same pool) looks them
    up; a thesaurus made for one brief takes its matchers with it when it goes. What
    they judged stays in this process's memory only (``thesaurus.memo.clear()``
    forgets it), and not at all where :data:`KEEP_JUDGED` is False (the web server's
    requests).

    >>> from composer.thesaurus import default_thesaurus
    >>> matcher("etik", default_thesaurus()) is matcher("etik", default_thesaurus())
    True
    """
    own: dict[str, NeedMatcher] = thesaurus.memo.setdefault("matchers", {})
    m = own.get(need)
    if m is None:
        m = own[need] = NeedMatcher(need, thesaurus)
    return m


class NeedMatcher:
    """Judges phrases and sentences against one need.

    Examples
    --------
    >>> from composer.thesaurus import default_thesaurus
    >>> m = NeedMatcher("etik", default_thesaurus())
    >>> m.phrase("teknologietik"), m.phrase("genetik")
    (Match(value=0.9, kind='narrower', phrase='teknologietik'), None)
    """

    def __init__(self, need: str, thesaurus: Thesaurus) -> None:
        self.need = need
        self.thesaurus = thesaurus
        self.words = words(need)
        self.key = "".join(w.base for w in self.words)
        self.squashed = squash(need)
        self.parts = self._parts()
        self.concepts = {x.concept for x in thesaurus.find_key(self.key)}
        self.cover = self._cover()
        self.own = set().union(*(_marks(w) for w in self.words)) if self.words else set()
        self.outside = thesaurus.outside_words(self.concepts) - self.own
        #: the words of the ``outside`` classes the need is inside of (shops for a method,
        #: vehicles for traffic): of its world (:meth:`_world`)
        self.inside = thesaurus.outside_words(()) - self.outside
        self._field: frozenset[str] | None = None
        self._phrases: dict[str, Match | None] = {}
        self._texts: dict[str, Match | None] = {}
        #: what a piece of a sentence must share with the need to match it (see
        #: :func:`_piece_marks`)
        self.marks = frozenset(
            {self.key, self.squashed, *(_CONCEPT + c for c in self.cover)}
            | set().union(*self.parts)
            | ({_FIRST + self.squashed[0]} if self.squashed else set())
        )

    def _parts(self) -> list[set[str]]:
        """The parts a reordered phrase must name: each word, or a compound's two halves."""
        if len(self.words) == 1 and self.words[0].head:
            w = self.words[0]
            return [{w.modifier, w.first, lemma(w.modifier)}, {w.head}]
        return [_forms(w) for w in self.words] if len(self.words) > 1 else []

    def _cover(self) -> dict[str, tuple[str, float]]:
        """Every concept that covers the need, with its kind and value."""
        out: dict[str, tuple[str, float]] = {}
        th = self.thesaurus
        for c in sorted(self.concepts):
            for kind, found in (
                ("related", th.related(c)),
                ("broader", th.broader(c)),
                ("narrower", th.narrower(c)),
            ):
                out.update({x: (kind, KIND_VALUES[kind]) for x in found})
        out.update({c: ("synonym", 1.0) for c in self.concepts})
        return out

    # ------------------------------------------------------------------ phrases
    def phrase(self, phrase: str) -> Match | None:
        """The best match of a listed phrase (a competence or a perspective), or None."""
        return _kept(self._phrases, phrase, self._phrase)

    def _phrase(self, phrase: str) -> Match | None:
        if squash(phrase) == self.squashed:
            return Match(1.0, "exact", phrase)
        ws = words(phrase)
        if not ws:
            return None
        if "".join(w.base for w in ws) == self.key:
            return Match(1.0, "spelling" if any(w.restored for w in ws) else "inflection", phrase)
        found = [self._concept("".join(w.base for w in ws), phrase)]
        if len(ws) == 1 or not (
            (any(self._elsewhere(w) for w in ws) and self._astray(phrase))
            or self._other_sense(phrase)
        ):
            found += [self._bag(ws, phrase), *(self._word(w, phrase, len(ws) > 1) for w in ws)]
        return max((m for m in found if m is not None), default=None)

    def _other_sense(self, phrase: str) -> bool:
        """Whether the words after the need's word in ``phrase`` show that it is meant in
        another sense, though none of them is in an ``outside`` class: a
        :data:`PEOPLE_ADJECTIVES` need before a noun phrase that names no people and no
        work (``ældre huse``, ``ledig kapacitet``; not ``ældre medicinske patienter``,
        ``frivilligt arbejde``), or the need followed by one of :data:`OBJECTS` and a
        noun phrase in which nothing is of the need's world (:meth:`_world`:
        ``rehabilitering af broer``, ``forebyggelse af algevækst``; not
        ``forebyggelse af ensomhed``, ``kommunikation med pårørende``), or a genitive
        before the need's word that is not of its world (:meth:`_foreign_modifier`:
        ``søernes sundhed``), or the need's word in a derived form (:func:`_derived`)
        before a noun phrase in which nothing is of its world (``sund fornuft``)."""
        ws = words(phrase, stop=False)
        for i, w in enumerate(ws):
            if not self._names(w, phrase):
                continue
            if i and self._foreign_modifier(ws[i - 1], phrase):
                return True  # søernes sundhed
            if i + 1 < len(ws) and self._foreign_after(ws, i, phrase):
                return True
        return False

    def _foreign_after(self, ws: tuple[Word, ...], i: int, phrase: str) -> bool:
        """Whether the words after the need's word ``ws[i]`` put it in another sense
        (:meth:`_other_sense`)."""
        w, nxt = ws[i], ws[i + 1].text
        if w.text in PEOPLE_ADJECTIVES and nxt not in STOP_WORDS:
            run = _run(ws, i + 1)
            return not any(_person(x, x is run[-1]) or _work(x) for x in run)  # ældre huse
        if _derived(w) and nxt not in STOP_WORDS and not _person(w):
            run = _run(ws, i + 1)
            return bool(run) and not any(self._world(x, phrase, x is run[-1]) for x in run)
        if nxt in OBJECTS and not _person(w):  # lederen af kantinen: a person
            run = _run(ws, i + 2)
            place = nxt in PLACES
            return bool(run) and not any(
                self._world(x, phrase, x is run[-1], place) for x in run
            )  # rehabilitering af broer
        return False

    def _foreign_modifier(self, w: Word, phrase: str) -> bool:
        """Whether the word before the need's word is a genitive (:func:`_genitive`) of
        no word of the need's world (:meth:`_world`): ``søernes sundhed``, ``sagens
        natur``; not ``mænds sundhed``, ``borgernes sundhed``."""
        if w.text in STOP_WORDS or self._names(w, phrase):
            return False
        return _genitive(w) and not self._world(w, phrase, True)

    def _domain(self) -> frozenset[str]:
        """The words of the need's field (:func:`_vocabulary`) of every concept at or
        below the need's concepts and the concepts above them, short of an umbrella
        concept (:data:`UMBRELLA`: ``kommunalt arbejde``): for ``rehabilitering`` what
        lies under ``sundhed``, ``velfærd``, ``ældreområdet``, not ``data`` or
        ``ejendomme``; for ``evaluering`` what lies under ``metode``. A need under no
        concept but an umbrella (or unknown to the thesaurus) has every word of the
        thesaurus."""
        if self._field is None:
            th = self.thesaurus
            up = set(self.concepts).union(*(th.broader(c, 4) for c in self.concepts))
            up -= _umbrellas(th)
            if up == self.concepts:
                self._field = _vocabulary(th)
            else:
                self._field = _vocabulary(
                    th, {c for c in th.concepts if up & ({c} | th.broader(c, 4))}
                )
        return self._field

    def _world(self, w: Word, phrase: str, head: bool, place: bool = False) -> bool:
        """Whether a word is of the need's world: it names people (:func:`_person`),
        work (:data:`WORK_HEADS`), the need itself, a word of the labels of the need's
        field (:meth:`_domain`; after a ``place`` preposition, :data:`PLACES`, of the
        whole thesaurus, :func:`_vocabulary`) or a word of an ``outside`` class the
        need is inside of (``ledelse af butik``: a method is the same in a shop)."""
        return (
            _person(w, head)
            or _work(w)
            or self._names(w, phrase)
            or bool({w.base, w.head} & (_vocabulary(self.thesaurus) if place else self._domain()))
            or bool(_marks(w) & self.inside)
        )

    def _astray(self, phrase: str) -> bool:
        """Whether a word of ``phrase`` that :meth:`_elsewhere` names puts the need's words
        in another sense: it qualifies them (``ældre biler``, ``hestes trivsel``) or is
        what they act on or are found in (``pleje af bilen``, ``angst hos katte``,
        ``trafik på serveren``), but not when a preposition leads from it to the need's
        words (``dans for ældre``) or from the need's words to it by :data:`SOURCES`
        (``karriereskifte fra detailhandlen``)."""
        ws = words(phrase, stop=False)
        names = [self._names(w, phrase) for w in ws]
        for i, w in enumerate(ws):
            if not self._elsewhere(w):
                continue
            before = [k for k in range(i) if names[k]]
            after = [k for k in range(i + 1, len(ws)) if names[k]]
            if not before and after and any(x.text in PREPOSITIONS for x in ws[i : after[0]]):
                continue  # dans for ældre
            last = before[-1] if before else i
            preps = [x.text for x in ws[last + 1 : i] if x.text in PREPOSITIONS]
            if preps and preps[-1] in SOURCES:
                continue  # karriereskifte fra detailhandlen
            return True
        return False

    def _names(self, w: Word, phrase: str) -> bool:
        """Whether a word of a phrase names the need or a part of it."""
        return any(p & _forms(w) for p in self.parts) or self._word(w, phrase, True) is not None

    def _concept(self, k: str, phrase: str) -> Match | None:
        best = None
        for label in self.thesaurus.find_key(k):
            hit = self.cover.get(label.concept)
            if hit is None:
                continue
            kind, value = hit
            if kind == "synonym" and label.language == "en":
                kind = "translation"
            m = Match(value, kind, phrase)
            best = m if best is None or m > best else best
        return best

    def _bag(self, ws: tuple[Word, ...], phrase: str) -> Match | None:
        """Every part of a compound or multi-word need named by the phrase's words."""
        if not self.parts or len(ws) < 2:
            return None
        whole = set().union(*(_forms(w) for w in ws))
        inner = whole | {x for w in ws for x in (w.first, w.modifier, w.head) if x}
        if all(p & whole for p in self.parts):
            return Match(1.0, "inflection", phrase)
        if all(p & inner for p in self.parts):
            return Match(0.9, "inflection", phrase)
        return None

    def _word(self, w: Word, phrase: str, several: bool) -> Match | None:
        """One word of a phrase: the need itself, a label, a compound of it, a typo."""
        if w.base == self.key or w.text == self.squashed:
            return Match(1.0, "spelling" if w.restored else "inflection", phrase)
        if several:
            m = self._concept(w.base, phrase)
            if m is not None and m.kind in _STRONG:
                return m
        known_as = self.thesaurus.find_key(w.base)
        # a word the thesaurus knows is judged by it alone, unless it is a compound of the
        # need that the thesaurus puts under no concept and links to no concept of the
        # need (mundpleje; not organisationskultur, related to kultur)
        if known_as and (w.head != self.key or not _unplaced(self.thesaurus, known_as, self.cover)):
            return None
        return self._compound(w, phrase) or self._rare_head(w, phrase) or self._typo(w, phrase)

    def _rare_head(self, w: Word, phrase: str) -> Match | None:
        """A word nobody writes that ends in a need of 5+ letters after a first part of
        4+ letters that is not a prefix nor ``outside`` (``stomipleje``,
        ``gerontopsykiatri``, ``fodgængertrafik``): a compound whose first part is too
        rare to be split (a shorter need ends words by chance: ``magnetik``)."""
        k = self.key
        if w.head or len(k) < 5 or known(w.text):
            return None
        for t in dict.fromkeys((w.text, w.base)):
            first = t[: -len(k)]
            if t.endswith(k) and len(first) >= 4 and first not in PREFIXES:
                if {first, lemma(first), first.removesuffix("s")} & self.outside:
                    return None
                return Match(KIND_VALUES["compound head"], "compound head", phrase)
        return None

    def _elsewhere(self, w: Word) -> bool:
        """Whether a word of a phrase puts the phrase outside municipal work (never a
        word that names the need itself: ``hunde`` for the need ``hundetræning``). A
        compound that names a person (:data:`AGENT_ENDINGS`: ``buschauffør``,
        ``hundeejer``) is read by its whole and its last part only: it names people."""
        marks = _marks(w)
        if w.head and w.base.endswith(AGENT_ENDINGS):
            marks = {w.text, w.base, w.head}
        return bool(marks & self.outside) and not marks & self.own

    def _compound(self, w: Word, phrase: str) -> Match | None:
        if not w.head or w.head in self.outside:
            return None
        if firsts(w) & self.outside:
            return None  # the head in another sense: bilpleje, bakteriekultur, køreskole
        if w.head == self.key or any(
            x.concept in self.concepts for x in self.thesaurus.find_key(w.head)
        ):
            if self._foreign_first(w):
                return None  # omdømmepleje, fotoskole
            return Match(KIND_VALUES["compound head"], "compound head", phrase)
        parts = {w.modifier, w.first}
        if not (parts & {self.key, self.squashed}) and not any(
            x.concept in self.concepts for f in parts for x in self.thesaurus.find_key(f)
        ):
            return None
        if w.head in WORK_HEADS:
            return Match(KIND_VALUES["compound modifier"], "compound modifier", phrase)
        return Match(KIND_VALUES["loose compound modifier"], "compound modifier", phrase)

    def _foreign_first(self, w: Word) -> bool:
        """Whether a compound of the need has a first part that shows no bearing on
        municipal work: a Danish word (:func:`composer.lexicon.known`) that is no
        prefix, names no people (:func:`_person`), is no word nor compound part of the
        thesaurus's labels (:func:`_parts_vocabulary`) nor of an ``outside`` class the
        need is inside of, nor one of the need's own words (``omdømmepleje``,
        ``fotoskole``, ``orgelbyggeri``; not ``musikkultur``, ``kommuneskole``,
        ``lastbiltrafik``). Not for a need of :data:`CONDITION_AREAS` (its compounds
        name what the condition is of, about or from: ``knoglesundhed``,
        ``eksamensangst``, ``pillemisbrug``, ``sæsonledighed``), nor for a need the
        thesaurus places under no broader concept (it has no field to be outside of)."""
        if not self._has_field:
            return False
        parts = {x for x in (w.modifier, w.first, w.modifier.removesuffix("s")) if x}
        parts |= {lemma(x) for x in parts}
        if not any(known(x) for x in parts) or parts & PREFIXES:
            return False
        if _person(Word(w.modifier, w.modifier)):
            return False
        return not (
            parts & _parts_vocabulary(self.thesaurus) or parts & self.inside or parts & self.own
        )

    @cached_property
    def _has_field(self) -> bool:
        """Whether the compounds of the need can have a first part outside its field: the
        thesaurus places it under a broader concept, and not at or below a concept of
        :data:`CONDITION_AREAS` (see :meth:`_foreign_first`)."""
        th = self.thesaurus
        up = self.concepts.union(*(th.broader(c, 4) for c in self.concepts))
        return not CONDITION_AREAS & up and any(th.broader(c) for c in self.concepts)

    def _typo(self, w: Word, phrase: str) -> Match | None:
        t, n = w.text, self.squashed
        if len(t) >= 6 and t[0] == n[0] and not known(t) and damerau1(t, n):
            return Match(KIND_VALUES["typo"], "spelling", phrase)
        return None

    # ------------------------------------------------------------------ free text
    def text(self, ws: tuple[Word, ...]) -> Match | None:
        """The best match of a sentence (its words, from :func:`composer.lexicon.words`),
        capped as free text; ``phrase`` quotes the words that matched."""
        sentences = Sentences(self.thesaurus)
        return self.sentence(sentences.cut(ws), sentences)

    def free_text(self, text: str, sentences: Sentences) -> Match | None:
        """:meth:`sentence` of a free text, cut by ``sentences`` only when this need has
        not judged the text before."""
        return _kept(self._texts, text, lambda t: self.sentence(sentences.of(t), sentences))

    def sentence(self, ids: tuple[int, ...], sentences: Sentences) -> Match | None:
        """:meth:`text` of a sentence cut by ``sentences`` (its pieces in reading order):
        each piece is judged once per need, however many sentences share it."""
        best: Match | None = None
        memo = sentences.memo.setdefault(self, {})
        marks = sentences.marks if sentences.thesaurus is self.thesaurus else None
        for k in ids:
            if k not in memo:
                memo[k] = (
                    None
                    if marks is not None and self.marks.isdisjoint(marks[k])
                    else self._piece(*sentences.pieces[k])
                )
            m = memo[k]
            if m is not None and (best is None or m.value > best.value):
                best = m
        if best is None:
            return None
        cap = FREE_TEXT_LABEL_CAP if best.kind in _LITERAL else FREE_TEXT_CAP
        return Match(min(best.value, cap), "free text", best.phrase)

    def _piece(self, window: bool, gram: tuple[Word, ...], quoted: str) -> Match | None:
        """A window of a sentence (every part of the need named in it), or an n-gram
        (a broader or related concept counts for nothing in a sentence)."""
        if window:
            return self._bag(gram, quoted)
        m = self._gram(gram, quoted)
        return None if m is None or m.kind in _WEAK else m

    def _gram(self, gram: tuple[Word, ...], quoted: str) -> Match | None:
        k = "".join(w.base for w in gram)
        if k == self.key:
            return Match(1.0, "inflection", quoted)
        m = self._concept(k, quoted)
        if m is not None or len(gram) > 1:
            return m
        return self._word(gram[0], quoted, False)
