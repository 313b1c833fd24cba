-- The member's country (ISO 3166-1 alpha-2; 'ZZ' = "another country", CLDR's code for an unknown region). It chooses
-- the crisis lines everywhere (core/crisis/crisis-lines.ts memberCountry). Taken from the browser's language region
-- at sign-up (or at the next sign-in of an account made before this column), changeable in account settings;
-- null until then (the browser region or the language decides meanwhile).
alter table accounts add column country text check (country ~ '^[A-Z]{2}$');
