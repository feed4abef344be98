"""The knowledge base catalogue: search, show and validate, and the `tidings actors` command."""

import json
from datetime import date

from click.testing import CliRunner

from tidings.actors import load_knowledge_base
from tidings.actors.catalogue import search, show, validate
from tidings.cli import main
from tidings.model import Article


def test_search_finds_people_by_surname_and_countries_by_capital():
    kb = load_knowledge_base()
    assert search(kb, "Hegseth")[0]["id"] == "pete-hegseth"
    assert {"kind": "country", "id": "UKR", "name": "Ukraine"} in search(kb, "Kyiv")


def test_show_gives_the_role_held_on_a_date():
    kb = load_knowledge_base()
    record = show(kb, "boris-johnson", date(2017, 5, 1))
    assert record["role_on"]["role"]["title"] == "Foreign Secretary"
    assert show(kb, "boris-johnson", date(2023, 5, 1))["role_on"]["role"] is None
    assert show(kb, "no-such-person") is None


def test_the_shipped_knowledge_base_is_sound():
    assert validate(load_knowledge_base()) == []


def test_every_un_member_and_the_territories_news_names_are_there():
    kb = load_knowledge_base()
    for iso3 in ("TUV", "NRU", "VAT", "PSE", "TWN", "XKX", "ESH", "GRL", "PRI", "HKG"):
        assert iso3 in kb.countries
    assert len(kb.countries) >= 230
    assert kb.countries["KIR"].cow == 946 and kb.countries["KIR"].gwcode == 970


def test_validate_reports_each_broken_fact(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "people:\n"
        "  - id: ghost\n"
        "    name: Ghost Minister\n"
        "    country: ATL\n"
        "    roles:\n"
        "      - {title: Foreign Minister, sector: XYZ, country: ATL, org: NOPE,\n"
        "         start: 2024-05-01, end: 2023-01-01}\n"
    )
    problems = validate(load_knowledge_base([bad]))
    assert any("unknown country ATL" in p for p in problems)
    assert any("unknown sector XYZ" in p for p in problems)
    assert any("unknown organisation NOPE" in p for p in problems)
    assert any("ends (2023-01-01) before it starts" in p for p in problems)
    result = CliRunner().invoke(main, ["actors", "validate", "--actors", str(bad)])
    assert result.exit_code == 1 and "problem(s)" in result.output


def test_the_actors_command(tmp_path):
    runner = CliRunner()
    found = runner.invoke(main, ["actors", "search", "Zelensky", "--format", "json"])
    assert found.exit_code == 0 and '"volodymyr-zelensky"' in found.output
    shown = runner.invoke(main, ["actors", "show", "UKR"])
    assert shown.exit_code == 0 and '"iso3": "UKR"' in shown.output
    missing = runner.invoke(main, ["actors", "show", "nobody-at-all"])
    assert missing.exit_code != 0 and "No actor" in missing.output
    assert runner.invoke(main, ["actors", "validate"]).exit_code == 0


def test_validate_reports_a_name_two_records_share(tmp_path):
    clash = tmp_path / "clash.yaml"
    clash.write_text(
        "organisations:\n"
        "  - {id: FAKE, name: Fake Alliance, aliases: [NATO], country: null, sector: IGO}\n"
    )
    problems = validate(load_knowledge_base([clash]))
    assert problems == ["surface 'nato' names several organisations: FAKE, NATO"]


def test_unknown_actors_of_a_store_are_listed_most_frequent_first(tmp_path, pipeline):
    from tidings.pipeline import extract
    from tidings.store import open_store

    texts = [
        "Kemal Arslanoglu, an opposition leader, accused the Harbour Workers Union of fraud.",
        "Police detained Kemal Arslanoglu in Izmir on Monday.",
    ]
    db = tmp_path / "u.duckdb"
    with open_store(db) as store:
        for index, text in enumerate(texts):
            store.ingest(extract(Article(id=f"u{index}", text=text), pipeline), content_hash=text)
    result = CliRunner().invoke(main, ["actors", "unknown", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0
    found = json.loads(result.output)
    assert found[0]["name"] == "Kemal Arslanoglu" and found[0]["articles"] == 2
    assert all(row["name"].lower() != "police" for row in found)  # groups are not names
    union = [row for row in found if "Union" in row["name"]]
    assert union and union[0]["sector"] == "LAB"


def test_validate_reports_an_id_two_shipped_files_use():
    kb = load_knowledge_base([])
    assert not any("ids must be unique" in p for p in validate(kb))
    kb.duplicates.append("person someone again in data/kb/people/x.yaml")
    try:
        assert "person someone again in data/kb/people/x.yaml: ids must be unique" in validate(kb)
    finally:
        kb.duplicates.clear()  # the knowledge base is shared by the session
