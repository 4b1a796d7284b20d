import type { RepoCheck } from '../../engine/types.js';
import { describeSpringSetting, settingText } from '../../model/frameworks/spring.js';
import { forEachSpringApp, locationOf } from './common.js';

// Keys that make Hibernate or JPA generate the schema at startup.
const KEYS = ['spring.jpa.hibernate.ddl-auto', 'spring.jpa.properties.hibernate.hbm2ddl.auto', 'spring.jpa.properties.jakarta.persistence.schema-generation.database.action', 'spring.jpa.properties.javax.persistence.schema-generation.database.action'];
const DROPS = /^(create|create-drop|drop-and-create|drop)$/i;
// An in-memory database starts empty on every run: nothing is lost by recreating it.
const IN_MEMORY_URL = /^jdbc:(h2:mem:|hsqldb:mem:|derby:memory:)/i;

export const springDdlAuto: RepoCheck = {
  id: 'spring.ddl-auto',
  title: 'Hibernate does not recreate or alter the production schema',
  category: 'reliability',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary:
      'Fails when the configuration production loads sets `spring.jpa.hibernate.ddl-auto` (or `hibernate.hbm2ddl.auto`, JPA\'s `schema-generation.database.action`) to `create`, `create-drop` or `drop-and-create` (P0: the tables are dropped at startup or shutdown) or `update` (P1: unreviewed schema changes at every start). A datasource URL of an in-memory database passes.',
    why: 'Spring Boot\'s reference ("Database Initialization") recommends a migration tool (Flyway, Liquibase) for production and `ddl-auto` only for embedded development databases: `create` and `create-drop` drop every table and its data at each deploy, `update` alters the schema without review and never drops what it should.',
    fix: 'Set `spring.jpa.hibernate.ddl-auto: validate` (or `none`) in production and manage the schema with Flyway or Liquibase migrations.',
    severityNote: 'P1 for `update`: the schema changes without review, but no data is dropped.',
  },
  run: (ctx) =>
    forEachSpringApp(ctx, (app) => {
      const url = settingText(app.get('spring.datasource.url'));
      for (const key of KEYS) {
        const s = app.get(key);
        const value = settingText(s)?.trim();
        if (!s || !value) continue;
        const drops = DROPS.test(value);
        if (!drops && !/^update$/i.test(value)) continue;
        if (url && IN_MEMORY_URL.test(url)) return [{ status: 'pass', message: `${describeSpringSetting(s)}, on an in-memory database (${url}): nothing persists to lose.` }];
        return [
          drops
            ? { status: 'fail', message: `${describeSpringSetting(s)}: Hibernate drops the tables and their data when the application starts (or stops).`, location: locationOf(s) }
            : { status: 'fail', severity: 'P1', message: `${describeSpringSetting(s)}: Hibernate alters the production schema at every start, without review or rollback.`, location: locationOf(s) },
        ];
      }
      return [{ status: 'pass', message: 'Hibernate does not generate the schema in the configuration production loads (ddl-auto is not create, create-drop or update).' }];
    }),
};
