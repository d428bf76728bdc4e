-- Adaptive optimization. Each send keeps why a model chose its variant or its time (JSON: segment, every variant's
-- probability, reasons), shown in the customer's timeline and used for off-policy estimates; the segment has a column
-- of its own so the learner can count by it. Each learning period has one policy for all instances: the first to
-- store it wins (primary key), the others read it back.
alter table sends add column explanation varchar;
alter table sends add column segment varchar(120);
create table optimization_policies (
    period_start timestamp with time zone primary key,
    snapshot     varchar                  not null,
    computed_by  varchar(200)             not null,
    computed_at  timestamp with time zone not null
);
