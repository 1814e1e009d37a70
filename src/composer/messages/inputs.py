"""What the readers, the loaders and the checks of the input expected, in Danish and
English: the sentences of :class:`composer.errors.Problem` (``problem.<message>``, made
by :func:`composer.errors.told`). Merged into :data:`composer.messages.MESSAGES`; whole
numbers in the parameters are written as the language writes them and lists are listed
with "og"/"and" (:func:`composer.messages.problem_text`)."""

from __future__ import annotations

__all__ = ["INPUT_MESSAGES"]

_SAVE = {
    "da": "gem den som UTF-8 (Excel: 'CSV UTF-8'), og prøv igen",
    "en": "save it as UTF-8 (Excel: 'CSV UTF-8') and try again",
}
_RAISE = {
    "da": "; grænsen er Limits.{limit} i composer.reading: er input ægte, så hæv den med "
    "limits=Limits({limit}=...)",
    "en": "; the limit is Limits.{limit} in composer.reading: if the input is genuine, pass "
    "limits=Limits({limit}=...) to raise it",
}
_RESAVE = {
    "da": " (åbn filen i Excel eller LibreOffice, og gem den igen)",
    "en": " (open the file in Excel or LibreOffice and save it again)",
}
_CONSISTENT = {
    "da": "en sammenhængende netværksbeskrivelse: ",
    "en": "a consistent brief: ",
}
_ONCE = {
    "da": " (ellers ville den sidste uden varsel gælde)",
    "en": " (the later one would silently win)",
}


def _with(tail: dict[str, str], da: str, en: str) -> dict[str, str]:
    return {"da": da + tail["da"], "en": en + tail["en"]}


def _first(head: dict[str, str], da: str, en: str) -> dict[str, str]:
    return {"da": head["da"] + da, "en": head["en"] + en}


_LIMITS = {
    "limit_columns": (
        "højst {max} kolonner (fandt {found})",
        "at most {max} columns (found {found})",
    ),
    "limit_record_columns": (
        "poster med højst {max} kolonner",
        "records with at most {max} columns",
    ),
    "limit_cell_chars": (
        "en celle med højst {max} tegn (fandt {found})",
        "a cell of at most {max} characters (found {found})",
    ),
    "limit_csv_cell_chars": ("celler med højst {max} tegn", "cells of at most {max} characters"),
    "limit_file_bytes": (
        "en fil på højst {max} byte (fandt {found})",
        "a file of at most {max} bytes (found {found})",
    ),
    "limit_stream_bytes": (
        "en fil på højst {max} byte (fandt mindst {found})",
        "a file of at most {max} bytes (found at least {found})",
    ),
    "limit_cells_rows": (
        "en tabel med højst {max} celler (fandt {rows} rækker × {columns} kolonner)",
        "a table of at most {max} cells (found {rows} rows × {columns} columns)",
    ),
    "limit_cells_records": (
        "en tabel med højst {max} celler (fandt {rows} poster × {columns} kolonner)",
        "a table of at most {max} cells (found {rows} records × {columns} columns)",
    ),
    "limit_unpacked": (
        "en projektmappe, der fylder højst {max} byte udpakket (fandt {found})",
        "a workbook that unpacks to at most {max} bytes (found {found})",
    ),
    "limit_sheet_cells": (
        "et ark med højst {max} celler (tomme celler med formatering medregnet)",
        "a sheet of at most {max} cells (empty formatted cells included)",
    ),
    "limit_sheet_columns": (
        "værdier i højst {max} kolonner (fandt en værdi i kolonne {found})",
        "values in at most {max} columns (found a value in column {found})",
    ),
    "limit_row_cells": (
        "højst {max} celler i en række (tomme celler med formatering medregnet) (fandt flere "
        "i række {found})",
        "at most {max} cells in a row (empty formatted cells included) (found more in row {found})",
    ),
    "limit_shared_strings": (
        "en tabel over delte tekster med højst {max} tekster",
        "a shared-strings table of at most {max} texts",
    ),
    "limit_yaml_values": (
        "højst {max} værdier (lister og samlinger tæller med)",
        "at most {max} values (lists and mappings count too)",
    ),
    "limit_json_values": (
        "højst {max} værdier (talt som kommaer og klammer, også dem inde i tekster) (fandt op "
        "til {found})",
        "at most {max} values (counted as commas and brackets, also those inside texts) "
        "(found up to {found})",
    ),
    "limit_depth": (
        "lister og objekter indlejret højst {max} niveauer dybt",
        "lists and objects nested at most {max} deep",
    ),
    "limit_brief_values": (
        "en netværksbeskrivelse med højst {max} værdier (aliasser talt hver gang)",
        "a brief of at most {max} values (aliases counted each time)",
    ),
}

_BRIEF = {
    "brief_phase_twice": (
        "fasenavnet {name!r} bruges to gange",
        "the phase name {name!r} is used twice",
    ),
    "brief_meeting_range": (
        "fasen {phase!r} nævner møde {meeting}, men møderne er nummereret 1..{count} "
        "(`meetings.count`)",
        "phase {phase!r} names meeting {meeting}, but meetings are numbered 1..{count} "
        "(`meetings.count`)",
    ),
    "brief_meeting_twice": (
        "møde {meeting} er i både {first!r} og {second!r}; hvert møde hører til én fase",
        "meeting {meeting} is in both {first!r} and {second!r}; each meeting belongs to one phase",
    ),
    "brief_meeting_missing": (
        "møde {meetings} hører ikke til nogen fase; hvert møde 1..{count} skal være i én fase",
        "meeting {meetings} belongs to no phase; expected every meeting 1..{count} in one phase",
    ),
    "brief_meetings_missing": (
        "møderne {meetings} hører ikke til nogen fase; hvert møde 1..{count} skal være i én fase",
        "meetings {meetings} belong to no phase; expected every meeting 1..{count} in one phase",
    ),
    "brief_need_twice": (
        "behovsnavnet {name!r} bruges to gange",
        "the need name {name!r} is used twice",
    ),
    "brief_need_phase": (
        "ukendt fase {phase!r} for behovet {need!r}; forventede en af {phases}",
        "unknown phase {phase!r} for the need {need!r}; expected one of {phases}",
    ),
    "brief_quota_scope": (
        "ukendt omfang {scope!r} for kvoten `{quota}`; forventede 'network', 'core' eller en af "
        "{phases}",
        "unknown scope {scope!r} for the quota {quota}; expected 'network', 'core' or one of "
        "{phases}",
    ),
    "brief_quota_order": (
        "min {min} > maks {max} for kvoten `{quota}`",
        "min {min} > max {max} for the quota {quota}",
    ),
    "brief_quota_clash": (
        "`{quota}` kræver på én gang mindst {min} og højst {max}",
        "{quota} asks for at least {min} and at most {max} at once",
    ),
    "brief_core_order": ("min {min} > maks {max}", "min {min} > max {max}"),
    "brief_include_exclude": (
        "include og exclude nævner begge {ids}",
        "include and exclude both name {ids}",
    ),
    "brief_co_driver_exclude": (
        "co_drivers og exclude nævner begge {ids}",
        "co_drivers and exclude both name {ids}",
    ),
    "brief_co_drivers": (
        "{ids} må højst være {max} forskellige id'er",
        "{ids} should name at most {max} different ids",
    ),
    "brief_weight": (
        "{key}={weight} skal være et tal fra 0 til {max}",
        "{key}={weight} should be a number from 0 to {max}",
    ),
    "brief_weights_zero": ("mindst én vægt skal være > 0", "at least one weight must be > 0"),
}

INPUT_MESSAGES: dict[str, dict[str, str]] = {
    # --- reading a file (composer.reading)
    "problem.empty_file": {
        "da": "en overskriftsrække og mindst én person",
        "en": "a header row and at least one person",
    },
    "problem.row_too_long": {
        "da": "højst {width} celler, én under hver kolonne i overskriften, men rækken har {n} "
        "(et skilletegn i en celle uden anførselstegn?)",
        "en": "at most {width} cells, one under each header column, but the row has {n} (a "
        "separator inside an unquoted cell?)",
    },
    "problem.bad_csv": {
        "da": "en gyldig CSV-række (fejl: »{why}«; tjek anførselstegnene)",
        "en": "a well-formed CSV row ({why}: check its quotes)",
    },
    "problem.encoding_bom": _with(
        _SAVE,
        "tekst i {encoding}, som byte-order-mærket siger, men nogle bytes er ikke; ",
        "text in {encoding} as its byte-order mark says, but some bytes are not; ",
    ),
    "problem.encoding_nul": _with(
        _SAVE,
        "en tekstfil, men den indeholder NUL-tegn (er det en binær fil eller et regneark gemt "
        "med en anden endelse?); ",
        "a text file, but it holds NUL characters (is it a binary file, or a spreadsheet saved "
        "with another extension?); ",
    ),
    "problem.encoding_unknown": _with(
        _SAVE,
        "tekst i UTF-8, UTF-16, Windows-1252 eller Mac Roman, men tegnkodningen kunne ikke "
        "genkendes; ",
        "text in UTF-8, UTF-16, Windows-1252 or Mac Roman, but the encoding could not be "
        "recognised; ",
    ),
    "problem.mixed_encoding": _with(
        _SAVE,
        "én tegnkodning i hele filen, men linje {utf8} er UTF-8, og linje {line} er ikke "
        "(rækker indsat fra en anden fil?); ",
        "one text encoding for the whole file, but line {utf8} is UTF-8 and line {line} is "
        "not (rows pasted from another file?); ",
    ),
    "problem.mixed_encoding_line": _with(
        _SAVE,
        "én tegnkodning i hele filen, men linje {line} blander UTF-8 med en anden tegnkodning "
        "(rækker indsat fra en anden fil?); ",
        "one text encoding for the whole file, but line {line} mixes UTF-8 with another "
        "encoding (rows pasted from another file?); ",
    ),
    "problem.not_a_table_source": {
        "da": "en sti, en DataFrame eller en liste af dicts",
        "en": "a path, a DataFrame or a list of dicts",
    },
    "problem.not_a_source": {
        "da": "en sti, en fils bytes eller en åben binær fil",
        "en": "a path, the bytes of a file or an open binary file",
    },
    "problem.extra_key": {
        "da": "kun nøglen 'candidates' øverst (andre nøgler ville blive ignoreret)",
        "en": "only the key 'candidates' at the top (other keys would be ignored)",
    },
    "problem.candidates_json": {
        "da": 'en liste af poster eller {{"candidates": [...]}}',
        "en": 'a list of records or {{"candidates": [...]}}',
    },
    "problem.sheet_argument": {
        "da": "ingen `sheet=` (kun projektmapper har ark)",
        "en": "no `sheet=` (only workbooks have sheets)",
    },
    "problem.folder": {
        "da": "en fil, men dette er en mappe: angiv filen i den",
        "en": "a file, but this is a folder: give the file inside it",
    },
    "problem.nul_in_name": {
        "da": "et filnavn uden NUL-tegn",
        "en": "a file name without NUL characters",
    },
    "problem.not_a_file": {
        "da": "en almindelig fil, men dette er en enhed, en pipe eller en socket (angiv selve "
        "filen, eller send den til standard input som -)",
        "en": "a regular file, but this is a device, a pipe or a socket (give the file itself, "
        "or pipe it to standard input as -)",
    },
    "problem.text_stream": {
        "da": "en binær strøm (åbn filen med 'rb')",
        "en": "a binary stream (open the file with 'rb')",
    },
    "problem.no_such_file": {"da": "en fil, der findes", "en": "an existing file"},
    "problem.permission": {
        "da": "en fil, programmet må læse (adgang nægtet: tjek filens rettigheder)",
        "en": "a file this program may read (permission denied: check its access rights)",
    },
    "problem.unreadable_file": {
        "da": "en læsbar fil (fejl: »{why}«)",
        "en": "a readable file ({why})",
    },
    "problem.unreadable_stream": {
        "da": "en læsbar strøm (fejl: »{why}«)",
        "en": "a readable stream ({why})",
    },
    "problem.format_argument": {"da": "format= en af {formats}", "en": "format= one of {formats}"},
    "problem.old_xls": {
        "da": "en .xlsx-projektmappe: gem denne gamle .xls som .xlsx (eller som CSV UTF-8)",
        "en": "an .xlsx workbook: save this old .xls as .xlsx (or as CSV UTF-8)",
    },
    "problem.table_suffix": {
        "da": "en .csv-, .xlsx- eller .json-fil (eller angiv formatet med format=)",
        "en": "a .csv, .xlsx or .json file (or say which with format=)",
    },
    "problem.brief_suffix": {
        "da": "en .yaml-, .yml- eller .json-fil (eller angiv formatet med format=)",
        "en": "a .yaml, .yml or .json file (or say which with format=)",
    },
    "problem.no_openpyxl": {
        "da": "openpyxl installeret for at læse Excel: pip install 'netvaerk-composer[excel]'",
        "en": "openpyxl installed to read Excel: pip install 'netvaerk-composer[excel]'",
    },
    "problem.bad_workbook": {
        "da": "en læsbar .xlsx-projektmappe, men den er beskadiget (fejl: »{why}«); åbn den i Excel "
        "eller LibreOffice, og gem den igen som .xlsx, eller gem arket som CSV UTF-8",
        "en": "a readable .xlsx workbook, but it is damaged ({why}); open it in Excel or "
        "LibreOffice and save it again as .xlsx, or save the sheet as CSV UTF-8",
    },
    "problem.no_sheet": {
        "da": "en projektmappe med mindst ét regneark",
        "en": "a workbook with at least one worksheet",
    },
    "problem.which_sheet": {
        "da": "et regneark i projektmappen, ved navn eller nummer fra 0: {sheets}",
        "en": "a worksheet of the workbook, by name or by number from 0: {sheets}",
    },
    "problem.uncomputed_formula": {
        "da": "en værdi, men cellen indeholder en formel, der aldrig er blevet beregnet (åbn "
        "filen i Excel eller LibreOffice, og gem den)",
        "en": "a value, but the cell holds a formula that was never calculated (open the file "
        "in Excel or LibreOffice and save it)",
    },
    "problem.bad_cell": {
        "da": "en celle med tekst eller tal, ikke {kind}",
        "en": "a text or number cell, not {kind}",
    },
    "problem.sheet_row_number": {
        "da": "et rækkenummer fra 1 til {max} i arkets XML, men en række har nummeret {found!r} "
        "(filen er ikke skrevet af et regneark)",
        "en": "a row number from 1 to {max} in the sheet's XML, but a row is numbered {found!r} "
        "(the file was not written by a spreadsheet)",
    },
    "problem.sheet_row_twice": _with(
        _RESAVE,
        "rækker i stigende orden i arkets XML, men række {number} er skrevet to gange",
        "rows in rising order in the sheet's XML, but row {number} is written twice",
    ),
    "problem.sheet_row_order": _with(
        _RESAVE,
        "rækker i stigende orden i arkets XML, men række {number} er skrevet efter række {after}",
        "rows in rising order in the sheet's XML, but row {number} is written after row {after}",
    ),
    "problem.sheet_cell_twice": _with(
        _RESAVE,
        "hver celle én gang, fra venstre mod højre, men cellen {ref} er skrevet to gange",
        "each cell once, from left to right, but cell {ref} is written twice",
    ),
    "problem.sheet_cell_order": _with(
        _RESAVE,
        "hver celle én gang, fra venstre mod højre, men cellen {ref} står i forkert rækkefølge",
        "each cell once, from left to right, but cell {ref} is written out of order",
    ),
    "problem.sheet_reference": {
        "da": "en cellereference i række {number} inden for A..XFD, men fandt {found!r}",
        "en": "a cell reference of row {number} within A..XFD, but found {found!r}",
    },
    "problem.sheet_wide": {
        "da": "celler inden for Excels {max} kolonner (A..XFD), men række {number} har flere",
        "en": "cells within Excel's {max} columns (A..XFD), but row {number} has more",
    },
    "problem.bad_cell_type": {
        "da": "en tekst, et tal, ja/nej eller en liste af tekster, ikke {kind}",
        "en": "a text, a number, yes/no or a list of texts, not a {kind}",
    },
    "problem.id_twice": {
        "da": "id'erne én gang: som indekset med navnet 'id' eller som kolonnen 'id', ikke "
        "begge (df.reset_index(drop=True) fjerner indekset)",
        "en": "the ids once: as the index named 'id' or as a column 'id', not both "
        "(df.reset_index(drop=True) drops the index)",
    },
    "problem.bad_record": {
        "da": "et objekt med kolonnenavne som nøgler",
        "en": "an object with column names as keys",
    },
    "problem.key_twice_record": _with(
        _ONCE, "hver nøgle én gang i en post", "each key once in a record"
    ),
    "problem.key_twice_mapping": _with(
        _ONCE, "hver nøgle én gang i en samling", "each key once in a mapping"
    ),
    "problem.key_twice_object": _with(
        _ONCE, "hver nøgle én gang i et objekt", "each key once in an object"
    ),
    "problem.bad_yaml": {"da": "gyldig YAML (fejl: »{why}«)", "en": "valid YAML ({why})"},
    "problem.bad_yaml_values": {
        "da": "gyldige YAML-værdier (fejl: »{why}«)",
        "en": "valid YAML values ({why})",
    },
    "problem.bad_json": {
        "da": "gyldig JSON (fejl: »{why}«, kolonne {at})",
        "en": "valid JSON ({why}, column {at})",
    },
    "problem.bad_json_numbers": {
        "da": "gyldige JSON-tal (fejl: »{why}«)",
        "en": "valid JSON numbers ({why})",
    },
    "problem.json_constant": {
        "da": "gyldige JSON-tal ({token} er ikke et JSON-tal; skriv null eller et tal)",
        "en": "valid JSON numbers ({token} is not a JSON number; write null or a number)",
    },
    "problem.unsafe_control": {
        "da": "tekst uden et kontroltegn ({char}): slet tegnet, eller skriv det igen",
        "en": "text without a control character ({char}): delete or retype the character",
    },
    "problem.unsafe_surrogate": {
        "da": "tekst uden et enligt surrogattegn ({char}): slet tegnet, eller skriv det igen",
        "en": "text without a lone surrogate ({char}): delete or retype the character",
    },
    "problem.unnamed_column": {
        "da": "et kolonnenavn i overskriften (række {header}) over hver udfyldt celle, men "
        "kolonne {letter} har intet",
        "en": "a column name in the header (row {header}) above every filled cell, but column "
        "{letter} has none",
    },
    "problem.unnamed_column_number": {
        "da": "et kolonnenavn i overskriften (række {header}) over hver udfyldt celle, men "
        "kolonne nummer {letter} har intet",
        "en": "a column name in the header (row {header}) above every filled cell, but column "
        "number {letter} has none",
    },
    # --- the candidates (loaders.py, identity.py)
    "problem.empty_column_name": {
        "da": "et navn til hver kolonne (et kolonnenavn er tomt)",
        "en": "a name for every column (one column name is empty)",
    },
    "problem.duplicate_column": {
        "da": "hvert kolonnenavn én gang i overskriften, men {names} betyder alle {key!r}",
        "en": "each column name once in the header, but {names} all mean {key!r}",
    },
    "problem.missing_column": {
        "da": "en kolonne {name!r} (fandt kolonnerne: {found})",
        "en": "a column {name!r} (found columns: {found})",
    },
    "problem.composition_as_pool": {
        "da": "en kandidatliste, men dette er en sammensætning, som composer har skrevet "
        "(deltagere med rolle og begrundelser): angiv den kandidatliste, netværket blev "
        "sammensat ud fra",
        "en": "a list of candidates, but this is a composition that composer wrote (members "
        "with role and reasons): give the candidate list the network was composed from",
    },
    "problem.near_column": {
        "da": "kontraktens kolonne {wanted!r} (omdøb kolonnen til {wanted!r}), eller sig, at "
        "den er en ekstra kolonne: extra_columns=[{header!r}]",
        "en": "the contract column {wanted!r} (rename the column to {wanted!r}), or say it is "
        "an extra column: extra_columns=[{header!r}]",
    },
    "problem.no_candidates": {
        "da": "mindst én person under overskriften",
        "en": "at least one person below the header",
    },
    "problem.empty_id": {"da": "et id, der ikke er tomt", "en": "a non-empty id"},
    "problem.duplicate_id": {
        "da": "et entydigt id (findes også i række {first})",
        "en": "a unique id (also in row {first})",
    },
    "problem.duplicate_id_record": {
        "da": "et entydigt id (findes også i post {first})",
        "en": "a unique id (also in record {first})",
    },
    "problem.lookalike_id": {
        "da": "et id, der ser anderledes ud end alle andre, men det ligner {other!r} i række "
        "{at} (de adskiller sig kun ved store og små bogstaver, usynlige tegn, bindestreger "
        "eller tegn, der ser ens ud{spelled})",
        "en": "an id that looks different from every other, but it looks like {other!r} in "
        "row {at} (they differ only in case, invisible characters, dashes or characters that "
        "look the same{spelled})",
    },
    "problem.lookalike_id_record": {
        "da": "et id, der ser anderledes ud end alle andre, men det ligner {other!r} i post "
        "{at} (de adskiller sig kun ved store og små bogstaver, usynlige tegn, bindestreger "
        "eller tegn, der ser ens ud{spelled})",
        "en": "an id that looks different from every other, but it looks like {other!r} in "
        "record {at} (they differ only in case, invisible characters, dashes or characters "
        "that look the same{spelled})",
    },
    "problem.actor_type": {"da": "en af {allowed}", "en": "one of {allowed}"},
    "problem.motivation": {
        "da": "et helt tal fra 1 til 5, eller tom",
        "en": "a whole number from 1 to 5, or empty",
    },
    "problem.hours": {
        "da": "et antal timer >= 0, eller tom",
        "en": "a number of hours >= 0, or empty",
    },
    "problem.yes_no": {
        "da": "ja/nej ('yes'/'no', 'true'/'false', 1/0) eller tom",
        "en": "yes/no (ja/nej, true/false, 1/0) or empty",
    },
    "problem.knows_self": {
        "da": "id'et på en anden kandidat (ikke personens eget)",
        "en": "the id of another candidate (not the person's own)",
    },
    "problem.knows_unknown": {
        "da": "id'et på en kandidat i denne fil",
        "en": "the id of a candidate in this file",
    },
    "problem.knows_alike": {
        "da": "id'et på en kandidat i denne fil (det ligner {alike!r}{spelled})",
        "en": "the id of a candidate in this file (it looks like {alike!r}{spelled})",
    },
    # --- the brief (loaders.py, models.py)
    "problem.brief_not_mapping": {
        "da": "en samling af nøgler (tema, faser, behov, …)",
        "en": "a mapping of keys (theme, phases, needs, ...)",
    },
    "problem.brief_keys": {
        "da": "nøgler, der er tekst (tema, faser, behov, …)",
        "en": "keys that are text (theme, phases, needs, ...)",
    },
    "problem.brief_values": {
        "da": "en netværksbeskrivelse med enkle værdier (fejl: »{why}«)",
        "en": "a brief of plain values ({why})",
    },
    "problem.pydantic_actor_type": {"da": "en af {allowed}", "en": "one of {allowed}"},
    "problem.brief_sheet": {
        "da": "et ark med navnet {sheet!r} med netværksbeskrivelsen",
        "en": "a sheet named {sheet!r} with the brief",
    },
    "problem.need_actor_type": {
        "da": "en aktørtype til et behov af typen 'actor_type' (nøgle eller dansk navn)",
        "en": "an actor type for a need of kind actor_type (key or Danish label)",
    },
    # --- writing a pool back (pool.py)
    "problem.sep": {
        "da": "',', ';' eller en tabulator (det, indlæseren læser)",
        "en": "',', ';' or a tab (what the loader reads)",
    },
    "problem.not_excel_text": {
        "da": "tekst uden kontroltegn, som Excel ikke kan gemme (skriv puljen med to_csv i stedet)",
        "en": "text without control characters, which Excel cannot store (write the pool with "
        "to_csv instead)",
    },
    # --- the arguments of the functions (_coerce.py, errors.check_seed)
    "problem.argument_one_of": {"da": "en af {choices}", "en": "one of {choices}"},
    "problem.argument_whole": {
        "da": "et helt tal fra {low} til {high}",
        "en": "a whole number from {low} to {high}",
    },
    "problem.argument_dropouts": {
        "da": "`True`, `False` eller `None`",
        "en": "True, False or None",
    },
    "problem.argument_scorer": {
        "da": "en CandidateScorer eller `None`",
        "en": "a CandidateScorer or None",
    },
    "problem.argument_member": {
        "da": "id'et på en deltager, som tekst",
        "en": "the id of a member, as text",
    },
    # --- candidates and brief together (validation.py)
    "problem.phase_unknown": {
        "da": "en fase i netværksbeskrivelsen: {phases}, eller 'alle'",
        "en": "a phase of the brief: {phases}, or all/alle",
    },
    "problem.not_in_pool": {
        "da": "id'et på en kandidat i {pool}",
        "en": "the id of a candidate in {pool}",
    },
    "problem.count_above_pool": {
        "da": "højst antallet af kandidater i {pool} ({n}) for behovet {need!r}",
        "en": "at most the number of candidates in {pool} ({n}) for the need {need!r}",
    },
    "problem.quota_column": {
        "da": "en kolonne i kandidatlisten ({columns})",
        "en": "a column of the candidates ({columns})",
    },
    "problem.quota_actor_type": {
        "da": "en aktørtype: {allowed}",
        "en": "an actor type: {allowed}",
    },
    "problem.quota_orientation": {
        "da": "'inside', 'across' eller 'outside' (se ind, på tværs, se ud)",
        "en": "inside, across or outside",
    },
    "problem.quota_yes_no": {"da": "ja eller nej ('yes'/'no')", "en": "yes or no (ja/nej)"},
}
INPUT_MESSAGES |= {f"problem.{k}": _with(_RAISE, da, en) for k, (da, en) in _LIMITS.items()}
INPUT_MESSAGES |= {f"problem.{k}": _first(_CONSISTENT, da, en) for k, (da, en) in _BRIEF.items()}
