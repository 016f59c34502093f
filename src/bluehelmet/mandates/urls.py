"""Mandate pages, included at the site root by ``core.urls``.

Mission pages live under ``missions/<code>/``; record lists follow the ``<model_name>-list`` /
``-detail`` naming so ``tables.object_url`` links any mandate record to its page.
"""

from django.urls import path

from bluehelmet.mandates import views

urlpatterns = [
    path("missions/<str:code>/mandate/", views.MandatePageView.as_view(), name="mission-mandate"),
    path(
        "missions/<str:code>/mandate/change/",
        views.MandateChangeView.as_view(),
        name="mission-mandate-change",
    ),
    path(
        "missions/<str:code>/mandate/history.csv",
        views.MandateHistoryCsvView.as_view(),
        name="mission-mandate-history-csv",
    ),
    path("missions/<str:code>/strength/", views.StrengthView.as_view(), name="mission-strength"),
    path("resolutions/", views.ResolutionListView.as_view(), name="resolution-list"),
    path("resolutions/<int:pk>/", views.ResolutionDetailView.as_view(), name="resolution-detail"),
    path("mandates/", views.MandateListView.as_view(), name="mandate-list"),
    path("mandates/<int:pk>/", views.MandateDetailView.as_view(), name="mandate-detail"),
    path("mandated-tasks/", views.MandatedTaskListView.as_view(), name="mandatedtask-list"),
    path(
        "mandated-tasks/<int:pk>/",
        views.MandatedTaskDetailView.as_view(),
        name="mandatedtask-detail",
    ),
    path("consultations/", views.ConsultationListView.as_view(), name="consultation-list"),
    path("consultations/add/", views.ConsultationAddView.as_view(), name="consultation-add"),
    path(
        "consultations/<int:pk>/",
        views.ConsultationDetailView.as_view(),
        name="consultation-detail",
    ),
    path(
        "consultations/<int:pk>/edit/",
        views.ConsultationEditView.as_view(),
        name="consultation-edit",
    ),
]
