// npm run db:roles: creates the schema owner and the bot's role on an external PostgreSQL.
// DATABASE_ADMIN_URL: a superuser (or a role with CREATEROLE that owns the database);
// DATABASE_OWNER_URL and DATABASE_URL: the two roles to create, with their passwords.
import postgres from 'postgres';
import { applyMigrations } from '../db/migrate.js';
import { ensureRole, handOverToOwner } from '../db/roles.js';
import { runCommand, say } from './command.js';

runCommand('db:roles', async (config) => {
  const adminUrl = process.env.DATABASE_ADMIN_URL;
  if (!adminUrl || !config.databaseUrl || !config.databaseOwnerUrl) {
    throw new Error('set DATABASE_ADMIN_URL (a superuser), DATABASE_OWNER_URL (the owner role to create) and DATABASE_URL (the bot role to create)');
  }
  const owner = new URL(config.databaseOwnerUrl);
  const app = new URL(config.databaseUrl);
  const [ownerName, appName] = [decodeURIComponent(owner.username), decodeURIComponent(app.username)];
  if (!ownerName || !appName || ownerName === appName) throw new Error('DATABASE_OWNER_URL and DATABASE_URL must name two different roles');
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await ensureRole(admin, ownerName, decodeURIComponent(owner.password));
    await ensureRole(admin, appName, decodeURIComponent(app.password));
    await handOverToOwner(admin, ownerName);
  } finally {
    await admin.end({ timeout: 5 });
  }
  await applyMigrations(config.databaseOwnerUrl, { appRole: appName });
  say(`roles ready: ${ownerName} owns the schema (migrations, backups, restores); ${appName} is the bot's role (INSERT and SELECT only on history)`);
});
