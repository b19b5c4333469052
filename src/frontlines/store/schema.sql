-- frontlines SQLite schema: plain tables that the sqlite3 shell and Datasette open as they are.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY, source TEXT NOT NULL, outlet TEXT, url TEXT, title TEXT, author TEXT,
  published TEXT, published_precision TEXT, published_basis TEXT, language TEXT,
  duplicate_of TEXT, text TEXT NOT NULL, ingested_at TEXT NOT NULL, minhash TEXT, source_id TEXT
);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);  -- a save looks up the older versions of its source
CREATE TABLE IF NOT EXISTS segments (
  doc_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL, role TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, first_line INTEGER NOT NULL,
  last_line INTEGER NOT NULL, quoted_source TEXT, PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS mentions (
  doc_id TEXT NOT NULL REFERENCES articles(id), kind TEXT NOT NULL, start INTEGER NOT NULL,
  "end" INTEGER NOT NULL, surface TEXT NOT NULL, gazetteer_id TEXT, name TEXT, latitude REAL,
  longitude REAL, country TEXT, admin1 TEXT, admin2 TEXT, feature TEXT, population INTEGER,
  score REAL, reason TEXT, geo_precision INTEGER, role TEXT, source_id TEXT,
  PRIMARY KEY (doc_id, kind, start, "end")
);
CREATE TABLE IF NOT EXISTS claims (
  id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES articles(id), segment_role TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL, trigger TEXT NOT NULL,
  trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, event_type TEXT NOT NULL,
  sub_event_type TEXT NOT NULL, status TEXT NOT NULL, attributed_to TEXT,
  actor1 TEXT, actor1_surface TEXT, actor1_inferred INTEGER, inter1 INTEGER, side1 TEXT,
  actor2 TEXT, actor2_surface TEXT, actor2_inferred INTEGER, inter2 INTEGER, side2 TEXT,
  location TEXT, location_start INTEGER, location_end INTEGER, gazetteer_id TEXT, place_name TEXT,
  latitude REAL, longitude REAL, country TEXT, admin1 TEXT, admin2 TEXT, feature TEXT,
  population INTEGER, location_score REAL, location_reason TEXT, geo_precision INTEGER,
  date_text TEXT, event_date TEXT, time_precision INTEGER, fatalities INTEGER, weapons TEXT,
  notes TEXT, ongoing INTEGER NOT NULL DEFAULT 0, source_id TEXT, partial INTEGER NOT NULL DEFAULT 0,
  assoc1 TEXT, assoc2 TEXT
);
CREATE INDEX IF NOT EXISTS claims_doc ON claims(doc_id);
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, status TEXT NOT NULL,
  happened INTEGER NOT NULL, actor1 TEXT, actor2 TEXT, inter1 INTEGER, inter2 INTEGER, location TEXT,
  gazetteer_id TEXT, admin1 TEXT, admin2 TEXT, country TEXT, latitude REAL, longitude REAL,
  geo_precision INTEGER, event_date TEXT, time_precision INTEGER, fatalities INTEGER,
  sources TEXT, corroboration INTEGER, contradicted INTEGER, support REAL, fatalities_max INTEGER,
  assoc_actor1 TEXT, assoc_actor2 TEXT
);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
CREATE TABLE IF NOT EXISTS event_claims (
  event_id TEXT NOT NULL REFERENCES events(id), claim_id TEXT NOT NULL REFERENCES claims(id),
  PRIMARY KEY (event_id, claim_id)
);
CREATE TABLE IF NOT EXISTS places (
  gazetteer_id TEXT PRIMARY KEY, name TEXT, latitude REAL, longitude REAL, country TEXT,
  admin1 TEXT, admin2 TEXT, feature TEXT, population INTEGER
);
CREATE TABLE IF NOT EXISTS actors (name TEXT PRIMARY KEY, inter INTEGER, side TEXT);
CREATE TABLE IF NOT EXISTS outlets (name TEXT PRIMARY KEY, documents INTEGER);
CREATE TABLE IF NOT EXISTS control_periods (
  place_id TEXT NOT NULL, place_name TEXT, actor TEXT NOT NULL, start TEXT, "end" TEXT,
  evidence TEXT, state TEXT, rivals TEXT, confidence REAL, explanation TEXT, last_confirmed TEXT,
  facts TEXT, origin TEXT, latitude REAL, longitude REAL, outlets INTEGER, allies TEXT,
  PRIMARY KEY (place_id, actor, start)
);
CREATE TABLE IF NOT EXISTS failures (
  id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, stage TEXT NOT NULL,
  error TEXT NOT NULL, message TEXT NOT NULL, doc_id TEXT, at TEXT NOT NULL,
  UNIQUE (source, stage, message)
);
-- the situation picture (derive): territorial facts read from claims, sieges, imported baselines
CREATE TABLE IF NOT EXISTS territorial_facts (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, place_id TEXT NOT NULL, place_name TEXT, claim_id TEXT NOT NULL,
  doc_id TEXT NOT NULL, status TEXT NOT NULL, start TEXT, "end" TEXT, gainer TEXT, loser TEXT,
  gainer_side TEXT, loser_side TEXT, scope TEXT, latitude REAL, longitude REAL, sentence TEXT, cue TEXT,
  outlet TEXT, outlet_side TEXT, source_key TEXT, denies TEXT, alone INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS territorial_facts_place ON territorial_facts(place_id, start);
CREATE TABLE IF NOT EXISTS sieges (
  id TEXT PRIMARY KEY, place_id TEXT NOT NULL, place_name TEXT, besieger TEXT, besieged TEXT, start TEXT,
  "end" TEXT, facts TEXT, latitude REAL, longitude REAL, end_cue TEXT
);
CREATE TABLE IF NOT EXISTS control_imports (
  place_id TEXT NOT NULL, place_name TEXT, controller TEXT NOT NULL, as_of TEXT NOT NULL, source TEXT,
  file TEXT NOT NULL, latitude REAL, longitude REAL, imported_at TEXT,
  PRIMARY KEY (file, place_id, as_of)
);
