"""Support-desk training messages, written by us and labeled per CARE_RUBRIC.md.

Compositional: each emotion has many short "cores" (the part that carries the
feeling), filled from slot lists, wrapped in optional openers, context and
closers, then varied on the surface (case, punctuation, typos). Intensity starts
from the core's own level and moves with shouting, "!!!" and insults.

Deterministic for a given seed. Run ``python training/support_corpus.py`` to print
a sample.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from dataclasses import dataclass

from support_compose import (
    compose,
    compose_breadth,
    compose_implied,
    compose_implied2,
    compose_more,
    fill_extra,
    intensify,
    shout,
)

# ---------------------------------------------------------------- slot values
THINGS = [
    "router",
    "phone",
    "laptop",
    "order",
    "parcel",
    "package",
    "delivery",
    "refund",
    "subscription",
    "account",
    "card",
    "invoice",
    "bill",
    "app",
    "washing machine",
    "fridge",
    "TV",
    "headphones",
    "internet",
    "broadband",
    "tablet",
    "printer",
    "charger",
    "sofa",
    "mattress",
    "booking",
    "ticket",
    "reservation",
    "prescription",
    "insurance claim",
    "loan application",
    "payment",
    "transfer",
    "SIM card",
    "smart watch",
    "camera",
    "vacuum",
    "coffee machine",
    "bike",
    "car rental",
    "gift card",
    "membership",
    "plan",
    "contract",
    "software licence",
    "login",
    "password reset",
    "replacement",
    "warranty claim",
    "direct debit",
    "wifi",
    "phone line",
    "email account",
    "cloud backup",
    "game console",
    "dishwasher",
]
SERVICES = [
    "internet",
    "wifi",
    "electricity",
    "hot water",
    "phone signal",
    "TV",
    "heating",
    "mobile data",
    "broadband",
    "streaming",
    "online banking",
    "the app",
]
COMPANIES = ["you", "your company", "this company", "you guys", "your team", "your service"]
PROBLEMS = [
    "stopped working",
    "keeps crashing",
    "hasn't arrived",
    "was never delivered",
    "arrived broken",
    "is missing a part",
    "won't turn on",
    "keeps disconnecting",
    "was charged twice",
    "shows the wrong amount",
    "got cancelled",
    "is stuck in processing",
    "still isn't fixed",
    "was sent to the wrong address",
    "doesn't charge",
    "froze again",
    "won't let me log in",
    "is showing an error",
    "disappeared from my account",
    "was declined",
    "is way slower than promised",
    "arrived damaged",
    "is the wrong size",
    "never showed up",
    "got lost",
    "is overdue",
    "keeps logging me out",
    "won't sync",
]
DURATIONS = [
    "three days",
    "a week",
    "two weeks",
    "a month",
    "since Monday",
    "10 days",
    "48 hours",
    "since yesterday",
    "all weekend",
    "five days",
    "over a month",
    "6 weeks",
    "two hours",
]
COUNTS = [
    "twice",
    "three times",
    "four times",
    "5 times",
    "again",
    "for the third time",
    "multiple times",
]
PEOPLE = [
    "my mother",
    "my mum",
    "my dad",
    "my father",
    "my husband",
    "my wife",
    "my son",
    "my daughter",
    "my grandmother",
    "my grandfather",
    "my brother",
    "my sister",
    "my partner",
    "my aunt",
    "my best friend",
    "my uncle",
]
EVENTS = [
    "my wedding",
    "my flight",
    "my exam",
    "the funeral",
    "my job interview",
    "my daughter's birthday",
    "the conference",
    "my visa appointment",
    "the move",
    "my surgery",
    "our holiday",
    "the court date",
    "my presentation",
]
WHENS = [
    "tomorrow",
    "on Saturday",
    "tonight",
    "in two hours",
    "on Friday",
    "next week",
    "this afternoon",
    "on Monday morning",
]
AGENTS = [
    "Sam",
    "Priya",
    "Tom",
    "Ana",
    "the agent",
    "the lady on the phone",
    "your colleague",
    "the guy in chat",
    "Marco",
    "Lena",
]
CHANNELS = ["on the phone", "in chat", "by email", "on Twitter", "in the app", "in store"]
AMOUNTS = ["£40", "$120", "€75", "£9.99", "$300", "€1,200", "£15", "$59", "€20", "£250"]
IDS = [
    "#48213",
    "12345",
    "A-9913",
    "order 77812",
    "ref 55120",
    "ticket 3391",
    "#100238",
    "INV-2044",
]
FEATURES = [
    "dark mode",
    "the new dashboard",
    "the update",
    "the export button",
    "the new app",
    "the tracking page",
    "two-factor login",
]
HELPERS = [
    *AGENTS,
    "your team",
    "support",
    "everyone there",
    "you all",
    "the technician",
    "the driver",
]


def _fill(template: str, rng: random.Random) -> str:
    slots: dict[str, Callable[[], str]] = {
        "thing": lambda: rng.choice(THINGS),
        "service": lambda: rng.choice(SERVICES),
        "company": lambda: rng.choice(COMPANIES),
        "problem": lambda: rng.choice(PROBLEMS),
        "duration": lambda: rng.choice(DURATIONS),
        "count": lambda: rng.choice(COUNTS),
        "person": lambda: rng.choice(PEOPLE),
        "event": lambda: rng.choice(EVENTS),
        "when": lambda: rng.choice(WHENS),
        "agent": lambda: rng.choice(AGENTS),
        "channel": lambda: rng.choice(CHANNELS),
        "amount": lambda: rng.choice(AMOUNTS),
        "id": lambda: rng.choice(IDS),
        "feature": lambda: rng.choice(FEATURES),
        "helper": lambda: rng.choice(HELPERS),
    }
    out = template
    for name, pick in slots.items():
        key = "{" + name + "}"
        while key in out:
            out = out.replace(key, pick(), 1)
    return out.replace("my my ", "my ").replace("My my ", "My ").replace("the the ", "the ")


# ---------------------------------------------------------------- cores
# (template, intensity). Intensity per rubric: 0 calm, .3 mild, .6 clear, .9+ extreme.
Core = tuple[str, float]

ANGER: list[Core] = [
    ("This is ridiculous. My {thing} {problem} and nobody has done anything.", 0.7),
    ("Absolutely unacceptable. I've been waiting {duration} for my {thing}.", 0.75),
    ("I'm fed up with {company}. My {thing} {problem} {count} now.", 0.75),
    ("Great, another week without {service}. Thanks a lot.", 0.6),
    ("Oh wonderful, my {thing} {problem} again. Amazing service as always.", 0.65),
    ("Wow. Just wow. {duration} and still no {thing}. Brilliant job, really.", 0.65),
    ("Love paying {amount} a month for {service} that doesn't work. Fantastic.", 0.65),
    ("Thanks for nothing.", 0.6),
    ("So glad I get to spend my whole evening on hold again. Great service.", 0.65),
    ("Your support is useless. Nobody reads what I write.", 0.8),
    ("This is a joke. I was promised a call back {count} and nothing.", 0.75),
    ("I am so angry right now. You charged me {amount} for a {thing} I never got.", 0.85),
    ("Why is it so hard to get a simple refund from {company}?", 0.55),
    ("I'm annoyed that my {thing} {problem} and I keep getting the same copy-paste answer.", 0.55),
    ("Honestly, this is getting really frustrating. {agent} said it would be fixed {when}.", 0.55),
    ("Worst customer service I have ever dealt with.", 0.85),
    ("You people are incompetent. Fix my {thing} now.", 0.9),
    ("I'm cancelling my account and telling everyone I know how awful you are.", 0.95),
    ("Sort it out or I'm going to the press. I'm done being ignored.", 0.95),
    ("If this isn't fixed today I'm leaving and posting this everywhere.", 0.92),
    ("Disgraceful. {duration} without {service} and you want me to pay full price?", 0.8),
    ("Stop sending me the same useless email and actually fix my {thing}.", 0.8),
    ("I've explained this {count} already. Do you even read the messages?", 0.75),
    ("It's pretty irritating that the {thing} {problem} after one day.", 0.45),
    ("A bit annoyed, to be honest. The {thing} {problem} again.", 0.35),
    ("Seriously? You closed my ticket without fixing anything.", 0.65),
    ("Not impressed. The {thing} {problem} and the chat bot just goes in circles.", 0.45),
    ("Unbelievable. Charged {amount} twice and nobody cares.", 0.75),
    ("What a shambles. Nobody at {company} knows what they're doing.", 0.8),
    ("I'm sick of this. Every month there is a new problem with my {thing}.", 0.7),
    ("This is the last straw. Cancel everything.", 0.9),
    ("How many times do I have to ask? Where is my {thing}?", 0.7),
    ("Yeah sure, 'within 24 hours'. That was {duration} ago.", 0.6),
    ("Cool, so I just pay for nothing then? Great business model.", 0.65),
    ("Thanks for the 'help', {agent}. Really useful, as always.", 0.6),
    ("Oh perfect, the {thing} {problem} the day after the warranty ends. Lovely.", 0.6),
    ("Nice to know my {amount} means nothing to you.", 0.6),
    ("I'm furious. {agent} hung up on me {channel}.", 0.85),
    ("Pathetic. You can't even deliver a {thing} to the right house.", 0.8),
    ("This is outrageous, I want a manager now.", 0.85),
    ("Don't tell me to restart it again. I've done that {count}.", 0.65),
    ("You've wasted hours of my time. This is not OK.", 0.7),
    ("I am beyond frustrated with this whole process.", 0.8),
    ("Do not close this ticket again until it is actually fixed.", 0.65),
    ("Why does nobody ever call back when they say they will?", 0.6),
    ("Enough is enough. I want my {amount} back today.", 0.8),
    ("I'm not confused, I'm angry. You took {amount} without asking.", 0.8),
    ("Typical. Promise everything, deliver nothing.", 0.6),
    ("your app is garbage", 0.8),
    ("what a rip off", 0.7),
    ("a complete waste of money", 0.65),
    ("I expected better than this, frankly it's insulting.", 0.65),
]

ANXIETY: list[Core] = [
    ("I'm really worried. My {thing} {problem} and I need it for {event} {when}.", 0.7),
    ("Please help, I'm panicking. There's a payment of {amount} I didn't make.", 0.92),
    ("What happens if my {thing} doesn't arrive before {event}?", 0.5),
    ("Urgent, please. I can't access my account and my rent is due {when}.", 0.75),
    ("I'm scared I've been scammed. Someone took {amount} from my card.", 0.85),
    ("I'm a bit nervous about the update, will I lose my data?", 0.4),
    ("I'm so stressed about this. {event} is {when} and my {thing} {problem}.", 0.75),
    ("Is my money safe? I saw a strange login on my account.", 0.6),
    ("I'm worried I'll be charged again if I don't cancel in time.", 0.45),
    ("Please, I really need this sorted before {event}. I'm freaking out.", 0.9),
    ("I can't sleep over this. What if the {amount} never comes back?", 0.75),
    ("Help!! My {thing} is {problem} and I have {event} {when}!!", 0.9),
    ("I'm anxious because I haven't heard anything about my {thing}.", 0.5),
    ("Should I be concerned that my {thing} says 'failed'?", 0.4),
    ("I'm afraid I've made a mistake with the transfer of {amount}. Can it be stopped?", 0.65),
    (
        "My {person} needs this {thing} for their medication and it {problem}. I'm really worried.",
        0.75,
    ),
    ("Is someone going to contact me? I'm getting nervous, it's been {duration}.", 0.5),
    ("I'm terrified I'm going to miss {event}.", 0.85),
    ("please please please tell me my booking is still valid", 0.8),
    ("Can you confirm my {thing} is still on? I'm a little worried.", 0.35),
    (
        "I got a letter saying my account will be closed. What does that mean for my savings? I'm really stressed.",
        0.7,
    ),
    ("There's a gas smell near the meter and I don't know what to do, please help quickly.", 0.92),
    ("I think my account has been hacked. I'm shaking.", 0.92),
    ("I hope this won't affect my credit score? I'm worried sick.", 0.75),
    ("Just a little concerned the {thing} might not make it in time for {event}.", 0.35),
    ("Time sensitive: I need the {thing} by {when} or I lose my place.", 0.6),
    ("Emergency. My {thing} {problem} and my {person} relies on it.", 0.9),
    ("What if the refund doesn't go through before my card expires?", 0.45),
    ("I'm nervous about giving my card details over chat, is it safe?", 0.4),
    ("I'm in a panic, the deposit of {amount} is gone and I don't know where.", 0.92),
    ("Worried about the delivery, I won't be home {when}. Will it be left outside?", 0.35),
    ("I don't want to lose my number. Will switching plans cancel it?", 0.35),
    ("Really anxious here, my flight is {when} and the booking shows cancelled.", 0.8),
    ("ASAP please, I'm stuck abroad and my card {problem}.", 0.85),
    ("I'm scared to turn it on again, it smelled like burning.", 0.75),
]

SADNESS: list[Core] = [
    ("I'm so disappointed. I saved up for this {thing} and it {problem}.", 0.6),
    ("My {person} passed away last month and I need to close their account.", 0.55),
    ("Heartbroken. The {thing} was a gift for {person} and it arrived smashed.", 0.75),
    ("I was really looking forward to {event} and now it's ruined.", 0.65),
    ("It's a shame, I've been a customer for years and it feels like nobody cares any more.", 0.45),
    ("I'm really sad that the {feature} is gone, I used it every day.", 0.45),
    ("Honestly I'm just disappointed. I expected more from you.", 0.45),
    ("This has really upset me. The {thing} had photos of my late {person} on it.", 0.75),
    ("I feel let down. {agent} promised it would be sorted.", 0.45),
    ("I'm gutted. The {thing} {problem} and it was a one-off.", 0.65),
    (
        "My {person} is very ill and I'm trying to sort out their bills. It's been a hard month.",
        0.6,
    ),
    ("Sadly I'll have to move my account. I've been with you for ten years.", 0.45),
    ("I'm sorry to write this, but I'm very disappointed with how this was handled.", 0.45),
    ("We lost our dog last week and I need to cancel the pet insurance.", 0.6),
    ("I feel so let down, I trusted you with this.", 0.55),
    ("It's been a really tough time and this {thing} issue just made it worse.", 0.55),
    ("It's sad to see the quality go down like this.", 0.4),
    ("I cried when I opened the box. The {thing} was completely broken.", 0.8),
    ("I lost my job and I can't afford the {amount} any more. I don't know what to do.", 0.7),
    ("Bit disappointed the {thing} isn't as described, but oh well.", 0.3),
    ("The funeral is {when} and the flowers never arrived. I'm devastated.", 0.85),
    ("I'm hurt that after all these years this is how I'm treated.", 0.55),
    ("Unfortunately the {thing} didn't live up to what I hoped.", 0.3),
    ("Such a pity, it was my favourite {thing}.", 0.35),
    (
        "My {person} died and I don't know how to access the account. Please be patient with me.",
        0.6,
    ),
    ("I miss the old version, the new one makes me sad.", 0.35),
    ("Feeling pretty low about this whole thing to be honest.", 0.45),
]

CONFUSION: list[Core] = [
    ("I don't understand. What does this charge of {amount} mean?", 0.35),
    ("???", 0.3),
    ("I'm not angry, just confused. Why was my {thing} cancelled?", 0.35),
    ("I'm confused, the app says paid but the email says overdue?", 0.35),
    ("What does 'pending verification' mean? I already verified.", 0.3),
    ("Sorry, I'm lost. Which form do I need to fill in?", 0.3),
    ("Wait, so is my {thing} cancelled or not?", 0.35),
    ("I don't get it. You said it was refunded but I can't see it.", 0.4),
    ("Can someone explain this bill to me? It makes no sense.", 0.4),
    ("Huh? I never ordered a second {thing}.", 0.35),
    ("I'm a bit confused by the instructions, step 3 doesn't match the screen.", 0.3),
    ("So do I need to return the {thing} first or wait for the replacement?", 0.25),
    ("Not sure I understand your last message. Do I need to do anything?", 0.25),
    ("I'm not sure what you mean by 'reset the profile'.", 0.25),
    ("Which one is it? {agent} said one thing and the email says another.", 0.4),
    ("Why does it say I owe {amount} when I paid in full?", 0.4),
    ("What?? That makes no sense.", 0.45),
    ("I'm puzzled, the tracking says delivered but there's nothing here.", 0.35),
    ("Can you clarify? I thought the {thing} was included in my plan.", 0.25),
    ("Hmm, I don't follow. Where do I find the {feature}?", 0.25),
    ("Is this a new account or my old one? I'm so confused.", 0.45),
    ("I don't understand any of this, I'm not good with technology.", 0.4),
    ("??", 0.3),
    ("what does this mean", 0.25),
    ("How can it be delivered and in transit at the same time?", 0.35),
    ("Not upset, just trying to understand why the price changed.", 0.25),
    ("I'm not mad, I just don't understand what happened to my {thing}.", 0.3),
    ("Which plan am I actually on? The app and the bill say different things.", 0.3),
    ("Confused about the email I got about {id}. Is it real?", 0.35),
]

GRATITUDE: list[Core] = [
    ("Thank you so much, that worked!", 0.7),
    ("You saved my day, thank you {agent}!", 0.8),
    ("Brilliant, the {thing} is working again. Thanks for your help.", 0.6),
    ("Thanks a lot, {agent} was really helpful.", 0.5),
    ("What a relief, the refund came through. Thank you!", 0.7),
    ("Great job, really quick service.", 0.5),
    ("Just wanted to say thanks, the {thing} arrived today and it's perfect.", 0.5),
    ("Amazing, thank you!! You're the best.", 0.85),
    ("Thanks for sorting that out so quickly.", 0.45),
    ("I love {feature}, thank you for adding it.", 0.6),
    ("Thank you for your patience with me, it's all working now.", 0.5),
    ("Much appreciated, have a great day.", 0.35),
    ("Perfect, that's exactly what I needed. Cheers!", 0.5),
    ("I'm so relieved, I thought I'd lost the {amount}. Thank you.", 0.75),
    ("Thanks, that fixed it.", 0.35),
    ("Wow, thank you, I didn't expect such a fast reply.", 0.6),
    ("{agent} went above and beyond, please pass on my thanks.", 0.65),
    ("Thanks for getting my {person}'s {thing} delivered in time.", 0.55),
    ("All sorted now, thank you.", 0.3),
    ("Thank you for being so kind about my {person}'s account.", 0.6),
    ("You guys are awesome, problem solved!", 0.75),
    ("So happy with the new {thing}, thanks!", 0.65),
    ("I really appreciate you calling me back.", 0.5),
    ("ok thanks", 0.2),
    ("thank you!!", 0.6),
    ("Phew, it's back online. Thanks!", 0.55),
    ("I'm not upset at all, thanks for the quick fix.", 0.45),
    ("Excellent service as always, thank you.", 0.5),
    ("That's great news, thanks for letting me know.", 0.45),
    ("Thank you, you've made my week.", 0.75),
    ("Yay, it works now! Thanks so much.", 0.75),
    ("Got it, thanks for explaining it so clearly.", 0.4),
    ("I was about to give up, but you fixed it. Thank you!", 0.7),
]

NEUTRAL: list[Core] = [
    ("How do I reset my password?", 0.0),
    ("{id} status?", 0.05),
    ("Order {id} still hasn't arrived, it was due on the 3rd.", 0.15),
    ("Can I change the delivery address for {id}?", 0.0),
    ("What are your opening hours on Sunday?", 0.0),
    ("I'd like to cancel my {thing}.", 0.1),
    ("Please send me a copy of my last invoice.", 0.0),
    ("My {thing} {problem}. Can you take a look?", 0.15),
    ("I'll be moving my account to another provider at the end of the month.", 0.4),
    ("Hi, is the {thing} available in blue?", 0.0),
    ("I was charged {amount} on the 12th, can you check what it's for?", 0.1),
    ("The {thing} {problem}. I've restarted it and reinstalled the app.", 0.2),
    ("When will my refund be processed?", 0.05),
    ("Do you deliver on Saturdays?", 0.0),
    ("Please update my phone number on the account.", 0.0),
    ("I contacted you last week about my {thing} and haven't heard back yet.", 0.2),
    ("Can you confirm the return label was sent to my email?", 0.05),
    ("I need to upgrade my plan, what are the options?", 0.0),
    ("This is my second message about {id}. The {thing} {problem}.", 0.25),
    ("How long does a replacement usually take?", 0.05),
    ("Is there a fee for cancelling early?", 0.05),
    ("My {thing} {problem} since {duration}. Could someone look into it?", 0.2),
    ("Please close my account. I no longer need it.", 0.15),
    ("I'd like a refund for {id}, the item was the wrong size.", 0.1),
    ("Could you send an engineer {when}?", 0.05),
    ("Where can I find my account number?", 0.0),
    ("Hi, quick question about my bill.", 0.0),
    ("Thanks in advance, I need the tracking number for {id}.", 0.05),
    ("I'm not worried, just want to know when the {thing} will ship.", 0.05),
    ("No rush, but could you check why my {thing} shows inactive?", 0.05),
    ("The {thing} arrived but the charger was missing.", 0.15),
    ("Please switch me to paperless billing.", 0.0),
    ("I have been a customer for 8 years. I'd like to discuss my renewal price.", 0.1),
    ("Can I pay by bank transfer?", 0.0),
    ("The tracking page for {id} hasn't updated in {duration}.", 0.15),
    ("I want to return the {thing}.", 0.05),
    ("What's the status of my complaint {id}?", 0.1),
    ("I'll be switching to another bank if the fee stays. Please advise.", 0.4),
    ("Is {feature} available on Android?", 0.0),
    ("I'd like to speak to someone about my contract.", 0.1),
    ("Following up on {id}.", 0.1),
    ("hello", 0.0),
    ("ok", 0.0),
    ("Yes, that's my address.", 0.0),
    ("My account number is {id}.", 0.0),
    ("I called {channel} yesterday and was told to email you. Attached is the receipt.", 0.15),
    ("The invoice shows {amount} but the quote was lower.", 0.2),
    ("Please advise how to proceed with the warranty claim for my {thing}.", 0.05),
]

CORES: dict[str, list[Core]] = {
    "anger": ANGER,
    "anxiety": ANXIETY,
    "sadness": SADNESS,
    "confusion": CONFUSION,
    "gratitude": GRATITUDE,
    "neutral": NEUTRAL,
}

OPENERS = [
    "",
    "",
    "",
    "Hi, ",
    "Hello, ",
    "Hey, ",
    "Hi there. ",
    "Good morning. ",
    "Dear support, ",
    "Hi Sam, ",
]
CONTEXT = [
    "",
    "",
    "",
    "",
    " Order {id}.",
    " This is about {id}.",
    " I contacted you {channel} about this already.",
    " The account is in {person}'s name.",
    " I've had the {thing} for {duration}.",
    " I already spoke to {agent} {channel}.",
]
CLOSERS_BY_EMOTION: dict[str, list[str]] = {
    "anger": [
        "",
        "",
        " Sort it out.",
        " Fix it.",
        " Unreal.",
        " Absolutely shocking.",
        " Not good enough.",
    ],
    "anxiety": [
        "",
        "",
        " Please reply soon.",
        " Please help.",
        " I'm really stressed.",
        " Thank you.",
    ],
    "sadness": ["", "", " Thank you.", " I just wanted you to know.", " Regards."],
    "confusion": ["", "", " Thanks.", " Can you explain?", " Please clarify."],
    "gratitude": ["", "", " :)", " Have a lovely day.", " Cheers."],
    "neutral": [
        "",
        "",
        " Thanks.",
        " Thank you.",
        " Regards.",
        " Thanks in advance.",
        " Kind regards, Alex",
    ],
}
INSULTS = [" You're all useless.", " Clowns.", " Absolute joke of a company.", " Pathetic."]
THREATS_ANGRY = [
    " I'm cancelling and I'll post this everywhere.",
    " I'm leaving, and I'm reporting you.",
    " Never ordering from you again!",
    " I'll be telling everyone to avoid you.",
]


@dataclass(frozen=True)
class Example:
    text: str
    emotion: str
    intensity: float


def _typo(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    if len(words) < 3:
        return text
    i = rng.randrange(len(words))
    word = words[i]
    if len(word) > 3:
        j = rng.randrange(1, len(word) - 1)
        choice = rng.random()
        if choice < 0.4:
            word = word[:j] + word[j + 1 :]
        elif choice < 0.8:
            word = word[: j - 1] + word[j] + word[j - 1] + word[j + 1 :]
        else:
            word = word[:j] + word[j] + word[j:]
    words[i] = word
    return " ".join(words)


def _surface(text: str, emotion: str, intensity: float, rng: random.Random) -> tuple[str, float]:
    roll = rng.random()
    if emotion == "anger" and roll < 0.12:
        return text.upper(), max(intensity, 0.9)
    if emotion == "anger" and roll < 0.25:
        return text.rstrip(".") + "!!!", min(1.0, intensity + 0.1)
    if emotion == "anxiety" and roll < 0.15:
        return text.rstrip(".") + "!!", min(1.0, intensity + 0.08)
    if emotion == "gratitude" and roll < 0.2:
        return text.rstrip(".!") + "!!", min(1.0, intensity + 0.1)
    if roll < 0.35:
        return text.lower(), intensity
    if roll < 0.45:
        return text.replace(".", "").replace(",", ""), intensity
    if roll < 0.55:
        return _typo(text, rng), intensity
    return text, intensity


def generate(n: int, seed: int = 13) -> list[Example]:
    """``n`` labeled messages, classes balanced, deterministic for ``seed``."""
    rng = random.Random(seed)
    emotions = list(CORES)
    out: list[Example] = []
    for i in range(n):
        emotion = emotions[i % len(emotions)]
        roll = rng.random()
        extra = compose_more(emotion, rng) if roll < 0.3 else None
        if 0.3 <= roll < 0.45:
            extra = compose_implied(emotion, rng)
        elif 0.45 <= roll < 0.55:
            extra = compose_implied2(emotion, rng)
        elif 0.55 <= roll < 0.62:
            extra = compose_breadth(emotion, rng)
        if extra is not None:
            template, intensity = extra
            text = _fill(fill_extra(template, rng), rng)
            text, intensity = shout(text, emotion, intensity, rng)
        elif rng.random() < 0.6:
            template, intensity = compose(emotion, rng)
            text = _fill(fill_extra(template, rng), rng)
            text, intensity = intensify(text, emotion, intensity, rng)
            text, intensity = shout(text, emotion, intensity, rng)
        else:
            core, intensity = rng.choice(CORES[emotion])
            text = _fill(core, rng)
            if emotion == "anger" and rng.random() < 0.12:
                text += rng.choice(INSULTS)
                intensity = max(intensity, 0.9)
            if emotion == "anger" and rng.random() < 0.08:
                text += rng.choice(THREATS_ANGRY)
                intensity = max(intensity, 0.92)
        if rng.random() < 0.6:
            text = (
                _fill(rng.choice(OPENERS), rng)
                + text
                + _fill(fill_extra(rng.choice(CONTEXT), rng), rng)
                + _fill(rng.choice(CLOSERS_BY_EMOTION[emotion]), rng)
            )
        text, intensity = _surface(text, emotion, intensity, rng)
        jitter = rng.uniform(-0.05, 0.05)
        intensity = round(min(1.0, max(0.0, intensity + jitter)), 3)
        out.append(Example(text=text.strip(), emotion=emotion, intensity=intensity))
    return out


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    for example in generate(count):
        print(f"{example.emotion:10s} {example.intensity:.2f}  {example.text}")
