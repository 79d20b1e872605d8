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
