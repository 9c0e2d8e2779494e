/** A bearer token, or a function that returns a fresh one before each request (tokens expire). */
export type TokenSource = string | (() => string | Promise<string>);

export async function resolveToken(token: TokenSource): Promise<string> {
  return typeof token === "function" ? await token() : token;
}
