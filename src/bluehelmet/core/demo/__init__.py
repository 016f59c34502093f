"""The demo scenario (DESIGN "Demo scenario"; ``bluehelmet demo``).

``world`` and ``geography`` generate the fictional countries, ``minusbel`` and ``unmogto`` hold
the two missions' plans (``plan``), ``names`` the people's name pools, ``users`` the demo
accounts, and ``scenario`` builds everything through the models.
"""
