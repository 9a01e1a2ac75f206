import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics served on GET /metrics. One registry per bot instance (tests run several). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'breachbot_' });
  const requests = new Counter({
    name: 'breachbot_slack_requests_total',
    help: 'Requests from Slack on the events endpoint, by kind and HTTP status.',
    labelNames: ['kind', 'status'] as const,
    registers: [registry],
  });
  const ackSeconds = new Histogram({
    name: 'breachbot_slack_ack_seconds',
    help: 'Time from receiving a Slack request to answering it (Slack allows 3 s).',
    labelNames: ['kind'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    registers: [registry],
  });
  const webApiCalls = new Counter({
    name: 'breachbot_slack_api_calls_total',
    help: 'Slack Web API calls made by the bot, by method and outcome.',
    labelNames: ['method', 'outcome'] as const,
    registers: [registry],
  });
  return { registry, requests, ackSeconds, webApiCalls };
}

export type Metrics = ReturnType<typeof createMetrics>;
