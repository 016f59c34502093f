"""Task types for peacebuilding (Capstone §2.4), cross-cutting themes (§1.4), partners (§2.5,
§5.1, §7.2, §10.1) and authority (§2.3, §3.1). See ``tasks.py`` for the TAMM mapping."""

from __future__ import annotations

from bluehelmet.doctrine.catalogue.functions import COHERENCE, POLITICAL, SECURE
from bluehelmet.doctrine.catalogue.tasks import _coop, task

PEACEBUILDING_TASKS = [
    task(
        "ddr-monitoring",
        "Monitor DDR",
        "ddr",
        "Capstone §2.4",
        "Observe and verify disarmament and demobilisation of combatants.",
        tamm="ddr_monitor",
        function=SECURE,
    ),
    task(
        "ddr-assistance",
        "Assist DDR",
        "ddr",
        "Capstone §2.4",
        "Advise national programmes, secure cantonment sites and collect and destroy "
        "surrendered weapons and ammunition.",
        tamm="ddr_assist",
        function=SECURE,
    ),
    task(
        "mine-action",
        "Assist mine action",
        "mine-action",
        "Capstone §2.3-2.4",
        "Emergency clearance of mines and unexploded ordnance and help with national clearance "
        "plans.",
        tamm="demining_assist",
        function=SECURE,
    ),
    task(
        "security-sector-reform",
        "Assist security sector reform",
        "security-sector-reform",
        "Capstone §2.4",
        "Help restructure and train the national security forces and their civilian oversight.",
        tamm="securitysectorreform_assist",
        function=SECURE,
    ),
    task(
        "police-reform",
        "Assist police reform",
        "security-sector-reform",
        "Capstone §2.4",
        "Vet, train, mentor and restructure the national police.",
        tamm="policereform_assist",
        function=SECURE,
    ),
    task(
        "justice-assistance",
        "Assist the justice sector",
        "rule-of-law",
        "Capstone §2.4",
        "Support courts, legal and judicial reform and essential legislation.",
        tamm="justice_assist",
        function=SECURE,
    ),
    task(
        "corrections-support",
        "Support the corrections system",
        "rule-of-law",
        "Capstone §2.4",
        "Help prisons run safely and humanely under national control.",
        function=SECURE,
    ),
    task(
        "war-crimes-justice",
        "Support accountability for war crimes",
        "rule-of-law",
        "Capstone §2.4",
        "Cooperate with courts and tribunals that try serious international crimes.",
        tamm="justice_warcrim",
    ),
    task(
        "human-rights-monitoring",
        "Monitor human rights",
        "human-rights",
        "Capstone §2.4",
        "Record, verify and report violations and help investigate them.",
        tamm="humrts_monitor",
    ),
    task(
        "human-rights-protection",
        "Protect and promote human rights",
        "human-rights",
        "Capstone §2.4",
        "Act to prevent violations and build national institutions able to uphold rights.",
        tamm="humrts_protect",
    ),
    task(
        "election-monitoring",
        "Monitor elections",
        "electoral-assistance",
        "Capstone §2.4",
        "Observe the electoral process and report on whether it was free and fair.",
        tamm="election_monitor",
        function=POLITICAL,
    ),
    task(
        "election-security",
        "Secure elections",
        "electoral-assistance",
        "Capstone §2.4",
        "Protect voters, candidates, staff and materials during the electoral period.",
        tamm="election_security",
        function=SECURE,
    ),
    task(
        "election-assistance",
        "Assist elections",
        "electoral-assistance",
        "Capstone §2.4",
        "Technical advice and logistics to organise polls, staffed with experts proposed by "
        "the Electoral Assistance Division.",
        tamm="election_assist",
        function=POLITICAL,
    ),
    task(
        "state-authority-extension",
        "Support restoration and extension of State authority",
        "state-authority",
        "Capstone §2.4",
        "Provide security, political leadership and coordination so that the State can return "
        "to areas it has lost.",
        function=POLITICAL,
    ),
    task(
        "government-capacity",
        "Build government capacity",
        "state-authority",
        "Capstone §2.4",
        "Small-scale help to ministries and local administrations so they can function.",
        tamm="govcap_assist",
        function=POLITICAL,
    ),
    task(
        "government-policies",
        "Assist government policy-making",
        "state-authority",
        "Capstone §2.4-2.5",
        "Advise the authorities on policies and reforms, including constitutional and economic "
        "ones.",
        tamm="govpolicies_assist",
        function=POLITICAL,
    ),
]

CROSS_CUTTING_TASKS = [
    task(
        "women-protection",
        "Women, peace and security",
        "women-peace-security",
        "Capstone §1.4",
        "Protect women and girls and bring women into the peace process and its institutions.",
        tamm="women_protect",
        resolution="1325",
    ),
    task(
        "children-protection",
        "Protect children in armed conflict",
        "children-armed-conflict",
        "Capstone §1.4",
        "Monitor and report grave violations against children and help release child soldiers.",
        tamm="children_protect",
        resolution="1612",
    ),
    task(
        "civilian-protection",
        "Protect civilians",
        "protection-of-civilians",
        "Capstone §1.4, §2.3",
        "Protect civilians facing imminent threat of physical violence, with military, police "
        "and civilian components acting together and with humanitarian partners.",
        tamm="prociv",
        function=SECURE,
        resolution="1674",
    ),
    task(
        "cultural-preservation",
        "Preserve cultural heritage",
        "other-thematic",
        "Capstone §1.4",
        "Protect monuments, sites and objects of cultural value from harm during the conflict.",
        tamm="cultural_pres",
    ),
]

PARTNER_TASKS = [
    task(
        "humanitarian-aid-support",
        "Support delivery of humanitarian aid",
        "humanitarian-support",
        "Capstone §2.5",
        "Make the environment safe enough for agencies to deliver relief; the agencies remain "
        "in charge of the aid.",
        tamm="humaid_assist",
        function=SECURE,
    ),
    task(
        "humanitarian-personnel-protection",
        "Protect humanitarian personnel",
        "humanitarian-support",
        "Capstone §2.3, §2.5",
        "Keep aid workers and their convoys and premises safe from attack.",
        tamm="humpersonnel_protect",
        function=SECURE,
    ),
    task(
        "refugee-monitoring",
        "Monitor refugees and displaced people",
        "humanitarian-support",
        "Capstone §2.4-2.5",
        "Follow the situation and movements of refugees and internally displaced people.",
        tamm="refugees_monitor",
    ),
    task(
        "refugee-return",
        "Assist refugees and displaced people",
        "humanitarian-support",
        "Capstone §2.4-2.5",
        "Support safe, voluntary return or resettlement with partners who run the programmes.",
        tamm="refugees_assist",
    ),
    task(
        "quick-impact-projects",
        "Quick impact projects",
        "recovery-support",
        "Capstone §2.5",
        "Small, fast projects such as repairs or short-term jobs that build confidence in the "
        "mission; they do not replace humanitarian or development aid.",
        tamm="qip_assist",
    ),
    task(
        "socio-economic-recovery",
        "Support socio-economic recovery",
        "recovery-support",
        "Capstone §2.5",
        "Use the mission's influence and good offices to rally donors and encourage reforms; "
        "development partners run the programmes.",
        function=COHERENCE,
    ),
    _coop(
        "au-cooperation", "the African Union", "regional-organisations", "Capstone §10.1", "au_coop"
    ),
    _coop(
        "eu-cooperation",
        "the European Union",
        "regional-organisations",
        "Capstone §10.1",
        "eu_coop",
    ),
    _coop(
        "ecowas-cooperation", "ECOWAS", "regional-organisations", "Capstone §10.1", "ecowas_coop"
    ),
    _coop(
        "oas-cooperation",
        "the Organization of American States",
        "regional-organisations",
        "Capstone §10.1",
        "oas_coop",
    ),
    _coop("osce-cooperation", "the OSCE", "regional-organisations", "Capstone §10.1", "osce_coop"),
    _coop(
        "cis-cooperation",
        "the Commonwealth of Independent States",
        "regional-organisations",
        "Capstone §10.1",
        "cis_coop",
    ),
    _coop("undp-cooperation", "UNDP", "un-system", "Capstone §5.1", "undp_coop"),
    _coop(
        "other-mission-cooperation",
        "other UN or peace missions",
        "un-system",
        "Capstone §5.1, §10.1",
        "othermission_coop",
    ),
    _coop(
        "joint-commission-cooperation",
        "a joint military commission of the parties",
        "other-partners",
        "Capstone §2.3",
        "jmc_coop",
    ),
    _coop("other-cooperation", "other partners", "other-partners", "Capstone §7.2", "coop_other"),
]

AUTHORITY_TASKS = [
    task(
        "chapter-vii",
        "Chapter VII authority",
        "use-of-force-authority",
        "Capstone §1.4, §3.1",
        "The Council acted under Chapter VII of the Charter when setting the mandate, usually "
        "to let the mission use force beyond self-defence.",
        tamm="ch7",
    ),
    task(
        "all-necessary-means",
        "Robust mandate: all necessary means",
        "use-of-force-authority",
        "Capstone §3.1",
        "Authority to use force at the tactical level to deter spoilers, shield civilians under "
        "imminent threat or help national authorities keep law and order, with host consent.",
        function=SECURE,
    ),
    task(
        "transitional-administration",
        "Transitional administration",
        "executive-authority",
        "Capstone §2.3, §3.2",
        "The mission temporarily takes on legislative and administrative powers, for example "
        "while sovereignty is settled or new institutions are created.",
        function=POLITICAL,
    ),
]
