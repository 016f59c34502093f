"""Task types: one per TAMM v2.1 task flag, plus tasks the doctrine names that TAMM does not.

TAMM ("Tasks Assigned to Missions in their Mandates", Lloyd 2021) codes each mission-month with
about fifty 0/1 task flags; ``TAMM_TASK_COLUMNS`` lists them in file order and is the single
list importers use. Each task sits in a category (``categories.py``) and, where it serves one,
a core function of Capstone §2.3.
"""

from __future__ import annotations

from typing import Any

from bluehelmet.doctrine.catalogue._entry import entry
from bluehelmet.doctrine.catalogue.functions import COHERENCE, POLITICAL, SECURE

# Task-flag columns of tamm_v2_1_mission_month.csv, in file order. Everything else in that file
# (mission, yearmon, month, year, unsc_resolution, ccode*, region, subtasks, totaltasks,
# numtasks, *ratio, factor*, missionen) describes the row, not a task.
TAMM_TASK_COLUMNS: tuple[str, ...] = (
    "peaceag_cease_monitor",
    "buffer_monitor",
    "liaise_warpart",
    "goodoffices",
    "peaceag_cease_assist",
    "humrts_monitor",
    "refugees_monitor",
    "humrts_protect",
    "children_protect",
    "women_protect",
    "prociv",
    "unpersonnel_protect",
    "demining_assist",
    "refugees_assist",
    "humaid_assist",
    "humpersonnel_protect",
    "borders_monitor",
    "weaponstrade_monitor",
    "weaponsembargo_monitor",
    "cargoinspections",
    "resources_monitor",
    "ch7",
    "election_monitor",
    "election_security",
    "election_assist",
    "govcap_assist",
    "cultural_pres",
    "qip_assist",
    "justice_assist",
    "securitysectorreform_assist",
    "policereform_assist",
    "police_monitor",
    "police_jointpatrols",
    "reconciliation",
    "justice_warcrim",
    "ddr_monitor",
    "ddr_assist",
    "mission_pr",
    "freepress",
    "au_coop",
    "eu_coop",
    "undp_coop",
    "ecowas_coop",
    "jmc_coop",
    "othermission_coop",
    "oas_coop",
    "osce_coop",
    "cis_coop",
    "coop_other",
    "govpolicies_assist",
)


def task(
    code: str,
    name: str,
    category: str,
    citation: str,
    summary: str,
    *,
    tamm: str = "",
    function: str | None = None,
    resolution: str = "",
) -> dict[str, Any]:
    return entry(
        code,
        name,
        citation,
        summary,
        category=category,
        tamm_flag=tamm,
        core_function=function,
        cross_cutting_resolution=resolution,
    )


def _coop(code: str, partner: str, category: str, citation: str, tamm: str) -> dict[str, Any]:
    return task(
        code,
        f"Cooperation with {partner}",
        category,
        citation,
        f"The mandate asks the mission to work with {partner}: share information, coordinate "
        "plans and, where agreed, act together.",
        tamm=tamm,
        function=COHERENCE,
    )


TRADITIONAL_TASKS = [
    task(
        "ceasefire-monitoring",
        "Monitor a cease-fire or peace agreement",
        "ceasefire-supervision",
        "Capstone §2.3",
        "Observers, patrols and technical means check that the parties keep their commitments "
        "and report breaches.",
        tamm="peaceag_cease_monitor",
    ),
    task(
        "buffer-zone-monitoring",
        "Monitor a buffer zone",
        "interposition",
        "Capstone §2.3",
        "Patrol and man the zone separating the forces so that neither side moves into it.",
        tamm="buffer_monitor",
    ),
    task(
        "liaison-with-parties",
        "Liaise with the warring parties",
        "ceasefire-supervision",
        "Capstone §2.3",
        "Keep standing contact with each party's command to settle incidents and build confidence.",
        tamm="liaise_warpart",
    ),
]

POLITICAL_TASKS = [
    task(
        "good-offices",
        "Good offices",
        "political-support",
        "Capstone §2.3",
        "The head of mission uses the standing of the UN to mediate and keep the parties talking.",
        tamm="goodoffices",
        function=POLITICAL,
    ),
    task(
        "peace-agreement-support",
        "Assist in implementing a cease-fire or peace agreement",
        "political-support",
        "Capstone §1.4, §2.3",
        "Help the parties carry out what they signed, beyond merely observing it.",
        tamm="peaceag_cease_assist",
        function=POLITICAL,
    ),
    task(
        "reconciliation",
        "National reconciliation and dialogue",
        "political-support",
        "Capstone §2.3",
        "Encourage communities and political forces to talk and to settle grievances peacefully.",
        tamm="reconciliation",
        function=POLITICAL,
    ),
]

SECURITY_TASKS = [
    task(
        "un-personnel-protection",
        "Protect UN personnel and facilities",
        "security-public-order",
        "Capstone §3.1, §8.3",
        "Keep mission staff, premises and equipment safe and free to move.",
        tamm="unpersonnel_protect",
        function=SECURE,
    ),
    task(
        "police-monitoring",
        "Monitor the national police",
        "security-public-order",
        "Capstone §2.3",
        "Observe how national police behave and report abuses or failings.",
        tamm="police_monitor",
        function=SECURE,
    ),
    task(
        "joint-police-patrols",
        "Joint patrols with national police",
        "security-public-order",
        "Capstone §2.3",
        "UN police and national officers patrol together, giving operational support to law "
        "enforcement.",
        tamm="police_jointpatrols",
        function=SECURE,
    ),
    task(
        "key-installation-security",
        "Security of key installations and infrastructure",
        "security-public-order",
        "Capstone §2.3",
        "Guard government buildings, ports and other vital sites while national forces cannot.",
        function=SECURE,
    ),
    task(
        "freedom-of-movement",
        "Secure free movement of people, goods and aid",
        "security-public-order",
        "Capstone §2.3",
        "Create the conditions under which people, trade and relief can travel safely.",
        function=SECURE,
    ),
    task(
        "borders-monitoring",
        "Monitor borders",
        "borders-sanctions-resources",
        "Capstone §2.3",
        "Watch crossings and frontier areas for armed groups, fighters and illicit traffic.",
        tamm="borders_monitor",
        function=SECURE,
    ),
    task(
        "arms-flow-monitoring",
        "Monitor the arms trade",
        "borders-sanctions-resources",
        "Capstone §2.3",
        "Track weapons moving into and around the country.",
        tamm="weaponstrade_monitor",
        function=SECURE,
    ),
    task(
        "arms-embargo-monitoring",
        "Monitor an arms embargo",
        "borders-sanctions-resources",
        "Capstone §2.3",
        "Check compliance with a Council arms embargo and report violations to the Council.",
        tamm="weaponsembargo_monitor",
        function=SECURE,
    ),
    task(
        "cargo-inspection",
        "Inspect cargo",
        "borders-sanctions-resources",
        "Capstone §2.3",
        "Search shipments at ports, airfields or crossings for prohibited goods.",
        tamm="cargoinspections",
        function=SECURE,
    ),
    task(
        "natural-resources-monitoring",
        "Monitor natural resource exploitation",
        "borders-sanctions-resources",
        "Capstone §2.3",
        "Watch mining, logging and similar trades whose profits can finance armed groups.",
        tamm="resources_monitor",
        function=SECURE,
    ),
]

INFORMATION_TASKS = [
    task(
        "public-information",
        "Mission public information",
        "public-information",
        "Capstone §9.2",
        "Explain the mandate and the mission's actions to the population, manage expectations "
        "and counter rumours.",
        tamm="mission_pr",
        function=POLITICAL,
    ),
    task(
        "free-press",
        "Support a free press",
        "public-information",
        "Capstone §2.3, §9.2",
        "Help independent media work safely as part of open political life.",
        tamm="freepress",
        function=POLITICAL,
    ),
    task(
        "integrated-un-presence",
        "Lead a coherent UN presence",
        "integrated-coordination",
        "Capstone §2.3",
        "The SRSG sets one framework for the mission and the UN country team, with the triple-"
        "hatted deputy as the link to humanitarian and development work.",
        function=COHERENCE,
    ),
]
