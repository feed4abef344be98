"""Records read back: the JSON contract as the typed model again."""

import json

from tidings.records import report_from_record


def test_a_record_reads_back_its_attributions_and_their_links(run):
    text = '"We will not retreat," Maia Sandu said. Russia launched drones at Kyiv, officials said.'
    report = run(text)
    assert report.attributions and any(e.attribution is not None for e in report.events)
    record = json.loads(json.dumps(report.to_dict()))
    again = report_from_record(record, report.article.text)
    assert again.attributions == report.attributions
    assert [e.attribution for e in again.events] == [e.attribution for e in report.events]
    assert again.to_dict() == report.to_dict()
