"""Each label of CARE_RUBRIC.md on clear cases and on the close calls §4 settles."""

from __future__ import annotations

import pytest

from caredesk.care import CareAnalyzer


@pytest.fixture(scope="module")
def analyzer() -> CareAnalyzer:
    return CareAnalyzer.default()


# (text, kind, expected present?)
CUSTOMER_CASES = [
    # stakes
    ("My insulin delivery is late and I only have one pen left.", "health", True),
    ("I'm partially deaf so phone calls are hard for me.", "health", True),
    ("What are your opening hours for the flu vaccination clinic?", "health", False),
    ("My sister works in a hospital and says your scrubs run small.", "health", False),
    # a health trade or place as someone's job is a topic; caring for someone is not
    ("I'm a nurse and I'd like to order uniforms in bulk for our ward.", "health", False),
    ("She works nights at the hospital, so can the engineer come at the weekend?", "health", False),
    ("I'm a carer for my wife and need the engineer before her oxygen runs low.", "health", True),
    ("My mum works at the hospital and is now a patient there after a fall.", "health", True),
    ("My husband passed away last month and I need to close his account.", "bereavement", True),
    ("The funeral is on Friday and the flowers haven't arrived.", "bereavement", True),
    ("My phone died halfway through the checkout.", "bereavement", False),
    ("You charged me twice for the same order.", "financial", True),
    ("There's a £450 payment I didn't make on my statement.", "financial", True),
    ("Where's my refund? I returned the jacket two weeks ago.", "financial", False),
    ("You've frozen our business account and payroll goes out Friday.", "financial", True),
    ("I locked my card in the app by mistake, how do I unlock it?", "financial", False),
    ("Why was my gaming account suspended?", "financial", False),
    ("I watched a documentary about fraud, how do I turn on two-factor login?", "financial", False),
    ("I can smell gas near the boiler you installed.", "safety", True),
    ("The battery on my laptop is swollen and bulging.", "safety", True),
    ("Is it safe to pay by bank transfer?", "safety", False),
    ("Our wedding is on Saturday and the suits haven't arrived.", "deadline", True),
    ("My flight is tomorrow at 7am and I have no e-ticket.", "deadline", True),
    ("Order 1234 still hasn't arrived, it was due on the 3rd.", "deadline", False),
    ("My connecting flight was cancelled and I'm stranded in Lisbon.", "travel", True),
    ("Bag didn't come off the carousel in Malaga.", "travel", True),
    ("Do you sell travel adapters for the US?", "travel", False),
    ("My solicitor has advised me to put this complaint in writing.", "legal", True),
    ("I've started a chargeback with Visa.", "legal", True),
    ("I filed a police report about the stolen parcel.", "legal", False),
    # effort
    ("This is the third time I'm contacting you about this.", "repeat_contact", True),
    ("Nobody got back to me after three calls.", "repeat_contact", True),
    ("I already sent you the photos of the damage.", "repeat_contact", True),
    ("Fourth time I've chased this and still no refund.", "repeat_contact", True),
    ("I have followed up twice and heard nothing.", "repeat_contact", True),
    ("I'll chase the courier myself, no need to reply.", "repeat_contact", False),
    ("The app crashed again after the update.", "repeat_contact", False),
    ("The printer jammed again. Third time this week it's done that.", "repeat_contact", False),
    ("I've been transferred four times today.", "repeated_story", True),
    ("I already sent you the photos of the damage.", "repeated_story", True),
    ("Why do I have to explain the whole story again every time I call?", "repeated_story", True),
    ("I want to explain my situation.", "repeated_story", False),
    ("I restarted the router and reinstalled the app, still nothing.", "already_tried", True),
    ("Already checked my spam folder, the code isn't there.", "already_tried", True),
    ("I haven't tried restarting yet, should I?", "already_tried", False),
    ("Should I reinstall the app or will that delete my data?", "already_tried", False),
    # wrong charges, hardship and scams (§4: not an ordinary refund chase)
    (
        "Why am I being charged a £12 'paper bill fee'? I went paperless years ago.",
        "financial",
        True,
    ),
    ("You've taken £54.99 for a magazine bundle I cancelled in May.", "financial", True),
    ("We're three months behind on the water and I'm scared to open the post.", "financial", True),
    ("I typed my card number into a fake website that looked like yours.", "financial", True),
    ("Could you post me a copy of my March statement for my records?", "financial", False),
    ("If I pay a day late, will it affect my credit score?", "financial", False),
    (
        "The gym took £42.50 from my account in March, two months after I cancelled.",
        "financial",
        True,
    ),
    (
        "My shifts were cut to 12 hours a week and I can't make the loan repayment.",
        "financial",
        True,
    ),
    ("How much will I be charged if I cancel before the end of the term?", "financial", False),
    ("Is the £5 data add-on still sold with the annual plan?", "financial", False),
    # figurative "dying"; a complaint made to us only is not legal (§4)
    ("dying to know if the new season drops this week!!", "bereavement", False),
    ("I'd like to make a formal complaint about your driver's manners.", "legal", False),
    ("The bailiffs are coming on Friday for a debt I already paid.", "legal", True),
    # a timed service that failed, bags that never came, a booked part of the trip gone
    ("The 07:14 to Brighton is cancelled again and I'll be late for work.", "travel", True),
    ("Landed in Porto and our bags didn't arrive. We have nothing for the kids.", "travel", True),
    ("What time does the 07:14 to Brighton usually get in?", "travel", False),
    # leaving and going public, and a threat taken back
    ("Not renewing. The app has been broken since the spring update.", "churn_risk", True),
    (
        "Keep this up and the local news will be very interested in how you treat pensioners.",
        "churn_risk",
        True,
    ),
    (
        "I was about to switch supplier last week, but your engineer fixed it in an hour. Staying put!",
        "churn_risk",
        False,
    ),
    # earlier contacts named by when and how
    ("I rang on the 3rd and again on the 10th and still no engineer.", "repeat_contact", True),
    ("As I said on the phone yesterday, the meter is in the cellar.", "repeat_contact", True),
    ("I've now emailed the death certificate four times.", "repeat_contact", True),
    ("I have to explain his condition from scratch every time I call.", "repeated_story", True),
    # danger, and a vulnerable person at risk
    (
        "The balcony rail in our holiday flat is loose and my toddler keeps leaning on it.",
        "safety",
        True,
    ),
    (
        "Mum has dementia and a man from your firm talked her into signing a new contract on the doorstep.",
        "safety",
        True,
    ),
    ("My daughter is being bullied by other players in your game's chat.", "safety", True),
    ("Mum has dementia and she'd like her bills in a larger font, please.", "safety", False),
    ("The streetlight outside number 9 has been out since Tuesday.", "safety", False),
    # dated events; a trip that was moved is travel, not a deadline
    ("The cake for my dad's retirement do tonight arrived squashed.", "deadline", True),
    ("My essay is due at 12 and the campus wifi has been down all morning.", "deadline", True),
    ("We're getting married on the 14th and the rings are still at the depot.", "deadline", True),
    ("Our flight on 3 June was cancelled; please refund the card we paid with.", "deadline", False),
    (
        "Your voucher says it expires on the 30th. Does that include the 30th itself?",
        "deadline",
        False,
    ),
    # contact trails
    (
        "Just following up on the email I sent last Tuesday about my deposit.",
        "repeat_contact",
        True,
    ),
    (
        "I reported it on the 4th and again on the 11th. Nothing has happened.",
        "repeat_contact",
        True,
    ),
    ("Emailed a couple of times and nobody has answered.", "repeat_contact", True),
    (
        "Hi, first time getting in touch: how do I change my delivery address?",
        "repeat_contact",
        False,
    ),
    ("Fix this or I'm cancelling my subscription.", "churn_risk", True),
    ("Never ordering from here again and I'll post this everywhere.", "churn_risk", True),
    ("I'll be moving my account to another bank at the end of the month.", "churn_risk", True),
    ("I don't want to cancel, I just want the speed I'm paying for.", "churn_risk", False),
    ("I want to cancel my order #5531, wrong size.", "churn_risk", False),
    ("I'm thinking of switching to the annual plan.", "churn_risk", False),
    # said without the usual words
    ("My grandmother is dead and you keep writing to her.", "bereavement", True),
    ("Our dog was put to sleep on Monday, please stop the food plan.", "bereavement", True),
    ("The coroner has asked for the call records.", "bereavement", True),
    ("My phone battery is dead again.", "bereavement", False),
    ("The statutory month has passed with no reply.", "bereavement", False),
    ("She passed her driving test, can I add her to the policy?", "bereavement", False),
    ("My glucose monitor stopped syncing overnight.", "health", True),
    ("What time does the pharmacy close on Sundays?", "health", False),
    ("I sent £2,400 for the deposit on Monday and it still hasn't arrived.", "financial", True),
    ("Someone used my name to open a phone contract.", "financial", True),
    ("The employment tribunal is next month and I need my payslips.", "legal", True),
    ("I've raised it with the Advertising Standards Authority.", "legal", True),
    ("The gate closes in 20 minutes and the app won't load my pass.", "deadline", True),
    ("I missed the interview because the train never came.", "deadline", True),
    ("me again, still no sign of the engineer", "repeat_contact", True),
    ("I reported it on the 3rd, the 10th and the 17th.", "repeat_contact", True),
    ("I rang the helpline, emailed, then wrote to the complaints team.", "repeat_contact", True),
    ("I have never contacted you before, is this letter real?", "repeat_contact", False),
    ("Every new person I speak to wants the whole story from the start.", "repeated_story", True),
    ("Chat says yes, the phone team says no. Which is it?", "repeated_story", True),
    ("Consider this my notice.", "churn_risk", True),
    (
        "I'm putting the video of your driver kicking my parcel on TikTok tonight.",
        "churn_risk",
        True,
    ),
    ("Before I leave it on charge overnight, is that safe?", "churn_risk", False),
    # earlier contacts named by the person, the place, the trail or the dates
    ("The man at your service desk promised a courier by Wednesday.", "repeat_contact", True),
    ("Rang mon. rang weds. still no engineer.", "repeat_contact", True),
    ("It's all in the email thread, so please read back before replying.", "repeat_contact", True),
    ("The nurse said the wound is healing well.", "repeat_contact", False),
    # the story given again, and to everyone
    ("I've explained the leak to the landlord, your plumber and now you.", "repeated_story", True),
    ("New adviser, same questions about the meter.", "repeated_story", True),
    ("Thanks, the handover notes meant I didn't have to explain again.", "repeated_story", False),
    # money taken twice, frozen, or needed for the basics
    ("The £32 gym fee came out twice this month.", "financial", True),
    ("You've frozen my account and my wages are stuck in it.", "financial", True),
    ("That payment was my rent for the month.", "financial", True),
    ("The sizing chart shows the medium twice.", "financial", False),
    # a dated event at risk, and one said in passing
    (
        "The cake was meant to be ready for Saturday and now the shop says next week.",
        "deadline",
        True,
    ),
    ("Nursery fees are due today and the transfer is stuck.", "deadline", True),
    ("If you don't reply by Friday I'll go elsewhere.", "deadline", False),
    # the trip itself disrupted
    ("The ferry sailed without us because the shuttle broke down.", "travel", True),
    ("You've moved our flight from Friday to Sunday.", "travel", True),
    ("Can I take a folding bike on the ferry?", "travel", False),
    # fittings that can hurt someone, a child or someone alone at risk
    ("The balcony railing in our room is loose and the kids keep leaning on it.", "safety", True),
    ("A grown man keeps messaging my son on your game.", "safety", True),
    # checks of their own
    (
        "I've checked the trip switch and the fuse box and it still won't power on.",
        "already_tried",
        True,
    ),
    ("Could you check the fuse box when you visit?", "already_tried", False),
    # ending it plainly, or for good
    ("That was our last holiday with you.", "churn_risk", True),
    ("Please end my mother's membership from next month, she's moved away.", "churn_risk", True),
    # someone frail left without heat, power or help; intruders and recalls
    ("Dad is 88 and you've cut his power off in this cold.", "safety", True),
    ("My neighbour's carer hasn't turned up and she's 91.", "safety", True),
    ("The power will be off on Tuesday for maintenance, is that right?", "safety", False),
    ("Is our baby safe? The cot you recalled is the one she sleeps in.", "safety", True),
    # charges questioned, made by someone else or jumped; money that was needed
    ("Why is there a £12 charge on my account from last night?", "financial", True),
    ("Someone has spent £80 on my card through your app.", "financial", True),
    ("My direct debit has gone from £40 to £95 without a word.", "financial", True),
    ("I cancelled in May and £15.99 still came out in June.", "financial", True),
    ("That was £60 I needed for the week.", "financial", True),
    ("Why is there a delay on my order?", "financial", False),
    ("The quote says £300, can you confirm it includes fitting?", "financial", False),
    # staff who will not leave a customer alone, homes left open, someone trapped
    ("Your driver has texted me three times since the delivery asking me out.", "safety", True),
    ("The back door you replaced won't lock and I live on the ground floor.", "safety", True),
    ("The stairlift jammed with my dad on it halfway up.", "safety", True),
    ("The water is dripping near the sockets in the hall.", "safety", True),
    ("Can the driver text me when he's ten minutes away?", "safety", False),
    # the trip: bags left behind, sailings swapped, pickups missing, stays double-booked
    ("Landed in Faro, my bag didn't.", "travel", True),
    ("The villa was double-booked and we had nowhere to sleep.", "travel", True),
    ("The airport transfer wasn't at arrivals and we waited an hour.", "travel", True),
    ("My bag didn't fit in the overhead locker, so what size do you allow?", "travel", False),
    # dated events said the short way
    ("My viva is on the 12th and the thesis binding hasn't come back.", "deadline", True),
    ("Interview's at half nine and the bus hasn't come.", "deadline", True),
    ("My viva went well, thanks for the bound copies.", "deadline", False),
    # conditions, medicines and recovery named in passing
    ("Since the op I can't carry anything heavy.", "health", True),
    ("My antidepressants were returned to sender.", "health", True),
    ("Can you come with me to the branch?", "health", False),
    # the same thing given on channel after channel, or copied in again
    ("I've sent it to Tom, to Amy and to the general inbox.", "repeat_contact", True),
    ("I've sent it to Tom, to Amy and to the general inbox.", "repeated_story", True),
    ("I gave the reading on the phone, then wrote it on the card.", "repeated_story", True),
    ("Copying in what I sent to your complaints team last week.", "repeat_contact", True),
    ("Please send it to me, to my home address.", "repeat_contact", False),
    ("I've rung the depot, I've rung you, and nobody knows.", "repeat_contact", True),
    # several attempts listed
    ("I've tried Chrome, Safari and my phone.", "already_tried", True),
    ("I moved the router, changed the channel, and it still drops.", "already_tried", True),
    ("Which browsers work best, Chrome, Safari and Edge?", "already_tried", False),
    # leaving, said other ways; leaving taken back
    ("Just cancel me.", "churn_risk", True),
    ("This thread goes on Trustpilot tonight.", "churn_risk", True),
    ("I've decided to go SIM-only with another network.", "churn_risk", True),
    ("Nearly went elsewhere, but I'm renewing for another year.", "churn_risk", False),
    ("Please cancel my order for the blue jumper.", "churn_risk", False),
]


@pytest.mark.parametrize(("text", "kind", "present"), CUSTOMER_CASES)
def test_customer_label(analyzer: CareAnalyzer, text: str, kind: str, present: bool) -> None:
    signal = analyzer.read_customer(text)
    kinds = set(signal.stakes_kinds) | set(signal.effort_kinds)
    assert (kind in kinds) is present, (text, signal.stakes, signal.effort)


REPLY_CASES = [
    # said without the usual words
    ("Which of the two would suit you better?", "checks_understanding", True),
    ("Can you see the new tickets in the app now?", "checks_understanding", True),
    ("Have you tried restarting the router?", "checks_understanding", False),
    ("Which branch is it?", "checks_understanding", False),
    ("I can send it express to arrive Thursday.", "takes_ownership", True),
    ("I'll send your details to the billing team.", "takes_ownership", False),
    ("Customers who don't submit readings get estimated bills.", "blames_customer", True),
    (
        "As explained in your welcome email, the course starts when you click Start.",
        "blames_customer",
        True,
    ),
    ("Our records show the parcel was delivered at 2pm on Tuesday.", "policy_first", False),
    ("Please allow 10 working days for the refund.", "policy_first", True),
    ("I'm closing #44120; the fix went live on Thursday.", "uses_context", True),
    (
        "Thanks for keeping the cancellation email, it shows you cancelled in time.",
        "uses_context",
        True,
    ),
    # acknowledges_emotion
    ("I'm sorry the parcel went to your old address again.", "acknowledges_emotion", True),
    (
        "Three days without hot water with a newborn is awful, I'm sorry.",
        "acknowledges_emotion",
        True,
    ),
    ("It's completely normal to feel nervous before surgery.", "acknowledges_emotion", True),
    ("Sorry to hear that. Please send your order number.", "acknowledges_emotion", False),
    ("We apologize for any inconvenience caused.", "acknowledges_emotion", False),
    ("Sorry, this is outside our 30-day return window.", "acknowledges_emotion", False),
    # takes_ownership
    ("I've refunded the duplicate payment just now.", "takes_ownership", True),
    ("Let me rebook that for you.", "takes_ownership", True),
    ("I can do it now if you'd like.", "takes_ownership", True),
    ("I'll transfer you to billing.", "takes_ownership", False),
    ("DM us and we'll take a look.", "takes_ownership", False),
    ("Let us know if you need anything else.", "takes_ownership", False),
    # offers_options
    (
        "I can send a replacement or refund you in full. Which would you prefer?",
        "offers_options",
        True,
    ),
    ("We don't price match, but I can take £15 off instead.", "offers_options", True),
    ("Your order ships tomorrow.", "offers_options", False),
    # clear_next_steps
    ("You'll get an email with the label within 24 hours.", "clear_next_steps", True),
    ("Go to Settings > Security and tap Reset password.", "clear_next_steps", True),
    ("We'll look into it.", "clear_next_steps", False),
    ("Have you tried restarting the router?", "clear_next_steps", False),
    ("Please DM us your order number.", "clear_next_steps", False),
    # uses_context
    ("I see you've already tried restarting and reinstalling, thanks.", "uses_context", True),
    ("Since this is your third message about it, I've taken it on myself.", "uses_context", True),
    ("Thanks for being a customer since 2015.", "uses_context", False),
    # checks_understanding
    ("Does Thursday morning work for you?", "checks_understanding", True),
    ("Let me know if the screen stays black after that.", "checks_understanding", True),
    ("Is there anything else I can help you with today?", "checks_understanding", False),
    # policy_first
    ("Per our policy, date changes on Basic fares are not permitted.", "policy_first", True),
    ("That's not possible. Please call the number on your card.", "policy_first", True),
    ("We can't refund it, but I can offer an exchange or store credit.", "policy_first", False),
    # scripted_empathy
    ("We apologize for any inconvenience this may have caused.", "scripted_empathy", True),
    ("We value you as a customer and appreciate your patience.", "scripted_empathy", True),
    ("I'm sorry your ice cream arrived melted.", "scripted_empathy", False),
    # cold_transfer
    ("Please contact your bank.", "cold_transfer", True),
    ("You'll need to call our billing department on 0800 123 456.", "cold_transfer", True),
    ("You can change it yourself under My Trips > Edit passengers.", "cold_transfer", False),
    (
        "I've opened a case; DM me the order number and I'll fix it today.",
        "cold_transfer",
        False,
    ),
    (
        "I've passed your details to our pensions team so you won't have to repeat anything, "
        "and they'll email you within 2 days.",
        "cold_transfer",
        False,
    ),
    # blames_customer
    ("You should have read the terms before ordering.", "blames_customer", True),
    (
        "As clearly stated in the terms you accepted, this is not refundable.",
        "blames_customer",
        True,
    ),
    ("You should have received an email by now.", "blames_customer", False),
    # creepy_personalization
    ("I noticed you usually shop with us at 11:07 p.m.", "creepy_personalization", True),
    ("I can see you're currently at your office in Canary Wharf.", "creepy_personalization", True),
    ("I see you've contacted us twice about this.", "creepy_personalization", False),
    (
        "You mentioned you run about 20k a week, so I'd suggest the Pace 3.",
        "creepy_personalization",
        False,
    ),
    # premature_close
    ("I'm closing this ticket now.", "premature_close", True),
    ("Marking this as resolved.", "premature_close", True),
    ("I'll keep this ticket open until you confirm it works.", "premature_close", False),
    # implicit blame: a lesson for next time, or the customer's own choice held against them
    ("Please make sure your delivery notes are up to date in future.", "blames_customer", True),
    (
        "As you selected standard delivery at checkout, a next-day arrival wasn't guaranteed.",
        "blames_customer",
        True,
    ),
    (
        "Dropouts like this are usually caused by the router being kept in a cupboard.",
        "blames_customer",
        True,
    ),
    (
        "Nothing on your side caused this; it was a fault on our network and it's fixed now.",
        "blames_customer",
        False,
    ),
    # policy as a wall (the rule stated as a fact, with no way forward)
    (
        "Cancellations require 30 days' notice in writing. A further payment will be taken.",
        "policy_first",
        True,
    ),
    ("Account closures must be requested in person at a branch.", "policy_first", True),
    (
        "Cancellations need 30 days' notice, but I've waived that for you and closed the account today.",
        "policy_first",
        False,
    ),
    # context the agent found
    (
        "I've read all three of your emails, so there's no need to explain it again.",
        "uses_context",
        True,
    ),
    (
        "As you've already reset the hub twice, I've booked an engineer for Thursday.",
        "uses_context",
        True,
    ),
    # paths offered
    (
        "I can deliver on Wednesday morning or Friday after 2pm. Which suits you?",
        "offers_options",
        True,
    ),
    (
        "Two ways to sort it: a refund to your card, or a replacement sent today.",
        "offers_options",
        True,
    ),
    ("I've resent the code; I can also text it to you if that's easier.", "offers_options", False),
    # checking the fix landed for this person
    ("I've reset the password. Does that get you back in?", "checks_understanding", True),
    ("Which would help more before your trip?", "checks_understanding", True),
    (
        "Is everything okay? We noticed you haven't logged in for a while.",
        "checks_understanding",
        False,
    ),
    # rules stated as facts, with and without a way forward
    ("Priority seating is allocated on a first-come, first-served basis.", "policy_first", True),
    ("Changes to a standing order require five working days' notice.", "policy_first", True),
    (
        "Upgrades go first-come, first-served, but I've held a sea-view room for you on the 14th.",
        "policy_first",
        False,
    ),
    # earlier contacts seen on the record
    (
        "I can see all three of your calls this week; the engineer is booked for Friday at 9am.",
        "uses_context",
        True,
    ),
    (
        "You've rung twice about this, so I've booked the engineer for Tuesday.",
        "uses_context",
        True,
    ),
    # a refusal that points elsewhere
    (
        "Cancelled policies cannot be reinstated. You may wish to contact a broker.",
        "cold_transfer",
        True,
    ),
    # the customer's account denied, and advice after the fact
    ("Our records show no cancellation request was received.", "blames_customer", True),
    ("We always advise customers to keep receipts for warranty claims.", "blames_customer", True),
    (
        "Our router logs show you stream every night until 2am, which is what's slowing the line.",
        "blames_customer",
        True,
    ),
    (
        "I've checked our records and the cancellation was received on the 3rd.",
        "blames_customer",
        False,
    ),
    # the rule recited as the answer, and the fault put on the customer in polite words
    ("Courtesy cars are only provided to customers on the premium plan.", "policy_first", True),
    ("Parcels travel at the sender's own risk.", "policy_first", True),
    ("Please make sure your meter readings are up to date.", "blames_customer", True),
    ("The parcel went to the safe place you selected at checkout.", "blames_customer", True),
    ("Are you sure you entered the right card number?", "blames_customer", True),
    ("I'll post it to the address you gave me today.", "blames_customer", False),
    # logs of ours read back at the customer, and what they sent before named by when
    (
        "Our router logs show two consoles online every night until 1am.",
        "creepy_personalization",
        True,
    ),
    ("Your router has been replaced and the new one is online.", "creepy_personalization", False),
    (
        "Both of your emails reached us, and I've booked the repair for Monday.",
        "uses_context",
        True,
    ),
    ("Your request from 3 June was never actioned; I've done it now.", "uses_context", True),
    # a completed action that states its result
    ("I've reset the PIN, so you can log in now.", "clear_next_steps", True),
    ("I've cleared the late fee and your balance now shows £0.", "clear_next_steps", True),
    ("We'll look into it.", "clear_next_steps", False),
    # stock lines about no case in particular; a cold redirect to someone not ours
    ("We know how stressful this must be.", "scripted_empathy", True),
    ("Your message is important to us.", "scripted_empathy", True),
    ("Please speak to your own vet about that.", "cold_transfer", True),
    ("Refunds are given at the manager's discretion.", "policy_first", True),
    ("Drivers must be 25 or over to hire this van.", "policy_first", True),
    ("Damp is usually down to drying clothes indoors.", "blames_customer", True),
    ("You'll have used the old link from last week.", "blames_customer", True),
    (
        "Since our visit on Monday the fault has been logged against our fitter.",
        "uses_context",
        True,
    ),
    (
        "Thanks for doing the reset; the fault is on our side, so I've booked an engineer.",
        "uses_context",
        True,
    ),
    # stock formulas
    ("Thanks for reaching out! Please DM us your order number.", "scripted_empathy", True),
    (
        "We're sorry to hear about your situation. Please see our refunds page.",
        "scripted_empathy",
        True,
    ),
    # sensors and habits read back at the customer, and what they told us
    ("Your smart meter shows heavy use between 2am and 4am.", "creepy_personalization", True),
    ("You usually log in from Leeds each morning.", "creepy_personalization", True),
    ("You haven't checked in since 3 May, so you won't miss much.", "creepy_personalization", True),
    (
        "You've contacted us twice about this, so I've escalated it.",
        "creepy_personalization",
        False,
    ),
    ("The smart meter records gas use even when you're out.", "creepy_personalization", False),
    (
        "Your telematics box shows harsh braking on the M6, which is why the fee was applied.",
        "blames_customer",
        True,
    ),
    # a rule recited beside the customer's own lapse
    (
        "Items are handled as fragile if marked at checkout, and yours wasn't.",
        "blames_customer",
        True,
    ),
    ("Payments to new sellers are made at your own risk.", "blames_customer", True),
    ("Ferry connections are not our responsibility.", "blames_customer", False),
    ("I've booked a plan that fits your income.", "blames_customer", False),
    # the rule as the whole answer
    ("2FA resets can only be done by your workspace admin.", "policy_first", True),
    ("Exports over 10,000 rows aren't supported on your plan.", "policy_first", True),
    ("Membership pauses require a medical certificate signed by your GP.", "policy_first", True),
    (
        "Exports aren't supported on your plan, but I've split the file for you and emailed it.",
        "policy_first",
        False,
    ),
    # sent elsewhere to do it themselves
    ("Please raise your concern with them directly.", "cold_transfer", True),
    ("You'll need to raise the duplicate with your card issuer.", "cold_transfer", True),
    ("Retention offers are only available by phone. Please call 150.", "cold_transfer", True),
    (
        "I've called the council for you and they'll ring you by 5pm; raise anything else with "
        "them directly.",
        "cold_transfer",
        False,
    ),
    # casual stock empathy
    ("I totally get how you feel. The payment is under review.", "scripted_empathy", True),
    ("Cheers for bearing with us! I've reset your port.", "scripted_empathy", True),
    ("I get that the refund is late; I've chased it today.", "scripted_empathy", False),
    # earlier contacts and details passed on
    (
        "I've given them your run ID, so there's nothing you'll need to repeat.",
        "uses_context",
        True,
    ),
    ("You're right - my fix on Tuesday only covered CSV exports.", "uses_context", True),
    ("Sorry, you've asked us more than once.", "uses_context", True),
    ("The fix will go live on Tuesday.", "uses_context", False),
    # a second path held open
    (
        "I've booked Monday at 8:15. If that's no good, Wednesday at 5:30 is free too.",
        "offers_options",
        True,
    ),
    ("Would you rather collect at 4, or have it delivered by 6?", "offers_options", True),
    ("Your parcel is free to collect from Monday.", "offers_options", False),
    # closes said other ways
    ("Your bill rose due to usage. Closing this query.", "premature_close", True),
    ("This chat will now close.", "premature_close", True),
    ("The job has been marked complete.", "premature_close", True),
    ("I'll keep this query open until you confirm the job is complete.", "premature_close", False),
    # plain checks on the plan
    (
        "A courtesy car can be with you by Thursday - would you like one?",
        "checks_understanding",
        True,
    ),
    ("Is this clear? Your son will have the nut-free dish.", "checks_understanding", True),
    ("Is this your first order with us?", "checks_understanding", False),
    (
        "The vehicle's telematics logged 14 harsh-braking events, which is why the fee applies.",
        "creepy_personalization",
        True,
    ),
]


@pytest.mark.parametrize(("text", "label", "present"), REPLY_CASES)
def test_reply_label(analyzer: CareAnalyzer, text: str, label: str, present: bool) -> None:
    review = analyzer.review_reply(text, customer=analyzer.read_customer("My order is late."))
    found = set(review.present_behaviours) | set(review.present_risks)
    assert (label in found) is present, (text, review.behaviours, review.risks)


def test_closing_after_the_customer_confirmed_the_fix_is_fine(analyzer: CareAnalyzer) -> None:
    customer = analyzer.read_customer("That worked, thank you so much!")
    review = analyzer.review_reply("Great! I'll close this ticket now.", customer=customer)
    assert not review.risks["premature_close"]


@pytest.mark.parametrize(
    ("message", "confirmed"),
    [
        ("Refund's landed, thanks for sorting it so quickly!", True),
        ("The replacement jug arrived today, fits perfectly.", True),
        ("Thanks, the new e-ticket came through and the names are right now.", True),
        ("My order arrived broken.", False),
        ("It arrived but it's the wrong size.", False),
        ("The parcel still hasn't arrived.", False),
        ("The details are wrong right now.", False),
        # a fix someone else claimed is not the customer confirming it
        ("You told me on Tuesday this was sorted. It still fails on Excel files.", False),
        ("I was assured it was fixed, but the app crashes again.", False),
        ("Just checked and it's working now, thanks.", True),
    ],
)
def test_an_arrival_confirms_the_fix_only_when_nothing_wrong_follows(
    analyzer: CareAnalyzer, message: str, confirmed: bool
) -> None:
    customer = analyzer.read_customer(message)
    assert customer.confirms_fix is confirmed
    review = analyzer.review_reply("Glad to hear it. I'll close the case now.", customer=customer)
    assert bool(review.risks["premature_close"]) is not confirmed


def test_a_stock_phrase_repeated_across_history_is_scripted(analyzer: CareAnalyzer) -> None:
    history = ["Oh no, I'm sorry your order arrived late! I've added a credit."] * 2
    draft = "Oh no, I'm sorry your order arrived late! The courier has been told."
    assert analyzer.review_reply(draft, history=history).risks["scripted_empathy"]
    assert not analyzer.review_reply(draft, history=[]).risks["scripted_empathy"]


def test_needs_follow_the_customer(analyzer: CareAnalyzer) -> None:
    upset = analyzer.read_customer(
        "I've called three times and my flight is tomorrow!! Nobody got back to me."
    )
    review = analyzer.review_reply("Your ticket is in the queue.", customer=upset)
    assert {"takes_ownership", "clear_next_steps", "uses_context"} <= set(review.needs)
    assert all(state == "missing" for state in review.needs.values())
    assert review.score == 0


def test_a_refusal_asks_for_options(analyzer: CareAnalyzer) -> None:
    review = analyzer.review_reply("We can't refund this order.", customer=None)
    assert review.needs == {"offers_options": "missing"}
    assert review.risks["policy_first"]


def test_each_sentence_is_judged_once_however_many_flags_it_carries(
    analyzer: CareAnalyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long message of one sentence can carry thousands of health flags; whether the
    sentence only names someone's health job is asked once, not once per flag (per flag,
    a 100,000-character message took half a minute)."""
    from caredesk.care import stakes
    from caredesk.care.textutil import sentences

    calls: list[str] = []
    original = stakes.names_only_a_health_job

    def counted(text: str) -> bool:
        calls.append(text)
        return original(text)

    monkeypatch.setattr(stakes, "names_only_a_health_job", counted)
    text = "my mum has dementia " * 500
    assert "health" in analyzer.read_customer(text).stakes_kinds
    # 500 flags; the run-on sentence is read in pieces of at most 1,000 characters.
    assert len(calls) <= len(sentences(text)) == 10
