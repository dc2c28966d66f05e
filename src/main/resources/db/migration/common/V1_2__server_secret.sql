-- Secrets every node of a cluster must share (cookie signatures, CSRF tokens).
create table server_secret (
    name        varchar(60)  primary key,
    secret      varchar(200) not null,
    created_at  timestamp(6) with time zone not null
);
