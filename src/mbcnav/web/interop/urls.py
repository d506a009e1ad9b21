from django.urls import path

from . import portal_views, views

app_name = "interop"
urlpatterns = [
    path("", views.home, name="home"),
    path("bundle.json", views.bundle, name="bundle"),
    path("review/", views.review, name="review"),
    path("portal/connect/", portal_views.connect, name="portal_connect"),
    path("portal/callback/", portal_views.callback, name="portal_callback"),
    path("portal/refresh/", portal_views.refresh, name="portal_refresh"),
    path("portal/disconnect/", portal_views.disconnect, name="portal_disconnect"),
    path("for/<int:owner_id>/", views.home, name="home"),
    path("for/<int:owner_id>/bundle.json", views.bundle, name="bundle"),
    path("for/<int:owner_id>/review/", views.review, name="review"),
]
