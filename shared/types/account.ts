/** A user as the API shows it: never the password hash. */
export interface PublicUser {
  id: string
  email: string
  name: string
  createdAt: string
}

/** A personal access token as listed: never the secret. */
export interface PersonalAccessTokenSummary {
  id: string
  name: string
  /** The first characters of the secret, so a user can tell tokens apart. */
  prefix: string
  createdAt: string
  expiresAt: string
  lastUsedAt: string | null
}

/** The answer to creating a token: the only time the secret is shown. */
export interface CreatedPersonalAccessToken {
  id: string
  name: string
  token: string
  expiresAt: string
}

export interface HubTokenResponse {
  accessToken: string
  expiresAt: string
  url: string
}

/** RFC 7807 Problem Details, as every /api error is answered. */
export interface ProblemDetails {
  type: string
  title: string
  status: number
  detail: string
  instance: string
  errors?: Record<string, string[]>
  /** Set on server-side failures: quote it when reporting one; the server log has the same id. */
  correlationId?: string
}
