"""Effort cues in a customer message (CARE_RUBRIC §1, §4): repeat_contact,
repeated_story, already_tried and churn_risk. "Again"/"still" count as repeat contact
only when they are about contacting us, not about the fault coming back."""

from __future__ import annotations

from caredesk.care.results import Flag
from caredesk.care.rules import Rule, compile_any, run_rules, rx
from caredesk.care.stakes import DAYS
from caredesk.care.textutil import Sentence, dedupe

_CONTACT_VERB = (
    r"(?:contact|call|ring|rang|rung|phon|email|e-mail|messag|writ|wrote|chat|spoke|spoken|spoke|"
    r"tweet|dm|dm'd|dmed|reach|reached|complain|report|rais|ask|asked|been in touch|sent|send|"
    r"tell|told|explain|chas|follow(?:ed|ing)? up|nudg|tried to (?:get|reach|contact|call)|typ(?:ed|ing))\w*"
)
_ORDINAL = (
    r"(?:second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|seventh|umpteenth|nth|tenth|"
    r"\d+(?:st|nd|rd|th)|hundredth|millionth)"
)
_MANY_TIMES = (
    r"(?:twice|\d+ times|(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|"
    r"numerous|countless|a few|few|so many|a million|a dozen|a couple of|couple of) times)"
)

# "I didn't have to explain it all again" thanks us for the opposite of repeated_story.
SPARED_RETELLING = rx(
    r"\b(?:didn't|did not|wasn't) (?:have|had|need|needed|make|made|making) (?:me |us )?"
    r"(?:to )?(?:explain|repeat|go (?:over|through)|say|tell|start)|\bfor not making "
    r"(?:me|us)\b"
)

# Shared by repeat_contact and repeated_story: each is both a contact made before and the
# story given again.
# Documents sent more than once: "I've uploaded the passport scan twice".
_SENT_AGAIN = (
    r"(?:uploaded|submitted|provided|supplied|attached|forwarded|sent)(?: [\w'-]+){0,6} (?:twice|"
    r"three times|four times|\d+ times|several times)"
)


def _told_in_turn(verbs: str) -> str:
    """Everyone already told, one after another: "I've told the chatbot, then the man on
    the phone, then the lady in the shop" (``verbs``: the alternatives that start it)."""
    return (
        rf"(?:{verbs})(?: [\w'-]+){{0,4}}? (?:to )?(?:the|your) (?:[\w'-]+ ){{0,3}}?[\w'-]+,? "
        r"(?:then |and |and then |now )?(?:the|your) (?:[\w'-]+ ){0,3}?[\w'-]+,? (?:then |and |"
        r"and then |now )?(?:the|your|you|\w+ of your)\b"
    )


# A new handler each time.
_NEW_HANDLER = (
    r"(?:handler|adviser|advisor|agent|caseworker|case handler|case manager|contact)(?: has)? "
    r"changed again|new (?:handler|adviser|advisor|agent|caseworker|case handler|person), same|"
    r"for the new (?:handler|adviser|advisor|agent|caseworker|case handler|person)"
)

# The same thing given on one channel after another: "sent them to Dean, to Priya and to
# the general inbox", "gave it on the phone, then wrote it on the card", "attached, again".
_CHANNEL_AFTER_CHANNEL = (
    r"(?:sent|given|gave|told|explained|described|emailed|posted)(?: [\w'-]+){0,3} to [\w'-]+"
    r"(?: [\w'-]+)?, (?:and )?to\b|(?:gave|sent|told|wrote|rang|called|emailed|explained|"
    r"submitted)(?: [\w'-]+){1,6},? then (?:gave|sent|told|wrote|rang|called|emailed|explained|"
    r"submitted)\b|(?:attached|enclosed|pasted|copied)(?: below)?,? again\b"
)
# What was already sent, sent or asked for once more: "copying in what I sent to your
# complaints inbox", "pasting my last three emails", "asks for everything I sent in June".
_RESENT_HISTORY = (
    r"(?:copying|pasting|forwarding|re-?sending|re-?attaching)(?: in| below)? (?:what (?:i|we)"
    r"(?:'ve)? (?:sent|wrote|said)|my (?:last|previous|earlier|original) (?:\w+ )?(?:emails?|"
    r"messages?|letters?)|everything (?:i|we))|(?:asks?|asking|asked|wants?) (?:me |us )?for "
    r"(?:everything|all (?:the )?(?:documents|paperwork|papers)|it all) (?:i|we)(?:'ve)? "
    r"(?:already )?(?:sent|gave|provided|supplied)"
)

_EFFORT_RULES: tuple[Rule, ...] = (
    Rule(
        "repeat_contact",
        compile_any(
            [
                r"checking in (?:again )?(?:on|about)",
                r"(?:after|over|through|despite) (?:a couple of|a few|several|multiple|many|countless|"
                r"all (?:my|our|the|those)|\d+|two|three|four|five|six|seven|eight|nine|ten|months of|"
                r"weeks of) (?:more |separate |different )?(?:phone )?(?:calls|emails|e-mails|letters|"
                r"chats|messages|tickets|complaints|chasers|reminders|attempts to (?:get|reach|contact))",
                r"(?:\d+|two|three|four|five|six|several|multiple) (?:calls|emails|letters|chats|"
                r"messages|tickets|complaints|chasers)(?:,? (?:now|later|so far|and counting|over|in|"
                r"to you|and still|and nothing|and no)\b|\W+(?:nothing|still)\b)",
                r"(?:called|rang|rung|phoned|emailed|messaged|wrote|written|reported (?:it|this|that)|"
                r"raised (?:it|this|that)|told (?:you|your \w+|them))(?: \w+){0,4} (?:an hour|"
                r"(?:\d+|one|two|three|four|five|six|seven|eight|a few|a couple of|several) "
                r"(?:hours|days|weeks|months)|a (?:day|week|fortnight|month)) ago",
                r"(?:raised|reported|logged|flagged|mentioned) (?:this|it|that|the (?:\w+ )?(?:issue|"
                r"problem|fault|bug))(?: with \w+(?: \w+)?)? (?:back )?(?:in|on|last) "
                r"(?:january|february|march|april|june|july|august|september|october|november|"
                r"december|week|month|day one|the \d{1,2}(?:st|nd|rd|th)?)",
                r"(?:i've|i have|i|we've|we have|we) (?:rung|rang|called|phoned|emailed|written to|"
                r"wrote to|messaged|tweeted|chased|contacted)(?: \S+){0,6},? (?:and|then) (?:also )?"
                r"(?:emailed|rung|rang|called|phoned|written|wrote|messaged|tweeted|chased|"
                r"visited|gone into|went into)",
                r"(?:tried|used|contacted) (?:your |the )?(?:complaints line|helpline|phone line|"
                r"chat|email|social)(?: \w+)?,? (?:your |the )?(?:\w+ ){0,2}(?:email|chat|page|line)",
                r"(?:second|third|final|another|\d+(?:st|nd|rd|th)) (?:chaser|reminder|follow[- ]?up)",
                r"(?:nobody|no one|noone|no-one)(?:'s| has| ever| has ever)? (?:ever )?(?:replied|responded|"
                r"answered|come back|came back|got back|come out|came out|called back|rung back)",
                r"(?:went|gone|go|goes|have gone|has gone) unanswered",
                r"(?:you're|you are|you were) the first (?:person|one|agent)",
                r"(?:after|over) (?:\w+ )?(?:weeks|months) of (?:emails|calls|chasing|letters|"
                r"complaints|back and forth)",
                r"(?:my|the|our) (?:complaint|ticket|case|request|email|message|letter|claim) (?:from|of|on|"
                r"dated|sent) (?:the )?(?:\d+(?:st|nd|rd|th)?|last|(?:mon|tues|wednes|thurs|fri|satur|sun)day)",
                r"(?:the )?(?:first|last|previous|next) (?:person|agent|one|advisor|adviser|guy|lady) (?:i|we) "
                r"(?:spoke|talked|dealt|chatted)",
                r"(?:your|the) (?:own )?(?:assessor|surveyor|inspector|engineer|technician|driver|staff|store|"
                r"branch|shop) (?:\w+ )?(?:said|told|promised|confirmed|agreed)",
                r"(?:\d+|two|three|four|five) (?:diff|different) (?:ppl|people|agents|persons|advisors)",
                r"(?:trying|tried|been trying) to (?:get through|reach you|contact you|get hold of|speak to "
                r"someone)",
                r"(?:been |being |getting )?lied to",
                r"(?:the )?(?:steps|troubleshooting|instructions|advice|link|code|form|fix|guide)(?: \w+)? "
                r"(?:that )?you (?:sent|gave|suggested|told|emailed|recommended)",
                r"(?:on the phone|on hold|in (?:the |your )?chat|on the line)(?: \S+){0,6} (?:across|over|"
                r"for) (?:\d+|two|three|four|five|several|multiple) (?:days|calls|weeks)",
                r"(?:across|over) (?:\d+|two|three|four|five|several|multiple) (?:separate )?(?:days|calls|"
                r"chats|emails)",
                r"(?:every|each) (?:single )?(?:person|agent|one|advisor|adviser) (?:i've|i have|i|we've|we) "
                r"(?:spoken|talked|dealt|chatted|spoke)",
                r"still no (?:\w+ ){0,2}(?:replacement|refund|card|parcel|package|order|delivery|engineer|"
                r"technician|reply|response|callback|call|update|news|money|credit|answer)",
                r"(?:sent|submitted|emailed|posted|uploaded|returned|filled in|faxed)(?: \S+){0,8} and "
                r"again",
                r"by (?:three|two|four|\d+|several|multiple) (?:different )?(?:people|agents|advisors|"
                r"departments|staff)",
                r"(?:sent|attached|uploaded|given|provided|explained|told|asked|called|emailed|written|"
                r"contacted|submitted|rung|rang|messaged)(?: \S+){0,5} for the "
                + _ORDINAL
                + r" time",
                r"(?:been |got |get |gone )?on to (?:you|your \w+|them|customer service)(?: \w+){0,2} "
                r"(?:twice|\w+ times|again|already|before|about)",
                r"how many times (?:do|have|must|should|will|did) (?:i|we)(?: \w+){0,2} (?:to )?(?:send|"
                r"call|email|explain|tell|ask|chase|contact|write|repeat|give)",
                r"(?:asking|ask|asked|asks) (?:me|us) (?:again|for (?:it|this|that|the same \w+) again)",
                _ORDINAL
                + r" time (?:(?:that |now )?(?:i|i've|ive|i'm|im|i have|i am|we|we've|we're"
                r"|we have) )?(?:\w+ ){0,3}" + _CONTACT_VERB,
                _ORDINAL + r" (?:call|email|message|chat|tweet|dm|attempt|request|complaint|"
                r"ticket|letter|time asking|time writing|time contacting)",
                r"(?<!your\x20)(?<!the\x20)(?<!an\x20)(?<!my\x20)(?<!our\x20)"
                + _CONTACT_VERB
                + r"(?! me\b| us\b) (?:\w+ ){0,7}"
                + _MANY_TIMES,
                r"(?:contacted|called|rang|phoned|emailed|e-mailed|messaged|wrote to|written to|"
                r"chatted (?:to|with)|spoke (?:to|with)|spoken (?:to|with)|tweeted|dm'd|dmed|"
                r"reported|raised|asked|complained|reached out|been in touch|got in touch|"
                r"contacting|calling|emailing|messaging|writing|asking|chasing|tweeting)"
                r" (?:(?:to |with )?(?:you|u|your \w+|support|customer service|customer care|"
                r"the helpline|your team|your company|you guys|y'all|about (?:this|it)|this|it)"
                r" )?(?:\w+ ){0,3}(?:again|already|before(?! (?:i|you|we|it|the)\b)|last (?:week|"
                r"month|night|time)|yesterday|previously|earlier|on " + DAYS + r"|" + DAYS + r"|"
                r"a (?:week|month|few days) ago|\d+ (?:days|weeks) ago|over the past|"
                r"for (?:days|weeks|months))",
                r"already (?:contacted|called|rang|phoned|emailed|messaged|wrote|written|"
                r"chatted|spoke|spoken|tweeted|dm'd|reported|raised|asked|complained|"
                r"reached out|been in touch|sent (?:you|u|them|your|this|the|it|in|over|photos|"
                r"pictures|screenshots|proof|a copy|copies|my|all)|gave you|provided|told you)",
                r"(?:nobody|no one|noone|no-one|you never|never|no body|nobody has|no one has|"
                r"haven't|hasn't|didn't|still haven't|never been) (?:\w+ ){0,2}(?:got|gets|"
                r"get|gotten|came|come|called|call|rang|ring|emailed|replied|responded|answered|"
                r"wrote|written|messaged) (?:me |us )?back",
                r"(?:never|still haven't|still not|still no|haven't|have not|didn't|did not|"
                r"not|no|yet to) (?:had |have |received |receive |got |gotten |get |heard )?"
                r"(?:a |any |an )?(?:heard back|reply|response|answer|call ?back|follow[- ]?up|"
                r"update|word back)(?! yet from the (?:shop|seller))",
                r"(?:nobody|no one|noone) (?:has )?(?:replied|responded|answered|helped|"
                r"followed up|fixed|sorted|called)",
                r"still (?:waiting|no (?:word|news|reply|response|answer|update|call|callback)|"
                r"haven't heard|not heard)(?: (?:for|on) (?:a |any |your |my |the |an )?"
                r"(?:reply|response|answer|call ?back|update|someone|anyone|engineer|technician|"
                r"refund|news|word|person|agent))?(?=\W*(?:$|[.!?,]|\bfrom\b|\bon\b|\bfor\b))",
                r"still waiting (?:for|on) (?:a |any |your |my |the |an )?(?:reply|response|"
                r"answer|call ?back|update|someone|anyone|engineer|technician|refund|news|word)",
                r"still (?:not|isn't|hasn't been|haven't been|hasn't|isnt|not been|no|never|"
                r"wasn't|has not been|have not been)(?: been)? (?:fixed|resolved|sorted|solved|"
                r"refunded|repaired|processed|credited|replaced|addressed|dealt with|escalated|"
                r"looked at)",
                r"(?:you|your (?:agent|colleague|team|rep|representative|staff|support|chat|"
                r"guy|people|advisor|adviser)|the agent|the rep|the guy|the lady|the man|"
                r"someone|somebody|an agent|a rep|support|customer service|your \w+ team)"
                r" (?:on the phone |in chat |last week |yesterday |already )?(?:said|promised|"
                r"told me|told us|assured me|assured us|guaranteed|confirmed|agreed|claimed)",
                r"(?:i|we) (?:was|were|have been|had been|'ve been|'d been) (?:told|promised|"
                r"assured|advised|informed)",
                r"(?:last time|the last time|previous(?:ly)?) (?:i|we) (?:\w+ )?(?:called|"
                r"contacted|spoke|chatted|emailed|wrote|messaged|rang|was on the phone|"
                r"reached out|asked)",
                r"(?:my|our) (?:previous|last|earlier|original|first|other) "
                r"(?:email|e-mail|message|ticket|call|chat|complaint|request|case|tweet|dm|"
                r"letter|reply|conversation)s?",
                r"(?:the|your) (?:previous|last|earlier|original|other) (?:ticket|case|complaint|"
                r"call|chat|agent)s?",
                r"(?:ticket|case|reference|ref|complaint|incident) (?:number|no\.?|#|ref)",
                r"(?:ticket|case|ref|incident) ?#? ?\d{3,}",
                r"follow(?:ing)? up (?:on|about|again|from)",
                r"chasing (?:this|up|again|my|you|the)",
                r"(?:on hold|held in a queue|in the queue) for (?:\w+ ){0,2}(?:hours?|minutes?|"
                r"mins|ages|an hour|ever)",
                r"as (?:i|i've|we|we've) (?:said|mentioned|explained|stated|told you|wrote|"
                r"already said) (?:\w+ ){0,2}(?:before|earlier|already|previously|in my|last|"
                r"yesterday|twice|multiple)",
                r"(?:keep|kept) (?:getting|being) (?:told|fobbed|ignored|promised)",
                r"(?:i|we|i've|we've|i'd|i'm)(?: \w+){0,2} (?:keep|kept) (?:calling|emailing|messaging|"
                r"asking|chasing|contacting)",
                r"(?:been|being) (?:ignored|fobbed off|given the runaround|strung along)",
                r"(?:another|yet another) (?:email|message|call|chat|tweet|complaint)",
                r"(?:again|yet again),? (?:i'm|i am|im|i have to|i must|we're) (?:contacting|"
                r"writing|asking|emailing|messaging|calling|chasing|reaching)",
                r"here (?:i am|we are|we go) again",
                r"still (?:hasn't|has not|haven't|have not|not|hasn't been|isn't|hasnt|havent|"
                r"not been|no sign of (?:it|my|the|them)) ?(?:been )?(?:arrived|delivered|turned up|"
                r"come|shown up|received|got|here|back)",
                r"still no sign",
                r"(?:you|they|he|she|someone|your \w+|the \w+) (?:promised|guaranteed)",
                r"promised (?:a |me a |us a )?(?:call ?back|callback|refund|reply|response|engineer|"
                r"call|replacement|visit)",
                r"(?:they|you|your \w+|the \w+) (?:keep|keeps|kept) (?:telling|saying|promising|"
                r"asking|assuring)",
                r"(?:i|we)(?:'ve| have|'d| had) been (?:told|promised|assured|advised|informed)",
                r"(?:when|after|since|before) (?:i|we) (?:last )?(?:called|contacted|emailed|wrote|"
                r"rang|spoke|chatted|messaged|phoned|reported)",
                r"(?:agents?|advisors?|advisers?|reps?|colleagues?|people|staff|engineers?|"
                r"technicians?|operators?)(?: \w+){0,2} (?:told|said|promised|assured|claimed) "
                r"(?:me|us|it|that|different|\d+)",
                r"(?:the|your) (?:\w+ )?(?:engineer|technician|agent|advisor|adviser|rep|manager|operator|"
                r"last guy|last person|last agent|guy|lady|woman|man) (?:on the phone )?(?:said|told|"
                r"promised|claimed|assured|confirmed)",
                r"the last (?:guy|person|agent|lady|man|rep|advisor|adviser|one i spoke to|"
                r"time i called)",
                r"(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time (?:was|is|'s) the charm",
                r"(?:finally|at last) (?:someone|somebody|a person) (?:who )?(?:listened|listens|"
                r"helped|answered|replied|gets it)",
                r"(?:explained|told|said|mentioned|spoke|spoken|talked|gave|sent)(?: (?:this|it|that|"
                r"everything|all)){0,2} (?:to|with) (?:your|the|a|an|another|one of your) (?:\w+ )?"
                r"(?:colleague|agent|advisor|adviser|rep|person|team|engineer|manager|staff|operator|"
                r"guy|lady|man|woman|bloke|girl|chap)",
                r"your colleague",
                r"every time (?:i|we) (?:call|contact|ring|chat|email|write|phone|get through|try)",
                r"(?:my|the|our) (?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)) (?:chat|call|"
                r"agent|person|email|engineer|visit|attempt|conversation|message)",
                r"(?:to|with) (?:three|four|five|six|several|multiple|\d+) (?:different )?(?:people|"
                r"agents|advisors|advisers|reps|persons|engineers|departments|staff)",
                r"(?:every|each) (?:engineer|technician|agent|person|advisor|adviser|rep) (?:you've|"
                r"you have|you) (?:sent|put me through to)",
                r"(?:\w+|\d+) visits now",
                r"(?:hold music|on hold|phone queue|call queue)(?: \w+)? again",
                r"(?:keeps?|kept) asking (?:me )?(?:for )?(?:the same|again)",
                r"already (?:uploaded|submitted|attached|emailed|supplied)",
                r"for the " + _ORDINAL + r" time[,:]",
                r"(?:ask|asking|write|writing|email|emailing|message|messaging|chase|chasing|call|"
                r"calling|ring|ringing|try|trying)(?: \w+){0,2} (?:a |for (?:a |the ) )?"
                + _ORDINAL
                + r" time",
                r"(?:contacting|writing to|emailing|calling|ringing|messaging|chasing) (?:you )?for "
                r"the " + _ORDINAL + r" time",
                r"(?:reminders?|chasers?|follow-?ups?) (?:sent|on|dated)",
                r"chased (?:in|on|last|it|them|you|twice|again|this|up|" + DAYS + r")\b",
                r"(?:just |i'm |i am |we're |we are )following up\b",
                r"(?:it's|it is|its) (?:me|us) again|^\W*hi(?:ya)? again\b",
                r"(?:left|sent) (?:you )?(?:a |one )?(?:message|voicemail|email)(?: \S+){0,4} (?:and|then) "
                r"another",
                r"(?:written|wrote|emailed|called|rang|phoned|contacted|messaged)(?: to)?(?: you)? on "
                r"\d{1,2}(?:st|nd|rd|th)?(?:,? \d{1,2}(?:st|nd|rd|th)?)*,? and \d{1,2}(?:st|nd|rd|th)?",
                r"(?:i|we) told you (?:in|on|last|back|weeks|months|days)",
                r"still waiting to hear",
                r"(?:heard|had|got) nothing (?:back|since)",
                r"(?:rung|rang|called|phoned|emailed|messaged|chased)(?: \S+){0,4} every (?:single )?day",
                r"(?:they|staff|the shop|the store|the branch|someone|your \w+) told (?:me|us) to "
                r"(?:message|contact|call|email|ring|write|get in touch)",
                r"(?:sorry to |have to |had to |need to )chase\b|chase (?:again|this up|you)",
                r"(?:rang|called|phoned|emailed|messaged|chatted|spoke)(?: (?:to |with )?(?:you|your \w+|"
                r"someone))? (?:this morning|earlier today|last night)",
                r"left (?:you )?(?:a |two |several )?(?:messages?|voicemails?)",
                r"and again (?:on|last|yesterday|this|the)\b",
                r"told (?:\w+ ){0,2}of your (?:people|staff|agents|team|colleagues)",
                r"(?:my|the) (?:own )?(?:ticket|email|message|request) from (?:yesterday|last|"
                + DAYS
                + r")",
                r"(?:this is|that's|this makes it) (?:email |message |letter |call )?number (?:\w+|\d+)",
                r"used (?:your|the) (?:contact form|chat|helpline|live chat|webchat)(?: \w+){0,3} "
                r"(?:every|each|twice|three times|again)",
                r"every (?:day|week|month|time) (?:i|we) (?:ring|call|email|write|chase|phone|"
                r"message|contact)",
                r"(?:send|sent) (?:you )?(?:a |an )?(?:mail|email|message|letter) (?:last|on|yesterday|"
                + DAYS
                + r")",
                r"(?:we|i) spoke (?:to you |with you |on the phone )?(?:last|yesterday|on "
                + DAYS
                + r")",
                r"lost count of how many times",
                r"the (?:person|people|agent|woman|man|lady|guy|gentleman) (?:i spoke to |on the phone |"
                r"at (?:your|the) counter )?(?:on "
                + DAYS
                + r" |yesterday |last week )?(?:said|told|"
                r"promised|took)",
                r"already gave (?:the|my|them|it|all)",
                r"further to (?:our|my) (?:\w+ ){0,2}(?:conversations?|calls?|letters?|emails?|"
                r"correspondence)",
                r"for the (?:final|last) time",
                r"asked (?:by|over|via) (?:phone|email|letter|chat)",
                r"(?:keep|kept) (?:ringing|writing|phoning|bothering you)",
                r"(?:gentle|quick|friendly|polite) (?:nudge|reminder|chase)",
                r"first (?:raised|reported|contacted|wrote|called|emailed|flagged) (?:this|it|the|"
                r"in|on|with|by)",
                r"(?:notified|informed|told|wrote to) (?:your|you|the) (?:\w+ ){0,3}by (?:letter|"
                r"telephone|phone|email)",
                r"\btold you (?:last|the week before|yesterday|twice|before|already)",
                r"(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time (?:this|in|in the) (?:week|"
                r"month|year|past \w+)(?: \S+){0,2} (?:i've|i have|i|we've|we have|we) (?:had to )?"
                r"(?:call|ring|email|write|chase|contact|phone|message)",
                # Earlier contacts named by when, where or how many.
                r"(?:i|we) (?:rang|called|phoned|emailed|wrote|contacted you|contact you|chatted|"
                r"messaged|reported (?:it|this|that))(?: \w+){0,3} (?:on (?:the )?\d+(?:st|nd|rd|th)?|on (?:mon|tues|"
                r"wednes|thurs|fri|satur|sun)day|last (?:week|month|(?:mon|tues|wednes|thurs|fri|"
                r"satur|sun)day)|in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)",
                r"(?:i|we) contact(?:ed)? you (?:\d+|two|three|a few|several) (?:days|weeks|months) ago",
                r"(?:as )?(?:i've|i have|i) (?:now )?told (?:\w+ ){0,2}(?:agents|people|advisers|"
                r"advisors|members of staff|of your staff)",
                r"(?:emailed|called|rang|phoned|tweeted|messaged|wrote|dm'?d),? (?:\w+,? ){0,2}(?:and )?"
                r"(?:emailed|called|rang|phoned|tweeted|messaged|wrote|dm'?d)\W+(?:nothing|no|still|"
                r"nobody|and)",
                r"(?:given up on|tried|gave up on) your (?:chat|phone line|email|twitter|app|chatbot|"
                r"helpline)(?:,| and) your",
                r"(?:went|been|came|popped) (?:in)?to (?:the|your) (?:\w+ ){0,3}(?:store|branch|shop|"
                r"office|counter)(?: \w+){0,2} about (?:this|it)",
                r"(?:was|were|been) told (?:in|at) (?:the )?(?:branch|store|shop|counter|desk)",
                r"(?:as i said|like i said|as i told (?:you|them|your \w+)|as i explained|as i "
                r"mentioned) (?:on the phone|in the chat|in my email|on (?:mon|tues|wednes|thurs|fri|"
                r"satur|sun)day|yesterday|last|earlier|before|twice)",
                r"from (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day's|yesterday's|last week's) "
                r"(?:call|chat|email|phone call)",
                r"(?:\d+|two|three|four|five|six) (?:calls|emails|messages) to (?:the|your)",
                r"(?:\d+|two|three|four|five|six|seven|several) times (?:i've|i have|we've|we have) "
                r"(?:rung|called|emailed|written|phoned|chased|been in)",
                # Telling it all again: "from scratch every time", "the sixth adviser".
                r"(?:i|i've|i have|we've|we have) (?:now )?(?:forwarded|sent|resent|emailed|told you|"
                r"given you|explained)(?: \w+){0,4} (?:two|three|four|five|six|\d+|several|multiple|"
                r"many) times",
                r"(?:from scratch|from the (?:beginning|start)) (?:every|each) time|(?:every|each) time "
                r"(?:i|we) (?:call|ring|phone|write|chat|start|renew)",
                r"lost count of how many (?:of you|people|times|agents)",
                r"(?:typing|writing|explaining|saying|spelling) (?:this|it|all this) (?:out )?(?:yet )?"
                r"again",
                r"(?:second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th)) (?:different )?"
                r"(?:adviser|advisor|agent|person|caseworker|case worker|different answer|answer)",
                r"(?:i |we )?tried (?:calling|ringing|phoning|emailing|the app|web ?chat|(?:your )?chat)"
                r"(?:,| and) (?:i |we )?tried",
                r"after you ignored (?:\w+ )?(?:emails|calls|letters|messages)",
                r"told you (?:then|at the last|last time)",
                r"here it is,? again",
                r"(?:that's what|same as) the last (?:two|three|four|\d+|few) (?:said|emails|replies|"
                r"letters)",
                # Back again, said as such: "me again", "it's Anna again re the valve".
                r"(?:^|hi|hello|hiya|hey|,|\.)\W*(?:it's |its )?me again\b|me from (?:yesterday|"
                r"earlier|this morning|last week|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
                r"(?:it's|its|this is) \w+ again (?:re|about|here|with|from)\b",
                # The channels already used, listed: "rung the helpline and emailed".
                r"(?:rung|rang|phoned|emailed|e-mailed|written|wrote|messaged|tweeted)(?! (?:to )?(?:my|"
                r"the|his|her) (?:bank|landlord|manufacturer|council|solicitor|gp|doctor|insurer|"
                r"police|mp|school|vet)\b)"
                r"(?: (?!and\b|but\b)[\w']+){0,3},? (?:and |then |and then |also )?(?:i |we )?"
                r"(?:rung|rang|phoned|emailed|e-mailed|written|wrote|messaged|tweeted)\b",
                r"(?:rung|rang|called|phoned|emailed|wrote|written|messaged|told|asked|explained|posted|"
                r"sent|submitted|uploaded)(?: [\w']+){0,4} on (?:two|three|four|five|six|several|multiple|numerous|"
                r"separate|different) (?:separate )?occasions",
                r"(?:disputed|queried|challenged|appealed|requested|chased|reported|asked for|"
                r"sent|posted|resent)(?: [\w']+){0,5} (?:twice|three times|four times|"
                r"five times|\d+ times|several times|multiple times|over and over|again and again)",
                r"(?:one|once) (?:from|by|on|in) (?:the )?(?:chat|email|phone|post|letter)s?,? "
                r"(?:one|another|and one) (?:from|by|on|in)",
                r"by (?:post|email|phone|letter),? (?:by|and by|and "
                r"at|and in|and online|and)(?: (?:post|email|phone|letter|the branch|your \w+))",
                r"(?:\d+|two|three|four|five|six|several) (?:calls|letters|emails|tickets|chats|visits|"
                r"broken promises) about (?:the same|this|it)\b",
                r"(?:finally|at last) (?:got|getting|get|come|coming) back to (?:me|us)",
                r"after (?:my|our|all my|all our) (?:calls|emails|letters|messages|complaints|"
                r"chasing)",
                r"(?:like|as) you asked(?: me)?\b(?! (?:me )?(?:to|for|if)\b)",
                r"(?:i|we) (?:asked for|requested) (?:it|this|them|that|one) (?:on|in|back in) "
                r"(?:the \d|\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*",
                r"(?:i|we)(?:'ve| have)? (?:mentioned|told you about|flagged|reported) (?:it|this|that) "
                r"(?:at|in|on|during) (?:the|my|our) (?:last|previous|first|recent) \w+",
                r"told (?:me|us) (?:on the phone |in (?:the )?chat |in store )?(?:on|last) "
                r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|week|the \d+\w*)",
                r"in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* and (?:again )?in "
                r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*",
                r"on the \d{1,2}\w*(?:,? (?:and )?(?:again )?(?:on )?the \d{1,2}\w*)+",
                r"(?:ticket|case|complaint|claim|request|report) (?:i|we) (?:opened|raised|logged|made|"
                r"submitted|filed|sent) (?:on|last|in|back|weeks|days|a)\b",
                r"following on from (?:my|our|the|your)",
                r"(?:your|the) (?:agent|colleague|chat|email|letter|engineer|advis[eo]r|rep|team)"
                r"(?: (?:on \w+day|earlier|yesterday|this morning|last week))? (?:suggested|recommended|"
                r"mentioned|advised)",
                r"you (?:mentioned|said|promised|told me)(?: [\w£$€.,']+){0,6} (?:on|in|during) "
                r"(?:\w+day's|yesterday's|last week's|my|our|the) (?:call|chat|email|phone call|letter)",
                r"(?:nobody|no one|no-one) (?:has )?(?:come|turned up|shown up|been (?:out|round))\b",
                r"the last (?:two|three|four|five|few|\d+) (?:agents|people|advis[eo]rs|calls|emails|"
                r"messages|teams|replies)|the last team\b",
                r"my last (?:two|three|four|five|few|\d+) (?:messages|emails|letters|calls|chats)",
                r"to (?:your|the) (?:chat|phone line|helpline|desk|call centre)(?: [\w']+){0,3},? "
                r"(?:and )?to\b",
                r"(?:just )?confirming (?:that )?you (?:received|got|have) (?:it|my|the)|did you "
                r"(?:get|receive) my (?:email|message|letter|form|complaint|photos)",
                r"(?:i've|i have) (?:already )?told you(?=\s*[.!]|\s*$)|told your (?:call centre|"
                r"helpline|branch|store|driver|engineer|team|staff|people|colleagues?)",
                r"(?:sorry to|have to|had to|having to) come back to you|calling (?:me )?back as "
                r"promised",
                # Staff who answered before, named by name or by place: "your agent Farah said on
                # Tuesday's call", "the lady at reception said she'd email it", "the crew told us".
                r"(?:the|your) (?:\w+ )?(?:agent|adviser|advisor|rep|lady|man|woman|guy|driver|crew|"
                r"receptionist|manager|courier|handler|assessor|surveyor|pharmacist|caretaker|porter|"
                r"steward|stewardess|cabin crew|salesman|saleswoman|fitter|installer) (?:(?!just |also |now |"
                r"never |only |even |then )[a-z]+ )?"
                r"(?:(?:at|on|in) (?:the |your )?(?:\w+ )?(?:reception|desk|counter|gate|branch|store|shop|"
                r"check-in|till|phone|chat|line) )?(?:said|told (?:me|us)|promised|assured)",
                r"(?<!\w)(?:reception|the front desk|the help ?desk|the counter|the gate staff|the crew|"
                r"check-in staff) (?:said|told (?:me|us)|promised|assured)",
                # The same answer again, and months of chasing.
                r"same (?:[\w'-]+ ){0,3}?(?:answer|reply|response|email|message|excuse|script) (?:i|we) "
                r"(?:got|had|received|was given|were given)|same (?:copy[- ](?:and[- ])?paste[d]?|canned|"
                r"stock|automated) (?:answer|reply|response|email|message)",
                r"(?:days|weeks|months|summer|year|fortnight)(?: of)? (?:chasing|emailing|phoning|calling|"
                r"ringing|messaging)",
                r"(?:been|'ve been|have been|'s been) (?:emailing|calling|ringing|phoning|chasing|"
                r"messaging|writing to you|writing in|contacting you)(?: [\w']+){0,3} (?:since|for)\b",
                # Earlier contacts listed by day or date: "emailed tues. emailed weds.",
                # "messaged 2 feb, 9 feb", "letters of 4 january, 1 february".
                r"(?:emailed|rang|called|phoned|messaged|wrote|chased|dm'?d|tweeted) (?:on )?(?:mon|tue|"
                r"tues|wed|weds|thu|thur|thurs|fri|sat|sun)\w*[.,;] (?:then )?(?:emailed|rang|called|"
                r"phoned|messaged|wrote|chased|dm'?d|tweeted|and again)",
                r"(?:messaged|emailed|called|rang|phoned|wrote|chased|contacted you|written)(?: (?:you|in|"
                r"on))? \d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*,? "
                r"(?:and )?\d+",
                r"(?:sent|emailed|submitted|called|rang|wrote|reported|asked)(?: [\w']+){0,4} (?:in|on) "
                r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*,? (?:and )?(?:jan|feb|mar|apr|"
                r"may|jun|jul|aug|sep|oct|nov|dec)\w*",
                r"(?:my|our) (?:earlier |previous )?(?:letters|emails|messages|complaints) (?:of|dated|"
                r"from) (?:the )?\d+",
                r"none of which (?:has|have) (?:been )?(?:acknowledged|answered|replied)|(?:neither|none) "
                r"of (?:which|them) (?:was|were|has been|have been) (?:answered|acknowledged)",
                r"(?:my|our) (?:previous|last|earlier) (?:two|three|four|five|six|seven|eight|several|"
                r"\d+) (?:emails|messages|letters|calls|chats)",
                # Reported and not heard from, sent or uploaded more than once.
                r"(?:reported|flagged|raised)(?: [\w']+){0,6} (?:days|weeks|hours|months) ago",
                r"(?:reported|told|asked|emailed|rang|called|wrote)(?: [\w']+){0,8} and (?:have )?heard "
                r"nothing",
                _SENT_AGAIN,
                _told_in_turn("told|asked|explained|described|gave|given|rung|rang|called|phoned"),
                r"(?:described|explained|told|said|given|gave|read)(?: [\w'-]+){0,5} to (?:two|three|four|"
                r"five|six|several|\d+) (?:of your|different|separate) (?:people|staff|agents|colleagues|"
                r"advis[eo]rs|team members|departments)",
                # The history is all there already: threads, trails, every message above.
                r"(?:copying|copied|cc'?ing|forwarding|attaching) in (?:the )?(?:whole |full |entire )?"
                r"(?:email )?(?:trail|thread|chain)|(?:it's|its|it is|everything is|everything's) (?:all )?"
                r"in the (?:email )?(?:thread|trail|chain)\b|please (?:just )?read back",
                r"(?:in|into) (?:every|each) (?:single )?(?:one of (?:these|my|the) )?(?:messages?|"
                r"emails?)(?: above| below| i've sent)?",
                _NEW_HANDLER,
                r"(?:a )?different (?:person|agent|adviser|advisor) every time|(?:every|each) time "
                r"(?:someone|somebody) new",
                r"from pillar to post",
                _CHANNEL_AFTER_CHANNEL,
                _RESENT_HISTORY,
                # Contacts made before, said in other words.
                r"(?:rung|rang|called|phoned|emailed|chased|messaged)(?: \w+){0,3} every (?:single )?"
                r"(?:morning|afternoon|evening|week)",
                r"(?:i've|i have|we've|we have) (?:rung|called|phoned|emailed|messaged|written to|chased)"
                r"(?: [\w'-]+){1,3}, (?:and )?(?:i've|i have|we've|we have) (?:rung|called|phoned|emailed|"
                r"messaged|written to|chased)\b",
                r"(?:same|the) (?:reference|ref|ticket|case|complaint)(?: number)? (?:you|your \w+) "
                r"(?:gave|sent|issued)",
                r"(?:the|your) \w+ team (?:said|told (?:me|us)|promised|assured)",
                r"(?:i|we) (?:told|informed|notified) (?:your|the) (?:\w+ ){0,2}(?:adviser|advisor|agent|"
                r"team|service|department|colleague|branch|helpline)s?\b",
                r"you still (?:haven't|have not|hasn't) (?:confirmed|sent|called|replied|responded|booked|"
                r"arranged|given|told)",
            ]
        ),
        skip_negated=False,
        # "Can I get the receipt emailed again?" asks for a resend, not a repeat contact.
        excludes=rx(
            r"\b(?:can|could) (?:i|you|we) (?:get|have|send|resend)\b|\b(?:never|not|haven't|"
            r"have not) (?:\w+ )?(?:contacted|called|emailed|written to|been in touch with) "
            r"(?:you |us )?before\b"
        ),
    ),
    Rule(
        "repeated_story",
        compile_any(
            [
                # Every new person starting from the beginning, the answers that contradict
                # each other, and what was already given, given again.
                r"(?:every|each) (?:new |single )?(?:person|agent|one|department|reply|call|advis[eo]r|"
                r"caseworker)(?: [\w']+){0,6} (?:wants?|asks?|needs?|asking|says?)(?: [\w']+){0,4} "
                r"(?:the (?:story|whole|same)|my (?:whole|life)|from the (?:beginning|start)|again|to "
                r"describe|to explain)",
                r"(?:every|each) (?:call|time)(?:,)? (?:it's|it is|there's|i get) (?:someone|somebody) new",
                r"(?:whole|entire|full) (?:saga|life story)|(?:my|the) whole (?:story|history) (?:again|"
                r"from)",
                r"explain\w*(?: [\w']+){0,4} over and over|over and over (?:again )?to (?:different|every|"
                r"each|new)",
                r"scroll up|(?:it's|it is|that's|it was|all) (?:all )?in (?:the|my) (?:chat|file|first "
                r"message|notes|ticket|last email|first email)\b|in my first (?:message|letter|email)",
                r"the next (?:one|person|agent) asked",
                r"(?:gave|given|told|sent|explained) (?:it|this|that|them|all (?:of )?(?:this|these|that)"
                r"(?: details)?|the \w+(?: \w+)?) to (?:your|the|a) (?:colleague|bot|agent|chatbot|desk|"
                r"person|man|lady|team|advis[eo]r)",
                r"(?:chat|phone|email|one|the \w+)(?: team| line| desk)? says (?:yes|no|one thing)\W+"
                r"(?:the )?\w+(?: team| line| desk| one)? says",
                r"(?:two|three|four|five|\d+) different (?:'?\w+'? )?answers|one (?:from|by|on|at) "
                r"(?:the )?\w+, one (?:from|by|on|at)",
                r"(?:the )?(?:billing|technical|tech|sales|returns|claims|fraud) (?:team|desk|department) "
                r"says(?: [\w']+){0,6}, the (?:billing|technical|tech|sales|returns|claims|fraud|other)",
                r"(?:resending|re-sending|enclose once more|once more the|attaching "
                r"again)\b",
                r"(?:had to|have to|having to) (?:go over|go through|explain|repeat|describe|tell)"
                r"(?: [\w']+){0,5} (?:again|all over again|from the start|from scratch)",
                r"(?:had|have|having) to (?:repeat|re-?explain|give) (?:them|it|everything|myself|my \w+|all)"
                r"(?: \w+){0,3} (?:to|again|for)",
                r"(?:told|explained|given|gave)(?: \S+){0,2} (?:\d+|two|three|four|five) (?:diff|different) "
                r"(?:ppl|people|agents|persons|advisors)",
                r"(?:walk|walked|walking|take|taken|took|talk|talked)(?: \w+){0,3} through (?:the whole|it "
                r"all|everything|the same|all of it|it again)",
                r"(?:had|have|having) to tell (?:every|each|all)",
                r"(?:every|each) (?:single )?(?:person|agent|one|advisor|adviser) (?:i've|i have|i|we've|we) "
                r"(?:spoken|talked|dealt|chatted|spoke)",
                r"(?:sent|submitted|emailed|posted|uploaded|faxed)(?: \S+){0,8} and again",
                r"by (?:three|two|four|\d+|several|multiple) (?:different )?(?:people|agents|advisors|"
                r"departments|staff)",
                r"(?:sent|attached|uploaded|given|provided|explained|told|submitted)(?: \S+){0,5} for "
                r"the " + _ORDINAL + r" time",
                # Starting again with each new person, and saying it all once more.
                r"(?:someone|somebody) new(?: [\w']+){0,3} (?:i )?(?:have|had|need) to (?:start|tell|"
                r"explain|say|go)|(?:have|had|having|need) to (?:tell|explain to|start again with) "
                r"(?:someone|somebody) new",
                r"(?:like|as) i (?:said|told|explained|mentioned)(?: (?:it|this|that))? to your "
                r"(?:colleague|agent|team|adviser|advisor|engineer|driver|rep|manager|chatbot|bot)",
                r"from the top,? for the|(?:once more|once again|one more time),? for the (?:new|next)|"
                r"for the " + _ORDINAL + r" (?:person|agent|adviser|advisor|handler)",
                r"(?:typed|explained|described|told|said)(?: (?:it|this|all this|the whole thing|"
                r"the story))?(?: out)? (?:twice|three times|four times|five times|\d+ times|several "
                r"times|many times)",
                r"(?:gone|go|going|went) through (?:it|everything|the whole thing)(?: all)? (?:every "
                r"time|each time|again)",
                r"(?:never|don't|do not|won't) have to (?:say|explain|repeat|tell|write) (?:it|this|that)"
                r"(?: all)? (?:again|a \w+ time)",
                r"asked (?:for )?(?:[\w'-]+ ){0,5}from scratch",
                _SENT_AGAIN,
                r"(?:told|given|got|heard) (?:me |us )?(?:two|three|four|five|\d+) different (?:things|"
                r"stories|versions)",
                r"same (?:story|thing|details|info|information|summary|evidence|questions?)(?: [\w']+)"
                r"{0,2},? (?:\w+ times|twice|every time)|(?:the )?same (?:details|information|"
                r"info|summary|evidence) (?:as|i (?:gave|sent|told|had)|that i)\b",
                r"telling the same story|(?:round|going) in circles",
                r"(?:two|three|four|five|six|seven|\d+|several|multiple) transfers|transferred (?:\w+ )?"
                r"(?:twice|\w+ times)",
                r"(?:out )?to (?:three|four|five|six|seven|\d+|several|multiple) (?:different )?(?:people|"
                r"agents|advis[eo]rs|staff)",
                r"(?:pasted|copied|attached|forwarded|resent|re-sent)(?: [\w'-]+){0,4} (?:the )?(?:exact "
                r"|same |original )?(?:email|message|letter)s? (?:i|we) (?:sent|wrote)",
                r"(?:told|explained to|asked)(?: [\w',-]+){1,8} the same (?:thing|story|question)",
                _NEW_HANDLER,
                _told_in_turn("told|asked|explained|described"),
                r"from pillar to post|(?:every|each) (?:single )?one (?:has )?asked",
                r"(?:the )?same (?:\w+ )?(?:receipt|photos?|documents?|reading|details|information|"
                r"info|number|screenshots?|story|form)(?: \w+){0,3} (?:again|for the|every|over)",
                r"how many times (?:do|have|must|should|will|did) (?:i|we)(?: \w+){0,2} (?:to )?(?:send|"
                r"explain|tell|repeat|give|say|provide)",
                r"every time (?:it's |it is |i get )?(?:someone|somebody|a) (?:new|different)",
                r"(?:asking|ask|asked|asks) (?:me|us) (?:again|for (?:it|this|that|the same \w+) again)",
                r"(?:explained|told|gave|sent|described)(?: (?:this|it|that|everything|all)){0,2} to the "
                r"(?:guy|lady|man|woman|person|agent|bloke|chap)",
                r"(?:explain|explained|explaining|repeat|repeated|repeating|told|tell|telling|"
                r"re-?explain\w*|go(?:ne)? through|went through|going through|gave|give|giving|"
                r"provide|provided)(?: \w+){0,8} (?:again|twice|three times|\d+ times|"
                r"(?:several|multiple|many|so many|countless|a few|four|five|ten) times|all over|"
                r"over and over|to (?:three|four|five|six|several|multiple|different|every|each|"
                r"\d+|two|a third|another) (?:different )?(?:people|agents|persons|reps|"
                r"staff|advisors|advisers|departments|teams|person|agent|rep|engineer|engineers|"
                r"technician|technicians))",
                r"(?:explained|told|gave|sent|described)(?: (?:this|it|that|everything|all|the "
                r"\w+))? to (?:your|the|a|an|another|one of your) (?:\w+ )?(?:colleague|agent|advisor|"
                r"adviser|rep|person|engineer|manager|operator)",
                r"(?:start|starting|started|back) (?:again )?(?:from|to) (?:scratch|the beginning|"
                r"square one)",
                r"(?:have|had|having|need|needed) to (?:repeat|re-?explain) (?:everything|myself|it "
                r"all|the whole|all of it|it again|this again)",
                r"(?:keeps?|kept) asking (?:me )?(?:for )?the same",
                r"(?:bounced|sent|passed|transferred|pushed) (?:me )?back (?:to|and forth)",
                r"already (?:explained|told you|told your|told them|told the|told two|"
                r"told three|gave you|given you|sent you|sent (?:the|my|all|over|in|photos|"
                r"pictures|screenshots|proof|copies|a copy)|provided|described|went through|uploaded|"
                r"submitted|"
                r"gone through|answered)",
                r"(?:transferred|passed|bounced|shunted|shuffled|handed|pushed|sent|put|"
                r"redirected|forwarded)(?: \w+){0,2} (?:around|from (?:one|pillar|department|"
                r"team|person|agent)|between|back and forth|to (?:another|a different|yet "
                r"another|three|four|five|\d+|different|other) (?:department|team|agent|person|"
                r"people|departments|teams|agents|numbers?)|(?:\w+ )?times|twice|again|"
                r"over and over)",
                r"(?:start|starting|started) (?:all )?over(?: again)?",
                r"(?:passed|bounced|transferred|shunted|pushed|handed) (?:me )?(?:from|between) (?:the |your )?"
                r"\w+(?: \w+)? (?:team |department |desk )?(?:to|and)\b",
                r"(?:go|going|went|start|starting) (?:through |over )?(?:it all|everything|the whole thing|"
                r"it|the story) (?:from the start|from the beginning|from the top|again)",
                r"(?:given|gave|told|explained|sent|said|repeated|described)(?: \S+){0,12} to "
                r"(?:no fewer than |at least |over )?(?:three|four|five|six|seven|eight|several|multiple|"
                r"\d+|two|both|so many|many) (?:separate |different |of your )?(?:agents|people|staff|"
                r"departments|representatives|advisors|advisers|reps|persons|teams|bots|of (?:them|you))",
                r"(?:time|times) (?:i've|i have|i|i'm|i am) (?:had to |having to )?(?:tell|told|explain|"
                r"explained|say|said|repeat|write|written|writing|go through|give|telling|explaining)",
                r"(?:explain|explaining|say|saying|tell|telling|repeat|repeating|describe|describing)"
                r"(?: \S+){0,6} to (?:every|each|another|yet another|a new|every new|the next) (?:new |single )?"
                r"(?:person|agent|bot|department|one|rep|advisor|adviser|representative|member of staff)",
                r"(?:someone|somebody|everyone|each one|every one|each person|every person|each agent|every "
                r"agent)(?: new)? (?:asks|wants|needs|makes) (?:me )?(?:to )?(?:explain|the (?:whole )?story|"
                r"go through|for the same|start)",
                r"(?:as|like) (?:i )?(?:explained|said|stated|mentioned|told you|wrote) in (?:my )?"
                r"(?:previous|last|earlier|first|original)",
                r"(?:gave|given|provided|put|included|sent) (?:it|this|that|them|all (?:of )?(?:this|these|"
                r"that|the \w+))(?: \w+){0,4} (?:in my (?:first|last|previous|original) (?:message|email|"
                r"letter)|last time|already|yesterday|before)",
                r"(?:same|identical) (?:question|questions|form|details|information)\W+(?:the )?(?:second|"
                r"third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)|another|new|different) (?:agent|person|time|"
                r"rep|advisor)",
                r"(?:same|identical) (?:\w+ )?(?:form|details|questions?)(?: \w+){0,2} (?:\d|two|three|"
                r"four|five) times",
                r"i said (?:it )?(?:on the phone|in the email|in chat|in my email|on the call)",
                r"(?:go|going|went|been going|sent|sending) (?:round )?in circles",
                r"(?:read|reading|check|checked|look at|looked at) (?:the|my) (?:\w+ )?notes",
                r"from (?:scratch|the beginning) (?:again|every time)",
                r"(?:repeat|repeating) myself",
                r"every (?:agent|person|time i (?:call|contact|chat|write)|one i speak to|"
                r"single person|new agent|rep)(?: \w+){0,2} (?:asks|wants|makes me|needs)",
                r"(?:same|identical) (?:questions?|story|information|info|details)"
                r"(?: \w+){0,2} (?:again|over and over|every time|repeatedly)",
                r"(?:how many times|how often) (?:do|must|should|will|have) (?:i|we) "
                r"(?:\w+ )?(?:explain|tell|repeat|send|give|say)",
                r"for the " + _ORDINAL + r" time[,:]? (?:my|the|our|i|here)",
                r"as (?:i|i've|we) (?:already |have already )?(?:explained|told you|said|"
                r"mentioned|stated)(?: \w+){0,3} (?:before|earlier|already|previously|twice|"
                r"in my|multiple)",
                r"(?:have|had|having|need|needed|make me|made me|making me|forced to) (?:\w+ )?"
                r"(?:to )?(?:explain|repeat|tell|re-?explain|go through|give)(?: \w+){0,4} "
                r"(?:again|all over|once more|each time|every time|from scratch)",
                r"(?:nobody|no one|noone)(?: \w+){0,2} (?:reads?|read|looks at|listens|"
                r"has read|bothered to read)",
                r"(?:from scratch|from the (?:beginning|start)) (?:every|each) time",
                r"lost count of how many (?:of you|people|agents)",
                r"(?:typing|writing|explaining|saying|spelling) (?:this|it|all this) (?:out )?(?:yet )?"
                r"again",
                r"(?:second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th)) (?:adviser|advisor|"
                r"agent|person|caseworker|case worker) (?:i've|i have|i) (?:had to|explained|told|given)",
                r"(?:explain|give|tell|repeat)(?: \w+){0,3} to every (?:new )?(?:caseworker|adviser|"
                r"advisor|agent|person)",
                r"(?:keep|kept|keeps) having to (?:explain|repeat|tell|say)",
                _CHANNEL_AFTER_CHANNEL,
                _RESENT_HISTORY,
                r"(?:describe|explain|go through|tell|repeat)(?: \S+){0,4} (?:from the start|from the "
                r"beginning|all over) again|\bretell(?:ing)?\b",
                r"(?:explained|told|described)(?: [\w'-]+){0,3} to (?:two|three|four|both|several) (?:of "
                r"your|different|separate) (?:people|staff|agents|colleagues|advis[eo]rs|departments)",
            ]
        ),
        excludes=SPARED_RETELLING,
    ),
    Rule(
        "already_tried",
        compile_any(
            [
                r"switched (?:it |the \w+ )?(?:off|back on|on and off|off and on)",
                r"turned (?:it |the \w+ )?(?:off|back on)",
                r"powered (?:it |the \w+ )?(?:down|off)",
                r"did a (?:hard |factory |full |complete )?(?:reset|restart|reboot)",
                r"already (?:done|did|tried|followed|gone through|went through|completed)",
                r"(?:restarted|rebooted|reinstalled|re-installed|uninstalled|reset|cleared|"
                r"updated|unplugged|replugged|plugged (?:it )?back in|power[- ]?cycled|"
                r"factory[- ]reset|logged out|signed out|logged (?:out and )?back in|"
                r"signed (?:out and )?back in|re-?paired|unpaired|reconnected|disconnected|"
                r"re-?downloaded|deleted (?:the|and) (?:app|cache|cookies|history|data|profile)|"
                r"unsubscribed|re-?added|re-?entered|re-?typed|re-?synced|"
                r"recharged|charged it|swapped|replaced|changed (?:the |my )?(?:batter|cable|"
                r"password|plug|socket|settings|browser|filter|fuse)\w*|switched (?:it )?off "
                r"and (?:back )?on|turned (?:it|the \w+|everything) off and (?:back )?on|"
                r"(?:checked|looked in|went through) (?:my |the |your )?(?:spam|junk|settings|"
                r"faq|help (?:page|centre|center)|troubleshoot\w*|cables?|connections?|"
                r"fuses?|router|wifi|account|bank|card|tracking|app|website|emails?|inbox|"
                r"promotions)|followed (?:the|your|all the|all your|every|each) "
                r"(?:steps|instructions|guide|troubleshooting|advice|suggestions)|"
                r"tried (?:everything|restarting|rebooting|resetting|reinstalling|clearing|"
                r"updating|another|a different|different|other|all|both|two|three|again|it on|"
                r"using|logging|turning|switching|unplugging|changing|that|this|your|the|"
                r"calling|paying|ordering|removing|deleting|re\w+|\w+ing)|"
                r"tested (?:it|with|on)|used (?:a |another |a different )(?:card|browser|device|"
                r"phone|cable|charger|account))",
                r"(?:restarting|rebooting|reinstalling|resetting|clearing|updating|unplugging|"
                r"re-?installing|power[- ]?cycling|logging out|signing out|uninstalling|"
                r"switching it off)(?: \w+){0,4} (?:didn't|did not|doesn't|does not|hasn't|"
                r"has not|won't|isn't|makes no|made no|did nothing|does nothing|changed nothing|"
                r"no luck|no joy|not working|no difference)",
                r"even after (?:\w+ )?(?:restarting|rebooting|reinstalling|resetting|clearing|"
                r"updating|unplugging|trying|changing|re-?installing|replacing|uninstalling|"
                r"logging|signing|checking|following|waiting|power[- ]?cycling)",
                r"(?:did|done|tried) (?:that|this|it|those|all that)(?: \w+)? (?:already|twice|"
                r"three times|before|\d+ times)",
                r"(?:no luck|no joy|didn't work|did not work|still nothing|nothing works|"
                r"nothing worked|same (?:problem|issue|error|thing)) (?:after|with|when i) "
                r"(?:\w+ing|i \w+ed)",
                # Checks and fixes of their own: the breaker, the video, an electrician of their own.
                r"(?:checked|tested) (?:the |my |our )?(?:breaker|isolator(?: switch)?|trip switch|fuse "
                r"box|consumer unit|water pressure|pressure|thermostat|batteries|battery|signal|pilot "
                r"light|valve|stopcock|sim)s?\b",
                r"followed (?:your|the) (?:\w+ )?(?:video|guide|manual|tutorial|article|instructions|"
                r"walkthrough)",
                r"tried (?:new|fresh|a new|a reset|a hard reset|a factory reset)\b",
                r"had (?:my own|an|a|our own) (?:electrician|plumber|engineer|technician|mechanic|"
                r"locksmith|gas engineer) (?:look|check|out|round|in|come)",
                r"(?:blocked|reported) (?:him|her|them|the (?:account|profile|user|number)) (?:and|in|on|"
                r"\w+ times|twice)|froze (?:it|the card|my card)",
                # Several attempts listed, or all the suggestions done.
                r"tried (?:[\w'-]+ ){0,2}[\w'-]+, (?:[\w'-]+ ){0,2}[\w'-]+,? and\b",
                r"(?:card|account)(?:'s| is| has been| was) already (?:frozen|blocked|cancelled|stopped)",
                r"(?:moved|changed|reset|restarted|rebooted|unplugged|cleared|reinstalled|updated|"
                r"replaced|checked|bled|topped up)(?: [\w'-]+){1,4}, (?:and )?(?:moved|changed|reset|"
                r"restarted|rebooted|unplugged|plugged|cleared|reinstalled|updated|replaced|checked|"
                r"topped up|tried)\b",
            ]
        ),
        skip_negated=True,
        skip_hypothetical=True,
        prefix_requires=rx(
            r"(?:^\W*$|\b(?:i|i've|ive|i'd|we|we've|already|also|even|tried|then|and|just|"
            r"both|have|had|ve)\b)"
        ),
    ),
    Rule(
        "churn_risk",
        compile_any(
            [
                r"cancel (?:it|them)\W+(?:all of (?:it|them)|everything)",
                r"when my (?:contract|plan|term|deal|subscription) (?:is up|ends|runs out|finishes|expires)",
                r"(?:moving|switching|going|leaving) (?:to|for) (?-i:[A-Z][\w&]+)(?= (?:when|after|once|next|at "
                r"the end|as soon))",
                r"(?:cancel|cancelling|canceling|close|closing) (?:my|our) (?:\w+ )?card",
                r"(?:thinking|considering|think|thought) (?:of|about) (?:leaving|cancell?ing|switching(?! "
                r"(?:to|over to) (?:the|a|an|our|your) (?:\w+ )?(?:plan|tariff|package|bundle|option|"
                r"version|fare))|moving|going elsewhere|closing|quitting|taking my)",
                r"last straw",
                r"(?:moving|taking|switching|transferring|move|take) (?:everything|it all|all (?:of )?(?:my|our|"
                r"his|her) \w+|(?:my|our|his|her) (?:\w+ )?(?:services|accounts|prescriptions|"
                r"business|money|custom|savings|policies|policy|plans?)) (?:to|somewhere else|elsewhere)",
                r"(?:gone|going|go|went|signed up|switched|moved)(?: over)? (?:with|to) (?:another|a different|"
                r"someone else|somebody else|a new|your|a|the) (?:\w+ )?(?:provider|supplier|company|bank|"
                r"network|insurer|competitors?|tool|platform|option|firm|one)\b",
                r"(?:go|going|gone|went) with (?:someone|somebody) else",
                r"(?:evaluating|exploring|trialling|trialing|considering|weighing up) (?:other |some )?"
                r"(?:alternatives|competitors|other (?:providers|tools|options|vendors|suppliers))",
                r"(?:renewal|renewing)(?: \w+){0,3} (?:is not|isn't|is not going to be|won't be) happening",
                r"(?:decided|deciding|going|chosen|choosing) not to renew",
                r"(?:won't|will not|wont|not going to) (?:be )?renew(?:ing)?\b",
                r"(?:i'm|im|i am|we're|we are) off(?= to \w+|\s*[.!]|\s*$)",
                r"(?:delete|deleting|uninstall|uninstalling) (?:this|the|your) app(?! and)(?!,? (?:re|then))",
                r"(?:with|to) (?:your|a|the) competitors?",
                r"(?:tell|telling|contact|contacting|going to) (?:my )?local (?:paper|newspaper|news|radio|mp)",
                r"(?:let|letting) (?:the|my|our) (?:subscription|membership|plan|policy|sub|box) "
                r"(?:go|lapse)",
                r"(?:stop|stopping|end|ending|cancel|cancelling) (?:my|our|the) (?:\w+ )?(?:box|boxes|"
                r"deliveries)\b",
                r"(?:pac|stac) code",
                r"(?:can't|cannot|can not) stay\b",
                r"(?:sad|heartbroken|sorry|gutted) to (?:leave|go|cancel|be leaving)",
                r"(?:we'll|we will|we're going to|i'm going to|i am going to) be (?:leaving|cancell?ing|"
                r"switching|moving)",
                r"(?:my|the) cancellation (?:confirmation|request|number|reference)",
                r"(?:cancel(?:l?ing|l?ed)?|close|closing|closed|terminate|terminating|end|"
                r"ending|quit|quitting|leave|leaving|stop|stopping|drop|dropping) (?:my|our|the|this|"
                r"your) (?:\w+ ){0,2}(?:account|subscription|contract|membership|service|plan|"
                r"broadband|policy|sub|line|direct debit|package|prime|insurance)s?",
                r"(?:cancel|cancelling|canceling|cancelled|canceled) (?:it all|everything|"
                r"(?:all )?(?:my|our) (?:services|accounts|subscriptions|orders with you))",
                r"switch(?:ing)? (?:\w+ )?(?:to|over to|providers?|banks?|networks?|carriers?|"
                r"suppliers?|companies|airlines?|to another|away)(?! (?:the|a|an|our|your|my) "
                r"(?:\w+ )?(?:plan|tariff|package|bundle|option|version|model|account|card|fare|"
                r"subscription|membership)\b)",
                r"(?:if|when) (?:i|we) cancel(?! (?:my|the|this|an?|our) (?:order|booking|"
                r"appointment|delivery))",
                r"port(?:ing)? (?:it|my|our)\b",
                r"going back to (?:my|our) (?:old|previous|former)",
                r"(?:the press|the media|the papers|newspapers|journalists?|watchdogs?) (?:would|will|"
                r"'d|'ll|are going to)",
                r"(?:take|taking|took) (?:my|our) (?:business|money|custom|account)"
                r" (?:elsewhere|somewhere else|to)",
                r"(?:go|going|move|moving|shop|shopping|went) (?:to )?(?:a )?(?:competitors?|"
                r"elsewhere|somewhere else|amazon|ebay|another (?:store|shop|provider|bank|"
                r"company|airline|retailer))",
                r"(?:find|finding|look(?:ing)? for|look(?:ing)? at|shop(?:ping)? around for|"
                r"get(?:ting)?) (?:a |an )?(?:new|another|other|different|better) (?:provider|"
                r"company|bank|carrier|network|supplier|airline|store|service|isp|broadband)s?",
                r"(?:moving|move|transferring|transfer|closing) (?:my|our) (?:account|accounts|"
                r"business|money|savings|mortgage|number|custom)",
                r"port(?:ing)? (?:my|our) number",
                r"(?:i'm|i am|im|we're|we are|i will be|i'll be|going to be|will be) "
                r"(?!not |never )(?:\w+ )?(?:leaving|cancelling|canceling|switching|done with|finished with|"
                r"out|gone|moving)(?! (?:for|on|in|at|to the|home|house|the country|abroad)\b)",
                r"(?:never|not|won't|will not|wont|no longer)(?: \w+){0,2} (?:order|buy|shop|use|using|"
                r"fly|book|purchase|recommend|come back|return|deal|trust|stay|renew|"
                r"subscribe)\w*(?: \w+){0,6} (?:again|anymore|any more|ever again|in future)",
                r"never again",
                r"(?:last|final) time (?:i|we)(?: \w+){0,2} (?:order|buy|shop|use|fly|book|"
                r"purchase|deal)\w*",
                r"(?:done|finished|through) with (?:you|your|this company|this|you guys|"
                r"[A-Z]\w+)",
                r"(?:post|posting|share|sharing|tell|telling|put|putting|report|reporting|"
                r"write|writing|leave|leaving|warn|warning|spread)(?: \w+){0,4} (?:everywhere|"
                r"on (?:twitter|x|facebook|fb|instagram|insta|tiktok|reddit|social media|"
                r"trustpilot|yelp|google|youtube|linkedin|every)|to the (?:press|media|news|"
                r"papers)|all over|everyone i know|all my friends|every review)",
                r"(?:1|one|zero|0)[- ]star (?:review|rating)",
                r"(?:bad|negative|terrible|scathing|honest) reviews?",
                r"go(?:ing)? (?:public|viral|to the press|to the media|to the papers)",
                r"contact(?:ing)? (?:the )?(?:press|media|news|watchdog)",
                r"(?:want|wanna|going|like|need) to (?:cancel|leave|quit|close (?:my|the) "
                r"account|switch)(?= ?(?:[.!,?]|$| (?:my|our|the|this|your) (?:account|subscription|"
                r"contract|membership|service|plan|broadband|sub|package|provider)| (?:providers?|"
                r"suppliers?|banks?|networks?|now|today|immediately|everything|it all)))",
                r"(?:will|'ll|going to) (?:cancel|leave|switch)",
                r"(?:lost|losing) (?:a|my|our|your) (?:\w+ )?customer",
                r"(?:lost|losing) (?:my|our) (?:business|custom)",
                r"(?:find|finding|go|going|look|looking)(?: \w+){0,2} (?:elsewhere|somewhere else)",
                r"other (?:providers|companies|banks|carriers|options) (?:\w+ ){0,3}(?:cheaper|"
                r"better|offering)",
                r"(?:please |just )?cancel (?:it |me |us )?(?:from (?:next|the end|today|now)|at the "
                r"end of|now|immediately|today)\b",
                r"(?:i|we) want out\b|\bwant out\b",
                r"(?:won't|will not|shan't|not) be (?:coming )?back\b|don't think (?:we|i)'ll be back",
                r"(?:go|going|went|writ\w+|tell\w*|contact\w*) (?:to )?(?:the )?(?:local )?(?:paper|"
                r"papers|press|newspapers?|radio)\b",
                r"(?:mov\w+|switch\w*|chang\w+|go|going|transferr\w+) (?:to )?(?:another|a different|a "
                r"new|other) (?:\w+ )?(?:provider|supplier|company|bank|agency|vet|gym|insurer|"
                r"network|host|platform|practice|firm|landlord|school|nursery)s?\b",
                r"(?:mov\w+|switch\w*|chang\w+) (?:\w+ ){0,2}(?:providers|suppliers|banks|networks)\b",
                r"(?:think\w*|consider\w*) (?:\w+ )?(?:about|of)? ?(?:leaving|switching|moving|cancel\w*)"
                r"\b(?! (?:to|over to|onto) (?:the|our|your|a|an) (?:\w+ )?(?:plan|tier|package|bundle|"
                r"deal|rate|tariff))",
                r"(?:look|looking|started looking|start looking) (?:at|for|into|around) (?:other|"
                r"alternative|another|different) \w+|(?:look|looking) at alternatives|alternatives at "
                r"renewal",
                r"(?:i|we) (?:want|wish|intend|have decided|decided|plan) to (?:leave|cancel|switch|"
                r"close|end|terminate|move)\b(?! (?:my |the |this |that |an? |our )?(?:\w+ )?(?:order|"
                r"booking|appointment|delivery|payment|item|flight|reservation|table|visit)s?\b)"
                r"(?! (?:to|over to|onto) (?:the|our|your|a|an) (?:\w+ )?(?:plan|tier|package|bundle|"
                r"deal|rate|tariff))",
                r"last (?:month|penny|pound|payment|bill) (?:of my money|you(?:'ll)? (?:get|see) from "
                r"(?:me|us))",
                r"competitors?\b",
                r"(?:my|the|our) whole (?:firm|village|street|office|family|team|group|estate|company)"
                r"(?: \w+){0,3} (?:hears?|knows?)",
                r"(?:give|giving|this is|as) (?:you )?(?:formal )?notice (?:to|that|of) (?:end|"
                r"terminat|cancel|leav|clos)\w*|(?:contract|agreement|tenancy|lease) will (?:terminate|"
                r"end) on",
                r"hand (?:it|the car|the keys) back early",
                r"find (?:another|a new|a different) (?:\w+ )?(?:provider|supplier|company|bank|"
                r"agency|vet|gym|insurer|network|host|care agency|practice)",
                r"porting code|\bpac code",
                # Going public, said many ways.
                r"(?:press|media|news|papers|newspapers?|journalists?|watchdogs?|reporters?) (?:would|will|"
                r"'d|'ll) (?:love|be (?:very )?interested|want)",
                r"(?:go|going|went) to the (?:local |national )?news\b",
                r"tagging @\w+|(?<=@)bbcwatchdog",
                r"(?:tell|telling|warn|warning|post|posting|share|sharing)(?: \w+){0,3} (?:the |our |my )?"
                r"(?:\w+ )?(?:facebook|whatsapp|neighbourhood|community|residents'?|parents'?) (?:group|"
                r"page|chat)",
                # Leaving, cancelling and not renewing, said plainly.
                r"(?:terminate|cancel|close|end|stop) (?:the lot|everything|all of it|the whole thing)",
                r"shut (?:down )?(?:my|our|the) (?:\w+ )?account|shut (?:it|(?:my|our|the) (?:\w+ )?"
                r"account) down",
                r"not renewing\b|(?:don't|do not) (?:auto-?renew|renew)\b",
                r"cancel(?:l?ing)? (?:my|our|the) (?:\w+ ){0,2}(?:auto-?renewal|renewal)",
                r"(?:delete|deleting) (?:my|our) (?:\w+ )?(?:account|profile)",
                r"(?:the|my|our) (?:\w+ )?(?:subscription|membership|contract|plan|account) goes\b",
                r"(?:not sure|doubt|don't know if|wonder if) (?:i|we)(?:'ll| will| would|'d)? (?:ever )?"
                r"(?:book|order|shop|fly|stay|use you|buy|come back|renew)(?: \w+){0,3} (?:with you|"
                r"again)",
                r"go(?:ing)? back to (?:the|my|our) (?:\w+ ){0,3}(?:down the road|round the corner|"
                r"(?:i|we) used (?:before|to use))",
                r"(?:take|taking|took|move|moving) (?:my|our) (?:pension|savings|mortgage|isa|"
                r"investments|money|business|custom) (?:\w+ )?(?:somewhere|elsewhere)",
                r"(?:got|have|had|getting) (?:a |another )?(?:quote|offer) from (?-i:[A-Z]\w+)",
                r"(?:one|a|any) (?:good )?reason to stay",
                r"(?<!\w)pacs?(?!\w)",
                r"switch\w* (?:the whole \w+|everything|all (?:of )?(?:us|it|them)|the lot|the house|"
                r"the family) (?:over )?to",
                r"consider\w* (?:a |an )?(?:different|another|new|other) (?:\w+ )?(?:provider|supplier|"
                r"company|bank|network|insurer|gym|host|platform)",
                r"(?:found|find|got) (?:a )?(?:better|cheaper) (?:deal|offer|price|provider|one)"
                r"(?: \w+)? (?:elsewhere|somewhere else)|(?:better|cheaper) (?:deal|offer|price) "
                r"elsewhere",
                r"(?:how (?:do|can|would) (?:i|we)|way to|how to) cancel(?! (?:my|the|an?|this|our|"
                r"that) (?:\w+ )?(?:order|booking|appointment|delivery|payment|flight|reservation|"
                r"table|visit|engineer|add-?on|bolt-?on|direct debit)s?\b)",
                r"to (?:a different|another|a new) (?:provider|supplier|company|bank|network|insurer)"
                r"(?= on\b| next\b| from\b| then\b| when\b|\s*[.,!?]|\s*$)",
                # Taking the custom elsewhere, said in passing.
                r"(?:book|booking|fly|flying|shop|shopping|bank|banking|travel\w*|order\w*|buy\w*) "
                r"(?:\w+ ){0,2}(?:elsewhere|somewhere else|with (?:someone|somebody) else)",
                r"(?:instead|elsewhere|else|down the road|round the corner)(?: [\w']+){0,2} from now on",
                r"(?:i'll|i will|we'll|we will|i'm going to|we're going to) (?:just )?go (?:to|with) "
                r"(?:\w+ ){1,2}(?:like|instead)\b",
                r"found (?:a |an )?(?:\w+ ){0,2}(?:deal|rate|price|offer|provider|supplier|tariff|plan) "
                r"elsewhere|(?:the )?switch (?:goes|will go|is going) through",
                r"(?:or|then) (?:i|we)(?:'ll| will)? (?:walk|leave)\b(?! (?:to|into|through|back|round|"
                r"over|and|out)\b)|(?:i'll|i will|we'll) have to go\b(?! (?:to|into|back|through|and|"
                r"in|out|and)\b)",
                # Going public: the platform named after what will be posted.
                r"(?:post|posting|put|putting|upload\w*|share|sharing)(?: [\w']+){5,12} on (?:twitter|"
                r"x|facebook|instagram|tiktok|reddit|youtube|social media|trustpilot)\b",
                r"(?:going|go|went|straight) (?:straight )?to (?:twitter|tiktok|facebook|instagram|"
                r"reddit|trustpilot|every (?:newspaper|paper|journalist|site))\b",
                r"(?:1|one)[- ]star on\b|review (?:written|posted|left)\b|(?:tell|telling) everyone\b",
                r"(?:thread|post|video|review) (?:i'm|i am|we're) (?:about to|going to) (?:write|post|"
                r"make|film|put up)",
                # Notice given, and done for good.
                r"(?:consider this|take this as|accept this(?: letter)? as|this is) (?:my|our) "
                r"(?:\w+ )?(?:days'? |weeks'? |months'? )?notice\b",
                r"(?:i'm|i am|we're|we are) (?:just|so|completely|officially|honestly) done\b(?! "
                r"with (?:the|my) (?:form|steps|reset|setup))",
                r"(?:this is|that's|it's) the end (?:for us|of the road)",
                # Cancelling asked for plainly, or weighed up.
                r"^\W*cancel (?:it|this|that|everything|mine|the lot)\b|(?:please |just )cancel "
                r"(?:mine|it)\b",
                r"take me off (?:altogether|completely|entirely)",
                r"(?:how do i|how can i|how would i) (?:actually )?leave\b|(?:i'd|i would|would i) "
                r"owe (?:to|if i) (?:leave|cancel)",
                r"(?:broadband|subscription|contract|package|plan|membership|account|sub|landline|"
                r"line) (?:has|have|will have) to go\b|let it close\b",
                r"won't need (?:the|my|it|them)(?: [\w']+){0,3} (?:after|from|any ?more)\b",
                r"can(?:'t|not) (?:keep (?:paying|it on)|justify (?:the|paying|it|keeping))",
                r"(?:i'd|i would|we'd|we would) rather (?:stay|not leave|not switch)\b|before "
                r"(?:i|we) (?:cancel|switch)\b|before (?:i|we) leave(?=\s*[,.?!]| you\b)",
                r"(?:switch|leave|go) or stay\b|stay or (?:switch|go|leave)\b",
                # Ending it, said plainly, for oneself or a relative.
                r"(?:cancel(?:l?ing)?|end|ending|terminate|close) (?:my|our|the|this|your|(?:my |our )?(?:mum|"
                r"dad|mom|mother|father|husband|wife|son|daughter|nan|gran|grandad|grandma|partner)'s) "
                r"(?:\w+ )"
                r"{0,2}(?:tenancy|lease|lessons|classes|subscription|membership|contract|policy|tuition|"
                r"allotment)s?",
                r"(?:that was|this was|that's|this is|that is) (?:my|our) (?:last|final) (?:\w+ )?(?:with|"
                r"from) (?:you|your|us)\b|neveragain",
                r"(?:trustpilot|google|tripadvisor|facebook|yelp|amazon) review (?:goes up|is going up|going "
                r"up|incoming|coming)|(?:facebook|whatsapp|village|local) group (?:is |are )?(?:getting|gets|"
                r"will get|will see|will hear)",
                r"(?:don't|do not) think (?:i|we)(?:'ll| will) be (?:renewing|staying|back|coming back|"
                r"continuing)",
                r"(?:take|taking|took) (?:the|this) (?:business|custom|account|contract) (?:elsewhere|"
                r"somewhere else)",
                r"(?:i'm|i am|we're|we are|i'll be|we'll be) (?:driving|cycling|walking|taking the car|"
                r"getting the coach)(?: [\w']+){0,2} (?:from now on|in future|from here on)",
                r"(?:gave|given|giving|handed in|served) (?:my |our |you )?(?:\w+ )?notice\b",
                r"(?:'ll|will) have to (?:cancel|leave|switch|close)\b|(?:won't|will not) be renewed|"
                r"closing (?:the|our|my) [\w']+ account",
                r"(?:and|or) the local (?:paper|press|news|radio)|(?:post|posting|share|sharing)(?: "
                r"[\w']+){0,8} on linkedin",
                r"(?:send|give|email) (?:me|us) the cancellation (?:form|link|details)|cancellation "
                r"form",
                r"my new (?:provider|supplier|network|insurer|broadband|energy company)|my new bank\b(?! "
                r"card| account| details)|(?:i've|we've|i have|we have|i|we) decided to (?:move|switch|"
                r"go elsewhere|leave|take our)\b",
                # The custom going to a rival, a rival's offer weighed up, the thread going public.
                r"(?:or|otherwise) (?:the|my|our) (?:business|custom|account|contract|money) (?:goes|is "
                r"going|will go|'ll go|moves|is moving) (?:to|elsewhere)\b",
                r"(?:goes|going|go|will go|'ll go) (?:up )?on (?:twitter|x|facebook|instagram|tiktok|reddit|"
                r"trustpilot|social media|youtube|linkedin)\b",
                r"why (?:i|we) shouldn't (?:leave|switch|go|take|move|cancel)\b",
                r"\bcancel (?:me|us)(?=\s*[.!,;]|\s*$| (?:off|out|now)\b)",
                r"(?:go|going|gone|went|move|moving|switch\w*)(?: [\w-]+){0,2} with (?:another|a different|"
                r"a new|other) (?:\w+ )?(?:provider|supplier|company|bank|network|insurer|broadband|"
                r"practice|vet|gym)s?\b",
                r"should (?:i|we) (?:be )?(?:moving|move|switching|switch|taking|take) (?:my|our|his|her) "
                r"(?:\w+ )?(?:prescriptions?|account|business|custom|savings|pension|mortgage|polic(?:y|ies))",
                r"(?:process|action|put through) (?:my|our) cancellation",
            ]
        ),
        skip_negated=True,
    ),
)

# A threat to leave that the customer takes back ("I was about to close the account,
# so glad I didn't") is not churn (§4).
_WAS_LEAVING = rx(
    r"\b(?:was|were|'d been|had been|i'd|we'd) (?:\w+ )?(?:about to|going to|ready to|thinking "
    r"(?:of|about)|planning (?:to|on)|close to|on the verge of|set to) (?:\w+ ){0,2}?(?:leav|"
    r"switch|clos|cancel|mov|quit|go)\w*|\b(?:nearly|almost) (?:went|gone|left|switched|cancell?ed|"
    r"moved|quit)\b"
)
_TAKEN_BACK = rx(
    r"\b(?:glad (?:i|we) didn't|not any ?more|(?:you've|you have) kept (?:me|us)|staying put|"
    r"(?:i'll|we'll|i will|we will) stay\b|(?:i'm|we're|i am|we are) staying\b|changed (?:my|our) "
    r"mind|(?:won't|will not) be (?:leaving|going anywhere|switching)|no longer (?:leaving|"
    r"switching|thinking)|renewing (?:for|again|with you))"
)


def churn_taken_back(analysed: str) -> bool:
    """Whether the message takes back a threat to leave it makes."""
    return bool(_TAKEN_BACK.search(analysed) and _WAS_LEAVING.search(analysed))


def find_effort(source: str, analysed: str, sents: list[Sentence]) -> list[Flag]:
    flags = run_rules(_EFFORT_RULES, source, analysed, sents)
    if any(flag.kind == "churn_risk" for flag in flags) and churn_taken_back(analysed):
        flags = [flag for flag in flags if flag.kind != "churn_risk"]
    return dedupe(flags)
