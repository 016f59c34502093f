"""Core functions of multi-dimensional operations (Capstone §2.3) and the peace and security
spectrum (Capstone §2.1-2.2)."""

from __future__ import annotations

from bluehelmet.doctrine.catalogue._entry import entry

SECURE = "secure-environment"
POLITICAL = "political-process"
COHERENCE = "coherent-international-support"

CORE_FUNCTIONS = [
    entry(
        SECURE,
        "Secure and stable environment",
        "Capstone §2.3",
        "Bring security and stability while the State's own capacity to provide them is built "
        "up, within the rule of law and human rights.",
    ),
    entry(
        POLITICAL,
        "Facilitate the political process",
        "Capstone §2.3",
        "Encourage dialogue and reconciliation between national actors and help legitimate, "
        "effective governing institutions take shape.",
    ),
    entry(
        COHERENCE,
        "Framework for coherent international support",
        "Capstone §2.3",
        "Give UN and other international actors in the country a common frame so that their "
        "work pulls in the same direction; in practice the integrated mission led by the SRSG.",
    ),
]

SPECTRUM = [
    entry(
        "conflict-prevention",
        "Conflict prevention",
        "Capstone §2.1",
        "Structural or diplomatic steps taken before tensions turn violent, ideally driven by "
        "early warning and conflict analysis; good offices, preventive deployment and "
        "confidence-building are typical tools.",
    ),
    entry(
        "peacemaking",
        "Peacemaking",
        "Capstone §2.1",
        "Mostly diplomatic work to bring parties still fighting to a negotiated deal, led by the "
        "Secretary-General, envoys, states, regional bodies or private individuals and groups.",
    ),
    entry(
        "peacekeeping",
        "Peacekeeping",
        "Capstone §2.1",
        "Holds a fragile peace once fighting stops and helps put agreements into effect; it has "
        "grown from military observation into joint military, police and civilian operations.",
    ),
    entry(
        "peace-enforcement",
        "Peace enforcement",
        "Capstone §2.1-2.2",
        "Coercive measures, military force included, that the Council authorises once it finds "
        "a threat to or breach of the peace or an act of aggression. Unlike robust "
        "peacekeeping it does not rest on the parties' consent and may act at strategic level.",
    ),
    entry(
        "peacebuilding",
        "Peacebuilding",
        "Capstone §2.1",
        "Long-term work on the deep causes of conflict that strengthens national capacity to "
        "manage disputes peacefully, so that a country does not fall back into war.",
    ),
]
