import * as vscode from 'vscode';
import { isEngineError } from '../../engine/EngineError';
import type { HostKeyProblem } from '../../engine/connection/HostKeyProblem';
import { trustHostKey } from '../../engine/connection/trustHostKey';

/**
 * Runs `attempt`; when an ssh engine's host key is UNKNOWN to known_hosts, asks the user — as `ssh` does on a
 * first connection, but modal and with the fingerprint and the file it would be added to — and, on "Trust and
 * Connect", records the key (trustHostKey) and runs `attempt` once more. A CHANGED or revoked key is never a
 * question: its error goes through unchanged. Undefined when the user declines.
 */
export async function withHostKeyTrust<T>(
    attempt: () => Promise<T>,
    onTrusted: () => void = () => undefined,
): Promise<T | undefined> {
    try {
        return await attempt();
    } catch (error) {
        const problem = isEngineError(error) && error.kind === 'host-key' ? error.hostKey : undefined;
        if (!problem || problem.verdict !== 'unknown') {
            throw error;
        }
        if (!(await askToTrust(problem))) {
            return undefined;
        }
        await trustHostKey(problem);
        onTrusted();
        return attempt();
    }
}

async function askToTrust(problem: HostKeyProblem): Promise<boolean> {
    const trust = vscode.l10n.t('Trust and Connect');
    const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('The ssh host {0}:{1} is not known. Trust its key and connect?', problem.host, problem.port),
        {
            modal: true,
            detail: vscode.l10n.t(
                "Key: {0} {1}\nOn trust, this line is added to {2}:\n{3}\nCompare the fingerprint with the one the server's administrator gives you (ssh-keygen -lf /etc/ssh/ssh_host_{4}_key.pub on the server).",
                problem.keyType,
                problem.fingerprint,
                problem.knownHostsFile,
                problem.knownHostsLine,
                problem.keyType.replace(/^ssh-/, '').replace(/^ecdsa-sha2-nistp\d+$/, 'ecdsa'),
            ),
        },
        trust,
    );
    return answer === trust;
}
