import { defineEventHandler } from 'h3'
import { HttpProblem } from '../http/problem'

// Any /api path no handler claims: a Problem Details 404 rather than the app's HTML page.
export default defineEventHandler((event) => {
  throw new HttpProblem(404, `There is no ${event.method} ${event.path.split('?')[0]} endpoint`)
})
