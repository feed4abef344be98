-- tidings store schema, version 6 (migrations from older versions: store/_base.py). One statement per `;`. Text columns hold untrusted article
-- text: it is only ever bound as a parameter, never formatted into SQL.
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, title VARCHAR, outlet VARCHAR, published DATE, url VARCHAR,
    text VARCHAR, content_hash VARCHAR NOT NULL, ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, local_id VARCHAR NOT NULL,
    name VARCHAR, country VARCHAR, sector VARCHAR, code VARCHAR, role VARCHAR, kind VARCHAR,
    kb_id VARCHAR
);
CREATE TABLE IF NOT EXISTS mentions (
    actor_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, text VARCHAR, kind VARCHAR,
    start_char INTEGER, end_char INTEGER
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, local_id VARCHAR NOT NULL,
    type VARCHAR, mode VARCHAR, contexts VARCHAR, cameo VARCHAR, goldstein DOUBLE,
    quad_class INTEGER, modality VARCHAR, trigger VARCHAR, trigger_start INTEGER,
    trigger_end INTEGER, date_value VARCHAR, date_granularity VARCHAR, date_text VARCHAR,
    date_start DATE, location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
    evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER, reported_by VARCHAR,
    confidence DOUBLE, killed DOUBLE, injured DOUBLE, casualties DOUBLE,
    -- The read model (store/queries.py): both sides for display, and the filters' search keys.
    sources VARCHAR, targets VARCHAR, actor_keys VARCHAR, countries VARCHAR,
    -- The network's and the actor list's: label pairs, and each actor label with its roles.
    dyads VARCHAR, actor_roles VARCHAR,
    -- The position (in `attributions`) of the statement the event is stated in, if any, and
    -- for display who it gives as the source, with the cue and kind (JSON).
    attribution INTEGER, according_to VARCHAR
);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, role VARCHAR NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR NOT NULL, position INTEGER NOT NULL, text VARCHAR, kind VARCHAR,
    speaker VARCHAR, cue VARCHAR, start_char INTEGER, end_char INTEGER, outlet VARCHAR
);
-- `content` and `fragments` hold JSON lists of [start, end] spans; start_char and end_char
-- are the first content's start and the last one's end.
CREATE TABLE IF NOT EXISTS attributions (
    article_id VARCHAR NOT NULL, position INTEGER NOT NULL, kind VARCHAR, text VARCHAR,
    content VARCHAR, start_char INTEGER, end_char INTEGER, source VARCHAR, source_text VARCHAR,
    source_start INTEGER, source_end INTEGER, cue VARCHAR, cue_start INTEGER, cue_end INTEGER,
    fragments VARCHAR
);
CREATE TABLE IF NOT EXISTS citations (
    article_id VARCHAR NOT NULL, position INTEGER NOT NULL, outlet VARCHAR, kind VARCHAR,
    speaker VARCHAR, date VARCHAR, text VARCHAR, start_char INTEGER, end_char INTEGER
);
CREATE TABLE IF NOT EXISTS times (
    article_id VARCHAR NOT NULL, position INTEGER NOT NULL, text VARCHAR, value VARCHAR,
    granularity VARCHAR, start_char INTEGER, end_char INTEGER
);
CREATE TABLE IF NOT EXISTS quantities (
    article_id VARCHAR NOT NULL, position INTEGER NOT NULL, text VARCHAR, value DOUBLE,
    unit VARCHAR, kind VARCHAR, normalized_value DOUBLE, normalized_unit VARCHAR,
    start_char INTEGER, end_char INTEGER, normalized_max DOUBLE, outcome VARCHAR,
    part_of_count BOOLEAN
);
CREATE TABLE IF NOT EXISTS event_clusters (event_id VARCHAR PRIMARY KEY, cluster_id VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS article_copies (
    article_id VARCHAR NOT NULL, copy_of VARCHAR NOT NULL, similarity DOUBLE
);
CREATE TABLE IF NOT EXISTS failures (source VARCHAR, reason VARCHAR, failed_at TIMESTAMP);
CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
CREATE INDEX IF NOT EXISTS events_type ON events (type);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors (event_id);
