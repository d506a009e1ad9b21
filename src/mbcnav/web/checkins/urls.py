from django.urls import path

from . import views

app_name = "checkins"
urlpatterns = [
    path("", views.new, name="new"),
    path("result/<str:day>/", views.result, name="result"),
    path("result/<str:day>/follow-up/", views.follow_up, name="follow_up"),
    path("history/", views.history, name="history"),
    path("week/", views.week, name="week"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<int:alert_id>/done/", views.acknowledge, name="acknowledge"),
    path("for/<int:owner_id>/", views.new, name="new"),
    path("for/<int:owner_id>/result/<str:day>/", views.result, name="result"),
    path("for/<int:owner_id>/result/<str:day>/follow-up/", views.follow_up, name="follow_up"),
    path("for/<int:owner_id>/history/", views.history, name="history"),
    path("for/<int:owner_id>/week/", views.week, name="week"),
]
