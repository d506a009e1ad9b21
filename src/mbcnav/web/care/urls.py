from django.urls import path

from . import views

app_name = "care"
urlpatterns = [
    path("", views.home, name="home"),
    path("centers/<slug:slug>/", views.center_detail, name="center"),
    path("organizations/", views.organization_list, name="organizations"),
    path("organizations/<slug:slug>/", views.organization_detail, name="organization"),
    path("second-opinions/", views.second_opinions, name="second_opinions"),
    path("contribute/", views.contribute, name="contribute"),
    path("topics/", views.topic_list, name="topics"),
    path("topics/<int:pk>/", views.topic_detail, name="topic"),
    path("news/<int:pk>/", views.news_detail, name="news"),
    path("events/<int:pk>/", views.event_detail, name="event"),
]
