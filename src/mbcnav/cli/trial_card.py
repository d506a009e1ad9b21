"""Text for ``mbcnav trials show``: the trial's plain-language card and the data's age."""

from __future__ import annotations

import textwrap

WIDTH = 96


def _wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def banner_lines(card: dict) -> list[str]:
    st = card["status"]
    if st["banner"]:
        return _wrap(f"CLOSED TO NEW PATIENTS ({st['words']}): {st['banner']}", "   ", "!! ")
    if st["label"]:
        return _wrap(st["label"], "   ", "Note: ")
    return []


def card_lines(card: dict) -> list[str]:
    """The card as indented text blocks (what, phase, who, involves, where, words explained)."""
    out = [f"{card['nct_id']}: {card['title']}"]
    out += banner_lines(card)
    if card["official_title"]:
        out += _wrap(f"Official title: {card['official_title']}", "  ")
    out.append("")
    out.append("What is being tested:")
    for t in card["tested"]:
        kind = f" ({t['kind']})" if t["kind"] else ""
        also = f"; also called {', '.join(t['other_names'])}" if t["other_names"] else ""
        about = f": {t['about']}" if t["about"] else ""
        out += _wrap(f"{t['name']}{kind}{also}{about}", "    ", "  - ")
    if not card["tested"]:
        out.append("  - The record does not list the treatments.")
    out += _wrap(card["phase"]["words"] or card["phase"]["label"], "  ", "  ")
    who = card["who"]
    out.append("Who it is for:")
    if who["conditions"]:
        out += _wrap(f"Conditions: {', '.join(who['conditions'])}", "    ", "  - ")
    out.append(f"  - {who['ages']}; {who['sex']}")
    for s in who["summary"]:
        out += _wrap(f"From the registry summary: {s}", "    ", "  - ")
    if card["involves"] or card["schedule"]:
        out.append("What taking part involves (where the registry says):")
        for s in card["involves"]:
            out += _wrap(s, "    ", "  - ")
        if card["schedule"]:
            out += _wrap(f"{card['schedule_intro']} {'; '.join(card['schedule'])}", "    ", "  - ")
    facts = [x for x in (card["size"], card["sponsor"] and f"run by {card['sponsor']}") if x]
    if card["dates"].get("start"):
        facts.append(f"started {card['dates']['start']}")
    if card["why_stopped"]:
        facts.append(f"why it stopped: {card['why_stopped']}")
    if facts:
        out += _wrap("; ".join(facts) + ".", "  ", "  ")
    where = ", ".join(f"{c} ({n})" for c, n in card["countries"][:6])
    out.append(f"Sites: {card['sites']}" + (f" in {where}" if where else ""))
    if card["nearest"]:
        n = card["nearest"]
        how = {"zip": ", by ZIP code", "city": ", by city"}.get(n["located_by"], "")
        place = ", ".join(x for x in (n["facility"], n["city"], n["state"]) if x)
        out.append(f"Nearest open site: {place}, {n['miles']:g} miles{how}")
    if card["contact"]:
        c = card["contact"]
        reach = ", ".join(x for x in (c["phone"], c["email"]) if x)
        out.append(f"Contact ({c['for']}): {c['name'] or 'study contact'}: {reach}")
    if card["glossary"]:
        out.append("Words explained (NCI Dictionary of Cancer Terms):")
        for g in card["glossary"]:
            out += _wrap(f"{g['term']}: {g['plain']}", "    ", "  - ")
    return out


def data_lines(store, today) -> list[str]:
    """How old the store's data is: its newest record and when it was built or synced."""
    from mbcnav.trials.snapshot import age_words

    data = getattr(store, "data", {}) or {}
    as_of = data.get("as_of") or ""
    parts = []
    if as_of:
        parts.append(f"newest record updated {as_of} ({age_words(as_of, today)})")
    if data.get("synced"):
        parts.append(f"last synced from ClinicalTrials.gov {data['synced']}")
    elif data.get("built"):
        parts.append(f"built {data['built']}; run 'mbcnav trials sync' for current statuses")
    if not parts:
        return []
    return _wrap("Data: " + "; ".join(parts) + ".", "  ")


SITE_CONTACTS_SHOWN = 10


def contact_lines(t) -> list[str]:
    """Contacts for ``trials show``: the study's central contacts, then each site's, then officials."""

    def reach(c) -> str:
        phone = c.phone + (f" ext. {c.phone_ext}" if c.phone and c.phone_ext else "")
        return ", ".join(x for x in (phone, c.email) if x)

    lines = [
        f"Contact: {c.name or 'study contact'}: {reach(c)}"
        for c in t.central_contacts
        if c.reachable
    ]
    sites = [
        f"Site contact ({', '.join(x for x in (s.facility, s.city) if x)}): {c.name or 'contact'}: {reach(c)}"
        for s in t.locations
        for c in s.contacts
        if c.reachable
    ]
    lines += sites[:SITE_CONTACTS_SHOWN]
    if len(sites) > SITE_CONTACTS_SHOWN:
        lines.append(
            f"... and {len(sites) - SITE_CONTACTS_SHOWN} more site contacts (--json lists all)."
        )
    for o in t.officials:
        what = ", ".join(x for x in (o.role_label, o.affiliation) if x)
        lines.append(f"Study lead: {o.name}" + (f" ({what})" if what else ""))
    if lines:
        lines.append("The study team can answer questions about eligibility.")
    return lines
