"""Server-rendered pages (DESIGN "Pages"): generic list/detail/edit/delete views in
``generic``, one module per entity group, each entity view a short subclass (NetBox style)."""
