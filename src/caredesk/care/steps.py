"""clear_next_steps (rubric §2, §4): how this issue moves forward.

A sentence counts when it gives an owner and a *when* ("the engineer will call by
5pm", "it'll arrive Thursday"), a concrete outcome ("a new confirmation is on its
way to your inbox"), or specific fix steps ("Go to Settings > Security", "Hold the
reset button for 5 seconds"). Not: redirects to another team, company, channel or
DM; requests for information; "we'll be in touch"; "we'll look into it"; questions
("have you tried X?"); generic timings ("refunds can take up to 10 days").
"""

from __future__ import annotations

import re

from caredesk.care.results import Flag
from caredesk.care.rules import FLAGS, Matcher, alternatives, compile_any, rx, spans
from caredesk.care.textutil import Sentence, make_flag

_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_TIME = compile_any(
    [
        r"today",
        r"tonight",
        r"tomorrow(?: (?:morning|afternoon|evening|night))?",
        r"this (?:morning|afternoon|evening|week|weekend)",
        r"(?:next|this|on|by|until|before|from) " + _DAY,
        _DAY + r"(?:'s)?(?: (?:morning|afternoon|evening))?",
        r"within (?:the )?(?:next )?(?:\d+|a|an|one|two|three|four|five|ten|24|48|the hour|"
        r"the next)(?: \w+)?",
        r"in (?:the next |about |around |roughly )?(?:\d+|a|an|one|two|three|four|five|ten|a few|"
        r"a couple of)(?:-\d+)? (?:minutes?|mins?|hours?|hrs?|days?|working days|business days|"
        r"weeks?)",
        r"\d+(?:-| to )\d+ (?:working |business )?days",
        r"(?:by|before|until|after) (?:the )?(?:end of (?:the )?(?:day|week|month)|noon|midday|"
        r"\d{1,2}(?::\d\d)? ?(?:am|pm)?|\d{1,2}(?:st|nd|rd|th)|" + _MONTH + r")",
        r"at \d{1,2}(?::\d\d)? ?(?:am|pm)?",
        r"\d{1,2}(?::|\.)\d\d(?: ?(?:am|pm))?",
        r"\d{1,2} ?(?:am|pm)",
        r"between \d{1,2}(?::\d\d)?(?: ?(?:am|pm))? and \d{1,2}(?::\d\d)?(?: ?(?:am|pm))?",
        r"next (?:week|month|working day|business day)",
        r"(?:on )?the \d{1,2}(?:st|nd|rd|th)",
        r"\d{1,2} " + _MONTH,
        _MONTH + r" \d{1,2}(?:st|nd|rd|th)?",
        r"(?:straight|right) away",
        r"first thing",
        r"overnight",
        r"(?:in|within) (?:the )?(?:hour|next few minutes)",
        r"as soon as (?:it|they|the|your|i|we)",
    ]
)
_FORWARD = compile_any(
    alternatives(
        r"(?:will|'ll|should|shall|due|booked|scheduled|on (?:its|their|the|his|her) way|"
        r"arriv\w*|leav(?:es|ing)|coming|going to|expect\w*|ready|until|starting|from (?:today|"
        r"tomorrow|next)|rolling out|confirmed|can (?:log|retry|collect|pick|use|expect|try|keep)|"
        r"from (?:mon|tues|wednes|thurs|fri|satur|sun)day|start|starts|begin|begins|put you on|"
        r"booked you on|moved you to|free (?:at|on|from)|lands|departs|boards?|board at|rebooked|arranged|reserved|asked|"
        r"open until|keep (?:access|it)|(?:is|are|'s|'re) now|(?:i'm|i am|we're|we are) \w+ing|"
        r"back (?:on|to|in) your|(?:it's|it is|that's|i've|we've|i have|we have) (?:now )?(?:moved|"
        r"switched|changed|set|rebooked|rescheduled) (?:it |you |them |the \w+ )?(?:to|for|onto))"
    )
)
_GENERIC_TIMING = compile_any(
    [
        r"(?:can|may|might|could) take",
        r"up to \d+",
        r"please allow",
        r"approximately",
        r"(?:refunds|orders|deliveries|payments|charges|points|claims|returns|appointments|"
        r"prescriptions|e-?tickets) (?:take|can|may|are|usually)",
        r"as soon as possible",
        r"asap",
        r"in due course",
        r"(?:clos|resolv)(?:e|ing) (?:this|the|your) (?:chat|ticket|case|conversation)",
    ]
)
_BLOCK = compile_any(
    alternatives(
        r"(?:dm|d\.m\.|direct message|private message|inbox us|message us|(?:contact|call|ring|"
        r"phone|email|reach out to|get in touch with|speak to|talk to)(?: \w+){0,2} (?:your|the|our|"
        r"another|their|us on|us at|them) (?:\w+ )?(?:bank|card|manufacturer|seller|retailer|store|"
        r"shop|courier|airline|team|department|number|line|helpline|provider|gp|surgery|office|"
        r"directly)|(?:check|visit|see|refer to|read) (?:our|the) (?:website|site|faq|help|page|"
        r"policy|terms|letter|section)|try (?:calling|ringing|again later|later)|(?:contact|complaints?|enquiry) form|(?:return|go back|head back) to the (?:store|shop|retailer|"
        r"branch|seller)|(?:send|email|post|forward) (?:it|them|this|the \w+)"
        r"(?: \w+){0,5} to (?:our|the|your) (?:\w+ )?(?:team|department))"
    )
)
_IMPERATIVE = rx(
    r"(?:^|,\s|\b(?:so|then|and then)\s)\W*(?:(?:please|just|simply|then|next|first|firstly|now|and|so|yes|sure|of course|ok|"
    r"okay)\W+)*(?:go|tap|click|hold|"
    r"press|replace|update|try|return|use|re-?upload|complete|swap|unplug|plug|restart|reboot|"
    r"uninstall|check (?:your|the) (?:inbox|email|emails|spam|junk|app|account|settings)|log "
    r"in|log out|sign in|sign out|open|select|choose|forward|enter|turn|switch|reset|install|"
    r"reinstall|delete|clear|pick|change|place|restore|head|navigate|follow|keep|take|"
    r"re-?enter|wait|charge|remove|reconnect|disconnect|sync|scan|print|bring|drop|leave|"
    r"post|put|apply|perform)\b"
)
_PATH = rx(r"\b[\w'&-]+(?: [\w'&-]+){0,2} ?(?:>|→) ?[\w'&-]+")
_OUTCOME = compile_any(
    [
        r"nothing (?:else|more|further) will be (?:sent|charged|taken|billed|posted)",
        r"out for delivery",
        r"by (?:next-day|express|priority|same-day|special|tracked|first-class) (?:delivery|post|"
        r"courier)",
        r"(?:notice|fee|charge|block|hold|error|warning|restriction|debt|penalty)s? (?:is|are|has "
        r"been|have been) (?:now )?(?:gone|removed|cleared|cancelled|waived|lifted)",
        r"(?:they're|it's|they are|it is|these are) (?:now )?in your (?:account|app|inbox|wallet)",
        r"(?:is|are) on (?:next-day|express|priority|same-day|tracked) delivery",
        r"(?:is|are) (?:now )?(?:in|on) your (?:inbox|email|app|account|way)",
        r"on (?:its|their) way",
        r"you(?:'ll| will) (?:\w+ )?(?:receive|get|see|be sent|be refunded|be credited|have|hear|"
        r"keep|be able)",
        r"(?:there'll|there will) be no (?:further )?(?:charges?|fees?|payments?)",
        r"you (?:don't|do not|won't|will not) need to (?:do|send|post|pay) (?:anything|it|them)",
        r"nothing (?:else|more) for you to do",
        r"(?:confirmation|ticket|receipt|label|boarding pass|e-?ticket|code|link|invoice|"
        r"schedule|statement)(?: \w+){0,3} (?:is|are|has been|have been) (?:now )?(?:in (?:your|the) "
        r"(?:inbox|email|app|account|post)|on its way|attached|waiting for you)",
        r"it(?:'s| is) (?:now )?(?:booked|confirmed|scheduled|released|on (?:its|the) way|back on "
        r"track)",
        r"(?:the|your) (?:\w+ ){0,2}(?:is|are) (?:now )?booked",
        r"(?:your )?next (?:bill|statement|invoice|order|delivery|payment|collection|renewal) "
        r"(?:will|is going to)",
        r"(?:it's|it is|they're|they are|(?:code|link|pass|ticket) is) (?:now )?(?:valid|active|live) "
        r"(?:for|until|from)",
        r"can be (?:added|edited|changed|updated|managed|cancell?ed|downloaded|booked|reset) "
        r"(?:\w+ ){0,2}(?:via|in|through|from|using|under)",
        # A completed action that states its result: "so you can log in now", "your balance
        # now shows £22.50", "which brings you back to £31 a month".
        r"so (?:you|you'll|she|he|they)(?: should| can| will|'ll)? (?:now )?(?:be able to|log in|"
        r"sign in|get in|see it|have it|receive it)",
        r"now (?:shows|reads|says|works|matches)\b",
        r"(?:brings|takes|puts) (?:you|it|the bill|your bill|the balance|your balance) (?:back )?"
        r"(?:to|down to) (?:£|\$|€)",
        r"you can (?:unsubscribe|cancel|change|update|edit|add|manage|download|track|reset|turn "
        r"(?:it |this )?off|opt out)(?: \w+){0,4} (?:via|in|through|from|using|under|by "
        r"(?:tapping|clicking|replying|texting))",
    ]
)
_INFO_REQUEST = rx(
    r"^\W*(?:(?:please|just|kindly)\W+)*(?:keep (?:us|me) (?:posted|updated|informed)|send|upload|"
    r"provide|confirm|share|reply with|give|"
    r"tell|let (?:us|me) know|dm|message)\b"
)
_VERIFY = rx(r"^\W*(?:please )?(?:check|make sure|ensure) (?:that|whether|if)\b")


_CLAUSE_SPLIT = re.compile(r";|\s[-–—]\s|:\s")
_CONDITIONAL = rx(r"^\W*(?:if|unless|should you|in case|whether)\b")


def _clauses(sents: list[Sentence], analysed: str) -> list[Sentence]:
    if _CLAUSE_SPLIT.search(analysed) is None:
        # No sentence holds a split (each is a piece of the text): each is one clause.
        return [sent for sent in sents if sent.text.strip()]
    out: list[Sentence] = []
    for sent in sents:
        start = 0
        for match in _CLAUSE_SPLIT.finditer(sent.text):
            out.append(
                Sentence(
                    sent.start + start, sent.start + match.start(), sent.text[start : match.start()]
                )
            )
            start = match.end()
        out.append(Sentence(sent.start + start, sent.end, sent.text[start:]))
    return [clause for clause in out if clause.text.strip()]


def _first_in(matches: list[re.Match[str]], start: int, end: int) -> tuple[int, int] | None:
    for match in matches:
        if start <= match.start() and match.end() <= end:
            return match.start(), match.end()
    return None


def _spans(pattern: Matcher, text: str) -> list[tuple[int, int]]:
    return spans(pattern, text)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    for span in spans:
        if start <= span[0] and span[1] <= end:
            return span
    return None


def find_next_steps(source: str, analysed: str, sents: list[Sentence]) -> list[Flag]:
    out: list[Flag] = []
    clauses = _clauses(sents, analysed)
    if not clauses:
        return out
    # Each reader runs once over the whole text; clauses then look up what fell inside
    # them. The readers only some clauses consult run when the first one does.
    times = _spans(_TIME, analysed)
    outcomes = _spans(_OUTCOME, analysed)
    blocks: list[tuple[int, int]] | None = None
    forwards: list[tuple[int, int]] | None = None
    generic: list[tuple[int, int]] | None = None
    for sent in clauses:
        text = sent.text
        if sent.is_question or _CONDITIONAL.match(text):
            continue
        start, end = sent.start, sent.end
        span: tuple[int, int] | None = None
        time = _inside(times, start, end)
        outcome = _inside(outcomes, start, end)
        vague = False
        if time is not None or outcome is not None:
            if generic is None:
                generic = _spans(_GENERIC_TIMING, analysed)
            vague = _inside(generic, start, end) is not None
        if time is not None and not vague:
            if forwards is None:
                forwards = _spans(_FORWARD, analysed)
            if _inside(forwards, start, end):
                span = time
        if span is not None:
            pass
        elif outcome is not None and not vague:
            span = outcome
        elif (
            (imperative := _IMPERATIVE.search(text)) is not None
            and not _INFO_REQUEST.match(text)
            and not _VERIFY.match(text)
        ):
            span = start + imperative.start(), start + imperative.end()
        elif ">" in text or "→" in text:
            path = _PATH.search(text)
            if path is not None:
                span = start + path.start(), start + path.end()
        if span is None:
            continue
        if blocks is None:
            blocks = _spans(_BLOCK, analysed)
        if _inside(blocks, start, end) is None:
            out.append(make_flag(source, "clear_next_steps", span[0], span[1]))
    return out


__all__ = ["FLAGS", "find_next_steps"]
