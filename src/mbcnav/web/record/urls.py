"""URLs of the record app. ``<owner_id>`` pages serve the owner and the people they shared with."""

from django.urls import path

from .views import edit, files, pages, sharing, start

app_name = "record"
urlpatterns = [
    path("", pages.overview, name="overview"),
    path("roster/", pages.roster, name="roster"),
    path("start/", start.start, name="start"),
    path("start/done/", start.done, name="start_done"),
    path("start/<slug:step>/", start.step, name="start_step"),
    path("sharing/", sharing.sharing, name="sharing"),
    path("sharing/<int:pk>/revoke/", sharing.revoke, name="revoke"),
    path("invite/<str:token>/", sharing.accept, name="accept"),
    path("audit/", sharing.audit_log, name="audit"),
    path("import/", files.import_file, name="import"),
    path("my-data/", files.my_data, name="my_data"),
    path("my-data/everything.json", files.export_everything, name="everything"),
    path("my-data/delete/", files.delete_account, name="delete_account"),
    path("<int:owner_id>/", pages.overview, name="person"),
    path("<int:owner_id>/timeline/", pages.timeline_page, name="timeline"),
    path("<int:owner_id>/summary/", pages.summary, name="summary"),
    path("<int:owner_id>/summary.pdf", pages.summary_pdf, name="summary_pdf"),
    path("<int:owner_id>/export.<str:fmt>", files.export_file, name="export"),
    path("<int:owner_id>/edit/<str:part>/", edit.profile_edit, name="profile_edit"),
    path("<int:owner_id>/<slug:section>/", edit.section_list, name="section_list"),
    path("<int:owner_id>/<slug:section>/add/", edit.section_add, name="section_add"),
    path("<int:owner_id>/<slug:section>/<int:pk>/edit/", edit.section_edit, name="section_edit"),
    path(
        "<int:owner_id>/<slug:section>/<int:pk>/delete/", edit.section_delete, name="section_delete"
    ),
]
