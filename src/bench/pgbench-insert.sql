-- pgbench reference for the ratings row: one single-row INSERT per transaction.
\set stars random(1, 5)
INSERT INTO bench_rating_insert (reader_id, stars, created_at) VALUES (md5(random()::text), :stars, now());
