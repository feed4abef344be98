"""Article sources: HTML pages, JSONL files and RSS/Atom feeds become articles or clean skips."""

from pathlib import Path

from tidings.settings import Settings
from tidings.sources import Skipped, read_sources

PARAGRAPH = (
    "The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss a new border "
    "crossing, and agreed to open talks on water rights next month, officials said."
)


def test_an_html_page_loses_its_boilerplate_and_keeps_its_metadata(tmp_path):
    page = tmp_path / "lima-talks.html"
    page.write_text(
        "<html><head><title>Chile and Peru meet | Andes Wire</title>"
        '<meta property="og:site_name" content="Andes Wire">'
        '<meta name="date" content="2025-04-08"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> Subscribe now!</nav>"
        f"<article><h1>Chile and Peru meet</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>"
        "<footer>Copyright Andes Wire. All rights reserved. Cookie settings.</footer>"
        "<script>alert('x')</script></body></html>"
    )
    (article,) = list(read_sources([page], Settings()))
    assert article.outlet == "Andes Wire"
    assert article.published.isoformat() == "2025-04-08"
    assert "water rights" in article.text
    assert "Subscribe" not in article.text and "alert" not in article.text


def test_a_jsonl_file_gives_an_article_per_line_and_skips_bad_lines(tmp_path):
    lines = tmp_path / "batch.jsonl"
    lines.write_text(
        f'{{"id": "a1", "published": "2025-04-08", "text": "{PARAGRAPH}"}}\n'
        "{not json\n"
        '{"id": "a3", "text": ""}\n'
        f'{{"id": "a4", "published": "2025-02-30", "text": "{PARAGRAPH}"}}\n'
    )
    items = list(read_sources([lines], Settings()))
    assert [a.id for a in items if not isinstance(a, Skipped)] == ["a1"]
    skipped = [s for s in items if isinstance(s, Skipped)]
    assert [s.source.rsplit(":", 1)[1] for s in skipped] == ["2", "3", "4"]
    assert "malformed JSON" in skipped[0].reason and "empty" in skipped[1].reason
    assert "not a real date" in skipped[2].reason


def test_a_feed_gives_an_article_per_item(tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Andes Wire</title>'
        "<item><title>Chile and Peru meet</title><link>https://example.org/1</link>"
        "<pubDate>Tue, 08 Apr 2025 10:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;{PARAGRAPH}&lt;/p&gt;</description></item>"
        "<item><title>Vide</title><link>https://example.org/2</link>"
        "<description>Le ministre a dit que la frontière restera fermée pour les "
        "camions et que les négociations continueront la semaine prochaine.</description>"
        "</item></channel></rss>"
    )
    items = list(read_sources([feed], Settings()))
    article, skipped = items
    assert (article.id, article.outlet, article.published.isoformat()) == (
        "https://example.org/1",
        "Andes Wire",
        "2025-04-08",
    )
    assert "water rights" in article.text and "<p>" not in article.text
    assert isinstance(skipped, Skipped) and "English" in skipped.reason


def test_a_directory_mixes_formats(tmp_path):
    (tmp_path / "one.txt").write_text(f"Chile and Peru meet\n\n{PARAGRAPH}")
    (tmp_path / "two.jsonl").write_text(f'{{"id": "b1", "text": "{PARAGRAPH}"}}\n')
    (tmp_path / "broken.html").write_bytes(b"\x00\x01binary")
    items = list(read_sources([Path(tmp_path)], Settings()))
    assert sorted(a.id for a in items if not isinstance(a, Skipped)) == ["b1", "one"]
    assert [s.source for s in items if isinstance(s, Skipped)] == [str(tmp_path / "broken.html")]


def test_a_page_repeating_its_title_in_an_h1_gives_the_headline_once(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Chile and Peru meet | Andes Wire</title>"
        '<meta property="og:title" content="Chile and Peru meet">'
        '<meta name="date" content="2025-04-08"></head><body>'
        f"<article><h1>Chile and Peru meet</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>"
        "</body></html>"
    )
    (article,) = list(read_sources([page], Settings()))
    assert article.title == "Chile and Peru meet"
    assert article.text.startswith(f"Chile and Peru meet\n\n{PARAGRAPH[:40]}")
    assert article.text.count("Chile and Peru meet") == 1


def test_a_page_without_a_date_in_its_metadata_stays_undated_and_says_so(tmp_path, caplog):
    page = tmp_path / "undated.html"
    page.write_text(
        "<html><head><title>Chile and Peru meet</title></head><body>"
        f"<article><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>"
        "<footer>© 2019 Andes Wire. All rights reserved.</footer></body></html>"
    )
    (article,) = list(read_sources([page], Settings()))
    assert article.published is None
    assert "undated.html" in caplog.text and "no publication date" in caplog.text


def test_a_feed_item_without_text_is_skipped_not_stored_as_a_title(tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Andes Wire</title>'
        "<item><title>Chile and Peru meet</title><link>https://example.org/1</link></item>"
        "<item><title>Talks on water</title><link>https://example.org/2</link>"
        "<description>   </description></item>"
        "</channel></rss>"
    )
    items = list(read_sources([feed], Settings()))
    assert all(isinstance(s, Skipped) for s in items) and len(items) == 2
    assert all(s.reason.startswith("[E101]") and "no text" in s.reason for s in items)


def test_a_broken_jsonl_line_is_skipped_with_an_error_code(tmp_path):
    lines = tmp_path / "batch.jsonl"
    lines.write_text('{"id": "a1", "text": "cut off\n')
    (skipped,) = list(read_sources([lines], Settings()))
    assert skipped.reason.startswith(f"[E105] {lines}:1: malformed JSON")
