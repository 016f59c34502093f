"""The demo scenario (DESIGN "Demo scenario"; ``bluehelmet demo``), a leaf app: it builds data
for every other app, and nothing but the tests imports it.

``world`` and ``geography`` generate the fictional countries, ``minusbel`` and ``unmogto`` hold
the two missions' plans (``plan``), ``names`` the people's name pools, ``users`` the demo
accounts, and ``scenario`` builds the core records and calls each app's share, one module per
app: ``lifecycle``, ``mandates``, ``incidents`` and ``joc`` (operations, with ``events`` and
``actors`` generating the events), ``principles`` (with ``principles_data``), ``analysis`` and
``forecasting``.
"""
