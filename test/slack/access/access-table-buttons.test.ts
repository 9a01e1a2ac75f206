import { accessTable, TABLE_PARTS } from '../../support/access-table.js';

// The access table (test/support/access-table.ts) for every button and modal action.
accessTable(TABLE_PARTS.buttons);
