"""Pattern tables for the reply behaviours read by plain matching (rubric §2, §4):
uses_context and checks_understanding. The other behaviours have their own readers
(empathy.py, ownership.py, steps.py)."""

from __future__ import annotations

from caredesk.care.rules import compile_any, rx

CONTEXT = compile_any(
    [
        # The ticket already on file named by its number, and a contact merged into it.
        r"#\s?\d{3,}",
        r"duplicate of|(?:your|the) original (?:reference|ticket|case)|your earlier ones",
        # What the customer already did, named back to them, and the earlier contacts
        # counted or carried over.
        r"(?:freezing|keeping|taking|sending|checking|trying|reporting|flagging|running|calling|"
        r"ringing)(?: [\w']+){0,4} (?:was|were) (?:exactly )?(?:the )?right\b|thanks for (?:keeping|"
        r"taking|trying|checking|already|sending|running|restarting|coming back|the tracking|the "
        r"photos|the screenshots?)",
        r"as you(?:'d| had)? (?:clearly |already )?(?:asked|requested|mentioned|said|told us|"
        r"cancelled|canceled)(?: \w+){0,2} (?:in|on|last|back)\b",
        r"(?:you|he|she) mentioned (?:last|on|in|that you|he'd|she'd|you'd|when)\b|(?:after|"
        r"since) you(?:'d| had)? told us\b",
        r"(?:picked up|carrying on|taken over|taking over) (?:from )?where \w+ left off",
        r"(?:[a-z]+'s|[a-z]+s') (?:note|notes|log) (?:from|of|on|show|shows|say|says|confirms?)\b",
        r"you've (?:now )?(?:told|asked|reported|rung|called|emailed|chased)(?: \w+){0,2} (?:twice|"
        r"three times|four times|\d+ times|several times|again)",
        r"(?:two|three|four|five|six|\d+) (?:reports|visits|calls|requests|emails|chats|letters|"
        r"complaints|engineers|trips in)(?: for nothing)?(?: and\b|,| [-–—])",
        r"(?:second|third|fourth|fifth) (?:month|week|time|day|bill|delivery|visit) in a row",
        r"(?:i can see|i see|i've found|i found|i've looked at|i looked at|i've read|i read|looking at|"
        r"i've checked|i checked|having read|i've pulled up)(?: \S+){0,6} (?:note|notes|report|reports|"
        r"request|requests|complaint|ticket|call|calls|email|emails|message|messages|reading|"
        r"callback|claim|case|cancellation|history|ones|conversation|letter|photos|visit)"
        r"(?: \S+){0,3} (?:from|on|of|dated|in) (?:the \d{1,2}(?:st|nd|rd|th)?|your|last|yesterday|earlier|"
        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d+(?:st|nd|rd|th)?|jan|feb|march|april|may|june|july|aug|sept|"
        r"oct|nov|dec)",
        r"(?:i've|i have|i) (?:read|looked at|checked|seen|reviewed) (?:yesterday's|last week's|"
        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day's|the engineer's|the technician's|[A-Z]\w+'s)",
        r"(?:you've|you have) (?:now )?(?:asked|written|called|contacted|chased|been in touch|reported|"
        r"emailed|messaged|rung)(?: us| me| about (?:this|it))? (?:three|two|four|five|twice|\d+|"
        r"several|multiple|many) times",
        r"(?:you|you've) (?:told|gave|sent|mentioned|picked|chose|asked for|said|reported|"
        r"requested)(?: us| me)?(?: \S+){0,5} (?:in your (?:first|last|earlier|previous|original) "
        r"(?:email|message|call|chat|letter)|last (?:month|week|time)|on the \d{1,2}(?:st|nd|rd|th)?|earlier)",
        r"(?:the \w+ )?you (?:picked|chose|gave|requested|asked for) in your (?:first|last|earlier|"
        r"previous|original)",
        r"(?:is|was) your (?:second|third|fourth|fifth|\d+(?:nd|rd|th)) (?:report|call|message|"
        r"email|contact|complaint|chat|time)",
        r"(?:for|is) the (?:second|third|fourth|fifth) time",
        r"you've (?:already )?(?:switched|charged|plugged|turned|tried|restarted|reset|cleared|"
        r"reinstalled|updated|rebooted)(?: \S+){0,4} (?:and|,) (?:\w+ )?(?:restarted|reset|tried|"
        r"cleared|checked|reinstalled|updated|rebooted|swapped)",
        r"(?:thanks|thank you) for trying (?:those|that|them|all)",
        r"(?:\d+|two|three|four|five|six|several|all those|all these|those|these) (?:reboots|restarts|"
        r"resets|attempts|tries)",
        r"(?:the |your )?(?:hold|wait|waiting) times?",
        r"your (?:letters|emails|messages|calls|complaints) (?:of|from|dated|on)",
        r"your (?:letter|email|message|complaint) (?:of|dated)",
        r"(?:waiting|waited) for (?:a |the |our |your )?(?:call ?back|reply|response|answer|engineer|"
        r"refund|update)",
        r"we (?:told|promised|said|assured|informed) you",
        r"you(?:'ve| have) done (?:exactly |just )?(?:every|all|everything|the right)",
        r"(?:thanks|thank you) for (?:going through|doing|trying|following) (?:it|that|this|them|those|"
        r"all|the \w+)(?: \w+)? (?:twice|again|already|\w+ times)",
        r"(?:after|despite) (?:waiting|waited) (?:in|for|all day|at home)",
        r"you(?:'re| are) having to (?:chase|call|email|write|explain|repeat|send|contact|ask|message)",
        r"you(?:'ve| have)? had to (?:message|chat|ring|phone|tweet|follow up|chase)",
        r"(?:mixed|conflicting|different|contradictory) (?:messages|information|answers|dates|advice)",
        r"you (?:got|were|have been|'ve been) (?:cut off|disconnected|dropped|hung up on|left on hold)",
        r"you (?:were|have been|'ve been) (?:promised|told|assured|offered)",
        r"you(?:'ve| have) had (?:\w+ ){0,2}(?:different|several|multiple|\d+|two|three|four|five) "
        r"(?:people|agents|advisors|calls|engineers|visits|transfers)",
        r"you(?:'ve| have) (?:done|tried) (?:everything|all|the right)",
        r"(?:yesterday's|last week's|(?:mon|tues|wednes|thurs|fri|satur|sun)day's|earlier|"
        r"previous|last)(?: \w+)? (?:fix|repair|visit|call|chat|conversation|notes|engineer|"
        r"reply|email|message)",
        r"(?:thanks|thank you) for (?:trying|testing|checking|doing) (?:those|that|this|these|all)",
        r"you(?:'ve| have)? had to (?:chase|call|email|write|give|explain|repeat|send|contact|"
        r"ask|tell|wait|go through|come back)",
        r"(?:after|despite) (?:your )?(?:two|three|four|five|several|multiple|\d+) (?:calls|emails|"
        r"messages|chats|contacts|attempts|visits|complaints)",
        r"(?:all|your) (?:two|three|four|five|several|\d+) (?:calls|emails|messages|chats|"
        r"complaints|letters)",
        r"(?:same|identical) (?:\w+ )?(?:fault|issue|problem|overcharge|error|mistake)(?: \w+){0,2} "
        r"(?:you|as (?:in|on|last|before))",
        r"you (?:reported|raised|flagged|logged|mentioned|uploaded|sent|provided|gave|attached|"
        r"started|requested|asked for|told us about)(?: \w+){0,5} (?:on the|on \w+day|last|"
        r"yesterday|earlier|before|in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|"
        r"already|previously|this morning)",
        r"(?:the|your) (?:\w+ ){0,3}you (?:uploaded|sent|provided|gave|attached|reported|"
        r"mentioned|shared)",
        r"(?:you've|you have) (?:clearly |already |obviously )?tried",
        r"(?<![\w'’])(?!(?:Nobody|Someone|Somebody|They|We|He|She|It|You|This|That|Everyone|"
        r"No one|Which|Who)\b)(?-i:[A-Z][a-z]+) (?:promised|told|said|noted|arranged|logged)"
        r"(?= you| that)",
        r"(?:her|his|their|yesterday's|the earlier|the previous|your colleague's|my colleague's) "
        r"notes?",
        r"(?:it's|it is|everything is|all) (?:all )?in (?:the|your|yesterday's|our) (?:notes|file|"
        r"history|ticket|case)",
        r"(?:my|your|our|the other|the) (?:colleague|agent|advisor|adviser|rep)s? (?:was|were) "
        r"right",
        r"(?:the|our) (?:first|previous|earlier|last|original) (?:repair|fix|visit|engineer|attempt|"
        r"replacement|refund|delivery|call|reply)",
        r"our fix (?:in|on|last)",
        r"(?:i've|i have|we've|we have) (?:told|briefed|let|informed|updated) (?:her|him|them|the "
        r"\w+(?: \w+)?) (?:know )?(?:you|that|about|everything|what)",
        r"(?:has|have) been told (?:you|that you|about|what)",
        r"(?:thanks|thank you) for (?:including|letting me know about|"
        r"explaining)",
        r"this is the (?:second|third|fourth|fifth|\d+(?:nd|rd|th)) (?:time|late|missed|failed|"
        r"wrong|faulty|\w+ (?:delivery|visit|order|bill))",
        r"(?:i've|i have) (?:found|got|pulled up|located) (?:all |both )?(?:your|the) (?:\w+ )?"
        r"(?:emails|messages|calls|notes|previous|earlier|ticket|case)",
        r"(?:i've|i have) got your (?:account|details|case|order) up from",
        r"since you (?:haven't|have not|can't|cannot|couldn't)",
        r"(?:as|since) you(?:'re| are) on (?:a|an|the) (?:pension|low income|benefits|"
        r"fixed income|budget)",
        r"(?:so|now) (?:nobody|no one) (?:asks|will ask)",
        r"(?:i|we) (?:can )?(?:see|notice|noticed|saw|note) (?:that |from (?:your|the) (?:notes|"
        r"history|ticket|case|account notes|previous messages?) (?:that )?)?(?:you(?:'ve| have)? "
        r"(?:already |previously |also )?(?:tried|restarted|rebooted|reinstalled|reset|cleared|"
        r"sent|provided|given|explained|contacted|called|spoke|spoken|written|wrote|emailed|"
        r"messaged|chatted|been in touch|been waiting|reported|raised|had to|checked|updated|"
        r"asked|complained|been passed|been transferred)|this is your (?:second|third|fourth|"
        r"fifth|\d+\w*)|(?:our|my) colleague|(?:a |an )?(?:previous|earlier|open|existing) "
        r"(?:ticket|case|chat|call|conversation|complaint|request))",
        r"you(?:'ve| have)? (?:already|previously) (?:tried|restarted|rebooted|reinstalled|reset|"
        r"cleared|sent|provided|given|explained|contacted|called|spoke|spoken|done|checked|been|"
        r"waited|had|told|reported|raised|updated|followed|shared|uploaded|gone through|"
        r"unplugged|replaced|swapped|power)",
        r"(?:since|as|because|given|considering) (?:this is|it's|it is) (?:your|the) (?:second|"
        r"third|fourth|fifth|\d+(?:st|nd|rd|th)) (?:time|message|contact|call|email|chat|attempt)",
        r"(?:my|our) colleagues?(?: \w+)? (?:who|mentioned|said|noted|told|spoke|promised|agreed|"
        r"confirmed|offered|arranged|booked|"
        r"logged|arranged|raised|has|had|already)",
        r"(?:the|your) (?:previous|earlier|last|other|original) (?:agent|chat|conversation|ticket|"
        r"case|call|email|message|contact|advisor|adviser|rep|reply|request|complaint)s?",
        r"(?:last time|when) you (?:contacted|called|wrote|spoke|chatted|messaged|emailed|got in "
        r"touch|reached out)",
        r"as you (?:mentioned|said|explained|noted|told us|told me|pointed out|described|"
        r"requested|asked)",
        r"you (?:mentioned|said|told us|told me|explained|noted|pointed out|let us know) "
        r"(?:that|earlier|before|you|your|the|in|on)",
        r"(?:the|your) (?:photos?|screenshots?|pictures?|details|information|info|receipt|"
        r"documents?|video|order number|reference|notes|steps|logs?|serial number|proof) (?:that )?"
        r"you(?:'ve| have)? (?:already )?(?:sent|provided|shared|gave|given|attached|uploaded|"
        r"supplied|tried|took|listed|mentioned)",
        r"so you (?:won't|don't|will not|do not|shouldn't|should not) (?:need|have) to (?:repeat|"
        r"explain|send|go through|tell|re-?send|give|start)",
        r"(?:no need|you don't need|you won't need|you will not need|you do not need) to "
        r"(?:repeat|re-?explain|explain (?:it|this|anything|everything) again|send (?:it|them|"
        r"that|those|the \w+) again|re-?send|start over|tell (?:us|me|them) again)",
        r"(?:thanks|thank you) for (?:already )?(?:trying|restarting|rebooting|reinstalling|"
        r"resetting|clearing|checking|sending (?:the|those|these|over)|providing (?:the|those)|"
        r"explaining|your patience (?:through|with) (?:all|the|these|those|this)|chasing|"
        r"following up|the photos|the screenshots)",
        r"(?:i've|i have|i just|i) (?:read|reviewed|gone through|went through|looked at|looked "
        r"over|checked) (?:your|the|all) (?:previous|earlier|whole|full|case|ticket|history|notes|"
        r"conversation|messages?|thread|account notes|emails?|chat|correspondence)",
        r"(?:i've|i have|we've|we have) (?:\w+ )?(?:added|noted|passed|included|attached|put|"
        r"logged|copied|shared|given) (?:\w+ ){0,4}(?:notes|details|everything you|all the "
        r"details|what you've told|the steps you|your (?:notes|details|photos|story|history|"
        r"explanation|case))",
        r"(?:you've|you have) (?:been|had) (?:\w+ ){0,3}(?:transferred|passed|bounced|chasing|"
        r"contacting|back and forth|to explain|trying)",
        r"(?:after|despite) (?:\w+ ){0,2}(?:your|the) (?:previous|earlier|last|multiple|several|"
        r"repeated) (?:calls?|contacts?|chats?|emails?|messages?|attempts?|requests?|complaints?)",
        r"(?:since|given|because|as) you(?:'ve| have)? (?:already )?(?:tried|restarted|"
        r"reinstalled|reset|cleared|updated|called|contacted|sent|provided|explained|checked|"
        r"unplugged)",
        r"(?:on|in) (?:your|the) (?:ticket|case|notes|file|account notes|history),? (?:i|we) "
        r"(?:can )?see",
        r"(?:your|the) (?:\w+ )?(?:ticket|case|reference|complaint) (?:#|number|no\.?|ref)",
        r"(?:ticket|case|ref) ?#? ?\d{3,}",
        r"(?:not|no) (?:having|need) to (?:repeat|explain)",
        r"(?:the|those) (?:steps|things|fixes|troubleshooting) you(?:'ve| have)? (?:already )?"
        r"(?:tried|done|listed|taken)",
        r"(?:since|as) (?:you|you've) (?:first )?(?:reported|raised|contacted|called|wrote|"
        r"messaged|got in touch)",
        r"(?:you've|you have|you) (?:contacted|written to|called|messaged) (?:us|me) (?:twice|"
        r"\w+ times|before|already|several|multiple|again)",
        r"(?:your|the) (?:\w+ )?(?:message|email|call|chat) (?:from|on|last) (?:yesterday|"
        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|last|earlier|\d+(?:st|nd|rd|th)?)",
        # Earlier contacts seen on the record: "I can see both calls", "I've read all her reports".
        r"(?:i can see|i've seen|i have seen|i've found|i have found|i've read|i have read|"
        r"i've picked up|i've checked|i've got|i've looked at|we can see|we've found) (?:all |both )?(?:(?:two|three|"
        r"four|five|six|\d+|both|all) )?(?:of )?(?:your |her |his |their |the )?(?:(?:two|three|"
        r"four|five|six|\d+) )?(?:earlier |previous |online |callback |written )?(?:calls|emails|"
        r"messages|reports|claims|requests|chats|letters|complaints|tickets|contacts)\b",
        r"(?:i can see|i've found|i have found|i found|i've read|i've picked up|i've got|we can "
        r"see|we've found) (?:the |"
        r"her |his |their |your )?(?:[a-z]+'s |[a-z]+s' |desk |engineer |installer |driver |"
        r"crew |airport |branch |previous |earlier )?(?:note|notes|report|request|complaint|"
        r"email|booking confirmation)(?: \S+){0,2} (?:from|of|dated|on) (?:the|your|last|"
        r"yesterday|earlier|\d+(?:st|nd|rd|th)?|jan|feb|march|april|may|june|july|aug|sept|oct|nov|dec|"
        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)",
        r"(?:you've|you have) (?:now )?(?:been in|told (?:\w+ ){0,2}|rung|called|phoned|emailed|"
        r"written|chased|reported it|asked|been in touch|messaged|come in)(?: us| me| about "
        r"(?:this|it))? (?:twice|every day|several times|\d+ times|three times|four times)",
        r"after (?:telling|asking|reporting|calling|ringing|emailing|chasing|reporting it to)"
        r"(?: \S+){0,3} (?:twice|three times|four times|\d+ times|several times|repeatedly|"
        r"every day)",
        r"(?:a|one) (?:call|email|message|report|chaser) every (?:day|week)",
        r"(?:reported|chased|called|rung|phoned|emailed) (?:it )?every (?:day|week)",
        r"as you asked (?:in|on|last|back in|us in|us on)\b",
        r"(?:thanks|thank you) for (?:reporting|flagging|logging|raising|mentioning) (?:it|this|"
        r"that) (?:at|with|to) (?:the |our )?(?:desk|counter|reception|station|store|branch|"
        r"driver|staff|team|crew)",
        r"(?:you've|you have) already (?:verified|rolled back|frozen|blocked|reinstalled|"
        r"restarted|reported|chased|been in)",
        r"(?:thanks|thank you) for (?:\w+ing) (?:\w+ ){0,3}already",
        # What the agent found of the earlier contacts: "I've read all four of your emails".
        r"(?:i've|i have|i) (?:read|found|got|seen|checked|pulled up|gone through|listened to) "
        r"(?:all|both|each|every|the)(?: \w+)?(?: of)? (?:your|the) (?:\w+ )?(?:emails|messages|"
        r"calls|reports|requests|notes|letters|chats|tickets|photos)",
        r"(?:i've|i have) (?:found|read|got|checked) (?:them )?(?:both|all (?:three|four|five|six|"
        r"of them|\d+))",
        r"(?:i have|i've got|i can see|i see) (?:both|all (?:\w+ )?)?(?:of )?your (?:two |three |"
        r"four )?(?:calls|emails|reports|requests|messages|letters|chats)",
        r"(?:i have|i've got) (?:all|both) (?:\w+ )?(?:reports|calls|emails|requests|letters)",
        r"thanks? (?:you )?for (?:doing|running|trying|swapping|checking|testing|sending|"
        r"uploading) (?:\S+ ){0,6}(?:already|asked for)",
        r"(?:as|since) you(?:'ve| have)? already",
        r"you(?:'ve| have) (?:sent|explained|reported|told us|asked|called|emailed|written|said|"
        r"chased)(?: \w+){0,3} (?:twice|three times|four times|\w+ times|already)",
        r"(?:had|have|having) to (?:send|say|explain|chase|ask|call|tell)(?: \w+){0,4} (?:twice|"
        r"three times|four times|\w+ times|again)",
        r"(?:call|booking|account|case|agents?'?|\w+'s) notes\b|(?:bot|chat|call) transcript",
        r"from the \d{1,2}(?:st|nd|rd|th) and the \d{1,2}(?:st|nd|rd|th)?",
        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day's (?:agent|call|chat|engineer|visit|"
        r"technician|email)|(?:yesterday|last (?:week|month))'s (?:replacement|visit|repair|call|"
        r"chat|order|engineer|agent|email)",
        r"(?:this is|as this is|since this is) the (?:second|third|fourth|fifth)",
        r"since your (?:\w+ )?(?:report|call|email|message|letter|complaint|visit)",
        r"you (?:cancelled|told us|reported (?:this|it)|sorted (?:this|it)|set|renewed|"
        r"settled (?:it|this))(?: \w+){0,4} (?:in (?:january|february|march|april|may|june|"
        r"july|august|september|october|november|december)|this morning|yesterday|"
        r"last week|when you booked|in person|on the phone|three times|twice)",
        r"you (?:told us|reported (?:this|it))(?: \w+){0,4} on the \d{1,2}(?:st|nd|rd|th)?",
        r"(?:\w+|\d+) (?:emails|calls|reports|letters|messages)(?:,| and) (?:\w+ |\d+ )?"
        r"(?:calls|emails|visits|chats|letters)",
        # What they sent or asked before, named by when: "your request from 2 May",
        # "both of your reports", "the passport details from your Monday email".
        r"your (?:\w+ )?(?:request|report|email|call|message|note|complaint|application|order|"
        r"change|booking|letter)s? (?:from|of|on|dated|made in|made on) (?:the )?(?:\d+|last|"
        r"yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|"
        r"oct|nov|dec)",
        r"(?:both|all (?:two|three|four|five|six|\d+)) (?:of )?your (?:\w+ )?(?:reports|emails|"
        r"messages|calls|requests|letters|chats)",
        r"(?:from|in) your (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|last|first|earlier) "
        r"(?:email|call|message|chat|letter)|your first (?:two|three|\d+)\b",
        r"(?:yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day|last week)'s (?:reset|fix|"
        r"appointment|delivery|refund)",
        r"(?:two|three|four|five|six|\d+) (?:calls|chats|emails|messages|trips|visits|reports|"
        r"chasers)(?:'(?: worth)?)? (?:with|before|and|of|worth|running)\b",
        r"(?:making|made) you (?:ask|chase|call|write|repeat|explain|come back)(?: \w+)? (?:twice|"
        r"again|three times|\w+ times)",
        r"(?:the one|the agent|the adviser|the advisor|the person|the colleague) you spoke (?:to|"
        r"with) (?:yesterday|on|last|earlier)",
        r"did (?:raise|log|book|note|record|order|promise|send|arrange)(?: [\w']+){0,3} (?:last|on|"
        r"yesterday)\b",
        # Earlier visits, meetings and what the customer already did, named back to them.
        r"(?:after|since) our (?:meeting|call|chat|conversation|visit|repair|fix)\b|(?:at|in) our "
        r"(?:meeting|call|conversation) (?:on|last|yesterday)\b|last time (?:we|i|our \w+) (?:cleaned|fixed|"
        r"replaced|repaired|visited|came|sent|said|changed|spoke)",
        r"(?:thanks|thank you) for (?:doing|trying|running) the (?:reset|restart|steps|update|test)|"
        r"(?:reinstalling|restarting|resetting|updating|rebooting) was the right thing|(?:you've|"
        r"you have) already (?:done|tried|restarted|reset|updated|reinstalled)\b",
        r"(?:you're|you are) right,? (?:i|we|they|he|she) (?:said|promised|told)|sorry for asking "
        r"(?:again|twice)|chasing us (?:twice|\w+ times)|(?:two|three|four|five|\d+) times in (?:one|"
        r"a) (?:day|week)",
        r"(?:logged|noted|recorded|raised) (?:the|your|it|a)(?: [\w£$€.,']+){0,4} (?:on (?:the )?\d+|"
        r"on (?:mon|tues|wednes|thurs|fri|satur|sun)day|last)\b|your (?:\w+ )?(?:job card|record|"
        r"file|notes) from (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|last|yesterday|the)\b",
        r"(?:i've|i have) pulled up (?:your|the)\b|(?:we|you) (?:talked|spoke) about (?:in|on|last)"
        r"\b|(?:thanks|thank you) for (?:telling|letting) (?:the|our) (?:driver|engineer|agent|team|"
        r"fitter|courier)",
        # Details passed on so nobody asks again, and earlier contacts or fixes named by when.
        r"(?:nobody|no one|nothing)(?: [\w']+){0,5} (?:go over|repeat|re-?explain|explain again)",
        r"you(?:'ve| have|'d| had) (?:asked|chased|called|rung|written|emailed|told us|reported "
        r"it)(?: us| me)? more than once",
        r"(?:after|when|since|though) you(?:'d| had) (?:already )?(?:rung|called|phoned|emailed|"
        r"written|confirmed|told us|booked it|asked|reported)",
        r"(?:my|our|your|the) (?:\w+ )?(?:fix|repair|visit|reset|request|report|email|message|"
        r"call)s? (?:on|from|in|last) (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|last|"
        r"(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b",
        r"your (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday's|earlier|last) (?:email|"
        r"message|call|letter|chat|reading|request)",
        r"(?:we|i) closed (?:it|this|the \w+|your \w+) without (?:checking|asking|confirming)",
    ]
)
CONTEXT_EXCLUDE = rx(
    r"\b(?:customer (?:since|for)|been with us (?:for|since)|loyal customer|member since|"
    r"usually|always|often|regularly|normally|browsing|login|logged in|location)\b"
)

CHECK = compile_any(
    [
        r"(?:does|would|will|could|can|did) (?:that|this|these|those|\w+day|tomorrow|the \w+|"
        r"either|either option|one of (?:these|those|them)|any of (?:these|those|them)|it|"
        r"\w+ (?:morning|afternoon|evening)|a \w+ (?:slot|time|call))(?: \w+){0,2}? (?:work|suit|"
        r"sound|make sense|help|fit|be okay|be ok|be alright|be easier|be better|be convenient|"
        r"be helpful|solve|fix|cover|answer|clear)",
        r"which (?:\w+ ){0,3}(?:would you prefer|do you prefer|works|suits|would suit|is better|"
        r"would be better|would you like|would work|sounds|do you want|would you rather|"
        r"would be easier|is more convenient)",
        r"would you (?:prefer|rather|like (?:me|us) to|like (?:a|the|to go|to try)|be (?:okay|ok|"
        r"happy|free|available|around))",
        r"(?:is|are) (?:that|this|these|\w+day|tomorrow|that time|this time|the \w+) (?:still )?"
        r"(?:okay|ok|alright|convenient|suitable|a good time|acceptable|good for you|works?)",
        r"how (?:does|do) (?:that|this|these|those|\w+day|tomorrow) (?:sound|look|feel)",
        r"(?:what|when|which) (?:time|day|date|slot|option|would|works|suits|is best|is easiest)"
        r"(?: \w+){0,4}? (?:work|suit|best|better|convenient|prefer|easiest|for you)",
        r"(?:shall|should) (?:i|we) (?:go ahead|do that|proceed|book|send|arrange|process|set|"
        r"start|put|cancel|refund|order|schedule)",
        r"do you want (?:me|us) to",
        r"(?:is there|are there) (?:any|a) (?:\w+ ){0,2}(?:part|step|bit|questions? about|"
        r"thing that's unclear|that's unclear|unclear|confusing)",
        r"tell me (?:what|which|how|more about what) (?:worries|concerns|matters|would help|"
        r"you'd prefer|works)",
        r"what (?:worries|concerns|matters to) you",
        r"(?:let me know|tell me|feel free to ask|just ask|ask me|happy to (?:explain|go through|"
        r"walk you through)|reply here|let us know)(?: \w+){0,3} (?:if|whether|which|what|how|"
        r"when)(?: \w+){0,8} (?:unclear|doesn't work|does not work|don't work|didn't work|does|"
        r"make sense|doesn't make sense|questions about|confusing|prefer|works better|works for "
        r"you|work for you|suits|worries|concerns|step|part|suit|sense|helps|fixes|resolves|"
        r"anything in|any of|still|convenient|you'd like me|you would like me)",
        r"(?:any|do you have any|if you have any) questions? (?:about|on|regarding) (?:the|this|"
        r"these|that|those|your|how|what|any)",
        r"did (?:that|this|it|the \w+) (?:work|help|fix|solve|do the trick|sort)",
        r"(?:is|are) (?:it|everything|things|the \w+) (?:working|ok|okay|sorted|fixed|better) "
        r"now",
        r"(?:can|could) you (?:confirm|let me know|tell me) (?:if|whether|that)(?: \w+){0,5} "
        r"(?:works|suits|fixed|resolved|helps|worked|sorted|okay|ok|better|convenient|received)",
        r"(?:does|would) that (?:answer|cover|address|clear up) (?:your|everything|what)",
        r"(?:makes sense|sound good|work for you|okay with you|ok with you|suit you)\?",
        r"(?:if|should) (?:any|anything|something) (?:of (?:this|that) )?(?:is|isn't|doesn't|"
        r"seems|sounds) (?:unclear|right|clear|confusing)",
        r"what would (?:you|help|work|make)",
        r"how would you like (?:me|us|to)",
        r"(?:happy to|glad to|i can) (?:go through|explain|walk you through) (?:any|it|this|the|"
        r"each|that)",
        # Whether the fix landed for this person, or which path fits them.
        r"(?:does|did|will|would|is|are) (?:that|this|it|they|those|these|the \w+|your \w+)"
        r"(?: \w+){0,3} (?:sort|match|open|arrive|get you|look right|come through|cover it)"
        r"\w*[^.?!]{0,60}\?",
        r"which (?:\w+ )?(?:would help|helps|applies|matters|is easiest|'s easiest)",
        r"what(?:'s| is) easiest|what matters most",
        r"\bis (?!everything\b)(?:\w+ ){0,3}(?:ok|okay|fine|realistic)(?: for (?:you|a call|a visit))?\?",
        r"(?:can|could) you (?:check|confirm|see) (?:that |if |whether )?(?:it|they|it's|they're|"
        r"it has|they have|the \w+ (?:shows?|has|is|are|have))",
        r"(?:would|do) you (?:like|want) (?:an?|the|it|me|us|that)\b[^.?!]{0,80}\?",
        r"if (?:another|a different) (?:time|day|date|slot)(?: \w+){0,2} (?:is|would be|suits) "
        r"better",
        r"(?:only )?if you'd like(?: that)?\?|only if you'd like",
        # Plain checks on the plan: "Is this clear?", "would you like one?", "until you tell me".
        r"(?:is|are) (?:this|that|everything|all (?:of )?(?:this|that)|these steps) clear\?",
        r"(?:would|do) you (?:like|want) (?:one|them|some|help)\b[^.?!]{0,60}\?|do you need (?:any )?"
        r"(?:help|a hand|anything)\b[^.?!]{0,60}\?",
        r"\bis (?!everything\b)(?:\w+ ){0,4}(?:easiest|best) for (?:you|sending|getting|reaching)"
        r"\b[^.?!]{0,40}\?",
        r"(?:until|once) you (?:tell|let) (?:me|us)(?: know)? (?:it is|it's|it works|it's working|"
        r"that it|everything|the \w+ is)",
    ]
)
CHECK_EXCLUDE = rx(r"\banything else\b|\bany other (?:questions|queries)\b")
# A question that asks whether the plan fits this person.
CHECK_QUESTION = rx(
    r"\b(?:work(?:s)? for you|suit(?:s)? you|suit\b|work\b|works\b|convenient|prefer|rather|"
    r"looks? right|sounds? right|be enough|enough for you|can i ask (?:what|why|how|which)|(?:would|will|does|did|might|could) (?:\S+ ){1,9}help\?\s*$|what's gone wrong|what went wrong|easier|better for you|best for you|now\?\s*$|let you in|"
    r"(?:okay|ok|alright) (?:with|for) you|sound(?:s)? (?:good|okay|ok|right)|make sense|"
    r"(?:be )?(?:useful|helpful)|(?:would|will|does|did) (?:that|this|it) help|want me to|"
    r"happy with|right (?:one|address|number|time|day|size)|check (?:you're|that you're|in)|like me to|like us to|shall i|should i|"
    r"which way|leaning|did (?:that|this|it|the \w+) (?:\w+ ){0,2}(?:work|help|fix|stop|solve|"
    r"sort|clear|arrive|come)|(?:is|are) (?:it|everything|things|the \w+) (?:working|ok|okay|"
    r"sorted|fixed|better) now|worr(?:y|ies|ying) you|concern(?:s|ing)? you|behind the|"
    r"(?:anything|something) (?:in particular|about|that)|good time|is (?:that|this) (?:ok|okay|"
    r"alright|fine))"
)
CHECK_INVITE = rx(
    r"\bcan you confirm (?:you|that|it|whether|if)\b|\b(?:give|tell|send) me (?:a|the) (?:time|day|"
    r"date|slot)\b|"
    r"\b(?:just )?(?:tell|let) me (?:a|the|which|what|when) (?:date|day|time|slot|one|works|"
    r"suits)\b|"
    r"\bif\b[^.?!]{0,60}?\b(?:reply here|let me know|tell me|message me|just say)\b|"
    r"\b(?:let me know|tell me|reply here|message me|get back to me|just say|drop me a line)"
    r"(?: \w+){0,3} (?:if|whether|once|when|which|what|how) (?!happened|went wrong|you need anything|"
    r"you have any "
    r"(?:other |further )?(?:questions|queries)|there'?s anything else|anything else|i can help)"
)
# A question that opens by asking whether the plan fits, which option the customer wants,
# or whether the fix worked on their side ("Which would suit you?", "Does Thursday work?",
# "Can you see them now?", "Want me to book it?"). Requests for details ("Can you tell me
# the date?") and "Have you tried ...?" do not open this way.
CHECK_OPENING = rx(
    r"^\W*(?:(?:and|so|also|then|now|ok|okay|great|perfect|lovely|done)\W+)?(?:which\b(?! "
    r"(?:\w+ ){0,2}(?:is it|was it|should the|are you (?:in|at|near))\b)|"
    r"does (?:that|this|it|either|the|one|\w+day|[\d.:]+ ?(?:am|pm)?)\b|"
    r"do (?:either|any|those|these|both)\b|would (?:you|that|this|it|either|a|an|one)\b(?! "
    r"like to hear)|will (?:that|this|it|you be)\b|want (?:me|us|the|to|either)\b|"
    r"shall (?:i|we)\b|interested\b|"
    r"is (?:that|the|this|\w+day)\b(?: \S+){0,5} (?:ok|okay|alright|fine|still|right|correct|"
    r"enough|better|easier|working|good|suitable)\b|"
    r"are you (?:happy|ok|okay|able|free|around|in|home|at home|still)\b|"
    r"can you (?:see|check|get to|still|make|open|log|hear|access|confirm (?:it|that|the \w+ "
    r"(?:works|arrived|is|has))|let me know (?:if|whether|once))\b|"
    r"could you (?:check|rerun|run|update|open|log|test|confirm (?:it|that|whether|if|the "
    r"\w+ (?:works|arrived|is|has))|let me know (?:if|whether|once))\b|"
    r"(?:that|this|is that|does that|would that) (?:ok|okay|alright|work|do)\b|(?:ok|okay|"
    r"alright)\W*$)"
)
