"""Word lists the demo generator draws from. All invented for caredesk's demo shop, Fernway."""

from __future__ import annotations

COMPANY = "Fernway"
SIGNATURE = "Fernway Care"

FIRST_NAMES = (
    "Amara", "Ben", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonah",
    "Keiko", "Liam", "Maya", "Nikhil", "Olivia", "Pablo", "Quinn", "Rosa", "Samir", "Tessa",
    "Umar", "Vera", "Wes", "Ximena", "Yusuf", "Zoe", "Aidan", "Bea", "Caleb", "Dalia",
    "Emeka", "Freya", "Gustavo", "Hana", "Ivan", "Jade", "Kofi", "Lucia", "Marek", "Nadia",
    "Oscar", "Priya", "Rafael", "Sofia", "Tomas", "Uma", "Victor", "Wanda", "Yara", "Zain",
    "Agnes", "Bruno", "Carla", "Dev", "Esther", "Felix", "Gemma", "Henrik", "Isla", "Joel",
    "Kira", "Leon", "Mina", "Noah", "Orla", "Pieter", "Rhea", "Stefan", "Tariq", "Ursula",
)  # fmt: skip

LAST_NAMES = (
    "Adeyemi", "Bauer", "Castillo", "Dubois", "Eriksen", "Fontaine", "Garcia", "Hassan",
    "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov",
    "Quintero", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Whitfield", "Xu", "Yilmaz",
    "Zeller", "Abbott", "Brennan", "Chowdhury", "Delgado", "Evans", "Fischer", "Gallagher",
    "Horvat", "Iqbal", "Jovanovic", "Kaur", "Lopez", "Mensah", "Novak", "O'Neill", "Park",
    "Reyes", "Sato", "Thompson", "Uddin", "Vasquez", "Walsh", "Young", "Zhou",
)  # fmt: skip

EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example", "post.example")

# Agents are a fixed cast so the demo sign-ins stay stable; more are numbered when scaled.
AGENT_CAST = (
    ("Nora", "Lindgren"), ("Marco", "Bellini"), ("Aisha", "Rahman"), ("Tom", "Kearney"),
    ("Lin", "Zhao"), ("Sven", "Olsen"), ("Fatima", "Haddad"), ("Diego", "Morales"),
    ("Hannah", "Weiss"), ("Kwame", "Boateng"), ("Irene", "Papadopoulos"), ("Raj", "Mehta"),
    ("Elif", "Demir"), ("Jakob", "Huber"), ("Sara", "Costa"), ("Ola", "Nowak"),
)  # fmt: skip

PRODUCTS = (
    "standing desk", "espresso machine", "air purifier", "rain jacket", "hiking boots",
    "robot vacuum", "desk lamp", "cast-iron pan", "wool blanket", "bike helmet",
    "noise-cancelling headphones", "blender", "winter coat", "office chair", "kettle",
    "smart thermostat", "yoga mat", "duvet set", "phone case", "backpack", "tablet",
    "electric toothbrush", "baby monitor", "bookshelf", "mattress", "fitness watch",
    "sewing machine", "dining table", "toaster", "running shoes", "camping tent",
)  # fmt: skip

HEALTH_PRODUCTS = (
    "blood pressure monitor", "prescription glasses", "insulin cooler bag", "walking frame",
    "hearing aid batteries", "nebuliser", "pulse oximeter", "orthopaedic pillow",
    "compression stockings", "pill organiser with alarms",
)  # fmt: skip

GIFT_EVENTS = (
    ("my daughter's birthday", "Saturday"), ("our wedding", "Saturday"),
    ("my son's graduation", "Friday"), ("my mum's 70th", "Sunday"),
    ("a job interview", "Monday"), ("my exam", "Thursday"), ("the christening", "Sunday"),
    ("our anniversary", "Friday"), ("a conference talk", "Wednesday"),
)  # fmt: skip

CITIES = (
    "Lisbon", "Leeds", "Lyon", "Porto", "Gdansk", "Utrecht", "Bilbao", "Graz", "Tampere",
    "Cork", "Brno", "Malmo", "Turin", "Ghent", "Bergen", "Seville", "Krakow", "Aarhus",
)  # fmt: skip

CARRIERS = ("ParcelStream", "QuickRoute", "Bluebird Post", "Northline Freight", "HopDrop")

AIRLINES = ("Skylark Air", "Aurora Airways", "Meridian Jet", "Coastline Air")

RELATIVES = (
    "mother", "father", "husband", "wife", "partner", "grandmother", "grandfather",
    "brother", "sister", "aunt", "uncle",
)  # fmt: skip

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

PLANS = ("Fernway Plus", "Fernway Family", "Fernway Basic", "Fernway Pro")

APP_PLACES = (
    "the checkout page", "the app on my phone", "the order history page", "the login screen",
    "the returns form", "the payment page", "my account settings",
)  # fmt: skip

DEVICES = ("iPhone", "Android phone", "laptop", "work computer", "tablet")
