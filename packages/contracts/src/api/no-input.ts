import { z } from "zod";

/**
 * The input of a procedure that takes nothing: no input, or an empty object, which is what a
 * plain-HTTP caller's empty POST body becomes (packages/api/src/http/empty-body-as-no-input.ts).
 */
export const noInput = z.strictObject({}).optional();
