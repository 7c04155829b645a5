// Load for bench/db-outage.sh (Node.js, no packages): a steady stream of session creations and
// status changes, every answer recorded, while PostgreSQL goes away and comes back.
//
//   node outage-load.js BASE_URL PREFIX CALLBACK_URL RATE DURATION_S OUT_FILE
//
// Flows, one started every 3 / RATE s (so about RATE requests/s in all) for DURATION_S s:
//   POST BASE_URL/ekyc/admin/<PREFIX>-<n>/sessions {"callback":CALLBACK_URL} with an
//        Idempotency-Key (so that a retried creation is not refused 409 if the first had
//        committed after all), then POST .../sessions/<id>/status IN_PROGRESS, then SUBMITTED,
//   each step once the previous one was answered 200. A 503 (or 429) is retried after its
//   Retry-After (at most MAX_RETRY_WAIT_S, default 2 s; 1 s without the header), as a client
//   should; no answer at all (connection refused, reset, REQUEST_TIMEOUT_MS 10 s) is retried
//   after 1 s; any other status ends the flow. Requests are never queued in this client (no
//   socket limit), so a latency is the service's. At DURATION_S no further request is sent (flows
//   stop where they are); the answers still under way are awaited.
// Bearer token: BENCH_TOKEN (ekyc.session.create and ekyc.session.update).
//
// OUT_FILE gets one line per answer:
//   <ms since start> <step: create | IN_PROGRESS | SUBMITTED> <userId> <sessionId or -> <status> <latency ms>
// (status 0: no HTTP answer). Prints "LOAD key=value ..." (counts per status, latencies, flows),
// "STEP step=... statuses=..." per step, "PERSEC t=<s> 200:n 503:n ..." per second and
// "FIRST <status> <body>" for the first answer of every status other than 200 and 503.
// Exit status 0 whatever was answered (db-outage.sh judges), 2 on bad arguments.

'use strict';

const http = require('http');
const fs = require('fs');
const crypto = require('crypto');
const { performance } = require('perf_hooks');

const [base, prefix, callback, rateArg, durationArg, outFile] = process.argv.slice(2);
const rate = Number(rateArg);
const durationMs = Number(durationArg) * 1000;
if (!base || !prefix || !callback || !(rate > 0) || !(durationMs > 0) || !outFile) {
	console.error('usage: see the comment at the top of outage-load.js');
	process.exit(2);
}
const token = process.env.BENCH_TOKEN;
if (!token) {
	console.error('BENCH_TOKEN is not set');
	process.exit(2);
}
const MAX_RETRY_WAIT_MS = 1000 * Number(process.env.MAX_RETRY_WAIT_S || 2);
const REQUEST_TIMEOUT_MS = 10000;
const STEPS = ['create', 'IN_PROGRESS', 'SUBMITTED'];

const out = fs.openSync(outFile, 'w');
let buffer = [];
const flush = () => {
	if (buffer.length > 0) {
		fs.writeSync(out, buffer.join(''));
		buffer = [];
	}
};
setInterval(flush, 200).unref();

// No cap on sockets: a request waits in the service, never in this client (a cap would add
// the client's own queueing to the latencies while the service holds requests for seconds).
const agent = new http.Agent({ keepAlive: true });
// Times are ms since T0_EPOCH_MS (Unix ms, given by db-outage.sh so that they match its own), else since start.
const t0 = Number(process.env.T0_EPOCH_MS) || (performance.timeOrigin + performance.now());
const elapsed = () => performance.timeOrigin + performance.now() - t0;
const startedAt = elapsed();
const stopped = () => elapsed() - startedAt >= durationMs;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const statuses = {};
const byStep = {};
const latencies = [];
const perSecond = [];
const firsts = {};
let flowsStarted = 0;
let flowsDone = 0;

function post(path, body, headers) {
	return new Promise((resolve) => {
		const text = JSON.stringify(body);
		const started = performance.now();
		let settled = false;
		const finish = (status, responseBody, responseHeaders) => {
			if (!settled) {
				settled = true;
				resolve({ status, body: responseBody, headers: responseHeaders || {}, ms: performance.now() - started });
			}
		};
		const req = http.request(`${base}${path}`, {
			method: 'POST',
			agent,
			headers: {
				'Authorization': `Bearer ${token}`,
				'Content-Type': 'application/json',
				'Accept': 'application/json',
				'Content-Length': Buffer.byteLength(text),
				...headers,
			},
		}, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => finish(res.statusCode, Buffer.concat(chunks).toString('utf8'), res.headers));
			res.on('error', (e) => finish(0, `response: ${e.message}`));
		});
		req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
		req.on('error', (e) => finish(0, `${e.code || ''} ${e.message}`));
		req.end(text);
	});
}

function record(step, userId, sessionId, answer) {
	const at = elapsed();
	buffer.push(`${at.toFixed(1)} ${step} ${userId} ${sessionId || '-'} ${answer.status} ${answer.ms.toFixed(1)}\n`);
	statuses[answer.status] = (statuses[answer.status] || 0) + 1;
	byStep[step] = byStep[step] || {};
	byStep[step][answer.status] = (byStep[step][answer.status] || 0) + 1;
	latencies.push(answer.ms);
	const second = Math.floor(at / 1000);
	perSecond[second] = perSecond[second] || {};
	perSecond[second][answer.status] = (perSecond[second][answer.status] || 0) + 1;
	if (answer.status !== 200 && answer.status !== 503 && !firsts[answer.status]) {
		firsts[answer.status] = `${step} ${userId}: ${answer.body.slice(0, 300).replace(/\s+/g, ' ')}`;
	}
}

async function flow(n) {
	const userId = `${prefix}-${String(n).padStart(6, '0')}`;
	const idempotencyKey = crypto.randomUUID();
	let sessionId = null;
	for (const step of STEPS) {
		for (;;) {
			if (stopped()) {
				return;
			}
			const answer = (step === 'create')
				? await post(`/ekyc/admin/${userId}/sessions`, { callback }, { 'Idempotency-Key': idempotencyKey })
				: await post(`/ekyc/admin/${userId}/sessions/${sessionId}/status`, { status: step }, {});
			record(step, userId, sessionId, answer);
			if (answer.status === 200) {
				if (step === 'create') {
					sessionId = JSON.parse(answer.body).id;
				}
				break;
			}
			if (answer.status === 503 || answer.status === 429) {
				const retryAfter = Number(answer.headers['retry-after']);
				await sleep(Math.min(MAX_RETRY_WAIT_MS, (retryAfter > 0) ? retryAfter * 1000 : 1000));
			}
			else if (answer.status === 0) {
				await sleep(1000);
			}
			else {
				return; // anything else ends the flow (and fails the test)
			}
		}
	}
	flowsDone++;
}

function percentile(sorted, p) {
	if (sorted.length === 0) {
		return 0;
	}
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function main() {
	const flows = [];
	const spacing = 3000 / rate;
	while (!stopped()) {
		flowsStarted++;
		flows.push(flow(flowsStarted));
		const due = startedAt + flowsStarted * spacing - elapsed();
		if (due > 0) {
			await sleep(due);
		}
	}
	await Promise.all(flows);
	flush();
	const sorted = Float64Array.from(latencies).sort();
	const codes = (counts) => Object.keys(counts).sort().map((c) => `${c}:${counts[c]}`).join(',') || 'none';
	const other = Object.keys(statuses).filter((c) => c !== '200' && c !== '503' && c !== '0')
		.reduce((n, c) => n + statuses[c], 0);
	console.log(`LOAD requests=${sorted.length} s200=${statuses[200] || 0} s503=${statuses[503] || 0} other=${other} `
		+ `errors=${statuses[0] || 0} statuses=${codes(statuses)} p50_ms=${percentile(sorted, 50).toFixed(1)} `
		+ `p99_ms=${percentile(sorted, 99).toFixed(1)} max_ms=${percentile(sorted, 100).toFixed(1)} `
		+ `flows_started=${flowsStarted} flows_done=${flowsDone} seconds=${((elapsed() - startedAt) / 1000).toFixed(1)} `
		+ `rps=${(sorted.length / ((elapsed() - startedAt) / 1000)).toFixed(1)}`);
	for (const step of STEPS) {
		console.log(`STEP step=${step} statuses=${codes(byStep[step] || {})}`);
	}
	for (const [status, detail] of Object.entries(firsts)) {
		console.log(`FIRST ${status} ${detail}`);
	}
	for (let s = 0; s < perSecond.length; s++) {
		console.log(`PERSEC t=${s} ${codes(perSecond[s] || {}).replace(/,/g, ' ')}`);
	}
	agent.destroy();
	process.exit(0);
}

main();
