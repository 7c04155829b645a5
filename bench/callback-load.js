// Load for bench/callbacks.sh (Node.js, no packages): creates sessions, then makes their
// status changes, with the bearer token in BENCH_TOKEN, over keep-alive connections.
//
//   node callback-load.js create  BASE_URL PREFIX COUNT CALLBACK_URL OUT_FILE CONCURRENCY
//     POST BASE_URL/ekyc/admin/<PREFIX>-<n>/sessions {"callback":CALLBACK_URL} for n = 1..COUNT,
//     CONCURRENCY at a time (CALLBACK_URL "-": body {}, no callback); writes
//     "<userId> <sessionId>" lines to OUT_FILE.
//   node callback-load.js changes BASE_URL SESSIONS_FILE PER_SESSION RATE CONCURRENCY
//     PER_SESSION status changes (IN_PROGRESS, SUBMITTED, IN_REVIEW, APPROVED) of every
//     session in SESSIONS_FILE, round by round (every session's first change, then every
//     session's second, ...; a change is sent only once the session's previous one has been
//     answered). RATE > 0: open loop, the i-th change is due at start + i / RATE s, with at
//     most CONCURRENCY under way (a change sent late is counted in lag_*). RATE = 0: closed
//     loop, CONCURRENCY under way at all times.
//
// Both print one line "LOAD key=value ..." with counts, status codes, the request rate and
// latencies; exit status 0 when every answer was 200, 1 if not, 2 on bad arguments.

'use strict';

const http = require('http');
const fs = require('fs');
const { performance } = require('perf_hooks');

const STATUSES = ['IN_PROGRESS', 'SUBMITTED', 'IN_REVIEW', 'APPROVED'];
const token = process.env.BENCH_TOKEN;
if (!token) {
	console.error('BENCH_TOKEN is not set');
	process.exit(2);
}

const nowMs = () => performance.timeOrigin + performance.now();

function percentile(sorted, p) {
	if (sorted.length === 0) {
		return 0;
	}
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function post(agent, base, path, body) {
	return new Promise((resolve) => {
		const text = JSON.stringify(body);
		const started = performance.now();
		const req = http.request(`${base}${path}`, {
			method: 'POST',
			agent,
			headers: {
				'Authorization': `Bearer ${token}`,
				'Content-Type': 'application/json',
				'Accept': 'application/json',
				'Content-Length': Buffer.byteLength(text),
			},
		}, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8'),
				ms: performance.now() - started }));
		});
		req.on('error', (e) => resolve({ status: 0, body: e.message, ms: performance.now() - started }));
		req.end(text);
	});
}

class Tally {
	constructor() {
		this.statuses = {};
		this.latencies = [];
		this.firstError = '';
	}

	add(answer) {
		this.statuses[answer.status] = (this.statuses[answer.status] || 0) + 1;
		this.latencies.push(answer.ms);
		if (answer.status !== 200 && !this.firstError) {
			this.firstError = `${answer.status} ${answer.body.slice(0, 300)}`;
		}
	}

	line(startedMs, endedMs, extra) {
		const sorted = Float64Array.from(this.latencies).sort();
		const ok = this.statuses[200] || 0;
		const codes = Object.keys(this.statuses).sort().map((c) => `${c}:${this.statuses[c]}`).join(',') || 'none';
		const seconds = (endedMs - startedMs) / 1000;
		return `LOAD requests=${sorted.length} ok=${ok} statuses=${codes} start_ms=${startedMs.toFixed(1)} `
			+ `end_ms=${endedMs.toFixed(1)} seconds=${seconds.toFixed(2)} rps=${(sorted.length / seconds).toFixed(1)} `
			+ `p50_ms=${percentile(sorted, 50).toFixed(2)} p99_ms=${percentile(sorted, 99).toFixed(2)} `
			+ `max_ms=${percentile(sorted, 100).toFixed(2)}${extra}`;
	}
}

async function create(base, prefix, count, callback, outFile, concurrency) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const tally = new Tally();
	const lines = new Array(count);
	let next = 0;
	const started = nowMs();
	async function worker() {
		while (next < count) {
			const n = ++next;
			const userId = `${prefix}-${String(n).padStart(6, '0')}`;
			const answer = await post(agent, base, `/ekyc/admin/${userId}/sessions`, (callback === '-') ? {} : { callback });
			tally.add(answer);
			if (answer.status === 200) {
				lines[n - 1] = `${userId} ${JSON.parse(answer.body).id}\n`;
			}
		}
	}
	await Promise.all(Array.from({ length: concurrency }, worker));
	const ended = nowMs();
	fs.writeFileSync(outFile, lines.filter(Boolean).join(''));
	agent.destroy();
	return { tally, started, ended, extra: '' };
}

function changes(base, sessionsFile, perSession, rate, concurrency) {
	const sessions = fs.readFileSync(sessionsFile, 'utf8').split('\n').filter(Boolean).map((l) => l.split(' '));
	const tasks = [];
	for (let round = 0; round < perSession; round++) {
		for (let s = 0; s < sessions.length; s++) {
			tasks.push({ s, round });
		}
	}
	const answered = new Int32Array(sessions.length); // changes answered per session
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const tally = new Tally();
	const lags = [];
	let next = 0;
	let inFlight = 0;
	let finished = 0;
	let blockedByOrder = 0;
	return new Promise((resolve) => {
		const t0 = performance.now();
		const started = nowMs();
		let timer = null;
		function pump() {
			const elapsed = performance.now() - t0;
			const due = (rate > 0) ? Math.min(tasks.length, Math.floor((elapsed * rate) / 1000) + 1) : tasks.length;
			while (next < due && inFlight < concurrency) {
				const task = tasks[next];
				if (answered[task.s] < task.round) {
					blockedByOrder++;
					break; // the session's previous change is still under way
				}
				if (rate > 0) {
					lags.push(Math.max(0, elapsed - (next * 1000) / rate));
				}
				next++;
				inFlight++;
				const [userId, sessionId] = sessions[task.s];
				post(agent, base, `/ekyc/admin/${userId}/sessions/${sessionId}/status`, { status: STATUSES[task.round] })
					.then((answer) => {
						tally.add(answer);
						answered[task.s]++;
						inFlight--;
						finished++;
						if (finished === tasks.length) {
							clearTimeout(timer);
							agent.destroy();
							const sortedLags = Float64Array.from(lags).sort();
							resolve({ tally, started, ended: nowMs(), extra: ` offered_rate=${rate} concurrency=${concurrency}`
								+ ` lag_p99_ms=${percentile(sortedLags, 99).toFixed(1)} lag_max_ms=${percentile(sortedLags, 100).toFixed(1)}`
								+ ` blocked_by_order=${blockedByOrder}` });
						}
						else {
							pump();
						}
					});
			}
			if (next < tasks.length && timer === null) {
				timer = setTimeout(() => {
					timer = null;
					pump();
				}, (rate > 0) ? 1 : 5);
			}
		}
		pump();
	});
}

async function main() {
	const [mode, ...args] = process.argv.slice(2);
	let result;
	if (mode === 'create' && args.length === 6) {
		result = await create(args[0], args[1], Number(args[2]), args[3], args[4], Number(args[5]));
	}
	else if (mode === 'changes' && args.length === 5) {
		const perSession = Number(args[2]);
		if (!(perSession >= 1 && perSession <= STATUSES.length)) {
			console.error(`PER_SESSION must be 1..${STATUSES.length}`);
			process.exit(2);
		}
		result = await changes(args[0], args[1], perSession, Number(args[3]), Number(args[4]));
	}
	else {
		console.error('usage: see the comment at the top of callback-load.js');
		process.exit(2);
	}
	console.log(result.tally.line(result.started, result.ended, result.extra));
	if (result.tally.firstError) {
		console.log(`first error: ${result.tally.firstError}`);
	}
	process.exit((result.tally.statuses[200] || 0) === result.tally.latencies.length ? 0 : 1);
}

main();
