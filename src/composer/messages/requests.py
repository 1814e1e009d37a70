"""What the other inputs expected, in Danish and English: a user's thesaurus file
(thesaurus.py), a published lottery table and its draw (draw.py, planner/lottery.py), a
composition given back to ``replace`` (planner/whatif.py) and a request to the web page
or API (composer.web). Sentences of :class:`composer.errors.Problem`
(``problem.<message>``, made by :func:`composer.errors.told`); merged into
:data:`composer.messages.MESSAGES`."""

from __future__ import annotations

__all__ = ["REQUEST_MESSAGES"]

_STALE = {
    "da": "en sammensætning, der passer til den nuværende pulje og netværksbeskrivelse, men "
    "deltageren {id!r} ",
    "en": "a composition that fits the current pool and brief, but member {id!r} ",
}
_AGAIN = {
    "da": "; sammensætningen er ældre end ændringen: sammensæt igen",
    "en": "; the composition is older than the change: compose again",
}


def _stale(da: str, en: str) -> dict[str, str]:
    return {"da": _STALE["da"] + da + _AGAIN["da"], "en": _STALE["en"] + en + _AGAIN["en"]}


REQUEST_MESSAGES: dict[str, dict[str, str]] = {
    # --- a user's thesaurus file (thesaurus.py)
    "problem.thesaurus_concepts": {
        "da": "en samling af begreber under nøglen 'concepts'",
        "en": "a mapping of concepts under the key 'concepts'",
    },
    "problem.thesaurus_concept": {
        "da": "en samling af nøgler ('alt', 'en', 'broader', 'related')",
        "en": "a mapping ('alt', 'en', 'broader', 'related')",
    },
    "problem.thesaurus_link": {
        "da": "id'et på et begreb i tesaurussen",
        "en": "the id of a concept in the thesaurus",
    },
    "problem.thesaurus_outside": {
        "da": "en samling af klasser under nøglen 'outside'",
        "en": "a mapping of classes under the key 'outside'",
    },
    "problem.thesaurus_class": {
        "da": "en samling med nøglen 'words' (en liste af ord) og eventuelt 'inside'",
        "en": "a mapping with the key 'words' (a list of words) and, if need be, 'inside'",
    },
    "problem.thesaurus_unreadable": {
        "da": "en læsbar tesaurus i YAML eller JSON (fejl: »{why}«)",
        "en": "a readable YAML or JSON thesaurus ({why})",
    },
    # --- a published lottery table (draw.py) and the lottery's arguments (planner/lottery.py)
    "problem.lottery_table": {
        "da": "en lodtrækningstabel, som `composer lottery --format json` skriver den",
        "en": "a lottery table as `composer lottery --format json` writes it",
    },
    "problem.lottery_json": {
        "da": "en lodtrækningstabel i JSON (fejl: »{why}«)",
        "en": "a JSON lottery table ({why})",
    },
    "problem.lottery_sum": {
        "da": "sandsynligheder, der tilsammen giver {scale} (fandt {found})",
        "en": "probabilities summing to {scale} (found {found})",
    },
    "problem.lottery_seat": {
        "da": "en plads skrevet som [gruppe, rolle, antal] med en gruppe fra 0 til {last}",
        "en": "a seat written as [group, role, count] with a group from 0 to {last}",
    },
    "problem.lottery_hash": {
        "da": "tabellens SHA-256, {hash}",
        "en": "the SHA-256 of the table, {hash}",
    },
    "problem.lottery_drawn": {
        "da": "den lodtrækning, tabellen giver med seed {seed} (netværk nr. {network} i tabellen)",
        "en": "the draw the table gives with seed {seed} (network no. {network} of the table)",
    },
    "problem.argument_at_least": {
        "da": "et tal >= {low}",
        "en": "a number >= {low}",
    },
    # --- a composition given back to replace (planner/whatif.py)
    "problem.stale_gone": _stale("er ikke længere i {pool}", "is no longer in {pool}"),
    "problem.stale_excluded": _stale(
        "er nu fravalgt i netværksbeskrivelsen", "is now in the brief's exclude"
    ),
    "problem.stale_phase": _stale(
        "sidder i fasen {phase!r}, som netværksbeskrivelsen ikke længere har",
        "sits in phase {phase!r}, which the brief no longer has",
    ),
    # --- a request to the web page or API (composer.web)
    "problem.request_candidates": {
        "da": "kandidaterne: poster, eller en .csv-, .xlsx- eller .json-fil",
        "en": "the candidates: records, or a .csv, .xlsx or .json file",
    },
    "problem.request_brief": {
        "da": "netværksbeskrivelsen: et objekt, eller en .yaml- eller .json-fil",
        "en": "the brief: an object, or a .yaml or .json file",
    },
    "problem.request_composition": {
        "da": "sammensætningen, som /api/compose giver den",
        "en": "the composition as /api/compose returns it",
    },
    "problem.request_needs": {
        "da": "højst {max} behov (serverens grænse; biblioteket har ingen)",
        "en": "at most {max} needs (the server's limit; the library has none)",
    },
    "problem.request_text": {
        "da": "en tekst, der ikke er tom, for {name!r}",
        "en": "a non-empty text for {name!r}",
    },
    "problem.request_body": {
        "da": "et JSON-objekt, eller en formular (multipart) med filerne",
        "en": "a JSON object, or a multipart form with the files",
    },
    "problem.request_object": {
        "da": "et JSON-objekt med kandidater og netværksbeskrivelse",
        "en": "a JSON object with candidates and brief",
    },
    "problem.request_size": {
        "da": "en forespørgsel på højst {max} byte (serverens grænse; "
        "composer serve --max-upload-mb hæver den)",
        "en": "a request of at most {max} bytes (the server's limit; "
        "composer serve --max-upload-mb raises it)",
    },
    "problem.request_token": {
        "da": "serverens adgangstegn: Authorization: Bearer TOKEN",
        "en": "the server's token: Authorization: Bearer TOKEN",
    },
    "problem.request_page_json": {
        "da": "den JSON, som siden selv skrev",
        "en": "the JSON this page wrote",
    },
    "problem.request_field": {
        "da": "et gyldigt felt i forespørgslen",
        "en": "a valid field of the request",
    },
    "problem.http_404": {"da": "en side, der findes", "en": "a page that exists"},
    "problem.http_405": {
        "da": "en metode, som adressen tager imod",
        "en": "a method this address accepts",
    },
    "problem.http_other": {"da": "en gyldig forespørgsel ({why})", "en": "a valid request ({why})"},
}
