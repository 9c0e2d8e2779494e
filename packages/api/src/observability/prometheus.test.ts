import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChronicleHttp, type ChronicleHttp } from "../http/create-http-server.ts";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type TestServer } from "../testing/index.ts";

/** Debian's `prometheus` package; .ci/run installs it when missing. */
const PROMETHEUS = "/usr/bin/prometheus";
const PROMTOOL = "/usr/bin/promtool";
const RULES_DIR = fileURLToPath(new URL("../../../../deploy/prometheus/", import.meta.url));
const hasPrometheus = existsSync(PROMETHEUS) && existsSync(PROMTOOL);
if (!hasPrometheus) console.warn("Prometheus tests skipped: Debian's prometheus is not installed (apt-get install -y prometheus)");

function promtool(...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(PROMTOOL, args, { cwd: RULES_DIR, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", () => ready()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe.skipIf(!hasPrometheus)("Prometheus alerting rules", () => {
  it("pass promtool check rules", () => {
    const result = promtool("check", "rules", "alerts.yml");
    expect(result.output).toMatch(/SUCCESS: 8 rules found/);
    expect(result.status).toBe(0);
  });

  it("fire each alert on a synthetic series (promtool test rules)", () => {
    const result = promtool("test", "rules", "alerts.test.yml");
    expect(result.output).toMatch(/SUCCESS/);
    expect(result.status).toBe(0);
  });
});

describe.skipIf(!hasPrometheus)("a real Prometheus scraping Chronicle", () => {
  let backend: TestServer;
  let http: ChronicleHttp;
  let prometheus: ChildProcess;
  let prometheusUrl: string;
  const folder = mkdtempSync(join(tmpdir(), "chronicle-prometheus-"));

  beforeAll(async () => {
    backend = await createTestServer("pglite", { CHRONICLE_METRICS_TOKEN: "a-scrape-token-for-the-test" });
    http = createChronicleHttp(backend.deps);
    await new Promise<void>((ready) => http.server.listen(0, "127.0.0.1", () => ready()));
    const chroniclePort = (http.server.address() as { port: number }).port;
    const port = await freePort();
    prometheusUrl = `http://127.0.0.1:${port}`;
    writeFileSync(
      join(folder, "prometheus.yml"),
      [
        "global: { scrape_interval: 1s, evaluation_interval: 1s }",
        "rule_files: [" + JSON.stringify(join(RULES_DIR, "alerts.yml")) + "]",
        "scrape_configs:",
        "  - job_name: chronicle",
        "    authorization: { credentials: a-scrape-token-for-the-test }",
        `    static_configs: [{ targets: ["127.0.0.1:${chroniclePort}"] }]`,
      ].join("\n"),
    );
    prometheus = spawn(PROMETHEUS, [`--config.file=${join(folder, "prometheus.yml")}`, `--storage.tsdb.path=${join(folder, "data")}`, `--web.listen-address=127.0.0.1:${port}`], {
      stdio: "ignore",
    });
  }, 180_000);
  afterAll(async () => {
    prometheus?.kill("SIGTERM");
    await http?.close();
    await backend?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** The instant value of a PromQL query, or null while Prometheus has no sample for it. */
  async function query(promql: string): Promise<number | null> {
    try {
      const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
      const body = (await response.json()) as { data?: { result: { value: [number, string] }[] } };
      const first = body.data?.result[0];
      return first ? Number(first.value[1]) : null;
    } catch {
      return null;
    }
  }

  async function waitFor(promql: string, accept: (value: number) => boolean, timeoutMs = 60_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await query(promql);
      if (value !== null && accept(value)) return value;
      if (Date.now() > deadline) throw new Error(`${promql} stayed at ${value}`);
      await new Promise((tick) => setTimeout(tick, 500));
    }
  }

  it("scrapes /metrics with the bearer token and sees the ingest metrics move after a batch", async () => {
    await waitFor('up{job="chronicle"}', (value) => value === 1, 120_000);
    const accepted = 'sum(chronicle_events_ingested_total{status="accepted"}) or vector(0)';
    const before = await waitFor(accepted, () => true);

    const learner = makeLearner();
    const { sessionId } = await makeExamSession(backend.db, learner);
    const token = await backend.token("learner", learner);
    const response = await fetch(`http://127.0.0.1:${(http.server.address() as { port: number }).port}/trpc/telemetry.ingest`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ source: "web", events: [clientEvent("PAUSE_BLUR", sessionId), clientEvent("PAUSE_BLUR", sessionId), clientEvent("PAUSE_BLUR", sessionId)] }),
    });
    expect(response.status).toBe(200);

    expect(await waitFor(accepted, (value) => value >= before + 3)).toBe(before + 3);
    expect(await waitFor('sum(chronicle_ingest_batch_size_events_count{endpoint="telemetry.ingest"})', (value) => value >= 1)).toBeGreaterThanOrEqual(1);
  }, 240_000);
});
