import { isError } from 'h3'
import {
  EmailTakenError, InvalidCredentialsError, PasswordNotConfirmedError, RegistrationClosedError, SignInThrottledError, WeakPasswordError,
} from '../accounts/account-errors'
import { BrandKitLimitError, BrandKitNotFoundError } from '../brand-kits/brand-kit-errors'
import { isStorageFailure } from '../db/storage-failure'
import { ArtifactEditMismatchError } from '../engine/campaigns/artifact-edit'
import {
  CampaignConflictError, CampaignNotFoundError, CampaignResourceNotFoundError, ReviewFeedbackLimitError, TooManyRunsError,
} from '../engine/campaigns/campaign-errors'
import {
  ReviewFeedbackNotAllowedError, ReviewFeedbackRateLimitedError, ReviewItemMismatchError, ReviewLinkInvalidError, ReviewLinkLimitError, ReviewLinkNotFoundError,
} from '../reviews/review-errors'
import { TokenLimitError, TokenNotFoundError } from '../tokens/token-errors'
import { HttpProblem, problemTypes } from './problem'

/** How long a client should wait after a storage failure: long enough for an operator to free space. */
const STORAGE_RETRY_AFTER_SECONDS = 30

/**
 * Every error a request can end with, as the Problem Details to answer. Domain errors map to their
 * status; errors nobody anticipated become a 500 that says nothing about the internals.
 */
export function errorToProblem(error: unknown): HttpProblem {
  const cause = isError(error) && error.cause !== undefined ? error.cause : error
  if (cause instanceof HttpProblem) return cause
  if (cause instanceof RegistrationClosedError) return new HttpProblem(403, cause.message, { type: problemTypes.registrationClosed })
  if (cause instanceof EmailTakenError) return new HttpProblem(409, cause.message, { type: problemTypes.emailTaken, errors: { email: [cause.message] } })
  if (cause instanceof WeakPasswordError) {
    return new HttpProblem(400, cause.message, { type: problemTypes.weakPassword, title: 'Validation failed', errors: { password: cause.reasons } })
  }
  if (cause instanceof InvalidCredentialsError) return new HttpProblem(401, cause.message)
  // 403, not 401: the caller is signed in; the session alone is not enough for this.
  if (cause instanceof PasswordNotConfirmedError) {
    return new HttpProblem(403, cause.message, { type: problemTypes.passwordNotConfirmed, errors: { password: [cause.message] } })
  }
  if (cause instanceof SignInThrottledError) {
    return new HttpProblem(429, cause.message, { type: problemTypes.signInThrottled, headers: { 'Retry-After': String(cause.retryAfterSeconds) } })
  }
  if (cause instanceof TokenNotFoundError) return new HttpProblem(404, cause.message)
  if (cause instanceof TokenLimitError) return new HttpProblem(409, cause.message, { type: problemTypes.tokenLimit })
  if (cause instanceof CampaignNotFoundError || cause instanceof CampaignResourceNotFoundError) return new HttpProblem(404, cause.message)
  if (cause instanceof CampaignConflictError) return new HttpProblem(409, cause.message)
  if (cause instanceof ArtifactEditMismatchError || cause instanceof ReviewItemMismatchError) {
    return new HttpProblem(400, cause.message, { type: problemTypes.validation, title: 'Validation failed', errors: { [cause.field]: [cause.message] } })
  }
  if (cause instanceof TooManyRunsError) {
    return new HttpProblem(429, cause.message, { type: problemTypes.tooManyRuns, headers: { 'Retry-After': String(cause.retryAfterSeconds) } })
  }
  if (cause instanceof BrandKitNotFoundError) return new HttpProblem(404, cause.message)
  if (cause instanceof BrandKitLimitError) return new HttpProblem(409, cause.message, { type: problemTypes.brandKitLimit })
  if (cause instanceof ReviewLinkInvalidError) return new HttpProblem(404, cause.message, { type: problemTypes.reviewLinkInvalid })
  if (cause instanceof ReviewLinkNotFoundError) return new HttpProblem(404, cause.message)
  if (cause instanceof ReviewLinkLimitError) return new HttpProblem(409, cause.message, { type: problemTypes.reviewLinkLimit })
  if (cause instanceof ReviewFeedbackNotAllowedError) return new HttpProblem(403, cause.message, { type: problemTypes.reviewFeedbackNotAllowed })
  if (cause instanceof ReviewFeedbackLimitError) return new HttpProblem(409, cause.message, { type: problemTypes.reviewFeedbackLimit })
  if (cause instanceof ReviewFeedbackRateLimitedError) {
    return new HttpProblem(429, cause.message, { type: problemTypes.rateLimited, headers: { 'Retry-After': String(cause.retryAfterSeconds) } })
  }
  // h3's own errors (an unknown method, a body too large …) keep their 4xx status and message.
  if (isError(error) && error.statusCode >= 400 && error.statusCode < 500 && !error.unhandled) {
    return new HttpProblem(error.statusCode, error.statusMessage || error.message || 'The request could not be processed')
  }
  if (isStorageFailure(cause)) {
    return new HttpProblem(503, 'The server cannot save right now: retry in a little while', {
      headers: { 'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS) },
    })
  }
  return new HttpProblem(500, 'An unexpected error occurred. It has been logged.')
}
