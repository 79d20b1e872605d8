// What the sealed session cookie carries (nuxt-auth-utils): just enough to name the user in the UI.
// The server re-reads the user from the database on every request.
declare module '#auth-utils' {
  interface User {
    id: string
    email: string
    name: string
  }
}

export {}
