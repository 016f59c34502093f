"""Basic principles (Capstone §3.1) and the other success factors (Capstone §3.2)."""

from __future__ import annotations

from bluehelmet.doctrine.catalogue._entry import entry

BASIC = "basic"
SUCCESS_FACTOR = "success_factor"

PRINCIPLES = [
    entry(
        "consent",
        "Consent of the main parties",
        "Capstone §3.1",
        "The main parties accept the operation and commit to a political process, which gives "
        "it political and physical room to work. Consent may be partial at local level or be "
        "withdrawn in practice, for instance by curbing movement, so the mission keeps "
        "watching for it to weaken.",
        kind=BASIC,
    ),
    entry(
        "impartiality",
        "Impartiality",
        "Capstone §3.1",
        "Every party is held to the same standard while the mandate is carried out. Impartial "
        "is not neutral or passive: violations of the peace process are answered, whoever "
        "commits them, and the reasons are explained openly.",
        kind=BASIC,
    ),
    entry(
        "non-use-of-force",
        "Non-use of force except in self-defence and defence of the mandate",
        "Capstone §3.1",
        "Force is a last resort used at the tactical level to protect the mission and its "
        "mandate, kept proportionate and aimed at de-escalation. A robust mandate allows more "
        "proactive force against spoilers but still differs from peace enforcement.",
        kind=BASIC,
    ),
    entry(
        "legitimacy",
        "Legitimacy",
        "Capstone §3.2",
        "Rests on the Council's mandate, broad participation of Member States and direction by "
        "the Secretary-General, and is won or lost on the ground through the conduct of "
        "personnel; sexual exploitation and abuse is met with zero tolerance.",
        kind=SUCCESS_FACTOR,
    ),
    entry(
        "credibility",
        "Credibility",
        "Capstone §3.2",
        "How far people believe the mission can deliver. It needs rapid deployment, adequate "
        "resources, an achievable mandate, a sound plan and realistic expectations; once lost "
        "it is very hard to recover.",
        kind=SUCCESS_FACTOR,
    ),
    entry(
        "national-local-ownership",
        "Promotion of national and local ownership",
        "Capstone §3.2",
        "The mission backs national and local actors instead of standing in for them, hears "
        "voices well beyond a narrow elite, and builds capacities meant to outlast its own "
        "presence.",
        kind=SUCCESS_FACTOR,
    ),
]
