import argon2 from 'argon2'
import type { Sql, TransactionSql } from './client.js'
import { createHash } from 'node:crypto'

/** Demo sign-ins printed by `npm start`. Development only: production never runs the seed. */
export const DEMO_PASSWORD = 'holdspace-demo'
export const DEMO_ACCOUNTS = [
  { email: 'member@holdspace.local', username: 'demo-member', role: 'member' },
  { email: 'facilitator@holdspace.local', username: 'demo-facilitator', role: 'facilitator' },
  { email: 'clinician@holdspace.local', username: 'demo-clinician', role: 'clinician' },
  { email: 'admin@holdspace.local', username: 'demo-admin', role: 'admin' },
] as const

export const SEED_ROOMS = [
  {
    slug: 'anxiety',
    language: 'en',
    title: 'Anxiety',
    description: 'For worry, panic and the feeling that something is about to go wrong.',
  },
  { slug: 'low-mood', language: 'en', title: 'Low mood', description: 'For heavy days, emptiness and feeling stuck.' },
  {
    slug: 'grief',
    language: 'en',
    title: 'Grief and loss',
    description: 'For anyone missing someone, recently or long ago.',
  },
  {
    slug: 'parenting',
    language: 'en',
    title: 'Parenting',
    description: 'For parents and carers who need a moment with people who understand.',
  },
  {
    slug: 'loneliness',
    language: 'en',
    title: 'Loneliness',
    description: 'For when there is nobody around to talk to.',
  },
  {
    slug: 'lek',
    language: 'pl',
    title: 'Lęk',
    description: 'O zamartwianiu się, panice i poczuciu, że zaraz stanie się coś złego.',
  },
  {
    slug: 'obnizony-nastroj',
    language: 'pl',
    title: 'Obniżony nastrój',
    description: 'Na ciężkie dni, pustkę i poczucie utknięcia.',
  },
  {
    slug: 'zaloba',
    language: 'pl',
    title: 'Żałoba i strata',
    description: 'Dla każdego, komu kogoś brakuje, niedawno lub od dawna.',
  },
  {
    slug: 'rodzicielstwo',
    language: 'pl',
    title: 'Rodzicielstwo',
    description: 'Dla rodziców i opiekunów, którzy potrzebują chwili z ludźmi, którzy rozumieją.',
  },
  { slug: 'samotnosc', language: 'pl', title: 'Samotność', description: 'Na chwile, gdy nie ma z kim porozmawiać.' },
] as const

const RULES = {
  en: 'Be kind. Use a pseudonym and share nothing that identifies you or anyone else. No advice about medication or methods of self-harm. What is said here stays here. If you may be in danger, press "I need help now".',
  pl: 'Bądź życzliwy. Używaj pseudonimu i nie podawaj niczego, co identyfikuje Ciebie lub kogoś innego. Żadnych porad o lekach ani sposobach samookaleczenia. To, co tu powiedziane, zostaje tutaj. Jeśli możesz być w niebezpieczeństwie, naciśnij „Potrzebuję pomocy teraz”.',
}

/** Seeds demo data once: it does nothing when any account exists. Returns whether it seeded. */
export async function seed(sql: Sql): Promise<boolean> {
  const [{ count }] = await sql<{ count: number }[]>`select count(*)::int as count from accounts`
  if (count > 0) return false
  const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id })
  await sql.begin(async (tx) => {
    for (const account of DEMO_ACCOUNTS) {
      const recovery = createHash('sha256').update(`demo-recovery:${account.username}`).digest()
      const [row] = await tx<{ id: string }[]>`
        insert into accounts (kind, email, username, password_hash, recovery_code_hash, role)
        values ('registered', ${account.email}, ${account.username}, ${passwordHash}, ${recovery}, ${account.role})
        on conflict do nothing returning id`
      if (row)
        await tx`insert into consents (account_id, kind, version) values (${row.id}, 'health_data_processing', 'seed')`
    }
    for (const room of SEED_ROOMS) {
      await tx`
        insert into rooms (slug, title, description, language, rules)
        values (${room.slug}, ${room.title}, ${room.description}, ${room.language}, ${RULES[room.language]})
        on conflict (slug) do nothing`
    }
    // The demo facilitator looks after every seeded room (facilitators moderate only rooms assigned to them).
    await tx`
      insert into room_facilitators (room_id, account_id)
      select r.id, a.id from rooms r cross join accounts a where a.username = 'demo-facilitator'
      on conflict do nothing`
    await seedCrisisOnCall(tx)
    await seedGroups(tx)
  })
  return true
}

/** Crisis on-call: a daily rotation with the demo clinician, and the default policy (on-call 5 min, then the admin). */
async function seedCrisisOnCall(tx: TransactionSql) {
  const [schedule] = await tx<{ id: string }[]>`
    insert into oncall_schedules (name, time_zone, handoff_time, shift_hours, starts_on)
    values ('Clinicians', 'Europe/Warsaw', '09:00', 24, current_date) returning id`
  await tx`
    insert into oncall_rotation_members (schedule_id, position, account_id)
    select ${schedule!.id}, 0, id from accounts where username = 'demo-clinician'`
  const [policy] = await tx<{ id: string }[]>`
    insert into escalation_policies (name, repeats, supervisor_account_id, retrigger_minutes, is_default)
    select 'Default', 1, id, 30, true from accounts where username = 'demo-admin' returning id`
  await tx`insert into escalation_levels (policy_id, position, ack_timeout_minutes) values (${policy!.id}, 0, 5)`
  await tx`insert into escalation_targets (policy_id, position, schedule_id) values (${policy!.id}, 0, ${schedule!.id})`
}

/**
 * Groups: the demo facilitator with a verified licence, leading one weekly English and one weekly Polish group.
 * Sessions are materialized by the workers' groups:materialize job (it runs at start).
 */
async function seedGroups(tx: TransactionSql) {
  await tx`
    insert into facilitator_profiles (account_id, display_name, education, experience, approach, languages, licence_number,
                                      licence_jurisdiction, verified_at, verified_by)
    select f.id, 'Dr Maja Demo', 'MA in Clinical Psychology', 'Twelve years of group therapy in community mental health',
           'Cognitive behavioural, compassion-focused', array['en', 'pl'], 'PSY-DEMO-0001', 'Poland (demo)', now(), a.id
    from accounts f, accounts a where f.username = 'demo-facilitator' and a.username = 'demo-admin'`
  const groups = [
    {
      title: 'Evening circle for low mood',
      topic: 'Low mood',
      language: 'en',
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      time: '18:00',
      description: 'A small weekly group to talk about heavy days and try one small step together.',
      intake: 'What would you like to get from the group?',
    },
    {
      title: 'Wieczorny krąg: lęk',
      topic: 'Lęk',
      language: 'pl',
      rrule: 'FREQ=WEEKLY;BYDAY=TH',
      time: '19:00',
      description: 'Mała cotygodniowa grupa o lęku i o tym, co pomaga.',
      intake: 'Czego oczekujesz od spotkań grupy?',
    },
  ]
  for (const g of groups) {
    await tx`
      insert into groups (title, description, topic, language, facilitator_id, capacity, rrule, time_zone, first_start_local,
                          duration_minutes, intake_question)
      select ${g.title}, ${g.description}, ${g.topic}, ${g.language}, id, 8, ${g.rrule}, 'Europe/Warsaw',
             (current_date::text || ' ' || ${g.time})::timestamp, 75, ${g.intake}
      from accounts where username = 'demo-facilitator'`
  }
}
