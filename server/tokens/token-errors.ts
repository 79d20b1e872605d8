/** Also thrown for another user's token: whether it exists is none of the caller's business. */
export class TokenNotFoundError extends Error {
  constructor() {
    super('No such token')
  }
}

/** The user has as many tokens as one account may: nothing was created. */
export class TokenLimitError extends Error {
  constructor(readonly limit: number) {
    super(`You have ${limit} personal access tokens, the most one account may keep: revoke one you no longer use, then create this one.`)
  }
}
