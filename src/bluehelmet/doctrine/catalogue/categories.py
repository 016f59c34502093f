"""Task categories, each in one of the doctrine's groups (Capstone §1.4, §2.3-2.5, §3.1).

Groups are ``bluehelmet.doctrine.models.TaskGroup`` values; categories are families of mandated
tasks within a group.
"""

from __future__ import annotations

from bluehelmet.doctrine.catalogue._entry import entry

TRADITIONAL = "traditional"
CORE_FUNCTION = "core_function"
PEACEBUILDING = "peacebuilding"
CROSS_CUTTING = "cross_cutting"
PARTNERS = "partners"
AUTHORITY = "authority"

TASK_CATEGORIES = [
    # Traditional tasks (§2.3): essentially military, with the parties' agreement.
    entry(
        "ceasefire-supervision",
        "Cease-fire observation and supervision",
        "Capstone §2.3",
        "Watching and reporting on how the parties keep a cease-fire, investigating complaints "
        "and keeping contact with each side so neither fears the other will exploit the truce.",
        group=TRADITIONAL,
    ),
    entry(
        "interposition",
        "Interposition and buffer zones",
        "Capstone §2.3",
        "Standing between the former belligerents in a separation zone as a confidence-building "
        "measure.",
        group=TRADITIONAL,
    ),
    # Multi-dimensional core functions (§2.3).
    entry(
        "political-support",
        "Support to the political process",
        "Capstone §2.3",
        "Good offices, help in carrying out the peace agreement, dialogue and reconciliation.",
        group=CORE_FUNCTION,
    ),
    entry(
        "security-public-order",
        "Security and public order",
        "Capstone §2.3",
        "Filling the security gap after conflict: protecting people, premises and key sites, "
        "and working alongside national police.",
        group=CORE_FUNCTION,
    ),
    entry(
        "borders-sanctions-resources",
        "Borders, arms and resources monitoring",
        "Capstone §2.3",
        "Watching borders, arms flows, embargoes, cargo and the exploitation of natural "
        "resources that can feed a conflict.",
        group=CORE_FUNCTION,
    ),
    entry(
        "public-information",
        "Public information and media",
        "Capstone §9.2",
        "Explaining the mission to the population and the world and helping an independent "
        "press to work.",
        group=CORE_FUNCTION,
    ),
    entry(
        "integrated-coordination",
        "Coordination of the UN presence",
        "Capstone §2.3",
        "Keeping the mission and the UN country team on one strategy under the SRSG.",
        group=CORE_FUNCTION,
    ),
    # Peacebuilding activities (§2.4): a catalytic, not a programme-funding, role.
    entry(
        "ddr",
        "Disarmament, demobilisation and reintegration",
        "Capstone §2.4",
        "Helping national DDR programmes: advice, securing sites, collecting and destroying "
        "weapons; other agencies lead on reintegration.",
        group=PEACEBUILDING,
    ),
    entry(
        "mine-action",
        "Mine action",
        "Capstone §2.4",
        "Clearing mines and explosive remnants in emergencies and helping national authorities "
        "plan longer-term clearance.",
        group=PEACEBUILDING,
    ),
    entry(
        "security-sector-reform",
        "Security sector reform",
        "Capstone §2.4",
        "Restructuring, reforming and training national armed forces and police; progress here "
        "largely decides when the mission can leave.",
        group=PEACEBUILDING,
    ),
    entry(
        "rule-of-law",
        "Justice, corrections and rule of law",
        "Capstone §2.4",
        "Strengthening courts and prisons, legal and judicial reform, and accountability for "
        "serious crimes.",
        group=PEACEBUILDING,
    ),
    entry(
        "human-rights",
        "Protection and promotion of human rights",
        "Capstone §2.4",
        "Monitoring and helping investigate violations and building national capacity to do "
        "so; a responsibility of every UN entity in the field.",
        group=PEACEBUILDING,
    ),
    entry(
        "electoral-assistance",
        "Electoral assistance",
        "Capstone §2.4",
        "Security, technical advice and logistics so that free and fair elections can take place.",
        group=PEACEBUILDING,
    ),
    entry(
        "state-authority",
        "Restoration and extension of State authority",
        "Capstone §2.4",
        "Helping the State control its territory, deliver basic services and build its "
        "institutions and policies.",
        group=PEACEBUILDING,
    ),
    # Cross-cutting thematic tasks (§1.4): the landmark resolutions.
    entry(
        "women-peace-security",
        "Women, peace and security",
        "Capstone §1.4",
        "Tasks that flow from resolution 1325 (2000).",
        group=CROSS_CUTTING,
    ),
    entry(
        "children-armed-conflict",
        "Children and armed conflict",
        "Capstone §1.4",
        "Tasks that flow from resolution 1612 (2005).",
        group=CROSS_CUTTING,
    ),
    entry(
        "protection-of-civilians",
        "Protection of civilians",
        "Capstone §1.4",
        "Tasks that flow from resolution 1674 (2006).",
        group=CROSS_CUTTING,
    ),
    entry(
        "other-thematic",
        "Other thematic tasks",
        "Capstone §1.4",
        "Further tasks that reflect wider normative debates in the Council.",
        group=CROSS_CUTTING,
    ),
    # Cooperation with partners (§2.5 supporting other actors, §7.2, §10.1).
    entry(
        "humanitarian-support",
        "Support to humanitarian action",
        "Capstone §2.5",
        "A secure space for humanitarian agencies, their staff and the people they serve, "
        "including refugees and displaced people returning home.",
        group=PARTNERS,
    ),
    entry(
        "recovery-support",
        "Support to recovery and development",
        "Capstone §2.5",
        "Quick impact projects and influence in favour of development partners, who own "
        "socio-economic recovery.",
        group=PARTNERS,
    ),
    entry(
        "regional-organisations",
        "Cooperation with regional organisations",
        "Capstone §10.1",
        "Working with regional and sub-regional bodies that field their own operations or "
        "share a theatre with the UN.",
        group=PARTNERS,
    ),
    entry(
        "un-system",
        "Cooperation within the UN system",
        "Capstone §5.1",
        "Working with UN agencies, funds, programmes and other UN missions.",
        group=PARTNERS,
    ),
    entry(
        "other-partners",
        "Cooperation with other partners",
        "Capstone §7.2",
        "Joint commissions of the parties, donors, coalitions and other actors on the ground.",
        group=PARTNERS,
    ),
    # Authority and use of force (§1.4, §2.3, §3.1).
    entry(
        "use-of-force-authority",
        "Chapter VII and use of force",
        "Capstone §3.1",
        "What the Council authorises the mission to do by force, from self-defence to robust "
        "action under Chapter VII.",
        group=AUTHORITY,
    ),
    entry(
        "executive-authority",
        "Executive authority",
        "Capstone §2.3",
        "Rare cases where the mission itself exercises State functions for a time.",
        group=AUTHORITY,
    ),
]
