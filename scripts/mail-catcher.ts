import { SMTPServer } from 'smtp-server'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export interface CaughtMail {
  to: string[]
  raw: string
  subject: string
  text: string
}

/** Extracts the subject and plain-text body of a simple nodemailer message (what Holdspace sends). */
export function parseSimpleMail(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/)
  const headers = head.replace(/\r?\n[ \t]+/g, ' ')
  const subjectLine = headers.match(/^Subject: (.*)$/im)?.[1] ?? ''
  const subject = subjectLine
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    )
    .replace(/\?=\s+=\?/g, '')
  let body = rest.join('\n\n')
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) body = decodeQuotedPrintable(body)
  else if (/Content-Transfer-Encoding: base64/i.test(headers))
    body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  return { subject, text: body.trim() }
}

function decodeQuotedPrintable(input: string): string {
  const bytes: number[] = []
  const text = input.replace(/=\r?\n/g, '')
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(text[i]!, 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** A local SMTP server: the development mail catcher and the tests' real SMTP peer. */
export async function startMailCatcher(
  options: { port?: number; saveDir?: string; onMail?: (mail: CaughtMail) => void } = {},
) {
  const mails: CaughtMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), raw, ...parseSimpleMail(raw) }
        mails.push(mail)
        if (options.saveDir) {
          mkdirSync(options.saveDir, { recursive: true })
          writeFileSync(path.join(options.saveDir, `${Date.now()}.eml`), raw)
        }
        options.onMail?.(mail)
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
