import type { FastifyInstance } from "fastify";

/** Something served beside the API on the same port (a built app, the development sign-in): it adds its routes. */
export type HttpMount = (app: FastifyInstance) => void | Promise<void>;
