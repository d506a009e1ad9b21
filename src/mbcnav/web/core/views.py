from django.conf import settings
from django.shortcuts import redirect, render
from django.templatetags.static import static


def home(request):
    context = {}
    try:  # the care app supplies the editors' topic of the month when it is installed
        from mbcnav.web.care.services import current_topic
    except ImportError:
        current_topic = None
    if current_topic:
        context["topic"] = current_topic()
    if request.user.is_authenticated and not getattr(request, "two_step_pending", False):
        from .dashboard import today_for

        context["today"] = today_for(request.user)
    return render(request, "home.html", context)


def about(request):
    return render(
        request,
        "about.html",
        {
            "operator": settings.MBCNAV_OPERATOR,
            "contact": settings.MBCNAV_CONTACT_EMAIL,
        },
    )


def favicon(request):
    """Browsers ask for /favicon.ico on every page; the icon is one small SVG."""
    return redirect(static("img/favicon.svg"), permanent=True)


def forbidden(request, exception=None):
    return render(request, "403.html", status=403)


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
