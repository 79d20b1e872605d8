import type { LoginInput, RegisterInput } from '#shared/schemas/account'
import type { UserRow } from '../db/schema'
import {
  EmailTakenError, InvalidCredentialsError, RegistrationClosedError, SignInThrottledError, WeakPasswordError,
} from './account-errors'
import type { LoginThrottle } from './login-throttle'
import { decoyPasswordHash, hashPassword, verifyPassword } from './password-hasher'
import { passwordWeaknesses } from './password-policy'
import type { UsersRepository } from './users-repository'

export class AccountService {
  constructor(
    private readonly users: UsersRepository,
    private readonly throttle: LoginThrottle,
    private readonly registrationOpen: boolean,
  ) {}

  /** Input already passed the shared schema (length, email shape). */
  async register(input: RegisterInput): Promise<UserRow> {
    if (!this.registrationOpen) throw new RegistrationClosedError()
    const weaknesses = passwordWeaknesses(input.password, input)
    if (weaknesses.length > 0) throw new WeakPasswordError(weaknesses)
    const user = await this.users.create({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password) })
    if (!user) throw new EmailTakenError()
    return user
  }

  /** `address` is the client's network address, for per-address throttling. */
  async signIn(input: LoginInput, address: string): Promise<UserRow> {
    const retryAfter = await this.throttle.retryAfterSeconds(input.email, address)
    if (retryAfter > 0) throw new SignInThrottledError(retryAfter)

    const user = await this.users.findByEmail(input.email)
    // Unknown emails are checked against a decoy so both failures cost the same time.
    const matches = await verifyPassword(input.password, user?.passwordHash ?? await decoyPasswordHash())
    if (!user || !matches) {
      await this.throttle.recordFailure(input.email, address)
      throw new InvalidCredentialsError()
    }
    await this.throttle.recordSuccess(input.email, address)
    return user
  }

  findUser(id: string): Promise<UserRow | null> {
    return this.users.findById(id)
  }
}
