from django.conf import settings


def _group_names(user) -> set[str]:
    """The user's group names, read once per request (one query for every menu check)."""
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_mbcnav_groups"):
        user._mbcnav_groups = set(user.groups.values_list("name", flat=True))
    return user._mbcnav_groups


def site(request):
    groups = _group_names(request.user)
    return {
        "deployment_name": settings.MBCNAV_DEPLOYMENT_NAME,
        # password given, code step (or required set-up) not yet done: hide the record links
        "two_step_pending": getattr(request, "two_step_pending", False),
        "is_navigator": "navigators" in groups,
        "is_editor": request.user.is_authenticated
        and (request.user.is_staff or "editors" in groups),
    }
