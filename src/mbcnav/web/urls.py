from django.contrib import admin
from django.urls import include, path

from mbcnav.web.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("about/", core_views.about, name="about"),
    path("favicon.ico", core_views.favicon),
    path("accounts/", include("mbcnav.web.accounts.urls")),
    path("record/", include("mbcnav.web.record.urls")),
    path("library/", include("mbcnav.web.library.urls")),
    path("checkins/", include("mbcnav.web.checkins.urls")),
    path("visits/", include("mbcnav.web.visits.urls")),
    path("trials/", include("mbcnav.web.trials.urls")),
    path("care/", include("mbcnav.web.care.urls")),
    path("reminders/", include("mbcnav.web.reminders.urls")),
    path("fhir/", include("mbcnav.web.interop.urls")),
    path("documents/", include("mbcnav.web.documents.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "mbcnav.web.core.views.forbidden"
handler404 = "mbcnav.web.core.views.not_found"
handler500 = "mbcnav.web.core.views.server_error"
