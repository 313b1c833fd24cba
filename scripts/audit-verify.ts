/**
 * `tsx scripts/audit-verify.ts`: walks the audit log's hash chain from the first row and reports
 * the first row whose link or hash does not hold. Exit code 0 when intact, 1 when broken, 2 on error.
 */
import { pathToFileURL } from 'node:url'
import { createSql } from '../db/client.js'
import { verifyAuditChain } from '../core/audit/audit.service.js'

export async function runAuditVerify(
  databaseUrl: string,
  print: (line: string) => void = console.log,
): Promise<number> {
  const sql = createSql(databaseUrl, { max: 1, application: 'holdspace-audit-verify' })
  try {
    const report = await verifyAuditChain(sql)
    if (report.ok) {
      print(`audit log intact: ${report.rows} rows`)
      return 0
    }
    print(`audit log broken at row ${report.brokenAt} (${report.problem}); ${report.rows} rows before it verify`)
    return 1
  } finally {
    await sql.end({ timeout: 5 })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.DATABASE_URL
  if (!url) {
    console.error('Set DATABASE_URL to the database to verify')
    process.exit(2)
  }
  runAuditVerify(url).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`audit verification failed: ${(error as Error).message}`)
      process.exit(2)
    },
  )
}
