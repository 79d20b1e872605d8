/** Also thrown for another user's token: whether it exists is none of the caller's business. */
export class TokenNotFoundError extends Error {
  constructor() {
    super('No such token')
  }
}
