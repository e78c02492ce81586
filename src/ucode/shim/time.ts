// Time builtins with ucode's struct tm conventions (mon 1-12, full year,
// Sunday = 7, yday from 1) and mktime()'s handling of isdst.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { libcFlavor } from './config';
import { EOK, int64Get, toInteger, toNumV } from './numbers';
import { isObj, truish } from './values';
import { nodeProcess } from './io';

export function time(): number {
	return Math.floor(Date.now() / 1000);
}

export function clock(monotonic?: unknown): number[] | null {
	if (truish(monotonic)) {
		const p = nodeProcess();
		if (p && p.hrtime && typeof p.hrtime.bigint === 'function') {
			const ns: bigint = p.hrtime.bigint();
			return [Number(ns / 1000000000n), Number(ns % 1000000000n)];
		}
		const g: any = globalThis as any;
		const ms = g.performance && typeof g.performance.now === 'function' ? g.performance.now() : Date.now();
		return [Math.floor(ms / 1000), Math.floor((ms % 1000) * 1e6)];
	}
	const ms = Date.now();
	return [Math.floor(ms / 1000), (ms % 1000) * 1e6];
}

interface TimeSpec { sec: number; min: number; hour: number; mday: number; mon: number; year: number; wday: number; yday: number; isdst: number }

function stdOffset(year: number): number {
	// minutes west of UTC for standard (non-DST) time in the given year
	const jan = new Date(year, 0, 1).getTimezoneOffset();
	const jul = new Date(year, 6, 1).getTimezoneOffset();
	return Math.max(jan, jul);
}

function dstOffset(year: number): number {
	const jan = new Date(year, 0, 1).getTimezoneOffset();
	const jul = new Date(year, 6, 1).getTimezoneOffset();
	// a zone without DST: glibc's mktime assumes DST is one hour ahead, musl ignores isdst
	if (jan === jul) return libcFlavor === 'glibc' ? jan - 60 : jan;
	return Math.min(jan, jul);
}

function gettime(ts: unknown, local: boolean): TimeSpec | null {
	const t = ts === null || ts === undefined ? time() : Number(toInteger(ts));
	const d = new Date(t * 1000);
	if (Number.isNaN(d.getTime())) return null;
	const year = local ? d.getFullYear() : d.getUTCFullYear();
	const mon = local ? d.getMonth() : d.getUTCMonth();
	const mday = local ? d.getDate() : d.getUTCDate();
	const ydayMs = Date.UTC(year, mon, mday) - Date.UTC(year, 0, 1);
	const wday = local ? d.getDay() : d.getUTCDay();
	return {
		sec: local ? d.getSeconds() : d.getUTCSeconds(),
		min: local ? d.getMinutes() : d.getUTCMinutes(),
		hour: local ? d.getHours() : d.getUTCHours(),
		mday,
		mon: mon + 1,
		year,
		wday: wday ? wday : 7,
		yday: Math.round(ydayMs / 86400000) + 1,
		isdst: local && d.getTimezoneOffset() < stdOffset(year) ? 1 : 0,
	};
}

/** broken-down local time; mon 1..12, year e.g. 2025, wday 1..7 with Sunday = 7, yday 1..366 */
export function localtime(ts?: unknown): TimeSpec | null { return gettime(ts, true); }
export function gmtime(ts?: unknown): TimeSpec | null { return gettime(ts, false); }

function mktime(spec: unknown, local: boolean): number | null {
	if (!isObj(spec)) return null;
	for (const f of ['mday', 'mon', 'year']) if (!Object.prototype.hasOwnProperty.call(spec, f)) return null;
	const get = (f: string): number => Number(BigInt.asIntN(32, toInteger(spec[f] === undefined ? null : spec[f])));
	let mon = get('mon');
	let year = get('year');
	if (mon > 0) mon--;
	if (year < 1900) year += 1900;
	const isdst = get('isdst');
	const d = new Date(0);
	d.setUTCFullYear(year, mon, get('mday'));
	d.setUTCHours(get('hour'), get('min'), get('sec'), 0);
	let t = d.getTime() / 1000;
	if (Number.isNaN(t)) return null;
	if (local) {
		if (isdst < 0) {
			const ld = new Date(0);
			ld.setFullYear(year, mon, get('mday'));
			ld.setHours(get('hour'), get('min'), get('sec'), 0);
			t = ld.getTime() / 1000;
		}
		else {
			const off = isdst > 0 ? dstOffset(year) : stdOffset(year);
			t += off * 60;
		}
	}
	return t === -1 ? null : Math.floor(t);
}

export function timelocal(spec?: unknown): number | null { return mktime(spec, true); }
export function timegm(spec?: unknown): number | null { return mktime(spec, false); }

export function sleep(ms?: unknown): boolean {
	const [n, err] = int64Get(toNumV(ms));
	if (err !== EOK || n <= 0n) return false;
	const dur = Number(n);
	const g: any = globalThis as any;
	try {
		const sab = new g.SharedArrayBuffer(4);
		g.Atomics.wait(new Int32Array(sab), 0, 0, dur);
	}
	catch {
		const end = Date.now() + dur;
		while (Date.now() < end) { /* busy wait */ }
	}
	return true;
}
