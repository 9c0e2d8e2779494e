import Fastify, { type FastifyInstance } from "fastify";
import type { HttpMount } from "./http-mount.ts";

/** A bare Fastify serving only the given mounts on a free loopback port, for testing a mount alone. */
export async function serveMounts(...mounts: HttpMount[]): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify();
  app.setNotFoundHandler((_request, reply) => reply.code(404).send("not handled"));
  for (const mount of mounts) await app.register(async (scope) => mount(scope));
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, url };
}
