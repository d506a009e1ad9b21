from django.urls import path

from . import views

app_name = "interop"
urlpatterns = [
    path("", views.home, name="home"),
    path("bundle.json", views.bundle, name="bundle"),
    path("for/<int:owner_id>/", views.home, name="home"),
    path("for/<int:owner_id>/bundle.json", views.bundle, name="bundle"),
]
