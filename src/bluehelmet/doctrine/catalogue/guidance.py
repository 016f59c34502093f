"""Example transition benchmarks (Capstone §10.2) and the guidance series (Capstone Annex 1)."""

from __future__ import annotations

from bluehelmet.doctrine.catalogue._entry import entry

# §10.2: examples only; each mission sets its own benchmarks with national actors, measuring
# outcomes rather than international inputs.
BENCHMARK_TEMPLATES = [
    entry(
        "violence-and-abuses-ended",
        "Violence and mass abuses have ended",
        "Capstone §10.2",
        "Armed conflict has stopped, there are no widespread human rights violations, and women "
        "and minorities can exercise their rights.",
    ),
    entry(
        "ddr-completed",
        "DDR completed, security institutions rebuilt",
        "Capstone §10.2",
        "Former fighters of every age and sex have gone through DDR, and accountable national "
        "security institutions are being rebuilt.",
    ),
    entry(
        "national-forces-provide-security",
        "National forces keep public order",
        "Capstone §10.2",
        "Army and police can keep the country safe on their own, under civilian control and "
        "within human rights standards.",
    ),
    entry(
        "justice-and-corrections",
        "Independent justice and corrections",
        "Capstone §10.2",
        "Courts that are independent and work, and a functioning prison system, are taking shape.",
    ),
    entry(
        "state-authority-and-services",
        "State authority and basic services restored",
        "Capstone §10.2",
        "Government administration is present across the territory and basic public services "
        "have resumed.",
    ),
    entry(
        "displaced-returned",
        "Displaced people returned or resettled",
        "Capstone §10.2",
        "Refugees and internally displaced people have gone home or settled elsewhere and "
        "reintegrated without stirring new conflict where they live.",
    ),
    entry(
        "legitimate-institutions",
        "Legitimate institutions after free elections",
        "Capstone §10.2",
        "Elections that were free and fair, with women and men equally able to vote and stand, "
        "have produced legitimate political institutions.",
    ),
]

GUIDANCE_SERIES = [
    entry(
        "series-1000",
        "Capstone Doctrine",
        "Capstone Annex 1",
        "The top layer: basic principles, key concepts, core functions and success factors, "
        "led by the Principles and Guidelines themselves. All other guidance must agree with "
        "it.",
        series=1000,
    ),
    entry(
        "series-2000",
        "Headquarters Support to Operations",
        "Capstone Annex 1",
        "What DPKO/DFS headquarters does for missions: direction and command, planning and "
        "budgets, force generation and recruitment, deployment, analysis and reporting.",
        series=2000,
    ),
    entry(
        "series-3000",
        "Management and Integration of Operations",
        "Capstone Annex 1",
        "Running one integrated mission in the field: command, political work, planning, "
        "safety and security, crisis management, conduct and discipline, oversight of "
        "resources.",
        series=3000,
    ),
    entry(
        "series-4000",
        "Multi-dimensional Operations",
        "Capstone Annex 1",
        "Modular guidance per capability, used as far as the mission has it: military, police, "
        "civil and political affairs, justice, prisons, human rights, DDR, SSR, demining and "
        "elections.",
        series=4000,
    ),
    entry(
        "series-5000",
        "Field Operations Support",
        "Capstone Annex 1",
        "How support resources serve the mandate: logistics, movement control, deployment "
        "stocks, aviation, ground transport, engineering, ICT, medical, finance, procurement.",
        series=5000,
    ),
    entry(
        "series-6000",
        "Headquarters Management and Administration",
        "Capstone Annex 1",
        "The internal administration of DPKO and DFS: planning, budget and oversight, staff and "
        "travel, writing and records.",
        series=6000,
    ),
]
