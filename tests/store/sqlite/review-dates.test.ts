import { openSqliteStore } from '../../../src/store/sqlite';
import { describeReviewDatesFilled } from '../review-dates-contract';

describeReviewDatesFilled('SQLite in memory', async () => openSqliteStore({ path: ':memory:' }));
