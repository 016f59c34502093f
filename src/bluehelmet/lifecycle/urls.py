"""Lifecycle pages; the site layer mounts them under ``prefix``."""

from django.urls import path

from bluehelmet.lifecycle import views

prefix = "missions/<str:code>/lifecycle/"

urlpatterns = [
    path("", views.LifecycleView.as_view(), name="mission-lifecycle"),
    path("transition/", views.TransitionView.as_view(), name="mission-transition"),
    path("milestones/add/", views.MilestoneEditView.as_view(), name="startupmilestone-add"),
    path(
        "milestones/<int:pk>/edit/",
        views.MilestoneEditView.as_view(),
        name="startupmilestone-edit",
    ),
    path(
        "milestones/<int:pk>/delete/",
        views.MilestoneDeleteView.as_view(),
        name="startupmilestone-delete",
    ),
]
