"""The dev-set runner: format detection, floors, and the commands over a folder of sets."""

import json

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.devsets.common import DEV_SET_NAMES, SetScore
from tidings.devsets.run import DEV_SETS, below_floors, detect_format
from tidings.errors import GoldFormatError

PLOVER_ROW = {
    "id": "r1",
    "text": "Kenyan police arrested twelve protesters in Nairobi.",
    "labels": {
        "plover_root": "COERCE",
        "source_text": "Kenyan police",
        "target_text": "twelve protesters",
    },
}


def test_command_line_names_match_the_runner():
    assert tuple(s.name for s in DEV_SETS) == DEV_SET_NAMES


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        ({"timexes": []}, "timeml"),
        ({"attributions": []}, "attributions"),
        ({"plover_root": "AGREE"}, "plover"),
        ({"police_labels": []}, "labels"),
    ],
)
def test_detect_format_reads_the_first_row(tmp_path, labels, expected):
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "t", "labels": labels}) + "\n")
    assert detect_format(path) == expected


def test_detect_format_by_suffix_and_folder(tmp_path):
    (tmp_path / "a.tml").write_text("<TimeML/>")
    assert detect_format(tmp_path / "a.tml") == "timeml"
    assert detect_format(tmp_path) == "timeml"
    (tmp_path / "x.gold.json").write_text("{}")
    assert detect_format(tmp_path) == "gold"
    pairs = tmp_path / "dedup"
    pairs.mkdir()
    (pairs / "events.pairs.jsonl").write_text("")
    assert detect_format(pairs) == "gold"


def test_detect_format_refuses_what_it_cannot_tell(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text('{"id": "x", "labels": {"colour": "red"}}\n')
    with pytest.raises(GoldFormatError, match="E202"):
        detect_format(path)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(GoldFormatError, match="E202"):
        detect_format(empty)


def test_below_floors_checks_only_sets_that_ran():
    scores = [SetScore(name="plover", metrics={"accuracy": 0.5, "macro_f1": 0.7})]
    floors = {"plover.accuracy": 0.6, "plover.macro_f1": 0.7, "police.kill_f1": 0.9}
    assert below_floors(scores, floors) == ["plover.accuracy 0.500 < 0.600"]


def test_dev_eval_scores_present_sets_writes_json_and_checks_floors(tmp_path):
    dev = tmp_path / "dev"
    dev.mkdir()
    (dev / "plover-dyads.jsonl").write_text(json.dumps(PLOVER_ROW) + "\n")
    figures = tmp_path / "figures.json"
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"plover.accuracy": 1.0, "police.kill_f1": 1.0}))
    result = CliRunner().invoke(
        main,
        [
            "dev-eval",
            str(dev),
            "--gold",
            str(tmp_path),
            "--json",
            str(figures),
            "--floors",
            str(floors),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "skipped police" in result.output and "plover  accuracy" in result.output
    assert json.loads(figures.read_text())["plover"]["metrics"]["accuracy"] == 1.0
    floors.write_text(json.dumps({"plover.has_event_rate": 1.01}))
    failed = CliRunner().invoke(
        main, ["dev-eval", str(dev), "--gold", str(tmp_path), "--floors", str(floors)]
    )
    assert failed.exit_code == 1 and "below floor: plover.has_event_rate" in failed.output


def test_evaluate_reads_an_outside_format_file(tmp_path):
    path = tmp_path / "coded.jsonl"
    path.write_text(json.dumps(PLOVER_ROW) + "\n")
    result = CliRunner().invoke(main, ["evaluate", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["plover"]["metrics"]["has_event_rate"] == 1.0


def test_dev_eval_rejects_an_unknown_set(tmp_path):
    result = CliRunner().invoke(main, ["dev-eval", str(tmp_path), "--only", "nope"])
    assert result.exit_code == 2 and "unknown set" in result.output
