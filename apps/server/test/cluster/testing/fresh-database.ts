import { randomBytes } from "node:crypto";
import postgres from "postgres";

export interface FreshDatabase {
  url: string;
  name: string;
  /** A copy of this database as it is now (nobody may be connected), for a rebuild to compare against. */
  copy(): Promise<FreshDatabase>;
  drop(): Promise<void>;
}

/** An empty PostgreSQL database on DATABASE_URL's server: no migrations, as an operator's first start. */
export async function createFreshDatabase(template?: string): Promise<FreshDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("DATABASE_URL must be set to run the cluster suites.");
  const name = `chronicle_cluster_${randomBytes(5).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    copy: () => createFreshDatabase(name),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
