-- Deleting a co-facilitator's account leaves the group with its lead facilitator. (A lead facilitator's account
-- cannot be deleted while they lead a group: the service refuses with LEADS_GROUPS before anything changes.)
alter table groups drop constraint groups_co_facilitator_id_fkey;
alter table groups add constraint groups_co_facilitator_id_fkey
  foreign key (co_facilitator_id) references accounts (id) on delete set null;
