"""Reading an agent reply: care behaviours and risks (CARE_RUBRIC §2, §4)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from caredesk.care.behaviours import (
    CHECK,
    CHECK_EXCLUDE,
    CHECK_INVITE,
    CHECK_OPENING,
    CHECK_QUESTION,
    CONTEXT,
    CONTEXT_EXCLUDE,
)
from caredesk.care.empathy import find_acknowledgements
from caredesk.care.ownership import find_options, find_ownership
from caredesk.care.results import Flag
from caredesk.care.risks import (
    BEHAVIOUR,
    BLAME,
    CLOSE,
    CLOSE_OK,
    CREEPY,
    EMPATHY_SENTENCE,
    OBSERVE,
    REFUSAL,
    SCRIPTED,
    SELF_SERVICE,
    TOLD_US,
    TRANSFER,
    WARM_HANDOFF,
    WAY_FORWARD,
)
from caredesk.care.rules import FLAGS, Matcher, message_scope, spans
from caredesk.care.steps import find_next_steps
from caredesk.care.textutil import Sentence, dedupe, make_flag, negated, sentence_at


def _simple(
    kind: str,
    pattern: Matcher,
    source: str,
    analysed: str,
    sents: list[Sentence],
    *,
    skip_question: bool = False,
    skip_negated: bool = False,
    sentence_excludes: Matcher | None = None,
    question_only: bool = False,
) -> list[Flag]:
    out: list[Flag] = []
    for start, end in spans(pattern, analysed):
        sent = sentence_at(sents, start)
        if skip_question and sent.is_question:
            continue
        if question_only and not sent.is_question:
            continue
        if skip_negated and negated(sent, start):
            continue
        if sentence_excludes is not None and sentence_excludes.search(sent.text):
            continue
        out.append(make_flag(source, kind, start, end))
    return out


def _n_grams(words: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


_WORD = re.compile(r"[a-z0-9']+")


_SENTENCE_BREAK = re.compile(r"[.!?\n]+")
_GRAM_CACHE_CHARS = 4000  # longer history texts are rare; they are not cached


def _grams_of(past: str) -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """(5-word sequences, whole sentences of 3+ words) of one past reply, lower-case."""
    grams: set[tuple[str, ...]] = set()
    wholes: set[tuple[str, ...]] = set()
    for piece in sentences_of(past.lower()):
        words = _WORD.findall(piece)
        grams |= _n_grams(words, 5)
        if len(words) >= 3:
            wholes.add(tuple(words))
    return frozenset(grams), frozenset(wholes)


# An agent's recent replies come back on every review of their drafts: keep them read.
_cached_grams_of = functools.lru_cache(maxsize=2048)(_grams_of)


def _history_repeats(
    source: str, analysed: str, sents: list[Sentence], history: Sequence[str]
) -> list[Flag]:
    if not history:
        return []
    empathic = [sent for sent in sents if EMPATHY_SENTENCE.search(sent.text)]
    if not empathic:
        return []
    pasts = [
        _cached_grams_of(past) if len(past) <= _GRAM_CACHE_CHARS else _grams_of(past)
        for past in history
    ]
    out: list[Flag] = []
    for sent in empathic:
        words = _WORD.findall(sent.text.lower())
        whole = tuple(words)
        mine = _n_grams(words, 5)
        if (len(words) >= 3 and any(whole in wholes for _, wholes in pasts)) or any(
            not mine.isdisjoint(grams) for grams, _ in pasts
        ):
            out.append(make_flag(source, "scripted_empathy", sent.start, sent.end))
    return out


def sentences_of(text: str) -> list[str]:
    return [s for s in _SENTENCE_BREAK.split(text) if s.strip()]


def review_text(
    source: str,
    analysed: str,
    sents: list[Sentence],
    history: Sequence[str],
    *,
    customer_confirmed_fix: bool,
) -> tuple[dict[str, list[Flag]], dict[str, list[Flag]], list[Flag]]:
    """Behaviours, risks and the refusals found (for the offers_options need)."""
    with message_scope(analysed):
        return _review_text(
            source, analysed, sents, history, customer_confirmed_fix=customer_confirmed_fix
        )


def _review_text(
    source: str,
    analysed: str,
    sents: list[Sentence],
    history: Sequence[str],
    *,
    customer_confirmed_fix: bool,
) -> tuple[dict[str, list[Flag]], dict[str, list[Flag]], list[Flag]]:
    ownership = [f for f in find_ownership(source, analysed, sents) if not TRANSFER.spans(f.text)]
    acknowledges = find_acknowledgements(source, analysed, sents)
    options = find_options(source, analysed, sents)
    next_steps = find_next_steps(source, analysed, sents)
    context = _simple(
        "uses_context", CONTEXT, source, analysed, sents, sentence_excludes=CONTEXT_EXCLUDE
    )
    checks = _simple(
        "checks_understanding", CHECK, source, analysed, sents, sentence_excludes=CHECK_EXCLUDE
    )
    # Sentence by sentence, but only for the readers whose key words the message holds.
    may_exclude = CHECK_EXCLUDE.may_occur()
    may_ask = CHECK_QUESTION.may_occur()
    may_invite = CHECK_INVITE.may_occur()
    may_open = CHECK_OPENING.may_occur()
    for sent in sents if may_ask or may_invite or may_open else ():
        if (
            may_exclude
            and CHECK_EXCLUDE.search(sent.text)
            and not (may_ask and CHECK_QUESTION.search(CHECK_EXCLUDE.sub("", sent.text)))
        ):
            continue
        if may_ask and sent.text.rstrip().endswith("?"):
            found = CHECK_QUESTION.search(sent.text)
            if found is not None:
                checks.append(
                    make_flag(source, "checks_understanding", sent.start + found.start(), sent.end)
                )
        if may_open and sent.text.rstrip().endswith("?") and CHECK_OPENING.search(sent.text):
            checks.append(make_flag(source, "checks_understanding", sent.start, sent.end))
        found = CHECK_INVITE.search(sent.text) if may_invite else None
        if found is not None:
            checks.append(
                make_flag(
                    source,
                    "checks_understanding",
                    sent.start + found.start(),
                    sent.start + found.end(),
                )
            )
    checks = [
        f
        for f in checks
        if "?" in sentence_at(sents, f.start).text
        or f.text.lower().startswith(
            (
                "if ",
                "let me know",
                "tell me",
                "reply here",
                "message me",
                "get back",
                "just say",
                "drop me",
                "give me",
                "tell me",
                "send me",
                "can you confirm",
            )
        )
        or re.match(
            r"(?:let me know|tell me|feel free|just ask|ask me|happy to|glad to|i can|reply here|let us know|if|should|any|do you have|if you have)",
            f.text,
            FLAGS,
        )
    ]

    refusals = _simple("policy_first", REFUSAL, source, analysed, sents)
    refusals = [f for f in refusals if not _is_hypothetical_refusal(analysed, sents, f)]
    policy: list[Flag] = []
    if refusals and not options and not ownership:
        way_forward = any(
            not TRANSFER.spans(analysed[start : end + 30])
            for start, end in WAY_FORWARD.spans(analysed)
        )
        policy = [] if way_forward else list(refusals)

    scripted = _simple("scripted_empathy", SCRIPTED, source, analysed, sents)
    scripted += _history_repeats(source, analysed, sents, history)

    transfers = _simple("cold_transfer", TRANSFER, source, analysed, sents)
    # Pointing to self-service in the same product is not a transfer.
    transfers = [
        f
        for f in transfers
        if not SELF_SERVICE.search(f.text) or re.search(r"\bform\b", f.text, FLAGS)
    ]
    cold: list[Flag] = []
    if transfers:
        warm = any(
            not re.search(r"\b(?:look|check|investigat)", f.text, FLAGS) for f in ownership
        ) or bool(WARM_HANDOFF.spans(analysed))
        cold = [] if warm else transfers

    blame = _simple("blames_customer", BLAME, source, analysed, sents)
    creepy = _simple(
        "creepy_personalization", CREEPY, source, analysed, sents, sentence_excludes=TOLD_US
    )
    for sent in sents if OBSERVE.may_occur() and BEHAVIOUR.may_occur() else ():
        observed = OBSERVE.search(sent.text)
        if observed and BEHAVIOUR.search(sent.text) and not TOLD_US.search(sent.text):
            creepy.append(
                make_flag(
                    source,
                    "creepy_personalization",
                    sent.start + observed.start(),
                    sent.start + BEHAVIOUR.search(sent.text).end(),  # type: ignore[union-attr]
                )
            )
    close = []
    if not customer_confirmed_fix:
        close = _simple(
            "premature_close",
            CLOSE,
            source,
            analysed,
            sents,
            skip_negated=True,
            sentence_excludes=CLOSE_OK,
        )

    behaviours = {
        "acknowledges_emotion": dedupe(acknowledges),
        "takes_ownership": dedupe(ownership),
        "offers_options": dedupe(options),
        "clear_next_steps": dedupe(next_steps),
        "uses_context": dedupe(context),
        "checks_understanding": dedupe(checks),
    }
    risks = {
        "policy_first": dedupe(policy),
        "scripted_empathy": dedupe(scripted),
        "cold_transfer": dedupe(cold),
        "blames_customer": dedupe(blame),
        "creepy_personalization": dedupe(creepy),
        "premature_close": dedupe(close),
    }
    return behaviours, risks, dedupe(refusals)


_BLAMING_CAUSE = re.compile(
    r"\b(?:which|that|this|it)(?:'s| is| will be|'ll be| would be| has| may be| might be| could "
    r"be)? ?(?:most )?(?:likely |probably |almost certainly |what's |exactly )?(?:causing|caused|"
    r"triggers?|triggering|why|the cause|the reason|pushed up|pushing up|behind|slowing|"
    r"slows)\b|\bthat(?:'ll|'s| will| is) be why\b|\b(?:wouldn't|would not|couldn't|could not) "
    r"have been\b|\b(?:should|will|would) help\b|\bwhich (?:suggests|strains|has increased|"
    r"increased|raises)\b|\b(?:may|might|could|will|would) affect your (?:claim|cover|"
    r"policy|premium|refund|case)\b|\b(?:which|this) (?:fits|matches|is consistent "
    r"with) the\b|\bso the (?:\w+ )?(?:charges?|fees?|fine|ticket|decision|bill) "
    r"(?:stands?|remains?|is correct)\b|\bso (?:it looks like|it seems|this is (?:more |most )?likely|it's "
    r"working as intended)\b|\bworking as intended\b",
    FLAGS,
)


def blame_from_tracking(source: str, sents: list[Sentence], creepy: list[Flag]) -> list[Flag]:
    """Tracking data used to pin the fault on the customer's own use ("you open the app 14
    times a day, which triggers extra checks") is blame as well as creepy: the sentences of
    ``creepy`` that name it as the cause."""
    out: list[Flag] = []
    for flag in creepy:
        sent = sentence_at(sents, flag.start)
        found = _BLAMING_CAUSE.search(sent.text)
        if found is not None:
            out.append(make_flag(source, "blames_customer", sent.start + found.start(), sent.end))
    return dedupe(out)


def _is_hypothetical_refusal(analysed: str, sents: list[Sentence], flag: Flag) -> bool:
    sent = sentence_at(sents, flag.start)
    before = analysed[sent.start : flag.start]
    return bool(re.search(r"\b(?:if|unless|whether|in case)\b[^,]*$", before, FLAGS))
