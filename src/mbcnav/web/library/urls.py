from django.urls import path

from . import views

app_name = "library"
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("ask/", views.ask_page, name="ask"),
    path("glossary/", views.glossary_page, name="glossary"),
    path("faq/", views.faq, name="faq"),
    path("medicines/", views.medicines_page, name="medicines"),
    path("medicines/<slug:slug>/", views.medicine_page, name="medicine"),
    path("<slug:slug>/", views.article, name="article"),
]
