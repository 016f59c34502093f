"""The incident taxonomy the JOC reports on, and its crosswalk to ACLED and UCDP GED.

The categories follow what mission situation reports track (Capstone §7.2: the JOC collates
reports from every component; §2.3 and §3.1: protection of civilians, the safety of UN personnel
and premises, freedom of movement and humanitarian access). Each category maps *out* to one
ACLED event/sub-event type and, where the event is organised violence, to one GED
``type_of_violence``; ``acled_in`` lists the ACLED pairs read *into* it. ACLED codebook (2023)
and UCDP GED codebook 23.1 are the references; the crosswalk itself is ours.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

# GED type_of_violence
GED_STATE_BASED, GED_NON_STATE, GED_ONE_SIDED = 1, 2, 3


@dataclass(frozen=True)
class CategorySpec:
    code: str
    name: str
    group: str
    acled: tuple[str, str] | None  # export: (event_type, sub_event_type)
    ged: int | None = None  # export and import: GED type_of_violence
    acled_in: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    description: str = ""


CATEGORIES: tuple[CategorySpec, ...] = (
    CategorySpec(
        "clash-state",
        "Armed clash involving state forces",
        "armed_violence",
        (BATTLES, "Armed clash"),
        GED_STATE_BASED,
        ((BATTLES, "Armed clash"),),
        "Fighting between government forces and an organised armed group (GED state-based).",
    ),
    CategorySpec(
        "clash-non-state",
        "Armed clash between non-state armed groups",
        "armed_violence",
        (BATTLES, "Armed clash"),
        GED_NON_STATE,
        description="Fighting between organised armed groups, no state party (GED non-state).",
    ),
    CategorySpec(
        "territory-change",
        "Change of territorial control",
        "armed_violence",
        (BATTLES, "Non-state actor overtakes territory"),
        GED_STATE_BASED,
        (
            (BATTLES, "Government regains territory"),
            (BATTLES, "Non-state actor overtakes territory"),
            (STRATEGIC, "Non-violent transfer of territory"),
        ),
    ),
    CategorySpec(
        "remote-violence",
        "Shelling, air or drone strike",
        "armed_violence",
        (EXPLOSIONS, "Shelling/artillery/missile attack"),
        GED_STATE_BASED,
        (
            (EXPLOSIONS, "Shelling/artillery/missile attack"),
            (EXPLOSIONS, "Air/drone strike"),
            (EXPLOSIONS, "Suicide bomb"),
            (EXPLOSIONS, "Chemical weapon"),
        ),
    ),
    CategorySpec(
        "attack-un-personnel",
        "Attack on UN personnel",
        "un_safety",
        (BATTLES, "Armed clash"),
        description="Armed attack on peacekeepers or other UN staff (Capstone §3.1, self-defence).",
    ),
    CategorySpec(
        "attack-un-premises",
        "Attack on UN premises or assets",
        "un_safety",
        (STRATEGIC, "Looting/property destruction"),
    ),
    CategorySpec(
        "attack-civilians",
        "Violence against civilians",
        "protection",
        (VAC, "Attack"),
        GED_ONE_SIDED,
        ((VAC, "Attack"), (PROTESTS, "Excessive force against protesters")),
        "Deliberate violence against unarmed civilians (GED one-sided; Capstone §2.3 PoC).",
    ),
    CategorySpec(
        "poc-threat",
        "Threat to civilians",
        "protection",
        (STRATEGIC, "Other"),
        description="Credible threat of violence against a community (protection of civilians).",
    ),
    CategorySpec(
        "abduction",
        "Abduction or forced disappearance",
        "protection",
        (VAC, "Abduction/forced disappearance"),
        acled_in=((VAC, "Abduction/forced disappearance"),),
    ),
    CategorySpec(
        "sexual-violence",
        "Conflict-related sexual violence",
        "protection",
        (VAC, "Sexual violence"),
        acled_in=((VAC, "Sexual violence"),),
    ),
    CategorySpec(
        "demonstration",
        "Demonstration",
        "public_order",
        (PROTESTS, "Peaceful protest"),
        acled_in=((PROTESTS, "Peaceful protest"), (PROTESTS, "Protest with intervention")),
    ),
    CategorySpec(
        "riot",
        "Riot or mob violence",
        "public_order",
        (RIOTS, "Violent demonstration"),
        acled_in=((RIOTS, "Violent demonstration"), (RIOTS, "Mob violence")),
    ),
    CategorySpec(
        "crime",
        "Crime (banditry, robbery, looting)",
        "crime",
        (STRATEGIC, "Looting/property destruction"),
        acled_in=((STRATEGIC, "Looting/property destruction"),),
    ),
    CategorySpec(
        "hijacking",
        "Hijacking of vehicles or convoys",
        "crime",
        (STRATEGIC, "Looting/property destruction"),
    ),
    CategorySpec(
        "armed-group-movement",
        "Movement of armed groups",
        "movement",
        (STRATEGIC, "Change to group/activity"),
        acled_in=(
            (STRATEGIC, "Change to group/activity"),
            (STRATEGIC, "Headquarters or base established"),
        ),
    ),
    CategorySpec(
        "movement-restriction",
        "Restriction of freedom of movement",
        "movement",
        (STRATEGIC, "Other"),
        description="Checkpoints, roadblocks or denials that stop the mission moving (SOFA).",
    ),
    CategorySpec(
        "humanitarian-access",
        "Humanitarian access incident",
        "access",
        (STRATEGIC, "Other"),
        description="Impediment or attack affecting humanitarian actors (Capstone §7.2).",
    ),
    CategorySpec(
        "explosive-hazard",
        "Explosive hazard (IED, landmine, UXO)",
        "hazards",
        (EXPLOSIONS, "Remote explosive/landmine/IED"),
        acled_in=(
            (EXPLOSIONS, "Remote explosive/landmine/IED"),
            (EXPLOSIONS, "Grenade"),
            (STRATEGIC, "Disrupted weapons use"),
        ),
    ),
    CategorySpec(
        "natural-hazard",
        "Natural hazard (flood, drought, epidemic)",
        "hazards",
        None,
    ),
    CategorySpec(
        "political-development",
        "Political or other development",
        "other",
        (STRATEGIC, "Other"),
        acled_in=((STRATEGIC, "Agreement"), (STRATEGIC, "Arrests"), (STRATEGIC, "Other")),
    ),
)

# GED type_of_violence -> category read in.
GED_IN = {
    GED_STATE_BASED: "clash-state",
    GED_NON_STATE: "clash-non-state",
    GED_ONE_SIDED: "attack-civilians",
}

# ACLED interaction codes of state forces (numeric in older exports, text in newer ones).
ACLED_STATE_ACTOR = {"1", "state forces"}


def acled_lookup() -> dict[tuple[str, str], str]:
    """(event_type, sub_event_type), lower-cased -> category code."""
    table: dict[tuple[str, str], str] = {}
    for spec in CATEGORIES:
        for event, sub in spec.acled_in:
            table[event.lower(), sub.lower()] = spec.code
    return table


def by_code() -> dict[str, CategorySpec]:
    return {spec.code: spec for spec in CATEGORIES}


def load_categories(category_model: object) -> int:
    """Create or update the shipped categories (used by the data migration); returns a count."""
    for order, spec in enumerate(CATEGORIES, start=1):
        category_model.objects.update_or_create(  # type: ignore[attr-defined]
            code=spec.code,
            defaults={
                "name": spec.name,
                "group": spec.group,
                "description": spec.description,
                "acled_event_type": spec.acled[0] if spec.acled else "",
                "acled_sub_event_type": spec.acled[1] if spec.acled else "",
                "ged_type_of_violence": spec.ged,
                "acled_in": [list(pair) for pair in spec.acled_in],
                "sort_order": order * 10,
            },
        )
    return len(CATEGORIES)
