/**
 * A request path fit for logs and error bodies: a review link's secret is its path segment, so it
 * is replaced by a placeholder.
 */
export function redactPath(path: string): string {
  return path.replace(/^(\/(?:api\/)?review\/)[^/]+/, '$1{token}')
}
