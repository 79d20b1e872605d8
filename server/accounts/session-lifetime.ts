/** How long a sign-in lasts: the session cookie's Max-Age, and the age past which its record opens nothing. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60
