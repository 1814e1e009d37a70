"""Sentences of the command line: help texts, the pool summary, validate, and the errors
the command line itself reports. Merged into :data:`composer.messages.MESSAGES`."""

from __future__ import annotations

__all__ = ["ARGPARSE", "CLI_MESSAGES", "CLI_WORDS", "METAVARS"]

CLI_MESSAGES: dict[str, dict[str, str]] = {
    # --- composer thesaurus lookup
    "thesaurus.found": {
        "da": "'{word}' (nøgle '{key}') er etiket for {concepts}.",
        "en": "'{word}' (key '{key}') is a label of {concepts}.",
    },
    "thesaurus.word": {
        "da": "  '{text}': grundform '{base}'",
        "en": "  '{text}': lemma '{base}'",
    },
    "thesaurus.compound": {
        "da": "  '{text}': sammensat af '{modifier}' + '{head}' (efterleddet bestemmer, hvad ordet er)",
        "en": "  '{text}': a compound of '{modifier}' + '{head}' (the last part says what it is)",
    },
    "thesaurus.concept": {
        "da": "{concept}: etiketten '{label}' ({lang})",
        "en": "{concept}: label '{label}' ({lang})",
    },
    "thesaurus.da": {"da": "  danske etiketter: {items}", "en": "  Danish labels: {items}"},
    "thesaurus.en": {"da": "  engelske etiketter: {items}", "en": "  English labels: {items}"},
    "thesaurus.broader": {
        "da": "  bredere (dækker delvist, 0,5): {items}",
        "en": "  broader (covers partly, 0.5): {items}",
    },
    "thesaurus.narrower": {
        "da": "  snævrere (dækker, 0,9): {items}",
        "en": "  narrower (covers, 0.9): {items}",
    },
    "thesaurus.related": {
        "da": "  beslægtede (dækker delvist, 0,5): {items}",
        "en": "  related (covers partly, 0.5): {items}",
    },
    "thesaurus.outside": {
        "da": "  '{part}' lægger '{text}' uden for det kommunale arbejde ({name}): dækker intet",
        "en": "  '{part}' puts '{text}' outside municipal work ({name}): covers nothing",
    },
    "thesaurus.outside_inside": {
        "da": "    undtagen for behov under: {items}",
        "en": "    except for needs under: {items}",
    },
    # --- help texts (one per command and argument)
    "help.description": {
        "da": "Anbefaler, hvem der skal sidde i et kommunalt udviklingsnetværk.",
        "en": "Recommends who should sit in a municipal development network (netværk).",
    },
    "help.epilog": {
        "da": "Afslutningskoder: 0 færdig, 2 fejl i input, 3 netværksbeskrivelsen kan ikke "
        "opfyldes, 1 en programfejl. Inputformatet: docs/contract.md eller "
        "`composer schema candidates|brief`. Hjælp på engelsk: --lang en --help.",
        "en": "Exit codes: 0 done, 2 bad input, 3 the brief cannot be met, 1 a bug. "
        "The input contract: docs/contract.md, or `composer schema candidates|brief`. "
        "Help in Danish: --lang da --help.",
    },
    "help.version": {"da": "vis versionen", "en": "print the version"},
    "help.validate": {
        "da": "tjek kandidatlisten (og at den passer til en netværksbeskrivelse)",
        "en": "check the candidates (and that they fit a brief)",
    },
    "help.summary": {
        "da": "hvem er i puljen: aktørtyper, perspektiv, faser",
        "en": "who is in the pool: actor types, orientation, phases",
    },
    "help.score": {
        "da": "vurdér hver kandidat ud fra netværksbeskrivelsen, med begrundelser",
        "en": "score every candidate against the brief, with reasons",
    },
    "help.compose": {
        "da": "sammensæt et netværk: kernedeltagere, deltagere som inddrages løbende, huller",
        "en": "compose a network: core, phase participants, gaps",
    },
    "help.replace": {
        "da": "en deltager har meldt fra: behold de andre, genbesæt pladsen",
        "en": "a member declined: keep the others, fill the seat",
    },
    "help.schema": {
        "da": "skriv JSON Schema for et input eller for resultatet",
        "en": "print the JSON Schema of an input or of the result",
    },
    "cli.serve_extra": {
        "da": "composer serve kræver web-tilføjelsen: pip install 'netvaerk-composer[web]'",
        "en": "composer serve needs the web extra: pip install 'netvaerk-composer[web]'",
    },
    "cli.serve_token": {
        "da": "--host {host} åbner serveren for andre maskiner: angiv --token TOKEN (eller "
        "sæt COMPOSER_TOKEN), så hver forespørgsel skal bære den",
        "en": "--host {host} opens the server to other machines: give --token TOKEN (or set "
        "COMPOSER_TOKEN) so that every request must carry it",
    },
    "cli.serving": {
        "da": "composer: serverer på {url} (Ctrl+C stopper)",
        "en": "composer: serving on {url} (Ctrl+C stops)",
    },
    "help.thesaurus": {
        "da": "hvad et ord matcher i dækningens tesaurus, og hvorfor",
        "en": "what a word matches in the coverage thesaurus, and why",
    },
    "help.thesaurus_action": {
        "da": "lookup: de begreber, ordet er etiket for",
        "en": "lookup: the concepts a word is a label of",
    },
    "help.thesaurus_word": {
        "da": "et ord eller en frase, i enhver bøjning",
        "en": "a word or phrase, in any inflection",
    },
    "help.thesaurus_file": {
        "da": "en tesaurusfil, der udvider den indbyggede",
        "en": "a thesaurus file that extends the built-in one",
    },
    "help.lottery": {
        "da": "en retfærdig lodtrækning blandt lige så gode netværk (LEXIMIN)",
        "en": "a fair lottery among near-optimal networks (LEXIMIN)",
    },
    "help.lottery_seed": {
        "da": "lodtrækningens seed (standard 0)",
        "en": "the draw's seed (default 0)",
    },
    "help.epsilon": {
        "da": "hvor langt under den bedste dækning et netværk må ligge (standard: modellens "
        "tolerance)",
        "en": "how far below the best coverage a network may be (default: the model's tolerance)",
    },
    "help.verify": {
        "da": "træk igen af en offentliggjort lodtrækningstabel (lottery --format json)",
        "en": "draw again from a published lottery table (lottery --format json)",
    },
    "help.verify_table": {"da": "lodtrækningen som JSON", "en": "the lottery as JSON"},
    "help.verify_seed": {"da": "det seed, der trækkes med", "en": "the seed to draw with"},
    "cli.epsilon": {
        "da": "forventede et tal >= 0, fik {value}",
        "en": "expected a number >= 0, got {value}",
    },
    "cli.verified": {
        "da": "seed {seed}, SHA-256 {hash}\nlod {ticket}, række {row}\nkerne: {core}\n"
        "faser: {phases}",
        "en": "seed {seed}, SHA-256 {hash}\nticket {ticket}, row {row}\ncore: {core}\n"
        "phases: {phases}",
    },
    "help.serve": {
        "da": "websiden for netværksledere og HTTP-API'et (kræver web-tilføjelsen)",
        "en": "the web page for network leaders and the HTTP API (needs the web extra)",
    },
    "help.serve_host": {
        "da": "adressen, der lyttes på (standard 127.0.0.1)",
        "en": "address to listen on (default 127.0.0.1)",
    },
    "help.serve_port": {"da": "port (standard 8000)", "en": "port (default 8000)"},
    "help.serve_token": {
        "da": "hver forespørgsel skal bære den (standard: $COMPOSER_TOKEN); påkrævet, når "
        "--host ikke er en loopback-adresse",
        "en": "every request must carry it (default: $COMPOSER_TOKEN); required when --host "
        "is not a loopback address",
    },
    "help.serve_upload": {
        "da": "største upload i MB (standard 50)",
        "en": "largest upload in MB (default 50)",
    },
    "help.schema_what": {
        "da": "`brief`, `candidates` (én kandidat) eller `composition` (det, compose "
        "--format json skriver)",
        "en": "`brief`, `candidates` (one record) or `composition` (what compose --format "
        "json writes)",
    },
    "help.template": {
        "da": "skriv en tom kandidatliste (xlsx) med rullelister og et ark til "
        "netværksbeskrivelsen",
        "en": "write an empty candidate workbook (xlsx) with drop-down lists and a sheet "
        "for the brief",
    },
    "help.template_file": {
        "da": "den .xlsx-fil, der skal skrives",
        "en": "the .xlsx file to write",
    },
    "help.template_brief": {
        "da": "udfyld arket med denne netværksbeskrivelse (ellers et eksempel)",
        "en": "fill the sheet from this brief (else an example)",
    },
    "cli.template_written": {
        "da": "Skrev {file}: udfyld arkene `Kandidater` og `Brief`.",
        "en": "Wrote {file}: fill in the sheets `Kandidater` and `Brief`.",
    },
    "help.demo": {
        "da": "opsummér og sammensæt det indbyggede eksempel",
        "en": "summarise and compose the embedded sample",
    },
    "help.format": {
        "da": "hvad der skrives (standard: ud fra endelsen på --output, ellers {default})",
        "en": "what to write (default: from the --output suffix, else {default})",
    },
    "help.output": {
        "da": "skriv til FIL i stedet for standard output",
        "en": "write to FILE instead of standard output",
    },
    "help.output_file": {
        "da": "skriv til FIL i stedet for standard output (nødvendigt for xlsx og pdf)",
        "en": "write to FILE instead of standard output (needed for xlsx and pdf)",
    },
    "help.candidates": {
        "da": "kandidater: en .csv-, .xlsx- eller .json-fil, eller - for CSV/JSON fra "
        "standard input",
        "en": "candidates: .csv, .xlsx or .json file, or - for CSV/JSON on standard input",
    },
    "help.brief": {
        "da": "netværksbeskrivelsen: en .yaml-, .json- eller .xlsx-fil, eller - for standard input",
        "en": "the network's brief: .yaml, .json or .xlsx file, or - for standard input",
    },
    "help.brief_optional": {
        "da": "eventuelt netværksbeskrivelsen, for at tjekke at kandidaterne passer (- for "
        "standard input)",
        "en": "optionally the brief, to check that the candidates fit it (- for stdin)",
    },
    "help.lang": {
        "da": "sprog i rapporter, begrundelser og overskrifter (standard: "
        "netværksbeskrivelsens, ellers da)",
        "en": "language of reports, reasons and headers (default: the brief's, else da)",
    },
    "help.quiet": {
        "da": "ingen statuslinje (en vises i en terminal ved 10.000+ kandidater)",
        "en": "no progress bar (one is shown on a terminal for 10,000+ candidates)",
    },
    "help.seed": {
        "da": "startværdi (et helt tal >= 0); samme input og startværdi giver samme "
        "resultat (standard 0)",
        "en": "seed (a whole number >= 0); same input and seed, same result (default 0)",
    },
    "help.method": {
        "da": "hvordan netværket vælges: exact (MILP, bevist optimal), heuristic (store "
        "puljer; 'greedy' er dens gamle navn) eller auto (standard: exact op til 60 "
        "modellerede kandidater)",
        "en": "how the network is chosen: exact (MILP, proven optimal), heuristic (large "
        "pools; 'greedy' is its older name), or auto (default: exact up to 60 modelled "
        "candidates)",
    },
    "help.json": {"da": "det samme som --format json", "en": "the same as --format json"},
    "help.composition": {
        "da": "sammensætningen som JSON (fra compose --format json) eller som xlsx (fra "
        "compose -o netværk.xlsx), eller - for standard input",
        "en": "the composition as JSON (from compose --format json) or xlsx (from compose "
        "-o network.xlsx), or - for standard input",
    },
    "help.member": {
        "da": "id på den deltager, der har meldt fra",
        "en": "the id of the member who declined",
    },
    # --- the progress bar's labels (progress.py), by stage
    "progress.load": {"da": "indlæser", "en": "loading"},
    "progress.coverage": {"da": "dækning", "en": "coverage"},
    "progress.reasons": {"da": "begrundelser", "en": "reasons"},
    "progress.compose": {"da": "sammensætter", "en": "composing"},
    # --- validate and summary
    "cli.valid": {
        "da": "OK: {candidates} i {source}.",
        "en": "OK: {candidates} in {source}.",
    },
    "cli.valid_brief": {
        "da": "OK: {candidates} i {source} passer til netværksbeskrivelsen ({theme}).",
        "en": "OK: {candidates} in {source} fit the brief ({theme}).",
    },
    "summary.title": {
        "da": "Pulje: {candidates} fra {source}",
        "en": "Pool: {candidates} from {source}",
    },
    "summary.theme": {"da": "Tema: {theme}", "en": "Theme: {theme}"},
    "summary.by_actor": {"da": "Efter aktørtype", "en": "By actor type"},
    "summary.by_orientation": {
        "da": "Efter perspektiv (se ind, på tværs, se ud)",
        "en": "By orientation (looking in, across, out)",
    },
    "summary.by_phase": {"da": "Til rådighed pr. fase", "en": "Available per phase"},
    "summary.all_phases": {"da": "alle faser", "en": "all phases"},
    "summary.actor": {"da": "aktørtype", "en": "actor type"},
    "summary.orientation": {"da": "perspektiv", "en": "orientation"},
    "summary.phase": {"da": "fase", "en": "phase"},
    "summary.count": {"da": "antal", "en": "count"},
    "cli.scores": {"da": "Vurdering af kandidaterne", "en": "Scores"},
    # --- errors of the command line itself
    "cli.usage": {
        "da": "{prog}: fejl: {message} (se {prog} --help)",
        "en": "{prog}: error: {message} (see {prog} --help)",
    },
    "cli.seed": {
        "da": "forventede et helt tal >= 0, fik {value}",
        "en": "expected a whole number >= 0, got {value}",
    },
    "cli.needs_file": {
        "da": "--format {format} skriver en fil: tilføj --output FIL.{format}",
        "en": "--format {format} writes a file: add --output FILE.{format}",
    },
    "cli.one_stdin": {
        "da": "kun ét input kan komme fra standard input (-); angiv de andre som filer",
        "en": "only one input can come from standard input (-); give the others as files",
    },
    "problem.swapped_arguments": {
        "da": "først kandidaterne, så netværksbeskrivelsen: {first} ligner en "
        "netværksbeskrivelse og {second} en kandidatliste, så byt om på dem",
        "en": "the candidates first, then the brief: {first} looks like a brief and "
        "{second} like a candidate list, so swap them",
    },
    "cli.undecodable": {
        "da": "{name}: teksten kan ikke læses i nogen tegnkodning, composer kender; gem "
        "den som UTF-8 (i Excel: CSV UTF-8)",
        "en": "{name}: cannot read the text in any encoding composer knows; save it as "
        "UTF-8 (in Excel: CSV UTF-8)",
    },
    "cli.folder": {
        "da": "{path}: er en mappe; forventede en fil",
        "en": "{path}: is a folder, expected a file",
    },
    "cli.unreadable": {
        "da": "{path}: kan ikke læses ({why})",
        "en": "{path}: cannot read it ({why})",
    },
    "cli.unwritable": {
        "da": "{path}: kan ikke skrives ({why})",
        "en": "{path}: cannot write it ({why})",
    },
    "cli.unwritable_stream": {
        "da": "composer: kan ikke skrive til {what} ({why}); vælg et andet output, fx --output FIL",
        "en": "composer: cannot write to {what} ({why}); choose another output, e.g. --output FILE",
    },
    "cli.stdout": {"da": "standardoutput", "en": "standard output"},
    "cli.stderr": {"da": "standardfejl", "en": "standard error"},
    "cli.interrupted": {"da": "composer: afbrudt", "en": "composer: interrupted"},
    "cli.bug": {
        "da": "composer: uventet fejl ({error}); meld den venligst",
        "en": "composer: unexpected error ({error}); please report it",
    },
    "problem.not_a_member": {
        "da": "id på en deltager i sammensætningen ({ids})",
        "en": "the id of a member of the composition ({ids})",
    },
    "problem.member_not_in_pool": {
        "da": "hver deltager i sammensætningen findes i puljen",
        "en": "every member of the composition in the pool",
    },
    "problem.not_a_composition": {
        "da": "en sammensætning, som compose --format json skriver den",
        "en": "a composition as compose --format json writes it",
    },
    "cli.problems": {"da": "{problems} i input:", "en": "{problems} in the input:"},
    "cli.repeated": {
        "da": "{source}, {rows} ({first} …), kolonne {column!r}: {n} gange, f.eks. {values} – "
        "forventede {expected}",
        "en": "{source}, {rows} ({first} …), column {column!r}: {n} times, e.g. {values} – "
        "expected {expected}",
    },
    "problem.no_composition_sheet": {
        "da": "en sammensætning, som compose -o netværk.xlsx skriver den (arket {sheet})",
        "en": "a composition as compose -o network.xlsx writes it (the sheet {sheet})",
    },
}

#: argparse's own texts (its gettext message ids) in Danish; English keeps argparse's.
ARGPARSE: dict[str, dict[str, str]] = {
    "da": {
        "usage: ": "brug: ",
        "options": "tilvalg",
        "positional arguments": "argumenter",
        "show this help message and exit": "vis denne hjælp og afslut",
        "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
        "invalid choice: %(value)r (choose from %(choices)s)": "ugyldigt valg: %(value)r "
        "(vælg mellem %(choices)s)",
        "the following arguments are required: %s": "disse argumenter mangler: %s",
        "unrecognized arguments: %s": "ukendte argumenter: %s",
        "expected one argument": "forventede ét argument",
        "invalid %(type)s value: %(value)r": "ugyldig værdi: %(value)r",
        "ambiguous option: %(option)s could match %(matches)s": "tvetydigt tilvalg: "
        "%(option)s kan betyde %(matches)s",
        "not allowed with argument %s": "ikke tilladt sammen med argumentet %s",
    },
}

#: Placeholders in the help (argparse's metavar), by argument.
METAVARS: dict[str, dict[str, str]] = {
    "da": {
        "candidates": "KANDIDATER",
        "brief": "BESKRIVELSE",
        "output": "FIL",
        "composition": "SAMMENSÆTNING",
        "member": "DELTAGER",
        "command": "KOMMANDO",
        "seed": "TAL",
        "word": "ORD",
        "table": "TABEL",
    },
    "en": {
        "candidates": "CANDIDATES",
        "brief": "BRIEF",
        "output": "FILE",
        "composition": "COMPOSITION",
        "member": "MEMBER",
        "command": "COMMAND",
        "seed": "SEED",
        "word": "WORD",
        "table": "TABLE",
    },
}

CLI_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "concept": {"da": ("begreb", "begreber"), "en": ("concept", "concepts")},
    "row": {"da": ("række", "rækker"), "en": ("row", "rows")},
    "problem": {"da": ("problem", "problemer"), "en": ("problem", "problems")},
}
