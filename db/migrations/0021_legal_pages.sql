-- Privacy notice and terms (issue 18): their text per language, edited by admins at /admin/legal. A missing row means
-- the default text shipped in core/legal/legal.defaults.ts (version 1); each save bumps the version.
create table legal_pages (
  kind text not null check (kind in ('privacy', 'terms')),
  locale text not null check (locale in ('en', 'pl')),
  body text not null check (length(body) between 1 and 50000),
  version integer not null check (version > 1),
  updated_at timestamptz not null default now(),
  updated_by uuid references accounts (id) on delete set null,
  primary key (kind, locale)
);

-- What a member accepted at sign-up: the age confirmation and the terms and privacy notice, when and which versions
-- (e.g. "terms:1,privacy:1"). Null for accounts made before this migration.
alter table accounts add column terms_accepted_at timestamptz;
alter table accounts add column terms_version text check (length(terms_version) <= 100);
-- A registered sign-up accepts at the request; the account is made when the emailed link is used.
alter table signup_requests add column terms_version text check (length(terms_version) <= 100);
