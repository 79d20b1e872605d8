import { loginSchema, registerSchema } from '#shared/schemas/account'
import {
  createdPersonalAccessTokenSchema, hubTokenResponseSchema, personalAccessTokenListSchema, userResponseSchema,
} from '#shared/schemas/account-responses'
import { createTokenSchema } from '#shared/schemas/personal-access-token'
import { z } from '#shared/schemas/zod'
import type { OperationDefinition } from '../operation'

export const accountOperations: OperationDefinition[] = [
  {
    method: 'post', path: '/api/auth/register', tag: 'Accounts', access: 'public',
    summary: 'Create an account and sign in',
    description: 'Sets the session cookie. Open unless registration is closed by configuration.',
    body: registerSchema,
    success: { 201: { description: 'The new user', schema: userResponseSchema, headers: ['Location'] } },
    problems: [403, 409],
  },
  {
    method: 'post', path: '/api/auth/login', tag: 'Accounts', access: 'public',
    summary: 'Sign in',
    description: 'Sets the session cookie. Unknown email and wrong password get the same 401.',
    body: loginSchema,
    success: { 200: { description: 'The signed-in user', schema: userResponseSchema } },
    problems: [401],
  },
  {
    method: 'post', path: '/api/auth/logout', tag: 'Accounts', access: 'public',
    summary: 'Sign out',
    description: 'Ends the session and closes the hub connections opened with it. Signing out while signed out is not an error.',
    success: { 204: { description: 'Signed out' } },
  },
  {
    method: 'get', path: '/api/auth/me', tag: 'Accounts', access: 'user',
    summary: 'The signed-in user',
    success: { 200: { description: 'The caller', schema: userResponseSchema } },
  },
  {
    method: 'post', path: '/api/tokens', tag: 'Personal access tokens', access: 'session',
    summary: 'Create a personal access token',
    description: 'Needs the session cookie and the account\'s password. The secret is shown once and stored only as a hash. '
      + 'An account keeps at most `PERSONAL_ACCESS_TOKENS_PER_USER` unrevoked tokens (50 by default); past that, 409 `/problems/token-limit`.',
    body: createTokenSchema,
    success: { 201: { description: 'The token, with its secret', schema: createdPersonalAccessTokenSchema, headers: ['Location'] } },
    problems: [403, 409],
  },
  {
    method: 'get', path: '/api/tokens', tag: 'Personal access tokens', access: 'session',
    summary: 'List personal access tokens',
    success: { 200: { description: 'The caller\'s tokens, never their secrets', schema: personalAccessTokenListSchema } },
  },
  {
    method: 'delete', path: '/api/tokens/{id}', tag: 'Personal access tokens', access: 'session',
    summary: 'Revoke a personal access token',
    description: 'Hub connections opened with the token are closed at once.',
    pathParameters: { id: { schema: z.string(), description: 'The token\'s id.' } },
    success: { 204: { description: 'Revoked' } },
    problems: [404],
  },
  {
    method: 'post', path: '/api/hub/token', tag: 'Realtime hub', access: 'user',
    summary: 'A short-lived token for the realtime hub',
    description: 'Lasts at most 15 minutes and dies with the credential that minted it.',
    success: { 200: { description: 'The hub token and the hub\'s address', schema: hubTokenResponseSchema } },
  },
]
