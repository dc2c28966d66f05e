-- Readers following a topic by e-mail. A row exists only once the reader has confirmed: pending
-- sign-ups live in their signed confirmation links, never here.

create sequence topic_subscription_seq start with 1 increment by 50;
create table topic_subscription (
    id            bigint primary key,
    email         varchar(254) not null,
    topic_id      bigint       not null references topic (id) on delete cascade,
    confirmed_at  timestamp(6) with time zone not null,
    unique (email, topic_id)
);
create index topic_subscription_topic_idx on topic_subscription (topic_id, confirmed_at);
