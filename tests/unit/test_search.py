"""The one fuzzy matcher (``nextgen_tui.search.rank``): order, typos, blanks, limits."""

from __future__ import annotations

from nextgen_tui.text.search import rank

HAYS = [
    "alan smith\nacme tools\nceo\n",  # "smith" starts a word
    "ann lee\nblacksmith co\n\n",  # "smith" inside a word
    "smithers ng\nvalley college\ndean\nsng@valley.edu",  # the name starts "smith"
    "mary jones\n\n\n",
]


def test_name_starts_come_first_then_word_starts_then_the_rest() -> None:
    assert rank("smith", HAYS) == [2, 0, 1]


def test_every_word_must_be_found_in_some_field() -> None:
    assert rank("valley dean", HAYS) == [2]
    assert rank("dean valley", HAYS) == [2]
    assert rank("valley qqqqq", HAYS) == []


def test_typos_still_find_the_person_after_exact_matches() -> None:
    assert rank("smihters", HAYS)[:1] == [2]
    assert rank("jonse", HAYS) == [3]


def test_matching_ignores_case_of_query_and_haystacks() -> None:
    assert rank("ACME", ["Acme Tools", "Other"]) == [0]
    assert rank("straße", ["STRASSE ag", "x"]) == [0]


def test_blank_query_lists_everything_in_order() -> None:
    assert rank("", HAYS) == [0, 1, 2, 3]
    assert rank("   ", HAYS) == [0, 1, 2, 3]
    assert rank("", HAYS, limit=2) == [0, 1]


def test_short_queries_match_exactly_only() -> None:
    assert rank("zz", HAYS) == []
    assert rank("ng", HAYS) == [2]


def test_limit_caps_the_result_best_first() -> None:
    assert rank("smith", HAYS, limit=1) == [2]
    assert rank("smith", HAYS, limit=0) == []
    assert rank("smith", HAYS, limit=10) == [2, 0, 1]


def test_hostile_text_is_matched_literally() -> None:
    hays = ["bob [/]", "[todo] ann", "[$accent]x", '=hyperlink("x")']
    assert rank("[/]", hays) == [0]
    assert rank("[todo]", hays) == [1]
    assert rank("", []) == []
