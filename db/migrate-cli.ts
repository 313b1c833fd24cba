import { createSql } from './client.js'
import { migrate } from './migrate.js'

// Migrations take a session-level advisory lock: past a transaction pooler they need the direct URL.
const url = process.env.DATABASE_DIRECT_URL || process.env.DATABASE_URL
if (!url) {
  console.error('DATABASE_URL is required to migrate')
  process.exit(1)
}
const sql = createSql(url, { max: 1, application: 'holdspace-migrate' })
try {
  const { applied } = await migrate(sql)
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date')
} catch (error) {
  console.error(`migration failed: ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await sql.end()
}
