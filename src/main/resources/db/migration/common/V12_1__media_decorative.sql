-- An image on a page may be marked decorative: it adds nothing a reader needs, carries no alt
-- text and is passed over by screen readers (alt=""). Every other item keeps its alt text rule.
alter table media_item add column decorative boolean default false not null;
