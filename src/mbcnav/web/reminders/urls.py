from django.urls import path

from . import views, views_feed

app_name = "reminders"
urlpatterns = [
    path("", views.home, name="home"),
    path("<int:owner_id>/", views.home, name="person"),
    path("schedule/add/", views.add_schedule, name="add"),
    path("schedule/<int:pk>/end/", views.end_schedule, name="end"),
    path("schedule/<int:pk>/mark/", views.mark_dose, name="mark"),
    path("settings/", views.save_settings, name="settings"),
    path("feed/renew/", views_feed.renew, name="renew"),
    path("feed/revoke/", views_feed.revoke, name="revoke"),
    path("feed/<str:token>.ics", views_feed.feed, name="feed"),
    path("ics/<str:kind>/<int:pk>.ics", views_feed.event_ics, name="event"),
    path("unsubscribe/<str:token>/", views_feed.unsubscribe, name="unsubscribe"),
]
