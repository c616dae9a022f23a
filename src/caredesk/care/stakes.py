"""Stakes in a customer message (CARE_RUBRIC §1, §4): health, bereavement, financial,
safety, deadline, travel and legal, each flagged only when in play for this person."""

from __future__ import annotations

import re

from caredesk.care.results import Flag
from caredesk.care.rules import (
    FLAGS,
    Rule,
    alternatives,
    compile_any,
    leftmost_longest,
    run_rules,
    rx,
    spans,
)
from caredesk.care.textutil import Sentence, dedupe, make_flag, sentence_at

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

DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WHEN = (
    r"(?:today|tonight|tomorrow|tmrw|tmr|2moro|2morrow|tomoz|tonite|2nite|this (?:morning|"
    r"afternoon|evening|weekend|week|"
    + DAYS
    + r")|(?:this |next |on |by |before |until )?"
    + DAYS
    + r"|on the \d{1,2}(?:st|nd|rd|th)?|"
    r"in (?:\d+|a|an|two|three|four|five|ten|fifteen|twenty|thirty|forty|a few|a couple of) "
    r"(?:hours?|hrs?|days?|minutes?|mins?)|(?:'s |is |at )(?:half|quarter) (?:past |to )?(?:one|two|"
    r"three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|"
    r"(?:on |by |before )?" + _MONTHS + r" \d{1,2}(?:st|nd|rd|th)?|"
    r"(?:on |by |before )?(?:the )?\d{1,2}(?:st|nd|rd|th) (?:of )?" + _MONTHS + r"|"
    r"(?:on|by|before|until) \d{1,2} " + _MONTHS + r"|"
    r"(?:before|by|until|on) the \d{1,2}(?:st|nd|rd|th)|"
    r"(?:at|by|before) \d{1,2}(?:[:.]\d\d)?(?: ?(?:am|pm))?\b|"
    r"(?:before |by |at )?midnight|on (?:sat|sun|mon|tue|tues|wed|thu|thurs|fri)\b|"
    r"in (?:\d+|six|seven|eight|nine|ten|eleven|twelve) (?:days|weeks)|"
    r"(?:for|before) the \d{1,2}(?:st|nd|rd|th)|\bnoon\b|midday|(?:days?|weeks?) (?:to go|"
    r"away)|"
    r"next week|first thing|at \d{1,2}(?::\d\d)? ?(?:am|pm)|at noon|by noon|by end of day|by eod|"
    r"(?:leaves?|starts?|runs?|is|are) (?:on )?the \d{1,2}(?:st|nd|rd|th)?)"
)
_EVENT = (
    r"(?:wedding|exams?|interview|funeral|flight|surgery|operation|appointment|visa|"
    r"birthday|party|move|moving day|court date|hearing|conference|presentation|trip|"
    r"holiday|vacation|graduation|christening|concert|deadline|launch|departure|"
    r"check-?in|closing|test|ceremony|event|meeting|shift|start date|first day|proposal|"
    r"anniversary|christening|exam|move-in|completion|moving|chemo|chemotherapy|treatment|"
    r"procedure|induction|signing|exchange of contracts|"
    r"due date|embassy|passport appointment|exam|dissertation|thesis|coursework|essay|"
    r"assignment|tax (?:return|filing)|tribunal|prom|memorial|board meeting|demo|pitch|"
    r"audition|recital|performance|cruise|new job|job interview|driving test|"
    r"(?:\d+|\w+ieth)(?:st|nd|rd|th)? (?:birthday|party)|[4-9]0th|celebration|reunion|"
    r"registrar(?:'s)?|viva|(?:we|i) exchange|starts? reception|(?:my|her|his|the) finals?\b|"
    r"ferry|"
    r"honeymoon|inspection|viewing|payroll|tournament|competition|marathon|race|gig|"
    r"(?:retirement|leaving|birthday|engagement|christmas|hen|stag) do|married|movers|removals?|"
    r"check-?out|interment|school play|nativity|sports day|rent|mortgage payment|"
    r"fly out|baby(?:'s| is) due|roofers|builders|"
    r"decorators|term starts|"
    r"suppliers? (?:are |is )?due|customs|exchange contracts|(?:sale|purchase) of (?:our|my|the) "
    r"(?:house|flat|home)|move in|appeal|year[- ]end|dose|election|ballot|burial|cremation|wake|"
    r"fitting|give birth|c-section|induction|starts? (?:at )?(?:a |her |his |my |the )?(?:new )?"
    r"(?:school|job|college|uni|nursery)|submission|"
    r"discharged|discharge|mri|registry office|self-assessment|start (?:teaching|work|"
    r"my (?:new )?job|school|uni|university|college)|(?:cup|county|league|school|chess|"
    r"football|club) final)"
)

_AMOUNT_SYMBOL = r"(?:£|\$|€) ?\d[\d,.]*k?"
_AMOUNT_WORDS = r"\d[\d,.]* ?(?:pounds|quid|euros|dollars)"
_AMOUNT = rf"(?:{_AMOUNT_SYMBOL}|{_AMOUNT_WORDS})"
_CHARGED = (
    r"(?:charg(?:ed|ing)|bill(?:ed|ing)|invoiced|debited|deducted|collected|took|taken|taking|"
    r"(?:came|come|gone|went|going) (?:out|off))"
)
_CHARGE_DISPUTED = rx(
    r"\b(?:never|didn't|did not|didnt|don't recogni[sz]e|not (?:mine|me|authori[sz]ed)|wasn't|"
    r"haven't|no longer|wrong\w*|instead of|twice|double|again|why|cancel\w*|closed|free|"
    r"mistake|error|without|disput\w*|unknown|already|extra|for nothing)\b"
)
_DEADLINE_EXCLUDES = rx(r"\b(?:was due|were due|last (?:week|month)|ago)\b")

_STAKES_RULES: tuple[Rule, ...] = (
    Rule(
        "health",
        compile_any(
            [
                r"(?:care|nursing) home",
                r"incontinence",
                r"hospital (?:transport|car|bed|discharge|stay|visit)",
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
                r"immuno-?suppress\w*|transplant",
                r"crutches|walking frame|mobility (?:scooter|aid)",
                r"(?:hip|knee) (?:replacement|op|operation)|(?:knee|hip|back|heart|eye) op\b",
                r"(?:a |high |his |her |my )fever|temperature of \d+",
                r"(?:my |his |her |failing |losing my |lost my )(?:eye)?sight|sight in one eye|screen "
                r"reader",
                r"blood (?:sugar|pressure|results?|tests?)",
                r"inhalers",
                r"\bgp\b|\bgp's\b",
                r"radiotherapy|palliative",
                r"depression|depressed|anxiety disorder|ptsd|bipolar|\badhd\b|\bcopd\b|"
                r"learning difficult(?:y|ies)|dyslexi\w*|chronic fatigue|fibromyalgia|"
                r"crohn'?s|colitis",
                r"\bmri\b|(?:ct|x-?ray|ultrasound) scan",
                r"signed off (?:work|sick)|sick note",
                r"(?:had|has had|have had) (?:a |two |three |several )?falls?\b",
                # Devices, treatments and care that put a condition in play.
                r"pacemaker|defibrillator|feeding tube|stoma|colostomy|catheter|nebuli[sz]er",
                r"glucose|\bcgm\b|warfarin|anticoagula\w*|blood thinners?",
                r"(?:in|into|to) (?:a |the )?hospice|hospice (?:care|nurse|bed)",
                r"bed-?bound|bed-?ridden|can't get out of bed",
                r"ambulance|paramedics?|(?:he|she|i|man|woman|lady|dad|mum|mam|wife|husband|son|"
                r"daughter|passenger|someone|somebody) collapsed",
                r"(?:\w+'s|their) operation\b(?! (?:team|manager|centre))",
                r"hernia|appendicitis|biopsy|smear test|mammogram|vaccination appointment",
                r"(?:medical|health) (?:history|evidence|notes)|referral letter|2ww",
                r"psychiatric|respite care|care (?:assessment|agency|plan)",
                r"(?:have|has|with) ms\b|cerebral palsy|motor neuron\w*|macular",
                r"(?:my|her|his) ms (?:is|has) (?:getting|got|gone|worse|flaring)",
                r"hearing loss|(?:my|his|her) hearing(?:'s| is| has)|braille",
                r"(?:my|his|her) eyes (?:aren't|are not|are getting)",
                r"(?:statutory )?sick pay|off sick",
                r"(?:the|our|my|a|his|her) vets?\b|veterinary",
                r"dental (?:work|treatment)",
                # Conditions, medicines and recovery named in passing: "since the op", "I have
                # ME", "antidepressants", "walks with a frame", "too poorly to keep doing this".
                r"(?:since|after|before|from) (?:the|my|his|her|their|mum's|dad's) op\b",
                r"(?:i have|i've got|ive got|diagnosed with|suffer from|suffers from) (?:me|cfs|me/cfs)"
                r"(?=\s*[,.;]| and\b)|long covid|lupus|endometriosis|sickle cell|cystic fibrosis",
                r"antidepressants?|painkillers|steroids|statins|\bhrt\b|anti-?epileptics?",
                r"consultant(?:'s)? (?:secretary|letter|appointment|says|said|wants|rang|called)|(?:my|her|"
                r"his|their) (?:\w+ )?scan\b",
                r"too (?:poorly|ill|sick|unwell|weak) to\b",
                r"walks? with a (?:frame|stick|walker)|(?:can't|cannot|can not) (?:get in and out of|"
                r"manage|climb) (?:a |the )?(?:bath|stairs|steps)|accessible (?:room|toilet|bathroom|"
                r"parking|entrance)",
                r"off work (?:since|after|because of|with) (?:the|my|an?) (?:\w+ )?(?:accident|op|operation|"
                r"surgery|fall|stroke|injury|illness)",
                r"(?:asked for|ordered|requested|specified|said) (?:no|without) (?:nuts|peanuts|gluten|"
                r"dairy|eggs?|sesame)|(?:nut|peanut|gluten|dairy)[- ]free",
            ]
        ),
        # A general question about opening times puts no one's health in play.
        excludes=rx(
            r"\b(?:what time does|opening (?:hours|times)|(?:general|just a) (?:question|"
            r"reference|enquiry)|asking generally|(?:is|are) (?:the |your )?(?:\w+ ){0,3}open "
            r"(?:on |late|bank|sunday|saturday|today|tomorrow))"
        ),
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
                r"dying(?! (?:to|for|of (?:embarrassment|laughter|boredom|shame|curiosity|thirst|"
                r"hunger|cold)|here|inside|lol)\b)",
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
                # A death said plainly, and what follows one.
                r"(?:mum|mom|mam|mother|dad|father|husband|wife|partner|son|daughter|brother|"
                r"sister|gran|granny|grandma|grandmother|grandad|grandfather|grandpa|nan|nana|aunt|"
                r"uncle|cousin|niece|nephew|fianc\w*|baby|child|friend|\w+-in-law|he|she)"
                r"(?:'s| is| was) (?:now )?dead\b",
                r"(?:\w+-in-law|grandmother|grandfather|granny|mam|nana) passed\b"
                r"(?! (?:the|on to|to|it|a|an|my|our|your|his|her|their|this|that)\b)",
                r"(?:mum|mom|mam|mother|dad|father|husband|wife|partner|son|daughter|brother|"
                r"sister|gran|grandma|grandad|grandpa|nan|he|she)(?:'s|'d| is| has| had) "
                r"(?:now )?gone(?: now\b|(?=[.,;!]| and\b|$))",
                r"after (?:he|she|mum|dad|mam)(?:'d| had) gone\b",
                r"took (?:his|her|their) own life",
                r"still ?born|stillbirth|lost (?:the|our|my) baby",
                r"(?:was|were|been|had to be|having (?:him|her) be) put to sleep",
                r"(?:his|her|their|dad's|mum's|mam's|\w+'s) ashes|the ashes",
                r"buried|burial|bury (?:him|her|them|my|our)",
                r"crematorium|cremation|cremated",
                r"coroner(?:'s)?|inquest",
                r"headstone|gravestone",
                r"order of service",
                r"executor|executrix|next of kin",
                r"grant of representation|letters of administration",
                r"(?:dad|mum|mam|mom|father|mother|husband|wife|nan|gran|grandad|grandma|"
                r"brother|sister|his|her|their)'?s? estate\b|the estate of",
                r"(?:his|her|\w+'s) will (?:attached|enclosed)|copy of (?:the|his|her|\w+'s) will",
                r"(?:has|have|'s got|has got|been given|given|with) (?:only )?(?:a few |just )?"
                r"(?:days|weeks|months),? not (?:weeks|months|years)",
                r"(?:has|have|'s got|has got|with) (?:only )?(?:a few |just )?(?:days|weeks) "
                r"(?:left|to live)",
                r"(?:is|was|been|being) terminal\b|terminal (?:diagnosis|prognosis)",
                r"end[- ]of[- ]life",
                r"(?:his|her|their|mum's|dad's|mam's) (?:last|final) (?:days|weeks|hours)",
                r"(?:last|final|late|end) stages? of",
                r"(?:losing|since (?:we|i) lost|after (?:we|i) lost|we lost) (?:my |our )?(?:mum|mom|"
                r"mam|mother|dad|father|husband|wife|partner|son|daughter|brother|sister|gran|"
                r"grandma|grandad|grandpa|nan|baby)\b",
                r"griev(?:e|ing|ed)|grief",
            ]
        ),
        excludes=rx(
            r"\b(?:battery|phone|laptop|car|screen|engine|router|modem|device|tablet|console|"
            r"it|charger|fridge|bulb|hard drive|drive|pc|computer|mouse|keyboard|tv|motor|"
            r"boiler|meter|heater|shower|freezer|oven|van|signal|wifi|internet|line|patience|"
            r"hope|account)"
            r" (?:\w+ )?(?:died|dying)\b|death (?:star|metal|trap|stare)|(?:nearly|almost|"
            r"could have|could've|would have|would've) died|died (?:of|from) (?:shock|"
            r"embarrassment|laughing|laughter|boredom)|(?:passed|pass) (?:her|his|their|my) "
            r"(?:\w+ )?(?:test|exam|mot|inspection)|good grief|(?:deadline|month|date|period|weeks?|days|"
            r"time|window|limit|years?|months)(?: \w+)? (?:has |had |have )?(?:now |already )?"
            r"passed"
        ),
    ),
    Rule(
        "financial",
        compile_any(
            [
                r"fixed income",
                r"charged (?:me |us |my card )?(?:£|\$|€)[\d,.]+ (?:\w+ ){0,2}(?:twice|two times|"
                r"three times|double)",
                r"(?:charged|billed) (?:me |us )?for (?:the|my|our|this|that|one) (?:\w+ ){0,2}"
                r"(?:twice|two times|three times)",
                r"(?:account|card)(?:'s| has| is| was| got)(?: been)? (?:frozen|blocked|suspended)",
                r"(?:fallen|fell|falling|got|getting|months?|weeks?) behind (?:on|with) (?:my |the |our )?"
                r"(?:\w+ )?(?:bills?|payments?|rent|mortgage|repayments?)",
                r"(?:made|been made) redundant",
                r"(?:i'm|i am|im|we're|we are|living) on (?:a |one |my )?(?:pension|low income|"
                r"single (?:wage|income)|one (?:wage|income)|state pension|benefits)",
                r"(?:needed|need) (?:it |that |that money )?for (?:my |the |our )?(?:rent|food|"
                r"groceries|bills|mortgage|nappies)",
                r"(?:took|taken|take|charged|billed|debited) (?:me |us )?(?:£|\$|€)[\d,.]+ (?:when|but|"
                r"while|whereas) (?:my |the |our )?(?:bill|invoice|quote|price|statement|contract)",
                r"(?:£|\$|€)[\d,.]+k?(?: \w+){0,3} (?:i|we) (?:didn't|did not|never) (?:agree|sign|"
                r"consent|authori)",
                r"(?:no idea|don't know|do not know|not sure) what (?:this|that|it|these|the) "
                r"(?:\w+ )?(?:charges?|payments?|debits?|transactions?)",
                r"(?:charge|payment|debit|transaction)s? (?:from|for|of|called) (?:\S+ ){0,6}"
                r"(?:and )?(?:i|we) (?:have|'ve got|got) no idea",
                r"money (?:has )?(?:left|gone out of|come out of) (?:my|our) (?:account|card)",
                r"paid (?:£|\$|€)[\d,.]+ for nothing",
                r"can(?:'t|not) (?:pay|cover|afford) (?:£|\$|€)[\d,.]+k?",
                r"(?:froze|frozen|freezing|blocked|suspended) (?:my|our|the) (?:(?:bank|business|current|"
                r"savings|joint|company) account|(?:bank |debit |credit )?card|funds|money|wages|salary)",
                r"(?:my|our|the) (?:(?:bank|business|current|savings|joint|company) account|(?:bank |debit "
                r"|credit )?card|funds|money) (?:is |are |has been |have been |was |were |got |been )?"
                r"(?:frozen|blocked|suspended)",
                r"(?:can(?:'t|not|’t)|unable to) (?:pay|make) (?:my|our|the) (?:staff|employees|wages|"
                r"payroll|mortgage|rent)",
                r"can(?:'t|not|’t) (?:heat|keep warm|turn on the heating|afford (?:to )?heat)",
                r"can(?:'t|not|’t) (?:pay|afford) (?:my|the|our) (?:bills?|rent|heating|energy bill)",
                r"(?:come|came|gone|went|been taken|taken|debited) out (?:twice|two times|three times|\d+ "
                r"times)",
                r"charged (?:me |us |my card )?(?:\d+|three|four|five|several|multiple) times",
                r"(?:i|we) (?:didn't|did not|don't|do not|never) owe",
                r"(?:refund|money|payment)(?: \w+){0,3} (?:went|was sent|got sent|has gone|was paid) to (?:a|an|"
                r"the|my) (?:\w+ ){0,2}(?:card|account) (?:that )?(?:i|we) (?:closed|cancelled|canceled|no longer)",
                r"(?:someone|somebody|a stranger|strangers|an unknown person|people)(?: \w+){0,3} (?:using|used|"
                r"accessing|accessed|logged into|logging into|got into|getting into) my (?:\w+ )?(?:card|"
                r"account|profile|details|login|bank)",
                r"(?:bills?|charges?|invoices?|payments?)(?: \w+){0,4} (?:for|on|from) (?:an?|the|my) (?:\w+ )?"
                r"account (?:that )?(?:i|we) (?:closed|cancelled|canceled)",
                r"(?:it|that|this|which) (?:wasn't|was not|weren't|were not) (?:me|us|mine)",
                r"(?:money|£[\d,.]+|\$[\d,.]+|€[\d,.]+|funds|cash|savings)(?: \w+){0,2} (?:missing|gone|taken|"
                r"disappeared|vanished) (?:from|out of) (?:my|our)",
                r"(?:transfers?|withdrawals?)(?: \S+){0,4} (?:that )?(?:i|we) (?:never|didn't|did not) "
                r"(?:made?|authori[sz]ed?|do|did)",
                r"charged (?:me |us )?(?:a |an |the )?(?:\w+ )?fee (?:when|even though|although|but|after)",
                r"lost (?:my|our) (?:card|wallet|purse|bank card|credit card|debit card)",
                r"(?:card|wallet|purse) (?:was |has been |got )?(?:lost|stolen|nicked)",
                r"(?:opened|took out|taken out|applied for|set up|created|ordered)(?: \S+){0,5} in (?:my|our|his|"
                r"her) name",
                r"(?:my |the )?bank (?:has )?(?:charged|fined) (?:me|us)",
                r"(?:direct debit|payment|rent|mortgage)(?: \w+)? (?:bounced|was returned|failed)",
                r"(?:took|taken|taking|charged|debited|collected) (?:it|the payment|the money|money|me|"
                r"the direct debit)(?: \w+){0,3} (?:early|before it was due|without (?:asking|"
                r"permission|warning))",
                r"can(?:'t|not|’t) (?:buy|afford|pay for|get) (?:food|groceries|rent|bills|essentials|"
                r"nappies|formula|medicine|petrol|electricity|heating)",
                r"(?:payments?|transactions?|charges?|withdrawals?|debits?|purchases?)(?: \S+){0,10} "
                r"(?:wasn't|was not|weren't|were not|isn't) (?:me|mine|us|made by me)",
                r"(?:charged|billed|took|taken|debited) (?:me |us )?(?:\S+ )?for (?:\d+|two|three|four|"
                r"several|multiple) (?:\w+ )?instead of",
                r"instead of (?:\d|one|1)\b",
                r"(?:two|2|three|3|double|duplicate|extra) (?:bills|invoices|charges|payments|"
                r"debits)",
                r"(?:zero|£0|\$0|no|empty) balance",
                r"(?:money|things|finances|cash) (?:is|are|was|were) (?:really |very |so )?tight",
                # Money sent that never arrived, taken after leaving, or held back.
                r"(?:sent|paid|transferred) (?:£|\$|€)[\d,.]+k?(?: [\w'()]+){0,8} (?:hasn't|has not|"
                r"haven't|have not|never|not|hasnt) (?:yet )?(?:reached|arrived|landed|gone through|"
                r"come through|turned up)",
                r"(?:put|placed) a hold on (?:my|our) account|(?:my|our) account (?:says|shows|is "
                r"showing) '?closed",
                r"(?:take|took|taken|taking) (?:£|\$|€)?\d[\d,.]*(?: off| out of| from) (?:me|my|us|our)\b|"
                r"(?:£|\$|€)[\d,.]+ taken\b",
                r"(?:charged|billed|debited|taking money|taken money|taking payments?)(?: [\w']+){0,4} "
                r"(?:since|after) (?:i|we) (?:cancell?ed|closed|left|downgraded)",
                r"billed (?:me |us )?for (?:two|2|three|3|double)\b",
                r"someone (?:used|is using|has used|has been using) my (?:name|identity|details|card)",
                r"(?:contract|account|loan|card|agreement) (?:i|we) (?:never|didn't|did not) "
                r"(?:opened?|take out|took out|applied for|sign(?:ed)? up (?:for|to))",
                r"(?:never|didn't|did not) sign(?:ed)? up (?:to|for) (?:no |any |the |a |an )?\w+",
                r"taking (?:cash|money) out of (?:her|his|my|their|our) account",
                # Hardship: income lost or cut, a payment that cannot be made.
                r"redundan(?:cy|t)|lost (?:my|his|her|our) (?:job|income|wages)|(?:hours|wages|"
                r"pay|income) (?:were|was|have been|has been|got) cut|lost (?:a|my|two|\w+) "
                r"(?:day's|days'|week's|weeks'|month's) (?:pay|wages)",
                r"(?:can't|cannot|can not) make (?:the|my|this|our) (?:\w+ ){0,2}payment",
                r"running short|short of money|(?:no|don't have a|do not have a) cushion",
                r"universal credit|housing benefit|pension (?:payment )?(?:has )?stopped",
                r"(?:without|no) (?:card )?payments for|killing my business",
                r"(?:gone|went|has gone|have gone) bust|gone into administration",
                r"bailiffs?|debt collectors?|county court judg(?:e)?ment|\bccj\b|possession claim",
                r"(?:court|claim) (?:letter|form)(?: [\w']+){0,4} for (?:a|an|the|my) (?:\w+ )?"
                r"(?:loan|debt|contract|bill)",
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
                r"money (?:was |has been )?taken (?:from|out of) my (?:account|card)",
                # Wrong charges: a fee or a bill the customer disputes.
                r"why (?:am i|was i|have i been|are we|were we|have we been|is my \w+) (?:being )?"
                r"(?:charged|billed|paying for)",
                r"(?:don't|do not|dont) (?:understand|get) why (?:there's|there is|i'm|i am|i was|"
                r"we're|we were|i've been)(?: \S+){0,3} (?:charged|billed|fee|charge)",
                r"(?:£|\$|€)[\d,.]+(?: \S+){0,6} (?:i|we) (?:cancel\w*|switched off|turned off|"
                r"stopped|closed|never (?:ordered|signed up|agreed|took out|asked for|used))",
                r"(?:charged|billed|invoiced|took|taken|debited)(?: \S+){0,4} for (?:a |an |the )?"
                r"(?:\w+ )?(?:subscription|renewal|order|package|service|plan|insurance|policy|seats?)"
                r"(?: \S+){0,2} (?:i|we) (?:cancel\w*|switched off|never|didn't|did not)",
                r"(?:charged|billed) (?:\w+ ){0,3}for (?:a |an |the )?(?:cancelled|canceled|"
                r"returned) (?:order|booking|flight|item|subscription|account)",
                r"(?:never|not) (?:had|opened|held) an account with you",
                r"added (?:\w+ ){0,5}without (?:my|our) (?:say-?so|consent|permission|knowledge|"
                r"agreement)",
                r"(?:bill|invoice|charge) (?:of |for )(?:£|\$|€)\d{1,3}(?:,\d{3})+",
                r"(?:took|taken|charged|debited|billed)(?: \S+){0,3} (?:by mistake|in error|by error)",
                r"(?:your|a|the) (?:billing|payment) (?:error|mistake)",
                # Hardship and debt.
                r"(?:fallen|fell|falling|got|getting|months?|weeks?|i'm|i am|we're|we are) behind "
                r"(?:on|with)",
                r"(?:i'm|i am|we're|we are|been|fallen|fell|got|get|getting|now|still) (?:\w+ )?"
                r"(?:in|into) arrears",
                r"payment (?:plan|holiday|break)",
                r"pause (?:my |our |the )?(?:re)?payments",
                r"can(?:'t|not|’t) (?:pay|afford)(?: \w+){0,2} (?:more|the full)",
                r"choose between (?:\S+ ){1,3}and (?:heating|eating|food|rent|the heating)",
                r"late (?:payment )?fees",
                r"(?:on|damaged|hurt|ruined|wrecked|affected|marked) (?:my |our )?credit "
                r"(?:file|record|rating|score)|credit (?:reference )?agencies",
                r"left (?:me|us) (?:£|\$|€)?[\d,.]+ short",
                r"no (?:other )?way to pay for",
                r"(?:locked out of|can(?:'t|not|’t) (?:access|get to|touch)|no access to) (?:my|our) "
                r"(?:own )?(?:money|funds|savings|wages|salary)",
                r"(?:rent|mortgage) (?:is |was )?(?:due|leaves)",
                # Fraud and scams.
                r"fake (?:website|site|text|email|call|caller|page|app|invoice|bank)",
                r"safe account",
                r"(?:tricked|conned|duped|pressured) (?:into|me|him|her|them|us)",
                r"skimm(?:ed|er|ing)",
                r"(?:buy|bought|pay (?:in|with)|paid (?:in|with)|pay for) (?:\w+ )?gift cards",
                r"rogue (?:trader|builder|seller|company)",
                r"(?:an? )?account (?:i|we) (?:don't|do not|didn't|did not|dont) recogni[sz]e",
                r"balance (?:as |is |shows? |showing |of )?(?:£|\$|€)?0(?:\.00)?\b",
                r"(?:i've|i have|we've|we have) never heard of (?:them|it|this|that|the company)",
                r"(?:£|\$|€)[\d,.]+ instead of (?:the )?(?:£|\$|€)[\d,.]+",
                r"(?:carried on|kept|keep|keeps|still|continued?|continues) (?:on )?(?:taking|charging|"
                r"billing|debiting)(?! (?:me|us) back)",
                r"(?:account|card) (?:is |was |has been |got )?(?:restricted|compromised)",
                r"(?:no way|not going to be able|won't be able|don't know how|do not know how) "
                r"(?:i'm |i am |we're |we are |i'll |we'll )?(?:going to |be able to )?(?:be able )?"
                r"(?:to )?pay",
                r"repossess\w*|evict(?:ed|ion)",
                r"(?:£|\$|€)[\d,.]+ (?:has |have |is )?(?:just )?gone\b",
                r"fake (?:builder|tickets?|seller|payee|trader|landlord)|(?:tickets|it) (?:were|was) "
                r"fake",
                r"new payee|payee (?:i|we) (?:didn't|did not|don't|do not)",
                r"disputed (?:charge|payment|transaction|debit|bill)",
                r"took (?:the )?(?:money|payment) twice",
                r"pretending to be (?:from|a|an|your)",
                # Income lost or cut, and nothing left to pay with.
                r"(?:lost|losing|lose) (?:my|his|her|their|our) (?:job|jobs|income|work)",
                r"(?:hours|shifts|wages|pay|income) (?:at work )?(?:\w+ )?(?:were|was|have been|has been|"
                r"got|being|been) (?:cut|reduced|stopped)",
                r"(?:cut|reduced|dropped) to \d+ (?:hours|a week|an hour)",
                r"on (?:one|a single) (?:wage|income|salary)",
                r"(?:i|we) (?:only )?(?:have|'ve got|got) (?:£|\$|€)\d+ (?:left|in (?:the|my|our) "
                r"(?:bank|account)|to (?:last|survive|live on))",
                r"(?:i|we) (?:have|'ve got|got) no (?:more )?money",
                r"(?:don't|do not|dont) have (?:that kind of|that much|any|the) money",
                r"(?:can(?:'t|not|’t)|unable to) (?:make|meet|keep up) (?:the |my |our |this )?(?:full )?"
                r"(?:\w+ )?(?:re)?payments?",
                r"which bills? to (?:skip|leave|miss|not pay)",
                # Money held back when it is needed.
                r"(?:payments?|wages|salary|money|funds|pension|benefits?)(?: \w+){0,2} (?:is |are |was |"
                r"were |has been |have been )?(?:on hold|held|stuck|withheld)\b",
                r"(?:won't|will not|refus\w+ to|still (?:hasn't|has not|won't)) release (?:the |my |our |"
                r"his |her )?(?:money|funds|payment|deposit)",
                r"(?:hasn't|has not|haven't|have not|nothing has) (?:been )?settled",
                # Tricked out of money or card details.
                r"(?:fell|fallen|falling) for (?:a|an|the|their|this) (?:scam|con|fake|trick|phishing|"
                r"bogus|dodgy|cloned)\w*",
                r"(?:email|text|message|site|website|page|call) (?:that )?(?:looked|seemed|sounded) "
                r"(?:just |exactly )?like (?:yours|you|it was from|the real)",
                r"(?:typed|entered|put|gave|read out|handed over) (?:in )?(?:my|his|her|our|their) "
                r"(?:\w+ )?(?:card|bank|account|security) (?:details|number|code|pin)",
                r"gave (?:him|her|them|it) (?:my|his|her|their) (?:bank )?card",
                r"(?:purse|wallet|card|cards) (?:was|were) gone",
                r"talked (?:him|her|me|them|us) into",
                r"(?:sent|paid|transferred) (?:£|\$|€)?[\d,.]+k? to (?:the |a )?(?:wrong|new|fake|different) "
                r"(?:sort code|account|payee|bank details|person)",
                # Taken more than once, or not by the customer at all.
                r"(?:two|three|four|five|six|\d+) (?:more )?(?:(?:£|\$|€) ?[\d,.]+ )?(?:payments|charges|"
                r"debits|direct debits|deductions|transactions) (?:to|from|have|on|out|went|gone|taken)\b",
                r"(?:payment|charge|debit|direct debit|transaction|(?:£|\$|€) ?[\d,.]+)(?: [\w'-]+){0,2} "
                r"(?:shows?|showing|appears?|appearing|came out|gone out|went out) twice\b|(?:taken|took|"
                r"paid|charged|debited|billed)(?: (?:me|us|my|our|the|it|you|for|from))?(?: "
                r"[\w£$€.,'-]+){0,3} twice\b",
                r"never (?:authori[sz]ed|signed up (?:for|to)|agreed to)\b|made none of (?:those|these|"
                r"them)|(?:haven't|have not|didn't|did not) (?:bought|buy|purchased|ordered) anything",
                r"(?:£|\$|€) ?[\d,.]+k? (?:charge|payment|debit|fee)s? (?:from you )?every (?:week|day|"
                r"month)",
                r"(?:(?:£|\$|€) ?[\d,.]+|payments?|charges?|debits?|transactions?|fees?)(?: [\w'-]+){0,6} "
                r"on (?:my|our) (?:bank |card |credit card )?statements?\b",
                # Money the customer cannot do without.
                r"(?:is|was|that's|that was|it's|it was) (?:my|our|his|her|the) (?:food|shopping|heating|"
                r"gas|electric|nursery|funeral|christmas|school|bills?|rent|petrol|grocery|weekly) (?:money|"
                r"budget|fund)",
                r"(?:is|was|that's|that was|it's|it was) (?:my|our|his|her) (?:rent|pension|wages|salary|"
                r"benefits|savings|mortgage payment|universal credit)(?! (?:provider|company|scheme|"
                r"statement|number|letter|pot|fund)\b)",
                r"(?:can't|cannot|can not) cover (?:both|"
                r"it|that|the rent|them)\b|(?:don't|do not|didn't|did not) have (?:this|that|the|that "
                r"kind of|this kind of) money|(?:£|\$|€) ?[\d,.]+k? (?:i|we) (?:didn't|don't|did not|do "
                r"not) have|wiped out (?:my|our) (?:\w+ )?(?:food|shop|budget|savings|account|money|"
                r"balance)",
                # Money frozen, held or out of reach.
                r"(?:frozen|froze|freeze|unfrozen|unfreeze) (?:my|our|the) (?:\w+ )?(?:account|card|"
                r"funds|money|payout|wages|savings)|(?:account|card|funds|money) (?:isn't|is not|hasn't "
                r"been|has been|is|was|been|gets|got) (?:un)?frozen",
                r"card(?:'s| has| was|'s been| has been| got) (?:been )?(?:declined|rejected|swallowed|"
                r"retained)|(?:swallowed|retained|ate|kept) my (?:\w+ )?card",
                r"(?:went|gone|sent|paid|transferred) to the wrong (?:account|payee|person|iban)",
                r"(?:fake|bogus|scam|fraudulent) (?:solicitor|caller|text|email|website|seller|bank|"
                r"number|invoice|payee)|what i thought was (?:my|the|a|an|our)\b",
                r"(?:put|put up|increased|raised|upped|doubled) (?:my|our) (?:monthly )?(?:direct "
                r"debit|dd|monthly payment)",
                r"(?:moved|taken|took|transferred|withdrew|withdrawn) (?:£|\$|€) ?[\d,.]+k? (?:out|"
                r"from)\b|(?:taken out|opened|applied for) (?:a |an )?(?:\w+ )?(?:card|loan|account|"
                r"phone contract|credit)(?: with you)? (?:using|in) my name",
                r"(?:£|\$|€) ?[\d,.]+k? (?:she|he|they) (?:doesn't|don't|didn't|does not|do not) "
                r"have|food ?banks?\b|(?:my|our) arrears|in arrears|(?:froze|frozen|freeze) the arrears|(?:money|cash|funds|savings) (?:has |have )?run "
                r"out|run out of (?:money|cash)",
                r"nobody (?:told|mentioned|warned) (?:me|us) (?:about )?(?:any|the|a|this) (?:\w+ )?"
                r"(?:fee|charge)",
                r"charg(?:e|ed|ing) (?:me|us) for (?:[\w'-]+ ){1,5}(?:i|we) (?:never|didn't|did not) "
                r"(?:ask(?:ed)? for|order(?:ed)?|want(?:ed)?)",
                r"(?:says|claims?|saying|claiming) (?:i|we) owe (?:£|\$|€)",
                # Charges questioned or taken by someone else: "why is there a £600 payment on my
                # card?", "someone has bought £200 of credit on my card", "my details had been taken".
                r"why (?:is|are) there (?:a |an |two |these |this |that )?(?:\S+ ){0,2}(?:payments?|"
                r"charges?|debits?|transactions?|fees?|direct debits?)\b",
                r"(?:someone|somebody|a stranger|strangers)(?: [\w']+){0,2} (?:has |have |had )?(?:bought|"
                r"spent|ordered|paid for|withdrawn|made)(?: \S+){0,6} (?:on|with|from|using) (?:my|our|his|"
                r"her|their) (?:\w+ )?(?:card|account)",
                r"(?:my|our|his|her|their|card|bank|account) details (?:had been|have been|has been|were|"
                r"was|got) (?:taken|stolen|compromised|cloned|leaked|used)",
                r"(?:odd|dodgy|funny|suspect) (?:payments?|charges?|transactions?|debits?)",
                r"(?:direct debit|standing order|subscription|payment)s?(?: [\w'-]+){0,6} (?:i|we|she|he) "
                r"(?:never|didn't|did not) (?:set up|agreed? to|authori[sz]ed?|asked for)",
                r"stop (?:taking|charging|billing|debiting)(?: (?:money|payments?))?(?: (?:off|from|out "
                r"of))? (?:me|her|him|us|them|my|our|his|their)\b",
                # Wrong charges: a fee on top, a bill that does not match the quote, a payment
                # that jumped or went out twice.
                r"(?:added|applied|put|slapped|charged) (?:me |us )?(?:a |an |the )?(?:\w+ )?(?:fee|charge|"
                r"penalty) (?:on )?(?:when|even though|although|though|but|after|despite)\b",
                r"(?:taken|charged|billed|took) (?:me |us )?(?:for )?(?:both )?the \w+ fee and the \w+ fee",
                r"(?:quote|quoted|estimate|price) (?:says|said|was|of) (?:£|\$|€) ?[\d,.]+(?: \S+){0,3} "
                r"(?:invoice|bill|charge) (?:says|was|is|came to) (?:£|\$|€) ?\d[\d,.]*",
                r"(?:direct debit|dd|monthly payment|bill|premium)s?(?: \w+){0,2} (?:has |have )?(?:gone|"
                r"jumped|shot|risen|increased|gone up) (?:up )?from (?:£|\$|€) ?[\d,.]+ to (?:£|\$|€) ?\d[\d,.]*",
                r"(?:did|have) (?:i|we) (?:just )?pa(?:y|id) twice",
                # Hardship: a payment that cannot be made, money that was needed.
                r"(?:not|won't|will not|n't) be able to (?:make|meet|pay|afford|cover) (?:this|my|the|our|"
                r"next|that) (?:\w+ )?(?:month's |week's )?(?:\w+ )?(?:re)?payments?",
                r"(?:i'm|i am|im|we're|we are|she's|he's|she is|he is) (?:a |on a |only on a )?"
                r"pensioners?\b",
                r"(?:£|\$|€) ?[\d,.]+k? (?:i|we) (?:really )?(?:needed|need|couldn't spare|can't spare|"
                r"can't afford to lose)\b",
                r"arrears (?:be|to be) (?:spread|split|paid)",
            ]
        ),
    ),
    Rule(
        "safety",
        compile_any(
            [
                r"gas (?:\w+ ){0,3}(?:hiss\w*|smell\w*|leak\w*)",
                r"hissing",
                r"(?:car seat|child seat|booster seat|cot|crib|pram|buggy|stroller|stair gate|high ?chair)"
                r"(?: \w+){0,5} (?:crack|broke|broken|faulty|snapp|loose|fail|collaps)\w*",
                r"(?:crack|broke|broken|snapp|faulty)\w* (?:\w+ )?(?:buckle|strap|harness|brake)s?",
                r"(?:dialysis|oxygen|ventilator|medical equipment|newborn|baby|elderly|disabled)(?: \S+){0,10} "
                r"(?:no|without|lose|losing|lost|cut off) (?:power|electricity|heating|heat|hot water)",
                r"(?:smell|smells|smelling|smelt|smelled)(?: of)? (?:something )?burning",
                r"burning smell",
                r"hard shoulder",
                r"(?:side of the|middle of the) (?:road|motorway|highway)",
                r"(?:nut|peanut|gluten|dairy|egg|shellfish|sesame) (?:allergy|allergic)",
                r"anaphyla\w+",
                r"claiming to be (?:from|a|an)",
                r"came to (?:my|our|the) (?:door|house|home|flat)",
                r"gas leak",
                r"(?:sending|sent|send|making|made|received|receiving|getting|get) (?:me |us |her |him "
                r"|them |my \w+ )?(?:death |violent )?threats",
                r"restraining order|protective order|non-molestation",
                r"(?:scared|afraid|frightened|terrified) for (?:my|our|her|his|their) (?:life|lives|"
                r"safety)",
                r"(?:they|he|she) (?:know|knows) where (?:i|we|she|he) (?:live|lives)",
                r"(?:don't|do not|doesn't|does not|no longer|not|never) (?:\w+ )?feel(?:s)? safe",
                r"nearly (?:got |been )?(?:hit|killed|crashed|went under|fell|run over|electrocuted|"
                r"drowned|choked)",
                r"(?:driver|he|she|courier|cabbie) (?:was |is |seemed |seems )?(?:clearly |obviously |"
                r"visibly )?(?:drunk|high|intoxicated)",
                r"break-?in|broken into|burglar\w*|intruders?",
                r"(?:asking|asked|asks) (?:them|her|him|my (?:son|daughter|child|kids?)|kids|children) "
                r"for (?:photos|pictures|pics|images)",
                r"(?:been |keeps |kept |is )?following (?:me|her|him|us)",
                r"(?:inside|in the car|in the house|at home) on (?:her|his|their) own",
                r"(?:sos|emergency|panic) (?:alert|alarm|button)",
                r"(?:power|electricity|heating|gas)(?:'s| has| is| was)? (?:been )?(?:off|out|down|cut)"
                r"(?: \S+){0,12} (?:oxygen|dialysis|ventilator|newborn|elderly|disabled)",
                r"leaking gas",
                r"(?:smell|smelling|smells|smelt|smelled) (?:of )?gas",
                r"carbon monoxide",
                r"co alarm",
                r"(?:caught|catching|caught on|on) fire",
                r"fire hazard",
                r"burst into flames",
                r"flames",
                r"(?<!no\x20)smok(?:e|ing)(?! alarm| detector)",
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
                r"(?:live|lives|living) (?:on (?:her|his|their) own|alone)",
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
                r"baby|newborn|disabled|oxygen|freezing|old|pensioner|sick|ill|infant|vulnerable|dialysis|"
                r"ventilator|medical|equipment))",
                r"flood(?:ing|ed)? (?:in |into )?(?:my|the|our) (?:house|flat|home|kitchen|"
                r"basement|ceiling|electrics)",
                r"water (?:coming|pouring|leaking) (?:\w+ ){0,3}(?:electrics|sockets?|fuse ?box|lights?)",
                r"broken (?:lock|door lock|front door)",
                r"(?:can't|cannot|can not|unable to|won't) lock (?:my|the|our)(?: \w+)? (?:door|house|"
                r"flat|home)",
                r"brakes? (?:failed|failing|not working|don't work|stopped working)",
                r"unsafe",
                # A vulnerable person exposed: dementia, a learning disability, a child alone.
                r"(?:dementia|alzheimer'?s|learning disabilit(?:y|ies))(?: \S+){0,14} (?:sold|signed|"
                r"scam\w*|trick\w*|persuaded|talked into|doorstep|wander\w*|let (?:them|him|her) in|"
                r"scared|frightened|shout\w*|gift cards|messages|alone|missing)",
                r"(?:sold|signed up|talked into|persuaded)(?: \S+){0,10} (?:dementia|alzheimer'?s)",
                r"(?:wandered|wanders) (?:out|off)|(?:gone|went) missing",
                r"(?:bullied|bullying|groom(?:ed|ing))",
                r"(?:my|her|his) ex(?:-\w+| partner| husband| wife| boyfriend| girlfriend)?\b"
                r"(?: \S+){0,6} (?:turned up|turns up|keeps|kept|find|found|following|logged in|"
                r"tracking|ringing|calling|messag\w+|threaten\w*)",
                r"(?:tracking|track|stalking) (?:me|my (?:location|phone|movements|car))",
                r"(?:see|seen|share|shared|sharing) my (?:live )?location|location (?:was |is |has been )?"
                r"shared",
                r"(?:fell|fall|fallen) (?:in|into|down|off) "
                r"(?:it|the|a|that)|for (?:someone|somebody|a child|him|her) to fall",
                r"(?:live|fallen|hanging|exposed|loose|dangling) (?:\w+ )?(?:cables?|wires?|railings?|"
                r"manhole(?: cover)?|banisters?|handrails?|balcony)",
                r"anyone can (?:get|walk|come) in",
                r"(?:scared|afraid|frightened|terrified|nervous) (?:to walk|walking|to go out|going out|"
                r"to leave|to open the door|coming home)",
                r"feels? (?:so )?safer|feel safe (?:again|coming|walking|going|at home)",
                r"stuck (?:in|on) (?:the|a) (?:lift|elevator|stairlift)|(?:lift|stairlift|elevator)"
                r"(?: \S+){0,4} with (?:him|her|me|them|my \w+) (?:on|in) it",
                r"water (?:is |was |keeps )?(?:coming|pouring|leaking|dripping) (?:through|into|onto|"
                r"out of) (?:\w+ ){0,2}(?:lights?|electrics|sockets?|fuse ?box|ceiling)",
                r"(?:grabbed|hit|punched|pushed|shoved|assaulted|attacked|slapped) (?:me|my|her|him)\b",
                r"assault\w*",
                r"(?:shout|swear|scream|yell|swor)(?:ed|ing|s|e)? at (?:me|my|us|her|him|them)\b",
                r"threatening (?:messages|texts|calls|emails|behaviou?r|letters)",
                r"fake (?:profile|account)s? (?:with|using) (?:my|her|his)|impersonat\w+",
                r"(?:didn't|did not|without|wouldn't|would not) (?:show|showing) (?:any )?(?:id|"
                r"identification)",
                r"travel?ling alone|(?:a woman|on my own) (?:at night|alone)",
                r"followed (?:my|our) (?:\S+ ){0,2}(?:son|daughter|child|kid|wife|husband|mum|mom|"
                r"dad|girl|boy)",
                r"(?:car seat|child seat|booster seat)(?: \w+){0,4} missing",
                r"mou?ld(?: \S+){0,12} (?:asthma\w*|lungs|breathing|newborn|baby)",
                r"is it live\?",
                r"(?:touch|touching|touched|groped|groping) (?:my|her|his) (?:leg|arm|body|knee|back|"
                r"bum|chest|hair|face|daughter|son|child|kid)|(?:touching|groping) (?:me|her|him)\b|"
                r"(?:filming|filmed|photographing) (?:my|her|him|me|children|kids)\b",
                r"hurt (?:herself|himself|themselves|myself)|self-?harm\w*|suicid\w*",
                r"(?:shows?|showing|reveal\w*|shared|sharing|leak\w*|gave out|given out) my "
                r"(?:exact |full )?(?:home )?address",
                r"knows? where (?:\w+ ){0,2}(?:live|lives)",
                r"(?:railing|banister|handrail|balcony|stair rods?|stair carpet|steps?)s?(?: \w+){0,4} "
                r"(?:is |are |was |were |feels? )?loose",
                r"missing (?:drain|manhole|inspection) cover|(?:drain|manhole) cover (?:is )?missing",
                r"(?:bit|bitten) (?:my|me|her|him)\b",
                r"brakes? (?:feel |are |is |feels )?(?:really )?(?:spongy|soft|grinding|gone)",
                r"(?:car seat|child seat|booster seat)(?: \w+){0,4} (?:loose|not fitted|wasn't fitted|"
                r"unfitted|not secured)",
                r"death ?trap|near miss(?:es)?",
                r"(?:smoke|fire|co|carbon monoxide) alarms?(?: \w+){0,4} (?:removed|missing|taken "
                r"(?:down|away)|not working|never put back|disconnected)",
                r"(?:street ?lights?|lighting)(?: \w+){0,6} (?:out|broken|not working)(?: \S+){0,15} "
                r"(?:dark|night|scared|walk\w*|alone|safe)|pitch black",
                r"neglect(?:ed|ing)",
                r"nearly (?:slipped|stepped out|fell|fallen|tripped)",
                r"fire (?:exit|door)s?(?: \w+){0,4} (?:padlocked|locked|blocked|chained)",
                r"power (?:line|cable)s?(?: \w+){0,4} (?:down|hanging|fallen)|(?:down|hanging|fallen)"
                r" (?:\w+ ){0,3}power (?:line|cable)",
                r"(?:on (?:his|her|their) phone|texting) (?:while|whilst) driving",
                r"(?:hypodermic )?needles? in|syringes?|hypodermic",
                r"contaminat\w+|(?:water|tap)(?: \w+){0,4} smells? (?:of|like) (?:petrol|diesel|"
                r"chemicals|sewage|bleach|gas)",
                r"(?:lift|elevator)(?: \w+){0,4} (?:dropped|plummet\w*|fell)",
                # A child or someone alone put at risk; fittings that can fall or let someone fall.
                r"(?:adult|man|stranger|someone|somebody|guy|older man|grown man) (?:has been|is|was|keeps|"
                r"kept) (?:messaging|contacting|following|texting|harassing|threatening|stalking|"
                r"grooming)",
                r"(?:lift shaft|shaft door|balcony|railing|banister|bannister|window|stair rail|handrail|"
                r"stair gate)(?: [\w'-]+){0,4} (?:loose|wobbly|hanging|(?:left |wide )?open|came off|come "
                r"off|fallen|falling|collapsed|gave way|unsecured)|(?:front|back) door (?:wide )?open\b",
                r"(?:a )?(?:woman|girl|female) (?:on my own|alone|travelling alone)|unlit (?:lane|road|"
                r"street|car park|path)|told (?:me|us|her) to get out",
                r"(?:smoke|fire|carbon monoxide|co) alarm(?:'s| is| has been| keeps| was)? (?:going "
                r"off|going|beeping|sounding|ringing)",
                r"\d+ degrees in (?:the|my|our) (?:baby's|kids'|children's|son's|daughter's|nursery)",
                r"(?:scared|frightened|terrified|afraid) for (?:my|our) (?:daughter|son|child|kids|"
                r"children|safety|life|lives|family)|(?:shouting|screaming|swearing) at (?:the|my|our) "
                r"(?:kids|children|daughter|son)",
                r"injur(?:y|ies|ed)(?: [\w'-]+){0,4} (?:sustained|suffered)|(?:sustained|suffered) (?:\w+ "
                r")?injur",
                # Strangers with access, intruders, things that hurt or may hurt now.
                r"(?:gave|given|handed|passed) (?:my |our |her |his |the )?(?:keys|gate code|door code|"
                r"access code|alarm code) to (?:a stranger|someone|a parent|a man|a woman)",
                r"(?:parked|sitting|waiting|standing) outside (?:my|our) (?:house|flat|home)(?: "
                r"[\w']+){0,5} (?:watching|every night)|just watching",
                r"tried the (?:handle|door)|(?:someone|somebody)(?:'s| has) been in (?:my|our) (?:flat|"
                r"house|home|room)|(?:lock|door)(?: app)? (?:says|shows|showing) .?unlocked|lock log "
                r"shows",
                r"hit (?:her|his|my|their) head|(?:was|were|got) thrown (?:forward|off|over|out)",
                r"(?:is|are) (?:the|my|our|this) \w+ (?:still )?safe to (?:drink|use|sleep|eat)|(?:is|"
                r"are) (?:my|our|the) (?:baby|child|kids|"
                r"children|son|daughter) safe|(?:being|been|was|were|you've) recalled|recall notice",
                r"(?:water|tap water)(?:'s)?(?: \w+){0,3} (?:brown|discoloured|discolored|cloudy)",
                r"ceiling (?:is )?(?:bulging|sagging|collapsing|coming down)|only way (?:of|to) "
                r"(?:call|calling|get|getting) (?:for )?help|safeguarding concerns?",
                r"(?:anyone|anybody|strangers?) can (?:walk|get|come) (?:in|into)",
                r"(?:asking|asked) (?:her|him) out|(?:got|has|had) (?:her|his) number from",
                # Staff who will not leave a customer alone.
                r"(?:asking|asked|ask) (?:me|her|him) out\b|how did (?:he|she|they|your \w+) (?:get|got|find) "
                r"(?:my|her|his) (?:number|address|details)",
                r"(?:driver|rider|courier|engineer|fitter|installer|plumber|electrician|technician|"
                r"workman|builder)(?: \w+){0,4} (?:has |had |keeps |kept |been )?(?:texted|messaged|rung|"
                r"called|phoned) (?:me|her|him)(?: \S+){0,3} (?:since|after|times|again|at night)",
                # Someone trapped, a home left open, a child near a danger.
                r"(?:lift|stairlift|elevator)(?: \w+){0,3} (?:jammed|stuck|stopped|broke down)(?: [\w']+){0,4} "
                r"(?:with|while) (?:my|her|his|our|a|someone|somebody)\b",
                r"(?:stuck|trapped) (?:upstairs|downstairs|in (?:the|a) lift|between floors)",
                r"(?:front|back|balcony|patio|main|external|entrance|communal|garage) doors?(?: \w+){0,3} "
                r"(?:won't|will not|doesn't|does not|can't|cannot) (?:lock|shut|close|be locked)\b|"
                r"(?:doors?|windows?)(?: \w+){0,3} (?:won't|will not|doesn't|does not|can't|cannot) (?:lock|"
                r"be locked)\b",
                r"(?:stair gate|safety gate|cot|car seat|fireguard|window lock)(?: \S+){0,6} (?:never|not|"
                r"wasn't|hasn't been|was never) (?:put back|refitted|re-?fitted|fitted|replaced|reinstalled)",
                r"(?:milk|soya?|wheat|fish) allerg(?:y|ic)",
                r"water(?: \S+){0,5} (?:sockets?|fuse ?box|wiring|electrics|light fittings?)",
                r"(?:nebuli[sz]er|oxygen|ventilator|dialysis|cpap|stairlift|hoist)(?: [\w']+){0,2} (?:needs|"
                r"need|runs on|relies on) (?:power|electricity)",
                r"(?:freezing|no (?:heating|heat|power|electricity)|without (?:heating|heat|power))"
                r"(?: \S+){0,8} (?:newborn|new-born|baby|oxygen|nebuli[sz]er|dialysis|ventilator)\b",
                r"(?:brakes?|steering)(?: \w+){0,3} (?:failed|gave out|locked|not working|faulty)|(?:every "
                r"time|whenever|when) (?:i|we) brak\w+",
                r"(?:son|daughter|child|kid|boy|girl)(?: \S+){0,6} (?:put|thrown|kicked|made to get) off "
                r"(?:the|a) (?:bus|train|tram|coach)",
                r"trip hazard|tripped (?:on|over)|caught (?:her|his|my|their) foot",
            ]
        ),
        excludes=rx(r"\b(?:no smoke without|smoke test|smoking deal|unsafe url)\b"),
    ),
    # Someone frail or very young left without what keeps them safe: heat, power, a carer,
    # a working phone (§1 "a vulnerable person at risk"). The person is named in the sentence.
    Rule(
        "safety",
        compile_any(
            [
                r"no (?:heating|heat|power|electricity|electric|phone line|way to call)\b",
                r"(?:power|supply|electricity|heating) (?:will be |is |was |has been )?(?:off|cut)\b",
                r"(?:cut|turned|switched) (?:her|his|their|my|our|the) (?:power|supply|gas|"
                r"electricity|heating|water)(?: supply)? off|(?:disconnected|cut off) (?:her|his|their|"
                r"my mum's|my dad's|the) (?:landline|phone|line|power|supply)",
                r"(?:left|been left|is left|was left) (?:alone|on (?:her|his|their) own|unattended)|"
                r"(?:carer|care worker|carers) (?:hasn't|haven't|didn't|did not|never) (?:turned up|"
                r"come|arrived|shown up)|care package (?:ends|stops|is ending)",
                r"(?:fell|has fallen|had a fall|can't get up|cannot get up|can't (?:wash|dress))\b",
                r"(?:calls?|texts?|messages?) from someone claiming|claiming to be (?:you|from you|your)",
            ]
        ),
        requires=rx(
            r"\b(?:elderly|frail|vulnerable|diabetic|can't do (?:her|his|their) own|"
            r"(?:aged |is |she's |he's |at |of )(?:7[5-9]|8\d|9\d|10\d)\b|"
            r"(?:7[5-9]|8\d|9\d|10\d)[- ]year[- ]old|oxygen|wheelchair|dementia|registered blind|"
            r"newborn|new-born|baby|toddler|\d{1,2}[- ](?:year|yr)[- ]old|(?:mum|dad|mother|father|"
            r"nan|gran|grandad|grandma|neighbour) (?:is|who's|who is) (?:7[5-9]|8\d|9\d|10\d)\b)"
        ),
        skip_negated=True,
    ),
    Rule(
        "deadline",
        compile_any(
            [
                # The event made or missed by minutes, and the clock running out now.
                r"(?:didn't|did not|never|won't|will not) (?:come|arrive|turn up|get here|make it) "
                r"in time|(?:made|make|get|got|be there|arrive|arrived) (?:it )?(?:to (?:the|my|our|her|"
                r"his) \w+ )?in time for|(?:with|minutes|hours) to spare",
                r"missed (?:the|my|our|her|his|half the) (?:job )?(?:interview|exam|flight|wedding|"
                r"funeral|appointment|graduation|ceremony|service|meeting|deadline|"
                r"christening|hearing|surgery|operation|scan|start)",
                r"(?:closes|starts|leaves|departs|boards|ends|begins|shuts) in \d+ ?(?:min|mins|"
                r"minutes|hours?)\b|\d+ (?:minutes|mins) left\b|(?:being|to be) buried",
                r"(?:none|nothing|no \w+(?: \w+)?) left (?:for|by|before) (?:tonight|today|tomorrow)",
                r"booked (?:\w+ ){0,4}(?:for |in \w+ )?(?:tonight|today|tomorrow)",
                r"(?:hospital|clinic|doctor's|medical|gp|dentist)(?: \w+){0,2} (?:today|tonight|tomorrow|"
                r"on " + DAYS + r")",
                r"(?:need|have|got) to (?:get|be) (?:to|in|at|home|there)(?: \w+){0,3} (?:today|tonight|"
                r"tomorrow|by " + DAYS + r"|this (?:afternoon|evening|morning))",
                r"(?:need|needs|needed|have to|must|got to|gotta|has to) (?:\w+ ){0,6}(?:by|before|on) "
                r"(?:tomorrow|tonight|today|" + DAYS + r"|the \d{1,2}(?:st|nd|rd|th)?|noon|"
                r"\d{1,2} ?(?:am|pm)|end of (?:the )?(?:day|week)|"
                + _MONTHS
                + r" \d{1,2}(?:st|nd|rd|th)?)",
                r"by tomorrow",
                r"(?:rent|mortgage|bill|payment|deposit|tax return|fees?)(?: \w+){0,2} (?:is |are )?"
                r"due (?:on |by )?(?:today|tomorrow|tonight|" + DAYS + r")",
                r"(?:leav(?:e|ing)|fly(?:ing)?|travel(?:l?ing)?|depart(?:ing)?) (?:\w+ ){0,3}"
                r"(?:today|tonight|tomorrow|(?:on |this |next )?" + DAYS + r"|in (?:\d+|a few|two|"
                r"three) (?:hours|days))",
                r"deadline (?:is|of|on)",
                r"(?:last|final) day (?:to|for)",
                r"(?:runs? out|expires?|expiring) (?:on |in )?(?:today|tonight|tomorrow|"
                + DAYS
                + r"|in \d+ days)",
                # Promised for a date that matters, and what happens if it slips.
                r"(?:meant|supposed|promised|due) to (?:be )?(?:ready|here|delivered|arrive|fitted|done|"
                r"back)(?: [\w']+){0,3} (?:for|by|before|on) (?:the \d+\w*|"
                + DAYS
                + r"|tomorrow|tonight|"
                r"today|the (?:weekend|wedding|party|funeral)|term|school)",
                r"(?:is|are|'s) due (?:today|tonight|tomorrow|on " + DAYS + r")",
                r"(?:taxi|cab|bus|train|flight|ferry|coach|boat|transfer) (?:comes|leaves|arrives|goes|"
                r"is|departs) in \d+ ?(?:min|mins|minutes|hours?)\b",
                r"(?:extend|extended|extending|extension (?:to|of|on)) (?:my|the|our|her|his) (?:\w+ )?"
                r"deadline",
                r"(?:we're|we are|we were|i'm|i am) booked (?:in )?(?:for|at) \d{1,2}(?:[:.]\d\d)?"
                r"(?: ?(?:am|pm))?(?![\d:])",
            ]
        ),
        excludes=_DEADLINE_EXCLUDES,
    ),
    Rule(
        "travel",
        compile_any(
            [
                r"(?:eurostar|plane|rail|ferry|coach|cruise|flight|train)s? (?:got|was|has been|is|were) "
                r"(?:cancel+ed|delayed|diverted)",
                r"(?:flights?|train)(?: \S+){0,8} (?:cancel+ed|diverted)",
                r"(?:train|flight|bus|coach|ferry|service)(?: \w+){0,3} (?:terminated|stopped short|"
                r"didn't run|never came|never turned up|never arrived|didn't (?:show|turn up|come|"
                r"arrive))",
                r"onward (?:travel|journey|connection|flight)",
                r"(?:hotel|accommodation|room)(?: \w+){0,6} (?:after|because of) the (?:cancell?ation|delay|"
                r"diversion)",
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
                r"(?:luggage|baggage|suitcases?|bags?(?= .*\b(?:flight|airport|carousel|landed)))",
                r"(?:luggage|baggage|suitcases?)(?: \w+){0,3} (?:lost|missing|didn't arrive|"
                r"never arrived|hasn't arrived|damaged|delayed)",
                r"denied boarding",
                r"(?:flights?|train|ferry|cruise|tour|excursion|trip|holiday|sailing|crossing|coach|"
                r"connection|connecting flight)(?: \S+){0,6} (?:retimed|cut short|replaced by (?:a )?"
                r"(?:bus|coach)|moved (?:from|to|a day|forward|back|earlier)|left without (?:me|us)|"
                r"landed late|showing (?:as )?delayed|(?:was |is |got )?(?:rescheduled|cancel+ed)|"
                r"delayed (?:by |until |for )?(?:\d+|two|three|four|five|six|several) (?:hours?|hrs))",
                r"(?:delayed|stuck|waiting) (?:by |for )?(?:\d+|two|three|four|five|six|several) "
                r"(?:hours?|hrs)(?= .*\b(?:flight|airport|gate|train|station|ferry|airline|plane)\b)",
                r"(?:train|rail|air traffic|airport|ferry|baggage handlers?|cabin crew|pilots?) strikes?",
                r"(?:hotel|room)(?: \w+){0,3} (?:is |was )?overbooked",
                r"(?:car hire|rental car|hire car|car rental)(?: \S+){0,8} (?:not available|closed|"
                r"wasn't there|no cars?|never (?:showed|turned up))",
                r"(?:lost|stolen|lost my|stole my) passport|passport (?:was |got )?(?:lost|stolen)",
                r"(?:fly|flown|flew|come|came|go|went|sent|travel) home early",
                r"(?:cut|cutting) (?:our|the|my) (?:trip|holiday|cruise|honeymoon|stay) short",
                r"(?:abandon|cancel|cancelled) (?:the|our|my) (?:trip|holiday|honeymoon|tour)",
                r"itinerary (?:change|was changed|changed)",
                r"(?:skipped|missed) (?:\w+ ){0,3}(?:ports?|stops?)",
                r"(?:make|miss|missed|missing|make my|catch) (?:the |my |our )?(?:onward )?connection",
                r"(?:stuck|stranded) (?:in|at) (?-i:[A-Z]\w+)",
                r"transfer desk",
                r"bumped (?:off|from) (?:my|the|our) flight",
                r"schedule change",
                r"(?:couldn't|could not|can't|cannot) (?:board|fly|get on (?:my|the) flight)",
                r"rebook(?:ed|ing)?",
                r"airline (?:cancel+ed|changed)",
                # A timed service that failed: "the 06:52 to Leeds is cancelled again".
                r"(?:the )?\d{1,2}[:.]\d\d(?: \w+)?(?: (?:to|from) \w+)?(?: \w+){0,3} (?:is |was |has "
                r"been |got |are |were )?(?:cancell?ed|delayed|late|terminated|full|running late)",
                r"cancell?ed \d{1,2}[:.]\d\d(?: ?(?:am|pm))?",
                r"(?:sleeper|rail replacement|replacement bus|shuttle|transfer|airport taxi|taxi "
                r"transfer|pick-?up|tram)(?: \w+){0,4} (?:didn't|did not|never|hasn't|has not) (?:run|"
                r"stop|turn up|show|come|arrive)",
                # Bags that did not come, and booked parts of a trip that failed.
                r"(?:bags?|luggage|suitcases?|cases?) (?:didn't|did not|hasn't|has not|haven't|have "
                r"not|never) (?:arrive|come|turn up|make it|been delivered|shown up)",
                r"without (?:our|my|his|her|their) (?:luggage|bags?|suitcases?)",
                r"bags? (?:you|they|the airline) lost",
                r"(?:assistance|wheelchair|special assistance)(?: \w+){0,3} (?:never|didn't|did not|"
                r"wasn't|was not) (?:turn(?:ed)? up|show|come|arrive|there|waiting)",
                r"(?:hire car|rental car|campervan|motorhome|hire van|rental van)(?: \w+){0,5} (?:broke "
                r"down|broken down|has a warning light|won't start|wouldn't start|died|warning light)",
                r"(?:moved|switched|changed|put|transferred) (?:us|me|them) (?:to|into) (?:a )?"
                r"(?:different|another|new|worse) (?:hotel|resort|apartment|villa|property)",
                r"(?:resort|hotel|villa|accommodation)(?:'s| has| had)? (?:been )?(?:changed|"
                r"switched|moved|cancell?ed|given away)",
                r"(?:reservation|hotel booking|room booking|hire booking)(?: \w+){0,4} (?:doesn't|does "
                r"not|didn't) exist|"
                r"(?:hotel|car hire desk|hire desk|rental desk|desk)(?: \w+){0,4} (?:have|has|had) no "
                r"record",
                r"(?:flight|train|ferry|sailing|coach|departure)(?:'s| has| have)?(?: been)? (?:moved|"
                r"changed|put back|brought forward|pushed back) to",
                r"(?:delay|delays) (?:repay|compensation)",
                # The trip moved, left without the traveller, or held up for hours.
                r"(?:moved|changed|switched|retimed|rescheduled|brought forward|pushed back) (?:our|my|the|"
                r"his|her) (?:\w+ )?(?:flight|train|ferry|sailing|cruise|departure|outbound|return "
                r"flight|crossing)s?\b",
                r"(?:outbound|inbound|return leg|sailing|crossing|sleeper|shuttle|ski transfer|airport "
                r"transfer|excursion)(?: [\w']+){0,6} (?:has been |was |got |is )?(?:retimed|cancel+ed|"
                r"delayed|never turned up|didn't turn up|never came|broke down)",
                r"(?:eurostar|flight|train|ferry|sailing|sleeper)s? cancel+ed\b",
                r"(?:sailed|left|departed|took off|gone) without (?:us|me)\b",
                r"(?:sat|stuck|waiting|sitting|standing|been) (?:at|in) the (?:gate|terminal|departure "
                r"lounge|departures lounge)(?: in \w+)? for (?:\w+ )?(?:hours|an hour)",
                r"(?:train|flight|plane|bus|coach|ferry)(?: [\w']+){0,3} (?:is|was|'s|running|arrived|"
                r"landed|got in) (?:\d+ (?:mins?|minutes|hours?)|an hour|two hours|three hours|four "
                r"hours|hours) late",
                r"(?:train|plane|flight|ferry)(?: \w+){0,2} (?:sat|stuck|stopped|held) (?:outside|on|at|"
                r"in|near) (?:[\w']+ ){0,3}for (?:\w+ )?(?:hours|an hour|\d+ (?:mins|minutes))",
                r"(?:bag|bags|luggage|suitcase)(?: \w+){0,3} (?:was |were )?(?:tagged|routed|labelled) to",
                r"rail replacement|replacement (?:bus|coach)(?! service timetable)",
                # Bags that stayed behind, a sailing swapped, a pickup that was not there, a
                # stay that was double-booked.
                r"(?:bags?|luggage|suitcases?)(?: \w+)? (?:didn't|did not|hasn't|has not)(?=\s*[.,;!]|\s*$)",
                r"(?:flights?|train|ferry|sailing|crossing|cruise|coach|connection|departure)"
                r"(?: \w+){0,3} (?:was |has been |got |were |is )?(?:swapped|switched|scrapped|axed)\b",
                r"(?:transfer|taxi|driver|rep|pick-?up|shuttle)(?: \w+){0,3} (?:wasn't|was not|weren't|"
                r"were not|never) (?:at|there|waiting)(?: (?:at|in))? (?:the )?(?:arrivals|airport|"
                r"terminal|station|port|pick-?up point)\b",
                r"(?:holiday let|villa|cottage|apartment|hotel|room|cabin|lodge|accommodation|caravan|"
                r"campsite|pitch|chalet)(?: \w+){0,2} (?:was |had been |got |has been |is )?double[- ]booked",
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
                r"(?:formal|official) complaint (?:to|with) (?:the )?(?:\w+ ){0,2}(?:regulator|ombudsman|"
                r"authority|commission|council|watchdog|ico|ofcom|ofgem|ofwat|fca|cqc|caa)",
                r"bbb",
                r"better business bureau",
                r"data protection",
                r"gdpr",
                r"subject access request",
                r"citizens advice",
                r"bailiffs?|enforcement agents?|county court|letter before action|section 75",
                # Named regulators, schemes and proceedings.
                r"\bcaa\b|\bcma\b|\basa\b|advertising standards|\bcqc\b|\badr\b(?: scheme| body)?|"
                r"deposit scheme|adjudicat(?:or|ion)|eu ?261",
                r"tribunal|(?:court|tenancy|tribunal|appeal) hearing|hearing (?:date|is|on)\b",
                r"litigation|barristers?|law firm|\w+ law to act|instructed (?:a |my )?"
                r"(?:solicitor|lawyer|\w+ law)|being sued|(?:will|'ll) be sued|sue (?:you|them)",
                r"prosecut(?:e|ion|ing)|restraining order|non-molestation order|injunction",
                r"(?:opened|raised|filed|started) a (?:dispute|claim) (?:with|through) (?:paypal|my "
                r"(?:bank|card|card company|credit card))|disputing (?:this|it|the charge) (?:with|"
                r"through) my (?:bank|card)",
            ]
        ),
    ),
)


# A charge the customer disputes: an amount taken, billed or paid, in a sentence that
# says it is wrong ("charged me £260 for damage that was already there", "£39.99 taken
# after I cancelled"). Run only on messages that hold an amount: its verbs are common.
_DISPUTED_CHARGE = Rule(
    "financial",
    compile_any(
        [
            rf"{_CHARGED}(?: \S+){{0,6}} {_AMOUNT}",
            # Split by how the amount starts, so that "£39.99 came out" may follow a space.
            rf"{_AMOUNT_SYMBOL}(?: \S+){{0,6}} {_CHARGED}",
            rf"{_AMOUNT_WORDS}(?: \S+){{0,6}} {_CHARGED}",
        ]
    ),
    skip_hypothetical=True,
    requires=_CHARGE_DISPUTED,
)
_AMOUNT_WORD = re.compile(r"\d ?(?:pounds|quid|euros|dollars)\b", FLAGS)


def _disputed_charges(source: str, analysed: str, sents: list[Sentence]) -> list[Flag]:
    if "£" in analysed or "$" in analysed or "€" in analysed or _AMOUNT_WORD.search(analysed):
        return _DISPUTED_CHARGE.find(source, analysed, sents)
    return []


_MEDIA_TOPIC = re.compile(
    r"\b(?:documentary|article|film|movie|show|book|podcast|novel|series|game|episode|"
    r"news story) (?:about|on)\b",
    FLAGS,
)


def _in_play_sentence(sent: Sentence) -> bool:
    if _MEDIA_TOPIC.search(sent.text):
        return False
    return not (_GENERAL_QUESTION.match(sent.text) and not _PERSONAL.search(sent.text))


_EVENT_WORD = compile_any(alternatives(_EVENT))
_WHEN_WORD = compile_any(alternatives(_WHEN))
_GAP_BREAK = re.compile(r"[.!?\n]")
# A trip that was cancelled or moved is `travel`, not a dated event at risk: "our flight on
# 12 May was cancelled". An event of its own ("the wedding on Friday") still counts.
_TRIP_EVENT = rx(r"^(?:flight|trip|holiday|vacation|departure|check-?in|cruise|ferry)$")
_SCHEDULE_CHANGE = rx(
    r"\b(?:cancel\w*|moved|delayed|reschedul\w*|changed|brought forward|pushed back)\b"
)


def _trip_window(analysed: str, sents: list[Sentence], start: int, end: int) -> str:
    """The words right around a trip: up to 10 characters before it ("delayed flight") and
    45 after it ("flight on 12 May has been cancelled"), within its sentence."""
    sent = sentence_at(sents, start)
    return analysed[max(sent.start, start - 10) : min(sent.end, end + 45)]


def _dated_events(source: str, analysed: str, sents: list[Sentence]) -> list[Flag]:
    """An event next to a date ("the wedding on Saturday", "tomorrow's interview").

    Events and dates are found separately and paired within a sentence: an event with a
    date up to 40 characters after it, or a date up to 25 characters before it.
    """
    events = leftmost_longest(spans(_EVENT_WORD, analysed))
    if not events:
        return []
    whens = leftmost_longest(spans(_WHEN_WORD, analysed))
    out: list[Flag] = []
    for event_start, event_end in events:
        for when_start, when_end in whens:
            if 0 <= when_start - event_end <= 41:
                gap = analysed[event_end:when_start]
            elif 0 <= event_start - when_end <= 29:
                gap = analysed[when_end:event_start]
            else:
                continue
            if _GAP_BREAK.search(gap):
                continue
            if _TRIP_EVENT.search(analysed[event_start:event_end]) and _SCHEDULE_CHANGE.search(
                _trip_window(analysed, sents, event_start, event_end)
            ):
                continue
            start, end = min(event_start, when_start), max(event_end, when_end)
            out.append(make_flag(source, "deadline", start, end))
            break
    return [
        flag for flag in out if not _DEADLINE_EXCLUDES.search(sentence_at(sents, flag.start).text)
    ]


# A health place or trade named as someone's job is a topic, not health in play (§4).
_HEALTH_JOB = re.compile(
    r"\b(?:works?|working|worked|job|shifts?) (?:\w+ ){0,2}(?:at|in|for) (?:a|an|the|our|my|his|her|"
    r"their|your)? ?(?:local )?(?:hospital|clinic|surgery|pharmacy|chemist|care home|hospice|"
    r"nursing home|ward|a&e|gp|dentist|practice)s?\b|\b(?:is|am|i'm|was|as) an? (?:\w+ )?(?:nurse|"
    r"doctor|paramedic|midwife|carer(?! (?:for|to|of|who)\b)|pharmacist|physio|dentist|surgeon|gp)\b",
    FLAGS,
)
_HEALTH_IN_PLAY = re.compile(
    r"\b(?:ill|sick|poorly|unwell|pain|injur\w*|diagnos\w*|condition|treatment|medic\w*|"
    r"prescription|appointment|surgery|operation|chemo\w*|disab\w*|allerg\w*|pregnan\w*|"
    r"admitted|patient|symptom\w*|recover\w*|a&e|gp)\b",
    FLAGS,
)


def names_only_a_health_job(text: str) -> bool:
    """Whether ``text`` names a health place or trade only as someone's job ("my sister
    works in a hospital"), with no illness, treatment or care of anyone in it."""
    return bool(_HEALTH_JOB.search(text)) and not _HEALTH_IN_PLAY.search(_HEALTH_JOB.sub("", text))


def find_stakes(source: str, analysed: str, sents: list[Sentence]) -> list[Flag]:
    flags = (
        run_rules(_STAKES_RULES, source, analysed, sents)
        + _disputed_charges(source, analysed, sents)
        + _dated_events(source, analysed, sents)
    )
    # Whether a stake is in play depends on its sentence only: judge each sentence once
    # (a long message of one sentence can carry thousands of flags).
    in_play: dict[int, bool] = {}
    job_only: dict[int, bool] = {}
    kept: list[Flag] = []
    for flag in flags:
        sent = sentence_at(sents, flag.start)
        if sent.start not in in_play:
            in_play[sent.start] = _in_play_sentence(sent)
        if not in_play[sent.start]:
            continue
        if flag.kind == "health":
            if sent.start not in job_only:
                job_only[sent.start] = names_only_a_health_job(sent.text)
            if job_only[sent.start]:
                continue
        kept.append(flag)
    return dedupe(kept)
