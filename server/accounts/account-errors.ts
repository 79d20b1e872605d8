// What can go wrong with accounts, in domain terms. server/http/error-to-problem.ts turns each into
// the HTTP answer; services never speak HTTP.

export class RegistrationClosedError extends Error {
  constructor() {
    super('Registration is closed on this server')
  }
}

export class EmailTakenError extends Error {
  constructor() {
    super('An account with this email already exists')
  }
}

export class WeakPasswordError extends Error {
  constructor(readonly reasons: string[]) {
    super('The password is too weak')
  }
}

/** The same error whether the email is unknown or the password wrong: it must not reveal which. */
export class InvalidCredentialsError extends Error {
  constructor() {
    super('The email or password is incorrect')
  }
}

/** A signed-in user's password, asked for again, was wrong (or missing). */
export class PasswordNotConfirmedError extends Error {
  constructor() {
    super('The password is incorrect')
  }
}

export class SignInThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many failed sign-in attempts; try again later')
  }
}
