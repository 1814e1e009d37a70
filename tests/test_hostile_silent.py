"""Issue 20: nothing silently read wrong, and a count the pool cannot give is a gap."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from composer import InputError, compose, load_brief, load_candidates, validate


def test_a_line_mixing_utf8_and_windows_1252_is_refused() -> None:
    data = b"id;actor_type;name\nB;borger;S\xc3\xb8ren Bj\xf8rn\n"  # 'ø' twice, two ways
    with pytest.raises(InputError, match=r"line 2: .*line 2 mixes UTF-8 with another encoding"):
        load_candidates(data, format="csv")


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøåÆØÅé ", min_size=1, max_size=12))
@example("ÆaÅ ")  # charset-normalizer alone read these Windows-1252 bytes as Mac Roman
@example("ÅaÆaÅ ")  # ... or found no encoding at all
def test_one_encoding_is_read_as_written(name: str) -> None:
    for encoding in ("utf-8", "cp1252"):
        data = f"id;actor_type;name\nB;borger;x{name}x\n".encode(encoding)
        assert load_candidates(data, format="csv")["B"].name == f"x{name}x"


def test_extra_top_level_keys_in_json_candidates_are_refused() -> None:
    data = b'{"candidates": [{"id": "A", "actor_type": "borger"}], "kandidater": []}'
    with pytest.raises(InputError, match=r"column 'kandidater': expected only the key"):
        load_candidates(data, format="json")


_POOL = [
    {"id": f"S{k}", "actor_type": "kommunal medarbejder", "professional_competences": "demens"}
    for k in range(1, 4)
]


@settings(max_examples=4, deadline=None)
@given(st.integers(4, 200))
def test_a_count_above_the_pool_is_a_gap(count: int) -> None:
    brief = load_brief(
        {
            "theme": "x",
            "meetings": {"count": 2, "hours": 2},
            "core": {"min": 1, "max": 3},
            "needs": [{"name": "demens", "kind": "faglig", "count": count}],
        }
    )
    comp = compose(_POOL, brief, dropouts=False)
    (gap,) = comp.gaps
    assert (gap.need, gap.count) == ("demens", count) and gap.covered <= 3
    with pytest.raises(InputError, match=r"needs\[0\]\.count"):
        validate(_POOL, brief, counts=True)
