from django.urls import path

from . import views

app_name = "trials"
urlpatterns = [
    path("", views.list, name="list"),
]
