import postgres from 'postgres';
import { generate } from './generate.js';
import { startApp } from './support/server.js';
const admin = postgres('postgres://postgres@127.0.0.1:5432/postgres', { max: 1, onnotice: () => {} });
await admin.unsafe('drop database if exists vd_probe with (force)');
await admin.unsafe('create database vd_probe');
const url = 'postgres://postgres@127.0.0.1:5432/vd_probe';
const out = {};
for (const [key, roadmap] of [['300', { items: 300, dependencies: 400, contractLinks: 2000 }], ['1000', { items: 1000, dependencies: 1000, contractLinks: 1000 }], ['5000', { items: 5000, dependencies: 5000, contractLinks: 5000 }]]) {
  const p = await generate('small', { databaseUrl: url, roadmap, name: `Probe ${key}` });
  out[key] = { slug: p.slug, cookie: p.cookie };
}
const app = await startApp(url);
out.base = app.base;
console.log(JSON.stringify(out));
setInterval(() => {}, 1e9);
