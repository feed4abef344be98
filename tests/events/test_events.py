"""Events: type, direction, modality, date and place read from sentences written for the tests."""

from datetime import date

import pytest

from tidings.events.assemble import light_verb


def events_of(report):
    """(type, source codes, target codes, modality) of each event."""
    codes = {a.id: a.country or a.affiliation or a.name for a in report.actors}
    return [
        (
            e.type,
            sorted(codes[i] for i in e.source),
            sorted(codes[i] for i in e.target),
            str(e.modality),
        )
        for e in report.events
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Zelensky asked Washington for more air defence.",
            ("REQUEST", ["UKR"], ["USA"], "asserted"),
        ),
        (
            "Kyiv was struck by Russian missiles overnight.",
            ("ASSAULT", ["RUS"], ["UKR"], "asserted"),
        ),
        (
            "France and Germany urged Iran to resume talks.",
            ("REQUEST", ["DEU", "FRA"], ["IRN"], "asserted"),
        ),
        # the promise to meet comes first (on "will"), the planned meeting after it
        ("Erdogan will meet Putin in Sochi next week.", ("AGREE", ["TUR"], ["RUS"], "asserted")),
        (
            "Washington is considering sending Patriot missiles to Kyiv.",
            ("AID", ["USA"], ["UKR"], "hypothetical"),
        ),
        ("Russia denied attacking the convoy.", ("REJECT", ["RUS"], [], "asserted")),
        (
            "The Wall Street Journal reported that Qatar paid the ransom to Hamas.",
            ("AID", ["QAT"], ["PSE"], "reported-claim"),
        ),
        (
            "The United States imposed sanctions on Iran.",
            ("SANCTION", ["USA"], ["IRN"], "asserted"),
        ),
        ("China condemned the Japanese prime minister.", ("ACCUSE", ["CHN"], ["JPN"], "asserted")),
        (
            "Police in Kenya arrested dozens of protesters.",
            ("COERCE", ["KEN"], ["KEN"], "asserted"),
        ),
    ],
)
def test_first_event_of_sentence(run, sentence, expected):
    assert events_of(run(sentence))[0] == expected


def test_conditional_threat(run):
    report = run("If Tehran enriches uranium further, Israel will strike Iran, Netanyahu warned.")
    found = events_of(report)
    assert ("ASSAULT", ["ISR"], ["IRN"], "conditional") in found


def test_refused_meeting_is_a_rejection_and_a_negated_meeting(run):
    found = events_of(run("Burhan refused to meet Dagalo in Jeddah."))
    assert ("REJECT", ["SDN"], ["SDN"], "asserted") in found
    assert ("CONSULT", ["SDN"], ["SDN"], "negated") in found


def test_event_date_and_place(run):
    report = run("Rubio met Lavrov in Riyadh on Tuesday.", date(2025, 2, 20))
    (event,) = report.events
    assert (event.date.value, event.location.name, event.location.country) == (
        "2025-02-18",
        "Riyadh",
        "SAU",
    )
    assert event.location.lat == pytest.approx(24.69, abs=0.1)


def test_place_merely_named_is_not_pinned(run):
    report = run("Macron, who returned from Kyiv, criticised Moscow.")
    assert all(e.location is None for e in report.events)


def test_cameo_goldstein_and_quad_class(run):
    (event,) = run("Israeli jets bombed Hezbollah positions.").events
    assert (event.type, event.cameo, event.quad_class) == ("ASSAULT", "195", 4)
    assert event.goldstein == -10.0


def test_evidence_is_the_sentence(run):
    text = "Talks stalled. The EU imposed sanctions on Belarus on Friday."
    report = run(text)
    talks, event = report.events
    assert talks.evidence.sentence == "Talks stalled."
    assert text[event.evidence.start : event.evidence.end] == event.evidence.sentence
    assert event.evidence.sentence.startswith("The EU imposed")


def test_sentence_without_actors_gives_no_event(run):
    assert run("The war has dragged on for years.").events == []


def test_reported_would_is_a_plan_but_considering_stays_possible(run):
    planned = run("Trump announced that the United States would lift sanctions on Syria.")
    possible = run("Kallas said the EU would consider sanctions against Georgian officials.")
    assert [str(e.modality) for e in planned.events if e.type == "CONCEDE"] == ["planned"]
    assert [str(e.modality) for e in possible.events if e.type == "SANCTION"] == ["hypothetical"]


def test_court_sentence_is_a_sanction_on_the_convicted(run):
    report = run(
        "A Russian court sentenced U.S. journalist Evan Gershkovich to 16 years in prison."
    )
    assert events_of(report)[0] == ("SANCTION", ["RUS"], ["USA"], "asserted")


def test_attack_on_a_countrys_soil_targets_that_country(run):
    report = run(
        "An Israeli air strike on a building in central Beirut killed six people, "
        "Lebanon's health ministry said."
    )
    (event,) = report.events
    assert events_of(report)[0][:3] == ("ASSAULT", ["ISR"], ["LBN"])
    assert (event.location.name, event.location.country) == ("Beirut", "LBN")


def test_casualty_counts_go_to_the_violent_event_of_their_sentence(run):
    report = run(
        "Russian drones struck Odesa overnight, killing four people and wounding 19. "
        "Ukraine said it would ask its allies for more air defence."
    )
    counted = [e for e in report.events if e.casualties]
    assert [(e.type, e.casualties) for e in counted] == [("ASSAULT", {"killed": 4, "injured": 19})]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Spain and Morocco held joint military exercises near Ceuta on Monday.",
            [("COOPERATE", ["ESP"], ["MAR"], "asserted")],  # a joint act: the first -> the rest
        ),
        (
            "Canada pledged 200 armoured vehicles to Ukraine.",
            [("AGREE", ["CAN"], ["UKR"], "asserted")],
        ),
        (
            "Armenia said it had no intention of attacking Azerbaijan.",
            [("ASSAULT", ["ARM"], ["AZE"], "negated")],
        ),
        (
            "Serbia was ready to sign a trade deal with Kosovo.",
            [
                ("AGREE", ["SRB"], ["XKX"], "asserted"),
                ("SUPPORT", ["SRB"], ["XKX"], "hypothetical"),
            ],
        ),
        (
            "Egypt denied sending weapons to Sudan.",
            [("REJECT", ["EGY"], [], "asserted"), ("AID", ["EGY"], ["SDN"], "negated")],
        ),
        (
            "Chile agreed to reopen its border for Bolivian truckers.",
            [("AGREE", ["CHL"], ["BOL"], "asserted"), ("CONCEDE", ["CHL"], ["BOL"], "planned")],
        ),
        (
            "Pedro Sanchez called Emmanuel Macron on Friday to discuss fishing quotas.",
            [("CONSULT", ["ESP"], ["FRA"], "asserted")],
        ),
        (
            "Pedro Sanchez called the French president a dangerous liar.",
            [("ACCUSE", ["ESP"], ["FRA"], "asserted")],
        ),
        ("Pedro Sanchez called the meeting productive.", []),
        (
            "Ghana said Togo's accusations were baseless.",
            [("ACCUSE", ["TGO"], [], "asserted"), ("ACCUSE", ["GHA"], ["TGO"], "asserted")],
        ),
        (
            "Mali accuses the rebel group of killing and looting in the north.",
            [
                ("ACCUSE", ["MLI"], ["MLI"], "asserted"),
                ("ASSAULT", ["MLI"], ["MLI"], "reported-claim"),
                ("COERCE", ["MLI"], ["MLI"], "reported-claim"),
            ],
        ),
        (
            "Boko Haram fighters attacked the town, inflicting heavy losses on Nigerian troops.",
            [("ASSAULT", ["NGA"], ["NGA"], "asserted")],
        ),
        ("The cyclone inflicted heavy damage on the port.", []),
        ("Kenyan officials warned that the drought could worsen in March.", []),
        (
            "Kenyan troops began operations against al-Shabaab near Lamu.",
            [("ASSAULT", ["KEN"], ["SOM"], "asserted")],
        ),
        (
            "The generals forced President Bazoum from office.",
            [("COERCE", ["NER"], ["NER"], "asserted")],
        ),
        (
            "The EU imposed an asset freeze on Belarusian officials.",
            [("SANCTION", ["EU"], ["BLR"], "asserted")],
        ),
        (
            "Ottawa doubled its tariffs on American steel.",
            [("SANCTION", ["CAN"], ["USA"], "asserted")],
        ),
        (
            "The Houthis came back to the negotiating table.",
            [("CONSULT", ["YEM"], [], "asserted")],
        ),
        (
            "Serbia softened its stance on Kosovo's membership.",
            [("CONCEDE", ["SRB"], [], "asserted")],
        ),
        (
            "Iran warned it would retaliate against any attack.",
            [("THREATEN", ["IRN"], [], "asserted"), ("ASSAULT", [], [], "hypothetical")],
        ),
        (
            "The UN withdrew peacekeepers from the Golan Heights.",
            [("SANCTION", ["UN"], ["SYR"], "asserted")],
        ),
        (
            "Thousands fled the town after fighting between Sudanese troops and Chadian rebels.",
            [("ASSAULT", ["SDN"], ["TCD"], "asserted")],
        ),
        (
            "Police picked up four suspects in Lyon.",
            [("COERCE", ["Police"], ["suspects"], "asserted")],
        ),
        (
            "Two Hezbollah commanders are dead, killed in an Israeli strike.",
            [("ASSAULT", ["ISR"], ["LBN"], "asserted")],
        ),
        (
            "Poland and Lithuania agreed on Tuesday to share radar data.",
            [
                ("AGREE", ["POL"], ["LTU"], "asserted"),
                ("COOPERATE", ["POL"], ["LTU"], "planned"),
            ],
        ),
    ],
)
def test_modes_modalities_and_control(run, sentence, expected):
    assert events_of(run(sentence)) == expected


def test_a_strike_neither_confirmed_nor_denied_is_not_asserted(run):
    rejection, strike = events_of(run("Israel has neither confirmed nor denied the strike."))
    assert rejection == ("REJECT", ["ISR"], [], "negated")
    assert strike[0] == "ASSAULT" and strike[3] != "asserted"


def test_a_restatement_in_the_same_sentence_is_one_event(run):
    text = (
        "Iran launched 200 drones at Israel late on Saturday in its first direct attack on Israel."
    )
    assert events_of(run(text)) == [("ASSAULT", ["IRN"], ["ISR"], "asserted")]


def test_two_verbs_of_the_same_type_stay_two_events(run):
    text = "The army said its jets had shot down two drones and struck a launcher in Yemen."
    assert len([e for e in run(text).events if e.type == "ASSAULT"]) == 2


def test_a_date_phrase_is_no_call_on(run):
    text = "Kenya struck what it called militant hideouts in Somalia on Wednesday."
    assert [e.type for e in run(text).events] == ["ASSAULT"]


def test_a_bare_institution_is_the_speaker_s(run):
    text = (
        "Lebanon's health ministry said 30 people were killed in Tyre.\n\n"
        "Israel's defence minister said the army was moving troops to the border."
    )
    mobilize = next(e for e in run(text).events if e.type == "MOBILIZE")
    assert events_of_one(run(text), mobilize) == ("MOBILIZE", ["ISR"])


def events_of_one(report, event):
    codes = {a.id: a.country for a in report.actors}
    return (event.type, sorted(codes[i] for i in event.source))


def test_a_nominal_attack_under_in_is_the_subject_s(run):
    text = "Ukraine's forces crossed into Russia's Kursk region in a surprise attack."
    ((event_type, source, _, modality),) = events_of(run(text))
    assert (event_type, source, modality) == ("ASSAULT", ["UKR"], "asserted")


def test_people_killed_in_an_attack_did_not_attack(run):
    text = "Four Syrian soldiers were killed in an attack near Homs."
    assert all(e.source == [] for e in run(text).events)


def test_an_unmarked_mention_of_a_planned_meeting_is_the_plan(run):
    text = (
        "Macron will meet Scholz in Paris on Friday.\n\n"
        "Ahead of his meeting with Scholz, Macron spoke to reporters."
    )
    meetings = [e for e in run(text).events if e.type == "CONSULT"]
    assert [str(e.modality) for e in meetings] == ["planned"]


def test_a_meeting_placed_elsewhere_is_another_meeting(run):
    text = (
        "Trump and Putin will meet in Budapest.\n\n"
        "Trump's summit with Putin in Alaska in August produced no deal."
    )
    modalities = sorted(str(e.modality) for e in run(text).events if e.type == "CONSULT")
    assert modalities == ["asserted", "planned"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Washington and Pyongyang have not spoken since talks failed in Hanoi.", "CONSULT"),
        ("Dozens died in the blasts outside a school.", "ASSAULT"),
        ("The rebels claimed responsibility for the attack.", "ASSAULT"),
    ],
)
def test_an_event_noun_is_an_event_wherever_it_stands(run, sentence, expected):
    assert expected in [e.type for e in run(sentence).events]


def test_a_predicate_noun_describes_and_is_no_event(run):
    assert run("There was a threat in the general area, the official said.").events == []


def test_a_definite_noun_pointing_back_at_an_event_told_is_no_new_event(run):
    text = (
        "Iran and the IAEA signed an agreement in Cairo on Tuesday.\n\n"
        "Three days later, officials in Vienna welcomed the agreement."
    )
    agreements = [e for e in run(text).events if e.trigger == "agreement"]
    assert len(agreements) == 1 and agreements[0].evidence.sentence.startswith("Iran and")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("North Korea conducted two missile tests in May.", ("MOBILIZE", "150")),
        ("Iran wants sanctions relief.", ("CONCEDE", "085")),
        ("Nigeria's army launched a military operation against Boko Haram.", ("ASSAULT", "190")),
        ("Witnesses described looting in the market.", ("COERCE", None)),
    ],
)
def test_a_noun_s_sense_comes_from_its_modifier_or_its_verb(run, sentence, expected):
    event_type, cameo = expected
    events = [e for e in run(sentence).events if e.type == event_type]
    assert events and (cameo is None or events[0].cameo == cameo)


def test_a_test_with_no_weapon_is_no_show_of_force(run):
    assert run("Students in Seoul sat a national test on Monday.").events == []


def test_signing_an_agreement_is_support_and_agreeing_to_act_is_agree(run):
    assert events_of(run("Japan and India signed a defence agreement on Monday.")) == [
        ("SUPPORT", ["JPN"], ["IND"], "asserted")
    ]
    assert [e[0] for e in events_of(run("Hamas agreed to release ten hostages."))][0] == "AGREE"


def test_what_someone_is_arrested_for_is_a_claim(run):
    text = "A journalist was arrested in Niger for collaborating with Boko Haram."
    events = {e.type: str(e.modality) for e in run(text).events}
    assert events["COERCE"] == "asserted"
    assert events["COOPERATE"] == "reported-claim"


def test_a_bomb_that_exploded_is_not_the_police_s_act(run):
    text = (
        "Police fired tear gas at protesters in the old city on Thursday.\n\n"
        "Two small bombs exploded near the court building."
    )
    exploded = next(e for e in run(text).events if e.trigger == "exploded")
    assert exploded.source == []


@pytest.mark.parametrize(
    ("text", "trigger", "casualties"),
    [
        ("A boy was killed in the air strike on the village.", "killed", {"killed": 1}),
        ("Soldiers killed a protester near the border on Monday.", "killed", {"killed": 1}),
        ("A woman was injured in the blast on Monday.", "blast", {"injured": 1}),
        # a plural with no number gives no count
        ("Civilians were killed in the air strike on the village.", "killed", {}),
    ],
)
def test_one_victim_named_without_a_number_is_one_casualty(run, text, trigger, casualties):
    (event,) = [e for e in run(text).events if e.trigger == trigger]
    assert event.casualties == casualties


@pytest.mark.parametrize(
    ("text", "casualties"),
    [
        # a part named inside its total is not added to it
        ("Gunmen killed nine villagers, including three women, in Borno on Sunday.", {"killed": 9}),
        ("The raid killed 14 civilians, among them two children.", {"killed": 14}),
        # people taken or held in a coordinated clause were not killed
        ("The militia killed 40 farmers and abducted 75 schoolgirls.", {"killed": 40}),
        ("Rebels killed 300 soldiers and took 90 prisoners.", {"killed": 300}),
    ],
)
def test_casualty_counts_add_only_the_dead_and_wounded_once(run, text, casualties):
    counted = [e.casualties for e in run(text).events if e.casualties]
    assert counted == [casualties]


@pytest.mark.parametrize(
    ("sentence", "trigger", "modality"),
    [
        # a tensed conjunct has its own negation and its own governor
        (
            "Tehran said the embargo would not hurt its economy and accused Paris of piracy.",
            "accused",
            "asserted",
        ),
        ("The general denied the reports and urged the militias to disarm.", "urged", "asserted"),
        # a bare conjunct shares them
        ("Hanoi did not attack or blockade the islands.", "blockade", "negated"),
    ],
)
def test_negation_does_not_leak_into_a_coordinated_clause(run, sentence, trigger, modality):
    (event,) = [e for e in run(sentence).events if e.trigger == trigger]
    assert str(event.modality) == modality


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        # an ability told as used says the act was done
        ("The Kenyan police were able to arrest the suspects.", "asserted"),
        ("The Kenyan police have been able to arrest two suspects.", "asserted"),
        ("The Kenyan police will be able to arrest the suspects.", "hypothetical"),
        ("The Kenyan police are able to arrest the suspects.", "hypothetical"),
        ("The Kenyan police were not able to arrest the suspects.", "negated"),
    ],
)
def test_an_ability_used_in_the_past_is_an_act_done(run, sentence, modality):
    (event,) = [e for e in run(sentence).events if e.trigger == "arrest"]
    assert str(event.modality) == modality


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # law enforcement: charges, cases, seizures, crowd control, returned fire, questioning
        ("Police in Pune booked eleven men for rioting on Sunday.", ("COERCE", "173")),
        ("The Delhi police registered a case against the landlord.", ("ACCUSE", "1121")),
        ("Detectives recovered three rifles from the farmhouse.", ("COERCE", "1711")),
        ("Police lathi-charged the stone-throwing mob near the bus depot.", ("ASSAULT", "175")),
        ("Police burst tear gas shells at the crowd.", ("ASSAULT", "175")),
        ("The border guards returned fire after the ambush.", ("ASSAULT", "193")),
        ("Investigators are questioning two suspects about the fire.", ("ACCUSE", "091")),
        # CAMEO's blockade is force (191); cancelling a visit rejects a meeting (125)
        ("The navy blockaded the rebel-held port for a month.", ("ASSAULT", "191")),
        ("The Chilean president cancelled a visit to Peru.", ("REJECT", "125")),
        # a phrasal verb takes its object as one; a strike over pay is a stoppage of work
        ("Dock workers in Chile called off their strike on Friday.", ("CONCEDE", "082")),
        ("Serbia called off the talks with Kosovo.", ("SANCTION", "164")),
        ("The teachers' strike over pay entered its second week in Kenya.", ("PROTEST", "143")),
        ("Israel carried out an air strike on a car park near the factory.", ("ASSAULT", "195")),
        # shows of force by the police and the army; sweeps; cordons; pressure is a demand
        ("The army staged a flag march through the old city.", ("MOBILIZE", "150")),
        ("Police launched a combing operation in the hills.", ("MOBILIZE", "150")),
        ("Soldiers cordoned off the market after the blast.", ("COERCE", "172")),
        ("Brussels is pressuring Belgrade to recognise the vote.", ("REQUEST", "100")),
        # a call for something is an appeal; selling arms is military cooperation, as buying is
        ("Chile backed calls for a ceasefire in Sudan.", ("REQUEST", "020")),
        ("Peru's president held a phone call with Chile's president.", ("CONSULT", "041")),
        ("France will sell 24 jets to India next year.", ("COOPERATE", "062")),
        # deadlines are ultimatums; legal action is a suit; disputing is criticism
        ("Ghana gave Togo a June 30 deadline to pull out its troops.", ("THREATEN", "139")),
        ("The Commission launched legal action against Hungary.", ("ACCUSE", "115")),
        ("The opposition in Malawi disputed the official results.", ("ACCUSE", "111")),
        ("Soldiers erected checkpoints on the road to the airport.", ("COERCE", "172")),
        ("Commandos hunted down the bomb maker in the hills.", ("ASSAULT", "190")),
        ("Egypt bought 24 combat aircraft from France.", ("COOPERATE", "062")),
        # yielding: permissions, tariffs rolled back, operations ceased
        ("A court in Lagos granted the police permission to hold the editor.", ("CONCEDE", "080")),
        ("The US rolled back tariffs on Mexican steel.", ("CONCEDE", "085")),
        ("The Sudanese army ceased its operations near Khartoum.", ("RETREAT", "087")),
        ("The militants held 300 villagers as human shields.", ("ASSAULT", "184")),
        ("The museum returned three stolen statues to Greece.", ("RETREAT", "0842")),
        # charging with a crime is an accusation (PLOVER ACCUSE allege), not the arrest
        ("Prosecutors charged the mayor with bribery on Monday.", ("ACCUSE", "1121")),
        ("The two men were indicted for fraud in Lagos.", ("ACCUSE", "1121")),
        # exercises held with, or by, the forces of another country are joint: COOPERATE
        ("Japan held naval drills with the Indian Navy near Okinawa.", ("COOPERATE", "062")),
        ("Iran held naval drills in the Gulf of Oman.", ("MOBILIZE", "150")),
        ("Jordan and Britain held war games in the desert.", ("COOPERATE", "062")),
    ],
)
def test_vocabulary_of_coercion_force_and_its_undoing(run, sentence, expected):
    events = run(sentence).events
    assert expected in [(e.type, e.cameo) for e in events]


def test_civilians_blocking_a_road_obstruct_rather_than_fight(run):
    events = run("Truck drivers blockaded the main highway to the capital.").events
    assert [(e.type, e.mode) for e in events] == [("PROTEST", "obstruct")]


def test_people_sent_to_do_something_are_the_means_of_that_act(run):
    found = events_of(run("Norway sent five forensic experts to Kenya to investigate the blast."))
    assert ("ACCUSE", ["NOR"], ["KEN"], "asserted") in found
    assert all(t != "AID" for t, _, _, _ in found)


def test_part_of_a_measure_eased_is_the_measure_eased(run):
    events = run("Japan decided to lift some of its sanctions on Iran.").events
    assert [(e.type, e.cameo) for e in events] == [("CONCEDE", "085")]


def test_what_a_permission_allows_has_not_happened(run):
    events = run("A court in Lagos granted the police permission to detain the editor.").events
    assert ("COERCE", "hypothetical") in [(e.type, str(e.modality)) for e in events]


def test_a_participle_describing_a_noun_is_less_sure_than_the_clause(run):
    text = "Saudi forces fighting the Houthis in Yemen declared a two-week ceasefire on Monday."
    events = {e.type: e.confidence for e in run(text).events}
    assert events["RETREAT"] > events["ASSAULT"]


def test_a_noun_event_under_a_light_verb_is_as_sure_as_the_verb(run):
    # "signed an agreement" reports the signing as "agreed" would: the purpose it serves is
    # told about, and "held talks" is as sure as "talked"
    signed = run("Brazil and Argentina signed a trade agreement to cut tariffs on steel.")
    best = max(signed.events, key=lambda e: e.confidence)
    assert best.trigger == "agreement"
    held = run("Ghana held talks with Togo on Monday.").events
    talked = run("Ghana talked with Togo on Monday.").events
    assert [e.confidence for e in held] == [e.confidence for e in talked]


@pytest.mark.parametrize(
    ("text", "noun", "verb"),
    [
        ("Egypt voiced its rejection and condemnation of the raid.", "condemnation", "voiced"),
        ("Talks were held in Doha on Monday.", "Talks", "held"),
        ("Ghana sent a letter about the talks.", "talks", None),
        ("Kenyan troops remained on alert near the border.", "alert", "remained"),
        ("The ministers agreed on a ceasefire.", "ceasefire", None),
    ],
)
def test_the_light_verb_of_a_noun_event_is_found_through_conjuncts_and_passives(
    nlp, text, noun, verb
):
    token = next(t for t in nlp(text) if t.text == noun)
    found = light_verb(token)
    assert (found.text if found is not None else None) == verb


def test_a_state_the_subject_is_in_outranks_an_act_told_in_a_subordinate_clause(run):
    text = "Kenyan troops remained on alert after gunmen tried to set off bombs near Mandera."
    best = max(run(text).events, key=lambda e: e.confidence)
    assert (best.type, best.trigger) == ("MOBILIZE", "alert")


def test_an_act_told_in_a_relative_clause_is_background(run):
    text = "Kenya's high court freed a blogger whom police had detained over a post in March."
    events = {e.type: e.confidence for e in run(text).events}
    assert events["RETREAT"] > events["COERCE"]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's foreign ministry refuted reports of recalling its ambassador from Lome.",
        "Kenya rebutted claims by Uganda about the border.",
        "The Malian junta disavowed a statement by its own envoy to Algeria.",
    ],
)
def test_refuting_or_disavowing_is_a_rejection(run, text):
    assert run(text).events[0].type == "REJECT"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana awarded its highest order to the Chinese ambassador.", ["SUPPORT"]),
        ("The king bestowed a medal on the Kenyan runner.", ["SUPPORT"]),
        ("The board awarded the contract to a Turkish firm.", []),
    ],
)
def test_an_honour_bestowed_is_praise(run, text, expected):
    assert [e.type for e in run(text).events] == expected


def test_failing_to_agree_is_a_rejection(run):
    found = events_of(run("Britain and Norway failed to reach a deal on fishing rights."))
    assert found[0] == ("REJECT", ["GBR"], ["NOR"], "asserted")
    assert ("SUPPORT", ["GBR"], ["NOR"], "negated") in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the object's compound says what kind of thing was acted on
        ("Both armies violated the ceasefire agreement on Sunday.", [("ASSAULT", "196")]),
        ("Norway ended mediation efforts between the two parties.", [("SANCTION", "165")]),
        ("Kenya signed a trade agreement with Uganda.", [("SUPPORT", "057")]),
        # so does what a noun is "of"
        ("Sweden announced a suspension of aid to Zambia.", [("SANCTION", "162")]),
    ],
)
def test_the_kind_an_objects_compound_names_selects_the_sense(run, sentence, expected):
    assert [(e.type, e.cameo) for e in run(sentence).events] == expected


DOMESTIC_STORY = (
    "Chadian police arrested 40 opposition supporters in N'Djamena on Monday. "
    "Chad's army shelled villages near Abeche on Tuesday. "
    "The opposition called for a general strike. "
    "Dozens of students were detained in Moundou."
)


def test_an_arrest_with_no_doer_in_a_domestic_story_is_the_police_s(run):
    report = run(DOMESTIC_STORY)
    (detained,) = [e for e in report.events if e.trigger == "detained"]
    (police,) = detained.source
    assert report.actor(police).name == "Chadian police"


def test_a_conviction_with_no_doer_in_a_story_of_two_countries_keeps_no_source(run):
    story = (
        "Kenya accused Somalia of violating its airspace on Monday. "
        "Somalia rejected the accusation. "
        "Kenyan police arrested two Somali traders in Mandera. "
        "The traders were convicted of smuggling."
    )
    (act,) = [e for e in run(story).events if e.trigger == "convicted"]
    assert act.source == []  # the traders are Somali, but a foreigner is tried where he is held


def test_an_arrest_with_no_doer_is_the_state_s_where_it_happened(run):
    story = (
        "Chadian police arrested 40 Sudanese traders in N'Djamena on Monday. "
        "Sudan's army shelled villages near Abeche on Tuesday. "
        "Sudan condemned the arrests. "
        "Dozens of students were detained in Moundou."
    )
    report = run(story)
    (act,) = [e for e in report.events if e.trigger == "detained"]
    assert [report.actor(a).country for a in act.source] == ["TCD"]  # only a state detains


def test_violence_by_a_domestic_story_s_own_actors_falls_on_its_country(run):
    report = run(DOMESTIC_STORY + " Government troops stormed the rebel camp at dawn.")
    (stormed,) = [e for e in report.events if e.trigger == "stormed"]
    assert [report.actor(a).country for a in stormed.target] == ["TCD"]


KENYAN_STORY = (
    "Kenya's parliament voted on Tuesday to remove the deputy president from office. "
    "Kenyan police arrested two of his aides in Nairobi. "
    "President Ruto nominated the interior minister to replace him. "
    "The deputy president was convicted on five charges. "
    "The opposition rejected the vote."
)


def test_a_domestic_act_with_no_doer_is_the_story_country_s(run):
    report = run(KENYAN_STORY)
    (convicted,) = [e for e in report.events if e.trigger == "convicted"]
    assert [report.actor(a).country for a in convicted.source] == ["KEN"]


def test_force_with_no_doer_in_a_domestic_story_gets_no_doer_from_the_story_alone(run):
    report = run(KENYAN_STORY + " A police officer was shot dead in Mombasa.")
    (shot,) = [e for e in report.events if e.trigger == "shot"]
    assert shot.source == []


def test_a_country_s_own_rejection_with_no_target_falls_on_the_country(run):
    report = run(KENYAN_STORY + " The Kenyan government refused on Friday, a spokesman said.")
    (refused,) = [e for e in report.events if e.trigger == "refused"]
    assert [report.actor(a).country for a in refused.target] == ["KEN"]


def test_what_a_request_asks_for_leaves_its_target_to_the_story(run):
    report = run(
        "Trump warned Pyongyang on Monday. North Korea accused Washington of hostility. "
        "Trump asked instead for full denuclearization."
    )
    (asked,) = [e for e in report.events if e.trigger == "asked"]
    assert [report.actor(a).country for a in asked.target] == ["PRK"]


def test_the_acts_one_is_accused_of_are_the_accused_s_and_only_claimed(run):
    report = run("Mali accuses the rebel group of killing and looting in the north.")
    sectors = {a.id: a.sector for a in report.actors}
    acts = [e for e in report.events if e.type != "ACCUSE"]
    assert [e.trigger for e in acts] == ["killing", "looting"]
    assert all([sectors[s] for s in e.source] == ["REB"] for e in acts)
    assert all(str(e.modality) == "reported-claim" for e in acts)


def test_not_hesitating_to_act_commits_to_it_and_the_past_did_it(run):
    threat = run("He said the army would not hesitate to use force against the rebels.")
    types = {e.type: str(e.modality) for e in threat.events}
    assert types == {"THREATEN": "asserted", "ASSAULT": "planned"}
    (fired,) = run("The army did not hesitate to fire on the protesters.").events
    assert (fired.type, str(fired.modality)) == ("ASSAULT", "asserted")


def test_the_release_of_someone_falls_on_them(run):
    report = run("A Brazilian judge ordered the release of former President Michel Temer.")
    (release,) = report.events
    assert [report.actor(a).sector for a in release.source] == ["JUD"]
    assert [report.actor(a).name for a in release.target] == ["Michel Temer"]


def test_a_judgement_in_a_speaker_s_own_words_is_the_speaker_s(run):
    report = run(
        "“We have to understand that Putin is the aggressor. We must help Ukraine,” "
        "Senator Roger Wicker told reporters."
    )
    (accusation,) = [e for e in report.events if e.type == "ACCUSE"]
    assert [report.actor(a).name for a in accusation.source] == ["Roger Wicker"]
    assert [report.actor(a).country for a in accusation.target] == ["RUS"]
    assert run("Putin is the aggressor. Everyone knows it.").events == []


def test_refusing_to_let_an_actor_act_is_aimed_at_that_actor(run):
    report = run("Russia refused to allow two European airlines to land in the country.")
    (refusal,) = [e for e in report.events if e.type == "REJECT"]
    assert [report.actor(a).sector for a in refusal.target] == ["BUS"]


def test_halting_supplies_to_a_country_sanctions_it(run):
    report = run("Turkey has suspended food supplies and flights to Armenia.")
    assert [(e.type, [report.actor(a).country for a in e.target]) for e in report.events] == [
        ("SANCTION", ["ARM"])
    ]


def test_a_weapon_fired_by_an_actor_strikes_as_that_actor(run):
    report = run("The missiles fired by the Israeli military struck a depot of the Syrian army.")
    (strike,) = report.events
    assert [report.actor(a).country for a in strike.source] == ["ISR"]
    assert [report.actor(a).country for a in strike.target] == ["SYR"]


def test_a_place_as_object_is_where_the_event_fell(run):
    (strike,) = run("Russian missiles struck Kharkiv overnight.").events
    assert (strike.location.name, strike.location.country) == ("Kharkiv", "UKR")


def test_of_two_subject_arcs_the_one_nearest_the_verb_acts(run):
    report = run(
        "The rebel Free Syrian Army on Wednesday threatened to shell positions of Hezbollah."
    )
    assert {e.type: [report.actor(a).name for a in e.source] for e in report.events} == {
        "THREATEN": ["Free Syrian Army"],
        "ASSAULT": ["Free Syrian Army"],
    }


def test_calls_for_an_act_are_a_request_not_a_phone_call(run):
    report = run("Turkey rejected calls for a ceasefire. Putin had a call with Erdogan.")
    assert {e.trigger: e.type for e in report.events if e.trigger.startswith("call")} == {
        "calls": "REQUEST",
        "call": "CONSULT",
    }


def test_the_event_the_sentence_reports_outranks_the_one_it_tells_about(run):
    report = run("Hungary launched a mediation effort designed to help the parties reach a deal.")
    best = max(report.events, key=lambda e: e.confidence)
    assert (best.type, best.trigger) == ("CONSULT", "mediation")
    assert all(e.confidence >= 0.05 for e in report.events)


def test_a_verdict_and_a_break_in_links_are_sanctions(run):
    report = run("A Danish court found the former minister guilty of fraud.")
    assert [(e.type, e.mode) for e in report.events] == [("SANCTION", "convict")]
    report = run("Morocco announced a suspension of air links with Spain.")
    (suspension,) = report.events
    assert suspension.type == "SANCTION"
    assert [report.actor(a).country for a in suspension.target] == ["ESP"]


@pytest.mark.parametrize(
    "text",
    [
        "The interior ministry suspended publication of two opposition dailies.",
        "The junta ordered the weekly to suspend publication for a month.",
        "The regulator suspended the broadcaster for ten days.",
    ],
)
def test_suspending_a_paper_or_broadcaster_is_censorship_not_a_cut_in_ties(run, text):
    assert [(e.type, e.mode) for e in run(text).events] == [("COERCE", "censor")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials returned the stolen paintings to Italy last week.", ["RETREAT"]),
        ("The prime minister returned the mandate to the president.", ["RETREAT"]),
        ("A gold statue was returned by Dutch police to Greek authorities.", ["RETREAT"]),
        ("The minister returned to Paris on Monday.", []),
        ("He returned home on Friday.", []),
        ("The court returned a guilty verdict.", []),
        ("The army returned fire.", ["ASSAULT"]),
    ],
)
def test_returning_a_thing_gives_it_back_returning_somewhere_is_a_journey(run, text, expected):
    assert [e.type for e in run(text).events] == expected


@pytest.mark.parametrize(
    "text", ["Cuba set free two dissidents on Monday.", "Belarus let free the jailed reporters."]
)
def test_an_adjective_completing_the_verb_is_its_particle(run, text):
    assert [(e.type, e.mode) for e in run(text).events] == [("RETREAT", "release")]


def test_declining_to_act_is_a_refusal_and_the_act_is_not_done(run):
    report = run("The Peruvian governor declined to resign.")
    assert [(e.type, str(e.modality)) for e in report.events] == [("REJECT", "asserted")]
    assert run("Exports of Peruvian copper declined to their lowest level in years.").events == []
    # what declines in number is no act declined
    attacks = run("Rebel attacks on Goma declined last month.").events
    assert [(e.type, str(e.modality)) for e in attacks] == [("ASSAULT", "asserted")]


def test_the_subject_of_a_naming_predicate_is_whom_it_names(run):
    report = run("Biden called Putin a war criminal.")
    (accusation,) = report.events
    assert [report.actor(a).country for a in accusation.target] == ["RUS"]


def test_a_deal_is_an_event_only_where_a_verb_makes_it(run):
    signed = run("India and Japan signed a trade deal with Australia on Monday.")
    assert [e.type for e in signed.events] == ["SUPPORT"]
    under = run("Under the 2020 deal, US troops will leave Afghanistan.")
    assert "SUPPORT" not in [e.type for e in under.events]
    assert [(e.type, e.mode) for e in under.events if e.trigger == "leave"] == [
        ("AGREE", "intent"),  # the promise to leave, marked on the act it announces
        ("RETREAT", "withdraw"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Asked about the sanctions, the minister said Russia would respond.",
        "When asked whether Iran would retaliate, Araghchi declined to comment.",
        "Reporters asked Zelensky if he would meet Putin.",
    ],
)
def test_a_question_asked_is_no_request_and_states_no_intent(run, sentence):
    events = run(sentence).events
    assert not [e for e in events if e.type in ("REQUEST", "AGREE")]


def test_asking_someone_to_act_or_for_something_is_a_request(run):
    for sentence in (
        "Ukraine asked Germany to send more air defence systems.",
        "Ukraine asked Germany for more air defence systems.",
    ):
        assert "REQUEST" in [e.type for e in run(sentence).events]


def test_deploying_peacekeepers_is_aid_deploying_troops_a_mobilisation(run):
    report = run("Nigeria announced the deployment of 230 peacekeepers to Liberia.")
    assert [(e.type, e.cameo) for e in report.events] == [("AID", "074")]
    assert [e.type for e in run("Kenya sent troops to Somalia.").events] == ["MOBILIZE"]


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Germany was alarmed by Russia's moves on the border.", "DEU", "RUS"),
        ("The United States is deeply disappointed by the decision of Somalia's parliament.",
         "USA", "SOM"),
        ("“We are deeply concerned about the actions of Milorad Dodik,” Secretary of State "
         "Marco Rubio said.", "USA", "BIH"),
    ],
)  # fmt: skip
def test_dismay_at_another_actor_is_disapproval(run, sentence, source, target):
    report = run(sentence)
    (accusation,) = [e for e in report.events if e.type == "ACCUSE"]
    assert [report.actor(a).country for a in accusation.source] == [source]
    assert [report.actor(a).country for a in accusation.target] == [target]


def test_dismay_at_a_thing_is_no_event_and_punitive_measures_sanction(run):
    assert run("Residents are concerned about the floods.").events == []
    report = run("Beijing took punitive measures against Australia.")
    assert [e.type for e in report.events] == ["SANCTION"]


def test_combating_or_flushing_out_fighters_is_an_attack(run):
    report = run("Kenya sent soldiers into Somalia to combat the militants.")
    assert "ASSAULT" in [e.type for e in report.events]
    report = run("The army launched an operation to flush out al-Shabab fighters from the forest.")
    assert "ASSAULT" in [e.type for e in report.events]


def test_withholding_support_in_the_present_is_a_rejection(run):
    report = run("Dodik does not recognize the state court of Bosnia.")
    assert [(e.type, str(e.modality)) for e in report.events] == [("REJECT", "asserted")]
    past = run("Russia did not support the resolution on Ukraine.")
    assert [(e.type, str(e.modality)) for e in past.events][:1] == [("SUPPORT", "negated")]
    refusal = run("The leaders said they will no longer recognize Farmajo as president.")
    assert "REJECT" in [e.type for e in refusal.events]
    assert "AGREE" not in [e.type for e in refusal.events]


def test_signing_a_law_is_no_agreement(run):
    report = run("President Mohamed signed a measure extending his term by two years.")
    assert "SUPPORT" not in [e.type for e in report.events]


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("China sent relief supplies aimed at easing food shortages in Yemen.", "YEM"),
        ("Norway sent medicine to fight the cholera outbreak in Haiti.", "HTI"),
    ],
)
def test_aid_falls_on_the_country_its_purpose_clause_names(run, sentence, country):
    report = run(sentence)
    (aid,) = [e for e in report.events if e.type == "AID"]
    assert [report.actor(a).country for a in aid.target] == [country]


def test_aid_with_no_place_in_its_purpose_keeps_no_target(run):
    report = run("The European Union announced new assistance to help poor families.")
    (aid,) = [e for e in report.events if e.type == "AID"]
    assert aid.target == []


def test_agreeing_to_an_act_named_by_a_noun_falls_on_that_act_s_target(run):
    report = run("The rebels agreed to a ceasefire in Idlib.")
    (agreed,) = [e for e in report.events if e.type == "AGREE"]
    assert [report.actor(a).country for a in agreed.target] == ["SYR"]


def test_fighting_a_disease_is_no_combat(run):
    report = run("Volunteers in Haiti are fighting cholera and measles with new vaccines.")
    assert [e.type for e in report.events if e.type == "ASSAULT"] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # holding, catching or having people in custody is detention
        ("The junta has held 30 students since March.", ("COERCE", "173")),
        ("Border guards caught the smugglers near the river.", ("COERCE", "173")),
        # people sent back are deported
        ("Malaysia sent the refugees back to Myanmar.", ("COERCE", "174")),
        # attacking people by aiming at them
        ("The gunmen targeted civilians at the market.", ("ASSAULT", "180")),
        # a narrower class of the object decides before the class of all people
        ("The rebels are holding 12 hostages in the hills.", ("ASSAULT", "181")),
        # the role an "as" phrase names decides before the object
        ("The militants held villagers as human shields.", ("ASSAULT", "184")),
    ],
)
def test_what_is_done_to_people_selects_the_verb_s_sense(run, sentence, expected):
    assert [(e.type, e.cameo) for e in run(sentence).events][:1] == [expected]


def test_people_caught_up_in_a_crisis_are_not_caught(run):
    report = run("Thousands of families are caught up in the fighting in the north.")
    assert "caught" not in [e.trigger for e in report.events]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # putting off a measure eases it for now, as lifting it would
        ("Washington delayed the tariffs on Mexico for a month.", ("CONCEDE", "085")),
        ("The council postponed the sanctions against Belarus.", ("CONCEDE", "085")),
        # undoing a court's punishment is a concession, not the punishment
        ("The appeals court overturned the conviction of the editor.", ("CONCEDE", "080")),
    ],
)
def test_putting_off_or_undoing_a_measure_is_a_concession(run, sentence, expected):
    assert [(e.type, e.cameo) for e in run(sentence).events] == [expected]


def test_a_rebel_group_does_not_stand_for_the_country_an_act_falls_on(run):
    report = run("The Baloch Liberation Army demanded the release of prisoners held in Quetta.")
    held = next(e for e in report.events if e.trigger == "held")
    target = report.actor(held.target[0])
    assert (target.country, target.kind) == ("PAK", "country")


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        # assurances, promises and stated willingness are commitments to act (CAMEO 03)
        ("Seoul assured Tokyo that the fishing boats would leave.", "assured"),
        ("Opposition leaders say they put little trust in Moscow's promises.", "promises"),
        ("Kenya reiterated its willingness to host the talks.", "willingness"),
        ("The donors committed to funding the schools.", "committed"),
    ],
)
def test_assurances_promises_and_willingness_are_agreements(run, sentence, trigger):
    agreements = [e for e in run(sentence).events if e.type == "AGREE"]
    assert [e.trigger for e in agreements] == [trigger]


def test_an_act_one_states_willingness_to_do_has_not_happened(run):
    report = run("Kenya reiterated its willingness to host the talks.")
    assert {e.trigger: e.modality.value for e in report.events}["talks"] != "asserted"


@pytest.mark.parametrize(
    "sentence",
    [
        "The embassy did not respond to requests for comment.",
        "Neither the ministry nor the army replied to the newspaper's questions.",
        "A spokesman for the ministry declined to comment.",
        "The prosecutor's office declined comment.",
    ],
)
def test_withholding_an_answer_is_an_asserted_rejection(run, sentence):
    assert [(e.type, e.modality.value) for e in run(sentence).events] == [("REJECT", "asserted")]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Requests for comment to the Nigerian army went unanswered.", ["NGA"]),
        ("The newspaper's questions to the Kenyan Interior Ministry remained unanswered.", ["KEN"]),
    ],
)
def test_requests_gone_unanswered_are_a_refusal_by_whom_they_were_put_to(run, sentence, source):
    report = run(sentence)
    codes = {a.id: a.country for a in report.actors}
    refusals = [
        (sorted(codes[i] for i in e.source), e.modality.value)
        for e in report.events
        if e.type == "REJECT"
    ]
    assert refusals == [(source, "asserted")]


def test_questions_unanswered_by_no_one_named_are_no_event(run):
    assert run("Many questions about the deal remain unanswered.").events == []


def test_an_answer_given_is_no_rejection(run):
    assert "REJECT" not in {e.type for e in run("The embassy responded to the request.").events}


def test_who_asked_is_whom_the_refusal_to_answer_rejects(run):
    report = run("Iran's foreign ministry did not reply to the IAEA's letter.")
    refusal = next(e for e in report.events if e.type == "REJECT")
    assert [report.actor(a).name for a in refusal.target] == ["International Atomic Energy Agency"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # persuading and putting pressure on an actor are requests of it
        ("Activists want to persuade the government to free the prisoners.", "REQUEST"),
        ("Donors kept up pressure on the junta to hold elections.", "REQUEST"),
        # ignoring a court's ruling rejects it
        ("The governor ignored the supreme court's ruling on the ballots.", "REJECT"),
    ],
)
def test_persuasion_pressure_and_ignored_rulings(run, sentence, expected):
    assert run(sentence).events[0].type == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The overnight ferry was traveling south from the port when the storm hit.",
        "Officials urged residents with a fever to visit the nearest clinic.",
    ],
)
def test_a_journey_by_no_actor_to_no_actor_is_no_visit(run, sentence):
    assert "CONSULT" not in {e.type for e in run(sentence).events}


def test_a_visit_between_actors_is_still_a_visit(run):
    assert [e.type for e in run("Modi visited Japan on Monday.").events] == ["CONSULT"]


def test_a_report_released_is_no_release(run):
    report = run("According to the Fragile States Index released on Monday, Chad fell four places.")
    assert "RETREAT" not in {e.type for e in report.events}


@pytest.mark.parametrize(
    ("sentence", "agreements"),
    [
        ('"The talks are at a dead end," agreed the Kenyan foreign minister.', 0),
        ("The ministers agreed that the region was at risk.", 0),
        ("Kenya and Somalia agreed to reopen the border.", 1),
    ],
)
def test_sharing_a_view_is_no_agreement_to_act(run, sentence, agreements):
    assert [e.type for e in run(sentence).events].count("AGREE") == agreements


def test_a_warning_that_judges_a_situation_threatens_no_one(run):
    report = run('"It is important to stress that the crisis could get worse," the envoy warned.')
    assert "THREATEN" not in {e.type for e in report.events}


def test_jitters_sent_are_no_aid(run):
    report = run("The tariff war between Canada and the US sent jitters through markets.")
    assert "AID" not in {e.type for e in report.events}


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        ("Rights groups called for the journalist's immediate release.", ("RETREAT", "release")),
        ("The opposition called for talks with the government.", ("CONSULT", "talks")),
        ("Amnesty demanded an investigation into the shootings.", ("ACCUSE", "investigation")),
    ],
)
def test_an_act_a_request_asks_for_is_an_event_not_yet_done(run, sentence, asked):
    events = {(e.type, e.trigger): e.modality.value for e in run(sentence).events}
    assert "REQUEST" in {t for t, _ in events}
    assert events[asked] == "hypothetical"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The State Department has been working with Thailand on the case.", "COOPERATE"),
        ("The envoy will keep engaging with the Taliban.", "CONSULT"),
        ("Gunmen took over a passenger train near the border.", "ASSAULT"),
        ("Canada designated the group as a terrorist entity.", "SANCTION"),
    ],
)
def test_working_engaging_hijacking_and_designating(run, sentence, expected):
    assert expected in {e.type for e in run(sentence).events}


@pytest.mark.parametrize(
    "sentence",
    [
        "Moroccan police broke up a terrorist cell near Casablanca.",
        "Spanish police dismantled a jihadist cell in Ceuta.",
        "Belgian intelligence foiled a plot against the parliament.",
    ],
)
def test_breaking_up_a_cell_or_foiling_a_plot_is_coercion(run, sentence):
    assert run(sentence).events[0].type == "COERCE"


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands of students are held at ransom by the striking teachers.",
        "The villagers were caught unawares when the flood came.",
    ],
)
def test_an_idiom_is_no_detention(run, sentence):
    assert "COERCE" not in {e.type for e in run(sentence).events}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # pledging support declares it (SUPPORT); pledging an act promises it (AGREE)
        ("Hungary pledged its full support for Italy's initiative.", ("SUPPORT", ["HUN"], ["ITA"])),
        ("Japan pledged to send troops to Iraq.", ("AGREE", ["JPN"], ["IRQ"])),
        # encouraging another actor to act is a request of it
        ("Japan encouraged the Philippines to stand up to China.", ("REQUEST", ["JPN"], ["PHL"])),
        # standing up to, or pushing back against, an actor rejects it
        ("The Philippines stood up to China.", ("REJECT", ["PHL"], ["CHN"])),
        ("Vietnam pushed back against Chinese claims.", ("REJECT", ["VNM"], ["CHN"])),
        # disagreeing with an actor disapproves of it, as disputing does
        ("Japan disagreed with China over the islands.", ("ACCUSE", ["JPN"], ["CHN"])),
    ],
)
def test_vocabulary_of_pledges_requests_and_disputes(run, sentence, expected):
    found = [(t, s, g) for t, s, g, _ in events_of(run(sentence))]
    assert expected in found


@pytest.mark.parametrize(
    "sentence",
    [
        "We are encouraged by the progress of the talks, the Japanese foreign minister said.",
        "The Kenyan opposition will contest the election in May.",
    ],
)
def test_a_feeling_or_running_for_office_is_no_request_or_dispute(run, sentence):
    assert [e.type for e in run(sentence).events if e.type in ("REQUEST", "ACCUSE")] == []


@pytest.mark.parametrize(
    "sentence",
    [
        # people caught or held, named by a pronoun, "those who", a number of them, or a role
        "Thai police caught them entering the country illegally.",
        "Sixty of those who escaped have been caught by Haitian police.",
        "Kenyan police caught three of the defendants on Monday.",
    ],
)
def test_people_caught_are_detained(run, sentence):
    assert ("COERCE", "arrest") in [(e.type, e.mode) for e in run(sentence).events]


def test_a_thing_held_or_caught_is_no_detention(run):
    events = run("Kenya held talks with Somalia. The fire caught the army unawares.").events
    assert "COERCE" not in [e.type for e in events]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a missile launched at no one is a test or a show of force
        ("North Korea test-fired a ballistic missile on Friday.", "MOBILIZE"),
        ("North Korea fired two short-range missiles into the sea off its east coast.", "MOBILIZE"),
        ("North Korea is preparing to launch a long-range missile.", "MOBILIZE"),
        # aimed at someone, or harming anyone, it is an attack
        ("Iran launched missiles at Israel.", "ASSAULT"),
        ("Russia fired missiles on Kyiv overnight, killing three people.", "ASSAULT"),
    ],
)
def test_a_missile_launched_at_no_one_is_a_show_of_force(run, sentence, expected):
    launch = [e.type for e in run(sentence).events if e.type in ("MOBILIZE", "ASSAULT")][0]
    assert launch == expected


def test_days_given_to_comply_are_an_ultimatum(run):
    found = events_of(run("Kenya gave the United Nations 14 days to present a plan."))
    assert [(t, s) for t, s, _, _ in found] == [("THREATEN", ["KEN"])]


@pytest.mark.parametrize(
    "sentence",
    [
        "In a statement, Japan gave Ukraine $100 million in aid.",
        "In an interview, Japan gave Ukraine $100 million in aid.",
    ],
)
def test_a_fronted_phrase_is_a_setting_not_the_verbs_sense(run, sentence):
    assert ("AID", ["JPN"], ["UKR"]) in [(t, s, g) for t, s, g, _ in events_of(run(sentence))]


@pytest.mark.parametrize(
    "sentence",
    [
        "Azerbaijani troops take part in peacekeeping operations in Afghanistan.",
        "France kept its peacekeeping mission in Ivory Coast until 2015.",
    ],
)
def test_a_peacekeeping_operation_or_mission_is_aid(run, sentence):
    assert ("AID", "074") in [(e.type, e.cameo) for e in run(sentence).events]
