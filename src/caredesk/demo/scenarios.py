"""What customers write to Fernway about, and how agents answer: one Scenario per kind of case.

Every string is a template whose {slots} the generator fills per ticket (see
`generate.Slots`). Customer lines are keyed by the emotion they are written in; agent
lines come in caring parts (acknowledge, own, options, next steps) and careless parts
(policy first, cold transfer, blame), so one case can be answered either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SUPPORT = "Support"
BILLING = "Billing"
ORDERS = "Orders & Delivery"
TRAVEL = "Travel"
TEAMS = (SUPPORT, BILLING, ORDERS, TRAVEL)


@dataclass(frozen=True)
class Scenario:
    key: str
    team: str
    weight: float
    subjects: tuple[str, ...]
    openers: dict[str, tuple[str, ...]]  # emotion -> opening lines
    emotion_weights: dict[str, float]
    tags: tuple[str, ...]
    stakes: str = ""  # the rubric's stakes kind this case puts in play, if any
    priority: str = "normal"
    tried: tuple[str, ...] = ()  # what the customer already did
    chasers: tuple[str, ...] = ()  # a customer's later message while it is still open
    ask_info: tuple[str, ...] = ()  # an agent asking for what they need (ticket goes pending)
    info: tuple[str, ...] = ()  # the customer's answer to that
    ack: tuple[str, ...] = ()  # caring: names this person's situation
    own: tuple[str, ...] = ()  # caring: a first-person commitment
    options: tuple[str, ...] = ()  # caring: two ways forward
    next_steps: tuple[str, ...] = ()  # caring: what happens next, by when
    fix: tuple[str, ...] = ()  # the reply that solves it
    hold: tuple[str, ...] = ()  # waiting on a third party
    policy: tuple[str, ...] = ()  # careless: a rule with no way forward
    cold: tuple[str, ...] = ()  # careless: sent elsewhere
    blame: tuple[str, ...] = ()  # careless: the customer's fault
    notes: tuple[str, ...] = ()  # internal notes
    summary: tuple[str, ...] = ()  # the first line of a handoff note
    transfer_team: str = ""
    transfer_rate: float = 0.08
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict)


LATE_DELIVERY = Scenario(
    key="late_delivery",
    team=ORDERS,
    weight=16,
    subjects=(
        "Where is my order {order}?",
        "Order {order} not delivered",
        "Parcel missing",
        "{order} still not here",
        "Delivery late",
    ),
    openers={
        "neutral": (
            "My order {order} was due on {date} and hasn't arrived. Can you check where it is?",
            "I ordered a {product} ({order}) and the tracking hasn't moved since {weekday}. Could you look into it?",
            "Order {order} still shows 'in transit' with {carrier}. When will it be delivered?",
        ),
        "anger": (
            "Order {order} was supposed to be here on {date}. It's now {days} days late and nobody has told me anything. This is ridiculous.",
            "Seriously, where is my {product}?! {days} days late, tracking stuck in {city}, and not a single update from you.",
            "I paid for express delivery on {order} and it's {days} days late. Unacceptable.",
        ),
        "anxiety": (
            "I'm getting worried about order {order}. The tracking says delivered but there's nothing here, and it was a {product} worth {amount}.",
            "The {carrier} tracking for {order} says 'returned to sender' and I don't know what that means for my money. Please help.",
        ),
        "confusion": (
            "I don't understand the tracking for {order}. It says delivered to {city} but I live somewhere else??",
            "Confused: I got an email saying {order} was dispatched, then another saying it was cancelled. Which is it?",
        ),
    },
    emotion_weights={"neutral": 0.4, "anger": 0.3, "anxiety": 0.15, "confusion": 0.15},
    tags=("delivery", "where-is-my-order"),
    tried=(
        "I've already checked with my neighbours and the building reception.",
        "I already called {carrier} and they told me to contact you.",
        "I checked my spam folder and the tracking link twice.",
    ),
    chasers=(
        "Any news on {order}? Still nothing here.",
        "It's been another {days} days. Still no parcel.",
        "I was told I'd hear back by {weekday}. Nothing.",
    ),
    ask_info=(
        "Could you confirm the delivery address on the order, and whether there's a safe place the driver might have used?",
        "Could you check whether a neighbour took it in? If not, I'll open a trace with {carrier}.",
    ),
    info=(
        "The address is right. No neighbour has it and there's no safe place here.",
        "Nobody has it. I asked the whole building.",
    ),
    ack=(
        "I'm sorry your {product} is {days} days late and that nobody kept you posted.",
        "I can see why you're fed up: you paid for express and the tracking has been stuck in {city} since {weekday}.",
    ),
    own=(
        "I've opened a trace with {carrier} for {order} and flagged it as urgent.",
        "I've checked {order}: the parcel is stuck at the {city} depot, and I've asked them to release it today.",
    ),
    options=(
        "We can either send a replacement by express today, or refund the {amount} now, whichever you prefer.",
        "If you'd rather not wait for the trace, I can send a new {product} today; otherwise I'll chase the original.",
    ),
    next_steps=(
        "You'll get a tracking email within two hours, and I'll check on it myself on {weekday}.",
        "I'll email you by {weekday} noon with what {carrier} finds.",
    ),
    fix=(
        "Good news: {carrier} found the parcel and it's out for delivery today.",
        "I've sent a replacement {product} by express; it should reach you by {weekday}.",
        "I've refunded {amount} to your original payment method; it shows in 3 to 5 working days.",
    ),
    hold=(
        "I've asked {carrier} to investigate; they need up to 48 hours. I'll update you by {weekday}.",
    ),
    policy=(
        "As per our policy, we can only open an investigation 10 working days after the expected delivery date.",
        "Orders are considered delivered once the carrier marks them delivered, so we can't refund this.",
    ),
    cold=(
        "You'll need to contact {carrier} directly about the delivery.",
        "Please contact the courier; we have no control over deliveries once dispatched.",
    ),
    blame=("You should have chosen a delivery slot when you were at home.",),
    notes=(
        "{carrier} portal: last scan at {city} depot on {date}, no movement since.",
        "Trace opened with {carrier}, reference TR-{ref}.",
        "Customer has two other late orders this quarter; worth a goodwill credit.",
    ),
    summary=("{name}'s order {order} ({product}) is {days} days late; tracking stuck in {city}.",),
    transfer_team="",
    transfer_rate=0.04,
)

DAMAGED = Scenario(
    key="damaged_item",
    team=ORDERS,
    weight=9,
    subjects=(
        "Damaged {product}",
        "Arrived broken",
        "Wrong item in my order {order}",
        "Problem with order {order}",
    ),
    openers={
        "neutral": (
            "My {product} from order {order} arrived with a cracked panel. How do I get a replacement?",
            "I received the wrong item in order {order}: I ordered a {product} and got something else.",
        ),
        "anger": (
            "The {product} I waited two weeks for arrived smashed. The box was clearly dropped. Fed up.",
            "Wrong item AGAIN. I ordered a {product}, order {order}, and got a completely different thing.",
        ),
        "sadness": (
            "I'm really disappointed. The {product} was a gift and it arrived scratched all over.",
        ),
    },
    emotion_weights={"neutral": 0.5, "anger": 0.35, "sadness": 0.15},
    tags=("damaged", "returns"),
    tried=("I've taken photos of the box and the item.",),
    chasers=("Any update on the replacement for {order}?",),
    ask_info=("Could you send a photo of the damage and of the label on the box?",),
    info=(
        "Photos attached: the box and the cracked {product}.",
        "I already sent the photos. Sending them again, attached.",
    ),
    ack=(
        "I'm sorry, that's not what you should find when you open a box you've waited for.",
        "What a disappointment for a gift, I'm sorry the {product} arrived scratched.",
    ),
    own=(
        "I've arranged a replacement {product} and a free collection of the damaged one.",
        "I've logged the damage with the warehouse so it doesn't happen to the next order.",
    ),
    options=("I can send a replacement, or refund the {amount} in full; which would you prefer?",),
    next_steps=(
        "The courier will collect the damaged one on {weekday}, and the replacement ships the same day.",
    ),
    fix=(
        "Your replacement {product} shipped today; tracking is in your email.",
        "Refund of {amount} done. You don't need to send the damaged one back.",
    ),
    hold=(
        "I'm waiting on the warehouse to confirm stock for the replacement; I'll update you by {weekday}.",
    ),
    policy=(
        "Damage must be reported within 48 hours of delivery, so this is outside our returns window.",
        "A replacement is not possible without the original packaging, per our returns policy.",
    ),
    cold=("Please use the returns portal for damaged items.",),
    blame=("You should have refused the parcel if the box was damaged.",),
    notes=(
        "Photos checked: transit damage, not misuse.",
        "Warehouse has 3 in stock, reserved one.",
    ),
    summary=("{name} received a damaged {product} (order {order}); photos are on the ticket.",),
    transfer_rate=0.03,
)

REFUND_CHASE = Scenario(
    key="refund_chase",
    team=BILLING,
    weight=9,
    subjects=("Refund for {order}", "Where is my refund?", "Refund still not received"),
    openers={
        "neutral": (
            "I returned the {product} from order {order} on {date}. When will I get the refund of {amount}?",
            "Could you tell me the status of my refund for order {order}?",
        ),
        "anger": (
            "You received my return {days} days ago and I STILL haven't been refunded {amount}. Fed up of chasing this.",
            "Three weeks waiting for a refund of {amount}. How hard can it be?",
        ),
        "confusion": (
            "I got an email saying my refund was processed but the amount is {amount2}, not {amount}. I don't understand why.",
        ),
    },
    emotion_weights={"neutral": 0.5, "anger": 0.35, "confusion": 0.15},
    tags=("refund", "returns"),
    chasers=("Still no refund on my statement.", "Any news on the {amount}?"),
    ask_info=("Could you send the return tracking number so I can match the parcel?",),
    info=("The return tracking number is {ref}.",),
    ack=(
        "You shouldn't have to chase us for your own money, I'm sorry.",
        "I can see the return reached us on {date}, so you're right to ask where the money is.",
    ),
    own=(
        "I've pushed the refund of {amount} through myself just now.",
        "I've checked the return: it was received on {date} and the refund was stuck, so I've released it.",
    ),
    options=(
        "I can refund to your card (3 to 5 days) or as store credit today, whichever you prefer.",
    ),
    next_steps=(
        "You'll get a confirmation email within the hour; the money shows on your statement in 3 to 5 working days.",
    ),
    fix=("Refund of {amount} issued today; confirmation is in your email.",),
    hold=("The refund needs sign-off from the payments team; I'll update you by {weekday}.",),
    policy=(
        "Refunds take up to 14 working days per our policy, so there is nothing we can do yet.",
    ),
    cold=("Please contact your bank, as the refund has left our side.",),
    notes=("Return scanned at warehouse on {date}; refund job failed, retried manually.",),
    summary=("{name} is chasing a refund of {amount} for {order}; return received on {date}.",),
    transfer_team=ORDERS,
    transfer_rate=0.08,
)

DUPLICATE_CHARGE = Scenario(
    key="duplicate_charge",
    team=BILLING,
    weight=6,
    stakes="financial",
    priority="high",
    subjects=("Charged twice", "Double charge on my card", "Duplicate payment for {order}"),
    openers={
        "anxiety": (
            "I've been charged twice for order {order}, {amount} each time, and now I'm worried about going overdrawn before payday.",
            "Two payments of {amount} left my account for the same order. That's money I can't afford to lose right now, please help.",
        ),
        "anger": (
            "You charged me TWICE for {order}. {amount} x 2. Fix it today.",
            "Double charged again?! {amount} taken twice for one order. This is unacceptable.",
        ),
        "neutral": (
            "My card ending {card} shows two charges of {amount} for order {order}. Could you refund the duplicate?",
        ),
    },
    emotion_weights={"anxiety": 0.45, "anger": 0.35, "neutral": 0.2},
    tags=("billing", "duplicate-charge"),
    tried=("I've already checked with my bank and they say both payments went through.",),
    chasers=("The second charge of {amount} is still on my account.",),
    ask_info=("Could you send a screenshot of the two charges, with the dates?",),
    info=("Screenshot attached: both charges of {amount} on {date}.",),
    ack=(
        "Being charged twice when money is tight is stressful, and I'm sorry we caused it.",
        "I can see both charges of {amount} on {date}, so you're right, and I'm sorry for the worry.",
    ),
    own=(
        "I've refunded the duplicate {amount} myself just now.",
        "I've cancelled the second payment so it drops off your card.",
    ),
    options=(
        "If the refund timing is a problem, I can also add a credit to your account today while the bank processes it.",
    ),
    next_steps=(
        "The duplicate will be back on your card within 3 working days; I'll check on {weekday} that it has landed.",
    ),
    fix=(
        "The duplicate {amount} is refunded; you'll see it back on your card ending {card} within 3 working days.",
    ),
    hold=("Our payment provider is checking the duplicate; I'll update you by {weekday}.",),
    policy=("We can't refund a payment until it has fully settled, which takes up to 10 days.",),
    cold=("Please contact your bank about charges on your card.",),
    notes=(
        "Payments console: two captures for the same basket, second one is a retry bug.",
        "Refund of {amount} approved under my limit.",
    ),
    summary=("{name} was charged twice ({amount}) for {order}; worried about overdraft.",),
    transfer_team="",
    transfer_rate=0.05,
)

FRAUD = Scenario(
    key="unknown_charge",
    team=BILLING,
    weight=3,
    stakes="financial",
    priority="urgent",
    subjects=("Charge I don't recognise", "Fraud on my account?", "Someone used my account"),
    openers={
        "anxiety": (
            "There's a charge of {amount} from {company} on my card that I didn't make. I think someone has got into my account. I'm panicking.",
            "I got an order confirmation for a {product} I never ordered, paid with my saved card. Is my account hacked?",
        ),
        "anger": (
            "Someone placed three orders on my account and you let it happen. {amount} gone. I want it back now.",
        ),
    },
    emotion_weights={"anxiety": 0.75, "anger": 0.25},
    tags=("billing", "fraud", "security"),
    tried=("I've already changed my password and frozen the card.",),
    chasers=("Has anything happened? The money is still gone.",),
    ack=(
        "Finding a charge you didn't make is frightening, and you did exactly the right thing writing straight away.",
    ),
    own=(
        "I've locked your account, cancelled the order and blocked the saved card.",
        "I've signed out every device on your account and started a fraud refund for {amount}.",
    ),
    options=(
        "You can set a new password now with the link I've sent, or I can call you to do it together.",
    ),
    next_steps=(
        "The fraud team will confirm the refund within 24 hours, and I'll email you as soon as it's through.",
    ),
    fix=("The {amount} is refunded and your account is secure again with the new password.",),
    hold=("The fraud team is reviewing the orders; I'll update you by {weekday}.",),
    policy=("We cannot discuss account security over email.",),
    cold=("Please report this to your bank and the police.",),
    notes=("Login from an unknown device on {date}; password reset forced.",),
    summary=(
        "Possible account takeover for {name}: unknown order {order} for {amount}. Account locked.",
    ),
    transfer_team=SUPPORT,
    transfer_rate=0.25,
)

HARDSHIP = Scenario(
    key="hardship",
    team=BILLING,
    weight=2,
    stakes="financial",
    priority="high",
    subjects=("Can't pay this month", "Payment plan?", "Struggling with the bill"),
    openers={
        "sadness": (
            "I lost my job last month and I can't pay the {amount} for {plan} this month. Is there anything you can do?",
        ),
        "anxiety": (
            "My {plan} payment of {amount} is due on {date} and I don't have it. I'm scared it will put me into overdraft again.",
        ),
    },
    emotion_weights={"sadness": 0.5, "anxiety": 0.5},
    tags=("billing", "hardship"),
    ack=("Thank you for telling me; a job loss is hard, and we'll work this out together.",),
    own=("I've paused the {amount} payment so nothing leaves your account on {date}.",),
    options=(
        "We can pause {plan} for two months at no cost, or move you to Basic at a lower price; which would help more?",
    ),
    next_steps=(
        "Nothing will be charged until you tell me which option you'd like; I'll check in on {weekday}.",
    ),
    fix=("Your {plan} is paused until further notice; no payments will be taken.",),
    policy=("Payments are due in full on the billing date; we don't offer payment plans.",),
    cold=("You may want to speak to a debt advice service.",),
    notes=("Hardship: paused billing, no late fees.",),
    summary=("{name} can't pay {plan} after losing their job; payment paused.",),
    transfer_rate=0.03,
)

CANCEL = Scenario(
    key="cancel_subscription",
    team=BILLING,
    weight=6,
    subjects=("Cancel my subscription", "Cancel {plan}", "Stop charging me"),
    openers={
        "neutral": (
            "Please cancel my {plan} subscription at the end of this month.",
            "How do I cancel {plan}? I can't find the option.",
        ),
        "anger": (
            "I've tried to cancel {plan} three times and you keep charging me. Cancel it now or I'm going to my bank.",
            "Cancel my account. I'm done with {company} after this month, never ordering again.",
        ),
        "confusion": (
            "I thought I cancelled {plan} but I was charged {amount} again. Did it not go through??",
        ),
    },
    emotion_weights={"neutral": 0.45, "anger": 0.35, "confusion": 0.2},
    tags=("subscription", "cancellation"),
    chasers=("Still waiting for the cancellation confirmation.",),
    ack=("I'm sorry cancelling turned into a chore; it should have taken one click.",),
    own=("I've cancelled {plan} myself, effective today, and refunded this month's {amount}.",),
    options=(
        "I can cancel now with a refund for this month, or at the end of the month so you keep the benefits until then.",
    ),
    next_steps=(
        "You'll get a cancellation email within minutes; no further charges will be taken.",
    ),
    fix=("Your {plan} is cancelled; the confirmation is in your inbox.",),
    policy=(
        "Subscriptions can only be cancelled from the app, we cannot do it for you.",
        "The minimum term is 12 months, so cancelling now is not possible.",
    ),
    cold=("Please cancel through the app store you subscribed with.",),
    notes=("Retention offer declined; cancelled.",),
    summary=("{name} wants {plan} cancelled and a refund of {amount}.",),
    transfer_rate=0.03,
)

LOGIN = Scenario(
    key="login_trouble",
    team=SUPPORT,
    weight=10,
    subjects=("Can't log in", "Password reset not working", "Locked out of my account"),
    openers={
        "neutral": (
            "How do I reset my password? The link doesn't arrive.",
            "I can't sign in on my {device}. Could you help?",
        ),
        "confusion": (
            "I reset my password but it still says 'invalid credentials'. I don't understand what I'm doing wrong.",
            "The app asks for a code I never received??",
        ),
        "anger": (
            "Locked out of my account for the fourth time this month. Your login is broken.",
        ),
    },
    emotion_weights={"neutral": 0.5, "confusion": 0.35, "anger": 0.15},
    tags=("account", "login"),
    tried=(
        "I've reinstalled the app and cleared the cache.",
        "I've tried the reset link three times and checked spam.",
    ),
    chasers=("Still can't get in.",),
    ask_info=("Which email address is on the account, and which device are you using?",),
    info=("It's the address I'm writing from, on my {device}.",),
    ack=("Being locked out after trying everything is maddening, sorry.",),
    own=(
        "I've reset the sign-in on your account and sent a fresh link to your email.",
        "I've cleared the lock on your account, so the next attempt will work.",
    ),
    options=(
        "You can use the link now, or I can switch you to sign-in by code if links keep failing.",
    ),
    next_steps=(
        "The link works for 30 minutes; if it doesn't arrive in 5, reply here and I'll switch you to codes.",
    ),
    fix=(
        "Here's how: open {place}, tap 'Forgot password', and use the code we text you. That should get you in.",
        "I've reset it; you can sign in now with the link in your inbox.",
    ),
    policy=("For security reasons we cannot reset passwords on request.",),
    cold=("Please use the self-service reset page.",),
    blame=("You must have typed the wrong email address when you registered.",),
    notes=("Account was rate-limited after five attempts; lock cleared.",),
    summary=("{name} is locked out; already tried the reset link and reinstalling.",),
    transfer_team=BILLING,
    transfer_rate=0.05,
)

APP_BUG = Scenario(
    key="app_bug",
    team=SUPPORT,
    weight=7,
    subjects=("{place} keeps crashing", "Bug on {place}", "Error when paying"),
    openers={
        "anger": (
            "{place} crashes every time I try to pay. I've lost my basket three times. Great work.",
            "Your app is useless. {place} just spins forever.",
        ),
        "neutral": ("I get an error on {place} when I try to save my address.",),
        "confusion": ("What does 'error 5013' mean on {place}? I don't know what to do now.",),
    },
    emotion_weights={"anger": 0.45, "neutral": 0.35, "confusion": 0.2},
    tags=("bug", "app"),
    tried=(
        "I restarted my {device}, reinstalled the app and tried a different browser.",
        "I've already tried on wifi and on mobile data.",
    ),
    chasers=("Still broken this morning.",),
    ask_info=(
        "Could you send a screenshot of the error and tell me which version of the app you have?",
    ),
    info=("Screenshot attached. Version 4.2.",),
    ack=(
        "Losing your basket three times is infuriating, especially after you've already reinstalled everything.",
    ),
    own=("I've reproduced it on our side and passed it to the app team with your screenshots.",),
    options=(
        "While they fix it, you can pay on the website, or I can place the order for you from here.",
    ),
    next_steps=("The fix is due in Thursday's update; I'll message you when it's out.",),
    fix=("The update that fixes {place} is out now; after updating it works again.",),
    hold=("The app team has the bug; I'll update you by {weekday}.",),
    policy=("We only support the latest version of the app.",),
    cold=("Please report bugs through the app store review.",),
    blame=("The app works fine for everyone else, so it must be your phone.",),
    notes=("Reproduced on version 4.2, Android; bug filed as APP-{ref}.",),
    summary=("{name} hits a crash on {place}; already reinstalled and tried another browser.",),
    transfer_team=SUPPORT,
    transfer_rate=0.05,
)

HOW_TO = Scenario(
    key="how_to",
    team=SUPPORT,
    weight=10,
    subjects=(
        "Question about my account",
        "Change delivery address",
        "Invoice copy",
        "Gift wrapping?",
    ),
    openers={
        "neutral": (
            "How do I change the delivery address on order {order}?",
            "Could you send me a copy of the invoice for order {order}?",
            "Do you offer gift wrapping on the {product}?",
            "Is the {product} back in stock soon?",
            "How do I add a second card to my account?",
        ),
        "confusion": (
            "I don't understand the difference between {plan} and Fernway Basic. Which one do I need?",
        ),
    },
    emotion_weights={"neutral": 0.85, "confusion": 0.15},
    tags=("question",),
    fix=(
        "Done: I've changed the address on {order} to the new one.",
        "Your invoice for {order} is attached.",
        "Yes, gift wrapping is an option at checkout for the {product}, 3 euros.",
        "The {product} is back in stock on {weekday}; I've set a reminder to email you.",
        "Go to {place}, choose 'Payment methods' and 'Add card'.",
    ),
    policy=("Addresses cannot be changed after an order is placed.",),
    cold=("Please check the help centre for this.",),
    notes=("Simple question, answered.",),
    summary=("{name} has a question about {order}.",),
    transfer_rate=0.01,
)

PRAISE = Scenario(
    key="praise",
    team=SUPPORT,
    weight=4,
    subjects=("Thank you!", "Great service", "Just wanted to say thanks"),
    openers={
        "gratitude": (
            "Just wanted to say thank you to {agent} who sorted my {product} so quickly last week. Brilliant service.",
            "The {product} arrived early and it's perfect. Thanks so much!",
            "You saved my day yesterday. Thank you!",
        ),
    },
    emotion_weights={"gratitude": 1.0},
    tags=("praise",),
    fix=("Thank you, {name}! I've passed your message on to {agent}; it made the team's day.",),
    summary=("Thanks from {name}.",),
    transfer_rate=0.0,
)

HEALTH = Scenario(
    key="health_item",
    team=ORDERS,
    weight=4,
    stakes="health",
    priority="high",
    subjects=(
        "Urgent: medical item not delivered",
        "{product} needed for treatment",
        "Medical equipment delay",
    ),
    openers={
        "anxiety": (
            "My {product} hasn't arrived and I need it for my {relative}, who comes out of hospital on {weekday}. Please, it's urgent.",
            "I have diabetes and the {product} from order {order} is late. I'm worried about my medication going off without it.",
        ),
        "anger": (
            "It's a medical device. My {relative} needs the {product} and you've left it sitting in a depot for {days} days.",
        ),
        "sadness": (
            "My {relative} is unwell and the {product} was meant to help at home. It still hasn't come and I'm at the end of my rope.",
        ),
    },
    emotion_weights={"anxiety": 0.6, "anger": 0.25, "sadness": 0.15},
    tags=("delivery", "medical"),
    chasers=("Please, any news? My {relative} needs it.",),
    ack=(
        "I'm so sorry; when it's for someone's health, every day of delay matters.",
        "That's a worrying position to be in with your {relative} coming home, and I want to get this to you fast.",
    ),
    own=(
        "I've sent a new {product} by next-day courier at our cost, and cancelled the stuck parcel.",
    ),
    options=(
        "It can go to your home tomorrow, or to the hospital's reception if that's easier for you.",
    ),
    next_steps=(
        "You'll have it by {weekday} noon; I'll call you on {weekday} morning to make sure it's arrived.",
    ),
    fix=("The {product} was delivered this morning; I hope your {relative} is settling in well.",),
    hold=("The courier is prioritising the parcel; I'll update you by {weekday} morning.",),
    policy=("We cannot guarantee delivery dates for any product, including medical ones.",),
    cold=("Please contact the courier for delivery times.",),
    notes=("Medical need: sent replacement by next-day courier, no charge.",),
    summary=(
        "Medical item for {name}'s {relative} (order {order}) is {days} days late; needed by {weekday}.",
    ),
    transfer_team=SUPPORT,
    transfer_rate=0.08,
)

BEREAVEMENT = Scenario(
    key="bereavement",
    team=BILLING,
    weight=2,
    stakes="bereavement",
    priority="high",
    subjects=("Account of my late {relative}", "Closing an account after a death", "Bereavement"),
    openers={
        "sadness": (
            "My {relative} passed away last month and I need to close their {plan} account. I don't know where to start.",
            "I'm writing because my {relative} died on {date}. The {plan} payments are still coming out of their account.",
        ),
        "anger": (
            "My {relative} died three weeks ago, I've sent the death certificate twice, and you are STILL emailing them offers.",
        ),
    },
    emotion_weights={"sadness": 0.8, "anger": 0.2},
    tags=("account", "bereavement"),
    ask_info=(
        "When you feel able, could you send the account email or a recent order number? Nothing else is needed.",
    ),
    info=("The email is the one I'm writing from; their last order was {order}.",),
    ack=(
        "I'm so sorry for the loss of your {relative}. Thank you for letting us know; I'll take care of this.",
    ),
    own=("I've closed the account, stopped all emails and refunded the last {amount} payment.",),
    options=(
        "I can close it now, or keep the order history available for 30 days if you'd like to download anything first.",
    ),
    next_steps=("You'll get one confirmation email today and nothing else from us after that.",),
    fix=(
        "The account is closed and the last payment of {amount} refunded. Take care of yourself.",
    ),
    policy=(
        "Accounts can only be closed by the account holder.",
        "We need a certified copy of the death certificate by post before we can do anything.",
    ),
    cold=("Please contact our legal department in writing.",),
    notes=("Bereavement: closed account, marketing suppressed, refunded last payment.",),
    summary=("{name}'s {relative} died; close the {plan} account and stop the payments.",),
    transfer_team=SUPPORT,
    transfer_rate=0.07,
)

TRAVEL_DISRUPTION = Scenario(
    key="travel_disruption",
    team=TRAVEL,
    weight=6,
    stakes="travel",
    priority="high",
    subjects=(
        "Flight {flight} cancelled",
        "Stranded in {city}",
        "Missed connection",
        "Booking {order}: flight cancelled",
    ),
    openers={
        "anxiety": (
            "My {airline} flight {flight} to {city} was just cancelled and I'm stuck at the airport with two kids. What do I do?",
            "Flight {flight} is delayed six hours and I'll miss my connection in {city}. Can you rebook me?",
        ),
        "anger": (
            "{airline} cancelled {flight} and your app still says 'on time'. Nobody at the desk can help. Unbelievable.",
            "I booked {order} through you, my flight got cancelled, and I've been on hold for two hours.",
        ),
        "confusion": (
            "I got an email that my {city} flight changed to 6am but the booking {order} still shows the old time?",
        ),
    },
    emotion_weights={"anxiety": 0.45, "anger": 0.4, "confusion": 0.15},
    tags=("travel", "flight"),
    tried=("I've already queued at the {airline} desk for an hour.",),
    chasers=("Still no rebooking and the airport is closing.",),
    ack=(
        "Being stranded at an airport with two kids is exhausting, I'm sorry; let's get you moving.",
    ),
    own=(
        "I've rebooked you on the 18:40 to {city} and reserved seats together.",
        "I've booked you a hotel near the airport tonight at our cost.",
    ),
    options=(
        "There's a seat on the 18:40 today, or the 07:15 tomorrow with a hotel tonight; which works better?",
    ),
    next_steps=("Your new boarding passes will be in your email within 15 minutes.",),
    fix=("You're on flight {flight2} tomorrow at 07:15; the hotel voucher is in your email.",),
    hold=("I've asked {airline} for a refund of the cancelled leg; I'll update you by {weekday}.",),
    policy=("Schedule changes are the airline's responsibility, so we cannot rebook.",),
    cold=("Please contact {airline} directly to rebook.",),
    notes=("Rebooked on {flight2}; hotel voucher sent.",),
    summary=(
        "{name}'s flight {flight} to {city} (booking {order}) was cancelled; stranded with kids.",
    ),
    transfer_team=BILLING,
    transfer_rate=0.12,
)

DEADLINE = Scenario(
    key="deadline_gift",
    team=ORDERS,
    weight=4,
    stakes="deadline",
    priority="high",
    subjects=("Need it by {day}", "Urgent: order {order} for {event}", "Will it arrive in time?"),
    openers={
        "anxiety": (
            "The {product} is for {event} on {day} and the tracking hasn't moved. Will it arrive in time?",
            "I need order {order} by {day} for {event}. Please tell me it's coming.",
        ),
        "anger": (
            "I paid extra so the {product} would be here before {event} on {day}. It won't be. Thanks for nothing.",
        ),
        "sadness": ("The {product} for {event} on {day} is not going to arrive, and I'm gutted.",),
    },
    emotion_weights={"anxiety": 0.6, "anger": 0.25, "sadness": 0.15},
    tags=("delivery", "deadline"),
    chasers=("{day} is almost here. Anything?",),
    ack=("With {event} on {day}, I understand why this can't wait.",),
    own=("I've upgraded the delivery to a named-day courier for {day} morning at no cost.",),
    options=(
        "It can come to your home on {day} morning, or you can pick it up from our {city} store tomorrow.",
    ),
    next_steps=("You'll get the courier's one-hour window by 8am on {day}.",),
    fix=("The {product} has been delivered, in time for {event}. Enjoy the day!",),
    policy=("Delivery dates are estimates and not guaranteed.",),
    cold=("Please contact {carrier} about delivery times.",),
    notes=("Named-day upgrade, no charge.",),
    summary=("{name} needs {order} ({product}) by {day} for {event}.",),
    transfer_rate=0.04,
)

LEGAL = Scenario(
    key="legal_threat",
    team=BILLING,
    weight=1.2,
    stakes="legal",
    priority="urgent",
    subjects=("Formal complaint", "Final notice before chargeback", "Complaint to the ombudsman"),
    openers={
        "anger": (
            "This is my formal complaint about order {order}. If the {amount} isn't refunded by {weekday}, I'm filing a chargeback and complaining to the consumer ombudsman.",
            "My solicitor has advised me to give you seven days to refund {amount}. After that I go to the small claims court.",
        ),
        "neutral": (
            "Please treat this as a formal complaint. I've raised a chargeback with my bank for {amount} on order {order}.",
        ),
    },
    emotion_weights={"anger": 0.75, "neutral": 0.25},
    tags=("complaint", "legal"),
    ack=("You've had to go a long way to get this resolved, and I'm sorry it came to that.",),
    own=("I've reviewed the whole history of {order} and refunded the {amount} today.",),
    options=(
        "I can refund now, or, if you'd rather keep the chargeback open, I'll confirm the refund to your bank directly.",
    ),
    next_steps=(
        "You'll have written confirmation by email today, and our complaints lead will call you by {weekday}.",
    ),
    fix=("The {amount} is refunded and the complaint is recorded as upheld.",),
    policy=("We do not respond to legal threats through this channel.",),
    cold=("Please direct legal correspondence to our registered office.",),
    notes=("Escalated to complaints lead; chargeback reference CB-{ref}.",),
    summary=("Formal complaint from {name} about {order}: chargeback and ombudsman threatened.",),
    transfer_team=SUPPORT,
    transfer_rate=0.3,
)

SAFETY = Scenario(
    key="product_safety",
    team=SUPPORT,
    weight=1,
    stakes="safety",
    priority="urgent",
    subjects=("{product} overheating", "Burning smell from {product}", "Safety problem"),
    openers={
        "anxiety": (
            "The charger for my {product} got so hot it melted the plug and there was a burning smell. My kids were in the room. Is it safe?",
            "Sparks came out of the {product} when I switched it on. I'm scared to use anything from this order.",
        ),
        "anger": (
            "Your {product} nearly set my kitchen on fire. I want to know why this was sold.",
        ),
    },
    emotion_weights={"anxiety": 0.7, "anger": 0.3},
    tags=("safety", "product-issue"),
    ack=("That sounds frightening, and I'm glad everyone is safe.",),
    own=(
        "I've reported it to our product safety team and arranged a courier to collect the {product}.",
    ),
    options=(
        "We'll refund the {amount} in full, or send a different model that's been tested, whichever you prefer.",
    ),
    next_steps=(
        "Please unplug it and don't use it; the courier comes on {weekday}, and the safety team will call you within 24 hours.",
    ),
    fix=(
        "The {product} has been collected and the {amount} refunded. Thank you for reporting it.",
    ),
    policy=("Faults must be reported through the warranty portal.",),
    cold=("Please contact the manufacturer about product faults.",),
    notes=("Safety incident logged as SAF-{ref}; batch under review.",),
    summary=("Safety: {name}'s {product} overheated; collect it and refund.",),
    transfer_team=ORDERS,
    transfer_rate=0.2,
)

SCENARIOS: tuple[Scenario, ...] = (
    LATE_DELIVERY, DAMAGED, REFUND_CHASE, DUPLICATE_CHARGE, FRAUD, HARDSHIP, CANCEL, LOGIN,
    APP_BUG, HOW_TO, PRAISE, HEALTH, BEREAVEMENT, TRAVEL_DISRUPTION, DEADLINE, LEGAL, SAFETY,
)  # fmt: skip
