"""The generator's vocabulary: names, places, notes, the circles and the words typed for each kind."""

from __future__ import annotations

# -- the vocabulary ----------------------------------------------------------------------

FIRST_NAMES: tuple[str, ...] = (
    "Ana", "Zoë", "José", "Björn", "Søren", "Chloé", "François", "Inés", "Łukasz", "Ümit",
    "Çağla", "Mírian", "Þóra", "Jürgen", "Renée", "Siân", "Tomás", "Agnès", "Noémie", "Léa",
    "Hélène", "Małgorzata", "Dvora", "Anaïs", "Raúl", "Joaquín", "Mónica", "Ángel", "Gül", "Emre",
    "Kofi", "Ama", "Chidi", "Ngozi", "Aiko", "Kenji", "Haruto", "Yui", "Mei", "Wei",
    "Jun", "Hana", "Min-jun", "Seo-yeon", "Arjun", "Priya", "Ravi", "Ananya", "Fatima", "Omar",
    "Yara", "Tariq", "Leila", "Amir", "Noah", "Liam", "Emma", "Olivia", "Sofia", "Lucas",
    "Mateus", "Thiago", "Beatriz", "Luíza", "João", "Gonçalo", "Irène", "Maëlle", "Benoît", "Loïc",
    "Astrid", "Sigrún", "Ingrid", "Lars", "Nils", "Maja", "Elin", "Oskar", "Aleksander", "Katarzyna",
    "Zsófia", "Bence", "Dóra", "Ivan", "Olga", "Dmitri", "Natálie", "Jiří", "Tereza", "Ondřej",
    "Saoirse", "Niamh", "Ciarán", "Eoin", "Rhiannon", "Dafydd", "Grace", "Owen", "Isaac", "Leah",
    "Sam", "Tom", "Ben", "Nia", "Maya", "Ada", "Iris", "Felix", "Hugo", "Elena",
    "Marta", "Pablo", "Diego", "Lucía", "Rosa", "Sara", "Luca", "Giulia", "Matteo", "Chiara",
)  # fmt: skip
LAST_NAMES: tuple[str, ...] = (
    "Ruiz", "Laurent", "García", "Müller", "Núñez", "Østergaard", "Kowalczyk", "Öztürk", "Nguyễn", "Şahin",
    "Dubois", "Lefèvre", "Béranger", "Gómez", "Peña", "Ibáñez", "Fernández", "Sánchez", "Álvarez",
    "Rodríguez",
    "Schröder", "Weiß", "Köhler", "Jäger", "Bäcker", "Håkansson", "Sjöberg", "Løvås", "Ærø", "Gíslason",
    "Dvořák", "Novák", "Černý", "Horváth", "Kovács", "Szabó", "Wiśniewski", "Wójcik", "Lewandowski",
    "Zieliński",
    "Popescu", "Ionescu", "Petrović", "Jovanović", "Kuznetsova", "Ivanova", "Papadopoulos", "Oğuz", "Yılmaz",  # noqa: RUF001
    "Demir", "Haddad", "Khoury", "Aziz", "Hassan", "Nasser", "Mansour", "Okafor", "Mensah", "Obi",
    "Adeyemi", "Boateng", "Diallo", "Traoré", "Ndiaye", "Tanaka", "Satō", "Itō", "Katō", "Mori",
    "Chen", "Wang", "Liu", "Zhang", "Kim", "Park", "Choi", "Lee", "Patel", "Nair",
    "Rao", "Singh", "Iyer", "Menon", "Reddy", "Costa", "Gonçalves", "Araújo", "Conceição", "Simões",
    "Rossi", "Bianchi", "Ricci", "Esposito", "Colombo", "Fischer", "Wagner", "Becker", "Berg", "Holm",
    "Eriksen", "Lindqvist", "Nyström", "O'Brien", "Ó Súilleabháin", "MacAodha", "Byrne", "Price", "Evans",
    "Williams", "Carter", "Baker", "Brown", "Cohen", "Levi", "Mizrahi", "van Dijk", "de Vries", "Janssen",
    "Peeters", "Moreau", "Martin", "Bernard", "Faure", "Roux", "Fontaine", "Chevalier", "Leclerc", "Marchand",
)  # fmt: skip
NICKNAMES: tuple[str, ...] = (
    "Jo", "Bea", "Lu", "Max", "Sol", "Kit", "Zé", "Tito", "Mimi", "Dani", "Nico", "Pepe", "Rafa",
    "Lena", "Beto", "Kiki", "Toto", "Gigi", "Bo", "Fi",
)  # fmt: skip
CITIES: tuple[str, ...] = (
    "Lisbon", "Porto", "Madrid", "Sevilla", "Bogotá", "São Paulo", "Kraków", "Malmö", "Zürich", "Reykjavík",
    "München", "Köln", "Wrocław", "Brno", "Plzeň", "Göteborg", "Tromsø", "Århus", "Besançon", "Nîmes",
    "Québec", "Montréal", "Toronto", "London", "Leeds", "Bristol", "Dublin", "Cork", "Cardiff", "Berlin",
    "Vienna", "Prague", "Lyon", "Nantes", "Milan", "Turin", "Osaka", "Tokyo", "Seoul", "Lagos",
    "Accra", "Cairo", "Beirut", "İstanbul", "Pune", "Chennai", "Bangalore", "Haifa", "Brussels", "Oslo",
)  # fmt: skip
COMPANIES: tuple[str, ...] = (
    "Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Adatum", "Wingtip", "Proseware", "Lucerne",
    "Fourth Coffee", "Margie's Travel", "Alpine Ski House", "Coho Winery", "Blue Yonder", "Relecloud",
    "Woodgrove Bank", "Trey Research", "Humongous Insurance", "VanArsdel", "Graphic Design Institute",
    "Wide World Importers", "Tailwind Traders", "Bellows College", "Southridge Video", "Datum Café",
)  # fmt: skip
ROLES: tuple[str, ...] = (
    "designer", "engineer", "product manager", "founder", "researcher", "teacher", "editor", "nurse",
    "architect", "lawyer", "accountant", "data scientist", "photographer", "chef", "recruiter", "consultant",
)  # fmt: skip
TOPICS: tuple[str, ...] = (
    "climbing", "ceramics", "poetry", "open source", "cycling", "chess", "running", "birding", "typography",
    "podcasting", "urban gardening", "robotics", "data journalism", "fintech", "choir", "design systems",
    "accessibility", "compilers", "climate", "maps", "sourdough", "jazz", "sailing", "woodwork", "knitting",
    "board games", "photography", "hiking", "mentoring", "the café crème", "Zürich trip", "naïve art",
)  # fmt: skip
NOTE_FORMS: tuple[str, ...] = (
    "{}", "talked about {}", "catching up on {}", "new job and {}", "kids, school and {}",
    "their talk on {}", "a book swap; {}", "moving flat, then {}", "plans for {} in the spring",
)  # fmt: skip
NOTE_TAILS: tuple[str, ...] = (
    "", "; send the link", "; ask about the kids", "; they sounded tired", "; lovely evening",
    "; owe them a call", "; promised photos", "; good news on the flat", "; rain, so indoors", "; long chat",
    *(f"; next time in {city}" for city in CITIES), *(f"; they're off to {city}" for city in CITIES),
)  # fmt: skip
# About 30,000 different notes (half of them without a tail): real notes mostly differ,
# so a search cannot lean on repeats. NOTES[i * len(NOTE_TAILS) + j] has tail j.
NOTES: tuple[str, ...] = tuple(
    form.format(topic) + tail for form in NOTE_FORMS for topic in TOPICS for tail in NOTE_TAILS
)
HOW_MET: tuple[str, ...] = (
    "at university", "through work", "at a conference", "climbing gym", "neighbours", "a friend's wedding",
    "online forum", "choir", "a meetup", "school gates", "on a train", "through Ana",
)  # fmt: skip
TAGS: tuple[str, ...] = (
    "climbing", "work", "book-club", "running", "school", "neighbour", "mentor", "investor", "design",
    "music", "cycling", "chess", "board-games", "volunteering", "alumni", "conference", "photography",
    "startup", "writing", "coffee",
)  # fmt: skip
HELP_WHAT: tuple[str, ...] = (
    "intro to a designer I trust", "talked through a tricky proposal", "passed their name on for a workshop",
    "sent the article on pricing", "wrote a recommendation", "reviewed their portfolio", "lent my tent",
    "helped them move flat", "read a draft of their talk", "found them a café for the meetup",
)  # fmt: skip
LOOP_WHAT: tuple[tuple[str, str], ...] = (
    ("promise", "intro to a bouldering coach"), ("promise", "send the workshop slides"),
    ("promise", "coffee with my old manager"), ("promise", "lend the pottery book"),
    ("promise", "review their CV"), ("need", "a good accountant"), ("need", "speakers for a meetup"),
    ("need", "a flat in Lisbon"), ("need", "a React contractor"), ("need", "a climbing partner"),
)  # fmt: skip

# The circles: (name, share of every 220 people, contacts a year, family share, drifting share).
CIRCLES: tuple[tuple[str, int, float, float], ...] = (
    ("core", 5, 70.0, 0.40),
    ("close", 15, 24.0, 0.20),
    ("friends", 50, 8.0, 0.05),
    ("network", 150, 2.5, 0.02),
    ("acquaintance", 0, 0.8, 0.01),
)
DUNBAR = 220
# Per circle, the chance of each kind (percent); the word typed (``said``) is drawn after.
KIND_MIX: dict[str, dict[str, int]] = {
    "core": {"meet": 30, "video": 8, "call": 20, "message": 10, "text": 22, "greeting": 2, "react": 8},
    "close": {"meet": 22, "video": 8, "call": 15, "message": 20, "text": 17, "greeting": 3, "react": 15},
    "friends": {"meet": 12, "video": 5, "call": 10, "message": 30, "text": 15, "greeting": 5, "react": 23},
    "network": {"meet": 8, "video": 4, "call": 6, "message": 40, "text": 8, "greeting": 8, "react": 26},
    "acquaintance": {"meet": 4, "video": 1, "call": 2, "message": 40, "text": 5, "greeting": 13, "react": 35},
}
# The words people type for each kind, most common first (None: `net log ana` with no kind).
SAID: dict[str, tuple[str | None, ...]] = {
    "meet": ("coffee", "coffee", "lunch", "dinner", "walk", "visit", "meeting", "meet"),
    "video": ("video",),
    "call": ("call", "call", "phone"),
    "message": (None, None, "email", "email", "message", "dm", "letter", "note"),
    "text": ("text", "sms", "chat", "chat"),
    "greeting": ("birthday", "birthday", "holiday", "greeting"),
    "react": ("like", "like", "comment", "react", "emoji"),
    "help": (None,),
}
# Every (kind, said) pair, by index; interactions carry the index.
WORDS: tuple[tuple[str, str | None], ...] = tuple(
    dict.fromkeys((kind, said) for kind, saids in SAID.items() for said in saids)
)
WORD_INDEX: dict[tuple[str, str | None], int] = {w: i for i, w in enumerate(WORDS)}
HELP_WORD = WORD_INDEX[("help", None)]

HISTORY_DAYS = 8 * 365  # how far back the interactions go
GROUP_SHARE = 0.05  # interactions with 2 or 3 people
HELP_SHARE = 0.025  # contacts with core, close and friends that are helps
NOTE_SHARE = 0.35
BY_THEM_SHARE = 0.35
