"""Name pools for the demo's people: plausible, generated, fictional (DESIGN "Demo scenario").

Personnel come from many Member States (Capstone §7.1: the mission draws civilian, police and
military staff from contributing countries); national staff come from the fictional host countries
and therefore carry no ISO nationality. Names are combined at random, so any likeness to a real
person is coincidental.
"""

from __future__ import annotations

import random
import unicodedata

# nationality -> (given names (female), given names (male), family names)
POOLS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "BGD": (
        ("Nasrin", "Farzana", "Sharmin"),
        ("Tanvir", "Rafiqul", "Mahbub", "Shafiqur"),
        ("Rahman", "Hossain", "Chowdhury", "Karim", "Talukder"),
    ),
    "PAK": (
        ("Ayesha", "Sana", "Mehwish"),
        ("Imran", "Asif", "Khurram", "Zeeshan"),
        ("Qureshi", "Malik", "Abbasi", "Siddiqui", "Butt"),
    ),
    "RWA": (
        ("Aline", "Divine", "Claudine"),
        ("Emmanuel", "Jean-Bosco", "Innocent", "Patrick"),
        ("Habimana", "Mugisha", "Uwase", "Niyonzima", "Kayitare"),
    ),
    "NPL": (
        ("Sabina", "Pooja", "Anjali"),
        ("Bishnu", "Ramesh", "Prakash", "Dipendra"),
        ("Shrestha", "Gurung", "Thapa", "Adhikari", "Magar"),
    ),
    "EGY": (
        ("Nour", "Yasmin", "Dina"),
        ("Ahmed", "Tarek", "Sherif", "Hossam"),
        ("El-Sayed", "Fahmy", "Abdelaziz", "Mansour", "Ragab"),
    ),
    "SEN": (
        ("Aminata", "Fatou", "Mariama"),
        ("Mamadou", "Cheikh", "Ousmane", "Babacar"),
        ("Diop", "Ndiaye", "Sow", "Fall", "Gueye"),
    ),
    "IDN": (
        ("Dewi", "Sri", "Ratna"),
        ("Agus", "Budi", "Hendra", "Wahyu"),
        ("Santoso", "Wibowo", "Nugroho", "Siregar", "Pratama"),
    ),
    "ZMB": (
        ("Chipo", "Mutinta", "Natasha"),
        ("Mwansa", "Chanda", "Bwalya", "Mulenga"),
        ("Phiri", "Banda", "Tembo", "Mwale", "Zulu"),
    ),
    "MAR": (
        ("Salma", "Khadija", "Imane"),
        ("Youssef", "Hicham", "Rachid", "Karim"),
        ("Benali", "El Idrissi", "Alaoui", "Bennani", "Tazi"),
    ),
    "BFA": (
        ("Awa", "Salimata", "Rasmata"),
        ("Issouf", "Boukary", "Hamidou", "Adama"),
        ("Ouedraogo", "Sawadogo", "Kaboré", "Compaoré", "Zongo"),
    ),
    "MRT": (
        ("Mariem", "Khadijetou", "Aichetou"),
        ("Sidi", "Mohamed Lemine", "Cheikhna"),
        ("Ould Ahmed", "Ould Cheikh", "Mint Sidi", "Ould Mohamed"),
    ),
    "GHA": (
        ("Abena", "Efua", "Akosua"),
        ("Kwame", "Kofi", "Yaw", "Kwabena"),
        ("Mensah", "Owusu", "Boateng", "Asante", "Appiah"),
    ),
    "URY": (
        ("Lucía", "Valentina", "Carolina"),
        ("Martín", "Diego", "Gonzalo", "Santiago"),
        ("Pereira", "Rodríguez", "Fernández", "Sosa", "Silva"),
    ),
    "NOR": (
        ("Ingrid", "Kari", "Solveig"),
        ("Lars", "Erik", "Håkon", "Magnus"),
        ("Haugen", "Berg", "Johansen", "Lie", "Dahl"),
    ),
    "FRA": (
        ("Claire", "Isabelle", "Élodie"),
        ("Julien", "Olivier", "Thomas", "Nicolas"),
        ("Moreau", "Lefèvre", "Girard", "Fournier", "Mercier"),
    ),
    "CAN": (
        ("Megan", "Catherine", "Geneviève"),
        ("Andrew", "Marc-André", "Daniel", "Ryan"),
        ("Tremblay", "MacDonald", "Gagnon", "Campbell", "Roy"),
    ),
    "KEN": (
        ("Wanjiru", "Achieng", "Njeri"),
        ("Otieno", "Kiprono", "Mwangi", "Kamau"),
        ("Odhiambo", "Kariuki", "Wafula", "Cheruiyot", "Njoroge"),
    ),
    "BRA": (
        ("Fernanda", "Juliana", "Camila"),
        ("Rafael", "Rodrigo", "Thiago", "Paulo"),
        ("Oliveira", "Souza", "Almeida", "Carvalho", "Ribeiro"),
    ),
    "JPN": (
        ("Yuko", "Akiko", "Haruka"),
        ("Takashi", "Kenji", "Hiroshi", "Daisuke"),
        ("Tanaka", "Suzuki", "Watanabe", "Kobayashi", "Yamamoto"),
    ),
    "TUN": (
        ("Amira", "Rim", "Olfa"),
        ("Mehdi", "Sami", "Walid", "Anis"),
        ("Trabelsi", "Ben Salah", "Jebali", "Gharbi", "Mejri"),
    ),
    "ETH": (
        ("Hiwot", "Selam", "Meron"),
        ("Dawit", "Yonas", "Tesfaye", "Bereket"),
        ("Tadesse", "Haile", "Girma", "Bekele", "Alemu"),
    ),
    "IRL": (
        ("Siobhán", "Aoife", "Niamh"),
        ("Cian", "Declan", "Seán", "Eoin"),
        ("O'Brien", "Byrne", "Kavanagh", "Murphy", "Walsh"),
    ),
    "JOR": (
        ("Rania", "Lina", "Hala"),
        ("Omar", "Khaled", "Ziad", "Faris"),
        ("Haddad", "Al-Khatib", "Masri", "Nasser", "Obeidat"),
    ),
    "CHL": (
        ("Francisca", "Javiera", "Constanza"),
        ("Matías", "Cristián", "Felipe", "Andrés"),
        ("Muñoz", "González", "Rojas", "Contreras", "Vergara"),
    ),
    "FIN": (
        ("Aino", "Laura", "Riikka"),
        ("Mikko", "Jussi", "Antti", "Ville"),
        ("Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Laine"),
    ),
    "IND": (
        ("Priya", "Kavita", "Meera"),
        ("Rajesh", "Vikram", "Arjun", "Sanjay"),
        ("Sharma", "Nair", "Iyer", "Singh", "Menon"),
    ),
    "NGA": (
        ("Chiamaka", "Funmilayo", "Ngozi"),
        ("Chinedu", "Babatunde", "Emeka", "Tunde"),
        ("Okafor", "Adeyemi", "Eze", "Balogun", "Nwosu"),
    ),
    # National staff of the fictional host countries: no ISO nationality.
    "*BN": (
        ("Clarisse", "Nadège", "Rosalie", "Mireille"),
        ("Aurélien", "Prosper", "Fidèle", "Josué"),
        ("Ngbakora", "Yakité", "Mbolo", "Kossengué", "Ndarassa", "Zoumalé", "Wanguia"),
    ),
    "*TM": (
        ("Halima", "Achta", "Zenaba"),
        ("Idriss", "Abakar", "Moussa", "Hassan"),
        ("Djimet", "Haggar", "Ousmane Kebir", "Abdelkerim", "Saleh Tahir"),
    ),
}

# Pools the plans refer to with a leading asterisk.
CIVILIAN_POOL = (
    "FRA",
    "CAN",
    "NOR",
    "GHA",
    "KEN",
    "BRA",
    "JPN",
    "IRL",
    "TUN",
    "ETH",
    "JOR",
    "CHL",
    "FIN",
    "IND",
    "NGA",
    "SEN",
    "URY",
)
POOLS_BY_ALIAS: dict[str, tuple[str, ...]] = {
    "*civ": CIVILIAN_POOL,
    "*pcc": ("SEN", "BFA", "MRT", "EGY", "RWA", "TUN"),
    "*tcc": ("BGD", "PAK", "RWA", "NPL", "EGY", "IDN", "ZMB", "MAR", "GHA", "URY"),
}


class NameMaker:
    """Draws unique full names for a nationality (or a pool alias) from a seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def nationality(self, code: str) -> str:
        """Resolve a pool alias such as ``*civ`` to one ISO alpha-3 code (or a national pool)."""
        choices = POOLS_BY_ALIAS.get(code)
        return self.rng.choice(choices) if choices else code

    def full_name(self, pool: str, female: bool | None = None, share: float = 0.4) -> str:
        """A unique name; ``share`` is the chance of a woman's name when ``female`` is None."""
        women, men, families = POOLS[pool]
        if female is None:
            female = self.rng.random() < share
        for _attempt in range(50):
            given = self.rng.choice(women if female else men)
            name = f"{given} {self.rng.choice(families)}"
            if name not in self.used:
                self.used.add(name)
                return name
        raise ValueError(f"name pool {pool} exhausted")


def iso_nationality(pool: str) -> str:
    """The ISO code stored on Person: blank for the fictional countries' national staff."""
    return "" if pool.startswith("*") else pool


def email_for(name: str, domain: str) -> str:
    """A deterministic address on a reserved example domain (RFC 2606)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    parts = ascii_name.replace("-", " ").replace("'", "").lower().split()
    return f"{'.'.join(parts)}@{domain}"
