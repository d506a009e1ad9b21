from django.urls import path

from . import views

app_name = "record"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("roster/", views.overview, name="roster"),
]
