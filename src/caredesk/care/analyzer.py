"""CareAnalyzer: the one entry point of the care engine."""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from caredesk.care.coach import assess
from caredesk.care.customer import find_effort, find_stakes
from caredesk.care.effort import SPARED_RETELLING, churn_taken_back
from caredesk.care.emotion import EmotionModel
from caredesk.care.labels import EMOTION_LABELS, STAKES
from caredesk.care.reply import blame_from_tracking, review_text
from caredesk.care.results import CustomerSignal, Flag, ReplyReview
from caredesk.care.risks import CLOSE_OK
from caredesk.care.rules import (
    alternatives,
    compile_any,
    fold,
    leftmost_longest,
    message_scope,
    prepare_all,
    spans,
    warm_up,
)
from caredesk.care.scorers import NO_VERDICT, LabelScorer, Verdict
from caredesk.care.stakes import names_only_a_health_job
from caredesk.care.textutil import (
    Sentence,
    check_text,
    negated,
    prepare,
    sentence_at,
    sentences,
)

# The emotion model reads only the start of a message; patterns read up to MAX_ANALYSED_CHARS.
_EMOTION_CHARS = 2000

_FIXED = compile_any(
    alternatives(
        r"(?:(?:that|it|this|everything|all)(?:'s| is| has| have)? (?:\w+ )?(?:worked|working|"
        r"works|fixed|sorted|resolved|done the trick|back (?:up|on|to normal))|works (?:now|fine|"
        r"perfectly)|all (?:good|sorted|working|fixed) now|problem (?:is |has been )?(?:solved|"
        r"fixed|resolved|sorted)|issue (?:is |has been )?(?:solved|fixed|resolved|sorted)|"
        r"(?:got|received) (?:it|the refund|my refund|the parcel|my parcel)|you can close|"
        r"(?:that|this) (?:answers|answered|covers|helps|helped|did it|did the trick)|all (?:good|"
        r"sorted)|that's (?:all|everything) i (?:needed|wanted)|(?:perfect|great|brilliant),? "
        r"thanks|(?:refund|money|payment|credit|parcel|package|order|e-?ticket|tickets?|card|"
        r"replacement|it|they)(?:'s| has| have)? (?:\w+ ){0,2}(?:landed|arrived|came through|come "
        r"through|turned up|showed up|shown up)(?: (?:today|now|this morning|yesterday|safely|fine|"
        r"ok|okay|at last|finally|in time))?(?=\s*(?:[.!,;]|$|thanks|thank|and (?:it|they|everything) "
        r"(?:works|fits|is fine|looks)))|(?:names?|details|address|dates?) (?:are|is) "
        r"(?:all |both )?(?:right|correct) now|fits (?:perfectly|fine|great)|(?:that|this)(?:'s| has) "
        r"(?:done it|sorted it|fixed it|cracked it)|(?:refund|money|payment|credit)(?:'s| is| has "
        r"gone) (?:back )?in(?:to)? my (?:account|bank)|(?:code|password|pin|key|link|fix|reset|"
        r"update|patch|login|card) (?:worked|works now|is working now)|(?:i'm|i am|we're|we are) "
        r"(?:back )?in (?:now|the building|my account)|(?:heating|power|internet|broadband|wifi|"
        r"wi-fi|hot water|service|signal|app|tv|phone|line)(?:'s| is) back (?:on|up))"
    )
)


class EmotionPredictor(Protocol):
    def predict(
        self, texts: Sequence[str], /
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]: ...


def _load_emotion_model() -> EmotionPredictor:
    try:
        model: EmotionPredictor = EmotionModel.load()
    except FileNotFoundError:  # a checkout without the trained model
        from caredesk.care.fallback import LexiconEmotion

        return LexiconEmotion()
    return model


_FIX_WORDS = (
    "work", "fix", "sort", "solv", "thank", "good", "got", "receiv", "close", "answer", "help",
    "trick", "perfect", "great", "brilliant", "back", "cover", "need", "landed", "came through",
    "come through", "turned up", "showed up", "shown up", "fits", "done it", "cracked",
    "in my account", "in my bank", "into my account", "into my bank", "in the building", "in now",
)  # fmt: skip


_FIX_WORD = re.compile("|".join(_FIX_WORDS), re.IGNORECASE)
# The same words for lower-cased text (see ``fold``): a case-sensitive scan is several
# times faster than a case-insensitive one.
_FIX_WORD_FOLDED = re.compile("|".join(_FIX_WORDS))
_NOT_DONE = re.compile(r"\b(?:still|not|n't|never|no longer|stopped)\b", re.IGNORECASE)
# A fix someone else claimed ("you told me on Tuesday this was sorted") is not the
# customer confirming it.
_CLAIMED = re.compile(
    r"\b(?:told|said|says|promised|claimed|assured|insisted|supposed(?:ly)?|meant to|"
    r"apparently|allegedly|according to)\b",
    re.IGNORECASE,
)


def _confirms_fix(analysed: str) -> bool:
    folded = fold(analysed)
    if (_FIX_WORD if folded is None else _FIX_WORD_FOLDED).search(folded or analysed) is None:
        return False
    sents = None
    for start, end in leftmost_longest(spans(_FIXED, analysed)):
        sents = sents or sentences(analysed)
        sent = sentence_at(sents, start)
        if negated(sent, start + 1, reach=40) or sent.is_question:
            continue
        if _NOT_DONE.search(analysed[start:end]) or _CLAIMED.search(analysed, sent.start, start):
            continue
        return True
    return False


# A learned label is dropped where its evidence says what the rubric excludes.
# Switching to another plan, tariff or version of ours is not leaving (§1 churn_risk).
_PLAN_CHANGE = re.compile(
    r"\b(?:switch|swap|chang|mov|upgrad|downgrad|go|going)\w* (?:\w+ ){0,2}(?:to|over to|onto) "
    r"(?:the|a|an|our|your|my|this) (?:\w+ ){0,2}(?:plan|tariff|package|bundle|option|version|fare|"
    r"subscription|membership|contract|deal)s?\b",
    re.IGNORECASE,
)
_LEAVING = re.compile(
    r"\b(?:cancel\w*|leav\w*|competitor\w*|elsewhere|another (?:provider|company|bank|network)|"
    r"close my account)\b",
    re.IGNORECASE,
)
# "You should have received it by now" puts the fault on us, not on the customer.
_OUR_SHORTFALL = re.compile(
    r"\byou should(?:'ve| have) (?:already )?(?:received|got|gotten|had|heard|been (?:sent|given|"
    r"contacted|emailed|refunded|called|told))\b",
    re.IGNORECASE,
)

# Having to tell it again (§1 repeated_story) needs a word of repetition somewhere in the
# message; "I want to explain my situation" is a first telling.
_TOLD_AGAIN = re.compile(
    r"\b(?:again|already|before|(?:every|each) time|keep|keeps|kept|times|twice|repeat\w*|"
    r"re-?explain\w*|same|told|said|from scratch|start(?:ing)? over|another|transferr\w*|"
    r"passed|bounced|circles|nobody|no one|whole story|all over|(?:second|third|fourth|fifth|"
    r"sixth|\d+(?:st|nd|rd|th)) (?:time|person|agent|adviser|advisor|caseworker))\b",
    re.IGNORECASE,
)


ReplyItem = tuple[str, "CustomerSignal | None", Sequence[str]] | Mapping[str, Any]


class CareAnalyzer:
    """Reads customer messages and reviews agent replies. Thread-safe, deterministic."""

    _default: CareAnalyzer | None = None
    _lock = threading.Lock()

    def __init__(
        self, emotion_model: EmotionPredictor, label_scorer: LabelScorer | None = None
    ) -> None:
        self._emotion = emotion_model
        self._scorer = label_scorer

    @property
    def label_scorer(self) -> LabelScorer | None:
        """The learned scorers beside the patterns (``None``: patterns only)."""
        return self._scorer

    @classmethod
    def default(cls) -> CareAnalyzer:
        """The shared analyzer with the shipped model, loaded once per process."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    warm_up()
                    emotion = _load_emotion_model()
                    scorer = LabelScorer.load() if isinstance(emotion, EmotionModel) else None
                    cls._default = cls(emotion, scorer)
        return cls._default

    @classmethod
    def prepare(cls) -> CareAnalyzer:
        """The shared analyzer with every pattern's pre-checks built: what a server runs
        once at start (in the background) so its first readings and reviews are as fast
        as the rest. Takes about a second; the readings are the same either way."""
        analyzer = cls.default()
        prepare_all()
        return analyzer

    # -- customer side -------------------------------------------------------------

    def read_customer(self, text: str) -> CustomerSignal:
        return self.read_customer_batch([text])[0]

    def read_customer_batch(self, texts: Iterable[str]) -> list[CustomerSignal]:
        checked = [check_text(text) for text in texts]
        prepared = [prepare(text) for text in checked]
        if not prepared:
            return []
        heads = [analysed[:_EMOTION_CHARS] for analysed, _ in prepared]
        learned: list[Verdict]
        if self._scorer is not None and isinstance(self._emotion, EmotionModel):
            # One encoding of the batch feeds the emotion model and the label scorers.
            encoded = self._emotion.encode(heads)
            probs, intensity = self._emotion.predict_encoded(encoded)
            if self._scorer.shares_encoding("customer"):
                learned = self._scorer.read_encoded("customer", encoded)
            else:
                learned = [self._scorer.read("customer", head) for head in heads]
        else:
            probs, intensity = self._emotion.predict(heads)
            learned = [NO_VERDICT for _ in heads]
        rows: list[list[float]] = np.asarray(probs, dtype=np.float64).tolist()
        strengths: list[float] = np.asarray(intensity, dtype=np.float64).tolist()
        return [
            self._signal(source, analysed, truncated, row, strength, fired)
            for source, (analysed, truncated), row, strength, fired in zip(
                checked, prepared, rows, strengths, learned, strict=True
            )
        ]

    def _signal(
        self,
        source: str,
        analysed: str,
        truncated: bool,
        values: list[float],
        intensity: float,
        learned: Verdict,
    ) -> CustomerSignal:
        total = sum(values)
        if not math.isfinite(total) or total <= 0:
            values = [0.0] * len(EMOTION_LABELS)
            values[EMOTION_LABELS.index("neutral")] = 1.0
            total = 1.0
        emotions = {name: value / total for name, value in zip(EMOTION_LABELS, values, strict=True)}
        # The first label wins a tie, so the reading is deterministic.
        best = max(range(len(EMOTION_LABELS)), key=lambda i: (values[i], -i))
        if not math.isfinite(intensity):
            intensity = 0.0
        sents = sentences(analysed)
        with message_scope(analysed):
            stakes = find_stakes(source, analysed, sents)
            effort = find_effort(source, analysed, sents)
            confirms_fix = _confirms_fix(analysed)
        if learned.doubted:
            stakes = [flag for flag in stakes if flag.kind not in learned.doubted]
            effort = [flag for flag in effort if flag.kind not in learned.doubted]
        if learned.added:
            stakes, effort = self._add_learned(
                source, analysed, sents, stakes, effort, learned.added
            )
        return CustomerSignal(
            emotion=EMOTION_LABELS[best],
            emotions=emotions,
            intensity=min(1.0, max(0.0, intensity)),
            stakes=stakes,
            effort=effort,
            truncated=truncated,
            confirms_fix=confirms_fix,
        )

    def _add_learned(
        self,
        source: str,
        analysed: str,
        sents: list[Sentence],
        stakes: list[Flag],
        effort: list[Flag],
        fired: Sequence[str],
    ) -> tuple[list[Flag], list[Flag]]:
        """Labels the patterns missed but the learned scorer is sure of.

        A learned ``churn_risk`` whose evidence is a move to another plan or tariff of
        ours, with no word of leaving, is dropped: that is not leaving (§1); so is one
        in a message that takes its threat back (§4). A learned ``repeated_story``
        needs a word of repetition in the message: a first telling is not one (§1), and
        neither is thanks for not having to tell it again. A learned ``health`` whose
        evidence only names a health place or trade as someone's job is a topic (§4).
        """
        assert self._scorer is not None
        present = {flag.kind for flag in stakes} | {flag.kind for flag in effort}
        stakes, effort = list(stakes), list(effort)
        for kind in fired:
            if kind in present:
                continue
            flag = self._scorer.evidence("customer", kind, source, sents)
            if flag is None:
                continue
            if kind == "churn_risk" and (
                (_PLAN_CHANGE.search(flag.text) and not _LEAVING.search(flag.text))
                or churn_taken_back(analysed)
            ):
                continue
            if kind == "health" and names_only_a_health_job(flag.text):
                continue
            if kind == "repeated_story" and (
                not _TOLD_AGAIN.search(analysed) or SPARED_RETELLING.search(analysed)
            ):
                continue
            (stakes if kind in STAKES else effort).append(flag)
        return stakes, effort

    # -- agent side ----------------------------------------------------------------

    def review_reply(
        self,
        draft: str,
        *,
        customer: CustomerSignal | str | None = None,
        history: Sequence[str] | None = None,
    ) -> ReplyReview:
        """Review a draft against the customer message it answers.

        ``customer`` is that message's signal (or its text, which is read first);
        ``None`` means no reading is known. ``history`` is this agent's recent replies.
        """
        return self._review_reply(draft, customer, history, None)

    def _review_reply(
        self,
        draft: str,
        customer: CustomerSignal | str | None,
        history: Sequence[str] | None,
        verdict: Verdict | None,
    ) -> ReplyReview:
        """``review_reply``; ``verdict`` is the reply scorer's reading of the draft when
        the caller has it already (``review_reply_batch`` scores all drafts at once)."""
        source = check_text(draft, name="draft")
        if isinstance(customer, str):
            customer = self.read_customer(customer)
        elif customer is not None and not isinstance(customer, CustomerSignal):
            raise TypeError(
                f"customer must be a CustomerSignal, a str or None, got {type(customer).__name__}"
            )
        if history is None:
            past: list[str] = []
        elif isinstance(history, (str, bytes)):
            raise TypeError("history must be a sequence of str, not a single string")
        else:
            past = [prepare(check_text(item, name="history item"))[0] for item in history]
        analysed, truncated = prepare(source)
        sents = sentences(analysed)
        behaviours, risks, refusals = review_text(
            source,
            analysed,
            sents,
            past,
            customer_confirmed_fix=bool(customer is not None and customer.confirms_fix),
        )
        if self._scorer is not None:
            confirmed = customer is not None and customer.confirms_fix
            if verdict is None:
                verdict = self._scorer.read("reply", analysed)
            for kind in verdict.doubted:
                (behaviours if kind in behaviours else risks)[kind] = []
            self._add_learned_review(source, sents, behaviours, risks, confirmed, verdict.added)
        if risks["creepy_personalization"] and not risks["blames_customer"]:
            risks["blames_customer"] = blame_from_tracking(
                source, sents, risks["creepy_personalization"]
            )
        needs, score, suggestions = assess(customer, behaviours, risks, refusals)
        return ReplyReview(
            behaviours=behaviours,
            risks=risks,
            needs=needs,
            score=score,
            suggestions=suggestions,
            truncated=truncated,
        )

    def _add_learned_review(
        self,
        source: str,
        sents: list[Sentence],
        behaviours: dict[str, list[Flag]],
        risks: dict[str, list[Flag]],
        confirmed: bool,
        fired: Sequence[str],
    ) -> None:
        """Behaviours and risks the patterns missed but the learned scorer is sure of.

        A learned risk never overrides what the rubric says clears it, as the
        patterns found it: a real alternative clears ``policy_first`` (§2), what the
        customer told us is context, not ``creepy_personalization``, and closing
        once the customer confirmed (or only after they confirm) is not
        ``premature_close``, "you should have received it by now" owns our
        shortfall rather than ``blames_customer``, and an apology the patterns read as
        naming this case is acknowledgement, not ``scripted_empathy`` (§4).
        """
        assert self._scorer is not None
        if not fired:
            return
        context = list(behaviours["uses_context"])
        acknowledged = list(behaviours["acknowledges_emotion"])
        has_options = bool(behaviours["offers_options"])
        for kind in fired:
            found = behaviours if kind in behaviours else risks
            if found.get(kind):
                continue
            if kind == "policy_first" and has_options:
                continue
            if kind == "premature_close" and confirmed:
                continue
            flag = self._scorer.evidence("reply", kind, source, sents)
            if flag is None:
                continue
            if kind == "premature_close" and CLOSE_OK.search(flag.text):
                continue
            if kind == "blames_customer" and _OUR_SHORTFALL.search(flag.text):
                continue
            # An apology that names this case is acknowledgement, not a stock formula.
            if kind == "scripted_empathy" and any(
                a.start < flag.end and flag.start < a.end for a in acknowledged
            ):
                continue
            if kind == "creepy_personalization" and any(
                c.start < flag.end and flag.start < c.end for c in context
            ):
                continue
            found[kind] = [flag]

    def review_reply_batch(self, items: Iterable[ReplyItem]) -> list[ReplyReview]:
        """Review many drafts: each item is ``(draft, customer, history)`` or a mapping
        with keys ``draft`` (or ``text``), ``customer`` and ``history``. The reply scorer
        reads all drafts in one pass; every review is the one ``review_reply`` gives."""
        triples: list[tuple[Any, Any, Any]] = []
        for item in items:
            if isinstance(item, Mapping):
                triples.append(
                    (item.get("draft", item.get("text")), item.get("customer"), item.get("history"))
                )
            elif isinstance(item, tuple) and len(item) == 3:
                triples.append((item[0], item[1], item[2]))
            else:
                raise TypeError("each item must be (draft, customer, history) or a mapping")
        if self._scorer is None or not triples:
            return [self._review_reply(d, c, h, None) for d, c, h in triples]
        drafts = [prepare(check_text(draft, name="draft"))[0] for draft, _, _ in triples]
        verdicts = self._scorer.read_many("reply", drafts)
        return [
            self._review_reply(draft, customer, history, verdict)
            for (draft, customer, history), verdict in zip(triples, verdicts, strict=True)
        ]
