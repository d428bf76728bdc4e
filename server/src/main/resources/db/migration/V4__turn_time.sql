-- The wall time of the partition turn that processed each event, so a rebuild replays turn by turn exactly as the
-- events were processed (waits that fell due during a turn fire at its end, after all of its events).
alter table stored_events add column turn_at timestamp with time zone;
