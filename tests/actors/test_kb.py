"""The knowledge base loads, looks up surface forms, and accepts user actors."""

import json
from datetime import date

import pytest

from tidings.actors import load_knowledge_base
from tidings.actors.kb import KnowledgeBaseError


def test_shipped_knowledge_base_has_countries_people_organisations():
    kb = load_knowledge_base()
    assert len(kb.countries) >= 150
    assert kb.countries["UKR"].cow == 369 and kb.countries["DEU"].gwcode == 260
    assert len(kb.people) >= 100 and len(kb.organisations) >= 100


@pytest.mark.parametrize(
    ("surface", "kind", "ref"),
    [
        ("the Kremlin", "seat", "RUS"),
        ("Zelenskyy", "person", "volodymyr-zelensky"),
        ("Erdoğan", "person", "recep-tayyip-erdogan"),
        ("the IAEA", "organisation", "IAEA"),
    ],
)
def test_lookup_folds_case_diacritics_and_articles(surface, kind, ref):
    entries = load_knowledge_base().lookup(surface)
    assert any(e.kind == kind and e.ref == ref for e in entries)


def test_roles_are_dated():
    vance = load_knowledge_base().people["jd-vance"]
    assert vance.role_at(date(2024, 6, 1)).title == "Senator"
    assert vance.role_at(date(2025, 10, 17)).title == "Vice President"


def test_outlets_are_known():
    kb = load_knowledge_base()
    assert kb.is_outlet("the Financial Times") and kb.is_outlet("Fox News")
    assert not kb.is_outlet("NATO")


def test_user_file_adds_actors(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "people:\n"
        "  - {id: ana-ruiz, name: Ana Ruiz, gender: f, country: ESP,\n"
        "     roles: [{title: Mayor, sector: GOV, country: ESP, start: 2023-06-17}]}\n"
        "organisations:\n"
        "  - {id: CFW, name: Coastal Fishers' Watch, country: ESP, sector: NGO, kind: ngo}\n",
        encoding="utf-8",
    )
    kb = load_knowledge_base(extra_files=[extra])
    assert kb.lookup("Ana Ruiz")[0].ref == "ana-ruiz"
    assert kb.lookup("Coastal Fishers' Watch")[0].ref == "CFW"
    assert "ana-ruiz" not in load_knowledge_base().people


def test_malformed_user_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("people: [{name: No Id}]", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="lacks"):
        load_knowledge_base(extra_files=[bad])


def test_organisation_files_of_the_folder_are_read_after_the_main_file():
    from tidings.actors.kb import kb_record_files

    files = kb_record_files("organisations")
    assert files[0] == "data/kb/organisations.yaml"
    assert files[1:] == sorted(files[1:]) and all(f.endswith(".yaml") for f in files)
    assert "data/kb/organisations/international.yaml" in files


def test_parsed_records_are_cached_under_the_files_digest(tmp_path, monkeypatch):
    from tidings.actors.kb import kb_record_files, shipped_records

    monkeypatch.setenv("TIDINGS_CACHE", str(tmp_path))
    source = kb_record_files("people")[0]
    first = shipped_records(source)
    cached = list((tmp_path / "kb").glob("*.json"))
    assert len(cached) == 1
    assert shipped_records(source) == json.loads(json.dumps(first, default=str))
    cached[0].write_text("{not json", encoding="utf-8")  # a damaged cache is parsed again
    assert len(shipped_records(source)) == len(first)


def test_organisation_periods_give_the_code_of_the_day():
    from tidings.actors.kb import Organisation, OrgPeriod

    group = Organisation(
        id="G",
        name="Group",
        country="AFG",
        sector="REB",
        periods=(
            OrgPeriod(date(1996, 9, 27), date(2001, 12, 7), "AFG", "GOV"),
            OrgPeriod(date(2021, 8, 15), None, "AFG", "GOV"),
        ),
    )
    assert group.code_on(date(1998, 1, 1)) == ("AFG", "GOV")
    assert group.code_on(date(2010, 1, 1)) == ("AFG", "REB")
    assert group.code_on(date(2023, 1, 1)) == ("AFG", "GOV")
    assert group.code_on(None) == ("AFG", "GOV")  # no date: today


def test_a_former_state_exists_only_in_its_years():
    from tidings.actors.kb import Country

    ussr = Country("SUN", "Soviet Union", end=date(1991, 12, 26), successors=("RUS",))
    assert ussr.exists_on(date(1985, 1, 1)) and not ussr.exists_on(date(1995, 1, 1))
    assert not ussr.exists_on(None)


def test_a_role_about_to_start_names_its_holder_but_not_long_before():
    from tidings.actors.kb import Person, Role

    envoy = Person("x", "X", roles=(Role("Special Envoy", "GOV", "USA", start=date(2025, 1, 24)),))
    assert envoy.role_at(date(2025, 1, 20)).country == "USA"  # four days before: the new envoy
    assert envoy.role_at(date(2024, 12, 1)) is None


def test_a_role_is_looked_up_without_overflow_on_the_last_day_of_the_calendar():
    from tidings.actors.kb import Person, Role

    role = Role("Special Envoy", "GOV", "USA", start=date(2025, 1, 24), end=date(2025, 6, 1))
    assert Person("x", "X", roles=(role,)).role_at(date(9999, 12, 31)) is None


def test_an_acronym_is_also_found_as_british_papers_write_it():
    kb = load_knowledge_base()
    assert any(e.ref == "NATO" for e in kb.lookup("Nato"))
    assert not any(e.kind == "organisation" for e in kb.lookup("nato"))  # a word, not a name


def test_a_territory_is_coded_with_the_state_it_belonged_to_before_independence():
    kb = load_knowledge_base()
    assert kb.country_on("XKX", date(1998, 6, 10)) == "YUG"
    assert kb.country_on("XKX", date(2005, 6, 10)) == "SCG"
    assert kb.country_on("XKX", date(2007, 6, 10)) == "SRB"
    assert kb.country_on("XKX", date(2010, 6, 10)) == "XKX"
    assert kb.country_on("SSD", date(2005, 6, 10)) == "SDN"
    assert kb.country_on("FRA", date(1995, 6, 10)) == "FRA"


@pytest.mark.parametrize(
    ("person", "day", "title"),
    [
        ("dina-boluarte", date(2025, 9, 1), "President"),
        ("jose-jeri", date(2025, 11, 1), "President"),
        ("ernesto-alvarez-miranda", date(2025, 11, 1), "Prime Minister"),
        ("jeanne-shaheen", date(2025, 3, 1), "Senator"),
        ("stephane-dujarric", date(2021, 2, 1), "Spokesperson for the Secretary-General"),
    ],
)
def test_office_holders_of_recent_years_are_known(person, day, title):
    assert load_knowledge_base().people[person].role_at(day).title == title
