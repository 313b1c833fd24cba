import { createSql } from './client.js'
import { seed } from './seed.js'

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
