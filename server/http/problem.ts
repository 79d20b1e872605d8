import type { ProblemDetails } from '#shared/types/account'

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

export function statusTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error')
}

/**
 * An error that already knows its Problem Details answer. Thrown by the HTTP layer (validation,
 * authentication, rate limiting); the error handler writes it out as application/problem+json.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly options: { type?: string, title?: string, errors?: Record<string, string[]>, headers?: Record<string, string> } = {},
  ) {
    super(detail)
  }

  toProblem(instance: string): ProblemDetails {
    return {
      // 'about:blank' is RFC 7807's type for "nothing more than the status code says".
      type: this.options.type ?? 'about:blank',
      title: this.options.title ?? statusTitle(this.status),
      status: this.status,
      detail: this.detail,
      instance,
      ...(this.options.errors ? { errors: this.options.errors } : {}),
    }
  }
}

export const problemTypes = {
  validation: '/problems/validation-failed',
  malformedJson: '/problems/malformed-json',
  bodyTooLarge: '/problems/body-too-large',
  rateLimited: '/problems/rate-limited',
  signInThrottled: '/problems/sign-in-throttled',
  tooManyRuns: '/problems/too-many-runs',
  passwordNotConfirmed: '/problems/password-not-confirmed',
  crossSite: '/problems/cross-site-request',
  emailTaken: '/problems/email-taken',
  registrationClosed: '/problems/registration-closed',
  weakPassword: '/problems/weak-password',
  reviewLinkInvalid: '/problems/review-link-invalid',
  reviewFeedbackNotAllowed: '/problems/review-feedback-not-allowed',
  reviewFeedbackLimit: '/problems/review-feedback-limit',
  brandKitLimit: '/problems/brand-kit-limit',
  tokenLimit: '/problems/token-limit',
  reviewLinkLimit: '/problems/review-link-limit',
} as const

export function unauthorized(detail = 'Sign in, or send a personal access token as "Authorization: Bearer <token>"'): HttpProblem {
  return new HttpProblem(401, detail, { headers: { 'WWW-Authenticate': 'Bearer' } })
}
