-- A sign-up with an email waits here until the link emailed to that address is opened (docs/decisions/026).
-- The notifications worker decides what the email says: a confirmation link for a new address, or a notice to the
-- owner of an existing account. No account exists until the link is used; the row is deleted then (single use).
create table signup_requests (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email)),
  -- Cleared when the address already has an account (the request only sends that owner a notice).
  password_hash text,
  locale text not null check (locale in ('en', 'pl')),
  country text,
  consent_version text not null,
  -- SHA-256 of the emailed link's token, set by the worker that sends it.
  token_hash bytea unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  sent_at timestamptz
);
create index signup_requests_expires_idx on signup_requests (expires_at);
