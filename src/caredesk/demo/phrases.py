"""Lines that fit any case: greetings, sign-offs, effort cues, and the glue of good and bad replies."""

from __future__ import annotations

CUSTOMER_GREETINGS = {
    "email": ("Hi,", "Hello,", "Hi there,", "Good morning,", "Dear Fernway,", "Hello team,", ""),
    "chat": ("", "", "hi", "hello", "Hi there"),
    "social": ("@FernwayHelp", "@FernwayHelp hey,", "@FernwayHelp"),
    "phone": ("Call notes, customer's words:", "Caller said:", "Phone call:"),
}
CUSTOMER_SIGNOFFS = {
    "email": (
        "Thanks,\n{name}",
        "Regards,\n{full}",
        "{name}",
        "Best,\n{name}",
        "Thank you,\n{full}",
        "",
    ),
    "chat": ("", "", "thanks"),
    "social": ("", ""),
    "phone": ("",),
}

# Effort cues (CARE_RUBRIC §1): the customer has written before, told the story again,
# or already tried things; or is ready to leave.
REPEAT_CONTACT = (
    "This is the third time I've written about this.",
    "I contacted you on {weekday} and nobody got back to me.",
    "I'm writing again because I never got an answer.",
    "Second message about this, still no reply.",
    "I already called about this last week.",
)
REPEATED_STORY = (
    "I already explained all of this to your colleague.",
    "I've been transferred twice and had to tell the whole story each time.",
    "I already sent you the details, please read the earlier messages.",
    "Why do I have to explain this again?",
)
CHURN = (
    "If this isn't sorted I'm cancelling my account.",
    "Honestly, I'm ready to take my business elsewhere.",
    "I'll be posting about this everywhere if nobody helps.",
    "I'll be moving my account if this happens again.",
)
PUSHBACK = (
    "That doesn't help at all.",
    "That's not an answer to my question.",
    "Did you actually read my message?",
    "I've already done that.",
    "So what am I supposed to do now?",
)
ASKS = (
    "Can you help?",
    "What can you do?",
    "Please let me know.",
    "Please sort this out.",
    "",
)
THANKS = (
    "That worked, thank you so much!",
    "Got it, thanks {agent}, really appreciate you sorting it.",
    "Perfect, thank you.",
    "Thanks, that's a relief.",
    "Brilliant, thanks for your help.",
    "Ok thanks.",
)
STILL_BROKEN = (
    "This still isn't fixed. {chaser}",
    "Sorry, but it's happened again. {chaser}",
    "You marked this as solved but nothing has changed.",
    "I'm writing again: the problem is back.",
)
FOLLOW_UP_OPENERS = (
    "I'm writing again about {order}; the last ticket was closed but the problem isn't solved.",
    "Back again about the same thing as last time.",
    "Following up on my earlier ticket, which was closed without a fix.",
)

AGENT_GREETINGS = {
    "email": ("Hi {name},", "Hello {name},", "Dear {name},", "Hi {name}, thanks for writing in."),
    "chat": ("Hi {name}!", "Hi {name}.", "Thanks {name}."),
    "social": ("Hi {name}.", "Hey {name}!"),
    "phone": ("Summary of our call, {name}:", "Hi {name}, as discussed on the phone:"),
}
AGENT_SIGNOFFS = {
    "email": (
        "\n\n{agent}\nFernway Care",
        "\n\nBest,\n{agent}",
        "\n\nKind regards,\n{agent}, Fernway Care",
    ),
    "chat": ("", ""),
    "social": (" ^{initial}",),
    "phone": ("\n\n{agent}",),
}

# Caring glue.
USES_CONTEXT = (
    "I can see you've already been in touch about this, so there's no need to explain again.",
    "I've read your earlier messages and {prev_agent}'s notes, so I have the full picture.",
    "Thanks for listing what you've already tried; I won't ask you to do any of it again.",
    "Since this is your third message about it, I've taken it over personally.",
)
CHECKS = (
    "Does that work for you?",
    "Which would you prefer?",
    "Tell me if {weekday} doesn't suit and I'll find another time.",
    "Is there anything in that plan that worries you?",
)

# Careless glue.
SCRIPTED_EMPATHY = (
    "I totally understand your frustration.",
    "We apologize for any inconvenience caused.",
    "Your satisfaction is our top priority.",
    "We value you as a customer.",
    "Thank you for your patience and understanding.",
    "We're sorry you feel this way.",
    "We appreciate your patience.",
)
REFLEXIVE = ("Is there anything else I can help with?", "Anything else?", "")
PREMATURE_CLOSE = ("I'm closing this ticket now.", "I'll mark this as resolved.")
VAGUE = ("We'll look into it.", "We will get back to you.", "Our team is checking.")
CREEPY = (
    "I noticed you usually shop late at night, so I thought you'd want to know.",
    "I can see you were browsing the {product} page this morning.",
    "Our records show you logged in from {city} yesterday.",
)
HOLDING = (
    "Thanks for your message. An agent will reply within one working day.",
    "We've received your request and will be in touch.",
)

# Internal notes that fit any case.
GENERIC_NOTES = (
    "Customer sounds very upset; flagged to the lead.",
    "Checked the order history: nothing unusual.",
    "Waiting on the customer before doing anything else.",
    "Second contact about the same problem; keep it with one agent.",
    "Called the customer back, no answer; left a voicemail.",
)

# How an agent hands a ticket on. A warm note lets the next person carry on; a curt one
# is what a cold transfer looks like from the inside.
HANDOFF_WARM = (
    "{summary} Already tried: {tried_short}. Needs: {need}. {tone}",
    "{summary} I've told them you'll pick it up today. Needs: {need}. {tone}",
)
HANDOFF_CURT = ("Over to you.", "Not ours, see ticket.", "{team} question.", "Please handle.")
HANDOFF_NEEDS = (
    "a decision on the refund", "someone with access to the payments console",
    "a call back today", "a replacement sent", "a clear answer in writing",
)  # fmt: skip
HANDOFF_TONES = (
    "They're upset; please reply today.",
    "Calm, just wants it done.",
    "Very anxious, please call rather than email.",
    "",
)
