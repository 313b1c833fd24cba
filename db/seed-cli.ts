import { createSql } from './client.js'
import { seed } from './seed.js'

// The seed creates demo accounts with a published password: never on a real deployment (scripts/admin.ts is the way there).
if (process.env.NODE_ENV === 'production') {
  console.error(
    'db:seed refuses to run with NODE_ENV=production: it creates demo accounts with a published password (use `npm run admin -- create-admin` instead)',
  )
  process.exit(1)
}
const url = process.env.DATABASE_URL
if (!url) {
  console.error('DATABASE_URL is required to seed')
  process.exit(1)
}
const sql = createSql(url, { max: 1, application: 'holdspace-seed' })
try {
  console.log((await seed(sql)) ? 'seeded demo data' : 'accounts exist: seed skipped')
} finally {
  await sql.end()
}
