'use strict';
const http = require('node:http');

const port = Number(process.env.PORT || 3000);

const server = http.createServer((req, res) => {
    if (req.url === '/healthz') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok\n');
        return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ hello: 'world', node: process.version, tz: Intl.DateTimeFormat().resolvedOptions().timeZone }) + '\n');
});

server.listen(port, () => console.log(`hello-node listening on ${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
