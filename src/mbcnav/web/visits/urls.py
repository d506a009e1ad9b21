from django.urls import path

from . import views

app_name = "visits"
urlpatterns = [
    path("", views.guide, name="guide"),
    path("print/", views.printable, name="print"),
    path("questions.pdf", views.pdf, name="pdf"),
    path("add/", views.add, name="add"),
    path("finish/", views.finish, name="finish"),
    path("<int:pk>/<slug:action>/", views.act, name="act"),
    path("for/<int:owner_id>/", views.guide, name="guide"),
    path("for/<int:owner_id>/print/", views.printable, name="print"),
    path("for/<int:owner_id>/questions.pdf", views.pdf, name="pdf"),
    path("for/<int:owner_id>/add/", views.add, name="add"),
    path("for/<int:owner_id>/finish/", views.finish, name="finish"),
    path("for/<int:owner_id>/<int:pk>/<slug:action>/", views.act, name="act"),
]
