"""takes_ownership and offers_options (rubric §2, §4).

Ownership is a first-person commitment to a concrete action: "I'll…", "I've…",
"we've…", "I can do it now if you'd like". Not: passing the customer on ("I'll
transfer you"), "DM us and we'll take a look", "let us know if you need anything",
or feelings and knowledge ("I understand", "I can see").

Options are two or more alternative paths, or an explicit alternative to something
refused; one optional extra is not options.
"""

from __future__ import annotations

import re

from caredesk.care.results import Flag
from caredesk.care.rules import FLAGS, compile_any, rx
from caredesk.care.textutil import Sentence, make_flag, negated, sentence_at

_COMMIT = rx(
    r"(?<![\w'’])(?:i|we)(?P<aux>'ll|’ll|'ve|’ve| will| have| can| could| am going to|'m going "
    r"to|’m going to| are going to|'re going to| just| also| now| personally| then|'m now| am "
    r"now|'m|’m| am|'re|’re| are| am "
    r"now|'d be (?:happy|glad) to|'m (?:happy|glad) to| would be (?:happy|glad) to| went ahead "
    r"and|'ve gone ahead and| have gone ahead and)"
    r"(?: (?:also|just|now|personally|already|then|either|immediately|quickly|definitely|"
    r"certainly|gone ahead and|go ahead and|right away|be able to|able to|make sure to|try to|"
    r"happily|still|even|actually|properly|manually|myself))*"
    r" (?P<verb>[a-z][\w'-]*)",
)
_AND_THEN = rx(
    r"(?<![\w'’])(?:i|we)(?:'ve|’ve| have)(?: \S+){1,8} and (?:also |then )?(?P<verb>[a-z]+(?:ed|ent|ut|ade|et))\b"
)
_LET_ME = rx(
    r"(?<![\w'’])(?:let me|what (?:i|we) can do is|what (?:i|we)(?:'ll| will) do is) "
    r"(?P<verb>[a-z][\w'-]*)"
)
_NOT_ACTION = frozenset(
    [
        "let",
        "found",
        "read",
        "sorry",
        "here",
        "glad",
        "happy",
        "see",
        "seen",
        "understand",
        "understood",
        "know",
        "known",
        "hear",
        "heard",
        "imagine",
        "appreciate",
        "apologise",
        "apologize",
        "hope",
        "think",
        "believe",
        "feel",
        "felt",
        "afraid",
        "help",
        "helped",
        "assist",
        "assisted",
        "be",
        "been",
        "being",
        "need",
        "needed",
        "want",
        "wanted",
        "recommend",
        "suggest",
        "advise",
        "like",
        "love",
        "transfer",
        "transferred",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "is",
        "are",
        "was",
        "were",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "am",
        "get",
        "got",
        "go",
        "going",
        "come",
        "tell",
        "explain",
        "reply",
        "respond",
        "answer",
        "say",
        "said",
        "ask",
        "asked",
        "confirm",
        "wish",
        "totally",
        "completely",
        "fully",
        "really",
        "truly",
        "only",
        "not",
        "never",
        "no",
        "definitely",
        "try",
        "tried",
        "look",
        "looked",
        "keep",
        "share",
        "shared",
        "pass",
        "put",
        "forward",
        "forwarded",
        "connect",
        "connected",
        "refer",
        "referred",
        "redirect",
        "direct",
        "hand",
        "handed",
        "notice",
        "noticed",
        "note",
        "noted",
        "value",
        "valued",
        "make",
        "made",
        "use",
    ]
)
# Verbs that count even in the lists above when followed by a concrete object.
_CONCRETE_AFTER = rx(
    r"^(?:had (?:it|them|this|that|your \w+) \w+(?:ed|en|t)\b|put you on (?:a|an|the|our)\b|made (?:that|this|it|your|sure)\b|"
    r"do (?:that|this|it|the)|get (?:this|that|it|a|an|you|your|the)|got (?:your|the|this|"
    r"that|a)|keep (?:an eye|your|the|this|it)|put (?:a|an|the|your|it|this)|tried (?:to|"
    r"calling|the)|note (?:on|to)|noted (?:on|the|your)|look (?:the|it|up|them|your|this "
    r"up)|confirm (?:the|your|it|by|that)|pass (?:your|the) (?:kind|feedback|comments|"
    r"compliments|thanks|praise)|make sure|made sure|make (?:a|an|the) (?:note|change|booking|"
    r"payment|refund|exception|claim|request|appointment)|made (?:a|an|the) (?:note|change|"
    r"booking|payment|refund|exception|claim|request|appointment))"
)
_PASS_ON = rx(
    r"^(?:passed|given|sent|forwarded|handed|told|briefed) (?:him|her|them)\b|^put you through|"
    r"^(?:transfer|transferred|pass|passed|forward|forwarded|connect|connected|refer|"
    r"referred|redirect|hand|handed|send|sent)(?: you| this| it| your \w+| them your \w+)?"
    r"(?: \w+)? (?:on|over|through|to|along)\b"
    # "I'll send it to you", "send it express to arrive Thursday": delivering, not passing on.
    r"(?! (?:you|your (?:door|home|address|house|flat|work|office|inbox|email|phone)|arrive|"
    r"reach|be with you)\b)"
)
_VAGUE = rx(
    r"^(?:clos(?:e|ing|ed) (?:this|the|your|our) (?:\w+ )?(?:ticket|case|chat|request|conversation|"
    r"query|enquiry|inquiry|thread)|clos(?:e|ing)|mark(?:ed|ing)? (?:this|it|the|your) (?:\w+ )?(?:as )?(?:resolved|solved|"
    r"closed|complete)|resolved (?:your|this|the)|stay (?:with|on)|use that|pre-?checked)\b|"
    r"^(?:look into|take a look|have a look|look at|be in touch|get back to you|keep you "
    r"(?:updated|posted|informed)|do (?:my|our) best|see what|check (?:and|into)|investigate)\b"
)
_CUSTOMER_FIRST = rx(
    r"\b(?:dm|d\.m\.|direct message|private message|pm us|inbox us|message us|reach out|contact "
    r"us|get in touch|follow us|drop us|shoot us|send us a (?:dm|message|note|direct|private))\b"
)
_VAGUE_PROGRESSIVE = frozenset(
    [
        "going",
        "being",
        "having",
        "hoping",
        "trying",
        "working",
        "looking",
        "doing",
        "waiting",
        "checking",
        "handing",
        "passing",
        "transferring",
        "resolving",
        "marking",
        "closing",
        "putting",
        "connecting",
    ]
)
_VAGUE_AFTER_REDIRECT = frozenset(
    [
        "chat",
        "go",
        "research",
        "discuss",
        "dig",
        "explore",
        "work",
        "take",
        "look",
        "check",
        "help",
        "assist",
        "investigate",
        "review",
        "see",
        "get",
        "sort",
        "follow",
        "advise",
    ]
)
_INVESTIGATION_DENIAL = rx(r"checked(?: \w+){0,4} and (?:all|everything|it|they|the|there)\b")
_STANDALONE = compile_any(
    [
        r"(?:i've|i have|we've|we have) (?:now |just |already )?(?:gone ahead|taken care of it)",
        r"consider it done",
        r"leave (?:it|this) with me",
        r"i(?:'m| am) on it",
        r"i(?:'ll| will) (?:own|take ownership of|take charge of) (?:this|it)",
        r"(?:i've|i have) taken (?:your|this|the) case",
    ]
)
_PARTICIPLE = re.compile(
    r"(?:ed|en|wn|ne|un|nt|pt|lt|ft|st|ut|ught|ld|id|ade|one|ook|ot|et|ung|ept|ound|old|ad)$"
)


def find_ownership(source: str, analysed: str, sents: list[Sentence]) -> list[Flag]:
    out: list[Flag] = []
    candidates = [(m, m.group("aux").strip().lower()) for m in _COMMIT.finditer(analysed)]
    candidates += [(m, "let me") for m in _LET_ME.finditer(analysed)]
    candidates += [(m, "and") for m in _AND_THEN.finditer(analysed)]
    for match, aux in candidates:
        verb = match.group("verb").lower()
        rest = analysed[match.start("verb") :]
        concrete = _CONCRETE_AFTER.match(rest) is not None
        if not concrete and (
            _PASS_ON.match(rest) or _VAGUE.match(rest) or _INVESTIGATION_DENIAL.match(rest)
        ):
            continue
        if verb in _NOT_ACTION and not concrete:
            continue
        if aux in ("'ve", "’ve", "have") and not _PARTICIPLE.search(verb):
            continue
        # "I'm sending", "we're calling": a present commitment; other "I'm …" is not.
        if aux in ("'m", "’m", "am", "'re", "’re", "are") and (
            not verb.endswith("ing") or verb in _VAGUE_PROGRESSIVE
        ):
            continue
        # "We can look at your options" describes what the company can do; only "I can …"
        # is a personal offer (rubric §4: "I can do it now if you'd like").
        if aux in ("can", "could") and match.group().lower().startswith("we"):
            continue
        sent = sentence_at(sents, match.start())
        if negated(sent, match.start("verb"), reach=40):
            continue
        before = analysed[max(0, sent.start - 160) : match.start()]
        # "DM us and we'll take a look" (also across a sentence break): only a vague
        # promise that waits on the customer.
        if _CUSTOMER_FIRST.search(before) and verb in _VAGUE_AFTER_REDIRECT:
            continue
        # "Can I refund it?" asks permission rather than committing.
        if sent.is_question and re.match(
            r"\W*(?:can|could|shall|should|may) (?:i|we)\b", sent.text, FLAGS
        ):
            continue
        out.append(make_flag(source, "takes_ownership", match.start(), match.end("verb")))
    for start, end in _STANDALONE.spans(analysed):
        out.append(make_flag(source, "takes_ownership", start, end))
    return out


_OPTION_PATTERNS = compile_any(
    [
        r"(?:can|could|would|will) you [^.?!]{3,80}?,? or (?:shall|should|can|could) (?:i|we)",
        r"before you do,? (?:i|we)(?:'d| would)? (?:like to )?(?:offer|suggest)",
        r"if it's (?:the )?\w+,? (?:i|we) (?:can|could|'ll|will)[^.?!]{3,120}\bif it's",
        r"(?:don't|do not|can't|cannot|isn't|aren't|won't)(?: \S+){0,5},? but (?:our|there's|there is|"
        r"we have|we do|you could|you can|the)",
        r"(?:two|2|three|3|four|a (?:few|couple of)|some|several|a number of|other|these|both|"
        r"different|a range of) (?:options|choices|alternatives|possibilities|ways (?:we|you|to)|"
        r"routes)",
        r"(?:option|choice) (?:1|one|a|#1)\b",
        r"either\b[^.?!\n]{2,90}?\bor\b",
        r"alternatively",
        r"(?:another|an alternative|a second|one more|the other) (?:option|choice|alternative|"
        r"possibility|route|way)",
        r"if you(?:'d| would)? (?:still )?(?:prefer|rather|want to)",
        r"(?:here's|here is|this is) what (?:we|i) can do",
        r"what (?:i|we) can do (?:is|instead|for you)",
        r"(?:i|we|you) (?:can|could)(?: \w+){1,8} instead\b",
        r"instead,? (?:i|we) (?:can|could)",
        r"(?:i|we) can (?:also offer)",
        r"(?:but|however|though)(?:,)?(?: if [^.?!,;]{0,40}?,?)? (?:what )?(?:i|we|you) ?(?:can|could|"
        r"'m able to|am able to|are able to|'re able to|'d be happy to|would be happy to|'ve|’ve|have|"
        r"'ll|’ll|will)\b"
        r"(?! (?:help|assist|see|understand|contact|call|reach)\b)",
        r"whichever(?: \w+)? (?:you prefer|works better|suits you|you'd prefer|you would prefer|"
        r"would suit|is easier|you'd like|works best|is better|suits)",
        r"which (?:option |one |of (?:these|those|them|the two) )?(?:would you prefer|do you "
        r"prefer|would you rather|would be easier|is easier|works better)",
        r"or would you (?:prefer|rather)",
        r"(?:up to you|your call|you decide|your choice)",
        r"you can also",
        r"(?:would|do) you (?:like|want|prefer) (?:a|an|the) [^.?!]{2,60}? or (?:a|an|the)",
        r"to (?:\w+ ){1,3}or (?:to )?(?:request|get|ask for|claim|cancel|change|book|rebook|return|"
        r"exchange|collect)",
        r"(?:two|three|a couple of|a few|some) (?:ways|things (?:i|we) can do)|ways (?:round|around) "
        r"(?:it|this|that)|one of (?:two|three) ways",
        r"(?:you could|your choices|your options|you've got (?:two|three)|you have (?:two|three))"
        r"(?: are)?\s*:",
        r"\bor,? if (?:it's|that's|it is|that is|you'd|you would) (?:easier|better|rather|prefer)",
        r"\bor (?:i|we|you) can\b(?! (?:help|assist)\b)",
        # A second slot held open beside the first: "if Monday's no good, Wednesday is free too".
        r"(?:free|available|open) too\b|which (?:\w+ )?(?:suits you|works for you|suits) (?:better|"
        r"best)",
        r"(?:we have|we've got|there's|there is|i have|i've got|she has|he has)[^.?!]{1,60}? or "
        r"[^.?!]{1,40}? (?:free|available|open)\b",
    ]
)
_OR_PATHS = rx(
    r"\b(?:can|could|'d like|would like|like|prefer|rather|either)\b[^.?!;]{2,120}?,? \bor\b,?(?! (?:so|not|"
    r"more|less|two|three)\b)(?: (?:if|you|i|we|\w+ing|\w+ed|to|a|an|the|collect|pick|switch|"
    r"reset|cancel|keep|request|book|call|email|refund|exchange|upgrade|store|delivered|"
    r"sent|deliver|send|move|freeze|have|get|add|do|take|use|check|rebook|choose|visit|just|"
    r"simply|reply|let|would|"
    r"leave|stay|replace|swap|give|put|lower|raise|remove|drop|hold|redirect|pause|lock|offer|"
    r"arrange|waive|credit|extend|transfer|open|post|order|set|turn|on \w+day|on the \d|at \d|"
    r"\w+day|tomorrow|tonight|next \w+|this \w+|\d\S*))"
)


def find_options(source: str, analysed: str, sents: list[Sentence]) -> list[Flag]:
    out: list[Flag] = []
    for start, end in _OPTION_PATTERNS.spans(analysed):
        sent = sentence_at(sents, start)
        if negated(sent, start) and not analysed[start:end].lower().startswith(
            ("but", "however", "though")
        ):
            continue
        out.append(make_flag(source, "offers_options", start, end))
    for start, end in _OR_PATHS.spans(analysed):
        sent = sentence_at(sents, start)
        # "Do you have the order number or the email?" asks for information.
        if sent.is_question and not re.search(r"\b(?:like|prefer|rather|want)\b", sent.text, FLAGS):
            continue
        out.append(make_flag(source, "offers_options", start, end))
    return out
