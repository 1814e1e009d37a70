"""The web page's sentences (``composer serve``, :mod:`composer.web`)."""

from __future__ import annotations

WEB_MESSAGES: dict[str, dict[str, str]] = {
    "web.title": {"da": "Netværkssammensætning", "en": "Network composer"},
    "web.page.kandidater": {"da": "Kandidater", "en": "Candidates"},
    "web.page.brief": {"da": "Netværksbeskrivelse", "en": "Brief"},
    "web.page.sammensaetning": {"da": "Sammensætning", "en": "Composition"},
    "web.switch_lang": {"da": "English", "en": "Dansk"},
    "web.token_on": {
        "da": "Serveren er åben for andre maskiner end denne, så hver forespørgsel kræver "
        "adgangstegnet (token).",
        "en": "The server is open to other machines than this one, so every request "
        "needs the token.",
    },
    "web.token_needed": {
        "da": "Denne server kræver et adgangstegn (token). Spørg den, der startede den.",
        "en": "This server needs a token. Ask whoever started it.",
    },
    "web.token": {"da": "Adgangstegn", "en": "Token"},
    "web.token_go": {"da": "Fortsæt", "en": "Continue"},
    "web.privacy": {
        "da": "Intet gemmes på serveren: kandidaterne og briefen ligger kun i denne side "
        "og forsvinder, når du lukker den.",
        "en": "Nothing is stored on the server: the candidates and the brief live only "
        "in this page and are gone when you close it.",
    },
    "web.api_link": {"da": "HTTP-API til andre værktøjer", "en": "HTTP API for other tools"},
    "web.upload_title": {"da": "Upload kandidater", "en": "Upload candidates"},
    "web.upload_help": {
        "da": "Et regneark (.xlsx) eller en CSV-fil med én række pr. person; "
        "kolonnerne er beskrevet i docs/contract.md.",
        "en": "A workbook (.xlsx) or a CSV file with one row per person; the columns "
        "are described in docs/contract.md.",
    },
    "web.file": {"da": "Fil", "en": "File"},
    "web.sheet": {"da": "Ark", "en": "Sheet"},
    "web.upload": {"da": "Upload", "en": "Upload"},
    "web.sample_title": {"da": "Eller start fra et eksempel", "en": "Or start from a sample"},
    "web.sample": {"da": "Eksempel", "en": "Sample"},
    "web.use_sample": {"da": "Brug eksemplet", "en": "Use the sample"},
    "web.pool_title": {"da": "Puljen: {n} kandidater", "en": "The pool: {n} candidates"},
    "web.to_brief": {"da": "Videre til netværksbeskrivelsen", "en": "On to the brief"},
    "web.to_compose": {"da": "Sammensæt netværket", "en": "Compose the network"},
    "web.bad_input": {
        "da": "Der er problemer i input – ret dem og prøv igen:",
        "en": "There are problems in the input – fix them and try again:",
    },
    "web.infeasible": {
        "da": "Netværksbeskrivelsen kan ikke opfyldes med denne pulje:",
        "en": "The brief cannot be met with this pool:",
    },
    "web.relax": {"da": "Det ville hjælpe at:", "en": "What would help:"},
    "web.more_problems": {
        "da": "… og {n} problemer mere.",
        "en": "… and {n} more problems.",
    },
    "web.col.source": {"da": "fil", "en": "file"},
    "web.col.row": {"da": "række", "en": "row"},
    "web.col.column": {"da": "kolonne", "en": "column"},
    "web.col.value": {"da": "værdi", "en": "value"},
    "web.col.expected": {"da": "forventet", "en": "expected"},
    "web.brief_file": {"da": "Netværksbeskrivelse som YAML", "en": "Brief as YAML"},
    "web.brief_load": {"da": "Indlæs netværksbeskrivelsen", "en": "Load the brief"},
    "web.brief_download": {
        "da": "Hent netværksbeskrivelsen som YAML",
        "en": "Download the brief as YAML",
    },
    "web.brief_ok": {
        "da": "Netværksbeskrivelsen er i orden og passer til puljen.",
        "en": "The brief is valid and fits the pool.",
    },
    "web.b.theme_legend": {"da": "Tema", "en": "Theme"},
    "web.b.theme": {"da": "Netværkstema", "en": "Theme"},
    "web.b.description": {"da": "Beskrivelse", "en": "Description"},
    "web.b.home_units": {
        "da": "Enheder der ejer temaet (adskil med ;)",
        "en": "Units that own the theme (separate with ;)",
    },
    "web.b.period_months": {"da": "Varighed i måneder", "en": "Length in months"},
    "web.b.meetings_legend": {"da": "Møder og faser", "en": "Meetings and phases"},
    "web.b.meetings_count": {"da": "Antal møder", "en": "Number of meetings"},
    "web.b.meetings_hours": {"da": "Timer pr. møde", "en": "Hours per meeting"},
    "web.b.phase_name": {"da": "Fase", "en": "Phase"},
    "web.b.phase_meetings": {"da": "Møder (f.eks. 1, 2)", "en": "Meetings (e.g. 1, 2)"},
    "web.b.needs_legend": {"da": "Behov", "en": "Needs"},
    "web.b.needs_help": {
        "da": "Hvad netværket skal dække. Vægt: hvor vigtigt (1 = normalt); antal: hvor "
        "mange der skal dække det; faser: hvor det tæller (tom = alle, adskil med ;).",
        "en": "What the network must cover. Weight: how important (1 = normal); count: "
        "how many should cover it; phases: where it counts (empty = all, separate with ;).",
    },
    "web.b.need_name": {"da": "Behov", "en": "Need"},
    "web.b.need_kind": {"da": "Slags", "en": "Kind"},
    "web.b.need_weight": {"da": "Vægt", "en": "Weight"},
    "web.b.need_count": {"da": "Antal", "en": "Count"},
    "web.b.need_phases": {"da": "Faser", "en": "Phases"},
    "web.b.sizes_legend": {"da": "Størrelser", "en": "Sizes"},
    "web.b.core_min": {"da": "Kerne mindst", "en": "Core at least"},
    "web.b.core_max": {"da": "Kerne højst", "en": "Core at most"},
    "web.b.per_phase_max": {
        "da": "Løbende deltagere højst pr. fase",
        "en": "Phase participants at most per phase",
    },
    "web.b.total_max": {
        "da": "Løbende deltagere højst i alt",
        "en": "Phase participants at most in all",
    },
    "web.b.quotas_legend": {"da": "Kvoter", "en": "Quotas"},
    "web.b.quotas_help": {
        "da": "Kolonne og værdi, f.eks. `actor_type = citizen` eller `gender = mand`; "
        "omfang: `network` (alle), `core` (kernen) eller et fasenavn.",
        "en": "Column and value, e.g. actor_type = citizen or gender = mand; scope: "
        "network (everyone), core, or a phase name.",
    },
    "web.b.quota_column": {"da": "Kolonne", "en": "Column"},
    "web.b.quota_value": {"da": "Værdi", "en": "Value"},
    "web.b.quota_min": {"da": "Mindst", "en": "At least"},
    "web.b.quota_max": {"da": "Højst", "en": "At most"},
    "web.b.quota_scope": {"da": "Omfang", "en": "Scope"},
    "web.b.people_legend": {"da": "Bestemte personer", "en": "Particular people"},
    "web.b.include": {
        "da": "Skal med (id'er, adskil med ;)",
        "en": "Must be in (ids, separate with ;)",
    },
    "web.b.exclude": {"da": "Må ikke med (id'er)", "en": "Must not be in (ids)"},
    "web.b.co_drivers": {
        "da": "Co-drivere (id'er, højst to)",
        "en": "Co-drivers (ids, at most two)",
    },
    "web.b.options_legend": {"da": "Rækkevidde og robusthed", "en": "Reach and resilience"},
    "web.b.reach_by": {"da": "Foretræk rækkevidde i", "en": "Prefer reach into"},
    "web.b.reach_weight": {"da": "Vægt pr. enhed", "en": "Weight of each one"},
    "web.b.resilience": {
        "da": "Robusthed: tål at den mest uundværlige melder fra",
        "en": "Resilience: withstand the most indispensable member dropping out",
    },
    "web.reach.none": {"da": "ingen", "en": "none"},
    "web.reach.unit": {"da": "enheder", "en": "units"},
    "web.reach.organisation": {"da": "organisationer", "en": "organisations"},
    "web.more_rows": {"da": "Flere rækker", "en": "More rows"},
    "web.working": {
        "da": "Arbejder … store puljer kan tage et par minutter.",
        "en": "Working … large pools can take a few minutes.",
    },
    "web.compose_help": {
        "da": "Netværket sammensættes ud fra puljen og briefen.",
        "en": "The network is composed from the pool and the brief.",
    },
    "web.changed": {"da": "Hvad ændrede sig", "en": "What changed"},
    "web.s.core": {"da": "Kernedeltagere", "en": "Core participants"},
    "web.s.phase": {"da": "Løbende deltagere", "en": "Phase participants"},
    "web.s.objective": {"da": "Dækningsmål", "en": "Coverage objective"},
    "web.s.hours": {"da": "Persontimer", "en": "Person-hours"},
    "web.s.gaps": {"da": "Huller", "en": "Gaps"},
    "web.s.method": {"da": "Metode", "en": "Method"},
    "web.dl.xlsx": {"da": "Hent regneark (xlsx)", "en": "Download workbook (xlsx)"},
    "web.dl.csv": {"da": "Hent CSV", "en": "Download CSV"},
    "web.dl.json": {"da": "Hent JSON", "en": "Download JSON"},
    "web.dl.md": {"da": "Hent rapport (Markdown)", "en": "Download report (Markdown)"},
    "web.reasons": {"da": "Begrundelse", "en": "Reasons"},
    "web.why": {"da": "Hvorfor?", "en": "Why?"},
    "web.decline": {"da": "Melder fra", "en": "Declines"},
    "web.meeting_plan": {"da": "Mødeplan", "en": "Meeting plan"},
    "web.no_gaps": {"da": "Ingen huller.", "en": "No gaps."},
    "web.ties.known": {
        "da": "Par der kender hinanden i forvejen: {n}",
        "en": "Pairs who already know each other: {n}",
    },
    "web.ties.reach": {
        "da": "Netværket når {units} enheder og {orgs} organisationer.",
        "en": "The network reaches {units} units and {orgs} organisations.",
    },
    "web.ties.new": {
        "da": "Nye forbindelser på tværs af enheder: {n}",
        "en": "New ties across units: {n}",
    },
    "web.fragile": {
        "da": "uden personen falder dækningsmålet med {loss} ({needs}), og ingen i "
        "puljen kan genoprette det.",
        "en": "without them the coverage objective drops by {loss} ({needs}), and no one "
        "in the pool restores it.",
    },
    "web.no_dropouts": {
        "da": "Ikke beregnet for så stor en pulje.",
        "en": "Not computed for a pool this large.",
    },
    "web.pictures": {"da": "Billeder", "en": "Pictures"},
    "web.alt.network": {
        "da": "Netværket: deltagere, de behov de dækker, og hvem der kender hvem",
        "en": "The network: members, the needs they cover, and who knows whom",
    },
    "web.alt.coverage": {
        "da": "Dækning pr. fase: deltagere × behov, huller markeret med rødt",
        "en": "Coverage per phase: members × needs, gaps framed in red",
    },
    "web.alternatives": {"da": "Alternativer", "en": "Alternatives"},
    "web.alternatives_help": {
        "da": "Op til tre gode sammensætninger, hvis kerner adskiller sig med mindst to "
        "personer; nye navne er markeret.",
        "en": "Up to three good compositions whose cores differ by at least two people; "
        "new names are marked.",
    },
    "web.show_alternatives": {"da": "Vis alternativer", "en": "Show alternatives"},
    "web.alternative": {"da": "Alternativ {n}", "en": "Alternative {n}"},
    "web.whatif": {"da": "Hvad nu hvis", "en": "What if"},
    "web.whatif_help": {
        "da": "Skriv en anden vægt, kernestørrelse eller kvote (tomme felter er uændrede), "
        "og se forskellen.",
        "en": "Enter another weight, core size or quota (empty fields stay as they are) "
        "and see the difference.",
    },
    "web.run_whatif": {"da": "Sammensæt igen og sammenlign", "en": "Recompose and compare"},
    "web.whatif_result": {
        "da": "Forskel fra den nuværende",
        "en": "Difference from the current one",
    },
    "web.diff.joined": {"da": "Kommer med", "en": "Joined"},
    "web.diff.left": {"da": "Går ud", "en": "Left"},
    "web.diff.moved": {"da": "Ny rolle eller nye faser", "en": "New role or phases"},
    "web.docs_intro": {
        "da": "Hvert endpoint tager JSON (kandidater som poster, briefen som objekt) "
        "eller en multipart-formular med filerne, og svarer som kommandolinjens "
        "--format json. Den fulde beskrivelse:",
        "en": "Every endpoint takes JSON (candidates as records, the brief as an object) "
        "or a multipart form with the files, and answers as the command line's "
        "--format json. The full description:",
    },
    "web.docs_field": {"da": "felt", "en": "field"},
    "web.docs_required": {"da": "krævet", "en": "required"},
    "web.docs_what": {"da": "hvad", "en": "what"},
}
