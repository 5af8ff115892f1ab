-- Postings are written in the workspace now: a description for the job page, and the questions
-- its application form asks (the one fixed question until now becomes every posting's first).
ALTER TABLE postings ADD COLUMN description text NOT NULL DEFAULT '';
ALTER TABLE postings ADD COLUMN questions text[] NOT NULL
    DEFAULT ARRAY['Why are you interested in this role?']::text[];
ALTER TABLE postings ADD CONSTRAINT postings_questions_count
    CHECK (cardinality(questions) BETWEEN 1 AND 10);
ALTER TABLE postings ADD CONSTRAINT postings_title_length CHECK (char_length(title) <= 200);
