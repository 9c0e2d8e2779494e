/** sessions.create accepts up to 100 questions (MAX_SESSION_QUESTIONS); kept as a literal so zod stays out of the bundle. */
export const MAX_SESSION_QUESTIONS_IN_PLAYER = 100;
export const DEFAULT_QUESTION_COUNT = 10;
