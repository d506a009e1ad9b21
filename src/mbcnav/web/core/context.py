from django.conf import settings


def site(request):
    return {
        "deployment_name": settings.MBCNAV_DEPLOYMENT_NAME,
        # password given, code step (or required set-up) not yet done: hide the record links
        "two_step_pending": getattr(request, "two_step_pending", False),
        "is_navigator": request.user.is_authenticated
        and request.user.groups.filter(name="navigators").exists(),
        "is_editor": request.user.is_authenticated
        and (request.user.is_staff or request.user.groups.filter(name="editors").exists()),
    }
