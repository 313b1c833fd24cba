import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { HttpClient, startTestServer } from '../tests/support/http.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator, type TestAccount } from '../tests/support/groups.js'

/**
 * Homework and the libraries over HTTP, as browsers use them: forms without JavaScript, multipart uploads (also
 * streamed without a length, as a slow client would send them), downloads with ranges. Whoever is outside a
 * group finds nothing; refused uploads leave no row and no file.
 */
const MAX_BYTES = 20_000
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let uploadsDir: string
let lead: TestAccount
let member: TestAccount
let otherMember: TestAccount
let outsider: TestAccount
let otherFacilitator: TestAccount
let groupId: string

const pdfBytes = (size = 6000) => {
  const head = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n')
  return Buffer.concat([head, randomBytes(size - head.length - 7), Buffer.from('\n%%EOF\n')])
}
const exeBytes = () =>
  Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), randomBytes(2000)])

beforeAll(async () => {
  uploadsDir = await mkdtemp(path.join(tmpdir(), 'holdspace-pages-uploads-'))
  deps = await createTestDeps({ UPLOADS_DIR: uploadsDir, RESOURCE_MAX_BYTES: String(MAX_BYTES) })
  server = await startTestServer(deps)
  lead = await makeVerifiedFacilitator(deps, 'Dr Library')
  otherFacilitator = await makeVerifiedFacilitator(deps, 'Dr Elsewhere')
  member = await makeAccount(deps)
  otherMember = await makeAccount(deps)
  outsider = await makeAccount(deps)
  groupId = await makeGroup(deps, lead, { title: 'Reading circle' })
  await enrol(deps, lead, groupId, member, 'Heron')
  await enrol(deps, lead, groupId, otherMember, 'Crane')
  const otherGroup = await makeGroup(deps, otherFacilitator, { title: 'Other circle' })
  await enrol(deps, otherFacilitator, otherGroup, outsider, 'Sparrow')
})
afterAll(async () => {
  await server?.close()
  await deps?.close()
  if (uploadsDir) await rm(uploadsDir, { recursive: true, force: true })
})

const browserFor = (person: TestAccount | null) => HttpClient.as(server.baseUrl, person)

const storedFiles = async () =>
  (await readdir(uploadsDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length
const resourceRows = async () =>
  (await deps.sql<{ n: number }[]>`select count(*)::int as n from library_resources`)[0]!.n

/** A multipart upload as a browser form sends it: csrf first, then the fields, then the file. */
async function upload(
  client: HttpClient,
  pagePath: string,
  file: { bytes: Buffer; name: string; type: string },
  fields: Record<string, string> = { title: 'A recording', description: '' },
  options: { csrf?: string | null; streamed?: boolean; accept?: string } = {},
) {
  if (!client.cookies.has('hs_csrf')) await client.get('/')
  const form = new FormData()
  const csrf = options.csrf === undefined ? client.csrf() : options.csrf
  if (csrf !== null) form.append('csrf', csrf)
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
  const encoded = new Response(form)
  const contentType = encoded.headers.get('content-type')!
  const bytes = new Uint8Array(await encoded.arrayBuffer())
  // Streamed: no Content-Length, 1 KB at a time, so the size limit must hold while the body arrives.
  const body = options.streamed
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 1024) controller.enqueue(bytes.slice(i, i + 1024))
          controller.close()
        },
      })
    : bytes
  return fetch(server.baseUrl + pagePath, {
    method: 'POST',
    body,
    duplex: 'half',
    headers: {
      cookie: client.cookieHeader(),
      'content-type': contentType,
      ...client.formHeaders(),
      ...(options.accept ? { accept: options.accept } : {}),
    },
    redirect: 'manual',
  } as RequestInit)
}

const fileLinks = (html: string) => [...html.matchAll(/href="(\/library\/files\/[0-9a-f-]{36})"/g)].map((m) => m[1]!)

describe('group library', () => {
  it('takes a facilitator upload, shows it to members, and serves the exact bytes with ranges', async () => {
    const f = browserFor(lead)
    const bytes = pdfBytes()
    const created = await upload(
      f,
      `/groups/${groupId}/library`,
      { bytes, name: 'Sleep – guide (v2).pdf', type: 'application/pdf' },
      { title: 'Sleep guide', description: 'Notes from week two' },
    )
    expect(created.status).toBe(201)
    expect(await created.text()).toContain('Added to the library.')

    const m = browserFor(member)
    const page = await m.page(`/groups/${groupId}/library`)
    expect(page.response.status).toBe(200)
    expect(page.html).toContain('Sleep guide')
    expect(page.html).not.toContain('Upload file')
    const [href] = fileLinks(page.html)
    expect(href).toBeDefined()

    const download = await m.get(href!)
    expect(download.status).toBe(200)
    expect(download.headers.get('content-type')).toBe('application/pdf')
    expect(download.headers.get('x-content-type-options')).toBe('nosniff')
    expect(download.headers.get('cache-control')).toContain('private, no-store')
    expect(download.headers.get('content-disposition')).toBe(
      `inline; filename="Sleep _ guide (v2).pdf"; filename*=UTF-8''Sleep%20%E2%80%93%20guide%20%28v2%29.pdf`,
    )
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true)

    const part = await m.get(href!, { range: 'bytes=100-199' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`)
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true)
    const tail = await m.get(href!, { range: 'bytes=-10' })
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 10))).toBe(true)

    const beyond = await m.get(href!, { range: `bytes=${bytes.length}-` })
    expect(beyond.status).toBe(416)
    expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes.length}`)

    // Outside the group, the file does not exist — the same answer as for an id that was never used.
    const missing = await m.get('/library/files/00000000-0000-4000-8000-000000000000')
    for (const stranger of [outsider, otherFacilitator]) {
      const refused = await browserFor(stranger).get(href!)
      expect(refused.status).toBe(404)
      expect(await refused.text()).toBe(await missing.clone().text())
    }
    expect(missing.status).toBe(404)
    const signedOut = await browserFor(null).get(href!)
    expect(signedOut.status).toBe(302)
    expect(signedOut.headers.get('location')).toMatch(/^\/signin\?next=/)
    expect((await browserFor(outsider).get(`/groups/${groupId}/library`)).status).toBe(404)
  })

  it('takes a file whose name holds = ; and quotes, shows the name escaped, and never logs it', async () => {
    const f = browserFor(lead)
    const bytes = pdfBytes()
    const name = 'a=b "c" ;d.pdf'
    // FormData encodes the name as browsers do: filename="a=b %22c%22 ;d.pdf"
    const created = await upload(
      f,
      `/groups/${groupId}/library`,
      { bytes, name, type: 'application/pdf' },
      { title: 'Odd name', description: '' },
    )
    expect(created.status).toBe(201)
    const page = await browserFor(member).page(`/groups/${groupId}/library`)
    expect(page.html).toContain('a=b &quot;c&quot; ;d.pdf')
    const rows = await deps.sql<{ id: string }[]>`select id from library_resources where file_name = ${name}`
    expect(rows).toHaveLength(1)
    const download = await browserFor(member).get(`/library/files/${rows[0]!.id}`)
    expect(download.headers.get('content-disposition')).toBe(
      `inline; filename="a=b _c_ ;d.pdf"; filename*=UTF-8''a%3Db%20%22c%22%20%3Bd.pdf`,
    )
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true)
    expect(deps.logLines.filter((l) => l.includes('a=b') || l.includes('d.pdf'))).toEqual([])
  })

  it('refuses uploads that are too large, of the wrong type, or from the wrong people, leaving nothing behind', async () => {
    const f = browserFor(lead)
    const rows = await resourceRows()
    const files = await storedFiles()
    const pagePath = `/groups/${groupId}/library`

    const tooLarge = await upload(
      f,
      pagePath,
      { bytes: pdfBytes(MAX_BYTES + 5000), name: 'big.pdf', type: 'application/pdf' },
      undefined,
      { streamed: true },
    )
    expect(tooLarge.status).toBe(413)
    expect(await tooLarge.text()).toContain('That file is too large.')

    const renamed = await upload(f, pagePath, { bytes: exeBytes(), name: 'report.pdf', type: 'application/pdf' })
    expect(renamed.status).toBe(415)
    expect(await renamed.text()).toContain('That kind of file cannot be uploaded')
    const html = await upload(f, pagePath, {
      bytes: Buffer.from('<script>alert(1)</script>'),
      name: 'page.html',
      type: 'text/html',
    })
    expect(html.status).toBe(415)

    const noCsrf = await upload(f, pagePath, { bytes: pdfBytes(), name: 'a.pdf', type: 'application/pdf' }, undefined, {
      csrf: null,
    })
    expect(noCsrf.status).toBe(403)
    const noTitle = await upload(
      f,
      pagePath,
      { bytes: pdfBytes(), name: 'a.pdf', type: 'application/pdf' },
      { title: '', description: '' },
    )
    expect(noTitle.status).toBe(422)

    expect(
      (await upload(browserFor(member), pagePath, { bytes: pdfBytes(), name: 'a.pdf', type: 'application/pdf' }))
        .status,
    ).toBe(403)
    expect(
      (await upload(browserFor(outsider), pagePath, { bytes: pdfBytes(), name: 'a.pdf', type: 'application/pdf' }))
        .status,
    ).toBe(404)
    expect(
      (
        await upload(browserFor(otherFacilitator), pagePath, {
          bytes: pdfBytes(),
          name: 'a.pdf',
          type: 'application/pdf',
        })
      ).status,
    ).toBe(404)
    const signedOut = await upload(browserFor(null), pagePath, {
      bytes: pdfBytes(),
      name: 'a.pdf',
      type: 'application/pdf',
    })
    expect(signedOut.status).toBe(302)
    expect(signedOut.headers.get('location')).toMatch(/^\/signin/)

    expect(await resourceRows()).toBe(rows)
    expect(await storedFiles()).toBe(files)
  })

  it('answers the page script in JSON, with the same checks', async () => {
    const f = browserFor(lead)
    const url = `/library/upload?group=${groupId}`
    const ok = await upload(
      f,
      url,
      { bytes: pdfBytes(), name: 'x.pdf', type: 'application/pdf' },
      { title: 'Worksheet', description: '' },
      { accept: 'application/json' },
    )
    expect(ok.status).toBe(201)
    expect(await ok.json()).toEqual({ ok: true, notice: 'library.notice.added' })
    const big = await upload(
      f,
      url,
      { bytes: pdfBytes(MAX_BYTES * 2), name: 'x.pdf', type: 'application/pdf' },
      undefined,
      { accept: 'application/json' },
    )
    expect(big.status).toBe(413)
    expect(await big.json()).toMatchObject({ ok: false, formError: 'FILE_TOO_LARGE' })
    const stranger = await upload(
      browserFor(outsider),
      url,
      { bytes: pdfBytes(), name: 'x.pdf', type: 'application/pdf' },
      undefined,
      { accept: 'application/json' },
    )
    expect(stranger.status).toBe(404)
  })

  it('adds links (http and https only) and readings shown as plain text, and lets the uploader delete', async () => {
    const f = browserFor(lead)
    const pagePath = `/groups/${groupId}/library`
    expect(
      (await f.post(pagePath, { intent: 'add-link', title: 'Bad link', url: 'javascript:alert(1)', description: '' }))
        .status,
    ).toBe(422)
    expect(
      (
        await f.post(pagePath, {
          intent: 'add-link',
          title: 'Breathing',
          url: 'https://example.org/breathe',
          description: '',
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await f.post(pagePath, {
          intent: 'add-reading',
          title: 'A short reading',
          description: '',
          body: 'One.\n\n<img src=x onerror=alert(1)>',
        })
      ).status,
    ).toBe(200)
    const page = (await browserFor(member).page(pagePath)).html
    expect(page).toContain('href="https://example.org/breathe"')
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(page).not.toContain('<img src=x')

    const [id] = (await deps.sql<{ id: string }[]>`select id from library_resources where title = 'Breathing'`).map(
      (r) => r.id,
    )
    expect((await browserFor(member).post(pagePath, { intent: 'delete', resourceId: id! })).status).toBe(403)
    expect((await browserFor(outsider).post(pagePath, { intent: 'delete', resourceId: id! })).status).toBe(404)
    expect((await f.post(pagePath, { intent: 'delete', resourceId: id! })).status).toBe(200)
    expect((await browserFor(member).page(pagePath)).html).not.toContain('Breathing')
  })
})

describe('public library', () => {
  it('is read by every signed-in account and added to by verified facilitators only', async () => {
    const m = browserFor(member)
    expect((await m.page('/library')).response.status).toBe(200)
    expect(
      (await upload(m, '/library?index', { bytes: pdfBytes(), name: 'a.pdf', type: 'application/pdf' })).status,
    ).toBe(403)
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    )
    expect(
      (
        await upload(
          browserFor(lead),
          '/library?index',
          { bytes: png, name: 'calm.png', type: 'image/png' },
          { title: 'Calm picture', description: '' },
        )
      ).status,
    ).toBe(201)
    const page = (await browserFor(outsider).page('/library')).html
    expect(page).toMatch(/<img src="\/library\/files\/[0-9a-f-]{36}" alt="Calm picture"/)
    const [href] = fileLinks(page)
    const image = await browserFor(outsider).get(href!)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true)
    expect((await browserFor(null).get(href!)).status).toBe(302)
  })
})

describe('homework pages', () => {
  it('lets the facilitator set homework and members mark it done and reflect, privately', async () => {
    const f = browserFor(lead)
    const pagePath = `/groups/${groupId}/homework`
    expect(
      (
        await f.post(pagePath, {
          intent: 'create',
          title: 'Evening walk',
          instructions: 'Walk for ten minutes.',
          dueLocal: 'soon',
          reflectionPrompt: '',
        })
      ).status,
    ).toBe(422)
    expect(
      (
        await f.post(pagePath, {
          intent: 'create',
          title: 'Evening walk',
          instructions: 'Walk for ten minutes.',
          dueLocal: '2030-06-01T18:00',
          reflectionPrompt: 'How did it feel?',
        })
      ).status,
    ).toBe(200)
    const [homeworkId] = (await deps.sql<{ id: string }[]>`select id from homework where title = 'Evening walk'`).map(
      (r) => r.id,
    )

    const m = browserFor(member)
    const memberPage = (await m.page(pagePath)).html
    expect(memberPage).toContain('Evening walk')
    expect(memberPage).toContain('How did it feel?')
    expect(memberPage).toContain('Mark as done')
    expect((await m.post(pagePath, { intent: 'done', homeworkId: homeworkId! })).status).toBe(200)
    expect((await m.post(pagePath, { intent: 'reflect', homeworkId: homeworkId!, reflection: '' })).status).toBe(422)
    expect(
      (await m.post(pagePath, { intent: 'reflect', homeworkId: homeworkId!, reflection: 'Calmer than I expected.' }))
        .status,
    ).toBe(200)
    expect((await m.page(pagePath)).html).toContain('Mark as not done')

    const facilitatorPage = (await f.page(pagePath)).html
    expect(facilitatorPage).toContain('1 of 2 members have done it')
    expect(facilitatorPage).toContain('Heron')
    expect(facilitatorPage).toContain('Calmer than I expected.')
    expect(facilitatorPage).not.toContain(member.account.username)

    const peerPage = (await browserFor(otherMember).page(pagePath)).html
    expect(peerPage).toContain('Evening walk')
    expect(peerPage).not.toContain('Calmer than I expected.')
    expect(peerPage).not.toContain('Heron')

    expect((await browserFor(outsider).get(pagePath)).status).toBe(404)
    expect((await browserFor(otherFacilitator).get(pagePath)).status).toBe(404)
    expect((await browserFor(outsider).post(pagePath, { intent: 'done', homeworkId: homeworkId! })).status).toBe(404)
    const [row] = await deps.sql<
      { n: number }[]
    >`select count(*)::int as n from homework_completions where account_id = ${outsider.accountId}`
    expect(row!.n).toBe(0)
  })
})
