"""Doctrine reference pages; the site layer mounts them under ``prefix`` (``doctrine/``).

Each section answers ``<model_name>-list`` and its entries ``<model_name>-detail`` (by code), so
``tables.object_url`` links any doctrine record (e.g. a mandated task's type) to its page.
"""

from django.urls import URLPattern, path

from bluehelmet.doctrine import guidance_views as gv
from bluehelmet.doctrine import views


def section_patterns(section: views.Section) -> list[URLPattern]:
    name = section.model._meta.model_name
    return [
        path(
            f"{section.slug}/",
            views.DoctrineSectionView.as_view(section_slug=section.slug),
            name=f"{name}-list",
        ),
        path(
            f"{section.slug}/<slug:code>/",
            views.DoctrineEntryView.as_view(section_slug=section.slug),
            name=f"{name}-detail",
        ),
    ]


prefix = "doctrine/"

urlpatterns = [
    path("", views.DoctrineIndexView.as_view(), name="doctrine-index"),
    # The guidance index (Annex 1): records by id, before the sections' ``<slug>/<code>/``.
    path("guidance-index/", gv.GuidanceDocumentListView.as_view(), name="guidancedocument-list"),
    path("guidance-index/add/", gv.GuidanceDocumentEditView.as_view(), name="guidancedocument-add"),
    path(
        "guidance-index/<int:pk>/",
        gv.GuidanceDocumentDetailView.as_view(),
        name="guidancedocument-detail",
    ),
    path(
        "guidance-index/<int:pk>/edit/",
        gv.GuidanceDocumentEditView.as_view(),
        name="guidancedocument-edit",
    ),
    path(
        "guidance-index/<int:pk>/decide/",
        gv.GuidanceDocumentDecideView.as_view(),
        name="guidancedocument-decide",
    ),
    *[p for section in views.SECTIONS.values() for p in section_patterns(section)],
]
