import type { CreatedPersonalAccessToken, PersonalAccessTokenSummary } from '#shared/types/account'
import type { CreateTokenInput } from '#shared/schemas/personal-access-token'

/** The signed-in user's personal access tokens: list, create (the secret comes back once), revoke. */
export function usePersonalAccessTokens() {
  const { data, refresh, status } = useFetch<{ items: PersonalAccessTokenSummary[] }>('/api/tokens', { key: 'personal-access-tokens' })
  const tokens = computed(() => data.value?.items ?? [])

  async function create(input: CreateTokenInput): Promise<CreatedPersonalAccessToken> {
    const created = await $fetch<CreatedPersonalAccessToken>('/api/tokens', { method: 'POST', body: input })
    await refresh()
    return created
  }

  async function revoke(id: string): Promise<void> {
    await $fetch(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' })
    await refresh()
  }

  return { tokens, status, create, revoke }
}
