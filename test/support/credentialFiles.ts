/** Credential files as git-secrets and gitleaks name them, at the top and deep in the tree. */
export const CREDENTIAL_FILES = [
    'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ed25519_sk', 'deploy_rsa', 'github_ed25519', '.ssh/config', '.ssh/known_hosts',
    '.aws/credentials', '.azure/accessTokens.json', '.config/gcloud/application_default_credentials.json', '.kube/config', '.docker/config.json',
    '.gnupg/private-keys-v1.d/key', '.netrc', '_netrc', '.git-credentials', '.npmrc', '.pypirc', '.gem/credentials', '.pgpass', '.htpasswd', '.vault-token',
    '.env', '.env.local', '.env.production', '.env-prod', '.env_staging', '.envrc',
    'server.pem', 'server.key', 'cert.p12', 'cert.pfx', 'release.jks', 'app.keystore', 'putty.ppk', 'office.ovpn', 'passwords.kdbx',
    'service-account.json', 'service-account-prod.json', 'gcp-service_account.json', 'credentials.json', 'credentials-ci.json', 'client_secret_123.json',
    'terraform.tfstate', 'terraform.tfstate.backup', 'prod.tfvars', 'prod.tfvars.json', '.terraform/providers/lock',
];
