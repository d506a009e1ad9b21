from django import template

register = template.Library()


@register.filter
def status_label(value: str) -> str:
    """'ACTIVE_NOT_RECRUITING' or 'Active, not recruiting' -> 'Active not recruiting'."""
    text = str(value or "").replace("_", " ").replace(",", "").strip().lower()
    return text[:1].upper() + text[1:]
