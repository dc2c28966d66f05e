-- Accounts, their roles and their sign-in sessions.

create sequence account_seq start with 1 increment by 50;
create table account (
    id                   bigint primary key,
    username             varchar(60)  not null unique,
    display_name         varchar(120) not null,
    email                varchar(254),
    password_hash        varchar(200) not null,
    profession           varchar(120),
    registration_number  varchar(60),
    enabled              boolean      not null,
    failed_sign_ins      integer      not null,
    locked_until         timestamp(6) with time zone,
    created_at           timestamp(6) with time zone not null,
    version              bigint       not null
);

create table account_role (
    account_id  bigint      not null references account (id) on delete cascade,
    role        varchar(32) not null,
    primary key (account_id, role)
);

create table account_session (
    token_hash   varchar(64) primary key,
    account_id   bigint      not null references account (id) on delete cascade,
    created_at   timestamp(6) with time zone not null,
    last_seen_at timestamp(6) with time zone not null,
    expires_at   timestamp(6) with time zone not null
);
create index account_session_account_idx on account_session (account_id);
create index account_session_expires_idx on account_session (expires_at);
