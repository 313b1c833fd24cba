/**
 * `npm run backup [-- --out <dir>]`: the database (every table, db/backup.ts) and the uploaded files (UPLOADS_DIR or
 * the S3 bucket) into one folder, by default .data/backups/holdspace-<UTC time>, with manifest.json listing the
 * migration versions, each table's row count and each file's SHA-256. The folder holds personal data (identity
 * data and journals stay encrypted with ENCRYPTION_KEY, which is NOT in it): keep it as safe as the database.
 * docs/operations.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createSql } from '../db/client.js'
import { dumpDatabase } from '../db/backup.js'
import { backupFiles } from './backup-files.js'

export const BACKUP_FORMAT = 'holdspace-backup/1'

async function main(): Promise<number> {
  let out: string | undefined
  try {
    out = parseArgs({ options: { out: { type: 'string' } }, strict: true }).values.out
  } catch (error) {
    console.error(`backup: ${(error as Error).message.split('\n')[0]} (usage: npm run backup -- [--out <dir>])`)
    return 2
  }
  const url = process.env.DATABASE_URL
  if (!url) {
    console.error('backup: DATABASE_URL is required')
    return 1
  }
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  const dir = path.resolve(out ?? path.join('.data/backups', `holdspace-${stamp}`))
  mkdirSync(path.join(dir, 'database'), { recursive: true, mode: 0o700 })
  const sql = createSql(url, { max: 1, application: 'holdspace-backup' })
  try {
    const database = await dumpDatabase(sql, path.join(dir, 'database'))
    const files = await backupFiles(process.env, path.join(dir, 'files'))
    const manifest = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), database, files }
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2), { mode: 0o600 })
    const rows = database.tables.reduce((n, t) => n + t.rows, 0)
    console.log(
      `backup written to ${dir}: ${database.tables.length} tables, ${rows} rows, ${files.objects.length} files (${files.storage})`,
    )
    return 0
  } catch (error) {
    console.error(`backup failed: ${(error as Error).message.split('\n')[0]}`)
    return 1
  } finally {
    await sql.end({ timeout: 5 })
  }
}

process.exitCode = await main()
