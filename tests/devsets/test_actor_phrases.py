"""Actor phrases in dated sentences: reading the file and scoring country and sector."""

import pytest

from tidings.devsets.actor_phrases import load_actor_phrases, score_actor_phrases
from tidings.devsets.run import detect_format, score_file
from tidings.errors import GoldFormatError

HEADER = "id\tdate\tphrase\tcountry\tsector\tcategory\tsentence\n"
ROWS = [
    ("t-1", "2024-05-02", "Ukrainian farmers", "UKR", "AGR", "generic",
     "Ukrainian farmers blocked the border crossing for a week."),
    ("t-2", "2024-05-02", "the Pentagon", "USA", "MIL", "metonym",
     "A spokesman for the Pentagon declined to comment."),
    ("t-3", "2024-05-02", "riot police", "", "COP", "unresolvable",
     "Riot police fired tear gas; riot police then withdrew."),
    ("t-4", "2024-05-02", "Ruritanian delegates", "RUR", "GOV", "generic",
     "Ruritanian delegates walked out of the talks."),
]  # fmt: skip


def write(tmp_path, rows=ROWS, header=HEADER):
    path = tmp_path / "phrases.tsv"
    body = "".join("\t".join(row) + "\n" for row in rows)
    path.write_text("# test phrases\n" + header + body, encoding="utf-8")
    return path


def test_rows_are_read_with_dates_and_spans(tmp_path):
    rows = load_actor_phrases(write(tmp_path))
    assert [r.id for r in rows] == ["t-1", "t-2", "t-3", "t-4"]
    assert rows[2].country is None and rows[2].span == (28, 39)  # case counts
    assert str(rows[0].published) == "2024-05-02"


@pytest.mark.parametrize(
    "header",
    ["id\tdate\tphrase\tcountry\tsector\n", HEADER.replace("sentence", "text")],
)
def test_a_wrong_header_is_a_format_error(tmp_path, header):
    with pytest.raises(GoldFormatError, match="header"):
        load_actor_phrases(write(tmp_path, header=header))


def test_a_phrase_missing_from_its_sentence_is_a_format_error(tmp_path):
    rows = [("t-9", "2024-01-01", "Kenyan police", "KEN", "COP", "generic", "Police said.")]
    with pytest.raises(GoldFormatError, match="t-9"):
        load_actor_phrases(write(tmp_path, rows))


def test_a_bad_date_is_a_format_error(tmp_path):
    rows = [("t-8", "2024-13-40", "Police", "", "COP", "generic", "Police said.")]
    with pytest.raises(GoldFormatError, match="date"):
        load_actor_phrases(write(tmp_path, rows))


def test_scores_count_country_and_sector_per_row(tmp_path, pipeline):
    score = score_actor_phrases(load_actor_phrases(write(tmp_path)), pipeline, errors=5)
    assert score.counts["rows"] == 4
    # the invented country cannot be coded: that row is wrong, the three others right
    assert score.metrics["code_accuracy"] == pytest.approx(0.75)
    assert score.metrics["country_accuracy"] == pytest.approx(0.75)
    wrong = [case for case in score.errors if case.item.startswith("t-4")]
    assert len(wrong) == 1 and "RUR GOV" in wrong[0].gold
    categories = {row["category"]: row for row in score.tables["per_category"]}
    assert categories["generic"]["rows"] == 2 and categories["generic"]["code"] == 0.5


def test_a_tsv_file_is_scored_as_actor_phrases(tmp_path, pipeline):
    path = write(tmp_path, ROWS[:2])
    assert detect_format(path) == "actors"
    assert score_file(path, "actors", pipeline).metrics["code_accuracy"] == 1.0
