// Shared with the browser, whose post previews show the post as it is counted and audited.
export { publishedPost } from '#shared/utils/published-post'
