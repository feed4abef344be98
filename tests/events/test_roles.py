"""Event arguments beyond the trigger's own subject and object: agentless events, places and
context as targets, actors inside object phrases, blame, purpose clauses, quotes' "we"."""

import pytest

from tests.events.test_events import events_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an agentless arrest is still an event, by the state of the place it happened in
        (
            "More than 150 protesters were arrested in Nairobi on Sunday.",
            ("COERCE", ["KEN"], ["KEN"], "asserted"),
        ),
        # armed groups attacking in their own country target it, as CAMEO codes domestic violence
        (
            "Mali's army said rebels attacked three villages near Kidal in Mali on Monday.",
            ("ASSAULT", ["MLI"], ["MLI"], "asserted"),
        ),
        # the actor inside the object phrase is the target
        (
            "The European Union condemned the attacks carried out by Hamas.",
            ("ACCUSE", ["EU"], ["PSE"], "asserted"),
        ),
        # an accusation's complement names whom it accuses
        (
            "Ukraine alleged that Russia had shelled the power plant.",
            ("ACCUSE", ["UKR"], ["RUS"], "asserted"),
        ),
        # the event's type gives the prepositions of its target ("sanctions on X")
        (
            "Canada imposed new sanctions on Iran on Tuesday.",
            ("SANCTION", ["CAN"], ["IRN"], "asserted"),
        ),
    ],
)
def test_event_arguments(run, text, expected):
    assert expected in events_of(run(text))


def test_force_a_state_uses_on_its_own_soil_falls_on_its_own_country(run):
    # CAMEO codes domestic repression with the country (its citizens) as target
    found = events_of(run("Nigerian police raided several homes in Lagos on Friday."))
    assert [(s, tg) for _, s, tg, _ in found] == [(["NGA"], ["NGA"])]


def test_a_state_deploying_on_its_own_soil_does_not_target_itself(run):
    found = events_of(run("Russia deployed thousands of troops in Belgorod on Friday."))
    assert [(t, s, tg) for t, s, tg, _ in found] == [("MOBILIZE", ["RUS"], [])]


def test_the_blamed_perform_the_act_they_are_blamed_for(run):
    found = events_of(run("Pakistan blamed the militants for the bombing of the police station."))
    assert ("ACCUSE", ["PAK"], ["PAK"], "asserted") in found
    bombing = [e for e in found if e[0] == "ASSAULT"]
    assert bombing and bombing[0][1] == ["PAK"]  # the militants (Pakistan's), not Pakistan's state


def test_a_purpose_clause_of_the_same_type_is_one_event(run):
    found = events_of(run("Kenyan police fired tear gas to disperse the crowd in Nairobi."))
    assert [e[0] for e in found].count("ASSAULT") == 1


def test_we_in_a_quote_is_its_speaker(run):
    report = run(
        '"We reject the baseless allegations made by Pakistan," Indian foreign ministry '
        "spokesperson Randhir Jaiswal told reporters."
    )
    assert ("REJECT", ["IND"], ["PAK"], "asserted") in events_of(report)


def test_an_agentless_killing_takes_its_source_from_the_attack_just_told(run):
    report = run(
        "Al-Shabab gunmen stormed a hotel in Mogadishu on Tuesday. "
        "At least five people were killed."
    )
    killed = [e for e in report.events if e.trigger == "killed"]
    assert killed and [report.actor(a).country for a in killed[0].source] == ["SOM"]


def test_a_generic_group_head_takes_its_modifier_as_the_actor(run):
    report = run("Separatist groups killed twelve soldiers in Balochistan.")
    (attack,) = [e for e in report.events if e.type == "ASSAULT"]
    assert [report.actor(a).sector for a in attack.source] == ["SEP"]  # CAMEO: separatist rebels


def test_the_act_that_caused_a_death_names_its_agent(run):
    report = run("Two protesters were killed in police firing in Dhaka on Sunday.")
    killed = next(e for e in report.events if e.trigger == "killed")
    assert [report.actor(a).sector for a in killed.source] == ["COP"]


def test_a_hyphenated_event_noun_is_one_trigger(run):
    found = events_of(run("Ethiopia announced a cease-fire with Eritrea on Monday."))
    assert ("RETREAT", ["ETH"], ["ERI"], "asserted") in found


def test_an_unsaid_target_is_the_other_side_of_the_story(run):
    report = run(
        "North Korea threatened the United States on Monday. Washington urged Pyongyang to "
        "return to talks, and North Korea rejected the United States' offer. "
        "Pyongyang then issued new warnings."
    )
    warnings = [e for e in report.events if e.trigger == "warnings"]
    assert warnings and [report.actor(a).country for a in warnings[0].target] == ["USA"]


def test_an_unsaid_source_is_the_other_side_of_the_story(run):
    report = run(
        "The United States warned Turkey on Monday. Washington threatened Ankara with "
        "sanctions, and Turkey rejected the United States' demands. "
        "New sanctions against Turkey are awaiting a vote."
    )
    sanctions = [e for e in report.events if e.trigger == "sanctions" and e.evidence.start > 100]
    assert sanctions and [report.actor(a).country for a in sanctions[0].source] == ["USA"]


@pytest.mark.parametrize(
    "text",
    [
        "Turkey is frustrated with Washington, given Obama's refusal to sell Patriot missiles.",
        "In a video message released Sunday, the president spoke of the economy.",
    ],
)
def test_words_that_only_look_like_events_are_not(run, text):
    report = run(text)
    assert not [e for e in report.events if e.trigger in ("given", "released")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country named only as the place an attack fell on is its target
        (
            "Gunmen attacked a hotel in Mogadishu on Sunday, killing 12 people.",
            ("ASSAULT", ["SOM"], ["SOM"], "asserted"),
        ),
        # aid delivered to people in a country falls on that country
        (
            "The World Food Programme delivered food to displaced families in Chad.",
            ("AID", ["WFP"], ["TCD"], "asserted"),
        ),
        # an object phrase aims at whom its "with" names
        (
            "Germany rejected any cooperation with the International Criminal Court.",
            ("REJECT", ["DEU"], ["ICC"], "asserted"),
        ),
        # a rebel attack on its own country's army: the army is the target, not its own forces
        (
            "Tuareg rebels attacked a Malian army base on Sunday.",
            ("ASSAULT", ["MLI"], ["MLI"], "asserted"),
        ),
        # the target of an offer or a gift is named inside its purpose clause
        (
            "Australia offered to send troops to help the Philippine army.",
            ("AGREE", ["AUS"], ["PHL"], "asserted"),
        ),
        (
            "Japan gave 20 million dollars to rebuild schools in Nepal.",
            ("AID", ["JPN"], ["NPL"], "asserted"),
        ),
    ],
)
def test_targets_inside_object_phrases_and_places(run, text, expected):
    assert expected in events_of(run(text))


def test_a_place_is_no_target_of_an_event_that_happens_there(run):
    found = events_of(run("Armenia and Azerbaijan signed a peace treaty in Washington on Friday."))
    assert found and all("USA" not in target for _, _, target, _ in found)


def test_what_intelligence_is_about_is_not_its_target(run):
    found = events_of(run("Britain and Norway agreed to share intelligence on Russian submarines."))
    assert found and all("RUS" not in target for _, _, target, _ in found)


def test_a_latent_country_is_reported_only_when_an_event_falls_on_it(run):
    report = run("The minister spoke in Nairobi on Monday about the economy.")
    assert all(a.country != "KEN" or a.kind != "country" for a in report.actors)
    struck = run("Gunmen attacked a village in Kenya on Monday.")
    (kenya,) = [a for a in struck.actors if a.kind == "country" and a.country == "KEN"]
    assert [m.kind for m in kenya.mentions] == ["place"]
    assert kenya.acting_mentions == []


def test_violence_by_an_armed_group_aimed_at_nothing_falls_on_its_country(run):
    text = "Al-Shabaab militants relaunched their attacks, officials said."
    assert ("ASSAULT", ["SOM"], ["SOM"], "reported-claim") in events_of(run(text))


def test_a_dateline_is_neither_actor_nor_subject(run):
    report = run("TIRANA, Albania (AP) -- Albania's parliament passed a resolution criticizing "
                 "President Ilir Meta.")  # fmt: skip
    events = events_of(report)
    assert ("ACCUSE", ["ALB"], ["ALB"], "asserted") in events
    criticizing = next(e for e in report.events if e.trigger == "criticizing")
    (source,) = (report.actor(i) for i in criticizing.source)
    assert source.sector == "LEG"  # the parliament, not the dateline's city or agency


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # peacekeepers sent are aid (CAMEO 074), not a show of force
        (
            "Nigeria announced the deployment of 230 peacekeeping troops to Liberia.",
            ("AID", ["NGA"], ["LBR"], "asserted"),
        ),
        ("Japan is sending peacekeepers to South Sudan.", ("AID", ["JPN"], ["SSD"], "asserted")),
        (
            "Washington placed sanctions on three Iranian firms.",
            ("SANCTION", ["USA"], ["IRN"], "asserted"),
        ),
        # an event noun framed by "effort", "campaign", "operation" takes the frame's arguments
        (
            "Qatar launched a mediation effort between Ethiopia and Eritrea.",
            ("CONSULT", ["QAT"], ["ERI", "ETH"], "asserted"),
        ),
        (
            "Thousands of Sudanese refugees have sought refuge in Chad.",
            ("REQUEST", ["SDN"], ["TCD"], "asserted"),
        ),
    ],
)
def test_senses_from_what_is_sent_or_placed(run, text, expected):
    assert expected in events_of(run(text))


def test_a_passive_participle_does_not_take_the_subject_of_the_clause_above(run):
    report = run("The State Department condemned the force used against demonstrators in Tbilisi.")
    used = [e for e in report.events if e.trigger == "used"]
    assert used and used[0].source == []


def test_a_gerund_tagged_as_a_verb_under_a_noun_modifier_is_the_event_noun(run):
    report = run("Forty people have died in police firing since Sunday, officials said.")
    firing = [e for e in report.events if e.trigger == "firing"]
    assert firing and firing[0].type == "ASSAULT"
    (police,) = (report.actor(i) for i in firing[0].source)
    assert police.sector == "COP"


def test_a_verb_whose_subject_is_an_event_takes_that_events_doer(run):
    found = events_of(run("A car bombing by the Islamic State group killed 75 people in Syria."))
    assert ("ASSAULT", ["ISIS"], ["SYR"], "asserted") in found


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Afghan officials said the Haqqani network was responsible for the bombing.", ["AFG"]),
        ("Al-Shabaab claimed responsibility for the bombing in Mogadishu.", ["SOM"]),
        ("The group denied responsibility for the bombing in Mogadishu.", []),
    ],
)
def test_whoever_is_held_or_claims_responsible_performed_the_act(run, text, doer):
    bombing = [e for e in events_of(run(text)) if e[0] == "ASSAULT"]
    assert bombing and bombing[0][1] == doer


def test_a_city_the_gazetteer_knows_is_a_place_of_its_country(run):
    found = events_of(run("Russian forces shelled Kharkiv on Monday."))
    assert ("ASSAULT", ["RUS"], ["UKR"], "asserted") in found


def test_coordinated_partners_of_a_joint_act_are_source_and_target(run):
    found = events_of(run("Jordan and Britain held joint military exercises on Sunday."))
    assert ("COOPERATE", ["JOR"], ["GBR"], "asserted") in found
    # an act with its own target keeps both actors as its source
    found = events_of(run("Britain and France agreed to impose sanctions on Iran."))
    assert any(e[0] == "SANCTION" and e[2] == ["IRN"] for e in found)


def test_an_answer_to_a_request_falls_on_who_made_it(run):
    found = events_of(run("The court refused to accept a request from Russia."))
    assert any(e[0] == "REJECT" and e[2] == ["RUS"] for e in found)
    assert any(e[0] == "CONCEDE" and e[2] == ["RUS"] for e in found)


def test_a_retreat_falls_on_the_country_of_its_place_unless_at_home(run):
    found = events_of(run("Russia withdrew its troops from Kherson on Friday."))
    assert any(e[0] == "RETREAT" and e[2] == ["UKR"] for e in found)
    found = events_of(run("Sudan's army agreed to withdraw from homes in Khartoum on Sunday."))
    assert all(e[2] != ["SDN"] for e in found if e[0] == "RETREAT")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey and Russia announced a ceasefire in Idlib on Thursday.", ("RETREAT", ["SYR"])),
        # a non-state actor yields to its own country, as CAMEO codes domestic acts
        ("In Colombia, the ELN declared a ceasefire on Sunday.", ("RETREAT", ["COL"])),
    ],
)
def test_a_ceasefire_declared_in_a_place_falls_on_its_country(run, text, expected):
    assert expected in [(e[0], e[2]) for e in events_of(run(text))]


def test_religious_communities_are_actors(run):
    found = events_of(run("The Islamic State group released 19 Christians on Sunday."))
    assert any(e[0] == "RETREAT" and e[2] for e in found)


def test_a_gerund_of_means_is_done_by_the_subject(run):
    text = "North Korea has increased provocations by conducting missile tests since May."
    assert any(e[0] == "MOBILIZE" and e[1] == ["PRK"] for e in events_of(run(text)))
    # after "against" the object acts
    found = events_of(run("NATO warned Russia against deploying troops."))
    assert any(e[0] == "MOBILIZE" and e[1] == ["RUS"] for e in found)


def test_who_joins_or_opens_an_event_performs_it(run):
    found = events_of(run("The FBI has joined a criminal investigation of the certification."))
    assert any(e[0] == "ACCUSE" and e[1] == ["USA"] for e in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the forces deployed mobilise: they are the source, never the target
        (
            "Extra riot police were rushed to the port city overnight.",
            [("MOBILIZE", ["COP"], [])],
        ),
        (
            "Thousands of Kenyan troops were deployed along the border on Monday.",
            [("MOBILIZE", ["KEN"], [])],
        ),
    ],
)
def test_the_forces_a_deployment_moves_are_its_source(run, text, expected):
    found = run(text)
    codes = {a.id: a.country or a.sector for a in found.actors}
    sides = [(e.type, e.source, e.target) for e in found.events]
    assert [(t, [codes[i] for i in s], [codes[i] for i in tg]) for t, s, tg in sides] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana sent 800 soldiers to South Sudan as peacekeepers in May.", "AID"),
        ("Ghana announced the deployment of 800 troops on a peacekeeping mission.", "AID"),
        ("Dozens of Ghanaian peacekeepers began deploying on Tuesday.", "AID"),
        ("Ghana deployed troops near the UN peacekeeping base.", "MOBILIZE"),
    ],
)
def test_forces_sent_as_peacekeepers_are_aid(run, text, expected):
    found = events_of(run(text))
    assert [(t, s) for t, s, _, _ in found] == [(expected, ["GHA"])]


def test_a_hostile_act_on_a_state_army_keeps_it_as_target(run):
    # whether the attacker is coded a rebel or a government, the army it attacks is the target
    found = events_of(run("Al-Shabaab fighters attacked a Somali army base near Baidoa."))
    assert [(t, tg) for t, _, tg, _ in found] == [("ASSAULT", ["SOM"])]


def test_a_curfew_on_a_city_falls_on_the_country_that_imposes_it(run):
    found = events_of(run("Kenyan authorities imposed a curfew on Mombasa after the riots."))
    assert ("COERCE", ["KEN"], ["KEN"], "asserted") in found


def test_a_seizure_at_sea_does_not_fall_on_the_coastal_state(run):
    found = events_of(run("Iranian forces seized a Greek tanker in the Strait of Hormuz."))
    assert all(tg != ["IRN"] for _, _, tg, _ in found)


STORY = (
    "The United States imposed new sanctions on Iran on Monday. "
    "Iran condemned the United States for the measures. "
    "Washington also accused Tehran of enriching uranium in secret. "
)


def test_an_act_naming_no_side_takes_the_pair_the_story_is_about(run):
    found = events_of(run(STORY + "Further sanctions are expected next month, diplomats said."))
    assert ("SANCTION", ["USA"], ["IRN"], "reported-claim") in found[-1:]


def test_without_a_dominant_pair_an_unnamed_side_stays_empty(run):
    text = (
        "Japan praised India for the agreement. Brazil accused Chile of spying. "
        "Further sanctions are expected next month, diplomats said."
    )
    # the sanctions take no side from the story; with none at all they are no event either
    sided = [e for e in events_of(run(text)) if e[0] == "SANCTION" and (e[1] or e[2])]
    assert sided == []


def test_coordinated_sides_that_clash_act_on_each_other(run):
    found = events_of(run("Armenian and Azerbaijani forces clashed on the border on Tuesday."))
    assert [(t, s, tg) for t, s, tg, _ in found] == [("ASSAULT", ["ARM"], ["AZE"])]


def test_an_act_named_inside_another_keeps_its_unnamed_sides(run):
    found = events_of(run(STORY + "Tehran rejected calls for new talks."))
    assert ("REQUEST", [], [], "asserted") in found


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the by-agent of a light verb in the passive performs the nominal event
        ("Earlier bombings were claimed by the Islamic State group.", "bombings", ["ISIS"]),
        # the subject of a light verb's relative clause performs it
        ("The rebels doubled the number of attacks they carried out in Mali.", "attacks", ["MLI"]),
        ("The talks that Iran held with France ended on Monday.", "talks", ["IRN"]),
        # the forces of a withdrawal withdraw
        ("Somalia welcomed the withdrawal of Ethiopian troops from Baidoa.", "withdrawal", ["ETH"]),
        # the one accused of plotting an attack and the one claiming it did it
        ("Kenya accused al-Shabaab of plotting the attack on the hotel.", "attack", ["SOM"]),
        ("Boko Haram claimed the bombing in Maiduguri.", "bombing", ["NGA"]),
    ],
)
def test_nominal_events_performed_through_a_light_verb(run, text, trigger, expected):
    report = run(text)
    (event,) = [e for e in report.events if e.trigger == trigger]
    codes = {a.id: a.country or a.reference for a in report.actors}
    assert sorted(codes[a] for a in event.source) == expected


def test_foreign_forces_are_no_one_country_s(run):
    report = run(
        "Congo's army fought rebels near Goma. Congo accused Rwanda of backing the rebels. "
        "The African Union called for the withdrawal of all foreign forces."
    )
    (forces,) = [a for a in report.actors if "foreign" in a.name]
    assert forces.country is None


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        # the possessor of an arrest, a killing or a release undergoes it
        ("Paris condemned Ocalan's arrest.", "arrest", [], ["TUR"]),
        ("Tehran welcomed the sailors' release.", "release", [], ["IRN"]),
        # with an "of" complement the possessor is the doer again
        ("Russia's killing of civilians shocked Europe.", "killing", ["RUS"], None),
        # the subject of a verb of judgement did not do what it judges
        ("Berlin condemned Kenya's expulsion of the envoy.", "expulsion", ["KEN"], []),
    ],
)
def test_the_possessor_of_an_arrest_undergoes_it(run, text, trigger, source, target):
    report = run(text)
    (event,) = [e for e in report.events if e.trigger == trigger]
    codes = {a.id: a.country for a in report.actors}
    assert sorted(codes[a] for a in event.source) == source
    assert target is None or sorted(codes[a] for a in event.target) == target


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a promise takes the target named inside its act's own phrase
        (
            "The United States is willing to provide weapons alongside food aid to Ukraine.",
            "provide",
            ("AGREE", ["USA"], ["UKR"]),
        ),
        # a target phrase the parser hung on the venue noun is still the verb's
        (
            "The opposition party filed a lawsuit in a Nairobi court against the Interior "
            "Ministry of Kenya.",
            "filed",
            ("ACCUSE", [], ["KEN"]),
        ),
        # whoever attends or hosts a body's meeting meets that body
        (
            "German Chancellor Olaf Scholz attended a meeting of the European Council.",
            "meeting",
            ("CONSULT", ["DEU"], ["EUCO"]),
        ),
        (
            "Brazil hosted an African Union summit in Brasilia.",
            "summit",
            ("CONSULT", ["BRA"], ["AU"]),
        ),
        # concern voiced in a that-clause falls on the clause's subject
        (
            "Canada voiced concern that Russia was moving troops to the border.",
            "voiced",
            ("ACCUSE", ["CAN"], ["RUS"]),
        ),
    ],
)
def test_targets_named_past_the_trigger_s_own_arcs(run, text, trigger, expected):
    report = run(text)
    codes = {a.id: a.country or a.affiliation or a.name for a in report.actors}
    (event,) = [e for e in report.events if e.trigger == trigger and e.type == expected[0]]
    got = (
        event.type,
        sorted(codes[a] for a in event.source),
        sorted(codes[a] for a in event.target),
    )
    assert got[0] == expected[0] and got[2] == expected[2]
    assert not expected[1] or got[1] == expected[1]


def test_a_speaker_hung_on_a_place_is_no_target(run):
    report = run(
        "France has begun withdrawing some of its troops from Mali, Defence Minister "
        "Florence Parly said on Monday."
    )
    (event,) = [e for e in report.events if e.trigger == "withdrawing"]
    assert "Florence Parly" not in [report.actor(a).name for a in event.target]


def test_an_outlet_is_never_the_country_an_act_falls_on(run):
    report = run(
        "Shanghai police have detained 30 people after a protest on Sunday, the state news "
        "agency Xinhua reported."
    )
    (event,) = [e for e in report.events if e.trigger == "detained"]
    assert all(report.actor(a).sector != "MED" for a in event.target)


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        # an acronym the parser took for an adverb is still the subject
        (
            "In cooperation with local partners, USAID provided tents to families in Chad.",
            "provided",
            ["USA"],
        ),
        # also past its auxiliaries
        ("USAID had announced a suspension of aid to Yemen.", "suspension", ["USA"]),
        # an increase in funding is the increaser's funding
        (
            "Germany on Thursday announced a sixfold increase in funding for Sierra Leone.",
            "funding",
            ["DEU"],
        ),
        # an intransitive verb's subject is on the alert or strike it is on
        ("NATO troops remained on alert in Kosovo on Sunday.", "alert", ["NATO"]),
        # a fronted visit is the main clause subject's
        (
            "On a visit to Ghana, Nigerian President Bola Tinubu praised the election.",
            "visit",
            ["NGA"],
        ),
        # as is a call the main clause happened during
        ("Wang Yi criticised Washington during a phone call with Antony Blinken.", "call", ["CHN"]),
    ],
)
def test_sources_the_parse_hides(run, text, trigger, source):
    report = run(text)
    (event,) = [e for e in report.events if e.trigger == trigger]
    assert (
        sorted(report.actor(a).country or report.actor(a).affiliation for a in event.source)
        == source
    )


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a noun naming a verb's act takes the verb's sense from its "of" phrase
        (
            "Iran welcomed the lifting of sanctions by the European Union.",
            "lifting",
            ("CONCEDE", ["EU"], []),
        ),
        # whose object undergoes it, and whose by-phrase does it, wherever the parse hangs it
        (
            "Moscow protested against the expulsion of a Russian diplomat by Bulgaria.",
            "expulsion",
            ("SANCTION", ["BGR"], ["RUS"]),
        ),
        (
            "Two soldiers were wounded in an exchange of fire on the border.",
            "exchange",
            ("ASSAULT", [], []),
        ),
    ],
)
def test_nouns_naming_a_verb_s_act(run, text, trigger, expected):
    report = run(text)
    codes = {a.id: a.country or a.affiliation or a.name for a in report.actors}
    (event,) = [e for e in report.events if e.trigger == trigger]
    assert event.type == expected[0]
    assert sorted(codes[a] for a in event.source) == expected[1]
    assert not expected[2] or sorted(codes[a] for a in event.target) == expected[2]


@pytest.mark.parametrize(
    ("text", "trigger", "event_type"),
    [
        # increasing one's forces or presence is a mobilisation (CAMEO 154)
        ("NATO strengthened its forces in Poland.", "strengthened", "MOBILIZE"),
        ("The Indian army beefed up its troop presence along the border.", "beefed", "MOBILIZE"),
        # an event noun's modifier does not turn the act on it into another ("army embargo")
        ("The council is strengthening the army embargo on Somalia.", "strengthening", None),
    ],
)
def test_increasing_forces(run, text, trigger, event_type):
    report = run(text)
    types = [e.type for e in report.events if e.trigger == trigger]
    assert types == ([event_type] if event_type else []) or (
        event_type is None and "MOBILIZE" not in types
    )


def test_a_shared_subject_selects_a_verb_s_sense(run):
    report = run("Hundreds of Kenyan peacekeepers began deploying in Haiti.")
    (event,) = [e for e in report.events if e.trigger == "deploying"]
    assert event.type == "AID"


def test_a_relation_s_possessor_is_not_the_party_it_names(run):
    report = run(
        "Iran condemned the attack on Yemen by its regional foes, Saudi Arabia and the UAE."
    )
    (attack,) = [e for e in report.events if e.trigger == "attack"]
    assert "IRN" not in [report.actor(a).country for a in attack.source]


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabab mainly targets Kenyan soldiers and police officers.",
        "Security forces are struggling to stamp out the Islamist militants.",
        # a class noun used as an adjective says what kind of object it is
        "The army was sent to combat the militant group.",
    ],
)
def test_acts_on_fighters_are_attacks(run, text):
    assert "ASSAULT" in [e.type for e in run(text).events]


def test_naming_an_actor_repressive_is_disapproval(run):
    report = run("Amnesty International described Zimbabwe's government as repressive.")
    assert [(e.type, e.trigger) for e in report.events] == [("ACCUSE", "described")]


@pytest.mark.parametrize(
    ("text", "trigger", "event_type"),
    [
        # restrictions and curbs a state imposes are coercion (CAMEO 172) ...
        ("The Taliban imposed curbs on women's education.", "curbs", "COERCE"),
        # ... a compound naming what a nominalized act is done to selects its sense ...
        (
            "The internet shutdown ordered by the government entered its third week.",
            "shutdown",
            "COERCE",
        ),
        # ... and visa restrictions on another state's officials are a sanction
        (
            "Washington announced visa restrictions on Georgian officials.",
            "restrictions",
            "SANCTION",
        ),
    ],
)
def test_restrictions_curbs_and_shutdowns(run, text, trigger, event_type):
    report = run(text)
    assert event_type in [e.type for e in report.events if e.trigger == trigger]


def test_an_international_body_the_story_pairs_a_country_with_is_its_partner(run):
    text = (
        "Pakistan held talks with the IMF on Monday. Pakistan signed a loan agreement with the "
        "IMF in June. Pakistan rejected the demands on Friday."
    )
    rejections = [e for e in events_of(run(text)) if e[0] == "REJECT"]
    assert rejections and rejections[0][1:3] == (["PAK"], ["IMF"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan opposition parties rejected the budget on Tuesday.", ("REJECT", ["KEN"])),
        ("Thousands of Georgian protesters rallied in Tbilisi on Sunday.", ("PROTEST", ["GEO"])),
    ],
)
def test_what_a_country_s_own_people_answer_falls_on_their_country(run, text, expected):
    assert expected in [(e[0], e[2]) for e in events_of(run(text))]


def test_a_state_s_own_rejection_of_a_thing_stays_without_target(run):
    found = events_of(run("Kenya's government rejected the report on Tuesday."))
    assert ("REJECT", ["KEN"], [], "asserted") in found


def test_what_an_international_body_demands_falls_on_the_story_s_country(run):
    text = (
        "Sudan's army shelled the city of El Fasher on Monday. Sudan's army said the city "
        "would fall soon. UNICEF demanded an end to the hostilities."
    )
    demands = [e for e in events_of(run(text)) if e[0] == "REQUEST"]
    assert demands and demands[0][2] == ["SDN"]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # condemning an attack condemns the attacker, as CAMEO codes the answer
        (
            "Al-Shabab fighters stormed a hotel in Mogadishu. Kenya and the United States "
            "condemned the assault.",
            "condemned",
            ["SOM"],
        ),
        # a denial of allegations answers whoever last made them against the denier
        (
            "The United States accused China of abusing Uyghurs in Xinjiang. "
            "Beijing denies the allegations.",
            "denies",
            ["USA"],
        ),
        # undoing an act falls on whom it fell on
        ("Canada lifted the sanctions imposed on Venezuela in 2019.", "lifted", ["VEN"]),
    ],
)
def test_an_answer_to_an_act_falls_on_its_doer(run, text, trigger, expected):
    report = run(text)
    (answer,) = [e for e in report.events if e.trigger == trigger]
    assert [report.actor(a).country for a in answer.target] == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the place it happened in names the state, whoever was held
        ("A Turkish national was arrested in Athens on Monday.", "arrested", ("GRC", "TUR")),
        # with no place, in a story of the people's own country, their state
        (
            "Cambodian journalist Sok Chan was arrested on Friday. "
            "His arrest drew condemnation from press groups.",
            "arrest",
            ("KHM", "KHM"),
        ),
        (
            "Guatemala's president Bernardo Arevalo criticized the prosecutors. "
            "The reporter was sentenced to six years.",
            "sentenced",
            ("GTM", "GTM"),
        ),
    ],
)
def test_an_arrest_or_conviction_with_no_doer_is_a_state_s(run, text, trigger, expected):
    report = run(text)
    (act,) = [e for e in report.events if e.trigger == trigger]
    countries = [report.actor(a).country for a in (*act.source, *act.target)]
    assert tuple(countries) == expected


def test_an_unsaid_target_in_a_story_of_domestic_conflict_is_the_country_itself(run):
    report = run(
        "Baloch separatists attacked Chinese engineers in Karachi. The separatists also "
        "ambushed a Chinese convoy. Pakistani troops killed ten separatists in Balochistan. "
        "Pakistani police arrested dozens of Baloch activists. Pakistani police detained 30 "
        "Baloch protesters in Quetta. The separatists issued a new ultimatum."
    )
    (ultimatum,) = [e for e in report.events if e.trigger == "issued"]
    # the country's acts on its own people outnumber those on China: its own side answers
    assert [report.actor(a).country for a in ultimatum.target] == ["PAK"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the noun a relative clause describes is the clause verb's object
        (
            "The sanctions that Washington imposed on Moscow were lifted.",
            ("SANCTION", ["USA"], ["RUS"], "asserted"),
        ),
        (
            "North Korea rejected the deadline South Korea imposed on Pyongyang.",
            ("THREATEN", ["KOR"], ["PRK"], "asserted"),
        ),
    ],
)
def test_a_relative_clause_takes_the_noun_it_describes_as_object(run, text, expected):
    assert expected in events_of(run(text))


def test_a_relative_clause_whose_subject_is_the_noun_keeps_its_own_object(run):
    report = run("The minister who imposed the curfew resigned.")
    assert [e.cameo for e in report.events if e.type == "COERCE"] == ["1724"]


def test_the_one_arrested_for_an_act_did_it(run):
    report = run(
        "Bosnian prosecutors ordered the arrest of Milorad Dodik for ignoring a court summons."
    )
    assert ("REJECT", ["BIH"], ["BIH"], "reported-claim") in events_of(report)
    (refusal,) = [e for e in report.events if e.type == "REJECT"]
    assert [report.actor(a).name for a in refusal.source] == ["Milorad Dodik"]
