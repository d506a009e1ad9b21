from django import template

register = template.Library()


@register.filter
def status_label(value: str) -> str:
    """'ACTIVE_NOT_RECRUITING' or 'Active, not recruiting' -> 'Active, not recruiting'."""
    from mbcnav.trials.groups import status_words

    return status_words(value) if value else ""


@register.filter
def group_label(value: str) -> str:
    """A group key of ``trials.groups.ORDER`` -> its heading ('join' -> 'You may be able to join')."""
    from mbcnav.trials.groups import LABELS

    return LABELS.get(str(value), str(value))


@register.filter
def registry_text(value: str) -> str:
    """Registry markdown as plain text: escapes (\\<), bullets, enum words (NOT_APPLICABLE)."""
    from mbcnav.trials.markup import plain_text

    return plain_text(str(value or ""))


@register.filter
def registry_line(value: str) -> str:
    """``registry_text`` on one line."""
    from mbcnav.trials.markup import one_line

    return one_line(str(value or ""))
