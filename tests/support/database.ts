import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import postgres from 'postgres'
import { createSql, type Sql } from '../../db/client.js'

/** A fresh database cloned from the migrated template: isolated per test file, dropped afterwards. */
export async function createTestDatabase(): Promise<{ sql: Sql; url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('adminDatabaseUrl')
  const template = inject('templateDatabase')
  const templatePid = template.replace('hs_template_', '')
  const name = `hs_t_${templatePid}_${randomBytes(5).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  // CREATE DATABASE ... TEMPLATE needs the template to have no open connections; retry briefly if busy.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database "${name}" template "${template}"`)
      break
    } catch (error) {
      if (attempt > 20) throw error
      await new Promise((r) => setTimeout(r, 100 + attempt * 50))
    }
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const sql = createSql(url.toString(), { max: 10, application: 'holdspace-test' })
  return {
    sql,
    url: url.toString(),
    drop: async () => {
      await sql.end({ timeout: 5 })
      await admin.unsafe(`drop database if exists "${name}" with (force)`)
      await admin.end()
    },
  }
}

/** An empty database (no migrations), for the migration tests themselves. */
export async function createEmptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('adminDatabaseUrl')
  const name = `hs_t_${inject('templateDatabase').replace('hs_template_', '')}_${randomBytes(5).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database "${name}"`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`)
      await admin.end()
    },
  }
}
