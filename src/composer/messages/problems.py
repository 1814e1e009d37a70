"""How a problem in the input is told: the frame (file, row, column, value, expected) and
the expectations behind pydantic's checks of a brief, by its error type. Merged into
:data:`composer.messages.MESSAGES`; a problem whose code has a text here
(``problem.<code>``) is told in the reader's language."""

from __future__ import annotations

__all__ = ["PROBLEM_MESSAGES"]

PROBLEM_MESSAGES: dict[str, dict[str, str]] = {
    "problem.row": {"da": "række {n}", "en": "row {n}"},
    "problem.record": {"da": "post {n}", "en": "record {n}"},
    "problem.line": {"da": "linje {n}", "en": "line {n}"},
    "problem.column": {"da": "kolonne {name!r}", "en": "column {name!r}"},
    "problem.value": {"da": "værdien {value!r} – ", "en": "value {value!r} – "},
    "problem.expected": {"da": "forventede {what}", "en": "expected {what}"},
    # a brief's own checks (brief_text.py)
    "problem.not_a_number": {
        "da": "et helt tal skrevet som et tal (ikke ja/nej, true/false eller tekst i anførselstegn)",
        "en": "a whole number written as a number (not yes/no, true/false or text in quotes)",
    },
    # pydantic's checks of a brief, by error type (ctx as parameters)
    "problem.pydantic_missing": {
        "da": "en værdi (nøglen mangler)",
        "en": "a value (the key is missing)",
    },
    "problem.pydantic_extra_forbidden": {
        "da": "ingen sådan nøgle (de tilladte nøgler står i docs/contract.md)",
        "en": "no such key (allowed keys are in the contract)",
    },
    "problem.pydantic_string_too_short": {
        "da": "en tekst, der ikke er tom",
        "en": "a non-empty text (it is empty once white space and invisible characters are "
        "removed)",
    },
    "problem.pydantic_string_type": {"da": "en tekst", "en": "a text"},
    "problem.pydantic_greater_than_equal": {
        "da": "et tal større end eller lig med {ge}",
        "en": "a number greater than or equal to {ge}",
    },
    "problem.pydantic_greater_than": {
        "da": "et tal større end {gt}",
        "en": "a number greater than {gt}",
    },
    "problem.pydantic_less_than_equal": {
        "da": "et tal mindre end eller lig med {le}",
        "en": "a number less than or equal to {le}",
    },
    "problem.pydantic_less_than": {"da": "et tal mindre end {lt}", "en": "a number less than {lt}"},
    "problem.pydantic_int_parsing": {"da": "et helt tal", "en": "a whole number"},
    "problem.pydantic_int_type": {"da": "et helt tal", "en": "a whole number"},
    "problem.pydantic_int_from_float": {
        "da": "et helt tal (uden decimaler)",
        "en": "a whole number (no decimals)",
    },
    "problem.pydantic_float_parsing": {"da": "et tal", "en": "a number"},
    "problem.pydantic_float_type": {"da": "et tal", "en": "a number"},
    "problem.pydantic_bool_parsing": {"da": "ja eller nej", "en": "yes or no"},
    "problem.pydantic_bool_type": {"da": "ja eller nej", "en": "yes or no"},
    "problem.pydantic_enum": {"da": "en af {expected}", "en": "one of {expected}"},
    "problem.pydantic_literal_error": {"da": "en af {expected}", "en": "one of {expected}"},
    "problem.pydantic_list_type": {"da": "en liste", "en": "a list"},
    "problem.pydantic_dict_type": {"da": "en samling af nøgler", "en": "a mapping of keys"},
    "problem.pydantic_model_type": {"da": "en samling af nøgler", "en": "a mapping of keys"},
    "problem.pydantic_too_short": {
        "da": "mindst {min_length} elementer",
        "en": "at least {min_length} items",
    },
    "problem.pydantic_too_long": {
        "da": "højst {max_length} elementer",
        "en": "at most {max_length} items",
    },
}
