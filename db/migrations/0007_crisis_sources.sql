-- Two more ways a crisis reaches the console: a member who said yes to the question shown after a mood
-- check-in or journal entry read as crisis-level ('self_care'; nothing is raised without that yes), and a
-- private message to a facilitator read as crisis-level ('direct_message').
alter table crisis_incidents drop constraint crisis_incidents_source_check;
alter table crisis_incidents add constraint crisis_incidents_source_check
  check (source in ('message', 'button', 'facilitator', 'report', 'self_care', 'direct_message'));
alter table crisis_signals drop constraint crisis_signals_source_check;
alter table crisis_signals add constraint crisis_signals_source_check
  check (source in ('message', 'button', 'facilitator', 'report', 'self_care', 'direct_message'));
