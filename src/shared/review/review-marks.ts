import { CommentMark } from './comment-mark'
import { SuggestionDeleteMark, SuggestionInsertMark } from './suggestion-marks'

/** The review marks, registered once in the shared article schema (src/shared/schema/extensions.ts). */
export const reviewMarks = [CommentMark, SuggestionInsertMark, SuggestionDeleteMark]
