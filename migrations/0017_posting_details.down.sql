ALTER TABLE postings DROP CONSTRAINT postings_title_length;
ALTER TABLE postings DROP CONSTRAINT postings_questions_count;
ALTER TABLE postings DROP COLUMN questions;
ALTER TABLE postings DROP COLUMN description;
