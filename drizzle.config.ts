import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db/schema.ts into migrations/ and committed;
// the bot applies them at start-up (src/db/migrate.ts). No database is needed to generate.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './migrations',
});
