namespace Sitrep.Store.Sqlite;

/// <summary>The schema's history. Append, never edit: a database records which versions it has applied.</summary>
internal static class Migrations
{
    public static readonly (int Version, string Name, string Sql)[] All =
    [
        (1, "documents", """
            CREATE TABLE documents (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                source TEXT NOT NULL,
                media_type TEXT NOT NULL,
                encoding TEXT NOT NULL,
                raw BLOB NOT NULL,
                title TEXT,
                outlet TEXT,
                author TEXT,
                language TEXT NOT NULL,
                published TEXT,
                published_precision TEXT NOT NULL,
                published_range_from TEXT,
                published_range_to TEXT,
                published_from TEXT NOT NULL,
                published_note TEXT,
                header_date TEXT,
                body TEXT NOT NULL,
                cut_json TEXT NOT NULL,
                text_hash TEXT NOT NULL,
                minhash BLOB,
                duplicate_of TEXT REFERENCES documents(id),
                ingested_at TEXT NOT NULL
            );
            CREATE INDEX documents_text_hash ON documents(text_hash);
            CREATE TABLE document_bands (
                key INTEGER NOT NULL,
                document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                PRIMARY KEY (key, document)
            ) WITHOUT ROWID;
            CREATE INDEX document_bands_document ON document_bands(document);
            CREATE TABLE document_sources (
                document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                source TEXT NOT NULL,
                first_seen TEXT NOT NULL,
                PRIMARY KEY (document, source)
            ) WITHOUT ROWID;
            """),
        (2, "mentions", """
            CREATE TABLE mentions (
                document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                start INTEGER NOT NULL,
                end INTEGER NOT NULL,
                type TEXT NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (document, start, end)
            ) WITHOUT ROWID;
            CREATE INDEX mentions_type_text ON mentions(type, text);
            """),
        (3, "times", """
            CREATE TABLE times (
                document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                start INTEGER NOT NULL,
                end INTEGER NOT NULL,
                type TEXT NOT NULL,
                value TEXT NOT NULL,
                mod TEXT,
                text TEXT NOT NULL,
                PRIMARY KEY (document, start, end)
            ) WITHOUT ROWID;
            """),
        (4, "quantities", """
            CREATE TABLE quantities (
                document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                start INTEGER NOT NULL,
                end INTEGER NOT NULL,
                value REAL NOT NULL,
                upto REAL,
                whole REAL,
                unit TEXT,
                modifier TEXT NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (document, start, end)
            ) WITHOUT ROWID;
            """),
        (5, "entity corrections", """
            CREATE TABLE entity_corrections (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
                a TEXT NOT NULL,
                b TEXT NOT NULL,
                made_at TEXT NOT NULL
            );
            """),
        (6, "imported places", """
            CREATE TABLE places (
                geonameid INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                alternates TEXT NOT NULL,
                country TEXT NOT NULL,
                feature TEXT NOT NULL,
                population INTEGER NOT NULL,
                lat REAL NOT NULL,
                lon REAL NOT NULL
            );
            """),
        (7, "claims and event mentions", """
            CREATE TABLE claims (
                document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                start INTEGER NOT NULL,
                end INTEGER NOT NULL,
                source_start INTEGER,
                source_end INTEGER,
                cue TEXT,
                stance TEXT NOT NULL,
                PRIMARY KEY (document, seq)
            ) WITHOUT ROWID;
            CREATE TABLE event_mentions (
                document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                type TEXT NOT NULL,
                trigger_start INTEGER NOT NULL,
                trigger_end INTEGER NOT NULL,
                sentence_start INTEGER NOT NULL,
                sentence_end INTEGER NOT NULL,
                actors TEXT NOT NULL,
                place_start INTEGER,
                place_end INTEGER,
                time_start INTEGER,
                time_end INTEGER,
                quantities TEXT NOT NULL,
                claim INTEGER,
                PRIMARY KEY (document, seq)
            ) WITHOUT ROWID;
            """),
        (8, "source hints and fetch state", """
            ALTER TABLE documents ADD COLUMN hints_json TEXT;
            ALTER TABLE documents ADD COLUMN url TEXT;
            CREATE INDEX document_sources_source ON document_sources(source);
            CREATE TABLE fetch_state (
                url TEXT PRIMARY KEY,
                etag TEXT,
                last_modified TEXT,
                status INTEGER NOT NULL,
                fetched_at TEXT NOT NULL
            ) WITHOUT ROWID;
            """),
        (9, "stored resolution and text search", """
            CREATE TABLE entities (
                id TEXT PRIMARY KEY,
                seq INTEGER NOT NULL,
                type TEXT NOT NULL,
                name TEXT NOT NULL,
                mentions INTEGER NOT NULL,
                documents INTEGER NOT NULL,
                lat REAL,
                lon REAL,
                geo_ref TEXT,
                geo_kind TEXT,
                country TEXT,
                reasons_json TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX entities_seq ON entities(seq);
            CREATE TABLE entity_aliases (
                entity TEXT NOT NULL,
                seq INTEGER NOT NULL,
                alias TEXT NOT NULL COLLATE NOCASE,
                key TEXT NOT NULL,
                PRIMARY KEY (entity, seq)
            ) WITHOUT ROWID;
            CREATE INDEX entity_aliases_alias ON entity_aliases(alias);
            CREATE INDEX entity_aliases_key ON entity_aliases(key);
            CREATE TABLE entity_mentions (
                document TEXT NOT NULL,
                start INTEGER NOT NULL,
                end INTEGER NOT NULL,
                entity TEXT NOT NULL,
                ord INTEGER NOT NULL,
                type TEXT NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (document, start, end)
            ) WITHOUT ROWID;
            CREATE INDEX entity_mentions_entity ON entity_mentions(entity, ord);
            CREATE TABLE resolved_claims (
                id TEXT PRIMARY KEY,
                seq INTEGER NOT NULL,
                document TEXT NOT NULL,
                start INTEGER NOT NULL,
                end INTEGER NOT NULL,
                source_start INTEGER,
                source_end INTEGER,
                cue TEXT,
                stance TEXT NOT NULL,
                text TEXT NOT NULL,
                source_entity TEXT,
                source_text TEXT
            ) WITHOUT ROWID;
            CREATE INDEX resolved_claims_seq ON resolved_claims(seq);
            CREATE INDEX resolved_claims_document ON resolved_claims(document, start);
            CREATE INDEX resolved_claims_source ON resolved_claims(source_entity, seq);
            CREATE TABLE events (
                id TEXT PRIMARY KEY,
                seq INTEGER NOT NULL,
                type TEXT NOT NULL,
                date_from TEXT,
                date_to TEXT,
                place TEXT,
                status TEXT NOT NULL,
                reports INTEGER NOT NULL,
                json TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX events_seq ON events(seq);
            CREATE INDEX events_date ON events(date_from, seq);
            CREATE INDEX events_place ON events(place, seq);
            CREATE INDEX events_type ON events(type, seq);
            CREATE TABLE event_actors (
                entity TEXT NOT NULL,
                event TEXT NOT NULL,
                PRIMARY KEY (entity, event)
            ) WITHOUT ROWID;
            CREATE TABLE event_documents (
                document TEXT NOT NULL,
                event TEXT NOT NULL,
                PRIMARY KEY (document, event)
            ) WITHOUT ROWID;
            CREATE VIRTUAL TABLE events_fts USING fts5(id UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');
            CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, content = 'documents', content_rowid = 'seq',
                tokenize = 'unicode61 remove_diacritics 2');
            INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
            CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
                INSERT INTO documents_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
            END;
            CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
                INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
            END;
            CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body ON documents BEGIN
                INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
                INSERT INTO documents_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
            END;
            -- Any change to what resolution reads moves the generation on, whichever code path made it; the stored
            -- resolution is current when it was made from the current generation.
            CREATE TABLE resolution_state (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                generation INTEGER NOT NULL,
                resolved_generation INTEGER NOT NULL,
                resolved_at TEXT
            );
            INSERT INTO resolution_state VALUES (1, 1, 0, NULL);
            CREATE TRIGGER stale_documents_insert AFTER INSERT ON documents BEGIN UPDATE resolution_state SET generation = generation + 1; END;
            CREATE TRIGGER stale_documents_update AFTER UPDATE ON documents BEGIN UPDATE resolution_state SET generation = generation + 1; END;
            CREATE TRIGGER stale_documents_delete AFTER DELETE ON documents BEGIN UPDATE resolution_state SET generation = generation + 1; END;
            CREATE TRIGGER stale_corrections AFTER INSERT ON entity_corrections BEGIN UPDATE resolution_state SET generation = generation + 1; END;
            CREATE TRIGGER stale_places_insert AFTER INSERT ON places BEGIN UPDATE resolution_state SET generation = generation + 1; END;
            CREATE TRIGGER stale_places_update AFTER UPDATE ON places BEGIN UPDATE resolution_state SET generation = generation + 1; END;
            """),
        (10, "event targets", """
            ALTER TABLE event_mentions ADD COLUMN targets TEXT NOT NULL DEFAULT '';
            """),
        (11, "entity model per document", """
            ALTER TABLE documents ADD COLUMN entity_model TEXT;
            """),
    ];
}
