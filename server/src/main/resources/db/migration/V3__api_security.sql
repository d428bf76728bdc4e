-- API users (BCrypt password hashes) and bearer tokens (SHA-256 of the token; the token itself is never stored).
create table api_users (
    username       varchar(100) primary key,
    password_hash  varchar(200) not null,
    role           varchar(20)  not null,
    created_at     timestamp with time zone not null
);

create table api_tokens (
    token_hash   varchar(64)  primary key,
    username     varchar(100) not null,
    role         varchar(20)  not null,
    description  varchar(200),
    created_at   timestamp with time zone not null
);
