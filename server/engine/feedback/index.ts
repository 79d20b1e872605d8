export { feedbackItems, MAX_FEEDBACK_ITEMS, type FeedbackItem } from './feedback-items'
export { readerText } from './reader-text'
export { verifyFeedback } from './verify-feedback'
