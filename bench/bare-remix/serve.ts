import path from 'node:path'
import { pathToFileURL, fileURLToPath } from 'node:url'
import express from 'express'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'

/** Serves the bare Remix reference on PORT (0 = any) and prints `listening <port>`. */
const here = path.dirname(fileURLToPath(import.meta.url))
const build = (await import(pathToFileURL(path.join(here, 'build/index.js')).href)) as ServerBuild
const app = express()
app.use('/build', express.static(path.join(here, 'public/build')))
app.all('*', createRequestHandler({ build, mode: 'production' }))
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address()
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
