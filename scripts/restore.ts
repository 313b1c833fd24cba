/**
 * `npm run restore -- <backup folder>`: the database and the uploaded files from `npm run backup`, into an empty
 * database (a new one, or one whose schema was dropped) and UPLOADS_DIR or the S3 bucket. Stop server and workers
 * first. The database part is one transaction checked row count by row count; files are checked by SHA-256.
 * Use the same release, and the same ENCRYPTION_KEY, as when the backup was made. docs/operations.md.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createSql } from '../db/client.js'
import { RestoreError, restoreDatabase } from '../db/backup.js'
import { restoreFiles } from './backup-files.js'

async function main(): Promise<number> {
  const [from, ...extra] = process.argv.slice(2)
  if (!from || extra.length || from.startsWith('-')) {
    console.error('restore: usage: npm run restore -- <backup folder>')
    return 2
  }
  const dir = path.resolve(from)
  const manifestFile = path.join(dir, 'manifest.json')
  if (!existsSync(manifestFile)) {
    console.error(`restore: ${dir} has no manifest.json: not a backup made by npm run backup`)
    return 1
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'))
  if (manifest.format !== 'holdspace-backup/1') {
    console.error(`restore: unknown backup format ${String(manifest.format)}`)
    return 1
  }
  const url = process.env.DATABASE_URL
  if (!url) {
    console.error('restore: DATABASE_URL is required')
    return 1
  }
  const sql = createSql(url, { max: 1, application: 'holdspace-restore' })
  try {
    await restoreDatabase(sql, path.join(dir, 'database'), manifest.database)
    const files = await restoreFiles(process.env, path.join(dir, 'files'), manifest.files)
    const rows = (manifest.database.tables as { rows: number }[]).reduce((n, t) => n + t.rows, 0)
    console.log(`restored from ${dir}: ${manifest.database.tables.length} tables, ${rows} rows, ${files} files`)
    return 0
  } catch (error) {
    console.error(
      `restore ${error instanceof RestoreError ? 'refused' : 'failed'}: ${(error as Error).message.split('\n')[0]}`,
    )
    return 1
  } finally {
    await sql.end({ timeout: 5 })
  }
}

process.exitCode = await main()
