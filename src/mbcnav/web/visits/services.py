"""The visit guide for the web: keep the person's question list in step with the guide engine.

Other apps add questions with ``add_question`` (e.g. the trial finder's "questions to ask about
this trial").
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Max

from mbcnav.guide import visit_guide
from mbcnav.web.record import services as record

from .models import VisitQuestion


def current(owner):
    return VisitQuestion.objects.filter(owner=owner, archived_at__isnull=True, dismissed=False)


def _next_position(owner) -> int:
    return (current(owner).aggregate(m=Max("position"))["m"] or 0) + 1


def refresh(owner, today: date) -> int:
    """Add the engine's questions that are not on the list yet (nor dismissed); returns how many."""
    from mbcnav.web.reminders.services import skipped_for_guide

    patient = record.patient_for(owner, today=today)
    result = visit_guide(patient, today, skipped=skipped_for_guide(owner, today))
    known = {
        row.rule: row
        for row in VisitQuestion.objects.filter(owner=owner, archived_at__isnull=True).exclude(
            rule=""
        )
    }
    added = 0
    with transaction.atomic():
        position = _next_position(owner)
        for q in result.questions:
            row = known.get(q.rule)
            if row is not None:
                # the record moved on ("3 treatments" -> "4"): refresh words not yet asked
                if (row.text, row.why) != (q.text, q.why) and not (row.ticked or row.answer):
                    row.text, row.why = q.text, q.why
                    row.save(update_fields=["text", "why"])
                continue
            VisitQuestion.objects.create(
                owner=owner,
                text=q.text,
                topic=q.topic,
                why=q.why,
                article=q.article or "",
                rule=q.rule,
                sources=[s.to_dict() for s in q.sources],
                position=position,
            )
            position += 1
            added += 1
    return added


def add_question(
    owner, text: str, topic: str = "", why: str = "", article: str = "", rule: str = ""
) -> VisitQuestion:
    """Add one question at the end of the list (own questions have no rule)."""
    if rule and current(owner).filter(rule=rule).exists():
        return current(owner).get(rule=rule)
    return VisitQuestion.objects.create(
        owner=owner,
        text=text.strip(),
        topic=topic,
        why=why,
        article=article,
        rule=rule,
        position=_next_position(owner),
    )


def move(owner, question_id: int, step: int) -> None:
    """Move a question up (-1) or down (+1) by swapping with its neighbour."""
    items = list(current(owner))
    index = next((i for i, q in enumerate(items) if q.pk == question_id), None)
    if index is None or not 0 <= index + step < len(items):
        return
    items[index], items[index + step] = items[index + step], items[index]
    with transaction.atomic():
        for pos, q in enumerate(items, start=1):
            if q.position != pos:
                q.position = pos
                q.save(update_fields=["position"])


def finish_visit(owner, when) -> int:
    """Archive the current list (answers kept as history); the next refresh starts a new one."""
    return current(owner).update(archived_at=when)
