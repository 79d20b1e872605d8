// What the sealed session cookie carries (nuxt-auth-utils): just enough to name the user in the UI,
// and, in the part that never leaves the server, the id of the session's server-side record.
// The server checks that record and re-reads the user from the database on every request.
declare module '#auth-utils' {
  interface User {
    id: string
    email: string
    name: string
  }

  interface SecureSessionData {
    sessionId: string
  }
}

export {}
