"""Compositional support-desk messages: a situation plus how the customer feels
about it. The same situation can carry any emotion (or none); the expression is
what decides the label, as CARE_RUBRIC.md says ("how strongly the feeling
shows"). Written by us; labels and intensities follow the rubric, §4 included.
"""

from __future__ import annotations

import random

# ------------------------------------------------------------------ situations
# Negative events told in neutral words (a complaint without feeling is neutral).
TROUBLE = [
    "my {thing} {problem}",
    "the engineer didn't show up",
    "the technician never came between 8 and 12 like I was told",
    "I've been on hold for {hours}",
    "I was charged {amount} twice",
    "the parcel was left out in the rain",
    "my {thing} arrived with a cracked screen",
    "nobody called me back",
    "the refund still hasn't arrived after {duration}",
    "the price went up by {pct} without notice",
    "my account got locked",
    "the update wiped all my settings",
    "the driver left it at the wrong house",
    "you cancelled my order without telling me",
    "I've been transferred {n} times",
    "my {service} has been down for {duration}",
    "I was promised a callback {past}",
    "the replacement is just as faulty as the first one",
    "I had to explain everything again to someone new",
    "the bill is wrong for the third month running",
    "the delivery slot was missed again",
    "you sent me someone else's order",
    "the app keeps logging me out",
    "my ticket was closed without an answer",
    "the box arrived empty",
    "the store refused my return",
    "my booking disappeared",
    "the courier says delivered but nothing is here",
    "I'm still waiting for the part you promised {past}",
    "the new {thing} {problem} after a day",
    "your website took my money and showed an error",
    "the chat keeps disconnecting before I get an answer",
    "my card was declined even though there's money on it",
    "you cut off my {service} during a work call",
]
STAKES = [
    "{person} needs {medicine} and the delivery hasn't come",
    "there's {amount} missing from my account",
    "there's a payment of {amount} I don't recognise",
    "my flight is {when} and the booking shows cancelled",
    "the visa deadline is {when} and my documents haven't come back",
    "I got an email saying my account is suspended",
    "I can't get into my account and the rent is due {when}",
    "I sent {amount} to the wrong account number",
    "someone called pretending to be you and I gave them a code",
    "the boiler is making a banging noise",
    "there's a smell of gas near the meter",
    "the power is off and {person} is on oxygen at home",
    "my card stopped working and I'm abroad",
    "the direct debit goes out {when} and I'll go overdrawn",
    "{event} is {when} and my {thing} {problem}",
    "I think someone has hacked my account",
    "the school trip is {when} and the passport isn't back",
    "my insurance renewal failed and I drive every day",
    "I got a letter about court action over a bill I paid",
    "the movers come {when} and the keys haven't been released",
]
LOSSES = [
    "{person} passed away {past}",
    "{person} died {past}",
    "we lost our {pet} {past}",
    "{person} is in hospice",
    "I lost my job {past}",
    "the {keepsake} was my late {kin}'s and it came back broken",
    "the photos from {memory} are gone",
    "the concert I'd waited a year for got cancelled",
    "{memory2} is ruined",
    "the birthday cake arrived crushed",
    "I've been with you for {years} and now new customers get the better deal",
    "the shop I always went to has closed",
    "the gift for {person} never arrived",
]
CONTRADICTIONS = [
    "the app says {state1} but the email says {state2}",
    "{agent} said {state1} and the letter says {state2}",
    "the website says to call and the phone line says to use the website",
    "it says refund issued but my bank shows nothing",
    "my account shows two different addresses",
    "the tracking says delivered and in transit at the same time",
    "I was told it's free but there's a charge of {amount}",
    "the bill says I owe {amount} on an account I closed",
    "the instructions say to press the reset button but there isn't one",
    "I have two emails that say opposite things",
    "I got a renewal notice for a plan I never signed up for",
]
RESOLVED = [
    "it's working again",
    "the refund came through",
    "the parcel arrived just in time",
    "{agent} sorted it in five minutes",
    "the engineer fixed it",
    "the new {thing} is great",
    "the replacement arrived this morning",
    "I'm back into my account",
    "the charge has been reversed",
    "the flight is rebooked",
    "the {thing} turned up in one piece",
]
REQUESTS = [
    "Can you tell me when my contract ends?",
    "I need to update the billing address on my account.",
    "Do you ship to {country}?",
    "Please cancel my membership at the end of this period.",
    "What's the best way to contact the returns team?",
    "Could I get an itemised receipt for {id}?",
    "Is there a student discount?",
    "When does the sale end?",
    "Can I add a second driver to my policy?",
    "How do I download my statements?",
    "Please send the invoice to my work email.",
    "Can I change my delivery day to {day}?",
    "What time does the store open on {day}?",
    "My meter reading is {digits}.",
    "How do I set up two-factor login?",
    "Do you price match?",
    "Can I pay the balance in two instalments?",
    "Is the {thing} compatible with my old charger?",
    "Where do I send the signed form?",
    "Can you confirm you received my documents?",
    "I'd like to switch to the annual plan.",
    "Please remove my old card from the account.",
    "Is there a way to pause my subscription for a month?",
    "Could you resend the activation code?",
    "Yes please go ahead with the replacement.",
    "How long is the warranty on the {thing}?",
]
NEUTRAL_ASKS = [
    "Can you check?",
    "Could you look into it?",
    "What are the next steps?",
    "Please advise.",
    "Can someone take a look?",
    "Could you let me know the status?",
    "Order {id}.",
    "Reference {id}.",
    "Please could you arrange a replacement.",
    "What do you need from me?",
    "Can you send a new one?",
    "I'd like a refund please.",
    "Can you confirm when it will be fixed?",
    "Please update me.",
    "",
]

# ------------------------------------------------------------------ expressions
# (text, intensity)
ANGER_EXPR = [
    ("This is ridiculous.", 0.7),
    ("Unacceptable.", 0.7),
    ("I'm furious.", 0.85),
    ("I'm livid.", 0.88),
    ("I'm so annoyed.", 0.55),
    ("I'm fed up.", 0.7),
    ("Beyond frustrated.", 0.8),
    ("What a joke.", 0.7),
    ("Shocking service.", 0.75),
    ("Are you kidding me?", 0.75),
    ("Seriously?", 0.6),
    ("How hard can it be?", 0.65),
    ("Unbelievable.", 0.7),
    ("Not happy.", 0.45),
    ("Absolutely disgraceful.", 0.85),
    ("This is taking the mickey.", 0.75),
    ("Pathetic.", 0.85),
    ("Sort it out.", 0.7),
    ("Do your job.", 0.8),
    ("I'm sick of this.", 0.75),
    ("This is a complete shambles.", 0.8),
    ("Honestly, it's infuriating.", 0.8),
    ("I've had enough.", 0.75),
    ("Why is this so difficult?", 0.6),
    ("It's not good enough.", 0.6),
    ("Frankly it's insulting.", 0.7),
    ("I'm angry, and I want it fixed today.", 0.8),
    ("A bit annoyed, to be honest.", 0.35),
    ("Slightly irritated.", 0.3),
    ("Getting really frustrated now.", 0.6),
    ("What is wrong with you people?", 0.85),
    ("Put me through to a human.", 0.6),
    ("Stop fobbing me off.", 0.75),
    ("Don't give me the script again.", 0.7),
    ("Worst service ever.", 0.85),
    ("Why on earth does this keep happening?", 0.7),
    ("Nobody seems to care.", 0.55),
    ("I'm not confused, I'm angry.", 0.75),
    ("Hopeless.", 0.7),
    ("Incredible how bad this is.", 0.75),
    ("You should be ashamed.", 0.85),
]
SARCASM = [
    ("Great.", 0.6),
    ("Brilliant.", 0.6),
    ("Fantastic.", 0.6),
    ("Well done.", 0.6),
    ("Really loving this experience.", 0.65),
    ("Cheers for that.", 0.6),
    ("Thanks a lot.", 0.6),
    ("Just perfect.", 0.6),
    ("Amazing service as always.", 0.65),
    ("Top marks, really.", 0.6),
    ("What a great start to my day.", 0.6),
    ("Lovely.", 0.55),
    ("Nice one.", 0.55),
    ("Love that for me.", 0.6),
    ("Thanks for nothing.", 0.7),
    ("Wonderful, just wonderful.", 0.65),
    ("Five stars, would recommend. Not.", 0.7),
    ("Glad to see nothing has changed.", 0.6),
    ("Great customer service, guys.", 0.65),
    ("Really appreciated.", 0.6),
    ("Superb.", 0.6),
]
ANXIETY_EXPR = [
    ("I'm really worried.", 0.65),
    ("I'm scared.", 0.75),
    ("I'm panicking.", 0.92),
    ("What do I do?", 0.65),
    ("Please help.", 0.6),
    ("I'm so stressed.", 0.75),
    ("I'm freaking out.", 0.9),
    ("Is my money safe?", 0.65),
    ("What happens now?", 0.5),
    ("I can't afford this.", 0.65),
    ("I'm nervous about this.", 0.5),
    ("Urgent.", 0.6),
    ("Please hurry.", 0.7),
    ("I don't know what to do.", 0.7),
    ("Oh god.", 0.85),
    ("I can't sleep over this.", 0.75),
    ("Is this a scam?", 0.55),
    ("Am I still covered?", 0.5),
    ("I'm worried sick.", 0.8),
    ("A bit anxious, to be honest.", 0.4),
    ("Slightly concerned.", 0.35),
    ("What if it doesn't arrive in time?", 0.55),
    ("Please tell me it's not too late.", 0.75),
    ("I'm shaking.", 0.9),
    ("This is an emergency.", 0.9),
    ("I really need this sorted today.", 0.65),
    ("Will I lose the money?", 0.65),
    ("Could someone reply as soon as possible?", 0.55),
    ("I'm terrified.", 0.9),
    ("It's stressing me out.", 0.6),
    ("I'm getting nervous.", 0.5),
]
SAD_EXPR = [
    ("I'm heartbroken.", 0.8),
    ("I'm devastated.", 0.85),
    ("I'm gutted.", 0.65),
    ("So disappointed.", 0.55),
    ("I feel let down.", 0.5),
    ("It's been a hard few months.", 0.55),
    ("I can't stop crying.", 0.85),
    ("It meant so much to me.", 0.6),
    ("Oh well.", 0.3),
    ("It's a shame.", 0.35),
    ("I'm really sad about it.", 0.55),
    ("It breaks my heart.", 0.8),
    ("I'm just sad, not angry.", 0.5),
    ("Bit of a let-down.", 0.35),
    ("I'm very upset.", 0.65),
    ("I don't have the energy for this.", 0.5),
    ("It's been a really tough time.", 0.55),
    ("I'm not angry, just disappointed.", 0.45),
    ("Such a pity.", 0.35),
    ("I feel a bit hopeless.", 0.6),
    ("Please bear with me.", 0.45),
]
BEREAVED_ASKS = [
    "Could you please take {pron} name off the account.",
    "I need to close {pron} account.",
    "What do I need to send you to transfer the bill?",
    "Please cancel {pron} subscription.",
    "Can the contract be moved into my name?",
    "Who do I speak to about {pron} account?",
]
CONFUSION_EXPR = [
    ("I'm confused.", 0.4),
    ("I'm lost.", 0.4),
    ("I don't get it.", 0.4),
    ("I don't understand.", 0.4),
    ("Sorry, I'm a bit confused.", 0.3),
    ("Not cross, just puzzled.", 0.3),
    ("I'm not angry, just confused.", 0.35),
    ("Huh?", 0.35),
    ("Wait, what?", 0.45),
    ("???", 0.35),
    ("Which is right?", 0.35),
    ("Can you explain?", 0.25),
    ("What does that mean?", 0.3),
    ("I have no idea what I'm meant to do.", 0.4),
    ("So which one is it?", 0.4),
    ("Am I missing something?", 0.3),
    ("I'm baffled.", 0.45),
    ("Sorry if this is a silly question.", 0.2),
    ("I'm not sure I follow.", 0.25),
    ("This makes no sense to me.", 0.45),
]
JARGON_QUESTIONS = [
    "What does '{jargon}' mean?",
    "Could you explain what '{jargon}' actually is?",
    "Do I {opt1} or {opt2}?",
    "Is my order cancelled or not?",
    "Do I need to do anything?",
    "Why was I charged {amount} when I paid in full?",
    "Which password do you mean, the app one or the website one?",
    "How can it be delivered and in transit at the same time?",
    "When did I sign up for premium?",
]
THANKS_EXPR = [
    ("Thank you so much!", 0.7),
    ("Thanks!", 0.45),
    ("Cheers.", 0.3),
    ("Much appreciated.", 0.45),
    ("You're a star.", 0.75),
    ("What a relief.", 0.7),
    ("Phew.", 0.5),
    ("Brilliant, thanks.", 0.6),
    ("You've made my day.", 0.8),
    ("Really pleased.", 0.55),
    ("Best service I've had in years.", 0.75),
    ("Massive thanks to {agent}.", 0.7),
    ("Thank you for your patience.", 0.5),
    ("I'm so grateful.", 0.7),
    ("Thanks for sorting it.", 0.45),
    ("Great job.", 0.55),
    ("Perfect, thank you.", 0.5),
    ("I really appreciate it.", 0.5),
    ("That's a weight off my mind.", 0.65),
    ("Lovely, thanks.", 0.4),
    ("You guys are amazing.", 0.8),
    ("Thank you, it meant a lot.", 0.6),
    ("I'm not upset at all, thanks.", 0.4),
]
INSULTS = [
    " You're all useless.",
    " Clowns.",
    " Absolute joke of a company.",
    " Morons.",
    " Idiots, the lot of you.",
]
ANGRY_THREATS = [
    " I'm cancelling and I'll post this everywhere.",
    " I'm leaving and telling everyone to avoid you.",
    " Never using you again.",
    " I'm going to the ombudsman.",
    " I'll be leaving a review about this.",
    " Expect a chargeback.",
    " I'm switching today.",
]
CALM_CHURN = [
    "I'll be moving my account at the end of the month.",
    "I've decided to switch providers.",
    "Please treat this as my notice to cancel.",
    "I'm going to take my business elsewhere.",
    "I'll be closing my account, please send the forms.",
]

SLOTS = {
    "hours": ["two hours", "45 minutes", "an hour and a half", "3 hours", "most of the afternoon"],
    "pct": ["40%", "a third", "£20 a month", "15 percent"],
    "n": ["three", "four", "5", "six", "several"],
    "past": [
        "last week",
        "on Monday",
        "in March",
        "yesterday",
        "a fortnight ago",
        "three days ago",
        "last month",
    ],
    "medicine": [
        "insulin",
        "his inhaler",
        "her medication",
        "the oxygen supplies",
        "his prescription",
    ],
    "pet": ["dog", "cat", "old dog", "rabbit"],
    "keepsake": ["necklace", "watch", "ring", "photo album", "music box"],
    "kin": ["gran", "father", "mother", "husband", "grandad", "wife"],
    "memory": ["our honeymoon", "my son's first year", "Dad's last birthday", "our wedding"],
    "memory2": [
        "Our anniversary",
        "The surprise party",
        "Her birthday",
        "Our holiday",
        "Christmas",
    ],
    "years": ["ten years", "15 years", "six years", "over a decade", "20 years"],
    "state1": ["paid", "cancelled", "active", "delivered", "approved", "free"],
    "state2": [
        "overdue",
        "still active",
        "suspended",
        "out for delivery",
        "declined",
        "£9.99 a month",
    ],
    "jargon": [
        "standing charge",
        "pending verification",
        "pro rata",
        "chargeback window",
        "port-out code",
        "excess",
        "soft search",
    ],
    "opt1": ["send it back", "wait for the engineer", "reset the router", "pay now"],
    "opt2": ["keep it", "book a new slot", "call you", "wait for the new bill"],
    "pron": ["his", "her", "their"],
    "country": ["Ireland", "France", "Canada", "Norway"],
    "day": ["Saturday", "Tuesday", "Sunday", "Friday"],
    "digits": ["45812", "00931", "7720"],
}


def fill_extra(template: str, rng: random.Random) -> str:
    out = template
    for name, values in SLOTS.items():
        key = "{" + name + "}"
        while key in out:
            out = out.replace(key, rng.choice(values), 1)
    return out


def sentence(clause: str) -> str:
    clause = clause.strip()
    return clause[:1].upper() + clause[1:] + ("" if clause.endswith(("?", "!", ".")) else ".")


def compose(emotion: str, rng: random.Random) -> tuple[str, float]:
    """One message template (slots for support_corpus._fill still open) and its intensity."""
    r = rng.random()
    if emotion == "anger":
        situation = sentence(rng.choice(TROUBLE))
        if r < 0.35:
            expr, level = rng.choice(SARCASM)
            parts = (
                [expr, situation]
                if rng.random() < 0.5
                else [situation, rng.choice(["", "Again. ", "Again! "]) + expr]
            )
        else:
            expr, level = rng.choice(ANGER_EXPR)
            parts = [expr, situation] if rng.random() < 0.4 else [situation, expr]
            if rng.random() < 0.3:
                expr2, level2 = rng.choice(ANGER_EXPR)
                parts.append(expr2)
                level = max(level, level2) + 0.05
        return " ".join(parts), level
    if emotion == "anxiety":
        situation = sentence(rng.choice(STAKES if r < 0.8 else TROUBLE))
        expr, level = rng.choice(ANXIETY_EXPR)
        parts = [expr, situation] if rng.random() < 0.4 else [situation, expr]
        if rng.random() < 0.3:
            expr2, level2 = rng.choice(ANXIETY_EXPR)
            parts.append(expr2)
            level = max(level, level2) + 0.05
        return " ".join(parts), level
    if emotion == "sadness":
        situation = sentence(rng.choice(LOSSES if r < 0.8 else TROUBLE))
        if (
            "passed away" in situation or "died" in situation or "hospice" in situation
        ) and rng.random() < 0.6:
            return situation + " " + rng.choice(BEREAVED_ASKS), rng.uniform(0.45, 0.6)
        expr, level = rng.choice(SAD_EXPR)
        parts = [situation, expr] if rng.random() < 0.7 else [expr, situation]
        return " ".join(parts), level
    if emotion == "confusion":
        if r < 0.1:
            return rng.choice(["?", "??", "???", "????", "? ?", "?!?"]), 0.3
        expr, level = rng.choice(CONFUSION_EXPR)
        if r < 0.6:
            situation = sentence(rng.choice(CONTRADICTIONS))
            parts = [situation, expr] if rng.random() < 0.6 else [expr, situation]
        else:
            parts = (
                [expr, rng.choice(JARGON_QUESTIONS)]
                if rng.random() < 0.6
                else [rng.choice(JARGON_QUESTIONS), expr]
            )
        return " ".join(parts), level
    if emotion == "gratitude":
        expr, level = rng.choice(THANKS_EXPR)
        if r < 0.25:
            return expr, level
        situation = sentence(rng.choice(RESOLVED))
        parts = [situation, expr] if rng.random() < 0.6 else [expr, situation]
        return " ".join(parts), level
    # neutral
    if r < 0.4:
        return rng.choice(REQUESTS), 0.0
    if r < 0.5:
        return rng.choice(CALM_CHURN) + " " + rng.choice(NEUTRAL_ASKS), 0.4
    if r < 0.58:
        prefix = rng.choice(
            [
                "Not worried, just checking:",
                "No rush, but",
                "Not complaining, just asking:",
                "Just a quick one:",
            ]
        )
        return prefix + " " + rng.choice(REQUESTS)[:1].lower() + rng.choice(REQUESTS)[1:], 0.05
    situation = sentence(rng.choice(TROUBLE))
    return situation + " " + rng.choice(NEUTRAL_ASKS), rng.uniform(0.1, 0.25)


def intensify(text: str, emotion: str, level: float, rng: random.Random) -> tuple[str, float]:
    """Insults, angry threats, shouting and '!!!' raise intensity (rubric: ≥ 0.9 extreme)."""
    if emotion == "anger":
        roll = rng.random()
        if roll < 0.1:
            text += rng.choice(INSULTS)
            level = max(level, 0.92)
        elif roll < 0.2:
            text += rng.choice(ANGRY_THREATS)
            level = max(level, 0.9)
    return text, min(level, 1.0)


def shout(text: str, emotion: str, level: float, rng: random.Random) -> tuple[str, float]:
    """Whole message in capitals: shouting (applied after the slots are filled)."""
    if emotion in ("anger", "anxiety") and rng.random() < 0.1:
        return text.upper(), max(level, 0.9)
    return text, level


# ------------------------------------------------------------------ more shapes
ACTIONS = [
    "add a second user to my plan",
    "change my payment date",
    "move my appointment",
    "pause my membership",
    "transfer my number",
    "get a paper copy of the bill",
    "pay by bank transfer",
    "upgrade the router",
    "keep my old email address",
    "book an engineer for the weekend",
    "return it to a store",
    "split the payment",
    "change the name on the account",
    "get a refund to a different card",
    "swap it for a different colour",
    "use the voucher online",
    "cancel just one of the items",
    "get the invoice in my company's name",
    "reinstall the app",
    "reset it to factory settings",
    "downgrade my plan",
    "collect it from the depot",
    "add my son to the policy",
]
ASSETS = [
    "points",
    "data",
    "discount",
    "photos",
    "warranty",
    "deposit",
    "credit",
    "saved cards",
    "contract",
    "number",
]
NEUTRAL_QUESTION_SHAPES = [
    "Can I {action}?",
    "Is it possible to {action}?",
    "How do I {action}?",
    "Do I need to {action_plain}?",
    "Should I {action}?",
    "Would it be possible to {action}?",
    "Quick question - can I {action}?",
    "What happens to my {asset} if I {action}?",
    "Will I lose my {asset} if I {action}?",
    "Do you offer {offer}?",
    "Is there a fee to {action}?",
    "What's your policy on {policy}?",
    "Can you tell me how to {action}?",
    "If I {action}, does it change my bill?",
    "Hi, I'd like to {action}. What do I need to do?",
    "Before I {action}, is there anything I should know?",
]
OFFERS = [
    "payment holidays",
    "next-day delivery",
    "gift wrapping",
    "a loyalty discount",
    "weekend appointments",
    "paperless billing",
]
POLICIES = [
    "cancelled flights",
    "late returns",
    "price drops after purchase",
    "damaged parcels",
    "refunds to gift cards",
]
TRIED_REPORTS = [
    "I restarted the {thing} and the light is still red. What next?",
    "Restarting didn't help, it still drops every few minutes.",
    "I tried a different card and browser and the payment still fails.",
    "I've reinstalled the app and cleared the cache, it still won't load.",
    "The {thing} switched itself off again this morning, same fault as before.",
    "Error {digits} comes up when I try to pay.",
    "It still says pending after {duration}.",
    "The screen flickers when it's plugged in.",
]
RHETORICAL = [
    ("How hard is it to {action}?", 0.65),
    ("What more do you want from me?", 0.75),
    ("Who checks these bills?", 0.6),
    ("Does anyone there actually read messages?", 0.7),
    ("Hello?? Anyone there?", 0.55),
    ("Is anyone even reading this?", 0.6),
    ("Why do I have to explain everything again every time I call?", 0.75),
    ("Do you actually want my business or not?", 0.7),
    ("Is this how you treat loyal customers?", 0.75),
    ("What exactly am I paying for?", 0.65),
    ("How is this still not fixed?", 0.7),
    ("Why is nobody taking responsibility?", 0.7),
    ("Can nobody there do their job?", 0.8),
    ("What's the point of a helpline nobody answers?", 0.7),
    ("Am I supposed to just keep waiting forever?", 0.7),
]
ULTIMATUMS = [
    ("If this isn't fixed by {when2} I'm taking my business elsewhere.", 0.7),
    ("Sort this out by {when2} or I'm cancelling.", 0.75),
    ("My solicitor will be in touch if the deposit isn't returned.", 0.75),
    ("I've been a customer for {years} and this is how you treat me? I'm switching.", 0.8),
    ("Fix it this week or I'm going to the ombudsman.", 0.8),
    ("One more missed delivery and I'm done with you.", 0.7),
    ("I'll be filing a chargeback if I don't hear back today.", 0.75),
]
DEMANDS = [
    ("Send someone NOW.", 0.9),
    ("Bring back the old layout.", 0.55),
    ("I want a manager, today.", 0.75),
    ("Refund me. Now.", 0.85),
    ("Stop closing my ticket.", 0.7),
    ("Just give me my money back.", 0.7),
]
MOCKING = [
    "lol '{slogan}' for {hours}. sure it is",
    "'{slogan}', apparently. Could have fooled me.",
    "Oh sure, '{slogan}'. Right.",
    "'{slogan}' they said. Haha. No.",
    "Next day delivery turned up in {n} days. Love that for me.",
    "Paid extra for express and it took a week. Money well spent.",
]
SLOGANS = [
    "your call is important to us",
    "we value your feedback",
    "fast and reliable",
    "customer first",
    "we're here to help",
    "next day delivery",
]

SLOTS.update(
    {
        "action": ACTIONS,
        "asset": ASSETS,
        "offer": OFFERS,
        "policy": POLICIES,
        "slogan": SLOGANS,
        "when2": ["Friday", "tomorrow", "the end of the week", "Monday", "tonight"],
    }
)


def compose_more(emotion: str, rng: random.Random) -> tuple[str, float] | None:
    """Extra shapes: neutral questions and tried-steps reports; angry rhetorical
    questions, ultimatums, demands and mockery."""
    if emotion == "neutral":
        if rng.random() < 0.7:
            shape = rng.choice(NEUTRAL_QUESTION_SHAPES).replace("{action_plain}", "{action}")
            return shape, rng.choice([0.0, 0.0, 0.05])
        return rng.choice(TRIED_REPORTS), rng.uniform(0.1, 0.3)
    if emotion == "anger":
        roll = rng.random()
        if roll < 0.25:
            return compose_sarcastic_thanks(rng)
        if roll < 0.45:
            text, level = rng.choice(RHETORICAL)
            return (
                sentence(rng.choice(TROUBLE)) + " " + text if rng.random() < 0.6 else text
            ), level
        if roll < 0.6:
            text, level = rng.choice(ULTIMATUMS)
            return (
                sentence(rng.choice(TROUBLE)) + " " + text if rng.random() < 0.5 else text
            ), level
        if roll < 0.65:
            text, level = rng.choice(DEMANDS)
            return sentence(rng.choice(TROUBLE)) + " " + text, level
        if roll < 0.75:
            return rng.choice(MOCKING), 0.6
        return compose_curt(rng)
    return None


GERUND_SARCASM = [
    "Cheers for {gerund}. Really helpful.",
    "Thanks for {gerund}. Great work.",
    "Thanks so much for {gerund}, really.",
    "Thank you for {gerund}. Exactly what I needed.",
    "Appreciate you {gerund}. Not.",
    "Thanks for nothing. {trouble}",
    "Thanks for the 'help'. {trouble}",
    "Great job {gerund}, guys.",
    "Nice work {gerund}.",
]
GERUNDS = [
    "cancelling my flight with two hours' notice",
    "leaving my parcel in the rain",
    "charging me twice",
    "losing my order",
    "hanging up on me",
    "closing my ticket without reading it",
    "ignoring my emails",
    "sending the wrong size again",
    "cutting off my internet",
    "wasting my whole afternoon",
    "putting me on hold for an hour",
    "breaking the app with your update",
    "doubling my bill",
]
CURT = [
    ("For the third time: {fact}. Please stop asking.", 0.6),
    ("As I've already said, {fact}.", 0.5),
    ("Again: {fact}. Please read the notes.", 0.6),
    ("{fact}. Someone is lying.", 0.7),
    ("I have emailed you {n} times. {N}. Not a single reply.", 0.75),
    ("{fact}. Read my previous messages.", 0.55),
    ("They keep telling me it's been escalated. Escalated where, the moon?", 0.65),
    ("{fact}. I'm contacting the regulator.", 0.75),
    ("Every time I call I have to start from scratch with someone new.", 0.55),
    ("I've been passed between departments all afternoon. Nobody owns this.", 0.6),
]
FACTS = [
    "my order number is {id}",
    "the parcel went to my old address",
    "I already sent the photos",
    "you told me the refund was processed and my bank says nothing came in",
    "the engineer said it was fixed but it still doesn't work",
    "I never signed up for this",
    "I cancelled in March",
    "the account is in my name",
]
SLOTS.update(
    {
        "gerund": GERUNDS,
        "fact": FACTS,
        "N": ["FIVE", "SIX", "FOUR", "TEN"],
        "trouble": [t[:1].upper() + t[1:] + "." for t in TROUBLE if "{" not in t],
    }
)


def compose_curt(rng: random.Random) -> tuple[str, float]:
    """Anger shown through sarcastic thanks or curt exasperation, no anger words."""
    if rng.random() < 0.5:
        return rng.choice(GERUND_SARCASM), 0.65
    return rng.choice(CURT)


# ------------------------------------------------------------------ implied feelings
# Situations that show the feeling without naming it: danger, fraud, illness and
# being stranded read as anxiety; failing again after effort, with a curt edge,
# reads as anger; strong slang praise is gratitude.
DANGER = [
    ("there are sparks coming out of the socket the electrician fitted", 0.9),
    ("the carbon monoxide alarm you fitted keeps going off", 0.9),
    ("the washing machine flooded the kitchen and water is near the sockets", 0.9),
    ("a man claiming to be from your company came to my door asking for cash", 0.7),
    ("someone opened a credit card in my name using my account", 0.85),
    ("{person} is in intensive care and I need to get to {city} tonight", 0.8),
    ("{person} had a heart attack last night and I need to move the appointment", 0.65),
    ("my chemo starts {day} and I need the order before then", 0.6),
    ("the medication reminder in your app stopped working and I missed two doses", 0.65),
    ("our train was cancelled and we're stuck at the station with two toddlers", 0.75),
    ("if my passport doesn't come back before {day} I miss {event2}", 0.8),
    ("the funeral is next {day} and the flower order still says pending", 0.65),
    ("the stair lift stopped halfway with {person} on it", 0.9),
    ("there's water coming through the ceiling light", 0.85),
    ("I've been locked out of my banking app and my wages go in today", 0.6),
    ("the baby monitor keeps cutting out at night", 0.6),
    ("my card was used in another country an hour ago", 0.8),
]
DANGER_ASKS = [
    "Is this real?",
    "Should we leave the house?",
    "Can I change my train?",
    "I need this stopped now.",
    "What should I do?",
    "Can someone come today?",
    "Who do I call?",
    "Is it safe to use?",
    "",
    "Can you check it's still going ahead?",
    "Please confirm someone is coming.",
]
FAILED_AGAIN = [
    "I followed the reset steps from your email twice",
    "I've reinstalled the app three times",
    "I rang twice yesterday and got cut off both times",
    "I've attached the same receipt for the third time",
    "I've been told three different delivery dates by three different people",
    "I sent the form on the 2nd, the 9th and again today",
    "this is the 2nd email I'm sending about the wrong size",
    "the subscription box came without half the items again",
    "the fix lasted one day and it's broken again",
    "I was told by chat the fee would be waived and now it's on my bill",
    "I've explained all this to the person on the phone already",
    "the lift at your store has been broken for a month and I use a wheelchair",
    "your driver refuses to bring the shopping to my 92-year-old mum's door",
]
EDGES = [
    ("Nothing.", 0.5),
    ("Same error.", 0.5),
    ("Can anyone read?", 0.65),
    ("Please actually look at it.", 0.6),
    ("What is going on?", 0.55),
    ("And now you're asking me again??", 0.7),
    ("Still nothing.", 0.55),
    ("Please confirm you have it this time.", 0.5),
    ("Ridiculous.", 0.7),
    ("Again.", 0.45),
    ("Sort it.", 0.6),
]
SLANG_PRAISE = [
    "You guys are legends",
    "Absolute lifesaver",
    "You rock",
    "Nailed it",
    "Top notch",
    "Champion, cheers",
    "Star service",
    "Legend, thank you",
    "Brilliant stuff",
    "Couldn't have asked for more",
]
SLOTS.update(
    {
        "city": ["Leeds", "Glasgow", "Bristol", "Cardiff", "York"],
        "event2": [
            "my brother's wedding",
            "my new job start",
            "my mum's operation",
            "the exam abroad",
        ],
    }
)


def compose_implied(emotion: str, rng: random.Random) -> tuple[str, float] | None:
    if emotion == "anxiety":
        situation, level = rng.choice(DANGER)
        return (sentence(situation) + " " + rng.choice(DANGER_ASKS)).strip(), level
    if emotion == "anger":
        edge, level = rng.choice(EDGES)
        return sentence(rng.choice(FAILED_AGAIN)) + " " + edge, level
    if emotion == "gratitude":
        praise = rng.choice(SLANG_PRAISE)
        tail = sentence(rng.choice(RESOLVED)) if rng.random() < 0.6 else ""
        return (praise + rng.choice(["!", ", ", ". "]) + tail).strip(), 0.7
    if emotion == "neutral":
        return rng.choice(REQUESTS).rstrip("?.") + rng.choice(
            [", thanks", " thanks", ", cheers", ". Thank you"]
        ), 0.0
    return None


# ------------------------------------------------------------------ more implied shapes
STAKES_PLAIN = [
    ("{critical} for {person} is stuck in your depot. {Pron} needs it by {day}.", 0.8),
    ("We're flying out on {day} and the {doc} never came.", 0.65),
    ("There's {amount} missing from my savings and the app shows a transfer I never made.", 0.9),
    ("My booking for the hospital transport tomorrow has disappeared from your system.", 0.75),
    ("Please stop the payment, I lost my card at the station this morning.", 0.65),
    ("The hob is clicking and I can smell something burning.", 0.85),
    ("I got an email saying my password was changed. It wasn't me.", 0.8),
    ("{person}'s oxygen delivery hasn't arrived and {pron2} has a day's supply left.", 0.9),
    ("The {doc} has the wrong date of birth and I travel on {day}.", 0.6),
    ("Our tenancy starts {day} and the deposit transfer hasn't gone through.", 0.6),
]
SERIOUS_FAILURE = [
    ("Your roadside assistance left me on the hard shoulder for {hours} with my baby.", 0.85),
    ("Our train was terminated halfway and we've been left with no onward travel.", 0.7),
    ("My son has a severe nut allergy and the cake you delivered had nuts on it.", 0.8),
    ("The engineer came, fixed it, and it broke again an hour later.", 0.5),
    ("Going to the papers with this if it isn't sorted by the weekend.", 0.85),
    ("If this isn't sorted by {when2} I'm going to the press.", 0.85),
    ("Your courier threw my parcel over the gate and it's smashed.", 0.7),
    ("The technician tracked mud through my house and left without fixing anything.", 0.7),
    ("You disconnected my mother's phone line by mistake and she lives alone.", 0.8),
    ("I was refused entry to your store because of my guide dog.", 0.85),
]
SAD_CHURN = [
    ("Been with you {years}, thinking of leaving now honestly.", 0.45),
    ("I've been loyal for {years} and I'm sad to say I'm leaving.", 0.5),
    ("It's a shame, but I'll be moving my account.", 0.45),
    ("I appreciate you trying, but I'm worn out explaining this to a fourth person.", 0.5),
    ("I don't have the energy to keep chasing this any more.", 0.5),
]
SLOTS.update(
    {
        "critical": [
            "The oxygen concentrator",
            "The insulin",
            "The wheelchair",
            "The hearing aid batteries",
            "The inhaler",
        ],
        "Pron": ["He", "She", "They"],
        "pron2": ["he", "she"],
        "doc": ["travel insurance documents", "visa", "boarding passes", "passport", "tickets"],
    }
)


def compose_implied2(emotion: str, rng: random.Random) -> tuple[str, float] | None:
    if emotion == "anxiety":
        return rng.choice(STAKES_PLAIN)
    if emotion == "anger":
        return rng.choice(SERIOUS_FAILURE)
    if emotion == "sadness":
        return rng.choice(SAD_CHURN)
    return None


SARCASTIC_PRAISE = [
    "Superb service.",
    "Brilliant service, as ever.",
    "Thanks for nothing.",
    "Great job, really.",
    "Fantastic support.",
    "Really impressive stuff.",
    "Thanks so much. Not.",
    "Cheers, very helpful.",
    "Top class, well done.",
    "What a service.",
    "Amazing, truly.",
    "Love it. Really.",
]


def compose_sarcastic_thanks(rng: random.Random) -> tuple[str, float]:
    """Praise or thanks wrapped around a failure: sarcasm, so anger (rubric §4)."""
    roll = rng.random()
    trouble = sentence(rng.choice(TROUBLE))
    praise = rng.choice(SARCASTIC_PRAISE)
    if roll < 0.4:
        return f"{trouble} {praise}", 0.65
    if roll < 0.7:
        return f"{praise} {trouble}", 0.65
    if roll < 0.85:
        return rng.choice(GERUND_SARCASM), 0.65
    return f"Wow, {trouble[:1].lower() + trouble[1:]} {praise}", 0.65


# ------------------------------------------------------------------ breadth
NEUTRAL_FAULTS = [
    "My {thing} shows error {digits} when I try to {action}. Is there an outage?",
    "Is there a known issue with {feature}?",
    "The {thing} isn't charging, do you have a repair service?",
    "I think the {thing} is faulty. How do I book a repair?",
    "There's a problem with my bill, last month's is missing.",
    "FYI the {thing} you sent was damaged. I'd like a replacement please.",
    "I need to report a fault with my {thing}.",
    "Just letting you know I've moved house, the new address is 4 Mill Lane.",
    "The tracking link in your email doesn't open.",
    "Part of my order is missing, the {thing} wasn't in the box.",
    "My discount code says expired, it should be valid until Sunday.",
    "The {thing} I bought has stopped working, it's still under warranty.",
    "Can you check why my payment was declined?",
]
SAD_MORE = [
    ("We'd saved for months for this trip and now it's cancelled.", 0.6),
    ("It's not what I hoped for, to be honest. I'm a bit down about it.", 0.4),
    ("I was really looking forward to it.", 0.4),
    ("Such a let-down after waiting so long.", 0.45),
    ("It was meant to be her first Christmas present from us.", 0.55),
    ("I feel like I've wasted my savings.", 0.6),
    ("It's hard, my husband always dealt with these bills before he passed.", 0.6),
    ("Honestly it's just sad. Ten years and it ends like this.", 0.5),
]
THANKS_MORE = [
    ("Great stuff, cheers!", 0.55),
    ("That's brilliant, thanks.", 0.55),
    ("Appreciate you.", 0.45),
    ("Happy days!", 0.6),
    ("Finally working, thank you!", 0.6),
    ("You've been so helpful.", 0.55),
    ("{agent} was lovely, please tell them.", 0.55),
    ("Couldn't have been easier, thanks.", 0.5),
    ("You've restored my faith in customer service.", 0.75),
    ("Thanks ever so much for your help today.", 0.55),
]


def compose_breadth(emotion: str, rng: random.Random) -> tuple[str, float] | None:
    if emotion == "neutral":
        return rng.choice(NEUTRAL_FAULTS), rng.choice([0.05, 0.1, 0.15])
    if emotion == "sadness":
        text, level = rng.choice(SAD_MORE)
        return (sentence(rng.choice(LOSSES)) + " " + text if rng.random() < 0.3 else text), level
    if emotion == "gratitude":
        text, level = rng.choice(THANKS_MORE)
        return (sentence(rng.choice(RESOLVED)) + " " + text if rng.random() < 0.5 else text), level
    return None
