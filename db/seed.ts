import argon2 from 'argon2'
import type { Sql } from './client.js'
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
  { slug: 'anxiety', language: 'en', title: 'Anxiety', description: 'For worry, panic and the feeling that something is about to go wrong.' },
  { slug: 'low-mood', language: 'en', title: 'Low mood', description: 'For heavy days, emptiness and feeling stuck.' },
  { slug: 'grief', language: 'en', title: 'Grief and loss', description: 'For anyone missing someone, recently or long ago.' },
  { slug: 'parenting', language: 'en', title: 'Parenting', description: 'For parents and carers who need a moment with people who understand.' },
  { slug: 'loneliness', language: 'en', title: 'Loneliness', description: 'For when there is nobody around to talk to.' },
  { slug: 'lek', language: 'pl', title: 'Lęk', description: 'O zamartwianiu się, panice i poczuciu, że zaraz stanie się coś złego.' },
  { slug: 'obnizony-nastroj', language: 'pl', title: 'Obniżony nastrój', description: 'Na ciężkie dni, pustkę i poczucie utknięcia.' },
  { slug: 'zaloba', language: 'pl', title: 'Żałoba i strata', description: 'Dla każdego, komu kogoś brakuje, niedawno lub od dawna.' },
  { slug: 'rodzicielstwo', language: 'pl', title: 'Rodzicielstwo', description: 'Dla rodziców i opiekunów, którzy potrzebują chwili z ludźmi, którzy rozumieją.' },
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
      if (row) await tx`insert into consents (account_id, kind, version) values (${row.id}, 'health_data_processing', 'seed')`
    }
    for (const room of SEED_ROOMS) {
      await tx`
        insert into rooms (slug, title, description, language, rules)
        values (${room.slug}, ${room.title}, ${room.description}, ${room.language}, ${RULES[room.language]})
        on conflict (slug) do nothing`
    }
  })
  return true
}
