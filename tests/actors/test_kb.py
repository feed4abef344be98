"""The knowledge base loads, looks up surface forms, and accepts user actors."""

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
