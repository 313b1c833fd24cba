import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * The build step of `npm start` (scripts/remix-build.ts → scripts/remix-compile.mjs), run as `npm start` runs it,
 * in a copy of the app so the shared build/ is untouched. A newcomer must see no esbuild goroutine dump and no
 * deprecation noise: the build prints nothing unless it fails.
 */
const copy = mkdtempSync(path.resolve('.data/test/remix-build-'))
afterAll(() => rmSync(copy, { recursive: true, force: true }))

describe('the web app build under npm start', () => {
  it('builds the server and browser bundles and prints nothing at all', async () => {
    for (const entry of [
      'app',
      'core',
      'db',
      'public',
      'remix.config.js',
      'remix.env.d.ts',
      'package.json',
      'tsconfig.json',
    ]) {
      cpSync(entry, path.join(copy, entry), {
        recursive: true,
        filter: (src) => !src.includes(`${path.sep}public${path.sep}build`),
      })
    }
    symlinkSync(path.resolve('node_modules'), path.join(copy, 'node_modules'))
    const script = `import { ensureRemixBuild } from ${JSON.stringify(path.resolve('scripts/remix-build.ts'))}; ensureRemixBuild(${JSON.stringify(copy)})`
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { NODE_ENV: 'development', PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c))
    child.stderr.on('data', (c: Buffer) => (output += c))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(0)
    expect(existsSync(path.join(copy, 'build/index.js'))).toBe(true)
    expect(existsSync(path.join(copy, 'build/version.txt'))).toBe(true)
    expect(output).not.toMatch(/goroutine|deadlock|fatal error/)
    expect(output).toBe('')
  }, 180_000)
})
