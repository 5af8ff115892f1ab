-- CSV imports (SPEC §11): the uploaded file while it waits to be checked, the rows the check
-- found with what applying each would do, and the import's own progress. One import runs one
-- phase at a time; `heartbeat_at` tells the page a phase whose server stopped.
CREATE TABLE imports (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    created_by    uuid NOT NULL REFERENCES users (id),
    file_name     text NOT NULL,
    file_bytes    bigint NOT NULL DEFAULT 0,
    status        text NOT NULL DEFAULT 'uploaded' CHECK (status IN (
                      'uploaded', 'checking', 'checked', 'refused', 'applying', 'applied')),
    -- Rows read so far in the current phase, and the file's rows once the check has read them.
    rows_done     integer NOT NULL DEFAULT 0,
    rows_total    integer,
    bytes_done    bigint NOT NULL DEFAULT 0,
    to_create     integer NOT NULL DEFAULT 0,
    to_update     integer NOT NULL DEFAULT 0,
    unchanged     integer NOT NULL DEFAULT 0,
    skipped       integer NOT NULL DEFAULT 0,
    -- Why the file was refused: line-numbered problems, as codes and values (no cell contents).
    problems      jsonb NOT NULL DEFAULT '[]',
    created_at    timestamptz NOT NULL DEFAULT now(),
    heartbeat_at  timestamptz NOT NULL DEFAULT now(),
    applied_at    timestamptz,
    -- The last line applied, so an apply a stopped server left resumes after it.
    applied_through integer NOT NULL DEFAULT 0
);
CREATE INDEX imports_recent ON imports (created_at DESC);

-- The upload in pieces of at most 1 MiB, read back in order by the check, then deleted.
CREATE TABLE import_chunks (
    import_id uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    seq       integer NOT NULL,
    bytes     bytea NOT NULL,
    PRIMARY KEY (import_id, seq)
);

-- One row per data line of a checked file: the line as parsed, and what applying it does. The
-- parsed line is personal data: it goes once the import is applied (a skip keeps its line and
-- reason) or a day after a check nobody applied.
CREATE TABLE import_rows (
    import_id uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    line      integer NOT NULL,
    verdict   text NOT NULL CHECK (verdict IN ('create', 'update', 'unchanged', 'skip')),
    reason    text,
    record    jsonb,
    PRIMARY KEY (import_id, line)
);
CREATE INDEX import_rows_skipped ON import_rows (import_id, line) WHERE verdict = 'skip';
