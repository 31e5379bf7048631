import { openSqliteStore } from '../../../src/store/sqlite';
import { describeClaimRecords } from '../claim-records-contract';

describeClaimRecords('SQLite in memory', async () => ({ store: openSqliteStore({ path: ':memory:' }) }));
