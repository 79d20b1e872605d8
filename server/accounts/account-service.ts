import type { LoginInput, RegisterInput } from '#shared/schemas/account'
import type { UserRow } from '../db/schema'
import {
  EmailTakenError, InvalidCredentialsError, PasswordNotConfirmedError, RegistrationClosedError, SignInThrottledError, WeakPasswordError,
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
    const user = await this.checkPassword(input.email, input.password, address)
    if (!user) throw new InvalidCredentialsError()
    return user
  }

  /**
   * Asks a signed-in user for their password again before something a stolen session must not do
   * on its own. Wrong guesses count towards sign-in throttling like a failed sign-in.
   */
  async confirmPassword(userId: string, password: string, address: string): Promise<void> {
    const user = await this.users.findById(userId)
    if (!user || !await this.checkPassword(user.email, password, address)) throw new PasswordNotConfirmedError()
  }

  findUser(id: string): Promise<UserRow | null> {
    return this.users.findById(id)
  }

  /** The user when `password` is theirs; null otherwise. Throttled per account and address. */
  private async checkPassword(email: string, password: string, address: string): Promise<UserRow | null> {
    const retryAfter = await this.throttle.retryAfterSeconds(email, address)
    if (retryAfter > 0) throw new SignInThrottledError(retryAfter)

    const user = await this.users.findByEmail(email)
    // Unknown emails are checked against a decoy so both failures cost the same time.
    const matches = await verifyPassword(password, user?.passwordHash ?? await decoyPasswordHash())
    if (!user || !matches) {
      await this.throttle.recordFailure(email, address)
      return null
    }
    await this.throttle.recordSuccess(email, address)
    return user
  }
}
