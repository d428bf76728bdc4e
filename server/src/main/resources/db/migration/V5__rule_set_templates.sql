-- Email templates uploaded with a rule-set version (JSON: id -> subject, html, text); they override the built-in ones
-- of the same id while the version is active.
alter table rule_set_versions add column templates varchar;
