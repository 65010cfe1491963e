// drizzle-kit's settings: `npm run db:generate` writes a migration for every change to the schema.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/server/database/schema.ts",
  out: "./lib/server/database/migrations",
});
