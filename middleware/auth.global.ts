import { safeRedirectPath } from '#shared/utils/safe-redirect'

/** Pages for people who are not signed in; every other page needs a session. */
const GUEST_PAGES = new Set(['/login', '/register'])

// Unauthenticated visits go to sign-in, which brings the visitor back to where they were headed.
export default defineNuxtRouteMiddleware((to) => {
  if (to.path.startsWith('/review/')) return // Review links are opened without an account, signed in or not.
  if (to.path.startsWith('/docs/')) return // The API reference describes the public contract: anyone may read it.
  if (to.path === '/') return // Signed out, the home page introduces the product; signed in, it is the list.
  if (to.matched.length === 0) return // No such page: the 404 page says so to anyone, signed in or not.
  const { loggedIn } = useUserSession()
  const guestPage = GUEST_PAGES.has(to.path)
  if (!loggedIn.value && !guestPage) {
    return navigateTo({ path: '/login', query: { redirect: to.fullPath } })
  }
  if (loggedIn.value && guestPage) return navigateTo(safeRedirectPath(to.query.redirect))
})
