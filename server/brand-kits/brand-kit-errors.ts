/** The kit does not exist, or belongs to someone else: the answer is the same. */
export class BrandKitNotFoundError extends Error {
  constructor(id: string) {
    super(`Brand kit '${id}' was not found.`)
  }
}

/** The account keeps as many kits as it may: nothing was saved. */
export class BrandKitLimitError extends Error {
  constructor(readonly limit: number) {
    super(`You have ${limit} brand kits, the most one account may keep: delete one you no longer use, then save this one.`)
  }
}
