'use strict';
const express = require('express');

const app = express();
const port = Number(process.env.PORT || 8080);

app.get('/healthz', (_req, res) => res.type('text/plain').send('ok\n'));
app.get('/', (_req, res) => res.json({ hello: 'express', node: process.version }));

const server = app.listen(port, () => console.log(`hello-express listening on ${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
