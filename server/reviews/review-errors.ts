/**
 * The one answer for a review token that is unknown, revoked or expired: a reviewer learns the link
 * no longer works, and nobody learns which of the three it is.
 */
export class ReviewLinkInvalidError extends Error {
  constructor() {
    super('This review link is invalid or has expired. Ask the campaign owner for a new one.')
  }
}

/** The owner's campaign has no such link (or it belongs to another campaign). */
export class ReviewLinkNotFoundError extends Error {
  constructor() {
    super('No such review link')
  }
}

/** The campaign has as many review links as it may: nothing was created. */
export class ReviewLinkLimitError extends Error {
  constructor(readonly limit: number) {
    super(`This campaign has ${limit} review links, the most one campaign may have (links that carried feedback stay after they end): revoke one that carried none, then share again.`)
  }
}

export class ReviewFeedbackNotAllowedError extends Error {
  constructor() {
    super('This review link does not accept feedback')
  }
}

/** Too many posts through one link in a minute. */
export class ReviewFeedbackRateLimitedError extends Error {
  constructor(limit: number, readonly retryAfterSeconds: number) {
    super(`At most ${limit} feedback posts per minute through one review link. Try again in ${retryAfterSeconds} seconds.`)
  }
}

/** A decision names a version, post or passage the campaign does not have: a field error. */
export class ReviewItemMismatchError extends Error {
  constructor(readonly field: 'version' | 'postIndex' | 'quote', message: string) {
    super(message)
  }
}
