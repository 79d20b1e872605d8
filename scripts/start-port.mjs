/** The port `npm start` serves on: PORT, else NUXT_PORT, else 5001; an empty value counts as unset. */
export function startPort(env = process.env) {
  return env.PORT || env.NUXT_PORT || '5001'
}
