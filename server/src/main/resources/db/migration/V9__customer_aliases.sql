-- Anonymous visitor ids an identify event linked to a known customer: their events route, replay and count as the
-- customer's from then on.
create table customer_aliases (
    anonymous_id varchar(200) primary key,
    customer_id  varchar(200) not null,
    linked_at    timestamp with time zone not null
);
create index customer_aliases_customer on customer_aliases (customer_id);
