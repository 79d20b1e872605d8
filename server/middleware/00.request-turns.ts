import { defineEventHandler } from 'h3'
import { requestTurns, sharesRequestTurns } from '../http/request-turns'
import { httpRequestsDeferred } from '../observability/metrics'

// First of all middleware: a request past this turn's budget starts in a later turn, before any
// work is done for it (rate limits, sessions, bodies), so a burst is spread over several turns.
export default defineEventHandler(async (event) => {
  if (!sharesRequestTurns(event.path.split('?')[0]!)) return
  const started = requestTurns.pass()
  // Waiting steps include this request only when it was put off.
  if (requestTurns.waitingSteps > 0) httpRequestsDeferred.inc()
  await started
})
