"""``mbcnav trials``: match, judge, rank, show, sync (docs/cli.md)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from mbcnav.cli.options import date_option, echo_json, json_option, load_patient, today
from mbcnav.trials.errors import TrialsError


def open_store(path: str | None):
    """The given store; else the user's synced copy when there is one; else the bundled snapshot."""
    from mbcnav.trials.snapshot import open_snapshot
    from mbcnav.trials.store import JsonStore, default_store_path

    if path:
        return JsonStore.open(path)
    synced = default_store_path()
    return JsonStore.open(synced) if synced.exists() else open_snapshot()


def _read_jsonl(path: str, what: str) -> list[dict]:
    rows = []
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except OSError as err:
        raise TrialsError(f"Cannot read {what} file '{path}' ({err.strerror}).") from err
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as err:
            raise TrialsError(
                f"Line {i} of '{path}' is not valid JSON; each line must be one JSON object."
            ) from err
        if not isinstance(row, dict):
            raise TrialsError(f"Line {i} of '{path}' is not a JSON object.")
        rows.append(row)
    return rows


@click.group("trials")
def command() -> None:
    """Find clinical trials and explain every eligibility criterion."""


@command.command("match")
@click.argument("patient_file", type=click.Path(dir_okay=False))
@json_option
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="How many trials to show.",
)
@click.option(
    "--within-miles",
    type=click.FloatRange(min=0),
    default=None,
    help="Only trials with an open site this close.",
)
@date_option
@click.option(
    "--store",
    type=click.Path(dir_okay=False),
    default=None,
    help="A trial store file (default: the synced copy in the user data folder if there is one, else the bundled snapshot).",
)
def match_cmd(patient_file, as_json, top, within_miles, as_of, store):
    """Rank the trials in the local store for the person in PATIENT_FILE.

    Trials are grouped (you may be able to join / might fit / ruled out / another situation);
    trials closed to new patients are left out (counted in --json as closed_not_shown; 'trials
    show NCT...' still finds them). A site without a map point in its record is placed by its
    ZIP code or city (said in the text; nearest_site.located_by is "site", "zip" or "city").
    """
    from mbcnav.trials.facts import from_patient
    from mbcnav.trials.geo import nearest_site, zip_point
    from mbcnav.trials.groups import LABELS, ORDER, status_words
    from mbcnav.trials.markup import one_line
    from mbcnav.trials.rank import rank

    patient = load_patient(patient_file)
    facts = from_patient(patient, today(as_of))
    s = open_store(store)
    trials = s.trials()
    parses = {t.nct_id: s.parse(t.nct_id) for t in trials}
    missing = [t for t in trials if parses[t.nct_id] is None]
    if missing:
        from mbcnav.trials.parse import parse_trials

        parses.update({p["nct_id"]: p for p in parse_trials(missing)})
    point = zip_point(facts.zip) if facts.zip else None
    if within_miles is not None and point is None:
        raise TrialsError(
            "--within-miles needs a postal_code in the patient file; add a US ZIP code such as 60611."
        )
    ranked = rank(trials, parses, facts)
    # closed trials are never offered as trials to join; 'trials show' finds them
    closed = sum(1 for r in ranked if r.group == "closed")
    out = []
    for r in ranked:
        group = r.group
        if group == "closed":
            continue
        site = nearest_site(r.trial, point) if point else None
        if within_miles is not None and (site is None or site["miles"] > within_miles):
            continue
        out.append(
            {
                "nct_id": r.trial.nct_id,
                "title": r.trial.title,
                "score": r.score,
                "fit": r.summary["fit"],
                "group": group,
                "status": r.trial.status,
                "nearest_site": site,
                "criteria": [
                    {"kind": c["kind"], "text": c["text"], "verdict": c["verdict"], "why": c["why"]}
                    for c in r.result["criteria"]
                ],
            }
        )
        if len(out) >= top:
            break
    order = {k: i for i, k in enumerate(ORDER)}
    out.sort(key=lambda t: order[t["group"]])  # stable: the ranking's order within a group
    if as_json:
        echo_json({"trials": out, "closed_not_shown": closed})
        return
    if not out:
        click.echo("No trial in the store matches these limits.")
    for i, t in enumerate(out, 1):
        where = ""
        if t["nearest_site"]:
            site = t["nearest_site"]
            how = {"zip": ", by ZIP code", "city": ", by city"}.get(site.get("located_by"), "")
            where = f", nearest site {site['miles']:g} miles ({site['city']}{how})"
        label = LABELS[t["group"]]
        note = "" if t["status"] == "RECRUITING" else f" ({status_words(t['status'])})"
        click.echo(f"{i}. {t['nct_id']}  {label}{note}{where}\n   {one_line(t['title'])}")
        counts = {
            v: sum(1 for c in t["criteria"] if c["verdict"] == v)
            for v in ("met", "not met", "unknown")
        }
        click.echo(
            f"   criteria: {counts['met']} met, {counts['not met']} not met, {counts['unknown']} unknown"
        )
        for c in t["criteria"]:
            if c["verdict"] == "not met":
                click.echo(f"   - not met: {one_line(c['text'], 100)} ({c['why']})")
    if closed:
        click.echo(
            f"{closed} trials closed to new patients are not listed; "
            "'mbcnav trials show NCT...' still shows any of them."
        )


@command.command("judge")
@click.option(
    "--input", "input_path", required=True, type=click.Path(dir_okay=False), help="ROWS.jsonl"
)
@click.option(
    "--output",
    "output_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="LABELS.jsonl (default: stdout)",
)
def judge_cmd(input_path, output_path):
    """Label criterion rows {"id","note","kind","criterion"} with TrialGPT labels."""
    from mbcnav.trials.judge import judge

    rows = _read_jsonl(input_path, "input")
    lines = []
    for i, r in enumerate(rows, 1):
        for key in ("id", "note", "kind", "criterion"):
            if key not in r:
                raise TrialsError(
                    f"Row {i} of '{input_path}' has no '{key}'; each row needs id, note, kind and criterion."
                )
        if r["kind"] not in ("inclusion", "exclusion"):
            raise TrialsError(
                f"Row {i} of '{input_path}' has kind '{r['kind']}'; allowed: inclusion, exclusion."
            )
        lines.append(
            json.dumps({"id": r["id"], "label": judge(r["note"], r["kind"], r["criterion"])})
        )
    _write(output_path, lines)


def _write(path: str | None, lines: list[str]) -> None:
    text = "\n".join(lines) + ("\n" if lines else "")
    if path:
        try:
            Path(path).write_text(text, "utf-8")
        except OSError as err:
            raise TrialsError(f"Cannot write '{path}' ({err.strerror}).") from err
    else:
        click.echo(text, nl=False)


@command.command("rank")
@click.option(
    "--queries", required=True, type=click.Path(dir_okay=False), help="QUERIES.jsonl ({_id, text})"
)
@click.option(
    "--trials", "trials_path", required=True, type=click.Path(dir_okay=False), help="TRIALS.jsonl"
)
@click.option(
    "--run",
    "run_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="RUN.tsv (default: stdout)",
)
def rank_cmd(queries, trials_path, run_path):
    """Write a TREC run ranking the given trials for each free-text query."""
    from mbcnav.trials.record import from_trialgpt
    from mbcnav.trials.trec import rank_run

    qs = _read_jsonl(queries, "queries")
    for i, q in enumerate(qs, 1):
        if "_id" not in q or "text" not in q:
            raise TrialsError(f"Query line {i} of '{queries}' needs '_id' and 'text'.")
    trials = [from_trialgpt(r) for r in _read_jsonl(trials_path, "trials")]
    if not trials:
        raise TrialsError(f"The trials file '{trials_path}' holds no trial.")
    _write(run_path, rank_run(qs, trials))


@command.command("show")
@click.argument("nct_id")
@json_option
@click.option(
    "--store",
    type=click.Path(dir_okay=False),
    default=None,
    help="A trial store file (default: the synced copy in the user data folder if there is one, else the bundled snapshot).",
)
@click.option(
    "--zip",
    "zip_code",
    default=None,
    help="A US ZIP code: show the nearest open site and its distance.",
)
@date_option
def show_cmd(nct_id, as_json, store, zip_code, as_of):
    """Show one trial from the local store: a plain-language card, a banner when it is closed,
    its contacts and its parsed criteria. Closed trials are found by NCT id but never offered
    as trials to join."""
    from mbcnav.trials.card import card
    from mbcnav.trials.geo import zip_point

    from .trial_card import card_lines, contact_lines, data_lines

    s = open_store(store)
    t = s.get(nct_id)
    if t is None:
        raise TrialsError(
            f"Trial '{nct_id}' is not in the local store; run 'mbcnav trials sync' or check the NCT id."
        )
    parse = s.parse(t.nct_id)
    if parse is None:
        from mbcnav.trials.parse import parse_trial

        parse = parse_trial(t)
    c = card(t, zip_point(zip_code) if zip_code else None)
    if as_json:
        data = getattr(s, "data", {})
        echo_json(
            {
                "trial": t.to_dict(),
                "card": c,
                "data": {k: data.get(k, "") for k in ("as_of", "built", "synced")},
                "population": parse.get("population"),
                "criteria": parse["criteria"],
            }
        )
        return
    for line in card_lines(c):
        click.echo(line)
    click.echo(
        f"\n{c['status']['words']} · {c['phase']['label']} · record updated {t.last_update or '?'}"
    )
    for line in data_lines(s, today(as_of)):
        click.echo(line)
    for line in contact_lines(t):
        click.echo(line)
    from mbcnav.trials.structure import criterion_lines, population_line

    click.echo("\n" + population_line(parse))
    for kind in ("inclusion", "exclusion"):
        click.echo(f"\n{kind.capitalize()} criteria:")
        for line in criterion_lines(parse, kind):
            click.echo(line)


@command.command("sync")
@click.option(
    "--store",
    type=click.Path(dir_okay=False),
    default=None,
    help="Trial store file (default: the user data folder).",
)
@click.option("--cond", default="breast cancer", show_default=True, help="query.cond")
@click.option("--term", default="metastatic OR advanced", show_default=True, help="query.term")
@click.option(
    "--max-pages",
    type=click.IntRange(min=1),
    default=None,
    help="Stop after this many pages of 100.",
)
@click.option(
    "--database",
    is_flag=True,
    help="Update the web app's database (DATABASE_URL / the data folder) instead of a store file.",
)
@click.option(
    "--api-url",
    default=None,
    help="ClinicalTrials.gov API v2 base address (default: the public API; for mirrors and tests).",
)
def sync_cmd(store, cond, term, max_pages, database, api_url):
    """Fetch recruiting trials from ClinicalTrials.gov; only new or updated ones are parsed.

    Without --store the first sync starts from a copy of the bundled snapshot in the user data
    folder ($MBCNAV_DATA), which match and show then use. The trials already held are asked
    for too, so a trial that closed since is shown as closed."""
    from mbcnav.trials.client import CtgovClient
    from mbcnav.trials.store import JsonStore, default_store_path
    from mbcnav.trials.sync import sync

    query = {"cond": cond, "term": term, "status": ["RECRUITING", "NOT_YET_RECRUITING"]}
    if database:
        from .options import setup_django

        setup_django()
        from mbcnav.web.trials.services import sync_database

        with (
            CtgovClient(**({"base_url": api_url} if api_url else {})) as client,
            click.progressbar(length=(max_pages or 20) * 100, label="Fetching trials") as bar,
        ):
            counts = sync_database(
                client=client, query=query, max_pages=max_pages, progress=bar.update
            )
        click.echo(
            f"{counts['fetched']} fetched: {counts['added']} new, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged -> the database"
        )
        return
    path = Path(store) if store else default_store_path()
    if not store and not path.exists():  # the first sync refreshes a copy of the bundled snapshot
        from mbcnav.trials.snapshot import open_snapshot

        s = JsonStore(path, open_snapshot().data)
        click.echo(f"Starting from the bundled snapshot ({len(s.trials())} trials).")
    else:
        s = JsonStore.open(path, create=True)
    with (
        CtgovClient(**({"base_url": api_url} if api_url else {})) as client,
        click.progressbar(length=(max_pages or 20) * 100, label="Fetching trials") as bar,
    ):
        counts = sync(s, client, query, max_pages=max_pages, progress=bar.update)
    click.echo(
        f"{counts['fetched']} fetched: {counts['added']} new, {counts['updated']} updated, "
        f"{counts['unchanged']} unchanged -> {path}"
    )
