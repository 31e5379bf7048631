import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPathwayService, type Partner } from '../../../src/domain';
import { openSqliteStore } from '../../../src/store/sqlite';
import { ENGAGEMENT, LEAD, SETTINGS, TestClock, activeInvolvement, advertisedRole, type Harness } from '../../domain/service/harness';

const NAME = 'Zebedee Quillfeather';
const NOTES = 'Described years of dialysis at the renal unit.';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-pathway-erasure-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

/** The database file and its write-ahead log, as bytes on disk. */
function onDisk(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter((name) => fs.existsSync(name)).map((name) => fs.readFileSync(name)));
}

describe('erasure on a SQLite file', () => {
  it('leaves no copy of the erased name or notes in the database file or its write-ahead log', async () => {
    const file = path.join(tempDir, 'erase.db');
    const store = openSqliteStore({ path: file });
    const clock = new TestClock('2026-03-10');
    const service = createPathwayService({ store, clock, settings: SETTINGS, access: { engagementTeamIds: [ENGAGEMENT.id] } });
    const harness: Harness = { store, clock, service };
    try {
      const { roleId } = await advertisedRole(harness);
      const involvement = await activeInvolvement(harness, roleId, NAME);
      await service.oneToOnes.recordHeld(LEAD, { involvementId: involvement.id, date: '2026-03-10', notes: NOTES });
      const partner = (await store.get('partners', involvement.partnerId)) as Partner;
      // Several versions of the row and notes now sit in the log and the file: the test can see them.
      expect(onDisk(file).includes(NAME)).toBe(true);
      expect(onDisk(file).includes(NOTES)).toBe(true);

      await service.personalData.erase(ENGAGEMENT, { partnerId: partner.id, version: partner.version });

      for (const secret of [NAME, 'Zebedee', 'Quillfeather', NOTES, 'dialysis']) {
        expect(onDisk(file).includes(secret)).toBe(false);
        expect(onDisk(file).includes(Buffer.from(secret, 'utf16le'))).toBe(false);
      }
      const trail = await store.find({ list: 'activity', where: { summary: 'Personal data erased' } });
      expect(trail.map((entry) => JSON.parse(entry.changes ?? '{}'))).toContainEqual(
        expect.objectContaining({ fullName: { changed: true } }),
      );
    } finally {
      await store.close();
    }
    for (const secret of [NAME, NOTES]) expect(onDisk(file).includes(secret)).toBe(false);
  });
});
