// Load for bench/flood.sh (Node.js, no packages): clients paging through one user's sessions
// as fast as they can, plus requests with tokens signed by a key the service does not know.
//
//   node flood-load.js BASE_URL USER_ID TOTAL CLIENTS DURATION_S LIMIT BAD_TOKENS_FILE BAD_CONCURRENCY
//
// Paging: CLIENTS clients, each on its own keep-alive connection, one request at a time,
// GET BASE_URL/ekyc/admin/USER_ID/sessions?start=N&limit=LIMIT for DURATION_S seconds, client
// i starting at about i * TOTAL / CLIENTS and walking nextStart (back to 0 after the last
// page). Bearer token: BENCH_TOKEN, or line i of the file in FLOOD_TOKENS (one per client).
// A 429 is counted and the client asks again at once (a hostile client ignores Retry-After;
// FLOOD_HONOUR_RETRY_AFTER=1 makes it wait). Every 200 page is checked against TOTAL (the
// user's sessions): LIMIT items (fewer on the last page), nextStart start+LIMIT or null.
// Random kid: every line of BAD_TOKENS_FILE is sent once, GET .../sessions?limit=1, spread
// evenly over DURATION_S, at most BAD_CONCURRENCY at a time.
//
// Prints, for each kind (paging, badkid) and in all:
//   KIND kind=... requests=N s200=N s401=N s429=N other=N errors=N statuses=200:N,...
//        p50_ms=.. p99_ms=.. max_ms=..
// then "PAGING pages_ok=N items=N mbytes=N wraps=N bad_pages=N", "PERSEC t=<s> ..." lines
// (answers per second by status), and "FIRST kind status detail" for the first answer of
// each unexpected kind. Status 0 = no HTTP answer (connection refused or reset, timeout).
// Exit status 0, whatever was answered (flood.sh judges), 2 on bad arguments.

'use strict';

const http = require('http');
const fs = require('fs');
const { performance } = require('perf_hooks');

const [base, userId, totalArg, clientsArg, durationArg, limitArg, badFile, badConcurrencyArg] = process.argv.slice(2);
const total = Number(totalArg);
const clients = Number(clientsArg);
const durationMs = Number(durationArg) * 1000;
const limit = Number(limitArg);
const badConcurrency = Number(badConcurrencyArg);
if (!base || !userId || !(total > 0) || !(clients > 0) || !(durationMs > 0) || !(limit > 0) || !badFile
	|| !(badConcurrency > 0)) {
	console.error('usage: see the comment at the top of flood-load.js');
	process.exit(2);
}
const honourRetryAfter = process.env.FLOOD_HONOUR_RETRY_AFTER === '1';
const REQUEST_TIMEOUT_MS = 30000;

let tokens;
if (process.env.FLOOD_TOKENS) {
	tokens = fs.readFileSync(process.env.FLOOD_TOKENS, 'utf8').split('\n').filter(Boolean);
	if (tokens.length < clients) {
		console.error(`FLOOD_TOKENS has ${tokens.length} tokens for ${clients} clients`);
		process.exit(2);
	}
}
else if (process.env.BENCH_TOKEN) {
	tokens = Array(clients).fill(process.env.BENCH_TOKEN);
}
else {
	console.error('BENCH_TOKEN (or FLOOD_TOKENS) is not set');
	process.exit(2);
}
const badTokens = fs.readFileSync(badFile, 'utf8').split('\n').filter(Boolean);

function percentile(sorted, p) {
	if (sorted.length === 0) {
		return 0;
	}
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

class Tally {
	constructor(name) {
		this.name = name;
		this.statuses = {};
		this.latencies = [];
		this.firsts = {};
	}

	add(answer) {
		this.statuses[answer.status] = (this.statuses[answer.status] || 0) + 1;
		this.latencies.push(answer.ms);
		if (!this.firsts[answer.status]) {
			this.firsts[answer.status] = answer.body.slice(0, 300).replace(/\s+/g, ' ');
		}
	}

	line() {
		const sorted = Float64Array.from(this.latencies).sort();
		const s = (code) => this.statuses[code] || 0;
		const codes = Object.keys(this.statuses).map(Number).sort((a, b) => a - b);
		const other = codes.filter((c) => c !== 0 && c !== 200 && c !== 401 && c !== 429).reduce((n, c) => n + s(c), 0);
		return `KIND kind=${this.name} requests=${sorted.length} s200=${s(200)} s401=${s(401)} s429=${s(429)} `
			+ `other=${other} errors=${s(0)} statuses=${codes.map((c) => `${c}:${s(c)}`).join(',') || 'none'} `
			+ `p50_ms=${percentile(sorted, 50).toFixed(1)} p99_ms=${percentile(sorted, 99).toFixed(1)} `
			+ `max_ms=${percentile(sorted, 100).toFixed(1)}`;
	}
}

const t0 = performance.now();
const perSecond = []; // perSecond[s] = { status: count }

function get(agent, path, token) {
	return new Promise((resolve) => {
		const started = performance.now();
		let settled = false;
		const finish = (status, body, headers) => {
			if (settled) {
				return;
			}
			settled = true;
			const ended = performance.now();
			const second = Math.floor((ended - t0) / 1000);
			perSecond[second] = perSecond[second] || {};
			perSecond[second][status] = (perSecond[second][status] || 0) + 1;
			resolve({ status, body, headers: headers || {}, ms: ended - started });
		};
		const req = http.request(`${base}${path}`, {
			method: 'GET',
			agent,
			headers: { 'Authorization': `Bearer ${token}`, 'Accept': 'application/json' },
		}, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => finish(res.statusCode, Buffer.concat(chunks).toString('utf8'), res.headers));
			res.on('error', (e) => finish(0, `response: ${e.message}`));
		});
		req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
		req.on('error', (e) => finish(0, `${e.code || ''} ${e.message}`));
		req.end();
	});
}

const paging = new Tally('paging');
const bad = new Tally('badkid');
const pages = { ok: 0, items: 0, bytes: 0, wraps: 0, bad: 0, firstBad: '' };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const userPath = `/ekyc/admin/${encodeURIComponent(userId)}/sessions`;

function checkPage(start, body) {
	let page;
	try {
		page = JSON.parse(body);
	}
	catch (e) {
		return { problem: `not JSON: ${e.message}` };
	}
	const expectedItems = Math.max(0, Math.min(limit, total - start));
	const expectedNext = (start + limit < total) ? start + limit : null;
	const items = Array.isArray(page.items) ? page.items.length : -1;
	if (items !== expectedItems || page.nextStart !== expectedNext || page.start !== start) {
		return { problem: `start=${start}: ${items} items (expected ${expectedItems}), start ${page.start}, `
			+ `nextStart ${page.nextStart} (expected ${expectedNext})`, page };
	}
	return { page };
}

async function pagingClient(i) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	let start = Math.floor((i * total) / clients);
	while (performance.now() - t0 < durationMs) {
		const answer = await get(agent, `${userPath}?start=${start}&limit=${limit}`, tokens[i]);
		paging.add(answer);
		if (answer.status === 200) {
			const { problem, page } = checkPage(start, answer.body);
			pages.bytes += Buffer.byteLength(answer.body);
			if (problem) {
				pages.bad++;
				pages.firstBad = pages.firstBad || problem;
			}
			else {
				pages.ok++;
				pages.items += page.items.length;
			}
			if (page && page.nextStart != null) {
				start = page.nextStart;
			}
			else {
				start = 0;
				pages.wraps++;
			}
		}
		else if (answer.status === 429 && honourRetryAfter) {
			await sleep(1000 * Number(answer.headers['retry-after'] || 1));
		}
		else if (answer.status === 0) {
			await sleep(100); // do not spin on a refused connection
		}
	}
	agent.destroy();
}

async function badKidRequests() {
	const agent = new http.Agent({ keepAlive: true, maxSockets: badConcurrency });
	const spacing = durationMs / Math.max(1, badTokens.length);
	let inFlight = 0;
	const waiting = [];
	const sent = [];
	for (let n = 0; n < badTokens.length; n++) {
		const due = n * spacing - (performance.now() - t0);
		if (due > 0) {
			await sleep(due);
		}
		while (inFlight >= badConcurrency) {
			await new Promise((resolve) => waiting.push(resolve));
		}
		inFlight++;
		sent.push(get(agent, `${userPath}?limit=1`, badTokens[n]).then((answer) => {
			bad.add(answer);
			inFlight--;
			const next = waiting.shift();
			if (next) {
				next();
			}
		}));
	}
	await Promise.all(sent);
	agent.destroy();
}

async function main() {
	await Promise.all([...Array.from({ length: clients }, (_, i) => pagingClient(i)), badKidRequests()]);
	const all = new Tally('all');
	for (const t of [paging, bad]) {
		for (const [code, n] of Object.entries(t.statuses)) {
			all.statuses[code] = (all.statuses[code] || 0) + n;
		}
		all.latencies.push(...t.latencies);
	}
	console.log(paging.line());
	console.log(bad.line());
	console.log(all.line());
	console.log(`PAGING pages_ok=${pages.ok} items=${pages.items} mbytes=${(pages.bytes / 1048576).toFixed(1)} `
		+ `wraps=${pages.wraps} bad_pages=${pages.bad} seconds=${((performance.now() - t0) / 1000).toFixed(1)}`);
	if (pages.firstBad) {
		console.log(`FIRST paging bad-page ${pages.firstBad}`);
	}
	for (const t of [paging, bad]) {
		for (const [code, detail] of Object.entries(t.firsts)) {
			const expected = (t === paging) ? ['200', '429'] : ['401'];
			if (!expected.includes(code)) {
				console.log(`FIRST ${t.name} ${code} ${detail}`);
			}
		}
	}
	for (let s = 0; s < perSecond.length; s++) {
		const counts = perSecond[s] || {};
		console.log(`PERSEC t=${s} ${Object.keys(counts).sort().map((c) => `${c}:${counts[c]}`).join(' ')}`);
	}
}

main();
