import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';

// `--stdio` (Neovim, Helix, any LSP client), `--node-ipc` / `--socket=N` as vscode-languageclient passes them;
// started by Node with an IPC channel and no flag, the channel is the connection.
const flagged = process.argv.some(
    (arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'),
);
startServer(
    flagged || !process.send
        ? createConnection(ProposedFeatures.all)
        : createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process)),
);
