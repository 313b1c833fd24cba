import postgres from 'postgres'

export type Sql = postgres.Sql<Record<string, never>>
export type TransactionSql = postgres.TransactionSql<Record<string, never>>

/** One postgres.js pool per process. Notices are dropped: they carry nothing a user needs. */
export function createSql(
  databaseUrl: string,
  options: { max?: number; application?: string; prepare?: boolean } = {},
): Sql {
  return postgres(databaseUrl, {
    max: options.max ?? 10,
    // Off behind a transaction-mode pooler (PgBouncer), which cannot keep a prepared statement between transactions.
    prepare: options.prepare ?? true,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: options.application ?? 'holdspace' },
    transform: { undefined: null },
  }) as Sql
}
