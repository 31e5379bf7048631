import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DomainError, RefusedError, StoreUnavailableError, ValidationError } from '../../../src/domain/errors';
import type { Query } from '../../../src/domain/store';
import { columnsOf, LISTS, type ListName, type RecordOf } from '../../../src/domain/schema/lists';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite';
import { aContext, aPartner, aRole, anInvolvement, aWorkstream, creating, deleting } from '../builders';
import { describeStoreContract } from '../store-contract';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-pathway-sqlite-'));
let fileCount = 0;

function aDatabaseFile(): string {
  fileCount += 1;
  return path.join(tempDir, `store-${fileCount}.db`);
}

afterAll(() => {
  fs.rmSync(tempDir, { recursive: true, force: true });
});

describeStoreContract('SQLite in memory', async () => openSqliteStore({ path: ':memory:' }));
describeStoreContract('SQLite file', async () => openSqliteStore({ path: aDatabaseFile() }));

/** Opens a store on a file, runs `work`, and closes it. */
async function withStore<T>(file: string, work: (store: SqliteStore) => Promise<T>): Promise<T> {
  const store = openSqliteStore({ path: file });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Opens the file directly, as another process or a person with the sqlite3 shell would. */
function withRaw<T>(file: string, work: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

function schemaObjects(db: Database.Database): unknown[] {
  return db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all();
}

async function aPathway(store: SqliteStore) {
  const [workstream, role, partner, involvement] = await store.commit(
    [
      creating('workstreams', aWorkstream(), { ref: 'ws' }),
      creating('roles', aRole({ ref: 'ws' }), { ref: 'role' }),
      creating('partners', aPartner(), { ref: 'partner' }),
      creating('involvements', anInvolvement({ partnerId: { ref: 'partner' }, roleId: { ref: 'role' }, workstreamId: { ref: 'ws' } })),
    ],
    aContext(),
  );
  return {
    workstream: workstream as RecordOf<'workstreams'>,
    role: role as RecordOf<'roles'>,
    partner: partner as RecordOf<'partners'>,
    involvement: involvement as RecordOf<'involvements'>,
  };
}

describe('SQLite store', () => {
  describe('migrating at open', () => {
    it('creates a table per list with the system columns, one column per field and an index on every indexed field', async () => {
      const file = aDatabaseFile();
      await withStore(file, async () => undefined);
      withRaw(file, (db) => {
        for (const list of Object.keys(LISTS) as ListName[]) {
          const columns = db.pragma(`table_info("${list}")`) as Array<{ name: string; type: string; notnull: number }>;
          expect(columns.map((column) => column.name)).toEqual([
            'id',
            'key',
            'version',
            'created',
            'modified',
            ...columnsOf(list).map((column) => column.name),
          ]);
          for (const { name, meta } of columnsOf(list)) {
            const column = columns.find((candidate) => candidate.name === name);
            expect({ name, notnull: column?.notnull }).toEqual({ name, notnull: meta.required ? 1 : 0 });
          }
          const indexes = (db.pragma(`index_list("${list}")`) as Array<{ name: string }>).map((index) => index.name);
          const indexed = columnsOf(list).filter((column) => column.meta.indexed);
          expect(indexed.map((column) => `ix_${list}_${column.name}`).filter((name) => !indexes.includes(name))).toEqual([]);
        }
        const roleKeys = db.pragma(`foreign_key_list("roles")`) as Array<{ table: string; from: string; to: string }>;
        expect(roleKeys).toEqual([expect.objectContaining({ table: 'workstreams', from: 'workstreamId', to: 'id' })]);
      });
    });

    it('changes nothing and records no second migration when the same file is opened again, keeping the data', async () => {
      const file = aDatabaseFile();
      const { role } = await withStore(file, async (store) => {
        expect(store.migration.applied.length).toBeGreaterThan(0);
        expect(store.migration.schemaVersion).toBe(1);
        return aPathway(store);
      });
      const before = withRaw(file, schemaObjects);

      await withStore(file, async (store) => {
        expect(store.migration).toEqual({ schemaVersion: 1, applied: [], unknownColumns: [] });
        expect(await store.get('roles', role.id)).toEqual(role);
      });

      withRaw(file, (db) => {
        expect(schemaObjects(db)).toEqual(before);
        expect(db.prepare(`SELECT count(*) AS n FROM schema_migrations`).get()).toEqual({ n: 1 });
      });
    });

    it('adds the columns an older database lacks, keeping its rows, and keeps and reports a column the schema dropped', async () => {
      const file = aDatabaseFile();
      withRaw(file, (db) => {
        db.exec(`
          CREATE TABLE "workstreams" (
            "id" INTEGER PRIMARY KEY AUTOINCREMENT, "key" TEXT NOT NULL UNIQUE, "version" INTEGER NOT NULL,
            "created" TEXT NOT NULL, "modified" TEXT NOT NULL,
            "title" TEXT NOT NULL, "description" TEXT, "region" TEXT
          );
          CREATE TABLE "inductionTemplateItems" (
            "id" INTEGER PRIMARY KEY AUTOINCREMENT, "key" TEXT NOT NULL UNIQUE, "version" INTEGER NOT NULL,
            "created" TEXT NOT NULL, "modified" TEXT NOT NULL,
            "workstreamId" INTEGER REFERENCES "workstreams"("id"), "label" TEXT NOT NULL, "kind" TEXT NOT NULL, "order" INTEGER NOT NULL
          );
          INSERT INTO "workstreams" VALUES (1, 'legacy-ws', 3, '2025-01-01T09:00:00.000Z', '2025-02-01T09:00:00.000Z',
            'Urgent care', 'Same-day care', 'Yorkshire');
          INSERT INTO "inductionTemplateItems" VALUES (1, 'legacy-item', 1, '2025-01-01T09:00:00.000Z', '2025-01-01T09:00:00.000Z',
            1, 'Named contact', 'Task', 3);
        `);
      });

      await withStore(file, async (store) => {
        expect(store.migration.applied).toEqual(
          expect.arrayContaining([
            'add column workstreams.teamsChannelId',
            'add column inductionTemplateItems.required (existing rows get 0)',
            'create table roles',
            'create index ix_workstreams_title',
          ]),
        );
        expect(store.migration.unknownColumns).toEqual([{ list: 'workstreams', column: 'region' }]);
        expect((await store.health()).detail).toContain('workstreams.region');
        expect(await store.get('workstreams', 1)).toEqual({
          id: 1,
          key: 'legacy-ws',
          version: 3,
          created: '2025-01-01T09:00:00.000Z',
          modified: '2025-02-01T09:00:00.000Z',
          title: 'Urgent care',
          description: 'Same-day care',
          teamsChannelId: null,
        });
        expect(await store.get('inductionTemplateItems', 1)).toMatchObject({ label: 'Named contact', required: false, order: 3 });
      });

      withRaw(file, (db) => {
        expect(db.prepare(`SELECT "region" FROM "workstreams" WHERE "id" = 1`).get()).toEqual({ region: 'Yorkshire' });
      });
    });

    it('refuses a table it did not make and leaves the whole database as it was', async () => {
      const file = aDatabaseFile();
      withRaw(file, (db) => db.exec(`CREATE TABLE "partners" ("name" TEXT)`));
      const before = withRaw(file, schemaObjects);
      expect(() => openSqliteStore({ path: file })).toThrow(/partners has no id, key, version, created, modified column/);
      withRaw(file, (db) => expect(schemaObjects(db)).toEqual(before));
    });
  });

  describe('the connection', () => {
    it('uses write-ahead logging for a file, so reads go on while another connection writes', async () => {
      const file = aDatabaseFile();
      await withStore(file, async (store) => {
        const { workstream } = await aPathway(store);
        const writer = new Database(file);
        try {
          expect(writer.pragma('journal_mode', { simple: true })).toBe('wal');
          writer.exec('BEGIN IMMEDIATE');
          writer.prepare(`UPDATE "workstreams" SET "description" = 'uncommitted' WHERE "id" = ?`).run(workstream.id);
          expect(await store.get('workstreams', workstream.id)).toEqual(workstream);
        } finally {
          writer.close();
        }
      });
    });

    it('creates the folders of a file path that do not exist yet', async () => {
      const file = path.join(tempDir, 'nested', 'deeper', 'pathway.db');
      await withStore(file, async (store) => {
        expect((await store.health()).detail).toContain(file);
      });
      expect(fs.existsSync(file)).toBe(true);
    });

    it('enforces foreign keys: a workstream its roles point at cannot be deleted until they are', async () => {
      const store = openSqliteStore({ path: ':memory:' });
      try {
        const { workstream, role, involvement } = await aPathway(store);
        const error = await store.commit([deleting('workstreams', workstream)], aContext()).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(RefusedError);
        expect(error).toMatchObject({
          code: 'in-use',
          message: 'This workstream cannot be removed while 1 role and 1 involvement still refer to it. Remove or move those first.',
          details: { list: 'workstreams', id: workstream.id, references: { roles: 1, involvements: 1 } },
        });
        expect(await store.get('workstreams', workstream.id)).toEqual(workstream);

        await store.commit(
          [deleting('involvements', involvement), deleting('roles', role), deleting('workstreams', workstream)],
          aContext(),
        );
        expect(await store.get('workstreams', workstream.id)).toBeUndefined();
      } finally {
        await store.close();
      }
    });

    it('keeps the foreign keys in the tables, so writes around the store are checked too', async () => {
      const file = aDatabaseFile();
      await withStore(file, async () => undefined);
      withRaw(file, (db) => {
        db.pragma('foreign_keys = ON');
        const insert = db.prepare(
          `INSERT INTO "roles" ("key", "version", "created", "modified", "workstreamId", "title", "status", "advertState")
           VALUES ('raw', 1, '2026-03-02T10:30:00.000Z', '2026-03-02T10:30:00.000Z', 99, 'Raw role', 'Draft', 'Not sent')`,
        );
        expect(() => insert.run()).toThrow(/FOREIGN KEY constraint failed/);
      });
    });

    it('answers StoreUnavailableError when another connection holds the write lock too long, and writes nothing', async () => {
      const file = aDatabaseFile();
      const store = openSqliteStore({ path: file, busyTimeoutMs: 50 });
      const title = 'Written while locked';
      const locker = new Database(file);
      try {
        locker.exec('BEGIN IMMEDIATE');
        const error = await store.commit([creating('workstreams', aWorkstream({ title }))], aContext()).catch((caught: unknown) => caught);
        locker.exec('ROLLBACK');
        expect(error).toBeInstanceOf(StoreUnavailableError);
        expect((error as StoreUnavailableError).cause).toMatchObject({ code: 'SQLITE_BUSY' });
        expect(await store.find({ list: 'workstreams', where: { title } })).toEqual([]);
      } finally {
        locker.close();
        await store.close();
      }
    });
  });

  describe('reading', () => {
    it('throws a plain error naming the list, the row and the field when a stored row breaks the schema', async () => {
      const file = aDatabaseFile();
      await withStore(file, async (store) => {
        const { role } = await aPathway(store);
        withRaw(file, (db) => db.prepare(`UPDATE "roles" SET "status" = 'Pending' WHERE "id" = ?`).run(role.id));
        const error = await store.get('roles', role.id).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(Error);
        expect(error).not.toBeInstanceOf(DomainError);
        expect((error as Error).message).toMatch(new RegExp(`^The roles row with id ${role.id} does not match the schema \\(status: `));
      });
    });

    it.each([
      ['a date that is not a real one', `"closingDate" = '2026-02-30'`, 'closingDate: Closing date is not a real date'],
      ['a date in the wrong form', `"startDate" = '30/03/2026'`, 'startDate: Start date must be a date like 2026-03-31'],
      ['a level out of range', `"level" = 7`, 'level: Too big: expected number to be <=4'],
      ['a time of change that is not a time', `"modified" = 'yesterday'`, 'modified: Invalid ISO datetime'],
      ['text longer than its column', `"title" = '${'x'.repeat(121)}'`, 'title: Too big: expected string to have <=120 characters'],
      ['an empty required text', `"title" = ''`, 'title: Too small: expected string to have >=1 characters'],
      [
        'a choice not on the list',
        `"accessibleFormats" = '["Easy read","Semaphore"]'`,
        'accessibleFormats.1: Invalid option: expected one of',
      ],
    ])('refuses a stored row holding %s, with the same message', async (_, change, problem) => {
      const file = aDatabaseFile();
      await withStore(file, async (store) => {
        const { role } = await aPathway(store);
        withRaw(file, (db) => db.prepare(`UPDATE "roles" SET ${change} WHERE "id" = ?`).run(role.id));
        await expect(store.get('roles', role.id)).rejects.toThrow(`The roles row with id ${role.id} does not match the schema (${problem}`);
        await expect(store.find({ list: 'roles', where: { workstreamId: role.workstreamId } })).rejects.toThrow(problem);
      });
    });

    it('refuses a stored multiple choice that is not JSON, naming the row and the column', async () => {
      const file = aDatabaseFile();
      await withStore(file, async (store) => {
        const { role } = await aPathway(store);
        withRaw(file, (db) => db.prepare(`UPDATE "roles" SET "accessibleFormats" = 'Easy read' WHERE "id" = ?`).run(role.id));
        await expect(store.get('roles', role.id)).rejects.toThrow(
          `The roles row with id ${role.id} holds a accessibleFormats that is not a JSON array`,
        );
      });
    });

    it('reads a stored yes or no as true or false, and refuses one that is neither', async () => {
      const file = aDatabaseFile();
      await withStore(file, async (store) => {
        const { partner } = await aPathway(store);
        withRaw(file, (db) => db.prepare(`UPDATE "partners" SET "consentGiven" = 1 WHERE "id" = ?`).run(partner.id));
        expect((await store.get('partners', partner.id))?.consentGiven).toBe(true);
        withRaw(file, (db) => db.prepare(`UPDATE "partners" SET "consentGiven" = 2 WHERE "id" = ?`).run(partner.id));
        await expect(store.get('partners', partner.id)).rejects.toThrow(
          `The partners row with id ${partner.id} does not match the schema (consentGiven: Invalid input: expected boolean, received number`,
        );
      });
    });

    it('reads text stored with spaces around it as the app would have written it, trimmed', async () => {
      const file = aDatabaseFile();
      await withStore(file, async (store) => {
        const { role } = await aPathway(store);
        withRaw(file, (db) => db.prepare(`UPDATE "roles" SET "title" = '  Patient voice  ' WHERE "id" = ?`).run(role.id));
        expect((await store.get('roles', role.id))?.title).toBe('Patient voice');
      });
    });
  });

  describe('writing', () => {
    it('refuses a lookup to an item the same commit found and then deleted, naming the field, and changes nothing', async () => {
      await withStore(':memory:', async (store) => {
        const key = 'workstream-to-remove';
        const [workstream] = (await store.commit([creating('workstreams', aWorkstream(), { key })], aContext())) as [
          RecordOf<'workstreams'>,
        ];
        const error = await store
          .commit(
            [creating('workstreams', aWorkstream(), { key }), deleting('workstreams', workstream), creating('roles', aRole(workstream.id))],
            aContext(),
          )
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fields).toEqual({ workstreamId: `Workstream: there is no workstream with id ${workstream.id}.` });
        expect(await store.get('workstreams', workstream.id)).toEqual(workstream);
      });
    });
  });

  describe('querying', () => {
    it('refuses conditions it cannot answer honestly: a value on a multi-choice column, a malformed range, an impossible date, a negative top', async () => {
      const store = openSqliteStore({ path: ':memory:' });
      try {
        const attempts: Array<[unknown, Record<string, RegExp>]> = [
          [{ list: 'roles', where: { accessibleFormats: ['Audio'] } }, { accessibleFormats: /can only be filtered for being empty/ }],
          [{ list: 'roles', where: { closingDate: { after: '2026-01-01' } } }, { closingDate: /a range needs gte, lte or both/ }],
          [{ list: 'roles', where: { closingDate: {} } }, { closingDate: /a range needs gte, lte or both/ }],
          [{ list: 'roles', where: { closingDate: '2026-02-30' } }, { closingDate: /not a real date/ }],
          [{ list: 'roles', where: { status: [null] } }, { status: /only a whole condition can be empty/ }],
          [{ list: 'roles', where: { id: 'seven' } }, { id: /whole number/ }],
          [{ list: 'roles', top: -1 }, { top: /whole number/ }],
        ];
        for (const [query, fields] of attempts) {
          const error = await store.find(query as Query<'roles'>).catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).fields).toEqual(
            Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, expect.stringMatching(message)])),
          );
        }
      } finally {
        await store.close();
      }
    });
  });

  describe('app metadata', () => {
    it('answers undefined for a name never set, then the latest value set, also after reopening', async () => {
      const file = aDatabaseFile();
      await withStore(file, async (store) => {
        expect(store.getMeta('demo-data-seeded')).toBeUndefined();
        store.setMeta('demo-data-seeded', '2026-03-01');
        store.setMeta('demo-data-seeded', '2026-03-02');
        expect(store.getMeta('demo-data-seeded')).toBe('2026-03-02');
      });
      await withStore(file, async (store) => {
        expect(store.getMeta('demo-data-seeded')).toBe('2026-03-02');
        expect(store.getMeta('something-else')).toBeUndefined();
      });
    });
  });

  describe('health and closing', () => {
    it('reports itself healthy with where it is and its schema version', async () => {
      const store = openSqliteStore({ path: ':memory:' });
      expect(await store.health()).toEqual({ ok: true, kind: 'sqlite', detail: ':memory:, schema version 1' });
      await store.close();
    });

    it('closes once, however often asked, and refuses every call afterwards with StoreUnavailableError', async () => {
      const store = openSqliteStore({ path: ':memory:' });
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
      await expect(store.get('workstreams', 1)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.find({ list: 'workstreams' })).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.findAll([{ list: 'roles' }])).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.commit([creating('workstreams', aWorkstream())], aContext())).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.health()).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(() => store.getMeta('x')).toThrow(StoreUnavailableError);
      expect(() => store.setMeta('x', 'y')).toThrow(StoreUnavailableError);
    });
  });
});
