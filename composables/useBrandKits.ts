import type { BrandKitRequest, SavedBrandKit } from '#shared/campaign'

const kitPath = (id: string) => `/api/brand-kits/${encodeURIComponent(id)}`

/** The signed-in user's saved brand kits: list, create, replace, delete. */
export function useBrandKits() {
  const { data, refresh, status, error } = useFetch<{ items: SavedBrandKit[] }>('/api/brand-kits', { key: 'brand-kits' })
  const kits = computed(() => data.value?.items ?? [])

  async function save(fields: BrandKitRequest, id?: string): Promise<SavedBrandKit> {
    const saved = id
      ? await $fetch<SavedBrandKit>(kitPath(id), { method: 'PUT', body: fields })
      : await $fetch<SavedBrandKit>('/api/brand-kits', { method: 'POST', body: fields })
    await refresh()
    return saved
  }

  async function remove(id: string): Promise<void> {
    await $fetch(kitPath(id), { method: 'DELETE' })
    await refresh()
  }

  return { kits, status, error, save, remove }
}
