-- TriggerForge schema, portable between H2 (embedded default) and PostgreSQL.

-- Every accepted event, in the order its partition processed it: the source for rebuilding sessions after a restart.
create table stored_events (
    event_id      varchar(200) primary key,
    customer_id   varchar(200) not null,
    type          varchar(64)  not null,
    occurred_at   timestamp with time zone not null,
    received_at   timestamp with time zone not null,
    partition_no  integer      not null,
    seq           bigint       not null,
    outcome       varchar(16)  not null,
    body          varchar      not null
);
create index stored_events_replay on stored_events (partition_no, seq);
create index stored_events_customer on stored_events (customer_id, occurred_at);
create index stored_events_received on stored_events (received_at);

create table customer_profiles (
    customer_id   varchar(200) primary key,
    version       bigint       not null,
    updated_at    timestamp with time zone not null,
    body          varchar      not null
);

-- The outbox: one row per email decision; the idempotency key is what makes a decision happen once.
create table sends (
    idempotency_key  varchar(300) primary key,
    customer_id      varchar(200) not null,
    rule_id          varchar(200) not null,
    template_id      varchar(200) not null,
    variant          varchar(100),
    rule_set_version bigint       not null,
    decided_at       timestamp with time zone not null,
    send_at          timestamp with time zone not null,
    status           varchar(16)  not null,
    attempts         integer      not null,
    next_attempt_at  timestamp with time zone not null,
    last_error       varchar(2000),
    provider         varchar(50),
    provider_message_id varchar(300),
    sent_at          timestamp with time zone,
    variables        varchar      not null,
    caused_by        varchar(2000) not null
);
create index sends_due on sends (status, next_attempt_at);
create index sends_customer on sends (customer_id, decided_at);

create table suppressions (
    suppression_key  varchar(300) primary key,
    customer_id      varchar(200) not null,
    rule_id          varchar(200) not null,
    at               timestamp with time zone not null,
    reason           varchar(40)  not null,
    detail           varchar(2000),
    caused_by        varchar(2000) not null
);
create index suppressions_customer on suppressions (customer_id, at);

create table rule_set_versions (
    version      bigint primary key,
    name         varchar(200) not null,
    author       varchar(200) not null,
    comment      varchar(2000),
    created_at   timestamp with time zone not null,
    active       boolean      not null,
    body         varchar      not null
);

create table experiments (
    experiment_id varchar(200) primary key,
    rule_id       varchar(200) not null,
    status        varchar(16)  not null,
    created_at    timestamp with time zone not null,
    body          varchar      not null
);

-- Which variant each customer got, the first time it was chosen: sticky and auditable.
create table experiment_assignments (
    experiment_id varchar(200) not null,
    customer_id   varchar(200) not null,
    variant       varchar(100) not null,
    assigned_at   timestamp with time zone not null,
    primary key (experiment_id, customer_id)
);
