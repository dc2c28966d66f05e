-- Adds published pages bench-page-:first .. bench-page-:last straight into the page table.
-- One page in a hundred is inside the review reminder window (due between 100 days ago and 60
-- days ahead, so the scan queues reminders and withdraws some); the others are due 61 days or
-- more ahead. Ids start at 1e9 so they never meet the sequence Hibernate uses.
\set ON_ERROR_STOP on
insert into page (id, slug, topic_id, title, summary, body_markdown, body_html, risk_tier, owner,
                  comment_policy, status, last_reviewed_on, next_review_due, effective_review_due,
                  reviewed_by_name, reviewed_by_profession, created_at, updated_at, published_at,
                  content_hash, version, working_revision, latest_revision, live_revision, reviewed_revision)
select 1000000000 + g,
       'bench-page-' || g,
       (select array_agg(id order by id) from topic)[1 + g % (select count(*) from topic)],
       'Bench page ' || g,
       'A generated page used by the benchmark.',
       E'Some gentle advice for page ' || g || E'.\n\n## When to get help\n\nSee a GP if the pain gets worse.\n',
       '<p>Some gentle advice for page ' || g || '.</p><h2 id="when-to-get-help">When to get help</h2><p>See a GP if the pain gets worse.</p>',
       'STANDARD',
       'bench-team-' || ((g / 100) % 50),
       'CLOSED',
       'PUBLISHED',
       d.due - 730,
       d.due,
       d.due,
       'Bench Reviewer',
       'Physiotherapist',
       now(), now(), now(),
       md5(g::text) || md5((g + 1)::text),
       0, 1, 1, 1, 1
from generate_series(:first, :last) g
cross join lateral (select case when g % 100 = 0 then current_date - 100 + ((g / 100) % 161)
                                else current_date + 61 + (g % 1000) end as due) d;
analyze page;
