-- frontlines PostgreSQL schema: the tables of schema.sql, column for column (a test holds them
-- equal).  Text compares and sorts bytewise (COLLATE "C") as in SQLite, reals are double precision
-- as SQLite's, and articles, mentions, claims and control periods keep their storage order in "seq"
-- (SQLite's rowid: what orders rows that tie on the columns a query sorts by).
CREATE TABLE IF NOT EXISTS meta (key TEXT COLLATE "C" PRIMARY KEY, value TEXT COLLATE "C");
CREATE TABLE IF NOT EXISTS articles (
  seq BIGSERIAL UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY, source TEXT COLLATE "C" NOT NULL, outlet TEXT COLLATE "C",
  url TEXT COLLATE "C", title TEXT COLLATE "C", author TEXT COLLATE "C", published TEXT COLLATE "C",
  published_precision TEXT COLLATE "C", published_basis TEXT COLLATE "C", language TEXT COLLATE "C",
  duplicate_of TEXT COLLATE "C", text TEXT COLLATE "C" NOT NULL, ingested_at TEXT COLLATE "C" NOT NULL,
  minhash TEXT COLLATE "C", source_id TEXT COLLATE "C"
);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE TABLE IF NOT EXISTS segments (
  doc_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id), idx BIGINT NOT NULL, role TEXT COLLATE "C" NOT NULL,
  start BIGINT NOT NULL, "end" BIGINT NOT NULL, first_line BIGINT NOT NULL,
  last_line BIGINT NOT NULL, quoted_source TEXT COLLATE "C", PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS mentions (
  seq BIGSERIAL,
  doc_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id), kind TEXT COLLATE "C" NOT NULL,
  start BIGINT NOT NULL, "end" BIGINT NOT NULL, surface TEXT COLLATE "C" NOT NULL,
  gazetteer_id TEXT COLLATE "C", name TEXT COLLATE "C", latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION, country TEXT COLLATE "C", admin1 TEXT COLLATE "C", admin2 TEXT COLLATE "C",
  feature TEXT COLLATE "C", population BIGINT, score DOUBLE PRECISION, reason TEXT COLLATE "C",
  geo_precision BIGINT, role TEXT COLLATE "C", source_id TEXT COLLATE "C",
  PRIMARY KEY (doc_id, kind, start, "end")
);
CREATE TABLE IF NOT EXISTS claims (
  seq BIGSERIAL,
  id TEXT COLLATE "C" PRIMARY KEY, doc_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
  segment_role TEXT COLLATE "C" NOT NULL, start BIGINT NOT NULL, "end" BIGINT NOT NULL,
  sentence TEXT COLLATE "C" NOT NULL, trigger TEXT COLLATE "C" NOT NULL,
  trigger_start BIGINT NOT NULL, trigger_end BIGINT NOT NULL, event_type TEXT COLLATE "C" NOT NULL,
  sub_event_type TEXT COLLATE "C" NOT NULL, status TEXT COLLATE "C" NOT NULL, attributed_to TEXT COLLATE "C",
  actor1 TEXT COLLATE "C", actor1_surface TEXT COLLATE "C", actor1_inferred BIGINT, inter1 BIGINT,
  side1 TEXT COLLATE "C", actor2 TEXT COLLATE "C", actor2_surface TEXT COLLATE "C", actor2_inferred BIGINT,
  inter2 BIGINT, side2 TEXT COLLATE "C", location TEXT COLLATE "C", location_start BIGINT,
  location_end BIGINT, gazetteer_id TEXT COLLATE "C", place_name TEXT COLLATE "C",
  latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, country TEXT COLLATE "C", admin1 TEXT COLLATE "C",
  admin2 TEXT COLLATE "C", feature TEXT COLLATE "C", population BIGINT, location_score DOUBLE PRECISION,
  location_reason TEXT COLLATE "C", geo_precision BIGINT, date_text TEXT COLLATE "C",
  event_date TEXT COLLATE "C", time_precision BIGINT, fatalities BIGINT, weapons TEXT COLLATE "C",
  notes TEXT COLLATE "C", ongoing BIGINT NOT NULL DEFAULT 0, source_id TEXT COLLATE "C",
  partial BIGINT NOT NULL DEFAULT 0, assoc1 TEXT COLLATE "C", assoc2 TEXT COLLATE "C"
);
CREATE INDEX IF NOT EXISTS claims_doc ON claims(doc_id);
CREATE TABLE IF NOT EXISTS events (
  id TEXT COLLATE "C" PRIMARY KEY, event_type TEXT COLLATE "C" NOT NULL, sub_event_type TEXT COLLATE "C" NOT NULL,
  status TEXT COLLATE "C" NOT NULL, happened BIGINT NOT NULL, actor1 TEXT COLLATE "C", actor2 TEXT COLLATE "C",
  inter1 BIGINT, inter2 BIGINT, location TEXT COLLATE "C", gazetteer_id TEXT COLLATE "C",
  admin1 TEXT COLLATE "C", admin2 TEXT COLLATE "C", country TEXT COLLATE "C", latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION, geo_precision BIGINT, event_date TEXT COLLATE "C", time_precision BIGINT,
  fatalities BIGINT, sources TEXT COLLATE "C", corroboration BIGINT, contradicted BIGINT,
  support DOUBLE PRECISION, fatalities_max BIGINT, assoc_actor1 TEXT COLLATE "C",
  assoc_actor2 TEXT COLLATE "C"
);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
CREATE TABLE IF NOT EXISTS event_claims (
  event_id TEXT COLLATE "C" NOT NULL REFERENCES events(id), claim_id TEXT COLLATE "C" NOT NULL REFERENCES claims(id),
  PRIMARY KEY (event_id, claim_id)
);
CREATE TABLE IF NOT EXISTS places (
  gazetteer_id TEXT COLLATE "C" PRIMARY KEY, name TEXT COLLATE "C", latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION, country TEXT COLLATE "C", admin1 TEXT COLLATE "C", admin2 TEXT COLLATE "C",
  feature TEXT COLLATE "C", population BIGINT
);
CREATE TABLE IF NOT EXISTS actors (name TEXT COLLATE "C" PRIMARY KEY, inter BIGINT, side TEXT COLLATE "C");
CREATE TABLE IF NOT EXISTS outlets (name TEXT COLLATE "C" PRIMARY KEY, documents BIGINT);
-- SQLite lets a primary-key column hold NULL (an unknown start) and counts NULLs as distinct:
-- a unique constraint does the same here
CREATE TABLE IF NOT EXISTS control_periods (
  seq BIGSERIAL,
  place_id TEXT COLLATE "C" NOT NULL, place_name TEXT COLLATE "C", actor TEXT COLLATE "C" NOT NULL,
  start TEXT COLLATE "C", "end" TEXT COLLATE "C", evidence TEXT COLLATE "C", state TEXT COLLATE "C",
  rivals TEXT COLLATE "C", confidence DOUBLE PRECISION, explanation TEXT COLLATE "C",
  last_confirmed TEXT COLLATE "C", facts TEXT COLLATE "C", origin TEXT COLLATE "C", latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION, outlets BIGINT, allies TEXT COLLATE "C", UNIQUE (place_id, actor, start)
);
CREATE TABLE IF NOT EXISTS failures (
  id BIGSERIAL PRIMARY KEY, source TEXT COLLATE "C" NOT NULL, stage TEXT COLLATE "C" NOT NULL,
  error TEXT COLLATE "C" NOT NULL, message TEXT COLLATE "C" NOT NULL, doc_id TEXT COLLATE "C",
  at TEXT COLLATE "C" NOT NULL, UNIQUE (source, stage, message)
);
-- the situation picture (derive): territorial facts read from claims, sieges, imported baselines
CREATE TABLE IF NOT EXISTS territorial_facts (
  id TEXT COLLATE "C" PRIMARY KEY, kind TEXT COLLATE "C" NOT NULL, place_id TEXT COLLATE "C" NOT NULL,
  place_name TEXT COLLATE "C", claim_id TEXT COLLATE "C" NOT NULL, doc_id TEXT COLLATE "C" NOT NULL,
  status TEXT COLLATE "C" NOT NULL, start TEXT COLLATE "C", "end" TEXT COLLATE "C", gainer TEXT COLLATE "C",
  loser TEXT COLLATE "C", gainer_side TEXT COLLATE "C", loser_side TEXT COLLATE "C", scope TEXT COLLATE "C",
  latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, sentence TEXT COLLATE "C", cue TEXT COLLATE "C",
  outlet TEXT COLLATE "C", outlet_side TEXT COLLATE "C", source_key TEXT COLLATE "C", denies TEXT COLLATE "C",
  alone BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX IF NOT EXISTS territorial_facts_place ON territorial_facts(place_id, start);
CREATE TABLE IF NOT EXISTS sieges (
  id TEXT COLLATE "C" PRIMARY KEY, place_id TEXT COLLATE "C" NOT NULL, place_name TEXT COLLATE "C",
  besieger TEXT COLLATE "C", besieged TEXT COLLATE "C", start TEXT COLLATE "C", "end" TEXT COLLATE "C",
  facts TEXT COLLATE "C", latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, end_cue TEXT COLLATE "C"
);
CREATE TABLE IF NOT EXISTS control_imports (
  place_id TEXT COLLATE "C" NOT NULL, place_name TEXT COLLATE "C", controller TEXT COLLATE "C" NOT NULL,
  as_of TEXT COLLATE "C" NOT NULL, source TEXT COLLATE "C", file TEXT COLLATE "C" NOT NULL,
  latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, imported_at TEXT COLLATE "C",
  PRIMARY KEY (file, place_id, as_of)
);
