import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from './en'
import { pl } from './pl'
import { negotiateLocale, translate, translateError } from './i18n'
import { ERROR_CODES } from '../../core/contracts/errors.js'

describe('translations', () => {
  it('has every English key in Polish, translated (not copied) where the text is more than a name', () => {
    expect(Object.keys(pl).sort()).toEqual(Object.keys(en).sort())
    const same = Object.keys(en).filter((k) => en[k as keyof typeof en] === pl[k as keyof typeof pl])
    // The product's name, and 'Menu', which is the same word in Polish.
    expect(same.sort()).toEqual(['app.name', 'nav.menu'])
  })

  it('has a message for every error code a client can receive', () => {
    for (const code of ERROR_CODES) {
      expect(`error.${code}` in en, code).toBe(true)
      expect(translateError('pl', code)).toBe(pl[`error.${code}` as keyof typeof pl])
    }
    expect(translateError('en', 'no_such_code')).toBe(translate('en', 'error.VALIDATION_FAILED'))
  })

  it('uses only keys that exist', () => {
    const files: string[] = []
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(full)
        else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) files.push(full)
      }
    }
    walk('app')
    for (const file of files) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z.]+)'/g)) {
        expect(key! in en, `${file} uses unknown key ${key}`).toBe(true)
      }
    }
  })

  it('picks the explicit choice, then the browser language, then English', () => {
    expect(negotiateLocale('pl', 'en-GB')).toBe('pl')
    expect(negotiateLocale(undefined, 'de-DE,pl;q=0.8,en;q=0.5')).toBe('pl')
    expect(negotiateLocale('xx', 'fr-FR')).toBe('en')
  })
})
