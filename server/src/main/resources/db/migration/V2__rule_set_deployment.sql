-- Rule-set deployment: what to do with waits in flight, when a version was activated, who did what, and which
-- version every server instance runs.
alter table rule_set_versions add column in_flight varchar(20) default 'continue' not null;
alter table rule_set_versions add column activated_at timestamp with time zone;

create table audit_log (
    id          bigint primary key,
    at          timestamp with time zone not null,
    actor       varchar(200) not null,
    action      varchar(40)  not null,
    target      varchar(200),
    detail      varchar(4000)
);
create index audit_log_at on audit_log (at);

create table server_instances (
    instance_id      varchar(100) primary key,
    rule_set_version bigint not null,
    activated_at     timestamp with time zone not null,
    seen_at          timestamp with time zone not null
);
