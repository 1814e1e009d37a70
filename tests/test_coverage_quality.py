"""Coverage against the judged set (issue 14): the figures a person agrees with.

The judged set's first batch (``build``, written before the matcher) meets every
threshold of the issue, false cover 2 % included; each figure is pinned a little above
its value measured on 2026-12-07 (the issue's threshold in the comment), so that it can
only get better. The ``held-out`` batches (false friends
in another sense and pairs that cover: ``held-out`` added before the sense rules,
``held-out-2`` after them, ``held-out-3`` before the classes were broadened on
2026-12-08, ``held-out-4`` before the rules of positive evidence of the same day,
``held-out-5`` before the rules of 2026-12-08's last pass: compounds, genitives and
derived adjectives read from positive evidence) are pinned at their measured levels so that they can only get better (see
docs/scoring.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

import composer
from composer.lexicon import analyse, lemma, words
from composer.matching import NeedMatcher
from composer.thesaurus import Thesaurus, default_thesaurus

from .conftest import REFERENCE
from .judged import figures, load_judged, scored


@pytest.fixture(scope="module")
def batches() -> dict[str, dict[str, float]]:
    rows = load_judged()
    value = scored(rows, composer.coverage)
    out = {}
    for batch in ("build", "held-out", "held-out-2", "held-out-3", "held-out-4", "held-out-5"):
        sel = (rows["batch"] == batch).to_numpy()
        out[batch] = figures(rows["judgement"].to_numpy()[sel], value[sel])
    return out


@pytest.fixture(scope="module")
def judged(batches: dict[str, dict[str, float]]) -> dict[str, float]:
    return batches["build"]


def test_judged_set_is_large_and_varied() -> None:
    rows = load_judged()
    assert len(rows) >= 600 and rows["need"].nunique() >= 40
    assert (rows["category"] == "false_friend").sum() >= 150
    assert set(rows["judgement"]) == {0.0, 0.5, 1.0}


def test_mean_absolute_error(judged: dict[str, float]) -> None:
    assert judged["mae"] <= 0.065  # measured 0.060; the issue asks 0.15


def test_spearman(judged: dict[str, float]) -> None:
    assert judged["spearman"] >= 0.87  # measured 0.878; the issue asks 0.8


def test_missed(judged: dict[str, float]) -> None:
    assert judged["missed"] <= 0.025  # measured 2.0 %; the issue asks 10 %


def test_crumbs(judged: dict[str, float]) -> None:
    assert judged["crumbs"] <= 0.02  # measured 1.9 %; the issue asks 5 %


def test_false_cover(judged: dict[str, float]) -> None:
    # measured 2026-12-07: 0.9 % (2 of 214: skolet, simplemma's lemma skole; pleje af
    # grønne områder, grøn being left out of the outside classes); the issue asks 2 %
    assert judged["false_cover"] <= 0.01


def test_held_out_false_friends_do_not_grow(batches: dict[str, dict[str, float]]) -> None:
    # measured on the 73 held-out pairs: false cover 15.1 % (8 of 53: data-, netværks-,
    # magt-, tillidsmisbrug, skolede stemmer, ...), missed 10 % (2 of 20) on 2026-12-07;
    # on 2026-12-08 with the rules of positive evidence missed 0 % (mundpleje is read as
    # a compound head, ungdomsskole too), false cover 15.1 %, MAE 0.141, Spearman 0.715
    held = batches["held-out"]
    assert held["false_cover"] <= 0.16 and held["missed"] <= 0.01
    assert held["mae"] <= 0.145 and held["spearman"] >= 0.71
    # the 38 pairs written after the rules were frozen: false cover 60 % (15 of 25;
    # svømmeskole, yoghurtkultur, økonomisk sundhed, ...) on 2026-12-07, 28 % (7 of 25)
    # with the classes broadened, 20 % (5 of 25) with the rules of positive evidence on
    # 2026-12-08 (left: words left out on purpose, such as mailtrafik, and senses no
    # rule reads, økonomisk sundhed); MAE 0.197, Spearman 0.562; 16 % (4 of 25) with the
    # compound, genitive and derived-adjective rules, MAE 0.174, Spearman 0.596
    late = batches["held-out-2"]
    assert late["false_cover"] <= 0.17 and late["missed"] <= 0.16
    assert late["mae"] <= 0.18 and late["spearman"] >= 0.59


def test_held_out_3(batches: dict[str, dict[str, float]]) -> None:
    # 241 pairs written 2026-12-08 before the classes were broadened (120 false friends
    # in another sense, 121 that cover): false cover 51.7 % -> 30.8 % (broadened
    # classes) -> 15.0 % (18 of 120; the rules of positive evidence, for which this
    # batch was development material) -> 10.8 % (13 of 120; the compound, genitive and
    # derived-adjective rules), missed 6.7 % -> 6.7 % -> 4.2 % -> 5.0 % (6 of 119), MAE
    # 0.310 -> 0.209 -> 0.118 -> 0.103, Spearman 0.36 -> 0.57 -> 0.787 -> 0.810
    held = batches["held-out-3"]
    assert held["false_cover"] <= 0.11 and held["missed"] <= 0.051
    assert held["mae"] <= 0.105 and held["spearman"] >= 0.80


def test_held_out_4(batches: dict[str, dict[str, float]]) -> None:
    # 320 pairs written 2026-12-08 before the rules of positive evidence, in words of no
    # outside class (150 false friends in another sense, 170 that cover), measured once
    # before and once after them: false cover 87.3 % -> 41.3 % (62 of 150), crumbs 91.3 %
    # -> 45.3 %, missed 7.1 % -> 10.6 % (18 of 170), MAE 0.445 -> 0.249, Spearman 0.140
    # -> 0.584 (see docs/scoring.md: the misses the rules added); development material of
    # the compound, genitive and derived-adjective rules: false cover 25.3 % (38 of
    # 150), crumbs 29.3 %, missed 10.6 %, MAE 0.179, Spearman 0.667
    held = batches["held-out-4"]
    assert held["false_cover"] <= 0.26 and held["missed"] <= 0.11
    assert held["mae"] <= 0.18 and held["spearman"] >= 0.66


def test_held_out_5(batches: dict[str, dict[str, float]]) -> None:
    # 242 pairs written 2026-12-08 before the compound, genitive and derived-adjective
    # rules, in words of no outside class (118 false friends over 30 needs, 124 that
    # cover), measured once before and once after them: false cover 50.0 % -> 32.2 %
    # (38 of 118), crumbs 51.7 % -> 33.9 %, missed 14.5 % -> 17.7 % (22 of 124), MAE
    # 0.315 -> 0.248, Spearman 0.465 -> 0.550 (see docs/scoring.md)
    held = batches["held-out-5"]
    assert held["false_cover"] <= 0.33 and held["missed"] <= 0.18
    assert held["mae"] <= 0.25 and held["spearman"] >= 0.545


@pytest.mark.parametrize(
    ("need", "phrase", "covers"),
    [
        ("ældre", "ældre tapeter", False),  # an adjective before a thing
        ("ældre", "ældre medicinske patienter", True),  # before people
        ("unge", "unge sygeplejersker", True),
        ("unge", "unge ledige", True),
        ("frivillige", "frivillige besøgsvenner", True),
        ("ledighed", "ledig kapacitet", False),
        ("pleje", "pleje af pianoer", False),  # the need acts on a thing of no field
        ("misbrug", "misbrug af data", False),  # a word of another field
        ("forebyggelse", "forebyggelse af ensomhed", True),  # a word of the need's field
        ("kommunikation", "kommunikation med pårørende", True),
        ("ledelse", "ledelse af butik", True),  # a class the need is inside of
        ("ledelse", "lederen af kantinen", True),  # a person leads anything
        ("fastholdelse", "fastholdelse af nyuddannede", True),
        ("skole", "skoler i andre lande", True),  # a place: any municipal word
        ("frivillige", "frivillige skraldemænd", True),  # a compound of a person noun
        ("natur", "aftalens natur", False),  # an owner of no field of the need
        ("sundhed", "børnenes sundhed", True),  # people
        ("sundhed", "sund logik", False),  # a derived adjective before a foreign noun
        ("sundhed", "sunde madvaner", True),
        ("byggeri", "violinbyggeri", False),  # a first part of no municipal word
        ("skole", "kommuneskole", True),
        ("angst", "tandlægeangst", True),  # a condition: any first part
    ],
)
def test_another_sense_needs_no_list(need: str, phrase: str, covers: bool) -> None:
    assert (NeedMatcher(need, default_thesaurus()).phrase(phrase) is not None) is covers


def test_rare_and_known_compounds_of_the_need() -> None:
    th = default_thesaurus()
    for need, phrase in (("pleje", "stomipleje"), ("psykiatri", "gerontopsykiatri")):
        m = NeedMatcher(need, th).phrase(phrase)
        assert m is not None and m.kind == "compound head"  # a first part nobody writes
    assert NeedMatcher("etik", th).phrase("magnetik") is None  # a short need: by chance
    mund = NeedMatcher("pleje", th).phrase("mundpleje")  # known, placed under nothing
    assert mund is not None and mund.kind == "compound head"
    assert NeedMatcher("pleje", th).phrase("naturpleje") is None  # known and placed
    assert analyse("ungevejleder").head == "vejledning"  # a last part is no stop word


def test_thesaurus_audit_finds_few_kinds_among_synonyms() -> None:
    import importlib.util

    path = Path(__file__).parents[1] / "scripts" / "audit_thesaurus.py"
    spec = importlib.util.spec_from_file_location("audit_thesaurus", path)
    assert spec is not None and spec.loader is not None
    audit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(audit)
    own = [
        (c, label)
        for c, label, reason, _ in audit.suspects(default_thesaurus())
        if reason == "own head"
    ]
    # reviewed 2026-12-07: the 73 left are spellings or synonyms (personlig pleje,
    # folkeskole, fysisk træning); kinds (alkoholmisbrug, vaskulær demens) are narrower
    assert len(own) <= 73
    assert ("misbrug", "alkoholmisbrug") not in own and ("skole", "efterskole") not in own
    toy = Thesaurus.from_mapping({"concepts": {"misbrug": {"alt": ["stofmisbrug"]}}})
    assert [r for _, _, r, _ in audit.suspects(toy)] == ["own head"]


@pytest.mark.parametrize(
    ("need", "phrase"),
    [
        ("ledelse", "ledighed"),
        ("evaluering", "devaluering"),
        ("etik", "poetik"),
        ("etik", "genetik"),
        ("etik", "æstetik"),
        ("ældre", "forældre"),
        ("pleje", "naturpleje"),
        ("pleje", "plejefamilie"),
        ("kost", "omkostninger"),
        ("angst", "gangstier"),
        ("unge", "Lungeforeningen"),
        ("kommunikation", "ekskommunikation"),
        ("pleje", "bilpleje"),
        ("pleje", "pleje af bilen"),
        ("handicap", "golfhandicap"),
        ("kultur", "bakteriekultur"),
        ("skole", "køreskole"),
        ("rehabilitering", "rehabilitering af bygninger"),
        ("ældre", "ældre bygninger"),
    ],
)
def test_false_friends_of_the_issue_cover_nothing(need: str, phrase: str) -> None:
    assert NeedMatcher(need, default_thesaurus()).phrase(phrase) is None


@pytest.mark.parametrize(
    ("need", "phrase", "kind"),
    [
        ("etik", "teknologietik", "narrower"),
        ("pleje", "sårpleje", "narrower"),
        ("etik", "etiske dilemmaer", "synonym"),
        ("demens", "demente borgere", "inflection"),
        ("evaluering", "evaluere indsatser", "inflection"),
        ("ledelse", "erfaren leder", "inflection"),
        ("ældre", "aeldre", "spelling"),
        ("evaluering", "evaulering", "spelling"),
        ("borgerinddragelse", "inddragelse af borgere", "synonym"),
        ("ældre", "seniorer", "synonym"),
        ("etik", "ethics", "translation"),
    ],
)
def test_kinds(need: str, phrase: str, kind: str) -> None:
    m = NeedMatcher(need, default_thesaurus()).phrase(phrase)
    assert m is not None and m.kind == kind and m.value >= 0.9


def test_compound_head_without_thesaurus() -> None:
    empty = Thesaurus({})
    assert NeedMatcher("etik", empty).phrase("teknologietik").kind == "compound head"
    loose = NeedMatcher("demens", empty).phrase("demensvenlig")
    assert loose is not None and loose.value < 0.3


def test_a_class_outside_counts_only_where_the_need_is_not_inside_it() -> None:
    th = default_thesaurus()
    assert NeedMatcher("trafik", th).phrase("biltrafik") is not None
    assert NeedMatcher("pleje", th).phrase("bilpleje") is None
    assert NeedMatcher("natur", th).phrase("naturgas") is None
    own = Thesaurus.from_mapping(
        {
            "concepts": {"pleje": {}, "trafik": {}},
            "outside": {"vehicles": {"words": ["bil"], "inside": ["trafik"]}},
        }
    )
    assert NeedMatcher("pleje", own).phrase("bilplejen") is None
    assert NeedMatcher("pleje", own).phrase("pleje af biler") is None
    assert NeedMatcher("pleje", own).phrase("sårpleje") is not None
    assert NeedMatcher("trafik", own).phrase("biltrafik") is not None
    assert NeedMatcher("pleje", Thesaurus({})).phrase("bilpleje") is not None
    assert NeedMatcher("hundetræning", th).phrase("træning af hunde") is not None
    assert NeedMatcher("golf", th).phrase("golf for seniorer") is not None


def test_outside_classes_are_broad_and_leave_municipal_words_out() -> None:
    from importlib import resources

    import yaml

    data = yaml.safe_load(
        resources.files("composer").joinpath("data/thesaurus.yaml").read_text(encoding="utf-8")
    )
    sizes = {name: len(spec["words"]) for name, spec in data["outside"].items()}
    # broadened 2026-12-08 from 10 classes (123 words, 5-19 each) to 17 classes (1,843)
    assert len(sizes) >= 17 and sum(sizes.values()) >= 1_800
    for big in ("dyr", "planter og haver", "køretøjer og kørsel", "it, net og tele"):
        assert sizes[big] >= 120
    th = default_thesaurus()
    words_ = th.outside_words({"pleje"})
    assert {"facader", "bilen", "hestene", "biler", "kvæg", "server"} <= words_
    municipal = """mand kvinde hjerte alkohol barn børn familie skole borger patient medarbejder
        penge data netværk grøn får spænding sko hud hår bolig hus virksomhed robot sensor
        mail telefon cykel mad kost frugt øl vin værktøj""".split()
    assert not set(municipal) & words_
    # noun forms that are other, commoner words are not read as forms of a class word
    assert not {"kone", "føle", "føler", "tage", "tager", "bøger", "løgn", "eget"} & words_


@pytest.mark.parametrize(
    ("need", "phrase", "covers"),
    [
        ("ældre", "dans for ældre", True),  # the need is whom the dance is for
        ("skole", "golf i skolen", True),
        ("karriereskifte", "karriereskifte fra detailhandlen", True),  # where she came from
        ("rekruttering", "rekruttering af buschauffører", True),  # drivers are people
        ("unge", "unge hundeejere", True),
        ("kommunikation", "kommunikation med kunder", True),  # a method in any setting
        ("ledelse", "ledelse af butik", True),
        ("unge", "unge og hash", True),  # drugs are social work
        ("misbrug", "narkotikamisbrug", True),
        ("klimatilpasning", "klimatilpasning af bygninger", True),
        ("ældre", "ældre traktorer", False),
        ("pleje", "pleje af heste", False),
        ("angst", "angst hos katte", False),
        ("pleje", "sportshestepleje", False),  # the modifier's last part: a horse
        ("skole", "kampsportsskole", False),
        ("trafik", "trafik på serveren", False),
    ],
)
def test_another_sense_is_read_from_the_phrase(need: str, phrase: str, covers: bool) -> None:
    assert (NeedMatcher(need, default_thesaurus()).phrase(phrase) is not None) is covers


def test_a_preposition_leads_to_the_need_or_away_from_it() -> None:
    own = Thesaurus.from_mapping(
        {
            "concepts": {"ældre": {}, "pleje": {}},
            "outside": {"sport": {"words": ["dans", "hest"]}, "handel": {"words": ["butik"]}},
        }
    )
    ældre, pleje = NeedMatcher("ældre", own), NeedMatcher("pleje", own)
    assert ældre.phrase("dans for ældre") is not None
    assert ældre.phrase("ældre heste") is None and ældre.phrase("heste og ældre") is None
    assert pleje.phrase("pleje af heste") is None and pleje.phrase("pleje hos hesten") is None
    assert pleje.phrase("erfaring med pleje fra butikken") is not None
    assert pleje.phrase("pleje af hesteejere") is not None  # an owner is a person
    assert pleje.phrase("pleje af hestestalde") is None  # a stable is a thing


def test_outside_classes_merge_and_are_checked() -> None:
    more = Thesaurus.from_mapping(
        {"concepts": {}, "outside": {"køretøjer og kørsel": {"words": ["traktor"]}}}
    )
    merged = default_thesaurus().merged(more)
    assert {"traktor", "bil"} <= merged.outside_words({"pleje"})
    assert NeedMatcher("pleje", merged).phrase("traktorpleje") is None
    with pytest.raises(composer.InputError, match="concept"):
        Thesaurus.from_mapping(
            {"concepts": {}, "outside": {"x": {"words": ["a"], "inside": ["b"]}}}
        )
    with pytest.raises(composer.InputError, match="words"):
        Thesaurus.from_mapping({"concepts": {}, "outside": {"x": ["a"]}})


def test_idioms_are_no_competence() -> None:
    pleje, ledelse = (
        NeedMatcher("pleje", default_thesaurus()),
        NeedMatcher("ledelse", default_thesaurus()),
    )
    assert pleje.text(words("Jeg plejer at cykle på arbejde.")) is None
    assert pleje.text(words("Jeg plejer demente i eget hjem.")) is not None
    assert ledelse.text(words("Jeg leder efter nye udfordringer.")) is None
    assert ledelse.text(words("Jeg leder et team på ti.")) is not None


def test_stems_do_not_collide() -> None:
    assert lemma("ledighed") != lemma("ledelse") and lemma("ledige") != lemma("ledere")
    assert analyse("genetik").head == "" and analyse("forældre").head == ""


def test_free_text_is_capped_and_quoted() -> None:
    m = NeedMatcher("demens", default_thesaurus())
    hit = m.text(words("Jeg har arbejdet ti år med demente beboere."))
    assert hit is not None and hit.kind == "free text" and hit.value == 0.8
    assert "demente" in hit.phrase
    assert m.text(words("Jeg kan lide at cykle.")) is None


def test_coverage_explained_lists_every_nonzero_cell() -> None:
    from composer.datasets import load_sample

    pool, brief = load_sample("klimatilpasning")
    cov = composer.coverage(pool, brief)
    ex = composer.coverage_explained(pool, brief)
    assert list(ex.columns) == ["id", "need", "value", "kind", "phrase", "column"]
    assert len(ex) == int((cov.to_numpy() > 0).sum())
    got = ex.set_index(["id", "need"])["value"]
    want = cov.stack()
    np.testing.assert_allclose(got.to_numpy(), want.loc[got.index].to_numpy())
    assert ex["phrase"].str.len().gt(0).all()


def test_user_thesaurus_extends(tmp_path: Path) -> None:
    f = tmp_path / "t.yaml"
    f.write_text("concepts:\n  gåmøder: {alt: [walk and talk]}\n", encoding="utf-8")
    pool = composer.load_candidates(
        [{"id": "A", "actor_type": "borger", "methodological_competences": "walk and talk"}]
    )
    brief = {"theme": "x", "needs": [{"name": "gåmøder", "kind": "methodological"}]}
    assert composer.coverage(pool, brief).iloc[0, 0] == 0
    assert composer.coverage(pool, brief, thesaurus=f).iloc[0, 0] == 1.0
    assert composer.coverage(pool, {**brief, "thesaurus": str(f)}).iloc[0, 0] == 1.0
    with pytest.raises(composer.InputError, match="concept"):
        Thesaurus.from_mapping({"concepts": {"a": {"broader": ["nowhere"]}}})


def test_cli_thesaurus_lookup(capsys: pytest.CaptureFixture[str]) -> None:
    from composer.cli import main

    assert main(["thesaurus", "lookup", "seniorer", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "ældre: label 'seniorer' (da)" in out and "English labels:" in out
    assert main(["thesaurus", "lookup", "golfhandicap"]) == 0
    out = capsys.readouterr().out
    assert "'golf' lægger 'golfhandicap' uden for det kommunale arbejde (sport og spil)" in out
    assert "undtagen for behov under: kultur og fritid" in out


def _hidden_matches(pairs: list[tuple[str, str]]) -> list[tuple[str, str, Any]]:
    """(need, piece, match) where a piece of a sentence matches the need although the
    marks say it cannot: a need would wrongly skip it."""
    from composer.lexicon import words
    from composer.matching import Sentences, matcher
    from composer.thesaurus import default_thesaurus

    th = default_thesaurus()
    sentences = Sentences(th)
    hidden = []
    for need, text in pairs:
        m = matcher(need, th)  # one per need (a matcher reads its need once)
        for k in sentences.cut(words(text)):
            found = m._piece(*sentences.pieces[k])
            if found is not None and m.marks.isdisjoint(sentences.marks[k]):
                hidden.append((need, sentences.pieces[k][2], found))
    return hidden


def test_marks_never_hide_a_match() -> None:
    """A need skips the pieces of free text whose marks it does not share
    (``matching._piece_marks``); every judged phrase, read as a sentence against its own
    need and two others, the reference's free text against its needs and a need outside
    the thesaurus in a compound's head find a match in a skipped piece nowhere. Each kind
    of mark left out fails here (checked by planting it, 2026-12-07: without the
    concepts 367 matches are hidden, without the words of a window 40, without a typo's
    first letter 16, without a compound's parts 1, ``kagebagning`` for ``bagning``)."""
    rows = load_judged()
    needs = sorted(set(rows["need"]))
    pairs = [
        (need, phrase)
        for k, (own, phrase) in enumerate(zip(rows["need"], rows["phrase"], strict=True))
        for need in (own, needs[k % len(needs)], needs[(7 * k) % len(needs)])
    ]
    pool = composer.load_candidates(REFERENCE / "candidates.csv")
    brief = composer.load_brief(REFERENCE / "brief.yaml")
    texts = [t for col in ("background", "statement") for t in pool.frame[col] if t]
    pairs += [(n.name, t) for n in brief.needs for t in texts]
    pairs += [("bagning", "Holder kurser i kagebagning"), ("strikke", "Stiftede en strikkeklub")]
    assert len(pairs) > 3_000
    assert _hidden_matches(pairs) == []
