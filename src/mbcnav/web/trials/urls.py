from django.urls import path

from . import views

app_name = "trials"
urlpatterns = [
    path("", views.trial_list, name="list"),
    path("<str:nct_id>/", views.detail, name="detail"),
    path("<str:nct_id>/save/", views.save, name="save"),
    path("<str:nct_id>/unsave/", views.unsave, name="unsave"),
    path("<str:nct_id>/ask/<int:number>/", views.ask, name="ask"),
    path("for/<int:owner_id>/", views.trial_list, name="list"),
    path("for/<int:owner_id>/<str:nct_id>/", views.detail, name="detail"),
    path("for/<int:owner_id>/<str:nct_id>/save/", views.save, name="save"),
    path("for/<int:owner_id>/<str:nct_id>/unsave/", views.unsave, name="unsave"),
    path("for/<int:owner_id>/<str:nct_id>/ask/<int:number>/", views.ask, name="ask"),
]
