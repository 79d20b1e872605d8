import { defineEventHandler, setResponseHeaders } from 'h3'
import { SECURITY_HEADERS } from '../security/content-security-policy'
import { isReviewPath, REVIEW_HEADERS } from '../security/review-headers'

// Every response gets these; HTML pages replace the Content-Security-Policy with their nonce'd one
// (server/plugins/page-content-security-policy.ts).
export default defineEventHandler((event) => {
  setResponseHeaders(event, SECURITY_HEADERS)
  if (isReviewPath(event.path.split('?')[0]!)) setResponseHeaders(event, REVIEW_HEADERS)
})
