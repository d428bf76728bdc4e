-- Send-time enrichment: why a row was suppressed when it was about to be sent (out_of_stock), and where the stock
-- and prices it was checked against came from (fresh, cached, stale: provider timeout, values from ..., unavailable).
alter table sends add column reason varchar(64);
alter table sends add column enrichment varchar(300);
