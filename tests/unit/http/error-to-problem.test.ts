import { createError } from 'h3'
import { describe, expect, it } from 'vitest'
import { EmailTakenError, InvalidCredentialsError, SignInThrottledError, WeakPasswordError } from '../../../server/accounts/account-errors'
import { errorToProblem } from '../../../server/http/error-to-problem'
import { HttpProblem } from '../../../server/http/problem'
import { ReviewFeedbackLimitError } from '../../../server/engine/campaigns/campaign-errors'
import { ReviewFeedbackRateLimitedError } from '../../../server/reviews/review-errors'
import { TokenNotFoundError } from '../../../server/tokens/token-errors'

describe('errors as Problem Details', () => {
  it.each([
    [new EmailTakenError(), 409],
    [new InvalidCredentialsError(), 401],
    [new TokenNotFoundError(), 404],
    [new WeakPasswordError(['too common']), 400],
    [new SignInThrottledError(30), 429],
    [new ReviewFeedbackLimitError({ of: 'link', limit: 50 }), 409],
    [new ReviewFeedbackRateLimitedError(10, 42), 429],
  ])('maps %s to %i', (error, status) => {
    expect(errorToProblem(error).status).toBe(status)
  })

  it('finds domain errors wrapped by h3', () => {
    expect(errorToProblem(createError({ cause: new EmailTakenError() })).status).toBe(409)
  })

  it('keeps the fields of a weak password and the wait of a throttled sign-in', () => {
    expect(errorToProblem(new WeakPasswordError(['too common'])).toProblem('/x').errors).toEqual({ password: ['too common'] })
    expect(errorToProblem(new SignInThrottledError(30)).options.headers).toEqual({ 'Retry-After': '30' })
    expect(errorToProblem(new ReviewFeedbackRateLimitedError(10, 42)).options.headers).toEqual({ 'Retry-After': '42' })
  })

  it('turns anything unexpected into a 500 that says nothing about it', () => {
    const problem = errorToProblem(new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2')).toProblem('/api/x')
    expect(problem).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'An unexpected error occurred. It has been logged.', instance: '/api/x' })
  })

  it('passes an HttpProblem through unchanged', () => {
    const problem = new HttpProblem(403, 'nope')
    expect(errorToProblem(problem)).toBe(problem)
  })
})
