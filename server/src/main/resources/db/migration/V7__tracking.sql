-- Addresses the dispatcher no longer sends to: a provider reported a hard bounce or a complaint for them.
create table blocked_addresses (
    address    varchar(320) primary key,
    reason     varchar(32)  not null,
    send_id    varchar(300),
    blocked_at timestamp with time zone not null
);

-- Provider webhooks name a send by the provider's own message id.
create index sends_provider_message on sends (provider_message_id);
