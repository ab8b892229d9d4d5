import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
const b = new Uint8Array(readFileSync(process.argv[2]));
const t = performance.now();
const book = XLSX.read(b, { type: 'array', dense: process.argv[3] === 'dense', cellDates: true, cellFormula: false, cellHTML: false, cellText: false });
const ws = book.Sheets[book.SheetNames[0]];
console.log('read', performance.now() - t, ws['!ref'], Object.keys(ws).length, (ws['!data'] ?? []).length, process.memoryUsage().heapUsed / 1e6);
