from django.conf import settings

from .groups import group_names


def site(request):
    groups = group_names(request.user)
    return {
        "deployment_name": settings.MBCNAV_DEPLOYMENT_NAME,
        # password given, code step (or required set-up) not yet done: hide the record links
        "two_step_pending": getattr(request, "two_step_pending", False),
        "is_navigator": "navigators" in groups,
        "is_editor": request.user.is_authenticated
        and (request.user.is_staff or "editors" in groups),
    }
