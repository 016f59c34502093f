"""Glossary (Capstone Annex 2), each term defined in bluehelmet's own words.

The doctrine itself warns that its glossary is not an authoritative UN terminology; neither is
this one. Acronyms carry a short explanation of what the thing is or does.
"""

from __future__ import annotations

from typing import Any

from bluehelmet.doctrine.catalogue._entry import entry

A2 = "Capstone Annex 2"


def term(code: str, name: str, summary: str, citation: str = A2) -> dict[str, Any]:
    return entry(code, name, citation, summary)


TERMS = [
    term(
        "cease-fire",
        "Cease-fire",
        "A pause in fighting, possibly part of a wider settlement; "
        "one that ends a war for good is called an armistice.",
    ),
    term(
        "conflict-prevention",
        "Conflict prevention",
        "Structural or diplomatic action that "
        "stops tensions within or between states from turning violent.",
    ),
    term(
        "contingency-plan",
        "Contingency plan",
        "Arrangements prepared in advance for a crisis that may occur.",
    ),
    term(
        "designated-official",
        "Designated Official",
        "The most senior UN decision-maker on safety and security in a country.",
        "Capstone Annex 2, §8.3",
    ),
    term(
        "doctrine",
        "Doctrine",
        "The living body of institutional guidance that helps staff "
        "prepare, plan and run peacekeeping operations.",
    ),
    term(
        "good-offices",
        "Good offices",
        "The moral standing or official position that lets a "
        "person act as an independent go-between in a dispute.",
    ),
    term(
        "humanitarian-assistance",
        "Humanitarian assistance",
        "Material and logistic help given "
        "in a crisis to save lives, ease suffering and protect dignity.",
    ),
    term(
        "humanitarian-space",
        "Humanitarian space",
        "Room for aid agencies to act on their own terms and even-handedly, without fear of "
        "being attacked.",
    ),
    term(
        "hybrid-operation",
        "Hybrid operation",
        "A peace operation in which personnel of two or "
        "more organisations serve in one structure under joint leadership.",
    ),
    term(
        "ifi",
        "International financial institution (IFI)",
        "Umbrella term for the World "
        "Bank, the IMF and regional or international development banks.",
    ),
    term(
        "integration",
        "Integration",
        "How the UN system joins its different capabilities so "
        "that they reinforce each other in a country emerging from conflict.",
    ),
    term(
        "integrated-mission",
        "Integrated mission",
        "A multi-dimensional operation and the UN "
        "country team working as partners towards one agreed strategy.",
        "Capstone Annex 2, §5.1",
    ),
    term(
        "multi-dimensional-operation",
        "Multi-dimensional peacekeeping operation",
        "An operation combining military, police and civilian components to prepare lasting peace.",
    ),
    term("parties", "Parties", "The people or entities engaged in a dispute."),
    term(
        "peace-agreement",
        "Peace agreement",
        "A formal treaty meant to end a violent conflict or change it fundamentally.",
    ),
    term(
        "peacebuilding",
        "Peacebuilding",
        "Reducing the risk of a first or renewed conflict by "
        "building national capacity to manage conflict and laying foundations for peace.",
    ),
    term(
        "peace-enforcement",
        "Peace enforcement",
        "Coercion authorised by the Security Council "
        "to keep or restore international peace after it finds a threat, breach or "
        "aggression.",
    ),
    term(
        "peacekeeping",
        "Peacekeeping",
        "Action to keep a fragile peace where fighting has "
        "stopped and to help implement what was agreed.",
    ),
    term(
        "preventive-diplomacy",
        "Preventive diplomacy",
        "Diplomacy to keep disputes from becoming armed conflicts.",
    ),
    term("peacemaking", "Peacemaking", "Bringing hostile parties to an agreement."),
    term(
        "peace-operations",
        "Peace operations",
        "Field deployments that prevent, manage or "
        "resolve violent conflict or reduce the chance it returns.",
    ),
    term(
        "robust-peacekeeping",
        "Robust peacekeeping",
        "Tactical use of force, authorised by "
        "the Council, to defend the mandate against spoilers who endanger civilians or the "
        "peace process.",
        "Capstone Annex 2, §3.1",
    ),
    term(
        "rule-of-law",
        "Rule of law",
        "Governance in which everyone, the State included, "
        "answers to public laws applied equally, judged independently and consistent with "
        "human rights.",
    ),
    term(
        "spoilers",
        "Spoilers",
        "People or groups who gain from continued violence or want to block a settlement.",
    ),
    term(
        "traditional-operation",
        "Traditional peacekeeping operation",
        "An operation deployed with the agreement of the parties, most often states, in which "
        "blue helmets observe a truce while mediators seek a political settlement.",
    ),
    term(
        "transition",
        "Transition",
        "Handing responsibilities from a non-UN operation to a UN "
        "one, or from a UN operation to others once its mandate is done.",
        "Capstone Annex 2, §10.1",
    ),
    term(
        "transitional-administration",
        "Transitional administration",
        "An authority set up by "
        "the Council to govern a country through a change of regime or to independence.",
    ),
    term(
        "un-led-peace-operation",
        "UN-led peace operation",
        "A peace operation authorised by "
        "the Security Council and directed by the Secretary-General.",
    ),
]

ACRONYMS = [
    term(
        "cimic",
        "CIMIC",
        "Civil-military cooperation: the military's working links with civilian actors.",
    ),
    term(
        "ddr",
        "DDR",
        "Disarmament, demobilisation and reintegration of former combatants.",
        "Capstone Annex 2, §2.4",
    ),
    term(
        "dsrsg-rc-hc",
        "DSRSG/RC/HC",
        "The deputy head of mission who is also UN Resident and "
        "Humanitarian Coordinator, linking the mission with the country team.",
    ),
    term(
        "impp",
        "IMPP",
        "Integrated Mission Planning Process: how the UN plans a mission and "
        "the country team's work together.",
        "Capstone Annex 2, §5.2",
    ),
    term("jloc", "JLOC", "Joint Logistics Operations Centre: the mission's logistics hub."),
    term(
        "jmac",
        "JMAC",
        "Joint Mission Analysis Cell: integrated analysis for the mission's leaders.",
    ),
    term(
        "joc",
        "JOC",
        "Joint Operations Centre: day-to-day situational awareness and crisis coordination.",
    ),
    term("pcc", "PCC", "Police-contributing country."),
    term(
        "qips",
        "QIPs",
        "Quick impact projects: small projects that build confidence in the mission.",
        "Capstone Annex 2, §2.5",
    ),
    term(
        "roe",
        "ROE",
        "Rules of engagement: the levels of force the military may use and who "
        "must authorise them.",
        "Capstone Annex 2, §3.1",
    ),
    term("sds", "SDS", "Strategic deployment stocks held ready for fast mission start-up."),
    term(
        "sofa-soma",
        "SOFA/SOMA",
        "Status of forces or status of mission agreement with the "
        "host State, setting the mission's legal status.",
    ),
    term(
        "srsg",
        "SRSG",
        "Special Representative of the Secretary-General, usually the head "
        "of a multi-dimensional mission.",
    ),
    term("ssr", "SSR", "Security sector reform.", "Capstone Annex 2, §2.4"),
    term("tam", "TAM", "Technical assessment mission sent to judge whether and how to deploy."),
    term("tcc", "TCC", "Troop-contributing country."),
    term(
        "unct",
        "UNCT",
        "United Nations country team: the UN agencies, funds and programmes "
        "working in the host country.",
    ),
]
