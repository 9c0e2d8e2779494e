export { createChronicleHttp, createHttpServer, TRPC_PATH, type ChronicleHttp, type ChronicleHttpOptions, type HttpMount, type StaticHandler } from "./create-http-server.ts";
export { createDevSignInHandler, DEV_SIGN_IN_PATH } from "./dev-sign-in.ts";
export { isBuiltApp, serveStaticApp, type StaticAppOptions } from "./static-apps.ts";
