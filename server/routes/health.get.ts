import { collectHealth } from '../utils/health'

export default defineEventHandler(async (event) => {
  const report = await collectHealth()
  setResponseStatus(event, report.status === 'Healthy' ? 200 : 503)
  setHeader(event, 'Cache-Control', 'no-store')
  return report
})
