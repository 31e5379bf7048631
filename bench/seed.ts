import { generateOrganisation, ORGANISATION_SIZES, writeOrganisation } from './large-seed';
import { openSqliteStore } from '../src/store/sqlite';
import { systemClock, todayIn } from '../src/domain';
import { BENCH_COMMIT } from './fixtures';

const USAGE = `node dist/bench/bench/seed.js --size <${Object.keys(ORGANISATION_SIZES).join('|')}> <database file>

Writes the benchmarks' generated organisation into an empty SQLite database, with its
dates relative to today, so that "DATABASE_PATH=<database file> npm start" shows it.`;

/** Writes a generated organisation of a named size into a new database file. */
async function seed(args: readonly string[]): Promise<void> {
  const size = args[args.indexOf('--size') + 1] as keyof typeof ORGANISATION_SIZES;
  const file = args.filter((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--size')[0];
  if (!args.includes('--size') || !Object.hasOwn(ORGANISATION_SIZES, size) || !file) throw new Error(USAGE);
  const store = openSqliteStore({ path: file });
  try {
    if ((await store.find({ list: 'workstreams', top: 1 })).length > 0)
      throw new Error(`${file} already holds workstreams; give a new file.`);
    const organisation = generateOrganisation({ ...ORGANISATION_SIZES[size], today: todayIn('Europe/London', systemClock) });
    await writeOrganisation(store, organisation, BENCH_COMMIT);
    console.log(
      `${organisation.records.toLocaleString('en-GB')} records in ${organisation.workstreams.length} workstreams written to ${file}`,
    );
  } finally {
    await store.close();
  }
}

seed(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
