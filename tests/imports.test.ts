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
    const rules = checkImports(root)
      .map((v) => v.rule)
      .sort()
    expect(rules).toEqual([
      'app reaches core only through *.server.ts files (or core/contracts)',
      'core must not import express',
      'core must not import server',
      'server must not import workers',
    ])
  })

  it('catches a slice importing one above it, a slice importing the composition root, the platform importing a slice, and an unlisted folder', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'hs-slices-'))
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
      writeFileSync(path.join(root, file), text)
    }
    for (const dir of ['app', 'server', 'workers', 'core', 'db']) mkdirSync(path.join(root, dir), { recursive: true })
    write('core/identity/identity.service.ts', "import { selectCrisisExport } from '../crisis/crisis.queries.js'\n")
    write('core/chat/chat.service.ts', "import { composeCore } from '../composition/index.js'\n")
    write('core/outbox/outbox.queries.ts', "import { x } from '../groups/groups.queries.js'\n")
    write('core/wellbeing/wellbeing.service.ts', "import { y } from '../identity/identity.schema.js'\n")
    // Allowed: downward, the platform, the kernel, and the composition root importing anything.
    write(
      'core/crisis/crisis.service.ts',
      "import { a } from '../chat/chat.queries.js'\nimport { b } from '../outbox/outbox.queries.js'\nimport { c } from '../deps.js'\n",
    )
    write('core/composition/index.ts', "import { d } from '../admin/admin.service.js'\n")
    write('core/runtime.ts', "import { composeCore } from './composition/index.js'\n")
    const found = checkImports(root)
      .map((v) => `${v.file}: ${v.rule}`)
      .sort()
    expect(found).toEqual([
      'core/chat/chat.service.ts: core/chat must not import core/composition',
      'core/identity/identity.service.ts: core/identity must not import core/crisis (slice order)',
      'core/outbox/outbox.queries.ts: core/outbox (platform) must not import the groups slice',
      'core/wellbeing/wellbeing.service.ts: core/wellbeing is in neither CORE_PLATFORM nor SLICE_ORDER (scripts/check-imports.ts)',
    ])
  })
})
