"""Pattern layers for a customer message: stakes and effort cues (CARE_RUBRIC §1, §4)."""

from __future__ import annotations

import re

from caredesk.care.results import Flag
from caredesk.care.rules import FLAGS, Rule, compile_any, run_rules, rx
from caredesk.care.textutil import Sentence, dedupe

# A stake is "in play for someone in this case": a general question with nobody in
# it ("what are your hours for flu jabs?") is not one.
_PERSONAL = rx(
    r"\b(?:i|i'm|im|i've|ive|i'd|me|my|mine|we|we're|our|us|he|she|his|her|him|they|their|"
    r"son|daughter|mum|mom|mother|dad|father|wife|husband|partner|baby|child|kids?|family|"
    r"grand\w+|brother|sister|friend|nan|gran|aunt|uncle)\b"
)
_GENERAL_QUESTION = rx(
    r"^\W*(?:do you|does your|does the|are you|is your|is the|is there|what (?:are|is) your|"
    r"what's your|which of your|how (?:long|much) (?:does|do|is))\b"
)

_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WHEN = (
    r"(?:today|tonight|tomorrow|tmrw|tmr|this (?:morning|afternoon|evening|weekend|week|"
    + _DAYS
    + r")|(?:this |next |on |by |before |until )?"
    + _DAYS
    + r"|on the \d{1,2}(?:st|nd|rd|th)?|"
    r"in (?:\d+|a|an|two|three|four|five|a few|a couple of) (?:hours?|hrs?|days?|minutes?|mins?)|"
    r"(?:on |by |before )?" + _MONTHS + r" \d{1,2}(?:st|nd|rd|th)?|"
    r"(?:on |by |before )?(?:the )?\d{1,2}(?:st|nd|rd|th) (?:of )?" + _MONTHS + r"|"
    r"next week|first thing|at \d{1,2}(?::\d\d)? ?(?:am|pm)|at noon|by noon|by end of day|by eod)"
)
_EVENT = (
    r"(?:wedding|exams?|interview|funeral|flight|surgery|operation|appointment|visa|"
    r"birthday|party|move|moving day|court date|hearing|conference|presentation|trip|"
    r"holiday|vacation|graduation|christening|concert|deadline|launch|departure|"
    r"check-?in|closing|test|ceremony|event|meeting|shift|start date|first day|proposal|"
    r"anniversary|christening|exam|move-in|completion|moving|chemo|chemotherapy|treatment|"
    r"procedure|induction|"
    r"due date|embassy|passport appointment|exam)"
)

_STAKES_RULES: tuple[Rule, ...] = (
    Rule(
        "health",
        compile_any(
            [
                r"made (?:me|him|her|them|us|my \w+|our \w+) (?:sick|ill|unwell)",
                r"(?:at|to) the vet'?s?",
                r"vet (?:bill|visit|appointment)",
                r"hospitali[sz]ed",
                r"(?:in|into|to|from|out of|at|leave|leaving|left) hospital",
                r"(?:in|into|to|from|out of|at|leave|leaving|left) (?:the )?hospital(?= (?:for|with|since|after|"
                r"because|until|overnight|today|tonight|tomorrow|all|now|and|again|last|this|next|"
                r"on|at)\b|\s*[.,!?]|\s*$)",
                r"hospital (?:stay|appointment|visit|bed|admission|discharge|treatment|letter)",
                r"(?:calls?|letters?|appointment|results?|discharge) from (?:the )?hospital",
                r"dosage",
                r"(?:my|his|her|their|mum's|mom's|dad's|son's|daughter's|wife's|husband's|"
                r"partner's|gran's|nan's) (?:tablets|pills)",
                r"deaf",
                r"blind",
                r"hard of hearing",
                r"partially sighted",
                r"dementia",
                r"alzheimer'?s",
                r"parkinson'?s",
                r"autis(?:m|tic)",
                r"multiple sclerosis",
                r"arthritis",
                r"chronic (?:pain|illness|condition)",
                r"care package",
                r"a&e",
                r"emergency room",
                r"intensive care",
                r"icu",
                r"surgery",
                r"(?:my|an|the|his|her) operation",
                r"chemo(?:therapy)?",
                r"cancer",
                r"dialysis",
                r"medications?",
                r"medicines?",
                r"meds",
                r"prescriptions?",
                r"insulin",
                r"inhaler",
                r"epi-?pen",
                r"antibiotics",
                r"(?:doctor|doctor's|doctors|gp|dentist|dental|hospital|clinic|medical|"
                r"specialist|physio|hospital|vet|scan|mri|blood test)s? (?:appointment|appt)",
                r"clinic",
                r"doctor",
                r"disab(?:led|ility|ilities)",
                r"wheelchair",
                r"hearing aids?",
                r"(?:i'm|im|i am|been|was|got|getting|feeling|fell|is|are|he's|she's) "
                r"(?:really |very |so |quite |seriously )?(?:sick|ill|unwell)(?! of| and tired)",
                r"illness",
                r"(?<!terminal\x20)diagnos(?:ed|is)",
                r"pregnan(?:t|cy)",
                r"covid",
                r"the flu",
                r"injur(?:y|ed|ies)",
                r"broke(?:n)? (?:my|his|her) (?:leg|arm|wrist|ankle|hip)",
                r"heart (?:attack|condition|surgery)",
                r"stroke",
                r"diabet(?:es|ic)",
                r"asthma",
                r"seizures?",
                r"epilep\w+",
                r"mental health",
                r"panic attacks?",
                r"allerg(?:y|ies|ic)",
                r"medical (?:device|equipment|condition|emergency|supplies|records|needs?)",
                r"oxygen",
                r"cpap",
                r"pharmacy",
                r"housebound",
                r"carer",
                r"nurse",
                r"recovering from",
                r"immunocompromised",
            ]
        ),
        excludes=None,
    ),
    Rule(
        "bereavement",
        compile_any(
            [
                r"passed away",
                r"passed on\b(?! (?:to|the|your|my|this))",
                r"(?:has|had|just|recently|he|she|they|mum|mom|dad|mother|father|husband|wife|"
                r"partner|son|daughter|brother|sister|gran|grandma|grandad|nan|aunt|uncle) passed"
                r"(?! (?:the|on to|to|it|a|an|my|our|your|this|that|through|by|over|me|us|them)\b)",
                r"died",
                r"dying",
                r"death",
                r"deceased",
                r"funeral",
                r"bereave\w*",
                r"terminal(?:ly)? ill",
                r"terminal (?:cancer|illness|diagnosis)",
                r"hospice",
                r"palliative",
                r"end of life",
                r"lost (?:my|our|his|her) (?:mum|mom|mother|dad|father|husband|wife|partner|"
                r"son|daughter|brother|sister|grandma|grandmother|grandad|grandfather|grandpa|"
                r"nan|baby|child|friend|uncle|aunt|fianc\w+)",
                r"(?:my|our|his|her) late (?:mum|mom|mother|dad|father|husband|wife|partner|"
                r"son|daughter|brother|sister|grand\w+|nan|uncle|aunt|friend)",
                r"probate",
                r"widow(?:ed|er)?",
                r"memorial",
            ]
        ),
        excludes=rx(
            r"\b(?:battery|phone|laptop|car|screen|engine|router|modem|device|tablet|console|"
            r"it|charger|fridge|bulb|hard drive|drive|pc|computer|mouse|keyboard|tv|motor)"
            r" (?:\w+ )?(?:died|dying)\b|death star|death metal"
        ),
    ),
    Rule(
        "financial",
        compile_any(
            [
                r"(?:opened|took out|taken out|applied for|set up|created|ordered)(?: \S+){0,5} in (?:my|our|his|"
                r"her) name",
                r"(?:my |the )?bank (?:has )?(?:charged|fined) (?:me|us)",
                r"(?:direct debit|payment|rent|mortgage)(?: \w+)? (?:bounced|was returned|failed)",
                r"(?:took|taken|taking|charged|debited|collected) (?:it|the payment|the money|money|me|"
                r"the direct debit)(?: \w+){0,3} (?:early|before it was due|without (?:asking|"
                r"permission|warning))",
                r"can(?:'t|not|’t) (?:buy|afford|pay for|get) (?:food|groceries|rent|bills|essentials|"
                r"nappies|formula|medicine|petrol|electricity|heating)",
                r"(?:payments?|transactions?|charges?|withdrawals?|debits?|purchases?)(?: \S+){0,6} "
                r"(?:wasn't|was not|weren't|were not|isn't) (?:me|mine|us|made by me)",
                r"(?:charged|billed|took|taken|debited) (?:me |us )?(?:\S+ )?for (?:\d+|two|three|four|"
                r"several|multiple) (?:\w+ )?instead of",
                r"instead of (?:\d|one|1)\b",
                r"(?:two|2|three|3|double|duplicate|extra) (?:bills|invoices|charges|payments|"
                r"debits)",
                r"(?:zero|£0|\$0|no|empty) balance",
                r"(?:money|things|finances|cash) (?:is|are|was|were) (?:really |very |so )?tight",
                r"(?:a |really |very )?tight (?:time|month|week|spot)",
                r"(?:bank|card|account|payment) details(?: \w+){0,4} (?:to|with) (?:someone|somebody|"
                r"a stranger|the wrong)",
                r"(?:asking|asked|demanding) (?:me )?for (?:cash|money|payment|my card)",
                r"claiming to be (?:from|a|an)",
                r"charged (?:me |us |my card )?(?:twice|two times|double|2x|three times|again "
                r"for the same)",
                r"double[- ]charged",
                r"double[- ]billed",
                r"billed (?:me )?twice",
                r"(?:duplicate|double|two identical) (?:charges?|payments?|transactions?|debits?)",
                r"taken (?:the )?(?:payment |money )?twice",
                r"paid twice",
                r"charged for (?:both|two)",
                r"unauthori[sz]ed (?:charges?|transactions?|payments?|purchases?|debits?|"
                r"withdrawals?|access|use)",
                r"fraud\w*",
                r"scam\w*",
                r"identity theft",
                r"stolen (?:card|identity|details|account)",
                r"(?:card|account|identity) (?:was |has been |got )?stolen",
                r"(?:was |been |got )hacked",
                r"someone (?:has )?(?:used|accessed|took|taken|hacked|got into) my "
                r"(?:card|account|details|money|bank)",
                r"(?:charges?|payments?|transactions?|debits?|purchases?)(?: \S+){0,4} (?:that )?"
                r"(?:i|we) (?:don't|do not|didn't|did not|dont|didnt|never) (?:recogni[sz]e|"
                r"authori[sz]e|make|made|know|order|ordered|buy|bought)",
                r"(?:took|taken|taking|charged|billed|debited) (?:me |us )?(?:£|\$|€)\d+(?:\.\d\d)?"
                r"(?: \w+){0,4} (?:after|even though|despite) (?:i |we )?(?:\w+ )?(?:cancel\w*|closed|"
                r"returned)",
                r"(?:asking|asked) (?:me )?(?:for )?(?:my )?(?:pin|password|card details|bank details|"
                r"security code|cvv)",
                r"phishing",
                r"(?:unusual|suspicious) (?:activity|transactions?|payments?|logins?|charges?)",
                r"(?:charge|payment|debit|transaction)s? (?:is|was|are|were|came) from you",
                r"(?:is|was) (?:this|that|the) (?:\S+ )?(?:charge|payment|debit|transaction) "
                r"(?:from )?(?:you|yours)",
                r"(?:refunded|returned|paid back|credited) (?:me )?(?:only )?(?:£|\$|€)\d+(?:\.\d\d)? "
                r"but (?:i|we) (?:paid|was charged|were charged)",
                r"(?:don't|do not|didn't|did not|dont|didnt) (?:recogni[sz]e|authori[sz]e) "
                r"(?:this|the|these|a|that)? ?(?:charge|payment|transaction|debit)",
                r"(?:unknown|mystery|random|strange|weird|unexpected|unexplained) "
                r"(?:charges?|payments?|transactions?|debits?)",
                r"wrong(?:ly)? (?:charged|billed|amount)",
                r"charged (?:me )?the wrong",
                r"overcharg\w+",
                r"charged (?:me |us )?(?:\$|£|€)?\d+(?:\.\d\d)? (?:instead of|more than)",
                r"(?:charged|billed|taking money|took money|debited) (?:me |us )?(?:\w+ ){0,3}"
                r"(?:after|even though|despite) (?:i |we )?(?:\w+ )?(?:cancel|closed|returned)",
                r"still (?:being )?(?:charged|billed) (?:me )?(?:after|for|even)",
                r"can(?:'t|not|t|’t) afford",
                r"overdra(?:ft|wn)",
                r"hardship",
                r"lost my job",
                r"(?:unemployed|on benefits|universal credit)",
                r"(?:that|this|it) (?:was|is) (?:my|our) (?:rent|food|grocery|bill) money",
                r"(?:my|our) (?:rent|mortgage) (?:is|was) due",
                r"struggling (?:to pay|financially|with (?:money|bills))",
                r"debt collect\w*",
                r"(?:all|only|last of) (?:the )?money (?:i|we) (?:have|had)",
                r"bank account (?:is )?(?:empty|negative|in the red)",
                r"payments? bounced",
                r"(?:took|taken|taking) (?:all )?(?:my|our) money",
                r"money (?:was |has been )?taken (?:from|out of) my (?:account|card)",
            ]
        ),
    ),
    Rule(
        "safety",
        compile_any(
            [
                r"claiming to be (?:from|a|an)",
                r"came to (?:my|our|the) (?:door|house|home|flat)",
                r"gas leak",
                r"leaking gas",
                r"(?:smell|smelling|smells|smelt|smelled) (?:of )?gas",
                r"carbon monoxide",
                r"co alarm",
                r"(?:caught|catching|caught on|on) fire",
                r"fire hazard",
                r"burst into flames",
                r"flames",
                r"smok(?:e|ing)(?! alarm test)",
                r"spark(?:s|ed|ing)",
                r"electric(?:al)? shock",
                r"electrocut\w+",
                r"exposed wir\w+",
                r"live wires?",
                r"overheat\w*",
                r"battery(?: \w+){0,4} (?:is |has |was |got )?(?:swell\w*|swollen|bulging|"
                r"expanded|puffed up|puffing)",
                r"swollen battery",
                r"(?:made|make|making) (?:\w+ ){0,2}safe",
                r"safe now",
                r"gas engineer",
                r"(?:reversed|crashed|drove|ran) into (?:my|our|the)",
                r"(?:shouted|swore|screamed|yelled) at (?:me|my|us)",
                r"(?:driver|courier|engineer|technician|delivery (?:guy|man|driver|person)|your "
                r"(?:staff|employee|agent|guy))(?: \w+){0,4} (?:keeps? |has been |kept |been )?"
                r"(?:texting|messaging|calling|following|contacting) me",
                r"live alone",
                r"explod\w*",
                r"harass\w*",
                r"stalk\w*",
                r"threat(?:en|ened|ening) (?:me|my|us|to hurt)",
                r"(?:abusive|aggressive|violent) (?:driver|courier|delivery|engineer|technician|man)",
                r"followed me",
                r"(?:unsafe|not safe|dangerous|danger)",
                r"choking hazard",
                r"vulnerable",
                r"(?:child|son|daughter|baby|kid|toddler|kids) (?:is |was |got |are |were )?"
                r"(?:locked|trapped|stuck|alone|hurt|burn\w*|chok\w*|cut)",
                r"(?:no|without) (?:heat|heating|hot water|power|electricity)\b(?=.*\b(?:elderly|"
                r"baby|newborn|disabled|oxygen|freezing|old|pensioner|sick|ill|infant|vulnerable))",
                r"flood(?:ing|ed)? (?:in |into )?(?:my|the|our) (?:house|flat|home|kitchen|"
                r"basement|ceiling|electrics)",
                r"water (?:coming|pouring|leaking) (?:\w+ ){0,3}(?:electrics|sockets?|fuse ?box|lights?)",
                r"broken (?:lock|door lock|front door)",
                r"(?:can't|cannot|can not|unable to|won't) lock (?:my|the|our)(?: \w+)? (?:door|house|"
                r"flat|home)",
                r"brakes? (?:failed|failing|not working|don't work|stopped working)",
                r"unsafe",
            ]
        ),
        excludes=rx(r"\b(?:no smoke without|smoke test|smoking deal|unsafe url)\b"),
    ),
    Rule(
        "deadline",
        compile_any(
            [
                r"(?:need|have|got) to (?:get|be) (?:to|in|at|home|there)(?: \w+){0,3} (?:today|tonight|"
                r"tomorrow|by " + _DAYS + r"|this (?:afternoon|evening|morning))",
                _EVENT + r"\b(?:[^.!?\n]{0,40}?)\b" + _WHEN + r"\b",
                _WHEN + r"(?:'s)?\b(?:[^.!?\n]{0,25}?)\b" + _EVENT + r"\b",
                r"(?:need|needs|needed|have to|must|got to|gotta|has to) (?:\w+ ){0,6}(?:by|before) "
                r"(?:tomorrow|tonight|today|" + _DAYS + r"|the \d{1,2}(?:st|nd|rd|th)?|noon|"
                r"\d{1,2} ?(?:am|pm)|end of (?:the )?(?:day|week)|" + _MONTHS + r" \d{1,2})",
                r"by tomorrow",
                r"(?:rent|mortgage|bill|payment|deposit|tax return|fees?)(?: \w+){0,2} (?:is |are )?"
                r"due (?:on |by )?(?:today|tomorrow|tonight|" + _DAYS + r"|the \d{1,2})",
                r"(?:leav(?:e|ing)|fly(?:ing)?|travel(?:l?ing)?|depart(?:ing)?) (?:\w+ ){0,3}"
                r"(?:today|tonight|tomorrow|(?:on |this |next )?" + _DAYS + r"|in (?:\d+|a few|two|"
                r"three) (?:hours|days))",
                r"deadline (?:is|of|on)",
                r"(?:runs? out|expires?|expiring) (?:on |in )?(?:today|tonight|tomorrow|"
                + _DAYS
                + r"|in \d+ days)",
            ]
        ),
        excludes=rx(r"\b(?:was due|were due|last (?:week|month)|ago)\b"),
    ),
    Rule(
        "travel",
        compile_any(
            [
                r"(?:luggage|baggage|suitcases?)(?: \w+){0,5} (?:damaged|broken|ripped|torn|smashed|"
                r"soaked|wet|missing|lost|delayed|late|never|didn't|hasn't|open(?:ed)?)",
                r"(?:flights?|train|trains|ferry|coach|trip|holiday|cruise|connection|"
                r"connecting flight|return flight|outbound flight|booking|journey)"
                r"(?: \w+){0,3} (?:was |has been |got |is |been |were |have been |had been )?"
                r"(?:cancel+ed|delayed|rescheduled|changed|moved|overbooked|diverted|bumped)",
                r"(?:cancel+ed|delayed|rescheduled|missed|diverted|overbooked) (?:my |our |the |a |"
                r"his |her )?(?:\w+ )?(?:flight|train|connection|ferry|cruise|departure)",
                r"stranded",
                r"(?:we're|we are|i'm|i am|im|currently|stuck|now) (?:at|in) the airport",
                r"cancel(?:led|ed)? (?:our|my|the) (?:holiday|trip|flight|cruise|vacation|honeymoon)",
                r"(?:luggage|baggage|suitcases?)(?: \w+){0,4} (?:sent|went|gone|ended up|"
                r"diverted) to",
                r"lost (?:my |our |the )?bags",
                r"carousel",
                r"(?:flight|train) cancell?ations?",
                r"stuck (?:at|in) (?:the )?(?:\w+ )?(?:airport|station|terminal)",
                r"(?:lost|missing|delayed|damaged|mishandled) (?:my |our |the |his |her )?"
                r"(?:luggage|baggage|suitcases?|bags? (?=.*\b(?:flight|airport|carousel|landed)))",
                r"(?:luggage|baggage|suitcases?)(?: \w+){0,3} (?:lost|missing|didn't arrive|"
                r"never arrived|hasn't arrived|damaged|delayed)",
                r"denied boarding",
                r"bumped (?:off|from) (?:my|the|our) flight",
                r"schedule change",
                r"(?:couldn't|could not|can't|cannot) (?:board|fly|get on (?:my|the) flight)",
                r"rebook(?:ed|ing)?",
                r"airline (?:cancel+ed|changed)",
            ]
        ),
    ),
    Rule(
        "legal",
        compile_any(
            [
                r"financial conduct authority",
                r"(?:report|reporting|reported|complain|complaining|complained|escalate|escalating|"
                r"take|taking)(?: \w+){0,3} to (?:the )?(?:\w+ ){0,3}(?:authority|regulator|commission|"
                r"ombudsman|watchdog|tribunal)",
                r"lawyers?",
                r"solicitors?",
                r"attorneys?",
                r"legal (?:action|advice|team|proceedings|route)",
                r"take (?:you|this|it|them|the matter) (?:to|into) court",
                r"courts?\b(?! yard)",
                r"sue\b",
                r"suing",
                r"lawsuit",
                r"small claims",
                r"ombudsman",
                r"regulators?",
                r"trading standards",
                r"fca",
                r"ofcom",
                r"ofgem",
                r"ofwat",
                r"ftc",
                r"cfpb",
                r"fcc",
                r"ico\b",
                r"attorney general",
                r"consumer (?:protection|rights|affairs|ombudsman|council)",
                r"charge ?backs?",
                r"dispute (?:the |this |it |a )?(?:charge|payment|transaction)? ?(?:with|through) "
                r"(?:my|the) (?:bank|card|credit card|card issuer|card company)",
                r"(?:formal|official) complaint",
                r"bbb",
                r"better business bureau",
                r"data protection",
                r"gdpr",
                r"subject access request",
                r"citizens advice",
            ]
        ),
    ),
)

_CONTACT_VERB = (
    r"(?:contact|call|ring|rang|phon|email|e-mail|messag|writ|wrote|chat|spoke|spoken|spoke|"
    r"tweet|dm|dm'd|dmed|reach|reached|complain|report|rais|ask|asked|been in touch|sent|send|"
    r"tell|told|explain|tried to (?:get|reach|contact|call))\w*"
)
_ORDINAL = (
    r"(?:second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|seventh|umpteenth|nth|tenth|"
    r"\d+(?:st|nd|rd|th)|hundredth|millionth)"
)
_MANY_TIMES = (
    r"(?:twice|\d+ times|(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|"
    r"numerous|countless|a few|few|so many|a million|a dozen) times)"
)

_EFFORT_RULES: tuple[Rule, ...] = (
    Rule(
        "repeat_contact",
        compile_any(
            [
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
                _CONTACT_VERB + r" (?:\w+ ){0,5}" + _MANY_TIMES,
                r"(?:contacted|called|rang|phoned|emailed|e-mailed|messaged|wrote to|written to|"
                r"chatted (?:to|with)|spoke (?:to|with)|spoken (?:to|with)|tweeted|dm'd|dmed|"
                r"reported|raised|asked|complained|reached out|been in touch|got in touch|"
                r"contacting|calling|emailing|messaging|writing|asking|chasing|tweeting)"
                r" (?:(?:to |with )?(?:you|u|your \w+|support|customer service|customer care|"
                r"the helpline|your team|your company|you guys|y'all|about (?:this|it)|this|it)"
                r" )?(?:\w+ ){0,3}(?:again|already|before(?! (?:i|you|we|it|the)\b)|last (?:week|"
                r"month|night|time)|yesterday|previously|earlier|on " + _DAYS + r"|" + _DAYS + r"|"
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
                r"(?:keep|kept) (?:calling|emailing|messaging|asking|chasing|contacting)",
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
                r"(?:me|us|it|that|different|\d)",
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
            ]
        ),
        skip_negated=False,
        # "Can I get the receipt emailed again?" asks for a resend, not a repeat contact.
        excludes=rx(r"\b(?:can|could) (?:i|you|we) (?:get|have|send|resend)\b"),
    ),
    Rule(
        "repeated_story",
        compile_any(
            [
                r"(?:had|have|having) to tell (?:every|each|all)",
                r"(?:every|each) (?:single )?(?:person|agent|one|advisor|adviser) (?:i've|i have|i|we've|we) "
                r"(?:spoken|talked|dealt|chatted|spoke)",
                r"(?:sent|submitted|emailed|posted|uploaded|faxed)(?: \S+){0,8} and again",
                r"by (?:three|two|four|\d+|several|multiple) (?:different )?(?:people|agents|advisors|"
                r"departments|staff)",
                r"(?:sent|attached|uploaded|given|provided|explained|told|submitted)(?: \S+){0,5} for "
                r"the " + _ORDINAL + r" time",
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
            ]
        ),
    ),
    Rule(
        "already_tried",
        compile_any(
            [
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
                r"(?:cancel(?:l?ing|l?ed)?|close|closing|closed|terminate|terminating|end|"
                r"ending|quit|quitting|leave|leaving|stop|stopping|drop|dropping) (?:my|our|the|this|"
                r"your) (?:\w+ )?(?:account|subscription|contract|membership|service|plan|"
                r"broadband|policy|sub|line|card|direct debit|package|prime|insurance)s?",
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
                r"(?:never|not|won't|will not|wont|no longer)(?: \w+){0,2} (?:order|buy|shop|use|"
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
            ]
        ),
        skip_negated=True,
    ),
)


_MEDIA_TOPIC = re.compile(
    r"\b(?:documentary|article|film|movie|show|book|podcast|novel|series|game|episode|"
    r"news story) (?:about|on)\b",
    FLAGS,
)


def _in_play(flag: Flag, sents: list[Sentence]) -> bool:
    from caredesk.care.textutil import sentence_at

    sent = sentence_at(sents, flag.start)
    if _MEDIA_TOPIC.search(sent.text):
        return False
    return not (_GENERAL_QUESTION.match(sent.text) and not _PERSONAL.search(sent.text))


def find_stakes(source: str, analysed: str, sents: list[Sentence]) -> list[Flag]:
    flags = [f for f in run_rules(_STAKES_RULES, source, analysed, sents) if _in_play(f, sents)]
    return dedupe(flags)


def find_effort(source: str, analysed: str, sents: list[Sentence]) -> list[Flag]:
    return dedupe(run_rules(_EFFORT_RULES, source, analysed, sents))
