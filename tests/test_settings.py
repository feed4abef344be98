"""The settings file: defaults overridden by a TOML table, every value checked."""

from dataclasses import fields
from pathlib import Path

import pytest

from tidings.settings import Settings, SettingsError, load_settings


def settings_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "tidings.toml"
    path.write_text(f"[tidings]\n{body}\n", encoding="utf-8")
    return path


def test_a_settings_file_overrides_the_defaults(tmp_path):
    path = settings_file(
        tmp_path,
        'min_confidence = 0\nbatch_size = 8\nactor_files = ["a.yaml"]\ningest_memory_mb = 256',
    )
    settings = load_settings(path)
    assert settings == Settings(
        min_confidence=0.0, batch_size=8, actor_files=(Path("a.yaml"),), ingest_memory_mb=256
    )
    assert isinstance(settings.min_confidence, float)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ('max_article_chars = "big"', "max_article_chars"),
        ("max_article_chars = 0", "max_article_chars"),
        ("max_article_chars = true", "max_article_chars"),
        ("max_article_chars = 1.5", "max_article_chars"),
        ("min_confidence = 5", "min_confidence"),
        ('min_confidence = "high"', "min_confidence"),
        ("min_english_ratio = -0.1", "min_english_ratio"),
        ("batch_size = 0", "batch_size"),
        ("processes = -2", "processes"),
        ("ingest_memory_mb = 32", "ingest_memory_mb"),
        ('ingest_memory_mb = "1GB"', "ingest_memory_mb"),
        ("model = 3", "model"),
        ('database = ""', "database"),
        ('actor_files = "mine.yaml"', "actor_files"),
    ],
)
def test_a_value_of_the_wrong_type_or_range_is_refused_with_the_fix(tmp_path, line, name):
    with pytest.raises(SettingsError, match=rf"^\[E401\] .*{name} = .* give "):
        load_settings(settings_file(tmp_path, line))


@pytest.mark.parametrize("name", [f.name for f in fields(Settings)])
def test_every_setting_is_checked(tmp_path, name):
    with pytest.raises(SettingsError, match=name):
        load_settings(settings_file(tmp_path, f"{name} = {{ nested = 1 }}"))
