"""Pattern tables for the reply risks (rubric §2, §4): policy_first, scripted_empathy,
cold_transfer, blames_customer, creepy_personalization and premature_close."""

from __future__ import annotations

from caredesk.care.rules import compile_any, rx

REFUSAL = compile_any(
    [
        r"(?:can't|cannot|can not|won't|will not|isn't able to|aren't able to|are not able to|is not "
        r"able to) be (?:\w+ )?(?:guaranteed|exchanged|edited|changed|rescheduled|refunded|transferred|"
        r"cancell?ed|moved|reversed|amended|paused|extended|waived|combined|redeemed|reissued|"
        r"returned|accepted|backdated|split|made)",
        r"(?:is|are) non-?(?:transferable|refundable|exchangeable|negotiable|returnable|"
        r"cancellable|changeable)",
        r"(?:isn't|aren't|is not|are not|not) (?:\w+ )?(?:available|included|covered|permitted|"
        r"allowed|eligible|possible|offered)(?! (?:yet|right now|at the moment|today)\b)",
        r"(?:only|solely) (?:be )?(?:accepted|available|valid|possible|issued|offered|processed|"
        r"deliver|delivered|refund|refunded|accept) (?:within|to|from|for|on|if|with|in)",
        r"(?:are|is) (?:strictly )?limited to",
        r"(?:at the|at our) (?:sole )?discretion",
        r"(?:must|need to|needs to|has to|have to) be (?:submitted|made|reported|requested|returned|"
        r"claimed|raised|received|logged) (?:with|within|before|by|in|through)",
        r"(?:terms|policy|policies|rules|conditions|contract) (?:don't|do not|doesn't|does not|won't|"
        r"will not) (?:allow|permit|cover|include)",
        r"(?:as )?(?:detailed|set out|outlined|specified) in (?:our|the|your) (?:fee schedule|terms|"
        r"policy|tariff|conditions|contract|price list)",
        r"(?:the )?system (?:won't|will not|doesn't|does not|can't|cannot) (?:let|allow) (?:me|us)",
        r"(?:processed|handled|allocated|dealt with) in (?:date |strict |the )?order",
        r"(?:was|were|has been|have been) (?:applied|charged|calculated) correctly",
        r"due to (?:high|heavy|increased|unprecedented|exceptional) (?:demand|volumes?)",
        r"(?:are|is) (?:usually |normally |typically |generally )?(?:resolved|issued|processed|removed|"
        r"dealt with|sent)(?: by your \w+)? within \d+",
        r"(?:is|are) (?:set out|stated|explained|covered|outlined|detailed) in (?:the|our|your) (?:\w+ )?"
        r"(?:terms|policy|contract|agreement|t&cs)",
        r"(?:our )?lines are (?:very |extremely |currently |really )?busy",
        r"(?:are|is) always (?:sent|issued|paid|refunded|processed|charged|applied)",
        r"we have (?:\w+ ){0,2}(?:weeks|days|working days|business days) to (?:respond|reply|deal)",
        r"will result in (?:\w+ ){0,3}(?:fees?|charges?|penalt\w+|late|a fine)",
        r"(?:beyond|outside (?:of )?) ?our control",
        r"(?:we|i) (?:don't|do not) (?:have|stock|sell|carry) (?:a|an|any)\b",
        r"the (?:account|card|policy|bill|contract) ?holder (?:needs|must|has|will need) to",
        r"(?:a matter|an issue|something|one) (?:between you and|for you and|for) your (?:bank|card|"
        r"provider|insurer|landlord)",
        r"(?:our )?(?:prices|fees|charges|rates) (?:reflect|are set by|are based on|are determined by)",
        r"as (?:stated|set out|outlined|explained|specified|detailed) in (?:our|the|your) (?:\w+ )?"
        r"(?:terms|policy|conditions|t&cs|agreement|contract)",
        r"please allow up to",
        r"(?:not|aren't|isn't|are not|is not) (?:authori[sz]ed|permitted|allowed|able) to",
        r"(?:fee|charge|decision|price|bill|penalty) (?:stands|remains|will stand)",
        r"(?:is|are) not (?:legible|valid|acceptable|sufficient)",
        r"\w+ only,? as (?:stated|set out|per)",
        r"(?:not|aren't|isn't) (?:responsible|liable)|(?:cannot|can't|won't) accept (?:any )?"
        r"(?:liability|responsibility)",
        r"(?:are|is) (?:only )?estimates?(?: only)?|estimates only",
        r"(?:can|may|might|could) take up to \d+",
        r"please allow \d+",
        r"as per (?:your|the) (?:\w+ )?(?:agreement|contract|terms|policy)",
        r"must be (?:returned|sent|claimed|reported|raised|made|paid)",
        r"(?:is|are|isn't|aren't|is not|are not) (?:not )?covered",
        r"not covered",
        r"(?:doesn't|does not|don't|do not|won't|will not) cover",
        r"covers?(?: \w+){1,3} only",
        r"(?:only|just) covers",
        r"(?:charge|fee|amount|bill|payment) (?:is|was) (?:valid|correct|accurate|legitimate|"
        r"due|payable|applied automatically)",
        r"(?:applied|applies|charged) automatically",
        r"(?:fee|charge)(?: of (?:£|\$|€)?\d+(?:\.\d\d)?)? applies",
        r"(?:don't|do not) get involved",
        r"consider (?:the|this) (?:matter|issue|case) (?:closed|resolved)",
        r"(?:we've|we have) checked(?: \w+){0,4} and (?:all|everything|it|the|there)",
        r"expired on",
        r"(?:there is|there's) no (?:way|record|option)",
        r"(?:that's|it's|this is) (?:our|the) policy",
        r"(?:per|as per|according to|under|in line with|in accordance with|due to|because of) "
        r"(?:our|the|company|store|shop) (?:\w+ ){0,2}(?:policy|policies|terms|t&cs|t & cs|rules|"
        r"guidelines|procedures?|terms and conditions)",
        r"(?:our|the|company|store) (?:\w+ ){0,2}polic(?:y|ies) (?:is|states|says|does not|"
        r"doesn't|do not|don't|only|requires|prevents|won't|will not|clearly|stipulates|"
        r"dictates|means)",
        r"(?:not|isn't|is not|'s not|unfortunately not) (?:possible|permitted|allowed|"
        r"something we (?:can|are able to|do|offer))",
        r"(?:impossible)",
        r"(?:we|i|they)(?:'re|'m|’re|’m)? (?:can't|cant|can’t|cannot|can not|are unable to|unable to|am unable to|aren't "
        r"able to|are not able to|won't be able to|will not be able to|couldn't|could not|"
        r"are not permitted to|aren't permitted to|are not allowed to|aren't allowed to|am "
        r"not allowed to|don't have the ability to|have no way to|are not in a position to|"
        r"'re unable to|'m unable to|won't|will not|don't|do not|no longer)(?: \w+){0,2} (?:offer|"
        r"refund|accept|provide|make (?:an )?exceptions?|make|issue|process|change|give|allow|"
        r"exchange|return|replace|cancel|waive|reverse|honou?r|extend|override|approve|guarantee|"
        r"reimburse|compensate|reinstate|ship|deliver|help|discuss|release|remove|reopen|"
        r"price[- ]match|match|do (?:that|this|anything|refunds|exchanges|returns)|amend|alter|"
        r"edit|modify|credit|back ?date|expedite|rebook|transfer|take back|intervene|"
        r"split|support|repair|fix)",
        r"outside (?:the|our|of the|of our|your) (?:\w+ )?(?:refund|return|returns|warranty|"
        r"cancellation|eligibility|guarantee|\d+[- ]day|cooling[- ]off|exchange|claim) "
        r"(?:window|period|timeframe|time frame)",
        r"(?:past|beyond|after) the (?:\w+ )?(?:refund|return|returns|warranty|cancellation|"
        r"\d+[- ]day) (?:window|period|date|deadline)",
        r"(?:receipt|proof of purchase|original packaging|order number|the original card) "
        r"(?:is |are )?(?:required|needed|necessary|mandatory|a must)",
        r"(?:require|need) (?:a |the )?(?:receipt|proof of purchase|original packaging)",
        r"(?:not|isn't|aren't|is not|are not|wasn't|weren't|no longer) (?:\w+ )?eligible",
        r"ineligible",
        r"non-?refundable",
        r"no (?:refunds|exceptions|returns|exchanges|cancellations)",
        r"(?:unable|not able) to (?:make an exception|offer|refund|process|help|accept|issue|"
        r"approve|change|cancel)",
        r"(?:has|have) (?:already )?expired",
        r"(?:is|are) (?:final|non-?negotiable)",
        r"(?:can't|cannot|can not|won't) be (?:refunded|returned|exchanged|cancell?ed|changed|"
        r"reversed|undone|amended|reissued|replaced|processed|honou?red|waived|accepted)",
        r"(?:there's|there is) nothing (?:more |else |further )?(?:we|i) can do",
        r"(?:nothing|not much) (?:more |else |further )?(?:we|i) can do",
        r"(?:the|our) (?:terms|t&cs|terms and conditions) (?:state|say|clearly|are clear)",
        r"(?:request|claim|application|appeal) (?:has been|was|is) (?:denied|declined|rejected|"
        r"refused)",
        r"(?:i|we) (?:have to|must|need to) (?:decline|refuse|deny)",
        # The rule stated as a fact of nature: "cancellations require 30 days' notice".
        r"(?:apply|applies) (?:to all|regardless|in all cases|to every)",
        r"regardless of (?:\w+ ){0,2}(?:circumstances|reason|situation)",
        r"(?:requests?|claims?|changes?|cancellations?|closures?|refunds?|returns?|freezes?|"
        r"upgrades?|appeals?|applications?|complaints?|bookings?|assistance|transfers?|"
        r"appointments?|callbacks?|repairs?|deposits?|orders?|accounts?|payments?) (?:\w+ )?"
        r"(?:require|requires|are only|is only|can only|will only|are subject to|is subject "
        r"to|are released|are processed|are assessed case|are generated|are closed|are "
        r"dispatched|are locked|are returned|may be changed|may be released|are permanently|"
        r"must be (?:registered|requested|raised|submitted|made|paid|received|cancell?ed) "
        r"(?:at least|before|within|in person|by|with|using))",
        r"(?:subject to|depending on) (?:availability|operational requirements|part availability|"
        r"approval|eligibility)",
        r"(?:we|the company) (?:require|requires|are not obliged|is not obliged|are under no "
        r"obligation)",
        r"(?:is|are) (?:required|not accepted|not supported|mandatory) (?:to|for|in|when|before|"
        r"on|by)?",
        r"(?:doesn't|does not|don't|do not) (?:support|accept|allow)\b",
        r"(?:is|are) (?:a |the )?(?:condition|requirement) of",
        r"(?:is|are) (?:a |the )?(?:civil matter|matter for|responsibility of)",
        r"there is no (?:appeal|exception|alternative|other option)",
        r"(?:under|per|in line with) (?:our|the|your) (?:conditions of carriage|booking terms|"
        r"tenancy agreement|terms of service|house rules|membership terms)",
        r"(?:no longer|not) (?:covered|able to discuss|obliged)",
        r"can no longer",
        r"(?:take|takes|will take|may take) up to (?:\d+|two|three|four|five|ten|six) "
        r"(?:working |business )?(?:days|weeks|hours|billing cycles)",
        r"(?:expire|expires) after",
        r"(?:incur|incurs|incurring|attracts?) (?:a |an )?(?:(?:£|\$|€)\S+ )?(?:\w+ )?(?:fee|charge)",
        r"payable on all|permitted for a fee|means a (?:(?:£|\$|€)\d+ )?(?:\w+ )?(?:charge|fee)",
        r"must be (?:submitted|made|requested|cancell?ed|paid|given|reported|touched) (?:via|through|"
        r"online|in writing|exactly|at least)",
        r"(?:are|is) (?:online|by appointment|in (?:branch|person)|for [\w ]{3,30}?) only\b",
        r"(?:we|names|it|this|they|\w+s) can only (?:be )?(?:changed|investigat\w+|backdat\w+|"
        r"issued?|accept\w*|refund\w*|process\w*|return\w*|deliver\w*|provided?|consider\w*|"
        r"act|allocated)",
        r"(?:customers?|residents?|passengers?|drivers?|students?|candidates?|parents?|tenants?|"
        r"members?|players?|users?|recipients?|applicants?|guests?) (?:are|is|must|should|may|have "
        r"to|need to) (?:\w+ ){0,2}(?:advised|required|refuse|purchase|report|inform|allow|check|"
        r"use|submit)",
        r"(?:fine|fee|charge|renewal|decision|estimate|penalty|price) (?:stands|remains|will stand)",
        r"(?:can't|cannot|are unable to|won't) (?:take )?(?:further|any further) action|unable to "
        r"investigate|(?:cannot|can't) be discussed",
        r"(?:and|but|so) (?:cannot|can't|are unable to|won't) (?:change|refund|help|assist|offer|"
        r"accept|redirect|rebook|cancel|recover)",
        r"(?:does not|doesn't|do not|don't) qualify",
        r"(?:is|are) (?:determined|calculated) (?:by|individually|automatically)",
        r"free to shop around",
        r"(?:provided|offered|available) where possible",
        r"(?:usually|normally|typically|can) (?:arrive|take|takes) (?:within|up to) \d+",
        r"no (?:appointments?|slots?|rooms?|seats?|engineers?) (?:are |is )?available",
        # More rules stated as facts, with the customer left to live with them.
        r"(?:can't|cannot|can not|won't|will not) be (?:\w+ )?(?:expedited|held|allocated|recovered|"
        r"granted|redirected|reactivated|restored|prioriti[sz]ed|fast[- ]tracked|overridden|reopened|"
        r"paid|considered|offered|provided|released|reinstated|upgraded|collected|supplied)",
        r"(?:only|solely) (?:be )?(?:available|possible|valid|permitted|offered) (?:once|after|when|"
        r"until|per|at)\b",
        r"(?:require|requires|required) (?:at least )?(?:\d+|one|two|three|four|five|seven|ten|"
        r"fourteen|thirty) (?:\w+ )?(?:days?|weeks?|months?|hours?)(?:'|’)? notice",
        r"(?:requests|claims|cards|refunds|repairs|disputes|changes|applications|appeals|"
        r"replacements|copies|investigations|reviews|tests|callbacks|complaints|reissues|"
        r"amendments|corrections) (?:\w+ ){0,3}(?:take|can take|usually take|normally take) "
        r"(?:up to )?(?:\d+|two|three|four|five|six|ten)",
        r"(?:issued|distributed|generated|allocated|renewed|referred|closed|cancell?ed|processed|"
        r"assigned|sent out|calculated) (?:automatically|in batches)",
        r"first[- ]come,? first[- ]served",
        r"(?:considered|deemed|treated as) (?:received|accepted|final|delivered|valid|binding|"
        r"agreed|read)",
        r"(?:remain|remains) (?:active|payable|liable|due|in force|chargeable) (?:until|unless)",
        r"(?:fees?|charges?|penalt(?:y|ies)) (?:would |will |may |still )?apply",
        r"(?:customers?|drivers?|passengers?|members?|tenants?|residents?|users?|guests?|all "
        r"\w+s) (?:must|have to|are required to) (?:pay|leave|provide|bring|ensure|book|"
        r"register|apply|cancel|give)",
        r"(?:are|is) not (?:considered|taken into account|accepted|reviewed|reconsidered)",
        r"no (?:refunds?|exceptions?|compensation|changes?|credits?|further action) (?:can|will|"
        r"could|is able to) be (?:made|given|offered|issued|taken|granted)",
        r"(?:unable to|cannot|can't|won't|will not|do not|don't) take (?:any )?action",
        r"falls? outside (?:of )?(?:our|the|this) (?:\w+ ){0,2}(?:policy|remit|scope|"
        r"responsibility|cover|terms)",
        r"(?:is|are|remains?|it's|it is) (?:the )?(?:customer|customers|player|account holder|"
        r"tenant|driver|candidate|member|passenger|user|owner|buyer|sender|recipient|"
        r"cardholder|policyholder|homeowner|parent|organiser)(?:'s|s'|’s) responsibility",
        r"(?:candidates|drivers|parents|customers|passengers|tenants|members|players|users|"
        r"guests|owners|residents|buyers|senders) (?:are|remain) (?:solely |fully )?responsible for",
        # The rule recited as the whole answer: conditions, eligibility, who must do what.
        r"as (?:stated|set out|shown|explained|outlined|per|specified) (?:on|in) (?:the|your|our) "
        r"(?:\w+ )?(?:order page|guidance(?: notes)?|rental agreement|hire agreement|booking "
        r"conditions|account terms|contract terms|terms of hire|size guide)|in line with your (?:\w+ )?(?:contract|account|booking|hire|tenancy)? ?terms",
        r"(?:is|are) only (?:provided|offered|given|guaranteed|available|applied|issued|made) "
        r"(?:to|for|at|when|once|if|on)\b",
        r"(?:are|is) requests?,? not (?:a )?guarantees?|no grace period",
        r"(?:are|is) not (?:processed|actioned|checked|monitored)\b",
        r"can only (?:discuss|speak about|deal with) (?:an |the |this )?account",
        r"must be (?:set up|entered|uploaded|collected|managed|dated|completed|signed|verified|"
        r"booked|selected|purchased) (?:by|through|via|in|within|at|before|on)\b",
        r"(?:courier|carrier|manufacturer|seller|airline|insurer|landlord|council|renter|hirer|"
        r"driver) (?:is|are) (?:solely |fully )?responsible for",
        r"(?:issued|provided|handled|managed|set|made) by the (?:manufacturer|courier|carrier|"
        r"seller|bank|council|airline|landlord|retailer),? not (?:by )?us",
        r"(?:passengers|customers|guests|tenants|members|users|drivers|residents) are expected to",
        r"at (?:the )?(?:customer's|customers'|your|owner's|sender's|buyer's) own (?:risk|expense)",
        r"(?:close|closes|closed) automatically after|(?:will|may) auto-?close",
        r"as per (?:section|clause|paragraph|term) \d+|at (?:the |our )?(?:[\w']+ )?discretion\b",
        r"(?:is|are) not guaranteed|(?:can't|cannot|can not) be (?:adjusted|altered|renewed|added|"
        r"extended|rebooked|shared)\b",
        r"must be (?:aged )?\d+ or (?:over|older|above)|must be (?:cancelled|canceled|confirmed|"
        r"booked|made|requested|reported|given) \d+ (?:hours|days|weeks)",
        r"(?:we|i) (?:don't|do not|cannot|can't) (?:disclose|share) (?:the |any )?(?:reasons?|details|"
        r"information)|(?:are|is) not (?:given|offered|issued|provided) for\b",
        r"(?:the )?full (?:balance|amount) is due|our (?:terms|conditions(?: of carriage)?) allows? "
        r"us to",
        r"(?:are|is) (?:blocked|hidden|suspended|charged|closed|cancelled) automatically when",
        # Who may do it, and through which door: the rule as the whole answer.
        r"(?:aren't|isn't|are not|is not) (?:supported|handled|dealt with|managed|processed|"
        r"offered) (?:on|by|through|under|with|in) (?:your|this|our)\b",
        r"(?:aren't|isn't|are not|is not|not) (?:our|the company's) (?:responsibility|"
        r"department|remit)",
        r"(?:can|may) only be (?:done|made|arranged|changed|removed|reset|booked|requested|"
        r"authori[sz]ed|approved|cancell?ed|closed)\b",
        r"(?:are|is) only (?:available|possible|offered|accepted|handled|done) (?:by|via|through|"
        r"over|in|with)\b",
        r"only (?:the|an?|your) (?:[\w-]+ ){0,2}(?:holder|admin|administrator|owner|organiser|"
        r"payer|named \w+) (?:can|may|is able to)\b",
        r"before (?:\w+ ){0,3}can be (?:opened|booked|raised|processed|discussed|considered|"
        r"started|arranged|logged|investigated)|before we can (?:discuss|process|open|raise|"
        r"proceed|book|act|accept)",
        r"(?:require|requires|need|needs|must provide|must send) (?:a|an|the|your)(?: [\w-]+){0,3} "
        r"(?:certificate|letter|note|form|signature|proof|statement|diary)\b",
        r"(?:in line with|in accordance with|according to|as covered in|as stated in) (?:the|your|"
        r"our) (?:[\w-]+ ){0,2}(?:agreement|contract|terms|conditions|timescales|confirmation)\b",
        r"(?:the )?(?:\w+ )?(?:window|deadline|time limit) is (?:\d+|one|two|three|seven|"
        r"fourteen|thirty)\b",
        r"(?:ticket|fine) stands\b|(?:cannot|can't|can not) be "
        r"(?:given|specified|promised|booked)\b",
        r"(?:are|is) subject to (?:mandatory|strict|standard|security|additional|our|the)\b",
        r"(?:need|needs) (?:at least )?(?:\d+|one|two|three|seven|fourteen|thirty) (?:\w+ )?"
        r"(?:days?|weeks?|months?)(?:'|’)? notice",
    ]
)
WAY_FORWARD = compile_any(
    [
        r"(?:but|however|though|that said|what)(?: \w+){0,6} (?:i|we) (?:can|could|will|'ll|am "
        r"able|are able|'m able|'re able|have|'ve|do|did|would)\b(?! (?:help|assist|understand|"
        r"see|appreciate)\b)",
        r"(?:instead|alternatively|another option|as an alternative|in the meantime|as a "
        r"goodwill|as a gesture|what (?:i|we) can do|here's what|the good news|the best (?:way|"
        r"option|route) (?:is|would be) (?:for me|to let me|that i))",
    ]
)

SCRIPTED = compile_any(
    [
        r"sorry to (?:lose you|see you leave)",
        # Stock lines of the same kind, said about no case in particular.
        r"we apologi[sz]e for the (?:delay|wait)(?=\s*[.!]|\s*$)|sorry for the (?:delay|wait)(?=\s*!)",
        r"(?:we|i) (?:understand|know) (?:how|that) (?:this|it|delays|money|things)(?: \w+){0,2} "
        r"(?:must be|can be|is|are|be) (?:a |so |very )?(?:worrying|stressful|difficult|"
        r"frustrating|disappointing|upsetting|tight|hard|important|concerning)|we know how "
        r"(?:frustrating|upsetting|annoying|disappointing|stressful|worrying|difficult|hard|"
        r"important)(?: \w+){0,3} (?:is|must be|can be|has been|may be)",
        r"thank(?:s| you)(?: so much)? for your (?:report|generous support|support)(?=\s*[.!,])",
        r"your (?:feedback|message|wellbeing|well-being|enquiry|query|email|health) (?:means a lot|"
        r"is (?:very |really )?important|matters) to us",
        r"(?:thank you|thanks) for (?:chatting|banking|shopping|flying|travell?ing|staying|booking) "
        r"with us",
        r"(?:we're|we are|i'm|i am) always (?:happy|glad|here) to help",
        r"we take (?:\w+ ){1,3}(?:very |extremely )?seriously",
        r"(?:apologi[sz]e|sorry) for (?:the|any) disruption(?: to your (?:journey|travel|plans|service|trip))?",
        r"(?:we're|we are|i'm|i am) sorry for the (?:delay|wait)(?=\s*[.!]|\s*$)",
        r"sorry to hear about your experience",
        r"(?:we|i) understand how important",
        r"sorry to see you go",
        r"your feedback helps us",
        r"your (?:security|safety|privacy|custom|loyalty) is (?:our|very|important)",
        r"(?:you're|you are) (?:very |really |so )?(?:important|valued) to us",
        r"thank(?:s| you)(?: so much)? for (?:the|your) feedback",
        r"thank(?:s| you)(?: so much)? for contacting us",
        r"(?:we|i) (?:do |sincerely |truly |deeply |really |would like to )?(?:apologi[sz]e|"
        r"regret) (?:for |about )?(?:any|the) (?:inconvenience|trouble|frustration|"
        r"confusion|disappointment)(?: (?:this|that|it|you) (?:may have |has |might have |may |"
        r"have |might |could have )?(?:caused|cause|experienced))?",
        r"(?:sorry|apologies) (?:for|about) (?:any|the) (?:inconvenience|trouble|frustration|"
        r"confusion|hassle)(?: (?:this|that|it) (?:may have |has |might have )?(?:caused))?",
        r"(?:apologies|sorry) for any",
        r"(?:i|we) (?:totally |completely |fully |truly |really |can |do |absolutely )*understand "
        r"(?:your|the) (?:frustration|concerns?|inconvenience|feelings?|disappointment|"
        r"annoyance|situation|point of view)",
        r"(?:i|we) (?:totally |completely |fully |truly |really |can |do )*understand how you "
        r"(?:feel|must feel)",
        r"(?:i|we) (?:totally |completely |fully |truly |really |can |do )*understand how "
        r"(?:frustrating|upsetting|annoying|disappointing|inconvenient|stressful)"
        r"(?: \w+){0,3} (?:is|must be|can be|has been|may be)(?: for you)?(?= *[.!,]| *$)",
        r"(?:i|we) (?:truly |really |greatly |do )?value (?:you|your (?:business|custom|feedback|"
        r"loyalty|patience|input|time|opinion|relationship|trust|membership))",
        r"valued (?:customer|member|client|guest)",
        r"your (?:satisfaction|experience|happiness|comfort|feedback|business|custom|call|"
        r"loyalty|trust) (?:is|are|remains|matters)(?: \w+){0,3} (?:priority|important|"
        r"matters|to us|valued)",
        r"(?:we|i) (?:truly |really |greatly |do |sincerely )?appreciate your (?:patience|"
        r"understanding|feedback|business|loyalty|cooperation|co-operation|custom|support|time)",
        r"(?:thank you|thanks) (?:so much |very much )?for (?:your|the) (?:patience|"
        r"understanding|feedback|loyalty|cooperation|co-operation|continued support|"
        r"continued patience|business|custom|time)(?! (?:while|with) (?:i|we)\b)",
        r"(?:thank you|thanks) for (?:being|choosing|reaching out|contacting|getting in touch|"
        r"bringing this to)(?: \w+){0,2}(?: (?:loyal|valued|attention|us|customer))",
        r"(?:we're|we are|i'm|i am) sorry (?:that |if )?you (?:feel|felt) (?:this|that|that "
        r"way|this way|like)",
        r"sorry (?:to hear|to see|to learn) (?:that|this|about (?:this|that|it))(?=\s*(?:[.!,]|"
        r"$|\s[-–—]))",
        r"(?:we|i) take (?:this|these|your|all|such|customer)(?: \w+){0,2} (?:very )?seriously",
        r"(?:so |very |truly |deeply )?sorry for your loss",
        r"sorry to hear (?:about|of) (?:your|the|this) (?:situation|issue|problem|circumstances|"
        r"news|concerns?|difficulties|troubles?)(?=\s*(?:[.!,]|$))",
        r"thank(?:s| you)(?: so much)? for reaching out(?: to us)?(?=\s*(?:[.!,]|$))",
        r"thank(?:s| you) for your (?:letter|email|e-mail|message|enquiry|inquiry|query)"
        r"(?=\s*(?:[.!,]|$))",
        r"sorry about that(?=\s*!)",
        r"(?:my|our) (?:deepest |sincere |sincerest |heartfelt )?(?:condolences|sympathies)",
        r"(?:thank you|thanks) for bringing this to (?:our|my) attention",
        r"(?:we|i) (?:understand|hear|acknowledge) your (?:concern|concerns|frustration|"
        r"complaint)",
        r"(?:we|i) (?:apologi[sz]e|are sorry|'re sorry|'m sorry|am sorry) for (?:the|your|this|"
        r"any) (?:frustration|experience|negative experience|bad experience)",
        r"sorry for the (?:frustration|experience)",
        r"(?:that's|this is|that is|this isn't|that isn't|is not) (?:not )?the (?:kind of |type "
        r"of |level of )?(?:experience|service) (?:we|you)(?: \w+){0,2} (?:want|expect|strive|"
        r"aim|deserve|would expect)",
        r"(?:we|i) strive to",
        r"please accept (?:our|my) (?:sincere |sincerest |deepest |humble )?apolog\w+",
        r"(?:we are|we're) committed to",
        r"rest assured",
        r"(?:we|i) (?:are|'re|am|'m) (?:always )?here (?:to help|for you)",
        r"(?:we|i) understand (?:this|that|it) (?:is|can be|must be|may be) (?:frustrating|"
        r"inconvenient|upsetting|disappointing|annoying)",
        r"we hope (?:this|that) (?:helps|clarifies|resolves)",
        r"(?:i|we) (?:completely|totally|fully) understand(?=\s*[.!,])",
        r"(?:we're|we are|i'm|i am) (?:so |very |truly |really )?sorry (?:for|about) (?:the|any) "
        r"(?:inconvenience|trouble)",
        r"any inconvenience",
        r"(?:we|i) (?:truly |really )?(?:appreciate|value) (?:you|your) (?:reaching out|"
        r"contacting|getting in touch|taking the time|bringing|letting)",
        # Casual and caring stock lines: "I totally get how you feel", "we truly care".
        r"(?:i|we) (?:totally |completely |really |fully )?get (?:how you feel|your frustration|"
        r"how frustrating (?:this|that|it) is)",
        r"(?:we|i) (?:truly |really |genuinely |deeply )?care about (?:your experience|you|our "
        r"customers|every customer)",
        r"(?:thanks|thank you|cheers) for (?:bearing|sticking|hanging on) with (?:us|me)(?= *[.!,]| *$)",
        r"from all of us(?: (?:here|at \w+))?(?= *[.!,]| *$)",
        r"(?:i|we) (?:completely |totally |fully |do )?understand how (?:hard|difficult|tough|"
        r"upsetting|stressful|worrying) (?:this|that|it) (?:must be|is|can be|has been)(?: for "
        r"you)?(?= *[.!,]| *$)",
        r"sorry to hear (?:that|this) and\b|and take (?:\w+ ){1,3}(?:very |extremely )?seriously",
    ]
)
EMPATHY_SENTENCE = rx(
    r"\b(?:sorry|apolog\w*|understand\w*|appreciat\w*|valu\w+|frustrat\w*|inconvenien\w*|"
    r"patience|condolence\w*|regret\w*|sympath\w*|imagine|unfortunately|concern\w*|priority)\b"
)

TRANSFER = compile_any(
    [
        r"(?:resolved|handled|dealt with|sorted) by your (?:bank|card issuer|provider|insurer|"
        r"landlord|employer)",
        r"(?:please |kindly |then |you'll need to |you will need to |you need to |you should |you must |"
        r"best to |you can |you may |you could |i'd suggest you |we'd suggest you )?(?:contact|call|ring|"
        r"phone|email|e-mail|speak to|speak with|talk to|get in touch with|reach out to|check with|"
        r"raise (?:a ticket|a claim|it|this) with|visit|ask) (?:the |your |their |a |an )?"
        r"(?:[\w-]+'s? )?(?:[\w-]+ ){0,2}(?:bank|provider|insurer|manufacturer|council|gp|doctor|"
        r"authority|seller|retailer|accountant|landlord|tenant|network|airline|courier|branch|"
        r"desk|department|support line|support team|support|helpline|company|vendor|merchant|"
        r"pharmacist|embassy|police|hospital|clinic|store|agency|solicitor|lawyer|"
        r"highways|service provider)s?\b",
        r"(?:please |kindly |you should |you'll need to |you will need to |you need to )(?:contact|call|"
        r"email|ring|phone|get in touch with|speak to|raise a ticket with|reach out to) "
        r"(?-i:[A-Z][\w&]+)(?! (?:on|at) \+?\d)",
        r"(?:call|ring|phone|text) (?:us |them )?(?:on |at )?\+?\d[\d -]{6,}\d+",
        # Sent to someone else who is not a team of ours: a vet, a plumber, the neighbour's
        # insurer, "other hotels", "them directly".
        r"(?:please |you'll need to |you will need to |you need to |you should |you may want to )?"
        r"(?:contact|call|ask|speak to|appeal to|try|go to|be taken to|take it to|look into) "
        r"(?:the |your |their |a |an |other |our )?(?:own )?(?:[\w-]+'s? )?(?:[\w-]+ ){0,2}(?:vet|"
        r"plumber|neighbour|neighbor|travel agent|freeholder|gate|hotels|electrician|locksmith|"
        r"mechanic|garage|operator|paypoint shop|post office|apple|ticket office|car hire)s?\b|"
        r"(?:appeal|complain|write|talk) to them directly|need to be taken to \w+",
        r"(?:please |kindly )?(?:file|submit|log|make) (?:a |your |the )?(?:\w+ ){0,2}(?:report|claim|"
        r"complaint|request)s? (?:at|with|via|through|on) (?:the |their |your )?(?:\w+ ){0,2}"
        r"(?:desk|website|portal|site|council|department|provider|insurer|authority)",
        r"(?:use|fill in|fill out|complete|submit) (?:our|the) (?:\w+ )?(?:contact|complaints?|enquiry|"
        r"inquiry) form",
        r"(?:is|are) (?:\w+ )?(?:handled|dealt with|managed|looked after|processed) by (?:another|a "
        r"different|a separate|our|the|their|your) (?:\w+ ){0,2}(?:team|department|partner|provider|"
        r"company|courier|carrier|specialists|office|desk|bank|manufacturer|insurer)",
        r"(?:send|email|post|forward)(?: \S+){1,8} to (?:our|the|their) (?:\w+ )?(?:team|department|"
        r"address|office)",
        r"(?:a matter|an issue|something) (?:between you and|for you and|for) your (?:bank|card|"
        r"provider|insurer|landlord)",
        r"(?:please |kindly )?(?:call|contact|ring|phone|text|email) (?:us |them |our team |the "
        r"team )?(?:again |back )?(?:on|at) (?:\+?\d+|[\w.]+@[\w.-]+)",
        r"(?:speak|talk) to (?:the |a |station |airport |store |shop |our |any )?(?:staff|member of "
        r"staff|station staff|airport staff|store staff|desk)",
        r"(?:return|go back|head back|take it back) to the (?:store|shop|retailer|branch|seller) "
        r"(?:where|you)",
        r"(?:please |kindly )?(?:contact|call|ring|see|visit) (?:your|the) (?:gp|gp surgery|doctor|"
        r"pharmacy|university|school|college|landlord|council|embassy|police|insurer|employer|"
        r"local (?:store|branch))",
        r"(?:send|email|post|forward) (?:it|them|this|the \w+)(?: \w+){0,6} to (?:our|the) (?:\w+ )?"
        r"(?:team|department|address)",
        r"(?:handled|dealt with|managed|looked after) by (?:your|their)",
        r"(?:email|contact|write to) [\w.+-]+@[\w-]+(?:\.[\w-]+)+",
        r"(?:should|must|need to|will need to|has to|have to) be (?:raised|taken up|directed|"
        r"addressed|reported|sent) (?:with|to)",
        r"(?:you(?:'ll| will| would|'d)? (?:need|have) to|you need to|please|kindly|it's best to|"
        r"best to|you should|you can|you may|you might (?:want|need) to|i'd (?:suggest|recommend|"
        r"advise)|i would (?:suggest|recommend|advise)|we (?:suggest|recommend|advise)|"
        r"(?:i|we) recommend|(?:i|we) suggest|(?:i|we) advise|you could|your best bet is to|"
        r"try|you must|we need you to|will need to)(?: \w+){0,3}? (?:contact|call|ring|phone|"
        r"email|reach out to|get in touch with|speak (?:to|with)|talk to|visit|go to|message|"
        r"write to|take (?:this|it|that) up with|raise (?:this|it) with|check with|contact|"
        r"direct (?:your|this|it)(?: \w+)? to|send (?:this|it|your \w+) to|file (?:a|your) "
        r"\w+ with|open a (?:ticket|case|claim) with|dispute it with)"
        r"(?: \w+){0,5}? (?:your bank|the bank|your card|card (?:issuer|provider|company)|the "
        r"manufacturer|the seller|the vendor|the merchant|the retailer|the store|the shop|the "
        r"courier|the carrier|the airline|the hotel|the venue|the app store|apple|google|"
        r"(?:our|the|another|a different|a separate|their|your local) (?:\w+ ){0,2}(?:team|"
        r"department|dept|desk|line|helpline|hotline|number|support|specialists|branch|"
        r"store|office|centre|center|partner|provider)|customer (?:service|services|care|"
        r"support)|support|them|they|\w+ support|the number|\w+ directly|directly|us (?:via|"
        r"through|by|on|at|over|in)|your (?:provider|carrier|isp|insurer|employer|landlord|"
        r"airline|local|network|broadband|energy|bank|card|payment|email)|the (?:number|link|"
        r"email|address|website|site|form|portal))",
        r"(?:dm|direct message|private message|pm|inbox|message|msg) us",
        r"(?:send|drop|shoot|give) us (?:a |an )?(?:quick )?(?:dm|direct message|private message|"
        r"pm|message|email|call|ring|note)",
        r"(?:reach out|contact us|message us|get in touch|reach us|talk to us|chat with us|"
        r"call us|email us|write to us)(?: \w+){0,3} (?:via|through|by|over|on|at|using) "
        r"(?:dm|direct message|private message|email|e-mail|chat|live chat|phone|the phone|"
        r"our|the|\+?\d+|1-?8\d*)",
        r"(?:follow and dm|follow us and)",
        r"(?:i'll|i will|let me|i'm going to|i am going to|i can|we'll|we will|we can|i'm "
        r"gonna|i've|i have|we've|we have) (?:now |just |go ahead and )?(?:put you through|transfer|pass|forward|"
        r"connect|redirect|refer|hand|send)(?:ed|ring|ing)? you",
        r"(?:that's|that is|this is|it's|it is|these are|this would be|that would be) "
        r"(?:\w+ )?(?:handled|dealt with|managed|looked after|covered|taken care of|processed) by "
        r"(?:another|a different|a separate|our|the|their)(?: \w+){0,2} (?:team|department|"
        r"dept|company|partner|provider|specialists|office|desk|bank|manufacturer)",
        r"(?:we|i) (?:don't|do not|can't|cannot|are unable to|aren't able to) (?:handle|deal "
        r"with|help with|assist with|support|access|see|discuss)(?: \w+){0,3} (?:here|on this "
        r"channel|via|over|on twitter|on social|through this|from this team|in this chat|at "
        r"this desk|from here)",
        r"(?:not|isn't) (?:something|an issue|a matter|a question) (?:that )?(?:we|i) (?:can )?"
        r"(?:handle|deal with|help with|assist with|answer)",
        r"(?:please|kindly)? ?(?:call|contact|ring|phone|text|email) (?:us |them |our team |"
        r"the team )?(?:on|at) (?:\+?\d[\d ]*\d+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
        r"(?:outside|not within) (?:our|my|this team's) (?:remit|scope|hands)",
        r"(?:speak|talk) to (?:your|the) (?:bank|card issuer|manufacturer|retailer|seller|"
        r"courier|airline)",
        r"(?:the|your) (?:bank|card issuer|manufacturer|retailer|seller|courier|airline|"
        r"carrier) (?:will|would|should|can) (?:be able to )?(?:help|assist|advise|sort)",
        # Sent on to an outside body with nothing done here.
        r"(?<!right\x20to\x20)(?:contact|contacting|call|ring|email|ask|speak to|check with|"
        r"apply via|apply through|requested from|request (?:it |this |them )?from|refer (?:\w+ ){0,2}to|report (?:\w+ ){0,3}"
        r"(?:to|at))(?: \w+){0,3}? (?:action fraud|(?:\w+ )?ombudsman|trading standards|stepchange|"
        r"citizens advice|(?:national )?gas emergency|relay uk|apple|google|the police|police on|"
        r"your (?:university|pharmacy|new supplier|new provider|school|college|employer|gp|"
        r"surgery|vet)|the (?:\w+ ){0,3}(?:coordinator|unit|authority|services desk|desk|"
        r"operator|postal service))",
        r"(?:follow|see|check) @\w+",
        r"must be (?:requested|arranged|made|reported|raised) (?:through|via|from|with|by) "
        r"(?!us\b|me\b|our (?:team|agents?)\b)",
        # "You may wish to contact a broker"; "please report it to the retailer".
        r"you may (?:wish|want|like) to (?:contact|speak to|call|get in touch with|approach|ask|"
        r"write to|email)",
        r"please (?:report|raise|send|take|direct|address) (?:it|this|them|that|your \w+) (?:to|"
        r"with) (?:the|your) (?:retailer|seller|bank|airline|carrier|operator|insurer|landlord|"
        r"manufacturer|provider|council|pharmacy|gp|broker|club|branch|school|employer)",
        r"(?:must|should|can only) be (?:requested|raised|made|submitted|arranged|collected) "
        r"(?:at|with|from) (?:your|the) (?:\w+ ){0,2}(?:reception|branch|club|store|bank|"
        r"pharmacy|retailer|airline|operator|provider|station|desk)",
        r"(?:please )?email our (?:\S+ ){0,3}(?:team|department|desk)",
        # Told to take it up with someone else themselves: "with them directly", "their insurer".
        r"(?:raise|report|claim|take|complain|send|direct|dispute|chase)(?: [\w']+){0,3} "
        r"(?:with|to|from) (?:them|their (?:[\w-]+ ){0,2}[\w-]+|the (?:[\w-]+ ){0,2}[\w-]+) "
        r"directly\b",
        r"(?:raise|take up|dispute|report|claim)(?: [\w']+){0,3} (?:with|from) (?:your|their|the) "
        r"(?:card issuer|issuer|bank|insurer|contractor|landlord|manufacturer|council|"
        r"(?:\w+ )?admin|administrator|account holder)\b",
        r"(?:report|raise|send) (?:it|this|them) to them\b|on their (?:freephone |own )?(?:number|"
        r"website|helpline|line)",
        r"(?:needs|need) (?:reporting|to be reported|raising|to be raised) (?:to|with)\b",
        r"(?:contact|call|ring|phone|dial) (?:the )?emergency services?\b",
        r"(?:please |you'll need to |you will need to |you need to )(?:call|ring|phone|dial) "
        r"\d{3,}\b",
        r"(?:you'll|you will|you'd|you would) need to (?:phone|call|ring|email|write to|visit) us"
        r" (?:for|about|to|directly)\b",
        r"make your way to the (?:[\w-]+ ){0,2}(?:desk|counter|office|gate|reception)\b",
    ]
)
SELF_SERVICE = rx(
    r"\b(?:help ?cent(?:re|er)|website|web site|faq|our app|the app|online|settings)\b"
)
WARM_HANDOFF = compile_any(
    [
        r"(?:i've|i have|we've|we have|i'll|i will|i'm going to|i am going to|i just) (?:told|"
        r"briefed|let) (?:her|him|them|the \w+(?: \w+)?) (?:know )?(?:you|that|about|what|"
        r"everything)",
        r"(?:i've|i have|we've|we have|i'll|i will|i'm going to|i am going to|i just) "
        r"(?:\w+ )?(?:passed|pass|sent|send|forwarded|forward|shared|share|added|add|included|"
        r"include|noted|note|briefed|brief|given|give|put|copied|copy|attached|attach|logged|"
        r"log|written|write|summarised|summarized)(?: \w+){0,5} (?:details|notes|everything|"
        r"case|information|info|history|summary|story|photos|screenshots|account|steps|order "
        r"number|file|context|explanation)",
        r"so you (?:won't|don't|will not|do not|shouldn't|should not) (?:have|need) to "
        r"(?:repeat|explain|start|tell|go through|re-?explain)",
        r"(?:they|the \w+(?: \w+)? team|the \w+ department|(?:my|our) colleague\w*|the "
        r"specialist\w*|the engineer\w*|he|she|someone|the manager|the supervisor) "
        r"(?:will|'ll|is going to|are going to|should) (?:\w+ )?(?:call|contact|email|reach|get "
        r"back to|phone|ring|message|be in touch with|follow up with) you",
        r"(?:already )?(?:has|have) (?:your|the|all the|all your|full) (?:details|notes|case|"
        r"history|information|info|context|account)",
        r"(?:i'll|i will|i'm going to|i am going to) (?:stay|stay on the line|join|introduce|"
        r"remain|wait) (?:on|with|you|the|until)",
        r"(?:i've|i have|we've|we have|i'll|i will|i'm going to|let me) (?:\w+ )?(?:opened|"
        r"open|created|create|raised|raise|logged|log|filed|file|started|start|submitted|"
        r"submit|booked|book|arranged|arrange|escalated|escalate)(?: \w+){0,2} (?:a |an |the |"
        r"your )?(?:\w+ )?(?:case|ticket|request|complaint|claim|investigation|callback|call ?back|"
        r"referral|report|dispute|appointment)",
        r"(?:i'll|i will|we'll|we will) (?:personally )?(?:follow up|check in|chase|keep an eye|"
        r"make sure|monitor)",
        r"(?:warm )?(?:handoff|hand-off|handover|hand-over)",
        r"(?:i've|i have|we've|we have|i just) (?:\w+ )?(?:spoken|talked|called|contacted|"
        r"messaged|emailed|checked) (?:to |with )?(?:the|our|your|them|my)",
    ]
)

BLAME = compile_any(
    [
        # The fault put on "customers who don't", on what the customer should have read,
        # or on their side, and rules recited after the fact.
        r"(?:customers|tenants|patients|users|members|drivers|guests|passengers|students|"
        r"homeowners|residents|clients) who (?:don't|do not|leave|fail|forget|skip|haven't|"
        r"ignore|didn't|aren't|are not)\b",
        r"as (?:you'd|you would|you'll|you will) have (?:seen|known|read|noticed)|as (?:explained|"
        r"stated|mentioned|outlined|set out|made clear) in your (?:\w+ )?(?:email|letter|pack|guide|"
        r"confirmation)",
        r"(?:problem|issue|fault) (?:is|isn't|is not|was|might be|may be)(?: \w+){0,2} on your "
        r"(?:side|end)|did you (?:share|give|tell|click|enter|leave|forget|lose)\b",
        r"(?:can|may|will|tends? to|usually|often) (?:fail|happen|occur|break|stop working|go "
        r"wrong)(?: \w+)? (?:if|when)(?: \w+){0,4} (?:isn't|aren't|not|don't|doesn't|weren't)\b",
        r"(?:usually|often|typically|generally|commonly) (?:happen|happens|occur|occurs|come|"
        r"comes) (?:from|when|if)(?: \w+){0,5} (?:isn't|aren't|not|don't|doesn't|kept|left|"
        r"overload\w*)\b",
        r"must be reported (?:straight away|immediately|promptly|at once)",
        r"we (?:always|strongly) (?:recommend|advise|suggest)\b",
        r"customer not (?:in|home|available)|you (?:weren't|were not) (?:in|home|available|"
        r"there) (?:when|at)",
        r"(?:earlier|sooner|in advance|ahead) next time",
        r"(?:usually|often|typically|commonly|mostly|generally|normally|most often|likely|probably)"
        r" (?:caused by|due to|happens when|happens because|because) (?:the )?(?:customers?|users?|"
        r"homeowners?|people|policyholders?|the policyholder|account holders?|riders?|passengers?|"
        r"buyers?|guests?|owners?)",
        r"(?:customers?|users?|people|policyholders|passengers|buyers) (?:often|usually|commonly|"
        r"frequently|sometimes|tend to) (?:mistype|forget|enter|select|choose|fail|don't|do not|"
        r"share|use|shop|miss|misread|ignore|leave|lose|type)",
        r"(?:caused by|due to|result of) (?:an? |the )?(?:\w+ ){0,4}(?:on|in|with) (?:your|the "
        r"customer's|the user's) (?:side|end|own|phone|device|console|computer|browser|network|"
        r"connection|router|account)",
        r"on the (?:customer's|user's|client's) (?:side|end)",
        r"in line with your (?:instructions|selection|choice|request|settings)",
        r"exactly what you (?:selected|chose|entered|ordered|typed|asked for|requested|ticked)",
        r"what you (?:selected|chose|entered|typed|ticked)\b",
        r"(?:is|was|were|are) (?:chosen|selected|entered) by (?:the user|you|the customer|the buyer)",
        r"you (?:could|should|would) have (?:\w+ ){0,2}(?:extended|checked|bought|selected|read|"
        r"kept|contacted|told|called|submitted|packed|noticed|updated|added|asked|insured|"
        r"taken out|purchased|upgraded|backed up)",
        r"(?:customer's|passenger's|policyholder's|user's|account holder's|homeowner's|buyer's|"
        r"traveller's|guest's|cardholder's|tenant's|owner's|rider's|your) (?:own )?responsibility "
        r"to",
        r"(?:the )?(?:customer's|passenger's|policyholder's|user's|homeowner's|buyer's|"
        r"cardholder's|tenant's) (?:own )?responsibility",
        r"(?:please|kindly) (?:make sure|ensure) (?:you|someone|that you|that someone)(?: \w+){0,3} "
        r"(?:is|are)? ?(?:available|home|in|present|correctly|select|enter|keep)",
        r"(?:please )?(?:be (?:more )?careful|take (?:more )?care)(?: \w+){0,4} (?:in future|next "
        r"time|where you|with your|when you)",
        r"to avoid this (?:in future|next time|happening again)",
        r"(?:you|the customer) (?:may|might) have (?:copied|typed|entered|selected|clicked|"
        r"misread|mistyped|chosen|pressed|input)",
        r"(?:it's|it is) (?:possible|likely|probable) (?:that )?you (?:didn't|did not|forgot|"
        r"missed|entered|selected|mistyped|haven't)",
        r"(?:weren't|were not|wasn't|was not) (?:at )?home when",
        r"should (?:always|never) (?:be )?(?:packed|kept|stored|left|shared|used)",
        r"you should (?:always|never) (?:keep|pack|share|leave|check|store|use)",
        r"(?:there were|there are|you had) other ways to",
        r"(?:if|had) you (?:had )?(?:submitted|sent|provided|entered|given|kept|packed|booked|"
        r"selected|updated|registered)",
        r"you should (?:allow|plan|leave|have left|give yourself|budget)",
        r"you were (?:told|informed|warned|notified|advised) (?:at|when|during|before|in|on) (?:the "
        r"time|booking|checkout|purchase|sign-?up|signing)",
        r"(?:authori[sz]ed|approved|confirmed|made) (?:with|using|by) your (?:secure |own )?(?:code|pin|"
        r"password|card|fingerprint|face id|app|device)",
        r"(?:is|are|was|were) (?:clearly|plainly|very clearly) (?:listed|stated|shown|displayed|marked|"
        r"labelled|labeled|written)",
        r"(?:please )?check (?:it|this|the \w+) before (?:ordering|buying|booking|paying)",
        r"you must(?:'ve| have) (?:\w+ ){0,2}(?:pressed|clicked|tapped|ordered|selected|chosen|"
        r"typed|booked|set|left|forgot|missed)",
        r"you should(?:'ve| have)(?! (?:received|got|gotten|been|seen|had|a|an|the|it|now|access|"
        r"heard|your|that|this|some|one)\b) \w+(?:ed|ght|en|wn)\b",
        r"(?:check|read|look at)(?: \w+){0,3} (?:more )?(?:carefully|properly)(?: next time| in "
        r"future)?",
        r"(?:carefully|properly) (?:next time|in future)",
        r"(?:were|are|was|is) responsible for (?:check|read|ensur|mak|provid|keep|updat|be)\w*",
        r"(?:passengers|customers|users|buyers|account holders|cardholders|the customer) "
        r"(?:are|is) responsible",
        r"you (?:closed|cancelled|canceled|ordered|entered|selected|chose|missed|forgot|"
        r"booked|paid)(?: \S+){0,4} (?:after|too late|late|wrong|incorrect|at checkout)",
        r"you (?:may|might|must|could) have (?:missed|overlooked|thrown|discarded|lost|dropped|"
        r"misplaced|forgotten|misread|deleted)",
        r"(?:is|are|was) (?:usually |typically |often |always )?caused by (?:overcharging|misuse|"
        r"drops?|dropping|water|user|improper|incorrect|rough|careless|the (?:user|customer))",
        r"(?:the )?(?:address|details|information|email|number|card) you (?:provide|provided|gave|"
        r"entered|supplied|selected) (?:at|when|during|on)",
        r"(?:sent|delivered|goes|go) to your (?:nominated|registered|selected|chosen|default)",
        r"you should(?:'ve| have)(?! (?:received|got|gotten|been (?:sent|emailed|given|contacted|"
        r"notified|refunded|charged)|seen|had|a |an |the |it|now|access|heard|an? |your|that|"
        r"this|some|one))(?: \w+)? (?:read|checked|contacted|ordered|followed|cancell?ed|told|"
        r"kept|noticed|called|informed|returned|used|updated|looked|reported|asked|paid|"
        r"entered|selected|chosen|double-checked|saved|backed|waited|known|realised|realized|"
        r"thought|taken|done|made|booked|sent|double checked|confirmed|been more|been careful|"
        r"tested|registered|activated|measured)",
        r"you (?:failed|neglected|forgot|omitted|didn't bother|did not bother) to",
        r"as (?:was )?(?:clearly |explicitly |plainly )?(?:stated|mentioned|outlined|explained|"
        r"written|shown|specified|noted|detailed|displayed|indicated) (?:in|on|at) (?:the|our|"
        r"your) (?:terms|t&cs|conditions|policy|product page|description|listing|faq|website|"
        r"confirmation|email|checkout|contract|agreement|booking|order)",
        r"(?:terms|conditions|t&cs|policy|agreement|contract) (?:that |which )?you (?:accepted|"
        r"agreed to|signed|read|acknowledged)",
        r"you (?:agreed|accepted|consented|signed up) to (?:the|our|these|this)",
        r"(?:it is|it's|it was|that's|that is|this is|this was|that was|which is|was) "
        r"(?:entirely |solely |completely |ultimately )?(?:your|the customer's|the account "
        r"holder's|the cardholder's|the buyer's) (?:own )?(?:responsibility|fault|mistake|"
        r"error|problem|choice|decision|job)",
        r"(?:due to|because of|caused by|result of) (?:your|user|customer|operator|an? "
        r"user|an? customer) (?:own )?(?:error|mistake|failure|negligence|misuse|oversight)",
        r"you (?:entered|typed|selected|chose|gave|provided|input|put in|used|supplied|picked) "
        r"(?:us )?(?:the |an |a |your )?(?:wrong|incorrect|invalid|old|outdated|expired|"
        r"mistyped)",
        r"because you (?:didn't|did not|never|failed|forgot|chose|decided|ignored|missed)",
        r"(?:if|had) you(?: had)? (?:read|followed|checked|contacted|ordered|looked|paid "
        r"attention|listened|bothered)",
        r"you (?:were|had been|have been) (?:clearly |already |explicitly |properly )(?:told|"
        r"informed|warned|notified|advised|made aware)",
        r"as you (?:were|have been|had been) (?:\w+ )?(?:told|informed|advised|warned)",
        r"you (?:didn't|did not|never|haven't|have not) (?:read|follow|check|provide|enter|"
        r"update|tell|inform|notify|select|contact|return|pay|cancel|register|activate|confirm|"
        r"respond|reply|follow the)(?! (?:us|me|yet)\b)",
        r"(?:user|operator|customer) error",
        r"you must(?:'ve| have) (?:\w+ ){0,2}(?:entered|typed|deleted|clicked|dropped|damaged|"
        r"broken|forgotten|misread|selected|missed|ignored|changed|overlooked|misunderstood|"
        r"used|installed|done)",
        r"(?:please|kindly) (?:read|check|review) (?:the|our) (?:terms|policy|instructions|faq|"
        r"manual|guidelines)(?: \w+){0,2} (?:more )?(?:carefully|next time|before|properly|"
        r"in future)",
        r"(?:damage|issue|problem|fault|breakage) (?:was|is|has been|appears to be|seems to be) "
        r"(?:clearly )?(?:caused by|due to|the result of) (?:you|your|misuse|improper|user|"
        r"water|a drop|dropping|physical)",
        r"misuse",
        r"(?:not|isn't|is not) (?:our|the company's|my) (?:fault|problem|issue|concern)",
        r"(?:next time|in future),? (?:please |you should |make sure |be sure |try to )?"
        r"(?:read|check|double-check|double check|make sure|ensure|pay attention|order)",
        r"you (?:clearly|obviously) (?:didn't|did not|failed|missed|ignored|misread|"
        r"misunderstood)",
        r"(?:instructions|terms|policy|rules|details) (?:were|are|was|is) (?:clearly|very "
        r"clearly|plainly) (?:stated|explained|written|shown|displayed|outlined|laid out)",
        # A lesson for next time: the fault is put on what the customer did or did not do.
        r"(?:please |kindly )?(?:make sure|ensure|remember|be sure) (?:that )?(?:you|your|all|"
        r"the)(?: \S+){0,9} (?:in future|next time|from now on|for future|on time|before "
        r"(?:ordering|booking|paying|sending|leaving|purchasing)|(?:is|are) (?:kept )?(?:correct|"
        r"accurate|up to date))",
        r"please (?:\w+ ){1,8}(?:in future|next time|from now on|on future \w+|for future \w+)",
        r"(?:please )?avoid (?:doing (?:this|that)|\w+ing (?:this|that|more than))",
        r"(?:it's|it is) best not to",
        r"(?:you|customers) (?:need|needs|will need) to take (?:more )?care",
        r"(?:usually|often|almost always|typically|commonly|generally|normally|most likely) (?:\w+ )?"
        r"(?:caused by|down to|come from|comes from|the result of|triggered by) (?:the |a |an )?"
        r"(?!(?:fault|network|outage|our|a fault|an outage|the network)\b)(?:\w+ ){0,3}(?:being|"
        r"placed|on|in|using|overloading|lifestyle|driving|customers?|occupants?|users?|students?|"
        r"tenants?|households?|owners?|(?:a |your )?(?:slow|home|own))",
        r"(?:as|since|because) you (?:did not|didn't|had not|hadn't|chose|selected|entered|"
        r"opted|forgot|booked|set|ticked|renewed|used)\b(?![^.!?]{0,60}\b(?:i can|i've|i'll|we "
        r"can|we've|we'll)\b)",
        r"you (?:chose|selected|opted for) (?:the )?(?:standard|cheapest|basic|non-refundable|"
        r"wrong)",
        r"(?:document|form|rules|terms|agreement|confirmation|guide|manual|leaflet)s?(?: \w+){0,2} "
        r"(?:that )?you (?:signed|accepted|agreed to|were given|received|were sent)",
        r"(?:packed|entered|selected|set|submitted|changed|provided|placed|unplugged|moved) by "
        r"(?:you|the user|the customer|the occupant|the tenant)\b",
        r"(?:settings|changes) (?:changed |made )?by the (?:user|customer|account holder)",
        r"(?:uploaded|upload|sent|saved|installed|configured|set up|connected)(?: \w+){0,2} "
        r"(?:properly |correctly )?on your (?:end|side)\b",
        r"(?<!n't\x20)(?<!not\x20)(?:is|was|seems to be|appears to be|lies|lay) (?:on|at) your "
        r"(?:end|side)\b",
        r"(?:a |the )?(?:tenant|customer|user|occupant|owner|member)(?:'s)? responsibility|"
        r"(?:are|is) your responsibility",
        r"(?:clearly |was |were )(?:selected|chosen|entered|confirmed|shown|stated)(?: \w+){0,2} "
        r"at (?:checkout|check-out|booking|the time of (?:booking|purchase|ordering))",
        # The rule recited with the customer's own lapse beside it, or their risk to carry.
        r"at your own risk|(?:which|that) you (?:confirmed|agreed|said|ticked) (?:that )?you(?:'d| "
        r"had| have)? (?:read|seen|understood)",
        r"(?:,|;|-|and|but) (?:this one|yours|this parcel|this item|it|you) (?:wasn't|weren't|"
        r"didn't|hadn't|was not|did not|had not)\.?$",
        r"as (?:we|i) (?:told|explained to|advised|informed|reminded) you\b",
        r"(?:may|might|could) be that (?:the \w+|it|you|your \w+) (?:is|are|isn't|aren't|was|"
        r"were) (?:not )?being (?:\w+ )?(?:closed|used|fitted|shut|locked|charged|entered|"
        r"stored|kept|left)",
        r"(?:please )?check (?:that )?you(?:'re| are) (?:entering|typing|using|putting in)(?: \w+){0,3} "
        r"(?:correctly|properly|right)",
        r"(?:pupils|children|parents|families|owners|holders|patients|visitors|"
        r"cardholders|policyholders|account holders) (?:are|is) (?:\w+ )?(?:expected|responsible)"
        r" (?:to|for)\b",
        r"(?:usually|often|typically|mostly|normally) (?:comes?|results?) from (?:\w+ing)\b",
        r"(?:please )?(?:make sure|ensure) yours (?:is|are)\b",
        r"(?:did you|have you) (?:check|read|look)(?: \w+){0,3} before (?:sending|paying|"
        r"ordering|booking|buying|submitting)",
        r"(?:entered|provided|given|supplied|added|selected) (?:at|during|when) (?:checkout|"
        r"check-out|booking|ordering)",
        r"(?:no|without) (?:delivery )?(?:instructions|forwarding address)(?: \w+){0,3} (?:were |"
        r"was |being )?(?:added|provided|given|supplied)",
        r"(?:had|if) (?:the \w+|it|this|you) (?:had )?been (?:reported|raised|checked|"
        r"cancelled|booked|sent|submitted) (?:sooner|earlier|in time|on time)",
        r"(?:the )?(?:payment method|card|password|details)(?: \w+){0,2} must have been "
        r"(?:left|shared|saved|given)",
        r"(?:it's |it is )?(?:likely|probable|possible) (?:that )?your (?:details|password|code|"
        r"card|pin)(?: \w+){0,2} (?:were|was) (?:shared|given|disclosed|left)",
        r"(?:customers?|residents?|passengers?|drivers?|students?|candidates?|parents?|tenants?|"
        r"members?|players?|users?|recipients?|applicants?|guests?) (?:are|is) (?:\w+ )?(?:expected|"
        r"responsible|advised) to",
        r"(?:player's|resident's|student's|driver's|member's|occupant's|guest's) responsibility",
        r"(?:please |kindly )?(?:make sure|ensure)(?: \S+){1,10} (?:during|on|for) future "
        r"(?:stays|visits|orders|deliveries|bookings|trips|collections|journeys)",
        r"(?:please |kindly )?(?:make sure|ensure) (?:that )?you(?: \S+){0,8} (?:the )?(?:correct|right)"
        r"(?: \w+){0,3} this time",
        r"(?:you|you're) (?:probably|likely|may be|might be|must be) (?:typing|entering|using|"
        r"pressing|tapping|scanning|deleted|typed|entered|used|pressed|tapped)\b",
        r"you (?:need|have) to (?:select|enter|choose|use|check) the (?:correct|right)",
        r"as (?:yours|your \w+) (?:arrived|was|were) (?:late|incorrect|wrong|missing|not)",
        r"which you (?:signed|accepted|agreed to|were given)",
        r"(?:you gave us|you provided|you entered|you supplied)(?: \w+){0,4} (?:was|were) "
        r"(?:incorrect|wrong|invalid|late)|(?:was|were) returned late",
        r"(?:are|is) caused by (?:customers?|users?|passengers?|residents?|people|drivers?)",
        r"(?:as|since|because) you (?:stored|left|parked|put|moved|changed|kept|deleted|turned "
        r"off|switched off)\b",
        r"(?:is|was) the one you (?:entered|gave|provided|selected|chose)",
        # The customer's account of what they did, denied by our records.
        r"(?:our|the) (?:records|system|logs) (?:show|shows|indicate|indicates|hold|holds) no "
        r"(?:\w+ ){0,3}(?:cancellation|request|change|notification|readings?|renewal|contact|"
        r"payment|return|call|email|letter|notice|contract|certificate)",
        r"(?:we have|we hold|there is|there's) no record of (?:a |an |any |the |your )?(?:\w+ )?"
        r"(?:cancellation|request|call|contact|email|letter|readings?|change|notification|"
        r"notice|return)",
        # Rules and advice aimed at customers as a group, after the fact.
        r"(?:customers|residents|students|patients|guests|drivers|parents|passengers|players|"
        r"members|tenants|users|merchants|applicants|candidates) (?:should|must|need to|are "
        r"(?:asked|advised|expected|reminded|required) to) (?:always |never |not |first )?"
        r"(?:check|ensure|inform|report|allow|purchase|share|use|notify|keep|read|present|"
        r"submit|measure|register|supervise|make sure|double-check)",
        r"(?:we|i) (?:always |would |strongly )?(?:recommend|advise|suggest) (?:that )?(?:all )?"
        r"(?:customers|parents|households|guests|passengers|users|players|residents|drivers|"
        r"merchants|tenants|members|patients)",
        r"(?:caused|installed|entered|submitted) by (?:customers|merchants|users|passengers|"
        r"residents|players)",
        r"(?:usually|normally|typically|often|mostly) (?:\w+ )?(?:when|because|if) (?:the )?"
        r"(?:customers?|passengers?|users?|players?|residents?|the wrong|an incorrect|incorrect)",
        r"you(?:'re| are) (?:using|entering|typing|looking at) the wrong",
        r"please (?:ensure|make sure|double[- ]check|check|measure|read|review) "
        r"(?:\S+ ){0,5}?(?:before (?:ordering|booking|buying|submitting|travelling|traveling|"
        r"trying|reporting|paying|checking out|you (?:order|book|buy|submit|travel))|"
        r"you(?:'re| are) (?:in|home|available)|(?:is|are) (?:signed|submitted|correct|closed|"
        r"turned off))",
        # Polite words that still put it on the customer: lessons, doubts, their own choices.
        r"(?:keep an eye on|bear (?:that|this|it) in mind|be more (?:careful|mindful|aware))(?: "
        r"[\w']+){0,4} (?:in future|for the future|next time|when ordering|going forward)|be more "
        r"mindful of",
        r"please (?:ensure|make sure) (?:that )?(?:your|you) (?:[\w']+ ){0,5}(?:in time|"
        r"accurately|correctly|unique|up to date)\b",
        r"are you sure (?:(?:it|none|that|this|they) (?:was|were|wasn't|weren't|isn't)|you (?:didn't|"
        r"did|sent|entered|used|ordered|haven't|typed|put))\b|double-check (?:the|your) \w+ when",
        r"(?:the (?:\w+ )?)?(?:safe place|option|box|setting|slot) you (?:selected|"
        r"ticked|chose|picked)|you ticked (?:the|a) box|which (?:wasn't|was not) "
        r"(?:chosen|selected)",
        r"you were (?:notified|informed|advised|reminded|emailed|sent (?:a|an) \w+) "
        r"(?:by|in|on|of|that|\d+|about|beforehand|in advance)",
        r"(?:your usage|this|it) is consistent with",
        r"(?:is|are) (?:usually|almost always|often|mostly|generally|typically) (?:down to|caused "
        r"by|the result of)|(?:is|are) almost always (?:the|a|an) (?:[\w']+ ){0,3}(?:not being|being "
        r"left)",
        r"(?:wasn't|was not|weren't|were not) (?:done|fitted|set up|pushed in|secured|installed|"
        r"followed) (?:properly|correctly)|(?:you'll have|you must have|you may have|you might have) "
        r"(?:used|entered|typed|pressed|left|forgotten|missed|selected)\b",
        r"you (?:selected|chose|entered|typed|picked|used|booked) the wrong\b|(?:keeping|making "
        r"sure|ensuring)(?: [\w']+){1,5} (?:is|are) (?:the |your )?(?:account holder's|customer's|"
        r"owner's|your) responsibility",
    ]
)

CREEPY = compile_any(
    [
        r"(?:i|we) (?:noticed|notice|see|can see|saw|could see|observed|spotted|note|noted) "
        r"(?:that )?you(?:'re| are| were| have been|'ve been)?(?: (?:usually|often|always|regularly|"
        r"normally|typically|frequently|tend to|recently|currently|were|are|last|also|have|"
        r"'ve))?(?: \w+){0,2} (?:shop|shopping|browse|browsing|browsed|log(?:ging)? in|logged in|"
        r"sign(?:ed|ing)? in|visit|visited|visiting|look(?:ed|ing)? at|view(?:ed|ing)?|"
        r"search(?:ed|ing)?|online|spend|spent|use (?:our|the) app|using (?:the|our) app|"
        r"buy|bought|active|were in|are in|live in|checked out|added|left|watch(?:ed|ing)?|"
        r"listen(?:ed|ing)?|stream(?:ed|ing)?|clicked|opened|read)",
        r"your (?:browsing|search|purchase|location|login|log-?in|viewing|watch|listening|"
        r"shopping|spending|credit|click|app usage|usage|activity|travel|movement|gps|ip|"
        r"device|streaming|sleep|fitness) (?:history|habits|patterns?|data|activity|times?|"
        r"records?|behaviou?r|logs?|address|location)",
        r"(?:based on|according to|from|judging by|looking at) your (?:location|browsing|"
        r"searches|activity|gps|ip address|device|recent searches|search history|social media|"
        r"posts|usage|habits|late-night)",
        r"you(?:'re| are| were) (?:currently |just |recently )?(?:browsing|looking at|viewing|"
        r"searching for|shopping for)",
        r"(?:usually|always|often|regularly|every night|every day|most nights|most days|"
        r"tend to)(?: \w+){0,4} (?:at|around|after|before) (?:\d{1,2}(?::\d\d)?(?: ?(?:am|pm))?|midnight)",
        r"(?:at|around) \d{1,2}:\d\d ?(?:am|pm|a\.m\.|p\.m\.)?(?: \w+){0,3} (?:most|every|each) "
        r"(?:night|day|morning|evening|week)",
        r"(?:i|we) can see (?:that )?you(?:'re| are) (?:currently |now |right now )?(?:in|at|"
        r"near|based in|located in)",
        r"your (?:current |exact |live |precise )?(?:location|whereabouts|gps|coordinates)",
        r"you(?:'re| are) (?:currently |now |at the moment )?(?:in|near|at) (?:\w+ ){0,2}(?:right "
        r"now|at the moment|currently)",
        r"your (?:instagram|facebook|twitter|tiktok|linkedin|social media|social|fb|insta|"
        r"youtube|reddit|strava|pinterest) (?:post|posts|profile|page|account|story|stories|"
        r"photos?|pictures?|feed|activity|check-?in)",
        r"(?:i|we) (?:saw|noticed|read|seen) (?:on )?your (?:post|tweet|photo|story|profile|"
        r"review on|comment|instagram|facebook|tiktok|linkedin|holiday|pictures)",
        r"(?:on|in|from) your (?:instagram|facebook|tiktok|linkedin|social media|twitter "
        r"(?:feed|profile|timeline)|strava|pinterest|youtube)",
        r"you (?:spent|spend|shop|shopped|bought|order|ordered|paid) (?:\w+ ){0,3}(?:at|with|from) "
        r"(?:other|another|our competitors?|competitors?|a competitor|rival|\w+ instead)",
        r"(?:your|the) (?:late-night|late night|midnight|night-?time|3am|early-morning|weekend) "
        r"(?:shopping|browsing|orders|sessions|logins|visits|activity|habits|purchases|"
        r"spending|app use)",
        r"(?:noticed|see|saw|can see|notice) (?:that )?you (?:logged|signed|were|are|have been|"
        r"'ve been) (?:in|on|online|active)",
        r"your (?:recent )?(?:searches|search terms|clicks|wish ?list|browsing) (?:for|include|"
        r"show|suggest)",
        r"(?:left|sitting|still) in your (?:cart|basket|bag)",
        r"(?:your|you) (?:\w+ ){0,2}(?:credit score|salary|income|bank balance|other accounts|"
        r"medical records|home value|net worth)",
        r"(?:your|the) (?:wife|husband|partner|kids?|children|family|daughter|son|mum|mom|dad|"
        r"neighbou?r|ex)'s? (?:account|orders|purchases|history|activity|browsing|searches)",
        r"(?:our|the) (?:records|data|system|tracking|analytics|logs) (?:show|shows|tell us|"
        r"indicate|suggest|say)(?: that)? you(?:'ve| have| were| are| usually| often| always)? "
        r"(?:usually|often|always|recently|been|visited|browsed|logged|spent|"
        r"shopped|viewed|searched|looked)",
        r"(?:device|phone) (?:you(?:'re| are) using|you use)(?: \w+){0,3} (?:is|shows|runs)",
        r"(?:last|recent) (?:login|log-in|sign-in|session|visit) (?:from|was from|in|at)",
        r"(?:seen|see|saw|noticed|notice) (?:that )?you (?:visiting|visit|at|in) (?:our|the|a) "
        r"(?:\w+ )?(?:store|shop|branch|gym|location)",
        r"(?:you|you've|you have) (?:been|were) (?:to|at|in) (?:our|the|a) (?:\w+ )?(?:store|"
        r"branch|gym|location)s? (?:\w+ ){0,3}(?:times|every|twice|lately|recently|this week)",
        # Logs and devices of ours read back at the customer: key cards, smart plugs, routers.
        r"our (?:[\w-]+ ){0,2}(?:data|logs?|diagnostics|analysis|analytics|telemetry|tracking|"
        r"monitoring)(?: of your \w+)? (?:shows?|showed|noticed|indicates?|says?|tells us|suggests?) "
        r"(?:that )?(?:you|your|heavy|four|three|two|\d+|a login|the temperature|the \w+ was set)",
        r"our (?:systems?|checks) (?:noticed|spotted|flagged) (?:that )?(?:you|a login|"
        r"a new device)",
        r"(?:we|i) could see from your (?:card|account|spending|phone|app|data)|(?:your )?card with "
        r"another bank",
        r"(?:spend|spending|purchases|transactions)(?: \w+)? (?:regularly |mostly |often )?(?:on|at) "
        r"(?:takeaways|gambling|bars|pubs|late-night|betting)",
        r"(?:i|we) can see you(?:'ve| have) only (?:been in|visited|logged in|used)",
        # Sensors and devices read back at the person: meters, black boxes, watches, doorbells.
        r"(?:your|our) (?:[\w-]+ ){0,2}(?:smart meter|telematics|black box|fitness (?:watch|"
        r"tracker|app)|smart ?watch|doorbell|gate cameras?|camera logs|api logs|boarding pass scan|"
        r"permit system|streaming|spending|card spending)(?: \w+){0,2} (?:shows?|showed|logged|"
        r"recorded|records|suggests?|indicates?|says)\b",
        # Habits and absences counted back at them: visits, logins, calls, no-shows.
        r"you(?:'ve| have)? (?:only )?(?:visited|been in|come in|logged in|checked in|used the "
        r"\w+|turned up|attended)(?: \w+){0,2} (?:twice|once|three times|\d+ times) (?:since|this|"
        r"in the last|all)",
        r"you (?:haven't|have not|hadn't) (?:checked in|logged in|visited|been in|come in|attended|"
        r"used (?:the|your|our) (?:app|card|gym|account)) (?:since|for)\b",
        r"you (?:stopped|'ve stopped|have stopped) (?:coming|visiting|logging in|using|attending|"
        r"going)\b",
        r"you(?:'ve| have) been (?:ringing|calling|texting|visiting|buying|ordering|using)"
        r"(?: \S+){0,4} (?:every|each|most) (?:day|night|morning|evening|week|monday|tuesday|"
        r"wednesday|thursday|friday|saturday|sunday|weekend)",
        r"you usually (?:log in|sign in|shop|buy|visit|come in|order|stream|watch|drive|park)\b",
        r"(?:several|some|many|most|a few|\d+) of your (?:contacts|friends|followers|neighbours|"
        r"neighbors|colleagues)",
        r"(?:i|we) (?:can |could )?see from your (?:streaming|viewing|usage|spending|card|"
        r"transactions|watch|meter|logins?|location)",
        r"(?:based on|according to|from|judging by|looking at) your (?:spending|streaming|"
        r"transactions|purchases|card use|viewing)",
        r"your public (?:\w+ )?(?:posts|profile|photos|comments|reviews)",
        r"telematics (?:\w+ )?(?:logged|shows?|showed|recorded)|(?:doorbell|fitness watch|smart ?watch|"
        r"fitness tracker)(?:,)?(?: [\w,]+){0,5} (?:shows?|showed|logged|recorded)\b",
        r"(?:usually|mostly|always) (?:in|at) (?:our|the) (?:\w+ ){0,2}(?:store|branch|gym|club|"
        r"shop) on\b",
    ]
)
OBSERVE = rx(
    r"\b(?:(?:i|we)(?: \w+)? (?:noticed|notice|see|saw|observed|spotted|note|noted)|"
    r"(?:our|the) (?:records|data|system|tracking|analytics|logs|smart meter|app data)(?: \w+)? "
    r"(?:show|shows|tell|tells|indicate|indicates|suggest|suggests|say|says)|(?:from|according "
    r"to|judging by|based on|looking at) (?:your|the) (?:\w+ ){0,2}(?:data|history|activity|"
    r"meter|records|gps|location|logins?|usage|app))\b"
)
BEHAVIOUR = rx(
    r"\b(?:browsing|browsed|looking at|looked at|been looking|viewing|viewed|searched|"
    r"searching|logged in|log-?ins?|checked in|last visit|visited|usually|mostly|every "
    r"(?:evening|night|morning|day|week)|at \d{1,2}(?::\d\d)? ?(?:am|pm)|\d{1,2}:\d\d|"
    r"midnight|late at night|currently (?:at|in)|you're (?:at|in|near)|your office|location|"
    r"gps|ip address|other retailers|competitors?|spent a lot|your (?:wife|husband|partner|ex|"
    r"kids?|children|son|daughter|mum|dad|neighbour)(?:'s)? (?:account|order|orders|ordered|bought|"
    r"purchases|browsing|activity|history)|ex-husband|ex-wife|fitness|smart meter|"
    r"property site|houses in|haven't (?:logged|checked|been)|your other (?:bank|account|card|"
    r"provider|supplier)|for months|last (?:watched|logged|used|"
    r"visited|seen|login)|in your (?:basket|cart)|sitting in your|wish ?list|run about)\b"
)
TOLD_US = rx(
    r"\b(?:you (?:mentioned|told|said|shared|let us know|wrote|explained|gave|provided|"
    r"sent)|as you (?:say|said|mentioned)|in your (?:message|email|note|tweet|reply|chat))\b"
)

CLOSE = compile_any(
    [
        r"mark(?:ing|ed)? this (?:\w+ )?(?:ticket|case|request|issue|chat|conversation|query|enquiry|"
        r"inquiry|complaint|thread|matter) (?:as )?"
        r"(?:resolved|solved|closed|complete|completed|done|fixed)",
        r"(?:ticket|case|chat|request|conversation|query|complaint)s? (?:now )?(?:closed|resolved)"
        r"(?= *[.!-]| *$)",
        r"(?:i'll|i will|we'll|we will|i'm going to|we're going to|let me)(?: \w+){0,4}? "
        r"(?:close|resolve|mark) (?:this|the|your) (?:\w+ )?(?:ticket|case|chat|conversation|"
        r"request|query|complaint|enquiry|inquiry)",
        r"(?:i'm|i am|i'll|i will|we'll|we will|we're|we are|i'm going to|i am going to|"
        r"going to|i've|i have|we've|we have|i'll be|we'll be|let me|i shall|we shall|i'm now|"
        r"i am now|i've now|i'll now|i'll just|i'll go ahead and|i'm just|i'll be going ahead "
        r"and)(?: \w+){0,2}? (?:clos(?:e|ing|ed)|resolv(?:e|ing|ed)|mark(?:ing|ed)?|"
        r"archiv(?:e|ing|ed)|end(?:ing)?|finaliz(?:e|ing|ed)|finalis(?:e|ing|ed)|wrap(?:ping)? "
        r"up|shut(?:ting)?) (?:off |out |down )?(?:this|the|your|our) (?:\w+ )?(?:ticket|case|"
        r"chat|conversation|request|query|complaint|thread|enquiry|inquiry|issue|session|"
        r"support request|matter)",
        r"mark(?:ing|ed)? (?:this|it|the (?:\w+ )?(?:ticket|case|issue|request|matter)|your "
        r"(?:\w+ )?(?:ticket|case|request)) (?:as )?(?:resolved|solved|closed|complete|"
        r"completed|done|fixed)",
        r"(?:this|the|your) (?:\w+ )?(?:ticket|case|chat|conversation|request|query|complaint|"
        r"issue|matter|enquiry|inquiry|thread|session) (?:will be|is now|has been|is being|is|"
        r"will now be|'s been|'s now|was|has now been|will automatically be|will auto-?) "
        r"(?:\w+ )?(?:closed|resolved|marked (?:as )?(?:resolved|solved|closed|complete)|"
        r"archived|solved|close)",
        r"(?:closing|close) (?:this|it) (?:out|off)",
        r"(?:closing|close) (?:this|the) (?:ticket|case|chat|query) (?:out|off|now|down)",
        r"consider (?:this|the (?:issue|matter|case|ticket|problem)|it) (?:resolved|closed|"
        r"settled|solved|fixed|sorted|done)",
        r"(?:this|the) (?:matter|issue) is (?:now )?(?:closed|considered closed|resolved)",
        r"(?:issue|problem|matter|case|ticket) (?:is |has been |now )?(?:resolved|closed) on our "
        r"(?:end|side)",
        r"(?:i'll|i will|i'm going to|we'll|we will) (?:go ahead and )?close (?:it|this) (?:now|"
        r"out|off|down)",
        r"(?:closing|closed) (?:the|this|your) (?:ticket|case|chat|conversation|query|enquiry|"
        r"inquiry|request|claim)",
        # The job or claim shut on our side while the customer says it is still wrong.
        r"(?:chat|conversation|session|ticket|case) will (?:now |automatically )?close\b|"
        r"(?:case|ticket|claim|query|request) closed pending\b",
        r"(?:the|your|this) (?:job|claim|repair|work order|repair request) (?:has been|is|was|has "
        r"now been|is now) (?:marked (?:as )?(?:complete|completed|closed|resolved)|closed)\b",
    ]
)
CLOSE_OK = rx(
    r"\b(?:until|once you(?:'ve| have| are|'re)?\b|after you "
    r"(?:confirm|let|tell|reply)|when you (?:confirm|let|tell|reply)|if you (?:confirm|let "
    r"(?:me|us) know (?:it|that|everything)'s)|as soon as you confirm|when you're happy|keep "
    r"(?:it|this|the \w+) open|leave (?:it|this|the \w+) open|not (?:close|closing)|won't close|"
    r"will not close)\b"
)
