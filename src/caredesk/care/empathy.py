"""acknowledges_emotion (rubric §2, §4): naming or validating *this* person's situation.

An apology counts only when it names the concrete problem ("sorry the parcel went to
your old address again"); stock formulas ("sorry for any inconvenience", "sorry to
hear that") do not, and neither does an apology that only introduces a refusal
("Sorry, this is outside our return window").
"""

from __future__ import annotations

import re

from caredesk.care.results import Flag
from caredesk.care.rules import FLAGS, compile_any, rx
from caredesk.care.textutil import Sentence, make_flag, negated, sentence_at

_APOLOGY = rx(
    r"\b(?:(?:i'm|i am|im|we're|we are) )?(?:(?:so|very|really|truly|terribly|incredibly|"
    r"genuinely|deeply|awfully|extremely) )*(?:sorry|apologies|apologi[sz]e)\b"
)
_UNDERSTAND = rx(
    r"\b(?:i|we) (?:(?:completely|totally|fully|really|can|do|absolutely) )*"
    r"(?:understand|appreciate)\b"
)
# Lead-ins between the apology and what it is about.
_LEAD_IN = rx(
    r"^\W*(?:(?:for|about|that|to hear(?: about| that)?|to see|to learn(?: about| that)?|if|"
    r"we|we've|to say|to have)\b\W*)*"
)
_CLAUSE_END = re.compile(r"[.!?;\n]|\s[-–—]\s|,\s|\b(?:but|however|although|though)\b", FLAGS)
_SUB_CLAUSE = re.compile(
    r",|\s[-–—]\s|\b(?:and (?:we|i|have|has|will|our|it|they)|but|so|which|because|as|while|"
    r"whilst|until)\b",
    FLAGS,
)
_REFUSAL_WORDS = rx(
    r"\b(?:(?:we|i)(?:'re|'m| are| am)? (?:can't|cannot|can not|unable|not able)|not possible|outside (?:the|our)|only (?:lets|"
    r"allows|covers|accept)|isn't (?:possible|available|covered)|not covered|policy|"
    r"(?:isn't|is not|not) something we|(?:we|i) (?:don't|do not) (?:have|offer|accept|allow|do|"
    r"sell|stock|ship|provide)|won't be "
    r"able|aren't able|don't (?:offer|accept|allow|do)|no longer)\b"
)
_WORD = re.compile(r"[a-z][a-z'’-]{2,}", FLAGS)
_GENERIC = frozenset(
    [
        "the",
        "and",
        "for",
        "that",
        "this",
        "with",
        "you",
        "your",
        "our",
        "we",
        "are",
        "was",
        "were",
        "have",
        "has",
        "had",
        "been",
        "being",
        "any",
        "all",
        "not",
        "can",
        "could",
        "would",
        "should",
        "will",
        "just",
        "really",
        "very",
        "so",
        "too",
        "also",
        "about",
        "from",
        "into",
        "onto",
        "than",
        "then",
        "there",
        "their",
        "they",
        "them",
        "its",
        "it's",
        "that's",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "how",
        "hear",
        "see",
        "sorry",
        "apologize",
        "apologise",
        "apologies",
        "inconvenience",
        "inconveniences",
        "trouble",
        "troubles",
        "frustration",
        "frustrations",
        "confusion",
        "delay",
        "delays",
        "wait",
        "waiting",
        "hassle",
        "issue",
        "issues",
        "problem",
        "problems",
        "experience",
        "experiences",
        "concern",
        "concerns",
        "feelings",
        "feeling",
        "situation",
        "matter",
        "caused",
        "cause",
        "causing",
        "may",
        "might",
        "please",
        "thanks",
        "thank",
        "understand",
        "appreciate",
        "patience",
        "understanding",
        "customer",
        "customers",
        "valued",
        "value",
        "feel",
        "way",
        "frustrating",
        "much",
        "truly",
        "sincerely",
        "deeply",
        "completely",
        "totally",
        "fully",
        "hope",
        "soon",
        "help",
        "glad",
        "happy",
        "here",
        "again",
        "today",
        "time",
        "moment",
        "let",
        "know",
        "us",
        "me",
        "him",
        "her",
        "his",
        "hers",
        "she",
        "he",
        "i'm",
        "i'd",
        "i'll",
        "we're",
        "we'll",
        "you're",
        "you've",
        "you'd",
        "able",
        "like",
        "make",
        "sure",
        "one",
        "get",
        "got",
        "does",
        "did",
        "doing",
        "done",
        "day",
        "kind",
        "regards",
        "disruption",
        "journey",
        "disappointment",
        "upset",
        "upsetting",
        "annoyance",
        "news",
        "message",
        "messages",
        "reply",
        "response",
        "responding",
        "replying",
        "getting",
        "lose",
        "losing",
        "go",
        "going",
        "loss",
        "bad",
        "poor",
        "negative",
        "team",
        "hear",
        "heard",
        "learn",
        "learning",
        "while",
        "look",
        "looking",
        "into",
        "any",
        "some",
        "this",
        "these",
        "those",
        "such",
        "lot",
        "bit",
        "little",
        "reaching",
        "contacting",
        "touch",
        "email",
        "emails",
        "chat",
        "call",
        "calls",
        "wait",
        "waited",
        "trouble",
        "bother",
        "worry",
        "worries",
        "matter",
        "matters",
        "everything",
        "anything",
        "something",
        "way",
        "ways",
    ]
)

_VALIDATION = compile_any(
    [
        r"(?:that's|this is|it's|that is) (?:really |very |so )?(?:urgent|serious)",
        r"(?:no one|nobody|no-one) should (?:ever )?have to",
        r"(?:that's a |a )?(?:fair|reasonable|good) question",
        r"i(?:'d| would) be (?:\w+ )?(?:fed up|frustrated|angry|upset|annoyed|worried|furious|"
        r"cross|livid|stressed) too",
        r"(?:you have|you've got|you've) every right to (?:be|feel)",
        r"(?:must|must've|must have) (?:been|be) (?:\w+ ){0,2}(?:terrifying|frightening|scary|"
        r"horrible|awful|painful|devastating|distressing|upsetting|a nightmare)",
        r"(?:please )?don't give up",
        r"(?:is|was|'s|are|were) (?:really |very |so |quite )?(?:serious|a lot|a big deal|a real "
        r"problem)(?! of)",
        r"i (?:totally |completely |really )?get it\b",
        r"(?:must|must've|must have) (?:been|be) (?:\w+ ){0,2}(?:confusing|annoying|maddening|"
        r"infuriating|disappointing|upsetting|worrying|a worry)",
        r"(?:bug|fault|problem|issue|error|glitch|mistake|failure) (?:on|at) our (?:side|end)",
        r"(?:our|my) (?:mistake|error|fault|bug|failure)",
        r"i hope (?:\w+ ){0,3}(?:goes|go|went) (?:as )?(?:well|smoothly|ok|okay|alright)",
        r"(?:i )?hope (?:she|he|they|you|your \w+)(?:'s|'re| is| are)? (?:okay|ok|alright|feeling "
        r"better|recovering|doing (?:ok|okay|well|alright)|safe|well)",
        r"(?:i'd|i would) hate to (?:lose|see)",
        r"(?:please )?don't worry about",
        r"(?:that|this) (?:change )?throws",
        r"you(?:'ve| have) done everything right",
        r"you (?:were|are) right to",
        # An evaluative word about what happened ("is exhausting", "isn't right").
        r"(?:'s|is|was|are|were|has been|have been|must be|must have been|must've been|sounds|"
        r"sounded|would be|'d be|can be|feels|felt|seems) (?:\w+ ){0,2}(?:frustrating|stressful|"
        r"worrying|upsetting|scary|frightening|awful|horrible|distressing|exhausting|"
        r"infuriating|maddening|disappointing|annoying|difficult|hard|tough|a nightmare|"
        r"alarming|concerning|unsettling|disruptive|worrisome|heartbreaking|painful|a lot to "
        r"deal with|a (?:real )?worry|a (?:real )?pain|a headache|unfair|terrible|rubbish|"
        r"not okay|not ok|not acceptable|unacceptable|not good enough|not right|not fair|"
        r"not normal|far too long|too long|a (?:serious|real|big) (?:problem|worry|shock|blow)|"
        r"a shock|a (?:big )?change|no way to|the last thing|miserable|nerve-?wracking|"
        r"devastating|gutting|hurtful|a (?:real )?hassle|exasperating|a (?:real )?let-?down)",
        r"(?:isn't|wasn't|aren't|is not|was not) (?:right|normal|okay|ok|fair|good enough|"
        r"acceptable|on|what you (?:expected|deserve|paid for))",
        r"what a (?:\w+ )?(?:stressful|horrible|frustrating|awful|nightmare|rough|terrible|"
        r"worrying|difficult|tough|upsetting|disappointing|hassle|shock|way to)",
        r"(?:would|will|'d) (?:make|drive) anyone (?:\w+ )?(?:angry|mad|worried|upset|furious|"
        r"anxious|nervous|frustrated|crazy)",
        r"(?:must|must've|must have|would|will|'d) (?:be )?(?:driving|drive) you (?:mad|crazy|"
        r"up the wall)",
        r"you(?:'re| are) (?:absolutely |completely |quite |totally |entirely )?right(?: (?:to|"
        r"that|about)|,|\s*[.!-])",
        r"you were right",
        r"(?:it's|it is|that's|that is|it was) (?:completely |totally |perfectly |entirely |very |"
        r"so |really )?(?:normal|understandable|natural|reasonable|fair|sensible|okay|ok|"
        r"right) (?:to (?:feel|be|want|worry|ask|check|expect|call|question|chase)|that you|"
        r"you)",
        r"(?:i|we) can (?:see|imagine|understand|tell|only imagine|hear) (?:how|why)",
        r"(?:i|we) (?:completely |totally |fully |really |do )?(?:understand|get|see) why",
        r"(?:no wonder|of course|understandably)(?:,)? you(?:'re| are| feel| were|'d| would)",
        r"(?:you|you've) (?:shouldn't|should not|should never) have (?:had )?to",
        r"(?:you|you've) deserve(?:d)? (?:better|more|a proper|an answer|to)",
        r"i hear you",
        r"(?:that's|that is|it's|it is|this is|which is|that was|this was)(?: \w+)? (?:our|my) "
        r"(?:mistake|error|fault|failure|doing)",
        r"(?:that's|that is|this is|it's) on (?:us|me)",
        r"not (?:yours|your fault)",
        r"which we should have",
        r"(?:waited|waiting) in for nothing",
        r"(?:i'm|i am|we're|we are) (?:so |really |very )?(?:glad|relieved) (?:that )?(?:you told|"
        r"you let|you got in touch|you asked|we could|you reached)",
        r"(?:must|must've|must have) (?:been|be) (?:\w+ ){0,2}(?:frustrating|stressful|worrying|"
        r"upsetting|scary|awful|difficult|hard|tough|exhausting|a shock|alarming)",
        r"(?:take|taking) (?:all )?the time you need",
        r"no need to apologi[sz]e",
        r"(?:doesn't|does not) make sense to me either",
        r"(?:don't|do not) worry",
        r"(?:thank you|thanks) for (?:telling us|letting us know|sharing) (?:about )?(?:your|this|"
        r"that|what)",
        r"(?:thank you|thanks) for (?:bearing|sticking|staying) with (?:us|me)(?: \w+){0,3} "
        r"(?:through|while|despite|after)",
        r"(?:i know|i understand) how much (?:you|she|he|they) (?:rel(?:y|ies)|need|depend)",
        r"(?:you're|you are) not the (?:only|first) (?:one|person)",
        r"(?:i hope|hope) (?:you're|you are) (?:getting|feeling|doing|ok|okay|alright|recovering)",
        r"(?:so|really|very|terribly|truly) sorry (?:for|about|to hear about) (?:the (?:loss|passing) "
        r"of|your (?:mum|mom|mother|dad|father|husband|wife|partner|son|daughter|brother|sister|"
        r"gran\w*|nan|aunt|uncle|friend|loss of))",
    ]
)


def _content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _GENERIC]


def _about(text: str) -> str:
    """The first sub-clause of what an apology is about."""
    text = _LEAD_IN.sub("", text, count=1)
    return _SUB_CLAUSE.split(text, maxsplit=1)[0]


def _apology_names_the_case(analysed: str, sent: Sentence, start: int, end: int) -> int | None:
    """End offset of the case-specific text the apology is about, or None."""
    after = analysed[end : sent.end]
    clause_end = _CLAUSE_END.search(after)
    own = after[: clause_end.start()] if clause_end else after
    closed = re.match(r"\W*(?:about|for) (?:that|this|it)\b", own, FLAGS)
    if closed is None and _LEAD_IN.sub("", own, count=1).strip(" \t!,.-–—"):
        about, about_end = _about(own), end + len(own)
    else:
        # "I'm sorry - being charged twice ..." / "Sorry, that's ...": the next clause.
        rest = after[clause_end.end() :] if clause_end else ""
        if closed is None and clause_end and clause_end.group().strip() in ("", ",", "-", "–", "—"):
            next_end = _CLAUSE_END.search(rest)
            about = _about(rest[: next_end.start()] if next_end else rest)
            about_end = end + (clause_end.end() if clause_end else 0) + len(about)
        else:
            about, about_end = "", end
        if not _content_words(about):
            # "..., and I'm sorry." / "Ten days late is far too long, sorry.": what came before.
            before = analysed[sent.start : start]
            about = _SUB_CLAUSE.split(before.rstrip(" ,-–—"))[0] if before.strip() else ""
            if len(_content_words(about)) >= 2 and not _REFUSAL_WORDS.search(about):
                return end
            return None
    if _REFUSAL_WORDS.search(about):
        return None
    # "sorry it's late" names the case in one word; "sorry for the X" needs X to be concrete.
    if not _content_words(about):
        return None
    return about_end


def find_acknowledgements(source: str, analysed: str, sents: list[Sentence]) -> list[Flag]:
    out: list[Flag] = []
    for start, end in _APOLOGY.spans(analysed):
        sent = sentence_at(sents, start)
        if negated(sent, start) and not re.match(r"\W*(?:i'm|i am|we're|we are)", sent.text, FLAGS):
            continue
        about_end = _apology_names_the_case(analysed, sent, start, end)
        if about_end is not None:
            out.append(make_flag(source, "acknowledges_emotion", start, max(about_end, end)))
    for start, end in _UNDERSTAND.spans(analysed):
        sent = sentence_at(sents, start)
        after = analysed[end : sent.end]
        about = _about(after)
        # "I understand your frustration" / "we appreciate your patience" stay formulas.
        if re.match(
            r"\W*(?:your|the) (?:frustration|concerns?|patience|understanding|feedback|"
            r"business|loyalty|situation|inconvenience|feelings?)\b\W*$",
            about,
            FLAGS,
        ):
            continue
        if (
            re.match(r"\W*(?:how|why|that|what)\b", about, FLAGS)
            and len(_content_words(about)) >= 2
        ):
            out.append(make_flag(source, "acknowledges_emotion", start, end + len(about)))
    for start, end in _VALIDATION.spans(analysed):
        sent = sentence_at(sents, start)
        found = analysed[start:end]
        if sent.is_question and not re.search(r"\bmust\b", found, FLAGS):
            continue
        if negated(sent, start) and not re.match(
            r"(?:isn't|wasn't|aren't|is not|was not|not|don't|do not|doesn't|does not)\b",
            found,
            FLAGS,
        ):
            continue
        out.append(make_flag(source, "acknowledges_emotion", start, end))
    return out
