/** The campaign does not exist, or belongs to someone else: the answer is the same. */
export class CampaignNotFoundError extends Error {
  constructor(id: string) {
    super(`Campaign '${id}' was not found.`)
  }
}

/** The request does not fit the campaign's current state (already running, nothing to cancel …). */
export class CampaignConflictError extends Error {}

/** Something the campaign does not have yet (an audit, a version of an artifact type). */
export class CampaignResourceNotFoundError extends Error {}

/** A review link, or the campaign across all its links, has as much feedback (or as many decisions) as it may hold. */
export class ReviewFeedbackLimitError extends Error {
  constructor(reached: { of: 'link' | 'campaign', limit: number }, what = 'feedback posts') {
    super(reached.of === 'link'
      ? `This review link has reached its limit of ${reached.limit} ${what}. Ask the campaign owner for a new link.`
      : `This campaign has reached its limit of ${reached.limit} ${what}.`)
  }
}

/** The owner already has as many runs queued or running as one account may: nothing was started. */
export class TooManyRunsError extends Error {
  constructor(readonly runs: number, readonly retryAfterSeconds: number) {
    super(`You have ${runs} campaign runs queued or running, the most one account may have: wait for one to finish, or cancel one, and try again.`)
  }
}
