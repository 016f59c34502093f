"""Conduct pages (Capstone §3.2), included at the site root. Record pages follow the
``<model_name>-list`` / ``-detail`` / ``-add`` / ``-edit`` naming (``tables.object_url``)."""

from __future__ import annotations

from django.urls import path

from bluehelmet.conduct import views as v

urlpatterns = [
    path("missions/<str:code>/conduct/", v.MissionConductView.as_view(), name="mission-conduct"),
    path("conduct/allegations/", v.AllegationListView.as_view(), name="misconductallegation-list"),
    path(
        "conduct/allegations/add/",
        v.AllegationEditView.as_view(),
        name="misconductallegation-add",
    ),
    path(
        "conduct/allegations/<int:pk>/",
        v.AllegationDetailView.as_view(),
        name="misconductallegation-detail",
    ),
    path(
        "conduct/allegations/<int:pk>/edit/",
        v.AllegationEditView.as_view(),
        name="misconductallegation-edit",
    ),
    path(
        "conduct/allegations/<int:pk>/step/<str:verb>/",
        v.AllegationStepView.as_view(),
        name="misconductallegation-step",
    ),
    path(
        "conduct/allegations/<int:pk>/decision/",
        v.AllegationVerdictView.as_view(),
        name="misconductallegation-decision",
    ),
]
