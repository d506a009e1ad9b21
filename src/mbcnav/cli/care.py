"""``mbcnav care``: cancer centers near a ZIP code and support organizations (offline)."""

from __future__ import annotations

import click

from mbcnav.care import CATEGORIES, nearest_centers, normalise_zip, organizations

from .options import echo_json, json_option


def _center_json(hit) -> dict:
    c = hit.center
    return {
        "id": c.id,
        "name": c.name,
        "city": c.city,
        "state": c.state,
        "zip": c.zip,
        "miles": hit.miles,
        "designation": c.designation,
        "website": c.website,
        "phone": c.phone,
        "source": {"publisher": c.source.publisher, "title": c.source.title, "url": c.source.url},
    }


def _org_json(org) -> dict:
    return {
        "id": org.id,
        "name": org.name,
        "categories": list(org.categories),
        "website": org.website,
        "phone": org.phone,
        "description": org.description,
        "source": {
            "publisher": org.source.publisher,
            "title": org.source.title,
            "url": org.source.url,
        },
    }


def _org_line(org) -> str:
    phone = f", {org.phone}" if org.phone else ""
    return f"  {org.name} ({', '.join(org.categories)}){phone}\n    {org.website}"


def _study_lines(path: str | None):
    """The study lines of the trial store (None, with a note, when the default store cannot be
    read: the centers are still listed; a --store that cannot be read is an error)."""
    from mbcnav.trials.errors import TrialsError

    from .study_lines import StudyLines
    from .trials import open_store

    try:
        return StudyLines(open_store(path))
    except TrialsError as err:
        if path:
            raise
        click.echo(f"Study phone lines are not shown: {err}", err=True)
        return None


category_option = click.option(
    "--category",
    type=click.Choice(CATEGORIES),
    default=None,
    help="Only organizations in this category.",
)


@click.group("care")
def command() -> None:
    """Cancer centers near you and support organizations (no internet needed)."""


@command.command("find")
@click.argument("zip_code", metavar="ZIP")
@click.option(
    "--within-miles",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    help="Only centers within this many miles (straight-line distance).",
)
@click.option(
    "--top",
    "limit",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="How many centers to list at most.",
)
@category_option
@click.option(
    "--store",
    type=click.Path(dir_okay=False),
    default=None,
    help="The trial store whose ClinicalTrials.gov records give study phone lines (default: the synced copy in the user data folder if there is one, else the bundled snapshot).",
)
@json_option
def find(
    zip_code: str,
    within_miles: float | None,
    limit: int,
    category: str | None,
    store: str | None,
    as_json: bool,
) -> None:
    """NCI-designated cancer centers nearest to ZIP (closest first), with phone lines.

    Besides a center's main line, lists the study lines ClinicalTrials.gov records give for
    its sites, each with its source (record, address, last update, where it was read).

    With --category, also lists the support organizations in that category (they serve
    the whole country). --json prints {"zip", "within_miles", "centers": [{id, name, city,
    state, zip, miles, designation, website, phone, source, main_line_also_in, study_lines:
    [{phone, ext, tel, facility, contact, source: {publisher, nct_id, url, last_update,
    read}}]}], "organizations": [...]}.
    """
    hits = nearest_centers(zip_code, within_miles=within_miles, limit=limit)
    orgs = organizations(category) if category else []
    lines = _study_lines(store) if hits else None
    if as_json:
        echo_json(
            {
                "zip": normalise_zip(zip_code),
                "within_miles": within_miles,
                "centers": [
                    {**_center_json(h), **(lines.as_json(h.center) if lines else {})} for h in hits
                ],
                "organizations": [_org_json(o) for o in orgs],
            }
        )
        return
    if hits:
        click.echo(f"NCI-designated cancer centers nearest to {zip_code} (straight-line miles):")
        for h in hits:
            c = h.center
            phone = f", {c.phone}" if c.phone else ""
            click.echo(
                f"  {h.miles:>6.1f}  {c.name}, {c.city}, {c.state} ({c.designation}){phone}\n          {c.website}"
            )
            for line in lines.lines(c) if lines else []:
                click.echo(line)
    else:
        click.echo(
            f"No NCI-designated cancer center within {within_miles:g} miles of {zip_code}; try a larger distance."
        )
    if orgs:
        click.echo(f"\nOrganizations that help with {category}:")
        for org in orgs:
            click.echo(_org_line(org))


@command.command("orgs")
@category_option
@json_option
def orgs(category: str | None, as_json: bool) -> None:
    """Support organizations for people with metastatic breast cancer.

    --json prints {"organizations": [{id, name, categories, website, phone, description, source}]}.
    """
    found = organizations(category)
    if as_json:
        echo_json({"organizations": [_org_json(o) for o in found]})
        return
    for org in found:
        click.echo(_org_line(org))
