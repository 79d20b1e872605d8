import { stat } from 'node:fs'
import { isMainThread } from 'node:worker_threads'
import { logger } from '../observability/logger'
import { HELPER_THREAD_NICENESS, lowerHelperThreads, processThreads } from '../threads/helper-threads'

// Registered right after the data folder's plugin (nuxt.config.ts), before the embedded database
// starts its thread, which lowers itself. Linux only: elsewhere a priority belongs to the whole
// process. Not in a worker thread (the development server's), whose process's main thread is not ours.
export default defineNitroPlugin(() => {
  if (process.platform !== 'linux' || !isMainThread) return
  // libuv starts its pool at its first request: one now, so its threads are here to be lowered too.
  stat('.', () => {})
  const lowered = lowerHelperThreads(processThreads, process.pid)
  logger.debug({ threads: lowered, niceness: HELPER_THREAD_NICENESS }, 'Helper threads lowered in priority')
})
