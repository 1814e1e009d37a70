"""The error hierarchy: codes, parameters, pickling, short values, seeds."""

from __future__ import annotations

import json
import pickle

import numpy as np
import pytest

from composer import ComposerError, InfeasibleError, InputError, Problem, load_candidates
from composer.errors import MAX_VALUE_CHARS, check_seed, shorten


def _errors() -> list[ComposerError]:
    return [
        ComposerError("plain"),
        ComposerError("with data", code="x.y", params={"n": 3, "ids": ["A", "B"]}),
        InputError("a whole-file problem", source="c.csv"),
        InputError(
            [
                Problem("c.csv", 3, "motivation", "7", "a whole number from 1 to 5"),
                Problem("c.json", 2, "id", "", "a non-empty id", "record", code="empty_id"),
                Problem("c.csv", None, None, None, "a header row"),
            ]
        ),
        InputError([Problem("c.csv", 1, "id", None, "x")], code="custom_code"),
        InfeasibleError(["quota x: at least 3, only 2 qualify"], ["lower x to 2"]),
        InfeasibleError(["core too small"], code="core_size", params={"min": 6, "pool": 4}),
    ]


@pytest.mark.parametrize("err", _errors(), ids=lambda e: f"{type(e).__name__}-{e.code}")
def test_every_error_pickles_equal(err: ComposerError) -> None:
    again = pickle.loads(pickle.dumps(err))
    assert again == err
    assert type(again) is type(err)
    assert str(again) == str(err)
    assert again.code == err.code and again.params == err.params
    if isinstance(err, InputError):
        assert isinstance(again, InputError)
        assert again.problems == err.problems
    if isinstance(err, InfeasibleError):
        assert isinstance(again, InfeasibleError)
        assert again.reasons == err.reasons and again.relaxations == err.relaxations
    assert json.loads(json.dumps(err.as_dict()))["code"] == err.code


def test_a_real_input_error_pickles_equal() -> None:
    with pytest.raises(InputError) as info:
        load_candidates([{"id": "A", "actor_type": "astronaut", "motivation": "9"}])
    again = pickle.loads(pickle.dumps(info.value))
    assert again == info.value
    assert [p.column for p in again.problems] == ["actor_type", "motivation"]


def test_codes_and_params() -> None:
    e = InputError([Problem("c.csv", 4, "id", "", "a non-empty id", code="empty_id")])
    assert e.code == "invalid_input"
    assert e.params["count"] == 1
    assert e.params["problems"] == [
        {
            "source": "c.csv",
            "row": 4,
            "row_word": "row",
            "column": "id",
            "value": "",
            "expected": "a non-empty id",
            "code": "empty_id",
        }
    ]
    inf = InfeasibleError(["r"], ["x"])
    assert inf.code == "infeasible" and inf.params == {"reasons": ["r"], "relaxations": ["x"]}
    assert ComposerError("m").code == "composer_error"
    assert isinstance(e, ValueError) and isinstance(inf, ValueError)
    assert e != InputError([Problem("c.csv", 5, "id", "", "a non-empty id")])
    assert hash(e) == hash(pickle.loads(pickle.dumps(e)))


def test_values_are_cut_to_200_characters() -> None:
    p = Problem("c.csv", 2, "statement", "æ" * 2_000_000, "shorter text")
    assert len(p.value or "") == MAX_VALUE_CHARS and (p.value or "").endswith("…")
    assert len(str(p)) < 400
    assert shorten("kort") == "kort"
    assert len(shorten("x" * 201)) == 200


def test_a_two_megabyte_cell_gives_a_short_message() -> None:
    with pytest.raises(InputError) as info:
        load_candidates([{"id": "A", "actor_type": "x" * 30_000}])
    assert len(str(info.value)) < 2_000
    assert "…" in str(info.value)


def test_many_problems_listed_up_to_fifty() -> None:
    records = [{"id": f"A{i}", "actor_type": "astronaut"} for i in range(60)]
    with pytest.raises(InputError) as info:
        load_candidates(records)
    assert len(info.value.problems) == 60
    assert "and 10 more" in str(info.value)


@pytest.mark.parametrize(
    ("seed", "expected"), [(0, 0), (7, 7), ("12", 12), (np.int64(3), 3), (2**32 - 1, 2**32 - 1)]
)
def test_check_seed_accepts(seed: object, expected: int) -> None:
    assert check_seed(seed) == expected


@pytest.mark.parametrize("seed", [-1, "-1", 1.5, "x", True, None, 2**32, "9" * 5000])
def test_check_seed_refuses(seed: object) -> None:
    with pytest.raises(
        InputError, match=r"column 'seed'.*expected a whole number from 0 to"
    ) as info:
        check_seed(seed)
    assert info.value.problems[0].code == "bad_seed"
