// Headless-Chromium test of ekyc-admin's Swagger UI, run with node's built-in test runner:
//
//   BASE_URL=http://localhost:8080 node --test --test-reporter=spec swagger-ui.test.mjs
//
// It drives the page the way a person does: executes "create session" before authorizing
// (401), authorizes with the OAuth2 client-credentials flow of the Authorize dialog, then
// executes "create session" and "status" and checks the answers Swagger UI shows. A
// screenshot of the page at the end goes to out/swagger.png (also when a step fails).
//
// Settings (environment): BASE_URL (http://localhost:8080), EKYC_E2E_CLIENT_ID
// (ekyc-admin-cli), EKYC_E2E_CLIENT_SECRET (local-admin-secret: the local-development-only
// client of `./mvnw spring-boot:test-run`), CHROMIUM (/usr/bin/chromium), EKYC_E2E_OUT (out).

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
const CLIENT_ID = process.env.EKYC_E2E_CLIENT_ID || 'ekyc-admin-cli';
const CLIENT_SECRET = process.env.EKYC_E2E_CLIENT_SECRET || 'local-admin-secret';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), process.env.EKYC_E2E_OUT || 'out');

const CREATE_PATH = '/ekyc/admin/{userId}/sessions';
const STATUS_PATH = '/ekyc/admin/{userId}/status';
const SCOPES = ['ekyc.session.create', 'ekyc.session.get'];

// Each step waits for what it needs for at most STEP_TIMEOUT (a normal run takes about 10 s
// in all); the whole run is cancelled, and fails, after SUITE_TIMEOUT.
const STEP_TIMEOUT = 15_000;
const SUITE_TIMEOUT = 60_000;

// A user nobody has used before (time and random digits).
const USER_ID = `e2e-user-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

describe(`Swagger UI at ${BASE_URL}`, { timeout: SUITE_TIMEOUT }, () => {
	let browser;
	let page;
	let userDataDir;
	let tokenUrl;
	let authorized = false;
	const problems = [];

	before(async () => {
		userDataDir = mkdtempSync(join(tmpdir(), 'ekyc-e2e-chromium-'));
		browser = await chromium.launchPersistentContext(userDataDir, {
			executablePath: CHROMIUM,
			headless: true,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
			viewport: { width: 1280, height: 900 },
			timeout: STEP_TIMEOUT,
		});
		browser.setDefaultTimeout(STEP_TIMEOUT);
		page = browser.pages()[0] ?? (await browser.newPage());
		// Collected for the failure messages: "Failed to fetch" in the page says little.
		page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
		page.on('requestfailed', (request) =>
			problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`));
		page.on('console', (message) => {
			if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
		});
	});

	after(async () => {
		if (page) {
			mkdirSync(OUT, { recursive: true });
			// The whole page, but without the documented example answers and the schemas, so
			// that the operations exercised and the answers shown fit into a readable picture.
			await page.addStyleTag({
				content: 'table.responses-table:not(.live-responses-table), .responses-wrapper > .opblock-section-header,'
					+ ' section.models { display: none !important; }',
			}).catch(() => {});
			await page.screenshot({ path: join(OUT, 'swagger.png'), fullPage: true }).catch((error) => {
				console.error(`screenshot failed: ${error.message}`);
			});
		}
		await browser?.close();
		if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
	});

	test('loads the API document and shows create session and status', async () => {
		const response = await page.goto(`${BASE_URL}/swagger-ui.html`, { waitUntil: 'domcontentloaded' });
		assert.ok(response?.ok(), `swagger-ui.html answered ${response?.status()}`);
		await operation('post', CREATE_PATH).waitFor();
		await operation('get', STATUS_PATH).waitFor();
	});

	test('refuses create session before authorizing (401)', async () => {
		const op = await openForTryItOut('post', CREATE_PATH);
		await fillParameter(op, 'userId', USER_ID);
		await op.locator('textarea.body-param__text').fill('{}');
		const shown = await execute(op, 'POST', `/ekyc/admin/${USER_ID}/sessions`);
		assert.equal(shown.status, '401', `expected 401 before authorizing, page shows:\n${shown.body}`);
		assert.match(shown.body, /"status": 401/);
	});

	test('authorizes with the OAuth2 client-credentials flow', async () => {
		await page.locator('.auth-wrapper button.authorize').click();
		const dialog = page.locator('.modal-ux');
		await dialog.waitFor();
		// The OAuth2 part of the dialog (its inputs give way to "******" once authorized).
		const oauth2 = dialog.locator('.auth-container').filter({ hasText: 'OAuth2, clientCredentials' });
		tokenUrl = (await oauth2.locator('p:has-text("Token URL") code').innerText()).trim();
		await oauth2.locator('#client_id_clientCredentials').fill(CLIENT_ID);
		await oauth2.locator('#client_secret_clientCredentials').fill(CLIENT_SECRET);
		for (const scope of SCOPES) {
			// The checkboxes are hidden; their labels take the clicks.
			const checkbox = oauth2.locator(`input[type=checkbox][data-value="${scope}"]`);
			await oauth2.locator(`label[for="${await checkbox.getAttribute('id')}"]`).click();
			assert.ok(await checkbox.isChecked(), `scope ${scope} did not get selected`);
		}
		const [token] = await Promise.all([
			page.waitForResponse((r) => r.url() === tokenUrl && r.request().method() === 'POST'),
			oauth2.locator('button[aria-label="Apply given OAuth2 credentials"]').click(),
		]);
		assert.equal(token.status(), 200,
			`token endpoint ${tokenUrl} answered ${token.status()}: ${await token.text().catch(() => '')}`);
		const granted = (await token.json()).scope?.split(' ') ?? [];
		assert.deepEqual([...granted].sort(), [...SCOPES].sort(), 'the token carries the selected scopes');
		// Authorized: the dialog offers Logout, shows no error, and the page's lock closes.
		await oauth2.locator('button[aria-label="Remove authorization"]').waitFor();
		await oauth2.locator('h6', { hasText: 'Authorized' }).waitFor();
		assert.equal(await oauth2.locator('.errors').count(), 0,
			`the dialog shows errors: ${await oauth2.locator('.errors').allInnerTexts()}`);
		await oauth2.locator('button.btn-done').click();
		await dialog.waitFor({ state: 'detached' });
		await page.locator('.auth-wrapper button.authorize.locked').waitFor();
		authorized = true;
	});

	test('creates a session with Try it out (200, status CREATED)', async (t) => {
		if (!authorized) return t.skip('needs the authorization above');
		const op = await openForTryItOut('post', CREATE_PATH);
		await fillParameter(op, 'userId', USER_ID);
		await op.locator('textarea.body-param__text').fill('{}');
		const shown = await execute(op, 'POST', `/ekyc/admin/${USER_ID}/sessions`);
		assert.equal(shown.status, '200', `expected 200, page shows:\n${shown.body}`);
		assert.match(shown.body, /"status": "CREATED"/);
		assert.ok(shown.body.includes(`"userId": "${USER_ID}"`), `userId ${USER_ID} missing:\n${shown.body}`);
		assert.ok(shown.body.includes(`"createdBy": "${CLIENT_ID}"`), `createdBy is not ${CLIENT_ID}:\n${shown.body}`);
		assert.match(shown.curl, /Authorization: Bearer ey/, 'the request carried the token');
	});

	test('sends any user id the service accepts (the document\'s pattern works in the browser)', async (t) => {
		if (!authorized) return t.skip('needs the authorization above');
		// Swagger UI checks parameters against their `pattern` with JavaScript's RegExp: a
		// Java-only pattern such as ^[^\p{Cc}\p{Z}\s]{1,255}$ there refuses p, C, c, Z and braces.
		const stranger = `Zap-cC-${Date.now()}`;
		const op = await openForTryItOut('get', STATUS_PATH);
		await fillParameter(op, 'userId', stranger);
		const shown = await execute(op, 'GET', `/ekyc/admin/${stranger}/status`);
		assert.equal(shown.status, '404', `expected 404 (no session), page shows:\n${shown.body}`);
	});

	test('reads the status with Try it out (200, status CREATED)', async (t) => {
		if (!authorized) return t.skip('needs the authorization above');
		const op = await openForTryItOut('get', STATUS_PATH);
		await fillParameter(op, 'userId', USER_ID);
		const shown = await execute(op, 'GET', `/ekyc/admin/${USER_ID}/status`);
		assert.equal(shown.status, '200', `expected 200, page shows:\n${shown.body}`);
		assert.match(shown.body, /"status": "CREATED"/);
		assert.ok(shown.body.includes(`"userId": "${USER_ID}"`), `userId ${USER_ID} missing:\n${shown.body}`);
	});

	// --- helpers -------------------------------------------------------------------------

	/** The operation block; its path is read from data-path (the shown text has hidden breaks). */
	function operation(method, path) {
		return page.locator(`.opblock.opblock-${method}`)
			.filter({ has: page.locator(`.opblock-summary-path[data-path="${path}"]`) });
	}

	/** Expands the operation and makes sure "Try it out" is on (springdoc may turn it on by default). */
	async function openForTryItOut(method, path) {
		const op = operation(method, path);
		await op.waitFor();
		if (!(await op.evaluate((element) => element.classList.contains('is-open')))) {
			await op.locator('.opblock-summary').first().click();
		}
		await op.locator('.opblock-body').waitFor();
		// "Try it out" while off, "Cancel" while on (besides it a "Reset" once a body was edited).
		const tryOut = op.locator('button.try-out__btn:not(.reset)');
		await tryOut.waitFor();
		if (!(await tryOut.evaluate((button) => button.classList.contains('cancel')))) {
			await tryOut.click();
			await op.locator('button.try-out__btn.cancel').waitFor();
		}
		await op.locator('button.execute').waitFor();
		return op;
	}

	async function fillParameter(op, name, value) {
		const input = op.locator(`tr[data-param-name="${name}"] input`);
		await input.fill(value);
		assert.equal(await input.inputValue(), value);
	}

	/**
	 * Clicks Execute, waits for the request the page sends and for the answer it renders, and
	 * returns what the page shows: status code, response body and the curl command line.
	 */
	async function execute(op, method, path) {
		const url = new URL(path, BASE_URL).href;
		// No answer of an earlier execution may stay on the page to be mistaken for this one.
		const clear = op.locator('button.btn-clear');
		if (await clear.count()) {
			await clear.click();
			await op.locator('.live-responses-table').waitFor({ state: 'detached' });
		}
		const sent = page.waitForResponse((r) => r.url() === url && r.request().method() === method);
		await op.locator('button.execute').click();
		// Swagger UI checks the parameters first and sends nothing when it dislikes them.
		const errors = op.locator('.validation-errors');
		// (A box left from an earlier execution is not a refusal: the request may still come.)
		const refused = errors.waitFor().then(() => Promise.race([sent, setTimeout(3_000).then(async () => {
			throw new Error(`Swagger UI did not send ${method} ${url}: ${await errors.innerText()}`);
		})]));
		let response;
		try {
			response = await Promise.race([sent, refused]);
		}
		catch (error) {
			throw new Error(`${error.message}\nbrowser log so far:\n${problems.join('\n')}`);
		}
		finally {
			sent.catch(() => {});
			refused.catch(() => {});
		}
		const expected = String(response.status());
		const live = op.locator('.live-responses-table .response');
		const status = live.locator('.response-col_status');
		// Rendered after the response arrives: wait until the page shows this response's code.
		await status.filter({ hasText: new RegExp(`^\\s*${expected}\\s*$`) }).waitFor();
		const body = live.locator('.response-col_description pre, .response-col_description .microlight').first();
		await body.waitFor();
		return {
			status: (await status.innerText()).trim(),
			body: await body.innerText(),
			curl: await op.locator('.curl-command').innerText(),
		};
	}
});
