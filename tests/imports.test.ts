import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkImports } from '../scripts/check-imports.js'

describe('import direction', () => {
  it('holds in this repository', () => {
    expect(checkImports()).toEqual([])
  })

  it('catches core importing server, core importing express, server importing workers, and a route importing core', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'hs-imports-'))
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
      writeFileSync(path.join(root, file), text)
    }
    for (const dir of ['app', 'server', 'workers', 'core', 'db']) mkdirSync(path.join(root, dir), { recursive: true })
    write('core/a.ts', "import { x } from '../server/app.js'\nimport express from 'express'\n")
    write('server/b.ts', "import { y } from '../workers/index.js'\n")
    write('app/routes/c.tsx', "import { z } from '../../core/identity/identity.service.js'\n")
    const rules = checkImports(root).map((v) => v.rule).sort()
    expect(rules).toEqual([
      'app reaches core only through *.server.ts files (or core/contracts)',
      'core must not import express',
      'core must not import server',
      'server must not import workers',
    ])
  })
})
