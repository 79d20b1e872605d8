// `npm start`: build when needed, then serve the production server on http://localhost:5001.
import { spawn } from 'node:child_process'
import { ensureBuild } from './ensure-build.mjs'
import { startPort } from './start-port.mjs'

const root = process.cwd()
ensureBuild(root)

const port = startPort()
const server = spawn(process.execPath, ['.output/server/index.mjs'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: port },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', code => process.exit(code ?? 0))
