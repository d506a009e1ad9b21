from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("<int:owner_id>/", views.documents, name="list"),
    path("<int:owner_id>/<int:pk>/", views.review, name="review"),
    path("<int:owner_id>/<int:pk>/file", views.download, name="download"),
    path("<int:owner_id>/<int:pk>/delete/", views.delete, name="delete"),
]
